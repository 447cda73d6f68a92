/* bmb-goal-store.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-goal-store"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "bmb-local-time.h"
#include "bmb-checklist-private.h"
#include "bmb-goal-store.h"

struct _BmbGoalStore
{
  GObject parent_instance;

  /* owned */
  BmbDatabase *db;
};

G_DEFINE_FINAL_TYPE (BmbGoalStore, bmb_goal_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define GOAL_COLUMNS                                                              \
  "id, relationship_id, title, specific, measurable, achievable, relevant, "     \
  "time_bound, due_on, progress, status, created_at, updated_at"

/* ---- Helpers --------------------------------------------------------------------- */

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static gboolean
validate_goal (BmbGoal  *goal,
               GError  **error)
{
  const char *due_on = bmb_goal_get_due_on (goal);

  if (bmb_goal_get_title (goal) == NULL)
    {
      g_set_error_literal (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID,
                           _("A goal needs a title."));
      return FALSE;
    }

  if (due_on != NULL && !bmb_local_date_is_valid (due_on))
    {
      g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID,
                   _("The due date of the goal “%s” is not a valid date (%s)."),
                   bmb_goal_get_title (goal), due_on);
      return FALSE;
    }

  return TRUE;
}

static void
set_not_found (GError **error,
               gint64   goal_id)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, goal_id);

  g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_NOT_FOUND,
               /* Translators: %s is a number. */
               _("Goal %s was not found; it may have been deleted."), id);
}

static BmbGoal *
goal_from_row (sqlite3_stmt *stmt)
{
  BmbGoal *goal = bmb_goal_new ((const char *)sqlite3_column_text (stmt, 2));
  BmbGoalStatus status = BMB_GOAL_STATUS_ACTIVE;

  _bmb_goal_set_id (goal, sqlite3_column_int64 (stmt, 0));
  bmb_goal_set_relationship_id (goal, sqlite3_column_int64 (stmt, 1));
  for (guint i = 0; i < BMB_GOAL_N_CRITERIA; i++)
    bmb_goal_set_criterion (goal, i, (const char *)sqlite3_column_text (stmt, 3 + i));
  bmb_goal_set_due_on (goal, (const char *)sqlite3_column_text (stmt, 8));
  bmb_goal_set_progress (goal, sqlite3_column_int (stmt, 9));
  bmb_goal_status_from_string ((const char *)sqlite3_column_text (stmt, 10), &status);
  bmb_goal_set_status (goal, status);
  _bmb_goal_set_timestamps (goal, sqlite3_column_int64 (stmt, 11), sqlite3_column_int64 (stmt, 12));

  return goal;
}

/* Binds title … status to parameters 1 … 10 and updated_at to 11. */
static void
bind_goal (sqlite3_stmt *stmt,
           BmbGoal      *goal,
           gint64        now)
{
  bmb_stmt_bind_id_or_null (stmt, 1, bmb_goal_get_relationship_id (goal));
  sqlite3_bind_text (stmt, 2, bmb_goal_get_title (goal), -1, SQLITE_TRANSIENT);
  for (guint i = 0; i < BMB_GOAL_N_CRITERIA; i++)
    bmb_stmt_bind_text_or_null (stmt, 3 + i, bmb_goal_get_criterion (goal, i));
  bmb_stmt_bind_text_or_null (stmt, 8, bmb_goal_get_due_on (goal));
  sqlite3_bind_int (stmt, 9, bmb_goal_get_progress (goal));
  sqlite3_bind_text (stmt, 10, bmb_goal_status_to_string (bmb_goal_get_status (goal)), -1,
                     SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 11, now);
}

static gboolean
write_update (BmbGoalStore  *self,
              BmbGoal       *goal,
              gint64         now,
              GError       **error)
{
  sqlite3_stmt *stmt;

  stmt = bmb_database_prepare (self->db,
                               "UPDATE goals SET relationship_id = ?1, title = ?2, specific = ?3,"
                               "  measurable = ?4, achievable = ?5, relevant = ?6,"
                               "  time_bound = ?7, due_on = ?8, progress = ?9, status = ?10,"
                               "  updated_at = ?11"
                               " WHERE id = ?12",
                               error);
  if (stmt == NULL)
    return FALSE;

  bind_goal (stmt, goal, now);
  sqlite3_bind_int64 (stmt, 12, bmb_goal_get_id (goal));

  if (!bmb_database_step_done (self->db, stmt, error))
    return FALSE;

  if (bmb_database_changes (self->db) == 0)
    {
      set_not_found (error, bmb_goal_get_id (goal));
      return FALSE;
    }

  bmb_database_mark_item (self->db, BMB_CHANGE_GOALS, bmb_goal_get_id (goal), BMB_CHANGE_CHANGED);
  return TRUE;
}

/* Runs write_update() in its own transaction; on failure @goal gets back
 * @progress and @status. */
static gboolean
save_update (BmbGoalStore   *self,
             BmbGoal        *goal,
             guint           old_progress,
             BmbGoalStatus   old_status,
             GError        **error)
{
  gint64 now = now_seconds ();

  if (!bmb_database_begin (self->db, error))
    goto failed_early;

  if (!write_update (self, goal, now, error) ||
      !bmb_database_commit (self->db, error))
    {
      bmb_database_rollback (self->db);
      g_prefix_error (error, _("Could not save the goal “%s”: "), bmb_goal_get_title (goal));
      goto failed_early;
    }

  _bmb_goal_set_timestamps (goal, bmb_goal_get_created_at (goal), now);
  return TRUE;

failed_early:
  bmb_goal_set_progress (goal, old_progress);
  bmb_goal_set_status (goal, old_status);
  return FALSE;
}

/* ---- GObject ------------------------------------------------------------------------ */

static void
bmb_goal_store_dispose (GObject *object)
{
  BmbGoalStore *self = (BmbGoalStore *)object;

  g_clear_object (&self->db);

  G_OBJECT_CLASS (bmb_goal_store_parent_class)->dispose (object);
}

static void
bmb_goal_store_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BmbGoalStore *self = BMB_GOAL_STORE (object);

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
bmb_goal_store_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  BmbGoalStore *self = BMB_GOAL_STORE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->db = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_goal_store_class_init (BmbGoalStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bmb_goal_store_dispose;
  object_class->get_property = bmb_goal_store_get_property;
  object_class->set_property = bmb_goal_store_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, BMB_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bmb_goal_store_init (BmbGoalStore *self)
{
}

/* ---- Public API ------------------------------------------------------------------------ */

BmbGoalStore *
bmb_goal_store_new (BmbDatabase *database)
{
  g_return_val_if_fail (BMB_IS_DATABASE (database), NULL);

  return g_object_new (BMB_TYPE_GOAL_STORE, "database", database, NULL);
}

BmbDatabase *
bmb_goal_store_get_database (BmbGoalStore *self)
{
  g_return_val_if_fail (BMB_IS_GOAL_STORE (self), NULL);

  return self->db;
}

gboolean
bmb_goal_store_insert (BmbGoalStore  *self,
                       BmbGoal       *goal,
                       GError       **error)
{
  sqlite3_stmt *stmt;
  gint64 now = now_seconds ();

  g_return_val_if_fail (BMB_IS_GOAL_STORE (self), FALSE);
  g_return_val_if_fail (BMB_IS_GOAL (goal), FALSE);
  g_return_val_if_fail (bmb_goal_get_id (goal) == 0, FALSE);

  if (!validate_goal (goal, error))
    return FALSE;

  if (!bmb_database_begin (self->db, error))
    return FALSE;

  stmt = bmb_database_prepare (self->db,
                               "INSERT INTO goals (relationship_id, title, specific, measurable,"
                               "  achievable, relevant, time_bound, due_on, progress, status,"
                               "  updated_at, created_at)"
                               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)",
                               error);
  if (stmt == NULL)
    goto failed;

  bind_goal (stmt, goal, now);
  if (!bmb_database_step_done (self->db, stmt, error))
    goto failed;

  _bmb_goal_set_id (goal, bmb_database_last_insert_id (self->db));
  bmb_database_mark_item (self->db, BMB_CHANGE_GOALS, bmb_goal_get_id (goal), BMB_CHANGE_ADDED);

  if (!bmb_database_commit (self->db, error))
    goto failed;

  _bmb_goal_set_timestamps (goal, now, now);
  return TRUE;

failed:
  bmb_database_rollback (self->db);
  _bmb_goal_set_id (goal, 0);
  g_prefix_error (error, _("Could not save the goal “%s”: "), bmb_goal_get_title (goal));
  return FALSE;
}

gboolean
bmb_goal_store_update (BmbGoalStore  *self,
                       BmbGoal       *goal,
                       GError       **error)
{
  g_return_val_if_fail (BMB_IS_GOAL_STORE (self), FALSE);
  g_return_val_if_fail (BMB_IS_GOAL (goal), FALSE);
  g_return_val_if_fail (bmb_goal_get_id (goal) > 0, FALSE);

  if (!validate_goal (goal, error))
    return FALSE;

  return save_update (self, goal, bmb_goal_get_progress (goal), bmb_goal_get_status (goal),
                      error);
}

gboolean
bmb_goal_store_delete (BmbGoalStore  *self,
                       gint64         goal_id,
                       GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BMB_IS_GOAL_STORE (self), FALSE);

  if (!bmb_database_begin (self->db, error))
    return FALSE;

  stmt = bmb_database_prepare (self->db, "DELETE FROM goals WHERE id = ?", error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_int64 (stmt, 1, goal_id);
  if (!bmb_database_step_done (self->db, stmt, error))
    goto failed;

  if (bmb_database_changes (self->db) == 0)
    {
      set_not_found (error, goal_id);
      goto failed;
    }

  bmb_database_mark_item (self->db, BMB_CHANGE_GOALS, goal_id, BMB_CHANGE_REMOVED);

  if (!bmb_database_commit (self->db, error))
    goto failed;

  return TRUE;

failed:
  bmb_database_rollback (self->db);
  return FALSE;
}

BmbGoal *
bmb_goal_store_get (BmbGoalStore  *self,
                    gint64         goal_id,
                    GError       **error)
{
  sqlite3_stmt *stmt;
  BmbGoal *goal;
  int rc;

  g_return_val_if_fail (BMB_IS_GOAL_STORE (self), NULL);

  stmt = bmb_database_prepare (self->db, "SELECT " GOAL_COLUMNS " FROM goals WHERE id = ?",
                               error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, goal_id);
  rc = bmb_database_step (self->db, stmt, error);
  if (rc < 0)
    return NULL;
  if (rc == SQLITE_DONE)
    {
      set_not_found (error, goal_id);
      return NULL;
    }

  goal = goal_from_row (stmt);
  sqlite3_reset (stmt);

  return goal;
}

gboolean
bmb_goal_store_set_progress (BmbGoalStore  *self,
                             BmbGoal       *goal,
                             guint          progress,
                             GError       **error)
{
  guint old_progress;

  g_return_val_if_fail (BMB_IS_GOAL_STORE (self), FALSE);
  g_return_val_if_fail (BMB_IS_GOAL (goal), FALSE);
  g_return_val_if_fail (bmb_goal_get_id (goal) > 0, FALSE);

  old_progress = bmb_goal_get_progress (goal);
  bmb_goal_set_progress (goal, progress);

  return save_update (self, goal, old_progress, bmb_goal_get_status (goal), error);
}

gboolean
bmb_goal_store_set_status (BmbGoalStore   *self,
                           BmbGoal        *goal,
                           BmbGoalStatus   status,
                           GError        **error)
{
  BmbGoalStatus old_status;
  guint old_progress;

  g_return_val_if_fail (BMB_IS_GOAL_STORE (self), FALSE);
  g_return_val_if_fail (BMB_IS_GOAL (goal), FALSE);
  g_return_val_if_fail (bmb_goal_get_id (goal) > 0, FALSE);

  old_status = bmb_goal_get_status (goal);
  old_progress = bmb_goal_get_progress (goal);
  bmb_goal_set_status (goal, status);

  /* An achieved goal is complete. */
  if (status == BMB_GOAL_STATUS_ACHIEVED)
    bmb_goal_set_progress (goal, 100);

  return save_update (self, goal, old_progress, old_status, error);
}

GPtrArray *
bmb_goal_store_list (BmbGoalStore  *self,
                     gint64         relationship_id,
                     GError       **error)
{
  g_autoptr(GPtrArray) goals = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BMB_IS_GOAL_STORE (self), NULL);
  g_return_val_if_fail (relationship_id >= BMB_GOAL_ANY_RELATIONSHIP, NULL);

  /* ?1 = -1: all; 0: personal goals; otherwise one relationship. */
  stmt = bmb_database_prepare (self->db,
                               "SELECT " GOAL_COLUMNS " FROM goals"
                               " WHERE ?1 = -1"
                               "    OR (?1 = 0 AND relationship_id IS NULL)"
                               "    OR relationship_id = ?1"
                               " ORDER BY status != 'active', due_on IS NULL, due_on, id",
                               error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, relationship_id);
  while ((rc = bmb_database_step (self->db, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (goals, goal_from_row (stmt));

  if (rc != SQLITE_DONE)
    return NULL;

  return g_steal_pointer (&goals);
}
