/* bmb-ics-import.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * iCalendar (RFC 5545) import of VEVENTs as sessions: DTSTART/DTEND or
 * DURATION, TZID (IANA, or Windows names from Outlook via VTIMEZONE), UTC
 * and floating times, all-day events, RRULE, EXDATE, RECURRENCE-ID
 * overrides, VALARM display triggers as reminder offsets, SUMMARY,
 * LOCATION, DESCRIPTION, URL and UID (re-importing a UID updates it).
 * One transaction for the whole file; a malformed VEVENT is skipped with
 * its reason and line, the others still import.
 */

#pragma once

#include <libical/ical.h>

#include "bmb-mentoring-store.h"

G_BEGIN_DECLS

#define BMB_ICS_ERROR (bmb_ics_error_quark ())

typedef enum
{
  BMB_ICS_ERROR_NOT_ICALENDAR, /* not text, or no VCALENDAR in it */
  BMB_ICS_ERROR_READ,          /* the file could not be read */
  BMB_ICS_ERROR_WRITE,         /* the file could not be written */
  BMB_ICS_ERROR_TOO_LARGE,     /* over BMB_LIMIT_FILE_BYTES */
} BmbIcsError;

#define BMB_TYPE_ICS_IMPORT_RESULT (bmb_ics_import_result_get_type ())

G_DECLARE_FINAL_TYPE (BmbIcsImportResult, bmb_ics_import_result, BMB, ICS_IMPORT_RESULT, GObject)

/* Read-only properties: imported, updated, skipped (counts). */
guint        bmb_ics_import_result_get_imported       (BmbIcsImportResult *self);
guint        bmb_ics_import_result_get_updated        (BmbIcsImportResult *self);
guint        bmb_ics_import_result_get_skipped        (BmbIcsImportResult *self);
/* For each skipped event (0 ≤ @index < skipped): the line its BEGIN:VEVENT
 * is on (1-based) and the translated reason. */
guint        bmb_ics_import_result_get_skipped_line   (BmbIcsImportResult *self,
                                                       guint               index);
const char  *bmb_ics_import_result_get_skipped_reason (BmbIcsImportResult *self,
                                                       guint               index);
/* Events imported with a remark, such as a time zone nobody knows whose
 * times were read in another zone (0 ≤ @index < n_notes). */
guint        bmb_ics_import_result_get_n_notes        (BmbIcsImportResult *self);
guint        bmb_ics_import_result_get_note_line      (BmbIcsImportResult *self,
                                                       guint               index);
const char  *bmb_ics_import_result_get_note_reason    (BmbIcsImportResult *self,
                                                       guint               index);
/* Every skipped event and every note as "Line 12: The event has no start
 * time.", in file order, for a dialog; NULL-terminated, owned by @self. */
const char * const *bmb_ics_import_result_get_messages (BmbIcsImportResult *self);

/* Called on the caller's main context with the events handled so far. */
typedef void (*BmbIcsProgressFunc) (guint    done,
                                    guint    total,
                                    gpointer user_data);

GQuark              bmb_ics_error_quark          (void);

/* Imports @data (@length -1: NUL-terminated). @name names the source in
 * messages. New sessions go to @relationship_id (0: none); updated ones
 * keep theirs. */
BmbIcsImportResult *bmb_ics_import_data          (BmbMentoringStore   *store,
                                                  const char          *data,
                                                  gssize               length,
                                                  const char          *name,
                                                  gint64               relationship_id,
                                                  GCancellable        *cancellable,
                                                  GError             **error);
BmbIcsImportResult *bmb_ics_import_file          (BmbMentoringStore   *store,
                                                  GFile               *file,
                                                  gint64               relationship_id,
                                                  GCancellable        *cancellable,
                                                  GError             **error);
BmbIcsImportResult *bmb_ics_import_path          (BmbMentoringStore   *store,
                                                  const char          *path,
                                                  gint64               relationship_id,
                                                  GCancellable        *cancellable,
                                                  GError             **error);

/* One series for a sync engine: @calendar is a VCALENDAR holding one
 * master VEVENT and its overrides (as bmb_ics_export_series() writes). In
 * one transaction, inserts or updates the session with that UID and its
 * meetings (records included: overrides replace the stored ones; meetings
 * no override names lose their moves but keep their records). A new
 * session goes to @relationship_id (0: none). Returns the session id, 0
 * with @error set (nothing written) when the calendar has no usable
 * master or more than one UID. */
gint64              bmb_ics_import_series        (BmbMentoringStore   *store,
                                                  icalcomponent       *calendar,
                                                  gint64               relationship_id,
                                                  GError             **error);

/* In a worker thread on its own connection (bmb_database_open_worker(), so
 * the store's database must be a file). ::changed is emitted on the
 * store's database when it is done. Cancelling rolls everything back. */
void                bmb_ics_import_file_async    (BmbMentoringStore   *store,
                                                  GFile               *file,
                                                  gint64               relationship_id,
                                                  BmbIcsProgressFunc   progress,
                                                  gpointer             progress_data,
                                                  GDestroyNotify       progress_notify,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
BmbIcsImportResult *bmb_ics_import_file_finish   (BmbMentoringStore   *store,
                                                  GAsyncResult        *result,
                                                  GError             **error);

G_END_DECLS
