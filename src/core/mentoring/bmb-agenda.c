/* bmb-agenda.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-agenda"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "bmb-local-time.h"
#include "bmb-agenda.h"

char *
bmb_agenda_format_line (BmbOccurrence *occurrence,
                        GTimeZone     *local)
{
  g_autoptr(GDateTime) start = NULL;
  g_autofree char *when = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (BMB_IS_OCCURRENCE (occurrence), NULL);
  g_return_val_if_fail (local != NULL, NULL);

  start = g_date_time_to_timezone (bmb_occurrence_get_start (occurrence), local);
  when = g_date_time_format (start, "%Y-%m-%dT%H:%M%:z");

  /* One occurrence, one line: no tabs or line breaks inside the title. */
  title = g_strdup (bmb_occurrence_get_title (occurrence) ? bmb_occurrence_get_title (occurrence) : "");
  g_strdelimit (title, "\t\r\n", ' ');

  return g_strdup_printf ("%s\t%s", when, title);
}

gboolean
bmb_agenda_parse_date (const char  *text,
                       GDate       *date,
                       GError     **error)
{
  BmbLocalTime t;

  g_return_val_if_fail (date != NULL, FALSE);

  if (!bmb_local_date_parse (text, &t))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   /* Translators: %s is what the user typed after --from */
                   _("“%s” is not a date; use YYYY-MM-DD, for example 2026-11-24."),
                   text ? text : "");
      return FALSE;
    }

  g_date_clear (date, 1);
  g_date_set_dmy (date, t.day, t.month, t.year);
  return TRUE;
}

gboolean
bmb_agenda_print (BmbMentoringStore  *store,
                  const GDate        *from,
                  guint               days,
                  GTimeZone          *local,
                  GString            *out,
                  GError            **error)
{
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autoptr(GPtrArray) occurrences = NULL;
  gint64 start_t, end_t;

  g_return_val_if_fail (BMB_IS_MENTORING_STORE (store), FALSE);
  g_return_val_if_fail (from == NULL || g_date_valid (from), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  zone = local ? g_time_zone_ref (local) : bmb_local_time_zone_ref ();

  if (from != NULL)
    start = g_date_time_new (zone, g_date_get_year (from), g_date_get_month (from),
                             g_date_get_day (from), 0, 0, 0);
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now (zone);

      start = g_date_time_new (zone, g_date_time_get_year (now), g_date_time_get_month (now),
                               g_date_time_get_day_of_month (now), 0, 0, 0);
    }

  /* Calendar days: midnight to midnight, however long DST makes them. */
  end = start != NULL ? g_date_time_add_days (start, (int)MIN (days, 36600)) : NULL;
  /* GDateTime ends with 9999-12-31: a range past it stops at the last second there is. */
  if (end == NULL)
    end = g_date_time_new (zone, 9999, 12, 31, 23, 59, 59.999999);
  if (start == NULL || end == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("The dates asked for are outside the calendar Bimbing can show."));
      return FALSE;
    }
  start_t = g_date_time_to_unix (start);
  end_t = g_date_time_to_unix (end);

  occurrences = bmb_mentoring_store_list_occurrences (store, 0, start, end, error);
  if (occurrences == NULL)
    return FALSE;

  for (guint i = 0; i < occurrences->len; i++)
    {
      BmbOccurrence *occurrence = g_ptr_array_index (occurrences, i);
      gint64 t = g_date_time_to_unix (bmb_occurrence_get_start (occurrence));
      g_autofree char *line = NULL;

      /* Only what starts in the range; nothing cancelled. */
      if (t < start_t || t >= end_t ||
          bmb_occurrence_get_status (occurrence) == BMB_SESSION_STATUS_CANCELLED)
        continue;

      line = bmb_agenda_format_line (occurrence, zone);
      g_string_append (out, line);
      g_string_append_c (out, '\n');
    }

  return TRUE;
}
