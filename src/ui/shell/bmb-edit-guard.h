/* bmb-edit-guard.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One rule for every editor: edits apply on Save. The guard watches an
 * editor window and
 *   - asks "Discard Changes?" (Discard, Cancel, Save) when the window is
 *     closed (Escape, Cancel, the close button) with unsaved changes;
 *   - saves on Ctrl+S from any field, text views included;
 *   - keeps a draft of the unsaved state in the core draft store about a
 *     second after the user stops typing, and offers it back ("Restore
 *     Unsaved Changes?") when the same editor is opened again after a crash.
 *
 * What it compares and keeps is read from the editor's own widgets (texts,
 * ticks, switches, choices, dates), walked in tree order; an editor whose
 * state is partly elsewhere (rows added in code) adds it with
 * bmb_edit_guard_set_extra().
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BMB_TYPE_EDIT_GUARD (bmb_edit_guard_get_type ())

G_DECLARE_FINAL_TYPE (BmbEditGuard, bmb_edit_guard, BMB, EDIT_GUARD, GObject)

/* State the widget walk cannot see: a variant of any type, and how to put it
 * back into the editor. */
typedef GVariant *(*BmbEditGuardSnapshotFunc) (GtkWidget *editor);
typedef void      (*BmbEditGuardRestoreFunc)  (GtkWidget *editor,
                                               GVariant  *state);

/* @editor is watched, not owned: the editor owns the guard. @save_action is
 * the editor's widget action that saves ("editor.save"). */
BmbEditGuard *bmb_edit_guard_new        (GtkWindow                *editor,
                                         const char               *save_action);
void          bmb_edit_guard_set_extra  (BmbEditGuard             *self,
                                         BmbEditGuardSnapshotFunc  snapshot,
                                         BmbEditGuardRestoreFunc   restore);
/* The editor has shown what it edits: what it shows now is "unchanged".
 * @draft_key names the item ("contact/12", "contact/new"); a draft left
 * under that key is offered once the editor is shown. */
void          bmb_edit_guard_loaded     (BmbEditGuard             *self,
                                         const char               *draft_key);
/* Whether what the editor shows differs from what it loaded. */
gboolean      bmb_edit_guard_is_dirty   (BmbEditGuard             *self);
/* Save wrote everything: forget the draft; closing asks nothing. */
void          bmb_edit_guard_saved      (BmbEditGuard             *self);
/* Something changed in code (not by a key or a click): keep a draft soon. */
void          bmb_edit_guard_changed    (BmbEditGuard             *self);
/* For tests: writes the draft now, as the timer would. */
void          bmb_edit_guard_flush      (BmbEditGuard             *self);

G_END_DECLS
