/* bmb-approach-helper.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-approach-helper"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-approach-helper.h"

struct _BmbApproachHelper
{
  AdwPreferencesGroup  parent_instance;

  /* template widgets */
  AdwExpanderRow      *coaching_row;
  AdwExpanderRow      *counselling_row;
};

G_DEFINE_FINAL_TYPE (BmbApproachHelper, bmb_approach_helper, ADW_TYPE_PREFERENCES_GROUP)

/* Situations that call for coaching: guiding and training someone towards
 * better work and past what holds it back. */
static const char * const coaching_situations[] = {
  /* Translators: a situation that calls for coaching */
  N_("Someone new needs an introduction to the work and training in it"),
  /* Translators: a situation that calls for coaching */
  N_("A skill the job needs has to be taught"),
  /* Translators: a situation that calls for coaching */
  N_("Commitment to the work is low"),
  /* Translators: a situation that calls for coaching */
  N_("There is friction with a colleague"),
  /* Translators: a situation that calls for coaching */
  N_("The organization changes what it focuses on"),
  /* Translators: a situation that calls for coaching */
  N_("A review of the work is coming up, formal or informal"),
};

/* Situations that call for counseling: support with a personal problem, or
 * one that comes from changes around the person, when it weighs on the work. */
static const char * const counselling_situations[] = {
  /* Translators: a situation that calls for counseling */
  N_("The organization is going through a change"),
  /* Translators: a situation that calls for counseling */
  N_("A job is lost or at risk"),
  /* Translators: a situation that calls for counseling */
  N_("Pay, status or position has gone down"),
  /* Translators: a situation that calls for counseling */
  N_("Disappointment with a manager"),
  /* Translators: a situation that calls for counseling */
  N_("A conflict with a colleague that weighs on them"),
  /* Translators: a situation that calls for counseling */
  N_("Stress, burnout or too many responsibilities"),
  /* Translators: a situation that calls for counseling */
  N_("Doubts about their own abilities"),
  /* Translators: a situation that calls for counseling */
  N_("Avoiding the tasks they are given"),
  /* Translators: a situation that calls for counseling */
  N_("A personal problem that affects the work"),
  /* Translators: a situation that calls for counseling */
  N_("Having failed at something"),
  /* Translators: a situation that calls for counseling: someone very able
   * also needs support to use that ability well */
  N_("Exceptional ability that needs room and support"),
};

static void
add_situations (AdwExpanderRow     *expander,
                const char * const *situations,
                guint               n_situations)
{
  for (guint i = 0; i < n_situations; i++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(situations[i]));
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      adw_expander_row_add_row (expander, row);
    }
}

static void
bmb_approach_helper_class_init (BmbApproachHelperClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/bmb-approach-helper.ui");
  gtk_widget_class_bind_template_child (widget_class, BmbApproachHelper, coaching_row);
  gtk_widget_class_bind_template_child (widget_class, BmbApproachHelper, counselling_row);
}

static void
bmb_approach_helper_init (BmbApproachHelper *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  add_situations (self->coaching_row, coaching_situations, G_N_ELEMENTS (coaching_situations));
  add_situations (self->counselling_row, counselling_situations,
                  G_N_ELEMENTS (counselling_situations));
}

GtkWidget *
bmb_approach_helper_new (void)
{
  return g_object_new (BMB_TYPE_APPROACH_HELPER, NULL);
}

guint
bmb_approach_helper_get_n_coaching (void)
{
  return G_N_ELEMENTS (coaching_situations);
}

guint
bmb_approach_helper_get_n_counselling (void)
{
  return G_N_ELEMENTS (counselling_situations);
}
