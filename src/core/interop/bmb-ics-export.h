/* bmb-ics-export.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * iCalendar (RFC 5545) export of sessions: one VEVENT per series with
 * DTSTART;TZID, DURATION, RRULE, EXDATE, VALARMs, UID, DTSTAMP, one
 * VEVENT with RECURRENCE-ID per override, and a VTIMEZONE per zone used.
 */

#pragma once

#include "bmb-ics-import.h"

G_BEGIN_DECLS

/* @relationship_id 0: every session. Returns the whole VCALENDAR text. */
char     *bmb_ics_export_to_string    (BmbMentoringStore   *store,
                                       gint64               relationship_id,
                                       GError             **error);
/* Writes safely (bmb-file-output.h): a failed or cancelled export leaves
 * the previous file as it was. */
/* One session as a VCALENDAR of its own: the series, its overrides and its zone (for
 * sync, one resource per session). */
char     *bmb_ics_export_session_to_string (BmbMentoringStore   *store,
                                            BmbSession          *session,
                                            GError             **error);
gboolean  bmb_ics_export_file         (BmbMentoringStore   *store,
                                       gint64               relationship_id,
                                       GFile               *file,
                                       GCancellable        *cancellable,
                                       GError             **error);
/* Builds the text on the calling thread (it is quick), writes in a worker. */
void      bmb_ics_export_file_async   (BmbMentoringStore   *store,
                                       gint64               relationship_id,
                                       GFile               *file,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
gboolean  bmb_ics_export_file_finish  (BmbMentoringStore   *store,
                                       GAsyncResult        *result,
                                       GError             **error);

G_END_DECLS
