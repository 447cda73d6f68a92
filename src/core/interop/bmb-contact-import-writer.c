/* bmb-contact-import-writer.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Duplicates are matched in memory: the UIDs, emails and LinkedIn profiles
 * of the database are loaded once, and every contact of the file is added
 * as it comes. Merges go through BmbContactStore. New contacts are queued
 * and written in batches, the way the schema invites bulk writers to: the
 * fields and tags first, under ids chosen up front, with multi-row INSERTs,
 * then the contact rows, so the full-text index is built once per contact.
 *
 * The contact rows go through a staging table first (TEMP, no index, no
 * trigger) and into contacts in ONE statement at the end: SQLite's FTS5
 * flushes what it has pending at the end of every statement, and indexing
 * 100,000 contacts in a hundred 1,024-row statements cost twice as much as
 * in one. A card that merges into a staged contact (rare: the same person
 * twice, far apart in one file) moves the staged rows in first.
 */

#define G_LOG_DOMAIN "bmb-contact-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bmb-contact-import-private.h"
#include "bmb-contact-private.h"
#include "bmb-contact-store.h"
#include "bmb-contact-validate.h"

/* New contacts written together. */
#define QUEUE_LENGTH 4096
/* Rows per INSERT statement at most: 2^MAX_ROWS_LOG2 (1,024; bigger
 * statements measured no faster). */
#define MAX_ROWS_LOG2 10

typedef struct
{
  gint64  contact_id;
  char   *introducer_uid;
} Introduction;

/* A new contact, not written yet. */
typedef struct
{
  BmbContact *contact;
  char       *sort_key;   /* NULL: made when written */
} Queued;

/* One multi-row INSERT, and its texts for 1, 2, 4… rows, made once. */
typedef struct
{
  const char *head;
  guint       n_columns;
  char       *sql[MAX_ROWS_LOG2 + 1];
} InsertSpec;

/* Fields and tags go straight into their tables, contacts into the staging
 * table temp.bmb_import_contacts (same columns, no index, no trigger). */
enum { INSERT_FIELDS, INSERT_TAGS, INSERT_CONTACTS, N_INSERTS };

#define FIELD_COLUMNS "contact_id, kind, label, value, preferred, position"
#define TAG_COLUMNS "contact_id, tag"
#define CONTACT_COLUMN_LIST \
  "id, uid, display_name, prefix, given_name, additional_names, family_name, suffix, " \
  "nickname, organization, role, birthday, met_where, met_on, met_event, notes, " \
  "keep_in_touch_count, keep_in_touch_unit, last_contact_on, next_follow_up_on, " \
  "sort_key, created_at, updated_at"

struct _BmbImportWriter
{
  /* borrowed */
  BmbDatabase     *db;

  /* owned */
  BmbContactStore *store;
  GHashTable      *by_uid;      /* uid → id */
  GHashTable      *by_email;    /* ASCII-lowercased email → id */
  GHashTable      *by_profile;  /* LinkedIn profile key → id */
  GArray          *queue;       /* Queued, in file order, ids first_queued_id… */
  GArray          *introductions;
  GPtrArray       *written;     /* BmbContact written and no longer needed */
  char            *today;
  InsertSpec       inserts[N_INSERTS];

  /* state */
  gboolean         staging_created;
  gint64           first_staged_id;   /* staged: first_staged_id … first_queued_id - 1 */
  gint64           first_queued_id;
  gint64           next_id;
  gint64           now;
  guint            max_variables;
  gint64           write_usec[N_INSERTS];   /* for the debug log */
  gint64           promote_usec;
};

typedef struct
{
  gint64           contact_id;
  BmbContactField *field;
  int              position;
} FieldRow;

typedef struct
{
  gint64      contact_id;
  const char *tag;
} TagRow;

typedef struct
{
  gint64  id;
  Queued *queued;
} ContactRow;

typedef void (*BindRowFunc) (BmbImportWriter *writer,
                             sqlite3_stmt    *stmt,
                             int              first,
                             gconstpointer    row);

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

/* ---- Writing in batches ----------------------------------------------------------- */

static char *
multi_insert_sql (const char *head,
                  guint       n_columns,
                  guint       n_rows)
{
  GString *sql = g_string_sized_new (strlen (head) + n_rows * (n_columns * 2 + 3));

  g_string_append (sql, head);
  for (guint r = 0; r < n_rows; r++)
    {
      g_string_append (sql, r == 0 ? " VALUES (" : ", (");
      for (guint c = 0; c < n_columns; c++)
        g_string_append (sql, c == 0 ? "?" : ",?");
      g_string_append_c (sql, ')');
    }

  return g_string_free (sql, FALSE);
}

/* Inserts every element of @rows, as many per statement as SQLite's
 * variable limit allows, in power-of-two chunks so that only a few
 * statement texts are ever made and prepared (and cached). */
static gboolean
insert_rows (BmbImportWriter  *writer,
             guint             which,
             GArray           *rows,
             BindRowFunc       bind,
             GError          **error)
{
  InsertSpec *spec = &writer->inserts[which];
  guint element_size = g_array_get_element_size (rows);
  guint log2 = 0;
  guint done = 0;
  gint64 start = g_get_monotonic_time ();

  while (log2 < MAX_ROWS_LOG2 && (2u << log2) * spec->n_columns <= writer->max_variables)
    log2++;

  while (done < rows->len)
    {
      sqlite3_stmt *stmt;
      guint n;

      while ((1u << log2) > rows->len - done)
        log2--;
      n = 1u << log2;

      if (spec->sql[log2] == NULL)
        spec->sql[log2] = multi_insert_sql (spec->head, spec->n_columns, n);
      if (!(stmt = bmb_database_prepare (writer->db, spec->sql[log2], error)))
        return FALSE;

      for (guint r = 0; r < n; r++)
        bind (writer, stmt, r * spec->n_columns + 1,
              rows->data + (gsize)(done + r) * element_size);

      if (!bmb_database_step_done (writer->db, stmt, error))
        return FALSE;

      done += n;
    }

  writer->write_usec[which] += g_get_monotonic_time () - start;

  return TRUE;
}

static void
bind_static_or_null (sqlite3_stmt *stmt,
                     int           index,
                     const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
}

static void
bind_field (BmbImportWriter *writer,
            sqlite3_stmt    *stmt,
            int              first,
            gconstpointer    data)
{
  const FieldRow *row = data;

  sqlite3_bind_int64 (stmt, first, row->contact_id);
  sqlite3_bind_text (stmt, first + 1, bmb_contact_field_kind_to_string (row->field->kind),
                     -1, SQLITE_STATIC);
  bind_static_or_null (stmt, first + 2, row->field->label);
  sqlite3_bind_text (stmt, first + 3, row->field->value, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, first + 4, row->field->preferred ? 1 : 0);
  sqlite3_bind_int (stmt, first + 5, row->position);
}

static void
bind_tag (BmbImportWriter *writer,
          sqlite3_stmt    *stmt,
          int              first,
          gconstpointer    data)
{
  const TagRow *row = data;

  sqlite3_bind_int64 (stmt, first, row->contact_id);
  sqlite3_bind_text (stmt, first + 1, row->tag, -1, SQLITE_STATIC);
}

/* The store's rule: the interval counts from the last contact, else from
 * when we met, else from today (when the contact is created). */
static char *
compute_next_follow_up (BmbImportWriter *writer,
                        BmbContact      *contact)
{
  guint count = bmb_contact_get_keep_in_touch_count (contact);
  BmbFollowUpUnit unit = bmb_contact_get_keep_in_touch_unit (contact);
  const char *base = bmb_contact_get_last_contact_on (contact);
  GDate date;

  if (count == 0 || unit == BMB_FOLLOW_UP_UNIT_NONE)
    return NULL;

  if (!bmb_date_parse_iso (base, &date))
    base = bmb_contact_get_met_on (contact);
  if (!bmb_date_parse_iso (base, &date))
    base = writer->today;

  return bmb_follow_up_compute_next (base, count, unit);
}

static void
bind_contact_row (BmbImportWriter *writer,
                  sqlite3_stmt    *stmt,
                  int              first,
                  gconstpointer    data)
{
  const ContactRow *row = data;
  BmbContact *c = row->queued->contact;
  g_autofree char *next = compute_next_follow_up (writer, c);
  guint count = bmb_contact_get_keep_in_touch_count (c);
  const char *unit = bmb_follow_up_unit_to_string (bmb_contact_get_keep_in_touch_unit (c));
  int i = first;

  sqlite3_bind_int64 (stmt, i++, row->id);
  bind_static_or_null (stmt, i++, bmb_contact_get_uid (c));
  bind_static_or_null (stmt, i++, bmb_contact_get_display_name (c));
  bind_static_or_null (stmt, i++, bmb_contact_get_prefix (c));
  bind_static_or_null (stmt, i++, bmb_contact_get_given_name (c));
  bind_static_or_null (stmt, i++, bmb_contact_get_additional_names (c));
  bind_static_or_null (stmt, i++, bmb_contact_get_family_name (c));
  bind_static_or_null (stmt, i++, bmb_contact_get_suffix (c));
  bind_static_or_null (stmt, i++, bmb_contact_get_nickname (c));
  bind_static_or_null (stmt, i++, bmb_contact_get_organization (c));
  bind_static_or_null (stmt, i++, bmb_contact_get_role (c));
  bind_static_or_null (stmt, i++, bmb_contact_get_birthday (c));
  bind_static_or_null (stmt, i++, bmb_contact_get_met_where (c));
  bind_static_or_null (stmt, i++, bmb_contact_get_met_on (c));
  bind_static_or_null (stmt, i++, bmb_contact_get_met_event (c));
  bind_static_or_null (stmt, i++, bmb_contact_get_notes (c));
  if (count > 0 && unit != NULL)
    {
      sqlite3_bind_int (stmt, i++, (int)count);
      sqlite3_bind_text (stmt, i++, unit, -1, SQLITE_STATIC);
    }
  else
    {
      sqlite3_bind_null (stmt, i++);
      sqlite3_bind_null (stmt, i++);
    }
  bind_static_or_null (stmt, i++, bmb_contact_get_last_contact_on (c));
  bmb_stmt_bind_text_or_null (stmt, i++, next);
  if (row->queued->sort_key == NULL)
    row->queued->sort_key = _bmb_import_dup_sort_key (c);
  sqlite3_bind_text (stmt, i++, row->queued->sort_key, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, i++, writer->now);
  sqlite3_bind_int64 (stmt, i++, writer->now);
}

#define CONTACT_COLUMNS 23

static gboolean
create_staging (BmbImportWriter  *writer,
                GError          **error)
{
  if (writer->staging_created)
    return TRUE;

  /* Created inside the import's transaction: a rollback drops it too. */
  if (!bmb_database_exec (writer->db,
                          "CREATE TEMP TABLE bmb_import_contacts (" CONTACT_COLUMN_LIST ")",
                          error))
    return FALSE;

  writer->staging_created = TRUE;

  return TRUE;
}

static int
on_sqlite_progress_cb (void *data)
{
  return g_cancellable_is_cancelled (G_CANCELLABLE (data));
}

/* Moves the staged contacts into the real table in one statement: the
 * full-text index then grows in one big step rather than many small ones
 * (it flushes what it has pending at the end of every statement), and that
 * is most of what importing costs. Their fields and tags are in already,
 * so each contact's insert trigger indexes it whole, once (bmb-schema.c).
 * That statement takes seconds for 100,000 contacts: @cancellable
 * (nullable) interrupts it. */
static gboolean
promote_staged (BmbImportWriter  *writer,
                GCancellable     *cancellable,
                GError          **error)
{
  sqlite3 *handle = bmb_database_get_handle (writer->db);
  gint64 start = g_get_monotonic_time ();
  sqlite3_stmt *stmt;
  gboolean ok;

  if (writer->first_staged_id == writer->first_queued_id)
    return TRUE;

  if (!(stmt = bmb_database_prepare (writer->db,
                                     "INSERT INTO main.contacts (" CONTACT_COLUMN_LIST ") "
                                     "SELECT " CONTACT_COLUMN_LIST
                                     " FROM temp.bmb_import_contacts ORDER BY rowid",
                                     error)))
    return FALSE;

  if (cancellable != NULL)
    sqlite3_progress_handler (handle, 10000, on_sqlite_progress_cb, cancellable);
  ok = bmb_database_step_done (writer->db, stmt, error);
  if (cancellable != NULL)
    sqlite3_progress_handler (handle, 0, NULL, NULL);

  if (!ok && g_cancellable_is_cancelled (cancellable))
    {
      g_clear_error (error);
      g_cancellable_set_error_if_cancelled (cancellable, error);
      return FALSE;
    }

  if (!ok || !bmb_database_exec (writer->db, "DELETE FROM temp.bmb_import_contacts", error))
    {
      g_prefix_error (error, _("Could not save the imported contacts: "));
      return FALSE;
    }

  writer->promote_usec += g_get_monotonic_time () - start;
  writer->first_staged_id = writer->first_queued_id;

  return TRUE;
}

static void
drop_staging (BmbImportWriter *writer)
{
  if (writer->staging_created &&
      !bmb_database_exec (writer->db, "DROP TABLE temp.bmb_import_contacts", NULL))
    g_warning ("Could not drop the import staging table");
  writer->staging_created = FALSE;
}

/* Writes the queued contacts: their fields and tags into the real tables,
 * the contact rows into the staging table. */
static gboolean
flush_queue (BmbImportWriter  *writer,
             GError          **error)
{
  g_autoptr(GArray) fields = g_array_new (FALSE, FALSE, sizeof (FieldRow));
  g_autoptr(GArray) tags = g_array_new (FALSE, FALSE, sizeof (TagRow));
  g_autoptr(GArray) contacts = g_array_sized_new (FALSE, FALSE, sizeof (ContactRow),
                                                  writer->queue->len);
  gboolean ok;

  if (writer->queue->len == 0)
    return TRUE;

  for (guint i = 0; i < writer->queue->len; i++)
    {
      Queued *queued = &g_array_index (writer->queue, Queued, i);
      gint64 id = writer->first_queued_id + i;
      GPtrArray *contact_fields = bmb_contact_get_fields (queued->contact);
      const char * const *contact_tags = bmb_contact_get_tags (queued->contact);
      ContactRow row = { id, queued };

      for (guint f = 0; f < contact_fields->len; f++)
        {
          FieldRow field = { id, g_ptr_array_index (contact_fields, f), (int)f };

          g_array_append_val (fields, field);
        }
      for (guint t = 0; contact_tags[t] != NULL; t++)
        {
          TagRow tag = { id, contact_tags[t] };

          g_array_append_val (tags, tag);
        }
      g_array_append_val (contacts, row);
    }

  ok = create_staging (writer, error) &&
       insert_rows (writer, INSERT_FIELDS, fields, bind_field, error) &&
       insert_rows (writer, INSERT_TAGS, tags, bind_tag, error) &&
       insert_rows (writer, INSERT_CONTACTS, contacts, bind_contact_row, error);

  if (!ok)
    {
      g_prefix_error (error, _("Could not save the imported contacts: "));
      return FALSE;
    }

  bmb_database_mark_changed (writer->db, BMB_CHANGE_CONTACTS);

  /* Handed to whoever frees them (_bmb_import_writer_take_written()). */
  for (guint i = 0; i < writer->queue->len; i++)
    {
      Queued *queued = &g_array_index (writer->queue, Queued, i);

      if (writer->written == NULL)
        writer->written = g_ptr_array_new_full (writer->queue->len, g_object_unref);
      g_ptr_array_add (writer->written, g_steal_pointer (&queued->contact));
    }
  g_array_set_size (writer->queue, 0);
  writer->first_queued_id = writer->next_id;

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
  Queued *queued = NULL;
  BmbContact *existing = NULL;
  BmbContactLimiter limiter;
  gboolean changed;

  if (id >= writer->first_queued_id && id < writer->first_queued_id + writer->queue->len)
    {
      queued = &g_array_index (writer->queue, Queued, id - writer->first_queued_id);
      existing = queued->contact;
    }
  else
    {
      /* Rare: a card that repeats one from much earlier in the file. */
      if (id >= writer->first_staged_id && !promote_staged (writer, NULL, error))
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
  Queued queued;
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
    return flush_queue (writer, error);

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

  if (!flush_queue (writer, error) || !promote_staged (writer, cancellable, error))
    return FALSE;

  drop_staging (writer);

  if (!resolve_introductions (writer, error))
    return FALSE;

  g_debug ("Import writes: fields %.2f s, tags %.2f s, staged contacts %.2f s, then the "
           "contacts with their full-text index %.2f s",
           writer->write_usec[INSERT_FIELDS] / (double)G_USEC_PER_SEC,
           writer->write_usec[INSERT_TAGS] / (double)G_USEC_PER_SEC,
           writer->write_usec[INSERT_CONTACTS] / (double)G_USEC_PER_SEC,
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
  Queued *queued = data;

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
  writer->queue = g_array_new (FALSE, FALSE, sizeof (Queued));
  g_array_set_clear_func (writer->queue, queued_clear);
  writer->introductions = g_array_new (FALSE, TRUE, sizeof (Introduction));
  g_array_set_clear_func (writer->introductions, introduction_clear);
  writer->now = g_get_real_time () / G_USEC_PER_SEC;
  bmb_date_get_today (&today);
  writer->today = bmb_date_format_iso (&today);
  writer->max_variables = (guint)sqlite3_limit (bmb_database_get_handle (db),
                                                SQLITE_LIMIT_VARIABLE_NUMBER, -1);

  writer->inserts[INSERT_FIELDS].head =
    "INSERT INTO main.contact_fields (" FIELD_COLUMNS ")";
  writer->inserts[INSERT_FIELDS].n_columns = 6;
  writer->inserts[INSERT_TAGS].head =
    "INSERT OR IGNORE INTO main.contact_tags (" TAG_COLUMNS ")";
  writer->inserts[INSERT_TAGS].n_columns = 2;
  writer->inserts[INSERT_CONTACTS].head =
    "INSERT INTO temp.bmb_import_contacts (" CONTACT_COLUMN_LIST ")";
  writer->inserts[INSERT_CONTACTS].n_columns = CONTACT_COLUMNS;

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
  for (guint i = 0; i < N_INSERTS; i++)
    for (guint n = 0; n <= MAX_ROWS_LOG2; n++)
      g_free (writer->inserts[i].sql[n]);
  g_clear_pointer (&writer->introductions, g_array_unref);
  g_free (writer->today);
  g_free (writer);
}
