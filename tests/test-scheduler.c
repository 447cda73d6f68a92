/* test-scheduler.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reminder scheduler against a real temporary database, a manual clock
 * and a fake reminder source defined here.
 */

#include "config.h"

#include "bmb-clock.h"
#include "bmb-reminder-presenter.h"
#include "bmb-scheduler.h"
#include "bmb-system-monitor.h"
#include "bmb-test-utils.h"

#define MINUTE 60
#define HOUR   (60 * MINUTE)
#define DAY    (24 * HOUR)
#define TIMER_NAME "[bimbing] reminder timer"

/* ---- A fake source: a list of reminders, filtered by the window -------- */

#define FAKE_TYPE_SOURCE (fake_source_get_type ())
G_DECLARE_FINAL_TYPE (FakeSource, fake_source, FAKE, SOURCE, GObject)

struct _FakeSource
{
  GObject    parent_instance;
  GPtrArray *reminders;
  guint      n_calls;
  gint64     widest_window;
};

static void fake_source_iface_init (BmbReminderSourceInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FakeSource, fake_source, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (BMB_TYPE_REMINDER_SOURCE,
                                                      fake_source_iface_init))

static GPtrArray *
fake_source_list_reminders (BmbReminderSource  *source,
                            gint64              from,
                            gint64              to,
                            GError            **error)
{
  FakeSource *self = FAKE_SOURCE (source);
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify)bmb_reminder_unref);

  self->n_calls++;
  self->widest_window = MAX (self->widest_window, to - from);

  for (guint i = 0; i < self->reminders->len; i++)
    {
      BmbReminder *reminder = g_ptr_array_index (self->reminders, i);

      if (reminder->trigger_at >= from && reminder->trigger_at < to)
        g_ptr_array_add (result, bmb_reminder_ref (reminder));
    }

  return result;
}

static void
fake_source_iface_init (BmbReminderSourceInterface *iface)
{
  iface->list_reminders = fake_source_list_reminders;
}

static void
fake_source_finalize (GObject *object)
{
  g_clear_pointer (&FAKE_SOURCE (object)->reminders, g_ptr_array_unref);
  G_OBJECT_CLASS (fake_source_parent_class)->finalize (object);
}

static void
fake_source_class_init (FakeSourceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fake_source_finalize;
}

static void
fake_source_init (FakeSource *self)
{
  self->reminders = g_ptr_array_new_with_free_func ((GDestroyNotify)bmb_reminder_unref);
}

/* A session occurrence starting at @start with a reminder @offset minutes
 * before; it lasts an hour. */
static BmbReminder *
fake_source_add_session (FakeSource *self,
                         gint64      item_id,
                         gint64      start,
                         int         offset)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (start);
  g_autofree char *occurrence = g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");
  BmbReminder *reminder = bmb_reminder_new (BMB_REMINDER_KIND_SESSION, item_id, occurrence, offset,
                                            start - (gint64)offset * MINUTE);

  reminder->event_start = start;
  reminder->event_end = start + HOUR;
  reminder->title = g_strdup ("Sesi mentoring");
  reminder->partner = g_strdup ("Budi Santoso");
  g_ptr_array_add (self->reminders, reminder);

  return reminder;
}

static void
fake_source_clear (FakeSource *self)
{
  g_ptr_array_set_size (self->reminders, 0);
}

/* ---- Fixture ------------------------------------------------------------ */

/* The system monitor the context would inject; one for the whole run. */
static BmbSystemMonitor *test_monitor;

typedef struct
{
  GMainContext *context;
  BmbDatabase  *db;
  char         *db_path;
  BmbClock     *clock;
  FakeSource   *source;
  BmbScheduler *scheduler;
  GPtrArray    *due;        /* BmbReminder, in delivery order */
  guint         n_summaries;
  guint         last_summary;
  guint         logged_when_due; /* reminder_log rows seen inside ::reminder-due */
  gint64        due_at_usec;
} Fixture;

/* 2026-03-02 08:00 in Jakarta (UTC+7), a Monday. */
static gint64
t0 (void)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Jakarta");
  g_autoptr(GDateTime) dt = g_date_time_new (zone, 2026, 3, 2, 8, 0, 0);

  return g_date_time_to_unix (dt);
}

static gint64
count_rows (BmbDatabase *db,
            const char  *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = bmb_database_prepare (db, sql, &error);
  gint64 n;

  g_assert_no_error (error);
  g_assert_cmpint (bmb_database_step (db, stmt, &error), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return n;
}

static gint64
count_log (BmbDatabase *db)
{
  return count_rows (db, "SELECT count(*) FROM reminder_log");
}

static gboolean
is_in_log (BmbDatabase       *db,
           const BmbReminder *reminder)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = bmb_database_prepare (db,
                               "SELECT 1 FROM reminder_log WHERE kind = ?1 AND item_id = ?2"
                               " AND occurrence = ?3 AND offset_min = ?4", &error);
  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, bmb_reminder_kind_to_string (reminder->kind), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, reminder->item_id);
  sqlite3_bind_text (stmt, 3, reminder->occurrence, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 4, reminder->offset_min);
  rc = bmb_database_step (db, stmt, &error);
  g_assert_no_error (error);
  sqlite3_reset (stmt);

  return rc == SQLITE_ROW;
}

static void
on_reminder_due_cb (BmbScheduler *scheduler,
                    BmbReminder  *reminder,
                    Fixture      *fixture)
{
  g_ptr_array_add (fixture->due, bmb_reminder_ref (reminder));
  fixture->due_at_usec = g_get_real_time ();
  if (is_in_log (fixture->db, reminder))
    fixture->logged_when_due++;
}

static void
on_summary_due_cb (BmbScheduler *scheduler,
                   guint         n_missed,
                   Fixture      *fixture)
{
  fixture->n_summaries++;
  fixture->last_summary = n_missed;
}

/* Runs the scheduler's context for @ms (it is the thread-default one). */
static void
spin (Fixture *fixture,
      guint    ms)
{
  gint64 end = g_get_monotonic_time () + (gint64)ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      while (g_main_context_iteration (fixture->context, FALSE))
        ;
      g_usleep (1000);
    }
}

/* How many live scheduler timers the context holds. Source ids are
 * allocated per context, so a fresh context's ids start at 1. */
static guint
count_timers (Fixture *fixture)
{
  guint n = 0;

  for (guint id = 1; id < 20000; id++)
    {
      GSource *source = g_main_context_find_source_by_id (fixture->context, id);

      if (source != NULL && g_strcmp0 (g_source_get_name (source), TIMER_NAME) == 0)
        n++;
    }

  return n;
}

static BmbScheduler *
new_scheduler (Fixture *fixture)
{
  BmbScheduler *scheduler = bmb_scheduler_new (fixture->db, fixture->clock, test_monitor);

  bmb_scheduler_add_source (scheduler, BMB_REMINDER_SOURCE (fixture->source));
  g_signal_connect (scheduler, "reminder-due", G_CALLBACK (on_reminder_due_cb), fixture);
  g_signal_connect (scheduler, "summary-due", G_CALLBACK (on_summary_due_cb), fixture);

  return scheduler;
}

static void
start (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (bmb_scheduler_start (fixture->scheduler, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->context = g_main_context_new ();
  g_main_context_push_thread_default (fixture->context);
  fixture->db = bmb_test_open_tmp_database (&fixture->db_path);
  fixture->clock = bmb_clock_new_manual (t0 ());
  fixture->source = g_object_new (FAKE_TYPE_SOURCE, NULL);
  fixture->due = g_ptr_array_new_with_free_func ((GDestroyNotify)bmb_reminder_unref);
  fixture->scheduler = new_scheduler (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->scheduler);
  g_clear_object (&fixture->source);
  g_clear_object (&fixture->clock);
  g_clear_object (&fixture->db);
  g_clear_pointer (&fixture->db_path, g_free);
  g_clear_pointer (&fixture->due, g_ptr_array_unref);
  g_main_context_pop_thread_default (fixture->context);
  g_clear_pointer (&fixture->context, g_main_context_unref);
}

/* Simulates "someone else saved sessions": a real transaction with a mark. */
static void
touch_sessions (BmbDatabase *db)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (bmb_database_begin (db, &error));
  bmb_database_mark_changed (db, BMB_CHANGE_SESSIONS);
  g_assert_true (bmb_database_commit (db, &error));
  g_assert_no_error (error);
}

static gint64
jakarta_midnight_after (gint64 now)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Jakarta");
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (now);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, zone);
  g_autoptr(GDateTime) midnight = g_date_time_new (zone, g_date_time_get_year (local),
                                                   g_date_time_get_month (local),
                                                   g_date_time_get_day_of_month (local),
                                                   0, 0, 0);
  g_autoptr(GDateTime) next = g_date_time_add_days (midnight, 1);

  return g_date_time_to_unix (next);
}

/* ---- Tests -------------------------------------------------------------- */

static void
test_next_due (Fixture       *fixture,
               gconstpointer  data)
{
  gint64 now = t0 ();
  BmbReminder *in_hour, *soon, *far;
  g_autofree char *soon_key = NULL;
  g_autofree char *next_key = NULL;

  in_hour = fake_source_add_session (fixture->source, 1, now + 75 * MINUTE, 15);
  soon = fake_source_add_session (fixture->source, 2, now + 25 * MINUTE, 15);
  far = fake_source_add_session (fixture->source, 3, now + 10 * DAY, 15);
  soon_key = bmb_reminder_dup_key (soon);

  start (fixture);

  /* Armed for the earliest one, nothing delivered yet, one timer. */
  g_assert_cmpint (bmb_scheduler_get_next_trigger (fixture->scheduler), ==, soon->trigger_at);
  next_key = bmb_reminder_dup_key (bmb_scheduler_get_next_reminder (fixture->scheduler));
  g_assert_cmpstr (next_key, ==, soon_key);
  g_assert_cmpuint (count_timers (fixture), ==, 1);
  spin (fixture, 20);
  g_assert_cmpuint (fixture->due->len, ==, 0);

  /* The sources are asked for a bounded window only. */
  g_assert_cmpint (fixture->source->widest_window, <=,
                   BMB_SCHEDULER_LOOK_BACK_SEC + BMB_SCHEDULER_LOOK_AHEAD_SEC);

  /* One second early: still nothing. */
  bmb_clock_set_now (fixture->clock, soon->trigger_at - 1);
  spin (fixture, 20);
  g_assert_cmpuint (fixture->due->len, ==, 0);

  bmb_clock_set_now (fixture->clock, soon->trigger_at);
  spin (fixture, 20);
  g_assert_cmpuint (fixture->due->len, ==, 1);
  g_assert_cmpint (((BmbReminder *)g_ptr_array_index (fixture->due, 0))->item_id, ==, 2);
  g_assert_cmpuint (fixture->logged_when_due, ==, 1);
  g_assert_true (is_in_log (fixture->db, soon));
  g_assert_cmpint (count_log (fixture->db), ==, 1);

  /* Re-armed for the next; the far one is outside the window. */
  g_assert_cmpint (bmb_scheduler_get_next_trigger (fixture->scheduler), ==, in_hour->trigger_at);
  g_assert_cmpuint (count_timers (fixture), ==, 1);

  bmb_clock_set_now (fixture->clock, in_hour->trigger_at + 5);
  spin (fixture, 20);
  g_assert_cmpuint (fixture->due->len, ==, 2);

  /* Nothing left in the window: look again at the next local midnight. */
  g_assert_cmpint (bmb_scheduler_get_next_trigger (fixture->scheduler), ==,
                   jakarta_midnight_after (in_hour->trigger_at + 5));
  g_assert_null (bmb_scheduler_get_next_reminder (fixture->scheduler));
  g_assert_false (is_in_log (fixture->db, far));

  /* Days later the far one comes into the window and is delivered. */
  bmb_clock_set_now (fixture->clock, far->trigger_at);
  spin (fixture, 20);
  g_assert_cmpuint (fixture->due->len, ==, 3);
  g_assert_cmpint (((BmbReminder *)g_ptr_array_index (fixture->due, 2))->item_id, ==, 3);
}

static void
test_one_timer (Fixture       *fixture,
                gconstpointer  data)
{
  gint64 now = t0 ();

  for (int i = 0; i < 20; i++)
    fake_source_add_session (fixture->source, i + 1, now + (i + 1) * HOUR, 10);

  start (fixture);
  g_assert_cmpuint (count_timers (fixture), ==, 1);

  /* Edits, clock jumps, resumes, zone changes: still exactly one timer. */
  for (int i = 0; i < 30; i++)
    {
      touch_sessions (fixture->db);
      bmb_clock_advance (fixture->clock, 7);
      bmb_system_monitor_emit_resumed (test_monitor);
      bmb_scheduler_rearm (fixture->scheduler);
    }
  bmb_system_monitor_emit_tz_changed (test_monitor);
  g_assert_cmpuint (count_timers (fixture), ==, 1);

  /* Delivering does not leave stray timers either. */
  bmb_clock_set_now (fixture->clock, now + 110 * MINUTE);
  spin (fixture, 20);
  g_assert_cmpuint (fixture->due->len, ==, 2);
  g_assert_cmpuint (count_timers (fixture), ==, 1);

  bmb_scheduler_stop (fixture->scheduler);
  g_assert_cmpuint (count_timers (fixture), ==, 0);
  g_assert_cmpint (bmb_scheduler_get_next_trigger (fixture->scheduler), ==, 0);
}

static void
test_rearm_on_change (Fixture       *fixture,
                      gconstpointer  data)
{
  gint64 now = t0 ();
  BmbReminder *later, *sooner;
  guint calls;

  later = fake_source_add_session (fixture->source, 1, now + 2 * HOUR, 15);
  start (fixture);
  g_assert_cmpint (bmb_scheduler_get_next_trigger (fixture->scheduler), ==, later->trigger_at);

  /* A new session sooner: after ::changed the timer moves, with no time
   * passing and no polling. */
  sooner = fake_source_add_session (fixture->source, 2, now + 30 * MINUTE, 10);
  g_assert_cmpint (bmb_scheduler_get_next_trigger (fixture->scheduler), ==, later->trigger_at);
  touch_sessions (fixture->db);
  g_assert_cmpint (bmb_scheduler_get_next_trigger (fixture->scheduler), ==, sooner->trigger_at);

  /* Deleted again: back to the later one. */
  g_ptr_array_remove (fixture->source->reminders, sooner);
  touch_sessions (fixture->db);
  g_assert_cmpint (bmb_scheduler_get_next_trigger (fixture->scheduler), ==, later->trigger_at);

  /* Changes that cannot move a reminder do not make it look again. */
  calls = fixture->source->n_calls;
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (bmb_database_begin (fixture->db, &error));
    bmb_database_mark_changed (fixture->db, BMB_CHANGE_CHECKLISTS);
    g_assert_true (bmb_database_commit (fixture->db, &error));
  }
  g_assert_cmpuint (fixture->source->n_calls, ==, calls);

  /* Stopped: changes are ignored. */
  bmb_scheduler_stop (fixture->scheduler);
  touch_sessions (fixture->db);
  g_assert_cmpuint (fixture->source->n_calls, ==, calls);
  g_assert_cmpuint (fixture->due->len, ==, 0);
}

static void
test_restart_no_repeat (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 now = t0 ();
  BmbReminder *reminder;

  reminder = fake_source_add_session (fixture->source, 7, now + 20 * MINUTE, 15);
  start (fixture);
  bmb_clock_set_now (fixture->clock, reminder->trigger_at);
  spin (fixture, 20);
  g_assert_cmpuint (fixture->due->len, ==, 1);

  /* Quit, reopen the same file a minute later: nothing is shown again. */
  g_clear_object (&fixture->scheduler);
  g_clear_object (&fixture->db);
  fixture->db = bmb_database_open (fixture->db_path, &error);
  g_assert_no_error (error);

  bmb_clock_set_now (fixture->clock, reminder->trigger_at + MINUTE);
  fixture->scheduler = new_scheduler (fixture);
  start (fixture);
  spin (fixture, 20);
  g_assert_cmpuint (fixture->due->len, ==, 1);
  g_assert_cmpuint (fixture->n_summaries, ==, 0);
  g_assert_cmpint (count_log (fixture->db), ==, 1);
}

static void
test_missed (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 now = t0 ();
  BmbReminder *recent, *stale1, *stale2, *ancient, *early, *late;

  /* Missed, but the session is still ahead: delivered. */
  recent = fake_source_add_session (fixture->source, 1, now + HOUR, 3 * 60);
  /* Missed and over: summarised. */
  stale1 = fake_source_add_session (fixture->source, 2, now - 3 * DAY, 15);
  stale2 = fake_source_add_session (fixture->source, 3, now - 2 * DAY, 15);
  /* Older than the look-back: never mentioned. */
  ancient = fake_source_add_session (fixture->source, 4, now - 10 * DAY, 15);
  /* Two offsets of one occurrence, both missed: only the later speaks. */
  early = fake_source_add_session (fixture->source, 5, now + 30 * MINUTE, 24 * 60);
  late = fake_source_add_session (fixture->source, 5, now + 30 * MINUTE, 60);

  start (fixture);
  spin (fixture, 20);

  g_assert_cmpuint (fixture->due->len, ==, 2);
  g_assert_cmpint (((BmbReminder *)g_ptr_array_index (fixture->due, 0))->item_id, ==, 1);
  g_assert_cmpint (((BmbReminder *)g_ptr_array_index (fixture->due, 1))->item_id, ==, 5);
  g_assert_cmpint (((BmbReminder *)g_ptr_array_index (fixture->due, 1))->offset_min, ==, 60);
  g_assert_cmpuint (fixture->logged_when_due, ==, 2);

  g_assert_cmpuint (fixture->n_summaries, ==, 1);
  g_assert_cmpuint (fixture->last_summary, ==, 2);

  g_assert_true (is_in_log (fixture->db, recent));
  g_assert_true (is_in_log (fixture->db, stale1));
  g_assert_true (is_in_log (fixture->db, stale2));
  g_assert_true (is_in_log (fixture->db, early));
  g_assert_true (is_in_log (fixture->db, late));
  g_assert_false (is_in_log (fixture->db, ancient));

  /* Next start: neither the reminders nor the summary come back. */
  g_clear_object (&fixture->scheduler);
  g_clear_object (&fixture->db);
  fixture->db = bmb_database_open (fixture->db_path, &error);
  g_assert_no_error (error);
  bmb_clock_advance (fixture->clock, 5 * MINUTE);
  fixture->scheduler = new_scheduler (fixture);
  start (fixture);
  spin (fixture, 20);
  g_assert_cmpuint (fixture->due->len, ==, 2);
  g_assert_cmpuint (fixture->n_summaries, ==, 1);
}

static void
test_created_late (Fixture       *fixture,
                   gconstpointer  data)
{
  gint64 now = t0 ();
  BmbReminder *past, *upcoming;

  start (fixture);
  bmb_clock_advance (fixture->clock, HOUR);
  now += HOUR;

  /* Imported while running: a session of yesterday (its reminder long
   * past) stays quiet for good; one starting in 5 minutes whose 15-minute
   * reminder has just passed is still worth a word. */
  past = fake_source_add_session (fixture->source, 1, now - DAY, 15);
  upcoming = fake_source_add_session (fixture->source, 2, now + 5 * MINUTE, 15);
  touch_sessions (fixture->db);
  spin (fixture, 20);

  g_assert_cmpuint (fixture->due->len, ==, 1);
  g_assert_cmpint (((BmbReminder *)g_ptr_array_index (fixture->due, 0))->item_id, ==, 2);
  g_assert_cmpuint (fixture->n_summaries, ==, 0);
  g_assert_true (is_in_log (fixture->db, past));
  g_assert_true (is_in_log (fixture->db, upcoming));
}

static void
test_snooze (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 now = t0 ();
  BmbReminder *reminder;
  gint64 snooze_at;

  reminder = fake_source_add_session (fixture->source, 9, now + 30 * MINUTE, 15);
  start (fixture);
  bmb_clock_set_now (fixture->clock, reminder->trigger_at);
  spin (fixture, 20);
  g_assert_cmpuint (fixture->due->len, ==, 1);

  g_assert_true (bmb_scheduler_snooze (fixture->scheduler,
                                       g_ptr_array_index (fixture->due, 0), 10, &error));
  g_assert_no_error (error);
  snooze_at = reminder->trigger_at + 10 * MINUTE;
  g_assert_cmpint (count_rows (fixture->db, "SELECT count(*) FROM snoozes"), ==, 1);
  g_assert_cmpint (bmb_scheduler_get_next_trigger (fixture->scheduler), ==, snooze_at);

  /* A restart in between does not lose it. */
  g_clear_object (&fixture->scheduler);
  g_clear_object (&fixture->db);
  fixture->db = bmb_database_open (fixture->db_path, &error);
  g_assert_no_error (error);
  bmb_clock_advance (fixture->clock, 2 * MINUTE);
  fixture->scheduler = new_scheduler (fixture);
  start (fixture);
  spin (fixture, 20);
  g_assert_cmpuint (fixture->due->len, ==, 1);
  g_assert_cmpint (bmb_scheduler_get_next_trigger (fixture->scheduler), ==, snooze_at);

  bmb_clock_set_now (fixture->clock, snooze_at - 1);
  spin (fixture, 20);
  g_assert_cmpuint (fixture->due->len, ==, 1);

  bmb_clock_set_now (fixture->clock, snooze_at);
  spin (fixture, 20);
  g_assert_cmpuint (fixture->due->len, ==, 2);
  g_assert_cmpint (((BmbReminder *)g_ptr_array_index (fixture->due, 1))->item_id, ==, 9);
  g_assert_cmpstr (((BmbReminder *)g_ptr_array_index (fixture->due, 1))->title, ==,
                   "Sesi mentoring");
  g_assert_cmpint (count_rows (fixture->db, "SELECT count(*) FROM snoozes"), ==, 0);

  /* Once. */
  bmb_clock_advance (fixture->clock, HOUR);
  spin (fixture, 20);
  bmb_scheduler_rearm (fixture->scheduler);
  g_assert_cmpuint (fixture->due->len, ==, 2);
}

static void
test_snooze_orphan (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 now = t0 ();
  BmbReminder *reminder;

  /* Snoozed before it was due, then the session is deleted. */
  reminder = fake_source_add_session (fixture->source, 4, now + 3 * HOUR, 15);
  start (fixture);
  g_assert_true (bmb_scheduler_snooze (fixture->scheduler, reminder, 30, &error));
  g_assert_no_error (error);
  g_assert_true (is_in_log (fixture->db, reminder));
  g_assert_cmpint (bmb_scheduler_get_next_trigger (fixture->scheduler), ==, now + 30 * MINUTE);

  fake_source_clear (fixture->source);
  touch_sessions (fixture->db);
  g_assert_cmpint (count_rows (fixture->db, "SELECT count(*) FROM snoozes"), ==, 0);
  bmb_clock_advance (fixture->clock, 4 * HOUR);
  spin (fixture, 20);
  g_assert_cmpuint (fixture->due->len, ==, 0);
}

static void
test_snooze_from_notifier (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(BmbNotifier) notifier = bmb_notifier_new ();
  g_autoptr(BmbScheduler) scheduler = NULL;
  g_autoptr(BmbReminderPresenter) presenter = NULL;
  gint64 now = t0 ();
  BmbReminder *reminder;

  reminder = fake_source_add_session (fixture->source, 3, now + 3 * HOUR, 15);
  scheduler = bmb_scheduler_new (fixture->db, fixture->clock, test_monitor);
  /* The scheduler knows nothing of the notifier: the presenter routes Snooze back. */
  presenter = bmb_reminder_presenter_new (scheduler, notifier);
  g_assert_true (bmb_reminder_presenter_get_notifier (presenter) == notifier);
  bmb_scheduler_add_source (scheduler, BMB_REMINDER_SOURCE (fixture->source));
  g_assert_true (bmb_scheduler_start (scheduler, NULL));

  /* What the notification's "Snooze" button does. */
  g_signal_emit_by_name (notifier, "snooze", reminder,
                         bmb_notifier_get_snooze_minutes (reminder));
  g_assert_cmpint (count_rows (fixture->db, "SELECT due_at FROM snoozes"), ==,
                   now + BMB_NOTIFIER_SNOOZE_SESSION_MIN * MINUTE);
  g_assert_cmpint (bmb_scheduler_get_next_trigger (scheduler), ==,
                   now + BMB_NOTIFIER_SNOOZE_SESSION_MIN * MINUTE);
  bmb_scheduler_stop (scheduler);
}

/* Many reminders due at once are shown one per main-loop turn (each show is a synchronous
 * D-Bus call): none while the scheduler announces them, then never more than one a turn. */
static void
test_presenter_spreads (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(BmbNotifier) notifier = bmb_notifier_new ();
  g_autoptr(BmbScheduler) scheduler = NULL;
  g_autoptr(BmbReminderPresenter) presenter = NULL;
  gint64 now = t0 ();
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  guint shown = 0;

  if (!bmb_notifier_check_server (notifier, NULL))
    {
      g_test_skip ("No notification server on the session bus");
      return;
    }

  scheduler = bmb_scheduler_new (fixture->db, fixture->clock, test_monitor);
  presenter = bmb_reminder_presenter_new (scheduler, notifier);
  for (guint i = 0; i < 5; i++)
    {
      BmbReminder *reminder = fake_source_add_session (fixture->source, 70 + i,
                                                       now + HOUR + i * MINUTE, 60);

      g_ptr_array_add (keys, bmb_reminder_dup_key (reminder));
      g_signal_emit_by_name (scheduler, "reminder-due", reminder);
    }
  g_assert_cmpuint (bmb_notifier_get_n_shown (notifier), ==, 0);

  while (shown < 5 && g_get_monotonic_time () < deadline)
    {
      guint now_shown;

      g_main_context_iteration (NULL, FALSE);
      now_shown = bmb_notifier_get_n_shown (notifier);
      g_assert_cmpuint (now_shown, <=, shown + 1);
      shown = now_shown;
    }
  g_assert_cmpuint (shown, ==, 5);

  /* Leave the session's notification server as it was. */
  for (guint i = 0; i < keys->len; i++)
    bmb_notifier_withdraw (notifier, g_ptr_array_index (keys, i));
}

static void
test_many (Fixture       *fixture,
           gconstpointer  data)
{
  gint64 now = t0 ();
  gint64 begin, elapsed;
  guint n = 2000;

  /* A busy week: 2000 reminders, every five minutes, latest first. */
  for (guint i = n; i > 0; i--)
    fake_source_add_session (fixture->source, i, now + (gint64)i * 5 * MINUTE, 0);

  start (fixture);
  g_assert_cmpint (bmb_scheduler_get_next_trigger (fixture->scheduler), ==, now + 5 * MINUTE);
  g_assert_cmpuint (count_timers (fixture), ==, 1);

  begin = g_get_monotonic_time ();
  bmb_scheduler_rearm (fixture->scheduler);
  elapsed = g_get_monotonic_time () - begin;
  g_printerr ("# one look over %u pending reminders took %.1f ms\n", n, elapsed / 1000.0);

  /* An hour passes in one jump: twelve due at once, all delivered. */
  bmb_clock_set_now (fixture->clock, now + HOUR);
  spin (fixture, 20);
  g_assert_cmpuint (fixture->due->len, ==, 12);
  g_assert_cmpint (count_log (fixture->db), ==, 12);
  g_assert_cmpint (bmb_scheduler_get_next_trigger (fixture->scheduler), ==, now + 65 * MINUTE);
  g_assert_cmpuint (count_timers (fixture), ==, 1);
}

static void
test_resume (Fixture       *fixture,
             gconstpointer  data)
{
  gint64 now = t0 ();
  BmbReminder *reminder;

  reminder = fake_source_add_session (fixture->source, 1, now + HOUR, 15);
  start (fixture);

  /* Suspended: time moves on and nobody is told (the timer runs on the
   * monotonic clock, which stops while asleep). */
  g_signal_handlers_block_matched (fixture->clock, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL,
                                   fixture->scheduler);
  bmb_clock_set_now (fixture->clock, reminder->trigger_at + 5 * MINUTE);
  g_signal_handlers_unblock_matched (fixture->clock, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL,
                                     fixture->scheduler);
  g_assert_cmpuint (fixture->due->len, ==, 0);

  /* logind says PrepareForSleep(false). */
  bmb_system_monitor_emit_resumed (test_monitor);
  g_assert_cmpuint (fixture->due->len, ==, 1);
  g_assert_cmpuint (fixture->n_summaries, ==, 0);
}

static void
set_tz (const char *tz)
{
  g_setenv ("TZ", tz, TRUE);
  bmb_system_monitor_emit_tz_changed (test_monitor);
}

static void
test_timezone (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GTimeZone) new_york = g_time_zone_new_identifier ("America/New_York");
  g_autoptr(GDateTime) before_dst = g_date_time_new (berlin, 2026, 3, 28, 12, 0, 0);
  g_autoptr(GDateTime) dst_day = g_date_time_new (berlin, 2026, 3, 29, 12, 0, 0);
  g_autoptr(GDateTime) expect1 = g_date_time_new (berlin, 2026, 3, 29, 0, 0, 0);
  g_autoptr(GDateTime) expect2 = g_date_time_new (berlin, 2026, 3, 30, 0, 0, 0);
  g_autoptr(GDateTime) expect3 = g_date_time_new (new_york, 2026, 3, 30, 0, 0, 0);

  bmb_clock_set_now (fixture->clock, g_date_time_to_unix (before_dst));
  start (fixture);
  g_assert_cmpint (bmb_scheduler_get_next_trigger (fixture->scheduler), ==,
                   jakarta_midnight_after (g_date_time_to_unix (before_dst)));

  /* The zone changes: the "look again at midnight" follows it, across the
   * night the clocks go forward (a 23-hour day). */
  set_tz ("Europe/Berlin");
  g_assert_cmpint (bmb_scheduler_get_next_trigger (fixture->scheduler), ==,
                   g_date_time_to_unix (expect1));
  bmb_clock_set_now (fixture->clock, g_date_time_to_unix (dst_day));
  g_assert_cmpint (bmb_scheduler_get_next_trigger (fixture->scheduler), ==,
                   g_date_time_to_unix (expect2));
  g_assert_cmpint (g_date_time_to_unix (expect2) - g_date_time_to_unix (expect1), ==, 23 * HOUR);

  /* $TZ cannot be watched, but every look notices it. */
  g_setenv ("TZ", "America/New_York", TRUE);
  bmb_scheduler_rearm (fixture->scheduler);
  g_assert_cmpint (bmb_scheduler_get_next_trigger (fixture->scheduler), ==,
                   g_date_time_to_unix (expect3));

  set_tz ("Asia/Jakarta");
}

static gboolean
on_guard_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

static void
test_real_clock_delay (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(BmbClock) real = bmb_clock_new ();
  g_autoptr(GSource) guard = NULL;
  gint64 trigger;
  gint64 delay_usec;

  /* A reminder at least 2 s ahead on the real clock. */
  trigger = g_get_real_time () / G_USEC_PER_SEC + 3;
  fake_source_add_session (fixture->source, 1, trigger + 15 * MINUTE, 15);
  bmb_scheduler_set_clock (fixture->scheduler, real);
  start (fixture);
  g_assert_cmpint (bmb_scheduler_get_next_trigger (fixture->scheduler), ==, trigger);

  /* A guard wakes the loop up if the reminder never comes. */
  guard = g_timeout_source_new_seconds (8);
  g_source_set_callback (guard, on_guard_cb, NULL, NULL);
  g_source_attach (guard, fixture->context);
  while (fixture->due->len == 0 && g_get_real_time () < (trigger + 5) * G_USEC_PER_SEC)
    g_main_context_iteration (fixture->context, TRUE);
  g_source_destroy (guard);

  g_assert_cmpuint (fixture->due->len, ==, 1);
  delay_usec = fixture->due_at_usec - trigger * G_USEC_PER_SEC;
  g_test_message ("reminder-due fired %.1f ms after its due time", delay_usec / 1000.0);
  g_printerr ("# reminder-due delay: %.1f ms after the due time\n", delay_usec / 1000.0);

  /* Never early, and well within a second. */
  g_assert_cmpint (delay_usec, >=, 0);
  g_assert_cmpint (delay_usec, <, G_USEC_PER_SEC);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Jakarta", TRUE);
  g_test_init (&argc, &argv, NULL);

  /* Created once on the global default context, as in the app (its BmbContext). */
  test_monitor = bmb_system_monitor_new ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/scheduler/next-due", test_next_due);
  ADD ("/scheduler/presenter-spreads", test_presenter_spreads);
  ADD ("/scheduler/one-timer", test_one_timer);
  ADD ("/scheduler/rearm-on-change", test_rearm_on_change);
  ADD ("/scheduler/restart-no-repeat", test_restart_no_repeat);
  ADD ("/scheduler/missed", test_missed);
  ADD ("/scheduler/created-late", test_created_late);
  ADD ("/scheduler/snooze/again", test_snooze);
  ADD ("/scheduler/snooze/orphan", test_snooze_orphan);
  ADD ("/scheduler/snooze/from-notifier", test_snooze_from_notifier);
  ADD ("/scheduler/many", test_many);
  ADD ("/scheduler/resume", test_resume);
  ADD ("/scheduler/timezone", test_timezone);
  ADD ("/scheduler/real-clock-delay", test_real_clock_delay);

#undef ADD

  return g_test_run ();
}
