/* bmb-error-dialog.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-error-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-error-dialog.h"

void
bmb_error_dialog_show (GtkWidget    *widget,
                       const char   *heading,
                       const GError *error)
{
  GtkWindow *parent = NULL;
  GtkWidget *dialog;

  g_return_if_fail (widget == NULL || GTK_IS_WIDGET (widget));
  g_return_if_fail (heading != NULL);
  g_return_if_fail (error != NULL);

  g_debug ("%s: %s", heading, error->message);

  if (GTK_IS_WINDOW (widget))
    parent = GTK_WINDOW (widget);
  else if (widget != NULL && GTK_IS_WINDOW (gtk_widget_get_root (widget)))
    parent = GTK_WINDOW (gtk_widget_get_root (widget));

  dialog = adw_message_dialog_new (parent, heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  if (parent != NULL)
    gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}
