/* test-sync-safety.c
 *
 * Copyright 2026 The Bimbing Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sync engine when things go wrong or cost: a stale sync token, a server that is
 * unreachable or answers 500 (nothing lost, the next sync completes), the mass-deletion
 * guard, one request for a sync with nothing to do, other clients' properties surviving
 * an edit, vCard 3.0 address books, a deleted item's UID never used again, and the
 * threaded variant.
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "bmb-ics-export.h"
#include "bmb-sync-fixture.h"
#include "bmb-test-utils.h"

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
  g_autoptr(BmbContact) G_GNUC_UNUSED one = make_contact (&fixture->a, "Agus Salim", "agus@example.id");
  g_autoptr(BmbContact) G_GNUC_UNUSED two = make_contact (&fixture->a, "Rina Siregar", "rina@example.id");
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
  g_autoptr(BmbSession) G_GNUC_UNUSED session = make_session (&fixture->a, "Quarterly review", TRUE);
  g_autoptr(BmbContact) G_GNUC_UNUSED contact = make_contact (&fixture->a, "Putri Ayu", "putri@example.id");
  g_autoptr(BmbGoal) G_GNUC_UNUSED goal = make_goal (&fixture->a, "Write a blog post");

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
  g_autoptr(BmbSession) G_GNUC_UNUSED session = make_session (&fixture->a, "Async", FALSE);
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
  g_test_add ("/sync/safety/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down); \
  g_test_add ("/sync/safety-listing/" path, Fixture, GINT_TO_POINTER (1), fixture_set_up, func, \
              fixture_tear_down)
#define ADD_ONCE(path, func) \
  g_test_add ("/sync/safety/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD_ONCE ("stale-token", test_stale_token);
  ADD ("server-failure-loses-nothing", test_server_failure_loses_nothing);
  ADD ("mass-deletion-guard", test_mass_deletion_guard);
  ADD ("nothing-changed-costs-one-request", test_nothing_changed_costs_one_request);
  ADD ("foreign-properties-survive", test_foreign_properties_survive);
  ADD_ONCE ("vcard3", test_vcard3);
  ADD ("deleted-uid-not-reused", test_deleted_uid_not_reused);
  ADD_ONCE ("async", test_async);

  return g_test_run ();
}
