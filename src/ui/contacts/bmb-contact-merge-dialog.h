/* bmb-contact-merge-dialog.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Confirms merging two duplicate contacts and which one to keep.
 *
 * Signals: ::merged (gint64 kept_contact_id).
 */

#pragma once

#include <adwaita.h>

#include "bmb-contact-store.h"

G_BEGIN_DECLS

#define BMB_TYPE_CONTACT_MERGE_DIALOG (bmb_contact_merge_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BmbContactMergeDialog, bmb_contact_merge_dialog, BMB, CONTACT_MERGE_DIALOG, AdwWindow)

GtkWidget *bmb_contact_merge_dialog_new         (GtkWindow             *parent,
                                                 BmbContactStore       *store,
                                                 gint64                 first_id,
                                                 gint64                 second_id);
/* The id that will be kept (the first unless the user picked the second). */
gint64     bmb_contact_merge_dialog_get_keep_id (BmbContactMergeDialog *self);
void       bmb_contact_merge_dialog_set_keep_id (BmbContactMergeDialog *self,
                                                 gint64                 keep_id);
gboolean   bmb_contact_merge_dialog_merge       (BmbContactMergeDialog *self,
                                                 GError               **error);

G_END_DECLS
