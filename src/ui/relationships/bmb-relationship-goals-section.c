/* bmb-relationship-goals-section.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-relationship-goals-section"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-error-dialog.h"
#include "bmb-goal-editor.h"
#include "bmb-goal-row.h"
#include "bmb-list-sync.h"
#include "bmb-relationship-goals-section.h"

struct _BmbRelationshipGoalsSection
{
  AdwPreferencesGroup  parent_instance;

  /* template widgets */
  GtkListBox          *goals_list;

  /* owned */
  BmbGoalStore        *goal_store;
  BmbRelationship     *relationship;
  GListStore          *goals;          /* BmbGoal */
  GHashTable          *delete_toasts;  /* AdwToast → BmbGoal deleted when the toast goes */
};

G_DEFINE_FINAL_TYPE (BmbRelationshipGoalsSection, bmb_relationship_goals_section,
                     ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_GOAL_STORE,
  PROP_RELATIONSHIP,
  N_PROPS
};

enum {
  SHOW_TOAST,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ---- Helpers ---------------------------------------------------------------- */

static void
show_toast (BmbRelationshipGoalsSection *self,
            AdwToast                    *toast)
{
  g_signal_emit (self, signals[SHOW_TOAST], 0, toast);
  g_object_unref (toast);
}

static gboolean
is_pending_delete (BmbRelationshipGoalsSection *self,
                   gint64                       goal_id)
{
  GHashTableIter iter;
  gpointer goal;

  g_hash_table_iter_init (&iter, self->delete_toasts);
  while (g_hash_table_iter_next (&iter, NULL, &goal))
    if (bmb_goal_get_id (goal) == goal_id)
      return TRUE;

  return FALSE;
}

static void
delete_goal_now (BmbRelationshipGoalsSection *self,
                 BmbGoal                     *goal)
{
  g_autoptr(GError) error = NULL;

  if (self->goal_store != NULL &&
      !bmb_goal_store_delete (self->goal_store, bmb_goal_get_id (goal), &error) &&
      !g_error_matches (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_NOT_FOUND))
    {
      /* Translators: %s is a goal */
      g_autofree char *heading = g_strdup_printf (_("Could Not Delete “%s”"),
                                                  bmb_goal_get_title (goal));

      bmb_error_dialog_show (GTK_WIDGET (self), heading, error);
      if (self->relationship != NULL)
        bmb_relationship_goals_section_reload (self, NULL);
    }
}

/* Deletes waiting for their toast happen now (another relationship or
 * store, or the section goes away): the user did not undo them. */
static void
commit_all_pending_deletes (BmbRelationshipGoalsSection *self)
{
  g_autoptr(GList) goals = NULL;

  if (self->delete_toasts == NULL)
    return;

  goals = g_hash_table_get_values (self->delete_toasts);
  g_list_foreach (goals, (GFunc)(void (*) (void))g_object_ref, NULL);
  g_hash_table_remove_all (self->delete_toasts);

  for (GList *l = goals; l != NULL; l = l->next)
    {
      delete_goal_now (self, l->data);
      g_object_unref (l->data);
    }
}

static GtkWidget *
create_goal_row (gpointer item,
                 gpointer user_data)
{
  return bmb_goal_row_new (item);
}

/* ---- Callbacks ---------------------------------------------------------------- */

static void
on_goal_row_activated_cb (BmbRelationshipGoalsSection *self,
                          GtkListBoxRow               *row)
{
  if (BMB_IS_GOAL_ROW (row))
    bmb_relationship_goals_section_edit_goal (self, bmb_goal_row_get_item (BMB_GOAL_ROW (row)));
}

static void
on_goal_saved_cb (BmbRelationshipGoalsSection *self,
                  BmbGoal                     *goal)
{
  g_autofree char *escaped = g_markup_escape_text (bmb_goal_get_title (goal), -1);
  /* Translators: a toast; %s is a goal */
  g_autofree char *title = g_strdup_printf (_("“%s” saved"), escaped);

  show_toast (self, adw_toast_new (title));
}

static void
on_goal_toast_dismissed_cb (BmbRelationshipGoalsSection *self,
                            AdwToast                    *toast)
{
  gpointer goal = NULL;

  if (self->delete_toasts == NULL ||
      !g_hash_table_steal_extended (self->delete_toasts, toast, NULL, &goal))
    return;

  delete_goal_now (self, goal);
  g_object_unref (goal);
}

static void
on_goal_toast_undo_cb (BmbRelationshipGoalsSection *self,
                       AdwToast                    *toast)
{
  if (self->delete_toasts == NULL || !g_hash_table_remove (self->delete_toasts, toast))
    return;

  if (self->relationship != NULL && self->goal_store != NULL)
    bmb_relationship_goals_section_reload (self, NULL);
}

static void
on_goal_delete_requested_cb (BmbRelationshipGoalsSection *self,
                             BmbGoal                     *goal)
{
  g_autofree char *escaped = g_markup_escape_text (bmb_goal_get_title (goal), -1);
  /* Translators: a toast; %s is a goal */
  g_autofree char *title = g_strdup_printf (_("“%s” deleted"), escaped);
  AdwToast *toast = adw_toast_new (title);

  /* The goal stays in the database until the toast goes, so Undo is free. */
  g_hash_table_insert (self->delete_toasts, toast, g_object_ref (goal));
  bmb_relationship_goals_section_reload (self, NULL);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_goal_toast_undo_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_goal_toast_dismissed_cb), self,
                           G_CONNECT_SWAPPED);
  show_toast (self, toast);
}

/* ---- GObject ------------------------------------------------------------------ */

static void
bmb_relationship_goals_section_dispose (GObject *object)
{
  BmbRelationshipGoalsSection *self = (BmbRelationshipGoalsSection *)object;

  commit_all_pending_deletes (self);

  /* The toasts dismissed later find the table gone. */
  g_clear_pointer (&self->delete_toasts, g_hash_table_unref);
  g_clear_object (&self->relationship);
  g_clear_object (&self->goals);
  g_clear_object (&self->goal_store);

  G_OBJECT_CLASS (bmb_relationship_goals_section_parent_class)->dispose (object);
}

static void
bmb_relationship_goals_section_get_property (GObject    *object,
                                             guint       prop_id,
                                             GValue     *value,
                                             GParamSpec *pspec)
{
  BmbRelationshipGoalsSection *self = BMB_RELATIONSHIP_GOALS_SECTION (object);

  switch (prop_id)
    {
    case PROP_GOAL_STORE:
      g_value_set_object (value, self->goal_store);
      break;

    case PROP_RELATIONSHIP:
      g_value_set_object (value, self->relationship);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_relationship_goals_section_set_property (GObject      *object,
                                             guint         prop_id,
                                             const GValue *value,
                                             GParamSpec   *pspec)
{
  BmbRelationshipGoalsSection *self = BMB_RELATIONSHIP_GOALS_SECTION (object);

  switch (prop_id)
    {
    case PROP_GOAL_STORE:
      bmb_relationship_goals_section_set_goal_store (self, g_value_get_object (value));
      break;

    case PROP_RELATIONSHIP:
      bmb_relationship_goals_section_set_relationship (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_relationship_goals_section_class_init (BmbRelationshipGoalsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bmb_relationship_goals_section_dispose;
  object_class->get_property = bmb_relationship_goals_section_get_property;
  object_class->set_property = bmb_relationship_goals_section_set_property;

  properties[PROP_GOAL_STORE] =
    g_param_spec_object ("goal-store", NULL, NULL,
                         BMB_TYPE_GOAL_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_RELATIONSHIP] =
    g_param_spec_object ("relationship", NULL, NULL,
                         BMB_TYPE_RELATIONSHIP,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SHOW_TOAST] =
    g_signal_new ("show-toast",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/bmb-relationship-goals-section.ui");
  gtk_widget_class_bind_template_child (widget_class, BmbRelationshipGoalsSection, goals_list);
  gtk_widget_class_bind_template_callback (widget_class, on_goal_row_activated_cb);
}

static void
bmb_relationship_goals_section_init (BmbRelationshipGoalsSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->goals = g_list_store_new (BMB_TYPE_GOAL);
  self->delete_toasts = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);

  gtk_list_box_bind_model (self->goals_list, G_LIST_MODEL (self->goals),
                           create_goal_row, self, NULL);
}

/* ---- Public API --------------------------------------------------------------- */

GtkWidget *
bmb_relationship_goals_section_new (void)
{
  return g_object_new (BMB_TYPE_RELATIONSHIP_GOALS_SECTION, NULL);
}

BmbGoalStore *
bmb_relationship_goals_section_get_goal_store (BmbRelationshipGoalsSection *self)
{
  g_return_val_if_fail (BMB_IS_RELATIONSHIP_GOALS_SECTION (self), NULL);

  return self->goal_store;
}

void
bmb_relationship_goals_section_set_goal_store (BmbRelationshipGoalsSection *self,
                                               BmbGoalStore                *goal_store)
{
  g_return_if_fail (BMB_IS_RELATIONSHIP_GOALS_SECTION (self));
  g_return_if_fail (goal_store == NULL || BMB_IS_GOAL_STORE (goal_store));

  if (self->goal_store == goal_store)
    return;

  commit_all_pending_deletes (self);
  g_set_object (&self->goal_store, goal_store);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GOAL_STORE]);
}

BmbRelationship *
bmb_relationship_goals_section_get_relationship (BmbRelationshipGoalsSection *self)
{
  g_return_val_if_fail (BMB_IS_RELATIONSHIP_GOALS_SECTION (self), NULL);

  return self->relationship;
}

void
bmb_relationship_goals_section_set_relationship (BmbRelationshipGoalsSection *self,
                                                 BmbRelationship             *relationship)
{
  g_return_if_fail (BMB_IS_RELATIONSHIP_GOALS_SECTION (self));
  g_return_if_fail (relationship == NULL || BMB_IS_RELATIONSHIP (relationship));

  if (self->relationship == relationship)
    return;

  /* The same relationship read again keeps its pending deletes. */
  if (self->relationship == NULL || relationship == NULL ||
      bmb_relationship_get_id (self->relationship) != bmb_relationship_get_id (relationship))
    commit_all_pending_deletes (self);

  g_set_object (&self->relationship, relationship);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RELATIONSHIP]);
}

static gint64
goal_id (gpointer goal)
{
  return bmb_goal_get_id (goal);
}

gboolean
bmb_relationship_goals_section_reload (BmbRelationshipGoalsSection  *self,
                                       GError                      **error)
{
  return bmb_relationship_goals_section_apply_changes (self, NULL, error);
}

gboolean
bmb_relationship_goals_section_apply_changes (BmbRelationshipGoalsSection  *self,
                                              BmbChangeSet                 *changes,
                                              GError                      **error)
{
  g_autoptr(GPtrArray) goals = NULL;
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();

  g_return_val_if_fail (BMB_IS_RELATIONSHIP_GOALS_SECTION (self), FALSE);
  g_return_val_if_fail (self->relationship != NULL && self->goal_store != NULL, FALSE);

  if (changes != NULL && !(bmb_change_set_get_kinds (changes) & BMB_CHANGE_GOALS))
    return TRUE;

  goals = bmb_goal_store_list (self->goal_store, bmb_relationship_get_id (self->relationship), error);
  if (goals == NULL)
    return FALSE;

  for (guint i = 0; i < goals->len; i++)
    if (!is_pending_delete (self, bmb_goal_get_id (g_ptr_array_index (goals, i))))
      g_ptr_array_add (shown, g_ptr_array_index (goals, i));

  bmb_list_store_sync (self->goals, shown, goal_id, changes, BMB_CHANGE_GOALS);
  return TRUE;
}

void
bmb_relationship_goals_section_clear (BmbRelationshipGoalsSection *self)
{
  g_return_if_fail (BMB_IS_RELATIONSHIP_GOALS_SECTION (self));

  g_list_store_remove_all (self->goals);
}

void
bmb_relationship_goals_section_edit_goal (BmbRelationshipGoalsSection *self,
                                          BmbGoal                     *goal)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  BmbGoalEditor *editor;

  g_return_if_fail (BMB_IS_RELATIONSHIP_GOALS_SECTION (self));
  g_return_if_fail (goal == NULL || BMB_IS_GOAL (goal));
  g_return_if_fail (self->relationship != NULL && self->goal_store != NULL);

  editor = bmb_goal_editor_new (self->goal_store, bmb_relationship_get_id (self->relationship), goal);
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_goal_saved_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "delete-requested", G_CALLBACK (on_goal_delete_requested_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}
