/* bmb-schema-backup.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The copy of the database taken beside it before a migration rewrites it; the newest
 * three are kept.
 */

#define G_LOG_DOMAIN "bmb-schema"

#include "config.h"
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>
#include "bmb-schema.h"
#include "bmb-schema-private.h"

/* Backups taken before a migration, kept beside the database. */
#define N_BACKUPS_KEPT 3

/* ---- Backups ------------------------------------------------------------------------- */

static char *
backup_prefix (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);

  return g_strconcat (base, ".backup-", NULL);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *)a, *(char * const *)b);
}

/* Keeps the newest N_BACKUPS_KEPT backups of @path. Their names start with
 * the UTC time they were taken, so name order is age order. */
static void
prune_backups (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *prefix = backup_prefix (path);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;

  if (folder == NULL)
    return;

  while ((name = g_dir_read_name (folder)) != NULL)
    if (g_str_has_prefix (name, prefix))
      g_ptr_array_add (names, g_strdup (name));

  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i + N_BACKUPS_KEPT < names->len; i++)
    {
      g_autofree char *old = g_build_filename (dir, g_ptr_array_index (names, i), NULL);

      g_debug ("Removing an old backup");
      if (g_unlink (old) != 0)
        g_debug ("Could not remove an old backup: %s", g_strerror (errno));
    }
}

/* A copy of the whole database (VACUUM INTO: a consistent snapshot, in one
 * file even in WAL mode) beside it, private like the database, flushed to
 * disk, before a migration rewrites it. */
gboolean
_bmb_schema_back_up (BmbDatabase  *db,
                     int           version,
                     GError      **error)
{
  const char *path = bmb_database_get_path (db);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *prefix = backup_prefix (path);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *name = NULL;
  g_autofree char *backup = NULL;
  sqlite3_stmt *stmt;
  int fd;

  name = g_strdup_printf ("%s%s.%06d-v%d", prefix, stamp,
                          g_date_time_get_microsecond (now), version);
  backup = g_build_filename (dir, name, NULL);

  /* VACUUM INTO accepts an empty file: create it 0600 first. */
  fd = g_open (backup, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int errsv = errno;

      g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_FAILED,
                   /* Translators: %s is a file path, then the system's reason */
                   _("“%s” could not be backed up before updating it: %s"),
                   path, g_strerror (errsv));
      return FALSE;
    }
  close (fd);

  if (!(stmt = bmb_database_prepare (db, "VACUUM INTO ?1", error)))
    goto failed;
  sqlite3_bind_text (stmt, 1, backup, -1, SQLITE_TRANSIENT);
  if (!bmb_database_step_done (db, stmt, error))
    goto failed;

  fd = g_open (backup, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0 || fsync (fd) != 0)
    {
      int errsv = errno;

      if (fd >= 0)
        close (fd);
      g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_FAILED,
                   _("“%s” could not be backed up before updating it: %s"),
                   path, g_strerror (errsv));
      g_unlink (backup);
      return FALSE;
    }
  close (fd);

  g_debug ("Backed up data version %d before migrating", version);
  prune_backups (path);

  return TRUE;

failed:
  g_prefix_error (error, _("“%s” could not be backed up before updating it: "), path);
  g_unlink (backup);
  return FALSE;
}

