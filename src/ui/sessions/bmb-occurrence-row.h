/* bmb-occurrence-row.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bmb-occurrence.h"

G_BEGIN_DECLS

#define BMB_TYPE_OCCURRENCE_ROW (bmb_occurrence_row_get_type ())

G_DECLARE_FINAL_TYPE (BmbOccurrenceRow, bmb_occurrence_row, BMB, OCCURRENCE_ROW, GtkWidget)

/* Properties: item (BmbOccurrence, nullable), partner (the other person's
 * name, nullable). */
GtkWidget     *bmb_occurrence_row_new         (void);
BmbOccurrence *bmb_occurrence_row_get_item    (BmbOccurrenceRow *self);
void           bmb_occurrence_row_set_item    (BmbOccurrenceRow *self,
                                               BmbOccurrence    *item);
const char    *bmb_occurrence_row_get_partner (BmbOccurrenceRow *self);
void           bmb_occurrence_row_set_partner (BmbOccurrenceRow *self,
                                               const char       *partner);
/* What the row shows, for tests: "time|title|subtitle|status". */
char          *bmb_occurrence_row_dup_summary (BmbOccurrenceRow *self);

G_END_DECLS
