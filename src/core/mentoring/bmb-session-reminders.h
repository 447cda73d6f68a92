/* bmb-session-reminders.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * BmbReminderSource for session occurrences: one BmbReminder of kind
 * "session" per (occurrence, offset) whose trigger falls in the window.
 * Cancelled occurrences produce none.
 */

#pragma once

#include "bmb-mentoring-store.h"
#include "bmb-reminder-source.h"

G_BEGIN_DECLS

#define BMB_TYPE_SESSION_REMINDERS (bmb_session_reminders_get_type ())

G_DECLARE_FINAL_TYPE (BmbSessionReminders, bmb_session_reminders, BMB, SESSION_REMINDERS, GObject)

/* Property: store (construct-only). */
BmbSessionReminders *bmb_session_reminders_new (BmbMentoringStore *store);

G_END_DECLS
