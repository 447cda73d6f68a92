/* bmb-contact-introducer-row.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bmb-contact-store.h"

G_BEGIN_DECLS

#define BMB_TYPE_CONTACT_INTRODUCER_ROW (bmb_contact_introducer_row_get_type ())

G_DECLARE_FINAL_TYPE (BmbContactIntroducerRow, bmb_contact_introducer_row,
                      BMB, CONTACT_INTRODUCER_ROW, AdwActionRow)

/* The contact editor's "Introduced By" row: who introduced the contact (or
 * "Nobody"), a button to clear it and a popover to search the contact book
 * for someone else. The contacts are read (BmbContactListModel) only when
 * the popover first opens.
 *
 * Properties: store (BmbContactStore), contact-id (the contact being edited,
 * 0 for a new one: nobody introduces themselves), introduced-by (read-only:
 * the introducer's id or 0). */

GtkWidget       *bmb_contact_introducer_row_new                (void);
BmbContactStore *bmb_contact_introducer_row_get_store          (BmbContactIntroducerRow *self);
void             bmb_contact_introducer_row_set_store          (BmbContactIntroducerRow *self,
                                                                BmbContactStore         *store);
gint64           bmb_contact_introducer_row_get_contact_id     (BmbContactIntroducerRow *self);
void             bmb_contact_introducer_row_set_contact_id     (BmbContactIntroducerRow *self,
                                                                gint64                   contact_id);
gint64           bmb_contact_introducer_row_get_introduced_by  (BmbContactIntroducerRow *self);
/* Shows @id (0: nobody) under @name (NULL when unknown). */
void             bmb_contact_introducer_row_set_introducer     (BmbContactIntroducerRow *self,
                                                                gint64                   id,
                                                                const char              *name);

G_END_DECLS
