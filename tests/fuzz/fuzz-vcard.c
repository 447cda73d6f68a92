/* fuzz-vcard.c — vCard reading and contact import
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is a vCard file. It goes through the reader and the vCard →
 * contact mapping on its own, then through the whole import (format
 * detection, charset conversion, merging, the writer) into an in-memory
 * database, inside a transaction rolled back afterwards so every input
 * starts from the same empty database.
 */

#include "config.h"

#include "bmb-contact-import.h"
#include "bmb-fuzz.h"
#include "bmb-limits.h"
#include "bmb-vcard-contact.h"
#include "bmb-vcard-reader.h"

static BmbDatabase *database;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  bmb_fuzz_init ();
  database = bmb_fuzz_open_database ();

  return 0;
}

static void
read_cards (const char *data,
            gsize       size)
{
  g_autoptr(BmbVCardReader) reader = bmb_vcard_reader_new (data, size);
  BmbVCard *card;

  bmb_vcard_data_looks_like_vcard (data, size);
  bmb_vcard_reader_get_all_utf8 (reader);

  while ((card = bmb_vcard_reader_next (reader)) != NULL)
    {
      g_autoptr(BmbContact) contact = NULL;
      g_autofree char *introduced_by = NULL;
      g_autofree char *reason = NULL;
      BmbContactLimiter limits;

      for (guint i = 0; i < card->properties->len; i++)
        {
          BmbVCardProperty *prop = g_ptr_array_index (card->properties, i);
          g_autofree char *text = bmb_vcard_property_dup_text (prop);
          g_auto(GStrv) parts = bmb_vcard_property_dup_components (prop, ';');
          g_autofree char *label = NULL;
          g_autofree char *date = NULL;
          gboolean preferred = FALSE;

          g_assert (text != NULL && parts != NULL);
          label = bmb_vcard_label_from_types (prop, &preferred);
          if (g_str_equal (prop->name, "BDAY"))
            date = bmb_vcard_parse_date (prop->value);
        }

      contact = bmb_vcard_to_contact (card, &introduced_by, &reason, &limits);
      g_assert (contact == NULL ||
                g_strv_length ((char **)bmb_contact_get_tags (contact)) <= BMB_LIMIT_TAGS_PER_CONTACT);
      g_assert (contact != NULL || reason != NULL);
      g_assert (bmb_vcard_reader_get_offset (reader) <= size);
      bmb_vcard_free (card);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(BmbContactImportResult) result = NULL;
  g_autoptr(GError) error = NULL;

  read_cards ((const char *)data, size);

  if (!bmb_database_begin (database, NULL))
    g_error ("Cannot begin a transaction");

  result = bmb_contact_import_data (database, bytes, "fuzz.vcf", NULL, NULL, NULL, &error);
  g_assert ((result != NULL) != (error != NULL));
  if (result != NULL)
    {
      g_autofree char *summary = bmb_contact_import_result_dup_summary (result);
      guint n_ids;

      g_assert (summary != NULL);
      bmb_contact_import_result_get_contact_ids (result, &n_ids);
      for (guint i = 0; i < bmb_contact_import_result_get_skipped (result); i++)
        g_assert (bmb_contact_import_result_get_skip (result, i)->reason != NULL);
    }

  bmb_database_rollback (database);

  return 0;
}
