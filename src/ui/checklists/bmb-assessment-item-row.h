/* bmb-assessment-item-row.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bmb-checklist-template.h"

G_BEGIN_DECLS

#define BMB_TYPE_ASSESSMENT_ITEM_ROW (bmb_assessment_item_row_get_type ())

G_DECLARE_FINAL_TYPE (BmbAssessmentItemRow, bmb_assessment_item_row, BMB, ASSESSMENT_ITEM_ROW,
                      GtkListBoxRow)

/* One item while taking an assessment: its title and explanation, Yes/No
 * or 1–5 buttons, and an optional note. ::answer-changed is emitted when
 * the user changes the value (at once) or the note (after a pause, or on
 * bmb_assessment_item_row_flush()). Keys: Y/N or 1–5 answer, Delete clears. */
GtkWidget        *bmb_assessment_item_row_new       (BmbChecklistItem     *item,
                                                     BmbAnswerKind         kind);
BmbChecklistItem *bmb_assessment_item_row_get_item  (BmbAssessmentItemRow *self);
BmbAnswerKind     bmb_assessment_item_row_get_kind  (BmbAssessmentItemRow *self);
/* BMB_ANSWER_NONE (-1) when unanswered. */
int               bmb_assessment_item_row_get_value (BmbAssessmentItemRow *self);
/* NULL when there is no note. */
const char       *bmb_assessment_item_row_get_note  (BmbAssessmentItemRow *self);
/* Shows a saved answer; emits nothing. */
void              bmb_assessment_item_row_set_answer (BmbAssessmentItemRow *self,
                                                      int                   value,
                                                      const char           *note);
/* Answers as if the user had chosen @value; emits ::answer-changed. */
void              bmb_assessment_item_row_choose    (BmbAssessmentItemRow *self,
                                                     int                   value);
/* What a rating of @value (1–5) means, translated: "Not yet" … "Consistently". */
const char       *bmb_assessment_item_row_get_rating_meaning (int value);
/* Emits ::answer-changed now if a note edit is waiting. */
void              bmb_assessment_item_row_flush     (BmbAssessmentItemRow *self);

G_END_DECLS
