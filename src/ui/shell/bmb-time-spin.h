/* bmb-time-spin.h — an hour spin button that follows the desktop's clock
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Makes @spin (values 0–23) read and accept hours as the desktop's clock
 * does: "16" on a 24-hour clock, "4 PM" on a 12-hour one (typing "4 pm",
 * "4p" or "16" works there too). Follows changes of the setting. */
void bmb_time_spin_setup_hour (GtkSpinButton *spin);

/* The hour @text names, on either clock ("16", "4 PM", "12am"); -1 when it
 * names none. */
int  bmb_time_spin_parse_hour (const char    *text);

G_END_DECLS
