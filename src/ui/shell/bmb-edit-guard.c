/* bmb-edit-guard.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The state of an editor is read from its widgets in tree order: each
 * field is keyed by its path of child positions ("0/1/3/0"), which stays the
 * same for the same editor on the same item. Search entries, menus, drop-down
 * popups and recycling list views are not part of what the user edits and
 * are skipped.
 */

#define G_LOG_DOMAIN "bmb-edit-guard"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-application.h"
#include "bmb-context.h"
#include "bmb-date-row.h"
#include "bmb-format.h"
#include "bmb-edit-guard.h"
#include "bmb-local-time.h"
#include "bmb-window.h"

/* How long after the last key or click the draft is written. */
#define DRAFT_DELAY_MS 1000

struct _BmbEditGuard
{
  GObject                   parent_instance;

  /* borrowed */
  GtkWindow                *editor;       /* weak pointer */

  /* owned */
  char                     *save_action;
  char                     *draft_key;
  GVariant                 *baseline;     /* a{sv}, NULL until loaded */
  char                     *saved_draft;  /* the text last written, NULL: none */

  /* state */
  BmbEditGuardSnapshotFunc  extra_snapshot;
  BmbEditGuardRestoreFunc   extra_restore;
  guint                     draft_id;
  gulong                    map_id;
  guint                     asking : 1;
  guint                     closing : 1;
};

G_DEFINE_FINAL_TYPE (BmbEditGuard, bmb_edit_guard, G_TYPE_OBJECT)

/* ---- reading and writing the widgets -------------------------------------- */

static gboolean
is_skipped (GtkWidget *widget)
{
  return GTK_IS_SEARCH_ENTRY (widget) || GTK_IS_SEARCH_BAR (widget) ||
         GTK_IS_POPOVER_MENU (widget) || GTK_IS_LIST_VIEW (widget) ||
         GTK_IS_GRID_VIEW (widget) || GTK_IS_COLUMN_VIEW (widget) ||
         (!gtk_widget_get_visible (widget) && !GTK_IS_POPOVER (widget));
}

static GVariant *
read_calendar (GtkCalendar *calendar)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autofree char *text = bmb_local_date_format (date);

  return g_variant_new_string (text);
}

static void
write_calendar (GtkCalendar *calendar,
                GVariant    *value)
{
  g_autoptr(GDateTime) date = NULL;

  if (!g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    return;
  date = bmb_local_date_to_date_time (g_variant_get_string (value, NULL), NULL, 12);
  if (date != NULL)
    gtk_calendar_select_day (calendar, date);
}

/* The value @widget holds for the user, or NULL if it holds none (its
 * children may). *descend says whether its children are walked. */
static GVariant *
read_value (GtkWidget *widget,
            gboolean  *descend)
{
  *descend = FALSE;

  /* A date row's value is its date ("" for none), not its calendar's day. */
  if (BMB_IS_DATE_ROW (widget))
    {
      const char *date = bmb_date_row_get_date (BMB_DATE_ROW (widget));

      return g_variant_new_string (date != NULL ? date : "");
    }
  if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextIter start, end;
      g_autofree char *text = NULL;

      if (!gtk_text_view_get_editable (GTK_TEXT_VIEW (widget)))
        return NULL;
      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      return g_variant_new_string (text);
    }
  if (GTK_IS_SPIN_BUTTON (widget))
    return g_variant_new_double (gtk_spin_button_get_value (GTK_SPIN_BUTTON (widget)));
  if (GTK_IS_DROP_DOWN (widget))
    return g_variant_new_uint32 (gtk_drop_down_get_selected (GTK_DROP_DOWN (widget)));
  if (ADW_IS_COMBO_ROW (widget))
    return g_variant_new_uint32 (adw_combo_row_get_selected (ADW_COMBO_ROW (widget)));
  if (GTK_IS_CALENDAR (widget))
    return read_calendar (GTK_CALENDAR (widget));
  if (GTK_IS_RANGE (widget))
    return g_variant_new_double (gtk_range_get_value (GTK_RANGE (widget)));
  if (GTK_IS_SWITCH (widget))
    return g_variant_new_boolean (gtk_switch_get_active (GTK_SWITCH (widget)));
  if (GTK_IS_CHECK_BUTTON (widget))
    return g_variant_new_boolean (gtk_check_button_get_active (GTK_CHECK_BUTTON (widget)));
  /* A menu button's own toggle only says whether its popover is open. */
  if (GTK_IS_TOGGLE_BUTTON (widget) && !GTK_IS_MENU_BUTTON (gtk_widget_get_parent (widget)))
    return g_variant_new_boolean (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (widget)));

  /* The text itself lives in the innermost editable (the GtkText of an
   * entry or an entry row); the wrappers hold other widgets too. */
  if (GTK_IS_EDITABLE (widget) && gtk_editable_get_delegate (GTK_EDITABLE (widget)) == NULL)
    {
      if (!gtk_editable_get_editable (GTK_EDITABLE (widget)))
        return NULL;
      return g_variant_new_string (gtk_editable_get_text (GTK_EDITABLE (widget)));
    }

  *descend = TRUE;
  return NULL;
}

static void
write_value (GtkWidget *widget,
             GVariant  *value)
{
  gboolean b = g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN) && g_variant_get_boolean (value);
  gboolean is_double = g_variant_is_of_type (value, G_VARIANT_TYPE_DOUBLE);
  gboolean is_uint = g_variant_is_of_type (value, G_VARIANT_TYPE_UINT32);
  gboolean is_string = g_variant_is_of_type (value, G_VARIANT_TYPE_STRING);

  if (BMB_IS_DATE_ROW (widget) && is_string)
    {
      const char *date = g_variant_get_string (value, NULL);

      bmb_date_row_set_date (BMB_DATE_ROW (widget), *date != '\0' ? date : NULL);
    }
  else if (GTK_IS_TEXT_VIEW (widget) && is_string)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)),
                              g_variant_get_string (value, NULL), -1);
  else if (GTK_IS_SPIN_BUTTON (widget) && is_double)
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (widget), g_variant_get_double (value));
  else if (GTK_IS_DROP_DOWN (widget) && is_uint)
    gtk_drop_down_set_selected (GTK_DROP_DOWN (widget), g_variant_get_uint32 (value));
  else if (ADW_IS_COMBO_ROW (widget) && is_uint)
    adw_combo_row_set_selected (ADW_COMBO_ROW (widget), g_variant_get_uint32 (value));
  else if (GTK_IS_CALENDAR (widget))
    write_calendar (GTK_CALENDAR (widget), value);
  else if (GTK_IS_RANGE (widget) && is_double)
    gtk_range_set_value (GTK_RANGE (widget), g_variant_get_double (value));
  else if (GTK_IS_SWITCH (widget))
    gtk_switch_set_active (GTK_SWITCH (widget), b);
  else if (GTK_IS_CHECK_BUTTON (widget))
    gtk_check_button_set_active (GTK_CHECK_BUTTON (widget), b);
  else if (GTK_IS_TOGGLE_BUTTON (widget) && !GTK_IS_MENU_BUTTON (gtk_widget_get_parent (widget)))
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (widget), b);
  else if (GTK_IS_EDITABLE (widget) && is_string)
    gtk_editable_set_text (GTK_EDITABLE (widget), g_variant_get_string (value, NULL));
}

static void
walk (GtkWidget    *widget,
      GString      *path,
      GVariantDict *read_into,
      GVariantDict *write_from)
{
  gsize len = path->len;
  guint i = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child), i++)
    {
      gboolean descend;
      g_autoptr(GVariant) value = NULL;

      if (is_skipped (child))
        continue;

      g_string_append_printf (path, "%s%u", len > 0 ? "/" : "", i);
      value = read_value (child, &descend);
      if (value != NULL && read_into != NULL)
        g_variant_dict_insert_value (read_into, path->str, g_variant_ref_sink (g_steal_pointer (&value)));
      else if (value != NULL && write_from != NULL)
        {
          g_autoptr(GVariant) stored = g_variant_dict_lookup_value (write_from, path->str, NULL);

          if (stored != NULL)
            write_value (child, stored);
        }

      if (descend)
        walk (child, path, read_into, write_from);
      g_string_truncate (path, len);
    }
}

static GVariant *
snapshot (BmbEditGuard *self)
{
  g_auto(GVariantDict) dict = G_VARIANT_DICT_INIT (NULL);
  g_autoptr(GString) path = g_string_new (NULL);

  walk (GTK_WIDGET (self->editor), path, &dict, NULL);
  if (self->extra_snapshot != NULL)
    {
      GVariant *extra = self->extra_snapshot (GTK_WIDGET (self->editor));

      if (extra != NULL)
        g_variant_dict_insert_value (&dict, "extra", extra);
    }

  return g_variant_ref_sink (g_variant_dict_end (&dict));
}

static void
restore (BmbEditGuard *self,
         GVariant     *state)
{
  g_auto(GVariantDict) dict = G_VARIANT_DICT_INIT (state);
  g_autoptr(GString) path = g_string_new (NULL);
  g_autoptr(GVariant) extra = NULL;

  /* The extra state first: it may add the rows the walk then fills. */
  extra = g_variant_dict_lookup_value (&dict, "extra", NULL);
  if (extra != NULL && self->extra_restore != NULL)
    self->extra_restore (GTK_WIDGET (self->editor), extra);

  walk (GTK_WIDGET (self->editor), path, NULL, &dict);
}

/* ---- drafts -------------------------------------------------------------- */

static BmbDraftStore *
get_draft_store (BmbEditGuard *self)
{
  GtkWindow *parent = self->editor ? gtk_window_get_transient_for (self->editor) : NULL;
  BmbApplication *app;

  if (BMB_IS_WINDOW (parent))
    return bmb_context_get_draft_store (bmb_window_get_context (BMB_WINDOW (parent)));

  app = bmb_application_get_default ();
  if (app != NULL && bmb_application_get_context (app) != NULL)
    return bmb_context_get_draft_store (bmb_application_get_context (app));

  return NULL;
}

static void
forget_draft (BmbEditGuard *self)
{
  BmbDraftStore *store;
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->draft_id, g_source_remove);
  if (self->draft_key == NULL || (store = get_draft_store (self)) == NULL)
    return;

  if (!bmb_draft_store_remove (store, self->draft_key, &error))
    g_warning ("Could not remove a draft: %s", error->message);
  g_clear_pointer (&self->saved_draft, g_free);
}

static void
write_draft (BmbEditGuard *self)
{
  g_autoptr(GVariant) now = NULL;
  g_autofree char *text = NULL;
  BmbDraftStore *store;
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->draft_id, g_source_remove);
  if (self->editor == NULL || self->baseline == NULL || self->draft_key == NULL ||
      self->closing || (store = get_draft_store (self)) == NULL)
    return;

  now = snapshot (self);
  if (g_variant_equal (now, self->baseline))
    {
      if (self->saved_draft != NULL)
        forget_draft (self);
      return;
    }

  text = g_variant_print (now, TRUE);
  if (g_strcmp0 (text, self->saved_draft) == 0)
    return;

  if (!bmb_draft_store_save (store, self->draft_key, text, &error))
    {
      /* The edit itself is still in the editor; only the safety net failed. */
      g_warning ("Could not keep a draft of the unsaved changes: %s", error->message);
      return;
    }

  g_debug ("Kept a draft of %s", self->draft_key);
  g_free (self->saved_draft);
  self->saved_draft = g_steal_pointer (&text);
}

static gboolean
draft_timeout_cb (gpointer data)
{
  BmbEditGuard *self = data;

  self->draft_id = 0;
  write_draft (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_draft (BmbEditGuard *self)
{
  if (self->baseline == NULL || self->draft_key == NULL || self->closing)
    return;

  /* Debounced: a second after the last key or click. */
  g_clear_handle_id (&self->draft_id, g_source_remove);
  self->draft_id = g_timeout_add (DRAFT_DELAY_MS, draft_timeout_cb, self);
}

static char *
describe_time (gint64 saved_at)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (saved_at);
  g_autoptr(GDateTime) local = bmb_date_time_to_local (utc);
  g_autofree char *day = bmb_format_date (local);
  g_autofree char *time = bmb_format_time (local);

  /* Translators: when unsaved changes were kept: "December 7, 2026, 14:05" */
  return g_strdup_printf (C_("draft time", "%s, %s"), day, time);
}

static void
on_restore_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        BmbEditGuard     *self)
{
  BmbDraftStore *store;
  g_autofree char *text = NULL;
  g_autoptr(GVariant) state = NULL;
  g_autoptr(GError) error = NULL;

  self->asking = FALSE;
  if (self->editor == NULL || (store = get_draft_store (self)) == NULL)
    return;

  if (!g_str_equal (response, "restore"))
    {
      forget_draft (self);
      return;
    }

  text = bmb_draft_store_lookup (store, self->draft_key, NULL, &error);
  if (text != NULL)
    state = g_variant_parse (G_VARIANT_TYPE_VARDICT, text, NULL, NULL, &error);
  if (state == NULL)
    {
      g_warning ("Could not read a draft: %s", error ? error->message : "gone");
      return;
    }

  restore (self, state);
  g_free (self->saved_draft);
  self->saved_draft = g_steal_pointer (&text);
}

static void
offer_draft (BmbEditGuard *self)
{
  BmbDraftStore *store = get_draft_store (self);
  g_autofree char *text = NULL;
  g_autofree char *when = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  gint64 saved_at = 0;

  if (store == NULL || self->draft_key == NULL)
    return;

  text = bmb_draft_store_lookup (store, self->draft_key, &saved_at, &error);
  if (text == NULL)
    {
      if (error != NULL)
        g_warning ("Could not look for a draft: %s", error->message);
      return;
    }

  when = describe_time (saved_at);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (self->editor,
                                                       _("Restore Unsaved Changes?"), NULL));
  /* Translators: %s is a date and time, "December 7, 2026, 14:05" */
  adw_message_dialog_format_body (dialog,
                                  _("Changes made here on %s were not saved: Bimbing was "
                                    "closed before Save. Restore them?"),
                                  when);
  adw_message_dialog_add_responses (dialog,
                                    "discard", _("_Discard Them"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "restore");
  adw_message_dialog_set_close_response (dialog, "discard");
  gtk_widget_add_css_class (GTK_WIDGET (dialog), "bmb-restore-draft");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_restore_response_cb), self, 0);

  self->asking = TRUE;
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
offer_draft_idle_cb (gpointer data)
{
  BmbEditGuard *self = data;

  if (self->editor != NULL)
    offer_draft (self);

  return G_SOURCE_REMOVE;
}

static void
on_editor_map_cb (BmbEditGuard *self)
{
  g_clear_signal_handler (&self->map_id, self->editor);
  g_idle_add_full (G_PRIORITY_DEFAULT, offer_draft_idle_cb, g_object_ref (self), g_object_unref);
}

/* ---- closing ------------------------------------------------------------- */

static gboolean
destroy_idle_cb (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));

  return G_SOURCE_REMOVE;
}

static void
on_discard_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        BmbEditGuard     *self)
{
  self->asking = FALSE;
  if (self->editor == NULL)
    return;

  if (g_str_equal (response, "discard"))
    {
      /* Once the dialog (transient for the editor) has closed itself. */
      forget_draft (self);
      self->closing = TRUE;
      gtk_widget_set_visible (GTK_WIDGET (self->editor), FALSE);
      g_idle_add_full (G_PRIORITY_DEFAULT, destroy_idle_cb, g_object_ref (self->editor),
                       g_object_unref);
    }
  else if (g_str_equal (response, "save"))
    {
      /* The editor closes itself once it has written; if it cannot (a
       * missing title), it stays open and says why. */
      gtk_widget_activate_action (GTK_WIDGET (self->editor), self->save_action, NULL);
    }
}

static gboolean
on_close_request_cb (GtkWindow    *editor,
                     BmbEditGuard *self)
{
  AdwMessageDialog *dialog;

  if (self->closing)
    return FALSE;

  if (self->asking)
    return TRUE;

  if (!bmb_edit_guard_is_dirty (self))
    {
      forget_draft (self);
      return FALSE;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (editor, _("Discard Changes?"), NULL));
  adw_message_dialog_set_body (dialog, _("The changes made here have not been saved. "
                                         "Discarded changes cannot be restored."));
  adw_message_dialog_add_responses (dialog,
                                    "discard", _("_Discard"),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  gtk_widget_add_css_class (GTK_WIDGET (dialog), "bmb-discard-changes");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_discard_response_cb), self, 0);

  self->asking = TRUE;
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

static void
on_input_cb (BmbEditGuard *self)
{
  schedule_draft (self);
}

/* ---- GObject ------------------------------------------------------------- */

static void
bmb_edit_guard_dispose (GObject *object)
{
  BmbEditGuard *self = (BmbEditGuard *)object;

  g_clear_handle_id (&self->draft_id, g_source_remove);
  if (self->editor != NULL)
    {
      g_clear_signal_handler (&self->map_id, self->editor);
      g_object_remove_weak_pointer (G_OBJECT (self->editor), (gpointer *)&self->editor);
      self->editor = NULL;
    }

  G_OBJECT_CLASS (bmb_edit_guard_parent_class)->dispose (object);
}

static void
bmb_edit_guard_finalize (GObject *object)
{
  BmbEditGuard *self = (BmbEditGuard *)object;

  g_free (self->save_action);
  g_free (self->draft_key);
  g_free (self->saved_draft);
  g_clear_pointer (&self->baseline, g_variant_unref);

  G_OBJECT_CLASS (bmb_edit_guard_parent_class)->finalize (object);
}

static void
bmb_edit_guard_class_init (BmbEditGuardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bmb_edit_guard_dispose;
  object_class->finalize = bmb_edit_guard_finalize;
}

static void
bmb_edit_guard_init (BmbEditGuard *self)
{
}

/* ---- public API ---------------------------------------------------------- */

BmbEditGuard *
bmb_edit_guard_new (GtkWindow  *editor,
                    const char *save_action)
{
  BmbEditGuard *self;
  GtkEventController *controller;
  GtkGesture *click;
  g_autofree char *trigger = NULL;

  g_return_val_if_fail (GTK_IS_WINDOW (editor), NULL);
  g_return_val_if_fail (save_action != NULL, NULL);

  self = g_object_new (BMB_TYPE_EDIT_GUARD, NULL);
  self->editor = editor;
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *)&self->editor);
  self->save_action = g_strdup (save_action);

  g_signal_connect_object (editor, "close-request", G_CALLBACK (on_close_request_cb), self, 0);

  /* Ctrl+S from any field: in the capture phase, before a text view (which
   * would take the key for itself) sees it. */
  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>s"),
                                                          gtk_named_action_new (save_action)));
  gtk_widget_add_controller (GTK_WIDGET (editor), controller);

  /* Any key or click may have changed something: keep a draft soon. */
  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-released", G_CALLBACK (on_input_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (editor), controller);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_object (click, "released", G_CALLBACK (on_input_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (editor), GTK_EVENT_CONTROLLER (click));

  return self;
}

void
bmb_edit_guard_set_extra (BmbEditGuard             *self,
                          BmbEditGuardSnapshotFunc  snapshot_func,
                          BmbEditGuardRestoreFunc   restore_func)
{
  g_return_if_fail (BMB_IS_EDIT_GUARD (self));

  self->extra_snapshot = snapshot_func;
  self->extra_restore = restore_func;
}

void
bmb_edit_guard_loaded (BmbEditGuard *self,
                       const char   *draft_key)
{
  g_return_if_fail (BMB_IS_EDIT_GUARD (self));

  if (self->editor == NULL)
    return;

  g_clear_pointer (&self->baseline, g_variant_unref);
  self->baseline = snapshot (self);
  g_clear_pointer (&self->saved_draft, g_free);
  g_free (self->draft_key);
  self->draft_key = g_strdup (draft_key);

  if (draft_key == NULL)
    return;

  /* Offered over the editor, once the editor is on screen. */
  g_clear_signal_handler (&self->map_id, self->editor);
  if (gtk_widget_get_mapped (GTK_WIDGET (self->editor)))
    on_editor_map_cb (self);
  else
    self->map_id = g_signal_connect_object (self->editor, "map", G_CALLBACK (on_editor_map_cb),
                                            self, G_CONNECT_SWAPPED);
}

gboolean
bmb_edit_guard_is_dirty (BmbEditGuard *self)
{
  g_autoptr(GVariant) now = NULL;

  g_return_val_if_fail (BMB_IS_EDIT_GUARD (self), FALSE);

  if (self->editor == NULL || self->baseline == NULL)
    return FALSE;

  now = snapshot (self);

  return !g_variant_equal (now, self->baseline);
}

void
bmb_edit_guard_saved (BmbEditGuard *self)
{
  g_return_if_fail (BMB_IS_EDIT_GUARD (self));

  forget_draft (self);
  self->closing = TRUE;
}

void
bmb_edit_guard_changed (BmbEditGuard *self)
{
  g_return_if_fail (BMB_IS_EDIT_GUARD (self));

  schedule_draft (self);
}

void
bmb_edit_guard_flush (BmbEditGuard *self)
{
  g_return_if_fail (BMB_IS_EDIT_GUARD (self));

  write_draft (self);
}
