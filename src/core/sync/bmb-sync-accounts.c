/* bmb-sync-accounts.c — the CalDAV/CardDAV accounts Bimbing syncs with
 *
 * Copyright 2026 The Bimbing Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bmb-sync-accounts"

#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "bmb-sync-accounts.h"
#include "bmb-sync-remote.h"

struct _BmbSyncAccounts
{
  GObject      parent_instance;

  /* owned */
  BmbDatabase *db;
};

G_DEFINE_FINAL_TYPE (BmbSyncAccounts, bmb_sync_accounts, G_TYPE_OBJECT)

#define COLUMNS "id, server_url, username, principal_url, calendar_url, addressbook_url, " \
                "last_sync_at, last_error, created_at"

static const SecretSchema *
account_schema (void)
{
  static const SecretSchema schema = {
    "io.github.bimbing.Bimbing.Account", SECRET_SCHEMA_NONE,
    {
      { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
  };

  return &schema;
}

BmbSyncAccount *
bmb_sync_account_copy (const BmbSyncAccount *account)
{
  BmbSyncAccount *copy;

  g_return_val_if_fail (account != NULL, NULL);

  copy = g_memdup2 (account, sizeof *account);
  copy->server_url = g_strdup (account->server_url);
  copy->username = g_strdup (account->username);
  copy->principal_url = g_strdup (account->principal_url);
  copy->calendar_url = g_strdup (account->calendar_url);
  copy->addressbook_url = g_strdup (account->addressbook_url);
  copy->last_error = g_strdup (account->last_error);
  return copy;
}

void
bmb_sync_account_free (BmbSyncAccount *account)
{
  if (account == NULL)
    return;
  g_free (account->server_url);
  g_free (account->username);
  g_free (account->principal_url);
  g_free (account->calendar_url);
  g_free (account->addressbook_url);
  g_free (account->last_error);
  g_free (account);
}

static BmbSyncAccount *
account_from_row (sqlite3_stmt *stmt)
{
  BmbSyncAccount *account = g_new0 (BmbSyncAccount, 1);

  account->id = sqlite3_column_int64 (stmt, 0);
  account->server_url = bmb_stmt_dup_text (stmt, 1);
  account->username = bmb_stmt_dup_text (stmt, 2);
  account->principal_url = bmb_stmt_dup_text (stmt, 3);
  account->calendar_url = bmb_stmt_dup_text (stmt, 4);
  account->addressbook_url = bmb_stmt_dup_text (stmt, 5);
  account->last_sync_at = sqlite3_column_int64 (stmt, 6);
  account->last_error = bmb_stmt_dup_text (stmt, 7);
  account->created_at = sqlite3_column_int64 (stmt, 8);
  return account;
}

static void
bmb_sync_accounts_finalize (GObject *object)
{
  BmbSyncAccounts *self = BMB_SYNC_ACCOUNTS (object);

  g_clear_object (&self->db);

  G_OBJECT_CLASS (bmb_sync_accounts_parent_class)->finalize (object);
}

static void
bmb_sync_accounts_class_init (BmbSyncAccountsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bmb_sync_accounts_finalize;
}

static void
bmb_sync_accounts_init (BmbSyncAccounts *self)
{
}

BmbSyncAccounts *
bmb_sync_accounts_new (BmbDatabase *db)
{
  BmbSyncAccounts *self;

  g_return_val_if_fail (BMB_IS_DATABASE (db), NULL);

  self = g_object_new (BMB_TYPE_SYNC_ACCOUNTS, NULL);
  self->db = g_object_ref (db);
  return self;
}

static gboolean
exists (BmbSyncAccounts  *self,
        const char       *server_url,
        const char       *username,
        gboolean         *out_exists,
        GError          **error)
{
  sqlite3_stmt *stmt = bmb_database_prepare (self->db,
                                             "SELECT 1 FROM sync_accounts "
                                             "WHERE server_url = ? AND username = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, server_url, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, username, -1, SQLITE_TRANSIENT);
  if ((rc = bmb_database_step (self->db, stmt, error)) < 0)
    return FALSE;
  *out_exists = rc == SQLITE_ROW;
  return TRUE;
}

gint64
bmb_sync_accounts_add (BmbSyncAccounts       *self,
                       const BmbSyncAccount  *account,
                       const char            *password,
                       GCancellable          *cancellable,
                       GError               **error)
{
  g_autofree char *label = NULL;
  g_autoptr(GError) secret_error = NULL;
  sqlite3_stmt *stmt;
  gboolean already = FALSE;
  gint64 id;

  g_return_val_if_fail (BMB_IS_SYNC_ACCOUNTS (self), 0);
  g_return_val_if_fail (account != NULL && account->server_url != NULL &&
                        account->username != NULL, 0);
  g_return_val_if_fail (password != NULL, 0);

  if (!bmb_database_begin (self->db, error))
    return 0;

  if (!exists (self, account->server_url, account->username, &already, error))
    goto fail;
  if (already)
    {
      g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_CONSTRAINT,
                   _("Bimbing already syncs with %s as “%s”."),
                   account->server_url, account->username);
      goto fail;
    }

  if (!(stmt = bmb_database_prepare (self->db,
                                     "INSERT INTO sync_accounts (server_url, username, "
                                     "principal_url, calendar_url, addressbook_url, created_at) "
                                     "VALUES (?, ?, ?, ?, ?, ?)", error)))
    goto fail;
  sqlite3_bind_text (stmt, 1, account->server_url, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, account->username, -1, SQLITE_TRANSIENT);
  bmb_stmt_bind_text_or_null (stmt, 3, account->principal_url);
  bmb_stmt_bind_text_or_null (stmt, 4, account->calendar_url);
  bmb_stmt_bind_text_or_null (stmt, 5, account->addressbook_url);
  sqlite3_bind_int64 (stmt, 6, g_get_real_time () / G_USEC_PER_SEC);
  if (!bmb_database_step_done (self->db, stmt, error))
    goto fail;
  id = bmb_database_last_insert_id (self->db);

  /* The keyring last: when it refuses, the row is rolled back. */
  /* Translators: the keyring's label of a saved password: user name, then server */
  label = g_strdup_printf (_("Bimbing sync: %s on %s"), account->username, account->server_url);
  if (!secret_password_store_sync (account_schema (), SECRET_COLLECTION_DEFAULT, label, password,
                                   cancellable, &secret_error,
                                   "server", account->server_url,
                                   "user", account->username,
                                   NULL))
    {
      g_set_error (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_FAILED,
                   _("The password for %s could not be saved in the keyring: %s"),
                   account->server_url,
                   secret_error ? secret_error->message : _("no keyring is available"));
      goto fail;
    }

  if (!bmb_database_commit (self->db, error))
    {
      secret_password_clear_sync (account_schema (), NULL, NULL,
                                  "server", account->server_url, "user", account->username,
                                  NULL);
      return 0;
    }
  return id;

fail:
  bmb_database_rollback (self->db);
  return 0;
}

GPtrArray *
bmb_sync_accounts_list (BmbSyncAccounts  *self,
                        GError          **error)
{
  g_autoptr(GPtrArray) accounts = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BMB_IS_SYNC_ACCOUNTS (self), NULL);

  if (!(stmt = bmb_database_prepare (self->db,
                                     "SELECT " COLUMNS " FROM sync_accounts ORDER BY id", error)))
    return NULL;
  accounts = g_ptr_array_new_with_free_func ((GDestroyNotify)bmb_sync_account_free);
  while ((rc = bmb_database_step (self->db, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (accounts, account_from_row (stmt));
  if (rc < 0)
    return NULL;
  return g_steal_pointer (&accounts);
}

BmbSyncAccount *
bmb_sync_accounts_get (BmbSyncAccounts  *self,
                       gint64            id,
                       GError          **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BMB_IS_SYNC_ACCOUNTS (self), NULL);

  if (!(stmt = bmb_database_prepare (self->db,
                                     "SELECT " COLUMNS " FROM sync_accounts WHERE id = ?", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if ((rc = bmb_database_step (self->db, stmt, error)) == SQLITE_ROW)
    {
      BmbSyncAccount *account = account_from_row (stmt);

      /* A statement left on its row would keep a read snapshot open, and a later write
       * on this connection after a worker's would fail as locked. */
      sqlite3_reset (stmt);
      return account;
    }
  if (rc == SQLITE_DONE)
    g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_NOT_FOUND,
                 _("There is no sync account %lld."), (long long)id);
  return NULL;
}

gboolean
bmb_sync_accounts_remove (BmbSyncAccounts  *self,
                          gint64            id,
                          GCancellable     *cancellable,
                          GError          **error)
{
  g_autoptr(BmbSyncAccount) account = NULL;
  g_autoptr(GError) secret_error = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BMB_IS_SYNC_ACCOUNTS (self), FALSE);

  if (!(account = bmb_sync_accounts_get (self, id, error)))
    return FALSE;

  if (!bmb_database_begin (self->db, error))
    return FALSE;
  if (!(stmt = bmb_database_prepare (self->db, "DELETE FROM sync_accounts WHERE id = ?", error)))
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!bmb_database_step_done (self->db, stmt, error) ||
      !bmb_database_commit (self->db, error))
    goto fail;

  /* The row is gone; a password the keyring cannot forget now is only logged. */
  if (!secret_password_clear_sync (account_schema (), cancellable, &secret_error,
                                   "server", account->server_url, "user", account->username,
                                   NULL) && secret_error != NULL)
    g_warning ("The keyring kept the password of a removed account: %s", secret_error->message);
  return TRUE;

fail:
  bmb_database_rollback (self->db);
  return FALSE;
}

gboolean
bmb_sync_accounts_record_sync (BmbSyncAccounts  *self,
                               gint64            id,
                               gint64            when,
                               const char       *error_message,
                               GError          **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BMB_IS_SYNC_ACCOUNTS (self), FALSE);

  if (!bmb_database_begin (self->db, error))
    return FALSE;
  stmt = bmb_database_prepare (self->db,
                               error_message == NULL
                               ? "UPDATE sync_accounts SET last_sync_at = ?, last_error = NULL "
                                 "WHERE id = ?"
                               : "UPDATE sync_accounts SET last_error = ? WHERE id = ?",
                               error);
  if (stmt == NULL)
    goto fail;
  if (error_message == NULL)
    sqlite3_bind_int64 (stmt, 1, when);
  else
    sqlite3_bind_text (stmt, 1, error_message, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, id);
  if (!bmb_database_step_done (self->db, stmt, error))
    goto fail;
  if (bmb_database_changes (self->db) == 0)
    {
      g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_NOT_FOUND,
                   _("There is no sync account %lld."), (long long)id);
      goto fail;
    }
  return bmb_database_commit (self->db, error);

fail:
  bmb_database_rollback (self->db);
  return FALSE;
}

char *
bmb_sync_accounts_lookup_password (BmbSyncAccounts       *self,
                                   const BmbSyncAccount  *account,
                                   GCancellable          *cancellable,
                                   GError               **error)
{
  g_autoptr(GError) secret_error = NULL;
  char *secret;
  char *password;

  g_return_val_if_fail (BMB_IS_SYNC_ACCOUNTS (self), NULL);
  g_return_val_if_fail (account != NULL, NULL);

  secret = secret_password_lookup_sync (account_schema (), cancellable, &secret_error,
                                        "server", account->server_url,
                                        "user", account->username,
                                        NULL);
  if (secret == NULL)
    {
      if (secret_error != NULL)
        g_set_error (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_AUTH,
                     _("The password for %s could not be read from the keyring: %s"),
                     account->server_url, secret_error->message);
      else
        g_set_error (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_AUTH,
                     _("The keyring has no password for “%s” on %s. Remove the account "
                       "and add it again."), account->username, account->server_url);
      return NULL;
    }
  password = g_strdup (secret);
  secret_password_free (secret);
  return password;
}

BmbDavClient *
bmb_sync_accounts_open_client (BmbSyncAccounts       *self,
                               const BmbSyncAccount  *account,
                               GCancellable          *cancellable,
                               GError               **error)
{
  char *password;
  BmbDavClient *client;

  g_return_val_if_fail (BMB_IS_SYNC_ACCOUNTS (self), NULL);
  g_return_val_if_fail (account != NULL, NULL);

  if (!(password = bmb_sync_accounts_lookup_password (self, account, cancellable, error)))
    return NULL;
  client = bmb_dav_client_new (account->server_url, account->username, password, error);
  memset (password, 0, strlen (password));
  g_free (password);
  return client;
}
