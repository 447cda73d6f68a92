/* bmb-session-carry-over-bar.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The carry-over offer of the session editor (see the header).
 */

#define G_LOG_DOMAIN "bmb-session-carry-over-bar"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-local-time.h"
#include "bmb-mentoring-meetings.h"
#include "bmb-session-carry-over-bar.h"
#include "bmb-session-format.h"

struct _BmbSessionCarryOverBar
{
  AdwBin     parent_instance;

  /* template widgets */
  GtkLabel  *label;
  GtkButton *button;

  /* owned */
  GPtrArray *agenda;        /* BmbAgendaItem */
  GPtrArray *action_items;  /* BmbActionItem */
};

G_DEFINE_FINAL_TYPE (BmbSessionCarryOverBar, bmb_session_carry_over_bar, ADW_TYPE_BIN)

enum {
  CARRY_OVER,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static guint
count_offered (BmbSessionCarryOverBar *self)
{
  return (self->agenda != NULL ? self->agenda->len : 0) +
         (self->action_items != NULL ? self->action_items->len : 0);
}

static void
on_button_clicked_cb (BmbSessionCarryOverBar *self)
{
  g_autoptr(GPtrArray) agenda = g_steal_pointer (&self->agenda);
  g_autoptr(GPtrArray) action_items = g_steal_pointer (&self->action_items);

  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  if (agenda != NULL && action_items != NULL)
    g_signal_emit (self, signals[CARRY_OVER], 0, agenda, action_items);
}

static void
bmb_session_carry_over_bar_dispose (GObject *object)
{
  BmbSessionCarryOverBar *self = (BmbSessionCarryOverBar *)object;

  g_clear_pointer (&self->agenda, g_ptr_array_unref);
  g_clear_pointer (&self->action_items, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), BMB_TYPE_SESSION_CARRY_OVER_BAR);

  G_OBJECT_CLASS (bmb_session_carry_over_bar_parent_class)->dispose (object);
}

static void
bmb_session_carry_over_bar_class_init (BmbSessionCarryOverBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bmb_session_carry_over_bar_dispose;

  /**
   * BmbSessionCarryOverBar::carry-over:
   * @agenda: (element-type BmbAgendaItem): the previous meeting's unticked agenda items
   * @action_items: (element-type BmbActionItem): the open action items
   */
  signals[CARRY_OVER] = g_signal_new ("carry-over", G_TYPE_FROM_CLASS (klass),
                                      G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                      G_TYPE_NONE, 2, G_TYPE_PTR_ARRAY, G_TYPE_PTR_ARRAY);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/bmb-session-carry-over-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, BmbSessionCarryOverBar, label);
  gtk_widget_class_bind_template_child (widget_class, BmbSessionCarryOverBar, button);
  gtk_widget_class_bind_template_callback (widget_class, on_button_clicked_cb);
}

static void
bmb_session_carry_over_bar_init (BmbSessionCarryOverBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
bmb_session_carry_over_bar_load (BmbSessionCarryOverBar *self,
                                 BmbMentoringStore      *store,
                                 gint64                  session_id,
                                 const char             *recurrence_id)
{
  g_autoptr(BmbMeeting) previous = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *day = NULL;
  g_autofree char *text = NULL;
  g_autofree char *points = NULL;

  g_return_if_fail (BMB_IS_SESSION_CARRY_OVER_BAR (self));
  g_return_if_fail (BMB_IS_MENTORING_STORE (store));

  g_clear_pointer (&self->agenda, g_ptr_array_unref);
  g_clear_pointer (&self->action_items, g_ptr_array_unref);

  if (!bmb_mentoring_store_list_carry_over (store, session_id, recurrence_id, &previous,
                                            &self->agenda, &self->action_items, &error))
    {
      /* Only an offer: the meeting itself is still there to edit. */
      g_debug ("No carry-over: %s", error->message);
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }

  if (count_offered (self) == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }

  if (previous != NULL && bmb_meeting_get_start (previous) != NULL)
    {
      g_autoptr(GDateTime) local = bmb_date_time_to_local (bmb_meeting_get_start (previous));

      day = bmb_session_format_date (local);
    }

  points = g_strdup_printf (ngettext ("%u open point", "%u open points", count_offered (self)),
                            count_offered (self));
  if (day != NULL)
    /* Translators: "3 open points from the meeting on Monday, December 7: 2 unticked agenda
     * items, 1 open action item." The first %s is "3 open points", the second a day. */
    text = g_strdup_printf (_("%s from the meeting on %s: unticked agenda items and open "
                              "action items of both sides."), points, day);
  else
    /* Translators: %s is "3 open points" */
    text = g_strdup_printf (_("%s from earlier meetings: open action items of both sides."),
                            points);

  gtk_label_set_label (self->label, text);
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
}

guint
bmb_session_carry_over_bar_get_n_offered (BmbSessionCarryOverBar *self)
{
  g_return_val_if_fail (BMB_IS_SESSION_CARRY_OVER_BAR (self), 0);

  return gtk_widget_get_visible (GTK_WIDGET (self)) ? count_offered (self) : 0;
}
