/* bmb-sync-accounts.h — the CalDAV/CardDAV accounts Bimbing syncs with
 *
 * Copyright 2026 The Bimbing Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row of sync_accounts per account (server, user name, the principal, the calendar
 * and the address book it syncs, the last sync and its error). The password is kept only
 * in the keyring through libsecret (schema "io.github.bimbing.Bimbing.Account", keyed by
 * server URL and user name; inside Flatpak libsecret uses its file backend through the
 * Secret portal), never in the database. Removing an account keeps every session and
 * contact it brought.
 */
#pragma once

#include <gio/gio.h>

#include "bmb-dav-client.h"
#include "bmb-database.h"

G_BEGIN_DECLS

typedef struct {
  gint64  id;
  char   *server_url;
  char   *username;
  char   *principal_url;     /* nullable */
  char   *calendar_url;      /* nullable: the server has no CalDAV */
  char   *addressbook_url;   /* nullable: the server has no CardDAV */
  gint64  last_sync_at;      /* Unix seconds; 0: never synced */
  char   *last_error;        /* nullable: the last sync went well (or none yet) */
  gint64  created_at;
} BmbSyncAccount;

BmbSyncAccount *bmb_sync_account_copy (const BmbSyncAccount *account);
void            bmb_sync_account_free (BmbSyncAccount       *account);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BmbSyncAccount, bmb_sync_account_free)

#define BMB_TYPE_SYNC_ACCOUNTS (bmb_sync_accounts_get_type ())
G_DECLARE_FINAL_TYPE (BmbSyncAccounts, bmb_sync_accounts, BMB, SYNC_ACCOUNTS, GObject)

BmbSyncAccounts *bmb_sync_accounts_new             (BmbDatabase           *db);
/* Stores account (its id, created_at and sync fields are ignored) and password (in the
 * keyring); one transaction. Returns the new id, 0 with error set (BMB_DATABASE_ERROR_
 * CONSTRAINT when the same user on the same server is there already; BMB_SYNC_ERROR_FAILED
 * when the keyring refuses). */
gint64           bmb_sync_accounts_add             (BmbSyncAccounts       *self,
                                                    const BmbSyncAccount  *account,
                                                    const char            *password,
                                                    GCancellable          *cancellable,
                                                    GError               **error);
/* Every account, oldest first. Element type BmbSyncAccount. */
GPtrArray       *bmb_sync_accounts_list            (BmbSyncAccounts       *self,
                                                    GError               **error);
BmbSyncAccount  *bmb_sync_accounts_get             (BmbSyncAccounts       *self,
                                                    gint64                 id,
                                                    GError               **error);
/* Removes the account and its password; local data stays. */
gboolean         bmb_sync_accounts_remove          (BmbSyncAccounts       *self,
                                                    gint64                 id,
                                                    GCancellable          *cancellable,
                                                    GError               **error);
/* After a sync: error_message NULL → last_sync_at = when and the error cleared; otherwise
 * last_error = error_message (last_sync_at keeps the last good sync). */
gboolean         bmb_sync_accounts_record_sync     (BmbSyncAccounts       *self,
                                                    gint64                 id,
                                                    gint64                 when,
                                                    const char            *error_message,
                                                    GError               **error);
/* The account's password from the keyring; BMB_SYNC_ERROR_AUTH when there is none. */
char            *bmb_sync_accounts_lookup_password (BmbSyncAccounts       *self,
                                                    const BmbSyncAccount  *account,
                                                    GCancellable          *cancellable,
                                                    GError               **error);
/* A client for the account with its password: the seam the sync engine and --sync use
 * (bmb_dav_collection_open() on calendar_url and addressbook_url). */
BmbDavClient    *bmb_sync_accounts_open_client     (BmbSyncAccounts       *self,
                                                    const BmbSyncAccount  *account,
                                                    GCancellable          *cancellable,
                                                    GError               **error);

G_END_DECLS
