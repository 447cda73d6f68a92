/* bmb-assessment-view.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bmb-checklist-store.h"

G_BEGIN_DECLS

#define BMB_TYPE_ASSESSMENT_VIEW (bmb_assessment_view_get_type ())

G_DECLARE_FINAL_TYPE (BmbAssessmentView, bmb_assessment_view, BMB, ASSESSMENT_VIEW, AdwBin)

/* Taking one assessment: every answer is saved to the store as it is
 * given, so a draft survives closing the window. Signals: ::closed (the
 * user continues later; the draft stays), ::finished (completed and saved;
 * the completed BmbAssessment is the argument). Actions: assessment.later
 * (Escape), assessment.finish (Ctrl+Return). */
GtkWidget            *bmb_assessment_view_new           (void);
/* Shows @assessment (a draft of @template) and saves answers through
 * @store. @relationship_title: who it is about, or NULL. */
void                  bmb_assessment_view_load          (BmbAssessmentView    *self,
                                                         BmbChecklistStore    *store,
                                                         BmbChecklistTemplate *template,
                                                         BmbAssessment        *assessment,
                                                         const char           *relationship_title);
/* Forgets the assessment (after flushing any pending note). */
void                  bmb_assessment_view_clear         (BmbAssessmentView    *self);
BmbAssessment        *bmb_assessment_view_get_assessment (BmbAssessmentView   *self);
BmbChecklistTemplate *bmb_assessment_view_get_template  (BmbAssessmentView    *self);
/* Saves a note still being typed. */
void                  bmb_assessment_view_flush         (BmbAssessmentView    *self);
/* The row of the item at @position, for keyboard focus and tests. */
GtkWidget            *bmb_assessment_view_get_row       (BmbAssessmentView    *self,
                                                         guint                 position);
/* "5 of 9 answered". */
const char           *bmb_assessment_view_get_progress_text (BmbAssessmentView *self);
/* Completes the assessment now, unanswered items or not; FALSE with the
 * error shown to the user on failure. */
gboolean              bmb_assessment_view_finish        (BmbAssessmentView    *self);

G_END_DECLS
