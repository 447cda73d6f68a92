/* bmb-sessions-page-io.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * iCalendar import (in the background, with progress and Cancel, then a
 * summary) and export (then a toast) for the Sessions page.
 */

#define G_LOG_DOMAIN "bmb-sessions-page"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-ics-export.h"
#include "bmb-ics-import.h"
#include "bmb-sessions-page-private.h"

static GtkWindow *
get_parent_window (BmbSessionsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static char *
dup_display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return g_filename_display_name (basename != NULL ? basename : "");
}

static void
add_ics_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) ics = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (ics, _("iCalendar Files"));
  gtk_file_filter_add_mime_type (ics, "text/calendar");
  gtk_file_filter_add_suffix (ics, "ics");
  gtk_file_filter_add_suffix (ics, "ical");
  gtk_file_chooser_add_filter (chooser, ics);

  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);

  gtk_file_chooser_set_filter (chooser, ics);
}

/* ---- import -------------------------------------------------------------- */

static void
set_importing (BmbSessionsPage *self,
               gboolean         importing)
{
  self->importing = importing;
  gtk_revealer_set_reveal_child (self->import_revealer, importing);
  if (importing)
    gtk_stack_set_visible_child_name (self->stack, "content");
  _bmb_sessions_page_update_actions (self);
}

static void
on_import_progress_cb (BmbProgress     *progress,
                       BmbSessionsPage *self)
{
  guint done = bmb_progress_get_done (progress);
  guint total = bmb_progress_get_total (progress);

  if (total > 0)
    gtk_progress_bar_set_fraction (self->import_progress, MIN (1.0, (double)done / total));
  else
    gtk_progress_bar_pulse (self->import_progress);
}

static char *
describe_counts (BmbIcsImportResult *result)
{
  guint imported = bmb_ics_import_result_get_imported (result);
  guint updated = bmb_ics_import_result_get_updated (result);
  guint skipped = bmb_ics_import_result_get_skipped (result);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u session imported",
                                                     "%u sessions imported", imported),
                                           imported));
  if (updated > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u updated", "%u updated", updated),
                                             updated));
  if (skipped > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u skipped", "%u skipped", skipped),
                                             skipped));
  g_ptr_array_add (parts, NULL);

  /* Translators: joins "3 sessions imported", "1 updated" and "2 skipped" */
  return g_strjoinv (_(", "), (char **)parts->pdata);
}

static void
show_import_summary (BmbSessionsPage    *self,
                     GFile              *file,
                     BmbIcsImportResult *result)
{
  g_autofree char *name = dup_display_name (file);
  g_autofree char *counts = describe_counts (result);
  const char * const *messages = bmb_ics_import_result_get_messages (result);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (get_parent_window (self),
                                                       _("Import Finished"), NULL));
  /* Translators: "“team.ics”: 3 sessions imported, 1 updated, 2 skipped." */
  adw_message_dialog_format_body (dialog, _("“%s”: %s."), name, counts);
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_widget_add_css_class (GTK_WIDGET (dialog), "bmb-import-summary");

  if (messages != NULL && messages[0] != NULL)
    {
      g_autofree char *text = g_strjoinv ("\n", (char **)messages);
      GtkWidget *scrolled = gtk_scrolled_window_new ();
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "caption");
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled),
                                      GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 200);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
      adw_message_dialog_set_extra_child (dialog, scrolled);
    }

  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);

  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  BmbSessionsPage *self;
  GFile           *file;
} IoData;

static void
io_data_free (IoData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->file);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IoData, io_data_free)

static IoData *
io_data_new (BmbSessionsPage *self,
             GFile           *file)
{
  IoData *data = g_new0 (IoData, 1);

  data->self = g_object_ref (self);
  data->file = g_object_ref (file);

  return data;
}

static void
on_import_done_cb (GObject      *object,
                   GAsyncResult *res,
                   gpointer      user_data)
{
  g_autoptr(IoData) data = user_data;
  BmbSessionsPage *self = data->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbIcsImportResult) result = NULL;

  result = bmb_ics_import_finish (res, &error);

  /* The page went away meanwhile (its store goes in dispose). */
  if (self->store == NULL)
    return;

  g_clear_object (&self->io_cancellable);
  set_importing (self, FALSE);

  if (result == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          adw_toast_overlay_add_toast (self->toast_overlay,
                                       adw_toast_new (_("Import cancelled; nothing was changed")));
        }
      else
        {
          g_autofree char *name = dup_display_name (data->file);
          g_autofree char *heading = g_strdup_printf (_("Could Not Import “%s”"), name);

          _bmb_sessions_page_show_error (self, heading, error);
        }
      _bmb_sessions_page_reload (self);
      return;
    }

  _bmb_sessions_page_reload (self);
  show_import_summary (self, data->file, result);
}

void
bmb_sessions_page_import_file (BmbSessionsPage *self,
                               GFile           *file)
{
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;
  g_autoptr(BmbProgress) progress = NULL;
  BmbIcsImportOptions options = { 0 };

  g_return_if_fail (BMB_IS_SESSIONS_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->store == NULL)
    return;

  if (self->importing)
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("Another file is still being imported")));
      return;
    }

  name = dup_display_name (file);
  /* Translators: shown above a progress bar while a calendar file is read */
  label = g_strdup_printf (_("Importing “%s”…"), name);
  gtk_label_set_label (self->import_label, label);
  gtk_progress_bar_set_fraction (self->import_progress, 0.0);

  self->io_cancellable = g_cancellable_new ();
  set_importing (self, TRUE);

  /* New sessions go to the relationship being shown, if any. */
  options.relationship_id = self->relationship_id;
  progress = bmb_progress_new ();
  g_signal_connect_object (progress, "changed", G_CALLBACK (on_import_progress_cb), self, 0);
  bmb_ics_import_async (file, self->store, &options, self->io_cancellable, progress,
                        on_import_done_cb, io_data_new (self, file));
}

static void
on_import_chooser_response_cb (GtkNativeDialog *chooser,
                               int              response,
                               BmbSessionsPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        bmb_sessions_page_import_file (self, file);
    }

  g_object_unref (chooser);
}

void
_bmb_sessions_page_choose_import (BmbSessionsPage *self)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Import Sessions"), get_parent_window (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  add_ics_filters (GTK_FILE_CHOOSER (chooser));
  g_signal_connect_object (chooser, "response",
                           G_CALLBACK (on_import_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- export -------------------------------------------------------------- */

typedef struct
{
  IoData *io;
  guint   count;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_pointer (&data->io, io_data_free);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportData, export_data_free)

static void
on_export_done_cb (GObject      *object,
                   GAsyncResult *res,
                   gpointer      user_data)
{
  g_autoptr(ExportData) data = user_data;
  BmbSessionsPage *self = data->io->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (!bmb_ics_export_finish (res, &error) &&
      self->store != NULL)
    {
      g_autofree char *name = dup_display_name (data->io->file);
      g_autofree char *heading = g_strdup_printf (_("Could Not Export to “%s”"), name);

      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _bmb_sessions_page_show_error (self, heading, error);
      return;
    }

  if (error != NULL || self->store == NULL)
    return;

  title = g_strdup_printf (ngettext ("Exported %u session", "Exported %u sessions", data->count),
                           data->count);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

void
bmb_sessions_page_export_file (BmbSessionsPage *self,
                               GFile           *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  BmbIcsExportOptions options = { 0 };
  ExportData *data;

  g_return_if_fail (BMB_IS_SESSIONS_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->store == NULL)
    return;

  sessions = bmb_mentoring_store_list_sessions (self->store, self->relationship_id, &error);
  if (sessions == NULL)
    {
      _bmb_sessions_page_show_error (self, _("Could Not Export the Sessions"), error);
      return;
    }

  data = g_new0 (ExportData, 1);
  data->io = io_data_new (self, file);
  data->count = sessions->len;

  options.relationship_id = self->relationship_id;
  bmb_ics_export_async (self->store, file, &options, NULL, NULL, on_export_done_cb, data);
}

static void
on_export_chooser_response_cb (GtkNativeDialog *chooser,
                               int              response,
                               BmbSessionsPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        bmb_sessions_page_export_file (self, file);
    }

  g_object_unref (chooser);
}

void
_bmb_sessions_page_choose_export (BmbSessionsPage *self)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export Sessions"), get_parent_window (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* Translators: the suggested file name for exported sessions; keep .ics */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("mentoring-sessions.ics"));
  add_ics_filters (GTK_FILE_CHOOSER (chooser));
  g_signal_connect_object (chooser, "response",
                           G_CALLBACK (on_export_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
