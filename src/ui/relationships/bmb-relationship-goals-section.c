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
#include "bmb-undo-toast.h"

struct _BmbRelationshipGoalsSection
{
  AdwPreferencesGroup  parent_instance;

  /* template widgets */
  GtkListBox          *goals_list;

  /* owned */
  BmbGoalStore        *goal_store;
  BmbRelationship     *relationship;
  GListStore          *goals;          /* BmbGoal */
  BmbUndoQueue        *undo_queue;
  GHashTable          *pending;        /* undo queue operation id → goal id (gint64 *) */
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
  gpointer id;

  g_hash_table_iter_init (&iter, self->pending);
  while (g_hash_table_iter_next (&iter, NULL, &id))
    if (*(gint64 *)id == goal_id)
      return TRUE;

  return FALSE;
}

/* One delete waiting in the application's BmbUndoQueue; the section is
 * weak (the queue is flushed when the window closes, and at shutdown). */
typedef struct
{
  GWeakRef      section;
  BmbGoalStore *store;
  BmbGoal      *goal;
  guint         id;
} PendingDelete;

static void
pending_delete_free (gpointer data)
{
  PendingDelete *pending = data;

  g_weak_ref_clear (&pending->section);
  g_clear_object (&pending->store);
  g_clear_object (&pending->goal);
  g_free (pending);
}

static gboolean
pending_delete_commit (gpointer   data,
                       GError   **error)
{
  PendingDelete *pending = data;
  g_autoptr(BmbRelationshipGoalsSection) self = g_weak_ref_get (&pending->section);
  g_autoptr(GError) local_error = NULL;

  if (self != NULL && self->pending != NULL)
    g_hash_table_remove (self->pending, GUINT_TO_POINTER (pending->id));

  if (bmb_goal_store_delete (pending->store, bmb_goal_get_id (pending->goal), &local_error) ||
      g_error_matches (local_error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_NOT_FOUND))
    return TRUE;

  if (self != NULL && self->pending != NULL)
    {
      /* Translators: %s is a goal */
      g_autofree char *heading = g_strdup_printf (_("Could Not Delete “%s”"),
                                                  bmb_goal_get_title (pending->goal));

      bmb_error_dialog_show (GTK_WIDGET (self), heading, local_error);
      if (self->relationship != NULL && self->goal_store != NULL)
        bmb_relationship_goals_section_reload (self, NULL);
    }

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static void
pending_delete_undo (gpointer data)
{
  PendingDelete *pending = data;
  g_autoptr(BmbRelationshipGoalsSection) self = g_weak_ref_get (&pending->section);

  if (self == NULL || self->pending == NULL ||
      !g_hash_table_remove (self->pending, GUINT_TO_POINTER (pending->id)))
    return;

  if (self->relationship != NULL && self->goal_store != NULL)
    bmb_relationship_goals_section_reload (self, NULL);
}

/* Deletes waiting for their toast happen now (another relationship or
 * store, or the section goes away): the user did not undo them. */
static void
commit_all_pending_deletes (BmbRelationshipGoalsSection *self)
{
  g_autoptr(GList) ids = NULL;

  if (self->pending == NULL || self->undo_queue == NULL)
    return;

  ids = g_hash_table_get_keys (self->pending);
  for (GList *l = ids; l != NULL; l = l->next)
    bmb_undo_queue_commit (self->undo_queue, GPOINTER_TO_UINT (l->data), NULL);
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
on_goal_delete_requested_cb (BmbRelationshipGoalsSection *self,
                             BmbGoal                     *goal)
{
  /* Translators: a toast; %s is a goal */
  g_autofree char *title = g_strdup_printf (_("“%s” deleted"), bmb_goal_get_title (goal));
  PendingDelete *pending;

  g_return_if_fail (self->undo_queue != NULL && self->goal_store != NULL);

  /* The goal stays in the database until the toast goes, so Undo is free. */
  pending = g_new0 (PendingDelete, 1);
  g_weak_ref_init (&pending->section, self);
  pending->store = g_object_ref (self->goal_store);
  pending->goal = g_object_ref (goal);
  pending->id = bmb_undo_queue_push (self->undo_queue, pending_delete_commit,
                                     pending_delete_undo, pending, pending_delete_free);
  g_hash_table_insert (self->pending, GUINT_TO_POINTER (pending->id),
                       g_memdup2 (&(gint64){ bmb_goal_get_id (goal) }, sizeof (gint64)));
  bmb_relationship_goals_section_reload (self, NULL);

  show_toast (self, bmb_undo_toast_new (self->undo_queue, pending->id, title));
}

/* ---- GObject ------------------------------------------------------------------ */

static void
bmb_relationship_goals_section_dispose (GObject *object)
{
  BmbRelationshipGoalsSection *self = (BmbRelationshipGoalsSection *)object;

  commit_all_pending_deletes (self);

  /* The operations committed later find the table gone. */
  g_clear_pointer (&self->pending, g_hash_table_unref);
  g_clear_object (&self->undo_queue);
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
  self->pending = g_hash_table_new_full (NULL, NULL, NULL, g_free);

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

void
bmb_relationship_goals_section_set_undo_queue (BmbRelationshipGoalsSection *self,
                                               BmbUndoQueue                *undo_queue)
{
  g_return_if_fail (BMB_IS_RELATIONSHIP_GOALS_SECTION (self));
  g_return_if_fail (undo_queue == NULL || BMB_IS_UNDO_QUEUE (undo_queue));

  if (self->undo_queue == undo_queue)
    return;

  commit_all_pending_deletes (self);
  g_set_object (&self->undo_queue, undo_queue);
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
