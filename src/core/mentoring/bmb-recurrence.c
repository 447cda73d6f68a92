/* bmb-recurrence.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The editor's choices ⇄ RRULE and their description. Expansion lives in
 * bmb-recurrence-expand.c.
 */

#define G_LOG_DOMAIN "bmb-recurrence"

#include "config.h"

#include <glib/gi18n.h>
#include <libical/ical.h>
#include <stdio.h>

#include "bmb-local-time.h"
#include "bmb-recurrence-private.h"

G_DEFINE_BOXED_TYPE (BmbRecurrence, bmb_recurrence, bmb_recurrence_ref, bmb_recurrence_unref)
G_DEFINE_QUARK (bmb-recurrence-error-quark, bmb_recurrence_error)

/* ---- Small helpers ---------------------------------------------------------- */

gboolean
_bmb_recurrence_parse_local (const char          *local,
                             struct icaltimetype *tt)
{
  BmbLocalTime t;

  if (!bmb_local_time_parse (local, &t))
    return FALSE;

  *tt = icaltime_null_time ();
  tt->year = t.year;
  tt->month = t.month;
  tt->day = t.day;
  tt->hour = t.hour;
  tt->minute = t.minute;
  tt->second = t.second;
  tt->is_date = 0;

  return TRUE;
}

static GDateWeekday
weekday_from_ical (icalrecurrencetype_weekday day)
{
  /* libical: 1 = Sunday … 7 = Saturday; GLib: 1 = Monday … 7 = Sunday. */
  return day == ICAL_SUNDAY_WEEKDAY ? G_DATE_SUNDAY : (GDateWeekday)(day - 1);
}

static const char *
weekday_code (GDateWeekday weekday)
{
  static const char * const codes[] = { NULL, "MO", "TU", "WE", "TH", "FR", "SA", "SU" };

  g_assert (weekday >= G_DATE_MONDAY && weekday <= G_DATE_SUNDAY);
  return codes[weekday];
}

gboolean
_bmb_recurrence_array_is_empty (const short *array)
{
  return array[0] == ICAL_RECURRENCE_ARRAY_MAX;
}

guint
_bmb_recurrence_array_length (const short *array,
                              guint        size)
{
  guint n = 0;

  while (n < size && array[n] != ICAL_RECURRENCE_ARRAY_MAX)
    n++;

  return n;
}

gboolean
_bmb_recurrence_parse_rule (const char                 *rrule,
                            struct icalrecurrencetype  *recur,
                            GError                    **error)
{
  if (rrule == NULL || *rrule == '\0')
    {
      g_set_error (error, BMB_RECURRENCE_ERROR, BMB_RECURRENCE_ERROR_INVALID_RULE,
                   _("The repeat rule is empty."));
      return FALSE;
    }

  /* Accept a whole "RRULE:…" line too. */
  if (g_ascii_strncasecmp (rrule, "RRULE:", 6) == 0)
    rrule += 6;

  icalerror_clear_errno ();
  *recur = icalrecurrencetype_from_string (rrule);
  if (recur->freq == ICAL_NO_RECURRENCE)
    {
      g_set_error (error, BMB_RECURRENCE_ERROR, BMB_RECURRENCE_ERROR_INVALID_RULE,
                   /* Translators: %s is an iCalendar RRULE such as FREQ=WEEKLY */
                   _("“%s” is not a repeat rule Bimbing understands."), rrule);
      return FALSE;
    }

  /* RFC 5545: a numbered weekday (1SU, -1FR) only in MONTHLY and YEARLY rules. libical
   * loops without end inside one call on such a rule (HOURLY;BYDAY=1SU;BYMONTH=11 took
   * 9.5 s for one week's agenda), so it is refused wherever a rule is read. */
  if (recur->freq != ICAL_MONTHLY_RECURRENCE && recur->freq != ICAL_YEARLY_RECURRENCE)
    {
      for (guint i = 0; i < ICAL_BY_DAY_SIZE && recur->by_day[i] != ICAL_RECURRENCE_ARRAY_MAX; i++)
        {
          if (icalrecurrencetype_day_position (recur->by_day[i]) != 0)
            {
              g_set_error (error, BMB_RECURRENCE_ERROR, BMB_RECURRENCE_ERROR_INVALID_RULE,
                           /* Translators: %s is an iCalendar RRULE; keep “1SU” as it is */
                           _("“%s” numbers a weekday (as in “1SU”), which only monthly and "
                             "yearly repeat rules may do."), rrule);
              return FALSE;
            }
        }
    }

  /* An hourly (or faster) rule limited to some months, weeks or days of the year makes
   * libical walk every hour in between inside one call (HOURLY;BYMONTH=11 from January:
   * 35 s for a two-month agenda; found by fuzz-ics), out of reach of the step budget. */
  if ((recur->freq == ICAL_HOURLY_RECURRENCE || recur->freq == ICAL_MINUTELY_RECURRENCE ||
       recur->freq == ICAL_SECONDLY_RECURRENCE) &&
      (recur->by_month[0] != ICAL_RECURRENCE_ARRAY_MAX ||
       recur->by_year_day[0] != ICAL_RECURRENCE_ARRAY_MAX ||
       recur->by_week_no[0] != ICAL_RECURRENCE_ARRAY_MAX ||
       recur->by_set_pos[0] != ICAL_RECURRENCE_ARRAY_MAX))
    {
      g_set_error (error, BMB_RECURRENCE_ERROR, BMB_RECURRENCE_ERROR_INVALID_RULE,
                   /* Translators: %s is an iCalendar RRULE */
                   _("“%s” repeats every hour but only in some months, weeks or days of the "
                     "year, which Bimbing does not support."), rrule);
      return FALSE;
    }

  if (recur->interval < 1)
    recur->interval = 1;

  return TRUE;
}

/* ---- BmbRecurrence value ------------------------------------------------------ */

BmbRecurrence *
bmb_recurrence_new (BmbRepeatKind kind)
{
  BmbRecurrence *self = g_new0 (BmbRecurrence, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->kind = kind;
  self->interval = kind == BMB_REPEAT_BIWEEKLY ? 2 : 1;
  self->unit = BMB_REPEAT_UNIT_WEEK;
  self->week_of_month = 1;
  self->end = BMB_REPEAT_END_NEVER;
  g_date_clear (&self->until, 1);

  return self;
}

BmbRecurrence *
bmb_recurrence_ref (BmbRecurrence *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
bmb_recurrence_unref (BmbRecurrence *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_free (self->rrule);
      g_free (self);
    }
}

gboolean
bmb_recurrence_equal (const BmbRecurrence *a,
                      const BmbRecurrence *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (a->kind != b->kind || a->end != b->end)
    return FALSE;

  switch (a->kind)
    {
    case BMB_REPEAT_CUSTOM:
      return g_strcmp0 (a->rrule, b->rrule) == 0;
    case BMB_REPEAT_INTERVAL:
      if (a->interval != b->interval || a->unit != b->unit)
        return FALSE;
      break;
    case BMB_REPEAT_MONTHLY_WEEKDAY:
      if (a->week_of_month != b->week_of_month)
        return FALSE;
      break;
    case BMB_REPEAT_NONE:
    case BMB_REPEAT_WEEKLY:
    case BMB_REPEAT_BIWEEKLY:
    case BMB_REPEAT_MONTHLY_DAY:
    default:
      break;
    }

  if (a->end == BMB_REPEAT_END_COUNT && a->count != b->count)
    return FALSE;
  if (a->end == BMB_REPEAT_END_UNTIL &&
      (!g_date_valid (&a->until) || !g_date_valid (&b->until) ||
       g_date_compare (&a->until, &b->until) != 0))
    return FALSE;

  return TRUE;
}

int
bmb_recurrence_week_of_month (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), 0);

  return (g_date_get_day (date) - 1) / 7 + 1;
}

gboolean
bmb_recurrence_is_last_week (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  return g_date_get_day (date) + 7 >
         g_date_get_days_in_month (g_date_get_month (date), g_date_get_year (date));
}

static gboolean
start_date (const char *start_local,
            GDate      *date)
{
  struct icaltimetype tt;

  if (!_bmb_recurrence_parse_local (start_local, &tt))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, tt.day, tt.month, tt.year);
  return TRUE;
}

/* The local calendar date of UNTIL (a UTC time is seen from @tzid). */
static void
until_to_local_date (struct icaltimetype  until,
                     const char          *tzid,
                     GDate               *date)
{
  g_date_clear (date, 1);

  if (icaltime_is_utc (until) && !until.is_date && tzid != NULL)
    {
      g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (tzid);
      g_autoptr(GDateTime) utc = g_date_time_new_utc (until.year, until.month, until.day,
                                                      until.hour, until.minute, until.second);
      g_autoptr(GDateTime) local = NULL;

      if (zone != NULL && utc != NULL)
        {
          local = g_date_time_to_timezone (utc, zone);
          g_date_set_dmy (date, g_date_time_get_day_of_month (local),
                          g_date_time_get_month (local), g_date_time_get_year (local));
          return;
        }
    }

  if (g_date_valid_dmy (until.day, until.month, until.year))
    g_date_set_dmy (date, until.day, until.month, until.year);
}

BmbRecurrence *
bmb_recurrence_new_from_rrule (const char  *rrule,
                               const char  *start_local,
                               const char  *tzid,
                               GError     **error)
{
  g_autoptr(BmbRecurrence) self = NULL;
  struct icalrecurrencetype recur;
  GDate start;
  GDateWeekday start_weekday;
  guint n_by_day, n_by_month_day;
  gboolean other_by;

  if (rrule == NULL || *rrule == '\0')
    return bmb_recurrence_new (BMB_REPEAT_NONE);

  if (!start_date (start_local, &start))
    {
      g_set_error (error, BMB_RECURRENCE_ERROR, BMB_RECURRENCE_ERROR_INVALID_START,
                   _("“%s” is not a valid start time."), start_local ? start_local : "");
      return NULL;
    }

  if (!_bmb_recurrence_parse_rule (rrule, &recur, error))
    return NULL;

  self = bmb_recurrence_new (BMB_REPEAT_CUSTOM);
  self->rrule = g_strdup (rrule);

  if (recur.count > 0)
    {
      self->end = BMB_REPEAT_END_COUNT;
      self->count = recur.count;
    }
  else if (!icaltime_is_null_time (recur.until))
    {
      self->end = BMB_REPEAT_END_UNTIL;
      until_to_local_date (recur.until, tzid, &self->until);
      if (!g_date_valid (&self->until))
        self->end = BMB_REPEAT_END_NEVER;
    }

  start_weekday = g_date_get_weekday (&start);
  n_by_day = _bmb_recurrence_array_length (recur.by_day, ICAL_BY_DAY_SIZE);
  n_by_month_day = _bmb_recurrence_array_length (recur.by_month_day, ICAL_BY_MONTHDAY_SIZE);
  other_by = !_bmb_recurrence_array_is_empty (recur.by_second) ||
             !_bmb_recurrence_array_is_empty (recur.by_minute) ||
             !_bmb_recurrence_array_is_empty (recur.by_hour) ||
             !_bmb_recurrence_array_is_empty (recur.by_year_day) ||
             !_bmb_recurrence_array_is_empty (recur.by_week_no) ||
             !_bmb_recurrence_array_is_empty (recur.by_month) ||
             !_bmb_recurrence_array_is_empty (recur.by_set_pos) || recur.rscale != NULL;

  if (other_by)
    return g_steal_pointer (&self);

  switch (recur.freq)
    {
    case ICAL_DAILY_RECURRENCE:
      if (n_by_day == 0 && n_by_month_day == 0)
        {
          self->kind = BMB_REPEAT_INTERVAL;
          self->unit = BMB_REPEAT_UNIT_DAY;
          self->interval = recur.interval;
        }
      break;

    case ICAL_WEEKLY_RECURRENCE:
      if (n_by_month_day == 0 &&
          (n_by_day == 0 ||
           (n_by_day == 1 && icalrecurrencetype_day_position (recur.by_day[0]) == 0 &&
            weekday_from_ical (icalrecurrencetype_day_day_of_week (recur.by_day[0])) ==
            start_weekday)))
        {
          if (recur.interval == 1)
            self->kind = BMB_REPEAT_WEEKLY;
          else if (recur.interval == 2)
            self->kind = BMB_REPEAT_BIWEEKLY;
          else
            {
              self->kind = BMB_REPEAT_INTERVAL;
              self->unit = BMB_REPEAT_UNIT_WEEK;
            }
          self->interval = recur.interval;
        }
      break;

    case ICAL_MONTHLY_RECURRENCE:
      if (n_by_day == 1 && n_by_month_day == 0 && recur.interval == 1)
        {
          int pos = icalrecurrencetype_day_position (recur.by_day[0]);
          GDateWeekday weekday =
            weekday_from_ical (icalrecurrencetype_day_day_of_week (recur.by_day[0]));

          if (weekday == start_weekday &&
              ((pos >= 1 && pos <= 4 && pos == bmb_recurrence_week_of_month (&start)) ||
               (pos == -1 && bmb_recurrence_is_last_week (&start))))
            {
              self->kind = BMB_REPEAT_MONTHLY_WEEKDAY;
              self->week_of_month = pos;
            }
        }
      else if (n_by_day == 0 &&
               (n_by_month_day == 0 ||
                (n_by_month_day == 1 && recur.by_month_day[0] == g_date_get_day (&start))))
        {
          if (recur.interval == 1)
            self->kind = BMB_REPEAT_MONTHLY_DAY;
          else
            {
              self->kind = BMB_REPEAT_INTERVAL;
              self->unit = BMB_REPEAT_UNIT_MONTH;
              self->interval = recur.interval;
            }
        }
      break;

    case ICAL_SECONDLY_RECURRENCE:
    case ICAL_MINUTELY_RECURRENCE:
    case ICAL_HOURLY_RECURRENCE:
    case ICAL_YEARLY_RECURRENCE:
    case ICAL_NO_RECURRENCE:
    default:
      break;
    }

  if (self->kind != BMB_REPEAT_CUSTOM)
    g_clear_pointer (&self->rrule, g_free);

  return g_steal_pointer (&self);
}

static void
append_end (const BmbRecurrence *self,
            GString             *str,
            const char          *start_local,
            const char          *tzid)
{
  switch (self->end)
    {
    case BMB_REPEAT_END_COUNT:
      g_string_append_printf (str, ";COUNT=%u", MAX (self->count, 1));
      break;

    case BMB_REPEAT_END_UNTIL:
      {
        struct icaltimetype start;
        g_autoptr(GTimeZone) zone = tzid ? g_time_zone_new_identifier (tzid) : NULL;

        g_return_if_fail (g_date_valid (&self->until));

        /* Inclusive: until the end of that local day. */
        if (zone != NULL && _bmb_recurrence_parse_local (start_local, &start))
          {
            g_autoptr(GDateTime) local = g_date_time_new (zone,
                                                          g_date_get_year (&self->until),
                                                          g_date_get_month (&self->until),
                                                          g_date_get_day (&self->until),
                                                          23, 59, 59);
            g_autoptr(GDateTime) utc = local ? g_date_time_to_utc (local) : NULL;

            if (utc != NULL)
              {
                g_autofree char *text = g_date_time_format (utc, "%Y%m%dT%H%M%SZ");
                g_string_append_printf (str, ";UNTIL=%s", text);
                break;
              }
          }

        g_string_append_printf (str, ";UNTIL=%04d%02d%02dT235959",
                                g_date_get_year (&self->until),
                                g_date_get_month (&self->until),
                                g_date_get_day (&self->until));
      }
      break;

    case BMB_REPEAT_END_NEVER:
    default:
      break;
    }
}

char *
bmb_recurrence_to_rrule (const BmbRecurrence *self,
                         const char          *start_local,
                         const char          *tzid)
{
  g_autoptr(GString) str = g_string_new (NULL);
  GDate start;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->kind == BMB_REPEAT_NONE)
    return NULL;

  if (self->kind == BMB_REPEAT_CUSTOM)
    return g_strdup (self->rrule);

  g_return_val_if_fail (start_date (start_local, &start), NULL);

  switch (self->kind)
    {
    case BMB_REPEAT_WEEKLY:
      g_string_append_printf (str, "FREQ=WEEKLY;BYDAY=%s",
                              weekday_code (g_date_get_weekday (&start)));
      break;

    case BMB_REPEAT_BIWEEKLY:
      g_string_append_printf (str, "FREQ=WEEKLY;INTERVAL=2;BYDAY=%s",
                              weekday_code (g_date_get_weekday (&start)));
      break;

    case BMB_REPEAT_MONTHLY_WEEKDAY:
      {
        int pos = self->week_of_month;

        if (pos != -1 && (pos < 1 || pos > 4))
          pos = bmb_recurrence_is_last_week (&start) && bmb_recurrence_week_of_month (&start) > 4
                ? -1 : bmb_recurrence_week_of_month (&start);
        g_string_append_printf (str, "FREQ=MONTHLY;BYDAY=%d%s", pos,
                                weekday_code (g_date_get_weekday (&start)));
      }
      break;

    case BMB_REPEAT_MONTHLY_DAY:
      g_string_append_printf (str, "FREQ=MONTHLY;BYMONTHDAY=%u", g_date_get_day (&start));
      break;

    case BMB_REPEAT_INTERVAL:
      {
        static const char * const freqs[] = { "DAILY", "WEEKLY", "MONTHLY" };

        g_string_append_printf (str, "FREQ=%s", freqs[CLAMP (self->unit, 0, 2)]);
        if (self->interval > 1)
          g_string_append_printf (str, ";INTERVAL=%u", self->interval);
      }
      break;

    case BMB_REPEAT_NONE:
    case BMB_REPEAT_CUSTOM:
    default:
      g_assert_not_reached ();
    }

  append_end (self, str, start_local, tzid);

  return g_string_free (g_steal_pointer (&str), FALSE);
}

/* "Tuesday" in the user's language. */
static char *
dup_weekday_name (const GDate *date)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (g_date_get_year (date),
                                                 g_date_get_month (date),
                                                 g_date_get_day (date), 12, 0, 0);

  return g_date_time_format (dt, "%A");
}

static char *
describe_base (const BmbRecurrence *self,
               const GDate         *start)
{
  g_autofree char *weekday = dup_weekday_name (start);

  switch (self->kind)
    {
    case BMB_REPEAT_NONE:
      return g_strdup (_("Does not repeat"));

    case BMB_REPEAT_WEEKLY:
      /* Translators: %s is a weekday name, "Weekly on Tuesday" */
      return g_strdup_printf (_("Weekly on %s"), weekday);

    case BMB_REPEAT_BIWEEKLY:
      /* Translators: %s is a weekday name */
      return g_strdup_printf (_("Every 2 weeks on %s"), weekday);

    case BMB_REPEAT_MONTHLY_WEEKDAY:
      switch (self->week_of_month)
        {
        case 1:
          /* Translators: %s is a weekday name, "Monthly on the first Tuesday" */
          return g_strdup_printf (_("Monthly on the first %s"), weekday);
        case 2:
          /* Translators: %s is a weekday name */
          return g_strdup_printf (_("Monthly on the second %s"), weekday);
        case 3:
          /* Translators: %s is a weekday name */
          return g_strdup_printf (_("Monthly on the third %s"), weekday);
        case 4:
          /* Translators: %s is a weekday name */
          return g_strdup_printf (_("Monthly on the fourth %s"), weekday);
        default:
          /* Translators: %s is a weekday name, "Monthly on the last Friday" */
          return g_strdup_printf (_("Monthly on the last %s"), weekday);
        }

    case BMB_REPEAT_MONTHLY_DAY:
      /* Translators: %u is a day of the month, "Monthly on day 24" */
      return g_strdup_printf (_("Monthly on day %u"), g_date_get_day (start));

    case BMB_REPEAT_INTERVAL:
      switch (self->unit)
        {
        case BMB_REPEAT_UNIT_DAY:
          return self->interval <= 1
                 ? g_strdup (_("Daily"))
                 : g_strdup_printf (ngettext ("Every %u day", "Every %u days", self->interval),
                                    self->interval);
        case BMB_REPEAT_UNIT_WEEK:
          return self->interval <= 1
                 ? g_strdup_printf (_("Weekly on %s"), weekday)
                 : g_strdup_printf (ngettext ("Every %u week on %s", "Every %u weeks on %s",
                                              self->interval),
                                    self->interval, weekday);
        case BMB_REPEAT_UNIT_MONTH:
        default:
          return self->interval <= 1
                 ? g_strdup_printf (_("Monthly on day %u"), g_date_get_day (start))
                 : g_strdup_printf (ngettext ("Every %u month on day %u",
                                              "Every %u months on day %u", self->interval),
                                    self->interval, g_date_get_day (start));
        }

    case BMB_REPEAT_CUSTOM:
    default:
      return g_strdup (_("Repeats on a custom schedule"));
    }
}

char *
bmb_recurrence_describe (const BmbRecurrence *self,
                         const char          *start_local)
{
  g_autofree char *base = NULL;
  GDate start;

  g_return_val_if_fail (self != NULL, NULL);

  if (!start_date (start_local, &start))
    g_date_set_dmy (&start, 1, 1, 2000);

  base = describe_base (self, &start);
  if (self->kind == BMB_REPEAT_NONE)
    return g_steal_pointer (&base);

  switch (self->end)
    {
    case BMB_REPEAT_END_COUNT:
      /* Translators: "Weekly on Tuesday, 10 times" */
      return g_strdup_printf (ngettext ("%s, %u time", "%s, %u times", self->count),
                              base, self->count);

    case BMB_REPEAT_END_UNTIL:
      if (g_date_valid (&self->until))
        {
          g_autoptr(GDateTime) until = g_date_time_new_utc (g_date_get_year (&self->until),
                                                            g_date_get_month (&self->until),
                                                            g_date_get_day (&self->until),
                                                            12, 0, 0);
          /* Translators: a date format, see g_date_time_format(); "30 June 2026" */
          g_autofree char *date = g_date_time_format (until, _("%-d %B %Y"));

          /* Translators: "Weekly on Tuesday until 30 June 2026" */
          return g_strdup_printf (_("%s until %s"), base, date);
        }
      return g_steal_pointer (&base);

    case BMB_REPEAT_END_NEVER:
    default:
      return g_steal_pointer (&base);
    }
}

char *
bmb_recurrence_describe_rrule (const char *rrule,
                               const char *start_local,
                               const char *tzid)
{
  g_autoptr(BmbRecurrence) recurrence = NULL;

  recurrence = bmb_recurrence_new_from_rrule (rrule, start_local, tzid, NULL);
  if (recurrence == NULL)
    return g_strdup (_("Repeats on a custom schedule"));

  return bmb_recurrence_describe (recurrence, start_local);
}
