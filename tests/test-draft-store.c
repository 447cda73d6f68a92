/* test-draft-store.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drafts of unsaved editor state: written, replaced, removed, and still
 * there after the program is gone (a new connection to the same file).
 */

#include "config.h"

#include <string.h>

#include "bmb-context.h"
#include "bmb-draft-store.h"
#include "bmb-limits.h"
#include "bmb-test-utils.h"

static void
test_save_lookup_remove (void)
{
  g_autofree char *path = NULL;
  g_autoptr(BmbDatabase) db = bmb_test_open_tmp_database (&path);
  g_autoptr(BmbContext) context = bmb_context_new (db, NULL, NULL);
  BmbDraftStore *drafts = bmb_context_get_draft_store (context);
  g_autoptr(GError) error = NULL;
  g_autofree char *state = NULL;
  gint64 before = g_get_real_time () / G_USEC_PER_SEC;
  gint64 saved_at = -1;

  g_assert_true (bmb_context_get_draft_store (context) == drafts);

  /* None yet: NULL without an error. */
  state = bmb_draft_store_lookup (drafts, "session/1/20261221T090000", &saved_at, &error);
  g_assert_no_error (error);
  g_assert_null (state);
  g_assert_cmpint (saved_at, ==, 0);

  g_assert_true (bmb_draft_store_save (drafts, "session/1/20261221T090000", "{'notes': <'CV'>}", &error));
  g_assert_no_error (error);
  g_assert_true (bmb_draft_store_save (drafts, "contact/new", "{'name': <'Rina'>}", &error));
  g_assert_no_error (error);

  state = bmb_draft_store_lookup (drafts, "session/1/20261221T090000", &saved_at, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (state, ==, "{'notes': <'CV'>}");
  g_assert_cmpint (saved_at, >=, before);
  g_assert_cmpint (saved_at, <=, g_get_real_time () / G_USEC_PER_SEC);
  g_clear_pointer (&state, g_free);

  /* Saving again replaces: one draft per key. */
  g_assert_true (bmb_draft_store_save (drafts, "session/1/20261221T090000",
                                       "{'notes': <'CV, mock interview'>}", &error));
  state = bmb_draft_store_lookup (drafts, "session/1/20261221T090000", NULL, &error);
  g_assert_cmpstr (state, ==, "{'notes': <'CV, mock interview'>}");
  g_clear_pointer (&state, g_free);

  /* Removing one leaves the other; removing again is no error. */
  g_assert_true (bmb_draft_store_remove (drafts, "session/1/20261221T090000", &error));
  g_assert_no_error (error);
  g_assert_true (bmb_draft_store_remove (drafts, "session/1/20261221T090000", &error));
  g_assert_no_error (error);
  state = bmb_draft_store_lookup (drafts, "session/1/20261221T090000", NULL, &error);
  g_assert_null (state);
  state = bmb_draft_store_lookup (drafts, "contact/new", NULL, &error);
  g_assert_cmpstr (state, ==, "{'name': <'Rina'>}");
}

static void
on_changed_cb (BmbDatabase *db,
               guint        flags,
               gpointer     data)
{
  (*(guint *)data)++;
}

/* A draft is saved as the user types: it must not make every page reload. */
static void
test_no_change_signal (void)
{
  g_autoptr(BmbDatabase) db = bmb_test_open_tmp_database (NULL);
  g_autoptr(BmbDraftStore) drafts = bmb_draft_store_new (db);
  guint changes = 0;

  g_signal_connect (db, "changed", G_CALLBACK (on_changed_cb), &changes);
  g_assert_true (bmb_draft_store_save (drafts, "goal/3", "x", NULL));
  g_assert_true (bmb_draft_store_remove (drafts, "goal/3", NULL));
  g_assert_cmpuint (changes, ==, 0);
}

/* The point of a draft: it outlives the process that wrote it. */
static void
test_survives_reopen (void)
{
  g_autofree char *path = NULL;
  g_autoptr(BmbDatabase) db = bmb_test_open_tmp_database (&path);
  g_autoptr(BmbDraftStore) drafts = bmb_draft_store_new (db);
  g_autoptr(BmbDatabase) reopened = NULL;
  g_autoptr(BmbDraftStore) later = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *state = NULL;

  g_assert_true (bmb_draft_store_save (drafts, "relationship/7", "{'goal': <'Speak up'>}", &error));
  g_clear_object (&drafts);
  g_clear_object (&db);

  reopened = bmb_database_open (path, &error);
  g_assert_no_error (error);
  later = bmb_draft_store_new (reopened);
  state = bmb_draft_store_lookup (later, "relationship/7", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (state, ==, "{'goal': <'Speak up'>}");
}

static void
test_too_large (void)
{
  g_autoptr(BmbDatabase) db = bmb_test_open_tmp_database (NULL);
  g_autoptr(BmbDraftStore) drafts = bmb_draft_store_new (db);
  g_autoptr(GError) error = NULL;
  g_autofree char *big = g_malloc (BMB_LIMIT_DRAFT_BYTES + 2);
  g_autofree char *state = NULL;

  memset (big, 'a', BMB_LIMIT_DRAFT_BYTES + 1);
  big[BMB_LIMIT_DRAFT_BYTES + 1] = '\0';
  g_assert_false (bmb_draft_store_save (drafts, "contact/1", big, &error));
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID);
  state = bmb_draft_store_lookup (drafts, "contact/1", NULL, NULL);
  g_assert_null (state);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Jakarta", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/draft/save-lookup-remove", test_save_lookup_remove);
  g_test_add_func ("/store/draft/no-change-signal", test_no_change_signal);
  g_test_add_func ("/store/draft/survives-reopen", test_survives_reopen);
  g_test_add_func ("/store/draft/too-large", test_too_large);

  return g_test_run ();
}
