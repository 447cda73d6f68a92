/* bmb-sync-manager.h — when Bimbing syncs: every account's calendar and address book,
 * off the main thread, one sync at a time
 *
 * Copyright 2026 The Bimbing Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Owned by BmbContext (bmb_context_get_sync_manager(), made on first use). A sync goes
 * through every account: it opens the account's calendar and address book
 * (BmbDavCollection with the account's client; both kept for the next sync, so a sync with
 * nothing to do costs one request per collection) and runs BmbSyncEngine on them in one
 * worker thread, then records the outcome on the account (bmb_sync_accounts_record_sync())
 * and emits ::account-synced. A sync asked for while one runs runs once after it.
 *
 * bmb_sync_manager_start() turns on the automatic syncs of a running application: one
 * soon after start-up (at low priority, after the first frame), one 10 seconds after the
 * last local change to sessions, goals, action items or contacts, and one every 15
 * minutes while the network is available. Without an account none of them does anything
 * and no timer runs.
 *
 * The mass-deletion guard of the engine is asked on the main thread through the ask
 * function (bmb_sync_manager_set_ask_func()); without one the answer is No.
 */
#pragma once

#include <gio/gio.h>

#include "bmb-sync-accounts.h"
#include "bmb-sync-engine.h"

G_BEGIN_DECLS

/* What one account's sync did. */
typedef struct {
  gint64         account_id;
  char          *account_name;   /* "ana on dav.example.org" */
  BmbSyncResult *calendar;       /* nullable: not synced (none, or an error first) */
  BmbSyncResult *address_book;   /* nullable */
  char          *error;          /* nullable: the sync went well */
} BmbSyncReport;

void bmb_sync_report_free (BmbSyncReport *report);
/* Translated, one paragraph: the account, then what was sent and received and the
 * conflicts, collection by collection (not the error). */
char *bmb_sync_report_to_string (const BmbSyncReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BmbSyncReport, bmb_sync_report_free)

/* A question of the mass-deletion guard, waiting for bmb_sync_question_answer(). */
typedef struct _BmbSyncQuestion BmbSyncQuestion;

BmbSyncGuardReason    bmb_sync_question_get_reason  (BmbSyncQuestion *question);
BmbSyncCollectionKind bmb_sync_question_get_kind    (BmbSyncQuestion *question);
guint                 bmb_sync_question_get_n_items (BmbSyncQuestion *question);
const char           *bmb_sync_question_get_url     (BmbSyncQuestion *question);
/* The question in words, translated ("The calendar on the server is empty. …"). */
char                 *bmb_sync_question_dup_text    (BmbSyncQuestion *question);
/* Call exactly once, on the main thread; TRUE goes ahead with the deletions. */
void                  bmb_sync_question_answer      (BmbSyncQuestion *question,
                                                     gboolean         go_ahead);

/* Called on the main thread; answer now or later with bmb_sync_question_answer(). */
typedef void (*BmbSyncAskFunc) (BmbSyncQuestion *question,
                                gpointer         user_data);

#define BMB_TYPE_SYNC_MANAGER (bmb_sync_manager_get_type ())
G_DECLARE_FINAL_TYPE (BmbSyncManager, bmb_sync_manager, BMB, SYNC_MANAGER, GObject)

BmbSyncManager *bmb_sync_manager_new              (BmbDatabase         *database,
                                                   BmbSyncAccounts     *accounts);
BmbSyncEngine  *bmb_sync_manager_get_engine       (BmbSyncManager      *self);
void            bmb_sync_manager_set_ask_func     (BmbSyncManager      *self,
                                                   BmbSyncAskFunc       func,
                                                   gpointer             user_data,
                                                   GDestroyNotify       destroy);

/* The automatic syncs (see above). */
void            bmb_sync_manager_start            (BmbSyncManager      *self);
/* Seconds between a local change and its sync (10), and between two syncs (900). */
void            bmb_sync_manager_set_delays       (BmbSyncManager      *self,
                                                   guint                debounce_ms,
                                                   guint                interval_seconds);
/* Accounts were added or removed: the timer follows; an added account syncs now. */
void            bmb_sync_manager_accounts_changed (BmbSyncManager      *self);

/* Cancels a sync that runs and turns the automatic syncs off for good (the context's
 * dispose). */
void            bmb_sync_manager_stop             (BmbSyncManager      *self);

/* Removes the account (its password too) and what was synced through it, in one
 * transaction; every session and contact stays. */
gboolean        bmb_sync_manager_remove_account   (BmbSyncManager      *self,
                                                   gint64               account_id,
                                                   GCancellable        *cancellable,
                                                   GError             **error);

/* "Sync Now": every account, in the background. */
void            bmb_sync_manager_sync_now         (BmbSyncManager      *self);
gboolean        bmb_sync_manager_get_syncing      (BmbSyncManager      *self);
/* What the last sync of this run did on the account, in words (with its conflicts), or
 * NULL. The account's last sync and error are on BmbSyncAccount. */
char           *bmb_sync_manager_dup_status       (BmbSyncManager      *self,
                                                   gint64               account_id);

/* HTTP requests sent so far by the collections kept for the next sync (not while one
 * runs): for tests and benchmarks. */
guint           bmb_sync_manager_get_n_requests   (BmbSyncManager      *self);

/* Every account once (joining the run that is on, or the next one). out_reports: what
 * each account's sync did (element type BmbSyncReport; empty without an account), set
 * whenever the run happened, even when FALSE is returned: BMB_SYNC_ERROR_FAILED with the
 * first account's error (it names the account's collection) when one failed. */
void            bmb_sync_manager_sync_async       (BmbSyncManager      *self,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gboolean        bmb_sync_manager_sync_finish      (BmbSyncManager      *self,
                                                   GAsyncResult        *result,
                                                   GPtrArray          **out_reports,
                                                   GError             **error);

G_END_DECLS
