/* bmb-date-format.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-date-format.h"
#include "bmb-local-time.h"

char *
bmb_date_format_for_display (const char *iso)
{
  g_autoptr(GDateTime) dt = bmb_local_date_to_date_time (iso, NULL, 12);

  if (dt == NULL)
    return NULL;

  /* Translators: a calendar date, see strftime(3); Indonesian: "%-e %B %Y" */
  return g_date_time_format (dt, _("%B %-e, %Y"));
}
