/* bmb-session-editor.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The session editor: a modal window made of small sections (what, when,
 * reminders, agenda, notes, action items), in the manner of GNOME Calendar's
 * event editor. Opened on one occurrence of a repeating session, Save asks
 * whether the change is for that occurrence only (an override) or for the
 * whole series, and Delete asks the same (an EXDATE or the series).
 */

#define G_LOG_DOMAIN "bmb-session-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-edit-guard.h"
#include "bmb-error-dialog.h"
#include "bmb-local-time.h"
#include "bmb-mentoring-meetings.h"
#include "bmb-session-action-items-section.h"
#include "bmb-session-agenda-section.h"
#include "bmb-session-carry-over-bar.h"
#include "bmb-session-editor.h"
#include "bmb-session-format.h"
#include "bmb-session-notes-section.h"
#include "bmb-session-reminders-section.h"
#include "bmb-session-schedule-section.h"
#include "bmb-session-summary-section.h"

struct _BmbSessionEditor
{
  AdwWindow                     parent_instance;

  /* template widgets */
  AdwWindowTitle               *window_title;
  GtkButton                    *delete_button;
  BmbSessionCarryOverBar       *carry_over_bar;
  BmbSessionSummarySection     *summary_section;
  BmbSessionScheduleSection    *schedule_section;
  BmbSessionRemindersSection   *reminders_section;
  BmbSessionAgendaSection      *agenda_section;
  BmbSessionNotesSection       *notes_section;
  BmbSessionActionItemsSection *action_items_section;

  /* owned */
  BmbMentoringStore            *store;
  BmbEditGuard                 *guard;  /* Discard Changes?, Ctrl+S, drafts */
  BmbSession                   *session;     /* the series as loaded; never modified */
  BmbOccurrence                *occurrence;  /* as loaded; NULL for a new session */
  BmbMeeting                   *meeting;     /* its record as loaded; NULL for a new session */
  GPtrArray                    *sections;    /* borrowed BmbSessionEditorSection */

  /* state */
  guint                         asking : 1;
};

G_DEFINE_FINAL_TYPE (BmbSessionEditor, bmb_session_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  DELETE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- helpers ------------------------------------------------------------- */

static void
update_actions (BmbSessionEditor *self)
{
  gboolean valid = bmb_session_editor_is_valid (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", valid && !self->asking);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.delete",
                                 self->session != NULL && bmb_session_get_id (self->session) != 0 &&
                                 !self->asking);
}

static gboolean
destroy_idle_cb (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));

  return G_SOURCE_REMOVE;
}

/* Closes the editor once the current event (a dialog's response, say, whose
 * dialog is transient for the editor) is over. */
static void
close_soon (BmbSessionEditor *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  g_idle_add_full (G_PRIORITY_DEFAULT, destroy_idle_cb, g_object_ref (self), g_object_unref);
}

static gboolean
is_series_occurrence (BmbSessionEditor *self)
{
  return self->occurrence != NULL && self->session != NULL &&
         bmb_session_is_recurring (self->session);
}


static char *
dup_occurrence_day (BmbSessionEditor *self)
{
  g_autoptr(GDateTime) local = bmb_date_time_to_local (bmb_occurrence_get_start (self->occurrence));

  return bmb_session_format_date (local);
}

static BmbOccurrence *
dup_edited_occurrence (BmbSessionEditor  *self,
                       GError           **error)
{
  BmbOccurrence *occurrence;

  occurrence = bmb_mentoring_store_get_occurrence (self->store,
                                                   bmb_occurrence_get_session_id (self->occurrence),
                                                   bmb_occurrence_get_recurrence_id (self->occurrence),
                                                   error);
  if (occurrence == NULL)
    return NULL;

  for (guint i = 0; i < self->sections->len; i++)
    bmb_session_editor_section_apply_occurrence (g_ptr_array_index (self->sections, i), occurrence);

  return occurrence;
}

static gboolean
occurrences_differ (BmbOccurrence *a,
                    BmbOccurrence *b)
{
  return g_strcmp0 (bmb_occurrence_get_title (a), bmb_occurrence_get_title (b)) != 0 ||
         g_strcmp0 (bmb_occurrence_get_location (a), bmb_occurrence_get_location (b)) != 0 ||
         g_strcmp0 (bmb_occurrence_get_notes (a), bmb_occurrence_get_notes (b)) != 0 ||
         bmb_occurrence_get_status (a) != bmb_occurrence_get_status (b) ||
         bmb_occurrence_get_duration_min (a) != bmb_occurrence_get_duration_min (b) ||
         !g_date_time_equal (bmb_occurrence_get_start (a), bmb_occurrence_get_start (b));
}

static BmbSession *
dup_series (BmbSessionEditor  *self,
            GError           **error)
{
  BmbSession *session;

  if (bmb_session_get_id (self->session) == 0)
    session = bmb_session_new ();
  else if (!(session = bmb_mentoring_store_get_session (self->store,
                                                        bmb_session_get_id (self->session),
                                                        error)))
    return NULL;

  for (guint i = 0; i < self->sections->len; i++)
    bmb_session_editor_section_apply (g_ptr_array_index (self->sections, i), session);

  return session;
}

/* Writes @session (and @occurrence's override, if any) and everything the
 * sections keep outside the session row: one core call, one transaction. */
static gboolean
write_session (BmbSessionEditor  *self,
               BmbSession        *session,
               BmbOccurrence     *occurrence,
               GError           **error)
{
  g_autoptr(BmbSessionChanges) changes = bmb_session_changes_new ();

  for (guint i = 0; i < self->sections->len; i++)
    bmb_session_editor_section_collect_changes (g_ptr_array_index (self->sections, i), changes);

  /* The agenda, notes and action items of this meeting only: applied to its
   * record as stored now, so that what the editor does not show stays. */
  if (self->meeting != NULL)
    {
      changes->meeting = bmb_mentoring_store_get_meeting (self->store,
                                                          bmb_meeting_get_session_id (self->meeting),
                                                          bmb_meeting_get_recurrence_id (self->meeting),
                                                          error);
      if (changes->meeting == NULL)
        return FALSE;
      for (guint i = 0; i < self->sections->len; i++)
        bmb_session_editor_section_apply_meeting (g_ptr_array_index (self->sections, i),
                                                  changes->meeting);
    }

  if (!bmb_mentoring_store_save_session_changes (self->store, session, occurrence, changes, error))
    return FALSE;

  g_debug ("Saved session %" G_GINT64_FORMAT, bmb_session_get_id (session));
  bmb_edit_guard_saved (self->guard);
  g_signal_emit (self, signals[SAVED], 0, bmb_session_get_id (session));
  close_soon (self);

  return TRUE;
}

/* The whole series. Opened on an occurrence, what the user did not change
 * there keeps the series' own value (an occurrence may show an override). */
static gboolean
save_series (BmbSessionEditor  *self,
             GError           **error)
{
  g_autoptr(BmbSession) session = dup_series (self, error);
  g_autoptr(BmbOccurrence) edited = NULL;
  BmbOccurrence *loaded = self->occurrence;

  if (session == NULL)
    return FALSE;

  if (is_series_occurrence (self))
    {
      if (!(edited = dup_edited_occurrence (self, error)))
        return FALSE;

      if (g_strcmp0 (bmb_occurrence_get_title (edited), bmb_occurrence_get_title (loaded)) == 0)
        bmb_session_set_title (session, bmb_session_get_title (self->session));
      if (g_strcmp0 (bmb_occurrence_get_location (edited), bmb_occurrence_get_location (loaded)) == 0)
        bmb_session_set_location (session, bmb_session_get_location (self->session));
      if (g_strcmp0 (bmb_occurrence_get_notes (edited), bmb_occurrence_get_notes (loaded)) == 0)
        bmb_session_set_notes (session, bmb_session_get_notes (self->session));
      if (bmb_occurrence_get_status (edited) == bmb_occurrence_get_status (loaded))
        bmb_session_set_status (session, bmb_session_get_status (self->session));
      if (bmb_occurrence_get_duration_min (edited) == bmb_occurrence_get_duration_min (loaded))
        bmb_session_set_duration_min (session, bmb_session_get_duration_min (self->session));
    }

  return write_session (self, session, NULL, error);
}

/* One occurrence: an override. What only a series has (relationship,
 * agenda, reminders) is still saved on the series. */
static gboolean
save_occurrence (BmbSessionEditor  *self,
                 GError           **error)
{
  g_autoptr(BmbSession) session = dup_series (self, error);
  g_autoptr(BmbOccurrence) edited = NULL;

  if (session == NULL || !(edited = dup_edited_occurrence (self, error)))
    return FALSE;

  bmb_session_set_title (session, bmb_session_get_title (self->session));
  bmb_session_set_location (session, bmb_session_get_location (self->session));
  bmb_session_set_notes (session, bmb_session_get_notes (self->session));
  bmb_session_set_status (session, bmb_session_get_status (self->session));
  bmb_session_set_duration_min (session, bmb_session_get_duration_min (self->session));
  bmb_session_set_start_local (session, bmb_session_get_start_local (self->session));
  bmb_session_set_tzid (session, bmb_session_get_tzid (self->session));
  bmb_session_set_rrule (session, bmb_session_get_rrule (self->session));
  bmb_session_set_exdates (session, bmb_session_get_exdates (self->session));

  return write_session (self, session, edited, error);
}

/* ---- callbacks ----------------------------------------------------------- */

static void
on_section_changed_cb (BmbSessionEditor *self)
{
  update_actions (self);
}

static void
on_save_scope_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           BmbSessionEditor *self)
{
  g_autoptr(GError) error = NULL;
  BmbSessionEditorScope scope;

  self->asking = FALSE;
  update_actions (self);

  if (g_str_equal (response, "occurrence"))
    scope = BMB_SESSION_EDITOR_SCOPE_OCCURRENCE;
  else if (g_str_equal (response, "series"))
    scope = BMB_SESSION_EDITOR_SCOPE_SERIES;
  else
    return;

  if (!bmb_session_editor_save (self, scope, &error))
    bmb_error_dialog_show (GTK_WIDGET (self), _("Could Not Save the Session"), error);
}

static void
ask_save_scope (BmbSessionEditor *self)
{
  g_autofree char *day = dup_occurrence_day (self);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Change a Repeating Session?"),
                                                       NULL));
  adw_message_dialog_format_body (dialog,
                                  _("“%s” repeats. Change only the session on %s, "
                                    "or every session in the series?"),
                                  bmb_session_get_title (self->session), day);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "occurrence", _("Only _This Occurrence"),
                                    "series", _("_All Sessions in the Series"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "occurrence", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "occurrence");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_save_scope_response_cb), self, 0);

  self->asking = TRUE;
  update_actions (self);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
request_delete (BmbSessionEditor *self,
                const char       *recurrence_id)
{
  const char *title = self->occurrence != NULL ? bmb_occurrence_get_title (self->occurrence)
                                               : bmb_session_get_title (self->session);

  g_signal_emit (self, signals[DELETE_REQUESTED], 0,
                 bmb_session_get_id (self->session), recurrence_id, title);
  close_soon (self);
}

static void
on_delete_scope_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             BmbSessionEditor *self)
{
  self->asking = FALSE;
  update_actions (self);

  if (g_str_equal (response, "occurrence"))
    request_delete (self, bmb_occurrence_get_recurrence_id (self->occurrence));
  else if (g_str_equal (response, "series"))
    request_delete (self, NULL);
}

/* The agenda rows are made in code: a draft keeps the items themselves, so
 * that restoring it makes the rows the widget walk then fills. */
static GVariant *
snapshot_agenda (GtkWidget *widget)
{
  BmbSessionEditor *self = BMB_SESSION_EDITOR (widget);
  GListModel *items = bmb_session_agenda_section_get_items (self->agenda_section);
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(sb)"));
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(BmbAgendaItem) item = g_list_model_get_item (items, i);
      const char *text = bmb_agenda_item_get_text (item);

      g_variant_builder_add (&builder, "(sb)", text != NULL ? text : "",
                             bmb_agenda_item_get_done (item));
    }

  return g_variant_builder_end (&builder);
}

static void
restore_agenda (GtkWidget *widget,
                GVariant  *state)
{
  BmbSessionEditor *self = BMB_SESSION_EDITOR (widget);
  g_autoptr(BmbSession) holder = bmb_session_new ();
  GVariantIter iter;
  const char *text;
  gboolean done;

  if (!g_variant_is_of_type (state, G_VARIANT_TYPE ("a(sb)")))
    return;

  g_variant_iter_init (&iter, state);
  while (g_variant_iter_next (&iter, "(&sb)", &text, &done))
    bmb_agenda_item_set_done (bmb_session_append_agenda_item (holder, text), done);

  bmb_session_editor_section_load (BMB_SESSION_EDITOR_SECTION (self->agenda_section),
                                   self->store, holder, self->occurrence);
}

/* What the meeting before left open joins this meeting's agenda and action
 * items, saved with Save like any other edit. */
static void
on_carry_over_cb (BmbSessionEditor *self,
                  GPtrArray        *agenda,
                  GPtrArray        *action_items)
{
  for (guint i = 0; i < agenda->len; i++)
    bmb_session_agenda_section_append (self->agenda_section,
                                       bmb_agenda_item_get_text (g_ptr_array_index (agenda, i)));
  for (guint i = 0; i < action_items->len; i++)
    bmb_session_action_items_section_append (self->action_items_section,
                                             g_ptr_array_index (action_items, i));
  bmb_edit_guard_changed (self->guard);
}

/* ---- actions ------------------------------------------------------------- */

static void
editor_save_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  BmbSessionEditor *self = BMB_SESSION_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (!bmb_session_editor_is_valid (self) || self->asking)
    return;

  if (!bmb_session_editor_save (self, BMB_SESSION_EDITOR_SCOPE_ASK, &error))
    bmb_error_dialog_show (GTK_WIDGET (self), _("Could Not Save the Session"), error);
}

/* Closing asks first when something changed (the edit guard). */
static void
editor_cancel_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
editor_delete_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  BmbSessionEditor *self = BMB_SESSION_EDITOR (widget);
  g_autofree char *day = NULL;
  AdwMessageDialog *dialog;

  if (self->session == NULL || bmb_session_get_id (self->session) == 0 || self->asking)
    return;

  /* A single session goes at once; the page offers Undo. */
  if (!is_series_occurrence (self))
    {
      request_delete (self, NULL);
      return;
    }

  day = dup_occurrence_day (self);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Delete a Repeating Session?"),
                                                       NULL));
  adw_message_dialog_format_body (dialog,
                                  _("“%s” repeats. Delete only the session on %s, "
                                    "or every session in the series?"),
                                  bmb_occurrence_get_title (self->occurrence), day);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "occurrence", _("Only _This Occurrence"),
                                    "series", _("_All Sessions in the Series"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "series", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_scope_response_cb), self, 0);

  self->asking = TRUE;
  update_actions (self);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- GObject ------------------------------------------------------------- */

static void
bmb_session_editor_dispose (GObject *object)
{
  BmbSessionEditor *self = (BmbSessionEditor *)object;

  g_clear_pointer (&self->sections, g_ptr_array_unref);
  g_clear_object (&self->guard);
  gtk_widget_dispose_template (GTK_WIDGET (self), BMB_TYPE_SESSION_EDITOR);
  g_clear_object (&self->store);
  g_clear_object (&self->session);
  g_clear_object (&self->occurrence);
  g_clear_object (&self->meeting);

  G_OBJECT_CLASS (bmb_session_editor_parent_class)->dispose (object);
}

static void
bmb_session_editor_class_init (BmbSessionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bmb_session_editor_dispose;

  /**
   * BmbSessionEditor::saved:
   * @session_id: the id of the saved session
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /**
   * BmbSessionEditor::delete-requested:
   * @session_id: the session
   * @recurrence_id: (nullable): one occurrence, or NULL for the whole session
   * @title: what to call it in an Undo toast
   */
  signals[DELETE_REQUESTED] = g_signal_new ("delete-requested", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 3,
                                            G_TYPE_INT64, G_TYPE_STRING, G_TYPE_STRING);

  g_type_ensure (BMB_TYPE_SESSION_CARRY_OVER_BAR);
  g_type_ensure (BMB_TYPE_SESSION_SUMMARY_SECTION);
  g_type_ensure (BMB_TYPE_SESSION_SCHEDULE_SECTION);
  g_type_ensure (BMB_TYPE_SESSION_REMINDERS_SECTION);
  g_type_ensure (BMB_TYPE_SESSION_AGENDA_SECTION);
  g_type_ensure (BMB_TYPE_SESSION_NOTES_SECTION);
  g_type_ensure (BMB_TYPE_SESSION_ACTION_ITEMS_SECTION);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/bmb-session-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, BmbSessionEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, BmbSessionEditor, delete_button);
  gtk_widget_class_bind_template_child (widget_class, BmbSessionEditor, carry_over_bar);
  gtk_widget_class_bind_template_callback (widget_class, on_carry_over_cb);
  gtk_widget_class_bind_template_child (widget_class, BmbSessionEditor, summary_section);
  gtk_widget_class_bind_template_child (widget_class, BmbSessionEditor, schedule_section);
  gtk_widget_class_bind_template_child (widget_class, BmbSessionEditor, reminders_section);
  gtk_widget_class_bind_template_child (widget_class, BmbSessionEditor, agenda_section);
  gtk_widget_class_bind_template_child (widget_class, BmbSessionEditor, notes_section);
  gtk_widget_class_bind_template_child (widget_class, BmbSessionEditor, action_items_section);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, editor_save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, editor_cancel_action);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, editor_delete_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
}

static void
bmb_session_editor_init (BmbSessionEditor *self)
{
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->sections = g_ptr_array_new ();
  g_ptr_array_add (self->sections, self->summary_section);
  g_ptr_array_add (self->sections, self->schedule_section);
  g_ptr_array_add (self->sections, self->reminders_section);
  g_ptr_array_add (self->sections, self->agenda_section);
  g_ptr_array_add (self->sections, self->notes_section);
  g_ptr_array_add (self->sections, self->action_items_section);

  for (guint i = 0; i < self->sections->len; i++)
    g_signal_connect_object (g_ptr_array_index (self->sections, i), "changed",
                             G_CALLBACK (on_section_changed_cb), self, G_CONNECT_SWAPPED);

  /* Ctrl+Enter saves even from the notes, whose text view would otherwise
   * take Enter for itself. */
  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>Return|<Control>KP_Enter"),
                                                          gtk_named_action_new ("editor.save")));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  self->guard = bmb_edit_guard_new (GTK_WINDOW (self), "editor.save");
  bmb_edit_guard_set_extra (self->guard, snapshot_agenda, restore_agenda);

  update_actions (self);
}

/* ---- public API ---------------------------------------------------------- */

BmbSessionEditor *
bmb_session_editor_new (GtkWindow         *parent,
                        BmbMentoringStore *store)
{
  BmbSessionEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (BMB_IS_MENTORING_STORE (store), NULL);

  self = g_object_new (BMB_TYPE_SESSION_EDITOR,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);

  return self;
}

static void
load (BmbSessionEditor *self)
{
  gboolean is_new = bmb_session_get_id (self->session) == 0;
  const char *title = is_new ? _("New Session") : _("Edit Session");
  g_autofree char *draft_key = NULL;

  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title,
                                 is_series_occurrence (self)
                                   ? _("One session of a series") : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->delete_button), !is_new);

  for (guint i = 0; i < self->sections->len; i++)
    bmb_session_editor_section_load (g_ptr_array_index (self->sections, i),
                                     self->store, self->session, self->occurrence);
  if (self->meeting != NULL)
    {
      for (guint i = 0; i < self->sections->len; i++)
        bmb_session_editor_section_load_meeting (g_ptr_array_index (self->sections, i),
                                                 self->meeting);
      bmb_session_carry_over_bar_load (self->carry_over_bar, self->store,
                                       bmb_meeting_get_session_id (self->meeting),
                                       bmb_meeting_get_recurrence_id (self->meeting));
    }

  update_actions (self);
  if (is_new)
    gtk_widget_grab_focus (GTK_WIDGET (self->summary_section));

  draft_key = is_new ? g_strdup ("session/new")
                     : g_strdup_printf ("session/%" G_GINT64_FORMAT "/%s",
                                        bmb_session_get_id (self->session),
                                        self->occurrence != NULL
                                          ? bmb_occurrence_get_recurrence_id (self->occurrence)
                                          : "");
  bmb_edit_guard_loaded (self->guard, draft_key);
}

void
bmb_session_editor_load_new (BmbSessionEditor *self,
                             GDateTime        *start,
                             gint64            relationship_id)
{
  g_autofree char *tzid = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) zoned = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GVariant) defaults = NULL;
  g_autoptr(GArray) reminders = g_array_new (FALSE, FALSE, sizeof (int));
  GVariantIter iter;
  int minutes;

  g_return_if_fail (BMB_IS_SESSION_EDITOR (self));

  tzid = bmb_session_schedule_section_dup_system_tzid ();
  zone = g_time_zone_new_identifier (tzid);
  if (zone == NULL)
    zone = g_time_zone_new_utc ();

  if (start != NULL)
    zoned = g_date_time_to_timezone (start, zone);
  else
    {
      g_autoptr(GDateTime) hour = NULL;

      /* The next full hour. */
      now = g_date_time_new_now (zone);
      hour = g_date_time_new (zone, g_date_time_get_year (now), g_date_time_get_month (now),
                              g_date_time_get_day_of_month (now), g_date_time_get_hour (now), 0, 0);
      zoned = g_date_time_add_hours (hour, 1);
    }

  g_clear_object (&self->session);
  g_clear_object (&self->occurrence);
  g_clear_object (&self->meeting);
  self->session = bmb_session_new ();
  bmb_session_set_start (self->session, zoned, tzid);
  bmb_session_set_duration_min (self->session, 60);

  settings = g_settings_new (APP_ID);
  defaults = g_settings_get_value (settings, "default-reminders");
  g_variant_iter_init (&iter, defaults);
  while (g_variant_iter_next (&iter, "i", &minutes))
    g_array_append_val (reminders, minutes);
  bmb_session_set_reminders (self->session, (const int *)(gpointer)reminders->data, reminders->len);

  bmb_session_summary_section_set_default_relationship (self->summary_section, relationship_id);
  load (self);
}

void
bmb_session_editor_load_follow_up (BmbSessionEditor *self,
                                   gint64            relationship_id,
                                   BmbOccurrence    *previous,
                                   const char       *title)
{
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) now = bmb_date_time_new_now_local ();

  g_return_if_fail (BMB_IS_SESSION_EDITOR (self));
  g_return_if_fail (previous == NULL || BMB_IS_OCCURRENCE (previous));

  if (previous != NULL)
    {
      start = g_date_time_add_weeks (bmb_occurrence_get_start (previous), 1);
      /* Weekly from there, to the first such day still ahead (ten years at most). */
      for (guint i = 0; i < 520 && g_date_time_compare (start, now) <= 0; i++)
        {
          GDateTime *later = g_date_time_add_weeks (start, 1);

          g_date_time_unref (start);
          start = later;
        }
    }

  bmb_session_editor_load_new (self, start, relationship_id);

  if (title == NULL && previous != NULL)
    title = bmb_occurrence_get_title (previous);
  bmb_session_set_title (self->session, title);
  if (previous != NULL)
    {
      bmb_session_set_location (self->session, bmb_occurrence_get_location (previous));
      bmb_session_set_duration_min (self->session, bmb_occurrence_get_duration_min (previous));
    }
  load (self);
}

gboolean
bmb_session_editor_load_occurrence (BmbSessionEditor  *self,
                                    gint64             session_id,
                                    const char        *recurrence_id,
                                    GError           **error)
{
  g_autoptr(BmbSession) session = NULL;
  g_autoptr(BmbOccurrence) occurrence = NULL;
  g_autoptr(BmbMeeting) meeting = NULL;

  g_return_val_if_fail (BMB_IS_SESSION_EDITOR (self), FALSE);
  g_return_val_if_fail (session_id > 0, FALSE);
  g_return_val_if_fail (recurrence_id != NULL, FALSE);

  if (!(session = bmb_mentoring_store_get_session (self->store, session_id, error)) ||
      !(occurrence = bmb_mentoring_store_get_occurrence (self->store, session_id,
                                                         recurrence_id, error)) ||
      !(meeting = bmb_mentoring_store_get_meeting (self->store, session_id, recurrence_id, error)))
    return FALSE;

  g_set_object (&self->session, session);
  g_set_object (&self->occurrence, occurrence);
  g_set_object (&self->meeting, meeting);
  load (self);

  return TRUE;
}

gint64
bmb_session_editor_get_session_id (BmbSessionEditor *self)
{
  g_return_val_if_fail (BMB_IS_SESSION_EDITOR (self), 0);

  return self->session != NULL ? bmb_session_get_id (self->session) : 0;
}

const char *
bmb_session_editor_get_recurrence_id (BmbSessionEditor *self)
{
  g_return_val_if_fail (BMB_IS_SESSION_EDITOR (self), NULL);

  return self->occurrence != NULL ? bmb_occurrence_get_recurrence_id (self->occurrence) : NULL;
}

gboolean
bmb_session_editor_is_valid (BmbSessionEditor *self)
{
  g_return_val_if_fail (BMB_IS_SESSION_EDITOR (self), FALSE);

  if (self->session == NULL || self->sections == NULL)
    return FALSE;

  for (guint i = 0; i < self->sections->len; i++)
    {
      if (!bmb_session_editor_section_is_valid (g_ptr_array_index (self->sections, i)))
        return FALSE;
    }

  return TRUE;
}

gboolean
bmb_session_editor_save (BmbSessionEditor       *self,
                         BmbSessionEditorScope   scope,
                         GError                **error)
{
  g_autoptr(BmbOccurrence) edited = NULL;

  g_return_val_if_fail (BMB_IS_SESSION_EDITOR (self), FALSE);

  if (!bmb_session_editor_is_valid (self))
    {
      g_set_error_literal (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID,
                           _("The session cannot be saved yet: it needs a title, a valid "
                             "date and a duration."));
      return FALSE;
    }

  /* New, single, or a change only a whole series can take. */
  if (!is_series_occurrence (self) ||
      bmb_session_schedule_section_changes_series (self->schedule_section))
    return save_series (self, error);

  if (!(edited = dup_edited_occurrence (self, error)))
    return FALSE;

  /* Only series-wide things changed (agenda, reminders…): nothing to ask. */
  if (!occurrences_differ (edited, self->occurrence))
    return save_series (self, error);

  switch (scope)
    {
    case BMB_SESSION_EDITOR_SCOPE_OCCURRENCE:
      return save_occurrence (self, error);

    case BMB_SESSION_EDITOR_SCOPE_SERIES:
      return save_series (self, error);

    case BMB_SESSION_EDITOR_SCOPE_ASK:
    default:
      ask_save_scope (self);
      return TRUE;
    }
}
