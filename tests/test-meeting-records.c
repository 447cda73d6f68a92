/* test-meeting-records.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each meeting of a series is its own record, as the user meets it: the
 * session editor ticks an agenda item on one occurrence only, and a search
 * for a word in one meeting's notes lists that meeting only.
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "bmb-application.h"
#include "bmb-context.h"
#include "bmb-local-time.h"
#include "bmb-mentoring-meetings.h"
#include "bmb-preparation-view.h"
#include "bmb-relationship-timeline-section.h"
#include "bmb-session-action-items-section.h"
#include "bmb-session-agenda-section.h"
#include "bmb-session-carry-over-bar.h"
#include "bmb-session-editor.h"
#include "bmb-sessions-page-private.h"
#include "bmb-test-utils.h"
#include "bmb-window.h"

typedef struct
{
  BmbApplication *app;
  char           *db_path;
  BmbWindow      *window;
} Fixture;

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

static gboolean
is_hidden (gpointer widget)
{
  return !gtk_widget_get_visible (widget);
}

/* Destroyed, not only hidden (a saved editor goes on an idle). */
static gboolean
editor_gone (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (BMB_IS_SESSION_EDITOR (window))
        return FALSE;
    }

  return TRUE;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *dir = bmb_test_make_tmpdir ();

  f->db_path = g_build_filename (dir, "bimbing.db", NULL);
  f->app = bmb_test_app_new (f->db_path);
  f->window = BMB_WINDOW (bmb_application_present_main_window (f->app));
  g_assert_true (bmb_test_wait_for (is_mapped, f->window, 5000));
}

/* The application and its context, no main window. */
static void
fixture_setup_no_window (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *dir = bmb_test_make_tmpdir ();
  g_autoptr(GError) error = NULL;

  f->db_path = g_build_filename (dir, "bimbing.db", NULL);
  f->app = bmb_test_app_new (f->db_path);
  g_assert_true (bmb_application_ensure_database (f->app, &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_pointer (&f->app, bmb_test_app_free);
  g_clear_pointer (&f->db_path, g_free);
}

static BmbMentoringStore *
fixture_store (Fixture *f)
{
  return bmb_context_get_mentoring_store (bmb_application_get_context (f->app));
}

/* A weekly series of six at 09:00 Jakarta time from @first, with a
 * standing agenda item. */
static gint64
add_weekly (Fixture    *f,
            GDateTime  *first)
{
  g_autoptr(BmbSession) session = bmb_session_new ();
  g_autoptr(GError) error = NULL;

  bmb_session_set_title (session, "Weekly with Rina");
  bmb_session_set_start (session, first, "Asia/Jakarta");
  bmb_session_set_duration_min (session, 60);
  bmb_session_set_rrule (session, "FREQ=WEEKLY;COUNT=6");
  bmb_session_append_agenda_item (session, "Mock interview");
  g_assert_true (bmb_mentoring_store_save_session (fixture_store (f), session, &error));
  g_assert_no_error (error);

  return bmb_session_get_id (session);
}

static char *
dup_rid (GDateTime *first,
         int        week)
{
  g_autoptr(GDateTime) start = g_date_time_add_weeks (first, week);

  return bmb_date_time_to_local_time (start);
}

static gboolean
is_ticked (Fixture    *f,
           gint64      session_id,
           const char *rid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbMeeting) meeting = NULL;
  g_autoptr(BmbAgendaItem) item = NULL;

  meeting = bmb_mentoring_store_get_meeting (fixture_store (f), session_id, rid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (bmb_meeting_get_agenda (meeting)), ==, 1);
  item = g_list_model_get_item (bmb_meeting_get_agenda (meeting), 0);
  g_assert_cmpstr (bmb_agenda_item_get_text (item), ==, "Mock interview");

  return bmb_agenda_item_get_done (item);
}

static BmbSessionEditor *
open_editor (Fixture    *f,
             gint64      session_id,
             const char *rid)
{
  BmbSessionEditor *editor = bmb_session_editor_new (GTK_WINDOW (f->window), fixture_store (f));
  g_autoptr(GError) error = NULL;

  g_assert_true (bmb_session_editor_load_occurrence (editor, session_id, rid, &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (editor));
  g_assert_true (bmb_test_wait_for (is_mapped, editor, 5000));

  return editor;
}

static void
test_tick_one_occurrence (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Jakarta");
  g_autoptr(GDateTime) first = g_date_time_new (zone, 2026, 12, 7, 9, 0, 0);
  gint64 id = add_weekly (f, first);
  g_autofree char *dec7 = dup_rid (first, 0);
  g_autofree char *dec14 = dup_rid (first, 1);
  g_autofree char *dec21 = dup_rid (first, 2);
  BmbSessionEditor *editor;
  GtkWidget *check;

  /* Tick "Mock interview" on 21 December and save (Ctrl+S). */
  editor = open_editor (f, id, dec21);
  check = bmb_test_find_widget (GTK_WIDGET (editor), GTK_TYPE_CHECK_BUTTON, NULL);
  g_assert_nonnull (check);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  bmb_test_focus_window (GTK_WINDOW (editor));
  bmb_test_press_keys ("ctrl+s");
  g_assert_true (bmb_test_wait_for (editor_gone, NULL, 5000));

  /* That meeting only. */
  g_assert_true (is_ticked (f, id, dec21));
  g_assert_false (is_ticked (f, id, dec7));
  g_assert_false (is_ticked (f, id, dec14));

  /* And so the editor shows it on 14 December. */
  editor = open_editor (f, id, dec14);
  check = bmb_test_find_widget (GTK_WIDGET (editor), GTK_TYPE_CHECK_BUTTON, NULL);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  gtk_window_close (GTK_WINDOW (editor));
  g_assert_true (bmb_test_wait_for (editor_gone, NULL, 5000));
}

/* Notes typed on one meeting stay with it: the next one opens empty. */
static void
test_notes_one_occurrence (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Jakarta");
  g_autoptr(GDateTime) first = g_date_time_new (zone, 2026, 12, 7, 9, 0, 0);
  gint64 id = add_weekly (f, first);
  g_autofree char *dec7 = dup_rid (first, 0);
  g_autofree char *dec14 = dup_rid (first, 1);
  BmbSessionEditor *editor;
  GtkTextView *view;
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_autoptr(BmbMeeting) meeting = NULL;

  editor = open_editor (f, id, dec7);
  view = GTK_TEXT_VIEW (bmb_test_find_widget (GTK_WIDGET (editor), GTK_TYPE_TEXT_VIEW, NULL));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), "Reviewed his CV", -1);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  g_assert_true (bmb_test_wait_for (editor_gone, NULL, 5000));

  meeting = bmb_mentoring_store_get_meeting (fixture_store (f), id, dec7, NULL);
  g_assert_cmpstr (bmb_meeting_get_notes (meeting), ==, "Reviewed his CV");

  editor = open_editor (f, id, dec14);
  view = GTK_TEXT_VIEW (bmb_test_find_widget (GTK_WIDGET (editor), GTK_TYPE_TEXT_VIEW, NULL));
  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (view), &start, &end);
  text = gtk_text_buffer_get_text (gtk_text_view_get_buffer (view), &start, &end, FALSE);
  g_assert_cmpstr (text, ==, "");
  gtk_window_close (GTK_WINDOW (editor));
  g_assert_true (bmb_test_wait_for (editor_gone, NULL, 5000));
}

static gboolean
has_row_titled (GtkWidget  *root,
                const char *title)
{
  if (ADW_IS_ACTION_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_row_titled (child, title))
      return TRUE;

  return FALSE;
}

static char *
agenda_text (GListModel *agenda)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (agenda); i++)
    {
      g_autoptr(BmbAgendaItem) item = g_list_model_get_item (agenda, i);

      g_string_append_printf (text, "%s%s%s", i > 0 ? "|" : "", bmb_agenda_item_get_text (item),
                              bmb_agenda_item_get_done (item) ? "+" : "");
    }

  return g_string_free (text, FALSE);
}

/* Opening the next meeting offers what the one before left open; one click
 * carries it over, Save keeps it with this meeting. */
static void
test_carry_over (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Jakarta");
  g_autoptr(GDateTime) first = g_date_time_new (zone, 2026, 12, 7, 9, 0, 0);
  gint64 id = add_weekly (f, first);
  g_autofree char *dec7 = dup_rid (first, 0);
  g_autofree char *dec14 = dup_rid (first, 1);
  g_autoptr(BmbMeeting) before = NULL;
  g_autoptr(BmbMeeting) after = NULL;
  g_autoptr(BmbMeeting) earlier = NULL;
  g_autoptr(BmbAgendaItem) ticked = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  BmbSessionEditor *editor;
  GtkWidget *bar;

  before = bmb_mentoring_store_get_meeting (fixture_store (f), id, dec7, &error);
  g_assert_no_error (error);
  ticked = g_list_model_get_item (bmb_meeting_get_agenda (before), 0);
  bmb_agenda_item_set_done (ticked, TRUE);
  bmb_meeting_append_agenda_item (before, "Salary talk");
  bmb_meeting_append_action_item (before, BMB_ACTION_OWNER_MENTEE, "Update LinkedIn");
  g_assert_true (bmb_mentoring_store_save_meeting (fixture_store (f), before, &error));
  g_assert_no_error (error);

  editor = open_editor (f, id, dec14);
  bar = bmb_test_find_widget (GTK_WIDGET (editor), BMB_TYPE_SESSION_CARRY_OVER_BAR, NULL);
  g_assert_nonnull (bar);
  g_assert_true (gtk_widget_get_visible (bar));
  g_assert_cmpuint (bmb_session_carry_over_bar_get_n_offered (BMB_SESSION_CARRY_OVER_BAR (bar)), ==, 2);

  /* A button's activation clicks it after its pressed look. */
  gtk_widget_activate (bmb_test_find_named (bar, "carry-over-button"));
  g_assert_true (bmb_test_wait_for (is_hidden, bar, 5000));
  text = agenda_text (bmb_session_agenda_section_get_items (
           BMB_SESSION_AGENDA_SECTION (bmb_test_find_widget (GTK_WIDGET (editor),
                                                             BMB_TYPE_SESSION_AGENDA_SECTION, NULL))));
  g_assert_cmpstr (text, ==, "Mock interview|Salary talk");
  g_assert_cmpuint (g_list_model_get_n_items (bmb_session_action_items_section_get_items (
                      BMB_SESSION_ACTION_ITEMS_SECTION (bmb_test_find_widget (GTK_WIDGET (editor),
                                                                              BMB_TYPE_SESSION_ACTION_ITEMS_SECTION,
                                                                              NULL)))), ==, 1);

  /* Nothing is written before Save. */
  after = bmb_mentoring_store_get_meeting (fixture_store (f), id, dec14, &error);
  g_assert_cmpuint (g_list_model_get_n_items (bmb_meeting_get_action_items (after)), ==, 0);
  g_clear_object (&after);

  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  g_assert_true (bmb_test_wait_for (editor_gone, NULL, 5000));

  after = bmb_mentoring_store_get_meeting (fixture_store (f), id, dec14, &error);
  g_assert_no_error (error);
  g_clear_pointer (&text, g_free);
  text = agenda_text (bmb_meeting_get_agenda (after));
  g_assert_cmpstr (text, ==, "Mock interview|Salary talk");
  g_assert_cmpuint (g_list_model_get_n_items (bmb_meeting_get_action_items (after)), ==, 1);

  /* The meeting before keeps its own agenda; the action item moved on. */
  earlier = bmb_mentoring_store_get_meeting (fixture_store (f), id, dec7, &error);
  g_clear_pointer (&text, g_free);
  text = agenda_text (bmb_meeting_get_agenda (earlier));
  g_assert_cmpstr (text, ==, "Mock interview+|Salary talk");
  g_assert_cmpuint (g_list_model_get_n_items (bmb_meeting_get_action_items (earlier)), ==, 0);
}

static gboolean
group_hidden (gpointer view)
{
  return !gtk_widget_get_visible (bmb_test_find_named (view, "carry-over-group"));
}

/* The preparation view shows what the meeting before left open, and
 * carries it over in one click. */
static void
test_preparation_carry_over (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Jakarta");
  g_autoptr(GDateTime) now = g_date_time_new_now (zone);
  g_autoptr(GDateTime) today = g_date_time_new (zone, g_date_time_get_year (now),
                                                g_date_time_get_month (now),
                                                g_date_time_get_day_of_month (now), 9, 0, 0);
  g_autoptr(GDateTime) start = g_date_time_add_weeks (today, -2);
  g_autoptr(BmbRelationship) relationship = bmb_relationship_new ();
  g_autoptr(BmbSession) session = bmb_session_new ();
  g_autoptr(BmbContact) mentee = bmb_contact_new ();
  g_autoptr(BmbMeeting) before = NULL;
  g_autoptr(BmbMeeting) next = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *last_rid = dup_rid (start, 1);
  g_autofree char *text = NULL;
  BmbPreparationView *view;
  GtkWidget *group;

  bmb_contact_set_display_name (mentee, "Rina Wijaya");
  g_assert_true (bmb_contact_store_insert (bmb_context_get_contact_store (bmb_application_get_context (f->app)),
                                           mentee, &error));
  bmb_relationship_set_title (relationship, "Career mentoring");
  bmb_relationship_set_mentee_id (relationship, bmb_contact_get_id (mentee));
  bmb_relationship_set_started_on (relationship, "2026-01-05");
  g_assert_true (bmb_mentoring_store_save_relationship (fixture_store (f), relationship, &error));
  bmb_session_set_title (session, "Weekly with Rina");
  bmb_session_set_start (session, start, "Asia/Jakarta");
  bmb_session_set_duration_min (session, 60);
  bmb_session_set_rrule (session, "FREQ=WEEKLY;COUNT=6");
  bmb_session_set_relationship_id (session, bmb_relationship_get_id (relationship));
  g_assert_true (bmb_mentoring_store_save_session (fixture_store (f), session, &error));
  g_assert_no_error (error);

  before = bmb_mentoring_store_get_meeting (fixture_store (f), bmb_session_get_id (session),
                                            last_rid, &error);
  bmb_meeting_append_agenda_item (before, "Salary talk");
  g_assert_true (bmb_mentoring_store_save_meeting (fixture_store (f), before, &error));
  g_assert_no_error (error);

  /* Read and acted on without being shown: what it lists is what it read. */
  view = g_object_ref_sink (bmb_preparation_view_new (bmb_application_get_context (f->app),
                                                      relationship));
  g_assert_nonnull (bmb_preparation_view_get_occurrence (view));

  group = bmb_test_find_named (GTK_WIDGET (view), "carry-over-group");
  g_assert_true (gtk_widget_get_visible (group));
  g_assert_true (has_row_titled (group, "Salary talk"));

  gtk_widget_activate_action (GTK_WIDGET (view), "preparation.carry-over", NULL);
  g_assert_true (bmb_test_wait_for (group_hidden, view, 5000));
  g_assert_null (bmb_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  next = bmb_mentoring_store_get_meeting (fixture_store (f), bmb_session_get_id (session),
                                          bmb_occurrence_get_recurrence_id (bmb_preparation_view_get_occurrence (view)),
                                          &error);
  g_assert_no_error (error);
  text = agenda_text (bmb_meeting_get_agenda (next));
  g_assert_cmpstr (text, ==, "Salary talk");
  gtk_window_destroy (GTK_WINDOW (view));
  g_object_unref (view);
}

static guint
count_occurrence_rows (const char *outline)
{
  g_auto(GStrv) lines = g_strsplit (outline, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    if (strchr (lines[i], '|') != NULL)
      n++;

  return n;
}

static void
test_search_one_meeting (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Jakarta");
  g_autoptr(GDateTime) now = g_date_time_new_now (zone);
  g_autoptr(GDateTime) first = g_date_time_new (zone, g_date_time_get_year (now),
                                                g_date_time_get_month (now),
                                                g_date_time_get_day_of_month (now), 9, 0, 0);
  g_autoptr(GDateTime) start = g_date_time_add_weeks (first, -2);
  gint64 id = add_weekly (f, start);
  g_autofree char *rid = dup_rid (start, 3);
  g_autoptr(BmbMeeting) meeting = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *all = NULL;
  g_autofree char *found = NULL;
  BmbSessionsPage *page;

  meeting = bmb_mentoring_store_get_meeting (fixture_store (f), id, rid, &error);
  g_assert_no_error (error);
  bmb_meeting_set_notes (meeting, "Reviewed his CV and the cover letter");
  g_assert_true (bmb_mentoring_store_save_meeting (fixture_store (f), meeting, &error));
  g_assert_no_error (error);

  page = BMB_SESSIONS_PAGE (bmb_window_get_page_widget (f->window, "sessions"));
  g_assert_true (bmb_test_wait_for (is_mapped, page, 5000));
  _bmb_sessions_page_reload (page);
  all = _bmb_sessions_page_dup_outline (page);
  g_assert_cmpuint (count_occurrence_rows (all), ==, 6);

  /* "CV" is in one meeting's notes: that meeting, not the six of its series. */
  _bmb_sessions_page_set_search (page, "CV");
  found = _bmb_sessions_page_dup_outline (page);
  g_test_message ("%s", found);
  g_assert_cmpuint (count_occurrence_rows (found), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (page->sort_model)), ==, 1);
  {
    g_autoptr(BmbOccurrence) shown = g_list_model_get_item (G_LIST_MODEL (page->sort_model), 0);

    g_assert_cmpstr (bmb_occurrence_get_recurrence_id (shown), ==, rid);
  }

  /* A word no meeting has: nothing. */
  _bmb_sessions_page_set_search (page, "portfolio");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (page->sort_model)), ==, 0);
  _bmb_sessions_page_set_search (page, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (page->sort_model)), ==, 6);
}


/* The relationship's timeline: past meetings newest first, with their
 * status, the first line of their notes and their action items; paged. */
static void
test_relationship_timeline (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Jakarta");
  g_autoptr(GDateTime) now = g_date_time_new_now (zone);
  g_autoptr(GDateTime) today = g_date_time_new (zone, g_date_time_get_year (now),
                                                g_date_time_get_month (now),
                                                g_date_time_get_day_of_month (now), 9, 0, 0);
  g_autoptr(GDateTime) start = g_date_time_add_weeks (today, -12);
  g_autoptr(BmbRelationship) relationship = bmb_relationship_new ();
  g_autoptr(BmbSession) session = bmb_session_new ();
  g_autoptr(BmbMeeting) meeting = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *latest = dup_rid (start, 11);
  BmbRelationshipTimelineSection *timeline;
  GtkWidget *list, *row;
  g_autoptr(BmbContact) mentee = bmb_contact_new ();

  bmb_contact_set_display_name (mentee, "Rina Wijaya");
  g_assert_true (bmb_contact_store_insert (bmb_context_get_contact_store (bmb_application_get_context (f->app)),
                                           mentee, &error));
  g_assert_no_error (error);
  bmb_relationship_set_title (relationship, "Career mentoring");
  bmb_relationship_set_mentee_id (relationship, bmb_contact_get_id (mentee));
  bmb_relationship_set_started_on (relationship, "2026-01-05");
  g_assert_true (bmb_mentoring_store_save_relationship (fixture_store (f), relationship, &error));
  g_assert_no_error (error);
  bmb_session_set_title (session, "Weekly with Rina");
  bmb_session_set_start (session, start, "Asia/Jakarta");
  bmb_session_set_duration_min (session, 60);
  bmb_session_set_rrule (session, "FREQ=WEEKLY;COUNT=12");
  bmb_session_set_relationship_id (session, bmb_relationship_get_id (relationship));
  g_assert_true (bmb_mentoring_store_save_session (fixture_store (f), session, &error));
  g_assert_no_error (error);

  meeting = bmb_mentoring_store_get_meeting (fixture_store (f), bmb_session_get_id (session),
                                             latest, &error);
  g_assert_no_error (error);
  bmb_meeting_set_notes (meeting, "Reviewed his CV\nThen the cover letter");
  bmb_meeting_set_status (meeting, BMB_SESSION_STATUS_DONE);
  bmb_meeting_append_action_item (meeting, BMB_ACTION_OWNER_MENTEE, "Rewrite the summary");
  g_assert_true (bmb_mentoring_store_save_meeting (fixture_store (f), meeting, &error));
  g_assert_no_error (error);

  timeline = g_object_ref_sink (g_object_new (BMB_TYPE_RELATIONSHIP_TIMELINE_SECTION, NULL));
  bmb_relationship_timeline_section_show (timeline, fixture_store (f),
                                          bmb_relationship_get_id (relationship));

  /* A first page of ten, newest first, and a way to the rest. */
  g_assert_cmpuint (bmb_relationship_timeline_section_get_n_meetings (timeline), ==, 10);
  g_assert_true (gtk_widget_get_visible (bmb_test_find_named (GTK_WIDGET (timeline),
                                                              "timeline-more-button")));
  list = bmb_test_find_named (GTK_WIDGET (timeline), "timeline-list");
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  g_assert_true (ADW_IS_EXPANDER_ROW (row));
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "Done"));
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==, "Reviewed his CV");
  g_assert_true (adw_expander_row_get_enable_expansion (ADW_EXPANDER_ROW (row)));
  g_assert_true (has_row_titled (row, "Rewrite the summary"));

  /* An older one: no notes, nothing agreed. */
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1));
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==, "No notes");
  g_assert_false (adw_expander_row_get_enable_expansion (ADW_EXPANDER_ROW (row)));

  /* The next page: the last two. */
  g_assert_true (bmb_relationship_timeline_section_show_more (timeline, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bmb_relationship_timeline_section_get_n_meetings (timeline), ==, 12);
  g_assert_false (gtk_widget_get_visible (bmb_test_find_named (GTK_WIDGET (timeline),
                                                               "timeline-more-button")));
  g_object_unref (timeline);
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

  g_test_add ("/meeting-records/tick-one-occurrence", Fixture, NULL,
              fixture_setup, test_tick_one_occurrence, fixture_teardown);
  g_test_add ("/meeting-records/notes-one-occurrence", Fixture, NULL,
              fixture_setup, test_notes_one_occurrence, fixture_teardown);
  g_test_add ("/meeting-records/search-one-meeting", Fixture, NULL,
              fixture_setup, test_search_one_meeting, fixture_teardown);
  g_test_add ("/meeting-records/carry-over", Fixture, NULL,
              fixture_setup, test_carry_over, fixture_teardown);
  g_test_add ("/meeting-records/preparation-carry-over", Fixture, NULL,
              fixture_setup_no_window, test_preparation_carry_over, fixture_teardown);
  g_test_add ("/meeting-records/relationship-timeline", Fixture, NULL,
              fixture_setup, test_relationship_timeline, fixture_teardown);

  return g_test_run ();
}
