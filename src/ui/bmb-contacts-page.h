/* bmb-contacts-page.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bmb-database.h"

G_BEGIN_DECLS

#define BMB_TYPE_CONTACTS_PAGE (bmb_contacts_page_get_type ())

G_DECLARE_FINAL_TYPE (BmbContactsPage, bmb_contacts_page, BMB, CONTACTS_PAGE, AdwBin)

BmbDatabase *bmb_contacts_page_get_database (BmbContactsPage *self);

G_END_DECLS
