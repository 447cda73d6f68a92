/* bench-meetings.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Meeting records at scale: 200 relationships, each with a weekly series that
 * started five years ago (about 52,000 past meetings), 3,000 of them with a
 * record (notes, agenda, an action item). Times one page of a relationship's
 * history (first and tenth page), one page of every session's history, a
 * search that matches many meetings, one meeting's record and its carry-over,
 * and the version 3 migration of a version 2 database of the same shape.
 * Each figure is the median of RUNS runs after one warm-up. Prints figures;
 * never fails.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "bmb-mentoring-meetings.h"
#include "bmb-schema.h"

#define N_SERIES  200
#define N_RECORDS 3000
#define RUNS      5
#define PAGE      20

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a;
  double y = *(const double *)b;

  return x < y ? -1 : x > y ? 1 : 0;
}

typedef void (*BenchFunc) (gpointer data);

static double
median_ms (BenchFunc func,
           gpointer  data)
{
  double runs[RUNS];

  func (data);
  for (guint i = 0; i < RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();

      func (data);
      runs[i] = ms_since (start);
    }
  qsort (runs, RUNS, sizeof (double), compare_doubles);

  return runs[RUNS / 2];
}

typedef struct
{
  BmbMentoringStore *store;
  gint64             first_session;
  char              *recent;   /* a recent meeting of the first series */
} Bench;

/* Monday five years ago at 10:00 in Jakarta, the series' start. */
static char *
series_start (void)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Jakarta");
  g_autoptr(GDateTime) now = g_date_time_new_now (zone);
  g_autoptr(GDateTime) back = g_date_time_add_weeks (now, -260);
  g_autoptr(GDateTime) at = g_date_time_new (zone, g_date_time_get_year (back),
                                             g_date_time_get_month (back),
                                             g_date_time_get_day_of_month (back), 10, 0, 0);

  return g_date_time_format (at, "%Y-%m-%dT%H:%M:%S");
}

static void
fill (BmbDatabase       *db,
      BmbMentoringStore *store,
      Bench             *bench)
{
  g_autofree char *start = series_start ();
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  g_assert_true (bmb_database_begin (db, &error));
  for (guint i = 0; i < N_SERIES; i++)
    {
      g_autoptr(BmbRelationship) relationship = bmb_relationship_new ();
      g_autofree char *sql = g_strdup_printf ("INSERT INTO contacts (uid, display_name, created_at, "
                                              "updated_at) VALUES ('c%u', 'Mentee %u', 0, 0)", i, i);
      BmbSession *session = bmb_session_new ();

      g_assert_true (bmb_database_exec (db, sql, &error));
      bmb_relationship_set_mentee_id (relationship, bmb_database_last_insert_id (db));
      g_assert_true (bmb_mentoring_store_save_relationship (store, relationship, &error));

      bmb_session_set_title (session, "Weekly mentoring");
      bmb_session_set_start_local (session, start);
      bmb_session_set_tzid (session, "Asia/Jakarta");
      bmb_session_set_rrule (session, "FREQ=WEEKLY");
      bmb_session_set_relationship_id (session, bmb_relationship_get_id (relationship));
      bmb_session_append_agenda_item (session, "Progress since last time");
      bmb_session_append_agenda_item (session, "Portfolio review");
      g_assert_true (bmb_mentoring_store_save_session (store, session, &error));
      g_ptr_array_add (sessions, session);
    }

  /* Records: every past meeting of the first series, then spread over the others. */
  for (guint r = 0; r < N_RECORDS; r++)
    {
      BmbSession *session = g_ptr_array_index (sessions, r < 259 ? 0 : 1 + r % (N_SERIES - 1));
      guint week = r < 259 ? r : (r * 7) % 259;
      g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Jakarta");
      g_autoptr(GDateTime) first = bmb_local_time_to_date_time (start, zone);
      g_autoptr(GDateTime) when = g_date_time_add_weeks (first, (int)week);
      g_autofree char *rid = g_date_time_format (when, "%Y-%m-%dT%H:%M:%S");
      g_autoptr(BmbMeeting) meeting = NULL;
      g_autofree char *notes = g_strdup_printf ("Meeting %u: went through the portfolio, week %u",
                                                r, week);

      meeting = bmb_mentoring_store_get_meeting (store, bmb_session_get_id (session), rid, &error);
      g_assert_no_error (error);
      bmb_meeting_set_notes (meeting, notes);
      bmb_meeting_append_action_item (meeting, BMB_ACTION_OWNER_MENTEE, "Update the portfolio");
      g_assert_true (bmb_mentoring_store_save_meeting (store, meeting, &error));
      if (r == 258)
        bench->recent = g_strdup (rid);
    }
  g_assert_true (bmb_database_commit (db, &error));

  bench->first_session = bmb_session_get_id (g_ptr_array_index (sessions, 0));
}

static void
history_first_page (gpointer data)
{
  Bench *bench = data;
  g_autoptr(GPtrArray) page = bmb_mentoring_store_list_past_meetings (bench->store, 1, NULL, NULL,
                                                                      PAGE, NULL);

  g_assert_cmpuint (page->len, ==, PAGE);
}

static void
history_tenth_page (gpointer data)
{
  Bench *bench = data;
  g_autoptr(BmbMeeting) after = NULL;

  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(GPtrArray) page = bmb_mentoring_store_list_past_meetings (bench->store, 1, NULL,
                                                                          after, PAGE, NULL);

      g_assert_cmpuint (page->len, ==, PAGE);
      g_clear_object (&after);
      after = g_object_ref (g_ptr_array_index (page, PAGE - 1));
    }
}

static void
history_all (gpointer data)
{
  Bench *bench = data;
  g_autoptr(GPtrArray) page = bmb_mentoring_store_list_past_meetings (bench->store, 0, NULL, NULL,
                                                                      PAGE, NULL);

  g_assert_cmpuint (page->len, ==, PAGE);
}

static void
search (gpointer data)
{
  Bench *bench = data;
  g_autoptr(GPtrArray) found = bmb_mentoring_store_search_meetings (bench->store, "portfolio week",
                                                                    0, PAGE, NULL);

  g_assert_cmpuint (found->len, ==, PAGE);
}

static void
one_meeting (gpointer data)
{
  Bench *bench = data;
  g_autoptr(BmbMeeting) meeting = bmb_mentoring_store_get_meeting (bench->store,
                                                                   bench->first_session,
                                                                   bench->recent, NULL);

  g_assert_true (bmb_meeting_get_has_record (meeting));
}

static void
carry_over (gpointer data)
{
  Bench *bench = data;
  g_autoptr(BmbMeeting) previous = NULL;
  g_autoptr(GPtrArray) agenda = NULL;
  g_autoptr(GPtrArray) actions = NULL;

  g_assert_true (bmb_mentoring_store_list_carry_over (bench->store, bench->first_session,
                                                      bench->recent, &previous, &agenda,
                                                      &actions, NULL));
  g_assert_nonnull (previous);
}

/* A version 2 database of the same shape, migrated. */
static double
migrate (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "v2.db", NULL);
  g_autofree char *start = series_start ();
  g_autoptr(BmbDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) sql = g_string_new ("BEGIN;");
  sqlite3 *raw = NULL;
  gint64 t0;

  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_string_append (sql, bmb_schema_get_migration_sql (1));
  g_string_append (sql, bmb_schema_get_migration_sql (2));
  g_string_append (sql, "PRAGMA user_version = 2;");
  for (guint i = 1; i <= N_SERIES; i++)
    {
      g_string_append_printf (sql,
                              "INSERT INTO contacts (id, uid, display_name, created_at, updated_at) "
                              "VALUES (%u, 'c%u', 'Mentee', 0, 0);"
                              "INSERT INTO relationships (id, mentee_id, created_at, updated_at) "
                              "VALUES (%u, %u, 0, 0);"
                              "INSERT INTO sessions (id, uid, relationship_id, title, start_local, "
                              "  tzid, notes, rrule, created_at, updated_at) VALUES (%u, 's%u', %u, "
                              "  'Weekly', '%s', 'Asia/Jakarta', 'Series notes', 'FREQ=WEEKLY', 0, 0);"
                              "INSERT INTO agenda_items (session_id, position, text, done) VALUES "
                              "  (%u, 0, 'Progress', 1), (%u, 1, 'Portfolio', 0);"
                              "INSERT INTO action_items (relationship_id, session_id, owner, text, "
                              "  created_at) VALUES (%u, %u, 'mentee', 'Update the CV', %u), "
                              "  (%u, %u, 'mentor', 'Find a reviewer', %" G_GINT64_FORMAT ");",
                              i, i, i, i, i, i, i, start, i, i, i, i, 1700000000u + i * 86400,
                              i, i, g_get_real_time () / G_USEC_PER_SEC - 86400);
    }
  g_string_append (sql, "COMMIT;");
  g_assert_cmpint (sqlite3_exec (raw, sql->str, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  t0 = g_get_monotonic_time ();
  db = bmb_database_open (path, &error);
  g_assert_no_error (error);

  return ms_since (t0);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("bench-meetings-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bimbing.db", NULL);
  g_autoptr(BmbDatabase) db = NULL;
  g_autoptr(BmbMentoringStore) store = NULL;
  g_autoptr(GError) error = NULL;
  Bench bench = { 0 };
  gint64 t0;

  g_setenv ("TZ", "Asia/Jakarta", TRUE);

  db = bmb_database_open (path, &error);
  g_assert_no_error (error);
  store = bmb_mentoring_store_new (db);
  bench.store = store;

  t0 = g_get_monotonic_time ();
  fill (db, store, &bench);
  g_print ("%u series of five years, %u meeting records saved in %.0f ms\n",
           N_SERIES, N_RECORDS, ms_since (t0));

  g_print ("history, one relationship, first page of %u:   %7.2f ms\n", PAGE,
           median_ms (history_first_page, &bench));
  g_print ("history, one relationship, pages 1 to 10:     %7.2f ms\n",
           median_ms (history_tenth_page, &bench));
  g_print ("history, every session, first page of %u:     %7.2f ms\n", PAGE,
           median_ms (history_all, &bench));
  g_print ("search \"portfolio week\", first %u meetings:   %7.2f ms\n", PAGE,
           median_ms (search, &bench));
  g_print ("one meeting's record:                        %7.2f ms\n",
           median_ms (one_meeting, &bench));
  g_print ("carry-over for a meeting:                    %7.2f ms\n",
           median_ms (carry_over, &bench));
  g_print ("migrating a version 2 database of %u series: %7.0f ms\n", N_SERIES, migrate (dir));

  g_clear_object (&store);
  g_clear_object (&db);
  g_free (bench.recent);

  {
    g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
    const char *name;

    while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);

        g_unlink (file);
      }
    g_rmdir (dir);
  }

  return 0;
}
