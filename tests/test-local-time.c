/* test-local-time.c — the stored date and wall-clock forms
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bmb-local-time.h"

static void
test_dates (void)
{
  const char *bad[] = {
    "", "2026-13-01", "2026-02-30", "2026-2-3", "24/11/2026", "2026-11-24x", " 2026-11-24",
    "-026-11-05", "+026-11-05", "0000-01-01", "2026-11-24T10:00", "２０２６-11-24",
  };
  BmbLocalTime t;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_false (bmb_local_date_parse (bad[i], &t));
  g_assert_false (bmb_local_date_is_valid (NULL));

  g_assert_true (bmb_local_date_parse ("2028-02-29", &t));
  g_assert_cmpint (t.year, ==, 2028);
  g_assert_cmpint (t.month, ==, 2);
  g_assert_cmpint (t.day, ==, 29);
  g_assert_true (bmb_local_date_is_valid ("0001-01-01"));
  g_assert_true (bmb_local_date_is_valid ("9999-12-31"));
}

static void
test_times (void)
{
  const char *bad[] = {
    "2026-11-24", "2026-11-24T24:00", "2026-11-24T10:60", "2026-11-24T10:00:60",
    "2026-11-24 10:00", "2026-11-24T10:00Z", "2026-11-24T1:00", "2026-11-24T10:00:0",
    "2026-02-30T10:00",
  };
  BmbLocalTime t;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_false (bmb_local_time_parse (bad[i], &t));

  g_assert_true (bmb_local_time_parse ("2026-11-24T23:59:58", &t));
  g_assert_cmpint (t.hour, ==, 23);
  g_assert_cmpint (t.minute, ==, 59);
  g_assert_cmpint (t.second, ==, 58);

  /* The seconds may be left out. */
  g_assert_true (bmb_local_time_parse ("2026-11-24T07:30", &t));
  g_assert_cmpint (t.hour, ==, 7);
  g_assert_cmpint (t.minute, ==, 30);
  g_assert_cmpint (t.second, ==, 0);
}

static void
test_to_date_time (void)
{
  g_autoptr(GTimeZone) jakarta = g_time_zone_new_identifier ("Asia/Jakarta");
  g_autoptr(GDateTime) dt = bmb_local_date_to_date_time ("2026-12-07", jakarta, 9);
  g_autofree char *text = NULL;
  g_autofree char *back = NULL;

  g_assert_nonnull (dt);
  text = g_date_time_format_iso8601 (dt);
  g_assert_cmpstr (text, ==, "2026-12-07T09:00:00+07");
  back = bmb_local_date_format (dt);
  g_assert_cmpstr (back, ==, "2026-12-07");
  g_assert_null (bmb_local_date_to_date_time ("2026-12-32", jakarta, 9));
}

/* The day in a zone, without a GDateTime for it: the same day as converting would give,
 * around midnight on both sides of UTC and before 1970. */
static void
test_day_in_zone (void)
{
  static const char * const zones[] = { "Asia/Jakarta", "America/New_York", "UTC",
                                        "Pacific/Kiritimati", "Pacific/Pago_Pago" };
  static const gint64 instants[] = { 0, 1, -1, 86399, 86400, -86400, -86401,
                                     1796687100, 1796687100 + 43200, -2000000000 };

  for (guint z = 0; z < G_N_ELEMENTS (zones); z++)
    {
      g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (zones[z]);

      g_assert_nonnull (zone);
      for (guint i = 0; i < G_N_ELEMENTS (instants); i++)
        {
          g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (instants[i]);
          g_autoptr(GDateTime) there = g_date_time_to_timezone (utc, zone);
          GDate a, b;
          gint64 expected;

          g_date_clear (&a, 1);
          g_date_clear (&b, 1);
          g_date_set_dmy (&a, 1, 1, 1970);
          g_date_set_dmy (&b, g_date_time_get_day_of_month (there), g_date_time_get_month (there),
                          g_date_time_get_year (there));
          expected = (gint64)g_date_get_julian (&b) - (gint64)g_date_get_julian (&a);
          g_assert_cmpint (bmb_date_time_get_day_in_zone (utc, zone), ==, expected);
          g_assert_cmpint (bmb_date_time_get_day_in_zone (there, zone), ==, expected);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/local-time/dates", test_dates);
  g_test_add_func ("/local-time/day-in-zone", test_day_in_zone);
  g_test_add_func ("/local-time/times", test_times);
  g_test_add_func ("/local-time/to-date-time", test_to_date_time);

  return g_test_run ();
}
