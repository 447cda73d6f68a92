/* test-checklists-page.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drives the real window under Xvfb: Ctrl+3 to the Checklists page, pick
 * "Traits of a good mentee", answer with the keyboard, close the window,
 * open it again and resume the draft with its answers, finish, and read
 * the score in the history. Also: custom checklists (create, reorder,
 * delete with Undo) and the built-in titles in Indonesian.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>

#include "bmb-application.h"
#include "bmb-assessment-history.h"
#include "bmb-assessment-item-row.h"
#include "bmb-assessment-view.h"
#include "bmb-checklist-builtins.h"
#include "bmb-checklist-store.h"
#include "bmb-checklists-page.h"
#include "bmb-contact-store.h"
#include "bmb-mentoring-store.h"
#include "bmb-template-editor.h"
#include "bmb-template-item-row.h"
#include "bmb-template-row.h"
#include "bmb-test-utils.h"
#include "bmb-window.h"

typedef struct
{
  BmbApplication *app;
  char           *db_path;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *dir = bmb_test_make_tmpdir ();

  f->db_path = g_build_filename (dir, "bimbing.db", NULL);
  f->app = bmb_test_app_new (f->db_path);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_pointer (&f->app, bmb_test_app_free);
  g_clear_pointer (&f->db_path, g_free);
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

static gboolean
has_no_windows (gpointer app)
{
  return gtk_application_get_windows (app) == NULL;
}

/* Presents the main window, focuses it and goes to the Checklists page with
 * Ctrl+3, as a user would. */
static BmbChecklistsPage *
open_checklists_page (Fixture    *f,
                      GtkWindow **out_window)
{
  GtkWindow *window = bmb_application_present_main_window (f->app);
  GtkWidget *page;

  g_assert_true (BMB_IS_WINDOW (window));
  g_assert_true (bmb_test_wait_for (is_mapped, window, 5000));
  bmb_test_focus_window (window);

  page = bmb_window_get_page_widget (BMB_WINDOW (window), "checklists");
  bmb_test_press_keys ("ctrl+4");
  g_assert_true (bmb_test_wait_for (is_mapped, page, 5000));
  bmb_test_spin (100);

  *out_window = window;

  return BMB_CHECKLISTS_PAGE (page);
}

static GtkStack *
page_stack (BmbChecklistsPage *page)
{
  /* below the page's header bar */
  return GTK_STACK (gtk_widget_get_last_child (adw_bin_get_child (ADW_BIN (page))));
}

typedef struct
{
  GtkStack   *stack;
  const char *name;
} StackWait;

static gboolean
stack_shows (gpointer data)
{
  StackWait *w = data;

  return g_strcmp0 (gtk_stack_get_visible_child_name (w->stack), w->name) == 0;
}

static void
wait_for_stack (GtkStack   *stack,
                const char *name)
{
  StackWait w = { stack, name };

  if (!bmb_test_wait_for (stack_shows, &w, 5000))
    g_error ("The page shows “%s”, not “%s”", gtk_stack_get_visible_child_name (stack), name);
}

static gint64
builtin_id (BmbApplication *app,
            const char     *key)
{
  g_autoptr(BmbChecklistStore) store = bmb_checklist_store_new (bmb_application_get_database (app));
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbChecklistTemplate) template = bmb_checklist_store_get_builtin (store, key, &error);

  g_assert_no_error (error);

  return bmb_checklist_template_get_id (template);
}

/* Picks a checklist in the sidebar list as a click would: through the list
 * view's selection model. */
static void
pick_template (BmbChecklistsPage *page,
               gint64             template_id)
{
  GtkWidget *list = bmb_test_find_widget (GTK_WIDGET (page), GTK_TYPE_LIST_VIEW, "navigation-sidebar");
  GtkSelectionModel *model = gtk_list_view_get_model (GTK_LIST_VIEW (list));
  gboolean found = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr(BmbChecklistTemplate) t = g_list_model_get_item (G_LIST_MODEL (model), i);

      if (bmb_checklist_template_get_id (t) == template_id)
        {
          gtk_selection_model_select_item (model, i, TRUE);
          found = TRUE;
          break;
        }
    }

  g_assert_true (found);
  g_assert_nonnull (bmb_checklists_page_get_selected_template (page));
  g_assert_cmpint (bmb_checklist_template_get_id (bmb_checklists_page_get_selected_template (page)),
                   ==, template_id);
  gtk_widget_grab_focus (list);
}

static BmbAssessmentView *
find_view (BmbChecklistsPage *page)
{
  return BMB_ASSESSMENT_VIEW (bmb_test_find_widget (GTK_WIDGET (page),
                                                    BMB_TYPE_ASSESSMENT_VIEW, NULL));
}

static BmbAssessmentHistory *
find_history (BmbChecklistsPage *page)
{
  return BMB_ASSESSMENT_HISTORY (bmb_test_find_widget (GTK_WIDGET (page),
                                                       BMB_TYPE_ASSESSMENT_HISTORY, NULL));
}

typedef struct
{
  BmbAssessmentView *view;
  const char        *text;
} ProgressWait;

static gboolean
progress_is (gpointer data)
{
  ProgressWait *w = data;

  return g_strcmp0 (bmb_assessment_view_get_progress_text (w->view), w->text) == 0;
}

static void
wait_for_progress (BmbAssessmentView *view,
                   const char        *text)
{
  ProgressWait w = { view, text };

  if (!bmb_test_wait_for (progress_is, &w, 5000))
    g_error ("Progress is “%s”, not “%s”", bmb_assessment_view_get_progress_text (view), text);
}

static int
row_value (BmbAssessmentView *view,
           guint              position)
{
  return bmb_assessment_item_row_get_value (BMB_ASSESSMENT_ITEM_ROW (bmb_assessment_view_get_row (view, position)));
}

static BmbTemplateRow *
find_template_row (BmbChecklistsPage *page,
                   gint64             template_id)
{
  GtkWidget *list = bmb_test_find_widget (GTK_WIDGET (page), GTK_TYPE_LIST_VIEW, "navigation-sidebar");

  /* The list view's row widgets are BmbTemplateRows bound to templates. */
  for (GtkWidget *child = gtk_widget_get_first_child (list);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = bmb_test_find_widget (child, BMB_TYPE_TEMPLATE_ROW, NULL);
      BmbChecklistTemplate *template;

      if (row == NULL)
        continue;
      template = bmb_template_row_get_item (BMB_TEMPLATE_ROW (row));
      if (template != NULL && bmb_checklist_template_get_id (template) == template_id)
        return BMB_TEMPLATE_ROW (row);
    }

  return NULL;
}

static gboolean
row_has_draft (gpointer data)
{
  gpointer *args = data;
  BmbTemplateRow *row = find_template_row (args[0], GPOINTER_TO_SIZE (args[1]));

  return row != NULL && bmb_template_row_get_has_draft (row);
}

static guint
count_widgets (GtkWidget *root,
               GType      type)
{
  guint n = G_TYPE_CHECK_INSTANCE_TYPE (root, type) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_widgets (child, type);

  return n;
}

static void
test_take_resume_finish (Fixture       *f,
                         gconstpointer  data)
{
  static const int answers[] = { 4, 5, 3 };
  const char *note = "Ask for feedback after every session";
  g_autofree char *progress = NULL;
  BmbChecklistsPage *page;
  BmbAssessmentView *view;
  BmbAssessmentHistory *history;
  BmbChecklistTemplate *template;
  GtkWidget *note_entry, *first_row;
  AdwExpanderRow *row;
  GtkWindow *window;
  gint64 mentee_id;
  guint n_items;
  int sum = 0;

  if (!bmb_test_have_display ())
    {
      g_test_skip ("Needs an X display and xdotool");
      return;
    }

  page = open_checklists_page (f, &window);

  /* A new database lists the checklists at once: no welcome page to click through. */
  wait_for_stack (page_stack (page), "main");

  mentee_id = builtin_id (f->app, "mentee-traits");
  pick_template (page, mentee_id);
  template = bmb_checklists_page_get_selected_template (page);
  g_assert_cmpstr (bmb_checklist_template_get_title (template), ==, "Traits of a good mentee");
  n_items = bmb_checklist_template_get_n_items (template);
  g_assert_cmpuint (n_items, >, G_N_ELEMENTS (answers));
  g_assert_cmpint (bmb_checklist_template_get_answer_kind (template), ==, BMB_ANSWER_KIND_RATING);

  /* Ctrl+N takes the selected checklist; the first item has the focus. */
  bmb_test_press_keys ("ctrl+n");
  wait_for_stack (page_stack (page), "assessment");
  view = find_view (page);
  progress = g_strdup_printf ("0 of %u answered", n_items);
  g_assert_cmpstr (bmb_assessment_view_get_progress_text (view), ==, progress);
  first_row = bmb_assessment_view_get_row (view, 0);
  g_assert_true (gtk_widget_has_focus (first_row));

  /* Keys 1–5 rate the focused item and move on to the next one. */
  bmb_test_press_keys ("4");
  bmb_test_press_keys ("5");
  bmb_test_press_keys ("3");
  g_free (progress);
  progress = g_strdup_printf ("3 of %u answered", n_items);
  wait_for_progress (view, progress);
  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    g_assert_cmpint (row_value (view, i), ==, answers[i]);
  g_assert_cmpint (row_value (view, 3), ==, -1);

  /* Up goes back; Y is not a rating. */
  bmb_test_press_keys ("Up");
  bmb_test_press_keys ("y");
  g_assert_cmpint (row_value (view, 2), ==, 3);

  /* A note on the first item, typed for real: opening it puts the cursor there. */
  note_entry = bmb_test_find_widget (first_row, GTK_TYPE_ENTRY, NULL);
  gtk_widget_activate (bmb_test_find_widget (first_row, GTK_TYPE_TOGGLE_BUTTON, "flat"));
  g_assert_true (bmb_test_wait_for (is_mapped, note_entry, 5000));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), note_entry));
  bmb_test_spin (300);
  bmb_test_focus_window (window);
  bmb_test_type_text (note);
  bmb_test_spin (200);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (note_entry)), ==, note);

  /* Close the window at once: the note is saved on the way out. */
  gtk_window_close (window);
  g_assert_true (bmb_test_wait_for (has_no_windows, f->app, 5000));

  /* Open it again: the checklist says "Resume", and the draft has every answer. */
  page = open_checklists_page (f, &window);
  wait_for_stack (page_stack (page), "main");
  {
    gpointer args[2] = { page, GSIZE_TO_POINTER (mentee_id) };

    pick_template (page, mentee_id);
    g_assert_true (bmb_test_wait_for (row_has_draft, args, 5000));
  }
  history = find_history (page);
  g_assert_true (bmb_assessment_history_get_has_draft (history));

  bmb_test_press_keys ("ctrl+n");
  wait_for_stack (page_stack (page), "assessment");
  view = find_view (page);
  wait_for_progress (view, progress);
  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    g_assert_cmpint (row_value (view, i), ==, answers[i]);
  g_assert_cmpstr (bmb_assessment_item_row_get_note (BMB_ASSESSMENT_ITEM_ROW (bmb_assessment_view_get_row (view, 0))),
                   ==, note);

  /* The focus is on the first unanswered item: rate the rest 2. */
  g_assert_true (gtk_widget_has_focus (bmb_assessment_view_get_row (view, G_N_ELEMENTS (answers))));
  for (guint i = G_N_ELEMENTS (answers); i < n_items; i++)
    bmb_test_press_keys ("2");
  g_free (progress);
  progress = g_strdup_printf ("%u of %u answered", n_items, n_items);
  wait_for_progress (view, progress);

  /* Ctrl+Enter finishes; the history shows the score. */
  bmb_test_press_keys ("ctrl+Return");
  wait_for_stack (page_stack (page), "main");
  history = find_history (page);
  g_assert_cmpuint (g_list_model_get_n_items (bmb_assessment_history_get_model (history)), ==, 1);
  g_assert_false (bmb_assessment_history_get_has_draft (history));
  g_assert_cmpuint (bmb_progress_chart_get_n_points (bmb_assessment_history_get_chart (history)), ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    sum += answers[i] - 1;
  sum += (n_items - G_N_ELEMENTS (answers)) * (2 - 1);
  {
    int percent = (int) round (100.0 * sum / (4.0 * n_items));
    g_autofree char *expected = g_strdup_printf ("%d%%", percent);
    GtkWidget *score;

    row = bmb_assessment_history_get_row (history, 0);
    g_assert_nonnull (row);
    g_assert_cmpstr (adw_expander_row_get_subtitle (row), ==, "First assessment");
    /* The answers are rows of their own (one per item, beside the
     * expander's own header row), made when the row is expanded. */
    g_assert_cmpuint (count_widgets (GTK_WIDGET (row), ADW_TYPE_ACTION_ROW), <=, 1);
    adw_expander_row_set_expanded (row, TRUE);
    g_assert_cmpuint (count_widgets (GTK_WIDGET (row), ADW_TYPE_ACTION_ROW), >=, n_items);
    adw_expander_row_set_expanded (row, FALSE);
    score = bmb_test_find_widget (GTK_WIDGET (row), GTK_TYPE_LABEL, "checklist-score");
    g_assert_nonnull (score);
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (score)), ==, expected);

    /* The sidebar shows it too. */
    g_assert_cmpfloat_with_epsilon (bmb_template_row_get_last_score (find_template_row (page, mentee_id)),
                                    100.0 * sum / (4.0 * n_items), 0.01);
  }

  /* A second assessment compares item by item with the first. */
  bmb_checklists_page_start_assessment (page, "mentee-traits");
  wait_for_stack (page_stack (page), "assessment");
  view = find_view (page);
  g_assert_cmpint (row_value (view, 0), ==, -1);
  bmb_assessment_item_row_choose (BMB_ASSESSMENT_ITEM_ROW (bmb_assessment_view_get_row (view, 0)), 5);
  bmb_assessment_item_row_choose (BMB_ASSESSMENT_ITEM_ROW (bmb_assessment_view_get_row (view, 1)), 5);
  bmb_assessment_item_row_choose (BMB_ASSESSMENT_ITEM_ROW (bmb_assessment_view_get_row (view, 2)), 1);
  g_assert_true (bmb_assessment_view_finish (view));
  wait_for_stack (page_stack (page), "main");
  history = find_history (page);
  g_assert_cmpuint (g_list_model_get_n_items (bmb_assessment_history_get_model (history)), ==, 2);
  row = bmb_assessment_history_get_row (history, 0);
  g_assert_cmpstr (adw_expander_row_get_subtitle (row), ==, "1 improved · 1 same · 1 declined");
  g_assert_cmpuint (bmb_progress_chart_get_n_points (bmb_assessment_history_get_chart (history)), ==, 2);
}

static guint
count_history_rows (BmbAssessmentHistory *history)
{
  guint n = 0;

  while (bmb_assessment_history_get_row (history, n) != NULL)
    n++;

  return n;
}

/* A long history builds its rows a page at a time: the newest 25, then 25 more for each
 * "Show Earlier Assessments"; the chart still has every point. */
static void
test_history_in_pages (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbDatabase) db = bmb_test_open_tmp_database (NULL);
  g_autoptr(BmbChecklistStore) store = bmb_checklist_store_new (db);
  g_autoptr(BmbChecklistTemplate) template = NULL;
  g_autoptr(GPtrArray) templates = NULL;
  BmbAssessmentHistory *history;
  GtkWidget *window;
  GtkWidget *earlier;
  gint64 start = g_get_real_time () / G_USEC_PER_SEC - 60 * 7 * 86400;

  g_assert_true (bmb_checklist_store_sync_builtins (store, &error));
  templates = bmb_checklist_store_list_templates (store, &error);
  g_assert_no_error (error);
  template = g_object_ref (g_ptr_array_index (templates, 0));

  for (int i = 0; i < 60; i++)
    {
      g_autoptr(BmbAssessment) assessment = NULL;
      g_autoptr(BmbChecklistItem) item = g_list_model_get_item (bmb_checklist_template_get_items (template), 0);

      assessment = bmb_checklist_store_start_assessment (store, bmb_checklist_template_get_id (template),
                                                         0, &error);
      g_assert_no_error (error);
      g_assert_true (bmb_checklist_store_set_answer (store, assessment, bmb_checklist_item_get_id (item),
                                                     bmb_checklist_template_get_answer_kind (template) ==
                                                     BMB_ANSWER_KIND_YES_NO ? i % 2 : 1 + i % 5,
                                                     NULL, &error));
      g_assert_true (bmb_checklist_store_complete_assessment (store, assessment, start + i * 7 * 86400,
                                                              &error));
      g_assert_no_error (error);
    }

  history = BMB_ASSESSMENT_HISTORY (bmb_assessment_history_new ());
  window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (history));
  g_assert_true (bmb_assessment_history_set_template (history, store, template, &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  bmb_test_spin (50);

  g_assert_cmpuint (g_list_model_get_n_items (bmb_assessment_history_get_model (history)), ==, 60);
  g_assert_cmpuint (bmb_progress_chart_get_n_points (bmb_assessment_history_get_chart (history)), ==, 60);
  g_assert_cmpuint (count_history_rows (history), ==, 25);

  earlier = bmb_test_find_named (GTK_WIDGET (history), "earlier-assessments");
  g_assert_nonnull (earlier);
  g_assert_true (gtk_widget_get_visible (earlier));
  g_signal_emit_by_name (earlier, "clicked");
  g_assert_cmpuint (count_history_rows (history), ==, 50);
  g_signal_emit_by_name (earlier, "clicked");
  g_assert_cmpuint (count_history_rows (history), ==, 60);
  g_assert_false (gtk_widget_get_visible (earlier));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Text typed at once after a focus change can be lost while the entry's
 * input method starts. */
static void
type_after_focus (const char *text)
{
  bmb_test_spin (500);
  bmb_test_type_text (text);
  bmb_test_spin (200);
}

static void
run_xdotool (const char *command)
{
  g_autofree char *line = g_strdup_printf ("xdotool %s", command);
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_command_line_sync (line, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

/* Screen coordinates of the centre of @widget (X11: the window's origin is
 * read back from the server). */
static void
screen_centre (GtkWidget *widget,
               int       *x,
               int       *y)
{
  GtkNative *native = gtk_widget_get_native (widget);
  g_autofree char *pattern = g_strdup_printf ("^%s$", gtk_window_get_title (GTK_WINDOW (native)));
  g_autofree char *command = g_strdup_printf ("xdotool search --limit 1 --name '%s' "
                                              "getwindowgeometry --shell", pattern);
  g_autofree char *output = NULL;
  g_auto(GStrv) lines = NULL;
  graphene_point_t centre;
  double sx, sy;
  int wx = 0, wy = 0;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native),
                                           &GRAPHENE_POINT_INIT (gtk_widget_get_width (widget) / 2.0,
                                                                 gtk_widget_get_height (widget) / 2.0),
                                           &centre));
  gtk_native_get_surface_transform (native, &sx, &sy);

  g_assert_true (g_spawn_command_line_sync (command, &output, NULL, NULL, NULL));
  lines = g_strsplit (output, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "X="))
        wx = atoi (lines[i] + 2);
      else if (g_str_has_prefix (lines[i], "Y="))
        wy = atoi (lines[i] + 2);
    }

  *x = wx + (int) (centre.x + sx);
  *y = wy + (int) (centre.y + sy);
}

/* Drags the handle of item @from onto the row of item @to with the mouse,
 * through the X server. */
static void
drag_handle_onto (BmbTemplateEditor *editor,
                  guint              from,
                  guint              to)
{
  GtkWidget *source = bmb_template_editor_get_row (editor, from);
  GtkWidget *target = bmb_template_editor_get_row (editor, to);
  GtkWidget *handle = bmb_test_find_widget (source, GTK_TYPE_IMAGE, NULL);
  g_autofree char *press = NULL;
  int x0, y0, x1, y1;

  g_assert_nonnull (handle);
  screen_centre (handle, &x0, &y0);
  screen_centre (target, &x1, &y1);

  press = g_strdup_printf ("mousemove %d %d mousedown 1", x0, y0);
  run_xdotool (press);
  bmb_test_spin (100);
  for (int step = 1; step <= 10; step++)
    {
      g_autofree char *move = g_strdup_printf ("mousemove %d %d", x0 + (x1 - x0) * step / 10,
                                               y0 + (y1 - y0) * step / 10);

      run_xdotool (move);
      bmb_test_spin (30);
    }
  bmb_test_spin (200);
  run_xdotool ("mouseup 1");
  bmb_test_spin (300);
}

static gboolean
has_editor (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (BMB_IS_TEMPLATE_EDITOR (w) && gtk_widget_get_mapped (GTK_WIDGET (w)))
        {
          *(BmbTemplateEditor **) data = BMB_TEMPLATE_EDITOR (w);
          return TRUE;
        }
    }

  return FALSE;
}

static GtkWidget *
find_button_with_label (GtkWidget  *root,
                        const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_with_label (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The toast's Undo button, in the main window's toast overlay. */
static gboolean
find_undo_button (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);
      GtkWidget *button;

      if (BMB_IS_WINDOW (w) && (button = find_button_with_label (GTK_WIDGET (w), "_Undo")))
        {
          *(GtkWidget **) data = button;
          return gtk_widget_get_mapped (button);
        }
    }

  return FALSE;
}

static gboolean
title_is (gpointer data)
{
  gpointer *args = data;
  BmbChecklistTemplate *template = bmb_checklists_page_get_selected_template (args[0]);

  return template != NULL && g_strcmp0 (bmb_checklist_template_get_title (template), args[1]) == 0;
}

static gboolean
is_gone (gpointer data)
{
  gpointer *args = data;
  g_autoptr(BmbChecklistStore) store = bmb_checklist_store_new (args[0]);
  g_autoptr(BmbChecklistTemplate) template = NULL;
  g_autoptr(GError) error = NULL;

  template = bmb_checklist_store_get_template (store, GPOINTER_TO_SIZE (args[1]), &error);

  return template == NULL && g_error_matches (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_NOT_FOUND);
}

static void
test_custom_template (Fixture       *f,
                      gconstpointer  data)
{
  BmbTemplateEditor *editor = NULL;
  BmbChecklistTemplate *template;
  BmbChecklistsPage *page;
  GtkWindow *window;
  GtkWidget *row;
  gint64 id;

  if (!bmb_test_have_display ())
    {
      g_test_skip ("Needs an X display and xdotool");
      return;
    }

  page = open_checklists_page (f, &window);

  /* New checklist: a title, two items typed in, the second moved up with Alt+↑. */
  gtk_widget_activate_action (GTK_WIDGET (page), "checklists.new-template", NULL);
  g_assert_true (bmb_test_wait_for (has_editor, &editor, 5000));
  bmb_test_focus_window (GTK_WINDOW (editor));
  type_after_focus ("Weekly reflection");
  row = bmb_template_editor_get_row (editor, 0);
  bmb_template_item_row_focus_title (BMB_TEMPLATE_ITEM_ROW (row));
  type_after_focus ("Did I prepare questions?");
  bmb_test_press_keys ("ctrl+Return");
  type_after_focus ("Did I follow up?");
  bmb_test_press_keys ("alt+Up");
  bmb_test_spin (100);
  template = bmb_template_editor_get_template (editor);
  g_assert_cmpstr (bmb_checklist_template_get_title (template), ==, "Weekly reflection");
  g_assert_cmpuint (bmb_checklist_template_get_n_items (template), ==, 2);
  g_assert_cmpstr (bmb_checklist_item_get_title (bmb_checklist_template_get_item (template, 0)),
                   ==, "Did I follow up?");

  /* A third item, then dragged by its handle with the mouse onto the first. */
  bmb_test_press_keys ("ctrl+Return");
  type_after_focus ("Did I thank them?");
  drag_handle_onto (editor, 2, 0);
  g_assert_cmpuint (bmb_checklist_template_get_n_items (template), ==, 3);
  g_assert_cmpstr (bmb_checklist_item_get_title (bmb_checklist_template_get_item (template, 0)),
                   ==, "Did I thank them?");
  g_assert_cmpstr (bmb_checklist_item_get_title (bmb_checklist_template_get_item (template, 1)),
                   ==, "Did I follow up?");

  /* Ctrl+S saves; the page selects the new checklist. */
  bmb_test_press_keys ("ctrl+s");
  {
    gpointer args[2] = { page, (gpointer) "Weekly reflection" };

    g_assert_true (bmb_test_wait_for (title_is, args, 5000));
  }
  template = bmb_checklists_page_get_selected_template (page);
  g_assert_false (bmb_checklist_template_is_builtin (template));
  g_assert_cmpuint (bmb_checklist_template_get_n_items (template), ==, 3);
  g_assert_cmpstr (bmb_checklist_item_get_title (bmb_checklist_template_get_item (template, 0)),
                   ==, "Did I thank them?");
  g_assert_cmpstr (bmb_checklist_item_get_title (bmb_checklist_template_get_item (template, 2)),
                   ==, "Did I prepare questions?");
  id = bmb_checklist_template_get_id (template);

  /* Built-ins cannot be edited or deleted, custom ones can. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "checklists.delete-template", NULL));

  /* Deleted: gone from the list at once, back with Undo. */
  g_assert_null (find_template_row (page, id));
  {
    gpointer args[2] = { page, (gpointer) "Weekly reflection" };
    GtkWidget *undo = NULL;

    g_assert_true (bmb_test_wait_for (find_undo_button, &undo, 5000));
    gtk_widget_activate (undo);
    g_assert_true (bmb_test_wait_for (title_is, args, 5000));
  }

  /* Deleted again, for good this time, once the toast goes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "checklists.delete-template", NULL));
  gtk_window_close (window);
  {
    gpointer args[2] = { bmb_application_get_database (f->app), GSIZE_TO_POINTER (id) };

    g_assert_true (bmb_test_wait_for (is_gone, args, 5000));
  }

  /* A built-in can be duplicated, not edited. */
  page = open_checklists_page (f, &window);
  pick_template (page, builtin_id (f->app, "smart-goal"));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (page), "checklists.edit-template", NULL) &&
                  has_editor (&editor));
  editor = NULL;
  gtk_widget_activate_action (GTK_WIDGET (page), "checklists.duplicate-template", NULL);
  g_assert_true (bmb_test_wait_for (has_editor, &editor, 5000));
  template = bmb_template_editor_get_template (editor);
  g_assert_false (bmb_checklist_template_is_builtin (template));
  g_assert_cmpuint (bmb_checklist_template_get_n_items (template), ==, 5);
  g_assert_nonnull (strstr (bmb_checklist_template_get_title (template), "SMART goal check"));
  gtk_window_destroy (GTK_WINDOW (editor));
}


static gboolean
has_toplevel (gpointer type)
{
  return bmb_test_find_toplevel (GPOINTER_TO_SIZE (type)) != NULL;
}

static gboolean
has_no_toplevel (gpointer type)
{
  return bmb_test_find_toplevel (GPOINTER_TO_SIZE (type)) == NULL;
}

static gboolean
file_has_content (gpointer path)
{
  g_autofree char *contents = NULL;

  return g_file_get_contents (path, &contents, NULL, NULL) && contents[0] != '\0';
}

static GtkWidget *
find_label_with_text (GtkWidget  *root,
                      const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (root)), text) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_with_text (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
window_shows_label (gpointer data)
{
  gpointer *args = data;

  return find_label_with_text (args[0], args[1]) != NULL;
}

static void
test_relationship_and_export (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(BmbContactStore) contacts = NULL;
  g_autoptr(BmbMentoringStore) mentoring = NULL;
  g_autoptr(BmbContact) siti = bmb_contact_new ();
  g_autoptr(BmbRelationship) relationship = bmb_relationship_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *relationship_title = NULL;
  g_autofree char *for_text = NULL;
  g_autofree char *dir = bmb_test_make_tmpdir ();
  g_autofree char *csv_path = g_build_filename (dir, "history.csv", NULL);
  g_autofree char *csv = NULL;
  g_auto(GStrv) lines = NULL;
  BmbChecklistsPage *page;
  BmbAssessmentView *view;
  BmbAssessmentHistory *history;
  AdwExpanderRow *row;
  GtkWindow *window, *dialog;
  GtkWidget *label;

  if (!bmb_test_have_display ())
    {
      g_test_skip ("Needs an X display and xdotool");
      return;
    }

  /* A mentoring relationship with Siti as my mentor. */
  g_assert_true (bmb_application_ensure_database (f->app, &error));
  g_assert_no_error (error);
  contacts = bmb_contact_store_new (bmb_application_get_database (f->app));
  mentoring = bmb_mentoring_store_new (bmb_application_get_database (f->app));
  bmb_contact_set_display_name (siti, "Siti Rahmawati");
  g_assert_true (bmb_contact_store_insert (contacts, siti, &error));
  g_assert_no_error (error);
  bmb_relationship_set_mentor_id (relationship, bmb_contact_get_id (siti));
  g_assert_true (bmb_mentoring_store_save_relationship (mentoring, relationship, &error));
  g_assert_no_error (error);
  relationship_title = bmb_relationship_dup_display_title (relationship);

  page = open_checklists_page (f, &window);
  pick_template (page, builtin_id (f->app, "smart-goal"));

  /* Taken for the relationship, chosen in a dialog. */
  gtk_widget_activate_action (GTK_WIDGET (page), "checklists.start-for-relationship", NULL);
  g_assert_true (bmb_test_wait_for (has_toplevel, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG), 5000));
  dialog = bmb_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (bmb_test_find_widget (GTK_WIDGET (dialog),
                                                                                     GTK_TYPE_DROP_DOWN,
                                                                                     NULL))), ==, 0);
  /* As a click on its Start button: the response, then the dialog closes. */
  gtk_widget_activate (find_button_with_label (GTK_WIDGET (dialog), "_Start"));
  g_assert_true (bmb_test_wait_for (has_no_toplevel, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG),
                                    5000));
  wait_for_stack (page_stack (page), "assessment");
  view = find_view (page);
  for_text = g_strdup_printf ("For %s", relationship_title);
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (view), for_text));

  /* Yes/no items answer with Y and N. */
  bmb_test_focus_window (window);
  bmb_test_press_keys ("y");
  bmb_test_press_keys ("n");
  bmb_test_press_keys ("y");
  bmb_test_press_keys ("y");
  bmb_test_press_keys ("y");
  wait_for_progress (view, "5 of 5 answered");
  g_assert_cmpint (row_value (view, 0), ==, 1);
  g_assert_cmpint (row_value (view, 1), ==, 0);
  bmb_test_press_keys ("ctrl+Return");
  wait_for_stack (page_stack (page), "main");

  history = find_history (page);
  row = bmb_assessment_history_get_row (history, 0);
  g_assert_nonnull (row);
  g_assert_true (g_str_has_prefix (adw_expander_row_get_subtitle (row), for_text));
  label = bmb_test_find_widget (GTK_WIDGET (row), GTK_TYPE_LABEL, "checklist-score");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, "80%");

  /* Export as CSV through the file chooser. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "checklists.export", "s", "csv"));
  g_assert_true (bmb_test_wait_for (has_toplevel, GSIZE_TO_POINTER (GTK_TYPE_FILE_CHOOSER_DIALOG),
                                    5000));
  dialog = bmb_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_cmpstr (gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (dialog)), ==,
                   "SMART goal check.csv");
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  g_assert_true (bmb_test_wait_for (has_no_toplevel, GSIZE_TO_POINTER (GTK_TYPE_FILE_CHOOSER_DIALOG),
                                    5000));

  /* What the chooser's Export does with the chosen file. */
  {
    g_autoptr(GFile) file = g_file_new_for_path (csv_path);

    bmb_checklists_page_export (page, "csv", file);
  }
  g_assert_true (bmb_test_wait_for (file_has_content, csv_path, 5000));

  /* One header line, then one line per item of the one assessment. */
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
  lines = g_strsplit (g_strchomp (csv), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 5);
  g_assert_nonnull (strstr (csv, "Specific"));

  {
    gpointer args[2] = { window, (gpointer) "History exported to “history.csv”" };

    g_assert_true (bmb_test_wait_for (window_shows_label, args, 5000));
  }

  /* A folder that does not exist: a dialog with the error, naming the file. */
  {
    g_autofree char *bad_path = g_build_filename (dir, "no-such-folder", "history.md", NULL);
    g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
    const char *body;

    bmb_checklists_page_export (page, "md", bad);
    g_assert_true (bmb_test_wait_for (has_toplevel, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG),
                                      5000));
    dialog = bmb_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
    g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                     "Could Not Export the History");
    body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));
    g_assert_nonnull (strstr (body, "history.md"));
    g_assert_false (g_file_test (bad_path, G_FILE_TEST_EXISTS));
    gtk_window_destroy (dialog);
  }
}

static void
test_indonesian_titles (Fixture       *f,
                        gconstpointer  data)
{
  const char *localedir = g_getenv ("BIMBING_LOCALEDIR");
  g_autofree char *mo = NULL;
  BmbChecklistsPage *page;
  BmbTemplateRow *row;
  GtkWindow *window;
  gint64 id;

  if (!bmb_test_have_display ())
    {
      g_test_skip ("Needs an X display and xdotool");
      return;
    }

  mo = g_build_filename (localedir ? localedir : LOCALEDIR, "id", "LC_MESSAGES",
                         GETTEXT_PACKAGE ".mo", NULL);
  if (!g_file_test (mo, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("No Indonesian translation built");
      return;
    }

  g_setenv ("LANGUAGE", "id", TRUE);
  page = open_checklists_page (f, &window);

  /* The page's own text, from its template. */
  {
    GtkWidget *status = bmb_test_find_widget (GTK_WIDGET (page), ADW_TYPE_STATUS_PAGE, NULL);

    g_assert_nonnull (status);
    g_assert_true (gtk_widget_get_mapped (status));
    g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==,
                     "Pantau Pertumbuhan Anda");
  }
  id = builtin_id (f->app, "mentee-traits");
  pick_template (page, id);
  row = find_template_row (page, id);
  g_assert_nonnull (row);

  /* Titles are translated when shown. */
  g_assert_cmpstr (bmb_checklist_template_get_title (bmb_template_row_get_item (row)), ==,
                   bmb_checklist_builtins_get_title ("mentee-traits"));
  g_assert_cmpstr (bmb_checklist_builtins_get_title ("mentee-traits"), !=,
                   "Traits of a good mentee");
  g_assert_cmpstr (gtk_window_get_title (window), !=, NULL);
  g_setenv ("LANGUAGE", "C", TRUE);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("BIMBING_LOCALEDIR");

  g_setenv ("TZ", "Asia/Jakarta", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_test_init (&argc, &argv, NULL);

  if (!bmb_test_have_display ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }

  adw_init ();

  g_test_add_func ("/checklists-page/history-in-pages", test_history_in_pages);
  g_test_add ("/checklists-page/take-resume-finish", Fixture, NULL,
              fixture_setup, test_take_resume_finish, fixture_teardown);
  g_test_add ("/checklists-page/custom-template", Fixture, NULL,
              fixture_setup, test_custom_template, fixture_teardown);
  g_test_add ("/checklists-page/relationship-and-export", Fixture, NULL,
              fixture_setup, test_relationship_and_export, fixture_teardown);
  g_test_add ("/checklists-page/indonesian", Fixture, NULL,
              fixture_setup, test_indonesian_titles, fixture_teardown);

  return g_test_run ();
}
