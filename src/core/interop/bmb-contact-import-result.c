/* bmb-contact-import-result.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-contact-import"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-contact-import-result-private.h"

G_DEFINE_FINAL_TYPE (BmbContactImportResult, bmb_contact_import_result, G_TYPE_OBJECT)

static void
skip_clear (gpointer data)
{
  BmbContactImportSkip *skip = data;

  g_clear_pointer (&skip->reason, g_free);
}

static void
bmb_contact_import_result_finalize (GObject *object)
{
  BmbContactImportResult *self = BMB_CONTACT_IMPORT_RESULT (object);

  g_clear_pointer (&self->skips, g_array_unref);
  g_clear_pointer (&self->notes, g_array_unref);
  g_clear_pointer (&self->messages, g_ptr_array_unref);
  g_clear_pointer (&self->contact_ids, g_array_unref);
  g_clear_pointer (&self->seen_ids, g_hash_table_unref);

  G_OBJECT_CLASS (bmb_contact_import_result_parent_class)->finalize (object);
}

static void
bmb_contact_import_result_class_init (BmbContactImportResultClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bmb_contact_import_result_finalize;
}

static void
bmb_contact_import_result_init (BmbContactImportResult *self)
{
  self->skips = g_array_new (FALSE, TRUE, sizeof (BmbContactImportSkip));
  g_array_set_clear_func (self->skips, skip_clear);
  self->notes = g_array_new (FALSE, TRUE, sizeof (BmbContactImportSkip));
  g_array_set_clear_func (self->notes, skip_clear);
  self->contact_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->seen_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

void
_bmb_contact_import_result_add_skip (BmbContactImportResult *self,
                                     guint                   line,
                                     char                   *reason)
{
  BmbContactImportSkip skip = { line, reason };

  g_array_append_val (self->skips, skip);
  g_clear_pointer (&self->messages, g_ptr_array_unref);
}

/* What @limits says was left out of the contact of @line, named @name. */
void
_bmb_contact_import_result_add_notes (BmbContactImportResult  *self,
                                      guint                    line,
                                      const char              *name,
                                      const BmbContactLimiter *limits)
{
  g_autoptr(GPtrArray) lines = NULL;

  if (limits->dropped_tags == 0 && limits->dropped_fields == 0)
    return;

  lines = g_ptr_array_new ();
  bmb_contact_limiter_add_notes (limits, line, name, lines);
  for (guint i = 0; i < lines->len; i++)
    {
      BmbContactImportSkip note = { line, g_ptr_array_index (lines, i) };

      g_array_append_val (self->notes, note);
    }
  g_clear_pointer (&self->messages, g_ptr_array_unref);
}

void
_bmb_contact_import_result_add_id (BmbContactImportResult *self,
                                   gint64                  id,
                                   gboolean                is_new)
{
  /* New contacts get ids above all others, once each: only merges need
   * remembering. */
  if (is_new)
    {
      if (self->first_new_id == 0)
        self->first_new_id = id;
      g_array_append_val (self->contact_ids, id);
      return;
    }

  if ((self->first_new_id > 0 && id >= self->first_new_id) ||
      g_hash_table_contains (self->seen_ids, &id))
    return;

  g_hash_table_add (self->seen_ids, g_memdup2 (&id, sizeof id));
  g_array_append_val (self->contact_ids, id);
}

BmbContactImportFormat
bmb_contact_import_result_get_format (BmbContactImportResult *self)
{
  g_return_val_if_fail (BMB_IS_CONTACT_IMPORT_RESULT (self), BMB_CONTACT_IMPORT_FORMAT_VCARD);

  return self->format;
}

guint
bmb_contact_import_result_get_imported (BmbContactImportResult *self)
{
  g_return_val_if_fail (BMB_IS_CONTACT_IMPORT_RESULT (self), 0);

  return self->imported;
}

guint
bmb_contact_import_result_get_merged (BmbContactImportResult *self)
{
  g_return_val_if_fail (BMB_IS_CONTACT_IMPORT_RESULT (self), 0);

  return self->merged;
}

guint
bmb_contact_import_result_get_skipped (BmbContactImportResult *self)
{
  g_return_val_if_fail (BMB_IS_CONTACT_IMPORT_RESULT (self), 0);

  return self->skips->len;
}

const BmbContactImportSkip *
bmb_contact_import_result_get_skip (BmbContactImportResult *self,
                                    guint                   index)
{
  g_return_val_if_fail (BMB_IS_CONTACT_IMPORT_RESULT (self), NULL);
  g_return_val_if_fail (index < self->skips->len, NULL);

  return &g_array_index (self->skips, BmbContactImportSkip, index);
}

guint
bmb_contact_import_result_get_n_notes (BmbContactImportResult *self)
{
  g_return_val_if_fail (BMB_IS_CONTACT_IMPORT_RESULT (self), 0);

  return self->notes->len;
}

const BmbContactImportSkip *
bmb_contact_import_result_get_note (BmbContactImportResult *self,
                                    guint                   index)
{
  g_return_val_if_fail (BMB_IS_CONTACT_IMPORT_RESULT (self), NULL);
  g_return_val_if_fail (index < self->notes->len, NULL);

  return &g_array_index (self->notes, BmbContactImportSkip, index);
}

const char * const *
bmb_contact_import_result_get_messages (BmbContactImportResult *self)
{
  g_return_val_if_fail (BMB_IS_CONTACT_IMPORT_RESULT (self), NULL);

  if (self->messages == NULL)
    {
      guint s = 0;
      guint n = 0;

      /* Both lists are in file order: merge them. An explicit NULL at the end: with nothing
       * added, GLib 2.74's null-terminated array has no pdata at all. */
      self->messages = g_ptr_array_sized_new (self->skips->len + self->notes->len + 1);
      while (s < self->skips->len || n < self->notes->len)
        {
          const BmbContactImportSkip *skip =
            s < self->skips->len ? &g_array_index (self->skips, BmbContactImportSkip, s) : NULL;
          const BmbContactImportSkip *note =
            n < self->notes->len ? &g_array_index (self->notes, BmbContactImportSkip, n) : NULL;

          if (note == NULL || (skip != NULL && skip->line <= note->line))
            {
              g_ptr_array_add (self->messages, skip->reason);
              s++;
            }
          else
            {
              g_ptr_array_add (self->messages, note->reason);
              n++;
            }
        }
      g_ptr_array_add (self->messages, NULL);
    }

  return (const char * const *)self->messages->pdata;
}

const gint64 *
bmb_contact_import_result_get_contact_ids (BmbContactImportResult *self,
                                           guint                  *n_ids)
{
  g_return_val_if_fail (BMB_IS_CONTACT_IMPORT_RESULT (self), NULL);

  if (n_ids != NULL)
    *n_ids = self->contact_ids->len;

  return (const gint64 *)(gpointer)self->contact_ids->data;
}

char *
bmb_contact_import_result_dup_summary (BmbContactImportResult *self)
{
  GString *out;

  g_return_val_if_fail (BMB_IS_CONTACT_IMPORT_RESULT (self), NULL);

  out = g_string_new (NULL);

  g_string_append_printf (out,
                          ngettext ("%u new contact.", "%u new contacts.", self->imported),
                          self->imported);
  if (self->merged > 0)
    {
      g_string_append_c (out, ' ');
      g_string_append_printf (out,
                              ngettext ("%u merged into an existing contact.",
                                        "%u merged into existing contacts.", self->merged),
                              self->merged);
    }
  if (self->skips->len > 0)
    {
      g_string_append_c (out, ' ');
      g_string_append_printf (out,
                              /* Translators: cards or rows of an imported file. */
                              ngettext ("%u skipped.", "%u skipped.", self->skips->len),
                              self->skips->len);
    }
  if (self->notes->len > 0)
    {
      g_autoptr(GHashTable) lines = g_hash_table_new (NULL, NULL);
      guint n;

      for (guint i = 0; i < self->notes->len; i++)
        g_hash_table_add (lines, GUINT_TO_POINTER (g_array_index (self->notes,
                                                                  BmbContactImportSkip,
                                                                  i).line));
      n = g_hash_table_size (lines);
      g_string_append_c (out, ' ');
      g_string_append_printf (out,
                              /* Translators: the contacts were imported, but some of
                               * their tags, email addresses… were not (too many). */
                              ngettext ("%u contact imported in part.",
                                        "%u contacts imported in part.", n),
                              n);
    }

  return g_string_free (out, FALSE);
}
