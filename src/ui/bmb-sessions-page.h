/* bmb-sessions-page.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bmb-database.h"

G_BEGIN_DECLS

#define BMB_TYPE_SESSIONS_PAGE (bmb_sessions_page_get_type ())

G_DECLARE_FINAL_TYPE (BmbSessionsPage, bmb_sessions_page, BMB, SESSIONS_PAGE, AdwBin)

BmbDatabase *bmb_sessions_page_get_database (BmbSessionsPage *self);

G_END_DECLS
