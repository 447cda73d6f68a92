/* bmb-checklist-store-assessments.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * BmbChecklistStore, continued: assessments and their answers.
 */

#define G_LOG_DOMAIN "bmb-checklist-store"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-checklist-builtins.h"
#include "bmb-checklist-private.h"
#include "bmb-checklist-store.h"

#define ASSESSMENT_COLUMNS \
  "id, template_id, relationship_id, status, taken_at, created_at, updated_at"

/* ---- Helpers ------------------------------------------------------------------ */

static void
set_assessment_not_found (GError **error,
                          gint64   assessment_id)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, assessment_id);

  g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_NOT_FOUND,
               /* Translators: %s is a number. */
               _("Assessment %s was not found; it may have been deleted."), id);
}

/* ---- Reading assessments -------------------------------------------------------- */

static gboolean
load_answers (BmbChecklistStore  *self,
              BmbAssessment      *assessment,
              GError            **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = bmb_database_prepare (self->db,
                               "SELECT item_id, value, note FROM answers WHERE assessment_id = ?",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, bmb_assessment_get_id (assessment));
  while ((rc = bmb_database_step (self->db, stmt, error)) == SQLITE_ROW)
    {
      int value = sqlite3_column_type (stmt, 1) == SQLITE_NULL
                ? BMB_ANSWER_NONE
                : sqlite3_column_int (stmt, 1);

      bmb_assessment_set_answer (assessment,
                                 sqlite3_column_int64 (stmt, 0),
                                 value,
                                 (const char *)sqlite3_column_text (stmt, 2));
    }

  return rc == SQLITE_DONE;
}

/* NULL without an error when there is no such row. */
static BmbAssessment *
load_assessment (BmbChecklistStore  *self,
                 gint64              assessment_id,
                 GError            **error)
{
  g_autoptr(BmbAssessment) assessment = NULL;
  BmbAssessmentStatus status = BMB_ASSESSMENT_STATUS_DRAFT;
  sqlite3_stmt *stmt;

  stmt = bmb_database_prepare (self->db,
                               "SELECT " ASSESSMENT_COLUMNS " FROM assessments WHERE id = ?",
                               error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, assessment_id);
  if (bmb_database_step (self->db, stmt, error) != SQLITE_ROW)
    return NULL;

  assessment = bmb_assessment_new (sqlite3_column_int64 (stmt, 1),
                                   sqlite3_column_int64 (stmt, 2));
  _bmb_assessment_set_id (assessment, sqlite3_column_int64 (stmt, 0));
  bmb_assessment_status_from_string ((const char *)sqlite3_column_text (stmt, 3), &status);
  _bmb_assessment_set_status (assessment, status, sqlite3_column_int64 (stmt, 4));
  _bmb_assessment_set_timestamps (assessment,
                                  sqlite3_column_int64 (stmt, 5),
                                  sqlite3_column_int64 (stmt, 6));
  sqlite3_reset (stmt);

  if (!load_answers (self, assessment, error))
    return NULL;

  return g_steal_pointer (&assessment);
}

/* Runs @sql (one gint64 parameter, @param) returning assessment ids, then
 * loads each assessment with its answers. */
static GPtrArray *
load_assessments_by_query (BmbChecklistStore  *self,
                           const char         *sql,
                           gint64              param,
                           GError            **error)
{
  g_autoptr(GPtrArray) assessments = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  stmt = bmb_database_prepare (self->db, sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, param);
  while ((rc = bmb_database_step (self->db, stmt, error)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    return NULL;

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GError) local_error = NULL;
      BmbAssessment *assessment;

      assessment = load_assessment (self, g_array_index (ids, gint64, i), &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (assessment != NULL)
        g_ptr_array_add (assessments, assessment);
    }

  return g_steal_pointer (&assessments);
}

static gboolean
touch_assessment (BmbChecklistStore  *self,
                  BmbAssessment      *assessment,
                  gint64              now,
                  GError            **error)
{
  sqlite3_stmt *stmt;

  stmt = bmb_database_prepare (self->db,
                               "UPDATE assessments SET updated_at = ? WHERE id = ?",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, now);
  sqlite3_bind_int64 (stmt, 2, bmb_assessment_get_id (assessment));
  if (!bmb_database_step_done (self->db, stmt, error))
    return FALSE;

  if (bmb_database_changes (self->db) == 0)
    {
      set_assessment_not_found (error, bmb_assessment_get_id (assessment));
      return FALSE;
    }

  return TRUE;
}

/* ---- Public API: assessments -------------------------------------------------------- */

BmbAssessment *
bmb_checklist_store_start_assessment (BmbChecklistStore  *self,
                                      gint64              template_id,
                                      gint64              relationship_id,
                                      GError            **error)
{
  g_autoptr(BmbChecklistTemplate) template = NULL;
  g_autoptr(BmbAssessment) assessment = NULL;
  sqlite3_stmt *stmt;
  gint64 now = _bmb_now_seconds ();

  g_return_val_if_fail (BMB_IS_CHECKLIST_STORE (self), NULL);
  g_return_val_if_fail (relationship_id >= 0, NULL);

  if (!bmb_database_begin (self->db, error))
    return NULL;

  if (!(template = _bmb_checklist_store_get_template_or_error (self, template_id, error)))
    goto failed;

  stmt = bmb_database_prepare (self->db,
                               "INSERT INTO assessments"
                               " (template_id, relationship_id, status, created_at, updated_at)"
                               " VALUES (?, ?, 'draft', ?, ?)",
                               error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_int64 (stmt, 1, template_id);
  bmb_stmt_bind_id_or_null (stmt, 2, relationship_id);
  sqlite3_bind_int64 (stmt, 3, now);
  sqlite3_bind_int64 (stmt, 4, now);
  if (!bmb_database_step_done (self->db, stmt, error))
    {
      g_prefix_error (error, _("Could not start an assessment of “%s”: "),
                      bmb_checklist_template_get_title (template));
      goto failed;
    }

  assessment = bmb_assessment_new (template_id, relationship_id);
  _bmb_assessment_set_id (assessment, bmb_database_last_insert_id (self->db));
  _bmb_assessment_set_timestamps (assessment, now, now);

  bmb_database_mark_item (self->db, BMB_CHANGE_ASSESSMENTS, bmb_assessment_get_id (assessment),
                          BMB_CHANGE_ADDED);

  if (!bmb_database_commit (self->db, error))
    goto failed;

  return g_steal_pointer (&assessment);

failed:
  bmb_database_rollback (self->db);
  return NULL;
}

BmbAssessment *
bmb_checklist_store_get_assessment (BmbChecklistStore  *self,
                                    gint64              assessment_id,
                                    GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  BmbAssessment *assessment;

  g_return_val_if_fail (BMB_IS_CHECKLIST_STORE (self), NULL);

  assessment = load_assessment (self, assessment_id, &local_error);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else if (assessment == NULL)
    set_assessment_not_found (error, assessment_id);

  return assessment;
}

BmbAssessment *
bmb_checklist_store_find_draft (BmbChecklistStore  *self,
                                gint64              template_id,
                                GError            **error)
{
  sqlite3_stmt *stmt;
  gint64 assessment_id = 0;
  int rc;

  g_return_val_if_fail (BMB_IS_CHECKLIST_STORE (self), NULL);

  stmt = bmb_database_prepare (self->db,
                               "SELECT id FROM assessments"
                               " WHERE template_id = ? AND status = 'draft'"
                               " ORDER BY updated_at DESC, id DESC LIMIT 1",
                               error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, template_id);
  rc = bmb_database_step (self->db, stmt, error);
  if (rc < 0)
    return NULL;
  if (rc == SQLITE_ROW)
    assessment_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (assessment_id == 0)
    return NULL;

  return load_assessment (self, assessment_id, error);
}

gboolean
bmb_checklist_store_set_answer (BmbChecklistStore  *self,
                                BmbAssessment      *assessment,
                                gint64              item_id,
                                int                 value,
                                const char         *note,
                                GError            **error)
{
  g_autofree char *clean_note = NULL;
  g_autofree char *item_title = NULL;
  BmbAnswerKind kind = BMB_ANSWER_KIND_YES_NO;
  gint64 now = _bmb_now_seconds ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BMB_IS_CHECKLIST_STORE (self), FALSE);
  g_return_val_if_fail (BMB_IS_ASSESSMENT (assessment), FALSE);
  g_return_val_if_fail (bmb_assessment_get_id (assessment) > 0, FALSE);

  if (note != NULL)
    {
      clean_note = g_strstrip (g_strdup (note));
      if (*clean_note == '\0')
        g_clear_pointer (&clean_note, g_free);
    }

  if (!bmb_database_begin (self->db, error))
    return FALSE;

  /* The item must belong to the assessment's template; its kind decides
   * which values are valid. */
  stmt = bmb_database_prepare (self->db,
                               "SELECT t.answer_kind, t.builtin_key, i.item_key, i.title"
                               "  FROM assessments a"
                               "  JOIN checklist_templates t ON t.id = a.template_id"
                               "  JOIN checklist_items i ON i.template_id = t.id"
                               " WHERE a.id = ? AND i.id = ?",
                               error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_int64 (stmt, 1, bmb_assessment_get_id (assessment));
  sqlite3_bind_int64 (stmt, 2, item_id);
  rc = bmb_database_step (self->db, stmt, error);
  if (rc < 0)
    goto failed;
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID,
                   _("This item is not part of the checklist being assessed; it may have "
                     "been removed."));
      goto failed;
    }

  bmb_answer_kind_from_string ((const char *)sqlite3_column_text (stmt, 0), &kind);
  if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
    item_title = g_strdup (bmb_checklist_builtins_get_item_title (
                             (const char *)sqlite3_column_text (stmt, 1),
                             (const char *)sqlite3_column_text (stmt, 2)));
  if (item_title == NULL)
    item_title = bmb_stmt_dup_text (stmt, 3);
  sqlite3_reset (stmt);

  if (value != BMB_ANSWER_NONE && !bmb_answer_kind_is_valid_value (kind, value))
    {
      if (kind == BMB_ANSWER_KIND_RATING)
        g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID,
                     _("“%s” takes a rating from 1 to 5."),
                     item_title != NULL ? item_title : "");
      else
        g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID,
                     _("“%s” takes a yes or no answer."),
                     item_title != NULL ? item_title : "");
      goto failed;
    }

  if (value == BMB_ANSWER_NONE && clean_note == NULL)
    {
      stmt = bmb_database_prepare (self->db,
                                   "DELETE FROM answers WHERE assessment_id = ? AND item_id = ?",
                                   error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_int64 (stmt, 1, bmb_assessment_get_id (assessment));
      sqlite3_bind_int64 (stmt, 2, item_id);
    }
  else
    {
      stmt = bmb_database_prepare (self->db,
                                   "INSERT INTO answers (assessment_id, item_id, value, note)"
                                   " VALUES (?, ?, ?, ?)"
                                   " ON CONFLICT (assessment_id, item_id) DO UPDATE"
                                   "   SET value = excluded.value, note = excluded.note",
                                   error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_int64 (stmt, 1, bmb_assessment_get_id (assessment));
      sqlite3_bind_int64 (stmt, 2, item_id);
      if (value == BMB_ANSWER_NONE)
        sqlite3_bind_null (stmt, 3);
      else
        sqlite3_bind_int (stmt, 3, value);
      bmb_stmt_bind_text_or_null (stmt, 4, clean_note);
    }

  if (!bmb_database_step_done (self->db, stmt, error) ||
      !touch_assessment (self, assessment, now, error))
    {
      g_prefix_error (error, _("Could not save the answer to “%s”: "),
                      item_title != NULL ? item_title : "");
      goto failed;
    }

  bmb_database_mark_item (self->db, BMB_CHANGE_ASSESSMENTS, bmb_assessment_get_id (assessment),
                          BMB_CHANGE_CHANGED);

  if (!bmb_database_commit (self->db, error))
    goto failed;

  bmb_assessment_set_answer (assessment, item_id, value, clean_note);
  _bmb_assessment_set_timestamps (assessment, bmb_assessment_get_created_at (assessment), now);

  return TRUE;

failed:
  bmb_database_rollback (self->db);
  return FALSE;
}

gboolean
bmb_checklist_store_complete_assessment (BmbChecklistStore  *self,
                                         BmbAssessment      *assessment,
                                         gint64              taken_at,
                                         GError            **error)
{
  sqlite3_stmt *stmt;
  gint64 now = _bmb_now_seconds ();

  g_return_val_if_fail (BMB_IS_CHECKLIST_STORE (self), FALSE);
  g_return_val_if_fail (BMB_IS_ASSESSMENT (assessment), FALSE);
  g_return_val_if_fail (bmb_assessment_get_id (assessment) > 0, FALSE);
  g_return_val_if_fail (taken_at >= 0, FALSE);

  if (taken_at == 0)
    taken_at = now;

  if (!bmb_database_begin (self->db, error))
    return FALSE;

  stmt = bmb_database_prepare (self->db,
                               "UPDATE assessments"
                               "   SET status = 'complete', taken_at = ?, updated_at = ?"
                               " WHERE id = ?",
                               error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_int64 (stmt, 1, taken_at);
  sqlite3_bind_int64 (stmt, 2, now);
  sqlite3_bind_int64 (stmt, 3, bmb_assessment_get_id (assessment));
  if (!bmb_database_step_done (self->db, stmt, error))
    goto failed;

  if (bmb_database_changes (self->db) == 0)
    {
      set_assessment_not_found (error, bmb_assessment_get_id (assessment));
      goto failed;
    }

  bmb_database_mark_item (self->db, BMB_CHANGE_ASSESSMENTS, bmb_assessment_get_id (assessment),
                          BMB_CHANGE_CHANGED);

  if (!bmb_database_commit (self->db, error))
    goto failed;

  _bmb_assessment_set_status (assessment, BMB_ASSESSMENT_STATUS_COMPLETE, taken_at);
  _bmb_assessment_set_timestamps (assessment, bmb_assessment_get_created_at (assessment), now);

  return TRUE;

failed:
  bmb_database_rollback (self->db);
  return FALSE;
}

gboolean
bmb_checklist_store_delete_assessment (BmbChecklistStore  *self,
                                       gint64              assessment_id,
                                       GError            **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BMB_IS_CHECKLIST_STORE (self), FALSE);

  if (!bmb_database_begin (self->db, error))
    return FALSE;

  stmt = bmb_database_prepare (self->db, "DELETE FROM assessments WHERE id = ?", error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_int64 (stmt, 1, assessment_id);
  if (!bmb_database_step_done (self->db, stmt, error))
    goto failed;

  if (bmb_database_changes (self->db) == 0)
    {
      set_assessment_not_found (error, assessment_id);
      goto failed;
    }

  bmb_database_mark_item (self->db, BMB_CHANGE_ASSESSMENTS, assessment_id, BMB_CHANGE_REMOVED);

  if (!bmb_database_commit (self->db, error))
    goto failed;

  return TRUE;

failed:
  bmb_database_rollback (self->db);
  return FALSE;
}

GPtrArray *
bmb_checklist_store_list_history (BmbChecklistStore  *self,
                                  gint64              template_id,
                                  GError            **error)
{
  g_return_val_if_fail (BMB_IS_CHECKLIST_STORE (self), NULL);

  return load_assessments_by_query (self,
                                    "SELECT id FROM assessments"
                                    " WHERE template_id = ? AND status = 'complete'"
                                    " ORDER BY taken_at, id",
                                    template_id, error);
}

BmbAssessment *
bmb_checklist_store_get_previous (BmbChecklistStore  *self,
                                  BmbAssessment      *assessment,
                                  GError            **error)
{
  sqlite3_stmt *stmt;
  gint64 previous_id = 0;
  int rc;

  g_return_val_if_fail (BMB_IS_CHECKLIST_STORE (self), NULL);
  g_return_val_if_fail (BMB_IS_ASSESSMENT (assessment), NULL);

  if (bmb_assessment_is_complete (assessment))
    {
      stmt = bmb_database_prepare (self->db,
                                   "SELECT id FROM assessments"
                                   " WHERE template_id = ?1 AND status = 'complete' AND id != ?3"
                                   "   AND (taken_at < ?2 OR (taken_at = ?2 AND id < ?3))"
                                   " ORDER BY taken_at DESC, id DESC LIMIT 1",
                                   error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 2, bmb_assessment_get_taken_at (assessment));
      sqlite3_bind_int64 (stmt, 3, bmb_assessment_get_id (assessment));
    }
  else
    {
      stmt = bmb_database_prepare (self->db,
                                   "SELECT id FROM assessments"
                                   " WHERE template_id = ? AND status = 'complete'"
                                   " ORDER BY taken_at DESC, id DESC LIMIT 1",
                                   error);
      if (stmt == NULL)
        return NULL;
    }

  sqlite3_bind_int64 (stmt, 1, bmb_assessment_get_template_id (assessment));
  rc = bmb_database_step (self->db, stmt, error);
  if (rc < 0)
    return NULL;
  if (rc == SQLITE_ROW)
    previous_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (previous_id == 0)
    return NULL;

  return load_assessment (self, previous_id, error);
}

GPtrArray *
bmb_checklist_store_list_for_relationship (BmbChecklistStore  *self,
                                           gint64              relationship_id,
                                           GError            **error)
{
  g_return_val_if_fail (BMB_IS_CHECKLIST_STORE (self), NULL);
  g_return_val_if_fail (relationship_id > 0, NULL);

  return load_assessments_by_query (self,
                                    "SELECT id FROM assessments WHERE relationship_id = ?"
                                    " ORDER BY coalesce (taken_at, updated_at) DESC, id DESC",
                                    relationship_id, error);
}
