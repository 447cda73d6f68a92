/* bmb-undo-queue.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The destructive operations waiting for their Undo toast to go, as GNOME
 * Contacts' operation list: each has a commit (the write that really
 * happens) and an undo (what puts the view back). A toast going away
 * commits its operation, its Undo button undoes it; whatever is still
 * pending when a window closes or the application shuts down is committed
 * then (bmb_undo_queue_flush()). One queue per application, in BmbContext.
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Does the write; FALSE with @error set when it failed. */
typedef gboolean (*BmbUndoCommitFunc) (gpointer   data,
                                       GError   **error);
/* Puts back what the operation took away before it was committed. */
typedef void     (*BmbUndoFunc)       (gpointer   data);

#define BMB_TYPE_UNDO_QUEUE (bmb_undo_queue_get_type ())

G_DECLARE_FINAL_TYPE (BmbUndoQueue, bmb_undo_queue, BMB, UNDO_QUEUE, GObject)

BmbUndoQueue *bmb_undo_queue_new           (void);
/* Adds a pending operation and returns its id (never 0). The queue owns
 * @data (freed with @destroy once committed or undone). */
guint         bmb_undo_queue_push          (BmbUndoQueue       *self,
                                            BmbUndoCommitFunc   commit,
                                            BmbUndoFunc         undo,
                                            gpointer            data,
                                            GDestroyNotify      destroy);
/* Commits @id now (its toast went away). TRUE when it is committed, or was
 * no longer pending (undone, or flushed meanwhile). */
gboolean      bmb_undo_queue_commit        (BmbUndoQueue       *self,
                                            guint               id,
                                            GError            **error);
/* Undoes @id; FALSE when it was no longer pending (too late). */
gboolean      bmb_undo_queue_undo          (BmbUndoQueue       *self,
                                            guint               id);
/* Commits every pending operation, oldest first. Each is tried; FALSE with
 * the first failure in @error. */
gboolean      bmb_undo_queue_flush         (BmbUndoQueue       *self,
                                            GError            **error);
gboolean      bmb_undo_queue_is_pending    (BmbUndoQueue       *self,
                                            guint               id);
guint         bmb_undo_queue_get_n_pending (BmbUndoQueue       *self);

G_END_DECLS
