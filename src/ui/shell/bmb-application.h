/* bmb-application.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bmb-context.h"
#include "bmb-database.h"

G_BEGIN_DECLS

#define BMB_TYPE_APPLICATION (bmb_application_get_type ())

G_DECLARE_FINAL_TYPE (BmbApplication, bmb_application, BMB, APPLICATION, AdwApplication)

BmbApplication *bmb_application_new              (void);
BmbApplication *bmb_application_get_default      (void);
BmbDatabase    *bmb_application_get_database     (BmbApplication  *self);
/* NULL until bmb_application_ensure_database() succeeded. */
BmbContext     *bmb_application_get_context      (BmbApplication  *self);
const char     *bmb_application_get_database_path (BmbApplication *self);
void            bmb_application_set_database_path (BmbApplication *self,
                                                   const char     *path);
gboolean        bmb_application_ensure_database  (BmbApplication  *self,
                                                  GError         **error);
GtkWindow      *bmb_application_present_main_window (BmbApplication *self);
void            bmb_application_show_fatal_error (BmbApplication  *self,
                                                  const GError    *error);

G_END_DECLS
