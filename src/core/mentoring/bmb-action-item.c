/* bmb-action-item.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-action-item"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-action-item.h"
#include "bmb-mentoring-private.h"

struct _BmbActionItem
{
  GObject         parent_instance;

  /* identity */
  gint64          id;
  gint64          relationship_id;
  gint64          session_id;
  gint64          meeting_id;
  char           *recurrence_id;

  /* owned */
  char           *text;
  char           *due_on;

  /* state */
  BmbActionOwner  owner;
  gboolean        done;
  gint64          done_at;
  int             position;
  gint64          created_at;
};

G_DEFINE_FINAL_TYPE (BmbActionItem, bmb_action_item, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (BmbActionOwner, bmb_action_owner,
  G_DEFINE_ENUM_VALUE (BMB_ACTION_OWNER_MENTOR, "mentor"),
  G_DEFINE_ENUM_VALUE (BMB_ACTION_OWNER_MENTEE, "mentee"))

enum {
  PROP_0,
  PROP_ID,
  PROP_RELATIONSHIP_ID,
  PROP_SESSION_ID,
  PROP_MEETING_ID,
  PROP_RECURRENCE_ID,
  PROP_OWNER,
  PROP_TEXT,
  PROP_DUE_ON,
  PROP_DONE,
  PROP_DONE_AT,
  PROP_POSITION,
  PROP_CREATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
bmb_action_owner_to_string (BmbActionOwner owner)
{
  switch (owner)
    {
    case BMB_ACTION_OWNER_MENTOR:
      return "mentor";
    case BMB_ACTION_OWNER_MENTEE:
      return "mentee";
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
bmb_action_owner_from_string (const char     *str,
                              BmbActionOwner *owner)
{
  g_return_val_if_fail (owner != NULL, FALSE);

  if (g_strcmp0 (str, "mentor") == 0)
    *owner = BMB_ACTION_OWNER_MENTOR;
  else if (g_strcmp0 (str, "mentee") == 0)
    *owner = BMB_ACTION_OWNER_MENTEE;
  else
    return FALSE;

  return TRUE;
}

const char *
bmb_action_owner_get_label (BmbActionOwner owner)
{
  switch (owner)
    {
    case BMB_ACTION_OWNER_MENTOR:
      /* Translators: who an action item belongs to */
      return _("Mentor");
    case BMB_ACTION_OWNER_MENTEE:
      /* Translators: who an action item belongs to */
      return _("Mentee");
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
set_int64 (BmbActionItem *self,
           gint64        *field,
           gint64         value,
           guint          prop)
{
  value = MAX (value, 0);
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
bmb_action_item_finalize (GObject *object)
{
  BmbActionItem *self = (BmbActionItem *)object;

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->due_on, g_free);
  g_clear_pointer (&self->recurrence_id, g_free);

  G_OBJECT_CLASS (bmb_action_item_parent_class)->finalize (object);
}

static void
bmb_action_item_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BmbActionItem *self = BMB_ACTION_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:              g_value_set_int64 (value, self->id); break;
    case PROP_RELATIONSHIP_ID: g_value_set_int64 (value, self->relationship_id); break;
    case PROP_SESSION_ID:      g_value_set_int64 (value, self->session_id); break;
    case PROP_MEETING_ID:      g_value_set_int64 (value, self->meeting_id); break;
    case PROP_RECURRENCE_ID:   g_value_set_string (value, self->recurrence_id); break;
    case PROP_OWNER:           g_value_set_enum (value, self->owner); break;
    case PROP_TEXT:            g_value_set_string (value, self->text); break;
    case PROP_DUE_ON:          g_value_set_string (value, self->due_on); break;
    case PROP_DONE:            g_value_set_boolean (value, self->done); break;
    case PROP_DONE_AT:         g_value_set_int64 (value, self->done_at); break;
    case PROP_POSITION:        g_value_set_int (value, self->position); break;
    case PROP_CREATED_AT:      g_value_set_int64 (value, self->created_at); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_action_item_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  BmbActionItem *self = BMB_ACTION_ITEM (object);

  switch (prop_id)
    {
    case PROP_RELATIONSHIP_ID:
      bmb_action_item_set_relationship_id (self, g_value_get_int64 (value));
      break;
    case PROP_SESSION_ID:
      bmb_action_item_set_session_id (self, g_value_get_int64 (value));
      break;
    case PROP_OWNER:
      bmb_action_item_set_owner (self, g_value_get_enum (value));
      break;
    case PROP_TEXT:
      bmb_action_item_set_text (self, g_value_get_string (value));
      break;
    case PROP_DUE_ON:
      bmb_action_item_set_due_on (self, g_value_get_string (value));
      break;
    case PROP_DONE:
      bmb_action_item_set_done (self, g_value_get_boolean (value));
      break;
    case PROP_POSITION:
      bmb_action_item_set_position (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_action_item_class_init (BmbActionItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = bmb_action_item_finalize;
  object_class->get_property = bmb_action_item_get_property;
  object_class->set_property = bmb_action_item_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_RELATIONSHIP_ID] =
    g_param_spec_int64 ("relationship-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_SESSION_ID] =
    g_param_spec_int64 ("session-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_MEETING_ID] =
    g_param_spec_int64 ("meeting-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_RECURRENCE_ID] = g_param_spec_string ("recurrence-id", NULL, NULL, NULL, ro);
  properties[PROP_OWNER] =
    g_param_spec_enum ("owner", NULL, NULL,
                       BMB_TYPE_ACTION_OWNER, BMB_ACTION_OWNER_MENTEE, rw);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, rw);
  properties[PROP_DUE_ON] = g_param_spec_string ("due-on", NULL, NULL, NULL, rw);
  properties[PROP_DONE] = g_param_spec_boolean ("done", NULL, NULL, FALSE, rw);
  properties[PROP_DONE_AT] =
    g_param_spec_int64 ("done-at", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_POSITION] =
    g_param_spec_int ("position", NULL, NULL, -1, G_MAXINT, -1, rw);
  properties[PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL, 0, G_MAXINT64, 0, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bmb_action_item_init (BmbActionItem *self)
{
  self->owner = BMB_ACTION_OWNER_MENTEE;
  self->position = -1;
}

BmbActionItem *
bmb_action_item_new (BmbActionOwner  owner,
                     const char     *text)
{
  return g_object_new (BMB_TYPE_ACTION_ITEM,
                       "owner", owner,
                       "text", text,
                       NULL);
}

gint64
bmb_action_item_get_id (BmbActionItem *self)
{
  g_return_val_if_fail (BMB_IS_ACTION_ITEM (self), 0);

  return self->id;
}

void
_bmb_action_item_set_id (BmbActionItem *self,
                         gint64         id)
{
  g_assert (BMB_IS_ACTION_ITEM (self));

  set_int64 (self, &self->id, id, PROP_ID);
}

gint64
bmb_action_item_get_meeting_id (BmbActionItem *self)
{
  g_return_val_if_fail (BMB_IS_ACTION_ITEM (self), 0);

  return self->meeting_id;
}

const char *
bmb_action_item_get_recurrence_id (BmbActionItem *self)
{
  g_return_val_if_fail (BMB_IS_ACTION_ITEM (self), NULL);

  return self->recurrence_id;
}

void
_bmb_action_item_set_meeting (BmbActionItem *self,
                              gint64         meeting_id,
                              const char    *recurrence_id)
{
  g_assert (BMB_IS_ACTION_ITEM (self));

  set_int64 (self, &self->meeting_id, meeting_id, PROP_MEETING_ID);
  if (_bmb_replace_str (&self->recurrence_id, meeting_id != 0 ? recurrence_id : NULL, FALSE))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECURRENCE_ID]);
}

void
_bmb_action_item_set_times (BmbActionItem *self,
                            gint64         done_at,
                            gint64         created_at)
{
  g_assert (BMB_IS_ACTION_ITEM (self));

  set_int64 (self, &self->done_at, done_at, PROP_DONE_AT);
  set_int64 (self, &self->created_at, created_at, PROP_CREATED_AT);
}

gint64
bmb_action_item_get_relationship_id (BmbActionItem *self)
{
  g_return_val_if_fail (BMB_IS_ACTION_ITEM (self), 0);

  return self->relationship_id;
}

void
bmb_action_item_set_relationship_id (BmbActionItem *self,
                                     gint64         relationship_id)
{
  g_return_if_fail (BMB_IS_ACTION_ITEM (self));

  set_int64 (self, &self->relationship_id, relationship_id, PROP_RELATIONSHIP_ID);
}

gint64
bmb_action_item_get_session_id (BmbActionItem *self)
{
  g_return_val_if_fail (BMB_IS_ACTION_ITEM (self), 0);

  return self->session_id;
}

void
bmb_action_item_set_session_id (BmbActionItem *self,
                                gint64         session_id)
{
  g_return_if_fail (BMB_IS_ACTION_ITEM (self));

  set_int64 (self, &self->session_id, session_id, PROP_SESSION_ID);
}

BmbActionOwner
bmb_action_item_get_owner (BmbActionItem *self)
{
  g_return_val_if_fail (BMB_IS_ACTION_ITEM (self), 0);

  return self->owner;
}

void
bmb_action_item_set_owner (BmbActionItem  *self,
                           BmbActionOwner  owner)
{
  g_return_if_fail (BMB_IS_ACTION_ITEM (self));
  g_return_if_fail (owner == BMB_ACTION_OWNER_MENTOR || owner == BMB_ACTION_OWNER_MENTEE);

  if (self->owner == owner)
    return;

  self->owner = owner;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OWNER]);
}

const char *
bmb_action_item_get_text (BmbActionItem *self)
{
  g_return_val_if_fail (BMB_IS_ACTION_ITEM (self), NULL);

  return self->text;
}

void
bmb_action_item_set_text (BmbActionItem *self,
                          const char    *text)
{
  g_return_if_fail (BMB_IS_ACTION_ITEM (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

const char *
bmb_action_item_get_due_on (BmbActionItem *self)
{
  g_return_val_if_fail (BMB_IS_ACTION_ITEM (self), NULL);

  return self->due_on;
}

void
bmb_action_item_set_due_on (BmbActionItem *self,
                            const char    *date)
{
  g_return_if_fail (BMB_IS_ACTION_ITEM (self));

  if (date != NULL && *date == '\0')
    date = NULL;
  if (g_strcmp0 (self->due_on, date) == 0)
    return;

  g_free (self->due_on);
  self->due_on = g_strdup (date);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DUE_ON]);
}

gboolean
bmb_action_item_get_done (BmbActionItem *self)
{
  g_return_val_if_fail (BMB_IS_ACTION_ITEM (self), FALSE);

  return self->done;
}

void
bmb_action_item_set_done (BmbActionItem *self,
                          gboolean       done)
{
  g_return_if_fail (BMB_IS_ACTION_ITEM (self));

  done = !!done;
  if (self->done == done)
    return;

  self->done = done;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DONE]);
}

gint64
bmb_action_item_get_done_at (BmbActionItem *self)
{
  g_return_val_if_fail (BMB_IS_ACTION_ITEM (self), 0);

  return self->done_at;
}

int
bmb_action_item_get_position (BmbActionItem *self)
{
  g_return_val_if_fail (BMB_IS_ACTION_ITEM (self), 0);

  return self->position;
}

void
bmb_action_item_set_position (BmbActionItem *self,
                              int            position)
{
  g_return_if_fail (BMB_IS_ACTION_ITEM (self));

  position = MAX (position, -1);
  if (self->position == position)
    return;

  self->position = position;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

gint64
bmb_action_item_get_created_at (BmbActionItem *self)
{
  g_return_val_if_fail (BMB_IS_ACTION_ITEM (self), 0);

  return self->created_at;
}
