/* bmb-goal-row.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-goal-row"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "bmb-format.h"
#include "bmb-goal-row.h"

struct _BmbGoalRow
{
  AdwPreferencesRow parent_instance;

  /* template widgets */
  GtkLabel       *title_label;
  GtkLabel       *percent_label;
  GtkProgressBar *progress_bar;
  GtkLabel       *details_label;

  /* owned */
  BmbGoal        *item;
};

G_DEFINE_FINAL_TYPE (BmbGoalRow, bmb_goal_row, ADW_TYPE_PREFERENCES_ROW)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* "March 10, 2026" for "2026-03-10"; NULL for anything else. */
static void
update (BmbGoalRow *self)
{
  g_autoptr(GPtrArray) details = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *percent = NULL;
  g_autofree char *joined = NULL;
  g_autoptr(GDate) today = g_date_new ();
  gboolean overdue;
  guint progress;

  if (self->item == NULL)
    return;

  progress = bmb_goal_get_progress (self->item);
  g_date_set_time_t (today, time (NULL));
  overdue = bmb_goal_is_overdue (self->item, today);

  gtk_label_set_label (self->title_label, bmb_goal_get_title (self->item));
  /* For the group's search and the accessible name. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), bmb_goal_get_title (self->item));
  gtk_progress_bar_set_fraction (self->progress_bar, progress / 100.0);
  percent = bmb_format_percent ((int) progress);
  gtk_label_set_label (self->percent_label, percent);

  if (bmb_goal_get_status (self->item) != BMB_GOAL_STATUS_ACTIVE)
    g_ptr_array_add (details, g_strdup (bmb_goal_status_get_label (bmb_goal_get_status (self->item))));

  if (bmb_goal_get_due_on (self->item) != NULL)
    {
      g_autofree char *date = bmb_format_iso_date (bmb_goal_get_due_on (self->item));

      if (date != NULL && overdue)
        /* Translators: %s is a date */
        g_ptr_array_add (details, g_strdup_printf (_("Overdue since %s"), date));
      else if (date != NULL)
        /* Translators: %s is a date */
        g_ptr_array_add (details, g_strdup_printf (_("Due %s"), date));
    }

  g_ptr_array_add (details,
                   /* Translators: how many of the five SMART criteria a goal describes */
                   g_strdup_printf (ngettext ("%u of 5 SMART criteria",
                                              "%u of 5 SMART criteria",
                                              bmb_goal_count_criteria (self->item)),
                                    bmb_goal_count_criteria (self->item)));
  g_ptr_array_add (details, NULL);

  /* Translators: separates details of a goal, "Due March 10 · 3 of 5 SMART criteria" */
  joined = g_strjoinv (_(" · "), (char **)details->pdata);
  gtk_label_set_label (self->details_label, joined);

  if (overdue)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->details_label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->details_label), "warning");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->details_label), "warning");
      gtk_widget_add_css_class (GTK_WIDGET (self->details_label), "dim-label");
    }

  if (bmb_goal_get_status (self->item) == BMB_GOAL_STATUS_DROPPED)
    gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->title_label), "dim-label");

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, bmb_goal_get_title (self->item),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, joined,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, percent,
                                  -1);
}

static void
bmb_goal_row_dispose (GObject *object)
{
  BmbGoalRow *self = (BmbGoalRow *)object;

  if (self->item != NULL)
    g_signal_handlers_disconnect_by_func (self->item, update, self);
  g_clear_object (&self->item);

  gtk_widget_dispose_template (GTK_WIDGET (self), BMB_TYPE_GOAL_ROW);

  G_OBJECT_CLASS (bmb_goal_row_parent_class)->dispose (object);
}

static void
bmb_goal_row_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  BmbGoalRow *self = BMB_GOAL_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_goal_row_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  BmbGoalRow *self = BMB_GOAL_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      bmb_goal_row_set_item (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_goal_row_class_init (BmbGoalRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bmb_goal_row_dispose;
  object_class->get_property = bmb_goal_row_get_property;
  object_class->set_property = bmb_goal_row_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         BMB_TYPE_GOAL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/bmb-goal-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BmbGoalRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, BmbGoalRow, percent_label);
  gtk_widget_class_bind_template_child (widget_class, BmbGoalRow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, BmbGoalRow, details_label);
}

static void
bmb_goal_row_init (BmbGoalRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
}

GtkWidget *
bmb_goal_row_new (BmbGoal *goal)
{
  g_return_val_if_fail (goal == NULL || BMB_IS_GOAL (goal), NULL);

  return g_object_new (BMB_TYPE_GOAL_ROW, "item", goal, NULL);
}

BmbGoal *
bmb_goal_row_get_item (BmbGoalRow *self)
{
  g_return_val_if_fail (BMB_IS_GOAL_ROW (self), NULL);

  return self->item;
}

void
bmb_goal_row_set_item (BmbGoalRow *self,
                       BmbGoal    *goal)
{
  g_return_if_fail (BMB_IS_GOAL_ROW (self));
  g_return_if_fail (goal == NULL || BMB_IS_GOAL (goal));

  if (self->item == goal)
    return;

  if (self->item != NULL)
    g_signal_handlers_disconnect_by_func (self->item, update, self);

  g_set_object (&self->item, goal);

  if (self->item != NULL)
    g_signal_connect_object (self->item, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}
