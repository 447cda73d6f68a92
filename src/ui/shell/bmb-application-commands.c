/* bmb-application-commands.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One-shot commands: --import, --export-ics, --export-vcard, --export-csv and
 * --agenda. They run in the primary instance (so they work whether or not a
 * window is open) and write to the terminal that asked. Exports and the
 * agenda open the database read-only when it is not open already.
 */

#define G_LOG_DOMAIN "bmb-application"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "bmb-local-time.h"
#include "bmb-agenda.h"
#include "bmb-application-private.h"
#include "bmb-contact-export.h"
#include "bmb-contact-import.h"
#include "bmb-ics-export.h"
#include "bmb-ics-import.h"
#include "bmb-mentoring-store.h"

/* Where a command's output goes: the terminal of a remote command line, or
 * this process's own when no instance was running (then GTK never starts,
 * so the commands work without a display). */
typedef struct
{
  GApplicationCommandLine *remote;  /* nullable */
} Cli;

static void cli_print (Cli *cli, const char *format, ...) G_GNUC_PRINTF (2, 3);
static void cli_printerr (Cli *cli, const char *format, ...) G_GNUC_PRINTF (2, 3);

static void
cli_print (Cli        *cli,
           const char *format,
           ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  if (cli->remote != NULL)
    g_application_command_line_print (cli->remote, "%s", text);
  else
    g_print ("%s", text);
}

static void
cli_printerr (Cli        *cli,
              const char *format,
              ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  if (cli->remote != NULL)
    g_application_command_line_printerr (cli->remote, "%s", text);
  else
    g_printerr ("%s", text);
}

static GFile *
cli_file (Cli        *cli,
          const char *arg)
{
  if (cli->remote != NULL)
    return g_application_command_line_create_file_for_arg (cli->remote, arg);

  return g_file_new_for_commandline_arg (arg);
}

static const char *
cli_getenv (Cli        *cli,
            const char *name)
{
  if (cli->remote != NULL)
    return g_application_command_line_getenv (cli->remote, name);

  return g_getenv (name);
}

/* iCalendar by its content (BEGIN:VCALENDAR near the start), else contacts; the
 * command line and the main menu's Import… decide the same way. */
gboolean
_bmb_application_file_is_icalendar (GFile *file)
{
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, NULL);
  g_autofree char *base = g_file_get_basename (file);
  char head[4096];
  gssize n;

  if (stream == NULL)
    return base != NULL && g_str_has_suffix (base, ".ics");

  n = g_input_stream_read (G_INPUT_STREAM (stream), head, sizeof head - 1, NULL, NULL);
  if (n <= 0)
    return base != NULL && g_str_has_suffix (base, ".ics");
  head[n] = '\0';

  return g_strstr_len (head, n, "BEGIN:VCALENDAR") != NULL;
}

static gboolean
import_one (BmbDatabase             *db,
            Cli                     *cli,
            const char              *arg)
{
  g_autoptr(GFile) file = cli_file (cli, arg);
  g_autofree char *name = g_file_get_parse_name (file);
  g_autoptr(GError) error = NULL;

  if (_bmb_application_file_is_icalendar (file))
    {
      g_autoptr(BmbContext) context = bmb_context_new (db, NULL, NULL);
      BmbMentoringStore *store = bmb_context_get_mentoring_store (context);
      g_autoptr(BmbIcsImportResult) result = bmb_ics_import_file (store, file, 0, NULL, &error);

      if (result == NULL)
        {
          cli_printerr (cli, "%s: %s\n", name, error->message);
          return FALSE;
        }

      for (guint i = 0; i < bmb_ics_import_result_get_skipped (result); i++)
        cli_printerr (cli, "%s:%u: %s\n", name,
                      bmb_ics_import_result_get_skipped_line (result, i),
                      bmb_ics_import_result_get_skipped_reason (result, i));
      for (guint i = 0; i < bmb_ics_import_result_get_n_notes (result); i++)
        cli_printerr (cli, "%s:%u: %s\n", name,
                      bmb_ics_import_result_get_note_line (result, i),
                      bmb_ics_import_result_get_note_reason (result, i));

      /* Translators: after importing a calendar file: the file, then a count */
      cli_print (cli, ngettext ("%s: %u session imported", "%s: %u sessions imported",
                                bmb_ics_import_result_get_imported (result)),
                 name, bmb_ics_import_result_get_imported (result));
      /* Translators: continues “FILE: N sessions imported” */
      cli_print (cli, _(", %u updated, %u skipped\n"),
                 bmb_ics_import_result_get_updated (result),
                 bmb_ics_import_result_get_skipped (result));
      return TRUE;
    }
  else
    {
      g_autoptr(BmbContactImportResult) result = NULL;
      g_autofree char *summary = NULL;
      const char * const *messages;

      result = bmb_contact_import_file (db, file, NULL, NULL, NULL, &error);
      if (result == NULL)
        {
          cli_printerr (cli, "%s: %s\n", name, error->message);
          return FALSE;
        }

      messages = bmb_contact_import_result_get_messages (result);
      for (guint i = 0; messages[i] != NULL; i++)
        {
          /* The reason names its line already. */
          cli_printerr (cli, "%s: %s\n", name, messages[i]);
        }
      summary = bmb_contact_import_result_dup_summary (result);
      cli_print (cli, "%s: %s\n", name, summary);
      return TRUE;
    }
}

static gboolean
export_sessions (BmbDatabase             *db,
                 Cli                     *cli,
                 const char              *arg)
{
  g_autoptr(GFile) file = cli_file (cli, arg);
  g_autoptr(BmbContext) context = bmb_context_new (db, NULL, NULL);
  BmbMentoringStore *store = bmb_context_get_mentoring_store (context);
  g_autoptr(GError) error = NULL;

  if (!bmb_ics_export_file (store, 0, file, NULL, &error))
    {
      cli_printerr (cli, "%s\n", error->message);
      return FALSE;
    }

  return TRUE;
}

static gboolean
export_contacts (BmbDatabase             *db,
                 Cli                     *cli,
                 const char              *arg,
                 BmbContactExportFormat   format)
{
  g_autoptr(GFile) file = cli_file (cli, arg);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  guint n = 0;

  if (!bmb_contact_export_to_file (db, file, format, NULL, 0, NULL, &n, &error))
    {
      cli_printerr (cli, "%s\n", error->message);
      return FALSE;
    }

  cli_print (cli, ngettext ("%s: %u contact exported\n", "%s: %u contacts exported\n", n),
             name, n);
  return TRUE;
}

static gboolean
print_agenda (BmbDatabase             *db,
              Cli                     *cli,
              GVariantDict            *options)
{
  g_autoptr(BmbContext) context = bmb_context_new (db, NULL, NULL);
  BmbMentoringStore *store = bmb_context_get_mentoring_store (context);
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  const char *from_text = NULL;
  const char *days_text = NULL;
  const char *tz = cli_getenv (cli, "TZ");
  int days = 7;
  GDate from;

  /* The zone of the terminal that asked, not of a running instance. */
  if (tz != NULL && *tz != '\0')
    zone = g_time_zone_new_identifier (*tz == ':' ? tz + 1 : tz);
  if (zone == NULL)
    zone = bmb_local_time_zone_ref ();

  if (g_variant_dict_lookup (options, "from", "&s", &from_text))
    {
      if (!bmb_agenda_parse_date (from_text, &from, &error))
        {
          cli_printerr (cli, "%s\n", error->message);
          return FALSE;
        }
    }
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now (zone);

      g_date_clear (&from, 1);
      g_date_set_dmy (&from, g_date_time_get_day_of_month (now),
                      g_date_time_get_month (now), g_date_time_get_year (now));
    }

  if (g_variant_dict_lookup (options, "days", "&s", &days_text))
    {
      guint64 value = 0;

      if (!g_ascii_string_to_unsigned (days_text, 10, 1, 3660, &value, NULL))
        {
          cli_printerr (cli, _("--days takes a number of days from 1 to 3660\n"));
          return FALSE;
        }
      days = (int)value;
    }

  if (!bmb_agenda_print (store, &from, days, zone, out, &error))
    {
      cli_printerr (cli, "%s\n", error ? error->message : _("The agenda could not be read."));
      return FALSE;
    }

  cli_print (cli, "%s", out->str);
  return TRUE;
}

/* A read-only connection for the commands that only read, so that they
 * never take a write lock (nor wait behind the running app's writes), and
 * work on a read-only file or folder. Returns NULL without an error when
 * the normal open is needed: no database yet (it is created, empty), or
 * an older data version that can still be migrated. */
static BmbDatabase *
open_for_reading (BmbApplication  *self,
                  GError         **error)
{
  g_autofree char *default_path = NULL;
  g_autoptr(BmbDatabase) db = NULL;
  const char *path = self->database_path;

  if (path == NULL)
    path = default_path = bmb_database_dup_default_path ();

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;

  if (!(db = bmb_database_open_read_only (path, error)))
    return NULL;

  if (bmb_database_get_schema_version (db) < BMB_SCHEMA_VERSION &&
      g_access (path, W_OK) == 0)
    return NULL;

  return g_steal_pointer (&db);
}

void
_bmb_application_add_command_options (BmbApplication *self)
{
  static const GOptionEntry entries[] = {
    { "import", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL,
      N_("Import sessions from an iCalendar file, or contacts from a vCard or CSV file"),
      N_("FILE") },
    { "export-ics", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Export every session to an iCalendar file"), N_("FILE") },
    { "export-vcard", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Export every contact to a vCard file"), N_("FILE") },
    { "export-csv", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Export every contact to a CSV file"), N_("FILE") },
    { "agenda", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Print the sessions of the coming days, one per line, and quit"), NULL },
    { "from", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("With --agenda: start on this day instead of today"), N_("YYYY-MM-DD") },
    /* A string: GApplication cannot tell an integer 0 from "not given". */
    { "days", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("With --agenda: how many days to print (default 7)"), N_("N") },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
}

/* Returns -1 when the command line asks for no one-shot command, otherwise
 * the exit status once they have run. */
gboolean
_bmb_application_has_commands (GVariantDict *options)
{
  static const char *names[] = {
    "import", "export-ics", "export-vcard", "export-csv", "agenda", "from", "days"
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_variant_dict_contains (options, names[i]))
      return TRUE;

  return FALSE;
}

int
_bmb_application_run_commands (BmbApplication          *self,
                               GApplicationCommandLine *command_line,
                               GVariantDict            *options)
{
  Cli cli_data = { command_line };
  Cli *cli = &cli_data;
  g_autoptr(BmbDatabase) reader = NULL;
  g_autoptr(GError) error = NULL;
  BmbDatabase *db;
  g_autofree const char **imports = NULL;
  g_autofree char *export_ics = NULL;
  g_autofree char *export_vcard = NULL;
  g_autofree char *export_csv = NULL;
  gboolean agenda = g_variant_dict_contains (options, "agenda");
  gboolean ok = TRUE;

  g_variant_dict_lookup (options, "import", "^a&ay", &imports);
  g_variant_dict_lookup (options, "export-ics", "^ay", &export_ics);
  g_variant_dict_lookup (options, "export-vcard", "^ay", &export_vcard);
  g_variant_dict_lookup (options, "export-csv", "^ay", &export_csv);

  if (!agenda && imports == NULL && !export_ics && !export_vcard && !export_csv)
    {
      if (g_variant_dict_contains (options, "from") || g_variant_dict_contains (options, "days"))
        {
          cli_printerr (cli, _("--from and --days go with --agenda\n"));
          return 1;
        }
      return -1;
    }

  /* Exports and the agenda only read: without an open database they use a
   * read-only connection of their own (see open_for_reading()). */
  if (imports == NULL && self->database == NULL &&
      !(reader = open_for_reading (self, &error)) && error != NULL)
    {
      cli_printerr (cli, "%s\n", error->message);
      return 1;
    }

  if (reader != NULL)
    db = reader;
  else if (bmb_application_ensure_database (self, &error))
    db = self->database;
  else
    {
      cli_printerr (cli, "%s\n", error->message);
      return 1;
    }

  for (guint i = 0; imports != NULL && imports[i] != NULL; i++)
    ok &= import_one (db, cli, imports[i]);
  if (export_ics != NULL)
    ok &= export_sessions (db, cli, export_ics);
  if (export_vcard != NULL)
    ok &= export_contacts (db, cli, export_vcard, BMB_CONTACT_EXPORT_FORMAT_VCARD);
  if (export_csv != NULL)
    ok &= export_contacts (db, cli, export_csv, BMB_CONTACT_EXPORT_FORMAT_CSV);
  if (agenda)
    ok &= print_agenda (db, cli, options);

  return ok ? 0 : 1;
}
