/* bmb-contact-export.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-contact-export"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-contact-csv.h"
#include "bmb-contact-export.h"
#include "bmb-contact-store.h"
#include "bmb-file-output.h"
#include "bmb-vcard-contact.h"

#define CANCEL_CHECK_EVERY 256

BmbContactExportFormat
bmb_contact_export_format_for_file (GFile *file)
{
  g_autofree char *basename = NULL;

  g_return_val_if_fail (G_IS_FILE (file), BMB_CONTACT_EXPORT_FORMAT_VCARD);

  basename = g_file_get_basename (file);
  if (basename != NULL)
    {
      g_autofree char *lower = g_ascii_strdown (basename, -1);

      if (g_str_has_suffix (lower, ".csv"))
        return BMB_CONTACT_EXPORT_FORMAT_CSV;
    }

  return BMB_CONTACT_EXPORT_FORMAT_VCARD;
}

/* UID of contact @id, cached in @uids; NULL when it is gone. */
static const char *
lookup_uid (BmbDatabase  *db,
            GHashTable   *uids,
            gint64        id,
            GError      **error)
{
  sqlite3_stmt *stmt;
  char *uid = NULL;
  int rc;

  if (g_hash_table_lookup_extended (uids, &id, NULL, (gpointer *)&uid))
    return uid;

  if (!(stmt = bmb_database_prepare (db, "SELECT uid FROM contacts WHERE id = ?1", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if ((rc = bmb_database_step (db, stmt, error)) < 0)
    return NULL;
  if (rc == SQLITE_ROW)
    uid = bmb_stmt_dup_text (stmt, 0);
  sqlite3_reset (stmt);

  g_hash_table_insert (uids, g_memdup2 (&id, sizeof id), uid);

  return uid;
}

/* Loads the contacts to export, in order. */
static GPtrArray *
load_contacts (BmbContactStore  *store,
               const gint64     *ids,
               guint             n_ids,
               GCancellable     *cancellable,
               GError          **error)
{
  g_autoptr(GArray) all = NULL;
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (g_object_unref);

  if (n_ids == 0)
    {
      all = bmb_contact_store_query_ids (store, NULL, BMB_CONTACT_SORT_NAME,
                                         BMB_CONTACT_FILTER_ALL, NULL, error);
      if (all == NULL)
        return NULL;
      ids = (const gint64 *)all->data;
      n_ids = all->len;
    }

  for (guint i = 0; i < n_ids; i++)
    {
      g_autoptr(GError) local_error = NULL;
      BmbContact *contact;

      if (i % CANCEL_CHECK_EVERY == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      contact = bmb_contact_store_get (store, ids[i], &local_error);
      if (contact != NULL)
        g_ptr_array_add (contacts, contact);
      else if (!g_error_matches (local_error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  return g_steal_pointer (&contacts);
}

GBytes *
bmb_contact_export_to_bytes (BmbDatabase             *db,
                             BmbContactExportFormat   format,
                             const gint64            *ids,
                             guint                    n_ids,
                             GCancellable            *cancellable,
                             guint                   *out_n_exported,
                             GError                 **error)
{
  g_autoptr(BmbContactStore) store = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GHashTable) uids = NULL;
  g_autoptr(GString) out = NULL;
  BmbContactCsvShape shape = { 0, 0, 0 };

  g_return_val_if_fail (BMB_IS_DATABASE (db), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  store = bmb_contact_store_new (db);

  /* One read transaction: a consistent snapshot even while others write. */
  if (!bmb_database_exec (db, "SAVEPOINT bmb_export", error))
    return NULL;
  contacts = load_contacts (store, ids, n_ids, cancellable, error);
  uids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  if (contacts != NULL)
    {
      out = g_string_sized_new (contacts->len * 512 + 64);

      if (format == BMB_CONTACT_EXPORT_FORMAT_CSV)
        {
          for (guint i = 0; i < contacts->len; i++)
            bmb_contact_csv_shape_add (&shape, g_ptr_array_index (contacts, i));
          g_string_append (out, "\xef\xbb\xbf");
          bmb_contact_csv_append_header (out, &shape);
        }

      for (guint i = 0; i < contacts->len; i++)
        {
          BmbContact *contact = g_ptr_array_index (contacts, i);
          gint64 introducer = bmb_contact_get_introduced_by (contact);
          const char *introducer_uid = NULL;

          if (introducer != 0)
            {
              g_autoptr(GError) local_error = NULL;

              introducer_uid = lookup_uid (db, uids, introducer, &local_error);
              if (local_error != NULL)
                {
                  g_propagate_error (error, g_steal_pointer (&local_error));
                  g_clear_pointer (&contacts, g_ptr_array_unref);
                  break;
                }
            }

          if (format == BMB_CONTACT_EXPORT_FORMAT_CSV)
            bmb_contact_csv_append_contact (out, &shape, contact, introducer_uid);
          else
            bmb_vcard_append_contact (out, contact, introducer_uid);
        }
    }

  bmb_database_exec (db, "RELEASE bmb_export", NULL);

  if (contacts == NULL)
    return NULL;

  if (out_n_exported != NULL)
    *out_n_exported = contacts->len;

  return g_string_free_to_bytes (g_steal_pointer (&out));
}

gboolean
bmb_contact_export_to_file (BmbDatabase             *db,
                            GFile                   *file,
                            BmbContactExportFormat   format,
                            const gint64            *ids,
                            guint                    n_ids,
                            GCancellable            *cancellable,
                            guint                   *out_n_exported,
                            GError                 **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  gsize length;
  const char *data;

  g_return_val_if_fail (BMB_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  name = g_file_get_parse_name (file);

  bytes = bmb_contact_export_to_bytes (db, format, ids, n_ids, cancellable, out_n_exported,
                                       error);
  if (bytes == NULL)
    {
      g_prefix_error (error, _("Could not export contacts to “%s”: "), name);
      return FALSE;
    }

  data = g_bytes_get_data (bytes, &length);
  if (!bmb_file_output_replace_contents (file, data, length, cancellable, error))
    {
      g_prefix_error (error, _("Could not write “%s”: "), name);
      return FALSE;
    }

  return TRUE;
}

typedef struct
{
  BmbDatabase            *db;
  GFile                  *file;
  BmbContactExportFormat  format;
  GArray                 *ids;
  guint                   n_exported;
  BmbProgress            *progress;
  GAsyncReadyCallback     callback;
  gpointer                user_data;
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_clear_object (&job->db);
  g_clear_object (&job->file);
  g_clear_pointer (&job->ids, g_array_unref);
  g_clear_object (&job->progress);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(BmbDatabase) worker = NULL;
  GError *error = NULL;

  if (!(worker = bmb_database_open_worker (job->db, &error)) ||
      !bmb_contact_export_to_file (worker, job->file, job->format,
                                   (const gint64 *)job->ids->data, job->ids->len,
                                   cancellable, &job->n_exported, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/* On the caller's main context: the progress is complete, then the caller
 * hears of it. */
static void
export_done_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  ExportJob *job = g_task_get_task_data (G_TASK (result));

  if (job->progress != NULL && !g_task_had_error (G_TASK (result)))
    bmb_progress_update (job->progress, 1, job->n_exported, job->n_exported);
  if (job->callback != NULL)
    job->callback (source_object, result, job->user_data);
}

void
bmb_contact_export_async (BmbDatabase                   *source,
                          GFile                         *target,
                          const BmbContactExportOptions *options,
                          GCancellable                  *cancellable,
                          BmbProgress                   *progress,
                          GAsyncReadyCallback            callback,
                          gpointer                       user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportJob *job;

  g_return_if_fail (BMB_IS_DATABASE (source));
  g_return_if_fail (G_IS_FILE (target));
  g_return_if_fail (options != NULL);
  g_return_if_fail (options->ids != NULL || options->n_ids == 0);
  g_return_if_fail (progress == NULL || BMB_IS_PROGRESS (progress));

  job = g_new0 (ExportJob, 1);
  job->db = g_object_ref (source);
  job->file = g_object_ref (target);
  job->format = options->format;
  job->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), options->n_ids);
  if (options->n_ids > 0)
    g_array_append_vals (job->ids, options->ids, options->n_ids);
  job->progress = progress != NULL ? g_object_ref (progress) : NULL;
  job->callback = callback;
  job->user_data = user_data;

  task = g_task_new (source, cancellable, export_done_cb, NULL);
  g_task_set_source_tag (task, bmb_contact_export_async);
  g_task_set_task_data (task, job, export_job_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
bmb_contact_export_finish (GAsyncResult  *result,
                           guint         *out_n_exported,
                           GError       **error)
{
  ExportJob *job;

  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == bmb_contact_export_async, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  job = g_task_get_task_data (G_TASK (result));
  if (out_n_exported != NULL)
    *out_n_exported = job->n_exported;

  return TRUE;
}
