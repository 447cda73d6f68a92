/* bmb-contact-store.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Contacts: insert, update, get, delete/restore, find by email, merge, tags.
 * A contact to and from its rows: bmb-contact-store-rows.c.
 * Interactions and follow-up dates: bmb-contact-store-interactions.c.
 * The list queries: bmb-contact-store-search.c.
 */

#define G_LOG_DOMAIN "bmb-contact-store"

#include "config.h"

#include "bmb-contact-private.h"
#include "bmb-contact-store-private.h"
#include "bmb-follow-up.h"

G_DEFINE_FINAL_TYPE (BmbContactStore, bmb_contact_store, G_TYPE_OBJECT)

G_DEFINE_BOXED_TYPE (BmbContactTagCount, bmb_contact_tag_count,
                     bmb_contact_tag_count_copy, bmb_contact_tag_count_free)
enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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
  g_clear_pointer (&self->name_order, g_array_unref);
  g_clear_pointer (&self->name_position, g_free);

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

  if (!_bmb_contact_store_write_contact (self, contact, TRUE, 0, error) ||
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

  if (!_bmb_contact_store_write_contact (self, contact, FALSE, 0, error) ||
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

  contact = _bmb_contact_store_load_contact (self, id, &local_error);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else if (contact == NULL)
    _bmb_contact_store_set_not_found (error, id);

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

  return id > 0 ? _bmb_contact_store_load_contact (self, id, error) : NULL;
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

  return id > 0 ? _bmb_contact_store_load_contact (self, id, error) : NULL;
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
