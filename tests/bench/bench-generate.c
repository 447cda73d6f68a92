/* bench-generate.c — fills a database for benchmarks and manual testing.
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-generate FILE [CONTACTS SESSIONS ASSESSMENTS]
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "bmb-bench-generate.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbDatabase) db = NULL;
  BmbBenchSize size = BMB_BENCH_SIZE_FULL;
  gint64 start;

  if (argc != 2 && argc != 5)
    {
      g_printerr ("Usage: %s FILE [CONTACTS SESSIONS ASSESSMENTS]\n", argv[0]);
      return 2;
    }
  if (argc == 5)
    {
      size.n_contacts = strtoul (argv[2], NULL, 10);
      size.n_sessions = strtoul (argv[3], NULL, 10);
      size.n_assessments = strtoul (argv[4], NULL, 10);
    }

  g_unlink (argv[1]);
  if (!(db = bmb_database_open (argv[1], &error)))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  start = g_get_monotonic_time ();
  if (!bmb_bench_generate (db, &size, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  bmb_database_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL);

  g_print ("generated %u contacts, %u sessions, %u assessments in %.2f s\n",
           size.n_contacts, size.n_sessions, size.n_assessments,
           (g_get_monotonic_time () - start) / 1e6);

  return 0;
}
