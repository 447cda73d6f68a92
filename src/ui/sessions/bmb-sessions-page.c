/* bmb-sessions-page.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Sessions page: upcoming and past sessions grouped by day, a filter by
 * relationship, search, the session editor, and deletes with Undo. The list
 * itself is in bmb-sessions-page-list.c, import and export in
 * bmb-sessions-page-io.c.
 */

#define G_LOG_DOMAIN "bmb-sessions-page"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-local-time.h"
#include "bmb-error-dialog.h"
#include "bmb-occurrence-row.h"
#include "bmb-relationship-filter-dialog.h"
#include "bmb-session-editor.h"
#include "bmb-session-format.h"
#include "bmb-sessions-page-private.h"
#include "bmb-undo-toast.h"

G_DEFINE_FINAL_TYPE (BmbSessionsPage, bmb_sessions_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- helpers ------------------------------------------------------------- */

static GtkWindow *
get_parent_window (BmbSessionsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

void
_bmb_sessions_page_show_error (BmbSessionsPage *self,
                               const char      *heading,
                               const GError    *error)
{
  bmb_error_dialog_show (GTK_WIDGET (self), heading, error);
}

void
_bmb_sessions_page_update_actions (BmbSessionsPage *self)
{
  gboolean ready = self->store != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sessions.new", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sessions.import", ready && !self->importing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sessions.export",
                                 ready && self->n_sessions > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sessions.cancel-import", self->importing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sessions.search", ready && self->n_sessions > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sessions.delete",
                                 ready && _bmb_sessions_page_get_selected (self) != NULL);
}

static void
pending_delete_free (BmbPendingDelete *pending)
{
  g_free (pending->recurrence_id);
  g_free (pending);
}

/* The write of a delete, in the application's BmbUndoQueue; the page is
 * weak (the queue is flushed when the window closes, and at shutdown). */
typedef struct
{
  GWeakRef           page;
  BmbMentoringStore *store;
  gint64             session_id;
  char              *recurrence_id;
} QueuedDelete;

static void
queued_delete_free (gpointer data)
{
  QueuedDelete *queued = data;

  g_weak_ref_clear (&queued->page);
  g_clear_object (&queued->store);
  g_free (queued->recurrence_id);
  g_free (queued);
}

/* The page stops hiding what @queued was about. */
static BmbSessionsPage *
take_page (QueuedDelete *queued)
{
  BmbSessionsPage *self = g_weak_ref_get (&queued->page);

  if (self != NULL && self->pending_delete != NULL &&
      self->pending_delete->session_id == queued->session_id &&
      g_strcmp0 (self->pending_delete->recurrence_id, queued->recurrence_id) == 0)
    g_clear_pointer (&self->pending_delete, pending_delete_free);

  return self;
}

static gboolean
queued_delete_commit (gpointer   data,
                      GError   **error)
{
  QueuedDelete *queued = data;
  g_autoptr(BmbSessionsPage) self = take_page (queued);
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  if (queued->recurrence_id != NULL)
    ok = bmb_mentoring_store_delete_occurrence (queued->store, queued->session_id,
                                                queued->recurrence_id, &local_error);
  else
    ok = bmb_mentoring_store_delete_session (queued->store, queued->session_id, &local_error);

  if (ok)
    return TRUE;

  if (self != NULL && self->store != NULL)
    {
      _bmb_sessions_page_show_error (self, _("Could Not Delete the Session"), local_error);
      _bmb_sessions_page_refilter (self, GTK_FILTER_CHANGE_LESS_STRICT);
    }
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static void
queued_delete_undo (gpointer data)
{
  g_autoptr(BmbSessionsPage) self = take_page (data);

  if (self != NULL && self->store != NULL)
    _bmb_sessions_page_refilter (self, GTK_FILTER_CHANGE_LESS_STRICT);
}

/* Performs the delete the Undo toast was waiting for. */
static void
commit_pending_delete (BmbSessionsPage *self)
{
  if (self->pending_delete == NULL || self->context == NULL)
    return;

  bmb_undo_queue_commit (bmb_context_get_undo_queue (self->context),
                         self->pending_delete->op_id, NULL);
}

/* Hides the session (or one occurrence) at once and deletes it when the
 * Undo toast goes away without Undo. */
static void
delete_with_undo (BmbSessionsPage *self,
                  gint64           session_id,
                  const char      *recurrence_id,
                  const char      *title,
                  GDateTime       *start)
{
  g_autofree char *toast_title = NULL;
  BmbUndoQueue *queue = bmb_context_get_undo_queue (self->context);
  QueuedDelete *queued;

  commit_pending_delete (self);

  if (recurrence_id != NULL && start != NULL)
    {
      g_autoptr(GDateTime) local = bmb_date_time_to_local (start);
      g_autofree char *day = bmb_session_format_date (local);

      /* Translators: a toast after deleting one session of a series, e.g.
       * "“Weekly check-in” on Tue, March 10, 2026 deleted" */
      toast_title = g_strdup_printf (_("“%s” on %s deleted"), title, day);
    }
  else
    /* Translators: a toast after deleting a session (with all its repeats) */
    toast_title = g_strdup_printf (_("“%s” deleted"), title);

  queued = g_new0 (QueuedDelete, 1);
  g_weak_ref_init (&queued->page, self);
  queued->store = g_object_ref (self->store);
  queued->session_id = session_id;
  queued->recurrence_id = g_strdup (recurrence_id);

  self->pending_delete = g_new0 (BmbPendingDelete, 1);
  self->pending_delete->session_id = session_id;
  self->pending_delete->recurrence_id = g_strdup (recurrence_id);
  self->pending_delete->op_id = bmb_undo_queue_push (queue, queued_delete_commit,
                                                     queued_delete_undo, queued,
                                                     queued_delete_free);

  self->pending_delete->toast = bmb_undo_toast_new (queue, self->pending_delete->op_id,
                                                    toast_title);

  _bmb_sessions_page_refilter (self, GTK_FILTER_CHANGE_MORE_STRICT);
  adw_toast_overlay_add_toast (self->toast_overlay, self->pending_delete->toast);
}

static void
on_editor_delete_requested_cb (BmbSessionEditor *editor,
                               gint64            session_id,
                               const char       *recurrence_id,
                               const char       *title,
                               BmbSessionsPage  *self)
{
  g_autoptr(BmbOccurrence) occurrence = NULL;

  if (recurrence_id != NULL)
    occurrence = bmb_mentoring_store_get_occurrence (self->store, session_id, recurrence_id, NULL);

  delete_with_undo (self, session_id, recurrence_id, title,
                    occurrence != NULL ? bmb_occurrence_get_start (occurrence) : NULL);
}

static BmbSessionEditor *
create_editor (BmbSessionsPage *self)
{
  BmbSessionEditor *editor;

  if (self->editor != NULL)
    gtk_window_destroy (GTK_WINDOW (self->editor));

  editor = bmb_session_editor_new (get_parent_window (self), self->store);
  g_signal_connect_object (editor, "delete-requested",
                           G_CALLBACK (on_editor_delete_requested_cb), self, 0);

  g_set_weak_pointer (&self->editor, editor);

  return editor;
}

void
_bmb_sessions_page_open_occurrence (BmbSessionsPage *self,
                                    BmbOccurrence   *occurrence)
{
  g_autoptr(GError) error = NULL;
  BmbSessionEditor *editor = create_editor (self);

  if (!bmb_session_editor_load_occurrence (editor,
                                           bmb_occurrence_get_session_id (occurrence),
                                           bmb_occurrence_get_recurrence_id (occurrence),
                                           &error))
    {
      gtk_window_destroy (GTK_WINDOW (editor));
      _bmb_sessions_page_show_error (self, _("Could Not Open the Session"), error);
      return;
    }

  gtk_window_present (GTK_WINDOW (editor));
}

static void
on_delete_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       BmbSessionsPage  *self)
{
  g_autoptr(BmbOccurrence) occurrence = g_steal_pointer (&self->delete_occurrence);

  if (occurrence == NULL)
    return;

  if (g_str_equal (response, "occurrence"))
    delete_with_undo (self, bmb_occurrence_get_session_id (occurrence),
                      bmb_occurrence_get_recurrence_id (occurrence),
                      bmb_occurrence_get_title (occurrence),
                      bmb_occurrence_get_start (occurrence));
  else if (g_str_equal (response, "series"))
    delete_with_undo (self, bmb_occurrence_get_session_id (occurrence), NULL,
                      bmb_session_get_title (bmb_occurrence_get_session (occurrence)), NULL);
}

/* ---- callbacks ----------------------------------------------------------- */

static void
on_list_view_activate_cb (BmbSessionsPage *self,
                          guint            position)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (BMB_IS_OCCURRENCE (item))
    _bmb_sessions_page_open_occurrence (self, BMB_OCCURRENCE (item));
}

static void
on_relationship_selected_cb (BmbSessionsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->relationship_dropdown);
  gint64 id = 0;

  if (self->updating_relationships || self->relationship_ids == NULL)
    return;

  if (selected < self->relationship_ids->len)
    id = g_array_index (self->relationship_ids, gint64, selected);

  if (id == self->relationship_id)
    return;

  self->relationship_id = id;
  _bmb_sessions_page_refilter (self, GTK_FILTER_CHANGE_DIFFERENT);
}

/* The relationship filter in the main menu: "All Relationships" and the first few
 * relationships; with more, "Other Relationship…" opens a searchable list (a menu builds a
 * widget for each of its items: a thousand relationships took 0.2 s at every change). */
#define MENU_RELATIONSHIPS 8

static void
on_relationship_list_changed_cb (BmbSessionsPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->relationship_list));
  guint shown = MIN (n, 1 + MENU_RELATIONSHIPS);

  g_menu_remove_all (self->filter_section);
  for (guint i = 0; n > 1 && i < shown; i++)
    {
      g_auto(GStrv) parts = g_strsplit (gtk_string_list_get_string (self->relationship_list, i), "_", -1);
      g_autofree char *label = g_strjoinv ("__", parts);  /* no mnemonic from a title */
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target (item, "sessions.show-relationship", "u", i);
      g_menu_append_item (self->filter_section, item);
    }
  if (n > shown)
    g_menu_append (self->filter_section, _("_Other Relationship…"), "sessions.choose-relationship");
}

static void
on_relationship_chosen_cb (BmbSessionsPage *self,
                           guint            position)
{
  if (position < g_list_model_get_n_items (G_LIST_MODEL (self->relationship_list)))
    gtk_drop_down_set_selected (self->relationship_dropdown, position);
}

static void
sessions_choose_relationship_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *param)
{
  BmbSessionsPage *self = BMB_SESSIONS_PAGE (widget);
  GtkWidget *dialog;

  dialog = bmb_relationship_filter_dialog_new (get_parent_window (self), self->relationship_list);
  g_signal_connect_object (dialog, "chosen", G_CALLBACK (on_relationship_chosen_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
sessions_show_relationship_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *param)
{
  BmbSessionsPage *self = BMB_SESSIONS_PAGE (widget);
  guint index = g_variant_get_uint32 (param);

  if (index < g_list_model_get_n_items (G_LIST_MODEL (self->relationship_list)))
    gtk_drop_down_set_selected (self->relationship_dropdown, index);
}

static void
on_search_changed_cb (BmbSessionsPage *self)
{
  if (self->store != NULL)
    _bmb_sessions_page_set_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_stop_search_cb (BmbSessionsPage *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
on_search_activate_cb (BmbSessionsPage *self)
{
  /* Enter opens the first session found. */
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->rows), i);

      if (BMB_IS_OCCURRENCE (item))
        {
          gtk_single_selection_set_selected (self->selection, i);
          _bmb_sessions_page_open_occurrence (self, BMB_OCCURRENCE (item));
          return;
        }
    }
}

static void
on_search_mode_cb (BmbSessionsPage *self)
{
  if (gtk_search_bar_get_search_mode (self->search_bar))
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  if (self->store != NULL && self->search_text != NULL)
    _bmb_sessions_page_set_search (self, NULL);
}

static void
on_selection_changed_cb (BmbSessionsPage *self)
{
  _bmb_sessions_page_update_actions (self);
}

static void
on_changes_committed_cb (BmbSessionsPage *self,
                         BmbChangeSet    *changes)
{
  _bmb_sessions_page_apply_changes (self, changes);
}

/* ---- actions ------------------------------------------------------------- */

static void
sessions_new_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  bmb_sessions_page_new_session (BMB_SESSIONS_PAGE (widget));
}

static void
sessions_search_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  BmbSessionsPage *self = BMB_SESSIONS_PAGE (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
sessions_import_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  _bmb_sessions_page_choose_import (BMB_SESSIONS_PAGE (widget));
}

static void
sessions_export_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  _bmb_sessions_page_choose_export (BMB_SESSIONS_PAGE (widget));
}

static void
sessions_cancel_import_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *param)
{
  BmbSessionsPage *self = BMB_SESSIONS_PAGE (widget);

  if (self->io_cancellable != NULL)
    g_clear_object (&self->delete_occurrence);
  g_cancellable_cancel (self->io_cancellable);
}

static void
sessions_show_more_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  BmbSessionsPage *self = BMB_SESSIONS_PAGE (widget);

  if (g_str_equal (action_name, "sessions.show-more"))
    self->upcoming_weeks += BMB_SESSIONS_PAGE_WEEKS;
  else
    self->past_weeks += BMB_SESSIONS_PAGE_WEEKS;

  _bmb_sessions_page_reload (self);
}

static void
sessions_more_results_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *param)
{
  _bmb_sessions_page_search_more (BMB_SESSIONS_PAGE (widget));
}

static void
sessions_delete_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  BmbSessionsPage *self = BMB_SESSIONS_PAGE (widget);
  BmbOccurrence *occurrence = _bmb_sessions_page_get_selected (self);
  g_autofree char *day = NULL;
  g_autoptr(GDateTime) local = NULL;
  AdwMessageDialog *dialog;

  if (occurrence == NULL)
    return;

  if (!bmb_session_is_recurring (bmb_occurrence_get_session (occurrence)))
    {
      delete_with_undo (self, bmb_occurrence_get_session_id (occurrence), NULL,
                        bmb_occurrence_get_title (occurrence), NULL);
      return;
    }

  local = bmb_date_time_to_local (bmb_occurrence_get_start (occurrence));
  day = bmb_session_format_date (local);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (get_parent_window (self),
                                                       _("Delete a Repeating Session?"),
                                                       NULL));
  adw_message_dialog_format_body (dialog,
                                  _("“%s” repeats. Delete only the session on %s, "
                                    "or every session in the series?"),
                                  bmb_occurrence_get_title (occurrence), day);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "occurrence", _("Only _This Occurrence"),
                                    "series", _("_All Sessions in the Series"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "series", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_set_object (&self->delete_occurrence, occurrence);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response_cb), self, 0);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- GObject ------------------------------------------------------------- */

static void
set_database (BmbSessionsPage *self,
              BmbDatabase     *database)
{
  if (self->database == database)
    return;

  if (self->database != NULL)
    g_signal_handlers_disconnect_by_func (self->database, on_changes_committed_cb, self);
  g_clear_object (&self->store);
  g_set_object (&self->database, database);

  if (database != NULL)
    {
      self->store = g_object_ref (bmb_context_get_mentoring_store (self->context));
      g_signal_connect_object (database, "changes-committed",
                               G_CALLBACK (on_changes_committed_cb), self, G_CONNECT_SWAPPED);
      _bmb_sessions_page_reload (self);
    }

  _bmb_sessions_page_update_actions (self);
}

static void
set_context (BmbSessionsPage *self,
             BmbContext *context)
{
  if (self->context == context)
    return;

  set_database (self, NULL);
  g_set_object (&self->context, context);
  if (context != NULL)
    set_database (self, bmb_context_get_database (context));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

static void
bmb_sessions_page_dispose (GObject *object)
{
  BmbSessionsPage *self = (BmbSessionsPage *)object;

  /* A delete still waiting for its toast is in the application's undo
   * queue (flushed when the window closes). */
  g_clear_pointer (&self->pending_delete, pending_delete_free);

  g_clear_object (&self->delete_occurrence);
  g_cancellable_cancel (self->io_cancellable);
  g_clear_object (&self->io_cancellable);
  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->editor != NULL)
    gtk_window_destroy (GTK_WINDOW (self->editor));
  g_clear_weak_pointer (&self->editor);

  /* AdwBin unparents its child itself: no gtk_widget_dispose_template() here. */
  _bmb_sessions_page_dispose_list (self);
  if (self->database != NULL)
    g_signal_handlers_disconnect_by_func (self->database, on_changes_committed_cb, self);
  g_clear_object (&self->store);
  g_clear_object (&self->database);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (bmb_sessions_page_parent_class)->dispose (object);
}

static void
bmb_sessions_page_finalize (GObject *object)
{
  BmbSessionsPage *self = (BmbSessionsPage *)object;

  g_clear_pointer (&self->search_text, g_free);

  G_OBJECT_CLASS (bmb_sessions_page_parent_class)->finalize (object);
}

static void
bmb_sessions_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  BmbSessionsPage *self = BMB_SESSIONS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_sessions_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  BmbSessionsPage *self = BMB_SESSIONS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      set_context (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_sessions_page_class_init (BmbSessionsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bmb_sessions_page_dispose;
  object_class->finalize = bmb_sessions_page_finalize;
  object_class->get_property = bmb_sessions_page_get_property;
  object_class->set_property = bmb_sessions_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         BMB_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (BMB_TYPE_OCCURRENCE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/bmb-sessions-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BmbSessionsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BmbSessionsPage, relationship_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BmbSessionsPage, relationship_list);
  gtk_widget_class_bind_template_child (widget_class, BmbSessionsPage, filter_section);
  gtk_widget_class_bind_template_child (widget_class, BmbSessionsPage, search_button);
  gtk_widget_class_bind_template_child (widget_class, BmbSessionsPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, BmbSessionsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BmbSessionsPage, import_revealer);
  gtk_widget_class_bind_template_child (widget_class, BmbSessionsPage, import_label);
  gtk_widget_class_bind_template_child (widget_class, BmbSessionsPage, import_progress);
  gtk_widget_class_bind_template_child (widget_class, BmbSessionsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, BmbSessionsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, BmbSessionsPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, BmbSessionsPage, no_results_page);
  gtk_widget_class_bind_template_child (widget_class, BmbSessionsPage, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_relationship_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_mode_cb);

  gtk_widget_class_install_action (widget_class, "sessions.new", NULL, sessions_new_action);
  gtk_widget_class_install_action (widget_class, "sessions.show-relationship", "u",
                                   sessions_show_relationship_action);
  gtk_widget_class_install_action (widget_class, "sessions.choose-relationship", NULL,
                                   sessions_choose_relationship_action);
  gtk_widget_class_install_action (widget_class, "sessions.search", NULL, sessions_search_action);
  gtk_widget_class_install_action (widget_class, "sessions.import", NULL, sessions_import_action);
  gtk_widget_class_install_action (widget_class, "sessions.export", NULL, sessions_export_action);
  gtk_widget_class_install_action (widget_class, "sessions.cancel-import", NULL,
                                   sessions_cancel_import_action);
  gtk_widget_class_install_action (widget_class, "sessions.more-results", NULL,
                                   sessions_more_results_action);
  gtk_widget_class_install_action (widget_class, "sessions.show-more", NULL,
                                   sessions_show_more_action);
  gtk_widget_class_install_action (widget_class, "sessions.show-earlier", NULL,
                                   sessions_show_more_action);
  gtk_widget_class_install_action (widget_class, "sessions.delete", NULL, sessions_delete_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "sessions.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "sessions.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "sessions.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "sessions.delete", NULL);
}

static void
bmb_sessions_page_init (BmbSessionsPage *self)
{
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));

  _bmb_sessions_page_setup_list (self);
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);

  /* Ctrl+N and Ctrl+F also work while the focus is outside the page (on
   * the view switcher, say), as long as the page is shown. */
  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller),
                                     GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>n"),
                                                          gtk_named_action_new ("sessions.new")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>f"),
                                                          gtk_named_action_new ("sessions.search")));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  g_signal_connect_object (self->relationship_list, "items-changed",
                           G_CALLBACK (on_relationship_list_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self->list_view));

  _bmb_sessions_page_update_actions (self);
}

/* ---- public API ---------------------------------------------------------- */

BmbDatabase *
bmb_sessions_page_get_database (BmbSessionsPage *self)
{
  g_return_val_if_fail (BMB_IS_SESSIONS_PAGE (self), NULL);

  return self->database;
}

void
bmb_sessions_page_new_session (BmbSessionsPage *self)
{
  BmbSessionEditor *editor;

  g_return_if_fail (BMB_IS_SESSIONS_PAGE (self));

  if (self->store == NULL)
    return;

  editor = create_editor (self);
  bmb_session_editor_load_new (editor, NULL, self->relationship_id);
  gtk_window_present (GTK_WINDOW (editor));
}

void
bmb_sessions_page_new_session_for_relationship (BmbSessionsPage *self,
                                                gint64           relationship_id)
{
  BmbSessionEditor *editor;

  g_return_if_fail (BMB_IS_SESSIONS_PAGE (self));
  g_return_if_fail (relationship_id >= 0);

  if (self->store == NULL)
    return;

  editor = create_editor (self);
  bmb_session_editor_load_new (editor, NULL, relationship_id);
  gtk_window_present (GTK_WINDOW (editor));
}

void
bmb_sessions_page_show_occurrence (BmbSessionsPage *self,
                                   gint64           session_id,
                                   const char      *occurrence_key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbSession) session = NULL;
  g_autoptr(GPtrArray) around = NULL;
  g_autoptr(GDateTime) key_time = NULL;
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  g_autoptr(GTimeZone) utc = NULL;
  guint position;

  g_return_if_fail (BMB_IS_SESSIONS_PAGE (self));

  if (self->store == NULL)
    return;

  /* Shown in the list: select it there, and open it. */
  position = _bmb_sessions_page_find_row (self, session_id, occurrence_key);
  if (position != GTK_INVALID_LIST_POSITION)
    {
      g_autoptr(BmbOccurrence) occurrence = g_list_model_get_item (G_LIST_MODEL (self->rows), position);

      gtk_single_selection_set_selected (self->selection, position);
      gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
      _bmb_sessions_page_open_occurrence (self, occurrence);
      return;
    }

  /* Filtered out, or outside the weeks shown: find it in the store. */
  if (!(session = bmb_mentoring_store_get_session (self->store, session_id, &error)))
    {
      _bmb_sessions_page_show_error (self, _("Could Not Open the Session"), error);
      return;
    }

  utc = g_time_zone_new_utc ();
  if (occurrence_key != NULL)
    key_time = g_date_time_new_from_iso8601 (occurrence_key, utc);
  if (key_time == NULL)
    key_time = g_date_time_new_now_utc ();

  /* Around the reminder's time, or the next two years for "the next one". */
  from = g_date_time_add_days (key_time, -1);
  if (occurrence_key != NULL)
    to = g_date_time_add_days (key_time, 1);
  else
    to = g_date_time_add_weeks (key_time, 104);

  around = bmb_mentoring_store_list_occurrences (self->store,
                                                 bmb_session_get_relationship_id (session),
                                                 from, to, &error);
  if (around == NULL)
    {
      _bmb_sessions_page_show_error (self, _("Could Not Open the Session"), error);
      return;
    }

  for (guint i = 0; i < around->len; i++)
    {
      BmbOccurrence *occurrence = g_ptr_array_index (around, i);
      g_autofree char *key = bmb_occurrence_dup_key (occurrence);

      if (bmb_occurrence_get_session_id (occurrence) != session_id)
        continue;
      if (occurrence_key == NULL || g_strcmp0 (key, occurrence_key) == 0)
        {
          _bmb_sessions_page_open_occurrence (self, occurrence);
          return;
        }
    }

  {
    g_autoptr(GError) not_found = g_error_new (BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_NOT_FOUND,
                                               _("“%s” has no session at that time any more. "
                                                 "It may have been moved or cancelled."),
                                               bmb_session_get_title (session));

    _bmb_sessions_page_show_error (self, _("Could Not Open the Session"), not_found);
  }
}
