/* bmb-relationship-panel.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-relationship-panel"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "bmb-local-time.h"
#include "bmb-error-dialog.h"
#include "bmb-format.h"
#include "bmb-checklist-store.h"
#include "bmb-closure-dialog.h"
#include "bmb-phase-stepper.h"
#include "bmb-preparation-view.h"
#include "bmb-relationship-action-items-section.h"
#include "bmb-relationship-editor.h"
#include "bmb-relationship-goals-section.h"
#include "bmb-relationship-panel.h"
#include "bmb-relationship-timeline-section.h"

/* A session that began this long ago is still "the next session". */
#define RUNNING_GRACE (30 * G_TIME_SPAN_MINUTE)

struct _BmbRelationshipPanel
{
  AdwBin                            parent_instance;

  /* template widgets */
  GtkStack                          *stack;
  AdwStatusPage                     *empty_page;
  AdwToastOverlay                   *toast_overlay;
  AdwAvatar                         *avatar;
  GtkLabel                          *title_label;
  GtkLabel                          *subtitle_label;
  GtkLabel                          *dates_label;
  GtkBox                            *closure_box;
  AdwPreferencesGroup               *closing_group;
  AdwActionRow                      *achieved_row;
  AdwActionRow                      *thanks_row;
  AdwActionRow                      *next_steps_row;
  BmbPhaseStepper                   *stepper;
  BmbRelationshipGoalsSection       *goals_section;
  AdwActionRow                      *next_row;
  GtkImage                          *next_arrow;
  GtkButton                         *schedule_button;
  BmbRelationshipActionItemsSection *action_items_section;
  BmbRelationshipTimelineSection    *timeline_section;
  AdwActionRow                      *cadence_row;
  AdwActionRow                      *confidentiality_row;
  AdwActionRow                      *duration_row;

  /* owned */
  BmbContext                        *context;
  BmbDatabase                       *db;
  BmbMentoringStore                 *store;
  BmbGoalStore                      *goal_store;
  BmbChecklistStore                 *checklist_store;
  BmbRelationship                   *relationship;
  BmbOccurrence                     *next;
};

G_DEFINE_FINAL_TYPE (BmbRelationshipPanel, bmb_relationship_panel, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_RELATIONSHIP,
  N_PROPS
};

enum {
  SCHEDULE_REQUESTED,
  OCCURRENCE_ACTIVATED,
  SESSION_STARTED,
  RELATIONSHIP_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ---- Helpers ---------------------------------------------------------------- */

static GtkWindow *
get_parent_window (BmbRelationshipPanel *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}


static void
set_info_row (AdwActionRow *row,
              const char   *text,
              const char   *empty_text)
{
  gboolean empty = text == NULL || *text == '\0';

  adw_action_row_set_subtitle (row, empty ? empty_text : text);
  if (empty)
    gtk_widget_add_css_class (GTK_WIDGET (row), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "dim-label");
}

static void
update_actions (BmbRelationshipPanel *self)
{
  gboolean has = self->relationship != NULL && self->store != NULL;
  gboolean ended = has && bmb_relationship_is_ended (self->relationship);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "panel.edit", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "panel.prepare", has && !ended);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "panel.end", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "panel.add-goal", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "panel.schedule", has && !ended);
}

static char *
dup_role_text (BmbRelationship *r)
{
  const char *mentor = bmb_relationship_get_mentor_name (r);
  const char *mentee = bmb_relationship_get_mentee_name (r);
  /* Translators: stands in for a partner whose name is not known, e.g. "Someone mentors you" */
  const char *unknown = _("Someone");

  if (bmb_relationship_get_mentor_id (r) == 0)
    /* Translators: %s is the mentee's name */
    return g_strdup_printf (_("You mentor %s"), mentee ? mentee : unknown);
  if (bmb_relationship_get_mentee_id (r) == 0)
    /* Translators: %s is the mentor's name */
    return g_strdup_printf (_("%s mentors you"), mentor ? mentor : unknown);

  /* Translators: "Budi mentors Siti" */
  return g_strdup_printf (_("%s mentors %s"), mentor ? mentor : unknown, mentee ? mentee : unknown);
}

static void
fill_header (BmbRelationshipPanel *self)
{
  BmbRelationship *r = self->relationship;
  g_autofree char *title = bmb_relationship_dup_display_title (r);
  g_autofree char *partner = bmb_relationship_dup_partner_name (r);
  g_autofree char *role = dup_role_text (r);
  g_autofree char *subtitle = NULL;
  g_autofree char *started = bmb_format_iso_date (bmb_relationship_get_started_on (r));
  g_autofree char *planned = bmb_format_iso_date (bmb_relationship_get_planned_end_on (r));
  g_autofree char *ended = bmb_format_iso_date (bmb_relationship_get_ended_on (r));
  g_autoptr(GString) dates = g_string_new (NULL);

  adw_avatar_set_text (self->avatar, partner ? partner : title);
  gtk_label_set_label (self->title_label, title);

  /* Translators: "You mentor Siti · Peer" */
  subtitle = g_strdup_printf (_("%s · %s"), role,
                              bmb_relationship_kind_get_label (bmb_relationship_get_kind (r)));
  gtk_label_set_label (self->subtitle_label, subtitle);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->subtitle_label),
                               bmb_relationship_kind_get_description (bmb_relationship_get_kind (r)));

  if (ended != NULL && started != NULL)
    /* Translators: "From March 10, 2026 to September 1, 2026" */
    g_string_printf (dates, _("From %s to %s"), started, ended);
  else if (ended != NULL)
    /* Translators: %s is a date */
    g_string_printf (dates, _("Ended on %s"), ended);
  else if (started != NULL && planned != NULL)
    /* Translators: "Since March 10, 2026, planned until September 10, 2026" */
    g_string_printf (dates, _("Since %s, planned until %s"), started, planned);
  else if (started != NULL)
    /* Translators: %s is a date */
    g_string_printf (dates, _("Since %s"), started);
  else if (planned != NULL)
    /* Translators: %s is a date */
    g_string_printf (dates, _("Planned until %s"), planned);
  gtk_label_set_label (self->dates_label, dates->str);
  gtk_widget_set_visible (GTK_WIDGET (self->dates_label), dates->len > 0);
}

static void
fill_agreement_and_closure (BmbRelationshipPanel *self)
{
  BmbRelationship *r = self->relationship;
  gboolean ended = bmb_relationship_is_ended (r);
  gboolean closing = bmb_relationship_get_phase (r) == BMB_RELATIONSHIP_PHASE_CLOSURE;
  /* Translators: an agreement point not filled in yet */
  const char *not_agreed = _("Not agreed yet");
  /* Translators: a closing summary point left empty */
  const char *not_written = _("Not written");

  set_info_row (self->cadence_row, bmb_relationship_get_cadence (r), not_agreed);
  set_info_row (self->confidentiality_row, bmb_relationship_get_confidentiality (r), not_agreed);
  set_info_row (self->duration_row, bmb_relationship_get_planned_duration (r), not_agreed);

  gtk_widget_set_visible (GTK_WIDGET (self->closure_box), closing && !ended);
  gtk_widget_set_visible (GTK_WIDGET (self->closing_group), ended);
  set_info_row (self->achieved_row, bmb_relationship_get_closing_achieved (r), not_written);
  set_info_row (self->thanks_row, bmb_relationship_get_closing_thanks (r), not_written);
  set_info_row (self->next_steps_row, bmb_relationship_get_closing_next_steps (r), not_written);
}

static gboolean
reload_next_session (BmbRelationshipPanel  *self,
                     GError               **error)
{
  g_autoptr(GDateTime) now = bmb_date_time_new_now_local ();
  g_autoptr(GDateTime) after = g_date_time_add (now, -RUNNING_GRACE);
  g_autoptr(GError) local_error = NULL;
  gboolean ended = bmb_relationship_is_ended (self->relationship);
  gboolean activatable;

  g_clear_object (&self->next);
  self->next = bmb_mentoring_store_get_next_occurrence (self->store,
                                                        bmb_relationship_get_id (self->relationship),
                                                        after, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (self->next != NULL)
    {
      g_autoptr(GDateTime) start = bmb_date_time_to_local (bmb_occurrence_get_start (self->next));
      g_autofree char *when = bmb_format_date_time (start);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->next_row),
                                     bmb_occurrence_get_title (self->next));
      adw_action_row_set_subtitle (self->next_row, when);
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->next_row),
                                     ended ? _("The relationship has ended")
                                           : _("No session planned"));
      adw_action_row_set_subtitle (self->next_row,
                                   ended ? "" : _("Agree on a date and schedule it."));
    }

  /* The row leads somewhere only when the embedding page handles it. */
  activatable = self->next != NULL &&
                g_signal_has_handler_pending (self, signals[OCCURRENCE_ACTIVATED], 0, TRUE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->next_row), activatable);
  gtk_widget_set_visible (GTK_WIDGET (self->next_arrow), activatable);
  gtk_widget_set_visible (GTK_WIDGET (self->schedule_button), self->next == NULL && !ended);

  return TRUE;
}

static void
show_empty (BmbRelationshipPanel *self)
{
  g_clear_object (&self->next);
  bmb_relationship_goals_section_clear (self->goals_section);
  bmb_relationship_action_items_section_clear (self->action_items_section);
  bmb_relationship_timeline_section_show (self->timeline_section, NULL, 0);
  bmb_phase_stepper_set_relationship (self->stepper, NULL);
  gtk_stack_set_visible_child_name (self->stack, "empty");
  update_actions (self);
}

/* ---- Callbacks ---------------------------------------------------------------- */

static void
on_section_show_toast_cb (BmbRelationshipPanel *self,
                          AdwToast             *toast)
{
  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (toast));
}

static void
on_next_row_activated_cb (BmbRelationshipPanel *self)
{
  if (self->next != NULL)
    g_signal_emit (self, signals[OCCURRENCE_ACTIVATED], 0, self->next);
}

static void
on_stepper_phase_changed_cb (BmbRelationshipPanel *self)
{
  fill_agreement_and_closure (self);
  update_actions (self);
  g_signal_emit (self, signals[RELATIONSHIP_CHANGED], 0, self->relationship);
}

static void
on_stepper_closure_requested_cb (BmbRelationshipPanel *self)
{
  bmb_relationship_panel_end_relationship (self);
}

static void refresh_relationship (BmbRelationshipPanel *self,
                                  BmbChangeSet         *changes);

/* Only what @changes names is read again: the header when this
 * relationship changed, the goal and action item rows it names. */
static void
on_changes_committed_cb (BmbRelationshipPanel *self,
                         BmbChangeSet         *changes)
{
  g_autoptr(GError) error = NULL;
  BmbChangeFlags kinds = bmb_change_set_get_kinds (changes);
  gint64 id;

  if (self->relationship == NULL)
    return;

  id = bmb_relationship_get_id (self->relationship);
  if ((bmb_change_set_get_coarse_kinds (changes) & BMB_CHANGE_RELATIONSHIPS) ||
      bmb_change_set_lookup (changes, BMB_CHANGE_RELATIONSHIPS, id) != 0)
    {
      refresh_relationship (self, changes);
      return;
    }

  if ((kinds & BMB_CHANGE_GOALS) &&
      !bmb_relationship_goals_section_apply_changes (self->goals_section, changes, &error))
    bmb_error_dialog_show (GTK_WIDGET (self), _("Could Not Load the Goals"), error);
  g_clear_error (&error);
  if ((kinds & BMB_CHANGE_ACTION_ITEMS) &&
      !bmb_relationship_action_items_section_apply_changes (self->action_items_section, changes,
                                                            &error))
    bmb_error_dialog_show (GTK_WIDGET (self), _("Could Not Load the Action Items"), error);
  g_clear_error (&error);
  if ((kinds & BMB_CHANGE_SESSIONS) && !reload_next_session (self, &error))
    bmb_error_dialog_show (GTK_WIDGET (self), _("Could Not Load the Next Session"), error);
}

static void
on_relationship_saved_cb (BmbRelationshipPanel *self,
                          BmbRelationship      *relationship)
{
  bmb_relationship_panel_set_relationship (self, relationship);
  g_signal_emit (self, signals[RELATIONSHIP_CHANGED], 0, self->relationship);
}

static void
on_closure_saved_cb (BmbRelationshipPanel *self,
                     BmbRelationship      *relationship)
{
  bmb_relationship_panel_set_relationship (self, relationship);
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (_("The closing summary is saved")));
  g_signal_emit (self, signals[RELATIONSHIP_CHANGED], 0, self->relationship);
}

static void
on_session_started_cb (BmbRelationshipPanel *self,
                       BmbOccurrence        *occurrence)
{
  g_signal_emit (self, signals[SESSION_STARTED], 0, occurrence);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  bmb_relationship_panel_edit (BMB_RELATIONSHIP_PANEL (widget));
}

static void
prepare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  bmb_relationship_panel_prepare_session (BMB_RELATIONSHIP_PANEL (widget));
}

static void
end_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  bmb_relationship_panel_end_relationship (BMB_RELATIONSHIP_PANEL (widget));
}

static void
add_goal_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  bmb_relationship_panel_edit_goal (BMB_RELATIONSHIP_PANEL (widget), NULL);
}

static void
schedule_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  BmbRelationshipPanel *self = BMB_RELATIONSHIP_PANEL (widget);

  if (self->relationship != NULL)
    g_signal_emit (self, signals[SCHEDULE_REQUESTED], 0,
                   bmb_relationship_get_id (self->relationship));
}

/* ---- GObject ------------------------------------------------------------------ */

static void
bmb_relationship_panel_dispose (GObject *object)
{
  BmbRelationshipPanel *self = (BmbRelationshipPanel *)object;

  if (self->db != NULL)
    g_signal_handlers_disconnect_by_func (self->db, on_changes_committed_cb, self);

  /* AdwBin unparents its child itself: no gtk_widget_dispose_template() here.
   * The goals section deletes the goals whose toast is still up when it goes. */
  g_clear_object (&self->next);
  g_clear_object (&self->relationship);
  g_clear_object (&self->context);
  g_clear_object (&self->checklist_store);
  g_clear_object (&self->goal_store);
  g_clear_object (&self->store);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (bmb_relationship_panel_parent_class)->dispose (object);
}

static void
bmb_relationship_panel_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  BmbRelationshipPanel *self = BMB_RELATIONSHIP_PANEL (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_RELATIONSHIP:
      g_value_set_object (value, self->relationship);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_relationship_panel_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  BmbRelationshipPanel *self = BMB_RELATIONSHIP_PANEL (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      bmb_relationship_panel_set_context (self, g_value_get_object (value));
      break;

    case PROP_RELATIONSHIP:
      bmb_relationship_panel_set_relationship (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_relationship_panel_class_init (BmbRelationshipPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bmb_relationship_panel_dispose;
  object_class->get_property = bmb_relationship_panel_get_property;
  object_class->set_property = bmb_relationship_panel_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         BMB_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_RELATIONSHIP] =
    g_param_spec_object ("relationship", NULL, NULL,
                         BMB_TYPE_RELATIONSHIP,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SCHEDULE_REQUESTED] =
    g_signal_new ("schedule-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[OCCURRENCE_ACTIVATED] =
    g_signal_new ("occurrence-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, BMB_TYPE_OCCURRENCE);
  signals[SESSION_STARTED] =
    g_signal_new ("session-started",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, BMB_TYPE_OCCURRENCE);
  signals[RELATIONSHIP_CHANGED] =
    g_signal_new ("relationship-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, BMB_TYPE_RELATIONSHIP);

  g_type_ensure (BMB_TYPE_PHASE_STEPPER);
  g_type_ensure (BMB_TYPE_RELATIONSHIP_ACTION_ITEMS_SECTION);
  g_type_ensure (BMB_TYPE_RELATIONSHIP_GOALS_SECTION);
  g_type_ensure (BMB_TYPE_RELATIONSHIP_TIMELINE_SECTION);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/bmb-relationship-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, BmbRelationshipPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, BmbRelationshipPanel, empty_page);
  gtk_widget_class_bind_template_child (widget_class, BmbRelationshipPanel, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BmbRelationshipPanel, avatar);
  gtk_widget_class_bind_template_child (widget_class, BmbRelationshipPanel, title_label);
  gtk_widget_class_bind_template_child (widget_class, BmbRelationshipPanel, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, BmbRelationshipPanel, dates_label);
  gtk_widget_class_bind_template_child (widget_class, BmbRelationshipPanel, closure_box);
  gtk_widget_class_bind_template_child (widget_class, BmbRelationshipPanel, closing_group);
  gtk_widget_class_bind_template_child (widget_class, BmbRelationshipPanel, achieved_row);
  gtk_widget_class_bind_template_child (widget_class, BmbRelationshipPanel, thanks_row);
  gtk_widget_class_bind_template_child (widget_class, BmbRelationshipPanel, next_steps_row);
  gtk_widget_class_bind_template_child (widget_class, BmbRelationshipPanel, stepper);
  gtk_widget_class_bind_template_child (widget_class, BmbRelationshipPanel, goals_section);
  gtk_widget_class_bind_template_child (widget_class, BmbRelationshipPanel, next_row);
  gtk_widget_class_bind_template_child (widget_class, BmbRelationshipPanel, next_arrow);
  gtk_widget_class_bind_template_child (widget_class, BmbRelationshipPanel, schedule_button);
  gtk_widget_class_bind_template_child (widget_class, BmbRelationshipPanel, action_items_section);
  gtk_widget_class_bind_template_child (widget_class, BmbRelationshipPanel, timeline_section);
  gtk_widget_class_bind_template_child (widget_class, BmbRelationshipPanel, cadence_row);
  gtk_widget_class_bind_template_child (widget_class, BmbRelationshipPanel, confidentiality_row);
  gtk_widget_class_bind_template_child (widget_class, BmbRelationshipPanel, duration_row);
  gtk_widget_class_bind_template_callback (widget_class, on_section_show_toast_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_next_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stepper_phase_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stepper_closure_requested_cb);

  gtk_widget_class_install_action (widget_class, "panel.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "panel.prepare", NULL, prepare_action);
  gtk_widget_class_install_action (widget_class, "panel.end", NULL, end_action);
  gtk_widget_class_install_action (widget_class, "panel.add-goal", NULL, add_goal_action);
  gtk_widget_class_install_action (widget_class, "panel.schedule", NULL, schedule_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "panel.edit", NULL);
}

static void
bmb_relationship_panel_init (BmbRelationshipPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  bmb_format_watch_clock (self, G_CALLBACK (bmb_relationship_panel_reload));

  show_empty (self);
}

/* ---- Public API --------------------------------------------------------------- */

GtkWidget *
bmb_relationship_panel_new (BmbContext *context)
{
  g_return_val_if_fail (context == NULL || BMB_IS_CONTEXT (context), NULL);

  return g_object_new (BMB_TYPE_RELATIONSHIP_PANEL, "context", context, NULL);
}

BmbDatabase *
bmb_relationship_panel_get_database (BmbRelationshipPanel *self)
{
  g_return_val_if_fail (BMB_IS_RELATIONSHIP_PANEL (self), NULL);

  return self->db;
}

static void
set_database (BmbRelationshipPanel *self,
              BmbDatabase          *db)
{
  g_return_if_fail (BMB_IS_RELATIONSHIP_PANEL (self));
  g_return_if_fail (db == NULL || BMB_IS_DATABASE (db));

  if (self->db == db)
    return;

  /* Goals deleted with a toast still up go now, into the database they came from. */
  bmb_relationship_goals_section_set_goal_store (self->goals_section, NULL);
  bmb_relationship_goals_section_set_undo_queue (self->goals_section, NULL);
  if (self->db != NULL)
    g_signal_handlers_disconnect_by_func (self->db, on_changes_committed_cb, self);
  bmb_relationship_action_items_section_set_store (self->action_items_section, NULL);
  g_clear_object (&self->store);
  g_clear_object (&self->goal_store);
  g_clear_object (&self->checklist_store);

  g_set_object (&self->db, db);

  if (db != NULL)
    {
      self->store = g_object_ref (bmb_context_get_mentoring_store (self->context));
      self->goal_store = g_object_ref (bmb_context_get_goal_store (self->context));
      self->checklist_store = g_object_ref (bmb_context_get_checklist_store (self->context));
      bmb_phase_stepper_set_stores (self->stepper, self->store, self->checklist_store);
      bmb_relationship_goals_section_set_goal_store (self->goals_section, self->goal_store);
      bmb_relationship_goals_section_set_undo_queue (self->goals_section,
                                                     bmb_context_get_undo_queue (self->context));
      bmb_relationship_action_items_section_set_store (self->action_items_section, self->store);
      g_signal_connect_object (db, "changes-committed", G_CALLBACK (on_changes_committed_cb),
                               self, G_CONNECT_SWAPPED);
    }

  bmb_relationship_panel_reload (self);
}

void
bmb_relationship_panel_set_context (BmbRelationshipPanel *self,
                                    BmbContext           *context)
{
  g_return_if_fail (BMB_IS_RELATIONSHIP_PANEL (self));
  g_return_if_fail (context == NULL || BMB_IS_CONTEXT (context));

  if (self->context == context)
    return;

  set_database (self, NULL);
  g_set_object (&self->context, context);
  if (context != NULL)
    set_database (self, bmb_context_get_database (context));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

BmbRelationship *
bmb_relationship_panel_get_relationship (BmbRelationshipPanel *self)
{
  g_return_val_if_fail (BMB_IS_RELATIONSHIP_PANEL (self), NULL);

  return self->relationship;
}

void
bmb_relationship_panel_set_relationship (BmbRelationshipPanel *self,
                                         BmbRelationship      *relationship)
{
  gboolean other;

  g_return_if_fail (BMB_IS_RELATIONSHIP_PANEL (self));
  g_return_if_fail (relationship == NULL || BMB_IS_RELATIONSHIP (relationship));

  if (self->relationship == relationship)
    return;

  other = self->relationship == NULL || relationship == NULL ||
          bmb_relationship_get_id (self->relationship) != bmb_relationship_get_id (relationship);
  /* Another relationship: its goals deleted with a toast still up go now. */
  bmb_relationship_goals_section_set_relationship (self->goals_section, relationship);

  g_set_object (&self->relationship, relationship);
  bmb_relationship_panel_reload (self);

  if (other)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (
                                GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (self->stepper),
                                                                              GTK_TYPE_SCROLLED_WINDOW))),
                              0);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RELATIONSHIP]);
}

void
bmb_relationship_panel_reload (BmbRelationshipPanel *self)
{
  g_return_if_fail (BMB_IS_RELATIONSHIP_PANEL (self));

  refresh_relationship (self, NULL);
}

/* Reads the relationship again; its sections follow @changes (NULL: read
 * them again too). */
static void
refresh_relationship (BmbRelationshipPanel *self,
                      BmbChangeSet         *changes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbRelationship) fresh = NULL;

  if (self->relationship == NULL || self->store == NULL)
    {
      show_empty (self);
      return;
    }

  if (bmb_relationship_get_id (self->relationship) != 0)
    {
      fresh = bmb_mentoring_store_get_relationship (self->store,
                                                    bmb_relationship_get_id (self->relationship),
                                                    &error);
      if (fresh == NULL && g_error_matches (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_NOT_FOUND))
        {
          /* Deleted meanwhile. */
          g_clear_object (&self->relationship);
          show_empty (self);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RELATIONSHIP]);
          g_signal_emit (self, signals[RELATIONSHIP_CHANGED], 0, NULL);
          return;
        }
      if (fresh == NULL)
        {
          bmb_error_dialog_show (GTK_WIDGET (self), _("Could Not Load the Relationship"), error);
          g_clear_error (&error);
        }
      else
        {
          g_set_object (&self->relationship, fresh);
        }
    }

  fill_header (self);
  fill_agreement_and_closure (self);
  bmb_phase_stepper_set_relationship (self->stepper, self->relationship);
  bmb_relationship_goals_section_set_relationship (self->goals_section, self->relationship);
  bmb_relationship_action_items_section_set_relationship (self->action_items_section,
                                                          self->relationship);
  bmb_relationship_timeline_section_show (self->timeline_section, self->store,
                                          bmb_relationship_get_id (self->relationship));

  if (!bmb_relationship_goals_section_apply_changes (self->goals_section, changes, &error) ||
      !bmb_relationship_action_items_section_apply_changes (self->action_items_section, changes,
                                                            &error) ||
      ((changes == NULL || (bmb_change_set_get_kinds (changes) & BMB_CHANGE_SESSIONS)) &&
       !reload_next_session (self, &error)))
    bmb_error_dialog_show (GTK_WIDGET (self), _("Could Not Load the Relationship"), error);

  gtk_stack_set_visible_child_name (self->stack, "relationship");
  update_actions (self);
}

void
bmb_relationship_panel_edit (BmbRelationshipPanel *self)
{
  BmbRelationshipEditor *editor;

  g_return_if_fail (BMB_IS_RELATIONSHIP_PANEL (self));
  g_return_if_fail (self->relationship != NULL && self->store != NULL);

  editor = bmb_relationship_editor_new (self->context, self->relationship);
  gtk_window_set_transient_for (GTK_WINDOW (editor), get_parent_window (self));
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_relationship_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

void
bmb_relationship_panel_prepare_session (BmbRelationshipPanel *self)
{
  BmbPreparationView *view;

  g_return_if_fail (BMB_IS_RELATIONSHIP_PANEL (self));
  g_return_if_fail (self->relationship != NULL && self->db != NULL);

  view = bmb_preparation_view_new (self->context, self->relationship);
  gtk_window_set_transient_for (GTK_WINDOW (view), get_parent_window (self));
  g_signal_connect_object (view, "session-started", G_CALLBACK (on_session_started_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (view));
}

void
bmb_relationship_panel_end_relationship (BmbRelationshipPanel *self)
{
  BmbClosureDialog *dialog;

  g_return_if_fail (BMB_IS_RELATIONSHIP_PANEL (self));
  g_return_if_fail (self->relationship != NULL && self->store != NULL);

  dialog = bmb_closure_dialog_new (self->store, self->relationship);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), get_parent_window (self));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_closure_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
bmb_relationship_panel_edit_goal (BmbRelationshipPanel *self,
                                  BmbGoal              *goal)
{
  g_return_if_fail (BMB_IS_RELATIONSHIP_PANEL (self));
  g_return_if_fail (goal == NULL || BMB_IS_GOAL (goal));
  g_return_if_fail (self->relationship != NULL && self->goal_store != NULL);

  bmb_relationship_goals_section_edit_goal (self->goals_section, goal);
}
