/* bmb-label-tooltip.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void bmb_label_tooltip_when_cut (GtkLabel *label);

G_END_DECLS
