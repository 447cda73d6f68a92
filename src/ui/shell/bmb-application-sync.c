/* bmb-application-sync.c — the application's side of sync: it starts the context's
 * BmbSyncManager once a window (or the background service) runs, asks the mass-deletion
 * guard's question in a dialog and shows conflicts in a toast
 *
 * Copyright 2026 The Bimbing Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bmb-application"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-application-private.h"
#include "bmb-window.h"

static BmbWindow *
main_window (BmbApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (BMB_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

static void
on_question_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         BmbSyncQuestion  *question)
{
  bmb_sync_question_answer (question, g_strcmp0 (response, "delete") == 0);
}

static void
ask (BmbSyncQuestion *question,
     gpointer         user_data)
{
  BmbApplication *self = user_data;
  g_autofree char *body = bmb_sync_question_dup_text (question);
  gboolean emptied = bmb_sync_question_get_reason (question) == BMB_SYNC_GUARD_EMPTIED;
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (main_window (self)),
                                   emptied ? _("Delete Here Too?") : _("Use the New Collection?"),
                                   body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", emptied ? _("_Keep") : _("_Cancel"),
                                    "delete", emptied ? _("_Delete") : _("_Send"),
                                    NULL);
  if (emptied)
    adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                                ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect (dialog, "response", G_CALLBACK (on_question_response_cb), question);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_conflicts_cb (BmbSyncManager *manager,
                 guint           n_conflicts,
                 const char     *text,
                 BmbApplication *self)
{
  BmbWindow *window = main_window (self);
  AdwToast *toast;

  if (window == NULL)
    return;
  toast = adw_toast_new (text);
  adw_toast_set_timeout (toast, 10);
  bmb_window_add_toast (window, toast);
}

/* Once per run; the manager does nothing at all without an account. */
void
_bmb_application_start_sync (BmbApplication *self)
{
  BmbSyncManager *manager;

  if (self->context == NULL)
    return;
  manager = bmb_context_get_sync_manager (self->context);
  if (g_object_get_data (G_OBJECT (manager), "bmb-application-started"))
    return;
  g_object_set_data (G_OBJECT (manager), "bmb-application-started", GINT_TO_POINTER (TRUE));
  bmb_sync_manager_set_ask_func (manager, ask, self, NULL);
  g_signal_connect_object (manager, "conflicts", G_CALLBACK (on_conflicts_cb), self, 0);
  bmb_sync_manager_start (manager);
}
