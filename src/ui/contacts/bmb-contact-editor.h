/* bmb-contact-editor.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The modal window that creates or edits a contact. Validates as you type
 * (Save stays disabled while something is wrong) and saves through the
 * store; a failure is shown and the window stays open.
 *
 * Signals: ::saved (gint64 contact_id) after a successful save.
 */

#pragma once

#include <adwaita.h>

#include "bmb-contact-store.h"

G_BEGIN_DECLS

#define BMB_TYPE_CONTACT_EDITOR (bmb_contact_editor_get_type ())

G_DECLARE_FINAL_TYPE (BmbContactEditor, bmb_contact_editor, BMB, CONTACT_EDITOR, AdwWindow)

/* @contact NULL: a new contact. The editor works on a copy. */
GtkWidget  *bmb_contact_editor_new              (GtkWindow        *parent,
                                                 BmbContactStore  *store,
                                                 BmbContact       *contact);
void        bmb_contact_editor_set_default_follow_up (BmbContactEditor *self,
                                                      guint             count,
                                                      BmbFollowUpUnit   unit);
/* Adds an empty email, phone or link row and focuses it. */
GtkWidget  *bmb_contact_editor_add_field_row    (BmbContactEditor *self,
                                                 BmbContactFieldKind kind);
/* TRUE when everything typed is acceptable (Save is enabled). */
gboolean    bmb_contact_editor_is_valid         (BmbContactEditor *self);
/* Saves as the Save button does; FALSE with @error when it failed. */
gboolean    bmb_contact_editor_save             (BmbContactEditor *self,
                                                 GError          **error);

/* A field label as people read it: the stored keys "home", "work",
 * "mobile", "other" and "website" translated, anything else as typed. */
const char *bmb_contact_field_label_to_display  (const char       *label);

G_END_DECLS
