/* bmb-recurrence-expand.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Expansion follows EDS e-cal-recur.c in spirit: libical iterates floating
 * wall-clock times (so 10:00 stays 10:00 across DST), GLib converts each to
 * an instant in the series' zone, and we only ever walk a bounded window.
 *
 * Every step comes out of a BmbExpansionBudget shared by all the series of
 * one query, and running out of it is an error the caller sees, never a
 * shorter list that looks complete. To keep steps for the window itself we
 * skip ahead where the result cannot change: a rule with a fixed period (no
 * BY… parts) starts again at its last start before the window, COUNT
 * reduced by the starts skipped; other rules without COUNT use
 * icalrecur_iterator_set_start(), which libical 3.0 gets right for the
 * daily, weekly and monthly frequencies only.
 */

#define G_LOG_DOMAIN "bmb-recurrence"

#include "config.h"

#include <glib/gi18n.h>
#include <libical/ical.h>

#include "bmb-recurrence-private.h"

/* Zone offsets never exceed a day; two days of margin cover any conversion. */
#define MARGIN_SECONDS (2 * 24 * 60 * 60)

/* bmb_recurrence_check_frequency() looks at this many first starts. */
#define CHECK_STARTS 500

static BmbRecurNextFunc next_func_for_testing;
static gpointer next_func_data;
static GPrivate last_iterations;

void
_bmb_recurrence_set_next_func_for_testing (BmbRecurNextFunc func,
                                           gpointer         user_data)
{
  next_func_for_testing = func;
  next_func_data = user_data;
}

guint
_bmb_recurrence_get_last_iterations (void)
{
  return GPOINTER_TO_UINT (g_private_get (&last_iterations));
}

/* ---- Small helpers ---------------------------------------------------------- */

/* "YYYY-MM-DDTHH:MM:SS" into @buf (20 bytes) without printf: this runs
 * once per occurrence of every expansion. */
static const char *
format_local_into (struct icaltimetype  tt,
                   char                *buf)
{
  const int fields[] = { tt.month, tt.day, tt.hour, tt.minute, tt.second };
  const char separators[] = { '-', 'T', ':', ':', '\0' };
  char *p = buf;

  *p++ = '0' + (tt.year / 1000) % 10;
  *p++ = '0' + (tt.year / 100) % 10;
  *p++ = '0' + (tt.year / 10) % 10;
  *p++ = '0' + tt.year % 10;
  *p++ = '-';
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      *p++ = '0' + (fields[i] / 10) % 10;
      *p++ = '0' + fields[i] % 10;
      *p++ = separators[i];
    }

  return buf;
}

static char *
format_local (struct icaltimetype tt)
{
  char buf[20];

  return g_strdup (format_local_into (tt, buf));
}

static struct icaltimetype
floating_from_date_time (GDateTime *dt)
{
  struct icaltimetype tt = icaltime_null_time ();

  tt.year = g_date_time_get_year (dt);
  tt.month = g_date_time_get_month (dt);
  tt.day = g_date_time_get_day_of_month (dt);
  tt.hour = g_date_time_get_hour (dt);
  tt.minute = g_date_time_get_minute (dt);
  tt.second = g_date_time_get_second (dt);

  return tt;
}

static struct icaltimetype
iterator_next (icalrecur_iterator *iterator)
{
  if (G_UNLIKELY (next_func_for_testing != NULL))
    return next_func_for_testing (iterator, next_func_data);

  return icalrecur_iterator_next (iterator);
}

static gboolean
is_excluded (const char * const *exdates,
             const char         *recurrence_id)
{
  for (guint i = 0; exdates != NULL && exdates[i] != NULL; i++)
    {
      if (g_str_equal (exdates[i], recurrence_id))
        return TRUE;
    }

  return FALSE;
}

/* libical compares UNTIL with the floating times it generates; make UNTIL
 * floating local time too (a UTC UNTIL seen from @zone, a DATE UNTIL as the
 * end of that day). */
static void
localize_until (struct icalrecurrencetype *recur,
                GTimeZone                 *zone)
{
  if (icaltime_is_null_time (recur->until))
    return;

  if (recur->until.is_date)
    {
      recur->until.is_date = 0;
      recur->until.hour = 23;
      recur->until.minute = 59;
      recur->until.second = 59;
    }
  else if (icaltime_is_utc (recur->until))
    {
      g_autoptr(GDateTime) utc = g_date_time_new_utc (recur->until.year, recur->until.month,
                                                      recur->until.day, recur->until.hour,
                                                      recur->until.minute, recur->until.second);
      g_autoptr(GDateTime) local = utc ? g_date_time_to_timezone (utc, zone) : NULL;

      if (local != NULL)
        recur->until = floating_from_date_time (local);
    }

  recur->until.zone = NULL;
}


/* Floating times as seconds on a clock without zone or DST, and back. */
static gint64
floating_to_seconds (struct icaltimetype tt)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (tt.year, tt.month, tt.day,
                                                 tt.hour, tt.minute, tt.second);

  g_assert (dt != NULL);
  return g_date_time_to_unix (dt);
}

static struct icaltimetype
floating_from_seconds (gint64 seconds)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (seconds);

  g_assert (dt != NULL);
  return floating_from_date_time (dt);
}

/* FREQ × INTERVAL in seconds for the frequencies of fixed length; 0 for
 * months and years. */
static gint64
base_period (const struct icalrecurrencetype *recur)
{
  gint64 unit;

  switch (recur->freq)
    {
    case ICAL_SECONDLY_RECURRENCE: unit = 1; break;
    case ICAL_MINUTELY_RECURRENCE: unit = 60; break;
    case ICAL_HOURLY_RECURRENCE:   unit = 60 * 60; break;
    case ICAL_DAILY_RECURRENCE:    unit = 24 * 60 * 60; break;
    case ICAL_WEEKLY_RECURRENCE:   unit = 7 * 24 * 60 * 60; break;
    case ICAL_MONTHLY_RECURRENCE:
    case ICAL_YEARLY_RECURRENCE:
    case ICAL_NO_RECURRENCE:
    default:
      return 0;
    }

  return unit * MAX (recur->interval, 1);
}

/* The period when the starts are exactly DTSTART + k × period: a fixed
 * frequency and no BY… part (but the BYDAY=<DTSTART's weekday> our editor
 * writes for weekly rules). 0 otherwise. */
static gint64
fixed_period (const struct icalrecurrencetype *recur,
              struct icaltimetype              dtstart)
{
  gboolean by_day_is_start;

  by_day_is_start = recur->freq == ICAL_WEEKLY_RECURRENCE &&
                    _bmb_recurrence_array_length (recur->by_day, ICAL_BY_DAY_SIZE) == 1 &&
                    icalrecurrencetype_day_position (recur->by_day[0]) == 0 &&
                    (int)icalrecurrencetype_day_day_of_week (recur->by_day[0]) ==
                    icaltime_day_of_week (dtstart);

  if (recur->rscale != NULL ||
      !_bmb_recurrence_array_is_empty (recur->by_second) ||
      !_bmb_recurrence_array_is_empty (recur->by_minute) ||
      !_bmb_recurrence_array_is_empty (recur->by_hour) ||
      !(_bmb_recurrence_array_is_empty (recur->by_day) || by_day_is_start) ||
      !_bmb_recurrence_array_is_empty (recur->by_month_day) ||
      !_bmb_recurrence_array_is_empty (recur->by_year_day) ||
      !_bmb_recurrence_array_is_empty (recur->by_week_no) ||
      !_bmb_recurrence_array_is_empty (recur->by_month) ||
      !_bmb_recurrence_array_is_empty (recur->by_set_pos))
    return 0;

  return base_period (recur);
}

gint64
_bmb_recurrence_estimate_period (const char *rrule)
{
  struct icalrecurrencetype recur;
  const short *lists[6];
  const guint sizes[] = { ICAL_BY_SECOND_SIZE, ICAL_BY_MINUTE_SIZE, ICAL_BY_HOUR_SIZE,
                          ICAL_BY_DAY_SIZE, ICAL_BY_MONTHDAY_SIZE, ICAL_BY_YEARDAY_SIZE };
  gint64 period;

  if (rrule == NULL || *rrule == '\0')
    return G_MAXINT64;
  if (!_bmb_recurrence_parse_rule (rrule, &recur, NULL))
    return 0;

  period = base_period (&recur);
  if (period == 0)
    period = (gint64)MAX (recur.interval, 1) *
             (recur.freq == ICAL_MONTHLY_RECURRENCE ? 28 : 365) * 24 * 60 * 60;

  lists[0] = recur.by_second;
  lists[1] = recur.by_minute;
  lists[2] = recur.by_hour;
  lists[3] = recur.by_day;
  lists[4] = recur.by_month_day;
  lists[5] = recur.by_year_day;
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    period /= MAX (_bmb_recurrence_array_length (lists[i], sizes[i]), 1);

  return MAX (period, 1);
}

static void
set_incomplete (GError     **error,
                const char  *rrule)
{
  g_set_error (error, BMB_RECURRENCE_ERROR, BMB_RECURRENCE_ERROR_INCOMPLETE,
               /* Translators: %s is an iCalendar RRULE such as FREQ=MINUTELY */
               _("Not every occurrence of the repeat rule “%s” could be worked out: "
                 "it repeats too often."), rrule);
}

/* ---- Checking a rule ------------------------------------------------------------ */

static void
set_too_frequent (GError     **error,
                  const char  *rrule)
{
  guint minutes = BMB_LIMIT_MIN_INTERVAL_SECS / 60;

  g_set_error (error, BMB_RECURRENCE_ERROR, BMB_RECURRENCE_ERROR_TOO_FREQUENT,
               /* Translators: %s is an iCalendar RRULE such as FREQ=MINUTELY, %u a number */
               ngettext ("The repeat rule “%s” repeats more often than every %u minute.",
                         "The repeat rule “%s” repeats more often than every %u minutes.",
                         minutes),
               rrule, minutes);
}

gboolean
bmb_recurrence_check_frequency (const char  *rrule,
                                const char  *start_local,
                                GError     **error)
{
  g_autoptr(GTimeZone) utc = NULL;
  struct icalrecurrencetype recur;
  struct icaltimetype dtstart;
  icalrecur_iterator *iterator;
  gint64 previous = G_MININT64;
  gint64 period;
  gboolean ok = TRUE;

  if (rrule == NULL || *rrule == '\0')
    return TRUE;

  if (!_bmb_recurrence_parse_local (start_local, &dtstart))
    {
      g_set_error (error, BMB_RECURRENCE_ERROR, BMB_RECURRENCE_ERROR_INVALID_START,
                   _("“%s” is not a valid start time."), start_local ? start_local : "");
      return FALSE;
    }

  if (!_bmb_recurrence_parse_rule (rrule, &recur, error))
    return FALSE;

  /* Seconds and minutes are refused before libical walks them. */
  period = base_period (&recur);
  if (period > 0 && period < BMB_LIMIT_MIN_INTERVAL_SECS)
    {
      set_too_frequent (error, rrule);
      return FALSE;
    }

  /* Without BYHOUR, BYMINUTE or BYSECOND every start is at DTSTART's time
   * of day (daily and longer) or the period is long enough: no need to look. */
  if (_bmb_recurrence_array_is_empty (recur.by_hour) &&
      _bmb_recurrence_array_is_empty (recur.by_minute) &&
      _bmb_recurrence_array_is_empty (recur.by_second) &&
      (period >= BMB_LIMIT_MIN_INTERVAL_SECS || period == 0) &&
      BMB_LIMIT_MIN_INTERVAL_SECS <= 24 * 60 * 60)
    return TRUE;

  /* BYHOUR, BYMINUTE… can put several starts in one period. */
  utc = g_time_zone_new_utc ();
  localize_until (&recur, utc);
  iterator = icalrecur_iterator_new (recur, dtstart);
  if (iterator == NULL)
    {
      g_set_error (error, BMB_RECURRENCE_ERROR, BMB_RECURRENCE_ERROR_INVALID_RULE,
                   _("“%s” is not a repeat rule Bimbing understands."), rrule);
      return FALSE;
    }

  for (guint i = 0; ok && i < CHECK_STARTS; i++)
    {
      struct icaltimetype next = iterator_next (iterator);
      gint64 t;

      if (icaltime_is_null_time (next))
        break;

      t = floating_to_seconds (next);
      if (previous != G_MININT64 && t - previous < BMB_LIMIT_MIN_INTERVAL_SECS)
        ok = FALSE;
      previous = t;
    }
  icalrecur_iterator_free (iterator);

  if (!ok)
    set_too_frequent (error, rrule);

  return ok;
}

/* ---- Expansion ---------------------------------------------------------------- */

/* Moves @dtstart and COUNT as close to @from as the rule allows without
 * changing which starts come after it, or gives in @set_start where the
 * iterator may jump to (null time: nowhere). FALSE when COUNT runs out
 * before @from. */
static gboolean
skip_towards (struct icalrecurrencetype *recur,
              struct icaltimetype       *dtstart,
              GTimeZone                 *zone,
              gint64                     from,
              struct icaltimetype       *set_start)
{
  g_autoptr(GDateTime) jump_utc = g_date_time_new_from_unix_utc (from - MARGIN_SECONDS);
  g_autoptr(GDateTime) jump = jump_utc ? g_date_time_to_timezone (jump_utc, zone) : NULL;
  struct icaltimetype jump_tt;
  gint64 period;

  *set_start = icaltime_null_time ();

  if (jump == NULL)
    return TRUE;

  jump_tt = floating_from_date_time (jump);
  if (icaltime_compare (jump_tt, *dtstart) <= 0)
    return TRUE;

  if ((period = fixed_period (recur, *dtstart)) > 0)
    {
      gint64 skipped = (floating_to_seconds (jump_tt) - floating_to_seconds (*dtstart)) / period;

      if (recur->count > 0)
        {
          if (skipped >= recur->count)
            return FALSE;
          recur->count -= (int)skipped;
        }
      *dtstart = floating_from_seconds (floating_to_seconds (*dtstart) + skipped * period);
      return TRUE;
    }

  if (recur->count == 0 && _bmb_recurrence_array_is_empty (recur->by_set_pos) &&
      (recur->freq == ICAL_DAILY_RECURRENCE || recur->freq == ICAL_WEEKLY_RECURRENCE ||
       recur->freq == ICAL_MONTHLY_RECURRENCE) &&
      (icaltime_is_null_time (recur->until) || icaltime_compare (jump_tt, recur->until) < 0))
    *set_start = jump_tt;

  return TRUE;
}

gboolean
bmb_recurrence_expand (const char          *rrule,
                       const char          *start_local,
                       GTimeZone           *zone,
                       const char * const  *exdates,
                       gint64               from,
                       gint64               to,
                       BmbExpansionBudget  *budget,
                       BmbRecurrenceFunc    func,
                       gpointer             user_data,
                       GError             **error)
{
  BmbExpansionBudget own_budget = BMB_EXPANSION_BUDGET_INIT;
  struct icalrecurrencetype recur;
  struct icaltimetype dtstart;
  struct icaltimetype previous = icaltime_null_time ();
  struct icaltimetype set_start;
  icalrecur_iterator *iterator;
  g_autoptr(GDateTime) first = NULL;
  guint used_before;
  gboolean complete = TRUE;

  g_return_val_if_fail (zone != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (budget == NULL)
    budget = &own_budget;
  used_before = budget->used;
  g_private_set (&last_iterations, GUINT_TO_POINTER (0));

  if (!_bmb_recurrence_parse_local (start_local, &dtstart))
    {
      g_set_error (error, BMB_RECURRENCE_ERROR, BMB_RECURRENCE_ERROR_INVALID_START,
                   _("“%s” is not a valid start time."), start_local ? start_local : "");
      return FALSE;
    }

  if (from >= to)
    return TRUE;

  if (rrule == NULL || *rrule == '\0')
    {
      g_autofree char *recurrence_id = format_local (dtstart);
      gint64 t;

      first = g_date_time_new (zone, dtstart.year, dtstart.month, dtstart.day,
                               dtstart.hour, dtstart.minute, dtstart.second);
      if (first == NULL)
        return TRUE;
      t = g_date_time_to_unix (first);
      if (t >= from && t < to && !is_excluded (exdates, recurrence_id))
        func (first, recurrence_id, user_data);
      return TRUE;
    }

  if (!_bmb_recurrence_parse_rule (rrule, &recur, error))
    return FALSE;

  localize_until (&recur, zone);

  if (!skip_towards (&recur, &dtstart, zone, from, &set_start))
    return TRUE;   /* COUNT ran out before the window */

  iterator = icalrecur_iterator_new (recur, dtstart);
  if (iterator == NULL)
    {
      g_set_error (error, BMB_RECURRENCE_ERROR, BMB_RECURRENCE_ERROR_INVALID_RULE,
                   _("“%s” is not a repeat rule Bimbing understands."), rrule);
      return FALSE;
    }
  if (!icaltime_is_null_time (set_start))
    icalrecur_iterator_set_start (iterator, set_start);

  for (;;)
    {
      struct icaltimetype next;
      g_autoptr(GDateTime) dt = NULL;
      char recurrence_id[20];
      gint64 t;

      if (budget->used >= budget->limit)
        {
          g_debug ("Expansion budget of %u steps spent in “%s”", budget->limit, rrule);
          complete = FALSE;
          break;
        }
      budget->used++;

      next = iterator_next (iterator);
      if (icaltime_is_null_time (next))
        break;

      if (!icaltime_is_null_time (previous) && icaltime_compare (next, previous) <= 0)
        {
          g_debug ("Iterator for “%s” did not advance past %s; stopping",
                   rrule, icaltime_as_ical_string (previous));
          complete = FALSE;
          break;
        }
      previous = next;

      dt = g_date_time_new (zone, next.year, next.month, next.day,
                            next.hour, next.minute, next.second);
      if (dt == NULL)
        continue;

      t = g_date_time_to_unix (dt);
      if (t >= to + MARGIN_SECONDS)
        break;
      if (t < from || t >= to)
        continue;

      format_local_into (next, recurrence_id);
      if (is_excluded (exdates, recurrence_id))
        continue;

      if (!func (dt, recurrence_id, user_data))
        break;
    }

  icalrecur_iterator_free (iterator);
  g_private_set (&last_iterations, GUINT_TO_POINTER (budget->used - used_before));

  if (!complete)
    {
      set_incomplete (error, rrule);
      return FALSE;
    }

  return TRUE;
}

static gboolean
collect_cb (GDateTime  *start,
            const char *recurrence_id,
            gpointer    user_data)
{
  g_ptr_array_add (user_data, g_date_time_ref (start));
  return TRUE;
}

GPtrArray *
bmb_recurrence_expand_list (const char          *rrule,
                            const char          *start_local,
                            GTimeZone           *zone,
                            const char * const  *exdates,
                            gint64               from,
                            gint64               to,
                            GError             **error)
{
  g_autoptr(GPtrArray) starts = g_ptr_array_new_with_free_func ((GDestroyNotify)g_date_time_unref);

  if (!bmb_recurrence_expand (rrule, start_local, zone, exdates, from, to, NULL,
                              collect_cb, starts, error))
    return NULL;

  return g_steal_pointer (&starts);
}

typedef struct
{
  const char *wanted;
  gboolean    found;
} FindOccurrence;

static gboolean
find_cb (GDateTime  *start,
         const char *recurrence_id,
         gpointer    user_data)
{
  FindOccurrence *find = user_data;

  if (g_str_equal (recurrence_id, find->wanted))
    {
      find->found = TRUE;
      return FALSE;
    }

  return TRUE;
}

gboolean
bmb_recurrence_find_occurrence (const char          *rrule,
                                const char          *start_local,
                                const char          *local_start,
                                BmbExpansionBudget  *budget,
                                gboolean            *found,
                                GError             **error)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) wanted = NULL;
  g_autofree char *normalized = NULL;
  FindOccurrence find = { NULL, FALSE };
  struct icaltimetype tt;
  gint64 t;

  g_return_val_if_fail (found != NULL, FALSE);

  *found = FALSE;
  if (!_bmb_recurrence_parse_local (local_start, &tt))
    return TRUE;

  /* Normalize "…T10:00" to "…T10:00:00" before comparing. */
  normalized = format_local (tt);

  if (rrule == NULL || *rrule == '\0')
    {
      struct icaltimetype start;
      g_autofree char *start_normalized = NULL;

      if (_bmb_recurrence_parse_local (start_local, &start))
        {
          start_normalized = format_local (start);
          *found = g_str_equal (normalized, start_normalized);
        }
      return TRUE;
    }

  /* In UTC the local strings are the instants: look one day around. */
  wanted = g_date_time_new_utc (tt.year, tt.month, tt.day, tt.hour, tt.minute, tt.second);
  if (wanted == NULL)
    return TRUE;
  find.wanted = normalized;
  t = g_date_time_to_unix (wanted);
  /* find_cb() stops the expansion when found: an error means not known. */
  if (!bmb_recurrence_expand (rrule, start_local, utc, NULL, t - 24 * 60 * 60, t + 24 * 60 * 60,
                              budget, find_cb, &find, error))
    return FALSE;

  *found = find.found;
  return TRUE;
}

gboolean
bmb_recurrence_has_occurrence (const char *rrule,
                               const char *start_local,
                               const char *local_start)
{
  g_autoptr(GError) error = NULL;
  gboolean found;

  if (!bmb_recurrence_find_occurrence (rrule, start_local, local_start, NULL, &found, &error))
    {
      g_debug ("Cannot tell whether “%s” has a start at %s: %s",
               rrule, local_start, error->message);
      return FALSE;
    }

  return found;
}
