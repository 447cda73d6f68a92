/* bmb-scheduler-private.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What bmb-scheduler.c and bmb-scheduler-collect.c share: the reminders of
 * one look and their fate. Not for use outside the scheduler.
 */

#pragma once

#include <gio/gio.h>

#include "bmb-database.h"
#include "bmb-reminder-source.h"

G_BEGIN_DECLS

typedef enum
{
  FATE_PENDING,   /* not due yet */
  FATE_DELIVER,
  FATE_STALE,
  FATE_SILENT,
} Fate;

typedef struct
{
  BmbReminder *reminder;
  gboolean     snoozed;   /* from the snoozes table */
  Fate         fate;
} Pending;

static inline gboolean
_bmb_reminder_same_occurrence (const BmbReminder *a,
                               const BmbReminder *b)
{
  return a->item_id == b->item_id &&
         a->kind == b->kind &&
         g_strcmp0 (a->occurrence, b->occurrence) == 0;
}

/* The reminders of [now - look-back, now + look-ahead) from @sources (a
 * GPtrArray of BmbReminderSource) not in reminder_log, plus the snoozes due
 * by then, as Pending sorted by trigger; snoozes no source knows any more
 * are added to @orphans. NULL with @error set on a database error. */
GPtrArray *_bmb_scheduler_collect (BmbDatabase  *db,
                                   GPtrArray    *sources,
                                   gint64        now,
                                   GPtrArray    *orphans,
                                   GError      **error);

G_END_DECLS
