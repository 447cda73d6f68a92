/* bmb-session-action-items-section.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the mentor or the mentee agreed to do in this session, with an
 * optional due date. Action items are rows of their own: they are written
 * once the session is saved (and so has an id).
 */

#define G_LOG_DOMAIN "bmb-session-action-items-section"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-action-item-row.h"
#include "bmb-format.h"
#include "bmb-local-time.h"
#include "bmb-session-action-items-section.h"
#include "bmb-session-format.h"

struct _BmbSessionActionItemsSection
{
  AdwPreferencesGroup  parent_instance;

  /* template widgets */
  GtkListBox          *list_box;
  AdwEntryRow         *add_row;
  GtkDropDown         *owner_dropdown;
  GtkStringList       *owner_list;
  GtkMenuButton       *due_button;
  GtkCalendar         *due_calendar;

  /* owned */
  GListStore          *items;       /* BmbActionItem */
  GArray              *removed_ids; /* gint64: saved items the user removed */
  char                *due_on;      /* for the next new item, NULL: none */

  /* state */
  guint                loading : 1;
  guint                meeting : 1;  /* shows one meeting's action items */
};

static void section_iface_init (BmbSessionEditorSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BmbSessionActionItemsSection, bmb_session_action_items_section,
                               ADW_TYPE_PREFERENCES_GROUP,
                               G_IMPLEMENT_INTERFACE (BMB_TYPE_SESSION_EDITOR_SECTION,
                                                      section_iface_init))

static const BmbActionOwner owners[] = {
  BMB_ACTION_OWNER_MENTEE,
  BMB_ACTION_OWNER_MENTOR,
};

static void
emit_changed (BmbSessionActionItemsSection *self)
{
  bmb_session_editor_section_changed (BMB_SESSION_EDITOR_SECTION (self));
}

static void
update_due_button (BmbSessionActionItemsSection *self)
{
  if (self->due_on == NULL)
    {
      gtk_menu_button_set_icon_name (self->due_button, "x-office-calendar-symbolic");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->due_button), _("Due Date"));
    }
  else
    {
      g_autoptr(GDateTime) due = gtk_calendar_get_date (self->due_calendar);
      g_autofree char *text = bmb_format_date (due);
      /* Translators: the tooltip of the due date button once a date is chosen */
      g_autofree char *tooltip = g_strdup_printf (_("Due %s"), text);

      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *label = bmb_format_short_date (due, g_date_time_get_year (due) !=
                                                            g_date_time_get_year (now));

      gtk_menu_button_set_label (self->due_button, label);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->due_button), tooltip);
    }
}

static void
on_row_remove_cb (BmbActionItemRow             *row,
                  BmbSessionActionItemsSection *self)
{
  BmbActionItem *item = bmb_action_item_row_get_item (row);
  gint64 id = bmb_action_item_get_id (item);
  guint position;

  if (!g_list_store_find (self->items, item, &position))
    return;

  if (id != 0)
    g_array_append_val (self->removed_ids, id);
  g_list_store_remove (self->items, position);
  gtk_widget_grab_focus (GTK_WIDGET (self->add_row));
  emit_changed (self);
}

static void
on_row_changed_cb (BmbActionItemRow             *row,
                   BmbSessionActionItemsSection *self)
{
  emit_changed (self);
}

static void
on_items_changed_cb (GListModel                   *model,
                     guint                         position,
                     guint                         removed,
                     guint                         added,
                     BmbSessionActionItemsSection *self)
{
  for (guint i = 0; i < removed; i++)
    gtk_list_box_remove (self->list_box,
                         GTK_WIDGET (gtk_list_box_get_row_at_index (self->list_box, position)));

  for (guint i = 0; i < added; i++)
    {
      g_autoptr(BmbActionItem) item = g_list_model_get_item (model, position + i);
      GtkWidget *row = bmb_action_item_row_new (item);

      g_signal_connect_object (row, "remove", G_CALLBACK (on_row_remove_cb), self, 0);
      g_signal_connect_object (row, "changed", G_CALLBACK (on_row_changed_cb), self, 0);
      gtk_list_box_insert (self->list_box, row, position + i);
    }
}

static void
on_add_row_apply_cb (BmbSessionActionItemsSection *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->add_row))));
  guint owner = gtk_drop_down_get_selected (self->owner_dropdown);
  g_autoptr(BmbActionItem) item = NULL;

  if (text[0] == '\0')
    return;

  item = bmb_action_item_new (owner < G_N_ELEMENTS (owners) ? owners[owner] : BMB_ACTION_OWNER_MENTEE,
                              text);
  bmb_action_item_set_due_on (item, self->due_on);
  g_list_store_append (self->items, item);

  gtk_editable_set_text (GTK_EDITABLE (self->add_row), "");
  g_clear_pointer (&self->due_on, g_free);
  update_due_button (self);
  emit_changed (self);
}

static void
on_due_selected_cb (BmbSessionActionItemsSection *self)
{
  g_autoptr(GDateTime) due = NULL;

  if (self->loading)
    return;

  due = gtk_calendar_get_date (self->due_calendar);
  g_free (self->due_on);
  self->due_on = bmb_local_date_format (due);
  update_due_button (self);
}

static void
on_due_clear_clicked_cb (BmbSessionActionItemsSection *self)
{
  g_clear_pointer (&self->due_on, g_free);
  update_due_button (self);
  gtk_menu_button_popdown (self->due_button);
}

static void
bmb_session_action_items_section_load (BmbSessionEditorSection *section,
                                       BmbMentoringStore       *store,
                                       BmbSession              *session,
                                       BmbOccurrence           *occurrence)
{
  BmbSessionActionItemsSection *self = BMB_SESSION_ACTION_ITEMS_SECTION (section);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  g_array_set_size (self->removed_ids, 0);
  self->meeting = FALSE;

  if (bmb_session_get_id (session) != 0)
    {
      items = bmb_mentoring_store_list_action_items (store, 0, bmb_session_get_id (session), &error);
      if (items == NULL)
        g_debug ("Could not list action items: %s", error->message);
    }

  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       items != NULL ? items->pdata : NULL, items != NULL ? items->len : 0);
}

/* The action items agreed in (or carried over to) this meeting only. */
static void
bmb_session_action_items_section_load_meeting (BmbSessionEditorSection *section,
                                               BmbMeeting              *meeting)
{
  BmbSessionActionItemsSection *self = BMB_SESSION_ACTION_ITEMS_SECTION (section);
  GListModel *items = bmb_meeting_get_action_items (meeting);
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func (g_object_unref);

  self->meeting = TRUE;
  g_array_set_size (self->removed_ids, 0);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    g_ptr_array_add (copies, g_list_model_get_item (items, i));
  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       copies->pdata, copies->len);
}

/* The meeting's list becomes the one shown: the core deletes the meeting's
 * items no longer in it and attaches the others (carried ones too). */
static void
bmb_session_action_items_section_apply_meeting (BmbSessionEditorSection *section,
                                                BmbMeeting              *meeting)
{
  BmbSessionActionItemsSection *self = BMB_SESSION_ACTION_ITEMS_SECTION (section);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  while (g_list_model_get_n_items (bmb_meeting_get_action_items (meeting)) > 0)
    bmb_meeting_remove_action_item (meeting, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BmbActionItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      bmb_meeting_insert_action_item (meeting, -1, item);
    }
}

static void
bmb_session_action_items_section_apply (BmbSessionEditorSection *section,
                                        BmbSession              *session)
{
  /* Nothing in the session row itself: see collect_changes. */
}

static void
bmb_session_action_items_section_collect_changes (BmbSessionEditorSection *section,
                                                  BmbSessionChanges       *changes)
{
  BmbSessionActionItemsSection *self = BMB_SESSION_ACTION_ITEMS_SECTION (section);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  /* Saved with the meeting's record instead. */
  if (self->meeting)
    return;

  g_array_append_vals (changes->removed_action_item_ids, self->removed_ids->data,
                       self->removed_ids->len);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (changes->action_items, g_list_model_get_item (G_LIST_MODEL (self->items), i));
}

static void
section_iface_init (BmbSessionEditorSectionInterface *iface)
{
  iface->load = bmb_session_action_items_section_load;
  iface->apply = bmb_session_action_items_section_apply;
  iface->collect_changes = bmb_session_action_items_section_collect_changes;
  iface->load_meeting = bmb_session_action_items_section_load_meeting;
  iface->apply_meeting = bmb_session_action_items_section_apply_meeting;
}

static void
bmb_session_action_items_section_dispose (GObject *object)
{
  BmbSessionActionItemsSection *self = (BmbSessionActionItemsSection *)object;

  if (self->items != NULL)
    g_signal_handlers_disconnect_by_func (self->items, on_items_changed_cb, self);
  g_clear_object (&self->items);
  gtk_widget_dispose_template (GTK_WIDGET (self), BMB_TYPE_SESSION_ACTION_ITEMS_SECTION);

  G_OBJECT_CLASS (bmb_session_action_items_section_parent_class)->dispose (object);
}

static void
bmb_session_action_items_section_finalize (GObject *object)
{
  BmbSessionActionItemsSection *self = (BmbSessionActionItemsSection *)object;

  g_clear_pointer (&self->removed_ids, g_array_unref);
  g_clear_pointer (&self->due_on, g_free);

  G_OBJECT_CLASS (bmb_session_action_items_section_parent_class)->finalize (object);
}

static void
bmb_session_action_items_section_class_init (BmbSessionActionItemsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bmb_session_action_items_section_dispose;
  object_class->finalize = bmb_session_action_items_section_finalize;

  g_type_ensure (BMB_TYPE_ACTION_ITEM_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/bmb-session-action-items-section.ui");
  gtk_widget_class_bind_template_child (widget_class, BmbSessionActionItemsSection, list_box);
  gtk_widget_class_bind_template_child (widget_class, BmbSessionActionItemsSection, add_row);
  gtk_widget_class_bind_template_child (widget_class, BmbSessionActionItemsSection, owner_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BmbSessionActionItemsSection, owner_list);
  gtk_widget_class_bind_template_child (widget_class, BmbSessionActionItemsSection, due_button);
  gtk_widget_class_bind_template_child (widget_class, BmbSessionActionItemsSection, due_calendar);
  gtk_widget_class_bind_template_callback (widget_class, on_add_row_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_due_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_due_clear_clicked_cb);
}

static void
bmb_session_action_items_section_init (BmbSessionActionItemsSection *self)
{
  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->loading = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (owners); i++)
    gtk_string_list_append (self->owner_list, bmb_action_owner_get_label (owners[i]));

  self->items = g_list_store_new (BMB_TYPE_ACTION_ITEM);
  self->removed_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_signal_connect (self->items, "items-changed", G_CALLBACK (on_items_changed_cb), self);
}

GListModel *
bmb_session_action_items_section_get_items (BmbSessionActionItemsSection *self)
{
  g_return_val_if_fail (BMB_IS_SESSION_ACTION_ITEMS_SECTION (self), NULL);

  return G_LIST_MODEL (self->items);
}

void
bmb_session_action_items_section_append (BmbSessionActionItemsSection *self,
                                         BmbActionItem                *item)
{
  guint position;

  g_return_if_fail (BMB_IS_SESSION_ACTION_ITEMS_SECTION (self));
  g_return_if_fail (BMB_IS_ACTION_ITEM (item));

  if (g_list_store_find (self->items, item, &position))
    return;

  g_list_store_append (self->items, item);
  emit_changed (self);
}
