/* bmb-test-utils.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "bmb-test-utils.h"

static GPtrArray *tmpdirs;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)))
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            remove_tree (child);
          else
            g_unlink (child);
        }
    }
  g_chmod (path, 0700);
  g_rmdir (path);
}

static void
cleanup_tmpdirs (void)
{
  for (guint i = 0; tmpdirs && i < tmpdirs->len; i++)
    remove_tree (g_ptr_array_index (tmpdirs, i));
  g_clear_pointer (&tmpdirs, g_ptr_array_unref);
}

char *
bmb_test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("bimbing-test-XXXXXX", &error);

  g_assert_no_error (error);
  if (tmpdirs == NULL)
    {
      tmpdirs = g_ptr_array_new_with_free_func (g_free);
      atexit (cleanup_tmpdirs);
    }
  g_ptr_array_add (tmpdirs, g_strdup (dir));

  return dir;
}

BmbDatabase *
bmb_test_open_tmp_database (char **out_path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = bmb_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "bimbing.db", NULL);
  BmbDatabase *db = bmb_database_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (db);
  if (out_path)
    *out_path = g_steal_pointer (&path);

  return db;
}

char *
bmb_test_data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

static gboolean
on_timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

gboolean
bmb_test_wait_for (gboolean (*condition) (gpointer),
                   gpointer   data,
                   guint      timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, on_timeout_cb, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);

  return condition (data);
}

void
bmb_test_spin (guint ms)
{
  gboolean timed_out = FALSE;

  g_timeout_add (ms, on_timeout_cb, &timed_out);
  while (!timed_out)
    g_main_context_iteration (NULL, TRUE);
}
