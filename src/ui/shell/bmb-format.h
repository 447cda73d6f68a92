/* bmb-format.h — dates, times and percentages as the user reads them
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one place the UI turns a date, a time or a percentage into text. Dates
 * take the order of the user's language (the formats are translatable:
 * "March 10, 2026" in English, "10 Maret 2026" in Indonesian); times follow
 * the desktop's 12/24-hour setting (org.gnome.desktop.interface clock-format,
 * as GNOME Calendar does; 24-hour when the schema is not installed).
 * Month and weekday names come from the LC_TIME locale.
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* "March 10, 2026" / "10 Maret 2026". */
char    *bmb_format_date                (GDateTime  *dt);
/* The same for a stored "YYYY-MM-DD"; NULL for NULL or when @iso is not a date. */
char    *bmb_format_iso_date            (const char *iso);
/* "Tuesday, March 10, 2026" / "Selasa, 10 Maret 2026". */
char    *bmb_format_date_with_weekday   (GDateTime  *dt);
/* "Tuesday, March 10" / "Selasa, 10 Maret": a day in the current year. */
char    *bmb_format_weekday_day_month   (GDateTime  *dt);
/* "March 10" / "10 Maret": a day in a sentence, in the current year. */
char    *bmb_format_day_month           (GDateTime  *dt);
/* "Mar 10" / "10 Mar", with the year ("Mar 10, 2026") when @with_year. */
char    *bmb_format_short_date          (GDateTime  *dt,
                                         gboolean    with_year);

/* TRUE when the desktop asks for a 12-hour clock. */
gboolean bmb_format_get_use_12h         (void);
/* "4:00 PM" (12-hour) or "16:00" / "16.00" (24-hour). */
char    *bmb_format_time                (GDateTime  *dt);
/* The same for a wall-clock hour and minute. */
char    *bmb_format_hour_minute         (int         hour,
                                         int         minute);
/* An hour alone, for a time picker: "4 PM" (12-hour) or "16" (24-hour). */
char    *bmb_format_hour                (int         hour);
/* "Tuesday, March 10, 2026 at 4:00 PM" / "Selasa, 10 Maret 2026, pukul 16.00". */
char    *bmb_format_date_time           (GDateTime  *dt);

/* Calls @callback (@instance) whenever the desktop's clock format changes, for
 * as long as @instance lives. Nothing happens when the schema is absent. */
void     bmb_format_watch_clock         (gpointer    instance,
                                         GCallback   callback);

/* "40%" (in every language the same function: the translation decides). */
char    *bmb_format_percent             (int         percent);

G_END_DECLS
