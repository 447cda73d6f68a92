/* bmb-mentoring-store-action-items.c — the action items of relationships and meetings
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-mentoring-store"

#include "config.h"
#include <glib/gi18n.h>
#include "bmb-local-time.h"
#include "bmb-mentoring-private.h"
#include "bmb-mentoring-store.h"

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

  db = bmb_mentoring_store_get_database (self);
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
        return _bmb_mentoring_rollback_and_fail (db);
      bmb_stmt_bind_id_or_null (stmt, 1, bmb_action_item_get_relationship_id (item));
      bmb_stmt_bind_id_or_null (stmt, 2, bmb_action_item_get_session_id (item));
      sqlite3_bind_int (stmt, 3, bmb_action_item_get_position (item));
      bmb_stmt_bind_id_or_null (stmt, 4, bmb_action_item_get_meeting_id (item));
      if (!bmb_database_step_done (db, stmt, error))
        return _bmb_mentoring_rollback_and_fail (db);
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
    return _bmb_mentoring_rollback_and_fail (db);

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
    return _bmb_mentoring_rollback_and_fail (db);

  if (id == 0)
    {
      sqlite3_stmt *pos;

      id = bmb_database_last_insert_id (db);
      bmb_database_mark_item (db, BMB_CHANGE_ACTION_ITEMS, id, BMB_CHANGE_ADDED);
      _bmb_action_item_set_id (item, id);
      _bmb_action_item_set_times (item, done_at, now);

      pos = bmb_database_prepare (db, "SELECT position FROM action_items WHERE id = ?1", error);
      if (pos == NULL)
        return _bmb_mentoring_rollback_and_fail (db);
      sqlite3_bind_int64 (pos, 1, id);
      if (bmb_database_step (db, pos, error) == SQLITE_ROW)
        bmb_action_item_set_position (item, sqlite3_column_int (pos, 0));
      sqlite3_reset (pos);
    }
  else if (bmb_database_changes (db) == 0)
    {
      _bmb_mentoring_set_not_found (error, _("This action item no longer exists."), id);
      return _bmb_mentoring_rollback_and_fail (db);
    }
  else
    {
      _bmb_action_item_set_times (item, done_at, bmb_action_item_get_created_at (item));
      bmb_database_mark_item (db, BMB_CHANGE_ACTION_ITEMS, id, BMB_CHANGE_CHANGED);
    }

  if (!bmb_database_commit (db, error))
    return _bmb_mentoring_rollback_and_fail (db);

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

  if (!bmb_database_begin (bmb_mentoring_store_get_database (self), error))
    return FALSE;

  stmt = bmb_database_prepare (bmb_mentoring_store_get_database (self),
                               "UPDATE action_items SET done = ?2, "
                               "  done_at = CASE WHEN ?2 = 0 THEN NULL "
                               "                 WHEN done = 1 THEN done_at ELSE ?3 END "
                               "WHERE id = ?1", error);
  if (stmt == NULL)
    return _bmb_mentoring_rollback_and_fail (bmb_mentoring_store_get_database (self));

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, done ? 1 : 0);
  sqlite3_bind_int64 (stmt, 3, _bmb_now ());
  if (!bmb_database_step_done (bmb_mentoring_store_get_database (self), stmt, error))
    return _bmb_mentoring_rollback_and_fail (bmb_mentoring_store_get_database (self));

  if (bmb_database_changes (bmb_mentoring_store_get_database (self)) == 0)
    {
      _bmb_mentoring_set_not_found (error, _("This action item no longer exists."), id);
      return _bmb_mentoring_rollback_and_fail (bmb_mentoring_store_get_database (self));
    }

  bmb_database_mark_item (bmb_mentoring_store_get_database (self), BMB_CHANGE_ACTION_ITEMS, id, BMB_CHANGE_CHANGED);

  if (!bmb_database_commit (bmb_mentoring_store_get_database (self), error))
    return _bmb_mentoring_rollback_and_fail (bmb_mentoring_store_get_database (self));

  return TRUE;
}

gboolean
bmb_mentoring_store_delete_action_item (BmbMentoringStore  *self,
                                        gint64              id,
                                        GError            **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BMB_IS_MENTORING_STORE (self), FALSE);

  if (!bmb_database_begin (bmb_mentoring_store_get_database (self), error))
    return FALSE;

  stmt = bmb_database_prepare (bmb_mentoring_store_get_database (self), "DELETE FROM action_items WHERE id = ?1", error);
  if (stmt == NULL)
    return _bmb_mentoring_rollback_and_fail (bmb_mentoring_store_get_database (self));
  sqlite3_bind_int64 (stmt, 1, id);
  if (!bmb_database_step_done (bmb_mentoring_store_get_database (self), stmt, error))
    return _bmb_mentoring_rollback_and_fail (bmb_mentoring_store_get_database (self));

  if (bmb_database_changes (bmb_mentoring_store_get_database (self)) == 0)
    {
      _bmb_mentoring_set_not_found (error, _("This action item no longer exists."), id);
      return _bmb_mentoring_rollback_and_fail (bmb_mentoring_store_get_database (self));
    }

  bmb_database_mark_item (bmb_mentoring_store_get_database (self), BMB_CHANGE_ACTION_ITEMS, id, BMB_CHANGE_REMOVED);

  if (!bmb_database_commit (bmb_mentoring_store_get_database (self), error))
    return _bmb_mentoring_rollback_and_fail (bmb_mentoring_store_get_database (self));

  return TRUE;
}

GPtrArray *
bmb_mentoring_store_list_open_action_items (BmbMentoringStore  *self,
                                            gint64              relationship_id,
                                            GError            **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BMB_IS_MENTORING_STORE (self), NULL);

  stmt = bmb_database_prepare (bmb_mentoring_store_get_database (self),
                               "SELECT " ACTION_ITEM_COLUMNS
                               "WHERE a.done = 0 AND (a.relationship_id = ?1 OR a.session_id IN "
                               "  (SELECT id FROM sessions WHERE relationship_id = ?1)) "
                               "ORDER BY a.due_on IS NULL, a.due_on, a.position, a.id", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, relationship_id);
  return _bmb_mentoring_store_collect_action_items (bmb_mentoring_store_get_database (self), stmt, error);
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
      stmt = bmb_database_prepare (bmb_mentoring_store_get_database (self),
                                   "SELECT " ACTION_ITEM_COLUMNS "WHERE a.session_id = ?1 "
                                   "ORDER BY a.done, a.position, a.id", error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, session_id);
    }
  else
    {
      stmt = bmb_database_prepare (bmb_mentoring_store_get_database (self),
                                   "SELECT " ACTION_ITEM_COLUMNS
                                   "WHERE a.relationship_id = ?1 OR a.session_id IN "
                                   "  (SELECT id FROM sessions WHERE relationship_id = ?1) "
                                   "ORDER BY a.done, a.due_on IS NULL, a.due_on, a.position, a.id",
                                   error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, relationship_id);
    }

  return _bmb_mentoring_store_collect_action_items (bmb_mentoring_store_get_database (self), stmt, error);
}
