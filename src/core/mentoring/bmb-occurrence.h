/* bmb-occurrence.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One expanded instance of a session: the series' values with this
 * occurrence's override (moved, retitled, notes, done, cancelled) applied.
 * Its identity is (session, recurrence id), the recurrence id being the
 * original local start "YYYY-MM-DDTHH:MM:SS" (RFC 5545 RECURRENCE-ID).
 *
 * The editable properties may be changed and handed back to
 * bmb_mentoring_store_save_occurrence(), which stores the differences from
 * the series as an override of this occurrence only.
 */

#pragma once

#include "bmb-session.h"

G_BEGIN_DECLS

#define BMB_TYPE_OCCURRENCE (bmb_occurrence_get_type ())

G_DECLARE_FINAL_TYPE (BmbOccurrence, bmb_occurrence, BMB, OCCURRENCE, GObject)

/* Properties: session (BmbSession, construct-only), recurrence-id
 * (construct-only), start (GDateTime in the session's zone), end (read-only:
 * start + duration), duration-min, title, location, notes, status,
 * overridden (read-only: an override row exists). */

BmbOccurrence    *bmb_occurrence_new                 (BmbSession       *session,
                                                      const char       *recurrence_id);

BmbSession       *bmb_occurrence_get_session         (BmbOccurrence    *self);
gint64            bmb_occurrence_get_session_id      (BmbOccurrence    *self);
gint64            bmb_occurrence_get_relationship_id (BmbOccurrence    *self);
const char       *bmb_occurrence_get_recurrence_id   (BmbOccurrence    *self);
GDateTime        *bmb_occurrence_get_start           (BmbOccurrence    *self);
void              bmb_occurrence_set_start           (BmbOccurrence    *self,
                                                      GDateTime        *start);
GDateTime        *bmb_occurrence_get_end             (BmbOccurrence    *self);
int               bmb_occurrence_get_duration_min    (BmbOccurrence    *self);
void              bmb_occurrence_set_duration_min    (BmbOccurrence    *self,
                                                      int               minutes);
const char       *bmb_occurrence_get_title           (BmbOccurrence    *self);
void              bmb_occurrence_set_title           (BmbOccurrence    *self,
                                                      const char       *title);
const char       *bmb_occurrence_get_location        (BmbOccurrence    *self);
void              bmb_occurrence_set_location        (BmbOccurrence    *self,
                                                      const char       *location);
const char       *bmb_occurrence_get_notes           (BmbOccurrence    *self);
void              bmb_occurrence_set_notes           (BmbOccurrence    *self,
                                                      const char       *notes);
BmbSessionStatus  bmb_occurrence_get_status          (BmbOccurrence    *self);
void              bmb_occurrence_set_status          (BmbOccurrence    *self,
                                                      BmbSessionStatus  status);
gboolean          bmb_occurrence_get_overridden      (BmbOccurrence    *self);

/* The reminder key: the start in UTC, "YYYY-MM-DDTHH:MM:SSZ". */
char             *bmb_occurrence_dup_key             (BmbOccurrence    *self);
/* Sort function for GPtrArray of BmbOccurrence* (by start, then session id). */
int               bmb_occurrence_compare             (gconstpointer     a,
                                                      gconstpointer     b);

G_END_DECLS
