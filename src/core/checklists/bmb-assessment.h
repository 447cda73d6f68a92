/* bmb-assessment.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One self-assessment against a checklist template (a row of assessments)
 * with its answers (rows of answers, keyed by checklist item id). A draft
 * can be resumed; a complete one has taken_at and belongs to the history.
 * A plain model: BmbChecklistStore reads and writes it.
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  BMB_ASSESSMENT_STATUS_DRAFT,
  BMB_ASSESSMENT_STATUS_COMPLETE,
} BmbAssessmentStatus;

/* No value given (an answer may hold only a note). */
#define BMB_ANSWER_NONE (-1)

#define BMB_TYPE_ASSESSMENT_STATUS (bmb_assessment_status_get_type ())
#define BMB_TYPE_ASSESSMENT        (bmb_assessment_get_type ())

GType        bmb_assessment_status_get_type    (void) G_GNUC_CONST;
/* "draft", "complete". */
const char  *bmb_assessment_status_to_string   (BmbAssessmentStatus  status);
gboolean     bmb_assessment_status_from_string (const char          *text,
                                                BmbAssessmentStatus *status);
/* "Draft", "Completed", translated. */
const char  *bmb_assessment_status_get_label   (BmbAssessmentStatus  status);

G_DECLARE_FINAL_TYPE (BmbAssessment, bmb_assessment, BMB, ASSESSMENT, GObject)

/* Properties (read-only unless noted, G_PARAM_EXPLICIT_NOTIFY): id,
 * template-id, relationship-id, status, taken-at, created-at, updated-at,
 * n-answered. The ::answer-changed (gint64 item_id) signal is emitted by
 * bmb_assessment_set_answer() when the answer really changed. */

/* An unsaved draft; the store gives it an id. @relationship_id 0: none. */
BmbAssessment       *bmb_assessment_new                 (gint64          template_id,
                                                         gint64          relationship_id);
gint64               bmb_assessment_get_id              (BmbAssessment  *self);
gint64               bmb_assessment_get_template_id     (BmbAssessment  *self);
/* 0 when the assessment is not tied to a mentoring relationship. */
gint64               bmb_assessment_get_relationship_id (BmbAssessment  *self);
BmbAssessmentStatus  bmb_assessment_get_status          (BmbAssessment  *self);
gboolean             bmb_assessment_is_complete         (BmbAssessment  *self);
/* Unix seconds when completed; 0 for a draft. */
gint64               bmb_assessment_get_taken_at        (BmbAssessment  *self);
gint64               bmb_assessment_get_created_at      (BmbAssessment  *self);
gint64               bmb_assessment_get_updated_at      (BmbAssessment  *self);

/* The answer for one item: the value (0/1 yes-no, 1…5 rating) or
 * BMB_ANSWER_NONE when the item has no value. */
int                  bmb_assessment_get_value           (BmbAssessment  *self,
                                                         gint64          item_id);
/* The note for one item, or NULL. */
const char          *bmb_assessment_get_note            (BmbAssessment  *self,
                                                         gint64          item_id);
/* In memory only (the store's bmb_checklist_store_set_answer() saves and
 * calls this). BMB_ANSWER_NONE and a NULL/blank note remove the answer. */
void                 bmb_assessment_set_answer          (BmbAssessment  *self,
                                                         gint64          item_id,
                                                         int             value,
                                                         const char     *note);
/* Items with a value (not counting note-only answers). */
guint                bmb_assessment_get_n_answered      (BmbAssessment  *self);
/* Item ids that have an answer row (value and/or note), in no order. */
GArray              *bmb_assessment_dup_answered_ids    (BmbAssessment  *self);

G_END_DECLS
