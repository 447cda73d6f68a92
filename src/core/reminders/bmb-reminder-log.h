/* bmb-reminder-log.h — the reminder_log and snoozes tables, read and written in one place
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * reminder_log holds one row per (kind, item, occurrence, offset) already delivered (or
 * settled without a word); snoozes holds one row per snoozed reminder with the time it is
 * due again. Both are keyed like a BmbReminder. The scheduler is the only caller; these
 * functions run no transaction of their own and mark no change: the caller does both.
 */

#pragma once

#include <glib.h>

#include "bmb-database.h"
#include "bmb-reminder-source.h"

G_BEGIN_DECLS

/* Returns 1 if @reminder is in reminder_log, 0 if not, -1 with @error set. */
int        bmb_reminder_log_is_recorded   (BmbDatabase        *db,
                                           const BmbReminder  *reminder,
                                           GError            **error);
/* Records @reminder as delivered at @delivered_at (replaces an earlier time). */
gboolean   bmb_reminder_log_record        (BmbDatabase        *db,
                                           const BmbReminder  *reminder,
                                           gint64              delivered_at,
                                           GError            **error);
/* Snoozes @reminder until @due_at (replaces an earlier snooze of it). */
gboolean   bmb_reminder_log_add_snooze    (BmbDatabase        *db,
                                           const BmbReminder  *reminder,
                                           gint64              due_at,
                                           GError            **error);
gboolean   bmb_reminder_log_delete_snooze (BmbDatabase        *db,
                                           const BmbReminder  *reminder,
                                           GError            **error);
/* The snooze rows due before @until, earliest first, as bare keys: a BmbReminder with
 * trigger_at set to the snooze's due time and no title or event times. Rows of a kind
 * this version does not know (written by a newer one) are left out. */
GPtrArray *bmb_reminder_log_list_snoozes  (BmbDatabase        *db,
                                           gint64              until,
                                           GError            **error);

G_END_DECLS
