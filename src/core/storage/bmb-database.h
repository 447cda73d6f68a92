/* bmb-database.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "bmb-change-set.h"

G_BEGIN_DECLS

#define BMB_DATABASE_ERROR (bmb_database_error_quark ())

typedef enum
{
  BMB_DATABASE_ERROR_OPEN,       /* the file could not be opened or created */
  BMB_DATABASE_ERROR_CORRUPT,    /* not an SQLite database, or damaged */
  BMB_DATABASE_ERROR_TOO_NEW,    /* written by a newer Bimbing; never modified */
  BMB_DATABASE_ERROR_READ_ONLY,  /* file or folder not writable */
  BMB_DATABASE_ERROR_CONSTRAINT, /* a CHECK, UNIQUE or FOREIGN KEY constraint */
  BMB_DATABASE_ERROR_NOT_FOUND,  /* no row with that id */
  BMB_DATABASE_ERROR_INVALID,    /* a value the model refuses before SQL sees it */
  BMB_DATABASE_ERROR_BUSY,       /* locked by another process for too long */
  BMB_DATABASE_ERROR_FAILED,     /* anything else */
  BMB_DATABASE_ERROR_FOREIGN,    /* another program's SQLite file; never modified */
} BmbDatabaseError;


#define BMB_SCHEMA_VERSION 8

/* PRAGMA application_id of a Bimbing database: 'BMBG'. Set since data
 * version 2; a file with another id is another program's. */
#define BMB_DATABASE_APPLICATION_ID 0x424D4247

typedef enum
{
  BMB_DATABASE_OPEN_NONE        = 0,
  BMB_DATABASE_OPEN_CHECK_LATER = 1 << 0, /* the caller runs bmb_database_check_integrity_async() */
} BmbDatabaseOpenFlags;

#define BMB_TYPE_DATABASE (bmb_database_get_type ())

G_DECLARE_FINAL_TYPE (BmbDatabase, bmb_database, BMB, DATABASE, GObject)

GQuark        bmb_database_error_quark        (void);
char         *bmb_database_dup_default_path   (void);
BmbDatabase  *bmb_database_open               (const char    *path,
                                               GError       **error);
BmbDatabase  *bmb_database_open_full          (const char    *path,
                                               BmbDatabaseOpenFlags flags,
                                               GError       **error);
gboolean      bmb_database_needs_migration    (const char    *path);
void          bmb_database_open_async         (const char          *path,
                                               BmbDatabaseOpenFlags flags,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
BmbDatabase  *bmb_database_open_finish        (GAsyncResult  *result,
                                               GError       **error);
BmbDatabase  *bmb_database_open_read_only     (const char    *path,
                                               GError       **error);
BmbDatabase  *bmb_database_open_worker        (BmbDatabase   *self,
                                               GError       **error);
gboolean      bmb_database_is_read_only       (BmbDatabase   *self);
gboolean      bmb_database_check_integrity    (const char    *path,
                                               GTimeSpan      budget,
                                               gboolean      *out_finished,
                                               GError       **error);
void          bmb_database_check_integrity_async  (BmbDatabase         *self,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gboolean      bmb_database_check_integrity_finish (BmbDatabase         *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);
const char   *bmb_database_get_path           (BmbDatabase   *self);
sqlite3      *bmb_database_get_handle         (BmbDatabase   *self);
int           bmb_database_get_schema_version (BmbDatabase   *self);

/* Statements are cached per SQL text. The returned statement is reset and
 * its bindings cleared; it belongs to the database: never finalize it. */
sqlite3_stmt *bmb_database_prepare            (BmbDatabase   *self,
                                               const char    *sql,
                                               GError       **error);
gboolean      bmb_database_exec               (BmbDatabase   *self,
                                               const char    *sql,
                                               GError       **error);
/* Steps a statement that must finish (INSERT, UPDATE, DELETE). */
gboolean      bmb_database_step_done          (BmbDatabase   *self,
                                               sqlite3_stmt  *stmt,
                                               GError       **error);
/* Returns SQLITE_ROW or SQLITE_DONE, or -1 with @error set. */
int           bmb_database_step               (BmbDatabase   *self,
                                               sqlite3_stmt  *stmt,
                                               GError       **error);
gint64        bmb_database_last_insert_id     (BmbDatabase   *self);
int           bmb_database_changes            (BmbDatabase   *self);

/* Nestable transactions (savepoints). Every write goes through these.
 * Once the outermost level commits, ::changes-committed is emitted with the
 * BmbChangeSet of what was marked, then ::changed with its kinds. A rolled
 * back level (savepoint or transaction) discards what it marked. */
gboolean      bmb_database_begin              (BmbDatabase   *self,
                                               GError       **error);
gboolean      bmb_database_commit             (BmbDatabase   *self,
                                               GError       **error);
void          bmb_database_rollback           (BmbDatabase   *self);
/* Marks whole kinds as touched, without naming rows (bulk writes). */
void          bmb_database_mark_changed       (BmbDatabase   *self,
                                               BmbChangeFlags flags);
/* Marks one row: what a store calls at each write. */
void          bmb_database_mark_item          (BmbDatabase   *self,
                                               BmbChangeFlags kind,
                                               gint64         id,
                                               BmbChangeAction action);

/* Sets @error from the connection's last error, mapped to BmbDatabaseError. */
void          bmb_database_set_error          (BmbDatabase   *self,
                                               GError       **error,
                                               const char    *what);

/* Small column and binding helpers. */
char         *bmb_stmt_dup_text               (sqlite3_stmt  *stmt,
                                               int            column);
void          bmb_stmt_bind_text_or_null      (sqlite3_stmt  *stmt,
                                               int            index,
                                               const char    *text);
void          bmb_stmt_bind_id_or_null        (sqlite3_stmt  *stmt,
                                               int            index,
                                               gint64         id);

G_END_DECLS
