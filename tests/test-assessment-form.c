/* test-assessment-form.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Assessments that fit on a screen, in the real window: the built-in
 * checklists listed on the first run, compact item rows whose note takes
 * room only when asked for, the rating scale's meaning shown, the
 * relationship chosen up front, and one click opening a checklist at 360 px.
 */

#include "config.h"

#include <adwaita.h>
#include <stdlib.h>

#include "bmb-application.h"
#include "bmb-assessment-history.h"
#include "bmb-assessment-item-row.h"
#include "bmb-assessment-view.h"
#include "bmb-checklist-store.h"
#include "bmb-checklists-page.h"
#include "bmb-contact-store.h"
#include "bmb-mentoring-store.h"
#include "bmb-test-utils.h"
#include "bmb-window.h"

typedef struct
{
  char           *db_path;
  BmbApplication *app;
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

static BmbChecklistsPage *
open_checklists_page (Fixture    *f,
                      int         width,
                      GtkWindow **out_window)
{
  GtkWindow *window = bmb_application_present_main_window (f->app);
  GtkWidget *page;

  g_assert_true (BMB_IS_WINDOW (window));
  gtk_window_set_default_size (window, width, 700);
  g_assert_true (bmb_test_wait_for (is_mapped, window, 5000));
  bmb_test_focus_window (window);

  page = bmb_window_get_page_widget (BMB_WINDOW (window), "checklists");
  bmb_test_press_keys ("ctrl+4");
  g_assert_true (bmb_test_wait_for (is_mapped, page, 5000));
  bmb_test_spin (300);

  *out_window = window;

  return BMB_CHECKLISTS_PAGE (page);
}

static GtkStack *
page_stack (BmbChecklistsPage *page)
{
  /* The page: its header bar, then its stack. */
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

static GtkListView *
template_list (BmbChecklistsPage *page)
{
  return GTK_LIST_VIEW (bmb_test_find_widget (GTK_WIDGET (page), GTK_TYPE_LIST_VIEW,
                                              "navigation-sidebar"));
}

static guint
find_position (BmbChecklistsPage *page,
               const char        *builtin_key)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (template_list (page)));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(BmbChecklistTemplate) t = g_list_model_get_item (model, i);

      if (g_strcmp0 (bmb_checklist_template_get_builtin_key (t), builtin_key) == 0)
        return i;
    }

  g_assert_not_reached ();
}

static void
pick_template (BmbChecklistsPage *page,
               const char        *builtin_key)
{
  gtk_selection_model_select_item (gtk_list_view_get_model (template_list (page)),
                                   find_position (page, builtin_key), TRUE);
  g_assert_cmpstr (bmb_checklist_template_get_builtin_key (
                     bmb_checklists_page_get_selected_template (page)), ==, builtin_key);
}

static BmbAssessmentView *
find_view (BmbChecklistsPage *page)
{
  return BMB_ASSESSMENT_VIEW (bmb_test_find_widget (GTK_WIDGET (page), BMB_TYPE_ASSESSMENT_VIEW,
                                                    NULL));
}

static GtkWidget *
find_label_with_text (GtkWidget  *root,
                      const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_visible (root) &&
      g_strcmp0 (gtk_label_get_label (GTK_LABEL (root)), text) == 0)
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

static int
natural_height (GtkWidget *widget)
{
  int natural = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (widget),
                      NULL, &natural, NULL, NULL);

  return natural;
}

/* ---- first run, compact rows, the scale ------------------------------------ */

static void
test_compact_rows (Fixture       *f,
                   gconstpointer  data)
{
  BmbChecklistsPage *page;
  BmbAssessmentView *view;
  GtkWidget *row, *note_button, *note_entry, *scale;
  GtkWindow *window;
  int compact, with_note;

  page = open_checklists_page (f, 960, &window);

  /* The first run lists the eight built-in checklists at once. */
  wait_for_stack (page_stack (page), "main");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (
                      template_list (page)))), ==, 8);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (template_list (page))));

  pick_template (page, "mentee-traits");
  gtk_widget_activate_action (GTK_WIDGET (page), "checklists.start", NULL);
  wait_for_stack (page_stack (page), "assessment");
  view = find_view (page);
  bmb_test_spin (200);

  /* The scale's meaning, once above the items. */
  scale = find_label_with_text (GTK_WIDGET (view),
                                "1 = Not yet · 2 = Rarely · 3 = Sometimes · 4 = Often · "
                                "5 = Consistently");
  g_assert_nonnull (scale);
  g_assert_true (gtk_widget_get_mapped (scale));

  /* No room is kept for a hidden note. */
  row = bmb_assessment_view_get_row (view, 0);
  note_button = bmb_test_find_widget (row, GTK_TYPE_TOGGLE_BUTTON, "circular");
  note_entry = bmb_test_find_widget (row, GTK_TYPE_ENTRY, NULL);
  g_assert_nonnull (note_button);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (note_button), ==, "Add a Note");
  g_assert_false (gtk_widget_get_visible (note_entry));
  compact = natural_height (row);
  g_test_message ("an item row is %d px high", compact);
  g_assert_cmpint (compact, <, 125);

  /* Asked for, the note appears and takes its room; closed, the room goes. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (note_button), TRUE);
  bmb_test_spin (100);
  g_assert_true (gtk_widget_get_visible (note_entry));
  {
    GtkWidget *focus = gtk_window_get_focus (window);

    g_assert_true (focus == note_entry || gtk_widget_is_ancestor (focus, note_entry));
  }
  with_note = natural_height (row);
  g_assert_cmpint (with_note, >, compact + 20);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (note_button), FALSE);
  bmb_test_spin (100);
  g_assert_cmpint (natural_height (row), ==, compact);

  /* The chosen rating says what it means. */
  g_assert_null (find_label_with_text (row, "4 · Often"));
  bmb_assessment_item_row_choose (BMB_ASSESSMENT_ITEM_ROW (row), 4);
  g_assert_nonnull (find_label_with_text (row, "4 · Often"));
  bmb_assessment_item_row_choose (BMB_ASSESSMENT_ITEM_ROW (row), 1);
  g_assert_nonnull (find_label_with_text (row, "1 · Not yet"));
}

/* ---- the relationship, up front -------------------------------------------------- */

static void
test_relationship_up_front (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbContactStore) contacts = NULL;
  g_autoptr(BmbMentoringStore) mentoring = NULL;
  g_autoptr(BmbContact) siti = bmb_contact_new ();
  g_autoptr(BmbRelationship) relationship = bmb_relationship_new ();
  g_autoptr(BmbChecklistStore) checklists = NULL;
  g_autoptr(BmbAssessment) draft = NULL;
  g_autofree char *title = NULL;
  g_autofree char *for_text = NULL;
  BmbChecklistsPage *page;
  BmbAssessmentHistory *history;
  GtkWidget *for_row;
  GtkWindow *window;

  page = open_checklists_page (f, 960, &window);
  pick_template (page, "smart-goal");
  history = BMB_ASSESSMENT_HISTORY (bmb_test_find_widget (GTK_WIDGET (page),
                                                          BMB_TYPE_ASSESSMENT_HISTORY, NULL));
  for_row = bmb_test_find_widget (GTK_WIDGET (history), ADW_TYPE_COMBO_ROW, NULL);
  g_assert_nonnull (for_row);
  /* Without relationships there is nothing to choose. */
  g_assert_false (gtk_widget_is_visible (for_row));

  contacts = bmb_contact_store_new (bmb_application_get_database (f->app));
  mentoring = bmb_mentoring_store_new (bmb_application_get_database (f->app));
  bmb_contact_set_display_name (siti, "Siti Rahmawati");
  g_assert_true (bmb_contact_store_insert (contacts, siti, &error));
  g_assert_no_error (error);
  bmb_relationship_set_mentor_id (relationship, bmb_contact_get_id (siti));
  g_assert_true (bmb_mentoring_store_save_relationship (mentoring, relationship, &error));
  g_assert_no_error (error);
  title = bmb_relationship_dup_display_title (relationship);

  /* With one, the row is there before Take Assessment, not in a menu. */
  g_assert_true (bmb_test_wait_for ((gboolean (*) (gpointer)) gtk_widget_is_visible,
                                    for_row, 5000));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (for_row)), ==,
                   "Taken For");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (for_row)), ==, 0);
  g_assert_cmpint (bmb_assessment_history_get_relationship_id (history), ==, 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (for_row), 1);
  g_assert_cmpint (bmb_assessment_history_get_relationship_id (history), ==,
                   bmb_relationship_get_id (relationship));

  gtk_widget_activate_action (GTK_WIDGET (page), "checklists.start", NULL);
  wait_for_stack (page_stack (page), "assessment");
  for_text = g_strdup_printf ("For %s", title);
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (find_view (page)), for_text));

  /* Kept with the relationship in the database. */
  checklists = bmb_checklist_store_new (bmb_application_get_database (f->app));
  draft = bmb_checklist_store_find_draft (
            checklists,
            bmb_checklist_template_get_id (bmb_checklists_page_get_selected_template (page)),
            &error);
  g_assert_no_error (error);
  g_assert_nonnull (draft);
  g_assert_cmpint (bmb_assessment_get_relationship_id (draft), ==,
                   bmb_relationship_get_id (relationship));
}

/* ---- 360 px: one click ---------------------------------------------------------- */

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

/* Screen coordinates of the centre of @widget, the window's origin read
 * back from the X server. */
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

static gboolean
showing_content (gpointer data)
{
  GtkWidget *leaflet = bmb_test_find_widget (data, ADW_TYPE_LEAFLET, NULL);
  GtkWidget *history = bmb_test_find_widget (data, BMB_TYPE_ASSESSMENT_HISTORY, NULL);

  return adw_leaflet_get_folded (ADW_LEAFLET (leaflet)) && gtk_widget_get_mapped (history);
}

static void
test_narrow_one_click (Fixture       *f,
                       gconstpointer  data)
{
  BmbChecklistsPage *page;
  GtkListView *list;
  GtkWidget *leaflet, *first;
  GtkWindow *window;
  int x, y;

  page = open_checklists_page (f, 360, &window);
  leaflet = bmb_test_find_widget (GTK_WIDGET (page), ADW_TYPE_LEAFLET, NULL);
  g_assert_true (bmb_test_wait_for ((gboolean (*) (gpointer)) adw_leaflet_get_folded,
                                    leaflet, 5000));
  list = template_list (page);
  g_assert_true (gtk_list_view_get_single_click_activate (list));

  /* One real click on the first checklist opens it. */
  first = gtk_widget_get_first_child (GTK_WIDGET (list));
  g_assert_nonnull (first);
  screen_centre (first, &x, &y);
  {
    g_autofree char *click = g_strdup_printf ("mousemove %d %d click 1", x, y);

    run_xdotool (click);
  }
  g_assert_true (bmb_test_wait_for (showing_content, page, 5000));
  g_assert_nonnull (bmb_checklists_page_get_selected_template (page));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Jakarta", TRUE);
  g_test_init (&argc, &argv, NULL);

  if (!bmb_test_have_display ())
    {
      g_print ("1..0 # SKIP no display: the UI tests need Xvfb and xdotool\n");
      return 0;
    }

  adw_init ();

  g_test_add ("/assessment-form/compact-rows", Fixture, NULL,
              fixture_setup, test_compact_rows, fixture_teardown);
  g_test_add ("/assessment-form/relationship-up-front", Fixture, NULL,
              fixture_setup, test_relationship_up_front, fixture_teardown);
  g_test_add ("/assessment-form/narrow-one-click", Fixture, NULL,
              fixture_setup, test_narrow_one_click, fixture_teardown);

  return g_test_run ();
}
