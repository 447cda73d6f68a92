/* bmb-contact-field-row.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bmb-contact.h"

G_BEGIN_DECLS

#define BMB_TYPE_CONTACT_FIELD_ROW (bmb_contact_field_row_get_type ())

G_DECLARE_FINAL_TYPE (BmbContactFieldRow, bmb_contact_field_row, BMB, CONTACT_FIELD_ROW, AdwEntryRow)

/* One email address, phone number or link in the contact editor: the value
 * (the row's text), a dropdown of labels ("work", "home"…, or the label an
 * import brought, kept as it was) and a Remove button. The editor validates
 * the text and reads the row back on Save.
 *
 * Properties: kind (BmbContactFieldKind, construct-only).
 *
 * Signals:
 *   remove-requested: the Remove button was clicked; the editor takes the
 *     row out. */

/* @value (nullable) fills the text and the label. */
GtkWidget           *bmb_contact_field_row_new           (BmbContactFieldKind    kind,
                                                          const BmbContactField *value);
BmbContactFieldKind  bmb_contact_field_row_get_kind      (BmbContactFieldRow    *self);
/* The stored key of the chosen label ("work", "LinkedIn"…), or NULL. */
const char          *bmb_contact_field_row_get_label_key (BmbContactFieldRow    *self);

G_END_DECLS
