/* bmb-relationship-timeline-section.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bmb-mentoring-store.h"

G_BEGIN_DECLS

#define BMB_TYPE_RELATIONSHIP_TIMELINE_SECTION (bmb_relationship_timeline_section_get_type ())

G_DECLARE_FINAL_TYPE (BmbRelationshipTimelineSection, bmb_relationship_timeline_section,
                      BMB, RELATIONSHIP_TIMELINE_SECTION, AdwPreferencesGroup)

/* The "Past Meetings" part of the relationship panel: the relationship's
 * meetings that have taken place, newest first, each with its date, its
 * status, the first line of its notes and, expanded, its action items.
 * Read a page at a time ("Show Earlier Meetings"); read again when sessions
 * or action items change. */

/* Shows the past meetings of @relationship_id (0, or @store NULL: none). */
void   bmb_relationship_timeline_section_show       (BmbRelationshipTimelineSection  *self,
                                                     BmbMentoringStore               *store,
                                                     gint64                           relationship_id);
/* Reads the next page of earlier meetings; FALSE with @error on failure. */
gboolean bmb_relationship_timeline_section_show_more (BmbRelationshipTimelineSection  *self,
                                                      GError                         **error);
/* How many meetings are listed. */
guint  bmb_relationship_timeline_section_get_n_meetings (BmbRelationshipTimelineSection *self);

G_END_DECLS
