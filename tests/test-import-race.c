/* test-import-race.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * After an import from the Sessions page, the page once showed "No Sessions
 * Yet" with the sessions in the database, and a reminder source failed. The
 * orderings involved: the page and the reminder scheduler reading on the
 * main connection while the import's worker connection holds its write
 * transaction open, the worker's commit, the page's reload after it; and a
 * read that fails right after the import being taken for an empty one.
 */

#include "config.h"

#include <adwaita.h>
#include <sqlite3.h>

#include "bmb-application.h"
#include "bmb-context.h"
#include "bmb-sessions-page-private.h"
#include "bmb-test-utils.h"
#include "bmb-window.h"

typedef struct
{
  BmbApplication  *app;
  char            *dir;
  char            *db_path;
  BmbWindow       *window;
  BmbSessionsPage *page;
} Fixture;

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

static gboolean
not_importing (gpointer page)
{
  return !BMB_SESSIONS_PAGE (page)->importing;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = bmb_test_make_tmpdir ();
  f->db_path = g_build_filename (f->dir, "bimbing.db", NULL);
  f->app = bmb_test_app_new (f->db_path);
  f->window = BMB_WINDOW (bmb_application_present_main_window (f->app));
  g_assert_true (bmb_test_wait_for (is_mapped, f->window, 5000));
  f->page = BMB_SESSIONS_PAGE (bmb_window_get_page_widget (f->window, "sessions"));
  g_assert_true (bmb_test_wait_for (is_mapped, f->page, 5000));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  GtkWindow *dialog;

  while ((dialog = bmb_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL)
    gtk_window_destroy (dialog);
  g_clear_pointer (&f->app, bmb_test_app_free);
  g_clear_pointer (&f->db_path, g_free);
  g_clear_pointer (&f->dir, g_free);
}

/* Three weekly series starting tomorrow, with reminders, then @filler
 * one-off events (a longer import: a wider window for the orderings). */
static GFile *
write_calendar (Fixture *f,
                guint    filler)
{
  g_autoptr(GString) ics = g_string_new ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autofree char *day = g_date_time_format (tomorrow, "%Y%m%d");
  g_autofree char *path = g_build_filename (f->dir, "team.ics", NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 3 + filler; i++)
    g_string_append_printf (ics,
                            "BEGIN:VEVENT\r\nUID:meeting-%u@example.org\r\n"
                            "DTSTAMP:20260101T000000Z\r\n"
                            "DTSTART;TZID=Asia/Jakarta:%sT%02u0000\r\nDURATION:PT1H\r\n"
                            "%s"
                            "SUMMARY:Mentoring %u\r\n"
                            "BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:Soon\r\n"
                            "TRIGGER:-PT15M\r\nEND:VALARM\r\n"
                            "END:VEVENT\r\n",
                            i, day, 8 + i % 10, i < 3 ? "RRULE:FREQ=WEEKLY\r\n" : "", i);
  g_string_append (ics, "END:VCALENDAR\r\n");
  g_assert_true (g_file_set_contents (path, ics->str, ics->len, &error));
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

static guint
count_stored_sessions (Fixture *f)
{
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GError) error = NULL;

  sessions = bmb_mentoring_store_list_sessions (bmb_context_get_mentoring_store (bmb_application_get_context (f->app)),
                                                0, &error);
  g_assert_no_error (error);

  return sessions->len;
}

/* The page and the reminder scheduler read on every turn of the main loop
 * while the worker's transaction is open, then the worker commits and the
 * page reloads. Warnings are fatal here: a failed reminder source fails the
 * test. */
static void
test_reads_during_import (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GFile) file = write_calendar (f, 1500);
  BmbScheduler *scheduler = bmb_context_get_scheduler (bmb_application_get_context (f->app));
  guint turns = 0;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->page->stack), ==, "empty");

  bmb_sessions_page_import_file (f->page, file);
  while (f->page->importing)
    {
      g_main_context_iteration (NULL, FALSE);
      _bmb_sessions_page_reload (f->page);
      bmb_scheduler_rearm (scheduler);
      turns++;
    }
  g_test_message ("%u reads while importing", turns);
  g_assert_cmpuint (turns, >, 0);

  /* The reload queued by the commit, and the scheduler's look after it. */
  bmb_test_spin (300);
  bmb_scheduler_rearm (scheduler);

  g_assert_cmpuint (count_stored_sessions (f), ==, 1503);
  g_assert_cmpuint (f->page->n_sessions, ==, 1503);
  g_assert_false (f->page->read_failed);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->page->stack), ==, "content");
}

static void
run_sql (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static void
on_changed_break_reads_cb (BmbDatabase *database,
                           guint        flags,
                           Fixture     *f)
{
  /* Right after the import's commit reached this connection, before the
   * page's reload: the next reads of the sessions fail. */
  g_signal_handlers_disconnect_by_func (database, on_changed_break_reads_cb, f);
  run_sql (f->db_path, "ALTER TABLE sessions RENAME TO sessions_elsewhere");
}

/* A read that fails after the import is not an empty database: the page
 * never says "No Sessions Yet" for it, whatever refilters it afterwards, and
 * shows the sessions once a read succeeds. */
static void
test_failed_read_is_not_empty (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GFile) file = write_calendar (f, 0);
  BmbDatabase *database = bmb_context_get_database (bmb_application_get_context (f->app));
  GtkWindow *dialog;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->page->stack), ==, "empty");

  g_signal_connect (database, "changed", G_CALLBACK (on_changed_break_reads_cb), f);
  bmb_sessions_page_import_file (f->page, file);
  g_assert_true (bmb_test_wait_for (not_importing, f->page, 10000));
  bmb_test_spin (200);

  /* The read failed, and says so. */
  g_assert_true (f->page->read_failed);
  g_assert_nonnull (bmb_test_find_toplevel_with_class (ADW_TYPE_MESSAGE_DIALOG, NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->page->stack), !=, "empty");

  /* A filter change (a search cleared, a delete's toast gone) rebuilds the
   * stack from what the page knows: still not "empty". */
  _bmb_sessions_page_refilter (f->page, GTK_FILTER_CHANGE_DIFFERENT);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->page->stack), !=, "empty");

  while ((dialog = bmb_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL)
    gtk_window_destroy (dialog);

  /* Readable again: the sessions show. */
  run_sql (f->db_path, "ALTER TABLE sessions_elsewhere RENAME TO sessions");
  _bmb_sessions_page_reload (f->page);
  g_assert_false (f->page->read_failed);
  g_assert_cmpuint (f->page->n_sessions, ==, 3);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->page->stack), ==, "content");
}

/* With nothing to list, the page menu (Import, Export) is still there: it is
 * in the page's header bar, above the empty state. */
static gboolean
menu_has_action (GMenuModel *menu,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_strcmp0 (name, action) == 0)
        return TRUE;
      if (section != NULL && menu_has_action (section, action))
        return TRUE;
    }

  return FALSE;
}

static void
test_empty_state_menu (Fixture       *f,
                       gconstpointer  data)
{
  GtkWidget *button;
  GMenuModel *menu;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->page->stack), ==, "empty");
  button = bmb_test_find_named (GTK_WIDGET (f->page), "page-menu");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
  g_assert_nonnull (menu);
  g_assert_true (menu_has_action (menu, "win.import"));
  g_assert_true (menu_has_action (menu, "win.export"));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (f->page)));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Jakarta", TRUE);
  g_test_init (&argc, &argv, NULL);

  if (!bmb_test_have_display ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }

  adw_init ();

  g_test_add ("/import-race/reads-during-import", Fixture, NULL,
              fixture_setup, test_reads_during_import, fixture_teardown);
  g_test_add ("/import-race/failed-read-is-not-empty", Fixture, NULL,
              fixture_setup, test_failed_read_is_not_empty, fixture_teardown);
  g_test_add ("/import-race/empty-state-menu", Fixture, NULL,
              fixture_setup, test_empty_state_menu, fixture_teardown);

  return g_test_run ();
}
