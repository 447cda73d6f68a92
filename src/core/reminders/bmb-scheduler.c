/* bmb-scheduler.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every look ("rearm") does the same thing, whatever caused it (start, the
 * timer, a database change, resume, a zone change, a clock jump):
 *
 *  1. ask every source for [now - look-back, now + look-ahead), drop what
 *     reminder_log already holds, add the snoozes;
 *  2. settle what is due (trigger_at <= now): record it in reminder_log in
 *     one transaction, then announce it. Due things fall in three groups:
 *     - delivered: shown now (recent, or the event has not ended yet);
 *     - stale: missed long ago and over: logged, counted in ONE summary;
 *     - silent: logged without a word (created after its reminder time had
 *       passed for an event already under way, or an earlier offset of an
 *       occurrence that is being delivered anyway);
 *  3. arm the one timer for the earliest future trigger, or the next local
 *     midnight, whichever comes first.
 *
 * "checked_until" is the wall-clock time of the previous look: a reminder
 * due before it that was not logged was created late (an edit, an import);
 * at start it is set to the start of the look-back so everything found
 * there counts as missed.
 *
 * Step 1 lives in bmb-scheduler-collect.c; the reminder_log and snoozes
 * SQL in bmb-reminder-log.c.
 */

#define G_LOG_DOMAIN "bmb-scheduler"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-reminder-log.h"
#include "bmb-scheduler.h"
#include "bmb-scheduler-private.h"
#include "bmb-system-monitor.h"

/* A reminder this recent is always delivered, even if its event is over. */
#define GRACE_SEC        (10 * 60)
/* After a failed look, try again this much later. */
#define RETRY_SEC        60

#define WATCHED_CHANGES (BMB_CHANGE_CONTACTS | BMB_CHANGE_INTERACTIONS | \
                         BMB_CHANGE_RELATIONSHIPS | BMB_CHANGE_SESSIONS | \
                         BMB_CHANGE_GOALS | BMB_CHANGE_REMINDERS)

struct _BmbScheduler
{
  GObject parent_instance;

  /* owned */
  BmbDatabase      *db;
  BmbClock         *clock;
  BmbSystemMonitor *monitor;
  GPtrArray        *sources;
  GMainContext     *context;
  GSource          *timer;         /* the one timer */
  BmbReminder      *next_reminder; /* what the timer is armed for, or NULL */
  GTimeZone        *zone;

  /* state */
  gint64            next_trigger;
  gint64            checked_until;
  gulong            changed_id;
  gulong            resumed_id;
  gulong            tz_id;
  gulong            jumped_id;
  guint             started : 1;
  guint             in_rearm : 1;
  guint             rearm_again : 1;
  guint             writing : 1;
};

G_DEFINE_FINAL_TYPE (BmbScheduler, bmb_scheduler, G_TYPE_OBJECT)

enum {
  REMINDER_DUE,
  SUMMARY_DUE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Decides the fate of everything due; returns the number of stale ones. */
static guint
classify (BmbScheduler *self,
          GPtrArray    *pending,
          gint64        now)
{
  guint n_stale = 0;

  for (guint i = 0; i < pending->len; i++)
    {
      Pending *p = g_ptr_array_index (pending, i);
      const BmbReminder *r = p->reminder;

      if (r->trigger_at > now)
        p->fate = FATE_PENDING;
      else if (!p->snoozed && r->trigger_at <= self->checked_until)
        p->fate = r->event_start > now ? FATE_DELIVER : FATE_SILENT;
      else if (r->trigger_at >= now - GRACE_SEC || r->event_end > now)
        p->fate = FATE_DELIVER;
      else
        p->fate = FATE_STALE;
    }

  /* Several offsets of one occurrence due at once (the app was closed, or
   * the machine asleep): only the latest one speaks. Pending is sorted by
   * trigger, so a later delivered one silences the earlier ones. */
  for (guint i = 0; i < pending->len; i++)
    {
      Pending *p = g_ptr_array_index (pending, i);

      if (p->fate != FATE_DELIVER)
        continue;

      for (guint j = i + 1; j < pending->len; j++)
        {
          Pending *q = g_ptr_array_index (pending, j);

          if (q->fate == FATE_DELIVER && _bmb_reminder_same_occurrence (p->reminder, q->reminder))
            {
              p->fate = FATE_SILENT;
              break;
            }
        }
    }

  for (guint i = 0; i < pending->len; i++)
    if (((Pending *)g_ptr_array_index (pending, i))->fate == FATE_STALE)
      n_stale++;

  return n_stale;
}

/* Records everything due (and drops orphaned snoozes) in one transaction. */
static gboolean
record (BmbScheduler  *self,
        GPtrArray     *pending,
        GPtrArray     *orphans,
        gint64         now,
        GError       **error)
{
  gboolean any = orphans->len > 0;
  gboolean ok = TRUE;

  for (guint i = 0; i < pending->len && !any; i++)
    any = ((Pending *)g_ptr_array_index (pending, i))->fate != FATE_PENDING;

  if (!any)
    return TRUE;

  self->writing = TRUE;

  if (!bmb_database_begin (self->db, error))
    {
      self->writing = FALSE;
      return FALSE;
    }

  for (guint i = 0; ok && i < pending->len; i++)
    {
      Pending *p = g_ptr_array_index (pending, i);

      if (p->fate == FATE_PENDING)
        continue;

      ok = bmb_reminder_log_record (self->db, p->reminder, now, error) &&
           (!p->snoozed || bmb_reminder_log_delete_snooze (self->db, p->reminder, error));
    }

  for (guint i = 0; ok && i < orphans->len; i++)
    ok = bmb_reminder_log_delete_snooze (self->db, g_ptr_array_index (orphans, i), error);

  if (ok)
    {
      bmb_database_mark_changed (self->db, BMB_CHANGE_REMINDERS);
      ok = bmb_database_commit (self->db, error);
    }

  if (!ok)
    bmb_database_rollback (self->db);

  self->writing = FALSE;

  return ok;
}

static void
announce (BmbScheduler *self,
          GPtrArray    *pending,
          guint         n_stale,
          gint64        now)
{
  for (guint i = 0; i < pending->len; i++)
    {
      Pending *p = g_ptr_array_index (pending, i);
      if (p->fate != FATE_DELIVER)
        continue;

      g_signal_emit (self, signals[REMINDER_DUE], 0, p->reminder);
    }

  if (n_stale > 0)
    g_signal_emit (self, signals[SUMMARY_DUE], 0, n_stale);
}

static gint64
next_local_midnight (BmbScheduler *self,
                     gint64        now)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (now);
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) midnight = NULL;
  g_autoptr(GDateTime) next = NULL;

  if (utc == NULL)
    return now + 24 * 60 * 60;

  local = g_date_time_to_timezone (utc, self->zone);
  midnight = g_date_time_new (self->zone,
                              g_date_time_get_year (local),
                              g_date_time_get_month (local),
                              g_date_time_get_day_of_month (local),
                              0, 0, 0);
  next = midnight ? g_date_time_add_days (midnight, 1) : NULL;

  if (next == NULL || g_date_time_to_unix (next) <= now)
    return now + 24 * 60 * 60;

  return g_date_time_to_unix (next);
}

static void
disarm (BmbScheduler *self)
{
  if (self->timer != NULL)
    {
      g_source_destroy (self->timer);
      g_clear_pointer (&self->timer, g_source_unref);
    }
  g_clear_pointer (&self->next_reminder, bmb_reminder_unref);
  self->next_trigger = 0;
}

static gboolean on_timer_cb (gpointer user_data);

static void
arm (BmbScheduler *self,
     gint64        target,
     BmbReminder  *reminder)
{
  gint64 now_usec = bmb_clock_get_now_usec (self->clock);
  gint64 delay_usec = target * G_USEC_PER_SEC - now_usec;
  guint delay_msec = delay_usec <= 0 ? 0 : (guint)((delay_usec + 999) / 1000);

  disarm (self);

  self->next_trigger = target;
  self->next_reminder = reminder ? bmb_reminder_ref (reminder) : NULL;

  /* A plain timeout, not g_timeout_add_seconds (): those are batched and
   * may run up to a second late. */
  self->timer = g_timeout_source_new (delay_msec);
  g_source_set_name (self->timer, "[bimbing] reminder timer");
  g_source_set_callback (self->timer, on_timer_cb, self, NULL);
  g_source_attach (self->timer, self->context);

  g_debug ("Next look at %" G_GINT64_FORMAT " (in %u ms)%s", target, delay_msec,
           reminder ? ", for a reminder" : "");
}

static gboolean
rearm_once (BmbScheduler  *self,
            GError       **error)
{
  g_autoptr(GPtrArray) orphans = g_ptr_array_new_with_free_func ((GDestroyNotify)bmb_reminder_unref);
  g_autoptr(GPtrArray) pending = NULL;
  gint64 now = bmb_clock_get_now (self->clock);
  BmbReminder *next = NULL;
  gint64 target;
  guint n_stale;

  /* $TZ cannot be watched: look at it whenever we look at anything. */
  bmb_system_monitor_check_tz (self->monitor);

  pending = _bmb_scheduler_collect (self->db, self->sources, now, orphans, error);
  if (pending == NULL)
    goto failed;

  n_stale = classify (self, pending, now);

  /* Recorded before anything is shown: a crash or a restart in between
   * loses a notification rather than repeating it. */
  if (!record (self, pending, orphans, now, error))
    goto failed;

  self->checked_until = now;

  announce (self, pending, n_stale, now);

  /* A handler may have stopped us. */
  if (!self->started)
    return TRUE;

  /* Pending is sorted by trigger: the first one not yet due is the next. */
  target = next_local_midnight (self, now);
  for (guint i = 0; i < pending->len; i++)
    {
      Pending *p = g_ptr_array_index (pending, i);

      if (p->fate == FATE_PENDING)
        {
          if (p->reminder->trigger_at < target)
            {
              target = p->reminder->trigger_at;
              next = p->reminder;
            }
          break;
        }
    }

  arm (self, target, next);

  return TRUE;

failed:
  arm (self, now + RETRY_SEC, NULL);
  return FALSE;
}

static gboolean
rearm_internal (BmbScheduler  *self,
                GError       **error)
{
  gboolean ok = TRUE;

  if (!self->started)
    return TRUE;

  if (self->in_rearm)
    {
      /* A handler of ours changed something: look once more afterwards. */
      self->rearm_again = TRUE;
      return TRUE;
    }

  self->in_rearm = TRUE;
  do
    {
      self->rearm_again = FALSE;
      ok = rearm_once (self, error);
    }
  while (ok && self->rearm_again && self->started);
  self->in_rearm = FALSE;

  return ok;
}

static gboolean
on_timer_cb (gpointer user_data)
{
  BmbScheduler *self = user_data;
  g_autoptr(GError) error = NULL;

  /* The source is being dispatched, which keeps it alive until we return. */
  g_clear_pointer (&self->timer, g_source_unref);

  if (!rearm_internal (self, &error))
    g_warning ("Could not check reminders: %s", error->message);

  return G_SOURCE_REMOVE;
}

static void
on_database_changed_cb (BmbScheduler *self,
                        guint         flags,
                        BmbDatabase  *db)
{
  /* Our own reminder_log and snoozes writes need no second look. */
  if (self->writing || (flags & WATCHED_CHANGES) == 0)
    return;

  bmb_scheduler_rearm (self);
}

static void
on_monitor_resumed_cb (BmbScheduler     *self,
                       BmbSystemMonitor *monitor)
{
  g_debug ("Resumed: looking again");
  bmb_scheduler_rearm (self);
}

static void
on_monitor_timezone_changed_cb (BmbScheduler     *self,
                                BmbSystemMonitor *monitor)
{
  g_clear_pointer (&self->zone, g_time_zone_unref);
  self->zone = bmb_system_monitor_ref_local_zone (monitor);

  g_debug ("Time zone changed: looking again");
  bmb_scheduler_rearm (self);
}

static void
on_clock_jumped_cb (BmbScheduler *self,
                    BmbClock     *clock)
{
  bmb_scheduler_rearm (self);
}

static void
bmb_scheduler_dispose (GObject *object)
{
  BmbScheduler *self = (BmbScheduler *)object;

  bmb_scheduler_stop (self);

  g_clear_object (&self->monitor);
  g_clear_object (&self->clock);
  g_clear_object (&self->db);
  if (self->sources != NULL)
    g_ptr_array_set_size (self->sources, 0);

  G_OBJECT_CLASS (bmb_scheduler_parent_class)->dispose (object);
}

static void
bmb_scheduler_finalize (GObject *object)
{
  BmbScheduler *self = (BmbScheduler *)object;

  g_clear_pointer (&self->sources, g_ptr_array_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->zone, g_time_zone_unref);

  G_OBJECT_CLASS (bmb_scheduler_parent_class)->finalize (object);
}

static void
bmb_scheduler_class_init (BmbSchedulerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bmb_scheduler_dispose;
  object_class->finalize = bmb_scheduler_finalize;

  /**
   * BmbScheduler::reminder-due:
   * @reminder: the reminder, already recorded as delivered
   */
  signals[REMINDER_DUE] =
    g_signal_new ("reminder-due",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, BMB_TYPE_REMINDER);

  /**
   * BmbScheduler::summary-due:
   * @n_missed: how many stale reminders were summarised
   */
  signals[SUMMARY_DUE] =
    g_signal_new ("summary-due",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
bmb_scheduler_init (BmbScheduler *self)
{
  self->sources = g_ptr_array_new_with_free_func (g_object_unref);
  self->context = g_main_context_ref_thread_default ();
}

BmbScheduler *
bmb_scheduler_new (BmbDatabase      *db,
                   BmbClock         *clock,
                   BmbSystemMonitor *monitor)
{
  BmbScheduler *self;

  g_return_val_if_fail (BMB_IS_DATABASE (db), NULL);
  g_return_val_if_fail (clock == NULL || BMB_IS_CLOCK (clock), NULL);
  g_return_val_if_fail (monitor == NULL || BMB_IS_SYSTEM_MONITOR (monitor), NULL);

  self = g_object_new (BMB_TYPE_SCHEDULER, NULL);
  self->db = g_object_ref (db);
  self->clock = clock ? g_object_ref (clock) : bmb_clock_new ();
  self->monitor = monitor ? g_object_ref (monitor) : bmb_system_monitor_new ();
  self->zone = bmb_system_monitor_ref_local_zone (self->monitor);

  return self;
}

BmbSystemMonitor *
bmb_scheduler_get_system_monitor (BmbScheduler *self)
{
  g_return_val_if_fail (BMB_IS_SCHEDULER (self), NULL);

  return self->monitor;
}

void
bmb_scheduler_set_clock (BmbScheduler *self,
                         BmbClock     *clock)
{
  g_return_if_fail (BMB_IS_SCHEDULER (self));
  g_return_if_fail (BMB_IS_CLOCK (clock));

  if (self->clock == clock)
    return;

  g_clear_signal_handler (&self->jumped_id, self->clock);
  g_set_object (&self->clock, clock);

  if (self->started)
    {
      self->jumped_id = g_signal_connect_object (self->clock, "jumped",
                                                 G_CALLBACK (on_clock_jumped_cb),
                                                 self, G_CONNECT_SWAPPED);
      bmb_scheduler_rearm (self);
    }
}

BmbClock *
bmb_scheduler_get_clock (BmbScheduler *self)
{
  g_return_val_if_fail (BMB_IS_SCHEDULER (self), NULL);

  return self->clock;
}

void
bmb_scheduler_add_source (BmbScheduler      *self,
                          BmbReminderSource *source)
{
  g_return_if_fail (BMB_IS_SCHEDULER (self));
  g_return_if_fail (BMB_IS_REMINDER_SOURCE (source));

  if (g_ptr_array_find (self->sources, source, NULL))
    return;

  g_ptr_array_add (self->sources, g_object_ref (source));
  bmb_scheduler_rearm (self);
}

void
bmb_scheduler_remove_source (BmbScheduler      *self,
                             BmbReminderSource *source)
{
  g_return_if_fail (BMB_IS_SCHEDULER (self));
  g_return_if_fail (BMB_IS_REMINDER_SOURCE (source));

  if (g_ptr_array_remove (self->sources, source))
    bmb_scheduler_rearm (self);
}

gboolean
bmb_scheduler_start (BmbScheduler  *self,
                     GError       **error)
{
  g_return_val_if_fail (BMB_IS_SCHEDULER (self), FALSE);

  if (self->started)
    return TRUE;

  self->started = TRUE;

  /* Whatever lies in the look-back and is not logged was missed. */
  self->checked_until = bmb_clock_get_now (self->clock) - BMB_SCHEDULER_LOOK_BACK_SEC - 1;

  self->changed_id = g_signal_connect_object (self->db, "changed",
                                              G_CALLBACK (on_database_changed_cb),
                                              self, G_CONNECT_SWAPPED);
  self->resumed_id = g_signal_connect_object (self->monitor, "resumed",
                                              G_CALLBACK (on_monitor_resumed_cb),
                                              self, G_CONNECT_SWAPPED);
  self->tz_id = g_signal_connect_object (self->monitor, "timezone-changed",
                                         G_CALLBACK (on_monitor_timezone_changed_cb),
                                         self, G_CONNECT_SWAPPED);
  self->jumped_id = g_signal_connect_object (self->clock, "jumped",
                                             G_CALLBACK (on_clock_jumped_cb),
                                             self, G_CONNECT_SWAPPED);

  /* On failure the scheduler stays started and retries in a minute. */
  return rearm_internal (self, error);
}

void
bmb_scheduler_stop (BmbScheduler *self)
{
  g_return_if_fail (BMB_IS_SCHEDULER (self));

  if (!self->started)
    return;

  self->started = FALSE;
  g_clear_signal_handler (&self->changed_id, self->db);
  g_clear_signal_handler (&self->resumed_id, self->monitor);
  g_clear_signal_handler (&self->tz_id, self->monitor);
  g_clear_signal_handler (&self->jumped_id, self->clock);
  disarm (self);
}

void
bmb_scheduler_rearm (BmbScheduler *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (BMB_IS_SCHEDULER (self));

  if (!rearm_internal (self, &error))
    g_warning ("Could not check reminders: %s", error->message);
}

gboolean
bmb_scheduler_snooze (BmbScheduler  *self,
                      BmbReminder   *reminder,
                      int            minutes,
                      GError       **error)
{
  gint64 now;
  gboolean ok;

  g_return_val_if_fail (BMB_IS_SCHEDULER (self), FALSE);
  g_return_val_if_fail (reminder != NULL, FALSE);
  g_return_val_if_fail (minutes > 0, FALSE);

  now = bmb_clock_get_now (self->clock);

  self->writing = TRUE;
  if (!bmb_database_begin (self->db, error))
    {
      self->writing = FALSE;
      return FALSE;
    }

  ok = bmb_reminder_log_add_snooze (self->db, reminder, now + (gint64)minutes * 60, error);

  /* Snoozing a reminder not shown yet replaces it: the original is done. */
  ok = ok && bmb_reminder_log_record (self->db, reminder, now, error);

  if (ok)
    {
      bmb_database_mark_changed (self->db, BMB_CHANGE_REMINDERS);
      ok = bmb_database_commit (self->db, error);
    }

  if (!ok)
    bmb_database_rollback (self->db);
  self->writing = FALSE;

  if (!ok)
    {
      g_prefix_error (error, _("Could not snooze the reminder for “%s”: "),
                      reminder->title ? reminder->title : bmb_reminder_kind_to_string (reminder->kind));
      return FALSE;
    }

  bmb_scheduler_rearm (self);

  return TRUE;
}

gint64
bmb_scheduler_get_next_trigger (BmbScheduler *self)
{
  g_return_val_if_fail (BMB_IS_SCHEDULER (self), 0);

  return self->next_trigger;
}

BmbReminder *
bmb_scheduler_get_next_reminder (BmbScheduler *self)
{
  g_return_val_if_fail (BMB_IS_SCHEDULER (self), NULL);

  return self->next_reminder;
}
