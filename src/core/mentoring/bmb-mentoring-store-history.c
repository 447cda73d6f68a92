/* bmb-mentoring-store-history.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Looking back over meetings (bmb-mentoring-meetings.h): the previous
 * meeting and what to carry over from it, past meetings in pages, and
 * search that returns meetings.
 *
 * Past meetings come from expanding the schedule backwards in growing
 * windows from the page's cursor, so a page costs the window it covers,
 * whatever the size of the history.
 */

#define G_LOG_DOMAIN "bmb-mentoring-store"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-mentoring-meetings-private.h"
#include "bmb-mentoring-private.h"
#include "bmb-search-query.h"

#define DAY_SECONDS (24 * 60 * 60)

/* How far back a look goes, in days: a page stops at the first window that fills it. */
static const int horizons_days[] = { 35, 120, 400, 1100, 3660 };

/* Occurrences of @sessions (or of @relationship_id's, 0: all, when
 * @sessions is NULL) overlapping [from, to); a series that cannot be
 * expanded completely contributes its first occurrences only. */
static GPtrArray *
occurrences_between (BmbMentoringStore  *self,
                     gint64              relationship_id,
                     GPtrArray          *sessions,
                     gint64              from,
                     gint64              to,
                     GError            **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) incomplete = NULL;

  if (sessions != NULL)
    {
      BmbExpansionBudget budget = BMB_EXPANSION_BUDGET_INIT;

      incomplete = g_ptr_array_new_with_free_func (g_object_unref);
      if (!_bmb_mentoring_store_expand (self, sessions, from, to, &budget, out, incomplete, error))
        return NULL;
      g_ptr_array_sort (out, bmb_occurrence_compare);
    }
  else
    {
      g_autoptr(GDateTime) dt_from = g_date_time_new_from_unix_utc (from);
      g_autoptr(GDateTime) dt_to = g_date_time_new_from_unix_utc (to);

      g_ptr_array_unref (out);
      out = bmb_mentoring_store_list_occurrences_full (self, relationship_id, dt_from, dt_to,
                                                      &incomplete, error);
      if (out == NULL)
        return NULL;
    }

  if (incomplete->len > 0)
    g_debug ("%u series could not be expanded completely for the history", incomplete->len);

  return g_steal_pointer (&out);
}

static gint64
start_of (BmbOccurrence *occurrence)
{
  return g_date_time_to_unix (bmb_occurrence_get_start (occurrence));
}

/* Newest-first order of (start, session id, recurrence id): < 0 when @a
 * comes first (is newer). */
static int
compare_keys (gint64      ta,
              gint64      sa,
              const char *ra,
              gint64      tb,
              gint64      sb,
              const char *rb)
{
  if (ta != tb)
    return ta > tb ? -1 : 1;
  if (sa != sb)
    return sa > sb ? -1 : 1;
  return -g_strcmp0 (ra, rb);
}

static int
compare_occurrences_newest_first (gconstpointer a,
                                  gconstpointer b)
{
  BmbOccurrence *oa = *(BmbOccurrence * const *)a;
  BmbOccurrence *ob = *(BmbOccurrence * const *)b;

  return compare_keys (start_of (oa), bmb_occurrence_get_session_id (oa),
                       bmb_occurrence_get_recurrence_id (oa),
                       start_of (ob), bmb_occurrence_get_session_id (ob),
                       bmb_occurrence_get_recurrence_id (ob));
}

/* Up to @limit occurrences older than the cursor (@t, @session_id,
 * @recurrence_id; @recurrence_id NULL: everything starting before @t),
 * newest first; @skip_cancelled leaves cancelled ones out. */
static GPtrArray *
occurrences_before (BmbMentoringStore  *self,
                    gint64              relationship_id,
                    GPtrArray          *sessions,
                    gint64              t,
                    gint64              session_id,
                    const char         *recurrence_id,
                    guint               limit,
                    gboolean            skip_cancelled,
                    GError            **error)
{
  g_autoptr(GPtrArray) found = NULL;

  for (guint h = 0; h < G_N_ELEMENTS (horizons_days); h++)
    {
      g_autoptr(GPtrArray) list = NULL;

      list = occurrences_between (self, relationship_id, sessions,
                                  t - (gint64)horizons_days[h] * DAY_SECONDS, t + 1, error);
      if (list == NULL)
        return NULL;

      g_clear_pointer (&found, g_ptr_array_unref);
      found = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < list->len; i++)
        {
          BmbOccurrence *occurrence = g_ptr_array_index (list, i);
          gint64 start = start_of (occurrence);
          gboolean older;

          if (skip_cancelled && bmb_occurrence_get_status (occurrence) == BMB_SESSION_STATUS_CANCELLED)
            continue;

          if (recurrence_id == NULL)
            older = start < t;
          else
            older = compare_keys (start, bmb_occurrence_get_session_id (occurrence),
                                  bmb_occurrence_get_recurrence_id (occurrence),
                                  t, session_id, recurrence_id) > 0;
          if (older)
            g_ptr_array_add (found, g_object_ref (occurrence));
        }

      if (found->len >= limit)
        break;
    }

  g_ptr_array_sort (found, compare_occurrences_newest_first);
  if (found->len > limit)
    g_ptr_array_set_size (found, limit);

  return g_steal_pointer (&found);
}

static GPtrArray *
meetings_for (BmbMentoringStore  *self,
              GPtrArray          *occurrences,
              GError            **error)
{
  g_autoptr(GPtrArray) meetings = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < occurrences->len; i++)
    {
      BmbMeeting *meeting = _bmb_mentoring_store_meeting_for (self,
                                                              g_ptr_array_index (occurrences, i),
                                                              error);
      if (meeting == NULL)
        return NULL;
      g_ptr_array_add (meetings, meeting);
    }

  return g_steal_pointer (&meetings);
}

/* ---- Previous meeting and carry-over ------------------------------------------------ */

BmbMeeting *
bmb_mentoring_store_get_previous_meeting (BmbMentoringStore  *self,
                                          gint64              session_id,
                                          const char         *recurrence_id,
                                          GError            **error)
{
  g_autoptr(BmbMeeting) current = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) previous = NULL;
  BmbOccurrence *occurrence;
  gint64 relationship_id;

  g_return_val_if_fail (BMB_IS_MENTORING_STORE (self), NULL);
  g_return_val_if_fail (recurrence_id != NULL, NULL);

  if (!(current = bmb_mentoring_store_get_meeting (self, session_id, recurrence_id, error)))
    return NULL;

  occurrence = bmb_meeting_get_occurrence (current);
  relationship_id = bmb_occurrence_get_relationship_id (occurrence);
  if (relationship_id == 0)
    {
      sessions = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (sessions, g_object_ref (bmb_occurrence_get_session (occurrence)));
    }

  previous = occurrences_before (self, relationship_id, sessions, start_of (occurrence),
                                 session_id, recurrence_id, 1, TRUE, error);
  if (previous == NULL)
    return NULL;
  if (previous->len == 0)
    return NULL;

  return _bmb_mentoring_store_meeting_for (self, g_ptr_array_index (previous, 0), error);
}

static gboolean
agenda_has_text (GListModel *agenda,
                 const char *text)
{
  guint n = g_list_model_get_n_items (agenda);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BmbAgendaItem) item = g_list_model_get_item (agenda, i);

      if (g_strcmp0 (bmb_agenda_item_get_text (item), text) == 0)
        return TRUE;
    }

  return FALSE;
}

static GPtrArray *
open_action_items_before (BmbMentoringStore  *self,
                          BmbMeeting         *meeting,
                          GError            **error)
{
  BmbDatabase *db = bmb_mentoring_store_get_database (self);
  gint64 relationship_id = bmb_meeting_get_relationship_id (meeting);
  sqlite3_stmt *stmt;

  /* Open ones of the relationship (or the series), on no meeting or on an earlier one. */
  stmt = bmb_database_prepare (db,
                               "SELECT " ACTION_ITEM_COLUMNS
                               "WHERE a.done = 0 "
                               "  AND ((?1 > 0 AND (a.relationship_id = ?1 OR a.session_id IN "
                               "        (SELECT id FROM sessions WHERE relationship_id = ?1))) "
                               "       OR (?1 = 0 AND a.session_id = ?2)) "
                               "  AND (a.meeting_id IS NULL OR "
                               "       (a.meeting_id IS NOT ?3 AND am.occurrence_start < ?4)) "
                               "ORDER BY am.occurrence_start IS NULL, am.occurrence_start, "
                               "  a.position, a.id", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, relationship_id);
  sqlite3_bind_int64 (stmt, 2, bmb_meeting_get_session_id (meeting));
  bmb_stmt_bind_id_or_null (stmt, 3, bmb_meeting_get_id (meeting));
  sqlite3_bind_text (stmt, 4, bmb_meeting_get_recurrence_id (meeting), -1, SQLITE_TRANSIENT);

  return _bmb_mentoring_store_collect_action_items (db, stmt, error);
}

gboolean
bmb_mentoring_store_list_carry_over (BmbMentoringStore  *self,
                                     gint64              session_id,
                                     const char         *recurrence_id,
                                     BmbMeeting        **previous,
                                     GPtrArray         **agenda,
                                     GPtrArray         **action_items,
                                     GError            **error)
{
  g_autoptr(BmbMeeting) current = NULL;
  g_autoptr(BmbMeeting) before = NULL;
  g_autoptr(GPtrArray) unfinished = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (BMB_IS_MENTORING_STORE (self), FALSE);
  g_return_val_if_fail (recurrence_id != NULL, FALSE);
  g_return_val_if_fail (agenda != NULL && action_items != NULL, FALSE);

  if (!(current = bmb_mentoring_store_get_meeting (self, session_id, recurrence_id, error)))
    return FALSE;

  before = bmb_mentoring_store_get_previous_meeting (self, session_id, recurrence_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (before != NULL && bmb_meeting_get_has_record (before))
    {
      GListModel *items = bmb_meeting_get_agenda (before);
      guint n = g_list_model_get_n_items (items);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(BmbAgendaItem) item = g_list_model_get_item (items, i);

          if (!bmb_agenda_item_get_done (item) &&
              !agenda_has_text (bmb_meeting_get_agenda (current), bmb_agenda_item_get_text (item)))
            g_ptr_array_add (unfinished, g_object_ref (item));
        }
    }

  if (!(open = open_action_items_before (self, current, error)))
    return FALSE;

  if (previous != NULL)
    *previous = g_steal_pointer (&before);
  *agenda = g_steal_pointer (&unfinished);
  *action_items = g_steal_pointer (&open);

  return TRUE;
}

static char *
agenda_item_text (BmbDatabase  *db,
                  gint64        id,
                  GError      **error)
{
  sqlite3_stmt *stmt;
  char *text = NULL;
  int rc;

  if (!(stmt = bmb_database_prepare (db, "SELECT text FROM agenda_items WHERE id = ?1", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = bmb_database_step (db, stmt, error);
  if (rc == SQLITE_ROW)
    text = bmb_stmt_dup_text (stmt, 0);
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_NOT_FOUND,
                 _("This agenda item no longer exists."));

  return text;
}

static BmbActionItem *
action_item_by_id (BmbDatabase  *db,
                   gint64        id,
                   GError      **error)
{
  g_autoptr(GPtrArray) list = NULL;
  sqlite3_stmt *stmt;

  if (!(stmt = bmb_database_prepare (db, "SELECT " ACTION_ITEM_COLUMNS "WHERE a.id = ?1", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!(list = _bmb_mentoring_store_collect_action_items (db, stmt, error)))
    return NULL;

  if (list->len == 0)
    {
      g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_NOT_FOUND,
                   _("This action item no longer exists."));
      return NULL;
    }

  return g_object_ref (g_ptr_array_index (list, 0));
}

static gboolean
list_has_item (GListModel *items,
               gint64      id)
{
  guint n = g_list_model_get_n_items (items);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BmbActionItem) item = g_list_model_get_item (items, i);

      if (bmb_action_item_get_id (item) == id)
        return TRUE;
    }

  return FALSE;
}

BmbMeeting *
bmb_mentoring_store_carry_over (BmbMentoringStore  *self,
                                gint64              session_id,
                                const char         *recurrence_id,
                                GArray             *agenda_item_ids,
                                GArray             *action_item_ids,
                                GError            **error)
{
  BmbDatabase *db;
  g_autoptr(BmbMeeting) meeting = NULL;

  g_return_val_if_fail (BMB_IS_MENTORING_STORE (self), NULL);
  g_return_val_if_fail (recurrence_id != NULL, NULL);

  db = bmb_mentoring_store_get_database (self);
  if (!bmb_database_begin (db, error))
    return NULL;

  if (!(meeting = bmb_mentoring_store_get_meeting (self, session_id, recurrence_id, error)))
    goto failed;

  for (guint i = 0; agenda_item_ids != NULL && i < agenda_item_ids->len; i++)
    {
      g_autofree char *text = agenda_item_text (db, g_array_index (agenda_item_ids, gint64, i),
                                                error);

      if (text == NULL)
        goto failed;
      if (!agenda_has_text (bmb_meeting_get_agenda (meeting), text))
        bmb_meeting_append_agenda_item (meeting, text);
    }

  for (guint i = 0; action_item_ids != NULL && i < action_item_ids->len; i++)
    {
      gint64 id = g_array_index (action_item_ids, gint64, i);
      g_autoptr(BmbActionItem) item = NULL;

      if (list_has_item (bmb_meeting_get_action_items (meeting), id))
        continue;
      if (!(item = action_item_by_id (db, id, error)))
        goto failed;
      bmb_meeting_insert_action_item (meeting, -1, item);
    }

  if (!_bmb_mentoring_store_write_meeting (self, meeting, error) ||
      !bmb_database_commit (db, error))
    goto failed;

  return bmb_mentoring_store_get_meeting (self, session_id, recurrence_id, error);

failed:
  bmb_database_rollback (db);
  return NULL;
}

/* ---- History --------------------------------------------------------------------- */

GPtrArray *
bmb_mentoring_store_list_past_meetings (BmbMentoringStore  *self,
                                        gint64              relationship_id,
                                        GDateTime          *before,
                                        BmbMeeting         *after,
                                        guint               limit,
                                        GError            **error)
{
  g_autoptr(GPtrArray) occurrences = NULL;
  gint64 t;

  g_return_val_if_fail (BMB_IS_MENTORING_STORE (self), NULL);
  g_return_val_if_fail (after == NULL || BMB_IS_MEETING (after), NULL);
  g_return_val_if_fail (after == NULL || bmb_meeting_get_start (after) != NULL, NULL);

  limit = CLAMP (limit, 1, BMB_MEETINGS_PAGE_MAX);
  t = before != NULL ? g_date_time_to_unix (before) : _bmb_now ();

  if (after != NULL && g_date_time_to_unix (bmb_meeting_get_start (after)) <= t)
    occurrences = occurrences_before (self, relationship_id, NULL,
                                      g_date_time_to_unix (bmb_meeting_get_start (after)),
                                      bmb_meeting_get_session_id (after),
                                      bmb_meeting_get_recurrence_id (after), limit, FALSE, error);
  else
    occurrences = occurrences_before (self, relationship_id, NULL, t, 0, NULL, limit, FALSE,
                                      error);
  if (occurrences == NULL)
    return NULL;

  return meetings_for (self, occurrences, error);
}

/* ---- Search ---------------------------------------------------------------------- */

/* A series found by its own text: its next occurrence, or its last one. */
static BmbOccurrence *
representative_occurrence (BmbMentoringStore  *self,
                           BmbSession         *session,
                           GError            **error)
{
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) list = NULL;
  gint64 now = _bmb_now ();

  g_ptr_array_add (sessions, g_object_ref (session));

  list = occurrences_between (self, 0, sessions, now, now + 731 * (gint64)DAY_SECONDS, error);
  if (list == NULL)
    return NULL;
  for (guint i = 0; i < list->len; i++)
    {
      BmbOccurrence *occurrence = g_ptr_array_index (list, i);

      if (start_of (occurrence) >= now)
        return g_object_ref (occurrence);
    }

  g_clear_pointer (&list, g_ptr_array_unref);
  list = occurrences_before (self, 0, sessions, now, 0, NULL, 1, FALSE, error);
  if (list == NULL)
    return NULL;

  return list->len > 0 ? g_object_ref (g_ptr_array_index (list, 0)) : NULL;
}

GPtrArray *
bmb_mentoring_store_search_meetings (BmbMentoringStore  *self,
                                     const char         *text,
                                     guint               offset,
                                     guint               limit,
                                     GError            **error)
{
  BmbDatabase *db;
  g_autofree char *query = NULL;
  g_autofree char *valid_text = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GPtrArray) meetings = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BMB_IS_MENTORING_STORE (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    text = valid_text = g_utf8_make_valid (text, -1);

  if (!(query = bmb_search_query_to_fts (text)))
    return g_steal_pointer (&meetings);

  limit = CLAMP (limit, 1, BMB_MEETINGS_PAGE_MAX);
  db = bmb_mentoring_store_get_database (self);

  /* A meeting whose own record matches, and a series whose own text does (once). */
  stmt = bmb_database_prepare (db,
                               "SELECT session_id, occurrence_start FROM ("
                               "  SELECT m.session_id AS session_id, "
                               "         m.occurrence_start AS occurrence_start, f.rank AS rank "
                               "  FROM meetings_fts f JOIN meetings m ON m.id = f.rowid "
                               "  WHERE meetings_fts MATCH ?1 "
                               "  UNION ALL "
                               "  SELECT f.rowid, NULL, f.rank FROM sessions_fts f "
                               "  WHERE sessions_fts MATCH ?1) "
                               "ORDER BY rank, occurrence_start DESC, session_id "
                               "LIMIT ?2 OFFSET ?3", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, (int)limit);
  sqlite3_bind_int64 (stmt, 3, offset);

  hits = g_ptr_array_new_with_free_func (g_free);
  while ((rc = bmb_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      g_ptr_array_add (hits, g_strdup_printf ("%" G_GINT64_FORMAT, (gint64)sqlite3_column_int64 (stmt, 0)));
      g_ptr_array_add (hits, bmb_stmt_dup_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (rc < 0)
    return NULL;

  for (guint i = 0; i + 1 < hits->len; i += 2)
    {
      gint64 session_id = g_ascii_strtoll (g_ptr_array_index (hits, i), NULL, 10);
      const char *recurrence_id = g_ptr_array_index (hits, i + 1);
      g_autoptr(BmbOccurrence) occurrence = NULL;
      g_autoptr(GError) local_error = NULL;
      BmbMeeting *meeting;

      if (recurrence_id != NULL)
        meeting = bmb_mentoring_store_get_meeting (self, session_id, recurrence_id, &local_error);
      else
        {
          g_autoptr(BmbSession) session = bmb_mentoring_store_get_session (self, session_id,
                                                                           &local_error);

          if (session != NULL &&
              (occurrence = representative_occurrence (self, session, &local_error)) != NULL)
            meeting = _bmb_mentoring_store_meeting_for (self, occurrence, &local_error);
          else
            meeting = NULL;
        }

      if (meeting != NULL)
        g_ptr_array_add (meetings, meeting);
      else if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  return g_steal_pointer (&meetings);
}

gboolean
bmb_mentoring_store_get_session_span (BmbMentoringStore  *self,
                                      const char         *from_local,
                                      const char         *to_local,
                                      guint              *n_sessions,
                                      gboolean           *has_later,
                                      gboolean           *has_earlier,
                                      GError            **error)
{
  BmbDatabase *db;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BMB_IS_MENTORING_STORE (self), FALSE);
  g_return_val_if_fail (from_local != NULL && to_local != NULL, FALSE);

  db = bmb_mentoring_store_get_database (self);
  stmt = bmb_database_prepare (db,
                               "SELECT (SELECT count(*) FROM sessions), "
                               "  EXISTS (SELECT 1 FROM sessions WHERE start_local >= ?2) OR "
                               "  EXISTS (SELECT 1 FROM sessions WHERE rrule IS NOT NULL), "
                               "  EXISTS (SELECT 1 FROM sessions WHERE start_local < ?1)", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, from_local, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to_local, -1, SQLITE_TRANSIENT);
  rc = bmb_database_step (db, stmt, error);
  if (rc == SQLITE_ROW)
    {
      *n_sessions = (guint)MIN (sqlite3_column_int64 (stmt, 0), G_MAXUINT);
      *has_later = sqlite3_column_int (stmt, 1) != 0;
      *has_earlier = sqlite3_column_int (stmt, 2) != 0;
    }
  sqlite3_reset (stmt);

  return rc == SQLITE_ROW;
}
