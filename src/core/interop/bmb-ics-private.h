/* bmb-ics-private.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared between the iCalendar importer's files and the exporter.
 */

#pragma once

#include <libical/ical.h>

#include "bmb-ics-import.h"
#include "bmb-meeting.h"

G_BEGIN_DECLS

/* Our own properties, so that a round trip keeps what RFC 5545 has no
 * place for. */
#define BMB_ICS_X_AGENDA "X-BIMBING-AGENDA"   /* one per agenda item, in order */
#define BMB_ICS_X_STATUS "X-BIMBING-STATUS"   /* DONE for a session that took place */
/* A meeting's record (bmb-meeting.h): the event carries it when it has
 * X-BIMBING-RECORD; its X-BIMBING-AGENDA are then the meeting's (ticked
 * ones with X-BIMBING-DONE=TRUE), not the series' standing agenda. */
#define BMB_ICS_X_RECORD  "X-BIMBING-RECORD"
#define BMB_ICS_X_NOTES   "X-BIMBING-NOTES"
#define BMB_ICS_X_OUTCOME "X-BIMBING-OUTCOME"
#define BMB_ICS_X_ACTION  "X-BIMBING-ACTION"  /* X-BIMBING-OWNER, -DONE, -DUE */
#define BMB_ICS_X_MENTOR  "X-BIMBING-MENTOR"  /* the name; ATTENDEE too with an email */
#define BMB_ICS_X_MENTEE  "X-BIMBING-MENTEE"
#define BMB_ICS_PARAM_DONE  "X-BIMBING-DONE"
#define BMB_ICS_PARAM_OWNER "X-BIMBING-OWNER"
#define BMB_ICS_PARAM_DUE   "X-BIMBING-DUE"
#define BMB_ICS_PARAM_ROLE  "X-BIMBING-ROLE"  /* on ATTENDEE: mentor or mentee */
#define BMB_ICS_PRODID   "-//Bimbing//Bimbing " PACKAGE_VERSION "//EN"

/* A VTIMEZONE found in the file. */
typedef struct
{
  icaltimezone *zone;  /* owns its component */
  char         *iana;  /* from X-LIC-LOCATION or the TZID, NULL if unknown */
} BmbIcsZone;

typedef struct
{
  BmbMentoringStore  *store;
  BmbIcsImportResult *result;
  gint64              relationship_id;
  GHashTable         *zones;       /* TZID → BmbIcsZone */
  GHashTable         *masters;     /* UID → BmbSession written by this import */
  char               *local_tzid;  /* for floating times */
  char               *unknown_zone; /* a TZID the event uses that nothing names */
} BmbIcsImport;

/* Meeting records and partners in events (bmb-ics-records.c). */
typedef struct _BmbIcsPartners BmbIcsPartners;

void            _bmb_ics_add_x_with_params   (icalcomponent        *event,
                                              const char           *name,
                                              const char * const   *params,
                                              const char           *value);
char           *_bmb_ics_dup_readable_record (BmbMeeting           *meeting);
void            _bmb_ics_add_record          (icalcomponent        *event,
                                              BmbMeeting           *meeting);
BmbIcsPartners *_bmb_ics_partners_new        (BmbMentoringStore    *store,
                                              gint64                relationship_id);
void            _bmb_ics_partners_free       (BmbIcsPartners       *partners);
void            _bmb_ics_add_partners        (icalcomponent        *event,
                                              const BmbIcsPartners *partners);
gboolean        _bmb_ics_has_record          (icalcomponent        *event);
/* Replaces @meeting's agenda, notes, outcome and action items with the event's. */
void            _bmb_ics_read_record         (icalcomponent        *event,
                                              BmbMeeting           *meeting);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BmbIcsPartners, _bmb_ics_partners_free)

void     _bmb_ics_zone_free                  (BmbIcsZone         *zone);
/* Each writes one VEVENT inside its own savepoint; a problem is recorded
 * in the result as skipped (with @line) and FALSE returned. */
gboolean _bmb_ics_import_master              (BmbIcsImport       *import,
                                              icalcomponent      *event,
                                              guint               line);
gboolean _bmb_ics_import_override            (BmbIcsImport       *import,
                                              icalcomponent      *event,
                                              guint               line);

void     _bmb_ics_import_result_add_skipped  (BmbIcsImportResult *self,
                                              guint               line,
                                              const char         *reason);
/* An event imported with a remark (@reason without the line). */
void     _bmb_ics_import_result_add_note     (BmbIcsImportResult *self,
                                              guint               line,
                                              const char         *reason);
void     _bmb_ics_import_result_add_done     (BmbIcsImportResult *self,
                                              gboolean            updated);

G_END_DECLS
