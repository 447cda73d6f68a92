/* bench-recurrence.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Expanding 1,000 weekly series over one year: with the recurrence engine
 * alone, and through the store (SQL, overrides, occurrence objects, sort),
 * plus the session reminders of one day. Prints figures; never fails.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "bmb-mentoring-store.h"
#include "bmb-recurrence.h"
#include "bmb-session-reminders.h"

#define N_SERIES 1000

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
  g_autoptr(GDateTime) from = g_date_time_new_utc (2026, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) to = g_date_time_new_utc (2027, 1, 1, 0, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbDatabase) db = NULL;
  g_autoptr(BmbMentoringStore) store = NULL;
  g_autoptr(BmbSessionReminders) reminders = NULL;
  g_autoptr(GPtrArray) occurrences = NULL;
  g_autoptr(GPtrArray) due = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  GTimeZone *tz[G_N_ELEMENTS (zones)];
  guint total = 0;
  gint64 t0;
  double engine_ms, insert_ms, store_ms, reminders_ms;

  g_setenv ("TZ", "Asia/Jakarta", TRUE);

  for (guint z = 0; z < G_N_ELEMENTS (zones); z++)
    tz[z] = g_time_zone_new_identifier (zones[z]);

  /* 1. The recurrence engine alone. */
  t0 = g_get_monotonic_time ();
  for (guint i = 0; i < N_SERIES; i++)
    {
      g_autofree char *start = start_for (i);
      g_autoptr(GPtrArray) starts = NULL;

      starts = bmb_recurrence_expand_list (i % 2 ? "FREQ=WEEKLY" : "FREQ=WEEKLY;INTERVAL=2",
                                           start, tz[i % G_N_ELEMENTS (zones)], NULL,
                                           g_date_time_to_unix (from), g_date_time_to_unix (to),
                                           &error);
      g_assert_no_error (error);
      total += starts->len;
    }
  engine_ms = ms_since (t0);

  /* 2. Through the store. */
  dir = g_dir_make_tmp ("bimbing-bench-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "bench.db", NULL);
  db = bmb_database_open (path, &error);
  g_assert_no_error (error);
  store = bmb_mentoring_store_new (db);

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
      bmb_session_set_rrule (session, i % 2 ? "FREQ=WEEKLY" : "FREQ=WEEKLY;INTERVAL=2");
      bmb_session_set_reminders (session, offsets, G_N_ELEMENTS (offsets));
      g_assert_true (bmb_mentoring_store_save_session (store, session, &error));
    }
  g_assert_true (bmb_database_commit (db, &error));
  insert_ms = ms_since (t0);

  t0 = g_get_monotonic_time ();
  occurrences = bmb_mentoring_store_list_occurrences (store, 0, from, to, &error);
  g_assert_no_error (error);
  store_ms = ms_since (t0);

  reminders = bmb_session_reminders_new (store);
  t0 = g_get_monotonic_time ();
  due = bmb_reminder_source_list_reminders (BMB_REMINDER_SOURCE (reminders),
                                            g_date_time_to_unix (from) + 180 * 86400,
                                            g_date_time_to_unix (from) + 181 * 86400, &error);
  g_assert_no_error (error);
  reminders_ms = ms_since (t0);

  g_print ("recurrence engine: %d weekly series over one year: %u occurrences in %.1f ms\n",
           N_SERIES, total, engine_ms);
  g_print ("store: saving %d series (one transaction): %.1f ms\n", N_SERIES, insert_ms);
  g_print ("store: list_occurrences for one year: %u occurrences in %.1f ms\n",
           occurrences->len, store_ms);
  g_print ("session reminders for one day: %u reminders in %.1f ms\n", due->len, reminders_ms);

  g_clear_object (&reminders);
  g_clear_object (&store);
  g_clear_object (&db);
  remove_dir (dir);
  for (guint z = 0; z < G_N_ELEMENTS (zones); z++)
    g_time_zone_unref (tz[z]);

  return 0;
}
