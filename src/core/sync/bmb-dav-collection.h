/* bmb-dav-collection.h — one CalDAV calendar or CardDAV address book as a BmbSyncRemote
 *
 * Copyright 2026 The Bimbing Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Blocking calls for the sync worker thread. list is PROPFIND Depth: 1 (getetag),
 * changes_since is REPORT sync-collection (RFC 6578) following truncated (507) results,
 * fetch is calendar-multiget / addressbook-multiget in batches of at most 100 hrefs with
 * single GETs as the fallback, put and delete are conditional (If-None-Match: * for new
 * members, If-Match otherwise).
 *
 * Every href it returns, and href_for_new, is canonical (bmb_dav_href_canonical()): one
 * member has one href string whichever encoding the server chose.
 */
#pragma once

#include "bmb-dav-client.h"
#include "bmb-sync-remote.h"

G_BEGIN_DECLS

/* Hrefs in one multiget REPORT. */
#define BMB_DAV_MULTIGET_BATCH 100

#define BMB_TYPE_DAV_COLLECTION (bmb_dav_collection_get_type ())
G_DECLARE_FINAL_TYPE (BmbDavCollection, bmb_dav_collection, BMB, DAV_COLLECTION, GObject)

/* url: the collection's absolute URL (or a path on client's server). */
BmbDavCollection *bmb_dav_collection_new          (BmbDavClient           *client,
                                                   BmbSyncCollectionKind   kind,
                                                   const char             *url,
                                                   gboolean                supports_sync_collection,
                                                   gboolean                accepts_vcard4);
/* Asks the server what url is (PROPFIND Depth: 0) and what it supports; fails with
 * BMB_SYNC_ERROR_NOT_FOUND when url is not a collection of that kind. */
BmbDavCollection *bmb_dav_collection_open         (BmbDavClient           *client,
                                                   BmbSyncCollectionKind   kind,
                                                   const char             *url,
                                                   GCancellable           *cancellable,
                                                   GError                **error);
BmbDavClient     *bmb_dav_collection_get_client   (BmbDavCollection       *self);
/* The server's display name of the collection, when bmb_dav_collection_open() read one. */
const char       *bmb_dav_collection_get_display_name (BmbDavCollection   *self);

G_END_DECLS
