/* bmb-approach-helper.h — "Which approach?" in the preparation view
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A mentor can run a session as coaching (guiding someone towards better
 * work) or as counseling (supporting someone through a difficulty that
 * weighs on their work). This group lists the situations that call for
 * each, so the mentor can pick how to run the next session.
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BMB_TYPE_APPROACH_HELPER (bmb_approach_helper_get_type ())

G_DECLARE_FINAL_TYPE (BmbApproachHelper, bmb_approach_helper, BMB, APPROACH_HELPER,
                      AdwPreferencesGroup)

GtkWidget *bmb_approach_helper_new (void);
/* The number of situations listed under coaching and under counseling. */
guint      bmb_approach_helper_get_n_coaching    (void);
guint      bmb_approach_helper_get_n_counselling (void);

G_END_DECLS
