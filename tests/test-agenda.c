/* test-agenda.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "bmb-agenda.h"
#include "bmb-test-utils.h"

typedef struct
{
  BmbDatabase       *db;
  BmbMentoringStore *store;
} Fixture;

static gint64
add_session (Fixture    *fixture,
             const char *title,
             const char *start_local,
             const char *tzid,
             const char *rrule)
{
  g_autoptr(BmbSession) session = bmb_session_new ();
  g_autoptr(GError) error = NULL;

  bmb_session_set_title (session, title);
  bmb_session_set_start_local (session, start_local);
  bmb_session_set_tzid (session, tzid);
  bmb_session_set_rrule (session, rrule);
  g_assert_true (bmb_mentoring_store_save_session (fixture->store, session, &error));
  g_assert_no_error (error);

  return bmb_session_get_id (session);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->db = bmb_test_open_tmp_database (NULL);
  fixture->store = bmb_mentoring_store_new (fixture->db);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->db);
}

static char *
print_agenda (Fixture    *fixture,
              const char *from_text,
              guint       days,
              GTimeZone  *zone)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  GDate from;

  g_assert_true (bmb_agenda_parse_date (from_text, &from, &error));
  g_assert_true (bmb_agenda_print (fixture->store, &from, days, zone, out, &error));
  g_assert_no_error (error);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_agenda_jakarta (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *week = NULL;
  g_autofree char *one_day = NULL;
  g_autofree char *empty = NULL;
  g_autoptr(GError) error = NULL;
  gint64 weekly;

  weekly = add_session (fixture, "Weekly with Siti", "2026-11-03T10:00:00", "Asia/Jakarta",
                        "FREQ=WEEKLY;BYDAY=TU");
  add_session (fixture, "Call with Dana", "2026-11-10T09:00:00", "America/New_York",
               "FREQ=MONTHLY;BYDAY=-1TU");
  add_session (fixture, "Kopi\tdengan\nBudi", "2026-11-27T07:30:00", "Asia/Jakarta", NULL);
  /* Started the evening before: not part of the agenda from the 23rd. */
  add_session (fixture, "Malam sebelumnya", "2026-11-22T23:30:00", "Asia/Jakarta", NULL);
  g_assert_true (bmb_mentoring_store_set_occurrence_status (fixture->store, weekly,
                                                            "2026-12-01T10:00:00",
                                                            BMB_SESSION_STATUS_CANCELLED, &error));

  /* The zone of the environment: TZ=Asia/Jakarta. */
  week = print_agenda (fixture, "2026-11-23", 7, NULL);
  g_assert_cmpstr (week, ==,
                   "2026-11-24T10:00+07:00\tWeekly with Siti\n"
                   "2026-11-24T21:00+07:00\tCall with Dana\n"
                   "2026-11-27T07:30+07:00\tKopi dengan Budi\n");

  /* The cancelled 1 December is left out; the 8th is there. */
  one_day = print_agenda (fixture, "2026-12-01", 8, NULL);
  g_assert_cmpstr (one_day, ==, "2026-12-08T10:00+07:00\tWeekly with Siti\n");

  empty = print_agenda (fixture, "2026-11-25", 1, NULL);
  g_assert_cmpstr (empty, ==, "");
}

static void
test_agenda_dst_week (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GTimeZone) new_york = g_time_zone_new_identifier ("America/New_York");
  g_autofree char *week = NULL;

  add_session (fixture, "Monday mentoring", "2026-10-26T10:00:00", "America/New_York",
               "FREQ=WEEKLY;BYDAY=MO");
  add_session (fixture, "Jakarta evening", "2026-10-29T20:00:00", "Asia/Jakarta",
               "FREQ=DAILY;COUNT=6");

  /* US clocks go back on Sunday 1 November 2026: New York's 10:00 stays
   * 10:00; Jakarta's 20:00 moves from 09:00 to 08:00 New York time. */
  week = print_agenda (fixture, "2026-10-29", 7, new_york);
  g_assert_cmpstr (week, ==,
                   "2026-10-29T09:00-04:00\tJakarta evening\n"
                   "2026-10-30T09:00-04:00\tJakarta evening\n"
                   "2026-10-31T09:00-04:00\tJakarta evening\n"
                   "2026-11-01T08:00-05:00\tJakarta evening\n"
                   "2026-11-02T08:00-05:00\tJakarta evening\n"
                   "2026-11-02T10:00-05:00\tMonday mentoring\n"
                   "2026-11-03T08:00-05:00\tJakarta evening\n");
}

static void
test_agenda_from_today (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GTimeZone) jakarta = g_time_zone_new_identifier ("Asia/Jakarta");
  g_autoptr(GDateTime) now = g_date_time_new_now (jakarta);
  g_autoptr(GDateTime) soon = g_date_time_add_hours (now, 1);
  g_autoptr(GDateTime) start = g_date_time_new (jakarta, g_date_time_get_year (soon),
                                                g_date_time_get_month (soon),
                                                g_date_time_get_day_of_month (soon),
                                                g_date_time_get_hour (soon), 0, 0);
  g_autofree char *local = g_date_time_format (start, "%Y-%m-%dT%H:%M:%S");
  g_autofree char *expected = g_date_time_format (start, "%Y-%m-%dT%H:%M%:z\tSoon\n");
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  add_session (fixture, "Soon", local, "Asia/Jakarta", NULL);
  g_assert_true (bmb_agenda_print (fixture->store, NULL, 2, NULL, out, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (out->str, ==, expected);
}

/* GDateTime ends on 9999-12-31: a range that runs past it stops there instead of crashing. */
static void
test_agenda_end_of_time (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *empty = NULL;
  g_autofree char *last = NULL;

  empty = print_agenda (fixture, "9990-01-01", 3660, NULL);
  g_assert_cmpstr (empty, ==, "");

  add_session (fixture, "Last meeting", "9999-12-31T10:00:00", "Asia/Jakarta", NULL);
  last = print_agenda (fixture, "9999-12-31", 1, NULL);
  g_assert_cmpstr (last, ==, "9999-12-31T10:00+07:00\tLast meeting\n");
}

static void
test_parse_date (void)
{
  const char *bad[] = { "2026-13-01", "2026-02-30", "24/11/2026", "2026-11-24x", "", "tomorrow", "-026-11-05", "0000-01-01", "+026-11-05" };
  GDate date;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (bmb_agenda_parse_date (bad[i], &date, &error));
      g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
    }

  g_assert_true (bmb_agenda_parse_date ("2028-02-29", &date, NULL));
  g_assert_cmpint (g_date_get_day (&date), ==, 29);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Jakarta", TRUE);
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/agenda/jakarta", Fixture, NULL, fixture_set_up, test_agenda_jakarta, fixture_tear_down);
  g_test_add ("/agenda/dst-week", Fixture, NULL, fixture_set_up, test_agenda_dst_week, fixture_tear_down);
  g_test_add ("/agenda/from-today", Fixture, NULL, fixture_set_up, test_agenda_from_today, fixture_tear_down);
  g_test_add ("/agenda/end-of-time", Fixture, NULL, fixture_set_up, test_agenda_end_of_time, fixture_tear_down);
  g_test_add_func ("/agenda/parse-date", test_parse_date);

  return g_test_run ();
}
