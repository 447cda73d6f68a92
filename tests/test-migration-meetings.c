/* test-migration-meetings.c — data version 2 → 3: every note, agenda item and action item
 * of a database written by the version 2 schema is still there after the migration, in the
 * meeting the migration's comment (bmb-schema.c, migration_3) says
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "bmb-database.h"
#include "bmb-local-time.h"
#include "bmb-mentoring-meetings.h"
#include "bmb-schema.h"
#include "bmb-test-utils.h"

#define DAY (24 * 60 * 60)

static int
db_int (BmbDatabase *db,
        const char  *sql)
{
  sqlite3_stmt *stmt = NULL;
  int value;

  g_assert_cmpint (sqlite3_prepare_v2 (bmb_database_get_handle (db), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static char *
db_text (BmbDatabase *db,
         const char  *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (bmb_database_get_handle (db), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    value = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return value;
}

/* Local "YYYY-MM-DDTHH:MM:00" in Jakarta, @days from today, at @hour. */
static char *
local_day (int days,
           int hour)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Jakarta");
  g_autoptr(GDateTime) now = g_date_time_new_now (zone);
  g_autoptr(GDateTime) day = g_date_time_add_days (now, days);
  g_autoptr(GDateTime) at = g_date_time_new (zone, g_date_time_get_year (day),
                                             g_date_time_get_month (day),
                                             g_date_time_get_day_of_month (day), hour, 0, 0);

  return g_date_time_format (at, "%Y-%m-%dT%H:%M:%S");
}

static gint64
unix_of (const char *local)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Jakarta");
  g_autoptr(GDateTime) dt = bmb_local_time_to_date_time (local, zone);

  return g_date_time_to_unix (dt);
}

typedef struct
{
  char *coffee;     /* the one-off session's start, 20 days ago */
  char *series;     /* the weekly series' first start: 69 days ago */
  char *week2;      /* its second meeting: own notes */
  char *week3;      /* cancelled */
  char *week4;      /* an action item made there */
  char *week9;      /* moved by a day, retitled */
  char *latest;     /* its most recent past meeting, 6 days ago */
  char *future;     /* a series that starts in 10 days */
} Dates;

static void
dates_clear (Dates *d)
{
  g_free (d->coffee);
  g_free (d->series);
  g_free (d->week2);
  g_free (d->week3);
  g_free (d->week4);
  g_free (d->week9);
  g_free (d->latest);
  g_free (d->future);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Dates, dates_clear)

/* What a mentor had after a few months of version 2. */
static void
write_v2_database (const char *path,
                   Dates      *d)
{
  sqlite3 *db = NULL;
  g_autofree char *moved = local_day (-12, 10);
  g_autofree char *sql = NULL;

  d->coffee = local_day (-20, 9);
  d->series = local_day (-69, 10);
  d->week2 = local_day (-62, 10);
  d->week3 = local_day (-55, 10);
  d->week4 = local_day (-48, 10);
  d->week9 = local_day (-13, 10);
  d->latest = local_day (-6, 10);
  d->future = local_day (10, 10);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  bmb_test_raw_exec (db, "PRAGMA foreign_keys = ON");
  bmb_test_raw_exec (db, "BEGIN");
  bmb_test_raw_exec (db, bmb_schema_get_migration_sql (1));
  bmb_test_raw_exec (db, bmb_schema_get_migration_sql (2));
  bmb_test_raw_exec (db, "PRAGMA user_version = 2");

  bmb_test_raw_exec (db, "INSERT INTO contacts (id, uid, display_name, created_at, updated_at) "
                "VALUES (1, 'budi', 'Budi Santoso', 0, 0)");
  bmb_test_raw_exec (db, "INSERT INTO relationships (id, mentee_id, created_at, updated_at) "
                "VALUES (1, 1, 0, 0)");

  /* A one-off coffee with notes, a ticked agenda and an action item. */
  sql = g_strdup_printf ("INSERT INTO sessions (id, uid, relationship_id, title, start_local, tzid, "
                         "  notes, created_at, updated_at) VALUES (1, 'coffee@x', 1, 'Coffee', "
                         "  '%s', 'Asia/Jakarta', 'Talked about his first job', 0, 0)", d->coffee);
  bmb_test_raw_exec (db, sql);
  bmb_test_raw_exec (db, "INSERT INTO agenda_items (session_id, position, text, done) VALUES "
                "(1, 0, 'Career plan', 1), (1, 1, 'Books to read', 0)");
  g_free (sql);
  sql = g_strdup_printf ("INSERT INTO action_items (relationship_id, session_id, owner, text, "
                         "  created_at) VALUES (1, 1, 'mentee', 'Read Atomic Habits', %" G_GINT64_FORMAT ")",
                         unix_of (d->coffee) + 1800);
  bmb_test_raw_exec (db, sql);

  /* A weekly series: series notes, an agenda with a tick, overrides, action items. */
  g_free (sql);
  sql = g_strdup_printf ("INSERT INTO sessions (id, uid, relationship_id, title, start_local, tzid, "
                         "  notes, rrule, created_at, updated_at) VALUES (2, 'weekly@x', 1, "
                         "  'Mentoring', '%s', 'Asia/Jakarta', 'He wants to move into design', "
                         "  'FREQ=WEEKLY', 0, 0)", d->series);
  bmb_test_raw_exec (db, sql);
  bmb_test_raw_exec (db, "INSERT INTO agenda_items (session_id, position, text, done) VALUES "
                "(2, 0, 'Mock interview', 1), (2, 1, 'Portfolio', 0)");
  g_free (sql);
  sql = g_strdup_printf ("INSERT INTO session_overrides (session_id, occurrence_start, notes) "
                         "VALUES (2, '%s', 'Own notes of the second week')", d->week2);
  bmb_test_raw_exec (db, sql);
  g_free (sql);
  sql = g_strdup_printf ("INSERT INTO session_overrides (session_id, occurrence_start, status) "
                         "VALUES (2, '%s', 'cancelled')", d->week3);
  bmb_test_raw_exec (db, sql);
  g_free (sql);
  sql = g_strdup_printf ("INSERT INTO session_overrides (session_id, occurrence_start, start_local, "
                         "  title) VALUES (2, '%s', '%s', 'Mentoring (moved)')", d->week9, moved);
  bmb_test_raw_exec (db, sql);
  g_free (sql);
  sql = g_strdup_printf ("INSERT INTO action_items (relationship_id, session_id, owner, text, done, "
                         "  created_at) VALUES "
                         "(1, 2, 'mentee', 'Ask for the salary range', 0, %" G_GINT64_FORMAT "), "
                         "(1, 2, 'mentor', 'Prepare before we start', 1, %" G_GINT64_FORMAT "), "
                         "(1, 2, 'mentor', 'Introduce him to Rina', 0, %" G_GINT64_FORMAT ")",
                         unix_of (d->week4) + 1800, unix_of (d->series) - 3 * DAY,
                         unix_of (d->latest) + 3600);
  bmb_test_raw_exec (db, sql);
  bmb_test_raw_exec (db, "INSERT INTO action_items (relationship_id, owner, text, created_at) "
                "VALUES (1, 'mentee', 'Keep a journal', 0)");

  /* A series that has not started, and one with nothing to move. */
  g_free (sql);
  sql = g_strdup_printf ("INSERT INTO sessions (id, uid, title, start_local, tzid, notes, rrule, "
                         "  created_at, updated_at) VALUES (3, 'future@x', 'Book club', '%s', "
                         "  'Asia/Jakarta', 'Pick the first book', 'FREQ=MONTHLY', 0, 0)", d->future);
  bmb_test_raw_exec (db, sql);
  bmb_test_raw_exec (db, "INSERT INTO agenda_items (session_id, position, text, done) VALUES "
                "(3, 0, 'Introductions', 0)");
  bmb_test_raw_exec (db, "INSERT INTO sessions (id, uid, title, start_local, tzid, rrule, created_at, "
                "  updated_at) VALUES (4, 'empty@x', 'Empty', '2026-01-05T10:00:00', "
                "  'Asia/Jakarta', 'FREQ=DAILY', 0, 0)");

  bmb_test_raw_exec (db, "COMMIT");
  sqlite3_close (db);
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
}

static char *
agenda_string (GListModel *agenda)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (agenda); i++)
    {
      g_autoptr(BmbAgendaItem) item = g_list_model_get_item (agenda, i);

      g_string_append_printf (out, "%s%s%s", i ? "|" : "", bmb_agenda_item_get_text (item),
                              bmb_agenda_item_get_done (item) ? "+" : "");
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
action_texts (GListModel *items)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(BmbActionItem) item = g_list_model_get_item (items, i);

      g_string_append_printf (out, "%s%s", i ? "|" : "", bmb_action_item_get_text (item));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static BmbMeeting *
meeting (BmbMentoringStore *store,
         gint64             session_id,
         const char        *recurrence_id)
{
  g_autoptr(GError) error = NULL;
  BmbMeeting *m = bmb_mentoring_store_get_meeting (store, session_id, recurrence_id, &error);

  g_assert_no_error (error);
  return m;
}

static void
test_v2_records_move_to_meetings (void)
{
  g_autofree char *dir = bmb_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "bimbing.db", NULL);
  g_auto(Dates) d = { 0 };
  g_autoptr(BmbDatabase) db = NULL;
  g_autoptr(BmbMentoringStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbMeeting) coffee = NULL;
  g_autoptr(BmbMeeting) latest = NULL;
  g_autoptr(BmbMeeting) first = NULL;
  g_autoptr(BmbMeeting) week2 = NULL;
  g_autoptr(BmbMeeting) week3 = NULL;
  g_autoptr(BmbMeeting) week4 = NULL;
  g_autoptr(BmbMeeting) week5 = NULL;
  g_autoptr(BmbMeeting) week9 = NULL;
  g_autoptr(BmbMeeting) book_club = NULL;
  g_autoptr(BmbSession) series = NULL;
  g_autoptr(BmbSession) future = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autofree char *s = NULL;

  write_v2_database (path, &d);

  db = bmb_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bmb_database_get_schema_version (db), ==, BMB_SCHEMA_VERSION);
  store = bmb_mentoring_store_new (db);

  /* Nothing is lost: every text is still stored, plus the copies the comment promises. */
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM action_items"), ==, 5);
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM agenda_items"), ==, 5 + 2 + 1);
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM sessions"), ==, 4);

  /* The one-off: its notes, agenda (ticks kept) and action item are its meeting's. */
  coffee = meeting (store, 1, d.coffee);
  g_assert_true (bmb_meeting_get_has_record (coffee));
  g_assert_cmpstr (bmb_meeting_get_notes (coffee), ==, "Talked about his first job");
  s = agenda_string (bmb_meeting_get_agenda (coffee));
  g_assert_cmpstr (s, ==, "Career plan+|Books to read");
  g_clear_pointer (&s, g_free);
  s = action_texts (bmb_meeting_get_action_items (coffee));
  g_assert_cmpstr (s, ==, "Read Atomic Habits");
  g_clear_pointer (&s, g_free);
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM agenda_items "
                               "WHERE session_id = 1 AND meeting_id IS NULL"), ==, 0);
  g_assert_null (db_text (db, "SELECT notes FROM sessions WHERE id = 1"));

  /* The series: notes and ticked agenda in its most recent past meeting. */
  latest = meeting (store, 2, d.latest);
  g_assert_true (bmb_meeting_get_has_record (latest));
  g_assert_cmpstr (bmb_meeting_get_notes (latest), ==, "He wants to move into design");
  s = agenda_string (bmb_meeting_get_agenda (latest));
  g_assert_cmpstr (s, ==, "Mock interview+|Portfolio");
  g_clear_pointer (&s, g_free);
  s = action_texts (bmb_meeting_get_action_items (latest));
  g_assert_cmpstr (s, ==, "Introduce him to Rina");
  g_clear_pointer (&s, g_free);
  g_assert_null (db_text (db, "SELECT notes FROM sessions WHERE id = 2"));

  /* … its agenda texts stay as the standing agenda, unticked. */
  series = bmb_mentoring_store_get_session (store, 2, &error);
  g_assert_no_error (error);
  s = agenda_string (bmb_session_get_agenda (series));
  g_assert_cmpstr (s, ==, "Mock interview|Portfolio");
  g_clear_pointer (&s, g_free);
  {
    g_autofree char *w5 = local_day (-41, 10);

    week5 = meeting (store, 2, w5);
  }
  g_assert_false (bmb_meeting_get_has_record (week5));
  g_assert_null (bmb_meeting_get_notes (week5));
  s = agenda_string (bmb_meeting_get_agenda (week5));
  g_assert_cmpstr (s, ==, "Mock interview|Portfolio");
  g_clear_pointer (&s, g_free);

  /* … an occurrence's own notes stay its own; cancelled and moved ones keep their changes. */
  week2 = meeting (store, 2, d.week2);
  g_assert_cmpstr (bmb_meeting_get_notes (week2), ==, "Own notes of the second week");
  g_assert_true (bmb_meeting_get_has_record (week2));
  week3 = meeting (store, 2, d.week3);
  g_assert_cmpint (bmb_meeting_get_status (week3), ==, BMB_SESSION_STATUS_CANCELLED);
  g_assert_null (bmb_meeting_get_notes (week3));
  week9 = meeting (store, 2, d.week9);
  g_assert_cmpstr (bmb_meeting_get_title (week9), ==, "Mentoring (moved)");
  g_assert_cmpint (g_date_time_get_hour (bmb_meeting_get_start (week9)), ==, 10);
  g_assert_false (bmb_meeting_get_has_record (week9));

  /* … action items go to the meeting they were made in (the first when made before it). */
  week4 = meeting (store, 2, d.week4);
  s = action_texts (bmb_meeting_get_action_items (week4));
  g_assert_cmpstr (s, ==, "Ask for the salary range");
  g_clear_pointer (&s, g_free);
  first = meeting (store, 2, d.series);
  s = action_texts (bmb_meeting_get_action_items (first));
  g_assert_cmpstr (s, ==, "Prepare before we start");
  g_clear_pointer (&s, g_free);
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM action_items WHERE text = 'Keep a journal' "
                               "AND relationship_id = 1 AND meeting_id IS NULL "
                               "AND session_id IS NULL"), ==, 1);

  /* A series that has not begun: its first meeting; its agenda stays standing too. */
  book_club = meeting (store, 3, d.future);
  g_assert_cmpstr (bmb_meeting_get_notes (book_club), ==, "Pick the first book");
  s = agenda_string (bmb_meeting_get_agenda (book_club));
  g_assert_cmpstr (s, ==, "Introductions");
  g_clear_pointer (&s, g_free);
  future = bmb_mentoring_store_get_session (store, 3, &error);
  g_assert_cmpuint (g_list_model_get_n_items (bmb_session_get_agenda (future)), ==, 1);

  /* Nothing to move: no meeting rows. */
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM meetings WHERE session_id = 4"), ==, 0);

  /* Search finds the moved notes in their meeting, and the old overrides' notes. */
  found = bmb_mentoring_store_search_meetings (store, "design", 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (bmb_meeting_get_recurrence_id (g_ptr_array_index (found, 0)), ==, d.latest);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = bmb_mentoring_store_search_meetings (store, "second week", 0, 10, &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (bmb_meeting_get_recurrence_id (g_ptr_array_index (found, 0)), ==, d.week2);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = bmb_mentoring_store_search_meetings (store, "salary", 0, 10, &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (bmb_meeting_get_recurrence_id (g_ptr_array_index (found, 0)), ==, d.week4);
  sessions = bmb_mentoring_store_search_sessions (store, "design", &error);
  g_assert_cmpuint (sessions->len, ==, 1);
  g_assert_cmpint (bmb_session_get_id (g_ptr_array_index (sessions, 0)), ==, 2);

  {
    g_autofree char *integrity = db_text (db, "PRAGMA integrity_check");

    g_assert_cmpstr (integrity, ==, "ok");
  }
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Jakarta", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/migration/v2-records-to-meetings", test_v2_records_move_to_meetings);

  return g_test_run ();
}
