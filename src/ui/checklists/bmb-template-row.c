/* bmb-template-row.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-template-row"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bmb-format.h"
#include "bmb-template-row.h"

struct _BmbTemplateRow
{
  AdwBin                parent_instance;

  /* template widgets */
  GtkLabel             *title_label;
  GtkLabel             *subtitle_label;
  GtkLabel             *draft_badge;

  /* owned */
  BmbChecklistTemplate *item;

  /* state */
  double                last_score;
  gboolean              has_draft;
};

G_DEFINE_FINAL_TYPE (BmbTemplateRow, bmb_template_row, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_ITEM,
  PROP_LAST_SCORE,
  PROP_HAS_DRAFT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_labels (BmbTemplateRow *self)
{
  g_autofree char *subtitle = NULL;

  gtk_label_set_label (self->title_label,
                       self->item ? bmb_checklist_template_get_title (self->item) : "");

  if (self->last_score >= 0)
    {
      g_autofree char *percent = bmb_format_percent ((int) round (self->last_score));

      /* Translators: under a checklist's title; “Last score: 72%” */
      subtitle = g_strdup_printf (_("Last score: %s"), percent);
    }
  else
    subtitle = g_strdup (_("Not taken yet"));

  gtk_label_set_label (self->subtitle_label, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->draft_badge), self->has_draft);
}

static void
on_item_title_changed_cb (BmbTemplateRow *self)
{
  update_labels (self);
}

static void
bmb_template_row_dispose (GObject *object)
{
  BmbTemplateRow *self = (BmbTemplateRow *)object;

  /* AdwBin unparents its child itself: no gtk_widget_dispose_template() here. */
  bmb_template_row_set_item (self, NULL);

  G_OBJECT_CLASS (bmb_template_row_parent_class)->dispose (object);
}

static void
bmb_template_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BmbTemplateRow *self = BMB_TEMPLATE_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    case PROP_LAST_SCORE:
      g_value_set_double (value, self->last_score);
      break;

    case PROP_HAS_DRAFT:
      g_value_set_boolean (value, self->has_draft);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_template_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  BmbTemplateRow *self = BMB_TEMPLATE_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      bmb_template_row_set_item (self, g_value_get_object (value));
      break;

    case PROP_LAST_SCORE:
      bmb_template_row_set_last_score (self, g_value_get_double (value));
      break;

    case PROP_HAS_DRAFT:
      bmb_template_row_set_has_draft (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_template_row_class_init (BmbTemplateRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bmb_template_row_dispose;
  object_class->get_property = bmb_template_row_get_property;
  object_class->set_property = bmb_template_row_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         BMB_TYPE_CHECKLIST_TEMPLATE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_LAST_SCORE] =
    g_param_spec_double ("last-score", NULL, NULL,
                         -1.0, 100.0, -1.0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_HAS_DRAFT] =
    g_param_spec_boolean ("has-draft", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/bmb-template-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BmbTemplateRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, BmbTemplateRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, BmbTemplateRow, draft_badge);
}

static void
bmb_template_row_init (BmbTemplateRow *self)
{
  self->last_score = -1.0;

  gtk_widget_init_template (GTK_WIDGET (self));
  update_labels (self);
}

GtkWidget *
bmb_template_row_new (void)
{
  return g_object_new (BMB_TYPE_TEMPLATE_ROW, NULL);
}

BmbChecklistTemplate *
bmb_template_row_get_item (BmbTemplateRow *self)
{
  g_return_val_if_fail (BMB_IS_TEMPLATE_ROW (self), NULL);

  return self->item;
}

void
bmb_template_row_set_item (BmbTemplateRow       *self,
                           BmbChecklistTemplate *item)
{
  g_return_if_fail (BMB_IS_TEMPLATE_ROW (self));
  g_return_if_fail (item == NULL || BMB_IS_CHECKLIST_TEMPLATE (item));

  if (self->item == item)
    return;

  if (self->item != NULL)
    g_signal_handlers_disconnect_by_func (self->item, on_item_title_changed_cb, self);

  g_set_object (&self->item, item);

  if (item != NULL)
    g_signal_connect_object (item, "notify::title",
                             G_CALLBACK (on_item_title_changed_cb), self, G_CONNECT_SWAPPED);

  update_labels (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

double
bmb_template_row_get_last_score (BmbTemplateRow *self)
{
  g_return_val_if_fail (BMB_IS_TEMPLATE_ROW (self), -1.0);

  return self->last_score;
}

void
bmb_template_row_set_last_score (BmbTemplateRow *self,
                                 double          percent)
{
  g_return_if_fail (BMB_IS_TEMPLATE_ROW (self));

  percent = percent < 0 ? -1.0 : MIN (percent, 100.0);
  if (self->last_score == percent)
    return;

  self->last_score = percent;
  update_labels (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_SCORE]);
}

gboolean
bmb_template_row_get_has_draft (BmbTemplateRow *self)
{
  g_return_val_if_fail (BMB_IS_TEMPLATE_ROW (self), FALSE);

  return self->has_draft;
}

void
bmb_template_row_set_has_draft (BmbTemplateRow *self,
                                gboolean        has_draft)
{
  g_return_if_fail (BMB_IS_TEMPLATE_ROW (self));

  has_draft = !!has_draft;
  if (self->has_draft == has_draft)
    return;

  self->has_draft = has_draft;
  update_labels (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_DRAFT]);
}
