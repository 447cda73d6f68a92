/* bmb-date-format.h — stored dates as the user reads them
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "March 10, 2026" (Indonesian "10 Maret 2026") for a stored "YYYY-MM-DD"; NULL when
 * @iso is not a date. */
char *bmb_date_format_for_display (const char *iso);

G_END_DECLS
