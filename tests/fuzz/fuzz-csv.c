/* fuzz-csv.c — CSV reading and contact import
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is a CSV file. It goes through the CSV reader and the column
 * mapping on its own (the header is looked for in the first records, as
 * the importer does for LinkedIn's notes), then through the whole import
 * into an in-memory database, inside a transaction rolled back afterwards.
 */

#include "config.h"

#include "bmb-contact-csv.h"
#include "bmb-contact-import.h"
#include "bmb-csv.h"
#include "bmb-fuzz.h"
#include "bmb-limits.h"

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
read_rows (const char *data,
           gsize       size)
{
  g_autoptr(BmbCsvReader) reader = bmb_csv_reader_new (data, size);
  g_autoptr(BmbContactCsvMapping) mapping = NULL;
  g_autoptr(GError) error = NULL;
  guint n_records = 0;
  char **row;
  guint line;

  while ((row = bmb_csv_reader_next (reader, &line, &error)) != NULL)
    {
      n_records++;
      if (mapping == NULL)
        {
          if (n_records <= BMB_CONTACT_CSV_MAX_PREAMBLE + 1)
            {
              mapping = bmb_contact_csv_mapping_new ((const char * const *)row);
              if (mapping != NULL)
                bmb_contact_csv_mapping_get_format (mapping);
            }
        }
      else
        {
          g_autoptr(BmbContact) contact = NULL;
          g_autofree char *introduced_by = NULL;
          g_autofree char *reason = NULL;
          BmbContactLimiter limits;

          contact = bmb_contact_csv_mapping_read_row (mapping, (const char * const *)row,
                                                      line, &introduced_by, &reason, &limits);
          g_assert (contact == NULL ||
                    g_strv_length ((char **)bmb_contact_get_tags (contact)) <= BMB_LIMIT_TAGS_PER_CONTACT);
          g_assert (contact != NULL || reason != NULL);
        }

      for (guint i = 0; row[i] != NULL && i < 4; i++)
        g_free (bmb_contact_csv_parse_date (row[i]));
      g_strfreev (row);
    }

  (void) bmb_csv_reader_get_offset (reader);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(BmbContactImportResult) result = NULL;
  g_autoptr(GError) error = NULL;

  read_rows ((const char *)data, size);

  if (!bmb_database_begin (database, NULL))
    g_error ("Cannot begin a transaction");

  result = bmb_contact_import_data (database, bytes, "fuzz.csv", NULL, NULL, NULL, &error);
  g_assert ((result != NULL) != (error != NULL));
  if (result != NULL)
    {
      g_autofree char *summary = bmb_contact_import_result_dup_summary (result);

      g_assert (summary != NULL);
      for (guint i = 0; i < bmb_contact_import_result_get_skipped (result); i++)
        g_assert (bmb_contact_import_result_get_skip (result, i)->reason != NULL);
    }

  bmb_database_rollback (database);

  return 0;
}
