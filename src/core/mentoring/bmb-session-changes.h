/* bmb-session-changes.h — everything one Save of the session editor writes
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bmb-action-item.h"
#include "bmb-meeting.h"
#include "bmb-mentoring-store.h"

G_BEGIN_DECLS

typedef struct
{
  GPtrArray  *action_items;            /* BmbActionItem, in the order shown */
  GArray     *removed_action_item_ids; /* gint64 */
  BmbMeeting *meeting;                 /* nullable, owned: the record edited */
} BmbSessionChanges;

BmbSessionChanges *bmb_session_changes_new  (void);
void               bmb_session_changes_free (BmbSessionChanges *changes);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BmbSessionChanges, bmb_session_changes_free)

/* Saves, in one transaction (on failure nothing is written):
 * - @session: the series (schedule, title, reminders, its agenda = the standing agenda
 *   that pre-fills meetings without a record of their own);
 * - @occurrence (nullable): the edited occurrence's own schedule values (moved start,
 *   duration, title, location, status) and notes, kept with its meeting record;
 * - @changes (nullable): @changes->meeting (nullable) is the edited meeting's record,
 *   saved as bmb_mentoring_store_save_meeting() does (agenda with ticks, notes, outcome,
 *   status, action items in order); it wins over @occurrence's notes and status. The
 *   older @changes->action_items / removed_action_item_ids still work: removed items go,
 *   the others are saved in their order, new ones attached to @occurrence's meeting (to
 *   the series when @occurrence is NULL) and the session's relationship. */
gboolean bmb_mentoring_store_save_session_changes (BmbMentoringStore  *store,
                                                   BmbSession         *session,
                                                   BmbOccurrence      *occurrence,
                                                   BmbSessionChanges  *changes,
                                                   GError            **error);

G_END_DECLS
