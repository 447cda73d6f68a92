/* bmb-agenda-item-row.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One editable agenda item: a drag handle, "discussed", the text, and a menu
 * to move or remove it (Alt+Up / Alt+Down move it from the keyboard).
 */

#define G_LOG_DOMAIN "bmb-agenda-item-row"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-agenda-item-row.h"

struct _BmbAgendaItemRow
{
  AdwEntryRow     parent_instance;

  /* template widgets */
  GtkImage       *drag_handle;
  GtkCheckButton *done_check;

  /* owned */
  BmbAgendaItem  *item;

  /* state */
  guint           syncing : 1;
};

G_DEFINE_FINAL_TYPE (BmbAgendaItemRow, bmb_agenda_item_row, ADW_TYPE_ENTRY_ROW)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

enum {
  MOVE,
  REMOVE,
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
on_text_changed_cb (BmbAgendaItemRow *self)
{
  if (self->syncing || self->item == NULL)
    return;

  bmb_agenda_item_set_text (self->item, gtk_editable_get_text (GTK_EDITABLE (self)));
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_done_toggled_cb (BmbAgendaItemRow *self)
{
  if (self->syncing || self->item == NULL)
    return;

  bmb_agenda_item_set_done (self->item, gtk_check_button_get_active (self->done_check));
  g_signal_emit (self, signals[CHANGED], 0);
}

static GdkContentProvider *
on_drag_prepare_cb (GtkDragSource    *source,
                    double            x,
                    double            y,
                    BmbAgendaItemRow *self)
{
  return gdk_content_provider_new_typed (BMB_TYPE_AGENDA_ITEM_ROW, self);
}

static void
on_drag_begin_cb (GtkDragSource    *source,
                  GdkDrag          *drag,
                  BmbAgendaItemRow *self)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (self));

  gtk_drag_source_set_icon (source, paintable, 0, 0);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  int delta = g_str_equal (action_name, "agenda-row.move-up") ? -1 : 1;

  g_signal_emit (widget, signals[MOVE], 0, delta);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  g_signal_emit (widget, signals[REMOVE], 0);
}

static void
sync_from_item (BmbAgendaItemRow *self)
{
  const char *text = bmb_agenda_item_get_text (self->item);

  self->syncing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self), text != NULL ? text : "");
  gtk_check_button_set_active (self->done_check, bmb_agenda_item_get_done (self->item));
  self->syncing = FALSE;
}

static void
bmb_agenda_item_row_constructed (GObject *object)
{
  BmbAgendaItemRow *self = (BmbAgendaItemRow *)object;

  G_OBJECT_CLASS (bmb_agenda_item_row_parent_class)->constructed (object);

  if (self->item != NULL)
    sync_from_item (self);
}

static void
bmb_agenda_item_row_dispose (GObject *object)
{
  BmbAgendaItemRow *self = (BmbAgendaItemRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), BMB_TYPE_AGENDA_ITEM_ROW);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (bmb_agenda_item_row_parent_class)->dispose (object);
}

static void
bmb_agenda_item_row_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  BmbAgendaItemRow *self = BMB_AGENDA_ITEM_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_agenda_item_row_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  BmbAgendaItemRow *self = BMB_AGENDA_ITEM_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      self->item = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_agenda_item_row_class_init (BmbAgendaItemRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = bmb_agenda_item_row_constructed;
  object_class->dispose = bmb_agenda_item_row_dispose;
  object_class->get_property = bmb_agenda_item_row_get_property;
  object_class->set_property = bmb_agenda_item_row_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         BMB_TYPE_AGENDA_ITEM,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[MOVE] = g_signal_new ("move", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[CHANGED] = g_signal_new ("item-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/bmb-agenda-item-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BmbAgendaItemRow, drag_handle);
  gtk_widget_class_bind_template_child (widget_class, BmbAgendaItemRow, done_check);
  gtk_widget_class_bind_template_callback (widget_class, on_text_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_done_toggled_cb);

  gtk_widget_class_install_action (widget_class, "agenda-row.move-up", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "agenda-row.move-down", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "agenda-row.remove", NULL, remove_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK,
                                       "agenda-row.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, GDK_ALT_MASK,
                                       "agenda-row.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK,
                                       "agenda-row.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, GDK_ALT_MASK,
                                       "agenda-row.move-down", NULL);
}

static void
bmb_agenda_item_row_init (BmbAgendaItemRow *self)
{
  GtkDragSource *source;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Dragging starts on the handle, so the text stays selectable. */
  source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (on_drag_prepare_cb), self);
  g_signal_connect (source, "drag-begin", G_CALLBACK (on_drag_begin_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->drag_handle), GTK_EVENT_CONTROLLER (source));
}

GtkWidget *
bmb_agenda_item_row_new (BmbAgendaItem *item)
{
  g_return_val_if_fail (BMB_IS_AGENDA_ITEM (item), NULL);

  return g_object_new (BMB_TYPE_AGENDA_ITEM_ROW, "item", item, NULL);
}

BmbAgendaItem *
bmb_agenda_item_row_get_item (BmbAgendaItemRow *self)
{
  g_return_val_if_fail (BMB_IS_AGENDA_ITEM_ROW (self), NULL);

  return self->item;
}
