/* bmb-closure-dialog.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bmb-mentoring-store.h"

G_BEGIN_DECLS

#define BMB_TYPE_CLOSURE_DIALOG (bmb_closure_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BmbClosureDialog, bmb_closure_dialog, BMB, CLOSURE_DIALOG, AdwWindow)

/* The closing summary of a mentoring relationship: what was achieved,
 * thanks, next steps and the day it ended. Saving stores them in the
 * relationship's closing_* fields and ended_on, and moves it to the
 * closure phase (bmb_mentoring_store_end_relationship()).
 *
 * Signal: saved (BmbRelationship *relationship): the relationship as
 * stored; the dialog then closes. */

BmbClosureDialog *bmb_closure_dialog_new      (BmbMentoringStore  *store,
                                               BmbRelationship    *relationship);
gboolean          bmb_closure_dialog_is_valid (BmbClosureDialog   *self);
/* What the Save button does. */
gboolean          bmb_closure_dialog_save     (BmbClosureDialog   *self,
                                               GError            **error);

G_END_DECLS
