/* bmb-test-utils.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>

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
bmb_test_tmp_path (const char *name)
{
  g_autofree char *dir = bmb_test_make_tmpdir ();

  return g_build_filename (dir, name, NULL);
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
bmb_test_make_damaged_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  BmbDatabase *db = bmb_test_open_tmp_database (&path);
  gsize len;

  g_assert_true (bmb_database_begin (db, &error));
  for (int i = 0; i < 3000; i++)
    {
      sqlite3_stmt *stmt = bmb_database_prepare (db, "INSERT INTO contacts (uid, display_name, notes, "
                                                     "created_at, updated_at) "
                                                     "VALUES (?1, ?2, 'notes that fill pages', 0, 0)",
                                                 &error);
      g_autofree char *uid = g_strdup_printf ("damaged-%d", i);
      g_autofree char *name = g_strdup_printf ("Name %d", i);

      g_assert_no_error (error);
      sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
      g_assert_true (bmb_database_step_done (db, stmt, &error));
    }
  g_assert_true (bmb_database_commit (db, &error));
  g_assert_true (bmb_database_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", &error));
  g_object_unref (db);

  /* The schema pages come first in a file filled after its creation: keep the first
   * half, scribble over the rest. */
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 64 * 1024);
  for (gsize i = len / 2; i < len; i += 7)
    contents[i] = (char)0x5A;
  g_assert_true (g_file_set_contents (path, contents, len, &error));

  return g_steal_pointer (&path);
}

void
bmb_test_raw_exec (sqlite3    *db,
                   const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
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

gboolean
bmb_test_have_display (void)
{
  return g_getenv ("DISPLAY") != NULL && g_find_program_in_path ("xdotool") != NULL;
}

BmbApplication *
bmb_test_app_new (const char *db_path)
{
  static guint counter;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup_printf ("%s.Test%u.P%d", APP_ID, ++counter, (int)getpid ());
  BmbApplication *app = bmb_application_new ();

  /* Each instance gets its own id: an application stays exported on the bus
   * until it is finalized. */
  g_application_set_application_id (G_APPLICATION (app), id);
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
  bmb_application_set_database_path (app, db_path);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  return app;
}

void
bmb_test_app_free (BmbApplication *app)
{
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));

  for (GList *l = windows; l; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (windows);
  bmb_test_spin (50);
  g_object_unref (app);
}

static void
run_xdotool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

static gboolean
window_is_active (gpointer window)
{
  return gtk_window_is_active (window);
}

void
bmb_test_focus_window (GtkWindow *window)
{
  const char *title = gtk_window_get_title (window);
  g_autofree char *pattern = g_strdup_printf ("^%s$", title ? title : "");
  const char *argv[] = { "xdotool", "search", "--sync", "--limit", "1", "--name", pattern,
                         "windowfocus", "--sync", NULL };

  g_assert_true (gtk_widget_get_realized (GTK_WIDGET (window)));
  run_xdotool (argv);
  g_assert_true (bmb_test_wait_for (window_is_active, window, 5000));
}

void
bmb_test_press_keys (const char *keys)
{
  const char *argv[] = { "xdotool", "key", "--clearmodifiers", keys, NULL };

  run_xdotool (argv);
}

void
bmb_test_type_text (const char *text)
{
  const char *argv[] = { "xdotool", "type", "--delay", "20", text, NULL };

  run_xdotool (argv);
}

GtkWidget *
bmb_test_find_widget (GtkWidget  *root,
                      GType       type,
                      const char *css_class)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (css_class == NULL || gtk_widget_has_css_class (root, css_class)))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = bmb_test_find_widget (child, type, css_class);

      if (found != NULL)
        return found;
    }

  return NULL;
}

GtkWidget *
bmb_test_find_named (GtkWidget  *root,
                     const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = bmb_test_find_named (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

GtkWindow *
bmb_test_find_toplevel_with_class (GType       type,
                                   const char *css_class)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) &&
          gtk_widget_get_visible (GTK_WIDGET (window)) &&
          (css_class == NULL || gtk_widget_has_css_class (GTK_WIDGET (window), css_class)))
        return window;
    }

  return NULL;
}

GtkWindow *
bmb_test_find_toplevel (GType type)
{
  return bmb_test_find_toplevel_with_class (type, NULL);
}
