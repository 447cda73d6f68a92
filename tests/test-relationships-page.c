/* test-relationships-page.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drives the real window's Relationships page under Xvfb: real key presses
 * (xdotool) for the page shortcut, Ctrl+N, typing and Ctrl+S in the
 * relationship editor; the widgets themselves for rows and buttons; the
 * stores to put data in and to check what was written.
 */

#include "config.h"

#include <adwaita.h>

#include "bmb-application.h"
#include "bmb-contact-store.h"
#include "bmb-goal-store.h"
#include "bmb-mentoring-store.h"
#include "bmb-phase-stepper.h"
#include "bmb-relationship-editor.h"
#include "bmb-relationship-panel.h"
#include "bmb-relationship-list-model.h"
#include "bmb-relationship-row.h"
#include "bmb-relationships-page.h"
#include "bmb-session-editor.h"
#include "bmb-test-utils.h"
#include "bmb-window.h"

typedef struct
{
  BmbApplication       *app;
  BmbWindow            *window;
  BmbRelationshipsPage *page;
  BmbMentoringStore    *store;
  BmbContactStore      *contacts;
  BmbGoalStore         *goals;
} Fixture;

/* ---- helpers ------------------------------------------------------------- */

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

static gboolean
is_unmapped (gpointer widget)
{
  return !gtk_widget_get_mapped (widget);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = bmb_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "bimbing.db", NULL);
  BmbDatabase *db;

  f->app = bmb_test_app_new (path);
  g_assert_true (bmb_application_ensure_database (f->app, &error));
  g_assert_no_error (error);
  db = bmb_application_get_database (f->app);
  f->store = bmb_mentoring_store_new (db);
  f->contacts = bmb_contact_store_new (db);
  f->goals = bmb_goal_store_new (db);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->goals);
  g_clear_object (&f->contacts);
  g_clear_object (&f->store);
  g_clear_pointer (&f->app, bmb_test_app_free);
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

/* Presents the window (after the test has put data in the database) and
 * goes to the Relationships page with its shortcut, Ctrl+2. */
static void
fixture_present (Fixture *f)
{
  PageWait w;

  f->window = BMB_WINDOW (bmb_application_present_main_window (f->app));
  g_assert_true (BMB_IS_WINDOW (f->window));
  g_assert_true (bmb_test_wait_for (is_mapped, f->window, 5000));
  f->page = BMB_RELATIONSHIPS_PAGE (bmb_window_get_page_widget (f->window, "relationships"));
  g_assert_true (BMB_IS_RELATIONSHIPS_PAGE (f->page));
  bmb_test_focus_window (GTK_WINDOW (f->window));

  w = (PageWait) { f->window, "relationships" };
  bmb_test_press_keys ("ctrl+2");
  g_assert_true (bmb_test_wait_for (page_is, &w, 5000));
}


static gboolean
toplevel_shown (gpointer type)
{
  GtkWindow *window = bmb_test_find_toplevel (GPOINTER_TO_SIZE (type));

  return window != NULL && gtk_widget_get_mapped (GTK_WIDGET (window));
}

static gboolean
toplevel_gone (gpointer type)
{
  return bmb_test_find_toplevel (GPOINTER_TO_SIZE (type)) == NULL;
}

static const char *
widget_title (GtkWidget *widget)
{
  if (ADW_IS_PREFERENCES_ROW (widget))
    return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
  if (ADW_IS_PREFERENCES_GROUP (widget))
    return adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget));
  if (GTK_IS_BUTTON (widget))
    return gtk_button_get_label (GTK_BUTTON (widget));
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_label (GTK_LABEL (widget));
  if (ADW_IS_STATUS_PAGE (widget))
    return adw_status_page_get_title (ADW_STATUS_PAGE (widget));
  return NULL;
}

/* The first descendant of @root of @type whose title is @title (any title
 * when NULL). */
static GtkWidget *
find_titled (GtkWidget  *root,
             GType       type,
             const char *title)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (title == NULL || g_strcmp0 (widget_title (root), title) == 0))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_titled (child, type, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The sidebar: a GtkListView over the paged relationship model. */
static GtkListView *
page_list_view (Fixture *f)
{
  GtkWidget *list_view = bmb_test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_LIST_VIEW,
                                               "navigation-sidebar");

  g_assert_nonnull (list_view);
  return GTK_LIST_VIEW (list_view);
}

static GtkSelectionModel *
page_selection (Fixture *f)
{
  return gtk_list_view_get_model (page_list_view (f));
}

static BmbRelationshipPanel *
page_panel (Fixture *f)
{
  GtkWidget *panel = find_titled (GTK_WIDGET (f->page), BMB_TYPE_RELATIONSHIP_PANEL, NULL);

  g_assert_nonnull (panel);
  return BMB_RELATIONSHIP_PANEL (panel);
}

static guint
count_rows (Fixture *f)
{
  return g_list_model_get_n_items (G_LIST_MODEL (page_selection (f)));
}

typedef struct
{
  Fixture            *f;
  gint64              id;
  BmbRelationshipRow *found;
} RowFind;

static void
find_bound_row (GtkWidget *widget,
                RowFind   *find)
{
  if (BMB_IS_RELATIONSHIP_ROW (widget))
    {
      BmbRelationship *item = bmb_relationship_row_get_item (BMB_RELATIONSHIP_ROW (widget));

      if (item != NULL && bmb_relationship_get_id (item) == find->id && gtk_widget_get_mapped (widget))
        find->found = BMB_RELATIONSHIP_ROW (widget);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL && find->found == NULL;
       child = gtk_widget_get_next_sibling (child))
    find_bound_row (child, find);
}

static gboolean
row_bound (gpointer data)
{
  RowFind *find = data;

  find->found = NULL;
  find_bound_row (GTK_WIDGET (page_list_view (find->f)), find);
  return find->found != NULL;
}

/* The row widget showing position @index, once the list view bound it
 * (it does so at its next frame). */
static BmbRelationshipRow *
row_at (Fixture *f,
        int      index)
{
  g_autoptr(BmbRelationship) item = g_list_model_get_item (G_LIST_MODEL (page_selection (f)), index);
  RowFind find = { f, 0, NULL };

  g_assert_nonnull (item);
  find.id = bmb_relationship_get_id (item);
  bmb_test_spin (50);
  g_assert_true (bmb_test_wait_for (row_bound, &find, 5000));
  return find.found;
}

/* The list item widget around the row (what takes the focus). */
static GtkWidget *
list_item_at (Fixture *f,
              int      index)
{
  return gtk_widget_get_parent (GTK_WIDGET (row_at (f, index)));
}

static void
collect_labels (GtkWidget *widget,
                GPtrArray *labels)
{
  /* The avatar's initials are a label too: not the row's text; nor is a
   * hidden section heading. */
  if (ADW_IS_AVATAR (widget) || !gtk_widget_get_visible (widget))
    return;
  if (GTK_IS_LABEL (widget))
    g_ptr_array_add (labels, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, labels);
}

/* The title and subtitle of a row, as drawn. */
static void
row_labels (BmbRelationshipRow  *row,
            const char         **title,
            const char         **subtitle)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect_labels (GTK_WIDGET (row), labels);
  /* The "Ended" section heading above a row is not its text. */
  g_ptr_array_remove (labels, bmb_relationship_row_get_heading (row));
  g_assert_cmpuint (labels->len, ==, 2);
  *title = gtk_label_get_label (g_ptr_array_index (labels, 0));
  *subtitle = gtk_label_get_label (g_ptr_array_index (labels, 1));
}

static gboolean
row_title_dimmed (BmbRelationshipRow *row)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect_labels (GTK_WIDGET (row), labels);
  g_ptr_array_remove (labels, bmb_relationship_row_get_heading (row));
  return gtk_widget_has_css_class (g_ptr_array_index (labels, 0), "dim-label");
}

static gint64
panel_relationship_id (Fixture *f)
{
  BmbRelationship *shown = bmb_relationship_panel_get_relationship (page_panel (f));

  return shown != NULL ? bmb_relationship_get_id (shown) : 0;
}

typedef struct
{
  Fixture *f;
  gint64   id;
} ShownWait;

static gboolean
panel_shows (gpointer data)
{
  ShownWait *w = data;

  return panel_relationship_id (w->f) == w->id &&
         bmb_relationships_page_get_selected_id (w->f->page) == w->id;
}

static gint64
add_contact (Fixture    *f,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbContact) contact = bmb_contact_new ();

  bmb_contact_set_display_name (contact, name);
  g_assert_true (bmb_contact_store_insert (f->contacts, contact, &error));
  g_assert_no_error (error);

  return bmb_contact_get_id (contact);
}

/* I mentor @mentee_name (a new contact), in @phase. */
static gint64
add_relationship (Fixture              *f,
                  const char           *mentee_name,
                  BmbRelationshipPhase  phase)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbRelationship) relationship = bmb_relationship_new ();

  bmb_relationship_set_mentee_id (relationship, add_contact (f, mentee_name));
  bmb_relationship_set_phase (relationship, phase);
  bmb_relationship_set_started_on (relationship, "2026-01-05");
  g_assert_true (bmb_mentoring_store_save_relationship (f->store, relationship, &error));
  g_assert_no_error (error);

  return bmb_relationship_get_id (relationship);
}


static GtkWidget *
find_with_action (GtkWidget  *root,
                  const char *action_name)
{
  if (GTK_IS_ACTIONABLE (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action_name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_with_action (child, action_name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

typedef struct
{
  GtkEditable *editable;
  const char  *text;
} TextWait;

static gboolean
editable_has_text (gpointer data)
{
  TextWait *w = data;

  return g_strcmp0 (gtk_editable_get_text (w->editable), w->text) == 0;
}

static void
type_into_row (GtkWidget  *row,
               const char *text)
{
  TextWait w = { GTK_EDITABLE (row), text };

  g_assert_true (gtk_widget_grab_focus (row));
  bmb_test_spin (50);
  bmb_test_type_text (text);
  if (!bmb_test_wait_for (editable_has_text, &w, 5000))
    g_error ("typed “%s”, the row shows “%s”", text, gtk_editable_get_text (GTK_EDITABLE (row)));
}

/* ---- tests --------------------------------------------------------------- */

static void
test_empty_then_create (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) relationships = NULL;
  BmbRelationship *stored;
  GtkWidget *status, *button, *role_row, *mentee_group, *mentee_row, *stepper;
  GtkWindow *editor;
  const char *title, *subtitle;
  ShownWait shown;

  fixture_present (f);

  /* An empty database says what to do first, with a button that does it. */
  status = find_titled (GTK_WIDGET (f->page), ADW_TYPE_STATUS_PAGE, "No Mentoring Relationships Yet");
  g_assert_nonnull (status);
  g_assert_true (gtk_widget_get_mapped (status));
  button = bmb_test_find_widget (status, GTK_TYPE_BUTTON, "suggested-action");
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "_New Relationship");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==,
                   "relationships.new");
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (page_list_view (f))));

  /* Ctrl+N opens the relationship editor on a new relationship. */
  bmb_test_press_keys ("ctrl+n");
  g_assert_true (bmb_test_wait_for (toplevel_shown, GSIZE_TO_POINTER (BMB_TYPE_RELATIONSHIP_EDITOR),
                                    5000));
  editor = bmb_test_find_toplevel (BMB_TYPE_RELATIONSHIP_EDITOR);
  g_assert_true (gtk_window_get_transient_for (editor) == GTK_WINDOW (f->window));
  bmb_test_focus_window (editor);

  /* I mentor Siti Rahma, a new contact. */
  role_row = bmb_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW, NULL);
  g_assert_nonnull (role_row);
  adw_combo_row_set_selected (ADW_COMBO_ROW (role_row), BMB_RELATIONSHIP_EDITOR_ROLE_MENTOR);
  mentee_group = find_titled (GTK_WIDGET (editor), ADW_TYPE_PREFERENCES_GROUP, "Mentee");
  g_assert_nonnull (mentee_group);
  mentee_row = find_titled (mentee_group, ADW_TYPE_ENTRY_ROW, "Name");
  g_assert_nonnull (mentee_row);
  type_into_row (mentee_row, "Siti Rahma");
  g_assert_true (bmb_relationship_editor_is_valid (BMB_RELATIONSHIP_EDITOR (editor)));
  bmb_test_press_keys ("ctrl+s");
  g_assert_true (bmb_test_wait_for (toplevel_gone, GSIZE_TO_POINTER (BMB_TYPE_RELATIONSHIP_EDITOR),
                                    5000));

  relationships = bmb_mentoring_store_list_relationships (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (relationships->len, ==, 1);
  stored = g_ptr_array_index (relationships, 0);

  /* It is listed and shown, at its first phase. */
  shown = (ShownWait) { f, bmb_relationship_get_id (stored) };
  g_assert_true (bmb_test_wait_for (panel_shows, &shown, 5000));
  g_assert_true (bmb_test_wait_for (is_mapped, page_list_view (f), 5000));
  g_assert_false (gtk_widget_get_mapped (status));
  g_assert_cmpuint (count_rows (f), ==, 1);
  row_labels (row_at (f, 0), &title, &subtitle);
  g_assert_cmpstr (title, ==, "Mentoring with Siti Rahma");
  g_assert_cmpstr (subtitle, ==, "Mentor · Preparation");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page_panel (f))));

  stepper = find_titled (GTK_WIDGET (page_panel (f)), BMB_TYPE_PHASE_STEPPER, NULL);
  g_assert_nonnull (stepper);
  g_assert_true (gtk_widget_get_mapped (stepper));
  g_assert_cmpint (bmb_relationship_get_id (bmb_phase_stepper_get_relationship (BMB_PHASE_STEPPER (stepper))),
                   ==, bmb_relationship_get_id (stored));
  g_assert_cmpint (bmb_phase_stepper_get_viewed_phase (BMB_PHASE_STEPPER (stepper)), ==,
                   BMB_RELATIONSHIP_PHASE_PREPARATION);
  g_assert_cmpint (bmb_relationship_get_phase (bmb_phase_stepper_get_relationship (BMB_PHASE_STEPPER (stepper))),
                   ==, BMB_RELATIONSHIP_PHASE_PREPARATION);
}

static void
test_select (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbContact) contact = NULL;
  gint64 budi = add_relationship (f, "Budi Santoso", BMB_RELATIONSHIP_PHASE_NEGOTIATION);
  gint64 ayu = add_relationship (f, "Ayu Lestari", BMB_RELATIONSHIP_PHASE_ENABLING);
  const char *title, *subtitle;
  ShownWait shown;
  GtkWidget *first;

  fixture_present (f);

  /* Sorted by title; the first one is shown. */
  g_assert_cmpuint (count_rows (f), ==, 2);
  row_labels (row_at (f, 0), &title, &subtitle);
  g_assert_cmpstr (title, ==, "Mentoring with Ayu Lestari");
  g_assert_cmpstr (subtitle, ==, "Mentor · Enabling growth");
  row_labels (row_at (f, 1), &title, &subtitle);
  g_assert_cmpstr (title, ==, "Mentoring with Budi Santoso");
  g_assert_cmpstr (subtitle, ==, "Mentor · Negotiation");
  shown = (ShownWait) { f, ayu };
  g_assert_true (bmb_test_wait_for (panel_shows, &shown, 5000));

  /* Down moves the selection, and the panel follows. */
  first = list_item_at (f, 0);
  g_assert_true (gtk_widget_grab_focus (first));
  bmb_test_press_keys ("Down");
  shown = (ShownWait) { f, budi };
  g_assert_true (bmb_test_wait_for (panel_shows, &shown, 5000));

  /* A change elsewhere (the contact renamed) keeps the selection, by id,
   * and the rows show the new name. */
  contact = bmb_contact_store_get (f->contacts,
                                   bmb_relationship_get_mentee_id (bmb_relationship_panel_get_relationship (page_panel (f))),
                                   &error);
  g_assert_no_error (error);
  bmb_contact_set_display_name (contact, "Budi Hartono");
  g_assert_true (bmb_contact_store_update (f->contacts, contact, &error));
  g_assert_no_error (error);
  bmb_test_spin (50);
  g_assert_cmpint (bmb_relationships_page_get_selected_id (f->page), ==, budi);
  g_assert_true (bmb_test_wait_for (panel_shows, &shown, 5000));
  row_labels (row_at (f, 1), &title, &subtitle);
  g_assert_cmpstr (title, ==, "Mentoring with Budi Hartono");

  /* Back with the API: selection and panel follow. */
  g_assert_true (bmb_relationships_page_select_relationship (f->page, ayu));
  shown = (ShownWait) { f, ayu };
  g_assert_true (panel_shows (&shown));
  g_assert_false (bmb_relationships_page_select_relationship (f->page, 9999));
  g_assert_true (panel_shows (&shown));
}

static gboolean
session_editor_shown (gpointer data)
{
  return toplevel_shown (GSIZE_TO_POINTER (BMB_TYPE_SESSION_EDITOR));
}

static void
test_schedule (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbRelationship) relationship = NULL;
  g_autofree char *display_title = NULL;
  gint64 other = add_relationship (f, "Ayu Lestari", BMB_RELATIONSHIP_PHASE_NEGOTIATION);
  gint64 id = add_relationship (f, "Rina Wijaya", BMB_RELATIONSHIP_PHASE_NEGOTIATION);
  PageWait sessions_wait;
  ShownWait shown = { f, id };
  GtkWidget *schedule, *row;
  GtkWindow *editor;
  GObject *selected;

  g_assert_cmpint (other, !=, id);
  fixture_present (f);
  g_assert_true (bmb_relationships_page_select_relationship (f->page, id));
  g_assert_true (bmb_test_wait_for (panel_shows, &shown, 5000));

  /* Nothing planned: the panel offers to schedule a session. */
  schedule = find_titled (GTK_WIDGET (page_panel (f)), GTK_TYPE_BUTTON, "_Schedule");
  g_assert_nonnull (schedule);
  g_assert_true (bmb_test_wait_for (is_mapped, schedule, 5000));
  gtk_widget_activate (schedule);

  /* The window goes to Sessions, with a new session for this relationship. */
  sessions_wait = (PageWait) { f->window, "sessions" };
  g_assert_true (bmb_test_wait_for (page_is, &sessions_wait, 5000));
  g_assert_true (bmb_test_wait_for (session_editor_shown, NULL, 5000));
  editor = bmb_test_find_toplevel (BMB_TYPE_SESSION_EDITOR);
  g_assert_cmpint (bmb_session_editor_get_session_id (BMB_SESSION_EDITOR (editor)), ==, 0);
  row = bmb_test_find_named (GTK_WIDGET (editor), "relationship-row");
  g_assert_true (ADW_IS_COMBO_ROW (row));
  g_assert_true (gtk_widget_get_visible (row));
  selected = adw_combo_row_get_selected_item (ADW_COMBO_ROW (row));
  g_assert_true (GTK_IS_STRING_OBJECT (selected));
  relationship = bmb_mentoring_store_get_relationship (f->store, id, &error);
  g_assert_no_error (error);
  display_title = bmb_relationship_dup_display_title (relationship);
  g_assert_cmpstr (gtk_string_object_get_string (GTK_STRING_OBJECT (selected)), ==, display_title);
  gtk_window_destroy (editor);
}

static void
test_open_next_session (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbSession) session = bmb_session_new ();
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Jakarta");
  g_autoptr(GDateTime) now = g_date_time_new_now (zone);
  g_autoptr(GDateTime) day = g_date_time_add_days (now, 2);
  g_autoptr(GDateTime) start = g_date_time_new (zone, g_date_time_get_year (day),
                                                g_date_time_get_month (day),
                                                g_date_time_get_day_of_month (day), 10, 0, 0);
  gint64 id = add_relationship (f, "Rina Wijaya", BMB_RELATIONSHIP_PHASE_ENABLING);
  PageWait sessions_wait;
  ShownWait shown = { f, id };
  GtkWidget *next_row;
  GtkWindow *editor;

  bmb_session_set_title (session, "Career check-in");
  bmb_session_set_start (session, start, "Asia/Jakarta");
  bmb_session_set_relationship_id (session, id);
  g_assert_true (bmb_mentoring_store_save_session (f->store, session, &error));
  g_assert_no_error (error);

  fixture_present (f);
  g_assert_true (bmb_test_wait_for (panel_shows, &shown, 5000));

  /* The next session row leads to that session on the Sessions page. */
  next_row = find_titled (GTK_WIDGET (page_panel (f)), ADW_TYPE_ACTION_ROW, "Career check-in");
  g_assert_nonnull (next_row);
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (next_row)));
  adw_action_row_activate (ADW_ACTION_ROW (next_row));

  sessions_wait = (PageWait) { f->window, "sessions" };
  g_assert_true (bmb_test_wait_for (page_is, &sessions_wait, 5000));
  g_assert_true (bmb_test_wait_for (session_editor_shown, NULL, 5000));
  editor = bmb_test_find_toplevel (BMB_TYPE_SESSION_EDITOR);
  g_assert_cmpint (bmb_session_editor_get_session_id (BMB_SESSION_EDITOR (editor)), ==,
                   bmb_session_get_id (session));
  gtk_window_destroy (editor);
}

static void
test_ended (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 ended = add_relationship (f, "Agus Pratama", BMB_RELATIONSHIP_PHASE_ENABLING);
  gint64 active = add_relationship (f, "Wulan Sari", BMB_RELATIONSHIP_PHASE_PREPARATION);
  GtkWidget *header;
  const char *title, *subtitle;

  g_assert_true (bmb_mentoring_store_end_relationship (f->store, ended, "2026-03-02",
                                                       "A promotion", "Thank you", NULL, &error));
  g_assert_no_error (error);

  fixture_present (f);

  /* The active one first (though "Agus" sorts before "Wulan"), then an
   * "Ended" section with the ended one, dimmed. */
  g_assert_cmpuint (count_rows (f), ==, 2);
  g_assert_cmpint (bmb_relationship_get_id (bmb_relationship_row_get_item (row_at (f, 0))), ==, active);
  g_assert_null (bmb_relationship_row_get_heading (row_at (f, 0)));
  row_labels (row_at (f, 1), &title, &subtitle);
  g_assert_cmpstr (title, ==, "Mentoring with Agus Pratama");
  g_assert_cmpstr (subtitle, ==, "Mentor · Ended March 2, 2026");
  header = GTK_WIDGET (bmb_relationship_row_get_heading (row_at (f, 1)));
  g_assert_true (GTK_IS_LABEL (header));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (header)), ==, "Ended");
  g_assert_true (gtk_widget_get_mapped (header));
  g_assert_true (row_title_dimmed (row_at (f, 1)));
  g_assert_false (row_title_dimmed (row_at (f, 0)));

  /* Ending the other one as well: one "Ended" section with both, by title. */
  g_assert_true (bmb_mentoring_store_end_relationship (f->store, active, "2026-04-01",
                                                       NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_rows (f), ==, 2);
  g_assert_cmpint (bmb_relationship_get_id (bmb_relationship_row_get_item (row_at (f, 0))), ==, ended);
  g_assert_true (GTK_IS_LABEL (bmb_relationship_row_get_heading (row_at (f, 0))));
  g_assert_null (bmb_relationship_row_get_heading (row_at (f, 1)));
  row_labels (row_at (f, 1), &title, &subtitle);
  g_assert_cmpstr (subtitle, ==, "Mentor · Ended April 1, 2026");
}

static gboolean
message_dialog_shown (gpointer data)
{
  return toplevel_shown (GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG));
}

static void
test_show_goal (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbGoal) goal = bmb_goal_new ("Lead a team project");
  gint64 ayu = add_relationship (f, "Ayu Lestari", BMB_RELATIONSHIP_PHASE_ENABLING);
  gint64 budi = add_relationship (f, "Budi Santoso", BMB_RELATIONSHIP_PHASE_ENABLING);
  PageWait w;
  ShownWait shown;
  GtkWindow *dialog;

  bmb_goal_set_relationship_id (goal, budi);
  g_assert_true (bmb_goal_store_insert (f->goals, goal, &error));
  g_assert_no_error (error);

  fixture_present (f);
  shown = (ShownWait) { f, ayu };
  g_assert_true (bmb_test_wait_for (panel_shows, &shown, 5000));

  /* A goal reminder's Open, from another page: Budi's relationship. */
  bmb_window_set_page (f->window, "contacts");
  bmb_window_show_item (f->window, BMB_REMINDER_KIND_GOAL, bmb_goal_get_id (goal), NULL);
  w = (PageWait) { f->window, "relationships" };
  g_assert_true (bmb_test_wait_for (page_is, &w, 5000));
  shown = (ShownWait) { f, budi };
  g_assert_true (bmb_test_wait_for (panel_shows, &shown, 5000));
  g_assert_true (gtk_selection_model_is_selected (page_selection (f), 1));

  /* A goal that is gone: the user is told, the selection stays. */
  bmb_window_show_item (f->window, BMB_REMINDER_KIND_GOAL, bmb_goal_get_id (goal) + 100, NULL);
  g_assert_true (bmb_test_wait_for (message_dialog_shown, NULL, 5000));
  dialog = bmb_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Could Not Show the Goal");
  gtk_window_destroy (dialog);
  g_assert_true (panel_shows (&shown));
}

/* As a user (or a window manager) does it: through the X server. */
static void
resize_through_x (const char *title_pattern,
                  int         width,
                  int         height)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *w = g_strdup_printf ("%d", width);
  g_autofree char *h = g_strdup_printf ("%d", height);
  const char *argv[] = { "xdotool", "search", "--sync", "--limit", "1", "--name", title_pattern,
                         "windowsize", "--sync", w, h, NULL };
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

static gboolean
leaflet_folded (gpointer data)
{
  Fixture *f = data;
  GtkWidget *leaflet = find_titled (GTK_WIDGET (f->page), ADW_TYPE_LEAFLET, NULL);

  return adw_leaflet_get_folded (ADW_LEAFLET (leaflet));
}

static gboolean
shows_list (gpointer leaflet)
{
  return g_strcmp0 (adw_leaflet_get_visible_child_name (leaflet), "list") == 0;
}

static void
test_narrow (Fixture       *f,
             gconstpointer  data)
{
  gint64 ayu = add_relationship (f, "Ayu Lestari", BMB_RELATIONSHIP_PHASE_ENABLING);
  gint64 budi = add_relationship (f, "Budi Santoso", BMB_RELATIONSHIP_PHASE_ENABLING);
  AdwLeaflet *leaflet;
  GtkWidget *back_button;
  ShownWait shown = { f, budi };

  g_assert_cmpint (ayu, !=, budi);
  fixture_present (f);
  leaflet = ADW_LEAFLET (find_titled (GTK_WIDGET (f->page), ADW_TYPE_LEAFLET, NULL));
  g_assert_false (adw_leaflet_get_folded (leaflet));
  back_button = find_with_action (GTK_WIDGET (f->page), "relationships.back");
  g_assert_nonnull (back_button);
  g_assert_false (gtk_widget_get_mapped (back_button));

  /* At 360 px the leaflet folds: the list first, without a Back button. */
  resize_through_x ("^Bimbing$", 360, 640);
  if (!bmb_test_wait_for (leaflet_folded, f, 5000))
    g_error ("not folded at %d px", gtk_widget_get_width (GTK_WIDGET (f->window)));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), <=, 360);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "list");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page_list_view (f))));
  g_assert_true (bmb_test_wait_for (is_unmapped, page_panel (f), 5000));
  g_assert_false (gtk_widget_get_mapped (back_button));

  /* Activating a row shows it, with a Back button that returns to the list. */
  gtk_widget_activate_action (GTK_WIDGET (page_list_view (f)), "list.activate-item", "u", 1);
  g_assert_true (bmb_test_wait_for (panel_shows, &shown, 5000));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "content");
  g_assert_true (bmb_test_wait_for (is_mapped, page_panel (f), 5000));
  g_assert_true (gtk_widget_get_mapped (back_button));
  g_assert_true (gtk_widget_has_focus (back_button));
  gtk_widget_activate (back_button);
  g_assert_true (bmb_test_wait_for (shows_list, leaflet, 5000));
  g_assert_cmpint (bmb_relationships_page_get_selected_id (f->page), ==, budi);
}

/* Many relationships: the sidebar reads the rows it shows, not all of
 * them; editing one binds that row again and leaves the others. */
static void
test_many_paged (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbRelationship) edited = NULL;
  BmbRelationshipListModel *model;
  BmbRelationshipRow *first_row, *second_row;
  gint64 second_id;
  guint made;

  g_assert_true (bmb_database_begin (bmb_mentoring_store_get_database (f->store), &error));
  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *name = g_strdup_printf ("Mentee %04u", i);

      add_relationship (f, name, BMB_RELATIONSHIP_PHASE_ENABLING);
    }
  g_assert_true (bmb_database_commit (bmb_mentoring_store_get_database (f->store), &error));
  g_assert_no_error (error);

  fixture_present (f);
  g_assert_cmpuint (count_rows (f), ==, 2000);
  model = BMB_RELATIONSHIP_LIST_MODEL (gtk_single_selection_get_model (GTK_SINGLE_SELECTION (page_selection (f))));
  first_row = row_at (f, 0);
  second_row = row_at (f, 1);
  made = bmb_relationship_list_model_get_n_created (model);
  g_test_message ("rows read for 2,000 relationships: %u", made);
  g_assert_cmpuint (made, >, 0);
  g_assert_cmpuint (made, <, 500);

  /* Renaming the second one: its row shows it, the first row is untouched. */
  second_id = bmb_relationship_get_id (bmb_relationship_row_get_item (second_row));
  edited = bmb_mentoring_store_get_relationship (f->store, second_id, &error);
  g_assert_no_error (error);
  bmb_relationship_set_title (edited, "Mentoring with Mentee 0000 bis");
  g_assert_true (bmb_mentoring_store_save_relationship (f->store, edited, &error));
  g_assert_no_error (error);
  g_assert_true (row_at (f, 0) == first_row);
  g_assert_cmpstr (bmb_relationship_get_title (bmb_relationship_row_get_item (row_at (f, 1))), ==,
                   "Mentoring with Mentee 0000 bis");
  /* That row, and the dozen probes that find where "Ended" starts. */
  g_assert_cmpuint (bmb_relationship_list_model_get_n_created (model), <=, made + 16);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Jakarta", TRUE);
  g_test_init (&argc, &argv, NULL);

  if (!bmb_test_have_display ())
    {
      g_print ("1..0 # SKIP no display: the UI tests need Xvfb (build-aux/check starts one)\n");
      return 0;
    }

  adw_init ();

  g_test_add ("/relationships-page/empty-then-create", Fixture, NULL,
              fixture_setup, test_empty_then_create, fixture_teardown);
  g_test_add ("/relationships-page/select", Fixture, NULL,
              fixture_setup, test_select, fixture_teardown);
  g_test_add ("/relationships-page/schedule", Fixture, NULL,
              fixture_setup, test_schedule, fixture_teardown);
  g_test_add ("/relationships-page/open-next-session", Fixture, NULL,
              fixture_setup, test_open_next_session, fixture_teardown);
  g_test_add ("/relationships-page/ended", Fixture, NULL,
              fixture_setup, test_ended, fixture_teardown);
  g_test_add ("/relationships-page/show-goal", Fixture, NULL,
              fixture_setup, test_show_goal, fixture_teardown);
  g_test_add ("/relationships-page/many-paged", Fixture, NULL,
              fixture_setup, test_many_paged, fixture_teardown);
  g_test_add ("/relationships-page/narrow", Fixture, NULL,
              fixture_setup, test_narrow, fixture_teardown);

  return g_test_run ();
}
