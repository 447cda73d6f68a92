/* bmb-relationship-action-items-section.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bmb-mentoring-store.h"

G_BEGIN_DECLS

#define BMB_TYPE_RELATIONSHIP_ACTION_ITEMS_SECTION (bmb_relationship_action_items_section_get_type ())

G_DECLARE_FINAL_TYPE (BmbRelationshipActionItemsSection, bmb_relationship_action_items_section,
                      BMB, RELATIONSHIP_ACTION_ITEMS_SECTION, AdwPreferencesGroup)

/* The "Open Action Items" part of the relationship panel: the action items
 * of both sides not done yet, each with a check button to tick it off (a
 * toast offers Undo). A ticked item stays until the next reload.
 *
 * Properties: store (BmbMentoringStore), relationship (BmbRelationship or
 * NULL). Setting them shows nothing new: the panel calls reload().
 *
 * Signals:
 *   show-toast (AdwToast *toast): show this toast; the handler adds a
 *     reference of its own. */

GtkWidget         *bmb_relationship_action_items_section_new              (void);
BmbMentoringStore *bmb_relationship_action_items_section_get_store        (BmbRelationshipActionItemsSection  *self);
void               bmb_relationship_action_items_section_set_store        (BmbRelationshipActionItemsSection  *self,
                                                                           BmbMentoringStore                  *store);
BmbRelationship   *bmb_relationship_action_items_section_get_relationship (BmbRelationshipActionItemsSection  *self);
void               bmb_relationship_action_items_section_set_relationship (BmbRelationshipActionItemsSection  *self,
                                                                           BmbRelationship                    *relationship);
/* Re-reads the open action items of the relationship. */
gboolean           bmb_relationship_action_items_section_reload           (BmbRelationshipActionItemsSection  *self,
                                                                           GError                            **error);
/* Updates the rows of the action items @changes names (the others keep
 * their widgets); a ticked-off item keeps its row and the focus. */
gboolean           bmb_relationship_action_items_section_apply_changes    (BmbRelationshipActionItemsSection  *self,
                                                                           BmbChangeSet                       *changes,
                                                                           GError                            **error);
/* Empties the list (the panel shows no relationship). */
void               bmb_relationship_action_items_section_clear            (BmbRelationshipActionItemsSection  *self);

G_END_DECLS
