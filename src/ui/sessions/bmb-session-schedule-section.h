/* bmb-session-schedule-section.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bmb-session-editor-section.h"

G_BEGIN_DECLS

#define BMB_TYPE_SESSION_SCHEDULE_SECTION (bmb_session_schedule_section_get_type ())

G_DECLARE_FINAL_TYPE (BmbSessionScheduleSection, bmb_session_schedule_section,
                      BMB, SESSION_SCHEDULE_SECTION, AdwPreferencesGroup)

/* TRUE when the user changed what only a whole series can have: the repeat
 * rule or the time zone. */
gboolean   bmb_session_schedule_section_changes_series (BmbSessionScheduleSection *self);
/* The start as shown (date, time and zone of the rows). */
GDateTime *bmb_session_schedule_section_dup_start      (BmbSessionScheduleSection *self);
/* The zone used by sessions created without one: the system's. */
char      *bmb_session_schedule_section_dup_system_tzid (void);

G_END_DECLS
