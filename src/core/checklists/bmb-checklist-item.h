/* bmb-checklist-item.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One item of a self-assessment checklist (one row of checklist_items),
 * held by its BmbChecklistTemplate. A built-in item (key set) shows its
 * text translated from bmb-checklist-builtins.c; a custom item keeps the
 * text the user typed.
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define BMB_TYPE_CHECKLIST_ITEM (bmb_checklist_item_get_type ())

G_DECLARE_FINAL_TYPE (BmbChecklistItem, bmb_checklist_item, BMB, CHECKLIST_ITEM, GObject)

/* Properties (G_PARAM_EXPLICIT_NOTIFY): id, template-key (read-only), key
 * (read-only), section, title, explanation, position (read-only). */

/* A new custom item (id 0 until the store saves it). */
BmbChecklistItem *bmb_checklist_item_new             (const char       *title,
                                                      const char       *explanation);
gint64            bmb_checklist_item_get_id          (BmbChecklistItem *self);
/* The stable item key of a built-in item; NULL for custom items. */
const char       *bmb_checklist_item_get_key         (BmbChecklistItem *self);
gboolean          bmb_checklist_item_is_builtin      (BmbChecklistItem *self);
/* Section key ("preparation"…) or free text for custom items; may be NULL. */
const char       *bmb_checklist_item_get_section     (BmbChecklistItem *self);
void              bmb_checklist_item_set_section     (BmbChecklistItem *self,
                                                      const char       *section);
/* Translated section heading for built-in section keys, else the section
 * text itself; NULL when there is no section. */
const char       *bmb_checklist_item_get_section_label (BmbChecklistItem *self);
/* Display text: translated now for a built-in item, as typed for a custom
 * one. Never NULL. Setting it on a built-in item is a programming error. */
const char       *bmb_checklist_item_get_title       (BmbChecklistItem *self);
void              bmb_checklist_item_set_title       (BmbChecklistItem *self,
                                                      const char       *title);
/* May be "" but never NULL. */
const char       *bmb_checklist_item_get_explanation (BmbChecklistItem *self);
void              bmb_checklist_item_set_explanation (BmbChecklistItem *self,
                                                      const char       *explanation);
/* 0-based index in its template, set by the store. */
guint             bmb_checklist_item_get_position    (BmbChecklistItem *self);

G_END_DECLS
