/* fuzz-ics.c — iCalendar import
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is an iCalendar file, imported as sessions into an in-memory
 * database (libical parsing, time zones, RRULE/EXDATE, overrides, alarms),
 * then the sessions are expanded over two months from the imported dates, as
 * the Sessions page and the reminder scheduler would. All inside a
 * transaction rolled back afterwards.
 */

#include "config.h"

#include "bmb-fuzz.h"
#include "bmb-ics-import.h"

static BmbDatabase *database;
static BmbMentoringStore *store;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  bmb_fuzz_init ();
  database = bmb_fuzz_open_database ();
  store = bmb_mentoring_store_new (database);

  return 0;
}

static void
expand (void)
{
  g_autoptr(GPtrArray) sessions = NULL;

  if (!(sessions = bmb_mentoring_store_list_sessions (store, 0, NULL)))
    return;

  for (guint i = 0; i < sessions->len && i < 4; i++)
    {
      BmbSession *session = g_ptr_array_index (sessions, i);
      g_autoptr(GDateTime) start = bmb_session_dup_start (session);
      g_autoptr(GDateTime) to = NULL;
      g_autoptr(GPtrArray) occurrences = NULL;
      g_autoptr(BmbOccurrence) next = NULL;

      if (start == NULL)
        continue;
      to = g_date_time_add_days (start, 62);
      if (to == NULL)
        continue;
      occurrences = bmb_mentoring_store_list_occurrences (store, 0, start, to, NULL);
      next = bmb_mentoring_store_get_next_occurrence (store, 0, start, NULL);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(BmbIcsImportResult) result = NULL;
  g_autoptr(GError) error = NULL;

  if (!bmb_database_begin (database, NULL))
    g_error ("Cannot begin a transaction");

  result = bmb_ics_import_data (store, (const char *)data, size, "fuzz.ics", 0, NULL, &error);
  g_assert ((result != NULL) != (error != NULL));
  if (result != NULL)
    {
      const char * const *messages = bmb_ics_import_result_get_messages (result);

      g_assert (messages != NULL);
      g_assert (g_strv_length ((char **)messages) ==
                bmb_ics_import_result_get_skipped (result) + bmb_ics_import_result_get_n_notes (result));
      expand ();
    }

  bmb_database_rollback (database);

  return 0;
}
