/* test-sync-engine.c
 *
 * Copyright 2026 The Bimbing Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sync engine: two Bimbing databases syncing through one in-memory server
 * (tests/bmb-sync-fixture.c). Items made on one appear on the other; edits merge;
 * conflicts resolve as specified (the server wins for scheduling, this computer for
 * notes and Bimbing's own fields; the losing version kept); deletes travel both ways and
 * an edit beats a delete. Each test runs twice: with sync-collection, and with ctag and
 * etag listings only. test-sync-safety.c has failures, guards and costs.
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "bmb-sync-fixture.h"
#include "bmb-test-utils.h"

/* ---- Tests --------------------------------------------------------------------------- */

static void
test_created_items_travel (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(BmbSession) session = make_session (&fixture->a, "Mentoring with Sari", TRUE);
  g_autoptr(BmbContact) contact = make_contact (&fixture->a, "Sari Wulandari", "sari@example.id");
  g_autoptr(BmbGoal) G_GNUC_UNUSED goal = make_goal (&fixture->a, "Lead a team");
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

  /* A renames it and empties its agenda, B moves it to another café. */
  bmb_session_set_title (session, "Weekly check-in with Budi");
  g_list_store_remove_all (G_LIST_STORE (bmb_session_get_agenda (session)));
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
  g_assert_cmpuint (g_list_model_get_n_items (bmb_session_get_agenda (on_b)), ==, 0);
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

/* Deleted on one side, edited on the other: the edit wins, whichever syncs first. */
static void
test_edit_beats_delete (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(BmbSession) session = make_session (&fixture->a, "Resume clinic", FALSE);
  g_autoptr(BmbSession) on_b = NULL;
  g_autoptr(BmbSession) back = NULL;
  g_autoptr(BmbContact) contact = make_contact (&fixture->a, "Eko Saputra", "eko@example.id");
  g_autoptr(BmbContact) contact_b = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *href = NULL;
  g_autoptr(GString) edited = NULL;

  sync_all (fixture);

  /* B deletes the session; A renames it and syncs first. */
  on_b = find_session (&fixture->b, bmb_session_get_uid (session));
  g_assert_true (bmb_mentoring_store_delete_session (fixture->b.mentoring,
                                                     bmb_session_get_id (on_b), &error));
  bmb_session_set_title (session, "Resume clinic (bring two copies)");
  g_assert_true (bmb_mentoring_store_save_session (fixture->a.mentoring, session, &error));
  g_assert_no_error (error);
  sync_side (fixture, &fixture->a);
  sync_side (fixture, &fixture->b);
  back = find_session (&fixture->b, bmb_session_get_uid (session));
  g_assert_nonnull (back);
  g_assert_cmpstr (bmb_session_get_title (back), ==, "Resume clinic (bring two copies)");
  g_assert_nonnull (bmb_fake_remote_find_by_uid (fixture->calendar, bmb_session_get_uid (session)));

  /* B deletes the contact, another client edits it before B syncs: it comes back to B. */
  contact_b = find_contact (&fixture->b, bmb_contact_get_uid (contact));
  g_assert_true (bmb_contact_store_delete (fixture->b.contacts, bmb_contact_get_id (contact_b),
                                           NULL, &error));
  g_assert_no_error (error);
  href = g_strdup (bmb_fake_remote_find_by_uid (fixture->book, bmb_contact_get_uid (contact)));
  edited = g_string_new (bmb_fake_remote_get_data (fixture->book, href));
  g_string_replace (edited, "ORG:Gojek", "ORG:Tokopedia", 1);
  {
    g_autoptr(BmbSyncResult) result = NULL;

    bmb_fake_remote_put_resource (fixture->book, href, edited->str);
    result = sync_remote (&fixture->b, fixture->book);
    g_assert_cmpuint (bmb_sync_result_get_deleted_remote (result), ==, 0);
  }
  g_clear_object (&contact_b);
  contact_b = find_contact (&fixture->b, bmb_contact_get_uid (contact));
  g_assert_nonnull (contact_b);
  g_assert_cmpstr (bmb_contact_get_organization (contact_b), ==, "Tokopedia");
  g_assert_nonnull (bmb_fake_remote_get_data (fixture->book, href));

  /* B deletes it again; the edit lands between B's pull and its DELETE (412): back again. */
  g_assert_true (bmb_contact_store_delete (fixture->b.contacts, bmb_contact_get_id (contact_b),
                                           NULL, &error));
  g_string_replace (edited, "ORG:Tokopedia", "ORG:Bukalapak", 1);
  bmb_fake_remote_fail_next_delete (fixture->book, href, edited->str);
  sync_side (fixture, &fixture->b);
  g_clear_object (&contact_b);
  contact_b = find_contact (&fixture->b, bmb_contact_get_uid (contact));
  g_assert_nonnull (contact_b);
  g_assert_cmpstr (bmb_contact_get_organization (contact_b), ==, "Bukalapak");
  g_assert_nonnull (bmb_fake_remote_get_data (fixture->book, href));
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
  ADD ("edit-beats-delete", test_edit_beats_delete);

  return g_test_run ();
}
