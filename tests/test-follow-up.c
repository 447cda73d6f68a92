/* test-follow-up.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Follow-up date logic and the follow-up reminder source. TZ is pinned to
 * Europe/Berlin so the reminder window crosses a DST change.
 */

#include "config.h"

#include <locale.h>

#include "bmb-contact-store.h"
#include "bmb-follow-up.h"
#include "bmb-follow-up-reminders.h"
#include "bmb-scheduler.h"
#include "bmb-system-monitor.h"
#include "bmb-test-utils.h"

static void
set_date (GDate      *date,
          const char *iso)
{
  g_assert_true (bmb_date_parse_iso (iso, date));
}

static void
assert_next (const char      *base,
             guint            count,
             BmbFollowUpUnit  unit,
             const char      *expected)
{
  g_autofree char *next = bmb_follow_up_compute_next (base, count, unit);

  g_assert_cmpstr (next, ==, expected);
}

static void
test_parse (void)
{
  const char *bad[] = { "2025-02-29", "2025-13-01", "2025-00-10", "2025-1-01", "25-01-01",
                        "2025/01/01", "2025-01-01T00:00", " 2025-01-01", "", "abcd-ef-gh",
                        "2025-04-31", NULL };
  GDate date;
  g_autofree char *formatted = NULL;

  g_assert_true (bmb_date_parse_iso ("2024-02-29", &date));
  g_assert_cmpint (g_date_get_day (&date), ==, 29);
  formatted = bmb_date_format_iso (&date);
  g_assert_cmpstr (formatted, ==, "2024-02-29");

  for (guint i = 0; bad[i] != NULL; i++)
    {
      if (bmb_date_parse_iso (bad[i], &date))
        g_error ("accepted %s", bad[i]);
      g_assert_false (g_date_valid (&date));
    }
  g_assert_false (bmb_date_parse_iso (NULL, &date));
}

static void
test_units (void)
{
  g_assert_cmpstr (bmb_follow_up_unit_to_string (BMB_FOLLOW_UP_UNIT_WEEK), ==, "week");
  g_assert_null (bmb_follow_up_unit_to_string (BMB_FOLLOW_UP_UNIT_NONE));
  g_assert_cmpint (bmb_follow_up_unit_from_string ("month"), ==, BMB_FOLLOW_UP_UNIT_MONTH);
  g_assert_cmpint (bmb_follow_up_unit_from_string ("day"), ==, BMB_FOLLOW_UP_UNIT_DAY);
  g_assert_cmpint (bmb_follow_up_unit_from_string ("year"), ==, BMB_FOLLOW_UP_UNIT_NONE);
  g_assert_cmpint (bmb_follow_up_unit_from_string (NULL), ==, BMB_FOLLOW_UP_UNIT_NONE);

  {
    g_autofree char *every_day = bmb_follow_up_describe_interval (1, BMB_FOLLOW_UP_UNIT_DAY);
    g_autofree char *every_2w = bmb_follow_up_describe_interval (2, BMB_FOLLOW_UP_UNIT_WEEK);
    g_autofree char *every_3m = bmb_follow_up_describe_interval (3, BMB_FOLLOW_UP_UNIT_MONTH);
    g_autofree char *none = bmb_follow_up_describe_interval (3, BMB_FOLLOW_UP_UNIT_NONE);

    g_assert_cmpstr (every_day, ==, "Every day");
    g_assert_cmpstr (every_2w, ==, "Every 2 weeks");
    g_assert_cmpstr (every_3m, ==, "Every 3 months");
    g_assert_null (none);
  }
}

static void
test_add_interval (void)
{
  /* Days and weeks across month and year ends. */
  assert_next ("2025-01-30", 3, BMB_FOLLOW_UP_UNIT_DAY, "2025-02-02");
  assert_next ("2025-12-25", 2, BMB_FOLLOW_UP_UNIT_WEEK, "2026-01-08");
  assert_next ("2024-02-28", 1, BMB_FOLLOW_UP_UNIT_DAY, "2024-02-29");
  assert_next ("2025-02-28", 1, BMB_FOLLOW_UP_UNIT_DAY, "2025-03-01");
  assert_next ("2025-06-15", 999, BMB_FOLLOW_UP_UNIT_DAY, "2028-03-10");

  /* Months clamp to the end of the month. */
  assert_next ("2025-01-31", 1, BMB_FOLLOW_UP_UNIT_MONTH, "2025-02-28");
  assert_next ("2024-01-31", 1, BMB_FOLLOW_UP_UNIT_MONTH, "2024-02-29");
  assert_next ("2025-03-31", 1, BMB_FOLLOW_UP_UNIT_MONTH, "2025-04-30");
  assert_next ("2025-08-31", 3, BMB_FOLLOW_UP_UNIT_MONTH, "2025-11-30");
  assert_next ("2025-10-31", 4, BMB_FOLLOW_UP_UNIT_MONTH, "2026-02-28");
  assert_next ("2025-01-15", 1, BMB_FOLLOW_UP_UNIT_MONTH, "2025-02-15");
  assert_next ("2025-11-30", 2, BMB_FOLLOW_UP_UNIT_MONTH, "2026-01-30");

  /* Leap days. */
  assert_next ("2024-02-29", 12, BMB_FOLLOW_UP_UNIT_MONTH, "2025-02-28");
  assert_next ("2024-02-29", 48, BMB_FOLLOW_UP_UNIT_MONTH, "2028-02-29");
  assert_next ("2024-02-29", 1, BMB_FOLLOW_UP_UNIT_WEEK, "2024-03-07");
  assert_next ("2100-02-28", 1, BMB_FOLLOW_UP_UNIT_DAY, "2100-03-01");   /* not a leap year */
  assert_next ("2000-02-28", 1, BMB_FOLLOW_UP_UNIT_DAY, "2000-02-29");   /* a leap year */

  /* No interval, no base, bad base. */
  assert_next ("2025-01-31", 0, BMB_FOLLOW_UP_UNIT_MONTH, NULL);
  assert_next ("2025-01-31", 2, BMB_FOLLOW_UP_UNIT_NONE, NULL);
  assert_next (NULL, 2, BMB_FOLLOW_UP_UNIT_DAY, NULL);
  assert_next ("2025-02-30", 2, BMB_FOLLOW_UP_UNIT_DAY, NULL);
  assert_next ("9999-12-01", 2, BMB_FOLLOW_UP_UNIT_MONTH, NULL);

  {
    GDate date;

    set_date (&date, "2025-05-31");
    g_assert_true (bmb_follow_up_add_interval (&date, 1, BMB_FOLLOW_UP_UNIT_MONTH));
    g_assert_cmpint (g_date_get_day (&date), ==, 30);
    g_assert_false (bmb_follow_up_add_interval (&date, 0, BMB_FOLLOW_UP_UNIT_DAY));
    g_assert_cmpint (g_date_get_day (&date), ==, 30);
  }
}

static void
test_is_due (void)
{
  GDate today;

  set_date (&today, "2025-03-01");
  g_assert_true (bmb_follow_up_is_due ("2025-03-01", &today));
  g_assert_true (bmb_follow_up_is_due ("2025-02-28", &today));
  g_assert_true (bmb_follow_up_is_due ("2024-12-31", &today));
  g_assert_false (bmb_follow_up_is_due ("2025-03-02", &today));
  g_assert_false (bmb_follow_up_is_due (NULL, &today));
  g_assert_false (bmb_follow_up_is_due ("garbage", &today));
}

static void
test_describe (void)
{
  struct { const char *last; const char *expected; } last_cases[] = {
    { NULL, "No contact logged yet" },
    { "2025-06-15", "Last contact today" },
    { "2025-06-20", "Last contact today" },
    { "2025-06-14", "Last contact yesterday" },
    { "2025-06-12", "Last contact 3 days ago" },
    { "2025-06-08", "Last contact 1 week ago" },
    { "2025-05-25", "Last contact 3 weeks ago" },
    { "2025-05-16", "Last contact 4 weeks ago" },
    { "2025-05-15", "Last contact 1 month ago" },
    { "2025-03-15", "Last contact 3 months ago" },
    { "2024-06-16", "Last contact 11 months ago" },
    { "2024-06-15", "Last contact 1 year ago" },
    { "2021-01-01", "Last contact 4 years ago" },
  };
  struct { const char *due; const char *expected; } due_cases[] = {
    { NULL, "No follow-up planned" },
    { "2025-06-15", "Follow up today" },
    { "2025-06-16", "Follow up tomorrow" },
    { "2025-06-20", "Follow up in 5 days" },
    { "2025-06-14", "Follow-up overdue by 1 day" },
    { "2025-06-01", "Follow-up overdue by 14 days" },
  };
  GDate today;

  set_date (&today, "2025-06-15");

  for (guint i = 0; i < G_N_ELEMENTS (last_cases); i++)
    {
      g_autofree char *text = bmb_follow_up_describe_last_contact (last_cases[i].last, &today);

      g_assert_cmpstr (text, ==, last_cases[i].expected);
    }

  for (guint i = 0; i < G_N_ELEMENTS (due_cases); i++)
    {
      g_autofree char *text = bmb_follow_up_describe_due (due_cases[i].due, &today);

      g_assert_cmpstr (text, ==, due_cases[i].expected);
    }
}

/* ---- the reminder source ------------------------------------------------- */

static gint64
berlin (int year,
        int month,
        int day,
        int hour,
        int minute)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GDateTime) dt = NULL;

  g_assert_nonnull (tz);
  dt = g_date_time_new (tz, year, month, day, hour, minute, 0);

  return g_date_time_to_unix (dt);
}

static gint64
add_contact_with_follow_up (BmbContactStore *store,
                            const char      *name,
                            const char      *last_contact_on,
                            guint            count,
                            BmbFollowUpUnit  unit)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbContact) contact = bmb_contact_new ();

  bmb_contact_set_display_name (contact, name);
  bmb_contact_set_keep_in_touch (contact, count, unit);
  bmb_contact_set_last_contact_on (contact, last_contact_on);
  g_assert_true (bmb_contact_store_insert (store, contact, &error));
  g_assert_no_error (error);

  return bmb_contact_get_id (contact);
}

static BmbReminder *
find_reminder (GPtrArray *reminders,
               gint64     item_id)
{
  for (guint i = 0; i < reminders->len; i++)
    {
      BmbReminder *reminder = g_ptr_array_index (reminders, i);

      if (reminder->item_id == item_id)
        return reminder;
    }

  return NULL;
}

static void
test_reminder_source (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbDatabase) db = bmb_test_open_tmp_database (NULL);
  g_autoptr(BmbContactStore) store = bmb_contact_store_new (db);
  g_autoptr(BmbFollowUpReminders) source = bmb_follow_up_reminders_new (db);
  g_autoptr(GPtrArray) reminders = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(BmbInteraction) interaction = NULL;
  BmbReminder *reminder;
  g_autofree char *key = NULL;
  g_autofree char *expected_key = NULL;
  gint64 before_dst, on_dst, after_window, no_interval, day_before;

  g_assert_true (BMB_IS_REMINDER_SOURCE (source));

  /* Due 2025-03-29 (CET), 2025-03-23 (before the window; moved onto the
   * DST day below), 2025-04-05 (the window's exclusive end), and one with
   * no interval. */
  before_dst = add_contact_with_follow_up (store, "Ayu Lestari", "2025-03-08", 3,
                                           BMB_FOLLOW_UP_UNIT_WEEK);
  on_dst = add_contact_with_follow_up (store, "Bagus Pratama", "2025-03-16", 1,
                                       BMB_FOLLOW_UP_UNIT_WEEK);
  after_window = add_contact_with_follow_up (store, "Citra Dewi", "2025-03-22", 2,
                                             BMB_FOLLOW_UP_UNIT_WEEK);
  no_interval = add_contact_with_follow_up (store, "Dimas", "2025-03-29", 0,
                                            BMB_FOLLOW_UP_UNIT_NONE);
  /* Due 2025-03-28 at 09:00, one minute before the window opens. */
  day_before = add_contact_with_follow_up (store, "Eka", "2025-03-27", 1, BMB_FOLLOW_UP_UNIT_DAY);

  reminders = bmb_reminder_source_list_reminders (BMB_REMINDER_SOURCE (source),
                                                  berlin (2025, 3, 28, 9, 1),
                                                  berlin (2025, 4, 5, 9, 0),
                                                  &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reminders->len, ==, 1);
  g_assert_null (find_reminder (reminders, on_dst));
  g_assert_null (find_reminder (reminders, after_window));   /* end is exclusive */
  g_assert_null (find_reminder (reminders, no_interval));
  g_assert_null (find_reminder (reminders, day_before));

  reminder = find_reminder (reminders, before_dst);
  g_assert_nonnull (reminder);
  g_assert_cmpint (reminder->kind, ==, BMB_REMINDER_KIND_FOLLOW_UP);
  g_assert_cmpstr (reminder->occurrence, ==, "2025-03-29");
  g_assert_cmpint (reminder->offset_min, ==, 0);
  g_assert_cmpint (reminder->trigger_at, ==, berlin (2025, 3, 29, 9, 0));
  g_assert_cmpint (reminder->trigger_at, ==, 1743235200);   /* 2025-03-29T08:00:00Z (CET) */
  g_assert_cmpint (reminder->event_end, ==, berlin (2025, 3, 30, 0, 0) - 1);
  g_assert_cmpstr (reminder->title, ==, "Ayu Lestari");
  g_assert_cmpstr (reminder->detail, ==, "Last contact 3 weeks ago");
  key = bmb_reminder_dup_key (reminder);
  expected_key = g_strdup_printf ("follow-up:%" G_GINT64_FORMAT ":2025-03-29:0", before_dst);
  g_assert_cmpstr (key, ==, expected_key);
  g_clear_pointer (&reminders, g_ptr_array_unref);

  /* A call on 20 March moves the follow-up to 27 March (still before the
   * window); corrected to 23 March it lands on the DST day, where 09:00
   * CEST is 07:00 UTC and the day has 23 hours. */
  interaction = bmb_interaction_new (on_dst, "2025-03-20", BMB_INTERACTION_CHANNEL_CALL, NULL);
  g_assert_true (bmb_contact_store_add_interaction (store, interaction, &error));
  bmb_interaction_set_happened_on (interaction, "2025-03-23");
  g_assert_true (bmb_contact_store_update_interaction (store, interaction, &error));
  g_assert_no_error (error);
  reminders = bmb_reminder_source_list_reminders (BMB_REMINDER_SOURCE (source),
                                                  berlin (2025, 3, 28, 9, 1),
                                                  berlin (2025, 4, 5, 9, 0),
                                                  &error);
  reminder = find_reminder (reminders, on_dst);
  g_assert_nonnull (reminder);
  g_assert_cmpstr (reminder->occurrence, ==, "2025-03-30");
  g_assert_cmpint (reminder->trigger_at, ==, berlin (2025, 3, 30, 9, 0));
  g_assert_cmpint (reminder->trigger_at, ==, 1743318000);   /* 2025-03-30T07:00:00Z */
  g_assert_cmpint (reminder->event_end - berlin (2025, 3, 30, 0, 0), ==, 23 * 3600 - 1);
  g_assert_cmpstr (reminder->detail, ==, "Last contact 1 week ago");
  g_assert_nonnull (find_reminder (reminders, before_dst));
  g_assert_cmpuint (reminders->len, ==, 2);

  /* An empty window is empty. */
  none = bmb_reminder_source_list_reminders (BMB_REMINDER_SOURCE (source),
                                             berlin (2025, 3, 29, 9, 1),
                                             berlin (2025, 3, 30, 8, 59),
                                             &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);
}

/* ---- one-off follow-ups ---------------------------------------------------- */

static void
on_reminder_due_cb (BmbScheduler *scheduler,
                    BmbReminder  *reminder,
                    GPtrArray    *due)
{
  g_ptr_array_add (due, bmb_reminder_ref (reminder));
}

static void
spin_context (GMainContext *context,
              guint         ms)
{
  gint64 end = g_get_monotonic_time () + (gint64)ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      while (g_main_context_iteration (context, FALSE))
        ;
      g_usleep (1000);
    }
}

static BmbScheduler *
start_scheduler (BmbDatabase          *db,
                 BmbClock             *clock,
                 BmbSystemMonitor     *monitor,
                 BmbFollowUpReminders *source,
                 GPtrArray            *due)
{
  g_autoptr(GError) error = NULL;
  BmbScheduler *scheduler = bmb_scheduler_new (db, clock, monitor);

  bmb_scheduler_add_source (scheduler, BMB_REMINDER_SOURCE (source));
  g_signal_connect (scheduler, "reminder-due", G_CALLBACK (on_reminder_due_cb), due);
  g_assert_true (bmb_scheduler_start (scheduler, &error));
  g_assert_no_error (error);

  return scheduler;
}

static void
test_one_off (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(BmbDatabase) db = NULL;
  g_autoptr(BmbContactStore) store = NULL;
  g_autoptr(BmbFollowUpReminders) source = NULL;
  g_autoptr(BmbSystemMonitor) monitor = NULL;
  g_autoptr(BmbClock) clock = NULL;
  g_autoptr(BmbScheduler) scheduler = NULL;
  g_autoptr(GPtrArray) due = g_ptr_array_new_with_free_func ((GDestroyNotify)bmb_reminder_unref);
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(BmbContact) contact = NULL;
  g_autoptr(BmbInteraction) interaction = NULL;
  BmbReminder *reminder;
  GDate today;
  gint64 rina, weekly;

  g_main_context_push_thread_default (context);
  db = bmb_test_open_tmp_database (NULL);
  store = bmb_contact_store_new (db);
  source = bmb_follow_up_reminders_new (db);
  monitor = bmb_system_monitor_new ();

  /* No interval: only the one-off date counts. With a weekly interval due
   * 2025-03-27, the later one-off does not move the next follow-up. */
  rina = add_contact_with_follow_up (store, "Rina", "2025-03-20", 0, BMB_FOLLOW_UP_UNIT_NONE);
  weekly = add_contact_with_follow_up (store, "Wulan", "2025-03-20", 1, BMB_FOLLOW_UP_UNIT_WEEK);
  g_assert_true (bmb_contact_store_set_follow_up (store, rina, "2025-03-28",
                                                  "  Send my portfolio ", &error));
  g_assert_no_error (error);
  g_assert_true (bmb_contact_store_set_follow_up (store, weekly, "2025-04-02", NULL, &error));
  g_assert_no_error (error);

  contact = bmb_contact_store_get (store, rina, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bmb_contact_get_follow_up_on (contact), ==, "2025-03-28");
  g_assert_cmpstr (bmb_contact_get_follow_up_note (contact), ==, "Send my portfolio");
  g_assert_cmpstr (bmb_contact_get_next_follow_up_on (contact), ==, "2025-03-28");
  g_clear_object (&contact);
  contact = bmb_contact_store_get (store, weekly, &error);
  g_assert_cmpstr (bmb_contact_get_next_follow_up_on (contact), ==, "2025-03-27");
  g_clear_object (&contact);

  /* Due on its day, not the day before. */
  set_date (&today, "2025-03-27");
  g_assert_false (bmb_follow_up_is_due ("2025-03-28", &today));
  set_date (&today, "2025-03-28");
  g_assert_true (bmb_follow_up_is_due ("2025-03-28", &today));

  /* A bad date is refused and changes nothing. */
  g_assert_false (bmb_contact_store_set_follow_up (store, rina, "28/03/2025", NULL, &error));
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (bmb_contact_store_set_follow_up (store, 9999, "2025-03-28", NULL, &error));
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Logging a call does not clear it: the portfolio is still to send. */
  interaction = bmb_interaction_new (rina, "2025-03-25", BMB_INTERACTION_CHANNEL_CALL, NULL);
  g_assert_true (bmb_contact_store_add_interaction (store, interaction, &error));
  g_assert_no_error (error);
  contact = bmb_contact_store_get (store, rina, &error);
  g_assert_cmpstr (bmb_contact_get_next_follow_up_on (contact), ==, "2025-03-28");
  g_clear_object (&contact);

  /* Reminded once, at 09:00 on its day, with what to do. */
  clock = bmb_clock_new_manual (berlin (2025, 3, 28, 8, 0));
  scheduler = start_scheduler (db, clock, monitor, source, due);
  spin_context (context, 20);
  g_assert_cmpuint (due->len, ==, 0);
  bmb_clock_set_now (clock, berlin (2025, 3, 28, 9, 0));
  spin_context (context, 50);
  g_assert_cmpuint (due->len, ==, 1);
  reminder = g_ptr_array_index (due, 0);
  g_assert_cmpint (reminder->kind, ==, BMB_REMINDER_KIND_FOLLOW_UP);
  g_assert_cmpint (reminder->item_id, ==, rina);
  g_assert_cmpstr (reminder->occurrence, ==, "2025-03-28");
  g_assert_cmpstr (reminder->title, ==, "Rina");
  g_assert_cmpstr (reminder->detail, ==, "Send my portfolio");

  bmb_clock_set_now (clock, berlin (2025, 3, 28, 9, 30));
  bmb_scheduler_rearm (scheduler);
  spin_context (context, 50);
  g_assert_cmpuint (due->len, ==, 1);

  /* Not again after a restart the same day. */
  g_clear_object (&scheduler);
  bmb_clock_set_now (clock, berlin (2025, 3, 28, 12, 0));
  scheduler = start_scheduler (db, clock, monitor, source, due);
  spin_context (context, 50);
  g_assert_cmpuint (due->len, ==, 1);
  g_clear_object (&scheduler);

  /* Done: cleared, and with no interval nothing is due any more. */
  g_assert_true (bmb_contact_store_complete_follow_up (store, rina, &error));
  g_assert_no_error (error);
  contact = bmb_contact_store_get (store, rina, &error);
  g_assert_null (bmb_contact_get_follow_up_on (contact));
  g_assert_null (bmb_contact_get_follow_up_note (contact));
  g_assert_null (bmb_contact_get_next_follow_up_on (contact));
  g_assert_cmpstr (bmb_contact_get_last_contact_on (contact), ==, "2025-03-25");
  g_clear_object (&contact);
  listed = bmb_reminder_source_list_reminders (BMB_REMINDER_SOURCE (source),
                                               berlin (2025, 3, 27, 0, 0),
                                               berlin (2025, 3, 29, 0, 0), &error);
  g_assert_no_error (error);
  g_assert_null (find_reminder (listed, rina));

  g_main_context_pop_thread_default (context);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/follow-up/parse", test_parse);
  g_test_add_func ("/follow-up/units", test_units);
  g_test_add_func ("/follow-up/add-interval", test_add_interval);
  g_test_add_func ("/follow-up/is-due", test_is_due);
  g_test_add_func ("/follow-up/describe", test_describe);
  g_test_add_func ("/follow-up/reminder-source", test_reminder_source);
  g_test_add_func ("/follow-up/one-off", test_one_off);

  return g_test_run ();
}
