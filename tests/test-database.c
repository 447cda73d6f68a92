/* test-database.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <grp.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bmb-checklist-store.h"
#include "bmb-contact-export.h"
#include "bmb-database.h"
#include "bmb-test-utils.h"

static gint64
exec_insert (BmbDatabase *db,
             const char  *sql,
             GError     **error)
{
  sqlite3_stmt *stmt = bmb_database_prepare (db, sql, error);

  if (stmt == NULL || !bmb_database_step_done (db, stmt, error))
    return 0;
  return bmb_database_last_insert_id (db);
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

static void
test_migrate_from_empty (void)
{
  g_autoptr(BmbDatabase) db = bmb_test_open_tmp_database (NULL);
  const char *tables[] = {
    "contacts", "contact_fields", "contact_tags", "interactions", "relationships",
    "sessions", "meetings", "agenda_items", "action_items", "goals",
    "checklist_templates", "checklist_items", "assessments", "answers",
    "reminder_log", "snoozes", "contacts_fts", "sessions_fts", "meetings_fts",
  };

  g_assert_cmpint (bmb_database_get_schema_version (db), ==, BMB_SCHEMA_VERSION);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      sqlite3_stmt *stmt = bmb_database_prepare (db,
                                                 "SELECT count(*) FROM sqlite_schema "
                                                 "WHERE type = 'table' AND name = ?", NULL);
      sqlite3_bind_text (stmt, 1, tables[i], -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
      sqlite3_reset (stmt);
    }

  g_assert_cmpint (count_rows (db, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpstr ((char *)({
    sqlite3_stmt *s = bmb_database_prepare (db, "PRAGMA journal_mode", NULL);
    g_assert_cmpint (sqlite3_step (s), ==, SQLITE_ROW);
    (const char *)sqlite3_column_text (s, 0);
  }), ==, "wal");
}

static void
test_reopen_keeps_data (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  BmbDatabase *db = bmb_test_open_tmp_database (&path);

  exec_insert (db, "INSERT INTO contacts (uid, display_name, created_at, updated_at) "
                   "VALUES ('a', 'Ayu', 0, 0)", &error);
  g_assert_no_error (error);
  g_object_unref (db);

  db = bmb_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM contacts"), ==, 1);
  g_object_unref (db);
}

static void
test_permissions (void)
{
  g_autofree char *dir = bmb_test_make_tmpdir ();
  g_autofree char *folder = g_build_filename (dir, "nested", "bimbing", NULL);
  g_autofree char *path = g_build_filename (folder, "bimbing.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbDatabase) db = NULL;
  GStatBuf st;

  db = bmb_database_open (path, &error);
  g_assert_no_error (error);

  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
test_default_path (void)
{
  g_autofree char *path = bmb_database_dup_default_path ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "bimbing", "bimbing.db", NULL);

  g_assert_cmpstr (path, ==, expected);
}

static void
test_refuses_newer_schema (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;
  BmbDatabase *db = bmb_test_open_tmp_database (&path);

  g_assert_true (bmb_database_exec (db, "PRAGMA user_version = 99", &error));
  g_assert_true (bmb_database_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", &error));
  g_object_unref (db);

  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));
  db = bmb_database_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
}

static void
check_corrupt_untouched (const char *contents,
                         gsize       len)
{
  g_autofree char *dir = bmb_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "bimbing.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbDatabase) db = NULL;
  gsize after_len;

  g_assert_true (g_file_set_contents (path, contents, len, NULL));
  db = bmb_database_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (contents, len, after, after_len);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_corrupt_garbage (void)
{
  char garbage[8192];

  for (guint i = 0; i < sizeof garbage; i++)
    garbage[i] = (char)(i * 31 + 7);
  check_corrupt_untouched (garbage, sizeof garbage);
}

static void
test_corrupt_damaged_pages (void)
{
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;
  BmbDatabase *db = bmb_test_open_tmp_database (&path);

  for (int i = 0; i < 200; i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO contacts (uid, display_name, notes, "
                                              "created_at, updated_at) VALUES ('u%d', 'Name %d', "
                                              "'some notes that fill pages %d', 0, 0)", i, i, i);
      g_assert_true (bmb_database_exec (db, sql, &error));
    }
  g_assert_true (bmb_database_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", &error));
  g_object_unref (db);

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 8192);
  /* Keep the header, scribble over the pages behind it. */
  for (gsize i = 4096 + 100; i < len; i += 3)
    contents[i] = (char)0xA5;
  check_corrupt_untouched (contents, len);
}

static void
on_checked_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GError **error = user_data;

  g_assert_false (bmb_database_check_integrity_finish (BMB_DATABASE (object), result, error));
  g_assert_nonnull (*error);
}

/* The application opens without the structural check and runs it in a thread: a file
 * whose header and schema read fine opens, and the check finds the damaged pages.
 * Opened the usual way, the same file is refused untouched. */
static void
test_corrupt_check_later (void)
{
  g_autofree char *path = bmb_test_make_damaged_database ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbDatabase) db = NULL;
  gsize before_len, after_len;

  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));
  db = bmb_database_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_CORRUPT);
  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
  g_clear_error (&error);

  db = bmb_database_open_full (path, BMB_DATABASE_OPEN_CHECK_LATER, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);
  bmb_database_check_integrity_async (db, NULL, on_checked_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_CORRUPT);
  g_clear_error (&error);
}

/* A sound file passes the check in a thread. */
static void
on_checked_ok_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  int *state = user_data;

  *state = bmb_database_check_integrity_finish (BMB_DATABASE (object), result, &error) ? 1 : 2;
  g_assert_no_error (error);
}

static void
test_check_later_sound (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbDatabase) db = NULL;
  BmbDatabase *first = bmb_test_open_tmp_database (&path);
  int state = 0;

  g_object_unref (first);
  db = bmb_database_open_full (path, BMB_DATABASE_OPEN_CHECK_LATER, &error);
  g_assert_no_error (error);
  bmb_database_check_integrity_async (db, NULL, on_checked_ok_cb, &state);
  while (state == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (state, ==, 1);
}

static void
test_read_only (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  BmbDatabase *db;

  if (geteuid () == 0)
    {
      /* root ignores file modes; check the folder-is-a-file case instead. */
      g_autofree char *dir = bmb_test_make_tmpdir ();
      g_autofree char *blocker = g_build_filename (dir, "file", NULL);
      g_autofree char *inside = g_build_filename (blocker, "bimbing.db", NULL);

      g_assert_true (g_file_set_contents (blocker, "x", 1, NULL));
      db = bmb_database_open (inside, &error);
      g_assert_null (db);
      g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_OPEN);
      return;
    }

  db = bmb_test_open_tmp_database (&path);
  g_object_unref (db);
  g_chmod (path, 0400);
  db = bmb_database_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_READ_ONLY);
}

static void
on_changed_cb (BmbDatabase *db,
               guint        flags,
               guint       *seen)
{
  *seen |= flags;
}

static void
test_transactions (void)
{
  g_autoptr(BmbDatabase) db = bmb_test_open_tmp_database (NULL);
  g_autoptr(GError) error = NULL;
  guint seen = 0;

  g_signal_connect (db, "changed", G_CALLBACK (on_changed_cb), &seen);

  /* Nested levels commit together; the signal fires once at the end. */
  g_assert_true (bmb_database_begin (db, &error));
  exec_insert (db, "INSERT INTO contacts (uid, display_name, created_at, updated_at) "
                   "VALUES ('a', 'A', 0, 0)", &error);
  bmb_database_mark_changed (db, BMB_CHANGE_CONTACTS);
  g_assert_true (bmb_database_begin (db, &error));
  exec_insert (db, "INSERT INTO contacts (uid, display_name, created_at, updated_at) "
                   "VALUES ('b', 'B', 0, 0)", &error);
  bmb_database_mark_changed (db, BMB_CHANGE_INTERACTIONS);
  g_assert_true (bmb_database_commit (db, &error));
  g_assert_cmpuint (seen, ==, 0);
  g_assert_true (bmb_database_commit (db, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen, ==, BMB_CHANGE_CONTACTS | BMB_CHANGE_INTERACTIONS);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM contacts"), ==, 2);

  /* An inner rollback undoes only the inner level. */
  seen = 0;
  g_assert_true (bmb_database_begin (db, &error));
  exec_insert (db, "INSERT INTO contacts (uid, display_name, created_at, updated_at) "
                   "VALUES ('c', 'C', 0, 0)", &error);
  g_assert_true (bmb_database_begin (db, &error));
  exec_insert (db, "INSERT INTO contacts (uid, display_name, created_at, updated_at) "
                   "VALUES ('d', 'D', 0, 0)", &error);
  bmb_database_rollback (db);
  g_assert_true (bmb_database_commit (db, &error));
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM contacts"), ==, 3);

  /* An outer rollback undoes everything and says nothing changed. */
  g_assert_true (bmb_database_begin (db, &error));
  exec_insert (db, "INSERT INTO contacts (uid, display_name, created_at, updated_at) "
                   "VALUES ('e', 'E', 0, 0)", &error);
  bmb_database_mark_changed (db, BMB_CHANGE_CONTACTS);
  bmb_database_rollback (db);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM contacts"), ==, 3);
  g_assert_cmpuint (seen, ==, 0);
}

/* Every table: one valid row goes in, and its constraints refuse bad rows. */
typedef struct
{
  const char *sql;
  gboolean    ok;
} Case;

static void
test_constraints (void)
{
  g_autoptr(BmbDatabase) db = bmb_test_open_tmp_database (NULL);
  static const Case cases[] = {
    { "INSERT INTO contacts (id, uid, display_name, created_at, updated_at) VALUES (1, 'c1', 'Siti', 0, 0)", TRUE },
    { "INSERT INTO contacts (id, uid, display_name, created_at, updated_at) VALUES (2, 'c2', 'Budi', 0, 0)", TRUE },
    { "INSERT INTO contacts (uid, display_name, created_at, updated_at) VALUES ('c1', 'Dup', 0, 0)", FALSE },
    { "INSERT INTO contacts (uid, display_name, created_at, updated_at) VALUES ('c3', '  ', 0, 0)", FALSE },
    { "INSERT INTO contacts (uid, display_name, keep_in_touch_unit, created_at, updated_at) VALUES ('c4', 'X', 'year', 0, 0)", FALSE },
    { "INSERT INTO contacts (uid, display_name, introduced_by, created_at, updated_at) VALUES ('c5', 'X', 999, 0, 0)", FALSE },
    { "INSERT INTO contact_fields (contact_id, kind, label, value) VALUES (1, 'email', 'work', 'siti@example.id')", TRUE },
    { "INSERT INTO contact_fields (contact_id, kind, value) VALUES (1, 'fax', '123')", FALSE },
    { "INSERT INTO contact_fields (contact_id, kind, value) VALUES (77, 'phone', '123')", FALSE },
    { "INSERT INTO contact_tags (contact_id, tag) VALUES (1, 'Jakarta')", TRUE },
    { "INSERT INTO contact_tags (contact_id, tag) VALUES (1, 'jakarta')", FALSE },
    { "INSERT INTO interactions (contact_id, happened_on, channel, summary, created_at) VALUES (1, '2026-11-01', 'call', 'Catch-up', 0)", TRUE },
    { "INSERT INTO interactions (contact_id, happened_on, channel, created_at) VALUES (1, '2026-11-01', 'pigeon', 0)", FALSE },
    { "INSERT INTO relationships (id, mentor_id, mentee_id, kind, phase, created_at, updated_at) VALUES (1, 1, NULL, 'one-on-one', 'negotiation', 0, 0)", TRUE },
    { "INSERT INTO relationships (mentor_id, mentee_id, created_at, updated_at) VALUES (NULL, NULL, 0, 0)", FALSE },
    { "INSERT INTO relationships (mentor_id, phase, created_at, updated_at) VALUES (1, 'dating', 0, 0)", FALSE },
    { "INSERT INTO relationships (mentor_id, started_on, planned_end_on, created_at, updated_at) VALUES (1, '2026-05-01', '2026-01-01', 0, 0)", FALSE },
    { "INSERT INTO sessions (id, uid, relationship_id, title, start_local, tzid, rrule, created_at, updated_at) VALUES (1, 's1', 1, 'Weekly', '2026-11-24T10:00:00', 'Asia/Jakarta', 'FREQ=WEEKLY', 0, 0)", TRUE },
    { "INSERT INTO sessions (uid, title, start_local, tzid, duration_min, created_at, updated_at) VALUES ('s2', 'Bad', '2026-11-24T10:00:00', 'UTC', 0, 0, 0)", FALSE },
    { "INSERT INTO sessions (uid, title, start_local, tzid, status, created_at, updated_at) VALUES ('s3', 'Bad', '2026-11-24T10:00:00', 'UTC', 'maybe', 0, 0)", FALSE },
    { "INSERT INTO meetings (session_id, occurrence_start, status, created_at, updated_at) VALUES (1, '2026-12-01T10:00:00', 'cancelled', 0, 0)", TRUE },
    { "INSERT INTO meetings (session_id, occurrence_start, status, created_at, updated_at) VALUES (1, '2026-12-01T10:00:00', 'done', 0, 0)", FALSE },
    { "INSERT INTO agenda_items (session_id, position, text) VALUES (1, 0, 'Review goals')", TRUE },
    { "INSERT INTO agenda_items (session_id, position, text) VALUES (42, 0, 'Orphan')", FALSE },
    { "INSERT INTO action_items (relationship_id, owner, text, created_at) VALUES (1, 'mentee', 'Draft CV', 0)", TRUE },
    { "INSERT INTO action_items (relationship_id, owner, text, created_at) VALUES (1, 'boss', 'X', 0)", FALSE },
    { "INSERT INTO action_items (owner, text, created_at) VALUES ('mentor', 'Floating', 0)", FALSE },
    { "INSERT INTO goals (relationship_id, title, progress, created_at, updated_at) VALUES (1, 'Public speaking', 40, 0, 0)", TRUE },
    { "INSERT INTO goals (relationship_id, title, progress, created_at, updated_at) VALUES (1, 'Too far', 140, 0, 0)", FALSE },
    { "INSERT INTO checklist_templates (id, builtin_key, answer_kind, created_at, updated_at) VALUES (1, 'mentor-qualities', 'rating', 0, 0)", TRUE },
    { "INSERT INTO checklist_templates (title, created_at, updated_at) VALUES ('', 0, 0)", FALSE },
    { "INSERT INTO checklist_templates (title, answer_kind, created_at, updated_at) VALUES ('Mine', 'essay', 0, 0)", FALSE },
    { "INSERT INTO checklist_items (id, template_id, item_key, position) VALUES (1, 1, 'willing-to-help', 0)", TRUE },
    { "INSERT INTO checklist_items (template_id, item_key, position) VALUES (1, 'willing-to-help', 1)", FALSE },
    { "INSERT INTO assessments (id, template_id, relationship_id, created_at, updated_at) VALUES (1, 1, 1, 0, 0)", TRUE },
    { "INSERT INTO assessments (template_id, status, created_at, updated_at) VALUES (1, 'half', 0, 0)", FALSE },
    { "INSERT INTO answers (assessment_id, item_id, value, note) VALUES (1, 1, 4, 'Getting there')", TRUE },
    { "INSERT INTO answers (assessment_id, item_id, value) VALUES (1, 1, 3)", FALSE },
    { "INSERT INTO reminder_log (kind, item_id, occurrence, offset_min, delivered_at) VALUES ('session', 1, '2026-11-24T03:00:00Z', 15, 0)", TRUE },
    { "INSERT INTO reminder_log (kind, item_id, occurrence, offset_min, delivered_at) VALUES ('session', 1, '2026-11-24T03:00:00Z', 15, 5)", FALSE },
    { "INSERT INTO snoozes (kind, item_id, occurrence, due_at) VALUES ('follow-up', 1, '2026-11-30', 100)", TRUE },
    { "INSERT INTO snoozes (kind, item_id, occurrence, due_at) VALUES ('birthday', 1, '2026-11-30', 100)", FALSE },
    /* A contact who is somebody's mentor cannot simply vanish. */
    { "DELETE FROM contacts WHERE id = 1", FALSE },
    { "DELETE FROM contacts WHERE id = 2", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok;

      ok = bmb_database_exec (db, cases[i].sql, &error);
      if (ok != cases[i].ok)
        g_error ("case %u (%s): expected %s, got %s", i, cases[i].sql,
                 cases[i].ok ? "success" : "failure", error ? error->message : "success");
      if (!cases[i].ok)
        g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_CONSTRAINT);
    }

  /* Cascades: deleting the relationship takes its sessions and their children. */
  g_assert_true (bmb_database_exec (db, "DELETE FROM relationships WHERE id = 1", NULL));
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM sessions"), ==, 0);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM agenda_items"), ==, 0);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM meetings"), ==, 0);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM goals"), ==, 0);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM assessments WHERE relationship_id IS NULL"), ==, 1);
}

static void
test_fts_triggers (void)
{
  g_autoptr(BmbDatabase) db = bmb_test_open_tmp_database (NULL);

  g_assert_true (bmb_database_exec (db,
    "INSERT INTO contacts (id, uid, display_name, organization, met_where, created_at, updated_at)"
    "  VALUES (1, 'a', 'José Müller', 'Kopi Kenangan', 'Bandung', 0, 0);"
    "INSERT INTO contact_fields (contact_id, kind, value) VALUES (1, 'email', 'jose@kopi.id');"
    "INSERT INTO contact_tags (contact_id, tag) VALUES (1, 'barista');", NULL));

  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM contacts_fts WHERE contacts_fts MATCH 'muller'"), ==, 1);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM contacts_fts WHERE contacts_fts MATCH 'bar*'"), ==, 1);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM contacts_fts WHERE contacts_fts MATCH 'jose*'"), ==, 1);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM contacts_fts WHERE contacts_fts MATCH 'bandung'"), ==, 1);

  g_assert_true (bmb_database_exec (db, "DELETE FROM contact_tags WHERE contact_id = 1", NULL));
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM contacts_fts WHERE contacts_fts MATCH 'bar*'"), ==, 0);
  g_assert_true (bmb_database_exec (db, "DELETE FROM contacts WHERE id = 1", NULL));
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM contacts_fts"), ==, 0);
}

/* Bulk writers put a contact's children first and the contact last: the
 * deferred foreign keys allow it, and one trigger indexes everything. */
static void
test_fts_children_first (void)
{
  g_autoptr(BmbDatabase) db = bmb_test_open_tmp_database (NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (bmb_database_begin (db, &error));
  g_assert_true (bmb_database_exec (db,
    "INSERT INTO contact_fields (contact_id, kind, value) VALUES (7, 'email', 'ayu@kampus.ac.id');"
    "INSERT INTO contact_tags (contact_id, tag) VALUES (7, 'alumni');"
    "INSERT INTO contacts (id, uid, display_name, created_at, updated_at)"
    "  VALUES (7, 'seven', 'Ayu Lestari', 0, 0);", &error));
  g_assert_true (bmb_database_commit (db, &error));
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM contacts_fts WHERE contacts_fts MATCH 'alumni'"), ==, 1);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM contacts_fts WHERE contacts_fts MATCH 'kampus'"), ==, 1);

  /* A child whose contact never arrives is still refused, at commit. */
  g_assert_true (bmb_database_begin (db, &error));
  g_assert_true (bmb_database_exec (db,
    "INSERT INTO contact_tags (contact_id, tag) VALUES (8, 'orphan')", &error));
  g_assert_false (bmb_database_commit (db, &error));
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_CONSTRAINT);
  bmb_database_rollback (db);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM contact_tags"), ==, 1);
}


/* Another process in the middle of a write transaction. */
static sqlite3 *
hold_write_lock (const char *path)
{
  sqlite3 *writer = NULL;

  g_assert_cmpint (sqlite3_open (path, &writer), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (writer, "BEGIN IMMEDIATE;"
                                         "INSERT INTO contacts (uid, display_name, created_at,"
                                         " updated_at) VALUES ('w', 'Writer', 0, 0);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  return writer;
}

static BmbDatabase *
open_with_one_contact (char **out_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbChecklistStore) checklists = NULL;
  BmbDatabase *db = bmb_test_open_tmp_database (out_path);

  g_assert_true (bmb_database_exec (db, "INSERT INTO contacts (uid, display_name, created_at, "
                                        "updated_at) VALUES ('a', 'Ayu', 0, 0)", &error));
  checklists = bmb_checklist_store_new (db);
  g_assert_true (bmb_checklist_store_sync_builtins (checklists, &error));
  g_assert_no_error (error);

  return db;
}

/* Reading commands never wait for a writer: the read-only connection reads
 * the last commit and takes no write lock; it refuses to begin one. */
static void
test_read_only_while_writing (void)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = bmb_test_make_tmpdir ();
  g_autofree char *out = g_build_filename (dir, "contacts.vcf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (out);
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbDatabase) reader = NULL;
  BmbDatabase *db = open_with_one_contact (&path);
  sqlite3 *writer;
  guint n = 0;

  g_object_unref (db);
  writer = hold_write_lock (path);

  reader = bmb_database_open_read_only (path, &error);
  g_assert_no_error (error);
  g_assert_true (bmb_database_is_read_only (reader));
  g_assert_true (bmb_contact_export_to_file (reader, file, BMB_CONTACT_EXPORT_FORMAT_VCARD,
                                             NULL, 0, NULL, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);

  g_assert_false (bmb_database_begin (reader, &error));
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_READ_ONLY);

  sqlite3_exec (writer, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (writer);
}

/* The built-in checklists are already there at the second open: nothing
 * is written, and no write lock is taken (it used to wait 5 s for this
 * writer, then fail). */
static void
test_builtins_second_open_writes_nothing (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbChecklistStore) checklists = NULL;
  BmbDatabase *db = open_with_one_contact (&path);
  sqlite3 *writer;
  int version_before, version_after;

  g_object_unref (db);
  writer = hold_write_lock (path);
  version_before = ({
    sqlite3_stmt *stmt = NULL;
    int v;
    sqlite3_prepare_v2 (writer, "PRAGMA data_version", -1, &stmt, NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    v = sqlite3_column_int (stmt, 0);
    sqlite3_finalize (stmt);
    v;
  });

  db = bmb_database_open (path, &error);
  g_assert_no_error (error);
  bmb_database_exec (db, "PRAGMA busy_timeout = 100", NULL);
  checklists = bmb_checklist_store_new (db);
  g_assert_true (bmb_checklist_store_sync_builtins (checklists, &error));
  g_assert_no_error (error);
  g_clear_object (&checklists);
  g_object_unref (db);

  sqlite3_exec (writer, "ROLLBACK", NULL, NULL, NULL);
  version_after = ({
    sqlite3_stmt *stmt = NULL;
    int v;
    sqlite3_prepare_v2 (writer, "PRAGMA data_version", -1, &stmt, NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    v = sqlite3_column_int (stmt, 0);
    sqlite3_finalize (stmt);
    v;
  });
  g_assert_cmpint (version_before, ==, version_after);
  sqlite3_close (writer);
}

/* A database file and folder the user cannot write to can still be
 * exported. Run as an unprivileged user (root ignores file modes). */
static void
read_only_file_export (const char *dir)
{
  g_autofree char *folder = g_build_filename (dir, "ro", NULL);
  g_autofree char *path = g_build_filename (folder, "bimbing.db", NULL);
  g_autofree char *out = g_build_filename (dir, "contacts.vcf", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (out);
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbDatabase) db = NULL;
  guint n = 0;

  db = bmb_database_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_READ_ONLY);
  g_clear_error (&error);

  db = bmb_database_open_read_only (path, &error);
  g_assert_no_error (error);
  g_assert_true (bmb_contact_export_to_file (db, file, BMB_CONTACT_EXPORT_FORMAT_VCARD,
                                             NULL, 0, NULL, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
  if (g_test_subprocess ())
    g_print ("exported as uid %u\n", (guint) geteuid ());
}

static void
test_read_only_file_export (void)
{
  static char *dir = NULL;

  if (!g_test_subprocess ())
    {
      g_autofree char *folder = NULL;
      g_autofree char *path = NULL;
      g_autoptr(GError) error = NULL;
      BmbDatabase *db;

      dir = bmb_test_make_tmpdir ();
      folder = g_build_filename (dir, "ro", NULL);
      path = g_build_filename (folder, "bimbing.db", NULL);
      g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
      db = bmb_database_open (path, &error);
      g_assert_no_error (error);
      g_assert_true (bmb_database_exec (db, "INSERT INTO contacts (uid, display_name, "
                                            "created_at, updated_at) VALUES ('a', 'Ayu', 0, 0)",
                                        &error));
      g_object_unref (db);
      g_assert_cmpint (g_chmod (path, 0444), ==, 0);
      g_assert_cmpint (g_chmod (folder, 0555), ==, 0);

      if (geteuid () == 0)
        {
          /* The unprivileged user needs to reach and write the folder. */
          g_assert_cmpint (chown (dir, 65534, 65534), ==, 0);
          g_assert_cmpint (chown (folder, 65534, 65534), ==, 0);
          g_assert_cmpint (chown (path, 65534, 65534), ==, 0);
          g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
          g_setenv ("BMB_TEST_READ_ONLY_DIR", dir, TRUE);
          g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
          g_assert_cmpint (chown (dir, 0, 0), ==, 0);
          g_assert_cmpint (g_chmod (folder, 0700), ==, 0);
          g_test_trap_assert_passed ();
          g_test_trap_assert_stdout ("*exported as uid 65534*");
        }
      else
        read_only_file_export (dir);

      g_chmod (folder, 0700);
      return;
    }

  /* The child: drop to "nobody", then export. */
  if (setgroups (0, NULL) != 0 || setgid (65534) != 0 || setuid (65534) != 0)
    {
      g_test_skip ("Cannot drop privileges here");
      return;
    }
  read_only_file_export (g_getenv ("BMB_TEST_READ_ONLY_DIR"));
}

/* bimbing --export-vcard while another program writes: it neither waits
 * nor fails (it used to wait 5 s for the write lock, then fail). */
static void
test_cli_export_while_writing (void)
{
  const char *binary = g_getenv ("BIMBING_BINARY");
  g_autofree char *path = NULL;
  g_autofree char *dir = bmb_test_make_tmpdir ();
  g_autofree char *out = g_build_filename (dir, "contacts.vcf", NULL);
  g_autofree char *std_out = NULL;
  g_autofree char *std_err = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = NULL;
  BmbDatabase *db;
  sqlite3 *writer;
  int status = -1;

  if (binary == NULL || !g_file_test (binary, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("BIMBING_BINARY is not built");
      return;
    }

  db = open_with_one_contact (&path);
  g_object_unref (db);
  writer = hold_write_lock (path);

  /* No session bus: no running instance takes the command. */
  env = g_environ_setenv (g_get_environ (), "DBUS_SESSION_BUS_ADDRESS", "disabled:", TRUE);
  {
    const char *argv[] = { binary, "--database", path, "--export-vcard", out, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **)argv, env, G_SPAWN_DEFAULT, NULL, NULL,
                                 &std_out, &std_err, &status, &error));
  }
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (std_out, "1 contact exported"));

  sqlite3_exec (writer, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (writer);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Jakarta", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/database/migrate-from-empty", test_migrate_from_empty);
  g_test_add_func ("/database/reopen-keeps-data", test_reopen_keeps_data);
  g_test_add_func ("/database/permissions", test_permissions);
  g_test_add_func ("/database/default-path", test_default_path);
  g_test_add_func ("/database/refuses-newer-schema", test_refuses_newer_schema);
  g_test_add_func ("/database/corrupt/garbage", test_corrupt_garbage);
  g_test_add_func ("/database/corrupt/damaged-pages", test_corrupt_damaged_pages);
  g_test_add_func ("/database/corrupt/check-later", test_corrupt_check_later);
  g_test_add_func ("/database/check-later-sound", test_check_later_sound);
  g_test_add_func ("/database/read-only", test_read_only);
  g_test_add_func ("/database/transactions", test_transactions);
  g_test_add_func ("/database/constraints", test_constraints);
  g_test_add_func ("/database/fts-triggers", test_fts_triggers);
  g_test_add_func ("/database/fts-children-first", test_fts_children_first);
  g_test_add_func ("/database/read-only/while-writing", test_read_only_while_writing);
  g_test_add_func ("/database/read-only/file-export", test_read_only_file_export);
  g_test_add_func ("/database/read-only/cli-export-while-writing",
                   test_cli_export_while_writing);
  g_test_add_func ("/database/builtins/second-open-writes-nothing",
                   test_builtins_second_open_writes_nothing);

  return g_test_run ();
}
