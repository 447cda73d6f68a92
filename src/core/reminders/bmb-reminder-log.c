/* bmb-reminder-log.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-scheduler"

#include "config.h"

#include "bmb-reminder-log.h"

static void
bind_key (sqlite3_stmt      *stmt,
          const BmbReminder *reminder)
{
  sqlite3_bind_text (stmt, 1, bmb_reminder_kind_to_string (reminder->kind), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, reminder->item_id);
  sqlite3_bind_text (stmt, 3, reminder->occurrence, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 4, reminder->offset_min);
}

int
bmb_reminder_log_is_recorded (BmbDatabase        *db,
                              const BmbReminder  *reminder,
                              GError            **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BMB_IS_DATABASE (db), -1);
  g_return_val_if_fail (reminder != NULL, -1);

  stmt = bmb_database_prepare (db,
                               "SELECT 1 FROM reminder_log"
                               " WHERE kind = ?1 AND item_id = ?2 AND occurrence = ?3"
                               "   AND offset_min = ?4",
                               error);
  if (stmt == NULL)
    return -1;

  bind_key (stmt, reminder);
  rc = bmb_database_step (db, stmt, error);
  sqlite3_reset (stmt);

  if (rc < 0)
    return -1;

  return rc == SQLITE_ROW;
}

gboolean
bmb_reminder_log_record (BmbDatabase        *db,
                         const BmbReminder  *reminder,
                         gint64              delivered_at,
                         GError            **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BMB_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (reminder != NULL, FALSE);

  stmt = bmb_database_prepare (db,
                               "INSERT INTO reminder_log"
                               " (kind, item_id, occurrence, offset_min, delivered_at)"
                               " VALUES (?1, ?2, ?3, ?4, ?5)"
                               " ON CONFLICT (kind, item_id, occurrence, offset_min)"
                               " DO UPDATE SET delivered_at = excluded.delivered_at",
                               error);
  if (stmt == NULL)
    return FALSE;

  bind_key (stmt, reminder);
  sqlite3_bind_int64 (stmt, 5, delivered_at);

  return bmb_database_step_done (db, stmt, error);
}

gboolean
bmb_reminder_log_add_snooze (BmbDatabase        *db,
                             const BmbReminder  *reminder,
                             gint64              due_at,
                             GError            **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BMB_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (reminder != NULL, FALSE);

  stmt = bmb_database_prepare (db,
                               "INSERT INTO snoozes"
                               " (kind, item_id, occurrence, offset_min, due_at)"
                               " VALUES (?1, ?2, ?3, ?4, ?5)"
                               " ON CONFLICT (kind, item_id, occurrence, offset_min)"
                               " DO UPDATE SET due_at = excluded.due_at",
                               error);
  if (stmt == NULL)
    return FALSE;

  bind_key (stmt, reminder);
  sqlite3_bind_int64 (stmt, 5, due_at);

  return bmb_database_step_done (db, stmt, error);
}

gboolean
bmb_reminder_log_delete_snooze (BmbDatabase        *db,
                                const BmbReminder  *reminder,
                                GError            **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BMB_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (reminder != NULL, FALSE);

  stmt = bmb_database_prepare (db,
                               "DELETE FROM snoozes"
                               " WHERE kind = ?1 AND item_id = ?2 AND occurrence = ?3"
                               "   AND offset_min = ?4",
                               error);
  if (stmt == NULL)
    return FALSE;

  bind_key (stmt, reminder);

  return bmb_database_step_done (db, stmt, error);
}

GPtrArray *
bmb_reminder_log_list_snoozes (BmbDatabase  *db,
                               gint64        until,
                               GError      **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BMB_IS_DATABASE (db), NULL);

  stmt = bmb_database_prepare (db,
                               "SELECT kind, item_id, occurrence, offset_min, due_at"
                               " FROM snoozes WHERE due_at < ?1 ORDER BY due_at",
                               error);
  if (stmt == NULL)
    return NULL;

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify)bmb_reminder_unref);
  sqlite3_bind_int64 (stmt, 1, until);
  while ((rc = bmb_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      BmbReminderKind kind;

      /* A kind this version does not know (written by a newer one) is left alone. */
      if (!bmb_reminder_kind_from_string ((const char *)sqlite3_column_text (stmt, 0), &kind))
        continue;
      g_ptr_array_add (rows, bmb_reminder_new (kind,
                                               sqlite3_column_int64 (stmt, 1),
                                               (const char *)sqlite3_column_text (stmt, 2),
                                               sqlite3_column_int (stmt, 3),
                                               sqlite3_column_int64 (stmt, 4)));
    }
  sqlite3_reset (stmt);
  if (rc < 0)
    return NULL;

  return g_steal_pointer (&rows);
}
