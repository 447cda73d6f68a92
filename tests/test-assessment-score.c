/* test-assessment-score.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure scoring: percentages for yes/no and ratings, unanswered items left
 * out, per-item change against the previous assessment, and the progress
 * series. Models are built in memory; no database.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "bmb-assessment-score.h"
#include "bmb-checklist-private.h"

/* A template with @n items whose ids are 101, 102… */
static BmbChecklistTemplate *
make_template (BmbAnswerKind kind,
               guint         n)
{
  BmbChecklistTemplate *template = bmb_checklist_template_new ("Test", kind);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *title = g_strdup_printf ("Item %u", i + 1);
      g_autoptr(BmbChecklistItem) item = bmb_checklist_item_new (title, NULL);

      _bmb_checklist_item_set_id (item, 101 + i);
      bmb_checklist_template_append_item (template, item);
    }

  return template;
}

/* @values: one per item (BMB_ANSWER_NONE to skip), for items 101, 102… */
static BmbAssessment *
make_assessment (gint64     id,
                 gint64     taken_at,
                 const int *values,
                 guint      n)
{
  BmbAssessment *assessment = bmb_assessment_new (1, 0);

  _bmb_assessment_set_id (assessment, id);
  if (taken_at > 0)
    _bmb_assessment_set_status (assessment, BMB_ASSESSMENT_STATUS_COMPLETE, taken_at);
  for (guint i = 0; i < n; i++)
    bmb_assessment_set_answer (assessment, 101 + i, values[i], NULL);

  return assessment;
}

static void
test_fraction (void)
{
  g_assert_cmpfloat (bmb_assessment_value_fraction (BMB_ANSWER_KIND_YES_NO, 1), ==, 1.0);
  g_assert_cmpfloat (bmb_assessment_value_fraction (BMB_ANSWER_KIND_YES_NO, 0), ==, 0.0);
  g_assert_cmpfloat (bmb_assessment_value_fraction (BMB_ANSWER_KIND_YES_NO, 2), <, 0.0);
  g_assert_cmpfloat (bmb_assessment_value_fraction (BMB_ANSWER_KIND_RATING, 1), ==, 0.0);
  g_assert_cmpfloat (bmb_assessment_value_fraction (BMB_ANSWER_KIND_RATING, 3), ==, 0.5);
  g_assert_cmpfloat (bmb_assessment_value_fraction (BMB_ANSWER_KIND_RATING, 5), ==, 1.0);
  g_assert_cmpfloat (bmb_assessment_value_fraction (BMB_ANSWER_KIND_RATING, 0), <, 0.0);
  g_assert_cmpfloat (bmb_assessment_value_fraction (BMB_ANSWER_KIND_RATING, 6), <, 0.0);
  g_assert_cmpfloat (bmb_assessment_value_fraction (BMB_ANSWER_KIND_RATING, BMB_ANSWER_NONE),
                     <, 0.0);
}

static void
test_score_yes_no (void)
{
  const int values[] = { 1, 0, 1, BMB_ANSWER_NONE, 1 };
  const int none[] = { BMB_ANSWER_NONE, BMB_ANSWER_NONE };
  BmbAssessmentScore score;

  /* 3 yes of 4 answered; the unanswered one does not count as "no". */
  g_assert_true (bmb_assessment_score_values (BMB_ANSWER_KIND_YES_NO, values, 5, &score));
  g_assert_cmpuint (score.n_answered, ==, 4);
  g_assert_cmpuint (score.n_items, ==, 5);
  g_assert_cmpfloat_with_epsilon (score.percent, 75.0, 1e-9);

  g_assert_false (bmb_assessment_score_values (BMB_ANSWER_KIND_YES_NO, none, 2, &score));
  g_assert_cmpuint (score.n_answered, ==, 0);
  g_assert_cmpfloat (score.percent, ==, 0.0);

  g_assert_false (bmb_assessment_score_values (BMB_ANSWER_KIND_YES_NO, NULL, 0, &score));
  g_assert_cmpuint (score.n_items, ==, 0);
}

static void
test_score_rating (void)
{
  const int all_low[] = { 1, 1, 1 };
  const int all_high[] = { 5, 5 };
  const int mixed[] = { 2, BMB_ANSWER_NONE, 5, 4 };
  /* A stray 0 (a yes/no "no") is not a rating and is skipped. */
  const int stray[] = { 0, 3 };
  BmbAssessmentScore score;

  g_assert_true (bmb_assessment_score_values (BMB_ANSWER_KIND_RATING, all_low, 3, &score));
  g_assert_cmpfloat (score.percent, ==, 0.0);
  g_assert_true (bmb_assessment_score_values (BMB_ANSWER_KIND_RATING, all_high, 2, &score));
  g_assert_cmpfloat (score.percent, ==, 100.0);

  /* ((2-1)/4 + (5-1)/4 + (4-1)/4) / 3 = (0.25 + 1 + 0.75) / 3 = 66.67 % */
  g_assert_true (bmb_assessment_score_values (BMB_ANSWER_KIND_RATING, mixed, 4, &score));
  g_assert_cmpuint (score.n_answered, ==, 3);
  g_assert_cmpfloat_with_epsilon (score.percent, 200.0 / 3.0, 1e-9);

  g_assert_true (bmb_assessment_score_values (BMB_ANSWER_KIND_RATING, stray, 2, &score));
  g_assert_cmpuint (score.n_answered, ==, 1);
  g_assert_cmpfloat (score.percent, ==, 50.0);
}

static void
test_score_compute (void)
{
  g_autoptr(BmbChecklistTemplate) template = make_template (BMB_ANSWER_KIND_RATING, 4);
  const int values[] = { 3, 5, BMB_ANSWER_NONE, 1 };
  g_autoptr(BmbAssessment) assessment = make_assessment (1, 100, values, 4);
  BmbAssessmentScore score;

  /* An answer to an item no longer in the template is ignored. */
  bmb_assessment_set_answer (assessment, 999, 5, NULL);
  /* A note alone is not an answer. */
  bmb_assessment_set_answer (assessment, 103, BMB_ANSWER_NONE, "thinking about it");

  g_assert_true (bmb_assessment_score_compute (template, assessment, &score));
  g_assert_cmpuint (score.n_items, ==, 4);
  g_assert_cmpuint (score.n_answered, ==, 3);
  /* (0.5 + 1 + 0) / 3 */
  g_assert_cmpfloat_with_epsilon (score.percent, 50.0, 1e-9);

  /* Removing the answered items changes the score accordingly. */
  bmb_checklist_template_remove_item (template, 3);
  g_assert_true (bmb_assessment_score_compute (template, assessment, &score));
  g_assert_cmpfloat_with_epsilon (score.percent, 75.0, 1e-9);
}

static void
test_compare_values (void)
{
  g_assert_cmpint (bmb_assessment_compare_values (BMB_ANSWER_NONE, BMB_ANSWER_NONE),
                   ==, BMB_ITEM_CHANGE_UNANSWERED);
  g_assert_cmpint (bmb_assessment_compare_values (3, BMB_ANSWER_NONE),
                   ==, BMB_ITEM_CHANGE_UNANSWERED);
  g_assert_cmpint (bmb_assessment_compare_values (BMB_ANSWER_NONE, 0), ==, BMB_ITEM_CHANGE_NEW);
  g_assert_cmpint (bmb_assessment_compare_values (0, 1), ==, BMB_ITEM_CHANGE_IMPROVED);
  g_assert_cmpint (bmb_assessment_compare_values (1, 0), ==, BMB_ITEM_CHANGE_DECLINED);
  g_assert_cmpint (bmb_assessment_compare_values (4, 4), ==, BMB_ITEM_CHANGE_SAME);
  g_assert_cmpint (bmb_assessment_compare_values (2, 5), ==, BMB_ITEM_CHANGE_IMPROVED);
  g_assert_cmpint (bmb_assessment_compare_values (5, 1), ==, BMB_ITEM_CHANGE_DECLINED);

  g_assert_cmpstr (bmb_item_change_to_string (BMB_ITEM_CHANGE_IMPROVED), ==, "improved");
  g_assert_cmpstr (bmb_item_change_get_label (BMB_ITEM_CHANGE_DECLINED), ==, "Declined");
}

static void
test_deltas (void)
{
  g_autoptr(BmbChecklistTemplate) template = make_template (BMB_ANSWER_KIND_RATING, 5);
  const int before[] = { 2, 4, 3, BMB_ANSWER_NONE, 5 };
  const int after[] = { 4, 4, 1, 2, BMB_ANSWER_NONE };
  g_autoptr(BmbAssessment) previous = make_assessment (1, 100, before, 5);
  g_autoptr(BmbAssessment) current = make_assessment (2, 200, after, 5);
  g_autoptr(GArray) deltas = NULL;
  g_autoptr(GArray) first = NULL;
  const BmbItemChange expected[] = {
    BMB_ITEM_CHANGE_IMPROVED, BMB_ITEM_CHANGE_SAME, BMB_ITEM_CHANGE_DECLINED,
    BMB_ITEM_CHANGE_NEW, BMB_ITEM_CHANGE_UNANSWERED,
  };

  deltas = bmb_assessment_compute_deltas (template, previous, current);
  g_assert_cmpuint (deltas->len, ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      const BmbItemDelta *delta = &g_array_index (deltas, BmbItemDelta, i);

      g_assert_cmpint (delta->item_id, ==, 101 + i);
      g_assert_cmpint (delta->previous, ==, before[i]);
      g_assert_cmpint (delta->current, ==, after[i]);
      g_assert_cmpint (delta->change, ==, expected[i]);
    }

  /* The first assessment: everything answered is new. */
  first = bmb_assessment_compute_deltas (template, NULL, current);
  for (guint i = 0; i < 5; i++)
    g_assert_cmpint (g_array_index (first, BmbItemDelta, i).change, ==,
                     after[i] == BMB_ANSWER_NONE ? BMB_ITEM_CHANGE_UNANSWERED
                                                 : BMB_ITEM_CHANGE_NEW);
}

static void
test_series (void)
{
  g_autoptr(BmbChecklistTemplate) template = make_template (BMB_ANSWER_KIND_YES_NO, 4);
  g_autoptr(GPtrArray) assessments = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) points = NULL;
  const int march[] = { 1, 1, 1, 0 };
  const int january[] = { 1, 0, 0, 0 };
  const int february[] = { 1, 1, BMB_ANSWER_NONE, 0 };
  const int draft[] = { 1, 1, 1, 1 };
  const int empty[] = { BMB_ANSWER_NONE, BMB_ANSWER_NONE, BMB_ANSWER_NONE, BMB_ANSWER_NONE };
  const int same_day[] = { 0, 0, 0, 0 };

  g_ptr_array_add (assessments, make_assessment (7, 1772323200, march, 4));
  g_ptr_array_add (assessments, make_assessment (9, 1767225600, january, 4));
  g_ptr_array_add (assessments, make_assessment (3, 1769904000, february, 4));
  g_ptr_array_add (assessments, make_assessment (4, 0, draft, 4));            /* skipped: draft */
  g_ptr_array_add (assessments, make_assessment (5, 1769000000, empty, 4));   /* skipped: empty */
  g_ptr_array_add (assessments, make_assessment (2, 1769904000, same_day, 4)); /* tie: by id */

  points = bmb_assessment_score_series (template, assessments);
  g_assert_cmpuint (points->len, ==, 4);

  g_assert_cmpint (g_array_index (points, BmbScorePoint, 0).assessment_id, ==, 9);
  g_assert_cmpfloat (g_array_index (points, BmbScorePoint, 0).percent, ==, 25.0);
  g_assert_cmpint (g_array_index (points, BmbScorePoint, 1).assessment_id, ==, 2);
  g_assert_cmpfloat (g_array_index (points, BmbScorePoint, 1).percent, ==, 0.0);
  g_assert_cmpint (g_array_index (points, BmbScorePoint, 2).assessment_id, ==, 3);
  g_assert_cmpfloat_with_epsilon (g_array_index (points, BmbScorePoint, 2).percent,
                                  200.0 / 3.0, 1e-9);
  g_assert_cmpuint (g_array_index (points, BmbScorePoint, 2).n_answered, ==, 3);
  g_assert_cmpint (g_array_index (points, BmbScorePoint, 3).assessment_id, ==, 7);
  g_assert_cmpint (g_array_index (points, BmbScorePoint, 3).taken_at, ==, 1772323200);
  g_assert_cmpfloat (g_array_index (points, BmbScorePoint, 3).percent, ==, 75.0);
}

static void
on_answer_changed_cb (BmbAssessment *assessment,
                      gint64         item_id,
                      guint         *count)
{
  g_assert_cmpint (item_id, >, 0);
  (*count)++;
}

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_answer_model (void)
{
  g_autoptr(BmbAssessment) assessment = bmb_assessment_new (1, 0);
  g_autoptr(GArray) ids = NULL;
  guint n_signals = 0;
  guint n_changes = 0;

  g_signal_connect (assessment, "answer-changed", G_CALLBACK (on_answer_changed_cb), &n_changes);
  g_signal_connect (assessment, "notify::n-answered", G_CALLBACK (on_notify_cb), &n_signals);

  bmb_assessment_set_answer (assessment, 5, 1, "  ");
  g_assert_cmpint (bmb_assessment_get_value (assessment, 5), ==, 1);
  g_assert_null (bmb_assessment_get_note (assessment, 5));
  g_assert_cmpuint (n_signals, ==, 1);

  /* The same again changes nothing. */
  bmb_assessment_set_answer (assessment, 5, 1, NULL);
  g_assert_cmpuint (n_signals, ==, 1);

  bmb_assessment_set_answer (assessment, 6, BMB_ANSWER_NONE, "note only");
  g_assert_cmpuint (bmb_assessment_get_n_answered (assessment), ==, 1);
  ids = bmb_assessment_dup_answered_ids (assessment);
  g_assert_cmpuint (ids->len, ==, 2);

  bmb_assessment_set_answer (assessment, 5, BMB_ANSWER_NONE, NULL);
  g_assert_cmpuint (bmb_assessment_get_n_answered (assessment), ==, 0);
  g_assert_cmpuint (n_signals, ==, 2);
  /* Set, note-only, cleared: three real changes, the repeat was none. */
  g_assert_cmpuint (n_changes, ==, 3);
  g_assert_cmpint (bmb_assessment_get_value (assessment, 5), ==, BMB_ANSWER_NONE);
}

static void
test_format_value (void)
{
  g_autofree char *yes = bmb_answer_kind_format_value (BMB_ANSWER_KIND_YES_NO, 1);
  g_autofree char *no = bmb_answer_kind_format_value (BMB_ANSWER_KIND_YES_NO, 0);
  g_autofree char *four = bmb_answer_kind_format_value (BMB_ANSWER_KIND_RATING, 4);
  g_autofree char *none = bmb_answer_kind_format_value (BMB_ANSWER_KIND_RATING, BMB_ANSWER_NONE);
  g_autofree char *bad = bmb_answer_kind_format_value (BMB_ANSWER_KIND_RATING, 0);
  BmbAnswerKind kind;

  g_assert_cmpstr (yes, ==, "Yes");
  g_assert_cmpstr (no, ==, "No");
  g_assert_cmpstr (four, ==, "4 of 5");
  g_assert_cmpstr (none, ==, "");
  g_assert_cmpstr (bad, ==, "");

  g_assert_true (bmb_answer_kind_from_string ("rating", &kind));
  g_assert_cmpint (kind, ==, BMB_ANSWER_KIND_RATING);
  g_assert_false (bmb_answer_kind_from_string ("stars", &kind));
  g_assert_cmpstr (bmb_answer_kind_to_string (BMB_ANSWER_KIND_YES_NO), ==, "yes-no");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Jakarta", TRUE);
  setlocale (LC_ALL, "");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/checklists/score/fraction", test_fraction);
  g_test_add_func ("/checklists/score/yes-no", test_score_yes_no);
  g_test_add_func ("/checklists/score/rating", test_score_rating);
  g_test_add_func ("/checklists/score/compute", test_score_compute);
  g_test_add_func ("/checklists/score/compare", test_compare_values);
  g_test_add_func ("/checklists/score/deltas", test_deltas);
  g_test_add_func ("/checklists/score/series", test_series);
  g_test_add_func ("/checklists/score/answer-model", test_answer_model);
  g_test_add_func ("/checklists/score/format-value", test_format_value);

  return g_test_run ();
}
