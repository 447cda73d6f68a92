/* bmb-follow-up-dialog.h — a one-off follow-up for one contact
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Send my portfolio by Friday": what to do and by when, saved with
 * bmb_contact_store_set_follow_up(). Opens with the contact's current
 * one-off follow-up, or two days from today.
 *
 * Signals: ::saved.
 */

#pragma once

#include <adwaita.h>

#include "bmb-contact-store.h"

G_BEGIN_DECLS

#define BMB_TYPE_FOLLOW_UP_DIALOG (bmb_follow_up_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BmbFollowUpDialog, bmb_follow_up_dialog, BMB, FOLLOW_UP_DIALOG, AdwWindow)

GtkWidget *bmb_follow_up_dialog_new  (GtkWindow          *parent,
                                      BmbContactStore    *store,
                                      BmbContact         *contact);
/* Saves as the Save button does; FALSE with @error (the dialog stays open). */
gboolean   bmb_follow_up_dialog_save (BmbFollowUpDialog  *self,
                                      GError            **error);

G_END_DECLS
