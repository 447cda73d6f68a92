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

#include <libical/ical.h>

#include "bmb-ics-import.h"

G_BEGIN_DECLS

/* Each meeting with a record of its own is written as an override VEVENT
 * (RECURRENCE-ID) carrying its notes and agenda: DESCRIPTION readable
 * on a phone (agenda with ☐/☑, notes, outcome, action items), the
 * structured parts in X-BIMBING-RECORD:TRUE, X-BIMBING-AGENDA (one per
 * item; X-BIMBING-DONE=TRUE when ticked), X-BIMBING-NOTES,
 * X-BIMBING-OUTCOME, X-BIMBING-ACTION (one per action item;
 * X-BIMBING-OWNER=mentor|mentee, X-BIMBING-DONE=TRUE,
 * X-BIMBING-DUE=YYYY-MM-DD), X-BIMBING-STATUS. A one-off session's record
 * is in its only VEVENT. The mentor and mentee (not "me") are
 * X-BIMBING-MENTOR / X-BIMBING-MENTEE (their names) and, when they have an
 * email, ATTENDEEs (CN, X-BIMBING-ROLE=mentor|mentee, mailto:). The
 * series' own agenda (X-BIMBING-AGENDA on the master) is its standing
 * agenda.
 *
 * @relationship_id 0: every session. Returns the whole VCALENDAR text. */
char     *bmb_ics_export_to_string    (BmbMentoringStore   *store,
                                       gint64               relationship_id,
                                       GError             **error);
/* Writes safely (bmb-file-output.h): a failed or cancelled export leaves
 * the previous file as it was. */
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

/* One series for a sync engine: a new VCALENDAR with the master VEVENT,
 * an override VEVENT per meeting with a record or a moved / cancelled
 * occurrence, and the VTIMEZONE it uses. Free with icalcomponent_free(). */
icalcomponent *bmb_ics_export_series  (BmbMentoringStore   *store,
                                       gint64               session_id,
                                       GError             **error);

G_END_DECLS
