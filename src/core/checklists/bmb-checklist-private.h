/* bmb-checklist-private.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the self-assessment stores need of the models beyond their public
 * API: constructors for built-ins, and setters for saved state (ids,
 * positions, timestamps, status); and the store's instance struct, shared
 * by bmb-checklist-store.c and its -assessments, -builtins and -edit
 * parts. Not for the UI.
 */

#pragma once

#include "bmb-assessment.h"
#include "bmb-checklist-store.h"
#include "bmb-checklist-template.h"
#include "bmb-goal.h"

G_BEGIN_DECLS

/* Replaces *@str with a copy of @new_str; TRUE when it changed.
 * (g_set_str() is GLib 2.76; we target 2.74.) */
static inline gboolean
_bmb_set_str (char       **str,
              const char  *new_str)
{
  if (g_strcmp0 (*str, new_str) == 0)
    return FALSE;

  g_free (*str);
  *str = g_strdup (new_str);
  return TRUE;
}

/* Unix seconds now. */
static inline gint64
_bmb_now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

struct _BmbChecklistStore
{
  GObject parent_instance;

  /* owned */
  BmbDatabase *db;
};

/* The template with its items; BMB_DATABASE_ERROR_NOT_FOUND when missing. */
BmbChecklistTemplate *_bmb_checklist_store_get_template_or_error (BmbChecklistStore  *self,
                                                                  gint64              template_id,
                                                                  GError            **error);
/* Shared by bmb-checklist-store.c and bmb-checklist-store-edit.c. */
void      _bmb_checklist_store_set_builtin_read_only (GError               **error,
                                                      const char            *title);
/* A custom template's title and items' titles are not blank. */
gboolean  _bmb_checklist_store_validate_custom       (BmbChecklistTemplate  *template,
                                                      GError               **error);
/* Inserts @item of a custom template at @position and gives it its id. */
gboolean  _bmb_checklist_store_insert_item_row       (BmbChecklistStore     *self,
                                                      gint64                 template_id,
                                                      BmbChecklistItem      *item,
                                                      guint                  position,
                                                      GError               **error);

BmbChecklistItem     *_bmb_checklist_item_new_builtin        (const char           *template_key,
                                                              const char           *item_key);
void                  _bmb_checklist_item_set_id             (BmbChecklistItem     *self,
                                                              gint64                id);
void                  _bmb_checklist_item_set_position       (BmbChecklistItem     *self,
                                                              guint                 position);

BmbChecklistTemplate *_bmb_checklist_template_new_builtin    (const char           *builtin_key,
                                                              BmbAnswerKind         kind);
void                  _bmb_checklist_template_set_id         (BmbChecklistTemplate *self,
                                                              gint64                id);
void                  _bmb_checklist_template_set_position   (BmbChecklistTemplate *self,
                                                              int                   position);
void                  _bmb_checklist_template_set_timestamps (BmbChecklistTemplate *self,
                                                              gint64                created_at,
                                                              gint64                updated_at);
/* Sets every item's position to its index. */
void                  _bmb_checklist_template_renumber       (BmbChecklistTemplate *self);

void                  _bmb_assessment_set_id                 (BmbAssessment        *self,
                                                              gint64                id);
void                  _bmb_assessment_set_status             (BmbAssessment        *self,
                                                              BmbAssessmentStatus   status,
                                                              gint64                taken_at);
void                  _bmb_assessment_set_timestamps         (BmbAssessment        *self,
                                                              gint64                created_at,
                                                              gint64                updated_at);

void                  _bmb_goal_set_id                       (BmbGoal              *self,
                                                              gint64                id);
void                  _bmb_goal_set_timestamps               (BmbGoal              *self,
                                                              gint64                created_at,
                                                              gint64                updated_at);

G_END_DECLS
