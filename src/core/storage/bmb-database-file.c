/* bmb-database-file.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The database file before a connection writes to it: created private,
 * recognised as Bimbing's (never another program's SQLite file), refused
 * untouched when damaged or newer, checked within a time budget, and
 * tightened to 0600 (its folder to 0700) when older versions left it open.
 */

#define G_LOG_DOMAIN "bmb-database"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bmb-database-private.h"

/* Tables every Bimbing database has had since version 1, before the file
 * carried our application id. */
static const char bimbing_tables_sql[] =
  "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN"
  " ('contacts', 'relationships', 'sessions', 'checklist_templates', 'reminder_log')";
#define N_BIMBING_TABLES 5

/* Creates the folder (0700) and an empty file (0600) so SQLite never creates
 * them with the umask's looser modes. */
gboolean
_bmb_database_prepare_file (const char  *path,
                            gboolean    *out_created,
                            GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  *out_created = FALSE;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int errsv = errno;
      g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_OPEN,
                   _("The folder “%s” could not be created: %s"), dir, g_strerror (errsv));
      return FALSE;
    }

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (g_access (path, R_OK) != 0)
        {
          int errsv = errno;
          g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_OPEN,
                       _("“%s” could not be opened: %s"), path, g_strerror (errsv));
          return FALSE;
        }
      if (g_access (path, W_OK) != 0 || g_access (dir, W_OK) != 0)
        {
          g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_READ_ONLY,
                       _("“%s” is read-only. Bimbing needs to write to the file and its folder."),
                       path);
          return FALSE;
        }
      return TRUE;
    }

  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int errsv = errno;
      g_set_error (error, BMB_DATABASE_ERROR,
                   errsv == EACCES || errsv == EROFS ? BMB_DATABASE_ERROR_READ_ONLY
                                                      : BMB_DATABASE_ERROR_OPEN,
                   _("“%s” could not be created: %s"), path, g_strerror (errsv));
      return FALSE;
    }
  close (fd);
  *out_created = TRUE;

  return TRUE;
}

/* A read-only connection for looking at a file. With no WAL beside it, the
 * file alone is the database: it is opened as immutable so not even a -shm
 * or -wal file appears next to it. */
static int
open_for_probe (const char  *path,
                sqlite3    **db)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *uri = NULL;

  if (!g_file_test (wal, G_FILE_TEST_EXISTS))
    {
      g_autofree char *absolute = g_canonicalize_filename (path, NULL);
      g_autofree char *file_uri = g_filename_to_uri (absolute, NULL, NULL);

      if (file_uri != NULL)
        uri = g_strconcat (file_uri, "?immutable=1", NULL);
    }

  return sqlite3_open_v2 (uri ? uri : path, db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
}

static int
query_int (sqlite3    *db,
           const char *sql,
           int        *out_value)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *out_value = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);

  return rc;
}

/* ---- The bounded integrity check ------------------------------------------------ */

/* PRAGMA quick_check walks every b-tree inside one VDBE instruction, so a
 * progress handler is only called once that walk is over (0.2–1.2 s on a
 * 130 MiB database, cold): it cannot bound the check. sqlite3_interrupt()
 * is checked inside the walk, and may be called from another thread. So a
 * watchdog thread waits for the budget and interrupts the check if it is
 * still running; the check then reports "not finished" and start-up goes
 * on (what the budget did not reach, SQLite still reports as SQLITE_CORRUPT
 * when it reads it). The watchdog is joined before the connection closes. */
typedef struct
{
  GMutex    mutex;
  GCond     cond;
  sqlite3  *db;
  gint64    deadline;
  gboolean  done;
  gboolean  fired;
} Watchdog;

static gpointer
watchdog_thread (gpointer data)
{
  Watchdog *watchdog = data;

  g_mutex_lock (&watchdog->mutex);
  while (!watchdog->done)
    {
      if (!g_cond_wait_until (&watchdog->cond, &watchdog->mutex, watchdog->deadline) &&
          !watchdog->done)
        {
          sqlite3_interrupt (watchdog->db);
          watchdog->fired = TRUE;
          break;
        }
    }
  g_mutex_unlock (&watchdog->mutex);

  return NULL;
}

/* Returns FALSE with @error set when the file is damaged or cannot be read;
 * *out_finished is FALSE when the budget ran out first. */
static gboolean
check_integrity (sqlite3     *db,
                 const char  *path,
                 GTimeSpan    budget,
                 gboolean    *out_finished,
                 GError     **error)
{
  Watchdog watchdog = { 0 };
  sqlite3_stmt *stmt = NULL;
  GThread *thread;
  gboolean ok = TRUE;
  int rc;

  *out_finished = FALSE;

  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check(1)", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _bmb_database_set_error_from_handle (db, rc, path, error);
      return FALSE;
    }

  g_mutex_init (&watchdog.mutex);
  g_cond_init (&watchdog.cond);
  watchdog.db = db;
  watchdog.deadline = g_get_monotonic_time () + MAX (budget, 0);
  thread = g_thread_new ("bmb-db-check", watchdog_thread, &watchdog);

  rc = sqlite3_step (stmt);

  g_mutex_lock (&watchdog.mutex);
  watchdog.done = TRUE;
  g_cond_signal (&watchdog.cond);
  g_mutex_unlock (&watchdog.mutex);
  g_thread_join (thread);

  if (rc == SQLITE_INTERRUPT || (rc != SQLITE_ROW && watchdog.fired))
    g_debug ("quick_check stopped after its time budget");
  else if (rc != SQLITE_ROW)
    {
      _bmb_database_set_error_from_handle (db, rc, path, error);
      ok = FALSE;
    }
  else if (g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0), "ok") != 0)
    {
      g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_CORRUPT,
                   _("“%s” is damaged (%s)."), path,
                   (const char *)sqlite3_column_text (stmt, 0));
      ok = FALSE;
    }
  else
    *out_finished = TRUE;

  sqlite3_finalize (stmt);
  g_cond_clear (&watchdog.cond);
  g_mutex_clear (&watchdog.mutex);

  return ok;
}

/**
 * bmb_database_check_integrity:
 * @path: a database file
 * @budget: how long the check may run
 * @out_finished: (out): %FALSE when the budget ran out before the end
 *
 * Runs SQLite's structural check (PRAGMA quick_check) on @path through a
 * read-only connection, stopped after @budget. Returns %FALSE with a
 * %BMB_DATABASE_ERROR_CORRUPT error when it found damage.
 */
gboolean
bmb_database_check_integrity (const char  *path,
                              GTimeSpan    budget,
                              gboolean    *out_finished,
                              GError     **error)
{
  sqlite3 *db = NULL;
  gboolean finished = FALSE;
  gboolean ok;
  int rc;

  g_return_val_if_fail (path != NULL, FALSE);

  rc = open_for_probe (path, &db);
  if (rc != SQLITE_OK)
    {
      _bmb_database_set_error_from_handle (db, rc, path, error);
      sqlite3_close_v2 (db);
      return FALSE;
    }

  ok = check_integrity (db, path, budget, &finished, error);
  sqlite3_close_v2 (db);

  if (out_finished != NULL)
    *out_finished = finished;

  return ok;
}

static void
check_integrity_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(GError) error = NULL;
  gboolean finished = FALSE;

  if (g_task_return_error_if_cancelled (task))
    return;

  if (!bmb_database_check_integrity (path, BMB_DATABASE_LATE_CHECK_BUDGET, &finished, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    {
      if (!finished)
        g_debug ("The background integrity check of %s stopped after its time budget", path);
      g_task_return_boolean (task, TRUE);
    }
}

/**
 * bmb_database_check_integrity_async:
 * @self: a database opened with %BMB_DATABASE_OPEN_CHECK_LATER
 *
 * Checks the whole file's structure (PRAGMA quick_check) in a thread, on a
 * read-only connection of its own; the main thread goes on meanwhile. An
 * in-memory database has nothing to check.
 */
void
bmb_database_check_integrity_async (BmbDatabase         *self,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  const char *path;

  g_return_if_fail (BMB_IS_DATABASE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, bmb_database_check_integrity_async);
  path = bmb_database_get_path (self);
  if (path == NULL || path[0] == '\0' || g_str_equal (path, ":memory:"))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, check_integrity_thread);
}

/**
 * bmb_database_check_integrity_finish:
 *
 * Returns %FALSE with a %BMB_DATABASE_ERROR_CORRUPT error when the file is
 * damaged (or another error when it could not be read).
 */
gboolean
bmb_database_check_integrity_finish (BmbDatabase   *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- Opening in a thread ------------------------------------------------------------ */

/**
 * bmb_database_needs_migration:
 * @path: (nullable): the file, or %NULL for the default
 *
 * Whether opening @path will migrate it: an existing Bimbing database of an older data
 * version with data in it. Anything else (no file yet, a current one, a damaged or foreign
 * one) is %FALSE: bmb_database_open() says what is wrong with it.
 */
gboolean
bmb_database_needs_migration (const char *path)
{
  g_autofree char *default_path = NULL;
  BmbDatabaseProbe probe;

  if (path == NULL)
    path = default_path = bmb_database_dup_default_path ();
  if (g_str_equal (path, ":memory:") || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return FALSE;
  if (!_bmb_database_probe_file (path, FALSE, &probe, NULL))
    return FALSE;

  return !probe.is_empty && probe.version < BMB_SCHEMA_VERSION;
}

typedef struct
{
  char                 *path;
  BmbDatabaseOpenFlags  flags;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_free (data->path);
  g_free (data);
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenData *data = task_data;
  GError *error = NULL;
  BmbDatabase *db = bmb_database_open_full (data->path, data->flags, &error);

  if (db == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, db, g_object_unref);
}

/**
 * bmb_database_open_async:
 *
 * bmb_database_open_full() in a thread, for a file that needs a long migration: the
 * caller's main loop (a window that says what happens) goes on meanwhile. The database
 * is used from the caller's thread afterwards.
 */
void
bmb_database_open_async (const char            *path,
                         BmbDatabaseOpenFlags   flags,
                         GCancellable          *cancellable,
                         GAsyncReadyCallback    callback,
                         gpointer               user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  OpenData *data = g_new0 (OpenData, 1);

  data->path = g_strdup (path);
  data->flags = flags;
  g_task_set_source_tag (task, bmb_database_open_async);
  g_task_set_task_data (task, data, (GDestroyNotify)open_data_free);
  g_task_run_in_thread (task, open_thread);
}

BmbDatabase *
bmb_database_open_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- Probing -------------------------------------------------------------------- */

static void
set_foreign (const char  *path,
             GError     **error)
{
  g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_FOREIGN,
               _("“%s” is another program’s database, not Bimbing’s. "
                 "It has not been changed."),
               path);
}

/* Looks at an existing file through a read-only connection first, so that
 * another program's SQLite file, a damaged file or one from a newer version
 * is refused before anything could write to it (not even the WAL switch
 * touches it). Without @check_now the structural check is left to the
 * caller (bmb_database_check_integrity_async()), except before a migration,
 * which rewrites much of the file. */
gboolean
_bmb_database_probe_file (const char        *path,
                          gboolean           check_now,
                          BmbDatabaseProbe  *probe,
                          GError           **error)
{
  sqlite3 *db = NULL;
  int application_id = 0;
  int n_objects = 0;
  int n_tables = 0;
  gboolean finished;
  int rc;

  probe->version = 0;
  probe->is_empty = FALSE;

  /* Reading the schema catches a damaged header or schema page. */
  if ((rc = open_for_probe (path, &db)) != SQLITE_OK ||
      (rc = query_int (db, "PRAGMA application_id", &application_id)) != SQLITE_OK ||
      (rc = query_int (db, "PRAGMA user_version", &probe->version)) != SQLITE_OK ||
      (rc = query_int (db, "SELECT count(*) FROM sqlite_schema", &n_objects)) != SQLITE_OK ||
      (rc = query_int (db, bimbing_tables_sql, &n_tables)) != SQLITE_OK)
    {
      _bmb_database_set_error_from_handle (db, rc, path, error);
      sqlite3_close_v2 (db);
      return FALSE;
    }

  probe->is_empty = n_objects == 0 && probe->version == 0 && application_id == 0;

  /* Ours: our application id, or (written before version 2 set it) no id,
   * a data version and Bimbing's tables. Anything else with a schema
   * belongs to another program. */
  if (!probe->is_empty &&
      application_id != BMB_DATABASE_APPLICATION_ID &&
      (application_id != 0 || probe->version == 0 || n_tables != N_BIMBING_TABLES))
    {
      sqlite3_close_v2 (db);
      set_foreign (path, error);
      return FALSE;
    }

  if (probe->version > BMB_SCHEMA_VERSION)
    {
      sqlite3_close_v2 (db);
      g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Bimbing (data version %d; "
                     "this version understands up to %d). It has not been changed."),
                   path, probe->version, BMB_SCHEMA_VERSION);
      return FALSE;
    }

  /* A structural check of the file before we write to it, bounded in time
   * so a large database does not pay a full scan at every start. */
  if (!probe->is_empty && (check_now || probe->version < BMB_SCHEMA_VERSION) &&
      !check_integrity (db, path, BMB_DATABASE_CHECK_BUDGET, &finished, error))
    {
      sqlite3_close_v2 (db);
      return FALSE;
    }

  sqlite3_close_v2 (db);

  return TRUE;
}

/* ---- Permissions and clean-up ----------------------------------------------------- */

static void
tighten (const char *path,
         mode_t      mode)
{
  GStatBuf st;

  if (g_stat (path, &st) == 0 && (st.st_mode & 0077) != 0 &&
      g_chmod (path, st.st_mode & mode & 07777) != 0)
    g_debug ("Could not make a file private: %s", g_strerror (errno));
}

/* Earlier versions (and other tools) may have left the file 0644 and the
 * data folder 0755: the data is personal. A folder given with --database
 * is the user's own and is left alone. */
void
_bmb_database_tighten_permissions (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm" };
  g_autofree char *default_path = bmb_database_dup_default_path ();
  g_autofree char *default_dir = g_path_get_dirname (default_path);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *canonical_dir = g_canonicalize_filename (dir, NULL);
  g_autofree char *canonical_default = g_canonicalize_filename (default_dir, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      tighten (file, 0700);
    }

  if (g_strcmp0 (canonical_dir, canonical_default) == 0)
    tighten (dir, 0700);
}

/* After a failed first open (a full disk), removes the empty file we
 * created and what SQLite put beside it, so the next start begins afresh. */
void
_bmb_database_remove_created (const char *path)
{
  static const char * const suffixes[] = { "-wal", "-shm", "-journal" };
  GStatBuf st;

  if (g_stat (path, &st) != 0 || st.st_size != 0)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
  g_unlink (path);
}
