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

G_BEGIN_DECLS

/* Our own properties, so that a round trip keeps what RFC 5545 has no
 * place for. */
#define BMB_ICS_X_AGENDA "X-BIMBING-AGENDA"   /* one per agenda item, in order */
#define BMB_ICS_X_STATUS "X-BIMBING-STATUS"   /* DONE for a session that took place */
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
