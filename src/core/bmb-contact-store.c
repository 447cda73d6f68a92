/* bmb-contact-store.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Contacts: insert, update, get, delete/restore, find by email, merge, tags.
 * Interactions and follow-up dates: bmb-contact-store-interactions.c.
 * The list queries: bmb-contact-store-search.c.
 */

#define G_LOG_DOMAIN "bmb-contact-store"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-contact-private.h"
#include "bmb-contact-store-private.h"
#include "bmb-follow-up.h"

struct _BmbContactSnapshot
{
  gatomicrefcount  ref_count;
  BmbContact      *contact;
  GPtrArray       *interactions;   /* BmbInteraction */
  GArray          *introduced;     /* gint64 ids of contacts it introduced */
};

G_DEFINE_FINAL_TYPE (BmbContactStore, bmb_contact_store, G_TYPE_OBJECT)

G_DEFINE_BOXED_TYPE (BmbContactTagCount, bmb_contact_tag_count,
                     bmb_contact_tag_count_copy, bmb_contact_tag_count_free)
G_DEFINE_BOXED_TYPE (BmbContactSnapshot, bmb_contact_snapshot,
                     bmb_contact_snapshot_ref, bmb_contact_snapshot_unref)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Column order shared by the row reader and the writers. */
#define CONTACT_COLUMNS                                                        \
  "uid, display_name, prefix, given_name, additional_names, family_name, "     \
  "suffix, nickname, organization, role, birthday, met_where, met_on, "        \
  "met_event, introduced_by, notes, keep_in_touch_count, keep_in_touch_unit, " \
  "last_contact_on, next_follow_up_on, sort_key, updated_at, created_at"

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
  COL_ID,
};

static const char insert_contact_sql[] =
  "INSERT INTO contacts (" CONTACT_COLUMNS ", id) VALUES "
  "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, "
  "?20, ?21, ?22, ?23, ?24)";

static const char update_contact_sql[] =
  "UPDATE contacts SET uid = ?1, display_name = ?2, prefix = ?3, given_name = ?4, "
  "additional_names = ?5, family_name = ?6, suffix = ?7, nickname = ?8, organization = ?9, "
  "role = ?10, birthday = ?11, met_where = ?12, met_on = ?13, met_event = ?14, "
  "introduced_by = ?15, notes = ?16, keep_in_touch_count = ?17, keep_in_touch_unit = ?18, "
  "last_contact_on = ?19, next_follow_up_on = ?20, sort_key = ?21, updated_at = ?22 "
  "WHERE id = ?24";

static const char select_contact_sql[] =
  "SELECT " CONTACT_COLUMNS ", id FROM contacts WHERE id = ?1";

/* ---- small boxed types --------------------------------------------------- */

BmbContactTagCount *
bmb_contact_tag_count_copy (const BmbContactTagCount *self)
{
  BmbContactTagCount *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (BmbContactTagCount, 1);
  copy->tag = g_strdup (self->tag);
  copy->count = self->count;

  return copy;
}

void
bmb_contact_tag_count_free (BmbContactTagCount *self)
{
  if (self == NULL)
    return;

  g_free (self->tag);
  g_free (self);
}

BmbContactSnapshot *
bmb_contact_snapshot_ref (BmbContactSnapshot *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
bmb_contact_snapshot_unref (BmbContactSnapshot *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_clear_object (&self->contact);
      g_clear_pointer (&self->interactions, g_ptr_array_unref);
      g_clear_pointer (&self->introduced, g_array_unref);
      g_free (self);
    }
}

BmbContact *
bmb_contact_snapshot_get_contact (BmbContactSnapshot *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->contact;
}

/* ---- helpers ------------------------------------------------------------- */

static gint64
now_unix (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static const char *
name_for_messages (BmbContact *contact)
{
  const char *name = bmb_contact_get_display_name (contact);

  /* Translators: a contact without any name, in error messages */
  return name && *name ? name : _("Unnamed contact");
}

static gboolean
check_date (BmbContact  *contact,
            const char  *value,
            const char  *what,
            gboolean     allow_no_year,
            GError     **error)
{
  GDate date;

  if (value == NULL || bmb_date_parse_iso (value, &date))
    return TRUE;

  /* vCard 4 birthday without a year: "--MM-DD". */
  if (allow_no_year && strlen (value) == 7 && g_str_has_prefix (value, "--"))
    {
      g_autofree char *with_year = g_strconcat ("2000", value + 1, NULL);

      if (bmb_date_parse_iso (with_year, &date))
        return TRUE;
    }

  g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID,
               /* Translators: 1: a contact name, 2: which date (e.g. "birthday"),
                * 3: the invalid value */
               _("The contact “%s” has an invalid %s “%s”. Use the form YYYY-MM-DD."),
               name_for_messages (contact), what, value);

  return FALSE;
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

  /* Translators: used in "The contact “%s” has an invalid %s “%s”." */
  if (!check_date (contact, bmb_contact_get_birthday (contact), _("birthday"), TRUE, error) ||
      /* Translators: used in "The contact “%s” has an invalid %s “%s”." */
      !check_date (contact, bmb_contact_get_met_on (contact), _("date met"), FALSE, error) ||
      /* Translators: used in "The contact “%s” has an invalid %s “%s”." */
      !check_date (contact, bmb_contact_get_last_contact_on (contact), _("last contact date"),
                   FALSE, error))
    return FALSE;

  if ((count == 0) != (unit == BMB_FOLLOW_UP_UNIT_NONE))
    {
      g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID,
                   _("The stay-in-touch interval of “%s” needs both a number and a unit."),
                   name_for_messages (contact));
      return FALSE;
    }

  if (bmb_contact_get_id (contact) != 0 &&
      bmb_contact_get_introduced_by (contact) == bmb_contact_get_id (contact))
    {
      g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID,
                   _("“%s” cannot have introduced themselves."), name_for_messages (contact));
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

static gboolean
contact_exists (BmbContactStore  *self,
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

/* Inserts (@insert) or updates the row of @contact with its children.
 * @explicit_id: restore under that id (insert only). Sets saved state on
 * @contact. Must run inside a transaction. */
static gboolean
write_contact (BmbContactStore  *self,
               BmbContact       *contact,
               gboolean          insert,
               gint64            explicit_id,
               GError          **error)
{
  g_autofree char *sort_source = NULL;
  g_autofree char *sort_key = NULL;
  gint64 now = now_unix ();
  gint64 introduced_by;
  sqlite3_stmt *stmt;

  if (!validate_contact (contact, error))
    return FALSE;

  introduced_by = bmb_contact_get_introduced_by (contact);
  if (introduced_by != 0)
    {
      gboolean exists = FALSE;

      if (!contact_exists (self, introduced_by, &exists, error))
        return FALSE;
      if (!exists)
        {
          g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_NOT_FOUND,
                       _("The person who introduced “%s” is no longer in your contacts."),
                       name_for_messages (contact));
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
                       name_for_messages (contact));
          return FALSE;
        }
      _bmb_contact_set_timestamps (contact, bmb_contact_get_created_at (contact), now);
    }

  if (!_bmb_contact_store_update_follow_up_fields (self, contact, !insert || explicit_id > 0,
                                                   error))
    return FALSE;

  sort_source = _bmb_contact_dup_sort_source (contact);
  sort_key = bmb_contact_make_sort_key (sort_source);

  if (!(stmt = bmb_database_prepare (self->db, insert ? insert_contact_sql : update_contact_sql,
                                     error)))
    return FALSE;

  bind_contact (stmt, contact, sort_key);
  if (insert)
    bmb_stmt_bind_id_or_null (stmt, COL_ID, explicit_id);
  else
    sqlite3_bind_int64 (stmt, COL_ID, bmb_contact_get_id (contact));

  if (!bmb_database_step_done (self->db, stmt, error))
    {
      g_prefix_error (error, _("Could not save the contact “%s”: "), name_for_messages (contact));
      return FALSE;
    }

  if (insert)
    {
      _bmb_contact_set_id (contact, bmb_database_last_insert_id (self->db));
    }
  else if (bmb_database_changes (self->db) == 0)
    {
      g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_NOT_FOUND,
                   _("The contact “%s” no longer exists."), name_for_messages (contact));
      return FALSE;
    }

  if (!write_children (self, contact, !insert, error))
    {
      g_prefix_error (error, _("Could not save the contact “%s”: "), name_for_messages (contact));
      return FALSE;
    }

  bmb_database_mark_changed (self->db, BMB_CHANGE_CONTACTS);

  return TRUE;
}

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

/* NULL without an error when there is no such contact. */
static BmbContact *
load_contact (BmbContactStore  *self,
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

static void
set_not_found (GError **error,
               gint64   id)
{
  g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_NOT_FOUND,
               _("There is no contact with id %" G_GINT64_FORMAT "."), id);
}

/* ---- GObject ------------------------------------------------------------- */

static void
bmb_contact_store_dispose (GObject *object)
{
  BmbContactStore *self = (BmbContactStore *)object;

  g_clear_object (&self->db);

  G_OBJECT_CLASS (bmb_contact_store_parent_class)->dispose (object);
}

static void
bmb_contact_store_finalize (GObject *object)
{
  BmbContactStore *self = (BmbContactStore *)object;

  g_clear_pointer (&self->today, g_free);

  G_OBJECT_CLASS (bmb_contact_store_parent_class)->finalize (object);
}

static void
bmb_contact_store_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  BmbContactStore *self = BMB_CONTACT_STORE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->db);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_contact_store_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  BmbContactStore *self = BMB_CONTACT_STORE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_assert (self->db == NULL);
      self->db = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_contact_store_class_init (BmbContactStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bmb_contact_store_dispose;
  object_class->finalize = bmb_contact_store_finalize;
  object_class->get_property = bmb_contact_store_get_property;
  object_class->set_property = bmb_contact_store_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, BMB_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bmb_contact_store_init (BmbContactStore *self)
{
}

/* ---- private API --------------------------------------------------------- */

char *
_bmb_contact_store_dup_today (BmbContactStore *self)
{
  GDate today;

  if (self->today != NULL)
    return g_strdup (self->today);

  bmb_date_get_today (&today);

  return bmb_date_format_iso (&today);
}

BmbContact *
_bmb_contact_store_load_contact (BmbContactStore  *self,
                                 gint64            id,
                                 GError          **error)
{
  return load_contact (self, id, error);
}

/* ---- public API ---------------------------------------------------------- */

BmbContactStore *
bmb_contact_store_new (BmbDatabase *database)
{
  g_return_val_if_fail (BMB_IS_DATABASE (database), NULL);

  return g_object_new (BMB_TYPE_CONTACT_STORE, "database", database, NULL);
}

BmbDatabase *
bmb_contact_store_get_database (BmbContactStore *self)
{
  g_return_val_if_fail (BMB_IS_CONTACT_STORE (self), NULL);

  return self->db;
}

void
bmb_contact_store_set_today (BmbContactStore *self,
                             const char      *today)
{
  GDate date;

  g_return_if_fail (BMB_IS_CONTACT_STORE (self));
  g_return_if_fail (today == NULL || bmb_date_parse_iso (today, &date));

  g_free (self->today);
  self->today = g_strdup (today);
}

gboolean
bmb_contact_store_insert (BmbContactStore  *self,
                          BmbContact       *contact,
                          GError          **error)
{
  g_return_val_if_fail (BMB_IS_CONTACT_STORE (self), FALSE);
  g_return_val_if_fail (BMB_IS_CONTACT (contact), FALSE);
  g_return_val_if_fail (bmb_contact_get_id (contact) == 0, FALSE);

  if (!bmb_database_begin (self->db, error))
    return FALSE;

  if (!write_contact (self, contact, TRUE, 0, error) ||
      !bmb_database_commit (self->db, error))
    {
      bmb_database_rollback (self->db);
      _bmb_contact_set_id (contact, 0);
      return FALSE;
    }

  return TRUE;
}

gboolean
bmb_contact_store_update (BmbContactStore  *self,
                          BmbContact       *contact,
                          GError          **error)
{
  g_return_val_if_fail (BMB_IS_CONTACT_STORE (self), FALSE);
  g_return_val_if_fail (BMB_IS_CONTACT (contact), FALSE);
  g_return_val_if_fail (bmb_contact_get_id (contact) > 0, FALSE);

  if (!bmb_database_begin (self->db, error))
    return FALSE;

  if (!write_contact (self, contact, FALSE, 0, error) ||
      !bmb_database_commit (self->db, error))
    {
      bmb_database_rollback (self->db);
      return FALSE;
    }

  return TRUE;
}

BmbContact *
bmb_contact_store_get (BmbContactStore  *self,
                       gint64            id,
                       GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  BmbContact *contact;

  g_return_val_if_fail (BMB_IS_CONTACT_STORE (self), NULL);

  contact = load_contact (self, id, &local_error);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else if (contact == NULL)
    set_not_found (error, id);

  return contact;
}

BmbContact *
bmb_contact_store_get_by_uid (BmbContactStore  *self,
                              const char       *uid,
                              GError          **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  g_return_val_if_fail (BMB_IS_CONTACT_STORE (self), NULL);
  g_return_val_if_fail (uid != NULL, NULL);

  if (!(stmt = bmb_database_prepare (self->db, "SELECT id FROM contacts WHERE uid = ?1", error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_TRANSIENT);
  if ((rc = bmb_database_step (self->db, stmt, error)) < 0)
    return NULL;
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return id > 0 ? load_contact (self, id, error) : NULL;
}

static gboolean
check_not_in_relationship (BmbContactStore  *self,
                           BmbContact       *contact,
                           GError          **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = bmb_database_prepare (self->db,
                                     "SELECT 1 FROM relationships "
                                     "WHERE mentor_id = ?1 OR mentee_id = ?1 LIMIT 1",
                                     error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, bmb_contact_get_id (contact));
  if ((rc = bmb_database_step (self->db, stmt, error)) < 0)
    return FALSE;
  sqlite3_reset (stmt);

  if (rc == SQLITE_ROW)
    {
      g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_CONSTRAINT,
                   _("“%s” is part of a mentoring relationship. Delete the relationship "
                     "first, or merge the contact into another one."),
                   name_for_messages (contact));
      return FALSE;
    }

  return TRUE;
}

static BmbContactSnapshot *
take_snapshot (BmbContactStore  *self,
               BmbContact       *contact,
               GError          **error)
{
  g_autoptr(BmbContactSnapshot) snapshot = g_new0 (BmbContactSnapshot, 1);
  sqlite3_stmt *stmt;
  int rc;

  g_atomic_ref_count_init (&snapshot->ref_count);
  snapshot->contact = g_object_ref (contact);
  snapshot->introduced = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (!(snapshot->interactions =
          bmb_contact_store_list_interactions (self, bmb_contact_get_id (contact), error)))
    return NULL;

  if (!(stmt = bmb_database_prepare (self->db,
                                     "SELECT id FROM contacts WHERE introduced_by = ?1",
                                     error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, bmb_contact_get_id (contact));
  while ((rc = bmb_database_step (self->db, stmt, error)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (snapshot->introduced, id);
    }
  sqlite3_reset (stmt);
  if (rc < 0)
    return NULL;

  return g_steal_pointer (&snapshot);
}

static gboolean
delete_row (BmbContactStore  *self,
            gint64            id,
            GError          **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = bmb_database_prepare (self->db, "DELETE FROM contacts WHERE id = ?1", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);

  return bmb_database_step_done (self->db, stmt, error);
}

gboolean
bmb_contact_store_delete (BmbContactStore     *self,
                          gint64               id,
                          BmbContactSnapshot **out_snapshot,
                          GError             **error)
{
  g_autoptr(BmbContact) contact = NULL;
  g_autoptr(BmbContactSnapshot) snapshot = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (BMB_IS_CONTACT_STORE (self), FALSE);

  if (!bmb_database_begin (self->db, error))
    return FALSE;

  if (!(contact = load_contact (self, id, &local_error)))
    {
      if (local_error == NULL)
        set_not_found (&local_error, id);
      goto failed;
    }

  if (!check_not_in_relationship (self, contact, &local_error))
    goto failed;

  if (out_snapshot != NULL && !(snapshot = take_snapshot (self, contact, &local_error)))
    goto failed;

  if (!delete_row (self, id, &local_error))
    {
      g_prefix_error (&local_error, _("Could not delete the contact “%s”: "),
                      name_for_messages (contact));
      goto failed;
    }

  bmb_database_mark_changed (self->db, BMB_CHANGE_CONTACTS | BMB_CHANGE_INTERACTIONS);

  if (!bmb_database_commit (self->db, &local_error))
    goto failed;

  if (out_snapshot != NULL)
    *out_snapshot = g_steal_pointer (&snapshot);

  return TRUE;

failed:
  bmb_database_rollback (self->db);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

gboolean
bmb_contact_store_restore (BmbContactStore     *self,
                           BmbContactSnapshot  *snapshot,
                           GError             **error)
{
  g_autoptr(BmbContact) contact = NULL;
  gint64 id;

  g_return_val_if_fail (BMB_IS_CONTACT_STORE (self), FALSE);
  g_return_val_if_fail (snapshot != NULL, FALSE);

  /* Work on a copy so the snapshot can be restored again after an error. */
  contact = bmb_contact_copy (snapshot->contact);
  id = bmb_contact_get_id (contact);
  _bmb_contact_set_id (contact, 0);

  if (!bmb_database_begin (self->db, error))
    return FALSE;

  /* The person who introduced them may be gone meanwhile. */
  if (bmb_contact_get_introduced_by (contact) != 0)
    {
      gboolean exists = FALSE;

      if (!contact_exists (self, bmb_contact_get_introduced_by (contact), &exists, error))
        goto failed;
      if (!exists)
        bmb_contact_set_introduced_by (contact, 0);
    }

  if (!write_contact (self, contact, TRUE, id, error))
    goto failed;

  for (guint i = 0; i < snapshot->interactions->len; i++)
    {
      BmbInteraction *interaction = g_ptr_array_index (snapshot->interactions, i);

      if (!_bmb_contact_store_insert_interaction_row (self, interaction, TRUE, error))
        goto failed;
    }

  for (guint i = 0; i < snapshot->introduced->len; i++)
    {
      sqlite3_stmt *stmt;

      if (!(stmt = bmb_database_prepare (self->db,
                                         "UPDATE contacts SET introduced_by = ?1 "
                                         "WHERE id = ?2 AND introduced_by IS NULL",
                                         error)))
        goto failed;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (snapshot->introduced, gint64, i));
      if (!bmb_database_step_done (self->db, stmt, error))
        goto failed;
    }

  if (!_bmb_contact_store_refresh_follow_up (self, id, TRUE, error))
    goto failed;

  bmb_database_mark_changed (self->db, BMB_CHANGE_CONTACTS | BMB_CHANGE_INTERACTIONS);

  if (!bmb_database_commit (self->db, error))
    goto failed;

  return TRUE;

failed:
  bmb_database_rollback (self->db);
  return FALSE;
}

gint64
bmb_contact_store_count (BmbContactStore  *self,
                         GError          **error)
{
  sqlite3_stmt *stmt;
  gint64 count = -1;

  g_return_val_if_fail (BMB_IS_CONTACT_STORE (self), -1);

  if (!(stmt = bmb_database_prepare (self->db, "SELECT count(*) FROM contacts", error)))
    return -1;
  if (bmb_database_step (self->db, stmt, error) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return count;
}

gint64
bmb_contact_store_find_id_by_email (BmbContactStore  *self,
                                    const char       *email,
                                    GError          **error)
{
  g_autofree char *trimmed = NULL;
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  g_return_val_if_fail (BMB_IS_CONTACT_STORE (self), 0);

  if (email == NULL || *(trimmed = g_strstrip (g_strdup (email))) == '\0')
    return 0;

  /* "value = ? COLLATE NOCASE" with kind first matches the
   * contact_fields_value index (kind, value COLLATE NOCASE). */
  if (!(stmt = bmb_database_prepare (self->db,
                                     "SELECT min (contact_id) FROM contact_fields "
                                     "WHERE kind = 'email' AND value = ?1 COLLATE NOCASE",
                                     error)))
    return 0;
  sqlite3_bind_text (stmt, 1, trimmed, -1, SQLITE_TRANSIENT);
  if ((rc = bmb_database_step (self->db, stmt, error)) < 0)
    return 0;
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return id;
}

BmbContact *
bmb_contact_store_find_by_email (BmbContactStore  *self,
                                 const char       *email,
                                 GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 id;

  g_return_val_if_fail (BMB_IS_CONTACT_STORE (self), NULL);

  id = bmb_contact_store_find_id_by_email (self, email, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return id > 0 ? load_contact (self, id, error) : NULL;
}

static gboolean
exec_with_two_ids (BmbContactStore  *self,
                   const char       *sql,
                   gint64            a,
                   gint64            b,
                   GError          **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = bmb_database_prepare (self->db, sql, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);

  return bmb_database_step_done (self->db, stmt, error);
}

gboolean
bmb_contact_store_merge (BmbContactStore  *self,
                         gint64            keep_id,
                         gint64            other_id,
                         GError          **error)
{
  g_autoptr(BmbContact) keep = NULL;
  g_autoptr(BmbContact) other = NULL;
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BMB_IS_CONTACT_STORE (self), FALSE);

  if (keep_id == other_id)
    {
      g_set_error_literal (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID,
                           _("A contact cannot be merged with itself."));
      return FALSE;
    }

  if (!bmb_database_begin (self->db, error))
    return FALSE;

  if (!(keep = load_contact (self, keep_id, &local_error)))
    {
      if (local_error == NULL)
        set_not_found (&local_error, keep_id);
      goto failed;
    }
  if (!(other = load_contact (self, other_id, &local_error)))
    {
      if (local_error == NULL)
        set_not_found (&local_error, other_id);
      goto failed;
    }

  /* Mentor and mentee of the same relationship cannot become one person. */
  if (!(stmt = bmb_database_prepare (self->db,
                                     "SELECT 1 FROM relationships WHERE "
                                     "(mentor_id = ?1 AND mentee_id = ?2) OR "
                                     "(mentor_id = ?2 AND mentee_id = ?1) LIMIT 1",
                                     &local_error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, keep_id);
  sqlite3_bind_int64 (stmt, 2, other_id);
  if ((rc = bmb_database_step (self->db, stmt, &local_error)) < 0)
    goto failed;
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    {
      g_set_error (&local_error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID,
                   _("“%s” and “%s” cannot be merged: one mentors the other."),
                   name_for_messages (keep), name_for_messages (other));
      goto failed;
    }

  /* Who introduced the kept contact must survive the other's deletion. */
  if (bmb_contact_get_introduced_by (keep) == other_id)
    bmb_contact_set_introduced_by (keep, bmb_contact_get_introduced_by (other) != keep_id
                                           ? bmb_contact_get_introduced_by (other) : 0);
  if (bmb_contact_get_introduced_by (other) == keep_id)
    bmb_contact_set_introduced_by (other, 0);

  bmb_contact_merge_from (keep, other);

  if (!exec_with_two_ids (self, "UPDATE interactions SET contact_id = ?1 WHERE contact_id = ?2",
                          keep_id, other_id, &local_error) ||
      !exec_with_two_ids (self, "UPDATE relationships SET mentor_id = ?1 WHERE mentor_id = ?2",
                          keep_id, other_id, &local_error) ||
      !exec_with_two_ids (self, "UPDATE relationships SET mentee_id = ?1 WHERE mentee_id = ?2",
                          keep_id, other_id, &local_error) ||
      !exec_with_two_ids (self,
                          "UPDATE contacts SET introduced_by = ?1 "
                          "WHERE introduced_by = ?2 AND id <> ?1",
                          keep_id, other_id, &local_error) ||
      !delete_row (self, other_id, &local_error) ||
      !write_contact (self, keep, FALSE, 0, &local_error))
    {
      g_prefix_error (&local_error, _("Could not merge “%s” into “%s”: "),
                      name_for_messages (other), name_for_messages (keep));
      goto failed;
    }

  bmb_database_mark_changed (self->db, BMB_CHANGE_CONTACTS | BMB_CHANGE_INTERACTIONS |
                                       BMB_CHANGE_RELATIONSHIPS);

  if (!bmb_database_commit (self->db, &local_error))
    goto failed;

  return TRUE;

failed:
  bmb_database_rollback (self->db);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

GPtrArray *
bmb_contact_store_list_tags (BmbContactStore  *self,
                             GError          **error)
{
  g_autoptr(GPtrArray) tags = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BMB_IS_CONTACT_STORE (self), NULL);

  if (!(stmt = bmb_database_prepare (self->db,
                                     "SELECT tag, count(*) FROM contact_tags "
                                     "GROUP BY tag ORDER BY tag",
                                     error)))
    return NULL;

  tags = g_ptr_array_new_with_free_func ((GDestroyNotify)bmb_contact_tag_count_free);
  while ((rc = bmb_database_step (self->db, stmt, error)) == SQLITE_ROW)
    {
      BmbContactTagCount *count = g_new0 (BmbContactTagCount, 1);

      count->tag = bmb_stmt_dup_text (stmt, 0);
      count->count = (guint)sqlite3_column_int64 (stmt, 1);
      g_ptr_array_add (tags, count);
    }
  sqlite3_reset (stmt);
  if (rc < 0)
    return NULL;

  return g_steal_pointer (&tags);
}
