/* test-dav-auth.c — the DAV client against small libsoup servers on loopback: Digest
 * authentication (Radicale speaks only Basic) and the refusal to follow an https server
 * to an http address.
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each server runs in a thread of its own with its own main context, since the client's
 * requests are synchronous. The https server's certificate (tests/data/tls-test-server.pem,
 * for 127.0.0.1) is signed by a test authority (tests/data/tls-test-ca.pem) that only the
 * client under test trusts; both were made for these tests and guard nothing.
 */

#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "bmb-dav-client.h"
#include "bmb-sync-remote.h"
#include "bmb-test-utils.h"

#define REALM "Bimbing test"
#define USER "siti"
#define PASSWORD "kopi-tubruk-7"

static const char multistatus[] =
  "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
  "<d:multistatus xmlns:d=\"DAV:\"><d:response><d:href>/dav/</d:href>"
  "<d:propstat><d:prop><d:displayname>Bimbing</d:displayname></d:prop>"
  "<d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response></d:multistatus>";

static const char propfind[] =
  "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
  "<d:propfind xmlns:d=\"DAV:\"><d:prop><d:displayname/></d:prop></d:propfind>";

typedef struct
{
  /* set before the thread starts */
  gboolean      digest;
  gboolean      tls;
  char         *redirect_to;    /* answer /start with 302 to this */

  /* the server thread's */
  GThread      *thread;
  GMainContext *context;
  GMainLoop    *loop;
  SoupServer   *server;

  /* shared, under mutex */
  GMutex        mutex;
  GCond         cond;
  gboolean      ready;
  guint         port;
  guint         n_requests;
  guint         n_answered;      /* requests past authentication */
  gsize         last_body_len;   /* request body of the last answered request */
} TestServer;

static char *
digest_auth_cb (SoupAuthDomain    *domain,
                SoupServerMessage *message,
                const char        *username,
                gpointer           data)
{
  if (g_strcmp0 (username, USER) != 0)
    return NULL;

  return soup_auth_domain_digest_encode_password (username, REALM, PASSWORD);
}

static void
handle_cb (SoupServer        *soup_server,
           SoupServerMessage *message,
           const char        *path,
           GHashTable        *query,
           gpointer           data)
{
  TestServer *server = data;
  SoupMessageBody *body = soup_server_message_get_request_body (message);

  g_mutex_lock (&server->mutex);
  server->n_answered++;
  server->last_body_len = body != NULL ? (gsize)body->length : 0;
  g_mutex_unlock (&server->mutex);

  if (server->redirect_to != NULL && g_str_equal (path, "/start"))
    {
      soup_server_message_set_redirect (message, 302, server->redirect_to);
      return;
    }

  soup_server_message_set_status (message, 207, NULL);
  soup_server_message_set_response (message, "application/xml; charset=utf-8", SOUP_MEMORY_STATIC,
                                    multistatus, strlen (multistatus));
}

static void
on_request_started_cb (SoupServer        *soup_server,
                       SoupServerMessage *message,
                       TestServer        *server)
{
  g_mutex_lock (&server->mutex);
  server->n_requests++;
  g_mutex_unlock (&server->mutex);
}

static gpointer
server_thread (gpointer data)
{
  TestServer *server = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
  GSList *uris;

  g_main_context_push_thread_default (server->context);

  if (server->tls)
    {
      g_autofree char *pem = bmb_test_data_path ("tls-test-server.pem");

      certificate = g_tls_certificate_new_from_file (pem, &error);
      g_assert_no_error (error);
      server->server = soup_server_new ("tls-certificate", certificate, NULL);
    }
  else
    server->server = soup_server_new (NULL, NULL);

  if (server->digest)
    {
      SoupAuthDomain *domain = soup_auth_domain_digest_new ("realm", REALM, NULL);

      soup_auth_domain_digest_set_auth_callback (domain, digest_auth_cb, NULL, NULL);
      soup_auth_domain_add_path (domain, "/");
      soup_server_add_auth_domain (server->server, domain);
      g_object_unref (domain);
    }
  soup_server_add_handler (server->server, NULL, handle_cb, server, NULL);
  g_signal_connect (server->server, "request-started", G_CALLBACK (on_request_started_cb), server);
  g_assert_true (soup_server_listen_local (server->server, 0,
                                           (server->tls ? SOUP_SERVER_LISTEN_HTTPS : 0) |
                                           SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (server->server);
  g_assert_nonnull (uris);

  g_mutex_lock (&server->mutex);
  server->port = (guint)g_uri_get_port (uris->data);
  server->ready = TRUE;
  g_cond_signal (&server->cond);
  g_mutex_unlock (&server->mutex);
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);

  g_main_loop_run (server->loop);

  soup_server_disconnect (server->server);
  g_clear_object (&server->server);
  g_main_context_pop_thread_default (server->context);

  return NULL;
}

static TestServer *
test_server_start (gboolean    digest,
                   gboolean    tls,
                   const char *redirect_to)
{
  TestServer *server = g_new0 (TestServer, 1);

  server->digest = digest;
  server->tls = tls;
  server->redirect_to = g_strdup (redirect_to);
  server->context = g_main_context_new ();
  server->loop = g_main_loop_new (server->context, FALSE);
  g_mutex_init (&server->mutex);
  g_cond_init (&server->cond);
  server->thread = g_thread_new ("test-server", server_thread, server);

  g_mutex_lock (&server->mutex);
  while (!server->ready)
    g_cond_wait (&server->cond, &server->mutex);
  g_mutex_unlock (&server->mutex);

  return server;
}

static gboolean
quit_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static void
test_server_stop (TestServer *server)
{
  g_main_context_invoke (server->context, quit_cb, server->loop);
  g_thread_join (server->thread);
  g_main_loop_unref (server->loop);
  g_main_context_unref (server->context);
  g_mutex_clear (&server->mutex);
  g_cond_clear (&server->cond);
  g_free (server->redirect_to);
  g_free (server);
}

static char *
test_server_url (TestServer *server,
                 const char *path)
{
  return g_strdup_printf ("%s://127.0.0.1:%u%s", server->tls ? "https" : "http", server->port, path);
}

static BmbDavReply *
send_propfind (BmbDavClient  *client,
               const char    *url,
               GError       **error)
{
  g_autoptr(GBytes) body = g_bytes_new_static (propfind, strlen (propfind));
  BmbDavRequest request = { .method = "PROPFIND", .url = url, .depth = "0", .body = body };

  return bmb_dav_client_send (client, &request, NULL, error);
}

/* A server that asks for Digest gets the credentials, and the request that follows the 401
 * carries its body again (libsoup's own restart dropped it). A wrong password ends in 401
 * once, not in a loop. */
static void
test_digest (void)
{
  TestServer *server = test_server_start (TRUE, FALSE, NULL);
  g_autofree char *url = test_server_url (server, "/dav/");
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbDavClient) client = NULL;
  g_autoptr(BmbDavClient) wrong = NULL;
  g_autoptr(BmbDavReply) reply = NULL;
  g_autoptr(BmbDavReply) refused = NULL;

  client = bmb_dav_client_new (url, USER, PASSWORD, &error);
  g_assert_no_error (error);
  reply = send_propfind (client, "/dav/", &error);
  g_assert_no_error (error);
  g_assert_nonnull (reply);
  g_assert_cmpuint (reply->status, ==, 207);
  g_assert_nonnull (strstr (g_bytes_get_data (reply->body, NULL), "Bimbing"));
  g_mutex_lock (&server->mutex);
  g_assert_cmpuint (server->n_answered, ==, 1);
  g_assert_cmpuint (server->last_body_len, ==, strlen (propfind));
  g_assert_cmpuint (server->n_requests, ==, 2);   /* the 401, then the answered one */
  g_mutex_unlock (&server->mutex);

  /* The next request goes with the credentials at once. */
  g_clear_pointer (&reply, bmb_dav_reply_free);
  reply = send_propfind (client, "/dav/", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reply->status, ==, 207);
  g_mutex_lock (&server->mutex);
  g_assert_cmpuint (server->n_answered, ==, 2);
  g_assert_cmpuint (server->last_body_len, ==, strlen (propfind));
  g_mutex_unlock (&server->mutex);

  wrong = bmb_dav_client_new (url, USER, "not-the-password", &error);
  g_assert_no_error (error);
  refused = send_propfind (wrong, "/dav/", &error);
  g_assert_no_error (error);
  g_assert_nonnull (refused);
  g_assert_cmpuint (refused->status, ==, 401);
  g_assert_false (bmb_dav_client_check (wrong, refused, "/dav/", &error));
  g_assert_error (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_AUTH);
  g_mutex_lock (&server->mutex);
  g_assert_cmpuint (server->n_answered, ==, 2);
  g_mutex_unlock (&server->mutex);

  test_server_stop (server);
}

/* An https server that sends the client to an http address is not followed: nothing
 * reaches the http server, and the error says why. An https → https redirect is followed
 * (so the test authority and the redirect itself work). */
static void
test_https_to_http_refused (void)
{
  TestServer *plain = test_server_start (FALSE, FALSE, NULL);
  g_autofree char *plain_url = test_server_url (plain, "/steal/");
  TestServer *secure = test_server_start (FALSE, TRUE, plain_url);
  g_autofree char *secure_url = test_server_url (secure, "/");
  g_autofree char *ca = bmb_test_data_path ("tls-test-ca.pem");
  g_autoptr(GTlsDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbDavClient) client = NULL;
  g_autoptr(BmbDavReply) reply = NULL;

  database = g_tls_file_database_new (ca, &error);
  g_assert_no_error (error);
  client = bmb_dav_client_new (secure_url, USER, PASSWORD, &error);
  g_assert_no_error (error);
  bmb_dav_client_set_tls_database (client, database);

  /* Over TLS, answered directly. */
  reply = send_propfind (client, "/dav/", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reply->status, ==, 207);
  g_clear_pointer (&reply, bmb_dav_reply_free);

  reply = send_propfind (client, "/start", &error);
  g_assert_null (reply);
  g_assert_error (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "unencrypted"));
  g_assert_nonnull (strstr (error->message, plain_url));
  g_mutex_lock (&plain->mutex);
  g_assert_cmpuint (plain->n_requests, ==, 0);
  g_mutex_unlock (&plain->mutex);

  test_server_stop (secure);
  test_server_stop (plain);
}

/* Without the test authority, the same server is refused for its certificate. */
static void
test_untrusted_certificate (void)
{
  TestServer *secure = test_server_start (FALSE, TRUE, NULL);
  g_autofree char *secure_url = test_server_url (secure, "/");
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbDavClient) client = NULL;
  g_autoptr(BmbDavReply) reply = NULL;

  client = bmb_dav_client_new (secure_url, USER, PASSWORD, &error);
  g_assert_no_error (error);
  reply = send_propfind (client, "/dav/", &error);
  g_assert_null (reply);
  g_assert_error (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_UNREACHABLE);
  g_mutex_lock (&secure->mutex);
  g_assert_cmpuint (secure->n_answered, ==, 0);
  g_mutex_unlock (&secure->mutex);

  test_server_stop (secure);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dav-auth/digest", test_digest);
  g_test_add_func ("/dav-auth/https-to-http-refused", test_https_to_http_refused);
  g_test_add_func ("/dav-auth/untrusted-certificate", test_untrusted_certificate);

  return g_test_run ();
}
