/* bmb-interaction-dialog.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Log interaction": when (a date), how (meeting, call, email, message,
 * event) and what about, for one contact. Saving through the store moves
 * the contact's last contact and next follow-up.
 *
 * Signals: ::saved (gint64 interaction_id).
 */

#pragma once

#include <adwaita.h>

#include "bmb-contact-store.h"

G_BEGIN_DECLS

#define BMB_TYPE_INTERACTION_DIALOG (bmb_interaction_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BmbInteractionDialog, bmb_interaction_dialog, BMB, INTERACTION_DIALOG, AdwWindow)

GtkWidget *bmb_interaction_dialog_new  (GtkWindow            *parent,
                                        BmbContactStore      *store,
                                        gint64                contact_id,
                                        const char           *contact_name);
/* The same dialog for changing @interaction (a stored one): Save updates it
 * through the store, which moves the follow-up dates the same way. */
GtkWidget *bmb_interaction_dialog_new_for_edit (GtkWindow            *parent,
                                                BmbContactStore      *store,
                                                BmbInteraction       *interaction,
                                                const char           *contact_name);
/* Logs (or, when editing, saves) as the Log button does; FALSE with @error (the dialog stays open). */
gboolean   bmb_interaction_dialog_save (BmbInteractionDialog *self,
                                        GError              **error);

G_END_DECLS
