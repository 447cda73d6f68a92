/* bmb-interaction-dialog.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-interaction-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-edit-guard.h"
#include "bmb-contact-validate.h"
#include "bmb-contacts-page.h"
#include "bmb-date-row.h"
#include "bmb-follow-up.h"
#include "bmb-interaction-dialog.h"

/* The channels offered, in this order (Other stays for imports). */
static const BmbInteractionChannel channels[] = {
  BMB_INTERACTION_CHANNEL_MEETING,
  BMB_INTERACTION_CHANNEL_CALL,
  BMB_INTERACTION_CHANNEL_EMAIL,
  BMB_INTERACTION_CHANNEL_MESSAGE,
  BMB_INTERACTION_CHANNEL_EVENT,
  BMB_INTERACTION_CHANNEL_OTHER,
};

struct _BmbInteractionDialog
{
  AdwWindow        parent_instance;

  /* template widgets */
  AdwWindowTitle  *window_title;
  GtkButton       *log_button;
  BmbDateRow      *date_row;
  AdwComboRow     *channel_row;
  AdwEntryRow     *summary_row;
  GtkLabel        *date_error;

  /* owned */
  BmbEditGuard    *guard;  /* Discard Changes?, Ctrl+S, drafts */
  BmbContactStore *store;
  BmbInteraction  *editing;   /* NULL: logging a new one */

  /* state */
  gint64           contact_id;
};

G_DEFINE_FINAL_TYPE (BmbInteractionDialog, bmb_interaction_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
dup_date_text (BmbInteractionDialog *self)
{
  const char *date = bmb_date_row_get_date (self->date_row);

  return g_strdup (date != NULL ? date : "");
}

/* An empty date means today. */
static char *
validate_date (BmbInteractionDialog *self)
{
  g_autofree char *text = dup_date_text (self);

  if (*text == '\0')
    return NULL;

  return bmb_contact_validate_date (text, FALSE);
}

static void
on_changed_cb (BmbInteractionDialog *self)
{
  g_autofree char *message = validate_date (self);

  gtk_label_set_label (self->date_error, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->date_error), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "interaction.log", message == NULL);
}

static void
interaction_log_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  BmbInteractionDialog *self = BMB_INTERACTION_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (!bmb_interaction_dialog_save (self, &error))
    {
      bmb_contacts_show_error (widget,
                               self->editing ? _("Could Not Save the Interaction")
                                             : _("Could Not Log the Interaction"),
                               error);
      return;
    }

  gtk_window_close (GTK_WINDOW (self));
}

static void
bmb_interaction_dialog_dispose (GObject *object)
{
  BmbInteractionDialog *self = (BmbInteractionDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), BMB_TYPE_INTERACTION_DIALOG);
  g_clear_object (&self->guard);
  g_clear_object (&self->store);
  g_clear_object (&self->editing);

  G_OBJECT_CLASS (bmb_interaction_dialog_parent_class)->dispose (object);
}

static void
bmb_interaction_dialog_class_init (BmbInteractionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bmb_interaction_dialog_dispose;

  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (BMB_TYPE_DATE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/bmb-interaction-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BmbInteractionDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, BmbInteractionDialog, log_button);
  gtk_widget_class_bind_template_child (widget_class, BmbInteractionDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, BmbInteractionDialog, channel_row);
  gtk_widget_class_bind_template_child (widget_class, BmbInteractionDialog, summary_row);
  gtk_widget_class_bind_template_child (widget_class, BmbInteractionDialog, date_error);
  gtk_widget_class_bind_template_callback (widget_class, on_changed_cb);

  gtk_widget_class_install_action (widget_class, "interaction.log", NULL, interaction_log_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bmb_interaction_dialog_init (BmbInteractionDialog *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree char *today = NULL;
  GDate date;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->guard = bmb_edit_guard_new (GTK_WINDOW (self), "interaction.log");

  for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
    gtk_string_list_append (labels, bmb_interaction_channel_get_label (channels[i]));
  adw_combo_row_set_model (self->channel_row, G_LIST_MODEL (labels));

  bmb_date_get_today (&date);
  today = bmb_date_format_iso (&date);
  bmb_date_row_set_date (self->date_row, today);
}

GtkWidget *
bmb_interaction_dialog_new (GtkWindow       *parent,
                            BmbContactStore *store,
                            gint64           contact_id,
                            const char      *contact_name)
{
  g_autofree char *draft_key = NULL;
  BmbInteractionDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (BMB_IS_CONTACT_STORE (store), NULL);
  g_return_val_if_fail (contact_id > 0, NULL);

  self = g_object_new (BMB_TYPE_INTERACTION_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->contact_id = contact_id;
  adw_window_title_set_subtitle (self->window_title, contact_name);
  gtk_widget_grab_focus (GTK_WIDGET (self->summary_row));

  bmb_edit_guard_loaded (self->guard, draft_key = g_strdup_printf ("interaction/new/%" G_GINT64_FORMAT,
                                                                   contact_id));

  return GTK_WIDGET (self);
}

GtkWidget *
bmb_interaction_dialog_new_for_edit (GtkWindow       *parent,
                                     BmbContactStore *store,
                                     BmbInteraction  *interaction,
                                     const char      *contact_name)
{
  BmbInteractionDialog *self;
  BmbInteractionChannel channel;
  g_autofree char *draft_key = NULL;

  g_return_val_if_fail (BMB_IS_INTERACTION (interaction), NULL);
  g_return_val_if_fail (bmb_interaction_get_id (interaction) > 0, NULL);

  self = BMB_INTERACTION_DIALOG (
    bmb_interaction_dialog_new (parent, store, bmb_interaction_get_contact_id (interaction),
                                contact_name));
  self->editing = g_object_ref (interaction);

  gtk_window_set_title (GTK_WINDOW (self), _("Edit Interaction"));
  adw_window_title_set_title (self->window_title, _("Edit Interaction"));
  gtk_button_set_label (self->log_button, _("_Save"));
  bmb_date_row_set_date (self->date_row, bmb_interaction_get_happened_on (interaction));
  channel = bmb_interaction_get_channel (interaction);
  for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
    if (channels[i] == channel)
      adw_combo_row_set_selected (self->channel_row, i);
  gtk_editable_set_text (GTK_EDITABLE (self->summary_row),
                         bmb_interaction_get_summary (interaction) ?: "");

  /* What it shows now is the baseline; its draft is the interaction's own. */
  draft_key = g_strdup_printf ("interaction/%" G_GINT64_FORMAT, bmb_interaction_get_id (interaction));
  bmb_edit_guard_loaded (self->guard, draft_key);

  return GTK_WIDGET (self);
}

gboolean
bmb_interaction_dialog_save (BmbInteractionDialog  *self,
                             GError               **error)
{
  g_autoptr(BmbInteraction) interaction = NULL;
  g_autofree char *date = NULL;
  g_autofree char *message = NULL;
  g_autofree char *summary = NULL;
  guint selected;

  g_return_val_if_fail (BMB_IS_INTERACTION_DIALOG (self), FALSE);

  date = dup_date_text (self);
  if ((message = validate_date (self)))
    {
      g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID,
                   /* Translators: the date typed, then what is wrong with it */
                   _("“%s” is not a date: %s"), date, message);
      return FALSE;
    }

  summary = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->summary_row))));
  selected = adw_combo_row_get_selected (self->channel_row);

  if (self->editing != NULL)
    {
      bmb_interaction_set_happened_on (self->editing, *date ? date : NULL);
      bmb_interaction_set_channel (self->editing,
                                   channels[MIN (selected, G_N_ELEMENTS (channels) - 1)]);
      bmb_interaction_set_summary (self->editing, *summary ? summary : NULL);
      if (!bmb_contact_store_update_interaction (self->store, self->editing, error))
        return FALSE;

      bmb_edit_guard_saved (self->guard);
      g_signal_emit (self, signals[SAVED], 0, bmb_interaction_get_id (self->editing));
      return TRUE;
    }

  interaction = bmb_interaction_new (self->contact_id, *date ? date : NULL,
                                     channels[MIN (selected, G_N_ELEMENTS (channels) - 1)],
                                     *summary ? summary : NULL);

  if (!bmb_contact_store_add_interaction (self->store, interaction, error))
    return FALSE;

  bmb_edit_guard_saved (self->guard);
  g_signal_emit (self, signals[SAVED], 0, bmb_interaction_get_id (interaction));

  return TRUE;
}
