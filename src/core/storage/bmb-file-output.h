/* bmb-file-output.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Safe file output for every export: the new contents go to a temporary
 * file of our own in the target's folder (created 0600, or with the mode of
 * the file it replaces), are flushed to disk, and are renamed over the
 * target only once everything is written. On an error or a cancellation the
 * temporary file is deleted and the previous file is left exactly as it was.
 *
 * GLib's g_file_replace_contents() is not used on purpose: when a write
 * fails (a full disk), closing its replace stream still renames the
 * short temporary file over the target.
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Writes the whole contents to @stream; returns FALSE with @error set on
 * failure. Called once, in the calling thread. */
typedef gboolean (*BmbFileOutputWriteFunc) (GOutputStream  *stream,
                                            gpointer        user_data,
                                            GCancellable   *cancellable,
                                            GError        **error);

gboolean bmb_file_output_replace          (GFile                   *file,
                                           BmbFileOutputWriteFunc   write_func,
                                           gpointer                 user_data,
                                           GCancellable            *cancellable,
                                           GError                 **error);
gboolean bmb_file_output_replace_contents (GFile                   *file,
                                           const char              *data,
                                           gsize                    length,
                                           GCancellable            *cancellable,
                                           GError                 **error);

G_END_DECLS
