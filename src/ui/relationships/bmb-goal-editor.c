/* bmb-goal-editor.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-goal-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "bmb-date-row.h"
#include "bmb-edit-guard.h"
#include "bmb-error-dialog.h"
#include "bmb-format.h"
#include "bmb-local-time.h"
#include "bmb-goal-editor.h"

struct _BmbGoalEditor
{
  AdwWindow       parent_instance;

  /* template widgets */
  AdwWindowTitle *window_title;
  GtkButton      *save_button;
  AdwEntryRow    *title_row;
  GtkLabel       *title_error_label;
  GtkBox         *criteria_box;
  BmbDateRow     *due_row;
  GtkScale       *progress_scale;
  AdwComboRow    *status_row;
  GtkStringList  *status_list;
  GtkButton      *delete_button;

  /* borrowed: created with the criteria groups */
  AdwEntryRow    *criterion_rows[BMB_GOAL_N_CRITERIA];

  /* owned */
  BmbEditGuard   *guard;  /* Discard Changes?, Ctrl+S, drafts */
  BmbGoalStore   *store;
  BmbGoal        *goal;

  /* state */
  gboolean        title_touched;
};

G_DEFINE_FINAL_TYPE (BmbGoalEditor, bmb_goal_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  DELETE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const BmbGoalStatus statuses[] = {
  BMB_GOAL_STATUS_ACTIVE,
  BMB_GOAL_STATUS_ACHIEVED,
  BMB_GOAL_STATUS_DROPPED,
};

/* ---- Helpers ---------------------------------------------------------------- */


static char *
dup_trimmed (const char *text)
{
  char *copy = g_strstrip (g_strdup (text ? text : ""));

  if (*copy == '\0')
    g_clear_pointer (&copy, g_free);

  return copy;
}

static void
update_actions (BmbGoalEditor *self)
{
  gboolean valid = bmb_goal_editor_is_valid (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "goal-editor.save", valid);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "goal-editor.delete",
                                 bmb_goal_get_id (self->goal) != 0);

  /* Inline validation, once the user has typed something. */
  gtk_widget_set_visible (GTK_WIDGET (self->title_error_label), self->title_touched && !valid);
  if (self->title_touched && !valid)
    gtk_widget_add_css_class (GTK_WIDGET (self->title_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->title_row), "error");
}

static void
build_criteria (BmbGoalEditor *self)
{
  for (guint i = 0; i < BMB_GOAL_N_CRITERIA; i++)
    {
      GtkWidget *group = adw_preferences_group_new ();
      GtkWidget *row = adw_entry_row_new ();

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group),
                                       bmb_goal_criterion_get_label (i));
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                             bmb_goal_criterion_get_hint (i));
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      bmb_goal_criterion_get_label (i),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      bmb_goal_criterion_get_hint (i),
                                      -1);
      gtk_widget_add_css_class (row, "smart-criterion");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      gtk_box_append (self->criteria_box, group);
      self->criterion_rows[i] = ADW_ENTRY_ROW (row);
    }
}

static void
load_goal (BmbGoalEditor *self)
{
  gboolean is_new = bmb_goal_get_id (self->goal) == 0;
  const char *title;

  adw_window_title_set_title (self->window_title, is_new ? _("New Goal") : _("Edit Goal"));
  gtk_window_set_title (GTK_WINDOW (self), is_new ? _("New Goal") : _("Edit Goal"));

  title = bmb_goal_get_title (self->goal);
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), title ? title : "");
  for (guint i = 0; i < BMB_GOAL_N_CRITERIA; i++)
    {
      const char *text = bmb_goal_get_criterion (self->goal, i);

      gtk_editable_set_text (GTK_EDITABLE (self->criterion_rows[i]), text ? text : "");
    }

  bmb_date_row_set_date (self->due_row, bmb_goal_get_due_on (self->goal));

  gtk_range_set_value (GTK_RANGE (self->progress_scale), bmb_goal_get_progress (self->goal));
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    if (statuses[i] == bmb_goal_get_status (self->goal))
      adw_combo_row_set_selected (self->status_row, i);

  gtk_widget_set_visible (GTK_WIDGET (self->delete_button), !is_new);
  self->title_touched = FALSE;
  update_actions (self);
}

static char *
format_progress (GtkScale *scale,
                 double    value,
                 gpointer  user_data)
{
  return bmb_format_percent ((int) value);
}

/* ---- Callbacks ---------------------------------------------------------------- */

static void
on_title_changed_cb (BmbGoalEditor *self)
{
  self->title_touched = TRUE;
  update_actions (self);
}

static void
on_entry_activated_cb (BmbGoalEditor *self)
{
  if (bmb_goal_editor_is_valid (self))
    gtk_widget_activate_action (GTK_WIDGET (self), "goal-editor.save", NULL);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  BmbGoalEditor *self = BMB_GOAL_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (!bmb_goal_editor_save (self, &error))
    bmb_error_dialog_show (GTK_WIDGET (self), _("Could Not Save the Goal"), error);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  BmbGoalEditor *self = BMB_GOAL_EDITOR (widget);
  g_autoptr(BmbGoal) goal = g_object_ref (self->goal);

  g_signal_emit (self, signals[DELETE_REQUESTED], 0, goal);
  gtk_window_close (GTK_WINDOW (self));
}

/* ---- GObject ------------------------------------------------------------------ */

static void
bmb_goal_editor_dispose (GObject *object)
{
  BmbGoalEditor *self = (BmbGoalEditor *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), BMB_TYPE_GOAL_EDITOR);

  g_clear_object (&self->guard);
  g_clear_object (&self->store);
  g_clear_object (&self->goal);

  G_OBJECT_CLASS (bmb_goal_editor_parent_class)->dispose (object);
}

static void
bmb_goal_editor_class_init (BmbGoalEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bmb_goal_editor_dispose;

  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, BMB_TYPE_GOAL);
  signals[DELETE_REQUESTED] =
    g_signal_new ("delete-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, BMB_TYPE_GOAL);

  g_type_ensure (BMB_TYPE_DATE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/bmb-goal-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, BmbGoalEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, BmbGoalEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, BmbGoalEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, BmbGoalEditor, title_error_label);
  gtk_widget_class_bind_template_child (widget_class, BmbGoalEditor, criteria_box);
  gtk_widget_class_bind_template_child (widget_class, BmbGoalEditor, due_row);
  gtk_widget_class_bind_template_child (widget_class, BmbGoalEditor, progress_scale);
  gtk_widget_class_bind_template_child (widget_class, BmbGoalEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, BmbGoalEditor, status_list);
  gtk_widget_class_bind_template_child (widget_class, BmbGoalEditor, delete_button);
  gtk_widget_class_bind_template_callback (widget_class, on_title_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "goal-editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "goal-editor.delete", NULL, delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "goal-editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bmb_goal_editor_init (BmbGoalEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->guard = bmb_edit_guard_new (GTK_WINDOW (self), "goal-editor.save");

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    gtk_string_list_append (self->status_list, bmb_goal_status_get_label (statuses[i]));

  gtk_scale_set_format_value_func (self->progress_scale, format_progress, NULL, NULL);
  build_criteria (self);
}

/* ---- Public API --------------------------------------------------------------- */

BmbGoalEditor *
bmb_goal_editor_new (BmbGoalStore *store,
                     gint64        relationship_id,
                     BmbGoal      *goal)
{
  g_autofree char *draft_key = NULL;
  BmbGoalEditor *self;

  g_return_val_if_fail (BMB_IS_GOAL_STORE (store), NULL);
  g_return_val_if_fail (goal == NULL || BMB_IS_GOAL (goal), NULL);

  self = g_object_new (BMB_TYPE_GOAL_EDITOR, NULL);
  self->store = g_object_ref (store);

  if (goal != NULL && bmb_goal_get_id (goal) != 0)
    {
      g_autoptr(GError) error = NULL;

      /* Edit a fresh copy: Cancel leaves the caller's object alone. */
      self->goal = bmb_goal_store_get (store, bmb_goal_get_id (goal), &error);
      if (self->goal == NULL)
        {
          g_debug ("Editing the goal as given: %s", error->message);
          self->goal = g_object_ref (goal);
        }
    }
  else if (goal != NULL)
    {
      self->goal = g_object_ref (goal);
    }
  else
    {
      self->goal = bmb_goal_new ("");
      bmb_goal_set_relationship_id (self->goal, relationship_id);
    }

  load_goal (self);

  bmb_edit_guard_loaded (self->guard, draft_key = bmb_goal_get_id (self->goal) != 0
                         ? g_strdup_printf ("goal/%" G_GINT64_FORMAT, bmb_goal_get_id (self->goal))
                         : g_strdup_printf ("goal/new/%" G_GINT64_FORMAT, relationship_id));

  return self;
}

BmbGoal *
bmb_goal_editor_get_goal (BmbGoalEditor *self)
{
  g_return_val_if_fail (BMB_IS_GOAL_EDITOR (self), NULL);

  return self->goal;
}

gboolean
bmb_goal_editor_is_valid (BmbGoalEditor *self)
{
  g_autofree char *title = NULL;

  g_return_val_if_fail (BMB_IS_GOAL_EDITOR (self), FALSE);

  title = dup_trimmed (gtk_editable_get_text (GTK_EDITABLE (self->title_row)));

  return title != NULL;
}

gboolean
bmb_goal_editor_save (BmbGoalEditor  *self,
                      GError        **error)
{
  g_autofree char *title = NULL;
  guint selected;
  gboolean ok;

  g_return_val_if_fail (BMB_IS_GOAL_EDITOR (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  title = dup_trimmed (gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  if (title == NULL)
    {
      g_set_error_literal (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID,
                           _("The goal needs a name."));
      return FALSE;
    }

  bmb_goal_set_title (self->goal, title);
  for (guint i = 0; i < BMB_GOAL_N_CRITERIA; i++)
    {
      g_autofree char *text =
        dup_trimmed (gtk_editable_get_text (GTK_EDITABLE (self->criterion_rows[i])));

      bmb_goal_set_criterion (self->goal, i, text);
    }
  bmb_goal_set_due_on (self->goal, bmb_date_row_get_date (self->due_row));
  bmb_goal_set_progress (self->goal, (guint)gtk_range_get_value (GTK_RANGE (self->progress_scale)));
  selected = adw_combo_row_get_selected (self->status_row);
  if (selected < G_N_ELEMENTS (statuses))
    bmb_goal_set_status (self->goal, statuses[selected]);

  if (bmb_goal_get_id (self->goal) == 0)
    ok = bmb_goal_store_insert (self->store, self->goal, error);
  else
    ok = bmb_goal_store_update (self->store, self->goal, error);

  if (!ok)
    return FALSE;

  bmb_edit_guard_saved (self->guard);
  g_signal_emit (self, signals[SAVED], 0, self->goal);
  gtk_window_close (GTK_WINDOW (self));

  return TRUE;
}
