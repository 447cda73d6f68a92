/* bmb-contacts-page-io.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Importing (in the background, with a progress bar, Cancel and a summary
 * of what was imported, merged and skipped) and exporting contacts from
 * the Contacts page.
 */

#define G_LOG_DOMAIN "bmb-contacts-page"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-contact-export.h"
#include "bmb-contact-import.h"
#include "bmb-contacts-page-private.h"

/* ---- import and export --------------------------------------------------- */

static void
on_import_progress_cb (BmbProgress     *progress,
                       BmbContactsPage *self)
{
  g_autofree char *text = NULL;
  double fraction = bmb_progress_get_fraction (progress);
  guint n_processed = bmb_progress_get_done (progress);

  if (self->disposed)
    return;

  gtk_progress_bar_set_fraction (self->import_progress, CLAMP (fraction, 0.0, 1.0));
  text = g_strdup_printf (ngettext ("%u contact read", "%u contacts read", n_processed),
                          n_processed);
  gtk_progress_bar_set_text (self->import_progress, text);
  gtk_progress_bar_set_show_text (self->import_progress, TRUE);
}

static void
show_import_summary (BmbContactsPage        *self,
                     GFile                  *file,
                     BmbContactImportResult *result)
{
  g_autofree char *summary = bmb_contact_import_result_dup_summary (result);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *heading = NULL;
  const char * const *messages = bmb_contact_import_result_get_messages (result);
  guint n_messages = g_strv_length ((char **)messages);
  GtkWidget *dialog;

  /* Translators: heading of the dialog after importing a file */
  heading = g_strdup_printf (_("Imported “%s”"), name);
  dialog = adw_message_dialog_new (_bmb_contacts_page_get_parent_window (self), heading, summary);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));

  if (n_messages > 0)
    {
      g_autoptr(GString) reasons = g_string_new (NULL);
      GtkWidget *scroller = gtk_scrolled_window_new ();
      GtkWidget *label;

      for (guint i = 0; i < n_messages && i < 500; i++)
        {
          if (reasons->len > 0)
            g_string_append_c (reasons, '\n');
          g_string_append (reasons, messages[i]);
        }
      if (n_messages > 500)
        {
          g_string_append_c (reasons, '\n');
          g_string_append_printf (reasons, ngettext ("…and %u more.", "…and %u more.",
                                                     n_messages - 500),
                                  n_messages - 500);
        }

      label = gtk_label_new (reasons->str);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "caption");
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller),
                                      GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 240);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
      gtk_widget_add_css_class (scroller, "card");
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);
    }

  gtk_window_present (GTK_WINDOW (dialog));
}

/* The page and the file of an import or export under way. */
typedef struct
{
  BmbContactsPage *self;
  GFile           *file;
} FileTask;

static void
file_task_free (FileTask *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->file);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FileTask, file_task_free)

static FileTask *
file_task_new (BmbContactsPage *self,
               GFile           *file)
{
  FileTask *data = g_new0 (FileTask, 1);

  data->self = g_object_ref (self);
  data->file = g_object_ref (file);

  return data;
}

static void
on_import_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(FileTask) data = user_data;
  BmbContactsPage *self = data->self;
  g_autoptr(BmbContactImportResult) import = NULL;
  g_autoptr(GError) error = NULL;

  import = bmb_contact_import_finish (result, &error);

  g_clear_object (&self->import_cancellable);
  if (self->disposed)
    return;
  gtk_revealer_set_reveal_child (self->import_revealer, FALSE);
  _bmb_contacts_page_update_actions (self);

  if (import == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        bmb_contacts_show_error (GTK_WIDGET (self), _("Could Not Import the Contacts"), error);
      else
        bmb_contacts_add_toast (GTK_WIDGET (self),
                                adw_toast_new (_("Import cancelled; nothing was changed")));
      return;
    }

  _bmb_contacts_page_reload (self);
  show_import_summary (self, data->file, import);

  {
    guint n_ids = 0;
    const gint64 *ids = bmb_contact_import_result_get_contact_ids (import, &n_ids);

    if (n_ids > 0)
      bmb_contacts_page_show_contact (self, ids[0]);
  }
}

void
_bmb_contacts_page_on_import_cancel_clicked_cb (BmbContactsPage *self)
{
  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
}

static GtkFileFilter *
make_filter (const char *name,
             const char *pattern,
             const char *mime_type)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  if (mime_type != NULL)
    gtk_file_filter_add_mime_type (filter, mime_type);

  return filter;
}

static void
on_import_chooser_response_cb (GtkNativeDialog *chooser,
                               int              response,
                               BmbContactsPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        bmb_contacts_page_import_file (self, file);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
on_export_chooser_response_cb (GtkNativeDialog *chooser,
                               int              response,
                               BmbContactsPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      GtkFileFilter *filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));
      g_autofree char *basename = file ? g_file_get_basename (file) : NULL;
      gboolean csv = FALSE;

      if (basename != NULL && g_str_has_suffix (basename, ".csv"))
        csv = TRUE;
      else if (basename != NULL && g_str_has_suffix (basename, ".vcf"))
        csv = FALSE;
      else if (filter != NULL)
        csv = g_strcmp0 (gtk_file_filter_get_name (filter), _("CSV Spreadsheets")) == 0;

      if (file != NULL)
        bmb_contacts_page_export_file (self, file, csv);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
on_export_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(FileTask) data = user_data;
  BmbContactsPage *self = data->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (data->file);
  g_autofree char *message = NULL;
  g_autofree char *escaped = NULL;
  guint n = 0;

  g_clear_object (&self->export_cancellable);
  if (self->disposed)
    return;
  _bmb_contacts_page_update_actions (self);

  if (!bmb_contact_export_finish (result, &n, &error))
    {
      bmb_contacts_show_error (GTK_WIDGET (self), _("Could Not Export the Contacts"), error);
      return;
    }

  /* Translators: a toast after exporting, e.g. "12 contacts saved to “kontak.vcf”" */
  message = g_strdup_printf (ngettext ("%u contact saved to “%s”", "%u contacts saved to “%s”", n),
                             n, name);
  /* Toast titles are markup: the file name is the user's. */
  escaped = g_markup_escape_text (message, -1);
  bmb_contacts_add_toast (GTK_WIDGET (self), adw_toast_new (escaped));
}


/* ---- file choosers ------------------------------------------------------ */

void
_bmb_contacts_page_choose_import_file (BmbContactsPage *self)
{
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter;

  chooser = gtk_file_chooser_native_new (_("Import Contacts"), _bmb_contacts_page_get_parent_window (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Contacts (vCard or CSV)"));
  gtk_file_filter_add_pattern (filter, "*.vcf");
  gtk_file_filter_add_pattern (filter, "*.vcard");
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_mime_type (filter, "text/vcard");
  gtk_file_filter_add_mime_type (filter, "text/x-vcard");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);

  filter = make_filter (_("vCard Files"), "*.vcf", "text/vcard");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);

  filter = make_filter (_("CSV Spreadsheets"), "*.csv", "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);

  g_signal_connect_object (chooser, "response", G_CALLBACK (on_import_chooser_response_cb),
                           self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_bmb_contacts_page_choose_export_file (BmbContactsPage *self)
{
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter;

  chooser = gtk_file_chooser_native_new (_("Export Contacts"), _bmb_contacts_page_get_parent_window (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* Translators: the suggested file name when exporting contacts; keep .vcf */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("contacts.vcf"));

  filter = make_filter (_("vCard Files"), "*.vcf", "text/vcard");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);

  filter = make_filter (_("CSV Spreadsheets"), "*.csv", "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);

  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_chooser_response_cb),
                           self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- public API ---------------------------------------------------------- */

void
bmb_contacts_page_import_file (BmbContactsPage *self,
                               GFile           *file)
{
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;
  g_autoptr(BmbProgress) progress = NULL;

  g_return_if_fail (BMB_IS_CONTACTS_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->database == NULL || self->import_cancellable != NULL)
    return;

  name = g_file_get_basename (file);
  /* Translators: above the progress bar while importing a file */
  label = g_strdup_printf (_("Importing “%s”…"), name);
  gtk_label_set_label (self->import_label, label);
  gtk_progress_bar_set_fraction (self->import_progress, 0);
  gtk_progress_bar_set_show_text (self->import_progress, FALSE);
  gtk_revealer_set_reveal_child (self->import_revealer, TRUE);
  /* The progress lives in the list pane: make sure it is on screen. */
  gtk_stack_set_visible_child_name (self->stack, "contacts");
  adw_leaflet_set_visible_child_name (self->leaflet, "list");

  self->import_cancellable = g_cancellable_new ();
  _bmb_contacts_page_update_actions (self);

  progress = bmb_progress_new ();
  g_signal_connect_object (progress, "changed", G_CALLBACK (on_import_progress_cb), self, 0);
  bmb_contact_import_async (file, self->database, NULL, self->import_cancellable, progress,
                            on_import_done_cb, file_task_new (self, file));
}

void
bmb_contacts_page_export_file (BmbContactsPage *self,
                               GFile           *file,
                               gboolean         csv)
{
  BmbContactExportOptions options = { 0 };

  g_return_if_fail (BMB_IS_CONTACTS_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->database == NULL || self->export_cancellable != NULL)
    return;

  self->export_cancellable = g_cancellable_new ();
  _bmb_contacts_page_update_actions (self);

  options.format = csv ? BMB_CONTACT_EXPORT_FORMAT_CSV : BMB_CONTACT_EXPORT_FORMAT_VCARD;
  bmb_contact_export_async (self->database, file, &options, self->export_cancellable, NULL,
                            on_export_done_cb, file_task_new (self, file));
}
