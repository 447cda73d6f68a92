/* bmb-sync-account-setup.c — adding an account
 *
 * Copyright 2026 The Bimbing Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bmb-sync-accounts"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-dav-discovery.h"
#include "bmb-sync-account-setup.h"

/* The collection named Bimbing, or a new one in home_url. */
static char *
pick_or_create (BmbDavClient          *client,
                BmbDavDiscovery       *discovery,
                BmbSyncCollectionKind  kind,
                const char            *home_url,
                GCancellable          *cancellable,
                GError               **error)
{
  BmbDavCollectionInfo *found = bmb_dav_discovery_find_bimbing (discovery, kind);
  g_autoptr(BmbDavCollectionInfo) created = NULL;

  if (found != NULL)
    return g_strdup (found->url);
  if (home_url == NULL)
    return NULL;
  created = bmb_dav_create_collection (client, kind, home_url, BMB_DAV_COLLECTION_NAME,
                                       cancellable, error);
  return created ? g_strdup (created->url) : NULL;
}

BmbSyncAccount *
bmb_sync_account_prepare (const char    *address,
                          const char    *username,
                          const char    *password,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autofree char *server_url = NULL;
  g_autoptr(BmbDavClient) client = NULL;
  g_autoptr(BmbDavDiscovery) discovery = NULL;
  g_autoptr(BmbSyncAccount) account = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (address != NULL && username != NULL && password != NULL, NULL);

  if (*username == '\0')
    {
      g_set_error_literal (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_AUTH,
                           _("Enter the user name of your account on the server."));
      return NULL;
    }
  if (*password == '\0')
    {
      g_set_error_literal (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_AUTH,
                           _("Enter the password (or app password) of your account."));
      return NULL;
    }

  if (!(server_url = bmb_dav_guess_server_url (address, cancellable, error)) ||
      !(client = bmb_dav_client_new (server_url, username, password, error)) ||
      !(discovery = bmb_dav_discover (client, cancellable, error)))
    return NULL;

  account = g_new0 (BmbSyncAccount, 1);
  account->server_url = g_steal_pointer (&server_url);
  account->username = g_strdup (username);
  account->principal_url = g_strdup (discovery->principal_url);
  account->calendar_url = pick_or_create (client, discovery, BMB_SYNC_COLLECTION_CALENDAR,
                                          discovery->calendar_home_url, cancellable,
                                          &local_error);
  if (local_error == NULL)
    account->addressbook_url = pick_or_create (client, discovery,
                                               BMB_SYNC_COLLECTION_ADDRESS_BOOK,
                                               discovery->addressbook_home_url, cancellable,
                                               &local_error);
  if (local_error == NULL && account->calendar_url == NULL && account->addressbook_url == NULL)
    g_set_error (&local_error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_NOT_FOUND,
                 _("%s has no place for Bimbing's calendar or address book."),
                 bmb_dav_client_get_server (client));
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&account);
}

BmbSyncAccount *
bmb_sync_account_setup (BmbSyncAccounts  *accounts,
                        const char       *address,
                        const char       *username,
                        const char       *password,
                        GCancellable     *cancellable,
                        GError          **error)
{
  g_autoptr(BmbSyncAccount) account = NULL;
  gint64 id;

  g_return_val_if_fail (BMB_IS_SYNC_ACCOUNTS (accounts), NULL);

  if (!(account = bmb_sync_account_prepare (address, username, password, cancellable, error)))
    return NULL;
  if ((id = bmb_sync_accounts_add (accounts, account, password, cancellable, error)) <= 0)
    return NULL;
  return bmb_sync_accounts_get (accounts, id, error);
}
