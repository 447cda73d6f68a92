/* bmb-accounts-page.h — Preferences → Accounts: the sync accounts, adding and removing one
 *
 * Copyright 2026 The Bimbing Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bmb-context.h"

G_BEGIN_DECLS

#define BMB_TYPE_ACCOUNTS_PAGE (bmb_accounts_page_get_type ())
G_DECLARE_FINAL_TYPE (BmbAccountsPage, bmb_accounts_page, BMB, ACCOUNTS_PAGE, AdwPreferencesPage)

BmbAccountsPage *bmb_accounts_page_new          (BmbContext      *context);
/* The subtitle of an account's row: its last sync, or its error, in words. */
char            *bmb_accounts_page_describe_sync (gint64          last_sync_at,
                                                  const char     *last_error);

G_END_DECLS
