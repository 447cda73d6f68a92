/* bmb-contact-export.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes contacts out as vCard 4.0 (UTF-8, CRLF, folded at 75 octets;
 * readable by GNOME Contacts and python3-vobject, and back by Bimbing
 * without loss) or as Bimbing's CSV (columns in bmb-contact-csv.h, UTF-8
 * with a byte order mark so spreadsheets guess the encoding right).
 */

#pragma once

#include <gio/gio.h>

#include "bmb-database.h"
#include "bmb-progress.h"

G_BEGIN_DECLS

typedef enum
{
  BMB_CONTACT_EXPORT_FORMAT_VCARD,
  BMB_CONTACT_EXPORT_FORMAT_CSV,
} BmbContactExportFormat;

/* CSV for a name ending in ".csv", vCard otherwise. */
BmbContactExportFormat bmb_contact_export_format_for_file (GFile                  *file);

/* The contacts with @ids (in that order; ids no longer present are left
 * out), or every contact in name order when @n_ids is 0. @out_n_exported
 * (may be NULL) receives how many were written. */
GBytes   *bmb_contact_export_to_bytes   (BmbDatabase             *db,
                                         BmbContactExportFormat   format,
                                         const gint64            *ids,
                                         guint                    n_ids,
                                         GCancellable            *cancellable,
                                         guint                   *out_n_exported,
                                         GError                 **error);
/* The same, replacing @file safely (bmb-file-output.h: a failed or
 * cancelled export leaves the previous file as it was). */
gboolean  bmb_contact_export_to_file    (BmbDatabase             *db,
                                         GFile                   *file,
                                         BmbContactExportFormat   format,
                                         const gint64            *ids,
                                         guint                    n_ids,
                                         GCancellable            *cancellable,
                                         guint                   *out_n_exported,
                                         GError                 **error);
/* What a contact export writes. */
typedef struct
{
  BmbContactExportFormat  format;
  const gint64           *ids;     /* copied; NULL with n_ids 0: every contact */
  guint                   n_ids;
} BmbContactExportOptions;

/* Exports from @source into @target in a worker thread on its own
 * connection (@source must be a file). @progress (optional) reaches 1 when
 * the file is written. */
void      bmb_contact_export_async  (BmbDatabase                    *source,
                                     GFile                          *target,
                                     const BmbContactExportOptions  *options,
                                     GCancellable                   *cancellable,
                                     BmbProgress                    *progress,
                                     GAsyncReadyCallback             callback,
                                     gpointer                        user_data);
gboolean  bmb_contact_export_finish (GAsyncResult                   *result,
                                     guint                          *out_n_exported,
                                     GError                        **error);

G_END_DECLS
