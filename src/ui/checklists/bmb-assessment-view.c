/* bmb-assessment-view.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-assessment-view"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-error-dialog.h"
#include "bmb-assessment-item-row.h"
#include "bmb-assessment-view.h"
#include "bmb-window.h"

struct _BmbAssessmentView
{
  AdwBin                parent_instance;

  /* template widgets */
  GtkProgressBar       *progress_bar;
  GtkScrolledWindow    *scrolled_window;
  GtkLabel             *title_label;
  GtkLabel             *subtitle_label;
  GtkLabel             *description_label;
  GtkLabel             *scale_label;
  GtkListBox           *items_list;
  GtkLabel             *progress_label;
  GtkButton            *finish_button;

  /* owned */
  BmbChecklistStore    *store;
  BmbChecklistTemplate *template;
  BmbAssessment        *assessment;
  char                 *progress_text;
};

G_DEFINE_FINAL_TYPE (BmbAssessmentView, bmb_assessment_view, ADW_TYPE_BIN)

enum {
  CLOSED,
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];


static guint
count_answered (BmbAssessmentView *self)
{
  guint n = 0;

  /* Count over the template's items: answers to removed items do not count. */
  for (guint i = 0; i < bmb_checklist_template_get_n_items (self->template); i++)
    {
      BmbChecklistItem *item = bmb_checklist_template_get_item (self->template, i);

      if (bmb_assessment_get_value (self->assessment,
                                    bmb_checklist_item_get_id (item)) != BMB_ANSWER_NONE)
        n++;
    }

  return n;
}

static void
update_progress (BmbAssessmentView *self)
{
  guint n_items = 0, n_answered = 0;

  if (self->template != NULL && self->assessment != NULL)
    {
      n_items = bmb_checklist_template_get_n_items (self->template);
      n_answered = count_answered (self);
    }

  g_free (self->progress_text);
  /* Translators: progress while taking an assessment; “5 of 9 answered” */
  self->progress_text = g_strdup_printf (ngettext ("%u of %u answered", "%u of %u answered",
                                                   n_items),
                                         n_answered, n_items);
  gtk_label_set_label (self->progress_label, self->progress_text);
  gtk_progress_bar_set_fraction (self->progress_bar,
                                 n_items > 0 ? (double) n_answered / n_items : 0.0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, self->progress_text,
                                  -1);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.finish", n_answered > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.later",
                                 self->assessment != NULL);
}

static void
on_row_answer_changed_cb (BmbAssessmentItemRow *row,
                          BmbAssessmentView    *self)
{
  g_autoptr(GError) error = NULL;
  BmbChecklistItem *item = bmb_assessment_item_row_get_item (row);
  gint64 item_id = bmb_checklist_item_get_id (item);

  if (self->store == NULL || self->assessment == NULL)
    return;

  if (!bmb_checklist_store_set_answer (self->store, self->assessment, item_id,
                                       bmb_assessment_item_row_get_value (row),
                                       bmb_assessment_item_row_get_note (row),
                                       &error))
    {
      /* Show what is really saved. */
      bmb_assessment_item_row_set_answer (row,
                                          bmb_assessment_get_value (self->assessment, item_id),
                                          bmb_assessment_get_note (self->assessment, item_id));
      bmb_error_dialog_show (GTK_WIDGET (self), _("Could Not Save the Answer"), error);
    }

  update_progress (self);
}

static GtkWidget *
create_item_row (gpointer item,
                 gpointer user_data)
{
  BmbAssessmentView *self = user_data;
  gint64 item_id = bmb_checklist_item_get_id (item);
  GtkWidget *row;

  row = bmb_assessment_item_row_new (item, bmb_checklist_template_get_answer_kind (self->template));
  bmb_assessment_item_row_set_answer (BMB_ASSESSMENT_ITEM_ROW (row),
                                      bmb_assessment_get_value (self->assessment, item_id),
                                      bmb_assessment_get_note (self->assessment, item_id));
  g_signal_connect_object (row, "answer-changed", G_CALLBACK (on_row_answer_changed_cb), self, 0);

  return row;
}

static void
flush_rows (BmbAssessmentView *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->items_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (BMB_IS_ASSESSMENT_ITEM_ROW (child))
        bmb_assessment_item_row_flush (BMB_ASSESSMENT_ITEM_ROW (child));
    }
}

static gboolean
complete (BmbAssessmentView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbAssessment) assessment = NULL;

  flush_rows (self);

  if (!bmb_checklist_store_complete_assessment (self->store, self->assessment, 0, &error))
    {
      bmb_error_dialog_show (GTK_WIDGET (self), _("Could Not Finish the Assessment"), error);
      return FALSE;
    }

  assessment = g_object_ref (self->assessment);
  g_signal_emit (self, signals[FINISHED], 0, assessment);

  return TRUE;
}

static void
on_unanswered_response_cb (AdwMessageDialog  *dialog,
                           const char        *response,
                           BmbAssessmentView *self)
{
  if (g_str_equal (response, "finish") && self->assessment != NULL)
    complete (self);
}

static void
bmb_assessment_view_finish_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *param)
{
  BmbAssessmentView *self = BMB_ASSESSMENT_VIEW (widget);
  AdwMessageDialog *dialog;
  guint n_items, n_unanswered;

  if (self->assessment == NULL)
    return;

  flush_rows (self);

  n_items = bmb_checklist_template_get_n_items (self->template);
  n_unanswered = n_items - count_answered (self);

  if (n_unanswered == 0)
    {
      complete (self);
      return;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                       _("Finish With Unanswered Items?"),
                                                       NULL));
  adw_message_dialog_format_body (dialog,
                                  ngettext ("%u item has no answer. Unanswered items do not "
                                            "count towards your score.",
                                            "%u items have no answer. Unanswered items do not "
                                            "count towards your score.",
                                            n_unanswered),
                                  n_unanswered);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Keep Answering"),
                                    "finish", _("_Finish"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "finish", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_unanswered_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
bmb_assessment_view_later_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *param)
{
  BmbAssessmentView *self = BMB_ASSESSMENT_VIEW (widget);

  if (self->assessment == NULL)
    return;

  flush_rows (self);
  g_signal_emit (self, signals[CLOSED], 0);
}

static void
bmb_assessment_view_dispose (GObject *object)
{
  BmbAssessmentView *self = (BmbAssessmentView *)object;

  /* AdwBin unparents its child itself: no gtk_widget_dispose_template() here.
   * Save a note still being typed while the store is still here. */
  if (self->items_list != NULL)
    flush_rows (self);

  g_clear_object (&self->assessment);
  g_clear_object (&self->template);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (bmb_assessment_view_parent_class)->dispose (object);
}

static void
bmb_assessment_view_finalize (GObject *object)
{
  BmbAssessmentView *self = (BmbAssessmentView *)object;

  g_clear_pointer (&self->progress_text, g_free);

  G_OBJECT_CLASS (bmb_assessment_view_parent_class)->finalize (object);
}

static void
bmb_assessment_view_class_init (BmbAssessmentViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bmb_assessment_view_dispose;
  object_class->finalize = bmb_assessment_view_finalize;

  signals[CLOSED] =
    g_signal_new ("closed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  signals[FINISHED] =
    g_signal_new ("finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, BMB_TYPE_ASSESSMENT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/bmb-assessment-view.ui");
  gtk_widget_class_bind_template_child (widget_class, BmbAssessmentView, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, BmbAssessmentView, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, BmbAssessmentView, title_label);
  gtk_widget_class_bind_template_child (widget_class, BmbAssessmentView, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, BmbAssessmentView, description_label);
  gtk_widget_class_bind_template_child (widget_class, BmbAssessmentView, scale_label);
  gtk_widget_class_bind_template_child (widget_class, BmbAssessmentView, items_list);
  gtk_widget_class_bind_template_child (widget_class, BmbAssessmentView, progress_label);
  gtk_widget_class_bind_template_child (widget_class, BmbAssessmentView, finish_button);

  gtk_widget_class_install_action (widget_class, "assessment.finish", NULL,
                                   bmb_assessment_view_finish_action);
  gtk_widget_class_install_action (widget_class, "assessment.later", NULL,
                                   bmb_assessment_view_later_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "assessment.finish", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "assessment.finish", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0,
                                       "assessment.later", NULL);
}

static void
bmb_assessment_view_init (BmbAssessmentView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_progress (self);
}

GtkWidget *
bmb_assessment_view_new (void)
{
  return g_object_new (BMB_TYPE_ASSESSMENT_VIEW, NULL);
}

void
bmb_assessment_view_load (BmbAssessmentView    *self,
                          BmbChecklistStore    *store,
                          BmbChecklistTemplate *template,
                          BmbAssessment        *assessment,
                          const char           *relationship_title)
{
  GtkAdjustment *vadjustment;
  GtkWidget *first_row;

  g_return_if_fail (BMB_IS_ASSESSMENT_VIEW (self));
  g_return_if_fail (BMB_IS_CHECKLIST_STORE (store));
  g_return_if_fail (BMB_IS_CHECKLIST_TEMPLATE (template));
  g_return_if_fail (BMB_IS_ASSESSMENT (assessment));

  bmb_assessment_view_clear (self);

  g_set_object (&self->store, store);
  g_set_object (&self->template, template);
  g_set_object (&self->assessment, assessment);

  gtk_label_set_label (self->title_label, bmb_checklist_template_get_title (template));
  gtk_label_set_label (self->description_label, bmb_checklist_template_get_description (template));
  gtk_widget_set_visible (GTK_WIDGET (self->description_label),
                          bmb_checklist_template_get_description (template)[0] != '\0');

  /* What the ratings mean, once for the whole form. */
  if (bmb_checklist_template_get_answer_kind (template) == BMB_ANSWER_KIND_RATING)
    {
      /* Translators: the rating scale above a checklist; each %s is the
       * meaning of a rating, e.g. “1 = Not yet · … · 5 = Consistently” */
      g_autofree char *scale = g_strdup_printf (_("1 = %s · 2 = %s · 3 = %s · 4 = %s · 5 = %s"),
                                                bmb_assessment_item_row_get_rating_meaning (1),
                                                bmb_assessment_item_row_get_rating_meaning (2),
                                                bmb_assessment_item_row_get_rating_meaning (3),
                                                bmb_assessment_item_row_get_rating_meaning (4),
                                                bmb_assessment_item_row_get_rating_meaning (5));

      gtk_label_set_label (self->scale_label, scale);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->scale_label),
                          bmb_checklist_template_get_answer_kind (template) ==
                          BMB_ANSWER_KIND_RATING);

  if (relationship_title != NULL)
    {
      /* Translators: while taking an assessment, which mentoring relationship it is for */
      g_autofree char *text = g_strdup_printf (_("For %s"), relationship_title);

      gtk_label_set_label (self->subtitle_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), relationship_title != NULL);

  gtk_list_box_bind_model (self->items_list, bmb_checklist_template_get_items (template),
                           create_item_row, self, NULL);

  vadjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_lower (vadjustment));

  update_progress (self);

  /* Keyboard users start on the first unanswered item. */
  first_row = NULL;
  for (guint i = 0; i < bmb_checklist_template_get_n_items (template); i++)
    {
      BmbChecklistItem *item = bmb_checklist_template_get_item (template, i);

      if (bmb_assessment_get_value (assessment, bmb_checklist_item_get_id (item)) ==
          BMB_ANSWER_NONE)
        {
          first_row = bmb_assessment_view_get_row (self, i);
          break;
        }
    }
  if (first_row == NULL)
    first_row = bmb_assessment_view_get_row (self, 0);
  if (first_row != NULL)
    gtk_widget_grab_focus (first_row);
}

void
bmb_assessment_view_clear (BmbAssessmentView *self)
{
  g_return_if_fail (BMB_IS_ASSESSMENT_VIEW (self));

  flush_rows (self);
  gtk_list_box_bind_model (self->items_list, NULL, NULL, NULL, NULL);

  g_clear_object (&self->assessment);
  g_clear_object (&self->template);
  g_clear_object (&self->store);

  update_progress (self);
}

BmbAssessment *
bmb_assessment_view_get_assessment (BmbAssessmentView *self)
{
  g_return_val_if_fail (BMB_IS_ASSESSMENT_VIEW (self), NULL);

  return self->assessment;
}

BmbChecklistTemplate *
bmb_assessment_view_get_template (BmbAssessmentView *self)
{
  g_return_val_if_fail (BMB_IS_ASSESSMENT_VIEW (self), NULL);

  return self->template;
}

void
bmb_assessment_view_flush (BmbAssessmentView *self)
{
  g_return_if_fail (BMB_IS_ASSESSMENT_VIEW (self));

  flush_rows (self);
}

GtkWidget *
bmb_assessment_view_get_row (BmbAssessmentView *self,
                             guint              position)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (BMB_IS_ASSESSMENT_VIEW (self), NULL);

  row = gtk_list_box_get_row_at_index (self->items_list, position);

  return row ? GTK_WIDGET (row) : NULL;
}

const char *
bmb_assessment_view_get_progress_text (BmbAssessmentView *self)
{
  g_return_val_if_fail (BMB_IS_ASSESSMENT_VIEW (self), NULL);

  return self->progress_text;
}

gboolean
bmb_assessment_view_finish (BmbAssessmentView *self)
{
  g_return_val_if_fail (BMB_IS_ASSESSMENT_VIEW (self), FALSE);
  g_return_val_if_fail (self->assessment != NULL, FALSE);

  return complete (self);
}
