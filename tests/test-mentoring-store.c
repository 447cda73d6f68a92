/* test-mentoring-store.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include <string.h>

#include "bmb-limits.h"
#include "bmb-mentoring-private.h"
#include "bmb-mentoring-store.h"
#include "bmb-recurrence.h"
#include "bmb-session-reminders.h"
#include "bmb-test-utils.h"

typedef struct
{
  BmbDatabase       *db;
  BmbMentoringStore *store;
  gint64             siti;    /* contact ids */
  gint64             budi;
  guint              changes; /* OR of ::changed flags */
  guint              n_changed;
} Fixture;

static gint64
insert_contact (BmbDatabase *db,
                const char  *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uid = g_uuid_string_random ();
  sqlite3_stmt *stmt;

  stmt = bmb_database_prepare (db,
                               "INSERT INTO contacts (uid, display_name, created_at, updated_at) "
                               "VALUES (?1, ?2, 0, 0)", &error);
  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  g_assert_true (bmb_database_step_done (db, stmt, &error));
  g_assert_no_error (error);

  return bmb_database_last_insert_id (db);
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

static void
on_changed_cb (BmbDatabase *db,
               guint        flags,
               Fixture     *fixture)
{
  fixture->changes |= flags;
  fixture->n_changed++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->db = bmb_test_open_tmp_database (NULL);
  fixture->store = bmb_mentoring_store_new (fixture->db);
  fixture->siti = insert_contact (fixture->db, "Siti Rahmawati");
  fixture->budi = insert_contact (fixture->db, "Budi Santoso");
  g_signal_connect (fixture->db, "changed", G_CALLBACK (on_changed_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->db);
}

static GDateTime *
jakarta (int y,
         int mo,
         int d,
         int h,
         int mi)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Jakarta");

  return g_date_time_new (zone, y, mo, d, h, mi, 0);
}

static BmbRelationship *
add_relationship (Fixture *fixture,
                  gint64   mentor,
                  gint64   mentee)
{
  g_autoptr(GError) error = NULL;
  BmbRelationship *relationship = bmb_relationship_new ();

  bmb_relationship_set_mentor_id (relationship, mentor);
  bmb_relationship_set_mentee_id (relationship, mentee);
  bmb_relationship_set_started_on (relationship, "2026-01-05");
  g_assert_true (bmb_mentoring_store_save_relationship (fixture->store, relationship, &error));
  g_assert_no_error (error);

  return relationship;
}

static BmbSession *
add_session (Fixture    *fixture,
             gint64      relationship_id,
             const char *title,
             const char *start_local,
             const char *rrule)
{
  g_autoptr(GError) error = NULL;
  BmbSession *session = bmb_session_new ();

  bmb_session_set_relationship_id (session, relationship_id);
  bmb_session_set_title (session, title);
  bmb_session_set_start_local (session, start_local);
  bmb_session_set_tzid (session, "Asia/Jakarta");
  bmb_session_set_rrule (session, rrule);
  g_assert_true (bmb_mentoring_store_save_session (fixture->store, session, &error));
  g_assert_no_error (error);

  return session;
}

static char *
format_occurrences (GPtrArray *occurrences)
{
  g_autoptr(GString) str = g_string_new (NULL);

  for (guint i = 0; i < occurrences->len; i++)
    {
      BmbOccurrence *occurrence = g_ptr_array_index (occurrences, i);
      g_autofree char *start = g_date_time_format (bmb_occurrence_get_start (occurrence),
                                                   "%m-%dT%H:%M");

      g_string_append_printf (str, "%s%s %s%s", i ? ", " : "", start,
                              bmb_occurrence_get_title (occurrence),
                              bmb_occurrence_get_status (occurrence) == BMB_SESSION_STATUS_CANCELLED
                              ? " (cancelled)" : "");
    }

  return g_string_free (g_steal_pointer (&str), FALSE);
}

static char *
list_window (Fixture *fixture,
             gint64   relationship_id,
             int      from_month,
             int      from_day,
             int      to_month,
             int      to_day)
{
  g_autoptr(GDateTime) from = jakarta (2026, from_month, from_day, 0, 0);
  g_autoptr(GDateTime) to = jakarta (2026, to_month, to_day, 0, 0);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  list = bmb_mentoring_store_list_occurrences (fixture->store, relationship_id, from, to, &error);
  g_assert_no_error (error);
  g_assert_nonnull (list);

  return format_occurrences (list);
}

/* ---- Relationships ----------------------------------------------------------- */

static void
test_relationship_crud (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(BmbRelationship) relationship = bmb_relationship_new ();
  g_autoptr(BmbRelationship) loaded = NULL;
  g_autoptr(BmbRelationship) gone = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) for_siti = NULL;
  g_autoptr(GPtrArray) for_budi = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  gint64 id;

  bmb_relationship_set_mentee_id (relationship, fixture->siti);
  bmb_relationship_set_kind (relationship, BMB_RELATIONSHIP_KIND_VIRTUAL);
  bmb_relationship_set_phase (relationship, BMB_RELATIONSHIP_PHASE_NEGOTIATION);
  bmb_relationship_set_goals (relationship, "Menyusun rencana karier lima tahun");
  bmb_relationship_set_cadence (relationship, "Dua minggu sekali");
  bmb_relationship_set_confidentiality (relationship, "Semua yang dibahas tetap di antara kita");
  bmb_relationship_set_planned_duration (relationship, "Enam bulan");
  bmb_relationship_set_started_on (relationship, "2026-01-05");
  bmb_relationship_set_planned_end_on (relationship, "2026-07-05");

  fixture->changes = 0;
  g_assert_true (bmb_mentoring_store_save_relationship (fixture->store, relationship, &error));
  g_assert_no_error (error);
  id = bmb_relationship_get_id (relationship);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpuint (fixture->changes, ==, BMB_CHANGE_RELATIONSHIPS);
  g_assert_cmpstr (bmb_relationship_get_mentee_name (relationship), ==, "Siti Rahmawati");
  g_assert_null (bmb_relationship_get_mentor_name (relationship));
  g_assert_cmpint (bmb_relationship_get_created_at (relationship), >, 0);

  loaded = bmb_mentoring_store_get_relationship (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bmb_relationship_get_mentor_id (loaded), ==, 0);
  g_assert_cmpint (bmb_relationship_get_mentee_id (loaded), ==, fixture->siti);
  g_assert_cmpint (bmb_relationship_get_kind (loaded), ==, BMB_RELATIONSHIP_KIND_VIRTUAL);
  g_assert_cmpint (bmb_relationship_get_phase (loaded), ==, BMB_RELATIONSHIP_PHASE_NEGOTIATION);
  g_assert_cmpstr (bmb_relationship_get_goals (loaded), ==, "Menyusun rencana karier lima tahun");
  g_assert_cmpstr (bmb_relationship_get_cadence (loaded), ==, "Dua minggu sekali");
  g_assert_cmpstr (bmb_relationship_get_confidentiality (loaded), ==,
                   "Semua yang dibahas tetap di antara kita");
  g_assert_cmpstr (bmb_relationship_get_planned_duration (loaded), ==, "Enam bulan");
  g_assert_cmpstr (bmb_relationship_get_planned_end_on (loaded), ==, "2026-07-05");
  g_assert_null (bmb_relationship_get_ended_on (loaded));
  title = bmb_relationship_dup_display_title (loaded);
  g_assert_cmpstr (title, ==, "Mentoring with Siti Rahmawati");

  /* Update: I become the mentee of Budi. */
  bmb_relationship_set_mentor_id (loaded, fixture->budi);
  bmb_relationship_set_mentee_id (loaded, 0);
  bmb_relationship_set_title (loaded, "Belajar negosiasi");
  g_assert_true (bmb_mentoring_store_save_relationship (fixture->store, loaded, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (bmb_relationship_get_mentor_name (loaded), ==, "Budi Santoso");
  g_assert_null (bmb_relationship_get_mentee_name (loaded));

  all = bmb_mentoring_store_list_relationships (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 1);
  for_budi = bmb_mentoring_store_list_relationships_for_contact (fixture->store, fixture->budi, &error);
  g_assert_cmpuint (for_budi->len, ==, 1);
  for_siti = bmb_mentoring_store_list_relationships_for_contact (fixture->store, fixture->siti, &error);
  g_assert_cmpuint (for_siti->len, ==, 0);

  g_assert_true (bmb_mentoring_store_delete_relationship (fixture->store, id, &error));
  g_assert_no_error (error);
  gone = bmb_mentoring_store_get_relationship (fixture->store, id, &error);
  g_assert_null (gone);
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (bmb_mentoring_store_delete_relationship (fixture->store, id, &error));
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_NOT_FOUND);
}

static void
test_relationship_validation (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(BmbRelationship) relationship = bmb_relationship_new ();
  g_autoptr(GError) error = NULL;

  /* Both sides "me". */
  g_assert_false (bmb_mentoring_store_save_relationship (fixture->store, relationship, &error));
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  bmb_relationship_set_mentor_id (relationship, fixture->siti);
  bmb_relationship_set_mentee_id (relationship, fixture->siti);
  g_assert_false (bmb_mentoring_store_save_relationship (fixture->store, relationship, &error));
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  bmb_relationship_set_mentee_id (relationship, 0);
  bmb_relationship_set_started_on (relationship, "5 Januari 2026");
  g_assert_false (bmb_mentoring_store_save_relationship (fixture->store, relationship, &error));
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "5 Januari 2026"));
  g_clear_error (&error);

  bmb_relationship_set_started_on (relationship, "2026-03-01");
  bmb_relationship_set_planned_end_on (relationship, "2026-02-01");
  g_assert_false (bmb_mentoring_store_save_relationship (fixture->store, relationship, &error));
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  /* A contact that does not exist: the foreign key refuses it. */
  bmb_relationship_set_planned_end_on (relationship, NULL);
  bmb_relationship_set_mentor_id (relationship, 9999);
  g_assert_false (bmb_mentoring_store_save_relationship (fixture->store, relationship, &error));
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_CONSTRAINT);

  g_assert_cmpint (count_rows (fixture->db, "SELECT count(*) FROM relationships"), ==, 0);
  g_assert_cmpuint (fixture->n_changed, ==, 0);
}

static void
test_relationship_end (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(BmbRelationship) first = add_relationship (fixture, 0, fixture->siti);
  g_autoptr(BmbRelationship) second = add_relationship (fixture, fixture->budi, 0);
  g_autoptr(BmbRelationship) ended = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (bmb_mentoring_store_end_relationship (fixture->store,
                                                        bmb_relationship_get_id (first),
                                                        "2025-12-31", NULL, NULL, NULL, &error));
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (bmb_mentoring_store_end_relationship (fixture->store,
                                                       bmb_relationship_get_id (first),
                                                       "2026-07-01",
                                                       "Siti memimpin proyek pertamanya",
                                                       "Terima kasih atas kerja kerasnya",
                                                       "Bertemu tiap kuartal", &error));
  g_assert_no_error (error);

  ended = bmb_mentoring_store_get_relationship (fixture->store, bmb_relationship_get_id (first), &error);
  g_assert_true (bmb_relationship_is_ended (ended));
  g_assert_cmpint (bmb_relationship_get_phase (ended), ==, BMB_RELATIONSHIP_PHASE_CLOSURE);
  g_assert_cmpstr (bmb_relationship_get_ended_on (ended), ==, "2026-07-01");
  g_assert_cmpstr (bmb_relationship_get_closing_achieved (ended), ==, "Siti memimpin proyek pertamanya");
  g_assert_cmpstr (bmb_relationship_get_closing_thanks (ended), ==, "Terima kasih atas kerja kerasnya");
  g_assert_cmpstr (bmb_relationship_get_closing_next_steps (ended), ==, "Bertemu tiap kuartal");

  /* Active relationships first. */
  list = bmb_mentoring_store_list_relationships (fixture->store, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (bmb_relationship_get_id (g_ptr_array_index (list, 0)), ==,
                   bmb_relationship_get_id (second));
}

static void
test_enum_labels (void)
{
  BmbRelationshipPhase phase;
  BmbRelationshipKind kind;

  for (guint i = 0; i <= BMB_RELATIONSHIP_PHASE_CLOSURE; i++)
    {
      g_assert_true (bmb_relationship_phase_from_string (bmb_relationship_phase_to_string (i), &phase));
      g_assert_cmpint (phase, ==, i);
      g_assert_cmpuint (strlen (bmb_relationship_phase_get_label (i)), >, 0);
      g_assert_cmpuint (strlen (bmb_relationship_phase_get_description (i)), >, 10);
    }
  for (guint i = 0; i <= BMB_RELATIONSHIP_KIND_VIRTUAL; i++)
    {
      g_assert_true (bmb_relationship_kind_from_string (bmb_relationship_kind_to_string (i), &kind));
      g_assert_cmpint (kind, ==, i);
    }
  g_assert_false (bmb_relationship_kind_from_string ("mentoring", &kind));
  g_assert_cmpstr (bmb_relationship_phase_get_label (BMB_RELATIONSHIP_PHASE_ENABLING), ==,
                   "Enabling growth");
  g_assert_cmpstr (bmb_session_status_get_label (BMB_SESSION_STATUS_CANCELLED), ==, "Cancelled");
}

/* ---- Sessions ---------------------------------------------------------------- */

static void
test_session_crud (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(BmbRelationship) relationship = add_relationship (fixture, 0, fixture->siti);
  g_autoptr(BmbSession) session = bmb_session_new ();
  g_autoptr(BmbSession) loaded = NULL;
  g_autoptr(BmbSession) by_uid = NULL;
  g_autoptr(BmbAgendaItem) first = NULL;
  g_autoptr(GError) error = NULL;
  const int reminders[] = { 60, 10, 60 };
  GListModel *agenda;
  GArray *offsets;
  gint64 first_id;

  bmb_session_set_relationship_id (session, bmb_relationship_get_id (relationship));
  bmb_session_set_title (session, "Weekly with Siti");
  bmb_session_set_start_local (session, "2026-11-24T10:00:00");
  bmb_session_set_tzid (session, "Asia/Jakarta");
  bmb_session_set_duration_min (session, 45);
  bmb_session_set_location (session, "https://meet.example.org/siti");
  bmb_session_set_notes (session, "Bahas umpan balik presentasi");
  bmb_session_set_rrule (session, "FREQ=WEEKLY;BYDAY=TU");
  bmb_session_set_reminders (session, reminders, G_N_ELEMENTS (reminders));
  bmb_session_append_agenda_item (session, "Kabar minggu ini");
  bmb_session_append_agenda_item (session, "Rencana karier");
  bmb_session_append_agenda_item (session, "Tindak lanjut tugas");

  fixture->changes = 0;
  g_assert_true (bmb_mentoring_store_save_session (fixture->store, session, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changes, ==, BMB_CHANGE_SESSIONS);
  g_assert_cmpint (bmb_session_get_id (session), >, 0);
  g_assert_nonnull (bmb_session_get_uid (session));

  loaded = bmb_mentoring_store_get_session (fixture->store, bmb_session_get_id (session), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bmb_session_get_uid (loaded), ==, bmb_session_get_uid (session));
  g_assert_cmpstr (bmb_session_get_title (loaded), ==, "Weekly with Siti");
  g_assert_cmpstr (bmb_session_get_start_local (loaded), ==, "2026-11-24T10:00:00");
  g_assert_cmpint (bmb_session_get_duration_min (loaded), ==, 45);
  g_assert_cmpstr (bmb_session_get_rrule (loaded), ==, "FREQ=WEEKLY;BYDAY=TU");
  offsets = bmb_session_get_reminders (loaded);
  g_assert_cmpuint (offsets->len, ==, 2);
  g_assert_cmpint (g_array_index (offsets, int, 0), ==, 10);
  g_assert_cmpint (g_array_index (offsets, int, 1), ==, 60);
  agenda = bmb_session_get_agenda (loaded);
  g_assert_cmpuint (g_list_model_get_n_items (agenda), ==, 3);
  first = g_list_model_get_item (agenda, 0);
  g_assert_cmpstr (bmb_agenda_item_get_text (first), ==, "Kabar minggu ini");
  first_id = bmb_agenda_item_get_id (first);

  /* Edit the agenda: tick, drop the middle one, move the last up, add one. */
  bmb_agenda_item_set_done (first, TRUE);
  bmb_session_remove_agenda_item (loaded, 1);
  bmb_session_move_agenda_item (loaded, 1, 0);
  bmb_session_append_agenda_item (loaded, "Target bulan depan");
  bmb_session_set_reminders (loaded, NULL, 0);
  g_assert_true (bmb_mentoring_store_save_session (fixture->store, loaded, &error));
  g_assert_no_error (error);

  by_uid = bmb_mentoring_store_find_session_by_uid (fixture->store, bmb_session_get_uid (session), &error);
  g_assert_no_error (error);
  agenda = bmb_session_get_agenda (by_uid);
  g_assert_cmpuint (g_list_model_get_n_items (agenda), ==, 3);
  {
    g_autoptr(BmbAgendaItem) a = g_list_model_get_item (agenda, 0);
    g_autoptr(BmbAgendaItem) b = g_list_model_get_item (agenda, 1);
    g_autoptr(BmbAgendaItem) c = g_list_model_get_item (agenda, 2);

    g_assert_cmpstr (bmb_agenda_item_get_text (a), ==, "Tindak lanjut tugas");
    g_assert_cmpstr (bmb_agenda_item_get_text (b), ==, "Kabar minggu ini");
    g_assert_true (bmb_agenda_item_get_done (b));
    g_assert_cmpint (bmb_agenda_item_get_id (b), ==, first_id);
    g_assert_cmpstr (bmb_agenda_item_get_text (c), ==, "Target bulan depan");
  }
  g_assert_cmpuint (bmb_session_get_reminders (by_uid)->len, ==, 0);
  g_assert_cmpint (count_rows (fixture->db, "SELECT count(*) FROM agenda_items"), ==, 3);

  g_assert_null (bmb_mentoring_store_find_session_by_uid (fixture->store, "nope@example", &error));
  g_assert_no_error (error);

  g_assert_true (bmb_mentoring_store_delete_session (fixture->store, bmb_session_get_id (session), &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (fixture->db, "SELECT count(*) FROM agenda_items"), ==, 0);
  g_assert_null (bmb_mentoring_store_get_session (fixture->store, bmb_session_get_id (session), &error));
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_NOT_FOUND);
}

static void
test_session_too_frequent (Fixture       *fixture,
                           gconstpointer  data)
{
  const char *refused[] = { "FREQ=SECONDLY", "FREQ=MINUTELY;COUNT=1000000",
                            "FREQ=HOURLY;BYMINUTE=0,30" };
  g_autoptr(BmbSession) hourly = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(BmbSession) session = bmb_session_new ();
      g_autoptr(GError) error = NULL;

      bmb_session_set_title (session, "Terlalu sering");
      bmb_session_set_start_local (session, "2026-11-24T10:00:00");
      bmb_session_set_tzid (session, "Asia/Jakarta");
      bmb_session_set_rrule (session, refused[i]);
      g_assert_false (bmb_mentoring_store_save_session (fixture->store, session, &error));
      g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, refused[i]));
    }

  g_assert_cmpint (count_rows (fixture->db, "SELECT count(*) FROM sessions"), ==, 0);

  /* Hourly is the limit itself, and allowed. */
  hourly = add_session (fixture, 0, "Tiap jam", "2026-11-24T10:00:00", "FREQ=HOURLY");
  g_assert_cmpint (bmb_session_get_id (hourly), >, 0);
}

/* As an old database (or another program) could have stored it. */
static void
insert_raw_series (BmbDatabase *db,
                   const char  *title,
                   const char  *start_local,
                   const char  *rrule)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uid = g_uuid_string_random ();
  sqlite3_stmt *stmt;

  stmt = bmb_database_prepare (db,
                               "INSERT INTO sessions (uid, title, start_local, tzid, rrule, "
                               "  created_at, updated_at) "
                               "VALUES (?1, ?2, ?3, 'Asia/Jakarta', ?4, 0, 0)", &error);
  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, start_local, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, rrule, -1, SQLITE_TRANSIENT);
  g_assert_true (bmb_database_step_done (db, stmt, &error));
  g_assert_no_error (error);
}

static void
test_occurrences_budget (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(BmbSession) weekly = add_session (fixture, 0, "Mingguan", "2025-06-02T10:00:00",
                                              "FREQ=WEEKLY");
  g_autoptr(BmbSession) monthly = add_session (fixture, 0, "Bulanan", "2025-06-02T10:00:00",
                                               "FREQ=MONTHLY;BYMONTHDAY=2");
  g_autoptr(GDateTime) from = jakarta (2026, 1, 1, 0, 0);
  g_autoptr(GDateTime) to = jakarta (2027, 1, 1, 0, 0);
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) incomplete = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) partial = NULL;
  g_autoptr(GError) error = NULL;
  BmbExpansionBudget budget = BMB_EXPANSION_BUDGET_INIT;
  guint n_weekly = 0, n_monthly = 0;

  /* 200 FREQ=SECONDLY series (a 25 KB calendar file's worth), written
   * straight into the table as an old database could hold them. */
  g_assert_true (bmb_database_begin (fixture->db, &error));
  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *title = g_strdup_printf ("Detik %u", i);

      insert_raw_series (fixture->db, title, "2025-01-01T00:00:00", "FREQ=SECONDLY");
    }
  g_assert_true (bmb_database_commit (fixture->db, &error));

  /* One budget for the whole query, however many series it has. */
  sessions = bmb_mentoring_store_list_sessions (fixture->store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, ==, 202);
  g_assert_true (_bmb_mentoring_store_expand (fixture->store, sessions,
                                              g_date_time_to_unix (from),
                                              g_date_time_to_unix (to),
                                              &budget, out, incomplete, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (budget.used, <=, BMB_LIMIT_EXPANSION_STEPS);
  g_assert_cmpuint (incomplete->len, ==, 200);
  for (guint i = 0; i < incomplete->len; i++)
    g_assert_cmpstr (bmb_session_get_rrule (g_ptr_array_index (incomplete, i)), ==,
                     "FREQ=SECONDLY");

  /* The plain list does not pass a partial result off as complete. */
  list = bmb_mentoring_store_list_occurrences (fixture->store, 0, from, to, &error);
  g_assert_error (error, BMB_RECURRENCE_ERROR, BMB_RECURRENCE_ERROR_INCOMPLETE);
  g_assert_null (list);
  g_assert_nonnull (strstr (error->message, "Detik"));
  g_clear_error (&error);

  /* The full form says which series are incomplete, and the rarer series,
   * expanded first, are all there. */
  g_clear_pointer (&incomplete, g_ptr_array_unref);
  partial = bmb_mentoring_store_list_occurrences_full (fixture->store, 0, from, to,
                                                       &incomplete, &error);
  g_assert_no_error (error);
  g_assert_nonnull (partial);
  g_assert_cmpuint (incomplete->len, ==, 200);
  for (guint i = 0; i < partial->len; i++)
    {
      gint64 id = bmb_occurrence_get_session_id (g_ptr_array_index (partial, i));

      n_weekly += id == bmb_session_get_id (weekly);
      n_monthly += id == bmb_session_get_id (monthly);
    }
  g_assert_cmpuint (n_weekly, ==, 52);
  g_assert_cmpuint (n_monthly, ==, 12);
  g_clear_pointer (&incomplete, g_ptr_array_unref);
  g_clear_pointer (&partial, g_ptr_array_unref);

  /* A relationship's own query is not held up by someone else's series. */
  {
    g_autoptr(BmbRelationship) relationship = add_relationship (fixture, 0, fixture->siti);
    g_autoptr(BmbSession) own G_GNUC_UNUSED = add_session (fixture, bmb_relationship_get_id (relationship),
                                             "Siti", "2025-06-03T10:00:00", "FREQ=WEEKLY");

    list = bmb_mentoring_store_list_occurrences (fixture->store,
                                                 bmb_relationship_get_id (relationship),
                                                 from, to, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (list->len, ==, 52);
  }
}

static void
test_occurrences_count_far_from_start (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autoptr(GDateTime) day = jakarta (2026, 3, 1, 0, 0);
  g_autoptr(GDateTime) day_end = jakarta (2026, 3, 2, 0, 0);
  g_autoptr(GDateTime) year = jakarta (2026, 1, 1, 0, 0);
  g_autoptr(GDateTime) year_end = jakarta (2027, 1, 1, 0, 0);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  insert_raw_series (fixture->db, "Menit", "2025-01-01T00:00:00", "FREQ=MINUTELY;COUNT=1000000");

  /* A day of 2026: every minute of it, not an empty page. */
  list = bmb_mentoring_store_list_occurrences (fixture->store, 0, day, day_end, &error);
  g_assert_no_error (error);
  /* The occurrence that started at 23:00 the day before still runs at 00:00. */
  g_assert_cmpuint (list->len, ==, 24 * 60 + 59);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* The whole of 2026 does not fit the budget: an error, never an empty list. */
  list = bmb_mentoring_store_list_occurrences (fixture->store, 0, year, year_end, &error);
  g_assert_error (error, BMB_RECURRENCE_ERROR, BMB_RECURRENCE_ERROR_INCOMPLETE);
  g_assert_null (list);
}

static void
test_reminders_with_runaway_series (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(BmbSession) weekly = add_session (fixture, 0, "Mingguan", "2026-11-03T10:00:00",
                                              "FREQ=WEEKLY");
  g_autoptr(BmbSessionReminders) source = bmb_session_reminders_new (fixture->store);
  g_autoptr(GDateTime) from = jakarta (2026, 11, 17, 0, 0);
  g_autoptr(GDateTime) to = jakarta (2026, 11, 18, 0, 0);
  g_autoptr(GPtrArray) reminders = NULL;
  g_autoptr(GError) error = NULL;
  guint n_weekly = 0;

  insert_raw_series (fixture->db, "Detik", "2025-01-01T00:00:00", "FREQ=SECONDLY");

  /* The runaway series is logged (once, by id) and the others still remind. */
  g_test_expect_message ("bmb-session-reminders", G_LOG_LEVEL_WARNING, "*repeats too often*");
  reminders = bmb_reminder_source_list_reminders (BMB_REMINDER_SOURCE (source),
                                                  g_date_time_to_unix (from),
                                                  g_date_time_to_unix (to), &error);
  g_test_assert_expected_messages ();
  g_assert_no_error (error);
  for (guint i = 0; i < reminders->len; i++)
    {
      BmbReminder *reminder = g_ptr_array_index (reminders, i);

      n_weekly += reminder->item_id == bmb_session_get_id (weekly);
    }
  g_assert_cmpuint (n_weekly, ==, 1);
  g_clear_pointer (&reminders, g_ptr_array_unref);

  /* Asked again: no second warning. */
  reminders = bmb_reminder_source_list_reminders (BMB_REMINDER_SOURCE (source),
                                                  g_date_time_to_unix (from),
                                                  g_date_time_to_unix (to), &error);
  g_assert_no_error (error);
  g_assert_nonnull (reminders);
}

static void
test_session_validation (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(BmbSession) session = bmb_session_new ();
  g_autoptr(GError) error = NULL;

  bmb_session_set_title (session, "   ");
  bmb_session_set_start_local (session, "2026-11-24T10:00:00");
  bmb_session_set_tzid (session, "Asia/Jakarta");
  g_assert_false (bmb_mentoring_store_save_session (fixture->store, session, &error));
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  bmb_session_set_title (session, "Sesi");
  bmb_session_set_tzid (session, "Mars/Olympus_Mons");
  g_assert_false (bmb_mentoring_store_save_session (fixture->store, session, &error));
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Mars/Olympus_Mons"));
  g_clear_error (&error);

  bmb_session_set_tzid (session, "Asia/Jakarta");
  bmb_session_set_rrule (session, "FREQ=NEVERMORE");
  g_assert_false (bmb_mentoring_store_save_session (fixture->store, session, &error));
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  bmb_session_set_rrule (session, NULL);
  bmb_session_set_start_local (session, "2026-02-30T10:00:00");
  g_assert_false (bmb_mentoring_store_save_session (fixture->store, session, &error));
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  /* A relationship that does not exist: rolled back, agenda included. */
  bmb_session_set_start_local (session, "2026-02-20T10:00:00");
  bmb_session_set_relationship_id (session, 4242);
  bmb_session_append_agenda_item (session, "Tidak akan tersimpan");
  g_assert_false (bmb_mentoring_store_save_session (fixture->store, session, &error));
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_CONSTRAINT);

  g_assert_cmpint (count_rows (fixture->db, "SELECT count(*) FROM sessions"), ==, 0);
  g_assert_cmpint (count_rows (fixture->db, "SELECT count(*) FROM agenda_items"), ==, 0);
  g_assert_cmpuint (fixture->n_changed, ==, 0);
}

/* ---- Occurrences ------------------------------------------------------------- */

static void
test_occurrences_window (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(BmbRelationship) with_siti = add_relationship (fixture, 0, fixture->siti);
  g_autoptr(BmbRelationship) with_budi = add_relationship (fixture, fixture->budi, 0);
  g_autoptr(BmbSession) weekly = NULL;
  g_autoptr(BmbSession) monthly = NULL;
  g_autoptr(BmbSession) single = NULL;
  g_autofree char *all = NULL;
  g_autofree char *budi_only = NULL;

  weekly = add_session (fixture, bmb_relationship_get_id (with_siti), "Siti",
                        "2026-11-03T10:00:00", "FREQ=WEEKLY;BYDAY=TU");
  monthly = add_session (fixture, bmb_relationship_get_id (with_budi), "Budi",
                         "2026-11-10T09:00:00", "FREQ=MONTHLY;BYDAY=2TU");
  single = add_session (fixture, bmb_relationship_get_id (with_budi), "Kopi",
                        "2026-11-24T08:00:00", NULL);

  all = list_window (fixture, 0, 11, 9, 11, 25);
  g_assert_cmpstr (all, ==,
                   "11-10T09:00 Budi, 11-10T10:00 Siti, 11-17T10:00 Siti, "
                   "11-24T08:00 Kopi, 11-24T10:00 Siti");

  budi_only = list_window (fixture, bmb_relationship_get_id (with_budi), 11, 1, 12, 31);
  g_assert_cmpstr (budi_only, ==, "11-10T09:00 Budi, 11-24T08:00 Kopi, 12-08T09:00 Budi");

  /* Overlap: a session that started before the window but runs into it. */
  {
    g_autoptr(GDateTime) from = jakarta (2026, 11, 24, 10, 30);
    g_autoptr(GDateTime) to = jakarta (2026, 11, 24, 12, 0);
    g_autoptr(GPtrArray) list = bmb_mentoring_store_list_occurrences (fixture->store, 0, from, to, NULL);
    g_autofree char *text = format_occurrences (list);

    g_assert_cmpstr (text, ==, "11-24T10:00 Siti");
  }
}

static void
test_occurrence_override (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(BmbSession) weekly = add_session (fixture, 0, "Mentoring", "2026-11-03T10:00:00",
                                              "FREQ=WEEKLY");
  g_autoptr(BmbOccurrence) occurrence = NULL;
  g_autoptr(BmbOccurrence) again = NULL;
  g_autoptr(GDateTime) moved = jakarta (2026, 11, 18, 14, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *listed = NULL;
  g_autofree char *reverted = NULL;
  gint64 id = bmb_session_get_id (weekly);

  /* Edit one occurrence: move 17 Nov to Wednesday 18 Nov 14:00, own notes. */
  occurrence = bmb_mentoring_store_get_occurrence (fixture->store, id, "2026-11-17T10:00:00", &error);
  g_assert_no_error (error);
  g_assert_false (bmb_occurrence_get_overridden (occurrence));
  bmb_occurrence_set_start (occurrence, moved);
  bmb_occurrence_set_title (occurrence, "Mentoring (dipindah)");
  bmb_occurrence_set_notes (occurrence, "Siti sedang dinas luar kota");
  g_assert_true (bmb_mentoring_store_save_occurrence (fixture->store, occurrence, &error));
  g_assert_no_error (error);
  g_assert_true (bmb_occurrence_get_overridden (occurrence));
  g_assert_cmpint (count_rows (fixture->db, "SELECT count(*) FROM meetings"), ==, 1);

  listed = list_window (fixture, 0, 11, 10, 11, 25);
  g_assert_cmpstr (listed, ==,
                   "11-10T10:00 Mentoring, 11-18T14:00 Mentoring (dipindah), 11-24T10:00 Mentoring");

  again = bmb_mentoring_store_get_occurrence (fixture->store, id, "2026-11-17T10:00:00", &error);
  g_assert_no_error (error);
  g_assert_true (bmb_occurrence_get_overridden (again));
  g_assert_cmpstr (bmb_occurrence_get_notes (again), ==, "Siti sedang dinas luar kota");
  g_assert_cmpint (g_date_time_get_hour (bmb_occurrence_get_end (again)), ==, 15);

  /* Moved from outside the window into it (and out of its own day). */
  {
    g_autofree char *only_wednesday = list_window (fixture, 0, 11, 18, 11, 19);
    g_autofree char *only_tuesday = list_window (fixture, 0, 11, 17, 11, 18);

    g_assert_cmpstr (only_wednesday, ==, "11-18T14:00 Mentoring (dipindah)");
    g_assert_cmpstr (only_tuesday, ==, "");
  }

  /* Not an occurrence of the series. */
  g_assert_null (bmb_mentoring_store_get_occurrence (fixture->store, id, "2026-11-18T10:00:00", &error));
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Reverting drops the move and the title; the meeting's own notes stay. */
  g_assert_true (bmb_mentoring_store_revert_occurrence (fixture->store, id, "2026-11-17T10:00:00", &error));
  reverted = list_window (fixture, 0, 11, 10, 11, 25);
  g_assert_cmpstr (reverted, ==, "11-10T10:00 Mentoring, 11-17T10:00 Mentoring, 11-24T10:00 Mentoring");
  {
    g_autoptr(BmbOccurrence) kept = bmb_mentoring_store_get_occurrence (fixture->store, id,
                                                                        "2026-11-17T10:00:00",
                                                                        &error);
    g_assert_no_error (error);
    g_assert_cmpstr (bmb_occurrence_get_notes (kept), ==, "Siti sedang dinas luar kota");
    bmb_occurrence_set_notes (kept, NULL);
    g_assert_true (bmb_mentoring_store_save_occurrence (fixture->store, kept, &error));
    g_assert_no_error (error);
  }

  g_clear_object (&again);
  again = bmb_mentoring_store_get_occurrence (fixture->store, id, "2026-11-24T10:00:00", &error);
  bmb_occurrence_set_location (again, "Ruang rapat 3");
  g_assert_true (bmb_mentoring_store_save_occurrence (fixture->store, again, &error));
  g_assert_cmpint (count_rows (fixture->db, "SELECT count(*) FROM meetings"), ==, 1);
  bmb_occurrence_set_location (again, NULL);
  g_assert_true (bmb_mentoring_store_save_occurrence (fixture->store, again, &error));
  g_assert_no_error (error);
  g_assert_false (bmb_occurrence_get_overridden (again));
  g_assert_cmpint (count_rows (fixture->db, "SELECT count(*) FROM meetings"), ==, 0);
}

static void
test_occurrence_cancel_and_delete (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(BmbSession) weekly = add_session (fixture, 0, "Mentoring", "2026-11-03T10:00:00",
                                              "FREQ=WEEKLY");
  g_autoptr(BmbSession) reloaded = NULL;
  g_autoptr(BmbOccurrence) next = NULL;
  g_autoptr(GDateTime) monday = jakarta (2026, 11, 16, 9, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *listed = NULL;
  g_autofree char *after_delete = NULL;
  gint64 id = bmb_session_get_id (weekly);

  g_assert_true (bmb_mentoring_store_set_occurrence_status (fixture->store, id, "2026-11-17T10:00:00",
                                                            BMB_SESSION_STATUS_CANCELLED, &error));
  g_assert_no_error (error);
  listed = list_window (fixture, 0, 11, 10, 11, 25);
  g_assert_cmpstr (listed, ==,
                   "11-10T10:00 Mentoring, 11-17T10:00 Mentoring (cancelled), 11-24T10:00 Mentoring");

  /* The next meeting after Monday 16th skips the cancelled Tuesday. */
  next = bmb_mentoring_store_get_next_occurrence (fixture->store, 0, monday, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bmb_occurrence_get_recurrence_id (next), ==, "2026-11-24T10:00:00");

  /* Deleting an occurrence is an EXDATE; its override goes with it. */
  g_assert_true (bmb_mentoring_store_delete_occurrence (fixture->store, id, "2026-11-17T10:00:00", &error));
  g_assert_no_error (error);
  after_delete = list_window (fixture, 0, 11, 10, 11, 25);
  g_assert_cmpstr (after_delete, ==, "11-10T10:00 Mentoring, 11-24T10:00 Mentoring");
  g_assert_cmpint (count_rows (fixture->db, "SELECT count(*) FROM meetings"), ==, 0);
  reloaded = bmb_mentoring_store_get_session (fixture->store, id, &error);
  g_assert_cmpstr (bmb_session_get_exdates (reloaded)[0], ==, "2026-11-17T10:00:00");
  g_assert_null (bmb_session_get_exdates (reloaded)[1]);

  g_assert_false (bmb_mentoring_store_delete_occurrence (fixture->store, id, "2026-11-17T10:00:00", &error));
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_NOT_FOUND);
}

static void
test_series_edit_drops_orphans (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(BmbSession) weekly = add_session (fixture, 0, "Mentoring", "2026-11-03T10:00:00",
                                              "FREQ=WEEKLY");
  g_autoptr(GError) error = NULL;
  gint64 id = bmb_session_get_id (weekly);

  g_assert_true (bmb_mentoring_store_set_occurrence_status (fixture->store, id, "2026-11-10T10:00:00",
                                                            BMB_SESSION_STATUS_DONE, &error));
  g_assert_true (bmb_mentoring_store_set_occurrence_status (fixture->store, id, "2026-11-17T10:00:00",
                                                            BMB_SESSION_STATUS_DONE, &error));
  g_assert_cmpint (count_rows (fixture->db, "SELECT count(*) FROM meetings"), ==, 2);

  /* Ending the series after two meetings: the 17th is no longer in it. */
  bmb_session_set_rrule (weekly, "FREQ=WEEKLY;COUNT=2");
  g_assert_true (bmb_mentoring_store_save_session (fixture->store, weekly, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (fixture->db, "SELECT count(*) FROM meetings"), ==, 1);

  /* Moving the whole series to 11:00 orphans the other one too. */
  bmb_session_set_start_local (weekly, "2026-11-03T11:00:00");
  g_assert_true (bmb_mentoring_store_save_session (fixture->store, weekly, &error));
  g_assert_cmpint (count_rows (fixture->db, "SELECT count(*) FROM meetings"), ==, 0);
}

static void
test_single_session_occurrence (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(BmbSession) single = add_session (fixture, 0, "Kopi pagi", "2026-11-24T08:00:00", NULL);
  g_autoptr(BmbSession) reloaded = NULL;
  g_autoptr(BmbOccurrence) occurrence = NULL;
  g_autoptr(GDateTime) later = jakarta (2026, 11, 24, 9, 30);
  g_autoptr(GError) error = NULL;

  occurrence = bmb_mentoring_store_get_occurrence (fixture->store, bmb_session_get_id (single),
                                                   "2026-11-24T08:00:00", &error);
  g_assert_no_error (error);
  bmb_occurrence_set_start (occurrence, later);
  bmb_occurrence_set_status (occurrence, BMB_SESSION_STATUS_DONE);
  g_assert_true (bmb_mentoring_store_save_occurrence (fixture->store, occurrence, &error));
  g_assert_no_error (error);

  /* A single session is simply updated, no override row. */
  reloaded = bmb_mentoring_store_get_session (fixture->store, bmb_session_get_id (single), &error);
  g_assert_cmpstr (bmb_session_get_start_local (reloaded), ==, "2026-11-24T09:30:00");
  g_assert_cmpint (bmb_session_get_status (reloaded), ==, BMB_SESSION_STATUS_DONE);
  g_assert_cmpint (count_rows (fixture->db, "SELECT count(*) FROM meetings"), ==, 0);
}

static void
test_next_and_previous (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(BmbRelationship) with_siti = add_relationship (fixture, 0, fixture->siti);
  g_autoptr(BmbRelationship) with_budi = add_relationship (fixture, fixture->budi, 0);
  g_autoptr(BmbSession) siti = NULL;
  g_autoptr(BmbSession) budi = NULL;
  g_autoptr(BmbOccurrence) past = NULL;
  g_autoptr(BmbOccurrence) previous = NULL;
  g_autoptr(BmbOccurrence) next = NULL;
  g_autoptr(BmbOccurrence) none = NULL;
  g_autoptr(GDateTime) now = jakarta (2026, 11, 20, 12, 0);
  g_autoptr(GDateTime) far = jakarta (2031, 1, 1, 0, 0);
  g_autoptr(GError) error = NULL;
  gint64 siti_id = bmb_relationship_get_id (with_siti);

  siti = add_session (fixture, siti_id, "Siti", "2026-09-01T10:00:00", "FREQ=WEEKLY;INTERVAL=2");
  budi = add_session (fixture, bmb_relationship_get_id (with_budi), "Budi", "2026-11-21T10:00:00", NULL);

  /* Notes of the last meeting, to prepare the next one. */
  past = bmb_mentoring_store_get_occurrence (fixture->store, bmb_session_get_id (siti),
                                             "2026-11-10T10:00:00", &error);
  g_assert_no_error (error);
  bmb_occurrence_set_notes (past, "Siti akan mengirim draf CV");
  bmb_occurrence_set_status (past, BMB_SESSION_STATUS_DONE);
  g_assert_true (bmb_mentoring_store_save_occurrence (fixture->store, past, &error));

  previous = bmb_mentoring_store_get_previous_occurrence (fixture->store, siti_id, now, &error);
  g_assert_no_error (error);
  g_assert_nonnull (previous);
  g_assert_cmpstr (bmb_occurrence_get_recurrence_id (previous), ==, "2026-11-10T10:00:00");
  g_assert_cmpstr (bmb_occurrence_get_notes (previous), ==, "Siti akan mengirim draf CV");
  g_assert_cmpint (bmb_occurrence_get_status (previous), ==, BMB_SESSION_STATUS_DONE);

  next = bmb_mentoring_store_get_next_occurrence (fixture->store, siti_id, now, &error);
  g_assert_cmpstr (bmb_occurrence_get_recurrence_id (next), ==, "2026-11-24T10:00:00");
  g_clear_object (&next);
  next = bmb_mentoring_store_get_next_occurrence (fixture->store, 0, now, &error);
  g_assert_cmpstr (bmb_occurrence_get_title (next), ==, "Budi");

  none = bmb_mentoring_store_get_next_occurrence (fixture->store, bmb_relationship_get_id (with_budi),
                                                  far, &error);
  g_assert_no_error (error);
  g_assert_null (none);
}

/* ---- Action items and search --------------------------------------------------- */

static void
test_action_items (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(BmbRelationship) relationship = add_relationship (fixture, 0, fixture->siti);
  g_autoptr(BmbSession) session = add_session (fixture, bmb_relationship_get_id (relationship),
                                               "Siti", "2026-11-03T10:00:00", NULL);
  g_autoptr(BmbActionItem) cv = bmb_action_item_new (BMB_ACTION_OWNER_MENTEE, "Kirim draf CV");
  g_autoptr(BmbActionItem) intro = bmb_action_item_new (BMB_ACTION_OWNER_MENTOR,
                                                        "Kenalkan Siti ke Bu Ratna");
  g_autoptr(BmbActionItem) read = bmb_action_item_new (BMB_ACTION_OWNER_MENTEE, "Baca bab 3");
  g_autoptr(BmbActionItem) empty = bmb_action_item_new (BMB_ACTION_OWNER_MENTEE, "  ");
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  gint64 relationship_id = bmb_relationship_get_id (relationship);

  bmb_action_item_set_relationship_id (cv, relationship_id);
  bmb_action_item_set_due_on (cv, "2026-11-20");
  bmb_action_item_set_relationship_id (intro, relationship_id);
  bmb_action_item_set_due_on (intro, "2026-11-10");
  bmb_action_item_set_session_id (read, bmb_session_get_id (session));  /* via the session only */

  fixture->changes = 0;
  g_assert_true (bmb_mentoring_store_save_action_item (fixture->store, cv, &error));
  g_assert_true (bmb_mentoring_store_save_action_item (fixture->store, intro, &error));
  g_assert_true (bmb_mentoring_store_save_action_item (fixture->store, read, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changes, ==, BMB_CHANGE_ACTION_ITEMS);
  g_assert_cmpint (bmb_action_item_get_position (intro), ==, 1);

  bmb_action_item_set_relationship_id (empty, relationship_id);
  g_assert_false (bmb_mentoring_store_save_action_item (fixture->store, empty, &error));
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  open = bmb_mentoring_store_list_open_action_items (fixture->store, relationship_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (open->len, ==, 3);
  g_assert_cmpstr (bmb_action_item_get_text (g_ptr_array_index (open, 0)), ==, "Kenalkan Siti ke Bu Ratna");
  g_assert_cmpint (bmb_action_item_get_owner (g_ptr_array_index (open, 0)), ==, BMB_ACTION_OWNER_MENTOR);
  g_assert_cmpstr (bmb_action_item_get_text (g_ptr_array_index (open, 1)), ==, "Kirim draf CV");
  g_assert_cmpstr (bmb_action_item_get_text (g_ptr_array_index (open, 2)), ==, "Baca bab 3");

  g_assert_true (bmb_mentoring_store_set_action_item_done (fixture->store,
                                                           bmb_action_item_get_id (intro), TRUE, &error));
  g_clear_pointer (&open, g_ptr_array_unref);
  open = bmb_mentoring_store_list_open_action_items (fixture->store, relationship_id, &error);
  g_assert_cmpuint (open->len, ==, 2);

  all = bmb_mentoring_store_list_action_items (fixture->store, relationship_id, 0, &error);
  g_assert_cmpuint (all->len, ==, 3);
  g_assert_true (bmb_action_item_get_done (g_ptr_array_index (all, 2)));
  g_assert_cmpint (bmb_action_item_get_done_at (g_ptr_array_index (all, 2)), >, 0);

  g_assert_true (bmb_mentoring_store_set_action_item_done (fixture->store,
                                                           bmb_action_item_get_id (intro), FALSE, &error));
  g_assert_true (bmb_mentoring_store_delete_action_item (fixture->store, bmb_action_item_get_id (cv), &error));
  g_assert_no_error (error);
  g_assert_false (bmb_mentoring_store_set_action_item_done (fixture->store, 99999, TRUE, &error));
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_NOT_FOUND);
  g_assert_cmpint (count_rows (fixture->db, "SELECT count(*) FROM action_items WHERE done = 0"), ==, 2);
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(BmbSession) a = bmb_session_new ();
  g_autoptr(BmbSession) b = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;

  bmb_session_set_title (a, "Sesi perencanaan");
  bmb_session_set_start_local (a, "2026-11-03T10:00:00");
  bmb_session_set_tzid (a, "Asia/Jakarta");
  bmb_session_set_notes (a, "Pengembangan karier dan jejaring");
  bmb_session_append_agenda_item (a, "Wawancara kerja");
  g_assert_true (bmb_mentoring_store_save_session (fixture->store, a, &error));
  b = add_session (fixture, 0, "Café bersama Budi", "2026-11-04T10:00:00", NULL);

  found = bmb_mentoring_store_search_sessions (fixture->store, "kari", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (bmb_session_get_id (g_ptr_array_index (found, 0)), ==, bmb_session_get_id (a));
  g_clear_pointer (&found, g_ptr_array_unref);

  /* Agenda text is searchable; several words must all match. */
  found = bmb_mentoring_store_search_sessions (fixture->store, "wawan sesi", &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = bmb_mentoring_store_search_sessions (fixture->store, "wawan budi", &error);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);

  /* Diacritics fold; FTS syntax in the text is just text. */
  found = bmb_mentoring_store_search_sessions (fixture->store, "cafe", &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = bmb_mentoring_store_search_sessions (fixture->store, "\"bud* OR NEAR(", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = bmb_mentoring_store_search_sessions (fixture->store, "   ", &error);
  g_assert_cmpuint (found->len, ==, 0);
}

static void
test_search_words (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(BmbSession) a = add_session (fixture, 0, "Sesi perencanaan karier",
                                         "2026-11-03T10:00:00", NULL);
  const char *nothing[] = { "!!!", "...", "\xf0\x9f\x91\x8d", "\xf0\x9f\x8e\x89 -- ??" };

  /* No letter or digit: no match, as in the contact search. */
  for (guint i = 0; i < G_N_ELEMENTS (nothing); i++)
    {
      g_autoptr(GPtrArray) found = NULL;
      g_autoptr(GError) error = NULL;

      found = bmb_mentoring_store_search_sessions (fixture->store, nothing[i], &error);
      g_assert_no_error (error);
      g_assert_cmpuint (found->len, ==, 0);
    }

  /* Next to a word, an emoji is ignored rather than matching nothing. */
  {
    g_autoptr(GPtrArray) found = NULL;
    g_autoptr(GError) error = NULL;

    found = bmb_mentoring_store_search_sessions (fixture->store, "kari \xf0\x9f\x91\x8d",
                                                 &error);
    g_assert_no_error (error);
    g_assert_cmpuint (found->len, ==, 1);
  }

  /* Sixteen words are searched; the seventeenth is ignored. */
  {
    g_autoptr(GPtrArray) found = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_cmpint (BMB_LIMIT_SEARCH_WORDS, ==, 16);
    found = bmb_mentoring_store_search_sessions (fixture->store,
                                                 "s se ses sesi p pe per pere peren perenc "
                                                 "perenca k ka kar kari karie zzz", &error);
    g_assert_no_error (error);
    g_assert_cmpuint (found->len, ==, 1);
    g_assert_cmpint (bmb_session_get_id (g_ptr_array_index (found, 0)), ==,
                     bmb_session_get_id (a));
  }
}

/* ---- Reminders ---------------------------------------------------------------- */

static int
compare_reminders (gconstpointer a,
                   gconstpointer b)
{
  const BmbReminder *x = *(BmbReminder * const *)a;
  const BmbReminder *y = *(BmbReminder * const *)b;

  return (x->trigger_at > y->trigger_at) - (x->trigger_at < y->trigger_at);
}

static void
test_session_reminders (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(BmbRelationship) relationship = add_relationship (fixture, 0, fixture->siti);
  g_autoptr(BmbSession) session = bmb_session_new ();
  g_autoptr(BmbSessionReminders) source = NULL;
  g_autoptr(GPtrArray) reminders = NULL;
  g_autoptr(GDateTime) from = jakarta (2026, 11, 16, 0, 0);
  g_autoptr(GDateTime) to = jakarta (2026, 11, 25, 0, 0);
  g_autoptr(GDateTime) first_start = jakarta (2026, 11, 17, 10, 0);
  g_autoptr(GError) error = NULL;
  const int offsets[] = { 15, 1440 };
  BmbReminder *r;

  bmb_session_set_relationship_id (session, bmb_relationship_get_id (relationship));
  bmb_session_set_title (session, "Weekly with Siti");
  bmb_session_set_start_local (session, "2026-11-03T10:00:00");
  bmb_session_set_tzid (session, "Asia/Jakarta");
  bmb_session_set_location (session, "https://meet.example.org/siti");
  bmb_session_set_rrule (session, "FREQ=WEEKLY");
  bmb_session_set_reminders (session, offsets, G_N_ELEMENTS (offsets));
  bmb_session_append_agenda_item (session, "Draf CV");
  g_assert_true (bmb_mentoring_store_save_session (fixture->store, session, &error));

  source = bmb_session_reminders_new (fixture->store);
  g_assert_true (BMB_IS_REMINDER_SOURCE (source));

  /* 17 Nov and 24 Nov, 15 minutes and a day before each; 10 Nov's are
   * before the window, 1 Dec's day-before is after it. */
  reminders = bmb_reminder_source_list_reminders (BMB_REMINDER_SOURCE (source),
                                                  g_date_time_to_unix (from),
                                                  g_date_time_to_unix (to), &error);
  g_assert_no_error (error);
  g_ptr_array_sort (reminders, compare_reminders);
  g_assert_cmpuint (reminders->len, ==, 4);

  r = g_ptr_array_index (reminders, 0);
  g_assert_cmpint (r->kind, ==, BMB_REMINDER_KIND_SESSION);
  g_assert_cmpint (r->item_id, ==, bmb_session_get_id (session));
  g_assert_cmpstr (r->occurrence, ==, "2026-11-17T03:00:00Z");
  g_assert_cmpint (r->offset_min, ==, 1440);
  g_assert_cmpint (r->trigger_at, ==, g_date_time_to_unix (first_start) - 86400);
  g_assert_cmpint (r->event_start, ==, g_date_time_to_unix (first_start));
  g_assert_cmpint (r->event_end, ==, g_date_time_to_unix (first_start) + 3600);
  g_assert_cmpstr (r->title, ==, "Weekly with Siti");
  g_assert_cmpstr (r->partner, ==, "Siti Rahmawati");
  g_assert_cmpstr (r->place, ==, "https://meet.example.org/siti");
  g_assert_cmpstr (r->detail, ==, "Agenda: Draf CV");

  r = g_ptr_array_index (reminders, 1);
  g_assert_cmpint (r->offset_min, ==, 15);
  g_assert_cmpint (r->trigger_at, ==, g_date_time_to_unix (first_start) - 900);
  r = g_ptr_array_index (reminders, 3);
  g_assert_cmpstr (r->occurrence, ==, "2026-11-24T03:00:00Z");

  /* Cancelling 24 Nov removes both of its reminders. */
  g_assert_true (bmb_mentoring_store_set_occurrence_status (fixture->store, bmb_session_get_id (session),
                                                            "2026-11-24T10:00:00",
                                                            BMB_SESSION_STATUS_CANCELLED, &error));
  g_clear_pointer (&reminders, g_ptr_array_unref);
  reminders = bmb_reminder_source_list_reminders (BMB_REMINDER_SOURCE (source),
                                                  g_date_time_to_unix (from),
                                                  g_date_time_to_unix (to), &error);
  g_assert_cmpuint (reminders->len, ==, 2);

  /* A narrow window: only the 15-minute reminder of the 17th. */
  g_clear_pointer (&reminders, g_ptr_array_unref);
  reminders = bmb_reminder_source_list_reminders (BMB_REMINDER_SOURCE (source),
                                                  g_date_time_to_unix (first_start) - 900,
                                                  g_date_time_to_unix (first_start) - 899, &error);
  g_assert_cmpuint (reminders->len, ==, 1);
  g_assert_cmpint (((BmbReminder *)g_ptr_array_index (reminders, 0))->offset_min, ==, 15);
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

  ADD ("/store/relationship/crud", test_relationship_crud);
  ADD ("/store/relationship/validation", test_relationship_validation);
  ADD ("/store/relationship/end", test_relationship_end);
  g_test_add_func ("/store/relationship/labels", test_enum_labels);
  ADD ("/store/session/crud", test_session_crud);
  ADD ("/store/session/validation", test_session_validation);
  ADD ("/store/occurrence/window", test_occurrences_window);
  ADD ("/store/occurrence/override", test_occurrence_override);
  ADD ("/store/occurrence/cancel-delete", test_occurrence_cancel_and_delete);
  ADD ("/store/occurrence/series-edit", test_series_edit_drops_orphans);
  ADD ("/store/occurrence/single", test_single_session_occurrence);
  ADD ("/store/occurrence/next-previous", test_next_and_previous);
  ADD ("/store/action-item/crud", test_action_items);
  ADD ("/store/session/search", test_search);
  ADD ("/store/session/search-words", test_search_words);
  ADD ("/store/session/too-frequent", test_session_too_frequent);
  ADD ("/store/occurrence/budget", test_occurrences_budget);
  ADD ("/store/occurrence/count-far-from-start", test_occurrences_count_far_from_start);
  ADD ("/store/reminders/runaway-series", test_reminders_with_runaway_series);
  ADD ("/store/reminders/session", test_session_reminders);

#undef ADD

  return g_test_run ();
}
