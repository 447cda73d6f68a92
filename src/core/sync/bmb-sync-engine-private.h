/* bmb-sync-engine-private.h — one sync run, and the status table
 *
 * Copyright 2026 The Bimbing Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bmb-sync-engine.h"
#include "bmb-sync-map-private.h"

G_BEGIN_DECLS

#define BMB_SYNC_BATCH 100

typedef struct
{
  BmbSyncEngine         *engine;
  BmbSyncRemote         *remote;
  BmbDatabase           *db;            /* the worker connection */
  BmbSyncMap             map;
  BmbSyncResult         *result;
  GCancellable          *cancellable;
  BmbSyncCollectionKind  kind;
  gint64                 collection_id;
  char                  *url;
  char                  *stored_ctag;
  char                  *stored_token;
  char                  *new_ctag;      /* read this run */
  char                  *new_token;
} BmbSyncRun;

/* One sync_items row. */
typedef struct
{
  gint64       id;              /* 0: not stored yet */
  char        *uid;
  char        *href;
  char        *etag;
  char        *hash;
  char        *server_copy;
  char        *local_copy;
  BmbSyncKind  kind;
  gint64       local_id;
  gboolean     tombstone;
  char        *conflict;
} BmbSyncItem;

void         _bmb_sync_item_free            (BmbSyncItem  *item);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BmbSyncItem, _bmb_sync_item_free)

BmbSyncItem *_bmb_sync_item_by_href         (BmbSyncRun   *run,
                                             const char   *href,
                                             GError      **error);
BmbSyncItem *_bmb_sync_item_by_local        (BmbSyncRun   *run,
                                             BmbSyncKind   kind,
                                             gint64        local_id,
                                             GError      **error);
/* Every row of the collection, href → BmbSyncItem, without server_copy, local_copy and
 * conflict (NULL there). */
GHashTable  *_bmb_sync_items_load           (BmbSyncRun   *run,
                                             GError      **error);
/* Inserts (id 0) or updates the row; sets its id. */
gboolean     _bmb_sync_item_save            (BmbSyncRun   *run,
                                             BmbSyncItem  *item,
                                             GError      **error);
gboolean     _bmb_sync_item_delete          (BmbSyncRun   *run,
                                             BmbSyncItem  *item,
                                             GError      **error);
/* TRUE when a tombstone of this collection carries @uid. */
gboolean     _bmb_sync_uid_is_buried        (BmbSyncRun   *run,
                                             const char   *uid,
                                             GError      **error);
/* Marks (or clears) a local item as written since its last sync. */
gboolean     _bmb_sync_dirty_mark           (BmbSyncRun   *run,
                                             BmbSyncKind   kind,
                                             gint64        local_id,
                                             GError      **error);
gboolean     _bmb_sync_dirty_clear          (BmbSyncRun   *run,
                                             BmbSyncKind   kind,
                                             gint64        local_id,
                                             GError      **error);

/* Equal after normalisation (bmb_sync_content_hash), NULLs equal only to NULL. */
gboolean     _bmb_sync_same_content         (const char   *a,
                                             const char   *b);
/* Adds the translated description of each BmbSyncConflict to the result. */
void         _bmb_sync_report_conflicts     (BmbSyncRun   *run,
                                             const char   *data,
                                             GPtrArray    *conflicts);
/* Prefixes a remote error with the collection. */
void         _bmb_sync_prefix_error         (BmbSyncRun   *run,
                                             GError      **error);
/* Fetches one resource; NULL without an error when it is gone. */
BmbSyncResource *_bmb_sync_fetch_one        (BmbSyncRun   *run,
                                             const char   *href,
                                             GError      **error);

gboolean     _bmb_sync_engine_confirm       (BmbSyncEngine      *self,
                                             BmbSyncGuardReason  reason,
                                             guint               n_items,
                                             const char         *url,
                                             GError            **error);

gboolean     _bmb_sync_pull                 (BmbSyncRun   *run,
                                             GError      **error);
gboolean     _bmb_sync_push                 (BmbSyncRun   *run,
                                             GError      **error);

G_END_DECLS
