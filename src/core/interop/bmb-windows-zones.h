/* bmb-windows-zones.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Windows time zone names (as Outlook and Exchange write them in TZID and
 * VTIMEZONE) → IANA zone ids, through ICU (CLDR's windowsZones "001").
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "W. Europe Standard Time" → "Europe/Berlin"; NULL if unknown.
 * Case-insensitive. The string is interned: never freed. */
const char *bmb_windows_zone_to_iana (const char *windows_name);

/* Best effort from any TZID seen in the wild: an IANA id as is, a Windows
 * name, libical's "/freeassociation.sourceforge.net/Europe/Berlin" prefix
 * forms, quoted ids, "(UTC+07:00) Bangkok, Hanoi, Jakarta" display names.
 * Returns a new IANA id that GLib knows, or NULL. */
char       *bmb_tzid_to_iana         (const char *tzid);

/* The IANA id of the environment's zone (TZ, else the system's), "UTC"
 * when it cannot be named. */
char       *bmb_tzid_dup_local       (void);

G_END_DECLS
