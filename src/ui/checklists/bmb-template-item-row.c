/* bmb-template-item-row.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-template-item-row"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-template-item-row.h"

struct _BmbTemplateItemRow
{
  GtkListBoxRow     parent_instance;

  /* template widgets */
  GtkImage         *drag_handle;
  GtkEntry         *title_entry;
  GtkEntry         *explanation_entry;
  GtkMenuButton    *menu_button;

  /* owned */
  BmbChecklistItem *item;

  /* state */
  gboolean          updating;
};

G_DEFINE_FINAL_TYPE (BmbTemplateItemRow, bmb_template_item_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

enum {
  MOVE,
  REMOVE,
  DROPPED,
  EDITED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update_entries (BmbTemplateItemRow *self)
{
  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->title_entry),
                         self->item ? bmb_checklist_item_get_title (self->item) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->explanation_entry),
                         self->item ? bmb_checklist_item_get_explanation (self->item) : "");
  self->updating = FALSE;
}

static void
on_title_entry_changed_cb (BmbTemplateItemRow *self)
{
  if (self->updating || self->item == NULL)
    return;

  bmb_checklist_item_set_title (self->item, gtk_editable_get_text (GTK_EDITABLE (self->title_entry)));
  g_signal_emit (self, signals[EDITED], 0);
}

static void
on_explanation_entry_changed_cb (BmbTemplateItemRow *self)
{
  if (self->updating || self->item == NULL)
    return;

  bmb_checklist_item_set_explanation (self->item,
                                      gtk_editable_get_text (GTK_EDITABLE (self->explanation_entry)));
  g_signal_emit (self, signals[EDITED], 0);
}

static void
bmb_template_item_row_move_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *param)
{
  g_signal_emit (widget, signals[MOVE], 0, g_str_equal (action_name, "item.move-up") ? -1 : 1);
}

static void
bmb_template_item_row_remove_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *param)
{
  g_signal_emit (widget, signals[REMOVE], 0);
}

static GdkContentProvider *
on_drag_prepare_cb (GtkDragSource      *source,
                    double              x,
                    double              y,
                    BmbTemplateItemRow *self)
{
  g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (GTK_WIDGET (self));

  gtk_drag_source_set_icon (source, icon, (int) x, (int) y);

  return gdk_content_provider_new_typed (BMB_TYPE_TEMPLATE_ITEM_ROW, self);
}

static gboolean
on_drop_cb (GtkDropTarget      *target,
            const GValue       *value,
            double              x,
            double              y,
            BmbTemplateItemRow *self)
{
  BmbTemplateItemRow *source = g_value_get_object (value);

  if (!BMB_IS_TEMPLATE_ITEM_ROW (source) || source == self)
    return FALSE;

  g_signal_emit (self, signals[DROPPED], 0, source);

  return TRUE;
}

static void
bmb_template_item_row_dispose (GObject *object)
{
  BmbTemplateItemRow *self = (BmbTemplateItemRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), BMB_TYPE_TEMPLATE_ITEM_ROW);

  g_clear_object (&self->item);

  G_OBJECT_CLASS (bmb_template_item_row_parent_class)->dispose (object);
}

static void
bmb_template_item_row_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  BmbTemplateItemRow *self = BMB_TEMPLATE_ITEM_ROW (object);

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
bmb_template_item_row_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  BmbTemplateItemRow *self = BMB_TEMPLATE_ITEM_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      if (g_set_object (&self->item, g_value_get_object (value)))
        {
          update_entries (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_template_item_row_class_init (BmbTemplateItemRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bmb_template_item_row_dispose;
  object_class->get_property = bmb_template_item_row_get_property;
  object_class->set_property = bmb_template_item_row_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         BMB_TYPE_CHECKLIST_ITEM,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[MOVE] =
    g_signal_new ("move",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT);

  signals[REMOVE] =
    g_signal_new ("remove",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  signals[DROPPED] =
    g_signal_new ("dropped",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, BMB_TYPE_TEMPLATE_ITEM_ROW);

  signals[EDITED] =
    g_signal_new ("edited",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/bmb-template-item-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BmbTemplateItemRow, drag_handle);
  gtk_widget_class_bind_template_child (widget_class, BmbTemplateItemRow, title_entry);
  gtk_widget_class_bind_template_child (widget_class, BmbTemplateItemRow, explanation_entry);
  gtk_widget_class_bind_template_child (widget_class, BmbTemplateItemRow, menu_button);
  gtk_widget_class_bind_template_callback (widget_class, on_title_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_explanation_entry_changed_cb);

  gtk_widget_class_install_action (widget_class, "item.move-up", NULL,
                                   bmb_template_item_row_move_action);
  gtk_widget_class_install_action (widget_class, "item.move-down", NULL,
                                   bmb_template_item_row_move_action);
  gtk_widget_class_install_action (widget_class, "item.remove", NULL,
                                   bmb_template_item_row_remove_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK,
                                       "item.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK,
                                       "item.move-down", NULL);
}

static void
bmb_template_item_row_init (BmbTemplateItemRow *self)
{
  GtkDragSource *source;
  GtkDropTarget *target;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self->drag_handle), "grab");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Item Options"),
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->title_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Item"),
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->explanation_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Explanation"),
                                  -1);

  /* Drag by the handle, drop anywhere on another row. */
  source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect_object (source, "prepare", G_CALLBACK (on_drag_prepare_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->drag_handle), GTK_EVENT_CONTROLLER (source));

  target = gtk_drop_target_new (BMB_TYPE_TEMPLATE_ITEM_ROW, GDK_ACTION_MOVE);
  g_signal_connect_object (target, "drop", G_CALLBACK (on_drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

GtkWidget *
bmb_template_item_row_new (BmbChecklistItem *item)
{
  g_return_val_if_fail (BMB_IS_CHECKLIST_ITEM (item), NULL);

  return g_object_new (BMB_TYPE_TEMPLATE_ITEM_ROW, "item", item, NULL);
}

BmbChecklistItem *
bmb_template_item_row_get_item (BmbTemplateItemRow *self)
{
  g_return_val_if_fail (BMB_IS_TEMPLATE_ITEM_ROW (self), NULL);

  return self->item;
}

void
bmb_template_item_row_set_invalid (BmbTemplateItemRow *self,
                                   gboolean            invalid)
{
  g_return_if_fail (BMB_IS_TEMPLATE_ITEM_ROW (self));

  if (invalid)
    gtk_widget_add_css_class (GTK_WIDGET (self->title_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->title_entry), "error");

  gtk_accessible_update_state (GTK_ACCESSIBLE (self->title_entry),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               invalid ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

void
bmb_template_item_row_focus_title (BmbTemplateItemRow *self)
{
  g_return_if_fail (BMB_IS_TEMPLATE_ITEM_ROW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->title_entry));
}
