/* bmb-session-format.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How sessions read on screen: times, days, durations and reminder offsets
 * in the user's language (formats are translatable, so Indonesian gets a
 * 24-hour clock and its own date order).
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "10:00 AM" / "10.00". */
char *bmb_session_format_time       (GDateTime *dt);
/* "Today", "Tomorrow", "Yesterday", else "Tuesday, March 10" (with the year
 * when it is not @now's). Both in the zone they should be read in. */
char *bmb_session_format_day        (GDateTime *day,
                                     GDateTime *now);
/* "Tue, March 10, 2026": a date on a button. */
char *bmb_session_format_date       (GDateTime *dt);
/* "45 min", "1 h", "1 h 30 min". */
char *bmb_session_format_duration   (int        minutes);
/* "At the start", "15 minutes before", "1 day before"… */
char *bmb_session_format_reminder   (int        minutes);
/* TRUE when @location looks like a link (a video call) rather than a place. */
gboolean bmb_session_location_is_link (const char *location);

G_END_DECLS
