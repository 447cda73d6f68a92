/* bmb-contact-import-writer.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Duplicates are matched in memory: the UIDs, emails and LinkedIn profiles
 * of the database are loaded once, and every contact of the file is added
 * as it comes. Merges go through BmbContactStore. New contacts are queued
 * and written in batches (bmb-contact-import-writer-batches.c).
 */

#define G_LOG_DOMAIN "bmb-contact-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bmb-contact-import-writer-private.h"
#include "bmb-contact-private.h"
#include "bmb-contact-validate.h"

/* New contacts written together. */
#define QUEUE_LENGTH 4096

typedef struct
{
  gint64  contact_id;
  char   *introducer_uid;
} Introduction;

#define ID_TO_POINTER(id) GSIZE_TO_POINTER ((gsize)(id))
#define POINTER_TO_ID(p)  ((gint64)GPOINTER_TO_SIZE (p))

/* ---- Keys ------------------------------------------------------------------ */

/* "https://www.linkedin.com/in/siti-rahayu/?trk=x" → "linkedin.com/in/siti-rahayu";
 * NULL for anything but a LinkedIn profile. */
static char *
linkedin_key (const char *url)
{
  g_autofree char *lower = g_utf8_strdown (url, -1);
  char *p = lower;
  char *end;
  gsize len;

  if (g_str_has_prefix (p, "https://"))
    p += 8;
  else if (g_str_has_prefix (p, "http://"))
    p += 7;
  if (g_str_has_prefix (p, "www."))
    p += 4;
  else if (strlen (p) > 3 && p[2] == '.' && g_str_has_prefix (p + 3, "linkedin.com/"))
    p += 3;   /* "id.linkedin.com" */

  if (!g_str_has_prefix (p, "linkedin.com/in/") || p[16] == '\0')
    return NULL;

  end = strpbrk (p, "?#");
  if (end != NULL)
    *end = '\0';
  g_strchomp (p);
  len = strlen (p);
  while (len > 0 && p[len - 1] == '/')
    p[--len] = '\0';

  return g_strdup (p);
}

/* Emails match like SQL's COLLATE NOCASE: ASCII case ignored. */
static char *
email_key (const char *email)
{
  return g_ascii_strdown (email, -1);
}

static void
index_key (GHashTable *table,
           char       *key,
           gint64      id)
{
  gpointer old;

  if (key == NULL)
    return;

  /* Several contacts may share an email: the lowest id wins, as in
   * bmb_contact_store_find_id_by_email(). */
  if (g_hash_table_lookup_extended (table, key, NULL, &old) && POINTER_TO_ID (old) <= id)
    {
      g_free (key);
      return;
    }

  g_hash_table_insert (table, key, ID_TO_POINTER (id));
}

/* Makes @contact findable under @id by its UID, emails and profiles. */
static void
index_contact (BmbImportWriter *writer,
               BmbContact      *contact,
               gint64           id)
{
  GPtrArray *fields = bmb_contact_get_fields (contact);

  if (bmb_contact_get_uid (contact) != NULL)
    index_key (writer->by_uid, g_strdup (bmb_contact_get_uid (contact)), id);

  for (guint i = 0; i < fields->len; i++)
    {
      BmbContactField *field = g_ptr_array_index (fields, i);
      const char *value = bmb_contact_field_get_value (field);

      switch (bmb_contact_field_get_kind (field))
        {
        case BMB_CONTACT_FIELD_EMAIL:
          index_key (writer->by_email, email_key (value), id);
          break;
        case BMB_CONTACT_FIELD_URL:
          index_key (writer->by_profile, linkedin_key (value), id);
          break;
        case BMB_CONTACT_FIELD_PHONE:
        default:
          break;
        }
    }
}

static gint64
lookup (GHashTable *table,
        char       *key)
{
  g_autofree char *owned = key;

  if (owned == NULL)
    return 0;

  return POINTER_TO_ID (g_hash_table_lookup (table, owned));
}

/* The id of the contact @incoming duplicates, or 0. */
static gint64
find_duplicate (BmbImportWriter *writer,
                BmbContact      *incoming)
{
  GPtrArray *fields = bmb_contact_get_fields (incoming);
  const char *uid = bmb_contact_get_uid (incoming);
  gint64 id;

  if (uid != NULL && (id = lookup (writer->by_uid, g_strdup (uid))) > 0)
    return id;

  for (guint i = 0; i < fields->len; i++)
    {
      BmbContactField *field = g_ptr_array_index (fields, i);

      if (bmb_contact_field_get_kind (field) == BMB_CONTACT_FIELD_EMAIL &&
          (id = lookup (writer->by_email, email_key (bmb_contact_field_get_value (field)))) > 0)
        return id;
    }

  for (guint i = 0; i < fields->len; i++)
    {
      BmbContactField *field = g_ptr_array_index (fields, i);

      if (bmb_contact_field_get_kind (field) == BMB_CONTACT_FIELD_URL &&
          (id = lookup (writer->by_profile, linkedin_key (bmb_contact_field_get_value (field)))) > 0)
        return id;
    }

  return 0;
}

/* Another spelling of a LinkedIn profile @existing already has
 * ("http://linkedin.com/in/x/" for "https://www.linkedin.com/in/x") is no
 * new link. */
static void
drop_known_profiles (BmbContact *incoming,
                     BmbContact *existing)
{
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *known = bmb_contact_get_fields (existing);
  GPtrArray *fields = bmb_contact_get_fields (incoming);

  for (guint i = 0; i < known->len; i++)
    {
      BmbContactField *field = g_ptr_array_index (known, i);
      char *key;

      if (bmb_contact_field_get_kind (field) == BMB_CONTACT_FIELD_URL &&
          (key = linkedin_key (bmb_contact_field_get_value (field))) != NULL)
        g_hash_table_add (keys, key);
    }

  if (g_hash_table_size (keys) == 0)
    return;

  for (guint i = fields->len; i > 0; i--)
    {
      BmbContactField *field = g_ptr_array_index (fields, i - 1);
      g_autofree char *key = NULL;

      if (bmb_contact_field_get_kind (field) != BMB_CONTACT_FIELD_URL)
        continue;
      key = linkedin_key (bmb_contact_field_get_value (field));
      if (key != NULL && g_hash_table_contains (keys, key))
        bmb_contact_remove_field (incoming, i - 1);
    }
}

char *
_bmb_import_dup_sort_key (BmbContact *contact)
{
  g_autofree char *source = _bmb_contact_dup_sort_source (contact);
  char *key = bmb_contact_make_sort_key (source);

  return key != NULL ? key : g_strdup ("");
}

/* ---- Loading ------------------------------------------------------------------ */

static gboolean
load_index (BmbImportWriter  *writer,
            const char       *sql,
            GHashTable       *table,
            char           *(*make_key) (const char *),
            GError          **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = bmb_database_prepare (writer->db, sql, error)))
    return FALSE;

  while ((rc = bmb_database_step (writer->db, stmt, error)) == SQLITE_ROW)
    {
      const char *text = (const char *)sqlite3_column_text (stmt, 1);

      if (text != NULL)
        index_key (table, make_key (text), sqlite3_column_int64 (stmt, 0));
    }

  return rc == SQLITE_DONE;
}

static gboolean
load_next_id (BmbImportWriter  *writer,
              GError          **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = bmb_database_prepare (writer->db,
                                     "SELECT coalesce (max (id), 0) + 1 FROM contacts", error)))
    return FALSE;
  if ((rc = bmb_database_step (writer->db, stmt, error)) != SQLITE_ROW)
    return FALSE;
  writer->next_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return TRUE;
}

/* ---- Adding ------------------------------------------------------------------- */

static void
add_introduction (BmbImportWriter *writer,
                  gint64           contact_id,
                  const char      *introducer_uid)
{
  Introduction introduction = { contact_id, g_strdup (introducer_uid) };

  g_array_append_val (writer->introductions, introduction);
}

/* What the store would refuse, checked before the contact is queued. */
static char *
check_new_contact (BmbContact *contact)
{
  const char *name = bmb_contact_get_display_name (contact);
  char *problem;

  if (name == NULL || *name == '\0')
    return g_strdup (_("A contact needs a name, an organization or an email address."));

  if ((problem = bmb_contact_validate_date (bmb_contact_get_birthday (contact), TRUE)) ||
      (problem = bmb_contact_validate_date (bmb_contact_get_met_on (contact), FALSE)) ||
      (problem = bmb_contact_validate_date (bmb_contact_get_last_contact_on (contact), FALSE)))
    return problem;

  return NULL;
}

/* Merges @incoming into the saved or queued contact @id. */
static gboolean
merge_into (BmbImportWriter   *writer,
            gint64             id,
            BmbContact        *incoming,
            const char        *introducer_uid,
            BmbContactLimiter *dropped,
            BmbImportOutcome  *out_outcome,
            char             **out_detail,
            GError           **error)
{
  g_autoptr(BmbContact) saved = NULL;
  g_autoptr(GError) local_error = NULL;
  BmbImportQueued *queued = NULL;
  BmbContact *existing = NULL;
  BmbContactLimiter limiter;
  gboolean changed;

  if (id >= writer->first_queued_id && id < writer->first_queued_id + writer->queue->len)
    {
      queued = &g_array_index (writer->queue, BmbImportQueued, id - writer->first_queued_id);
      existing = queued->contact;
    }
  else
    {
      /* Rare: a card that repeats one from much earlier in the file. */
      if (id >= writer->first_staged_id &&
          !_bmb_import_writer_promote_staged (writer, NULL, error))
        return FALSE;

      saved = bmb_contact_store_get (writer->store, id, error);
      if (saved == NULL)
        return FALSE;
      existing = saved;
    }

  drop_known_profiles (incoming, existing);

  if (introducer_uid != NULL && bmb_contact_get_introduced_by (existing) == 0)
    add_introduction (writer, id, introducer_uid);

  /* Within the limits: a thousand cards for one person add up to one
   * contact of at most 500 tags. */
  bmb_contact_limiter_init (&limiter, existing);
  changed = _bmb_contact_merge_from_limited (existing, incoming, &limiter);
  if (dropped != NULL)
    bmb_contact_limiter_add_dropped (dropped, &limiter);

  if (!changed)
    {
      *out_outcome = BMB_IMPORT_OUTCOME_UNCHANGED;
      *out_detail = g_strdup (bmb_contact_get_display_name (existing));
      return TRUE;
    }

  /* A queued contact is written later, as it is by then. */
  if (queued != NULL)
    g_clear_pointer (&queued->sort_key, g_free);
  else if (saved != NULL && !bmb_contact_store_update (writer->store, saved, &local_error))
    {
      if (!g_error_matches (local_error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      *out_outcome = BMB_IMPORT_OUTCOME_REFUSED;
      *out_detail = g_strdup (local_error->message);
      return TRUE;
    }

  index_contact (writer, existing, id);
  *out_outcome = BMB_IMPORT_OUTCOME_MERGED;

  return TRUE;
}

gboolean
_bmb_import_writer_add (BmbImportWriter   *writer,
                        BmbContact        *incoming,
                        char              *sort_key,
                        const char        *introducer_uid,
                        BmbContactLimiter *dropped,
                        BmbImportOutcome  *out_outcome,
                        gint64            *out_id,
                        char             **out_detail,
                        GError           **error)
{
  g_autofree char *owned_sort_key = sort_key;
  BmbImportQueued queued;
  char *problem;
  gint64 id;

  g_return_val_if_fail (writer != NULL, FALSE);
  g_return_val_if_fail (BMB_IS_CONTACT (incoming), FALSE);

  *out_detail = NULL;

  if ((id = find_duplicate (writer, incoming)) > 0)
    {
      *out_id = id;
      return merge_into (writer, id, incoming, introducer_uid, dropped, out_outcome, out_detail,
                         error);
    }

  if ((problem = check_new_contact (incoming)) != NULL)
    {
      *out_outcome = BMB_IMPORT_OUTCOME_REFUSED;
      *out_detail = problem;
      *out_id = 0;
      return TRUE;
    }

  if (bmb_contact_get_uid (incoming) == NULL)
    {
      g_autofree char *uid = g_uuid_string_random ();

      bmb_contact_set_uid (incoming, uid);
    }

  id = writer->next_id++;
  queued.contact = g_object_ref (incoming);
  queued.sort_key = g_steal_pointer (&owned_sort_key);
  g_array_append_val (writer->queue, queued);
  index_contact (writer, incoming, id);

  if (introducer_uid != NULL)
    add_introduction (writer, id, introducer_uid);

  *out_outcome = BMB_IMPORT_OUTCOME_IMPORTED;
  *out_id = id;

  if (writer->queue->len >= QUEUE_LENGTH)
    return _bmb_import_writer_flush_queue (writer, error);

  return TRUE;
}

/* Points contacts at whoever introduced them, now that everyone is in. */
static gboolean
resolve_introductions (BmbImportWriter  *writer,
                       GError          **error)
{
  for (guint i = 0; i < writer->introductions->len; i++)
    {
      Introduction *introduction = &g_array_index (writer->introductions, Introduction, i);
      gint64 introducer = lookup (writer->by_uid, g_strdup (introduction->introducer_uid));
      g_autoptr(BmbContact) contact = NULL;

      if (introducer <= 0 || introducer == introduction->contact_id)
        continue;

      contact = bmb_contact_store_get (writer->store, introduction->contact_id, error);
      if (contact == NULL)
        return FALSE;
      if (bmb_contact_get_introduced_by (contact) != 0)
        continue;

      bmb_contact_set_introduced_by (contact, introducer);
      if (!bmb_contact_store_update (writer->store, contact, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
_bmb_import_writer_finish (BmbImportWriter  *writer,
                           GCancellable     *cancellable,
                           GError          **error)
{
  g_return_val_if_fail (writer != NULL, FALSE);

  if (!_bmb_import_writer_flush_queue (writer, error) ||
      !_bmb_import_writer_promote_staged (writer, cancellable, error))
    return FALSE;

  _bmb_import_writer_drop_staging (writer);

  if (!resolve_introductions (writer, error))
    return FALSE;

  g_debug ("Import writes: fields %.2f s, tags %.2f s, staged contacts %.2f s, then the "
           "contacts with their full-text index %.2f s",
           writer->write_usec[BMB_IMPORT_INSERT_FIELDS] / (double)G_USEC_PER_SEC,
           writer->write_usec[BMB_IMPORT_INSERT_TAGS] / (double)G_USEC_PER_SEC,
           writer->write_usec[BMB_IMPORT_INSERT_CONTACTS] / (double)G_USEC_PER_SEC,
           writer->promote_usec / (double)G_USEC_PER_SEC);

  return TRUE;
}

GPtrArray *
_bmb_import_writer_take_written (BmbImportWriter *writer)
{
  g_return_val_if_fail (writer != NULL, NULL);

  return g_steal_pointer (&writer->written);
}

static void
queued_clear (gpointer data)
{
  BmbImportQueued *queued = data;

  g_clear_object (&queued->contact);
  g_clear_pointer (&queued->sort_key, g_free);
}

static void
introduction_clear (gpointer data)
{
  Introduction *introduction = data;

  g_clear_pointer (&introduction->introducer_uid, g_free);
}

BmbImportWriter *
_bmb_import_writer_new (BmbDatabase  *db,
                        GError      **error)
{
  g_autoptr(BmbImportWriter) writer = NULL;
  GDate today;

  g_return_val_if_fail (BMB_IS_DATABASE (db), NULL);

  writer = g_new0 (BmbImportWriter, 1);
  writer->db = db;
  writer->store = bmb_contact_store_new (db);
  writer->by_uid = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  writer->by_email = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  writer->by_profile = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  writer->queue = g_array_new (FALSE, FALSE, sizeof (BmbImportQueued));
  g_array_set_clear_func (writer->queue, queued_clear);
  writer->introductions = g_array_new (FALSE, TRUE, sizeof (Introduction));
  g_array_set_clear_func (writer->introductions, introduction_clear);
  writer->now = g_get_real_time () / G_USEC_PER_SEC;
  bmb_date_get_today (&today);
  writer->today = bmb_date_format_iso (&today);
  writer->max_variables = (guint)sqlite3_limit (bmb_database_get_handle (db),
                                                SQLITE_LIMIT_VARIABLE_NUMBER, -1);

  _bmb_import_writer_init_inserts (writer);

  if (!load_next_id (writer, error) ||
      !load_index (writer, "SELECT id, uid FROM contacts", writer->by_uid, g_strdup, error) ||
      !load_index (writer,
                   "SELECT contact_id, value FROM contact_fields WHERE kind = 'email'",
                   writer->by_email, email_key, error) ||
      !load_index (writer,
                   "SELECT contact_id, value FROM contact_fields "
                   "WHERE kind = 'url' AND value LIKE '%linkedin.com/in/%'",
                   writer->by_profile, linkedin_key, error))
    return NULL;

  writer->first_queued_id = writer->next_id;
  writer->first_staged_id = writer->next_id;

  return g_steal_pointer (&writer);
}

void
_bmb_import_writer_free (BmbImportWriter *writer)
{
  if (writer == NULL)
    return;

  g_clear_object (&writer->store);
  g_clear_pointer (&writer->by_uid, g_hash_table_unref);
  g_clear_pointer (&writer->by_email, g_hash_table_unref);
  g_clear_pointer (&writer->by_profile, g_hash_table_unref);
  g_clear_pointer (&writer->queue, g_array_unref);
  g_clear_pointer (&writer->written, g_ptr_array_unref);
  _bmb_import_writer_clear_inserts (writer);
  g_clear_pointer (&writer->introductions, g_array_unref);
  g_free (writer->today);
  g_free (writer);
}
