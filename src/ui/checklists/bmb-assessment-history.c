/* bmb-assessment-history.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-assessment-history"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bmb-format.h"
#include "bmb-local-time.h"
#include "bmb-assessment-history.h"
#include "bmb-list-sync.h"
#include "bmb-assessment-score.h"
#include "bmb-relationship.h"

struct _BmbAssessmentHistory
{
  AdwBin                parent_instance;

  /* template widgets */
  GtkScrolledWindow    *scrolled_window;
  GtkLabel             *title_label;
  GtkLabel             *description_label;
  GtkLabel             *kind_label;
  GtkListBox           *for_list;
  AdwComboRow          *for_row;
  GtkButton            *start_button;
  GtkMenuButton        *menu_button;
  BmbProgressChart     *chart;
  AdwPreferencesGroup  *history_group;
  GtkListBox           *history_list;
  GtkButton            *earlier_button;

  /* owned */
  BmbChecklistStore    *store;
  BmbChecklistTemplate *template;
  GListStore           *assessments;  /* BmbAssessment, newest first */
  GtkSliceListModel    *shown;        /* the newest of them, a page at a time */
  GHashTable           *previous;     /* assessment id → BmbAssessment before it */
  GHashTable           *relationship_titles;
  GArray               *for_ids;      /* gint64, in for_row's order; 0 = yourself */

  /* state */
  gboolean              has_draft;
};

G_DEFINE_FINAL_TYPE (BmbAssessmentHistory, bmb_assessment_history, ADW_TYPE_BIN)

/* Rows built at a time: a checklist taken every week for years has hundreds of
 * assessments, and each row is an expander with its own widgets. */
#define HISTORY_PAGE 25

static void
update_earlier_button (BmbAssessmentHistory *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->earlier_button),
                          g_list_model_get_n_items (G_LIST_MODEL (self->assessments)) >
                          gtk_slice_list_model_get_size (self->shown));
}

static void
on_earlier_clicked_cb (BmbAssessmentHistory *self)
{
  gtk_slice_list_model_set_size (self->shown,
                                 gtk_slice_list_model_get_size (self->shown) + HISTORY_PAGE);
  update_earlier_button (self);
}

static char *
format_date (gint64 time)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (time);
  g_autoptr(GDateTime) now = bmb_date_time_new_now_local ();

  if (g_date_time_get_year (dt) == g_date_time_get_year (now))
    return bmb_format_weekday_day_month (dt);

  return bmb_format_date (dt);
}

static char *
format_change_summary (GArray *deltas,
                       gboolean has_previous)
{
  guint improved = 0, same = 0, declined = 0;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (!has_previous)
    return g_strdup (_("First assessment"));

  for (guint i = 0; i < deltas->len; i++)
    {
      switch (g_array_index (deltas, BmbItemDelta, i).change)
        {
        case BMB_ITEM_CHANGE_IMPROVED:
          improved++;
          break;

        case BMB_ITEM_CHANGE_SAME:
          same++;
          break;

        case BMB_ITEM_CHANGE_DECLINED:
          declined++;
          break;

        case BMB_ITEM_CHANGE_NEW:
        case BMB_ITEM_CHANGE_UNANSWERED:
        default:
          break;
        }
    }

  if (improved > 0)
    /* Translators: part of “2 improved · 5 same · 1 declined” */
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u improved", "%u improved", improved),
                                             improved));
  if (same > 0)
    /* Translators: part of “2 improved · 5 same · 1 declined” */
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u same", "%u same", same), same));
  if (declined > 0)
    /* Translators: part of “2 improved · 5 same · 1 declined” */
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u declined", "%u declined", declined),
                                             declined));

  if (parts->len == 0)
    return g_strdup (_("Nothing to compare with the previous assessment"));

  g_ptr_array_add (parts, NULL);

  /* Translators: separates “2 improved”, “5 same” and “1 declined” */
  return g_strjoinv (_(" · "), (char **) parts->pdata);
}

static GtkWidget *
create_change_badge (BmbItemChange change)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *label = gtk_label_new (bmb_item_change_get_label (change));
  const char *icon = NULL;
  const char *css = NULL;

  switch (change)
    {
    case BMB_ITEM_CHANGE_IMPROVED:
      icon = "go-up-symbolic";
      css = "success";
      break;

    case BMB_ITEM_CHANGE_DECLINED:
      icon = "go-down-symbolic";
      css = "warning";
      break;

    case BMB_ITEM_CHANGE_SAME:
    case BMB_ITEM_CHANGE_NEW:
    case BMB_ITEM_CHANGE_UNANSWERED:
    default:
      css = "dim-label";
      break;
    }

  if (icon != NULL)
    {
      GtkWidget *image = gtk_image_new_from_icon_name (icon);

      gtk_accessible_update_property (GTK_ACCESSIBLE (image),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      bmb_item_change_get_label (change),
                                      -1);
      gtk_box_append (GTK_BOX (box), image);
    }

  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_add_css_class (box, css);
  gtk_widget_add_css_class (box, "checklist-change");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);

  return box;
}

static GtkWidget *
create_item_row (BmbAssessmentHistory *self,
                 BmbAssessment        *assessment,
                 const BmbItemDelta   *delta)
{
  BmbChecklistItem *item = bmb_checklist_template_find_item (self->template, delta->item_id);
  BmbAnswerKind kind = bmb_checklist_template_get_answer_kind (self->template);
  const char *note = bmb_assessment_get_note (assessment, delta->item_id);
  g_autofree char *answer = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row;

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 item ? bmb_checklist_item_get_title (item) : "");
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);

  if (delta->current == BMB_ANSWER_NONE)
    answer = g_strdup (_("No answer"));
  else
    answer = bmb_answer_kind_format_value (kind, delta->current);

  if (delta->previous != BMB_ANSWER_NONE && delta->current != BMB_ANSWER_NONE &&
      delta->previous != delta->current)
    {
      g_autofree char *before = bmb_answer_kind_format_value (kind, delta->previous);

      /* Translators: an answer and the one before it; “4 of 5 (before: 2 of 5)” */
      subtitle = g_strdup_printf (_("%s (before: %s)"), answer, before);
    }
  else
    {
      subtitle = g_strdup (answer);
    }

  if (note != NULL && note[0] != '\0')
    {
      char *with_note = g_strdup_printf ("%s\n%s", subtitle, note);

      g_free (subtitle);
      subtitle = with_note;
    }

  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);

  if (delta->change != BMB_ITEM_CHANGE_UNANSWERED)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), create_change_badge (delta->change));

  return row;
}

/* The answers of one assessment are rows of their own (one per checklist
 * item): they are made when the row is first expanded, not for every
 * assessment of a long history. */
typedef struct
{
  BmbAssessmentHistory *self;        /* weak */
  BmbAssessment        *assessment;
} RowAnswers;

static void
row_answers_free (gpointer  data,
                  GClosure *closure)
{
  RowAnswers *answers = data;

  g_clear_weak_pointer (&answers->self);
  g_clear_object (&answers->assessment);
  g_free (answers);
}

static void
on_history_row_expanded_cb (AdwExpanderRow *row,
                            GParamSpec     *pspec,
                            RowAnswers     *answers)
{
  BmbAssessmentHistory *self = answers->self;
  BmbAssessment *assessment = answers->assessment;
  BmbAssessment *previous;
  g_autoptr(GArray) deltas = NULL;

  if (!adw_expander_row_get_expanded (row) || self == NULL || self->template == NULL)
    return;

  g_signal_handlers_disconnect_by_func (row, on_history_row_expanded_cb, answers);
  previous = g_hash_table_lookup (self->previous,
                                  GINT_TO_POINTER (bmb_assessment_get_id (assessment)));
  deltas = bmb_assessment_compute_deltas (self->template, previous, assessment);
  for (guint i = 0; i < deltas->len; i++)
    adw_expander_row_add_row (row, create_item_row (self, assessment,
                                                    &g_array_index (deltas, BmbItemDelta, i)));
}

static GtkWidget *
create_history_row (gpointer item,
                    gpointer user_data)
{
  BmbAssessmentHistory *self = user_data;
  BmbAssessment *assessment = item;
  BmbAssessment *previous = g_hash_table_lookup (self->previous,
                                                 GINT_TO_POINTER (bmb_assessment_get_id (assessment)));
  g_autoptr(GArray) deltas = NULL;
  g_autofree char *date = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *score_text = NULL;
  BmbAssessmentScore score;
  GtkWidget *row, *score_label;
  RowAnswers *answers;
  const char *relationship;
  gint64 relationship_id;

  deltas = bmb_assessment_compute_deltas (self->template, previous, assessment);
  bmb_assessment_score_compute (self->template, assessment, &score);

  date = format_date (bmb_assessment_get_taken_at (assessment));
  summary = format_change_summary (deltas, previous != NULL);

  relationship_id = bmb_assessment_get_relationship_id (assessment);
  if (relationship_id != 0 && self->relationship_titles != NULL &&
      (relationship = g_hash_table_lookup (self->relationship_titles, &relationship_id)))
    {
      /* Translators: an assessment in the history that is about a mentoring
       * relationship, then how it changed; “For Siti · 2 improved · 7 same” */
      char *with_relationship = g_strdup_printf (_("For %s · %s"), relationship, summary);

      g_free (summary);
      summary = with_relationship;
    }
  score_text = bmb_format_percent ((int) round (score.percent));

  row = adw_expander_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), date);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), summary);

  score_label = gtk_label_new (score_text);
  gtk_widget_add_css_class (score_label, "title-4");
  gtk_widget_add_css_class (score_label, "numeric");
  gtk_widget_add_css_class (score_label, "checklist-score");
  gtk_widget_set_valign (score_label, GTK_ALIGN_CENTER);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), score_label);

  answers = g_new0 (RowAnswers, 1);
  g_set_weak_pointer (&answers->self, self);
  answers->assessment = g_object_ref (assessment);
  g_signal_connect_data (row, "notify::expanded", G_CALLBACK (on_history_row_expanded_cb),
                         answers, row_answers_free, 0);

  return row;
}

static void
update_header (BmbAssessmentHistory *self)
{
  BmbAnswerKind kind;
  g_autofree char *kind_text = NULL;
  guint n_items;

  if (self->template == NULL)
    return;

  kind = bmb_checklist_template_get_answer_kind (self->template);
  n_items = bmb_checklist_template_get_n_items (self->template);

  gtk_label_set_label (self->title_label, bmb_checklist_template_get_title (self->template));
  gtk_label_set_label (self->description_label,
                       bmb_checklist_template_get_description (self->template));
  gtk_widget_set_visible (GTK_WIDGET (self->description_label),
                          bmb_checklist_template_get_description (self->template)[0] != '\0');

  /* Translators: “9 items · Rating from 1 to 5”, under a checklist's title */
  kind_text = g_strdup_printf (ngettext ("%u item · %s", "%u items · %s", n_items),
                               n_items, bmb_answer_kind_get_label (kind));
  gtk_label_set_label (self->kind_label, kind_text);

  gtk_button_set_label (self->start_button,
                        self->has_draft ? _("_Resume Assessment") : _("_Take Assessment"));

  /* A draft is resumed for whoever it was started for. */
  gtk_widget_set_visible (GTK_WIDGET (self->for_list),
                          self->for_ids->len > 1 && !self->has_draft);
}

static void
bmb_assessment_history_dispose (GObject *object)
{
  BmbAssessmentHistory *self = (BmbAssessmentHistory *)object;

  /* AdwBin unparents its child itself: no gtk_widget_dispose_template() here. */
  if (self->history_list != NULL)
    gtk_list_box_bind_model (self->history_list, NULL, NULL, NULL, NULL);

  g_clear_object (&self->store);
  g_clear_object (&self->template);
  g_clear_object (&self->shown);
  g_clear_object (&self->assessments);
  g_clear_pointer (&self->previous, g_hash_table_unref);
  g_clear_pointer (&self->relationship_titles, g_hash_table_unref);
  g_clear_pointer (&self->for_ids, g_array_unref);

  G_OBJECT_CLASS (bmb_assessment_history_parent_class)->dispose (object);
}

static void
bmb_assessment_history_class_init (BmbAssessmentHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bmb_assessment_history_dispose;

  g_type_ensure (BMB_TYPE_PROGRESS_CHART);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/bmb-assessment-history.ui");
  gtk_widget_class_bind_template_child (widget_class, BmbAssessmentHistory, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, BmbAssessmentHistory, title_label);
  gtk_widget_class_bind_template_child (widget_class, BmbAssessmentHistory, description_label);
  gtk_widget_class_bind_template_child (widget_class, BmbAssessmentHistory, kind_label);
  gtk_widget_class_bind_template_child (widget_class, BmbAssessmentHistory, for_list);
  gtk_widget_class_bind_template_child (widget_class, BmbAssessmentHistory, for_row);
  gtk_widget_class_bind_template_child (widget_class, BmbAssessmentHistory, start_button);
  gtk_widget_class_bind_template_child (widget_class, BmbAssessmentHistory, menu_button);
  gtk_widget_class_bind_template_child (widget_class, BmbAssessmentHistory, chart);
  gtk_widget_class_bind_template_child (widget_class, BmbAssessmentHistory, history_group);
  gtk_widget_class_bind_template_child (widget_class, BmbAssessmentHistory, history_list);
  gtk_widget_class_bind_template_child (widget_class, BmbAssessmentHistory, earlier_button);
  gtk_widget_class_bind_template_callback (widget_class, on_earlier_clicked_cb);
}

static void
bmb_assessment_history_init (BmbAssessmentHistory *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->assessments = g_list_store_new (BMB_TYPE_ASSESSMENT);
  self->for_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->previous = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);

  self->shown = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->assessments)), 0,
                                         HISTORY_PAGE);
  gtk_list_box_bind_model (self->history_list, G_LIST_MODEL (self->shown),
                           create_history_row, self, NULL);
  g_signal_connect_object (self->assessments, "items-changed",
                           G_CALLBACK (update_earlier_button), self, G_CONNECT_SWAPPED);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("More Options"),
                                  -1);
}

GtkWidget *
bmb_assessment_history_new (void)
{
  return g_object_new (BMB_TYPE_ASSESSMENT_HISTORY, NULL);
}

gboolean
bmb_assessment_history_set_template (BmbAssessmentHistory  *self,
                                     BmbChecklistStore     *store,
                                     BmbChecklistTemplate  *template,
                                     GError               **error)
{
  gboolean changed;

  g_return_val_if_fail (BMB_IS_ASSESSMENT_HISTORY (self), FALSE);
  g_return_val_if_fail (store == NULL || BMB_IS_CHECKLIST_STORE (store), FALSE);
  g_return_val_if_fail (template == NULL || BMB_IS_CHECKLIST_TEMPLATE (template), FALSE);

  changed = self->template == NULL || template == NULL ||
            bmb_checklist_template_get_id (self->template) != bmb_checklist_template_get_id (template);

  g_set_object (&self->store, store);
  g_set_object (&self->template, template);

  /* A different checklist starts at the top. */
  if (changed)
    {
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);

      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
      gtk_slice_list_model_set_size (self->shown, HISTORY_PAGE);
    }

  return bmb_assessment_history_reload (self, error);
}

BmbChecklistTemplate *
bmb_assessment_history_get_template (BmbAssessmentHistory *self)
{
  g_return_val_if_fail (BMB_IS_ASSESSMENT_HISTORY (self), NULL);

  return self->template;
}

gboolean
bmb_assessment_history_reload (BmbAssessmentHistory  *self,
                               GError               **error)
{
  return bmb_assessment_history_apply_changes (self, NULL, error);
}

static gint64
assessment_id_of (gpointer assessment)
{
  return bmb_assessment_get_id (assessment);
}

static gint64
previous_id (GHashTable *previous,
             gint64      assessment_id)
{
  BmbAssessment *before = g_hash_table_lookup (previous, GINT_TO_POINTER (assessment_id));

  return before != NULL ? bmb_assessment_get_id (before) : 0;
}

gboolean
bmb_assessment_history_apply_changes (BmbAssessmentHistory  *self,
                                      BmbChangeSet          *changes,
                                      GError               **error)
{
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(BmbAssessment) draft = NULL;
  g_autoptr(GArray) series = NULL;
  g_autoptr(GArray) points = NULL;
  g_autoptr(GPtrArray) newest_first = NULL;
  g_autoptr(GHashTable) old_previous = NULL;
  g_autoptr(BmbChangeSet) rows = bmb_change_set_new ();
  gint64 template_id;

  g_return_val_if_fail (BMB_IS_ASSESSMENT_HISTORY (self), FALSE);

  if (changes != NULL &&
      !(bmb_change_set_get_kinds (changes) & (BMB_CHANGE_ASSESSMENTS | BMB_CHANGE_CHECKLISTS |
                                              BMB_CHANGE_RELATIONSHIPS)))
    return TRUE;

  old_previous = g_steal_pointer (&self->previous);
  self->previous = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);

  if (self->template == NULL || self->store == NULL)
    {
      g_clear_pointer (&rows, bmb_change_set_unref);
      g_list_store_remove_all (self->assessments);
      bmb_progress_chart_set_points (self->chart, NULL, 0);
      return TRUE;
    }

  template_id = bmb_checklist_template_get_id (self->template);

  if (!(history = bmb_checklist_store_list_history (self->store, template_id, error)))
    return FALSE;

  draft = bmb_checklist_store_find_draft (self->store, template_id, error);
  if (draft == NULL && error != NULL && *error != NULL)
    return FALSE;
  self->has_draft = draft != NULL;

  /* History is oldest first: each one's predecessor is the one before. */
  for (guint i = 1; i < history->len; i++)
    g_hash_table_insert (self->previous,
                         GINT_TO_POINTER (bmb_assessment_get_id (g_ptr_array_index (history, i))),
                         g_object_ref (g_ptr_array_index (history, i - 1)));

  /* A row changes when its assessment did, or the one before it (the
   * change badges compare with it); a checklist or relationship change
   * (item titles, relationship names) touches every row. */
  if (changes != NULL && !(bmb_change_set_get_kinds (changes) & (BMB_CHANGE_CHECKLISTS |
                                                                 BMB_CHANGE_RELATIONSHIPS)))
    {
      bmb_change_set_merge (rows, changes);
      for (guint i = 0; i < history->len; i++)
        {
          gint64 id = bmb_assessment_get_id (g_ptr_array_index (history, i));

          if (previous_id (old_previous, id) != previous_id (self->previous, id))
            bmb_change_set_add (rows, BMB_CHANGE_ASSESSMENTS, id, BMB_CHANGE_CHANGED);
        }
    }
  else
    {
      g_clear_pointer (&rows, bmb_change_set_unref);
    }

  newest_first = g_ptr_array_new ();
  for (guint i = history->len; i > 0; i--)
    g_ptr_array_add (newest_first, g_ptr_array_index (history, i - 1));
  bmb_list_store_sync (self->assessments, newest_first, assessment_id_of, rows,
                       BMB_CHANGE_ASSESSMENTS);

  series = bmb_assessment_score_series (self->template, history);
  points = g_array_sized_new (FALSE, FALSE, sizeof (BmbProgressPoint), series->len);
  for (guint i = 0; i < series->len; i++)
    {
      const BmbScorePoint *s = &g_array_index (series, BmbScorePoint, i);
      BmbProgressPoint p = { s->taken_at, s->percent / 100.0 };

      g_array_append_val (points, p);
    }
  bmb_progress_chart_set_points (self->chart, (BmbProgressPoint *) (gpointer) points->data,
                                 points->len);

  update_header (self);

  return TRUE;
}

GListModel *
bmb_assessment_history_get_model (BmbAssessmentHistory *self)
{
  g_return_val_if_fail (BMB_IS_ASSESSMENT_HISTORY (self), NULL);

  return G_LIST_MODEL (self->assessments);
}

BmbProgressChart *
bmb_assessment_history_get_chart (BmbAssessmentHistory *self)
{
  g_return_val_if_fail (BMB_IS_ASSESSMENT_HISTORY (self), NULL);

  return self->chart;
}

AdwExpanderRow *
bmb_assessment_history_get_row (BmbAssessmentHistory *self,
                                guint                 position)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (BMB_IS_ASSESSMENT_HISTORY (self), NULL);

  row = gtk_list_box_get_row_at_index (self->history_list, position);

  return ADW_IS_EXPANDER_ROW (row) ? ADW_EXPANDER_ROW (row) : NULL;
}

gboolean
bmb_assessment_history_get_has_draft (BmbAssessmentHistory *self)
{
  g_return_val_if_fail (BMB_IS_ASSESSMENT_HISTORY (self), FALSE);

  return self->has_draft;
}

void
bmb_assessment_history_set_relationship_titles (BmbAssessmentHistory *self,
                                                GHashTable           *titles)
{
  g_return_if_fail (BMB_IS_ASSESSMENT_HISTORY (self));

  if (titles != NULL)
    g_hash_table_ref (titles);
  g_clear_pointer (&self->relationship_titles, g_hash_table_unref);
  self->relationship_titles = titles;
}

void
bmb_assessment_history_set_relationships (BmbAssessmentHistory *self,
                                          GPtrArray            *relationships)
{
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  gint64 chosen;
  gint64 none = 0;
  guint selected = 0;

  g_return_if_fail (BMB_IS_ASSESSMENT_HISTORY (self));

  chosen = bmb_assessment_history_get_relationship_id (self);

  g_array_set_size (self->for_ids, 0);
  g_array_append_val (self->for_ids, none);
  /* Translators: a self-assessment not tied to a mentoring relationship */
  gtk_string_list_append (titles, _("Yourself"));

  for (guint i = 0; relationships != NULL && i < relationships->len; i++)
    {
      BmbRelationship *relationship = g_ptr_array_index (relationships, i);
      gint64 id = bmb_relationship_get_id (relationship);
      g_autofree char *title = bmb_relationship_dup_display_title (relationship);

      if (id == chosen)
        selected = self->for_ids->len;
      g_array_append_val (self->for_ids, id);
      gtk_string_list_append (titles, title);
    }

  adw_combo_row_set_model (self->for_row, G_LIST_MODEL (titles));
  adw_combo_row_set_selected (self->for_row, selected);
  update_header (self);
}

gint64
bmb_assessment_history_get_relationship_id (BmbAssessmentHistory *self)
{
  guint selected;

  g_return_val_if_fail (BMB_IS_ASSESSMENT_HISTORY (self), 0);

  selected = adw_combo_row_get_selected (self->for_row);
  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->for_ids->len)
    return 0;

  return g_array_index (self->for_ids, gint64, selected);
}
