/* bmb-windows-zones.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Windows zone names come from ICU, which carries Unicode CLDR's
 * windowsZones data (territory "001") and is updated with it.
 */

#define G_LOG_DOMAIN "bmb-windows-zones"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unicode/ucal.h>
#include <unicode/ustring.h>

#include "bmb-local-time.h"
#include "bmb-windows-zones.h"

/* Longer than any zone id or Windows name. */
#define ID_CAPACITY 128

/* CLDR, and so ICU, keeps the old spelling of the zones IANA renamed; the
 * new one is used when the system's tzdata has it. */
static const char * const renamed_zones[][2] = {
  { "America/Buenos_Aires", "America/Argentina/Buenos_Aires" },
  { "America/Godthab", "America/Nuuk" },
  { "America/Indianapolis", "America/Indiana/Indianapolis" },
  { "Asia/Calcutta", "Asia/Kolkata" },
  { "Asia/Katmandu", "Asia/Kathmandu" },
  { "Asia/Rangoon", "Asia/Yangon" },
  { "Asia/Saigon", "Asia/Ho_Chi_Minh" },
  { "Europe/Kiev", "Europe/Kyiv" },
};

/* @text (ASCII, shorter than ID_CAPACITY) as UTF-16 into @out; FALSE if it
 * does not fit. */
static gboolean
to_uchars (const char *text,
           UChar      *out)
{
  if (strlen (text) >= ID_CAPACITY || !g_str_is_ascii (text))
    return FALSE;

  u_uastrncpy (out, text, ID_CAPACITY);
  return TRUE;
}

/* Every Windows name ICU knows, keyed by its lowercase form: ICU matches
 * them only in their exact case, and files do not always keep it. */
static GHashTable *
get_windows_names (void)
{
  static GHashTable *names;

  if (g_once_init_enter (&names))
    {
      GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      UErrorCode status = U_ZERO_ERROR;
      UEnumeration *zones = ucal_openTimeZones (&status);
      const char *zone;

      while (U_SUCCESS (status) && (zone = uenum_next (zones, NULL, &status)) != NULL)
        {
          UChar uzone[ID_CAPACITY];
          UChar uwindows[ID_CAPACITY];
          char windows[ID_CAPACITY];
          UErrorCode zone_status = U_ZERO_ERROR;
          int32_t len;

          if (!to_uchars (zone, uzone))
            continue;
          len = ucal_getWindowsTimeZoneID (uzone, -1, uwindows, ID_CAPACITY, &zone_status);
          if (U_FAILURE (zone_status) || len <= 0 || len >= ID_CAPACITY)
            continue;
          u_austrncpy (windows, uwindows, len);
          windows[len] = '\0';
          g_hash_table_replace (table, g_ascii_strdown (windows, -1), g_strdup (windows));
        }

      if (U_FAILURE (status))
        g_debug ("Listing ICU's time zones stopped: %s", u_errorName (status));
      if (zones != NULL)
        uenum_close (zones);

      g_debug ("ICU knows %u Windows zone names", g_hash_table_size (table));
      g_once_init_leave (&names, table);
    }

  return names;
}

static const char *
current_name (const char *zone)
{
  for (guint i = 0; i < G_N_ELEMENTS (renamed_zones); i++)
    {
      if (g_str_equal (zone, renamed_zones[i][0]))
        {
          g_autoptr(GTimeZone) renamed = g_time_zone_new_identifier (renamed_zones[i][1]);

          return renamed != NULL ? renamed_zones[i][1] : zone;
        }
    }

  return zone;
}

const char *
bmb_windows_zone_to_iana (const char *windows_name)
{
  g_autofree char *lower = NULL;
  const char *canonical;
  UChar uwindows[ID_CAPACITY];
  UChar uzone[ID_CAPACITY];
  char zone[ID_CAPACITY];
  UErrorCode status = U_ZERO_ERROR;
  int32_t len;

  if (windows_name == NULL || !g_str_is_ascii (windows_name))
    return NULL;

  lower = g_ascii_strdown (windows_name, -1);
  if ((canonical = g_hash_table_lookup (get_windows_names (), lower)) == NULL ||
      !to_uchars (canonical, uwindows))
    return NULL;

  /* No region: the zone of territory "001", the one Windows means. */
  len = ucal_getTimeZoneIDForWindowsID (uwindows, -1, NULL, uzone, ID_CAPACITY, &status);
  if (U_FAILURE (status) || len <= 0 || len >= ID_CAPACITY)
    return NULL;
  u_austrncpy (zone, uzone, len);
  zone[len] = '\0';

  /* A few hundred names at most: interned, they can be returned as is. */
  return g_intern_string (current_name (zone));
}

/* Only real zone files: an "Area/City" id or UTC, never a POSIX TZ string
 * such as "EST5EDT" that GLib would also accept. */
static gboolean
is_known_iana (const char *tzid)
{
  g_autoptr(GTimeZone) zone = NULL;

  if (tzid == NULL || *tzid == '\0' || *tzid == '/' || strstr (tzid, "..") != NULL)
    return FALSE;

  if (strchr (tzid, '/') == NULL && g_strcmp0 (tzid, "UTC") != 0)
    return FALSE;

  for (const char *p = tzid; *p; p++)
    {
      if (!g_ascii_isalnum (*p) && strchr ("/_-+", *p) == NULL)
        return FALSE;
    }

  zone = g_time_zone_new_identifier (tzid);
  return zone != NULL;
}

/* "(UTC+07:00) Bangkok, Hanoi, Jakarta" → "Etc/GMT-7" (whole hours only;
 * the Etc signs are inverted). No DST: good enough when nothing else is. */
static char *
from_display_name (const char *tzid)
{
  char sign;
  int hours, minutes, n = 0;

  if (g_ascii_strncasecmp (tzid, "(UTC)", 5) == 0 || g_ascii_strncasecmp (tzid, "(GMT)", 5) == 0)
    return g_strdup ("UTC");

  if ((g_ascii_strncasecmp (tzid, "(UTC", 4) != 0 && g_ascii_strncasecmp (tzid, "(GMT", 4) != 0) ||
      sscanf (tzid + 4, "%c%2d:%2d)%n", &sign, &hours, &minutes, &n) != 3 || n == 0 ||
      (sign != '+' && sign != '-') || minutes != 0 || hours > 14)
    return NULL;

  if (hours == 0)
    return g_strdup ("UTC");

  return g_strdup_printf ("Etc/GMT%c%d", sign == '+' ? '-' : '+', hours);
}

char *
bmb_tzid_to_iana (const char *tzid)
{
  g_autofree char *clean = NULL;
  const char *iana;
  gsize len;

  if (tzid == NULL)
    return NULL;

  clean = g_strstrip (g_strdup (tzid));
  len = strlen (clean);
  if (len >= 2 && clean[0] == '"' && clean[len - 1] == '"')
    {
      memmove (clean, clean + 1, len - 2);
      clean[len - 2] = '\0';
    }

  if (*clean == '\0')
    return NULL;

  if (g_ascii_strcasecmp (clean, "UTC") == 0 || g_ascii_strcasecmp (clean, "GMT") == 0 ||
      g_ascii_strcasecmp (clean, "Z") == 0 || g_ascii_strcasecmp (clean, "Etc/UTC") == 0)
    return g_strdup ("UTC");

  if ((iana = bmb_windows_zone_to_iana (clean)) != NULL)
    return g_strdup (g_str_equal (iana, "Etc/UTC") ? "UTC" : iana);

  if (is_known_iana (clean))
    return g_steal_pointer (&clean);

  /* Prefixed forms: "/freeassociation.sourceforge.net/Tzfile/Europe/Berlin",
   * "/mozilla.org/20050126_1/Asia/Jakarta": try each tail. */
  for (const char *p = strchr (clean, '/'); p != NULL; p = strchr (p + 1, '/'))
    {
      if (is_known_iana (p + 1))
        return g_strdup (p + 1);
    }

  return from_display_name (clean);
}

char *
bmb_tzid_dup_local (void)
{
  g_autoptr(GTimeZone) local = bmb_local_time_zone_ref ();
  const char *identifier = g_time_zone_get_identifier (local);
  const char *tz = g_getenv ("TZ");
  char *iana;

  /* TZ=":Asia/Jakarta" or a path: take what names a zone. */
  if (tz != NULL && *tz == ':')
    tz++;
  if (tz != NULL && (iana = bmb_tzid_to_iana (tz)) != NULL)
    return iana;

  if ((iana = bmb_tzid_to_iana (identifier)) != NULL)
    return iana;

  return g_strdup ("UTC");
}
