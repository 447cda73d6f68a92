/* bmb-preparation-view.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-preparation-view"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "bmb-local-time.h"
#include "bmb-error-dialog.h"
#include "bmb-format.h"
#include "bmb-goal-row.h"
#include "bmb-goal-store.h"
#include "bmb-approach-helper.h"
#include "bmb-mentoring-meetings.h"
#include "bmb-preparation-view.h"
#include "bmb-session-editor.h"

/* A session that began this long ago is still the one to prepare. */
#define RUNNING_GRACE (30 * G_TIME_SPAN_MINUTE)

#define BULLET "• "

struct _BmbPreparationView
{
  AdwWindow            parent_instance;

  /* template widgets */
  AdwToastOverlay     *toast_overlay;
  AdwWindowTitle      *window_title;
  GtkButton           *start_button;
  GtkStack            *stack;
  AdwStatusPage       *empty_page;
  GtkButton           *schedule_button;
  AdwPreferencesGroup *next_group;
  AdwActionRow        *next_row;
  AdwPreferencesGroup *agenda_group;
  AdwPreferencesGroup *carry_over_group;
  AdwActionRow        *phase_row;
  AdwPreferencesGroup *previous_group;
  GtkLabel            *previous_notes_label;
  AdwPreferencesGroup *mentor_items_group;
  AdwPreferencesGroup *mentee_items_group;
  AdwPreferencesGroup *goals_group;

  /* owned */
  BmbDatabase         *db;
  BmbMentoringStore   *store;
  BmbGoalStore        *goal_store;
  BmbRelationship     *relationship;
  BmbOccurrence       *next;
  BmbOccurrence       *previous;
  GPtrArray           *added_rows;    /* (group, row) pairs to remove on reload */
  GPtrArray           *action_items;  /* BmbActionItem, parallel to action_checks */
  GPtrArray           *action_checks; /* GtkCheckButton */
  GArray              *carry_agenda;  /* gint64: agenda items the meeting before left open */
  GArray              *carry_actions; /* gint64: open action items to carry with them */

  /* state */
};

G_DEFINE_FINAL_TYPE (BmbPreparationView, bmb_preparation_view, ADW_TYPE_WINDOW)

enum {
  SESSION_STARTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- Helpers ---------------------------------------------------------------- */

static char *
format_when (GDateTime *start)
{
  g_autoptr(GDateTime) local = bmb_date_time_to_local (start);

  return bmb_format_date_time (local);
}


static void
add_row (BmbPreparationView  *self,
         AdwPreferencesGroup *group,
         GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->added_rows, group);
  g_ptr_array_add (self->added_rows, row);
}

static void
clear_rows (BmbPreparationView *self)
{
  for (guint i = 0; i + 1 < self->added_rows->len; i += 2)
    adw_preferences_group_remove (g_ptr_array_index (self->added_rows, i),
                                  g_ptr_array_index (self->added_rows, i + 1));
  g_ptr_array_set_size (self->added_rows, 0);
  g_ptr_array_set_size (self->action_items, 0);
  g_ptr_array_set_size (self->action_checks, 0);
}

static GtkWidget *
new_placeholder_row (const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");

  return row;
}

static void on_action_check_toggled_cb (BmbPreparationView *self,
                                        GtkCheckButton     *check);

static void
add_action_item_row (BmbPreparationView  *self,
                     AdwPreferencesGroup *group,
                     BmbActionItem       *item)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *due = bmb_format_iso_date (bmb_action_item_get_due_on (item));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), bmb_action_item_get_text (item));
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  if (due != NULL)
    {
      /* Translators: %s is a date */
      g_autofree char *subtitle = g_strdup_printf (_("Due %s"), due);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), bmb_action_item_get_done (item));
  gtk_widget_set_tooltip_text (check, _("Done"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, bmb_action_item_get_text (item),
                                  -1);
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_action_check_toggled_cb), self,
                           G_CONNECT_SWAPPED);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  gtk_widget_add_css_class (row, "action-item");
  add_row (self, group, row);

  g_ptr_array_add (self->action_items, g_object_ref (item));
  g_ptr_array_add (self->action_checks, check);
}

static void
fill_action_items (BmbPreparationView  *self,
                   GError             **error)
{
  g_autoptr(GPtrArray) items = NULL;
  static const BmbActionOwner owners[] = { BMB_ACTION_OWNER_MENTOR, BMB_ACTION_OWNER_MENTEE };
  AdwPreferencesGroup *groups[] = { self->mentor_items_group, self->mentee_items_group };
  const char *names[] = { bmb_relationship_get_mentor_name (self->relationship),
                          bmb_relationship_get_mentee_name (self->relationship) };
  gint64 ids[] = { bmb_relationship_get_mentor_id (self->relationship),
                   bmb_relationship_get_mentee_id (self->relationship) };

  adw_preferences_group_set_title (self->mentor_items_group, _("The Mentor’s Action Items"));
  adw_preferences_group_set_title (self->mentee_items_group, _("The Mentee’s Action Items"));
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    /* Translators: who a list of action items belongs to: the user */
    adw_preferences_group_set_description (groups[i], ids[i] == 0 ? _("You") : names[i]);

  items = bmb_mentoring_store_list_open_action_items (self->store,
                                                      bmb_relationship_get_id (self->relationship),
                                                      error);
  if (items == NULL)
    return;

  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      guint n = 0;

      for (guint i = 0; i < items->len; i++)
        {
          BmbActionItem *item = g_ptr_array_index (items, i);

          if (bmb_action_item_get_owner (item) == owners[g])
            {
              add_action_item_row (self, groups[g], item);
              n++;
            }
        }

      if (n == 0)
        /* Translators: no open action items for one side */
        add_row (self, groups[g], new_placeholder_row (_("Nothing open")));
    }
}

static void
fill_goals (BmbPreparationView  *self,
            GError             **error)
{
  g_autoptr(GPtrArray) goals = NULL;
  guint n = 0;

  goals = bmb_goal_store_list (self->goal_store, bmb_relationship_get_id (self->relationship), error);
  if (goals == NULL)
    return;

  for (guint i = 0; i < goals->len; i++)
    {
      BmbGoal *goal = g_ptr_array_index (goals, i);
      GtkWidget *row;

      if (bmb_goal_get_status (goal) == BMB_GOAL_STATUS_DROPPED)
        continue;

      row = bmb_goal_row_new (goal);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      add_row (self, self->goals_group, row);
      n++;
    }

  if (n == 0)
    add_row (self, self->goals_group,
             new_placeholder_row (_("No goals yet. Agree on SMART goals in the enabling phase.")));
}

/* What the meeting before left open and the next one does not have yet. */
static void
fill_carry_over (BmbPreparationView *self)
{
  g_autoptr(GPtrArray) agenda = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(GError) error = NULL;

  g_array_set_size (self->carry_agenda, 0);
  g_array_set_size (self->carry_actions, 0);
  if (!bmb_mentoring_store_list_carry_over (self->store, bmb_occurrence_get_session_id (self->next),
                                            bmb_occurrence_get_recurrence_id (self->next),
                                            NULL, &agenda, &actions, &error))
    {
      g_debug ("No carry-over: %s", error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->carry_over_group), FALSE);
      return;
    }

  for (guint i = 0; i < agenda->len; i++)
    {
      BmbAgendaItem *item = g_ptr_array_index (agenda, i);
      GtkWidget *row = adw_action_row_new ();
      gint64 id = bmb_agenda_item_get_id (item);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), bmb_agenda_item_get_text (item));
      add_row (self, self->carry_over_group, row);
      g_array_append_val (self->carry_agenda, id);
    }
  for (guint i = 0; i < actions->len; i++)
    {
      gint64 id = bmb_action_item_get_id (g_ptr_array_index (actions, i));

      g_array_append_val (self->carry_actions, id);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->carry_over_group), agenda->len > 0);
}

static void
fill_next (BmbPreparationView *self)
{
  g_autoptr(BmbMeeting) meeting = bmb_mentoring_store_get_meeting (self->store,
                                                                   bmb_occurrence_get_session_id (self->next),
                                                                   bmb_occurrence_get_recurrence_id (self->next),
                                                                   NULL);
  BmbSession *session = bmb_occurrence_get_session (self->next);
  /* The next meeting's own agenda (the standing one until it has a record). */
  GListModel *agenda = meeting != NULL ? bmb_meeting_get_agenda (meeting)
                                       : bmb_session_get_agenda (session);
  g_autofree char *when = format_when (bmb_occurrence_get_start (self->next));
  const char *location = bmb_occurrence_get_location (self->next);
  guint n = g_list_model_get_n_items (agenda);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->next_row),
                                 bmb_occurrence_get_title (self->next));
  if (location != NULL && *location != '\0')
    {
      /* Translators: "Tuesday, March 10, 2026 at 10:00 · Café Tugu" */
      g_autofree char *subtitle = g_strdup_printf (_("%s · %s"), when, location);

      adw_action_row_set_subtitle (self->next_row, subtitle);
    }
  else
    {
      adw_action_row_set_subtitle (self->next_row, when);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BmbAgendaItem) item = g_list_model_get_item (agenda, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      GtkWidget *label = gtk_label_new (number);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "numeric");
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), bmb_agenda_item_get_text (item));
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), label);
      gtk_widget_add_css_class (row, "agenda-item");
      add_row (self, self->agenda_group, row);
    }

  if (n == 0)
    add_row (self, self->agenda_group,
             new_placeholder_row (_("No agenda yet. Add the points to talk about to the session.")));
}

static void
fill_previous (BmbPreparationView *self)
{
  const char *notes = self->previous ? bmb_occurrence_get_notes (self->previous) : NULL;

  if (self->previous != NULL)
    {
      g_autofree char *when = format_when (bmb_occurrence_get_start (self->previous));

      adw_preferences_group_set_description (self->previous_group, when);
    }
  else
    {
      adw_preferences_group_set_description (self->previous_group, NULL);
    }

  if (self->previous == NULL)
    gtk_label_set_label (self->previous_notes_label, _("This will be your first session."));
  else if (notes == NULL || *notes == '\0')
    gtk_label_set_label (self->previous_notes_label, _("No notes were taken last time."));
  else
    gtk_label_set_label (self->previous_notes_label, notes);

  if (notes == NULL || *notes == '\0')
    gtk_widget_add_css_class (GTK_WIDGET (self->previous_notes_label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->previous_notes_label), "dim-label");
}

static void
update_actions (BmbPreparationView *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preparation.start", self->next != NULL);
}

/* ---- Callbacks ---------------------------------------------------------------- */

static void
on_action_check_toggled_cb (BmbPreparationView *self,
                            GtkCheckButton     *check)
{
  g_autoptr(GError) error = NULL;
  gboolean active = gtk_check_button_get_active (check);
  BmbActionItem *item = NULL;
  gboolean ok;

  for (guint i = 0; i < self->action_checks->len; i++)
    if (g_ptr_array_index (self->action_checks, i) == (gpointer)check)
      item = g_ptr_array_index (self->action_items, i);

  g_return_if_fail (item != NULL);

  /* The change that comes back names only this item: the row and the
   * focus stay (see on_changes_committed_cb). */
  ok = bmb_mentoring_store_set_action_item_done (self->store, bmb_action_item_get_id (item),
                                                 active, &error);

  if (!ok)
    {
      bmb_error_dialog_show (GTK_WIDGET (self), _("Could Not Update the Action Item"), error);
      g_signal_handlers_block_by_func (check, on_action_check_toggled_cb, self);
      gtk_check_button_set_active (check, !active);
      g_signal_handlers_unblock_by_func (check, on_action_check_toggled_cb, self);
      return;
    }

  bmb_action_item_set_done (item, active);
}

/* TRUE when @changes names only action items this view shows, as
 * changed: their ticks are set in place. */
static gboolean
update_ticks (BmbPreparationView *self,
              BmbChangeSet       *changes)
{
  g_autoptr(GPtrArray) fresh = NULL;
  guint n_ids = 0, n_shown = 0;

  if (bmb_change_set_get_kinds (changes) != BMB_CHANGE_ACTION_ITEMS ||
      bmb_change_set_get_coarse_kinds (changes) != BMB_CHANGE_NONE)
    return FALSE;

  bmb_change_set_get_ids (changes, BMB_CHANGE_ACTION_ITEMS, BMB_CHANGE_CHANGED, &n_ids);
  if (n_ids == 0 || n_ids != bmb_change_set_get_n_items (changes, BMB_CHANGE_ACTION_ITEMS))
    return FALSE;

  for (guint i = 0; i < self->action_items->len; i++)
    if (bmb_change_set_lookup (changes, BMB_CHANGE_ACTION_ITEMS,
                               bmb_action_item_get_id (g_ptr_array_index (self->action_items, i))))
      n_shown++;
  if (n_shown != n_ids)
    return FALSE;

  fresh = bmb_mentoring_store_list_action_items (self->store,
                                                 bmb_relationship_get_id (self->relationship), 0,
                                                 NULL);
  if (fresh == NULL)
    return FALSE;

  for (guint i = 0; i < self->action_items->len; i++)
    {
      BmbActionItem *item = g_ptr_array_index (self->action_items, i);
      GtkCheckButton *check = g_ptr_array_index (self->action_checks, i);

      for (guint j = 0; j < fresh->len; j++)
        {
          BmbActionItem *now = g_ptr_array_index (fresh, j);

          if (bmb_action_item_get_id (now) != bmb_action_item_get_id (item))
            continue;
          bmb_action_item_set_done (item, bmb_action_item_get_done (now));
          g_signal_handlers_block_by_func (check, on_action_check_toggled_cb, self);
          gtk_check_button_set_active (check, bmb_action_item_get_done (now));
          g_signal_handlers_unblock_by_func (check, on_action_check_toggled_cb, self);
        }
    }

  return TRUE;
}

static void
on_changes_committed_cb (BmbPreparationView *self,
                         BmbChangeSet       *changes)
{
  if (!(bmb_change_set_get_kinds (changes) & (BMB_CHANGE_RELATIONSHIPS | BMB_CHANGE_SESSIONS |
                                              BMB_CHANGE_ACTION_ITEMS | BMB_CHANGE_GOALS)))
    return;

  if (!update_ticks (self, changes))
    bmb_preparation_view_reload (self);
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  BmbPreparationView *self = BMB_PREPARATION_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (!bmb_preparation_view_start_session (self, &error))
    bmb_error_dialog_show (GTK_WIDGET (self), _("Could Not Start the Session"), error);
}

/* One core call: the points join the next meeting's record. */
static void
carry_over_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  BmbPreparationView *self = BMB_PREPARATION_VIEW (widget);
  g_autoptr(BmbMeeting) meeting = NULL;
  g_autoptr(GArray) agenda = NULL;
  g_autoptr(GArray) actions = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *recurrence_id = NULL;
  gint64 session_id;

  if (self->next == NULL || self->carry_agenda->len + self->carry_actions->len == 0)
    return;

  /* What the call reads stays as it is during it: the database's change set
   * comes back before it returns, and the view then refills its own arrays
   * and replaces its next occurrence. */
  agenda = g_array_copy (self->carry_agenda);
  actions = g_array_copy (self->carry_actions);
  session_id = bmb_occurrence_get_session_id (self->next);
  recurrence_id = g_strdup (bmb_occurrence_get_recurrence_id (self->next));
  meeting = bmb_mentoring_store_carry_over (self->store, session_id, recurrence_id,
                                            agenda, actions, &error);
  if (meeting == NULL)
    bmb_error_dialog_show (widget, _("Could Not Carry the Open Points Over"), error);
  bmb_preparation_view_reload (self);
}

/* Nothing planned: the next meeting is scheduled here, not on another page.
 * Once saved, the view reloads (the database changed) and shows it. */
static void
schedule_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  BmbPreparationView *self = BMB_PREPARATION_VIEW (widget);
  g_autofree char *title = bmb_relationship_dup_display_title (self->relationship);
  BmbSessionEditor *editor;

  editor = bmb_session_editor_new (GTK_WINDOW (self), self->store);
  bmb_session_editor_load_follow_up (editor, bmb_relationship_get_id (self->relationship),
                                     self->previous,
                                     self->previous != NULL ? NULL : title);
  gtk_window_present (GTK_WINDOW (editor));
}

/* ---- GObject ------------------------------------------------------------------ */

static void
bmb_preparation_view_dispose (GObject *object)
{
  BmbPreparationView *self = (BmbPreparationView *)object;

  if (self->db != NULL)
    g_signal_handlers_disconnect_by_func (self->db, on_changes_committed_cb, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), BMB_TYPE_PREPARATION_VIEW);

  g_clear_pointer (&self->added_rows, g_ptr_array_unref);
  g_clear_pointer (&self->action_items, g_ptr_array_unref);
  g_clear_pointer (&self->action_checks, g_ptr_array_unref);
  g_clear_pointer (&self->carry_agenda, g_array_unref);
  g_clear_pointer (&self->carry_actions, g_array_unref);
  g_clear_object (&self->next);
  g_clear_object (&self->previous);
  g_clear_object (&self->relationship);
  g_clear_object (&self->goal_store);
  g_clear_object (&self->store);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (bmb_preparation_view_parent_class)->dispose (object);
}

static void
bmb_preparation_view_class_init (BmbPreparationViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bmb_preparation_view_dispose;

  g_type_ensure (BMB_TYPE_APPROACH_HELPER);

  signals[SESSION_STARTED] =
    g_signal_new ("session-started",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, BMB_TYPE_OCCURRENCE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/bmb-preparation-view.ui");
  gtk_widget_class_bind_template_child (widget_class, BmbPreparationView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BmbPreparationView, window_title);
  gtk_widget_class_bind_template_child (widget_class, BmbPreparationView, start_button);
  gtk_widget_class_bind_template_child (widget_class, BmbPreparationView, stack);
  gtk_widget_class_bind_template_child (widget_class, BmbPreparationView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, BmbPreparationView, schedule_button);
  gtk_widget_class_bind_template_child (widget_class, BmbPreparationView, next_group);
  gtk_widget_class_bind_template_child (widget_class, BmbPreparationView, next_row);
  gtk_widget_class_bind_template_child (widget_class, BmbPreparationView, agenda_group);
  gtk_widget_class_bind_template_child (widget_class, BmbPreparationView, carry_over_group);
  gtk_widget_class_bind_template_child (widget_class, BmbPreparationView, phase_row);
  gtk_widget_class_bind_template_child (widget_class, BmbPreparationView, previous_group);
  gtk_widget_class_bind_template_child (widget_class, BmbPreparationView, previous_notes_label);
  gtk_widget_class_bind_template_child (widget_class, BmbPreparationView, mentor_items_group);
  gtk_widget_class_bind_template_child (widget_class, BmbPreparationView, mentee_items_group);
  gtk_widget_class_bind_template_child (widget_class, BmbPreparationView, goals_group);

  gtk_widget_class_install_action (widget_class, "preparation.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "preparation.schedule", NULL, schedule_action);
  gtk_widget_class_install_action (widget_class, "preparation.carry-over", NULL, carry_over_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "preparation.start", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bmb_preparation_view_init (BmbPreparationView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->added_rows = g_ptr_array_new ();
  self->action_items = g_ptr_array_new_with_free_func (g_object_unref);
  self->action_checks = g_ptr_array_new ();
  bmb_format_watch_clock (self, G_CALLBACK (bmb_preparation_view_reload));
  self->carry_agenda = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->carry_actions = g_array_new (FALSE, FALSE, sizeof (gint64));
}

/* ---- Public API --------------------------------------------------------------- */

BmbPreparationView *
bmb_preparation_view_new (BmbContext      *context,
                          BmbRelationship *relationship)
{
  BmbPreparationView *self;

  g_return_val_if_fail (BMB_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (BMB_IS_RELATIONSHIP (relationship), NULL);

  self = g_object_new (BMB_TYPE_PREPARATION_VIEW, NULL);
  self->db = g_object_ref (bmb_context_get_database (context));
  self->store = g_object_ref (bmb_context_get_mentoring_store (context));
  self->goal_store = g_object_ref (bmb_context_get_goal_store (context));
  self->relationship = g_object_ref (relationship);

  g_signal_connect_object (self->db, "changes-committed", G_CALLBACK (on_changes_committed_cb),
                           self, G_CONNECT_SWAPPED);

  bmb_preparation_view_reload (self);

  return self;
}

BmbOccurrence *
bmb_preparation_view_get_occurrence (BmbPreparationView *self)
{
  g_return_val_if_fail (BMB_IS_PREPARATION_VIEW (self), NULL);

  return self->next;
}

void
bmb_preparation_view_reload (BmbPreparationView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = bmb_date_time_new_now_local ();
  g_autoptr(GDateTime) after = g_date_time_add (now, -RUNNING_GRACE);
  g_autoptr(BmbRelationship) fresh = NULL;
  g_autofree char *title = NULL;
  gint64 id;

  g_return_if_fail (BMB_IS_PREPARATION_VIEW (self));

  id = bmb_relationship_get_id (self->relationship);
  clear_rows (self);
  g_clear_object (&self->next);
  g_clear_object (&self->previous);

  if ((fresh = bmb_mentoring_store_get_relationship (self->store, id, &error)))
    g_set_object (&self->relationship, fresh);
  g_clear_error (&error);

  title = bmb_relationship_dup_display_title (self->relationship);
  adw_window_title_set_subtitle (self->window_title, title);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->phase_row),
                                 bmb_relationship_phase_get_label (bmb_relationship_get_phase (self->relationship)));
  adw_action_row_set_subtitle (self->phase_row,
                               bmb_relationship_phase_get_description (bmb_relationship_get_phase (self->relationship)));

  self->next = bmb_mentoring_store_get_next_occurrence (self->store, id, after, &error);
  if (error == NULL)
    self->previous = bmb_mentoring_store_get_previous_occurrence (self->store, id,
                                                                  self->next ? bmb_occurrence_get_start (self->next)
                                                                             : now,
                                                                  &error);
  if (error == NULL)
    fill_action_items (self, &error);
  if (error == NULL)
    fill_goals (self, &error);

  if (error != NULL)
    {
      adw_status_page_set_title (self->empty_page, _("Could Not Load the Session"));
      adw_status_page_set_description (self->empty_page, error->message);
      adw_status_page_set_icon_name (self->empty_page, "dialog-error-symbolic");
      gtk_widget_set_visible (GTK_WIDGET (self->schedule_button), FALSE);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      g_clear_object (&self->next);
      update_actions (self);
      return;
    }

  if (self->next == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->schedule_button), TRUE);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      update_actions (self);
      return;
    }

  fill_next (self);
  fill_carry_over (self);
  fill_previous (self);
  gtk_stack_set_visible_child_name (self->stack, "content");
  update_actions (self);
}

char *
bmb_preparation_view_build_notes (BmbSession *session,
                                  const char *notes)
{
  GListModel *agenda;
  g_autoptr(GString) bullets = g_string_new (NULL);
  guint n;

  g_return_val_if_fail (BMB_IS_SESSION (session), NULL);

  agenda = bmb_session_get_agenda (session);
  n = g_list_model_get_n_items (agenda);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BmbAgendaItem) item = g_list_model_get_item (agenda, i);
      g_autofree char *text = g_strstrip (g_strdup (bmb_agenda_item_get_text (item)));

      if (*text != '\0')
        g_string_append_printf (bullets, BULLET "%s\n", text);
    }

  if (bullets->len == 0 || (notes != NULL && g_str_has_prefix (notes, bullets->str)))
    return g_strdup (notes ? notes : "");

  if (notes != NULL && *notes != '\0')
    {
      g_string_append_c (bullets, '\n');
      g_string_append (bullets, notes);
    }

  return g_string_free (g_steal_pointer (&bullets), FALSE);
}

gboolean
bmb_preparation_view_start_session (BmbPreparationView  *self,
                                    GError             **error)
{
  g_autofree char *notes = NULL;
  g_autoptr(BmbOccurrence) occurrence = NULL;
  gboolean ok;

  g_return_val_if_fail (BMB_IS_PREPARATION_VIEW (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->next == NULL)
    {
      g_set_error_literal (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_NOT_FOUND,
                           _("No session of this relationship is planned."));
      return FALSE;
    }

  occurrence = g_object_ref (self->next);
  notes = bmb_preparation_view_build_notes (bmb_occurrence_get_session (occurrence),
                                            bmb_occurrence_get_notes (occurrence));

  if (g_strcmp0 (notes, bmb_occurrence_get_notes (occurrence) ? bmb_occurrence_get_notes (occurrence) : "") != 0)
    {
      bmb_occurrence_set_notes (occurrence, notes);
      ok = bmb_mentoring_store_save_occurrence (self->store, occurrence, error);
      if (!ok)
        {
          g_prefix_error (error, _("The notes of “%s” could not be saved: "),
                          bmb_occurrence_get_title (occurrence));
          return FALSE;
        }
    }

  g_signal_emit (self, signals[SESSION_STARTED], 0, occurrence);
  gtk_window_close (GTK_WINDOW (self));

  return TRUE;
}
