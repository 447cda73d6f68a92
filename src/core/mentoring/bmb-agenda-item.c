/* bmb-agenda-item.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * BmbAgendaItem, one point of a session's agenda (declared in
 * bmb-session.h).
 */

#define G_LOG_DOMAIN "bmb-session"

#include "config.h"

#include "bmb-mentoring-private.h"
#include "bmb-session.h"

struct _BmbAgendaItem
{
  GObject   parent_instance;

  gint64    id;
  char     *text;
  gboolean  done;
};

G_DEFINE_FINAL_TYPE (BmbAgendaItem, bmb_agenda_item, G_TYPE_OBJECT)

enum {
  ITEM_PROP_0,
  ITEM_PROP_ID,
  ITEM_PROP_TEXT,
  ITEM_PROP_DONE,
  ITEM_N_PROPS
};

static GParamSpec *item_properties[ITEM_N_PROPS];

/* ---- BmbAgendaItem --------------------------------------------------------- */

static void
bmb_agenda_item_finalize (GObject *object)
{
  BmbAgendaItem *self = (BmbAgendaItem *)object;

  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (bmb_agenda_item_parent_class)->finalize (object);
}

static void
bmb_agenda_item_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BmbAgendaItem *self = BMB_AGENDA_ITEM (object);

  switch (prop_id)
    {
    case ITEM_PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case ITEM_PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case ITEM_PROP_DONE:
      g_value_set_boolean (value, self->done);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_agenda_item_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  BmbAgendaItem *self = BMB_AGENDA_ITEM (object);

  switch (prop_id)
    {
    case ITEM_PROP_TEXT:
      bmb_agenda_item_set_text (self, g_value_get_string (value));
      break;
    case ITEM_PROP_DONE:
      bmb_agenda_item_set_done (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_agenda_item_class_init (BmbAgendaItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bmb_agenda_item_finalize;
  object_class->get_property = bmb_agenda_item_get_property;
  object_class->set_property = bmb_agenda_item_set_property;

  item_properties[ITEM_PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_DONE] =
    g_param_spec_boolean ("done", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, ITEM_N_PROPS, item_properties);
}

static void
bmb_agenda_item_init (BmbAgendaItem *self)
{
}

BmbAgendaItem *
bmb_agenda_item_new (const char *text)
{
  return g_object_new (BMB_TYPE_AGENDA_ITEM, "text", text, NULL);
}

gint64
bmb_agenda_item_get_id (BmbAgendaItem *self)
{
  g_return_val_if_fail (BMB_IS_AGENDA_ITEM (self), 0);

  return self->id;
}

void
_bmb_agenda_item_set_id (BmbAgendaItem *self,
                         gint64         id)
{
  g_assert (BMB_IS_AGENDA_ITEM (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), item_properties[ITEM_PROP_ID]);
}

const char *
bmb_agenda_item_get_text (BmbAgendaItem *self)
{
  g_return_val_if_fail (BMB_IS_AGENDA_ITEM (self), NULL);

  return self->text;
}

void
bmb_agenda_item_set_text (BmbAgendaItem *self,
                          const char    *text)
{
  g_return_if_fail (BMB_IS_AGENDA_ITEM (self));

  if (_bmb_replace_str (&self->text, text, FALSE))
    g_object_notify_by_pspec (G_OBJECT (self), item_properties[ITEM_PROP_TEXT]);
}

gboolean
bmb_agenda_item_get_done (BmbAgendaItem *self)
{
  g_return_val_if_fail (BMB_IS_AGENDA_ITEM (self), FALSE);

  return self->done;
}

void
bmb_agenda_item_set_done (BmbAgendaItem *self,
                          gboolean       done)
{
  g_return_if_fail (BMB_IS_AGENDA_ITEM (self));

  done = !!done;
  if (self->done == done)
    return;

  self->done = done;
  g_object_notify_by_pspec (G_OBJECT (self), item_properties[ITEM_PROP_DONE]);
}
