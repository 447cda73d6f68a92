/* bmb-interaction.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-interaction"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-contact-private.h"
#include "bmb-follow-up.h"
#include "bmb-interaction.h"

struct _BmbInteraction
{
  GObject                parent_instance;

  /* saved state */
  gint64                 id;
  gint64                 created_at;

  /* columns */
  gint64                 contact_id;
  char                  *happened_on;
  BmbInteractionChannel  channel;
  char                  *summary;
};

G_DEFINE_FINAL_TYPE (BmbInteraction, bmb_interaction, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (BmbInteractionChannel, bmb_interaction_channel,
                    G_DEFINE_ENUM_VALUE (BMB_INTERACTION_CHANNEL_MEETING, "meeting"),
                    G_DEFINE_ENUM_VALUE (BMB_INTERACTION_CHANNEL_CALL, "call"),
                    G_DEFINE_ENUM_VALUE (BMB_INTERACTION_CHANNEL_EMAIL, "email"),
                    G_DEFINE_ENUM_VALUE (BMB_INTERACTION_CHANNEL_MESSAGE, "message"),
                    G_DEFINE_ENUM_VALUE (BMB_INTERACTION_CHANNEL_EVENT, "event"),
                    G_DEFINE_ENUM_VALUE (BMB_INTERACTION_CHANNEL_OTHER, "other"))

enum {
  PROP_0,
  PROP_ID,
  PROP_CREATED_AT,
  PROP_CONTACT_ID,
  PROP_HAPPENED_ON,
  PROP_CHANNEL,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct {
  const char *id;
  const char *label;
  const char *icon_name;
} channels[] = {
  /* Translators: how we were in touch with a contact */
  [BMB_INTERACTION_CHANNEL_MEETING] = { "meeting", NC_("interaction", "Meeting"),
                                        "system-users-symbolic" },
  [BMB_INTERACTION_CHANNEL_CALL] = { "call", NC_("interaction", "Call"),
                                     "call-start-symbolic" },
  [BMB_INTERACTION_CHANNEL_EMAIL] = { "email", NC_("interaction", "Email"),
                                      "mail-unread-symbolic" },
  [BMB_INTERACTION_CHANNEL_MESSAGE] = { "message", NC_("interaction", "Message"),
                                        "chat-bubbles-text-symbolic" },
  [BMB_INTERACTION_CHANNEL_EVENT] = { "event", NC_("interaction", "Event"),
                                      "x-office-calendar-symbolic" },
  [BMB_INTERACTION_CHANNEL_OTHER] = { "other", NC_("interaction", "Other"),
                                      "view-more-horizontal-symbolic" },
};

G_STATIC_ASSERT (G_N_ELEMENTS (channels) == BMB_INTERACTION_N_CHANNELS);

/* ---- channels ------------------------------------------------------------ */

const char *
bmb_interaction_channel_to_string (BmbInteractionChannel channel)
{
  g_return_val_if_fail (channel < BMB_INTERACTION_N_CHANNELS, NULL);

  return channels[channel].id;
}

gboolean
bmb_interaction_channel_from_string (const char            *text,
                                     BmbInteractionChannel *channel)
{
  g_return_val_if_fail (channel != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
    {
      if (g_strcmp0 (text, channels[i].id) == 0)
        {
          *channel = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
bmb_interaction_channel_get_label (BmbInteractionChannel channel)
{
  g_return_val_if_fail (channel < BMB_INTERACTION_N_CHANNELS, NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, "interaction", channels[channel].label);
}

const char *
bmb_interaction_channel_get_icon_name (BmbInteractionChannel channel)
{
  g_return_val_if_fail (channel < BMB_INTERACTION_N_CHANNELS, NULL);

  return channels[channel].icon_name;
}

/* ---- GObject ------------------------------------------------------------- */

static void
bmb_interaction_finalize (GObject *object)
{
  BmbInteraction *self = (BmbInteraction *)object;

  g_clear_pointer (&self->happened_on, g_free);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (bmb_interaction_parent_class)->finalize (object);
}

static void
bmb_interaction_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BmbInteraction *self = BMB_INTERACTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_CREATED_AT:
      g_value_set_int64 (value, self->created_at);
      break;
    case PROP_CONTACT_ID:
      g_value_set_int64 (value, self->contact_id);
      break;
    case PROP_HAPPENED_ON:
      g_value_set_string (value, self->happened_on);
      break;
    case PROP_CHANNEL:
      g_value_set_enum (value, self->channel);
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_interaction_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  BmbInteraction *self = BMB_INTERACTION (object);

  switch (prop_id)
    {
    case PROP_CONTACT_ID:
      bmb_interaction_set_contact_id (self, g_value_get_int64 (value));
      break;
    case PROP_HAPPENED_ON:
      bmb_interaction_set_happened_on (self, g_value_get_string (value));
      break;
    case PROP_CHANNEL:
      bmb_interaction_set_channel (self, g_value_get_enum (value));
      break;
    case PROP_SUMMARY:
      bmb_interaction_set_summary (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_interaction_class_init (BmbInteractionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = bmb_interaction_finalize;
  object_class->get_property = bmb_interaction_get_property;
  object_class->set_property = bmb_interaction_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_CONTACT_ID] =
    g_param_spec_int64 ("contact-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_HAPPENED_ON] = g_param_spec_string ("happened-on", NULL, NULL, NULL, rw);
  properties[PROP_CHANNEL] =
    g_param_spec_enum ("channel", NULL, NULL, BMB_TYPE_INTERACTION_CHANNEL,
                       BMB_INTERACTION_CHANNEL_MEETING, rw);
  properties[PROP_SUMMARY] = g_param_spec_string ("summary", NULL, NULL, NULL, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bmb_interaction_init (BmbInteraction *self)
{
}

/* ---- private API --------------------------------------------------------- */

void
_bmb_interaction_set_id (BmbInteraction *self,
                         gint64          id)
{
  g_return_if_fail (BMB_IS_INTERACTION (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

void
_bmb_interaction_set_created_at (BmbInteraction *self,
                                 gint64          created_at)
{
  g_return_if_fail (BMB_IS_INTERACTION (self));

  if (self->created_at == created_at)
    return;

  self->created_at = created_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
}

/* ---- public API ---------------------------------------------------------- */

BmbInteraction *
bmb_interaction_new (gint64                 contact_id,
                     const char            *happened_on,
                     BmbInteractionChannel  channel,
                     const char            *summary)
{
  BmbInteraction *self;

  g_return_val_if_fail (channel < BMB_INTERACTION_N_CHANNELS, NULL);

  self = g_object_new (BMB_TYPE_INTERACTION, NULL);
  self->contact_id = MAX (contact_id, 0);
  self->channel = channel;
  self->summary = g_strdup (summary);

  if (happened_on != NULL)
    {
      self->happened_on = g_strdup (happened_on);
    }
  else
    {
      GDate today;

      bmb_date_get_today (&today);
      self->happened_on = bmb_date_format_iso (&today);
    }

  return self;
}

gint64
bmb_interaction_get_id (BmbInteraction *self)
{
  g_return_val_if_fail (BMB_IS_INTERACTION (self), 0);

  return self->id;
}

gint64
bmb_interaction_get_created_at (BmbInteraction *self)
{
  g_return_val_if_fail (BMB_IS_INTERACTION (self), 0);

  return self->created_at;
}

gint64
bmb_interaction_get_contact_id (BmbInteraction *self)
{
  g_return_val_if_fail (BMB_IS_INTERACTION (self), 0);

  return self->contact_id;
}

void
bmb_interaction_set_contact_id (BmbInteraction *self,
                                gint64          contact_id)
{
  g_return_if_fail (BMB_IS_INTERACTION (self));

  contact_id = MAX (contact_id, 0);
  if (self->contact_id == contact_id)
    return;

  self->contact_id = contact_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTACT_ID]);
}

const char *
bmb_interaction_get_happened_on (BmbInteraction *self)
{
  g_return_val_if_fail (BMB_IS_INTERACTION (self), NULL);

  return self->happened_on;
}

void
bmb_interaction_set_happened_on (BmbInteraction *self,
                                 const char     *happened_on)
{
  g_return_if_fail (BMB_IS_INTERACTION (self));

  if (g_strcmp0 (self->happened_on, happened_on) == 0)
    return;

  g_free (self->happened_on);
  self->happened_on = g_strdup (happened_on);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAPPENED_ON]);
}

BmbInteractionChannel
bmb_interaction_get_channel (BmbInteraction *self)
{
  g_return_val_if_fail (BMB_IS_INTERACTION (self), BMB_INTERACTION_CHANNEL_OTHER);

  return self->channel;
}

void
bmb_interaction_set_channel (BmbInteraction        *self,
                             BmbInteractionChannel  channel)
{
  g_return_if_fail (BMB_IS_INTERACTION (self));
  g_return_if_fail (channel < BMB_INTERACTION_N_CHANNELS);

  if (self->channel == channel)
    return;

  self->channel = channel;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANNEL]);
}

const char *
bmb_interaction_get_summary (BmbInteraction *self)
{
  g_return_val_if_fail (BMB_IS_INTERACTION (self), NULL);

  return self->summary;
}

void
bmb_interaction_set_summary (BmbInteraction *self,
                             const char     *summary)
{
  g_return_if_fail (BMB_IS_INTERACTION (self));

  if (g_strcmp0 (self->summary, summary) == 0)
    return;

  g_free (self->summary);
  self->summary = g_strdup (summary);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}
