/* bmb-contact-import-writer-batches.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How the import writer writes its queue of new contacts, the way the
 * schema invites bulk writers to: the fields and tags first, under ids
 * chosen up front, with multi-row INSERTs, then the contact rows, so the
 * full-text index is built once per contact.
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

#include "bmb-contact-import-writer-private.h"
#include "bmb-contact-private.h"

#define FIELD_COLUMNS "contact_id, kind, label, value, preferred, position"
#define TAG_COLUMNS "contact_id, tag"
#define CONTACT_COLUMN_LIST \
  "id, uid, display_name, prefix, given_name, additional_names, family_name, suffix, " \
  "nickname, organization, role, birthday, met_where, met_on, met_event, notes, " \
  "keep_in_touch_count, keep_in_touch_unit, last_contact_on, next_follow_up_on, " \
  "sort_key, created_at, updated_at"
#define CONTACT_COLUMNS 23

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
  gint64           id;
  BmbImportQueued *queued;
} ContactRow;

typedef void (*BindRowFunc) (BmbImportWriter *writer,
                             sqlite3_stmt    *stmt,
                             int              first,
                             gconstpointer    row);

void
_bmb_import_writer_init_inserts (BmbImportWriter *writer)
{
  BmbImportInsertSpec *inserts = writer->inserts;

  inserts[BMB_IMPORT_INSERT_FIELDS].head =
    "INSERT INTO main.contact_fields (" FIELD_COLUMNS ")";
  inserts[BMB_IMPORT_INSERT_FIELDS].n_columns = 6;
  inserts[BMB_IMPORT_INSERT_TAGS].head =
    "INSERT OR IGNORE INTO main.contact_tags (" TAG_COLUMNS ")";
  inserts[BMB_IMPORT_INSERT_TAGS].n_columns = 2;
  inserts[BMB_IMPORT_INSERT_CONTACTS].head =
    "INSERT INTO temp.bmb_import_contacts (" CONTACT_COLUMN_LIST ")";
  inserts[BMB_IMPORT_INSERT_CONTACTS].n_columns = CONTACT_COLUMNS;
}

void
_bmb_import_writer_clear_inserts (BmbImportWriter *writer)
{
  for (guint i = 0; i < BMB_IMPORT_N_INSERTS; i++)
    for (guint n = 0; n <= BMB_IMPORT_MAX_ROWS_LOG2; n++)
      g_clear_pointer (&writer->inserts[i].sql[n], g_free);
}

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
  BmbImportInsertSpec *spec = &writer->inserts[which];
  guint element_size = g_array_get_element_size (rows);
  guint log2 = 0;
  guint done = 0;
  gint64 start = g_get_monotonic_time ();

  while (log2 < BMB_IMPORT_MAX_ROWS_LOG2 && (2u << log2) * spec->n_columns <= writer->max_variables)
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

/* In one statement, the full-text index grows in one big step rather than
 * many small ones (it flushes what it has pending at the end of every
 * statement), and that is most of what importing costs. Their fields and
 * tags are in already, so each contact's insert trigger indexes it whole,
 * once (bmb-schema.c). */
gboolean
_bmb_import_writer_promote_staged (BmbImportWriter  *writer,
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

void
_bmb_import_writer_drop_staging (BmbImportWriter *writer)
{
  if (writer->staging_created &&
      !bmb_database_exec (writer->db, "DROP TABLE temp.bmb_import_contacts", NULL))
    g_warning ("Could not drop the import staging table");
  writer->staging_created = FALSE;
}

gboolean
_bmb_import_writer_flush_queue (BmbImportWriter  *writer,
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
      BmbImportQueued *queued = &g_array_index (writer->queue, BmbImportQueued, i);
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
       insert_rows (writer, BMB_IMPORT_INSERT_FIELDS, fields, bind_field, error) &&
       insert_rows (writer, BMB_IMPORT_INSERT_TAGS, tags, bind_tag, error) &&
       insert_rows (writer, BMB_IMPORT_INSERT_CONTACTS, contacts, bind_contact_row, error);

  if (!ok)
    {
      g_prefix_error (error, _("Could not save the imported contacts: "));
      return FALSE;
    }

  bmb_database_mark_changed (writer->db, BMB_CHANGE_CONTACTS);

  /* Handed to whoever frees them (_bmb_import_writer_take_written()). */
  for (guint i = 0; i < writer->queue->len; i++)
    {
      BmbImportQueued *queued = &g_array_index (writer->queue, BmbImportQueued, i);

      if (writer->written == NULL)
        writer->written = g_ptr_array_new_full (writer->queue->len, g_object_unref);
      g_ptr_array_add (writer->written, g_steal_pointer (&queued->contact));
    }
  g_array_set_size (writer->queue, 0);
  writer->first_queued_id = writer->next_id;

  return TRUE;
}

