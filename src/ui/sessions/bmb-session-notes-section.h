/* bmb-session-notes-section.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bmb-session-editor-section.h"

G_BEGIN_DECLS

#define BMB_TYPE_SESSION_NOTES_SECTION (bmb_session_notes_section_get_type ())

G_DECLARE_FINAL_TYPE (BmbSessionNotesSection, bmb_session_notes_section,
                      BMB, SESSION_NOTES_SECTION, AdwPreferencesGroup)

G_END_DECLS
