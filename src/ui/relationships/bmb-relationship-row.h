/* bmb-relationship-row.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bmb-relationship.h"

G_BEGIN_DECLS

#define BMB_TYPE_RELATIONSHIP_ROW (bmb_relationship_row_get_type ())

G_DECLARE_FINAL_TYPE (BmbRelationshipRow, bmb_relationship_row, BMB, RELATIONSHIP_ROW, GtkWidget)

/* One relationship in the Relationships page's sidebar: the partner's
 * initials, the title and "Mentor · Negotiation" (my role and the phase, or
 * when it ended). Ended ones are dimmed.
 *
 * Property: item (BmbRelationship). */

GtkWidget       *bmb_relationship_row_new      (BmbRelationship    *item);
BmbRelationship *bmb_relationship_row_get_item (BmbRelationshipRow *self);
void             bmb_relationship_row_set_item (BmbRelationshipRow *self,
                                                BmbRelationship    *item);
/* A section heading shown above the row (the list's "Ended"); NULL hides
 * it. The heading label while shown, else NULL. */
void             bmb_relationship_row_set_heading (BmbRelationshipRow *self,
                                                   const char         *heading);
GtkLabel        *bmb_relationship_row_get_heading (BmbRelationshipRow *self);
/* "Mentor · Negotiation": my side of @relationship and its phase (or the
 * day it ended). */
char            *bmb_relationship_row_dup_subtitle (BmbRelationship *relationship);

G_END_DECLS
