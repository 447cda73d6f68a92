/* fuzz-search.c — contact and session search strings
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is what someone types in a search bar. It is searched for in
 * an in-memory database holding the contacts of tests/data/contacts/
 * google-30.vcf and the sessions of tests/data/ics/google-calendar.ics:
 * contacts by relevance and by name (then their summaries are loaded, as
 * the list does), contacts with the input as a tag, and sessions.
 */

#include "config.h"

#include "bmb-contact-import.h"
#include "bmb-contact-store.h"
#include "bmb-fuzz.h"
#include "bmb-ics-import.h"

static BmbDatabase *database;
static BmbContactStore *contacts;
static BmbMentoringStore *sessions;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(BmbContactImportResult) imported = NULL;
  g_autoptr(BmbIcsImportResult) ics = NULL;
  g_autoptr(GBytes) vcf = NULL;
  g_autoptr(GBytes) calendar = NULL;
  g_autoptr(GError) error = NULL;

  bmb_fuzz_init ();
  database = bmb_fuzz_open_database ();
  contacts = bmb_contact_store_new (database);
  sessions = bmb_mentoring_store_new (database);

  vcf = bmb_fuzz_load_data ("contacts/google-30.vcf");
  if (!(imported = bmb_contact_import_data (database, vcf, "google-30.vcf", NULL, NULL, NULL,
                                            &error)))
    g_error ("Cannot import the contacts: %s", error->message);

  calendar = bmb_fuzz_load_data ("ics/google-calendar.ics");
  if (!(ics = bmb_ics_import_data (sessions, g_bytes_get_data (calendar, NULL),
                                   g_bytes_get_size (calendar), "google-calendar.ics", 0, NULL,
                                   &error)))
    g_error ("Cannot import the sessions: %s", error->message);

  return 0;
}

static void
search_contacts (const char       *text,
                 BmbContactSort    sort,
                 BmbContactFilter  filter,
                 const char       *tag)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GError) error = NULL;

  ids = bmb_contact_store_query_ids (contacts, text, sort, filter, tag, &error);
  if (ids == NULL)
    {
      /* A search string is never an error the user should see. */
      g_error ("Contact search failed: %s", error->message);
    }

  summaries = bmb_contact_store_load_summaries (contacts, (const gint64 *)(gpointer)ids->data,
                                                ids->len, &error);
  g_assert (summaries != NULL && summaries->len == ids->len);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = bmb_fuzz_dup_string (data, size);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;

  search_contacts (text, BMB_CONTACT_SORT_RELEVANCE, BMB_CONTACT_FILTER_ALL, NULL);
  search_contacts (text, BMB_CONTACT_SORT_NAME, BMB_CONTACT_FILTER_NEEDS_FOLLOW_UP, NULL);
  search_contacts (NULL, BMB_CONTACT_SORT_LAST_CONTACT, BMB_CONTACT_FILTER_ALL, text);

  found = bmb_mentoring_store_search_sessions (sessions, text, &error);
  if (found == NULL)
    g_error ("Session search failed: %s", error->message);

  return 0;
}
