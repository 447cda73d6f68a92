/* test-undo-queue.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * BmbUndoQueue: pending operations commit when asked (a toast going away),
 * undo when asked (its Undo button), and are all committed by a flush and
 * when the context goes (shutdown).
 */

#include "config.h"

#include "bmb-context.h"
#include "bmb-test-utils.h"
#include "bmb-undo-queue.h"

typedef struct
{
  GString *log;
  char    *name;
  gboolean fail;
} Op;

static gboolean
op_commit (gpointer   data,
           GError   **error)
{
  Op *op = data;

  g_string_append_printf (op->log, "commit %s;", op->name);
  if (op->fail)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s failed", op->name);
      return FALSE;
    }
  return TRUE;
}

static void
op_undo (gpointer data)
{
  Op *op = data;

  g_string_append_printf (op->log, "undo %s;", op->name);
}

static void
op_free (gpointer data)
{
  Op *op = data;

  g_string_append_printf (op->log, "free %s;", op->name);
  g_free (op->name);
  g_free (op);
}

static guint
push (BmbUndoQueue *queue,
      GString      *log,
      const char   *name,
      gboolean      fail)
{
  Op *op = g_new0 (Op, 1);

  op->log = log;
  op->name = g_strdup (name);
  op->fail = fail;

  return bmb_undo_queue_push (queue, op_commit, op_undo, op, op_free);
}

static void
test_commit_and_undo (void)
{
  g_autoptr(BmbUndoQueue) queue = bmb_undo_queue_new ();
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  guint a, b, c;

  a = push (queue, log, "a", FALSE);
  b = push (queue, log, "b", FALSE);
  c = push (queue, log, "c", TRUE);
  g_assert_cmpuint (a, !=, 0);
  g_assert_cmpuint (a, !=, b);
  g_assert_cmpuint (bmb_undo_queue_get_n_pending (queue), ==, 3);
  g_assert_cmpstr (log->str, ==, "");

  /* b's toast went away; a's Undo was pressed. */
  g_assert_true (bmb_undo_queue_commit (queue, b, &error));
  g_assert_no_error (error);
  g_assert_true (bmb_undo_queue_undo (queue, a));
  g_assert_cmpstr (log->str, ==, "commit b;free b;undo a;free a;");
  g_assert_false (bmb_undo_queue_is_pending (queue, a));
  g_assert_true (bmb_undo_queue_is_pending (queue, c));

  /* Too late for anything on a and b: nothing runs twice. */
  g_assert_false (bmb_undo_queue_undo (queue, b));
  g_assert_true (bmb_undo_queue_commit (queue, a, &error));
  g_assert_cmpstr (log->str, ==, "commit b;free b;undo a;free a;");

  /* A failed commit says so, and the operation is gone all the same. */
  g_assert_false (bmb_undo_queue_commit (queue, c, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_cmpuint (bmb_undo_queue_get_n_pending (queue), ==, 0);
}

static void
test_flush (void)
{
  g_autoptr(BmbUndoQueue) queue = bmb_undo_queue_new ();
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  push (queue, log, "a", FALSE);
  push (queue, log, "b", TRUE);
  push (queue, log, "c", FALSE);

  /* Oldest first; a failure does not stop the others. */
  g_assert_false (bmb_undo_queue_flush (queue, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_cmpstr (log->str, ==, "commit a;free a;commit b;free b;commit c;free c;");
  g_assert_cmpuint (bmb_undo_queue_get_n_pending (queue), ==, 0);

  /* Going away flushes too. */
  g_string_truncate (log, 0);
  push (queue, log, "d", FALSE);
  g_clear_object (&queue);
  g_assert_cmpstr (log->str, ==, "commit d;free d;");
}

typedef struct
{
  BmbContactStore *store;
  gint64           id;
} ContactDelete;

static gboolean
delete_commit (gpointer   data,
               GError   **error)
{
  ContactDelete *op = data;

  return bmb_contact_store_delete_many (op->store, &op->id, 1, error);
}

static void
delete_free (gpointer data)
{
  ContactDelete *op = data;

  g_object_unref (op->store);
  g_free (op);
}

/* The application's context going away (shutdown) writes a delete still
 * waiting for its toast. */
static void
test_context_flushes (void)
{
  g_autofree char *path = NULL;
  g_autoptr(BmbDatabase) db = bmb_test_open_tmp_database (&path);
  g_autoptr(BmbDatabase) check = NULL;
  g_autoptr(BmbContactStore) check_store = NULL;
  g_autoptr(BmbContact) contact = bmb_contact_new ();
  g_autoptr(BmbContact) gone = NULL;
  g_autoptr(GError) error = NULL;
  BmbContext *context = bmb_context_new (db, NULL, NULL);
  BmbContactStore *store = bmb_context_get_contact_store (context);
  ContactDelete *op;
  gint64 id;

  bmb_contact_set_display_name (contact, "Rina Wijaya");
  g_assert_true (bmb_contact_store_insert (store, contact, &error));
  g_assert_no_error (error);

  op = g_new0 (ContactDelete, 1);
  op->store = g_object_ref (store);
  op->id = id = bmb_contact_get_id (contact);
  bmb_undo_queue_push (bmb_context_get_undo_queue (context), delete_commit, NULL, op, delete_free);

  check = bmb_database_open (path, &error);
  g_assert_no_error (error);
  check_store = bmb_contact_store_new (check);
  g_assert_cmpint (bmb_contact_store_count (check_store, NULL), ==, 1);

  g_object_unref (context);

  g_assert_cmpint (bmb_contact_store_count (check_store, NULL), ==, 0);
  gone = bmb_contact_store_get (check_store, id, NULL);
  g_assert_null (gone);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Jakarta", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/undo-queue/commit-and-undo", test_commit_and_undo);
  g_test_add_func ("/undo-queue/flush", test_flush);
  g_test_add_func ("/undo-queue/context-flushes", test_context_flushes);

  return g_test_run ();
}
