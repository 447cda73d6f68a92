/* bmb-mentoring-store.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Relationships, sessions (with agenda, reminders and per-occurrence
 * overrides) and action items over a BmbDatabase. Synchronous; every write
 * is one transaction that marks BMB_CHANGE_RELATIONSHIPS, _SESSIONS or
 * _ACTION_ITEMS. Lists are new GPtrArrays of new objects (free func set):
 * hand them to a GListStore with g_list_store_splice().
 */

#pragma once

#include "bmb-action-item.h"
#include "bmb-database.h"
#include "bmb-occurrence.h"
#include "bmb-relationship.h"
#include "bmb-session.h"

G_BEGIN_DECLS

#define BMB_TYPE_MENTORING_STORE (bmb_mentoring_store_get_type ())

G_DECLARE_FINAL_TYPE (BmbMentoringStore, bmb_mentoring_store, BMB, MENTORING_STORE, GObject)

/* Property: database (construct-only). */
BmbMentoringStore *bmb_mentoring_store_new                  (BmbDatabase        *database);
BmbDatabase       *bmb_mentoring_store_get_database         (BmbMentoringStore  *self);

/* ---- Relationships ------------------------------------------------------ */

/* Inserts (id 0: the new id is set on @relationship) or updates. */
gboolean    bmb_mentoring_store_save_relationship           (BmbMentoringStore  *self,
                                                             BmbRelationship    *relationship,
                                                             GError            **error);
BmbRelationship *bmb_mentoring_store_get_relationship       (BmbMentoringStore  *self,
                                                             gint64              id,
                                                             GError            **error);
/* Deletes it with its sessions and action items (ON DELETE CASCADE). */
gboolean    bmb_mentoring_store_delete_relationship         (BmbMentoringStore  *self,
                                                             gint64              id,
                                                             GError            **error);
/* Active ones first (not ended), then by display title. */
GPtrArray  *bmb_mentoring_store_list_relationships          (BmbMentoringStore  *self,
                                                             GError            **error);
/* The ids of every relationship in list_relationships()'s order, read
 * without the long texts (a paged list fetches the rows it shows). */
GArray     *bmb_mentoring_store_list_relationship_ids       (BmbMentoringStore  *self,
                                                             GError            **error);
/* Those where @contact_id is mentor or mentee (for the Contacts page). */
GPtrArray  *bmb_mentoring_store_list_relationships_for_contact (BmbMentoringStore *self,
                                                             gint64              contact_id,
                                                             GError            **error);
/* Records the closure summary, sets ended_on (@ended_on NULL: today) and
 * moves the phase to closure. */
gboolean    bmb_mentoring_store_end_relationship            (BmbMentoringStore  *self,
                                                             gint64              id,
                                                             const char         *ended_on,
                                                             const char         *achieved,
                                                             const char         *thanks,
                                                             const char         *next_steps,
                                                             GError            **error);

/* ---- Sessions (the whole series) ---------------------------------------- */

/* Inserts (id 0; a UID is generated when unset) or updates the series with
 * its agenda and reminders. Overrides whose occurrence no longer exists in
 * the edited series are dropped. */
gboolean    bmb_mentoring_store_save_session                (BmbMentoringStore  *self,
                                                             BmbSession         *session,
                                                             GError            **error);
BmbSession *bmb_mentoring_store_get_session                 (BmbMentoringStore  *self,
                                                             gint64              id,
                                                             GError            **error);
/* NULL without error when there is none. */
BmbSession *bmb_mentoring_store_find_session_by_uid         (BmbMentoringStore  *self,
                                                             const char         *uid,
                                                             GError            **error);
gboolean    bmb_mentoring_store_delete_session              (BmbMentoringStore  *self,
                                                             gint64              id,
                                                             GError            **error);
/* @relationship_id 0: every session. Ordered by first start. */
GPtrArray  *bmb_mentoring_store_list_sessions               (BmbMentoringStore  *self,
                                                             gint64              relationship_id,
                                                             GError            **error);
/* Full-text search (prefix match on every word) in title, location, notes
 * and standing agenda, and in the records of the series' meetings (each
 * series once; bmb_mentoring_store_search_meetings() returns the meetings
 * themselves); best match first. Text without a letter or digit matches
 * nothing; words past BMB_LIMIT_SEARCH_WORDS are ignored (bmb-search-query.h). */
GPtrArray  *bmb_mentoring_store_search_sessions             (BmbMentoringStore  *self,
                                                             const char         *text,
                                                             GError            **error);

/* ---- Occurrences -------------------------------------------------------- */

/* Occurrences overlapping [@from, @to), cancelled ones included (status
 * says so), sorted by start. @relationship_id 0: all. The series of one
 * query share BMB_LIMIT_EXPANSION_STEPS of rule expansion; when a series
 * repeats too often to be expanded within them, the result is an error
 * (BMB_RECURRENCE_ERROR_INCOMPLETE, naming the session), never a list that
 * silently lacks occurrences. */
GPtrArray  *bmb_mentoring_store_list_occurrences            (BmbMentoringStore  *self,
                                                             gint64              relationship_id,
                                                             GDateTime          *from,
                                                             GDateTime          *to,
                                                             GError            **error);
/* The same, but a series that could not be expanded completely does not
 * fail the query: it is listed in @incomplete (a new GPtrArray of
 * BmbSession, empty when the result is complete) and the result holds only
 * its first occurrences in the window, for the caller to show or log. */
GPtrArray  *bmb_mentoring_store_list_occurrences_full       (BmbMentoringStore  *self,
                                                             gint64              relationship_id,
                                                             GDateTime          *from,
                                                             GDateTime          *to,
                                                             GPtrArray         **incomplete,
                                                             GError            **error);
/* The occurrences of one session overlapping [@from, @to), in order, for a
 * list that follows one session's change; an empty array when the session
 * is gone. A series too frequent to expand lists what it could. */
GPtrArray  *bmb_mentoring_store_list_session_occurrences    (BmbMentoringStore  *self,
                                                             gint64              session_id,
                                                             GDateTime          *from,
                                                             GDateTime          *to,
                                                             GError            **error);
/* What a list of a window of weeks needs to know about the rest without
 * reading it: how many sessions there are, whether one may have meetings
 * at or after @to_local (it starts there or repeats), and whether one starts
 * before @from_local (stored local wall-clock times). Index lookups only. */
gboolean    bmb_mentoring_store_get_session_span            (BmbMentoringStore  *self,
                                                             const char         *from_local,
                                                             const char         *to_local,
                                                             guint              *n_sessions,
                                                             gboolean           *has_later,
                                                             gboolean           *has_earlier,
                                                             GError            **error);
/* The first occurrence starting at or after @after that is not cancelled,
 * looking ahead at most two years; NULL without error if none (and an
 * error, as for list_occurrences(), when a series is too frequent to tell).
 * @relationship_id 0: any. */
BmbOccurrence *bmb_mentoring_store_get_next_occurrence      (BmbMentoringStore  *self,
                                                             gint64              relationship_id,
                                                             GDateTime          *after,
                                                             GError            **error);
/* The latest occurrence that started before @before and was not cancelled,
 * with its notes; NULL without error if none. */
BmbOccurrence *bmb_mentoring_store_get_previous_occurrence  (BmbMentoringStore  *self,
                                                             gint64              relationship_id,
                                                             GDateTime          *before,
                                                             GError            **error);
/* One occurrence by its recurrence id, with its override applied; error
 * BMB_DATABASE_ERROR_NOT_FOUND if the series has no such occurrence. */
BmbOccurrence *bmb_mentoring_store_get_occurrence           (BmbMentoringStore  *self,
                                                             gint64              session_id,
                                                             const char         *recurrence_id,
                                                             GError            **error);
/* Stores what differs in @occurrence from its series (start, duration,
 * title, location, status) and its notes (a meeting's own, never the
 * series') with that one occurrence's meeting; its record stays. For a
 * non-recurring session the session itself is updated. */
gboolean    bmb_mentoring_store_save_occurrence             (BmbMentoringStore  *self,
                                                             BmbOccurrence      *occurrence,
                                                             GError            **error);
/* Marks one occurrence done / planned / cancelled (override status). */
gboolean    bmb_mentoring_store_set_occurrence_status       (BmbMentoringStore  *self,
                                                             gint64              session_id,
                                                             const char         *recurrence_id,
                                                             BmbSessionStatus    status,
                                                             GError            **error);
/* Removes one occurrence from the series altogether (EXDATE), with its
 * meeting record (its action items stay on the session). For a
 * non-recurring session, deletes the session. */
gboolean    bmb_mentoring_store_delete_occurrence           (BmbMentoringStore  *self,
                                                             gint64              session_id,
                                                             const char         *recurrence_id,
                                                             GError            **error);
/* Drops an occurrence's schedule changes: it follows the series' time,
 * title and place again. Its meeting record (notes, agenda…) stays. */
gboolean    bmb_mentoring_store_revert_occurrence           (BmbMentoringStore  *self,
                                                             gint64              session_id,
                                                             const char         *recurrence_id,
                                                             GError            **error);

/* ---- Action items ------------------------------------------------------- */

gboolean    bmb_mentoring_store_save_action_item            (BmbMentoringStore  *self,
                                                             BmbActionItem      *item,
                                                             GError            **error);
gboolean    bmb_mentoring_store_set_action_item_done        (BmbMentoringStore  *self,
                                                             gint64              id,
                                                             gboolean            done,
                                                             GError            **error);
gboolean    bmb_mentoring_store_delete_action_item          (BmbMentoringStore  *self,
                                                             gint64              id,
                                                             GError            **error);
/* Open ones of a relationship (including those of its sessions), by due
 * date (none last), then position. */
GPtrArray  *bmb_mentoring_store_list_open_action_items      (BmbMentoringStore  *self,
                                                             gint64              relationship_id,
                                                             GError            **error);
/* Every action item of a relationship (@session_id 0) or of one session
 * (@relationship_id 0), open first. */
GPtrArray  *bmb_mentoring_store_list_action_items           (BmbMentoringStore  *self,
                                                             gint64              relationship_id,
                                                             gint64              session_id,
                                                             GError            **error);

G_END_DECLS
