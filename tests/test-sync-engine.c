/* test-sync-engine.c
 *
 * Copyright 2026 The Bimbing Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sync engine: two Bimbing databases syncing through one in-memory server (a
 * calendar and an address book, tests/bmb-fake-remote.c). Items made on one appear on
 * the other; edits merge; conflicts resolve as specified; deletes travel both ways;
 * stale tokens, failing servers and the mass-deletion guard; the request count of a
 * sync with nothing to do; other clients' properties survive; a deleted item's UID is
 * not used again (test-sync-readers.c: what other clients read). Each test runs twice: with
 * sync-collection, and with ctag and etag listings only.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "bmb-contact-store.h"
#include "bmb-fake-remote.h"
#include "bmb-goal-store.h"
#include "bmb-ics-export.h"
#include "bmb-mentoring-store.h"
#include "bmb-sync-engine.h"
#include "bmb-test-utils.h"

#define CAL_URL "/dav/calendars/ana/bimbing/"
#define BOOK_URL "/dav/addressbooks/ana/bimbing/"

typedef struct
{
  BmbDatabase       *db;
  BmbSyncEngine     *engine;
  BmbMentoringStore *mentoring;
  BmbGoalStore      *goals;
  BmbContactStore   *contacts;
} Side;

typedef struct
{
  Side           a;
  Side           b;
  BmbFakeRemote *calendar;
  BmbFakeRemote *book;
  guint          confirms;
  gboolean       confirm_answer;
} Fixture;

static void
side_init (Side *side)
{
  side->db = bmb_test_open_tmp_database (NULL);
  side->engine = bmb_sync_engine_new (side->db);
  side->mentoring = bmb_mentoring_store_new (side->db);
  side->goals = bmb_goal_store_new (side->db);
  side->contacts = bmb_contact_store_new (side->db);
}

static void
side_clear (Side *side)
{
  g_clear_object (&side->engine);
  g_clear_object (&side->mentoring);
  g_clear_object (&side->goals);
  g_clear_object (&side->contacts);
  g_clear_object (&side->db);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  side_init (&fixture->a);
  side_init (&fixture->b);
  fixture->calendar = bmb_fake_remote_new (BMB_SYNC_COLLECTION_CALENDAR, CAL_URL);
  fixture->book = bmb_fake_remote_new (BMB_SYNC_COLLECTION_ADDRESS_BOOK, BOOK_URL);
  if (data != NULL)
    {
      /* The variant without sync-collection: ctag, then etag listings. */
      bmb_fake_remote_set_sync_collection (fixture->calendar, FALSE);
      bmb_fake_remote_set_sync_collection (fixture->book, FALSE);
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  side_clear (&fixture->a);
  side_clear (&fixture->b);
  g_clear_object (&fixture->calendar);
  g_clear_object (&fixture->book);
}

static BmbSyncResult *
sync_remote (Side          *side,
             BmbFakeRemote *remote)
{
  g_autoptr(GError) error = NULL;
  BmbSyncResult *result = bmb_sync_engine_sync (side->engine, BMB_SYNC_REMOTE (remote), 1, NULL,
                                                &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static void
sync_side (Fixture *fixture,
           Side    *side)
{
  g_autoptr(BmbSyncResult) cal = sync_remote (side, fixture->calendar);
  g_autoptr(BmbSyncResult) book = sync_remote (side, fixture->book);
}

/* A then B then A: everything settled on both. */
static void
sync_all (Fixture *fixture)
{
  sync_side (fixture, &fixture->a);
  sync_side (fixture, &fixture->b);
  sync_side (fixture, &fixture->a);
}

/* ---- Making things ------------------------------------------------------------------- */

static BmbSession *
make_session (Side       *side,
              const char *title,
              gboolean    weekly)
{
  g_autoptr(GError) error = NULL;
  BmbSession *session = bmb_session_new ();

  bmb_session_set_title (session, title);
  bmb_session_set_start_local (session, "2026-12-14T10:00:00");
  bmb_session_set_tzid (session, "Asia/Jakarta");
  bmb_session_set_duration_min (session, 60);
  bmb_session_set_location (session, "Kafe Tjikini");
  bmb_session_set_notes (session, "Bring the CV.");
  if (weekly)
    bmb_session_set_rrule (session, "FREQ=WEEKLY;COUNT=6");
  bmb_session_append_agenda_item (session, "Review the goals");
  g_assert_true (bmb_mentoring_store_save_session (side->mentoring, session, &error));
  g_assert_no_error (error);
  return session;
}

static BmbSession *
find_session (Side       *side,
              const char *uid)
{
  g_autoptr(GError) error = NULL;
  BmbSession *session = bmb_mentoring_store_find_session_by_uid (side->mentoring, uid, &error);

  g_assert_no_error (error);
  return session;
}

static BmbContact *
make_contact (Side       *side,
              const char *name,
              const char *email)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbInteraction) interaction = NULL;
  BmbContact *contact = bmb_contact_new ();

  bmb_contact_set_display_name (contact, name);
  bmb_contact_set_organization (contact, "Gojek");
  bmb_contact_set_notes (contact, "Met at PyCon ID.");
  g_assert_true (bmb_contact_add_field (contact, BMB_CONTACT_FIELD_EMAIL, "work", email, TRUE));
  g_assert_true (bmb_contact_store_insert (side->contacts, contact, &error));
  g_assert_no_error (error);

  interaction = bmb_interaction_new (bmb_contact_get_id (contact), "2026-11-02",
                                     BMB_INTERACTION_CHANNEL_CALL, "Talked about the offer; yes");
  g_assert_true (bmb_contact_store_add_interaction (side->contacts, interaction, &error));
  g_assert_no_error (error);
  return contact;
}

static BmbContact *
find_contact (Side       *side,
              const char *uid)
{
  g_autoptr(GError) error = NULL;
  BmbContact *contact = bmb_contact_store_get_by_uid (side->contacts, uid, &error);

  g_assert_no_error (error);
  return contact;
}

static BmbGoal *
make_goal (Side       *side,
           const char *title)
{
  g_autoptr(GError) error = NULL;
  BmbGoal *goal = bmb_goal_new (title);

  bmb_goal_set_specific (goal, "Ship the first release");
  bmb_goal_set_measurable (goal, "Ten users");
  bmb_goal_set_due_on (goal, "2027-03-31");
  bmb_goal_set_progress (goal, 20);
  g_assert_true (bmb_goal_store_insert (side->goals, goal, &error));
  g_assert_no_error (error);
  return goal;
}

static GPtrArray *
all_goals (Side *side)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *goals = bmb_goal_store_list (side->goals, BMB_GOAL_ANY_RELATIONSHIP, &error);

  g_assert_no_error (error);
  return goals;
}

static gint64
count_rows (Side       *side,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM %s", table);
  sqlite3_stmt *stmt = bmb_database_prepare (side->db, sql, NULL);
  gint64 n;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

/* ---- Tests --------------------------------------------------------------------------- */

static void
test_created_items_travel (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(BmbSession) session = make_session (&fixture->a, "Mentoring with Sari", TRUE);
  g_autoptr(BmbContact) contact = make_contact (&fixture->a, "Sari Wulandari", "sari@example.id");
  g_autoptr(BmbGoal) goal = make_goal (&fixture->a, "Lead a team");
  g_autoptr(BmbActionItem) action = bmb_action_item_new (BMB_ACTION_OWNER_MENTEE,
                                                         "Send the draft to Sari");
  g_autoptr(BmbSyncResult) result = NULL;
  g_autoptr(BmbSession) other = NULL;
  g_autoptr(BmbContact) other_contact = NULL;
  g_autoptr(GPtrArray) goals = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(GPtrArray) interactions = NULL;
  g_autoptr(GError) error = NULL;
  BmbGoal *other_goal;
  BmbActionItem *other_action;

  bmb_action_item_set_session_id (action, bmb_session_get_id (session));
  bmb_action_item_set_due_on (action, "2026-12-20");
  g_assert_true (bmb_mentoring_store_save_action_item (fixture->a.mentoring, action, &error));
  g_assert_no_error (error);

  result = sync_remote (&fixture->a, fixture->calendar);
  g_assert_cmpuint (bmb_sync_result_get_sent (result), ==, 3);
  g_clear_object (&result);
  result = sync_remote (&fixture->a, fixture->book);
  g_assert_cmpuint (bmb_sync_result_get_sent (result), ==, 1);
  g_assert_cmpuint (bmb_fake_remote_get_n_resources (fixture->calendar), ==, 3);
  g_assert_cmpuint (bmb_fake_remote_get_n_resources (fixture->book), ==, 1);
  g_clear_object (&result);

  /* New items go to <uid>.ics / .vcf. */
  {
    g_autofree char *uuid = g_strndup (bmb_session_get_uid (session),
                                       strcspn (bmb_session_get_uid (session), "@"));
    g_autofree char *href = g_strconcat (CAL_URL, uuid, ".ics", NULL);

    g_assert_nonnull (bmb_fake_remote_get_data (fixture->calendar, href));
  }

  result = sync_remote (&fixture->b, fixture->calendar);
  g_assert_cmpuint (bmb_sync_result_get_received (result), ==, 3);
  g_assert_cmpuint (bmb_sync_result_get_sent (result), ==, 0);
  g_clear_object (&result);
  result = sync_remote (&fixture->b, fixture->book);
  g_assert_cmpuint (bmb_sync_result_get_received (result), ==, 1);

  other = find_session (&fixture->b, bmb_session_get_uid (session));
  g_assert_nonnull (other);
  g_assert_cmpstr (bmb_session_get_title (other), ==, "Mentoring with Sari");
  g_assert_cmpstr (bmb_session_get_rrule (other), ==, "FREQ=WEEKLY;COUNT=6");
  g_assert_cmpstr (bmb_session_get_location (other), ==, "Kafe Tjikini");
  g_assert_cmpuint (g_list_model_get_n_items (bmb_session_get_agenda (other)), ==, 1);

  other_contact = find_contact (&fixture->b, bmb_contact_get_uid (contact));
  g_assert_nonnull (other_contact);
  g_assert_cmpstr (bmb_contact_get_organization (other_contact), ==, "Gojek");
  g_assert_cmpuint (bmb_contact_get_fields (other_contact)->len, ==, 1);
  interactions = bmb_contact_store_list_interactions (fixture->b.contacts,
                                                      bmb_contact_get_id (other_contact), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (interactions->len, ==, 1);
  g_assert_cmpstr (bmb_interaction_get_summary (g_ptr_array_index (interactions, 0)), ==,
                   "Talked about the offer; yes");

  goals = all_goals (&fixture->b);
  g_assert_cmpuint (goals->len, ==, 1);
  other_goal = g_ptr_array_index (goals, 0);
  g_assert_cmpstr (bmb_goal_get_title (other_goal), ==, "Lead a team");
  g_assert_cmpstr (bmb_goal_get_measurable (other_goal), ==, "Ten users");
  g_assert_cmpstr (bmb_goal_get_due_on (other_goal), ==, "2027-03-31");
  g_assert_cmpuint (bmb_goal_get_progress (other_goal), ==, 20);

  actions = bmb_mentoring_store_list_action_items (fixture->b.mentoring, 0,
                                                   bmb_session_get_id (other), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (actions->len, ==, 1);
  other_action = g_ptr_array_index (actions, 0);
  g_assert_cmpstr (bmb_action_item_get_text (other_action), ==, "Send the draft to Sari");
  g_assert_cmpstr (bmb_action_item_get_due_on (other_action), ==, "2026-12-20");

  /* B wrote nothing back: what it received is what it has. */
  g_assert_cmpint (count_rows (&fixture->b, "sync_dirty"), ==, 0);
}

static void
test_edits_merge (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(BmbSession) session = make_session (&fixture->a, "Weekly check-in", TRUE);
  g_autoptr(BmbSession) on_b = NULL;
  g_autoptr(BmbSession) on_a = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbSyncResult) result = NULL;

  sync_all (fixture);
  on_b = find_session (&fixture->b, bmb_session_get_uid (session));
  g_assert_nonnull (on_b);

  /* A renames it, B moves it to another café. */
  bmb_session_set_title (session, "Weekly check-in with Budi");
  g_assert_true (bmb_mentoring_store_save_session (fixture->a.mentoring, session, &error));
  bmb_session_set_location (on_b, "Perpustakaan Nasional");
  g_assert_true (bmb_mentoring_store_save_session (fixture->b.mentoring, on_b, &error));
  g_assert_no_error (error);

  sync_side (fixture, &fixture->a);
  result = sync_remote (&fixture->b, fixture->calendar);
  g_assert_cmpuint (bmb_sync_result_get_n_conflicts (result), ==, 0);
  sync_side (fixture, &fixture->a);

  g_clear_object (&on_b);
  on_b = find_session (&fixture->b, bmb_session_get_uid (session));
  on_a = find_session (&fixture->a, bmb_session_get_uid (session));
  g_assert_cmpstr (bmb_session_get_title (on_b), ==, "Weekly check-in with Budi");
  g_assert_cmpstr (bmb_session_get_location (on_b), ==, "Perpustakaan Nasional");
  g_assert_cmpstr (bmb_session_get_title (on_a), ==, "Weekly check-in with Budi");
  g_assert_cmpstr (bmb_session_get_location (on_a), ==, "Perpustakaan Nasional");
}

static void
test_same_field_conflicts (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(BmbSession) session = make_session (&fixture->a, "Career talk", FALSE);
  g_autoptr(BmbSession) on_b = NULL;
  g_autoptr(BmbSession) on_a = NULL;
  g_autoptr(BmbSyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *conflicts;

  sync_all (fixture);
  on_b = find_session (&fixture->b, bmb_session_get_uid (session));

  /* Both change the notes and the start: notes are Bimbing's (this side wins), the
   * start is scheduling (the server wins). */
  bmb_session_set_notes (session, "Notes written on A");
  bmb_session_set_start_local (session, "2026-12-14T11:00:00");
  g_assert_true (bmb_mentoring_store_save_session (fixture->a.mentoring, session, &error));
  bmb_session_set_notes (on_b, "Notes written on B");
  bmb_session_set_start_local (on_b, "2026-12-14T12:00:00");
  g_assert_true (bmb_mentoring_store_save_session (fixture->b.mentoring, on_b, &error));
  g_assert_no_error (error);

  sync_side (fixture, &fixture->a);
  result = sync_remote (&fixture->b, fixture->calendar);
  g_assert_cmpuint (bmb_sync_result_get_n_conflicts (result), >=, 2);
  conflicts = bmb_sync_result_get_conflicts (result);
  g_assert_nonnull (strstr (conflicts[0], "Career talk"));
  g_assert_true (g_strv_contains (conflicts, "“Career talk”: both this computer and the server changed the start; the server’s version was kept."));
  g_assert_true (g_strv_contains (conflicts, "“Career talk”: both this computer and the server changed the notes; this computer’s version was kept."));
  g_assert_cmpuint (bmb_sync_result_get_sent (result), ==, 1);
  sync_side (fixture, &fixture->a);

  g_clear_object (&on_b);
  on_b = find_session (&fixture->b, bmb_session_get_uid (session));
  on_a = find_session (&fixture->a, bmb_session_get_uid (session));
  g_assert_cmpstr (bmb_session_get_start_local (on_b), ==, "2026-12-14T11:00:00");
  g_assert_cmpstr (bmb_session_get_notes (on_b), ==, "Notes written on B");
  g_assert_cmpstr (bmb_session_get_start_local (on_a), ==, "2026-12-14T11:00:00");
  g_assert_cmpstr (bmb_session_get_notes (on_a), ==, "Notes written on B");

  /* The losing version is kept in the status row. */
  {
    sqlite3_stmt *stmt = bmb_database_prepare (fixture->b.db,
                                               "SELECT conflict FROM sync_items WHERE conflict IS NOT NULL",
                                               NULL);

    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_nonnull (strstr ((const char *)sqlite3_column_text (stmt, 0), "T120000"));
    sqlite3_reset (stmt);
  }
}

static void
test_conflict_on_412 (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(BmbSession) session = make_session (&fixture->a, "Portfolio review", FALSE);
  g_autoptr(BmbSession) on_a = NULL;
  g_autoptr(BmbSyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *href = NULL;
  g_autofree char *changed = NULL;
  g_autoptr(GString) other = NULL;
  const char *server;

  sync_all (fixture);
  href = g_strdup (bmb_fake_remote_find_by_uid (fixture->calendar, bmb_session_get_uid (session)));
  g_assert_nonnull (href);

  /* Another client changes the location between our pull and our PUT: the PUT gets 412,
   * the engine fetches, merges and writes both changes. */
  server = bmb_fake_remote_get_data (fixture->calendar, href);
  other = g_string_new (server);
  g_string_replace (other, "LOCATION:Kafe Tjikini", "LOCATION:Zoom", 1);
  changed = g_string_free (g_steal_pointer (&other), FALSE);
  bmb_fake_remote_fail_next_put (fixture->calendar, href, changed);

  bmb_session_set_title (session, "Portfolio review (final)");
  g_assert_true (bmb_mentoring_store_save_session (fixture->a.mentoring, session, &error));
  g_assert_no_error (error);
  result = sync_remote (&fixture->a, fixture->calendar);
  g_assert_cmpuint (bmb_sync_result_get_sent (result), ==, 1);
  g_assert_cmpuint (bmb_sync_result_get_n_conflicts (result), ==, 0);

  server = bmb_fake_remote_get_data (fixture->calendar, href);
  g_assert_nonnull (strstr (server, "LOCATION:Zoom"));
  g_assert_nonnull (strstr (server, "SUMMARY:Portfolio review (final)"));
  on_a = find_session (&fixture->a, bmb_session_get_uid (session));
  g_assert_cmpstr (bmb_session_get_location (on_a), ==, "Zoom");
}

static void
test_deletes_travel (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(BmbSession) session = make_session (&fixture->a, "Intro call", FALSE);
  g_autoptr(BmbContact) contact = make_contact (&fixture->a, "Dewi Lestari", "dewi@example.id");
  g_autoptr(BmbGoal) goal = make_goal (&fixture->a, "Speak at a meetup");
  g_autoptr(BmbSession) on_b = NULL;
  g_autoptr(BmbContact) contact_b = NULL;
  g_autoptr(GPtrArray) goals = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbSyncResult) result = NULL;
  BmbGoal *goal_b;

  sync_all (fixture);

  /* A deletes the contact; B deletes the session. */
  g_assert_true (bmb_contact_store_delete (fixture->a.contacts, bmb_contact_get_id (contact),
                                           NULL, &error));
  on_b = find_session (&fixture->b, bmb_session_get_uid (session));
  g_assert_true (bmb_mentoring_store_delete_session (fixture->b.mentoring,
                                                     bmb_session_get_id (on_b), &error));
  g_assert_no_error (error);

  result = sync_remote (&fixture->a, fixture->book);
  g_assert_cmpuint (bmb_sync_result_get_deleted_remote (result), ==, 1);
  g_assert_cmpuint (bmb_fake_remote_get_n_resources (fixture->book), ==, 0);
  g_clear_object (&result);
  sync_side (fixture, &fixture->b);
  sync_side (fixture, &fixture->a);

  contact_b = find_contact (&fixture->b, bmb_contact_get_uid (contact));
  g_assert_null (contact_b);
  g_clear_object (&on_b);
  on_b = find_session (&fixture->a, bmb_session_get_uid (session));
  g_assert_null (on_b);
  g_assert_null (bmb_fake_remote_find_by_uid (fixture->calendar, bmb_session_get_uid (session)));

  /* Edited on A, deleted on B: the edit wins and comes back to B. */
  goals = all_goals (&fixture->b);
  g_assert_cmpuint (goals->len, ==, 1);
  goal_b = g_ptr_array_index (goals, 0);
  g_assert_true (bmb_goal_store_delete (fixture->b.goals, bmb_goal_get_id (goal_b), &error));
  bmb_goal_set_title (goal, "Speak at two meetups");
  g_assert_true (bmb_goal_store_update (fixture->a.goals, goal, &error));
  g_assert_no_error (error);
  sync_side (fixture, &fixture->b);
  sync_side (fixture, &fixture->a);
  sync_side (fixture, &fixture->b);

  g_clear_pointer (&goals, g_ptr_array_unref);
  goals = all_goals (&fixture->b);
  g_assert_cmpuint (goals->len, ==, 1);
  g_assert_cmpstr (bmb_goal_get_title (g_ptr_array_index (goals, 0)), ==, "Speak at two meetups");
  g_clear_pointer (&goals, g_ptr_array_unref);
  goals = all_goals (&fixture->a);
  g_assert_cmpuint (goals->len, ==, 1);

  /* Tombstones keep the UIDs of what was deleted. */
  g_assert_cmpint (count_rows (&fixture->a, "sync_items WHERE tombstone = 1"), >=, 2);

  /* A session another client deletes takes its own action items along, here and there. */
  {
    g_autoptr(BmbSession) lunch = make_session (&fixture->a, "Lunch", FALSE);
    g_autoptr(BmbActionItem) todo = bmb_action_item_new (BMB_ACTION_OWNER_MENTOR, "Book a table");

    bmb_action_item_set_session_id (todo, bmb_session_get_id (lunch));
    g_assert_true (bmb_mentoring_store_save_action_item (fixture->a.mentoring, todo, &error));
    sync_all (fixture);
    g_assert_cmpint (count_rows (&fixture->b, "action_items"), ==, 1);
    g_assert_true (bmb_fake_remote_delete_resource (fixture->calendar,
                                                    bmb_fake_remote_find_by_uid (fixture->calendar,
                                                                                 bmb_session_get_uid (lunch))));
    sync_all (fixture);
    g_assert_cmpint (count_rows (&fixture->a, "action_items"), ==, 0);
    g_assert_cmpint (count_rows (&fixture->b, "action_items"), ==, 0);
    g_assert_cmpuint (bmb_fake_remote_get_n_resources (fixture->calendar), ==, 1);   /* the goal */
  }
}

static void
test_stale_token (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(BmbSession) session = make_session (&fixture->a, "Mock interview", FALSE);
  g_autoptr(BmbSession) on_b = NULL;
  g_autoptr(BmbSyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  sync_all (fixture);
  bmb_session_set_title (session, "Mock interview, round two");
  g_assert_true (bmb_mentoring_store_save_session (fixture->a.mentoring, session, &error));
  g_assert_no_error (error);
  sync_side (fixture, &fixture->a);

  bmb_fake_remote_invalidate_tokens (fixture->calendar);
  bmb_fake_remote_reset_requests (fixture->calendar);
  result = sync_remote (&fixture->b, fixture->calendar);
  g_assert_cmpuint (bmb_fake_remote_get_requests (fixture->calendar, "changes_since"), ==, 2);
  g_assert_cmpuint (bmb_sync_result_get_received (result), ==, 1);
  g_assert_cmpuint (bmb_sync_result_get_deleted_local (result), ==, 0);

  on_b = find_session (&fixture->b, bmb_session_get_uid (session));
  g_assert_cmpstr (bmb_session_get_title (on_b), ==, "Mock interview, round two");
}

static void
test_server_failure_loses_nothing (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(BmbSession) first = make_session (&fixture->a, "Kickoff", FALSE);
  g_autoptr(BmbSession) second = NULL;
  g_autoptr(BmbSession) third = NULL;
  g_autoptr(BmbSession) check = NULL;
  g_autoptr(BmbSyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 items_before;

  sync_all (fixture);
  second = make_session (&fixture->a, "Follow-up", FALSE);
  third = make_session (&fixture->a, "Wrap-up", FALSE);
  bmb_session_set_title (first, "Kickoff (moved)");
  g_assert_true (bmb_mentoring_store_save_session (fixture->a.mentoring, first, &error));
  g_assert_no_error (error);

  /* Unreachable from the first request. */
  bmb_fake_remote_set_failure (fixture->calendar, BMB_SYNC_ERROR_UNREACHABLE, 0);
  result = bmb_sync_engine_sync (fixture->a.engine, BMB_SYNC_REMOTE (fixture->calendar), 1, NULL,
                                 &error);
  g_assert_null (result);
  g_assert_error (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_UNREACHABLE);
  g_assert_nonnull (strstr (error->message, CAL_URL));
  g_clear_error (&error);

  /* A 500 half-way through the push: what went is recorded, the rest waits. */
  bmb_fake_remote_set_failure (fixture->calendar, BMB_SYNC_ERROR_SERVER, 3);
  items_before = count_rows (&fixture->a, "sync_items");
  result = bmb_sync_engine_sync (fixture->a.engine, BMB_SYNC_REMOTE (fixture->calendar), 1, NULL,
                                 &error);
  g_assert_null (result);
  g_assert_error (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_SERVER);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (&fixture->a, "sync_dirty"), >=, 1);
  g_assert_cmpint (count_rows (&fixture->a, "sync_items"), >=, items_before);
  /* Local data unchanged. */
  check = find_session (&fixture->a, bmb_session_get_uid (first));
  g_assert_cmpstr (bmb_session_get_title (check), ==, "Kickoff (moved)");
  g_clear_object (&check);
  check = find_session (&fixture->a, bmb_session_get_uid (third));
  g_assert_nonnull (check);
  g_clear_object (&check);

  /* Server back: the next sync completes, and B gets all three. */
  bmb_fake_remote_set_failure (fixture->calendar, -1, 0);
  sync_all (fixture);
  g_assert_cmpint (count_rows (&fixture->a, "sync_dirty"), ==, 0);
  g_assert_cmpuint (bmb_fake_remote_get_n_resources (fixture->calendar), ==, 3);
  check = find_session (&fixture->b, bmb_session_get_uid (first));
  g_assert_cmpstr (bmb_session_get_title (check), ==, "Kickoff (moved)");
  g_clear_object (&check);
  check = find_session (&fixture->b, bmb_session_get_uid (third));
  g_assert_nonnull (check);

  /* A failing pull on B leaves B's data and status as they were. */
  bmb_session_set_title (second, "Follow-up (online)");
  g_assert_true (bmb_mentoring_store_save_session (fixture->a.mentoring, second, &error));
  sync_side (fixture, &fixture->a);
  bmb_fake_remote_set_failure (fixture->calendar, BMB_SYNC_ERROR_SERVER, 2);   /* the fetch */
  result = bmb_sync_engine_sync (fixture->b.engine, BMB_SYNC_REMOTE (fixture->calendar), 1, NULL,
                                 &error);
  g_assert_error (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_SERVER);
  g_clear_error (&error);
  g_clear_object (&check);
  check = find_session (&fixture->b, bmb_session_get_uid (second));
  g_assert_cmpstr (bmb_session_get_title (check), ==, "Follow-up");
  bmb_fake_remote_set_failure (fixture->calendar, -1, 0);
  sync_side (fixture, &fixture->b);
  g_clear_object (&check);
  check = find_session (&fixture->b, bmb_session_get_uid (second));
  g_assert_cmpstr (bmb_session_get_title (check), ==, "Follow-up (online)");
}

static gboolean
confirm_cb (BmbSyncGuardReason  reason,
            guint               n_items,
            const char         *url,
            gpointer            user_data)
{
  Fixture *fixture = user_data;

  fixture->confirms++;
  return fixture->confirm_answer;
}

static void
test_mass_deletion_guard (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(BmbContact) one = make_contact (&fixture->a, "Agus Salim", "agus@example.id");
  g_autoptr(BmbContact) two = make_contact (&fixture->a, "Rina Siregar", "rina@example.id");
  g_autoptr(BmbSyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  sync_all (fixture);
  g_assert_cmpint (bmb_contact_store_count (fixture->b.contacts, NULL), ==, 2);

  /* The address book comes back empty: without an answer, nothing is deleted. */
  bmb_fake_remote_clear (fixture->book);
  result = bmb_sync_engine_sync (fixture->b.engine, BMB_SYNC_REMOTE (fixture->book), 1, NULL,
                                 &error);
  g_assert_null (result);
  g_assert_error (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_CANCELLED_BY_USER);
  g_clear_error (&error);
  g_assert_cmpint (bmb_contact_store_count (fixture->b.contacts, NULL), ==, 2);

  /* Asked, and refused. */
  bmb_sync_engine_set_confirm_func (fixture->b.engine, confirm_cb, fixture, NULL);
  fixture->confirm_answer = FALSE;
  result = bmb_sync_engine_sync (fixture->b.engine, BMB_SYNC_REMOTE (fixture->book), 1, NULL,
                                 &error);
  g_assert_error (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_CANCELLED_BY_USER);
  g_clear_error (&error);
  g_assert_cmpuint (fixture->confirms, ==, 1);
  g_assert_cmpint (bmb_contact_store_count (fixture->b.contacts, NULL), ==, 2);

  /* Asked, and allowed. */
  fixture->confirm_answer = TRUE;
  result = sync_remote (&fixture->b, fixture->book);
  g_assert_cmpuint (fixture->confirms, ==, 2);
  g_assert_cmpuint (bmb_sync_result_get_deleted_local (result), ==, 2);
  g_assert_cmpint (bmb_contact_store_count (fixture->b.contacts, NULL), ==, 0);
  g_clear_object (&result);

  /* A changed collection URL asks too; refused, nothing moves. */
  bmb_fake_remote_set_url (fixture->book, "/dav/addressbooks/ana/other/");
  fixture->confirm_answer = FALSE;
  bmb_sync_engine_set_confirm_func (fixture->a.engine, confirm_cb, fixture, NULL);
  result = bmb_sync_engine_sync (fixture->a.engine, BMB_SYNC_REMOTE (fixture->book), 1, NULL,
                                 &error);
  g_assert_error (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_CANCELLED_BY_USER);
  g_clear_error (&error);
  g_assert_cmpuint (fixture->confirms, ==, 3);
  g_assert_cmpint (bmb_contact_store_count (fixture->a.contacts, NULL), ==, 2);
}

static void
test_nothing_changed_costs_one_request (Fixture       *fixture,
                                        gconstpointer  data)
{
  g_autoptr(BmbSession) session = make_session (&fixture->a, "Quarterly review", TRUE);
  g_autoptr(BmbContact) contact = make_contact (&fixture->a, "Putri Ayu", "putri@example.id");
  g_autoptr(BmbGoal) goal = make_goal (&fixture->a, "Write a blog post");

  sync_all (fixture);
  sync_all (fixture);

  bmb_fake_remote_reset_requests (fixture->calendar);
  bmb_fake_remote_reset_requests (fixture->book);
  sync_side (fixture, &fixture->a);
  sync_side (fixture, &fixture->b);
  g_assert_cmpuint (bmb_fake_remote_get_requests (fixture->calendar, NULL), ==, 2);
  g_assert_cmpuint (bmb_fake_remote_get_requests (fixture->book, NULL), ==, 2);

  /* A server rewrite that changes etags but not content: no writes here. */
  bmb_fake_remote_touch_etags (fixture->calendar);
  {
    g_autoptr(BmbSyncResult) result = sync_remote (&fixture->b, fixture->calendar);

    g_assert_cmpuint (bmb_sync_result_get_received (result), ==, 0);
    g_assert_cmpuint (bmb_sync_result_get_sent (result), ==, 0);
  }
}

static void
test_foreign_properties_survive (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(BmbSession) session = make_session (&fixture->a, "Design critique", FALSE);
  g_autoptr(BmbSession) on_a = NULL;
  g_autoptr(GString) edited = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *href = NULL;
  const char *server;

  sync_all (fixture);
  href = g_strdup (bmb_fake_remote_find_by_uid (fixture->calendar, bmb_session_get_uid (session)));

  /* Another client adds its own property and a two-hour alarm. */
  edited = g_string_new (bmb_fake_remote_get_data (fixture->calendar, href));
  g_string_replace (edited, "END:VEVENT",
                    "X-OTHER-CLIENT-COLOR:teal\r\n"
                    "BEGIN:VALARM\r\nACTION:AUDIO\r\nTRIGGER:-PT2H\r\n"
                    "X-OTHER-ALARM-ID:7\r\nEND:VALARM\r\nEND:VEVENT", 1);
  bmb_fake_remote_put_resource (fixture->calendar, href, edited->str);
  sync_side (fixture, &fixture->a);

  /* A edits the notes and the title. */
  on_a = find_session (&fixture->a, bmb_session_get_uid (session));
  bmb_session_set_notes (on_a, "Bring the sketches.");
  bmb_session_set_title (on_a, "Design critique round two");
  g_assert_true (bmb_mentoring_store_save_session (fixture->a.mentoring, on_a, &error));
  g_assert_no_error (error);
  sync_side (fixture, &fixture->a);

  server = bmb_fake_remote_get_data (fixture->calendar, href);
  g_assert_nonnull (strstr (server, "DESCRIPTION:Bring the sketches."));
  g_assert_nonnull (strstr (server, "SUMMARY:Design critique round two"));
  g_assert_nonnull (strstr (server, "X-OTHER-CLIENT-COLOR:teal"));
  g_assert_nonnull (strstr (server, "X-OTHER-ALARM-ID:7"));
  g_assert_nonnull (strstr (server, "ACTION:AUDIO"));
}

static void
test_vcard3 (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(BmbContact) contact = make_contact (&fixture->a, "Bayu Pratama", "bayu@example.id");
  g_autoptr(BmbContact) on_b = NULL;
  g_autoptr(GPtrArray) hrefs = NULL;

  bmb_fake_remote_set_vcard4 (fixture->book, FALSE);
  sync_all (fixture);
  hrefs = bmb_fake_remote_list_hrefs (fixture->book);
  g_assert_cmpuint (hrefs->len, ==, 1);
  g_assert_nonnull (strstr (bmb_fake_remote_get_data (fixture->book, g_ptr_array_index (hrefs, 0)),
                            "VERSION:3.0"));
  g_assert_nonnull (strstr (bmb_fake_remote_get_data (fixture->book, g_ptr_array_index (hrefs, 0)),
                            "TYPE=pref"));
  on_b = find_contact (&fixture->b, bmb_contact_get_uid (contact));
  g_assert_nonnull (on_b);
  g_assert_cmpuint (bmb_contact_get_fields (on_b)->len, ==, 1);
}

/* A deleted item's UID is never used again: an old export imported again gets a new one. */
static void
test_deleted_uid_not_reused (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(BmbSession) session = make_session (&fixture->a, "Farewell lunch", FALSE);
  g_autofree char *old_uid = g_strdup (bmb_session_get_uid (session));
  g_autofree char *ics = NULL;
  g_autoptr(BmbIcsImportResult) imported = NULL;
  g_autoptr(BmbSession) again = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GError) error = NULL;

  sync_all (fixture);
  ics = bmb_ics_export_to_string (fixture->a.mentoring, 0, &error);
  g_assert_no_error (error);
  g_assert_true (bmb_mentoring_store_delete_session (fixture->a.mentoring,
                                                     bmb_session_get_id (session), &error));
  sync_all (fixture);
  g_assert_null (bmb_fake_remote_find_by_uid (fixture->calendar, old_uid));

  imported = bmb_ics_import_data (fixture->a.mentoring, ics, -1, "old.ics", 0, NULL, &error);
  g_assert_no_error (error);
  sync_side (fixture, &fixture->a);

  g_assert_null (bmb_fake_remote_find_by_uid (fixture->calendar, old_uid));
  g_assert_cmpuint (bmb_fake_remote_get_n_resources (fixture->calendar), ==, 1);
  sessions = bmb_mentoring_store_list_sessions (fixture->a.mentoring, 0, &error);
  g_assert_cmpuint (sessions->len, ==, 1);
  again = g_object_ref (g_ptr_array_index (sessions, 0));
  g_assert_cmpstr (bmb_session_get_uid (again), !=, old_uid);
  g_assert_nonnull (bmb_fake_remote_find_by_uid (fixture->calendar, bmb_session_get_uid (again)));
}

static void
on_sync_done_cb (GObject      *source,
                 GAsyncResult *res,
                 gpointer      user_data)
{
  BmbSyncResult **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = bmb_sync_engine_sync_finish (BMB_SYNC_ENGINE (source), res, &error);
  g_assert_no_error (error);
}

static gboolean
is_set (gpointer data)
{
  return *(gpointer *)data != NULL;
}

static void
on_changed_cb (BmbDatabase *db,
               guint        flags,
               guint       *out)
{
  *out |= flags;
}

/* Off the main thread: the database's ::changed tells the main connection's listeners. */
static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(BmbSession) session = make_session (&fixture->a, "Async", FALSE);
  BmbSyncResult *result = NULL;
  guint changed = 0;

  sync_side (fixture, &fixture->a);
  g_signal_connect (fixture->b.db, "changed", G_CALLBACK (on_changed_cb), &changed);
  bmb_sync_engine_sync_async (fixture->b.engine, BMB_SYNC_REMOTE (fixture->calendar), 1, NULL,
                              on_sync_done_cb, &result);
  g_assert_true (bmb_test_wait_for (is_set, &result, 10000));
  g_assert_cmpuint (bmb_sync_result_get_received (result), ==, 1);
  g_assert_true (changed & BMB_CHANGE_SESSIONS);
  g_object_unref (result);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Jakarta", TRUE);
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/sync/engine/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down); \
  g_test_add ("/sync/engine-listing/" path, Fixture, GINT_TO_POINTER (1), fixture_set_up, func, \
              fixture_tear_down)

  ADD ("created-items-travel", test_created_items_travel);
  ADD ("edits-merge", test_edits_merge);
  ADD ("same-field-conflicts", test_same_field_conflicts);
  ADD ("conflict-on-412", test_conflict_on_412);
  ADD ("deletes-travel", test_deletes_travel);
  g_test_add ("/sync/engine/stale-token", Fixture, NULL, fixture_set_up, test_stale_token,
              fixture_tear_down);
  ADD ("server-failure-loses-nothing", test_server_failure_loses_nothing);
  ADD ("mass-deletion-guard", test_mass_deletion_guard);
  ADD ("nothing-changed-costs-one-request", test_nothing_changed_costs_one_request);
  ADD ("foreign-properties-survive", test_foreign_properties_survive);
  g_test_add ("/sync/engine/vcard3", Fixture, NULL, fixture_set_up, test_vcard3,
              fixture_tear_down);
  g_test_add ("/sync/engine/deleted-uid-not-reused", Fixture, NULL, fixture_set_up,
              test_deleted_uid_not_reused, fixture_tear_down);
  g_test_add ("/sync/engine/async", Fixture, NULL, fixture_set_up, test_async,
              fixture_tear_down);

  return g_test_run ();
}
