/* bmb-met-at-event-dialog.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Met at an event": one event (name, date, place) and several people at
 * once, new ones typed by name and existing ones picked from the contacts.
 * Saves everything in one transaction (bmb_contact_store_log_event).
 *
 * Signals: ::saved (gint64 first_contact_id).
 */

#pragma once

#include <adwaita.h>

#include "bmb-contact-store.h"

G_BEGIN_DECLS

#define BMB_TYPE_MET_AT_EVENT_DIALOG (bmb_met_at_event_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BmbMetAtEventDialog, bmb_met_at_event_dialog, BMB, MET_AT_EVENT_DIALOG, AdwWindow)

GtkWidget *bmb_met_at_event_dialog_new          (GtkWindow           *parent,
                                                 BmbContactStore     *store);
/* Adds a person to the list: a new name (@contact_id 0) or an existing
 * contact. FALSE if already there. */
gboolean   bmb_met_at_event_dialog_add_person   (BmbMetAtEventDialog *self,
                                                 const char          *name,
                                                 gint64               contact_id);
guint      bmb_met_at_event_dialog_get_n_people (BmbMetAtEventDialog *self);
gboolean   bmb_met_at_event_dialog_save         (BmbMetAtEventDialog *self,
                                                 GError             **error);

G_END_DECLS
