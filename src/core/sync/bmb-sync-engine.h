/* bmb-sync-engine.h — two-way sync of one server collection with the local database
 *
 * Copyright 2026 The Bimbing Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One sync pulls what changed on the server (sync-collection where the collection has
 * it, falling back to a full listing when the token is refused; otherwise the ctag, then
 * an etag listing diffed against the status table), writes it here through the core
 * stores (one transaction per batch of 100), then pushes what changed here (new items as
 * <uuid>.ics / .vcf with If-None-Match: *, changes and deletions with If-Match to the
 * server's own href). What changed on both sides is merged property by property (see
 * bmb-sync-content.h); the server wins for scheduling, this computer for Bimbing's own
 * fields and notes, and each such conflict is reported. An item edited on one side and
 * deleted on the other comes back. A sync with nothing to do costs one request.
 *
 * The engine runs on a worker thread with its own database connection
 * (bmb_database_open_worker()); bmb_sync_engine_sync() blocks, the _async variant runs
 * it in a thread.
 */
#pragma once

#include <gio/gio.h>

#include "bmb-database.h"
#include "bmb-sync-remote.h"
#include "bmb-sync-result.h"

G_BEGIN_DECLS

typedef enum {
  BMB_SYNC_GUARD_EMPTIED,      /* a collection that had items comes back empty */
  BMB_SYNC_GUARD_URL_CHANGED,  /* the account's collection is not the one synced before */
} BmbSyncGuardReason;

/* Asked before mass deletions, on the sync thread: @n_items would be deleted on this
 * computer (EMPTIED), or forgotten as synced (URL_CHANGED: the new collection then gets
 * everything again). TRUE goes ahead; FALSE ends the sync with
 * BMB_SYNC_ERROR_CANCELLED_BY_USER. Without a function the answer is FALSE. */
typedef gboolean (*BmbSyncConfirmFunc) (BmbSyncGuardReason  reason,
                                        guint               n_items,
                                        const char         *url,
                                        gpointer            user_data);

#define BMB_TYPE_SYNC_ENGINE (bmb_sync_engine_get_type ())
G_DECLARE_FINAL_TYPE (BmbSyncEngine, bmb_sync_engine, BMB, SYNC_ENGINE, GObject)

BmbSyncEngine *bmb_sync_engine_new              (BmbDatabase         *database);
void           bmb_sync_engine_set_confirm_func (BmbSyncEngine       *self,
                                                 BmbSyncConfirmFunc   func,
                                                 gpointer             user_data,
                                                 GDestroyNotify       destroy);

/* Syncs @remote, the collection of account @account_id (a sync_accounts id) of its kind.
 * Blocks: call it from a worker thread. One engine runs one sync at a time; a second call
 * waits for the first. Errors are BMB_SYNC_ERROR (the remote's, prefixed
 * with the collection) or BMB_DATABASE_ERROR; what was done before an error stays done
 * and recorded, and the next sync carries on from there. */
BmbSyncResult *bmb_sync_engine_sync             (BmbSyncEngine       *self,
                                                 BmbSyncRemote       *remote,
                                                 gint64               account_id,
                                                 GCancellable        *cancellable,
                                                 GError             **error);
/* The same in a thread; the database's ::changed is emitted on the main connection when
 * anything was written here. */
void           bmb_sync_engine_sync_async       (BmbSyncEngine       *self,
                                                 BmbSyncRemote       *remote,
                                                 gint64               account_id,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
BmbSyncResult *bmb_sync_engine_sync_finish      (BmbSyncEngine       *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);

/* Forgets the status of every collection of @account_id (the account is removed; the
 * local data stays). */
gboolean       bmb_sync_engine_forget_account   (BmbSyncEngine       *self,
                                                 gint64               account_id,
                                                 GError             **error);

G_END_DECLS
