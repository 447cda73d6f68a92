/* bmb-change-set.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-change-set"

#include "config.h"

#include "bmb-change-set.h"

/* One slot per BmbChangeFlags bit. */
#define N_KINDS 9
#define N_ACTIONS 3

struct _BmbChangeSet
{
  gatomicrefcount  ref_count;
  BmbChangeFlags   kinds;
  BmbChangeFlags   coarse;
  GHashTable      *items[N_KINDS];               /* gint64 id → BmbChangeAction */
  GArray          *sorted[N_KINDS][N_ACTIONS];   /* built on demand, dropped on add */
};

G_DEFINE_BOXED_TYPE (BmbChangeSet, bmb_change_set, bmb_change_set_ref, bmb_change_set_unref)

static int
kind_index (BmbChangeFlags kind)
{
  for (int i = 0; i < N_KINDS; i++)
    if (kind == (BmbChangeFlags)(1 << i))
      return i;

  return -1;
}

BmbChangeSet *
bmb_change_set_new (void)
{
  BmbChangeSet *self = g_new0 (BmbChangeSet, 1);

  g_atomic_ref_count_init (&self->ref_count);

  return self;
}

BmbChangeSet *
bmb_change_set_ref (BmbChangeSet *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

static void
drop_sorted (BmbChangeSet *self,
             int           k)
{
  for (int a = 0; a < N_ACTIONS; a++)
    g_clear_pointer (&self->sorted[k][a], g_array_unref);
}

void
bmb_change_set_unref (BmbChangeSet *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  for (int k = 0; k < N_KINDS; k++)
    {
      g_clear_pointer (&self->items[k], g_hash_table_unref);
      drop_sorted (self, k);
    }
  g_free (self);
}

/* The merged action of a row recorded @old then @new; 0 drops the row. */
static BmbChangeAction
merge_action (BmbChangeAction old,
              BmbChangeAction new)
{
  switch (old)
    {
    case BMB_CHANGE_ADDED:
      return new == BMB_CHANGE_REMOVED ? 0 : BMB_CHANGE_ADDED;
    case BMB_CHANGE_CHANGED:
      return new == BMB_CHANGE_REMOVED ? BMB_CHANGE_REMOVED : BMB_CHANGE_CHANGED;
    case BMB_CHANGE_REMOVED:
      return new == BMB_CHANGE_ADDED ? BMB_CHANGE_CHANGED : BMB_CHANGE_REMOVED;
    default:
      return new;
    }
}

void
bmb_change_set_add (BmbChangeSet    *self,
                    BmbChangeFlags   kind,
                    gint64           id,
                    BmbChangeAction  action)
{
  int k = kind_index (kind);
  gpointer value;
  BmbChangeAction merged;

  g_return_if_fail (self != NULL);
  g_return_if_fail (k >= 0);
  g_return_if_fail (action >= BMB_CHANGE_ADDED && action <= BMB_CHANGE_REMOVED);

  self->kinds |= kind;

  if (self->items[k] == NULL)
    self->items[k] = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  drop_sorted (self, k);

  if (g_hash_table_lookup_extended (self->items[k], &id, NULL, &value))
    merged = merge_action (GPOINTER_TO_INT (value), action);
  else
    merged = action;

  if (merged == 0)
    g_hash_table_remove (self->items[k], &id);
  else
    g_hash_table_insert (self->items[k], g_memdup2 (&id, sizeof id), GINT_TO_POINTER (merged));
}

void
bmb_change_set_add_kinds (BmbChangeSet   *self,
                          BmbChangeFlags  kinds)
{
  g_return_if_fail (self != NULL);

  self->kinds |= kinds;
  self->coarse |= kinds;
}

void
bmb_change_set_merge (BmbChangeSet       *self,
                      const BmbChangeSet *other)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (other != NULL);

  self->kinds |= other->kinds;
  self->coarse |= other->coarse;

  for (int k = 0; k < N_KINDS; k++)
    {
      GHashTableIter iter;
      gpointer key, value;

      if (other->items[k] == NULL)
        continue;

      g_hash_table_iter_init (&iter, other->items[k]);
      while (g_hash_table_iter_next (&iter, &key, &value))
        bmb_change_set_add (self, 1 << k, *(gint64 *)key, GPOINTER_TO_INT (value));
    }
}

gboolean
bmb_change_set_is_empty (const BmbChangeSet *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return self->kinds == BMB_CHANGE_NONE;
}

BmbChangeFlags
bmb_change_set_get_kinds (const BmbChangeSet *self)
{
  g_return_val_if_fail (self != NULL, BMB_CHANGE_NONE);

  return self->kinds;
}

BmbChangeFlags
bmb_change_set_get_coarse_kinds (const BmbChangeSet *self)
{
  g_return_val_if_fail (self != NULL, BMB_CHANGE_NONE);

  return self->coarse;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *)a;
  gint64 y = *(const gint64 *)b;

  return (x > y) - (x < y);
}

const gint64 *
bmb_change_set_get_ids (const BmbChangeSet *self,
                        BmbChangeFlags      kind,
                        BmbChangeAction     action,
                        guint              *n_ids)
{
  BmbChangeSet *mutable = (BmbChangeSet *)self;
  int k = kind_index (kind);
  GArray *ids;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (k >= 0, NULL);
  g_return_val_if_fail (action >= BMB_CHANGE_ADDED && action <= BMB_CHANGE_REMOVED, NULL);

  if (n_ids != NULL)
    *n_ids = 0;
  if (self->items[k] == NULL)
    return NULL;

  ids = self->sorted[k][action - 1];
  if (ids == NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_hash_table_iter_init (&iter, self->items[k]);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if ((BmbChangeAction)GPOINTER_TO_INT (value) == action)
          g_array_append_val (ids, *(gint64 *)key);
      g_array_sort (ids, compare_ids);
      mutable->sorted[k][action - 1] = ids;
    }

  if (ids->len == 0)
    return NULL;
  if (n_ids != NULL)
    *n_ids = ids->len;

  return (const gint64 *)(gpointer)ids->data;
}

guint
bmb_change_set_get_n_items (const BmbChangeSet *self,
                            BmbChangeFlags      kind)
{
  int k = kind_index (kind);

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (k >= 0, 0);

  return self->items[k] != NULL ? g_hash_table_size (self->items[k]) : 0;
}

BmbChangeAction
bmb_change_set_lookup (const BmbChangeSet *self,
                       BmbChangeFlags      kind,
                       gint64              id)
{
  int k = kind_index (kind);

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (k >= 0, 0);

  if (self->items[k] == NULL)
    return 0;

  return GPOINTER_TO_INT (g_hash_table_lookup (self->items[k], &id));
}
