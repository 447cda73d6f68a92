/* test-recurrence.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "bmb-recurrence-private.h"
#include "bmb-recurrence.h"
#include "bmb-session.h"

static gint64
unix_at (const char *tzid,
         int         y,
         int         mo,
         int         d,
         int         h,
         int         mi)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (tzid);
  g_autoptr(GDateTime) dt = NULL;

  g_assert_nonnull (zone);
  dt = g_date_time_new (zone, y, mo, d, h, mi, 0);
  g_assert_nonnull (dt);

  return g_date_time_to_unix (dt);
}

/* The starts as "YYYY-MM-DDTHH:MM+HH:MM", joined by spaces. */
static char *
expand_to_string (const char         *rrule,
                  const char         *start_local,
                  const char         *tzid,
                  const char * const *exdates,
                  gint64              from,
                  gint64              to)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (tzid);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) starts = NULL;
  g_autoptr(GString) str = g_string_new (NULL);

  g_assert_nonnull (zone);
  starts = bmb_recurrence_expand_list (rrule, start_local, zone, exdates, from, to, &error);
  g_assert_no_error (error);
  g_assert_nonnull (starts);

  for (guint i = 0; i < starts->len; i++)
    {
      g_autofree char *text = g_date_time_format (g_ptr_array_index (starts, i), "%Y-%m-%dT%H:%M%:z");

      if (i > 0)
        g_string_append_c (str, ' ');
      g_string_append (str, text);
    }

  return g_string_free (g_steal_pointer (&str), FALSE);
}

static void
test_weekly (void)
{
  g_autofree char *result = NULL;

  result = expand_to_string ("FREQ=WEEKLY;BYDAY=TU", "2026-01-06T10:00:00", "Asia/Jakarta", NULL,
                             unix_at ("Asia/Jakarta", 2026, 1, 1, 0, 0),
                             unix_at ("Asia/Jakarta", 2026, 2, 1, 0, 0));
  g_assert_cmpstr (result, ==,
                   "2026-01-06T10:00+07:00 2026-01-13T10:00+07:00 "
                   "2026-01-20T10:00+07:00 2026-01-27T10:00+07:00");
}

static void
test_window_is_half_open (void)
{
  g_autofree char *result = NULL;

  /* [from, to): an occurrence exactly at `to` is left out, one at `from` kept. */
  result = expand_to_string ("FREQ=WEEKLY", "2026-01-06T10:00:00", "Asia/Jakarta", NULL,
                             unix_at ("Asia/Jakarta", 2026, 1, 13, 10, 0),
                             unix_at ("Asia/Jakarta", 2026, 1, 27, 10, 0));
  g_assert_cmpstr (result, ==, "2026-01-13T10:00+07:00 2026-01-20T10:00+07:00");
}

static void
test_biweekly (void)
{
  g_autofree char *result = NULL;

  /* The window starts in an "off" week: the 2-week rhythm keeps its phase. */
  result = expand_to_string ("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", "2026-01-06T10:00:00",
                             "Asia/Jakarta", NULL,
                             unix_at ("Asia/Jakarta", 2026, 3, 1, 0, 0),
                             unix_at ("Asia/Jakarta", 2026, 4, 1, 0, 0));
  g_assert_cmpstr (result, ==,
                   "2026-03-03T10:00+07:00 2026-03-17T10:00+07:00 2026-03-31T10:00+07:00");
}

static void
test_monthly_weekday (void)
{
  g_autofree char *second = NULL;
  g_autofree char *last = NULL;

  second = expand_to_string ("FREQ=MONTHLY;BYDAY=2TU", "2026-01-13T19:30:00", "Asia/Jakarta", NULL,
                             unix_at ("Asia/Jakarta", 2026, 1, 1, 0, 0),
                             unix_at ("Asia/Jakarta", 2026, 7, 1, 0, 0));
  g_assert_cmpstr (second, ==,
                   "2026-01-13T19:30+07:00 2026-02-10T19:30+07:00 2026-03-10T19:30+07:00 "
                   "2026-04-14T19:30+07:00 2026-05-12T19:30+07:00 2026-06-09T19:30+07:00");

  last = expand_to_string ("FREQ=MONTHLY;BYDAY=-1FR", "2026-01-30T09:00:00", "Asia/Jakarta", NULL,
                           unix_at ("Asia/Jakarta", 2026, 1, 1, 0, 0),
                           unix_at ("Asia/Jakarta", 2026, 5, 1, 0, 0));
  g_assert_cmpstr (last, ==,
                   "2026-01-30T09:00+07:00 2026-02-27T09:00+07:00 "
                   "2026-03-27T09:00+07:00 2026-04-24T09:00+07:00");
}

static void
test_monthly_31st (void)
{
  g_autofree char *result = NULL;

  /* RFC 5545: months without a 31st are skipped, not clamped. */
  result = expand_to_string ("FREQ=MONTHLY;BYMONTHDAY=31", "2026-01-31T08:00:00", "Asia/Jakarta",
                             NULL,
                             unix_at ("Asia/Jakarta", 2026, 1, 1, 0, 0),
                             unix_at ("Asia/Jakarta", 2027, 1, 1, 0, 0));
  g_assert_cmpstr (result, ==,
                   "2026-01-31T08:00+07:00 2026-03-31T08:00+07:00 2026-05-31T08:00+07:00 "
                   "2026-07-31T08:00+07:00 2026-08-31T08:00+07:00 2026-10-31T08:00+07:00 "
                   "2026-12-31T08:00+07:00");
}

static void
test_exdate (void)
{
  const char * const exdates[] = { "2026-01-13T10:00:00", "2026-01-27T10:00:00", NULL };
  g_autofree char *result = NULL;

  result = expand_to_string ("FREQ=WEEKLY", "2026-01-06T10:00:00", "Asia/Jakarta", exdates,
                             unix_at ("Asia/Jakarta", 2026, 1, 1, 0, 0),
                             unix_at ("Asia/Jakarta", 2026, 2, 1, 0, 0));
  g_assert_cmpstr (result, ==, "2026-01-06T10:00+07:00 2026-01-20T10:00+07:00");
}

static void
test_count_and_until (void)
{
  g_autofree char *count = NULL;
  g_autofree char *until = NULL;
  g_autofree char *until_date = NULL;

  /* COUNT counts from the start even when the window begins later. */
  count = expand_to_string ("FREQ=WEEKLY;COUNT=3", "2026-01-06T10:00:00", "Asia/Jakarta", NULL,
                            unix_at ("Asia/Jakarta", 2026, 1, 10, 0, 0),
                            unix_at ("Asia/Jakarta", 2027, 1, 1, 0, 0));
  g_assert_cmpstr (count, ==, "2026-01-13T10:00+07:00 2026-01-20T10:00+07:00");

  /* UNTIL in UTC is the end of 20 January in Jakarta (16:59:59Z). */
  until = expand_to_string ("FREQ=WEEKLY;UNTIL=20260120T165959Z", "2026-01-06T10:00:00",
                            "Asia/Jakarta", NULL,
                            unix_at ("Asia/Jakarta", 2026, 1, 1, 0, 0),
                            unix_at ("Asia/Jakarta", 2027, 1, 1, 0, 0));
  g_assert_cmpstr (until, ==,
                   "2026-01-06T10:00+07:00 2026-01-13T10:00+07:00 2026-01-20T10:00+07:00");

  /* A DATE UNTIL is inclusive. */
  until_date = expand_to_string ("FREQ=WEEKLY;UNTIL=20260113", "2026-01-06T10:00:00",
                                 "Asia/Jakarta", NULL,
                                 unix_at ("Asia/Jakarta", 2026, 1, 1, 0, 0),
                                 unix_at ("Asia/Jakarta", 2027, 1, 1, 0, 0));
  g_assert_cmpstr (until_date, ==, "2026-01-06T10:00+07:00 2026-01-13T10:00+07:00");
}

static void
test_dst_new_york (void)
{
  g_autofree char *spring = NULL;
  g_autofree char *autumn = NULL;
  g_autofree char *gap = NULL;
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("America/New_York");
  g_autoptr(GDateTime) glib_gap = g_date_time_new (zone, 2026, 3, 8, 2, 30, 0);
  g_autofree char *glib_gap_text = g_date_time_format (glib_gap, "%Y-%m-%dT%H:%M%:z");

  /* 10:00 stays 10:00 local on both sides of 8 March 2026. */
  spring = expand_to_string ("FREQ=WEEKLY;BYDAY=MO", "2026-02-23T10:00:00", "America/New_York",
                             NULL,
                             unix_at ("America/New_York", 2026, 3, 1, 0, 0),
                             unix_at ("America/New_York", 2026, 3, 17, 0, 0));
  g_assert_cmpstr (spring, ==,
                   "2026-03-02T10:00-05:00 2026-03-09T10:00-04:00 2026-03-16T10:00-04:00");

  autumn = expand_to_string ("FREQ=WEEKLY;BYDAY=MO", "2026-02-23T10:00:00", "America/New_York",
                             NULL,
                             unix_at ("America/New_York", 2026, 10, 20, 0, 0),
                             unix_at ("America/New_York", 2026, 11, 10, 0, 0));
  g_assert_cmpstr (autumn, ==,
                   "2026-10-26T10:00-04:00 2026-11-02T10:00-05:00 2026-11-09T10:00-05:00");

  /* 02:30 does not exist on 8 March: it moves forward exactly as GLib
   * moves it, and the days around keep 02:30. */
  gap = expand_to_string ("FREQ=DAILY", "2026-03-06T02:30:00", "America/New_York", NULL,
                          unix_at ("America/New_York", 2026, 3, 7, 0, 0),
                          unix_at ("America/New_York", 2026, 3, 10, 0, 0));
  g_assert_cmpstr (glib_gap_text, ==, "2026-03-08T03:00-04:00");
  {
    g_autofree char *expected = g_strdup_printf ("2026-03-07T02:30-05:00 %s 2026-03-09T02:30-04:00",
                                                 glib_gap_text);
    g_assert_cmpstr (gap, ==, expected);
  }
}

static void
test_dst_berlin (void)
{
  g_autofree char *result = NULL;

  result = expand_to_string ("FREQ=WEEKLY;BYDAY=TH", "2026-03-19T18:00:00", "Europe/Berlin", NULL,
                             unix_at ("Europe/Berlin", 2026, 3, 19, 0, 0),
                             unix_at ("Europe/Berlin", 2026, 4, 3, 0, 0));
  g_assert_cmpstr (result, ==,
                   "2026-03-19T18:00+01:00 2026-03-26T18:00+01:00 2026-04-02T18:00+02:00");

  g_clear_pointer (&result, g_free);
  result = expand_to_string ("FREQ=WEEKLY;BYDAY=TH", "2026-03-19T18:00:00", "Europe/Berlin", NULL,
                             unix_at ("Europe/Berlin", 2026, 10, 20, 0, 0),
                             unix_at ("Europe/Berlin", 2026, 11, 1, 0, 0));
  g_assert_cmpstr (result, ==, "2026-10-22T18:00+02:00 2026-10-29T18:00+01:00");
}

static void
test_jakarta_utc_instants (void)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Jakarta");
  g_autoptr(GPtrArray) starts = NULL;
  g_autoptr(GError) error = NULL;

  /* No DST: always 03:00 UTC for 10:00 WIB, across the whole year. */
  starts = bmb_recurrence_expand_list ("FREQ=WEEKLY;BYDAY=TU", "2026-01-06T10:00:00", zone, NULL,
                                       unix_at ("Asia/Jakarta", 2026, 1, 1, 0, 0),
                                       unix_at ("Asia/Jakarta", 2027, 1, 1, 0, 0), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (starts->len, ==, 52);
  for (guint i = 0; i < starts->len; i++)
    {
      g_autoptr(GDateTime) utc = g_date_time_to_utc (g_ptr_array_index (starts, i));

      g_assert_cmpint (g_date_time_get_hour (utc), ==, 3);
      g_assert_cmpint (g_date_time_get_day_of_week (utc), ==, 2);
    }
}

static void
test_single (void)
{
  g_autofree char *inside = NULL;
  g_autofree char *outside = NULL;

  inside = expand_to_string (NULL, "2026-01-06T10:00:00", "Asia/Jakarta", NULL,
                             unix_at ("Asia/Jakarta", 2026, 1, 1, 0, 0),
                             unix_at ("Asia/Jakarta", 2026, 2, 1, 0, 0));
  g_assert_cmpstr (inside, ==, "2026-01-06T10:00+07:00");

  outside = expand_to_string (NULL, "2026-01-06T10:00:00", "Asia/Jakarta", NULL,
                              unix_at ("Asia/Jakarta", 2026, 2, 1, 0, 0),
                              unix_at ("Asia/Jakarta", 2026, 3, 1, 0, 0));
  g_assert_cmpstr (outside, ==, "");
}

/* Jumping to the window (icalrecur_iterator_set_start) must give the same
 * occurrences as walking from the start. */
static void
test_jump_matches_walk (void)
{
  const char *rules[] = {
    "FREQ=DAILY", "FREQ=DAILY;INTERVAL=3", "FREQ=WEEKLY", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU",
    "FREQ=WEEKLY;INTERVAL=3;BYDAY=MO,TH", "FREQ=MONTHLY;BYDAY=2TU", "FREQ=MONTHLY;BYDAY=-1FR",
    "FREQ=MONTHLY;BYMONTHDAY=31", "FREQ=MONTHLY;INTERVAL=5", "FREQ=WEEKLY;UNTIL=20270301T000000Z",
    /* Fixed periods restart at their last start before the window, COUNT reduced. */
    "FREQ=HOURLY;INTERVAL=5", "FREQ=HOURLY;INTERVAL=13;COUNT=1500", "FREQ=MINUTELY;INTERVAL=1441",
    "FREQ=SECONDLY;INTERVAL=86401", "FREQ=DAILY;INTERVAL=3;COUNT=300",
    "FREQ=WEEKLY;BYDAY=TU;COUNT=100", "FREQ=WEEKLY;INTERVAL=2;COUNT=60",
  };
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Berlin");
  gint64 start = unix_at ("Europe/Berlin", 2025, 1, 7, 0, 0);
  gint64 from = unix_at ("Europe/Berlin", 2026, 9, 15, 12, 0);
  gint64 to = unix_at ("Europe/Berlin", 2027, 6, 1, 0, 0);

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      g_autoptr(GPtrArray) walked = NULL;
      g_autoptr(GPtrArray) jumped = NULL;
      g_autoptr(GPtrArray) filtered = g_ptr_array_new ();

      walked = bmb_recurrence_expand_list (rules[i], "2025-01-07T09:15:00", zone, NULL,
                                           start, to, NULL);
      jumped = bmb_recurrence_expand_list (rules[i], "2025-01-07T09:15:00", zone, NULL,
                                           from, to, NULL);
      g_assert_nonnull (walked);
      g_assert_nonnull (jumped);

      for (guint j = 0; j < walked->len; j++)
        if (g_date_time_to_unix (g_ptr_array_index (walked, j)) >= from)
          g_ptr_array_add (filtered, g_ptr_array_index (walked, j));

      g_assert_cmpuint (filtered->len, >, 0);
      g_assert_cmpuint (jumped->len, ==, filtered->len);
      for (guint j = 0; j < jumped->len; j++)
        g_assert_true (g_date_time_equal (g_ptr_array_index (jumped, j),
                                          g_ptr_array_index (filtered, j)));
    }
}

typedef struct
{
  guint calls;
  guint stick_after;
  gboolean go_back;
  struct icaltimetype last;
} StuckIterator;

static struct icaltimetype
stuck_next (icalrecur_iterator *iterator,
            gpointer            user_data)
{
  StuckIterator *stuck = user_data;

  stuck->calls++;
  if (stuck->calls <= stuck->stick_after)
    {
      stuck->last = icalrecur_iterator_next (iterator);
      return stuck->last;
    }

  /* Broken iterator: the same time forever, or a step back. */
  if (stuck->go_back)
    icaltime_adjust (&stuck->last, -1, 0, 0, 0);
  return stuck->last;
}

static gboolean
collect_cb (GDateTime  *start,
            const char *recurrence_id,
            gpointer    user_data)
{
  g_ptr_array_add (user_data, g_date_time_ref (start));
  return TRUE;
}

static void
test_stuck_iterator (void)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Jakarta");
  gboolean backwards[] = { FALSE, TRUE };

  for (guint i = 0; i < G_N_ELEMENTS (backwards); i++)
    {
      StuckIterator stuck = { 0, 3, backwards[i], { 0 } };
      g_autoptr(GPtrArray) starts = g_ptr_array_new_with_free_func ((GDestroyNotify)g_date_time_unref);
      g_autoptr(GError) error = NULL;
      gboolean ok;

      _bmb_recurrence_set_next_func_for_testing (stuck_next, &stuck);
      ok = bmb_recurrence_expand ("FREQ=DAILY", "2026-01-01T10:00:00", zone, NULL,
                                  unix_at ("Asia/Jakarta", 2026, 1, 1, 0, 0),
                                  unix_at ("Asia/Jakarta", 2027, 1, 1, 0, 0), NULL,
                                  collect_cb, starts, &error);
      _bmb_recurrence_set_next_func_for_testing (NULL, NULL);

      /* Three good days, then the guard stops at the first repeat and says
       * the list is incomplete. */
      g_assert_false (ok);
      g_assert_error (error, BMB_RECURRENCE_ERROR, BMB_RECURRENCE_ERROR_INCOMPLETE);
      g_assert_cmpuint (starts->len, ==, 3);
      g_assert_cmpuint (stuck.calls, ==, 4);
    }
}

static void
test_budget_per_expansion (void)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Jakarta");
  g_autoptr(GPtrArray) starts = g_ptr_array_new_with_free_func ((GDestroyNotify)g_date_time_unref);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  gint64 from = unix_at ("Asia/Jakarta", 2026, 1, 1, 0, 0);
  gint64 to = unix_at ("Asia/Jakarta", 2027, 1, 1, 0, 0);

  /* Every minute for a year would be 525,600 steps: the budget stops it,
   * and says so. */
  g_assert_false (bmb_recurrence_expand ("FREQ=MINUTELY", "2026-01-01T00:00:00", zone, NULL,
                                         from, to, NULL, collect_cb, starts, &error));
  g_assert_error (error, BMB_RECURRENCE_ERROR, BMB_RECURRENCE_ERROR_INCOMPLETE);
  g_assert_cmpuint (_bmb_recurrence_get_last_iterations (), ==, BMB_LIMIT_EXPANSION_STEPS);
  g_assert_cmpuint (starts->len, ==, BMB_LIMIT_EXPANSION_STEPS);
  /* What was delivered is the beginning of the window, not a wrong start. */
  first = g_date_time_format (g_ptr_array_index (starts, 0), "%Y-%m-%dT%H:%M");
  g_assert_cmpstr (first, ==, "2026-01-01T00:00");
  g_clear_error (&error);

  /* The list form gives nothing rather than a short list. */
  list = bmb_recurrence_expand_list ("FREQ=MINUTELY", "2026-01-01T00:00:00", zone, NULL,
                                     from, to, &error);
  g_assert_error (error, BMB_RECURRENCE_ERROR, BMB_RECURRENCE_ERROR_INCOMPLETE);
  g_assert_null (list);
}

static void
test_budget_shared (void)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Jakarta");
  g_autoptr(GPtrArray) starts = g_ptr_array_new_with_free_func ((GDestroyNotify)g_date_time_unref);
  g_autoptr(GError) error = NULL;
  BmbExpansionBudget budget = { 1000, 0 };
  gint64 from = unix_at ("Asia/Jakarta", 2026, 3, 1, 0, 0);
  gint64 to = unix_at ("Asia/Jakarta", 2026, 4, 1, 0, 0);

  /* A weekly series takes a few steps of the budget… */
  g_assert_true (bmb_recurrence_expand ("FREQ=WEEKLY", "2026-01-05T10:00:00", zone, NULL,
                                        from, to, &budget, collect_cb, starts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (starts->len, ==, 5);
  g_assert_cmpuint (budget.used, >, 0);
  g_assert_cmpuint (budget.used, <, 20);

  /* …a secondly one spends the rest… */
  g_assert_false (bmb_recurrence_expand ("FREQ=SECONDLY", "2020-01-01T00:00:00", zone, NULL,
                                         from, to, &budget, collect_cb, starts, &error));
  g_assert_error (error, BMB_RECURRENCE_ERROR, BMB_RECURRENCE_ERROR_INCOMPLETE);
  g_assert_cmpuint (budget.used, ==, budget.limit);
  g_clear_error (&error);

  /* …and the next series of the same query cannot pretend to be complete. */
  g_ptr_array_set_size (starts, 0);
  g_assert_false (bmb_recurrence_expand ("FREQ=DAILY", "2026-01-05T10:00:00", zone, NULL,
                                         from, to, &budget, collect_cb, starts, &error));
  g_assert_error (error, BMB_RECURRENCE_ERROR, BMB_RECURRENCE_ERROR_INCOMPLETE);
  g_assert_cmpuint (starts->len, ==, 0);
  g_assert_cmpuint (budget.used, ==, budget.limit);
}

static void
test_count_far_from_start (void)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Jakarta");
  g_autoptr(GPtrArray) day = NULL;
  g_autoptr(GPtrArray) end = NULL;
  g_autoptr(GPtrArray) year = g_ptr_array_new_with_free_func ((GDestroyNotify)g_date_time_unref);
  g_autoptr(GDateTime) series_start = g_date_time_new (zone, 2025, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) last = g_date_time_add_minutes (series_start, 999999);
  g_autoptr(GError) error = NULL;
  g_autofree char *first_text = NULL;
  g_autofree char *last_text = NULL;
  gboolean ok;

  /* One million minutes from 2025: a day of 2026 is right there. */
  day = bmb_recurrence_expand_list ("FREQ=MINUTELY;COUNT=1000000", "2025-01-01T00:00:00", zone,
                                    NULL, unix_at ("Asia/Jakarta", 2026, 3, 1, 0, 0),
                                    unix_at ("Asia/Jakarta", 2026, 3, 2, 0, 0), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (day->len, ==, 24 * 60);
  g_assert_cmpuint (_bmb_recurrence_get_last_iterations (), <, 10 * 24 * 60);
  first_text = g_date_time_format (g_ptr_array_index (day, 0), "%Y-%m-%dT%H:%M");
  g_assert_cmpstr (first_text, ==, "2026-03-01T00:00");

  /* COUNT still ends the series at its millionth start. */
  end = bmb_recurrence_expand_list ("FREQ=MINUTELY;COUNT=1000000", "2025-01-01T00:00:00", zone,
                                    NULL, g_date_time_to_unix (last) - 3600,
                                    g_date_time_to_unix (last) + 3600, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (end->len, ==, 61);
  last_text = g_date_time_format (g_ptr_array_index (end, end->len - 1), "%FT%T");
  g_clear_pointer (&first_text, g_free);
  first_text = g_date_time_format (last, "%FT%T");
  g_assert_cmpstr (last_text, ==, first_text);

  /* A whole year of it does not fit the budget: reported, never empty. */
  ok = bmb_recurrence_expand ("FREQ=MINUTELY;COUNT=1000000", "2025-01-01T00:00:00", zone, NULL,
                              unix_at ("Asia/Jakarta", 2026, 1, 1, 0, 0),
                              unix_at ("Asia/Jakarta", 2027, 1, 1, 0, 0), NULL,
                              collect_cb, year, &error);
  g_assert_false (ok);
  g_assert_error (error, BMB_RECURRENCE_ERROR, BMB_RECURRENCE_ERROR_INCOMPLETE);
  g_assert_cmpuint (year->len, >, 0);
  g_clear_pointer (&first_text, g_free);
  first_text = g_date_time_format (g_ptr_array_index (year, 0), "%Y-%m-%dT%H:%M");
  g_assert_cmpstr (first_text, ==, "2026-01-01T00:00");
}

/* A numbered weekday outside MONTHLY/YEARLY (forbidden by RFC 5545) made libical loop
 * inside one call; such rules are refused where rules are read. Found by fuzz-ics. */
static void
test_numbered_weekday (void)
{
  const char *refused[] = {
    "FREQ=HOURLY;BYDAY=1SU;BYMONTH=11", "FREQ=WEEKLY;BYDAY=2MO", "FREQ=DAILY;BYDAY=-1FR",
  };
  const char *accepted[] = { "FREQ=MONTHLY;BYDAY=1SU", "FREQ=YEARLY;BYDAY=-1FR;BYMONTH=3" };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (bmb_recurrence_check_frequency (refused[i], "2026-01-04T09:00:00", &error));
      g_assert_error (error, BMB_RECURRENCE_ERROR, BMB_RECURRENCE_ERROR_INVALID_RULE);
      g_assert_nonnull (strstr (error->message, "1SU"));
    }
  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    g_assert_true (bmb_recurrence_check_frequency (accepted[i], "2026-01-04T09:00:00", NULL));

  /* Hourly within some months or weeks of the year: libical walks every hour in between
   * inside one call (found by fuzz-ics). */
  {
    const char *hourly[] = { "FREQ=HOURLY;BYDAY=0SU;BYMONTH=11", "FREQ=HOURLY;BYWEEKNO=40",
                             "FREQ=HOURLY;BYYEARDAY=300", "FREQ=HOURLY;BYDAY=MO;BYSETPOS=1" };

    for (guint i = 0; i < G_N_ELEMENTS (hourly); i++)
      {
        g_autoptr(GError) error = NULL;

        g_assert_false (bmb_recurrence_check_frequency (hourly[i], "2026-01-04T09:00:00", &error));
        g_assert_error (error, BMB_RECURRENCE_ERROR, BMB_RECURRENCE_ERROR_INVALID_RULE);
      }
    g_assert_true (bmb_recurrence_check_frequency ("FREQ=HOURLY;BYDAY=SU", "2026-01-04T09:00:00", NULL));
  }
}

static void
test_check_frequency (void)
{
  const char *refused[] = {
    "FREQ=SECONDLY", "FREQ=MINUTELY;COUNT=1000000", "FREQ=MINUTELY;INTERVAL=59",
    "FREQ=SECONDLY;INTERVAL=3599", "FREQ=HOURLY;BYMINUTE=0,30",
    "FREQ=DAILY;BYHOUR=9;BYMINUTE=0,15", "FREQ=WEEKLY;BYDAY=MO;BYHOUR=9,10;BYMINUTE=0,59",
  };
  const char *accepted[] = {
    "FREQ=HOURLY", "FREQ=MINUTELY;INTERVAL=60", "FREQ=SECONDLY;INTERVAL=3600",
    "FREQ=DAILY;BYHOUR=9,10", "FREQ=WEEKLY;BYDAY=TU", "FREQ=MONTHLY;BYDAY=-1FR", "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (bmb_recurrence_check_frequency (refused[i], "2026-01-05T09:00:00", &error));
      g_assert_error (error, BMB_RECURRENCE_ERROR, BMB_RECURRENCE_ERROR_TOO_FREQUENT);
      g_assert_nonnull (strstr (error->message, refused[i]));
    }

  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (bmb_recurrence_check_frequency (accepted[i], "2026-01-05T09:00:00", &error));
      g_assert_no_error (error);
    }

  g_assert_true (bmb_recurrence_check_frequency (NULL, "2026-01-05T09:00:00", NULL));
}

static void
test_invalid (void)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Jakarta");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) starts = NULL;
  BmbRecurrence *recurrence;

  starts = bmb_recurrence_expand_list ("FREQ=SOMETIMES", "2026-01-01T10:00:00", zone, NULL,
                                       0, G_MAXINT32, &error);
  g_assert_error (error, BMB_RECURRENCE_ERROR, BMB_RECURRENCE_ERROR_INVALID_RULE);
  g_assert_null (starts);
  g_clear_error (&error);

  starts = bmb_recurrence_expand_list ("FREQ=DAILY", "2026-02-30T10:00:00", zone, NULL,
                                       0, G_MAXINT32, &error);
  g_assert_error (error, BMB_RECURRENCE_ERROR, BMB_RECURRENCE_ERROR_INVALID_START);
  g_clear_error (&error);

  recurrence = bmb_recurrence_new_from_rrule ("BOGUS", "2026-01-01T10:00:00", NULL, &error);
  g_assert_null (recurrence);
  g_assert_error (error, BMB_RECURRENCE_ERROR, BMB_RECURRENCE_ERROR_INVALID_RULE);
}

typedef struct
{
  BmbRepeatKind  kind;
  guint          interval;
  BmbRepeatUnit  unit;
  int            week_of_month;
  BmbRepeatEnd   end;
  guint          count;
  int            until_day;
  const char    *start;
  const char    *rrule;
  const char    *description;
} BuilderCase;

static void
test_builder_round_trip (void)
{
  const BuilderCase cases[] = {
    { BMB_REPEAT_NONE, 1, 0, 0, BMB_REPEAT_END_NEVER, 0, 0, "2026-11-24T10:00:00",
      NULL, "Does not repeat" },
    { BMB_REPEAT_WEEKLY, 1, 0, 0, BMB_REPEAT_END_NEVER, 0, 0, "2026-11-24T10:00:00",
      "FREQ=WEEKLY;BYDAY=TU", "Weekly on Tuesday" },
    { BMB_REPEAT_BIWEEKLY, 2, 0, 0, BMB_REPEAT_END_NEVER, 0, 0, "2026-11-24T10:00:00",
      "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", "Every 2 weeks on Tuesday" },
    { BMB_REPEAT_MONTHLY_WEEKDAY, 1, 0, 2, BMB_REPEAT_END_NEVER, 0, 0, "2026-11-10T10:00:00",
      "FREQ=MONTHLY;BYDAY=2TU", "Monthly on the second Tuesday" },
    { BMB_REPEAT_MONTHLY_WEEKDAY, 1, 0, -1, BMB_REPEAT_END_COUNT, 6, 0, "2026-11-24T10:00:00",
      "FREQ=MONTHLY;BYDAY=-1TU;COUNT=6", "Monthly on the last Tuesday, 6 times" },
    { BMB_REPEAT_MONTHLY_DAY, 1, 0, 0, BMB_REPEAT_END_NEVER, 0, 0, "2026-11-24T10:00:00",
      "FREQ=MONTHLY;BYMONTHDAY=24", "Monthly on day 24" },
    { BMB_REPEAT_INTERVAL, 3, BMB_REPEAT_UNIT_DAY, 0, BMB_REPEAT_END_COUNT, 1, 0,
      "2026-11-24T10:00:00", "FREQ=DAILY;INTERVAL=3;COUNT=1", "Every 3 days, 1 time" },
    { BMB_REPEAT_INTERVAL, 3, BMB_REPEAT_UNIT_WEEK, 0, BMB_REPEAT_END_NEVER, 0, 0,
      "2026-11-24T10:00:00", "FREQ=WEEKLY;INTERVAL=3", "Every 3 weeks on Tuesday" },
    { BMB_REPEAT_INTERVAL, 2, BMB_REPEAT_UNIT_MONTH, 0, BMB_REPEAT_END_UNTIL, 0, 30,
      "2026-11-24T10:00:00", "FREQ=MONTHLY;INTERVAL=2;UNTIL=20270630T165959Z",
      "Every 2 months on day 24 until 30 June 2027" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const BuilderCase *c = &cases[i];
      g_autoptr(BmbRecurrence) built = bmb_recurrence_new (c->kind);
      g_autoptr(BmbRecurrence) parsed = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *rrule = NULL;
      g_autofree char *description = NULL;

      built->interval = c->interval;
      built->unit = c->unit;
      built->week_of_month = c->week_of_month;
      built->end = c->end;
      built->count = c->count;
      if (c->until_day)
        g_date_set_dmy (&built->until, c->until_day, 6, 2027);

      rrule = bmb_recurrence_to_rrule (built, c->start, "Asia/Jakarta");
      g_assert_cmpstr (rrule, ==, c->rrule);

      parsed = bmb_recurrence_new_from_rrule (rrule, c->start, "Asia/Jakarta", &error);
      g_assert_no_error (error);
      g_assert_cmpint (parsed->kind, ==, c->kind);
      g_assert_true (bmb_recurrence_equal (built, parsed));

      description = bmb_recurrence_describe (parsed, c->start);
      g_assert_cmpstr (description, ==, c->description);
    }
}

static void
test_parse_foreign (void)
{
  struct {
    const char   *rrule;
    const char   *start;
    BmbRepeatKind kind;
  } cases[] = {
    { "FREQ=WEEKLY", "2026-11-24T10:00:00", BMB_REPEAT_WEEKLY },
    { "RRULE:FREQ=WEEKLY;WKST=SU;BYDAY=TU", "2026-11-24T10:00:00", BMB_REPEAT_WEEKLY },
    { "FREQ=WEEKLY;BYDAY=MO,WE", "2026-11-23T10:00:00", BMB_REPEAT_CUSTOM },
    { "FREQ=WEEKLY;BYDAY=WE", "2026-11-24T10:00:00", BMB_REPEAT_CUSTOM },
    { "FREQ=MONTHLY", "2026-11-24T10:00:00", BMB_REPEAT_MONTHLY_DAY },
    { "FREQ=MONTHLY;BYDAY=4TU", "2026-11-24T10:00:00", BMB_REPEAT_MONTHLY_WEEKDAY },
    { "FREQ=MONTHLY;BYDAY=1TU", "2026-11-24T10:00:00", BMB_REPEAT_CUSTOM },
    { "FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2", "2026-11-10T10:00:00", BMB_REPEAT_CUSTOM },
    { "FREQ=YEARLY", "2026-11-24T10:00:00", BMB_REPEAT_CUSTOM },
    { "FREQ=DAILY", "2026-11-24T10:00:00", BMB_REPEAT_INTERVAL },
    { "", "2026-11-24T10:00:00", BMB_REPEAT_NONE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BmbRecurrence) parsed = NULL;

      parsed = bmb_recurrence_new_from_rrule (cases[i].rrule, cases[i].start, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (parsed->kind, ==, cases[i].kind);
      if (parsed->kind == BMB_REPEAT_CUSTOM)
        {
          g_autofree char *again = bmb_recurrence_to_rrule (parsed, cases[i].start, NULL);
          g_assert_cmpstr (again, ==, cases[i].rrule);
        }
    }
}

static void
test_has_occurrence (void)
{
  g_assert_true (bmb_recurrence_has_occurrence ("FREQ=WEEKLY", "2026-01-06T10:00:00",
                                                "2026-03-03T10:00:00"));
  g_assert_true (bmb_recurrence_has_occurrence ("FREQ=WEEKLY", "2026-01-06T10:00:00",
                                                "2026-03-03T10:00"));
  g_assert_false (bmb_recurrence_has_occurrence ("FREQ=WEEKLY", "2026-01-06T10:00:00",
                                                 "2026-03-04T10:00:00"));
  g_assert_false (bmb_recurrence_has_occurrence ("FREQ=WEEKLY", "2026-01-06T10:00:00",
                                                 "2026-03-03T11:00:00"));
  g_assert_false (bmb_recurrence_has_occurrence ("FREQ=WEEKLY;COUNT=2", "2026-01-06T10:00:00",
                                                 "2026-01-20T10:00:00"));
  g_assert_true (bmb_recurrence_has_occurrence (NULL, "2026-01-06T10:00:00",
                                                "2026-01-06T10:00:00"));
  g_assert_false (bmb_recurrence_has_occurrence (NULL, "2026-01-06T10:00:00",
                                                 "2026-01-13T10:00:00"));
}

static void
test_week_of_month (void)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 10, 11, 2026);
  g_assert_cmpint (bmb_recurrence_week_of_month (&date), ==, 2);
  g_assert_false (bmb_recurrence_is_last_week (&date));

  g_date_set_dmy (&date, 24, 11, 2026);
  g_assert_cmpint (bmb_recurrence_week_of_month (&date), ==, 4);
  g_assert_true (bmb_recurrence_is_last_week (&date));

  g_date_set_dmy (&date, 29, 12, 2026);
  g_assert_cmpint (bmb_recurrence_week_of_month (&date), ==, 5);
  g_assert_true (bmb_recurrence_is_last_week (&date));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Jakarta", TRUE);
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/recurrence/expand/weekly", test_weekly);
  g_test_add_func ("/recurrence/expand/half-open-window", test_window_is_half_open);
  g_test_add_func ("/recurrence/expand/biweekly", test_biweekly);
  g_test_add_func ("/recurrence/expand/monthly-weekday", test_monthly_weekday);
  g_test_add_func ("/recurrence/expand/monthly-31st", test_monthly_31st);
  g_test_add_func ("/recurrence/expand/exdate", test_exdate);
  g_test_add_func ("/recurrence/expand/count-until", test_count_and_until);
  g_test_add_func ("/recurrence/expand/single", test_single);
  g_test_add_func ("/recurrence/expand/jump-matches-walk", test_jump_matches_walk);
  g_test_add_func ("/recurrence/dst/new-york", test_dst_new_york);
  g_test_add_func ("/recurrence/dst/berlin", test_dst_berlin);
  g_test_add_func ("/recurrence/dst/jakarta", test_jakarta_utc_instants);
  g_test_add_func ("/recurrence/guard/stuck-iterator", test_stuck_iterator);
  g_test_add_func ("/recurrence/budget/one-expansion", test_budget_per_expansion);
  g_test_add_func ("/recurrence/budget/shared", test_budget_shared);
  g_test_add_func ("/recurrence/expand/count-far-from-start", test_count_far_from_start);
  g_test_add_func ("/recurrence/check-frequency", test_check_frequency);
  g_test_add_func ("/recurrence/numbered-weekday", test_numbered_weekday);
  g_test_add_func ("/recurrence/invalid", test_invalid);
  g_test_add_func ("/recurrence/builder/round-trip", test_builder_round_trip);
  g_test_add_func ("/recurrence/builder/parse-foreign", test_parse_foreign);
  g_test_add_func ("/recurrence/has-occurrence", test_has_occurrence);
  g_test_add_func ("/recurrence/week-of-month", test_week_of_month);

  return g_test_run ();
}
