/* bmb-session-summary-section.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bmb-session-editor-section.h"

G_BEGIN_DECLS

#define BMB_TYPE_SESSION_SUMMARY_SECTION (bmb_session_summary_section_get_type ())

G_DECLARE_FINAL_TYPE (BmbSessionSummarySection, bmb_session_summary_section,
                      BMB, SESSION_SUMMARY_SECTION, AdwPreferencesGroup)

/* The relationship a new session starts with (0: none). */
void bmb_session_summary_section_set_default_relationship (BmbSessionSummarySection *self,
                                                           gint64                    relationship_id);

G_END_DECLS
