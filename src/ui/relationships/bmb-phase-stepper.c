/* bmb-phase-stepper.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-phase-stepper"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-error-dialog.h"
#include "bmb-checklist-builtins.h"
#include "bmb-phase-stepper.h"

#define N_PHASES 4
#define PHASES_TEMPLATE "mentoring-phases"

struct _BmbPhaseStepper
{
  AdwBin                parent_instance;

  /* template widgets */
  GtkBox               *steps_box;
  GtkToggleButton      *steps[N_PHASES];
  GtkStack             *marks[N_PHASES];
  GtkLabel             *names[N_PHASES];
  GtkLabel             *heading_label;
  GtkLabel             *description_label;
  GtkListBox           *checklist_list;
  GtkBox               *suggestion_box;
  GtkLabel             *suggestion_label;
  GtkButton            *suggestion_button;
  GtkButton            *make_current_button;

  /* owned */
  BmbMentoringStore    *mentoring_store;
  BmbChecklistStore    *checklist_store;
  BmbRelationship      *relationship;
  BmbChecklistTemplate *template;
  BmbAssessment        *assessment;   /* NULL until the first tick */
  GPtrArray            *shown_items;  /* BmbChecklistItem of the viewed phase */
  GPtrArray            *checks;       /* GtkCheckButton, parallel to shown_items */

  /* state */
  BmbRelationshipPhase  viewed_phase;
  gboolean              updating;
  gboolean              compact;       /* numbers only: the names do not fit */
  guint                 compact_idle;
};

/* A flat button's side padding and border, beside its label. */
#define STEP_PADDING 12

G_DEFINE_FINAL_TYPE (BmbPhaseStepper, bmb_phase_stepper, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_RELATIONSHIP,
  PROP_VIEWED_PHASE,
  N_PROPS
};

enum {
  PHASE_CHANGED,
  CLOSURE_REQUESTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ---- Helpers ---------------------------------------------------------------- */


static gboolean
ensure_template (BmbPhaseStepper  *self,
                 GError          **error)
{
  g_autoptr(GError) local_error = NULL;

  if (self->template != NULL)
    return TRUE;

  self->template = bmb_checklist_store_get_builtin (self->checklist_store, PHASES_TEMPLATE,
                                                    &local_error);
  if (self->template != NULL)
    return TRUE;

  /* A database nobody has synchronised the built-ins into yet. */
  if (!g_error_matches (local_error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (!bmb_checklist_store_sync_builtins (self->checklist_store, error))
    return FALSE;

  self->template = bmb_checklist_store_get_builtin (self->checklist_store, PHASES_TEMPLATE,
                                                    error);

  return self->template != NULL;
}

/* The relationship's draft of the phases checklist, if there is one. */
static gboolean
load_assessment (BmbPhaseStepper  *self,
                 GError          **error)
{
  g_autoptr(GPtrArray) assessments = NULL;
  gint64 template_id = bmb_checklist_template_get_id (self->template);

  g_clear_object (&self->assessment);

  assessments = bmb_checklist_store_list_for_relationship (self->checklist_store,
                                                           bmb_relationship_get_id (self->relationship),
                                                           error);
  if (assessments == NULL)
    return FALSE;

  /* Newest first: the first draft of the template is the one we keep ticking. */
  for (guint i = 0; i < assessments->len; i++)
    {
      BmbAssessment *assessment = g_ptr_array_index (assessments, i);

      if (bmb_assessment_get_template_id (assessment) == template_id &&
          !bmb_assessment_is_complete (assessment))
        {
          self->assessment = g_object_ref (assessment);
          break;
        }
    }

  return TRUE;
}

/* Items of @phase in template order, borrowed. */
static GPtrArray *
list_phase_items (BmbPhaseStepper      *self,
                  BmbRelationshipPhase  phase)
{
  GPtrArray *items = g_ptr_array_new ();
  const char *section = bmb_relationship_phase_to_string (phase);

  if (self->template == NULL)
    return items;

  for (guint i = 0; i < bmb_checklist_template_get_n_items (self->template); i++)
    {
      BmbChecklistItem *item = bmb_checklist_template_get_item (self->template, i);

      if (g_strcmp0 (bmb_checklist_item_get_section (item), section) == 0)
        g_ptr_array_add (items, item);
    }

  return items;
}

static gboolean
is_ticked (BmbPhaseStepper  *self,
           BmbChecklistItem *item)
{
  return self->assessment != NULL &&
         bmb_assessment_get_value (self->assessment, bmb_checklist_item_get_id (item)) == 1;
}

static gboolean
phase_is_complete (BmbPhaseStepper      *self,
                   BmbRelationshipPhase  phase)
{
  g_autoptr(GPtrArray) items = list_phase_items (self, phase);

  if (items->len == 0)
    return FALSE;

  for (guint i = 0; i < items->len; i++)
    if (!is_ticked (self, g_ptr_array_index (items, i)))
      return FALSE;

  return TRUE;
}

static void
update_steps (BmbPhaseStepper *self)
{
  BmbRelationshipPhase current = BMB_RELATIONSHIP_PHASE_PREPARATION;
  gboolean ended = FALSE;

  if (self->relationship != NULL)
    {
      current = bmb_relationship_get_phase (self->relationship);
      ended = bmb_relationship_is_ended (self->relationship);
    }

  self->updating = TRUE;

  for (guint i = 0; i < N_PHASES; i++)
    {
      GtkWidget *step = GTK_WIDGET (self->steps[i]);
      gboolean done = i < current || (ended && i == current);
      g_autofree char *label = NULL;
      const char *state;

      gtk_label_set_label (self->names[i], bmb_relationship_phase_get_label (i));
      gtk_stack_set_visible_child_name (self->marks[i], done ? "done" : "number");
      gtk_toggle_button_set_active (self->steps[i], i == self->viewed_phase);

      if (i == current && !ended)
        {
          gtk_widget_add_css_class (step, "suggested-action");
          gtk_widget_remove_css_class (step, "flat");
          gtk_widget_remove_css_class (step, "dim-label");
          /* Translators: the state of a mentoring phase, read by screen readers */
          state = _("current phase");
        }
      else
        {
          gtk_widget_remove_css_class (step, "suggested-action");
          gtk_widget_add_css_class (step, "flat");
          if (done)
            {
              gtk_widget_remove_css_class (step, "dim-label");
              /* Translators: the state of a mentoring phase, read by screen readers */
              state = _("done");
            }
          else
            {
              gtk_widget_add_css_class (step, "dim-label");
              /* Translators: the state of a mentoring phase, read by screen readers */
              state = _("still to come");
            }
        }

      /* Translators: accessible name of a step: "Step 2 of 4: Negotiation, current phase" */
      label = g_strdup_printf (_("Step %u of %u: %s, %s"), i + 1, N_PHASES,
                               bmb_relationship_phase_get_label (i), state);
      gtk_accessible_update_property (GTK_ACCESSIBLE (step),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      bmb_relationship_phase_get_description (i),
                                      -1);
      gtk_widget_set_tooltip_text (step, bmb_relationship_phase_get_description (i));
    }

  self->updating = FALSE;
}

static void
update_suggestion (BmbPhaseStepper *self)
{
  BmbRelationshipPhase current;
  gboolean ended;
  gboolean complete;

  if (self->relationship == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->suggestion_box), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->make_current_button), FALSE);
      return;
    }

  current = bmb_relationship_get_phase (self->relationship);
  ended = bmb_relationship_is_ended (self->relationship);
  complete = !ended && phase_is_complete (self, current);

  if (complete && current < BMB_RELATIONSHIP_PHASE_CLOSURE)
    {
      g_autofree char *text = NULL;
      g_autofree char *button = NULL;

      /* Translators: %s is a phase, "Preparation" */
      text = g_strdup_printf (_("Everything in “%s” is done. Ready for the next phase?"),
                              bmb_relationship_phase_get_label (current));
      /* Translators: a button; %s is the next phase, "Move to Negotiation" */
      button = g_strdup_printf (_("Move to %s"), bmb_relationship_phase_get_label (current + 1));
      gtk_label_set_label (self->suggestion_label, text);
      gtk_button_set_label (self->suggestion_button, button);
    }
  else if (complete)
    {
      gtk_label_set_label (self->suggestion_label,
                           _("You have looked back, celebrated and said thanks. "
                             "Write the closing summary to end the relationship."));
      gtk_button_set_label (self->suggestion_button, _("Write _Closing Summary"));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->suggestion_box), complete);

  /* Viewing another phase: offer to make it the current one (phases may be revisited). */
  if (!ended && self->viewed_phase != current)
    {
      g_autofree char *label = NULL;

      if (self->viewed_phase < current)
        /* Translators: a button; %s is an earlier phase, "Go Back to Preparation" */
        label = g_strdup_printf (_("Go Back to %s"),
                                 bmb_relationship_phase_get_label (self->viewed_phase));
      else
        /* Translators: a button; %s is a later phase, "Move to Closure" */
        label = g_strdup_printf (_("Move to %s"),
                                 bmb_relationship_phase_get_label (self->viewed_phase));
      gtk_button_set_label (self->make_current_button, label);
      gtk_widget_set_visible (GTK_WIDGET (self->make_current_button), TRUE);
    }
  else
    {
      gtk_widget_set_visible (GTK_WIDGET (self->make_current_button), FALSE);
    }
}

static void on_check_toggled_cb (BmbPhaseStepper *self,
                                 GtkCheckButton  *check);

static void
rebuild_checklist (BmbPhaseStepper *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->checklist_list))))
    gtk_list_box_remove (self->checklist_list, child);
  g_ptr_array_set_size (self->checks, 0);
  g_clear_pointer (&self->shown_items, g_ptr_array_unref);

  gtk_label_set_label (self->heading_label,
                       bmb_relationship_phase_get_label (self->viewed_phase));
  gtk_label_set_label (self->description_label,
                       bmb_relationship_phase_get_description (self->viewed_phase));

  self->shown_items = list_phase_items (self, self->viewed_phase);
  gtk_widget_set_visible (GTK_WIDGET (self->checklist_list), self->shown_items->len > 0);

  for (guint i = 0; i < self->shown_items->len; i++)
    {
      BmbChecklistItem *item = g_ptr_array_index (self->shown_items, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), bmb_checklist_item_get_title (item));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), bmb_checklist_item_get_explanation (item));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), is_ticked (self, item));
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      bmb_checklist_item_get_title (item),
                                      -1);
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_check_toggled_cb), self,
                               G_CONNECT_SWAPPED);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_list_box_append (self->checklist_list, row);
      g_ptr_array_add (self->checks, check);
    }
}

static void
reload (BmbPhaseStepper *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->assessment);

  if (self->relationship != NULL && self->checklist_store != NULL)
    {
      if (!ensure_template (self, &error))
        g_clear_object (&self->template);
      else if (!load_assessment (self, &error))
        g_clear_object (&self->assessment);
    }

  update_steps (self);
  rebuild_checklist (self);
  update_suggestion (self);

  if (error != NULL)
    {
      /* Still show the steps; say in place of the checklist what went wrong. */
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("The checklist of this phase could not be loaded"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), error->message);
      gtk_widget_add_css_class (row, "error");
      gtk_list_box_append (self->checklist_list, row);
      gtk_widget_set_visible (GTK_WIDGET (self->checklist_list), TRUE);
    }
}

/* ---- Callbacks ---------------------------------------------------------------- */

static void
on_check_toggled_cb (BmbPhaseStepper *self,
                     GtkCheckButton  *check)
{
  g_autoptr(GError) error = NULL;
  BmbChecklistItem *item = NULL;
  gboolean active = gtk_check_button_get_active (check);

  for (guint i = 0; i < self->checks->len; i++)
    if (g_ptr_array_index (self->checks, i) == (gpointer)check)
      item = g_ptr_array_index (self->shown_items, i);

  g_return_if_fail (item != NULL);

  if (self->assessment == NULL)
    {
      if (!active)
        return;

      self->assessment = bmb_checklist_store_start_assessment (self->checklist_store,
                                                               bmb_checklist_template_get_id (self->template),
                                                               bmb_relationship_get_id (self->relationship),
                                                               &error);
    }

  if (self->assessment == NULL ||
      !bmb_checklist_store_set_answer (self->checklist_store, self->assessment,
                                       bmb_checklist_item_get_id (item),
                                       active ? 1 : BMB_ANSWER_NONE,
                                       bmb_assessment_get_note (self->assessment,
                                                                bmb_checklist_item_get_id (item)),
                                       &error))
    {
      bmb_error_dialog_show (GTK_WIDGET (self), _("Could Not Save the Tick"), error);
      g_signal_handlers_block_by_func (check, on_check_toggled_cb, self);
      gtk_check_button_set_active (check, !active);
      g_signal_handlers_unblock_by_func (check, on_check_toggled_cb, self);
      return;
    }

  update_steps (self);
  update_suggestion (self);
}

static void
on_step_toggled_cb (BmbPhaseStepper *self,
                    GtkToggleButton *button)
{
  if (self->updating || !gtk_toggle_button_get_active (button))
    return;

  for (guint i = 0; i < N_PHASES; i++)
    if (self->steps[i] == button)
      bmb_phase_stepper_set_viewed_phase (self, i);
}

static void
on_suggestion_clicked_cb (BmbPhaseStepper *self)
{
  g_autoptr(GError) error = NULL;
  BmbRelationshipPhase current;

  g_return_if_fail (self->relationship != NULL);

  current = bmb_relationship_get_phase (self->relationship);
  if (current == BMB_RELATIONSHIP_PHASE_CLOSURE)
    {
      g_signal_emit (self, signals[CLOSURE_REQUESTED], 0);
      return;
    }

  if (!bmb_phase_stepper_move_to_phase (self, current + 1, &error))
    bmb_error_dialog_show (GTK_WIDGET (self), _("Could Not Change the Phase"), error);
}

static void
on_make_current_clicked_cb (BmbPhaseStepper *self)
{
  g_autoptr(GError) error = NULL;

  if (!bmb_phase_stepper_move_to_phase (self, self->viewed_phase, &error))
    bmb_error_dialog_show (GTK_WIDGET (self), _("Could Not Change the Phase"), error);
}

static void
on_relationship_notify_cb (BmbPhaseStepper *self)
{
  update_steps (self);
  update_suggestion (self);
}

/* ---- GObject ------------------------------------------------------------------ */

/* ---- Width ------------------------------------------------------------------ */

/* The width the four steps need to show every name whole: the longest word of
 * any name sets the width of each (homogeneous) step. */
static int
full_steps_width (BmbPhaseStepper *self)
{
  int widest = 0;

  for (guint i = 0; i < N_PHASES; i++)
    {
      g_autoptr(PangoLayout) layout =
        gtk_widget_create_pango_layout (GTK_WIDGET (self->names[i]),
                                        gtk_label_get_label (self->names[i]));
      int width;

      pango_layout_set_width (layout, 1);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
      pango_layout_get_pixel_size (layout, &width, NULL);
      widest = MAX (widest, width);
    }

  return N_PHASES * (widest + 2 * STEP_PADDING) +
         (N_PHASES - 1) * gtk_box_get_spacing (self->steps_box);
}

static gboolean
apply_compact_cb (gpointer user_data)
{
  BmbPhaseStepper *self = user_data;

  self->compact_idle = 0;
  for (guint i = 0; i < N_PHASES; i++)
    gtk_widget_set_visible (GTK_WIDGET (self->names[i]), !self->compact);

  return G_SOURCE_REMOVE;
}

/* Labels cannot change while GTK allocates: the switch waits for an idle. */
static void
on_width_probe_resize_cb (BmbPhaseStepper *self,
                          int              width)
{
  gboolean compact = width < full_steps_width (self);

  if (compact == self->compact)
    return;

  self->compact = compact;
  if (self->compact_idle == 0)
    self->compact_idle = g_idle_add (apply_compact_cb, self);
}

gboolean
bmb_phase_stepper_get_compact (BmbPhaseStepper *self)
{
  g_return_val_if_fail (BMB_IS_PHASE_STEPPER (self), FALSE);

  return self->compact;
}

static void
bmb_phase_stepper_dispose (GObject *object)
{
  BmbPhaseStepper *self = (BmbPhaseStepper *)object;

  /* AdwBin unparents its child itself: no gtk_widget_dispose_template() here. */
  g_clear_handle_id (&self->compact_idle, g_source_remove);
  if (self->relationship != NULL)
    g_signal_handlers_disconnect_by_func (self->relationship, on_relationship_notify_cb, self);
  g_clear_object (&self->relationship);
  g_clear_object (&self->assessment);
  g_clear_object (&self->template);
  g_clear_object (&self->mentoring_store);
  g_clear_object (&self->checklist_store);
  g_clear_pointer (&self->shown_items, g_ptr_array_unref);
  g_clear_pointer (&self->checks, g_ptr_array_unref);

  G_OBJECT_CLASS (bmb_phase_stepper_parent_class)->dispose (object);
}

static void
bmb_phase_stepper_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  BmbPhaseStepper *self = BMB_PHASE_STEPPER (object);

  switch (prop_id)
    {
    case PROP_RELATIONSHIP:
      g_value_set_object (value, self->relationship);
      break;

    case PROP_VIEWED_PHASE:
      g_value_set_enum (value, self->viewed_phase);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_phase_stepper_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  BmbPhaseStepper *self = BMB_PHASE_STEPPER (object);

  switch (prop_id)
    {
    case PROP_RELATIONSHIP:
      bmb_phase_stepper_set_relationship (self, g_value_get_object (value));
      break;

    case PROP_VIEWED_PHASE:
      bmb_phase_stepper_set_viewed_phase (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_phase_stepper_class_init (BmbPhaseStepperClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bmb_phase_stepper_dispose;
  object_class->get_property = bmb_phase_stepper_get_property;
  object_class->set_property = bmb_phase_stepper_set_property;

  properties[PROP_RELATIONSHIP] =
    g_param_spec_object ("relationship", NULL, NULL,
                         BMB_TYPE_RELATIONSHIP,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_VIEWED_PHASE] =
    g_param_spec_enum ("viewed-phase", NULL, NULL,
                       BMB_TYPE_RELATIONSHIP_PHASE,
                       BMB_RELATIONSHIP_PHASE_PREPARATION,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[PHASE_CHANGED] =
    g_signal_new ("phase-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, BMB_TYPE_RELATIONSHIP_PHASE);
  signals[CLOSURE_REQUESTED] =
    g_signal_new ("closure-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/bmb-phase-stepper.ui");
  gtk_widget_class_bind_template_child (widget_class, BmbPhaseStepper, steps_box);
  gtk_widget_class_bind_template_child_full (widget_class, "step_preparation", FALSE,
                                             G_STRUCT_OFFSET (BmbPhaseStepper, steps[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "step_negotiation", FALSE,
                                             G_STRUCT_OFFSET (BmbPhaseStepper, steps[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "step_enabling", FALSE,
                                             G_STRUCT_OFFSET (BmbPhaseStepper, steps[2]));
  gtk_widget_class_bind_template_child_full (widget_class, "step_closure", FALSE,
                                             G_STRUCT_OFFSET (BmbPhaseStepper, steps[3]));
  gtk_widget_class_bind_template_child_full (widget_class, "mark_preparation", FALSE,
                                             G_STRUCT_OFFSET (BmbPhaseStepper, marks[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "mark_negotiation", FALSE,
                                             G_STRUCT_OFFSET (BmbPhaseStepper, marks[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "mark_enabling", FALSE,
                                             G_STRUCT_OFFSET (BmbPhaseStepper, marks[2]));
  gtk_widget_class_bind_template_child_full (widget_class, "mark_closure", FALSE,
                                             G_STRUCT_OFFSET (BmbPhaseStepper, marks[3]));
  gtk_widget_class_bind_template_child_full (widget_class, "name_preparation", FALSE,
                                             G_STRUCT_OFFSET (BmbPhaseStepper, names[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "name_negotiation", FALSE,
                                             G_STRUCT_OFFSET (BmbPhaseStepper, names[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "name_enabling", FALSE,
                                             G_STRUCT_OFFSET (BmbPhaseStepper, names[2]));
  gtk_widget_class_bind_template_child_full (widget_class, "name_closure", FALSE,
                                             G_STRUCT_OFFSET (BmbPhaseStepper, names[3]));
  gtk_widget_class_bind_template_child (widget_class, BmbPhaseStepper, heading_label);
  gtk_widget_class_bind_template_child (widget_class, BmbPhaseStepper, description_label);
  gtk_widget_class_bind_template_child (widget_class, BmbPhaseStepper, checklist_list);
  gtk_widget_class_bind_template_child (widget_class, BmbPhaseStepper, suggestion_box);
  gtk_widget_class_bind_template_child (widget_class, BmbPhaseStepper, suggestion_label);
  gtk_widget_class_bind_template_child (widget_class, BmbPhaseStepper, suggestion_button);
  gtk_widget_class_bind_template_child (widget_class, BmbPhaseStepper, make_current_button);
  gtk_widget_class_bind_template_callback (widget_class, on_step_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_suggestion_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_make_current_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_width_probe_resize_cb);

  gtk_widget_class_set_css_name (widget_class, "phasestepper");
}

static void
bmb_phase_stepper_init (BmbPhaseStepper *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->checks = g_ptr_array_new ();
  update_steps (self);
  rebuild_checklist (self);
}

/* ---- Public API --------------------------------------------------------------- */

GtkWidget *
bmb_phase_stepper_new (void)
{
  return g_object_new (BMB_TYPE_PHASE_STEPPER, NULL);
}

void
bmb_phase_stepper_set_stores (BmbPhaseStepper   *self,
                              BmbMentoringStore *mentoring_store,
                              BmbChecklistStore *checklist_store)
{
  g_return_if_fail (BMB_IS_PHASE_STEPPER (self));
  g_return_if_fail (BMB_IS_MENTORING_STORE (mentoring_store));
  g_return_if_fail (BMB_IS_CHECKLIST_STORE (checklist_store));

  g_set_object (&self->mentoring_store, mentoring_store);
  if (g_set_object (&self->checklist_store, checklist_store))
    {
      g_clear_object (&self->template);
      reload (self);
    }
}

BmbRelationship *
bmb_phase_stepper_get_relationship (BmbPhaseStepper *self)
{
  g_return_val_if_fail (BMB_IS_PHASE_STEPPER (self), NULL);

  return self->relationship;
}

void
bmb_phase_stepper_set_relationship (BmbPhaseStepper *self,
                                    BmbRelationship *relationship)
{
  gboolean same_id;

  g_return_if_fail (BMB_IS_PHASE_STEPPER (self));
  g_return_if_fail (relationship == NULL || BMB_IS_RELATIONSHIP (relationship));

  if (self->relationship == relationship)
    return;

  same_id = self->relationship != NULL && relationship != NULL &&
            bmb_relationship_get_id (self->relationship) == bmb_relationship_get_id (relationship);

  if (self->relationship != NULL)
    g_signal_handlers_disconnect_by_func (self->relationship, on_relationship_notify_cb, self);

  g_set_object (&self->relationship, relationship);

  if (self->relationship != NULL)
    g_signal_connect_object (self->relationship, "notify::phase",
                             G_CALLBACK (on_relationship_notify_cb), self, G_CONNECT_SWAPPED);

  if (same_id)
    {
      /* A fresh copy of the same relationship: keep the ticks, the step on
       * show and the keyboard focus. */
      update_steps (self);
      update_suggestion (self);
    }
  else
    {
      self->viewed_phase = relationship ? bmb_relationship_get_phase (relationship)
                                        : BMB_RELATIONSHIP_PHASE_PREPARATION;
      reload (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEWED_PHASE]);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RELATIONSHIP]);
}

BmbRelationshipPhase
bmb_phase_stepper_get_viewed_phase (BmbPhaseStepper *self)
{
  g_return_val_if_fail (BMB_IS_PHASE_STEPPER (self), BMB_RELATIONSHIP_PHASE_PREPARATION);

  return self->viewed_phase;
}

void
bmb_phase_stepper_set_viewed_phase (BmbPhaseStepper      *self,
                                    BmbRelationshipPhase  phase)
{
  g_return_if_fail (BMB_IS_PHASE_STEPPER (self));
  g_return_if_fail (phase < N_PHASES);

  if (self->viewed_phase == phase)
    return;

  self->viewed_phase = phase;
  update_steps (self);
  rebuild_checklist (self);
  update_suggestion (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEWED_PHASE]);
}

gboolean
bmb_phase_stepper_is_phase_complete (BmbPhaseStepper *self)
{
  g_return_val_if_fail (BMB_IS_PHASE_STEPPER (self), FALSE);

  return self->relationship != NULL &&
         phase_is_complete (self, bmb_relationship_get_phase (self->relationship));
}

gboolean
bmb_phase_stepper_move_to_phase (BmbPhaseStepper       *self,
                                 BmbRelationshipPhase   phase,
                                 GError               **error)
{
  BmbRelationshipPhase old_phase;

  g_return_val_if_fail (BMB_IS_PHASE_STEPPER (self), FALSE);
  g_return_val_if_fail (phase < N_PHASES, FALSE);
  g_return_val_if_fail (self->relationship != NULL, FALSE);
  g_return_val_if_fail (self->mentoring_store != NULL, FALSE);

  old_phase = bmb_relationship_get_phase (self->relationship);
  if (old_phase == phase)
    return TRUE;

  bmb_relationship_set_phase (self->relationship, phase);
  if (!bmb_mentoring_store_save_relationship (self->mentoring_store, self->relationship, error))
    {
      bmb_relationship_set_phase (self->relationship, old_phase);
      return FALSE;
    }

  /* Show the new phase's checklist. */
  bmb_phase_stepper_set_viewed_phase (self, phase);
  update_steps (self);
  update_suggestion (self);
  g_signal_emit (self, signals[PHASE_CHANGED], 0, phase);

  return TRUE;
}
