/* bmb-occurrence-row.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One occurrence in the list of sessions: when (in the user's clock), how
 * long, what, with whom, where, and whether it was done or cancelled.
 */

#define G_LOG_DOMAIN "bmb-occurrence-row"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-local-time.h"
#include "bmb-format.h"
#include "bmb-label-tooltip.h"
#include "bmb-occurrence-row.h"
#include "bmb-session-format.h"

struct _BmbOccurrenceRow
{
  GtkWidget      parent_instance;

  /* template widgets */
  GtkWidget     *box;
  GtkLabel      *time_label;
  GtkLabel      *duration_label;
  GtkLabel      *title_label;
  GtkImage      *repeat_icon;
  GtkImage      *place_icon;
  GtkLabel      *subtitle_label;
  GtkLabel      *status_label;

  /* owned */
  BmbOccurrence *item;
  char          *partner;
};

G_DEFINE_FINAL_TYPE (BmbOccurrenceRow, bmb_occurrence_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ITEM,
  PROP_PARTNER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_strikethrough (GtkLabel *label,
                   gboolean  strikethrough)
{
  PangoAttrList *attrs = NULL;

  if (strikethrough)
    {
      attrs = pango_attr_list_new ();
      pango_attr_list_insert (attrs, pango_attr_strikethrough_new (TRUE));
    }

  gtk_label_set_attributes (label, attrs);
  g_clear_pointer (&attrs, pango_attr_list_unref);
}

static void
update (BmbOccurrenceRow *self)
{
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *time = NULL;
  g_autofree char *duration = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *with = NULL;
  g_autofree char *accessible = NULL;
  const char *location;
  const char *status = NULL;
  BmbSessionStatus session_status;

  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->title_label), "dim-label");

  if (self->item == NULL)
    {
      gtk_label_set_label (self->time_label, "");
      gtk_label_set_label (self->duration_label, "");
      gtk_label_set_label (self->title_label, "");
      gtk_label_set_label (self->subtitle_label, "");
      gtk_label_set_label (self->status_label, "");
      return;
    }

  local = bmb_date_time_to_local (bmb_occurrence_get_start (self->item));
  time = bmb_session_format_time (local);
  duration = bmb_session_format_duration (bmb_occurrence_get_duration_min (self->item));
  location = bmb_occurrence_get_location (self->item);
  session_status = bmb_occurrence_get_status (self->item);

  if (self->partner != NULL && self->partner[0] != '\0')
    /* Translators: who a session is with, e.g. "with Siti" */
    with = g_strdup_printf (_("with %s"), self->partner);

  if (with != NULL && location != NULL && location[0] != '\0')
    /* Translators: a session's partner and place, e.g. "with Siti · Café Tjikini" */
    subtitle = g_strdup_printf (_("%s · %s"), with, location);
  else if (with != NULL)
    subtitle = g_strdup (with);
  else if (location != NULL)
    subtitle = g_strdup (location);

  switch (session_status)
    {
    case BMB_SESSION_STATUS_DONE:
      status = bmb_session_status_get_label (session_status);
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "success");
      break;

    case BMB_SESSION_STATUS_CANCELLED:
      status = bmb_session_status_get_label (session_status);
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "dim-label");
      break;

    case BMB_SESSION_STATUS_PLANNED:
    default:
      break;
    }

  gtk_label_set_label (self->time_label, time);
  gtk_label_set_label (self->duration_label, duration);
  gtk_label_set_label (self->title_label, bmb_occurrence_get_title (self->item));
  set_strikethrough (self->title_label, session_status == BMB_SESSION_STATUS_CANCELLED);
  gtk_label_set_label (self->subtitle_label, subtitle != NULL ? subtitle : "");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), subtitle != NULL);
  gtk_label_set_label (self->status_label, status != NULL ? status : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), status != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->repeat_icon),
                          bmb_session_is_recurring (bmb_occurrence_get_session (self->item)));

  if (location != NULL && location[0] != '\0')
    {
      gboolean link = bmb_session_location_is_link (location);

      gtk_image_set_from_icon_name (self->place_icon,
                                    link ? "camera-web-symbolic" : "mark-location-symbolic");
    }
  gtk_widget_set_visible (GTK_WIDGET (self->place_icon), location != NULL && location[0] != '\0');

  accessible = g_strjoin (", ", time, bmb_occurrence_get_title (self->item),
                          subtitle != NULL ? subtitle : duration,
                          status != NULL ? status : duration, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

/* Answered when asked, not set at every bind (see bmb-label-tooltip.c). */
static gboolean
on_place_query_tooltip_cb (GtkWidget        *icon,
                           int               x,
                           int               y,
                           gboolean          keyboard,
                           GtkTooltip       *tooltip,
                           BmbOccurrenceRow *self)
{
  const char *location = self->item != NULL ? bmb_occurrence_get_location (self->item) : NULL;

  if (location == NULL || location[0] == '\0')
    return FALSE;

  gtk_tooltip_set_text (tooltip, bmb_session_location_is_link (location) ? _("Video call") : _("Place"));
  return TRUE;
}

static void
on_item_notify_cb (BmbOccurrenceRow *self)
{
  update (self);
}

static void
bmb_occurrence_row_dispose (GObject *object)
{
  BmbOccurrenceRow *self = (BmbOccurrenceRow *)object;

  bmb_occurrence_row_set_item (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BMB_TYPE_OCCURRENCE_ROW);

  G_OBJECT_CLASS (bmb_occurrence_row_parent_class)->dispose (object);
}

static void
bmb_occurrence_row_finalize (GObject *object)
{
  BmbOccurrenceRow *self = (BmbOccurrenceRow *)object;

  g_clear_pointer (&self->partner, g_free);

  G_OBJECT_CLASS (bmb_occurrence_row_parent_class)->finalize (object);
}

static void
bmb_occurrence_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  BmbOccurrenceRow *self = BMB_OCCURRENCE_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    case PROP_PARTNER:
      g_value_set_string (value, self->partner);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_occurrence_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  BmbOccurrenceRow *self = BMB_OCCURRENCE_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      bmb_occurrence_row_set_item (self, g_value_get_object (value));
      break;

    case PROP_PARTNER:
      bmb_occurrence_row_set_partner (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_occurrence_row_class_init (BmbOccurrenceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bmb_occurrence_row_dispose;
  object_class->finalize = bmb_occurrence_row_finalize;
  object_class->get_property = bmb_occurrence_row_get_property;
  object_class->set_property = bmb_occurrence_row_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         BMB_TYPE_OCCURRENCE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PARTNER] =
    g_param_spec_string ("partner", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/bmb-occurrence-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BmbOccurrenceRow, box);
  gtk_widget_class_bind_template_child (widget_class, BmbOccurrenceRow, time_label);
  gtk_widget_class_bind_template_child (widget_class, BmbOccurrenceRow, duration_label);
  gtk_widget_class_bind_template_child (widget_class, BmbOccurrenceRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, BmbOccurrenceRow, repeat_icon);
  gtk_widget_class_bind_template_child (widget_class, BmbOccurrenceRow, place_icon);
  gtk_widget_class_bind_template_child (widget_class, BmbOccurrenceRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, BmbOccurrenceRow, status_label);
}

static void
bmb_occurrence_row_init (BmbOccurrenceRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  bmb_format_watch_clock (self, G_CALLBACK (update));
  bmb_label_tooltip_when_cut (self->title_label);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->place_icon), TRUE);
  g_signal_connect (self->place_icon, "query-tooltip", G_CALLBACK (on_place_query_tooltip_cb), self);
}

GtkWidget *
bmb_occurrence_row_new (void)
{
  return g_object_new (BMB_TYPE_OCCURRENCE_ROW, NULL);
}

BmbOccurrence *
bmb_occurrence_row_get_item (BmbOccurrenceRow *self)
{
  g_return_val_if_fail (BMB_IS_OCCURRENCE_ROW (self), NULL);

  return self->item;
}

void
bmb_occurrence_row_set_item (BmbOccurrenceRow *self,
                             BmbOccurrence    *item)
{
  g_return_if_fail (BMB_IS_OCCURRENCE_ROW (self));
  g_return_if_fail (item == NULL || BMB_IS_OCCURRENCE (item));

  if (self->item == item)
    return;

  if (self->item != NULL)
    g_signal_handlers_disconnect_by_func (self->item, on_item_notify_cb, self);

  g_set_object (&self->item, item);

  if (self->item != NULL)
    g_signal_connect_object (self->item, "notify", G_CALLBACK (on_item_notify_cb),
                             self, G_CONNECT_SWAPPED);

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

const char *
bmb_occurrence_row_get_partner (BmbOccurrenceRow *self)
{
  g_return_val_if_fail (BMB_IS_OCCURRENCE_ROW (self), NULL);

  return self->partner;
}

void
bmb_occurrence_row_set_partner (BmbOccurrenceRow *self,
                                const char       *partner)
{
  g_return_if_fail (BMB_IS_OCCURRENCE_ROW (self));

  if (g_strcmp0 (self->partner, partner) == 0)
    return;

  g_free (self->partner);
  self->partner = g_strdup (partner);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTNER]);
}

char *
bmb_occurrence_row_dup_summary (BmbOccurrenceRow *self)
{
  g_return_val_if_fail (BMB_IS_OCCURRENCE_ROW (self), NULL);

  return g_strjoin ("|",
                    gtk_label_get_label (self->time_label),
                    gtk_label_get_label (self->title_label),
                    gtk_label_get_label (self->subtitle_label),
                    gtk_label_get_label (self->status_label),
                    NULL);
}
