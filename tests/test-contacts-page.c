/* test-contacts-page.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Contacts page in the real window on a temporary database, driven
 * through the X server (xdotool): adding a contact by typing into the
 * editor, searching, logging an interaction, delete with and without Undo.
 * And the paged list model over 10,000 contacts: only the visible window
 * of rows is ever made.
 */

#include "config.h"

#include <adwaita.h>

#include "bmb-application.h"
#include "bmb-contact-editor.h"
#include "bmb-contact-list-model.h"
#include "bmb-contact-row.h"
#include "bmb-contact-store.h"
#include "bmb-contacts-page.h"
#include "bmb-date-row.h"
#include "bmb-follow-up.h"
#include "bmb-interaction-dialog.h"
#include "bmb-test-utils.h"
#include "bmb-window.h"

typedef struct
{
  char            *db_path;
  BmbDatabase     *db;      /* a second connection, to check what was written */
  BmbContactStore *store;
  BmbApplication  *app;
  BmbWindow       *window;
  BmbContactsPage *page;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->db = bmb_test_open_tmp_database (&f->db_path);
  f->store = bmb_contact_store_new (f->db);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  f->window = NULL;
  f->page = NULL;
  g_clear_pointer (&f->app, bmb_test_app_free);
  g_clear_object (&f->store);
  g_clear_object (&f->db);
  g_clear_pointer (&f->db_path, g_free);
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

/* Opens the real window on the fixture's database, on the Contacts page. */
static void
open_window (Fixture *f)
{
  f->app = bmb_test_app_new (f->db_path);
  f->window = BMB_WINDOW (bmb_application_present_main_window (f->app));
  g_assert_nonnull (f->window);
  g_assert_true (bmb_test_wait_for (is_mapped, f->window, 5000));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 700);
  bmb_test_spin (200);
  bmb_window_set_page (f->window, "contacts");
  f->page = BMB_CONTACTS_PAGE (bmb_window_get_page_widget (f->window, "contacts"));
  g_assert_true (bmb_test_wait_for (is_mapped, f->page, 5000));
  /* Let the leaflet settle (unfold) at the new size. */
  bmb_test_spin (400);
  bmb_test_focus_window (GTK_WINDOW (f->window));
}

static gint64
add_contact (Fixture    *f,
             const char *given,
             const char *family,
             const char *organization)
{
  g_autoptr(BmbContact) contact = bmb_contact_new ();
  g_autoptr(GError) error = NULL;

  bmb_contact_set_given_name (contact, given);
  bmb_contact_set_family_name (contact, family);
  bmb_contact_set_organization (contact, organization);
  g_assert_true (bmb_contact_store_insert (f->store, contact, &error));
  g_assert_no_error (error);

  return bmb_contact_get_id (contact);
}


static gboolean
editor_shown (gpointer data)
{
  return bmb_test_find_toplevel (BMB_TYPE_CONTACT_EDITOR) != NULL;
}

static gboolean
editor_gone (gpointer data)
{
  return bmb_test_find_toplevel (BMB_TYPE_CONTACT_EDITOR) == NULL;
}

static gboolean
interaction_dialog_shown (gpointer data)
{
  return bmb_test_find_toplevel (BMB_TYPE_INTERACTION_DIALOG) != NULL;
}

static gboolean
interaction_dialog_gone (gpointer data)
{
  return bmb_test_find_toplevel (BMB_TYPE_INTERACTION_DIALOG) == NULL;
}

/* The preferences row (entry row, action row…) titled @title. */
static GtkWidget *
find_row (GtkWidget  *root,
          const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

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
text_is (gpointer data)
{
  TextWait *w = data;

  return g_strcmp0 (gtk_editable_get_text (w->editable), w->text) == 0;
}

static void
wait_for_text (GtkWidget  *editable,
               const char *text)
{
  TextWait w = { GTK_EDITABLE (editable), text };

  if (!bmb_test_wait_for (text_is, &w, 5000))
    g_error ("expected “%s”, the entry has “%s”", text, gtk_editable_get_text (w.editable));
}

/* Types into the entry row titled @title of @window. */
static void
type_into (GtkWidget  *window,
           const char *title,
           const char *text)
{
  GtkWidget *row = find_row (window, title);

  g_assert_nonnull (row);
  g_assert_true (ADW_IS_ENTRY_ROW (row));
  gtk_widget_grab_focus (row);
  bmb_test_spin (50);
  bmb_test_type_text (text);
  wait_for_text (row, text);
}

typedef struct
{
  Fixture *f;
  gint64   id;
} ContactWait;

static gboolean
shown_is (gpointer data)
{
  ContactWait *w = data;

  return bmb_contacts_page_get_shown_contact (w->f->page) == w->id;
}

static gboolean
listed (gpointer data)
{
  ContactWait *w = data;

  return bmb_contact_list_model_find (bmb_contacts_page_get_model (w->f->page), w->id) != G_MAXUINT;
}

static gboolean
not_listed (gpointer data)
{
  return !listed (data);
}

static gboolean
not_in_database (gpointer data)
{
  ContactWait *w = data;
  g_autoptr(BmbContact) contact = bmb_contact_store_get (w->f->store, w->id, NULL);

  return contact == NULL;
}

static gboolean
one_contact_saved (gpointer data)
{
  Fixture *f = data;

  return bmb_contact_store_count (f->store, NULL) == 1;
}

/* ---- adding a contact through the editor --------------------------------- */

static void
test_add_through_editor (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(BmbContact) saved = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *editor, *email_row, *keep_row, *status;
  ContactWait shown;

  open_window (f);

  /* An empty book says what to do first; Ctrl+N opens the editor. */
  status = bmb_test_find_widget (GTK_WIDGET (f->page), ADW_TYPE_STATUS_PAGE, NULL);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==, "No Contacts Yet");
  g_assert_true (gtk_widget_get_mapped (status));
  gtk_widget_grab_focus (find_button (status, "_Add a Contact"));
  bmb_test_press_keys ("ctrl+n");
  g_assert_true (bmb_test_wait_for (editor_shown, NULL, 5000));
  editor = GTK_WIDGET (bmb_test_find_toplevel (BMB_TYPE_CONTACT_EDITOR));
  g_assert_true (bmb_test_wait_for (is_mapped, editor, 5000));
  bmb_test_focus_window (GTK_WINDOW (editor));

  /* Nothing typed yet: nothing to save. */
  g_assert_false (bmb_contact_editor_is_valid (BMB_CONTACT_EDITOR (editor)));

  type_into (editor, "First Name", "Siti");
  type_into (editor, "Last Name", "Rahayu");
  type_into (editor, "Organization", "Universitas Indonesia");
  type_into (editor, "Role", "Dosen");
  wait_for_text (find_row (editor, "Role"), "Dosen");
  g_assert_true (bmb_contact_editor_is_valid (BMB_CONTACT_EDITOR (editor)));

  /* A half-typed email is refused inline and Save is disabled… */
  email_row = find_row (editor, "Email Address");
  g_assert_nonnull (email_row);
  gtk_widget_grab_focus (email_row);
  bmb_test_spin (50);
  bmb_test_type_text ("siti@");
  wait_for_text (email_row, "siti@");
  g_assert_false (bmb_contact_editor_is_valid (BMB_CONTACT_EDITOR (editor)));
  g_assert_true (gtk_widget_has_css_class (email_row, "error"));
  g_assert_false (gtk_widget_is_sensitive (find_button (editor, "_Save")));

  /* …until it is a real address. */
  bmb_test_type_text ("ui.ac.id");
  wait_for_text (email_row, "siti@ui.ac.id");
  g_assert_true (bmb_contact_editor_is_valid (BMB_CONTACT_EDITOR (editor)));
  g_assert_false (gtk_widget_has_css_class (email_row, "error"));
  g_assert_true (gtk_widget_is_sensitive (find_button (editor, "_Save")));

  type_into (editor, "Tags", "alumni, dosen");
  wait_for_text (find_row (editor, "Tags"), "alumni, dosen");

  /* Stay in touch every 2 weeks. */
  keep_row = find_row (editor, "Remind Me to Follow Up");
  g_assert_nonnull (keep_row);
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (keep_row), TRUE);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (bmb_test_find_widget (keep_row,
                                                                    GTK_TYPE_SPIN_BUTTON, NULL)),
                             2);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (bmb_test_find_widget (keep_row,
                                                                   GTK_TYPE_DROP_DOWN, NULL)),
                              1);

  /* Ctrl+S saves and closes. */
  bmb_test_press_keys ("ctrl+s");
  g_assert_true (bmb_test_wait_for (editor_gone, NULL, 5000));
  g_assert_true (bmb_test_wait_for (one_contact_saved, f, 5000));

  ids = bmb_contact_store_query_ids (f->store, NULL, BMB_CONTACT_SORT_NAME,
                                     BMB_CONTACT_FILTER_ALL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1);
  saved = bmb_contact_store_get (f->store, g_array_index (ids, gint64, 0), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bmb_contact_get_display_name (saved), ==, "Siti Rahayu");
  g_assert_cmpstr (bmb_contact_get_organization (saved), ==, "Universitas Indonesia");
  g_assert_cmpstr (bmb_contact_get_role (saved), ==, "Dosen");
  g_assert_cmpstr (bmb_contact_get_primary_value (saved, BMB_CONTACT_FIELD_EMAIL), ==,
                   "siti@ui.ac.id");
  g_assert_true (bmb_contact_has_tag (saved, "alumni"));
  g_assert_true (bmb_contact_has_tag (saved, "dosen"));
  g_assert_cmpuint (bmb_contact_get_keep_in_touch_count (saved), ==, 2);
  g_assert_cmpint (bmb_contact_get_keep_in_touch_unit (saved), ==, BMB_FOLLOW_UP_UNIT_WEEK);

  /* The page left its empty state and shows the new contact. */
  shown.f = f;
  shown.id = bmb_contact_get_id (saved);
  g_assert_true (bmb_test_wait_for (shown_is, &shown, 5000));
  g_assert_false (gtk_widget_get_mapped (status));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (bmb_contacts_page_get_model (f->page))),
                    ==, 1);
}

static void
test_edit_keeps_everything (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(BmbContact) contact = bmb_contact_new ();
  g_autoptr(BmbContact) after = NULL;
  g_autoptr(GError) error = NULL;
  ContactWait shown = { f, 0 };
  GtkWidget *editor;
  gint64 siti;

  siti = add_contact (f, "Siti", "Rahayu", NULL);
  bmb_contact_set_given_name (contact, "Budi");
  bmb_contact_set_family_name (contact, "Santoso");
  bmb_contact_set_organization (contact, "Telkom");
  bmb_contact_set_role (contact, "Engineer");
  bmb_contact_add_field (contact, BMB_CONTACT_FIELD_EMAIL, "work", "budi@telkom.co.id", TRUE);
  bmb_contact_add_field (contact, BMB_CONTACT_FIELD_PHONE, "mobile", "+62 812 1111 2222", FALSE);
  bmb_contact_add_field (contact, BMB_CONTACT_FIELD_URL, "LinkedIn",
                         "https://www.linkedin.com/in/budi", FALSE);
  bmb_contact_add_tag (contact, "alumni");
  bmb_contact_set_notes (contact, "Suka mendaki gunung.");
  bmb_contact_set_met_event (contact, "Seminar Karier");
  bmb_contact_set_met_on (contact, "2025-09-12");
  bmb_contact_set_introduced_by (contact, siti);
  bmb_contact_set_keep_in_touch (contact, 3, BMB_FOLLOW_UP_UNIT_MONTH);
  g_assert_true (bmb_contact_store_insert (f->store, contact, &error));
  g_assert_no_error (error);

  open_window (f);
  shown.id = bmb_contact_get_id (contact);
  bmb_contacts_page_show_contact (f->page, shown.id);
  g_assert_true (bmb_test_wait_for (shown_is, &shown, 5000));

  /* Ctrl+E edits the shown contact; the form holds what is saved. */
  gtk_widget_grab_focus (bmb_test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_LIST_VIEW, NULL));
  bmb_test_spin (50);
  bmb_test_press_keys ("ctrl+e");
  g_assert_true (bmb_test_wait_for (editor_shown, NULL, 5000));
  editor = GTK_WIDGET (bmb_test_find_toplevel (BMB_TYPE_CONTACT_EDITOR));
  g_assert_true (bmb_test_wait_for (is_mapped, editor, 5000));
  bmb_test_focus_window (GTK_WINDOW (editor));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (editor, "First Name"))), ==, "Budi");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (editor, "Email Address"))), ==,
                   "budi@telkom.co.id");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (editor, "Tags"))), ==, "alumni");

  /* Change the role only (focus selects the old text; typing replaces it). */
  type_into (editor, "Role", "Kepala Divisi");
  bmb_test_press_keys ("ctrl+s");
  g_assert_true (bmb_test_wait_for (editor_gone, NULL, 5000));

  after = bmb_contact_store_get (f->store, shown.id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bmb_contact_get_role (after), ==, "Kepala Divisi");
  g_assert_cmpstr (bmb_contact_get_display_name (after), ==, "Budi Santoso");
  g_assert_cmpstr (bmb_contact_get_organization (after), ==, "Telkom");
  g_assert_cmpuint (bmb_contact_get_fields (after)->len, ==, 3);
  g_assert_cmpstr (bmb_contact_get_primary_value (after, BMB_CONTACT_FIELD_PHONE), ==,
                   "+62 812 1111 2222");
  g_assert_cmpstr (bmb_contact_field_get_label (g_ptr_array_index (bmb_contact_get_fields (after), 2)),
                   ==, "LinkedIn");
  g_assert_true (bmb_contact_has_tag (after, "alumni"));
  g_assert_cmpstr (bmb_contact_get_notes (after), ==, "Suka mendaki gunung.");
  g_assert_cmpstr (bmb_contact_get_met_on (after), ==, "2025-09-12");
  g_assert_cmpint (bmb_contact_get_introduced_by (after), ==, siti);
  g_assert_cmpuint (bmb_contact_get_keep_in_touch_count (after), ==, 3);
  g_assert_cmpint (bmb_contact_get_keep_in_touch_unit (after), ==, BMB_FOLLOW_UP_UNIT_MONTH);
}

/* ---- search -------------------------------------------------------------- */

typedef struct
{
  Fixture *f;
  guint    n;
} CountWait;

static gboolean
n_items_is (gpointer data)
{
  CountWait *w = data;

  return g_list_model_get_n_items (G_LIST_MODEL (bmb_contacts_page_get_model (w->f->page))) == w->n;
}

static gboolean
focus_within (gpointer widget)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *search, *no_results;
  CountWait count = { f, 1 };
  ContactWait shown = { f, 0 };
  gint64 budi;

  add_contact (f, "Siti", "Rahayu", "Universitas Indonesia");
  budi = add_contact (f, "Budi", "Santoso", "Telkom");
  add_contact (f, "Ayu", "Lestari", "Gojek");
  open_window (f);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (bmb_contacts_page_get_model (f->page))),
                    ==, 3);

  /* Ctrl+F focuses the search; typing narrows the list as you type. */
  gtk_widget_grab_focus (bmb_test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_LIST_VIEW, NULL));
  bmb_test_press_keys ("ctrl+f");
  search = bmb_test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_SEARCH_ENTRY, NULL);
  g_assert_true (bmb_test_wait_for (focus_within, search, 5000));
  /* The search bar under the header bar slides in. */
  g_assert_true (bmb_test_wait_for ((gboolean (*) (gpointer))gtk_widget_get_mapped, search, 5000));
  bmb_test_type_text ("telk");
  g_assert_true (bmb_test_wait_for (n_items_is, &count, 5000));
  g_assert_cmpint (bmb_contact_list_model_get_id (bmb_contacts_page_get_model (f->page), 0), ==,
                   budi);

  /* The best match is shown at once. */
  shown.id = budi;
  g_assert_true (bmb_test_wait_for (shown_is, &shown, 5000));

  /* Nothing matches: the list says so. */
  bmb_test_press_keys ("ctrl+a");
  bmb_test_type_text ("zzzqqq");
  count.n = 0;
  g_assert_true (bmb_test_wait_for (n_items_is, &count, 5000));
  bmb_test_spin (100);
  {
    GtkWidget *list_view = bmb_test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_LIST_VIEW, NULL);
    GtkWidget *list_stack = gtk_widget_get_ancestor (gtk_widget_get_parent (list_view),
                                                     GTK_TYPE_STACK);

    no_results = gtk_stack_get_visible_child (GTK_STACK (list_stack));
  }
  g_assert_true (ADW_IS_STATUS_PAGE (no_results));
  g_assert_true (gtk_widget_get_mapped (no_results));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (no_results)), ==,
                   "No Results Found");

  /* Escape clears the search and everyone is back. */
  bmb_test_press_keys ("Escape");
  count.n = 3;
  g_assert_true (bmb_test_wait_for (n_items_is, &count, 5000));

  /* Typing in the list starts a search. */
  gtk_widget_grab_focus (bmb_test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_LIST_VIEW, NULL));
  bmb_test_spin (50);
  bmb_test_type_text ("lestari");
  wait_for_text (search, "lestari");
  count.n = 1;
  g_assert_true (bmb_test_wait_for (n_items_is, &count, 5000));
}

/* ---- logging an interaction ---------------------------------------------- */

static const char *
follow_up_text (Fixture *f)
{
  GtkWidget *label = bmb_test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_LABEL,
                                           "follow-up-status");

  g_assert_nonnull (label);
  return gtk_label_get_label (GTK_LABEL (label));
}

typedef struct
{
  Fixture    *f;
  const char *text;
} FollowUpWait;

static gboolean
follow_up_is (gpointer data)
{
  FollowUpWait *w = data;

  return g_strcmp0 (follow_up_text (w->f), w->text) == 0;
}

static void
test_log_interaction (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(BmbContact) contact = bmb_contact_new ();
  g_autoptr(BmbContact) after = NULL;
  g_autoptr(GPtrArray) interactions = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = NULL;
  g_autofree char *expected_next = NULL;
  GtkWidget *dialog, *log_button;
  ContactWait shown = { f, 0 };
  FollowUpWait due = { f, "Follow up in 7 days" };
  GDate date;

  /* Last seen long ago, every week: overdue. */
  bmb_contact_set_given_name (contact, "Dewi");
  bmb_contact_set_family_name (contact, "Kartika");
  bmb_contact_set_keep_in_touch (contact, 1, BMB_FOLLOW_UP_UNIT_WEEK);
  bmb_contact_set_last_contact_on (contact, "2024-01-01");
  g_assert_true (bmb_contact_store_insert (f->store, contact, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (bmb_contact_get_next_follow_up_on (contact), ==, "2024-01-08");

  open_window (f);
  shown.id = bmb_contact_get_id (contact);
  g_assert_true (bmb_test_wait_for (shown_is, &shown, 5000));
  g_assert_true (g_str_has_prefix (follow_up_text (f), "Follow-up overdue by"));

  /* "Log Interaction…", type what it was about, Enter. */
  log_button = find_button (GTK_WIDGET (f->page), "_Log Interaction…");
  g_assert_nonnull (log_button);
  g_assert_true (gtk_widget_is_sensitive (log_button));
  gtk_widget_activate (log_button);
  g_assert_true (bmb_test_wait_for (interaction_dialog_shown, NULL, 5000));
  dialog = GTK_WIDGET (bmb_test_find_toplevel (BMB_TYPE_INTERACTION_DIALOG));
  g_assert_true (bmb_test_wait_for (is_mapped, dialog, 5000));
  bmb_test_focus_window (GTK_WINDOW (dialog));

  bmb_date_get_today (&date);
  today = bmb_date_format_iso (&date);
  g_assert_cmpstr (bmb_date_row_get_date (BMB_DATE_ROW (find_row (dialog, "Date"))), ==, today);
  type_into (dialog, "What You Talked About", "Ngopi di kampus");
  wait_for_text (find_row (dialog, "What You Talked About"), "Ngopi di kampus");
  bmb_test_press_keys ("Return");
  g_assert_true (bmb_test_wait_for (interaction_dialog_gone, NULL, 5000));

  /* The next follow-up moved a week after today, in the database… */
  after = bmb_contact_store_get (f->store, shown.id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bmb_contact_get_last_contact_on (after), ==, today);
  g_date_add_days (&date, 7);
  expected_next = bmb_date_format_iso (&date);
  g_assert_cmpstr (bmb_contact_get_next_follow_up_on (after), ==, expected_next);
  interactions = bmb_contact_store_list_interactions (f->store, shown.id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (interactions->len, ==, 1);
  g_assert_cmpstr (bmb_interaction_get_summary (g_ptr_array_index (interactions, 0)), ==,
                   "Ngopi di kampus");

  /* …and in the details. */
  g_assert_true (bmb_test_wait_for (follow_up_is, &due, 5000));
  g_assert_nonnull (find_row (GTK_WIDGET (f->page), "Ngopi di kampus"));
}

/* ---- delete with and without Undo ----------------------------------------- */

static GtkWidget *
find_undo_button (Fixture *f)
{
  return find_button (GTK_WIDGET (f->window), "_Undo");
}

static gboolean
undo_shown (gpointer data)
{
  GtkWidget *button = find_undo_button (data);

  return button != NULL && gtk_widget_get_mapped (button);
}

static void
press_delete_on (Fixture *f,
                 gint64   id)
{
  ContactWait shown = { f, id };
  GtkWidget *list_view = bmb_test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_LIST_VIEW, NULL);

  bmb_contacts_page_show_contact (f->page, id);
  g_assert_true (bmb_test_wait_for (shown_is, &shown, 5000));
  gtk_widget_grab_focus (list_view);
  bmb_test_spin (50);
  bmb_test_press_keys ("Delete");
}

static void
test_delete_undo (Fixture       *f,
                  gconstpointer  data)
{
  ContactWait w = { f, 0 };
  g_autoptr(BmbContact) still = NULL;
  gint64 rina;

  add_contact (f, "Agus", "Salim", NULL);
  rina = add_contact (f, "Rina", "Wijaya", "Tokopedia");
  open_window (f);

  press_delete_on (f, rina);

  /* Gone from the list at once, but not from the database… */
  w.id = rina;
  g_assert_true (bmb_test_wait_for (not_listed, &w, 5000));
  g_assert_true (bmb_test_wait_for (undo_shown, f, 5000));
  still = bmb_contact_store_get (f->store, rina, NULL);
  g_assert_nonnull (still);

  /* …so Undo brings it straight back. */
  gtk_widget_activate (find_undo_button (f));
  g_assert_true (bmb_test_wait_for (listed, &w, 5000));
  bmb_test_spin (500);
  g_clear_object (&still);
  still = bmb_contact_store_get (f->store, rina, NULL);
  g_assert_nonnull (still);
  g_assert_cmpstr (bmb_contact_get_organization (still), ==, "Tokopedia");
  g_assert_cmpint (bmb_contact_store_count (f->store, NULL), ==, 2);
}

static void
test_delete_without_undo (Fixture       *f,
                          gconstpointer  data)
{
  ContactWait w = { f, 0 };
  gint64 agus, rina;

  agus = add_contact (f, "Agus", "Salim", NULL);
  rina = add_contact (f, "Rina", "Wijaya", "Tokopedia");
  open_window (f);

  press_delete_on (f, rina);
  w.id = rina;
  g_assert_true (bmb_test_wait_for (not_listed, &w, 5000));
  g_assert_true (bmb_test_wait_for (undo_shown, f, 5000));

  /* When the toast times out, the contact is deleted for real. */
  g_assert_true (bmb_test_wait_for (not_in_database, &w, 20000));
  g_assert_false (listed (&w));
  g_assert_cmpint (bmb_contact_store_count (f->store, NULL), ==, 1);

  /* The neighbour took the selection. */
  w.id = agus;
  g_assert_true (bmb_test_wait_for (shown_is, &w, 5000));
}

/* Quitting while the Undo toast is still up is not an Undo: the delete is
 * written (the application's undo queue is flushed as the window closes). */
static void
test_delete_then_quit (Fixture       *f,
                       gconstpointer  data)
{
  ContactWait w = { f, 0 };
  g_autoptr(BmbContact) still = NULL;
  gint64 rina;

  add_contact (f, "Agus", "Salim", NULL);
  rina = add_contact (f, "Rina", "Wijaya", "Tokopedia");
  open_window (f);

  press_delete_on (f, rina);
  w.id = rina;
  g_assert_true (bmb_test_wait_for (not_listed, &w, 5000));
  g_assert_true (bmb_test_wait_for (undo_shown, f, 5000));
  still = bmb_contact_store_get (f->store, rina, NULL);
  g_assert_nonnull (still);
  g_assert_cmpuint (bmb_undo_queue_get_n_pending (
                      bmb_context_get_undo_queue (bmb_window_get_context (f->window))), ==, 1);

  /* Ctrl+Q, as the user would. */
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "quit", NULL);
  g_assert_true (not_in_database (&w));
  g_assert_cmpint (bmb_contact_store_count (f->store, NULL), ==, 1);
  f->window = NULL;
  f->page = NULL;
}

/* ---- item-level updates --------------------------------------------------- */

/* Every BmbContactRow under @root, by the id of the contact it shows. */
static void
collect_rows (GtkWidget  *root,
              GHashTable *rows)
{
  if (BMB_IS_CONTACT_ROW (root))
    {
      BmbContactListItem *item = bmb_contact_row_get_item (BMB_CONTACT_ROW (root));

      if (item != NULL)
        g_hash_table_insert (rows, g_memdup2 (&(gint64){ bmb_contact_list_item_get_id (item) },
                                              sizeof (gint64)), root);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_rows (child, rows);
}

typedef struct
{
  BmbContactListItem *item;
  const char         *subtitle;
} SubtitleWait;

static gboolean
subtitle_is (gpointer data)
{
  SubtitleWait *w = data;

  return g_strcmp0 (bmb_contact_list_item_get_subtitle (w->item), w->subtitle) == 0;
}

static void on_items_changed_cb (GListModel *model, guint position, guint removed, guint added,
                                 gpointer log);
static gboolean rows_made (gpointer data);

typedef struct
{
  guint calls;
  guint position, removed, added;
} ItemsChanged;

/* Editing one contact refreshes its row and nothing else: the model says
 * nothing changed in the order, and every row widget is the one it was. */
static void
test_edit_updates_one_row (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GHashTable) before = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) after = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(BmbContact) rina = NULL;
  g_autoptr(GError) error = NULL;
  BmbContactStore *app_store;
  BmbContactListModel *model;
  BmbContactRow *rina_row;
  GtkWidget *list_view;
  ItemsChanged log = { 0 };
  GHashTableIter iter;
  gpointer key, value;
  gint64 rina_id;
  guint n_refreshed;
  SubtitleWait w;

  add_contact (f, "Agus", "Salim", "Gojek");
  add_contact (f, "Dewi", "Lestari", "Bukalapak");
  rina_id = add_contact (f, "Rina", "Wijaya", "Tokopedia");
  add_contact (f, "Siti", "Rahayu", "Telkom");
  add_contact (f, "Yusuf", "Hakim", "Traveloka");
  open_window (f);

  model = bmb_contacts_page_get_model (f->page);
  list_view = bmb_test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_LIST_VIEW, NULL);
  g_assert_true (bmb_test_wait_for (rows_made, f, 5000));
  bmb_test_spin (200);
  collect_rows (list_view, before);
  g_assert_cmpuint (g_hash_table_size (before), ==, 5);
  rina_row = g_hash_table_lookup (before, &rina_id);
  g_assert_nonnull (rina_row);

  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed_cb), &log);
  n_refreshed = bmb_contact_list_model_get_n_refreshed (model);

  /* The edit goes through the app's own store, as the editor's Save does. */
  app_store = bmb_context_get_contact_store (bmb_window_get_context (f->window));
  rina = bmb_contact_store_get (app_store, rina_id, &error);
  g_assert_no_error (error);
  bmb_contact_set_organization (rina, "Shopee");
  g_assert_true (bmb_contact_store_update (app_store, rina, &error));
  g_assert_no_error (error);

  w.item = bmb_contact_row_get_item (rina_row);
  w.subtitle = "Shopee";
  g_assert_true (bmb_test_wait_for (subtitle_is, &w, 5000));
  bmb_test_spin (200);

  /* Only that row object was read again; the order did not change, so the
   * list was told nothing… */
  g_assert_cmpuint (bmb_contact_list_model_get_n_refreshed (model), ==, n_refreshed + 1);
  g_assert_cmpuint (log.calls, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 5);

  /* …and every row is the same widget showing the same contact. */
  collect_rows (list_view, after);
  g_assert_cmpuint (g_hash_table_size (after), ==, 5);
  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_assert_true (g_hash_table_lookup (after, key) == value);
  g_assert_true (bmb_contact_row_get_item (rina_row) == w.item);

  /* A rename that moves the row: one items-changed for the move, the other
   * rows keep their widgets. */
  bmb_contact_set_given_name (rina, "Abdi");
  bmb_contact_set_display_name (rina, NULL);
  g_assert_true (bmb_contact_store_update (app_store, rina, &error));
  g_assert_no_error (error);
  bmb_test_spin (300);
  g_assert_cmpuint (log.calls, ==, 1);
  g_assert_cmpuint (bmb_contact_list_model_find (model, rina_id), ==, 0);
  g_hash_table_remove_all (after);
  collect_rows (list_view, after);
  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (*(gint64 *)key != rina_id)
      g_assert_true (g_hash_table_lookup (after, key) == value);
}

/* ---- the paged model ----------------------------------------------------- */

/* Fills @db with @n contacts in one INSERT: "Kontak 00001"… with a sort key
 * in the same order. */
static void
generate_contacts (BmbDatabase *db,
                   guint        n)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;

  g_assert_true (bmb_database_begin (db, &error));
  stmt = bmb_database_prepare (db,
                               "WITH RECURSIVE seq (i) AS (SELECT 1 UNION ALL "
                               "  SELECT i + 1 FROM seq WHERE i < ?1) "
                               "INSERT INTO contacts (uid, display_name, given_name, family_name, "
                               "  organization, sort_key, created_at, updated_at) "
                               "SELECT 'test-' || i, printf ('Kontak %05d', i), 'Kontak', "
                               "  printf ('%05d', i), 'Organisasi ' || (i % 37), "
                               "  printf ('kontak %05d', i), 0, 0 FROM seq",
                               &error);
  g_assert_no_error (error);
  sqlite3_bind_int (stmt, 1, (int)n);
  g_assert_true (bmb_database_step_done (db, stmt, &error));
  g_assert_no_error (error);
  bmb_database_mark_changed (db, BMB_CHANGE_CONTACTS);
  g_assert_true (bmb_database_commit (db, &error));
  g_assert_no_error (error);
}

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     gpointer    data)
{
  ItemsChanged *log = data;

  log->calls++;
  log->position = position;
  log->removed = removed;
  log->added = added;
}

static void
test_model_paging (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(BmbContactListModel) model = NULL;
  g_autoptr(BmbContactListItem) first = NULL;
  g_autoptr(BmbContactListItem) last = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbContact) extra = bmb_contact_new ();
  ItemsChanged log = { 0 };

  generate_contacts (f->db, 10000);

  model = bmb_contact_list_model_new (f->store);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 10000);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (model)) == BMB_TYPE_CONTACT_LIST_ITEM);
  /* Knowing how many there are makes no row. */
  g_assert_cmpuint (bmb_contact_list_model_get_n_materialized (model), ==, 0);

  first = g_list_model_get_item (G_LIST_MODEL (model), 0);
  last = g_list_model_get_item (G_LIST_MODEL (model), 9999);
  g_assert_cmpstr (bmb_contact_list_item_get_display_name (first), ==, "Kontak 00001");
  g_assert_cmpstr (bmb_contact_list_item_get_display_name (last), ==, "Kontak 10000");
  g_assert_cmpstr (bmb_contact_list_item_get_organization (last), ==, "Organisasi 10");
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), 10000));
  /* Two pages, no more. */
  g_assert_cmpuint (bmb_contact_list_model_get_n_materialized (model), <=, 64);

  /* Asking for every row in turn never keeps more than the cache. */
  for (guint i = 0; i < 10000; i++)
    {
      g_autoptr(BmbContactListItem) item = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_assert_cmpint (bmb_contact_list_item_get_id (item), ==,
                       bmb_contact_list_model_get_id (model, i));
    }
  g_assert_cmpuint (bmb_contact_list_model_get_n_cached (model), <=, 256);
  g_assert_cmpuint (bmb_contact_list_model_get_n_materialized (model), <=, 256 + 2);

  /* A new contact in the middle: one items-changed, one row added. */
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed_cb), &log);
  bmb_contact_set_display_name (extra, "Kontak 05000a");
  g_assert_true (bmb_contact_store_insert (f->store, extra, &error));
  g_assert_no_error (error);
  g_assert_true (bmb_contact_list_model_reload (model, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (log.calls, ==, 1);
  g_assert_cmpuint (log.position, ==, 5000);
  g_assert_cmpuint (log.removed, ==, 0);
  g_assert_cmpuint (log.added, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 10001);

  /* A search narrows it with the store's full-text search. */
  log.calls = 0;
  bmb_contact_list_model_set_search_text (model, "05000a");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  g_assert_cmpuint (log.calls, ==, 1);

  /* Hiding (a delete waiting for Undo) removes exactly that row. */
  bmb_contact_list_model_set_search_text (model, NULL);
  log.calls = 0;
  bmb_contact_list_model_hide (model, bmb_contact_get_id (extra));
  g_assert_cmpuint (log.calls, ==, 1);
  g_assert_cmpuint (log.position, ==, 5000);
  g_assert_cmpuint (log.removed, ==, 1);
  g_assert_cmpuint (log.added, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 10000);
}

static gboolean
rows_made (gpointer data)
{
  Fixture *f = data;

  return bmb_contact_list_model_get_n_materialized (bmb_contacts_page_get_model (f->page)) > 0;
}

static void
test_list_view_materializes_few (Fixture       *f,
                                 gconstpointer  data)
{
  BmbContactListModel *model;
  GtkWidget *list_view, *scroller;
  GtkAdjustment *adjustment;
  guint after_open;

  generate_contacts (f->db, 10000);
  open_window (f);

  model = bmb_contacts_page_get_model (f->page);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 10000);
  g_assert_true (bmb_test_wait_for (rows_made, f, 5000));
  bmb_test_spin (200);

  /* The window shows a screenful: rows are made for that, not for 10,000. */
  after_open = bmb_contact_list_model_get_n_materialized (model);
  g_test_message ("rows alive after opening: %u, made: %u", after_open,
                  bmb_contact_list_model_get_n_created (model));
  g_assert_cmpuint (after_open, >, 0);
  g_assert_cmpuint (after_open, <=, 300);
  g_assert_cmpuint (bmb_contact_list_model_get_n_created (model), <=, 300);

  /* Jump to the middle, then scroll down through 1,000 rows with the
   * adjustment, a screenful at a time: the rows alive stay a small number. */
  list_view = bmb_test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_LIST_VIEW, NULL);
  scroller = gtk_widget_get_ancestor (list_view, GTK_TYPE_SCROLLED_WINDOW);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  gtk_widget_activate_action (list_view, "list.scroll-to-item", "u", 5000);
  bmb_test_spin (200);
  {
    double start = gtk_adjustment_get_value (adjustment);
    double row_height = gtk_adjustment_get_upper (adjustment) / 10000;

    while (gtk_adjustment_get_value (adjustment) < start + 1000 * row_height)
      {
        gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) +
                                              gtk_adjustment_get_page_size (adjustment));
        bmb_test_spin (20);
        g_assert_cmpuint (bmb_contact_list_model_get_n_materialized (model), <=, 300);
      }
  }
  g_test_message ("rows alive after scrolling: %u, made: %u",
                  bmb_contact_list_model_get_n_materialized (model),
                  bmb_contact_list_model_get_n_created (model));
  g_assert_cmpuint (bmb_contact_list_model_get_n_materialized (model), <=, 300);
  g_assert_cmpuint (bmb_contact_list_model_get_n_created (model), <, 2000);

  /* The rows on screen are those of the middle of the list. */
  {
    GtkWidget *picked = gtk_widget_pick (list_view, gtk_widget_get_width (list_view) / 2.0,
                                         gtk_widget_get_height (list_view) / 2.0, GTK_PICK_DEFAULT);
    GtkWidget *row = picked ? gtk_widget_get_ancestor (picked, BMB_TYPE_CONTACT_ROW) : NULL;
    BmbContactListItem *item;
    guint position;

    if (row == NULL && picked != NULL)
      row = bmb_test_find_widget (picked, BMB_TYPE_CONTACT_ROW, NULL);
    g_assert_nonnull (row);
    item = bmb_contact_row_get_item (BMB_CONTACT_ROW (row));
    g_assert_nonnull (item);
    position = bmb_contact_list_model_find (model, bmb_contact_list_item_get_id (item));
    g_test_message ("the row in the middle of the view shows position %u", position);
    g_assert_cmpuint (position, >, 5500);
    g_assert_cmpuint (position, <, 6500);
  }
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

  g_test_add ("/contacts-page/model/paging", Fixture, NULL,
              fixture_setup, test_model_paging, fixture_teardown);
  g_test_add ("/contacts-page/list/materializes-few", Fixture, NULL,
              fixture_setup, test_list_view_materializes_few, fixture_teardown);
  g_test_add ("/contacts-page/editor/add", Fixture, NULL,
              fixture_setup, test_add_through_editor, fixture_teardown);
  g_test_add ("/contacts-page/editor/edit-keeps-everything", Fixture, NULL,
              fixture_setup, test_edit_keeps_everything, fixture_teardown);
  g_test_add ("/contacts-page/list/edit-updates-one-row", Fixture, NULL,
              fixture_setup, test_edit_updates_one_row, fixture_teardown);
  g_test_add ("/contacts-page/search", Fixture, NULL,
              fixture_setup, test_search, fixture_teardown);
  g_test_add ("/contacts-page/log-interaction", Fixture, NULL,
              fixture_setup, test_log_interaction, fixture_teardown);
  g_test_add ("/contacts-page/delete/undo", Fixture, NULL,
              fixture_setup, test_delete_undo, fixture_teardown);
  g_test_add ("/contacts-page/delete/then-quit", Fixture, NULL,
              fixture_setup, test_delete_then_quit, fixture_teardown);
  g_test_add ("/contacts-page/delete/without-undo", Fixture, NULL,
              fixture_setup, test_delete_without_undo, fixture_teardown);

  return g_test_run ();
}
