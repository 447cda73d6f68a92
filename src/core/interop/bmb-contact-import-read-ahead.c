/* bmb-contact-import-read-ahead.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Splitting the input and making contacts of it is a quarter of the work; it
 * runs on a second thread while the importing thread matches and writes.
 * Batches of read cards go to the writer through one queue and come back
 * empty through another, so at most N_BATCHES are ever in flight.
 */

#define G_LOG_DOMAIN "bmb-contact-import"

#include "config.h"

#include "bmb-contact-import-private.h"

#define N_BATCHES 32

static void
read_item_clear (BmbImportReadItem *item)
{
  g_clear_object (&item->contact);
  g_clear_pointer (&item->sort_key, g_free);
  g_clear_pointer (&item->introducer, g_free);
  g_clear_pointer (&item->reason, g_free);
}

static void
read_batch_free (gpointer data)
{
  BmbImportReadBatch *batch = data;

  for (guint i = 0; i < batch->n_items; i++)
    read_item_clear (&batch->items[i]);
  g_clear_pointer (&batch->garbage, g_ptr_array_unref);
  g_free (batch);
}

static void
read_batch_fill (BmbImportReadAhead *ahead,
                 BmbImportReadBatch *batch)
{
  gint64 start = g_get_monotonic_time ();

  /* What the writer is done with is freed here, beside it. */
  for (guint i = 0; i < batch->n_items; i++)
    read_item_clear (&batch->items[i]);
  g_clear_pointer (&batch->garbage, g_ptr_array_unref);
  batch->n_items = 0;
  batch->at_end = FALSE;

  while (batch->n_items < BMB_IMPORT_READ_BATCH_SIZE)
    {
      BmbImportReadItem *item = &batch->items[batch->n_items];

      bmb_contact_limiter_init (&item->limits, NULL);
      if (!_bmb_import_source_next (ahead->source, &item->contact, &item->introducer,
                                    &item->reason, &item->line, &item->limits))
        {
          batch->at_end = TRUE;
          break;
        }
      if (item->contact != NULL)
        item->sort_key = _bmb_import_dup_sort_key (item->contact);
      item->offset = _bmb_import_source_get_offset (ahead->source);
      batch->n_items++;
    }

  ahead->busy_usec += g_get_monotonic_time () - start;
}

static gpointer
read_ahead_thread (gpointer data)
{
  BmbImportReadAhead *ahead = data;

  for (;;)
    {
      BmbImportReadBatch *batch = g_async_queue_pop (ahead->emptied);
      gboolean at_end;

      if (g_atomic_int_get (&ahead->stop))
        {
          g_async_queue_push (ahead->emptied, batch);
          break;
        }

      read_batch_fill (ahead, batch);
      at_end = batch->at_end;
      g_async_queue_push (ahead->filled, batch);
      if (at_end)
        break;
    }

  return NULL;
}

void
_bmb_import_read_ahead_start (BmbImportReadAhead *ahead,
                              BmbImportSource    *source)
{
  g_autoptr(GError) error = NULL;

  ahead->source = source;
  ahead->filled = g_async_queue_new_full (read_batch_free);
  ahead->emptied = g_async_queue_new_full (read_batch_free);
  for (guint i = 0; i < N_BATCHES; i++)
    g_async_queue_push (ahead->emptied, g_new0 (BmbImportReadBatch, 1));

  ahead->thread = g_thread_try_new ("bmb-import-read", read_ahead_thread, ahead, &error);
  if (ahead->thread == NULL)
    g_debug ("Reading on this thread: %s", error->message);
}

BmbImportReadBatch *
_bmb_import_read_ahead_next (BmbImportReadAhead *ahead)
{
  BmbImportReadBatch *batch;

  if (ahead->thread != NULL)
    {
      gint64 start = g_get_monotonic_time ();
      batch = g_async_queue_pop (ahead->filled);
      ahead->wait_usec += g_get_monotonic_time () - start;
      return batch;
    }

  batch = g_async_queue_pop (ahead->emptied);
  read_batch_fill (ahead, batch);

  return batch;
}

void
_bmb_import_read_ahead_recycle (BmbImportReadAhead *ahead,
                                BmbImportReadBatch *batch,
                                GPtrArray          *garbage)
{
  g_assert (batch->garbage == NULL);
  batch->garbage = garbage;
  g_async_queue_push (ahead->emptied, batch);
}

void
_bmb_import_read_ahead_finish (BmbImportReadAhead *ahead)
{
  if (ahead->thread != NULL)
    {
      g_atomic_int_set (&ahead->stop, TRUE);
      /* However many batches the writer holds, the reader can wake. */
      g_async_queue_push (ahead->emptied, g_new0 (BmbImportReadBatch, 1));
      g_thread_join (g_steal_pointer (&ahead->thread));
    }

  g_clear_pointer (&ahead->filled, g_async_queue_unref);
  g_clear_pointer (&ahead->emptied, g_async_queue_unref);
}
