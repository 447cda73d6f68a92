/* bmb-mentoring-store.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store object, relationships and action items. Sessions, overrides
 * and occurrences are in bmb-mentoring-store-sessions.c.
 */

#define G_LOG_DOMAIN "bmb-mentoring-store"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-local-time.h"
#include "bmb-mentoring-private.h"
#include "bmb-mentoring-store.h"

struct _BmbMentoringStore
{
  GObject      parent_instance;

  /* owned */
  BmbDatabase *database;
};

G_DEFINE_FINAL_TYPE (BmbMentoringStore, bmb_mentoring_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define RELATIONSHIP_COLUMNS                                                      \
  "r.id, r.title, r.mentor_id, r.mentee_id, cm.display_name, ce.display_name, "   \
  "r.kind, r.phase, r.goals, r.cadence, r.confidentiality, r.planned_duration, "  \
  "r.started_on, r.planned_end_on, r.ended_on, r.closing_achieved, "              \
  "r.closing_thanks, r.closing_next_steps, r.created_at, r.updated_at "           \
  "FROM relationships r "                                                         \
  "LEFT JOIN contacts cm ON cm.id = r.mentor_id "                                 \
  "LEFT JOIN contacts ce ON ce.id = r.mentee_id "

/* ---- Helpers ------------------------------------------------------------------ */

static BmbRelationship *
relationship_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(BmbRelationship) self = bmb_relationship_new ();
  BmbRelationshipKind kind = BMB_RELATIONSHIP_KIND_ONE_ON_ONE;
  BmbRelationshipPhase phase = BMB_RELATIONSHIP_PHASE_PREPARATION;

  g_object_freeze_notify (G_OBJECT (self));
  _bmb_relationship_set_id (self, sqlite3_column_int64 (stmt, 0));
  bmb_relationship_set_title (self, (const char *)sqlite3_column_text (stmt, 1));
  bmb_relationship_set_mentor_id (self, sqlite3_column_int64 (stmt, 2));
  bmb_relationship_set_mentee_id (self, sqlite3_column_int64 (stmt, 3));
  _bmb_relationship_set_names (self,
                               (const char *)sqlite3_column_text (stmt, 4),
                               (const char *)sqlite3_column_text (stmt, 5));
  if (!bmb_relationship_kind_from_string ((const char *)sqlite3_column_text (stmt, 6), &kind))
    g_debug ("Unknown relationship kind in row %" G_GINT64_FORMAT, (gint64)sqlite3_column_int64 (stmt, 0));
  bmb_relationship_set_kind (self, kind);
  if (!bmb_relationship_phase_from_string ((const char *)sqlite3_column_text (stmt, 7), &phase))
    g_debug ("Unknown relationship phase in row %" G_GINT64_FORMAT, (gint64)sqlite3_column_int64 (stmt, 0));
  bmb_relationship_set_phase (self, phase);
  bmb_relationship_set_goals (self, (const char *)sqlite3_column_text (stmt, 8));
  bmb_relationship_set_cadence (self, (const char *)sqlite3_column_text (stmt, 9));
  bmb_relationship_set_confidentiality (self, (const char *)sqlite3_column_text (stmt, 10));
  bmb_relationship_set_planned_duration (self, (const char *)sqlite3_column_text (stmt, 11));
  bmb_relationship_set_started_on (self, (const char *)sqlite3_column_text (stmt, 12));
  bmb_relationship_set_planned_end_on (self, (const char *)sqlite3_column_text (stmt, 13));
  bmb_relationship_set_ended_on (self, (const char *)sqlite3_column_text (stmt, 14));
  bmb_relationship_set_closing_achieved (self, (const char *)sqlite3_column_text (stmt, 15));
  bmb_relationship_set_closing_thanks (self, (const char *)sqlite3_column_text (stmt, 16));
  bmb_relationship_set_closing_next_steps (self, (const char *)sqlite3_column_text (stmt, 17));
  _bmb_relationship_set_timestamps (self, sqlite3_column_int64 (stmt, 18),
                                    sqlite3_column_int64 (stmt, 19));
  g_object_thaw_notify (G_OBJECT (self));

  return g_steal_pointer (&self);
}

static GPtrArray *
collect_relationships (BmbDatabase   *db,
                       sqlite3_stmt  *stmt,
                       GError       **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = bmb_database_step (db, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (list, relationship_from_row (stmt));

  sqlite3_reset (stmt);
  if (rc < 0)
    return NULL;

  return g_steal_pointer (&list);
}

static int
compare_relationships (gconstpointer a,
                       gconstpointer b)
{
  return bmb_relationship_compare (*(BmbRelationship * const *)a, *(BmbRelationship * const *)b);
}

static gboolean
validate_relationship (BmbRelationship  *relationship,
                       GError          **error)
{
  gint64 mentor = bmb_relationship_get_mentor_id (relationship);
  gint64 mentee = bmb_relationship_get_mentee_id (relationship);
  const char *dates[] = {
    bmb_relationship_get_started_on (relationship),
    bmb_relationship_get_planned_end_on (relationship),
    bmb_relationship_get_ended_on (relationship),
  };

  if (mentor == 0 && mentee == 0)
    {
      g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID,
                   _("A mentoring relationship needs a mentor or a mentee from your contacts; "
                     "you cannot be both."));
      return FALSE;
    }

  if (mentor == mentee)
    {
      g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID,
                   _("The mentor and the mentee must be different people."));
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      if (dates[i] != NULL && !bmb_local_date_is_valid (dates[i]))
        {
          g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID,
                       /* Translators: %s is the text that should have been a date */
                       _("“%s” is not a valid date (expected YYYY-MM-DD)."), dates[i]);
          return FALSE;
        }
    }

  if (dates[0] != NULL && dates[1] != NULL && strcmp (dates[1], dates[0]) < 0)
    {
      g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID,
                   _("The planned end of the relationship is before its start."));
      return FALSE;
    }

  return TRUE;
}

/* ---- GObject -------------------------------------------------------------------- */

static void
bmb_mentoring_store_dispose (GObject *object)
{
  BmbMentoringStore *self = (BmbMentoringStore *)object;

  g_clear_object (&self->database);

  G_OBJECT_CLASS (bmb_mentoring_store_parent_class)->dispose (object);
}

static void
bmb_mentoring_store_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  BmbMentoringStore *self = BMB_MENTORING_STORE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_mentoring_store_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  BmbMentoringStore *self = BMB_MENTORING_STORE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_mentoring_store_class_init (BmbMentoringStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bmb_mentoring_store_dispose;
  object_class->get_property = bmb_mentoring_store_get_property;
  object_class->set_property = bmb_mentoring_store_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, BMB_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bmb_mentoring_store_init (BmbMentoringStore *self)
{
}

BmbMentoringStore *
bmb_mentoring_store_new (BmbDatabase *database)
{
  g_return_val_if_fail (BMB_IS_DATABASE (database), NULL);

  return g_object_new (BMB_TYPE_MENTORING_STORE, "database", database, NULL);
}

BmbDatabase *
bmb_mentoring_store_get_database (BmbMentoringStore *self)
{
  g_return_val_if_fail (BMB_IS_MENTORING_STORE (self), NULL);

  return self->database;
}

/* ---- Relationships ---------------------------------------------------------------- */

static gboolean
write_relationship (BmbMentoringStore  *self,
                    BmbRelationship    *relationship,
                    GError            **error)
{
  BmbDatabase *db = self->database;
  gint64 id = bmb_relationship_get_id (relationship);
  gint64 now = _bmb_now ();
  sqlite3_stmt *stmt;

  if (id == 0)
    stmt = bmb_database_prepare (db,
                                 "INSERT INTO relationships (title, mentor_id, mentee_id, kind, "
                                 "  phase, goals, cadence, confidentiality, planned_duration, "
                                 "  started_on, planned_end_on, ended_on, closing_achieved, "
                                 "  closing_thanks, closing_next_steps, created_at, updated_at) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
                                 "  ?13, ?14, ?15, ?16, ?16)", error);
  else
    stmt = bmb_database_prepare (db,
                                 "UPDATE relationships SET title = ?1, mentor_id = ?2, "
                                 "  mentee_id = ?3, kind = ?4, phase = ?5, goals = ?6, "
                                 "  cadence = ?7, confidentiality = ?8, planned_duration = ?9, "
                                 "  started_on = ?10, planned_end_on = ?11, ended_on = ?12, "
                                 "  closing_achieved = ?13, closing_thanks = ?14, "
                                 "  closing_next_steps = ?15, updated_at = ?16 "
                                 "WHERE id = ?17", error);
  if (stmt == NULL)
    return FALSE;

  bmb_stmt_bind_text_or_null (stmt, 1, bmb_relationship_get_title (relationship));
  bmb_stmt_bind_id_or_null (stmt, 2, bmb_relationship_get_mentor_id (relationship));
  bmb_stmt_bind_id_or_null (stmt, 3, bmb_relationship_get_mentee_id (relationship));
  sqlite3_bind_text (stmt, 4,
                     bmb_relationship_kind_to_string (bmb_relationship_get_kind (relationship)),
                     -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5,
                     bmb_relationship_phase_to_string (bmb_relationship_get_phase (relationship)),
                     -1, SQLITE_STATIC);
  bmb_stmt_bind_text_or_null (stmt, 6, bmb_relationship_get_goals (relationship));
  bmb_stmt_bind_text_or_null (stmt, 7, bmb_relationship_get_cadence (relationship));
  bmb_stmt_bind_text_or_null (stmt, 8, bmb_relationship_get_confidentiality (relationship));
  bmb_stmt_bind_text_or_null (stmt, 9, bmb_relationship_get_planned_duration (relationship));
  bmb_stmt_bind_text_or_null (stmt, 10, bmb_relationship_get_started_on (relationship));
  bmb_stmt_bind_text_or_null (stmt, 11, bmb_relationship_get_planned_end_on (relationship));
  bmb_stmt_bind_text_or_null (stmt, 12, bmb_relationship_get_ended_on (relationship));
  bmb_stmt_bind_text_or_null (stmt, 13, bmb_relationship_get_closing_achieved (relationship));
  bmb_stmt_bind_text_or_null (stmt, 14, bmb_relationship_get_closing_thanks (relationship));
  bmb_stmt_bind_text_or_null (stmt, 15, bmb_relationship_get_closing_next_steps (relationship));
  sqlite3_bind_int64 (stmt, 16, now);
  if (id != 0)
    sqlite3_bind_int64 (stmt, 17, id);

  if (!bmb_database_step_done (db, stmt, error))
    return FALSE;

  if (id == 0)
    {
      _bmb_relationship_set_id (relationship, bmb_database_last_insert_id (db));
      _bmb_relationship_set_timestamps (relationship, now, now);
      bmb_database_mark_item (db, BMB_CHANGE_RELATIONSHIPS, bmb_relationship_get_id (relationship),
                              BMB_CHANGE_ADDED);
    }
  else if (bmb_database_changes (db) == 0)
    {
      _bmb_mentoring_set_not_found (error, _("This mentoring relationship no longer exists."), id);
      return FALSE;
    }
  else
    {
      _bmb_relationship_set_timestamps (relationship,
                                        bmb_relationship_get_created_at (relationship), now);
      bmb_database_mark_item (db, BMB_CHANGE_RELATIONSHIPS, id, BMB_CHANGE_CHANGED);
    }

  return TRUE;
}

gboolean
bmb_mentoring_store_save_relationship (BmbMentoringStore  *self,
                                       BmbRelationship    *relationship,
                                       GError            **error)
{
  g_autoptr(BmbRelationship) stored = NULL;

  g_return_val_if_fail (BMB_IS_MENTORING_STORE (self), FALSE);
  g_return_val_if_fail (BMB_IS_RELATIONSHIP (relationship), FALSE);

  if (!validate_relationship (relationship, error))
    return FALSE;

  if (!bmb_database_begin (self->database, error))
    return FALSE;

  if (!write_relationship (self, relationship, error))
    return _bmb_mentoring_rollback_and_fail (self->database);

  if (!bmb_database_commit (self->database, error))
    return _bmb_mentoring_rollback_and_fail (self->database);

  /* Refresh the names read from contacts. */
  stored = bmb_mentoring_store_get_relationship (self, bmb_relationship_get_id (relationship), NULL);
  if (stored != NULL)
    _bmb_relationship_set_names (relationship,
                                 bmb_relationship_get_mentor_name (stored),
                                 bmb_relationship_get_mentee_name (stored));

  return TRUE;
}

BmbRelationship *
bmb_mentoring_store_get_relationship (BmbMentoringStore  *self,
                                      gint64              id,
                                      GError            **error)
{
  sqlite3_stmt *stmt;
  BmbRelationship *relationship = NULL;
  int rc;

  g_return_val_if_fail (BMB_IS_MENTORING_STORE (self), NULL);

  stmt = bmb_database_prepare (self->database,
                               "SELECT " RELATIONSHIP_COLUMNS "WHERE r.id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = bmb_database_step (self->database, stmt, error);
  if (rc == SQLITE_ROW)
    relationship = relationship_from_row (stmt);
  else if (rc == SQLITE_DONE)
    _bmb_mentoring_set_not_found (error, _("This mentoring relationship no longer exists."), id);
  sqlite3_reset (stmt);

  return relationship;
}

gboolean
bmb_mentoring_store_delete_relationship (BmbMentoringStore  *self,
                                         gint64              id,
                                         GError            **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BMB_IS_MENTORING_STORE (self), FALSE);

  if (!bmb_database_begin (self->database, error))
    return FALSE;

  stmt = bmb_database_prepare (self->database, "DELETE FROM relationships WHERE id = ?1", error);
  if (stmt == NULL)
    return _bmb_mentoring_rollback_and_fail (self->database);
  sqlite3_bind_int64 (stmt, 1, id);
  if (!bmb_database_step_done (self->database, stmt, error))
    return _bmb_mentoring_rollback_and_fail (self->database);

  if (bmb_database_changes (self->database) == 0)
    {
      _bmb_mentoring_set_not_found (error, _("This mentoring relationship no longer exists."), id);
      return _bmb_mentoring_rollback_and_fail (self->database);
    }

  bmb_database_mark_item (self->database, BMB_CHANGE_RELATIONSHIPS, id, BMB_CHANGE_REMOVED);
  bmb_database_mark_changed (self->database, BMB_CHANGE_SESSIONS | BMB_CHANGE_ACTION_ITEMS);

  if (!bmb_database_commit (self->database, error))
    return _bmb_mentoring_rollback_and_fail (self->database);

  return TRUE;
}

GPtrArray *
bmb_mentoring_store_list_relationships (BmbMentoringStore  *self,
                                        GError            **error)
{
  sqlite3_stmt *stmt;
  GPtrArray *list;

  g_return_val_if_fail (BMB_IS_MENTORING_STORE (self), NULL);

  stmt = bmb_database_prepare (self->database, "SELECT " RELATIONSHIP_COLUMNS, error);
  if (stmt == NULL || !(list = collect_relationships (self->database, stmt, error)))
    return NULL;

  g_ptr_array_sort (list, compare_relationships);
  return list;
}

GArray *
bmb_mentoring_store_list_relationship_ids (BmbMentoringStore  *self,
                                           GError            **error)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_object_unref);
  GArray *ids;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BMB_IS_MENTORING_STORE (self), NULL);

  /* Only what the order needs: no goals, agreements or closing notes. */
  stmt = bmb_database_prepare (self->database,
                               "SELECT r.id, r.title, r.mentor_id, r.mentee_id, cm.display_name, "
                               "  ce.display_name, r.ended_on FROM relationships r "
                               "LEFT JOIN contacts cm ON cm.id = r.mentor_id "
                               "LEFT JOIN contacts ce ON ce.id = r.mentee_id", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = bmb_database_step (self->database, stmt, error)) == SQLITE_ROW)
    {
      BmbRelationship *key = bmb_relationship_new ();

      _bmb_relationship_set_id (key, sqlite3_column_int64 (stmt, 0));
      bmb_relationship_set_title (key, (const char *)sqlite3_column_text (stmt, 1));
      bmb_relationship_set_mentor_id (key, sqlite3_column_int64 (stmt, 2));
      bmb_relationship_set_mentee_id (key, sqlite3_column_int64 (stmt, 3));
      _bmb_relationship_set_names (key, (const char *)sqlite3_column_text (stmt, 4),
                                   (const char *)sqlite3_column_text (stmt, 5));
      bmb_relationship_set_ended_on (key, (const char *)sqlite3_column_text (stmt, 6));
      g_ptr_array_add (keys, key);
    }
  sqlite3_reset (stmt);
  if (rc < 0)
    return NULL;

  g_ptr_array_sort (keys, compare_relationships);
  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), keys->len);
  for (guint i = 0; i < keys->len; i++)
    {
      gint64 id = bmb_relationship_get_id (g_ptr_array_index (keys, i));

      g_array_append_val (ids, id);
    }

  return ids;
}

GPtrArray *
bmb_mentoring_store_list_relationships_for_contact (BmbMentoringStore  *self,
                                                    gint64              contact_id,
                                                    GError            **error)
{
  sqlite3_stmt *stmt;
  GPtrArray *list;

  g_return_val_if_fail (BMB_IS_MENTORING_STORE (self), NULL);

  stmt = bmb_database_prepare (self->database,
                               "SELECT " RELATIONSHIP_COLUMNS
                               "WHERE r.mentor_id = ?1 OR r.mentee_id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, contact_id);
  if (!(list = collect_relationships (self->database, stmt, error)))
    return NULL;

  g_ptr_array_sort (list, compare_relationships);
  return list;
}

gboolean
bmb_mentoring_store_end_relationship (BmbMentoringStore  *self,
                                      gint64              id,
                                      const char         *ended_on,
                                      const char         *achieved,
                                      const char         *thanks,
                                      const char         *next_steps,
                                      GError            **error)
{
  g_autoptr(BmbRelationship) relationship = NULL;
  g_autofree char *today = NULL;

  g_return_val_if_fail (BMB_IS_MENTORING_STORE (self), FALSE);

  if (ended_on == NULL)
    {
      g_autoptr(GDateTime) now = bmb_date_time_new_now_local ();
      ended_on = today = g_date_time_format (now, "%Y-%m-%d");
    }

  if (!(relationship = bmb_mentoring_store_get_relationship (self, id, error)))
    return FALSE;

  if (bmb_relationship_get_started_on (relationship) != NULL &&
      bmb_local_date_is_valid (ended_on) &&
      strcmp (ended_on, bmb_relationship_get_started_on (relationship)) < 0)
    {
      g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID,
                   _("The relationship cannot end before it started."));
      return FALSE;
    }

  bmb_relationship_set_ended_on (relationship, ended_on);
  bmb_relationship_set_phase (relationship, BMB_RELATIONSHIP_PHASE_CLOSURE);
  bmb_relationship_set_closing_achieved (relationship, achieved);
  bmb_relationship_set_closing_thanks (relationship, thanks);
  bmb_relationship_set_closing_next_steps (relationship, next_steps);

  return bmb_mentoring_store_save_relationship (self, relationship, error);
}

char *
_bmb_mentoring_store_dup_partner (BmbMentoringStore  *self,
                                  gint64              relationship_id,
                                  GError            **error)
{
  g_autoptr(BmbRelationship) relationship = NULL;

  if (relationship_id <= 0)
    return NULL;

  relationship = bmb_mentoring_store_get_relationship (self, relationship_id, error);
  if (relationship == NULL)
    return NULL;

  return bmb_relationship_dup_partner_name (relationship);
}
