/* bmb-sync-remote.h — what the sync engine needs of a server collection
 *
 * Copyright 2026 The Bimbing Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sync engine (bmb-sync-engine) talks to one collection (a CalDAV calendar or a
 * CardDAV address book) only through this interface. BmbDavCollection implements it over
 * HTTP; the tests implement it in memory. Every call is blocking and runs on the sync
 * worker thread, never on the main thread.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define BMB_SYNC_ERROR (bmb_sync_error_quark ())

typedef enum {
  BMB_SYNC_ERROR_FAILED,               /* anything else: the message says what */
  BMB_SYNC_ERROR_UNREACHABLE,          /* no connection, DNS, TLS, time-out */
  BMB_SYNC_ERROR_AUTH,                 /* 401/403 on credentials */
  BMB_SYNC_ERROR_SERVER,               /* 5xx or a reply that cannot be parsed */
  BMB_SYNC_ERROR_PRECONDITION_FAILED,  /* 412: If-Match / If-None-Match did not hold */
  BMB_SYNC_ERROR_NOT_FOUND,            /* 404/410 */
  BMB_SYNC_ERROR_TOKEN_INVALID,        /* sync-token refused (403 valid-sync-token, 409, 412) */
  BMB_SYNC_ERROR_UNSUPPORTED,          /* the collection cannot do what was asked */
  BMB_SYNC_ERROR_CANCELLED_BY_USER,    /* the mass-deletion guard said no */
} BmbSyncError;

GQuark bmb_sync_error_quark (void);

/* One resource as listed: its href (absolute path on the server, as the server wrote it)
 * and its etag (quotes kept, compared as opaque strings). data is NULL in listings and set
 * by fetch. */
typedef struct {
  char   *href;
  char   *etag;
  GBytes *data;
} BmbSyncResource;

BmbSyncResource *bmb_sync_resource_new  (const char *href,
                                         const char *etag,
                                         GBytes     *data);
void             bmb_sync_resource_free (BmbSyncResource *resource);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BmbSyncResource, bmb_sync_resource_free)

typedef enum {
  BMB_SYNC_COLLECTION_CALENDAR,
  BMB_SYNC_COLLECTION_ADDRESS_BOOK,
} BmbSyncCollectionKind;

#define BMB_TYPE_SYNC_REMOTE (bmb_sync_remote_get_type ())
G_DECLARE_INTERFACE (BmbSyncRemote, bmb_sync_remote, BMB, SYNC_REMOTE, GObject)

struct _BmbSyncRemoteInterface
{
  GTypeInterface parent_iface;

  BmbSyncCollectionKind (*get_kind) (BmbSyncRemote *self);
  /* The collection's URL, used as the key of its status rows. */
  const char *(*get_url)            (BmbSyncRemote *self);
  /* TRUE when the collection lists sync-collection (RFC 6578) in supported-report-set. */
  gboolean    (*supports_sync_collection) (BmbSyncRemote *self);
  /* For address books: TRUE when vCard 4.0 may be written (supported-address-data). */
  gboolean    (*accepts_vcard4)     (BmbSyncRemote *self);

  /* The collection's ctag (getctag) or sync-token, whichever tells "something changed";
   * NULL without error when the server offers neither. */
  char       *(*get_ctag)           (BmbSyncRemote  *self,
                                     GCancellable   *cancellable,
                                     GError        **error);
  /* Every member: href and etag, data NULL (PROPFIND Depth: 1, the collection's own href
   * left out). Element type BmbSyncResource. */
  GPtrArray  *(*list)               (BmbSyncRemote  *self,
                                     GCancellable   *cancellable,
                                     GError        **error);
  /* sync-collection from token (NULL: initial). Fills changed (BmbSyncResource, data NULL)
   * and removed (char * hrefs), returns the new token. Follows truncated (507) results.
   * BMB_SYNC_ERROR_TOKEN_INVALID: the caller drops its token and lists fully. */
  char       *(*changes_since)      (BmbSyncRemote  *self,
                                     const char     *token,
                                     GPtrArray     **changed,
                                     GPtrArray     **removed,
                                     GCancellable   *cancellable,
                                     GError        **error);
  /* The bodies of hrefs (multiget in batches of at most 100, single GETs as fallback).
   * Returns BmbSyncResource with data set; an href that is gone is left out. */
  GPtrArray  *(*fetch)              (BmbSyncRemote       *self,
                                     const char * const  *hrefs,
                                     GCancellable        *cancellable,
                                     GError             **error);
  /* PUT data at href. if_match NULL: create (If-None-Match: *); otherwise If-Match.
   * Returns the new etag (NULL without error when the server did not say one; the caller
   * then fetches it). 412: BMB_SYNC_ERROR_PRECONDITION_FAILED. */
  char       *(*put)                (BmbSyncRemote  *self,
                                     const char     *href,
                                     GBytes         *data,
                                     const char     *if_match,
                                     GCancellable   *cancellable,
                                     GError        **error);
  /* DELETE href with If-Match (NULL: unconditional). 404/410 count as success. */
  gboolean    (*delete)             (BmbSyncRemote  *self,
                                     const char     *href,
                                     const char     *if_match,
                                     GCancellable   *cancellable,
                                     GError        **error);
  /* An href for a new member named name (for example "<uuid>.ics") inside the collection. */
  char       *(*href_for_new)       (BmbSyncRemote  *self,
                                     const char     *name);
};

BmbSyncCollectionKind bmb_sync_remote_get_kind                 (BmbSyncRemote *self);
const char           *bmb_sync_remote_get_url                  (BmbSyncRemote *self);
gboolean              bmb_sync_remote_supports_sync_collection (BmbSyncRemote *self);
gboolean              bmb_sync_remote_accepts_vcard4           (BmbSyncRemote *self);
char                 *bmb_sync_remote_get_ctag                 (BmbSyncRemote  *self,
                                                                GCancellable   *cancellable,
                                                                GError        **error);
GPtrArray            *bmb_sync_remote_list                     (BmbSyncRemote  *self,
                                                                GCancellable   *cancellable,
                                                                GError        **error);
char                 *bmb_sync_remote_changes_since            (BmbSyncRemote  *self,
                                                                const char     *token,
                                                                GPtrArray     **changed,
                                                                GPtrArray     **removed,
                                                                GCancellable   *cancellable,
                                                                GError        **error);
GPtrArray            *bmb_sync_remote_fetch                    (BmbSyncRemote       *self,
                                                                const char * const  *hrefs,
                                                                GCancellable        *cancellable,
                                                                GError             **error);
char                 *bmb_sync_remote_put                      (BmbSyncRemote  *self,
                                                                const char     *href,
                                                                GBytes         *data,
                                                                const char     *if_match,
                                                                GCancellable   *cancellable,
                                                                GError        **error);
gboolean              bmb_sync_remote_delete                   (BmbSyncRemote  *self,
                                                                const char     *href,
                                                                const char     *if_match,
                                                                GCancellable   *cancellable,
                                                                GError        **error);
char                 *bmb_sync_remote_href_for_new             (BmbSyncRemote  *self,
                                                                const char     *name);

G_END_DECLS
