/* bmb-checklist-store.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Self-assessment checklists over one BmbDatabase connection: the built-in
 * templates (synchronised from bmb-checklist-builtins.c at start, read-only),
 * custom templates, and assessments with their answers.
 *
 * Every write runs in its own bmb_database_begin()/commit() level and marks
 * BMB_CHANGE_CHECKLISTS (templates, items) or BMB_CHANGE_ASSESSMENTS
 * (assessments, answers). All calls are synchronous.
 */

#pragma once

#include <gio/gio.h>

#include "bmb-assessment.h"
#include "bmb-checklist-template.h"
#include "bmb-database.h"

G_BEGIN_DECLS

#define BMB_TYPE_CHECKLIST_STORE (bmb_checklist_store_get_type ())

G_DECLARE_FINAL_TYPE (BmbChecklistStore, bmb_checklist_store, BMB, CHECKLIST_STORE, GObject)

/* Property: database (construct-only). */
BmbChecklistStore    *bmb_checklist_store_new               (BmbDatabase          *database);
BmbDatabase          *bmb_checklist_store_get_database      (BmbChecklistStore    *self);

/* ---- Templates ---- */

/* Inserts the built-in templates and items that the database lacks (by
 * key) and refreshes their answer kind, section and order. Idempotent;
 * custom templates are never touched. Call once at start. */
gboolean              bmb_checklist_store_sync_builtins     (BmbChecklistStore    *self,
                                                             GError              **error);
/* Every template with its items: built-ins in their shipped order, then
 * custom templates by position, then id. Elements are BmbChecklistTemplate. */
GPtrArray            *bmb_checklist_store_list_templates    (BmbChecklistStore    *self,
                                                             GError              **error);
/* BMB_DATABASE_ERROR_NOT_FOUND when there is none. */
BmbChecklistTemplate *bmb_checklist_store_get_template      (BmbChecklistStore    *self,
                                                             gint64                template_id,
                                                             GError              **error);
BmbChecklistTemplate *bmb_checklist_store_get_builtin       (BmbChecklistStore    *self,
                                                             const char           *builtin_key,
                                                             GError              **error);
/* Saves a new custom @template with its items (it must have an id of 0, a
 * non-blank title, and every item a non-blank title: otherwise
 * BMB_DATABASE_ERROR_INVALID). Sets the ids, positions and timestamps. */
gboolean              bmb_checklist_store_insert_template   (BmbChecklistStore    *self,
                                                             BmbChecklistTemplate *template,
                                                             GError              **error);
/* Writes a custom template's title, description, answer kind and items in
 * their current order: items with id 0 are inserted, missing ones deleted
 * (with their answers), the others updated. Built-ins are read-only:
 * BMB_DATABASE_ERROR_INVALID. Changing the answer kind of a template that
 * has assessments is refused too (their values would change meaning). */
gboolean              bmb_checklist_store_update_template   (BmbChecklistStore    *self,
                                                             BmbChecklistTemplate *template,
                                                             GError              **error);
/* Deletes a custom template with its items and assessments. Built-ins:
 * BMB_DATABASE_ERROR_INVALID. */
gboolean              bmb_checklist_store_delete_template   (BmbChecklistStore    *self,
                                                             gint64                template_id,
                                                             GError              **error);
/* Puts the items of a custom template in the order of @item_ids, which
 * must list each of its items exactly once. */
gboolean              bmb_checklist_store_reorder_items     (BmbChecklistStore    *self,
                                                             gint64                template_id,
                                                             const gint64         *item_ids,
                                                             guint                 n_item_ids,
                                                             GError              **error);
/* Copies any template into a new custom one (a built-in's text is copied
 * in the current language). @title NULL: "Copy of …", translated. */
BmbChecklistTemplate *bmb_checklist_store_duplicate_template (BmbChecklistStore   *self,
                                                              gint64               template_id,
                                                              const char          *title,
                                                              GError             **error);

/* ---- Assessments ---- */

/* A new draft of @template_id (with @relationship_id, 0 for none). */
BmbAssessment        *bmb_checklist_store_start_assessment  (BmbChecklistStore    *self,
                                                             gint64                template_id,
                                                             gint64                relationship_id,
                                                             GError              **error);
/* The assessment with its answers; BMB_DATABASE_ERROR_NOT_FOUND. */
BmbAssessment        *bmb_checklist_store_get_assessment    (BmbChecklistStore    *self,
                                                             gint64                assessment_id,
                                                             GError              **error);
/* The most recently updated draft of @template_id to resume, or NULL
 * without an error when there is none. */
BmbAssessment        *bmb_checklist_store_find_draft        (BmbChecklistStore    *self,
                                                             gint64                template_id,
                                                             GError              **error);
/* Saves one answer and updates @assessment in memory. @value must suit the
 * template's answer kind (0/1 or 1…5) or be BMB_ANSWER_NONE; @note may be
 * NULL. No value and no note removes the answer. The item must belong to
 * the assessment's template. */
gboolean              bmb_checklist_store_set_answer        (BmbChecklistStore    *self,
                                                             BmbAssessment        *assessment,
                                                             gint64                item_id,
                                                             int                   value,
                                                             const char           *note,
                                                             GError              **error);
/* Marks the assessment complete at @taken_at (Unix seconds; 0: now) and
 * updates @assessment. */
gboolean              bmb_checklist_store_complete_assessment (BmbChecklistStore  *self,
                                                               BmbAssessment      *assessment,
                                                               gint64              taken_at,
                                                               GError            **error);
gboolean              bmb_checklist_store_delete_assessment (BmbChecklistStore    *self,
                                                             gint64                assessment_id,
                                                             GError              **error);
/* Complete assessments of @template_id with their answers, oldest first
 * (by taken_at, then id). Elements are BmbAssessment. */
GPtrArray            *bmb_checklist_store_list_history      (BmbChecklistStore    *self,
                                                             gint64                template_id,
                                                             GError              **error);
/* The complete assessment of the same template taken just before
 * @assessment (before its taken_at; for a draft, the latest one), or NULL
 * without an error when there is none. */
BmbAssessment        *bmb_checklist_store_get_previous      (BmbChecklistStore    *self,
                                                             BmbAssessment        *assessment,
                                                             GError              **error);
/* All assessments (drafts too) tied to a relationship, newest first.
 * Elements are BmbAssessment. */
GPtrArray            *bmb_checklist_store_list_for_relationship (BmbChecklistStore *self,
                                                                 gint64             relationship_id,
                                                                 GError           **error);

G_END_DECLS
