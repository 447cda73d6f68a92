/* bmb-sync-manager.c — when Bimbing syncs (see the header)
 *
 * Copyright 2026 The Bimbing Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main thread reads the accounts, starts one worker thread for all of them and, when
 * it is done, records each account's outcome. The collections opened by the worker are
 * kept in `collections` (touched by the worker while a run is on, by the main thread only
 * between runs).
 */
#define G_LOG_DOMAIN "bmb-sync-manager"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bmb-dav-collection.h"
#include "bmb-sync-manager-private.h"

#define SYNCED_CHANGES (BMB_CHANGE_CONTACTS | BMB_CHANGE_INTERACTIONS | BMB_CHANGE_SESSIONS | \
                        BMB_CHANGE_ACTION_ITEMS | BMB_CHANGE_GOALS)

struct _BmbSyncManager
{
  GObject          parent_instance;

  /* owned */
  BmbDatabase     *database;
  BmbSyncAccounts *accounts;
  BmbSyncEngine   *engine;
  GMainContext    *main_context;
  GCancellable    *cancellable;
  GHashTable      *collections;   /* "id url" → BmbDavCollection */
  GHashTable      *statuses;      /* gint64* id → char* */
  GPtrArray       *waiting;       /* GTask: sync_async calls for the next run */
  GPtrArray       *running;       /* GTask: those the current run answers */
  BmbSyncAskFunc   ask;
  gpointer         ask_data;
  GDestroyNotify   ask_destroy;
  GNetworkMonitor *network;

  /* state */
  guint            debounce_ms;
  guint            interval_seconds;
  guint            start_id;
  guint            debounce_id;
  guint            interval_id;
  gulong           changed_id;
  gulong           network_id;
  guint            n_accounts;
  BmbSyncCollectionKind current_kind;   /* the worker's */
  guint            started : 1;
  guint            stopped : 1;
  guint            syncing : 1;
  guint            again : 1;
  guint            applying : 1;
  guint            missed : 1;
};

G_DEFINE_FINAL_TYPE (BmbSyncManager, bmb_sync_manager, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SYNCING,
  N_PROPS
};

enum {
  ACCOUNT_SYNCED,
  CONFLICTS,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ---- the mass-deletion guard's question ----------------------------------------------- */

struct _BmbSyncQuestion
{
  gatomicrefcount        ref;
  BmbSyncManager        *manager;     /* a reference while the main thread has it */
  BmbSyncGuardReason     reason;
  BmbSyncCollectionKind  kind;
  guint                  n_items;
  char                  *url;
  GMutex                 lock;
  GCond                  cond;
  gboolean               answered;
  gboolean               go_ahead;
};

static void
question_unref (BmbSyncQuestion *question)
{
  if (!g_atomic_ref_count_dec (&question->ref))
    return;
  g_clear_object (&question->manager);
  g_free (question->url);
  g_mutex_clear (&question->lock);
  g_cond_clear (&question->cond);
  g_free (question);
}

BmbSyncGuardReason
bmb_sync_question_get_reason (BmbSyncQuestion *question)
{
  return question->reason;
}

BmbSyncCollectionKind
bmb_sync_question_get_kind (BmbSyncQuestion *question)
{
  return question->kind;
}

guint
bmb_sync_question_get_n_items (BmbSyncQuestion *question)
{
  return question->n_items;
}

const char *
bmb_sync_question_get_url (BmbSyncQuestion *question)
{
  return question->url;
}

char *
bmb_sync_question_dup_text (BmbSyncQuestion *question)
{
  guint n = question->n_items;

  if (question->reason == BMB_SYNC_GUARD_URL_CHANGED)
    return g_strdup_printf (question->kind == BMB_SYNC_COLLECTION_CALENDAR
                            /* Translators: the mass-deletion guard; %s is a URL */
                            ? ngettext ("The account’s calendar is now %s. Send the %u item synced before to it again?",
                                        "The account’s calendar is now %s. Send the %u items synced before to it again?", n)
                            /* Translators: the mass-deletion guard; %s is a URL */
                            : ngettext ("The account’s address book is now %s. Send the %u contact synced before to it again?",
                                        "The account’s address book is now %s. Send the %u contacts synced before to it again?", n),
                            question->url, n);
  return g_strdup_printf (question->kind == BMB_SYNC_COLLECTION_CALENDAR
                          /* Translators: the mass-deletion guard: the server's calendar
                           * came back empty; items are sessions, goals and action items */
                          ? ngettext ("The server’s calendar is empty. Delete %u session, goal or action item here too?",
                                      "The server’s calendar is empty. Delete %u sessions, goals and action items here too?", n)
                          /* Translators: the mass-deletion guard: the server's address
                           * book came back empty */
                          : ngettext ("The server’s address book is empty. Delete %u contact here too?",
                                      "The server’s address book is empty. Delete %u contacts here too?", n),
                          n);
}

void
bmb_sync_question_answer (BmbSyncQuestion *question,
                          gboolean         go_ahead)
{
  g_mutex_lock (&question->lock);
  question->answered = TRUE;
  question->go_ahead = go_ahead;
  g_cond_signal (&question->cond);
  g_mutex_unlock (&question->lock);
  question_unref (question);
}

static gboolean
ask_on_main_thread (gpointer data)
{
  BmbSyncQuestion *question = data;
  BmbSyncManager *self = question->manager;

  if (self->ask == NULL || self->stopped)
    bmb_sync_question_answer (question, FALSE);
  else
    self->ask (question, self->ask_data);
  return G_SOURCE_REMOVE;
}

/* The engine's confirm function, on the worker thread. */
static gboolean
confirm_on_worker (BmbSyncGuardReason  reason,
                   guint               n_items,
                   const char         *url,
                   gpointer            user_data)
{
  BmbSyncManager *self = user_data;
  BmbSyncQuestion *question;
  gboolean go_ahead;

  if (self->ask == NULL)
    return FALSE;

  question = g_new0 (BmbSyncQuestion, 1);
  g_atomic_ref_count_init (&question->ref);
  g_atomic_ref_count_inc (&question->ref);   /* the main thread's, until it answers */
  question->manager = g_object_ref (self);
  question->reason = reason;
  question->kind = self->current_kind;
  question->n_items = n_items;
  question->url = g_strdup (url);
  g_mutex_init (&question->lock);
  g_cond_init (&question->cond);

  g_main_context_invoke (self->main_context, ask_on_main_thread, question);

  g_mutex_lock (&question->lock);
  while (!question->answered && !g_cancellable_is_cancelled (self->cancellable))
    g_cond_wait_until (&question->cond, &question->lock,
                       g_get_monotonic_time () + G_TIME_SPAN_SECOND / 5);
  go_ahead = question->answered && question->go_ahead;
  g_mutex_unlock (&question->lock);
  question_unref (question);
  return go_ahead;
}

/* ---- one run, on the worker thread ------------------------------------------------------ */

static char *
collection_key (const BmbSyncAccount *account,
                const char           *url)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT " %s %s %s", account->id, account->username,
                          account->server_url, url);
}

static void
forget_collections (BmbSyncManager *self,
                    gint64          account_id)
{
  g_autofree char *prefix = g_strdup_printf ("%" G_GINT64_FORMAT " ", account_id);
  GHashTableIter iter;
  const char *key;

  g_hash_table_iter_init (&iter, self->collections);
  while (g_hash_table_iter_next (&iter, (gpointer *)&key, NULL))
    if (g_str_has_prefix (key, prefix))
      g_hash_table_iter_remove (&iter);
}

static BmbSyncReport *
sync_account (BmbSyncManager       *self,
              const BmbSyncAccount *account,
              GCancellable         *cancellable)
{
  BmbSyncReport *report = g_new0 (BmbSyncReport, 1);
  g_autoptr(BmbDavClient) client = NULL;
  g_autoptr(GError) error = NULL;
  BmbDavCollection *collections[2] = { NULL, NULL };

  report->account_id = account->id;
  report->account_name = _bmb_sync_account_name (account);

  /* Both collections are opened (or taken from the last run) before either syncs; the
   * address book syncs first, so that relationships find their contacts. */
  for (guint k = 0; k < 2 && error == NULL; k++)
    {
      BmbSyncCollectionKind kind = k == 0 ? BMB_SYNC_COLLECTION_CALENDAR
                                          : BMB_SYNC_COLLECTION_ADDRESS_BOOK;
      const char *url = k == 0 ? account->calendar_url : account->addressbook_url;
      g_autofree char *key = NULL;

      if (url == NULL)
        continue;
      key = collection_key (account, url);
      collections[k] = g_hash_table_lookup (self->collections, key);
      if (collections[k] != NULL)
        continue;
      if (client == NULL &&
          !(client = bmb_sync_accounts_open_client (self->accounts, account, cancellable,
                                                    &error)))
        break;
      if (!(collections[k] = bmb_dav_collection_open (client, kind, url, cancellable, &error)))
        break;
      g_hash_table_insert (self->collections, g_steal_pointer (&key), collections[k]);
    }

  for (guint j = 0, k = 1; j < 2 && error == NULL; j++, k = 1 - k)
    {
      BmbSyncResult *result;

      if (collections[k] == NULL)
        continue;
      self->current_kind = k == 0 ? BMB_SYNC_COLLECTION_CALENDAR
                                  : BMB_SYNC_COLLECTION_ADDRESS_BOOK;
      if (!(result = bmb_sync_engine_sync (self->engine, BMB_SYNC_REMOTE (collections[k]),
                                           account->id, cancellable, &error)))
        break;
      if (k == 0)
        report->calendar = result;
      else
        report->address_book = result;
    }

  if (error != NULL)
    {
      report->error = g_strdup (error->message);
      forget_collections (self, account->id);
    }
  return report;
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  BmbSyncManager *self = source_object;
  GPtrArray *accounts = task_data;
  GPtrArray *reports = g_ptr_array_new_with_free_func ((GDestroyNotify)bmb_sync_report_free);

  for (guint i = 0; i < accounts->len; i++)
    g_ptr_array_add (reports, sync_account (self, g_ptr_array_index (accounts, i), cancellable));
  g_task_return_pointer (task, reports, (GDestroyNotify)g_ptr_array_unref);
}

/* ---- runs, on the main thread ----------------------------------------------------------- */

static void start_run (BmbSyncManager *self);

static void
set_syncing (BmbSyncManager *self,
             gboolean        syncing)
{
  if (self->syncing == !!syncing)
    return;
  self->syncing = !!syncing;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SYNCING]);
}

static void
record_report (BmbSyncManager      *self,
               const BmbSyncReport *report)
{
  g_autoptr(GError) error = NULL;
  GString *status = g_string_new (NULL);
  guint n_conflicts = _bmb_sync_report_n_conflicts (report);

  if (!bmb_sync_accounts_record_sync (self->accounts, report->account_id,
                                      g_get_real_time () / G_USEC_PER_SEC, report->error,
                                      &error))
    {
      /* Removed while it synced: what the sync wrote down about it goes too. */
      if (g_error_matches (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_NOT_FOUND))
        {
          g_clear_error (&error);
          if (!bmb_sync_engine_forget_account (self->engine, report->account_id, &error))
            g_warning ("Could not forget the sync of a removed account: %s", error->message);
          return;
        }
      g_warning ("Could not record the sync of %s: %s", report->account_name, error->message);
    }

  if (report->calendar != NULL)
    {
      g_autofree char *summary = bmb_sync_result_to_string (report->calendar);
      /* Translators: the status of a sync account; %s is "Sent 3 items, received 2 items, …" */
      g_string_append_printf (status, _("Calendar: %s"), summary);
    }
  if (report->address_book != NULL)
    {
      g_autofree char *summary = bmb_sync_result_to_string (report->address_book);

      if (status->len > 0)
        g_string_append_c (status, '\n');
      /* Translators: the status of a sync account; %s is "Sent 3 items, received 2 items, …" */
      g_string_append_printf (status, _("Address book: %s"), summary);
    }
  _bmb_sync_report_append_conflicts (status, report->calendar);
  _bmb_sync_report_append_conflicts (status, report->address_book);
  g_hash_table_insert (self->statuses, g_memdup2 (&report->account_id, sizeof (gint64)),
                       g_string_free (status, FALSE));

  if (n_conflicts > 0)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      const char * const *lines;

      /* Translators: a toast after a sync, followed by the conflicts' descriptions */
      g_string_printf (text, ngettext ("%u conflict: ", "%u conflicts: ", n_conflicts),
                       n_conflicts);
      for (guint k = 0; k < 2; k++)
        {
          BmbSyncResult *result = k == 0 ? report->calendar : report->address_book;

          lines = result ? bmb_sync_result_get_conflicts (result) : NULL;
          for (guint i = 0; lines != NULL && lines[i] != NULL; i++)
            g_string_append_printf (text, "%s%s", text->str[text->len - 1] == ' ' ? "" : " ",
                                    lines[i]);
        }
      g_signal_emit (self, signals[CONFLICTS], 0, n_conflicts, text->str);
    }
  g_signal_emit (self, signals[ACCOUNT_SYNCED], 0, report->account_id);
}

static void
on_run_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  BmbSyncManager *self = BMB_SYNC_MANAGER (object);
  g_autoptr(GPtrArray) reports = g_task_propagate_pointer (G_TASK (result), NULL);
  g_autoptr(GPtrArray) answered = g_steal_pointer (&self->running);
  gboolean wrote_here = FALSE;

  if (reports == NULL)
    reports = g_ptr_array_new_with_free_func ((GDestroyNotify)bmb_sync_report_free);

  if (!self->stopped)
    {
      for (guint i = 0; i < reports->len; i++)
        {
          BmbSyncReport *report = g_ptr_array_index (reports, i);

          wrote_here |= _bmb_sync_result_wrote_here (report->calendar) ||
                        _bmb_sync_result_wrote_here (report->address_book);
        }
      /* The worker wrote through its own connection: tell this one's listeners (and not
       * the debounce: this is no local change). */
      if (wrote_here && bmb_database_begin (self->database, NULL))
        {
          self->applying = TRUE;
          bmb_database_mark_changed (self->database, SYNCED_CHANGES);
          if (!bmb_database_commit (self->database, NULL))
            bmb_database_rollback (self->database);
          self->applying = FALSE;
        }
      for (guint i = 0; i < reports->len; i++)
        record_report (self, g_ptr_array_index (reports, i));
    }

  for (guint i = 0; answered != NULL && i < answered->len; i++)
    g_task_return_pointer (g_ptr_array_index (answered, i), g_ptr_array_ref (reports),
                           (GDestroyNotify)g_ptr_array_unref);

  set_syncing (self, FALSE);
  if (!self->stopped && (self->again || self->waiting->len > 0))
    start_run (self);
}

static void
start_run (BmbSyncManager *self)
{
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;

  if (self->syncing)
    {
      self->again = TRUE;
      return;
    }
  self->again = FALSE;
  self->running = g_steal_pointer (&self->waiting);
  self->waiting = g_ptr_array_new_with_free_func (g_object_unref);

  accounts = bmb_sync_accounts_list (self->accounts, &error);
  if (accounts == NULL)
    {
      for (guint i = 0; i < self->running->len; i++)
        g_task_return_error (g_ptr_array_index (self->running, i), g_error_copy (error));
      g_clear_pointer (&self->running, g_ptr_array_unref);
      return;
    }
  self->n_accounts = accounts->len;

  /* Collections of accounts that are gone, or that changed, are not reused. */
  {
    g_autoptr(GHashTable) keep = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    GHashTableIter iter;
    const char *key;

    for (guint i = 0; i < accounts->len; i++)
      {
        BmbSyncAccount *account = g_ptr_array_index (accounts, i);

        if (account->calendar_url != NULL)
          g_hash_table_add (keep, collection_key (account, account->calendar_url));
        if (account->addressbook_url != NULL)
          g_hash_table_add (keep, collection_key (account, account->addressbook_url));
      }
    g_hash_table_iter_init (&iter, self->collections);
    while (g_hash_table_iter_next (&iter, (gpointer *)&key, NULL))
      if (!g_hash_table_contains (keep, key))
        g_hash_table_iter_remove (&iter);
  }

  set_syncing (self, TRUE);
  task = g_task_new (self, self->cancellable, on_run_done_cb, NULL);
  g_task_set_source_tag (task, start_run);
  g_task_set_task_data (task, g_steal_pointer (&accounts), (GDestroyNotify)g_ptr_array_unref);
  g_task_run_in_thread (task, run_thread);
}

void
bmb_sync_manager_sync_now (BmbSyncManager *self)
{
  g_return_if_fail (BMB_IS_SYNC_MANAGER (self));

  if (!self->stopped)
    start_run (self);
}

void
bmb_sync_manager_sync_async (BmbSyncManager      *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (BMB_IS_SYNC_MANAGER (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, bmb_sync_manager_sync_async);
  g_ptr_array_add (self->waiting, task);
  if (!self->syncing)
    start_run (self);
}

gboolean
bmb_sync_manager_sync_finish (BmbSyncManager  *self,
                              GAsyncResult    *result,
                              GPtrArray      **out_reports,
                              GError         **error)
{
  g_autoptr(GPtrArray) reports = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!(reports = g_task_propagate_pointer (G_TASK (result), error)))
    return FALSE;
  for (guint i = 0; i < reports->len; i++)
    {
      BmbSyncReport *report = g_ptr_array_index (reports, i);

      if (report->error != NULL)
        {
          g_set_error_literal (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_FAILED, report->error);
          break;
        }
    }
  if (out_reports != NULL)
    *out_reports = g_ptr_array_ref (reports);
  return error == NULL || *error == NULL;
}

gboolean
bmb_sync_manager_get_syncing (BmbSyncManager *self)
{
  g_return_val_if_fail (BMB_IS_SYNC_MANAGER (self), FALSE);

  return self->syncing;
}

char *
bmb_sync_manager_dup_status (BmbSyncManager *self,
                             gint64          account_id)
{
  g_return_val_if_fail (BMB_IS_SYNC_MANAGER (self), NULL);

  return g_strdup (g_hash_table_lookup (self->statuses, &account_id));
}

guint
bmb_sync_manager_get_n_requests (BmbSyncManager *self)
{
  g_autoptr(GPtrArray) clients = g_ptr_array_new ();
  GHashTableIter iter;
  BmbDavCollection *collection;
  guint n = 0;

  g_return_val_if_fail (BMB_IS_SYNC_MANAGER (self), 0);
  g_return_val_if_fail (!self->syncing, 0);

  g_hash_table_iter_init (&iter, self->collections);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&collection))
    {
      BmbDavClient *client = bmb_dav_collection_get_client (collection);

      if (!g_ptr_array_find (clients, client, NULL))
        {
          g_ptr_array_add (clients, client);
          n += bmb_dav_client_get_n_requests (client);
        }
    }
  return n;
}

/* ---- the automatic syncs ---------------------------------------------------------------- */

static gboolean
network_available (BmbSyncManager *self)
{
  return self->network == NULL || g_network_monitor_get_network_available (self->network);
}

static void
sync_when_online (BmbSyncManager *self)
{
  if (self->n_accounts == 0)
    return;
  if (!network_available (self))
    {
      self->missed = TRUE;
      return;
    }
  self->missed = FALSE;
  start_run (self);
}

static gboolean
on_interval_cb (gpointer user_data)
{
  sync_when_online (user_data);
  return G_SOURCE_CONTINUE;
}

static void
update_timer (BmbSyncManager *self)
{
  gboolean want = self->started && !self->stopped && self->n_accounts > 0;

  if (want && self->interval_id == 0)
    self->interval_id = g_timeout_add_seconds (self->interval_seconds, on_interval_cb, self);
  else if (!want)
    g_clear_handle_id (&self->interval_id, g_source_remove);
}

static void
count_accounts (BmbSyncManager *self)
{
  g_autoptr(GPtrArray) accounts = bmb_sync_accounts_list (self->accounts, NULL);

  self->n_accounts = accounts ? accounts->len : 0;
  update_timer (self);
}

static gboolean
on_debounce_cb (gpointer user_data)
{
  BmbSyncManager *self = user_data;

  self->debounce_id = 0;
  sync_when_online (self);
  return G_SOURCE_REMOVE;
}

static void
on_database_changed_cb (BmbDatabase    *database,
                        guint           flags,
                        BmbSyncManager *self)
{
  if (self->applying || self->n_accounts == 0 || (flags & SYNCED_CHANGES) == 0)
    return;
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  self->debounce_id = g_timeout_add (self->debounce_ms, on_debounce_cb, self);
}

static void
on_network_changed_cb (GNetworkMonitor *monitor,
                       GParamSpec      *pspec,
                       BmbSyncManager  *self)
{
  if (self->missed && network_available (self))
    sync_when_online (self);
}

static gboolean
on_start_cb (gpointer user_data)
{
  BmbSyncManager *self = user_data;

  self->start_id = 0;
  count_accounts (self);
  if (self->n_accounts == 0)
    return G_SOURCE_REMOVE;

  self->changed_id = g_signal_connect (self->database, "changed",
                                       G_CALLBACK (on_database_changed_cb), self);
  self->network = g_object_ref (g_network_monitor_get_default ());
  self->network_id = g_signal_connect (self->network, "notify::network-available",
                                       G_CALLBACK (on_network_changed_cb), self);
  sync_when_online (self);
  return G_SOURCE_REMOVE;
}

void
bmb_sync_manager_start (BmbSyncManager *self)
{
  g_return_if_fail (BMB_IS_SYNC_MANAGER (self));

  if (self->started || self->stopped)
    return;
  self->started = TRUE;
  /* Below the redraw priority: the first frame comes first. */
  self->start_id = g_idle_add_full (G_PRIORITY_LOW, on_start_cb, self, NULL);
}

void
bmb_sync_manager_accounts_changed (BmbSyncManager *self)
{
  guint before;

  g_return_if_fail (BMB_IS_SYNC_MANAGER (self));

  before = self->n_accounts;
  count_accounts (self);
  if (self->started && self->changed_id == 0 && self->start_id == 0 && self->n_accounts > 0)
    {
      on_start_cb (self);   /* connects the watchers, then syncs */
      return;
    }
  if (self->n_accounts > before)
    start_run (self);
}

gboolean
bmb_sync_manager_remove_account (BmbSyncManager  *self,
                                 gint64           account_id,
                                 GCancellable    *cancellable,
                                 GError         **error)
{
  g_return_val_if_fail (BMB_IS_SYNC_MANAGER (self), FALSE);

  if (!bmb_database_begin (self->database, error))
    return FALSE;
  if (!bmb_sync_engine_forget_account (self->engine, account_id, error) ||
      !bmb_sync_accounts_remove (self->accounts, account_id, cancellable, error) ||
      !bmb_database_commit (self->database, error))
    {
      bmb_database_rollback (self->database);
      return FALSE;
    }
  g_hash_table_remove (self->statuses, &account_id);
  bmb_sync_manager_accounts_changed (self);
  return TRUE;
}

void
bmb_sync_manager_set_delays (BmbSyncManager *self,
                             guint           debounce_ms,
                             guint           interval_seconds)
{
  g_return_if_fail (BMB_IS_SYNC_MANAGER (self));

  self->debounce_ms = debounce_ms;
  self->interval_seconds = MAX (interval_seconds, 1);
  g_clear_handle_id (&self->interval_id, g_source_remove);
  update_timer (self);
}

void
bmb_sync_manager_stop (BmbSyncManager *self)
{
  g_return_if_fail (BMB_IS_SYNC_MANAGER (self));

  self->stopped = TRUE;
  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->start_id, g_source_remove);
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  g_clear_handle_id (&self->interval_id, g_source_remove);
  g_clear_signal_handler (&self->changed_id, self->database);
  if (self->network != NULL)
    g_clear_signal_handler (&self->network_id, self->network);
}

/* ---- the object ------------------------------------------------------------------------- */

BmbSyncEngine *
bmb_sync_manager_get_engine (BmbSyncManager *self)
{
  g_return_val_if_fail (BMB_IS_SYNC_MANAGER (self), NULL);

  return self->engine;
}

void
bmb_sync_manager_set_ask_func (BmbSyncManager *self,
                               BmbSyncAskFunc  func,
                               gpointer        user_data,
                               GDestroyNotify  destroy)
{
  g_return_if_fail (BMB_IS_SYNC_MANAGER (self));

  if (self->ask_destroy != NULL)
    self->ask_destroy (self->ask_data);
  self->ask = func;
  self->ask_data = user_data;
  self->ask_destroy = destroy;
}

static void
bmb_sync_manager_dispose (GObject *object)
{
  BmbSyncManager *self = BMB_SYNC_MANAGER (object);

  bmb_sync_manager_stop (self);
  bmb_sync_manager_set_ask_func (self, NULL, NULL, NULL);

  G_OBJECT_CLASS (bmb_sync_manager_parent_class)->dispose (object);
}

static void
bmb_sync_manager_finalize (GObject *object)
{
  BmbSyncManager *self = BMB_SYNC_MANAGER (object);

  g_clear_object (&self->network);
  g_clear_pointer (&self->collections, g_hash_table_unref);
  g_clear_pointer (&self->statuses, g_hash_table_unref);
  g_clear_pointer (&self->waiting, g_ptr_array_unref);
  g_clear_pointer (&self->running, g_ptr_array_unref);
  g_clear_object (&self->engine);
  g_clear_object (&self->accounts);
  g_clear_object (&self->database);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->main_context, g_main_context_unref);

  G_OBJECT_CLASS (bmb_sync_manager_parent_class)->finalize (object);
}

static void
bmb_sync_manager_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BmbSyncManager *self = BMB_SYNC_MANAGER (object);

  switch (prop_id)
    {
    case PROP_SYNCING:
      g_value_set_boolean (value, self->syncing);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_sync_manager_class_init (BmbSyncManagerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bmb_sync_manager_dispose;
  object_class->finalize = bmb_sync_manager_finalize;
  object_class->get_property = bmb_sync_manager_get_property;

  properties[PROP_SYNCING] =
    g_param_spec_boolean ("syncing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* After an account's sync was recorded (its last sync, or its error). */
  signals[ACCOUNT_SYNCED] =
    g_signal_new ("account-synced", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /* A sync found conflicts: their number and a sentence for a toast. */
  signals[CONFLICTS] =
    g_signal_new ("conflicts", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_STRING);
}

static void
bmb_sync_manager_init (BmbSyncManager *self)
{
  self->cancellable = g_cancellable_new ();
  self->collections = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->statuses = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->waiting = g_ptr_array_new_with_free_func (g_object_unref);
  self->main_context = g_main_context_ref_thread_default ();
  self->debounce_ms = 10 * 1000;
  self->interval_seconds = 15 * 60;
}

BmbSyncManager *
bmb_sync_manager_new (BmbDatabase     *database,
                      BmbSyncAccounts *accounts)
{
  BmbSyncManager *self;

  g_return_val_if_fail (BMB_IS_DATABASE (database), NULL);
  g_return_val_if_fail (BMB_IS_SYNC_ACCOUNTS (accounts), NULL);

  self = g_object_new (BMB_TYPE_SYNC_MANAGER, NULL);
  self->database = g_object_ref (database);
  self->accounts = g_object_ref (accounts);
  self->engine = bmb_sync_engine_new (database);
  bmb_sync_engine_set_confirm_func (self->engine, confirm_on_worker, self, NULL);
  return self;
}
