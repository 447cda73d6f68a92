/* bmb-sync-engine-pull.c — what changed on the server, written here
 *
 * Copyright 2026 The Bimbing Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The ctag first: unchanged, nothing to pull (one request). Otherwise sync-collection
 * from the stored token where the collection has it (a refused token: a full listing),
 * else an etag listing diffed against the status table. Changed members are fetched in
 * batches of BMB_SYNC_BATCH and written here in one transaction per batch, each with its
 * status row, so that a failure half-way loses nothing and the next sync carries on.
 */
#define G_LOG_DOMAIN "bmb-sync-engine"

#include "config.h"

#include <string.h>

#include "bmb-sync-content.h"
#include "bmb-sync-engine-private.h"

/* A resource new to the status table, or one Bimbing could not map before. */
static gboolean
apply_new (BmbSyncRun      *run,
           BmbSyncItem     *item,
           BmbSyncResource *res,
           const char      *data,
           GError         **error)
{
  BmbSyncKind kind = _bmb_sync_kind_for_data (data, strlen (data));
  gint64 local_id = 0;

  item->kind = kind;
  item->local_id = 0;
  item->tombstone = FALSE;
  g_clear_pointer (&item->local_copy, g_free);

  if (kind != BMB_SYNC_KIND_NONE)
    {
      /* The same item made on both sides before their first sync (an import of the same
       * file): linked by UID, the server's copy wins. */
      if (item->id == 0 && !(local_id = _bmb_sync_map_find_by_uid (&run->map, kind, item->uid, error)) &&
          error != NULL && *error != NULL)
        return FALSE;
      if (local_id > 0)
        {
          g_autoptr(BmbSyncItem) linked = _bmb_sync_item_by_local (run, kind, local_id, error);

          if (linked != NULL)
            local_id = 0;   /* already linked to another resource: never two on one */
        }

      local_id = _bmb_sync_map_apply (&run->map, kind, data, local_id, error);
      if (error != NULL && *error != NULL)
        return FALSE;
      if (local_id > 0)
        {
          item->local_id = local_id;
          g_free (item->local_copy);
          item->local_copy = _bmb_sync_map_render (&run->map, kind, local_id, item->uid, error);
          if (!_bmb_sync_dirty_clear (run, kind, local_id, error))
            return FALSE;
          _bmb_sync_result_add_received (run->result);
        }
      else
        _bmb_sync_result_add_skipped (run->result);
    }

  (void)res;
  return TRUE;
}

static gboolean
apply_changed (BmbSyncRun      *run,
               BmbSyncResource *res,
               GError         **error)
{
  g_autofree char *data = g_strndup (g_bytes_get_data (res->data, NULL),
                                     g_bytes_get_size (res->data));
  g_autofree char *hash = bmb_sync_content_hash (data, strlen (data));
  g_autoptr(BmbSyncItem) item = _bmb_sync_item_by_href (run, res->href, error);
  g_autofree char *local_now = NULL;

  if (error != NULL && *error != NULL)
    return FALSE;

  if (item == NULL)
    {
      item = g_new0 (BmbSyncItem, 1);
      item->href = g_strdup (res->href);
      item->uid = bmb_sync_content_dup_uid (data, strlen (data));
      if (item->uid == NULL)
        item->uid = g_strdup ("");
      if (!apply_new (run, item, res, data, error))
        return FALSE;
    }
  else if (item->local_id == 0 || item->tombstone)
    {
      /* Unmapped before, or deleted here and edited there: the edit wins. */
      if (!apply_new (run, item, res, data, error))
        return FALSE;
    }
  else if (g_strcmp0 (item->hash, hash) == 0)
    {
      /* Only the etag moved (a server rewrite, or our own write coming back). */
    }
  else
    {
      local_now = _bmb_sync_map_render (&run->map, item->kind, item->local_id, item->uid, error);
      if (error != NULL && *error != NULL)
        return FALSE;

      if (local_now == NULL)
        {
          /* Deleted here, edited on the server: the edit wins. */
          if (!apply_new (run, item, res, data, error))
            return FALSE;
        }
      else if (_bmb_sync_same_content (local_now, item->local_copy))
        {
          if (!_bmb_sync_map_apply (&run->map, item->kind, data, item->local_id, error) &&
              error != NULL && *error != NULL)
            return FALSE;
          g_free (item->local_copy);
          item->local_copy = _bmb_sync_map_render (&run->map, item->kind, item->local_id,
                                                   item->uid, error);
          if (!_bmb_sync_dirty_clear (run, item->kind, item->local_id, error))
            return FALSE;
          _bmb_sync_result_add_received (run->result);
        }
      else
        {
          /* Changed on both sides: merged here now, sent back by the push. The local base
           * stays, so the push sees what this computer changed. */
          g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify)bmb_sync_conflict_free);
          g_autofree char *merged = bmb_sync_content_merge (item->server_copy, data,
                                                            item->local_copy, local_now,
                                                            conflicts);

          _bmb_sync_report_conflicts (run, data, conflicts);
          if (conflicts->len > 0)
            {
              g_free (item->conflict);
              item->conflict = g_strdup (local_now);
            }
          if (!_bmb_sync_map_apply (&run->map, item->kind, merged, item->local_id, error) &&
              error != NULL && *error != NULL)
            return FALSE;
          if (!_bmb_sync_dirty_mark (run, item->kind, item->local_id, error))
            return FALSE;
          _bmb_sync_result_add_received (run->result);
        }
    }

  g_free (item->etag);
  item->etag = g_strdup (res->etag);
  g_free (item->hash);
  item->hash = g_steal_pointer (&hash);
  g_free (item->server_copy);
  item->server_copy = g_steal_pointer (&data);
  return _bmb_sync_item_save (run, item, error);
}

static gboolean
apply_removed (BmbSyncRun  *run,
               const char  *href,
               GError     **error)
{
  g_autoptr(BmbSyncItem) item = _bmb_sync_item_by_href (run, href, error);
  g_autofree char *local_now = NULL;
  g_autoptr(GError) local_error = NULL;

  if (item == NULL || item->tombstone)
    return error == NULL || *error == NULL;
  if (item->local_id == 0)
    return _bmb_sync_item_delete (run, item, error);

  local_now = _bmb_sync_map_render (&run->map, item->kind, item->local_id, item->uid, error);
  if (error != NULL && *error != NULL)
    return FALSE;

  if (local_now != NULL && !_bmb_sync_same_content (local_now, item->local_copy))
    {
      /* Edited here, deleted on the server: the edit wins, the push creates it again. */
      g_clear_pointer (&item->etag, g_free);
      g_clear_pointer (&item->server_copy, g_free);
      return _bmb_sync_item_save (run, item, error) &&
             _bmb_sync_dirty_mark (run, item->kind, item->local_id, error);
    }

  if (local_now != NULL)
    {
      if (!_bmb_sync_map_delete (&run->map, item->kind, item->local_id, &local_error))
        {
          if (!g_error_matches (local_error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_CONSTRAINT))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          /* Still needed here (a contact in a relationship): sent again. */
          g_clear_pointer (&item->etag, g_free);
          g_clear_pointer (&item->server_copy, g_free);
          return _bmb_sync_item_save (run, item, error) &&
                 _bmb_sync_dirty_mark (run, item->kind, item->local_id, error);
        }
      _bmb_sync_result_add_deleted_local (run->result);
    }

  if (!_bmb_sync_dirty_clear (run, item->kind, item->local_id, error))
    return FALSE;
  item->tombstone = TRUE;
  item->local_id = 0;
  g_clear_pointer (&item->etag, g_free);
  g_clear_pointer (&item->server_copy, g_free);
  g_clear_pointer (&item->local_copy, g_free);
  return _bmb_sync_item_save (run, item, error);
}

static gboolean
fetch_and_apply (BmbSyncRun  *run,
                 GPtrArray   *hrefs,
                 GError     **error)
{
  for (guint start = 0; start < hrefs->len; start += BMB_SYNC_BATCH)
    {
      guint n = MIN (BMB_SYNC_BATCH, hrefs->len - start);
      g_autofree const char **batch = g_new0 (const char *, n + 1);
      g_autoptr(GPtrArray) fetched = NULL;

      for (guint i = 0; i < n; i++)
        batch[i] = g_ptr_array_index (hrefs, start + i);
      if (!(fetched = bmb_sync_remote_fetch (run->remote, batch, run->cancellable, error)))
        return FALSE;

      if (!bmb_database_begin (run->db, error))
        return FALSE;
      /* Sessions before to-dos, so an action item finds its session. */
      for (guint pass = 0; pass < 2; pass++)
        for (guint i = 0; i < fetched->len; i++)
          {
            BmbSyncResource *res = g_ptr_array_index (fetched, i);
            const char *type;

            if (res->data == NULL)
              continue;
            type = bmb_sync_content_get_type (g_bytes_get_data (res->data, NULL),
                                              g_bytes_get_size (res->data));
            if ((g_strcmp0 (type, "VTODO") == 0) != (pass == 1))
              continue;
            if (!apply_changed (run, res, error))
              {
                bmb_database_rollback (run->db);
                return FALSE;
              }
          }
      if (!bmb_database_commit (run->db, error))
        {
          bmb_database_rollback (run->db);
          return FALSE;
        }
    }
  return TRUE;
}

/* Action items that arrived before their session get another try. */
static gboolean
retry_unmapped (BmbSyncRun  *run,
                GError     **error)
{
  g_autoptr(GPtrArray) hrefs = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = bmb_database_prepare (run->db,
                                             "SELECT href FROM sync_items WHERE collection_id = ?"
                                             " AND local_kind = 'action-item' AND local_id IS NULL"
                                             " AND tombstone = 0 AND server_copy IS NOT NULL",
                                             error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, run->collection_id);
  while ((rc = bmb_database_step (run->db, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (hrefs, bmb_stmt_dup_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return FALSE;

  for (guint i = 0; i < hrefs->len; i++)
    {
      g_autoptr(BmbSyncItem) item = _bmb_sync_item_by_href (run, g_ptr_array_index (hrefs, i),
                                                            error);

      if (item == NULL)
        return *error == NULL;
      item->local_id = _bmb_sync_map_apply (&run->map, item->kind, item->server_copy, 0, error);
      if (*error != NULL)
        return FALSE;
      if (item->local_id == 0)
        continue;
      g_free (item->local_copy);
      item->local_copy = _bmb_sync_map_render (&run->map, item->kind, item->local_id, item->uid,
                                               error);
      if (!_bmb_sync_dirty_clear (run, item->kind, item->local_id, error) ||
          !_bmb_sync_item_save (run, item, error))
        return FALSE;
      _bmb_sync_result_add_received (run->result);
    }
  return TRUE;
}

gboolean
_bmb_sync_pull (BmbSyncRun  *run,
                GError     **error)
{
  g_autoptr(GPtrArray) changed = NULL;
  g_autoptr(GPtrArray) removed = NULL;
  g_autoptr(GHashTable) items = NULL;
  g_autoptr(GHashTable) listed = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) to_fetch = g_ptr_array_new ();
  g_autoptr(GError) local_error = NULL;
  gboolean full = TRUE;
  guint n_live = 0;
  guint n_removed_live = 0;
  GHashTableIter iter;
  BmbSyncItem *item;

  run->new_ctag = bmb_sync_remote_get_ctag (run->remote, run->cancellable, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (run->new_ctag != NULL && g_strcmp0 (run->new_ctag, run->stored_ctag) == 0)
    return TRUE;

  if (bmb_sync_remote_supports_sync_collection (run->remote))
    {
      run->new_token = bmb_sync_remote_changes_since (run->remote, run->stored_token, &changed,
                                                      &removed, run->cancellable, &local_error);
      if (g_error_matches (local_error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_TOKEN_INVALID))
        {
          g_debug ("Sync token of %s refused; listing everything", run->url);
          g_clear_error (&local_error);
          g_clear_pointer (&changed, g_ptr_array_unref);
          g_clear_pointer (&removed, g_ptr_array_unref);
          run->new_token = bmb_sync_remote_changes_since (run->remote, NULL, &changed, &removed,
                                                          run->cancellable, &local_error);
          full = TRUE;   /* what is not listed now was deleted meanwhile */
        }
      else
        full = run->stored_token == NULL;
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
  else
    {
      if (!(changed = bmb_sync_remote_list (run->remote, run->cancellable, error)))
        return FALSE;
      removed = g_ptr_array_new_with_free_func (g_free);
    }
  if (changed == NULL)
    changed = g_ptr_array_new_with_free_func ((GDestroyNotify)bmb_sync_resource_free);
  if (removed == NULL)
    removed = g_ptr_array_new_with_free_func (g_free);

  if (!(items = _bmb_sync_items_load (run, error)))
    return FALSE;

  for (guint i = 0; i < changed->len; i++)
    {
      BmbSyncResource *res = g_ptr_array_index (changed, i);

      g_hash_table_add (listed, res->href);
      item = g_hash_table_lookup (items, res->href);
      if (item == NULL || item->tombstone || g_strcmp0 (item->etag, res->etag) != 0 ||
          res->etag == NULL)
        g_ptr_array_add (to_fetch, res->href);
    }

  g_hash_table_iter_init (&iter, items);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&item))
    {
      if (item->tombstone || item->etag == NULL)
        continue;
      n_live++;
      if (full && !g_hash_table_contains (listed, item->href))
        g_ptr_array_add (removed, g_strdup (item->href));
    }
  for (guint i = 0; i < removed->len; i++)
    {
      item = g_hash_table_lookup (items, g_ptr_array_index (removed, i));
      n_removed_live += item != NULL && !item->tombstone && item->etag != NULL;
    }

  /* The guard: everything this collection had is gone at once. One item alone is an
   * ordinary deletion (the last contact deleted on the phone), not a wiped collection. */
  if (n_live > 1 && n_removed_live == n_live && to_fetch->len == 0 &&
      !_bmb_sync_engine_confirm (run->engine, BMB_SYNC_GUARD_EMPTIED, n_live, run->url, error))
    return FALSE;

  if (!fetch_and_apply (run, to_fetch, error))
    return FALSE;

  if (removed->len > 0)
    {
      if (!bmb_database_begin (run->db, error))
        return FALSE;
      for (guint i = 0; i < removed->len; i++)
        {
          if (!apply_removed (run, g_ptr_array_index (removed, i), error))
            {
              bmb_database_rollback (run->db);
              return FALSE;
            }
        }
      if (!bmb_database_commit (run->db, error))
        {
          bmb_database_rollback (run->db);
          return FALSE;
        }
    }

  if (run->kind == BMB_SYNC_COLLECTION_CALENDAR && to_fetch->len > 0)
    {
      if (!bmb_database_begin (run->db, error))
        return FALSE;
      if (!retry_unmapped (run, error) || !bmb_database_commit (run->db, error))
        {
          bmb_database_rollback (run->db);
          return FALSE;
        }
    }

  return TRUE;
}
