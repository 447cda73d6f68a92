/* bmb-autostart.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Start Bimbing in the background at login so reminders arrive. Natively:
 * $XDG_CONFIG_HOME/autostart/io.github.bimbing.Bimbing.desktop. Inside
 * Flatpak: org.freedesktop.portal.Background.RequestBackground.
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define BMB_AUTOSTART_ERROR (bmb_autostart_error_quark ())

typedef enum
{
  BMB_AUTOSTART_ERROR_FAILED,     /* could not write or remove the file */
  BMB_AUTOSTART_ERROR_PORTAL,     /* the Background portal is missing or failed */
  BMB_AUTOSTART_ERROR_DENIED,     /* the user (or policy) refused */
  BMB_AUTOSTART_ERROR_CANCELLED,  /* the user dismissed the portal dialog */
} BmbAutostartError;

GQuark    bmb_autostart_error_quark         (void);
/* TRUE when running inside Flatpak (/.flatpak-info exists). */
gboolean  bmb_autostart_is_sandboxed        (void);
/* $XDG_CONFIG_HOME/autostart/io.github.bimbing.Bimbing.desktop */
char     *bmb_autostart_dup_desktop_path    (void);

/* Native: writes (atomically) or removes the autostart .desktop file. */
gboolean  bmb_autostart_set_enabled_native  (gboolean              enabled,
                                             GError              **error);
/* Native: the file exists and is not disabled. */
gboolean  bmb_autostart_get_enabled_native  (void);

/* Either path: native file, or the Background portal inside Flatpak
 * (@parent_window: "x11:XID", "wayland:HANDLE" or NULL). */
void      bmb_autostart_set_enabled_async   (gboolean              enabled,
                                             const char           *parent_window,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean  bmb_autostart_set_enabled_finish  (GAsyncResult         *result,
                                             GError              **error);

G_END_DECLS
