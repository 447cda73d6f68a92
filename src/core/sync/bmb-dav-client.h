/* bmb-dav-client.h — HTTP for CalDAV/CardDAV: one libsoup 3 session, used synchronously
 * from the sync worker thread
 *
 * Copyright 2026 The Bimbing Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Basic and Digest authentication answer the message's "authenticate" signal with the
 * account's user name and password (once: a second 401 is BMB_SYNC_ERROR_AUTH). Request
 * bodies are GBytes, so libsoup can send them again after a 401. Redirects are followed by
 * the client itself for every method (libsoup follows 301/302 only for GET), at most five,
 * and never from https to http. Statuses map to BMB_SYNC_ERROR codes whose messages name
 * the server.
 */
#pragma once

#include <gio/gio.h>

#include "bmb-dav-multistatus.h"

G_BEGIN_DECLS

typedef struct {
  const char *method;
  /* An absolute URL or a path on the client's server. */
  const char *url;
  const char *depth;         /* "0", "1" or NULL (no Depth header) */
  const char *if_match;      /* an etag, or NULL */
  gboolean    if_none_match; /* If-None-Match: * */
  const char *content_type;  /* with body */
  GBytes     *body;          /* nullable */
} BmbDavRequest;

typedef struct {
  guint   status;
  GBytes *body;      /* never NULL (empty when the reply had none) */
  char   *etag;      /* the ETag header, or NULL */
  char   *url;       /* the URL that answered, after redirects */
} BmbDavReply;

void bmb_dav_reply_free (BmbDavReply *reply);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BmbDavReply, bmb_dav_reply_free)

#define BMB_TYPE_DAV_CLIENT (bmb_dav_client_get_type ())
G_DECLARE_FINAL_TYPE (BmbDavClient, bmb_dav_client, BMB, DAV_CLIENT, GObject)

/* base_url: http(s)://host[:port][/path]; anything else is BMB_SYNC_ERROR_FAILED. */
BmbDavClient *bmb_dav_client_new            (const char    *base_url,
                                             const char    *username,
                                             const char    *password,
                                             GError       **error);
const char   *bmb_dav_client_get_base_url   (BmbDavClient  *self);
/* Moves the client to another origin (a discovery redirect to another host). */
void          bmb_dav_client_set_base_url   (BmbDavClient  *self,
                                             const char    *base_url);
/* host[:port], for messages. */
const char   *bmb_dav_client_get_server     (BmbDavClient  *self);
const char   *bmb_dav_client_get_username   (BmbDavClient  *self);
/* url (absolute or a path) resolved against the base URL; NULL when it cannot be. */
char         *bmb_dav_client_resolve        (BmbDavClient  *self,
                                             const char    *url);
/* Seconds before a request gives up (default 30). */
void          bmb_dav_client_set_timeout    (BmbDavClient  *self,
                                             guint          seconds);
void          bmb_dav_client_set_tls_database (BmbDavClient *self,
                                               GTlsDatabase *database);

/* HTTP requests sent so far (each redirect and authentication retry counts). */
guint         bmb_dav_client_get_n_requests (BmbDavClient  *self);

/* Sends request; any HTTP status is a reply. Errors: BMB_SYNC_ERROR_UNREACHABLE
 * (connection, DNS, TLS, time-out), BMB_SYNC_ERROR_FAILED (an https → http redirect),
 * BMB_SYNC_ERROR_SERVER (too many redirects, a reply over the size limit),
 * G_IO_ERROR_CANCELLED. */
BmbDavReply  *bmb_dav_client_send           (BmbDavClient         *self,
                                             const BmbDavRequest  *request,
                                             GCancellable         *cancellable,
                                             GError              **error);
/* TRUE for 2xx; otherwise sets error from the status (401 → AUTH, 412 →
 * PRECONDITION_FAILED, 404/410 → NOT_FOUND, 5xx → SERVER, 405/501 → UNSUPPORTED…).
 * what names the resource in the message. */
gboolean      bmb_dav_client_check          (BmbDavClient         *self,
                                             const BmbDavReply    *reply,
                                             const char           *what,
                                             GError              **error);
void          bmb_dav_client_set_status_error (BmbDavClient       *self,
                                               guint               status,
                                               const char         *what,
                                               GError            **error);

/* PROPFIND or REPORT with an XML body; a 207 reply parsed. */
BmbDavMultistatus *bmb_dav_client_propfind  (BmbDavClient  *self,
                                             const char    *url,
                                             const char    *depth,
                                             const char    *xml,
                                             GCancellable  *cancellable,
                                             GError       **error);
BmbDavMultistatus *bmb_dav_client_report    (BmbDavClient  *self,
                                             const char    *url,
                                             const char    *depth,
                                             const char    *xml,
                                             BmbDavReply  **out_failed,
                                             GCancellable  *cancellable,
                                             GError       **error);

/* The request-target path of url (absolute or path), percent-encoding kept. */
char         *bmb_dav_url_get_path          (const char    *url);

G_END_DECLS
