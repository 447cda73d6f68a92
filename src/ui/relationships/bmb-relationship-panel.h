/* bmb-relationship-panel.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bmb-context.h"

#include "bmb-database.h"
#include "bmb-goal.h"
#include "bmb-mentoring-store.h"

G_BEGIN_DECLS

#define BMB_TYPE_RELATIONSHIP_PANEL (bmb_relationship_panel_get_type ())

G_DECLARE_FINAL_TYPE (BmbRelationshipPanel, bmb_relationship_panel, BMB, RELATIONSHIP_PANEL, AdwBin)

/* A card for one mentoring relationship: the partner with an avatar, the
 * type, the phase stepper, the agreement, SMART goals with progress (add
 * and edit them), the next session, the open action items of both sides
 * (tick them off) and the buttons Edit, Prepare Next Session and End
 * Relationship; in the closure phase, the closing summary. It follows the
 * database's ::changed signal by itself.
 *
 * Properties: database (BmbDatabase, set once), relationship
 * (BmbRelationship or NULL: an empty state).
 *
 * Signals, for the page that embeds it:
 *   schedule-requested (gint64 relationship_id): "Schedule a Session" was
 *     chosen (no session is planned); open the session editor for it.
 *   occurrence-activated (BmbOccurrence *occurrence): the next session row
 *     was activated; show or edit that occurrence.
 *   session-started (BmbOccurrence *occurrence): the preparation view wrote
 *     the agenda into that occurrence's notes; open it to take notes.
 *   relationship-changed (BmbRelationship *relationship): the relationship
 *     was edited, moved to another phase or ended (already saved), or NULL
 *     when it was deleted meanwhile. */

GtkWidget       *bmb_relationship_panel_new              (BmbContext           *context);
BmbDatabase     *bmb_relationship_panel_get_database     (BmbRelationshipPanel *self);
void             bmb_relationship_panel_set_context      (BmbRelationshipPanel *self,
                                                          BmbContext           *context);
BmbRelationship *bmb_relationship_panel_get_relationship (BmbRelationshipPanel *self);
void             bmb_relationship_panel_set_relationship (BmbRelationshipPanel *self,
                                                          BmbRelationship      *relationship);
/* Re-reads the relationship and everything shown from the database. */
void             bmb_relationship_panel_reload           (BmbRelationshipPanel *self);

/* What the buttons do (also reachable as the panel.* actions). */
void             bmb_relationship_panel_edit             (BmbRelationshipPanel *self);
void             bmb_relationship_panel_prepare_session  (BmbRelationshipPanel *self);
void             bmb_relationship_panel_end_relationship (BmbRelationshipPanel *self);
/* Opens the goal editor for a new goal (@goal NULL) or @goal. */
void             bmb_relationship_panel_edit_goal        (BmbRelationshipPanel *self,
                                                          BmbGoal              *goal);

G_END_DECLS
