/* bmb-sync-map-todo.c — goals and action items as VTODO resources
 *
 * Copyright 2026 The Bimbing Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A goal is a VTODO with X-BIMBING-KIND:goal: its title as SUMMARY, its SMART criteria
 * readable on a phone in DESCRIPTION and each in its own X-BIMBING-* property, DUE,
 * PERCENT-COMPLETE and STATUS. An action item is a VTODO with X-BIMBING-KIND:action-item,
 * RELATED-TO its session's UID, DUE, STATUS and X-BIMBING-OWNER. Neither carries a UID
 * in the database: the engine keeps it in the status table and passes it in.
 */
#define G_LOG_DOMAIN "bmb-sync-map"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bmb-local-time.h"
#include "bmb-mentoring-private.h"
#include "bmb-sync-content.h"
#include "bmb-sync-map-private.h"

#define PRODID "-//Bimbing//Bimbing " PACKAGE_VERSION "//EN"

static const char * const criterion_props[BMB_GOAL_N_CRITERIA] = {
  "X-BIMBING-SPECIFIC", "X-BIMBING-MEASURABLE", "X-BIMBING-ACHIEVABLE",
  "X-BIMBING-RELEVANT", "X-BIMBING-TIME-BOUND",
};

static void
begin_todo (GString    *out,
            const char *uid,
            const char *kind)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");

  g_string_append (out, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n");
  _bmb_sync_append_raw (out, "PRODID", PRODID);
  g_string_append (out, "BEGIN:VTODO\r\n");
  _bmb_sync_append_text (out, "UID", uid);
  _bmb_sync_append_raw (out, "DTSTAMP", stamp);
  _bmb_sync_append_raw (out, BMB_SYNC_X_KIND, kind);
}

static void
end_todo (GString *out)
{
  g_string_append (out, "END:VTODO\r\nEND:VCALENDAR\r\n");
}

static void
append_due (GString    *out,
            const char *due_on)
{
  g_autofree char *basic = NULL;

  if (due_on == NULL || !bmb_local_date_is_valid (due_on))
    return;
  basic = g_strdup_printf ("%.4s%.2s%.2s", due_on, due_on + 5, due_on + 8);
  _bmb_sync_append_raw (out, "DUE;VALUE=DATE", basic);
}

/* "YYYY-MM-DD" from a DUE value (a date or a date-time), NULL when there is none. */
static char *
dup_due (const char *data)
{
  g_autofree char *value = bmb_sync_content_dup_value (data, strlen (data), "DUE");
  g_autofree char *date = NULL;

  if (value == NULL || strlen (value) < 8)
    return NULL;
  date = g_strdup_printf ("%.4s-%.2s-%.2s", value, value + 4, value + 6);
  return bmb_local_date_is_valid (date) ? g_steal_pointer (&date) : NULL;
}

static char *
dup_text (const char *data,
          const char *name)
{
  g_autofree char *value = bmb_sync_content_dup_value (data, strlen (data), name);

  return _bmb_sync_text_unescape (value);
}

/* ---- Goals -------------------------------------------------------------------------- */

char *
_bmb_sync_map_render_goal (BmbSyncMap  *map,
                           gint64       id,
                           const char  *uid,
                           GError     **error)
{
  g_autoptr(BmbGoal) goal = bmb_goal_store_get (map->goals, id, error);
  g_autoptr(GString) description = g_string_new (NULL);
  g_autofree char *percent = NULL;
  GString *out;
  const char *status;

  if (goal == NULL)
    return NULL;

  out = g_string_new (NULL);
  begin_todo (out, uid, "goal");
  _bmb_sync_append_text (out, "SUMMARY", bmb_goal_get_title (goal));

  /* Readable on a phone: each SMART criterion on its own line, named. */
  for (guint c = 0; c < BMB_GOAL_N_CRITERIA; c++)
    {
      const char *text = bmb_goal_get_criterion (goal, c);

      if (text == NULL || *text == '\0')
        continue;
      g_string_append_printf (description, "%s%s: %s", description->len ? "\n" : "",
                              bmb_goal_criterion_get_label (c), text);
    }
  _bmb_sync_append_text (out, "DESCRIPTION", description->str);
  append_due (out, bmb_goal_get_due_on (goal));

  percent = g_strdup_printf ("%u", bmb_goal_get_progress (goal));
  _bmb_sync_append_raw (out, "PERCENT-COMPLETE", percent);
  switch (bmb_goal_get_status (goal))
    {
    case BMB_GOAL_STATUS_ACHIEVED:
      status = "COMPLETED";
      break;
    case BMB_GOAL_STATUS_DROPPED:
      status = "CANCELLED";
      break;
    case BMB_GOAL_STATUS_ACTIVE:
    default:
      status = bmb_goal_get_progress (goal) > 0 ? "IN-PROCESS" : "NEEDS-ACTION";
      break;
    }
  _bmb_sync_append_raw (out, "STATUS", status);

  for (guint c = 0; c < BMB_GOAL_N_CRITERIA; c++)
    _bmb_sync_append_text (out, criterion_props[c], bmb_goal_get_criterion (goal, c));

  end_todo (out);
  return g_string_free (out, FALSE);
}

gint64
_bmb_sync_map_apply_goal (BmbSyncMap  *map,
                          const char  *data,
                          gint64       id,
                          GError     **error)
{
  g_autoptr(BmbGoal) goal = NULL;
  g_autofree char *title = dup_text (data, "SUMMARY");
  g_autofree char *due = dup_due (data);
  g_autofree char *percent = bmb_sync_content_dup_value (data, strlen (data), "PERCENT-COMPLETE");
  g_autofree char *status = bmb_sync_content_dup_value (data, strlen (data), "STATUS");
  g_autoptr(GError) local_error = NULL;

  if (title == NULL || g_strstrip (title)[0] == '\0')
    return 0;

  if (id > 0 && !(goal = bmb_goal_store_get (map->goals, id, &local_error)) &&
      !g_error_matches (local_error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return 0;
    }
  if (goal == NULL)
    goal = bmb_goal_new (title);

  bmb_goal_set_title (goal, title);
  for (guint c = 0; c < BMB_GOAL_N_CRITERIA; c++)
    {
      g_autofree char *text = dup_text (data, criterion_props[c]);

      bmb_goal_set_criterion (goal, c, text);
    }
  bmb_goal_set_due_on (goal, due);
  bmb_goal_set_progress (goal, percent ? (guint)MIN (g_ascii_strtoull (percent, NULL, 10), 100) : 0);
  if (g_strcmp0 (status, "COMPLETED") == 0)
    bmb_goal_set_status (goal, BMB_GOAL_STATUS_ACHIEVED);
  else if (g_strcmp0 (status, "CANCELLED") == 0)
    bmb_goal_set_status (goal, BMB_GOAL_STATUS_DROPPED);
  else
    bmb_goal_set_status (goal, BMB_GOAL_STATUS_ACTIVE);

  if (bmb_goal_get_id (goal) > 0 ? !bmb_goal_store_update (map->goals, goal, error)
                                 : !bmb_goal_store_insert (map->goals, goal, error))
    return 0;
  return bmb_goal_get_id (goal);
}

/* ---- Action items ------------------------------------------------------------------- */

static BmbActionItem *
get_action_item (BmbSyncMap  *map,
                 gint64       id,
                 GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 relationship_id = 0;
  gint64 session_id = 0;
  g_autoptr(GPtrArray) items = NULL;
  int rc;

  if (!(stmt = bmb_database_prepare (map->db,
                                     "SELECT ifnull (relationship_id, 0), ifnull (session_id, 0)"
                                     " FROM action_items WHERE id = ?", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = bmb_database_step (map->db, stmt, error);
  if (rc == SQLITE_ROW)
    {
      relationship_id = sqlite3_column_int64 (stmt, 0);
      session_id = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_NOT_FOUND,
                     _("The action item no longer exists."));
      return NULL;
    }

  items = bmb_mentoring_store_list_action_items (map->mentoring,
                                                 session_id ? 0 : relationship_id,
                                                 session_id, error);
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      BmbActionItem *item = g_ptr_array_index (items, i);

      if (bmb_action_item_get_id (item) == id)
        return g_object_ref (item);
    }
  g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_NOT_FOUND,
               _("The action item no longer exists."));
  return NULL;
}

char *
_bmb_sync_map_render_action (BmbSyncMap  *map,
                             gint64       id,
                             const char  *uid,
                             GError     **error)
{
  g_autoptr(BmbActionItem) item = get_action_item (map, id, error);
  g_autofree char *position = NULL;
  GString *out;

  if (item == NULL)
    return NULL;

  out = g_string_new (NULL);
  begin_todo (out, uid, "action-item");
  _bmb_sync_append_text (out, "SUMMARY", bmb_action_item_get_text (item));
  append_due (out, bmb_action_item_get_due_on (item));
  _bmb_sync_append_raw (out, "STATUS", bmb_action_item_get_done (item) ? "COMPLETED"
                                                                       : "NEEDS-ACTION");
  if (bmb_action_item_get_session_id (item) > 0)
    {
      g_autoptr(BmbSession) session = bmb_mentoring_store_get_session (map->mentoring,
                                                                      bmb_action_item_get_session_id (item),
                                                                      NULL);

      if (session != NULL)
        _bmb_sync_append_text (out, "RELATED-TO", bmb_session_get_uid (session));
    }
  _bmb_sync_append_raw (out, BMB_SYNC_X_OWNER,
                        bmb_action_owner_to_string (bmb_action_item_get_owner (item)));
  position = g_strdup_printf ("%d", bmb_action_item_get_position (item));
  _bmb_sync_append_raw (out, "X-BIMBING-POSITION", position);
  end_todo (out);
  return g_string_free (out, FALSE);
}

gint64
_bmb_sync_map_apply_action (BmbSyncMap  *map,
                            const char  *data,
                            gint64       id,
                            GError     **error)
{
  g_autofree char *text = dup_text (data, "SUMMARY");
  g_autofree char *due = dup_due (data);
  g_autofree char *status = bmb_sync_content_dup_value (data, strlen (data), "STATUS");
  g_autofree char *owner_text = bmb_sync_content_dup_value (data, strlen (data), BMB_SYNC_X_OWNER);
  g_autofree char *position = bmb_sync_content_dup_value (data, strlen (data), "X-BIMBING-POSITION");
  g_autofree char *related = dup_text (data, "RELATED-TO");
  g_autoptr(BmbActionItem) item = NULL;
  g_autoptr(BmbSession) session = NULL;
  g_autoptr(GError) local_error = NULL;
  BmbActionOwner owner = BMB_ACTION_OWNER_MENTEE;
  gboolean done = g_strcmp0 (status, "COMPLETED") == 0;

  if (text == NULL || g_strstrip (text)[0] == '\0')
    return 0;
  if (owner_text != NULL)
    bmb_action_owner_from_string (owner_text, &owner);

  if (id > 0 && !(item = get_action_item (map, id, &local_error)) &&
      !g_error_matches (local_error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return 0;
    }
  if (related != NULL &&
      !(session = bmb_mentoring_store_find_session_by_uid (map->mentoring, related, error)) &&
      error != NULL && *error != NULL)
    return 0;

  if (item == NULL)
    {
      /* An action item belongs to a session or a relationship; relationships stay on
       * each computer, so one without a known session cannot be stored here. */
      if (session == NULL)
        return 0;
      item = bmb_action_item_new (owner, text);
      if (bmb_session_get_relationship_id (session) > 0)
        bmb_action_item_set_relationship_id (item, bmb_session_get_relationship_id (session));
    }
  if (session != NULL)
    bmb_action_item_set_session_id (item, bmb_session_get_id (session));

  bmb_action_item_set_owner (item, owner);
  bmb_action_item_set_text (item, text);
  bmb_action_item_set_due_on (item, due);
  bmb_action_item_set_done (item, done);
  if (position != NULL)
    bmb_action_item_set_position (item, (int)g_ascii_strtoll (position, NULL, 10));

  if (!bmb_mentoring_store_save_action_item (map->mentoring, item, error))
    return 0;
  return bmb_action_item_get_id (item);
}
