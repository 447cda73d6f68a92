/* bmb-undo-queue.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-undo-queue"

#include "config.h"

#include "bmb-undo-queue.h"

typedef struct
{
  guint              id;
  BmbUndoCommitFunc  commit;
  BmbUndoFunc        undo;
  gpointer           data;
  GDestroyNotify     destroy;
} Operation;

struct _BmbUndoQueue
{
  GObject    parent_instance;

  /* owned */
  GQueue     pending;   /* Operation, oldest first */

  /* state */
  guint      last_id;
};

G_DEFINE_FINAL_TYPE (BmbUndoQueue, bmb_undo_queue, G_TYPE_OBJECT)

static void
operation_free (Operation *operation)
{
  if (operation->destroy != NULL)
    operation->destroy (operation->data);
  g_free (operation);
}

/* Takes @id out of the queue (so that a commit or undo that runs the main
 * loop, or flushes, cannot run it twice). */
static Operation *
steal (BmbUndoQueue *self,
       guint         id)
{
  for (GList *l = self->pending.head; l != NULL; l = l->next)
    {
      Operation *operation = l->data;

      if (operation->id == id)
        {
          g_queue_delete_link (&self->pending, l);
          return operation;
        }
    }

  return NULL;
}

static void
bmb_undo_queue_dispose (GObject *object)
{
  BmbUndoQueue *self = (BmbUndoQueue *)object;
  g_autoptr(GError) error = NULL;

  /* Nothing pending is lost: it was not undone. */
  if (!bmb_undo_queue_flush (self, &error))
    g_warning ("A pending change could not be saved: %s", error->message);

  G_OBJECT_CLASS (bmb_undo_queue_parent_class)->dispose (object);
}

static void
bmb_undo_queue_class_init (BmbUndoQueueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bmb_undo_queue_dispose;
}

static void
bmb_undo_queue_init (BmbUndoQueue *self)
{
  g_queue_init (&self->pending);
}

BmbUndoQueue *
bmb_undo_queue_new (void)
{
  return g_object_new (BMB_TYPE_UNDO_QUEUE, NULL);
}

guint
bmb_undo_queue_push (BmbUndoQueue      *self,
                     BmbUndoCommitFunc  commit,
                     BmbUndoFunc        undo,
                     gpointer           data,
                     GDestroyNotify     destroy)
{
  Operation *operation;

  g_return_val_if_fail (BMB_IS_UNDO_QUEUE (self), 0);
  g_return_val_if_fail (commit != NULL, 0);

  operation = g_new0 (Operation, 1);
  operation->id = ++self->last_id;
  operation->commit = commit;
  operation->undo = undo;
  operation->data = data;
  operation->destroy = destroy;
  g_queue_push_tail (&self->pending, operation);

  return operation->id;
}

gboolean
bmb_undo_queue_commit (BmbUndoQueue  *self,
                       guint          id,
                       GError       **error)
{
  Operation *operation;
  gboolean ok;

  g_return_val_if_fail (BMB_IS_UNDO_QUEUE (self), FALSE);

  if (!(operation = steal (self, id)))
    return TRUE;

  ok = operation->commit (operation->data, error);
  operation_free (operation);

  return ok;
}

gboolean
bmb_undo_queue_undo (BmbUndoQueue *self,
                     guint         id)
{
  Operation *operation;

  g_return_val_if_fail (BMB_IS_UNDO_QUEUE (self), FALSE);

  if (!(operation = steal (self, id)))
    return FALSE;

  if (operation->undo != NULL)
    operation->undo (operation->data);
  operation_free (operation);

  return TRUE;
}

gboolean
bmb_undo_queue_flush (BmbUndoQueue  *self,
                      GError       **error)
{
  g_autoptr(GError) first = NULL;
  Operation *operation;

  g_return_val_if_fail (BMB_IS_UNDO_QUEUE (self), FALSE);

  while ((operation = g_queue_pop_head (&self->pending)))
    {
      g_autoptr(GError) local_error = NULL;

      if (!operation->commit (operation->data, &local_error))
        {
          g_debug ("Pending operation %u failed: %s", operation->id, local_error->message);
          if (first == NULL)
            first = g_steal_pointer (&local_error);
        }
      operation_free (operation);
    }

  if (first != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&first));
      return FALSE;
    }

  return TRUE;
}

gboolean
bmb_undo_queue_is_pending (BmbUndoQueue *self,
                           guint         id)
{
  g_return_val_if_fail (BMB_IS_UNDO_QUEUE (self), FALSE);

  for (GList *l = self->pending.head; l != NULL; l = l->next)
    if (((Operation *)l->data)->id == id)
      return TRUE;

  return FALSE;
}

guint
bmb_undo_queue_get_n_pending (BmbUndoQueue *self)
{
  g_return_val_if_fail (BMB_IS_UNDO_QUEUE (self), 0);

  return self->pending.length;
}
