/* bmb-date-row.h — a row that picks a date from a calendar popover
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BMB_TYPE_DATE_ROW (bmb_date_row_get_type ())

G_DECLARE_FINAL_TYPE (BmbDateRow, bmb_date_row, BMB, DATE_ROW, AdwActionRow)

/* The one way to enter a date: the row's button shows the date as the user
 * reads it (bmb-format.h) and opens a calendar; with "allow-none" a "No Date"
 * button clears it, and "none-label" is shown while there is none. The
 * "date" property is the stored "YYYY-MM-DD" (NULL for none). */
GtkWidget  *bmb_date_row_new            (void);
/* NULL when no date is chosen. */
const char *bmb_date_row_get_date       (BmbDateRow *self);
/* @iso: "YYYY-MM-DD", or NULL (or anything else) for no date. */
void        bmb_date_row_set_date       (BmbDateRow *self,
                                         const char *iso);
gboolean    bmb_date_row_get_allow_none (BmbDateRow *self);
void        bmb_date_row_set_allow_none (BmbDateRow *self,
                                         gboolean    allow_none);
void        bmb_date_row_set_none_label (BmbDateRow *self,
                                         const char *label);

G_END_DECLS
