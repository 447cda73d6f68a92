/* bmb-draft-store.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The drafts table (schema version 3). A draft is written about once a
 * second while an editor has unsaved changes, so it marks nothing changed:
 * no page reloads for it.
 */

#define G_LOG_DOMAIN "bmb-draft-store"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-draft-store.h"
#include "bmb-limits.h"

struct _BmbDraftStore
{
  GObject      parent_instance;

  BmbDatabase *database;
};

G_DEFINE_FINAL_TYPE (BmbDraftStore, bmb_draft_store, G_TYPE_OBJECT)

static void
bmb_draft_store_dispose (GObject *object)
{
  BmbDraftStore *self = (BmbDraftStore *)object;

  g_clear_object (&self->database);

  G_OBJECT_CLASS (bmb_draft_store_parent_class)->dispose (object);
}

static void
bmb_draft_store_class_init (BmbDraftStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = bmb_draft_store_dispose;
}

static void
bmb_draft_store_init (BmbDraftStore *self)
{
}

BmbDraftStore *
bmb_draft_store_new (BmbDatabase *database)
{
  BmbDraftStore *self;

  g_return_val_if_fail (BMB_IS_DATABASE (database), NULL);

  self = g_object_new (BMB_TYPE_DRAFT_STORE, NULL);
  self->database = g_object_ref (database);

  return self;
}

gboolean
bmb_draft_store_save (BmbDraftStore  *self,
                      const char     *key,
                      const char     *state,
                      GError        **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BMB_IS_DRAFT_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL && key[0] != '\0', FALSE);
  g_return_val_if_fail (state != NULL, FALSE);

  if (strlen (state) > BMB_LIMIT_DRAFT_BYTES)
    {
      g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID,
                   _("The unsaved changes are too large to keep as a draft."));
      return FALSE;
    }

  if (!bmb_database_begin (self->database, error))
    return FALSE;

  if (!(stmt = bmb_database_prepare (self->database,
                                     "INSERT INTO drafts (key, state, saved_at) "
                                     "VALUES (?1, ?2, ?3) "
                                     "ON CONFLICT (key) DO UPDATE SET "
                                     "state = excluded.state, saved_at = excluded.saved_at",
                                     error)))
    goto failed;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, state, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, g_get_real_time () / G_USEC_PER_SEC);
  if (!bmb_database_step_done (self->database, stmt, error) ||
      !bmb_database_commit (self->database, error))
    goto failed;

  return TRUE;

failed:
  bmb_database_rollback (self->database);
  return FALSE;
}

char *
bmb_draft_store_lookup (BmbDraftStore  *self,
                        const char     *key,
                        gint64         *out_saved_at,
                        GError        **error)
{
  sqlite3_stmt *stmt;
  char *state = NULL;
  int rc;

  g_return_val_if_fail (BMB_IS_DRAFT_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if (out_saved_at != NULL)
    *out_saved_at = 0;

  if (!(stmt = bmb_database_prepare (self->database,
                                     "SELECT state, saved_at FROM drafts WHERE key = ?1",
                                     error)))
    return NULL;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  rc = bmb_database_step (self->database, stmt, error);
  if (rc == SQLITE_ROW)
    {
      state = bmb_stmt_dup_text (stmt, 0);
      if (out_saved_at != NULL)
        *out_saved_at = sqlite3_column_int64 (stmt, 1);
    }
  /* Never leave a statement open: it would keep this connection's view of
   * the file from before the next write from another connection. */
  sqlite3_reset (stmt);

  return state;
}

gboolean
bmb_draft_store_remove (BmbDraftStore  *self,
                        const char     *key,
                        GError        **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BMB_IS_DRAFT_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (!bmb_database_begin (self->database, error))
    return FALSE;

  if (!(stmt = bmb_database_prepare (self->database, "DELETE FROM drafts WHERE key = ?1", error)))
    goto failed;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (!bmb_database_step_done (self->database, stmt, error) ||
      !bmb_database_commit (self->database, error))
    goto failed;

  return TRUE;

failed:
  bmb_database_rollback (self->database);
  return FALSE;
}
