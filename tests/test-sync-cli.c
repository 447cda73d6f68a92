/* test-sync-cli.c — `bimbing --add-account` then `bimbing --sync` as a script runs them,
 * against Radicale on loopback: the counts on standard output and exit status 0; with no
 * account, and with the server stopped, a clear message on standard error and status 1
 *
 * Copyright 2026 The Bimbing Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bmb-context.h"
#include "bmb-radicale.h"
#include "bmb-test-utils.h"

#define USER "mentor"
#define PASSWORD "rahasia-cli-9"

/* Runs bimbing with args after --database db; returns its exit status. */
static int
run_bimbing (const char  *db,
             const char  *input,
             char       **out,
             char       **err,
             ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (char *)g_getenv ("BIMBING_BINARY"));
  g_ptr_array_add (argv, (char *)"--database");
  g_ptr_array_add (argv, (char *)db);
  va_start (args, err);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *)argv->pdata,
                               G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                               G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input, NULL, out, err, &error);
  g_assert_no_error (error);
  g_test_message ("stdout: %s\nstderr: %s", *out, *err);
  return g_subprocess_get_exit_status (process);
}

static void
test_add_then_sync (void)
{
  g_autoptr(BmbRadicale) server = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!bmb_radicale_available ())
    {
      g_test_skip ("Radicale is not installed (python3-radicale)");
      return;
    }
  server = bmb_radicale_start (USER, PASSWORD);

  /* A contact to send. */
  {
    g_autoptr(BmbDatabase) db = bmb_test_open_tmp_database (&db_path);
    g_autoptr(BmbContactStore) contacts = bmb_contact_store_new (db);
    g_autoptr(BmbContact) contact = bmb_contact_new ();

    bmb_contact_set_display_name (contact, "Rina Kusuma");
    g_assert_true (bmb_contact_store_insert (contacts, contact, &error));
    g_assert_no_error (error);
  }

  /* No account yet: said so, status 1. */
  status = run_bimbing (db_path, NULL, &out, &err, "--sync", NULL);
  g_assert_cmpint (status, ==, 1);
  g_assert_cmpstr (err, ==, "There is no account to sync with. Add one with --add-account URL --username NAME.\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  status = run_bimbing (db_path, PASSWORD "\n", &out, &err,
                        "--add-account", bmb_radicale_get_url (server), "--username", USER, NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_str_has_prefix (out, "Added “" USER "”"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  status = run_bimbing (db_path, NULL, &out, &err, "--sync", NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (out, ==,
                   USER " on 127.0.0.1:\n"
                   "  Calendar: Sent 0 items, received 0 items, deleted 0 here and 0 on the server, 0 conflicts.\n"
                   "  Address book: Sent 1 item, received 0 items, deleted 0 here and 0 on the server, 0 conflicts.\n");
  g_assert_cmpstr (err, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* The server stopped: status 1, the error names the server; nothing written here. */
  bmb_radicale_stop (server);
  status = run_bimbing (db_path, NULL, &out, &err, "--sync", NULL);
  g_assert_cmpint (status, ==, 1);
  g_assert_true (g_str_has_prefix (err, "The sync failed: "));
  g_assert_nonnull (strstr (err, "127.0.0.1"));
  g_assert_cmpstr (out, ==, USER " on 127.0.0.1:\n");
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
  /* No running instance to hand the command to. */
  g_unsetenv ("DBUS_SESSION_BUS_ADDRESS");
  g_assert_nonnull (g_getenv ("BIMBING_BINARY"));

  g_test_add_func ("/sync/cli/add-then-sync", test_add_then_sync);

  return g_test_run ();
}
