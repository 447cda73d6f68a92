/* bmb-application-cli.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The command line, handled by the primary instance so that it works the same
 * whether or not a window is already open.
 */

#define G_LOG_DOMAIN "bmb-application"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "bmb-application-private.h"

static gboolean
instance_is_running (GApplication *application)
{
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GVariant) reply = NULL;
  gboolean running = FALSE;

  if (g_application_get_flags (application) & G_APPLICATION_NON_UNIQUE)
    return FALSE;
  if (!(bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL)))
    return FALSE;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", g_application_get_application_id (application)),
                                       G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE,
                                       2000, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &running);

  return running;
}

static int
on_handle_local_options_cb (GApplication *application,
                            GVariantDict *options,
                            gpointer      user_data)
{
  BmbApplication *self = BMB_APPLICATION (application);
  g_autofree char *database = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }

  if (!_bmb_application_has_commands (options))
    return -1;

  /* A running instance does the work (and sees the data it shows); with
   * none running, do it here without starting GTK, so it works without a
   * display, for example from a script. Registering would start GTK, so
   * ask the bus instead. */
  if (instance_is_running (application))
    return -1;

  if (g_variant_dict_lookup (options, "database", "^ay", &database))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (database);
      g_autofree char *path = g_file_get_path (file);

      bmb_application_set_database_path (self, path);
    }

  return _bmb_application_run_commands (self, NULL, options);
}

void
_bmb_application_add_options (BmbApplication *self)
{
  static const GOptionEntry entries[] = {
    { "database", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Use the database in FILE instead of the one in your data folder"), N_("FILE") },
    { "background", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Start without a window and deliver reminders in the background"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Show the version and quit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  _bmb_application_add_command_options (self);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Bimbing — a private companion for mentoring "
                                              "and networking."));
  g_signal_connect (self, "handle-local-options", G_CALLBACK (on_handle_local_options_cb), NULL);
}

int
_bmb_application_handle_command (BmbApplication          *self,
                                 GApplicationCommandLine *command_line)
{
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autoptr(GError) error = NULL;
  g_autofree char *database = NULL;
  int status;

  if (g_variant_dict_lookup (options, "database", "^ay", &database))
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line,
                                                                              database);
      g_autofree char *path = g_file_get_path (file);

      if (self->database != NULL &&
          g_strcmp0 (path, bmb_database_get_path (self->database)) != 0)
        g_application_command_line_printerr (command_line,
                                             _("Bimbing is already running with “%s”; "
                                               "--database is ignored.\n"),
                                             bmb_database_get_path (self->database));
      else
        bmb_application_set_database_path (self, path);
    }

  status = _bmb_application_run_commands (self, command_line, options);
  if (status >= 0)
    return status;

  if (g_variant_dict_contains (options, "background"))
    {
      if (!bmb_application_ensure_database (self, &error))
        {
          g_application_command_line_printerr (command_line, "%s\n", error->message);
          return 1;
        }
      _bmb_application_start_reminders (self);
      _bmb_application_hold_in_background (self, TRUE);
      return 0;
    }

  bmb_application_present_main_window (self);

  return 0;
}
