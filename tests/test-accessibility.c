/* test-accessibility.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Accessible by construction: every button, toggle, switch and entry on every page,
 * dialog and editor has an accessible name. GTK 4.8 computes the name from the
 * accessible "label" property and the "labelled-by" relation only (a tooltip is the
 * description), so that is what is checked. And the keyboard alone reaches things:
 * Ctrl+2, then Enter opens the selected relationship.
 */

#include "config.h"

#include <adwaita.h>

#include "bmb-application.h"
#include "bmb-contact-editor.h"
#include "bmb-met-at-event-dialog.h"
#include "bmb-relationship-editor.h"
#include "bmb-relationships-page.h"
#include "bmb-session-editor.h"
#include "bmb-template-editor.h"
#include "bmb-test-utils.h"
#include "bmb-window.h"

typedef struct
{
  BmbApplication *app;
  char           *db_path;
  BmbContext     *context;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *dir = bmb_test_make_tmpdir ();
  g_autoptr(GError) error = NULL;

  f->db_path = g_build_filename (dir, "bimbing.db", NULL);
  f->app = bmb_test_app_new (f->db_path);
  g_assert_true (bmb_application_ensure_database (f->app, &error));
  g_assert_no_error (error);
  f->context = bmb_application_get_context (f->app);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_pointer (&f->app, bmb_test_app_free);
  g_clear_pointer (&f->db_path, g_free);
}

static gint64
add_contact (Fixture    *f,
             const char *given,
             const char *family)
{
  g_autoptr(BmbContact) contact = bmb_contact_new ();
  g_autoptr(GError) error = NULL;

  bmb_contact_set_given_name (contact, given);
  bmb_contact_set_family_name (contact, family);
  g_assert_true (bmb_contact_store_insert (bmb_context_get_contact_store (f->context), contact, &error));
  g_assert_no_error (error);

  return bmb_contact_get_id (contact);
}

static gint64
add_relationship (Fixture    *f,
                  const char *mentee_given)
{
  g_autoptr(BmbRelationship) relationship = bmb_relationship_new ();
  g_autoptr(GError) error = NULL;

  bmb_relationship_set_mentee_id (relationship, add_contact (f, mentee_given, "Test"));
  bmb_relationship_set_started_on (relationship, "2026-01-05");
  g_assert_true (bmb_mentoring_store_save_relationship (bmb_context_get_mentoring_store (f->context),
                                                        relationship, &error));
  g_assert_no_error (error);

  return bmb_relationship_get_id (relationship);
}

static void
add_session (Fixture *f)
{
  g_autoptr(BmbSession) session = bmb_session_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) start = g_date_time_add_days (now, 1);
  g_autoptr(GError) error = NULL;

  bmb_session_set_title (session, "Weekly check-in");
  bmb_session_set_start (session, start, "Asia/Jakarta");
  bmb_session_set_duration_min (session, 60);
  g_assert_true (bmb_mentoring_store_save_session (bmb_context_get_mentoring_store (f->context),
                                                   session, &error));
  g_assert_no_error (error);
}

/* Inside these the parts are GTK's or libadwaita's own; the outer widget is what a
 * screen reader names (and is checked where it is one of ours). */
static gboolean
is_library_internal (GtkWidget *widget)
{
  static GType types[12];

  if (types[0] == 0)
    {
      guint n = 0;

      types[n++] = GTK_TYPE_SPIN_BUTTON;
      types[n++] = GTK_TYPE_DROP_DOWN;
      types[n++] = GTK_TYPE_MENU_BUTTON;
      types[n++] = GTK_TYPE_SEARCH_ENTRY;
      types[n++] = GTK_TYPE_ENTRY;
      types[n++] = GTK_TYPE_PASSWORD_ENTRY;
      types[n++] = GTK_TYPE_WINDOW_CONTROLS;
      types[n++] = ADW_TYPE_VIEW_SWITCHER;
      types[n++] = ADW_TYPE_COMBO_ROW;
      types[n++] = ADW_TYPE_EXPANDER_ROW;
      types[n++] = GTK_TYPE_POPOVER;
      types[n++] = GTK_TYPE_CALENDAR;
    }

  for (GtkWidget *w = gtk_widget_get_parent (widget); w != NULL; w = gtk_widget_get_parent (w))
    for (guint i = 0; i < G_N_ELEMENTS (types); i++)
      if (G_TYPE_CHECK_INSTANCE_TYPE (w, types[i]))
        return TRUE;

  return FALSE;
}

static gboolean
needs_name (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget) ||
         GTK_IS_SWITCH (widget) || GTK_IS_ENTRY (widget) || GTK_IS_SEARCH_ENTRY (widget) ||
         GTK_IS_PASSWORD_ENTRY (widget) || GTK_IS_SPIN_BUTTON (widget) || GTK_IS_TEXT (widget) ||
         GTK_IS_DROP_DOWN (widget) || GTK_IS_TEXT_VIEW (widget);
}

static gboolean
has_name (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);
  GtkWidget *row;

  if (gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL) ||
      gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return TRUE;

  /* libadwaita 1.2 does not label an AdwEntryRow's text with the row's title (later
   * versions do); the row's title is what names it, so it must have one. */
  row = gtk_widget_get_ancestor (widget, ADW_TYPE_ENTRY_ROW);
  if (GTK_IS_TEXT (widget) && row != NULL)
    {
      const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));

      return title != NULL && *title != '\0';
    }

  return FALSE;
}

static char *
describe (GtkWidget *widget)
{
  GString *path = g_string_new (G_OBJECT_TYPE_NAME (widget));
  const char *tooltip = gtk_widget_get_tooltip_text (widget);
  const char *icon = GTK_IS_BUTTON (widget) ? gtk_button_get_icon_name (GTK_BUTTON (widget)) : NULL;

  if (GTK_IS_ACTIONABLE (widget) && gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)))
    g_string_append_printf (path, " action=%s", gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)));
  if (icon != NULL)
    g_string_append_printf (path, " icon=%s", icon);
  if (tooltip != NULL)
    g_string_append_printf (path, " tooltip=“%s”", tooltip);
  for (GtkWidget *w = gtk_widget_get_parent (widget); w != NULL; w = gtk_widget_get_parent (w))
    if (g_str_has_prefix (G_OBJECT_TYPE_NAME (w), "Bmb"))
      {
        g_string_append_printf (path, " in %s", G_OBJECT_TYPE_NAME (w));
        break;
      }

  return g_string_free (path, FALSE);
}

static void
collect_unnamed (GtkWidget *root,
                 GString   *out)
{
  /* Only what is shown is exposed: not hidden widgets, stack pages or closed search bars. */
  if (!gtk_widget_get_visible (root) || !gtk_widget_get_child_visible (root))
    return;

  if (needs_name (root) && !is_library_internal (root) && !has_name (root))
    {
      g_autofree char *what = describe (root);

      g_string_append_printf (out, "\n  %s", what);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_unnamed (child, out);
}

static void
check_named (GtkWidget  *root,
             const char *where,
             GString    *report)
{
  g_autoptr(GString) unnamed = g_string_new (NULL);

  collect_unnamed (root, unnamed);
  if (unnamed->len > 0)
    g_string_append_printf (report, "\n%s:%s", where, unnamed->str);
}

static GtkWindow *
wait_for_toplevel (GType type)
{
  GtkWindow *window = NULL;

  for (guint i = 0; i < 100 && window == NULL; i++)
    {
      bmb_test_spin (50);
      window = bmb_test_find_toplevel (type);
    }
  g_assert_nonnull (window);
  bmb_test_spin (100);

  return window;
}

static void
check_editor (BmbWindow  *window,
              const char *page,
              const char *action,
              GType       type,
              GString    *report)
{
  GtkWidget *page_widget = bmb_window_get_page_widget (window, page);
  GtkWindow *editor;

  bmb_window_set_page (window, page);
  bmb_test_spin (100);
  g_assert_true (gtk_widget_activate_action (page_widget, action, NULL));
  editor = wait_for_toplevel (type);
  check_named (GTK_WIDGET (editor), action, report);
  gtk_window_destroy (editor);
  bmb_test_spin (100);
}

static void
test_every_control_named (Fixture       *f,
                          gconstpointer  data)
{
  static const char *pages[] = { "sessions", "relationships", "contacts", "checklists" };
  g_autoptr(GString) report = g_string_new (NULL);
  BmbWindow *window;

  add_relationship (f, "Siti");
  add_session (f);
  add_contact (f, "Ayu", "Lestari");

  window = BMB_WINDOW (bmb_application_present_main_window (f->app));
  bmb_test_spin (300);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      bmb_window_set_page (window, pages[i]);
      bmb_test_spin (200);
      check_named (bmb_window_get_page_widget (window, pages[i]), pages[i], report);

      /* And with its search bar open (Ctrl+F) */
      if (i != 1)
        {
          g_autofree char *action = g_strconcat (pages[i], ".search", NULL);

          gtk_widget_activate_action (bmb_window_get_page_widget (window, pages[i]), action, NULL);
          bmb_test_spin (400);
          check_named (bmb_window_get_page_widget (window, pages[i]), action, report);
        }
    }
  /* The narrow layout's bottom switcher and back buttons */
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  bmb_test_spin (300);
  check_named (GTK_WIDGET (window), "narrow window", report);
  gtk_window_set_default_size (GTK_WINDOW (window), 960, 680);
  bmb_test_spin (300);

  check_editor (window, "sessions", "sessions.new", BMB_TYPE_SESSION_EDITOR, report);
  check_editor (window, "relationships", "relationships.new", BMB_TYPE_RELATIONSHIP_EDITOR, report);
  check_editor (window, "contacts", "contacts.new", BMB_TYPE_CONTACT_EDITOR, report);
  check_editor (window, "contacts", "contacts.met-at-event", BMB_TYPE_MET_AT_EVENT_DIALOG, report);
  check_editor (window, "checklists", "checklists.new-template", BMB_TYPE_TEMPLATE_EDITOR, report);

  /* Preferences */
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "preferences", NULL);
  {
    GtkWindow *preferences = wait_for_toplevel (ADW_TYPE_PREFERENCES_WINDOW);

    check_named (GTK_WIDGET (preferences), "preferences", report);
    gtk_window_destroy (preferences);
  }

  if (report->len > 0)
    g_error ("Controls without an accessible name:%s", report->str);
}

typedef struct
{
  BmbWindow  *window;
  const char *page;
} PageWait;

static gboolean
page_is (gpointer data)
{
  PageWait *w = data;

  return g_strcmp0 (bmb_window_get_page (w->window), w->page) == 0 &&
         gtk_widget_get_mapped (bmb_window_get_page_widget (w->window, w->page));
}

static gboolean
relationship_panel_focused (gpointer data)
{
  GtkWidget *page = data;
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (page));
  GtkWidget *panel = bmb_test_find_named (page, "relationship-panel");

  return focus != NULL && panel != NULL && gtk_widget_is_ancestor (focus, panel);
}

/* Keyboard only: Ctrl+2 shows the relationships with the first one selected; Enter opens it
 * (at a narrow width the list gives way to the relationship). */
static void
test_keyboard_opens_relationship (Fixture       *f,
                                  gconstpointer  data)
{
  GtkWindow *window;
  GtkWidget *page;
  AdwLeaflet *leaflet;
  PageWait w;
  gint64 first;

  if (!bmb_test_have_display ())
    {
      g_test_skip ("Needs an X display and xdotool");
      return;
    }

  first = add_relationship (f, "Ayu");
  add_relationship (f, "Budi");

  window = bmb_application_present_main_window (f->app);
  gtk_window_set_default_size (window, 360, 640);
  bmb_test_spin (300);
  bmb_test_focus_window (window);
  w.window = BMB_WINDOW (window);
  w.page = "relationships";

  bmb_test_press_keys ("ctrl+2");
  g_assert_true (bmb_test_wait_for (page_is, &w, 5000));
  page = bmb_window_get_page_widget (BMB_WINDOW (window), "relationships");
  leaflet = ADW_LEAFLET (bmb_test_find_widget (page, ADW_TYPE_LEAFLET, NULL));
  bmb_test_spin (300);
  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "list");
  g_assert_cmpint (bmb_relationships_page_get_selected_id (BMB_RELATIONSHIPS_PAGE (page)), ==, first);

  bmb_test_press_keys ("Return");
  g_assert_true (bmb_test_wait_for (relationship_panel_focused, page, 5000) ||
                 g_strcmp0 (adw_leaflet_get_visible_child_name (leaflet), "content") == 0);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "content");
  g_assert_cmpint (bmb_relationships_page_get_selected_id (BMB_RELATIONSHIPS_PAGE (page)), ==, first);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Jakarta", TRUE);
  /* The suite runs with GTK_A11Y=none, which records no accessible attributes at all; the
   * test backend records them without an accessibility bus. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display: the UI tests need Xvfb (build-aux/check starts one)\n");
      return 0;
    }

  adw_init ();

  g_test_add ("/accessibility/every-control-named", Fixture, NULL,
              fixture_setup, test_every_control_named, fixture_teardown);
  g_test_add ("/accessibility/keyboard-opens-relationship", Fixture, NULL,
              fixture_setup, test_keyboard_opens_relationship, fixture_teardown);

  return g_test_run ();
}
