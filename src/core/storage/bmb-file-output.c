/* bmb-file-output.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-file-output"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <limits.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bmb-file-output.h"

typedef struct
{
  const char *data;
  gsize       length;
} Contents;

static void
set_io_error (GError     **error,
              int          errsv,
              const char  *message)
{
  g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                       message != NULL ? message : g_strerror (errsv));
}

static gboolean
write_contents (GOutputStream  *stream,
                gpointer        user_data,
                GCancellable   *cancellable,
                GError        **error)
{
  const Contents *contents = user_data;

  return g_output_stream_write_all (stream, contents->data, contents->length, NULL,
                                    cancellable, error);
}

/* The file a path names: a symbolic link is followed, so replacing it
 * replaces what it points to and keeps the link. */
static char *
resolve_target (const char *path)
{
  char resolved[PATH_MAX];
  GStatBuf st;

  if (g_lstat (path, &st) == 0 && S_ISLNK (st.st_mode) && realpath (path, resolved) != NULL)
    return g_strdup (resolved);

  return g_strdup (path);
}

static gboolean
run_writer (int                      fd,
            BmbFileOutputWriteFunc   write_func,
            gpointer                 user_data,
            GCancellable            *cancellable,
            GError                 **error)
{
  g_autoptr(GOutputStream) stream = g_unix_output_stream_new (fd, FALSE);

  if (!write_func (stream, user_data, cancellable, error))
    return FALSE;

  return g_output_stream_close (stream, cancellable, error);
}

/* Not a regular file (a terminal, /dev/stdout, a pipe): there is nothing
 * to keep, and renaming over a device would be wrong, so write into it. */
static gboolean
write_in_place (const char              *path,
                BmbFileOutputWriteFunc   write_func,
                gpointer                 user_data,
                GCancellable            *cancellable,
                GError                 **error)
{
  int fd = g_open (path, O_WRONLY | O_CLOEXEC | O_NOCTTY, 0);
  gboolean ok;

  if (fd < 0)
    {
      set_io_error (error, errno, NULL);
      return FALSE;
    }

  ok = run_writer (fd, write_func, user_data, cancellable, error);
  if (close (fd) != 0 && ok)
    {
      set_io_error (error, errno, NULL);
      ok = FALSE;
    }

  return ok;
}

/* Through GIO for files that are not local (an sftp:// argument): those
 * backends do their own replacing. The contents are built in memory first
 * so a failing writer never reaches the file. */
static gboolean
replace_remote (GFile                   *file,
                BmbFileOutputWriteFunc   write_func,
                gpointer                 user_data,
                GCancellable            *cancellable,
                GError                 **error)
{
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GBytes) bytes = NULL;

  if (!write_func (memory, user_data, cancellable, error) ||
      !g_output_stream_close (memory, cancellable, error))
    return FALSE;

  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));

  return g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  NULL, FALSE, G_FILE_CREATE_NONE, NULL, cancellable, error);
}

static void
sync_folder (const char *dir)
{
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      /* Best effort: the rename is already done; some file systems refuse. */
      if (fsync (fd) != 0)
        g_debug ("Could not flush the folder: %s", g_strerror (errno));
      close (fd);
    }
}

/**
 * bmb_file_output_replace:
 * @file: the file to create or replace
 * @write_func: writes the new contents
 *
 * Writes @file safely: see the top of bmb-file-output.h. The error is a
 * #G_IO_ERROR (or @write_func's own) and does not name the file: callers
 * say which export failed.
 */
gboolean
bmb_file_output_replace (GFile                   *file,
                         BmbFileOutputWriteFunc   write_func,
                         gpointer                 user_data,
                         GCancellable            *cancellable,
                         GError                 **error)
{
  g_autofree char *given = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp = NULL;
  GStatBuf st;
  gboolean existed;
  mode_t mode = 0600;
  int fd;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (write_func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (!(given = g_file_get_path (file)))
    return replace_remote (file, write_func, user_data, cancellable, error);

  path = resolve_target (given);
  existed = g_stat (path, &st) == 0;
  if (existed && S_ISDIR (st.st_mode))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, g_strerror (EISDIR));
      return FALSE;
    }
  if (existed && !S_ISREG (st.st_mode))
    return write_in_place (path, write_func, user_data, cancellable, error);
  if (existed)
    mode = st.st_mode & 07777;

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);

  fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      set_io_error (error, errno, NULL);
      return FALSE;
    }

  /* Keep a private file private, and a shared one shared. */
  if (fchmod (fd, mode) != 0)
    g_debug ("Could not set the mode of the temporary file: %s", g_strerror (errno));
  if (existed && (st.st_uid != geteuid () || st.st_gid != getegid ()) &&
      fchown (fd, st.st_uid, st.st_gid) != 0)
    g_debug ("Could not keep the owner of the file: %s", g_strerror (errno));

  if (!run_writer (fd, write_func, user_data, cancellable, error))
    goto failed;

  /* A full disk may only show when the data reaches it. */
  if (fsync (fd) != 0)
    {
      set_io_error (error, errno, NULL);
      goto failed;
    }
  if (close (fd) != 0)
    {
      fd = -1;
      set_io_error (error, errno, NULL);
      goto failed;
    }
  fd = -1;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto failed;

  if (g_rename (tmp, path) != 0)
    {
      set_io_error (error, errno, NULL);
      goto failed;
    }

  sync_folder (dir);

  return TRUE;

failed:
  if (fd >= 0)
    close (fd);
  if (g_unlink (tmp) != 0)
    g_debug ("Could not remove the temporary file: %s", g_strerror (errno));

  return FALSE;
}

/**
 * bmb_file_output_replace_contents:
 *
 * bmb_file_output_replace() with contents already in memory.
 */
gboolean
bmb_file_output_replace_contents (GFile         *file,
                                  const char    *data,
                                  gsize          length,
                                  GCancellable  *cancellable,
                                  GError       **error)
{
  Contents contents = { data != NULL ? data : "", data != NULL ? length : 0 };

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  return bmb_file_output_replace (file, write_contents, &contents, cancellable, error);
}
