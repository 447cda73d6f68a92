/* bmb-ics-import.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading an iCalendar file: checking it is one, cutting it into VEVENT
 * and VTIMEZONE blocks (so every event is parsed on its own and a broken
 * one is reported with the line it starts on), then importing masters
 * before their RECURRENCE-ID exceptions, all in one transaction.
 */

#define G_LOG_DOMAIN "bmb-ics-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bmb-ics-private.h"
#include "bmb-limits.h"
#include "bmb-mentoring-private.h"
#include "bmb-windows-zones.h"

G_DEFINE_QUARK (bmb-ics-error-quark, bmb_ics_error)

typedef struct
{
  guint  line;     /* of BEGIN:…, 1-based */
  char  *text;
  char  *problem;  /* set when the block itself is broken */
} Block;

/* ---- Splitting ------------------------------------------------------------------ */

static void
block_free (Block *block)
{
  g_free (block->text);
  g_free (block->problem);
  g_free (block);
}

void
_bmb_ics_zone_free (BmbIcsZone *zone)
{
  if (zone == NULL)
    return;

  icaltimezone_free (zone->zone, 1);
  g_free (zone->iana);
  g_free (zone);
}

/* Text as UTF-8: as is, or from Windows-1252 (old Outlook exports). */
static char *
dup_utf8 (const char  *data,
          gsize        length,
          const char  *name,
          GError     **error)
{
  if (memchr (data, '\0', length) != NULL)
    goto not_text;

  if (g_utf8_validate (data, length, NULL))
    return g_strndup (data, length);
  else
    {
      g_autofree char *converted = g_convert (data, length, "UTF-8", "WINDOWS-1252",
                                              NULL, NULL, NULL);
      if (converted != NULL)
        return g_steal_pointer (&converted);
    }

not_text:
  g_set_error (error, BMB_ICS_ERROR, BMB_ICS_ERROR_NOT_ICALENDAR,
               /* Translators: %s is a file name */
               _("“%s” is not an iCalendar file (it is not text)."), name);
  return NULL;
}

static gboolean
line_is (const char *line,
         const char *what)
{
  gsize len = strlen (what);

  if (g_ascii_strncasecmp (line, what, len) != 0)
    return FALSE;

  for (line += len; *line; line++)
    {
      if (!g_ascii_isspace (*line))
        return FALSE;
    }

  return TRUE;
}

static void
close_block (Block     **current,
             GPtrArray  *into,
             GString    *text,
             const char *problem)
{
  (*current)->text = g_strdup (text->str);
  if (problem != NULL)
    (*current)->problem = g_strdup (problem);
  g_ptr_array_add (into, *current);
  *current = NULL;
  g_string_truncate (text, 0);
}

/* The next line of *@cursor, ended by LF, CR LF or a lone CR (old Mac
 * exports), cut in place; NULL at the end. */
static char *
next_line (char **cursor)
{
  char *line = *cursor;
  char *end;

  if (line == NULL)
    return NULL;

  end = line + strcspn (line, "\r\n");
  if (*end == '\0')
    *cursor = NULL;
  else
    {
      if (end[0] == '\r' && end[1] == '\n')
        *end++ = '\0';
      *end++ = '\0';
      *cursor = end;
    }

  return line;
}

/* Cuts @text (changed in place) into VEVENT and VTIMEZONE blocks. FALSE when
 * there is no VCALENDAR at all. */
static gboolean
split_blocks (char      *text,
              GPtrArray *events,
              GPtrArray *zones)
{
  g_autoptr(GString) block_text = g_string_new (NULL);
  Block *current = NULL;
  GPtrArray *current_into = NULL;
  gboolean seen_calendar = FALSE;
  int depth = 0;
  char *cursor = text;
  char *line;
  guint line_number = 0;

  /* A UTF-8 byte order mark (Windows Notepad) is no part of the text. */
  if (g_str_has_prefix (cursor, "\xEF\xBB\xBF"))
    cursor += 3;

  while ((line = next_line (&cursor)) != NULL)
    {
      line_number++;

      if (line_is (line, "BEGIN:VCALENDAR"))
        seen_calendar = TRUE;

      if (current != NULL)
        {
          gboolean continuation = line[0] == ' ' || line[0] == '\t';

          if (!continuation && line_is (line, "BEGIN:VEVENT") && current_into == events)
            {
              /* A new event before the previous one ended. */
              close_block (&current, current_into, block_text,
                           _("The event is not closed (END:VEVENT is missing)."));
            }
          else if (!continuation && line_is (line, "END:VCALENDAR"))
            {
              close_block (&current, current_into, block_text,
                           current_into == events
                           ? _("The event is not closed (END:VEVENT is missing).")
                           : NULL);
              continue;
            }
          else
            {
              g_string_append (block_text, line);
              g_string_append (block_text, "\r\n");

              if (!continuation && g_ascii_strncasecmp (line, "BEGIN:", 6) == 0)
                depth++;
              else if (!continuation && g_ascii_strncasecmp (line, "END:", 4) == 0 && --depth == 0)
                close_block (&current, current_into, block_text, NULL);
              continue;
            }
        }

      if (line_is (line, "BEGIN:VEVENT") || line_is (line, "BEGIN:VTIMEZONE"))
        {
          current = g_new0 (Block, 1);
          current->line = line_number;
          current_into = line_is (line, "BEGIN:VEVENT") ? events : zones;
          depth = 1;
          g_string_append (block_text, line);
          g_string_append (block_text, "\r\n");
        }
    }

  if (current != NULL)
    close_block (&current, current_into, block_text,
                 current_into == events ? _("The event is not closed (END:VEVENT is missing).")
                                        : NULL);

  return seen_calendar;
}

static void
load_zones (BmbIcsImport *import,
            GPtrArray    *blocks)
{
  for (guint i = 0; i < blocks->len; i++)
    {
      Block *block = g_ptr_array_index (blocks, i);
      icalcomponent *component;
      icalproperty *tzid;
      BmbIcsZone *zone;

      if (block->problem != NULL)
        continue;

      component = icalparser_parse_string (block->text);
      if (component == NULL || icalcomponent_isa (component) != ICAL_VTIMEZONE_COMPONENT ||
          !(tzid = icalcomponent_get_first_property (component, ICAL_TZID_PROPERTY)))
        {
          g_debug ("Ignoring an unreadable VTIMEZONE on line %u", block->line);
          if (component != NULL)
            icalcomponent_free (component);
          continue;
        }

      zone = g_new0 (BmbIcsZone, 1);
      for (icalproperty *x = icalcomponent_get_first_property (component, ICAL_X_PROPERTY);
           x != NULL && zone->iana == NULL;
           x = icalcomponent_get_next_property (component, ICAL_X_PROPERTY))
        {
          if (g_ascii_strcasecmp (icalproperty_get_x_name (x), "X-LIC-LOCATION") == 0)
            zone->iana = bmb_tzid_to_iana (icalproperty_get_x (x));
        }
      if (zone->iana == NULL)
        zone->iana = bmb_tzid_to_iana (icalproperty_get_tzid (tzid));

      g_debug ("VTIMEZONE “%s” → %s", icalproperty_get_tzid (tzid),
               zone->iana ? zone->iana : "(its own rules)");
      g_hash_table_replace (import->zones, g_strdup (icalproperty_get_tzid (tzid)), zone);

      /* The zone owns the component from here on. */
      zone->zone = icaltimezone_new ();
      icaltimezone_set_component (zone->zone, component);
    }
}

/* ---- Import -------------------------------------------------------------------- */

typedef void (*ProgressFunc) (guint done, guint total, gpointer data);

static BmbIcsImportResult *
import_text (BmbMentoringStore  *store,
             const char         *data,
             gsize               length,
             const char         *name,
             gint64              relationship_id,
             ProgressFunc        progress,
             gpointer            progress_data,
             GCancellable       *cancellable,
             GError            **error)
{
  BmbDatabase *db = bmb_mentoring_store_get_database (store);
  g_autoptr(BmbIcsImportResult) result = NULL;
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify)block_free);
  g_autoptr(GPtrArray) zone_blocks = g_ptr_array_new_with_free_func ((GDestroyNotify)block_free);
  g_autoptr(GPtrArray) overrides = g_ptr_array_new ();
  g_autoptr(GPtrArray) parsed = g_ptr_array_new_with_free_func ((GDestroyNotify)icalcomponent_free);
  g_autofree char *text = NULL;
  BmbIcsImport import = { 0 };
  guint done = 0;

  if (!(text = dup_utf8 (data, length, name, error)))
    return NULL;

  if (!split_blocks (text, events, zone_blocks))
    {
      g_set_error (error, BMB_ICS_ERROR, BMB_ICS_ERROR_NOT_ICALENDAR,
                   /* Translators: %s is a file name */
                   _("“%s” is not an iCalendar file (there is no BEGIN:VCALENDAR in it)."), name);
      return NULL;
    }

  result = g_object_new (BMB_TYPE_ICS_IMPORT_RESULT, NULL);
  import.store = store;
  import.result = result;
  import.relationship_id = relationship_id;
  import.zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify)_bmb_ics_zone_free);
  import.masters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  import.local_tzid = bmb_tzid_dup_local ();

  load_zones (&import, zone_blocks);

  if (!bmb_database_begin (db, error))
    goto failed;

  /* Masters first, so exceptions find the series they belong to. */
  for (guint i = 0; i < events->len; i++)
    {
      Block *block = g_ptr_array_index (events, i);
      icalcomponent *event = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto rollback;

      if (block->problem == NULL)
        {
          event = icalparser_parse_string (block->text);
          if (event != NULL && icalcomponent_isa (event) != ICAL_VEVENT_COMPONENT)
            g_clear_pointer (&event, icalcomponent_free);
        }

      if (event == NULL)
        {
          _bmb_ics_import_result_add_skipped (result, block->line,
                                              block->problem ? block->problem
                                                             : _("The event cannot be read."));
          done++;
          continue;
        }

      g_ptr_array_add (parsed, event);
      if (icalcomponent_get_first_property (event, ICAL_RECURRENCEID_PROPERTY) != NULL)
        {
          g_ptr_array_add (overrides, block);
          g_ptr_array_add (overrides, event);
          continue;
        }

      _bmb_ics_import_master (&import, event, block->line);
      if (progress != NULL && (++done % 25 == 0))
        progress (done, events->len, progress_data);
    }

  for (guint i = 0; i < overrides->len; i += 2)
    {
      Block *block = g_ptr_array_index (overrides, i);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto rollback;

      _bmb_ics_import_override (&import, g_ptr_array_index (overrides, i + 1), block->line);
      if (progress != NULL && (++done % 25 == 0))
        progress (done, events->len, progress_data);
    }

  if (!bmb_database_commit (db, error))
    goto rollback;

  if (progress != NULL)
    progress (events->len, events->len, progress_data);

  g_debug ("Imported “%s”: %u new, %u updated, %u skipped", name,
           bmb_ics_import_result_get_imported (result),
           bmb_ics_import_result_get_updated (result),
           bmb_ics_import_result_get_skipped (result));

  g_hash_table_unref (import.zones);
  g_hash_table_unref (import.masters);
  g_free (import.local_tzid);
  g_free (import.unknown_zone);

  return g_steal_pointer (&result);

rollback:
  bmb_database_rollback (db);
failed:
  g_hash_table_unref (import.zones);
  g_hash_table_unref (import.masters);
  g_free (import.local_tzid);
  g_free (import.unknown_zone);
  return NULL;
}

static void
set_too_large_error (GError     **error,
                     const char  *name)
{
  g_autofree char *limit = g_format_size (BMB_LIMIT_FILE_BYTES);

  g_set_error (error, BMB_ICS_ERROR, BMB_ICS_ERROR_TOO_LARGE,
               /* Translators: the first %s is a file name, the second a size (256 MB) */
               _("“%s” is too large to import: calendar files of more than %s are refused."),
               name, limit);
}

BmbIcsImportResult *
bmb_ics_import_data (BmbMentoringStore  *store,
                     const char         *data,
                     gssize              length,
                     const char         *name,
                     gint64              relationship_id,
                     GCancellable       *cancellable,
                     GError            **error)
{
  g_return_val_if_fail (BMB_IS_MENTORING_STORE (store), NULL);
  g_return_val_if_fail (data != NULL, NULL);

  if (length < 0)
    length = strlen (data);
  if ((goffset)length > BMB_LIMIT_FILE_BYTES)
    {
      set_too_large_error (error, name ? name : _("The calendar"));
      return NULL;
    }

  return import_text (store, data, length, name ? name : _("The calendar"), relationship_id,
                      NULL, NULL, cancellable, error);
}

gint64
bmb_ics_import_series (BmbMentoringStore  *store,
                       icalcomponent      *calendar,
                       gint64              relationship_id,
                       GError            **error)
{
  g_autoptr(BmbIcsImportResult) result = NULL;
  g_autoptr(BmbSession) session = NULL;
  g_autofree char *text = NULL;
  g_autofree char *uid = NULL;
  guint n_masters = 0;

  g_return_val_if_fail (BMB_IS_MENTORING_STORE (store), 0);
  g_return_val_if_fail (calendar != NULL, 0);

  /* One series: one UID, one master. */
  for (icalcomponent *event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      const char *event_uid = icalcomponent_get_uid (event);

      if (event_uid == NULL || (uid != NULL && g_strcmp0 (uid, event_uid) != 0))
        {
          g_set_error (error, BMB_ICS_ERROR, BMB_ICS_ERROR_NOT_ICALENDAR,
                       _("The calendar does not hold one series: its events have different "
                         "or missing UIDs."));
          return 0;
        }
      if (uid == NULL)
        uid = g_strdup (event_uid);
      if (icalcomponent_get_first_property (event, ICAL_RECURRENCEID_PROPERTY) == NULL)
        n_masters++;
    }

  if (icalcomponent_isa (calendar) != ICAL_VCALENDAR_COMPONENT || n_masters != 1)
    {
      g_set_error (error, BMB_ICS_ERROR, BMB_ICS_ERROR_NOT_ICALENDAR,
                   _("The calendar does not hold one series: it needs exactly one event "
                     "without a RECURRENCE-ID."));
      return 0;
    }

  text = icalcomponent_as_ical_string_r (calendar);
  result = import_text (store, text, strlen (text), uid, relationship_id, NULL, NULL, NULL, error);
  if (result == NULL)
    return 0;

  if (!(session = bmb_mentoring_store_find_session_by_uid (store, uid, error)))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, BMB_ICS_ERROR, BMB_ICS_ERROR_NOT_ICALENDAR, "%s",
                     bmb_ics_import_result_get_skipped (result) > 0
                     ? bmb_ics_import_result_get_skipped_reason (result, 0)
                     : _("The event cannot be read."));
      return 0;
    }

  if (bmb_ics_import_result_get_skipped (result) > 0)
    g_debug ("Series %s: %u of its events were skipped", uid,
             bmb_ics_import_result_get_skipped (result));

  return bmb_session_get_id (session);
}

static char *
load_file (GFile         *file,
           gsize         *length,
           char         **name,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFileInfo) info = NULL;
  char *contents = NULL;

  *name = g_file_get_parse_name (file);

  /* Refused before it is read: a 300 MB file took 1.5 GB to import. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            cancellable, NULL);
  if (info != NULL && g_file_info_get_size (info) > BMB_LIMIT_FILE_BYTES)
    {
      set_too_large_error (error, *name);
      return NULL;
    }

  if (!g_file_load_contents (file, cancellable, &contents, length, NULL, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, BMB_ICS_ERROR, BMB_ICS_ERROR_READ,
                     /* Translators: %s is a file name, then the system's reason */
                     _("“%s” could not be read: %s"), *name, local_error->message);
      return NULL;
    }

  return contents;
}

BmbIcsImportResult *
bmb_ics_import_file (BmbMentoringStore  *store,
                     GFile              *file,
                     gint64              relationship_id,
                     GCancellable       *cancellable,
                     GError            **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  gsize length;

  g_return_val_if_fail (BMB_IS_MENTORING_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!(contents = load_file (file, &length, &name, cancellable, error)))
    return NULL;

  return import_text (store, contents, length, name, relationship_id,
                      NULL, NULL, cancellable, error);
}

BmbIcsImportResult *
bmb_ics_import_path (BmbMentoringStore  *store,
                     const char         *path,
                     gint64              relationship_id,
                     GCancellable       *cancellable,
                     GError            **error)
{
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  file = g_file_new_for_path (path);
  return bmb_ics_import_file (store, file, relationship_id, cancellable, error);
}

/* ---- Async ---------------------------------------------------------------------- */

typedef struct
{
  GFile              *file;
  gint64              relationship_id;
  BmbIcsProgressFunc  progress;
  gpointer            progress_data;
  GDestroyNotify      progress_notify;
  GMainContext       *context;
  BmbDatabase        *main_database;
} ImportTaskData;

typedef struct
{
  BmbIcsProgressFunc progress;
  gpointer           progress_data;
  guint              done;
  guint              total;
} ProgressUpdate;

static void
import_task_data_free (ImportTaskData *data)
{
  g_clear_object (&data->file);
  if (data->progress_notify != NULL && data->progress_data != NULL)
    data->progress_notify (data->progress_data);
  g_clear_pointer (&data->context, g_main_context_unref);
  g_clear_object (&data->main_database);
  g_free (data);
}

static gboolean
deliver_progress_cb (gpointer user_data)
{
  ProgressUpdate *update = user_data;

  update->progress (update->done, update->total, update->progress_data);
  return G_SOURCE_REMOVE;
}

/* In the worker: hands the numbers to the caller's main context. */
static void
forward_progress (guint    done,
                  guint    total,
                  gpointer user_data)
{
  ImportTaskData *data = user_data;
  ProgressUpdate *update;

  if (data->progress == NULL)
    return;

  update = g_new0 (ProgressUpdate, 1);
  update->progress = data->progress;
  update->progress_data = data->progress_data;
  update->done = done;
  update->total = total;
  g_main_context_invoke_full (data->context, G_PRIORITY_DEFAULT, deliver_progress_cb,
                              update, g_free);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportTaskData *data = task_data;
  g_autoptr(BmbDatabase) worker_db = NULL;
  g_autoptr(BmbMentoringStore) worker_store = NULL;
  g_autoptr(BmbIcsImportResult) result = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  GError *error = NULL;
  gsize length;

  if (!(worker_db = bmb_database_open_worker (data->main_database, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  worker_store = bmb_mentoring_store_new (worker_db);

  if (!(contents = load_file (data->file, &length, &name, cancellable, &error)) ||
      !(result = import_text (worker_store, contents, length, name, data->relationship_id,
                              forward_progress, data, cancellable, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&result), g_object_unref);
}

/* Back on the caller's context: the worker's connection committed, so let
 * this connection's listeners know before the caller hears of it. */
static void
on_import_thread_done_cb (GObject      *source_object,
                          GAsyncResult *res,
                          gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  BmbMentoringStore *store = BMB_MENTORING_STORE (source_object);
  ImportTaskData *data = g_task_get_task_data (G_TASK (res));
  g_autoptr(BmbIcsImportResult) result = NULL;
  GError *error = NULL;

  /* Progress updates were queued before this; none can follow it. */
  if (data->progress_notify != NULL)
    g_clear_pointer (&data->progress_data, data->progress_notify);
  data->progress = NULL;

  result = g_task_propagate_pointer (G_TASK (res), &error);
  if (result == NULL)
    {
      g_task_return_error (outer, error);
      return;
    }

  if (bmb_ics_import_result_get_imported (result) +
      bmb_ics_import_result_get_updated (result) > 0)
    bmb_database_mark_changed (bmb_mentoring_store_get_database (store), BMB_CHANGE_SESSIONS);

  g_task_return_pointer (outer, g_steal_pointer (&result), g_object_unref);
}

void
bmb_ics_import_file_async (BmbMentoringStore   *store,
                           GFile               *file,
                           gint64               relationship_id,
                           BmbIcsProgressFunc   progress,
                           gpointer             progress_data,
                           GDestroyNotify       progress_notify,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) outer = NULL;
  g_autoptr(GTask) inner = NULL;
  ImportTaskData *data;

  g_return_if_fail (BMB_IS_MENTORING_STORE (store));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  outer = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (outer, bmb_ics_import_file_async);

  data = g_new0 (ImportTaskData, 1);
  data->file = g_object_ref (file);
  data->relationship_id = relationship_id;
  data->progress = progress;
  data->progress_data = progress_data;
  data->progress_notify = progress_notify;
  data->context = g_main_context_ref_thread_default ();
  data->main_database = g_object_ref (bmb_mentoring_store_get_database (store));

  inner = g_task_new (store, cancellable, on_import_thread_done_cb, g_steal_pointer (&outer));
  g_task_set_source_tag (inner, bmb_ics_import_file_async);
  g_task_set_task_data (inner, data, (GDestroyNotify)import_task_data_free);
  g_task_set_return_on_cancel (inner, FALSE);
  g_task_run_in_thread (inner, import_thread);
}

BmbIcsImportResult *
bmb_ics_import_file_finish (BmbMentoringStore  *store,
                            GAsyncResult       *result,
                            GError            **error)
{
  g_return_val_if_fail (BMB_IS_MENTORING_STORE (store), NULL);
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == bmb_ics_import_file_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
