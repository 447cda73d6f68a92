/* bmb-relationship-goals-section.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bmb-goal.h"
#include "bmb-goal-store.h"
#include "bmb-relationship.h"
#include "bmb-undo-queue.h"

G_BEGIN_DECLS

#define BMB_TYPE_RELATIONSHIP_GOALS_SECTION (bmb_relationship_goals_section_get_type ())

G_DECLARE_FINAL_TYPE (BmbRelationshipGoalsSection, bmb_relationship_goals_section,
                      BMB, RELATIONSHIP_GOALS_SECTION, AdwPreferencesGroup)

/* The "SMART Goals" part of the relationship panel: a row per goal of the
 * relationship with its progress; activating a row edits the goal. A goal
 * deleted from its editor leaves the list at once but the store only when
 * its Undo toast goes, or when the section moves to another relationship or
 * goal store, or goes away.
 *
 * The header's Add Goal button activates "panel.add-goal", which the
 * embedding BmbRelationshipPanel installs (and enables).
 *
 * Properties: goal-store (BmbGoalStore), relationship (BmbRelationship or
 * NULL). Setting them shows nothing new: the panel calls reload().
 *
 * Signals:
 *   show-toast (AdwToast *toast): show this toast (saved, deleted with Undo);
 *     the handler adds a reference of its own. */

GtkWidget       *bmb_relationship_goals_section_new              (void);
BmbGoalStore    *bmb_relationship_goals_section_get_goal_store   (BmbRelationshipGoalsSection  *self);
void             bmb_relationship_goals_section_set_goal_store   (BmbRelationshipGoalsSection  *self,
                                                                  BmbGoalStore                 *goal_store);
BmbRelationship *bmb_relationship_goals_section_get_relationship (BmbRelationshipGoalsSection  *self);
void             bmb_relationship_goals_section_set_relationship (BmbRelationshipGoalsSection  *self,
                                                                  BmbRelationship              *relationship);
/* Where its deletes with Undo wait (the application's queue). */
void             bmb_relationship_goals_section_set_undo_queue   (BmbRelationshipGoalsSection  *self,
                                                                  BmbUndoQueue                 *undo_queue);
/* Re-reads the goals of the relationship from the goal store. */
gboolean         bmb_relationship_goals_section_reload           (BmbRelationshipGoalsSection  *self,
                                                                  GError                      **error);
/* Updates the rows of the goals @changes names; the others keep their
 * widgets. */
gboolean         bmb_relationship_goals_section_apply_changes    (BmbRelationshipGoalsSection  *self,
                                                                  BmbChangeSet                 *changes,
                                                                  GError                      **error);
/* Empties the list (the panel shows no relationship). */
void             bmb_relationship_goals_section_clear            (BmbRelationshipGoalsSection  *self);
/* Opens the goal editor for a new goal (@goal NULL) or @goal. */
void             bmb_relationship_goals_section_edit_goal        (BmbRelationshipGoalsSection  *self,
                                                                  BmbGoal                      *goal);

G_END_DECLS
