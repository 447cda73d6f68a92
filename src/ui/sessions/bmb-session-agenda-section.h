/* bmb-session-agenda-section.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bmb-session-editor-section.h"

G_BEGIN_DECLS

#define BMB_TYPE_SESSION_AGENDA_SECTION (bmb_session_agenda_section_get_type ())

G_DECLARE_FINAL_TYPE (BmbSessionAgendaSection, bmb_session_agenda_section,
                      BMB, SESSION_AGENDA_SECTION, AdwPreferencesGroup)

/* The agenda as shown (BmbAgendaItem copies, in order). */
GListModel *bmb_session_agenda_section_get_items (BmbSessionAgendaSection *self);
/* Moves an item, as a drop or Alt+Up/Down does. */
void        bmb_session_agenda_section_move      (BmbSessionAgendaSection *self,
                                                  guint                    from,
                                                  guint                    to);
/* Adds an unticked item at the end (carried over from the meeting before). */
void        bmb_session_agenda_section_append    (BmbSessionAgendaSection *self,
                                                  const char              *text);

G_END_DECLS
