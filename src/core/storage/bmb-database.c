/* bmb-database.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-database"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "bmb-database-private.h"
#include "bmb-schema.h"

struct _BmbDatabase
{
  GObject         parent_instance;

  /* owned */
  char           *path;
  sqlite3        *db;
  GHashTable     *statements;   /* SQL text → sqlite3_stmt */

  /* state */
  guint           read_only : 1;
  guint           depth;
  GPtrArray      *pending;      /* BmbChangeSet per transaction level */
};

G_DEFINE_FINAL_TYPE (BmbDatabase, bmb_database, G_TYPE_OBJECT)

enum {
  CHANGED,
  CHANGES_COMMITTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_QUARK (bmb-database-error-quark, bmb_database_error)

static BmbDatabaseError
error_code_from_sqlite (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_CONSTRAINT:
      return BMB_DATABASE_ERROR_CONSTRAINT;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return BMB_DATABASE_ERROR_CORRUPT;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return BMB_DATABASE_ERROR_READ_ONLY;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return BMB_DATABASE_ERROR_BUSY;
    case SQLITE_CANTOPEN:
      return BMB_DATABASE_ERROR_OPEN;
    default:
      return BMB_DATABASE_ERROR_FAILED;
    }
}

void
_bmb_database_set_error_from_handle (sqlite3     *db,
                                     int          rc,
                                     const char  *path,
                                     GError     **error)
{
  BmbDatabaseError code = error_code_from_sqlite (rc);
  const char *detail = db ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  /* A full disk or a failing one: name the file, the bare SQLite message
   * ("disk I/O error") does not say which. */
  if ((rc & 0xff) == SQLITE_FULL)
    {
      g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_FAILED,
                   /* Translators: %s is a file path, then SQLite's own message */
                   _("There is not enough space on the disk to write “%s” (%s)."),
                   path, detail);
      return;
    }
  if ((rc & 0xff) == SQLITE_IOERR)
    {
      g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_FAILED,
                   /* Translators: %s is a file path, then SQLite's own message */
                   _("“%s” could not be read or written; the disk may be full or failing (%s)."),
                   path, detail);
      return;
    }

  switch (code)
    {
    case BMB_DATABASE_ERROR_CORRUPT:
      g_set_error (error, BMB_DATABASE_ERROR, code,
                   /* Translators: %s is a file path, then SQLite's own message */
                   _("“%s” is not a Bimbing database or is damaged (%s)."),
                   path, detail);
      break;

    case BMB_DATABASE_ERROR_READ_ONLY:
      g_set_error (error, BMB_DATABASE_ERROR, code,
                   _("“%s” cannot be written to (%s)."), path, detail);
      break;

    case BMB_DATABASE_ERROR_BUSY:
      g_set_error (error, BMB_DATABASE_ERROR, code,
                   _("“%s” is in use by another program (%s)."), path, detail);
      break;

    case BMB_DATABASE_ERROR_OPEN:
      g_set_error (error, BMB_DATABASE_ERROR, code,
                   _("“%s” could not be opened (%s)."), path, detail);
      break;

    case BMB_DATABASE_ERROR_CONSTRAINT:
    case BMB_DATABASE_ERROR_NOT_FOUND:
    case BMB_DATABASE_ERROR_INVALID:
    case BMB_DATABASE_ERROR_TOO_NEW:
    case BMB_DATABASE_ERROR_FOREIGN:
    case BMB_DATABASE_ERROR_FAILED:
    default:
      g_set_error (error, BMB_DATABASE_ERROR, code,
                   _("Database error: %s"), detail);
      break;
    }
}

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static void
bmb_database_finalize (GObject *object)
{
  BmbDatabase *self = (BmbDatabase *)object;

  if (self->depth > 0)
    g_critical ("Database finalized inside a transaction");

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  if (self->db != NULL)
    {
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (bmb_database_parent_class)->finalize (object);
}

static void
bmb_database_class_init (BmbDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bmb_database_finalize;

  /**
   * BmbDatabase::changed:
   * @flags: the #BmbChangeFlags of what the committed transaction touched
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  /**
   * BmbDatabase::changes-committed:
   * @changes: the #BmbChangeSet of the rows the committed transaction touched
   *
   * Emitted after the outermost commit, before ::changed.
   */
  signals[CHANGES_COMMITTED] =
    g_signal_new ("changes-committed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, BMB_TYPE_CHANGE_SET | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
bmb_database_init (BmbDatabase *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  self->pending = g_ptr_array_new_with_free_func ((GDestroyNotify)bmb_change_set_unref);
}

static void
emit_changes (BmbDatabase  *self,
              BmbChangeSet *changes)
{
  BmbChangeFlags kinds = bmb_change_set_get_kinds (changes);

  if (kinds == BMB_CHANGE_NONE)
    return;

  g_signal_emit (self, signals[CHANGES_COMMITTED], 0, changes);
  g_signal_emit (self, signals[CHANGED], 0, (guint)kinds);
}

char *
bmb_database_dup_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "bimbing", "bimbing.db", NULL);
}

static gboolean
is_memory_path (const char *path)
{
  return g_strcmp0 (path, ":memory:") == 0;
}

static gboolean
configure_connection (BmbDatabase  *self,
                      GError      **error)
{
  sqlite3_busy_timeout (self->db, 5000);
  sqlite3_extended_result_codes (self->db, 1);

  if (!is_memory_path (self->path) &&
      !bmb_database_exec (self, "PRAGMA journal_mode=WAL", error))
    return FALSE;

  return bmb_database_exec (self,
                            "PRAGMA foreign_keys=ON;"
                            "PRAGMA synchronous=NORMAL;"
                            "PRAGMA temp_store=MEMORY;"
                            "PRAGMA cache_size=-32768;",
                            error);
}

static BmbDatabase *
open_connection (const char  *path,
                 GError     **error)
{
  g_autoptr(BmbDatabase) self = g_object_new (BMB_TYPE_DATABASE, NULL);
  int rc;

  self->path = g_strdup (path);
  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      _bmb_database_set_error_from_handle (self->db, rc, path, error);
      return NULL;
    }

  if (!configure_connection (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

static int
open_read_only_handle (const char  *path,
                       gboolean     immutable,
                       sqlite3    **db)
{
  g_autofree char *uri = NULL;

  if (immutable)
    {
      g_autofree char *absolute = g_canonicalize_filename (path, NULL);
      g_autofree char *file_uri = g_filename_to_uri (absolute, NULL, NULL);

      if (file_uri != NULL)
        uri = g_strconcat (file_uri, "?immutable=1", NULL);
    }

  return sqlite3_open_v2 (uri ? uri : path, db,
                          SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI,
                          NULL);
}

/* A connection that cannot write: SQLITE_OPEN_READONLY, query_only, and
 * bmb_database_begin() refuses. In WAL mode it reads the last committed
 * state and never waits for a writer. */
static BmbDatabase *
open_read_only_connection (const char  *path,
                           GError     **error)
{
  g_autoptr(BmbDatabase) self = g_object_new (BMB_TYPE_DATABASE, NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  sqlite3_stmt *stmt;
  int rc;

  self->path = g_strdup (path);
  self->read_only = TRUE;

  rc = open_read_only_handle (path, FALSE, &self->db);
  if (rc == SQLITE_OK)
    {
      sqlite3_extended_result_codes (self->db, 1);
      rc = sqlite3_exec (self->db, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);
    }

  /* A WAL database in a folder we cannot write to: its -shm file cannot be
   * created. With no -wal file, nobody can be writing, and the file alone
   * is the database: read it as immutable. */
  if (rc != SQLITE_OK && !g_file_test (wal, G_FILE_TEST_EXISTS))
    {
      g_debug ("Reading the database as immutable: %s", sqlite3_errstr (rc));
      sqlite3_close_v2 (self->db);
      self->db = NULL;
      rc = open_read_only_handle (path, TRUE, &self->db);
    }

  if (rc != SQLITE_OK)
    {
      _bmb_database_set_error_from_handle (self->db, rc, path, error);
      return NULL;
    }

  sqlite3_busy_timeout (self->db, 5000);
  sqlite3_extended_result_codes (self->db, 1);
  if (!bmb_database_exec (self,
                          "PRAGMA query_only=ON;"
                          "PRAGMA temp_store=MEMORY;"
                          "PRAGMA cache_size=-32768;",
                          error))
    return NULL;

  /* Fail now, with the file's name, rather than at the first query. */
  if (!(stmt = bmb_database_prepare (self, "SELECT count(*) FROM sqlite_schema", error)) ||
      bmb_database_step (self, stmt, error) < 0)
    return NULL;
  sqlite3_reset (stmt);

  return g_steal_pointer (&self);
}

static gboolean
check_not_folder (const char  *path,
                  GError     **error)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_OPEN,
                   _("“%s” is a folder, not a database file."), path);
      return FALSE;
    }

  return TRUE;
}

/**
 * bmb_database_open:
 * @path: (nullable): the file, `:memory:`, or %NULL for the default in the
 *   user's data folder
 *
 * Opens (creating if needed) and migrates the database. Another program's
 * SQLite file, a damaged file or one written by a newer version is refused
 * and left untouched. A file and data folder readable by others are made
 * private. When the first open of a new file fails (a full disk), the file
 * is removed again.
 */
BmbDatabase *
bmb_database_open (const char  *path,
                   GError     **error)
{
  return bmb_database_open_full (path, BMB_DATABASE_OPEN_NONE, error);
}

/**
 * bmb_database_open_full:
 * @path: (nullable): as for bmb_database_open()
 * @flags: %BMB_DATABASE_OPEN_CHECK_LATER to leave the structural check of a
 *   file that needs no migration to bmb_database_check_integrity_async()
 *
 * As bmb_database_open(). The check it makes (SQLite's quick_check, up to
 * 40 ms) is the only part of opening that grows with the file; the
 * application runs it in a thread once its window is up instead.
 */
BmbDatabase *
bmb_database_open_full (const char            *path,
                        BmbDatabaseOpenFlags   flags,
                        GError               **error)
{
  g_autofree char *default_path = NULL;
  g_autoptr(BmbDatabase) self = NULL;
  gboolean created = FALSE;

  if (path == NULL)
    path = default_path = bmb_database_dup_default_path ();

  if (!is_memory_path (path))
    {
      BmbDatabaseProbe probe;

      if (!check_not_folder (path, error) ||
          !_bmb_database_prepare_file (path, &created, error))
        return NULL;
      if (!created &&
          !_bmb_database_probe_file (path, !(flags & BMB_DATABASE_OPEN_CHECK_LATER), &probe, error))
        return NULL;
      _bmb_database_tighten_permissions (path);
    }

  if (!(self = open_connection (path, error)) ||
      !bmb_schema_migrate (self, error))
    {
      if (created)
        {
          g_clear_object (&self);
          _bmb_database_remove_created (path);
        }
      return NULL;
    }

  g_debug ("Opened database (schema %d)", bmb_database_get_schema_version (self));

  return g_steal_pointer (&self);
}

/**
 * bmb_database_open_read_only:
 * @path: (nullable): an existing file, or %NULL for the default
 *
 * Opens the database for reading only (the --agenda and --export-*
 * commands): nothing is created, migrated or written, not even the WAL
 * switch, and no lock is taken that could wait for a writer. Works on a
 * read-only file or folder. The file is checked like bmb_database_open()
 * does. An older data version is opened as it is: check
 * bmb_database_get_schema_version().
 */
BmbDatabase *
bmb_database_open_read_only (const char  *path,
                             GError     **error)
{
  g_autofree char *default_path = NULL;
  BmbDatabaseProbe probe;

  if (path == NULL)
    path = default_path = bmb_database_dup_default_path ();

  g_return_val_if_fail (!is_memory_path (path), NULL);

  if (!check_not_folder (path, error))
    return NULL;
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_OPEN,
                   _("“%s” could not be opened: %s"), path, g_strerror (ENOENT));
      return NULL;
    }
  if (!_bmb_database_probe_file (path, TRUE, &probe, error))
    return NULL;

  return open_read_only_connection (path, error);
}

/**
 * bmb_database_open_worker:
 *
 * A second connection to the same file, for a worker thread. The schema is
 * already migrated by the first connection.
 */
BmbDatabase *
bmb_database_open_worker (BmbDatabase  *self,
                          GError      **error)
{
  g_return_val_if_fail (BMB_IS_DATABASE (self), NULL);

  if (is_memory_path (self->path))
    {
      g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_FAILED,
                   _("An in-memory database cannot be shared with a worker."));
      return NULL;
    }

  if (self->read_only)
    return open_read_only_connection (self->path, error);

  return open_connection (self->path, error);
}

gboolean
bmb_database_is_read_only (BmbDatabase *self)
{
  g_return_val_if_fail (BMB_IS_DATABASE (self), FALSE);

  return self->read_only;
}

const char *
bmb_database_get_path (BmbDatabase *self)
{
  g_return_val_if_fail (BMB_IS_DATABASE (self), NULL);

  return self->path;
}

sqlite3 *
bmb_database_get_handle (BmbDatabase *self)
{
  g_return_val_if_fail (BMB_IS_DATABASE (self), NULL);

  return self->db;
}

int
bmb_database_get_schema_version (BmbDatabase *self)
{
  sqlite3_stmt *stmt;
  int version = -1;

  g_return_val_if_fail (BMB_IS_DATABASE (self), -1);

  if ((stmt = bmb_database_prepare (self, "PRAGMA user_version", NULL)) &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);

  return version;
}

void
bmb_database_set_error (BmbDatabase  *self,
                        GError      **error,
                        const char   *what)
{
  int rc;

  g_return_if_fail (BMB_IS_DATABASE (self));

  rc = sqlite3_extended_errcode (self->db);
  if (rc == SQLITE_CONSTRAINT || (rc & 0xff) == SQLITE_CONSTRAINT)
    {
      g_debug ("%s: %s", what ? what : "constraint", sqlite3_errmsg (self->db));
      g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_CONSTRAINT,
                   _("The change was refused because it would make the data inconsistent (%s)."),
                   sqlite3_errmsg (self->db));
      return;
    }

  _bmb_database_set_error_from_handle (self->db, rc, self->path, error);
}

sqlite3_stmt *
bmb_database_prepare (BmbDatabase  *self,
                      const char   *sql,
                      GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BMB_IS_DATABASE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      g_warning ("Failed to prepare statement: %s", sqlite3_errmsg (self->db));
      bmb_database_set_error (self, error, "prepare");
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);

  return stmt;
}

gboolean
bmb_database_exec (BmbDatabase  *self,
                   const char   *sql,
                   GError      **error)
{
  char *errmsg = NULL;

  g_return_val_if_fail (BMB_IS_DATABASE (self), FALSE);

  if (sqlite3_exec (self->db, sql, NULL, NULL, &errmsg) != SQLITE_OK)
    {
      sqlite3_free (errmsg);
      bmb_database_set_error (self, error, "exec");
      return FALSE;
    }

  return TRUE;
}

int
bmb_database_step (BmbDatabase   *self,
                   sqlite3_stmt  *stmt,
                   GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    return rc;

  bmb_database_set_error (self, error, "step");
  sqlite3_reset (stmt);

  return -1;
}

gboolean
bmb_database_step_done (BmbDatabase   *self,
                        sqlite3_stmt  *stmt,
                        GError       **error)
{
  int rc = bmb_database_step (self, stmt, error);

  if (rc == SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      return TRUE;
    }

  if (rc == SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return TRUE;
    }

  return FALSE;
}

gint64
bmb_database_last_insert_id (BmbDatabase *self)
{
  g_return_val_if_fail (BMB_IS_DATABASE (self), 0);

  return sqlite3_last_insert_rowid (self->db);
}

int
bmb_database_changes (BmbDatabase *self)
{
  g_return_val_if_fail (BMB_IS_DATABASE (self), 0);

  return sqlite3_changes (self->db);
}

gboolean
bmb_database_begin (BmbDatabase  *self,
                    GError      **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (BMB_IS_DATABASE (self), FALSE);

  /* Refused here, before SQLite could wait for a write lock. */
  if (self->read_only)
    {
      g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_READ_ONLY,
                   _("“%s” is open for reading only."), self->path);
      return FALSE;
    }

  if (self->depth == 0)
    {
      g_ptr_array_set_size (self->pending, 0);
      if (!bmb_database_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;
    }
  else
    {
      sql = g_strdup_printf ("SAVEPOINT bmb_%u", self->depth);
      if (!bmb_database_exec (self, sql, error))
        return FALSE;
    }

  self->depth++;
  g_ptr_array_add (self->pending, bmb_change_set_new ());

  return TRUE;
}

gboolean
bmb_database_commit (BmbDatabase  *self,
                     GError      **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(BmbChangeSet) changes = NULL;

  g_return_val_if_fail (BMB_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (self->depth > 1)
    {
      sql = g_strdup_printf ("RELEASE bmb_%u", self->depth - 1);
      if (!bmb_database_exec (self, sql, error))
        return FALSE;
      self->depth--;
      /* The released level's rows join its parent's. */
      changes = g_ptr_array_steal_index (self->pending, self->pending->len - 1);
      bmb_change_set_merge (g_ptr_array_index (self->pending, self->pending->len - 1), changes);
      return TRUE;
    }

  if (!bmb_database_exec (self, "COMMIT", error))
    return FALSE;

  self->depth = 0;
  changes = g_ptr_array_steal_index (self->pending, 0);
  g_ptr_array_set_size (self->pending, 0);

  emit_changes (self, changes);

  return TRUE;
}

void
bmb_database_rollback (BmbDatabase *self)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (BMB_IS_DATABASE (self));
  g_return_if_fail (self->depth > 0);

  if (self->depth > 1)
    {
      sql = g_strdup_printf ("ROLLBACK TO bmb_%u; RELEASE bmb_%u",
                             self->depth - 1, self->depth - 1);
      if (!bmb_database_exec (self, sql, NULL))
        g_warning ("Failed to roll back a savepoint: %s", sqlite3_errmsg (self->db));
      self->depth--;
      g_ptr_array_set_size (self->pending, self->depth);
      return;
    }

  /* A failed statement may already have ended the transaction. */
  if (!sqlite3_get_autocommit (self->db) && !bmb_database_exec (self, "ROLLBACK", NULL))
    g_warning ("Failed to roll back: %s", sqlite3_errmsg (self->db));

  self->depth = 0;
  g_ptr_array_set_size (self->pending, 0);
}

void
bmb_database_mark_changed (BmbDatabase    *self,
                           BmbChangeFlags  flags)
{
  g_return_if_fail (BMB_IS_DATABASE (self));

  if (flags == BMB_CHANGE_NONE)
    return;

  if (self->depth == 0)
    {
      g_autoptr(BmbChangeSet) changes = bmb_change_set_new ();

      bmb_change_set_add_kinds (changes, flags);
      emit_changes (self, changes);
      return;
    }

  bmb_change_set_add_kinds (g_ptr_array_index (self->pending, self->depth - 1), flags);
}

void
bmb_database_mark_item (BmbDatabase     *self,
                        BmbChangeFlags   kind,
                        gint64           id,
                        BmbChangeAction  action)
{
  g_return_if_fail (BMB_IS_DATABASE (self));

  if (self->depth == 0)
    {
      g_autoptr(BmbChangeSet) changes = bmb_change_set_new ();

      bmb_change_set_add (changes, kind, id, action);
      emit_changes (self, changes);
      return;
    }

  bmb_change_set_add (g_ptr_array_index (self->pending, self->depth - 1), kind, id, action);
}

char *
bmb_stmt_dup_text (sqlite3_stmt *stmt,
                   int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return text ? g_strdup ((const char *)text) : NULL;
}

void
bmb_stmt_bind_text_or_null (sqlite3_stmt *stmt,
                            int           index,
                            const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

void
bmb_stmt_bind_id_or_null (sqlite3_stmt *stmt,
                          int           index,
                          gint64        id)
{
  if (id <= 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, id);
}
