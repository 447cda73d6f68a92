/* bmb-undo-toast.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The toast of a delete with Undo: its Undo button undoes operation @id of
 * the BmbUndoQueue, its going away commits it. Every delete-with-Undo of
 * the app (sessions, contacts, checklists, goals) goes through this, so
 * they share one lifetime: the queue's.
 */

#pragma once

#include <adwaita.h>

#include "bmb-undo-queue.h"

G_BEGIN_DECLS

/* @title is plain text (it is escaped for the toast's markup). */
AdwToast *bmb_undo_toast_new (BmbUndoQueue *queue,
                              guint         id,
                              const char   *title);

G_END_DECLS
