/* bmb-local-time.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-local-time"

#include "config.h"

#include <string.h>

#include "bmb-local-time.h"

/* @n digits at @text, as a number; FALSE on anything else. */
static gboolean
read_digits (const char *text,
             guint       n,
             int        *out)
{
  int value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      value = value * 10 + (text[i] - '0');
    }

  *out = value;
  return TRUE;
}

static gboolean
read_date (const char   *text,
           BmbLocalTime *out)
{
  return read_digits (text, 4, &out->year) && text[4] == '-' &&
         read_digits (text + 5, 2, &out->month) && text[7] == '-' &&
         read_digits (text + 8, 2, &out->day) &&
         out->year >= 1 && g_date_valid_dmy (out->day, out->month, out->year);
}

gboolean
bmb_local_date_parse (const char   *text,
                      BmbLocalTime *out)
{
  BmbLocalTime t = { 0 };

  g_return_val_if_fail (out != NULL, FALSE);

  if (text == NULL || strlen (text) != 10 || !read_date (text, &t))
    return FALSE;

  *out = t;
  return TRUE;
}

gboolean
bmb_local_time_parse (const char   *text,
                      BmbLocalTime *out)
{
  BmbLocalTime t = { 0 };
  gsize len;

  g_return_val_if_fail (out != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  len = strlen (text);
  if ((len != 16 && len != 19) || !read_date (text, &t) || text[10] != 'T' ||
      !read_digits (text + 11, 2, &t.hour) || text[13] != ':' ||
      !read_digits (text + 14, 2, &t.minute))
    return FALSE;

  if (len == 19 && (text[16] != ':' || !read_digits (text + 17, 2, &t.second)))
    return FALSE;

  if (t.hour > 23 || t.minute > 59 || t.second > 59)
    return FALSE;

  *out = t;
  return TRUE;
}

gboolean
bmb_local_date_is_valid (const char *text)
{
  BmbLocalTime t;

  return bmb_local_date_parse (text, &t);
}

gboolean
bmb_local_time_is_valid (const char *text)
{
  BmbLocalTime t;

  return bmb_local_time_parse (text, &t);
}

GDateTime *
bmb_local_date_to_date_time (const char *text,
                             GTimeZone  *zone,
                             int         hour)
{
  g_autoptr(GTimeZone) local = NULL;
  BmbLocalTime t;

  g_return_val_if_fail (hour >= 0 && hour < 24, NULL);

  if (!bmb_local_date_parse (text, &t))
    return NULL;

  if (zone == NULL)
    zone = local = g_time_zone_new_local ();

  return g_date_time_new (zone, t.year, t.month, t.day, hour, 0, 0);
}

char *
bmb_local_date_format (GDateTime *date_time)
{
  g_return_val_if_fail (date_time != NULL, NULL);

  return g_strdup_printf ("%04d-%02d-%02d", g_date_time_get_year (date_time),
                          g_date_time_get_month (date_time),
                          g_date_time_get_day_of_month (date_time));
}

GDateTime *
bmb_local_time_to_date_time (const char *local,
                             GTimeZone  *zone)
{
  BmbLocalTime t;

  g_return_val_if_fail (zone != NULL, NULL);

  if (!bmb_local_time_parse (local, &t))
    return NULL;

  return g_date_time_new (zone, t.year, t.month, t.day, t.hour, t.minute, t.second);
}

char *
bmb_date_time_to_local_time (GDateTime *date_time)
{
  g_return_val_if_fail (date_time != NULL, NULL);

  return g_date_time_format (date_time, "%Y-%m-%dT%H:%M:%S");
}

static GMutex     zone_lock;
static GTimeZone *zone_cached;
static char      *zone_tz_env;
static gint64     zone_checked_at;

GTimeZone *
bmb_local_time_zone_ref (void)
{
  const char *tz = g_getenv ("TZ");
  gint64 now = g_get_monotonic_time ();
  GTimeZone *zone;

  g_mutex_lock (&zone_lock);
  if (zone_cached == NULL || g_strcmp0 (tz, zone_tz_env) != 0 ||
      (tz == NULL && now - zone_checked_at > G_USEC_PER_SEC))
    {
      g_clear_pointer (&zone_cached, g_time_zone_unref);
      g_free (zone_tz_env);
      zone_tz_env = g_strdup (tz);
      zone_cached = g_time_zone_new_local ();
      zone_checked_at = now;
    }
  zone = g_time_zone_ref (zone_cached);
  g_mutex_unlock (&zone_lock);

  return zone;
}

GDateTime *
bmb_date_time_to_local (GDateTime *date_time)
{
  g_autoptr(GTimeZone) zone = bmb_local_time_zone_ref ();

  g_return_val_if_fail (date_time != NULL, NULL);

  return g_date_time_to_timezone (date_time, zone);
}

GDateTime *
bmb_date_time_new_now_local (void)
{
  g_autoptr(GTimeZone) zone = bmb_local_time_zone_ref ();

  return g_date_time_new_now (zone);
}

gint64
bmb_date_time_get_day_in_zone (GDateTime *date_time,
                               GTimeZone *zone)
{
  gint64 t;
  gint64 local;
  int interval;

  g_return_val_if_fail (date_time != NULL, 0);
  g_return_val_if_fail (zone != NULL, 0);

  t = g_date_time_to_unix (date_time);
  interval = g_time_zone_find_interval (zone, G_TIME_TYPE_UNIVERSAL, t);
  local = t + (interval >= 0 ? g_time_zone_get_offset (zone, interval) : 0);

  /* Rounded down, also before 1970. */
  return local >= 0 ? local / 86400 : -((-local + 86399) / 86400);
}
