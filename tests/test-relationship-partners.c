/* test-relationship-partners.c — a relationship saved with new partners in one core call
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bmb-context.h"
#include "bmb-relationship-partners.h"
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

static gint64
count_rows (BmbDatabase *db,
            const char  *sql)
{
  sqlite3_stmt *stmt = bmb_database_prepare (db, sql, NULL);
  gint64 n;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return n;
}

static BmbContact *
named (const char *name)
{
  BmbContact *contact = bmb_contact_new ();

  bmb_contact_set_display_name (contact, name);
  return contact;
}

/* Both partners are new: two contacts and the relationship, linked. */
static void
test_new_partners (Fixture       *f,
                   gconstpointer  data)
{
  BmbMentoringStore *store = bmb_context_get_mentoring_store (f->context);
  g_autoptr(BmbRelationship) r = bmb_relationship_new ();
  g_autoptr(BmbRelationship) loaded = NULL;
  g_autoptr(BmbContact) mentor = named ("Siti Rahayu");
  g_autoptr(BmbContact) mentee = named ("Budi Santoso");
  g_autoptr(GError) error = NULL;

  bmb_relationship_set_started_on (r, "2026-12-07");
  g_assert_true (bmb_relationship_save_with_partners (store,
                                                      bmb_context_get_contact_store (f->context),
                                                      r, mentor, mentee, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bmb_contact_get_id (mentor), >, 0);
  g_assert_cmpint (bmb_contact_get_id (mentee), >, 0);
  g_assert_cmpint (count_rows (f->db, "SELECT count(*) FROM contacts"), ==, 2);

  loaded = bmb_mentoring_store_get_relationship (store, bmb_relationship_get_id (r), &error);
  g_assert_no_error (error);
  g_assert_cmpint (bmb_relationship_get_mentor_id (loaded), ==, bmb_contact_get_id (mentor));
  g_assert_cmpint (bmb_relationship_get_mentee_id (loaded), ==, bmb_contact_get_id (mentee));
}

/* The relationship cannot be saved (its mentee does not exist): the new mentor is not kept
 * either, and the objects are as they were. */
static void
test_all_or_nothing (Fixture       *f,
                     gconstpointer  data)
{
  BmbMentoringStore *store = bmb_context_get_mentoring_store (f->context);
  g_autoptr(BmbRelationship) r = bmb_relationship_new ();
  g_autoptr(BmbContact) mentor = named ("Dewi Lestari");
  g_autoptr(GError) error = NULL;

  bmb_relationship_set_started_on (r, "2026-12-07");
  bmb_relationship_set_mentee_id (r, 424242);
  g_assert_false (bmb_relationship_save_with_partners (store,
                                                       bmb_context_get_contact_store (f->context),
                                                       r, mentor, NULL, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (count_rows (f->db, "SELECT count(*) FROM contacts"), ==, 0);
  g_assert_cmpint (count_rows (f->db, "SELECT count(*) FROM relationships"), ==, 0);
  g_assert_cmpint (bmb_contact_get_id (mentor), ==, 0);
  g_assert_cmpint (bmb_relationship_get_mentor_id (r), ==, 0);
  g_assert_cmpint (bmb_relationship_get_mentee_id (r), ==, 424242);
  g_assert_cmpint (bmb_relationship_get_id (r), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Jakarta", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/relationship/partners/new", Fixture, NULL,
              fixture_set_up, test_new_partners, fixture_tear_down);
  g_test_add ("/relationship/partners/all-or-nothing", Fixture, NULL,
              fixture_set_up, test_all_or_nothing, fixture_tear_down);

  return g_test_run ();
}
