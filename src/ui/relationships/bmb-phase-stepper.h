/* bmb-phase-stepper.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bmb-checklist-store.h"
#include "bmb-mentoring-store.h"

G_BEGIN_DECLS

#define BMB_TYPE_PHASE_STEPPER (bmb_phase_stepper_get_type ())

G_DECLARE_FINAL_TYPE (BmbPhaseStepper, bmb_phase_stepper, BMB, PHASE_STEPPER, AdwBin)

/* The four phases of a mentoring relationship (preparation, negotiation,
 * enabling growth, closure) as steps; the current one is highlighted. A step
 * shows what its phase is for and the items of the built-in
 * "mentoring-phases" checklist in that phase, ticked as answers of an
 * assessment draft tied to the relationship. When every item of the current
 * phase is ticked, the stepper offers to move on.
 *
 * Properties: relationship (BmbRelationship), viewed-phase
 * (BmbRelationshipPhase, the step on show).
 * Signals:
 *   phase-changed (BmbRelationshipPhase phase): the relationship was moved
 *     to @phase and saved.
 *   closure-requested: every closure item is ticked and the user asked to
 *     write the closing summary. */

GtkWidget            *bmb_phase_stepper_new              (void);
/* Both are required before a relationship is set. */
void                  bmb_phase_stepper_set_stores       (BmbPhaseStepper       *self,
                                                          BmbMentoringStore     *mentoring_store,
                                                          BmbChecklistStore     *checklist_store);
BmbRelationship      *bmb_phase_stepper_get_relationship (BmbPhaseStepper       *self);
/* The same relationship again (same id) keeps the ticks and the step on show. */
void                  bmb_phase_stepper_set_relationship (BmbPhaseStepper       *self,
                                                          BmbRelationship       *relationship);
BmbRelationshipPhase  bmb_phase_stepper_get_viewed_phase (BmbPhaseStepper       *self);
void                  bmb_phase_stepper_set_viewed_phase (BmbPhaseStepper       *self,
                                                          BmbRelationshipPhase   phase);
/* TRUE when every checklist item of the relationship's current phase is
 * ticked (the "move to next phase" suggestion is up). */
gboolean              bmb_phase_stepper_is_phase_complete (BmbPhaseStepper      *self);
/* TRUE when the steps are too narrow for the phases' whole names and show
 * only their numbers (the heading names the phase on show). */
gboolean              bmb_phase_stepper_get_compact      (BmbPhaseStepper       *self);
/* Moves the relationship to @phase and saves it (what the buttons do). */
gboolean              bmb_phase_stepper_move_to_phase    (BmbPhaseStepper       *self,
                                                          BmbRelationshipPhase   phase,
                                                          GError               **error);

G_END_DECLS
