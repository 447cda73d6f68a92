/* bmb-relationship-filter-dialog.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BMB_TYPE_RELATIONSHIP_FILTER_DIALOG (bmb_relationship_filter_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BmbRelationshipFilterDialog, bmb_relationship_filter_dialog,
                      BMB, RELATIONSHIP_FILTER_DIALOG, AdwWindow)

GtkWidget *bmb_relationship_filter_dialog_new (GtkWindow     *parent,
                                               GtkStringList *choices);

G_END_DECLS
