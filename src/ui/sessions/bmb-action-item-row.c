/* bmb-action-item-row.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One action item in the session editor: done, what, who and by when.
 */

#define G_LOG_DOMAIN "bmb-action-item-row"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-local-time.h"
#include "bmb-action-item-row.h"
#include "bmb-session-format.h"

struct _BmbActionItemRow
{
  AdwActionRow    parent_instance;

  /* template widgets */
  GtkCheckButton *done_check;

  /* owned */
  BmbActionItem  *item;

  /* state */
  guint           syncing : 1;
};

G_DEFINE_FINAL_TYPE (BmbActionItemRow, bmb_action_item_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

enum {
  REMOVE,
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
sync_from_item (BmbActionItemRow *self)
{
  const char *due_on = bmb_action_item_get_due_on (self->item);
  const char *owner = bmb_action_owner_get_label (bmb_action_item_get_owner (self->item));
  g_autofree char *subtitle = NULL;
  g_autofree char *title = g_markup_escape_text (bmb_action_item_get_text (self->item), -1);

  if (due_on != NULL)
    {
      g_autoptr(GDateTime) due = bmb_local_date_to_date_time (due_on, NULL, 12);
      g_autofree char *date = NULL;

      date = due != NULL ? bmb_session_format_date (due) : g_strdup (due_on);
      /* Translators: who an action item is for and when it is due, e.g. "Mentee · due Tue, March 10, 2026" */
      subtitle = g_strdup_printf (_("%s · due %s"), owner, date);
    }
  else
    subtitle = g_strdup (owner);

  self->syncing = TRUE;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  gtk_check_button_set_active (self->done_check, bmb_action_item_get_done (self->item));
  self->syncing = FALSE;
}

static void
on_done_toggled_cb (BmbActionItemRow *self)
{
  if (self->syncing || self->item == NULL)
    return;

  bmb_action_item_set_done (self->item, gtk_check_button_get_active (self->done_check));
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  g_signal_emit (widget, signals[REMOVE], 0);
}

static void
bmb_action_item_row_constructed (GObject *object)
{
  BmbActionItemRow *self = (BmbActionItemRow *)object;

  G_OBJECT_CLASS (bmb_action_item_row_parent_class)->constructed (object);

  if (self->item != NULL)
    sync_from_item (self);
}

static void
bmb_action_item_row_dispose (GObject *object)
{
  BmbActionItemRow *self = (BmbActionItemRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), BMB_TYPE_ACTION_ITEM_ROW);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (bmb_action_item_row_parent_class)->dispose (object);
}

static void
bmb_action_item_row_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  BmbActionItemRow *self = BMB_ACTION_ITEM_ROW (object);

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
bmb_action_item_row_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  BmbActionItemRow *self = BMB_ACTION_ITEM_ROW (object);

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
bmb_action_item_row_class_init (BmbActionItemRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = bmb_action_item_row_constructed;
  object_class->dispose = bmb_action_item_row_dispose;
  object_class->get_property = bmb_action_item_row_get_property;
  object_class->set_property = bmb_action_item_row_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         BMB_TYPE_ACTION_ITEM,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/bmb-action-item-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BmbActionItemRow, done_check);
  gtk_widget_class_bind_template_callback (widget_class, on_done_toggled_cb);

  gtk_widget_class_install_action (widget_class, "action-item-row.remove", NULL, remove_action);
}

static void
bmb_action_item_row_init (BmbActionItemRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
bmb_action_item_row_new (BmbActionItem *item)
{
  g_return_val_if_fail (BMB_IS_ACTION_ITEM (item), NULL);

  return g_object_new (BMB_TYPE_ACTION_ITEM_ROW, "item", item, NULL);
}

BmbActionItem *
bmb_action_item_row_get_item (BmbActionItemRow *self)
{
  g_return_val_if_fail (BMB_IS_ACTION_ITEM_ROW (self), NULL);

  return self->item;
}
