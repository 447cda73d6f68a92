/* bmb-local-time.h — the date and wall-clock forms Bimbing stores, parsed in one place
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Dates are stored as "YYYY-MM-DD" and wall-clock times as "YYYY-MM-DDTHH:MM:SS" (the
 * seconds may be left out) next to an IANA zone id (see bmb-schema.c). Parsing is strict:
 * exactly those digits and separators, nothing after them, a real calendar day in the
 * years 1–9999 (what GDateTime can hold), hours 0–23, minutes and seconds 0–59.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  int year, month, day;
  int hour, minute, second;
} BmbLocalTime;

gboolean   bmb_local_date_parse         (const char   *text,
                                         BmbLocalTime *out);
gboolean   bmb_local_time_parse         (const char   *text,
                                         BmbLocalTime *out);
gboolean   bmb_local_date_is_valid      (const char   *text);
gboolean   bmb_local_time_is_valid      (const char   *text);
/* The day of @text at @hour:00 in @zone (NULL: local), or NULL when @text is not a date. */
GDateTime *bmb_local_date_to_date_time  (const char   *text,
                                         GTimeZone    *zone,
                                         int           hour);
/* "YYYY-MM-DD" of @date_time as it is (no zone conversion). */
char      *bmb_local_date_format        (GDateTime    *date_time);
/* A stored wall clock in @zone; a time inside a DST gap moves forward as GLib does. NULL
 * when @local is not one. */
GDateTime *bmb_local_time_to_date_time  (const char   *local,
                                         GTimeZone    *zone);
/* The "YYYY-MM-DDTHH:MM:SS" wall clock of @date_time in its own zone. */
char      *bmb_date_time_to_local_time  (GDateTime    *date_time);

/* The local zone, cached: GLib's g_time_zone_new_local() stats and reads /etc/localtime on
 * every call (three system calls), which made start-up on a large database spend most of
 * its time in the kernel. Refreshed when $TZ changes and at most once a second otherwise,
 * so a change of the system zone is seen within a second. Thread-safe. */
GTimeZone *bmb_local_time_zone_ref     (void);
/* g_date_time_to_local() and g_date_time_new_now_local() through that cache. */
GDateTime *bmb_date_time_to_local      (GDateTime    *date_time);
GDateTime *bmb_date_time_new_now_local (void);
/* The day @date_time falls on in @zone, as days since 1970-01-01 there: for sorting and
 * grouping many times by day without making a GDateTime for each. */
gint64     bmb_date_time_get_day_in_zone (GDateTime *date_time,
                                          GTimeZone *zone);

G_END_DECLS
