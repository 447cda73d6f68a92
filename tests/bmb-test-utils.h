/* bmb-test-utils.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bmb-database.h"

G_BEGIN_DECLS

/* A fresh temporary folder, removed (with its contents) at exit. */
char        *bmb_test_make_tmpdir        (void);
/* A new migrated database in a temporary file. */
BmbDatabase *bmb_test_open_tmp_database  (char       **out_path);
/* Path of a file under tests/data (G_TEST_SRCDIR). */
char        *bmb_test_data_path          (const char  *name);
/* Runs the main context until @condition returns TRUE or @timeout_ms passes. */
gboolean     bmb_test_wait_for           (gboolean   (*condition) (gpointer),
                                          gpointer     data,
                                          guint        timeout_ms);
/* Spins the default main context for @ms milliseconds. */
void         bmb_test_spin               (guint        ms);

G_END_DECLS
