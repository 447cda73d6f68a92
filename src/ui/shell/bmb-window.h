/* bmb-window.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bmb-application.h"
#include "bmb-context.h"
#include "bmb-database.h"
#include "bmb-reminder-source.h"

G_BEGIN_DECLS

#define BMB_TYPE_WINDOW (bmb_window_get_type ())

G_DECLARE_FINAL_TYPE (BmbWindow, bmb_window, BMB, WINDOW, AdwApplicationWindow)

BmbWindow   *bmb_window_new           (BmbApplication *application,
                                       BmbContext     *context);
BmbContext  *bmb_window_get_context   (BmbWindow      *self);
BmbDatabase *bmb_window_get_database  (BmbWindow      *self);
const char  *bmb_window_get_page      (BmbWindow      *self);
void         bmb_window_set_page      (BmbWindow      *self,
                                       const char     *page);
GtkWidget   *bmb_window_get_page_widget (BmbWindow    *self,
                                         const char   *page);
void         bmb_window_show_item     (BmbWindow      *self,
                                       BmbReminderKind kind,
                                       gint64          item_id,
                                       const char     *occurrence);
void         bmb_window_show_relationship (BmbWindow  *self,
                                           gint64      relationship_id);
void         bmb_window_import_file   (BmbWindow      *self,
                                       GFile          *file);
void         bmb_window_add_toast     (BmbWindow      *self,
                                       AdwToast       *toast);
void         bmb_window_show_error    (BmbWindow      *self,
                                       const char     *heading,
                                       const GError   *error);

G_END_DECLS
