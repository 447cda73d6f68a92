/* bmb-application-upgrade.c — a database from an older version is migrated in a thread,
 * behind a window that says what is happening
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Most migrations take a moment; giving every meeting its own record (data version 3)
 * walks every series and took 23 s on a database of 20,000 sessions. The window stays up
 * until the database is open, then the main window takes its place; an error ends in the
 * same dialog as any other database that cannot be opened.
 */

#define G_LOG_DOMAIN "bmb-application"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-application-private.h"

static GtkWidget *
upgrade_window_new (BmbApplication *self)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *status = adw_status_page_new ();
  GtkWidget *spinner = gtk_spinner_new ();

  gtk_window_set_title (GTK_WINDOW (window), _("Bimbing"));
  gtk_window_set_default_size (GTK_WINDOW (window), 480, 460);
  gtk_window_set_deletable (GTK_WINDOW (window), FALSE);
  gtk_widget_add_css_class (window, "bmb-upgrading");

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "software-update-available-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("Updating Your Data"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                   _("This version of Bimbing keeps a record for every meeting. "
                                     "Your data is moved over once; on a large database this "
                                     "takes a minute. A copy of the old file is kept beside it."));
  gtk_spinner_start (GTK_SPINNER (spinner));
  gtk_widget_set_size_request (spinner, 32, 32);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spinner), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Updating Your Data"), -1);
  adw_status_page_set_child (ADW_STATUS_PAGE (status), spinner);
  gtk_widget_set_vexpand (status, TRUE);
  gtk_widget_add_css_class (header, "flat");
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), status);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_set_application (GTK_WINDOW (window), GTK_APPLICATION (self));

  return window;
}

static void
on_opened_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(BmbApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  BmbDatabase *database = bmb_database_open_finish (result, &error);

  if (database == NULL ||
      !_bmb_application_adopt_database (self, database, BMB_DATABASE_OPEN_CHECK_LATER, &error))
    bmb_application_show_fatal_error (self, error);
  else
    bmb_application_present_main_window (self);

  g_clear_pointer ((GtkWindow **)&self->upgrade_window, gtk_window_destroy);
  g_application_release (G_APPLICATION (self));
}

/* TRUE while a migration runs (or has just been started) in a thread: the main window
 * comes when it is done. */
gboolean
_bmb_application_open_with_progress (BmbApplication *self)
{
  const char *path = bmb_application_get_database_path (self);

  if (self->upgrade_window != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->upgrade_window));
      return TRUE;
    }

  if (!bmb_database_needs_migration (path))
    return FALSE;

  g_debug ("Migrating the database in a thread");
  g_application_hold (G_APPLICATION (self));
  self->upgrade_window = upgrade_window_new (self);
  gtk_window_present (GTK_WINDOW (self->upgrade_window));
  bmb_database_open_async (path, BMB_DATABASE_OPEN_CHECK_LATER, NULL, on_opened_cb, g_object_ref (self));

  return TRUE;
}
