/* bmb-session-action-items-section.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bmb-session-editor-section.h"

G_BEGIN_DECLS

#define BMB_TYPE_SESSION_ACTION_ITEMS_SECTION (bmb_session_action_items_section_get_type ())

G_DECLARE_FINAL_TYPE (BmbSessionActionItemsSection, bmb_session_action_items_section,
                      BMB, SESSION_ACTION_ITEMS_SECTION, AdwPreferencesGroup)

/* The action items as shown (BmbActionItem), in order. */
GListModel *bmb_session_action_items_section_get_items (BmbSessionActionItemsSection *self);
/* Adds an existing open item at the end (carried over from an earlier
 * meeting): saved with this meeting, it moves to it. */
void        bmb_session_action_items_section_append    (BmbSessionActionItemsSection *self,
                                                        BmbActionItem                *item);

G_END_DECLS
