/* bmb-goal-store.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SMART goals over one BmbDatabase connection. Every write runs in its own
 * bmb_database_begin()/commit() level and marks BMB_CHANGE_GOALS.
 */

#pragma once

#include <gio/gio.h>

#include "bmb-database.h"
#include "bmb-goal.h"

G_BEGIN_DECLS

/* For bmb_goal_store_list(): every goal, whatever its relationship. */
#define BMB_GOAL_ANY_RELATIONSHIP ((gint64) -1)

#define BMB_TYPE_GOAL_STORE (bmb_goal_store_get_type ())

G_DECLARE_FINAL_TYPE (BmbGoalStore, bmb_goal_store, BMB, GOAL_STORE, GObject)

/* Property: database (construct-only). */
BmbGoalStore *bmb_goal_store_new            (BmbDatabase   *database);
BmbDatabase  *bmb_goal_store_get_database   (BmbGoalStore  *self);

/* Saves a new goal (id 0) and sets its id and timestamps. A blank title or
 * an invalid due date ("YYYY-MM-DD"): BMB_DATABASE_ERROR_INVALID; an unknown
 * relationship: BMB_DATABASE_ERROR_CONSTRAINT. */
gboolean      bmb_goal_store_insert         (BmbGoalStore  *self,
                                             BmbGoal       *goal,
                                             GError       **error);
/* Writes every column; BMB_DATABASE_ERROR_NOT_FOUND when deleted meanwhile. */
gboolean      bmb_goal_store_update         (BmbGoalStore  *self,
                                             BmbGoal       *goal,
                                             GError       **error);
gboolean      bmb_goal_store_delete         (BmbGoalStore  *self,
                                             gint64         goal_id,
                                             GError       **error);
/* BMB_DATABASE_ERROR_NOT_FOUND when there is none. */
BmbGoal      *bmb_goal_store_get            (BmbGoalStore  *self,
                                             gint64         goal_id,
                                             GError       **error);
/* Quick edits from a list row; save and update @goal. */
gboolean      bmb_goal_store_set_progress   (BmbGoalStore  *self,
                                             BmbGoal       *goal,
                                             guint          progress,
                                             GError       **error);
gboolean      bmb_goal_store_set_status     (BmbGoalStore  *self,
                                             BmbGoal       *goal,
                                             BmbGoalStatus  status,
                                             GError       **error);
/* Goals of @relationship_id (0: personal goals without a relationship;
 * BMB_GOAL_ANY_RELATIONSHIP: all), active first, then by due date (none
 * last), then id. Elements are BmbGoal. */
GPtrArray    *bmb_goal_store_list           (BmbGoalStore  *self,
                                             gint64         relationship_id,
                                             GError       **error);

G_END_DECLS
