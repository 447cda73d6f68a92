/* bmb-contact-row.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-contact-row"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bmb-contact-row.h"
#include "bmb-follow-up.h"

struct _BmbContactRow
{
  GtkWidget           parent_instance;

  /* template widgets */
  GtkWidget          *box;
  GtkLabel           *subtitle_label;
  GtkLabel           *badge;

  /* owned */
  BmbContactListItem *item;
  GSignalGroup       *item_signals;
};

G_DEFINE_FINAL_TYPE (BmbContactRow, bmb_contact_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What the bindings in the template cannot do: visibility and the overdue
 * style of the badge. */
static void
update_decorations (BmbContactRow *self)
{
  const char *badge = NULL;
  const char *subtitle = NULL;
  gboolean overdue = FALSE;

  if (self->item != NULL)
    {
      badge = bmb_contact_list_item_get_follow_up_label (self->item);
      subtitle = bmb_contact_list_item_get_subtitle (self->item);
      overdue = bmb_contact_list_item_get_needs_follow_up (self->item);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->badge), badge != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), subtitle != NULL && *subtitle != '\0');

  if (overdue)
    gtk_widget_add_css_class (GTK_WIDGET (self->badge), "overdue");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->badge), "overdue");
}

/* When the follow-up is due, on hover. Answered when asked: setting a tooltip at every
 * bind makes GTK look up the pointer (an X round trip) for each row. */
static gboolean
on_badge_query_tooltip_cb (GtkWidget     *badge,
                           int            x,
                           int            y,
                           gboolean       keyboard,
                           GtkTooltip    *tooltip,
                           BmbContactRow *self)
{
  g_autofree char *text = NULL;
  GDate today;

  if (self->item == NULL || bmb_contact_list_item_get_follow_up_label (self->item) == NULL)
    return FALSE;

  bmb_date_get_today (&today);
  text = bmb_follow_up_describe_due (bmb_contact_list_item_get_next_follow_up_on (self->item), &today);
  if (text == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
on_item_notify_cb (BmbContactRow *self)
{
  update_decorations (self);
}

static void
bmb_contact_row_dispose (GObject *object)
{
  BmbContactRow *self = (BmbContactRow *)object;

  if (self->item_signals != NULL)
    g_signal_group_set_target (self->item_signals, NULL);
  g_clear_object (&self->item_signals);
  g_clear_object (&self->item);

  gtk_widget_dispose_template (GTK_WIDGET (self), BMB_TYPE_CONTACT_ROW);

  G_OBJECT_CLASS (bmb_contact_row_parent_class)->dispose (object);
}

static void
bmb_contact_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BmbContactRow *self = BMB_CONTACT_ROW (object);

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
bmb_contact_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  BmbContactRow *self = BMB_CONTACT_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      bmb_contact_row_set_item (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_contact_row_class_init (BmbContactRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bmb_contact_row_dispose;
  object_class->get_property = bmb_contact_row_get_property;
  object_class->set_property = bmb_contact_row_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         BMB_TYPE_CONTACT_LIST_ITEM,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/bmb-contact-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BmbContactRow, box);
  gtk_widget_class_bind_template_child (widget_class, BmbContactRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, BmbContactRow, badge);

  gtk_widget_class_set_css_name (widget_class, "bmbcontactrow");
}

static void
bmb_contact_row_init (BmbContactRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->badge), TRUE);
  g_signal_connect (self->badge, "query-tooltip", G_CALLBACK (on_badge_query_tooltip_cb), self);

  self->item_signals = g_signal_group_new (BMB_TYPE_CONTACT_LIST_ITEM);
  g_signal_group_connect_object (self->item_signals, "notify::follow-up-label",
                                 G_CALLBACK (on_item_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->item_signals, "notify::needs-follow-up",
                                 G_CALLBACK (on_item_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->item_signals, "notify::subtitle",
                                 G_CALLBACK (on_item_notify_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
bmb_contact_row_new (void)
{
  return g_object_new (BMB_TYPE_CONTACT_ROW, NULL);
}

BmbContactListItem *
bmb_contact_row_get_item (BmbContactRow *self)
{
  g_return_val_if_fail (BMB_IS_CONTACT_ROW (self), NULL);

  return self->item;
}

void
bmb_contact_row_set_item (BmbContactRow      *self,
                          BmbContactListItem *item)
{
  g_return_if_fail (BMB_IS_CONTACT_ROW (self));
  g_return_if_fail (item == NULL || BMB_IS_CONTACT_LIST_ITEM (item));

  if (!g_set_object (&self->item, item))
    return;

  g_signal_group_set_target (self->item_signals, item);
  update_decorations (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}
