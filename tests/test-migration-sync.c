/* test-migration-sync.c — data version 8 on a version 7 database that syncs: the status
 * table keeps its rows and accepts relationships, and written relationships are marked
 *
 * Copyright 2026 The Bimbing Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "bmb-database.h"
#include "bmb-schema.h"
#include "bmb-test-utils.h"

static gint64
count (BmbDatabase *db,
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

static void
test_v6_to_v7 (void)
{
  g_autofree char *path = bmb_test_tmp_path ("v6.db");
  g_autoptr(BmbDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  bmb_test_raw_exec (db, "PRAGMA foreign_keys = ON; BEGIN");
  for (int v = 1; v <= 7; v++)
    bmb_test_raw_exec (db, bmb_schema_get_migration_sql (v));
  bmb_test_raw_exec (db, "PRAGMA user_version = 7");
  bmb_test_raw_exec (db, "INSERT INTO contacts (id, uid, display_name, created_at, updated_at)"
                " VALUES (1, 'budi@x', 'Budi Santoso', 0, 0);"
                "INSERT INTO sync_collections (id, account_id, kind, url, sync_token)"
                " VALUES (1, 1, 'address-book', '/dav/ana/book/', 'token-1');"
                "INSERT INTO sync_items (collection_id, uid, href, etag, server_copy, local_kind,"
                "  local_id) VALUES (1, 'budi@x', '/dav/ana/book/budi.vcf', '\"e1\"',"
                "  'BEGIN:VCARD', 'contact', 1);"
                "COMMIT");
  sqlite3_close (db);

  database = bmb_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bmb_database_get_schema_version (database), ==, 8);

  /* The rows stay as they were. */
  g_assert_cmpint (count (database, "SELECT count (*) FROM sync_items WHERE uid = 'budi@x'"
                                    " AND etag = '\"e1\"' AND local_kind = 'contact'"
                                    " AND CAST (server_copy AS TEXT) = 'BEGIN:VCARD'"), ==, 1);

  /* A relationship written now is marked, and its status row is accepted. */
  g_assert_true (bmb_database_exec (database,
                                    "INSERT INTO relationships (id, mentee_id, created_at, updated_at)"
                                    " VALUES (1, 1, 0, 0)", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (database, "SELECT count (*) FROM sync_dirty"
                                    " WHERE kind = 'relationship' AND local_id = 1"), ==, 1);
  g_assert_true (bmb_database_exec (database,
                                    "INSERT INTO sync_items (collection_id, uid, href, local_kind,"
                                    "  local_id) VALUES (1, 'rel-1', '/dav/ana/cal/rel-1.ics',"
                                    "  'relationship', 1)", &error));
  g_assert_no_error (error);
  /* The check still refuses kinds that do not exist. */
  g_assert_false (bmb_database_exec (database,
                                     "INSERT INTO sync_items (collection_id, uid, href, local_kind,"
                                     "  local_id) VALUES (1, 'x', '/x', 'planet', 1)", NULL));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/migration/v7/sync-relationships", test_v6_to_v7);

  return g_test_run ();
}
