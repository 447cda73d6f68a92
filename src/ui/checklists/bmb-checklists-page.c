/* bmb-checklists-page.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Checklists page: the checklists on the left (built-ins first, then
 * custom ones, each with its last score and a "Resume" badge), the selected
 * one's history and progress chart on the right, and the assessment being
 * taken in place of both. Template editing, deleting and exporting live in
 * bmb-checklists-page-actions.c.
 */

#define G_LOG_DOMAIN "bmb-checklists-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bmb-error-dialog.h"
#include "bmb-format.h"
#include "bmb-list-sync.h"
#include "bmb-assessment-score.h"
#include "bmb-checklists-page-private.h"
#include "bmb-template-row.h"
#include "bmb-window.h"

G_DEFINE_FINAL_TYPE (BmbChecklistsPage, bmb_checklists_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- Helpers ------------------------------------------------------------ */

void
_bmb_checklists_page_show_error (BmbChecklistsPage *self,
                                 const char        *heading,
                                 const GError      *error)
{
  bmb_error_dialog_show (GTK_WIDGET (self), heading, error);
}

void
_bmb_checklists_page_add_toast (BmbChecklistsPage *self,
                                AdwToast          *toast)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (BMB_IS_WINDOW (root))
    bmb_window_add_toast (BMB_WINDOW (root), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static TemplateSummary *
lookup_summary (BmbChecklistsPage *self,
                gint64             template_id)
{
  return g_hash_table_lookup (self->summaries, &template_id);
}

static gboolean
find_position (BmbChecklistsPage *self,
               gint64             template_id,
               guint             *position)
{
  GListModel *model = G_LIST_MODEL (self->filtered);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(BmbChecklistTemplate) template = g_list_model_get_item (model, i);

      if (bmb_checklist_template_get_id (template) == template_id)
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

static void
update_stack (BmbChecklistsPage *self)
{
  const char *name;

  /* The checklists are listed from the first run on: nothing to click
   * through first. Until one is taken, the pane beside them says what
   * they are for. */
  name = self->taking ? "assessment" : "main";
  gtk_stack_set_visible_child_name (self->stack, name);

  if (!self->any_assessment)
    {
      adw_status_page_set_title (self->empty_page, _("Track How You Grow"));
      adw_status_page_set_description (self->empty_page,
                                       _("Pick a checklist, such as the traits of a good "
                                         "mentee, answer it honestly, and take it again later "
                                         "to see how you have grown."));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("Pick a Checklist"));
      adw_status_page_set_description (self->empty_page,
                                       _("Choose a checklist on the left to see your scores "
                                         "over time, or take it now."));
    }
}

void
_bmb_checklists_page_update_actions (BmbChecklistsPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  BmbChecklistTemplate *template = bmb_checklists_page_get_selected_template (self);
  gboolean ready = self->store != NULL && !self->taking;
  gboolean custom = ready && template != NULL && !bmb_checklist_template_is_builtin (template);
  gboolean has_history = template != NULL &&
                         g_list_model_get_n_items (bmb_assessment_history_get_model (self->history)) > 0;
  gboolean has_draft = template != NULL && bmb_assessment_history_get_has_draft (self->history);

  gtk_widget_action_set_enabled (widget, "checklists.start", ready);
  gtk_widget_action_set_enabled (widget, "checklists.start-for-relationship",
                                 ready && template != NULL && !has_draft &&
                                 self->open_relationships->len > 0);
  gtk_widget_action_set_enabled (widget, "checklists.new-template", ready);
  gtk_widget_action_set_enabled (widget, "checklists.edit-template", custom);
  gtk_widget_action_set_enabled (widget, "checklists.delete-template", custom);
  gtk_widget_action_set_enabled (widget, "checklists.duplicate-template", ready && template != NULL);
  gtk_widget_action_set_enabled (widget, "checklists.export", ready && has_history);
  gtk_widget_action_set_enabled (widget, "checklists.search", ready);
  gtk_widget_action_set_enabled (widget, "checklists.back",
                                 adw_leaflet_get_folded (self->leaflet) &&
                                 adw_leaflet_get_visible_child (self->leaflet) == self->content);
}

/* Shows the selected checklist on the right. */
static void
show_selected (BmbChecklistsPage *self)
{
  BmbChecklistTemplate *template = bmb_checklists_page_get_selected_template (self);
  g_autoptr(GError) error = NULL;

  self->selected_id = template ? bmb_checklist_template_get_id (template) : 0;

  if (!bmb_assessment_history_set_template (self->history, self->store, template, &error))
    _bmb_checklists_page_show_error (self, _("Could Not Read the History"), error);

  gtk_stack_set_visible_child_name (self->content_stack, template ? "history" : "none");
  _bmb_checklists_page_update_actions (self);
}

static gboolean
compute_summaries (BmbChecklistsPage  *self,
                   GPtrArray          *templates,
                   GError            **error)
{
  gboolean any = FALSE;

  g_hash_table_remove_all (self->summaries);

  for (guint i = 0; i < templates->len; i++)
    {
      BmbChecklistTemplate *template = g_ptr_array_index (templates, i);
      gint64 id = bmb_checklist_template_get_id (template);
      g_autoptr(GPtrArray) history = NULL;
      g_autoptr(BmbAssessment) draft = NULL;
      g_autoptr(GError) local_error = NULL;
      TemplateSummary *summary = g_new0 (TemplateSummary, 1);
      BmbAssessmentScore score;

      g_hash_table_insert (self->summaries, g_memdup2 (&id, sizeof id), summary);
      summary->last_score = -1.0;

      if (!(history = bmb_checklist_store_list_history (self->store, id, error)))
        return FALSE;

      draft = bmb_checklist_store_find_draft (self->store, id, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      if (history->len > 0 &&
          bmb_assessment_score_compute (template, g_ptr_array_index (history, history->len - 1),
                                        &score))
        summary->last_score = score.percent;
      summary->has_draft = draft != NULL;

      any = any || history->len > 0 || draft != NULL;
    }

  self->any_assessment = any;

  return TRUE;
}

/* Titles of every relationship (for the history), and the ones not ended
 * (to take an assessment for). */
static gboolean
load_relationships (BmbChecklistsPage  *self,
                    GError            **error)
{
  g_autoptr(GPtrArray) relationships = NULL;

  g_hash_table_remove_all (self->relationship_titles);
  g_ptr_array_set_size (self->open_relationships, 0);

  if (!(relationships = bmb_mentoring_store_list_relationships (self->mentoring, error)))
    return FALSE;

  for (guint i = 0; i < relationships->len; i++)
    {
      BmbRelationship *relationship = g_ptr_array_index (relationships, i);
      gint64 id = bmb_relationship_get_id (relationship);

      g_hash_table_insert (self->relationship_titles, g_memdup2 (&id, sizeof id),
                           bmb_relationship_dup_display_title (relationship));
      if (bmb_relationship_get_ended_on (relationship) == NULL)
        g_ptr_array_add (self->open_relationships, g_object_ref (relationship));
    }
  bmb_assessment_history_set_relationships (self->history, self->open_relationships);

  return TRUE;
}

static gint64
template_id_of (gpointer template)
{
  return bmb_checklist_template_get_id (template);
}

static gboolean
same_summary (const TemplateSummary *a,
              const TemplateSummary *b)
{
  return a != NULL && b != NULL && a->has_draft == b->has_draft && a->last_score == b->last_score;
}

/* Brings the list and the history up to date with @changes (NULL: read
 * everything again). Rows whose checklist and summary stayed keep their
 * objects, and so their widgets; the selection is kept by id. */
static void
apply_changes (BmbChecklistsPage *self,
               BmbChangeSet      *changes)
{
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GHashTable) old_summaries = NULL;
  g_autoptr(BmbChangeSet) rows = bmb_change_set_new ();
  g_autoptr(GError) error = NULL;
  gint64 selected_id = self->selected_id;
  guint position;

  if (self->store == NULL)
    return;

  old_summaries = g_steal_pointer (&self->summaries);
  self->summaries = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  if (!(templates = bmb_checklist_store_list_templates (self->store, &error)) ||
      !compute_summaries (self, templates, &error) ||
      ((changes == NULL || (bmb_change_set_get_kinds (changes) & BMB_CHANGE_RELATIONSHIPS)) &&
       !load_relationships (self, &error)))
    {
      _bmb_checklists_page_show_error (self, _("Could Not Read the Checklists"), error);
      return;
    }

  /* A row changes when its checklist or its summary (last score, draft) did. */
  if (changes != NULL)
    bmb_change_set_merge (rows, changes);
  for (guint i = 0; i < templates->len; i++)
    {
      gint64 id = bmb_checklist_template_get_id (g_ptr_array_index (templates, i));

      if (changes == NULL || !same_summary (g_hash_table_lookup (old_summaries, &id),
                                            lookup_summary (self, id)))
        bmb_change_set_add (rows, BMB_CHANGE_CHECKLISTS, id, BMB_CHANGE_CHANGED);
    }

  bmb_list_store_sync (self->templates, templates, template_id_of, rows, BMB_CHANGE_CHECKLISTS);

  if (selected_id > 0 && find_position (self, selected_id, &position))
    {
      if (gtk_single_selection_get_selected (self->selection) != position)
        gtk_single_selection_set_selected (self->selection, position);
    }
  else
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

  /* The history shown follows the same changes. */
  if (self->selected_id != selected_id || changes == NULL)
    show_selected (self);
  else if (!bmb_assessment_history_apply_changes (self->history, changes, &error))
    _bmb_checklists_page_show_error (self, _("Could Not Read the History"), error);
  _bmb_checklists_page_update_actions (self);
  update_stack (self);
}

void
_bmb_checklists_page_reload (BmbChecklistsPage *self)
{
  g_clear_handle_id (&self->reload_idle_id, g_source_remove);
  g_clear_pointer (&self->pending_changes, bmb_change_set_unref);

  apply_changes (self, NULL);
}

static gboolean
on_reload_idle_cb (gpointer data)
{
  BmbChecklistsPage *self = data;
  g_autoptr(BmbChangeSet) changes = g_steal_pointer (&self->pending_changes);

  self->reload_idle_id = 0;
  apply_changes (self, changes);

  return G_SOURCE_REMOVE;
}

static void
on_changes_committed_cb (BmbChecklistsPage *self,
                         BmbChangeSet      *changes)
{
  if ((bmb_change_set_get_kinds (changes) &
       (BMB_CHANGE_CHECKLISTS | BMB_CHANGE_ASSESSMENTS | BMB_CHANGE_RELATIONSHIPS)) == 0)
    return;

  /* Answers are saved one by one: their changes are applied together, later. */
  if (self->pending_changes == NULL)
    self->pending_changes = bmb_change_set_new ();
  bmb_change_set_merge (self->pending_changes, changes);
  if (self->reload_idle_id == 0)
    self->reload_idle_id = g_idle_add_full (G_PRIORITY_LOW, on_reload_idle_cb, self, NULL);
}

static void
focus_main_view (BmbChecklistsPage *self)
{
  if (!adw_leaflet_get_folded (self->leaflet) ||
           adw_leaflet_get_visible_child (self->leaflet) == self->sidebar)
    gtk_widget_grab_focus (GTK_WIDGET (self->template_list));
  else
    gtk_widget_child_focus (GTK_WIDGET (self->history), GTK_DIR_TAB_FORWARD);
}

/* ---- List rows ------------------------------------------------------------ */

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     BmbChecklistsPage        *self)
{
  gtk_list_item_set_child (list_item, bmb_template_row_new ());
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    BmbChecklistsPage        *self)
{
  BmbTemplateRow *row = BMB_TEMPLATE_ROW (gtk_list_item_get_child (list_item));
  BmbChecklistTemplate *template = gtk_list_item_get_item (list_item);
  TemplateSummary *summary = lookup_summary (self, bmb_checklist_template_get_id (template));

  bmb_template_row_set_item (row, template);
  bmb_template_row_set_last_score (row, summary ? summary->last_score : -1.0);
  bmb_template_row_set_has_draft (row, summary ? summary->has_draft : FALSE);
}

static void
on_factory_unbind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      BmbChecklistsPage        *self)
{
  bmb_template_row_set_item (BMB_TEMPLATE_ROW (gtk_list_item_get_child (list_item)), NULL);
}

static gboolean
filter_template (gpointer item,
                 gpointer user_data)
{
  BmbChecklistsPage *self = user_data;
  gint64 id = bmb_checklist_template_get_id (item);
  g_autofree char *title = NULL;

  if (g_hash_table_contains (self->pending_deletes, &id))
    return FALSE;

  if (self->search_text == NULL)
    return TRUE;

  title = g_utf8_casefold (bmb_checklist_template_get_title (item), -1);

  return strstr (title, self->search_text) != NULL;
}

/* ---- Callbacks ------------------------------------------------------------ */

static void
on_selection_changed_cb (BmbChecklistsPage *self)
{
  show_selected (self);
}

static void
on_template_list_activate_cb (BmbChecklistsPage *self,
                              guint              position)
{
  gtk_single_selection_set_selected (self->selection, position);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
  _bmb_checklists_page_update_actions (self);
}

static void
on_leaflet_folded_cb (BmbChecklistsPage *self)
{
  gtk_revealer_set_reveal_child (self->back_revealer, adw_leaflet_get_folded (self->leaflet));
  /* Folded, only the list shows: one click opens a checklist, as on every page. (Wide, a
   * click selects it and the history beside the list shows it.) */
  gtk_list_view_set_single_click_activate (self->template_list,
                                           adw_leaflet_get_folded (self->leaflet));
  _bmb_checklists_page_update_actions (self);
}

static void
on_search_changed_cb (BmbChecklistsPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_clear_pointer (&self->search_text, g_free);
  if (text[0] != '\0')
    self->search_text = g_utf8_casefold (text, -1);

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_search_stopped_cb (BmbChecklistsPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->template_list));
}

static void
on_assessment_closed_cb (BmbChecklistsPage *self)
{
  g_autoptr(AdwToast) toast = NULL;

  self->taking = FALSE;
  self->browsing = TRUE;
  bmb_assessment_view_clear (self->assessment_view);
  _bmb_checklists_page_reload (self);
  focus_main_view (self);

  toast = adw_toast_new (_("Your answers are kept. Resume any time."));
  _bmb_checklists_page_add_toast (self, g_steal_pointer (&toast));
}

static void
on_assessment_finished_cb (BmbChecklistsPage *self,
                           BmbAssessment     *assessment)
{
  BmbChecklistTemplate *template = bmb_assessment_view_get_template (self->assessment_view);
  g_autofree char *text = NULL;
  g_autofree char *percent = NULL;
  BmbAssessmentScore score;

  bmb_assessment_score_compute (template, assessment, &score);
  /* Translators: a toast after finishing an assessment; “Assessment saved: 72%” */
  percent = bmb_format_percent ((int) round (score.percent));
  text = g_strdup_printf (_("Assessment saved: %s"), percent);

  self->taking = FALSE;
  self->browsing = TRUE;
  self->selected_id = bmb_assessment_get_template_id (assessment);
  bmb_assessment_view_clear (self->assessment_view);
  _bmb_checklists_page_reload (self);

  /* Show the history with the new score. */
  adw_leaflet_set_visible_child (self->leaflet, self->content);
  _bmb_checklists_page_update_actions (self);
  focus_main_view (self);

  _bmb_checklists_page_add_toast (self, adw_toast_new (text));
}

/* ---- GObject ---------------------------------------------------------------- */

static void
bmb_checklists_page_map (GtkWidget *widget)
{
  BmbChecklistsPage *self = BMB_CHECKLISTS_PAGE (widget);
  GtkRoot *root;
  GtkWidget *focus;

  GTK_WIDGET_CLASS (bmb_checklists_page_parent_class)->map (widget);

  /* Coming to this page (Ctrl+3) puts the keyboard focus here, so that the
   * page's shortcuts work at once. */
  root = gtk_widget_get_root (widget);
  focus = root ? gtk_root_get_focus (root) : NULL;
  if (focus == NULL || !gtk_widget_is_ancestor (focus, widget))
    {
      if (self->taking)
        gtk_widget_child_focus (GTK_WIDGET (self->assessment_view), GTK_DIR_TAB_FORWARD);
      else
        focus_main_view (self);
    }
}

static void
set_database (BmbChecklistsPage *self,
              BmbDatabase       *database)
{
  if (self->database == database)
    return;

  if (self->database != NULL)
    g_signal_handlers_disconnect_by_func (self->database, on_changes_committed_cb, self);
  g_clear_object (&self->store);
  g_clear_object (&self->mentoring);
  g_set_object (&self->database, database);

  if (database != NULL)
    {
      /* The application has synchronised the built-in checklists already. */
      self->store = g_object_ref (bmb_context_get_checklist_store (self->context));
      self->mentoring = g_object_ref (bmb_context_get_mentoring_store (self->context));

      g_signal_connect_object (database, "changes-committed",
                               G_CALLBACK (on_changes_committed_cb), self, G_CONNECT_SWAPPED);
    }

  _bmb_checklists_page_reload (self);
  _bmb_checklists_page_update_actions (self);
}

static void
set_context (BmbChecklistsPage *self,
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
bmb_checklists_page_dispose (GObject *object)
{
  BmbChecklistsPage *self = (BmbChecklistsPage *)object;

  /* AdwBin unparents its child itself: no gtk_widget_dispose_template() here.
   * Deletes waiting for their toast are in the application's undo queue. */
  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->reload_idle_id, g_source_remove);

  if (self->database != NULL)
    g_signal_handlers_disconnect_by_func (self->database, on_changes_committed_cb, self);

  if (self->export_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->export_chooser));
  g_clear_object (&self->export_chooser);
  g_clear_object (&self->export_template);

  if (self->assessment_view != NULL)
    bmb_assessment_view_flush (self->assessment_view);

  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->templates);
  g_clear_object (&self->store);
  g_clear_object (&self->mentoring);
  g_clear_object (&self->database);
  g_clear_object (&self->context);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (bmb_checklists_page_parent_class)->dispose (object);
}

static void
bmb_checklists_page_finalize (GObject *object)
{
  BmbChecklistsPage *self = (BmbChecklistsPage *)object;

  g_clear_pointer (&self->summaries, g_hash_table_unref);
  g_clear_pointer (&self->pending_changes, bmb_change_set_unref);
  g_clear_pointer (&self->pending_deletes, g_hash_table_unref);
  g_clear_pointer (&self->relationship_titles, g_hash_table_unref);
  g_clear_pointer (&self->open_relationships, g_ptr_array_unref);
  g_clear_pointer (&self->search_text, g_free);

  G_OBJECT_CLASS (bmb_checklists_page_parent_class)->finalize (object);
}

static void
bmb_checklists_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  BmbChecklistsPage *self = BMB_CHECKLISTS_PAGE (object);

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
bmb_checklists_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  BmbChecklistsPage *self = BMB_CHECKLISTS_PAGE (object);

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
bmb_checklists_page_class_init (BmbChecklistsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bmb_checklists_page_dispose;
  object_class->finalize = bmb_checklists_page_finalize;
  object_class->get_property = bmb_checklists_page_get_property;
  object_class->set_property = bmb_checklists_page_set_property;

  widget_class->map = bmb_checklists_page_map;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         BMB_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (BMB_TYPE_ASSESSMENT_HISTORY);
  g_type_ensure (BMB_TYPE_ASSESSMENT_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/bmb-checklists-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BmbChecklistsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, BmbChecklistsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, BmbChecklistsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, BmbChecklistsPage, sidebar);
  gtk_widget_class_bind_template_child (widget_class, BmbChecklistsPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, BmbChecklistsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BmbChecklistsPage, search_button);
  gtk_widget_class_bind_template_child (widget_class, BmbChecklistsPage, template_list);
  gtk_widget_class_bind_template_child (widget_class, BmbChecklistsPage, content);
  gtk_widget_class_bind_template_child (widget_class, BmbChecklistsPage, back_revealer);
  gtk_widget_class_bind_template_child (widget_class, BmbChecklistsPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, BmbChecklistsPage, history);
  gtk_widget_class_bind_template_child (widget_class, BmbChecklistsPage, assessment_view);
  gtk_widget_class_bind_template_callback (widget_class, on_template_list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stopped_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_assessment_closed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_assessment_finished_cb);

  _bmb_checklists_page_class_init_actions (widget_class);
}

static void
load_css (void)
{
  static gboolean loaded;
  g_autoptr(GtkCssProvider) provider = NULL;

  if (loaded)
    return;
  loaded = TRUE;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, RESOURCE_PATH "/bmb-checklists.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
bmb_checklists_page_init (BmbChecklistsPage *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;

  load_css ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->summaries = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->pending_deletes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->relationship_titles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->open_relationships = g_ptr_array_new_with_free_func (g_object_unref);
  bmb_assessment_history_set_relationship_titles (self->history, self->relationship_titles);

  /* templates → filter (search, pending deletes) → selection → list view */
  self->templates = g_list_store_new (BMB_TYPE_CHECKLIST_TEMPLATE);
  self->filter = gtk_custom_filter_new (filter_template, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->templates)),
                                              g_object_ref (GTK_FILTER (self->filter)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (on_factory_setup_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (on_factory_bind_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (on_factory_unbind_cb), self, 0);
  gtk_list_view_set_factory (self->template_list, factory);
  gtk_list_view_set_model (self->template_list, GTK_SELECTION_MODEL (self->selection));

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search Checklists"),
                                  -1);

  on_leaflet_folded_cb (self);
  update_stack (self);
  _bmb_checklists_page_update_actions (self);
}

/* ---- Public API ------------------------------------------------------------ */

BmbDatabase *
bmb_checklists_page_get_database (BmbChecklistsPage *self)
{
  g_return_val_if_fail (BMB_IS_CHECKLISTS_PAGE (self), NULL);

  return self->database;
}

BmbChecklistTemplate *
bmb_checklists_page_get_selected_template (BmbChecklistsPage *self)
{
  g_return_val_if_fail (BMB_IS_CHECKLISTS_PAGE (self), NULL);

  return gtk_single_selection_get_selected_item (self->selection);
}

gboolean
bmb_checklists_page_select_template (BmbChecklistsPage *self,
                                     gint64             template_id)
{
  guint position;

  g_return_val_if_fail (BMB_IS_CHECKLISTS_PAGE (self), FALSE);

  if (!find_position (self, template_id, &position))
    {
      /* It may only be hidden by the search. */
      if (self->search_text == NULL)
        return FALSE;
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      on_search_changed_cb (self);
      if (!find_position (self, template_id, &position))
        return FALSE;
    }

  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->template_list), "list.scroll-to-item",
                              "u", position);

  return TRUE;
}

void
bmb_checklists_page_start_assessment (BmbChecklistsPage *self,
                                      const char        *builtin_key)
{
  BmbChecklistTemplate *template = NULL;

  g_return_if_fail (BMB_IS_CHECKLISTS_PAGE (self));

  if (self->store == NULL || self->taking)
    return;

  if (builtin_key != NULL)
    {
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->templates)); i++)
        {
          g_autoptr(BmbChecklistTemplate) t = g_list_model_get_item (G_LIST_MODEL (self->templates), i);

          if (g_strcmp0 (bmb_checklist_template_get_builtin_key (t), builtin_key) == 0)
            {
              bmb_checklists_page_select_template (self, bmb_checklist_template_get_id (t));
              break;
            }
        }

      template = bmb_checklists_page_get_selected_template (self);
      if (template == NULL ||
          g_strcmp0 (bmb_checklist_template_get_builtin_key (template), builtin_key) != 0)
        {
          g_critical ("No built-in checklist “%s”", builtin_key);
          return;
        }
    }
  else
    {
      template = bmb_checklists_page_get_selected_template (self);
    }

  /* Nothing chosen yet: show the checklists to pick from. */
  if (template == NULL)
    {
      self->browsing = TRUE;
      update_stack (self);
      adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
      gtk_widget_grab_focus (GTK_WIDGET (self->template_list));
      return;
    }

  _bmb_checklists_page_start (self, bmb_assessment_history_get_relationship_id (self->history));
}

void
_bmb_checklists_page_start (BmbChecklistsPage *self,
                            gint64             relationship_id)
{
  BmbChecklistTemplate *template = bmb_checklists_page_get_selected_template (self);
  g_autoptr(BmbAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;
  const char *relationship_title;
  gint64 id;

  if (template == NULL || self->store == NULL || self->taking)
    return;

  /* A draft is resumed, whoever it is for. */
  assessment = bmb_checklist_store_find_draft (self->store, bmb_checklist_template_get_id (template),
                                               &error);
  if (assessment == NULL && error == NULL)
    assessment = bmb_checklist_store_start_assessment (self->store,
                                                       bmb_checklist_template_get_id (template),
                                                       relationship_id, &error);
  if (assessment == NULL)
    {
      _bmb_checklists_page_show_error (self, _("Could Not Start the Assessment"), error);
      return;
    }

  id = bmb_assessment_get_relationship_id (assessment);
  relationship_title = id != 0 ? g_hash_table_lookup (self->relationship_titles, &id) : NULL;

  self->taking = TRUE;
  update_stack (self);
  _bmb_checklists_page_update_actions (self);
  bmb_assessment_view_load (self->assessment_view, self->store, template, assessment,
                            relationship_title);
}
