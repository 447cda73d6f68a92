/* bmb-agenda-item-row.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bmb-session.h"

G_BEGIN_DECLS

#define BMB_TYPE_AGENDA_ITEM_ROW (bmb_agenda_item_row_get_type ())

G_DECLARE_FINAL_TYPE (BmbAgendaItemRow, bmb_agenda_item_row, BMB, AGENDA_ITEM_ROW, AdwEntryRow)

/* Property: item (BmbAgendaItem, construct-only). Signals: move (int delta:
 * -1 up, +1 down), remove, changed (text or done edited). */
GtkWidget     *bmb_agenda_item_row_new      (BmbAgendaItem    *item);
BmbAgendaItem *bmb_agenda_item_row_get_item (BmbAgendaItemRow *self);

G_END_DECLS
