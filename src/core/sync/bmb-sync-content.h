/* bmb-sync-content.h — iCalendar and vCard resources as content lines: hashes and merges
 *
 * Copyright 2026 The Bimbing Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sync engine never rebuilds a server's resource from Bimbing's own rendering: it
 * keeps the server's copy and replaces only the properties Bimbing changed. This module
 * reads both formats as unfolded content lines grouped by component (VEVENT, VTODO,
 * VJOURNAL, VCARD; overrides by RECURRENCE-ID) and by property, and merges three ways:
 * what the server had, what the server has, what Bimbing rendered then and renders now.
 * Properties are compared as whole lines; DTSTAMP, LAST-MODIFIED, PRODID, REV and the
 * VTIMEZONEs do not count as changes.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A hex SHA-256 of @data with the ignored properties and VTIMEZONEs left out and line
 * folding undone: equal for two copies that differ only in those. */
char     *bmb_sync_content_hash        (const char *data,
                                        gsize       length);
/* The UID of the first component (VEVENT, VTODO, VJOURNAL or VCARD), or NULL. */
char     *bmb_sync_content_dup_uid     (const char *data,
                                        gsize       length);
/* "VEVENT", "VTODO", "VJOURNAL" or "VCARD": the first component's type, or NULL. */
const char *bmb_sync_content_get_type  (const char *data,
                                        gsize       length);
/* The value of the first property @name of the first component, unescaped no further
 * than unfolding; NULL when absent. */
char     *bmb_sync_content_dup_value   (const char *data,
                                        gsize       length,
                                        const char *name);

/* TRUE when the first component has a property @name. */
gboolean  bmb_sync_content_has_property (const char *data,
                                         gsize       length,
                                         const char *name);

typedef struct
{
  char *component;   /* "VEVENT", or "VEVENT RECURRENCE-ID=…" for an override */
  char *property;    /* "SUMMARY", "VALARM -PT15M"… */
  gboolean server_won;
} BmbSyncConflict;

void      bmb_sync_conflict_free       (BmbSyncConflict *conflict);

/* Merges three ways, property by property. @server_base and @local_base may be NULL
 * (nothing in common yet). For each property: unchanged locally → the server's; changed
 * locally only, or to the same value on both sides → Bimbing's; changed on both sides →
 * the server's for scheduling (DTSTART, DTEND, DURATION, RRULE, RDATE, EXDATE and whole
 * overrides), Bimbing's for everything else, each such property added to @conflicts
 * (BmbSyncConflict, may be NULL). Properties of other clients (X-, their alarms) that
 * Bimbing does not render are never touched. Returns the merged resource, folded, in
 * the server's order. */
char     *bmb_sync_content_merge       (const char *server_base,
                                        const char *server_now,
                                        const char *local_base,
                                        const char *local_now,
                                        GPtrArray  *conflicts);

G_END_DECLS
