/* bmb-follow-up-dialog.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-follow-up-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-contact-validate.h"
#include "bmb-date-row.h"
#include "bmb-contacts-page.h"
#include "bmb-follow-up.h"
#include "bmb-follow-up-dialog.h"

/* Days from today a new follow-up starts at. */
#define DEFAULT_DAYS 2

struct _BmbFollowUpDialog
{
  AdwWindow        parent_instance;

  /* template widgets */
  AdwWindowTitle  *window_title;
  AdwEntryRow     *note_row;
  BmbDateRow      *date_row;
  GtkLabel        *date_error;

  /* owned */
  BmbContactStore *store;

  /* state */
  gint64           contact_id;
};

G_DEFINE_FINAL_TYPE (BmbFollowUpDialog, bmb_follow_up_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- helpers ------------------------------------------------------------- */

static char *
dup_date_text (BmbFollowUpDialog *self)
{
  const char *date = bmb_date_row_get_date (self->date_row);

  return g_strdup (date != NULL ? date : "");
}

/* What is wrong with the date, or NULL. */
static char *
validate_date (BmbFollowUpDialog *self)
{
  g_autofree char *text = dup_date_text (self);

  if (*text == '\0')
    return g_strdup (_("Enter the date to follow up by."));

  return bmb_contact_validate_date (text, FALSE);
}

/* ---- callbacks ----------------------------------------------------------- */

static void
on_changed_cb (BmbFollowUpDialog *self)
{
  g_autofree char *message = validate_date (self);

  gtk_label_set_label (self->date_error, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->date_error), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "follow-up.save", message == NULL);
}

static void
follow_up_save_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  BmbFollowUpDialog *self = BMB_FOLLOW_UP_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (!bmb_follow_up_dialog_save (self, &error))
    {
      bmb_contacts_show_error (widget, _("Could Not Save the Follow-Up"), error);
      return;
    }

  gtk_window_close (GTK_WINDOW (self));
}

/* ---- GObject ------------------------------------------------------------- */

static void
bmb_follow_up_dialog_dispose (GObject *object)
{
  BmbFollowUpDialog *self = (BmbFollowUpDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), BMB_TYPE_FOLLOW_UP_DIALOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (bmb_follow_up_dialog_parent_class)->dispose (object);
}

static void
bmb_follow_up_dialog_class_init (BmbFollowUpDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bmb_follow_up_dialog_dispose;

  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (BMB_TYPE_DATE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/bmb-follow-up-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BmbFollowUpDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, BmbFollowUpDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, BmbFollowUpDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, BmbFollowUpDialog, date_error);
  gtk_widget_class_bind_template_callback (widget_class, on_changed_cb);

  gtk_widget_class_install_action (widget_class, "follow-up.save", NULL, follow_up_save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "follow-up.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bmb_follow_up_dialog_init (BmbFollowUpDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* ---- public API ---------------------------------------------------------- */

GtkWidget *
bmb_follow_up_dialog_new (GtkWindow       *parent,
                          BmbContactStore *store,
                          BmbContact      *contact)
{
  BmbFollowUpDialog *self;
  const char *due_on;
  g_autofree char *date = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (BMB_IS_CONTACT_STORE (store), NULL);
  g_return_val_if_fail (BMB_IS_CONTACT (contact), NULL);
  g_return_val_if_fail (bmb_contact_get_id (contact) > 0, NULL);

  self = g_object_new (BMB_TYPE_FOLLOW_UP_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->contact_id = bmb_contact_get_id (contact);
  adw_window_title_set_subtitle (self->window_title, bmb_contact_get_display_name (contact));

  due_on = bmb_contact_get_follow_up_on (contact);
  if (due_on == NULL)
    {
      GDate today;

      bmb_date_get_today (&today);
      bmb_follow_up_add_interval (&today, DEFAULT_DAYS, BMB_FOLLOW_UP_UNIT_DAY);
      due_on = date = bmb_date_format_iso (&today);
    }
  bmb_date_row_set_date (self->date_row, due_on);
  gtk_editable_set_text (GTK_EDITABLE (self->note_row),
                         bmb_contact_get_follow_up_note (contact) ?: "");
  on_changed_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->note_row));

  return GTK_WIDGET (self);
}

gboolean
bmb_follow_up_dialog_save (BmbFollowUpDialog  *self,
                           GError            **error)
{
  g_autofree char *date = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (BMB_IS_FOLLOW_UP_DIALOG (self), FALSE);

  date = dup_date_text (self);
  if ((message = validate_date (self)))
    {
      g_set_error_literal (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID, message);
      return FALSE;
    }

  if (!bmb_contact_store_set_follow_up (self->store, self->contact_id, date,
                                        gtk_editable_get_text (GTK_EDITABLE (self->note_row)),
                                        error))
    return FALSE;

  g_signal_emit (self, signals[SAVED], 0);

  return TRUE;
}
