/* bmb-context.h — what one running Bimbing shares: its data, clock and reminders
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bmb-checklist-store.h"
#include "bmb-clock.h"
#include "bmb-contact-store.h"
#include "bmb-database.h"
#include "bmb-draft-store.h"
#include "bmb-follow-up.h"
#include "bmb-goal-store.h"
#include "bmb-mentoring-store.h"
#include "bmb-scheduler.h"
#include "bmb-sync-accounts.h"
#include "bmb-undo-queue.h"
#include "bmb-sync-manager.h"
#include "bmb-system-monitor.h"

G_BEGIN_DECLS

#define BMB_TYPE_CONTEXT (bmb_context_get_type ())

G_DECLARE_FINAL_TYPE (BmbContext, bmb_context, BMB, CONTEXT, GObject)

/* Preferences the core reads (the application binds them to its settings) */
#define BMB_CONTEXT_DEFAULT_FOLLOW_UP_DAYS  30
#define BMB_CONTEXT_MAX_FOLLOW_UP_DAYS      365
#define BMB_CONTEXT_DEFAULT_SNOOZE_MINUTES  10
#define BMB_CONTEXT_MAX_SNOOZE_MINUTES      1440

/* Takes a reference on the open @database. @clock and @monitor may be NULL for the real
 * ones; tests pass a manual clock and their own monitor. */
BmbContext        *bmb_context_new                      (BmbDatabase       *database,
                                                         BmbClock          *clock,
                                                         BmbSystemMonitor  *monitor);
BmbDatabase       *bmb_context_get_database             (BmbContext        *self);
BmbClock          *bmb_context_get_clock                (BmbContext        *self);
BmbSystemMonitor  *bmb_context_get_system_monitor       (BmbContext        *self);
BmbMentoringStore *bmb_context_get_mentoring_store      (BmbContext        *self);
BmbGoalStore      *bmb_context_get_goal_store           (BmbContext        *self);
BmbContactStore   *bmb_context_get_contact_store        (BmbContext        *self);
BmbChecklistStore *bmb_context_get_checklist_store      (BmbContext        *self);
BmbSyncAccounts   *bmb_context_get_sync_accounts        (BmbContext        *self);
/* The deletes waiting for their Undo toast; flushed when a window closes,
 * at shutdown, and when the context goes. */
BmbUndoQueue      *bmb_context_get_undo_queue           (BmbContext        *self);
/* Made on first use, idle: the application calls bmb_sync_manager_start() on it. */
BmbSyncManager    *bmb_context_get_sync_manager         (BmbContext        *self);
/* The reminder scheduler with every reminder source (sessions, follow-ups, goals) added,
 * not started: the application starts it and presents what it emits. */
BmbScheduler      *bmb_context_get_scheduler            (BmbContext        *self);
BmbDraftStore     *bmb_context_get_draft_store          (BmbContext        *self);

/* "snooze-minutes": how long Snooze puts off a session reminder. */
guint              bmb_context_get_snooze_minutes       (BmbContext        *self);
/* "follow-up-days" as the count and unit a new follow-up starts with. */
void               bmb_context_get_default_follow_up    (BmbContext        *self,
                                                         guint             *count,
                                                         BmbFollowUpUnit   *unit);

G_END_DECLS
