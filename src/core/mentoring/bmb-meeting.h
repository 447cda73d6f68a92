/* bmb-meeting.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The record of one meeting: one occurrence of a session (series or one-off),
 * identified by (session id, recurrence id = the occurrence's original local
 * start "YYYY-MM-DDTHH:MM:SS", RFC 5545 RECURRENCE-ID). It has its own
 * agenda (with done ticks), notes, outcome, status and action items; moving
 * or cancelling the occurrence keeps it.
 *
 * A meeting that has no stored record yet (has-record FALSE) reads as the
 * series' standing agenda (the agenda items of the BmbSession, copied, not
 * ticked) with empty notes; saving it (bmb_mentoring_store_save_meeting())
 * stores the record. A meeting is a plain model: edit it, then hand it to
 * the store in one call.
 */

#pragma once

#include "bmb-action-item.h"
#include "bmb-occurrence.h"
#include "bmb-session.h"

G_BEGIN_DECLS

#define BMB_TYPE_MEETING (bmb_meeting_get_type ())

G_DECLARE_FINAL_TYPE (BmbMeeting, bmb_meeting, BMB, MEETING, GObject)

/* Properties (G_PARAM_EXPLICIT_NOTIFY): id (read-only, 0 without a record),
 * session-id, recurrence-id (construct-only), occurrence (BmbOccurrence,
 * read-only: the schedule as it stands, moves and status applied; NULL for
 * a meeting made with bmb_meeting_new() until the store fills it),
 * has-record (read-only), notes, outcome, status, agenda (GListModel of
 * BmbAgendaItem, read-only; edit the list with the calls below),
 * action-items (GListModel of BmbActionItem, read-only; idem). */

BmbMeeting       *bmb_meeting_new                   (gint64            session_id,
                                                     const char       *recurrence_id);

gint64            bmb_meeting_get_id                (BmbMeeting       *self);
gint64            bmb_meeting_get_session_id        (BmbMeeting       *self);
const char       *bmb_meeting_get_recurrence_id     (BmbMeeting       *self);
/* From the occurrence's session; 0 when none (or no occurrence yet). */
gint64            bmb_meeting_get_relationship_id   (BmbMeeting       *self);
BmbOccurrence    *bmb_meeting_get_occurrence        (BmbMeeting       *self);
/* The occurrence's start (moved if it was moved) and title, for lists;
 * NULL when there is no occurrence. */
GDateTime        *bmb_meeting_get_start             (BmbMeeting       *self);
const char       *bmb_meeting_get_title             (BmbMeeting       *self);
gboolean          bmb_meeting_get_has_record        (BmbMeeting       *self);

const char       *bmb_meeting_get_notes             (BmbMeeting       *self);
void              bmb_meeting_set_notes             (BmbMeeting       *self,
                                                     const char       *notes);
/* The first non-blank line of the notes, stripped, NULL if none. */
char             *bmb_meeting_dup_notes_first_line  (BmbMeeting       *self);
/* What came of the meeting (decisions, a summary), separate from notes. */
const char       *bmb_meeting_get_outcome           (BmbMeeting       *self);
void              bmb_meeting_set_outcome           (BmbMeeting       *self,
                                                     const char       *outcome);
BmbSessionStatus  bmb_meeting_get_status            (BmbMeeting       *self);
void              bmb_meeting_set_status            (BmbMeeting       *self,
                                                     BmbSessionStatus  status);

/* The agenda, in order (BmbAgendaItem). */
GListModel       *bmb_meeting_get_agenda            (BmbMeeting       *self);
BmbAgendaItem    *bmb_meeting_append_agenda_item    (BmbMeeting       *self,
                                                     const char       *text);
void              bmb_meeting_remove_agenda_item    (BmbMeeting       *self,
                                                     guint             position);
void              bmb_meeting_move_agenda_item      (BmbMeeting       *self,
                                                     guint             from,
                                                     guint             to);

/* The action items agreed in (or carried over into) this meeting, in
 * order (BmbActionItem). Saving the meeting stores them in this order,
 * deletes the meeting's items no longer in the list, and attaches new
 * ones to this meeting, its session and its relationship. */
GListModel       *bmb_meeting_get_action_items      (BmbMeeting       *self);
BmbActionItem    *bmb_meeting_append_action_item    (BmbMeeting       *self,
                                                     BmbActionOwner    owner,
                                                     const char       *text);
/* Adds @item (a new ref) at @position (-1 or past the end: last). */
void              bmb_meeting_insert_action_item    (BmbMeeting       *self,
                                                     int               position,
                                                     BmbActionItem    *item);
void              bmb_meeting_remove_action_item    (BmbMeeting       *self,
                                                     guint             position);
void              bmb_meeting_move_action_item      (BmbMeeting       *self,
                                                     guint             from,
                                                     guint             to);

/* TRUE when nothing in it was written for this meeting: no notes, no
 * outcome, no action items, no ticked agenda item. */
gboolean          bmb_meeting_is_blank              (BmbMeeting       *self);
/* Sort function for GPtrArray of BmbMeeting*: newest start first, then
 * session id and recurrence id descending (the history's order). */
int               bmb_meeting_compare_newest_first  (gconstpointer     a,
                                                     gconstpointer     b);

G_END_DECLS
