/* bmb-contact-fields-tags.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * BmbContact, continued: its fields (emails, phones, links… as
 * BmbContactField, from bmb-contact-field.c) and its tags.
 */

#define G_LOG_DOMAIN "bmb-contact"

#include "config.h"

#include "bmb-contact.h"
#include "bmb-contact-limiter.h"
#include "bmb-contact-private.h"
#include "bmb-limits.h"

/* ---- fields -------------------------------------------------------------- */

GPtrArray *
bmb_contact_get_fields (BmbContact *self)
{
  g_return_val_if_fail (BMB_IS_CONTACT (self), NULL);

  return self->fields;
}

GPtrArray *
bmb_contact_dup_fields_of_kind (BmbContact          *self,
                                BmbContactFieldKind  kind)
{
  GPtrArray *result;

  g_return_val_if_fail (BMB_IS_CONTACT (self), NULL);

  result = g_ptr_array_new_with_free_func ((GDestroyNotify)bmb_contact_field_unref);
  for (guint i = 0; i < self->fields->len; i++)
    {
      BmbContactField *field = g_ptr_array_index (self->fields, i);

      if (field->kind == kind)
        g_ptr_array_add (result, bmb_contact_field_ref (field));
    }

  return result;
}

const char *
bmb_contact_get_primary_value (BmbContact          *self,
                               BmbContactFieldKind  kind)
{
  const char *first = NULL;

  g_return_val_if_fail (BMB_IS_CONTACT (self), NULL);

  for (guint i = 0; i < self->fields->len; i++)
    {
      BmbContactField *field = g_ptr_array_index (self->fields, i);

      if (field->kind != kind)
        continue;
      if (field->preferred)
        return field->value;
      if (first == NULL)
        first = field->value;
    }

  return first;
}

static gboolean
has_field_of_kind (BmbContact          *self,
                   BmbContactFieldKind  kind)
{
  for (guint i = 0; i < self->fields->len; i++)
    if (((BmbContactField *)g_ptr_array_index (self->fields, i))->kind == kind)
      return TRUE;

  return FALSE;
}

gboolean
bmb_contact_add_field_item (BmbContact      *self,
                            BmbContactField *field)
{
  g_return_val_if_fail (BMB_IS_CONTACT (self), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  if (field->value == NULL || *field->value == '\0')
    return FALSE;

  if (field->preferred)
    {
      for (guint i = 0; i < self->fields->len; i++)
        {
          BmbContactField *other = g_ptr_array_index (self->fields, i);

          if (other->kind == field->kind && other->preferred)
            {
              g_ptr_array_index (self->fields, i) =
                bmb_contact_field_new (other->kind, other->label, other->value, FALSE);
              bmb_contact_field_unref (other);
            }
        }
    }

  /* Only a preferred or a first email can change the derived name: looking
   * again for each of 200,000 emails made a card take a minute. */
  if (field->kind == BMB_CONTACT_FIELD_EMAIL &&
      (field->preferred || !has_field_of_kind (self, BMB_CONTACT_FIELD_EMAIL)))
    {
      g_ptr_array_add (self->fields, bmb_contact_field_ref (field));
      _bmb_contact_invalidate_derived_name (self);
    }
  else
    g_ptr_array_add (self->fields, bmb_contact_field_ref (field));

  return TRUE;
}

gboolean
bmb_contact_add_field (BmbContact          *self,
                       BmbContactFieldKind  kind,
                       const char          *label,
                       const char          *value,
                       gboolean             preferred)
{
  g_autoptr(BmbContactField) field = NULL;

  g_return_val_if_fail (BMB_IS_CONTACT (self), FALSE);

  if (_bmb_text_is_blank (value))
    return FALSE;

  field = bmb_contact_field_new (kind, label, value, preferred);

  return bmb_contact_add_field_item (self, field);
}

void
bmb_contact_remove_field (BmbContact *self,
                          guint       index)
{
  g_return_if_fail (BMB_IS_CONTACT (self));
  g_return_if_fail (index < self->fields->len);

  g_ptr_array_remove_index (self->fields, index);
  _bmb_contact_invalidate_derived_name (self);
}

void
bmb_contact_set_fields (BmbContact *self,
                        GPtrArray  *fields)
{
  g_return_if_fail (BMB_IS_CONTACT (self));

  if (fields == self->fields)
    return;

  g_ptr_array_set_size (self->fields, 0);
  for (guint i = 0; fields != NULL && i < fields->len; i++)
    bmb_contact_add_field_item (self, g_ptr_array_index (fields, i));
  _bmb_contact_invalidate_derived_name (self);
}

gboolean
bmb_contact_has_field_value (BmbContact          *self,
                             BmbContactFieldKind  kind,
                             const char          *value)
{
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (BMB_IS_CONTACT (self), FALSE);

  if (_bmb_text_is_blank (value))
    return FALSE;

  trimmed = g_strstrip (g_strdup (value));
  for (guint i = 0; i < self->fields->len; i++)
    {
      BmbContactField *field = g_ptr_array_index (self->fields, i);

      if (field->kind == kind && _bmb_contact_field_values_equal (kind, field->value, trimmed))
        return TRUE;
    }

  return FALSE;
}

/* Merges @other's fields into @self, each value once (a set of keys, not
 * a search per value), within @limiter if not NULL. */
gboolean
_bmb_contact_merge_fields (BmbContact        *self,
                           BmbContact        *other,
                           BmbContactLimiter *limiter)
{
  g_autoptr(GHashTable) keys = NULL;
  gboolean changed = FALSE;

  if (other->fields->len == 0)
    return FALSE;

  keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < self->fields->len; i++)
    {
      BmbContactField *field = g_ptr_array_index (self->fields, i);

      g_hash_table_add (keys, _bmb_contact_field_dup_key (field->kind, field->value));
    }

  for (guint i = 0; i < other->fields->len; i++)
    {
      BmbContactField *field = g_ptr_array_index (other->fields, i);
      g_autofree char *key = _bmb_contact_field_dup_key (field->kind, field->value);

      if (g_hash_table_contains (keys, key))
        continue;

      if (limiter != NULL && limiter->n_fields[field->kind] >= BMB_LIMIT_FIELDS_PER_CONTACT)
        {
          limiter->dropped_fields++;
          continue;
        }

      if (field->preferred && bmb_contact_get_primary_value (self, field->kind) != NULL)
        {
          g_autoptr(BmbContactField) copy =
            bmb_contact_field_new (field->kind, field->label, field->value, FALSE);

          bmb_contact_add_field_item (self, copy);
        }
      else
        {
          bmb_contact_add_field_item (self, field);
        }

      if (limiter != NULL)
        limiter->n_fields[field->kind]++;
      g_hash_table_add (keys, g_steal_pointer (&key));
      changed = TRUE;
    }

  return changed;
}

/* ---- tags ---------------------------------------------------------------- */

const char * const *
bmb_contact_get_tags (BmbContact *self)
{
  g_return_val_if_fail (BMB_IS_CONTACT (self), NULL);

  return (const char * const *)self->tags->pdata;
}

/* The index of @tag (trimmed) ignoring case, or -1. Linear: for removing. */
static int
find_tag (BmbContact *self,
          const char *tag)
{
  g_autofree char *folded = g_utf8_casefold (tag, -1);

  for (guint i = 0; i < self->tags->len; i++)
    {
      g_autofree char *other = g_utf8_casefold (g_ptr_array_index (self->tags, i), -1);

      if (g_strcmp0 (folded, other) == 0)
        return (int)i;
    }

  return -1;
}

/* Past this many tags, their case-folded forms are kept in a set, so that
 * adding n tags costs O(n) and not O(n²) (a card may carry 300,000). */
#define TAG_SET_MIN 8

static gboolean
has_folded_tag (BmbContact *self,
                const char *folded)
{
  if (self->tags->len < TAG_SET_MIN)
    {
      for (guint i = 0; i < self->tags->len; i++)
        {
          g_autofree char *other = g_utf8_casefold (g_ptr_array_index (self->tags, i), -1);

          if (g_str_equal (folded, other))
            return TRUE;
        }

      return FALSE;
    }

  if (self->tag_set == NULL)
    {
      self->tag_set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; i < self->tags->len; i++)
        g_hash_table_add (self->tag_set, g_utf8_casefold (g_ptr_array_index (self->tags, i), -1));
    }

  return g_hash_table_contains (self->tag_set, folded);
}

static gboolean
add_tag_quietly (BmbContact *self,
                 const char *tag)
{
  g_autofree char *trimmed = _bmb_text_normalize (tag, FALSE);
  g_autofree char *folded = NULL;

  if (trimmed == NULL)
    return FALSE;

  folded = g_utf8_casefold (trimmed, -1);
  if (has_folded_tag (self, folded))
    return FALSE;

  if (self->tag_set != NULL)
    g_hash_table_add (self->tag_set, g_steal_pointer (&folded));
  g_ptr_array_add (self->tags, g_steal_pointer (&trimmed));

  return TRUE;
}

void
bmb_contact_set_tags (BmbContact         *self,
                      const char * const *tags)
{
  g_autoptr(GPtrArray) old = NULL;
  gboolean changed;

  g_return_if_fail (BMB_IS_CONTACT (self));

  old = g_steal_pointer (&self->tags);
  self->tags = g_ptr_array_new_null_terminated (4, g_free, TRUE);
  g_clear_pointer (&self->tag_set, g_hash_table_unref);
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    add_tag_quietly (self, tags[i]);

  changed = !g_strv_equal ((const char * const *)old->pdata,
                           (const char * const *)self->tags->pdata);
  if (changed)
    _bmb_contact_notify_tags (self);
}

gboolean
bmb_contact_add_tag (BmbContact *self,
                     const char *tag)
{
  g_return_val_if_fail (BMB_IS_CONTACT (self), FALSE);

  if (!add_tag_quietly (self, tag))
    return FALSE;

  _bmb_contact_notify_tags (self);

  return TRUE;
}

gboolean
bmb_contact_remove_tag (BmbContact *self,
                        const char *tag)
{
  g_autofree char *trimmed = NULL;
  int i;

  g_return_val_if_fail (BMB_IS_CONTACT (self), FALSE);

  if ((trimmed = _bmb_text_normalize (tag, FALSE)) == NULL || (i = find_tag (self, trimmed)) < 0)
    return FALSE;

  g_ptr_array_remove_index (self->tags, i);
  g_clear_pointer (&self->tag_set, g_hash_table_unref);
  _bmb_contact_notify_tags (self);

  return TRUE;
}

gboolean
bmb_contact_has_tag (BmbContact *self,
                     const char *tag)
{
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (BMB_IS_CONTACT (self), FALSE);

  if ((trimmed = _bmb_text_normalize (tag, FALSE)) == NULL)
    return FALSE;

  {
    g_autofree char *folded = g_utf8_casefold (trimmed, -1);

    return has_folded_tag (self, folded);
  }
}
