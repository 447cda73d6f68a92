/* bmb-checklist-store-edit.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * BmbChecklistStore, continued: changing saved custom templates (update
 * with their items, delete, reorder items). Built-ins refuse all three.
 */

#define G_LOG_DOMAIN "bmb-checklist-store"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-checklist-private.h"
#include "bmb-checklist-store.h"

/* ---- Helpers ------------------------------------------------------------------ */

static gboolean
update_item_row (BmbChecklistStore  *self,
                 gint64              template_id,
                 BmbChecklistItem   *item,
                 guint               position,
                 GError            **error)
{
  sqlite3_stmt *stmt;

  stmt = bmb_database_prepare (self->db,
                               "UPDATE checklist_items"
                               "   SET section = ?, title = ?, explanation = ?, position = ?"
                               " WHERE id = ? AND template_id = ?",
                               error);
  if (stmt == NULL)
    return FALSE;

  bmb_stmt_bind_text_or_null (stmt, 1, bmb_checklist_item_get_section (item));
  sqlite3_bind_text (stmt, 2, g_strstrip (g_strdup (bmb_checklist_item_get_title (item))), -1,
                     g_free);
  bmb_stmt_bind_text_or_null (stmt, 3, bmb_checklist_item_get_explanation (item));
  sqlite3_bind_int (stmt, 4, position);
  sqlite3_bind_int64 (stmt, 5, bmb_checklist_item_get_id (item));
  sqlite3_bind_int64 (stmt, 6, template_id);

  if (!bmb_database_step_done (self->db, stmt, error))
    return FALSE;

  if (bmb_database_changes (self->db) == 0)
    {
      g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID,
                   _("The item “%s” does not belong to this checklist."),
                   bmb_checklist_item_get_title (item));
      return FALSE;
    }

  return TRUE;
}

/* Item ids of a template as stored, in no order. */
static GArray *
list_item_ids (BmbChecklistStore  *self,
               gint64              template_id,
               GError            **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  stmt = bmb_database_prepare (self->db,
                               "SELECT id FROM checklist_items WHERE template_id = ?",
                               error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, template_id);
  while ((rc = bmb_database_step (self->db, stmt, error)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }

  if (rc != SQLITE_DONE)
    return NULL;

  return g_steal_pointer (&ids);
}

static gboolean
count_assessments (BmbChecklistStore  *self,
                   gint64              template_id,
                   gint64             *out_count,
                   GError            **error)
{
  sqlite3_stmt *stmt;

  stmt = bmb_database_prepare (self->db,
                               "SELECT count(*) FROM assessments WHERE template_id = ?",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, template_id);
  if (bmb_database_step (self->db, stmt, error) != SQLITE_ROW)
    return FALSE;

  *out_count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

/* ---- Public API: changing templates ---------------------------------------------- */

static gboolean
write_template_update (BmbChecklistStore     *self,
                       BmbChecklistTemplate  *template,
                       GError               **error)
{
  g_autoptr(BmbChecklistTemplate) stored = NULL;
  g_autoptr(GArray) stored_ids = NULL;
  g_autoptr(GHashTable) kept = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gint64 template_id = bmb_checklist_template_get_id (template);
  BmbAnswerKind kind = bmb_checklist_template_get_answer_kind (template);
  sqlite3_stmt *stmt;
  gint64 now = _bmb_now_seconds ();
  guint n;

  if (!(stored = _bmb_checklist_store_get_template_or_error (self, template_id, error)))
    return FALSE;

  if (bmb_checklist_template_is_builtin (stored))
    {
      _bmb_checklist_store_set_builtin_read_only (error,
                                                  bmb_checklist_template_get_title (stored));
      return FALSE;
    }

  if (bmb_checklist_template_get_answer_kind (stored) != kind)
    {
      gint64 n_assessments = 0;

      if (!count_assessments (self, template_id, &n_assessments, error))
        return FALSE;
      if (n_assessments > 0)
        {
          g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID,
                       _("The answers of “%s” cannot change from “%s” to “%s” because it "
                         "already has assessments. Duplicate it instead."),
                       bmb_checklist_template_get_title (stored),
                       bmb_answer_kind_get_label (bmb_checklist_template_get_answer_kind (stored)),
                       bmb_answer_kind_get_label (kind));
          return FALSE;
        }
    }

  stmt = bmb_database_prepare (self->db,
                               "UPDATE checklist_templates"
                               "   SET title = ?, description = ?, answer_kind = ?, updated_at = ?"
                               " WHERE id = ? AND builtin_key IS NULL",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, g_strstrip (g_strdup (bmb_checklist_template_get_title (template))),
                     -1, g_free);
  bmb_stmt_bind_text_or_null (stmt, 2, bmb_checklist_template_get_description (template));
  sqlite3_bind_text (stmt, 3, bmb_answer_kind_to_string (kind), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, now);
  sqlite3_bind_int64 (stmt, 5, template_id);
  if (!bmb_database_step_done (self->db, stmt, error))
    return FALSE;

  /* Items: update the kept ones, insert the new ones, delete the others. */
  n = bmb_checklist_template_get_n_items (template);
  for (guint i = 0; i < n; i++)
    {
      BmbChecklistItem *item = bmb_checklist_template_get_item (template, i);
      gint64 item_id = bmb_checklist_item_get_id (item);

      if (item_id == 0)
        {
          if (!_bmb_checklist_store_insert_item_row (self, template_id, item, i, error))
            return FALSE;
        }
      else if (!update_item_row (self, template_id, item, i, error))
        {
          return FALSE;
        }

      item_id = bmb_checklist_item_get_id (item);
      g_hash_table_add (kept, g_memdup2 (&item_id, sizeof item_id));
    }

  if (!(stored_ids = list_item_ids (self, template_id, error)))
    return FALSE;

  for (guint i = 0; i < stored_ids->len; i++)
    {
      gint64 item_id = g_array_index (stored_ids, gint64, i);

      if (g_hash_table_contains (kept, &item_id))
        continue;

      stmt = bmb_database_prepare (self->db, "DELETE FROM checklist_items WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, item_id);
      if (!bmb_database_step_done (self->db, stmt, error))
        return FALSE;
    }

  _bmb_checklist_template_renumber (template);
  _bmb_checklist_template_set_timestamps (template,
                                          bmb_checklist_template_get_created_at (stored), now);
  /* Answers to removed items went with them, unnamed. */
  bmb_database_mark_item (self->db, BMB_CHANGE_CHECKLISTS, template_id, BMB_CHANGE_CHANGED);
  bmb_database_mark_changed (self->db, BMB_CHANGE_ASSESSMENTS);

  return TRUE;
}

gboolean
bmb_checklist_store_update_template (BmbChecklistStore     *self,
                                     BmbChecklistTemplate  *template,
                                     GError               **error)
{
  g_return_val_if_fail (BMB_IS_CHECKLIST_STORE (self), FALSE);
  g_return_val_if_fail (BMB_IS_CHECKLIST_TEMPLATE (template), FALSE);
  g_return_val_if_fail (bmb_checklist_template_get_id (template) > 0, FALSE);

  if (bmb_checklist_template_is_builtin (template))
    {
      _bmb_checklist_store_set_builtin_read_only (error,
                                                  bmb_checklist_template_get_title (template));
      return FALSE;
    }

  if (!_bmb_checklist_store_validate_custom (template, error))
    return FALSE;

  if (!bmb_database_begin (self->db, error))
    return FALSE;

  if (!write_template_update (self, template, error) ||
      !bmb_database_commit (self->db, error))
    {
      bmb_database_rollback (self->db);
      g_prefix_error (error, _("Could not save the checklist “%s”: "),
                      bmb_checklist_template_get_title (template));
      return FALSE;
    }

  return TRUE;
}

gboolean
bmb_checklist_store_delete_template (BmbChecklistStore  *self,
                                     gint64              template_id,
                                     GError            **error)
{
  g_autoptr(BmbChecklistTemplate) stored = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BMB_IS_CHECKLIST_STORE (self), FALSE);

  if (!bmb_database_begin (self->db, error))
    return FALSE;

  if (!(stored = _bmb_checklist_store_get_template_or_error (self, template_id, error)))
    goto failed;

  if (bmb_checklist_template_is_builtin (stored))
    {
      _bmb_checklist_store_set_builtin_read_only (error,
                                                  bmb_checklist_template_get_title (stored));
      goto failed;
    }

  stmt = bmb_database_prepare (self->db,
                               "DELETE FROM checklist_templates"
                               " WHERE id = ? AND builtin_key IS NULL",
                               error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, template_id);
  if (!bmb_database_step_done (self->db, stmt, error))
    {
      g_prefix_error (error, _("Could not delete the checklist “%s”: "),
                      bmb_checklist_template_get_title (stored));
      goto failed;
    }

  /* Its assessments went with it (ON DELETE CASCADE), unnamed. */
  bmb_database_mark_item (self->db, BMB_CHANGE_CHECKLISTS, template_id, BMB_CHANGE_REMOVED);
  bmb_database_mark_changed (self->db, BMB_CHANGE_ASSESSMENTS);

  if (!bmb_database_commit (self->db, error))
    goto failed;

  return TRUE;

failed:
  bmb_database_rollback (self->db);
  return FALSE;
}

gboolean
bmb_checklist_store_reorder_items (BmbChecklistStore  *self,
                                   gint64              template_id,
                                   const gint64       *item_ids,
                                   guint               n_item_ids,
                                   GError            **error)
{
  g_autoptr(BmbChecklistTemplate) stored = NULL;
  gint64 now = _bmb_now_seconds ();
  sqlite3_stmt *stmt;
  guint n;

  g_return_val_if_fail (BMB_IS_CHECKLIST_STORE (self), FALSE);
  g_return_val_if_fail (item_ids != NULL || n_item_ids == 0, FALSE);

  if (!bmb_database_begin (self->db, error))
    return FALSE;

  if (!(stored = _bmb_checklist_store_get_template_or_error (self, template_id, error)))
    goto failed;

  if (bmb_checklist_template_is_builtin (stored))
    {
      _bmb_checklist_store_set_builtin_read_only (error,
                                                  bmb_checklist_template_get_title (stored));
      goto failed;
    }

  /* Each item exactly once. */
  n = bmb_checklist_template_get_n_items (stored);
  for (guint i = 0; i < n_item_ids && n_item_ids == n; i++)
    {
      for (guint j = 0; j < i; j++)
        {
          if (item_ids[j] == item_ids[i])
            goto mismatch;
        }
      if (bmb_checklist_template_find_item (stored, item_ids[i]) == NULL)
        goto mismatch;
    }
  if (n_item_ids != n)
    goto mismatch;

  for (guint i = 0; i < n_item_ids; i++)
    {
      stmt = bmb_database_prepare (self->db,
                                   "UPDATE checklist_items SET position = ?"
                                   " WHERE id = ? AND template_id = ?",
                                   error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_int (stmt, 1, i);
      sqlite3_bind_int64 (stmt, 2, item_ids[i]);
      sqlite3_bind_int64 (stmt, 3, template_id);
      if (!bmb_database_step_done (self->db, stmt, error))
        goto failed;
    }

  stmt = bmb_database_prepare (self->db,
                               "UPDATE checklist_templates SET updated_at = ? WHERE id = ?",
                               error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, now);
  sqlite3_bind_int64 (stmt, 2, template_id);
  if (!bmb_database_step_done (self->db, stmt, error))
    goto failed;

  bmb_database_mark_item (self->db, BMB_CHANGE_CHECKLISTS, template_id, BMB_CHANGE_CHANGED);

  if (!bmb_database_commit (self->db, error))
    goto failed;

  return TRUE;

mismatch:
  g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID,
               _("The new order of “%s” must list each of its items exactly once."),
               bmb_checklist_template_get_title (stored));
failed:
  bmb_database_rollback (self->db);
  return FALSE;
}
