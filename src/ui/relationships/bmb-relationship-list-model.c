/* bmb-relationship-list-model.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-relationship-list-model"

#include "config.h"

#include "bmb-relationship-list-model.h"

#define PAGE_SIZE  32
#define CACHE_SIZE 256

struct _BmbRelationshipListModel
{
  GObject            parent_instance;

  /* owned */
  BmbMentoringStore *store;
  GArray            *ids;     /* gint64, in list order */
  GHashTable        *cache;   /* gint64 → BmbRelationship (strong) */

  /* state */
  guint              first_ended;   /* G_MAXUINT: not known yet */
  guint              n_created;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BmbRelationshipListModel, bmb_relationship_list_model,
                               G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

#define UNKNOWN (G_MAXUINT - 1)

static BmbRelationship *
load_one (BmbRelationshipListModel *self,
          gint64                    id)
{
  g_autoptr(GError) error = NULL;
  BmbRelationship *relationship;

  relationship = bmb_mentoring_store_get_relationship (self->store, id, &error);
  if (relationship == NULL)
    {
      g_debug ("Could not read relationship %" G_GINT64_FORMAT ": %s", id, error->message);
      return NULL;
    }

  self->n_created++;
  return relationship;
}

/* Reads the page around @position into the cache. */
static void
materialize_page (BmbRelationshipListModel *self,
                  guint                     position)
{
  guint start = position - position % PAGE_SIZE;
  guint end = MIN (start + PAGE_SIZE, self->ids->len);

  /* A simple bound: the rows on screen hold their own references. */
  if (g_hash_table_size (self->cache) + PAGE_SIZE > CACHE_SIZE)
    g_hash_table_remove_all (self->cache);

  for (guint i = start; i < end; i++)
    {
      gint64 id = g_array_index (self->ids, gint64, i);
      BmbRelationship *relationship;

      if (g_hash_table_contains (self->cache, &id))
        continue;
      if ((relationship = load_one (self, id)))
        g_hash_table_insert (self->cache, g_memdup2 (&id, sizeof id), relationship);
    }
}

static BmbRelationship *
lookup (BmbRelationshipListModel *self,
        guint                     position)
{
  gint64 id = g_array_index (self->ids, gint64, position);
  BmbRelationship *relationship = g_hash_table_lookup (self->cache, &id);

  if (relationship == NULL)
    {
      materialize_page (self, position);
      relationship = g_hash_table_lookup (self->cache, &id);
    }

  return relationship;
}

/* Active ones come first: a binary search reads a handful of rows. */
static guint
compute_first_ended (BmbRelationshipListModel *self)
{
  guint low = 0, high = self->ids->len;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;
      gint64 id = g_array_index (self->ids, gint64, mid);
      g_autoptr(BmbRelationship) relationship = NULL;

      /* One row each, not a page: the probes are far apart. */
      if ((relationship = g_hash_table_lookup (self->cache, &id)))
        g_object_ref (relationship);
      else
        relationship = load_one (self, id);

      if (relationship != NULL && bmb_relationship_is_ended (relationship))
        high = mid;
      else
        low = mid + 1;
    }

  return low < self->ids->len ? low : G_MAXUINT;
}

/* The rows above and below the "Ended" heading are bound again when it
 * moves. */
static void
update_first_ended (BmbRelationshipListModel *self)
{
  guint old = self->first_ended;
  guint now = compute_first_ended (self);

  self->first_ended = now;
  if (old == now || old == UNKNOWN)
    return;

  if (old < self->ids->len)
    g_list_model_items_changed (G_LIST_MODEL (self), old, 1, 1);
  if (now < self->ids->len)
    g_list_model_items_changed (G_LIST_MODEL (self), now, 1, 1);
}

/* Swaps in @ids with one minimal items-changed; positions in @changed
 * (ids whose row must be bound again) that kept their place are replaced
 * one by one. */
static void
replace_ids (BmbRelationshipListModel *self,
             GArray                   *ids,
             GHashTable               *changed)
{
  const gint64 *old = (const gint64 *)(gpointer)self->ids->data;
  const gint64 *new = (const gint64 *)(gpointer)ids->data;
  guint old_len = self->ids->len;
  guint new_len = ids->len;
  guint head = 0, tail = 0;

  while (head < old_len && head < new_len && old[head] == new[head])
    head++;
  while (tail < old_len - head && tail < new_len - head &&
         old[old_len - 1 - tail] == new[new_len - 1 - tail])
    tail++;

  g_array_unref (self->ids);
  self->ids = g_array_ref (ids);

  if (old_len - head - tail > 0 || new_len - head - tail > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), head, old_len - head - tail,
                                new_len - head - tail);

  if (changed != NULL)
    for (guint i = 0; i < head; i++)
      if (g_hash_table_contains (changed, &new[i]))
        g_list_model_items_changed (G_LIST_MODEL (self), i, 1, 1);
  if (changed != NULL)
    for (guint i = new_len - tail; i < new_len; i++)
      if (g_hash_table_contains (changed, &new[i]))
        g_list_model_items_changed (G_LIST_MODEL (self), i, 1, 1);
}

/* ---- GListModel ---- */

static GType
get_item_type (GListModel *model)
{
  return BMB_TYPE_RELATIONSHIP;
}

static guint
get_n_items (GListModel *model)
{
  return BMB_RELATIONSHIP_LIST_MODEL (model)->ids->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  BmbRelationshipListModel *self = BMB_RELATIONSHIP_LIST_MODEL (model);
  BmbRelationship *relationship;

  if (position >= self->ids->len)
    return NULL;

  relationship = lookup (self, position);
  if (relationship == NULL)
    {
      /* Deleted behind our back: a placeholder until the change arrives. */
      relationship = bmb_relationship_new ();
      return relationship;
    }

  return g_object_ref (relationship);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

/* ---- GObject ---- */

static void
bmb_relationship_list_model_finalize (GObject *object)
{
  BmbRelationshipListModel *self = (BmbRelationshipListModel *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->cache, g_hash_table_unref);

  G_OBJECT_CLASS (bmb_relationship_list_model_parent_class)->finalize (object);
}

static void
bmb_relationship_list_model_class_init (BmbRelationshipListModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bmb_relationship_list_model_finalize;
}

static void
bmb_relationship_list_model_init (BmbRelationshipListModel *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->first_ended = UNKNOWN;
}

BmbRelationshipListModel *
bmb_relationship_list_model_new (BmbMentoringStore *store)
{
  BmbRelationshipListModel *self;

  g_return_val_if_fail (BMB_IS_MENTORING_STORE (store), NULL);

  self = g_object_new (BMB_TYPE_RELATIONSHIP_LIST_MODEL, NULL);
  self->store = g_object_ref (store);

  return self;
}

gboolean
bmb_relationship_list_model_reload (BmbRelationshipListModel  *self,
                                    GError                   **error)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GHashTable) changed = NULL;

  g_return_val_if_fail (BMB_IS_RELATIONSHIP_LIST_MODEL (self), FALSE);

  if (!(ids = bmb_mentoring_store_list_relationship_ids (self->store, error)))
    return FALSE;

  /* Every cached row may be stale: they are read again when bound. */
  changed = g_steal_pointer (&self->cache);
  self->cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  replace_ids (self, ids, changed);
  update_first_ended (self);

  return TRUE;
}

gboolean
bmb_relationship_list_model_apply_changes (BmbRelationshipListModel  *self,
                                           BmbChangeSet              *changes,
                                           GError                   **error)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GHashTable) changed = NULL;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (BMB_IS_RELATIONSHIP_LIST_MODEL (self), FALSE);

  if (bmb_change_set_get_coarse_kinds (changes) & (BMB_CHANGE_RELATIONSHIPS | BMB_CHANGE_CONTACTS))
    return bmb_relationship_list_model_reload (self, error);

  /* The rows it names, and the cached rows showing a contact it names. */
  changed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < self->ids->len; i++)
    {
      gint64 id = g_array_index (self->ids, gint64, i);

      if (bmb_change_set_lookup (changes, BMB_CHANGE_RELATIONSHIPS, id) != 0)
        g_hash_table_add (changed, g_memdup2 (&id, sizeof id));
    }
  g_hash_table_iter_init (&iter, self->cache);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (bmb_change_set_lookup (changes, BMB_CHANGE_CONTACTS,
                               bmb_relationship_get_mentor_id (value)) != 0 ||
        bmb_change_set_lookup (changes, BMB_CHANGE_CONTACTS,
                               bmb_relationship_get_mentee_id (value)) != 0)
      g_hash_table_add (changed, g_memdup2 (key, sizeof (gint64)));

  if (g_hash_table_size (changed) == 0 &&
      bmb_change_set_get_n_items (changes, BMB_CHANGE_RELATIONSHIPS) == 0)
    return TRUE;

  if (!(ids = bmb_mentoring_store_list_relationship_ids (self->store, error)))
    return FALSE;

  g_hash_table_iter_init (&iter, changed);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_remove (self->cache, key);

  replace_ids (self, ids, changed);
  update_first_ended (self);

  return TRUE;
}

guint
bmb_relationship_list_model_find (BmbRelationshipListModel *self,
                                  gint64                    relationship_id)
{
  g_return_val_if_fail (BMB_IS_RELATIONSHIP_LIST_MODEL (self), G_MAXUINT);

  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == relationship_id)
      return i;

  return G_MAXUINT;
}

gint64
bmb_relationship_list_model_get_id (BmbRelationshipListModel *self,
                                    guint                     position)
{
  g_return_val_if_fail (BMB_IS_RELATIONSHIP_LIST_MODEL (self), 0);

  return position < self->ids->len ? g_array_index (self->ids, gint64, position) : 0;
}

guint
bmb_relationship_list_model_get_first_ended (BmbRelationshipListModel *self)
{
  g_return_val_if_fail (BMB_IS_RELATIONSHIP_LIST_MODEL (self), G_MAXUINT);

  if (self->first_ended == UNKNOWN)
    self->first_ended = compute_first_ended (self);

  return self->first_ended;
}

guint
bmb_relationship_list_model_get_n_created (BmbRelationshipListModel *self)
{
  g_return_val_if_fail (BMB_IS_RELATIONSHIP_LIST_MODEL (self), 0);

  return self->n_created;
}
