/* bmb-mentoring-private.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the mentoring store sets on models that callers may only read, and
 * helpers shared by the store's files, the iCalendar code and the agenda.
 */

#pragma once

#include <sqlite3.h>

#include "bmb-meeting.h"
#include "bmb-mentoring-store.h"
#include "bmb-recurrence.h"

G_BEGIN_DECLS

/* Rolls back the transaction a write began and says it failed (the GError is set). */
static inline gboolean
_bmb_mentoring_rollback_and_fail (BmbDatabase *db)
{
  bmb_database_rollback (db);
  return FALSE;
}

/* A row that is not there: BMB_DATABASE_ERROR_NOT_FOUND with @message. */
static inline void
_bmb_mentoring_set_not_found (GError     **error,
                              const char  *message,
                              gint64       id)
{
  g_debug ("Row %" G_GINT64_FORMAT " not found", id);
  g_set_error_literal (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_NOT_FOUND, message);
}

/* Like g_set_str() (GLib 2.76); empty strings become NULL when @empty_is_null. */
static inline gboolean
_bmb_replace_str (char       **field,
                  const char  *value,
                  gboolean     empty_is_null)
{
  if (empty_is_null && value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

/* Model fields owned by the store. */
void     _bmb_relationship_set_id          (BmbRelationship *self,
                                            gint64           id);
void     _bmb_relationship_set_names       (BmbRelationship *self,
                                            const char      *mentor_name,
                                            const char      *mentee_name);
void     _bmb_relationship_set_timestamps  (BmbRelationship *self,
                                            gint64           created_at,
                                            gint64           updated_at);
void     _bmb_session_set_id               (BmbSession      *self,
                                            gint64           id);
void     _bmb_session_set_timestamps       (BmbSession      *self,
                                            gint64           created_at,
                                            gint64           updated_at);
/* Comma-separated forms as stored in sessions.exdates / .reminders. */
char    *_bmb_session_dup_exdates_string   (BmbSession      *self);
void     _bmb_session_set_exdates_string   (BmbSession      *self,
                                            const char      *exdates);
char    *_bmb_session_dup_reminders_string (BmbSession      *self);
gboolean _bmb_session_set_reminders_string (BmbSession      *self,
                                            const char      *reminders);
void     _bmb_agenda_item_set_id           (BmbAgendaItem   *self,
                                            gint64           id);
void     _bmb_action_item_set_id           (BmbActionItem   *self,
                                            gint64           id);
void     _bmb_action_item_set_meeting      (BmbActionItem   *self,
                                            gint64           meeting_id,
                                            const char      *recurrence_id);
void     _bmb_action_item_set_times        (BmbActionItem   *self,
                                            gint64           done_at,
                                            gint64           created_at);
void     _bmb_meeting_set_id               (BmbMeeting      *self,
                                            gint64           id);
void     _bmb_meeting_set_has_record       (BmbMeeting      *self,
                                            gboolean         has_record);
void     _bmb_meeting_set_occurrence       (BmbMeeting      *self,
                                            BmbOccurrence   *occurrence);
void     _bmb_occurrence_set_overridden    (BmbOccurrence   *self,
                                            gboolean         overridden);

/* Schedule changes of one occurrence as read from meetings (NULL fields:
 * unchanged; notes: the meeting's own). */
typedef struct
{
  char             *occurrence_start;
  char             *start_local;
  int               duration_min;  /* 0: unchanged */
  char             *title;
  char             *location;
  char             *notes;
  gboolean          has_status;
  BmbSessionStatus  status;
} BmbSessionOverride;

void     _bmb_session_override_free        (BmbSessionOverride *override);
/* The occurrence of @session with @override (nullable) applied. */
BmbOccurrence *_bmb_occurrence_new_with_override (BmbSession               *session,
                                                  const char               *recurrence_id,
                                                  GDateTime                *original_start,
                                                  const BmbSessionOverride *override);

/* Store internals shared between bmb-mentoring-store*.c. */
#define SESSION_COLUMNS                                                           \
  "s.id, s.uid, s.relationship_id, s.title, s.start_local, s.tzid, "              \
  "s.duration_min, s.location, s.notes, s.rrule, s.exdates, s.reminders, "        \
  "s.status, s.created_at, s.updated_at FROM sessions s "

/* Action items: ACTION_ITEM_COLUMNS first in a row. */
#define ACTION_ITEM_COLUMNS                                                       \
  "a.id, a.relationship_id, a.session_id, a.owner, a.text, a.due_on, a.done, "    \
  "a.done_at, a.position, a.created_at, a.meeting_id, am.occurrence_start "        \
  "FROM action_items a LEFT JOIN meetings am ON am.id = a.meeting_id "

BmbActionItem *_bmb_action_item_from_row (sqlite3_stmt *stmt);
GPtrArray *_bmb_mentoring_store_collect_action_items (BmbDatabase   *db,
                                                      sqlite3_stmt  *stmt,
                                                      GError       **error);

/* Rows of @stmt (SESSION_COLUMNS first) as sessions, with their agenda. */
GPtrArray *_bmb_mentoring_store_collect_sessions (BmbDatabase   *db,
                                                  sqlite3_stmt  *stmt,
                                                  GError       **error);
GPtrArray *_bmb_mentoring_store_list_overrides (BmbMentoringStore  *self,
                                                gint64              session_id,
                                                GError            **error);
/* The longest reminder offset of any session, in minutes; -1 on error. */
int        _bmb_mentoring_store_max_reminder   (BmbMentoringStore  *self,
                                                GError            **error);
/* The partner's name of a session's relationship, NULL if none. */
char      *_bmb_mentoring_store_dup_partner    (BmbMentoringStore  *self,
                                                gint64              relationship_id,
                                                GError            **error);
/* Expands sessions (a GPtrArray of BmbSession) into occurrences overlapping
 * [from, to), appended to @out, taking steps from @budget; the series it
 * could not expand completely are appended to @incomplete (a new ref each). */
gboolean   _bmb_mentoring_store_expand         (BmbMentoringStore  *self,
                                                GPtrArray          *sessions,
                                                gint64              from,
                                                gint64              to,
                                                BmbExpansionBudget *budget,
                                                GPtrArray          *out,
                                                GPtrArray          *incomplete,
                                                GError            **error);
/* Writes @session's row, agenda and reminders without a transaction of its
 * own (the caller holds one). */
gboolean   _bmb_mentoring_store_write_session  (BmbMentoringStore  *self,
                                                BmbSession         *session,
                                                GError            **error);
gboolean   _bmb_mentoring_store_write_override (BmbMentoringStore  *self,
                                                gint64              session_id,
                                                const BmbSessionOverride *override,
                                                GError            **error);
gboolean   _bmb_mentoring_store_clear_override (BmbDatabase       *db,
                                                gint64             session_id,
                                                const char        *occurrence_start,
                                                GError           **error);
gboolean   _bmb_mentoring_store_prune_meetings (BmbDatabase       *db,
                                                gint64             session_id,
                                                const char        *occurrence_start,
                                                GError           **error);
gboolean   _bmb_mentoring_store_clear_overrides (BmbMentoringStore *self,
                                                 gint64             session_id,
                                                 GError           **error);

gboolean   _bmb_mentoring_store_drop_orphan_overrides (BmbMentoringStore *self,
                                                       BmbSession        *session,
                                                       GError           **error);
/* Is @recurrence_id an occurrence of the series (rule and EXDATEs)? */
gboolean   _bmb_session_has_occurrence         (BmbSession         *session,
                                                const char         *recurrence_id);
/* Sets one meeting's notes (creating its row), without a transaction. */
gboolean   _bmb_mentoring_store_set_meeting_notes (BmbMentoringStore *self,
                                                   BmbSession        *session,
                                                   const char        *recurrence_id,
                                                   const char        *notes,
                                                   GError           **error);
/* Makes (session, recurrence id) a record (its agenda from the standing
 * agenda when it had none) and returns its id; 0 with @error. */
gint64     _bmb_mentoring_store_ensure_record  (BmbMentoringStore  *self,
                                                BmbSession         *session,
                                                const char         *recurrence_id,
                                                GError            **error);

/* Current time, Unix seconds (stored forms are checked by bmb-local-time.h). */
gint64     _bmb_now                            (void);

G_END_DECLS
