/* bmb-ics-export.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sessions → one VCALENDAR. Zoned times carry TZID=<IANA id>, and each zone
 * used gets a VTIMEZONE built from GLib's own transitions for the years
 * the sessions span (so readers that do not know the id still agree with
 * us); UTC series are written with "Z" times.
 */

#define G_LOG_DOMAIN "bmb-ics-export"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-file-output.h"
#include "bmb-ics-export.h"
#include "bmb-ics-private.h"
#include "bmb-mentoring-meetings-private.h"
#include "bmb-mentoring-private.h"

#define DAY_SECONDS (24 * 60 * 60)

typedef struct
{
  GPtrArray     *events;     /* icalcomponent VEVENTs, in order */
  GHashTable    *zones;      /* tzid → first year used (GINT_TO_POINTER) */
  int            last_year;
  gint64         now;
  BmbIcsPartners *partners;  /* of the session being written */
} Export;

/* ---- Times ----------------------------------------------------------------------- */

static gboolean
is_utc (const char *tzid)
{
  return g_strcmp0 (tzid, "UTC") == 0 || g_strcmp0 (tzid, "Etc/UTC") == 0;
}

static struct icaltimetype
ical_from_date_time (GDateTime *dt,
                     gboolean   utc)
{
  struct icaltimetype tt = icaltime_null_time ();
  g_autoptr(GDateTime) in_utc = utc ? g_date_time_to_utc (dt) : NULL;
  GDateTime *source = utc ? in_utc : dt;

  tt.year = g_date_time_get_year (source);
  tt.month = g_date_time_get_month (source);
  tt.day = g_date_time_get_day_of_month (source);
  tt.hour = g_date_time_get_hour (source);
  tt.minute = g_date_time_get_minute (source);
  tt.second = g_date_time_get_second (source);
  if (utc)
    tt.zone = icaltimezone_get_utc_timezone ();

  return tt;
}

static struct icaltimetype
ical_from_unix_utc (gint64 t)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (t);

  return ical_from_date_time (dt, TRUE);
}

/* Sets @prop's value to @dt as the wall clock of @tzid (TZID parameter) or
 * in UTC. */
static icalproperty *
with_zone (icalproperty *prop,
           const char   *tzid)
{
  if (!is_utc (tzid))
    icalproperty_add_parameter (prop, icalparameter_new_tzid (tzid));

  return prop;
}

static void
note_zone (Export     *export,
           const char *tzid,
           GDateTime  *dt)
{
  int year = g_date_time_get_year (dt);
  gpointer first;

  if (is_utc (tzid))
    return;

  export->last_year = MAX (export->last_year, year);
  if (!g_hash_table_lookup_extended (export->zones, tzid, NULL, &first) ||
      year < GPOINTER_TO_INT (first))
    g_hash_table_replace (export->zones, g_strdup (tzid), GINT_TO_POINTER (year));
}

/* ---- VTIMEZONE ------------------------------------------------------------------- */

static gint64
find_transition (GTimeZone *zone,
                 gint64     before,
                 gint64     after)
{
  int offset = g_time_zone_get_offset (zone, g_time_zone_find_interval (zone, G_TIME_TYPE_UNIVERSAL, before));

  /* The offset changes somewhere in (before, after]: bisect to the second. */
  while (after - before > 1)
    {
      gint64 middle = before + (after - before) / 2;
      int interval = g_time_zone_find_interval (zone, G_TIME_TYPE_UNIVERSAL, middle);

      if (g_time_zone_get_offset (zone, interval) == offset)
        before = middle;
      else
        after = middle;
    }

  return after;
}

static icalcomponent *
observance (GTimeZone *zone,
            gint64     at,
            int        offset_from)
{
  int interval = g_time_zone_find_interval (zone, G_TIME_TYPE_UNIVERSAL, at);
  int offset_to = g_time_zone_get_offset (zone, interval);
  icalcomponent *component = g_time_zone_is_dst (zone, interval)
                             ? icalcomponent_new_xdaylight ()
                             : icalcomponent_new_xstandard ();

  /* DTSTART is the local time before the change, in the old offset. */
  icalcomponent_add_property (component, icalproperty_new_dtstart (ical_from_unix_utc (at + offset_from)));
  icalcomponent_add_property (component, icalproperty_new_tzoffsetfrom (offset_from));
  icalcomponent_add_property (component, icalproperty_new_tzoffsetto (offset_to));
  icalcomponent_add_property (component,
                              icalproperty_new_tzname (g_time_zone_get_abbreviation (zone, interval)));

  /* Floating: drop the UTC marker ical_from_unix_utc () set. */
  {
    icalproperty *dtstart = icalcomponent_get_first_property (component, ICAL_DTSTART_PROPERTY);
    struct icaltimetype tt = icalproperty_get_dtstart (dtstart);

    tt.zone = NULL;
    icalproperty_set_dtstart (dtstart, tt);
  }

  return component;
}

static icalcomponent *
build_vtimezone (const char *tzid,
                 int         first_year,
                 int         last_year)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (tzid);
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  icalcomponent *vtimezone;
  icalproperty *location;
  gint64 t, end;
  int offset;

  if (zone == NULL)
    return NULL;

  vtimezone = icalcomponent_new_vtimezone ();
  icalcomponent_add_property (vtimezone, icalproperty_new_tzid (tzid));
  location = icalproperty_new_x (tzid);
  icalproperty_set_x_name (location, "X-LIC-LOCATION");
  icalcomponent_add_property (vtimezone, location);

  from = g_date_time_new_utc (first_year - 1, 1, 1, 0, 0, 0);
  to = g_date_time_new_utc (last_year + 1, 12, 31, 0, 0, 0);
  t = g_date_time_to_unix (from);
  end = g_date_time_to_unix (to);

  /* Where the range starts. */
  offset = g_time_zone_get_offset (zone, g_time_zone_find_interval (zone, G_TIME_TYPE_UNIVERSAL, t));
  icalcomponent_add_component (vtimezone, observance (zone, t, offset));

  /* Every change of offset after that, found a day at a time. */
  for (; t < end; t += DAY_SECONDS)
    {
      int next = g_time_zone_get_offset (zone,
                                         g_time_zone_find_interval (zone, G_TIME_TYPE_UNIVERSAL,
                                                                    t + DAY_SECONDS));
      if (next != offset)
        {
          gint64 at = find_transition (zone, t, t + DAY_SECONDS);

          icalcomponent_add_component (vtimezone, observance (zone, at, offset));
          offset = next;
        }
    }

  return vtimezone;
}

/* ---- Events ----------------------------------------------------------------------- */

static void
add_text (icalcomponent    *event,
          icalproperty     *(*ctor) (const char *),
          const char       *text)
{
  if (text != NULL && *text != '\0')
    icalcomponent_add_property (event, ctor (text));
}

/* libical writes X- values verbatim and splits them at commas when
 * reading: escape them as RFC 5545 TEXT ourselves. */
static void
add_x (icalcomponent *event,
       const char    *name,
       const char    *value)
{
  g_autoptr(GString) line = g_string_new (name);
  icalproperty *prop;

  g_string_append_c (line, ':');
  for (const char *p = value; p != NULL && *p; p++)
    {
      if (*p == '\\' || *p == ',' || *p == ';')
        g_string_append_c (line, '\\');
      if (*p == '\n')
        g_string_append (line, "\\n");
      else if (*p != '\r')
        g_string_append_c (line, *p);
    }

  if ((prop = icalproperty_new_from_string (line->str)) != NULL)
    icalcomponent_add_property (event, prop);
  else
    g_debug ("Could not write %s", name);
}

static void
add_alarms (icalcomponent *event,
            BmbSession    *session,
            const char    *title)
{
  GArray *offsets = bmb_session_get_reminders (session);

  for (guint i = 0; i < offsets->len; i++)
    {
      icalcomponent *alarm = icalcomponent_new_valarm ();
      struct icaltriggertype trigger = icaltriggertype_from_int (-60 * g_array_index (offsets, int, i));

      icalcomponent_add_property (alarm, icalproperty_new_action (ICAL_ACTION_DISPLAY));
      icalcomponent_add_property (alarm, icalproperty_new_trigger (trigger));
      icalcomponent_add_property (alarm, icalproperty_new_description (title));
      icalcomponent_add_component (event, alarm);
    }
}

/* The parts every VEVENT of a session shares, with this occurrence's times
 * and texts. */
static icalcomponent *
new_event (Export           *export,
           BmbSession       *session,
           GDateTime        *start,
           int               duration_min,
           const char       *title,
           const char       *location,
           const char       *notes,
           BmbSessionStatus  status)
{
  const char *tzid = bmb_session_get_tzid (session);
  gboolean utc = is_utc (tzid);
  g_autoptr(GDateTime) end = g_date_time_add_minutes (start, duration_min);
  icalcomponent *event = icalcomponent_new_vevent ();

  icalcomponent_add_property (event, icalproperty_new_uid (bmb_session_get_uid (session)));
  icalcomponent_add_property (event, icalproperty_new_dtstamp (ical_from_unix_utc (export->now)));
  if (bmb_session_get_created_at (session) > 0)
    icalcomponent_add_property (event,
                                icalproperty_new_created (ical_from_unix_utc (bmb_session_get_created_at (session))));
  if (bmb_session_get_updated_at (session) > 0)
    icalcomponent_add_property (event,
                                icalproperty_new_lastmodified (ical_from_unix_utc (bmb_session_get_updated_at (session))));

  icalcomponent_add_property (event,
                              with_zone (icalproperty_new_dtstart (ical_from_date_time (start, utc)), tzid));
  icalcomponent_add_property (event,
                              with_zone (icalproperty_new_dtend (ical_from_date_time (end, utc)), tzid));
  note_zone (export, tzid, start);
  note_zone (export, tzid, end);

  add_text (event, icalproperty_new_summary, title);
  add_text (event, icalproperty_new_location, location);
  add_text (event, icalproperty_new_description, notes);

  icalcomponent_add_property (event,
                              icalproperty_new_status (status == BMB_SESSION_STATUS_CANCELLED
                                                       ? ICAL_STATUS_CANCELLED
                                                       : ICAL_STATUS_CONFIRMED));
  if (status == BMB_SESSION_STATUS_DONE)
    add_x (event, BMB_ICS_X_STATUS, "DONE");

  add_alarms (event, session, title);
  _bmb_ics_add_partners (event, export->partners);

  return event;
}

/* @event carries @meeting's record: readable DESCRIPTION, X-BIMBING-* parts. */
static void
add_meeting_record (icalcomponent *event,
                    BmbMeeting    *meeting)
{
  g_autofree char *readable = _bmb_ics_dup_readable_record (meeting);
  icalproperty *description;

  while ((description = icalcomponent_get_first_property (event, ICAL_DESCRIPTION_PROPERTY)))
    {
      icalcomponent_remove_property (event, description);
      icalproperty_free (description);
    }
  add_text (event, icalproperty_new_description, readable);
  _bmb_ics_add_record (event, meeting);
}

static gboolean
add_session (Export             *export,
             BmbMentoringStore  *store,
             BmbSession         *session,
             GError            **error)
{
  const char *tzid = bmb_session_get_tzid (session);
  gboolean utc = is_utc (tzid);
  g_autoptr(GTimeZone) zone = bmb_session_dup_zone (session);
  g_autoptr(GDateTime) start = bmb_session_dup_start (session);
  g_autoptr(GPtrArray) overrides = NULL;
  g_autoptr(BmbIcsPartners) partners = NULL;
  g_autoptr(BmbMeeting) single = NULL;
  const char * const *exdates = bmb_session_get_exdates (session);
  GListModel *agenda = bmb_session_get_agenda (session);
  icalcomponent *event;

  if (start == NULL)
    {
      g_debug ("Session %" G_GINT64_FORMAT " has no valid start; not exported",
               bmb_session_get_id (session));
      return TRUE;
    }

  partners = _bmb_ics_partners_new (store, bmb_session_get_relationship_id (session));
  export->partners = partners;

  /* A one-off session's meeting record goes in its only event. */
  if (!bmb_session_is_recurring (session))
    {
      g_autoptr(BmbOccurrence) occurrence = bmb_occurrence_new (session, NULL);

      bmb_occurrence_set_start (occurrence, start);
      if (!(single = _bmb_mentoring_store_meeting_for (store, occurrence, error)))
        return FALSE;
      if (!bmb_meeting_get_has_record (single))
        g_clear_object (&single);
    }

  event = new_event (export, session, start, bmb_session_get_duration_min (session),
                     bmb_session_get_title (session), bmb_session_get_location (session),
                     bmb_session_get_notes (session), bmb_session_get_status (session));

  if (bmb_session_is_recurring (session))
    {
      struct icalrecurrencetype recur = icalrecurrencetype_from_string (bmb_session_get_rrule (session));

      icalcomponent_add_property (event, icalproperty_new_rrule (recur));

      for (guint i = 0; exdates[i] != NULL; i++)
        {
          g_autoptr(GDateTime) exdate = bmb_local_time_to_date_time (exdates[i], zone);

          if (exdate != NULL)
            icalcomponent_add_property (event,
                                        with_zone (icalproperty_new_exdate (ical_from_date_time (exdate, utc)),
                                                   tzid));
        }
    }

  if (single != NULL)
    add_meeting_record (event, single);
  else
    for (guint i = 0; i < g_list_model_get_n_items (agenda); i++)
      {
        g_autoptr(BmbAgendaItem) item = g_list_model_get_item (agenda, i);

        add_x (event, BMB_ICS_X_AGENDA, bmb_agenda_item_get_text (item));
      }

  g_ptr_array_add (export->events, event);
  export->partners = NULL;

  if (!bmb_session_is_recurring (session))
    return TRUE;

  export->partners = partners;

  /* One VEVENT with RECURRENCE-ID per edited occurrence. */
  if (!(overrides = _bmb_mentoring_store_list_overrides (store, bmb_session_get_id (session), error)))
    return FALSE;

  for (guint i = 0; i < overrides->len; i++)
    {
      BmbSessionOverride *override = g_ptr_array_index (overrides, i);
      g_autoptr(GDateTime) original = bmb_local_time_to_date_time (override->occurrence_start, zone);
      g_autoptr(BmbOccurrence) occurrence = NULL;
      g_autoptr(BmbMeeting) meeting = NULL;
      icalcomponent *exception;

      /* A record whose occurrence left the series has no RECURRENCE-ID to go to. */
      if (original == NULL || !_bmb_session_has_occurrence (session, override->occurrence_start))
        continue;

      occurrence = _bmb_occurrence_new_with_override (session, override->occurrence_start,
                                                      original, override);
      if (!(meeting = _bmb_mentoring_store_meeting_for (store, occurrence, error)))
        return FALSE;
      exception = new_event (export, session, bmb_occurrence_get_start (occurrence),
                             bmb_occurrence_get_duration_min (occurrence),
                             bmb_occurrence_get_title (occurrence),
                             bmb_occurrence_get_location (occurrence),
                             bmb_occurrence_get_notes (occurrence),
                             bmb_occurrence_get_status (occurrence));
      icalcomponent_add_property (exception,
                                  with_zone (icalproperty_new_recurrenceid (ical_from_date_time (original, utc)),
                                             tzid));
      if (bmb_meeting_get_has_record (meeting))
        add_meeting_record (exception, meeting);
      g_ptr_array_add (export->events, exception);
    }

  export->partners = NULL;
  return TRUE;
}

static void
free_component (gpointer component)
{
  icalcomponent_free (component);
}

/* A VCALENDAR with @sessions, their meetings and the zones they use. */
static icalcomponent *
build_calendar (BmbMentoringStore  *store,
                GPtrArray          *sessions,
                GError            **error)
{
  g_autoptr(GHashTable) zones = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GList *zone_ids;
  icalcomponent *calendar;
  Export export = { 0 };

  zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  events = g_ptr_array_new_with_free_func (free_component);
  export.events = events;
  export.zones = zones;
  export.now = g_date_time_to_unix (now);
  export.last_year = g_date_time_get_year (now);

  for (guint i = 0; i < sessions->len; i++)
    {
      if (!add_session (&export, store, g_ptr_array_index (sessions, i), error))
        return NULL;
    }

  calendar = icalcomponent_new_vcalendar ();
  icalcomponent_add_property (calendar, icalproperty_new_prodid (BMB_ICS_PRODID));
  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar, icalproperty_new_calscale ("GREGORIAN"));
  icalcomponent_add_property (calendar, icalproperty_new_method (ICAL_METHOD_PUBLISH));

  /* VTIMEZONEs first, in a stable order, then the events. */
  zone_ids = g_list_sort (g_hash_table_get_keys (zones), (GCompareFunc)g_strcmp0);
  for (GList *l = zone_ids; l != NULL; l = l->next)
    {
      int first_year = GPOINTER_TO_INT (g_hash_table_lookup (zones, l->data));
      icalcomponent *vtimezone = build_vtimezone (l->data, first_year, export.last_year + 5);

      if (vtimezone != NULL)
        icalcomponent_add_component (calendar, vtimezone);
    }
  g_list_free (zone_ids);

  /* The calendar owns the events from here on. */
  for (guint i = 0; i < events->len; i++)
    icalcomponent_add_component (calendar, g_ptr_array_index (events, i));
  g_ptr_array_set_free_func (events, NULL);

  return calendar;
}

char *
bmb_ics_export_to_string (BmbMentoringStore  *store,
                          gint64              relationship_id,
                          GError            **error)
{
  g_autoptr(GPtrArray) sessions = NULL;
  icalcomponent *calendar;
  char *text;

  g_return_val_if_fail (BMB_IS_MENTORING_STORE (store), NULL);

  if (!(sessions = bmb_mentoring_store_list_sessions (store, relationship_id, error)) ||
      !(calendar = build_calendar (store, sessions, error)))
    return NULL;

  text = icalcomponent_as_ical_string_r (calendar);
  icalcomponent_free (calendar);

  return text;
}

icalcomponent *
bmb_ics_export_series (BmbMentoringStore  *store,
                       gint64              session_id,
                       GError            **error)
{
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func (g_object_unref);
  BmbSession *session;

  g_return_val_if_fail (BMB_IS_MENTORING_STORE (store), NULL);

  if (!(session = bmb_mentoring_store_get_session (store, session_id, error)))
    return NULL;
  g_ptr_array_add (sessions, session);

  return build_calendar (store, sessions, error);
}

/* Writes @text to @file; the error names the file. */
static gboolean
write_text (GFile         *file,
            const char    *text,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!bmb_file_output_replace_contents (file, text, strlen (text), cancellable, &local_error))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, BMB_ICS_ERROR, BMB_ICS_ERROR_WRITE,
                     /* Translators: %s is a file name, then the system's reason */
                     _("“%s” could not be written: %s"), name, local_error->message);
      return FALSE;
    }

  return TRUE;
}

gboolean
bmb_ics_export_file (BmbMentoringStore  *store,
                     gint64              relationship_id,
                     GFile              *file,
                     GCancellable       *cancellable,
                     GError            **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (BMB_IS_MENTORING_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!(text = bmb_ics_export_to_string (store, relationship_id, error)))
    return FALSE;

  return write_text (file, text, cancellable, error);
}

typedef struct
{
  GFile *file;
  char  *text;
} WriteJob;

static void
write_job_free (gpointer data)
{
  WriteJob *job = data;

  g_clear_object (&job->file);
  g_free (job->text);
  g_free (job);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteJob *job = task_data;
  GError *error = NULL;

  if (write_text (job->file, job->text, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
bmb_ics_export_file_async (BmbMentoringStore   *store,
                           gint64               relationship_id,
                           GFile               *file,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  WriteJob *job;
  char *text;

  g_return_if_fail (BMB_IS_MENTORING_STORE (store));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, bmb_ics_export_file_async);

  if (!(text = bmb_ics_export_to_string (store, relationship_id, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  job = g_new0 (WriteJob, 1);
  job->file = g_object_ref (file);
  job->text = text;
  g_task_set_task_data (task, job, write_job_free);
  g_task_run_in_thread (task, write_thread);
}

gboolean
bmb_ics_export_file_finish (BmbMentoringStore  *store,
                            GAsyncResult       *result,
                            GError            **error)
{
  g_return_val_if_fail (BMB_IS_MENTORING_STORE (store), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
