/* bmb-goal.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A SMART goal (one row of goals): what exactly, how it is measured, why
 * it is achievable and relevant, by when — with a due date, progress and
 * status. A plain model: BmbGoalStore reads and writes it.
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  BMB_GOAL_STATUS_ACTIVE,
  BMB_GOAL_STATUS_ACHIEVED,
  BMB_GOAL_STATUS_DROPPED,
} BmbGoalStatus;

/* The five SMART criteria, in order. */
typedef enum
{
  BMB_GOAL_CRITERION_SPECIFIC,
  BMB_GOAL_CRITERION_MEASURABLE,
  BMB_GOAL_CRITERION_ACHIEVABLE,
  BMB_GOAL_CRITERION_RELEVANT,
  BMB_GOAL_CRITERION_TIME_BOUND,
} BmbGoalCriterion;

#define BMB_GOAL_N_CRITERIA 5

#define BMB_TYPE_GOAL_STATUS    (bmb_goal_status_get_type ())
#define BMB_TYPE_GOAL_CRITERION (bmb_goal_criterion_get_type ())
#define BMB_TYPE_GOAL           (bmb_goal_get_type ())

GType         bmb_goal_status_get_type       (void) G_GNUC_CONST;
GType         bmb_goal_criterion_get_type    (void) G_GNUC_CONST;
/* "active", "achieved", "dropped". */
const char   *bmb_goal_status_to_string      (BmbGoalStatus     status);
gboolean      bmb_goal_status_from_string    (const char       *text,
                                              BmbGoalStatus    *status);
/* "Active", "Achieved", "Dropped", translated. */
const char   *bmb_goal_status_get_label      (BmbGoalStatus     status);
/* "Specific"… translated, and a one-line question to guide the user
 * ("What exactly do you want to achieve?"). */
const char   *bmb_goal_criterion_get_label   (BmbGoalCriterion  criterion);
const char   *bmb_goal_criterion_get_hint    (BmbGoalCriterion  criterion);

G_DECLARE_FINAL_TYPE (BmbGoal, bmb_goal, BMB, GOAL, GObject)

/* Properties (G_PARAM_EXPLICIT_NOTIFY): id, relationship-id, title,
 * specific, measurable, achievable, relevant, time-bound, due-on
 * ("YYYY-MM-DD" or NULL), progress (0…100), status, created-at and
 * updated-at (read-only, Unix seconds). */

/* A new, unsaved active goal (id 0). */
BmbGoal       *bmb_goal_new                  (const char       *title);
gint64         bmb_goal_get_id               (BmbGoal          *self);
/* 0: a personal goal, not tied to a relationship. */
gint64         bmb_goal_get_relationship_id  (BmbGoal          *self);
void           bmb_goal_set_relationship_id  (BmbGoal          *self,
                                              gint64            relationship_id);
const char    *bmb_goal_get_title            (BmbGoal          *self);
void           bmb_goal_set_title            (BmbGoal          *self,
                                              const char       *title);
/* The text for one SMART criterion (NULL when empty). */
const char    *bmb_goal_get_criterion        (BmbGoal          *self,
                                              BmbGoalCriterion  criterion);
void           bmb_goal_set_criterion        (BmbGoal          *self,
                                              BmbGoalCriterion  criterion,
                                              const char       *text);
const char    *bmb_goal_get_specific         (BmbGoal          *self);
void           bmb_goal_set_specific         (BmbGoal          *self,
                                              const char       *text);
const char    *bmb_goal_get_measurable       (BmbGoal          *self);
void           bmb_goal_set_measurable       (BmbGoal          *self,
                                              const char       *text);
const char    *bmb_goal_get_achievable       (BmbGoal          *self);
void           bmb_goal_set_achievable       (BmbGoal          *self,
                                              const char       *text);
const char    *bmb_goal_get_relevant         (BmbGoal          *self);
void           bmb_goal_set_relevant         (BmbGoal          *self,
                                              const char       *text);
const char    *bmb_goal_get_time_bound       (BmbGoal          *self);
void           bmb_goal_set_time_bound       (BmbGoal          *self,
                                              const char       *text);
/* "YYYY-MM-DD" or NULL. */
const char    *bmb_goal_get_due_on           (BmbGoal          *self);
void           bmb_goal_set_due_on           (BmbGoal          *self,
                                              const char       *due_on);
/* 0…100 (clamped). */
guint          bmb_goal_get_progress         (BmbGoal          *self);
void           bmb_goal_set_progress         (BmbGoal          *self,
                                              guint             progress);
BmbGoalStatus  bmb_goal_get_status           (BmbGoal          *self);
void           bmb_goal_set_status           (BmbGoal          *self,
                                              BmbGoalStatus     status);
gint64         bmb_goal_get_created_at       (BmbGoal          *self);
gint64         bmb_goal_get_updated_at       (BmbGoal          *self);
/* How many of the five criteria have text. */
guint          bmb_goal_count_criteria       (BmbGoal          *self);
/* Active and due before @today. */
gboolean       bmb_goal_is_overdue           (BmbGoal          *self,
                                              const GDate      *today);

G_END_DECLS
