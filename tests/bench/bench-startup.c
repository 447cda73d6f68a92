/* bench-startup.c — start to first painted frame of Bimbing, on an empty and
 * on a generated database, against a bare libadwaita window.
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each program is started RUNS times; the time from spawn to its
 * "first-frame" line (printed from the window's frame clock after-paint) is
 * measured here, outside the process. Prints medians and ratios.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "bmb-bench-generate.h"

#define RUNS 7

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

static double time_to_marker (const char * const *argv,
                              const char         *marker);

static double
time_to_first_frame (const char * const *argv)
{
  return time_to_marker (argv, "first-frame");
}

/* Bimbing prints "content-frame" once the visible page, bound after the first frame, has
 * painted its data; the bare window has no data and says only "first-frame". */
static double
time_to_marker (const char * const *argv,
                const char         *marker)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) input = NULL;
  gint64 start = g_get_monotonic_time ();
  double elapsed = -1;
  char *line;

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                     G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error);
  if (process == NULL)
    g_error ("%s", error->message);

  input = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  while ((line = g_data_input_stream_read_line (input, NULL, NULL, NULL)))
    {
      gboolean done = g_str_equal (line, marker);

      g_free (line);
      if (done)
        {
          elapsed = (g_get_monotonic_time () - start) / 1000.0;
          break;
        }
    }
  g_subprocess_wait (process, NULL, NULL);

  return elapsed;
}

/* Resident memory (KiB) two seconds after the first frame: the program waits three
 * (BIMBING_EXIT_AFTER_FIRST_FRAME=3000) and is read from /proc meanwhile. */
static double
rss_after_first_frame (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) input = NULL;
  g_autofree char *status_path = NULL;
  g_autofree char *status = NULL;
  double rss = -1;
  char *line;

  g_subprocess_launcher_setenv (launcher, "BIMBING_EXIT_AFTER_FIRST_FRAME", "3000", TRUE);
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  if (process == NULL)
    g_error ("%s", error->message);

  input = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  while ((line = g_data_input_stream_read_line (input, NULL, NULL, NULL)))
    {
      gboolean done = g_str_equal (line, "first-frame");

      g_free (line);
      if (done)
        break;
    }

  g_usleep (2 * G_USEC_PER_SEC);
  status_path = g_strdup_printf ("/proc/%s/status", g_subprocess_get_identifier (process));
  if (g_file_get_contents (status_path, &status, NULL, NULL))
    {
      const char *vmrss = strstr (status, "VmRSS:");

      if (vmrss != NULL)
        rss = g_ascii_strtod (vmrss + strlen ("VmRSS:"), NULL);
    }
  g_subprocess_wait (process, NULL, NULL);

  return rss;
}

static double
median_of_runs_to (const char * const *argv,
                   const char         *marker)
{
  double times[RUNS];

  for (guint i = 0; i < RUNS; i++)
    {
      times[i] = time_to_marker (argv, marker);
      if (times[i] < 0)
        g_error ("%s never painted a frame", argv[0]);
    }
  qsort (times, RUNS, sizeof times[0], compare_double);

  return times[RUNS / 2];
}

static double
median_of_runs (const char * const *argv)
{
  return median_of_runs_to (argv, "first-frame");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *empty_db = NULL;
  g_autofree char *full_db = NULL;
  const char *app = g_getenv ("BIMBING_BINARY");
  const char *bare = g_getenv ("BIMBING_BARE_WINDOW");
  double bare_ms, empty_ms, full_ms, empty_content_ms, full_content_ms;
  double bare_rss, empty_rss, full_rss;

  if (app == NULL || bare == NULL || g_getenv ("DISPLAY") == NULL)
    {
      g_printerr ("Run through `meson test --benchmark` with a DISPLAY (e.g. under Xvfb)\n");
      return 77;
    }

  dir = g_dir_make_tmp ("bimbing-bench-XXXXXX", &error);
  g_assert_no_error (error);
  empty_db = g_build_filename (dir, "empty.db", NULL);
  full_db = g_build_filename (dir, "full.db", NULL);

  {
    g_autoptr(BmbDatabase) db = bmb_database_open (full_db, &error);
    BmbBenchSize size = BMB_BENCH_SIZE_FULL;
    gint64 start = g_get_monotonic_time ();

    g_assert_no_error (error);
    if (!bmb_bench_generate (db, &size, &error))
      g_error ("%s", error->message);
    bmb_database_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL);
    g_print ("generated %u contacts, %u sessions, %u assessments in %.2f s\n",
             size.n_contacts, size.n_sessions, size.n_assessments,
             (g_get_monotonic_time () - start) / 1e6);
  }

  g_setenv ("BIMBING_EXIT_AFTER_FIRST_FRAME", "1", TRUE);

  {
    const char *bare_argv[] = { bare, NULL };
    const char *empty_argv[] = { app, "--database", empty_db, NULL };
    const char *full_argv[] = { app, "--database", full_db, NULL };

    /* One warm-up run each so the page cache is in the same state. */
    time_to_first_frame (bare_argv);
    time_to_first_frame (empty_argv);
    time_to_first_frame (full_argv);

    bare_ms = median_of_runs (bare_argv);
    empty_ms = median_of_runs (empty_argv);
    full_ms = median_of_runs (full_argv);
    empty_content_ms = median_of_runs_to (empty_argv, "content-frame");
    full_content_ms = median_of_runs_to (full_argv, "content-frame");
  }

  {
    const char *bare_argv[] = { bare, NULL };
    const char *empty_argv[] = { app, "--database", empty_db, NULL };
    const char *full_argv[] = { app, "--database", full_db, NULL };

    g_unsetenv ("BIMBING_EXIT_AFTER_FIRST_FRAME");
    bare_rss = rss_after_first_frame (bare_argv);
    empty_rss = rss_after_first_frame (empty_argv);
    full_rss = rss_after_first_frame (full_argv);
  }

  g_print ("start to first frame, median of %d runs:\n", RUNS);
  g_print ("  bare libadwaita window  %7.1f ms\n", bare_ms);
  g_print ("  Bimbing, empty database %7.1f ms  (%.2fx bare)\n", empty_ms, empty_ms / bare_ms);
  g_print ("  Bimbing, 100k contacts  %7.1f ms  (%.2fx bare, %.2fx empty)\n", full_ms,
           full_ms / bare_ms, full_ms / empty_ms);
  g_print ("start to the first frame showing the page's data, median of %d runs:\n", RUNS);
  g_print ("  Bimbing, empty database %7.1f ms  (%.2fx bare)\n", empty_content_ms,
           empty_content_ms / bare_ms);
  g_print ("  Bimbing, 100k contacts  %7.1f ms  (%.2fx bare, %.2fx empty)\n", full_content_ms,
           full_content_ms / bare_ms, full_content_ms / empty_content_ms);
  g_print ("resident memory 2 s after the first frame:\n");
  g_print ("  bare libadwaita window  %7.1f MiB\n", bare_rss / 1024);
  g_print ("  Bimbing, empty database %7.1f MiB  (%.2fx bare)\n", empty_rss / 1024,
           empty_rss / bare_rss);
  g_print ("  Bimbing, 100k contacts  %7.1f MiB  (%.2fx bare)\n", full_rss / 1024,
           full_rss / bare_rss);

  {
    g_autofree char *wal = g_strconcat (full_db, "-wal", NULL);
    g_autofree char *shm = g_strconcat (full_db, "-shm", NULL);
    g_unlink (empty_db); g_unlink (full_db); g_unlink (wal); g_unlink (shm);
    wal = g_strconcat (empty_db, "-wal", NULL);
    g_free (shm);
    shm = g_strconcat (empty_db, "-shm", NULL);
    g_unlink (wal); g_unlink (shm);
    g_rmdir (dir);
  }

  return 0;
}
