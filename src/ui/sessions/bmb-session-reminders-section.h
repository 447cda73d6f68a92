/* bmb-session-reminders-section.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bmb-session-editor-section.h"

G_BEGIN_DECLS

#define BMB_TYPE_SESSION_REMINDERS_SECTION (bmb_session_reminders_section_get_type ())

G_DECLARE_FINAL_TYPE (BmbSessionRemindersSection, bmb_session_reminders_section,
                      BMB, SESSION_REMINDERS_SECTION, AdwPreferencesGroup)

/* The offsets shown, minutes before the start, ascending. */
GArray *bmb_session_reminders_section_get_offsets (BmbSessionRemindersSection *self);

G_END_DECLS
