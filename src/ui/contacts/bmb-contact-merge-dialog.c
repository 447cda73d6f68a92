/* bmb-contact-merge-dialog.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-contact-merge-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-contact-merge-dialog.h"
#include "bmb-contacts-page.h"

struct _BmbContactMergeDialog
{
  AdwWindow        parent_instance;

  /* template widgets */
  GtkWidget       *merge_button;
  AdwActionRow    *first_row;
  GtkCheckButton  *first_check;
  AdwActionRow    *second_row;
  GtkCheckButton  *second_check;

  /* owned */
  BmbContactStore *store;

  /* state */
  gint64           ids[2];
};

G_DEFINE_FINAL_TYPE (BmbContactMergeDialog, bmb_contact_merge_dialog, ADW_TYPE_WINDOW)

enum {
  MERGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* "Organisation · email · 3 interactions": enough to tell two apart. */
static char *
describe (BmbContactMergeDialog *self,
          BmbContact            *contact)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) interactions = NULL;
  const char *org = bmb_contact_get_organization (contact);
  const char *email = bmb_contact_get_primary_value (contact, BMB_CONTACT_FIELD_EMAIL);
  const char *phone = bmb_contact_get_primary_value (contact, BMB_CONTACT_FIELD_PHONE);

  if (org != NULL && *org != '\0')
    g_ptr_array_add (parts, g_strdup (org));
  if (email != NULL)
    g_ptr_array_add (parts, g_strdup (email));
  else if (phone != NULL)
    g_ptr_array_add (parts, g_strdup (phone));

  interactions = bmb_contact_store_list_interactions (self->store, bmb_contact_get_id (contact),
                                                      NULL);
  if (interactions != NULL)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u interaction", "%u interactions",
                                                       interactions->len),
                                             interactions->len));
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (" · ", (char **)parts->pdata);
}

static void
on_toggled_cb (BmbContactMergeDialog *self)
{
  g_autofree char *tooltip = NULL;
  const char *keep = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (
                       gtk_check_button_get_active (self->first_check) ? self->first_row
                                                                        : self->second_row));

  /* Translators: tooltip of the Merge button */
  tooltip = g_strdup_printf (_("Keep “%s” and delete the other"), keep);
  gtk_widget_set_tooltip_text (self->merge_button, tooltip);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "merge.merge", self->ids[0] != self->ids[1]);
}

static void
merge_merge_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  BmbContactMergeDialog *self = BMB_CONTACT_MERGE_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (!bmb_contact_merge_dialog_merge (self, &error))
    {
      bmb_contacts_show_error (widget, _("Could Not Merge the Contacts"), error);
      return;
    }

  gtk_window_close (GTK_WINDOW (self));
}

static void
bmb_contact_merge_dialog_dispose (GObject *object)
{
  BmbContactMergeDialog *self = (BmbContactMergeDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), BMB_TYPE_CONTACT_MERGE_DIALOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (bmb_contact_merge_dialog_parent_class)->dispose (object);
}

static void
bmb_contact_merge_dialog_class_init (BmbContactMergeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bmb_contact_merge_dialog_dispose;

  signals[MERGED] =
    g_signal_new ("merged", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/bmb-contact-merge-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BmbContactMergeDialog, merge_button);
  gtk_widget_class_bind_template_child (widget_class, BmbContactMergeDialog, first_row);
  gtk_widget_class_bind_template_child (widget_class, BmbContactMergeDialog, first_check);
  gtk_widget_class_bind_template_child (widget_class, BmbContactMergeDialog, second_row);
  gtk_widget_class_bind_template_child (widget_class, BmbContactMergeDialog, second_check);
  gtk_widget_class_bind_template_callback (widget_class, on_toggled_cb);

  gtk_widget_class_install_action (widget_class, "merge.merge", NULL, merge_merge_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bmb_contact_merge_dialog_init (BmbContactMergeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
bmb_contact_merge_dialog_new (GtkWindow       *parent,
                              BmbContactStore *store,
                              gint64           first_id,
                              gint64           second_id)
{
  BmbContactMergeDialog *self;
  AdwActionRow *rows[2];

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (BMB_IS_CONTACT_STORE (store), NULL);

  self = g_object_new (BMB_TYPE_CONTACT_MERGE_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  /* The older contact (lower id) is offered first: it is usually the one
   * with the history. */
  self->ids[0] = MIN (first_id, second_id);
  self->ids[1] = MAX (first_id, second_id);
  rows[0] = self->first_row;
  rows[1] = self->second_row;

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BmbContact) contact = bmb_contact_store_get (store, self->ids[i], &error);

      if (contact == NULL)
        {
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows[i]), error->message);
          self->ids[1] = self->ids[0];
          continue;
        }

      {
        g_autofree char *subtitle = describe (self, contact);

        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows[i]),
                                       bmb_contact_get_display_name (contact));
        adw_action_row_set_subtitle (rows[i], subtitle);
      }
    }

  on_toggled_cb (self);

  return GTK_WIDGET (self);
}

gint64
bmb_contact_merge_dialog_get_keep_id (BmbContactMergeDialog *self)
{
  g_return_val_if_fail (BMB_IS_CONTACT_MERGE_DIALOG (self), 0);

  return gtk_check_button_get_active (self->first_check) ? self->ids[0] : self->ids[1];
}

void
bmb_contact_merge_dialog_set_keep_id (BmbContactMergeDialog *self,
                                      gint64                 keep_id)
{
  g_return_if_fail (BMB_IS_CONTACT_MERGE_DIALOG (self));

  if (keep_id == self->ids[0])
    gtk_check_button_set_active (self->first_check, TRUE);
  else if (keep_id == self->ids[1])
    gtk_check_button_set_active (self->second_check, TRUE);
}

gboolean
bmb_contact_merge_dialog_merge (BmbContactMergeDialog  *self,
                                GError                **error)
{
  gint64 keep, other;

  g_return_val_if_fail (BMB_IS_CONTACT_MERGE_DIALOG (self), FALSE);

  keep = bmb_contact_merge_dialog_get_keep_id (self);
  other = keep == self->ids[0] ? self->ids[1] : self->ids[0];

  if (keep == other)
    {
      g_set_error_literal (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID,
                           _("Choose two different contacts to merge."));
      return FALSE;
    }

  if (!bmb_contact_store_merge (self->store, keep, other, error))
    return FALSE;

  g_signal_emit (self, signals[MERGED], 0, keep);

  return TRUE;
}
