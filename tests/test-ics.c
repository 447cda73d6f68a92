/* test-ics.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <unistd.h>

#include "bmb-ics-export.h"
#include "bmb-ics-import.h"
#include "bmb-limits.h"
#include "bmb-test-utils.h"
#include "bmb-windows-zones.h"

typedef struct
{
  BmbDatabase       *db;
  BmbMentoringStore *store;
  guint              n_changed;
} Fixture;

static void
on_changed_cb (BmbDatabase *db,
               guint        flags,
               Fixture     *fixture)
{
  fixture->n_changed++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->db = bmb_test_open_tmp_database (NULL);
  fixture->store = bmb_mentoring_store_new (fixture->db);
  g_signal_connect (fixture->db, "changed", G_CALLBACK (on_changed_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->db);
}

static gint64
count_rows (BmbDatabase *db,
            const char  *sql)
{
  sqlite3_stmt *stmt = bmb_database_prepare (db, sql, NULL);
  gint64 n;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return n;
}

static BmbIcsImportResult *
import_data_file (Fixture    *fixture,
                  const char *name)
{
  g_autofree char *path = bmb_test_data_path (name);
  g_autoptr(GError) error = NULL;
  BmbIcsImportResult *result;

  result = bmb_ics_import_path (fixture->store, path, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);

  return result;
}

/* Every occurrence in the window as "start-with-offset title [status]". */
static char *
occurrences_text (BmbMentoringStore *store,
                  const char        *from_iso,
                  const char        *to_iso)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) from = g_date_time_new_from_iso8601 (from_iso, utc);
  g_autoptr(GDateTime) to = g_date_time_new_from_iso8601 (to_iso, utc);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GString) str = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  list = bmb_mentoring_store_list_occurrences (store, 0, from, to, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < list->len; i++)
    {
      BmbOccurrence *occurrence = g_ptr_array_index (list, i);
      g_autofree char *start = g_date_time_format (bmb_occurrence_get_start (occurrence),
                                                   "%Y-%m-%dT%H:%M%:z");

      g_string_append_printf (str, "%s %s %dmin [%s]\n", start, bmb_occurrence_get_title (occurrence),
                              bmb_occurrence_get_duration_min (occurrence),
                              bmb_session_status_to_string (bmb_occurrence_get_status (occurrence)));
    }

  return g_string_free (g_steal_pointer (&str), FALSE);
}

/* ---- Import ------------------------------------------------------------------- */

static void
test_import_google (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(BmbIcsImportResult) result = import_data_file (fixture, "ics/google-calendar.ics");
  g_autoptr(BmbSession) weekly = NULL;
  g_autoptr(BmbSession) coffee = NULL;
  g_autoptr(BmbSession) all_day = NULL;
  g_autoptr(BmbSession) dana = NULL;
  g_autofree char *november = NULL;
  g_autoptr(GError) error = NULL;
  GArray *reminders;

  g_assert_cmpuint (bmb_ics_import_result_get_imported (result), ==, 4);
  g_assert_cmpuint (bmb_ics_import_result_get_updated (result), ==, 0);
  g_assert_cmpuint (bmb_ics_import_result_get_skipped (result), ==, 0);
  g_assert_cmpuint (fixture->n_changed, ==, 1);

  weekly = bmb_mentoring_store_find_session_by_uid (fixture->store,
                                                    "4u2r8kq7n1v0c3m5b6x9z0a1s2@google.com", &error);
  g_assert_nonnull (weekly);
  g_assert_cmpstr (bmb_session_get_title (weekly), ==, "Weekly with Siti");
  g_assert_cmpstr (bmb_session_get_tzid (weekly), ==, "Asia/Jakarta");
  g_assert_cmpstr (bmb_session_get_start_local (weekly), ==, "2026-11-03T10:00:00");
  g_assert_cmpint (bmb_session_get_duration_min (weekly), ==, 60);
  g_assert_cmpstr (bmb_session_get_rrule (weekly), ==, "FREQ=WEEKLY;BYDAY=TU");
  g_assert_cmpstr (bmb_session_get_exdates (weekly)[0], ==, "2026-11-17T10:00:00");
  g_assert_cmpstr (bmb_session_get_location (weekly), ==, "https://meet.google.com/abc-defg-hij");
  /* Folded, escaped DESCRIPTION comes back as plain text. */
  g_assert_cmpstr (bmb_session_get_notes (weekly), ==,
                   "Sesi rutin mentoring dengan Siti.\nAgenda: kabar minggu ini, rencana karier, "
                   "dan tindak lanjut tugas dari pertemuan sebelumnya.");
  /* The DISPLAY alarm; the EMAIL one is not a desktop reminder. */
  reminders = bmb_session_get_reminders (weekly);
  g_assert_cmpuint (reminders->len, ==, 1);
  g_assert_cmpint (g_array_index (reminders, int, 0), ==, 15);

  coffee = bmb_mentoring_store_find_session_by_uid (fixture->store,
                                                    "7hq3l0c2p9d8e6f5g4h3i2j1k0@google.com", &error);
  /* A single UTC event lands in local time (TZ is Asia/Jakarta). */
  g_assert_cmpstr (bmb_session_get_tzid (coffee), ==, "Asia/Jakarta");
  g_assert_cmpstr (bmb_session_get_start_local (coffee), ==, "2026-11-20T09:00:00");
  g_assert_cmpstr (bmb_session_get_location (coffee), ==, "Kedai Kopi Tuku, Cipete");
  g_assert_null (bmb_session_get_notes (coffee));
  g_assert_cmpuint (bmb_session_get_reminders (coffee)->len, ==, 0);

  all_day = bmb_mentoring_store_find_session_by_uid (fixture->store,
                                                     "2b4d6f8h0j2l4n6p8r0t2v4x6z@google.com", &error);
  g_assert_cmpstr (bmb_session_get_start_local (all_day), ==, "2026-11-30T00:00:00");
  g_assert_cmpint (bmb_session_get_duration_min (all_day), ==, 1440);

  dana = bmb_mentoring_store_find_session_by_uid (fixture->store, "9z8y7x6w5v4u3t2s1r0q@google.com", &error);
  g_assert_cmpstr (bmb_session_get_tzid (dana), ==, "America/New_York");
  g_assert_cmpint (bmb_session_get_duration_min (dana), ==, 30);
  g_assert_cmpint (g_array_index (bmb_session_get_reminders (dana), int, 0), ==, 30);

  /* Overrides: 24 Nov moved to Wednesday 14:00, 1 Dec cancelled, 17 Nov gone. */
  november = occurrences_text (fixture->store, "2026-11-01T00:00:00Z", "2026-12-05T00:00:00Z");
  g_assert_nonnull (strstr (november, "2026-11-03T10:00+07:00 Weekly with Siti 60min [planned]\n"));
  g_assert_nonnull (strstr (november, "2026-11-10T10:00+07:00 Weekly with Siti 60min [planned]\n"));
  g_assert_nonnull (strstr (november, "2026-11-25T14:00+07:00 Weekly with Siti (moved to Wednesday) 60min [planned]\n"));
  g_assert_nonnull (strstr (november, "2026-12-01T10:00+07:00 Weekly with Siti 60min [cancelled]\n"));
  g_assert_null (strstr (november, "2026-11-17T10:00"));
  g_assert_null (strstr (november, "2026-11-24T10:00"));
  g_assert_nonnull (strstr (november, "2026-11-20T09:00+07:00 Kopi dengan Budi 60min [planned]\n"));
  g_assert_nonnull (strstr (november, "2026-11-30T00:00+07:00 Hari refleksi: penilaian diri 1440min [planned]\n"));
  g_assert_nonnull (strstr (november, "2026-11-10T09:00-05:00 Call with Dana 30min [planned]\n"));
}

static void
test_import_twice_updates (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(BmbIcsImportResult) first G_GNUC_UNUSED = import_data_file (fixture, "ics/google-calendar.ics");
  g_autoptr(BmbIcsImportResult) second = NULL;
  g_autoptr(BmbSession) weekly = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  before = occurrences_text (fixture->store, "2026-11-01T00:00:00Z", "2027-07-01T00:00:00Z");

  /* A local edit that the second import should overwrite, and a local
   * relationship and agenda it should keep. */
  weekly = bmb_mentoring_store_find_session_by_uid (fixture->store,
                                                    "4u2r8kq7n1v0c3m5b6x9z0a1s2@google.com", &error);
  bmb_session_set_title (weekly, "Locally renamed");
  bmb_session_append_agenda_item (weekly, "Kept agenda item");
  g_assert_true (bmb_mentoring_store_save_session (fixture->store, weekly, &error));

  second = import_data_file (fixture, "ics/google-calendar.ics");
  g_assert_cmpuint (bmb_ics_import_result_get_imported (second), ==, 0);
  g_assert_cmpuint (bmb_ics_import_result_get_updated (second), ==, 4);
  g_assert_cmpint (count_rows (fixture->db, "SELECT count(*) FROM sessions"), ==, 4);
  g_assert_cmpint (count_rows (fixture->db, "SELECT count(*) FROM meetings"), ==, 2);

  after = occurrences_text (fixture->store, "2026-11-01T00:00:00Z", "2027-07-01T00:00:00Z");
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (count_rows (fixture->db, "SELECT count(*) FROM agenda_items"), ==, 1);
}

static void
test_import_outlook (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(BmbIcsImportResult) result = import_data_file (fixture, "ics/outlook.ics");
  g_autoptr(BmbSession) weekly = NULL;
  g_autoptr(BmbSession) berlin = NULL;
  g_autoptr(BmbSession) peer = NULL;
  g_autoptr(BmbSession) custom = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *window = NULL;

  g_assert_cmpuint (bmb_ics_import_result_get_imported (result), ==, 4);
  g_assert_cmpuint (bmb_ics_import_result_get_skipped (result), ==, 0);

  weekly = bmb_mentoring_store_find_session_by_uid (fixture->store,
                                                    "040000008200E00074C5B7101A82E00800000000A0B1C2D3E4F5A60100000000000000001000000094C3F2E1D0",
                                                    &error);
  g_assert_cmpstr (bmb_session_get_tzid (weekly), ==, "Asia/Bangkok");
  g_assert_cmpstr (bmb_session_get_start_local (weekly), ==, "2026-11-05T15:00:00");
  g_assert_cmpstr (bmb_session_get_title (weekly), ==, "Sesi mentoring mingguan");
  g_assert_cmpstr (bmb_session_get_rrule (weekly), ==, "FREQ=WEEKLY;COUNT=10;BYDAY=TH;WKST=SU");
  g_assert_cmpint (g_array_index (bmb_session_get_reminders (weekly), int, 0), ==, 15);
  g_assert_nonnull (strstr (bmb_session_get_notes (weekly),
                            "https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc"));

  berlin = bmb_mentoring_store_find_session_by_uid (fixture->store,
                                                    "040000008200E00074C5B7101A82E00800000000B1C2D3E4F5A6B70100000000000000001000000011223344",
                                                    &error);
  g_assert_cmpstr (bmb_session_get_tzid (berlin), ==, "Europe/Berlin");
  g_assert_cmpint (g_array_index (bmb_session_get_reminders (berlin), int, 0), ==, 60);

  peer = bmb_mentoring_store_find_session_by_uid (fixture->store,
                                                  "040000008200E00074C5B7101A82E00800000000C2D3E4F5A6B7C80100000000000000001000000055667788",
                                                  &error);
  g_assert_cmpstr (bmb_session_get_tzid (peer), ==, "America/New_York");
  g_assert_cmpstr (bmb_session_get_exdates (peer)[0], ==, "2026-11-17T09:00:00");
  /* No DTEND and no DURATION on a timed event: an hour. */
  g_assert_cmpint (bmb_session_get_duration_min (peer), ==, 60);

  /* A zone only the file knows (+08:00): converted into local time. */
  custom = bmb_mentoring_store_find_session_by_uid (fixture->store,
                                                    "040000008200E00074C5B7101A82E00800000000D3E4F5A6B7C8D90100000000000000001000000099AABBCC",
                                                    &error);
  g_assert_cmpstr (bmb_session_get_tzid (custom), ==, "Asia/Jakarta");
  g_assert_cmpstr (bmb_session_get_start_local (custom), ==, "2026-11-06T08:00:00");

  window = occurrences_text (fixture->store, "2026-11-01T00:00:00Z", "2026-11-20T00:00:00Z");
  g_assert_cmpstr (window, ==,
                   "2026-11-03T09:00-05:00 Peer mentoring circle 60min [planned]\n"
                   "2026-11-05T15:00+07:00 Sesi mentoring mingguan 60min [planned]\n"
                   "2026-11-06T08:00+07:00 Kickoff with Singapore office 60min [planned]\n"
                   "2026-11-12T15:00+07:00 Sesi mentoring mingguan 60min [planned]\n"
                   "2026-11-12T18:00+01:00 Reverse mentoring with Jonas 60min [planned]\n"
                   "2026-11-19T15:00+07:00 Sesi mentoring mingguan 60min [planned]\n");
}

static void
test_import_malformed (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(BmbIcsImportResult) result = import_data_file (fixture, "ics/malformed.ics");
  const guint lines[] = { 10, 15, 20, 26, 44, 32 };
  const char * const *messages;

  g_assert_cmpuint (bmb_ics_import_result_get_imported (result), ==, 2);
  g_assert_cmpuint (bmb_ics_import_result_get_skipped (result), ==, G_N_ELEMENTS (lines));
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      g_assert_cmpuint (bmb_ics_import_result_get_skipped_line (result, i), ==, lines[i]);
      g_assert_cmpuint (strlen (bmb_ics_import_result_get_skipped_reason (result, i)), >, 10);
    }

  g_assert_cmpstr (bmb_ics_import_result_get_skipped_reason (result, 0), ==,
                   "The event has no start time.");
  g_assert_cmpstr (bmb_ics_import_result_get_skipped_reason (result, 3), ==,
                   "The event ends before it starts.");
  g_assert_cmpstr (bmb_ics_import_result_get_skipped_reason (result, 4), ==,
                   "The event is not closed (END:VEVENT is missing).");
  g_assert_nonnull (strstr (bmb_ics_import_result_get_skipped_reason (result, 2), "FORTNIGHTLY"));

  messages = bmb_ics_import_result_get_messages (result);
  g_assert_cmpuint (g_strv_length ((char **)messages), ==, G_N_ELEMENTS (lines));
  g_assert_cmpstr (messages[0], ==, "Line 10: The event has no start time.");

  g_assert_cmpint (count_rows (fixture->db, "SELECT count(*) FROM sessions"), ==, 2);
  g_assert_cmpint (count_rows (fixture->db,
                               "SELECT duration_min FROM sessions WHERE uid = 'good-2@example.org'"),
                   ==, 45);
}

static void
test_import_garbage (Fixture       *fixture,
                     gconstpointer  data)
{
  const char *names[] = { "ics/binary.ics", "ics/not-a-calendar.ics" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = bmb_test_data_path (names[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(BmbIcsImportResult) result = NULL;

      result = bmb_ics_import_path (fixture->store, path, 0, NULL, &error);
      g_assert_null (result);
      g_assert_error (error, BMB_ICS_ERROR, BMB_ICS_ERROR_NOT_ICALENDAR);
      /* The message names the file. */
      g_assert_nonnull (strstr (error->message, "ics"));
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(BmbIcsImportResult) result = NULL;

    result = bmb_ics_import_path (fixture->store, "/nonexistent/kalender.ics", 0, NULL, &error);
    g_assert_null (result);
    g_assert_error (error, BMB_ICS_ERROR, BMB_ICS_ERROR_READ);
    g_assert_nonnull (strstr (error->message, "kalender.ics"));
  }

  g_assert_cmpint (count_rows (fixture->db, "SELECT count(*) FROM sessions"), ==, 0);
  g_assert_cmpuint (fixture->n_changed, ==, 0);
}

typedef struct
{
  BmbIcsImportResult *result;
  GError             *error;
  guint               last_done;
  guint               last_total;
  guint               progress_calls;
  gboolean            finished;
  gboolean            notified;
} AsyncState;

static void
on_progress_cb (guint    done,
                guint    total,
                gpointer user_data)
{
  AsyncState *state = user_data;

  g_assert_false (state->finished);
  state->last_done = done;
  state->last_total = total;
  state->progress_calls++;
}

static void
on_progress_notify_cb (gpointer user_data)
{
  ((AsyncState *)user_data)->notified = TRUE;
}

static void
on_import_done_cb (GObject      *source,
                   GAsyncResult *res,
                   gpointer      user_data)
{
  AsyncState *state = user_data;

  state->result = bmb_ics_import_file_finish (BMB_MENTORING_STORE (source), res, &state->error);
  state->finished = TRUE;
}

static gboolean
is_finished (gpointer data)
{
  return ((AsyncState *)data)->finished;
}

static void
test_import_async (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = bmb_test_data_path ("ics/google-calendar.ics");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  AsyncState state = { 0 };
  AsyncState cancel_state = { 0 };

  bmb_ics_import_file_async (fixture->store, file, 0, on_progress_cb, &state, on_progress_notify_cb,
                             NULL, on_import_done_cb, &state);
  g_assert_true (bmb_test_wait_for (is_finished, &state, 10000));
  g_assert_no_error (state.error);
  g_assert_cmpuint (bmb_ics_import_result_get_imported (state.result), ==, 4);
  g_assert_cmpuint (state.last_done, ==, 6);
  g_assert_cmpuint (state.last_total, ==, 6);
  g_assert_true (state.notified);
  /* The worker wrote through its own connection; this one heard of it. */
  g_assert_cmpuint (fixture->n_changed, ==, 1);
  g_assert_cmpint (count_rows (fixture->db, "SELECT count(*) FROM sessions"), ==, 4);
  g_clear_object (&state.result);

  g_cancellable_cancel (cancelled);
  bmb_ics_import_file_async (fixture->store, file, 0, NULL, NULL, NULL, cancelled,
                             on_import_done_cb, &cancel_state);
  g_assert_true (bmb_test_wait_for (is_finished, &cancel_state, 10000));
  g_assert_error (cancel_state.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&cancel_state.error);
  g_assert_cmpuint (fixture->n_changed, ==, 1);
}

/* ---- Export ------------------------------------------------------------------- */

static gint64
add_session (BmbMentoringStore *store,
             const char        *title,
             const char        *start_local,
             const char        *tzid,
             int                duration_min,
             const char        *rrule)
{
  g_autoptr(BmbSession) session = bmb_session_new ();
  g_autoptr(GError) error = NULL;

  bmb_session_set_title (session, title);
  bmb_session_set_start_local (session, start_local);
  bmb_session_set_tzid (session, tzid);
  bmb_session_set_duration_min (session, duration_min);
  bmb_session_set_rrule (session, rrule);
  g_assert_true (bmb_mentoring_store_save_session (store, session, &error));
  g_assert_no_error (error);

  return bmb_session_get_id (session);
}

static void
fill_for_export (BmbMentoringStore *store)
{
  g_autoptr(BmbSession) siti = NULL;
  g_autoptr(BmbOccurrence) moved = NULL;
  g_autoptr(GTimeZone) jakarta = g_time_zone_new_identifier ("Asia/Jakarta");
  g_autoptr(GDateTime) wednesday = g_date_time_new (jakarta, 2026, 11, 25, 14, 0, 0);
  g_autoptr(GError) error = NULL;
  const int offsets[] = { 15, 1440 };
  gint64 id, berlin;

  id = add_session (store, "Weekly with Siti", "2026-11-03T10:00:00", "Asia/Jakarta", 60,
                    "FREQ=WEEKLY;BYDAY=TU");
  siti = bmb_mentoring_store_get_session (store, id, &error);
  bmb_session_set_location (siti, "https://meet.example.org/siti");
  bmb_session_set_notes (siti, "Catatan: draf CV, target kuartal.\nBaris kedua; titik koma, koma.");
  bmb_session_set_reminders (siti, offsets, G_N_ELEMENTS (offsets));
  bmb_session_append_agenda_item (siti, "Kabar minggu ini");
  bmb_session_append_agenda_item (siti, "Rencana karier, lima tahun");
  bmb_session_add_exdate (siti, "2026-11-17T10:00:00");
  g_assert_true (bmb_mentoring_store_save_session (store, siti, &error));

  moved = bmb_mentoring_store_get_occurrence (store, id, "2026-11-24T10:00:00", &error);
  bmb_occurrence_set_start (moved, wednesday);
  bmb_occurrence_set_title (moved, "Weekly with Siti (Wednesday)");
  g_assert_true (bmb_mentoring_store_save_occurrence (store, moved, &error));
  g_assert_true (bmb_mentoring_store_set_occurrence_status (store, id, "2026-12-01T10:00:00",
                                                            BMB_SESSION_STATUS_CANCELLED, &error));
  g_assert_no_error (error);

  add_session (store, "Call with Dana", "2026-11-10T09:00:00", "America/New_York", 30,
               "FREQ=MONTHLY;BYDAY=2TU;COUNT=6");
  add_session (store, "UTC stand-up", "2026-11-02T01:00:00", "UTC", 15, "FREQ=DAILY;COUNT=3");
  berlin = add_session (store, "Reverse mentoring", "2026-11-12T18:00:00", "Europe/Berlin", 90, NULL);
  {
    g_autoptr(BmbSession) done = bmb_mentoring_store_get_session (store, berlin, &error);

    bmb_session_set_status (done, BMB_SESSION_STATUS_DONE);
    g_assert_true (bmb_mentoring_store_save_session (store, done, &error));
  }
}

static void
test_export_round_trip (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(BmbDatabase) other_db = bmb_test_open_tmp_database (NULL);
  g_autoptr(BmbMentoringStore) other = bmb_mentoring_store_new (other_db);
  g_autoptr(BmbIcsImportResult) result = NULL;
  g_autoptr(GPtrArray) originals = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  fill_for_export (fixture->store);
  text = bmb_ics_export_to_string (fixture->store, 0, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (text, "BEGIN:VCALENDAR\r\n"));
  g_assert_nonnull (strstr (text, "BEGIN:VTIMEZONE\r\nTZID:America/New_York\r\n"));
  g_assert_nonnull (strstr (text, "DTSTART;TZID=Asia/Jakarta:20261103T100000"));
  g_assert_nonnull (strstr (text, "RECURRENCE-ID;TZID=Asia/Jakarta:20261124T100000"));
  g_assert_nonnull (strstr (text, "DTSTART:20261102T010000Z"));
  g_assert_nonnull (strstr (text, "TRIGGER:-PT15M"));

  result = bmb_ics_import_data (other, text, -1, "export.ics", 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bmb_ics_import_result_get_imported (result), ==, 4);
  g_assert_cmpuint (bmb_ics_import_result_get_skipped (result), ==, 0);

  before = occurrences_text (fixture->store, "2026-11-01T00:00:00Z", "2027-06-01T00:00:00Z");
  after = occurrences_text (other, "2026-11-01T00:00:00Z", "2027-06-01T00:00:00Z");
  g_assert_cmpstr (after, ==, before);
  /* Across the US DST change of 14 March 2027: still 09:00 local. */
  g_assert_nonnull (strstr (before, "2027-03-09T09:00-05:00 Call with Dana"));
  g_assert_nonnull (strstr (before, "2027-04-13T09:00-04:00 Call with Dana"));

  originals = bmb_mentoring_store_list_sessions (fixture->store, 0, &error);
  for (guint i = 0; i < originals->len; i++)
    {
      BmbSession *a = g_ptr_array_index (originals, i);
      g_autoptr(BmbSession) b = bmb_mentoring_store_find_session_by_uid (other, bmb_session_get_uid (a), &error);
      GListModel *agenda_a = bmb_session_get_agenda (a);
      GListModel *agenda_b = bmb_session_get_agenda (b);
      GArray *ra = bmb_session_get_reminders (a);
      GArray *rb = bmb_session_get_reminders (b);

      g_assert_nonnull (b);
      g_assert_cmpstr (bmb_session_get_title (a), ==, bmb_session_get_title (b));
      g_assert_cmpstr (bmb_session_get_start_local (a), ==, bmb_session_get_start_local (b));
      g_assert_cmpstr (bmb_session_get_tzid (a), ==, bmb_session_get_tzid (b));
      g_assert_cmpint (bmb_session_get_duration_min (a), ==, bmb_session_get_duration_min (b));
      g_assert_cmpstr (bmb_session_get_location (a), ==, bmb_session_get_location (b));
      g_assert_cmpstr (bmb_session_get_notes (a), ==, bmb_session_get_notes (b));
      g_assert_cmpint (bmb_session_get_status (a), ==, bmb_session_get_status (b));
      g_assert_true (g_strv_equal (bmb_session_get_exdates (a), bmb_session_get_exdates (b)));
      g_assert_cmpuint (ra->len, ==, rb->len);
      for (guint j = 0; j < ra->len; j++)
        g_assert_cmpint (g_array_index (ra, int, j), ==, g_array_index (rb, int, j));
      g_assert_cmpuint (g_list_model_get_n_items (agenda_a), ==, g_list_model_get_n_items (agenda_b));
      for (guint j = 0; j < g_list_model_get_n_items (agenda_a); j++)
        {
          g_autoptr(BmbAgendaItem) x = g_list_model_get_item (agenda_a, j);
          g_autoptr(BmbAgendaItem) y = g_list_model_get_item (agenda_b, j);

          g_assert_cmpstr (bmb_agenda_item_get_text (x), ==, bmb_agenda_item_get_text (y));
        }
    }
}

/* What /usr/bin/python3's icalendar reads, one line per VEVENT, sorted. */
static const char python_reader[] =
  "import sys, icalendar\n"
  "cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())\n"
  "def times(prop):\n"
  "    if prop is None: return []\n"
  "    props = prop if isinstance(prop, list) else [prop]\n"
  "    return [d.dt.isoformat() for p in props for d in p.dts]\n"
  "out = []\n"
  "for ev in cal.walk('VEVENT'):\n"
  "    rid = ev.get('RECURRENCE-ID')\n"
  "    rrule = ev.get('RRULE')\n"
  "    alarms = sorted(int(a['TRIGGER'].dt.total_seconds()) for a in ev.walk('VALARM'))\n"
  "    out.append('|'.join([str(ev['SUMMARY']),\n"
  "        rid.dt.isoformat() if rid else '-',\n"
  "        ev['DTSTART'].dt.isoformat(), ev['DTEND'].dt.isoformat(),\n"
  "        rrule.to_ical().decode() if rrule else '-',\n"
  "        ','.join(times(ev.get('EXDATE'))) or '-',\n"
  "        ','.join(str(a) for a in alarms) or '-', str(ev.get('STATUS'))]))\n"
  "print('\\n'.join(sorted(out)))\n";

static void
test_export_python (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *dir = bmb_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "bimbing.ics", NULL);
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

  fill_for_export (fixture->store);
  g_assert_true (bmb_ics_export_file (fixture->store, 0, file, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("python icalendar failed: %s", err);

  g_assert_cmpstr (out, ==,
                   "Call with Dana|-|2026-11-10T09:00:00-05:00|2026-11-10T09:30:00-05:00|"
                   "FREQ=MONTHLY;COUNT=6;BYDAY=2TU|-|-900|CONFIRMED\n"
                   "Reverse mentoring|-|2026-11-12T18:00:00+01:00|2026-11-12T19:30:00+01:00|-|-|-900|CONFIRMED\n"
                   "UTC stand-up|-|2026-11-02T01:00:00+00:00|2026-11-02T01:15:00+00:00|"
                   "FREQ=DAILY;COUNT=3|-|-900|CONFIRMED\n"
                   "Weekly with Siti (Wednesday)|2026-11-24T10:00:00+07:00|2026-11-25T14:00:00+07:00|"
                   "2026-11-25T15:00:00+07:00|-|-|-86400,-900|CONFIRMED\n"
                   "Weekly with Siti|-|2026-11-03T10:00:00+07:00|2026-11-03T11:00:00+07:00|"
                   "FREQ=WEEKLY;BYDAY=TU|2026-11-17T10:00:00+07:00|-86400,-900|CONFIRMED\n"
                   "Weekly with Siti|2026-12-01T10:00:00+07:00|2026-12-01T10:00:00+07:00|"
                   "2026-12-01T11:00:00+07:00|-|-|-86400,-900|CANCELLED\n");
}

/* ---- Zones ---------------------------------------------------------------------- */

/* ---- Limits and edges ---------------------------------------------------------- */

static BmbIcsImportResult *
import_string (Fixture    *fixture,
               const char *text,
               gssize      length)
{
  g_autoptr(GError) error = NULL;
  BmbIcsImportResult *result;

  result = bmb_ics_import_data (fixture->store, text, length, "edge.ics", 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);

  return result;
}

static void
test_import_too_large (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *dir = bmb_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "besar.ics", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbIcsImportResult) result = NULL;

  /* Sparse: nothing is written or read past the first line. */
  g_file_set_contents (path, "BEGIN:VCALENDAR\r\n", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (truncate (path, BMB_LIMIT_FILE_BYTES + 1), ==, 0);

  result = bmb_ics_import_path (fixture->store, path, 0, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, BMB_ICS_ERROR, BMB_ICS_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "besar.ics"));
  g_assert_nonnull (strstr (error->message, "too large"));
  g_assert_cmpint (count_rows (fixture->db, "SELECT count(*) FROM sessions"), ==, 0);
}

#define EDGE_EVENT(nl) \
  "BEGIN:VCALENDAR" nl "VERSION:2.0" nl "BEGIN:VEVENT" nl "UID:edge-%s@example.com" nl \
  "DTSTART;TZID=Asia/Jakarta:20250310T090000" nl "DURATION:PT1H" nl \
  "SUMMARY:Ujung %s" nl "END:VEVENT" nl "END:VCALENDAR" nl

static void
test_import_bom_and_line_ends (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *bom = g_strdup_printf ("\xEF\xBB\xBF" EDGE_EVENT ("\r\n"), "bom", "BOM");
  g_autofree char *cr = g_strdup_printf (EDGE_EVENT ("\r"), "cr", "CR");
  g_autofree char *lf = g_strdup_printf (EDGE_EVENT ("\n"), "lf", "LF");
  const char *texts[] = { bom, cr, lf };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(BmbIcsImportResult) result = import_string (fixture, texts[i], -1);

      g_assert_cmpuint (bmb_ics_import_result_get_imported (result), ==, 1);
      g_assert_cmpuint (bmb_ics_import_result_get_skipped (result), ==, 0);
    }

  g_assert_cmpint (count_rows (fixture->db, "SELECT count(*) FROM sessions WHERE "
                                            "title IN ('Ujung BOM', 'Ujung CR', 'Ujung LF') "
                                            "AND start_local = '2025-03-10T09:00:00' "
                                            "AND tzid = 'Asia/Jakarta'"), ==, 3);
}

static void
test_import_unknown_zone (Fixture       *fixture,
                          gconstpointer  data)
{
  const char *text =
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
    "BEGIN:VEVENT\r\nUID:known@example.com\r\nDTSTART;TZID=Europe/Berlin:20250310T090000\r\n"
    "DURATION:PT1H\r\nSUMMARY:Bumi\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:mars@example.com\r\nDTSTART;TZID=Mars/Olympus:20250311T090000\r\n"
    "DURATION:PT1H\r\nSUMMARY:Mars\r\nEND:VEVENT\r\n"
    "END:VCALENDAR\r\n";
  g_autoptr(BmbIcsImportResult) result = import_string (fixture, text, -1);
  const char * const *messages;

  g_assert_cmpuint (bmb_ics_import_result_get_imported (result), ==, 2);
  g_assert_cmpuint (bmb_ics_import_result_get_skipped (result), ==, 0);
  g_assert_cmpuint (bmb_ics_import_result_get_n_notes (result), ==, 1);
  g_assert_cmpuint (bmb_ics_import_result_get_note_line (result, 0), ==, 9);
  g_assert_cmpstr (bmb_ics_import_result_get_note_reason (result, 0), ==,
                   "Unknown time zone “Mars/Olympus”: the times are read as Asia/Jakarta.");
  messages = bmb_ics_import_result_get_messages (result);
  g_assert_cmpuint (g_strv_length ((char **)messages), ==, 1);
  g_assert_true (g_str_has_prefix (messages[0], "Line 9: Unknown time zone “Mars/Olympus”"));
  g_assert_cmpint (count_rows (fixture->db, "SELECT count(*) FROM sessions WHERE "
                                            "title = 'Mars' AND tzid = 'Asia/Jakarta'"), ==, 1);
}

static void
test_import_sub_hourly (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n");
  g_autoptr(BmbIcsImportResult) result = NULL;
  const char * const *messages;
  const char *rules[] = {
    "FREQ=MINUTELY;INTERVAL=30", "FREQ=HOURLY;BYMINUTE=0,30", "FREQ=DAILY;BYSECOND=0,1",
  };

  for (guint i = 0; i < 200; i++)
    g_string_append_printf (text,
                            "BEGIN:VEVENT\r\nUID:detik-%u@example.com\r\n"
                            "DTSTART:20250310T020000Z\r\nDURATION:PT1S\r\n"
                            "RRULE:FREQ=SECONDLY\r\nSUMMARY:Detik %u\r\nEND:VEVENT\r\n", i, i);
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    g_string_append_printf (text,
                            "BEGIN:VEVENT\r\nUID:sering-%u@example.com\r\n"
                            "DTSTART:20250310T020000Z\r\nDURATION:PT10M\r\n"
                            "RRULE:%s\r\nSUMMARY:Sering %u\r\nEND:VEVENT\r\n", i, rules[i], i);
  /* Hourly, however it is spelt, is fine. */
  g_string_append (text,
                   "BEGIN:VEVENT\r\nUID:jam@example.com\r\nDTSTART:20250310T020000Z\r\n"
                   "DURATION:PT10M\r\nRRULE:FREQ=MINUTELY;INTERVAL=60;COUNT=3\r\n"
                   "SUMMARY:Tiap Jam\r\nEND:VEVENT\r\n"
                   "BEGIN:VEVENT\r\nUID:harian@example.com\r\nDTSTART:20250310T020000Z\r\n"
                   "DURATION:PT10M\r\nRRULE:FREQ=DAILY;BYHOUR=9,10\r\n"
                   "SUMMARY:Harian\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");

  result = import_string (fixture, text->str, text->len);

  g_assert_cmpuint (bmb_ics_import_result_get_imported (result), ==, 2);
  g_assert_cmpuint (bmb_ics_import_result_get_skipped (result), ==, 203);
  messages = bmb_ics_import_result_get_messages (result);
  g_assert_cmpuint (g_strv_length ((char **)messages), ==, 203);
  g_assert_cmpstr (messages[0], ==,
                   "Line 3: “Detik 0” repeats more often than once an hour; it was not imported.");
  g_assert_cmpuint (bmb_ics_import_result_get_skipped_line (result, 199), ==, 3 + 199 * 7);
  g_assert_cmpint (count_rows (fixture->db, "SELECT count(*) FROM sessions"), ==, 2);
  g_assert_cmpint (count_rows (fixture->db, "SELECT count(*) FROM sessions WHERE "
                                            "title LIKE 'Detik%' OR title LIKE 'Sering%'"), ==, 0);
}

static void
test_windows_zones (void)
{
  const char *pairs[][2] = {
    { "W. Europe Standard Time", "Europe/Berlin" },
    { "w. europe standard time", "Europe/Berlin" },
    { "SE Asia Standard Time", "Asia/Bangkok" },
    { "Eastern Standard Time", "America/New_York" },
    { "\"Eastern Standard Time\"", "America/New_York" },
    { "Singapore Standard Time", "Asia/Singapore" },
    { "Tokyo Standard Time", "Asia/Tokyo" },
    { "India Standard Time", "Asia/Kolkata" },
    { "GMT Standard Time", "Europe/London" },
    { "UTC", "UTC" },
    { "Asia/Jakarta", "Asia/Jakarta" },
    { "/freeassociation.sourceforge.net/Tzfile/Europe/Berlin", "Europe/Berlin" },
    { "/mozilla.org/20050126_1/Asia/Jakarta", "Asia/Jakarta" },
    { "(UTC+07:00) Bangkok, Hanoi, Jakarta", "Etc/GMT-7" },
    { "(UTC-05:00) Bogota, Lima, Quito", "Etc/GMT+5" },
  };
  const char *unknown[] = { "Atlantis Standard Time", "EST5EDT", "", "../../etc/passwd", "Mars/Olympus" };

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      g_autofree char *iana = bmb_tzid_to_iana (pairs[i][0]);
      g_autoptr(GTimeZone) zone = NULL;

      g_assert_cmpstr (iana, ==, pairs[i][1]);
      zone = g_time_zone_new_identifier (iana);
      g_assert_nonnull (zone);
    }

  for (guint i = 0; i < G_N_ELEMENTS (unknown); i++)
    {
      g_autofree char *iana = bmb_tzid_to_iana (unknown[i]);
      g_assert_null (iana);
    }

  g_assert_null (bmb_windows_zone_to_iana ("Pacific/Auckland"));
  g_assert_cmpstr (bmb_windows_zone_to_iana ("New Zealand Standard Time"), ==, "Pacific/Auckland");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Jakarta", TRUE);
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/ics/import/google", test_import_google);
  ADD ("/ics/import/twice-updates", test_import_twice_updates);
  ADD ("/ics/import/outlook", test_import_outlook);
  ADD ("/ics/import/malformed", test_import_malformed);
  ADD ("/ics/import/garbage", test_import_garbage);
  ADD ("/ics/import/async", test_import_async);
  ADD ("/ics/import/too-large", test_import_too_large);
  ADD ("/ics/import/bom-and-line-ends", test_import_bom_and_line_ends);
  ADD ("/ics/import/unknown-zone", test_import_unknown_zone);
  ADD ("/ics/import/sub-hourly", test_import_sub_hourly);
  ADD ("/ics/export/round-trip", test_export_round_trip);
  ADD ("/ics/export/python-icalendar", test_export_python);
  g_test_add_func ("/ics/zones/windows", test_windows_zones);

#undef ADD

  return g_test_run ();
}
