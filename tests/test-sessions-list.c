/* test-sessions-list.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Sessions page's list under Xvfb: it follows item-level change sets
 * (one session edited, deleted or added changes only that session's rows;
 * every other row keeps its item and its widget), and a search lists every
 * meeting that matches, however far back, each row opening that meeting.
 */

#include "config.h"

#include <adwaita.h>

#include "bmb-application.h"
#include "bmb-local-time.h"
#include "bmb-mentoring-meetings.h"
#include "bmb-mentoring-store.h"
#include "bmb-occurrence-row.h"
#include "bmb-session-editor.h"
#include "bmb-sessions-page-private.h"
#include "bmb-test-utils.h"
#include "bmb-window.h"

typedef struct
{
  BmbApplication    *app;
  char              *db_path;
  BmbWindow         *window;
  BmbSessionsPage   *page;
  BmbMentoringStore *store;
} Fixture;

/* ---- helpers ------------------------------------------------------------- */

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

static GDateTime *
day_from_today (int days,
                int hour,
                int minute)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) midnight = g_date_time_new_local (g_date_time_get_year (now),
                                                         g_date_time_get_month (now),
                                                         g_date_time_get_day_of_month (now),
                                                         0, 0, 0);
  g_autoptr(GDateTime) day = g_date_time_add_days (midnight, days);

  return g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                g_date_time_get_day_of_month (day), hour, minute, 0);
}

static BmbMentoringStore *
fixture_store (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  if (f->store == NULL)
    {
      g_assert_true (bmb_application_ensure_database (f->app, &error));
      g_assert_no_error (error);
      f->store = bmb_mentoring_store_new (bmb_application_get_database (f->app));
    }

  return f->store;
}

static gint64
add_session (Fixture    *f,
             const char *title,
             GDateTime  *start,
             const char *rrule)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbSession) session = bmb_session_new ();

  bmb_session_set_title (session, title);
  bmb_session_set_start (session, start, "Asia/Jakarta");
  bmb_session_set_duration_min (session, 60);
  bmb_session_set_rrule (session, rrule);
  g_assert_true (bmb_mentoring_store_save_session (fixture_store (f), session, &error));
  g_assert_no_error (error);

  return bmb_session_get_id (session);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *dir = bmb_test_make_tmpdir ();

  f->db_path = g_build_filename (dir, "bimbing.db", NULL);
  f->app = bmb_test_app_new (f->db_path);
}

static void
fixture_present (Fixture *f)
{
  f->window = BMB_WINDOW (bmb_application_present_main_window (f->app));
  g_assert_true (BMB_IS_WINDOW (f->window));
  g_assert_true (bmb_test_wait_for (is_mapped, f->window, 5000));
  f->page = BMB_SESSIONS_PAGE (bmb_window_get_page_widget (f->window, "sessions"));
  g_assert_true (BMB_IS_SESSIONS_PAGE (f->page));
  g_assert_true (bmb_test_wait_for (is_mapped, f->page, 5000));
  bmb_test_spin (200);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  g_clear_pointer (&f->app, bmb_test_app_free);
  g_clear_pointer (&f->db_path, g_free);
}

typedef struct
{
  BmbSessionsPage *page;
  const char      *needle;
} OutlineWait;

static gboolean
outline_contains (gpointer data)
{
  OutlineWait *w = data;
  g_autofree char *outline = _bmb_sessions_page_dup_outline (w->page);

  return strstr (outline, w->needle) != NULL;
}

static gboolean
outline_lacks (gpointer data)
{
  return !outline_contains (data);
}

/* "session id/recurrence id" of an occurrence. */
static char *
occurrence_key (BmbOccurrence *occurrence)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT "/%s", bmb_occurrence_get_session_id (occurrence),
                          bmb_occurrence_get_recurrence_id (occurrence));
}

/* Every occurrence in the page's rows, by key → the item object. */
static GHashTable *
collect_items (BmbSessionsPage *page)
{
  GHashTable *items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GListModel *rows = G_LIST_MODEL (page->rows);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (rows, i);

      if (BMB_IS_OCCURRENCE (item))
        g_hash_table_insert (items, occurrence_key (BMB_OCCURRENCE (item)), item);
    }

  return items;
}

/* Every BmbOccurrenceRow under @root, by the key of what it shows. */
static void
collect_widgets (GtkWidget  *root,
                 GHashTable *widgets)
{
  if (BMB_IS_OCCURRENCE_ROW (root))
    {
      BmbOccurrence *item = bmb_occurrence_row_get_item (BMB_OCCURRENCE_ROW (root));

      if (item != NULL)
        g_hash_table_insert (widgets, occurrence_key (item), root);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_widgets (child, widgets);
}

static GHashTable *
collect_row_widgets (BmbSessionsPage *page)
{
  GHashTable *widgets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  collect_widgets (GTK_WIDGET (page->list_view), widgets);
  return widgets;
}

static gboolean
key_of_session (const char *key,
                gint64      session_id)
{
  g_autofree char *prefix = g_strdup_printf ("%" G_GINT64_FORMAT "/", session_id);

  return g_str_has_prefix (key, prefix);
}

/* Every row in @before that is not @changed_id's is in @after, the same
 * object; returns how many were compared. */
static guint
assert_others_kept (GHashTable *before,
                    GHashTable *after,
                    gint64      changed_id)
{
  GHashTableIter iter;
  gpointer key, value;
  guint n = 0;

  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (key_of_session (key, changed_id))
        continue;
      if (g_hash_table_lookup (after, key) != value)
        g_error ("the row of %s is not the same object any more", (const char *)key);
      n++;
    }

  return n;
}

static guint
count_of_session (GHashTable *items,
                  gint64      session_id)
{
  GHashTableIter iter;
  gpointer key;
  guint n = 0;

  g_hash_table_iter_init (&iter, items);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    n += key_of_session (key, session_id);

  return n;
}

typedef struct
{
  guint calls;
  guint removed;
  guint added;
} ItemsChanged;

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     gpointer    data)
{
  ItemsChanged *log = data;

  log->calls++;
  log->removed += removed;
  log->added += added;
}

/* ---- tests --------------------------------------------------------------- */

/* Editing one session's title changes only its rows; deleting one removes
 * only its rows; a new one's rows appear in order. The other rows keep
 * their items and their widgets through all three. */
static void
test_follows_one_session (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GDateTime) tomorrow = day_from_today (1, 10, 0);
  g_autoptr(GDateTime) in_three = day_from_today (3, 14, 30);
  g_autoptr(GDateTime) in_five = day_from_today (5, 9, 0);
  g_autoptr(GDateTime) in_two = day_from_today (2, 16, 0);
  g_autoptr(GHashTable) items = NULL;
  g_autoptr(GHashTable) widgets = NULL;
  g_autoptr(GHashTable) items_after = NULL;
  g_autoptr(GHashTable) widgets_after = NULL;
  g_autoptr(BmbSession) budi = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *outline = NULL;
  OutlineWait w;
  ItemsChanged log = { 0 };
  gint64 siti_id, budi_id, rina_id, dewi_id;
  gulong handler;
  const char *budi_line, *dewi_line, *rina_line;

  siti_id = add_session (f, "Mentoring Siti", tomorrow, "FREQ=WEEKLY");
  budi_id = add_session (f, "Career chat with Budi", in_three, NULL);
  rina_id = add_session (f, "Review with Rina", in_five, NULL);
  fixture_present (f);

  items = collect_items (f->page);
  widgets = collect_row_widgets (f->page);
  /* Twelve weeks of Siti, Budi and Rina once each. */
  g_assert_cmpuint (count_of_session (items, siti_id), >=, 12);
  g_assert_cmpuint (count_of_session (items, budi_id), ==, 1);
  g_assert_cmpuint (g_hash_table_size (widgets), >=, 3);
  handler = g_signal_connect (f->page->rows, "items-changed", G_CALLBACK (on_items_changed_cb), &log);

  /* Edit Budi's title, as Save does: through the store, one transaction. */
  budi = bmb_mentoring_store_get_session (fixture_store (f), budi_id, &error);
  g_assert_no_error (error);
  bmb_session_set_title (budi, "Portfolio review with Budi");
  g_assert_true (bmb_mentoring_store_save_session (fixture_store (f), budi, &error));
  g_assert_no_error (error);
  w = (OutlineWait) { f->page, "|Portfolio review with Budi|" };
  g_assert_true (bmb_test_wait_for (outline_contains, &w, 5000));
  bmb_test_spin (200);

  /* One row went, one came: Budi's. */
  g_assert_cmpuint (log.removed, ==, 1);
  g_assert_cmpuint (log.added, ==, 1);
  items_after = collect_items (f->page);
  widgets_after = collect_row_widgets (f->page);
  g_assert_cmpuint (assert_others_kept (items, items_after, budi_id), ==,
                    g_hash_table_size (items) - 1);
  g_assert_cmpuint (assert_others_kept (widgets, widgets_after, budi_id), >=, 2);
  g_assert_cmpuint (g_hash_table_size (items_after), ==, g_hash_table_size (items));

  /* Delete Rina's: only her row goes. */
  g_clear_pointer (&items, g_hash_table_unref);
  g_clear_pointer (&widgets, g_hash_table_unref);
  items = g_steal_pointer (&items_after);
  widgets = g_steal_pointer (&widgets_after);
  log = (ItemsChanged) { 0 };
  g_assert_true (bmb_mentoring_store_delete_session (fixture_store (f), rina_id, &error));
  g_assert_no_error (error);
  w = (OutlineWait) { f->page, "|Review with Rina|" };
  g_assert_true (bmb_test_wait_for (outline_lacks, &w, 5000));
  bmb_test_spin (200);
  items_after = collect_items (f->page);
  widgets_after = collect_row_widgets (f->page);
  g_assert_cmpuint (count_of_session (items_after, rina_id), ==, 0);
  g_assert_cmpuint (assert_others_kept (items, items_after, rina_id), ==,
                    g_hash_table_size (items) - 1);
  assert_others_kept (widgets, widgets_after, rina_id);
  /* Her row and her day's heading. */
  g_assert_cmpuint (log.removed, ==, 2);
  g_assert_cmpuint (log.added, ==, 0);

  /* A new session: its row appears, in order, between Siti's first and
   * Budi's; nothing else is replaced. */
  g_clear_pointer (&items, g_hash_table_unref);
  g_clear_pointer (&widgets, g_hash_table_unref);
  items = g_steal_pointer (&items_after);
  widgets = g_steal_pointer (&widgets_after);
  dewi_id = add_session (f, "Coffee with Dewi", in_two, NULL);
  w = (OutlineWait) { f->page, "|Coffee with Dewi|" };
  g_assert_true (bmb_test_wait_for (outline_contains, &w, 5000));
  bmb_test_spin (200);
  items_after = collect_items (f->page);
  g_assert_cmpuint (count_of_session (items_after, dewi_id), ==, 1);
  g_assert_cmpuint (assert_others_kept (items, items_after, dewi_id), ==, g_hash_table_size (items));
  widgets_after = collect_row_widgets (f->page);
  assert_others_kept (widgets, widgets_after, dewi_id);

  outline = _bmb_sessions_page_dup_outline (f->page);
  g_test_message ("%s", outline);
  budi_line = strstr (outline, "|Portfolio review with Budi|");
  dewi_line = strstr (outline, "|Coffee with Dewi|");
  rina_line = strstr (outline, "|Mentoring Siti|");
  g_assert_nonnull (budi_line);
  g_assert_nonnull (dewi_line);
  g_assert_true (rina_line < dewi_line);
  g_assert_true (dewi_line < budi_line);

  g_signal_handler_disconnect (f->page->rows, handler);
}

static gboolean
editor_shown (gpointer data)
{
  GtkWindow *editor = bmb_test_find_toplevel_with_class (BMB_TYPE_SESSION_EDITOR, NULL);

  return editor != NULL && gtk_widget_get_mapped (GTK_WIDGET (editor));
}

static gboolean
one_shown (gpointer data)
{
  BmbSessionsPage *page = data;

  return g_list_model_get_n_items (G_LIST_MODEL (page->sort_model)) == 1;
}

static gboolean
many_shown (gpointer data)
{
  BmbSessionsPage *page = data;

  return g_list_model_get_n_items (G_LIST_MODEL (page->sort_model)) > 1;
}

/* A word in the notes of a meeting eight months ago, far outside the weeks
 * the page has read, is found, and its row opens that meeting. */
static void
test_search_finds_old_meeting (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GDateTime) first = day_from_today (-300, 9, 0);
  g_autoptr(GDateTime) old = NULL;
  g_autoptr(BmbMeeting) meeting = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rid = NULL;
  g_autofree char *outline = NULL;
  BmbSessionEditor *editor;
  GListModel *rows;
  gint64 id;
  guint position = GTK_INVALID_LIST_POSITION;

  id = add_session (f, "Weekly with Rina", first, "FREQ=WEEKLY");
  /* The meeting about 8 months (35 weeks) ago. */
  old = g_date_time_add_weeks (first, 8);
  rid = bmb_date_time_to_local_time (old);
  meeting = bmb_mentoring_store_get_meeting (fixture_store (f), id, rid, &error);
  g_assert_no_error (error);
  bmb_meeting_set_notes (meeting, "Reviewed her thesis outline");
  g_assert_true (bmb_mentoring_store_save_meeting (fixture_store (f), meeting, &error));
  g_assert_no_error (error);

  fixture_present (f);
  /* It is not among the weeks the page read. */
  outline = _bmb_sessions_page_dup_outline (f->page);
  g_assert_null (strstr (outline, "Reviewed"));
  {
    g_autoptr(GHashTable) items = collect_items (f->page);
    g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT "/%s", id, rid);

    g_assert_cmpuint (g_hash_table_size (items), >, 0);
    g_assert_false (g_hash_table_contains (items, key));
  }

  /* Typed into the search: that one meeting, not the series. */
  gtk_search_bar_set_search_mode (f->page->search_bar, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (f->page->search_entry), "thesis");
  /* (The entry reports its text after a short pause.) */
  g_assert_true (bmb_test_wait_for (one_shown, f->page, 5000));
  bmb_test_spin (100);
  g_clear_pointer (&outline, g_free);
  outline = _bmb_sessions_page_dup_outline (f->page);
  g_test_message ("%s", outline);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->page->sort_model)), ==, 1);
  g_assert_null (strstr (outline, "[more"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->page->content_stack), ==, "list");

  rows = G_LIST_MODEL (f->page->rows);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (rows, i);

      if (BMB_IS_OCCURRENCE (item))
        {
          g_assert_cmpstr (bmb_occurrence_get_recurrence_id (BMB_OCCURRENCE (item)), ==, rid);
          position = i;
        }
    }
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);

  /* Activating the row opens that meeting. */
  g_signal_emit_by_name (f->page->list_view, "activate", position);
  g_assert_true (bmb_test_wait_for (editor_shown, NULL, 5000));
  editor = BMB_SESSION_EDITOR (bmb_test_find_toplevel_with_class (BMB_TYPE_SESSION_EDITOR, NULL));
  g_assert_cmpint (bmb_session_editor_get_session_id (editor), ==, id);
  g_assert_cmpstr (bmb_session_editor_get_recurrence_id (editor), ==, rid);
  gtk_window_destroy (GTK_WINDOW (editor));

  /* Ending the search brings the loaded weeks back. */
  gtk_editable_set_text (GTK_EDITABLE (f->page->search_entry), "");
  g_assert_true (bmb_test_wait_for (many_shown, f->page, 5000));
}

/* More matches than a page: "Show More Results" reads the next page. */
static void
test_search_pages (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDateTime) first = day_from_today (-(BMB_MEETINGS_PAGE_MAX + 20) * 2, 9, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *outline = NULL;
  guint n_first;
  gint64 id;

  id = add_session (f, "Daily with Budi", first, "FREQ=DAILY;INTERVAL=2");
  for (guint i = 0; i < BMB_MEETINGS_PAGE_MAX + 20; i++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (first, 2 * i);
      g_autofree char *rid = bmb_date_time_to_local_time (day);
      g_autoptr(BmbMeeting) meeting = bmb_mentoring_store_get_meeting (fixture_store (f), id, rid,
                                                                       &error);

      g_assert_no_error (error);
      bmb_meeting_set_notes (meeting, "Practised the pitch");
      g_assert_true (bmb_mentoring_store_save_meeting (fixture_store (f), meeting, &error));
      g_assert_no_error (error);
    }

  fixture_present (f);
  _bmb_sessions_page_set_search (f->page, "pitch");
  n_first = g_list_model_get_n_items (G_LIST_MODEL (f->page->sort_model));
  g_assert_cmpuint (n_first, ==, BMB_MEETINGS_PAGE_MAX);
  outline = _bmb_sessions_page_dup_outline (f->page);
  g_assert_nonnull (strstr (outline, "[more results]\n"));

  gtk_widget_activate_action (GTK_WIDGET (f->page), "sessions.more-results", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->page->sort_model)), ==,
                    BMB_MEETINGS_PAGE_MAX + 20);
  g_clear_pointer (&outline, g_free);
  outline = _bmb_sessions_page_dup_outline (f->page);
  g_assert_null (strstr (outline, "[more results]"));
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

  g_test_add ("/sessions-list/follows-one-session", Fixture, NULL,
              fixture_setup, test_follows_one_session, fixture_teardown);
  g_test_add ("/sessions-list/search-finds-old-meeting", Fixture, NULL,
              fixture_setup, test_search_finds_old_meeting, fixture_teardown);
  g_test_add ("/sessions-list/search-pages", Fixture, NULL,
              fixture_setup, test_search_pages, fixture_teardown);

  return g_test_run ();
}
