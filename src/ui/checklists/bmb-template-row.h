/* bmb-template-row.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bmb-checklist-template.h"

G_BEGIN_DECLS

#define BMB_TYPE_TEMPLATE_ROW (bmb_template_row_get_type ())

G_DECLARE_FINAL_TYPE (BmbTemplateRow, bmb_template_row, BMB, TEMPLATE_ROW, AdwBin)

/* A checklist in the Checklists page's sidebar: its title, its last score
 * (or "Not taken yet") and a "Resume" badge while a draft is open. */
GtkWidget            *bmb_template_row_new            (void);
BmbChecklistTemplate *bmb_template_row_get_item       (BmbTemplateRow       *self);
void                  bmb_template_row_set_item       (BmbTemplateRow       *self,
                                                       BmbChecklistTemplate *item);
/* 0 … 100, or a negative number when no assessment was completed. */
double                bmb_template_row_get_last_score (BmbTemplateRow       *self);
void                  bmb_template_row_set_last_score (BmbTemplateRow       *self,
                                                       double                percent);
gboolean              bmb_template_row_get_has_draft  (BmbTemplateRow       *self);
void                  bmb_template_row_set_has_draft  (BmbTemplateRow       *self,
                                                       gboolean              has_draft);

G_END_DECLS
