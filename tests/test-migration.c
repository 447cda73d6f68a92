/* test-migration.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opening files Bimbing did not just create: a version 1 database is backed
 * up, then migrated, with its data; another program's SQLite file is
 * refused byte for byte untouched; the start-up check stops at its budget;
 * a full disk at the first start names the file and leaves nothing behind;
 * loose modes are tightened.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include "bmb-database.h"
#include "bmb-schema.h"
#include "bmb-test-utils.h"

static guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 07777;
}

static char *
checksum_file (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, length);
}

static int
raw_int (sqlite3    *db,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  int value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static int
db_int (BmbDatabase *db,
        const char  *sql)
{
  return raw_int (bmb_database_get_handle (db), sql);
}

/* A database as Bimbing 1 wrote it: the version 1 schema, no application
 * id, in WAL mode, with one contact. */
static void
write_v1_database (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  bmb_test_raw_exec (db, "PRAGMA journal_mode=WAL");
  bmb_test_raw_exec (db, "BEGIN");
  bmb_test_raw_exec (db, bmb_schema_get_migration_sql (1));
  bmb_test_raw_exec (db, "PRAGMA user_version = 1");
  bmb_test_raw_exec (db, "INSERT INTO contacts (uid, display_name, created_at, updated_at)"
                " VALUES ('ayu', 'Ayu Lestari', 0, 0)");
  /* Goals agreed as free text in the negotiation agreement (version 1 and 2). */
  bmb_test_raw_exec (db, "INSERT INTO relationships (id, mentor_id, goals, created_at, updated_at)"
                " VALUES (7, 1, '  Lead a design review by June ', 100, 200),"
                "        (8, 1, '   ', 100, 200)");
  bmb_test_raw_exec (db, "COMMIT");
  sqlite3_close (db);
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
}

static GPtrArray *
list_backups (const char *dir)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (folder);
  while ((name = g_dir_read_name (folder)) != NULL)
    if (g_str_has_prefix (name, "bimbing.db.backup-"))
      g_ptr_array_add (names, g_strdup (name));

  return names;
}

static void
test_v1_backed_up_and_migrated (void)
{
  g_autofree char *dir = bmb_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "bimbing.db", NULL);
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(BmbDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  const char *old[] = {
    "bimbing.db.backup-20200101-000000.000000-v1",
    "bimbing.db.backup-20210101-000000.000000-v1",
    "bimbing.db.backup-20220101-000000.000000-v1",
    "bimbing.db.backup-20230101-000000.000000-v1",
  };
  g_autofree char *newest = NULL;
  g_autofree char *newest_path = NULL;
  sqlite3 *backup = NULL;

  write_v1_database (path);
  for (guint i = 0; i < G_N_ELEMENTS (old); i++)
    {
      g_autofree char *file = g_build_filename (dir, old[i], NULL);

      g_assert_true (g_file_set_contents (file, "old", 3, NULL));
    }

  db = bmb_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bmb_database_get_schema_version (db), ==, BMB_SCHEMA_VERSION);
  g_assert_cmpint (db_int (db, "PRAGMA application_id"), ==, BMB_DATABASE_APPLICATION_ID);
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM contacts WHERE display_name = 'Ayu Lestari'"),
                   ==, 1);
  /* Shared goals moved to the third phase: one SMART goal of relationship 7
   * (the blank one made none); the old text stays where it was. */
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM goals"), ==, 1);
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM goals WHERE relationship_id = 7"
                               " AND title = 'Lead a design review by June'"
                               " AND status = 'active' AND progress = 0"), ==, 1);
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM relationships WHERE goals IS NOT NULL"), ==, 2);
  /* A one-off follow-up column, empty. */
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM contacts WHERE follow_up_on IS NULL"), ==, 1);

  /* The newest three are kept: the new one and the two newest old ones. */
  backups = list_backups (dir);
  g_assert_cmpuint (backups->len, ==, 3);
  for (guint i = 0; i < backups->len; i++)
    {
      const char *name = g_ptr_array_index (backups, i);

      g_assert_true (g_strcmp0 (name, old[0]) != 0 && g_strcmp0 (name, old[1]) != 0);
      if (newest == NULL || g_strcmp0 (name, newest) > 0)
        {
          g_free (newest);
          newest = g_strdup (name);
        }
    }
  g_assert_true (g_str_has_suffix (newest, "-v1"));

  /* The backup is the version 1 database, data included, and private. */
  newest_path = g_build_filename (dir, newest, NULL);
  g_assert_cmpuint (file_mode (newest_path), ==, 0600);
  g_assert_cmpint (sqlite3_open_v2 (newest_path, &backup, SQLITE_OPEN_READONLY, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (raw_int (backup, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (raw_int (backup, "SELECT count(*) FROM contacts"), ==, 1);
  sqlite3_close (backup);

  /* Opening again migrates nothing and backs up nothing. */
  g_clear_object (&db);
  db = bmb_database_open (path, &error);
  g_assert_no_error (error);
  g_clear_pointer (&backups, g_ptr_array_unref);
  backups = list_backups (dir);
  g_assert_cmpuint (backups->len, ==, 3);
}

static void
test_new_database_has_application_id (void)
{
  g_autoptr(BmbDatabase) db = bmb_test_open_tmp_database (NULL);

  g_assert_cmpint (db_int (db, "PRAGMA application_id"), ==, BMB_DATABASE_APPLICATION_ID);
}

static void
check_foreign_untouched (const char *setup_sql)
{
  g_autofree char *dir = bmb_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "places.sqlite", NULL);
  const char *suffixes[] = { "-wal", "-shm", "-journal" };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbDatabase) db = NULL;
  sqlite3 *raw = NULL;

  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  bmb_test_raw_exec (raw, setup_sql);
  sqlite3_close (raw);
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  before = checksum_file (path);

  db = bmb_database_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_FOREIGN);
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);

  db = bmb_database_open_read_only (path, &error);
  g_assert_null (db);
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_FOREIGN);

  after = checksum_file (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (file_mode (path), ==, 0644);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *extra = g_strconcat (path, suffixes[i], NULL);

      g_assert_false (g_file_test (extra, G_FILE_TEST_EXISTS));
    }
}

static void
test_foreign_refused (void)
{
  /* A browser history: its own tables, no data version. */
  check_foreign_untouched ("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT);"
                           "INSERT INTO moz_places (url) VALUES ('https://example.org/');");
  /* Another program's id. */
  check_foreign_untouched ("PRAGMA application_id = 1234;"
                           "CREATE TABLE contacts (id INTEGER PRIMARY KEY);");
  /* A data version, but not Bimbing's tables. */
  check_foreign_untouched ("PRAGMA user_version = 1;"
                           "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);");
}

/* The start-up check has a budget that holds even inside SQLite's b-tree
 * walk (a progress handler is not called there). */
static void
test_integrity_check_bounded (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  BmbDatabase *db = bmb_test_open_tmp_database (&path);
  gboolean finished = TRUE;

  /* Some 40 MiB of pages for quick_check to walk. */
  g_assert_true (bmb_database_begin (db, &error));
  g_assert_true (bmb_database_exec (db,
    "CREATE TABLE filler (id INTEGER PRIMARY KEY, data BLOB);"
    "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 150000)"
    "  INSERT INTO filler (data) SELECT randomblob (250) FROM n;"
    "CREATE INDEX filler_data ON filler (data);", &error));
  g_assert_true (bmb_database_commit (db, &error));
  g_assert_true (bmb_database_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", &error));
  g_object_unref (db);

  g_assert_true (bmb_database_check_integrity (path, 1 * G_TIME_SPAN_MILLISECOND, &finished,
                                               &error));
  g_assert_no_error (error);
  g_assert_false (finished);

  /* Given the time, the same check runs to its end and finds nothing. */
  g_assert_true (bmb_database_check_integrity (path, 120 * G_TIME_SPAN_SECOND, &finished,
                                               &error));
  g_assert_no_error (error);
  g_assert_true (finished);

  /* And start-up still opens it. */
  db = bmb_database_open (path, &error);
  g_assert_no_error (error);
  g_object_unref (db);
}

/* A disk already full at the first start (here: a file size limit of 0,
 * which fails every write like ENOSPC does). */
static void
test_full_disk_at_first_start (void)
{
  g_autofree char *dir = bmb_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "bimbing.db", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbDatabase) db = NULL;
  struct rlimit saved, limited;

  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  limited = saved;
  limited.rlim_cur = 0;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limited), ==, 0);
  db = bmb_database_open (path, &error);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);

  g_assert_null (db);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  /* Once there is room, it starts afresh. */
  g_clear_error (&error);
  db = bmb_database_open (path, &error);
  g_assert_no_error (error);
}

static void
test_tightens_modes (void)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "bimbing", NULL);
  g_autofree char *default_path = bmb_database_dup_default_path ();
  g_autofree char *other_dir = bmb_test_make_tmpdir ();
  g_autofree char *other_path = g_build_filename (other_dir, "mine.db", NULL);
  g_autoptr(GError) error = NULL;
  BmbDatabase *db;

  /* The data folder and its database, left 0755 and 0644 by an older
   * version: made private. */
  db = bmb_database_open (NULL, &error);
  g_assert_no_error (error);
  g_object_unref (db);
  g_assert_cmpint (g_chmod (data_dir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (default_path, 0644), ==, 0);
  db = bmb_database_open (NULL, &error);
  g_assert_no_error (error);
  g_object_unref (db);
  g_assert_cmpuint (file_mode (data_dir), ==, 0700);
  g_assert_cmpuint (file_mode (default_path), ==, 0600);

  /* A folder given with --database is the user's: only the file changes. */
  db = bmb_database_open (other_path, &error);
  g_assert_no_error (error);
  g_object_unref (db);
  g_assert_cmpint (g_chmod (other_dir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (other_path, 0644), ==, 0);
  db = bmb_database_open (other_path, &error);
  g_assert_no_error (error);
  g_object_unref (db);
  g_assert_cmpuint (file_mode (other_dir), ==, 0755);
  g_assert_cmpuint (file_mode (other_path), ==, 0600);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;

  g_setenv ("TZ", "Asia/Jakarta", TRUE);
  /* Our own data folder, before GLib reads the variable. */
  data_home = g_dir_make_tmp ("bimbing-migration-XXXXXX", NULL);
  g_assert_nonnull (data_home);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/migration/v1/backed-up-and-migrated", test_v1_backed_up_and_migrated);
  g_test_add_func ("/migration/new-database-has-application-id",
                   test_new_database_has_application_id);
  g_test_add_func ("/migration/foreign-refused", test_foreign_refused);
  g_test_add_func ("/migration/integrity-check-bounded", test_integrity_check_bounded);
  g_test_add_func ("/migration/full-disk-at-first-start", test_full_disk_at_first_start);
  g_test_add_func ("/migration/tightens-modes", test_tightens_modes);

  return g_test_run ();
}
