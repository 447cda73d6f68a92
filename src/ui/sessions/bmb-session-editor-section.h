/* bmb-session-editor-section.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One part of the session editor (what, when, agenda, notes, action items,
 * reminders). The editor loads every section from the same session (and the
 * occurrence it was opened on), asks whether they are valid, and applies
 * them to the series or, for the fields an override can hold, to one
 * occurrence only.
 */

#pragma once

#include <adwaita.h>

#include "bmb-meeting.h"
#include "bmb-mentoring-store.h"
#include "bmb-session-changes.h"

G_BEGIN_DECLS

#define BMB_TYPE_SESSION_EDITOR_SECTION (bmb_session_editor_section_get_type ())

G_DECLARE_INTERFACE (BmbSessionEditorSection, bmb_session_editor_section,
                     BMB, SESSION_EDITOR_SECTION, GtkWidget)

struct _BmbSessionEditorSectionInterface
{
  GTypeInterface parent_iface;

  /* Shows @session (a copy the editor owns) as seen from @occurrence
   * (nullable: a new session, or the series itself). @store gives access to
   * relationships and action items. */
  void     (*load)             (BmbSessionEditorSection  *self,
                                BmbMentoringStore        *store,
                                BmbSession               *session,
                                BmbOccurrence            *occurrence);
  /* Writes what the section shows into @session (the whole series). */
  void     (*apply)            (BmbSessionEditorSection  *self,
                                BmbSession               *session);
  /* Optional: writes what an override can hold into @occurrence. */
  void     (*apply_occurrence) (BmbSessionEditorSection  *self,
                                BmbOccurrence            *occurrence);
  /* Optional (default TRUE): whether saving is possible; the section shows
   * its own inline message when it is not. */
  gboolean (*is_valid)         (BmbSessionEditorSection  *self);
  /* Optional: adds what lives outside the session row (action items) to
   * @changes; the core writes it with the session, in one transaction. */
  void     (*collect_changes)  (BmbSessionEditorSection  *self,
                                BmbSessionChanges        *changes);
  /* Optional, for what belongs to one meeting (agenda, notes, action items):
   * after load(), shows @meeting's own record instead of the series'; from
   * then on apply() leaves the series' values alone and apply_meeting()
   * writes what the section shows into @meeting. */
  void     (*load_meeting)     (BmbSessionEditorSection  *self,
                                BmbMeeting               *meeting);
  void     (*apply_meeting)    (BmbSessionEditorSection  *self,
                                BmbMeeting               *meeting);
};

void     bmb_session_editor_section_load             (BmbSessionEditorSection  *self,
                                                      BmbMentoringStore        *store,
                                                      BmbSession               *session,
                                                      BmbOccurrence            *occurrence);
void     bmb_session_editor_section_apply            (BmbSessionEditorSection  *self,
                                                      BmbSession               *session);
void     bmb_session_editor_section_apply_occurrence (BmbSessionEditorSection  *self,
                                                      BmbOccurrence            *occurrence);
gboolean bmb_session_editor_section_is_valid         (BmbSessionEditorSection  *self);
void     bmb_session_editor_section_collect_changes  (BmbSessionEditorSection  *self,
                                                      BmbSessionChanges        *changes);
void     bmb_session_editor_section_load_meeting     (BmbSessionEditorSection  *self,
                                                      BmbMeeting               *meeting);
void     bmb_session_editor_section_apply_meeting    (BmbSessionEditorSection  *self,
                                                      BmbMeeting               *meeting);
/* Sections call this whenever what they show changes. */
void     bmb_session_editor_section_changed          (BmbSessionEditorSection  *self);

G_END_DECLS
