/* bmb-schema-private.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Migration steps written in C, run by bmb-schema.c inside a migration's
 * transaction after its SQL.
 */

#pragma once

#include "bmb-database.h"

G_BEGIN_DECLS

/* Copies the database (data version @version) beside itself before a migration
 * (bmb-schema-backup.c). */
gboolean _bmb_schema_back_up (BmbDatabase  *db,
                              int           version,
                              GError      **error);

/* Version 3: gives each session's notes, agenda and action items to the
 * meeting they belong to (see migration_3 in bmb-schema.c). */
gboolean _bmb_schema_place_meeting_records (BmbDatabase  *db,
                                            GError      **error);

/* Version 8: relationships travel in sync (bmb-schema-sync-relationships.c). */
extern const char _bmb_schema_migration_8[];

G_END_DECLS
