/* bmb-relationships-page.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bmb-database.h"

G_BEGIN_DECLS

#define BMB_TYPE_RELATIONSHIPS_PAGE (bmb_relationships_page_get_type ())

G_DECLARE_FINAL_TYPE (BmbRelationshipsPage, bmb_relationships_page, BMB, RELATIONSHIPS_PAGE, AdwBin)

/* The mentoring relationships: a sidebar listing them (active ones first,
 * then an "Ended" section) and a BmbRelationshipPanel with the selected one,
 * in an AdwLeaflet that folds on narrow windows. Ctrl+N starts a new one.
 * Scheduling a session or opening one from the panel goes to the Sessions
 * page of the window.
 *
 * Property: database (BmbDatabase, set once). */

BmbDatabase *bmb_relationships_page_get_database      (BmbRelationshipsPage *self);
/* Selects (and shows) relationship @relationship_id; FALSE if it is not
 * listed. */
gboolean     bmb_relationships_page_select_relationship (BmbRelationshipsPage *self,
                                                         gint64                relationship_id);
/* The relationship shown, 0 if none. */
gint64       bmb_relationships_page_get_selected_id   (BmbRelationshipsPage *self);
/* Opens the editor on a new relationship. */
void         bmb_relationships_page_new_relationship  (BmbRelationshipsPage *self);
/* Selects the relationship goal @goal_id belongs to (a goal reminder's
 * Open); a failure is shown to the user. */
void         bmb_relationships_page_show_goal         (BmbRelationshipsPage *self,
                                                       gint64                goal_id);

G_END_DECLS
