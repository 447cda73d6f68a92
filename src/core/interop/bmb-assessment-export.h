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
 * local time zone. The text builders are pure; the async export reads,
 * builds and writes in a worker thread.
 */

#pragma once

#include <gio/gio.h>

#include "bmb-checklist-store.h"
#include "bmb-checklist-template.h"
#include "bmb-progress.h"

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

/* What an assessment export writes. */
typedef struct
{
  gint64                     template_id;  /* the checklist whose history it is */
  BmbAssessmentExportFormat  format;
} BmbAssessmentExportOptions;

/* Reads the history from @source (on a worker connection: its database must
 * be a file), builds the text and writes it to @target, replacing it, all
 * in a worker thread. @progress (optional) reaches 1 when it is written. */
void      bmb_assessment_export_async     (BmbChecklistStore                 *source,
                                           GFile                             *target,
                                           const BmbAssessmentExportOptions  *options,
                                           GCancellable                      *cancellable,
                                           BmbProgress                       *progress,
                                           GAsyncReadyCallback                callback,
                                           gpointer                           user_data);
gboolean  bmb_assessment_export_finish    (GAsyncResult                      *result,
                                           GError                           **error);
/* The same, synchronously. The error names the file. */
gboolean  bmb_assessment_export_to_file   (BmbChecklistTemplate       *template,
                                           GPtrArray                  *assessments,
                                           BmbAssessmentExportFormat   format,
                                           GFile                      *file,
                                           GCancellable               *cancellable,
                                           GError                    **error);

G_END_DECLS
