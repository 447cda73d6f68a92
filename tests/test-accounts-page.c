/* test-accounts-page.c — Preferences → Accounts driven for real under Xvfb: adding an
 * account on a Radicale on loopback (a wrong password first), its row, removing it
 *
 * Copyright 2026 The Bimbing Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <locale.h>

#include "bmb-accounts-page.h"
#include "bmb-radicale.h"
#include "bmb-sync-account-setup.h"
#include "bmb-sync-accounts.h"
#include "bmb-test-utils.h"

#define USER "mentor"
#define PASSWORD "rahasia-ui-55"

typedef struct {
  GtkWidget *page;
  GtkWidget *button;
} Page;

static gboolean
button_sensitive (gpointer data)
{
  Page *page = data;

  return gtk_widget_get_sensitive (page->button);
}

static gboolean
dialog_shown (gpointer data)
{
  return bmb_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static gboolean
has_row (gpointer data)
{
  return gtk_list_box_get_row_at_index (GTK_LIST_BOX (data), 0) != NULL;
}

static gboolean
row_synced (gpointer data)
{
  GtkListBox *list = data;
  AdwActionRow *row = ADW_ACTION_ROW (gtk_list_box_get_row_at_index (list, 0));

  return row != NULL && g_str_has_prefix (adw_action_row_get_subtitle (row), "Last synced on ");
}

static void
fill (GtkWidget  *page,
      const char *address,
      const char *user,
      const char *password)
{
  gtk_editable_set_text (GTK_EDITABLE (bmb_test_find_named (page, "address-row")), address);
  gtk_editable_set_text (GTK_EDITABLE (bmb_test_find_named (page, "username-row")), user);
  gtk_editable_set_text (GTK_EDITABLE (bmb_test_find_named (page, "password-row")), password);
}

static void
test_add_and_remove (void)
{
  g_autoptr(BmbRadicale) server = NULL;
  g_autoptr(BmbDatabase) db = bmb_test_open_tmp_database (NULL);
  g_autoptr(BmbContext) context = bmb_context_new (db, NULL, NULL);
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window, *dialog;
  GtkListBox *list;
  AdwActionRow *row;
  GtkWidget *remove;
  Page page;

  if (!bmb_radicale_available ())
    {
      g_test_skip ("Radicale is not installed (python3-radicale)");
      return;
    }
  server = bmb_radicale_start (USER, PASSWORD);

  window = GTK_WINDOW (adw_preferences_window_new ());
  page.page = GTK_WIDGET (bmb_accounts_page_new (context));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window), ADW_PREFERENCES_PAGE (page.page));
  gtk_window_present (window);
  bmb_test_spin (100);

  list = GTK_LIST_BOX (bmb_test_find_named (page.page, "accounts-list"));
  page.button = bmb_test_find_named (page.page, "add-button");
  g_assert_null (gtk_list_box_get_row_at_index (list, 0));

  /* Add is offered only with all three filled in. */
  g_assert_false (gtk_widget_get_sensitive (page.button));
  fill (page.page, bmb_radicale_get_url (server), USER, "");
  g_assert_false (gtk_widget_get_sensitive (page.button));

  /* A wrong password: the error names the server and the user; nothing is stored. */
  fill (page.page, bmb_radicale_get_url (server), USER, "salah");
  g_assert_true (gtk_widget_get_sensitive (page.button));
  g_signal_emit_by_name (page.button, "clicked");
  g_assert_false (gtk_widget_get_sensitive (page.button));
  g_assert_true (bmb_test_wait_for (dialog_shown, NULL, 20000));
  dialog = bmb_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Could Not Add the Account");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "did not accept the user name “" USER "”"));
  gtk_window_destroy (dialog);
  g_assert_true (bmb_test_wait_for (button_sensitive, &page, 5000));
  g_assert_null (gtk_list_box_get_row_at_index (list, 0));

  /* The right one: a row for the account, the form emptied. */
  fill (page.page, bmb_radicale_get_url (server), USER, PASSWORD);
  g_signal_emit_by_name (page.button, "clicked");
  g_assert_true (bmb_test_wait_for (has_row, list, 20000));
  row = ADW_ACTION_ROW (gtk_list_box_get_row_at_index (list, 0));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   USER " on 127.0.0.1");
  /* A new account syncs at once. */
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "Syncing…");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (bmb_test_find_named (page.page,
                                                                             "password-row"))),
                   ==, "");
  accounts = bmb_sync_accounts_list (bmb_context_get_sync_accounts (context), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (accounts->len, ==, 1);
  g_assert_true (g_str_has_suffix (((BmbSyncAccount *)accounts->pdata[0])->calendar_url,
                                   "/" USER "/bimbing/"));
  g_clear_pointer (&accounts, g_ptr_array_unref);

  g_assert_true (bmb_test_wait_for (row_synced, list, 30000));
  row = ADW_ACTION_ROW (gtk_list_box_get_row_at_index (list, 0));

  /* Remove: the row and the account go. */
  remove = bmb_test_find_widget (GTK_WIDGET (row), GTK_TYPE_BUTTON, "destructive-action");
  g_assert_nonnull (remove);
  g_signal_emit_by_name (remove, "clicked");
  g_assert_null (gtk_list_box_get_row_at_index (list, 0));
  accounts = bmb_sync_accounts_list (bmb_context_get_sync_accounts (context), &error);
  g_assert_cmpuint (accounts->len, ==, 0);
  /* What was synced through it is forgotten; the local data stays. */
  {
    sqlite3_stmt *stmt = bmb_database_prepare (db, "SELECT count (*) FROM sync_collections", NULL);

    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, 0);
    sqlite3_reset (stmt);
  }

  gtk_window_destroy (window);
}

/* Sync Now on an account's row: the row says it syncs, then shows the last sync and what
 * it did, from the sync manager's signal. */
static void
test_sync_now (void)
{
  g_autoptr(BmbRadicale) server = NULL;
  g_autoptr(BmbDatabase) db = bmb_test_open_tmp_database (NULL);
  g_autoptr(BmbContext) context = bmb_context_new (db, NULL, NULL);
  g_autoptr(BmbSyncAccount) account = NULL;
  g_autoptr(BmbContact) contact = bmb_contact_new ();
  g_autoptr(GError) error = NULL;
  GtkWindow *window;
  GtkWidget *page, *button;
  GtkListBox *list;
  AdwActionRow *row;

  if (!bmb_radicale_available ())
    {
      g_test_skip ("Radicale is not installed (python3-radicale)");
      return;
    }
  server = bmb_radicale_start (USER, PASSWORD);
  account = bmb_sync_account_setup (bmb_context_get_sync_accounts (context),
                                    bmb_radicale_get_url (server), USER, PASSWORD, NULL, &error);
  g_assert_no_error (error);
  bmb_contact_set_display_name (contact, "Rina Kusuma");
  g_assert_true (bmb_contact_store_insert (bmb_context_get_contact_store (context), contact,
                                           &error));
  g_assert_no_error (error);

  window = GTK_WINDOW (adw_preferences_window_new ());
  page = GTK_WIDGET (bmb_accounts_page_new (context));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window), ADW_PREFERENCES_PAGE (page));
  gtk_window_present (window);
  bmb_test_spin (100);

  list = GTK_LIST_BOX (bmb_test_find_named (page, "accounts-list"));
  row = ADW_ACTION_ROW (gtk_list_box_get_row_at_index (list, 0));
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "Not synced yet");
  button = bmb_test_find_named (GTK_WIDGET (row), "sync-now-button");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");

  /* While it runs: said so, and not offered twice. */
  row = ADW_ACTION_ROW (gtk_list_box_get_row_at_index (list, 0));
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "Syncing…");
  g_assert_false (gtk_widget_get_sensitive (bmb_test_find_named (GTK_WIDGET (row),
                                                                 "sync-now-button")));

  g_assert_true (bmb_test_wait_for (row_synced, list, 30000));
  row = ADW_ACTION_ROW (gtk_list_box_get_row_at_index (list, 0));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row),
                            "\nAddress book: Sent 1 item, received 0 items"));
  g_assert_true (gtk_widget_get_sensitive (bmb_test_find_named (GTK_WIDGET (row),
                                                                "sync-now-button")));

  gtk_window_destroy (window);
}

static void
test_describe_sync (void)
{
  g_autofree char *never = bmb_accounts_page_describe_sync (0, NULL);
  g_autofree char *failed = bmb_accounts_page_describe_sync (1700000000, "dav.example.org did not answer in time.");
  g_autofree char *good = bmb_accounts_page_describe_sync (1700000000, NULL);

  g_assert_cmpstr (never, ==, "Not synced yet");
  g_assert_cmpstr (failed, ==, "Last sync failed: dav.example.org did not answer in time.");
  /* 2023-11-14 22:13 UTC is 2023-11-15 05:13 in Jakarta. */
  g_assert_cmpstr (good, ==, "Last synced on November 15, 2023 at 05:13");
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

  g_test_add_func ("/accounts-page/describe-sync", test_describe_sync);
  g_test_add_func ("/accounts-page/add-and-remove", test_add_and_remove);
  g_test_add_func ("/accounts-page/sync-now", test_sync_now);

  return g_test_run ();
}
