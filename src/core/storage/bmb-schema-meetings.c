/* bmb-schema-meetings.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The C part of migration 3 (its comment in bmb-schema.c says where each
 * thing goes): finding "the most recent meeting" or "the meeting an action
 * item was made in" needs the series' occurrences, which only the
 * recurrence expansion knows.
 */

#define G_LOG_DOMAIN "bmb-schema"

#include "config.h"

#include "bmb-local-time.h"
#include "bmb-recurrence.h"
#include "bmb-schema-private.h"

#define DAY_SECONDS (24 * 60 * 60)

typedef struct
{
  gint64  id;
  char   *start_local;
  char   *tzid;
  char   *rrule;
  char   *exdates;
  char   *notes;
  gint64  newest_action;  /* newest created_at of its action items, 0: none */
} SessionRow;

typedef struct
{
  gint64  t;
  char   *recurrence_id;
} Start;

typedef struct
{
  GArray  *starts;
  gboolean first_only;
} CollectData;

static void
session_row_clear (SessionRow *row)
{
  g_free (row->start_local);
  g_free (row->tzid);
  g_free (row->rrule);
  g_free (row->exdates);
  g_free (row->notes);
}

static void
start_clear (Start *start)
{
  g_free (start->recurrence_id);
}

static gboolean
collect_cb (GDateTime  *start,
            const char *recurrence_id,
            gpointer    user_data)
{
  CollectData *data = user_data;
  Start s = { g_date_time_to_unix (start), g_strdup (recurrence_id) };

  g_array_append_val (data->starts, s);

  return !data->first_only;
}

/* The series' original starts up to @until (its first one only when none
 * is that early); an empty array when it has none or cannot be read. */
static GArray *
series_starts (const SessionRow *row,
               gint64            until)
{
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (Start));
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (row->tzid);
  g_autoptr(GDateTime) first = NULL;
  g_auto(GStrv) exdates = NULL;
  CollectData data = { starts, FALSE };
  gint64 from;

  g_array_set_clear_func (starts, (GDestroyNotify)start_clear);

  if (zone == NULL)
    zone = g_time_zone_new_utc ();
  first = bmb_local_time_to_date_time (row->start_local, zone);
  if (first == NULL)
    return starts;
  from = g_date_time_to_unix (first) - DAY_SECONDS;

  if (row->exdates != NULL && *row->exdates != '\0')
    exdates = g_strsplit (row->exdates, ",", -1);

  /* An incomplete expansion reports its first starts only, never a wrong one. */
  if (!bmb_recurrence_expand (row->rrule, row->start_local, zone,
                              (const char * const *)exdates, from, MAX (until, from) + 1,
                              NULL, collect_cb, &data, NULL))
    g_debug ("Session %" G_GINT64_FORMAT " could not be expanded completely", row->id);

  if (starts->len == 0)
    {
      data.first_only = TRUE;
      bmb_recurrence_expand (row->rrule, row->start_local, zone,
                             (const char * const *)exdates, from,
                             from + 3660 * (gint64)DAY_SECONDS, NULL, collect_cb, &data, NULL);
    }

  return starts;
}

/* The latest start at or before @t; the first when none is. */
static const Start *
start_at (GArray *starts,
          gint64  t)
{
  const Start *found = &g_array_index (starts, Start, 0);

  for (guint i = 0; i < starts->len; i++)
    {
      const Start *s = &g_array_index (starts, Start, i);

      if (s->t > t)
        break;
      found = s;
    }

  return found;
}

static gint64
ensure_meeting (BmbDatabase  *db,
                gint64        session_id,
                const char   *recurrence_id,
                gint64        now,
                GError      **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  stmt = bmb_database_prepare (db,
                               "INSERT INTO meetings (session_id, occurrence_start, record, "
                               "  created_at, updated_at) VALUES (?1, ?2, 1, ?3, ?3) "
                               "ON CONFLICT (session_id, occurrence_start) DO UPDATE SET record = 1",
                               error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, session_id);
  sqlite3_bind_text (stmt, 2, recurrence_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, now);
  if (!bmb_database_step_done (db, stmt, error))
    return 0;

  stmt = bmb_database_prepare (db,
                               "SELECT id FROM meetings WHERE session_id = ?1 AND occurrence_start = ?2",
                               error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, session_id);
  sqlite3_bind_text (stmt, 2, recurrence_id, -1, SQLITE_TRANSIENT);
  if (bmb_database_step (db, stmt, error) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return id;
}

static gboolean
run (BmbDatabase  *db,
     const char   *sql,
     gint64        a,
     gint64        b,
     const char   *text,
     GError      **error)
{
  sqlite3_stmt *stmt = bmb_database_prepare (db, sql, error);
  int n;

  if (stmt == NULL)
    return FALSE;

  /* ?1 and ?2 are ids, ?3 a text; a statement binds those it names. */
  n = sqlite3_bind_parameter_count (stmt);
  sqlite3_bind_int64 (stmt, 1, a);
  if (n >= 2)
    sqlite3_bind_int64 (stmt, 2, b);
  if (n >= 3)
    sqlite3_bind_text (stmt, 3, text, -1, SQLITE_TRANSIENT);

  return bmb_database_step_done (db, stmt, error);
}

static gboolean
place_action_items (BmbDatabase       *db,
                    const SessionRow  *row,
                    GArray            *starts,
                    gint64             now,
                    GError           **error)
{
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (gint64) * 2);
  sqlite3_stmt *stmt;
  int rc;

  stmt = bmb_database_prepare (db,
                               "SELECT id, created_at FROM action_items "
                               "WHERE session_id = ?1 AND meeting_id IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, row->id);
  while ((rc = bmb_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      gint64 pair[2] = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) };

      g_array_append_vals (items, pair, 1);
    }
  sqlite3_reset (stmt);
  if (rc < 0)
    return FALSE;

  for (guint i = 0; i < items->len; i++)
    {
      const gint64 *pair = (const gint64 *)(items->data + i * sizeof (gint64) * 2);
      const Start *made_in = start_at (starts, pair[1]);
      gint64 meeting_id = ensure_meeting (db, row->id, made_in->recurrence_id, now, error);

      if (meeting_id == 0 ||
          !run (db, "UPDATE action_items SET meeting_id = ?2 WHERE id = ?1",
                pair[0], meeting_id, NULL, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
place_session (BmbDatabase       *db,
               const SessionRow  *row,
               gint64             now,
               GError           **error)
{
  g_autoptr(GArray) starts = NULL;
  const Start *target;
  gint64 meeting_id;
  gboolean recurring = row->rrule != NULL && *row->rrule != '\0';

  starts = series_starts (row, MAX (now, row->newest_action));
  if (starts->len == 0)
    {
      g_debug ("Session %" G_GINT64_FORMAT " has no occurrence: its notes and agenda stay",
               row->id);
      return TRUE;
    }

  /* The most recent meeting that started before now, or the first. */
  target = start_at (starts, now);
  meeting_id = ensure_meeting (db, row->id, target->recurrence_id, now, error);
  if (meeting_id == 0)
    return FALSE;

  if (row->notes != NULL && *row->notes != '\0' &&
      (!run (db,
             "UPDATE meetings SET notes = CASE WHEN notes IS NULL OR notes = '' THEN ?3 "
             "  ELSE notes || char (10) || char (10) || ?3 END WHERE id = ?1",
             meeting_id, 0, row->notes, error) ||
       !run (db, "UPDATE sessions SET notes = NULL WHERE id = ?1",
             row->id, 0, NULL, error)))
    return FALSE;

  if (!recurring)
    {
      if (!run (db,
                "UPDATE agenda_items SET meeting_id = ?1 "
                "WHERE session_id = ?2 AND meeting_id IS NULL",
                meeting_id, row->id, NULL, error))
        return FALSE;
    }
  else if (!run (db,
                 "INSERT INTO agenda_items (session_id, meeting_id, position, text, done) "
                 "  SELECT session_id, ?1, position, text, done FROM agenda_items "
                 "  WHERE session_id = ?2 AND meeting_id IS NULL ORDER BY position, id",
                 meeting_id, row->id, NULL, error) ||
           !run (db,
                 "UPDATE agenda_items SET done = 0 "
                 "WHERE session_id = ?2 AND meeting_id IS NULL",
                 0, row->id, NULL, error))
    return FALSE;

  return place_action_items (db, row, starts, now, error);
}

gboolean
_bmb_schema_place_meeting_records (BmbDatabase  *db,
                                   GError      **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (SessionRow));
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  sqlite3_stmt *stmt;
  int rc;

  g_array_set_clear_func (rows, (GDestroyNotify)session_row_clear);

  stmt = bmb_database_prepare (db,
                               "SELECT s.id, s.start_local, s.tzid, s.rrule, s.exdates, s.notes, "
                               "  (SELECT max (created_at) FROM action_items WHERE session_id = s.id) "
                               "FROM sessions s "
                               "WHERE (s.notes IS NOT NULL AND s.notes <> '') "
                               "   OR EXISTS (SELECT 1 FROM agenda_items WHERE session_id = s.id) "
                               "   OR EXISTS (SELECT 1 FROM action_items WHERE session_id = s.id) "
                               "ORDER BY s.id", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = bmb_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      SessionRow row = {
        sqlite3_column_int64 (stmt, 0),
        bmb_stmt_dup_text (stmt, 1),
        bmb_stmt_dup_text (stmt, 2),
        bmb_stmt_dup_text (stmt, 3),
        bmb_stmt_dup_text (stmt, 4),
        bmb_stmt_dup_text (stmt, 5),
        sqlite3_column_int64 (stmt, 6),
      };

      g_array_append_val (rows, row);
    }
  sqlite3_reset (stmt);
  if (rc < 0)
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      if (!place_session (db, &g_array_index (rows, SessionRow, i), now, error))
        return FALSE;
    }

  g_debug ("Placed the notes, agenda and action items of %u sessions in their meetings",
           rows->len);

  return TRUE;
}
