/* bmb-sync-report.c — what one account's sync did, in words
 *
 * Copyright 2026 The Bimbing Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bmb-sync-manager"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bmb-sync-manager-private.h"

void
bmb_sync_report_free (BmbSyncReport *report)
{
  if (report == NULL)
    return;
  g_free (report->account_name);
  g_clear_object (&report->calendar);
  g_clear_object (&report->address_book);
  g_free (report->error);
  g_free (report);
}

void
_bmb_sync_report_append_conflicts (GString       *text,
                  BmbSyncResult *result)
{
  const char * const *conflicts;

  if (result == NULL)
    return;
  conflicts = bmb_sync_result_get_conflicts (result);
  for (guint i = 0; conflicts != NULL && conflicts[i] != NULL; i++)
    g_string_append_printf (text, "\n  %s", conflicts[i]);
}

char *
bmb_sync_report_to_string (const BmbSyncReport *report)
{
  GString *text = g_string_new (report->account_name);

  g_string_append_c (text, ':');
  if (report->calendar != NULL)
    {
      g_autofree char *summary = bmb_sync_result_to_string (report->calendar);
      g_autofree char *line = NULL;

      /* Translators: a line of --sync's report; %s is "Sent 3 items, received 2 items, …" */
      line = g_strdup_printf (_("Calendar: %s"), summary);
      g_string_append_printf (text, "\n  %s", line);
    }
  if (report->address_book != NULL)
    {
      g_autofree char *summary = bmb_sync_result_to_string (report->address_book);
      g_autofree char *line = NULL;

      /* Translators: a line of --sync's report; %s is "Sent 3 items, received 2 items, …" */
      line = g_strdup_printf (_("Address book: %s"), summary);
      g_string_append_printf (text, "\n  %s", line);
    }
  _bmb_sync_report_append_conflicts (text, report->calendar);
  _bmb_sync_report_append_conflicts (text, report->address_book);
  return g_string_free (text, FALSE);
}

guint
_bmb_sync_report_n_conflicts (const BmbSyncReport *report)
{
  return (report->calendar ? bmb_sync_result_get_n_conflicts (report->calendar) : 0) +
         (report->address_book ? bmb_sync_result_get_n_conflicts (report->address_book) : 0);
}

gboolean
_bmb_sync_result_wrote_here (BmbSyncResult *result)
{
  return result != NULL &&
         (bmb_sync_result_get_received (result) > 0 ||
          bmb_sync_result_get_deleted_local (result) > 0 ||
          bmb_sync_result_get_n_conflicts (result) > 0);
}

char *
_bmb_sync_account_name (const BmbSyncAccount *account)
{
  g_autoptr(GUri) uri = g_uri_parse (account->server_url, G_URI_FLAGS_NONE, NULL);

  /* Translators: a sync account: the user name, then the server's host name */
  return g_strdup_printf (_("%s on %s"), account->username,
                          uri && g_uri_get_host (uri) ? g_uri_get_host (uri) : account->server_url);
}

