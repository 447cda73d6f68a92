/* bmb-mentoring-store-sessions.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sessions (whole series), their agenda and reminders, per-occurrence
 * overrides, occurrence queries and full-text search.
 */

#define G_LOG_DOMAIN "bmb-mentoring-store"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-local-time.h"
#include "bmb-mentoring-private.h"
#include "bmb-mentoring-store.h"
#include "bmb-recurrence.h"
#include "bmb-search-query.h"


/* ---- Helpers ------------------------------------------------------------------ */

void
_bmb_session_override_free (BmbSessionOverride *override)
{
  if (override == NULL)
    return;

  g_free (override->occurrence_start);
  g_free (override->start_local);
  g_free (override->title);
  g_free (override->location);
  g_free (override->notes);
  g_free (override);
}

static gboolean
load_agenda (BmbDatabase  *db,
             BmbSession   *session,
             GError      **error)
{
  GListStore *agenda = G_LIST_STORE (bmb_session_get_agenda (session));
  sqlite3_stmt *stmt;
  int rc;

  stmt = bmb_database_prepare (db,
                               "SELECT id, text, done FROM agenda_items "
                               "WHERE session_id = ?1 AND meeting_id IS NULL "
                               "ORDER BY position, id", error);
  if (stmt == NULL)
    return FALSE;

  g_list_store_remove_all (agenda);
  sqlite3_bind_int64 (stmt, 1, bmb_session_get_id (session));
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
load_all_agendas (BmbDatabase  *db,
                  GPtrArray    *sessions,
                  GError      **error)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree gint64 *ids = g_new (gint64, sessions->len);
  gint64 min_id = G_MAXINT64, max_id = G_MININT64;
  sqlite3_stmt *stmt;
  int rc;

  for (guint i = 0; i < sessions->len; i++)
    {
      BmbSession *session = g_ptr_array_index (sessions, i);

      g_list_store_remove_all (G_LIST_STORE (bmb_session_get_agenda (session)));
      ids[i] = bmb_session_get_id (session);
      min_id = MIN (min_id, ids[i]);
      max_id = MAX (max_id, ids[i]);
      g_hash_table_insert (by_id, &ids[i], session);
    }

  /* Only the range of ids asked for (the session_id index), not the whole table. */
  stmt = bmb_database_prepare (db,
                               "SELECT session_id, id, text, done FROM agenda_items "
                               "WHERE session_id BETWEEN ?1 AND ?2 AND meeting_id IS NULL "
                               "ORDER BY session_id, position, id", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, min_id);
  sqlite3_bind_int64 (stmt, 2, max_id);

  while ((rc = bmb_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      gint64 session_id = sqlite3_column_int64 (stmt, 0);
      BmbSession *session = g_hash_table_lookup (by_id, &session_id);
      g_autoptr(BmbAgendaItem) item = NULL;

      if (session == NULL)
        continue;

      item = bmb_agenda_item_new ((const char *)sqlite3_column_text (stmt, 2));
      _bmb_agenda_item_set_id (item, sqlite3_column_int64 (stmt, 1));
      bmb_agenda_item_set_done (item, sqlite3_column_int (stmt, 3) != 0);
      g_list_store_append (G_LIST_STORE (bmb_session_get_agenda (session)), item);
    }
  sqlite3_reset (stmt);

  return rc == SQLITE_DONE;
}

static BmbSession *
session_from_row (sqlite3_stmt *stmt)
{
  BmbSession *session = bmb_session_new ();
  BmbSessionStatus status = BMB_SESSION_STATUS_PLANNED;

  g_object_freeze_notify (G_OBJECT (session));
  _bmb_session_set_id (session, sqlite3_column_int64 (stmt, 0));
  bmb_session_set_uid (session, (const char *)sqlite3_column_text (stmt, 1));
  bmb_session_set_relationship_id (session, sqlite3_column_int64 (stmt, 2));
  bmb_session_set_title (session, (const char *)sqlite3_column_text (stmt, 3));
  bmb_session_set_start_local (session, (const char *)sqlite3_column_text (stmt, 4));
  bmb_session_set_tzid (session, (const char *)sqlite3_column_text (stmt, 5));
  bmb_session_set_duration_min (session, sqlite3_column_int (stmt, 6));
  bmb_session_set_location (session, (const char *)sqlite3_column_text (stmt, 7));
  bmb_session_set_notes (session, (const char *)sqlite3_column_text (stmt, 8));
  bmb_session_set_rrule (session, (const char *)sqlite3_column_text (stmt, 9));
  _bmb_session_set_exdates_string (session, (const char *)sqlite3_column_text (stmt, 10));
  if (!_bmb_session_set_reminders_string (session, (const char *)sqlite3_column_text (stmt, 11)))
    g_debug ("Ignored malformed reminder offsets of session %" G_GINT64_FORMAT,
             bmb_session_get_id (session));
  bmb_session_status_from_string ((const char *)sqlite3_column_text (stmt, 12), &status);
  bmb_session_set_status (session, status);
  _bmb_session_set_timestamps (session, sqlite3_column_int64 (stmt, 13),
                               sqlite3_column_int64 (stmt, 14));
  g_object_thaw_notify (G_OBJECT (session));

  return session;
}

/* Rows of @stmt (SESSION_COLUMNS first) as sessions, with their agenda. */
GPtrArray *
_bmb_mentoring_store_collect_sessions (BmbDatabase   *db,
                                       sqlite3_stmt  *stmt,
                                       GError       **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = bmb_database_step (db, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (list, session_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc < 0)
    return NULL;

  /* A few sessions: their agenda one by one. Many (the Sessions page, the scheduler): every
   * agenda item in one statement, handed out by session id, instead of a query (and a
   * read lock) per session. */
  if (list->len <= 32)
    {
      for (guint i = 0; i < list->len; i++)
        {
          if (!load_agenda (db, g_ptr_array_index (list, i), error))
            return NULL;
        }
    }
  else if (!load_all_agendas (db, list, error))
    return NULL;

  return g_steal_pointer (&list);
}

static BmbSessionOverride *
override_from_row (sqlite3_stmt *stmt,
                   int           first)
{
  BmbSessionOverride *override = g_new0 (BmbSessionOverride, 1);

  override->occurrence_start = bmb_stmt_dup_text (stmt, first);
  override->start_local = bmb_stmt_dup_text (stmt, first + 1);
  override->duration_min = sqlite3_column_int (stmt, first + 2);
  override->title = bmb_stmt_dup_text (stmt, first + 3);
  override->location = bmb_stmt_dup_text (stmt, first + 4);
  override->notes = bmb_stmt_dup_text (stmt, first + 5);
  override->has_status =
    bmb_session_status_from_string ((const char *)sqlite3_column_text (stmt, first + 6),
                                    &override->status);

  return override;
}

GPtrArray *
_bmb_mentoring_store_list_overrides (BmbMentoringStore  *self,
                                     gint64              session_id,
                                     GError            **error)
{
  BmbDatabase *db = bmb_mentoring_store_get_database (self);
  g_autoptr(GPtrArray) list =
    g_ptr_array_new_with_free_func ((GDestroyNotify)_bmb_session_override_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = bmb_database_prepare (db,
                               "SELECT occurrence_start, start_local, duration_min, title, "
                               "  location, notes, status FROM meetings "
                               "WHERE session_id = ?1 ORDER BY occurrence_start", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, session_id);
  while ((rc = bmb_database_step (db, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (list, override_from_row (stmt, 0));
  sqlite3_reset (stmt);

  return rc == SQLITE_DONE ? g_steal_pointer (&list) : NULL;
}

/* ---- Writing ------------------------------------------------------------------ */

static gboolean
write_agenda (BmbDatabase  *db,
              BmbSession   *session,
              GError      **error)
{
  GListModel *agenda = bmb_session_get_agenda (session);
  g_autoptr(GHashTable) kept = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GArray) stale = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 session_id = bmb_session_get_id (session);
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

  /* Drop the items that were removed from the list. */
  stmt = bmb_database_prepare (db,
                               "SELECT id FROM agenda_items WHERE session_id = ?1 AND meeting_id IS NULL",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, session_id);
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
      stmt = bmb_database_prepare (db, "DELETE FROM agenda_items WHERE id = ?1", error);
      if (stmt == NULL)
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

      if (id == 0)
        stmt = bmb_database_prepare (db,
                                     "INSERT INTO agenda_items (session_id, position, text, done) "
                                     "VALUES (?1, ?2, ?3, ?4)", error);
      else
        stmt = bmb_database_prepare (db,
                                     "UPDATE agenda_items SET position = ?2, text = ?3, done = ?4 "
                                     "WHERE id = ?5 AND session_id = ?1 AND meeting_id IS NULL", error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, session_id);
      sqlite3_bind_int (stmt, 2, (int)i);
      sqlite3_bind_text (stmt, 3, text ? text : "", -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 4, bmb_agenda_item_get_done (item) ? 1 : 0);
      if (id != 0)
        sqlite3_bind_int64 (stmt, 5, id);

      if (!bmb_database_step_done (db, stmt, error))
        return FALSE;

      if (id == 0)
        _bmb_agenda_item_set_id (item, bmb_database_last_insert_id (db));
    }

  return TRUE;
}

gboolean
_bmb_mentoring_store_write_session (BmbMentoringStore  *self,
                                    BmbSession         *session,
                                    GError            **error)
{
  BmbDatabase *db = bmb_mentoring_store_get_database (self);
  g_autofree char *exdates = _bmb_session_dup_exdates_string (session);
  g_autofree char *reminders = _bmb_session_dup_reminders_string (session);
  gint64 id = bmb_session_get_id (session);
  gint64 now = _bmb_now ();
  sqlite3_stmt *stmt;

  if (!bmb_session_validate (session, error))
    return FALSE;

  if (bmb_session_get_uid (session) == NULL)
    {
      g_autofree char *uuid = g_uuid_string_random ();
      g_autofree char *uid = g_strconcat (uuid, "@bimbing", NULL);

      bmb_session_set_uid (session, uid);
    }

  if (id == 0)
    stmt = bmb_database_prepare (db,
                                 "INSERT INTO sessions (uid, relationship_id, title, start_local, "
                                 "  tzid, duration_min, location, notes, rrule, exdates, reminders, "
                                 "  status, created_at, updated_at) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13)",
                                 error);
  else
    stmt = bmb_database_prepare (db,
                                 "UPDATE sessions SET uid = ?1, relationship_id = ?2, title = ?3, "
                                 "  start_local = ?4, tzid = ?5, duration_min = ?6, location = ?7, "
                                 "  notes = ?8, rrule = ?9, exdates = ?10, reminders = ?11, "
                                 "  status = ?12, updated_at = ?13 WHERE id = ?14",
                                 error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, bmb_session_get_uid (session), -1, SQLITE_TRANSIENT);
  bmb_stmt_bind_id_or_null (stmt, 2, bmb_session_get_relationship_id (session));
  sqlite3_bind_text (stmt, 3, bmb_session_get_title (session), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, bmb_session_get_start_local (session), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, bmb_session_get_tzid (session), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 6, bmb_session_get_duration_min (session));
  bmb_stmt_bind_text_or_null (stmt, 7, bmb_session_get_location (session));
  bmb_stmt_bind_text_or_null (stmt, 8, bmb_session_get_notes (session));
  bmb_stmt_bind_text_or_null (stmt, 9, bmb_session_get_rrule (session));
  bmb_stmt_bind_text_or_null (stmt, 10, exdates);
  sqlite3_bind_text (stmt, 11, reminders, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 12, bmb_session_status_to_string (bmb_session_get_status (session)),
                     -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 13, now);
  if (id != 0)
    sqlite3_bind_int64 (stmt, 14, id);

  if (!bmb_database_step_done (db, stmt, error))
    return FALSE;

  if (id == 0)
    {
      _bmb_session_set_id (session, bmb_database_last_insert_id (db));
      _bmb_session_set_timestamps (session, now, now);
    }
  else if (bmb_database_changes (db) == 0)
    {
      g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_NOT_FOUND,
                   /* Translators: %s is the session title */
                   _("The session “%s” no longer exists."), bmb_session_get_title (session));
      return FALSE;
    }
  else
    {
      _bmb_session_set_timestamps (session, bmb_session_get_created_at (session), now);
    }

  if (!write_agenda (db, session, error))
    return FALSE;

  bmb_database_mark_item (db, BMB_CHANGE_SESSIONS, bmb_session_get_id (session),
                          id == 0 ? BMB_CHANGE_ADDED : BMB_CHANGE_CHANGED);

  return TRUE;
}

/* Drops an occurrence's moves, retitling and status (@occurrence_start
 * NULL: of every occurrence of the session); a row left with nothing of
 * its own (no record, no notes) goes. Records stay. */
gboolean
_bmb_mentoring_store_clear_override (BmbDatabase  *db,
                                     gint64        session_id,
                                     const char   *occurrence_start,
                                     GError      **error)
{
  sqlite3_stmt *stmt;

  stmt = bmb_database_prepare (db,
                               "UPDATE meetings SET start_local = NULL, duration_min = NULL, "
                               "  title = NULL, location = NULL, status = NULL, updated_at = ?3 "
                               "WHERE session_id = ?1 AND (?2 IS NULL OR occurrence_start = ?2)",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, session_id);
  bmb_stmt_bind_text_or_null (stmt, 2, occurrence_start);
  sqlite3_bind_int64 (stmt, 3, _bmb_now ());
  if (!bmb_database_step_done (db, stmt, error))
    return FALSE;

  return _bmb_mentoring_store_prune_meetings (db, session_id, occurrence_start, error);
}

/* Deletes the rows of @session_id (@occurrence_start NULL: all) that hold
 * nothing: no record, no notes, no schedule change. */
gboolean
_bmb_mentoring_store_prune_meetings (BmbDatabase  *db,
                                     gint64        session_id,
                                     const char   *occurrence_start,
                                     GError      **error)
{
  sqlite3_stmt *stmt;

  stmt = bmb_database_prepare (db,
                               "DELETE FROM meetings "
                               "WHERE session_id = ?1 AND (?2 IS NULL OR occurrence_start = ?2) "
                               "  AND record = 0 AND notes IS NULL AND outcome IS NULL "
                               "  AND start_local IS NULL AND duration_min IS NULL "
                               "  AND title IS NULL AND location IS NULL AND status IS NULL "
                               "  AND NOT EXISTS (SELECT 1 FROM action_items a "
                               "                  WHERE a.meeting_id = meetings.id)",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, session_id);
  bmb_stmt_bind_text_or_null (stmt, 2, occurrence_start);

  return bmb_database_step_done (db, stmt, error);
}

gboolean
_bmb_mentoring_store_clear_overrides (BmbMentoringStore  *self,
                                      gint64              session_id,
                                      GError            **error)
{
  return _bmb_mentoring_store_clear_override (bmb_mentoring_store_get_database (self),
                                              session_id, NULL, error);
}

gboolean
_bmb_mentoring_store_write_override (BmbMentoringStore         *self,
                                     gint64                     session_id,
                                     const BmbSessionOverride  *override,
                                     GError                   **error)
{
  BmbDatabase *db = bmb_mentoring_store_get_database (self);
  sqlite3_stmt *stmt;

  if (override->start_local != NULL && !bmb_local_time_is_valid (override->start_local))
    {
      g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID,
                   _("“%s” is not a valid start time."), override->start_local);
      return FALSE;
    }

  stmt = bmb_database_prepare (db,
                               "INSERT INTO meetings (session_id, occurrence_start, "
                               "  start_local, duration_min, title, location, notes, status, "
                               "  created_at, updated_at) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9) "
                               "ON CONFLICT (session_id, occurrence_start) DO UPDATE SET "
                               "  start_local = excluded.start_local, "
                               "  duration_min = excluded.duration_min, "
                               "  title = excluded.title, location = excluded.location, "
                               "  notes = excluded.notes, status = excluded.status, "
                               "  updated_at = excluded.updated_at", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, session_id);
  sqlite3_bind_text (stmt, 2, override->occurrence_start, -1, SQLITE_TRANSIENT);
  bmb_stmt_bind_text_or_null (stmt, 3, override->start_local);
  if (override->duration_min > 0)
    sqlite3_bind_int (stmt, 4, override->duration_min);
  else
    sqlite3_bind_null (stmt, 4);
  bmb_stmt_bind_text_or_null (stmt, 5, override->title);
  bmb_stmt_bind_text_or_null (stmt, 6, override->location);
  bmb_stmt_bind_text_or_null (stmt, 7, override->notes);
  if (override->has_status)
    sqlite3_bind_text (stmt, 8, bmb_session_status_to_string (override->status), -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 8);
  sqlite3_bind_int64 (stmt, 9, _bmb_now ());

  if (!bmb_database_step_done (db, stmt, error))
    return FALSE;

  bmb_database_mark_item (db, BMB_CHANGE_SESSIONS, session_id, BMB_CHANGE_CHANGED);

  return TRUE;
}

/* After the series was edited: the schedule changes (moves, retitling,
 * status) of occurrences it no longer has are dropped, with rows that hold
 * nothing else. Records (notes, agenda, action items) are never dropped
 * here: a one-off session's record follows its start; a record whose
 * occurrence left the series stays stored (found by search). */
gboolean
_bmb_mentoring_store_drop_orphan_overrides (BmbMentoringStore  *self,
                       BmbSession         *session,
                       GError            **error)
{
  BmbDatabase *db = bmb_mentoring_store_get_database (self);
  gint64 session_id = bmb_session_get_id (session);
  const char *start_local = bmb_session_get_start_local (session);
  g_autoptr(GPtrArray) overrides = NULL;
  sqlite3_stmt *stmt;

  if (!bmb_session_is_recurring (session))
    {
      /* The newest record moves to the new start when none is there yet. */
      stmt = bmb_database_prepare (db,
                                   "UPDATE meetings SET occurrence_start = ?2 WHERE id = "
                                   "  (SELECT id FROM meetings WHERE session_id = ?1 AND record = 1 "
                                   "   ORDER BY updated_at DESC, id DESC LIMIT 1) "
                                   "AND NOT EXISTS (SELECT 1 FROM meetings "
                                   "                WHERE session_id = ?1 AND occurrence_start = ?2)",
                                   error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, session_id);
      sqlite3_bind_text (stmt, 2, start_local, -1, SQLITE_TRANSIENT);
      if (!bmb_database_step_done (db, stmt, error))
        return FALSE;

      /* A one-off session moves as a whole: its meeting keeps no schedule changes. */
      return _bmb_mentoring_store_clear_override (db, session_id, NULL, error);
    }

  overrides = _bmb_mentoring_store_list_overrides (self, session_id, error);
  if (overrides == NULL)
    return FALSE;

  for (guint i = 0; i < overrides->len; i++)
    {
      BmbSessionOverride *override = g_ptr_array_index (overrides, i);

      if (!bmb_recurrence_has_occurrence (bmb_session_get_rrule (session), start_local,
                                          override->occurrence_start) &&
          !_bmb_mentoring_store_clear_override (db, session_id, override->occurrence_start, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
bmb_mentoring_store_save_session (BmbMentoringStore  *self,
                                  BmbSession         *session,
                                  GError            **error)
{
  BmbDatabase *db;

  g_return_val_if_fail (BMB_IS_MENTORING_STORE (self), FALSE);
  g_return_val_if_fail (BMB_IS_SESSION (session), FALSE);

  db = bmb_mentoring_store_get_database (self);

  if (!bmb_session_validate (session, error))
    return FALSE;

  if (!bmb_database_begin (db, error))
    return FALSE;

  if (!_bmb_mentoring_store_write_session (self, session, error) ||
      !_bmb_mentoring_store_drop_orphan_overrides (self, session, error))
    return _bmb_mentoring_rollback_and_fail (db);

  if (!bmb_database_commit (db, error))
    return _bmb_mentoring_rollback_and_fail (db);

  return TRUE;
}

int
_bmb_mentoring_store_max_reminder (BmbMentoringStore  *self,
                                   GError            **error)
{
  BmbDatabase *db = bmb_mentoring_store_get_database (self);
  g_autoptr(BmbSession) scratch = bmb_session_new ();
  sqlite3_stmt *stmt;
  int longest = 0;
  int rc;

  /* Few distinct lists exist ("15", "15,1440"…): parse each once. */
  stmt = bmb_database_prepare (db,
                               "SELECT DISTINCT reminders FROM sessions WHERE reminders <> ''",
                               error);
  if (stmt == NULL)
    return -1;

  while ((rc = bmb_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      GArray *offsets;

      _bmb_session_set_reminders_string (scratch, (const char *)sqlite3_column_text (stmt, 0));
      offsets = bmb_session_get_reminders (scratch);
      if (offsets->len > 0)
        longest = MAX (longest, g_array_index (offsets, int, offsets->len - 1));
    }
  sqlite3_reset (stmt);

  return rc == SQLITE_DONE ? longest : -1;
}

/* ---- Reading sessions ------------------------------------------------------------ */

BmbSession *
bmb_mentoring_store_get_session (BmbMentoringStore  *self,
                                 gint64              id,
                                 GError            **error)
{
  BmbDatabase *db;
  sqlite3_stmt *stmt;
  g_autoptr(GPtrArray) list = NULL;

  g_return_val_if_fail (BMB_IS_MENTORING_STORE (self), NULL);

  db = bmb_mentoring_store_get_database (self);
  stmt = bmb_database_prepare (db, "SELECT " SESSION_COLUMNS "WHERE s.id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!(list = _bmb_mentoring_store_collect_sessions (db, stmt, error)))
    return NULL;

  if (list->len == 0)
    {
      g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_NOT_FOUND,
                   _("This session no longer exists."));
      return NULL;
    }

  return g_object_ref (g_ptr_array_index (list, 0));
}

BmbSession *
bmb_mentoring_store_find_session_by_uid (BmbMentoringStore  *self,
                                         const char         *uid,
                                         GError            **error)
{
  BmbDatabase *db;
  sqlite3_stmt *stmt;
  g_autoptr(GPtrArray) list = NULL;

  g_return_val_if_fail (BMB_IS_MENTORING_STORE (self), NULL);
  g_return_val_if_fail (uid != NULL, NULL);

  db = bmb_mentoring_store_get_database (self);
  stmt = bmb_database_prepare (db, "SELECT " SESSION_COLUMNS "WHERE s.uid = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_TRANSIENT);
  if (!(list = _bmb_mentoring_store_collect_sessions (db, stmt, error)))
    return NULL;

  return list->len > 0 ? g_object_ref (g_ptr_array_index (list, 0)) : NULL;
}

gboolean
bmb_mentoring_store_delete_session (BmbMentoringStore  *self,
                                    gint64              id,
                                    GError            **error)
{
  BmbDatabase *db;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BMB_IS_MENTORING_STORE (self), FALSE);

  db = bmb_mentoring_store_get_database (self);
  if (!bmb_database_begin (db, error))
    return FALSE;

  stmt = bmb_database_prepare (db, "DELETE FROM sessions WHERE id = ?1", error);
  if (stmt == NULL)
    return _bmb_mentoring_rollback_and_fail (db);
  sqlite3_bind_int64 (stmt, 1, id);
  if (!bmb_database_step_done (db, stmt, error))
    return _bmb_mentoring_rollback_and_fail (db);

  if (bmb_database_changes (db) == 0)
    {
      g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_NOT_FOUND,
                   _("This session no longer exists."));
      return _bmb_mentoring_rollback_and_fail (db);
    }

  bmb_database_mark_item (db, BMB_CHANGE_SESSIONS, id, BMB_CHANGE_REMOVED);
  bmb_database_mark_changed (db, BMB_CHANGE_ACTION_ITEMS);

  if (!bmb_database_commit (db, error))
    return _bmb_mentoring_rollback_and_fail (db);

  return TRUE;
}

GPtrArray *
bmb_mentoring_store_list_sessions (BmbMentoringStore  *self,
                                   gint64              relationship_id,
                                   GError            **error)
{
  BmbDatabase *db;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BMB_IS_MENTORING_STORE (self), NULL);

  db = bmb_mentoring_store_get_database (self);
  stmt = bmb_database_prepare (db,
                               "SELECT " SESSION_COLUMNS
                               "WHERE ?1 = 0 OR s.relationship_id = ?1 "
                               "ORDER BY s.start_local, s.id", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, MAX (relationship_id, 0));
  return _bmb_mentoring_store_collect_sessions (db, stmt, error);
}

/* Each word becomes a quoted prefix term: «men "x» → «"men"* """x"*», with
 * the same word cap and the same "no letter or digit: no match" as the
 * contact search (bmb-search-query.h). */
static char *
build_fts_query (const char *text)
{
  return bmb_search_query_to_fts (text);
}

GPtrArray *
bmb_mentoring_store_search_sessions (BmbMentoringStore  *self,
                                     const char         *text,
                                     GError            **error)
{
  BmbDatabase *db;
  g_autofree char *query = NULL;
  g_autofree char *valid_text = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BMB_IS_MENTORING_STORE (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  /* GLib's Unicode functions read past the end of invalid UTF-8: repair it first. */
  if (!g_utf8_validate (text, -1, NULL))
    text = valid_text = g_utf8_make_valid (text, -1);

  if (!(query = build_fts_query (text)))
    return g_ptr_array_new_with_free_func (g_object_unref);

  db = bmb_mentoring_store_get_database (self);
  stmt = bmb_database_prepare (db,
                               "SELECT " SESSION_COLUMNS
                               "JOIN (SELECT rowid AS session_id, rank FROM sessions_fts "
                               "      WHERE sessions_fts MATCH ?1 "
                               "      UNION ALL "
                               "      SELECT m.session_id, f.rank FROM meetings_fts f "
                               "      JOIN meetings m ON m.id = f.rowid "
                               "      WHERE meetings_fts MATCH ?1) hit ON hit.session_id = s.id "
                               "GROUP BY s.id ORDER BY min (hit.rank), s.start_local DESC",
                               error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_TRANSIENT);
  return _bmb_mentoring_store_collect_sessions (db, stmt, error);
}
