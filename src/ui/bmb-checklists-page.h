/* bmb-checklists-page.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bmb-database.h"

G_BEGIN_DECLS

#define BMB_TYPE_CHECKLISTS_PAGE (bmb_checklists_page_get_type ())

G_DECLARE_FINAL_TYPE (BmbChecklistsPage, bmb_checklists_page, BMB, CHECKLISTS_PAGE, AdwBin)

BmbDatabase *bmb_checklists_page_get_database (BmbChecklistsPage *self);

G_END_DECLS
