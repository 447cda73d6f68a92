/* bmb-session-changes.h — everything one Save of the session editor writes
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bmb-action-item.h"
#include "bmb-mentoring-store.h"

G_BEGIN_DECLS

typedef struct
{
  GPtrArray *action_items;            /* BmbActionItem, in the order shown */
  GArray    *removed_action_item_ids; /* gint64 */
} BmbSessionChanges;

BmbSessionChanges *bmb_session_changes_new  (void);
void               bmb_session_changes_free (BmbSessionChanges *changes);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BmbSessionChanges, bmb_session_changes_free)

/* Saves @session, @occurrence's own values (nullable) and @changes (nullable) in one
 * transaction: removed action items go, the others are saved in their order, new ones
 * attached to the session and its relationship. On failure nothing is written. */
gboolean bmb_mentoring_store_save_session_changes (BmbMentoringStore  *store,
                                                   BmbSession         *session,
                                                   BmbOccurrence      *occurrence,
                                                   BmbSessionChanges  *changes,
                                                   GError            **error);

G_END_DECLS
