/* bmb-session-format.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How sessions read on screen: times, days, durations and reminder offsets
 * in the user's language. Dates and times come from bmb-format.h (the
 * locale's date order, the desktop's 12/24-hour clock).
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "10:00 AM" or "10:00" / "10.00", as the desktop's clock is set. */
char *bmb_session_format_time       (GDateTime *dt);
/* "Today", "Tomorrow", "Yesterday", else "Tuesday, March 10" (with the year
 * when it is not @now's). Both in the zone they should be read in. */
char *bmb_session_format_day        (GDateTime *day,
                                     GDateTime *now);
/* "Tuesday, March 10, 2026": a date on a button. */
char *bmb_session_format_date       (GDateTime *dt);
/* "45 min", "1 h", "1 h 30 min". */
char *bmb_session_format_duration   (int        minutes);
/* "At the start", "15 minutes before", "1 day before"… */
char *bmb_session_format_reminder   (int        minutes);
/* TRUE when @location looks like a link (a video call) rather than a place. */
gboolean bmb_session_location_is_link (const char *location);

G_END_DECLS
