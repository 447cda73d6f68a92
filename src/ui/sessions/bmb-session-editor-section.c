/* bmb-session-editor-section.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-session-editor-section"

#include "config.h"

#include "bmb-session-editor-section.h"

G_DEFINE_INTERFACE (BmbSessionEditorSection, bmb_session_editor_section, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
bmb_session_editor_section_default_init (BmbSessionEditorSectionInterface *iface)
{
  /**
   * BmbSessionEditorSection::changed:
   *
   * What the section shows changed (validity may have changed with it).
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_INTERFACE (iface),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

void
bmb_session_editor_section_load (BmbSessionEditorSection *self,
                                 BmbMentoringStore       *store,
                                 BmbSession              *session,
                                 BmbOccurrence           *occurrence)
{
  g_return_if_fail (BMB_IS_SESSION_EDITOR_SECTION (self));
  g_return_if_fail (BMB_IS_MENTORING_STORE (store));
  g_return_if_fail (BMB_IS_SESSION (session));
  g_return_if_fail (occurrence == NULL || BMB_IS_OCCURRENCE (occurrence));

  BMB_SESSION_EDITOR_SECTION_GET_IFACE (self)->load (self, store, session, occurrence);
}

void
bmb_session_editor_section_apply (BmbSessionEditorSection *self,
                                  BmbSession              *session)
{
  g_return_if_fail (BMB_IS_SESSION_EDITOR_SECTION (self));
  g_return_if_fail (BMB_IS_SESSION (session));

  BMB_SESSION_EDITOR_SECTION_GET_IFACE (self)->apply (self, session);
}

void
bmb_session_editor_section_apply_occurrence (BmbSessionEditorSection *self,
                                             BmbOccurrence           *occurrence)
{
  BmbSessionEditorSectionInterface *iface;

  g_return_if_fail (BMB_IS_SESSION_EDITOR_SECTION (self));
  g_return_if_fail (BMB_IS_OCCURRENCE (occurrence));

  iface = BMB_SESSION_EDITOR_SECTION_GET_IFACE (self);
  if (iface->apply_occurrence != NULL)
    iface->apply_occurrence (self, occurrence);
}

gboolean
bmb_session_editor_section_is_valid (BmbSessionEditorSection *self)
{
  BmbSessionEditorSectionInterface *iface;

  g_return_val_if_fail (BMB_IS_SESSION_EDITOR_SECTION (self), FALSE);

  iface = BMB_SESSION_EDITOR_SECTION_GET_IFACE (self);
  if (iface->is_valid == NULL)
    return TRUE;

  return iface->is_valid (self);
}

void
bmb_session_editor_section_collect_changes (BmbSessionEditorSection *self,
                                            BmbSessionChanges       *changes)
{
  BmbSessionEditorSectionInterface *iface;

  g_return_if_fail (BMB_IS_SESSION_EDITOR_SECTION (self));
  g_return_if_fail (changes != NULL);

  iface = BMB_SESSION_EDITOR_SECTION_GET_IFACE (self);
  if (iface->collect_changes != NULL)
    iface->collect_changes (self, changes);
}

void
bmb_session_editor_section_load_meeting (BmbSessionEditorSection *self,
                                         BmbMeeting              *meeting)
{
  BmbSessionEditorSectionInterface *iface;

  g_return_if_fail (BMB_IS_SESSION_EDITOR_SECTION (self));
  g_return_if_fail (BMB_IS_MEETING (meeting));

  iface = BMB_SESSION_EDITOR_SECTION_GET_IFACE (self);
  if (iface->load_meeting != NULL)
    iface->load_meeting (self, meeting);
}

void
bmb_session_editor_section_apply_meeting (BmbSessionEditorSection *self,
                                          BmbMeeting              *meeting)
{
  BmbSessionEditorSectionInterface *iface;

  g_return_if_fail (BMB_IS_SESSION_EDITOR_SECTION (self));
  g_return_if_fail (BMB_IS_MEETING (meeting));

  iface = BMB_SESSION_EDITOR_SECTION_GET_IFACE (self);
  if (iface->apply_meeting != NULL)
    iface->apply_meeting (self, meeting);
}

void
bmb_session_editor_section_changed (BmbSessionEditorSection *self)
{
  g_return_if_fail (BMB_IS_SESSION_EDITOR_SECTION (self));

  g_signal_emit (self, signals[CHANGED], 0);
}
