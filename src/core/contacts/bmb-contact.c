/* bmb-contact.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The contact itself: properties, the derived display name, merging and
 * copying. Its fields and tags: bmb-contact-fields-tags.c.
 */

#define G_LOG_DOMAIN "bmb-contact"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-contact.h"
#include "bmb-contact-limiter.h"
#include "bmb-contact-private.h"

G_DEFINE_FINAL_TYPE (BmbContact, bmb_contact, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UID,
  PROP_DISPLAY_NAME,
  PROP_PREFIX,
  PROP_GIVEN_NAME,
  PROP_ADDITIONAL_NAMES,
  PROP_FAMILY_NAME,
  PROP_SUFFIX,
  PROP_NICKNAME,
  PROP_ORGANIZATION,
  PROP_ROLE,
  PROP_BIRTHDAY,
  PROP_MET_WHERE,
  PROP_MET_ON,
  PROP_MET_EVENT,
  PROP_INTRODUCED_BY,
  PROP_NOTES,
  PROP_KEEP_IN_TOUCH_COUNT,
  PROP_KEEP_IN_TOUCH_UNIT,
  PROP_LAST_CONTACT_ON,
  PROP_NEXT_FOLLOW_UP_ON,
  PROP_FOLLOW_UP_ON,
  PROP_FOLLOW_UP_NOTE,
  PROP_TAGS,
  PROP_INITIALS,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Plain string columns: property → struct member. */
static const struct {
  guint  prop_id;
  gsize  offset;
  guint  is_name_part : 1;
  guint  keep_spacing : 1;
} string_props[] = {
  { PROP_UID, G_STRUCT_OFFSET (BmbContact, uid), FALSE, FALSE },
  { PROP_PREFIX, G_STRUCT_OFFSET (BmbContact, prefix), TRUE, FALSE },
  { PROP_GIVEN_NAME, G_STRUCT_OFFSET (BmbContact, given_name), TRUE, FALSE },
  { PROP_ADDITIONAL_NAMES, G_STRUCT_OFFSET (BmbContact, additional_names), TRUE, FALSE },
  { PROP_FAMILY_NAME, G_STRUCT_OFFSET (BmbContact, family_name), TRUE, FALSE },
  { PROP_SUFFIX, G_STRUCT_OFFSET (BmbContact, suffix), TRUE, FALSE },
  { PROP_NICKNAME, G_STRUCT_OFFSET (BmbContact, nickname), TRUE, FALSE },
  { PROP_ORGANIZATION, G_STRUCT_OFFSET (BmbContact, organization), TRUE, FALSE },
  { PROP_ROLE, G_STRUCT_OFFSET (BmbContact, role), FALSE, FALSE },
  { PROP_BIRTHDAY, G_STRUCT_OFFSET (BmbContact, birthday), FALSE, FALSE },
  { PROP_MET_WHERE, G_STRUCT_OFFSET (BmbContact, met_where), FALSE, FALSE },
  { PROP_MET_ON, G_STRUCT_OFFSET (BmbContact, met_on), FALSE, FALSE },
  { PROP_MET_EVENT, G_STRUCT_OFFSET (BmbContact, met_event), FALSE, FALSE },
  { PROP_NOTES, G_STRUCT_OFFSET (BmbContact, notes), FALSE, TRUE },
  { PROP_LAST_CONTACT_ON, G_STRUCT_OFFSET (BmbContact, last_contact_on), FALSE, FALSE },
  { PROP_FOLLOW_UP_ON, G_STRUCT_OFFSET (BmbContact, follow_up_on), FALSE, FALSE },
  { PROP_FOLLOW_UP_NOTE, G_STRUCT_OFFSET (BmbContact, follow_up_note), FALSE, FALSE },
};

/* ---- helpers ------------------------------------------------------------- */

static inline char **
string_member (BmbContact *self,
               guint       i)
{
  return G_STRUCT_MEMBER_P (self, string_props[i].offset);
}

static int
string_prop_index (guint prop_id)
{
  for (guint i = 0; i < G_N_ELEMENTS (string_props); i++)
    if (string_props[i].prop_id == prop_id)
      return (int)i;

  return -1;
}

static void
append_word (GString    *str,
             const char *word)
{
  if (word == NULL || *word == '\0')
    return;
  if (str->len > 0)
    g_string_append_c (str, ' ');
  g_string_append (str, word);
}

static char *
join_name_parts (BmbContact *self,
                 gboolean    with_titles)
{
  g_autoptr(GString) str = g_string_new (NULL);

  if (with_titles)
    append_word (str, self->prefix);
  append_word (str, self->given_name);
  append_word (str, self->additional_names);
  append_word (str, self->family_name);

  if (self->given_name == NULL && self->additional_names == NULL && self->family_name == NULL)
    return NULL;

  if (with_titles && self->suffix != NULL)
    g_string_append_printf (str, ", %s", self->suffix);

  return g_string_free (g_steal_pointer (&str), FALSE);
}

static const char *
ensure_derived_name (BmbContact *self)
{
  if (self->derived_name == NULL)
    {
      char *name = join_name_parts (self, TRUE);

      if (name == NULL && self->nickname != NULL)
        name = g_strdup (self->nickname);
      if (name == NULL && self->organization != NULL)
        name = g_strdup (self->organization);
      if (name == NULL)
        name = g_strdup (bmb_contact_get_primary_value (self, BMB_CONTACT_FIELD_EMAIL));
      if (name == NULL)
        name = g_strdup ("");

      self->derived_name = name;
    }

  return self->derived_name;
}

/* Called when anything the derived name depends on may have changed. */
void
_bmb_contact_invalidate_derived_name (BmbContact *self)
{
  g_autofree char *old = g_steal_pointer (&self->derived_name);

  if (self->display_name != NULL)
    return;

  if (g_strcmp0 (old, ensure_derived_name (self)) != 0)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_NAME]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INITIALS]);
    }
}

static void
set_string_prop (BmbContact *self,
                 guint       prop_id,
                 const char *value)
{
  int i = string_prop_index (prop_id);
  g_autofree char *normalized = NULL;
  char **member;

  g_assert (i >= 0);

  normalized = _bmb_text_normalize (value, string_props[i].keep_spacing);
  member = string_member (self, i);

  if (g_strcmp0 (*member, normalized) == 0)
    return;

  g_free (*member);
  *member = g_steal_pointer (&normalized);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);

  if (string_props[i].is_name_part)
    {
      _bmb_contact_invalidate_derived_name (self);
      if (prop_id == PROP_GIVEN_NAME || prop_id == PROP_FAMILY_NAME)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INITIALS]);
    }
}

/* ---- GObject ------------------------------------------------------------- */

static void
bmb_contact_finalize (GObject *object)
{
  BmbContact *self = (BmbContact *)object;

  for (guint i = 0; i < G_N_ELEMENTS (string_props); i++)
    g_clear_pointer (string_member (self, i), g_free);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->next_follow_up_on, g_free);
  g_clear_pointer (&self->derived_name, g_free);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->tags, g_ptr_array_unref);
  g_clear_pointer (&self->tag_set, g_hash_table_unref);

  G_OBJECT_CLASS (bmb_contact_parent_class)->finalize (object);
}

static void
bmb_contact_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  BmbContact *self = BMB_CONTACT (object);
  int i;

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_DISPLAY_NAME:
      g_value_set_string (value, bmb_contact_get_display_name (self));
      break;
    case PROP_INTRODUCED_BY:
      g_value_set_int64 (value, self->introduced_by);
      break;
    case PROP_KEEP_IN_TOUCH_COUNT:
      g_value_set_uint (value, self->keep_in_touch_count);
      break;
    case PROP_KEEP_IN_TOUCH_UNIT:
      g_value_set_enum (value, self->keep_in_touch_unit);
      break;
    case PROP_NEXT_FOLLOW_UP_ON:
      g_value_set_string (value, self->next_follow_up_on);
      break;
    case PROP_TAGS:
      g_value_set_boxed (value, bmb_contact_get_tags (self));
      break;
    case PROP_INITIALS:
      g_value_take_string (value, bmb_contact_dup_initials (self));
      break;
    case PROP_CREATED_AT:
      g_value_set_int64 (value, self->created_at);
      break;
    case PROP_UPDATED_AT:
      g_value_set_int64 (value, self->updated_at);
      break;
    default:
      if ((i = string_prop_index (prop_id)) >= 0)
        g_value_set_string (value, *string_member (self, i));
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_contact_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  BmbContact *self = BMB_CONTACT (object);

  switch (prop_id)
    {
    case PROP_DISPLAY_NAME:
      bmb_contact_set_display_name (self, g_value_get_string (value));
      break;
    case PROP_INTRODUCED_BY:
      bmb_contact_set_introduced_by (self, g_value_get_int64 (value));
      break;
    case PROP_KEEP_IN_TOUCH_COUNT:
      bmb_contact_set_keep_in_touch (self, g_value_get_uint (value), self->keep_in_touch_unit);
      break;
    case PROP_KEEP_IN_TOUCH_UNIT:
      bmb_contact_set_keep_in_touch (self, self->keep_in_touch_count, g_value_get_enum (value));
      break;
    case PROP_TAGS:
      bmb_contact_set_tags (self, g_value_get_boxed (value));
      break;
    default:
      if (string_prop_index (prop_id) >= 0)
        set_string_prop (self, prop_id, g_value_get_string (value));
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_pspec (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                              G_PARAM_STATIC_STRINGS);
}

static void
bmb_contact_class_init (BmbContactClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = bmb_contact_finalize;
  object_class->get_property = bmb_contact_get_property;
  object_class->set_property = bmb_contact_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_UID] = string_pspec ("uid");
  properties[PROP_DISPLAY_NAME] = string_pspec ("display-name");
  properties[PROP_PREFIX] = string_pspec ("prefix");
  properties[PROP_GIVEN_NAME] = string_pspec ("given-name");
  properties[PROP_ADDITIONAL_NAMES] = string_pspec ("additional-names");
  properties[PROP_FAMILY_NAME] = string_pspec ("family-name");
  properties[PROP_SUFFIX] = string_pspec ("suffix");
  properties[PROP_NICKNAME] = string_pspec ("nickname");
  properties[PROP_ORGANIZATION] = string_pspec ("organization");
  properties[PROP_ROLE] = string_pspec ("role");
  properties[PROP_BIRTHDAY] = string_pspec ("birthday");
  properties[PROP_MET_WHERE] = string_pspec ("met-where");
  properties[PROP_MET_ON] = string_pspec ("met-on");
  properties[PROP_MET_EVENT] = string_pspec ("met-event");
  properties[PROP_INTRODUCED_BY] =
    g_param_spec_int64 ("introduced-by", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTES] = string_pspec ("notes");
  properties[PROP_KEEP_IN_TOUCH_COUNT] =
    g_param_spec_uint ("keep-in-touch-count", NULL, NULL, 0, 999, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KEEP_IN_TOUCH_UNIT] =
    g_param_spec_enum ("keep-in-touch-unit", NULL, NULL,
                       BMB_TYPE_FOLLOW_UP_UNIT, BMB_FOLLOW_UP_UNIT_NONE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_CONTACT_ON] = string_pspec ("last-contact-on");
  properties[PROP_FOLLOW_UP_ON] = string_pspec ("follow-up-on");
  properties[PROP_FOLLOW_UP_NOTE] = string_pspec ("follow-up-note");
  properties[PROP_NEXT_FOLLOW_UP_ON] =
    g_param_spec_string ("next-follow-up-on", NULL, NULL, NULL, ro);
  properties[PROP_TAGS] =
    g_param_spec_boxed ("tags", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INITIALS] = g_param_spec_string ("initials", NULL, NULL, NULL, ro);
  properties[PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_UPDATED_AT] =
    g_param_spec_int64 ("updated-at", NULL, NULL, 0, G_MAXINT64, 0, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bmb_contact_init (BmbContact *self)
{
  self->fields = g_ptr_array_new_with_free_func ((GDestroyNotify)bmb_contact_field_unref);
  self->tags = g_ptr_array_new_null_terminated (4, g_free, TRUE);
}

/* ---- private API --------------------------------------------------------- */

void
_bmb_contact_set_id (BmbContact *self,
                     gint64      id)
{
  g_return_if_fail (BMB_IS_CONTACT (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

void
_bmb_contact_set_timestamps (BmbContact *self,
                             gint64      created_at,
                             gint64      updated_at)
{
  g_return_if_fail (BMB_IS_CONTACT (self));

  if (self->created_at != created_at)
    {
      self->created_at = created_at;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
    }
  if (self->updated_at != updated_at)
    {
      self->updated_at = updated_at;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
    }
}

void
_bmb_contact_set_next_follow_up_on (BmbContact *self,
                                    const char *next_follow_up_on)
{
  g_return_if_fail (BMB_IS_CONTACT (self));

  if (g_strcmp0 (self->next_follow_up_on, next_follow_up_on) == 0)
    return;

  g_free (self->next_follow_up_on);
  self->next_follow_up_on = g_strdup (next_follow_up_on);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEXT_FOLLOW_UP_ON]);
}

void
_bmb_contact_set_stored_display_name (BmbContact *self,
                                      const char *display_name)
{
  g_autofree char *custom = g_steal_pointer (&self->display_name);

  g_clear_pointer (&self->derived_name, g_free);
  if (g_strcmp0 (display_name, ensure_derived_name (self)) != 0)
    self->display_name = _bmb_text_normalize (display_name, FALSE);

  if (g_strcmp0 (custom, self->display_name) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_NAME]);
}

char *
_bmb_contact_dup_sort_source (BmbContact *self)
{
  char *parts;

  g_return_val_if_fail (BMB_IS_CONTACT (self), NULL);

  if (self->display_name != NULL)
    return g_strdup (self->display_name);

  if ((parts = join_name_parts (self, FALSE)) != NULL)
    return parts;

  return g_strdup (ensure_derived_name (self));
}

void
_bmb_contact_notify_tags (BmbContact *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAGS]);
}

/* ---- public API ---------------------------------------------------------- */

BmbContact *
bmb_contact_new (void)
{
  return g_object_new (BMB_TYPE_CONTACT, NULL);
}

gint64
bmb_contact_get_id (BmbContact *self)
{
  g_return_val_if_fail (BMB_IS_CONTACT (self), 0);

  return self->id;
}

gint64
bmb_contact_get_created_at (BmbContact *self)
{
  g_return_val_if_fail (BMB_IS_CONTACT (self), 0);

  return self->created_at;
}

gint64
bmb_contact_get_updated_at (BmbContact *self)
{
  g_return_val_if_fail (BMB_IS_CONTACT (self), 0);

  return self->updated_at;
}

const char *
bmb_contact_get_next_follow_up_on (BmbContact *self)
{
  g_return_val_if_fail (BMB_IS_CONTACT (self), NULL);

  return self->next_follow_up_on;
}

const char *
bmb_contact_get_display_name (BmbContact *self)
{
  g_return_val_if_fail (BMB_IS_CONTACT (self), NULL);

  if (self->display_name != NULL)
    return self->display_name;

  return ensure_derived_name (self);
}

void
bmb_contact_set_display_name (BmbContact *self,
                              const char *display_name)
{
  g_autofree char *normalized = NULL;

  g_return_if_fail (BMB_IS_CONTACT (self));

  normalized = _bmb_text_normalize (display_name, FALSE);
  if (g_strcmp0 (normalized, self->display_name) == 0)
    return;

  g_free (self->display_name);
  self->display_name = g_steal_pointer (&normalized);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_NAME]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INITIALS]);
}

gboolean
bmb_contact_has_custom_display_name (BmbContact *self)
{
  g_return_val_if_fail (BMB_IS_CONTACT (self), FALSE);

  return self->display_name != NULL;
}

#define STRING_ACCESSORS(name, PROP)                                   \
  const char *                                                         \
  bmb_contact_get_##name (BmbContact *self)                            \
  {                                                                    \
    g_return_val_if_fail (BMB_IS_CONTACT (self), NULL);                \
    return self->name;                                                 \
  }                                                                    \
  void                                                                 \
  bmb_contact_set_##name (BmbContact *self,                            \
                          const char *value)                           \
  {                                                                    \
    g_return_if_fail (BMB_IS_CONTACT (self));                          \
    set_string_prop (self, PROP, value);                               \
  }

STRING_ACCESSORS (uid, PROP_UID)
STRING_ACCESSORS (prefix, PROP_PREFIX)
STRING_ACCESSORS (given_name, PROP_GIVEN_NAME)
STRING_ACCESSORS (additional_names, PROP_ADDITIONAL_NAMES)
STRING_ACCESSORS (family_name, PROP_FAMILY_NAME)
STRING_ACCESSORS (suffix, PROP_SUFFIX)
STRING_ACCESSORS (nickname, PROP_NICKNAME)
STRING_ACCESSORS (organization, PROP_ORGANIZATION)
STRING_ACCESSORS (role, PROP_ROLE)
STRING_ACCESSORS (birthday, PROP_BIRTHDAY)
STRING_ACCESSORS (met_where, PROP_MET_WHERE)
STRING_ACCESSORS (met_on, PROP_MET_ON)
STRING_ACCESSORS (met_event, PROP_MET_EVENT)
STRING_ACCESSORS (notes, PROP_NOTES)
STRING_ACCESSORS (last_contact_on, PROP_LAST_CONTACT_ON)
STRING_ACCESSORS (follow_up_on, PROP_FOLLOW_UP_ON)
STRING_ACCESSORS (follow_up_note, PROP_FOLLOW_UP_NOTE)

#undef STRING_ACCESSORS

gint64
bmb_contact_get_introduced_by (BmbContact *self)
{
  g_return_val_if_fail (BMB_IS_CONTACT (self), 0);

  return self->introduced_by;
}

void
bmb_contact_set_introduced_by (BmbContact *self,
                               gint64      contact_id)
{
  g_return_if_fail (BMB_IS_CONTACT (self));

  contact_id = MAX (contact_id, 0);
  if (self->introduced_by == contact_id)
    return;

  self->introduced_by = contact_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTRODUCED_BY]);
}

guint
bmb_contact_get_keep_in_touch_count (BmbContact *self)
{
  g_return_val_if_fail (BMB_IS_CONTACT (self), 0);

  return self->keep_in_touch_count;
}

BmbFollowUpUnit
bmb_contact_get_keep_in_touch_unit (BmbContact *self)
{
  g_return_val_if_fail (BMB_IS_CONTACT (self), BMB_FOLLOW_UP_UNIT_NONE);

  return self->keep_in_touch_unit;
}

void
bmb_contact_set_keep_in_touch (BmbContact      *self,
                               guint            count,
                               BmbFollowUpUnit  unit)
{
  g_return_if_fail (BMB_IS_CONTACT (self));
  g_return_if_fail (unit <= BMB_FOLLOW_UP_UNIT_MONTH);

  count = MIN (count, 999);

  if (self->keep_in_touch_count != count)
    {
      self->keep_in_touch_count = count;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEEP_IN_TOUCH_COUNT]);
    }
  if (self->keep_in_touch_unit != unit)
    {
      self->keep_in_touch_unit = unit;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEEP_IN_TOUCH_UNIT]);
    }
}

char *
bmb_contact_dup_initials (BmbContact *self)
{
  g_return_val_if_fail (BMB_IS_CONTACT (self), NULL);

  return _bmb_contact_initials (self->given_name, self->family_name,
                                bmb_contact_get_display_name (self));
}

static gboolean
merge_from (BmbContact        *self,
            BmbContact        *other,
            BmbContactLimiter *limiter)
{
  gboolean changed = FALSE;

  if (self == other)
    return FALSE;

  g_object_freeze_notify (G_OBJECT (self));

  for (guint i = 0; i < G_N_ELEMENTS (string_props); i++)
    {
      guint prop_id = string_props[i].prop_id;
      const char *mine = *string_member (self, i);
      const char *theirs = *string_member (other, i);

      if (theirs == NULL || prop_id == PROP_UID)
        continue;

      if (mine == NULL)
        {
          set_string_prop (self, prop_id, theirs);
          changed = TRUE;
        }
      else if (prop_id == PROP_NOTES && strstr (mine, theirs) == NULL)
        {
          g_autofree char *joined = g_strconcat (mine, "\n\n", theirs, NULL);

          set_string_prop (self, prop_id, joined);
          changed = TRUE;
        }
      else if (prop_id == PROP_LAST_CONTACT_ON && g_strcmp0 (theirs, mine) > 0)
        {
          set_string_prop (self, prop_id, theirs);
          changed = TRUE;
        }
    }

  if (self->display_name == NULL && other->display_name != NULL &&
      self->given_name == NULL && self->additional_names == NULL && self->family_name == NULL)
    {
      bmb_contact_set_display_name (self, other->display_name);
      changed = TRUE;
    }

  if (self->introduced_by == 0 && other->introduced_by != 0 &&
      other->introduced_by != self->id)
    {
      bmb_contact_set_introduced_by (self, other->introduced_by);
      changed = TRUE;
    }

  if (self->keep_in_touch_count == 0 || self->keep_in_touch_unit == BMB_FOLLOW_UP_UNIT_NONE)
    {
      if (other->keep_in_touch_count > 0 && other->keep_in_touch_unit != BMB_FOLLOW_UP_UNIT_NONE)
        {
          bmb_contact_set_keep_in_touch (self, other->keep_in_touch_count,
                                         other->keep_in_touch_unit);
          changed = TRUE;
        }
    }

  if (_bmb_contact_merge_fields (self, other, limiter))
    changed = TRUE;

  for (guint i = 0; i < other->tags->len; i++)
    {
      const char *tag = g_ptr_array_index (other->tags, i);

      if (limiter != NULL ? bmb_contact_limiter_add_tag (limiter, self, tag)
                          : bmb_contact_add_tag (self, tag))
        changed = TRUE;
    }

  g_object_thaw_notify (G_OBJECT (self));

  return changed;
}

gboolean
bmb_contact_merge_from (BmbContact *self,
                        BmbContact *other)
{
  g_return_val_if_fail (BMB_IS_CONTACT (self), FALSE);
  g_return_val_if_fail (BMB_IS_CONTACT (other), FALSE);

  return merge_from (self, other, NULL);
}

gboolean
_bmb_contact_merge_from_limited (BmbContact        *self,
                                 BmbContact        *other,
                                 BmbContactLimiter *limiter)
{
  g_return_val_if_fail (BMB_IS_CONTACT (self), FALSE);
  g_return_val_if_fail (BMB_IS_CONTACT (other), FALSE);
  g_return_val_if_fail (limiter != NULL, FALSE);

  return merge_from (self, other, limiter);
}

BmbContact *
bmb_contact_copy (BmbContact *self)
{
  BmbContact *copy;

  g_return_val_if_fail (BMB_IS_CONTACT (self), NULL);

  copy = bmb_contact_new ();
  copy->id = self->id;
  copy->created_at = self->created_at;
  copy->updated_at = self->updated_at;
  copy->next_follow_up_on = g_strdup (self->next_follow_up_on);
  for (guint i = 0; i < G_N_ELEMENTS (string_props); i++)
    *string_member (copy, i) = g_strdup (*string_member (self, i));
  copy->display_name = g_strdup (self->display_name);
  copy->introduced_by = self->introduced_by;
  copy->keep_in_touch_count = self->keep_in_touch_count;
  copy->keep_in_touch_unit = self->keep_in_touch_unit;
  for (guint i = 0; i < self->fields->len; i++)
    g_ptr_array_add (copy->fields, bmb_contact_field_ref (g_ptr_array_index (self->fields, i)));
  for (guint i = 0; i < self->tags->len; i++)
    g_ptr_array_add (copy->tags, g_strdup (g_ptr_array_index (self->tags, i)));

  return copy;
}
