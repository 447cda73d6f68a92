/* bmb-contact-row.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row of the contact list: avatar, name, role and organisation, and a
 * follow-up badge. Shows a BmbContactListItem (the `item` property, bound
 * to the list item by the page's GtkBuilderListItemFactory).
 */

#pragma once

#include <gtk/gtk.h>

#include "bmb-contact-list-model.h"

G_BEGIN_DECLS

#define BMB_TYPE_CONTACT_ROW (bmb_contact_row_get_type ())

G_DECLARE_FINAL_TYPE (BmbContactRow, bmb_contact_row, BMB, CONTACT_ROW, GtkWidget)

GtkWidget          *bmb_contact_row_new      (void);
BmbContactListItem *bmb_contact_row_get_item (BmbContactRow      *self);
void                bmb_contact_row_set_item (BmbContactRow      *self,
                                              BmbContactListItem *item);

G_END_DECLS
