/* bmb-assessment-score.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure scoring of self-assessments: no database, no clock.
 *
 * Score: for yes/no, the share of "yes"; for ratings, the mean of
 * (value − 1) / 4 — both as a percentage 0…100. Items without a value are
 * left out; n_answered says how many counted.
 */

#pragma once

#include <glib-object.h>

#include "bmb-assessment.h"
#include "bmb-checklist-template.h"

G_BEGIN_DECLS

typedef struct
{
  double percent;     /* 0 … 100; 0 when n_answered is 0 */
  guint  n_answered;  /* items of the template with a value */
  guint  n_items;     /* items of the template */
} BmbAssessmentScore;

typedef enum
{
  BMB_ITEM_CHANGE_UNANSWERED, /* no value now */
  BMB_ITEM_CHANGE_NEW,        /* a value now, none in the previous assessment */
  BMB_ITEM_CHANGE_SAME,
  BMB_ITEM_CHANGE_IMPROVED,
  BMB_ITEM_CHANGE_DECLINED,
} BmbItemChange;

typedef struct
{
  gint64        item_id;
  int           previous;  /* value or BMB_ANSWER_NONE */
  int           current;   /* value or BMB_ANSWER_NONE */
  BmbItemChange change;
} BmbItemDelta;

/* One point of the progress chart. */
typedef struct
{
  gint64 assessment_id;
  gint64 taken_at;    /* Unix seconds */
  double percent;
  guint  n_answered;
} BmbScorePoint;

#define BMB_TYPE_ITEM_CHANGE (bmb_item_change_get_type ())

GType       bmb_item_change_get_type       (void) G_GNUC_CONST;
/* "improved", "same"…: stable strings (exports). */
const char *bmb_item_change_to_string      (BmbItemChange  change);
/* "Improved", "Same", "Declined", "New", "Not answered", translated. */
const char *bmb_item_change_get_label      (BmbItemChange  change);

/* 1.0 for yes, 0.0 for no; (value − 1) / 4 for a rating; a negative number
 * for BMB_ANSWER_NONE or an invalid value. */
double      bmb_assessment_value_fraction  (BmbAnswerKind  kind,
                                            int            value);

/* Scores @assessment over the items of @template (answers to items no
 * longer in the template are ignored). Returns TRUE when at least one item
 * was answered. */
gboolean    bmb_assessment_score_compute   (BmbChecklistTemplate *template,
                                            BmbAssessment        *assessment,
                                            BmbAssessmentScore   *out_score);
/* The same on plain values: @values[i] is an answer of @kind or
 * BMB_ANSWER_NONE. */
gboolean    bmb_assessment_score_values    (BmbAnswerKind         kind,
                                            const int            *values,
                                            guint                 n_values,
                                            BmbAssessmentScore   *out_score);

/* How one item moved between two values of @kind. */
BmbItemChange bmb_assessment_compare_values (int                  previous,
                                             int                  current);
/* Per item of @template, in template order: how @current compares with
 * @previous (may be NULL: the first assessment, every answered item is
 * NEW). Returns an array of BmbItemDelta. */
GArray     *bmb_assessment_compute_deltas  (BmbChecklistTemplate *template,
                                            BmbAssessment        *previous,
                                            BmbAssessment        *current);

/* Points for a progress chart from @assessments (BmbAssessment of
 * @template, any order): the complete ones with at least one answered
 * item, oldest first (ties by id). Returns an array of BmbScorePoint. */
GArray     *bmb_assessment_score_series    (BmbChecklistTemplate *template,
                                            GPtrArray            *assessments);

G_END_DECLS
