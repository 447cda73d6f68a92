/* bmb-session-editor.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bmb-mentoring-store.h"

G_BEGIN_DECLS

#define BMB_TYPE_SESSION_EDITOR (bmb_session_editor_get_type ())

G_DECLARE_FINAL_TYPE (BmbSessionEditor, bmb_session_editor, BMB, SESSION_EDITOR, AdwWindow)

/* What a save or delete of one occurrence of a series applies to. */
typedef enum
{
  BMB_SESSION_EDITOR_SCOPE_ASK,        /* ask when it matters */
  BMB_SESSION_EDITOR_SCOPE_OCCURRENCE, /* only this occurrence (an override / EXDATE) */
  BMB_SESSION_EDITOR_SCOPE_SERIES,     /* all sessions in the series */
} BmbSessionEditorScope;

/* Signals:
 *   saved (gint64 session_id): written and about to close.
 *   delete-requested (gint64 session_id, const char *recurrence_id, const char *title):
 *     the user confirmed a delete; @recurrence_id NULL means the whole
 *     session. The editor closes; the caller deletes (with Undo). */

BmbSessionEditor *bmb_session_editor_new             (GtkWindow             *parent,
                                                      BmbMentoringStore     *store);
/* A new session starting at @start (NULL: the next full hour) in
 * @relationship_id (0: none). */
void              bmb_session_editor_load_new        (BmbSessionEditor      *self,
                                                      GDateTime             *start,
                                                      gint64                 relationship_id);
/* The next meeting of @relationship_id after @previous (nullable): a week
 * after it (the first such day still ahead) or the next full hour, with its
 * place and length, and @title (nullable: the previous meeting's). */
void              bmb_session_editor_load_follow_up  (BmbSessionEditor      *self,
                                                      gint64                 relationship_id,
                                                      BmbOccurrence         *previous,
                                                      const char            *title);
/* One occurrence (of a series or a single session). */
gboolean          bmb_session_editor_load_occurrence (BmbSessionEditor      *self,
                                                      gint64                 session_id,
                                                      const char            *recurrence_id,
                                                      GError               **error);
gint64            bmb_session_editor_get_session_id  (BmbSessionEditor      *self);
const char       *bmb_session_editor_get_recurrence_id (BmbSessionEditor    *self);
gboolean          bmb_session_editor_is_valid        (BmbSessionEditor      *self);
/* What Save does; with SCOPE_ASK a repeating session asks first (and this
 * returns TRUE without writing yet). */
gboolean          bmb_session_editor_save            (BmbSessionEditor      *self,
                                                      BmbSessionEditorScope  scope,
                                                      GError               **error);

G_END_DECLS
