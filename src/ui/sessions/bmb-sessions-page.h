/* bmb-sessions-page.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bmb-database.h"

G_BEGIN_DECLS

#define BMB_TYPE_SESSIONS_PAGE (bmb_sessions_page_get_type ())

G_DECLARE_FINAL_TYPE (BmbSessionsPage, bmb_sessions_page, BMB, SESSIONS_PAGE, AdwBin)

BmbDatabase *bmb_sessions_page_get_database   (BmbSessionsPage *self);

/* Selects the occurrence of @session_id starting at @occurrence_key (its
 * start in UTC, "YYYY-MM-DDTHH:MM:SSZ", as in reminders) and opens it in the
 * editor; @occurrence_key NULL: the session's next occurrence. */
void         bmb_sessions_page_show_occurrence (BmbSessionsPage *self,
                                                gint64           session_id,
                                                const char      *occurrence_key);
/* Opens the editor on a new session. */
void         bmb_sessions_page_new_session     (BmbSessionsPage *self);
/* Opens the editor on a new session in relationship @relationship_id (the
 * Relationships page's "Schedule a Session"). */
void         bmb_sessions_page_new_session_for_relationship (BmbSessionsPage *self,
                                                             gint64           relationship_id);
/* Imports an iCalendar file in the background (with progress and Cancel),
 * then summarises what was imported, updated and skipped. */
void         bmb_sessions_page_import_file     (BmbSessionsPage *self,
                                                GFile           *file);
/* Exports the sessions shown (all, or the chosen relationship's) to an
 * iCalendar file, then says how many. */
void         bmb_sessions_page_export_file     (BmbSessionsPage *self,
                                                GFile           *file);

G_END_DECLS
