/* bmb-assessment-score.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-assessment-score"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-assessment-score.h"

G_DEFINE_ENUM_TYPE (BmbItemChange, bmb_item_change,
                    G_DEFINE_ENUM_VALUE (BMB_ITEM_CHANGE_UNANSWERED, "unanswered"),
                    G_DEFINE_ENUM_VALUE (BMB_ITEM_CHANGE_NEW, "new"),
                    G_DEFINE_ENUM_VALUE (BMB_ITEM_CHANGE_SAME, "same"),
                    G_DEFINE_ENUM_VALUE (BMB_ITEM_CHANGE_IMPROVED, "improved"),
                    G_DEFINE_ENUM_VALUE (BMB_ITEM_CHANGE_DECLINED, "declined"))

const char *
bmb_item_change_to_string (BmbItemChange change)
{
  switch (change)
    {
    case BMB_ITEM_CHANGE_UNANSWERED:
      return "unanswered";
    case BMB_ITEM_CHANGE_NEW:
      return "new";
    case BMB_ITEM_CHANGE_SAME:
      return "same";
    case BMB_ITEM_CHANGE_IMPROVED:
      return "improved";
    case BMB_ITEM_CHANGE_DECLINED:
      return "declined";
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
bmb_item_change_get_label (BmbItemChange change)
{
  switch (change)
    {
    case BMB_ITEM_CHANGE_UNANSWERED:
      /* Translators: an item left unanswered in this assessment. */
      return C_("item change", "Not answered");
    case BMB_ITEM_CHANGE_NEW:
      /* Translators: an item answered now but not in the previous assessment. */
      return C_("item change", "New");
    case BMB_ITEM_CHANGE_SAME:
      /* Translators: an item answered the same as in the previous assessment. */
      return C_("item change", "Same");
    case BMB_ITEM_CHANGE_IMPROVED:
      /* Translators: an item answered better than in the previous assessment. */
      return C_("item change", "Improved");
    case BMB_ITEM_CHANGE_DECLINED:
      /* Translators: an item answered worse than in the previous assessment. */
      return C_("item change", "Declined");
    default:
      g_return_val_if_reached (NULL);
    }
}

double
bmb_assessment_value_fraction (BmbAnswerKind kind,
                               int           value)
{
  if (!bmb_answer_kind_is_valid_value (kind, value))
    return -1.0;

  if (kind == BMB_ANSWER_KIND_YES_NO)
    return value ? 1.0 : 0.0;

  return (value - 1) / 4.0;
}

gboolean
bmb_assessment_score_values (BmbAnswerKind       kind,
                             const int          *values,
                             guint               n_values,
                             BmbAssessmentScore *out_score)
{
  double sum = 0.0;
  guint n_answered = 0;

  g_return_val_if_fail (values != NULL || n_values == 0, FALSE);
  g_return_val_if_fail (out_score != NULL, FALSE);

  for (guint i = 0; i < n_values; i++)
    {
      double fraction = bmb_assessment_value_fraction (kind, values[i]);

      if (fraction < 0.0)
        continue;

      sum += fraction;
      n_answered++;
    }

  out_score->n_items = n_values;
  out_score->n_answered = n_answered;
  out_score->percent = n_answered > 0 ? 100.0 * sum / n_answered : 0.0;

  return n_answered > 0;
}

gboolean
bmb_assessment_score_compute (BmbChecklistTemplate *template,
                              BmbAssessment        *assessment,
                              BmbAssessmentScore   *out_score)
{
  g_autofree int *values = NULL;
  guint n;

  g_return_val_if_fail (BMB_IS_CHECKLIST_TEMPLATE (template), FALSE);
  g_return_val_if_fail (BMB_IS_ASSESSMENT (assessment), FALSE);
  g_return_val_if_fail (out_score != NULL, FALSE);

  n = bmb_checklist_template_get_n_items (template);
  values = g_new (int, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      BmbChecklistItem *item = bmb_checklist_template_get_item (template, i);

      values[i] = bmb_assessment_get_value (assessment, bmb_checklist_item_get_id (item));
    }

  return bmb_assessment_score_values (bmb_checklist_template_get_answer_kind (template),
                                      values, n, out_score);
}

BmbItemChange
bmb_assessment_compare_values (int previous,
                               int current)
{
  if (current == BMB_ANSWER_NONE)
    return BMB_ITEM_CHANGE_UNANSWERED;
  if (previous == BMB_ANSWER_NONE)
    return BMB_ITEM_CHANGE_NEW;
  if (current > previous)
    return BMB_ITEM_CHANGE_IMPROVED;
  if (current < previous)
    return BMB_ITEM_CHANGE_DECLINED;
  return BMB_ITEM_CHANGE_SAME;
}

GArray *
bmb_assessment_compute_deltas (BmbChecklistTemplate *template,
                               BmbAssessment        *previous,
                               BmbAssessment        *current)
{
  GArray *deltas;
  guint n;

  g_return_val_if_fail (BMB_IS_CHECKLIST_TEMPLATE (template), NULL);
  g_return_val_if_fail (previous == NULL || BMB_IS_ASSESSMENT (previous), NULL);
  g_return_val_if_fail (BMB_IS_ASSESSMENT (current), NULL);

  n = bmb_checklist_template_get_n_items (template);
  deltas = g_array_sized_new (FALSE, TRUE, sizeof (BmbItemDelta), n);

  for (guint i = 0; i < n; i++)
    {
      BmbChecklistItem *item = bmb_checklist_template_get_item (template, i);
      BmbItemDelta delta;

      delta.item_id = bmb_checklist_item_get_id (item);
      delta.current = bmb_assessment_get_value (current, delta.item_id);
      delta.previous = previous != NULL
                     ? bmb_assessment_get_value (previous, delta.item_id)
                     : BMB_ANSWER_NONE;
      delta.change = bmb_assessment_compare_values (delta.previous, delta.current);

      g_array_append_val (deltas, delta);
    }

  return deltas;
}

static int
compare_points (gconstpointer a,
                gconstpointer b)
{
  const BmbScorePoint *pa = a;
  const BmbScorePoint *pb = b;

  if (pa->taken_at != pb->taken_at)
    return pa->taken_at < pb->taken_at ? -1 : 1;
  if (pa->assessment_id != pb->assessment_id)
    return pa->assessment_id < pb->assessment_id ? -1 : 1;
  return 0;
}

GArray *
bmb_assessment_score_series (BmbChecklistTemplate *template,
                             GPtrArray            *assessments)
{
  GArray *points;

  g_return_val_if_fail (BMB_IS_CHECKLIST_TEMPLATE (template), NULL);
  g_return_val_if_fail (assessments != NULL, NULL);

  points = g_array_sized_new (FALSE, TRUE, sizeof (BmbScorePoint), assessments->len);

  for (guint i = 0; i < assessments->len; i++)
    {
      BmbAssessment *assessment = g_ptr_array_index (assessments, i);
      BmbAssessmentScore score;
      BmbScorePoint point;

      if (!bmb_assessment_is_complete (assessment))
        continue;
      if (!bmb_assessment_score_compute (template, assessment, &score))
        continue;

      point.assessment_id = bmb_assessment_get_id (assessment);
      point.taken_at = bmb_assessment_get_taken_at (assessment);
      point.percent = score.percent;
      point.n_answered = score.n_answered;
      g_array_append_val (points, point);
    }

  g_array_sort (points, compare_points);

  return points;
}
