/* bmb-sync-account-setup.h — adding an account: discovery, Bimbing's calendar and
 * address book (found by name or created), then the account row and its password
 *
 * Copyright 2026 The Bimbing Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Blocking (network): the command line calls it directly, the Preferences page from a
 * GTask thread. Nothing is stored unless every step worked.
 */
#pragma once

#include "bmb-sync-accounts.h"

G_BEGIN_DECLS

/* Network only, no database (a worker thread may call it): discovery, then the calendar
 * and address book named Bimbing, found or created. Returns the account to store with
 * bmb_sync_accounts_add() (id 0). */
BmbSyncAccount *bmb_sync_account_prepare (const char       *address,
                                          const char       *username,
                                          const char       *password,
                                          GCancellable     *cancellable,
                                          GError          **error);
/* prepare, then add. address: a URL (https:// is added to a bare host) or an e-mail
 * address. Returns the stored account. */
BmbSyncAccount *bmb_sync_account_setup (BmbSyncAccounts  *accounts,
                                        const char       *address,
                                        const char       *username,
                                        const char       *password,
                                        GCancellable     *cancellable,
                                        GError          **error);

G_END_DECLS
