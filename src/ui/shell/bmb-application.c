/* bmb-application.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-application"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-application-private.h"
#include "bmb-checklist-store.h"
#include "bmb-preferences-window.h"
#include "bmb-window.h"

G_DEFINE_FINAL_TYPE (BmbApplication, bmb_application, ADW_TYPE_APPLICATION)

static void
on_fatal_dialog_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             BmbApplication   *self)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_application_release (G_APPLICATION (self));
  g_application_quit (G_APPLICATION (self));
}

/* Both ways Bimbing stops on its data: a dialog that names the file and the way out, and
 * Quit once the user has read it. */
static void
present_stop_dialog (BmbApplication *self,
                     const char     *heading,
                     const char     *body)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (NULL, heading, body));
  adw_message_dialog_add_response (dialog, "quit", _("_Quit"));
  adw_message_dialog_set_default_response (dialog, "quit");
  adw_message_dialog_set_close_response (dialog, "quit");
  gtk_widget_add_css_class (GTK_WIDGET (dialog), "bmb-fatal-error");
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (on_fatal_dialog_response_cb), self, 0);

  /* Keep the application alive while the dialog is up. */
  g_application_hold (G_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * bmb_application_show_fatal_error:
 *
 * Tells the user why Bimbing cannot start (a damaged, newer or unreadable
 * database), then quits once they have read it. Nothing is written.
 */
void
bmb_application_show_fatal_error (BmbApplication *self,
                                  const GError   *error)
{
  g_autofree char *body = NULL;

  g_return_if_fail (BMB_IS_APPLICATION (self));
  g_return_if_fail (error != NULL);

  g_warning ("Cannot open the database: %s", error->message);

  if (self->fatal_error_shown)
    return;
  self->fatal_error_shown = TRUE;

  body = g_strdup_printf (_("%s\n\nThe file has not been changed. Move it aside or "
                            "start Bimbing with --database to use another file."),
                          error->message);
  present_stop_dialog (self, _("Bimbing Cannot Open Your Data"), body);
}

static gboolean open_database (BmbApplication        *self,
                               BmbDatabaseOpenFlags   flags,
                               GError               **error);

gboolean
bmb_application_ensure_database (BmbApplication  *self,
                                 GError         **error)
{
  g_return_val_if_fail (BMB_IS_APPLICATION (self), FALSE);

  return open_database (self, BMB_DATABASE_OPEN_NONE, error);
}

/* ---- The structural check after start-up ------------------------------------------ */

/* The file turned out damaged after the window came up: say so and stop, so that nothing
 * more is written into it. */
static void
show_damage (BmbApplication *self,
             const GError   *error)
{
  g_autoptr(GList) windows = NULL;
  g_autofree char *body = NULL;

  g_warning ("The database is damaged: %s", error->message);
  if (self->fatal_error_shown)
    return;
  self->fatal_error_shown = TRUE;

  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_widget_set_visible (GTK_WIDGET (l->data), FALSE);

  body = g_strdup_printf (_("%s\n\nBimbing stops here so that nothing more is written "
                            "into the damaged file. Keep a copy of it, then move it aside "
                            "or start Bimbing with --database to use another file."),
                          error->message);
  present_stop_dialog (self, _("Your Data Is Damaged"), body);
}

static void
on_integrity_checked_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(BmbApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  if (bmb_database_check_integrity_finish (BMB_DATABASE (object), result, &error))
    g_debug ("The database passed its structural check");
  else if (g_error_matches (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_CORRUPT))
    show_damage (self, error);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Could not check the database: %s", error->message);
}

static gboolean
start_integrity_check_cb (gpointer data)
{
  BmbApplication *self = data;

  self->check_source_id = 0;
  if (self->database != NULL)
    bmb_database_check_integrity_async (self->database, NULL, on_integrity_checked_cb,
                                        g_object_ref (self));

  return G_SOURCE_REMOVE;
}

/* The window opens on a file checked only for what opening reads (its header, schema and
 * version); the whole structure is read in a thread once the window has painted its page. */
/* Takes @database (opened here or in a thread) and builds what runs on it: the context,
 * the preferences it reads, the built-in checklists. */
gboolean
_bmb_application_adopt_database (BmbApplication        *self,
                                 BmbDatabase           *database,
                                 BmbDatabaseOpenFlags   flags,
                                 GError               **error)
{
  g_assert (self->database == NULL);
  self->database = database;

  if (flags & BMB_DATABASE_OPEN_CHECK_LATER)
    self->check_source_id = g_timeout_add_seconds_full (G_PRIORITY_LOW, 2, start_integrity_check_cb,
                                                        self, NULL);

  self->context = bmb_context_new (self->database, NULL, NULL);
  /* Preferences the core reads through the context */
  if (self->settings != NULL)
    {
      g_settings_bind (self->settings, "follow-up-days", self->context, "follow-up-days",
                       G_SETTINGS_BIND_GET);
      g_settings_bind (self->settings, "snooze-minutes", self->context, "snooze-minutes",
                       G_SETTINGS_BIND_GET);
    }

  /* Built-in checklists live in every database, keyed, translated on display. */
  if (!bmb_checklist_store_sync_builtins (bmb_context_get_checklist_store (self->context), error))
    {
      g_clear_handle_id (&self->check_source_id, g_source_remove);
      g_clear_object (&self->context);
      g_clear_object (&self->database);
      return FALSE;
    }

  return TRUE;
}

/* The window opens on a file checked only for what opening reads (its header, schema and
 * version); the whole structure is read in a thread once the window has painted its page. */
static gboolean
open_database (BmbApplication        *self,
               BmbDatabaseOpenFlags   flags,
               GError               **error)
{
  BmbDatabase *database;

  if (self->database != NULL)
    return TRUE;

  database = bmb_database_open_full (self->database_path, flags, error);
  if (database == NULL)
    return FALSE;

  return _bmb_application_adopt_database (self, database, flags, error);
}

BmbContext *
bmb_application_get_context (BmbApplication *self)
{
  g_return_val_if_fail (BMB_IS_APPLICATION (self), NULL);

  return self->context;
}

BmbDatabase *
bmb_application_get_database (BmbApplication *self)
{
  g_return_val_if_fail (BMB_IS_APPLICATION (self), NULL);

  return self->database;
}

const char *
bmb_application_get_database_path (BmbApplication *self)
{
  g_return_val_if_fail (BMB_IS_APPLICATION (self), NULL);

  if (self->database != NULL)
    return bmb_database_get_path (self->database);

  return self->database_path;
}

void
bmb_application_set_database_path (BmbApplication *self,
                                   const char     *path)
{
  g_return_if_fail (BMB_IS_APPLICATION (self));

  if (self->database != NULL)
    {
      g_warning ("The database is already open; --database is ignored");
      return;
    }

  g_free (self->database_path);
  self->database_path = g_strdup (path);
}

static BmbWindow *
find_main_window (BmbApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      if (BMB_IS_WINDOW (l->data))
        return l->data;
    }

  return NULL;
}

GtkWindow *
bmb_application_present_main_window (BmbApplication *self)
{
  g_autoptr(GError) error = NULL;
  BmbWindow *window;

  g_return_val_if_fail (BMB_IS_APPLICATION (self), NULL);

  /* A long migration runs in a thread behind a window that says so; this is called again
   * when it is done. */
  if (self->database == NULL && _bmb_application_open_with_progress (self))
    return NULL;

  if (!open_database (self, BMB_DATABASE_OPEN_CHECK_LATER, &error))
    {
      bmb_application_show_fatal_error (self, error);
      return NULL;
    }

  /* Reminders run while the app does: with a window or in the background,
   * never for a one-shot command such as --agenda. */
  _bmb_application_start_reminders (self);

  if (!(window = find_main_window (self)))
    window = bmb_window_new (self, self->context);

  gtk_window_present (GTK_WINDOW (window));
  _bmb_application_start_sync (self);

  return GTK_WINDOW (window);
}

/* While "Run in background" is on, closing the last window keeps the
 * application (and its reminders) alive. */
void
_bmb_application_hold_in_background (BmbApplication *self,
                                     gboolean        force)
{
  if (self->background_hold)
    return;
  if (!force && !g_settings_get_boolean (self->settings, "run-in-background"))
    return;

  g_debug ("Continuing in the background");
  self->background_hold = TRUE;
  g_application_hold (G_APPLICATION (self));
}

static void
on_run_in_background_changed_cb (BmbApplication *self,
                                 const char     *key,
                                 GSettings      *settings)
{
  if (!g_settings_get_boolean (settings, "run-in-background") && self->background_hold)
    {
      self->background_hold = FALSE;
      g_application_release (G_APPLICATION (self));
    }
}

static void
on_window_removed_cb (GtkApplication *app,
                      GtkWindow      *window)
{
  BmbApplication *self = BMB_APPLICATION (app);

  if (BMB_IS_WINDOW (window) && self->database != NULL)
    _bmb_application_hold_in_background (self, FALSE);
}

static void
bmb_application_quit_action (GSimpleAction *action,
                             GVariant      *param,
                             gpointer       user_data)
{
  BmbApplication *self = user_data;
  GList *windows;

  if (self->background_hold)
    {
      self->background_hold = FALSE;
      g_application_release (G_APPLICATION (self));
    }

  /* Closing a window removes it from the application's list: walk a copy. */
  windows = g_list_copy_deep (gtk_application_get_windows (GTK_APPLICATION (self)),
                              (GCopyFunc) g_object_ref, NULL);
  for (GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);
  g_list_free_full (windows, g_object_unref);

  g_application_quit (G_APPLICATION (self));
}

static void
bmb_application_about_action (GSimpleAction *action,
                              GVariant      *param,
                              gpointer       user_data)
{
  BmbApplication *self = user_data;
  static const char *developers[] = { "The Bimbing developers", NULL };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  adw_show_about_window (parent,
                         "application-name", _("Bimbing"),
                         "application-icon", APP_ID,
                         "developer-name", _("The Bimbing developers"),
                         "version", PACKAGE_VERSION,
                         "website", PACKAGE_WEBSITE,
                         "issue-url", PACKAGE_WEBSITE "/issues",
                         "developers", developers,
                         /* Translators: put your names here, one per line */
                         "translator-credits", _("translator-credits"),
                         "copyright", "© 2026 The Bimbing developers",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "comments", _("A private companion for mentoring and networking"),
                         NULL);
}

static void
bmb_application_preferences_action (GSimpleAction *action,
                                    GVariant      *param,
                                    gpointer       user_data)
{
  BmbApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  BmbPreferencesWindow *preferences = bmb_preferences_window_new (self->settings);

  if (self->context != NULL)
    bmb_preferences_window_add_accounts (preferences, self->context);
  gtk_window_set_transient_for (GTK_WINDOW (preferences), parent);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
on_help_shown_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (BMB_IS_WINDOW (object))
        bmb_window_show_error (BMB_WINDOW (object), _("Could Not Open the Help"), error);
      else
        g_warning ("Could not open the help: %s", error->message);
    }
}

/* The Mallard manual under help/, opened by the desktop's help browser (Yelp). */
static void
bmb_application_help_action (GSimpleAction *action,
                             GVariant      *param,
                             gpointer       user_data)
{
  BmbApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  gtk_show_uri_full (parent, "help:" PACKAGE_NAME, GDK_CURRENT_TIME, NULL,
                     on_help_shown_cb, NULL);
}

static const GActionEntry app_actions[] = {
  { "quit", bmb_application_quit_action },
  { "help", bmb_application_help_action },
  { "about", bmb_application_about_action },
  { "preferences", bmb_application_preferences_action },
};

static void
bmb_application_startup (GApplication *application)
{
  BmbApplication *self = BMB_APPLICATION (application);
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "app.help", { "F1", NULL } },
    { "window.close", { "<Control>w", NULL } },
    /* Ctrl+1…4, in the order of the window's view switcher */
    { "win.show-page::sessions", { "<Control>1", NULL } },
    { "win.show-page::relationships", { "<Control>2", NULL } },
    { "win.show-page::contacts", { "<Control>3", NULL } },
    { "win.show-page::checklists", { "<Control>4", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
  };

  G_APPLICATION_CLASS (bmb_application_parent_class)->startup (application);

  /* Only the primary instance reads settings: --help and --version work
   * without the schema. */
  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::run-in-background",
                           G_CALLBACK (on_run_in_background_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::start-at-login",
                           G_CALLBACK (_bmb_application_sync_autostart), self,
                           G_CONNECT_SWAPPED);

  gtk_window_set_default_icon_name (APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           accels[i].action, accels[i].accels);

  g_signal_connect (self, "window-removed", G_CALLBACK (on_window_removed_cb), NULL);
}

static void
bmb_application_activate (GApplication *application)
{
  bmb_application_present_main_window (BMB_APPLICATION (application));
}

static int
bmb_application_command_line (GApplication            *application,
                              GApplicationCommandLine *command_line)
{
  return _bmb_application_handle_command (BMB_APPLICATION (application), command_line);
}

/* Deletes still waiting for their Undo toast are written before the
 * application goes: the user did not undo them. */
static void
flush_undo_queue (BmbApplication *self)
{
  g_autoptr(GError) error = NULL;

  if (self->context != NULL &&
      !bmb_undo_queue_flush (bmb_context_get_undo_queue (self->context), &error))
    g_warning ("A pending change could not be saved: %s", error->message);
}

static void
bmb_application_shutdown (GApplication *application)
{
  flush_undo_queue (BMB_APPLICATION (application));

  G_APPLICATION_CLASS (bmb_application_parent_class)->shutdown (application);
}

/* GNOME Shell's search provider lives on the application's own object path. */
static gboolean
bmb_application_dbus_register (GApplication     *application,
                               GDBusConnection  *connection,
                               const char       *object_path,
                               GError          **error)
{
  BmbApplication *self = BMB_APPLICATION (application);

  if (!G_APPLICATION_CLASS (bmb_application_parent_class)->dbus_register (application, connection,
                                                                          object_path, error))
    return FALSE;

  self->search_provider = bmb_search_provider_new (self, connection, object_path, error);

  return self->search_provider != NULL;
}

static void
bmb_application_dbus_unregister (GApplication    *application,
                                 GDBusConnection *connection,
                                 const char      *object_path)
{
  BmbApplication *self = BMB_APPLICATION (application);

  if (self->search_provider != NULL)
    bmb_search_provider_unexport (self->search_provider);
  g_clear_object (&self->search_provider);

  G_APPLICATION_CLASS (bmb_application_parent_class)->dbus_unregister (application, connection,
                                                                        object_path);
}

static void
bmb_application_dispose (GObject *object)
{
  BmbApplication *self = (BmbApplication *)object;

  _bmb_application_stop_reminders (self);
  g_clear_handle_id (&self->check_source_id, g_source_remove);
  flush_undo_queue (self);
  g_clear_object (&self->search_provider);
  g_clear_object (&self->context);
  g_clear_object (&self->database);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (bmb_application_parent_class)->dispose (object);
}

static void
bmb_application_finalize (GObject *object)
{
  BmbApplication *self = (BmbApplication *)object;

  g_clear_pointer (&self->database_path, g_free);

  G_OBJECT_CLASS (bmb_application_parent_class)->finalize (object);
}

static void
bmb_application_class_init (BmbApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = bmb_application_dispose;
  object_class->finalize = bmb_application_finalize;

  app_class->startup = bmb_application_startup;
  app_class->shutdown = bmb_application_shutdown;
  app_class->activate = bmb_application_activate;
  app_class->command_line = bmb_application_command_line;
  app_class->dbus_register = bmb_application_dbus_register;
  app_class->dbus_unregister = bmb_application_dbus_unregister;
}

static void
bmb_application_init (BmbApplication *self)
{
  _bmb_application_add_options (self);
}

BmbApplication *
bmb_application_new (void)
{
  return g_object_new (BMB_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", RESOURCE_PATH,
                       NULL);
}

BmbApplication *
bmb_application_get_default (void)
{
  return BMB_APPLICATION (g_application_get_default ());
}
