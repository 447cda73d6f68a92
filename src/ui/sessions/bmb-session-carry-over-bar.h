/* bmb-session-carry-over-bar.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bmb-mentoring-store.h"

G_BEGIN_DECLS

#define BMB_TYPE_SESSION_CARRY_OVER_BAR (bmb_session_carry_over_bar_get_type ())

G_DECLARE_FINAL_TYPE (BmbSessionCarryOverBar, bmb_session_carry_over_bar,
                      BMB, SESSION_CARRY_OVER_BAR, AdwBin)

/* At the top of the session editor opened on a meeting: what the meeting
 * before left open (its unticked agenda items, the open action items of
 * both sides), with one button to carry it all over. It writes nothing:
 * the editor adds the items to the meeting it shows, saved with Save.
 *
 * Signal: carry-over (GPtrArray *agenda, GPtrArray *action_items): the
 * user clicked Carry Over; BmbAgendaItem and BmbActionItem, borrowed. The
 * bar hides itself. */

/* Looks for open points before (@session_id, @recurrence_id); shows the bar
 * when there are some. */
void  bmb_session_carry_over_bar_load      (BmbSessionCarryOverBar *self,
                                            BmbMentoringStore      *store,
                                            gint64                  session_id,
                                            const char             *recurrence_id);
/* How many points are offered (0: the bar is hidden). */
guint bmb_session_carry_over_bar_get_n_offered (BmbSessionCarryOverBar *self);

G_END_DECLS
