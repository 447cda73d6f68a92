/* bmb-database-private.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What bmb-database.c and bmb-database-file.c (the checks on the file
 * before a connection writes to it) share.
 */

#pragma once

#include "bmb-database.h"

G_BEGIN_DECLS

/* How long the start-up integrity check may take. */
#define BMB_DATABASE_CHECK_BUDGET (40 * G_TIME_SPAN_MILLISECOND)
/* The check in a thread after start-up reads the whole of any real file. */
#define BMB_DATABASE_LATE_CHECK_BUDGET (5 * G_TIME_SPAN_MINUTE)

typedef struct
{
  int      version;   /* PRAGMA user_version */
  gboolean is_empty;  /* no schema at all: a new (or empty) file */
} BmbDatabaseProbe;

void     _bmb_database_set_error_from_handle (sqlite3           *db,
                                              int                rc,
                                              const char        *path,
                                              GError           **error);
gboolean _bmb_database_prepare_file          (const char        *path,
                                              gboolean          *out_created,
                                              GError           **error);
gboolean _bmb_database_probe_file            (const char        *path,
                                              gboolean           check_now,
                                              BmbDatabaseProbe  *probe,
                                              GError           **error);
void     _bmb_database_tighten_permissions   (const char        *path);
void     _bmb_database_remove_created        (const char        *path);

G_END_DECLS
