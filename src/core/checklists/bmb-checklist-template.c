/* bmb-checklist-template.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-checklist-template"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-checklist-builtins.h"
#include "bmb-checklist-private.h"
#include "bmb-checklist-template.h"

struct _BmbChecklistTemplate
{
  GObject parent_instance;

  /* owned */
  GListStore *items;

  /* state */
  gint64         id;
  char          *builtin_key;
  char          *title;
  char          *description;
  BmbAnswerKind  answer_kind;
  int            position;
  gint64         created_at;
  gint64         updated_at;
};

G_DEFINE_ENUM_TYPE (BmbAnswerKind, bmb_answer_kind,
                    G_DEFINE_ENUM_VALUE (BMB_ANSWER_KIND_YES_NO, "yes-no"),
                    G_DEFINE_ENUM_VALUE (BMB_ANSWER_KIND_RATING, "rating"))

G_DEFINE_FINAL_TYPE (BmbChecklistTemplate, bmb_checklist_template, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_BUILTIN_KEY,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_ANSWER_KIND,
  PROP_POSITION,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_ITEMS,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- BmbAnswerKind ---------------------------------------------------------- */

const char *
bmb_answer_kind_to_string (BmbAnswerKind kind)
{
  switch (kind)
    {
    case BMB_ANSWER_KIND_YES_NO:
      return "yes-no";
    case BMB_ANSWER_KIND_RATING:
      return "rating";
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
bmb_answer_kind_from_string (const char    *text,
                             BmbAnswerKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  if (g_strcmp0 (text, "yes-no") == 0)
    *kind = BMB_ANSWER_KIND_YES_NO;
  else if (g_strcmp0 (text, "rating") == 0)
    *kind = BMB_ANSWER_KIND_RATING;
  else
    return FALSE;

  return TRUE;
}

const char *
bmb_answer_kind_get_label (BmbAnswerKind kind)
{
  switch (kind)
    {
    case BMB_ANSWER_KIND_YES_NO:
      /* Translators: how the items of a checklist are answered. */
      return _("Yes or no");
    case BMB_ANSWER_KIND_RATING:
      /* Translators: how the items of a checklist are answered. */
      return _("Rating from 1 to 5");
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
bmb_answer_kind_is_valid_value (BmbAnswerKind kind,
                                int           value)
{
  switch (kind)
    {
    case BMB_ANSWER_KIND_YES_NO:
      return value == 0 || value == 1;
    case BMB_ANSWER_KIND_RATING:
      return value >= 1 && value <= 5;
    default:
      return FALSE;
    }
}

char *
bmb_answer_kind_format_value (BmbAnswerKind kind,
                              int           value)
{
  if (!bmb_answer_kind_is_valid_value (kind, value))
    return g_strdup ("");

  if (kind == BMB_ANSWER_KIND_YES_NO)
    return g_strdup (value ? C_("answer", "Yes") : C_("answer", "No"));

  /* Translators: a rating answer, e.g. “4 of 5”. */
  return g_strdup_printf (_("%d of 5"), value);
}

/* ---- BmbChecklistTemplate -------------------------------------------------- */

static void
renumber_items (BmbChecklistTemplate *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BmbChecklistItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      _bmb_checklist_item_set_position (item, i);
    }
}

static void
on_items_changed_cb (BmbChecklistTemplate *self,
                     guint                 position,
                     guint                 removed,
                     guint                 added,
                     GListModel           *model)
{
  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
bmb_checklist_template_dispose (GObject *object)
{
  BmbChecklistTemplate *self = (BmbChecklistTemplate *)object;

  g_clear_object (&self->items);

  G_OBJECT_CLASS (bmb_checklist_template_parent_class)->dispose (object);
}

static void
bmb_checklist_template_finalize (GObject *object)
{
  BmbChecklistTemplate *self = (BmbChecklistTemplate *)object;

  g_clear_pointer (&self->builtin_key, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (bmb_checklist_template_parent_class)->finalize (object);
}

static void
bmb_checklist_template_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  BmbChecklistTemplate *self = BMB_CHECKLIST_TEMPLATE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_BUILTIN_KEY:
      g_value_set_string (value, self->builtin_key);
      break;
    case PROP_TITLE:
      g_value_set_string (value, bmb_checklist_template_get_title (self));
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, bmb_checklist_template_get_description (self));
      break;
    case PROP_ANSWER_KIND:
      g_value_set_enum (value, self->answer_kind);
      break;
    case PROP_POSITION:
      g_value_set_int (value, self->position);
      break;
    case PROP_CREATED_AT:
      g_value_set_int64 (value, self->created_at);
      break;
    case PROP_UPDATED_AT:
      g_value_set_int64 (value, self->updated_at);
      break;
    case PROP_ITEMS:
      g_value_set_object (value, self->items);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, bmb_checklist_template_get_n_items (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_checklist_template_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  BmbChecklistTemplate *self = BMB_CHECKLIST_TEMPLATE (object);

  switch (prop_id)
    {
    case PROP_ID:
      _bmb_checklist_template_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_TITLE:
      bmb_checklist_template_set_title (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      bmb_checklist_template_set_description (self, g_value_get_string (value));
      break;
    case PROP_ANSWER_KIND:
      bmb_checklist_template_set_answer_kind (self, g_value_get_enum (value));
      break;
    case PROP_POSITION:
      _bmb_checklist_template_set_position (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_checklist_template_class_init (BmbChecklistTemplateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bmb_checklist_template_dispose;
  object_class->finalize = bmb_checklist_template_finalize;
  object_class->get_property = bmb_checklist_template_get_property;
  object_class->set_property = bmb_checklist_template_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUILTIN_KEY] =
    g_param_spec_string ("builtin-key", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ANSWER_KIND] =
    g_param_spec_enum ("answer-kind", NULL, NULL,
                       BMB_TYPE_ANSWER_KIND, BMB_ANSWER_KIND_YES_NO,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_POSITION] =
    g_param_spec_int ("position", NULL, NULL, G_MININT, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UPDATED_AT] =
    g_param_spec_int64 ("updated-at", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ITEMS] =
    g_param_spec_object ("items", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bmb_checklist_template_init (BmbChecklistTemplate *self)
{
  self->items = g_list_store_new (BMB_TYPE_CHECKLIST_ITEM);
  g_signal_connect_object (self->items, "items-changed",
                           G_CALLBACK (on_items_changed_cb), self, G_CONNECT_SWAPPED);
}

BmbChecklistTemplate *
bmb_checklist_template_new (const char    *title,
                            BmbAnswerKind  kind)
{
  BmbChecklistTemplate *self = g_object_new (BMB_TYPE_CHECKLIST_TEMPLATE, NULL);

  self->title = g_strdup (title);
  self->answer_kind = kind;

  return self;
}

BmbChecklistTemplate *
_bmb_checklist_template_new_builtin (const char    *builtin_key,
                                     BmbAnswerKind  kind)
{
  BmbChecklistTemplate *self = g_object_new (BMB_TYPE_CHECKLIST_TEMPLATE, NULL);

  g_assert (builtin_key != NULL);

  self->builtin_key = g_strdup (builtin_key);
  self->answer_kind = kind;

  return self;
}

void
_bmb_checklist_template_set_id (BmbChecklistTemplate *self,
                                gint64                id)
{
  g_assert (BMB_IS_CHECKLIST_TEMPLATE (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

void
_bmb_checklist_template_set_position (BmbChecklistTemplate *self,
                                      int                   position)
{
  g_assert (BMB_IS_CHECKLIST_TEMPLATE (self));

  if (self->position == position)
    return;

  self->position = position;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

void
_bmb_checklist_template_set_timestamps (BmbChecklistTemplate *self,
                                        gint64                created_at,
                                        gint64                updated_at)
{
  g_assert (BMB_IS_CHECKLIST_TEMPLATE (self));

  self->created_at = created_at;
  if (self->updated_at != updated_at)
    {
      self->updated_at = updated_at;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
    }
}

void
_bmb_checklist_template_renumber (BmbChecklistTemplate *self)
{
  g_assert (BMB_IS_CHECKLIST_TEMPLATE (self));

  renumber_items (self);
}

gint64
bmb_checklist_template_get_id (BmbChecklistTemplate *self)
{
  g_return_val_if_fail (BMB_IS_CHECKLIST_TEMPLATE (self), 0);

  return self->id;
}

const char *
bmb_checklist_template_get_builtin_key (BmbChecklistTemplate *self)
{
  g_return_val_if_fail (BMB_IS_CHECKLIST_TEMPLATE (self), NULL);

  return self->builtin_key;
}

gboolean
bmb_checklist_template_is_builtin (BmbChecklistTemplate *self)
{
  g_return_val_if_fail (BMB_IS_CHECKLIST_TEMPLATE (self), FALSE);

  return self->builtin_key != NULL;
}

const char *
bmb_checklist_template_get_title (BmbChecklistTemplate *self)
{
  g_return_val_if_fail (BMB_IS_CHECKLIST_TEMPLATE (self), NULL);

  if (self->builtin_key != NULL)
    {
      const char *text = bmb_checklist_builtins_get_title (self->builtin_key);

      return text != NULL ? text : self->builtin_key;
    }

  return self->title != NULL ? self->title : "";
}

void
bmb_checklist_template_set_title (BmbChecklistTemplate *self,
                                  const char           *title)
{
  g_return_if_fail (BMB_IS_CHECKLIST_TEMPLATE (self));
  g_return_if_fail (self->builtin_key == NULL);

  if (_bmb_set_str (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
bmb_checklist_template_get_description (BmbChecklistTemplate *self)
{
  g_return_val_if_fail (BMB_IS_CHECKLIST_TEMPLATE (self), NULL);

  if (self->builtin_key != NULL)
    {
      const char *text = bmb_checklist_builtins_get_description (self->builtin_key);

      return text != NULL ? text : "";
    }

  return self->description != NULL ? self->description : "";
}

void
bmb_checklist_template_set_description (BmbChecklistTemplate *self,
                                        const char           *description)
{
  g_return_if_fail (BMB_IS_CHECKLIST_TEMPLATE (self));
  g_return_if_fail (self->builtin_key == NULL);

  if (_bmb_set_str (&self->description, description))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

BmbAnswerKind
bmb_checklist_template_get_answer_kind (BmbChecklistTemplate *self)
{
  g_return_val_if_fail (BMB_IS_CHECKLIST_TEMPLATE (self), BMB_ANSWER_KIND_YES_NO);

  return self->answer_kind;
}

void
bmb_checklist_template_set_answer_kind (BmbChecklistTemplate *self,
                                        BmbAnswerKind         kind)
{
  g_return_if_fail (BMB_IS_CHECKLIST_TEMPLATE (self));
  g_return_if_fail (kind == BMB_ANSWER_KIND_YES_NO || kind == BMB_ANSWER_KIND_RATING);

  if (self->answer_kind == kind)
    return;

  self->answer_kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANSWER_KIND]);
}

int
bmb_checklist_template_get_position (BmbChecklistTemplate *self)
{
  g_return_val_if_fail (BMB_IS_CHECKLIST_TEMPLATE (self), 0);

  return self->position;
}

gint64
bmb_checklist_template_get_created_at (BmbChecklistTemplate *self)
{
  g_return_val_if_fail (BMB_IS_CHECKLIST_TEMPLATE (self), 0);

  return self->created_at;
}

gint64
bmb_checklist_template_get_updated_at (BmbChecklistTemplate *self)
{
  g_return_val_if_fail (BMB_IS_CHECKLIST_TEMPLATE (self), 0);

  return self->updated_at;
}

GListModel *
bmb_checklist_template_get_items (BmbChecklistTemplate *self)
{
  g_return_val_if_fail (BMB_IS_CHECKLIST_TEMPLATE (self), NULL);

  return G_LIST_MODEL (self->items);
}

guint
bmb_checklist_template_get_n_items (BmbChecklistTemplate *self)
{
  g_return_val_if_fail (BMB_IS_CHECKLIST_TEMPLATE (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->items));
}

BmbChecklistItem *
bmb_checklist_template_get_item (BmbChecklistTemplate *self,
                                 guint                 position)
{
  g_autoptr(BmbChecklistItem) item = NULL;

  g_return_val_if_fail (BMB_IS_CHECKLIST_TEMPLATE (self), NULL);

  /* The list store keeps its own reference: returning a borrowed pointer is safe. */
  item = g_list_model_get_item (G_LIST_MODEL (self->items), position);
  return item;
}

BmbChecklistItem *
bmb_checklist_template_find_item (BmbChecklistTemplate *self,
                                  gint64                item_id)
{
  guint n;

  g_return_val_if_fail (BMB_IS_CHECKLIST_TEMPLATE (self), NULL);

  if (item_id <= 0)
    return NULL;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  for (guint i = 0; i < n; i++)
    {
      BmbChecklistItem *item = bmb_checklist_template_get_item (self, i);

      if (bmb_checklist_item_get_id (item) == item_id)
        return item;
    }

  return NULL;
}

BmbChecklistItem *
bmb_checklist_template_find_item_by_key (BmbChecklistTemplate *self,
                                         const char           *key)
{
  guint n;

  g_return_val_if_fail (BMB_IS_CHECKLIST_TEMPLATE (self), NULL);

  if (key == NULL)
    return NULL;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  for (guint i = 0; i < n; i++)
    {
      BmbChecklistItem *item = bmb_checklist_template_get_item (self, i);

      if (g_strcmp0 (bmb_checklist_item_get_key (item), key) == 0)
        return item;
    }

  return NULL;
}

void
bmb_checklist_template_append_item (BmbChecklistTemplate *self,
                                    BmbChecklistItem     *item)
{
  g_return_if_fail (BMB_IS_CHECKLIST_TEMPLATE (self));
  g_return_if_fail (BMB_IS_CHECKLIST_ITEM (item));

  _bmb_checklist_item_set_position (item, bmb_checklist_template_get_n_items (self));
  g_list_store_append (self->items, item);
}

void
bmb_checklist_template_insert_item (BmbChecklistTemplate *self,
                                    guint                 position,
                                    BmbChecklistItem     *item)
{
  g_return_if_fail (BMB_IS_CHECKLIST_TEMPLATE (self));
  g_return_if_fail (BMB_IS_CHECKLIST_ITEM (item));

  position = MIN (position, bmb_checklist_template_get_n_items (self));
  g_list_store_insert (self->items, position, item);
  renumber_items (self);
}

void
bmb_checklist_template_remove_item (BmbChecklistTemplate *self,
                                    guint                 position)
{
  g_return_if_fail (BMB_IS_CHECKLIST_TEMPLATE (self));
  g_return_if_fail (position < bmb_checklist_template_get_n_items (self));

  g_list_store_remove (self->items, position);
  renumber_items (self);
}

void
bmb_checklist_template_move_item (BmbChecklistTemplate *self,
                                  guint                 from,
                                  guint                 to)
{
  g_autoptr(BmbChecklistItem) item = NULL;
  guint n;

  g_return_if_fail (BMB_IS_CHECKLIST_TEMPLATE (self));

  n = bmb_checklist_template_get_n_items (self);
  g_return_if_fail (from < n);
  g_return_if_fail (to < n);

  if (from == to)
    return;

  item = g_list_model_get_item (G_LIST_MODEL (self->items), from);
  g_list_store_remove (self->items, from);
  g_list_store_insert (self->items, to, item);
  renumber_items (self);
}
