/* bmb-closure-dialog.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-closure-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "bmb-edit-guard.h"
#include "bmb-error-dialog.h"
#include "bmb-local-time.h"
#include "bmb-format.h"
#include "bmb-closure-dialog.h"

struct _BmbClosureDialog
{
  AdwWindow          parent_instance;

  /* template widgets */
  AdwWindowTitle    *window_title;
  GtkButton         *save_button;
  GtkLabel          *intro_label;
  GtkTextView       *achieved_view;
  GtkTextView       *thanks_view;
  GtkTextView       *next_steps_view;
  GtkMenuButton     *ended_button;
  GtkCalendar       *ended_calendar;
  GtkLabel          *error_label;

  /* owned */
  BmbEditGuard      *guard;  /* Discard Changes?, Ctrl+S, drafts */
  BmbMentoringStore *store;
  BmbRelationship   *relationship;
  char              *ended_on;
};

G_DEFINE_FINAL_TYPE (BmbClosureDialog, bmb_closure_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- Helpers ---------------------------------------------------------------- */

static GDateTime *
parse_iso_date (const char *iso)
{
  return bmb_local_date_to_date_time (iso, NULL, 12);
}

/* The trimmed text of @view, NULL when blank. */
static char *
dup_view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;
  char *text;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  if (*text == '\0')
    g_clear_pointer (&text, g_free);

  return text;
}

static void
set_view_text (GtkTextView *view,
               const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text ? text : "", -1);
}


/* NULL when valid, else why not (translated, static). */
static const char *
get_problem (BmbClosureDialog *self)
{
  g_autofree char *achieved = dup_view_text (self->achieved_view);
  g_autofree char *thanks = dup_view_text (self->thanks_view);
  g_autofree char *next_steps = dup_view_text (self->next_steps_view);
  const char *started_on = bmb_relationship_get_started_on (self->relationship);

  if (achieved == NULL && thanks == NULL && next_steps == NULL)
    return _("Write at least one of what was achieved, thanks or next steps.");

  if (self->ended_on != NULL && started_on != NULL && g_strcmp0 (self->ended_on, started_on) < 0)
    return _("The relationship cannot end before it started.");

  return NULL;
}

static void
update_actions (BmbClosureDialog *self)
{
  const char *problem = get_problem (self);
  g_autofree char *label = bmb_format_iso_date (self->ended_on);

  gtk_menu_button_set_label (self->ended_button, label ? label : "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "closure.save", problem == NULL);

  /* An empty summary is the starting point, not an error worth red text. */
  gtk_label_set_label (self->error_label, problem ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), problem != NULL);
  if (problem != NULL && self->ended_on != NULL &&
      g_strcmp0 (self->ended_on, bmb_relationship_get_started_on (self->relationship)) < 0)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->error_label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->error_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "dim-label");
    }
}

/* ---- Callbacks ---------------------------------------------------------------- */

static void
on_ended_day_selected_cb (BmbClosureDialog *self)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->ended_calendar);

  g_free (self->ended_on);
  self->ended_on = bmb_local_date_format (day);
  update_actions (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  BmbClosureDialog *self = BMB_CLOSURE_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (!bmb_closure_dialog_save (self, &error))
    bmb_error_dialog_show (GTK_WIDGET (self), _("Could Not Save the Closing Summary"), error);
}

/* ---- GObject ------------------------------------------------------------------ */

static void
bmb_closure_dialog_dispose (GObject *object)
{
  BmbClosureDialog *self = (BmbClosureDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), BMB_TYPE_CLOSURE_DIALOG);

  g_clear_object (&self->guard);
  g_clear_object (&self->store);
  g_clear_object (&self->relationship);

  G_OBJECT_CLASS (bmb_closure_dialog_parent_class)->dispose (object);
}

static void
bmb_closure_dialog_finalize (GObject *object)
{
  BmbClosureDialog *self = (BmbClosureDialog *)object;

  g_clear_pointer (&self->ended_on, g_free);

  G_OBJECT_CLASS (bmb_closure_dialog_parent_class)->finalize (object);
}

static void
bmb_closure_dialog_class_init (BmbClosureDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bmb_closure_dialog_dispose;
  object_class->finalize = bmb_closure_dialog_finalize;

  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, BMB_TYPE_RELATIONSHIP);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/bmb-closure-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BmbClosureDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, BmbClosureDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, BmbClosureDialog, intro_label);
  gtk_widget_class_bind_template_child (widget_class, BmbClosureDialog, achieved_view);
  gtk_widget_class_bind_template_child (widget_class, BmbClosureDialog, thanks_view);
  gtk_widget_class_bind_template_child (widget_class, BmbClosureDialog, next_steps_view);
  gtk_widget_class_bind_template_child (widget_class, BmbClosureDialog, ended_button);
  gtk_widget_class_bind_template_child (widget_class, BmbClosureDialog, ended_calendar);
  gtk_widget_class_bind_template_child (widget_class, BmbClosureDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_ended_day_selected_cb);

  gtk_widget_class_install_action (widget_class, "closure.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "closure.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bmb_closure_dialog_init (BmbClosureDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->guard = bmb_edit_guard_new (GTK_WINDOW (self), "closure.save");

  g_signal_connect_object (gtk_text_view_get_buffer (self->achieved_view), "changed",
                           G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->thanks_view), "changed",
                           G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->next_steps_view), "changed",
                           G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
}

/* ---- Public API --------------------------------------------------------------- */

BmbClosureDialog *
bmb_closure_dialog_new (BmbMentoringStore *store,
                        BmbRelationship   *relationship)
{
  g_autofree char *draft_key = NULL;
  BmbClosureDialog *self;
  g_autoptr(GDateTime) ended = NULL;
  g_autofree char *partner = NULL;
  g_autofree char *intro = NULL;
  gboolean ended_already;

  g_return_val_if_fail (BMB_IS_MENTORING_STORE (store), NULL);
  g_return_val_if_fail (BMB_IS_RELATIONSHIP (relationship), NULL);

  self = g_object_new (BMB_TYPE_CLOSURE_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->relationship = g_object_ref (relationship);

  ended_already = bmb_relationship_is_ended (relationship);
  if (ended_already)
    {
      self->ended_on = g_strdup (bmb_relationship_get_ended_on (relationship));
    }
  else
    {
      g_autoptr(GDateTime) now = bmb_date_time_new_now_local ();

      self->ended_on = bmb_local_date_format (now);
    }

  if ((ended = parse_iso_date (self->ended_on)))
    gtk_calendar_select_day (self->ended_calendar, ended);

  set_view_text (self->achieved_view, bmb_relationship_get_closing_achieved (relationship));
  set_view_text (self->thanks_view, bmb_relationship_get_closing_thanks (relationship));
  set_view_text (self->next_steps_view, bmb_relationship_get_closing_next_steps (relationship));

  partner = bmb_relationship_dup_display_title (relationship);
  adw_window_title_set_subtitle (self->window_title, partner);
  gtk_button_set_label (self->save_button,
                        ended_already ? _("_Save") : _("_End Relationship"));
  if (ended_already)
    intro = g_strdup (_("The relationship has ended. You can still add to what you wrote."));
  else
    intro = g_strdup (_("The closure phase: look back on the road you traveled, celebrate "
                        "what was achieved, thank each other and agree on what comes next. "
                        "Saving ends the relationship."));
  gtk_label_set_label (self->intro_label, intro);

  update_actions (self);

  bmb_edit_guard_loaded (self->guard, draft_key = g_strdup_printf ("closure/%" G_GINT64_FORMAT,
                                                                   bmb_relationship_get_id (relationship)));

  return self;
}

gboolean
bmb_closure_dialog_is_valid (BmbClosureDialog *self)
{
  g_return_val_if_fail (BMB_IS_CLOSURE_DIALOG (self), FALSE);

  return get_problem (self) == NULL;
}

gboolean
bmb_closure_dialog_save (BmbClosureDialog  *self,
                         GError           **error)
{
  g_autofree char *achieved = NULL;
  g_autofree char *thanks = NULL;
  g_autofree char *next_steps = NULL;
  g_autoptr(BmbRelationship) stored = NULL;
  const char *problem;
  gint64 id;

  g_return_val_if_fail (BMB_IS_CLOSURE_DIALOG (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((problem = get_problem (self)) != NULL)
    {
      g_set_error_literal (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID, problem);
      return FALSE;
    }

  achieved = dup_view_text (self->achieved_view);
  thanks = dup_view_text (self->thanks_view);
  next_steps = dup_view_text (self->next_steps_view);
  id = bmb_relationship_get_id (self->relationship);

  if (!bmb_mentoring_store_end_relationship (self->store, id, self->ended_on,
                                             achieved, thanks, next_steps, error))
    return FALSE;

  stored = bmb_mentoring_store_get_relationship (self->store, id, error);
  if (stored == NULL)
    return FALSE;

  bmb_edit_guard_saved (self->guard);
  g_signal_emit (self, signals[SAVED], 0, stored);
  gtk_window_close (GTK_WINDOW (self));

  return TRUE;
}
