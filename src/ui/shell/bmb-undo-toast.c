/* bmb-undo-toast.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-undo-toast"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-undo-toast.h"

typedef struct
{
  BmbUndoQueue *queue;
  guint         id;
} ToastOperation;

static void
toast_operation_free (gpointer  data,
                      GClosure *closure)
{
  ToastOperation *op = data;

  g_object_unref (op->queue);
  g_free (op);
}

static void
on_button_clicked_cb (AdwToast       *toast,
                      ToastOperation *op)
{
  bmb_undo_queue_undo (op->queue, op->id);
}

static void
on_dismissed_cb (AdwToast       *toast,
                 ToastOperation *op)
{
  g_autoptr(GError) error = NULL;

  /* The operation's commit tells the user about a failure itself. */
  if (!bmb_undo_queue_commit (op->queue, op->id, &error))
    g_debug ("A delete failed: %s", error->message);
}

AdwToast *
bmb_undo_toast_new (BmbUndoQueue *queue,
                    guint         id,
                    const char   *title)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  AdwToast *toast = adw_toast_new (escaped);
  ToastOperation *dismissed_op = g_new0 (ToastOperation, 1);
  ToastOperation *undo_op = g_new0 (ToastOperation, 1);

  g_return_val_if_fail (BMB_IS_UNDO_QUEUE (queue), toast);

  dismissed_op->queue = g_object_ref (queue);
  dismissed_op->id = id;
  undo_op->queue = g_object_ref (queue);
  undo_op->id = id;

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_button_clicked_cb), undo_op,
                         toast_operation_free, 0);
  g_signal_connect_data (toast, "dismissed", G_CALLBACK (on_dismissed_cb), dismissed_op,
                         toast_operation_free, 0);

  return toast;
}
