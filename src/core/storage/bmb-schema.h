/* bmb-schema.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bmb-database.h"

G_BEGIN_DECLS

gboolean bmb_schema_migrate (BmbDatabase  *db,
                             GError      **error);

G_END_DECLS
