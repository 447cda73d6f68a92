/* test-editing.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * No edit is lost: every editor asks "Discard Changes?" when closed with
 * unsaved changes, saves on Ctrl+S from any field (a multi-line text view
 * included), applies ticks only on Save, and keeps a draft that a new run of
 * the program (a new application on the same file) offers back.
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "bmb-application.h"
#include "bmb-context.h"
#include "bmb-closure-dialog.h"
#include "bmb-contact-editor.h"
#include "bmb-goal-editor.h"
#include "bmb-interaction-dialog.h"
#include "bmb-met-at-event-dialog.h"
#include "bmb-preparation-view.h"
#include "bmb-relationship-editor.h"
#include "bmb-session-editor.h"
#include "bmb-template-editor.h"
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
toplevel_shown (gpointer data)
{
  GtkWindow *window = bmb_test_find_toplevel (GPOINTER_TO_SIZE (data));

  return window != NULL && gtk_widget_get_mapped (GTK_WIDGET (window));
}

/* The dialogs the edit guard shows, by their style class. */
#define DISCARD_DIALOG ((gpointer)"bmb-discard-changes")
#define RESTORE_DIALOG ((gpointer)"bmb-restore-draft")

static gboolean
toplevel_gone (gpointer data)
{
  return bmb_test_find_toplevel (GPOINTER_TO_SIZE (data)) == NULL;
}

static gboolean
dialog_shown (gpointer css_class)
{
  GtkWindow *dialog = bmb_test_find_toplevel_with_class (ADW_TYPE_MESSAGE_DIALOG, css_class);

  return dialog != NULL && gtk_widget_get_mapped (GTK_WIDGET (dialog));
}

static gboolean
dialog_gone (gpointer css_class)
{
  return bmb_test_find_toplevel_with_class (ADW_TYPE_MESSAGE_DIALOG, css_class) == NULL;
}

static void
fixture_start (Fixture *f)
{
  f->app = bmb_test_app_new (f->db_path);
  f->window = BMB_WINDOW (bmb_application_present_main_window (f->app));
  g_assert_true (bmb_test_wait_for (is_mapped, f->window, 5000));
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *dir = bmb_test_make_tmpdir ();

  f->db_path = g_build_filename (dir, "bimbing.db", NULL);
  fixture_start (f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_pointer (&f->app, bmb_test_app_free);
  g_clear_pointer (&f->db_path, g_free);
}

static BmbContext *
fixture_context (Fixture *f)
{
  return bmb_application_get_context (f->app);
}

static gint64
add_weekly_session (Fixture    *f,
                    const char *title)
{
  g_autoptr(BmbSession) session = bmb_session_new ();
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Jakarta");
  g_autoptr(GDateTime) start = g_date_time_new (zone, 2026, 12, 7, 9, 0, 0);
  g_autoptr(GError) error = NULL;

  bmb_session_set_title (session, title);
  bmb_session_set_start (session, start, "Asia/Jakarta");
  bmb_session_set_duration_min (session, 60);
  bmb_session_set_rrule (session, "FREQ=WEEKLY;COUNT=6");
  bmb_session_append_agenda_item (session, "Mock interview");
  g_assert_true (bmb_mentoring_store_save_session (bmb_context_get_mentoring_store (fixture_context (f)),
                                                   session, &error));
  g_assert_no_error (error);

  return bmb_session_get_id (session);
}

static BmbSessionEditor *
open_session_editor (Fixture    *f,
                     gint64      session_id,
                     const char *recurrence_id)
{
  BmbSessionEditor *editor;
  g_autoptr(GError) error = NULL;

  editor = bmb_session_editor_new (GTK_WINDOW (f->window),
                                   bmb_context_get_mentoring_store (fixture_context (f)));
  g_assert_true (bmb_session_editor_load_occurrence (editor, session_id, recurrence_id, &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (editor));
  g_assert_true (bmb_test_wait_for (is_mapped, editor, 5000));

  return editor;
}

static GtkTextView *
find_notes (GtkWidget *editor)
{
  GtkWidget *view = bmb_test_find_widget (editor, GTK_TYPE_TEXT_VIEW, NULL);

  g_assert_nonnull (view);
  return GTK_TEXT_VIEW (view);
}

static char *
dup_buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
type_into (GtkWindow  *window,
           GtkWidget  *field,
           const char *text)
{
  bmb_test_focus_window (window);
  gtk_widget_grab_focus (field);
  bmb_test_spin (50);
  bmb_test_type_text (text);
  bmb_test_spin (200);
}

static char *
dup_occurrence_notes (Fixture    *f,
                      gint64      session_id,
                      const char *recurrence_id)
{
  g_autoptr(BmbOccurrence) occurrence = NULL;
  g_autoptr(GError) error = NULL;

  occurrence = bmb_mentoring_store_get_occurrence (bmb_context_get_mentoring_store (fixture_context (f)),
                                                   session_id, recurrence_id, &error);
  g_assert_no_error (error);
  return g_strdup (bmb_occurrence_get_notes (occurrence));
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

/* Clicks a dialog's button, as the user would (a response emitted by hand
 * would leave the dialog open). */
static void
respond (gpointer    css_class,
         const char *label)
{
  GtkWindow *dialog = bmb_test_find_toplevel_with_class (ADW_TYPE_MESSAGE_DIALOG, css_class);
  GtkWidget *button;

  g_assert_nonnull (dialog);
  button = find_button (GTK_WIDGET (dialog), label);
  g_assert_nonnull (button);
  gtk_widget_activate (button);
  g_assert_true (bmb_test_wait_for (dialog_gone, css_class, 5000));
}

/* ---- the session editor -------------------------------------------------- */

static void
test_session_escape_asks (Fixture       *f,
                          gconstpointer  data)
{
  gint64 id = add_weekly_session (f, "Weekly with Rina");
  const char *rid = "2026-12-14T09:00:00";
  BmbSessionEditor *editor = open_session_editor (f, id, rid);
  GtkTextView *notes = find_notes (GTK_WIDGET (editor));
  g_autofree char *stored = NULL;

  /* Nothing changed: Escape closes at once. */
  bmb_test_focus_window (GTK_WINDOW (editor));
  bmb_test_press_keys ("Escape");
  g_assert_true (bmb_test_wait_for (toplevel_gone, GSIZE_TO_POINTER (BMB_TYPE_SESSION_EDITOR), 5000));
  g_assert_true (dialog_gone (DISCARD_DIALOG));

  /* Typed notes: Escape asks; Cancel keeps the editor and the text. */
  editor = open_session_editor (f, id, rid);
  notes = find_notes (GTK_WIDGET (editor));
  type_into (GTK_WINDOW (editor), GTK_WIDGET (notes), "Reviewed his CV");
  bmb_test_press_keys ("Escape");
  g_assert_true (bmb_test_wait_for (dialog_shown, DISCARD_DIALOG, 5000));
  {
    AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (bmb_test_find_toplevel_with_class (ADW_TYPE_MESSAGE_DIALOG,
                                                                                     DISCARD_DIALOG));

    g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Discard Changes?");
    g_assert_true (adw_message_dialog_has_response (dialog, "discard"));
    g_assert_true (adw_message_dialog_has_response (dialog, "cancel"));
    g_assert_true (adw_message_dialog_has_response (dialog, "save"));
  }
  respond (DISCARD_DIALOG, "_Cancel");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (editor)));
  {
    g_autofree char *text = dup_buffer_text (notes);

    g_assert_cmpstr (text, ==, "Reviewed his CV");
  }

  /* Discard closes and writes nothing. */
  gtk_window_close (GTK_WINDOW (editor));
  g_assert_true (bmb_test_wait_for (dialog_shown, DISCARD_DIALOG, 5000));
  respond (DISCARD_DIALOG, "_Discard");
  g_assert_true (bmb_test_wait_for (toplevel_gone, GSIZE_TO_POINTER (BMB_TYPE_SESSION_EDITOR), 5000));
  stored = dup_occurrence_notes (f, id, rid);
  g_assert_true (stored == NULL || stored[0] == '\0');
}

static void
test_session_ctrl_s_in_notes (Fixture       *f,
                              gconstpointer  data)
{
  gint64 id = add_weekly_session (f, "Weekly with Rina");
  const char *rid = "2026-12-14T09:00:00";
  BmbSessionEditor *editor = open_session_editor (f, id, rid);
  GtkTextView *notes = find_notes (GTK_WIDGET (editor));
  g_autofree char *stored = NULL;

  type_into (GTK_WINDOW (editor), GTK_WIDGET (notes), "Talked about the CV");
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (notes)));
  bmb_test_press_keys ("ctrl+s");

  /* The notes differ for one meeting of a series: Save asks for which. */
  if (bmb_test_wait_for (dialog_shown, NULL, 3000) &&
      bmb_test_find_toplevel (BMB_TYPE_SESSION_EDITOR) != NULL)
    {
      GtkWindow *dialog = bmb_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

      g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (dialog), DISCARD_DIALOG));
      gtk_widget_activate (find_button (GTK_WIDGET (dialog), "Only _This Occurrence"));
    }
  g_assert_true (bmb_test_wait_for (toplevel_gone, GSIZE_TO_POINTER (BMB_TYPE_SESSION_EDITOR), 5000));

  stored = dup_occurrence_notes (f, id, rid);
  g_assert_cmpstr (stored, ==, "Talked about the CV");
}

static gboolean
draft_kept (gpointer data)
{
  Fixture *f = data;
  g_autofree char *state = NULL;

  state = bmb_draft_store_lookup (bmb_context_get_draft_store (fixture_context (f)),
                                  "session/1/2026-12-14T09:00:00", NULL, NULL);
  return state != NULL && strstr (state, "Mock interview with Budi") != NULL;
}

static void
test_session_draft_after_kill (Fixture       *f,
                               gconstpointer  data)
{
  gint64 id = add_weekly_session (f, "Weekly with Rina");
  const char *rid = "2026-12-14T09:00:00";
  BmbSessionEditor *editor = open_session_editor (f, id, rid);
  GtkTextView *notes = find_notes (GTK_WIDGET (editor));
  g_autofree char *state = NULL;
  g_autofree char *stored = NULL;

  g_assert_cmpint (id, ==, 1);
  type_into (GTK_WINDOW (editor), GTK_WIDGET (notes), "Mock interview with Budi");

  /* About a second after the last key, the draft is on disk. */
  g_assert_true (bmb_test_wait_for (draft_kept, f, 5000));

  /* The program dies: the editor goes without any closing handler, and a
   * new application opens the same file. */
  gtk_window_destroy (GTK_WINDOW (editor));
  g_clear_pointer (&f->app, bmb_test_app_free);
  fixture_start (f);
  stored = dup_occurrence_notes (f, id, rid);
  g_assert_true (stored == NULL || stored[0] == '\0');

  /* Reopening the same meeting offers the unsaved text. */
  editor = open_session_editor (f, id, rid);
  g_assert_true (bmb_test_wait_for (dialog_shown, RESTORE_DIALOG, 5000));
  {
    AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (bmb_test_find_toplevel_with_class (ADW_TYPE_MESSAGE_DIALOG,
                                                                                     RESTORE_DIALOG));

    g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Restore Unsaved Changes?");
    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "2026"));
  }
  respond (RESTORE_DIALOG, "_Restore");
  notes = find_notes (GTK_WIDGET (editor));
  {
    g_autofree char *text = dup_buffer_text (notes);

    g_assert_cmpstr (text, ==, "Mock interview with Budi");
  }

  /* Restored is unsaved: closing asks; Discard drops the draft too. */
  gtk_window_close (GTK_WINDOW (editor));
  g_assert_true (bmb_test_wait_for (dialog_shown, DISCARD_DIALOG, 5000));
  respond (DISCARD_DIALOG, "_Discard");
  g_assert_true (bmb_test_wait_for (toplevel_gone, GSIZE_TO_POINTER (BMB_TYPE_SESSION_EDITOR), 5000));
  state = bmb_draft_store_lookup (bmb_context_get_draft_store (fixture_context (f)),
                                  "session/1/2026-12-14T09:00:00", NULL, NULL);
  g_assert_null (state);

  /* Opened again: nothing to offer. */
  editor = open_session_editor (f, id, rid);
  bmb_test_spin (500);
  g_assert_null (bmb_test_find_toplevel_with_class (ADW_TYPE_MESSAGE_DIALOG, RESTORE_DIALOG));
  gtk_window_close (GTK_WINDOW (editor));
  g_assert_true (bmb_test_wait_for (toplevel_gone, GSIZE_TO_POINTER (BMB_TYPE_SESSION_EDITOR), 5000));
}

/* A tick is an edit like any other: nothing is written before Save. */
static void
test_session_tick_waits_for_save (Fixture       *f,
                                  gconstpointer  data)
{
  gint64 id = add_weekly_session (f, "Weekly with Rina");
  const char *rid = "2026-12-14T09:00:00";
  BmbSessionEditor *editor = open_session_editor (f, id, rid);
  GtkWidget *check = bmb_test_find_widget (GTK_WIDGET (editor), GTK_TYPE_CHECK_BUTTON, NULL);
  g_autoptr(BmbSession) session = NULL;
  g_autoptr(BmbAgendaItem) item = NULL;

  g_assert_nonnull (check);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  bmb_test_spin (100);

  session = bmb_mentoring_store_get_session (bmb_context_get_mentoring_store (fixture_context (f)),
                                             id, NULL);
  item = g_list_model_get_item (bmb_session_get_agenda (session), 0);
  g_assert_false (bmb_agenda_item_get_done (item));

  gtk_window_close (GTK_WINDOW (editor));
  g_assert_true (bmb_test_wait_for (dialog_shown, DISCARD_DIALOG, 5000));
  respond (DISCARD_DIALOG, "_Discard");
  g_assert_true (bmb_test_wait_for (toplevel_gone, GSIZE_TO_POINTER (BMB_TYPE_SESSION_EDITOR), 5000));
}

/* ---- every other editor --------------------------------------------------- */

static gboolean
window_gone (gpointer data)
{
  GtkWindow **window = data;

  return *window == NULL;
}

/* The first field the user can type into. */
static GtkWidget *
find_text_field (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (!gtk_widget_get_visible (child) || !gtk_widget_get_sensitive (child))
        continue;
      if ((GTK_IS_TEXT (child) && gtk_editable_get_editable (GTK_EDITABLE (child))) ||
          GTK_IS_TEXT_VIEW (child))
        return child;
      if ((found = find_text_field (child)) != NULL)
        return found;
    }

  return NULL;
}

static char *
dup_field_text (GtkWidget *field)
{
  if (GTK_IS_TEXT_VIEW (field))
    return dup_buffer_text (GTK_TEXT_VIEW (field));

  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (field)));
}

/* Closing unchanged asks nothing; closing after typing asks, Cancel keeps
 * the text, Discard closes. */
static void
check_editor_asks (Fixture   *f,
                   GtkWindow *editor)
{
  GtkWindow *watched = editor;
  GtkWidget *field;
  g_autofree char *typed = NULL;

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *)&watched);
  if (gtk_window_get_transient_for (editor) == NULL)
    gtk_window_set_transient_for (editor, GTK_WINDOW (f->window));
  gtk_window_present (editor);
  g_assert_true (bmb_test_wait_for (is_mapped, editor, 5000));

  field = find_text_field (GTK_WIDGET (editor));
  g_assert_nonnull (field);
  /* Focusing a filled entry selects its text: typing replaces it. */
  type_into (editor, field, "Rina");
  typed = dup_field_text (field);
  g_assert_nonnull (strstr (typed, "Rina"));

  bmb_test_press_keys ("Escape");
  g_assert_true (bmb_test_wait_for (dialog_shown, DISCARD_DIALOG, 5000));
  respond (DISCARD_DIALOG, "_Cancel");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (editor)));
  {
    g_autofree char *kept = dup_field_text (field);

    g_assert_cmpstr (kept, ==, typed);
  }

  gtk_window_close (editor);
  g_assert_true (bmb_test_wait_for (dialog_shown, DISCARD_DIALOG, 5000));
  respond (DISCARD_DIALOG, "_Discard");
  g_assert_true (bmb_test_wait_for (window_gone, &watched, 5000));
}

static void
check_editor_closes_unchanged (Fixture   *f,
                               GtkWindow *editor)
{
  GtkWindow *watched = editor;

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *)&watched);
  if (gtk_window_get_transient_for (editor) == NULL)
    gtk_window_set_transient_for (editor, GTK_WINDOW (f->window));
  gtk_window_present (editor);
  g_assert_true (bmb_test_wait_for (is_mapped, editor, 5000));
  bmb_test_spin (200);

  gtk_window_close (editor);
  g_assert_true (bmb_test_wait_for (window_gone, &watched, 5000));
  g_assert_true (dialog_gone (DISCARD_DIALOG));
}

static gint64
add_contact (Fixture    *f,
             const char *name)
{
  g_autoptr(BmbContact) contact = bmb_contact_new ();
  g_autoptr(GError) error = NULL;

  bmb_contact_set_display_name (contact, name);
  g_assert_true (bmb_contact_store_insert (bmb_context_get_contact_store (fixture_context (f)),
                                           contact, &error));
  g_assert_no_error (error);

  return bmb_contact_get_id (contact);
}

static BmbRelationship *
add_relationship (Fixture *f)
{
  BmbRelationship *relationship = bmb_relationship_new ();
  g_autoptr(GError) error = NULL;

  bmb_relationship_set_title (relationship, "Career mentoring");
  bmb_relationship_set_mentee_id (relationship, add_contact (f, "Budi Santoso"));
  bmb_relationship_set_started_on (relationship, "2026-09-01");
  g_assert_true (bmb_mentoring_store_save_relationship (bmb_context_get_mentoring_store (fixture_context (f)),
                                                        relationship, &error));
  g_assert_no_error (error);

  return relationship;
}

typedef GtkWindow *(*EditorFactory) (Fixture *f);

static GtkWindow *
make_relationship_editor (Fixture *f)
{
  g_autoptr(BmbRelationship) relationship = add_relationship (f);

  return GTK_WINDOW (bmb_relationship_editor_new (fixture_context (f), relationship));
}

static GtkWindow *
make_contact_editor (Fixture *f)
{
  return GTK_WINDOW (bmb_contact_editor_new (GTK_WINDOW (f->window),
                                             bmb_context_get_contact_store (fixture_context (f)),
                                             NULL));
}

static GtkWindow *
make_goal_editor (Fixture *f)
{
  g_autoptr(BmbRelationship) relationship = add_relationship (f);

  return GTK_WINDOW (bmb_goal_editor_new (bmb_context_get_goal_store (fixture_context (f)),
                                          bmb_relationship_get_id (relationship), NULL));
}

static GtkWindow *
make_template_editor (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GtkWindow *editor;

  editor = GTK_WINDOW (bmb_template_editor_new (GTK_WINDOW (f->window),
                                                bmb_context_get_checklist_store (fixture_context (f)),
                                                0, &error));
  g_assert_no_error (error);

  return editor;
}

static GtkWindow *
make_interaction_dialog (Fixture *f)
{
  return GTK_WINDOW (bmb_interaction_dialog_new (GTK_WINDOW (f->window),
                                                 bmb_context_get_contact_store (fixture_context (f)),
                                                 add_contact (f, "Rina Wijaya"), "Rina Wijaya"));
}

static GtkWindow *
make_closure_dialog (Fixture *f)
{
  g_autoptr(BmbRelationship) relationship = add_relationship (f);

  return GTK_WINDOW (bmb_closure_dialog_new (bmb_context_get_mentoring_store (fixture_context (f)),
                                             relationship));
}

static GtkWindow *
make_met_at_event_dialog (Fixture *f)
{
  return GTK_WINDOW (bmb_met_at_event_dialog_new (GTK_WINDOW (f->window),
                                                  bmb_context_get_contact_store (fixture_context (f))));
}

static void
test_editor_asks (Fixture       *f,
                  gconstpointer  data)
{
  EditorFactory make = (EditorFactory)data;

  check_editor_closes_unchanged (f, make (f));
  check_editor_asks (f, make (f));
}

/* Ctrl+S in a multi-line text view saves (the closure dialog's notes). */
static void
test_closure_ctrl_s_in_text_view (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(BmbRelationship) relationship = add_relationship (f);
  g_autoptr(BmbRelationship) stored = NULL;
  GtkWindow *dialog = GTK_WINDOW (bmb_closure_dialog_new (bmb_context_get_mentoring_store (fixture_context (f)),
                                                          relationship));
  GtkWindow *watched = dialog;
  GtkWidget *view;

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&watched);
  gtk_window_set_transient_for (dialog, GTK_WINDOW (f->window));
  gtk_window_present (dialog);
  g_assert_true (bmb_test_wait_for (is_mapped, dialog, 5000));
  view = bmb_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW, NULL);
  type_into (dialog, view, "Budi now leads the weekly review");
  g_assert_true (gtk_widget_has_focus (view));
  bmb_test_press_keys ("ctrl+s");
  g_assert_true (bmb_test_wait_for (window_gone, &watched, 5000));

  stored = bmb_mentoring_store_get_relationship (bmb_context_get_mentoring_store (fixture_context (f)),
                                                 bmb_relationship_get_id (relationship), NULL);
  g_assert_true (bmb_relationship_is_ended (stored));
  g_assert_cmpstr (bmb_relationship_get_closing_achieved (stored), ==,
                   "Budi now leads the weekly review");
}

/* ---- "Prepare Next Session" with nothing planned ---------------------------- */

static gboolean
has_next (gpointer view)
{
  return bmb_preparation_view_get_occurrence (view) != NULL;
}

static void
test_prepare_schedules_next (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(BmbRelationship) relationship = add_relationship (f);
  g_autofree char *expected_title = bmb_relationship_dup_display_title (relationship);
  BmbPreparationView *view;
  GtkWidget *button;
  GtkWindow *editor;
  GtkWidget *title_row;
  g_autoptr(GPtrArray) sessions = NULL;

  view = bmb_preparation_view_new (fixture_context (f), relationship);
  gtk_window_set_transient_for (GTK_WINDOW (view), GTK_WINDOW (f->window));
  gtk_window_present (GTK_WINDOW (view));
  g_assert_true (bmb_test_wait_for (is_mapped, view, 5000));
  g_assert_null (bmb_preparation_view_get_occurrence (view));

  /* The dead end now has a way out. */
  button = find_button (GTK_WIDGET (view), "_Schedule Next Session");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_mapped (button));
  gtk_widget_activate (button);
  g_assert_true (bmb_test_wait_for (toplevel_shown, GSIZE_TO_POINTER (BMB_TYPE_SESSION_EDITOR), 5000));
  editor = bmb_test_find_toplevel (BMB_TYPE_SESSION_EDITOR);
  g_assert_true (gtk_window_get_transient_for (editor) == GTK_WINDOW (view));

  /* Prefilled: the relationship's name, ready to save. */
  title_row = bmb_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, expected_title);
  g_assert_true (bmb_session_editor_is_valid (BMB_SESSION_EDITOR (editor)));
  bmb_test_focus_window (editor);
  bmb_test_press_keys ("ctrl+s");
  g_assert_true (bmb_test_wait_for (toplevel_gone, GSIZE_TO_POINTER (BMB_TYPE_SESSION_EDITOR), 5000));

  sessions = bmb_mentoring_store_list_sessions (bmb_context_get_mentoring_store (fixture_context (f)),
                                                bmb_relationship_get_id (relationship), NULL);
  g_assert_cmpuint (sessions->len, ==, 1);
  g_assert_cmpstr (bmb_session_get_title (g_ptr_array_index (sessions, 0)), ==, expected_title);

  /* Saved: the view shows the meeting to prepare. */
  g_assert_true (bmb_test_wait_for (has_next, view, 5000));
  gtk_window_destroy (GTK_WINDOW (view));
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

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/editing/session/escape-asks", test_session_escape_asks);
  ADD ("/editing/session/ctrl-s-in-notes", test_session_ctrl_s_in_notes);
  ADD ("/editing/session/draft-after-kill", test_session_draft_after_kill);
  ADD ("/editing/session/tick-waits-for-save", test_session_tick_waits_for_save);

  ADD ("/editing/closure/ctrl-s-in-text-view", test_closure_ctrl_s_in_text_view);
  ADD ("/editing/preparation/schedules-next", test_prepare_schedules_next);

#undef ADD

#define ADD_EDITOR(name, make) \
  g_test_add ("/editing/asks/" name, Fixture, (gconstpointer)make, fixture_setup, \
              test_editor_asks, fixture_teardown)

  ADD_EDITOR ("relationship-editor", make_relationship_editor);
  ADD_EDITOR ("contact-editor", make_contact_editor);
  ADD_EDITOR ("goal-editor", make_goal_editor);
  ADD_EDITOR ("checklist-template-editor", make_template_editor);
  ADD_EDITOR ("interaction-dialog", make_interaction_dialog);
  ADD_EDITOR ("closure-dialog", make_closure_dialog);
  ADD_EDITOR ("met-at-event-dialog", make_met_at_event_dialog);

#undef ADD_EDITOR

  return g_test_run ();
}
