/* bmb-sessions-page.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-sessions-page"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-sessions-page.h"

struct _BmbSessionsPage
{
  AdwBin         parent_instance;

  /* template widgets */
  GtkStack      *stack;
  AdwStatusPage *empty_page;

  /* owned */
  BmbDatabase   *database;
};

G_DEFINE_FINAL_TYPE (BmbSessionsPage, bmb_sessions_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bmb_sessions_page_dispose (GObject *object)
{
  BmbSessionsPage *self = (BmbSessionsPage *)object;

  /* AdwBin unparents its child itself: no gtk_widget_dispose_template() here. */
  g_clear_object (&self->database);

  G_OBJECT_CLASS (bmb_sessions_page_parent_class)->dispose (object);
}

static void
bmb_sessions_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  BmbSessionsPage *self = BMB_SESSIONS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_sessions_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  BmbSessionsPage *self = BMB_SESSIONS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      if (g_set_object (&self->database, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_sessions_page_class_init (BmbSessionsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bmb_sessions_page_dispose;
  object_class->get_property = bmb_sessions_page_get_property;
  object_class->set_property = bmb_sessions_page_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         BMB_TYPE_DATABASE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/bmb-sessions-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BmbSessionsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, BmbSessionsPage, empty_page);
}

static void
bmb_sessions_page_init (BmbSessionsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

BmbDatabase *
bmb_sessions_page_get_database (BmbSessionsPage *self)
{
  g_return_val_if_fail (BMB_IS_SESSIONS_PAGE (self), NULL);

  return self->database;
}
