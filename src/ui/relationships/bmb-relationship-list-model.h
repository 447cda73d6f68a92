/* bmb-relationship-list-model.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A paged GListModel of mentoring relationships for the Relationships
 * page's sidebar: it holds the ordered ids only
 * (bmb_mentoring_store_list_relationship_ids()) and reads the rows it is
 * asked for, a page at a time, into a small cache. It follows a
 * BmbChangeSet with the smallest items-changed: a changed relationship's
 * position is replaced (and moves if its place in the order changed), the
 * others stay.
 */

#pragma once

#include <gio/gio.h>

#include "bmb-change-set.h"
#include "bmb-mentoring-store.h"

G_BEGIN_DECLS

#define BMB_TYPE_RELATIONSHIP_LIST_MODEL (bmb_relationship_list_model_get_type ())

G_DECLARE_FINAL_TYPE (BmbRelationshipListModel, bmb_relationship_list_model, BMB,
                      RELATIONSHIP_LIST_MODEL, GObject)

BmbRelationshipListModel *bmb_relationship_list_model_new           (BmbMentoringStore        *store);
/* Reads the order again and refreshes every cached row. */
gboolean                  bmb_relationship_list_model_reload        (BmbRelationshipListModel *self,
                                                                     GError                  **error);
/* Updates the rows of the relationships @changes names (and of those
 * showing a contact it names); a change naming no rows reloads. */
gboolean                  bmb_relationship_list_model_apply_changes (BmbRelationshipListModel *self,
                                                                     BmbChangeSet             *changes,
                                                                     GError                  **error);
/* Position of @relationship_id, or G_MAXUINT. */
guint                     bmb_relationship_list_model_find          (BmbRelationshipListModel *self,
                                                                     gint64                    relationship_id);
gint64                    bmb_relationship_list_model_get_id        (BmbRelationshipListModel *self,
                                                                     guint                     position);
/* Position of the first ended relationship (the "Ended" heading goes
 * above it), or G_MAXUINT when none has ended. */
guint                     bmb_relationship_list_model_get_first_ended (BmbRelationshipListModel *self);
/* Row objects made so far (instrumentation, for tests). */
guint                     bmb_relationship_list_model_get_n_created (BmbRelationshipListModel *self);

G_END_DECLS
