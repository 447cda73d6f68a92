/* test-label-fit.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * No text is cut by accident: every page (with an item open) and every
 * editor is shown at 960 px and at 360 px, in English and in Indonesian,
 * on the demo database, and no visible GtkLabel may be ellipsized — except
 * labels marked as meant to be cut (the CSS class "truncates" on the label
 * or on a widget around it; see HACKING.md) and header bar titles.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "bmb-application.h"
#include "bmb-checklist-store.h"
#include "bmb-checklists-page.h"
#include "bmb-contact-editor.h"
#include "bmb-contact-store.h"
#include "bmb-contacts-page.h"
#include "bmb-context.h"
#include "bmb-goal-editor.h"
#include "bmb-goal-store.h"
#include "bmb-interaction-dialog.h"
#include "bmb-mentoring-store.h"
#include "bmb-phase-stepper.h"
#include "bmb-met-at-event-dialog.h"
#include "bmb-relationship-editor.h"
#include "bmb-relationships-page.h"
#include "bmb-session-editor.h"
#include "bmb-template-editor.h"
#include "bmb-test-utils.h"
#include "bmb-window.h"

#define HEIGHT 720

typedef struct
{
  BmbApplication *app;
  BmbWindow      *window;
  BmbContext     *context;
  GString        *cut;       /* one line per cut label */
  int             width;
  const char     *language;
} Fixture;

/* ---- the check ------------------------------------------------------------ */

static gboolean
meant_to_truncate (GtkWidget *widget)
{
  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    /* Header bar titles shorten as in every GNOME app; the window keeps the
     * whole title. */
    if (gtk_widget_has_css_class (widget, "truncates") || ADW_IS_WINDOW_TITLE (widget))
      return TRUE;

  return FALSE;
}

static void
collect_cut_labels (GtkWidget  *widget,
                    const char *scene,
                    GString    *cut)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  if (GTK_IS_LABEL (widget) &&
      gtk_widget_get_width (widget) > 0 &&
      pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (widget))) &&
      !meant_to_truncate (widget))
    {
      GtkWidget *parent = gtk_widget_get_parent (widget);

      g_string_append_printf (cut, "  %s: “%s” (%d px, in %s)\n", scene,
                              gtk_label_get_label (GTK_LABEL (widget)),
                              gtk_widget_get_width (widget),
                              parent ? G_OBJECT_TYPE_NAME (parent) : "-");
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_cut_labels (child, scene, cut);
}

static gboolean
has_width (gpointer data)
{
  int wanted = GPOINTER_TO_INT (g_object_get_data (data, "wanted-width"));

  /* The window's own size, less its frame (CSD borders take a few pixels). */
  return gtk_widget_get_mapped (data) && ABS (gtk_widget_get_width (data) - wanted) <= 16;
}

/* Shows @window at the fixture's width, lets it settle and checks it. */
static void
check_window (Fixture    *f,
              GtkWindow  *window,
              const char *scene)
{
  g_autofree char *where = g_strdup_printf ("%s, %d px, %s", f->language, f->width, scene);

  g_test_message ("%s", where);
  gtk_window_set_default_size (window, f->width, HEIGHT);
  g_object_set_data (G_OBJECT (window), "wanted-width", GINT_TO_POINTER (f->width));
  gtk_window_present (window);
  if (!bmb_test_wait_for (has_width, window, 5000))
    g_error ("%s: the window did not get %d px (it has %d)", where, f->width,
             gtk_widget_get_width (GTK_WIDGET (window)));
  /* Idle-time reflows (the phase stepper's narrow mode) and transitions. */
  bmb_test_spin (600);

  collect_cut_labels (GTK_WIDGET (window), where, f->cut);
}

static void
close_window (GtkWindow *window)
{
  gtk_window_destroy (window);
  bmb_test_spin (50);
}

/* ---- the scenes ------------------------------------------------------------ */

/* What a click on a list row does when the page is narrow: the content pane. */
static void
show_content (GtkWidget *page)
{
  GtkWidget *leaflet = bmb_test_find_widget (page, ADW_TYPE_LEAFLET, NULL);

  g_assert_nonnull (leaflet);
  adw_leaflet_navigate (ADW_LEAFLET (leaflet), ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* …and the back button. */
static void
show_list (GtkWidget *page)
{
  GtkWidget *leaflet = bmb_test_find_widget (page, ADW_TYPE_LEAFLET, NULL);

  g_assert_nonnull (leaflet);
  adw_leaflet_navigate (ADW_LEAFLET (leaflet), ADW_NAVIGATION_DIRECTION_BACK);
}

static void
check_pages (Fixture *f)
{
  GtkWindow *window = GTK_WINDOW (f->window);
  g_autoptr(GPtrArray) relationships = NULL;
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *stepper;
  GtkWidget *page;

  bmb_window_set_page (f->window, "sessions");
  check_window (f, window, "Sessions");

  bmb_window_set_page (f->window, "relationships");
  page = bmb_window_get_page_widget (f->window, "relationships");
  check_window (f, window, "Relationships");
  relationships = bmb_mentoring_store_list_relationships (bmb_context_get_mentoring_store (f->context),
                                                          &error);
  g_assert_no_error (error);
  g_assert_cmpuint (relationships->len, >, 0);
  for (guint i = 0; i < relationships->len; i++)
    {
      BmbRelationship *r = g_ptr_array_index (relationships, i);
      g_autofree char *scene = g_strdup_printf ("Relationships, “%s”",
                                                bmb_relationship_get_title (r));

      g_assert_true (bmb_relationships_page_select_relationship (BMB_RELATIONSHIPS_PAGE (page),
                                                                 bmb_relationship_get_id (r)));
      show_content (page);
      check_window (f, window, scene);
      stepper = bmb_test_find_widget (page, BMB_TYPE_PHASE_STEPPER, NULL);
      g_assert_true (gtk_widget_get_mapped (stepper));
      /* Whole names at 960 px; only the numbers (the heading names the
       * phase) at 360 px. */
      g_assert_true (bmb_phase_stepper_get_compact (BMB_PHASE_STEPPER (stepper)) == (f->width < 600));
    }

  show_list (page);

  bmb_window_set_page (f->window, "contacts");
  page = bmb_window_get_page_widget (f->window, "contacts");
  check_window (f, window, "Contacts");
  for (gint64 id = 1; id <= 3; id++)
    {
      g_autofree char *scene = g_strdup_printf ("Contacts, contact %" G_GINT64_FORMAT, id);

      bmb_contacts_page_show_contact (BMB_CONTACTS_PAGE (page), id);
      show_content (page);
      check_window (f, window, scene);
    }

  show_list (page);

  bmb_window_set_page (f->window, "checklists");
  page = bmb_window_get_page_widget (f->window, "checklists");
  check_window (f, window, "Checklists");
  templates = bmb_checklist_store_list_templates (bmb_context_get_checklist_store (f->context),
                                                  &error);
  g_assert_no_error (error);
  for (guint i = 0; i < MIN (templates->len, 3); i++)
    {
      BmbChecklistTemplate *t = g_ptr_array_index (templates, i);
      g_autofree char *scene = g_strdup_printf ("Checklists, “%s”",
                                                bmb_checklist_template_get_title (t));

      bmb_checklists_page_select_template (BMB_CHECKLISTS_PAGE (page),
                                           bmb_checklist_template_get_id (t));
      show_content (page);
      check_window (f, window, scene);
    }
  show_list (page);
}

static void
check_session_editor (Fixture *f)
{
  BmbMentoringStore *store = bmb_context_get_mentoring_store (f->context);
  BmbSessionEditor *editor = bmb_session_editor_new (GTK_WINDOW (f->window), store);
  GtkWidget *repeat_row;
  GListModel *choices;

  bmb_session_editor_load_new (editor, NULL, 0);
  check_window (f, GTK_WINDOW (editor), "Session editor");

  /* Each way of repeating, chosen: the row shows it whole. */
  repeat_row = bmb_test_find_named (GTK_WIDGET (editor), "repeat-row");
  g_assert_nonnull (repeat_row);
  choices = adw_combo_row_get_model (ADW_COMBO_ROW (repeat_row));
  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    {
      g_autofree char *scene = g_strdup_printf ("Session editor, repeat choice %u", i);

      adw_combo_row_set_selected (ADW_COMBO_ROW (repeat_row), i);
      check_window (f, GTK_WINDOW (editor), scene);
    }

  close_window (GTK_WINDOW (editor));
}

static void
check_editors (Fixture *f)
{
  BmbContactStore *contacts = bmb_context_get_contact_store (f->context);
  g_autoptr(GPtrArray) relationships = NULL;
  g_autoptr(BmbContact) contact = NULL;
  g_autoptr(GError) error = NULL;
  BmbRelationship *relationship;
  GtkWindow *window;

  relationships = bmb_mentoring_store_list_relationships (bmb_context_get_mentoring_store (f->context),
                                                          &error);
  g_assert_no_error (error);
  relationship = g_ptr_array_index (relationships, 0);

  window = GTK_WINDOW (bmb_relationship_editor_new (f->context, relationship));
  gtk_window_set_transient_for (window, GTK_WINDOW (f->window));
  check_window (f, window, "Relationship editor");
  close_window (window);

  window = GTK_WINDOW (bmb_relationship_editor_new (f->context, NULL));
  gtk_window_set_transient_for (window, GTK_WINDOW (f->window));
  check_window (f, window, "New relationship");
  close_window (window);

  window = GTK_WINDOW (bmb_goal_editor_new (bmb_context_get_goal_store (f->context),
                                            bmb_relationship_get_id (relationship), NULL));
  gtk_window_set_transient_for (window, GTK_WINDOW (f->window));
  check_window (f, window, "Goal editor");
  close_window (window);

  contact = bmb_contact_store_get (contacts, 1, &error);
  g_assert_no_error (error);
  window = GTK_WINDOW (bmb_contact_editor_new (GTK_WINDOW (f->window), contacts, contact));
  check_window (f, window, "Contact editor");
  close_window (window);

  window = GTK_WINDOW (bmb_interaction_dialog_new (GTK_WINDOW (f->window), contacts, 1,
                                                   bmb_contact_get_display_name (contact)));
  check_window (f, window, "Interaction dialog");
  close_window (window);

  window = GTK_WINDOW (bmb_met_at_event_dialog_new (GTK_WINDOW (f->window), contacts));
  check_window (f, window, "Met at an Event");
  close_window (window);

  window = GTK_WINDOW (bmb_template_editor_new (GTK_WINDOW (f->window),
                                                bmb_context_get_checklist_store (f->context),
                                                0, &error));
  g_assert_no_error (error);
  check_window (f, window, "Checklist editor");
  close_window (window);

  check_session_editor (f);
}

/* ---- the test -------------------------------------------------------------- */

static gboolean
set_language (const char *language)
{
  const char *localedir = g_getenv ("BIMBING_LOCALEDIR");
  g_autofree char *mo = g_build_filename (localedir ? localedir : LOCALEDIR, "id",
                                          "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);

  if (g_str_equal (language, "id") && !g_file_test (mo, G_FILE_TEST_EXISTS))
    return FALSE;

  g_setenv ("LANGUAGE", language, TRUE);
  setlocale (LC_MESSAGES, "");

  return TRUE;
}

static char *
make_demo_database (const char *language)
{
  g_autofree char *dir = bmb_test_make_tmpdir ();
  g_autofree char *tool = g_test_build_filename (G_TEST_BUILT, "bench", "demo-data", NULL);
  char *path = g_build_filename (dir, "demo.db", NULL);
  const char *argv[] = { tool, path, "--lang", language, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (g_str_equal (language, "C"))
    argv[2] = NULL;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return path;
}

static void
test_labels_fit (gconstpointer data)
{
  const char *language = data;
  static const int widths[] = { 960, 360 };
  g_autofree char *db_path = NULL;
  g_autoptr(GString) cut = g_string_new (NULL);
  Fixture f = { 0 };

  if (!bmb_test_have_display ())
    {
      g_test_skip ("Needs an X display");
      return;
    }
  if (!set_language (language))
    {
      g_test_skip ("No Indonesian translation built");
      return;
    }

  db_path = make_demo_database (g_str_equal (language, "id") ? "id" : "C");
  f.app = bmb_test_app_new (db_path);
  f.window = BMB_WINDOW (bmb_application_present_main_window (f.app));
  f.context = bmb_window_get_context (f.window);
  f.cut = cut;
  f.language = g_str_equal (language, "id") ? "Indonesian" : "English";

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      f.width = widths[i];
      check_pages (&f);
      check_editors (&f);
    }

  bmb_test_app_free (f.app);
  set_language ("C");

  if (cut->len > 0)
    g_test_message ("Cut labels:\n%s", cut->str);
  g_assert_cmpstr (cut->str, ==, "");
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
  /* libadwaita 1.2 warns ("Trying to snapshot AdwGizmo without a current
   * allocation") when a leaflet folds as the window shrinks from 960 to
   * 360 px; not what this test is about. Criticals stay fatal. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);

  g_test_add_data_func ("/label-fit/english", "C", test_labels_fit);
  g_test_add_data_func ("/label-fit/indonesian", "id", test_labels_fit);

  return g_test_run ();
}
