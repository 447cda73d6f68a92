/* bmb-follow-up.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-follow-up"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-local-time.h"
#include "bmb-follow-up.h"

G_DEFINE_ENUM_TYPE (BmbFollowUpUnit, bmb_follow_up_unit,
                    G_DEFINE_ENUM_VALUE (BMB_FOLLOW_UP_UNIT_NONE, "none"),
                    G_DEFINE_ENUM_VALUE (BMB_FOLLOW_UP_UNIT_DAY, "day"),
                    G_DEFINE_ENUM_VALUE (BMB_FOLLOW_UP_UNIT_WEEK, "week"),
                    G_DEFINE_ENUM_VALUE (BMB_FOLLOW_UP_UNIT_MONTH, "month"))

/* Whole days from @from to @to (negative when @to is earlier). */
static int
days_between (const GDate *from,
              const GDate *to)
{
  g_assert (g_date_valid (from));
  g_assert (g_date_valid (to));

  return g_date_days_between (from, to);
}

/* Completed calendar months from @from to @to (@to not earlier). */
static int
months_between (const GDate *from,
                const GDate *to)
{
  int months;

  months = ((int)g_date_get_year (to) - (int)g_date_get_year (from)) * 12 +
           ((int)g_date_get_month (to) - (int)g_date_get_month (from));
  if (g_date_get_day (to) < g_date_get_day (from))
    months--;

  return MAX (months, 0);
}

const char *
bmb_follow_up_unit_to_string (BmbFollowUpUnit unit)
{
  switch (unit)
    {
    case BMB_FOLLOW_UP_UNIT_DAY:
      return "day";
    case BMB_FOLLOW_UP_UNIT_WEEK:
      return "week";
    case BMB_FOLLOW_UP_UNIT_MONTH:
      return "month";
    case BMB_FOLLOW_UP_UNIT_NONE:
    default:
      return NULL;
    }
}

BmbFollowUpUnit
bmb_follow_up_unit_from_string (const char *text)
{
  if (g_strcmp0 (text, "day") == 0)
    return BMB_FOLLOW_UP_UNIT_DAY;
  if (g_strcmp0 (text, "week") == 0)
    return BMB_FOLLOW_UP_UNIT_WEEK;
  if (g_strcmp0 (text, "month") == 0)
    return BMB_FOLLOW_UP_UNIT_MONTH;

  return BMB_FOLLOW_UP_UNIT_NONE;
}

char *
bmb_follow_up_describe_interval (guint           count,
                                 BmbFollowUpUnit unit)
{
  if (count == 0)
    return NULL;

  switch (unit)
    {
    case BMB_FOLLOW_UP_UNIT_DAY:
      /* Translators: how often to stay in touch with a contact */
      return g_strdup_printf (ngettext ("Every day", "Every %u days", count), count);
    case BMB_FOLLOW_UP_UNIT_WEEK:
      /* Translators: how often to stay in touch with a contact */
      return g_strdup_printf (ngettext ("Every week", "Every %u weeks", count), count);
    case BMB_FOLLOW_UP_UNIT_MONTH:
      /* Translators: how often to stay in touch with a contact */
      return g_strdup_printf (ngettext ("Every month", "Every %u months", count), count);
    case BMB_FOLLOW_UP_UNIT_NONE:
    default:
      return NULL;
    }
}

gboolean
bmb_date_parse_iso (const char *text,
                    GDate      *date)
{
  guint year, month, day;

  g_return_val_if_fail (date != NULL, FALSE);

  g_date_clear (date, 1);

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  year = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
  month = (text[5] - '0') * 10 + (text[6] - '0');
  day = (text[8] - '0') * 10 + (text[9] - '0');

  if (!g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_set_dmy (date, day, month, year);

  return TRUE;
}

char *
bmb_date_format_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u",
                          (guint)g_date_get_year (date),
                          (guint)g_date_get_month (date),
                          (guint)g_date_get_day (date));
}

void
bmb_date_get_today (GDate *date)
{
  g_autoptr(GDateTime) now = bmb_date_time_new_now_local ();

  g_return_if_fail (date != NULL);

  g_date_clear (date, 1);
  g_date_set_dmy (date,
                  g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

gboolean
bmb_follow_up_add_interval (GDate           *date,
                            guint            count,
                            BmbFollowUpUnit  unit)
{
  GDate result;
  guint64 days = 0;

  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  if (count == 0)
    return FALSE;

  result = *date;

  switch (unit)
    {
    case BMB_FOLLOW_UP_UNIT_DAY:
      days = count;
      break;

    case BMB_FOLLOW_UP_UNIT_WEEK:
      days = (guint64)count * 7;
      break;

    case BMB_FOLLOW_UP_UNIT_MONTH:
      /* Stay within four-digit years, as stored. */
      if ((guint64)g_date_get_year (date) + count / 12 + 1 > 9999)
        return FALSE;
      g_date_add_months (&result, count);
      *date = result;
      return TRUE;

    case BMB_FOLLOW_UP_UNIT_NONE:
    default:
      return FALSE;
    }

  if ((guint64)g_date_get_julian (date) + days > G_MAXUINT32 / 2)
    return FALSE;

  g_date_add_days (&result, (guint)days);
  if (!g_date_valid (&result) || g_date_get_year (&result) > 9999)
    return FALSE;

  *date = result;

  return TRUE;
}

char *
bmb_follow_up_compute_next (const char      *base,
                            guint            count,
                            BmbFollowUpUnit  unit)
{
  GDate date;

  if (!bmb_date_parse_iso (base, &date))
    return NULL;

  if (!bmb_follow_up_add_interval (&date, count, unit))
    return NULL;

  return bmb_date_format_iso (&date);
}

gboolean
bmb_follow_up_is_due (const char  *next_follow_up_on,
                      const GDate *today)
{
  GDate due;

  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  if (!bmb_date_parse_iso (next_follow_up_on, &due))
    return FALSE;

  return g_date_compare (&due, today) <= 0;
}

char *
bmb_follow_up_describe_last_contact (const char  *last_contact_on,
                                     const GDate *today)
{
  GDate last;
  int days;
  int months;

  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  if (!bmb_date_parse_iso (last_contact_on, &last))
    return g_strdup (_("No contact logged yet"));

  days = days_between (&last, today);

  if (days <= 0)
    return g_strdup (_("Last contact today"));
  if (days == 1)
    return g_strdup (_("Last contact yesterday"));
  if (days < 7)
    return g_strdup_printf (ngettext ("Last contact %d day ago",
                                      "Last contact %d days ago", days), days);

  months = months_between (&last, today);
  if (months < 1)
    {
      int weeks = days / 7;

      return g_strdup_printf (ngettext ("Last contact %d week ago",
                                        "Last contact %d weeks ago", weeks), weeks);
    }

  if (months < 12)
    return g_strdup_printf (ngettext ("Last contact %d month ago",
                                      "Last contact %d months ago", months), months);

  return g_strdup_printf (ngettext ("Last contact %d year ago",
                                    "Last contact %d years ago", months / 12), months / 12);
}

char *
bmb_follow_up_describe_due (const char  *next_follow_up_on,
                            const GDate *today)
{
  GDate due;
  int days;

  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  if (!bmb_date_parse_iso (next_follow_up_on, &due))
    return g_strdup (_("No follow-up planned"));

  days = days_between (today, &due);

  if (days == 0)
    return g_strdup (_("Follow up today"));
  if (days == 1)
    return g_strdup (_("Follow up tomorrow"));
  if (days > 1)
    return g_strdup_printf (ngettext ("Follow up in %d day",
                                      "Follow up in %d days", days), days);

  return g_strdup_printf (ngettext ("Follow-up overdue by %d day",
                                    "Follow-up overdue by %d days", -days), -days);
}
