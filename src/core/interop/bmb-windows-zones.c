/* bmb-windows-zones.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The common Windows zone names, from the territory "001" entries of
 * Unicode CLDR's windowsZones.xml (as of 2023), sorted case-insensitively
 * for bsearch(). Outlook and Exchange write these as TZID.
 */

#define G_LOG_DOMAIN "bmb-windows-zones"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bmb-windows-zones.h"

typedef struct
{
  const char *windows;
  const char *iana;
} ZoneName;

static const ZoneName windows_zones[] = {
  { "Afghanistan Standard Time", "Asia/Kabul" },
  { "Alaskan Standard Time", "America/Anchorage" },
  { "Aleutian Standard Time", "America/Adak" },
  { "Altai Standard Time", "Asia/Barnaul" },
  { "Arab Standard Time", "Asia/Riyadh" },
  { "Arabian Standard Time", "Asia/Dubai" },
  { "Arabic Standard Time", "Asia/Baghdad" },
  { "Argentina Standard Time", "America/Argentina/Buenos_Aires" },
  { "Astrakhan Standard Time", "Europe/Astrakhan" },
  { "Atlantic Standard Time", "America/Halifax" },
  { "AUS Central Standard Time", "Australia/Darwin" },
  { "Aus Central W. Standard Time", "Australia/Eucla" },
  { "AUS Eastern Standard Time", "Australia/Sydney" },
  { "Azerbaijan Standard Time", "Asia/Baku" },
  { "Azores Standard Time", "Atlantic/Azores" },
  { "Bahia Standard Time", "America/Bahia" },
  { "Bangladesh Standard Time", "Asia/Dhaka" },
  { "Belarus Standard Time", "Europe/Minsk" },
  { "Bougainville Standard Time", "Pacific/Bougainville" },
  { "Canada Central Standard Time", "America/Regina" },
  { "Cape Verde Standard Time", "Atlantic/Cape_Verde" },
  { "Caucasus Standard Time", "Asia/Yerevan" },
  { "Cen. Australia Standard Time", "Australia/Adelaide" },
  { "Central America Standard Time", "America/Guatemala" },
  { "Central Asia Standard Time", "Asia/Almaty" },
  { "Central Brazilian Standard Time", "America/Cuiaba" },
  { "Central Europe Standard Time", "Europe/Budapest" },
  { "Central European Standard Time", "Europe/Warsaw" },
  { "Central Pacific Standard Time", "Pacific/Guadalcanal" },
  { "Central Standard Time", "America/Chicago" },
  { "Central Standard Time (Mexico)", "America/Mexico_City" },
  { "Chatham Islands Standard Time", "Pacific/Chatham" },
  { "China Standard Time", "Asia/Shanghai" },
  { "Coordinated Universal Time", "Etc/UTC" },
  { "Cuba Standard Time", "America/Havana" },
  { "Dateline Standard Time", "Etc/GMT+12" },
  { "E. Africa Standard Time", "Africa/Nairobi" },
  { "E. Australia Standard Time", "Australia/Brisbane" },
  { "E. Europe Standard Time", "Europe/Chisinau" },
  { "E. South America Standard Time", "America/Sao_Paulo" },
  { "Easter Island Standard Time", "Pacific/Easter" },
  { "Eastern Standard Time", "America/New_York" },
  { "Eastern Standard Time (Mexico)", "America/Cancun" },
  { "Egypt Standard Time", "Africa/Cairo" },
  { "Ekaterinburg Standard Time", "Asia/Yekaterinburg" },
  { "Fiji Standard Time", "Pacific/Fiji" },
  { "FLE Standard Time", "Europe/Kiev" },
  { "Georgian Standard Time", "Asia/Tbilisi" },
  { "GMT Standard Time", "Europe/London" },
  { "Greenland Standard Time", "America/Nuuk" },
  { "Greenwich Standard Time", "Atlantic/Reykjavik" },
  { "GTB Standard Time", "Europe/Bucharest" },
  { "Haiti Standard Time", "America/Port-au-Prince" },
  { "Hawaiian Standard Time", "Pacific/Honolulu" },
  { "India Standard Time", "Asia/Kolkata" },
  { "Iran Standard Time", "Asia/Tehran" },
  { "Israel Standard Time", "Asia/Jerusalem" },
  { "Jordan Standard Time", "Asia/Amman" },
  { "Kaliningrad Standard Time", "Europe/Kaliningrad" },
  { "Korea Standard Time", "Asia/Seoul" },
  { "Libya Standard Time", "Africa/Tripoli" },
  { "Line Islands Standard Time", "Pacific/Kiritimati" },
  { "Lord Howe Standard Time", "Australia/Lord_Howe" },
  { "Magadan Standard Time", "Asia/Magadan" },
  { "Magallanes Standard Time", "America/Punta_Arenas" },
  { "Malay Peninsula Standard Time", "Asia/Kuala_Lumpur" },
  { "Marquesas Standard Time", "Pacific/Marquesas" },
  { "Mauritius Standard Time", "Indian/Mauritius" },
  { "Mid-Atlantic Standard Time", "Etc/GMT+2" },
  { "Middle East Standard Time", "Asia/Beirut" },
  { "Montevideo Standard Time", "America/Montevideo" },
  { "Morocco Standard Time", "Africa/Casablanca" },
  { "Mountain Standard Time", "America/Denver" },
  { "Mountain Standard Time (Mexico)", "America/Mazatlan" },
  { "Myanmar Standard Time", "Asia/Yangon" },
  { "N. Central Asia Standard Time", "Asia/Novosibirsk" },
  { "Namibia Standard Time", "Africa/Windhoek" },
  { "Nepal Standard Time", "Asia/Kathmandu" },
  { "New Zealand Standard Time", "Pacific/Auckland" },
  { "Newfoundland Standard Time", "America/St_Johns" },
  { "Norfolk Standard Time", "Pacific/Norfolk" },
  { "North Asia East Standard Time", "Asia/Irkutsk" },
  { "North Asia Standard Time", "Asia/Krasnoyarsk" },
  { "North Korea Standard Time", "Asia/Pyongyang" },
  { "Omsk Standard Time", "Asia/Omsk" },
  { "Pacific SA Standard Time", "America/Santiago" },
  { "Pacific Standard Time", "America/Los_Angeles" },
  { "Pacific Standard Time (Mexico)", "America/Tijuana" },
  { "Pakistan Standard Time", "Asia/Karachi" },
  { "Paraguay Standard Time", "America/Asuncion" },
  { "Qyzylorda Standard Time", "Asia/Qyzylorda" },
  { "Romance Standard Time", "Europe/Paris" },
  { "Russia Time Zone 10", "Asia/Srednekolymsk" },
  { "Russia Time Zone 11", "Asia/Kamchatka" },
  { "Russia Time Zone 3", "Europe/Samara" },
  { "Russian Standard Time", "Europe/Moscow" },
  { "SA Eastern Standard Time", "America/Cayenne" },
  { "SA Pacific Standard Time", "America/Bogota" },
  { "SA Western Standard Time", "America/La_Paz" },
  { "Saint Pierre Standard Time", "America/Miquelon" },
  { "Sakhalin Standard Time", "Asia/Sakhalin" },
  { "Samoa Standard Time", "Pacific/Apia" },
  { "Sao Tome Standard Time", "Africa/Sao_Tome" },
  { "Saratov Standard Time", "Europe/Saratov" },
  { "SE Asia Standard Time", "Asia/Bangkok" },
  { "Singapore Standard Time", "Asia/Singapore" },
  { "South Africa Standard Time", "Africa/Johannesburg" },
  { "South Sudan Standard Time", "Africa/Juba" },
  { "Sri Lanka Standard Time", "Asia/Colombo" },
  { "Sudan Standard Time", "Africa/Khartoum" },
  { "Syria Standard Time", "Asia/Damascus" },
  { "Taipei Standard Time", "Asia/Taipei" },
  { "Tasmania Standard Time", "Australia/Hobart" },
  { "Tocantins Standard Time", "America/Araguaina" },
  { "Tokyo Standard Time", "Asia/Tokyo" },
  { "Tomsk Standard Time", "Asia/Tomsk" },
  { "Tonga Standard Time", "Pacific/Tongatapu" },
  { "Transbaikal Standard Time", "Asia/Chita" },
  { "Turkey Standard Time", "Europe/Istanbul" },
  { "Turks And Caicos Standard Time", "America/Grand_Turk" },
  { "Ulaanbaatar Standard Time", "Asia/Ulaanbaatar" },
  { "US Eastern Standard Time", "America/Indiana/Indianapolis" },
  { "US Mountain Standard Time", "America/Phoenix" },
  { "UTC", "Etc/UTC" },
  { "UTC+12", "Etc/GMT-12" },
  { "UTC+13", "Etc/GMT-13" },
  { "UTC-02", "Etc/GMT+2" },
  { "UTC-08", "Etc/GMT+8" },
  { "UTC-09", "Etc/GMT+9" },
  { "UTC-11", "Etc/GMT+11" },
  { "Venezuela Standard Time", "America/Caracas" },
  { "Vladivostok Standard Time", "Asia/Vladivostok" },
  { "Volgograd Standard Time", "Europe/Volgograd" },
  { "W. Australia Standard Time", "Australia/Perth" },
  { "W. Central Africa Standard Time", "Africa/Lagos" },
  { "W. Europe Standard Time", "Europe/Berlin" },
  { "W. Mongolia Standard Time", "Asia/Hovd" },
  { "West Asia Standard Time", "Asia/Tashkent" },
  { "West Bank Standard Time", "Asia/Hebron" },
  { "West Pacific Standard Time", "Pacific/Port_Moresby" },
  { "Yakutsk Standard Time", "Asia/Yakutsk" },
  { "Yukon Standard Time", "America/Whitehorse" },
};

static int
compare_zone_name (const void *key,
                   const void *member)
{
  return g_ascii_strcasecmp (key, ((const ZoneName *)member)->windows);
}

const char *
bmb_windows_zone_to_iana (const char *windows_name)
{
  const ZoneName *found;

  if (windows_name == NULL)
    return NULL;

  found = bsearch (windows_name, windows_zones, G_N_ELEMENTS (windows_zones),
                   sizeof windows_zones[0], compare_zone_name);

  return found ? found->iana : NULL;
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
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
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
