/* bmb-goal-row.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bmb-goal.h"

G_BEGIN_DECLS

#define BMB_TYPE_GOAL_ROW (bmb_goal_row_get_type ())

G_DECLARE_FINAL_TYPE (BmbGoalRow, bmb_goal_row, BMB, GOAL_ROW, AdwPreferencesRow)

/* One SMART goal in a list: its title, a progress bar with the percentage,
 * and its due date, status and how many SMART criteria are filled in.
 * Property: item (BmbGoal); the row follows the goal's changes. */
GtkWidget *bmb_goal_row_new      (BmbGoal    *goal);
BmbGoal   *bmb_goal_row_get_item (BmbGoalRow *self);
void       bmb_goal_row_set_item (BmbGoalRow *self,
                                  BmbGoal    *goal);

G_END_DECLS
