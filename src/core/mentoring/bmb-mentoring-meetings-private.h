/* bmb-mentoring-meetings-private.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the meeting files of the mentoring store, the session editor's
 * save and the iCalendar code.
 */

#pragma once

#include "bmb-mentoring-meetings.h"

G_BEGIN_DECLS

/* The meeting of @occurrence: its stored record, or the standing agenda. */
BmbMeeting *_bmb_mentoring_store_meeting_for   (BmbMentoringStore  *self,
                                                BmbOccurrence      *occurrence,
                                                GError            **error);
/* bmb_mentoring_store_save_meeting() inside the caller's transaction. */
gboolean    _bmb_mentoring_store_write_meeting (BmbMentoringStore  *self,
                                                BmbMeeting         *meeting,
                                                GError            **error);

G_END_DECLS
