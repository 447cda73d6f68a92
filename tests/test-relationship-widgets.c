/* test-relationship-widgets.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drives the mentoring relationship widgets under Xvfb with real key
 * presses (xdotool): create a relationship in the editor by typing, pick a
 * contact from the search, tick the phase checklist until the stepper
 * offers the next phase and move on, start a session from the preparation
 * view, write a SMART goal in the goal editor and see its progress in the
 * panel, and write the closing summary. Every check reads the database
 * back through the stores.
 */

#include "config.h"

#include <adwaita.h>

#include "bmb-application.h"
#include "bmb-checklist-store.h"
#include "bmb-closure-dialog.h"
#include "bmb-contact-store.h"
#include "bmb-goal-editor.h"
#include "bmb-goal-row.h"
#include "bmb-goal-store.h"
#include "bmb-mentoring-store.h"
#include "bmb-phase-stepper.h"
#include "bmb-preparation-view.h"
#include "bmb-relationship-editor.h"
#include "bmb-relationship-panel.h"
#include "bmb-test-utils.h"

typedef struct
{
  BmbApplication    *app;
  GtkWindow         *main_window;
  BmbContext        *context;
  BmbDatabase       *db;
  BmbMentoringStore *store;
  BmbContactStore   *contacts;
  BmbGoalStore      *goals;
  BmbChecklistStore *checklists;
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

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *dir = bmb_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "bimbing.db", NULL);

  f->app = bmb_test_app_new (path);
  f->main_window = bmb_application_present_main_window (f->app);
  g_assert_nonnull (f->main_window);
  g_assert_true (bmb_test_wait_for (is_mapped, f->main_window, 5000));

  f->context = g_object_ref (bmb_application_get_context (f->app));
  f->db = g_object_ref (bmb_context_get_database (f->context));
  f->store = g_object_ref (bmb_context_get_mentoring_store (f->context));
  f->contacts = g_object_ref (bmb_context_get_contact_store (f->context));
  f->goals = g_object_ref (bmb_context_get_goal_store (f->context));
  f->checklists = g_object_ref (bmb_context_get_checklist_store (f->context));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->checklists);
  g_clear_object (&f->goals);
  g_clear_object (&f->contacts);
  g_clear_object (&f->store);
  g_clear_object (&f->db);
  g_clear_object (&f->context);
  g_clear_pointer (&f->app, bmb_test_app_free);
}

/* ---- Finding widgets by what the user sees -------------------------------------- */

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
  return NULL;
}

/* The first descendant of @root of @type whose title (row, group, button
 * or label text) is @title. */
static GtkWidget *
find_titled (GtkWidget  *root,
             GType       type,
             const char *title)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && g_strcmp0 (widget_title (root), title) == 0)
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

static void
collect (GtkWidget  *root,
         GType       type,
         const char *css_class,
         GPtrArray  *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (css_class == NULL || gtk_widget_has_css_class (root, css_class)))
    g_ptr_array_add (out, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, css_class, out);
}

/* Descendants of @root of @type (with @css_class) that are drawn. */
static GPtrArray *
find_all_mapped (GtkWidget  *root,
                 GType       type,
                 const char *css_class)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  GPtrArray *mapped = g_ptr_array_new ();

  collect (root, type, css_class, all);
  for (guint i = 0; i < all->len; i++)
    if (gtk_widget_get_mapped (g_ptr_array_index (all, i)))
      g_ptr_array_add (mapped, g_ptr_array_index (all, i));

  return mapped;
}


static gboolean
toplevel_shown (gpointer type)
{
  return bmb_test_find_toplevel (GPOINTER_TO_SIZE (type)) != NULL;
}

static gboolean
toplevel_gone (gpointer type)
{
  return bmb_test_find_toplevel (GPOINTER_TO_SIZE (type)) == NULL;
}

/* GtkButton::activate shows the press for a moment before ::clicked. */
static void
press_button (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  gtk_widget_activate (button);
  bmb_test_spin (400);
}

static void
focus_and_type (GtkWidget  *widget,
                const char *text)
{
  g_assert_true (gtk_widget_grab_focus (widget));
  bmb_test_spin (50);
  bmb_test_type_text (text);
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

  focus_and_type (row, text);
  if (!bmb_test_wait_for (editable_has_text, &w, 5000))
    g_error ("typed “%s”, the row shows “%s”", text, gtk_editable_get_text (GTK_EDITABLE (row)));
}

static char *
dup_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* ---- Data --------------------------------------------------------------------------- */

static gint64
add_contact (Fixture    *f,
             const char *name,
             const char *organization)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbContact) contact = bmb_contact_new ();

  bmb_contact_set_display_name (contact, name);
  bmb_contact_set_organization (contact, organization);
  g_assert_true (bmb_contact_store_insert (f->contacts, contact, &error));
  g_assert_no_error (error);

  return bmb_contact_get_id (contact);
}

/* I mentor @mentee_name (a new contact), in @phase. */
static BmbRelationship *
add_relationship (Fixture              *f,
                  const char           *mentee_name,
                  BmbRelationshipPhase  phase)
{
  g_autoptr(GError) error = NULL;
  BmbRelationship *relationship = bmb_relationship_new ();

  bmb_relationship_set_mentee_id (relationship, add_contact (f, mentee_name, NULL));
  bmb_relationship_set_phase (relationship, phase);
  bmb_relationship_set_started_on (relationship, "2026-01-05");
  g_assert_true (bmb_mentoring_store_save_relationship (f->store, relationship, &error));
  g_assert_no_error (error);

  return relationship;
}

/* A single session @days_from_today days away at 10:00 in Jakarta. */
static BmbSession *
add_session (Fixture            *f,
             BmbRelationship    *relationship,
             int                 days_from_today,
             const char         *title,
             const char         *notes,
             const char * const *agenda)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Jakarta");
  g_autoptr(GDateTime) now = g_date_time_new_now (zone);
  g_autoptr(GDateTime) day = g_date_time_add_days (now, days_from_today);
  g_autoptr(GDateTime) start = g_date_time_new (zone, g_date_time_get_year (day),
                                                g_date_time_get_month (day),
                                                g_date_time_get_day_of_month (day), 10, 0, 0);
  BmbSession *session = bmb_session_new ();

  bmb_session_set_title (session, title);
  bmb_session_set_start (session, start, "Asia/Jakarta");
  bmb_session_set_relationship_id (session, bmb_relationship_get_id (relationship));
  bmb_session_set_notes (session, notes);
  for (guint i = 0; agenda != NULL && agenda[i] != NULL; i++)
    bmb_session_append_agenda_item (session, agenda[i]);
  g_assert_true (bmb_mentoring_store_save_session (f->store, session, &error));
  g_assert_no_error (error);

  return session;
}

static BmbActionItem *
add_action_item (Fixture         *f,
                 BmbRelationship *relationship,
                 BmbActionOwner   owner,
                 const char      *text)
{
  g_autoptr(GError) error = NULL;
  BmbActionItem *item = bmb_action_item_new (owner, text);

  bmb_action_item_set_relationship_id (item, bmb_relationship_get_id (relationship));
  g_assert_true (bmb_mentoring_store_save_action_item (f->store, item, &error));
  g_assert_no_error (error);

  return item;
}

static BmbRelationship *
reload_relationship (Fixture         *f,
                     BmbRelationship *relationship)
{
  g_autoptr(GError) error = NULL;
  BmbRelationship *fresh;

  fresh = bmb_mentoring_store_get_relationship (f->store, bmb_relationship_get_id (relationship),
                                                &error);
  g_assert_no_error (error);
  g_assert_nonnull (fresh);

  return fresh;
}

/* ---- Relationship editor ---------------------------------------------------------- */

static BmbRelationshipEditor *
open_editor (Fixture         *f,
             BmbRelationship *relationship)
{
  BmbRelationshipEditor *editor = bmb_relationship_editor_new (f->context, relationship);

  gtk_window_set_transient_for (GTK_WINDOW (editor), f->main_window);
  gtk_window_present (GTK_WINDOW (editor));
  g_assert_true (bmb_test_wait_for (is_mapped, editor, 5000));
  bmb_test_focus_window (GTK_WINDOW (editor));

  return editor;
}

static GtkWidget *
find_person_row (BmbRelationshipEditor *editor,
                 const char            *side_title)
{
  GtkWidget *group = find_titled (GTK_WIDGET (editor), ADW_TYPE_PREFERENCES_GROUP, side_title);

  g_assert_nonnull (group);
  return find_titled (group, ADW_TYPE_ENTRY_ROW, "Name");
}

static gboolean
save_enabled (BmbRelationshipEditor *editor)
{
  GtkWidget *save = find_titled (GTK_WIDGET (editor), GTK_TYPE_BUTTON, "_Save");

  g_assert_nonnull (save);
  return gtk_widget_get_sensitive (save);
}

static void
saved_cb (gpointer  emitter,
          GObject  *object,
          GObject **out)
{
  g_set_object (out, object);
}

static void
test_editor_create (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) relationships = NULL;
  g_autoptr(GObject) saved = NULL;
  g_autofree char *today = dup_today ();
  BmbRelationshipEditor *editor;
  BmbRelationship *r;
  GtkWidget *role_row, *mentor_group, *mentee_row, *cadence_row;
  g_autoptr(GPtrArray) kinds = NULL;

  editor = open_editor (f, NULL);
  g_signal_connect (editor, "saved", G_CALLBACK (saved_cb), &saved);

  /* A new relationship: I am the mentee, and nobody is named yet. */
  g_assert_false (save_enabled (editor));
  role_row = bmb_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW, NULL);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (role_row)), ==,
                    BMB_RELATIONSHIP_EDITOR_ROLE_MENTEE);

  /* I am the mentor: the Mentor group goes, the Mentee name is needed. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (role_row), BMB_RELATIONSHIP_EDITOR_ROLE_MENTOR);
  mentor_group = find_titled (GTK_WIDGET (editor), ADW_TYPE_PREFERENCES_GROUP, "Mentor");
  g_assert_false (gtk_widget_get_visible (mentor_group));
  g_assert_false (save_enabled (editor));

  mentee_row = find_person_row (editor, "Mentee");
  type_into_row (mentee_row, "Siti Rahma");
  g_assert_true (save_enabled (editor));
  g_assert_nonnull (find_titled (GTK_WIDGET (editor), GTK_TYPE_LABEL,
                                 "“Siti Rahma” will be added to your contacts."));

  /* Five types, each explained; pick Peer by activating its row. */
  kinds = find_all_mapped (GTK_WIDGET (editor), ADW_TYPE_ACTION_ROW, "relationship-kind");
  g_assert_cmpuint (kinds->len, ==, 5);
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (kinds, 1)), ==, "Peer");
  g_assert_cmpstr (adw_action_row_get_subtitle (g_ptr_array_index (kinds, 1)), ==,
                   "Colleagues at a similar level learn from each other.");
  gtk_widget_activate (g_ptr_array_index (kinds, 1));

  cadence_row = find_titled (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Meeting Cadence");
  type_into_row (cadence_row, "Every two weeks");

  bmb_test_press_keys ("ctrl+s");
  g_assert_true (bmb_test_wait_for (toplevel_gone, GSIZE_TO_POINTER (BMB_TYPE_RELATIONSHIP_EDITOR),
                                    5000));

  relationships = bmb_mentoring_store_list_relationships (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (relationships->len, ==, 1);
  r = g_ptr_array_index (relationships, 0);
  g_assert_cmpint (bmb_relationship_get_mentor_id (r), ==, 0);
  g_assert_cmpint (bmb_relationship_get_mentee_id (r), >, 0);
  g_assert_cmpstr (bmb_relationship_get_mentee_name (r), ==, "Siti Rahma");
  g_assert_cmpint (bmb_relationship_get_kind (r), ==, BMB_RELATIONSHIP_KIND_PEER);
  g_assert_cmpint (bmb_relationship_get_phase (r), ==, BMB_RELATIONSHIP_PHASE_PREPARATION);
  g_assert_cmpstr (bmb_relationship_get_cadence (r), ==, "Every two weeks");
  g_assert_null (bmb_relationship_get_goals (r));
  g_assert_cmpstr (bmb_relationship_get_started_on (r), ==, today);
  g_assert_null (bmb_relationship_get_planned_end_on (r));

  /* The typed name became a contact; ::saved carried the stored relationship. */
  g_assert_cmpint (bmb_contact_store_count (f->contacts, &error), ==, 1);
  g_assert_true (BMB_IS_RELATIONSHIP (saved));
  g_assert_cmpint (bmb_relationship_get_id (BMB_RELATIONSHIP (saved)), ==,
                   bmb_relationship_get_id (r));
  g_assert_cmpstr (bmb_relationship_get_mentee_name (BMB_RELATIONSHIP (saved)), ==, "Siti Rahma");
}

static gboolean
suggestion_shown (gpointer data)
{
  g_autoptr(GPtrArray) rows = find_all_mapped (data, ADW_TYPE_ACTION_ROW, "contact-suggestion");

  return rows->len > 0;
}

static gboolean
row_has_focus (gpointer row)
{
  return gtk_widget_has_focus (row);
}

static void
test_editor_pick_contact (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) relationships = NULL;
  g_autoptr(GPtrArray) suggestions = NULL;
  BmbRelationshipEditor *editor;
  BmbRelationship *r;
  GtkWidget *mentor_row, *end_calendar;
  g_autoptr(GDateTime) early = g_date_time_new_local (2020, 1, 1, 12, 0, 0);
  g_autoptr(GDateTime) later = g_date_time_new_local (2030, 6, 30, 12, 0, 0);
  gint64 budi = add_contact (f, "Budi Santoso", "Gojek");

  add_contact (f, "Bunga Lestari", NULL);
  add_contact (f, "Ahmad Yani", NULL);

  editor = open_editor (f, NULL);

  /* I am the mentee (the default): search the mentor among my contacts. */
  mentor_row = find_person_row (editor, "Mentor");
  type_into_row (mentor_row, "Budi");
  g_assert_true (bmb_test_wait_for (suggestion_shown, editor, 5000));
  suggestions = find_all_mapped (GTK_WIDGET (editor), ADW_TYPE_ACTION_ROW, "contact-suggestion");
  g_assert_cmpuint (suggestions->len, ==, 1);
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (suggestions, 0)), ==,
                   "Budi Santoso");
  g_assert_cmpstr (adw_action_row_get_subtitle (g_ptr_array_index (suggestions, 0)), ==, "Gojek");

  /* Down goes into the matches, Return picks one. */
  bmb_test_press_keys ("Down");
  g_assert_true (bmb_test_wait_for (row_has_focus, g_ptr_array_index (suggestions, 0), 5000));
  bmb_test_press_keys ("Return");
  {
    TextWait w = { GTK_EDITABLE (mentor_row), "Budi Santoso" };
    g_assert_true (bmb_test_wait_for (editable_has_text, &w, 5000));
  }
  g_assert_nonnull (find_titled (GTK_WIDGET (editor), GTK_TYPE_LABEL,
                                 "Linked to your contact “Budi Santoso”."));
  g_assert_true (save_enabled (editor));

  /* A planned end before the start is refused inline. */
  {
    g_autoptr(GPtrArray) calendars = g_ptr_array_new ();

    /* In the popovers of the Start and Planned End buttons. */
    collect (GTK_WIDGET (editor), GTK_TYPE_CALENDAR, NULL, calendars);
    g_assert_cmpuint (calendars->len, ==, 2);
    end_calendar = g_ptr_array_index (calendars, 1);
  }
  gtk_calendar_select_day (GTK_CALENDAR (end_calendar), early);
  g_assert_false (save_enabled (editor));
  g_assert_true (gtk_widget_get_visible (find_titled (GTK_WIDGET (editor), GTK_TYPE_LABEL,
                                                      "The planned end is before the start.")));
  gtk_calendar_select_day (GTK_CALENDAR (end_calendar), later);
  g_assert_true (save_enabled (editor));

  /* Save with the header bar button. */
  gtk_widget_activate (find_titled (GTK_WIDGET (editor), GTK_TYPE_BUTTON, "_Save"));
  g_assert_true (bmb_test_wait_for (toplevel_gone, GSIZE_TO_POINTER (BMB_TYPE_RELATIONSHIP_EDITOR),
                                    5000));

  relationships = bmb_mentoring_store_list_relationships (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (relationships->len, ==, 1);
  r = g_ptr_array_index (relationships, 0);
  g_assert_cmpint (bmb_relationship_get_mentor_id (r), ==, budi);
  g_assert_cmpint (bmb_relationship_get_mentee_id (r), ==, 0);
  g_assert_cmpint (bmb_relationship_get_kind (r), ==, BMB_RELATIONSHIP_KIND_ONE_ON_ONE);
  g_assert_cmpstr (bmb_relationship_get_planned_end_on (r), ==, "2030-06-30");
  /* No new contact for a picked one. */
  g_assert_cmpint (bmb_contact_store_count (f->contacts, &error), ==, 3);

  /* Editing it again shows the contact linked and keeps what was stored. */
  editor = open_editor (f, r);
  mentor_row = find_person_row (editor, "Mentor");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (mentor_row)), ==, "Budi Santoso");
  g_assert_true (save_enabled (editor));
  type_into_row (find_titled (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Goals"),
                 "Learn to lead a team");
  bmb_test_press_keys ("ctrl+s");
  g_assert_true (bmb_test_wait_for (toplevel_gone, GSIZE_TO_POINTER (BMB_TYPE_RELATIONSHIP_EDITOR),
                                    5000));
  {
    g_autoptr(BmbRelationship) fresh = reload_relationship (f, r);

    g_assert_cmpstr (bmb_relationship_get_goals (fresh), ==, "Learn to lead a team");
    g_assert_cmpint (bmb_relationship_get_mentor_id (fresh), ==, budi);
    g_assert_cmpstr (bmb_relationship_get_planned_end_on (fresh), ==, "2030-06-30");
  }
}

/* ---- Phase stepper ------------------------------------------------------------------- */

static GtkWindow *
window_with (Fixture    *f,
             const char *title,
             GtkWidget  *child)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_window_set_title (GTK_WINDOW (window), title);
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 760);
  gtk_window_set_transient_for (GTK_WINDOW (window), f->main_window);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), child);
  adw_window_set_content (ADW_WINDOW (window), scrolled);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (bmb_test_wait_for (is_mapped, window, 5000));

  return GTK_WINDOW (window);
}

static GtkToggleButton *
find_step (GtkWidget  *stepper,
           const char *phase_label)
{
  GtkWidget *label = find_titled (stepper, GTK_TYPE_LABEL, phase_label);

  g_assert_nonnull (label);
  return GTK_TOGGLE_BUTTON (gtk_widget_get_ancestor (label, GTK_TYPE_TOGGLE_BUTTON));
}

static guint
count_ticked (Fixture         *f,
              BmbRelationship *relationship)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) assessments = NULL;

  assessments = bmb_checklist_store_list_for_relationship (f->checklists,
                                                           bmb_relationship_get_id (relationship),
                                                           &error);
  g_assert_no_error (error);
  if (assessments->len == 0)
    return 0;

  g_assert_cmpuint (assessments->len, ==, 1);
  g_assert_false (bmb_assessment_is_complete (g_ptr_array_index (assessments, 0)));
  return bmb_assessment_get_n_answered (g_ptr_array_index (assessments, 0));
}

static void
test_stepper_advance (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(BmbRelationship) relationship = add_relationship (f, "Dewi", BMB_RELATIONSHIP_PHASE_PREPARATION);
  g_autoptr(BmbRelationship) stored = NULL;
  g_autoptr(GPtrArray) checks = NULL;
  GtkWidget *stepper = bmb_phase_stepper_new ();
  GtkWidget *move;
  GtkWindow *window;
  GtkToggleButton *preparation, *negotiation;

  /* The built-ins are not synchronised in this database: the stepper does it. */
  bmb_phase_stepper_set_stores (BMB_PHASE_STEPPER (stepper), f->store, f->checklists);
  bmb_phase_stepper_set_relationship (BMB_PHASE_STEPPER (stepper), relationship);
  window = window_with (f, "Stepper", stepper);

  /* Four steps, the current one highlighted and on show, with what it is for. */
  preparation = find_step (stepper, "Preparation");
  negotiation = find_step (stepper, "Negotiation");
  g_assert_nonnull (find_step (stepper, "Enabling growth"));
  g_assert_nonnull (find_step (stepper, "Closure"));
  g_assert_true (gtk_toggle_button_get_active (preparation));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (preparation), "suggested-action"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (negotiation), "suggested-action"));
  g_assert_true (gtk_widget_get_mapped (find_titled (stepper, GTK_TYPE_LABEL,
                                                     "Get to know each other, clarify expectations and build trust.")));

  /* The preparation items of the built-in checklist, none ticked. */
  checks = find_all_mapped (stepper, GTK_TYPE_CHECK_BUTTON, NULL);
  g_assert_cmpuint (checks->len, ==, 3);
  g_assert_nonnull (find_titled (stepper, ADW_TYPE_ACTION_ROW, "Know why you want mentoring"));
  g_assert_false (bmb_phase_stepper_is_phase_complete (BMB_PHASE_STEPPER (stepper)));

  /* Tick them with the keyboard: focus each box and press space. */
  bmb_test_focus_window (window);
  for (guint i = 0; i < checks->len; i++)
    {
      g_assert_true (gtk_widget_grab_focus (g_ptr_array_index (checks, i)));
      bmb_test_press_keys ("space");
      g_assert_true (bmb_test_wait_for ((gboolean (*) (gpointer))gtk_check_button_get_active,
                                        g_ptr_array_index (checks, i), 5000));
      g_assert_cmpuint (count_ticked (f, relationship), ==, i + 1);
      if (i + 1 < checks->len)
        g_assert_null (find_titled (stepper, GTK_TYPE_BUTTON, "Move to Negotiation"));
    }

  /* Every item ticked: the stepper offers the next phase. */
  g_assert_true (bmb_phase_stepper_is_phase_complete (BMB_PHASE_STEPPER (stepper)));
  move = find_titled (stepper, GTK_TYPE_BUTTON, "Move to Negotiation");
  g_assert_nonnull (move);
  g_assert_true (gtk_widget_get_mapped (move));

  /* Unticking one takes the offer back; ticking it again brings it back. */
  gtk_widget_activate (g_ptr_array_index (checks, 0));
  g_assert_true (bmb_test_wait_for (is_hidden, gtk_widget_get_parent (move), 5000));
  g_assert_cmpuint (count_ticked (f, relationship), ==, 2);
  gtk_widget_activate (g_ptr_array_index (checks, 0));
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (move)));

  /* Moving on saves the relationship and shows the negotiation checklist. */
  press_button (move);
  stored = reload_relationship (f, relationship);
  g_assert_cmpint (bmb_relationship_get_phase (stored), ==, BMB_RELATIONSHIP_PHASE_NEGOTIATION);
  g_assert_true (gtk_toggle_button_get_active (negotiation));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (negotiation), "suggested-action"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (preparation), "suggested-action"));
  g_assert_nonnull (find_titled (stepper, ADW_TYPE_ACTION_ROW, "Agree on confidentiality"));
  g_ptr_array_unref (checks);
  checks = find_all_mapped (stepper, GTK_TYPE_CHECK_BUTTON, NULL);
  g_assert_cmpuint (checks->len, ==, 4);
  g_assert_false (bmb_phase_stepper_is_phase_complete (BMB_PHASE_STEPPER (stepper)));

  /* Looking back at preparation shows its ticks and offers to go back. */
  gtk_toggle_button_set_active (preparation, TRUE);
  g_assert_cmpint (bmb_phase_stepper_get_viewed_phase (BMB_PHASE_STEPPER (stepper)), ==,
                   BMB_RELATIONSHIP_PHASE_PREPARATION);
  g_ptr_array_unref (checks);
  checks = find_all_mapped (stepper, GTK_TYPE_CHECK_BUTTON, NULL);
  g_assert_cmpuint (checks->len, ==, 3);
  for (guint i = 0; i < checks->len; i++)
    g_assert_true (gtk_check_button_get_active (g_ptr_array_index (checks, i)));
  g_assert_true (gtk_widget_get_mapped (find_titled (stepper, GTK_TYPE_BUTTON,
                                                     "Go Back to Preparation")));

  gtk_window_destroy (window);
}

/* ---- Preparation view --------------------------------------------------------------- */

static gboolean
label_shown (GtkWidget  *root,
             const char *text)
{
  GtkWidget *label = find_titled (root, GTK_TYPE_LABEL, text);

  return label != NULL && gtk_widget_get_mapped (label);
}

static void
test_preparation_start (Fixture       *f,
                        gconstpointer  data)
{
  static const char * const agenda[] = { "Review the CV", "Plan the interview", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbRelationship) relationship = add_relationship (f, "Rina Wati", BMB_RELATIONSHIP_PHASE_ENABLING);
  g_autoptr(BmbSession) previous = add_session (f, relationship, -7, "First talk",
                                                "We talked about the CV.\nRina sends a draft.", NULL);
  g_autoptr(BmbSession) next = add_session (f, relationship, 1, "Second talk", NULL, agenda);
  g_autoptr(BmbActionItem) mine G_GNUC_UNUSED = add_action_item (f, relationship, BMB_ACTION_OWNER_MENTOR,
                                                   "Send the article on interviews");
  g_autoptr(BmbActionItem) hers G_GNUC_UNUSED = add_action_item (f, relationship, BMB_ACTION_OWNER_MENTEE,
                                                   "Update the CV");
  g_autoptr(BmbActionItem) old = add_action_item (f, relationship, BMB_ACTION_OWNER_MENTEE,
                                                  "Already done");
  g_autoptr(BmbSession) stored = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) agenda_rows = NULL;
  g_autoptr(GPtrArray) open_items = NULL;
  BmbPreparationView *view;
  GtkWidget *start;

  g_assert_true (bmb_mentoring_store_set_action_item_done (f->store, bmb_action_item_get_id (old),
                                                           TRUE, &error));
  g_assert_no_error (error);

  view = bmb_preparation_view_new (f->context, relationship);
  gtk_window_set_transient_for (GTK_WINDOW (view), f->main_window);
  gtk_window_present (GTK_WINDOW (view));
  g_assert_true (bmb_test_wait_for (is_mapped, view, 5000));

  /* The next session with its agenda, the previous notes, the phase. */
  g_assert_cmpint (bmb_occurrence_get_session_id (bmb_preparation_view_get_occurrence (view)), ==,
                   bmb_session_get_id (next));
  g_assert_nonnull (find_titled (GTK_WIDGET (view), ADW_TYPE_ACTION_ROW, "Second talk"));
  agenda_rows = find_all_mapped (GTK_WIDGET (view), ADW_TYPE_ACTION_ROW, "agenda-item");
  g_assert_cmpuint (agenda_rows->len, ==, 2);
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (agenda_rows, 1)), ==,
                   "Plan the interview");
  g_assert_true (label_shown (GTK_WIDGET (view), "We talked about the CV.\nRina sends a draft."));
  g_assert_nonnull (find_titled (GTK_WIDGET (view), ADW_TYPE_ACTION_ROW, "Enabling growth"));

  /* Open action items of both sides; the done one is not there. */
  items = find_all_mapped (GTK_WIDGET (view), ADW_TYPE_ACTION_ROW, "action-item");
  g_assert_cmpuint (items->len, ==, 2);
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (items, 0)), ==,
                   "Send the article on interviews");
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (items, 1)), ==,
                   "Update the CV");
  g_assert_true (gtk_widget_get_mapped (find_titled (GTK_WIDGET (view), ADW_TYPE_PREFERENCES_GROUP,
                                                     "The Mentee’s Action Items")));

  /* Ticking one off here is saved. */
  gtk_widget_activate (g_ptr_array_index (items, 0));
  open_items = bmb_mentoring_store_list_open_action_items (f->store,
                                                           bmb_relationship_get_id (relationship),
                                                           &error);
  g_assert_no_error (error);
  g_assert_cmpuint (open_items->len, ==, 1);
  g_assert_cmpstr (bmb_action_item_get_text (g_ptr_array_index (open_items, 0)), ==, "Update the CV");

  /* Start Session (Ctrl+Return) writes the agenda as bullets into the notes and closes. */
  start = find_titled (GTK_WIDGET (view), GTK_TYPE_BUTTON, "_Start Session");
  g_assert_true (gtk_widget_get_sensitive (start));
  bmb_test_focus_window (GTK_WINDOW (view));
  bmb_test_press_keys ("ctrl+Return");
  g_assert_true (bmb_test_wait_for (toplevel_gone, GSIZE_TO_POINTER (BMB_TYPE_PREPARATION_VIEW),
                                    5000));

  /* The notes are the meeting's own (its record), not the series'. */
  {
    g_autoptr(BmbOccurrence) started =
      bmb_mentoring_store_get_occurrence (f->store, bmb_session_get_id (next),
                                          bmb_session_get_start_local (next), &error);

    g_assert_no_error (error);
    g_assert_cmpstr (bmb_occurrence_get_notes (started), ==,
                     "• Review the CV\n• Plan the interview\n");
  }
  /* The previous session is untouched. */
  g_clear_object (&stored);
  stored = bmb_mentoring_store_get_session (f->store, bmb_session_get_id (previous), &error);
  g_assert_cmpstr (bmb_session_get_notes (stored), ==, "We talked about the CV.\nRina sends a draft.");
}

static void
test_preparation_notes (void)
{
  g_autoptr(BmbSession) session = bmb_session_new ();
  g_autoptr(BmbSession) empty = bmb_session_new ();
  g_autofree char *fresh = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *again = NULL;
  g_autofree char *none = NULL;

  bmb_session_append_agenda_item (session, "  Salary talk ");
  bmb_session_append_agenda_item (session, "");
  bmb_session_append_agenda_item (session, "Next steps");

  fresh = bmb_preparation_view_build_notes (session, NULL);
  g_assert_cmpstr (fresh, ==, "• Salary talk\n• Next steps\n");
  /* Notes already there stay below the agenda. */
  kept = bmb_preparation_view_build_notes (session, "Met at the café.");
  g_assert_cmpstr (kept, ==, "• Salary talk\n• Next steps\n\nMet at the café.");
  /* Starting twice does not repeat the agenda. */
  again = bmb_preparation_view_build_notes (session, kept);
  g_assert_cmpstr (again, ==, kept);
  none = bmb_preparation_view_build_notes (empty, "Only notes");
  g_assert_cmpstr (none, ==, "Only notes");
}

static void
test_preparation_nothing_planned (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(BmbRelationship) relationship = add_relationship (f, "Tono", BMB_RELATIONSHIP_PHASE_PREPARATION);
  BmbPreparationView *view = bmb_preparation_view_new (f->context, relationship);
  g_autoptr(GError) error = NULL;

  gtk_window_present (GTK_WINDOW (view));
  g_assert_true (bmb_test_wait_for (is_mapped, view, 5000));

  g_assert_null (bmb_preparation_view_get_occurrence (view));
  g_assert_nonnull (bmb_test_find_widget (GTK_WIDGET (view), ADW_TYPE_STATUS_PAGE, NULL));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (bmb_test_find_widget (GTK_WIDGET (view),
                                                                                      ADW_TYPE_STATUS_PAGE,
                                                                                      NULL))),
                   ==, "No Session Planned");
  g_assert_false (gtk_widget_get_sensitive (find_titled (GTK_WIDGET (view), GTK_TYPE_BUTTON,
                                                         "_Start Session")));
  g_assert_false (bmb_preparation_view_start_session (view, &error));
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_NOT_FOUND);

  gtk_window_destroy (GTK_WINDOW (view));
}

/* ---- Panel: goals and closure ------------------------------------------------------- */

static GPtrArray *
goal_rows (GtkWidget *panel)
{
  return find_all_mapped (panel, BMB_TYPE_GOAL_ROW, NULL);
}

static gboolean
has_no_goal_row (gpointer panel)
{
  g_autoptr(GPtrArray) rows = goal_rows (panel);

  return rows->len == 0;
}

typedef struct
{
  GtkWidget *panel;
  guint      progress;
} ProgressWait;

static gboolean
goal_row_shows (gpointer data)
{
  ProgressWait *w = data;
  g_autoptr(GPtrArray) rows = goal_rows (w->panel);
  GtkWidget *bar;

  if (rows->len != 1)
    return FALSE;

  bar = bmb_test_find_widget (g_ptr_array_index (rows, 0), GTK_TYPE_PROGRESS_BAR, NULL);
  return G_APPROX_VALUE (gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (bar)),
                         w->progress / 100.0, 0.001);
}

static BmbGoalEditor *
wait_for_goal_editor (void)
{
  GtkWindow *editor;

  g_assert_true (bmb_test_wait_for (toplevel_shown, GSIZE_TO_POINTER (BMB_TYPE_GOAL_EDITOR), 5000));
  editor = bmb_test_find_toplevel (BMB_TYPE_GOAL_EDITOR);
  g_assert_true (bmb_test_wait_for (is_mapped, editor, 5000));
  bmb_test_focus_window (editor);

  return BMB_GOAL_EDITOR (editor);
}

static void
test_panel_goal (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbRelationship) relationship = add_relationship (f, "Wulan", BMB_RELATIONSHIP_PHASE_ENABLING);
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) criteria = NULL;
  GtkWidget *panel = bmb_relationship_panel_new (f->context);
  BmbGoalEditor *editor;
  GtkWidget *scale;
  GtkWindow *window;
  BmbGoal *goal;
  ProgressWait wait40 = { panel, 40 };
  ProgressWait wait75 = { panel, 75 };

  bmb_relationship_panel_set_relationship (BMB_RELATIONSHIP_PANEL (panel), relationship);
  window = window_with (f, "Panel", panel);

  /* The card: partner, role and type, phase, no goals yet. */
  g_assert_true (label_shown (panel, "Mentoring with Wulan"));
  g_assert_true (label_shown (panel, "You mentor Wulan · One-on-one"));
  g_assert_nonnull (bmb_test_find_widget (panel, BMB_TYPE_PHASE_STEPPER, NULL));
  g_assert_true (has_no_goal_row (panel));

  /* Add Goal opens the editor: type the title and a SMART criterion, set progress. */
  gtk_widget_activate_action (panel, "panel.add-goal", NULL);
  editor = wait_for_goal_editor ();
  g_assert_false (gtk_widget_get_sensitive (find_titled (GTK_WIDGET (editor), GTK_TYPE_BUTTON, "_Save")));
  type_into_row (find_titled (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Goal"), "Speak at a meetup");
  criteria = find_all_mapped (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "smart-criterion");
  g_assert_cmpuint (criteria->len, ==, 5);
  g_assert_true (label_shown (GTK_WIDGET (editor), "What exactly do you want to achieve?"));
  type_into_row (g_ptr_array_index (criteria, 0), "A ten-minute talk");
  type_into_row (g_ptr_array_index (criteria, 1), "One talk given");

  scale = bmb_test_find_widget (GTK_WIDGET (editor), GTK_TYPE_SCALE, NULL);
  g_assert_true (gtk_widget_grab_focus (scale));
  for (guint i = 0; i < 8; i++)
    bmb_test_press_keys ("Right");
  bmb_test_spin (100);
  g_assert_cmpfloat (gtk_range_get_value (GTK_RANGE (scale)), ==, 40);
  bmb_test_press_keys ("ctrl+s");
  g_assert_true (bmb_test_wait_for (toplevel_gone, GSIZE_TO_POINTER (BMB_TYPE_GOAL_EDITOR), 5000));

  /* It is stored and shows in the panel with its progress. */
  stored = bmb_goal_store_list (f->goals, bmb_relationship_get_id (relationship), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->len, ==, 1);
  goal = g_ptr_array_index (stored, 0);
  g_assert_cmpstr (bmb_goal_get_title (goal), ==, "Speak at a meetup");
  g_assert_cmpstr (bmb_goal_get_specific (goal), ==, "A ten-minute talk");
  g_assert_cmpstr (bmb_goal_get_measurable (goal), ==, "One talk given");
  g_assert_null (bmb_goal_get_achievable (goal));
  g_assert_cmpuint (bmb_goal_get_progress (goal), ==, 40);
  g_assert_true (bmb_test_wait_for (goal_row_shows, &wait40, 5000));
  rows = goal_rows (panel);
  g_assert_true (label_shown (g_ptr_array_index (rows, 0), "Speak at a meetup"));
  g_assert_true (label_shown (g_ptr_array_index (rows, 0), "40 %"));
  g_assert_true (label_shown (g_ptr_array_index (rows, 0), "2 of 5 SMART criteria"));

  /* Activating the row edits the goal. */
  gtk_widget_activate (g_ptr_array_index (rows, 0));
  editor = wait_for_goal_editor ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_titled (GTK_WIDGET (editor),
                                                                     ADW_TYPE_ENTRY_ROW, "Goal"))),
                   ==, "Speak at a meetup");
  scale = bmb_test_find_widget (GTK_WIDGET (editor), GTK_TYPE_SCALE, NULL);
  g_assert_cmpfloat (gtk_range_get_value (GTK_RANGE (scale)), ==, 40);
  gtk_range_set_value (GTK_RANGE (scale), 75);
  bmb_test_press_keys ("ctrl+s");
  g_assert_true (bmb_test_wait_for (toplevel_gone, GSIZE_TO_POINTER (BMB_TYPE_GOAL_EDITOR), 5000));
  g_assert_true (bmb_test_wait_for (goal_row_shows, &wait75, 5000));

  /* Delete from the editor: gone from the list at once, from the store only
   * when the Undo toast is gone (here: when the panel moves on). */
  g_ptr_array_unref (rows);
  rows = goal_rows (panel);
  gtk_widget_activate (g_ptr_array_index (rows, 0));
  editor = wait_for_goal_editor ();
  gtk_widget_activate (find_titled (GTK_WIDGET (editor), GTK_TYPE_BUTTON, "_Delete Goal"));
  g_assert_true (bmb_test_wait_for (toplevel_gone, GSIZE_TO_POINTER (BMB_TYPE_GOAL_EDITOR), 5000));
  g_assert_true (bmb_test_wait_for (has_no_goal_row, panel, 5000));
  g_clear_pointer (&stored, g_ptr_array_unref);
  stored = bmb_goal_store_list (f->goals, bmb_relationship_get_id (relationship), &error);
  g_assert_cmpuint (stored->len, ==, 1);

  bmb_relationship_panel_set_relationship (BMB_RELATIONSHIP_PANEL (panel), NULL);
  g_clear_pointer (&stored, g_ptr_array_unref);
  stored = bmb_goal_store_list (f->goals, bmb_relationship_get_id (relationship), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->len, ==, 0);
  g_assert_true (gtk_widget_get_mapped (bmb_test_find_widget (panel, ADW_TYPE_STATUS_PAGE, NULL)));

  gtk_window_destroy (window);
}

static gboolean
text_view_has_text (gpointer data)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (data);

  return gtk_text_buffer_get_char_count (buffer) > 0;
}

static void
test_panel_closure (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(BmbRelationship) relationship = add_relationship (f, "Yusuf", BMB_RELATIONSHIP_PHASE_CLOSURE);
  g_autoptr(BmbRelationship) stored = NULL;
  g_autoptr(BmbActionItem) item G_GNUC_UNUSED = add_action_item (f, relationship, BMB_ACTION_OWNER_MENTEE,
                                                   "Write the reflection");
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) open_items = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = dup_today ();
  GtkWidget *panel = bmb_relationship_panel_new (f->context);
  GtkWidget *closing_group, *achieved;
  GtkWindow *window, *dialog;

  bmb_relationship_panel_set_relationship (BMB_RELATIONSHIP_PANEL (panel), relationship);
  window = window_with (f, "Panel", panel);

  /* An open action item of the mentee: tick it off from the panel. */
  items = find_all_mapped (panel, ADW_TYPE_ACTION_ROW, "action-item");
  g_assert_cmpuint (items->len, ==, 1);
  gtk_widget_activate (g_ptr_array_index (items, 0));
  open_items = bmb_mentoring_store_list_open_action_items (f->store,
                                                           bmb_relationship_get_id (relationship),
                                                           &error);
  g_assert_no_error (error);
  g_assert_cmpuint (open_items->len, ==, 0);

  /* In closure the panel offers the closing summary. */
  g_assert_true (gtk_widget_get_mapped (find_titled (panel, GTK_TYPE_BUTTON,
                                                     "Write the _Closing Summary")));
  closing_group = find_titled (panel, ADW_TYPE_PREFERENCES_GROUP, "Closing Summary");
  g_assert_false (gtk_widget_get_visible (closing_group));

  gtk_widget_activate (find_titled (panel, GTK_TYPE_BUTTON, "Write the _Closing Summary"));
  g_assert_true (bmb_test_wait_for (toplevel_shown, GSIZE_TO_POINTER (BMB_TYPE_CLOSURE_DIALOG), 5000));
  dialog = bmb_test_find_toplevel (BMB_TYPE_CLOSURE_DIALOG);
  g_assert_true (bmb_test_wait_for (is_mapped, dialog, 5000));
  bmb_test_focus_window (dialog);

  /* Nothing written yet: End Relationship is disabled. */
  g_assert_false (gtk_widget_get_sensitive (find_titled (GTK_WIDGET (dialog), GTK_TYPE_BUTTON,
                                                         "_End Relationship")));
  achieved = bmb_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW, NULL);
  focus_and_type (achieved, "Yusuf got the job");
  g_assert_true (bmb_test_wait_for (text_view_has_text, achieved, 5000));
  bmb_test_spin (300);
  g_assert_true (gtk_widget_get_sensitive (find_titled (GTK_WIDGET (dialog), GTK_TYPE_BUTTON,
                                                        "_End Relationship")));
  bmb_test_press_keys ("ctrl+s");
  g_assert_true (bmb_test_wait_for (toplevel_gone, GSIZE_TO_POINTER (BMB_TYPE_CLOSURE_DIALOG), 5000));

  stored = reload_relationship (f, relationship);
  g_assert_true (bmb_relationship_is_ended (stored));
  g_assert_cmpstr (bmb_relationship_get_ended_on (stored), ==, today);
  g_assert_cmpstr (bmb_relationship_get_closing_achieved (stored), ==, "Yusuf got the job");
  g_assert_null (bmb_relationship_get_closing_thanks (stored));
  g_assert_cmpint (bmb_relationship_get_phase (stored), ==, BMB_RELATIONSHIP_PHASE_CLOSURE);

  /* The panel shows the summary instead of the offer. */
  g_assert_true (gtk_widget_get_mapped (closing_group));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (find_titled (closing_group,
                                                                             ADW_TYPE_ACTION_ROW,
                                                                             "What Was Achieved"))),
                   ==, "Yusuf got the job");
  g_assert_false (gtk_widget_get_mapped (find_titled (panel, GTK_TYPE_BUTTON,
                                                      "Write the _Closing Summary")));

  gtk_window_destroy (window);
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

  g_test_add_func ("/relationships/preparation/notes", test_preparation_notes);

  g_test_add ("/relationships/editor/create", Fixture, NULL,
              fixture_setup, test_editor_create, fixture_teardown);
  g_test_add ("/relationships/editor/pick-contact", Fixture, NULL,
              fixture_setup, test_editor_pick_contact, fixture_teardown);
  g_test_add ("/relationships/stepper/advance", Fixture, NULL,
              fixture_setup, test_stepper_advance, fixture_teardown);
  g_test_add ("/relationships/preparation/start", Fixture, NULL,
              fixture_setup, test_preparation_start, fixture_teardown);
  g_test_add ("/relationships/preparation/nothing-planned", Fixture, NULL,
              fixture_setup, test_preparation_nothing_planned, fixture_teardown);
  g_test_add ("/relationships/panel/goal", Fixture, NULL,
              fixture_setup, test_panel_goal, fixture_teardown);
  g_test_add ("/relationships/panel/closure", Fixture, NULL,
              fixture_setup, test_panel_closure, fixture_teardown);

  return g_test_run ();
}
