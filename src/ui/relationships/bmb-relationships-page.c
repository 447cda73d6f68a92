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
  GtkListBox           *list_box;
  GtkWidget            *content_toolbar;
  GtkWidget            *back_button;
  GtkLabel             *content_title;
  BmbRelationshipPanel *panel;

  /* owned */
  BmbDatabase          *database;
  BmbContext           *context;
  BmbMentoringStore    *store;
  BmbGoalStore         *goal_store;
  GPtrArray            *relationships;  /* BmbRelationship, as listed */

  /* state */
  gint64                selected_id;
  gboolean              updating;
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


static BmbRelationship *
row_get_relationship (GtkListBoxRow *row)
{
  GtkWidget *child;

  if (row == NULL)
    return NULL;

  child = gtk_list_box_row_get_child (row);
  return BMB_IS_RELATIONSHIP_ROW (child) ? bmb_relationship_row_get_item (BMB_RELATIONSHIP_ROW (child))
                                        : NULL;
}

static GtkListBoxRow *
find_row (BmbRelationshipsPage *self,
          gint64                relationship_id)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list_box, i)) != NULL; i++)
    {
      BmbRelationship *relationship = row_get_relationship (row);

      if (relationship != NULL && bmb_relationship_get_id (relationship) == relationship_id)
        return row;
    }

  return NULL;
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

/* Hands the selected row's relationship to the panel (nothing selected: its
 * "No Relationship Selected" state). */
static void
show_selected (BmbRelationshipsPage *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list_box);
  BmbRelationship *relationship = row_get_relationship (row);
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
update_header_cb (GtkListBoxRow *row,
                  GtkListBoxRow *before,
                  gpointer       user_data)
{
  BmbRelationship *relationship = row_get_relationship (row);
  BmbRelationship *previous = row_get_relationship (before);
  gboolean starts_ended = relationship != NULL && bmb_relationship_is_ended (relationship) &&
                          (previous == NULL || !bmb_relationship_is_ended (previous));

  if (!starts_ended)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  if (gtk_list_box_row_get_header (row) == NULL)
    {
      /* Translators: the heading above the mentoring relationships that have ended */
      GtkWidget *label = gtk_label_new (C_("relationships", "Ended"));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_margin_top (label, 18);
      gtk_widget_set_margin_bottom (label, 6);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_add_css_class (label, "heading");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_list_box_row_set_header (row, label);
    }
}

static gboolean
same_ids (GPtrArray *a,
          GPtrArray *b)
{
  if (a == NULL || b == NULL || a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    if (bmb_relationship_get_id (g_ptr_array_index (a, i)) !=
        bmb_relationship_get_id (g_ptr_array_index (b, i)))
      return FALSE;

  return TRUE;
}

static void
select_row (BmbRelationshipsPage *self,
            GtkListBoxRow        *row)
{
  gboolean had_focus = gtk_widget_get_focus_child (GTK_WIDGET (self->list_box)) != NULL;

  self->updating = TRUE;
  gtk_list_box_select_row (self->list_box, row);
  self->updating = FALSE;

  if (row != NULL && had_focus)
    gtk_widget_grab_focus (GTK_WIDGET (row));

  show_selected (self);
}

static void
reload (BmbRelationshipsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) relationships = NULL;
  g_autofree char *count = NULL;
  GtkListBoxRow *row;
  gint64 keep_id = self->selected_id;
  guint n_ended = 0;

  if (self->store == NULL)
    return;

  relationships = bmb_mentoring_store_list_relationships (self->store, &error);
  if (relationships == NULL)
    {
      bmb_error_dialog_show (GTK_WIDGET (self), _("Could Not Load the Relationships"), error);
      return;
    }

  if (same_ids (self->relationships, relationships))
    {
      /* Same rows: give them the fresh objects, keep selection and focus. */
      for (guint i = 0; i < relationships->len; i++)
        {
          row = gtk_list_box_get_row_at_index (self->list_box, i);
          bmb_relationship_row_set_item (BMB_RELATIONSHIP_ROW (gtk_list_box_row_get_child (row)),
                                         g_ptr_array_index (relationships, i));
        }
      gtk_list_box_invalidate_headers (self->list_box);
    }
  else
    {
      self->updating = TRUE;
      while ((row = gtk_list_box_get_row_at_index (self->list_box, 0)) != NULL)
        gtk_list_box_remove (self->list_box, GTK_WIDGET (row));
      for (guint i = 0; i < relationships->len; i++)
        gtk_list_box_append (self->list_box,
                             bmb_relationship_row_new (g_ptr_array_index (relationships, i)));
      self->updating = FALSE;
    }

  g_clear_pointer (&self->relationships, g_ptr_array_unref);
  self->relationships = g_steal_pointer (&relationships);

  for (guint i = 0; i < self->relationships->len; i++)
    if (bmb_relationship_is_ended (g_ptr_array_index (self->relationships, i)))
      n_ended++;

  /* Translators: what a screen reader says for the list of mentoring relationships */
  count = g_strdup_printf (ngettext ("%u Relationship", "%u Relationships", self->relationships->len),
                           self->relationships->len);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, count, -1);
  gtk_stack_set_visible_child_name (self->stack,
                                    self->relationships->len > 0 ? "relationships" : "empty");

  /* Keep the selection by id; without one, show the first relationship. */
  row = keep_id != 0 ? find_row (self, keep_id) : NULL;
  if (row == NULL)
    row = gtk_list_box_get_row_at_index (self->list_box, 0);
  if (row != gtk_list_box_get_selected_row (self->list_box))
    select_row (self, row);
  else
    show_selected (self);

  g_debug ("%u relationships listed, %u ended", self->relationships->len, n_ended);
  update_actions (self);
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

static void
on_database_changed_cb (BmbRelationshipsPage *self,
                        guint                 flags)
{
  /* Partner names come from the contacts. */
  if (flags & (BMB_CHANGE_RELATIONSHIPS | BMB_CHANGE_CONTACTS))
    reload (self);
}

static void
on_list_box_row_selected_cb (BmbRelationshipsPage *self,
                             GtkListBoxRow        *row)
{
  if (self->updating)
    return;

  show_selected (self);
  update_actions (self);
}

static void
on_list_box_row_activated_cb (BmbRelationshipsPage *self,
                              GtkListBoxRow        *row)
{
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

  if (find_row (self, id) == NULL)
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
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list_box);

  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
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
    g_signal_handlers_disconnect_by_func (self->database, on_database_changed_cb, self);
  g_clear_object (&self->store);
  g_clear_object (&self->goal_store);
  g_set_object (&self->database, database);

  if (database != NULL)
    {
      self->store = g_object_ref (bmb_context_get_mentoring_store (self->context));
      self->goal_store = g_object_ref (bmb_context_get_goal_store (self->context));
      g_signal_connect_object (database, "changed", G_CALLBACK (on_database_changed_cb), self,
                               G_CONNECT_SWAPPED);
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
    g_signal_handlers_disconnect_by_func (self->database, on_database_changed_cb, self);
  g_clear_object (&self->store);
  g_clear_object (&self->goal_store);
  g_clear_object (&self->database);
  g_clear_object (&self->context);
  g_clear_pointer (&self->relationships, g_ptr_array_unref);

  /* The rows go with the tree, after the panel: no more ::row-selected. */
  if (self->list_box != NULL)
    g_signal_handlers_disconnect_by_data (self->list_box, self);
  self->list_box = NULL;
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
  gtk_widget_class_bind_template_child (widget_class, BmbRelationshipsPage, list_box);
  gtk_widget_class_bind_template_child (widget_class, BmbRelationshipsPage, content_toolbar);
  gtk_widget_class_bind_template_child (widget_class, BmbRelationshipsPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, BmbRelationshipsPage, content_title);
  gtk_widget_class_bind_template_child (widget_class, BmbRelationshipsPage, panel);
  gtk_widget_class_bind_template_callback (widget_class, on_list_box_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_box_row_activated_cb);
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

  gtk_list_box_set_header_func (self->list_box, update_header_cb, NULL, NULL);
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
  GtkListBoxRow *row;

  g_return_val_if_fail (BMB_IS_RELATIONSHIPS_PAGE (self), FALSE);

  row = find_row (self, relationship_id);
  if (row == NULL)
    return FALSE;

  if (row != gtk_list_box_get_selected_row (self->list_box))
    select_row (self, row);
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
  if (relationship_id != 0 && find_row (self, relationship_id) == NULL)
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
