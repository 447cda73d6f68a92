/* bmb-follow-up-reminders.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Follow-ups as a BmbReminderSource: kind "follow-up", item = contact id,
 * occurrence = the due date "YYYY-MM-DD" (of the interval or of a one-off
 * follow-up, whichever comes first), triggered at 09:00 local time on
 * that day, stale after the end of that day.
 */

#pragma once

#include "bmb-database.h"
#include "bmb-reminder-source.h"

G_BEGIN_DECLS

/* Local hour at which a follow-up reminder fires on its due date. */
#define BMB_FOLLOW_UP_REMINDER_HOUR 9

#define BMB_TYPE_FOLLOW_UP_REMINDERS (bmb_follow_up_reminders_get_type ())

G_DECLARE_FINAL_TYPE (BmbFollowUpReminders, bmb_follow_up_reminders,
                      BMB, FOLLOW_UP_REMINDERS, GObject)

BmbFollowUpReminders *bmb_follow_up_reminders_new (BmbDatabase *database);

G_END_DECLS
