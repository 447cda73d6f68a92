/* bmb-radicale.c — a Radicale CalDAV/CardDAV server on loopback for the sync tests
 *
 * Copyright 2026 The Bimbing Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sys/prctl.h>

#include "bmb-radicale.h"
#include "bmb-test-utils.h"

struct _BmbRadicale
{
  GSubprocess *process;
  char        *folder;
  char        *url;
  guint16      port;
};

static const char *
find_python (void)
{
  static char *python;
  static gsize once;

  if (g_once_init_enter (&once))
    {
      const char *candidates[] = { g_getenv ("BIMBING_TEST_PYTHON"), "/usr/bin/python3", "python3" };

      for (guint i = 0; i < G_N_ELEMENTS (candidates) && python == NULL; i++)
        {
          g_autoptr(GSubprocess) check = NULL;

          if (candidates[i] == NULL)
            continue;
          check = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                    G_SUBPROCESS_FLAGS_STDERR_SILENCE, NULL,
                                    candidates[i], "-c", "import radicale", NULL);
          if (check != NULL && g_subprocess_wait_check (check, NULL, NULL))
            python = g_strdup (candidates[i]);
        }
      g_once_init_leave (&once, 1);
    }
  return python;
}

/* A test that aborts must not leave a server behind. */
static void
die_with_parent (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

gboolean
bmb_radicale_available (void)
{
  return find_python () != NULL;
}

/* A port nobody listens on now (the kernel's choice for port 0). */
static guint16
free_port (void)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                         &error);
  g_assert_no_error (error);
  g_socket_bind (socket, any, FALSE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

static gboolean
answers (guint16 port)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;

  g_socket_client_set_timeout (client, 1);
  connection = g_socket_client_connect_to_host (client, "127.0.0.1", port, NULL, NULL);
  return connection != NULL;
}

static void
spawn (BmbRadicale *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *users = g_build_filename (self->folder, "users", NULL);
  g_autofree char *storage = g_build_filename (self->folder, "storage", NULL);
  g_autofree char *hosts = g_strdup_printf ("127.0.0.1:%u", self->port);
  g_autofree char *log = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  gint64 deadline;

  /* The server's log goes to a file in its folder ($BIMBING_RADICALE_LOG: with debug). */
  log = g_build_filename (self->folder, "radicale.log", NULL);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_subprocess_launcher_set_stdout_file_path (launcher, log);
  g_subprocess_launcher_set_stderr_file_path (launcher, log);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  g_subprocess_launcher_unsetenv (launcher, "PYTHONPATH");
  self->process = g_subprocess_launcher_spawn (launcher, &error,
                                               find_python (), "-m", "radicale",
                                               "--config", "",
                                               "--server-hosts", hosts,
                                               "--storage-filesystem-folder", storage,
                                               "--auth-type", "htpasswd",
                                               "--auth-htpasswd-filename", users,
                                               "--auth-htpasswd-encryption", "plain",
                                               "--auth-delay", "0",
                                               "--rights-type", "owner_only",
                                               "--web-type", "none",
                                               "--logging-level",
                                               g_getenv ("BIMBING_RADICALE_LOG") ? "debug" : "warning",
                                               NULL);
  g_assert_no_error (error);

  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (!answers (self->port))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Radicale did not start on %s", self->url);
      g_usleep (50 * 1000);
    }
}

BmbRadicale *
bmb_radicale_start (const char *username,
                    const char *password)
{
  g_autoptr(GError) error = NULL;
  BmbRadicale *self = g_new0 (BmbRadicale, 1);
  g_autofree char *users = NULL;
  g_autofree char *users_text = NULL;

  g_assert_nonnull (find_python ());

  self->folder = bmb_test_make_tmpdir ();
  users = g_build_filename (self->folder, "users", NULL);
  users_text = g_strdup_printf ("%s:%s\n", username, password);
  g_file_set_contents (users, users_text, -1, &error);
  g_assert_no_error (error);

  self->port = free_port ();
  self->url = g_strdup_printf ("http://127.0.0.1:%u/", self->port);
  spawn (self);
  return self;
}

void
bmb_radicale_restart (BmbRadicale *self)
{
  bmb_radicale_stop (self);
  spawn (self);
}

const char *
bmb_radicale_get_url (BmbRadicale *self)
{
  return self->url;
}

const char *
bmb_radicale_get_folder (BmbRadicale *self)
{
  return self->folder;
}

void
bmb_radicale_stop (BmbRadicale *self)
{
  if (self->process == NULL)
    return;
  g_subprocess_send_signal (self->process, SIGTERM);
  g_subprocess_wait (self->process, NULL, NULL);
  g_clear_object (&self->process);
}

void
bmb_radicale_free (BmbRadicale *self)
{
  if (self == NULL)
    return;
  bmb_radicale_stop (self);
  g_free (self->folder);
  g_free (self->url);
  g_free (self);
}

/* ---- A stub answering with one status or a script ------------------------------------- */

struct _BmbHttpStub
{
  GSocket          *listener;
  GCancellable     *cancellable;
  GThread          *thread;
  char             *url;
  BmbHttpStubReply *replies;
  guint             n_replies;
  GMutex            lock;
  GPtrArray        *requests;   /* under lock */
  guint             hits;       /* atomic */
};

static gsize
content_length (const char *head)
{
  g_auto(GStrv) lines = g_strsplit (head, "\r\n", -1);

  for (guint i = 1; lines[i] != NULL; i++)
    if (g_ascii_strncasecmp (lines[i], "Content-Length:", 15) == 0)
      return (gsize)g_ascii_strtoull (lines[i] + 15, NULL, 10);
  return 0;
}

static gpointer
stub_thread (gpointer data)
{
  BmbHttpStub *self = data;

  for (;;)
    {
      g_autoptr(GSocket) peer = g_socket_accept (self->listener, self->cancellable, NULL);
      g_autoptr(GString) request = g_string_new (NULL);
      g_autoptr(GString) reply = g_string_new (NULL);
      g_auto(GStrv) first_line = NULL;
      const BmbHttpStubReply *script;
      const char *end;
      char buffer[4096];
      guint hit;

      if (peer == NULL)
        break;
      /* Read the head and the whole body (unread bytes would reset the connection). */
      g_socket_set_timeout (peer, 5);
      while ((end = strstr (request->str, "\r\n\r\n")) == NULL ||
             request->len < (gsize)(end - request->str) + 4 + content_length (request->str))
        {
          gssize n = g_socket_receive (peer, buffer, sizeof buffer, self->cancellable, NULL);

          if (n <= 0)
            break;
          g_string_append_len (request, buffer, n);
        }
      if ((end = strstr (request->str, "\r\n\r\n")) == NULL)
        continue;

      first_line = g_strsplit (request->str, " ", 3);
      g_mutex_lock (&self->lock);
      g_ptr_array_add (self->requests,
                       g_strdup_printf ("%s %s\n%s", first_line[0],
                                        first_line[1] ? first_line[1] : "", end + 4));
      g_mutex_unlock (&self->lock);

      hit = g_atomic_int_add (&self->hits, 1);
      script = &self->replies[MIN (hit, self->n_replies - 1)];
      g_string_append_printf (reply, "HTTP/1.1 %u Stub\r\n%sContent-Length: %zu\r\n"
                              "Connection: close\r\n\r\n%s",
                              script->status, script->headers ? script->headers : "",
                              script->body ? strlen (script->body) : 0,
                              script->body ? script->body : "");
      g_socket_send (peer, reply->str, reply->len, NULL, NULL);
      g_socket_shutdown (peer, FALSE, TRUE, NULL);
      g_socket_close (peer, NULL);
    }
  return NULL;
}

BmbHttpStub *
bmb_http_stub_start_script (const BmbHttpStubReply *replies,
                            guint                   n_replies)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  BmbHttpStub *self = g_new0 (BmbHttpStub, 1);

  g_assert_cmpuint (n_replies, >, 0);
  self->replies = g_memdup2 (replies, n_replies * sizeof *replies);
  self->n_replies = n_replies;
  self->requests = g_ptr_array_new_with_free_func (g_free);
  g_mutex_init (&self->lock);
  self->cancellable = g_cancellable_new ();
  self->listener = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                 G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_bind (self->listener, any, TRUE, &error);
  g_assert_no_error (error);
  g_socket_listen (self->listener, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (self->listener, &error);
  g_assert_no_error (error);
  self->url = g_strdup_printf ("http://127.0.0.1:%u/",
                               g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  self->thread = g_thread_new ("http-stub", stub_thread, self);
  return self;
}

BmbHttpStub *
bmb_http_stub_start (guint status)
{
  BmbHttpStubReply reply = { status, NULL, NULL };

  return bmb_http_stub_start_script (&reply, 1);
}

const char *
bmb_http_stub_get_url (BmbHttpStub *self)
{
  return self->url;
}

guint
bmb_http_stub_get_hits (BmbHttpStub *self)
{
  return g_atomic_int_get (&self->hits);
}

char **
bmb_http_stub_dup_requests (BmbHttpStub *self)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **requests;

  g_mutex_lock (&self->lock);
  for (guint i = 0; i < self->requests->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->requests, i));
  g_mutex_unlock (&self->lock);
  requests = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return requests;
}

void
bmb_http_stub_free (BmbHttpStub *self)
{
  if (self == NULL)
    return;
  g_cancellable_cancel (self->cancellable);
  g_thread_join (self->thread);
  g_socket_close (self->listener, NULL);
  g_clear_object (&self->listener);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->requests, g_ptr_array_unref);
  g_mutex_clear (&self->lock);
  g_free (self->replies);
  g_free (self->url);
  g_free (self);
}
