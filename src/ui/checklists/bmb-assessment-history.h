/* bmb-assessment-history.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bmb-change-set.h"

#include "bmb-checklist-store.h"
#include "bmb-progress-chart.h"

G_BEGIN_DECLS

#define BMB_TYPE_ASSESSMENT_HISTORY (bmb_assessment_history_get_type ())

G_DECLARE_FINAL_TYPE (BmbAssessmentHistory, bmb_assessment_history, BMB, ASSESSMENT_HISTORY,
                      AdwBin)

/* One checklist in detail: its title and description, the button that
 * takes (or resumes) an assessment, the progress chart and the completed
 * assessments, newest first, each with its score and how every item
 * changed against the assessment before it. The buttons use the
 * checklists.* actions of the page around it. */
GtkWidget            *bmb_assessment_history_new          (void);
/* Shows @template (NULL: nothing) and loads its history from @store. */
gboolean              bmb_assessment_history_set_template (BmbAssessmentHistory *self,
                                                           BmbChecklistStore    *store,
                                                           BmbChecklistTemplate *template,
                                                           GError              **error);
BmbChecklistTemplate *bmb_assessment_history_get_template (BmbAssessmentHistory *self);
/* Reads the history again (after a change in the database). */
gboolean              bmb_assessment_history_reload       (BmbAssessmentHistory *self,
                                                           GError              **error);
/* Updates only the rows of the assessments @changes names (and of the
 * ones after them, whose change badges compare with them). */
gboolean              bmb_assessment_history_apply_changes (BmbAssessmentHistory  *self,
                                                            BmbChangeSet          *changes,
                                                            GError               **error);
/* The completed assessments shown (BmbAssessment), newest first. */
GListModel           *bmb_assessment_history_get_model    (BmbAssessmentHistory *self);
BmbProgressChart     *bmb_assessment_history_get_chart    (BmbAssessmentHistory *self);
/* The row shown for the assessment at @position of the model, or NULL. */
AdwExpanderRow       *bmb_assessment_history_get_row      (BmbAssessmentHistory *self,
                                                           guint                 position);
gboolean              bmb_assessment_history_get_has_draft (BmbAssessmentHistory *self);
/* Names shown for assessments tied to a mentoring relationship: gint64 id
 * → display title (borrowed, kept with a reference). */
void                  bmb_assessment_history_set_relationship_titles (BmbAssessmentHistory *self,
                                                                      GHashTable           *titles);
/* The open mentoring relationships (BmbRelationship) an assessment can be
 * taken for, chosen up front in a "Taken For" row (first: yourself); the
 * row is hidden without any, and while a draft waits to be resumed. */
void                  bmb_assessment_history_set_relationships (BmbAssessmentHistory *self,
                                                                GPtrArray            *relationships);
/* The relationship chosen there, or 0 for yourself. */
gint64                bmb_assessment_history_get_relationship_id (BmbAssessmentHistory *self);

G_END_DECLS
