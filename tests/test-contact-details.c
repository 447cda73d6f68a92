/* test-contact-details.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The contact details in the real window on a temporary database: the
 * birthday row (with and without a year, hidden without one), editing a
 * logged interaction through its Edit button, and a one-off follow-up set
 * through its dialog and marked done.
 */

#include "config.h"

#include <adwaita.h>

#include "bmb-application.h"
#include "bmb-contact-store.h"
#include "bmb-contacts-page.h"
#include "bmb-follow-up-dialog.h"
#include "bmb-interaction-dialog.h"
#include "bmb-date-row.h"
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
  bmb_test_spin (400);
  bmb_test_focus_window (GTK_WINDOW (f->window));
}

static gint64
add_contact (Fixture    *f,
             const char *given,
             const char *birthday)
{
  g_autoptr(BmbContact) contact = bmb_contact_new ();
  g_autoptr(GError) error = NULL;

  bmb_contact_set_given_name (contact, given);
  bmb_contact_set_birthday (contact, birthday);
  g_assert_true (bmb_contact_store_insert (f->store, contact, &error));
  g_assert_no_error (error);

  return bmb_contact_get_id (contact);
}

/* The preferences row titled @title. */
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

/* The button whose tooltip is @tooltip (icon buttons: the same text is
 * their accessible name). */
static GtkWidget *
find_icon_button (GtkWidget  *root,
                  const char *tooltip)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_widget_get_tooltip_text (root), tooltip) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_icon_button (child, tooltip);

      if (found != NULL)
        return found;
    }

  return NULL;
}

typedef struct
{
  Fixture    *f;
  gint64      id;
  const char *title;
  const char *subtitle;
} Wait;

static gboolean
shown_is (gpointer data)
{
  Wait *w = data;

  return bmb_contacts_page_get_shown_contact (w->f->page) == w->id;
}

/* A visible row titled w->title whose subtitle is w->subtitle. */
static gboolean
row_shows (gpointer data)
{
  Wait *w = data;
  GtkWidget *row = find_row (GTK_WIDGET (w->f->page), w->title);

  return row != NULL && gtk_widget_get_mapped (row) &&
         (w->subtitle == NULL ||
          g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), w->subtitle) == 0);
}

static gboolean
row_hidden (gpointer data)
{
  return !row_shows (data);
}

static void
show (Fixture *f,
      gint64   id)
{
  Wait w = { f, id, NULL, NULL };

  bmb_contacts_page_show_contact (f->page, id);
  g_assert_true (bmb_test_wait_for (shown_is, &w, 5000));
}

/* ---- the birthday --------------------------------------------------------- */

static gboolean
has_mapped_birthday_row (GtkWidget *root)
{
  if (ADW_IS_ACTION_ROW (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (root)), "Birthday") == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_mapped_birthday_row (child))
      return TRUE;

  return FALSE;
}

static gboolean
no_birthday_row (gpointer data)
{
  Fixture *f = data;

  return !has_mapped_birthday_row (GTK_WIDGET (f->page));
}

static void
test_birthday (Fixture       *f,
               gconstpointer  data)
{
  gint64 ayu = add_contact (f, "Ayu", "1990-03-12");
  gint64 bagus = add_contact (f, "Bagus", "--07-04");
  gint64 citra = add_contact (f, "Citra", NULL);
  Wait full = { f, 0, "March 12, 1990", "Birthday" };
  Wait no_year = { f, 0, "July 4", "Birthday" };

  open_window (f);

  show (f, ayu);
  g_assert_true (bmb_test_wait_for (row_shows, &full, 5000));

  show (f, bagus);
  g_assert_true (bmb_test_wait_for (row_shows, &no_year, 5000));

  /* No birthday: no empty row. */
  show (f, citra);
  g_assert_true (bmb_test_wait_for (no_birthday_row, f, 5000));
}

/* ---- editing an interaction ------------------------------------------------ */

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

static void
test_edit_interaction (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(BmbInteraction) interaction = NULL;
  g_autoptr(GPtrArray) interactions = NULL;
  g_autoptr(BmbContact) after = NULL;
  g_autoptr(GError) error = NULL;
  gint64 dewi = add_contact (f, "Dewi", NULL);
  Wait listed = { f, 0, "Ngopi di kampus", NULL };
  Wait edited = { f, 0, "Makan siang bersama", NULL };
  GtkWidget *row, *edit, *dialog, *summary;
  BmbInteraction *stored;

  interaction = bmb_interaction_new (dewi, "2025-01-10", BMB_INTERACTION_CHANNEL_CALL,
                                     "Ngopi di kampus");
  g_assert_true (bmb_contact_store_add_interaction (f->store, interaction, &error));
  g_assert_no_error (error);

  open_window (f);
  show (f, dewi);
  g_assert_true (bmb_test_wait_for (row_shows, &listed, 5000));

  /* The row has Edit beside Delete, with an accessible name. */
  row = find_row (GTK_WIDGET (f->page), "Ngopi di kampus");
  edit = find_icon_button (row, "Edit Interaction");
  g_assert_nonnull (edit);
  g_assert_nonnull (find_icon_button (row, "Delete Interaction"));
  gtk_widget_activate (edit);
  g_assert_true (bmb_test_wait_for (interaction_dialog_shown, NULL, 5000));
  dialog = GTK_WIDGET (bmb_test_find_toplevel (BMB_TYPE_INTERACTION_DIALOG));
  g_assert_true (bmb_test_wait_for (is_mapped, dialog, 5000));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Edit Interaction");

  /* It opens with what was logged. */
  summary = find_row (dialog, "What You Talked About");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (summary)), ==, "Ngopi di kampus");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (find_row (dialog, "How"))), ==, 1);

  gtk_editable_set_text (GTK_EDITABLE (summary), "Makan siang bersama");
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (dialog, "How")), 0);   /* Meeting */
  g_assert_true (gtk_widget_activate_action (dialog, "interaction.log", NULL));
  g_assert_true (bmb_test_wait_for (interaction_dialog_gone, NULL, 5000));

  /* Changed in place: still one interaction, same date. */
  interactions = bmb_contact_store_list_interactions (f->store, dewi, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (interactions->len, ==, 1);
  stored = g_ptr_array_index (interactions, 0);
  g_assert_cmpint (bmb_interaction_get_id (stored), ==, bmb_interaction_get_id (interaction));
  g_assert_cmpstr (bmb_interaction_get_summary (stored), ==, "Makan siang bersama");
  g_assert_cmpint (bmb_interaction_get_channel (stored), ==, BMB_INTERACTION_CHANNEL_MEETING);
  g_assert_cmpstr (bmb_interaction_get_happened_on (stored), ==, "2025-01-10");
  after = bmb_contact_store_get (f->store, dewi, &error);
  g_assert_cmpstr (bmb_contact_get_last_contact_on (after), ==, "2025-01-10");

  /* And the details show it. */
  g_assert_true (bmb_test_wait_for (row_shows, &edited, 5000));
  g_assert_true (bmb_test_wait_for (row_hidden, &listed, 5000));
}

/* ---- a one-off follow-up ----------------------------------------------------- */

static gboolean
follow_up_dialog_shown (gpointer data)
{
  return bmb_test_find_toplevel (BMB_TYPE_FOLLOW_UP_DIALOG) != NULL;
}

static gboolean
follow_up_dialog_gone (gpointer data)
{
  return bmb_test_find_toplevel (BMB_TYPE_FOLLOW_UP_DIALOG) == NULL;
}

static void
test_one_off_follow_up (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(BmbContact) after = NULL;
  g_autoptr(GError) error = NULL;
  gint64 eka = add_contact (f, "Eka", NULL);
  Wait none = { f, 0, "Follow Up Once", "None" };
  Wait set = { f, 0, "Send my portfolio", "By March 13, 2026" };
  GtkWidget *dialog, *done;

  open_window (f);
  show (f, eka);
  g_assert_true (bmb_test_wait_for (row_shows, &none, 5000));
  done = find_icon_button (GTK_WIDGET (f->page), "Mark Follow-Up as Done");
  g_assert_false (gtk_widget_get_visible (done));

  gtk_widget_activate (find_icon_button (GTK_WIDGET (f->page), "Set a Follow-Up Date"));
  g_assert_true (bmb_test_wait_for (follow_up_dialog_shown, NULL, 5000));
  dialog = GTK_WIDGET (bmb_test_find_toplevel (BMB_TYPE_FOLLOW_UP_DIALOG));
  g_assert_true (bmb_test_wait_for (is_mapped, dialog, 5000));
  gtk_editable_set_text (GTK_EDITABLE (find_row (dialog, "What To Do")), "Send my portfolio");
  bmb_date_row_set_date (BMB_DATE_ROW (find_row (dialog, "By")), "2026-03-13");
  g_assert_true (gtk_widget_activate_action (dialog, "follow-up.save", NULL));
  g_assert_true (bmb_test_wait_for (follow_up_dialog_gone, NULL, 5000));

  after = bmb_contact_store_get (f->store, eka, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bmb_contact_get_follow_up_on (after), ==, "2026-03-13");
  g_assert_cmpstr (bmb_contact_get_follow_up_note (after), ==, "Send my portfolio");
  g_clear_object (&after);
  g_assert_true (bmb_test_wait_for (row_shows, &set, 5000));

  /* Done clears it. */
  done = find_icon_button (GTK_WIDGET (f->page), "Mark Follow-Up as Done");
  g_assert_true (gtk_widget_get_visible (done));
  gtk_widget_activate (done);
  g_assert_true (bmb_test_wait_for (row_shows, &none, 5000));
  after = bmb_contact_store_get (f->store, eka, &error);
  g_assert_null (bmb_contact_get_follow_up_on (after));
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

  g_test_add ("/contact-details/birthday", Fixture, NULL,
              fixture_setup, test_birthday, fixture_teardown);
  g_test_add ("/contact-details/edit-interaction", Fixture, NULL,
              fixture_setup, test_edit_interaction, fixture_teardown);
  g_test_add ("/contact-details/one-off-follow-up", Fixture, NULL,
              fixture_setup, test_one_off_follow_up, fixture_teardown);

  return g_test_run ();
}
