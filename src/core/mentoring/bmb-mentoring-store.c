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

static gboolean
rollback_and_fail (BmbDatabase *db)
{
  bmb_database_rollback (db);
  return FALSE;
}

static void
set_not_found (GError     **error,
               const char  *message,
               gint64       id)
{
  g_debug ("Row %" G_GINT64_FORMAT " not found", id);
  g_set_error_literal (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_NOT_FOUND, message);
}

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
  BmbRelationship *x = *(BmbRelationship * const *)a;
  BmbRelationship *y = *(BmbRelationship * const *)b;
  g_autofree char *tx = NULL;
  g_autofree char *ty = NULL;
  g_autofree char *kx = NULL;
  g_autofree char *ky = NULL;
  gboolean ex = bmb_relationship_is_ended (x);
  gboolean ey = bmb_relationship_is_ended (y);

  if (ex != ey)
    return ex ? 1 : -1;

  tx = bmb_relationship_dup_display_title (x);
  ty = bmb_relationship_dup_display_title (y);
  kx = g_utf8_collate_key (tx, -1);
  ky = g_utf8_collate_key (ty, -1);

  return strcmp (kx, ky);
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
    }
  else if (bmb_database_changes (db) == 0)
    {
      set_not_found (error, _("This mentoring relationship no longer exists."), id);
      return FALSE;
    }
  else
    {
      _bmb_relationship_set_timestamps (relationship,
                                        bmb_relationship_get_created_at (relationship), now);
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
    return rollback_and_fail (self->database);

  bmb_database_mark_changed (self->database, BMB_CHANGE_RELATIONSHIPS);

  if (!bmb_database_commit (self->database, error))
    return rollback_and_fail (self->database);

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
    set_not_found (error, _("This mentoring relationship no longer exists."), id);
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
    return rollback_and_fail (self->database);
  sqlite3_bind_int64 (stmt, 1, id);
  if (!bmb_database_step_done (self->database, stmt, error))
    return rollback_and_fail (self->database);

  if (bmb_database_changes (self->database) == 0)
    {
      set_not_found (error, _("This mentoring relationship no longer exists."), id);
      return rollback_and_fail (self->database);
    }

  bmb_database_mark_changed (self->database,
                             BMB_CHANGE_RELATIONSHIPS | BMB_CHANGE_SESSIONS |
                             BMB_CHANGE_ACTION_ITEMS);

  if (!bmb_database_commit (self->database, error))
    return rollback_and_fail (self->database);

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

/* ---- Action items ---------------------------------------------------------------- */

BmbActionItem *
_bmb_action_item_from_row (sqlite3_stmt *stmt)
{
  BmbActionOwner owner = BMB_ACTION_OWNER_MENTEE;
  BmbActionItem *item;

  bmb_action_owner_from_string ((const char *)sqlite3_column_text (stmt, 3), &owner);
  item = bmb_action_item_new (owner, (const char *)sqlite3_column_text (stmt, 4));
  _bmb_action_item_set_id (item, sqlite3_column_int64 (stmt, 0));
  bmb_action_item_set_relationship_id (item, sqlite3_column_int64 (stmt, 1));
  bmb_action_item_set_session_id (item, sqlite3_column_int64 (stmt, 2));
  bmb_action_item_set_due_on (item, (const char *)sqlite3_column_text (stmt, 5));
  bmb_action_item_set_done (item, sqlite3_column_int (stmt, 6) != 0);
  bmb_action_item_set_position (item, sqlite3_column_int (stmt, 8));
  _bmb_action_item_set_times (item, sqlite3_column_int64 (stmt, 7),
                              sqlite3_column_int64 (stmt, 9));
  _bmb_action_item_set_meeting (item, sqlite3_column_int64 (stmt, 10),
                                (const char *)sqlite3_column_text (stmt, 11));

  return item;
}

GPtrArray *
_bmb_mentoring_store_collect_action_items (BmbDatabase   *db,
                      sqlite3_stmt  *stmt,
                      GError       **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = bmb_database_step (db, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (list, _bmb_action_item_from_row (stmt));

  sqlite3_reset (stmt);
  if (rc < 0)
    return NULL;

  return g_steal_pointer (&list);
}

gboolean
bmb_mentoring_store_save_action_item (BmbMentoringStore  *self,
                                      BmbActionItem      *item,
                                      GError            **error)
{
  BmbDatabase *db;
  sqlite3_stmt *stmt;
  g_autofree char *text = NULL;
  const char *due_on;
  gint64 id, now, done_at;

  g_return_val_if_fail (BMB_IS_MENTORING_STORE (self), FALSE);
  g_return_val_if_fail (BMB_IS_ACTION_ITEM (item), FALSE);

  db = self->database;
  id = bmb_action_item_get_id (item);
  due_on = bmb_action_item_get_due_on (item);
  text = g_strstrip (g_strdup (bmb_action_item_get_text (item) ? bmb_action_item_get_text (item) : ""));
  now = _bmb_now ();

  if (*text == '\0')
    {
      g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID,
                   _("An action item needs a description."));
      return FALSE;
    }
  if (bmb_action_item_get_relationship_id (item) == 0 && bmb_action_item_get_session_id (item) == 0)
    {
      g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID,
                   /* Translators: %s is the action item's text */
                   _("The action item “%s” belongs to no relationship or session."), text);
      return FALSE;
    }
  if (due_on != NULL && !bmb_local_date_is_valid (due_on))
    {
      g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID,
                   _("“%s” is not a valid date (expected YYYY-MM-DD)."), due_on);
      return FALSE;
    }

  done_at = bmb_action_item_get_done (item)
            ? (bmb_action_item_get_done_at (item) ? bmb_action_item_get_done_at (item) : now)
            : 0;

  if (!bmb_database_begin (db, error))
    return FALSE;

  if (id == 0 && bmb_action_item_get_position (item) >= 0)
    {
      /* A new item at a position: the ones from there on move down one. */
      stmt = bmb_database_prepare (db,
                                   "UPDATE action_items SET position = position + 1 "
                                   "WHERE position >= ?3 AND "
                                   "  ((?4 IS NOT NULL AND meeting_id = ?4) OR "
                                   "   (?4 IS NULL AND meeting_id IS NULL AND "
                                   "    relationship_id IS ?1 AND session_id IS ?2))",
                                   error);
      if (stmt == NULL)
        return rollback_and_fail (db);
      bmb_stmt_bind_id_or_null (stmt, 1, bmb_action_item_get_relationship_id (item));
      bmb_stmt_bind_id_or_null (stmt, 2, bmb_action_item_get_session_id (item));
      sqlite3_bind_int (stmt, 3, bmb_action_item_get_position (item));
      bmb_stmt_bind_id_or_null (stmt, 4, bmb_action_item_get_meeting_id (item));
      if (!bmb_database_step_done (db, stmt, error))
        return rollback_and_fail (db);
    }

  if (id == 0)
    {
      /* Position -1: last in its meeting, or its relationship or session. */
      stmt = bmb_database_prepare (db,
                                   "INSERT INTO action_items (relationship_id, session_id, owner, "
                                   "  text, due_on, done, done_at, position, created_at, meeting_id) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
                                   "  CASE WHEN ?9 >= 0 THEN ?9 ELSE "
                                   "  (SELECT ifnull (max (position) + 1, 0) FROM action_items "
                                   "    WHERE (?11 IS NOT NULL AND meeting_id = ?11) OR "
                                   "          (?11 IS NULL AND meeting_id IS NULL AND "
                                   "           relationship_id IS ?1 AND session_id IS ?2)) END, "
                                   "  ?8, ?11)",
                                   error);
    }
  else
    {
      stmt = bmb_database_prepare (db,
                                   "UPDATE action_items SET relationship_id = ?1, session_id = ?2, "
                                   "  owner = ?3, text = ?4, due_on = ?5, done = ?6, done_at = ?7, "
                                   "  position = max (?9, 0), meeting_id = ?11 WHERE id = ?10",
                                   error);
    }
  if (stmt == NULL)
    return rollback_and_fail (db);

  bmb_stmt_bind_id_or_null (stmt, 1, bmb_action_item_get_relationship_id (item));
  bmb_stmt_bind_id_or_null (stmt, 2, bmb_action_item_get_session_id (item));
  sqlite3_bind_text (stmt, 3, bmb_action_owner_to_string (bmb_action_item_get_owner (item)),
                     -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, text, -1, SQLITE_TRANSIENT);
  bmb_stmt_bind_text_or_null (stmt, 5, due_on);
  sqlite3_bind_int (stmt, 6, bmb_action_item_get_done (item) ? 1 : 0);
  if (done_at != 0)
    sqlite3_bind_int64 (stmt, 7, done_at);
  else
    sqlite3_bind_null (stmt, 7);
  sqlite3_bind_int (stmt, 9, bmb_action_item_get_position (item));
  bmb_stmt_bind_id_or_null (stmt, 11, bmb_action_item_get_meeting_id (item));
  if (id == 0)
    sqlite3_bind_int64 (stmt, 8, now);
  else
    sqlite3_bind_int64 (stmt, 10, id);

  if (!bmb_database_step_done (db, stmt, error))
    return rollback_and_fail (db);

  if (id == 0)
    {
      sqlite3_stmt *pos;

      id = bmb_database_last_insert_id (db);
      _bmb_action_item_set_id (item, id);
      _bmb_action_item_set_times (item, done_at, now);

      pos = bmb_database_prepare (db, "SELECT position FROM action_items WHERE id = ?1", error);
      if (pos == NULL)
        return rollback_and_fail (db);
      sqlite3_bind_int64 (pos, 1, id);
      if (bmb_database_step (db, pos, error) == SQLITE_ROW)
        bmb_action_item_set_position (item, sqlite3_column_int (pos, 0));
      sqlite3_reset (pos);
    }
  else if (bmb_database_changes (db) == 0)
    {
      set_not_found (error, _("This action item no longer exists."), id);
      return rollback_and_fail (db);
    }
  else
    {
      _bmb_action_item_set_times (item, done_at, bmb_action_item_get_created_at (item));
    }

  bmb_database_mark_changed (db, BMB_CHANGE_ACTION_ITEMS);

  if (!bmb_database_commit (db, error))
    return rollback_and_fail (db);

  return TRUE;
}

gboolean
bmb_mentoring_store_set_action_item_done (BmbMentoringStore  *self,
                                          gint64              id,
                                          gboolean            done,
                                          GError            **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BMB_IS_MENTORING_STORE (self), FALSE);

  if (!bmb_database_begin (self->database, error))
    return FALSE;

  stmt = bmb_database_prepare (self->database,
                               "UPDATE action_items SET done = ?2, "
                               "  done_at = CASE WHEN ?2 = 0 THEN NULL "
                               "                 WHEN done = 1 THEN done_at ELSE ?3 END "
                               "WHERE id = ?1", error);
  if (stmt == NULL)
    return rollback_and_fail (self->database);

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, done ? 1 : 0);
  sqlite3_bind_int64 (stmt, 3, _bmb_now ());
  if (!bmb_database_step_done (self->database, stmt, error))
    return rollback_and_fail (self->database);

  if (bmb_database_changes (self->database) == 0)
    {
      set_not_found (error, _("This action item no longer exists."), id);
      return rollback_and_fail (self->database);
    }

  bmb_database_mark_changed (self->database, BMB_CHANGE_ACTION_ITEMS);

  if (!bmb_database_commit (self->database, error))
    return rollback_and_fail (self->database);

  return TRUE;
}

gboolean
bmb_mentoring_store_delete_action_item (BmbMentoringStore  *self,
                                        gint64              id,
                                        GError            **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BMB_IS_MENTORING_STORE (self), FALSE);

  if (!bmb_database_begin (self->database, error))
    return FALSE;

  stmt = bmb_database_prepare (self->database, "DELETE FROM action_items WHERE id = ?1", error);
  if (stmt == NULL)
    return rollback_and_fail (self->database);
  sqlite3_bind_int64 (stmt, 1, id);
  if (!bmb_database_step_done (self->database, stmt, error))
    return rollback_and_fail (self->database);

  if (bmb_database_changes (self->database) == 0)
    {
      set_not_found (error, _("This action item no longer exists."), id);
      return rollback_and_fail (self->database);
    }

  bmb_database_mark_changed (self->database, BMB_CHANGE_ACTION_ITEMS);

  if (!bmb_database_commit (self->database, error))
    return rollback_and_fail (self->database);

  return TRUE;
}

GPtrArray *
bmb_mentoring_store_list_open_action_items (BmbMentoringStore  *self,
                                            gint64              relationship_id,
                                            GError            **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BMB_IS_MENTORING_STORE (self), NULL);

  stmt = bmb_database_prepare (self->database,
                               "SELECT " ACTION_ITEM_COLUMNS
                               "WHERE a.done = 0 AND (a.relationship_id = ?1 OR a.session_id IN "
                               "  (SELECT id FROM sessions WHERE relationship_id = ?1)) "
                               "ORDER BY a.due_on IS NULL, a.due_on, a.position, a.id", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, relationship_id);
  return _bmb_mentoring_store_collect_action_items (self->database, stmt, error);
}

GPtrArray *
bmb_mentoring_store_list_action_items (BmbMentoringStore  *self,
                                       gint64              relationship_id,
                                       gint64              session_id,
                                       GError            **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BMB_IS_MENTORING_STORE (self), NULL);

  if (session_id > 0)
    {
      stmt = bmb_database_prepare (self->database,
                                   "SELECT " ACTION_ITEM_COLUMNS "WHERE a.session_id = ?1 "
                                   "ORDER BY a.done, a.position, a.id", error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, session_id);
    }
  else
    {
      stmt = bmb_database_prepare (self->database,
                                   "SELECT " ACTION_ITEM_COLUMNS
                                   "WHERE a.relationship_id = ?1 OR a.session_id IN "
                                   "  (SELECT id FROM sessions WHERE relationship_id = ?1) "
                                   "ORDER BY a.done, a.due_on IS NULL, a.due_on, a.position, a.id",
                                   error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, relationship_id);
    }

  return _bmb_mentoring_store_collect_action_items (self->database, stmt, error);
}
