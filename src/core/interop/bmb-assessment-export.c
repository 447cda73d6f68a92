/* bmb-assessment-export.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-assessment-export"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "bmb-assessment-export.h"
#include "bmb-assessment-score.h"
#include "bmb-file-output.h"

G_DEFINE_ENUM_TYPE (BmbAssessmentExportFormat, bmb_assessment_export_format,
                    G_DEFINE_ENUM_VALUE (BMB_ASSESSMENT_EXPORT_CSV, "csv"),
                    G_DEFINE_ENUM_VALUE (BMB_ASSESSMENT_EXPORT_MARKDOWN, "markdown"))

/* ---- Helpers ------------------------------------------------------------------------ */

static char *
format_date (gint64 unix_time)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (unix_time);

  return dt != NULL ? g_date_time_format (dt, "%Y-%m-%d") : g_strdup ("");
}

/* A whole percentage, "72". */
static char *
format_percent_number (double percent)
{
  return g_strdup_printf ("%d", (int) lround (percent));
}

static char *
format_percent (double percent)
{
  /* Translators: a score, e.g. “72%”. */
  return g_strdup_printf (_("%d%%"), (int) lround (percent));
}

/* Complete assessments, oldest first (by taken_at, then id). */
static int
compare_by_taken_at (gconstpointer a,
                     gconstpointer b)
{
  BmbAssessment *aa = *(BmbAssessment * const *)a;
  BmbAssessment *ab = *(BmbAssessment * const *)b;
  gint64 ta = bmb_assessment_get_taken_at (aa);
  gint64 tb = bmb_assessment_get_taken_at (ab);
  gint64 ia = bmb_assessment_get_id (aa);
  gint64 ib = bmb_assessment_get_id (ab);

  if (ta != tb)
    return ta < tb ? -1 : 1;
  if (ia != ib)
    return ia < ib ? -1 : 1;
  return 0;
}

static GPtrArray *
sorted_complete (GPtrArray *assessments)
{
  GPtrArray *sorted = g_ptr_array_new ();

  for (guint i = 0; i < assessments->len; i++)
    {
      BmbAssessment *assessment = g_ptr_array_index (assessments, i);

      if (bmb_assessment_is_complete (assessment))
        g_ptr_array_add (sorted, assessment);
    }

  g_ptr_array_sort (sorted, compare_by_taken_at);
  return sorted;
}

static gboolean
template_has_sections (BmbChecklistTemplate *template)
{
  guint n = bmb_checklist_template_get_n_items (template);

  for (guint i = 0; i < n; i++)
    {
      if (bmb_checklist_item_get_section (bmb_checklist_template_get_item (template, i)) != NULL)
        return TRUE;
    }

  return FALSE;
}

/* ---- CSV (RFC 4180) --------------------------------------------------------------------- */

static void
csv_append_field (GString    *out,
                  const char *field,
                  gboolean    last)
{
  if (field == NULL)
    field = "";

  if (strpbrk (field, ",\"\r\n") != NULL)
    {
      g_string_append_c (out, '"');
      for (const char *p = field; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    {
      g_string_append (out, field);
    }

  g_string_append (out, last ? "\r\n" : ",");
}

char *
bmb_assessment_export_csv (BmbChecklistTemplate *template,
                           GPtrArray            *assessments)
{
  g_autoptr(GPtrArray) sorted = NULL;
  GString *out;
  BmbAnswerKind kind;
  guint n_items;

  g_return_val_if_fail (BMB_IS_CHECKLIST_TEMPLATE (template), NULL);
  g_return_val_if_fail (assessments != NULL, NULL);

  kind = bmb_checklist_template_get_answer_kind (template);
  n_items = bmb_checklist_template_get_n_items (template);
  sorted = sorted_complete (assessments);
  out = g_string_new (NULL);

  /* Translators: column headings of the CSV export of an assessment history. */
  csv_append_field (out, C_("export column", "Date"), FALSE);
  csv_append_field (out, C_("export column", "Section"), FALSE);
  csv_append_field (out, C_("export column", "Item"), FALSE);
  csv_append_field (out, C_("export column", "Answer"), FALSE);
  csv_append_field (out, C_("export column", "Note"), FALSE);
  /* Translators: column heading: the score of the whole assessment, in percent. */
  csv_append_field (out, C_("export column", "Score (%)"), TRUE);

  for (guint a = 0; a < sorted->len; a++)
    {
      BmbAssessment *assessment = g_ptr_array_index (sorted, a);
      g_autofree char *date = format_date (bmb_assessment_get_taken_at (assessment));
      g_autofree char *score_text = NULL;
      BmbAssessmentScore score;

      if (bmb_assessment_score_compute (template, assessment, &score))
        score_text = format_percent_number (score.percent);

      for (guint i = 0; i < n_items; i++)
        {
          BmbChecklistItem *item = bmb_checklist_template_get_item (template, i);
          gint64 item_id = bmb_checklist_item_get_id (item);
          g_autofree char *answer =
            bmb_answer_kind_format_value (kind, bmb_assessment_get_value (assessment, item_id));

          csv_append_field (out, date, FALSE);
          csv_append_field (out, bmb_checklist_item_get_section_label (item), FALSE);
          csv_append_field (out, bmb_checklist_item_get_title (item), FALSE);
          csv_append_field (out, answer, FALSE);
          csv_append_field (out, bmb_assessment_get_note (assessment, item_id), FALSE);
          csv_append_field (out, score_text, TRUE);
        }
    }

  return g_string_free (out, FALSE);
}

/* ---- Markdown ------------------------------------------------------------------------- */

/* Table cells: no line breaks, pipes escaped. */
static void
md_append_cell (GString    *out,
                const char *text)
{
  g_string_append (out, " ");
  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    {
      if (*p == '|')
        g_string_append (out, "\\|");
      else if (*p == '\r')
        continue;
      else if (*p == '\n')
        g_string_append (out, "<br>");
      else
        g_string_append_c (out, *p);
    }
  g_string_append (out, " |");
}

static void
md_append_row (GString     *out,
               const char **cells,
               guint        n_cells)
{
  g_string_append (out, "|");
  for (guint i = 0; i < n_cells; i++)
    md_append_cell (out, cells[i]);
  g_string_append (out, "\n");
}

static void
md_append_separator (GString *out,
                     guint    n_cells)
{
  g_string_append (out, "|");
  for (guint i = 0; i < n_cells; i++)
    g_string_append (out, " --- |");
  g_string_append (out, "\n");
}

static void
md_append_assessment (GString              *out,
                      BmbChecklistTemplate *template,
                      BmbAssessment        *previous,
                      BmbAssessment        *assessment,
                      gboolean              with_sections)
{
  BmbAnswerKind kind = bmb_checklist_template_get_answer_kind (template);
  g_autofree char *date = format_date (bmb_assessment_get_taken_at (assessment));
  g_autoptr(GArray) deltas = bmb_assessment_compute_deltas (template, previous, assessment);
  BmbAssessmentScore score;
  const char *headings[5];
  guint n_cols = 0;

  if (bmb_assessment_score_compute (template, assessment, &score))
    {
      g_autofree char *percent = format_percent (score.percent);

      /* Translators: a heading of the Markdown export: date, score and how
       * many items were answered, e.g. “2026-03-01 — 72% (9 of 10 answered)”. */
      g_string_append_printf (out, _("## %s — %s (%u of %u answered)"),
                              date, percent, score.n_answered, score.n_items);
    }
  else
    {
      /* Translators: a heading of the Markdown export: the date of an
       * assessment without any answer. */
      g_string_append_printf (out, _("## %s — no answers"), date);
    }
  g_string_append (out, "\n\n");

  if (with_sections)
    headings[n_cols++] = C_("export column", "Section");
  headings[n_cols++] = C_("export column", "Item");
  headings[n_cols++] = C_("export column", "Answer");
  /* Translators: column heading: how an answer compares with the previous assessment. */
  headings[n_cols++] = C_("export column", "Change");
  headings[n_cols++] = C_("export column", "Note");

  md_append_row (out, headings, n_cols);
  md_append_separator (out, n_cols);

  for (guint i = 0; i < deltas->len; i++)
    {
      const BmbItemDelta *delta = &g_array_index (deltas, BmbItemDelta, i);
      BmbChecklistItem *item = bmb_checklist_template_get_item (template, i);
      g_autofree char *answer = bmb_answer_kind_format_value (kind, delta->current);
      const char *cells[5];
      guint n = 0;

      if (with_sections)
        cells[n++] = bmb_checklist_item_get_section_label (item);
      cells[n++] = bmb_checklist_item_get_title (item);
      cells[n++] = answer;
      /* Nothing to compare with in the first assessment. */
      cells[n++] = (previous != NULL || delta->change == BMB_ITEM_CHANGE_UNANSWERED)
                 ? bmb_item_change_get_label (delta->change)
                 : "";
      cells[n++] = bmb_assessment_get_note (assessment, delta->item_id);

      md_append_row (out, cells, n);
    }

  g_string_append (out, "\n");
}

static void
md_append_trend (GString              *out,
                 BmbChecklistTemplate *template,
                 GPtrArray            *sorted)
{
  g_autoptr(GArray) points = bmb_assessment_score_series (template, sorted);
  const char *headings[3];

  /* Translators: the heading of the score trend in the Markdown export. */
  g_string_append_printf (out, "## %s\n\n", _("Trend"));

  if (points->len == 0)
    {
      g_string_append_printf (out, "%s\n", _("No scored assessments yet."));
      return;
    }

  headings[0] = C_("export column", "Date");
  headings[1] = C_("export column", "Score");
  headings[2] = C_("export column", "Change");
  md_append_row (out, headings, 3);
  md_append_separator (out, 3);

  for (guint i = 0; i < points->len; i++)
    {
      const BmbScorePoint *point = &g_array_index (points, BmbScorePoint, i);
      g_autofree char *date = format_date (point->taken_at);
      g_autofree char *percent = format_percent (point->percent);
      g_autofree char *change = NULL;
      const char *cells[3];

      if (i > 0)
        {
          const BmbScorePoint *prev = &g_array_index (points, BmbScorePoint, i - 1);
          long diff = lround (point->percent) - lround (prev->percent);

          change = g_strdup_printf ("%+ld", diff);
        }

      cells[0] = date;
      cells[1] = percent;
      cells[2] = change;
      md_append_row (out, cells, 3);
    }

  if (points->len > 1)
    {
      const BmbScorePoint *first = &g_array_index (points, BmbScorePoint, 0);
      const BmbScorePoint *last = &g_array_index (points, BmbScorePoint, points->len - 1);
      g_autofree char *from = format_percent (first->percent);
      g_autofree char *to = format_percent (last->percent);
      long diff = lround (last->percent) - lround (first->percent);

      g_string_append (out, "\n");
      if (diff > 0)
        /* Translators: the summary of the trend, e.g. “Up from 40% to 72% (+32 points).” */
        g_string_append_printf (out, _("Up from %s to %s (%+ld points)."), from, to, diff);
      else if (diff < 0)
        /* Translators: the summary of the trend, e.g. “Down from 72% to 60% (-12 points).” */
        g_string_append_printf (out, _("Down from %s to %s (%+ld points)."), from, to, diff);
      else
        /* Translators: the summary of the trend, e.g. “Steady at 72%.” */
        g_string_append_printf (out, _("Steady at %s."), to);
      g_string_append (out, "\n");
    }
}

char *
bmb_assessment_export_markdown (BmbChecklistTemplate *template,
                                GPtrArray            *assessments)
{
  g_autoptr(GPtrArray) sorted = NULL;
  const char *description;
  gboolean with_sections;
  GString *out;

  g_return_val_if_fail (BMB_IS_CHECKLIST_TEMPLATE (template), NULL);
  g_return_val_if_fail (assessments != NULL, NULL);

  sorted = sorted_complete (assessments);
  with_sections = template_has_sections (template);
  out = g_string_new (NULL);

  g_string_append_printf (out, "# %s\n\n", bmb_checklist_template_get_title (template));

  description = bmb_checklist_template_get_description (template);
  if (description != NULL && *description != '\0')
    g_string_append_printf (out, "%s\n\n", description);

  g_string_append_printf (out,
                          ngettext ("%u assessment, answered as: %s.",
                                    "%u assessments, answered as: %s.",
                                    sorted->len),
                          sorted->len,
                          bmb_answer_kind_get_label (bmb_checklist_template_get_answer_kind (template)));
  g_string_append (out, "\n\n");

  for (guint i = 0; i < sorted->len; i++)
    md_append_assessment (out, template,
                          i > 0 ? g_ptr_array_index (sorted, i - 1) : NULL,
                          g_ptr_array_index (sorted, i),
                          with_sections);

  md_append_trend (out, template, sorted);

  return g_string_free (out, FALSE);
}

/* ---- Files --------------------------------------------------------------------------- */

const char *
bmb_assessment_export_format_get_extension (BmbAssessmentExportFormat format)
{
  switch (format)
    {
    case BMB_ASSESSMENT_EXPORT_CSV:
      return "csv";
    case BMB_ASSESSMENT_EXPORT_MARKDOWN:
      return "md";
    default:
      g_return_val_if_reached (NULL);
    }
}

static char *
build_text (BmbChecklistTemplate      *template,
            GPtrArray                 *assessments,
            BmbAssessmentExportFormat  format)
{
  if (format == BMB_ASSESSMENT_EXPORT_CSV)
    return bmb_assessment_export_csv (template, assessments);

  return bmb_assessment_export_markdown (template, assessments);
}

static gboolean
write_text (GFile         *file,
            const char    *text,
            GCancellable  *cancellable,
            GError       **error)
{
  if (!bmb_file_output_replace_contents (file, text, strlen (text), cancellable, error))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_prefix_error (error, _("Could not write “%s”: "), name);
      return FALSE;
    }

  return TRUE;
}

typedef struct
{
  BmbDatabase                *db;
  GFile                      *file;
  BmbAssessmentExportOptions  options;
  BmbProgress                *progress;
  GAsyncReadyCallback         callback;
  gpointer                    user_data;
} ExportData;

static void
export_data_free (gpointer data)
{
  ExportData *export = data;

  g_clear_object (&export->db);
  g_clear_object (&export->file);
  g_clear_object (&export->progress);
  g_free (export);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *export = task_data;
  g_autoptr(BmbDatabase) worker = NULL;
  g_autoptr(BmbChecklistStore) store = NULL;
  g_autoptr(BmbChecklistTemplate) template = NULL;
  g_autoptr(GPtrArray) history = NULL;
  GError *error = NULL;

  if (!(worker = bmb_database_open_worker (export->db, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  store = bmb_checklist_store_new (worker);
  if (!(template = bmb_checklist_store_get_template (store, export->options.template_id, &error)) ||
      !(history = bmb_checklist_store_list_history (store, export->options.template_id, &error)) ||
      !bmb_assessment_export_to_file (template, history, export->options.format, export->file,
                                      cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
export_done_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  ExportData *export = g_task_get_task_data (G_TASK (result));

  if (export->progress != NULL && !g_task_had_error (G_TASK (result)))
    bmb_progress_update (export->progress, 1, 0, 0);
  if (export->callback != NULL)
    export->callback (source_object, result, export->user_data);
}

void
bmb_assessment_export_async (BmbChecklistStore                *source,
                             GFile                            *target,
                             const BmbAssessmentExportOptions *options,
                             GCancellable                     *cancellable,
                             BmbProgress                      *progress,
                             GAsyncReadyCallback               callback,
                             gpointer                          user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportData *export;

  g_return_if_fail (BMB_IS_CHECKLIST_STORE (source));
  g_return_if_fail (G_IS_FILE (target));
  g_return_if_fail (options != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));
  g_return_if_fail (progress == NULL || BMB_IS_PROGRESS (progress));

  export = g_new0 (ExportData, 1);
  export->db = g_object_ref (bmb_checklist_store_get_database (source));
  export->file = g_object_ref (target);
  export->options = *options;
  export->progress = progress != NULL ? g_object_ref (progress) : NULL;
  export->callback = callback;
  export->user_data = user_data;

  task = g_task_new (source, cancellable, export_done_cb, NULL);
  g_task_set_source_tag (task, bmb_assessment_export_async);
  g_task_set_task_data (task, export, export_data_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
bmb_assessment_export_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == bmb_assessment_export_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
bmb_assessment_export_to_file (BmbChecklistTemplate       *template,
                               GPtrArray                  *assessments,
                               BmbAssessmentExportFormat   format,
                               GFile                      *file,
                               GCancellable               *cancellable,
                               GError                    **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (BMB_IS_CHECKLIST_TEMPLATE (template), FALSE);
  g_return_val_if_fail (assessments != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  text = build_text (template, assessments, format);

  return write_text (file, text, cancellable, error);
}
