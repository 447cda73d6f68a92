/* bmb-agenda.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The plain-text agenda for `bimbing --agenda`: every non-cancelled
 * occurrence starting in [@from 00:00, @from + @days) in @local, sorted, one
 * per line as "YYYY-MM-DDTHH:MM±HH:MM<TAB>title\n".
 */

#pragma once

#include "bmb-mentoring-store.h"

G_BEGIN_DECLS

/* Appends the lines to @out. @local NULL: the zone of the environment (TZ).
 * @from NULL: today in @local. */
gboolean  bmb_agenda_print        (BmbMentoringStore  *store,
                                   const GDate        *from,
                                   guint               days,
                                   GTimeZone          *local,
                                   GString            *out,
                                   GError            **error);
/* One line for one occurrence, without the newline. */
char     *bmb_agenda_format_line  (BmbOccurrence      *occurrence,
                                   GTimeZone          *local);
/* Parses a --from argument "YYYY-MM-DD"; FALSE with a translated error. */
gboolean  bmb_agenda_parse_date   (const char         *text,
                                   GDate              *date,
                                   GError            **error);

G_END_DECLS
