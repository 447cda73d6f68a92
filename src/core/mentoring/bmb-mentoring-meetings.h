/* bmb-mentoring-meetings.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Meeting records (bmb-meeting.h) in the mentoring store: read and save one
 * meeting, move / cancel / delete one, carry open points over from the
 * previous meeting, the history of past meetings in pages, and full-text
 * search that returns meetings. Every write is one call and one
 * transaction, marking BMB_CHANGE_SESSIONS (and _ACTION_ITEMS when action
 * items changed). Lists are new GPtrArrays of new BmbMeetings (free func
 * set), each with its occurrence, agenda and action items loaded.
 */

#pragma once

#include "bmb-meeting.h"
#include "bmb-mentoring-store.h"

G_BEGIN_DECLS

/* Most meetings one page of history or search returns. */
#define BMB_MEETINGS_PAGE_MAX 200

/* ---- One meeting ---------------------------------------------------------- */

/* The record of (@session_id, @recurrence_id). Without a stored record:
 * the standing agenda, empty notes, has-record FALSE. Error
 * BMB_DATABASE_ERROR_NOT_FOUND when the series has no such occurrence (and
 * no record is stored for it). */
BmbMeeting *bmb_mentoring_store_get_meeting          (BmbMentoringStore  *self,
                                                      gint64              session_id,
                                                      const char         *recurrence_id,
                                                      GError            **error);
/* Stores @meeting's record: agenda (order and ticks), notes, outcome,
 * status and action items (order honoured; those removed from the list are
 * deleted, new ones attached to the meeting). Sets the ids on @meeting, its
 * agenda items and its action items, and has-record. */
gboolean    bmb_mentoring_store_save_meeting         (BmbMentoringStore  *self,
                                                      BmbMeeting         *meeting,
                                                      GError            **error);
/* Moves one occurrence to @start (any zone; stored in the session's) for
 * @duration_min minutes (0: unchanged). Its record stays with it. A
 * one-off session moves as a whole. */
gboolean    bmb_mentoring_store_move_meeting         (BmbMentoringStore  *self,
                                                      gint64              session_id,
                                                      const char         *recurrence_id,
                                                      GDateTime          *start,
                                                      int                 duration_min,
                                                      GError            **error);
/* Marks one occurrence cancelled; its record (notes, agenda…) stays and
 * it still shows, as cancelled, in lists and history. Undo with
 * bmb_mentoring_store_set_occurrence_status(…, BMB_SESSION_STATUS_PLANNED). */
gboolean    bmb_mentoring_store_cancel_meeting       (BmbMentoringStore  *self,
                                                      gint64              session_id,
                                                      const char         *recurrence_id,
                                                      GError            **error);
/* Deletes the meeting's record (notes, outcome, its agenda and action
 * items) but not the occurrence, which then reads as the standing agenda
 * again. Removing the occurrence from the schedule altogether is
 * bmb_mentoring_store_delete_occurrence(), which deletes the record too. */
gboolean    bmb_mentoring_store_delete_meeting       (BmbMentoringStore  *self,
                                                      gint64              session_id,
                                                      const char         *recurrence_id,
                                                      GError            **error);

/* ---- Carry-over ------------------------------------------------------------ */

/* The meeting before (@session_id, @recurrence_id): the latest earlier
 * occurrence, not cancelled, of any session of the same relationship (of
 * the same series when the session has no relationship), looking back at
 * most ten years. NULL without error when there is none. */
BmbMeeting *bmb_mentoring_store_get_previous_meeting (BmbMentoringStore  *self,
                                                      gint64              session_id,
                                                      const char         *recurrence_id,
                                                      GError            **error);
/* What the meeting can carry over: @previous (nullable out: the previous
 * meeting, NULL if none), @agenda (BmbAgendaItem: the previous meeting's
 * unticked agenda items that this meeting's agenda does not already have,
 * same text) and @action_items (BmbActionItem, both owners: open items of
 * the relationship, or of the series when it has none, that belong to no
 * later meeting and not to this one). Both out lists are new, maybe
 * empty. */
gboolean    bmb_mentoring_store_list_carry_over      (BmbMentoringStore  *self,
                                                      gint64              session_id,
                                                      const char         *recurrence_id,
                                                      BmbMeeting        **previous,
                                                      GPtrArray         **agenda,
                                                      GPtrArray         **action_items,
                                                      GError            **error);
/* Carries the chosen items into (@session_id, @recurrence_id)'s record,
 * creating it from the standing agenda if it has none, in one transaction:
 * agenda items (ids from list_carry_over's @agenda; nullable array of
 * gint64) are appended as new unticked items (the previous meeting keeps
 * its own); action items (ids, nullable array of gint64) move to this
 * meeting, appended, still open. Returns the updated meeting. */
BmbMeeting *bmb_mentoring_store_carry_over           (BmbMentoringStore  *self,
                                                      gint64              session_id,
                                                      const char         *recurrence_id,
                                                      GArray             *agenda_item_ids,
                                                      GArray             *action_item_ids,
                                                      GError            **error);

/* ---- History and search ----------------------------------------------------- */

/* Past meetings, newest first: occurrences that started before @before
 * (NULL: now), cancelled ones included (their status says so), of one
 * relationship (@relationship_id > 0) or of every session (0), at most
 * @limit (1 … BMB_MEETINGS_PAGE_MAX), looking back at most ten years.
 * Pages by keyset: pass the last meeting of the previous page as @after
 * (NULL for the first page). Reads only the window it returns. */
GPtrArray  *bmb_mentoring_store_list_past_meetings   (BmbMentoringStore  *self,
                                                      gint64              relationship_id,
                                                      GDateTime          *before,
                                                      BmbMeeting         *after,
                                                      guint               limit,
                                                      GError            **error);
/* Full-text search (each word a prefix, as bmb_mentoring_store_search_sessions())
 * over each meeting's notes, outcome, agenda, action items and its own title
 * and location, and over each series' title, location and standing agenda.
 * Returns the meetings that match, best first: a meeting whose record
 * matches once; a series that matches only by its own text once, as its
 * next occurrence (its last one if it has no next). @offset / @limit
 * (1 … BMB_MEETINGS_PAGE_MAX) page through the matches. */
GPtrArray  *bmb_mentoring_store_search_meetings      (BmbMentoringStore  *self,
                                                      const char         *text,
                                                      guint               offset,
                                                      guint               limit,
                                                      GError            **error);

G_END_DECLS
