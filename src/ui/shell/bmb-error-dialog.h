/* bmb-error-dialog.h — the one way Bimbing tells the user that something failed
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* A message dialog over @widget's window (or @widget itself when it is a window) with
 * @heading and the error's own translated message, and a Close button. */
void bmb_error_dialog_show (GtkWidget    *widget,
                            const char   *heading,
                            const GError *error);

G_END_DECLS
