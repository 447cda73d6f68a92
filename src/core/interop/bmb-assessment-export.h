/* bmb-assessment-export.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sharing an assessment history with a mentor: CSV (RFC 4180, one row per
 * assessment × item: date, section, item, answer, note, score) and Markdown
 * (a heading per assessment with a table of its answers, and the trend).
 * Headings and answers are translated; dates are ISO "YYYY-MM-DD" in the
 * local time zone. The text builders are pure; the file is written in a
 * worker thread.
 */

#pragma once

#include <gio/gio.h>

#include "bmb-checklist-template.h"

G_BEGIN_DECLS

typedef enum
{
  BMB_ASSESSMENT_EXPORT_CSV,
  BMB_ASSESSMENT_EXPORT_MARKDOWN,
} BmbAssessmentExportFormat;

#define BMB_TYPE_ASSESSMENT_EXPORT_FORMAT (bmb_assessment_export_format_get_type ())

GType     bmb_assessment_export_format_get_type (void) G_GNUC_CONST;
/* "csv", "md". */
const char *bmb_assessment_export_format_get_extension (BmbAssessmentExportFormat format);

/* @assessments: BmbAssessment of @template, any order; complete ones are
 * exported oldest first, drafts are skipped. Never NULL. */
char     *bmb_assessment_export_csv       (BmbChecklistTemplate       *template,
                                           GPtrArray                  *assessments);
char     *bmb_assessment_export_markdown  (BmbChecklistTemplate       *template,
                                           GPtrArray                  *assessments);

/* Builds the text now (in the calling thread) and writes it to @file,
 * replacing it, in a worker thread. */
void      bmb_assessment_export_async     (BmbChecklistTemplate       *template,
                                           GPtrArray                  *assessments,
                                           BmbAssessmentExportFormat   format,
                                           GFile                      *file,
                                           GCancellable               *cancellable,
                                           GAsyncReadyCallback         callback,
                                           gpointer                    user_data);
gboolean  bmb_assessment_export_finish    (GAsyncResult               *result,
                                           GError                    **error);
/* The same, synchronously. The error names the file. */
gboolean  bmb_assessment_export_to_file   (BmbChecklistTemplate       *template,
                                           GPtrArray                  *assessments,
                                           BmbAssessmentExportFormat   format,
                                           GFile                      *file,
                                           GCancellable               *cancellable,
                                           GError                    **error);

G_END_DECLS
