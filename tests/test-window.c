/* test-window.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drives the real application window under Xvfb: real key presses go through
 * the X server (xdotool, XTEST) to the window's shortcuts.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "bmb-application.h"
#include "bmb-contact-editor.h"
#include "bmb-schema.h"
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

/* The status page shown inside @root (the Checklists page shows its own in
 * the pane beside the list of checklists). */
static GtkWidget *
find_mapped_status_page (GtkWidget *root)
{
  if (ADW_IS_STATUS_PAGE (root) && gtk_widget_get_mapped (root))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_mapped_status_page (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_pages_by_shortcut (Fixture       *f,
                        gconstpointer  data)
{
  static const struct {
    const char *keys;
    const char *page;
    const char *empty_title;
  } steps[] = {
    { "ctrl+2", "relationships", "No Mentoring Relationships Yet" },
    { "ctrl+3", "contacts", "No Contacts Yet" },
    { "ctrl+4", "checklists", "Track How You Grow" },
    { "ctrl+1", "sessions", "No Sessions Yet" },
    { "ctrl+4", "checklists", "Track How You Grow" },
    { "ctrl+2", "relationships", "No Mentoring Relationships Yet" },
  };
  GtkWindow *window;

  if (!bmb_test_have_display ())
    {
      g_test_skip ("Needs an X display and xdotool");
      return;
    }

  window = bmb_application_present_main_window (f->app);
  g_assert_true (BMB_IS_WINDOW (window));
  g_assert_true (bmb_test_wait_for (is_mapped, window, 5000));
  g_assert_cmpstr (bmb_window_get_page (BMB_WINDOW (window)), ==, "sessions");
  bmb_test_focus_window (window);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      PageWait w = { BMB_WINDOW (window), steps[i].page };
      GtkWidget *page;
      GtkWidget *status;

      bmb_test_press_keys (steps[i].keys);
      if (!bmb_test_wait_for (page_is, &w, 5000))
        g_error ("%s did not show the %s page (showing %s)", steps[i].keys, steps[i].page,
                 bmb_window_get_page (BMB_WINDOW (window)));

      /* A new database shows each page's empty state, which says what to do first. */
      page = bmb_window_get_page_widget (BMB_WINDOW (window), steps[i].page);
      if (!bmb_test_wait_for ((gboolean (*) (gpointer)) find_mapped_status_page, page, 5000))
        g_error ("The %s page shows no status page", steps[i].page);
      status = find_mapped_status_page (page);
      g_assert_true (gtk_widget_get_mapped (status));
      g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==,
                       steps[i].empty_title);
    }

  /* Ctrl+W closes the window (the application stays for reminders). */
  bmb_test_press_keys ("ctrl+w");
  g_assert_true (bmb_test_wait_for (has_no_windows, f->app, 5000));
}

static void
test_window_state_saved (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWindow *window;

  window = bmb_application_present_main_window (f->app);
  g_assert_true (bmb_test_wait_for (is_mapped, window, 5000));
  gtk_window_set_default_size (window, 700, 500);
  bmb_test_spin (100);
  gtk_window_close (window);
  bmb_test_spin (100);

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 700);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 500);

  /* The next window opens at the saved size. */
  window = bmb_application_present_main_window (f->app);
  {
    int width, height;
    gtk_window_get_default_size (window, &width, &height);
    g_assert_cmpint (width, ==, 700);
    g_assert_cmpint (height, ==, 500);
  }
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

static gboolean
bar_revealed (gpointer window)
{
  GtkWidget *box = adw_toast_overlay_get_child (ADW_TOAST_OVERLAY (
                     adw_application_window_get_content (window)));
  GtkWidget *bar = gtk_widget_get_last_child (box);

  return ADW_IS_VIEW_SWITCHER_BAR (bar) &&
         adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (bar));
}

static void
test_narrow_window (Fixture       *f,
                    gconstpointer  data)
{
  GtkWindow *window = bmb_application_present_main_window (f->app);

  g_assert_true (bmb_test_wait_for (is_mapped, window, 5000));
  g_assert_false (bar_revealed (window));

  /* At 360 px the switcher moves from the header bar to a bottom bar. */
  gtk_window_set_default_size (window, 360, 600);
  if (!bmb_test_wait_for (bar_revealed, window, 5000))
    {
      int dw, dh;
      gtk_window_get_default_size (window, &dw, &dh);
      g_error ("bar not revealed at width %d (default %d)", gtk_widget_get_width (GTK_WIDGET (window)), dw);
    }
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 360);
}

static GtkWindow *
find_fatal_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_widget_has_css_class (GTK_WIDGET (w), "bmb-fatal-error"))
        return w;
    }

  return NULL;
}

static void
test_corrupt_database_dialog (void)
{
  g_autofree char *dir = bmb_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "broken.db", NULL);
  g_autofree char *after = NULL;
  static const char garbage[] = "This is not an SQLite database, it is a shopping list.\n";
  BmbApplication *app;
  GtkWindow *dialog;
  gsize len;

  g_assert_true (g_file_set_contents (path, garbage, -1, NULL));
  app = bmb_test_app_new (path);

  g_test_expect_message ("bmb-application", G_LOG_LEVEL_WARNING, "Cannot open the database*");
  g_assert_null (bmb_application_present_main_window (app));
  g_test_assert_expected_messages ();

  dialog = find_fatal_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), path));
  g_assert_null (bmb_application_get_database (app));

  /* Answering the dialog quits; the file is byte-for-byte what it was. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "quit");
  bmb_test_spin (50);
  g_assert_true (g_file_get_contents (path, &after, &len, NULL));
  g_assert_cmpmem (after, len, garbage, sizeof garbage - 1);
  g_assert_null (find_fatal_dialog ());
  bmb_test_app_free (app);
}

static gboolean
fatal_dialog_shown (gpointer data)
{
  return find_fatal_dialog () != NULL;
}

/* A file whose damage lies beyond its header and schema opens; the structural check in a
 * thread after start-up finds it, hides the window and says so, and Quit ends the app. */
static void
test_damage_found_after_start (void)
{
  g_autofree char *path = bmb_test_make_damaged_database ();
  BmbApplication *app = bmb_test_app_new (path);
  GtkWindow *window;
  GtkWindow *dialog;

  window = bmb_application_present_main_window (app);
  g_assert_nonnull (window);
  g_assert_nonnull (bmb_application_get_database (app));

  g_test_expect_message ("bmb-application", G_LOG_LEVEL_WARNING, "The database is damaged*");
  g_assert_true (bmb_test_wait_for (fatal_dialog_shown, NULL, 20000));
  g_test_assert_expected_messages ();

  dialog = find_fatal_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Your Data Is Damaged");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), path));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window)));

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "quit");
  bmb_test_spin (50);
  g_assert_null (find_fatal_dialog ());
  bmb_test_app_free (app);
}

static gboolean
upgrading_shown (gpointer data)
{
  return bmb_test_find_toplevel_with_class (ADW_TYPE_WINDOW, "bmb-upgrading") != NULL;
}

static gboolean
main_window_shown (gpointer app)
{
  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    if (BMB_IS_WINDOW (l->data) && gtk_widget_get_mapped (l->data))
      return TRUE;

  return FALSE;
}

/* A database of data version 2 is migrated in a thread behind "Updating Your Data"; the
 * main window follows on the migrated file. */
static void
test_upgrade_window (void)
{
  g_autofree char *dir = bmb_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  sqlite3 *raw = NULL;
  BmbApplication *app;

  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  bmb_test_raw_exec (raw, "BEGIN");
  bmb_test_raw_exec (raw, bmb_schema_get_migration_sql (1));
  bmb_test_raw_exec (raw, bmb_schema_get_migration_sql (2));
  bmb_test_raw_exec (raw, "PRAGMA user_version = 2");
  bmb_test_raw_exec (raw, "INSERT INTO contacts (id, uid, display_name, created_at, updated_at) "
                 "VALUES (1, 'budi', 'Budi Santoso', 0, 0)");
  bmb_test_raw_exec (raw, "INSERT INTO relationships (id, mentee_id, created_at, updated_at) VALUES (1, 1, 0, 0)");
  bmb_test_raw_exec (raw, "INSERT INTO sessions (id, uid, relationship_id, title, start_local, tzid, notes, "
                 "  rrule, created_at, updated_at) VALUES (1, 'weekly@x', 1, 'Mentoring', "
                 "  '2026-01-05T10:00:00', 'Asia/Jakarta', 'He wants to move into design', "
                 "  'FREQ=WEEKLY', 0, 0)");
  bmb_test_raw_exec (raw, "COMMIT");
  sqlite3_close (raw);
  g_assert_true (bmb_database_needs_migration (path));

  app = bmb_test_app_new (path);
  g_assert_null (bmb_application_present_main_window (app));
  g_assert_true (upgrading_shown (NULL));
  g_assert_true (bmb_test_wait_for (main_window_shown, app, 20000));
  g_assert_false (upgrading_shown (NULL));
  g_assert_nonnull (bmb_application_get_database (app));
  g_assert_cmpint (bmb_database_get_schema_version (bmb_application_get_database (app)), ==,
                   BMB_SCHEMA_VERSION);
  g_assert_false (bmb_database_needs_migration (path));

  /* Presented again, the window comes at once. */
  g_assert_nonnull (bmb_application_present_main_window (app));
  bmb_test_app_free (app);
}

static gboolean
shortcuts_shown (gpointer data)
{
  return bmb_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW) != NULL;
}

static gboolean
preferences_shown (gpointer data)
{
  return bmb_test_find_toplevel (ADW_TYPE_PREFERENCES_WINDOW) != NULL;
}

static void
collect_accelerators (GtkWidget *root,
                      GString   *out)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (root))
    {
      g_autofree char *accel = NULL;

      g_object_get (root, "accelerator", &accel, NULL);
      g_string_append_printf (out, "[%s]", accel);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_accelerators (child, out);
}

static void
collect_menu_actions (GMenuModel *model,
                      GString    *out)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *action = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);
      g_autoptr(GMenuModel) submenu = g_menu_model_get_item_link (model, i, G_MENU_LINK_SUBMENU);

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &action))
        g_string_append_printf (out, "[%s]", action);
      if (section != NULL)
        collect_menu_actions (section, out);
      if (submenu != NULL)
        collect_menu_actions (submenu, out);
    }
}

static GtkWidget *
find_with_action (GtkWidget  *root,
                  const char *action)
{
  if (GTK_IS_ACTIONABLE (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_with_action (child, action);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static guint
count_widgets (GtkWidget *root,
               GType      type)
{
  guint n = G_TYPE_CHECK_INSTANCE_TYPE (root, type) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_widgets (child, type);

  return n;
}

/* One layout on every page: "+" and search in the page's header bar, one main menu with
 * the page's own items and the application's (Import…, Export…, Help, About). */
static void
test_page_headers (Fixture       *f,
                   gconstpointer  data)
{
  static const char *pages[] = { "sessions", "relationships", "contacts", "checklists" };
  GtkWindow *window = bmb_application_present_main_window (f->app);

  g_assert_true (bmb_test_wait_for (is_mapped, window, 5000));

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkWidget *page = bmb_window_get_page_widget (BMB_WINDOW (window), pages[i]);
      GtkWidget *header = bmb_test_find_named (page, "page-header");
      GtkWidget *menu_button = bmb_test_find_named (page, "page-menu");
      g_autofree char *new_action = g_strconcat (pages[i], ".new", NULL);
      g_autoptr(GString) actions = g_string_new (NULL);
      GtkWidget *new_button;

      g_test_message ("page %s", pages[i]);
      g_assert_true (ADW_IS_HEADER_BAR (header));
      g_assert_true (gtk_widget_is_ancestor (menu_button, header));
      /* One menu button per header bar: no "•••" beside "⋮". */
      g_assert_cmpuint (count_widgets (header, GTK_TYPE_MENU_BUTTON), ==, 1);

      /* "+" is in the header bar, on the page's new action. */
      if (g_str_equal (pages[i], "checklists"))
        g_free (new_action), new_action = g_strdup ("checklists.new-template");
      new_button = find_with_action (header, new_action);
      g_assert_nonnull (new_button);
      g_assert_true (GTK_IS_BUTTON (new_button));

      /* Search is in the header bar too (Relationships has no search). */
      if (!g_str_equal (pages[i], "relationships"))
        g_assert_nonnull (bmb_test_find_widget (header, GTK_TYPE_TOGGLE_BUTTON, NULL));

      collect_menu_actions (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button)), actions);
      g_test_message ("menu %s", actions->str);
      g_assert_nonnull (strstr (actions->str, "[win.import][win.export]"));
      g_assert_nonnull (strstr (actions->str, "[app.preferences][win.show-help-overlay][app.help][app.about]"));
      if (g_str_equal (pages[i], "contacts"))
        g_assert_nonnull (strstr (actions->str, "[contacts.sort]"));
    }

  /* The view switcher follows the page shown, and F10 opens that page's menu. */
  bmb_window_set_page (BMB_WINDOW (window), "contacts");
  bmb_test_spin (100);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-menu", NULL));
  {
    GtkMenuButton *menu_button = GTK_MENU_BUTTON (bmb_test_find_named (bmb_window_get_page_widget (BMB_WINDOW (window), "contacts"),
                                                                       "page-menu"));

    g_assert_true (bmb_test_wait_for ((gboolean (*) (gpointer))gtk_widget_get_mapped,
                                      gtk_menu_button_get_popover (menu_button), 5000));
    gtk_menu_button_popdown (menu_button);
  }
  g_assert_true (gtk_widget_is_ancestor (bmb_test_find_widget (GTK_WIDGET (window),
                                                               ADW_TYPE_VIEW_SWITCHER_TITLE, NULL),
                                         bmb_window_get_page_widget (BMB_WINDOW (window), "contacts")));
}

static void
test_shortcuts_and_preferences (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWindow *window, *preferences;
  GtkWidget *row_switch;

  if (!bmb_test_have_display ())
    {
      g_test_skip ("Needs an X display and xdotool");
      return;
    }

  window = bmb_application_present_main_window (f->app);
  g_assert_true (bmb_test_wait_for (is_mapped, window, 5000));
  bmb_test_focus_window (window);

  /* Ctrl+? shows the keyboard shortcuts. */
  bmb_test_press_keys ("ctrl+question");
  g_assert_true (bmb_test_wait_for (shortcuts_shown, NULL, 5000));
  {
    GtkWindow *shortcuts = bmb_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
    g_autoptr(GString) accels = g_string_new (NULL);
    /* Every shortcut in the README's Keyboard table */
    static const char *expected[] = {
      "<Control>1", "<Control>2", "<Control>3", "<Control>4", "<Control>n", "<Control>f",
      "Delete", "<Control>s", "Escape", "<Control>comma", "F1", "<Control>question",
      "<Control>w", "<Control>q",
    };

    g_assert_cmpstr (gtk_window_get_title (shortcuts), ==, "Keyboard Shortcuts");
    collect_accelerators (GTK_WIDGET (shortcuts), accels);
    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      {
        g_autofree char *item = g_strdup_printf ("[%s]", expected[i]);

        if (strstr (accels->str, item) == NULL)
          g_error ("%s is not in the shortcuts window (%s)", expected[i], accels->str);
      }
  }
  gtk_window_close (bmb_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW));
  bmb_test_spin (100);

  /* Ctrl+, opens Preferences; its switch is bound to the setting. */
  bmb_test_focus_window (window);
  bmb_test_press_keys ("ctrl+comma");
  g_assert_true (bmb_test_wait_for (preferences_shown, NULL, 5000));
  preferences = bmb_test_find_toplevel (ADW_TYPE_PREFERENCES_WINDOW);
  g_assert_true (g_settings_get_boolean (settings, "run-in-background"));
  row_switch = bmb_test_find_widget (GTK_WIDGET (preferences), GTK_TYPE_SWITCH, NULL);
  g_assert_nonnull (row_switch);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (row_switch)));
  gtk_switch_set_active (GTK_SWITCH (row_switch), FALSE);
  g_assert_false (g_settings_get_boolean (settings, "run-in-background"));
  g_settings_reset (settings, "run-in-background");
  gtk_window_close (preferences);
}

static GtkWidget *
find_combo_row (GtkWidget  *root,
                const char *title)
{
  if (ADW_IS_COMBO_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_combo_row (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Preferences: the snooze length and the default follow-up interval reach the core
 * through the context; a new contact's follow-up starts with the interval. */
static void
test_preferences_reach_core (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWindow *window, *preferences, *editor;
  BmbContext *context;
  GtkWidget *snooze_row, *follow_up_row, *spin;
  guint count;
  BmbFollowUpUnit unit;

  window = bmb_application_present_main_window (f->app);
  g_assert_true (bmb_test_wait_for (is_mapped, window, 5000));
  context = bmb_application_get_context (f->app);
  g_assert_cmpuint (bmb_context_get_snooze_minutes (context), ==, 10);
  bmb_context_get_default_follow_up (context, &count, &unit);
  g_assert_cmpuint (count, ==, 1);
  g_assert_cmpint (unit, ==, BMB_FOLLOW_UP_UNIT_MONTH);

  g_action_group_activate_action (G_ACTION_GROUP (f->app), "preferences", NULL);
  g_assert_true (bmb_test_wait_for (preferences_shown, NULL, 5000));
  preferences = bmb_test_find_toplevel (ADW_TYPE_PREFERENCES_WINDOW);
  snooze_row = find_combo_row (GTK_WIDGET (preferences), "_Snooze Length");
  follow_up_row = find_combo_row (GTK_WIDGET (preferences), "Default _Follow-Up Interval");
  g_assert_nonnull (snooze_row);
  g_assert_nonnull (follow_up_row);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (snooze_row)), ==, 1);  /* 10 minutes */
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (follow_up_row)), ==, 2);  /* a month */

  adw_combo_row_set_selected (ADW_COMBO_ROW (snooze_row), 3);      /* 30 minutes */
  adw_combo_row_set_selected (ADW_COMBO_ROW (follow_up_row), 1);   /* 2 weeks */
  g_assert_cmpuint (g_settings_get_uint (settings, "snooze-minutes"), ==, 30);
  g_assert_cmpuint (g_settings_get_uint (settings, "follow-up-days"), ==, 14);
  g_assert_cmpuint (bmb_context_get_snooze_minutes (context), ==, 30);
  bmb_context_get_default_follow_up (context, &count, &unit);
  g_assert_cmpuint (count, ==, 2);
  g_assert_cmpint (unit, ==, BMB_FOLLOW_UP_UNIT_WEEK);
  gtk_window_destroy (preferences);

  /* A new contact's "Remind Me to Follow Up" starts at every 2 weeks. */
  bmb_window_set_page (BMB_WINDOW (window), "contacts");
  bmb_test_spin (200);
  gtk_widget_activate_action (bmb_window_get_page_widget (BMB_WINDOW (window), "contacts"),
                              "contacts.new", NULL);
  g_assert_true (bmb_test_wait_for ((gboolean (*) (gpointer))bmb_test_find_toplevel,
                                    (gpointer)BMB_TYPE_CONTACT_EDITOR, 5000));
  editor = bmb_test_find_toplevel (BMB_TYPE_CONTACT_EDITOR);
  spin = bmb_test_find_widget (GTK_WIDGET (editor), GTK_TYPE_SPIN_BUTTON, NULL);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)), ==, 2);
  gtk_window_destroy (editor);

  g_settings_reset (settings, "snooze-minutes");
  g_settings_reset (settings, "follow-up-days");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Jakarta", TRUE);
  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      /* build-aux/check always provides Xvfb; a Flatpak build does not. */
      g_print ("1..0 # SKIP no display: the UI tests need Xvfb (build-aux/check starts one)\n");
      return 0;
    }

  adw_init ();

  g_test_add ("/window/pages-by-shortcut", Fixture, NULL,
              fixture_setup, test_pages_by_shortcut, fixture_teardown);
  g_test_add ("/window/state-saved", Fixture, NULL,
              fixture_setup, test_window_state_saved, fixture_teardown);
  g_test_add ("/window/narrow", Fixture, NULL,
              fixture_setup, test_narrow_window, fixture_teardown);
  g_test_add ("/window/shortcuts-and-preferences", Fixture, NULL,
              fixture_setup, test_shortcuts_and_preferences, fixture_teardown);
  g_test_add ("/window/preferences-reach-core", Fixture, NULL,
              fixture_setup, test_preferences_reach_core, fixture_teardown);
  g_test_add ("/window/page-headers", Fixture, NULL,
              fixture_setup, test_page_headers, fixture_teardown);
  g_test_add_func ("/window/corrupt-database-dialog", test_corrupt_database_dialog);
  g_test_add_func ("/window/damage-found-after-start", test_damage_found_after_start);
  g_test_add_func ("/window/upgrade-window", test_upgrade_window);

  return g_test_run ();
}
