/* test-crash-consistency.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A contacts import killed at any point leaves a sound database with all of
 * the import or none of it. `bimbing --database DB --import big.vcf` runs as
 * a child process (BIMBING_BINARY) and gets SIGKILL after a range of delays
 * spread over the time a whole import takes, and as its write-ahead log
 * passes a range of sizes. After each kill the database must pass
 * `PRAGMA integrity_check` and the FTS5 integrity checks, open in Bimbing,
 * and hold either the contacts it had before or those plus every imported
 * one: never some of them.
 */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "bmb-contact-import.h"
#include "bmb-test-utils.h"

/* A few thousand cards: a whole import takes a fraction of a second, long
 * enough to land kills in reading, writing and committing. */
#define N_CARDS     2000
#define N_EXISTING  12
/* Kills at these parts of a whole import's run time (in ‰): spread over
 * it, and closer together at the end, where it commits and checkpoints. */
static const guint delays[] = {
  50, 150, 250, 350, 450, 550, 650, 750, 850, 900, 930, 960, 980, 1000, 1030,
};
/* And as the write-ahead log reaches these parts (in ‰) of the most it
 * grew to in a whole import (1‰ and up: as soon as there is one). */
static const guint wal_sizes[] = { 1, 100, 300, 600, 900, 1000 };

typedef struct
{
  char   *dir;
  char   *vcf_path;
  char   *base_path;  /* N_EXISTING contacts, closed cleanly */
  char  **child_env;
  gint64  n_before;   /* contacts in base_path */
  gint64  n_after;    /* contacts after a whole import */
  gint64  fields_before;
  gint64  fields_after;
  guint   n_all;      /* kills that found the whole import */
  guint   n_none;     /* kills that found none of it */
} Fixture;

typedef enum
{
  KILL_AFTER_DELAY,
  KILL_AT_WAL_SIZE,
  KILL_NEVER,
} KillMode;

static char *
make_vcard (guint first,
            guint n)
{
  GString *out = g_string_new (NULL);

  for (guint i = first; i < first + n; i++)
    g_string_append_printf (out,
                            "BEGIN:VCARD\r\n"
                            "VERSION:4.0\r\n"
                            "UID:urn:uuid:00000000-0000-4000-8000-%012u\r\n"
                            "FN:Peserta %u Crash\r\n"
                            "N:Crash;Peserta %u;;;\r\n"
                            "EMAIL;TYPE=work:peserta%u@example.com\r\n"
                            "EMAIL;TYPE=home:p%u@mail.example.org\r\n"
                            "TEL;TYPE=cell:+62 812 %04u %04u\r\n"
                            "ORG:Perusahaan %u\r\n"
                            "TITLE:Engineer\r\n"
                            "NOTE:Bertemu di acara %u\\, bicara soal mentoring dan karier.\r\n"
                            "CATEGORIES:crash,batch%u\r\n"
                            "END:VCARD\r\n",
                            i, i, i, i, i, i / 10000, i % 10000, i % 97, i % 13, i % 7);

  return g_string_free (out, FALSE);
}

static gint64
query_int (sqlite3    *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static void
exec_ok (sqlite3    *db,
         const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s failed: %s", sql, message);
}

/* Checks @path as SQLite sees it after a crash (the WAL is recovered on
 * open) and returns the number of contacts and contact fields. */
static void
check_database (const char *path,
                gint64     *out_contacts,
                gint64     *out_fields)
{
  g_autoptr(BmbDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);

  /* The full-text indexes (src/core/bmb-schema.c) against their content. */
  exec_ok (db, "INSERT INTO contacts_fts (contacts_fts) VALUES ('integrity-check')");
  exec_ok (db, "INSERT INTO sessions_fts (sessions_fts) VALUES ('integrity-check')");
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM contacts_fts"), ==,
                   query_int (db, "SELECT count(*) FROM contacts"));

  *out_contacts = query_int (db, "SELECT count(*) FROM contacts");
  *out_fields = query_int (db, "SELECT count(*) FROM contact_fields");
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  /* And Bimbing itself still opens it. */
  database = bmb_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (database);
}

static gint64
file_size (const char *path)
{
  struct stat st;

  return g_stat (path, &st) == 0 ? (gint64)st.st_size : 0;
}

/* Runs the import into a fresh copy of the base database, killing it as
 * @mode says. Returns the child's run time in µs; @out_killed tells
 * whether SIGKILL found it still running. */
static gint64
run_import (Fixture    *fixture,
            const char *db_path,
            KillMode    mode,
            gint64      amount,
            gint64     *out_max_wal,
            gboolean   *out_killed)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *wal_path = g_strconcat (db_path, "-wal", NULL);
  const char *argv[] = {
    g_getenv ("BIMBING_BINARY"), "--database", db_path, "--import", fixture->vcf_path, NULL
  };
  gint64 start;
  gint64 max_wal = 0;
  gboolean killed = FALSE;
  GPid pid;
  int status = 0;

  {
    g_autoptr(GFile) from = g_file_new_for_path (fixture->base_path);
    g_autoptr(GFile) to = g_file_new_for_path (db_path);

    g_assert_true (g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
  }

  start = g_get_monotonic_time ();
  g_spawn_async (fixture->dir, (char **)argv, fixture->child_env,
                 G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                 NULL, NULL, &pid, &error);
  g_assert_no_error (error);

  for (;;)
    {
      pid_t done = waitpid (pid, &status, WNOHANG);
      gint64 wal = file_size (wal_path);
      gboolean due;

      g_assert_cmpint (done, !=, -1);
      if (done == pid)
        break;
      max_wal = MAX (max_wal, wal);

      switch (mode)
        {
        case KILL_AFTER_DELAY:
          due = g_get_monotonic_time () - start >= amount;
          break;
        case KILL_AT_WAL_SIZE:
          due = wal >= amount;
          break;
        case KILL_NEVER:
        default:
          due = FALSE;
          break;
        }

      if (due)
        {
          g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
          while (waitpid (pid, &status, 0) == -1 && errno == EINTR)
            ;
          killed = WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL;
          break;
        }

      g_usleep (100);
    }

  if (!killed)
    {
      /* Not killed by us: a whole import, which must succeed (its stderr
       * is in the test log). */
      if (WIFSIGNALED (status))
        g_error ("bimbing --import died of signal %d (%s) without being killed",
                 WTERMSIG (status), g_strsignal (WTERMSIG (status)));
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 0);
    }

  g_spawn_close_pid (pid);
  *out_killed = killed;
  if (out_max_wal != NULL)
    *out_max_wal = max_wal;

  return g_get_monotonic_time () - start;
}

static void
expect_all_or_nothing (Fixture    *fixture,
                       const char *db_path,
                       const char *what)
{
  gint64 contacts, fields;

  check_database (db_path, &contacts, &fields);
  g_test_message ("%s: %" G_GINT64_FORMAT " contacts", what, contacts);

  if (contacts == fixture->n_before)
    {
      g_assert_cmpint (fields, ==, fixture->fields_before);
      fixture->n_none++;
    }
  else
    {
      g_assert_cmpint (contacts, ==, fixture->n_after);
      g_assert_cmpint (fields, ==, fixture->fields_after);
      fixture->n_all++;
    }
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(BmbContactImportResult) result = NULL;
  g_autoptr(BmbDatabase) db = NULL;
  g_autoptr(GBytes) existing = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cards = NULL;
  g_autofree char *runtime = NULL;
  g_autofree char *existing_text = NULL;
  sqlite3 *handle;
  gsize length;

  g_assert_nonnull (g_getenv ("BIMBING_BINARY"));

  fixture->dir = bmb_test_make_tmpdir ();
  fixture->vcf_path = g_build_filename (fixture->dir, "big.vcf", NULL);
  fixture->base_path = g_build_filename (fixture->dir, "base.db", NULL);

  cards = make_vcard (N_EXISTING, N_CARDS);
  g_assert_true (g_file_set_contents (fixture->vcf_path, cards, -1, &error));
  g_assert_no_error (error);

  /* The database before: a few contacts the import does not touch. */
  db = bmb_database_open (fixture->base_path, &error);
  g_assert_no_error (error);
  existing_text = make_vcard (0, N_EXISTING);
  length = strlen (existing_text);
  existing = g_bytes_new_take (g_steal_pointer (&existing_text), length);
  result = bmb_contact_import_data (db, existing, "existing.vcf", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bmb_contact_import_result_get_imported (result), ==, N_EXISTING);
  handle = bmb_database_get_handle (db);
  fixture->n_before = query_int (handle, "SELECT count(*) FROM contacts");
  fixture->fields_before = query_int (handle, "SELECT count(*) FROM contact_fields");
  g_clear_object (&db);
  g_assert_cmpint (fixture->n_before, ==, N_EXISTING);

  /* The child runs headless and alone: no display, and no session bus on
   * which it could hand the import to a running Bimbing. */
  runtime = g_build_filename (fixture->dir, "runtime", NULL);
  g_assert_cmpint (g_mkdir (runtime, 0700), ==, 0);
  fixture->child_env = g_get_environ ();
  fixture->child_env = g_environ_unsetenv (fixture->child_env, "DISPLAY");
  fixture->child_env = g_environ_unsetenv (fixture->child_env, "WAYLAND_DISPLAY");
  fixture->child_env = g_environ_unsetenv (fixture->child_env, "DBUS_SESSION_BUS_ADDRESS");
  fixture->child_env = g_environ_setenv (fixture->child_env, "XDG_RUNTIME_DIR", runtime, TRUE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_free (fixture->dir);
  g_free (fixture->vcf_path);
  g_free (fixture->base_path);
  g_strfreev (fixture->child_env);
}

static void
test_kill_import (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *whole_path = g_build_filename (fixture->dir, "whole.db", NULL);
  gint64 duration;
  gint64 max_wal;
  gint64 contacts;
  guint n_killed = 0;
  gboolean killed;

  /* A whole import, for its length and what it leaves. */
  duration = run_import (fixture, whole_path, KILL_NEVER, 0, &max_wal, &killed);
  g_assert_false (killed);
  check_database (whole_path, &contacts, &fixture->fields_after);
  fixture->n_after = contacts;
  g_assert_cmpint (fixture->n_after, ==, fixture->n_before + N_CARDS);
  g_test_message ("A whole import of %d cards took %" G_GINT64_FORMAT " ms, its WAL grew "
                  "to %" G_GINT64_FORMAT " bytes", N_CARDS, duration / 1000, max_wal);
  max_wal = MAX (max_wal, 1);

  /* Kills spread over that time, from start-up to the commit. */
  for (guint i = 0; i < G_N_ELEMENTS (delays); i++)
    {
      g_autofree char *db_path = g_strdup_printf ("%s/delay-%u.db", fixture->dir, i);
      g_autofree char *what = NULL;
      gint64 delay = duration * delays[i] / 1000;

      run_import (fixture, db_path, KILL_AFTER_DELAY, delay, NULL, &killed);
      n_killed += killed;
      what = g_strdup_printf ("killed after %" G_GINT64_FORMAT " ms%s", delay / 1000,
                              killed ? "" : " (had finished)");
      expect_all_or_nothing (fixture, db_path, what);
    }

  /* Kills as the write-ahead log grows: during the import's writes and
   * while it commits. */
  for (guint i = 0; i < G_N_ELEMENTS (wal_sizes); i++)
    {
      g_autofree char *db_path = g_strdup_printf ("%s/wal-%u.db", fixture->dir, i);
      g_autofree char *what = NULL;
      gint64 size = MAX (max_wal * wal_sizes[i] / 1000, 1);

      run_import (fixture, db_path, KILL_AT_WAL_SIZE, size, NULL, &killed);
      n_killed += killed;
      what = g_strdup_printf ("killed at a WAL of %" G_GINT64_FORMAT " bytes%s", size,
                              killed ? "" : " (had finished)");
      expect_all_or_nothing (fixture, db_path, what);
    }

  g_test_message ("%u of %u imports killed while running: %u left nothing, %u everything",
                  n_killed, (guint)(G_N_ELEMENTS (delays) + G_N_ELEMENTS (wal_sizes)),
                  fixture->n_none,
                  fixture->n_all);
  /* Most kills must land while the import runs, or this tests nothing. */
  g_assert_cmpuint (n_killed, >=, G_N_ELEMENTS (delays) / 2);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Jakarta", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/reliability/crash/kill-import", Fixture, NULL,
              fixture_set_up, test_kill_import, fixture_tear_down);

  return g_test_run ();
}
