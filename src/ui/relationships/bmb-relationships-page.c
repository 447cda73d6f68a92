/* bmb-relationships-page.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A sidebar of mentoring relationships (a GtkListBox: a handful of rows,
 * with an "Ended" section header before the first ended one) beside one
 * BmbRelationshipPanel, in an AdwLeaflet. The list follows
 * BmbDatabase::changed: when the same relationships come back in the same
 * order the rows only get their fresh objects (selection and focus stay);
 * otherwise the rows are rebuilt and the selection is restored by id. The
 * panel follows the database by itself.
 */

#define G_LOG_DOMAIN "bmb-relationships-page"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-error-dialog.h"
#include "bmb-goal-store.h"
#include "bmb-mentoring-store.h"
#include "bmb-occurrence.h"
#include "bmb-relationship-editor.h"
#include "bmb-relationship-list-model.h"
#include "bmb-relationship-panel.h"
#include "bmb-relationship-row.h"
#include "bmb-relationships-page.h"
#include "bmb-sessions-page.h"
#include "bmb-window.h"

struct _BmbRelationshipsPage
{
  AdwBin                parent_instance;

  /* template widgets */
  GtkStack             *stack;
  AdwStatusPage        *empty_page;
  AdwLeaflet           *leaflet;
  GtkListView          *list_view;
  GtkWidget            *content_toolbar;
  GtkWidget            *back_button;
  GtkLabel             *content_title;
  BmbRelationshipPanel *panel;

  /* owned */
  BmbDatabase          *database;
  BmbContext           *context;
  BmbMentoringStore    *store;
  BmbGoalStore         *goal_store;
  BmbRelationshipListModel *model;
  GtkSingleSelection   *selection;

  /* state */
  gint64                selected_id;
};

G_DEFINE_FINAL_TYPE (BmbRelationshipsPage, bmb_relationships_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- helpers ------------------------------------------------------------- */

static GtkWindow *
get_parent_window (BmbRelationshipsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}


static void
update_actions (BmbRelationshipsPage *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "relationships.new", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "relationships.back",
                                 folded && g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet),
                                                      "content") == 0);
}

static BmbRelationship *
get_selected (BmbRelationshipsPage *self)
{
  return self->selection != NULL ? gtk_single_selection_get_selected_item (self->selection) : NULL;
}

/* Hands the selected relationship to the panel (nothing selected: its
 * "No Relationship Selected" state). */
static void
show_selected (BmbRelationshipsPage *self)
{
  BmbRelationship *relationship = get_selected (self);
  BmbRelationship *shown = bmb_relationship_panel_get_relationship (self->panel);
  g_autofree char *title = NULL;

  self->selected_id = relationship != NULL ? bmb_relationship_get_id (relationship) : 0;

  /* The panel follows changes of the one it shows by itself. */
  if (relationship == NULL || shown == NULL ||
      bmb_relationship_get_id (shown) != self->selected_id)
    bmb_relationship_panel_set_relationship (self->panel, relationship);

  if (relationship != NULL)
    title = bmb_relationship_dup_display_title (relationship);
  gtk_label_set_label (self->content_title, title != NULL ? title : "");
}

static void
select_position (BmbRelationshipsPage *self,
                 guint                 position)
{
  if (gtk_single_selection_get_selected (self->selection) != position)
    gtk_single_selection_set_selected (self->selection, position);
  show_selected (self);
}

/* After the list changed: the count, the empty state, and the selection
 * (kept by id; if it went, the row now at its place, or the first). */
static void
list_changed (BmbRelationshipsPage *self,
              gint64                keep_id,
              guint                 gone_position)
{
  g_autofree char *count = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  guint position = keep_id != 0 ? bmb_relationship_list_model_find (self->model, keep_id)
                                : G_MAXUINT;

  /* Translators: what a screen reader says for the list of mentoring relationships */
  count = g_strdup_printf (ngettext ("%u Relationship", "%u Relationships", n), n);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, count, -1);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "relationships" : "empty");

  if (position == G_MAXUINT && n > 0)
    position = gone_position != G_MAXUINT ? MIN (gone_position, n - 1) : 0;
  select_position (self, position == G_MAXUINT ? GTK_INVALID_LIST_POSITION : position);

  g_debug ("%u relationships listed", n);
  update_actions (self);
}

static void
reload (BmbRelationshipsPage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->model == NULL)
    return;

  if (!bmb_relationship_list_model_reload (self->model, &error))
    {
      bmb_error_dialog_show (GTK_WIDGET (self), _("Could Not Load the Relationships"), error);
      return;
    }

  list_changed (self, self->selected_id, G_MAXUINT);
}

/* ---- rows ---------------------------------------------------------------- */

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     BmbRelationshipsPage     *self)
{
  gtk_list_item_set_child (list_item, bmb_relationship_row_new (NULL));
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    BmbRelationshipsPage     *self)
{
  BmbRelationshipRow *row = BMB_RELATIONSHIP_ROW (gtk_list_item_get_child (list_item));
  guint position = gtk_list_item_get_position (list_item);
  const char *heading = NULL;

  if (self->model != NULL && position == bmb_relationship_list_model_get_first_ended (self->model))
    /* Translators: the heading above the mentoring relationships that have ended */
    heading = C_("relationships", "Ended");

  bmb_relationship_row_set_item (row, gtk_list_item_get_item (list_item));
  bmb_relationship_row_set_heading (row, heading);
}

static void
on_factory_unbind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      BmbRelationshipsPage     *self)
{
  bmb_relationship_row_set_item (BMB_RELATIONSHIP_ROW (gtk_list_item_get_child (list_item)), NULL);
}


static BmbSessionsPage *
show_sessions_page (BmbRelationshipsPage *self)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), BMB_TYPE_WINDOW);
  GtkWidget *page;

  if (window == NULL)
    return NULL;

  page = bmb_window_get_page_widget (BMB_WINDOW (window), "sessions");
  if (!BMB_IS_SESSIONS_PAGE (page))
    return NULL;

  bmb_window_set_page (BMB_WINDOW (window), "sessions");
  return BMB_SESSIONS_PAGE (page);
}

/* ---- callbacks ----------------------------------------------------------- */

/* Only the rows the committed transaction named are bound again. */
static void
on_changes_committed_cb (BmbRelationshipsPage *self,
                         BmbChangeSet         *changes)
{
  g_autoptr(GError) error = NULL;
  gint64 keep_id = self->selected_id;
  guint old_position;

  if (self->model == NULL ||
      !(bmb_change_set_get_kinds (changes) & (BMB_CHANGE_RELATIONSHIPS | BMB_CHANGE_CONTACTS)))
    return;

  old_position = gtk_single_selection_get_selected (self->selection);
  if (!bmb_relationship_list_model_apply_changes (self->model, changes, &error))
    {
      bmb_error_dialog_show (GTK_WIDGET (self), _("Could Not Load the Relationships"), error);
      return;
    }

  list_changed (self, keep_id, old_position);
}

static void
on_selection_changed_cb (BmbRelationshipsPage *self)
{
  show_selected (self);
  update_actions (self);
}

static void
on_list_view_activate_cb (BmbRelationshipsPage *self,
                          guint                 position)
{
  select_position (self, position);
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
  update_actions (self);

  /* Folded, the row slides away: keep the keyboard focus on what is shown. */
  if (adw_leaflet_get_folded (self->leaflet))
    gtk_widget_grab_focus (self->back_button);
}

static void
on_leaflet_folded_cb (BmbRelationshipsPage *self)
{
  gtk_widget_set_visible (self->content_toolbar, adw_leaflet_get_folded (self->leaflet));
  update_actions (self);
}

static void
on_leaflet_visible_child_cb (BmbRelationshipsPage *self)
{
  update_actions (self);
}

static void
on_panel_schedule_requested_cb (BmbRelationshipsPage *self,
                                gint64                relationship_id)
{
  BmbSessionsPage *page = show_sessions_page (self);

  if (page != NULL)
    bmb_sessions_page_new_session_for_relationship (page, relationship_id);
}

static void
on_panel_occurrence_activated_cb (BmbRelationshipsPage *self,
                                  BmbOccurrence        *occurrence)
{
  BmbSessionsPage *page = show_sessions_page (self);
  g_autofree char *key = NULL;

  if (page == NULL)
    return;

  key = bmb_occurrence_dup_key (occurrence);
  bmb_sessions_page_show_occurrence (page, bmb_occurrence_get_session_id (occurrence), key);
}

static void
on_editor_saved_cb (BmbRelationshipsPage *self,
                    BmbRelationship      *relationship)
{
  gint64 id = bmb_relationship_get_id (relationship);

  if (bmb_relationship_list_model_find (self->model, id) == G_MAXUINT)
    reload (self);
  if (bmb_relationships_page_select_relationship (self, id))
    {
      adw_leaflet_set_visible_child_name (self->leaflet, "content");
      update_actions (self);
    }
}

/* ---- actions ------------------------------------------------------------- */

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  bmb_relationships_page_new_relationship (BMB_RELATIONSHIPS_PAGE (widget));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  BmbRelationshipsPage *self = BMB_RELATIONSHIPS_PAGE (widget);
  guint position = self->selection != NULL ? gtk_single_selection_get_selected (self->selection)
                                           : GTK_INVALID_LIST_POSITION;

  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
  update_actions (self);
}

/* ---- GObject ------------------------------------------------------------- */

static void
bmb_relationships_page_set_database (BmbRelationshipsPage *self,
                                     BmbDatabase          *database)
{
  if (self->database == database)
    return;

  if (self->database != NULL)
    g_signal_handlers_disconnect_by_func (self->database, on_changes_committed_cb, self);
  g_clear_object (&self->store);
  g_clear_object (&self->goal_store);
  g_set_object (&self->database, database);

  gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);

  if (database != NULL)
    {
      self->store = g_object_ref (bmb_context_get_mentoring_store (self->context));
      self->goal_store = g_object_ref (bmb_context_get_goal_store (self->context));
      self->model = bmb_relationship_list_model_new (self->store);
      self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
      gtk_single_selection_set_autoselect (self->selection, FALSE);
      gtk_single_selection_set_can_unselect (self->selection, TRUE);
      g_signal_connect_object (self->selection, "selection-changed",
                               G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);
      gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
      g_signal_connect_object (database, "changes-committed",
                               G_CALLBACK (on_changes_committed_cb), self, G_CONNECT_SWAPPED);
    }

  reload (self);
  update_actions (self);
}

static void
set_context (BmbRelationshipsPage *self,
             BmbContext           *context)
{
  if (self->context == context)
    return;

  bmb_relationships_page_set_database (self, NULL);
  bmb_relationship_panel_set_context (self->panel, context);
  g_set_object (&self->context, context);
  if (context != NULL)
    bmb_relationships_page_set_database (self, bmb_context_get_database (context));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

static void
bmb_relationships_page_dispose (GObject *object)
{
  BmbRelationshipsPage *self = (BmbRelationshipsPage *)object;

  if (self->database != NULL)
    g_signal_handlers_disconnect_by_func (self->database, on_changes_committed_cb, self);
  g_clear_object (&self->store);
  g_clear_object (&self->goal_store);
  g_clear_object (&self->database);
  g_clear_object (&self->context);

  /* The rows go with the tree, after the panel: no more selection changes. */
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  self->list_view = NULL;
  self->panel = NULL;

  /* AdwBin unparents its child itself: no gtk_widget_dispose_template (). */
  G_OBJECT_CLASS (bmb_relationships_page_parent_class)->dispose (object);
}

static void
bmb_relationships_page_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  BmbRelationshipsPage *self = BMB_RELATIONSHIPS_PAGE (object);

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
bmb_relationships_page_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  BmbRelationshipsPage *self = BMB_RELATIONSHIPS_PAGE (object);

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
bmb_relationships_page_class_init (BmbRelationshipsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bmb_relationships_page_dispose;
  object_class->get_property = bmb_relationships_page_get_property;
  object_class->set_property = bmb_relationships_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         BMB_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (BMB_TYPE_RELATIONSHIP_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/bmb-relationships-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BmbRelationshipsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, BmbRelationshipsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, BmbRelationshipsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, BmbRelationshipsPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, BmbRelationshipsPage, content_toolbar);
  gtk_widget_class_bind_template_child (widget_class, BmbRelationshipsPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, BmbRelationshipsPage, content_title);
  gtk_widget_class_bind_template_child (widget_class, BmbRelationshipsPage, panel);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_unbind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_panel_schedule_requested_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_panel_occurrence_activated_cb);

  gtk_widget_class_install_action (widget_class, "relationships.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "relationships.back", NULL, back_action);
}

static void
bmb_relationships_page_init (BmbRelationshipsPage *self)
{
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->leaflet, "notify::visible-child",
                           G_CALLBACK (on_leaflet_visible_child_cb), self, G_CONNECT_SWAPPED);

  /* Ctrl+N also works while the focus is outside the page (on the view
   * switcher, say), as long as the page is shown. */
  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller),
                                     GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>n"),
                                                          gtk_named_action_new ("relationships.new")));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  on_leaflet_folded_cb (self);
}

/* ---- public API ---------------------------------------------------------- */

BmbDatabase *
bmb_relationships_page_get_database (BmbRelationshipsPage *self)
{
  g_return_val_if_fail (BMB_IS_RELATIONSHIPS_PAGE (self), NULL);

  return self->database;
}

gboolean
bmb_relationships_page_select_relationship (BmbRelationshipsPage *self,
                                            gint64                relationship_id)
{
  guint position;

  g_return_val_if_fail (BMB_IS_RELATIONSHIPS_PAGE (self), FALSE);

  if (self->model == NULL ||
      (position = bmb_relationship_list_model_find (self->model, relationship_id)) == G_MAXUINT)
    return FALSE;

  select_position (self, position);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  update_actions (self);

  return TRUE;
}

gint64
bmb_relationships_page_get_selected_id (BmbRelationshipsPage *self)
{
  g_return_val_if_fail (BMB_IS_RELATIONSHIPS_PAGE (self), 0);

  return self->selected_id;
}

void
bmb_relationships_page_new_relationship (BmbRelationshipsPage *self)
{
  BmbRelationshipEditor *editor;

  g_return_if_fail (BMB_IS_RELATIONSHIPS_PAGE (self));

  if (self->store == NULL)
    return;

  editor = bmb_relationship_editor_new (self->context, NULL);
  gtk_window_set_transient_for (GTK_WINDOW (editor), get_parent_window (self));
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_editor_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

void
bmb_relationships_page_show_goal (BmbRelationshipsPage *self,
                                  gint64                goal_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbGoal) goal = NULL;
  gint64 relationship_id;

  g_return_if_fail (BMB_IS_RELATIONSHIPS_PAGE (self));

  if (self->goal_store == NULL)
    return;

  if (!(goal = bmb_goal_store_get (self->goal_store, goal_id, &error)))
    {
      bmb_error_dialog_show (GTK_WIDGET (self), _("Could Not Show the Goal"), error);
      return;
    }

  relationship_id = bmb_goal_get_relationship_id (goal);
  if (relationship_id != 0 && self->model != NULL &&
      bmb_relationship_list_model_find (self->model, relationship_id) == G_MAXUINT)
    reload (self);

  if (relationship_id == 0 || !bmb_relationships_page_select_relationship (self, relationship_id))
    {
      g_autoptr(GError) not_listed =
        g_error_new (BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_NOT_FOUND,
                     /* Translators: %s is a goal */
                     _("“%s” is not part of a mentoring relationship."),
                     bmb_goal_get_title (goal));

      bmb_error_dialog_show (GTK_WIDGET (self), _("Could Not Show the Goal"), not_listed);
      return;
    }

  adw_leaflet_set_visible_child_name (self->leaflet, "content");
  update_actions (self);
}
