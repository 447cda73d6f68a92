/* bmb-relationship-partners.h — saving a relationship together with new partners
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bmb-contact-store.h"
#include "bmb-mentoring-store.h"

G_BEGIN_DECLS

/* Saves @relationship; a partner given as @new_mentor or @new_mentee (a contact not stored
 * yet, id 0) is added to the contact book first and becomes that side of the relationship.
 * One transaction: on failure nothing is kept, the new contacts' ids are 0 again and the
 * relationship keeps the partners it had. */
gboolean bmb_relationship_save_with_partners (BmbMentoringStore  *store,
                                              BmbContactStore    *contacts,
                                              BmbRelationship    *relationship,
                                              BmbContact         *new_mentor,
                                              BmbContact         *new_mentee,
                                              GError            **error);

G_END_DECLS
