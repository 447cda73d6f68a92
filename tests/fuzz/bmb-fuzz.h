/* bmb-fuzz.h — what every libFuzzer harness in tests/fuzz/ shares
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stddef.h>
#include <stdint.h>

#include "bmb-database.h"

G_BEGIN_DECLS

/* The libFuzzer entry points each harness defines. */
int          LLVMFuzzerInitialize   (int            *argc,
                                     char         ***argv);
int          LLVMFuzzerTestOneInput (const uint8_t  *data,
                                     size_t          size);

/* Once per process: UTC, C locale, no log output, criticals fatal (a
 * g_return_if_fail reached from input is a finding). */
void         bmb_fuzz_init          (void);
/* A new in-memory database with the whole schema. */
BmbDatabase *bmb_fuzz_open_database (void);
/* Reads tests/data/@relative_path (BMB_FUZZ_DATADIR), aborting if it cannot. */
GBytes      *bmb_fuzz_load_data     (const char     *relative_path);
/* @data as a NUL-terminated string (embedded NULs stay). */
char        *bmb_fuzz_dup_string    (const uint8_t  *data,
                                     size_t          size);

G_END_DECLS
