/* bmb-session-agenda-section.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The ordered agenda of a session: add, edit, tick off, remove, and reorder
 * by dragging a row's handle or with Alt+Up / Alt+Down.
 */

#define G_LOG_DOMAIN "bmb-session-agenda-section"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-agenda-item-row.h"
#include "bmb-session-agenda-section.h"

struct _BmbSessionAgendaSection
{
  AdwPreferencesGroup  parent_instance;

  /* template widgets */
  GtkListBox          *list_box;
  AdwEntryRow         *add_row;

  /* owned */
  GListStore          *items;  /* BmbAgendaItem, copies of the session's */

  /* state */
  guint                meeting : 1;  /* shows one meeting's agenda */
};

static void section_iface_init (BmbSessionEditorSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BmbSessionAgendaSection, bmb_session_agenda_section,
                               ADW_TYPE_PREFERENCES_GROUP,
                               G_IMPLEMENT_INTERFACE (BMB_TYPE_SESSION_EDITOR_SECTION,
                                                      section_iface_init))

static gboolean
find_item (BmbSessionAgendaSection *self,
           BmbAgendaItem           *item,
           guint                   *position)
{
  return g_list_store_find (self->items, item, position);
}

static void
emit_changed (BmbSessionAgendaSection *self)
{
  bmb_session_editor_section_changed (BMB_SESSION_EDITOR_SECTION (self));
}

static void
on_row_move_cb (BmbAgendaItemRow        *row,
                int                      delta,
                BmbSessionAgendaSection *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  guint from;
  GtkListBoxRow *moved;

  if (!find_item (self, bmb_agenda_item_row_get_item (row), &from))
    return;
  if ((delta < 0 && from == 0) || (delta > 0 && from + 1 >= n))
    return;

  bmb_session_agenda_section_move (self, from, from + delta);

  /* Keep the keyboard on the item that moved. */
  moved = gtk_list_box_get_row_at_index (self->list_box, from + delta);
  if (moved != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (moved));
}

static void
on_row_remove_cb (BmbAgendaItemRow        *row,
                  BmbSessionAgendaSection *self)
{
  guint position;

  if (!find_item (self, bmb_agenda_item_row_get_item (row), &position))
    return;

  g_list_store_remove (self->items, position);
  gtk_widget_grab_focus (GTK_WIDGET (self->add_row));
  emit_changed (self);
}

static void
on_row_changed_cb (BmbAgendaItemRow        *row,
                   BmbSessionAgendaSection *self)
{
  emit_changed (self);
}

static gboolean
on_drop_cb (GtkDropTarget           *target,
            const GValue            *value,
            double                   x,
            double                   y,
            BmbSessionAgendaSection *self)
{
  GtkWidget *target_row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  BmbAgendaItemRow *source_row;
  guint from, to;

  if (!G_VALUE_HOLDS (value, BMB_TYPE_AGENDA_ITEM_ROW))
    return FALSE;

  source_row = g_value_get_object (value);
  if (source_row == NULL || GTK_WIDGET (source_row) == target_row ||
      !find_item (self, bmb_agenda_item_row_get_item (source_row), &from) ||
      !find_item (self, bmb_agenda_item_row_get_item (BMB_AGENDA_ITEM_ROW (target_row)), &to))
    return FALSE;

  bmb_session_agenda_section_move (self, from, to);

  return TRUE;
}

static GtkWidget *
create_row (BmbSessionAgendaSection *self,
            BmbAgendaItem           *item)
{
  GtkWidget *row = bmb_agenda_item_row_new (item);
  GtkDropTarget *target = gtk_drop_target_new (BMB_TYPE_AGENDA_ITEM_ROW, GDK_ACTION_MOVE);

  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Agenda item"),
                                  -1);
  g_signal_connect_object (target, "drop", G_CALLBACK (on_drop_cb), self, 0);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (target));
  g_signal_connect_object (row, "move", G_CALLBACK (on_row_move_cb), self, 0);
  g_signal_connect_object (row, "remove", G_CALLBACK (on_row_remove_cb), self, 0);
  g_signal_connect_object (row, "item-changed", G_CALLBACK (on_row_changed_cb), self, 0);

  return row;
}

/* The list box mirrors self->items, with the "add" row always last. */
static void
on_items_changed_cb (GListModel              *model,
                     guint                    position,
                     guint                    removed,
                     guint                    added,
                     BmbSessionAgendaSection *self)
{
  for (guint i = 0; i < removed; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list_box, position);

      gtk_list_box_remove (self->list_box, GTK_WIDGET (row));
    }

  for (guint i = 0; i < added; i++)
    {
      g_autoptr(BmbAgendaItem) item = g_list_model_get_item (model, position + i);

      gtk_list_box_insert (self->list_box, create_row (self, item), position + i);
    }
}

static void
on_add_row_apply_cb (BmbSessionAgendaSection *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->add_row))));
  g_autoptr(BmbAgendaItem) item = NULL;

  if (text[0] == '\0')
    return;

  item = bmb_agenda_item_new (text);
  g_list_store_append (self->items, item);
  gtk_editable_set_text (GTK_EDITABLE (self->add_row), "");
  emit_changed (self);
}

static void
show_agenda (BmbSessionAgendaSection *self,
             GListModel              *agenda)
{
  guint n = agenda != NULL ? g_list_model_get_n_items (agenda) : 0;
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BmbAgendaItem) item = g_list_model_get_item (agenda, i);
      BmbAgendaItem *copy = bmb_agenda_item_new (bmb_agenda_item_get_text (item));

      bmb_agenda_item_set_done (copy, bmb_agenda_item_get_done (item));
      g_ptr_array_add (copies, copy);
    }

  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       copies->pdata, copies->len);
}

static void
bmb_session_agenda_section_load (BmbSessionEditorSection *section,
                                 BmbMentoringStore       *store,
                                 BmbSession              *session,
                                 BmbOccurrence           *occurrence)
{
  show_agenda (BMB_SESSION_AGENDA_SECTION (section), bmb_session_get_agenda (session));
}

/* One meeting's agenda, ticks included; the series' standing agenda stays
 * as it is. */
static void
bmb_session_agenda_section_load_meeting (BmbSessionEditorSection *section,
                                         BmbMeeting              *meeting)
{
  BmbSessionAgendaSection *self = BMB_SESSION_AGENDA_SECTION (section);

  self->meeting = TRUE;
  show_agenda (self, bmb_meeting_get_agenda (meeting));
}

static void
bmb_session_agenda_section_apply_meeting (BmbSessionEditorSection *section,
                                          BmbMeeting              *meeting)
{
  BmbSessionAgendaSection *self = BMB_SESSION_AGENDA_SECTION (section);
  GListModel *agenda = bmb_meeting_get_agenda (meeting);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  while (g_list_model_get_n_items (agenda) > 0)
    bmb_meeting_remove_agenda_item (meeting, 0);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BmbAgendaItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);
      g_autofree char *text = g_strstrip (g_strdup (bmb_agenda_item_get_text (item)));

      if (text[0] != '\0')
        bmb_agenda_item_set_done (bmb_meeting_append_agenda_item (meeting, text),
                                  bmb_agenda_item_get_done (item));
    }
}

static void
bmb_session_agenda_section_apply (BmbSessionEditorSection *section,
                                  BmbSession              *session)
{
  BmbSessionAgendaSection *self = BMB_SESSION_AGENDA_SECTION (section);
  GListModel *agenda = bmb_session_get_agenda (session);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  if (self->meeting)
    return;

  while (g_list_model_get_n_items (agenda) > 0)
    bmb_session_remove_agenda_item (session, 0);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BmbAgendaItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);
      g_autofree char *text = g_strstrip (g_strdup (bmb_agenda_item_get_text (item)));
      BmbAgendaItem *added;

      /* An emptied row is a removed one. */
      if (text[0] == '\0')
        continue;

      added = bmb_session_append_agenda_item (session, text);
      bmb_agenda_item_set_done (added, bmb_agenda_item_get_done (item));
    }
}

static void
section_iface_init (BmbSessionEditorSectionInterface *iface)
{
  iface->load = bmb_session_agenda_section_load;
  iface->apply = bmb_session_agenda_section_apply;
  iface->load_meeting = bmb_session_agenda_section_load_meeting;
  iface->apply_meeting = bmb_session_agenda_section_apply_meeting;
}

static void
bmb_session_agenda_section_dispose (GObject *object)
{
  BmbSessionAgendaSection *self = (BmbSessionAgendaSection *)object;

  if (self->items != NULL)
    g_signal_handlers_disconnect_by_func (self->items, on_items_changed_cb, self);
  g_clear_object (&self->items);
  gtk_widget_dispose_template (GTK_WIDGET (self), BMB_TYPE_SESSION_AGENDA_SECTION);

  G_OBJECT_CLASS (bmb_session_agenda_section_parent_class)->dispose (object);
}

static void
bmb_session_agenda_section_class_init (BmbSessionAgendaSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bmb_session_agenda_section_dispose;

  g_type_ensure (BMB_TYPE_AGENDA_ITEM_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/bmb-session-agenda-section.ui");
  gtk_widget_class_bind_template_child (widget_class, BmbSessionAgendaSection, list_box);
  gtk_widget_class_bind_template_child (widget_class, BmbSessionAgendaSection, add_row);
  gtk_widget_class_bind_template_callback (widget_class, on_add_row_apply_cb);
}

static void
bmb_session_agenda_section_init (BmbSessionAgendaSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->items = g_list_store_new (BMB_TYPE_AGENDA_ITEM);
  g_signal_connect (self->items, "items-changed", G_CALLBACK (on_items_changed_cb), self);
}

GListModel *
bmb_session_agenda_section_get_items (BmbSessionAgendaSection *self)
{
  g_return_val_if_fail (BMB_IS_SESSION_AGENDA_SECTION (self), NULL);

  return G_LIST_MODEL (self->items);
}

void
bmb_session_agenda_section_append (BmbSessionAgendaSection *self,
                                   const char              *text)
{
  g_autoptr(BmbAgendaItem) item = NULL;

  g_return_if_fail (BMB_IS_SESSION_AGENDA_SECTION (self));
  g_return_if_fail (text != NULL);

  item = bmb_agenda_item_new (text);
  g_list_store_append (self->items, item);
  emit_changed (self);
}

void
bmb_session_agenda_section_move (BmbSessionAgendaSection *self,
                                 guint                    from,
                                 guint                    to)
{
  g_autoptr(BmbAgendaItem) item = NULL;
  guint n;

  g_return_if_fail (BMB_IS_SESSION_AGENDA_SECTION (self));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  g_return_if_fail (from < n && to < n);

  if (from == to)
    return;

  item = g_list_model_get_item (G_LIST_MODEL (self->items), from);
  g_list_store_remove (self->items, from);
  g_list_store_insert (self->items, to, item);
  emit_changed (self);
}
