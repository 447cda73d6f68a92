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

#include "bmb-mentoring-store.h"
#include "bmb-recurrence.h"

G_BEGIN_DECLS

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
void     _bmb_action_item_set_times        (BmbActionItem   *self,
                                            gint64           done_at,
                                            gint64           created_at);
void     _bmb_occurrence_set_overridden    (BmbOccurrence   *self,
                                            gboolean         overridden);

/* Overrides as read from session_overrides (NULL fields: unchanged). */
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
gboolean   _bmb_mentoring_store_clear_overrides (BmbMentoringStore *self,
                                                 gint64             session_id,
                                                 GError           **error);

/* Current time, Unix seconds (stored forms are checked by bmb-local-time.h). */
gint64     _bmb_now                            (void);

G_END_DECLS
