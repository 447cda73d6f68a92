/* bmb-checklist-template.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A self-assessment checklist (one row of checklist_templates) and its
 * items (BmbChecklistItem, bmb-checklist-item.h). Plain models:
 * BmbChecklistStore reads and writes them. A built-in template (builtin_key set) shows its text translated
 * from bmb-checklist-builtins.c and is read-only; a custom template keeps
 * the text the user typed.
 */

#pragma once

#include <gio/gio.h>

#include "bmb-checklist-item.h"

G_BEGIN_DECLS

/* checklist_templates.answer_kind */
typedef enum
{
  BMB_ANSWER_KIND_YES_NO, /* value 0 (no) or 1 (yes) */
  BMB_ANSWER_KIND_RATING, /* value 1 … 5 */
} BmbAnswerKind;

#define BMB_TYPE_ANSWER_KIND        (bmb_answer_kind_get_type ())
#define BMB_TYPE_CHECKLIST_TEMPLATE (bmb_checklist_template_get_type ())

GType          bmb_answer_kind_get_type        (void) G_GNUC_CONST;
/* "yes-no", "rating". */
const char    *bmb_answer_kind_to_string       (BmbAnswerKind  kind);
/* FALSE for unknown text. */
gboolean       bmb_answer_kind_from_string     (const char    *text,
                                                BmbAnswerKind *kind);
/* "Yes or no", "Rating from 1 to 5", translated. */
const char    *bmb_answer_kind_get_label       (BmbAnswerKind  kind);
/* TRUE when @value is a valid answer of @kind (0/1, or 1…5). */
gboolean       bmb_answer_kind_is_valid_value  (BmbAnswerKind  kind,
                                                int            value);
/* Display text of an answer: "Yes", "No", "4 of 5", translated; new string.
 * "" for an unanswered value (-1). */
char          *bmb_answer_kind_format_value    (BmbAnswerKind  kind,
                                                int            value);

/* ---- BmbChecklistTemplate ------------------------------------------------ */

G_DECLARE_FINAL_TYPE (BmbChecklistTemplate, bmb_checklist_template, BMB, CHECKLIST_TEMPLATE,
                      GObject)

/* Properties (G_PARAM_EXPLICIT_NOTIFY): id, builtin-key (read-only),
 * title, description, answer-kind, position, created-at, updated-at
 * (read-only), items (read-only GListModel of BmbChecklistItem),
 * n-items (read-only). */

/* A new custom template (id 0 until the store saves it), without items. */
BmbChecklistTemplate *bmb_checklist_template_new             (const char           *title,
                                                              BmbAnswerKind         kind);
gint64                bmb_checklist_template_get_id          (BmbChecklistTemplate *self);
/* NULL for custom templates. */
const char           *bmb_checklist_template_get_builtin_key (BmbChecklistTemplate *self);
gboolean              bmb_checklist_template_is_builtin      (BmbChecklistTemplate *self);
/* Display text, translated now for a built-in. Never NULL. */
const char           *bmb_checklist_template_get_title       (BmbChecklistTemplate *self);
void                  bmb_checklist_template_set_title       (BmbChecklistTemplate *self,
                                                              const char           *title);
/* May be "" but never NULL. */
const char           *bmb_checklist_template_get_description (BmbChecklistTemplate *self);
void                  bmb_checklist_template_set_description (BmbChecklistTemplate *self,
                                                              const char           *description);
BmbAnswerKind         bmb_checklist_template_get_answer_kind (BmbChecklistTemplate *self);
void                  bmb_checklist_template_set_answer_kind (BmbChecklistTemplate *self,
                                                              BmbAnswerKind         kind);
int                   bmb_checklist_template_get_position    (BmbChecklistTemplate *self);
gint64                bmb_checklist_template_get_created_at  (BmbChecklistTemplate *self);
gint64                bmb_checklist_template_get_updated_at  (BmbChecklistTemplate *self);

/* The items in order, a GListModel of BmbChecklistItem (borrowed; it is
 * the template's own list and changes with the calls below). */
GListModel           *bmb_checklist_template_get_items       (BmbChecklistTemplate *self);
guint                 bmb_checklist_template_get_n_items     (BmbChecklistTemplate *self);
/* Borrowed; NULL past the end. */
BmbChecklistItem     *bmb_checklist_template_get_item        (BmbChecklistTemplate *self,
                                                              guint                 position);
/* Borrowed; NULL when no item has that id / key. */
BmbChecklistItem     *bmb_checklist_template_find_item       (BmbChecklistTemplate *self,
                                                              gint64                item_id);
BmbChecklistItem     *bmb_checklist_template_find_item_by_key (BmbChecklistTemplate *self,
                                                               const char           *key);
/* Editing the in-memory list of a custom template; save with
 * bmb_checklist_store_update_template(). */
void                  bmb_checklist_template_append_item     (BmbChecklistTemplate *self,
                                                              BmbChecklistItem     *item);
void                  bmb_checklist_template_insert_item     (BmbChecklistTemplate *self,
                                                              guint                 position,
                                                              BmbChecklistItem     *item);
void                  bmb_checklist_template_remove_item     (BmbChecklistTemplate *self,
                                                              guint                 position);
/* Moves the item at @from so that it ends up at @to. */
void                  bmb_checklist_template_move_item       (BmbChecklistTemplate *self,
                                                              guint                 from,
                                                              guint                 to);

G_END_DECLS
