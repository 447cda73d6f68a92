/* bmb-accounts-page.c — Preferences → Accounts: the sync accounts, adding and removing one
 *
 * Copyright 2026 The Bimbing Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Adding runs discovery and creates Bimbing's calendar and address book in a GTask thread
 * (bmb_sync_account_prepare(): network only); the account is stored on the main thread
 * with one core call (bmb_sync_accounts_add()). Syncing is the context's BmbSyncManager:
 * "Sync Now" asks it, and the rows are rebuilt on its ::account-synced and while it syncs.
 */
#define G_LOG_DOMAIN "bmb-accounts-page"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-accounts-page.h"
#include "bmb-format.h"
#include "bmb-error-dialog.h"
#include "bmb-sync-account-setup.h"

struct _BmbAccountsPage
{
  AdwPreferencesPage   parent_instance;

  /* template widgets */
  GtkListBox          *accounts_list;
  AdwEntryRow         *address_row;
  AdwEntryRow         *username_row;
  AdwPasswordEntryRow *password_row;
  GtkSpinner          *spinner;
  GtkButton           *add_button;

  /* owned */
  BmbContext          *context;
  GCancellable        *cancellable;

  /* state */
  gboolean             adding;
};

static BmbSyncManager *
get_manager (BmbAccountsPage *self)
{
  return bmb_context_get_sync_manager (self->context);
}

G_DEFINE_FINAL_TYPE (BmbAccountsPage, bmb_accounts_page, ADW_TYPE_PREFERENCES_PAGE)

typedef struct {
  char *address;
  char *username;
  char *password;
} AddRequest;

static void
add_request_free (AddRequest *request)
{
  g_free (request->address);
  g_free (request->username);
  if (request->password != NULL)
    memset (request->password, 0, strlen (request->password));
  g_free (request->password);
  g_free (request);
}

char *
bmb_accounts_page_describe_sync (gint64      last_sync_at,
                                 const char *last_error)
{
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *day = NULL;
  g_autofree char *time = NULL;

  if (last_error != NULL)
    /* Translators: the subtitle of a sync account; %s is the error message */
    return g_strdup_printf (_("Last sync failed: %s"), last_error);
  if (last_sync_at <= 0)
    return g_strdup (_("Not synced yet"));

  when = g_date_time_new_from_unix_utc (last_sync_at);
  local = bmb_date_time_to_local (when);
  day = bmb_format_date (local);
  time = bmb_format_time (local);
  /* Translators: the subtitle of a sync account: a date ("March 10, 2026"), then a time */
  return g_strdup_printf (_("Last synced on %s at %s"), day, time);
}

static void reload (BmbAccountsPage *self);

static void
on_remove_clicked_cb (GtkButton       *button,
                      BmbAccountsPage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "bmb-account-id"));
  g_autoptr(GError) error = NULL;

  if (!bmb_sync_manager_remove_account (get_manager (self), id, NULL, &error))
    bmb_error_dialog_show (GTK_WIDGET (self), _("Could Not Remove the Account"), error);
  reload (self);
}

static void
on_sync_now_clicked_cb (BmbAccountsPage *self)
{
  bmb_sync_manager_sync_now (get_manager (self));
}

static GtkWidget *
account_row_new (BmbAccountsPage      *self,
                 const BmbSyncAccount *account)
{
  g_autoptr(GUri) uri = g_uri_parse (account->server_url, G_URI_FLAGS_NONE, NULL);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = bmb_accounts_page_describe_sync (account->last_sync_at,
                                                               account->last_error);
  g_autofree char *shown = NULL;
  g_autofree char *status = bmb_sync_manager_dup_status (get_manager (self), account->id);
  gboolean syncing = bmb_sync_manager_get_syncing (get_manager (self));
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_with_mnemonic (_("_Remove"));
  GtkWidget *sync = gtk_button_new_with_mnemonic (_("_Sync Now"));
  GtkWidget *spinner = gtk_spinner_new ();

  /* Translators: a sync account: the user name, then the server's host name */
  title = g_strdup_printf (_("%s on %s"), account->username,
                           uri && g_uri_get_host (uri) ? g_uri_get_host (uri) : account->server_url);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (syncing)
    shown = g_strdup (_("Syncing…"));
  else if (status != NULL)
    shown = g_strconcat (subtitle, "\n", status, NULL);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), shown ? shown : subtitle);
  gtk_widget_set_tooltip_text (row, account->server_url);

  gtk_spinner_set_spinning (GTK_SPINNER (spinner), syncing);
  gtk_widget_set_visible (spinner, syncing);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spinner);

  gtk_widget_set_name (sync, "sync-now-button");
  gtk_widget_set_valign (sync, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (sync, !syncing);
  g_signal_connect_object (sync, "clicked", G_CALLBACK (on_sync_now_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sync);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "destructive-action");
  /* Small state on a button this page made itself (never on list items). */
  g_object_set_data (G_OBJECT (remove), "bmb-account-id", GSIZE_TO_POINTER (account->id));
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  return row;
}

static void
reload (BmbAccountsPage *self)
{
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->accounts_list))) != NULL)
    gtk_list_box_remove (self->accounts_list, child);

  if (self->context == NULL)
    return;
  accounts = bmb_sync_accounts_list (bmb_context_get_sync_accounts (self->context), &error);
  if (accounts == NULL)
    {
      bmb_error_dialog_show (GTK_WIDGET (self), _("Could Not Read the Accounts"), error);
      return;
    }
  for (guint i = 0; i < accounts->len; i++)
    gtk_list_box_append (self->accounts_list,
                         account_row_new (self, g_ptr_array_index (accounts, i)));
}

static void
update_add_button (BmbAccountsPage *self)
{
  gboolean filled = *gtk_editable_get_text (GTK_EDITABLE (self->address_row)) != '\0' &&
                    *gtk_editable_get_text (GTK_EDITABLE (self->username_row)) != '\0' &&
                    *gtk_editable_get_text (GTK_EDITABLE (self->password_row)) != '\0';

  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), filled && !self->adding);
  gtk_widget_set_sensitive (GTK_WIDGET (self->address_row), !self->adding);
  gtk_widget_set_sensitive (GTK_WIDGET (self->username_row), !self->adding);
  gtk_widget_set_sensitive (GTK_WIDGET (self->password_row), !self->adding);
  gtk_spinner_set_spinning (self->spinner, self->adding);
}

static void
prepare_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  AddRequest *request = task_data;
  GError *error = NULL;
  BmbSyncAccount *account;

  account = bmb_sync_account_prepare (request->address, request->username, request->password,
                                      cancellable, &error);
  if (account == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, account, (GDestroyNotify)bmb_sync_account_free);
}

static void
on_prepared_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  BmbAccountsPage *self = BMB_ACCOUNTS_PAGE (object);
  AddRequest *request = g_task_get_task_data (G_TASK (result));
  g_autoptr(BmbSyncAccount) account = NULL;
  g_autoptr(GError) error = NULL;

  account = g_task_propagate_pointer (G_TASK (result), &error);
  self->adding = FALSE;

  if (account != NULL &&
      bmb_sync_accounts_add (bmb_context_get_sync_accounts (self->context), account,
                             request->password, NULL, &error) > 0)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->address_row), "");
      gtk_editable_set_text (GTK_EDITABLE (self->username_row), "");
      gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
      bmb_sync_manager_accounts_changed (get_manager (self));
      reload (self);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    bmb_error_dialog_show (GTK_WIDGET (self), _("Could Not Add the Account"), error);

  update_add_button (self);
}

static void
on_add_button_clicked_cb (BmbAccountsPage *self)
{
  g_autoptr(GTask) task = NULL;
  AddRequest *request;

  if (self->adding || !gtk_widget_get_sensitive (GTK_WIDGET (self->add_button)))
    return;

  request = g_new0 (AddRequest, 1);
  request->address = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->address_row)));
  request->username = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->username_row))));
  request->password = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->password_row)));

  self->adding = TRUE;
  update_add_button (self);

  task = g_task_new (self, self->cancellable, on_prepared_cb, NULL);
  g_task_set_source_tag (task, on_add_button_clicked_cb);
  g_task_set_task_data (task, request, (GDestroyNotify)add_request_free);
  g_task_run_in_thread (task, prepare_thread);
}

static void
bmb_accounts_page_dispose (GObject *object)
{
  BmbAccountsPage *self = BMB_ACCOUNTS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), BMB_TYPE_ACCOUNTS_PAGE);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (bmb_accounts_page_parent_class)->dispose (object);
}

static void
bmb_accounts_page_finalize (GObject *object)
{
  BmbAccountsPage *self = BMB_ACCOUNTS_PAGE (object);

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (bmb_accounts_page_parent_class)->finalize (object);
}

static void
bmb_accounts_page_class_init (BmbAccountsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bmb_accounts_page_dispose;
  object_class->finalize = bmb_accounts_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/bmb-accounts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BmbAccountsPage, accounts_list);
  gtk_widget_class_bind_template_child (widget_class, BmbAccountsPage, address_row);
  gtk_widget_class_bind_template_child (widget_class, BmbAccountsPage, username_row);
  gtk_widget_class_bind_template_child (widget_class, BmbAccountsPage, password_row);
  gtk_widget_class_bind_template_child (widget_class, BmbAccountsPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, BmbAccountsPage, add_button);
  gtk_widget_class_bind_template_callback (widget_class, update_add_button);
  gtk_widget_class_bind_template_callback (widget_class, on_add_button_clicked_cb);
}

static void
bmb_accounts_page_init (BmbAccountsPage *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

BmbAccountsPage *
bmb_accounts_page_new (BmbContext *context)
{
  BmbAccountsPage *self;

  g_return_val_if_fail (BMB_IS_CONTEXT (context), NULL);

  self = g_object_new (BMB_TYPE_ACCOUNTS_PAGE, NULL);
  self->context = g_object_ref (context);
  g_signal_connect_object (get_manager (self), "account-synced", G_CALLBACK (reload), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (get_manager (self), "notify::syncing", G_CALLBACK (reload), self,
                           G_CONNECT_SWAPPED);
  reload (self);
  return self;
}
