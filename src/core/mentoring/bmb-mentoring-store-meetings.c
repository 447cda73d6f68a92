/* bmb-mentoring-store-meetings.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Meeting records (bmb-mentoring-meetings.h): one meeting read and saved,
 * moved, cancelled, its record deleted. Carry-over, history and search are
 * in bmb-mentoring-store-history.c.
 *
 * A meeting's row in `meetings` holds its schedule changes and, when
 * `record` is 1, its record: notes, outcome, agenda_items and action_items
 * with its meeting_id. A row without a record still reads as the standing
 * agenda (agenda_items of the session without a meeting).
 */

#define G_LOG_DOMAIN "bmb-mentoring-store"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-local-time.h"
#include "bmb-mentoring-meetings-private.h"
#include "bmb-mentoring-private.h"

/* ---- Reading ------------------------------------------------------------------ */

typedef struct
{
  gint64  id;
  gboolean record;
  char   *notes;
  char   *outcome;
} MeetingRow;

static void
meeting_row_clear (MeetingRow *row)
{
  g_clear_pointer (&row->notes, g_free);
  g_clear_pointer (&row->outcome, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (MeetingRow, meeting_row_clear)

/* FALSE with @error on a database error; row->id 0 when there is none. */
static gboolean
load_row (BmbDatabase  *db,
          gint64        session_id,
          const char   *recurrence_id,
          MeetingRow   *row,
          GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = bmb_database_prepare (db,
                               "SELECT id, record, notes, outcome FROM meetings "
                               "WHERE session_id = ?1 AND occurrence_start = ?2", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, session_id);
  sqlite3_bind_text (stmt, 2, recurrence_id, -1, SQLITE_TRANSIENT);
  rc = bmb_database_step (db, stmt, error);
  if (rc == SQLITE_ROW)
    {
      row->id = sqlite3_column_int64 (stmt, 0);
      row->record = sqlite3_column_int (stmt, 1) != 0;
      row->notes = bmb_stmt_dup_text (stmt, 2);
      row->outcome = bmb_stmt_dup_text (stmt, 3);
    }
  sqlite3_reset (stmt);

  return rc >= 0;
}

static gboolean
load_agenda (BmbDatabase  *db,
             gint64        meeting_id,
             GListStore   *agenda,
             GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = bmb_database_prepare (db,
                               "SELECT id, text, done FROM agenda_items WHERE meeting_id = ?1 "
                               "ORDER BY position, id", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, meeting_id);
  while ((rc = bmb_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      g_autoptr(BmbAgendaItem) item = bmb_agenda_item_new ((const char *)sqlite3_column_text (stmt, 1));

      _bmb_agenda_item_set_id (item, sqlite3_column_int64 (stmt, 0));
      bmb_agenda_item_set_done (item, sqlite3_column_int (stmt, 2) != 0);
      g_list_store_append (agenda, item);
    }
  sqlite3_reset (stmt);

  return rc == SQLITE_DONE;
}

static gboolean
load_action_items (BmbDatabase  *db,
                   gint64        meeting_id,
                   GListStore   *items,
                   GError      **error)
{
  g_autoptr(GPtrArray) list = NULL;
  sqlite3_stmt *stmt;

  stmt = bmb_database_prepare (db,
                               "SELECT " ACTION_ITEM_COLUMNS "WHERE a.meeting_id = ?1 "
                               "ORDER BY a.position, a.id", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, meeting_id);
  if (!(list = _bmb_mentoring_store_collect_action_items (db, stmt, error)))
    return FALSE;

  g_list_store_splice (items, 0, 0, list->pdata, list->len);

  return TRUE;
}

/* The meeting of @occurrence, with its row's record or the standing agenda. */
BmbMeeting *
_bmb_mentoring_store_meeting_for (BmbMentoringStore  *self,
                                  BmbOccurrence      *occurrence,
                                  GError            **error)
{
  BmbDatabase *db = bmb_mentoring_store_get_database (self);
  BmbSession *session = bmb_occurrence_get_session (occurrence);
  g_autoptr(BmbMeeting) meeting = NULL;
  g_auto(MeetingRow) row = { 0 };
  GListStore *agenda;

  meeting = bmb_meeting_new (bmb_session_get_id (session),
                             bmb_occurrence_get_recurrence_id (occurrence));
  if (!load_row (db, bmb_session_get_id (session), bmb_occurrence_get_recurrence_id (occurrence),
                 &row, error))
    return NULL;

  _bmb_meeting_set_occurrence (meeting, occurrence);
  _bmb_meeting_set_id (meeting, row.id);
  _bmb_meeting_set_has_record (meeting, row.record);
  /* The row's notes; without a row, the occurrence's (a one-off's may be its session's). */
  bmb_meeting_set_notes (meeting, row.id != 0 ? row.notes : bmb_occurrence_get_notes (occurrence));
  bmb_meeting_set_outcome (meeting, row.outcome);
  bmb_meeting_set_status (meeting, bmb_occurrence_get_status (occurrence));

  agenda = G_LIST_STORE (bmb_meeting_get_agenda (meeting));
  if (row.record)
    {
      if (!load_agenda (db, row.id, agenda, error))
        return NULL;
    }
  else
    {
      GListModel *standing = bmb_session_get_agenda (session);
      guint n = g_list_model_get_n_items (standing);

      /* Copies, unticked: ticking them must not tick the series'. */
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(BmbAgendaItem) item = g_list_model_get_item (standing, i);

          bmb_meeting_append_agenda_item (meeting, bmb_agenda_item_get_text (item));
        }
    }

  if (row.id != 0 &&
      !load_action_items (db, row.id, G_LIST_STORE (bmb_meeting_get_action_items (meeting)), error))
    return NULL;

  return g_steal_pointer (&meeting);
}

/* The occurrence (@session_id, @recurrence_id): of the series, or of a
 * record stored for an occurrence the series no longer has. */
static BmbOccurrence *
find_occurrence (BmbMentoringStore  *self,
                 gint64              session_id,
                 const char         *recurrence_id,
                 GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(BmbSession) session = NULL;
  g_autoptr(GPtrArray) overrides = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) original = NULL;
  BmbOccurrence *occurrence;

  occurrence = bmb_mentoring_store_get_occurrence (self, session_id, recurrence_id, &local_error);
  if (occurrence != NULL)
    return occurrence;

  if (!g_error_matches (local_error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_NOT_FOUND) ||
      !(session = bmb_mentoring_store_get_session (self, session_id, NULL)) ||
      !(overrides = _bmb_mentoring_store_list_overrides (self, session_id, NULL)))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  for (guint i = 0; i < overrides->len; i++)
    {
      BmbSessionOverride *override = g_ptr_array_index (overrides, i);

      if (g_strcmp0 (override->occurrence_start, recurrence_id) != 0)
        continue;

      zone = bmb_session_dup_zone (session);
      original = bmb_local_time_to_date_time (recurrence_id, zone);
      return _bmb_occurrence_new_with_override (session, recurrence_id, original, override);
    }

  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

BmbMeeting *
bmb_mentoring_store_get_meeting (BmbMentoringStore  *self,
                                 gint64              session_id,
                                 const char         *recurrence_id,
                                 GError            **error)
{
  g_autoptr(BmbOccurrence) occurrence = NULL;

  g_return_val_if_fail (BMB_IS_MENTORING_STORE (self), NULL);
  g_return_val_if_fail (recurrence_id != NULL, NULL);

  if (!(occurrence = find_occurrence (self, session_id, recurrence_id, error)))
    return NULL;

  return _bmb_mentoring_store_meeting_for (self, occurrence, error);
}

/* ---- Writing ------------------------------------------------------------------ */

/* Creates the row if needed; returns its id, 0 with @error. */
static gint64
ensure_row (BmbDatabase  *db,
            gint64        session_id,
            const char   *recurrence_id,
            GError      **error)
{
  g_auto(MeetingRow) row = { 0 };
  sqlite3_stmt *stmt;
  gint64 now = _bmb_now ();

  stmt = bmb_database_prepare (db,
                               "INSERT INTO meetings (session_id, occurrence_start, created_at, "
                               "  updated_at) VALUES (?1, ?2, ?3, ?3) "
                               "ON CONFLICT (session_id, occurrence_start) DO NOTHING", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, session_id);
  sqlite3_bind_text (stmt, 2, recurrence_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, now);
  if (!bmb_database_step_done (db, stmt, error) ||
      !load_row (db, session_id, recurrence_id, &row, error))
    return 0;

  return row.id;
}

gboolean
_bmb_mentoring_store_set_meeting_notes (BmbMentoringStore  *self,
                                        BmbSession         *session,
                                        const char         *recurrence_id,
                                        const char         *notes,
                                        GError            **error)
{
  BmbDatabase *db = bmb_mentoring_store_get_database (self);
  sqlite3_stmt *stmt;
  gint64 id;

  if (notes != NULL && *notes == '\0')
    notes = NULL;

  if (notes != NULL && !(id = ensure_row (db, bmb_session_get_id (session), recurrence_id, error)))
    return FALSE;

  stmt = bmb_database_prepare (db,
                               "UPDATE meetings SET notes = ?3, updated_at = ?4 "
                               "WHERE session_id = ?1 AND occurrence_start = ?2 "
                               "  AND notes IS NOT ?3", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, bmb_session_get_id (session));
  sqlite3_bind_text (stmt, 2, recurrence_id, -1, SQLITE_TRANSIENT);
  bmb_stmt_bind_text_or_null (stmt, 3, notes);
  sqlite3_bind_int64 (stmt, 4, _bmb_now ());
  if (!bmb_database_step_done (db, stmt, error))
    return FALSE;

  bmb_database_mark_item (db, BMB_CHANGE_SESSIONS, bmb_session_get_id (session),
                          BMB_CHANGE_CHANGED);

  return _bmb_mentoring_store_prune_meetings (db, bmb_session_get_id (session), recurrence_id,
                                              error);
}

gint64
_bmb_mentoring_store_ensure_record (BmbMentoringStore  *self,
                                    BmbSession         *session,
                                    const char         *recurrence_id,
                                    GError            **error)
{
  BmbDatabase *db = bmb_mentoring_store_get_database (self);
  g_auto(MeetingRow) row = { 0 };
  sqlite3_stmt *stmt;
  gint64 id;

  if (!(id = ensure_row (db, bmb_session_get_id (session), recurrence_id, error)) ||
      !load_row (db, bmb_session_get_id (session), recurrence_id, &row, error))
    return 0;

  if (row.record)
    return id;

  /* A new record starts from the standing agenda. */
  stmt = bmb_database_prepare (db,
                               "INSERT INTO agenda_items (session_id, meeting_id, position, text, done) "
                               "  SELECT session_id, ?2, position, text, 0 FROM agenda_items "
                               "  WHERE session_id = ?1 AND meeting_id IS NULL ORDER BY position, id",
                               error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, bmb_session_get_id (session));
  sqlite3_bind_int64 (stmt, 2, id);
  if (!bmb_database_step_done (db, stmt, error))
    return 0;

  stmt = bmb_database_prepare (db, "UPDATE meetings SET record = 1 WHERE id = ?1", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!bmb_database_step_done (db, stmt, error))
    return 0;

  return id;
}

static gboolean
write_agenda (BmbDatabase  *db,
              gint64        session_id,
              gint64        meeting_id,
              GListModel   *agenda,
              GError      **error)
{
  g_autoptr(GHashTable) kept = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GArray) stale = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n = g_list_model_get_n_items (agenda);
  sqlite3_stmt *stmt;
  int rc;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BmbAgendaItem) item = g_list_model_get_item (agenda, i);
      gint64 id = bmb_agenda_item_get_id (item);

      if (id != 0)
        g_hash_table_add (kept, g_memdup2 (&id, sizeof id));
    }

  stmt = bmb_database_prepare (db, "SELECT id FROM agenda_items WHERE meeting_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  while ((rc = bmb_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (!g_hash_table_contains (kept, &id))
        g_array_append_val (stale, id);
    }
  sqlite3_reset (stmt);
  if (rc < 0)
    return FALSE;

  for (guint i = 0; i < stale->len; i++)
    {
      if (!(stmt = bmb_database_prepare (db, "DELETE FROM agenda_items WHERE id = ?1", error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, g_array_index (stale, gint64, i));
      if (!bmb_database_step_done (db, stmt, error))
        return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BmbAgendaItem) item = g_list_model_get_item (agenda, i);
      gint64 id = bmb_agenda_item_get_id (item);
      const char *text = bmb_agenda_item_get_text (item);
      gboolean updated = FALSE;

      if (id != 0)
        {
          /* Only this meeting's own items are updated; any other is added as new. */
          stmt = bmb_database_prepare (db,
                                       "UPDATE agenda_items SET position = ?2, text = ?3, done = ?4 "
                                       "WHERE id = ?5 AND meeting_id = ?1", error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, meeting_id);
          sqlite3_bind_int (stmt, 2, (int)i);
          sqlite3_bind_text (stmt, 3, text ? text : "", -1, SQLITE_TRANSIENT);
          sqlite3_bind_int (stmt, 4, bmb_agenda_item_get_done (item) ? 1 : 0);
          sqlite3_bind_int64 (stmt, 5, id);
          if (!bmb_database_step_done (db, stmt, error))
            return FALSE;
          updated = bmb_database_changes (db) > 0;
        }

      if (updated)
        continue;

      stmt = bmb_database_prepare (db,
                                   "INSERT INTO agenda_items (session_id, meeting_id, position, "
                                   "  text, done) VALUES (?1, ?2, ?3, ?4, ?5)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, session_id);
      sqlite3_bind_int64 (stmt, 2, meeting_id);
      sqlite3_bind_int (stmt, 3, (int)i);
      sqlite3_bind_text (stmt, 4, text ? text : "", -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 5, bmb_agenda_item_get_done (item) ? 1 : 0);
      if (!bmb_database_step_done (db, stmt, error))
        return FALSE;
      _bmb_agenda_item_set_id (item, bmb_database_last_insert_id (db));
    }

  return TRUE;
}

static gboolean
write_action_items (BmbMentoringStore  *self,
                    BmbSession         *session,
                    gint64              meeting_id,
                    const char         *recurrence_id,
                    GListModel         *items,
                    GError            **error)
{
  BmbDatabase *db = bmb_mentoring_store_get_database (self);
  g_autoptr(GHashTable) kept = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GArray) stale = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n = g_list_model_get_n_items (items);
  sqlite3_stmt *stmt;
  int rc;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BmbActionItem) item = g_list_model_get_item (items, i);
      gint64 id = bmb_action_item_get_id (item);

      if (id != 0)
        g_hash_table_add (kept, g_memdup2 (&id, sizeof id));
    }

  stmt = bmb_database_prepare (db, "SELECT id FROM action_items WHERE meeting_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  while ((rc = bmb_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (!g_hash_table_contains (kept, &id))
        g_array_append_val (stale, id);
    }
  sqlite3_reset (stmt);
  if (rc < 0)
    return FALSE;

  for (guint i = 0; i < stale->len; i++)
    {
      if (!bmb_mentoring_store_delete_action_item (self, g_array_index (stale, gint64, i), error))
        return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BmbActionItem) item = g_list_model_get_item (items, i);

      if (bmb_action_item_get_session_id (item) == 0)
        bmb_action_item_set_session_id (item, bmb_session_get_id (session));
      if (bmb_action_item_get_relationship_id (item) == 0)
        bmb_action_item_set_relationship_id (item, bmb_session_get_relationship_id (session));
      _bmb_action_item_set_meeting (item, meeting_id, recurrence_id);
      /* New items are saved in list order at the end: their index is their place. */
      bmb_action_item_set_position (item, (int)i);

      if (!bmb_mentoring_store_save_action_item (self, item, error))
        return FALSE;
    }

  return TRUE;
}

/* Stores @meeting's record inside the caller's transaction. */
gboolean
_bmb_mentoring_store_write_meeting (BmbMentoringStore  *self,
                                    BmbMeeting         *meeting,
                                    GError            **error)
{
  BmbDatabase *db = bmb_mentoring_store_get_database (self);
  const char *recurrence_id = bmb_meeting_get_recurrence_id (meeting);
  g_autoptr(BmbSession) session = NULL;
  g_autoptr(BmbOccurrence) occurrence = NULL;
  BmbSessionStatus status = bmb_meeting_get_status (meeting);
  gboolean recurring;
  sqlite3_stmt *stmt;
  gint64 id;

  if (!(occurrence = find_occurrence (self, bmb_meeting_get_session_id (meeting), recurrence_id,
                                      error)))
    return FALSE;
  session = g_object_ref (bmb_occurrence_get_session (occurrence));
  recurring = bmb_session_is_recurring (session);

  if (!(id = ensure_row (db, bmb_session_get_id (session), recurrence_id, error)))
    return FALSE;

  /* A series' meeting keeps its own status (NULL: the series'); a one-off's is the session's. */
  stmt = bmb_database_prepare (db,
                               "UPDATE meetings SET record = 1, notes = ?2, outcome = ?3, "
                               "  status = CASE WHEN ?5 THEN nullif (?4, ?6) ELSE NULL END, "
                               "  updated_at = ?7 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  bmb_stmt_bind_text_or_null (stmt, 2, bmb_meeting_get_notes (meeting));
  bmb_stmt_bind_text_or_null (stmt, 3, bmb_meeting_get_outcome (meeting));
  sqlite3_bind_text (stmt, 4, bmb_session_status_to_string (status), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 5, recurring ? 1 : 0);
  sqlite3_bind_text (stmt, 6, bmb_session_status_to_string (bmb_session_get_status (session)),
                     -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 7, _bmb_now ());
  if (!bmb_database_step_done (db, stmt, error))
    return FALSE;

  if (!recurring)
    {
      stmt = bmb_database_prepare (db,
                                   "UPDATE sessions SET notes = NULL, status = ?2, updated_at = ?3 "
                                   "WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, bmb_session_get_id (session));
      sqlite3_bind_text (stmt, 2, bmb_session_status_to_string (status), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, _bmb_now ());
      if (!bmb_database_step_done (db, stmt, error))
        return FALSE;
    }

  if (!write_agenda (db, bmb_session_get_id (session), id, bmb_meeting_get_agenda (meeting), error) ||
      !write_action_items (self, session, id, recurrence_id,
                           bmb_meeting_get_action_items (meeting), error))
    return FALSE;

  _bmb_meeting_set_id (meeting, id);
  _bmb_meeting_set_has_record (meeting, TRUE);
  if (bmb_meeting_get_occurrence (meeting) == NULL)
    _bmb_meeting_set_occurrence (meeting, occurrence);

  bmb_database_mark_item (db, BMB_CHANGE_SESSIONS, bmb_session_get_id (session),
                          BMB_CHANGE_CHANGED);
  bmb_database_mark_changed (db, BMB_CHANGE_ACTION_ITEMS);

  return TRUE;
}

gboolean
bmb_mentoring_store_save_meeting (BmbMentoringStore  *self,
                                  BmbMeeting         *meeting,
                                  GError            **error)
{
  BmbDatabase *db;

  g_return_val_if_fail (BMB_IS_MENTORING_STORE (self), FALSE);
  g_return_val_if_fail (BMB_IS_MEETING (meeting), FALSE);

  db = bmb_mentoring_store_get_database (self);
  if (!bmb_database_begin (db, error))
    return FALSE;

  if (!_bmb_mentoring_store_write_meeting (self, meeting, error) ||
      !bmb_database_commit (db, error))
    return _bmb_mentoring_rollback_and_fail (db);

  return TRUE;
}

gboolean
bmb_mentoring_store_move_meeting (BmbMentoringStore  *self,
                                  gint64              session_id,
                                  const char         *recurrence_id,
                                  GDateTime          *start,
                                  int                 duration_min,
                                  GError            **error)
{
  g_autoptr(BmbOccurrence) occurrence = NULL;

  g_return_val_if_fail (BMB_IS_MENTORING_STORE (self), FALSE);
  g_return_val_if_fail (recurrence_id != NULL, FALSE);
  g_return_val_if_fail (start != NULL, FALSE);

  occurrence = bmb_mentoring_store_get_occurrence (self, session_id, recurrence_id, error);
  if (occurrence == NULL)
    return FALSE;

  bmb_occurrence_set_start (occurrence, start);
  if (duration_min > 0)
    bmb_occurrence_set_duration_min (occurrence, duration_min);

  return bmb_mentoring_store_save_occurrence (self, occurrence, error);
}

gboolean
bmb_mentoring_store_cancel_meeting (BmbMentoringStore  *self,
                                    gint64              session_id,
                                    const char         *recurrence_id,
                                    GError            **error)
{
  return bmb_mentoring_store_set_occurrence_status (self, session_id, recurrence_id,
                                                    BMB_SESSION_STATUS_CANCELLED, error);
}

gboolean
bmb_mentoring_store_delete_meeting (BmbMentoringStore  *self,
                                    gint64              session_id,
                                    const char         *recurrence_id,
                                    GError            **error)
{
  BmbDatabase *db;
  g_auto(MeetingRow) row = { 0 };
  static const char * const statements[] = {
    "DELETE FROM action_items WHERE meeting_id = ?1",
    "DELETE FROM agenda_items WHERE meeting_id = ?1",
    "UPDATE meetings SET record = 0, notes = NULL, outcome = NULL WHERE id = ?1",
  };

  g_return_val_if_fail (BMB_IS_MENTORING_STORE (self), FALSE);
  g_return_val_if_fail (recurrence_id != NULL, FALSE);

  db = bmb_mentoring_store_get_database (self);
  if (!bmb_database_begin (db, error))
    return FALSE;

  if (!load_row (db, session_id, recurrence_id, &row, error))
    return _bmb_mentoring_rollback_and_fail (db);

  for (guint i = 0; row.id != 0 && i < G_N_ELEMENTS (statements); i++)
    {
      sqlite3_stmt *stmt = bmb_database_prepare (db, statements[i], error);

      if (stmt == NULL)
        return _bmb_mentoring_rollback_and_fail (db);
      sqlite3_bind_int64 (stmt, 1, row.id);
      if (!bmb_database_step_done (db, stmt, error))
        return _bmb_mentoring_rollback_and_fail (db);
    }

  /* A one-off session's notes are its meeting's. */
  {
    sqlite3_stmt *stmt = bmb_database_prepare (db,
                                               "UPDATE sessions SET notes = NULL "
                                               "WHERE id = ?1 AND rrule IS NULL AND notes IS NOT NULL",
                                               error);
    if (stmt == NULL)
      return _bmb_mentoring_rollback_and_fail (db);
    sqlite3_bind_int64 (stmt, 1, session_id);
    if (!bmb_database_step_done (db, stmt, error))
      return _bmb_mentoring_rollback_and_fail (db);
  }

  if (!_bmb_mentoring_store_prune_meetings (db, session_id, recurrence_id, error))
    return _bmb_mentoring_rollback_and_fail (db);

  bmb_database_mark_item (db, BMB_CHANGE_SESSIONS, session_id, BMB_CHANGE_CHANGED);
  bmb_database_mark_changed (db, BMB_CHANGE_ACTION_ITEMS);

  if (!bmb_database_commit (db, error))
    return _bmb_mentoring_rollback_and_fail (db);

  return TRUE;
}
