/* bmb-sync-engine-push.c — what changed here, written to the server
 *
 * Copyright 2026 The Bimbing Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every local item marked in sync_dirty (by triggers, or by the first sync) is rendered
 * and compared with Bimbing's rendering at its last sync; when it differs, the changed
 * properties are merged into the server's copy and PUT with If-Match to the server's
 * href. New items go to <uuid>.ics / .vcf with If-None-Match: *. A 412 fetches the
 * server's copy and merges three ways (one more try; a second 412 waits for the next
 * sync); an update that finds the item deleted on the server creates it again; a
 * deletion that finds it changed on the server brings it back here. The network calls
 * run outside transactions; each item's status is then written in a short one.
 */
#define G_LOG_DOMAIN "bmb-sync-engine"

#include "config.h"

#include <string.h>

#include "bmb-sync-content.h"
#include "bmb-sync-engine-private.h"

typedef struct
{
  gint64      seq;
  BmbSyncKind kind;
  gint64      local_id;
} Dirty;

static GArray *
load_dirty (BmbSyncRun  *run,
            GError     **error)
{
  g_autoptr(GArray) list = g_array_new (FALSE, FALSE, sizeof (Dirty));
  sqlite3_stmt *stmt;
  int rc;

  /* Relationships first, so that the sessions that name them follow, and sessions before
   * the action items that name them. */
  if (run->kind == BMB_SYNC_COLLECTION_ADDRESS_BOOK)
    stmt = bmb_database_prepare (run->db,
                                 "SELECT seq, kind, local_id FROM sync_dirty"
                                 " WHERE kind = 'contact' ORDER BY seq", error);
  else
    stmt = bmb_database_prepare (run->db,
                                 "SELECT seq, kind, local_id FROM sync_dirty"
                                 " WHERE kind IN ('relationship', 'session', 'goal', 'action-item')"
                                 " ORDER BY kind <> 'relationship', kind = 'action-item', seq",
                                 error);
  if (stmt == NULL)
    return NULL;
  while ((rc = bmb_database_step (run->db, stmt, error)) == SQLITE_ROW)
    {
      Dirty dirty = {
        .seq = sqlite3_column_int64 (stmt, 0),
        .kind = _bmb_sync_kind_from_string ((const char *)sqlite3_column_text (stmt, 1)),
        .local_id = sqlite3_column_int64 (stmt, 2),
      };

      g_array_append_val (list, dirty);
    }
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE ? g_steal_pointer (&list) : NULL;
}

static gboolean
clear_seq (BmbSyncRun  *run,
           gint64       seq,
           GError     **error)
{
  sqlite3_stmt *stmt = bmb_database_prepare (run->db, "DELETE FROM sync_dirty WHERE seq = ?",
                                             error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, seq);
  return bmb_database_step_done (run->db, stmt, error);
}

/* Runs the status writes of one item in a transaction: item saved (if any), dirty mark
 * cleared. */
static gboolean
commit_item (BmbSyncRun   *run,
             BmbSyncItem  *item,
             gint64        seq,
             GError      **error)
{
  if (!bmb_database_begin (run->db, error))
    return FALSE;
  if ((item != NULL && !_bmb_sync_item_save (run, item, error)) || !clear_seq (run, seq, error) ||
      !bmb_database_commit (run->db, error))
    {
      bmb_database_rollback (run->db);
      return FALSE;
    }
  return TRUE;
}

static gboolean
is_safe_name (const char *uid)
{
  if (uid == NULL || *uid == '\0' || strlen (uid) > 200)
    return FALSE;
  for (const char *p = uid; *p; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_' && *p != '.')
        return FALSE;
    }
  return TRUE;
}

static char *
new_href (BmbSyncRun *run,
          const char *uid)
{
  const char *ext = run->kind == BMB_SYNC_COLLECTION_ADDRESS_BOOK ? ".vcf" : ".ics";
  g_autofree char *random = g_uuid_string_random ();
  g_autofree char *before_at = uid ? g_strndup (uid, strcspn (uid, "@")) : NULL;
  g_autofree char *name = NULL;

  /* "<uuid>@bimbing" → "<uuid>.ics": a name every server takes, found again by UID. */
  if (before_at != NULL && g_uuid_string_is_valid (before_at))
    name = g_strconcat (before_at, ext, NULL);
  else
    name = g_strconcat (is_safe_name (uid) ? uid : random, ext, NULL);

  return bmb_sync_remote_href_for_new (run->remote, name);
}

/* Records what the server now holds after a successful PUT of @data. */
static gboolean
record_put (BmbSyncRun   *run,
            BmbSyncItem  *item,
            const char   *data,
            char         *etag,
            GError      **error)
{
  g_autofree char *server_copy = g_strdup (data);

  if (etag == NULL)
    {
      /* The server did not say: ask it (it may have rewritten the resource too). */
      g_autoptr(BmbSyncResource) res = _bmb_sync_fetch_one (run, item->href, error);

      if (res == NULL)
        return *error == NULL;
      etag = g_strdup (res->etag);
      g_free (server_copy);
      server_copy = g_strndup (g_bytes_get_data (res->data, NULL), g_bytes_get_size (res->data));
    }
  g_free (item->etag);
  item->etag = etag;
  g_free (item->hash);
  item->hash = bmb_sync_content_hash (server_copy, strlen (server_copy));
  g_free (item->server_copy);
  item->server_copy = g_steal_pointer (&server_copy);
  return TRUE;
}

/* PUT @data; on 412 fetch, merge and try once more. *out_data gets what was written. */
static char *
put_merging (BmbSyncRun   *run,
             BmbSyncItem  *item,
             const char   *render,
             char        **out_written,
             gboolean     *out_applied,
             GError      **error)
{
  g_autofree char *out = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(BmbSyncResource) res = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autofree char *current = NULL;
  char *etag;

  *out_applied = FALSE;
  out = bmb_sync_content_merge (item->server_copy, item->server_copy, item->local_copy, render,
                                NULL);
  bytes = g_bytes_new (out, strlen (out));
  etag = bmb_sync_remote_put (run->remote, item->href, bytes, item->etag, run->cancellable,
                              &local_error);
  if (local_error == NULL)
    {
      *out_written = g_steal_pointer (&out);
      return etag;
    }

  if (g_error_matches (local_error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_NOT_FOUND) && item->etag != NULL)
    {
      /* Deleted on the server, edited here: the edit wins, once. */
      g_clear_error (&local_error);
      etag = bmb_sync_remote_put (run->remote, item->href, bytes, NULL, run->cancellable,
                                  &local_error);
      if (local_error == NULL)
        {
          *out_written = g_steal_pointer (&out);
          return etag;
        }
    }
  if (!g_error_matches (local_error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_PRECONDITION_FAILED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  g_clear_error (&local_error);

  /* Changed on the server since we last saw it: merge with what it has now. */
  if (!(res = _bmb_sync_fetch_one (run, item->href, error)))
    {
      if (*error == NULL)
        g_set_error (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_NOT_FOUND,
                     "%s is refused but cannot be read", item->href);
      return NULL;
    }
  current = g_strndup (g_bytes_get_data (res->data, NULL), g_bytes_get_size (res->data));
  conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify)bmb_sync_conflict_free);
  g_free (out);
  out = bmb_sync_content_merge (item->server_copy ? item->server_copy : current, current,
                                item->local_copy, render, conflicts);
  _bmb_sync_report_conflicts (run, current, conflicts);
  if (conflicts->len > 0)
    {
      g_free (item->conflict);
      item->conflict = g_strdup (render);
    }
  *out_applied = TRUE;

  g_bytes_unref (bytes);
  bytes = g_bytes_new (out, strlen (out));
  etag = bmb_sync_remote_put (run->remote, item->href, bytes, res->etag, run->cancellable, error);
  if (etag == NULL && *error != NULL)
    return NULL;
  *out_written = g_steal_pointer (&out);
  return etag;
}

static gboolean
push_new (BmbSyncRun  *run,
          Dirty       *dirty,
          GError     **error)
{
  g_autoptr(BmbSyncItem) item = g_new0 (BmbSyncItem, 1);
  g_autofree char *render = NULL;
  g_autofree char *written = NULL;
  gboolean applied = FALSE;
  char *etag;

  item->kind = dirty->kind;
  item->local_id = dirty->local_id;
  item->uid = _bmb_sync_map_dup_uid (&run->map, dirty->kind, dirty->local_id, error);
  if (*error != NULL)
    return FALSE;
  if (item->uid == NULL)
    item->uid = g_uuid_string_random ();   /* goals and action items, and gone items */
  else if (_bmb_sync_uid_is_buried (run, item->uid, error))
    {
      /* The UID of an item deleted before (an old .ics imported again): never reused. */
      g_free (item->uid);
      item->uid = NULL;
      if (!bmb_database_begin (run->db, error))
        return FALSE;
      item->uid = _bmb_sync_map_renew_uid (&run->map, dirty->kind, dirty->local_id, error);
      if (item->uid == NULL || !_bmb_sync_dirty_clear (run, dirty->kind, dirty->local_id, error) ||
          !bmb_database_commit (run->db, error))
        {
          bmb_database_rollback (run->db);
          return *error == NULL && commit_item (run, NULL, dirty->seq, error);
        }
    }
  if (*error != NULL)
    return FALSE;

  render = _bmb_sync_map_render (&run->map, dirty->kind, dirty->local_id, item->uid, error);
  if (render == NULL)
    return *error == NULL && commit_item (run, NULL, dirty->seq, error);   /* gone already */

  item->href = new_href (run, item->uid);
  /* A create is a merge with nothing on the server: put_merging sends If-None-Match. */
  etag = put_merging (run, item, render, &written, &applied, error);
  if (etag == NULL && *error != NULL && dirty->kind == BMB_SYNC_KIND_RELATIONSHIP &&
      (g_error_matches (*error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_FAILED) ||
       g_error_matches (*error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_UNSUPPORTED)))
    {
      /* A server that takes events and to-dos only (no VJOURNAL): relationships stay
       * on this computer. */
      g_debug ("%s refused a relationship: %s", run->url, (*error)->message);
      g_clear_error (error);
      _bmb_sync_result_add_skipped (run->result);
      return commit_item (run, NULL, dirty->seq, error);
    }
  if (etag == NULL && *error != NULL)
    {
      if (!g_error_matches (*error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_NOT_FOUND))
        return FALSE;
      /* The href exists but cannot be read back: another name, once. */
      g_clear_error (error);
      g_free (item->href);
      item->href = new_href (run, NULL);
      etag = put_merging (run, item, render, &written, &applied, error);
      if (etag == NULL && *error != NULL)
        return FALSE;
    }

  if (!bmb_database_begin (run->db, error))
    return FALSE;
  if (applied)
    {
      if (!_bmb_sync_map_apply (&run->map, item->kind, written, item->local_id, error) &&
          *error != NULL)
        goto rollback;
      g_free (item->local_copy);
      item->local_copy = _bmb_sync_map_render (&run->map, item->kind, item->local_id, item->uid,
                                               error);
      if (*error != NULL || !_bmb_sync_dirty_clear (run, item->kind, item->local_id, error))
        goto rollback;
    }
  else
    {
      g_free (item->local_copy);
      item->local_copy = g_steal_pointer (&render);
    }
  if (!record_put (run, item, written, etag, error) || !_bmb_sync_item_save (run, item, error) ||
      !clear_seq (run, dirty->seq, error) || !bmb_database_commit (run->db, error))
    goto rollback;
  _bmb_sync_result_add_sent (run->result);
  return TRUE;

rollback:
  bmb_database_rollback (run->db);
  return FALSE;
}

static gboolean
push_delete (BmbSyncRun   *run,
             BmbSyncItem  *item,
             Dirty        *dirty,
             GError      **error)
{
  g_autoptr(GError) local_error = NULL;

  if (item->etag != NULL &&
      !bmb_sync_remote_delete (run->remote, item->href, item->etag, run->cancellable, &local_error))
    {
      g_autoptr(BmbSyncResource) res = NULL;
      g_autofree char *data = NULL;
      gint64 local_id;

      if (!g_error_matches (local_error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_PRECONDITION_FAILED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      /* Deleted here, edited on the server: the edit wins, the item comes back here. */
      if (!(res = _bmb_sync_fetch_one (run, item->href, error)))
        {
          if (*error != NULL)
            return FALSE;
        }
      else
        {
          data = g_strndup (g_bytes_get_data (res->data, NULL), g_bytes_get_size (res->data));
          if (!bmb_database_begin (run->db, error))
            return FALSE;
          local_id = _bmb_sync_map_apply (&run->map, item->kind, data, 0, error);
          if (*error != NULL)
            {
              bmb_database_rollback (run->db);
              return FALSE;
            }
          item->local_id = local_id;
          g_free (item->local_copy);
          item->local_copy = local_id ? _bmb_sync_map_render (&run->map, item->kind, local_id,
                                                              item->uid, error) : NULL;
          g_free (item->etag);
          item->etag = g_strdup (res->etag);
          g_free (item->hash);
          item->hash = bmb_sync_content_hash (data, strlen (data));
          g_free (item->server_copy);
          item->server_copy = g_steal_pointer (&data);
          if (*error != NULL || !_bmb_sync_item_save (run, item, error) ||
              (local_id && !_bmb_sync_dirty_clear (run, item->kind, local_id, error)) ||
              !clear_seq (run, dirty->seq, error) || !bmb_database_commit (run->db, error))
            {
              bmb_database_rollback (run->db);
              return FALSE;
            }
          _bmb_sync_result_add_received (run->result);
          return TRUE;
        }
    }

  if (item->etag != NULL)
    _bmb_sync_result_add_deleted_remote (run->result);
  item->tombstone = TRUE;
  item->local_id = 0;
  g_clear_pointer (&item->etag, g_free);
  g_clear_pointer (&item->server_copy, g_free);
  g_clear_pointer (&item->local_copy, g_free);
  return commit_item (run, item, dirty->seq, error);
}

static gboolean
push_one (BmbSyncRun  *run,
          Dirty       *dirty,
          GError     **error)
{
  g_autoptr(BmbSyncItem) item = _bmb_sync_item_by_local (run, dirty->kind, dirty->local_id, error);
  g_autofree char *render = NULL;
  g_autofree char *written = NULL;
  gboolean applied = FALSE;
  char *etag;

  if (*error != NULL)
    return FALSE;
  if (item == NULL)
    return push_new (run, dirty, error);

  render = _bmb_sync_map_render (&run->map, item->kind, item->local_id, item->uid, error);
  if (*error != NULL)
    return FALSE;
  if (render == NULL)
    return push_delete (run, item, dirty, error);
  if (item->etag != NULL && _bmb_sync_same_content (render, item->local_copy))
    return commit_item (run, NULL, dirty->seq, error);   /* written, but as it was */

  etag = put_merging (run, item, render, &written, &applied, error);
  if (etag == NULL && *error != NULL)
    {
      if (g_error_matches (*error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_PRECONDITION_FAILED))
        {
          /* Changed on the server again while merging: the next sync tries again. */
          g_debug ("%s changed again during the sync; left for the next one", item->href);
          g_clear_error (error);
          return TRUE;
        }
      return FALSE;
    }

  if (!bmb_database_begin (run->db, error))
    return FALSE;
  if (applied)
    {
      if (!_bmb_sync_map_apply (&run->map, item->kind, written, item->local_id, error) &&
          *error != NULL)
        goto rollback;
      g_free (render);
      render = _bmb_sync_map_render (&run->map, item->kind, item->local_id, item->uid, error);
      if (*error != NULL || !_bmb_sync_dirty_clear (run, item->kind, item->local_id, error))
        goto rollback;
    }
  g_free (item->local_copy);
  item->local_copy = g_steal_pointer (&render);
  if (!record_put (run, item, written, etag, error) || !_bmb_sync_item_save (run, item, error) ||
      !clear_seq (run, dirty->seq, error) || !bmb_database_commit (run->db, error))
    goto rollback;
  _bmb_sync_result_add_sent (run->result);
  return TRUE;

rollback:
  bmb_database_rollback (run->db);
  return FALSE;
}

gboolean
_bmb_sync_push (BmbSyncRun  *run,
                GError     **error)
{
  g_autoptr(GArray) dirty = load_dirty (run, error);

  if (dirty == NULL)
    return FALSE;

  for (guint i = 0; i < dirty->len; i++)
    {
      if (g_cancellable_set_error_if_cancelled (run->cancellable, error))
        return FALSE;
      if (!push_one (run, &g_array_index (dirty, Dirty, i), error))
        return FALSE;
    }
  return TRUE;
}
