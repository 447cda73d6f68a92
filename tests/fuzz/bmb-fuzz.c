/* bmb-fuzz.c — what every libFuzzer harness in tests/fuzz/ shares
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <stdlib.h>

#include "bmb-fuzz.h"

static GLogWriterOutput
quiet_writer (GLogLevelFlags   log_level,
              const GLogField *fields,
              gsize            n_fields,
              gpointer         user_data)
{
  /* Fatal levels reach stderr, then abort() here: GLib would stop on a
   * breakpoint trap instead, which libFuzzer does not catch, so it would
   * keep no reproducer. */
  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_FLAG_FATAL))
    {
      g_log_writer_standard_streams (log_level, fields, n_fields, user_data);
      abort ();
    }

  return G_LOG_WRITER_HANDLED;
}

void
bmb_fuzz_init (void)
{
  static gsize done = 0;

  if (!g_once_init_enter (&done))
    return;

  g_setenv ("TZ", "UTC", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  setlocale (LC_ALL, "");
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL);
  g_log_set_writer_func (quiet_writer, NULL, NULL);

  g_once_init_leave (&done, 1);
}

BmbDatabase *
bmb_fuzz_open_database (void)
{
  g_autoptr(GError) error = NULL;
  BmbDatabase *db = bmb_database_open (":memory:", &error);

  if (db == NULL)
    g_error ("Cannot open an in-memory database: %s", error->message);

  return db;
}

GBytes *
bmb_fuzz_load_data (const char *relative_path)
{
  g_autofree char *path = g_build_filename (BMB_FUZZ_DATADIR, relative_path, NULL);
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &error))
    g_error ("Cannot read %s: %s", path, error->message);

  return g_bytes_new_take (contents, length);
}

char *
bmb_fuzz_dup_string (const uint8_t *data,
                     size_t         size)
{
  char *copy = g_malloc (size + 1);

  if (size > 0)
    memcpy (copy, data, size);
  copy[size] = '\0';

  return copy;
}
