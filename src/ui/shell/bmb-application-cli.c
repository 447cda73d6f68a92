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
#include <gio/gunixinputstream.h>
#include <stdio.h>
#include <unistd.h>

#include "bmb-application-private.h"
#include "bmb-sync-account-setup.h"

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

/* ---- --add-account (the work is bmb_sync_account_setup() in the core) and --sync (the
 * work is BmbSyncManager's) ---------------------------------------------------------------- */

static gboolean
has_account_command (GVariantDict *options)
{
  return g_variant_dict_contains (options, "add-account") ||
         g_variant_dict_contains (options, "username") ||
         g_variant_dict_contains (options, "sync");
}

static void
print_out (GApplicationCommandLine *remote,
           gboolean                 to_stderr,
           const char              *text)
{
  if (remote != NULL && to_stderr)
    g_application_command_line_printerr (remote, "%s", text);
  else if (remote != NULL)
    g_application_command_line_print (remote, "%s", text);
  else if (to_stderr)
    g_printerr ("%s", text);
  else
    g_print ("%s", text);
}

static void
on_synced_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

/* Exits 0 when every account synced; 1 on a failure (its error on standard error) and
 * when there is no account to sync. */
static int
run_sync (BmbApplication          *self,
          GApplicationCommandLine *remote)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  g_autofree char *message = NULL;
  BmbSyncManager *manager;
  gboolean ok;

  if (!bmb_application_ensure_database (self, &error) ||
      !(accounts = bmb_sync_accounts_list (bmb_context_get_sync_accounts (self->context),
                                           &error)))
    {
      message = g_strdup_printf ("%s\n", error->message);
      print_out (remote, TRUE, message);
      return 1;
    }
  if (accounts->len == 0)
    {
      print_out (remote, TRUE, _("There is no account to sync with. Add one with "
                                 "--add-account URL --username NAME.\n"));
      return 1;
    }

  manager = bmb_context_get_sync_manager (self->context);
  bmb_sync_manager_sync_async (manager, NULL, on_synced_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  ok = bmb_sync_manager_sync_finish (manager, result, &reports, &error);

  for (guint i = 0; reports != NULL && i < reports->len; i++)
    {
      g_autofree char *text = bmb_sync_report_to_string (g_ptr_array_index (reports, i));
      g_autofree char *line = g_strdup_printf ("%s\n", text);

      print_out (remote, FALSE, line);
    }
  for (guint i = 0; reports != NULL && i < reports->len; i++)
    {
      BmbSyncReport *report = g_ptr_array_index (reports, i);

      if (report->error == NULL)
        continue;
      /* Translators: --sync failed; %s is the error, which names the server */
      message = g_strdup_printf (_("The sync failed: %s\n"), report->error);
      print_out (remote, TRUE, message);
      g_clear_pointer (&message, g_free);
    }
  if (!ok && reports == NULL)
    {
      message = g_strdup_printf (_("The sync failed: %s\n"), error->message);
      print_out (remote, TRUE, message);
    }
  return ok ? 0 : 1;
}

static int
run_add_account (BmbApplication          *self,
                 GApplicationCommandLine *remote,
                 GVariantDict            *options)
{
  g_autoptr(GInputStream) input = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autoptr(BmbSyncAccounts) accounts = NULL;
  g_autoptr(BmbSyncAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *password = NULL;
  g_autofree char *message = NULL;
  const char *address = NULL;
  const char *username = NULL;

  g_variant_dict_lookup (options, "add-account", "&s", &address);
  g_variant_dict_lookup (options, "username", "&s", &username);
  if (address == NULL || username == NULL)
    message = g_strdup (_("--add-account URL and --username NAME go together\n"));

  /* The password is one line on standard input (never an argument: others could read it). */
  if (message == NULL)
    {
      input = remote ? g_application_command_line_get_stdin (remote)
                     : g_unix_input_stream_new (STDIN_FILENO, FALSE);
      if (input != NULL)
        {
          lines = g_data_input_stream_new (input);
          password = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);
        }
      if (password == NULL)
        message = g_strdup_printf (_("Type the password for “%s” on standard input.\n"), username);
      else
        g_strchomp (password);
    }

  if (message == NULL && !bmb_application_ensure_database (self, &error))
    message = g_strdup_printf ("%s\n", error->message);

  if (message == NULL)
    {
      accounts = bmb_sync_accounts_new (self->database);
      account = bmb_sync_account_setup (accounts, address, username, password, NULL, &error);
      if (account == NULL)
        message = g_strdup_printf ("%s\n", error->message);
    }
  if (password != NULL)
    memset (password, 0, strlen (password));

  if (message != NULL)
    {
      if (remote != NULL)
        g_application_command_line_printerr (remote, "%s", message);
      else
        g_printerr ("%s", message);
      return 1;
    }

  /* Translators: after --add-account: the user name, the server, the calendar and address
   * book on the server ("none" when the server has no such service) */
  message = g_strdup_printf (_("Added “%s” on %s.\nCalendar: %s\nAddress book: %s\n"),
                             account->username, account->server_url,
                             account->calendar_url ? account->calendar_url : _("none"),
                             account->addressbook_url ? account->addressbook_url : _("none"));
  if (remote != NULL)
    g_application_command_line_print (remote, "%s", message);
  else
    g_print ("%s", message);
  return 0;
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

  if (!_bmb_application_has_commands (options) && !has_account_command (options))
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

  if (g_variant_dict_contains (options, "sync"))
    return run_sync (self, NULL);
  if (has_account_command (options))
    return run_add_account (self, NULL, options);
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
    { "add-account", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Sync with a CalDAV/CardDAV server (its address, or your e-mail address): finds or "
         "creates the Bimbing calendar and address book there; the password is read from "
         "standard input"), N_("URL") },
    { "username", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("With --add-account: your user name on the server"), N_("NAME") },
    { "sync", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Sync every account once, print what was sent and received, and quit (exits 1 "
         "on a failure, or when there is no account)"), NULL },
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

  if (g_variant_dict_contains (options, "sync"))
    return run_sync (self, command_line);
  if (has_account_command (options))
    return run_add_account (self, command_line, options);
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
      _bmb_application_start_sync (self);
      _bmb_application_hold_in_background (self, TRUE);
      return 0;
    }

  bmb_application_present_main_window (self);

  return 0;
}
