/* test-session-changes.c — the session editor's Save as one core call
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bmb-context.h"
#include "bmb-session-changes.h"
#include "bmb-test-utils.h"

typedef struct
{
  BmbDatabase *db;
  char        *path;
  BmbContext  *context;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->db = bmb_test_open_tmp_database (&f->path);
  f->context = bmb_context_new (f->db, NULL, NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->context);
  g_clear_object (&f->db);
  g_clear_pointer (&f->path, g_free);
}

static BmbSession *
new_session (const char *title)
{
  BmbSession *session = bmb_session_new ();

  bmb_session_set_title (session, title);
  bmb_session_set_start_local (session, "2026-12-14T10:00:00");
  bmb_session_set_tzid (session, "Asia/Jakarta");
  return session;
}

static char *
list_texts (BmbMentoringStore *store,
            gint64             session_id)
{
  g_autoptr(GPtrArray) items = bmb_mentoring_store_list_action_items (store, 0, session_id, NULL);
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_nonnull (items);
  for (guint i = 0; i < items->len; i++)
    g_string_append_printf (out, "%s%s", i ? "|" : "",
                            bmb_action_item_get_text (g_ptr_array_index (items, i)));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_save_with_action_items (Fixture       *f,
                             gconstpointer  data)
{
  BmbMentoringStore *store = bmb_context_get_mentoring_store (f->context);
  g_autoptr(BmbSession) session = new_session ("CV review");
  g_autoptr(BmbSessionChanges) first = bmb_session_changes_new ();
  g_autoptr(BmbSessionChanges) second = bmb_session_changes_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 removed;

  g_ptr_array_add (first->action_items, bmb_action_item_new (BMB_ACTION_OWNER_MENTEE, "Rewrite the summary"));
  g_ptr_array_add (first->action_items, bmb_action_item_new (BMB_ACTION_OWNER_MENTOR, "Send two examples"));
  g_assert_true (bmb_mentoring_store_save_session_changes (store, session, NULL, first, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bmb_session_get_id (session), >, 0);
  before = list_texts (store, bmb_session_get_id (session));
  g_assert_cmpstr (before, ==, "Rewrite the summary|Send two examples");

  /* The second Save removes the first item, keeps the other and adds one in front. */
  removed = bmb_action_item_get_id (g_ptr_array_index (first->action_items, 0));
  g_array_append_val (second->removed_action_item_ids, removed);
  g_ptr_array_add (second->action_items, bmb_action_item_new (BMB_ACTION_OWNER_MENTEE, "Mock interview"));
  g_ptr_array_add (second->action_items, g_object_ref (g_ptr_array_index (first->action_items, 1)));
  g_assert_true (bmb_mentoring_store_save_session_changes (store, session, NULL, second, &error));
  g_assert_no_error (error);
  after = list_texts (store, bmb_session_get_id (session));
  g_assert_cmpstr (after, ==, "Mock interview|Send two examples");
}

/* An invalid session: nothing of the Save is written, action items included. */
static void
test_all_or_nothing (Fixture       *f,
                     gconstpointer  data)
{
  BmbMentoringStore *store = bmb_context_get_mentoring_store (f->context);
  g_autoptr(BmbSession) session = new_session ("Broken");
  g_autoptr(BmbSessionChanges) changes = bmb_session_changes_new ();
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GError) error = NULL;

  bmb_session_set_tzid (session, "Mars/Olympus");
  g_ptr_array_add (changes->action_items, bmb_action_item_new (BMB_ACTION_OWNER_MENTEE, "Lost?"));
  g_assert_false (bmb_mentoring_store_save_session_changes (store, session, NULL, changes, &error));
  g_assert_nonnull (error);

  sessions = bmb_mentoring_store_list_sessions (store, 0, NULL);
  g_assert_nonnull (sessions);
  g_assert_cmpuint (sessions->len, ==, 0);
  g_assert_cmpint (bmb_action_item_get_id (g_ptr_array_index (changes->action_items, 0)), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Jakarta", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/session/changes/action-items", Fixture, NULL,
              fixture_set_up, test_save_with_action_items, fixture_tear_down);
  g_test_add ("/session/changes/all-or-nothing", Fixture, NULL,
              fixture_set_up, test_all_or_nothing, fixture_tear_down);

  return g_test_run ();
}
