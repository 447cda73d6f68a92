/* bmb-draft-store.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What an open editor holds but has not saved, kept as the user types so that
 * a crash or a kill does not lose it. One draft per editor key ("session/12/
 * 20261221T090000", "contact/new"…); the state is the editor's own text.
 */

#pragma once

#include "bmb-database.h"

G_BEGIN_DECLS

#define BMB_TYPE_DRAFT_STORE (bmb_draft_store_get_type ())

G_DECLARE_FINAL_TYPE (BmbDraftStore, bmb_draft_store, BMB, DRAFT_STORE, GObject)

BmbDraftStore *bmb_draft_store_new    (BmbDatabase    *database);
/* Writes (or replaces) the draft of @key, stamped now. */
gboolean       bmb_draft_store_save   (BmbDraftStore  *self,
                                       const char     *key,
                                       const char     *state,
                                       GError        **error);
/* The draft of @key and when it was saved (Unix seconds); NULL with no
 * error when there is none. */
char          *bmb_draft_store_lookup (BmbDraftStore  *self,
                                       const char     *key,
                                       gint64         *out_saved_at,
                                       GError        **error);
/* Drops the draft of @key; no draft is not an error. */
gboolean       bmb_draft_store_remove (BmbDraftStore  *self,
                                       const char     *key,
                                       GError        **error);

G_END_DECLS
