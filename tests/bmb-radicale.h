/* bmb-radicale.h — a Radicale CalDAV/CardDAV server on loopback for the sync tests
 *
 * Copyright 2026 The Bimbing Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bmb_radicale_start() runs `python3 -m radicale` on 127.0.0.1 with a free port, a fresh
 * storage folder and htpasswd authentication (plain passwords) for one user, and waits
 * until it answers. The Python with Radicale is $BIMBING_TEST_PYTHON, /usr/bin/python3 or
 * python3 on $PATH, whichever imports radicale first.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _BmbRadicale BmbRadicale;

/* TRUE when a Python with Radicale is installed (tests skip otherwise). */
gboolean     bmb_radicale_available   (void);
/* Starts a server; fails the test when it does not answer within 20 seconds. */
BmbRadicale *bmb_radicale_start       (const char  *username,
                                       const char  *password);
/* http://127.0.0.1:PORT/ */
const char  *bmb_radicale_get_url     (BmbRadicale *self);
/* The storage folder (collection-root inside it holds the collections). */
const char  *bmb_radicale_get_folder  (BmbRadicale *self);
/* Stops the server (the URL then refuses connections); the folder stays until free. */
void         bmb_radicale_stop        (BmbRadicale *self);
/* Starts it again on the same port and folder (stopping it first when it runs). */
void         bmb_radicale_restart     (BmbRadicale *self);
void         bmb_radicale_free        (BmbRadicale *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BmbRadicale, bmb_radicale_free)

/* A loopback HTTP server on its own thread (the client under test blocks the main
 * thread): every request gets status and an empty body, or the scripted replies in order
 * (the last one repeats). */
typedef struct _BmbHttpStub BmbHttpStub;

typedef struct {
  guint       status;
  const char *headers;   /* extra header lines, each ending in "\r\n"; nullable */
  const char *body;      /* nullable */
} BmbHttpStubReply;

BmbHttpStub *bmb_http_stub_start      (guint        status);
BmbHttpStub *bmb_http_stub_start_script (const BmbHttpStubReply *replies,
                                         guint                   n_replies);
const char  *bmb_http_stub_get_url    (BmbHttpStub *self);
guint        bmb_http_stub_get_hits   (BmbHttpStub *self);
/* "METHOD /path" of each request so far, then its body after a newline. */
char       **bmb_http_stub_dup_requests (BmbHttpStub *self);
void         bmb_http_stub_free       (BmbHttpStub *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BmbHttpStub, bmb_http_stub_free)

G_END_DECLS
