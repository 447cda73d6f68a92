/* bmb-relationship-editor.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bmb-context.h"
#include "bmb-mentoring-store.h"

G_BEGIN_DECLS

#define BMB_TYPE_RELATIONSHIP_EDITOR (bmb_relationship_editor_get_type ())

G_DECLARE_FINAL_TYPE (BmbRelationshipEditor, bmb_relationship_editor, BMB, RELATIONSHIP_EDITOR,
                      AdwWindow)

/* Which side of the relationship "me" is on. */
typedef enum
{
  BMB_RELATIONSHIP_EDITOR_ROLE_MENTOR,  /* I mentor a contact */
  BMB_RELATIONSHIP_EDITOR_ROLE_MENTEE,  /* a contact mentors me */
  BMB_RELATIONSHIP_EDITOR_ROLE_NEITHER, /* two of my contacts (I organise it) */
} BmbRelationshipEditorRole;

/* A modal window to start or edit a mentoring relationship: who mentors
 * whom ("me" or a contact, picked by searching the contact book or typed as
 * a new name, which creates a contact), the type, the agreement (goals,
 * meeting cadence, confidentiality, planned duration) and the dates.
 * Invalid input is pointed out inline and keeps Save disabled.
 *
 * Signal: saved (BmbRelationship *relationship): the relationship as stored
 * (with the partners' names); the editor then closes. */

/* @relationship NULL: a new relationship (I am the mentee, starting today). */
BmbRelationshipEditor *bmb_relationship_editor_new      (BmbContext             *context,
                                                         BmbRelationship        *relationship);
gboolean               bmb_relationship_editor_is_valid (BmbRelationshipEditor  *self);
/* What Save does: creates the new contacts and writes the relationship in
 * one transaction, emits ::saved and closes. */
gboolean               bmb_relationship_editor_save     (BmbRelationshipEditor  *self,
                                                         GError                **error);

G_END_DECLS
