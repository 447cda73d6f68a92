/* bmb-contact-field.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * BmbContactField: one labelled email, phone number or link of a contact.
 */

#define G_LOG_DOMAIN "bmb-contact"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-contact.h"
#include "bmb-contact-private.h"

G_DEFINE_BOXED_TYPE (BmbContactField, bmb_contact_field,
                     bmb_contact_field_ref, bmb_contact_field_unref)

G_DEFINE_ENUM_TYPE (BmbContactFieldKind, bmb_contact_field_kind,
                    G_DEFINE_ENUM_VALUE (BMB_CONTACT_FIELD_EMAIL, "email"),
                    G_DEFINE_ENUM_VALUE (BMB_CONTACT_FIELD_PHONE, "phone"),
                    G_DEFINE_ENUM_VALUE (BMB_CONTACT_FIELD_URL, "url"))

/* ---- BmbContactField ----------------------------------------------------- */

const char *
bmb_contact_field_kind_to_string (BmbContactFieldKind kind)
{
  switch (kind)
    {
    case BMB_CONTACT_FIELD_EMAIL:
      return "email";
    case BMB_CONTACT_FIELD_PHONE:
      return "phone";
    case BMB_CONTACT_FIELD_URL:
      return "url";
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
bmb_contact_field_kind_from_string (const char          *text,
                                    BmbContactFieldKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  if (g_strcmp0 (text, "email") == 0)
    *kind = BMB_CONTACT_FIELD_EMAIL;
  else if (g_strcmp0 (text, "phone") == 0)
    *kind = BMB_CONTACT_FIELD_PHONE;
  else if (g_strcmp0 (text, "url") == 0)
    *kind = BMB_CONTACT_FIELD_URL;
  else
    return FALSE;

  return TRUE;
}

const char *
bmb_contact_field_kind_get_label (BmbContactFieldKind kind)
{
  switch (kind)
    {
    case BMB_CONTACT_FIELD_EMAIL:
      /* Translators: the kind of a contact field: an email address */
      return _("Email");
    case BMB_CONTACT_FIELD_PHONE:
      /* Translators: the kind of a contact field: a phone number */
      return _("Phone");
    case BMB_CONTACT_FIELD_URL:
      /* Translators: a web address of a contact (profile, website) */
      return _("Link");
    default:
      g_return_val_if_reached (NULL);
    }
}

BmbContactField *
bmb_contact_field_new (BmbContactFieldKind  kind,
                       const char          *label,
                       const char          *value,
                       gboolean             preferred)
{
  BmbContactField *self;

  g_return_val_if_fail (kind <= BMB_CONTACT_FIELD_URL, NULL);
  g_return_val_if_fail (value != NULL, NULL);

  self = g_new0 (BmbContactField, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->kind = kind;
  self->label = _bmb_text_normalize (label, FALSE);
  self->value = g_strstrip (g_strdup (value));
  self->preferred = !!preferred;

  return self;
}

BmbContactField *
bmb_contact_field_ref (BmbContactField *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
bmb_contact_field_unref (BmbContactField *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_free (self->label);
      g_free (self->value);
      g_free (self);
    }
}

BmbContactFieldKind
bmb_contact_field_get_kind (const BmbContactField *self)
{
  g_return_val_if_fail (self != NULL, BMB_CONTACT_FIELD_EMAIL);

  return self->kind;
}

const char *
bmb_contact_field_get_label (const BmbContactField *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->label;
}

const char *
bmb_contact_field_get_value (const BmbContactField *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->value;
}

gboolean
bmb_contact_field_get_preferred (const BmbContactField *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->preferred;
}

static char *
phone_digits (const char *value)
{
  GString *str = g_string_new (NULL);

  for (const char *p = value; *p; p++)
    {
      if (g_ascii_isdigit (*p) || (*p == '+' && str->len == 0))
        g_string_append_c (str, *p);
    }

  return g_string_free (str, FALSE);
}

gboolean
_bmb_contact_field_values_equal (BmbContactFieldKind  kind,
                                 const char          *a,
                                 const char          *b)
{
  if (kind == BMB_CONTACT_FIELD_PHONE)
    {
      g_autofree char *da = phone_digits (a);
      g_autofree char *db = phone_digits (b);

      if (*da != '\0' || *db != '\0')
        return g_strcmp0 (da, db) == 0;
    }

  {
    g_autofree char *fa = g_utf8_casefold (a, -1);
    g_autofree char *fb = g_utf8_casefold (b, -1);

    return g_strcmp0 (fa, fb) == 0;
  }
}

char *
_bmb_contact_field_dup_key (BmbContactFieldKind  kind,
                            const char          *value)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (value != NULL ? value : ""));
  g_autofree char *folded = NULL;

  if (kind == BMB_CONTACT_FIELD_PHONE)
    {
      g_autofree char *digits = phone_digits (trimmed);

      if (*digits != '\0')
        return g_strdup_printf ("%d#%s", (int)kind, digits);
    }

  /* "=" cannot start a string of digits: the two kinds of phone key differ. */
  folded = g_utf8_casefold (trimmed, -1);

  return g_strdup_printf ("%d=%s", (int)kind, folded);
}

gboolean
bmb_contact_field_same_value (const BmbContactField *a,
                              const BmbContactField *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return a->kind == b->kind && _bmb_contact_field_values_equal (a->kind, a->value, b->value);
}
