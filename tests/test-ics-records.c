/* test-ics-records.c — meeting records through iCalendar: --export-ics writes each meeting's
 * own agenda, notes, outcome and action items (RECURRENCE-ID overrides, a readable DESCRIPTION,
 * X-BIMBING-* parts) and the mentor / mentee; importing the file restores the same records;
 * python3-icalendar reads it; the per-series entry points a sync engine uses
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "bmb-ics-export.h"
#include "bmb-mentoring-meetings.h"
#include "bmb-test-utils.h"

typedef struct
{
  BmbDatabase       *db;
  BmbMentoringStore *store;
  gint64             weekly;
  gint64             once;
} Fixture;

static void
fill (Fixture *f)
{
  g_autoptr(BmbRelationship) relationship = bmb_relationship_new ();
  g_autoptr(BmbSession) weekly = bmb_session_new ();
  g_autoptr(BmbSession) once = bmb_session_new ();
  g_autoptr(BmbMeeting) dec07 = NULL;
  g_autoptr(BmbMeeting) dec14 = NULL;
  g_autoptr(BmbMeeting) coffee = NULL;
  g_autoptr(BmbAgendaItem) tick = NULL;
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Jakarta");
  g_autoptr(GDateTime) wednesday = g_date_time_new (zone, 2026, 12, 16, 14, 0, 0);
  g_autoptr(GError) error = NULL;
  BmbActionItem *item;

  g_assert_true (bmb_database_exec (f->db,
                                    "INSERT INTO contacts (id, uid, display_name, created_at, updated_at) "
                                    "VALUES (1, 'budi', 'Budi Santoso', 0, 0);"
                                    "INSERT INTO contact_fields (contact_id, kind, value, preferred) "
                                    "VALUES (1, 'email', 'budi@example.org', 1)", NULL));
  bmb_relationship_set_mentee_id (relationship, 1);
  g_assert_true (bmb_mentoring_store_save_relationship (f->store, relationship, &error));
  g_assert_no_error (error);

  bmb_session_set_title (weekly, "Mentoring Budi");
  bmb_session_set_start_local (weekly, "2026-12-07T10:00:00");
  bmb_session_set_tzid (weekly, "Asia/Jakarta");
  bmb_session_set_rrule (weekly, "FREQ=WEEKLY");
  bmb_session_set_relationship_id (weekly, bmb_relationship_get_id (relationship));
  bmb_session_append_agenda_item (weekly, "Mock interview");
  bmb_session_append_agenda_item (weekly, "Goals, this quarter");
  g_assert_true (bmb_mentoring_store_save_session (f->store, weekly, &error));
  f->weekly = bmb_session_get_id (weekly);

  dec07 = bmb_mentoring_store_get_meeting (f->store, f->weekly, "2026-12-07T10:00:00", &error);
  tick = g_list_model_get_item (bmb_meeting_get_agenda (dec07), 0);
  bmb_agenda_item_set_done (tick, TRUE);
  bmb_meeting_set_notes (dec07, "Reviewed his CV; strong on Python,\nweak on SQL.");
  bmb_meeting_set_outcome (dec07, "Apply to two firms");
  bmb_meeting_set_status (dec07, BMB_SESSION_STATUS_DONE);
  item = bmb_meeting_append_action_item (dec07, BMB_ACTION_OWNER_MENTEE, "Send the CV");
  bmb_action_item_set_due_on (item, "2026-12-12");
  item = bmb_meeting_append_action_item (dec07, BMB_ACTION_OWNER_MENTOR, "Introduce him to Rina");
  bmb_action_item_set_done (item, TRUE);
  g_assert_true (bmb_mentoring_store_save_meeting (f->store, dec07, &error));
  g_assert_no_error (error);

  /* Moved to Wednesday, with a record of its own. */
  dec14 = bmb_mentoring_store_get_meeting (f->store, f->weekly, "2026-12-14T10:00:00", &error);
  bmb_meeting_append_agenda_item (dec14, "Salary talk");
  bmb_meeting_set_notes (dec14, "Short one");
  g_assert_true (bmb_mentoring_store_save_meeting (f->store, dec14, &error));
  g_assert_true (bmb_mentoring_store_move_meeting (f->store, f->weekly, "2026-12-14T10:00:00",
                                                   wednesday, 0, &error));
  g_assert_true (bmb_mentoring_store_cancel_meeting (f->store, f->weekly, "2026-12-28T10:00:00",
                                                    &error));
  g_assert_no_error (error);

  bmb_session_set_title (once, "Coffee");
  bmb_session_set_start_local (once, "2026-12-09T09:00:00");
  bmb_session_set_tzid (once, "Asia/Jakarta");
  g_assert_true (bmb_mentoring_store_save_session (f->store, once, &error));
  f->once = bmb_session_get_id (once);
  coffee = bmb_mentoring_store_get_meeting (f->store, f->once, "2026-12-09T09:00:00", &error);
  bmb_meeting_append_agenda_item (coffee, "First job");
  bmb_meeting_set_notes (coffee, "He starts in January");
  bmb_meeting_append_action_item (coffee, BMB_ACTION_OWNER_MENTEE, "Read the handbook");
  g_assert_true (bmb_mentoring_store_save_meeting (f->store, coffee, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->db = bmb_test_open_tmp_database (NULL);
  f->store = bmb_mentoring_store_new (f->db);
  fill (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  g_clear_object (&f->db);
}

/* The whole record as one line, to compare two stores. */
static char *
describe (BmbMentoringStore *store,
          const char        *uid,
          const char        *recurrence_id)
{
  g_autoptr(BmbSession) session = bmb_mentoring_store_find_session_by_uid (store, uid, NULL);
  g_autoptr(BmbMeeting) meeting = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *start = NULL;
  GListModel *agenda;
  GListModel *actions;

  g_assert_nonnull (session);
  meeting = bmb_mentoring_store_get_meeting (store, bmb_session_get_id (session), recurrence_id,
                                             &error);
  g_assert_no_error (error);

  start = g_date_time_format (bmb_meeting_get_start (meeting), "%Y-%m-%dT%H:%M");
  g_string_append_printf (out, "%s %s record=%d status=%s notes=[%s] outcome=[%s] agenda=",
                          start, bmb_meeting_get_title (meeting),
                          bmb_meeting_get_has_record (meeting),
                          bmb_session_status_to_string (bmb_meeting_get_status (meeting)),
                          bmb_meeting_get_notes (meeting), bmb_meeting_get_outcome (meeting));
  agenda = bmb_meeting_get_agenda (meeting);
  for (guint i = 0; i < g_list_model_get_n_items (agenda); i++)
    {
      g_autoptr(BmbAgendaItem) item = g_list_model_get_item (agenda, i);

      g_string_append_printf (out, "%s%s", bmb_agenda_item_get_text (item),
                              bmb_agenda_item_get_done (item) ? "+;" : ";");
    }
  g_string_append (out, " actions=");
  actions = bmb_meeting_get_action_items (meeting);
  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(BmbActionItem) item = g_list_model_get_item (actions, i);

      g_string_append_printf (out, "%s:%s%s@%s;",
                              bmb_action_owner_to_string (bmb_action_item_get_owner (item)),
                              bmb_action_item_get_text (item),
                              bmb_action_item_get_done (item) ? "+" : "",
                              bmb_action_item_get_due_on (item));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static const char * const checked[][2] = {
  { "weekly", "2026-12-07T10:00:00" },
  { "weekly", "2026-12-14T10:00:00" },
  { "weekly", "2026-12-21T10:00:00" },
  { "weekly", "2026-12-28T10:00:00" },
  { "once", "2026-12-09T09:00:00" },
};

static void
assert_same_record (Fixture           *f,
                    BmbMentoringStore *other,
                    guint              i)
{
  g_autoptr(BmbSession) session =
    bmb_mentoring_store_get_session (f->store, g_str_equal (checked[i][0], "weekly")
                                               ? f->weekly : f->once, NULL);
  g_autofree char *a = describe (f->store, bmb_session_get_uid (session), checked[i][1]);
  g_autofree char *b = describe (other, bmb_session_get_uid (session), checked[i][1]);

  g_assert_cmpstr (b, ==, a);
}

static void
assert_same_records (Fixture           *f,
                     BmbMentoringStore *other,
                     gboolean           weekly_only)
{
  for (guint i = 0; i < G_N_ELEMENTS (checked); i++)
    {
      if (!weekly_only || g_str_equal (checked[i][0], "weekly"))
        assert_same_record (f, other, i);
    }
}

/* The text with folded lines joined again (RFC 5545 3.1). */
static char *
unfold (const char *text)
{
  g_autoptr(GString) out = g_string_new (text);

  g_string_replace (out, "\r\n ", "", 0);
  g_string_replace (out, "\r\n\t", "", 0);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(BmbDatabase) other_db = bmb_test_open_tmp_database (NULL);
  g_autoptr(BmbMentoringStore) other = bmb_mentoring_store_new (other_db);
  g_autoptr(BmbIcsImportResult) result = NULL;
  g_autoptr(BmbIcsImportResult) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *unfolded = NULL;

  text = bmb_ics_export_to_string (f->store, 0, &error);
  g_assert_no_error (error);
  unfolded = unfold (text);
  if (g_getenv ("BMB_DUMP_ICS"))
    g_printerr ("%s", unfolded);

  /* Readable on a phone, and the structured parts. */
  g_assert_nonnull (strstr (unfolded, "RECURRENCE-ID;TZID=Asia/Jakarta:20261207T100000"));
  g_assert_nonnull (strstr (unfolded, "DESCRIPTION:Agenda\\n☑ Mock interview\\n☐ Goals\\, this quarter\\n\\n"
                                  "Notes\\nReviewed his CV\\; strong on Python\\,\\nweak on SQL."));
  g_assert_nonnull (strstr (unfolded, "X-BIMBING-AGENDA;X-BIMBING-DONE=TRUE:Mock interview"));
  g_assert_nonnull (strstr (unfolded, "X-BIMBING-ACTION;X-BIMBING-OWNER=mentee;X-BIMBING-DUE=2026-12-12:Send the CV"));
  g_assert_nonnull (strstr (unfolded, "X-BIMBING-MENTEE:Budi Santoso"));
  g_assert_nonnull (strstr (unfolded, "mailto:budi@example.org"));
  g_assert_nonnull (strstr (unfolded, "X-BIMBING-OUTCOME:Apply to two firms"));

  result = bmb_ics_import_data (other, text, -1, "records.ics", 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bmb_ics_import_result_get_skipped (result), ==, 0);
  g_assert_cmpuint (bmb_ics_import_result_get_imported (result), ==, 2);
  assert_same_records (f, other, FALSE);

  {
    g_autoptr(BmbSession) weekly = bmb_mentoring_store_get_session (f->store, f->weekly, NULL);
    g_autofree char *line = describe (other, bmb_session_get_uid (weekly), "2026-12-07T10:00:00");

    g_assert_cmpstr (line, ==,
                     "2026-12-07T10:00 Mentoring Budi record=1 status=done "
                     "notes=[Reviewed his CV; strong on Python,\nweak on SQL.] "
                     "outcome=[Apply to two firms] agenda=Mock interview+;Goals, this quarter; "
                     "actions=mentee:Send the CV@2026-12-12;mentor:Introduce him to Rina+@(null);");
  }

  /* Importing the same file again updates: nothing doubles. */
  again = bmb_ics_import_data (other, text, -1, "records.ics", 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bmb_ics_import_result_get_updated (again), ==, 2);
  assert_same_records (f, other, FALSE);
  {
    sqlite3_stmt *stmt = bmb_database_prepare (other_db, "SELECT count(*) FROM action_items", NULL);

    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 3);
    sqlite3_reset (stmt);
  }
}

static void
test_series_entry_points (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(BmbDatabase) other_db = bmb_test_open_tmp_database (NULL);
  g_autoptr(BmbMentoringStore) other = bmb_mentoring_store_new (other_db);
  g_autoptr(GError) error = NULL;
  icalcomponent *calendar;
  icalcomponent *both;
  gint64 id, again;
  guint n_events = 0;

  calendar = bmb_ics_export_series (f->store, f->weekly, &error);
  g_assert_no_error (error);
  g_assert_nonnull (calendar);
  for (icalcomponent *e = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       e != NULL; e = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    n_events++;
  /* The master, 7 Dec (record), 14 Dec (moved, record), 28 Dec (cancelled). */
  g_assert_cmpuint (n_events, ==, 4);

  id = bmb_ics_import_series (other, calendar, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  assert_same_records (f, other, TRUE);

  /* Upsert by UID: the same session again. */
  again = bmb_ics_import_series (other, calendar, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (again, ==, id);
  icalcomponent_free (calendar);

  /* Two series in one calendar are refused, and nothing is written. */
  calendar = bmb_ics_export_series (f->store, f->weekly, &error);
  both = bmb_ics_export_series (f->store, f->once, &error);
  icalcomponent_add_component (calendar,
                               icalcomponent_new_clone (icalcomponent_get_first_component (both,
                                                                                           ICAL_VEVENT_COMPONENT)));
  {
    g_autoptr(BmbDatabase) third_db = bmb_test_open_tmp_database (NULL);
    g_autoptr(BmbMentoringStore) third = bmb_mentoring_store_new (third_db);
    g_autoptr(GPtrArray) none = NULL;

    g_assert_cmpint (bmb_ics_import_series (third, calendar, 0, &error), ==, 0);
    g_assert_error (error, BMB_ICS_ERROR, BMB_ICS_ERROR_NOT_ICALENDAR);
    none = bmb_mentoring_store_list_sessions (third, 0, NULL);
    g_assert_cmpuint (none->len, ==, 0);
  }
  icalcomponent_free (calendar);
  icalcomponent_free (both);
}

/* What python3-icalendar reads of the records, one line per VEVENT, sorted. */
static const char python_reader[] =
  "import sys, icalendar\n"
  "cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())\n"
  "out = []\n"
  "for ev in cal.walk('VEVENT'):\n"
  "    rid = ev.get('RECURRENCE-ID')\n"
  "    def many(name):\n"
  "        v = ev.get(name)\n"
  "        if v is None: return []\n"
  "        return v if isinstance(v, list) else [v]\n"
  "    agenda = [str(a) + ('+' if a.params.get('X-BIMBING-DONE') == 'TRUE' else '') for a in many('X-BIMBING-AGENDA')]\n"
  "    actions = [a.params.get('X-BIMBING-OWNER', '?') + ':' + str(a) for a in many('X-BIMBING-ACTION')]\n"
  "    attendees = [a.params.get('CN', '') + '<' + str(a) + '>' for a in many('ATTENDEE')]\n"
  "    out.append('|'.join([str(ev['SUMMARY']), rid.dt.isoformat() if rid else '-',\n"
  "        str(ev.get('X-BIMBING-NOTES', '-')).replace('\\n', '/'), ','.join(agenda) or '-',\n"
  "        ','.join(actions) or '-', ','.join(attendees) or '-',\n"
  "        str(ev.get('DESCRIPTION', '-')).split('\\n')[0]]))\n"
  "print('\\n'.join(sorted(out)))\n";

static void
test_python_icalendar (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *dir = bmb_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "records.ics", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *check[] = { "/usr/bin/python3", "-c", "import icalendar", NULL };
  const char *argv[] = { "/usr/bin/python3", "-c", python_reader, path, NULL };
  int status = -1;

  if (!g_file_test (check[0], G_FILE_TEST_IS_EXECUTABLE) ||
      !g_spawn_sync (NULL, (char **)check, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, NULL) ||
      !g_spawn_check_wait_status (status, NULL))
    {
      g_test_skip ("/usr/bin/python3 with icalendar is not available");
      return;
    }

  g_assert_true (bmb_ics_export_file (f->store, 0, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("python icalendar failed: %s", err);

  g_assert_cmpstr (out, ==,
                   "Coffee|-|He starts in January|First job|mentee:Read the handbook|-|Agenda\n"
                   "Mentoring Budi|-|-|Mock interview,Goals, this quarter|-|"
                   "Budi Santoso<mailto:budi@example.org>|-\n"
                   "Mentoring Budi|2026-12-07T10:00:00+07:00|Reviewed his CV; strong on Python,/weak on SQL.|"
                   "Mock interview+,Goals, this quarter|mentee:Send the CV,mentor:Introduce him to Rina|"
                   "Budi Santoso<mailto:budi@example.org>|Agenda\n"
                   "Mentoring Budi|2026-12-14T10:00:00+07:00|Short one|"
                   "Mock interview,Goals, this quarter,Salary talk|-|"
                   "Budi Santoso<mailto:budi@example.org>|Agenda\n"
                   "Mentoring Budi|2026-12-28T10:00:00+07:00|-|-|-|"
                   "Budi Santoso<mailto:budi@example.org>|-\n");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Jakarta", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/ics/records/round-trip", test_round_trip);
  ADD ("/ics/records/series", test_series_entry_points);
  ADD ("/ics/records/python-icalendar", test_python_icalendar);

#undef ADD

  return g_test_run ();
}
