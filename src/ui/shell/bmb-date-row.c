/* bmb-date-row.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-date-row"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-date-row.h"
#include "bmb-format.h"
#include "bmb-local-time.h"

struct _BmbDateRow
{
  AdwActionRow   parent_instance;

  /* template widgets */
  GtkMenuButton *button;
  GtkPopover    *popover;
  GtkCalendar   *calendar;
  GtkButton     *clear_button;

  /* owned */
  char          *date;        /* "YYYY-MM-DD" or NULL */
  char          *none_label;

  /* state */
  guint          allow_none : 1;
  guint          syncing : 1; /* moving the calendar ourselves */
};

G_DEFINE_FINAL_TYPE (BmbDateRow, bmb_date_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_DATE,
  PROP_ALLOW_NONE,
  PROP_NONE_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_button (BmbDateRow *self)
{
  g_autofree char *label = bmb_format_iso_date (self->date);

  if (label != NULL)
    gtk_menu_button_set_label (self->button, label);
  else
    gtk_menu_button_set_label (self->button,
                               self->none_label != NULL ? self->none_label
                                 /* Translators: a date row without a date */
                                 : C_("date", "None"));

  gtk_widget_set_visible (GTK_WIDGET (self->clear_button),
                          self->allow_none && self->date != NULL);
}

/* The calendar opens on the chosen date, or on today. */
static void
on_popover_show_cb (BmbDateRow *self)
{
  g_autoptr(GDateTime) shown = NULL;

  if (self->date != NULL)
    shown = bmb_local_date_to_date_time (self->date, NULL, 12);
  if (shown == NULL)
    shown = bmb_date_time_new_now_local ();

  self->syncing = TRUE;
  gtk_calendar_select_day (self->calendar, shown);
  self->syncing = FALSE;
}

static void
on_day_selected_cb (BmbDateRow *self)
{
  g_autoptr(GDateTime) day = NULL;
  g_autofree char *iso = NULL;

  if (self->syncing)
    return;

  day = gtk_calendar_get_date (self->calendar);
  iso = bmb_local_date_format (day);
  bmb_date_row_set_date (self, iso);
  gtk_popover_popdown (self->popover);
}

static void
on_clear_clicked_cb (BmbDateRow *self)
{
  bmb_date_row_set_date (self, NULL);
  gtk_popover_popdown (self->popover);
}

static void
bmb_date_row_finalize (GObject *object)
{
  BmbDateRow *self = BMB_DATE_ROW (object);

  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->none_label, g_free);

  G_OBJECT_CLASS (bmb_date_row_parent_class)->finalize (object);
}

static void
bmb_date_row_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  BmbDateRow *self = BMB_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    case PROP_ALLOW_NONE:
      g_value_set_boolean (value, self->allow_none);
      break;
    case PROP_NONE_LABEL:
      g_value_set_string (value, self->none_label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_date_row_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  BmbDateRow *self = BMB_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_DATE:
      bmb_date_row_set_date (self, g_value_get_string (value));
      break;
    case PROP_ALLOW_NONE:
      bmb_date_row_set_allow_none (self, g_value_get_boolean (value));
      break;
    case PROP_NONE_LABEL:
      bmb_date_row_set_none_label (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_date_row_class_init (BmbDateRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = bmb_date_row_finalize;
  object_class->get_property = bmb_date_row_get_property;
  object_class->set_property = bmb_date_row_set_property;

  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ALLOW_NONE] =
    g_param_spec_boolean ("allow-none", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NONE_LABEL] =
    g_param_spec_string ("none-label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/bimbing/Bimbing/bmb-date-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BmbDateRow, button);
  gtk_widget_class_bind_template_child (widget_class, BmbDateRow, popover);
  gtk_widget_class_bind_template_child (widget_class, BmbDateRow, calendar);
  gtk_widget_class_bind_template_child (widget_class, BmbDateRow, clear_button);
  gtk_widget_class_bind_template_callback (widget_class, on_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_clicked_cb);
}

static void
bmb_date_row_init (BmbDateRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_button (self);
}

GtkWidget *
bmb_date_row_new (void)
{
  return g_object_new (BMB_TYPE_DATE_ROW, NULL);
}

const char *
bmb_date_row_get_date (BmbDateRow *self)
{
  g_return_val_if_fail (BMB_IS_DATE_ROW (self), NULL);

  return self->date;
}

void
bmb_date_row_set_date (BmbDateRow *self,
                       const char *iso)
{
  g_autoptr(GDateTime) day = NULL;

  g_return_if_fail (BMB_IS_DATE_ROW (self));

  /* A real day of the calendar, not only the form ("2026-02-30" is none). */
  if (iso != NULL && (day = bmb_local_date_to_date_time (iso, NULL, 12)) == NULL)
    iso = NULL;
  if (g_strcmp0 (iso, self->date) == 0)
    return;

  g_free (self->date);
  self->date = g_strdup (iso);
  update_button (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

gboolean
bmb_date_row_get_allow_none (BmbDateRow *self)
{
  g_return_val_if_fail (BMB_IS_DATE_ROW (self), FALSE);

  return self->allow_none;
}

void
bmb_date_row_set_allow_none (BmbDateRow *self,
                             gboolean    allow_none)
{
  g_return_if_fail (BMB_IS_DATE_ROW (self));

  allow_none = !!allow_none;
  if (self->allow_none == allow_none)
    return;

  self->allow_none = allow_none;
  update_button (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALLOW_NONE]);
}

void
bmb_date_row_set_none_label (BmbDateRow *self,
                             const char *label)
{
  g_return_if_fail (BMB_IS_DATE_ROW (self));

  if (g_strcmp0 (label, self->none_label) == 0)
    return;

  g_free (self->none_label);
  self->none_label = g_strdup (label);
  update_button (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NONE_LABEL]);
}
