/* bmb-change-set.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What one committed transaction touched, item by item: per kind of row,
 * the ids that were added, changed or removed. Stores record them with
 * bmb_database_mark_item() while the transaction runs; BmbDatabase emits
 * the set with ::changes-committed after the outermost commit, so a list
 * updates exactly those rows. A kind marked with bmb_database_mark_changed()
 * (a bulk write that does not name its rows, such as an import) is "coarse":
 * listeners reload what they show of that kind.
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The kinds of rows; also passed, OR-ed, to BmbDatabase::changed. */
typedef enum
{
  BMB_CHANGE_NONE          = 0,
  BMB_CHANGE_CONTACTS      = 1 << 0,
  BMB_CHANGE_INTERACTIONS  = 1 << 1,
  BMB_CHANGE_RELATIONSHIPS = 1 << 2,
  BMB_CHANGE_SESSIONS      = 1 << 3,
  BMB_CHANGE_ACTION_ITEMS  = 1 << 4,
  BMB_CHANGE_GOALS         = 1 << 5,
  BMB_CHANGE_CHECKLISTS    = 1 << 6,
  BMB_CHANGE_ASSESSMENTS   = 1 << 7,
  BMB_CHANGE_REMINDERS     = 1 << 8,
} BmbChangeFlags;

/* What happened to one row. */
typedef enum
{
  BMB_CHANGE_ADDED = 1,
  BMB_CHANGE_CHANGED,
  BMB_CHANGE_REMOVED,
} BmbChangeAction;

#define BMB_TYPE_CHANGE_SET (bmb_change_set_get_type ())

typedef struct _BmbChangeSet BmbChangeSet;

GType          bmb_change_set_get_type          (void) G_GNUC_CONST;
BmbChangeSet  *bmb_change_set_new               (void);
BmbChangeSet  *bmb_change_set_ref               (BmbChangeSet     *self);
void           bmb_change_set_unref             (BmbChangeSet     *self);

/* Records one row. A second record of the same row merges with the first:
 * added then changed stays added, added then removed disappears, changed
 * then removed is removed, removed then added is changed. */
void           bmb_change_set_add               (BmbChangeSet     *self,
                                                 BmbChangeFlags    kind,
                                                 gint64            id,
                                                 BmbChangeAction   action);
/* Marks @kinds as touched without naming rows (listeners reload them). */
void           bmb_change_set_add_kinds         (BmbChangeSet     *self,
                                                 BmbChangeFlags    kinds);
/* Adds everything @other recorded, as if recorded after what @self holds. */
void           bmb_change_set_merge             (BmbChangeSet     *self,
                                                 const BmbChangeSet *other);

gboolean       bmb_change_set_is_empty          (const BmbChangeSet *self);
/* Every kind touched, with or without rows. */
BmbChangeFlags bmb_change_set_get_kinds         (const BmbChangeSet *self);
/* The kinds touched without naming rows: reload those. */
BmbChangeFlags bmb_change_set_get_coarse_kinds  (const BmbChangeSet *self);
/* The ids of @kind rows with @action, ascending; NULL when none. */
const gint64  *bmb_change_set_get_ids           (const BmbChangeSet *self,
                                                 BmbChangeFlags    kind,
                                                 BmbChangeAction   action,
                                                 guint            *n_ids);
/* How many rows of @kind the set names (every action). */
guint          bmb_change_set_get_n_items       (const BmbChangeSet *self,
                                                 BmbChangeFlags    kind);
/* The action recorded for one row, or 0 when the set does not name it. */
BmbChangeAction bmb_change_set_lookup           (const BmbChangeSet *self,
                                                 BmbChangeFlags    kind,
                                                 gint64            id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BmbChangeSet, bmb_change_set_unref)

G_END_DECLS
