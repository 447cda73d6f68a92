/* test-sync-radicale.c — two Bimbing databases syncing through one real Radicale on
 * loopback, each through its context's BmbSyncManager: what one makes appears on the
 * other, edits merge, conflicts go as specified, deletes travel, a stale sync token, a
 * server that is down, the mass-deletion guard, the automatic sync after a change; what
 * lands on the server is read by python3-icalendar and python3-vobject
 *
 * Copyright 2026 The Bimbing Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bmb-context.h"
#include "bmb-dav-client.h"
#include "bmb-mentoring-meetings.h"
#include "bmb-radicale.h"
#include "bmb-sync-account-setup.h"
#include "bmb-test-utils.h"

#define USER "mentor"
#define PASSWORD "rahasia-sync-7"

typedef struct
{
  BmbDatabase *db;
  BmbContext  *context;
  gint64       account_id;
  guint        asked;
  gboolean     answer;
} Side;

typedef struct
{
  BmbRadicale *server;
  Side         a;
  Side         b;
} Fixture;

static void
ask_cb (BmbSyncQuestion *question,
        gpointer         user_data)
{
  Side *side = user_data;
  g_autofree char *text = bmb_sync_question_dup_text (question);

  side->asked++;
  g_assert_cmpint (bmb_sync_question_get_reason (question), ==, BMB_SYNC_GUARD_EMPTIED);
  g_assert_cmpstr (text, ==, "The server’s calendar is empty. Delete 2 sessions, goals and action items here too?");
  bmb_sync_question_answer (question, side->answer);
}

static void
side_init (Fixture *fixture,
           Side    *side)
{
  g_autoptr(BmbSyncAccount) account = NULL;
  g_autoptr(GError) error = NULL;

  side->db = bmb_test_open_tmp_database (NULL);
  side->context = bmb_context_new (side->db, NULL, NULL);
  account = bmb_sync_account_setup (bmb_context_get_sync_accounts (side->context),
                                    bmb_radicale_get_url (fixture->server), USER, PASSWORD,
                                    NULL, &error);
  g_assert_no_error (error);
  side->account_id = account->id;
  bmb_sync_manager_set_ask_func (bmb_context_get_sync_manager (side->context), ask_cb, side,
                                 NULL);
}

static void
side_clear (Side *side)
{
  g_clear_object (&side->context);
  g_clear_object (&side->db);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  if (!bmb_radicale_available ())
    return;
  fixture->server = bmb_radicale_start (USER, PASSWORD);
  side_init (fixture, &fixture->a);
  side_init (fixture, &fixture->b);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  side_clear (&fixture->a);
  side_clear (&fixture->b);
  g_clear_pointer (&fixture->server, bmb_radicale_free);
}

#define SKIP_WITHOUT_RADICALE(fixture) \
  if ((fixture)->server == NULL) \
    { \
      g_test_skip ("Radicale is not installed (python3-radicale)"); \
      return; \
    }

static void
on_synced_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

/* One sync of every account of side; the reports (NULL with error set on failure). */
static GPtrArray *
try_sync (Side    *side,
          GError **error)
{
  BmbSyncManager *manager = bmb_context_get_sync_manager (side->context);
  g_autoptr(GAsyncResult) result = NULL;
  GPtrArray *reports = NULL;

  bmb_sync_manager_sync_async (manager, NULL, on_synced_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  if (!bmb_sync_manager_sync_finish (manager, result, &reports, error))
    g_clear_pointer (&reports, g_ptr_array_unref);
  return reports;
}

static BmbSyncReport *
sync_side (Side *side)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reports = try_sync (side, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (reports->len, ==, 1);
  return g_ptr_array_steal_index (reports, 0);
}

static void
sync_all (Fixture *fixture)
{
  bmb_sync_report_free (sync_side (&fixture->a));
  bmb_sync_report_free (sync_side (&fixture->b));
  bmb_sync_report_free (sync_side (&fixture->a));
}

static BmbMentoringStore *
mentoring (Side *side)
{
  return bmb_context_get_mentoring_store (side->context);
}

static BmbSession *
make_session (Side       *side,
              const char *title)
{
  g_autoptr(GError) error = NULL;
  BmbSession *session = bmb_session_new ();

  bmb_session_set_title (session, title);
  bmb_session_set_start_local (session, "2026-12-14T10:00:00");
  bmb_session_set_tzid (session, "Asia/Jakarta");
  bmb_session_set_duration_min (session, 60);
  bmb_session_set_location (session, "Kafe Tjikini");
  bmb_session_set_rrule (session, "FREQ=WEEKLY;COUNT=4");
  g_assert_true (bmb_mentoring_store_save_session (mentoring (side), session, &error));
  g_assert_no_error (error);
  return session;
}

static BmbSession *
find_session (Side       *side,
              const char *uid)
{
  g_autoptr(GError) error = NULL;
  BmbSession *session = bmb_mentoring_store_find_session_by_uid (mentoring (side), uid, &error);

  g_assert_no_error (error);
  return session;
}

static BmbContact *
find_contact (Side       *side,
              const char *uid)
{
  g_autoptr(GError) error = NULL;
  BmbContact *contact = bmb_contact_store_get_by_uid (bmb_context_get_contact_store (side->context),
                                                      uid, &error);

  g_assert_no_error (error);
  return contact;
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

static char *
collection_folder (Fixture    *fixture,
                   const char *name)
{
  return g_build_filename (bmb_radicale_get_folder (fixture->server), "storage",
                           "collection-root", USER, name, NULL);
}

/* What other clients see: every item on the server parsed by python3-icalendar and
 * python3-vobject. Returns "N events, N todos, N cards". */
static char *
read_with_python (Fixture *fixture)
{
  static const char script[] =
    "import os, sys, icalendar, vobject\n"
    "events = todos = cards = 0\n"
    "for root, dirs, files in os.walk(sys.argv[1]):\n"
    "    dirs[:] = [d for d in dirs if not d.startswith('.')]\n"
    "    for name in files:\n"
    "        data = open(os.path.join(root, name), encoding='utf-8').read()\n"
    "        if name.endswith('.ics'):\n"
    "            cal = icalendar.Calendar.from_ical(data)\n"
    "            events += len(cal.walk('VEVENT')) and 1\n"
    "            todos += len(cal.walk('VTODO'))\n"
    "            assert cal.walk('VEVENT') or cal.walk('VTODO') or cal.walk('VJOURNAL')\n"
    "        elif name.endswith('.vcf'):\n"
    "            card = vobject.readOne(data)\n"
    "            assert card.fn.value\n"
    "            cards += 1\n"
    "print(f'{events} events, {todos} todos, {cards} cards')\n";
  g_autofree char *root = g_build_filename (bmb_radicale_get_folder (fixture->server), "storage",
                                            "collection-root", NULL);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                              &error, "/usr/bin/python3", "-c", script, root, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_successful (process))
    g_error ("python3 could not read the server's items: %s", err);
  return g_strdup (g_strstrip (out));
}

static gboolean
python_readers_available (void)
{
  g_autoptr(GSubprocess) check = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                                   G_SUBPROCESS_FLAGS_STDERR_SILENCE, NULL,
                                                   "/usr/bin/python3", "-c",
                                                   "import icalendar, vobject", NULL);

  return check != NULL && g_subprocess_wait_check (check, NULL, NULL);
}

/* ---- Tests ------------------------------------------------------------------------------ */

static void
test_items_travel (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(BmbSession) session = NULL;
  g_autoptr(BmbMeeting) meeting = NULL;
  g_autoptr(BmbMeeting) meeting_b = NULL;
  g_autoptr(BmbContact) contact = NULL;
  g_autoptr(BmbContact) contact_b = NULL;
  g_autoptr(BmbGoal) goal = NULL;
  g_autoptr(BmbActionItem) action = NULL;
  g_autoptr(BmbSession) session_b = NULL;
  g_autoptr(BmbSyncReport) report = NULL;
  g_autoptr(GPtrArray) goals = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  BmbSyncAccount *account;

  SKIP_WITHOUT_RADICALE (fixture);

  session = make_session (&fixture->a, "Mentoring with Sari");
  meeting = bmb_mentoring_store_get_meeting (mentoring (&fixture->a), bmb_session_get_id (session),
                                             "2026-12-14T10:00:00", &error);
  g_assert_no_error (error);
  bmb_meeting_set_notes (meeting, "Reviewed her CV; strong on design.");
  g_assert_true (bmb_mentoring_store_save_meeting (mentoring (&fixture->a), meeting, &error));
  g_assert_no_error (error);

  contact = bmb_contact_new ();
  bmb_contact_set_display_name (contact, "Sari Wulandari");
  bmb_contact_set_organization (contact, "Gojek");
  g_assert_true (bmb_contact_add_field (contact, BMB_CONTACT_FIELD_EMAIL, "work",
                                        "sari@example.id", TRUE));
  g_assert_true (bmb_contact_store_insert (bmb_context_get_contact_store (fixture->a.context),
                                           contact, &error));
  g_assert_no_error (error);

  goal = bmb_goal_new ("Lead a team");
  bmb_goal_set_due_on (goal, "2027-03-31");
  g_assert_true (bmb_goal_store_insert (bmb_context_get_goal_store (fixture->a.context), goal,
                                        &error));
  action = bmb_action_item_new (BMB_ACTION_OWNER_MENTEE, "Send the draft to Sari");
  bmb_action_item_set_session_id (action, bmb_session_get_id (session));
  g_assert_true (bmb_mentoring_store_save_action_item (mentoring (&fixture->a), action, &error));
  g_assert_no_error (error);

  report = sync_side (&fixture->a);
  g_assert_null (report->error);
  g_assert_cmpuint (bmb_sync_result_get_sent (report->calendar), ==, 3);
  g_assert_cmpuint (bmb_sync_result_get_sent (report->address_book), ==, 1);
  summary = bmb_sync_report_to_string (report);
  g_assert_cmpstr (summary, ==,
                   USER " on 127.0.0.1:\n"
                   "  Calendar: Sent 3 items, received 0 items, deleted 0 here and 0 on the server, 0 conflicts.\n"
                   "  Address book: Sent 1 item, received 0 items, deleted 0 here and 0 on the server, 0 conflicts.");
  g_clear_pointer (&report, bmb_sync_report_free);

  /* The sync is recorded on the account. */
  accounts = bmb_sync_accounts_list (bmb_context_get_sync_accounts (fixture->a.context), &error);
  account = g_ptr_array_index (accounts, 0);
  g_assert_null (account->last_error);
  g_assert_cmpint (account->last_sync_at, >, 0);

  report = sync_side (&fixture->b);
  g_assert_cmpuint (bmb_sync_result_get_received (report->calendar), ==, 3);
  g_assert_cmpuint (bmb_sync_result_get_received (report->address_book), ==, 1);

  session_b = find_session (&fixture->b, bmb_session_get_uid (session));
  g_assert_nonnull (session_b);
  g_assert_cmpstr (bmb_session_get_title (session_b), ==, "Mentoring with Sari");
  g_assert_cmpstr (bmb_session_get_rrule (session_b), ==, "FREQ=WEEKLY;COUNT=4");
  meeting_b = bmb_mentoring_store_get_meeting (mentoring (&fixture->b),
                                               bmb_session_get_id (session_b),
                                               "2026-12-14T10:00:00", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bmb_meeting_get_notes (meeting_b), ==, "Reviewed her CV; strong on design.");
  contact_b = find_contact (&fixture->b, bmb_contact_get_uid (contact));
  g_assert_nonnull (contact_b);
  g_assert_cmpstr (bmb_contact_get_organization (contact_b), ==, "Gojek");
  goals = bmb_goal_store_list (bmb_context_get_goal_store (fixture->b.context),
                               BMB_GOAL_ANY_RELATIONSHIP, &error);
  g_assert_cmpuint (goals->len, ==, 1);
  g_assert_cmpstr (bmb_goal_get_title (g_ptr_array_index (goals, 0)), ==, "Lead a team");
  actions = bmb_mentoring_store_list_action_items (mentoring (&fixture->b), 0,
                                                   bmb_session_get_id (session_b), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (actions->len, ==, 1);
  g_assert_cmpstr (bmb_action_item_get_text (g_ptr_array_index (actions, 0)), ==,
                   "Send the draft to Sari");

  /* What other clients see. */
  if (python_readers_available ())
    {
      g_autofree char *seen = read_with_python (fixture);

      g_assert_cmpstr (seen, ==, "1 events, 2 todos, 1 cards");
    }
  else
    g_test_message ("python3-icalendar or python3-vobject missing: not read by them");
}

static void
on_conflicts_cb (BmbSyncManager *manager,
                 guint           n_conflicts,
                 const char     *text,
                 guint          *seen)
{
  g_test_message ("%s", text);
  g_assert_cmpuint (n_conflicts, >=, 2);
  /* The start, the end (moved with it) and the notes. */
  g_assert_true (g_str_has_prefix (text, "3 conflicts: “Career talk with Budi”: both"));
  (*seen)++;
}

static void
test_merge_and_conflicts (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(BmbSession) session = NULL;
  g_autoptr(BmbSession) on_b = NULL;
  g_autoptr(BmbSession) on_a = NULL;
  g_autoptr(BmbSyncReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;
  guint conflicts_seen = 0;
  const char * const *conflicts;

  SKIP_WITHOUT_RADICALE (fixture);

  session = make_session (&fixture->a, "Career talk");
  sync_all (fixture);
  on_b = find_session (&fixture->b, bmb_session_get_uid (session));
  g_assert_nonnull (on_b);

  /* Different fields: A renames, B moves to another place; both stay. */
  bmb_session_set_title (session, "Career talk with Budi");
  g_assert_true (bmb_mentoring_store_save_session (mentoring (&fixture->a), session, &error));
  bmb_session_set_location (on_b, "Perpustakaan Nasional");
  g_assert_true (bmb_mentoring_store_save_session (mentoring (&fixture->b), on_b, &error));
  g_assert_no_error (error);
  bmb_sync_report_free (sync_side (&fixture->a));
  report = sync_side (&fixture->b);
  g_assert_cmpuint (bmb_sync_result_get_n_conflicts (report->calendar), ==, 0);
  g_clear_pointer (&report, bmb_sync_report_free);
  bmb_sync_report_free (sync_side (&fixture->a));
  g_clear_object (&on_b);
  on_b = find_session (&fixture->b, bmb_session_get_uid (session));
  on_a = find_session (&fixture->a, bmb_session_get_uid (session));
  g_assert_cmpstr (bmb_session_get_title (on_b), ==, "Career talk with Budi");
  g_assert_cmpstr (bmb_session_get_location (on_b), ==, "Perpustakaan Nasional");
  g_assert_cmpstr (bmb_session_get_title (on_a), ==, "Career talk with Budi");
  g_assert_cmpstr (bmb_session_get_location (on_a), ==, "Perpustakaan Nasional");
  g_clear_object (&on_a);

  /* The same fields: the start is scheduling (the server's wins), the notes Bimbing's
   * (this computer's wins); the conflicts are reported and kept in the status. */
  bmb_session_set_notes (session, "Notes written on A");
  bmb_session_set_start_local (session, "2026-12-14T11:00:00");
  bmb_session_set_title (session, "Career talk with Budi");
  bmb_session_set_location (session, "Perpustakaan Nasional");
  g_assert_true (bmb_mentoring_store_save_session (mentoring (&fixture->a), session, &error));
  bmb_session_set_notes (on_b, "Notes written on B");
  bmb_session_set_start_local (on_b, "2026-12-14T12:00:00");
  g_assert_true (bmb_mentoring_store_save_session (mentoring (&fixture->b), on_b, &error));
  g_assert_no_error (error);

  bmb_sync_report_free (sync_side (&fixture->a));
  {
    gulong id = g_signal_connect (bmb_context_get_sync_manager (fixture->b.context),
                                  "conflicts", G_CALLBACK (on_conflicts_cb), &conflicts_seen);

    report = sync_side (&fixture->b);
    g_signal_handler_disconnect (bmb_context_get_sync_manager (fixture->b.context), id);
  }
  g_assert_cmpuint (conflicts_seen, ==, 1);
  conflicts = bmb_sync_result_get_conflicts (report->calendar);
  g_assert_true (g_strv_contains (conflicts, "“Career talk with Budi”: both this computer and the server changed the start; the server’s version was kept."));
  g_assert_true (g_strv_contains (conflicts, "“Career talk with Budi”: both this computer and the server changed the notes; this computer’s version was kept."));
  status = bmb_sync_manager_dup_status (bmb_context_get_sync_manager (fixture->b.context),
                                        fixture->b.account_id);
  g_assert_nonnull (strstr (status, "changed the notes; this computer’s version was kept."));
  bmb_sync_report_free (sync_side (&fixture->a));

  g_clear_object (&on_b);
  on_b = find_session (&fixture->b, bmb_session_get_uid (session));
  on_a = find_session (&fixture->a, bmb_session_get_uid (session));
  g_assert_cmpstr (bmb_session_get_start_local (on_b), ==, "2026-12-14T11:00:00");
  g_assert_cmpstr (bmb_session_get_notes (on_b), ==, "Notes written on B");
  g_assert_cmpstr (bmb_session_get_start_local (on_a), ==, "2026-12-14T11:00:00");
  g_assert_cmpstr (bmb_session_get_notes (on_a), ==, "Notes written on B");
}

static void
test_deletes_travel (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(BmbSession) session = NULL;
  g_autoptr(BmbSession) on_b = NULL;
  g_autoptr(BmbContact) contact = bmb_contact_new ();
  g_autoptr(BmbContact) contact_b = NULL;
  g_autoptr(BmbSyncReport) report = NULL;
  g_autoptr(GError) error = NULL;

  SKIP_WITHOUT_RADICALE (fixture);

  session = make_session (&fixture->a, "Intro call");
  bmb_contact_set_display_name (contact, "Dewi Lestari");
  g_assert_true (bmb_contact_store_insert (bmb_context_get_contact_store (fixture->a.context),
                                           contact, &error));
  sync_all (fixture);
  g_assert_cmpint (count_rows (&fixture->b, "contacts"), ==, 1);

  /* A deletes the contact, B the session. */
  g_assert_true (bmb_contact_store_delete (bmb_context_get_contact_store (fixture->a.context),
                                           bmb_contact_get_id (contact), NULL, &error));
  on_b = find_session (&fixture->b, bmb_session_get_uid (session));
  g_assert_true (bmb_mentoring_store_delete_session (mentoring (&fixture->b),
                                                     bmb_session_get_id (on_b), &error));
  g_assert_no_error (error);

  report = sync_side (&fixture->a);
  g_assert_cmpuint (bmb_sync_result_get_deleted_remote (report->address_book), ==, 1);
  g_clear_pointer (&report, bmb_sync_report_free);
  report = sync_side (&fixture->b);
  g_assert_cmpuint (bmb_sync_result_get_deleted_remote (report->calendar), ==, 1);
  g_assert_cmpuint (bmb_sync_result_get_deleted_local (report->address_book), ==, 1);
  g_clear_pointer (&report, bmb_sync_report_free);
  report = sync_side (&fixture->a);
  g_assert_cmpuint (bmb_sync_result_get_deleted_local (report->calendar), ==, 1);

  contact_b = find_contact (&fixture->b, bmb_contact_get_uid (contact));
  g_assert_null (contact_b);
  g_clear_object (&on_b);
  on_b = find_session (&fixture->a, bmb_session_get_uid (session));
  g_assert_null (on_b);
}

static void
test_stale_token (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(BmbSession) first = NULL;
  g_autoptr(BmbSession) second = NULL;
  g_autoptr(BmbSession) on_b = NULL;
  g_autoptr(BmbSyncReport) report = NULL;
  g_autoptr(GError) error = NULL;

  SKIP_WITHOUT_RADICALE (fixture);

  first = make_session (&fixture->a, "First");
  sync_all (fixture);
  g_assert_cmpint (count_rows (&fixture->b, "sync_collections WHERE sync_token IS NOT NULL"), ==, 2);

  /* B's token is one the server never gave (a server that lost its history). */
  g_assert_true (bmb_database_exec (fixture->b.db,
                                    "UPDATE sync_collections SET "
                                    "sync_token = 'http://radicale.org/ns/sync/0123456789abcdef'",
                                    &error));
  g_assert_no_error (error);
  second = make_session (&fixture->a, "Second");
  /* A deletion meanwhile is seen too: the full listing is compared with what B had. */
  g_assert_true (bmb_mentoring_store_delete_session (mentoring (&fixture->a),
                                                     bmb_session_get_id (first), &error));
  g_assert_no_error (error);
  bmb_sync_report_free (sync_side (&fixture->a));

  report = sync_side (&fixture->b);
  g_assert_null (report->error);
  on_b = find_session (&fixture->b, bmb_session_get_uid (second));
  g_assert_nonnull (on_b);
  g_assert_cmpint (count_rows (&fixture->b, "sessions"), ==, 1);
  g_clear_object (&on_b);
  on_b = find_session (&fixture->b, bmb_session_get_uid (first));
  g_assert_null (on_b);
  /* The calendar's token was refused and replaced (the address book, unchanged on the
   * server, was not asked with it). */
  g_assert_cmpint (count_rows (&fixture->b,
                               "sync_collections WHERE kind = 'calendar' AND "
                               "sync_token LIKE '%0123456789abcdef'"), ==, 0);
}

static void
test_server_down (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(BmbSession) session = NULL;
  g_autoptr(BmbSession) on_b = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbSyncReport) report = NULL;
  BmbSyncAccount *account;
  gint64 last_good;

  SKIP_WITHOUT_RADICALE (fixture);

  bmb_sync_report_free (sync_side (&fixture->a));
  accounts = bmb_sync_accounts_list (bmb_context_get_sync_accounts (fixture->a.context), &error);
  last_good = ((BmbSyncAccount *)g_ptr_array_index (accounts, 0))->last_sync_at;
  g_clear_pointer (&accounts, g_ptr_array_unref);

  session = make_session (&fixture->a, "Made while the server is down");
  bmb_radicale_stop (fixture->server);

  reports = try_sync (&fixture->a, &error);
  g_assert_error (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_FAILED);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "127.0.0.1"));
  g_assert_null (reports);

  /* Recorded on the account, in words; the change waits to be sent. */
  accounts = bmb_sync_accounts_list (bmb_context_get_sync_accounts (fixture->a.context), NULL);
  account = g_ptr_array_index (accounts, 0);
  g_assert_cmpstr (account->last_error, ==, error->message);
  g_assert_cmpint (account->last_sync_at, ==, last_good);
  g_assert_cmpint (count_rows (&fixture->a, "sync_dirty"), >=, 1);
  {
    g_autoptr(BmbSession) kept = find_session (&fixture->a, bmb_session_get_uid (session));

    g_assert_nonnull (kept);
  }
  g_clear_pointer (&accounts, g_ptr_array_unref);

  bmb_radicale_restart (fixture->server);
  report = sync_side (&fixture->a);
  g_assert_cmpuint (bmb_sync_result_get_sent (report->calendar), ==, 1);
  g_assert_cmpint (count_rows (&fixture->a, "sync_dirty"), ==, 0);
  accounts = bmb_sync_accounts_list (bmb_context_get_sync_accounts (fixture->a.context), NULL);
  g_assert_null (((BmbSyncAccount *)g_ptr_array_index (accounts, 0))->last_error);
  bmb_sync_report_free (sync_side (&fixture->b));
  on_b = find_session (&fixture->b, bmb_session_get_uid (session));
  g_assert_nonnull (on_b);
}

static gint64
add_contact (Side       *side,
             const char *name)
{
  g_autoptr(BmbContact) contact = bmb_contact_new ();
  g_autoptr(GError) error = NULL;

  bmb_contact_set_display_name (contact, name);
  g_assert_true (bmb_contact_store_insert (bmb_context_get_contact_store (side->context),
                                           contact, &error));
  g_assert_no_error (error);
  return bmb_contact_get_id (contact);
}

static BmbRelationship *
only_relationship (Side *side)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = bmb_mentoring_store_list_relationships (mentoring (side), &error);

  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  return g_object_ref (g_ptr_array_index (list, 0));
}

/* A relationship and its phase travel as a VJOURNAL, its mentor and mentee found by their
 * contacts' UIDs, and the sessions that arrive are attached to it. */
static void
test_relationships_travel (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(BmbRelationship) relationship = bmb_relationship_new ();
  g_autoptr(BmbRelationship) on_b = NULL;
  g_autoptr(BmbRelationship) on_a = NULL;
  g_autoptr(BmbSession) session = bmb_session_new ();
  g_autoptr(BmbSession) session_b = NULL;
  g_autoptr(BmbContact) mentor_b = NULL;
  g_autoptr(BmbContact) mentor_a = NULL;
  g_autoptr(GError) error = NULL;

  SKIP_WITHOUT_RADICALE (fixture);

  bmb_relationship_set_mentor_id (relationship, add_contact (&fixture->a, "Budi Santoso"));
  bmb_relationship_set_mentee_id (relationship, add_contact (&fixture->a, "Sari Wulandari"));
  bmb_relationship_set_kind (relationship, BMB_RELATIONSHIP_KIND_REVERSE);
  bmb_relationship_set_phase (relationship, BMB_RELATIONSHIP_PHASE_NEGOTIATION);
  bmb_relationship_set_goals (relationship, "Sari learns to lead; Budi learns TikTok");
  bmb_relationship_set_started_on (relationship, "2026-11-02");
  g_assert_true (bmb_mentoring_store_save_relationship (mentoring (&fixture->a), relationship,
                                                       &error));
  g_assert_no_error (error);
  bmb_session_set_title (session, "First talk");
  bmb_session_set_start_local (session, "2026-12-14T10:00:00");
  bmb_session_set_tzid (session, "Asia/Jakarta");
  bmb_session_set_relationship_id (session, bmb_relationship_get_id (relationship));
  g_assert_true (bmb_mentoring_store_save_session (mentoring (&fixture->a), session, &error));
  g_assert_no_error (error);

  bmb_sync_report_free (sync_side (&fixture->a));
  bmb_sync_report_free (sync_side (&fixture->b));

  on_b = only_relationship (&fixture->b);
  g_assert_cmpint (bmb_relationship_get_phase (on_b), ==, BMB_RELATIONSHIP_PHASE_NEGOTIATION);
  g_assert_cmpint (bmb_relationship_get_kind (on_b), ==, BMB_RELATIONSHIP_KIND_REVERSE);
  g_assert_cmpstr (bmb_relationship_get_goals (on_b), ==, "Sari learns to lead; Budi learns TikTok");
  g_assert_cmpstr (bmb_relationship_get_started_on (on_b), ==, "2026-11-02");
  g_assert_cmpstr (bmb_relationship_get_mentor_name (on_b), ==, "Budi Santoso");
  g_assert_cmpstr (bmb_relationship_get_mentee_name (on_b), ==, "Sari Wulandari");
  mentor_b = bmb_contact_store_get (bmb_context_get_contact_store (fixture->b.context),
                                    bmb_relationship_get_mentor_id (on_b), &error);
  mentor_a = bmb_contact_store_get (bmb_context_get_contact_store (fixture->a.context),
                                    bmb_relationship_get_mentor_id (relationship), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bmb_contact_get_uid (mentor_b), ==, bmb_contact_get_uid (mentor_a));
  session_b = find_session (&fixture->b, bmb_session_get_uid (session));
  g_assert_nonnull (session_b);
  g_assert_cmpint (bmb_session_get_relationship_id (session_b), ==,
                   bmb_relationship_get_id (on_b));

  /* The phase moves on B, and on A after the next syncs. */
  bmb_relationship_set_phase (on_b, BMB_RELATIONSHIP_PHASE_ENABLING);
  g_assert_true (bmb_mentoring_store_save_relationship (mentoring (&fixture->b), on_b, &error));
  g_assert_no_error (error);
  bmb_sync_report_free (sync_side (&fixture->b));
  bmb_sync_report_free (sync_side (&fixture->a));
  on_a = only_relationship (&fixture->a);
  g_assert_cmpint (bmb_relationship_get_phase (on_a), ==, BMB_RELATIONSHIP_PHASE_ENABLING);
  g_assert_cmpint (count_rows (&fixture->a, "relationships"), ==, 1);

  if (python_readers_available ())
    {
      g_autofree char *seen = read_with_python (fixture);

      g_assert_cmpstr (seen, ==, "1 events, 0 todos, 2 cards");
    }
}

/* A server that answers 500 to everything: a clear error naming it, recorded on the
 * account; the local session stays and waits to be sent. */
static void
test_server_error (void)
{
  g_autoptr(BmbHttpStub) stub = bmb_http_stub_start (500);
  g_autoptr(BmbDatabase) db = bmb_test_open_tmp_database (NULL);
  g_autoptr(BmbContext) context = bmb_context_new (db, NULL, NULL);
  g_autoptr(BmbSession) session = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *calendar_url = g_strconcat (bmb_http_stub_get_url (stub), "ana/bimbing/", NULL);
  BmbSyncAccount account = {
    .server_url = (char *)bmb_http_stub_get_url (stub),
    .username = (char *)"ana",
    .calendar_url = calendar_url,
  };
  Side side = { .db = db, .context = context };

  g_assert_cmpint (bmb_sync_accounts_add (bmb_context_get_sync_accounts (context), &account,
                                          "rahasia", NULL, &error), >, 0);
  g_assert_no_error (error);
  session = make_session (&side, "Made before the server broke");

  reports = try_sync (&side, &error);
  g_assert_error (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_FAILED);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "127.0.0.1"));
  g_assert_true (bmb_http_stub_get_hits (stub) > 0);

  accounts = bmb_sync_accounts_list (bmb_context_get_sync_accounts (context), NULL);
  g_assert_cmpstr (((BmbSyncAccount *)accounts->pdata[0])->last_error, ==, error->message);
  {
    g_autoptr(BmbSession) kept = find_session (&side, bmb_session_get_uid (session));

    g_assert_nonnull (kept);
  }
}

/* Deletes every item of the calendar on the server with HTTP DELETE, as another client
 * (or a server wiped by mistake) would. */
static void
empty_calendar_on_server (Fixture *fixture)
{
  g_autofree char *folder = collection_folder (fixture, "bimbing");
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(BmbDavClient) client = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  guint deleted = 0;

  g_assert_nonnull (dir);
  client = bmb_dav_client_new (bmb_radicale_get_url (fixture->server), USER, PASSWORD, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autoptr(BmbDavReply) reply = NULL;
      BmbDavRequest request = { 0 };

      if (!g_str_has_suffix (name, ".ics"))
        continue;
      path = g_strdup_printf ("/" USER "/bimbing/%s", name);
      request.method = "DELETE";
      request.url = path;
      reply = bmb_dav_client_send (client, &request, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (reply->status / 100, ==, 2);
      deleted++;
    }
  g_assert_cmpuint (deleted, ==, 2);
}

static void
test_mass_deletion_guard (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(BmbSession) one = NULL;
  g_autoptr(BmbSession) two = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbSyncReport) report = NULL;

  SKIP_WITHOUT_RADICALE (fixture);

  one = make_session (&fixture->a, "One");
  two = make_session (&fixture->a, "Two");
  bmb_sync_report_free (sync_side (&fixture->a));
  {
    g_autofree char *folder = collection_folder (fixture, "bimbing");

    g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  }
  empty_calendar_on_server (fixture);

  /* Keep: the sync stops, both sessions stay. */
  fixture->a.answer = FALSE;
  reports = try_sync (&fixture->a, &error);
  if (reports != NULL)
    {
      g_autofree char *text = bmb_sync_report_to_string (g_ptr_array_index (reports, 0));
      g_test_message ("%s", text);
    }
  g_assert_error (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_FAILED);
  g_assert_cmpuint (fixture->a.asked, ==, 1);
  g_assert_cmpint (count_rows (&fixture->a, "sessions"), ==, 2);
  g_clear_error (&error);

  /* Delete: they go. */
  fixture->a.answer = TRUE;
  report = sync_side (&fixture->a);
  g_assert_cmpuint (fixture->a.asked, ==, 2);
  g_assert_cmpuint (bmb_sync_result_get_deleted_local (report->calendar), ==, 2);
  g_assert_cmpint (count_rows (&fixture->a, "sessions"), ==, 0);
}

static void
on_account_synced_cb (BmbSyncManager *manager,
                      gint64          account_id,
                      guint          *n)
{
  (*n)++;
}

static gboolean
is_positive (gpointer data)
{
  return *(guint *)data > 0;
}

/* Starts side A's manager with these delays and waits for its first sync; NULL (the test
 * skipped) without a network, since automatic syncs wait for one. */
static BmbSyncManager *
start_manager (Fixture *fixture,
               guint    interval_seconds,
               guint   *synced)
{
  BmbSyncManager *manager;

  if (!g_network_monitor_get_network_available (g_network_monitor_get_default ()))
    {
      g_test_skip ("no network: automatic syncs wait for one");
      return NULL;
    }

  manager = bmb_context_get_sync_manager (fixture->a.context);
  bmb_sync_manager_set_delays (manager, 200, interval_seconds);
  g_signal_connect (manager, "account-synced", G_CALLBACK (on_account_synced_cb), synced);
  bmb_sync_manager_start (manager);
  g_assert_true (bmb_test_wait_for (is_positive, synced, 20000));

  return manager;
}

/* Started, a manager syncs once at the start, then after a local change (debounced), and
 * a second sync with nothing changed costs one request per collection. */
static void
test_automatic (Fixture       *fixture,
                gconstpointer  data)
{
  BmbSyncManager *manager;
  g_autoptr(BmbSession) session = NULL;
  g_autoptr(BmbSession) on_b = NULL;
  guint synced = 0;

  SKIP_WITHOUT_RADICALE (fixture);
  if (!(manager = start_manager (fixture, 3600, &synced)))
    return;
  g_assert_false (bmb_sync_manager_get_syncing (manager));

  synced = 0;
  session = make_session (&fixture->a, "Saved, then synced by itself");
  g_assert_true (bmb_sync_manager_get_syncing (manager) == FALSE);
  g_assert_true (bmb_test_wait_for (is_positive, &synced, 20000));
  g_assert_cmpint (count_rows (&fixture->a, "sync_dirty"), ==, 0);

  /* What a sync writes here does not start another one. */
  bmb_sync_report_free (sync_side (&fixture->b));
  on_b = find_session (&fixture->b, bmb_session_get_uid (session));
  g_assert_nonnull (on_b);
  synced = 0;
  bmb_test_spin (600);
  g_assert_cmpuint (synced, ==, 0);

  /* Once the collections' ctags are past our own writes, a sync with nothing to do is
   * one request per collection. */
  bmb_sync_report_free (sync_side (&fixture->a));
  {
    guint before = bmb_sync_manager_get_n_requests (manager);

    bmb_sync_report_free (sync_side (&fixture->a));
    g_assert_cmpuint (bmb_sync_manager_get_n_requests (manager) - before, ==, 2);
  }
}

typedef struct
{
  Side       *side;
  const char *uid;
} SessionWait;

static gboolean
session_arrived (gpointer data)
{
  SessionWait *wait = data;
  g_autoptr(BmbSession) session = find_session (wait->side, wait->uid);

  return session != NULL;
}

/* Between local changes, the manager still syncs on its interval: what another computer
 * sent to the server arrives without anything happening here. (The app's interval is 15
 * minutes; the test sets one second.) */
static void
test_periodic (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(BmbSession) on_b = NULL;
  SessionWait wait = { NULL, NULL };
  guint synced = 0;

  SKIP_WITHOUT_RADICALE (fixture);
  if (!start_manager (fixture, 1, &synced))
    return;

  on_b = make_session (&fixture->b, "Planned on the other computer");
  bmb_sync_report_free (sync_side (&fixture->b));
  wait.side = &fixture->a;
  wait.uid = bmb_session_get_uid (on_b);
  g_assert_false (session_arrived (&wait));
  synced = 0;
  g_assert_true (bmb_test_wait_for (session_arrived, &wait, 20000));
  g_assert_cmpuint (synced, >, 0);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *keyring = NULL;

  g_setenv ("TZ", "Asia/Jakarta", TRUE);
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  keyring = bmb_test_tmp_path ("keyring");
  g_setenv ("SECRET_BACKEND", "file", TRUE);
  g_setenv ("SECRET_FILE_TEST_PATH", keyring, TRUE);
  g_setenv ("SECRET_FILE_TEST_PASSWORD", "test-keyring", TRUE);

#define ADD(path, func) \
  g_test_add ("/sync/radicale/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("items-travel", test_items_travel);
  ADD ("merge-and-conflicts", test_merge_and_conflicts);
  ADD ("deletes-travel", test_deletes_travel);
  ADD ("stale-token", test_stale_token);
  ADD ("server-down", test_server_down);
  ADD ("mass-deletion-guard", test_mass_deletion_guard);
  ADD ("automatic", test_automatic);
  ADD ("periodic", test_periodic);
  ADD ("relationships-travel", test_relationships_travel);
#undef ADD
  g_test_add_func ("/sync/radicale/server-error", test_server_error);

  return g_test_run ();
}
