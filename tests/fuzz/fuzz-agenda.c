/* fuzz-agenda.c — agenda ranges (`bimbing --agenda --from … --days …`)
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is up to three lines: the --from text, the --days text and a
 * time zone identifier (what TZ could hold). The date goes through
 * bmb_agenda_parse_date(); when it parses, the agenda of an in-memory
 * database holding the sessions of tests/data/ics/google-calendar.ics and
 * outlook.ics (weekly, monthly, exceptions, Windows zones) is printed for
 * that range, as the command line does.
 */

#include "config.h"

#include "bmb-agenda.h"
#include "bmb-fuzz.h"
#include "bmb-ics-import.h"

static BmbDatabase *database;
static BmbMentoringStore *store;

static void
import_calendar (const char *relative_path)
{
  g_autoptr(GBytes) calendar = bmb_fuzz_load_data (relative_path);
  g_autoptr(BmbIcsImportResult) result = NULL;
  g_autoptr(GError) error = NULL;

  if (!(result = bmb_ics_import_data (store, g_bytes_get_data (calendar, NULL),
                                      g_bytes_get_size (calendar), relative_path, 0, NULL,
                                      &error)))
    g_error ("Cannot import %s: %s", relative_path, error->message);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  bmb_fuzz_init ();
  database = bmb_fuzz_open_database ();
  store = bmb_mentoring_store_new (database);
  import_calendar ("ics/google-calendar.ics");
  import_calendar ("ics/outlook.ics");

  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = bmb_fuzz_dup_string (data, size);
  g_auto(GStrv) lines = g_strsplit (text, "\n", 3);
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  guint64 days = 7;
  GDate from;

  if (!bmb_agenda_parse_date (lines[0] != NULL ? lines[0] : "", &from, &error))
    {
      g_assert (error != NULL);
      return 0;
    }
  g_assert (g_date_valid (&from));

  /* The command line refuses anything else (bmb-application-commands.c). */
  if (lines[0] != NULL && lines[1] != NULL &&
      !g_ascii_string_to_unsigned (lines[1], 10, 1, 3660, &days, NULL))
    return 0;

  if (lines[0] != NULL && lines[1] != NULL && lines[2] != NULL)
    zone = g_time_zone_new_identifier (lines[2]);
  if (zone == NULL)
    zone = g_time_zone_new_utc ();

  if (!bmb_agenda_print (store, &from, (guint)days, zone, out, &error))
    g_assert (error != NULL);

  return 0;
}
