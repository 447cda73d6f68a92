/* bmb-reminder-presenter.h — shows what the scheduler says is due
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reminder path goes one way, as with Evolution-Data-Server's reminder watcher and its
 * alarm notifier: BmbScheduler only decides what is due and emits it; the presenter shows
 * it through a BmbNotifier and routes the notification's Snooze back to the scheduler as a
 * plain call. The time zone the texts use follows the scheduler's system monitor.
 */

#pragma once

#include <gio/gio.h>

#include "bmb-notifier.h"
#include "bmb-scheduler.h"

G_BEGIN_DECLS

#define BMB_TYPE_REMINDER_PRESENTER (bmb_reminder_presenter_get_type ())

G_DECLARE_FINAL_TYPE (BmbReminderPresenter, bmb_reminder_presenter, BMB, REMINDER_PRESENTER, GObject)

BmbReminderPresenter *bmb_reminder_presenter_new          (BmbScheduler         *scheduler,
                                                           BmbNotifier          *notifier);
BmbNotifier          *bmb_reminder_presenter_get_notifier (BmbReminderPresenter *self);

G_END_DECLS
