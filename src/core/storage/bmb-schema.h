/* bmb-schema.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bmb-database.h"

G_BEGIN_DECLS

gboolean    bmb_schema_migrate             (BmbDatabase  *db,
                                            GError      **error);
/* The SQL of the migration to @version (1 … BMB_SCHEMA_VERSION), for tests
 * that build an older database. */
const char *bmb_schema_get_migration_sql   (int           version);

G_END_DECLS
