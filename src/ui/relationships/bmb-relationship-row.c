/* bmb-relationship-row.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-relationship-row"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "bmb-format.h"
#include "bmb-label-tooltip.h"
#include "bmb-relationship-row.h"

struct _BmbRelationshipRow
{
  GtkWidget        parent_instance;

  /* template widgets */
  GtkWidget       *content;
  GtkLabel        *heading_label;
  GtkWidget       *box;
  AdwAvatar       *avatar;
  GtkLabel        *title_label;
  GtkLabel        *subtitle_label;

  /* owned */
  BmbRelationship *item;
};

G_DEFINE_FINAL_TYPE (BmbRelationshipRow, bmb_relationship_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- helpers ------------------------------------------------------------- */

static const char *
my_role_label (BmbRelationship *relationship)
{
  if (bmb_relationship_get_mentor_id (relationship) == 0)
    /* Translators: my side in a mentoring relationship, shown as "Mentor · Negotiation" */
    return C_("my role", "Mentor");
  if (bmb_relationship_get_mentee_id (relationship) == 0)
    /* Translators: my side in a mentoring relationship, shown as "Mentee · Negotiation" */
    return C_("my role", "Mentee");
  /* Translators: my side in a mentoring relationship between two of my
   * contacts (I arranged it), shown as "Organizer · Negotiation" */
  return C_("my role", "Organizer");
}

static void
update_row (BmbRelationshipRow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *partner = NULL;
  g_autofree char *subtitle = NULL;
  gboolean ended = FALSE;

  if (self->item != NULL)
    {
      title = bmb_relationship_dup_display_title (self->item);
      partner = bmb_relationship_dup_partner_name (self->item);
      subtitle = bmb_relationship_row_dup_subtitle (self->item);
      ended = bmb_relationship_is_ended (self->item);
    }

  gtk_label_set_label (self->title_label, title != NULL ? title : "");
  gtk_label_set_label (self->subtitle_label, subtitle != NULL ? subtitle : "");
  adw_avatar_set_text (self->avatar, partner != NULL ? partner : title);

  /* Ended ones are dimmed (the subtitle is dim already). */
  if (ended)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->avatar), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->avatar), "dim-label");
      gtk_widget_remove_css_class (GTK_WIDGET (self->title_label), "dim-label");
    }
}

/* ---- GObject ------------------------------------------------------------- */

static void
bmb_relationship_row_dispose (GObject *object)
{
  BmbRelationshipRow *self = (BmbRelationshipRow *)object;

  g_clear_object (&self->item);

  gtk_widget_dispose_template (GTK_WIDGET (self), BMB_TYPE_RELATIONSHIP_ROW);

  G_OBJECT_CLASS (bmb_relationship_row_parent_class)->dispose (object);
}

static void
bmb_relationship_row_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  BmbRelationshipRow *self = BMB_RELATIONSHIP_ROW (object);

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
bmb_relationship_row_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  BmbRelationshipRow *self = BMB_RELATIONSHIP_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      bmb_relationship_row_set_item (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_relationship_row_class_init (BmbRelationshipRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bmb_relationship_row_dispose;
  object_class->get_property = bmb_relationship_row_get_property;
  object_class->set_property = bmb_relationship_row_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         BMB_TYPE_RELATIONSHIP,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/bmb-relationship-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BmbRelationshipRow, content);
  gtk_widget_class_bind_template_child (widget_class, BmbRelationshipRow, heading_label);
  gtk_widget_class_bind_template_child (widget_class, BmbRelationshipRow, box);
  gtk_widget_class_bind_template_child (widget_class, BmbRelationshipRow, avatar);
  gtk_widget_class_bind_template_child (widget_class, BmbRelationshipRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, BmbRelationshipRow, subtitle_label);

  gtk_widget_class_set_css_name (widget_class, "bmbrelationshiprow");
}

static void
bmb_relationship_row_init (BmbRelationshipRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Long titles are ellipsized: the whole of them on hover. */
  bmb_label_tooltip_when_cut (self->title_label);
}

/* ---- public API ---------------------------------------------------------- */

GtkWidget *
bmb_relationship_row_new (BmbRelationship *item)
{
  g_return_val_if_fail (item == NULL || BMB_IS_RELATIONSHIP (item), NULL);

  return g_object_new (BMB_TYPE_RELATIONSHIP_ROW, "item", item, NULL);
}

BmbRelationship *
bmb_relationship_row_get_item (BmbRelationshipRow *self)
{
  g_return_val_if_fail (BMB_IS_RELATIONSHIP_ROW (self), NULL);

  return self->item;
}

void
bmb_relationship_row_set_item (BmbRelationshipRow *self,
                               BmbRelationship    *item)
{
  g_return_if_fail (BMB_IS_RELATIONSHIP_ROW (self));
  g_return_if_fail (item == NULL || BMB_IS_RELATIONSHIP (item));

  if (!g_set_object (&self->item, item))
    return;

  update_row (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

char *
bmb_relationship_row_dup_subtitle (BmbRelationship *relationship)
{
  g_autofree char *ended_on = NULL;
  g_autofree char *state = NULL;

  g_return_val_if_fail (BMB_IS_RELATIONSHIP (relationship), NULL);

  if (bmb_relationship_is_ended (relationship))
    {
      ended_on = bmb_format_iso_date (bmb_relationship_get_ended_on (relationship));
      /* Translators: %s is the day a mentoring relationship ended */
      /* Translators: a mentoring relationship that is over (a badge in the list) */
      state = ended_on != NULL ? g_strdup_printf (_("Ended %s"), ended_on) : g_strdup (_("Ended"));
    }
  else
    {
      state = g_strdup (bmb_relationship_phase_get_label (bmb_relationship_get_phase (relationship)));
    }

  /* Translators: "Mentor · Negotiation": my role, then the phase (or "Ended …") */
  return g_strdup_printf (_("%s · %s"), my_role_label (relationship), state);
}

void
bmb_relationship_row_set_heading (BmbRelationshipRow *self,
                                  const char         *heading)
{
  g_return_if_fail (BMB_IS_RELATIONSHIP_ROW (self));

  gtk_label_set_label (self->heading_label, heading != NULL ? heading : "");
  gtk_widget_set_visible (GTK_WIDGET (self->heading_label), heading != NULL);
}

GtkLabel *
bmb_relationship_row_get_heading (BmbRelationshipRow *self)
{
  g_return_val_if_fail (BMB_IS_RELATIONSHIP_ROW (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->heading_label)) ? self->heading_label : NULL;
}
