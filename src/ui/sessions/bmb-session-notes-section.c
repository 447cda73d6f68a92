/* bmb-session-notes-section.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Free-form notes of a session (or of one occurrence of a series).
 */

#define G_LOG_DOMAIN "bmb-session-notes-section"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-session-notes-section.h"

struct _BmbSessionNotesSection
{
  AdwPreferencesGroup  parent_instance;

  /* template widgets */
  GtkTextView         *text_view;

  /* state */
  guint                loading : 1;
  guint                meeting : 1;  /* shows one meeting's notes */
};

static void section_iface_init (BmbSessionEditorSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BmbSessionNotesSection, bmb_session_notes_section,
                               ADW_TYPE_PREFERENCES_GROUP,
                               G_IMPLEMENT_INTERFACE (BMB_TYPE_SESSION_EDITOR_SECTION,
                                                      section_iface_init))

static char *
dup_notes (BmbSessionNotesSection *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  g_autofree char *stripped = NULL;
  GtkTextIter start, end;
  char *text;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  /* Only whitespace is no notes at all. */
  stripped = g_strstrip (g_strdup (text));
  if (stripped[0] == '\0')
    g_clear_pointer (&text, g_free);

  return text;
}

static void
on_buffer_changed_cb (BmbSessionNotesSection *self)
{
  if (!self->loading)
    bmb_session_editor_section_changed (BMB_SESSION_EDITOR_SECTION (self));
}

static void
bmb_session_notes_section_load (BmbSessionEditorSection *section,
                                BmbMentoringStore       *store,
                                BmbSession              *session,
                                BmbOccurrence           *occurrence)
{
  BmbSessionNotesSection *self = BMB_SESSION_NOTES_SECTION (section);
  const char *notes = occurrence != NULL ? bmb_occurrence_get_notes (occurrence)
                                         : bmb_session_get_notes (session);

  self->meeting = FALSE;
  self->loading = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view),
                            notes != NULL ? notes : "", -1);
  self->loading = FALSE;
}

static void
bmb_session_notes_section_load_meeting (BmbSessionEditorSection *section,
                                        BmbMeeting              *meeting)
{
  BmbSessionNotesSection *self = BMB_SESSION_NOTES_SECTION (section);
  const char *notes = bmb_meeting_get_notes (meeting);

  self->meeting = TRUE;
  self->loading = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view),
                            notes != NULL ? notes : "", -1);
  self->loading = FALSE;
}

static void
bmb_session_notes_section_apply_meeting (BmbSessionEditorSection *section,
                                         BmbMeeting              *meeting)
{
  g_autofree char *notes = dup_notes (BMB_SESSION_NOTES_SECTION (section));

  bmb_meeting_set_notes (meeting, notes);
}

static void
bmb_session_notes_section_apply (BmbSessionEditorSection *section,
                                 BmbSession              *session)
{
  g_autofree char *notes = NULL;

  /* A meeting's notes are its own, not the series'. */
  if (BMB_SESSION_NOTES_SECTION (section)->meeting)
    return;

  notes = dup_notes (BMB_SESSION_NOTES_SECTION (section));
  bmb_session_set_notes (session, notes);
}

static void
bmb_session_notes_section_apply_occurrence (BmbSessionEditorSection *section,
                                            BmbOccurrence           *occurrence)
{
  g_autofree char *notes = NULL;

  if (BMB_SESSION_NOTES_SECTION (section)->meeting)
    return;

  notes = dup_notes (BMB_SESSION_NOTES_SECTION (section));
  bmb_occurrence_set_notes (occurrence, notes);
}

static void
section_iface_init (BmbSessionEditorSectionInterface *iface)
{
  iface->load = bmb_session_notes_section_load;
  iface->apply = bmb_session_notes_section_apply;
  iface->apply_occurrence = bmb_session_notes_section_apply_occurrence;
  iface->load_meeting = bmb_session_notes_section_load_meeting;
  iface->apply_meeting = bmb_session_notes_section_apply_meeting;
}

static void
bmb_session_notes_section_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), BMB_TYPE_SESSION_NOTES_SECTION);

  G_OBJECT_CLASS (bmb_session_notes_section_parent_class)->dispose (object);
}

static void
bmb_session_notes_section_class_init (BmbSessionNotesSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bmb_session_notes_section_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/bmb-session-notes-section.ui");
  gtk_widget_class_bind_template_child (widget_class, BmbSessionNotesSection, text_view);
}

static void
bmb_session_notes_section_init (BmbSessionNotesSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (on_buffer_changed_cb), self, G_CONNECT_SWAPPED);
}
