/* bmb-dav-discovery.h — finding a user's calendars and address books (RFC 6764), and
 * creating Bimbing's own
 *
 * Copyright 2026 The Bimbing Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * From the URL the user gave (or https://DOMAIN of an e-mail address, through its
 * _caldavs._tcp SRV record when it has one): PROPFIND current-user-principal on the URL's
 * own path, /.well-known/caldav, /.well-known/carddav, then "/", following redirects;
 * calendar-home-set and addressbook-home-set on the principal; the collections in each home
 * (PROPFIND Depth: 1). Blocking: call from a worker thread or a command-line tool.
 */
#pragma once

#include "bmb-dav-client.h"
#include "bmb-sync-remote.h"

G_BEGIN_DECLS

/* The name Bimbing gives, and looks for, on the server. Not translated: it names the
 * app on every device. */
#define BMB_DAV_COLLECTION_NAME "Bimbing"

typedef struct {
  char                  *url;           /* absolute, ends with '/' */
  BmbSyncCollectionKind  kind;
  char                  *display_name;  /* nullable */
  BmbDavComponents       components;    /* calendars; 0: the server did not say */
  gboolean               supports_sync_collection;
  gboolean               accepts_vcard4;
  char                  *ctag;
  char                  *sync_token;
} BmbDavCollectionInfo;

void bmb_dav_collection_info_free (BmbDavCollectionInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BmbDavCollectionInfo, bmb_dav_collection_info_free)

typedef struct {
  char      *principal_url;          /* absolute; NULL when the server named no principal */
  char      *calendar_home_url;      /* absolute; NULL without CalDAV */
  char      *addressbook_home_url;   /* absolute; NULL without CardDAV */
  GPtrArray *calendars;              /* BmbDavCollectionInfo */
  GPtrArray *address_books;          /* BmbDavCollectionInfo */
} BmbDavDiscovery;

void bmb_dav_discovery_free (BmbDavDiscovery *discovery);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BmbDavDiscovery, bmb_dav_discovery_free)

/* What the user typed → a base URL: a URL as it is (https:// added to a bare host), an
 * e-mail address → its domain's SRV target or https://DOMAIN/. */
char                 *bmb_dav_guess_server_url  (const char     *address,
                                                 GCancellable   *cancellable,
                                                 GError        **error);
/* Runs discovery with client (whose base URL may move to another host on a redirect).
 * BMB_SYNC_ERROR_NOT_FOUND when the server offers neither CalDAV nor CardDAV. */
BmbDavDiscovery      *bmb_dav_discover          (BmbDavClient   *client,
                                                 GCancellable   *cancellable,
                                                 GError        **error);
/* The collection of kind named BMB_DAV_COLLECTION_NAME, or NULL; owned by discovery. */
BmbDavCollectionInfo *bmb_dav_discovery_find_bimbing (BmbDavDiscovery      *discovery,
                                                      BmbSyncCollectionKind kind);
/* Creates a collection named display_name in home_url: MKCALENDAR for VEVENT, VTODO and
 * VJOURNAL (VEVENT and VTODO when the server refuses journals), or an extended MKCOL
 * (RFC 5689) for an address book. Reads it back and returns what the server says of it. */
BmbDavCollectionInfo *bmb_dav_create_collection (BmbDavClient          *client,
                                                 BmbSyncCollectionKind  kind,
                                                 const char            *home_url,
                                                 const char            *display_name,
                                                 GCancellable          *cancellable,
                                                 GError               **error);

G_END_DECLS
