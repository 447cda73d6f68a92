/* bmb-reminder-presenter.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-reminders"

#include "config.h"

#include "bmb-reminder-presenter.h"

struct _BmbReminderPresenter
{
  GObject       parent_instance;

  /* owned */
  BmbScheduler *scheduler;
  BmbNotifier  *notifier;
};

G_DEFINE_FINAL_TYPE (BmbReminderPresenter, bmb_reminder_presenter, G_TYPE_OBJECT)

static void
on_reminder_due_cb (BmbReminderPresenter *self,
                    BmbReminder          *reminder,
                    BmbScheduler         *scheduler)
{
  g_autoptr(GError) error = NULL;
  gint64 now = bmb_clock_get_now (bmb_scheduler_get_clock (scheduler));

  /* The notifier logs a missing server once; details stay at debug. */
  if (!bmb_notifier_show_reminder (self->notifier, reminder, now, &error))
    g_debug ("Reminder not shown: %s", error->message);
}

static void
on_summary_due_cb (BmbReminderPresenter *self,
                   guint                 n_missed,
                   BmbScheduler         *scheduler)
{
  g_autoptr(GError) error = NULL;

  if (!bmb_notifier_show_summary (self->notifier, n_missed, &error))
    g_debug ("Summary not shown: %s", error->message);
}

static void
on_snooze_cb (BmbReminderPresenter *self,
              BmbReminder          *reminder,
              int                   minutes,
              BmbNotifier          *notifier)
{
  g_autoptr(GError) error = NULL;

  if (!bmb_scheduler_snooze (self->scheduler, reminder, minutes, &error))
    g_warning ("Could not snooze a reminder: %s", error->message);
}

static void
on_timezone_changed_cb (BmbReminderPresenter *self,
                        BmbSystemMonitor     *monitor)
{
  g_autoptr(GTimeZone) zone = bmb_system_monitor_ref_local_zone (monitor);

  bmb_notifier_set_time_zone (self->notifier, zone);
}

static void
bmb_reminder_presenter_dispose (GObject *object)
{
  BmbReminderPresenter *self = (BmbReminderPresenter *)object;

  g_clear_object (&self->scheduler);
  g_clear_object (&self->notifier);

  G_OBJECT_CLASS (bmb_reminder_presenter_parent_class)->dispose (object);
}

static void
bmb_reminder_presenter_class_init (BmbReminderPresenterClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = bmb_reminder_presenter_dispose;
}

static void
bmb_reminder_presenter_init (BmbReminderPresenter *self)
{
}

BmbReminderPresenter *
bmb_reminder_presenter_new (BmbScheduler *scheduler,
                            BmbNotifier  *notifier)
{
  BmbReminderPresenter *self;
  BmbSystemMonitor *monitor;

  g_return_val_if_fail (BMB_IS_SCHEDULER (scheduler), NULL);
  g_return_val_if_fail (BMB_IS_NOTIFIER (notifier), NULL);

  self = g_object_new (BMB_TYPE_REMINDER_PRESENTER, NULL);
  self->scheduler = g_object_ref (scheduler);
  self->notifier = g_object_ref (notifier);
  monitor = bmb_scheduler_get_system_monitor (scheduler);

  g_signal_connect_object (scheduler, "reminder-due", G_CALLBACK (on_reminder_due_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (scheduler, "summary-due", G_CALLBACK (on_summary_due_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (notifier, "snooze", G_CALLBACK (on_snooze_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (monitor, "timezone-changed", G_CALLBACK (on_timezone_changed_cb),
                           self, G_CONNECT_SWAPPED);
  on_timezone_changed_cb (self, monitor);

  return self;
}

BmbNotifier *
bmb_reminder_presenter_get_notifier (BmbReminderPresenter *self)
{
  g_return_val_if_fail (BMB_IS_REMINDER_PRESENTER (self), NULL);

  return self->notifier;
}
