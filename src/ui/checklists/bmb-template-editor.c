/* bmb-template-editor.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Edits a copy of the template read from the store, so the page keeps
 * showing the saved one until Save.
 */

#define G_LOG_DOMAIN "bmb-template-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-edit-guard.h"
#include "bmb-error-dialog.h"
#include "bmb-template-editor.h"
#include "bmb-template-item-row.h"

struct _BmbTemplateEditor
{
  AdwWindow             parent_instance;

  /* template widgets */
  AdwWindowTitle       *window_title;
  GtkButton            *save_button;
  AdwEntryRow          *title_row;
  AdwEntryRow          *description_row;
  AdwComboRow          *kind_row;
  AdwPreferencesGroup  *items_group;
  GtkListBox           *items_list;

  /* owned */
  BmbEditGuard         *guard;  /* Discard Changes?, Ctrl+S, drafts */
  BmbChecklistStore    *store;
  BmbChecklistTemplate *template;

  /* state */
  gboolean              updating;
  gboolean              closing;
};

G_DEFINE_FINAL_TYPE (BmbTemplateEditor, bmb_template_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (; *text; text = g_utf8_next_char (text))
    {
      if (!g_unichar_isspace (g_utf8_get_char (text)))
        return FALSE;
    }

  return TRUE;
}

/* Save needs a title and at least one item with a title; an item with only
 * an explanation is marked, empty items are dropped on save. */
static void
update_actions (BmbTemplateEditor *self)
{
  gboolean valid = !is_blank (bmb_checklist_template_get_title (self->template));
  guint n_titled = 0;

  for (guint i = 0; i < bmb_checklist_template_get_n_items (self->template); i++)
    {
      BmbChecklistItem *item = bmb_checklist_template_get_item (self->template, i);
      gboolean blank_title = is_blank (bmb_checklist_item_get_title (item));
      gboolean orphan = blank_title && !is_blank (bmb_checklist_item_get_explanation (item));
      GtkWidget *row = bmb_template_editor_get_row (self, i);

      if (!blank_title)
        n_titled++;
      if (orphan)
        valid = FALSE;
      if (row != NULL)
        bmb_template_item_row_set_invalid (BMB_TEMPLATE_ITEM_ROW (row), orphan);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", valid && n_titled > 0);
}

static void
mark_dirty (BmbTemplateEditor *self)
{
  /* Items added, moved or removed in code: keep a draft soon. */
  if (!self->updating)
    bmb_edit_guard_changed (self->guard);

  update_actions (self);
}

static void
focus_row (BmbTemplateEditor *self,
           guint              position)
{
  GtkWidget *row = bmb_template_editor_get_row (self, position);

  if (row != NULL)
    bmb_template_item_row_focus_title (BMB_TEMPLATE_ITEM_ROW (row));
}

static gboolean
find_position (BmbTemplateEditor *self,
               BmbChecklistItem  *item,
               guint             *position)
{
  for (guint i = 0; i < bmb_checklist_template_get_n_items (self->template); i++)
    {
      if (bmb_checklist_template_get_item (self->template, i) == item)
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

static void
move_item (BmbTemplateEditor *self,
           guint              from,
           guint              to)
{
  if (from == to || to >= bmb_checklist_template_get_n_items (self->template))
    return;

  bmb_checklist_template_move_item (self->template, from, to);
  mark_dirty (self);
  focus_row (self, to);
}

static void
on_row_move_cb (BmbTemplateItemRow *row,
                int                 delta,
                BmbTemplateEditor  *self)
{
  guint from;

  if (!find_position (self, bmb_template_item_row_get_item (row), &from))
    return;
  if (delta < 0 && from == 0)
    return;

  move_item (self, from, from + delta);
}

static void
on_row_remove_cb (BmbTemplateItemRow *row,
                  BmbTemplateEditor  *self)
{
  guint position;
  guint n;

  if (!find_position (self, bmb_template_item_row_get_item (row), &position))
    return;

  bmb_checklist_template_remove_item (self->template, position);
  mark_dirty (self);

  n = bmb_checklist_template_get_n_items (self->template);
  if (n > 0)
    focus_row (self, MIN (position, n - 1));
}

static void
on_row_dropped_cb (BmbTemplateItemRow *target,
                   BmbTemplateItemRow *source,
                   BmbTemplateEditor  *self)
{
  guint from, to;

  if (find_position (self, bmb_template_item_row_get_item (source), &from) &&
      find_position (self, bmb_template_item_row_get_item (target), &to))
    move_item (self, from, to);
}

static void
on_row_edited_cb (BmbTemplateItemRow *row,
                  BmbTemplateEditor  *self)
{
  mark_dirty (self);
}

static GtkWidget *
create_item_row (gpointer item,
                 gpointer user_data)
{
  BmbTemplateEditor *self = user_data;
  GtkWidget *row = bmb_template_item_row_new (item);

  g_signal_connect_object (row, "move", G_CALLBACK (on_row_move_cb), self, 0);
  g_signal_connect_object (row, "remove", G_CALLBACK (on_row_remove_cb), self, 0);
  g_signal_connect_object (row, "dropped", G_CALLBACK (on_row_dropped_cb), self, 0);
  g_signal_connect_object (row, "edited", G_CALLBACK (on_row_edited_cb), self, 0);

  return row;
}

static void
on_title_row_changed_cb (BmbTemplateEditor *self)
{
  if (self->updating)
    return;

  bmb_checklist_template_set_title (self->template,
                                    gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  mark_dirty (self);
}

static void
on_description_row_changed_cb (BmbTemplateEditor *self)
{
  if (self->updating)
    return;

  bmb_checklist_template_set_description (self->template,
                                          gtk_editable_get_text (GTK_EDITABLE (self->description_row)));
  mark_dirty (self);
}

static void
on_kind_row_selected_cb (BmbTemplateEditor *self)
{
  if (self->updating)
    return;

  bmb_checklist_template_set_answer_kind (self->template,
                                          adw_combo_row_get_selected (self->kind_row) == 1
                                            ? BMB_ANSWER_KIND_RATING : BMB_ANSWER_KIND_YES_NO);
  mark_dirty (self);
}

static void
bmb_template_editor_save_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *param)
{
  BmbTemplateEditor *self = BMB_TEMPLATE_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (!bmb_template_editor_save (self, &error))
    bmb_error_dialog_show (GTK_WIDGET (self), _("Could Not Save the Checklist"), error);
}

static void
bmb_template_editor_add_item_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *param)
{
  bmb_template_editor_add_item (BMB_TEMPLATE_EDITOR (widget));
}

static void
bmb_template_editor_cancel_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
bmb_template_editor_dispose (GObject *object)
{
  BmbTemplateEditor *self = (BmbTemplateEditor *)object;

  if (self->items_list != NULL)
    gtk_list_box_bind_model (self->items_list, NULL, NULL, NULL, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), BMB_TYPE_TEMPLATE_EDITOR);

  g_clear_object (&self->guard);
  g_clear_object (&self->store);
  g_clear_object (&self->template);

  G_OBJECT_CLASS (bmb_template_editor_parent_class)->dispose (object);
}

static void
bmb_template_editor_class_init (BmbTemplateEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bmb_template_editor_dispose;


  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, BMB_TYPE_CHECKLIST_TEMPLATE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/bmb-template-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, BmbTemplateEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, BmbTemplateEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, BmbTemplateEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, BmbTemplateEditor, description_row);
  gtk_widget_class_bind_template_child (widget_class, BmbTemplateEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, BmbTemplateEditor, items_group);
  gtk_widget_class_bind_template_child (widget_class, BmbTemplateEditor, items_list);
  gtk_widget_class_bind_template_callback (widget_class, on_title_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_description_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_row_selected_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL,
                                   bmb_template_editor_save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL,
                                   bmb_template_editor_cancel_action);
  gtk_widget_class_install_action (widget_class, "editor.add-item", NULL,
                                   bmb_template_editor_add_item_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "editor.add-item", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0,
                                       "editor.cancel", NULL);
}

static void
bmb_template_editor_init (BmbTemplateEditor *self)
{
  g_autoptr(GtkStringList) kinds = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->guard = bmb_edit_guard_new (GTK_WINDOW (self), "editor.save");

  kinds = gtk_string_list_new (NULL);
  gtk_string_list_append (kinds, bmb_answer_kind_get_label (BMB_ANSWER_KIND_YES_NO));
  gtk_string_list_append (kinds, bmb_answer_kind_get_label (BMB_ANSWER_KIND_RATING));
  self->updating = TRUE;
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  self->updating = FALSE;
}

BmbTemplateEditor *
bmb_template_editor_new (GtkWindow          *parent,
                         BmbChecklistStore  *store,
                         gint64              template_id,
                         GError            **error)
{
  g_autofree char *draft_key = NULL;
  g_autoptr(BmbChecklistTemplate) template = NULL;
  BmbTemplateEditor *self;
  gboolean answered = FALSE;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (BMB_IS_CHECKLIST_STORE (store), NULL);

  if (template_id > 0)
    {
      g_autoptr(GPtrArray) history = NULL;
      g_autoptr(BmbAssessment) draft = NULL;
      g_autoptr(GError) local_error = NULL;

      if (!(template = bmb_checklist_store_get_template (store, template_id, error)))
        return NULL;

      if (bmb_checklist_template_is_builtin (template))
        {
          g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID,
                       _("“%s” is a built-in checklist and cannot be changed. Duplicate it to "
                         "adapt it."),
                       bmb_checklist_template_get_title (template));
          return NULL;
        }

      /* The answer kind is fixed once the checklist has been answered. */
      if (!(history = bmb_checklist_store_list_history (store, template_id, error)))
        return NULL;
      draft = bmb_checklist_store_find_draft (store, template_id, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      answered = history->len > 0 || draft != NULL;
    }
  else
    {
      g_autoptr(BmbChecklistItem) first = bmb_checklist_item_new ("", "");

      /* A new checklist starts with one empty item to type into. */
      template = bmb_checklist_template_new ("", BMB_ANSWER_KIND_YES_NO);
      bmb_checklist_template_append_item (template, first);
    }

  self = g_object_new (BMB_TYPE_TEMPLATE_EDITOR,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->template = g_steal_pointer (&template);

  self->updating = TRUE;
  adw_window_title_set_title (self->window_title,
                              template_id > 0 ? _("Edit Checklist") : _("New Checklist"));
  gtk_window_set_title (GTK_WINDOW (self),
                        template_id > 0 ? _("Edit Checklist") : _("New Checklist"));
  gtk_editable_set_text (GTK_EDITABLE (self->title_row),
                         bmb_checklist_template_get_title (self->template));
  gtk_editable_set_text (GTK_EDITABLE (self->description_row),
                         bmb_checklist_template_get_description (self->template));
  adw_combo_row_set_selected (self->kind_row,
                              bmb_checklist_template_get_answer_kind (self->template) ==
                                BMB_ANSWER_KIND_RATING ? 1 : 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->kind_row), !answered);
  if (answered)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->kind_row),
                                 _("Fixed once the checklist has been answered"));
  self->updating = FALSE;

  gtk_list_box_bind_model (self->items_list, bmb_checklist_template_get_items (self->template),
                           create_item_row, self, NULL);
  update_actions (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));

  bmb_edit_guard_loaded (self->guard, draft_key = template_id > 0
                         ? g_strdup_printf ("checklist/%" G_GINT64_FORMAT, template_id)
                         : g_strdup ("checklist/new"));

  return self;
}

BmbChecklistTemplate *
bmb_template_editor_get_template (BmbTemplateEditor *self)
{
  g_return_val_if_fail (BMB_IS_TEMPLATE_EDITOR (self), NULL);

  return self->template;
}

void
bmb_template_editor_add_item (BmbTemplateEditor *self)
{
  g_autoptr(BmbChecklistItem) item = NULL;

  g_return_if_fail (BMB_IS_TEMPLATE_EDITOR (self));

  item = bmb_checklist_item_new ("", "");
  bmb_checklist_template_append_item (self->template, item);
  mark_dirty (self);
  focus_row (self, bmb_checklist_template_get_n_items (self->template) - 1);
}

gboolean
bmb_template_editor_save (BmbTemplateEditor  *self,
                          GError            **error)
{
  gboolean ok;

  g_return_val_if_fail (BMB_IS_TEMPLATE_EDITOR (self), FALSE);

  /* Empty items are left out. */
  for (guint i = bmb_checklist_template_get_n_items (self->template); i > 0; i--)
    {
      BmbChecklistItem *item = bmb_checklist_template_get_item (self->template, i - 1);

      if (is_blank (bmb_checklist_item_get_title (item)) &&
          is_blank (bmb_checklist_item_get_explanation (item)))
        bmb_checklist_template_remove_item (self->template, i - 1);
    }

  if (bmb_checklist_template_get_id (self->template) == 0)
    ok = bmb_checklist_store_insert_template (self->store, self->template, error);
  else
    ok = bmb_checklist_store_update_template (self->store, self->template, error);

  if (!ok)
    {
      update_actions (self);
      return FALSE;
    }

  bmb_edit_guard_saved (self->guard);
  g_signal_emit (self, signals[SAVED], 0, self->template);

  self->closing = TRUE;
  gtk_window_destroy (GTK_WINDOW (self));

  return TRUE;
}

GtkWidget *
bmb_template_editor_get_row (BmbTemplateEditor *self,
                             guint              position)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (BMB_IS_TEMPLATE_EDITOR (self), NULL);

  row = gtk_list_box_get_row_at_index (self->items_list, position);

  return row ? GTK_WIDGET (row) : NULL;
}
