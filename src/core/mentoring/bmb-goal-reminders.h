/* bmb-goal-reminders.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * BmbReminderSource for SMART goal due dates: one BmbReminder of kind
 * "goal" per active goal with a due date, occurrence = the due date
 * "YYYY-MM-DD", triggering at 09:00 local time on that day. Achieved and
 * dropped goals produce none.
 */

#pragma once

#include "bmb-database.h"
#include "bmb-reminder-source.h"

G_BEGIN_DECLS

/* Local hour at which a goal's due-date reminder fires. */
#define BMB_GOAL_REMINDER_HOUR 9

#define BMB_TYPE_GOAL_REMINDERS (bmb_goal_reminders_get_type ())

G_DECLARE_FINAL_TYPE (BmbGoalReminders, bmb_goal_reminders, BMB, GOAL_REMINDERS, GObject)

/* Property: database (construct-only). */
BmbGoalReminders *bmb_goal_reminders_new          (BmbDatabase      *database);
/* The zone "local" means; NULL (the default) is g_time_zone_new_local(),
 * asked again on every call. For tests and a future zone preference. */
void              bmb_goal_reminders_set_timezone (BmbGoalReminders *self,
                                                   GTimeZone        *tz);

G_END_DECLS
