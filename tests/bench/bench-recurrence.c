/* bench-recurrence.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Expanding 1,000 weekly series (every one FREQ=WEEKLY: 52 or 53 starts a
 * year each, checked) over one year: with the recurrence engine alone, and
 * through the store (SQL, overrides, occurrence objects, sort), plus the
 * session reminders of one day; then a hostile database (200 FREQ=SECONDLY
 * series written through SQL) that must stay within one expansion budget.
 * Each figure is the median of RUNS runs after one warm-up run. Prints
 * figures; never fails.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "bmb-mentoring-private.h"
#include "bmb-mentoring-store.h"
#include "bmb-recurrence.h"
#include "bmb-session-reminders.h"

#define N_SERIES  1000
#define N_HOSTILE 200
#define RUNS      5
#define RULE      "FREQ=WEEKLY"

static const char * const zones[] = {
  "Asia/Jakarta", "Europe/Berlin", "America/New_York", "Asia/Makassar", "Australia/Sydney",
};

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static char *
start_for (guint i)
{
  /* Starts spread over the year before the window, at various times. */
  g_autoptr(GDateTime) base = g_date_time_new_utc (2025, 1, 6, 8, 0, 0);
  g_autoptr(GDateTime) start = g_date_time_add_full (base, 0, 0, (int)(i % 365), (int)(i % 10), (i % 4) * 15, 0);

  return g_date_time_format (start, "%Y-%m-%dT%H:%M:%S");
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a;
  double y = *(const double *)b;

  return x < y ? -1 : x > y ? 1 : 0;
}

/* Runs @func once to warm up (caches, page cache, lazy zone loading), then
 * RUNS times; returns the median in ms and the last result in @out. */
typedef guint (*BenchFunc) (gpointer data);

static double
median_ms (BenchFunc  func,
           gpointer   data,
           guint     *out)
{
  double times[RUNS];

  *out = func (data);
  for (guint i = 0; i < RUNS; i++)
    {
      gint64 t0 = g_get_monotonic_time ();

      *out = func (data);
      times[i] = ms_since (t0);
    }
  qsort (times, RUNS, sizeof (double), compare_doubles);

  return times[RUNS / 2];
}

typedef struct
{
  GTimeZone         *tz[G_N_ELEMENTS (zones)];
  GDateTime         *from;
  GDateTime         *to;
  BmbMentoringStore *store;
  BmbSessionReminders *reminders;
  guint              min_per_series;
  guint              max_per_series;
  guint              n_incomplete;
} Bench;

static guint
run_engine (gpointer data)
{
  Bench *b = data;
  guint total = 0;

  b->min_per_series = G_MAXUINT;
  b->max_per_series = 0;

  for (guint i = 0; i < N_SERIES; i++)
    {
      g_autofree char *start = start_for (i);
      g_autoptr(GPtrArray) starts = NULL;
      g_autoptr(GError) error = NULL;

      starts = bmb_recurrence_expand_list (RULE, start, b->tz[i % G_N_ELEMENTS (zones)], NULL,
                                           g_date_time_to_unix (b->from),
                                           g_date_time_to_unix (b->to), &error);
      g_assert_no_error (error);
      total += starts->len;
      b->min_per_series = MIN (b->min_per_series, starts->len);
      b->max_per_series = MAX (b->max_per_series, starts->len);
    }

  return total;
}

static guint
run_store (gpointer data)
{
  Bench *b = data;
  g_autoptr(GPtrArray) occurrences = NULL;
  g_autoptr(GError) error = NULL;

  occurrences = bmb_mentoring_store_list_occurrences (b->store, 0, b->from, b->to, &error);
  g_assert_no_error (error);

  return occurrences->len;
}

static guint
run_reminders (gpointer data)
{
  Bench *b = data;
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GError) error = NULL;

  due = bmb_reminder_source_list_reminders (BMB_REMINDER_SOURCE (b->reminders),
                                            g_date_time_to_unix (b->from) + 180 * 86400,
                                            g_date_time_to_unix (b->from) + 181 * 86400, &error);
  g_assert_no_error (error);

  return due->len;
}

static guint
run_store_full (gpointer data)
{
  Bench *b = data;
  g_autoptr(GPtrArray) occurrences = NULL;
  g_autoptr(GPtrArray) incomplete = NULL;
  g_autoptr(GError) error = NULL;

  occurrences = bmb_mentoring_store_list_occurrences_full (b->store, 0, b->from, b->to,
                                                           &incomplete, &error);
  g_assert_no_error (error);
  b->n_incomplete = incomplete->len;

  return occurrences->len;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbDatabase) db = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  Bench b = { { NULL } };
  BmbExpansionBudget budget = BMB_EXPANSION_BUDGET_INIT;
  guint n;
  gint64 t0;
  double ms, insert_ms;

  g_setenv ("TZ", "Asia/Jakarta", TRUE);

  for (guint z = 0; z < G_N_ELEMENTS (zones); z++)
    b.tz[z] = g_time_zone_new_identifier (zones[z]);
  b.from = g_date_time_new_utc (2026, 1, 1, 0, 0, 0);
  b.to = g_date_time_new_utc (2027, 1, 1, 0, 0, 0);

  g_print ("median of %d runs after one warm-up run\n", RUNS);

  /* 1. The recurrence engine alone. */
  ms = median_ms (run_engine, &b, &n);
  g_print ("recurrence engine: %d series " RULE " over one year: %u occurrences "
           "(%u to %u per series) in %.1f ms\n",
           N_SERIES, n, b.min_per_series, b.max_per_series, ms);
  if (b.min_per_series < 52 || b.max_per_series > 53)
    g_print ("  warning: not weekly\n");

  /* 2. Through the store. */
  dir = g_dir_make_tmp ("bimbing-bench-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "bench.db", NULL);
  db = bmb_database_open (path, &error);
  g_assert_no_error (error);
  b.store = bmb_mentoring_store_new (db);

  t0 = g_get_monotonic_time ();
  g_assert_true (bmb_database_begin (db, &error));
  for (guint i = 0; i < N_SERIES; i++)
    {
      g_autoptr(BmbSession) session = bmb_session_new ();
      g_autofree char *start = start_for (i);
      g_autofree char *title = g_strdup_printf ("Mentoring %u", i);
      const int offsets[] = { 15, 1440 };

      bmb_session_set_title (session, title);
      bmb_session_set_start_local (session, start);
      bmb_session_set_tzid (session, zones[i % G_N_ELEMENTS (zones)]);
      bmb_session_set_rrule (session, RULE);
      bmb_session_set_reminders (session, offsets, G_N_ELEMENTS (offsets));
      g_assert_true (bmb_mentoring_store_save_session (b.store, session, &error));
    }
  g_assert_true (bmb_database_commit (db, &error));
  insert_ms = ms_since (t0);
  g_print ("store: saving %d series (one transaction, once): %.1f ms\n", N_SERIES, insert_ms);

  ms = median_ms (run_store, &b, &n);
  g_print ("store: list_occurrences for one year: %u occurrences in %.1f ms\n", n, ms);

  b.reminders = bmb_session_reminders_new (b.store);
  ms = median_ms (run_reminders, &b, &n);
  g_print ("session reminders for one day: %u reminders in %.1f ms\n", n, ms);

  /* 3. A hostile database: 200 FREQ=SECONDLY series as an old database
   * could hold them (saving refuses them now). */
  g_assert_true (bmb_database_begin (db, &error));
  for (guint i = 0; i < N_HOSTILE; i++)
    {
      sqlite3_stmt *stmt;
      g_autofree char *uid = g_strdup_printf ("hostile-%u", i);

      stmt = bmb_database_prepare (db,
                                   "INSERT INTO sessions (uid, title, start_local, tzid, rrule, "
                                   "  created_at, updated_at) VALUES "
                                   "(?1, 'Every second', '2025-01-01T00:00:00', 'Asia/Jakarta', "
                                   "'FREQ=SECONDLY', 0, 0)", &error);
      g_assert_no_error (error);
      sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_TRANSIENT);
      g_assert_true (bmb_database_step_done (db, stmt, &error));
    }
  g_assert_true (bmb_database_commit (db, &error));

  ms = median_ms (run_store_full, &b, &n);
  sessions = bmb_mentoring_store_list_sessions (b.store, 0, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
    g_autoptr(GPtrArray) incomplete = g_ptr_array_new_with_free_func (g_object_unref);

    g_assert_true (_bmb_mentoring_store_expand (b.store, sessions, g_date_time_to_unix (b.from),
                                                g_date_time_to_unix (b.to), &budget, out,
                                                incomplete, &error));
  }
  g_print ("store: list_occurrences_full for one year with %d FREQ=SECONDLY series added: "
           "%u occurrences, %u series reported incomplete, %u of %u steps, in %.1f ms\n",
           N_HOSTILE, n, b.n_incomplete, budget.used, budget.limit, ms);

  g_clear_object (&b.reminders);
  g_clear_object (&b.store);
  g_clear_object (&db);
  remove_dir (dir);
  for (guint z = 0; z < G_N_ELEMENTS (zones); z++)
    g_time_zone_unref (b.tz[z]);
  g_date_time_unref (b.from);
  g_date_time_unref (b.to);

  return 0;
}
