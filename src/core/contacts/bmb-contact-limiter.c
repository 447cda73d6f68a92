/* bmb-contact-limiter.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-contact-limiter"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-contact-limiter.h"
#include "bmb-contact-private.h"
#include "bmb-limits.h"

void
bmb_contact_limiter_init (BmbContactLimiter *limiter,
                          BmbContact        *contact)
{
  GPtrArray *fields;

  g_return_if_fail (limiter != NULL);
  g_return_if_fail (contact == NULL || BMB_IS_CONTACT (contact));

  *limiter = (BmbContactLimiter) { 0, };
  if (contact == NULL)
    return;

  limiter->n_tags = g_strv_length ((char **)bmb_contact_get_tags (contact));
  fields = bmb_contact_get_fields (contact);
  for (guint i = 0; i < fields->len; i++)
    {
      BmbContactFieldKind kind = bmb_contact_field_get_kind (g_ptr_array_index (fields, i));

      if ((guint)kind < BMB_CONTACT_N_FIELD_KINDS)
        limiter->n_fields[kind]++;
    }
}

gboolean
bmb_contact_limiter_add_tag (BmbContactLimiter *limiter,
                             BmbContact        *contact,
                             const char        *tag)
{
  g_return_val_if_fail (limiter != NULL, FALSE);
  g_return_val_if_fail (BMB_IS_CONTACT (contact), FALSE);

  if (limiter->n_tags >= BMB_LIMIT_TAGS_PER_CONTACT)
    {
      if (!_bmb_text_is_blank (tag) && !bmb_contact_has_tag (contact, tag))
        limiter->dropped_tags++;
      return FALSE;
    }

  if (!bmb_contact_add_tag (contact, tag))
    return FALSE;

  limiter->n_tags++;

  return TRUE;
}

gboolean
bmb_contact_limiter_add_field (BmbContactLimiter   *limiter,
                               BmbContact          *contact,
                               BmbContactFieldKind  kind,
                               const char          *label,
                               const char          *value,
                               gboolean             preferred)
{
  g_return_val_if_fail (limiter != NULL, FALSE);
  g_return_val_if_fail (BMB_IS_CONTACT (contact), FALSE);
  g_return_val_if_fail ((guint)kind < BMB_CONTACT_N_FIELD_KINDS, FALSE);

  if (_bmb_text_is_blank (value))
    return FALSE;

  if (limiter->n_fields[kind] >= BMB_LIMIT_FIELDS_PER_CONTACT)
    {
      limiter->dropped_fields++;
      return FALSE;
    }

  if (!bmb_contact_add_field (contact, kind, label, value, preferred))
    return FALSE;

  limiter->n_fields[kind]++;

  return TRUE;
}

void
bmb_contact_limiter_add_dropped (BmbContactLimiter       *limiter,
                                 const BmbContactLimiter *other)
{
  g_return_if_fail (limiter != NULL);
  g_return_if_fail (other != NULL);

  limiter->dropped_tags += other->dropped_tags;
  limiter->dropped_fields += other->dropped_fields;
}

void
bmb_contact_limiter_add_notes (const BmbContactLimiter *limiter,
                               guint                    line,
                               const char              *name,
                               GPtrArray               *lines)
{
  g_return_if_fail (limiter != NULL);
  g_return_if_fail (lines != NULL);

  if (name == NULL || *name == '\0')
    /* Translators: stands for a contact's name in the import report */
    name = _("the contact");

  if (limiter->dropped_tags > 0)
    g_ptr_array_add (lines,
                     /* Translators: a line of the import report. The first %u is a line
                      * number, the second a count of tags, %s a contact's name, the last
                      * %u the limit (500). */
                     g_strdup_printf (ngettext ("Line %u: %u tag of “%s” was left out: a "
                                                "contact keeps at most %u tags.",
                                                "Line %u: %u tags of “%s” were left out: a "
                                                "contact keeps at most %u tags.",
                                                limiter->dropped_tags),
                                      line, limiter->dropped_tags, name,
                                      (guint)BMB_LIMIT_TAGS_PER_CONTACT));
  if (limiter->dropped_fields > 0)
    g_ptr_array_add (lines,
                     /* Translators: a line of the import report. The first %u is a line
                      * number, the second a count, %s a contact's name, the last %u the
                      * limit (500). */
                     g_strdup_printf (ngettext ("Line %u: %u email address, phone number or "
                                                "link of “%s” was left out: a contact keeps "
                                                "at most %u of each.",
                                                "Line %u: %u email addresses, phone numbers "
                                                "or links of “%s” were left out: a contact "
                                                "keeps at most %u of each.",
                                                limiter->dropped_fields),
                                      line, limiter->dropped_fields, name,
                                      (guint)BMB_LIMIT_FIELDS_PER_CONTACT));
}
