/* bmb-fake-remote.h — an in-memory BmbSyncRemote for the sync tests and benchmark
 *
 * Copyright 2026 The Bimbing Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One collection held in memory, with knobs: sync-collection or not, sync tokens that go
 * stale, a 412 on the next PUT, failures (SERVER, UNREACHABLE) from the nth request on,
 * etags that change without the content, and edits "from another client". Every call
 * that would be an HTTP request is counted (fetch once per batch of 100).
 */
#pragma once

#include "bmb-sync-remote.h"

G_BEGIN_DECLS

#define BMB_TYPE_FAKE_REMOTE (bmb_fake_remote_get_type ())
G_DECLARE_FINAL_TYPE (BmbFakeRemote, bmb_fake_remote, BMB, FAKE_REMOTE, GObject)

BmbFakeRemote *bmb_fake_remote_new                  (BmbSyncCollectionKind  kind,
                                                     const char            *url);
void           bmb_fake_remote_set_url              (BmbFakeRemote         *self,
                                                     const char            *url);
void           bmb_fake_remote_set_sync_collection  (BmbFakeRemote         *self,
                                                     gboolean               supported);
void           bmb_fake_remote_set_vcard4           (BmbFakeRemote         *self,
                                                     gboolean               accepted);
/* Every token handed out so far is refused from now on (TOKEN_INVALID). */
void           bmb_fake_remote_invalidate_tokens    (BmbFakeRemote         *self);
/* The next PUT answers 412 whatever its precondition (after the resource changed
 * "meanwhile": @data, if set, is written first as another client would). */
void           bmb_fake_remote_fail_next_put        (BmbFakeRemote         *self,
                                                     const char            *href,
                                                     const char            *data);
/* The same for the next DELETE. */
void           bmb_fake_remote_fail_next_delete     (BmbFakeRemote         *self,
                                                     const char            *href,
                                                     const char            *data);
/* From request number @after_requests on (counted from now), every request fails with
 * @code (BMB_SYNC_ERROR_SERVER, _UNREACHABLE…); a negative @code stops the failures. */
void           bmb_fake_remote_set_failure          (BmbFakeRemote         *self,
                                                     int                    code,
                                                     guint                  after_requests);
/* New etags for every resource, content unchanged (a server rewrite). */
void           bmb_fake_remote_touch_etags          (BmbFakeRemote         *self);

/* Another client's writes. */
void           bmb_fake_remote_put_resource         (BmbFakeRemote         *self,
                                                     const char            *href,
                                                     const char            *data);
gboolean       bmb_fake_remote_delete_resource      (BmbFakeRemote         *self,
                                                     const char            *href);
void           bmb_fake_remote_clear                (BmbFakeRemote         *self);

const char    *bmb_fake_remote_get_data             (BmbFakeRemote         *self,
                                                     const char            *href);
/* Sorted hrefs. */
GPtrArray     *bmb_fake_remote_list_hrefs           (BmbFakeRemote         *self);
guint          bmb_fake_remote_get_n_resources      (BmbFakeRemote         *self);
/* The href of the resource whose content holds "UID:@uid", or NULL. */
const char    *bmb_fake_remote_find_by_uid          (BmbFakeRemote         *self,
                                                     const char            *uid);

/* Requests of one kind ("get_ctag", "list", "changes_since", "fetch", "put", "delete"),
 * or all of them with NULL, since the last reset. */
guint          bmb_fake_remote_get_requests         (BmbFakeRemote         *self,
                                                     const char            *call);
void           bmb_fake_remote_reset_requests       (BmbFakeRemote         *self);

G_END_DECLS
