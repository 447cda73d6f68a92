/* test-sync-window.c — sync in the running application, under Xvfb: the window starts the
 * sync manager (a first sync once it is on screen), and the mass-deletion guard asks in a
 * dialog (Keep, then Delete) when the server's calendar was emptied behind its back
 *
 * Copyright 2026 The Bimbing Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <locale.h>

#include "bmb-application.h"
#include "bmb-context.h"
#include "bmb-dav-client.h"
#include "bmb-radicale.h"
#include "bmb-sync-account-setup.h"
#include "bmb-test-utils.h"

#define USER "mentor"
#define PASSWORD "rahasia-window-3"

static gboolean
synced (gpointer data)
{
  BmbContext *context = data;
  g_autoptr(GPtrArray) accounts = bmb_sync_accounts_list (bmb_context_get_sync_accounts (context),
                                                          NULL);

  return accounts != NULL && accounts->len == 1 &&
         ((BmbSyncAccount *)accounts->pdata[0])->last_sync_at > 0 &&
         !bmb_sync_manager_get_syncing (bmb_context_get_sync_manager (context));
}

static gboolean
dialog_shown (gpointer data)
{
  return bmb_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static gboolean
idle_manager (gpointer data)
{
  return !bmb_sync_manager_get_syncing (data);
}

static gint64
count_sessions (BmbContext *context)
{
  sqlite3_stmt *stmt = bmb_database_prepare (bmb_context_get_database (context),
                                             "SELECT count (*) FROM sessions", NULL);
  gint64 n;

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

static void
empty_calendar_on_server (BmbRadicale *server)
{
  g_autofree char *folder = g_build_filename (bmb_radicale_get_folder (server), "storage",
                                              "collection-root", USER, "bimbing", NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(BmbDavClient) client = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;

  g_assert_nonnull (dir);
  client = bmb_dav_client_new (bmb_radicale_get_url (server), USER, PASSWORD, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_strdup_printf ("/" USER "/bimbing/%s", name);
      g_autoptr(BmbDavReply) reply = NULL;
      BmbDavRequest request = { .method = "DELETE", .url = path };

      if (!g_str_has_suffix (name, ".ics"))
        continue;
      reply = bmb_dav_client_send (client, &request, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (reply->status / 100, ==, 2);
    }
}

static void
answer_dialog (const char *response)
{
  AdwMessageDialog *dialog;

  g_assert_true (bmb_test_wait_for (dialog_shown, NULL, 30000));
  dialog = ADW_MESSAGE_DIALOG (bmb_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Delete Here Too?");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "The server’s calendar is empty. Delete 2 sessions, goals and action items here too?");
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "keep");
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_guard_asks (void)
{
  g_autoptr(BmbRadicale) server = NULL;
  g_autofree char *db_path = NULL;
  g_autoptr(GError) error = NULL;
  BmbApplication *app;
  BmbContext *context;
  BmbSyncManager *manager;

  if (!bmb_radicale_available ())
    {
      g_test_skip ("Radicale is not installed (python3-radicale)");
      return;
    }
  server = bmb_radicale_start (USER, PASSWORD);

  /* An account and two sessions, before the app starts. */
  {
    g_autoptr(BmbDatabase) db = bmb_test_open_tmp_database (&db_path);
    g_autoptr(BmbSyncAccounts) accounts = bmb_sync_accounts_new (db);
    g_autoptr(BmbMentoringStore) mentoring = bmb_mentoring_store_new (db);
    g_autoptr(BmbSyncAccount) account = NULL;

    account = bmb_sync_account_setup (accounts, bmb_radicale_get_url (server), USER, PASSWORD,
                                      NULL, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < 2; i++)
      {
        g_autoptr(BmbSession) session = bmb_session_new ();

        bmb_session_set_title (session, i == 0 ? "Weekly with Budi" : "Coffee with Sari");
        bmb_session_set_start_local (session, "2026-12-14T10:00:00");
        bmb_session_set_tzid (session, "Asia/Jakarta");
        g_assert_true (bmb_mentoring_store_save_session (mentoring, session, &error));
        g_assert_no_error (error);
      }
  }

  app = bmb_test_app_new (db_path);
  g_assert_nonnull (bmb_application_present_main_window (app));
  context = bmb_application_get_context (app);
  manager = bmb_context_get_sync_manager (context);

  /* The first sync comes by itself once the window is up. */
  g_assert_true (bmb_test_wait_for (synced, context, 30000));
  g_assert_cmpint (count_sessions (context), ==, 2);

  empty_calendar_on_server (server);

  /* Keep: nothing deleted, the account says the sync stopped. */
  bmb_sync_manager_sync_now (manager);
  answer_dialog ("keep");
  g_assert_true (bmb_test_wait_for (idle_manager, manager, 30000));
  g_assert_cmpint (count_sessions (context), ==, 2);

  /* Delete: they go. */
  bmb_sync_manager_sync_now (manager);
  answer_dialog ("delete");
  g_assert_true (bmb_test_wait_for (idle_manager, manager, 30000));
  g_assert_cmpint (count_sessions (context), ==, 0);

  bmb_test_app_free (app);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *keyring = NULL;

  g_setenv ("TZ", "Asia/Jakarta", TRUE);
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  keyring = bmb_test_tmp_path ("keyring");
  g_setenv ("SECRET_BACKEND", "file", TRUE);
  g_setenv ("SECRET_FILE_TEST_PATH", keyring, TRUE);
  g_setenv ("SECRET_FILE_TEST_PASSWORD", "test-keyring", TRUE);

  if (!bmb_test_have_display ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();

  g_test_add_func ("/sync-window/guard-asks", test_guard_asks);

  return g_test_run ();
}
