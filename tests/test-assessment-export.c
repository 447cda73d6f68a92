/* test-assessment-export.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exporting an assessment history: the CSV is parsed back as RFC 4180 and
 * compared with what was saved; the Markdown is checked for its structure
 * (a heading and table per assessment, the trend); files are written
 * synchronously and in a thread; headings are translated.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "bmb-assessment-export.h"
#include "bmb-checklist-store.h"
#include "bmb-test-utils.h"

/* 2026-01-10 09:00 WIB, 2026-01-31 20:00 UTC (already 1 February in Jakarta),
 * 2026-03-01 12:00 WIB. */
#define T_JAN 1768010400
#define T_FEB 1769889600
#define T_MAR 1772341200

typedef struct
{
  BmbDatabase          *db;
  BmbChecklistStore    *store;
  BmbChecklistTemplate *template;   /* networking-event: yes/no with sections */
  GPtrArray            *history;
} Fixture;

static void
answer_all (Fixture       *fixture,
            gint64         taken_at,
            const int     *values,
            const char   **notes,
            gboolean       complete)
{
  g_autoptr(BmbAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;
  guint n = bmb_checklist_template_get_n_items (fixture->template);

  assessment = bmb_checklist_store_start_assessment (fixture->store,
                                                     bmb_checklist_template_get_id (fixture->template),
                                                     0, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < n; i++)
    {
      gint64 item_id = bmb_checklist_item_get_id (bmb_checklist_template_get_item (fixture->template, i));

      bmb_checklist_store_set_answer (fixture->store, assessment, item_id, values[i],
                                      notes != NULL ? notes[i] : NULL, &error);
      g_assert_no_error (error);
    }

  if (complete)
    {
      bmb_checklist_store_complete_assessment (fixture->store, assessment, taken_at, &error);
      g_assert_no_error (error);
    }
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  /* 10 items: 5 preparation, 3 action, 2 maintaining. */
  const int jan[] = { 1, 0, 0, 1, 0, 0, 1, 0, BMB_ANSWER_NONE, 1 };
  const int feb[] = { 1, 1, 0, 1, 0, 1, 1, 0, 1, 1 };
  const int mar[] = { 1, 1, 1, 1, 1, 1, 1, 0, 1, 1 };
  const int draft[] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
  const char *notes[] = {
    "Five people, as planned",
    "Asked about their \"best\" project",
    NULL,
    "Cards, 30 of them",
    "Batik shirt | smart shoes",
    "Line one\nline two",
    NULL, NULL, NULL, NULL,
  };

  fixture->db = bmb_test_open_tmp_database (NULL);
  fixture->store = bmb_checklist_store_new (fixture->db);
  bmb_checklist_store_sync_builtins (fixture->store, &error);
  g_assert_no_error (error);
  fixture->template = bmb_checklist_store_get_builtin (fixture->store, "networking-event", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bmb_checklist_template_get_n_items (fixture->template), ==, 10);

  /* Saved out of order; the draft must not be exported. */
  answer_all (fixture, T_MAR, mar, NULL, TRUE);
  answer_all (fixture, T_JAN, jan, NULL, TRUE);
  answer_all (fixture, T_FEB, feb, notes, TRUE);
  answer_all (fixture, 0, draft, NULL, FALSE);

  fixture->history = bmb_checklist_store_list_history (fixture->store,
                                                       bmb_checklist_template_get_id (fixture->template),
                                                       &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->history->len, ==, 3);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->history, g_ptr_array_unref);
  g_clear_object (&fixture->template);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->db);
}

/* ---- A strict RFC 4180 reader ------------------------------------------------------- */

/* Returns rows (GPtrArray of GStrv-like GPtrArray of char *). Fails the test
 * on anything RFC 4180 does not allow. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      if (*p == '"')
        {
          g_assert_cmpuint (field->len, ==, 0);
          p++;
          for (;;)
            {
              g_assert_true (*p != '\0');   /* unterminated quote */
              if (*p == '"' && p[1] == '"')
                {
                  g_string_append_c (field, '"');
                  p += 2;
                }
              else if (*p == '"')
                {
                  p++;
                  break;
                }
              else
                {
                  g_string_append_c (field, *p++);
                }
            }
          g_assert_true (*p == ',' || *p == '\r');
        }
      else if (*p == ',')
        {
          g_ptr_array_add (row, g_string_free (g_steal_pointer (&field), FALSE));
          field = g_string_new (NULL);
          p++;
        }
      else if (*p == '\r')
        {
          g_assert_cmpint (p[1], ==, '\n');    /* records end in CRLF */
          g_ptr_array_add (row, g_string_free (g_steal_pointer (&field), FALSE));
          field = g_string_new (NULL);
          g_ptr_array_add (rows, row);
          row = g_ptr_array_new_with_free_func (g_free);
          p += 2;
        }
      else
        {
          g_assert_cmpint (*p, !=, '\n');     /* bare LF only inside quotes */
          g_assert_cmpint (*p, !=, '"');
          g_string_append_c (field, *p++);
        }
    }

  /* The last record ends in CRLF too: nothing pending. */
  g_assert_cmpuint (field->len, ==, 0);
  g_assert_cmpuint (row->len, ==, 0);
  g_string_free (field, TRUE);
  g_ptr_array_unref (row);

  return rows;
}

static const char *
cell (GPtrArray *rows,
      guint      r,
      guint      c)
{
  GPtrArray *row = g_ptr_array_index (rows, r);

  g_assert_cmpuint (c, <, row->len);
  return g_ptr_array_index (row, c);
}

/* ---- Tests ------------------------------------------------------------------------- */

static void
test_csv (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *csv = bmb_assessment_export_csv (fixture->template, fixture->history);
  g_autoptr(GPtrArray) rows = parse_csv (csv);
  const char *header[] = { "Date", "Section", "Item", "Answer", "Note", "Score (%)" };

  /* Header + 3 assessments × 10 items; the draft is left out. */
  g_assert_cmpuint (rows->len, ==, 1 + 3 * 10);
  for (guint c = 0; c < G_N_ELEMENTS (header); c++)
    g_assert_cmpstr (cell (rows, 0, c), ==, header[c]);
  for (guint r = 0; r < rows->len; r++)
    g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (rows, r))->len, ==, 6);

  /* Oldest first, local dates (31 Jan 20:00 UTC is 1 Feb in Jakarta). */
  g_assert_cmpstr (cell (rows, 1, 0), ==, "2026-01-10");
  g_assert_cmpstr (cell (rows, 11, 0), ==, "2026-02-01");
  g_assert_cmpstr (cell (rows, 21, 0), ==, "2026-03-01");

  /* January: 4 yes of 9 answered = 44%; the unanswered item is empty. */
  g_assert_cmpstr (cell (rows, 1, 1), ==, "Preparation");
  g_assert_cmpstr (cell (rows, 1, 2), ==, "Set a target");
  g_assert_cmpstr (cell (rows, 1, 3), ==, "Yes");
  g_assert_cmpstr (cell (rows, 2, 3), ==, "No");
  g_assert_cmpstr (cell (rows, 9, 1), ==, "Maintaining contacts");
  g_assert_cmpstr (cell (rows, 9, 2), ==, "Ask for their card");
  g_assert_cmpstr (cell (rows, 9, 3), ==, "");
  for (guint r = 1; r <= 10; r++)
    g_assert_cmpstr (cell (rows, r, 5), ==, "44");

  /* February: notes with commas, quotes, pipes and a line break survive. */
  g_assert_cmpstr (cell (rows, 11, 4), ==, "Five people, as planned");
  g_assert_cmpstr (cell (rows, 12, 4), ==, "Asked about their \"best\" project");
  g_assert_cmpstr (cell (rows, 13, 4), ==, "");
  g_assert_cmpstr (cell (rows, 14, 4), ==, "Cards, 30 of them");
  g_assert_cmpstr (cell (rows, 15, 4), ==, "Batik shirt | smart shoes");
  g_assert_cmpstr (cell (rows, 16, 4), ==, "Line one\nline two");
  g_assert_cmpstr (cell (rows, 16, 1), ==, "Getting into action");
  g_assert_cmpstr (cell (rows, 11, 5), ==, "70");

  g_assert_cmpstr (cell (rows, 21, 5), ==, "90");
}

static guint
count_lines_with_prefix (char       **lines,
                         const char  *prefix)
{
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    n += g_str_has_prefix (lines[i], prefix);

  return n;
}

static void
test_markdown (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *md = bmb_assessment_export_markdown (fixture->template, fixture->history);
  g_auto(GStrv) lines = g_strsplit (md, "\n", -1);
  guint i;
  guint n_tables = 0;

  g_assert_cmpstr (lines[0], ==, "# Networking at an event");
  g_assert_cmpuint (count_lines_with_prefix (lines, "# "), ==, 1);
  g_assert_nonnull (strstr (md, "3 assessments, answered as: Yes or no."));

  /* One heading per complete assessment, in date order, plus the trend. */
  g_assert_cmpuint (count_lines_with_prefix (lines, "## "), ==, 4);
  g_assert_nonnull (strstr (md, "## 2026-01-10 — 44% (9 of 10 answered)\n"));
  g_assert_nonnull (strstr (md, "## 2026-02-01 — 70% (10 of 10 answered)\n"));
  g_assert_nonnull (strstr (md, "## 2026-03-01 — 90% (10 of 10 answered)\n"));
  g_assert_true (strstr (md, "## 2026-01-10") < strstr (md, "## 2026-02-01"));
  g_assert_true (strstr (md, "## 2026-02-01") < strstr (md, "## 2026-03-01"));
  g_assert_true (strstr (md, "## 2026-03-01") < strstr (md, "## Trend"));

  /* Each assessment table: header, separator, 10 rows of 5 cells. */
  for (i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "## 2026-"))
        {
          g_assert_cmpstr (lines[i + 1], ==, "");
          g_assert_cmpstr (lines[i + 2], ==, "| Section | Item | Answer | Change | Note |");
          g_assert_cmpstr (lines[i + 3], ==, "| --- | --- | --- | --- | --- |");
          for (guint r = 0; r < 10; r++)
            {
              const char *row = lines[i + 4 + r];
              guint n_bars = 0;

              g_assert_true (g_str_has_prefix (row, "| "));
              for (const char *p = row; *p != '\0'; p++)
                n_bars += (*p == '|' && (p == row || p[-1] != '\\'));
              g_assert_cmpuint (n_bars, ==, 6);
            }
          g_assert_cmpstr (lines[i + 14], ==, "");
          n_tables++;
        }
    }
  g_assert_cmpuint (n_tables, ==, 3);

  /* First assessment: no comparison; later ones: changes against the previous. */
  g_assert_nonnull (strstr (md, "| Preparation | Set a target | Yes |  |  |\n"));
  g_assert_nonnull (strstr (md, "| Maintaining contacts | Ask for their card |  | Not answered |  |\n"));
  g_assert_nonnull (strstr (md, "| Preparation | Prepare questions | Yes | Improved |"
                                " Asked about their \"best\" project |\n"));
  g_assert_nonnull (strstr (md, "| Preparation | Set a target | Yes | Same | Five people, as planned |\n"));
  g_assert_nonnull (strstr (md, "| Maintaining contacts | Ask for their card | Yes | New |  |\n"));
  /* Pipes are escaped and line breaks kept inside the cell. */
  g_assert_nonnull (strstr (md, "Batik shirt \\| smart shoes"));
  g_assert_nonnull (strstr (md, "Line one<br>line two"));

  /* The trend. */
  g_assert_nonnull (strstr (md, "## Trend\n\n| Date | Score | Change |\n| --- | --- | --- |\n"
                                "| 2026-01-10 | 44% |  |\n"
                                "| 2026-02-01 | 70% | +26 |\n"
                                "| 2026-03-01 | 90% | +20 |\n"));
  g_assert_nonnull (strstr (md, "Up from 44% to 90% (+46 points)."));
}

static void
test_markdown_empty (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_autofree char *md = bmb_assessment_export_markdown (fixture->template, none);
  g_autofree char *csv = bmb_assessment_export_csv (fixture->template, none);
  g_autoptr(GPtrArray) rows = parse_csv (csv);

  g_assert_true (g_str_has_prefix (md, "# Networking at an event\n"));
  g_assert_nonnull (strstr (md, "0 assessments"));
  g_assert_nonnull (strstr (md, "## Trend\n\nNo scored assessments yet.\n"));
  g_assert_cmpuint (rows->len, ==, 1);
}

typedef struct
{
  gboolean  done;
  GError   *error;
} AsyncState;

static void
on_export_async_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  AsyncState *state = user_data;

  bmb_assessment_export_finish (result, &state->error);
  state->done = TRUE;
}

static gboolean
async_done (gpointer data)
{
  return ((AsyncState *) data)->done;
}

static void
test_files (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *dir = bmb_test_make_tmpdir ();
  g_autofree char *csv_path = g_build_filename (dir, "history.csv", NULL);
  g_autofree char *md_path = g_build_filename (dir, "history.md", NULL);
  g_autofree char *bad_path = g_build_filename (dir, "missing", "folder", "history.md", NULL);
  g_autoptr(GFile) csv_file = g_file_new_for_path (csv_path);
  g_autoptr(GFile) md_file = g_file_new_for_path (md_path);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad_path);
  g_autofree char *expected_md = bmb_assessment_export_markdown (fixture->template,
                                                                 fixture->history);
  g_autofree char *expected_csv = bmb_assessment_export_csv (fixture->template, fixture->history);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbProgress) progress = bmb_progress_new ();
  BmbAssessmentExportOptions options = { bmb_checklist_template_get_id (fixture->template),
                                         BMB_ASSESSMENT_EXPORT_MARKDOWN };
  AsyncState state = { FALSE, NULL };

  g_assert_cmpstr (bmb_assessment_export_format_get_extension (BMB_ASSESSMENT_EXPORT_CSV),
                   ==, "csv");
  g_assert_cmpstr (bmb_assessment_export_format_get_extension (BMB_ASSESSMENT_EXPORT_MARKDOWN),
                   ==, "md");

  g_assert_true (bmb_assessment_export_to_file (fixture->template, fixture->history,
                                                BMB_ASSESSMENT_EXPORT_CSV, csv_file, NULL,
                                                &error));
  g_assert_no_error (error);
  g_file_get_contents (csv_path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, expected_csv);
  g_clear_pointer (&contents, g_free);

  /* The async export reads the history itself, on a worker connection. */
  bmb_assessment_export_async (fixture->store, md_file, &options, NULL, progress,
                               on_export_async_cb, &state);
  g_assert_true (bmb_test_wait_for (async_done, &state, 5000));
  g_assert_no_error (state.error);
  g_assert_cmpfloat (bmb_progress_get_fraction (progress), ==, 1.0);
  g_file_get_contents (md_path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, expected_md);

  /* A folder that does not exist: the error names the file. */
  state.done = FALSE;
  bmb_assessment_export_async (fixture->store, bad_file, &options, NULL, NULL,
                               on_export_async_cb, &state);
  g_assert_true (bmb_test_wait_for (async_done, &state, 5000));
  g_assert_error (state.error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (state.error->message, bad_path));
  g_clear_error (&state.error);

}

static void
test_translated_headings (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *csv = NULL;
  g_autofree char *md = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  g_setenv ("LANGUAGE", "id", TRUE);
  setlocale (LC_MESSAGES, "");

  csv = bmb_assessment_export_csv (fixture->template, fixture->history);
  md = bmb_assessment_export_markdown (fixture->template, fixture->history);

  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_MESSAGES, "");

  rows = parse_csv (csv);
  g_assert_cmpstr (cell (rows, 0, 0), ==, "Tanggal");
  g_assert_cmpstr (cell (rows, 0, 2), ==, "Butir");
  g_assert_cmpstr (cell (rows, 0, 3), ==, "Jawaban");
  g_assert_cmpstr (cell (rows, 1, 1), ==, "Persiapan");
  g_assert_cmpstr (cell (rows, 1, 2), ==, "Tetapkan target");
  g_assert_cmpstr (cell (rows, 1, 3), ==, "Ya");
  g_assert_cmpstr (cell (rows, 2, 3), ==, "Tidak");

  g_assert_true (g_str_has_prefix (md, "# Berjejaring di sebuah acara\n"));
  g_assert_nonnull (strstr (md, "## 2026-01-10 — 44% (9 dari 10 dijawab)\n"));
  g_assert_nonnull (strstr (md, "## Tren\n"));
  g_assert_nonnull (strstr (md, "Naik dari 44% menjadi 90% (+46 poin)."));
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("BIMBING_LOCALEDIR");

  g_setenv ("TZ", "Asia/Jakarta", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/checklists/export/csv", test_csv);
  ADD ("/checklists/export/markdown", test_markdown);
  ADD ("/checklists/export/empty", test_markdown_empty);
  /* Before any worker thread exists: it changes LANGUAGE. */
  ADD ("/checklists/export/translated", test_translated_headings);
  ADD ("/checklists/export/files", test_files);

#undef ADD

  return g_test_run ();
}
