/* bmb-search-provider.h — GNOME Shell's org.gnome.Shell.SearchProvider2 for Bimbing
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bmb-application.h"

G_BEGIN_DECLS

#define BMB_TYPE_SEARCH_PROVIDER (bmb_search_provider_get_type ())

G_DECLARE_FINAL_TYPE (BmbSearchProvider, bmb_search_provider, BMB, SEARCH_PROVIDER, GObject)

/* Exports the provider at @object_path "/SearchProvider" (the application's own path, as
 * the installed search-provider .ini says). */
BmbSearchProvider *bmb_search_provider_new      (BmbApplication   *application,
                                                 GDBusConnection  *connection,
                                                 const char       *object_path,
                                                 GError          **error);
void               bmb_search_provider_unexport (BmbSearchProvider *self);

G_END_DECLS
