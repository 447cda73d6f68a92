/* bmb-checklists-page-actions.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The checklists.* actions: start, custom checklists (new, edit,
 * duplicate, delete with Undo), export of a history, search and back.
 */

#define G_LOG_DOMAIN "bmb-checklists-page"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-assessment-export.h"
#include "bmb-checklists-page-private.h"
#include "bmb-template-editor.h"
#include "bmb-undo-toast.h"

/* ---- Start -------------------------------------------------------------- */

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  bmb_checklists_page_start_assessment (BMB_CHECKLISTS_PAGE (widget), NULL);
}

typedef struct
{
  BmbChecklistsPage *page;
  GtkDropDown       *drop_down;
  GPtrArray         *relationships;  /* BmbRelationship, in the drop-down's order */
} RelationshipPick;

static void
relationship_pick_free (gpointer  data,
                        GClosure *closure)
{
  RelationshipPick *pick = data;

  g_clear_object (&pick->page);
  g_clear_pointer (&pick->relationships, g_ptr_array_unref);
  g_free (pick);
}

static void
on_relationship_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             RelationshipPick *pick)
{
  guint selected = gtk_drop_down_get_selected (pick->drop_down);

  if (!g_str_equal (response, "start") || selected >= pick->relationships->len)
    return;

  _bmb_checklists_page_start (pick->page,
                              bmb_relationship_get_id (g_ptr_array_index (pick->relationships,
                                                                          selected)));
}

/* Asks which mentoring relationship the new assessment is about. */
static void
start_for_relationship_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *param)
{
  BmbChecklistsPage *self = BMB_CHECKLISTS_PAGE (widget);
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  RelationshipPick *pick;
  AdwMessageDialog *dialog;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->open_relationships->len == 0)
    return;

  pick = g_new0 (RelationshipPick, 1);
  pick->page = g_object_ref (self);
  pick->relationships = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < self->open_relationships->len; i++)
    {
      BmbRelationship *relationship = g_ptr_array_index (self->open_relationships, i);
      g_autofree char *title = bmb_relationship_dup_display_title (relationship);

      g_ptr_array_add (pick->relationships, g_object_ref (relationship));
      gtk_string_list_append (titles, title);
    }

  pick->drop_down = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&titles)), NULL));
  gtk_accessible_update_property (GTK_ACCESSIBLE (pick->drop_down),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Mentoring relationship"),
                                  -1);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Which Relationship Is It For?"),
                                                       _("The assessment is kept with this "
                                                         "mentoring relationship, so you can "
                                                         "look back on it together.")));
  adw_message_dialog_set_extra_child (dialog, GTK_WIDGET (pick->drop_down));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "start", _("_Start"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "start", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "start");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_relationship_response_cb), pick,
                         relationship_pick_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- New, edit, duplicate ----------------------------------------------- */

static void
on_editor_saved_cb (BmbChecklistsPage    *self,
                    BmbChecklistTemplate *template)
{
  self->browsing = TRUE;
  self->selected_id = bmb_checklist_template_get_id (template);
  _bmb_checklists_page_reload (self);
}

static void
open_editor (BmbChecklistsPage *self,
             gint64             template_id)
{
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  BmbTemplateEditor *editor;

  editor = bmb_template_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                    self->store, template_id, &error);
  if (editor == NULL)
    {
      _bmb_checklists_page_show_error (self, _("Could Not Open the Checklist"), error);
      return;
    }

  g_signal_connect_object (editor, "saved", G_CALLBACK (on_editor_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
new_template_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  open_editor (BMB_CHECKLISTS_PAGE (widget), 0);
}

static void
edit_template_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  BmbChecklistsPage *self = BMB_CHECKLISTS_PAGE (widget);
  BmbChecklistTemplate *template = bmb_checklists_page_get_selected_template (self);

  if (template != NULL && !bmb_checklist_template_is_builtin (template))
    open_editor (self, bmb_checklist_template_get_id (template));
}

static void
duplicate_template_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  BmbChecklistsPage *self = BMB_CHECKLISTS_PAGE (widget);
  BmbChecklistTemplate *template = bmb_checklists_page_get_selected_template (self);
  g_autoptr(BmbChecklistTemplate) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *text = NULL;

  if (template == NULL)
    return;

  copy = bmb_checklist_store_duplicate_template (self->store,
                                                 bmb_checklist_template_get_id (template),
                                                 NULL, &error);
  if (copy == NULL)
    {
      _bmb_checklists_page_show_error (self, _("Could Not Duplicate the Checklist"), error);
      return;
    }

  self->browsing = TRUE;
  self->selected_id = bmb_checklist_template_get_id (copy);
  _bmb_checklists_page_reload (self);

  /* Translators: a toast; the argument is the new checklist's title */
  text = g_strdup_printf (_("Copied as “%s”"), bmb_checklist_template_get_title (copy));
  /* Toast titles are markup: the title is the user's. */
  escaped = g_markup_escape_text (text, -1);
  _bmb_checklists_page_add_toast (self, adw_toast_new (escaped));

  /* A copy is made to be adapted. */
  open_editor (self, bmb_checklist_template_get_id (copy));
}

/* ---- Delete with Undo ----------------------------------------------------- */

/* One delete waiting in the application's BmbUndoQueue; the page is weak
 * (the queue is flushed when the window closes, and at shutdown). */
typedef struct
{
  GWeakRef           page;
  BmbChecklistStore *store;
  gint64             template_id;
} PendingDelete;

static void
pending_delete_free (gpointer data)
{
  PendingDelete *pending = data;

  g_weak_ref_clear (&pending->page);
  g_clear_object (&pending->store);
  g_free (pending);
}

static gboolean
pending_delete_commit (gpointer   data,
                       GError   **error)
{
  PendingDelete *pending = data;
  g_autoptr(BmbChecklistsPage) self = g_weak_ref_get (&pending->page);
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  ok = bmb_checklist_store_delete_template (pending->store, pending->template_id, &local_error);

  if (self != NULL && self->pending_deletes != NULL)
    {
      g_hash_table_remove (self->pending_deletes, &pending->template_id);
      if (!ok)
        {
          gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_LESS_STRICT);
          _bmb_checklists_page_show_error (self, _("Could Not Delete the Checklist"), local_error);
        }
    }

  if (!ok)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return ok;
}

static void
pending_delete_undo (gpointer data)
{
  PendingDelete *pending = data;
  g_autoptr(BmbChecklistsPage) self = g_weak_ref_get (&pending->page);

  if (self == NULL || self->pending_deletes == NULL)
    return;

  if (g_hash_table_remove (self->pending_deletes, &pending->template_id))
    {
      gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_LESS_STRICT);
      bmb_checklists_page_select_template (self, pending->template_id);
    }
}

static void
delete_template_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  BmbChecklistsPage *self = BMB_CHECKLISTS_PAGE (widget);
  BmbChecklistTemplate *template = bmb_checklists_page_get_selected_template (self);
  g_autofree char *title = NULL;
  BmbUndoQueue *queue;
  PendingDelete *pending;
  gint64 id;
  guint op_id;
  guint position;

  if (template == NULL || bmb_checklist_template_is_builtin (template))
    return;

  id = bmb_checklist_template_get_id (template);
  position = gtk_single_selection_get_selected (self->selection);

  /* Hidden now, deleted when the toast goes away without Undo. */
  g_hash_table_add (self->pending_deletes, g_memdup2 (&id, sizeof id));
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_MORE_STRICT);

  if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0)
    gtk_single_selection_set_selected (self->selection,
                                       MIN (position,
                                            g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) - 1));
  gtk_widget_grab_focus (GTK_WIDGET (self->template_list));

  pending = g_new0 (PendingDelete, 1);
  g_weak_ref_init (&pending->page, self);
  pending->store = g_object_ref (self->store);
  pending->template_id = id;
  queue = bmb_context_get_undo_queue (self->context);
  op_id = bmb_undo_queue_push (queue, pending_delete_commit, pending_delete_undo, pending,
                               pending_delete_free);

  /* Translators: a toast with an Undo button; the argument is a checklist's title */
  title = g_strdup_printf (_("“%s” deleted"), bmb_checklist_template_get_title (template));
  _bmb_checklists_page_add_toast (self, bmb_undo_toast_new (queue, op_id, title));
}

/* ---- Export ------------------------------------------------------------------ */

typedef struct
{
  BmbChecklistsPage *page;
  GFile             *file;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->page);
  g_clear_object (&job->file);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportJob, export_job_free)

static void
on_export_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(ExportJob) job = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  g_autofree char *escaped = NULL;

  if (!bmb_assessment_export_finish (result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _bmb_checklists_page_show_error (job->page, _("Could Not Export the History"), error);
      return;
    }

  name = g_file_get_basename (job->file);
  /* Translators: a toast; the argument is a file name */
  text = g_strdup_printf (_("History exported to “%s”"), name);
  /* Toast titles are markup: the file name is the user's. */
  escaped = g_markup_escape_text (text, -1);
  _bmb_checklists_page_add_toast (job->page, adw_toast_new (escaped));
}

static void
export_template (BmbChecklistsPage         *self,
                 BmbChecklistTemplate      *template,
                 BmbAssessmentExportFormat  format,
                 GFile                     *file)
{
  BmbAssessmentExportOptions options = { bmb_checklist_template_get_id (template), format };
  ExportJob *job;

  /* Reading the history and building the text happen in the worker too. */
  job = g_new0 (ExportJob, 1);
  job->page = g_object_ref (self);
  job->file = g_object_ref (file);
  bmb_assessment_export_async (self->store, file, &options, self->cancellable, NULL,
                               on_export_done_cb, job);
}

static void
on_export_response_cb (GtkNativeDialog   *chooser,
                       int                response,
                       BmbChecklistsPage *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(BmbChecklistTemplate) template = g_steal_pointer (&self->export_template);

  if (response != GTK_RESPONSE_ACCEPT || template == NULL)
    return;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    export_template (self, template, self->export_format, file);
}

static gboolean
parse_format (const char                *kind,
              BmbAssessmentExportFormat *format)
{
  if (g_strcmp0 (kind, "csv") == 0)
    *format = BMB_ASSESSMENT_EXPORT_CSV;
  else if (g_strcmp0 (kind, "md") == 0)
    *format = BMB_ASSESSMENT_EXPORT_MARKDOWN;
  else
    return FALSE;

  return TRUE;
}

void
bmb_checklists_page_export (BmbChecklistsPage *self,
                            const char        *format,
                            GFile             *file)
{
  BmbChecklistTemplate *template;
  BmbAssessmentExportFormat export_format;

  g_return_if_fail (BMB_IS_CHECKLISTS_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  if (!parse_format (format, &export_format))
    {
      g_critical ("Unknown export format “%s”", format);
      return;
    }

  if ((template = bmb_checklists_page_get_selected_template (self)) != NULL && self->store != NULL)
    export_template (self, template, export_format, file);
}

static char *
suggest_file_name (BmbChecklistTemplate      *template,
                   BmbAssessmentExportFormat  format)
{
  g_autofree char *base = g_strdup (bmb_checklist_template_get_title (template));

  g_strdelimit (base, "/\\:", '-');

  return g_strdup_printf ("%s.%s", base, bmb_assessment_export_format_get_extension (format));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  BmbChecklistsPage *self = BMB_CHECKLISTS_PAGE (widget);
  BmbChecklistTemplate *template = bmb_checklists_page_get_selected_template (self);
  const char *kind = g_variant_get_string (param, NULL);
  BmbAssessmentExportFormat format;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (template == NULL)
    return;

  if (!parse_format (kind, &format))
    {
      g_critical ("Unknown export format “%s”", kind);
      return;
    }

  if (format == BMB_ASSESSMENT_EXPORT_CSV)
    {
      gtk_file_filter_set_name (filter, _("CSV spreadsheet"));
      gtk_file_filter_add_mime_type (filter, "text/csv");
      gtk_file_filter_add_suffix (filter, "csv");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("Markdown document"));
      gtk_file_filter_add_mime_type (filter, "text/markdown");
      gtk_file_filter_add_suffix (filter, "md");
    }

  if (self->export_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->export_chooser));
  g_clear_object (&self->export_chooser);

  self->export_format = format;
  g_set_object (&self->export_template, template);

  self->export_chooser = gtk_file_chooser_native_new (_("Export History"),
                                                      GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                      GTK_FILE_CHOOSER_ACTION_SAVE,
                                                      _("_Export"),
                                                      _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->export_chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->export_chooser), filter);
  name = suggest_file_name (template, format);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->export_chooser), name);
  g_signal_connect_object (self->export_chooser, "response",
                           G_CALLBACK (on_export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->export_chooser));
}

/* ---- Search and back ---------------------------------------------------------- */

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  BmbChecklistsPage *self = BMB_CHECKLISTS_PAGE (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  BmbChecklistsPage *self = BMB_CHECKLISTS_PAGE (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->template_list));
  _bmb_checklists_page_update_actions (self);
}

void
_bmb_checklists_page_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "checklists.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "checklists.start-for-relationship", NULL,
                                   start_for_relationship_action);
  gtk_widget_class_install_action (widget_class, "checklists.new-template", NULL,
                                   new_template_action);
  gtk_widget_class_install_action (widget_class, "checklists.edit-template", NULL,
                                   edit_template_action);
  gtk_widget_class_install_action (widget_class, "checklists.duplicate-template", NULL,
                                   duplicate_template_action);
  gtk_widget_class_install_action (widget_class, "checklists.delete-template", NULL,
                                   delete_template_action);
  gtk_widget_class_install_action (widget_class, "checklists.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "checklists.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "checklists.back", NULL, back_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "checklists.start", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "checklists.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0,
                                       "checklists.delete-template", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "checklists.back", NULL);
}
