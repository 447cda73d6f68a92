/* bmb-sync-engine.c — two-way sync of one server collection with the local database
 *
 * Copyright 2026 The Bimbing Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * This file: the object, one run from start to end (the collection's row, the guard on
 * a changed URL, pull then push) and the status table. Pulling and pushing are in
 * bmb-sync-engine-pull.c and bmb-sync-engine-push.c.
 */
#define G_LOG_DOMAIN "bmb-sync-engine"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bmb-sync-content.h"
#include "bmb-sync-engine-private.h"

struct _BmbSyncEngine
{
  GObject             parent_instance;

  BmbDatabase        *database;
  GMutex              lock;        /* one sync at a time (a timer and "Sync Now") */
  BmbSyncConfirmFunc  confirm;
  gpointer            confirm_data;
  GDestroyNotify      confirm_destroy;
};

G_DEFINE_FINAL_TYPE (BmbSyncEngine, bmb_sync_engine, G_TYPE_OBJECT)

static void
bmb_sync_engine_finalize (GObject *object)
{
  BmbSyncEngine *self = BMB_SYNC_ENGINE (object);

  if (self->confirm_destroy != NULL)
    self->confirm_destroy (self->confirm_data);
  g_clear_object (&self->database);
  g_mutex_clear (&self->lock);
  G_OBJECT_CLASS (bmb_sync_engine_parent_class)->finalize (object);
}

static void
bmb_sync_engine_class_init (BmbSyncEngineClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bmb_sync_engine_finalize;
}

static void
bmb_sync_engine_init (BmbSyncEngine *self)
{
  g_mutex_init (&self->lock);
}

BmbSyncEngine *
bmb_sync_engine_new (BmbDatabase *database)
{
  BmbSyncEngine *self;

  g_return_val_if_fail (BMB_IS_DATABASE (database), NULL);

  self = g_object_new (BMB_TYPE_SYNC_ENGINE, NULL);
  self->database = g_object_ref (database);
  return self;
}

void
bmb_sync_engine_set_confirm_func (BmbSyncEngine      *self,
                                  BmbSyncConfirmFunc  func,
                                  gpointer            user_data,
                                  GDestroyNotify      destroy)
{
  g_return_if_fail (BMB_IS_SYNC_ENGINE (self));

  if (self->confirm_destroy != NULL)
    self->confirm_destroy (self->confirm_data);
  self->confirm = func;
  self->confirm_data = user_data;
  self->confirm_destroy = destroy;
}

gboolean
_bmb_sync_engine_confirm (BmbSyncEngine      *self,
                          BmbSyncGuardReason  reason,
                          guint               n_items,
                          const char         *url,
                          GError            **error)
{
  if (self->confirm != NULL && self->confirm (reason, n_items, url, self->confirm_data))
    return TRUE;

  if (reason == BMB_SYNC_GUARD_EMPTIED)
    g_set_error (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_CANCELLED_BY_USER,
                 /* Translators: %s is a calendar or address book address; %u a count */
                 ngettext ("“%s” is empty now; the %u item synced from it before was not deleted here.",
                           "“%s” is empty now; the %u items synced from it before were not deleted here.",
                           n_items),
                 url, n_items);
  else
    g_set_error (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_CANCELLED_BY_USER,
                 /* Translators: %s is a calendar or address book address */
                 _("The account now uses “%s”, not the collection synced before; nothing was synced."),
                 url);
  return FALSE;
}

/* ---- The status table ------------------------------------------------------------------ */

void
_bmb_sync_item_free (BmbSyncItem *item)
{
  if (item == NULL)
    return;
  g_free (item->uid);
  g_free (item->href);
  g_free (item->etag);
  g_free (item->hash);
  g_free (item->server_copy);
  g_free (item->local_copy);
  g_free (item->conflict);
  g_free (item);
}

#define ITEM_COLUMNS \
  "id, uid, href, etag, hash, server_copy, local_copy, local_kind, ifnull (local_id, 0)," \
  " tombstone, conflict"

static BmbSyncItem *
item_from_row (sqlite3_stmt *stmt)
{
  BmbSyncItem *item = g_new0 (BmbSyncItem, 1);

  item->id = sqlite3_column_int64 (stmt, 0);
  item->uid = bmb_stmt_dup_text (stmt, 1);
  item->href = bmb_stmt_dup_text (stmt, 2);
  item->etag = bmb_stmt_dup_text (stmt, 3);
  item->hash = bmb_stmt_dup_text (stmt, 4);
  item->server_copy = bmb_stmt_dup_text (stmt, 5);
  item->local_copy = bmb_stmt_dup_text (stmt, 6);
  item->kind = _bmb_sync_kind_from_string ((const char *)sqlite3_column_text (stmt, 7));
  item->local_id = sqlite3_column_int64 (stmt, 8);
  item->tombstone = sqlite3_column_int (stmt, 9) != 0;
  item->conflict = bmb_stmt_dup_text (stmt, 10);
  return item;
}

static BmbSyncItem *
item_query_one (BmbSyncRun   *run,
                sqlite3_stmt *stmt,
                GError      **error)
{
  BmbSyncItem *item = NULL;
  int rc = bmb_database_step (run->db, stmt, error);

  if (rc == SQLITE_ROW)
    item = item_from_row (stmt);
  sqlite3_reset (stmt);
  return item;
}

BmbSyncItem *
_bmb_sync_item_by_href (BmbSyncRun  *run,
                        const char  *href,
                        GError     **error)
{
  sqlite3_stmt *stmt = bmb_database_prepare (run->db,
                                             "SELECT " ITEM_COLUMNS " FROM sync_items"
                                             " WHERE collection_id = ? AND href = ?", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, run->collection_id);
  sqlite3_bind_text (stmt, 2, href, -1, SQLITE_TRANSIENT);
  return item_query_one (run, stmt, error);
}

BmbSyncItem *
_bmb_sync_item_by_local (BmbSyncRun   *run,
                         BmbSyncKind   kind,
                         gint64        local_id,
                         GError      **error)
{
  sqlite3_stmt *stmt = bmb_database_prepare (run->db,
                                             "SELECT " ITEM_COLUMNS " FROM sync_items"
                                             " WHERE local_kind = ? AND local_id = ?"
                                             "   AND collection_id = ?", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, _bmb_sync_kind_to_string (kind), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, local_id);
  sqlite3_bind_int64 (stmt, 3, run->collection_id);
  return item_query_one (run, stmt, error);
}

GHashTable *
_bmb_sync_items_load (BmbSyncRun  *run,
                      GError     **error)
{
  g_autoptr(GHashTable) items = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                       (GDestroyNotify)_bmb_sync_item_free);
  /* Without the two copies: a listing diff needs hrefs and etags, not 10,000 bodies. */
  sqlite3_stmt *stmt = bmb_database_prepare (run->db,
                                             "SELECT id, uid, href, etag, hash, NULL, NULL,"
                                             " local_kind, ifnull (local_id, 0), tombstone, NULL"
                                             " FROM sync_items WHERE collection_id = ?", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, run->collection_id);
  while ((rc = bmb_database_step (run->db, stmt, error)) == SQLITE_ROW)
    {
      BmbSyncItem *item = item_from_row (stmt);

      g_hash_table_replace (items, item->href, item);
    }
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE ? g_steal_pointer (&items) : NULL;
}

gboolean
_bmb_sync_item_save (BmbSyncRun   *run,
                     BmbSyncItem  *item,
                     GError      **error)
{
  sqlite3_stmt *stmt;

  if (item->id == 0)
    stmt = bmb_database_prepare (run->db,
                                 "INSERT INTO sync_items (uid, href, etag, hash, server_copy,"
                                 " local_copy, local_kind, local_id, tombstone, conflict,"
                                 " collection_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                 error);
  else
    stmt = bmb_database_prepare (run->db,
                                 "UPDATE sync_items SET uid = ?, href = ?, etag = ?, hash = ?,"
                                 " server_copy = ?, local_copy = ?, local_kind = ?, local_id = ?,"
                                 " tombstone = ?, conflict = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, item->uid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, item->href, -1, SQLITE_TRANSIENT);
  bmb_stmt_bind_text_or_null (stmt, 3, item->etag);
  bmb_stmt_bind_text_or_null (stmt, 4, item->hash);
  bmb_stmt_bind_text_or_null (stmt, 5, item->server_copy);
  bmb_stmt_bind_text_or_null (stmt, 6, item->local_copy);
  bmb_stmt_bind_text_or_null (stmt, 7, _bmb_sync_kind_to_string (item->kind));
  bmb_stmt_bind_id_or_null (stmt, 8, item->tombstone ? 0 : item->local_id);
  sqlite3_bind_int (stmt, 9, item->tombstone ? 1 : 0);
  bmb_stmt_bind_text_or_null (stmt, 10, item->conflict);
  sqlite3_bind_int64 (stmt, 11, item->id ? item->id : run->collection_id);

  if (!bmb_database_step_done (run->db, stmt, error))
    return FALSE;
  if (item->id == 0)
    item->id = bmb_database_last_insert_id (run->db);
  return TRUE;
}

gboolean
_bmb_sync_item_delete (BmbSyncRun   *run,
                       BmbSyncItem  *item,
                       GError      **error)
{
  sqlite3_stmt *stmt = bmb_database_prepare (run->db, "DELETE FROM sync_items WHERE id = ?",
                                             error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item->id);
  return bmb_database_step_done (run->db, stmt, error);
}

gboolean
_bmb_sync_uid_is_buried (BmbSyncRun  *run,
                         const char  *uid,
                         GError     **error)
{
  sqlite3_stmt *stmt = bmb_database_prepare (run->db,
                                             "SELECT 1 FROM sync_items WHERE uid = ?"
                                             " AND tombstone = 1 AND collection_id = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, run->collection_id);
  rc = bmb_database_step (run->db, stmt, error);
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW;
}

gboolean
_bmb_sync_dirty_mark (BmbSyncRun   *run,
                      BmbSyncKind   kind,
                      gint64        local_id,
                      GError      **error)
{
  sqlite3_stmt *stmt = bmb_database_prepare (run->db,
                                             "INSERT OR REPLACE INTO sync_dirty (kind, local_id)"
                                             " VALUES (?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, _bmb_sync_kind_to_string (kind), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, local_id);
  return bmb_database_step_done (run->db, stmt, error);
}

gboolean
_bmb_sync_dirty_clear (BmbSyncRun   *run,
                       BmbSyncKind   kind,
                       gint64        local_id,
                       GError      **error)
{
  sqlite3_stmt *stmt = bmb_database_prepare (run->db,
                                             "DELETE FROM sync_dirty WHERE kind = ? AND local_id = ?",
                                             error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, _bmb_sync_kind_to_string (kind), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, local_id);
  return bmb_database_step_done (run->db, stmt, error);
}

/* ---- Helpers shared by pull and push --------------------------------------------------- */

gboolean
_bmb_sync_same_content (const char *a,
                        const char *b)
{
  g_autofree char *ha = NULL;
  g_autofree char *hb = NULL;

  if (a == NULL || b == NULL)
    return a == b;
  ha = bmb_sync_content_hash (a, strlen (a));
  hb = bmb_sync_content_hash (b, strlen (b));
  return g_str_equal (ha, hb);
}

/* What a property is, in words, for the conflict messages. */
static char *
describe_property (const BmbSyncConflict *conflict)
{
  static const struct { const char *name; const char *words; } names[] = {
    /* Translators: these name what changed in "“%s”: both this computer and the server
     * changed %s; …" */
    { "SUMMARY", N_("the title") },
    { "DESCRIPTION", N_("the notes") },
    { "NOTE", N_("the notes") },
    { "LOCATION", N_("the place") },
    { "DTSTART", N_("the start") },
    { "DTEND", N_("the end") },
    { "DURATION", N_("the length") },
    { "RRULE", N_("the repetition") },
    { "EXDATE", N_("the skipped dates") },
    { "VALARM", N_("a reminder") },
    { "DUE", N_("the due date") },
    { "STATUS", N_("the status") },
    { "FN", N_("the name") },
    { "N", N_("the name") },
    { "EMAIL", N_("the email addresses") },
    { "TEL", N_("the phone numbers") },
  };
  const char *what = *conflict->property ? conflict->property : NULL;
  g_autofree char *name = what ? g_strndup (what, strcspn (what, " ")) : NULL;

  if (name == NULL)
    /* Translators: what changed on both sides: an occurrence of a repeating session */
    return g_strdup (_("one occurrence"));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (g_str_equal (names[i].name, name))
        return g_strdup (_(names[i].words));
    }
  return g_steal_pointer (&name);
}

void
_bmb_sync_report_conflicts (BmbSyncRun *run,
                            const char *data,
                            GPtrArray  *conflicts)
{
  g_autofree char *title = NULL;

  if (conflicts == NULL || conflicts->len == 0)
    return;

  title = bmb_sync_content_dup_value (data, strlen (data), "SUMMARY");
  if (title == NULL)
    title = bmb_sync_content_dup_value (data, strlen (data), "FN");
  if (title == NULL)
    title = bmb_sync_content_dup_uid (data, strlen (data));
  if (title != NULL)
    {
      char *plain = _bmb_sync_text_unescape (title);

      g_free (title);
      title = plain;
    }

  for (guint i = 0; i < conflicts->len; i++)
    {
      BmbSyncConflict *conflict = g_ptr_array_index (conflicts, i);
      g_autofree char *text = NULL;
      g_autofree char *name = describe_property (conflict);

      if (conflict->server_won)
        /* Translators: the first %s is an item's title, the second what changed
         * ("the start", "the title"…) */
        text = g_strdup_printf (_("“%s”: both this computer and the server changed %s; the server’s version was kept."),
                                title ? title : "", name);
      else
        /* Translators: the first %s is an item's title, the second what changed
         * ("the notes", "the title"…) */
        text = g_strdup_printf (_("“%s”: both this computer and the server changed %s; this computer’s version was kept."),
                                title ? title : "", name);
      _bmb_sync_result_add_conflict (run->result, text);
    }
}

void
_bmb_sync_prefix_error (BmbSyncRun  *run,
                        GError     **error)
{
  if (error != NULL && *error != NULL && (*error)->domain == BMB_SYNC_ERROR &&
      (*error)->code != BMB_SYNC_ERROR_CANCELLED_BY_USER)
    /* Translators: %s is a calendar or address book address; a reason follows */
    g_prefix_error (error, _("Could not sync “%s”: "), run->url);
}

BmbSyncResource *
_bmb_sync_fetch_one (BmbSyncRun  *run,
                     const char  *href,
                     GError     **error)
{
  const char *hrefs[] = { href, NULL };
  g_autoptr(GPtrArray) fetched = bmb_sync_remote_fetch (run->remote, hrefs, run->cancellable,
                                                        error);

  if (fetched == NULL || fetched->len == 0)
    return NULL;
  return g_ptr_array_steal_index (fetched, 0);
}

/* ---- One run ----------------------------------------------------------------------------- */

static const char *
kind_column (BmbSyncCollectionKind kind)
{
  return kind == BMB_SYNC_COLLECTION_ADDRESS_BOOK ? "address-book" : "calendar";
}

/* Every local item of the collection's kinds is to be sent (a first sync, or a new URL). */
static gboolean
mark_everything (BmbSyncRun  *run,
                 GError     **error)
{
  if (run->kind == BMB_SYNC_COLLECTION_ADDRESS_BOOK)
    return bmb_database_exec (run->db,
                              "INSERT OR IGNORE INTO sync_dirty (kind, local_id)"
                              " SELECT 'contact', id FROM contacts ORDER BY id;", error);
  return bmb_database_exec (run->db,
                            "INSERT OR IGNORE INTO sync_dirty (kind, local_id)"
                            " SELECT 'relationship', id FROM relationships ORDER BY id;"
                            "INSERT OR IGNORE INTO sync_dirty (kind, local_id)"
                            " SELECT 'session', id FROM sessions ORDER BY id;"
                            "INSERT OR IGNORE INTO sync_dirty (kind, local_id)"
                            " SELECT 'goal', id FROM goals ORDER BY id;"
                            "INSERT OR IGNORE INTO sync_dirty (kind, local_id)"
                            " SELECT 'action-item', id FROM action_items ORDER BY id;", error);
}

static gboolean
open_collection (BmbSyncRun  *run,
                 gint64       account_id,
                 GError     **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *stored_url = NULL;
  int rc;

  if (!(stmt = bmb_database_prepare (run->db,
                                     "SELECT id, url, ctag, sync_token"
                                     " FROM sync_collections WHERE account_id = ? AND kind = ?",
                                     error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_text (stmt, 2, kind_column (run->kind), -1, SQLITE_STATIC);
  rc = bmb_database_step (run->db, stmt, error);
  if (rc == SQLITE_ROW)
    {
      run->collection_id = sqlite3_column_int64 (stmt, 0);
      stored_url = bmb_stmt_dup_text (stmt, 1);
      run->stored_ctag = bmb_stmt_dup_text (stmt, 2);
      run->stored_token = bmb_stmt_dup_text (stmt, 3);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return FALSE;

  if (rc == SQLITE_ROW && g_strcmp0 (stored_url, run->url) != 0)
    {
      guint n = 0;
      g_autoptr(GHashTable) items = _bmb_sync_items_load (run, error);
      GHashTableIter iter;
      BmbSyncItem *item;

      if (items == NULL)
        return FALSE;
      g_hash_table_iter_init (&iter, items);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&item))
        n += !item->tombstone;
      if (!_bmb_sync_engine_confirm (run->engine, BMB_SYNC_GUARD_URL_CHANGED, n, run->url, error))
        return FALSE;

      /* A new collection: forget the old one's status, send everything again. */
      if (!bmb_database_begin (run->db, error))
        return FALSE;
      if (!(stmt = bmb_database_prepare (run->db,
                                         "UPDATE sync_collections SET url = ?, ctag = NULL,"
                                         " sync_token = NULL WHERE id = ?", error)))
        goto rollback;
      sqlite3_bind_text (stmt, 1, run->url, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, run->collection_id);
      if (!bmb_database_step_done (run->db, stmt, error))
        goto rollback;
      if (!(stmt = bmb_database_prepare (run->db, "DELETE FROM sync_items WHERE collection_id = ?",
                                         error)))
        goto rollback;
      sqlite3_bind_int64 (stmt, 1, run->collection_id);
      if (!bmb_database_step_done (run->db, stmt, error) || !mark_everything (run, error) ||
          !bmb_database_commit (run->db, error))
        goto rollback;
      g_clear_pointer (&run->stored_ctag, g_free);
      g_clear_pointer (&run->stored_token, g_free);
      return TRUE;
    }

  if (rc == SQLITE_ROW)
    return TRUE;

  /* The first sync of this collection. */
  if (!bmb_database_begin (run->db, error))
    return FALSE;
  if (!(stmt = bmb_database_prepare (run->db,
                                     "INSERT INTO sync_collections (account_id, kind, url)"
                                     " VALUES (?, ?, ?)", error)))
    goto rollback;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_text (stmt, 2, kind_column (run->kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, run->url, -1, SQLITE_TRANSIENT);
  if (!bmb_database_step_done (run->db, stmt, error))
    goto rollback;
  run->collection_id = bmb_database_last_insert_id (run->db);
  if (!mark_everything (run, error) || !bmb_database_commit (run->db, error))
    goto rollback;
  return TRUE;

rollback:
  bmb_database_rollback (run->db);
  return FALSE;
}

static gboolean
save_collection_state (BmbSyncRun  *run,
                       GError     **error)
{
  sqlite3_stmt *stmt = bmb_database_prepare (run->db,
                                             "UPDATE sync_collections SET ctag = ?, sync_token = ?,"
                                             " synced_at = ? WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  bmb_stmt_bind_text_or_null (stmt, 1, run->new_ctag ? run->new_ctag : run->stored_ctag);
  bmb_stmt_bind_text_or_null (stmt, 2, run->new_token ? run->new_token : run->stored_token);
  sqlite3_bind_int64 (stmt, 3, g_get_real_time () / G_USEC_PER_SEC);
  sqlite3_bind_int64 (stmt, 4, run->collection_id);
  return bmb_database_step_done (run->db, stmt, error);
}

/* The ctag read before this sync wrote to the server is not the collection's any more;
 * kept, it could even match again later (a collection emptied back to where it started)
 * and hide changes. Without one, the next sync asks for the changes. */
static gboolean
forget_ctag_after_writes (BmbSyncRun *run)
{
  if (bmb_sync_result_get_sent (run->result) > 0 ||
      bmb_sync_result_get_deleted_remote (run->result) > 0)
    {
      g_clear_pointer (&run->new_ctag, g_free);
      g_clear_pointer (&run->stored_ctag, g_free);
    }
  return TRUE;
}

BmbSyncResult *
bmb_sync_engine_sync (BmbSyncEngine  *self,
                      BmbSyncRemote  *remote,
                      gint64          account_id,
                      GCancellable   *cancellable,
                      GError        **error)
{
  g_autoptr(BmbDatabase) db = NULL;
  g_autoptr(BmbSyncResult) result = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GMutexLocker) locker = NULL;
  BmbSyncRun run = { 0 };
  gboolean ok;

  g_return_val_if_fail (BMB_IS_SYNC_ENGINE (self), NULL);
  g_return_val_if_fail (BMB_IS_SYNC_REMOTE (remote), NULL);

  if (!(db = bmb_database_open_worker (self->database, error)))
    return NULL;

  locker = g_mutex_locker_new (&self->lock);
  result = bmb_sync_result_new ();
  run.engine = self;
  run.remote = remote;
  run.db = db;
  run.result = result;
  run.cancellable = cancellable;
  run.kind = bmb_sync_remote_get_kind (remote);
  run.url = g_strdup (bmb_sync_remote_get_url (remote));
  _bmb_sync_map_init (&run.map, db, bmb_sync_remote_accepts_vcard4 (remote));

  /* Inside, errors always have a place to go: the steps test them. */
  ok = open_collection (&run, account_id, &local_error) &&
       _bmb_sync_pull (&run, &local_error) &&
       _bmb_sync_push (&run, &local_error) &&
       forget_ctag_after_writes (&run) &&
       bmb_database_begin (db, &local_error) &&
       (save_collection_state (&run, &local_error) ? bmb_database_commit (db, &local_error)
                                                   : (bmb_database_rollback (db), FALSE));
  if (!ok)
    {
      if (local_error == NULL)
        g_set_error_literal (&local_error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_FAILED,
                             _("The sync stopped for an unknown reason."));
      _bmb_sync_prefix_error (&run, &local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
    }

  _bmb_sync_map_clear (&run.map);
  g_free (run.url);
  g_free (run.stored_ctag);
  g_free (run.stored_token);
  g_free (run.new_ctag);
  g_free (run.new_token);

  return ok ? g_steal_pointer (&result) : NULL;
}

typedef struct
{
  BmbSyncRemote *remote;
  gint64         account_id;
} SyncTaskData;

static void
sync_task_data_free (SyncTaskData *data)
{
  g_object_unref (data->remote);
  g_free (data);
}

static void
sync_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SyncTaskData *data = task_data;
  GError *error = NULL;
  BmbSyncResult *result = bmb_sync_engine_sync (source_object, data->remote, data->account_id,
                                                cancellable, &error);

  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, g_object_unref);
}

void
bmb_sync_engine_sync_async (BmbSyncEngine       *self,
                            BmbSyncRemote       *remote,
                            gint64               account_id,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SyncTaskData *data;

  g_return_if_fail (BMB_IS_SYNC_ENGINE (self));
  g_return_if_fail (BMB_IS_SYNC_REMOTE (remote));

  data = g_new0 (SyncTaskData, 1);
  data->remote = g_object_ref (remote);
  data->account_id = account_id;
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, bmb_sync_engine_sync_async);
  g_task_set_task_data (task, data, (GDestroyNotify)sync_task_data_free);
  g_task_run_in_thread (task, sync_thread);
}

BmbSyncResult *
bmb_sync_engine_sync_finish (BmbSyncEngine  *self,
                             GAsyncResult   *result,
                             GError        **error)
{
  BmbSyncResult *sync_result;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  sync_result = g_task_propagate_pointer (G_TASK (result), error);
  if (sync_result != NULL &&
      (bmb_sync_result_get_received (sync_result) > 0 ||
       bmb_sync_result_get_deleted_local (sync_result) > 0 ||
       bmb_sync_result_get_n_conflicts (sync_result) > 0) &&
      bmb_database_begin (self->database, NULL))
    {
      /* The worker wrote through its own connection: tell this one's listeners. */
      bmb_database_mark_changed (self->database,
                                 BMB_CHANGE_CONTACTS | BMB_CHANGE_INTERACTIONS |
                                 BMB_CHANGE_SESSIONS | BMB_CHANGE_ACTION_ITEMS |
                                 BMB_CHANGE_GOALS);
      if (!bmb_database_commit (self->database, NULL))
        bmb_database_rollback (self->database);
    }
  return sync_result;
}

gboolean
bmb_sync_engine_forget_account (BmbSyncEngine  *self,
                                gint64          account_id,
                                GError        **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BMB_IS_SYNC_ENGINE (self), FALSE);

  if (!bmb_database_begin (self->database, error))
    return FALSE;
  if (!(stmt = bmb_database_prepare (self->database,
                                     "DELETE FROM sync_collections WHERE account_id = ?", error)))
    goto rollback;
  sqlite3_bind_int64 (stmt, 1, account_id);
  if (!bmb_database_step_done (self->database, stmt, error))
    goto rollback;
  /* Without a collection the dirty marks have no reader any more. */
  if (!bmb_database_exec (self->database,
                          "DELETE FROM sync_dirty WHERE NOT EXISTS (SELECT 1 FROM sync_collections);",
                          error) ||
      !bmb_database_commit (self->database, error))
    goto rollback;
  return TRUE;

rollback:
  bmb_database_rollback (self->database);
  return FALSE;
}
