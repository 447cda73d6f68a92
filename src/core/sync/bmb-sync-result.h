/* bmb-sync-result.h — what one sync of one collection did
 *
 * Copyright 2026 The Bimbing Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define BMB_TYPE_SYNC_RESULT (bmb_sync_result_get_type ())
G_DECLARE_FINAL_TYPE (BmbSyncResult, bmb_sync_result, BMB, SYNC_RESULT, GObject)

BmbSyncResult      *bmb_sync_result_new                 (void);
/* Items written to the server (new or changed). */
guint               bmb_sync_result_get_sent            (BmbSyncResult *self);
/* Items written here from the server (new or changed). */
guint               bmb_sync_result_get_received        (BmbSyncResult *self);
/* Items deleted here because they were deleted on the server. */
guint               bmb_sync_result_get_deleted_local   (BmbSyncResult *self);
/* Items deleted on the server because they were deleted here. */
guint               bmb_sync_result_get_deleted_remote  (BmbSyncResult *self);
/* Properties changed on both sides; each conflict's description, translated. */
guint               bmb_sync_result_get_n_conflicts     (BmbSyncResult *self);
const char * const *bmb_sync_result_get_conflicts       (BmbSyncResult *self);
/* Items that could not be written here (for example an action item whose session is
 * not on this computer); they stay on the server. */
guint               bmb_sync_result_get_skipped         (BmbSyncResult *self);
/* Translated, one line: "Sent 2, received 5, …". */
char               *bmb_sync_result_to_string           (BmbSyncResult *self);

/* For the engine. */
void                _bmb_sync_result_add_sent           (BmbSyncResult *self);
void                _bmb_sync_result_add_received       (BmbSyncResult *self);
void                _bmb_sync_result_add_deleted_local  (BmbSyncResult *self);
void                _bmb_sync_result_add_deleted_remote (BmbSyncResult *self);
void                _bmb_sync_result_add_skipped        (BmbSyncResult *self);
void                _bmb_sync_result_add_conflict       (BmbSyncResult *self,
                                                         const char    *description);

G_END_DECLS
