/* test-meetings.c — a record for every meeting: per-occurrence agenda, notes and action
 * items, moving and cancelling, carry-over, history in pages, search that returns meetings,
 * and the session editor's Save on a meeting
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bmb-context.h"
#include "bmb-mentoring-meetings.h"
#include "bmb-session-changes.h"
#include "bmb-test-utils.h"

typedef struct
{
  BmbDatabase       *db;
  char              *path;
  BmbContext        *context;
  BmbMentoringStore *store;
  gint64             relationship_id;
  gint64             other_relationship_id;
} Fixture;

static gint64
add_contact (BmbDatabase *db,
             const char  *name)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO contacts (uid, display_name, created_at, "
                                          "updated_at) VALUES ('%s', '%s', 0, 0)", name, name);

  g_assert_true (bmb_database_exec (db, sql, NULL));
  return bmb_database_last_insert_id (db);
}

static gint64
add_relationship (Fixture    *f,
                  const char *mentee)
{
  g_autoptr(BmbRelationship) relationship = bmb_relationship_new ();
  g_autoptr(GError) error = NULL;

  bmb_relationship_set_mentee_id (relationship, add_contact (f->db, mentee));
  g_assert_true (bmb_mentoring_store_save_relationship (f->store, relationship, &error));
  g_assert_no_error (error);

  return bmb_relationship_get_id (relationship);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->db = bmb_test_open_tmp_database (&f->path);
  f->context = bmb_context_new (f->db, NULL, NULL);
  f->store = bmb_context_get_mentoring_store (f->context);
  f->relationship_id = add_relationship (f, "Budi");
  f->other_relationship_id = add_relationship (f, "Siti");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->context);
  g_clear_object (&f->db);
  g_clear_pointer (&f->path, g_free);
}

static int
count_rows (BmbDatabase *db,
            const char  *sql)
{
  sqlite3_stmt *stmt = bmb_database_prepare (db, sql, NULL);
  int n;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

/* A weekly series on Mondays at 10:00 (Jakarta) from @start, with a standing agenda. */
static BmbSession *
add_weekly (Fixture    *f,
            gint64      relationship_id,
            const char *title,
            const char *start)
{
  BmbSession *session = bmb_session_new ();
  g_autoptr(GError) error = NULL;

  bmb_session_set_title (session, title);
  bmb_session_set_start_local (session, start);
  bmb_session_set_tzid (session, "Asia/Jakarta");
  bmb_session_set_rrule (session, "FREQ=WEEKLY");
  bmb_session_set_relationship_id (session, relationship_id);
  bmb_session_append_agenda_item (session, "Mock interview");
  bmb_session_append_agenda_item (session, "Progress on goals");
  g_assert_true (bmb_mentoring_store_save_session (f->store, session, &error));
  g_assert_no_error (error);

  return session;
}

static BmbMeeting *
get_meeting (Fixture    *f,
             gint64      session_id,
             const char *recurrence_id)
{
  g_autoptr(GError) error = NULL;
  BmbMeeting *meeting = bmb_mentoring_store_get_meeting (f->store, session_id, recurrence_id,
                                                         &error);

  g_assert_no_error (error);
  g_assert_nonnull (meeting);
  return meeting;
}

/* "text+" for a ticked item, "text" otherwise, joined by "|". */
static char *
agenda_string (GListModel *agenda)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (agenda); i++)
    {
      g_autoptr(BmbAgendaItem) item = g_list_model_get_item (agenda, i);

      g_string_append_printf (out, "%s%s%s", i ? "|" : "", bmb_agenda_item_get_text (item),
                              bmb_agenda_item_get_done (item) ? "+" : "");
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
actions_string (GListModel *items)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(BmbActionItem) item = g_list_model_get_item (items, i);

      g_string_append_printf (out, "%s%s:%s%s", i ? "|" : "",
                              bmb_action_owner_to_string (bmb_action_item_get_owner (item)),
                              bmb_action_item_get_text (item),
                              bmb_action_item_get_done (item) ? "+" : "");
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
array_actions_string (GPtrArray *items)
{
  g_autoptr(GListStore) store = g_list_store_new (BMB_TYPE_ACTION_ITEM);

  g_list_store_splice (store, 0, 0, items->pdata, items->len);
  return actions_string (G_LIST_MODEL (store));
}

static GDateTime *
jakarta (int year,
         int month,
         int day,
         int hour,
         int minute)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Jakarta");

  return g_date_time_new (zone, year, month, day, hour, minute, 0);
}

/* ---- Records per occurrence ------------------------------------------------------ */

static void
test_record_per_occurrence (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(BmbSession) weekly = add_weekly (f, f->relationship_id, "Mentoring",
                                             "2026-12-07T10:00:00");
  g_autoptr(BmbMeeting) dec21 = NULL;
  g_autoptr(BmbMeeting) dec07 = NULL;
  g_autoptr(BmbMeeting) again = NULL;
  g_autoptr(BmbSession) series = NULL;
  g_autoptr(BmbAgendaItem) first = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *agenda = NULL;
  g_autofree char *other = NULL;
  g_autofree char *actions = NULL;
  g_autofree char *standing = NULL;
  gint64 id = bmb_session_get_id (weekly);

  /* Without a record: the standing agenda, empty notes. */
  dec21 = get_meeting (f, id, "2026-12-21T10:00:00");
  g_assert_false (bmb_meeting_get_has_record (dec21));
  g_assert_null (bmb_meeting_get_notes (dec21));
  agenda = agenda_string (bmb_meeting_get_agenda (dec21));
  g_assert_cmpstr (agenda, ==, "Mock interview|Progress on goals");
  g_assert_cmpint (bmb_meeting_get_relationship_id (dec21), ==, f->relationship_id);
  g_assert_cmpstr (bmb_meeting_get_title (dec21), ==, "Mentoring");

  /* Tick, write notes and agree on two action items in the 21 December meeting only. */
  first = g_list_model_get_item (bmb_meeting_get_agenda (dec21), 0);
  bmb_agenda_item_set_done (first, TRUE);
  bmb_meeting_append_agenda_item (dec21, "Salary negotiation");
  bmb_meeting_set_notes (dec21, "Reviewed his CV\nNext: portfolio");
  bmb_meeting_set_outcome (dec21, "CV ready to send");
  bmb_meeting_set_status (dec21, BMB_SESSION_STATUS_DONE);
  bmb_meeting_append_action_item (dec21, BMB_ACTION_OWNER_MENTEE, "Send the CV to three firms");
  bmb_meeting_append_action_item (dec21, BMB_ACTION_OWNER_MENTOR, "Introduce him to Rina");
  g_assert_true (bmb_mentoring_store_save_meeting (f->store, dec21, &error));
  g_assert_no_error (error);
  g_assert_true (bmb_meeting_get_has_record (dec21));
  g_assert_cmpint (bmb_meeting_get_id (dec21), >, 0);

  again = get_meeting (f, id, "2026-12-21T10:00:00");
  g_clear_pointer (&agenda, g_free);
  agenda = agenda_string (bmb_meeting_get_agenda (again));
  g_assert_cmpstr (agenda, ==, "Mock interview+|Progress on goals|Salary negotiation");
  g_assert_cmpstr (bmb_meeting_get_notes (again), ==, "Reviewed his CV\nNext: portfolio");
  g_assert_cmpstr (bmb_meeting_get_outcome (again), ==, "CV ready to send");
  g_assert_cmpint (bmb_meeting_get_status (again), ==, BMB_SESSION_STATUS_DONE);
  actions = actions_string (bmb_meeting_get_action_items (again));
  g_assert_cmpstr (actions, ==, "mentee:Send the CV to three firms|mentor:Introduce him to Rina");
  {
    g_autofree char *line = bmb_meeting_dup_notes_first_line (again);
    g_autoptr(BmbActionItem) item = g_list_model_get_item (bmb_meeting_get_action_items (again), 0);

    g_assert_cmpstr (line, ==, "Reviewed his CV");
    g_assert_cmpint (bmb_action_item_get_meeting_id (item), ==, bmb_meeting_get_id (again));
    g_assert_cmpstr (bmb_action_item_get_recurrence_id (item), ==, "2026-12-21T10:00:00");
    g_assert_cmpint (bmb_action_item_get_relationship_id (item), ==, f->relationship_id);
  }

  /* The other occurrences are untouched: not ticked, no notes, no action items. */
  dec07 = get_meeting (f, id, "2026-12-07T10:00:00");
  other = agenda_string (bmb_meeting_get_agenda (dec07));
  g_assert_cmpstr (other, ==, "Mock interview|Progress on goals");
  g_assert_null (bmb_meeting_get_notes (dec07));
  g_assert_cmpuint (g_list_model_get_n_items (bmb_meeting_get_action_items (dec07)), ==, 0);
  g_assert_cmpint (bmb_meeting_get_status (dec07), ==, BMB_SESSION_STATUS_PLANNED);
  {
    g_autoptr(BmbOccurrence) occurrence =
      bmb_mentoring_store_get_occurrence (f->store, id, "2026-12-14T10:00:00", &error);

    g_assert_no_error (error);
    g_assert_null (bmb_occurrence_get_notes (occurrence));
  }

  /* And so is the series' standing agenda. */
  series = bmb_mentoring_store_get_session (f->store, id, &error);
  g_assert_no_error (error);
  standing = agenda_string (bmb_session_get_agenda (series));
  g_assert_cmpstr (standing, ==, "Mock interview|Progress on goals");

  /* Saving the series (its standing agenda) leaves the meeting's agenda alone. */
  bmb_session_append_agenda_item (series, "Reading list");
  g_assert_true (bmb_mentoring_store_save_session (f->store, series, &error));
  g_assert_no_error (error);
  g_clear_object (&again);
  again = get_meeting (f, id, "2026-12-21T10:00:00");
  g_clear_pointer (&agenda, g_free);
  agenda = agenda_string (bmb_meeting_get_agenda (again));
  g_assert_cmpstr (agenda, ==, "Mock interview+|Progress on goals|Salary negotiation");
  g_clear_object (&dec07);
  dec07 = get_meeting (f, id, "2026-12-07T10:00:00");
  g_clear_pointer (&other, g_free);
  other = agenda_string (bmb_meeting_get_agenda (dec07));
  g_assert_cmpstr (other, ==, "Mock interview|Progress on goals|Reading list");

  /* Removing an action item from the list and saving deletes it; order is kept. */
  bmb_meeting_remove_action_item (again, 0);
  bmb_meeting_append_action_item (again, BMB_ACTION_OWNER_MENTEE, "Update LinkedIn");
  bmb_meeting_move_action_item (again, 1, 0);
  g_assert_true (bmb_mentoring_store_save_meeting (f->store, again, &error));
  g_assert_no_error (error);
  g_clear_object (&dec21);
  dec21 = get_meeting (f, id, "2026-12-21T10:00:00");
  g_clear_pointer (&actions, g_free);
  actions = actions_string (bmb_meeting_get_action_items (dec21));
  g_assert_cmpstr (actions, ==, "mentee:Update LinkedIn|mentor:Introduce him to Rina");
  g_assert_cmpint (count_rows (f->db, "SELECT count(*) FROM action_items"), ==, 2);

  /* Not an occurrence of the series. */
  g_assert_null (bmb_mentoring_store_get_meeting (f->store, id, "2026-12-22T10:00:00", &error));
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_NOT_FOUND);
}

static void
test_move_cancel_delete_keep_record (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(BmbSession) weekly = add_weekly (f, f->relationship_id, "Mentoring",
                                             "2026-12-07T10:00:00");
  g_autoptr(BmbMeeting) meeting = NULL;
  g_autoptr(BmbMeeting) moved = NULL;
  g_autoptr(GDateTime) wednesday = jakarta (2026, 12, 16, 14, 0);
  g_autoptr(GError) error = NULL;
  gint64 id = bmb_session_get_id (weekly);

  meeting = get_meeting (f, id, "2026-12-14T10:00:00");
  bmb_meeting_set_notes (meeting, "Talked about the move to Surabaya");
  bmb_meeting_append_action_item (meeting, BMB_ACTION_OWNER_MENTEE, "Ask HR about relocation");
  g_assert_true (bmb_mentoring_store_save_meeting (f->store, meeting, &error));
  g_assert_no_error (error);

  /* Moved to Wednesday 14:00 for 90 minutes: same record. */
  g_assert_true (bmb_mentoring_store_move_meeting (f->store, id, "2026-12-14T10:00:00", wednesday,
                                                   90, &error));
  g_assert_no_error (error);
  moved = get_meeting (f, id, "2026-12-14T10:00:00");
  g_assert_true (g_date_time_equal (bmb_meeting_get_start (moved), wednesday));
  g_assert_cmpint (bmb_occurrence_get_duration_min (bmb_meeting_get_occurrence (moved)), ==, 90);
  g_assert_cmpstr (bmb_meeting_get_notes (moved), ==, "Talked about the move to Surabaya");
  g_assert_cmpuint (g_list_model_get_n_items (bmb_meeting_get_action_items (moved)), ==, 1);

  /* Cancelled: still the same record, status cancelled. */
  g_assert_true (bmb_mentoring_store_cancel_meeting (f->store, id, "2026-12-14T10:00:00", &error));
  g_assert_no_error (error);
  g_clear_object (&moved);
  moved = get_meeting (f, id, "2026-12-14T10:00:00");
  g_assert_cmpint (bmb_meeting_get_status (moved), ==, BMB_SESSION_STATUS_CANCELLED);
  g_assert_cmpstr (bmb_meeting_get_notes (moved), ==, "Talked about the move to Surabaya");
  g_assert_true (bmb_meeting_get_has_record (moved));

  /* Reverting the move keeps the record too. */
  g_assert_true (bmb_mentoring_store_revert_occurrence (f->store, id, "2026-12-14T10:00:00", &error));
  g_clear_object (&moved);
  moved = get_meeting (f, id, "2026-12-14T10:00:00");
  g_assert_cmpint (g_date_time_get_hour (bmb_meeting_get_start (moved)), ==, 10);
  g_assert_cmpstr (bmb_meeting_get_notes (moved), ==, "Talked about the move to Surabaya");

  /* Deleting the record: the occurrence reads as the standing agenda again. */
  g_assert_true (bmb_mentoring_store_delete_meeting (f->store, id, "2026-12-14T10:00:00", &error));
  g_assert_no_error (error);
  g_clear_object (&moved);
  moved = get_meeting (f, id, "2026-12-14T10:00:00");
  g_assert_false (bmb_meeting_get_has_record (moved));
  g_assert_null (bmb_meeting_get_notes (moved));
  g_assert_cmpuint (g_list_model_get_n_items (bmb_meeting_get_action_items (moved)), ==, 0);
  g_assert_cmpint (count_rows (f->db, "SELECT count(*) FROM meetings"), ==, 0);
  g_assert_cmpint (count_rows (f->db, "SELECT count(*) FROM action_items"), ==, 0);
}

static void
test_one_off_record_follows_its_start (Fixture       *f,
                                       gconstpointer  data)
{
  g_autoptr(BmbSession) once = bmb_session_new ();
  g_autoptr(BmbMeeting) meeting = NULL;
  g_autoptr(BmbMeeting) moved = NULL;
  g_autoptr(GDateTime) later = jakarta (2026, 12, 10, 15, 0);
  g_autoptr(GError) error = NULL;

  bmb_session_set_title (once, "Coffee");
  bmb_session_set_start_local (once, "2026-12-09T09:00:00");
  bmb_session_set_tzid (once, "Asia/Jakarta");
  bmb_session_set_relationship_id (once, f->relationship_id);
  g_assert_true (bmb_mentoring_store_save_session (f->store, once, &error));

  meeting = get_meeting (f, bmb_session_get_id (once), "2026-12-09T09:00:00");
  bmb_meeting_set_notes (meeting, "She wants to lead a team");
  bmb_meeting_append_agenda_item (meeting, "Career plan");
  g_assert_true (bmb_mentoring_store_save_meeting (f->store, meeting, &error));
  g_assert_no_error (error);

  g_assert_true (bmb_mentoring_store_move_meeting (f->store, bmb_session_get_id (once),
                                                   "2026-12-09T09:00:00", later, 0, &error));
  g_assert_no_error (error);
  moved = get_meeting (f, bmb_session_get_id (once), "2026-12-10T15:00:00");
  g_assert_true (bmb_meeting_get_has_record (moved));
  g_assert_cmpstr (bmb_meeting_get_notes (moved), ==, "She wants to lead a team");
  g_assert_cmpuint (g_list_model_get_n_items (bmb_meeting_get_agenda (moved)), ==, 1);
  g_assert_cmpint (count_rows (f->db, "SELECT count(*) FROM meetings"), ==, 1);
}

static void
test_action_item_positions (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *order = NULL;
  const char *texts[] = { "First", "Second", "Third" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(BmbActionItem) item = bmb_action_item_new (BMB_ACTION_OWNER_MENTEE, texts[i]);

      bmb_action_item_set_relationship_id (item, f->relationship_id);
      g_assert_true (bmb_mentoring_store_save_action_item (f->store, item, &error));
      g_assert_no_error (error);
      g_assert_cmpint (bmb_action_item_get_position (item), ==, (int)i);
    }

  /* A new item given a position goes there, not last. */
  {
    g_autoptr(BmbActionItem) item = bmb_action_item_new (BMB_ACTION_OWNER_MENTOR, "Urgent");

    bmb_action_item_set_relationship_id (item, f->relationship_id);
    bmb_action_item_set_position (item, 1);
    g_assert_true (bmb_mentoring_store_save_action_item (f->store, item, &error));
    g_assert_no_error (error);
    g_assert_cmpint (bmb_action_item_get_position (item), ==, 1);
  }

  items = bmb_mentoring_store_list_action_items (f->store, f->relationship_id, 0, &error);
  g_assert_no_error (error);
  order = array_actions_string (items);
  g_assert_cmpstr (order, ==, "mentee:First|mentor:Urgent|mentee:Second|mentee:Third");
}

/* ---- Carry-over ------------------------------------------------------------------ */

static void
test_carry_over (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(BmbSession) weekly = add_weekly (f, f->relationship_id, "Mentoring",
                                             "2026-12-07T10:00:00");
  g_autoptr(BmbMeeting) dec07 = NULL;
  g_autoptr(BmbMeeting) previous = NULL;
  g_autoptr(BmbMeeting) dec14 = NULL;
  g_autoptr(GPtrArray) agenda = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(GArray) agenda_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) action_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(BmbAgendaItem) ticked = NULL;
  g_autoptr(BmbActionItem) done = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *open = NULL;
  g_autofree char *carried_agenda = NULL;
  g_autofree char *carried_actions = NULL;
  g_autofree char *left = NULL;
  gint64 id = bmb_session_get_id (weekly);
  gint64 other_item;

  /* A promise on the other relationship must never show up here. */
  {
    g_autoptr(BmbActionItem) item = bmb_action_item_new (BMB_ACTION_OWNER_MENTEE, "Siti's task");

    bmb_action_item_set_relationship_id (item, f->other_relationship_id);
    g_assert_true (bmb_mentoring_store_save_action_item (f->store, item, &error));
    other_item = bmb_action_item_get_id (item);
  }

  /* 7 December: mock interview done, goals not discussed; three action items, one done. */
  dec07 = get_meeting (f, id, "2026-12-07T10:00:00");
  ticked = g_list_model_get_item (bmb_meeting_get_agenda (dec07), 0);
  bmb_agenda_item_set_done (ticked, TRUE);
  bmb_meeting_append_agenda_item (dec07, "Portfolio review");
  bmb_meeting_append_action_item (dec07, BMB_ACTION_OWNER_MENTOR, "Find a mock interviewer");
  bmb_meeting_append_action_item (dec07, BMB_ACTION_OWNER_MENTEE, "Draft the portfolio");
  done = g_object_ref (bmb_meeting_append_action_item (dec07, BMB_ACTION_OWNER_MENTEE, "Read the book"));
  bmb_action_item_set_done (done, TRUE);
  g_assert_true (bmb_mentoring_store_save_meeting (f->store, dec07, &error));
  g_assert_no_error (error);

  /* Opening 14 December offers what 7 December left open, both sides. */
  g_assert_true (bmb_mentoring_store_list_carry_over (f->store, id, "2026-12-14T10:00:00",
                                                      &previous, &agenda, &actions, &error));
  g_assert_no_error (error);
  g_assert_nonnull (previous);
  g_assert_cmpstr (bmb_meeting_get_recurrence_id (previous), ==, "2026-12-07T10:00:00");
  /* "Progress on goals" is on the standing agenda, so 14 December has it already. */
  g_assert_cmpuint (agenda->len, ==, 1);
  g_assert_cmpstr (bmb_agenda_item_get_text (g_ptr_array_index (agenda, 0)), ==, "Portfolio review");
  open = array_actions_string (actions);
  g_assert_cmpstr (open, ==, "mentor:Find a mock interviewer|mentee:Draft the portfolio");

  /* Carry the agenda item and the mentor's action item over. */
  g_array_append_val (agenda_ids, *(gint64[]) { bmb_agenda_item_get_id (g_ptr_array_index (agenda, 0)) });
  g_array_append_val (action_ids, *(gint64[]) { bmb_action_item_get_id (g_ptr_array_index (actions, 0)) });
  dec14 = bmb_mentoring_store_carry_over (f->store, id, "2026-12-14T10:00:00", agenda_ids,
                                          action_ids, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dec14);
  g_assert_true (bmb_meeting_get_has_record (dec14));
  carried_agenda = agenda_string (bmb_meeting_get_agenda (dec14));
  g_assert_cmpstr (carried_agenda, ==, "Mock interview|Progress on goals|Portfolio review");
  carried_actions = actions_string (bmb_meeting_get_action_items (dec14));
  g_assert_cmpstr (carried_actions, ==, "mentor:Find a mock interviewer");

  /* 7 December keeps its own agenda item; the action item moved. */
  g_clear_object (&dec07);
  dec07 = get_meeting (f, id, "2026-12-07T10:00:00");
  g_assert_cmpuint (g_list_model_get_n_items (bmb_meeting_get_agenda (dec07)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (bmb_meeting_get_action_items (dec07)), ==, 2);

  /* Asking again offers only what is left. */
  g_clear_object (&previous);
  g_clear_pointer (&agenda, g_ptr_array_unref);
  g_clear_pointer (&actions, g_ptr_array_unref);
  g_assert_true (bmb_mentoring_store_list_carry_over (f->store, id, "2026-12-14T10:00:00",
                                                      &previous, &agenda, &actions, &error));
  g_assert_cmpuint (agenda->len, ==, 0);
  left = array_actions_string (actions);
  g_assert_cmpstr (left, ==, "mentee:Draft the portfolio");
  for (guint i = 0; i < actions->len; i++)
    g_assert_cmpint (bmb_action_item_get_id (g_ptr_array_index (actions, i)), !=, other_item);

  /* The first meeting has no previous one. */
  g_clear_object (&previous);
  previous = bmb_mentoring_store_get_previous_meeting (f->store, id, "2026-12-07T10:00:00", &error);
  g_assert_no_error (error);
  g_assert_null (previous);
}

/* ---- History --------------------------------------------------------------------- */

static char *
meetings_string (GPtrArray *meetings)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < meetings->len; i++)
    {
      BmbMeeting *meeting = g_ptr_array_index (meetings, i);
      g_autofree char *day = g_date_time_format (bmb_meeting_get_start (meeting), "%m-%d");

      g_string_append_printf (out, "%s%s %s", i ? ", " : "", day, bmb_meeting_get_title (meeting));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_history_pages (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(BmbSession) weekly = add_weekly (f, f->relationship_id, "Mentoring",
                                             "2026-06-01T10:00:00");
  g_autoptr(BmbSession) G_GNUC_UNUSED siti = add_weekly (f, f->other_relationship_id, "Siti",
                                           "2026-11-04T10:00:00");
  g_autoptr(GDateTime) before = jakarta (2026, 12, 9, 0, 0);
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) rest = NULL;
  g_autoptr(BmbMeeting) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first_s = NULL;
  g_autofree char *second_s = NULL;
  g_autofree char *all_s = NULL;
  guint total = 0;
  BmbMeeting *after = NULL;

  record = get_meeting (f, bmb_session_get_id (weekly), "2026-11-30T10:00:00");
  bmb_meeting_set_notes (record, "\n  Reviewed his CV  \nand more");
  bmb_meeting_set_status (record, BMB_SESSION_STATUS_DONE);
  bmb_meeting_append_action_item (record, BMB_ACTION_OWNER_MENTEE, "Send the CV");
  g_assert_true (bmb_mentoring_store_save_meeting (f->store, record, &error));
  g_assert_true (bmb_mentoring_store_cancel_meeting (f->store, bmb_session_get_id (weekly),
                                                     "2026-11-23T10:00:00", &error));

  first = bmb_mentoring_store_list_past_meetings (f->store, f->relationship_id, before, NULL, 3,
                                                  &error);
  g_assert_no_error (error);
  first_s = meetings_string (first);
  g_assert_cmpstr (first_s, ==, "12-07 Mentoring, 11-30 Mentoring, 11-23 Mentoring");
  {
    BmbMeeting *nov30 = g_ptr_array_index (first, 1);
    g_autofree char *line = bmb_meeting_dup_notes_first_line (nov30);

    g_assert_cmpstr (line, ==, "Reviewed his CV");
    g_assert_cmpint (bmb_meeting_get_status (nov30), ==, BMB_SESSION_STATUS_DONE);
    g_assert_cmpuint (g_list_model_get_n_items (bmb_meeting_get_action_items (nov30)), ==, 1);
    g_assert_cmpint (bmb_meeting_get_status (g_ptr_array_index (first, 2)), ==,
                     BMB_SESSION_STATUS_CANCELLED);
  }

  second = bmb_mentoring_store_list_past_meetings (f->store, f->relationship_id, before,
                                                   g_ptr_array_index (first, 2), 3, &error);
  g_assert_no_error (error);
  second_s = meetings_string (second);
  g_assert_cmpstr (second_s, ==, "11-16 Mentoring, 11-09 Mentoring, 11-02 Mentoring");

  /* Every session: both relationships, interleaved, newest first. */
  all = bmb_mentoring_store_list_past_meetings (f->store, 0, before, NULL, 4, &error);
  g_assert_no_error (error);
  all_s = meetings_string (all);
  g_assert_cmpstr (all_s, ==, "12-07 Mentoring, 12-02 Siti, 11-30 Mentoring, 11-25 Siti");

  /* Paging to the end reaches the first meeting exactly once each: 1 June … 7 December. */
  for (;;)
    {
      g_clear_pointer (&rest, g_ptr_array_unref);
      rest = bmb_mentoring_store_list_past_meetings (f->store, f->relationship_id, before, after,
                                                     7, &error);
      g_assert_no_error (error);
      total += rest->len;
      if (rest->len == 0)
        break;
      g_clear_object (&after);
      after = g_object_ref (g_ptr_array_index (rest, rest->len - 1));
    }
  g_assert_cmpuint (total, ==, 28);
  {
    g_autofree char *day = g_date_time_format (bmb_meeting_get_start (after), "%Y-%m-%d");

    g_assert_cmpstr (day, ==, "2026-06-01");
  }
  g_clear_object (&after);
}

/* ---- Search ---------------------------------------------------------------------- */

static void
test_search_returns_meetings (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(BmbSession) weekly = add_weekly (f, f->relationship_id, "Pendampingan",
                                             "2026-11-02T10:00:00");
  g_autoptr(BmbMeeting) record = NULL;
  g_autoptr(BmbMeeting) other = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) by_title = NULL;
  g_autoptr(GPtrArray) by_action = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = bmb_session_get_id (weekly);

  record = get_meeting (f, id, "2026-11-16T10:00:00");
  bmb_meeting_set_notes (record, "Reviewed his CV line by line");
  g_assert_true (bmb_mentoring_store_save_meeting (f->store, record, &error));
  other = get_meeting (f, id, "2026-11-23T10:00:00");
  bmb_meeting_set_notes (other, "Talked about salaries");
  bmb_meeting_append_action_item (other, BMB_ACTION_OWNER_MENTEE, "Call the recruiter");
  g_assert_true (bmb_mentoring_store_save_meeting (f->store, other, &error));
  g_assert_no_error (error);

  /* "CV" is in one meeting's notes: that meeting only, not every occurrence. */
  found = bmb_mentoring_store_search_meetings (f->store, "cv", 0, 50, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (bmb_meeting_get_session_id (g_ptr_array_index (found, 0)), ==, id);
  g_assert_cmpstr (bmb_meeting_get_recurrence_id (g_ptr_array_index (found, 0)), ==,
                   "2026-11-16T10:00:00");

  by_action = bmb_mentoring_store_search_meetings (f->store, "recruit", 0, 50, &error);
  g_assert_cmpuint (by_action->len, ==, 1);
  g_assert_cmpstr (bmb_meeting_get_recurrence_id (g_ptr_array_index (by_action, 0)), ==,
                   "2026-11-23T10:00:00");

  /* The series' title matches once, as one of its meetings. */
  by_title = bmb_mentoring_store_search_meetings (f->store, "pendampingan", 0, 50, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (by_title->len, ==, 1);
  g_assert_cmpint (bmb_meeting_get_session_id (g_ptr_array_index (by_title, 0)), ==, id);

  /* The older session search still finds the series by a meeting's notes. */
  sessions = bmb_mentoring_store_search_sessions (f->store, "cv", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, ==, 1);

  /* The agenda of a meeting is searchable; paging past the end returns nothing. */
  none = bmb_mentoring_store_search_meetings (f->store, "cv", 1, 50, &error);
  g_assert_cmpuint (none->len, ==, 0);
}

/* ---- The session editor's Save ------------------------------------------------------ */

static void
test_session_changes_on_a_meeting (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(BmbSession) weekly = add_weekly (f, f->relationship_id, "Mentoring",
                                             "2026-12-07T10:00:00");
  g_autoptr(BmbSessionChanges) changes = bmb_session_changes_new ();
  g_autoptr(BmbSessionChanges) legacy = bmb_session_changes_new ();
  g_autoptr(BmbOccurrence) occurrence = NULL;
  g_autoptr(BmbSession) session = NULL;
  g_autoptr(BmbMeeting) saved = NULL;
  g_autoptr(BmbMeeting) untouched = NULL;
  g_autoptr(BmbMeeting) legacy_meeting = NULL;
  g_autoptr(BmbOccurrence) legacy_occurrence = NULL;
  g_autoptr(BmbAgendaItem) tick = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *agenda = NULL;
  g_autofree char *standing = NULL;
  gint64 id = bmb_session_get_id (weekly);

  session = bmb_mentoring_store_get_session (f->store, id, &error);
  occurrence = bmb_mentoring_store_get_occurrence (f->store, id, "2026-12-21T10:00:00", &error);
  g_assert_no_error (error);
  changes->meeting = get_meeting (f, id, "2026-12-21T10:00:00");
  tick = g_list_model_get_item (bmb_meeting_get_agenda (changes->meeting), 0);
  bmb_agenda_item_set_done (tick, TRUE);
  bmb_occurrence_set_notes (occurrence, "Mock interview went well");
  bmb_meeting_set_notes (changes->meeting, "Mock interview went well");
  bmb_meeting_append_action_item (changes->meeting, BMB_ACTION_OWNER_MENTEE, "Practise answers");

  g_assert_true (bmb_mentoring_store_save_session_changes (f->store, session, occurrence, changes,
                                                           &error));
  g_assert_no_error (error);

  saved = get_meeting (f, id, "2026-12-21T10:00:00");
  agenda = agenda_string (bmb_meeting_get_agenda (saved));
  g_assert_cmpstr (agenda, ==, "Mock interview+|Progress on goals");
  g_assert_cmpstr (bmb_meeting_get_notes (saved), ==, "Mock interview went well");
  g_assert_cmpuint (g_list_model_get_n_items (bmb_meeting_get_action_items (saved)), ==, 1);

  untouched = get_meeting (f, id, "2026-12-07T10:00:00");
  g_clear_pointer (&agenda, g_free);
  agenda = agenda_string (bmb_meeting_get_agenda (untouched));
  g_assert_cmpstr (agenda, ==, "Mock interview|Progress on goals");
  g_assert_null (bmb_meeting_get_notes (untouched));
  g_clear_object (&session);
  session = bmb_mentoring_store_get_session (f->store, id, &error);
  standing = agenda_string (bmb_session_get_agenda (session));
  g_assert_cmpstr (standing, ==, "Mock interview|Progress on goals");

  /* The older action-item list attaches new items to the edited occurrence's meeting. */
  legacy_occurrence = bmb_mentoring_store_get_occurrence (f->store, id, "2026-12-14T10:00:00", &error);
  g_ptr_array_add (legacy->action_items, bmb_action_item_new (BMB_ACTION_OWNER_MENTOR, "Book a room"));
  g_assert_true (bmb_mentoring_store_save_session_changes (f->store, session, legacy_occurrence,
                                                           legacy, &error));
  g_assert_no_error (error);
  legacy_meeting = get_meeting (f, id, "2026-12-14T10:00:00");
  g_assert_true (bmb_meeting_get_has_record (legacy_meeting));
  g_assert_cmpuint (g_list_model_get_n_items (bmb_meeting_get_action_items (legacy_meeting)), ==, 1);
  g_clear_pointer (&agenda, g_free);
  agenda = agenda_string (bmb_meeting_get_agenda (legacy_meeting));
  g_assert_cmpstr (agenda, ==, "Mock interview|Progress on goals");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Jakarta", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/meetings/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("record-per-occurrence", test_record_per_occurrence);
  ADD ("move-cancel-delete", test_move_cancel_delete_keep_record);
  ADD ("one-off-follows-start", test_one_off_record_follows_its_start);
  ADD ("action-item-positions", test_action_item_positions);
  ADD ("carry-over", test_carry_over);
  ADD ("history-pages", test_history_pages);
  ADD ("search", test_search_returns_meetings);
  ADD ("session-changes", test_session_changes_on_a_meeting);

  return g_test_run ();
}
