/* bmb-contact-details-interactions.c — the interactions of the contact shown
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per logged interaction, with Edit (the interaction dialog) and
 * Delete (undoable through a toast).
 */

#define G_LOG_DOMAIN "bmb-contact-details"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-contact-details-private.h"
#include "bmb-contacts-page.h"
#include "bmb-interaction-dialog.h"

/* ---- interactions -------------------------------------------------------- */

typedef struct
{
  BmbContactStore *store;
  BmbInteraction  *interaction;
  GtkWidget       *widget;   /* weak: where errors are reported */
} UndoInteraction;

static void
undo_interaction_free (gpointer data)
{
  UndoInteraction *undo = data;

  g_clear_object (&undo->store);
  g_clear_object (&undo->interaction);
  g_clear_weak_pointer (&undo->widget);
  g_free (undo);
}

static void
on_undo_delete_interaction_cb (AdwToast        *toast,
                               UndoInteraction *undo)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbInteraction) again = NULL;

  again = bmb_interaction_new (bmb_interaction_get_contact_id (undo->interaction),
                               bmb_interaction_get_happened_on (undo->interaction),
                               bmb_interaction_get_channel (undo->interaction),
                               bmb_interaction_get_summary (undo->interaction));

  if (!bmb_contact_store_add_interaction (undo->store, again, &error) && undo->widget != NULL)
    bmb_contacts_show_error (undo->widget, _("Could Not Restore the Interaction"), error);
}

static void
on_delete_interaction_clicked_cb (GtkButton         *button,
                                  BmbContactDetails *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  g_autoptr(BmbInteraction) interaction = NULL;
  g_autoptr(GError) error = NULL;
  UndoInteraction *undo;
  AdwToast *toast;
  int index;

  if (row == NULL || (index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row))) < 0)
    return;

  interaction = g_list_model_get_item (G_LIST_MODEL (self->interactions), index);
  if (interaction == NULL)
    return;

  if (!bmb_contact_store_delete_interaction (self->store, bmb_interaction_get_id (interaction),
                                             &error))
    {
      bmb_contacts_show_error (GTK_WIDGET (self), _("Could Not Delete the Interaction"), error);
      return;
    }

  undo = g_new0 (UndoInteraction, 1);
  undo->store = g_object_ref (self->store);
  undo->interaction = g_object_ref (interaction);
  g_set_weak_pointer (&undo->widget, GTK_WIDGET (self));

  toast = adw_toast_new (_("Interaction deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_delete_interaction_cb),
                         undo, (GClosureNotify)(void (*) (void))undo_interaction_free, 0);
  bmb_contacts_add_toast (GTK_WIDGET (self), toast);
}

static void
on_edit_interaction_clicked_cb (GtkButton         *button,
                                BmbContactDetails *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  g_autoptr(BmbInteraction) interaction = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;
  int index;

  if (row == NULL || (index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row))) < 0)
    return;

  interaction = g_list_model_get_item (G_LIST_MODEL (self->interactions), index);
  if (interaction == NULL || self->contact == NULL)
    return;

  dialog = bmb_interaction_dialog_new_for_edit (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                self->store, interaction,
                                                bmb_contact_get_display_name (self->contact));
  gtk_window_present (GTK_WINDOW (dialog));
}

GtkWidget *
_bmb_contact_details_create_interaction_row (gpointer item,
                                             gpointer user_data)
{
  BmbContactDetails *self = user_data;
  BmbInteraction *interaction = item;
  BmbInteractionChannel channel = bmb_interaction_get_channel (interaction);
  const char *summary = bmb_interaction_get_summary (interaction);
  g_autofree char *date = bmb_contact_details_format_date (bmb_interaction_get_happened_on (interaction));
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (bmb_interaction_channel_get_icon_name (channel));
  GtkWidget *button;

  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  bmb_interaction_channel_get_label (channel),
                                  -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);

  if (!_bmb_contact_details_is_blank (summary))
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), summary);
      /* Translators: under a logged interaction: "12 March 2026 · Call" */
      subtitle = g_strdup_printf (C_("interaction row", "%s · %s"),
                                  date, bmb_interaction_channel_get_label (channel));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     bmb_interaction_channel_get_label (channel));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), date);
    }
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);

  button = gtk_button_new_from_icon_name ("document-edit-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Edit Interaction"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Edit Interaction"),
                                  -1);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_edit_interaction_clicked_cb),
                           self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Delete Interaction"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Delete Interaction"),
                                  -1);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_delete_interaction_clicked_cb),
                           self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}
