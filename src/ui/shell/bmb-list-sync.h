/* bmb-list-sync.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How a small list (a relationship's goals, its action items…) follows a
 * BmbChangeSet: the fresh rows replace the shown ones with the fewest
 * items-changed, so rows the change did not touch keep their widgets.
 */

#pragma once

#include <gio/gio.h>

#include "bmb-change-set.h"

G_BEGIN_DECLS

typedef gint64 (*BmbItemIdFunc) (gpointer item);

/* Makes @store hold the objects of @fresh, in order. When the ids are the
 * same in the same order, only the items @changes names as changed (of
 * @kind) are replaced, one by one; otherwise the common head and tail stay
 * and the middle is spliced once. @changes NULL: every item with the same id
 * at the same place is replaced. */
void bmb_list_store_sync (GListStore     *store,
                          GPtrArray      *fresh,
                          BmbItemIdFunc   get_id,
                          BmbChangeSet   *changes,
                          BmbChangeFlags  kind);

G_END_DECLS
