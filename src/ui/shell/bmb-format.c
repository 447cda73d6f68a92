/* bmb-format.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-format"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "bmb-format.h"
#include "bmb-local-time.h"

#define INTERFACE_SCHEMA "org.gnome.desktop.interface"

char *
bmb_format_date (GDateTime *dt)
{
  g_return_val_if_fail (dt != NULL, NULL);

  /* Translators: a calendar date, see strftime(3): "March 10, 2026".
   * Indonesian: "%-e %B %Y" */
  return g_date_time_format (dt, C_("date", "%B %-e, %Y"));
}

char *
bmb_format_iso_date (const char *iso)
{
  g_autoptr(GDateTime) dt = NULL;

  if (iso == NULL)
    return NULL;

  dt = bmb_local_date_to_date_time (iso, NULL, 12);
  if (dt == NULL)
    return NULL;

  return bmb_format_date (dt);
}

char *
bmb_format_date_with_weekday (GDateTime *dt)
{
  g_return_val_if_fail (dt != NULL, NULL);

  /* Translators: a date with its weekday, see strftime(3):
   * "Tuesday, March 10, 2026". Indonesian: "%A, %-e %B %Y" */
  return g_date_time_format (dt, C_("date", "%A, %B %-e, %Y"));
}

char *
bmb_format_weekday_day_month (GDateTime *dt)
{
  g_return_val_if_fail (dt != NULL, NULL);

  /* Translators: a day of this year with its weekday, see strftime(3):
   * "Tuesday, March 10". Indonesian: "%A, %-e %B" */
  return g_date_time_format (dt, C_("date", "%A, %B %-e"));
}

char *
bmb_format_day_month (GDateTime *dt)
{
  g_return_val_if_fail (dt != NULL, NULL);

  /* Translators: a day of this year in a sentence, see strftime(3):
   * "March 10". Indonesian: "%-e %B" */
  return g_date_time_format (dt, C_("date", "%B %-e"));
}

char *
bmb_format_short_date (GDateTime *dt,
                       gboolean   with_year)
{
  g_return_val_if_fail (dt != NULL, NULL);

  if (with_year)
    /* Translators: a short date where space is tight, see strftime(3):
     * "Mar 10, 2026". Indonesian: "%-e %b %Y" */
    return g_date_time_format (dt, C_("date", "%b %-e, %Y"));

  /* Translators: a short date of this year where space is tight, see
   * strftime(3): "Mar 10". Indonesian: "%-e %b" */
  return g_date_time_format (dt, C_("date", "%b %-e"));
}

/* The desktop's interface settings, or NULL when the schema is not installed
 * (a bare system, some test machines): then the clock is 24-hour. */
static GSettings *
interface_settings (void)
{
  static GSettings *settings;
  static gsize done;

  if (g_once_init_enter (&done))
    {
      GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
      g_autoptr(GSettingsSchema) schema = NULL;

      if (source != NULL)
        schema = g_settings_schema_source_lookup (source, INTERFACE_SCHEMA, TRUE);
      if (schema != NULL && g_settings_schema_has_key (schema, "clock-format"))
        settings = g_settings_new (INTERFACE_SCHEMA);

      g_once_init_leave (&done, 1);
    }

  return settings;
}

gboolean
bmb_format_get_use_12h (void)
{
  GSettings *settings = interface_settings ();
  g_autofree char *value = NULL;

  if (settings == NULL)
    return FALSE;

  value = g_settings_get_string (settings, "clock-format");

  return g_strcmp0 (value, "12h") == 0;
}

void
bmb_format_watch_clock (gpointer  instance,
                        GCallback callback)
{
  GSettings *settings = interface_settings ();

  g_return_if_fail (G_IS_OBJECT (instance));
  g_return_if_fail (callback != NULL);

  if (settings != NULL)
    g_signal_connect_object (settings, "changed::clock-format", callback, instance,
                             G_CONNECT_SWAPPED);
}

char *
bmb_format_time (GDateTime *dt)
{
  g_return_val_if_fail (dt != NULL, NULL);

  if (bmb_format_get_use_12h ())
    /* Translators: a time on a 12-hour clock, see strftime(3): "4:00 PM".
     * Indonesian: "%-l.%M %p" */
    return g_strstrip (g_date_time_format (dt, C_("time", "%-l:%M %p")));

  /* Translators: a time on a 24-hour clock, see strftime(3): "16:00".
   * Indonesian: "%H.%M" */
  return g_date_time_format (dt, C_("time", "%H:%M"));
}

char *
bmb_format_hour_minute (int hour,
                        int minute)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (2000, 1, 1, CLAMP (hour, 0, 23),
                                                  CLAMP (minute, 0, 59), 0);

  return bmb_format_time (dt);
}

char *
bmb_format_hour (int hour)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (2000, 1, 1, CLAMP (hour, 0, 23), 0, 0);

  if (bmb_format_get_use_12h ())
    /* Translators: an hour alone in a time picker on a 12-hour clock, see
     * strftime(3): "4 PM" */
    return g_strstrip (g_date_time_format (dt, C_("time", "%-l %p")));

  return g_strdup_printf ("%02d", CLAMP (hour, 0, 23));
}

char *
bmb_format_date_time (GDateTime *dt)
{
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;

  g_return_val_if_fail (dt != NULL, NULL);

  date = bmb_format_date_with_weekday (dt);
  time = bmb_format_time (dt);

  /* Translators: a day (first %s, "Tuesday, March 10, 2026") and a time
   * (second %s, "4:00 PM"). Indonesian: "%s, pukul %s" */
  return g_strdup_printf (C_("date and time", "%s at %s"), date, time);
}

char *
bmb_format_percent (int percent)
{
  /* Translators: a percentage, "40%"; write it as your language does
   * (Indonesian: "%d%%"). Keep %d and %% */
  return g_strdup_printf (C_("percent", "%d%%"), percent);
}
