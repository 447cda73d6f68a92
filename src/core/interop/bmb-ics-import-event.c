/* bmb-ics-import-event.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One VEVENT → one session (or one override of a session's occurrence).
 *
 * Times: a TZID is resolved to an IANA zone (directly, as a Windows name,
 * or through its VTIMEZONE's X-LIC-LOCATION); a TZID nothing can name is
 * converted with the file's own VTIMEZONE into the local zone; UTC stays
 * UTC for a series (its rule is UTC-based) and becomes local for a single
 * event; floating times and all-day dates are local.
 */

#define G_LOG_DOMAIN "bmb-ics-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bmb-ics-private.h"
#include "bmb-limits.h"
#include "bmb-mentoring-meetings-private.h"
#include "bmb-mentoring-private.h"
#include "bmb-recurrence.h"
#include "bmb-windows-zones.h"

#define MAX_DURATION_MIN 10080
#define MAX_REMINDER_MIN (60 * 24 * 28)

typedef struct
{
  char     *tzid;     /* IANA */
  char     *local;    /* "YYYY-MM-DDTHH:MM:SS" in tzid */
  gint64    instant;
  gboolean  is_date;
} IcsTime;

static void
ics_time_clear (IcsTime *time)
{
  g_clear_pointer (&time->tzid, g_free);
  g_clear_pointer (&time->local, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (IcsTime, ics_time_clear)

static char *
format_fields (struct icaltimetype tt)
{
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d",
                          tt.year, tt.month, tt.day,
                          tt.is_date ? 0 : tt.hour, tt.is_date ? 0 : tt.minute,
                          tt.is_date ? 0 : tt.second);
}

static gboolean
local_to_unix (const char *tzid,
               const char *local,
               gint64     *unix_time)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (tzid);
  g_autoptr(GDateTime) dt = zone ? bmb_local_time_to_date_time (local, zone) : NULL;

  if (dt == NULL)
    return FALSE;

  *unix_time = g_date_time_to_unix (dt);
  return TRUE;
}

static char *
unix_to_local (gint64      unix_time,
               const char *tzid)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (tzid);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);
  g_autoptr(GDateTime) local = NULL;

  if (zone == NULL || utc == NULL)
    return NULL;

  local = g_date_time_to_timezone (utc, zone);
  return bmb_date_time_to_local_time (local);
}

static struct icaltimetype
property_time (icalproperty *prop)
{
  icalvalue *value = icalproperty_get_value (prop);

  if (value == NULL)
    return icaltime_null_time ();

  if (icalvalue_isa (value) == ICAL_DATE_VALUE)
    return icalvalue_get_date (value);
  if (icalvalue_isa (value) == ICAL_DATETIME_VALUE)
    return icalvalue_get_datetime (value);
  if (icalvalue_isa (value) == ICAL_DATETIMEDATE_VALUE)
    return icalvalue_get_datetimedate (value);

  return icaltime_null_time ();
}

/* Reads a DATE or DATE-TIME property with its TZID into @out. */
static gboolean
read_time (BmbIcsImport *import,
           icalproperty *prop,
           IcsTime      *out,
           GError      **error)
{
  struct icaltimetype tt = property_time (prop);
  icalparameter *param = icalproperty_get_first_parameter (prop, ICAL_TZID_PARAMETER);
  const char *tzid = param ? icalparameter_get_tzid (param) : NULL;
  g_autofree char *iana = NULL;

  if (icaltime_is_null_time (tt) || !icaltime_is_valid_time (tt) ||
      !g_date_valid_dmy (tt.day, tt.month, tt.year))
    {
      g_set_error (error, BMB_ICS_ERROR, BMB_ICS_ERROR_NOT_ICALENDAR,
                   /* Translators: %s is an iCalendar property name such as DTSTART */
                   _("The %s time cannot be read."), icalproperty_get_property_name (prop));
      return FALSE;
    }

  out->is_date = tt.is_date;

  if (!tt.is_date && icaltime_is_utc (tt))
    iana = g_strdup ("UTC");
  else if (!tt.is_date && tzid != NULL)
    {
      BmbIcsZone *zone = g_hash_table_lookup (import->zones, tzid);

      if (!(iana = bmb_tzid_to_iana (tzid)) && zone != NULL && zone->iana != NULL)
        iana = g_strdup (zone->iana);

      if (iana == NULL && zone != NULL)
        {
          /* Only the file knows this zone: convert with its definition. */
          struct icaltimetype utc = tt;

          icaltimezone_convert_time (&utc, zone->zone, icaltimezone_get_utc_timezone ());
          out->instant = icaltime_as_timet (utc);
          out->tzid = g_strdup (import->local_tzid);
          out->local = unix_to_local (out->instant, out->tzid);
          g_debug ("Converted a time in the unnamed zone “%s” to %s", tzid, out->tzid);
          return out->local != NULL;
        }

      if (iana == NULL)
        {
          g_debug ("Unknown zone “%s” without VTIMEZONE: using local time", tzid);
          if (import->unknown_zone == NULL)
            import->unknown_zone = g_strdup (tzid);
        }
    }

  out->tzid = iana ? g_steal_pointer (&iana) : g_strdup (import->local_tzid);
  out->local = format_fields (tt);

  if (!local_to_unix (out->tzid, out->local, &out->instant))
    {
      g_set_error (error, BMB_ICS_ERROR, BMB_ICS_ERROR_NOT_ICALENDAR,
                   _("The %s time cannot be read."), icalproperty_get_property_name (prop));
      return FALSE;
    }

  return TRUE;
}

/* @time as a wall clock of the series' zone, for EXDATE and RECURRENCE-ID. */
static char *
to_series_local (const IcsTime *time,
                 const IcsTime *start)
{
  if (time->is_date)
    {
      /* A whole day: the series' time of day on that date. */
      return g_strdup_printf ("%.10s%s", time->local, start->local + 10);
    }

  if (g_strcmp0 (time->tzid, start->tzid) == 0)
    return g_strdup (time->local);

  return unix_to_local (time->instant, start->tzid);
}

/* TEXT values come unescaped from libical; others as written. */
static const char *
text_property (icalcomponent     *event,
               icalproperty_kind  kind)
{
  icalproperty *prop = icalcomponent_get_first_property (event, kind);
  icalvalue *value = prop ? icalproperty_get_value (prop) : NULL;
  const char *text = NULL;

  if (value != NULL && icalvalue_isa (value) == ICAL_TEXT_VALUE)
    text = icalvalue_get_text (value);
  else if (prop != NULL)
    text = icalproperty_get_value_as_string (prop);

  return text != NULL && *text != '\0' ? text : NULL;
}

/* libical unescapes X- values itself; ours are written with VALUE=TEXT. */
static const char *
x_value (icalproperty *prop)
{
  icalvalue *value = icalproperty_get_value (prop);

  if (value != NULL && icalvalue_isa (value) == ICAL_TEXT_VALUE)
    return icalvalue_get_text (value);

  return icalproperty_get_x (prop);
}

static const char *
x_property (icalcomponent *event,
            const char    *name)
{
  for (icalproperty *prop = icalcomponent_get_first_property (event, ICAL_X_PROPERTY);
       prop != NULL;
       prop = icalcomponent_get_next_property (event, ICAL_X_PROPERTY))
    {
      if (g_ascii_strcasecmp (icalproperty_get_x_name (prop), name) == 0)
        return x_value (prop);
    }

  return NULL;
}

/* The properties an event cannot do without being read right. */
static const char * const essential[] = {
  "DTSTART", "DTEND", "DURATION", "RRULE", "RECURRENCE-ID", "EXDATE",
};

/* A libical parse problem in one of the essential properties, as its
 * (English) message. Others (an empty DESCRIPTION, an odd X- property) are
 * dropped by libical and do not matter. */
static const char *
find_parse_error (icalcomponent *component)
{
  for (icalproperty *prop = icalcomponent_get_first_property (component, ICAL_XLICERROR_PROPERTY);
       prop != NULL;
       prop = icalcomponent_get_next_property (component, ICAL_XLICERROR_PROPERTY))
    {
      const char *message = icalproperty_get_xlicerror (prop);

      for (guint i = 0; message != NULL && i < G_N_ELEMENTS (essential); i++)
        {
          g_autofree char *needle = g_strdup_printf (" %s ", essential[i]);

          if (strstr (message, needle) != NULL)
            return message;
        }

      g_debug ("Ignored: %s", message);
    }

  return NULL;
}

static gboolean
check_parse_errors (icalcomponent  *event,
                    GError        **error)
{
  const char *message = find_parse_error (event);

  if (message == NULL)
    return TRUE;

  g_set_error (error, BMB_ICS_ERROR, BMB_ICS_ERROR_NOT_ICALENDAR,
               /* Translators: %s is the parser's own (English) explanation */
               _("Part of the event cannot be read: %s"), message);
  return FALSE;
}

/* Minutes from DTSTART to DTEND, or DURATION, or a default. */
static gboolean
read_duration (BmbIcsImport  *import,
               icalcomponent *event,
               const IcsTime *start,
               int           *minutes,
               GError       **error)
{
  icalproperty *dtend = icalcomponent_get_first_property (event, ICAL_DTEND_PROPERTY);
  icalproperty *duration = icalcomponent_get_first_property (event, ICAL_DURATION_PROPERTY);
  gint64 seconds;

  if (dtend != NULL)
    {
      g_auto(IcsTime) end = { 0 };

      if (!read_time (import, dtend, &end, error))
        return FALSE;

      seconds = end.instant - start->instant;
      /* Dates: whole days, whatever DST did in between. */
      if (start->is_date && end.is_date)
        seconds = ((seconds + 12 * 3600) / 86400) * 86400;

      if (seconds < 0)
        {
          g_set_error (error, BMB_ICS_ERROR, BMB_ICS_ERROR_NOT_ICALENDAR,
                       _("The event ends before it starts."));
          return FALSE;
        }
    }
  else if (duration != NULL)
    {
      seconds = icaldurationtype_as_int (icalproperty_get_duration (duration));
      if (seconds < 0)
        {
          g_set_error (error, BMB_ICS_ERROR, BMB_ICS_ERROR_NOT_ICALENDAR,
                       _("The event ends before it starts."));
          return FALSE;
        }
    }
  else
    {
      /* RFC 5545 would make these zero-length; a day or an hour is what
       * people mean by them. */
      seconds = start->is_date ? 86400 : 3600;
    }

  *minutes = (int)CLAMP ((seconds + 59) / 60, 1, MAX_DURATION_MIN);
  return TRUE;
}

static GArray *
read_alarms (icalcomponent *event,
             const IcsTime *start,
             int            duration_min)
{
  GArray *offsets = g_array_new (FALSE, FALSE, sizeof (int));

  for (icalcomponent *alarm = icalcomponent_get_first_component (event, ICAL_VALARM_COMPONENT);
       alarm != NULL;
       alarm = icalcomponent_get_next_component (event, ICAL_VALARM_COMPONENT))
    {
      icalproperty *action = icalcomponent_get_first_property (alarm, ICAL_ACTION_PROPERTY);
      icalproperty *trigger = icalcomponent_get_first_property (alarm, ICAL_TRIGGER_PROPERTY);
      struct icaltriggertype value;
      gint64 before;

      if (trigger == NULL)
        continue;
      if (action != NULL && icalproperty_get_action (action) != ICAL_ACTION_DISPLAY &&
          icalproperty_get_action (action) != ICAL_ACTION_AUDIO)
        continue;

      value = icalproperty_get_trigger (trigger);
      if (!icaltime_is_null_time (value.time))
        {
          /* Absolute triggers are UTC (RFC 5545 3.8.6.3). */
          before = start->instant - (gint64)icaltime_as_timet (value.time);
        }
      else
        {
          icalparameter *related = icalproperty_get_first_parameter (trigger, ICAL_RELATED_PARAMETER);

          before = -(gint64)icaldurationtype_as_int (value.duration);
          if (related != NULL && icalparameter_get_related (related) == ICAL_RELATED_END)
            before -= (gint64)duration_min * 60;
        }

      /* Reminders after the start make no sense here. */
      if (before < 0 || before > (gint64)MAX_REMINDER_MIN * 60)
        continue;

      g_array_append_vals (offsets, &(int){ (int)(before / 60) }, 1);
    }

  return offsets;
}

static char *
dup_notes (icalcomponent *event)
{
  const char *description = text_property (event, ICAL_DESCRIPTION_PROPERTY);
  const char *url = text_property (event, ICAL_URL_PROPERTY);
  const char *location = text_property (event, ICAL_LOCATION_PROPERTY);

  /* The link goes to the location when there is none, else to the notes. */
  if (url != NULL && location != NULL && (description == NULL || !strstr (description, url)))
    return description ? g_strconcat (description, "\n\n", url, NULL) : g_strdup (url);

  return g_strdup (description);
}

static const char *
dup_location (icalcomponent *event)
{
  const char *location = text_property (event, ICAL_LOCATION_PROPERTY);

  return location ? location : text_property (event, ICAL_URL_PROPERTY);
}

static BmbSessionStatus
read_status (icalcomponent *event)
{
  icalproperty *status = icalcomponent_get_first_property (event, ICAL_STATUS_PROPERTY);
  const char *x_status = x_property (event, BMB_ICS_X_STATUS);

  if (status != NULL && icalproperty_get_status (status) == ICAL_STATUS_CANCELLED)
    return BMB_SESSION_STATUS_CANCELLED;
  if (x_status != NULL && g_ascii_strcasecmp (x_status, "DONE") == 0)
    return BMB_SESSION_STATUS_DONE;

  return BMB_SESSION_STATUS_PLANNED;
}

static char *
dup_uid (icalcomponent *event,
         const IcsTime *start)
{
  const char *uid = icalcomponent_get_uid (event);
  g_autofree char *seed = NULL;
  g_autofree char *checksum = NULL;

  if (uid != NULL && *uid != '\0')
    return g_strdup (uid);

  /* No UID: derive a stable one so a second import updates. */
  seed = g_strdup_printf ("%s|%s|%s", start->local, start->tzid,
                          text_property (event, ICAL_SUMMARY_PROPERTY) ?: "");
  checksum = g_compute_checksum_for_string (G_CHECKSUM_SHA1, seed, -1);
  return g_strconcat (checksum, "@import.bimbing", NULL);
}

/* Says in the report that the event on @line used a zone nothing names. */
static void
note_unknown_zone (BmbIcsImport *import,
                   guint         line,
                   const char   *used_tzid)
{
  g_autofree char *reason = NULL;

  if (import->unknown_zone == NULL)
    return;

  /* Translators: the first %s is a time zone name from the file
   * (“Mars/Olympus”), the second the zone used instead (Asia/Jakarta, UTC) */
  reason = g_strdup_printf (_("Unknown time zone “%s”: the times are read as %s."),
                            import->unknown_zone, used_tzid);
  _bmb_ics_import_result_add_note (import->result, line, reason);
  g_clear_pointer (&import->unknown_zone, g_free);
}

/* TRUE when @prop's rule repeats more often than every
 * BMB_LIMIT_MIN_INTERVAL_SECS: FREQ=SECONDLY or MINUTELY (below an hour's
 * INTERVAL), or several BYSECOND or BYMINUTE values. */
static gboolean
repeats_too_often (icalproperty *prop)
{
  struct icalrecurrencetype recur = icalproperty_get_rrule (prop);
  gint64 step;
  int interval = MAX (recur.interval, 1);

  switch (recur.freq)
    {
    case ICAL_SECONDLY_RECURRENCE:
      step = 1;
      break;
    case ICAL_MINUTELY_RECURRENCE:
      step = 60;
      break;
    case ICAL_HOURLY_RECURRENCE:
      step = 3600;
      break;
    case ICAL_DAILY_RECURRENCE:
    case ICAL_WEEKLY_RECURRENCE:
    case ICAL_MONTHLY_RECURRENCE:
    case ICAL_YEARLY_RECURRENCE:
    case ICAL_NO_RECURRENCE:
    default:
      step = G_MAXINT64 / 2;
      break;
    }

  /* Daily and longer never are; below that the product cannot overflow (found by
   * fuzz-ics: G_MAXINT64 / 2 × 3). */
  if (step < BMB_LIMIT_MIN_INTERVAL_SECS && step * interval < BMB_LIMIT_MIN_INTERVAL_SECS)
    return TRUE;

  return (recur.by_second[0] != ICAL_RECURRENCE_ARRAY_MAX &&
          recur.by_second[1] != ICAL_RECURRENCE_ARRAY_MAX) ||
         (recur.by_minute[0] != ICAL_RECURRENCE_ARRAY_MAX &&
          recur.by_minute[1] != ICAL_RECURRENCE_ARRAY_MAX);
}

static gboolean
skip (BmbIcsImport *import,
      guint         line,
      GError       *error)
{
  g_debug ("Skipping the event on line %u: %s", line, error->message);
  g_clear_pointer (&import->unknown_zone, g_free);
  _bmb_ics_import_result_add_skipped (import->result, line, error->message);
  g_error_free (error);
  return FALSE;
}

/* The meeting record @event carries for (@session, @recurrence_id), written
 * inside the caller's transaction. */
static gboolean
write_record (BmbIcsImport   *import,
              icalcomponent  *event,
              BmbSession     *session,
              const char     *recurrence_id,
              GError        **error)
{
  g_autoptr(BmbMeeting) meeting = bmb_meeting_new (bmb_session_get_id (session), recurrence_id);

  _bmb_ics_read_record (event, meeting);
  bmb_meeting_set_status (meeting, read_status (event));

  return _bmb_mentoring_store_write_meeting (import->store, meeting, error);
}

static gboolean
write_in_savepoint (BmbIcsImport  *import,
                    BmbSession    *session,
                    gboolean       clear_overrides,
                    icalcomponent *record,
                    GError       **error)
{
  BmbDatabase *db = bmb_mentoring_store_get_database (import->store);

  if (!bmb_database_begin (db, error))
    return FALSE;

  if (!_bmb_mentoring_store_write_session (import->store, session, error) ||
      (clear_overrides &&
       !_bmb_mentoring_store_clear_overrides (import->store, bmb_session_get_id (session), error)) ||
      (record != NULL &&
       !write_record (import, record, session, bmb_session_get_start_local (session), error)) ||
      !bmb_database_commit (db, error))
    {
      bmb_database_rollback (db);
      return FALSE;
    }

  return TRUE;
}

gboolean
_bmb_ics_import_master (BmbIcsImport  *import,
                        icalcomponent *event,
                        guint          line)
{
  g_auto(IcsTime) start = { 0 };
  g_autoptr(BmbSession) session = NULL;
  g_autoptr(GPtrArray) exdates = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) alarms = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uid = NULL;
  g_autofree char *rrule = NULL;
  g_autofree char *notes = NULL;
  icalproperty *dtstart;
  icalproperty *prop;
  const char *title;
  gboolean existed;
  gboolean record;
  int duration_min;

  if (!check_parse_errors (event, &error))
    return skip (import, line, g_steal_pointer (&error));

  if (!(dtstart = icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY)))
    {
      g_set_error (&error, BMB_ICS_ERROR, BMB_ICS_ERROR_NOT_ICALENDAR,
                   _("The event has no start time."));
      return skip (import, line, g_steal_pointer (&error));
    }

  if (!read_time (import, dtstart, &start, &error) ||
      !read_duration (import, event, &start, &duration_min, &error))
    return skip (import, line, g_steal_pointer (&error));

  if ((prop = icalcomponent_get_first_property (event, ICAL_RRULE_PROPERTY)))
    {
      g_autoptr(BmbRecurrence) check = NULL;

      if (repeats_too_often (prop))
        {
          title = text_property (event, ICAL_SUMMARY_PROPERTY);
          g_set_error (&error, BMB_ICS_ERROR, BMB_ICS_ERROR_NOT_ICALENDAR,
                       /* Translators: %s is the title of an event */
                       _("“%s” repeats more often than once an hour; it was not imported."),
                       title != NULL ? title : _("Untitled session"));
          return skip (import, line, g_steal_pointer (&error));
        }

      rrule = g_strdup (icalproperty_get_value_as_string (prop));
      if (!(check = bmb_recurrence_new_from_rrule (rrule, start.local, start.tzid, &error)))
        return skip (import, line, g_steal_pointer (&error));
      if (icalcomponent_get_next_property (event, ICAL_RRULE_PROPERTY) != NULL)
        g_debug ("Event on line %u has several RRULEs; only the first is used", line);
    }

  /* A single event in UTC reads better in local time; a series keeps the
   * zone its rule was written for. */
  if (rrule == NULL && g_str_equal (start.tzid, "UTC") && !g_str_equal (import->local_tzid, "UTC"))
    {
      g_autofree char *local = unix_to_local (start.instant, import->local_tzid);

      g_free (start.tzid);
      start.tzid = g_strdup (import->local_tzid);
      g_free (start.local);
      start.local = g_steal_pointer (&local);
    }

  for (prop = icalcomponent_get_first_property (event, ICAL_EXDATE_PROPERTY);
       prop != NULL;
       prop = icalcomponent_get_next_property (event, ICAL_EXDATE_PROPERTY))
    {
      g_auto(IcsTime) exdate = { 0 };
      char *local;

      if (!read_time (import, prop, &exdate, &error))
        return skip (import, line, g_steal_pointer (&error));
      if ((local = to_series_local (&exdate, &start)))
        g_ptr_array_add (exdates, local);
    }
  g_ptr_array_add (exdates, NULL);

  uid = dup_uid (event, &start);
  session = bmb_mentoring_store_find_session_by_uid (import->store, uid, &error);
  if (error != NULL)
    return skip (import, line, g_steal_pointer (&error));

  existed = session != NULL;
  if (!existed)
    {
      session = bmb_session_new ();
      bmb_session_set_uid (session, uid);
      bmb_session_set_relationship_id (session, import->relationship_id);
    }

  title = text_property (event, ICAL_SUMMARY_PROPERTY);
  /* A one-off meeting's record: its DESCRIPTION is the readable copy. */
  record = rrule == NULL && _bmb_ics_has_record (event);
  notes = record ? NULL : dup_notes (event);
  alarms = read_alarms (event, &start, duration_min);

  g_object_freeze_notify (G_OBJECT (session));
  bmb_session_set_title (session, title ? title : _("Untitled session"));
  bmb_session_set_start_local (session, start.local);
  bmb_session_set_tzid (session, start.tzid);
  bmb_session_set_duration_min (session, duration_min);
  bmb_session_set_location (session, dup_location (event));
  bmb_session_set_notes (session, notes);
  bmb_session_set_rrule (session, rrule);
  bmb_session_set_exdates (session, (const char * const *)exdates->pdata);
  bmb_session_set_reminders (session, (const int *)(gpointer)alarms->data, alarms->len);
  bmb_session_set_status (session, read_status (event));

  if (!record && x_property (event, BMB_ICS_X_AGENDA) != NULL)
    {
      GListStore *agenda = G_LIST_STORE (bmb_session_get_agenda (session));

      g_list_store_remove_all (agenda);
      for (prop = icalcomponent_get_first_property (event, ICAL_X_PROPERTY);
           prop != NULL;
           prop = icalcomponent_get_next_property (event, ICAL_X_PROPERTY))
        {
          if (g_ascii_strcasecmp (icalproperty_get_x_name (prop), BMB_ICS_X_AGENDA) == 0)
            bmb_session_append_agenda_item (session, x_value (prop) ? x_value (prop) : "");
        }
    }
  g_object_thaw_notify (G_OBJECT (session));

  /* The file is the truth about this event's exceptions. */
  if (!write_in_savepoint (import, session, existed, record ? event : NULL, &error))
    return skip (import, line, g_steal_pointer (&error));

  g_hash_table_replace (import->masters, g_strdup (uid), g_object_ref (session));
  _bmb_ics_import_result_add_done (import->result, existed);
  note_unknown_zone (import, line, start.tzid);

  return TRUE;
}

static char *
differing (const char *series,
           const char *occurrence)
{
  if (g_strcmp0 (series, occurrence) == 0)
    return NULL;

  return g_strdup (occurrence ? occurrence : "");
}

gboolean
_bmb_ics_import_override (BmbIcsImport  *import,
                          icalcomponent *event,
                          guint          line)
{
  BmbDatabase *db = bmb_mentoring_store_get_database (import->store);
  g_autoptr(BmbSession) master = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(IcsTime) series_start = { 0 };
  g_auto(IcsTime) recurrence_id = { 0 };
  g_auto(IcsTime) start = { 0 };
  g_autofree char *occurrence_start = NULL;
  g_autofree char *moved_to = NULL;
  g_autofree char *notes = NULL;
  BmbSessionOverride override = { 0 };
  icalproperty *prop;
  const char *uid = icalcomponent_get_uid (event);
  BmbSessionStatus status;
  int duration_min;
  gboolean record;
  gboolean ok;

  if (!check_parse_errors (event, &error))
    return skip (import, line, g_steal_pointer (&error));

  if (uid != NULL && g_hash_table_lookup (import->masters, uid))
    master = g_object_ref (g_hash_table_lookup (import->masters, uid));
  else if (uid != NULL)
    master = bmb_mentoring_store_find_session_by_uid (import->store, uid, NULL);

  if (master == NULL || !bmb_session_is_recurring (master))
    {
      g_set_error (&error, BMB_ICS_ERROR, BMB_ICS_ERROR_NOT_ICALENDAR,
                   _("The event changes one occurrence of a repeating event that is not "
                     "in the file."));
      return skip (import, line, g_steal_pointer (&error));
    }

  series_start.tzid = g_strdup (bmb_session_get_tzid (master));
  series_start.local = g_strdup (bmb_session_get_start_local (master));

  prop = icalcomponent_get_first_property (event, ICAL_RECURRENCEID_PROPERTY);
  if (!read_time (import, prop, &recurrence_id, &error))
    return skip (import, line, g_steal_pointer (&error));
  occurrence_start = to_series_local (&recurrence_id, &series_start);

  if (occurrence_start == NULL ||
      !bmb_recurrence_has_occurrence (bmb_session_get_rrule (master),
                                      bmb_session_get_start_local (master), occurrence_start))
    {
      g_set_error (&error, BMB_ICS_ERROR, BMB_ICS_ERROR_NOT_ICALENDAR,
                   /* Translators: %s is a date and time */
                   _("The event changes an occurrence (%s) that its repeating event does not have."),
                   occurrence_start ? occurrence_start : "");
      return skip (import, line, g_steal_pointer (&error));
    }

  if ((prop = icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY)))
    {
      if (!read_time (import, prop, &start, &error))
        return skip (import, line, g_steal_pointer (&error));
      moved_to = to_series_local (&start, &series_start);
    }
  else
    {
      start.tzid = g_strdup (series_start.tzid);
      start.local = g_strdup (occurrence_start);
      local_to_unix (start.tzid, start.local, &start.instant);
    }

  if (!read_duration (import, event, &start, &duration_min, &error))
    return skip (import, line, g_steal_pointer (&error));

  record = _bmb_ics_has_record (event);
  if (record)
    {
      /* The meeting's own notes, not the readable copy in DESCRIPTION. */
      g_autoptr(BmbMeeting) scratch = bmb_meeting_new (bmb_session_get_id (master), occurrence_start);

      _bmb_ics_read_record (event, scratch);
      notes = g_strdup (bmb_meeting_get_notes (scratch));
    }
  else
    notes = dup_notes (event);
  status = read_status (event);

  override.occurrence_start = occurrence_start;
  if (moved_to != NULL && !g_str_equal (moved_to, occurrence_start))
    override.start_local = g_strdup (moved_to);
  if (duration_min != bmb_session_get_duration_min (master))
    override.duration_min = duration_min;
  if (text_property (event, ICAL_SUMMARY_PROPERTY) &&
      g_strcmp0 (text_property (event, ICAL_SUMMARY_PROPERTY), bmb_session_get_title (master)) != 0)
    override.title = g_strdup (text_property (event, ICAL_SUMMARY_PROPERTY));
  override.location = differing (bmb_session_get_location (master), dup_location (event));
  override.notes = record ? g_strdup (notes) : differing (bmb_session_get_notes (master), notes);
  if (status != bmb_session_get_status (master))
    {
      override.has_status = TRUE;
      override.status = status;
    }

  ok = bmb_database_begin (db, &error);
  if (ok)
    {
      ok = _bmb_mentoring_store_write_override (import->store, bmb_session_get_id (master),
                                                &override, &error);
      if (ok && record)
        ok = write_record (import, event, master, occurrence_start, &error);
      if (ok)
        ok = bmb_database_commit (db, &error);
      if (!ok)
        bmb_database_rollback (db);
    }

  g_free (override.start_local);
  g_free (override.title);
  g_free (override.location);
  g_free (override.notes);

  if (!ok)
    return skip (import, line, g_steal_pointer (&error));

  note_unknown_zone (import, line, start.tzid);

  return TRUE;
}
