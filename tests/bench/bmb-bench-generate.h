/* bmb-bench-generate.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bmb-database.h"

G_BEGIN_DECLS

typedef struct
{
  guint n_contacts;
  guint n_sessions;
  guint n_assessments;
  guint32 seed;
} BmbBenchSize;

#define BMB_BENCH_SIZE_FULL ((BmbBenchSize) { 100000, 20000, 2000, 20261123 })

/* Fills @db deterministically (same seed, same rows). */
gboolean bmb_bench_generate (BmbDatabase         *db,
                             const BmbBenchSize  *size,
                             GError             **error);

G_END_DECLS
