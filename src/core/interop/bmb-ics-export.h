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
gboolean  bmb_ics_export_file         (BmbMentoringStore   *store,
                                       gint64               relationship_id,
                                       GFile               *file,
                                       GCancellable        *cancellable,
                                       GError             **error);
/* What an iCalendar export writes. */
typedef struct
{
  /* Only this relationship's sessions; 0: every session. */
  gint64 relationship_id;
} BmbIcsExportOptions;

/* Builds the text and writes it safely, both in a worker thread on its own
 * connection (@source's database must be a file). @progress (optional)
 * reaches 1 when the file is written. */
void      bmb_ics_export_async        (BmbMentoringStore          *source,
                                       GFile                      *target,
                                       const BmbIcsExportOptions  *options,
                                       GCancellable               *cancellable,
                                       BmbProgress                *progress,
                                       GAsyncReadyCallback         callback,
                                       gpointer                    user_data);
gboolean  bmb_ics_export_finish       (GAsyncResult               *result,
                                       GError                    **error);

G_END_DECLS
