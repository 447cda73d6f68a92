/* bmb-dav-client.c — HTTP for CalDAV/CardDAV over one libsoup 3 session
 *
 * Copyright 2026 The Bimbing Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bmb-dav"

#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>

#include "bmb-dav-client.h"
#include "bmb-limits.h"
#include "bmb-sync-remote.h"

#define MAX_REDIRECTS 5

struct _BmbDavClient
{
  GObject      parent_instance;

  /* owned */
  SoupSession *session;
  GUri        *base;
  char        *base_url;
  char        *server;
  char        *username;
  char        *password;

  /* state */
  guint        n_requests;   /* atomic */
};

G_DEFINE_FINAL_TYPE (BmbDavClient, bmb_dav_client, G_TYPE_OBJECT)

void
bmb_dav_reply_free (BmbDavReply *reply)
{
  if (reply == NULL)
    return;
  g_clear_pointer (&reply->body, g_bytes_unref);
  g_free (reply->etag);
  g_free (reply->url);
  g_free (reply);
}

static char *
server_of (GUri *uri)
{
  if (g_uri_get_port (uri) > 0)
    return g_strdup_printf ("%s:%d", g_uri_get_host (uri), g_uri_get_port (uri));
  return g_strdup (g_uri_get_host (uri));
}

static gboolean
uri_is_http (GUri *uri)
{
  const char *scheme = g_uri_get_scheme (uri);

  return scheme != NULL &&
         (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0) &&
         g_uri_get_host (uri) != NULL && *g_uri_get_host (uri) != '\0';
}

static GUri *
parse_http_url (const char *url)
{
  g_autoptr(GUri) uri = NULL;

  if (url == NULL)
    return NULL;
  uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, NULL);
  if (uri == NULL || !uri_is_http (uri))
    return NULL;
  return g_steal_pointer (&uri);
}

/* libsoup 3.2 re-sends a restarted message without its body (Radicale then waits for the
 * body it was promised), so a 401 is not answered inside the message: the challenge is
 * kept, answered here, put in the session's auth cache (soup_auth_manager_use_auth) and the
 * request goes again as a new message, once. */
typedef struct {
  SoupAuth *auth;
} Challenge;

static gboolean
on_message_authenticate_cb (SoupMessage *message,
                            SoupAuth    *auth,
                            gboolean     retrying,
                            Challenge   *challenge)
{
  if (!retrying && !soup_auth_is_for_proxy (auth) && challenge->auth == NULL)
    challenge->auth = g_object_ref (auth);
  return FALSE;
}

/* TRUE when the request should go again with the credentials now in the cache. */
static gboolean
answer_challenge (BmbDavClient *self,
                  GUri         *uri,
                  SoupAuth     *auth)
{
  SoupAuthManager *manager;

  if (auth == NULL || self->password == NULL)
    return FALSE;
  soup_auth_authenticate (auth, self->username ? self->username : "", self->password);
  if (!soup_auth_is_authenticated (auth))
    return FALSE;
  manager = SOUP_AUTH_MANAGER (soup_session_get_feature (self->session, SOUP_TYPE_AUTH_MANAGER));
  soup_auth_manager_use_auth (manager, uri, auth);
  /* Basic's protection space is the request's folder: the whole server's too, so that a
   * request to another collection goes with the credentials at once instead of getting a
   * 401 that libsoup answers with its own restart, which drops the body. */
  if (g_strcmp0 (g_uri_get_path (uri), "/") != 0)
    {
      g_autoptr(GUri) root = g_uri_build (G_URI_FLAGS_NONE, g_uri_get_scheme (uri), NULL,
                                          g_uri_get_host (uri), g_uri_get_port (uri), "/",
                                          NULL, NULL);

      soup_auth_manager_use_auth (manager, root, auth);
    }
  return TRUE;
}

static void
bmb_dav_client_finalize (GObject *object)
{
  BmbDavClient *self = BMB_DAV_CLIENT (object);

  g_clear_object (&self->session);
  g_clear_pointer (&self->base, g_uri_unref);
  g_free (self->base_url);
  g_free (self->server);
  g_free (self->username);
  if (self->password != NULL)
    memset (self->password, 0, strlen (self->password));
  g_free (self->password);

  G_OBJECT_CLASS (bmb_dav_client_parent_class)->finalize (object);
}

static void
bmb_dav_client_class_init (BmbDavClientClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bmb_dav_client_finalize;
}

static void
bmb_dav_client_init (BmbDavClient *self)
{
  g_autofree char *agent = g_strdup_printf ("Bimbing/%s ", PACKAGE_VERSION);

  self->session = soup_session_new_with_options ("timeout", 30,
                                                 "idle-timeout", 60,
                                                 "user-agent", agent,
                                                 NULL);
}

BmbDavClient *
bmb_dav_client_new (const char  *base_url,
                    const char  *username,
                    const char  *password,
                    GError     **error)
{
  g_autoptr(BmbDavClient) self = NULL;
  g_autoptr(GUri) uri = parse_http_url (base_url);

  if (uri == NULL)
    {
      g_set_error (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_FAILED,
                   _("“%s” is not a server address Bimbing can use: it must start with "
                     "https:// (or http://) and name a host."), base_url ? base_url : "");
      return NULL;
    }

  self = g_object_new (BMB_TYPE_DAV_CLIENT, NULL);
  self->username = g_strdup (username);
  self->password = g_strdup (password);
  bmb_dav_client_set_base_url (self, base_url);
  return g_steal_pointer (&self);
}

const char *
bmb_dav_client_get_base_url (BmbDavClient *self)
{
  g_return_val_if_fail (BMB_IS_DAV_CLIENT (self), NULL);
  return self->base_url;
}

void
bmb_dav_client_set_base_url (BmbDavClient *self,
                             const char   *base_url)
{
  g_autoptr(GUri) uri = NULL;

  g_return_if_fail (BMB_IS_DAV_CLIENT (self));

  if (!(uri = parse_http_url (base_url)))
    return;
  g_clear_pointer (&self->base, g_uri_unref);
  self->base = g_steal_pointer (&uri);
  g_free (self->base_url);
  self->base_url = g_uri_to_string (self->base);
  g_free (self->server);
  self->server = server_of (self->base);
}

const char *
bmb_dav_client_get_server (BmbDavClient *self)
{
  g_return_val_if_fail (BMB_IS_DAV_CLIENT (self), NULL);
  return self->server;
}

const char *
bmb_dav_client_get_username (BmbDavClient *self)
{
  g_return_val_if_fail (BMB_IS_DAV_CLIENT (self), NULL);
  return self->username;
}

guint
bmb_dav_client_get_n_requests (BmbDavClient *self)
{
  g_return_val_if_fail (BMB_IS_DAV_CLIENT (self), 0);
  return g_atomic_int_get (&self->n_requests);
}

void
bmb_dav_client_set_timeout (BmbDavClient *self,
                            guint         seconds)
{
  g_return_if_fail (BMB_IS_DAV_CLIENT (self));
  soup_session_set_timeout (self->session, seconds);
}

/**
 * bmb_dav_client_set_tls_database:
 * @database: (nullable): the certificates to trust, %NULL for the system's
 *
 * Trusts the certificate authorities in @database instead of the system's (the tests
 * run an https server whose certificate a test authority signed).
 */
void
bmb_dav_client_set_tls_database (BmbDavClient *self,
                                 GTlsDatabase *database)
{
  g_return_if_fail (BMB_IS_DAV_CLIENT (self));
  g_return_if_fail (database == NULL || G_IS_TLS_DATABASE (database));

  soup_session_set_tls_database (self->session, database);
}

char *
bmb_dav_client_resolve (BmbDavClient *self,
                        const char   *url)
{
  g_autoptr(GUri) resolved = NULL;

  g_return_val_if_fail (BMB_IS_DAV_CLIENT (self), NULL);

  if (url == NULL)
    return NULL;
  resolved = g_uri_parse_relative (self->base, url, SOUP_HTTP_URI_FLAGS, NULL);
  if (resolved == NULL)
    return NULL;
  return g_uri_to_string (resolved);
}

char *
bmb_dav_url_get_path (const char *url)
{
  g_autoptr(GUri) uri = NULL;

  if (url == NULL)
    return g_strdup ("/");
  if (*url == '/')
    return g_strdup (url);
  if (!(uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, NULL)))
    return g_strdup ("/");
  return g_strdup (*g_uri_get_path (uri) ? g_uri_get_path (uri) : "/");
}

static gboolean
is_redirect (guint status)
{
  return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

static void
set_transport_error (BmbDavClient  *self,
                     GUri          *uri,
                     GError        *cause,
                     GError       **error)
{
  g_autofree char *server = server_of (uri);

  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, cause);
      return;
    }

  if (cause->domain == G_TLS_ERROR)
    g_set_error (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_UNREACHABLE,
                 _("The secure connection to %s could not be made: %s"), server, cause->message);
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    g_set_error (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_UNREACHABLE,
                 _("%s did not answer in time. Check the network connection and try again."),
                 server);
  else
    g_set_error (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_UNREACHABLE,
                 _("Could not reach %s: %s"), server, cause->message);
  g_error_free (cause);
}

BmbDavReply *
bmb_dav_client_send (BmbDavClient         *self,
                     const BmbDavRequest  *request,
                     GCancellable         *cancellable,
                     GError              **error)
{
  g_autoptr(GUri) uri = NULL;

  g_return_val_if_fail (BMB_IS_DAV_CLIENT (self), NULL);
  g_return_val_if_fail (request != NULL && request->method != NULL, NULL);

  uri = g_uri_parse_relative (self->base, request->url ? request->url : "",
                              SOUP_HTTP_URI_FLAGS, NULL);
  if (uri == NULL)
    {
      g_set_error (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_FAILED,
                   _("“%s” is not an address on %s."), request->url, self->server);
      return NULL;
    }

  for (int hop = 0, auth_tries = 0; hop <= MAX_REDIRECTS; hop++)
    {
      g_autoptr(SoupMessage) message = soup_message_new_from_uri (request->method, uri);
      Challenge challenge = { NULL };
      g_autoptr(GBytes) body = NULL;
      g_autoptr(GUri) next = NULL;
      g_autoptr(BmbDavReply) reply = NULL;
      GError *local_error = NULL;
      SoupMessageHeaders *headers;
      const char *location;
      guint status;

      soup_message_add_flags (message, SOUP_MESSAGE_NO_REDIRECT);
      headers = soup_message_get_request_headers (message);
      if (request->depth != NULL)
        soup_message_headers_replace (headers, "Depth", request->depth);
      if (request->if_match != NULL)
        soup_message_headers_replace (headers, "If-Match", request->if_match);
      if (request->if_none_match)
        soup_message_headers_replace (headers, "If-None-Match", "*");
      if (request->body != NULL)
        soup_message_set_request_body_from_bytes (message,
                                                  request->content_type ? request->content_type
                                                                        : "application/xml; charset=utf-8",
                                                  request->body);
      g_signal_connect (message, "authenticate", G_CALLBACK (on_message_authenticate_cb),
                        &challenge);

      g_atomic_int_inc (&self->n_requests);
      body = soup_session_send_and_read (self->session, message, cancellable, &local_error);
      g_signal_handlers_disconnect_by_func (message, on_message_authenticate_cb, &challenge);
      if (body == NULL)
        {
          g_clear_object (&challenge.auth);
          set_transport_error (self, uri, local_error, error);
          return NULL;
        }

      status = soup_message_get_status (message);
      g_debug ("%s %s → %u", request->method, g_uri_get_path (uri), status);

      if (status == SOUP_STATUS_UNAUTHORIZED && auth_tries == 0 &&
          answer_challenge (self, uri, challenge.auth))
        {
          g_clear_object (&challenge.auth);
          auth_tries++;
          hop--;
          continue;
        }
      g_clear_object (&challenge.auth);

      location = soup_message_headers_get_one (soup_message_get_response_headers (message),
                                               "Location");
      if (is_redirect (status) && location != NULL)
        {
          g_autofree char *server = server_of (uri);

          next = g_uri_parse_relative (uri, location, SOUP_HTTP_URI_FLAGS, NULL);
          if (next == NULL || !uri_is_http (next))
            {
              g_set_error (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_SERVER,
                           _("%s sent Bimbing to an address it cannot use (“%s”)."),
                           server, location);
              return NULL;
            }
          if (g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") == 0 &&
              g_ascii_strcasecmp (g_uri_get_scheme (next), "https") != 0)
            {
              g_set_error (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_FAILED,
                           _("%s redirected to an unencrypted address (“%s”); Bimbing does "
                             "not send your data there."), server, location);
              return NULL;
            }
          g_clear_pointer (&uri, g_uri_unref);
          uri = g_steal_pointer (&next);
          continue;
        }

      if (g_bytes_get_size (body) > BMB_LIMIT_DAV_REPLY_BYTES)
        {
          g_autofree char *server = server_of (uri);

          g_set_error (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_SERVER,
                       _("The reply of %s is larger than %d MB; Bimbing does not read it."),
                       server, (int)(BMB_LIMIT_DAV_REPLY_BYTES / (1024 * 1024)));
          return NULL;
        }

      reply = g_new0 (BmbDavReply, 1);
      reply->status = status;
      reply->body = g_steal_pointer (&body);
      reply->etag = g_strdup (soup_message_headers_get_one (soup_message_get_response_headers (message),
                                                            "ETag"));
      reply->url = g_uri_to_string (uri);
      return g_steal_pointer (&reply);
    }

  g_set_error (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_SERVER,
               _("%s redirected more than %d times; Bimbing stopped following."),
               self->server, MAX_REDIRECTS);
  return NULL;
}

void
bmb_dav_client_set_status_error (BmbDavClient  *self,
                                 guint          status,
                                 const char    *what,
                                 GError       **error)
{
  const char *server = self->server;
  const char *reason = soup_status_get_phrase (status);

  if (what == NULL)
    what = "/";
  if (reason == NULL)
    reason = "";

  switch (status)
    {
    case 401:
      g_set_error (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_AUTH,
                   _("%s did not accept the user name “%s” or its password. Check them "
                     "(some servers need an app password)."),
                   server, self->username ? self->username : "");
      break;
    case 403:
      g_set_error (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_AUTH,
                   _("%s does not allow the user “%s” to use “%s” (HTTP 403 Forbidden)."),
                   server, self->username ? self->username : "", what);
      break;
    case 404:
    case 410:
      g_set_error (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_NOT_FOUND,
                   _("%s has no “%s” (HTTP %u %s)."), server, what, status, reason);
      break;
    case 412:
      g_set_error (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_PRECONDITION_FAILED,
                   _("“%s” was changed on %s since Bimbing last read it."), what, server);
      break;
    case 405:
    case 501:
      g_set_error (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_UNSUPPORTED,
                   _("%s cannot do this with “%s” (HTTP %u %s)."), server, what, status, reason);
      break;
    case 507:
      g_set_error (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_SERVER,
                   _("%s has no space left for “%s” (HTTP 507)."), server, what);
      break;
    default:
      if (status >= 500)
        g_set_error (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_SERVER,
                     _("%s had an internal problem with “%s” (HTTP %u %s). Try again later."),
                     server, what, status, reason);
      else
        g_set_error (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_FAILED,
                     _("%s refused a request for “%s” (HTTP %u %s)."),
                     server, what, status, reason);
      break;
    }
}

gboolean
bmb_dav_client_check (BmbDavClient       *self,
                      const BmbDavReply  *reply,
                      const char         *what,
                      GError            **error)
{
  g_return_val_if_fail (BMB_IS_DAV_CLIENT (self), FALSE);
  g_return_val_if_fail (reply != NULL, FALSE);

  if (reply->status >= 200 && reply->status < 300)
    return TRUE;
  bmb_dav_client_set_status_error (self, reply->status, what, error);
  return FALSE;
}

static BmbDavMultistatus *
xml_request (BmbDavClient  *self,
             const char    *method,
             const char    *url,
             const char    *depth,
             const char    *xml,
             BmbDavReply  **out_failed,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GBytes) body = g_bytes_new (xml, strlen (xml));
  g_autoptr(BmbDavReply) reply = NULL;
  g_autofree char *path = NULL;
  BmbDavRequest request = {
    .method = method,
    .url = url,
    .depth = depth,
    .content_type = "application/xml; charset=utf-8",
    .body = body,
  };
  const char *data;
  gsize length;

  if (!(reply = bmb_dav_client_send (self, &request, cancellable, error)))
    return NULL;

  path = bmb_dav_url_get_path (reply->url);
  if (reply->status != 207)
    {
      if (reply->status >= 200 && reply->status < 300)
        g_set_error (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_SERVER,
                     _("%s answered a %s of “%s” without a list of results (HTTP %u)."),
                     self->server, method, path, reply->status);
      else
        bmb_dav_client_set_status_error (self, reply->status, path, error);
      if (out_failed != NULL)
        *out_failed = g_steal_pointer (&reply);
      return NULL;
    }

  data = g_bytes_get_data (reply->body, &length);
  return bmb_dav_multistatus_parse (data, length, path, self->server, error);
}

BmbDavMultistatus *
bmb_dav_client_propfind (BmbDavClient  *self,
                         const char    *url,
                         const char    *depth,
                         const char    *xml,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_return_val_if_fail (BMB_IS_DAV_CLIENT (self), NULL);
  return xml_request (self, "PROPFIND", url, depth, xml, NULL, cancellable, error);
}

BmbDavMultistatus *
bmb_dav_client_report (BmbDavClient  *self,
                       const char    *url,
                       const char    *depth,
                       const char    *xml,
                       BmbDavReply  **out_failed,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_return_val_if_fail (BMB_IS_DAV_CLIENT (self), NULL);
  return xml_request (self, "REPORT", url, depth, xml, out_failed, cancellable, error);
}
