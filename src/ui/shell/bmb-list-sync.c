/* bmb-list-sync.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bmb-list-sync.h"

static gboolean
keeps (gpointer        old,
       gpointer        fresh,
       BmbItemIdFunc   get_id,
       BmbChangeSet   *changes,
       BmbChangeFlags  kind)
{
  gint64 id = get_id (old);

  if (old == fresh)
    return TRUE;
  if (id != get_id (fresh))
    return FALSE;

  return changes != NULL && bmb_change_set_lookup (changes, kind, id) != BMB_CHANGE_CHANGED;
}

void
bmb_list_store_sync (GListStore     *store,
                     GPtrArray      *fresh,
                     BmbItemIdFunc   get_id,
                     BmbChangeSet   *changes,
                     BmbChangeFlags  kind)
{
  GListModel *model = G_LIST_MODEL (store);
  guint old_len = g_list_model_get_n_items (model);
  guint new_len = fresh->len;
  guint head = 0, tail = 0;
  gboolean same_ids = old_len == new_len;

  g_return_if_fail (G_IS_LIST_STORE (store));

  for (guint i = 0; same_ids && i < old_len; i++)
    {
      g_autoptr(GObject) old = g_list_model_get_item (model, i);

      same_ids = get_id (old) == get_id (g_ptr_array_index (fresh, i));
    }

  if (same_ids)
    {
      for (guint i = 0; i < old_len; i++)
        {
          g_autoptr(GObject) old = g_list_model_get_item (model, i);

          if (!keeps (old, g_ptr_array_index (fresh, i), get_id, changes, kind))
            g_list_store_splice (store, i, 1, &g_ptr_array_index (fresh, i), 1);
        }
      return;
    }

  while (head < old_len && head < new_len)
    {
      g_autoptr(GObject) old = g_list_model_get_item (model, head);

      if (!keeps (old, g_ptr_array_index (fresh, head), get_id, changes, kind))
        break;
      head++;
    }
  while (tail < old_len - head && tail < new_len - head)
    {
      g_autoptr(GObject) old = g_list_model_get_item (model, old_len - 1 - tail);

      if (!keeps (old, g_ptr_array_index (fresh, new_len - 1 - tail), get_id, changes, kind))
        break;
      tail++;
    }

  /* An empty array may have no storage at all: no pointer arithmetic on it. */
  g_list_store_splice (store, head, old_len - head - tail,
                       new_len - head - tail > 0 ? fresh->pdata + head : NULL,
                       new_len - head - tail);
}
