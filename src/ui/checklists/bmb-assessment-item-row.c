/* bmb-assessment-item-row.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-assessment-item-row"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-assessment-item-row.h"
#include "bmb-assessment.h"

struct _BmbAssessmentItemRow
{
  GtkListBoxRow     parent_instance;

  /* template widgets */
  GtkLabel         *title_label;
  GtkLabel         *explanation_label;
  GtkBox           *choices_box;
  GtkToggleButton  *note_button;
  GtkLabel         *meaning_label;
  GtkEntry         *note_entry;

  /* owned */
  BmbChecklistItem *item;
  GPtrArray        *choices;      /* GtkToggleButton, index = value − first value */

  /* state */
  BmbAnswerKind     kind;
  int               value;
  guint             note_timeout_id;
  gboolean          updating;
};

G_DEFINE_FINAL_TYPE (BmbAssessmentItemRow, bmb_assessment_item_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_ITEM,
  PROP_KIND,
  PROP_VALUE,
  N_PROPS
};

enum {
  ANSWER_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Note edits are saved after this pause in typing. */
#define NOTE_SAVE_DELAY_MS 400

static const char * const rating_meanings[] = {
  /* Translators: the meanings of the ratings 1 to 5 of a checklist item:
   * how often you show this quality, from "not yet" to "consistently" */
  N_("Not yet"),
  /* Translators: rating 2 of 5 of a checklist item */
  N_("Rarely"),
  /* Translators: rating 3 of 5 of a checklist item */
  N_("Sometimes"),
  /* Translators: rating 4 of 5 of a checklist item */
  N_("Often"),
  /* Translators: rating 5 of 5 of a checklist item */
  N_("Consistently"),
};

const char *
bmb_assessment_item_row_get_rating_meaning (int value)
{
  g_return_val_if_fail (value >= 1 && value <= 5, NULL);

  return _(rating_meanings[value - 1]);
}

static int
first_value (BmbAnswerKind kind)
{
  return kind == BMB_ANSWER_KIND_RATING ? 1 : 0;
}

static void
emit_answer_changed (BmbAssessmentItemRow *self)
{
  g_clear_handle_id (&self->note_timeout_id, g_source_remove);
  g_signal_emit (self, signals[ANSWER_CHANGED], 0);
}

/* Beside the rating buttons, what the chosen one means ("4 · Often"). */
static void
update_meaning (BmbAssessmentItemRow *self)
{
  g_autofree char *text = NULL;

  if (self->kind == BMB_ANSWER_KIND_RATING && self->value >= 1 && self->value <= 5)
    /* Translators: beside the rating buttons: the chosen rating and its meaning, “4 · Often” */
    text = g_strdup_printf (C_("rating", "%d · %s"), self->value,
                            _(rating_meanings[self->value - 1]));

  gtk_label_set_label (self->meaning_label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->meaning_label), text != NULL);
}

static void
sync_choices (BmbAssessmentItemRow *self)
{
  int first = first_value (self->kind);

  self->updating = TRUE;
  for (guint i = 0; i < self->choices->len; i++)
    gtk_toggle_button_set_active (g_ptr_array_index (self->choices, i),
                                  self->value == first + (int) i);
  self->updating = FALSE;
  update_meaning (self);
}

static void
set_value (BmbAssessmentItemRow *self,
           int                   value,
           gboolean              from_user)
{
  if (value != BMB_ANSWER_NONE && !bmb_answer_kind_is_valid_value (self->kind, value))
    return;

  if (self->value == value)
    return;

  self->value = value;
  sync_choices (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);

  if (from_user)
    emit_answer_changed (self);
}

static void
on_choice_toggled_cb (GtkToggleButton      *button,
                      BmbAssessmentItemRow *self)
{
  guint index;

  if (self->updating || !gtk_toggle_button_get_active (button))
    return;

  if (g_ptr_array_find (self->choices, button, &index))
    set_value (self, first_value (self->kind) + (int) index, TRUE);
}

static GtkWidget *
add_choice (BmbAssessmentItemRow *self,
            const char           *label,
            const char           *description)
{
  GtkWidget *button = gtk_toggle_button_new_with_label (label);

  if (self->choices->len > 0)
    gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button),
                                 g_ptr_array_index (self->choices, 0));
  gtk_widget_set_tooltip_text (button, description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  g_signal_connect_object (button, "toggled", G_CALLBACK (on_choice_toggled_cb), self, 0);
  gtk_box_append (self->choices_box, button);
  g_ptr_array_add (self->choices, button);

  return button;
}

static void
build_choices (BmbAssessmentItemRow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->choices_box))))
    gtk_box_remove (self->choices_box, child);
  g_ptr_array_set_size (self->choices, 0);

  if (self->kind == BMB_ANSWER_KIND_RATING)
    {
      for (int v = 1; v <= 5; v++)
        {
          g_autofree char *label = g_strdup_printf ("%d", v);
          /* Translators: tooltip of a rating button; “4: Mostly (press 4)” */
          g_autofree char *description = g_strdup_printf (_("%d: %s (press %d)"), v,
                                                          _(rating_meanings[v - 1]), v);
          GtkWidget *button = add_choice (self, label, description);

          gtk_widget_add_css_class (button, "rating-choice");
        }
    }
  else
    {
      /* Order the buttons Yes, No; values are 1 and 0. */
      /* Translators: the answer buttons of a yes/no checklist item */
      add_choice (self, _("No"), _("No (press N)"));
      /* Translators: the answer buttons of a yes/no checklist item */
      add_choice (self, _("Yes"), _("Yes (press Y)"));
      gtk_box_reorder_child_after (self->choices_box,
                                   g_ptr_array_index (self->choices, 0),
                                   g_ptr_array_index (self->choices, 1));
    }

  sync_choices (self);
}

static void
update_item (BmbAssessmentItemRow *self)
{
  const char *title = self->item ? bmb_checklist_item_get_title (self->item) : "";
  const char *explanation = self->item ? bmb_checklist_item_get_explanation (self->item) : "";

  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->explanation_label, explanation);
  gtk_widget_set_visible (GTK_WIDGET (self->explanation_label), explanation[0] != '\0');

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, explanation,
                                  -1);
}

static gboolean
on_note_timeout_cb (gpointer data)
{
  BmbAssessmentItemRow *self = data;

  self->note_timeout_id = 0;
  g_signal_emit (self, signals[ANSWER_CHANGED], 0);

  return G_SOURCE_REMOVE;
}

static void
on_note_entry_changed_cb (BmbAssessmentItemRow *self)
{
  if (self->updating)
    return;

  g_clear_handle_id (&self->note_timeout_id, g_source_remove);
  self->note_timeout_id = g_timeout_add (NOTE_SAVE_DELAY_MS, on_note_timeout_cb, self);
}

/* Opening the note puts the cursor in it. */
static void
on_note_button_toggled_cb (BmbAssessmentItemRow *self)
{
  /* ::toggled comes before the binding shows the entry: show it first. */
  gtk_widget_set_visible (GTK_WIDGET (self->note_entry),
                          gtk_toggle_button_get_active (self->note_button));
  if (!self->updating && gtk_toggle_button_get_active (self->note_button))
    gtk_widget_grab_focus (GTK_WIDGET (self->note_entry));
}

static void
on_note_entry_activate_cb (BmbAssessmentItemRow *self)
{
  bmb_assessment_item_row_flush (self);
}

/* After an answer by key, the next item gets the focus, as in a survey. */
static void
answer_by_key (BmbAssessmentItemRow *self,
               int                   value)
{
  GtkWidget *next = gtk_widget_get_next_sibling (GTK_WIDGET (self));

  bmb_assessment_item_row_choose (self, value);

  if (GTK_IS_LIST_BOX_ROW (next) && gtk_widget_get_visible (next))
    gtk_widget_grab_focus (next);
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   BmbAssessmentItemRow  *self)
{
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK))
    return GDK_EVENT_PROPAGATE;

  if (self->kind == BMB_ANSWER_KIND_RATING)
    {
      int value = -1;

      if (keyval >= GDK_KEY_1 && keyval <= GDK_KEY_5)
        value = keyval - GDK_KEY_0;
      else if (keyval >= GDK_KEY_KP_1 && keyval <= GDK_KEY_KP_5)
        value = keyval - GDK_KEY_KP_0;

      if (value > 0)
        {
          answer_by_key (self, value);
          return GDK_EVENT_STOP;
        }
    }
  else
    {
      switch (gdk_keyval_to_lower (keyval))
        {
        case GDK_KEY_y:
          answer_by_key (self, 1);
          return GDK_EVENT_STOP;

        case GDK_KEY_n:
          answer_by_key (self, 0);
          return GDK_EVENT_STOP;

        default:
          break;
        }
    }

  if (keyval == GDK_KEY_Delete || keyval == GDK_KEY_BackSpace)
    {
      bmb_assessment_item_row_choose (self, BMB_ANSWER_NONE);
      return GDK_EVENT_STOP;
    }

  return GDK_EVENT_PROPAGATE;
}

static void
bmb_assessment_item_row_unmap (GtkWidget *widget)
{
  /* Closing the window must not lose a note being typed. */
  bmb_assessment_item_row_flush (BMB_ASSESSMENT_ITEM_ROW (widget));

  GTK_WIDGET_CLASS (bmb_assessment_item_row_parent_class)->unmap (widget);
}

static void
bmb_assessment_item_row_dispose (GObject *object)
{
  BmbAssessmentItemRow *self = (BmbAssessmentItemRow *)object;

  g_clear_handle_id (&self->note_timeout_id, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), BMB_TYPE_ASSESSMENT_ITEM_ROW);

  g_clear_object (&self->item);

  G_OBJECT_CLASS (bmb_assessment_item_row_parent_class)->dispose (object);
}

static void
bmb_assessment_item_row_finalize (GObject *object)
{
  BmbAssessmentItemRow *self = (BmbAssessmentItemRow *)object;

  g_clear_pointer (&self->choices, g_ptr_array_unref);

  G_OBJECT_CLASS (bmb_assessment_item_row_parent_class)->finalize (object);
}

static void
bmb_assessment_item_row_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  BmbAssessmentItemRow *self = BMB_ASSESSMENT_ITEM_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_VALUE:
      g_value_set_int (value, self->value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_assessment_item_row_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  BmbAssessmentItemRow *self = BMB_ASSESSMENT_ITEM_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      if (g_set_object (&self->item, g_value_get_object (value)))
        {
          update_item (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_KIND:
      if (self->kind != (BmbAnswerKind) g_value_get_enum (value))
        {
          self->kind = g_value_get_enum (value);
          self->value = BMB_ANSWER_NONE;
          build_choices (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_VALUE:
      set_value (self, g_value_get_int (value), FALSE);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_assessment_item_row_class_init (BmbAssessmentItemRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bmb_assessment_item_row_dispose;
  object_class->finalize = bmb_assessment_item_row_finalize;
  object_class->get_property = bmb_assessment_item_row_get_property;
  object_class->set_property = bmb_assessment_item_row_set_property;

  widget_class->unmap = bmb_assessment_item_row_unmap;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         BMB_TYPE_CHECKLIST_ITEM,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       BMB_TYPE_ANSWER_KIND, BMB_ANSWER_KIND_YES_NO,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_VALUE] =
    g_param_spec_int ("value", NULL, NULL,
                      BMB_ANSWER_NONE, 5, BMB_ANSWER_NONE,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ANSWER_CHANGED] =
    g_signal_new ("answer-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/bmb-assessment-item-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BmbAssessmentItemRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, BmbAssessmentItemRow, explanation_label);
  gtk_widget_class_bind_template_child (widget_class, BmbAssessmentItemRow, choices_box);
  gtk_widget_class_bind_template_child (widget_class, BmbAssessmentItemRow, note_button);
  gtk_widget_class_bind_template_child (widget_class, BmbAssessmentItemRow, meaning_label);
  gtk_widget_class_bind_template_child (widget_class, BmbAssessmentItemRow, note_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_note_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_note_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_note_button_toggled_cb);
}

static void
bmb_assessment_item_row_init (BmbAssessmentItemRow *self)
{
  GtkEventController *keys;

  self->choices = g_ptr_array_new ();
  self->kind = BMB_ANSWER_KIND_YES_NO;
  self->value = BMB_ANSWER_NONE;

  gtk_widget_init_template (GTK_WIDGET (self));
  build_choices (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->note_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add a Note"),
                                  -1);

  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

GtkWidget *
bmb_assessment_item_row_new (BmbChecklistItem *item,
                             BmbAnswerKind     kind)
{
  g_return_val_if_fail (BMB_IS_CHECKLIST_ITEM (item), NULL);

  return g_object_new (BMB_TYPE_ASSESSMENT_ITEM_ROW,
                       "item", item,
                       "kind", kind,
                       NULL);
}

BmbChecklistItem *
bmb_assessment_item_row_get_item (BmbAssessmentItemRow *self)
{
  g_return_val_if_fail (BMB_IS_ASSESSMENT_ITEM_ROW (self), NULL);

  return self->item;
}

BmbAnswerKind
bmb_assessment_item_row_get_kind (BmbAssessmentItemRow *self)
{
  g_return_val_if_fail (BMB_IS_ASSESSMENT_ITEM_ROW (self), BMB_ANSWER_KIND_YES_NO);

  return self->kind;
}

int
bmb_assessment_item_row_get_value (BmbAssessmentItemRow *self)
{
  g_return_val_if_fail (BMB_IS_ASSESSMENT_ITEM_ROW (self), BMB_ANSWER_NONE);

  return self->value;
}

const char *
bmb_assessment_item_row_get_note (BmbAssessmentItemRow *self)
{
  const char *text;

  g_return_val_if_fail (BMB_IS_ASSESSMENT_ITEM_ROW (self), NULL);

  text = gtk_editable_get_text (GTK_EDITABLE (self->note_entry));

  return text[0] != '\0' ? text : NULL;
}

void
bmb_assessment_item_row_set_answer (BmbAssessmentItemRow *self,
                                    int                   value,
                                    const char           *note)
{
  g_return_if_fail (BMB_IS_ASSESSMENT_ITEM_ROW (self));

  set_value (self, value, FALSE);

  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), note ? note : "");
  self->updating = FALSE;
  g_clear_handle_id (&self->note_timeout_id, g_source_remove);

  if (note != NULL && note[0] != '\0')
    {
      self->updating = TRUE;
      gtk_toggle_button_set_active (self->note_button, TRUE);
      self->updating = FALSE;
    }
}

void
bmb_assessment_item_row_choose (BmbAssessmentItemRow *self,
                                int                   value)
{
  g_return_if_fail (BMB_IS_ASSESSMENT_ITEM_ROW (self));

  set_value (self, value, TRUE);
}

void
bmb_assessment_item_row_flush (BmbAssessmentItemRow *self)
{
  g_return_if_fail (BMB_IS_ASSESSMENT_ITEM_ROW (self));

  if (self->note_timeout_id != 0)
    emit_answer_changed (self);
}
