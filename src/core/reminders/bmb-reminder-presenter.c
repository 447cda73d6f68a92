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
  GQueue        queue;          /* Shown: what is still to show, in order */
  guint         show_id;
};

/* A reminder to show, or (reminder NULL) the summary of @n_missed stale ones. */
typedef struct
{
  BmbReminder *reminder;
  guint        n_missed;
} Shown;

static void
shown_free (Shown *shown)
{
  g_clear_pointer (&shown->reminder, bmb_reminder_unref);
  g_free (shown);
}

G_DEFINE_FINAL_TYPE (BmbReminderPresenter, bmb_reminder_presenter, G_TYPE_OBJECT)

/* Showing a notification is a synchronous D-Bus call (libnotify), and a notification
 * server takes longer the more it already shows: dozens of reminders due at once (a
 * first start on a full calendar) took seconds in one go. They are shown one per
 * main-loop turn at low priority, so the window keeps drawing and answering between them. */
static gboolean
show_next_cb (gpointer data)
{
  BmbReminderPresenter *self = data;
  g_autoptr(GError) error = NULL;
  Shown *shown = g_queue_pop_head (&self->queue);

  if (shown == NULL)
    {
      self->show_id = 0;
      return G_SOURCE_REMOVE;
    }

  /* The notifier logs a missing server once; details stay at debug. */
  if (shown->reminder != NULL)
    {
      gint64 now = bmb_clock_get_now (bmb_scheduler_get_clock (self->scheduler));

      if (!bmb_notifier_show_reminder (self->notifier, shown->reminder, now, &error))
        g_debug ("Reminder not shown: %s", error->message);
    }
  else if (!bmb_notifier_show_summary (self->notifier, shown->n_missed, &error))
    g_debug ("Summary not shown: %s", error->message);

  shown_free (shown);

  if (g_queue_is_empty (&self->queue))
    {
      self->show_id = 0;
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

static void
enqueue (BmbReminderPresenter *self,
         BmbReminder          *reminder,
         guint                 n_missed)
{
  Shown *shown = g_new0 (Shown, 1);

  shown->reminder = reminder != NULL ? bmb_reminder_ref (reminder) : NULL;
  shown->n_missed = n_missed;
  g_queue_push_tail (&self->queue, shown);

  if (self->show_id == 0)
    self->show_id = g_idle_add_full (G_PRIORITY_LOW, show_next_cb, self, NULL);
}

static void
on_reminder_due_cb (BmbReminderPresenter *self,
                    BmbReminder          *reminder,
                    BmbScheduler         *scheduler)
{
  enqueue (self, reminder, 0);
}

static void
on_summary_due_cb (BmbReminderPresenter *self,
                   guint                 n_missed,
                   BmbScheduler         *scheduler)
{
  enqueue (self, NULL, n_missed);
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

  g_clear_handle_id (&self->show_id, g_source_remove);
  g_queue_clear_full (&self->queue, (GDestroyNotify)shown_free);
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
  g_queue_init (&self->queue);
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
