/* bmb-goal-editor.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bmb-goal-store.h"

G_BEGIN_DECLS

#define BMB_TYPE_GOAL_EDITOR (bmb_goal_editor_get_type ())

G_DECLARE_FINAL_TYPE (BmbGoalEditor, bmb_goal_editor, BMB, GOAL_EDITOR, AdwWindow)

/* A modal window to write or edit a SMART goal: its title, the five SMART
 * criteria with a short hint each, the due date, progress and status.
 *
 * Signals:
 *   saved (BmbGoal *goal): written to the store; the editor then closes.
 *   delete-requested (BmbGoal *goal): the user chose Delete; the editor
 *     closes and the caller deletes (with an Undo toast). */

/* @goal NULL: a new goal of @relationship_id (0: a personal goal). */
BmbGoalEditor *bmb_goal_editor_new      (BmbGoalStore   *store,
                                         gint64          relationship_id,
                                         BmbGoal        *goal);
/* The goal being edited (a fresh copy read from the store). */
BmbGoal       *bmb_goal_editor_get_goal (BmbGoalEditor  *self);
gboolean       bmb_goal_editor_is_valid (BmbGoalEditor  *self);
/* What Save does: writes, emits ::saved and closes. */
gboolean       bmb_goal_editor_save     (BmbGoalEditor  *self,
                                         GError        **error);

G_END_DECLS
