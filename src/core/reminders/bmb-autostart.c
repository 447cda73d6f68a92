/* bmb-autostart.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-autostart"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "bmb-autostart.h"

#define PORTAL_NAME       "org.freedesktop.portal.Desktop"
#define PORTAL_PATH       "/org/freedesktop/portal/desktop"
#define BACKGROUND_IFACE  "org.freedesktop.portal.Background"
#define REQUEST_IFACE     "org.freedesktop.portal.Request"
#define DESKTOP_GROUP     G_KEY_FILE_DESKTOP_GROUP
#define AUTOSTART_KEY     "X-GNOME-Autostart-enabled"

G_DEFINE_QUARK (bmb-autostart-error-quark, bmb_autostart_error)

/* One Background portal request in flight. The cancellable stops the call
 * itself; once the portal dialog is up, GTask reports the cancellation when
 * the answer arrives (the dialog stays for the user to answer). */
typedef struct
{
  GDBusConnection *bus;
  char            *request_path;
  guint            subscription;
  char            *parent_window;
  gboolean         enabled;
} PortalCall;

static void
portal_call_free (gpointer data)
{
  PortalCall *call = data;

  if (call->subscription != 0)
    g_dbus_connection_signal_unsubscribe (call->bus, call->subscription);
  g_clear_object (&call->bus);
  g_clear_pointer (&call->request_path, g_free);
  g_clear_pointer (&call->parent_window, g_free);
  g_free (call);
}

static void
portal_call_finish (GTask *task)
{
  PortalCall *call = g_task_get_task_data (task);

  if (call->subscription != 0)
    {
      g_dbus_connection_signal_unsubscribe (call->bus, call->subscription);
      call->subscription = 0;
    }
}

static char *
build_desktop_contents (void)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  const char * const argv[] = { "bimbing", "--background", NULL };
  g_autofree char *exec = NULL;

  exec = g_strjoinv (" ", (char **)argv);

  g_key_file_set_string (key_file, DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_TYPE,
                         G_KEY_FILE_DESKTOP_TYPE_APPLICATION);
  g_key_file_set_string (key_file, DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_NAME, "Bimbing");
  g_key_file_set_string (key_file, DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_COMMENT,
                         _("Shows reminders for mentoring sessions and follow-ups"));
  g_key_file_set_string (key_file, DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_EXEC, exec);
  g_key_file_set_string (key_file, DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_ICON, APP_ID);
  g_key_file_set_boolean (key_file, DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_NO_DISPLAY, TRUE);
  g_key_file_set_boolean (key_file, DESKTOP_GROUP, AUTOSTART_KEY, TRUE);

  return g_key_file_to_data (key_file, NULL, NULL);
}

gboolean
bmb_autostart_is_sandboxed (void)
{
  return g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS);
}

char *
bmb_autostart_dup_desktop_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "autostart", APP_ID ".desktop", NULL);
}

gboolean
bmb_autostart_set_enabled_native (gboolean   enabled,
                                  GError   **error)
{
  g_autofree char *path = bmb_autostart_dup_desktop_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!enabled)
    {
      if (g_unlink (path) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;

          g_set_error (error, BMB_AUTOSTART_ERROR, BMB_AUTOSTART_ERROR_FAILED,
                       _("Could not remove “%s”: %s"), path, g_strerror (saved_errno));
          return FALSE;
        }
      return TRUE;
    }

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, BMB_AUTOSTART_ERROR, BMB_AUTOSTART_ERROR_FAILED,
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  /* Written to a temporary file and renamed over: never half a file. */
  contents = build_desktop_contents ();
  if (!g_file_set_contents (path, contents, -1, &local_error))
    {
      g_set_error (error, BMB_AUTOSTART_ERROR, BMB_AUTOSTART_ERROR_FAILED,
                   _("Could not write “%s”: %s"), path, local_error->message);
      return FALSE;
    }

  return TRUE;
}

gboolean
bmb_autostart_get_enabled_native (void)
{
  g_autofree char *path = bmb_autostart_dup_desktop_path ();
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  gboolean enabled;

  if (!g_key_file_load_from_file (key_file, path, G_KEY_FILE_NONE, NULL))
    return FALSE;

  if (g_key_file_get_boolean (key_file, DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_HIDDEN, NULL))
    return FALSE;

  enabled = g_key_file_get_boolean (key_file, DESKTOP_GROUP, AUTOSTART_KEY, &error);

  /* A missing key means enabled. */
  return error != NULL ? TRUE : enabled;
}

static void
on_request_response_cb (GDBusConnection *connection,
                        const char      *sender_name,
                        const char      *object_path,
                        const char      *interface_name,
                        const char      *signal_name,
                        GVariant        *parameters,
                        gpointer         user_data)
{
  GTask *task = user_data;
  PortalCall *call = g_task_get_task_data (task);
  g_autoptr(GVariant) results = NULL;
  gboolean autostart = FALSE;
  guint32 response = 2;

  /* The subscription holds the task; keep it while we finish. */
  g_object_ref (task);
  portal_call_finish (task);

  if (g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(ua{sv})")))
    g_variant_get (parameters, "(u@a{sv})", &response, &results);

  if (results != NULL)
    g_variant_lookup (results, "autostart", "b", &autostart);

  if (response == 1)
    g_task_return_new_error (task, BMB_AUTOSTART_ERROR, BMB_AUTOSTART_ERROR_CANCELLED,
                             _("Starting Bimbing at login was not changed: the request "
                               "was dismissed."));
  else if (response != 0 || (call->enabled && !autostart))
    g_task_return_new_error (task, BMB_AUTOSTART_ERROR, BMB_AUTOSTART_ERROR_DENIED,
                             _("Bimbing is not allowed to start at login. You can allow "
                               "it in Settings, under Apps."));
  else
    g_task_return_boolean (task, TRUE);

  g_object_unref (task);
}

static void
on_request_background_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &error);
  if (reply == NULL)
    {
      if (g_task_get_completed (task))
        return;

      portal_call_finish (task);
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_new_error (task, BMB_AUTOSTART_ERROR, BMB_AUTOSTART_ERROR_PORTAL,
                                 _("Could not ask to start Bimbing at login: the "
                                   "background portal is not available (%s)."),
                                 error->message);
    }

  /* Otherwise the answer comes as the Response signal. */
}

static void
request_background (GTask           *task,
                    GDBusConnection *bus)
{
  PortalCall *call = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autofree char *token = g_strdup_printf ("bimbing%u", g_random_int ());
  g_autofree char *sender = NULL;
  const char * const commandline[] = { "bimbing", "--background", NULL };
  GVariantBuilder options;

  call->bus = g_object_ref (bus);

  /* The request object path is known before the call, so the Response
   * cannot be missed. */
  sender = g_strdup (g_dbus_connection_get_unique_name (bus) + 1);
  g_strdelimit (sender, ".", '_');
  call->request_path = g_strdup_printf ("%s/request/%s/%s", PORTAL_PATH, sender, token);

  call->subscription =
    g_dbus_connection_signal_subscribe (bus, PORTAL_NAME, REQUEST_IFACE, "Response",
                                        call->request_path, NULL,
                                        G_DBUS_SIGNAL_FLAGS_NONE,
                                        on_request_response_cb,
                                        g_object_ref (task), g_object_unref);
  g_variant_builder_init (&options, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&options, "{sv}", "handle_token", g_variant_new_string (token));
  g_variant_builder_add (&options, "{sv}", "reason",
                         g_variant_new_string (_("Show reminders for mentoring sessions "
                                                 "and follow-ups")));
  g_variant_builder_add (&options, "{sv}", "autostart", g_variant_new_boolean (call->enabled));
  g_variant_builder_add (&options, "{sv}", "commandline",
                         g_variant_new_strv (commandline, -1));
  g_variant_builder_add (&options, "{sv}", "dbus-activatable", g_variant_new_boolean (FALSE));

  g_dbus_connection_call (bus, PORTAL_NAME, PORTAL_PATH, BACKGROUND_IFACE,
                          "RequestBackground",
                          g_variant_new ("(sa{sv})",
                                         call->parent_window ? call->parent_window : "",
                                         &options),
                          G_VARIANT_TYPE ("(o)"), G_DBUS_CALL_FLAGS_NONE, -1,
                          cancellable, on_request_background_cb, g_object_ref (task));
}

static void
on_session_bus_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GError) error = NULL;

  bus = g_bus_get_finish (result, &error);
  if (bus == NULL)
    {
      g_task_return_new_error (task, BMB_AUTOSTART_ERROR, BMB_AUTOSTART_ERROR_PORTAL,
                               _("Could not ask to start Bimbing at login: no session "
                                 "bus (%s)."), error->message);
      return;
    }

  request_background (task, bus);
}

void
bmb_autostart_set_enabled_async (gboolean             enabled,
                                 const char          *parent_window,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  PortalCall *call;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, bmb_autostart_set_enabled_async);

  if (!bmb_autostart_is_sandboxed ())
    {
      if (bmb_autostart_set_enabled_native (enabled, &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  call = g_new0 (PortalCall, 1);
  call->enabled = enabled;
  g_task_set_task_data (task, call, portal_call_free);
  call->parent_window = g_strdup (parent_window);

  g_bus_get (G_BUS_TYPE_SESSION, cancellable, on_session_bus_cb, g_steal_pointer (&task));
}

gboolean
bmb_autostart_set_enabled_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        bmb_autostart_set_enabled_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
