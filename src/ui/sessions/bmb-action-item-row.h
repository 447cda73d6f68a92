/* bmb-action-item-row.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bmb-action-item.h"

G_BEGIN_DECLS

#define BMB_TYPE_ACTION_ITEM_ROW (bmb_action_item_row_get_type ())

G_DECLARE_FINAL_TYPE (BmbActionItemRow, bmb_action_item_row, BMB, ACTION_ITEM_ROW, AdwActionRow)

/* Property: item (BmbActionItem, construct-only). Signals: remove, changed
 * (done toggled). */
GtkWidget     *bmb_action_item_row_new      (BmbActionItem    *item);
BmbActionItem *bmb_action_item_row_get_item (BmbActionItemRow *self);

G_END_DECLS
