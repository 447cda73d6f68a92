/* bmb-preferences-window.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bmb-context.h"

G_BEGIN_DECLS

#define BMB_TYPE_PREFERENCES_WINDOW (bmb_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (BmbPreferencesWindow, bmb_preferences_window, BMB, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

BmbPreferencesWindow *bmb_preferences_window_new (GSettings *settings);
/* Adds the Accounts page (sync accounts) for context's database. */
void                  bmb_preferences_window_add_accounts (BmbPreferencesWindow *self,
                                                           BmbContext           *context);

G_END_DECLS
