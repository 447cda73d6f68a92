/* bmb-template-item-row.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bmb-checklist-template.h"

G_BEGIN_DECLS

#define BMB_TYPE_TEMPLATE_ITEM_ROW (bmb_template_item_row_get_type ())

G_DECLARE_FINAL_TYPE (BmbTemplateItemRow, bmb_template_item_row, BMB, TEMPLATE_ITEM_ROW,
                      GtkListBoxRow)

/* One item in the checklist editor: title and explanation entries that
 * edit @item in memory, a drag handle and a menu. Signals: ::move (int:
 * −1 up, +1 down; Alt+↑ / Alt+↓), ::remove, ::dropped (the
 * BmbTemplateItemRow dragged onto this one), ::edited (the text changed). */
GtkWidget        *bmb_template_item_row_new          (BmbChecklistItem   *item);
BmbChecklistItem *bmb_template_item_row_get_item     (BmbTemplateItemRow *self);
/* Marks the title as missing (an explanation without a title). */
void              bmb_template_item_row_set_invalid  (BmbTemplateItemRow *self,
                                                      gboolean            invalid);
void              bmb_template_item_row_focus_title  (BmbTemplateItemRow *self);

G_END_DECLS
