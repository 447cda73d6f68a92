/* bmb-checklist-item.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-checklist-template"

#include "config.h"

#include "bmb-checklist-builtins.h"
#include "bmb-checklist-item.h"
#include "bmb-checklist-private.h"

struct _BmbChecklistItem
{
  GObject parent_instance;

  /* state */
  gint64  id;
  char   *template_key;  /* built-in template key, NULL for custom items */
  char   *key;           /* built-in item key, NULL for custom items */
  char   *section;
  char   *title;         /* custom text; NULL for built-ins */
  char   *explanation;   /* custom text; NULL for built-ins */
  guint   position;
};

G_DEFINE_FINAL_TYPE (BmbChecklistItem, bmb_checklist_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TEMPLATE_KEY,
  PROP_KEY,
  PROP_SECTION,
  PROP_TITLE,
  PROP_EXPLANATION,
  PROP_POSITION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bmb_checklist_item_finalize (GObject *object)
{
  BmbChecklistItem *self = (BmbChecklistItem *)object;

  g_clear_pointer (&self->template_key, g_free);
  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->section, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->explanation, g_free);

  G_OBJECT_CLASS (bmb_checklist_item_parent_class)->finalize (object);
}

static void
bmb_checklist_item_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  BmbChecklistItem *self = BMB_CHECKLIST_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_TEMPLATE_KEY:
      g_value_set_string (value, self->template_key);
      break;
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;
    case PROP_SECTION:
      g_value_set_string (value, self->section);
      break;
    case PROP_TITLE:
      g_value_set_string (value, bmb_checklist_item_get_title (self));
      break;
    case PROP_EXPLANATION:
      g_value_set_string (value, bmb_checklist_item_get_explanation (self));
      break;
    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_checklist_item_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  BmbChecklistItem *self = BMB_CHECKLIST_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      _bmb_checklist_item_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_SECTION:
      bmb_checklist_item_set_section (self, g_value_get_string (value));
      break;
    case PROP_TITLE:
      bmb_checklist_item_set_title (self, g_value_get_string (value));
      break;
    case PROP_EXPLANATION:
      bmb_checklist_item_set_explanation (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_checklist_item_class_init (BmbChecklistItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bmb_checklist_item_finalize;
  object_class->get_property = bmb_checklist_item_get_property;
  object_class->set_property = bmb_checklist_item_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEMPLATE_KEY] =
    g_param_spec_string ("template-key", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SECTION] =
    g_param_spec_string ("section", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EXPLANATION] =
    g_param_spec_string ("explanation", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bmb_checklist_item_init (BmbChecklistItem *self)
{
}

BmbChecklistItem *
bmb_checklist_item_new (const char *title,
                        const char *explanation)
{
  BmbChecklistItem *self = g_object_new (BMB_TYPE_CHECKLIST_ITEM, NULL);

  self->title = g_strdup (title);
  self->explanation = g_strdup (explanation);

  return self;
}

BmbChecklistItem *
_bmb_checklist_item_new_builtin (const char *template_key,
                                 const char *item_key)
{
  BmbChecklistItem *self = g_object_new (BMB_TYPE_CHECKLIST_ITEM, NULL);

  g_assert (template_key != NULL);
  g_assert (item_key != NULL);

  self->template_key = g_strdup (template_key);
  self->key = g_strdup (item_key);

  return self;
}

void
_bmb_checklist_item_set_id (BmbChecklistItem *self,
                            gint64            id)
{
  g_assert (BMB_IS_CHECKLIST_ITEM (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

void
_bmb_checklist_item_set_position (BmbChecklistItem *self,
                                  guint             position)
{
  g_assert (BMB_IS_CHECKLIST_ITEM (self));

  if (self->position == position)
    return;

  self->position = position;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

gint64
bmb_checklist_item_get_id (BmbChecklistItem *self)
{
  g_return_val_if_fail (BMB_IS_CHECKLIST_ITEM (self), 0);

  return self->id;
}

const char *
bmb_checklist_item_get_key (BmbChecklistItem *self)
{
  g_return_val_if_fail (BMB_IS_CHECKLIST_ITEM (self), NULL);

  return self->key;
}

gboolean
bmb_checklist_item_is_builtin (BmbChecklistItem *self)
{
  g_return_val_if_fail (BMB_IS_CHECKLIST_ITEM (self), FALSE);

  return self->template_key != NULL;
}

const char *
bmb_checklist_item_get_section (BmbChecklistItem *self)
{
  g_return_val_if_fail (BMB_IS_CHECKLIST_ITEM (self), NULL);

  return self->section;
}

void
bmb_checklist_item_set_section (BmbChecklistItem *self,
                                const char       *section)
{
  g_return_if_fail (BMB_IS_CHECKLIST_ITEM (self));

  if (section != NULL && *section == '\0')
    section = NULL;

  if (_bmb_set_str (&self->section, section))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTION]);
}

const char *
bmb_checklist_item_get_section_label (BmbChecklistItem *self)
{
  const char *label;

  g_return_val_if_fail (BMB_IS_CHECKLIST_ITEM (self), NULL);

  if (self->section == NULL)
    return NULL;

  label = bmb_checklist_builtins_get_section_label (self->section);
  return label != NULL ? label : self->section;
}

const char *
bmb_checklist_item_get_title (BmbChecklistItem *self)
{
  g_return_val_if_fail (BMB_IS_CHECKLIST_ITEM (self), NULL);

  if (self->template_key != NULL)
    {
      const char *text = bmb_checklist_builtins_get_item_title (self->template_key, self->key);

      /* A key this version no longer ships: show the key rather than nothing. */
      return text != NULL ? text : self->key;
    }

  return self->title != NULL ? self->title : "";
}

void
bmb_checklist_item_set_title (BmbChecklistItem *self,
                              const char       *title)
{
  g_return_if_fail (BMB_IS_CHECKLIST_ITEM (self));
  g_return_if_fail (self->template_key == NULL);

  if (_bmb_set_str (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
bmb_checklist_item_get_explanation (BmbChecklistItem *self)
{
  g_return_val_if_fail (BMB_IS_CHECKLIST_ITEM (self), NULL);

  if (self->template_key != NULL)
    {
      const char *text = bmb_checklist_builtins_get_item_explanation (self->template_key,
                                                                      self->key);
      return text != NULL ? text : "";
    }

  return self->explanation != NULL ? self->explanation : "";
}

void
bmb_checklist_item_set_explanation (BmbChecklistItem *self,
                                    const char       *explanation)
{
  g_return_if_fail (BMB_IS_CHECKLIST_ITEM (self));
  g_return_if_fail (self->template_key == NULL);

  if (_bmb_set_str (&self->explanation, explanation))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPLANATION]);
}

guint
bmb_checklist_item_get_position (BmbChecklistItem *self)
{
  g_return_val_if_fail (BMB_IS_CHECKLIST_ITEM (self), 0);

  return self->position;
}
