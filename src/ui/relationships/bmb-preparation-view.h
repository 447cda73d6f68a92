/* bmb-preparation-view.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bmb-context.h"
#include "bmb-database.h"
#include "bmb-mentoring-store.h"

G_BEGIN_DECLS

#define BMB_TYPE_PREPARATION_VIEW (bmb_preparation_view_get_type ())

G_DECLARE_FINAL_TYPE (BmbPreparationView, bmb_preparation_view, BMB, PREPARATION_VIEW, AdwWindow)

/* Getting ready for a relationship's next session: its agenda, the notes of
 * the session before, the open action items of both sides (tick them off),
 * the goals with their progress and the current phase. "Start Session"
 * writes the agenda as one bullet line per item at the start of the next
 * session's notes, saves, and closes.
 *
 * Signal: session-started (BmbOccurrence *occurrence): the notes were
 * written; the Sessions page may open the session to take notes. */

BmbPreparationView *bmb_preparation_view_new              (BmbContext          *context,
                                                           BmbRelationship     *relationship);
/* The occurrence being prepared; NULL when none is planned. */
BmbOccurrence      *bmb_preparation_view_get_occurrence   (BmbPreparationView  *self);
/* Re-reads everything from the database. */
void                bmb_preparation_view_reload           (BmbPreparationView  *self);
/* What "Start Session" does. */
gboolean            bmb_preparation_view_start_session    (BmbPreparationView  *self,
                                                           GError             **error);
/* The notes "Start Session" writes: "• item" per agenda item, then the
 * notes already there (unchanged when they already start with them). */
char               *bmb_preparation_view_build_notes      (BmbSession          *session,
                                                           const char          *notes);

G_END_DECLS
