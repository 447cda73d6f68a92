/* bmb-scheduler.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one reminder scheduler. It asks every BmbReminderSource for the
 * reminders of a bounded look-ahead window, drops the ones already in
 * reminder_log, adds due snoozes, and arms exactly one one-shot timer for
 * the earliest trigger (or the next local midnight when nothing is due
 * sooner). It re-arms on BmbDatabase::changed, on resume from suspend and
 * on a time-zone change. Delivered reminders are recorded in reminder_log
 * before they are shown, so nothing is shown twice, even across restarts.
 *
 * Signals:
 *   ::reminder-due (BmbReminder *reminder)  a reminder is being delivered.
 *   ::summary-due  (guint n_missed)         stale missed reminders, summarised
 *                                           once at start.
 */

#pragma once

#include <gio/gio.h>

#include "bmb-clock.h"
#include "bmb-database.h"
#include "bmb-system-monitor.h"
#include "bmb-reminder-source.h"

G_BEGIN_DECLS

/* How far ahead the scheduler looks, and how far back at start. */
#define BMB_SCHEDULER_LOOK_AHEAD_SEC  (7 * 24 * 60 * 60)
#define BMB_SCHEDULER_LOOK_BACK_SEC   (7 * 24 * 60 * 60)

#define BMB_TYPE_SCHEDULER (bmb_scheduler_get_type ())

G_DECLARE_FINAL_TYPE (BmbScheduler, bmb_scheduler, BMB, SCHEDULER, GObject)

/* Only watches and emits ::reminder-due and ::summary-due; presenting them is someone
 * else's job (BmbReminderPresenter). @clock and @monitor may be NULL for the real ones. */
BmbScheduler *bmb_scheduler_new              (BmbDatabase        *db,
                                              BmbClock           *clock,
                                              BmbSystemMonitor   *monitor);
BmbSystemMonitor *bmb_scheduler_get_system_monitor (BmbScheduler *self);
/* Before start: replace the real clock (tests). */
void          bmb_scheduler_set_clock        (BmbScheduler       *self,
                                              BmbClock           *clock);
BmbClock     *bmb_scheduler_get_clock        (BmbScheduler       *self);
void          bmb_scheduler_add_source       (BmbScheduler       *self,
                                              BmbReminderSource  *source);
void          bmb_scheduler_remove_source    (BmbScheduler       *self,
                                              BmbReminderSource  *source);
/* Delivers missed reminders (recent ones now, stale ones as one summary),
 * then arms the timer and starts listening for changes. Returns FALSE with
 * @error if that first look failed; it then tries again every minute. */
gboolean      bmb_scheduler_start            (BmbScheduler       *self,
                                              GError            **error);
void          bmb_scheduler_stop             (BmbScheduler       *self);
/* Recomputes the timer now (done automatically on every change). */
void          bmb_scheduler_rearm            (BmbScheduler       *self);
/* Fires again at now + @minutes, once; replaces an earlier snooze. A
 * reminder snoozed before it was due will not fire at its own time. */
gboolean      bmb_scheduler_snooze           (BmbScheduler       *self,
                                              BmbReminder        *reminder,
                                              int                 minutes,
                                              GError            **error);
/* Unix seconds the timer is armed for (a reminder, a snooze or the next
 * look), or 0 when stopped. */
gint64        bmb_scheduler_get_next_trigger (BmbScheduler       *self);
/* The reminder the timer is armed for, or NULL when it only looks again. */
BmbReminder  *bmb_scheduler_get_next_reminder (BmbScheduler      *self);

G_END_DECLS
