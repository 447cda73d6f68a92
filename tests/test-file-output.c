/* test-file-output.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Safe file output: a failed or cancelled write keeps the previous file and
 * leaves no temporary file; a new file is private; a replaced file keeps its
 * mode; the exports use it (a re-exported private vCard stays private).
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include "bmb-contact-export.h"
#include "bmb-file-output.h"
#include "bmb-test-utils.h"

#define PREVIOUS "BEGIN:VCARD\r\nFN:Previous\r\nEND:VCARD\r\n"

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (d);
  while (g_dir_read_name (d) != NULL)
    n++;

  return n;
}

static guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 07777;
}

static void
assert_contents (const char *path,
                 const char *expected)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, expected, strlen (expected));
}

typedef struct
{
  GCancellable *cancellable;  /* cancel instead of failing, when set */
  guint         calls;
} Failing;

/* Writes half the data, then fails like a full disk (or is cancelled). */
static gboolean
write_half_then_fail (GOutputStream  *stream,
                      gpointer        user_data,
                      GCancellable   *cancellable,
                      GError        **error)
{
  Failing *failing = user_data;
  char block[4096];

  failing->calls++;
  memset (block, 'x', sizeof block);
  if (!g_output_stream_write_all (stream, block, sizeof block, NULL, cancellable, error))
    return FALSE;

  if (failing->cancellable != NULL)
    {
      g_cancellable_cancel (failing->cancellable);
      return !g_cancellable_set_error_if_cancelled (cancellable, error) &&
             g_output_stream_write_all (stream, block, sizeof block, NULL, cancellable, error);
    }

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "No space left on device");
  return FALSE;
}

static void
test_new_file_is_private (void)
{
  g_autofree char *dir = bmb_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "out.vcf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  umask (022);
  g_assert_true (bmb_file_output_replace_contents (file, "hello", 5, NULL, &error));
  g_assert_no_error (error);
  assert_contents (path, "hello");
  g_assert_cmpuint (file_mode (path), ==, 0600);
  g_assert_cmpuint (count_files (dir), ==, 1);
}

static void
test_keeps_mode (void)
{
  g_autofree char *dir = bmb_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "out.ics", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, PREVIOUS, -1, NULL));

  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  g_assert_true (bmb_file_output_replace_contents (file, "one", 3, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (file_mode (path), ==, 0600);

  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  g_assert_true (bmb_file_output_replace_contents (file, "two", 3, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (file_mode (path), ==, 0644);
  assert_contents (path, "two");
  g_assert_cmpuint (count_files (dir), ==, 1);
}

static void
test_symlink_is_followed (void)
{
  g_autofree char *dir = bmb_test_make_tmpdir ();
  g_autofree char *target = g_build_filename (dir, "real.vcf", NULL);
  g_autofree char *link = g_build_filename (dir, "link.vcf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (link);
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_true (g_file_set_contents (target, PREVIOUS, -1, NULL));
  g_assert_cmpint (symlink ("real.vcf", link), ==, 0);
  g_assert_true (bmb_file_output_replace_contents (file, "new", 3, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  assert_contents (target, "new");
}

static void
test_failure_keeps_previous (void)
{
  g_autofree char *dir = bmb_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "out.vcf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  Failing failing = { NULL, 0 };

  g_assert_true (g_file_set_contents (path, PREVIOUS, -1, NULL));
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);

  g_assert_false (bmb_file_output_replace (file, write_half_then_fail, &failing, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_cmpuint (failing.calls, ==, 1);
  assert_contents (path, PREVIOUS);
  g_assert_cmpuint (file_mode (path), ==, 0600);
  /* The temporary file is gone. */
  g_assert_cmpuint (count_files (dir), ==, 1);
}

static void
test_cancel_keeps_previous (void)
{
  g_autofree char *dir = bmb_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "out.vcf", NULL);
  g_autofree char *fresh = g_build_filename (dir, "fresh.vcf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) fresh_file = g_file_new_for_path (fresh);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  Failing failing = { cancellable, 0 };

  g_assert_true (g_file_set_contents (path, PREVIOUS, -1, NULL));
  g_assert_false (bmb_file_output_replace (file, write_half_then_fail, &failing, cancellable,
                                           &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_contents (path, PREVIOUS);
  g_assert_cmpuint (count_files (dir), ==, 1);

  /* A file that did not exist is not created either. */
  g_clear_error (&error);
  g_assert_false (bmb_file_output_replace_contents (fresh_file, "x", 1, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));
}

/* A real failing write: the kernel refuses to grow a file past
 * RLIMIT_FSIZE with EFBIG, as it refuses with ENOSPC on a full disk. */
static void
test_file_size_limit_keeps_previous (void)
{
  g_autofree char *dir = bmb_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "out.vcf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *big = g_strnfill (64 * 1024, 'y');
  struct rlimit saved, limited;
  gboolean ok;

  g_assert_true (g_file_set_contents (path, PREVIOUS, -1, NULL));

  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  limited = saved;
  limited.rlim_cur = 1024;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limited), ==, 0);
  ok = bmb_file_output_replace_contents (file, big, strlen (big), NULL, &error);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);

  g_assert_false (ok);
  g_assert_nonnull (error);
  assert_contents (path, PREVIOUS);
  g_assert_cmpuint (count_files (dir), ==, 1);
}

/* Re-exporting over a private file keeps it private (it used to become
 * 0644), and a new export is private like the database. */
static void
test_contact_export_modes (void)
{
  g_autofree char *dir = bmb_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "contacts.vcf", NULL);
  g_autofree char *fresh = g_build_filename (dir, "fresh.vcf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) fresh_file = g_file_new_for_path (fresh);
  g_autoptr(BmbDatabase) db = bmb_test_open_tmp_database (NULL);
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_assert_true (bmb_database_exec (db, "INSERT INTO contacts (uid, display_name, created_at, "
                                        "updated_at) VALUES ('a', 'Ayu', 0, 0)", &error));
  g_assert_true (g_file_set_contents (path, PREVIOUS, -1, NULL));
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);

  umask (022);
  g_assert_true (bmb_contact_export_to_file (db, file, BMB_CONTACT_EXPORT_FORMAT_VCARD,
                                             NULL, 0, NULL, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (file_mode (path), ==, 0600);

  g_assert_true (bmb_contact_export_to_file (db, fresh_file, BMB_CONTACT_EXPORT_FORMAT_VCARD,
                                             NULL, 0, NULL, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (file_mode (fresh), ==, 0600);
}

/* The vCard export on a full disk: the previous file survives. */
static void
test_contact_export_full_disk (void)
{
  g_autofree char *dir = bmb_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "contacts.vcf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(BmbDatabase) db = bmb_test_open_tmp_database (NULL);
  g_autoptr(GError) error = NULL;
  struct rlimit saved, limited;
  gboolean ok;

  g_assert_true (bmb_database_begin (db, &error));
  for (int i = 0; i < 200; i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO contacts (uid, display_name, notes, "
                                              "created_at, updated_at) VALUES ('u%d', "
                                              "'Name %d', 'A note long enough to fill the "
                                              "file quickly', 0, 0)", i, i);
      g_assert_true (bmb_database_exec (db, sql, &error));
    }
  g_assert_true (bmb_database_commit (db, &error));
  g_assert_true (g_file_set_contents (path, PREVIOUS, -1, NULL));

  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  limited = saved;
  limited.rlim_cur = 2048;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limited), ==, 0);
  ok = bmb_contact_export_to_file (db, file, BMB_CONTACT_EXPORT_FORMAT_VCARD, NULL, 0, NULL,
                                   NULL, &error);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);

  g_assert_false (ok);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "contacts.vcf"));
  assert_contents (path, PREVIOUS);
  g_assert_cmpuint (count_files (dir), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Jakarta", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/file-output/new-file-is-private", test_new_file_is_private);
  g_test_add_func ("/file-output/keeps-mode", test_keeps_mode);
  g_test_add_func ("/file-output/symlink-is-followed", test_symlink_is_followed);
  g_test_add_func ("/file-output/failure-keeps-previous", test_failure_keeps_previous);
  g_test_add_func ("/file-output/cancel-keeps-previous", test_cancel_keeps_previous);
  g_test_add_func ("/file-output/file-size-limit-keeps-previous",
                   test_file_size_limit_keeps_previous);
  g_test_add_func ("/file-output/contact-export/modes", test_contact_export_modes);
  g_test_add_func ("/file-output/contact-export/full-disk", test_contact_export_full_disk);

  return g_test_run ();
}
