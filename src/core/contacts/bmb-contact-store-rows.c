/* bmb-contact-store-rows.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A contact to and from its rows: validating it, writing the contacts row
 * with its fields and tags (inside the caller's transaction), and loading
 * it back. Used by every part of BmbContactStore.
 */

#define G_LOG_DOMAIN "bmb-contact-store"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-contact-private.h"
#include "bmb-contact-store-private.h"
#include "bmb-contact-validate.h"
#include "bmb-follow-up.h"

/* Column order shared by the row reader and the writers. */
#define CONTACT_COLUMNS                                                        \
  "uid, display_name, prefix, given_name, additional_names, family_name, "     \
  "suffix, nickname, organization, role, birthday, met_where, met_on, "        \
  "met_event, introduced_by, notes, keep_in_touch_count, keep_in_touch_unit, " \
  "last_contact_on, next_follow_up_on, sort_key, updated_at, created_at, "     \
  "follow_up_on, follow_up_note"

enum {
  COL_UID = 1,
  COL_DISPLAY_NAME,
  COL_PREFIX,
  COL_GIVEN_NAME,
  COL_ADDITIONAL_NAMES,
  COL_FAMILY_NAME,
  COL_SUFFIX,
  COL_NICKNAME,
  COL_ORGANIZATION,
  COL_ROLE,
  COL_BIRTHDAY,
  COL_MET_WHERE,
  COL_MET_ON,
  COL_MET_EVENT,
  COL_INTRODUCED_BY,
  COL_NOTES,
  COL_KEEP_COUNT,
  COL_KEEP_UNIT,
  COL_LAST_CONTACT_ON,
  COL_NEXT_FOLLOW_UP_ON,
  COL_SORT_KEY,
  COL_UPDATED_AT,
  COL_CREATED_AT,
  COL_FOLLOW_UP_ON,
  COL_FOLLOW_UP_NOTE,
  COL_ID,
};

static const char insert_contact_sql[] =
  "INSERT INTO contacts (" CONTACT_COLUMNS ", id) VALUES "
  "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, "
  "?20, ?21, ?22, ?23, ?24, ?25, ?26)";

static const char update_contact_sql[] =
  "UPDATE contacts SET uid = ?1, display_name = ?2, prefix = ?3, given_name = ?4, "
  "additional_names = ?5, family_name = ?6, suffix = ?7, nickname = ?8, organization = ?9, "
  "role = ?10, birthday = ?11, met_where = ?12, met_on = ?13, met_event = ?14, "
  "introduced_by = ?15, notes = ?16, keep_in_touch_count = ?17, keep_in_touch_unit = ?18, "
  "last_contact_on = ?19, next_follow_up_on = ?20, sort_key = ?21, updated_at = ?22, "
  "follow_up_on = ?24, follow_up_note = ?25 WHERE id = ?26";

static const char select_contact_sql[] =
  "SELECT " CONTACT_COLUMNS ", id FROM contacts WHERE id = ?1";

/* ---- writing ------------------------------------------------------------- */

static gint64
now_unix (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

const char *
_bmb_contact_err_name (BmbContact *contact)
{
  const char *name = bmb_contact_get_display_name (contact);

  /* Translators: a contact without any name, in error messages */
  return name && *name ? name : _("Unnamed contact");
}

/* NULL, "YYYY-MM-DD", or with @allow_no_year "--MM-DD" (vCard 4). */
static gboolean
is_valid_date (const char *value,
               gboolean    allow_no_year)
{
  g_autofree char *message = NULL;

  if (value == NULL)
    return TRUE;

  message = bmb_contact_validate_date (value, allow_no_year);

  return message == NULL;
}

static gboolean
validate_contact (BmbContact  *contact,
                  GError     **error)
{
  const char *name = bmb_contact_get_display_name (contact);
  guint count = bmb_contact_get_keep_in_touch_count (contact);
  BmbFollowUpUnit unit = bmb_contact_get_keep_in_touch_unit (contact);

  if (name == NULL || *name == '\0')
    {
      g_set_error_literal (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID,
                           _("A contact needs a name, an organization or an email address."));
      return FALSE;
    }

  if (!is_valid_date (bmb_contact_get_birthday (contact), TRUE))
    {
      g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID,
                   /* Translators: 1: a contact name, 2: what was entered */
                   _("The birthday of “%s” is not a valid date (“%s”). Use the form "
                     "YYYY-MM-DD, or --MM-DD without the year."),
                   _bmb_contact_err_name (contact), bmb_contact_get_birthday (contact));
      return FALSE;
    }

  if (!is_valid_date (bmb_contact_get_met_on (contact), FALSE))
    {
      g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID,
                   /* Translators: 1: a contact name, 2: what was entered */
                   _("The date you met “%s” is not valid (“%s”). Use the form YYYY-MM-DD."),
                   _bmb_contact_err_name (contact), bmb_contact_get_met_on (contact));
      return FALSE;
    }

  if (!is_valid_date (bmb_contact_get_last_contact_on (contact), FALSE))
    {
      g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID,
                   /* Translators: 1: a contact name, 2: what was entered */
                   _("The last contact date of “%s” is not valid (“%s”). "
                     "Use the form YYYY-MM-DD."),
                   _bmb_contact_err_name (contact), bmb_contact_get_last_contact_on (contact));
      return FALSE;
    }

  if (!is_valid_date (bmb_contact_get_follow_up_on (contact), FALSE))
    {
      g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID,
                   /* Translators: 1: a contact name, 2: what was entered */
                   _("The follow-up date of “%s” is not valid (“%s”). Use the form YYYY-MM-DD."),
                   _bmb_contact_err_name (contact), bmb_contact_get_follow_up_on (contact));
      return FALSE;
    }

  if ((count == 0) != (unit == BMB_FOLLOW_UP_UNIT_NONE))
    {
      g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID,
                   _("The stay-in-touch interval of “%s” needs both a number and a unit."),
                   _bmb_contact_err_name (contact));
      return FALSE;
    }

  if (bmb_contact_get_id (contact) != 0 &&
      bmb_contact_get_introduced_by (contact) == bmb_contact_get_id (contact))
    {
      g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID,
                   _("“%s” cannot have introduced themselves."),
                   _bmb_contact_err_name (contact));
      return FALSE;
    }

  return TRUE;
}

static void
bind_contact (sqlite3_stmt *stmt,
              BmbContact   *contact,
              const char   *sort_key)
{
  guint count = bmb_contact_get_keep_in_touch_count (contact);

  bmb_stmt_bind_text_or_null (stmt, COL_UID, bmb_contact_get_uid (contact));
  bmb_stmt_bind_text_or_null (stmt, COL_DISPLAY_NAME, bmb_contact_get_display_name (contact));
  bmb_stmt_bind_text_or_null (stmt, COL_PREFIX, bmb_contact_get_prefix (contact));
  bmb_stmt_bind_text_or_null (stmt, COL_GIVEN_NAME, bmb_contact_get_given_name (contact));
  bmb_stmt_bind_text_or_null (stmt, COL_ADDITIONAL_NAMES,
                              bmb_contact_get_additional_names (contact));
  bmb_stmt_bind_text_or_null (stmt, COL_FAMILY_NAME, bmb_contact_get_family_name (contact));
  bmb_stmt_bind_text_or_null (stmt, COL_SUFFIX, bmb_contact_get_suffix (contact));
  bmb_stmt_bind_text_or_null (stmt, COL_NICKNAME, bmb_contact_get_nickname (contact));
  bmb_stmt_bind_text_or_null (stmt, COL_ORGANIZATION, bmb_contact_get_organization (contact));
  bmb_stmt_bind_text_or_null (stmt, COL_ROLE, bmb_contact_get_role (contact));
  bmb_stmt_bind_text_or_null (stmt, COL_BIRTHDAY, bmb_contact_get_birthday (contact));
  bmb_stmt_bind_text_or_null (stmt, COL_MET_WHERE, bmb_contact_get_met_where (contact));
  bmb_stmt_bind_text_or_null (stmt, COL_MET_ON, bmb_contact_get_met_on (contact));
  bmb_stmt_bind_text_or_null (stmt, COL_MET_EVENT, bmb_contact_get_met_event (contact));
  bmb_stmt_bind_id_or_null (stmt, COL_INTRODUCED_BY, bmb_contact_get_introduced_by (contact));
  bmb_stmt_bind_text_or_null (stmt, COL_NOTES, bmb_contact_get_notes (contact));
  if (count > 0)
    sqlite3_bind_int (stmt, COL_KEEP_COUNT, (int)count);
  else
    sqlite3_bind_null (stmt, COL_KEEP_COUNT);
  bmb_stmt_bind_text_or_null (stmt, COL_KEEP_UNIT,
                              bmb_follow_up_unit_to_string (
                                bmb_contact_get_keep_in_touch_unit (contact)));
  bmb_stmt_bind_text_or_null (stmt, COL_LAST_CONTACT_ON,
                              bmb_contact_get_last_contact_on (contact));
  bmb_stmt_bind_text_or_null (stmt, COL_NEXT_FOLLOW_UP_ON,
                              bmb_contact_get_next_follow_up_on (contact));
  sqlite3_bind_text (stmt, COL_SORT_KEY, sort_key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, COL_UPDATED_AT, bmb_contact_get_updated_at (contact));
  sqlite3_bind_int64 (stmt, COL_CREATED_AT, bmb_contact_get_created_at (contact));
  bmb_stmt_bind_text_or_null (stmt, COL_FOLLOW_UP_ON, bmb_contact_get_follow_up_on (contact));
  bmb_stmt_bind_text_or_null (stmt, COL_FOLLOW_UP_NOTE,
                              bmb_contact_get_follow_up_note (contact));
}

static gboolean
write_children (BmbContactStore  *self,
                BmbContact       *contact,
                gboolean          replace,
                GError          **error)
{
  gint64 id = bmb_contact_get_id (contact);
  GPtrArray *fields = bmb_contact_get_fields (contact);
  const char * const *tags = bmb_contact_get_tags (contact);
  sqlite3_stmt *stmt;

  if (replace)
    {
      if (!(stmt = bmb_database_prepare (self->db,
                                         "DELETE FROM contact_fields WHERE contact_id = ?1",
                                         error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      if (!bmb_database_step_done (self->db, stmt, error))
        return FALSE;

      if (!(stmt = bmb_database_prepare (self->db,
                                         "DELETE FROM contact_tags WHERE contact_id = ?1",
                                         error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      if (!bmb_database_step_done (self->db, stmt, error))
        return FALSE;
    }

  for (guint i = 0; i < fields->len; i++)
    {
      BmbContactField *field = g_ptr_array_index (fields, i);

      if (!(stmt = bmb_database_prepare (self->db,
                                         "INSERT INTO contact_fields "
                                         "(contact_id, kind, label, value, preferred, position) "
                                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                         error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, bmb_contact_field_kind_to_string (
                                    bmb_contact_field_get_kind (field)), -1, SQLITE_STATIC);
      bmb_stmt_bind_text_or_null (stmt, 3, bmb_contact_field_get_label (field));
      sqlite3_bind_text (stmt, 4, bmb_contact_field_get_value (field), -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 5, bmb_contact_field_get_preferred (field) ? 1 : 0);
      sqlite3_bind_int (stmt, 6, (int)i);
      if (!bmb_database_step_done (self->db, stmt, error))
        return FALSE;
    }

  for (guint i = 0; tags[i] != NULL; i++)
    {
      if (!(stmt = bmb_database_prepare (self->db,
                                         "INSERT OR IGNORE INTO contact_tags (contact_id, tag) "
                                         "VALUES (?1, ?2)",
                                         error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, tags[i], -1, SQLITE_TRANSIENT);
      if (!bmb_database_step_done (self->db, stmt, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
_bmb_contact_store_contact_exists (BmbContactStore  *self,
                                  gint64            id,
                                  gboolean         *exists,
                                  GError          **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = bmb_database_prepare (self->db, "SELECT 1 FROM contacts WHERE id = ?1", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if ((rc = bmb_database_step (self->db, stmt, error)) < 0)
    return FALSE;
  sqlite3_reset (stmt);
  *exists = rc == SQLITE_ROW;

  return TRUE;
}

static gboolean load_children (BmbContactStore  *self,
                               BmbContact       *contact,
                               GError          **error);

/* Whether the stored fields and tags of @contact equal those on the object
 * (fields in order, tags as a set). */
static gboolean
children_unchanged (BmbContactStore  *self,
                    BmbContact       *contact,
                    gboolean         *unchanged,
                    GError          **error)
{
  g_autoptr(BmbContact) stored = bmb_contact_new ();
  GPtrArray *mine = bmb_contact_get_fields (contact);
  GPtrArray *theirs;
  const char * const *tags = bmb_contact_get_tags (contact);

  *unchanged = FALSE;

  _bmb_contact_set_id (stored, bmb_contact_get_id (contact));
  if (!load_children (self, stored, error))
    return FALSE;

  theirs = bmb_contact_get_fields (stored);
  if (mine->len != theirs->len ||
      g_strv_length ((char **)tags) != g_strv_length ((char **)bmb_contact_get_tags (stored)))
    return TRUE;

  for (guint i = 0; i < mine->len; i++)
    {
      BmbContactField *a = g_ptr_array_index (mine, i);
      BmbContactField *b = g_ptr_array_index (theirs, i);

      if (bmb_contact_field_get_kind (a) != bmb_contact_field_get_kind (b) ||
          bmb_contact_field_get_preferred (a) != bmb_contact_field_get_preferred (b) ||
          g_strcmp0 (bmb_contact_field_get_label (a), bmb_contact_field_get_label (b)) != 0 ||
          g_strcmp0 (bmb_contact_field_get_value (a), bmb_contact_field_get_value (b)) != 0)
        return TRUE;
    }

  /* Exact spelling: changing only the case of a tag is a change. */
  for (guint i = 0; tags[i] != NULL; i++)
    if (!g_strv_contains (bmb_contact_get_tags (stored), tags[i]))
      return TRUE;

  *unchanged = TRUE;

  return TRUE;
}

/* The id SQLite would give the next row; only valid inside the write
 * transaction that then inserts it. */
static gint64
next_contact_id (BmbContactStore  *self,
                 GError          **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  if (!(stmt = bmb_database_prepare (self->db,
                                     "SELECT coalesce (max (id), 0) + 1 FROM contacts", error)))
    return 0;
  if (bmb_database_step (self->db, stmt, error) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return id;
}

/* Inserts (@insert) or updates the row of @contact with its children.
 * @explicit_id: restore under that id (insert only). Sets saved state on
 * @contact. Must run inside a transaction. */
gboolean
_bmb_contact_store_write_contact (BmbContactStore  *self,
                                  BmbContact       *contact,
                                  gboolean          insert,
                                  gint64            explicit_id,
                                  GError          **error)
{
  g_autofree char *sort_source = NULL;
  g_autofree char *sort_key = NULL;
  gint64 now = now_unix ();
  gint64 introduced_by;
  gboolean unchanged = FALSE;
  sqlite3_stmt *stmt;

  if (!validate_contact (contact, error))
    return FALSE;

  introduced_by = bmb_contact_get_introduced_by (contact);
  if (introduced_by != 0)
    {
      gboolean exists = FALSE;

      if (!_bmb_contact_store_contact_exists (self, introduced_by, &exists, error))
        return FALSE;
      if (!exists)
        {
          g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_NOT_FOUND,
                       _("The person who introduced “%s” is no longer in your contacts."),
                       _bmb_contact_err_name (contact));
          return FALSE;
        }
    }

  if (insert)
    {
      if (bmb_contact_get_uid (contact) == NULL)
        {
          g_autofree char *uid = g_uuid_string_random ();

          bmb_contact_set_uid (contact, uid);
        }
      _bmb_contact_set_timestamps (contact,
                                   explicit_id > 0 && bmb_contact_get_created_at (contact) > 0
                                     ? bmb_contact_get_created_at (contact) : now,
                                   now);
    }
  else
    {
      if (bmb_contact_get_uid (contact) == NULL)
        {
          g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID,
                       _("The contact “%s” has lost its unique id."),
                       _bmb_contact_err_name (contact));
          return FALSE;
        }
      _bmb_contact_set_timestamps (contact, bmb_contact_get_created_at (contact), now);
    }

  if (!_bmb_contact_store_update_follow_up_fields (self, contact, !insert || explicit_id > 0,
                                                   error))
    return FALSE;

  sort_source = _bmb_contact_dup_sort_source (contact);
  sort_key = bmb_contact_make_sort_key (sort_source);

  if (insert)
    {
      /* Children first, under the id the row is about to get, the row last:
       * the child foreign keys are deferred to the commit, and the row's
       * insert trigger indexes names, emails and tags in one full-text
       * write instead of one per child (see bmb-schema.c). */
      gint64 id = explicit_id;

      if (id <= 0 && (id = next_contact_id (self, error)) <= 0)
        return FALSE;

      _bmb_contact_set_id (contact, id);
      if (!write_children (self, contact, FALSE, error))
        {
          g_prefix_error (error, _("Could not save the contact “%s”: "),
                          _bmb_contact_err_name (contact));
          return FALSE;
        }
    }

  if (!(stmt = bmb_database_prepare (self->db, insert ? insert_contact_sql : update_contact_sql,
                                     error)))
    return FALSE;

  bind_contact (stmt, contact, sort_key);
  sqlite3_bind_int64 (stmt, COL_ID, bmb_contact_get_id (contact));

  if (!bmb_database_step_done (self->db, stmt, error))
    {
      g_prefix_error (error, _("Could not save the contact “%s”: "),
                      _bmb_contact_err_name (contact));
      return FALSE;
    }

  if (!insert)
    {
      if (bmb_database_changes (self->db) == 0)
        {
          g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_NOT_FOUND,
                       _("The contact “%s” no longer exists."),
                       _bmb_contact_err_name (contact));
          return FALSE;
        }

      /* Rewriting unchanged children would re-index the contact once per
       * field and tag (bmb-schema.c triggers); an import merging the same
       * data again changes nothing here. */
      if (!children_unchanged (self, contact, &unchanged, error))
        return FALSE;

      if (!unchanged && !write_children (self, contact, TRUE, error))
        {
          g_prefix_error (error, _("Could not save the contact “%s”: "),
                          _bmb_contact_err_name (contact));
          return FALSE;
        }
    }

  bmb_database_mark_item (self->db, BMB_CHANGE_CONTACTS, bmb_contact_get_id (contact),
                          insert ? BMB_CHANGE_ADDED : BMB_CHANGE_CHANGED);

  return TRUE;
}

/* ---- reading ------------------------------------------------------------- */

static BmbContact *
contact_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(BmbContact) contact = bmb_contact_new ();
  int count;

#define TEXT(col) ((const char *)sqlite3_column_text (stmt, (col) - 1))
  bmb_contact_set_uid (contact, TEXT (COL_UID));
  bmb_contact_set_prefix (contact, TEXT (COL_PREFIX));
  bmb_contact_set_given_name (contact, TEXT (COL_GIVEN_NAME));
  bmb_contact_set_additional_names (contact, TEXT (COL_ADDITIONAL_NAMES));
  bmb_contact_set_family_name (contact, TEXT (COL_FAMILY_NAME));
  bmb_contact_set_suffix (contact, TEXT (COL_SUFFIX));
  bmb_contact_set_nickname (contact, TEXT (COL_NICKNAME));
  bmb_contact_set_organization (contact, TEXT (COL_ORGANIZATION));
  bmb_contact_set_role (contact, TEXT (COL_ROLE));
  bmb_contact_set_birthday (contact, TEXT (COL_BIRTHDAY));
  bmb_contact_set_met_where (contact, TEXT (COL_MET_WHERE));
  bmb_contact_set_met_on (contact, TEXT (COL_MET_ON));
  bmb_contact_set_met_event (contact, TEXT (COL_MET_EVENT));
  bmb_contact_set_introduced_by (contact, sqlite3_column_int64 (stmt, COL_INTRODUCED_BY - 1));
  bmb_contact_set_notes (contact, TEXT (COL_NOTES));
  count = sqlite3_column_int (stmt, COL_KEEP_COUNT - 1);
  bmb_contact_set_keep_in_touch (contact, count > 0 ? (guint)count : 0,
                                 bmb_follow_up_unit_from_string (TEXT (COL_KEEP_UNIT)));
  bmb_contact_set_last_contact_on (contact, TEXT (COL_LAST_CONTACT_ON));
  bmb_contact_set_follow_up_on (contact, TEXT (COL_FOLLOW_UP_ON));
  bmb_contact_set_follow_up_note (contact, TEXT (COL_FOLLOW_UP_NOTE));
  _bmb_contact_set_next_follow_up_on (contact, TEXT (COL_NEXT_FOLLOW_UP_ON));
  _bmb_contact_set_timestamps (contact,
                               sqlite3_column_int64 (stmt, COL_CREATED_AT - 1),
                               sqlite3_column_int64 (stmt, COL_UPDATED_AT - 1));
  _bmb_contact_set_id (contact, sqlite3_column_int64 (stmt, COL_ID - 1));
#undef TEXT

  return g_steal_pointer (&contact);
}

static gboolean
load_children (BmbContactStore  *self,
               BmbContact       *contact,
               GError          **error)
{
  gint64 id = bmb_contact_get_id (contact);
  g_autoptr(GPtrArray) tags = g_ptr_array_new_null_terminated (4, g_free, TRUE);
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = bmb_database_prepare (self->db,
                                     "SELECT kind, label, value, preferred FROM contact_fields "
                                     "WHERE contact_id = ?1 ORDER BY position, id",
                                     error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = bmb_database_step (self->db, stmt, error)) == SQLITE_ROW)
    {
      BmbContactFieldKind kind;

      if (!bmb_contact_field_kind_from_string ((const char *)sqlite3_column_text (stmt, 0), &kind))
        continue;
      bmb_contact_add_field (contact, kind,
                             (const char *)sqlite3_column_text (stmt, 1),
                             (const char *)sqlite3_column_text (stmt, 2),
                             sqlite3_column_int (stmt, 3) != 0);
    }
  sqlite3_reset (stmt);
  if (rc < 0)
    return FALSE;

  if (!(stmt = bmb_database_prepare (self->db,
                                     "SELECT tag FROM contact_tags WHERE contact_id = ?1 "
                                     "ORDER BY tag",
                                     error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = bmb_database_step (self->db, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (tags, bmb_stmt_dup_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc < 0)
    return FALSE;

  bmb_contact_set_tags (contact, (const char * const *)tags->pdata);

  return TRUE;
}

BmbContact *
_bmb_contact_store_load_contact (BmbContactStore  *self,
                                 gint64            id,
                                 GError          **error)
{
  g_autoptr(BmbContact) contact = NULL;
  g_autofree char *stored_name = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = bmb_database_prepare (self->db, select_contact_sql, error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if ((rc = bmb_database_step (self->db, stmt, error)) < 0)
    return NULL;
  if (rc == SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      return NULL;
    }

  contact = contact_from_row (stmt);
  stored_name = bmb_stmt_dup_text (stmt, COL_DISPLAY_NAME - 1);
  sqlite3_reset (stmt);

  if (!load_children (self, contact, error))
    return NULL;

  /* After the parts and fields (the derived name may be the first email),
   * so that a derived name stays derived. */
  _bmb_contact_set_stored_display_name (contact, stored_name);

  return g_steal_pointer (&contact);
}

void
_bmb_contact_store_set_not_found (GError **error,
                                  gint64   id)
{
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_NOT_FOUND,
               /* Translators: %s is the contact's internal number */
               _("Contact %s does not exist. It may have been deleted."), number);
}
