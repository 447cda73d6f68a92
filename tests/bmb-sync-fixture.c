/* bmb-sync-fixture.c — two Bimbing databases and one in-memory server, for the sync tests
 *
 * Copyright 2026 The Bimbing Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bmb-sync-fixture.h"
#include "bmb-test-utils.h"

void
side_init (Side *side)
{
  side->db = bmb_test_open_tmp_database (NULL);
  side->engine = bmb_sync_engine_new (side->db);
  side->mentoring = bmb_mentoring_store_new (side->db);
  side->goals = bmb_goal_store_new (side->db);
  side->contacts = bmb_contact_store_new (side->db);
}

void
side_clear (Side *side)
{
  g_clear_object (&side->engine);
  g_clear_object (&side->mentoring);
  g_clear_object (&side->goals);
  g_clear_object (&side->contacts);
  g_clear_object (&side->db);
}

void
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

void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  side_clear (&fixture->a);
  side_clear (&fixture->b);
  g_clear_object (&fixture->calendar);
  g_clear_object (&fixture->book);
}

BmbSyncResult *
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

void
sync_side (Fixture *fixture,
           Side    *side)
{
  g_autoptr(BmbSyncResult) G_GNUC_UNUSED cal = sync_remote (side, fixture->calendar);
  g_autoptr(BmbSyncResult) G_GNUC_UNUSED book = sync_remote (side, fixture->book);
}

void
sync_all (Fixture *fixture)
{
  sync_side (fixture, &fixture->a);
  sync_side (fixture, &fixture->b);
  sync_side (fixture, &fixture->a);
}

BmbSession *
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

BmbSession *
find_session (Side       *side,
              const char *uid)
{
  g_autoptr(GError) error = NULL;
  BmbSession *session = bmb_mentoring_store_find_session_by_uid (side->mentoring, uid, &error);

  g_assert_no_error (error);
  return session;
}

BmbContact *
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

BmbContact *
find_contact (Side       *side,
              const char *uid)
{
  g_autoptr(GError) error = NULL;
  BmbContact *contact = bmb_contact_store_get_by_uid (side->contacts, uid, &error);

  g_assert_no_error (error);
  return contact;
}

BmbGoal *
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

GPtrArray *
all_goals (Side *side)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *goals = bmb_goal_store_list (side->goals, BMB_GOAL_ANY_RELATIONSHIP, &error);

  g_assert_no_error (error);
  return goals;
}

gint64
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
