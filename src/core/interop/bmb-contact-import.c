/* bmb-contact-import.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-contact-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bmb-contact-csv.h"
#include "bmb-contact-import.h"
#include "bmb-contact-import-private.h"
#include "bmb-contact-import-result-private.h"
#include "bmb-csv.h"
#include "bmb-limits.h"
#include "bmb-vcard-contact.h"
#include "bmb-vcard-reader.h"

G_DEFINE_QUARK (bmb-contact-import-error-quark, bmb_contact_import_error)

/* At most this often a progress report, in microseconds. */
#define PROGRESS_INTERVAL_USEC (100 * G_TIME_SPAN_MILLISECOND)
/* Check for cancellation every this many cards. */
#define CANCEL_CHECK_EVERY 64

typedef struct
{
  BmbImportProgressFunc  func;
  gpointer               data;
  GMainContext          *context;   /* NULL: call directly */
  int                    priority;
  gint64                 last_report;
} ProgressSink;

typedef struct
{
  BmbImportProgressFunc func;
  gpointer              data;
  double                fraction;
  guint                 n_processed;
} ProgressReport;

/* Where cards or rows come from. */
struct _BmbImportSource
{
  gboolean               is_vcard;
  BmbVCardReader        *vcard;
  BmbCsvReader          *csv;
  BmbContactCsvMapping  *mapping;
  gsize                  length;
};

/* ---- Progress -------------------------------------------------------------------- */

static gboolean
deliver_progress_cb (gpointer data)
{
  ProgressReport *report = data;

  report->func (report->fraction, report->n_processed, report->data);

  return G_SOURCE_REMOVE;
}

static void
report_progress (ProgressSink *sink,
                 double        fraction,
                 guint         n_processed,
                 gboolean      force)
{
  gint64 now;
  ProgressReport *report;

  if (sink->func == NULL)
    return;

  now = g_get_monotonic_time ();
  if (!force && now - sink->last_report < PROGRESS_INTERVAL_USEC)
    return;
  sink->last_report = now;

  if (sink->context == NULL)
    {
      sink->func (fraction, n_processed, sink->data);
      return;
    }

  /* Same priority as the task's completion, attached earlier: delivered
   * before the GAsyncReadyCallback. */
  report = g_new (ProgressReport, 1);
  report->func = sink->func;
  report->data = sink->data;
  report->fraction = fraction;
  report->n_processed = n_processed;
  g_main_context_invoke_full (sink->context, sink->priority, deliver_progress_cb, report, g_free);
}

/* ---- Input ----------------------------------------------------------------------- */

static char *
dup_file_name (GFile *file)
{
  return g_file_get_parse_name (file);
}

/* Reads all of @file, refusing more than BMB_LIMIT_FILE_BYTES. */
static GBytes *
read_bounded (GFile         *file,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GByteArray) bytes = NULL;
  g_autofree char *name = dup_file_name (file);
  gsize chunk = 1024 * 1024;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            cancellable, NULL);
  if (info != NULL && g_file_info_get_size (info) > BMB_LIMIT_FILE_BYTES)
    goto too_large;

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    {
      g_prefix_error (error, _("Could not read “%s”: "), name);
      return NULL;
    }

  bytes = g_byte_array_sized_new (info != NULL ? (guint)g_file_info_get_size (info) + 1 : chunk);

  for (;;)
    {
      guint old_len = bytes->len;
      gssize n;

      if ((goffset)old_len > BMB_LIMIT_FILE_BYTES)
        goto too_large;

      g_byte_array_set_size (bytes, old_len + chunk);
      n = g_input_stream_read (G_INPUT_STREAM (stream), bytes->data + old_len, chunk,
                               cancellable, error);
      if (n < 0)
        {
          g_prefix_error (error, _("Could not read “%s”: "), name);
          return NULL;
        }
      g_byte_array_set_size (bytes, old_len + n);
      if (n == 0)
        break;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));

too_large:
  {
    g_autofree char *limit = g_format_size (BMB_LIMIT_FILE_BYTES);

    g_set_error (error, BMB_CONTACT_IMPORT_ERROR, BMB_CONTACT_IMPORT_ERROR_TOO_LARGE,
                 /* Translators: the first %s is a file name, the second a size (256 MB). */
                 _("“%s” is too large to import: contact files of more than %s are refused."),
                 name, limit);
    return NULL;
  }
}

static gboolean
contains_ci (const char *data,
             gsize       length,
             const char *needle)
{
  gsize n = strlen (needle);

  for (const char *p = data; p + n <= data + length; p++)
    {
      p = memchr (p, needle[0], (data + length) - p);
      if (p == NULL || p + n > data + length)
        return FALSE;
      if (g_ascii_strncasecmp (p, needle, n) == 0)
        return TRUE;
    }

  return FALSE;
}

/* Decides what @data is. UTF-16 (Outlook's "Unicode" CSV) is converted
 * into @converted first. */
static gboolean
open_source (BmbImportSource  *source,
             const char      **data,
             gsize            *length,
             char            **converted,
             const char       *name,
             GError          **error)
{
  gboolean blank = TRUE;

  if (*length >= 2 && (((guchar)(*data)[0] == 0xFF && (guchar)(*data)[1] == 0xFE) ||
                       ((guchar)(*data)[0] == 0xFE && (guchar)(*data)[1] == 0xFF)))
    {
      const char *charset = (guchar)(*data)[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
      gsize written = 0;

      *converted = g_convert (*data + 2, *length - 2, "UTF-8", charset, NULL, &written, NULL);
      if (*converted != NULL)
        {
          *data = *converted;
          *length = written;
        }
    }

  for (gsize i = 0; i < *length && blank; i++)
    if (!g_ascii_isspace ((*data)[i]) && (guchar)(*data)[i] != 0xEF &&
        (guchar)(*data)[i] != 0xBB && (guchar)(*data)[i] != 0xBF)
      blank = FALSE;

  if (blank)
    {
      g_set_error (error, BMB_CONTACT_IMPORT_ERROR, BMB_CONTACT_IMPORT_ERROR_EMPTY,
                   _("“%s” is empty: there are no contacts in it."), name);
      return FALSE;
    }

  if (memchr (*data, '\0', *length) != NULL)
    {
      g_set_error (error, BMB_CONTACT_IMPORT_ERROR, BMB_CONTACT_IMPORT_ERROR_BINARY,
                   _("“%s” is not a contacts file: it contains binary data, not text."), name);
      return FALSE;
    }

  source->length = *length;

  if (bmb_vcard_data_looks_like_vcard (*data, *length))
    {
      /* The reader checks the encoding once, for itself and for us. */
      source->is_vcard = TRUE;
      source->vcard = bmb_vcard_reader_new (*data, *length);
      if (!bmb_vcard_reader_get_all_utf8 (source->vcard) &&
          !contains_ci (*data, *length, "CHARSET="))
        {
          g_set_error (error, BMB_CONTACT_IMPORT_ERROR, BMB_CONTACT_IMPORT_ERROR_ENCODING,
                       _("“%s” is not UTF-8 text and does not say which character set it "
                         "uses."), name);
          return FALSE;
        }

      return TRUE;
    }

  if (!g_utf8_validate (*data, *length, NULL))
    {
      g_set_error (error, BMB_CONTACT_IMPORT_ERROR, BMB_CONTACT_IMPORT_ERROR_ENCODING,
                   _("“%s” is not UTF-8 text. Export it again as UTF-8 (or as vCard) and "
                     "import that."), name);
      return FALSE;
    }

  /* A CSV header, perhaps after a few lines of notes (LinkedIn). */
  source->csv = bmb_csv_reader_new (*data, *length);
  for (guint i = 0; i < BMB_CONTACT_CSV_MAX_PREAMBLE && source->mapping == NULL; i++)
    {
      g_autoptr(GError) local_error = NULL;
      g_auto(GStrv) row = bmb_csv_reader_next (source->csv, NULL, &local_error);

      if (row == NULL && local_error == NULL)
        break;
      if (row != NULL)
        source->mapping = bmb_contact_csv_mapping_new ((const char * const *)row);
    }

  if (source->mapping == NULL)
    {
      g_set_error (error, BMB_CONTACT_IMPORT_ERROR, BMB_CONTACT_IMPORT_ERROR_UNKNOWN_FORMAT,
                   _("“%s” is neither a vCard file nor a contacts CSV file from LinkedIn, "
                     "Google Contacts, Outlook or Bimbing."), name);
      return FALSE;
    }

  return TRUE;
}

static void
source_clear (BmbImportSource *source)
{
  g_clear_pointer (&source->vcard, bmb_vcard_reader_free);
  g_clear_pointer (&source->csv, bmb_csv_reader_free);
  g_clear_pointer (&source->mapping, bmb_contact_csv_mapping_free);
}

gsize
_bmb_import_source_get_offset (BmbImportSource *source)
{
  return source->is_vcard ? bmb_vcard_reader_get_offset (source->vcard)
                          : bmb_csv_reader_get_offset (source->csv);
}

static gboolean
row_is_blank (char **row)
{
  for (guint i = 0; row[i] != NULL; i++)
    for (const char *p = row[i]; *p != '\0'; p++)
      if (!g_ascii_isspace (*p))
        return FALSE;

  return TRUE;
}

gboolean
_bmb_import_source_next (BmbImportSource    *source,
                         BmbContact        **out_contact,
                         char              **out_introducer,
                         char              **out_reason,
                         guint              *out_line,
                         BmbContactLimiter  *out_limits)
{
  *out_contact = NULL;
  *out_introducer = NULL;
  *out_reason = NULL;

  if (source->is_vcard)
    {
      g_autoptr(BmbVCard) card = bmb_vcard_reader_next (source->vcard);

      if (card == NULL)
        return FALSE;

      *out_line = card->error != NULL ? card->error_line : card->line;
      *out_contact = bmb_vcard_to_contact (card, out_introducer, out_reason, out_limits);
      return TRUE;
    }

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) row = bmb_csv_reader_next (source->csv, out_line, &error);

      if (error != NULL)
        {
          *out_reason = g_strdup (error->message);
          return TRUE;
        }
      if (row == NULL)
        return FALSE;
      if (row_is_blank (row))
        continue;

      *out_contact = bmb_contact_csv_mapping_read_row (source->mapping,
                                                       (const char * const *)row, *out_line,
                                                       out_introducer, out_reason,
                                                       out_limits);
      return TRUE;
    }
}

/* ---- Importing one contact ---------------------------------------------------------- */

static gboolean
import_contact (BmbImportWriter         *writer,
                BmbContactImportResult  *result,
                BmbContact              *incoming,
                char                    *sort_key,
                const char              *introducer_uid,
                guint                    line,
                const BmbContactLimiter *limits,
                GError                 **error)
{
  g_autofree char *detail = NULL;
  g_autofree char *name = g_strdup (bmb_contact_get_display_name (incoming));
  BmbContactLimiter dropped = *limits;
  BmbImportOutcome outcome;
  gint64 id = 0;

  if (!_bmb_import_writer_add (writer, incoming, sort_key, introducer_uid, &dropped, &outcome,
                               &id, &detail, error))
    return FALSE;

  if (outcome != BMB_IMPORT_OUTCOME_REFUSED)
    _bmb_contact_import_result_add_notes (result, line, name, &dropped);

  switch (outcome)
    {
    case BMB_IMPORT_OUTCOME_IMPORTED:
      result->imported++;
      _bmb_contact_import_result_add_id (result, id, TRUE);
      break;
    case BMB_IMPORT_OUTCOME_MERGED:
      result->merged++;
      _bmb_contact_import_result_add_id (result, id, FALSE);
      break;
    case BMB_IMPORT_OUTCOME_UNCHANGED:
      _bmb_contact_import_result_add_skip (result, line,
                                           /* Translators: %u is a line number, %s a
                                            * contact's name. */
                                           g_strdup_printf (_("Line %u: “%s” is already in "
                                                              "your contacts, with nothing "
                                                              "new to add"), line, detail));
      break;
    case BMB_IMPORT_OUTCOME_REFUSED:
    default:
      /* Translators: %u is a line number, %s why the contact was refused. */
      _bmb_contact_import_result_add_skip (result, line,
                                           g_strdup_printf (_("Line %u: %s"), line, detail));
      break;
    }

  return TRUE;
}

static BmbContactImportFormat
format_for (BmbImportSource *source)
{
  if (source->is_vcard)
    return BMB_CONTACT_IMPORT_FORMAT_VCARD;

  switch (bmb_contact_csv_mapping_get_format (source->mapping))
    {
    case BMB_CONTACT_CSV_FORMAT_BIMBING:
      return BMB_CONTACT_IMPORT_FORMAT_CSV_BIMBING;
    case BMB_CONTACT_CSV_FORMAT_LINKEDIN:
      return BMB_CONTACT_IMPORT_FORMAT_CSV_LINKEDIN;
    case BMB_CONTACT_CSV_FORMAT_GOOGLE:
      return BMB_CONTACT_IMPORT_FORMAT_CSV_GOOGLE;
    case BMB_CONTACT_CSV_FORMAT_GENERIC:
    default:
      return BMB_CONTACT_IMPORT_FORMAT_CSV;
    }
}

/* The page cache bmb_database_open() gives a connection, in KiB, and what
 * an import uses instead, for its one transaction: 100,000 contacts make
 * about 120 MB of pages, and with 32 MiB SQLite spills dirty pages to the
 * WAL and reads them back before the commit (measured: 5.43 s → 5.16 s,
 * medians of 5 alternating runs; RSS +64 MiB while importing). */
#define USUAL_CACHE_SQL  "PRAGMA cache_size=-32768"
#define USUAL_CACHE_KIB  (-32768)
#define IMPORT_CACHE_SQL "PRAGMA cache_size=-131072"

/* Raises the page cache of @db for the import, if it is the usual one (it
 * is restored to exactly that afterwards). */
static gboolean
raise_cache_size (BmbDatabase *db)
{
  sqlite3_stmt *stmt = bmb_database_prepare (db, "PRAGMA cache_size", NULL);
  int current;

  if (stmt == NULL || bmb_database_step (db, stmt, NULL) != SQLITE_ROW)
    return FALSE;
  current = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  return current == USUAL_CACHE_KIB && bmb_database_exec (db, IMPORT_CACHE_SQL, NULL);
}

static void
restore_cache_size (BmbDatabase *db)
{
  if (!bmb_database_exec (db, USUAL_CACHE_SQL, NULL))
    g_warning ("Could not restore the page cache size after an import");
}

/* The whole import of @data into @db, in one transaction. */
static BmbContactImportResult *
import_buffer (BmbDatabase   *db,
               const char    *data,
               gsize          length,
               const char    *name,
               GCancellable  *cancellable,
               ProgressSink  *sink,
               GError       **error)
{
  g_autoptr(BmbContactImportResult) result = NULL;
  g_autoptr(BmbImportWriter) writer = NULL;
  g_autofree char *converted = NULL;
  BmbImportSource source = { 0, };
  BmbImportReadAhead ahead = { 0, };
  guint n_processed = 0;
  gboolean ok = TRUE;
  gboolean at_end = FALSE;
  gboolean raised_cache;
  gint64 write_usec = 0;
  gint64 finish_start, commit_start;

  if (!open_source (&source, &data, &length, &converted, name, error))
    {
      source_clear (&source);
      return NULL;
    }

  result = g_object_new (BMB_TYPE_CONTACT_IMPORT_RESULT, NULL);
  result->format = format_for (&source);

  report_progress (sink, 0.0, 0, TRUE);

  raised_cache = raise_cache_size (db);
  if (!bmb_database_begin (db, error))
    ok = FALSE;
  else if (!(writer = _bmb_import_writer_new (db, error)))
    {
      bmb_database_rollback (db);
      ok = FALSE;
    }

  if (ok)
    _bmb_import_read_ahead_start (&ahead, &source);

  while (ok && !at_end)
    {
      gint64 start = g_get_monotonic_time ();
      BmbImportReadBatch *batch = _bmb_import_read_ahead_next (&ahead);

      at_end = batch->at_end;

      for (guint i = 0; ok && i < batch->n_items; i++)
        {
          BmbImportReadItem *item = &batch->items[i];

          if (n_processed % CANCEL_CHECK_EVERY == 0 &&
              g_cancellable_set_error_if_cancelled (cancellable, error))
            ok = FALSE;
          else if (item->contact == NULL)
            _bmb_contact_import_result_add_skip (result, item->line,
                                                 g_steal_pointer (&item->reason));
          else if (!import_contact (writer, result, item->contact,
                                    g_steal_pointer (&item->sort_key), item->introducer,
                                    item->line, &item->limits, error))
            ok = FALSE;

          if (ok)
            {
              n_processed++;
              report_progress (sink, (double)item->offset / (double)MAX (length, 1),
                               n_processed, FALSE);
            }
        }

      _bmb_import_read_ahead_recycle (&ahead, batch,
                                      writer != NULL ? _bmb_import_writer_take_written (writer)
                                                     : NULL);
      write_usec += g_get_monotonic_time () - start;
    }

  _bmb_import_read_ahead_finish (&ahead);

  if (!ok && writer != NULL)
    bmb_database_rollback (db);

  finish_start = g_get_monotonic_time ();
  if (ok && (!_bmb_import_writer_finish (writer, cancellable, error) ||
             g_cancellable_set_error_if_cancelled (cancellable, error)))
    {
      bmb_database_rollback (db);
      ok = FALSE;
    }

  commit_start = g_get_monotonic_time ();
  if (ok && !bmb_database_commit (db, error))
    {
      bmb_database_rollback (db);
      ok = FALSE;
    }

  source_clear (&source);
  if (raised_cache)
    restore_cache_size (db);

  if (!ok)
    {
      g_prefix_error (error, _("Nothing was imported from “%s”: "), name);
      return NULL;
    }

  g_debug ("Imported %u, merged %u, skipped %u from %s", result->imported, result->merged,
           result->skips->len, name);
  g_debug ("Import times: reading %.2f s on its own thread; matching and writing %.2f s "
           "(%.2f s of it waiting for cards), the rest and the full-text index %.2f s, "
           "commit %.2f s", ahead.busy_usec / (double)G_USEC_PER_SEC,
           write_usec / (double)G_USEC_PER_SEC, ahead.wait_usec / (double)G_USEC_PER_SEC,
           (commit_start - finish_start) / (double)G_USEC_PER_SEC,
           (g_get_monotonic_time () - commit_start) / (double)G_USEC_PER_SEC);
  report_progress (sink, 1.0, n_processed, TRUE);
  g_clear_pointer (&result->seen_ids, g_hash_table_unref);

  return g_steal_pointer (&result);
}

/* ---- Public API ------------------------------------------------------------------ */

BmbContactImportResult *
bmb_contact_import_data (BmbDatabase            *db,
                         GBytes                 *data,
                         const char             *name,
                         GCancellable           *cancellable,
                         BmbImportProgressFunc   progress,
                         gpointer                progress_data,
                         GError                **error)
{
  ProgressSink sink = { progress, progress_data, NULL, G_PRIORITY_DEFAULT, 0 };
  gsize length;
  const char *bytes;

  g_return_val_if_fail (BMB_IS_DATABASE (db), NULL);
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = g_bytes_get_data (data, &length);
  if ((goffset)length > BMB_LIMIT_FILE_BYTES)
    {
      g_autofree char *limit = g_format_size (BMB_LIMIT_FILE_BYTES);

      g_set_error (error, BMB_CONTACT_IMPORT_ERROR, BMB_CONTACT_IMPORT_ERROR_TOO_LARGE,
                   _("“%s” is too large to import: contact files of more than %s are refused."),
                   name, limit);
      return NULL;
    }

  return import_buffer (db, bytes != NULL ? bytes : "", length, name, cancellable, &sink,
                        error);
}

BmbContactImportResult *
bmb_contact_import_file (BmbDatabase            *db,
                         GFile                  *file,
                         GCancellable           *cancellable,
                         BmbImportProgressFunc   progress,
                         gpointer                progress_data,
                         GError                **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  ProgressSink sink = { progress, progress_data, NULL, G_PRIORITY_DEFAULT, 0 };
  gsize length;
  const char *data;

  g_return_val_if_fail (BMB_IS_DATABASE (db), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(bytes = read_bounded (file, cancellable, error)))
    return NULL;

  name = dup_file_name (file);
  data = g_bytes_get_data (bytes, &length);

  return import_buffer (db, data != NULL ? data : "", length, name, cancellable, &sink, error);
}

typedef struct
{
  BmbDatabase            *db;
  GFile                  *file;
  char                   *source_name;
  BmbProgress            *progress;
  ProgressSink            sink;
  GAsyncReadyCallback     callback;
  gpointer                user_data;
  gboolean                changed;
} ImportJob;

static void
import_job_free (gpointer data)
{
  ImportJob *job = data;

  g_clear_object (&job->db);
  g_clear_object (&job->file);
  g_clear_object (&job->progress);
  g_free (job->source_name);
  g_clear_pointer (&job->sink.context, g_main_context_unref);
  g_free (job);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  g_autoptr(BmbDatabase) worker = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = job->source_name != NULL ? g_strdup (job->source_name)
                                                   : dup_file_name (job->file);
  BmbContactImportResult *result;
  GError *error = NULL;
  gsize length;
  const char *data;

  if (!(bytes = read_bounded (job->file, cancellable, &error)) ||
      !(worker = bmb_database_open_worker (job->db, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  data = g_bytes_get_data (bytes, &length);
  result = import_buffer (worker, data != NULL ? data : "", length, name, cancellable,
                          &job->sink, &error);
  if (result == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  job->changed = result->imported > 0 || result->merged > 0;
  g_task_return_pointer (task, result, g_object_unref);
}

/* Runs on the caller's main context: tells the caller's connection that
 * contacts changed, then hands over. */
static void
import_done_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  ImportJob *job = g_task_get_task_data (G_TASK (result));
  GAsyncReadyCallback callback = job->callback;
  gpointer callback_data = job->user_data;

  if (job->changed)
    bmb_database_mark_changed (job->db, BMB_CHANGE_CONTACTS);

  if (callback != NULL)
    callback (source_object, result, callback_data);
}

/* On the caller's main context (the sink's). */
static void
update_progress (double   fraction,
                 guint    n_processed,
                 gpointer user_data)
{
  bmb_progress_update (user_data, fraction, n_processed, 0);
}

void
bmb_contact_import_async (GFile                         *source,
                          BmbDatabase                   *target,
                          const BmbContactImportOptions *options,
                          GCancellable                  *cancellable,
                          BmbProgress                   *progress,
                          GAsyncReadyCallback            callback,
                          gpointer                       user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportJob *job;

  g_return_if_fail (G_IS_FILE (source));
  g_return_if_fail (BMB_IS_DATABASE (target));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));
  g_return_if_fail (progress == NULL || BMB_IS_PROGRESS (progress));

  job = g_new0 (ImportJob, 1);
  job->db = g_object_ref (target);
  job->file = g_object_ref (source);
  job->source_name = g_strdup (options != NULL ? options->source_name : NULL);
  job->progress = progress != NULL ? g_object_ref (progress) : NULL;
  job->sink.func = progress != NULL ? update_progress : NULL;
  job->sink.data = progress;
  job->sink.context = g_main_context_ref_thread_default ();
  job->sink.priority = G_PRIORITY_DEFAULT;
  job->callback = callback;
  job->user_data = user_data;

  task = g_task_new (target, cancellable, import_done_cb, NULL);
  g_task_set_source_tag (task, bmb_contact_import_async);
  g_task_set_priority (task, G_PRIORITY_DEFAULT);
  g_task_set_task_data (task, job, import_job_free);
  g_task_run_in_thread (task, import_thread);
}

BmbContactImportResult *
bmb_contact_import_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == bmb_contact_import_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
