/* test-goal-store.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SMART goals: the model, BmbGoalStore CRUD and listing, and the goal
 * reminder source (09:00 local on the due date, active goals only, across
 * a daylight-saving change).
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "bmb-goal-reminders.h"
#include "bmb-goal-store.h"
#include "bmb-test-utils.h"

/* Europe/Berlin: summer time starts on 2026-03-29 at 02:00. */
#define MAR28_0900_CET   G_GINT64_CONSTANT (1774684800)  /* 08:00 UTC */
#define MAR29_0900_CEST  G_GINT64_CONSTANT (1774767600)  /* 07:00 UTC */
#define MAR30_0000_CEST  G_GINT64_CONSTANT (1774821600)  /* 29 Mar 22:00 UTC */
#define APR10_0900_CEST  G_GINT64_CONSTANT (1775804400)  /* 07:00 UTC */

typedef struct
{
  BmbDatabase  *db;
  BmbGoalStore *store;
  guint         changed;
} Fixture;

static void
on_changed_cb (BmbDatabase *db,
               guint        flags,
               Fixture     *fixture)
{
  fixture->changed |= flags;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->db = bmb_test_open_tmp_database (NULL);
  fixture->store = bmb_goal_store_new (fixture->db);
  g_signal_connect (fixture->db, "changed", G_CALLBACK (on_changed_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->db);
}

/* A relationship in which I am the mentee of @mentor_name. */
static gint64
insert_relationship (BmbDatabase *db,
                     const char  *uid,
                     const char  *mentor_name)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;

  stmt = bmb_database_prepare (db, "INSERT INTO contacts (uid, display_name, created_at,"
                                   " updated_at) VALUES (?, ?, 0, 0)", &error);
  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, mentor_name, -1, SQLITE_TRANSIENT);
  bmb_database_step_done (db, stmt, &error);
  g_assert_no_error (error);

  stmt = bmb_database_prepare (db, "INSERT INTO relationships (mentor_id, created_at, updated_at)"
                                   " VALUES (?, 0, 0)", &error);
  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, bmb_database_last_insert_id (db));
  bmb_database_step_done (db, stmt, &error);
  g_assert_no_error (error);

  return bmb_database_last_insert_id (db);
}

static BmbGoal *
insert_goal (Fixture       *fixture,
             const char    *title,
             gint64         relationship_id,
             const char    *due_on,
             BmbGoalStatus  status)
{
  g_autoptr(GError) error = NULL;
  BmbGoal *goal = bmb_goal_new (title);

  bmb_goal_set_relationship_id (goal, relationship_id);
  bmb_goal_set_due_on (goal, due_on);
  bmb_goal_set_status (goal, status);
  g_assert_true (bmb_goal_store_insert (fixture->store, goal, &error));
  g_assert_no_error (error);

  return goal;
}

/* ---- Model --------------------------------------------------------------------------- */

static void
test_goal_model (void)
{
  g_autoptr(BmbGoal) goal = bmb_goal_new ("  Speak at a meetup  ");
  GDate today;
  BmbGoalStatus status;

  g_assert_cmpstr (bmb_goal_get_title (goal), ==, "Speak at a meetup");
  g_assert_cmpint (bmb_goal_get_status (goal), ==, BMB_GOAL_STATUS_ACTIVE);
  g_assert_cmpuint (bmb_goal_count_criteria (goal), ==, 0);

  bmb_goal_set_specific (goal, "A 10-minute talk at the Python meetup");
  bmb_goal_set_measurable (goal, "Talk given, feedback from 3 people");
  bmb_goal_set_criterion (goal, BMB_GOAL_CRITERION_TIME_BOUND, "By the end of June");
  bmb_goal_set_relevant (goal, "   ");
  g_assert_cmpuint (bmb_goal_count_criteria (goal), ==, 3);
  g_assert_null (bmb_goal_get_relevant (goal));
  g_assert_cmpstr (bmb_goal_get_criterion (goal, BMB_GOAL_CRITERION_SPECIFIC),
                   ==, "A 10-minute talk at the Python meetup");
  g_assert_cmpstr (bmb_goal_get_time_bound (goal), ==, "By the end of June");

  bmb_goal_set_progress (goal, 250);
  g_assert_cmpuint (bmb_goal_get_progress (goal), ==, 100);

  /* Overdue: active, due strictly before today. */
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 15, G_DATE_JUNE, 2026);
  bmb_goal_set_due_on (goal, "2026-06-15");
  g_assert_false (bmb_goal_is_overdue (goal, &today));
  bmb_goal_set_due_on (goal, "2026-06-14");
  g_assert_true (bmb_goal_is_overdue (goal, &today));
  bmb_goal_set_status (goal, BMB_GOAL_STATUS_DROPPED);
  g_assert_false (bmb_goal_is_overdue (goal, &today));

  g_assert_cmpstr (bmb_goal_status_to_string (BMB_GOAL_STATUS_ACHIEVED), ==, "achieved");
  g_assert_true (bmb_goal_status_from_string ("dropped", &status));
  g_assert_cmpint (status, ==, BMB_GOAL_STATUS_DROPPED);
  g_assert_false (bmb_goal_status_from_string ("paused", &status));
  g_assert_cmpstr (bmb_goal_status_get_label (BMB_GOAL_STATUS_ACTIVE), ==, "Active");
  g_assert_cmpstr (bmb_goal_criterion_get_label (BMB_GOAL_CRITERION_MEASURABLE), ==, "Measurable");
  g_assert_nonnull (bmb_goal_criterion_get_hint (BMB_GOAL_CRITERION_ACHIEVABLE));
}

/* ---- Store ---------------------------------------------------------------------------- */

static void
test_goal_crud (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(BmbGoal) goal = bmb_goal_new ("Read two books on leadership");
  g_autoptr(BmbGoal) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gint64 relationship_id = insert_relationship (fixture->db, "c-1", "Siti Rahayu");
  gint64 id;

  bmb_goal_set_relationship_id (goal, relationship_id);
  bmb_goal_set_specific (goal, "Two books chosen with my mentor");
  bmb_goal_set_measurable (goal, "A one-page summary of each");
  bmb_goal_set_achievable (goal, "Twenty pages a day");
  bmb_goal_set_relevant (goal, "I lead a team from July");
  bmb_goal_set_time_bound (goal, "Before the end of May");
  bmb_goal_set_due_on (goal, "2026-05-31");
  bmb_goal_set_progress (goal, 10);

  fixture->changed = 0;
  g_assert_true (bmb_goal_store_insert (fixture->store, goal, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changed, ==, BMB_CHANGE_GOALS);
  id = bmb_goal_get_id (goal);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (bmb_goal_get_created_at (goal), >, 0);

  loaded = bmb_goal_store_get (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bmb_goal_get_title (loaded), ==, "Read two books on leadership");
  g_assert_cmpint (bmb_goal_get_relationship_id (loaded), ==, relationship_id);
  g_assert_cmpstr (bmb_goal_get_specific (loaded), ==, "Two books chosen with my mentor");
  g_assert_cmpstr (bmb_goal_get_measurable (loaded), ==, "A one-page summary of each");
  g_assert_cmpstr (bmb_goal_get_achievable (loaded), ==, "Twenty pages a day");
  g_assert_cmpstr (bmb_goal_get_relevant (loaded), ==, "I lead a team from July");
  g_assert_cmpstr (bmb_goal_get_time_bound (loaded), ==, "Before the end of May");
  g_assert_cmpstr (bmb_goal_get_due_on (loaded), ==, "2026-05-31");
  g_assert_cmpuint (bmb_goal_get_progress (loaded), ==, 10);
  g_assert_cmpint (bmb_goal_get_status (loaded), ==, BMB_GOAL_STATUS_ACTIVE);

  /* Update every column. */
  bmb_goal_set_title (loaded, "Read three books on leadership");
  bmb_goal_set_relationship_id (loaded, 0);
  bmb_goal_set_achievable (loaded, NULL);
  bmb_goal_set_due_on (loaded, NULL);
  bmb_goal_set_progress (loaded, 40);
  fixture->changed = 0;
  g_assert_true (bmb_goal_store_update (fixture->store, loaded, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changed, ==, BMB_CHANGE_GOALS);
  g_clear_object (&goal);
  goal = bmb_goal_store_get (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bmb_goal_get_title (goal), ==, "Read three books on leadership");
  g_assert_cmpint (bmb_goal_get_relationship_id (goal), ==, 0);
  g_assert_null (bmb_goal_get_achievable (goal));
  g_assert_null (bmb_goal_get_due_on (goal));
  g_assert_cmpuint (bmb_goal_get_progress (goal), ==, 40);

  /* Quick edits. */
  g_assert_true (bmb_goal_store_set_progress (fixture->store, goal, 60, &error));
  g_assert_no_error (error);
  g_assert_true (bmb_goal_store_set_status (fixture->store, goal, BMB_GOAL_STATUS_ACHIEVED,
                                            &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bmb_goal_get_progress (goal), ==, 100);
  g_clear_object (&loaded);
  loaded = bmb_goal_store_get (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bmb_goal_get_status (loaded), ==, BMB_GOAL_STATUS_ACHIEVED);
  g_assert_cmpuint (bmb_goal_get_progress (loaded), ==, 100);

  /* Delete. */
  fixture->changed = 0;
  g_assert_true (bmb_goal_store_delete (fixture->store, id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changed, ==, BMB_CHANGE_GOALS);
  g_clear_object (&loaded);
  loaded = bmb_goal_store_get (fixture->store, id, &error);
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_NOT_FOUND);
  g_assert_null (loaded);
  g_clear_error (&error);
  g_assert_false (bmb_goal_store_delete (fixture->store, id, &error));
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Updating a goal deleted meanwhile fails and leaves the quick edit undone. */
  g_assert_false (bmb_goal_store_set_progress (fixture->store, goal, 5, &error));
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_NOT_FOUND);
  g_assert_cmpuint (bmb_goal_get_progress (goal), ==, 100);
}

static void
test_goal_invalid (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(BmbGoal) untitled = bmb_goal_new ("   ");
  g_autoptr(BmbGoal) bad_date = bmb_goal_new ("Bad date");
  g_autoptr(BmbGoal) no_such_relationship = bmb_goal_new ("Orphan");
  g_autoptr(GError) error = NULL;
  const char *invalid_dates[] = { "2026-02-30", "2026-2-3", "31/12/2026", "2026-13-01",
                                  "2026-01-01x", "" };

  g_assert_false (bmb_goal_store_insert (fixture->store, untitled, &error));
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (invalid_dates); i++)
    {
      bmb_goal_set_due_on (bad_date, invalid_dates[i]);
      if (bmb_goal_get_due_on (bad_date) == NULL)
        continue;   /* "" means no date, which is fine */
      g_assert_false (bmb_goal_store_insert (fixture->store, bad_date, &error));
      g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "Bad date"));
      g_clear_error (&error);
    }
  bmb_goal_set_due_on (bad_date, "2028-02-29");
  g_assert_true (bmb_goal_store_insert (fixture->store, bad_date, &error));
  g_assert_no_error (error);

  bmb_goal_set_relationship_id (no_such_relationship, 4242);
  g_assert_false (bmb_goal_store_insert (fixture->store, no_such_relationship, &error));
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "Orphan"));
  g_assert_cmpint (bmb_goal_get_id (no_such_relationship), ==, 0);
}

static void
test_goal_list (Fixture       *fixture,
                gconstpointer  data)
{
  gint64 rel_a = insert_relationship (fixture->db, "c-a", "Siti Rahayu");
  gint64 rel_b = insert_relationship (fixture->db, "c-b", "Budi Santoso");
  g_autoptr(BmbGoal) g1 = insert_goal (fixture, "A later", rel_a, "2026-09-01", BMB_GOAL_STATUS_ACTIVE);
  g_autoptr(BmbGoal) g2 = insert_goal (fixture, "A no date", rel_a, NULL, BMB_GOAL_STATUS_ACTIVE);
  g_autoptr(BmbGoal) g3 = insert_goal (fixture, "A done", rel_a, "2026-01-01", BMB_GOAL_STATUS_ACHIEVED);
  g_autoptr(BmbGoal) g4 = insert_goal (fixture, "A sooner", rel_a, "2026-04-01", BMB_GOAL_STATUS_ACTIVE);
  g_autoptr(BmbGoal) g5 = insert_goal (fixture, "B", rel_b, "2026-04-01", BMB_GOAL_STATUS_ACTIVE);
  g_autoptr(BmbGoal) g6 = insert_goal (fixture, "Personal", 0, "2026-05-01", BMB_GOAL_STATUS_ACTIVE);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  const char *expected_a[] = { "A sooner", "A later", "A no date", "A done" };

  list = bmb_goal_store_list (fixture->store, rel_a, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, G_N_ELEMENTS (expected_a));
  for (guint i = 0; i < list->len; i++)
    g_assert_cmpstr (bmb_goal_get_title (g_ptr_array_index (list, i)), ==, expected_a[i]);
  g_clear_pointer (&list, g_ptr_array_unref);

  list = bmb_goal_store_list (fixture->store, rel_b, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (bmb_goal_get_title (g_ptr_array_index (list, 0)), ==, "B");
  g_clear_pointer (&list, g_ptr_array_unref);

  list = bmb_goal_store_list (fixture->store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (bmb_goal_get_title (g_ptr_array_index (list, 0)), ==, "Personal");
  g_clear_pointer (&list, g_ptr_array_unref);

  list = bmb_goal_store_list (fixture->store, BMB_GOAL_ANY_RELATIONSHIP, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 6);
  /* Active ones first: the achieved goal is last. */
  g_assert_cmpstr (bmb_goal_get_title (g_ptr_array_index (list, 5)), ==, "A done");

  /* Deleting the relationship deletes its goals. */
  g_clear_pointer (&list, g_ptr_array_unref);
  {
    sqlite3_stmt *stmt = bmb_database_prepare (fixture->db,
                                               "DELETE FROM relationships WHERE id = ?", &error);

    g_assert_no_error (error);
    sqlite3_bind_int64 (stmt, 1, rel_a);
    bmb_database_step_done (fixture->db, stmt, &error);
    g_assert_no_error (error);
  }
  list = bmb_goal_store_list (fixture->store, BMB_GOAL_ANY_RELATIONSHIP, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);

  (void) g1; (void) g2; (void) g3; (void) g4; (void) g5; (void) g6;
}

/* ---- Reminders ------------------------------------------------------------------------- */

static BmbReminder *
find_reminder (GPtrArray *reminders,
               gint64     goal_id)
{
  for (guint i = 0; i < reminders->len; i++)
    {
      BmbReminder *reminder = g_ptr_array_index (reminders, i);

      if (reminder->item_id == goal_id)
        return reminder;
    }

  return NULL;
}

static void
test_goal_reminders (Fixture       *fixture,
                     gconstpointer  data)
{
  gint64 relationship_id = insert_relationship (fixture->db, "c-r", "Siti Rahayu");
  g_autoptr(BmbGoal) before_dst = insert_goal (fixture, "Before the change", relationship_id,
                                               "2026-03-28", BMB_GOAL_STATUS_ACTIVE);
  g_autoptr(BmbGoal) on_dst = insert_goal (fixture, "On the change", 0, "2026-03-29",
                                           BMB_GOAL_STATUS_ACTIVE);
  g_autoptr(BmbGoal) achieved = insert_goal (fixture, "Done already", 0, "2026-03-29",
                                             BMB_GOAL_STATUS_ACHIEVED);
  g_autoptr(BmbGoal) dropped = insert_goal (fixture, "Gave up", 0, "2026-03-29",
                                            BMB_GOAL_STATUS_DROPPED);
  g_autoptr(BmbGoal) no_date = insert_goal (fixture, "Some day", 0, NULL,
                                            BMB_GOAL_STATUS_ACTIVE);
  g_autoptr(BmbGoal) april = insert_goal (fixture, "April", 0, "2026-04-10",
                                          BMB_GOAL_STATUS_ACTIVE);
  g_autoptr(BmbGoalReminders) source = bmb_goal_reminders_new (fixture->db);
  g_autoptr(GPtrArray) reminders = NULL;
  g_autoptr(GError) error = NULL;
  BmbReminder *reminder;
  g_autofree char *key = NULL;
  g_autofree char *expected_key = NULL;

  g_assert_true (BMB_IS_REMINDER_SOURCE (source));
  bmb_goal_store_set_progress (fixture->store, before_dst, 40, &error);
  g_assert_no_error (error);

  /* A week around the change of clocks. */
  reminders = bmb_reminder_source_list_reminders (BMB_REMINDER_SOURCE (source),
                                                  MAR28_0900_CET - 3 * 86400,
                                                  MAR28_0900_CET + 4 * 86400, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reminders->len, ==, 2);

  reminder = find_reminder (reminders, bmb_goal_get_id (before_dst));
  g_assert_nonnull (reminder);
  g_assert_cmpint (reminder->kind, ==, BMB_REMINDER_KIND_GOAL);
  g_assert_cmpstr (reminder->occurrence, ==, "2026-03-28");
  g_assert_cmpint (reminder->offset_min, ==, 0);
  g_assert_cmpint (reminder->trigger_at, ==, MAR28_0900_CET);
  g_assert_cmpstr (reminder->title, ==, "Before the change");
  g_assert_cmpstr (reminder->partner, ==, "Siti Rahayu");
  g_assert_nonnull (strstr (reminder->detail, "40%"));
  key = bmb_reminder_dup_key (reminder);
  expected_key = g_strdup_printf ("goal:%" G_GINT64_FORMAT ":2026-03-28:0",
                                  bmb_goal_get_id (before_dst));
  g_assert_cmpstr (key, ==, expected_key);

  /* 09:00 local on the day summer time starts is 07:00 UTC, 23 hours later. */
  reminder = find_reminder (reminders, bmb_goal_get_id (on_dst));
  g_assert_nonnull (reminder);
  g_assert_cmpint (reminder->trigger_at, ==, MAR29_0900_CEST);
  g_assert_cmpint (reminder->trigger_at - MAR28_0900_CET, ==, 23 * 3600);
  g_assert_cmpint (reminder->event_start, ==, MAR29_0900_CEST);
  g_assert_cmpint (reminder->event_end, ==, MAR30_0000_CEST);
  g_assert_null (reminder->partner);

  g_assert_null (find_reminder (reminders, bmb_goal_get_id (achieved)));
  g_assert_null (find_reminder (reminders, bmb_goal_get_id (dropped)));
  g_assert_null (find_reminder (reminders, bmb_goal_get_id (no_date)));
  g_clear_pointer (&reminders, g_ptr_array_unref);

  /* The window is [from, to): a trigger at `to` is left for the next call. */
  reminders = bmb_reminder_source_list_reminders (BMB_REMINDER_SOURCE (source),
                                                  MAR28_0900_CET, MAR29_0900_CEST, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reminders->len, ==, 1);
  g_assert_cmpint (((BmbReminder *) g_ptr_array_index (reminders, 0))->item_id,
                   ==, bmb_goal_get_id (before_dst));
  g_clear_pointer (&reminders, g_ptr_array_unref);

  reminders = bmb_reminder_source_list_reminders (BMB_REMINDER_SOURCE (source),
                                                  MAR28_0900_CET + 1, MAR29_0900_CEST + 1,
                                                  &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reminders->len, ==, 1);
  g_assert_cmpint (((BmbReminder *) g_ptr_array_index (reminders, 0))->item_id,
                   ==, bmb_goal_get_id (on_dst));
  g_clear_pointer (&reminders, g_ptr_array_unref);

  /* Achieving a goal removes its reminder. */
  bmb_goal_store_set_status (fixture->store, april, BMB_GOAL_STATUS_ACHIEVED, &error);
  g_assert_no_error (error);
  reminders = bmb_reminder_source_list_reminders (BMB_REMINDER_SOURCE (source),
                                                  APR10_0900_CEST - 3600, APR10_0900_CEST + 3600,
                                                  &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reminders->len, ==, 0);
  g_clear_pointer (&reminders, g_ptr_array_unref);
  bmb_goal_store_set_status (fixture->store, april, BMB_GOAL_STATUS_ACTIVE, &error);
  g_assert_no_error (error);
  reminders = bmb_reminder_source_list_reminders (BMB_REMINDER_SOURCE (source),
                                                  APR10_0900_CEST - 3600, APR10_0900_CEST + 3600,
                                                  &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reminders->len, ==, 1);
  g_assert_cmpint (((BmbReminder *) g_ptr_array_index (reminders, 0))->trigger_at,
                   ==, APR10_0900_CEST);
  g_clear_pointer (&reminders, g_ptr_array_unref);

  /* An empty window gives an empty array. */
  reminders = bmb_reminder_source_list_reminders (BMB_REMINDER_SOURCE (source),
                                                  MAR28_0900_CET, MAR28_0900_CET, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reminders->len, ==, 0);
}

static void
test_goal_reminders_timezone (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(BmbGoal) goal G_GNUC_UNUSED = insert_goal (fixture, "Jakarta", 0, "2026-03-29",
                                         BMB_GOAL_STATUS_ACTIVE);
  g_autoptr(BmbGoalReminders) source = bmb_goal_reminders_new (fixture->db);
  g_autoptr(GTimeZone) jakarta = g_time_zone_new_identifier ("Asia/Jakarta");
  g_autoptr(GPtrArray) reminders = NULL;
  g_autoptr(GError) error = NULL;
  /* 2026-03-29 09:00 WIB = 02:00 UTC. */
  const gint64 expected = G_GINT64_CONSTANT (1774749600);

  g_assert_nonnull (jakarta);
  bmb_goal_reminders_set_timezone (source, jakarta);

  reminders = bmb_reminder_source_list_reminders (BMB_REMINDER_SOURCE (source),
                                                  expected - 86400, expected + 86400, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reminders->len, ==, 1);
  g_assert_cmpint (((BmbReminder *) g_ptr_array_index (reminders, 0))->trigger_at, ==, expected);
  g_assert_cmpint (((BmbReminder *) g_ptr_array_index (reminders, 0))->event_end,
                   ==, expected + 15 * 3600);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  setlocale (LC_ALL, "");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/goals/model", test_goal_model);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/goals/store/crud", test_goal_crud);
  ADD ("/goals/store/invalid", test_goal_invalid);
  ADD ("/goals/store/list", test_goal_list);
  ADD ("/goals/reminders/due-dates", test_goal_reminders);
  ADD ("/goals/reminders/timezone", test_goal_reminders_timezone);

#undef ADD

  return g_test_run ();
}
