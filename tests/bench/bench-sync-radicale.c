/* bench-sync-radicale.c
 *
 * Copyright 2026 The Bimbing Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The whole sync path as the app runs it (BmbSyncManager: the account's client from the
 * keyring, both collections, the engine on its worker thread) against Radicale on
 * loopback: the first sync of BIMBING_BENCH_SYNC_SESSIONS weekly sessions (1,000) and
 * BIMBING_BENCH_SYNC_CONTACTS contacts (2,000: Radicale takes ~0.18 s per contact PUT, so
 * the 10,000 of the issue take about half an hour), the sync right after it, a sync with
 * nothing changed, and a second computer's first sync (everything pulled). Prints wall
 * times and HTTP requests; never fails the suite.
 */

#include "config.h"

#include "bmb-context.h"
#include "bmb-radicale.h"
#include "bmb-sync-account-setup.h"
#include "bmb-test-utils.h"

#define USER "bench"
#define PASSWORD "bench-radicale"

static guint
env_count (const char *name,
           guint       fallback)
{
  const char *text = g_getenv (name);

  return text != NULL ? (guint)g_ascii_strtoull (text, NULL, 10) : fallback;
}

static void
fill (BmbContext *context,
      guint       n_sessions,
      guint       n_contacts)
{
  BmbDatabase *db = bmb_context_get_database (context);
  BmbMentoringStore *mentoring = bmb_context_get_mentoring_store (context);
  BmbContactStore *contacts = bmb_context_get_contact_store (context);
  g_autoptr(GError) error = NULL;

  g_assert_true (bmb_database_begin (db, &error));
  for (guint i = 0; i < n_sessions; i++)
    {
      g_autoptr(BmbSession) session = bmb_session_new ();
      g_autofree char *title = g_strdup_printf ("Mentoring session %u", i);
      g_autofree char *start = g_strdup_printf ("2026-%02u-%02uT%02u:00:00", 1 + i % 12,
                                                1 + i % 28, 8 + i % 10);

      bmb_session_set_title (session, title);
      bmb_session_set_start_local (session, start);
      bmb_session_set_tzid (session, "Asia/Jakarta");
      bmb_session_set_notes (session, "Agenda: goals, obstacles, next steps.");
      bmb_session_set_rrule (session, "FREQ=WEEKLY;COUNT=12");
      bmb_session_append_agenda_item (session, "Review last week's action items");
      g_assert_true (bmb_mentoring_store_save_session (mentoring, session, &error));
    }
  for (guint i = 0; i < n_contacts; i++)
    {
      g_autoptr(BmbContact) contact = bmb_contact_new ();
      g_autofree char *name = g_strdup_printf ("Kontak Nomor %u", i);
      g_autofree char *email = g_strdup_printf ("kontak%u@example.id", i);

      bmb_contact_set_display_name (contact, name);
      bmb_contact_set_organization (contact, "Komunitas Mentor");
      bmb_contact_add_field (contact, BMB_CONTACT_FIELD_EMAIL, "work", email, TRUE);
      g_assert_true (bmb_contact_store_insert (contacts, contact, &error));
    }
  g_assert_true (bmb_database_commit (db, &error));
}

static void
on_synced_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

static void
run (const char *label,
     BmbContext *context)
{
  BmbSyncManager *manager = bmb_context_get_sync_manager (context);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  guint before = bmb_sync_manager_get_n_requests (manager);
  gint64 t0 = g_get_monotonic_time ();

  bmb_sync_manager_sync_async (manager, NULL, on_synced_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  if (!bmb_sync_manager_sync_finish (manager, result, &reports, &error))
    g_error ("%s: %s", label, error->message);
  summary = bmb_sync_report_to_string (g_ptr_array_index (reports, 0));
  g_print ("%-32s %9.1f s  %6u requests\n    %s\n", label,
           (g_get_monotonic_time () - t0) / (double)G_USEC_PER_SEC,
           bmb_sync_manager_get_n_requests (manager) - before, summary);
}

static BmbContext *
side_new (BmbRadicale *server)
{
  g_autoptr(BmbDatabase) db = bmb_test_open_tmp_database (NULL);
  g_autoptr(BmbSyncAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  BmbContext *context = bmb_context_new (db, NULL, NULL);

  account = bmb_sync_account_setup (bmb_context_get_sync_accounts (context),
                                    bmb_radicale_get_url (server), USER, PASSWORD, NULL, &error);
  g_assert_no_error (error);
  return context;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(BmbRadicale) server = NULL;
  g_autoptr(BmbContext) a = NULL;
  g_autoptr(BmbContext) b = NULL;
  g_autofree char *keyring = NULL;
  guint n_sessions = env_count ("BIMBING_BENCH_SYNC_SESSIONS", 1000);
  guint n_contacts = env_count ("BIMBING_BENCH_SYNC_CONTACTS", 2000);

  g_setenv ("LANGUAGE", "C", TRUE);
  keyring = g_build_filename (bmb_test_make_tmpdir (), "keyring", NULL);
  g_setenv ("SECRET_BACKEND", "file", TRUE);
  g_setenv ("SECRET_FILE_TEST_PATH", keyring, TRUE);
  g_setenv ("SECRET_FILE_TEST_PASSWORD", "test-keyring", TRUE);

  if (!bmb_radicale_available ())
    {
      g_print ("Radicale is not installed (python3-radicale): nothing measured\n");
      return 0;
    }
  server = bmb_radicale_start (USER, PASSWORD);
  g_print ("sync through BmbSyncManager against Radicale on loopback: %u weekly sessions, "
           "%u contacts\n", n_sessions, n_contacts);

  a = side_new (server);
  fill (a, n_sessions, n_contacts);
  run ("first sync", a);
  run ("next sync (after our writes)", a);
  run ("nothing changed", a);

  b = side_new (server);
  run ("second computer's first sync", b);
  run ("second computer, nothing changed", b);
  return 0;
}
