/* test-sync-accounts.c — sync accounts in the database, passwords only in the keyring
 * (libsecret's file backend), and adding an account against Radicale
 *
 * Copyright 2026 The Bimbing Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "bmb-dav-discovery.h"
#include "bmb-radicale.h"
#include "bmb-sync-account-setup.h"
#include "bmb-sync-accounts.h"
#include "bmb-test-utils.h"

#define PASSWORD "sandi-rahasia-7431"

/* TRUE when needle is anywhere in the database file or its WAL. */
static gboolean
database_files_contain (const char *path,
                        const char *needle)
{
  const char *suffixes[] = { "", "-wal", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *data = NULL;
      gsize length = 0;

      gsize n = strlen (needle);

      if (!g_file_get_contents (file, &data, &length, NULL))
        continue;
      for (gsize at = 0; at + n <= length; at++)
        if (memcmp (data + at, needle, n) == 0)
          return TRUE;
    }
  return FALSE;
}

static void
test_add_list_remove (void)
{
  g_autofree char *path = NULL;
  g_autoptr(BmbDatabase) db = bmb_test_open_tmp_database (&path);
  g_autoptr(BmbSyncAccounts) accounts = bmb_sync_accounts_new (db);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(BmbSyncAccount) got = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *password = NULL;
  BmbSyncAccount account = {
    .server_url = (char *)"https://dav.example.org/",
    .username = (char *)"ayu",
    .principal_url = (char *)"https://dav.example.org/principals/ayu/",
    .calendar_url = (char *)"https://dav.example.org/calendars/ayu/bimbing/",
    .addressbook_url = NULL,
  };
  gint64 before = g_get_real_time () / G_USEC_PER_SEC;
  gint64 id, id2;

  id = bmb_sync_accounts_add (accounts, &account, PASSWORD, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  /* The same user on the same server again is refused, and the first password stays. */
  g_assert_cmpint (bmb_sync_accounts_add (accounts, &account, "other", NULL, &error), ==, 0);
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "dav.example.org"));
  g_clear_error (&error);

  account.username = (char *)"budi";
  id2 = bmb_sync_accounts_add (accounts, &account, "budi-pw", NULL, &error);
  g_assert_no_error (error);

  list = bmb_sync_accounts_list (accounts, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  got = bmb_sync_account_copy (g_ptr_array_index (list, 0));
  g_assert_cmpint (got->id, ==, id);
  g_assert_cmpstr (got->server_url, ==, "https://dav.example.org/");
  g_assert_cmpstr (got->username, ==, "ayu");
  g_assert_cmpstr (got->principal_url, ==, "https://dav.example.org/principals/ayu/");
  g_assert_cmpstr (got->calendar_url, ==, "https://dav.example.org/calendars/ayu/bimbing/");
  g_assert_null (got->addressbook_url);
  g_assert_cmpint (got->last_sync_at, ==, 0);
  g_assert_null (got->last_error);
  g_assert_cmpint (got->created_at, >=, before);

  /* The password is in the keyring, never in the database. */
  password = bmb_sync_accounts_lookup_password (accounts, got, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (password, ==, PASSWORD);
  g_assert_false (database_files_contain (path, PASSWORD));
  g_assert_true (database_files_contain (path, "dav.example.org/calendars/ayu"));

  /* Sync results: an error keeps the last good sync time; success clears the error. */
  g_assert_true (bmb_sync_accounts_record_sync (accounts, id, 1700000000, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (bmb_sync_accounts_record_sync (accounts, id, 1700000900,
                                                "dav.example.org did not answer in time.", &error));
  g_assert_no_error (error);
  g_clear_pointer (&got, bmb_sync_account_free);
  got = bmb_sync_accounts_get (accounts, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (got->last_sync_at, ==, 1700000000);
  g_assert_cmpstr (got->last_error, ==, "dav.example.org did not answer in time.");
  g_assert_true (bmb_sync_accounts_record_sync (accounts, id, 1700001800, NULL, &error));
  g_clear_pointer (&got, bmb_sync_account_free);
  got = bmb_sync_accounts_get (accounts, id, &error);
  g_assert_cmpint (got->last_sync_at, ==, 1700001800);
  g_assert_null (got->last_error);
  g_assert_false (bmb_sync_accounts_record_sync (accounts, 9999, 1, NULL, &error));
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Remove: the row and its password go, the other account stays whole. */
  g_assert_true (bmb_sync_accounts_remove (accounts, id, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (bmb_sync_accounts_get (accounts, id, &error));
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_pointer (&password, g_free);
  g_assert_null (bmb_sync_accounts_lookup_password (accounts, got, NULL, &error));
  g_assert_error (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_AUTH);
  g_assert_nonnull (strstr (error->message, "“ayu”"));
  g_clear_error (&error);

  g_clear_pointer (&got, bmb_sync_account_free);
  got = bmb_sync_accounts_get (accounts, id2, &error);
  g_assert_no_error (error);
  password = bmb_sync_accounts_lookup_password (accounts, got, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (password, ==, "budi-pw");
}

static void
test_setup_against_radicale (void)
{
  g_autoptr(BmbRadicale) server = NULL;
  g_autoptr(BmbDatabase) db = bmb_test_open_tmp_database (NULL);
  g_autoptr(BmbSyncAccounts) accounts = bmb_sync_accounts_new (db);
  g_autoptr(BmbSyncAccount) account = NULL;
  g_autoptr(BmbSyncAccount) again = NULL;
  g_autoptr(BmbDavClient) client = NULL;
  g_autoptr(BmbDavDiscovery) discovery = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *home = NULL;

  if (!bmb_radicale_available ())
    {
      g_test_skip ("Radicale is not installed (python3-radicale)");
      return;
    }
  server = bmb_radicale_start ("ayu", PASSWORD);
  home = g_strconcat (bmb_radicale_get_url (server), "ayu/", NULL);

  /* A wrong password: a clear error, nothing stored. */
  g_assert_null (bmb_sync_account_setup (accounts, bmb_radicale_get_url (server), "ayu", "salah",
                                         NULL, &error));
  g_assert_error (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_AUTH);
  g_clear_error (&error);
  list = bmb_sync_accounts_list (accounts, &error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);

  account = bmb_sync_account_setup (accounts, bmb_radicale_get_url (server), "ayu", PASSWORD,
                                    NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (account);
  g_assert_cmpstr (account->server_url, ==, bmb_radicale_get_url (server));
  g_assert_cmpstr (account->principal_url, ==, home);
  g_assert_true (g_str_has_prefix (account->calendar_url, home));
  g_assert_true (g_str_has_prefix (account->addressbook_url, home));
  g_assert_cmpstr (account->calendar_url, !=, account->addressbook_url);

  /* The server now has them, named Bimbing. */
  client = bmb_sync_accounts_open_client (accounts, account, NULL, &error);
  g_assert_no_error (error);
  discovery = bmb_dav_discover (client, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (discovery->calendars->len, ==, 1);
  g_assert_cmpuint (discovery->address_books->len, ==, 1);
  g_assert_cmpstr (bmb_dav_discovery_find_bimbing (discovery, BMB_SYNC_COLLECTION_CALENDAR)->url,
                   ==, account->calendar_url);

  /* Twice is refused; after removing, adding again picks the same collections. */
  g_assert_null (bmb_sync_account_setup (accounts, bmb_radicale_get_url (server), "ayu", PASSWORD,
                                         NULL, &error));
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_true (bmb_sync_accounts_remove (accounts, account->id, NULL, &error));
  g_assert_no_error (error);
  again = bmb_sync_account_setup (accounts, bmb_radicale_get_url (server), "ayu", PASSWORD,
                                  NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again->calendar_url, ==, account->calendar_url);
  g_assert_cmpstr (again->addressbook_url, ==, account->addressbook_url);
  g_clear_pointer (&discovery, bmb_dav_discovery_free);
  discovery = bmb_dav_discover (client, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (discovery->calendars->len, ==, 1);
  g_assert_cmpuint (discovery->address_books->len, ==, 1);
}

/* bimbing --add-account URL --username NAME, the password on standard input. */
static void
test_command_line (void)
{
  g_autoptr(BmbRadicale) server = NULL;
  g_autofree char *db_path = NULL;
  g_autoptr(BmbDatabase) db = NULL;
  g_autoptr(BmbSyncAccounts) accounts = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *keyring = NULL;
  const char *binary = g_getenv ("BIMBING_BINARY");
  struct { const char *user, *stdin_text; int status; const char *out, *err; } runs[] = {
    { "ayu", "salah\n", 1, "", "did not accept the user name “ayu”" },
    { "ayu", "", 1, "", "standard input" },
    { NULL, PASSWORD "\n", 1, "", "--username" },
    { "ayu", PASSWORD "\n", 0, "Calendar: http://127.0.0.1:", "" },
  };

  if (!bmb_radicale_available () || binary == NULL)
    {
      g_test_skip ("Radicale or the bimbing binary is missing");
      return;
    }
  server = bmb_radicale_start ("ayu", PASSWORD);
  db_path = bmb_test_tmp_path ("cli.db");
  /* The child's own keyring file: this process's file backend read its own at start and
   * would not see the child's writes. */
  keyring = bmb_test_tmp_path ("cli-keyring");

  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    {
      g_autoptr(GSubprocess) process = NULL;
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      const char *argv[] = { binary, "--database", db_path,
                             "--add-account", bmb_radicale_get_url (server),
                             runs[i].user ? "--username" : NULL, runs[i].user, NULL };

      g_autoptr(GSubprocessLauncher) launcher = NULL;

      launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                            G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                            G_SUBPROCESS_FLAGS_STDERR_PIPE);
      g_subprocess_launcher_setenv (launcher, "SECRET_FILE_TEST_PATH", keyring, TRUE);
      process = g_subprocess_launcher_spawnv (launcher, argv, &error);
      g_assert_no_error (error);
      g_subprocess_communicate_utf8 (process, runs[i].stdin_text, NULL, &out, &err, &error);
      g_assert_no_error (error);
      g_assert_cmpint (g_subprocess_get_exit_status (process), ==, runs[i].status);
      g_assert_nonnull (strstr (out, runs[i].out));
      g_assert_nonnull (strstr (err, runs[i].err));
    }

  db = bmb_database_open (db_path, &error);
  g_assert_no_error (error);
  accounts = bmb_sync_accounts_new (db);
  list = bmb_sync_accounts_list (accounts, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((BmbSyncAccount *)g_ptr_array_index (list, 0))->username, ==, "ayu");
  g_assert_nonnull (((BmbSyncAccount *)g_ptr_array_index (list, 0))->calendar_url);
  g_assert_nonnull (((BmbSyncAccount *)g_ptr_array_index (list, 0))->addressbook_url);
  /* The password went to the (encrypted) keyring file, not to the database. */
  g_assert_true (g_file_test (keyring, G_FILE_TEST_IS_REGULAR));
  g_assert_false (database_files_contain (keyring, PASSWORD));
  g_assert_false (database_files_contain (db_path, PASSWORD));
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *keyring = NULL;

  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

  /* libsecret's file backend: no D-Bus, no keyring daemon. */
  keyring = bmb_test_tmp_path ("keyring");
  g_setenv ("SECRET_BACKEND", "file", TRUE);
  g_setenv ("SECRET_FILE_TEST_PATH", keyring, TRUE);
  g_setenv ("SECRET_FILE_TEST_PASSWORD", "test-keyring", TRUE);

  g_test_add_func ("/sync/accounts/add-list-remove", test_add_list_remove);
  g_test_add_func ("/sync/accounts/setup-radicale", test_setup_against_radicale);
  g_test_add_func ("/sync/accounts/command-line", test_command_line);

  return g_test_run ();
}
