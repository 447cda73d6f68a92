/* bmb-sync-manager-private.h — helpers shared by the sync manager and its reports
 *
 * Copyright 2026 The Bimbing Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bmb-sync-manager.h"

G_BEGIN_DECLS

/* Appends each conflict of @result (nullable) on its own indented line. */
void     _bmb_sync_report_append_conflicts (GString              *text,
                                            BmbSyncResult        *result);
guint    _bmb_sync_report_n_conflicts      (const BmbSyncReport  *report);
/* TRUE when the sync wrote to the local database. */
gboolean _bmb_sync_result_wrote_here       (BmbSyncResult        *result);
/* "ana on dav.example.org" */
char    *_bmb_sync_account_name            (const BmbSyncAccount *account);

G_END_DECLS
