/* bmb-checklist-store-builtins.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * BmbChecklistStore, continued: the built-in templates. Their rows hold keys
 * only (the text comes from bmb-checklist-builtins.c); at start-up they are
 * brought in line with what this version ships, writing only what differs.
 */

#define G_LOG_DOMAIN "bmb-checklist-store"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-checklist-builtins.h"
#include "bmb-checklist-private.h"
#include "bmb-checklist-store.h"

/* ---- Helpers ------------------------------------------------------------------ */

static gboolean
sync_builtin_template (BmbChecklistStore         *self,
                       const BmbBuiltinTemplate  *builtin,
                       int                        position,
                       gboolean                  *changed,
                       GError                   **error)
{
  const char *kind = bmb_answer_kind_to_string (builtin->answer_kind);
  sqlite3_stmt *stmt;
  gint64 template_id;
  gint64 now = _bmb_now_seconds ();

  /* Insert the template if missing; refresh kind and order when they differ. */
  stmt = bmb_database_prepare (self->db,
                               "INSERT INTO checklist_templates"
                               " (builtin_key, answer_kind, position, created_at, updated_at)"
                               " VALUES (?, ?, ?, ?, ?)"
                               " ON CONFLICT (builtin_key) DO UPDATE"
                               "   SET answer_kind = excluded.answer_kind,"
                               "       position = excluded.position,"
                               "       updated_at = excluded.updated_at"
                               "   WHERE answer_kind IS NOT excluded.answer_kind"
                               "      OR position IS NOT excluded.position",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, builtin->key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, position);
  sqlite3_bind_int64 (stmt, 4, now);
  sqlite3_bind_int64 (stmt, 5, now);
  if (!bmb_database_step_done (self->db, stmt, error))
    return FALSE;
  if (bmb_database_changes (self->db) > 0)
    *changed = TRUE;

  stmt = bmb_database_prepare (self->db,
                               "SELECT id FROM checklist_templates WHERE builtin_key = ?",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, builtin->key, -1, SQLITE_STATIC);
  if (bmb_database_step (self->db, stmt, error) != SQLITE_ROW)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_FAILED,
                     _("The built-in checklist “%s” could not be set up."), _(builtin->title));
      return FALSE;
    }
  template_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  for (guint i = 0; i < builtin->n_items; i++)
    {
      const BmbBuiltinItem *item = &builtin->items[i];

      stmt = bmb_database_prepare (self->db,
                                   "INSERT INTO checklist_items"
                                   " (template_id, item_key, section, position)"
                                   " VALUES (?, ?, ?, ?)"
                                   " ON CONFLICT (template_id, item_key) DO UPDATE"
                                   "   SET section = excluded.section,"
                                   "       position = excluded.position"
                                   "   WHERE section IS NOT excluded.section"
                                   "      OR position IS NOT excluded.position",
                                   error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, template_id);
      sqlite3_bind_text (stmt, 2, item->key, -1, SQLITE_STATIC);
      bmb_stmt_bind_text_or_null (stmt, 3, item->section);
      sqlite3_bind_int (stmt, 4, i);
      if (!bmb_database_step_done (self->db, stmt, error))
        return FALSE;
      if (bmb_database_changes (self->db) > 0)
        *changed = TRUE;
    }

  return TRUE;
}

/* Whether the database already holds every built-in template and item as
 * sync_builtin_template() would write them: then start-up writes nothing
 * and takes no write lock (a read-only command never waits for a writer). */
static gboolean
builtins_up_to_date (BmbChecklistStore         *self,
                     const BmbBuiltinTemplate  *builtins,
                     guint                      n,
                     gboolean                  *up_to_date,
                     GError                   **error)
{
  *up_to_date = FALSE;

  for (guint i = 0; i < n; i++)
    {
      const BmbBuiltinTemplate *builtin = &builtins[i];
      sqlite3_stmt *stmt;
      gint64 template_id;
      gboolean same;
      int rc;

      stmt = bmb_database_prepare (self->db,
                                   "SELECT id, answer_kind IS ?2 AND position IS ?3"
                                   " FROM checklist_templates WHERE builtin_key = ?1",
                                   error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, builtin->key, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, bmb_answer_kind_to_string (builtin->answer_kind), -1,
                         SQLITE_STATIC);
      sqlite3_bind_int (stmt, 3, i);
      if ((rc = bmb_database_step (self->db, stmt, error)) < 0)
        return FALSE;
      same = rc == SQLITE_ROW && sqlite3_column_int (stmt, 1);
      template_id = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
      sqlite3_reset (stmt);
      if (!same)
        return TRUE;

      for (guint j = 0; j < builtin->n_items; j++)
        {
          const BmbBuiltinItem *item = &builtin->items[j];

          stmt = bmb_database_prepare (self->db,
                                       "SELECT section IS ?3 AND position IS ?4"
                                       " FROM checklist_items"
                                       " WHERE template_id = ?1 AND item_key = ?2",
                                       error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, template_id);
          sqlite3_bind_text (stmt, 2, item->key, -1, SQLITE_STATIC);
          bmb_stmt_bind_text_or_null (stmt, 3, item->section);
          sqlite3_bind_int (stmt, 4, j);
          if ((rc = bmb_database_step (self->db, stmt, error)) < 0)
            return FALSE;
          same = rc == SQLITE_ROW && sqlite3_column_int (stmt, 0);
          sqlite3_reset (stmt);
          if (!same)
            return TRUE;
        }
    }

  *up_to_date = TRUE;
  return TRUE;
}

/* ---- Public API: built-ins ------------------------------------------------------ */

gboolean
bmb_checklist_store_sync_builtins (BmbChecklistStore  *self,
                                   GError            **error)
{
  const BmbBuiltinTemplate *builtins;
  gboolean changed = FALSE;
  gboolean up_to_date;
  guint n;

  g_return_val_if_fail (BMB_IS_CHECKLIST_STORE (self), FALSE);

  builtins = bmb_checklist_builtins_get_all (&n);

  /* Compare first: write only when something changed. */
  if (!builtins_up_to_date (self, builtins, n, &up_to_date, error))
    {
      g_prefix_error (error, _("Could not set up the built-in checklists: "));
      return FALSE;
    }
  if (up_to_date)
    {
      g_debug ("Built-in checklists already up to date");
      return TRUE;
    }

  if (!bmb_database_begin (self->db, error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      if (!sync_builtin_template (self, &builtins[i], i, &changed, error))
        {
          bmb_database_rollback (self->db);
          g_prefix_error (error, _("Could not set up the built-in checklists: "));
          return FALSE;
        }
    }

  if (changed)
    bmb_database_mark_changed (self->db, BMB_CHANGE_CHECKLISTS);

  if (!bmb_database_commit (self->db, error))
    {
      bmb_database_rollback (self->db);
      return FALSE;
    }

  g_debug ("Built-in checklists %s", changed ? "updated" : "already up to date");
  return TRUE;
}

BmbChecklistTemplate *
bmb_checklist_store_get_builtin (BmbChecklistStore  *self,
                                 const char         *builtin_key,
                                 GError            **error)
{
  sqlite3_stmt *stmt;
  gint64 template_id = 0;
  int rc;

  g_return_val_if_fail (BMB_IS_CHECKLIST_STORE (self), NULL);
  g_return_val_if_fail (builtin_key != NULL, NULL);

  stmt = bmb_database_prepare (self->db,
                               "SELECT id FROM checklist_templates WHERE builtin_key = ?",
                               error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, builtin_key, -1, SQLITE_TRANSIENT);
  rc = bmb_database_step (self->db, stmt, error);
  if (rc < 0)
    return NULL;
  if (rc == SQLITE_ROW)
    template_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (template_id == 0 || bmb_checklist_builtins_lookup (builtin_key) == NULL)
    {
      g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_NOT_FOUND,
                   _("The built-in checklist “%s” is not available."), builtin_key);
      return NULL;
    }

  return _bmb_checklist_store_get_template_or_error (self, template_id, error);
}
