/* bmb-session-format.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-session-format"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-format.h"
#include "bmb-session-format.h"

char *
bmb_session_format_time (GDateTime *dt)
{
  g_return_val_if_fail (dt != NULL, NULL);

  return bmb_format_time (dt);
}

char *
bmb_session_format_day (GDateTime *day,
                        GDateTime *now)
{
  GDate a, b;
  int days;

  g_return_val_if_fail (day != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  g_date_clear (&a, 1);
  g_date_clear (&b, 1);
  g_date_set_dmy (&a, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  g_date_set_dmy (&b, g_date_time_get_day_of_month (day), g_date_time_get_month (day),
                  g_date_time_get_year (day));
  days = g_date_days_between (&a, &b);

  if (days == 0)
    return g_strdup (_("Today"));
  if (days == 1)
    return g_strdup (_("Tomorrow"));
  if (days == -1)
    return g_strdup (_("Yesterday"));

  if (g_date_time_get_year (day) == g_date_time_get_year (now))
    return bmb_format_weekday_day_month (day);

  return bmb_format_date_with_weekday (day);
}

char *
bmb_session_format_date (GDateTime *dt)
{
  g_return_val_if_fail (dt != NULL, NULL);

  return bmb_format_date_with_weekday (dt);
}

char *
bmb_session_format_duration (int minutes)
{
  int hours = minutes / 60;
  int rest = minutes % 60;

  if (hours == 0)
    /* Translators: a short duration in minutes, e.g. "45 min" */
    return g_strdup_printf (_("%d min"), rest);
  if (rest == 0)
    /* Translators: a short duration in hours, e.g. "2 h" */
    return g_strdup_printf (_("%d h"), hours);

  /* Translators: a short duration in hours and minutes, e.g. "1 h 30 min" */
  return g_strdup_printf (_("%d h %d min"), hours, rest);
}

char *
bmb_session_format_reminder (int minutes)
{
  if (minutes <= 0)
    return g_strdup (_("At the start"));

  if (minutes % 1440 == 0)
    return g_strdup_printf (ngettext ("%d day before", "%d days before", minutes / 1440),
                            minutes / 1440);
  if (minutes % 60 == 0)
    return g_strdup_printf (ngettext ("%d hour before", "%d hours before", minutes / 60),
                            minutes / 60);

  return g_strdup_printf (ngettext ("%d minute before", "%d minutes before", minutes), minutes);
}

gboolean
bmb_session_location_is_link (const char *location)
{
  if (location == NULL)
    return FALSE;

  /* A place may well contain a colon ("Kantor: lantai 3"), so only web
   * addresses count as links. */
  return g_str_has_prefix (location, "https://") ||
         g_str_has_prefix (location, "http://") ||
         g_str_has_prefix (location, "www.");
}
