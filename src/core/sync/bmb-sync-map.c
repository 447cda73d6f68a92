/* bmb-sync-map.c — local items ↔ server resources: kinds and dispatch
 *
 * Copyright 2026 The Bimbing Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bmb-sync-map"

#include "config.h"

#include <string.h>

#include "bmb-sync-content.h"
#include "bmb-sync-map-private.h"

static const char * const kind_names[] = {
  [BMB_SYNC_KIND_NONE] = NULL,
  [BMB_SYNC_KIND_SESSION] = "session",
  [BMB_SYNC_KIND_GOAL] = "goal",
  [BMB_SYNC_KIND_ACTION_ITEM] = "action-item",
  [BMB_SYNC_KIND_CONTACT] = "contact",
  [BMB_SYNC_KIND_RELATIONSHIP] = "relationship",
};

const char *
_bmb_sync_kind_to_string (BmbSyncKind kind)
{
  return kind_names[kind];
}

BmbSyncKind
_bmb_sync_kind_from_string (const char *text)
{
  for (guint i = 1; i < G_N_ELEMENTS (kind_names); i++)
    {
      if (g_strcmp0 (kind_names[i], text) == 0)
        return i;
    }
  return BMB_SYNC_KIND_NONE;
}

BmbSyncKind
_bmb_sync_kind_for_data (const char *data,
                         gsize       length)
{
  const char *type = bmb_sync_content_get_type (data, length);
  g_autofree char *x_kind = NULL;

  if (g_strcmp0 (type, "VEVENT") == 0)
    return BMB_SYNC_KIND_SESSION;
  if (g_strcmp0 (type, "VCARD") == 0)
    return BMB_SYNC_KIND_CONTACT;
  if (g_strcmp0 (type, "VJOURNAL") == 0)
    {
      /* Other clients' journal entries stay theirs. */
      x_kind = bmb_sync_content_dup_value (data, length, BMB_SYNC_X_KIND);
      return g_strcmp0 (x_kind, "relationship") == 0 ? BMB_SYNC_KIND_RELATIONSHIP
                                                     : BMB_SYNC_KIND_NONE;
    }
  if (g_strcmp0 (type, "VTODO") != 0)
    return BMB_SYNC_KIND_NONE;

  /* Other clients' to-dos stay theirs: only Bimbing's goals and action items map. */
  x_kind = bmb_sync_content_dup_value (data, length, BMB_SYNC_X_KIND);
  if (g_strcmp0 (x_kind, "goal") == 0)
    return BMB_SYNC_KIND_GOAL;
  if (g_strcmp0 (x_kind, "action-item") == 0)
    return BMB_SYNC_KIND_ACTION_ITEM;
  return BMB_SYNC_KIND_NONE;
}

void
_bmb_sync_map_init (BmbSyncMap  *map,
                    BmbDatabase *db,
                    gboolean     vcard4)
{
  map->db = g_object_ref (db);
  map->mentoring = bmb_mentoring_store_new (db);
  map->goals = bmb_goal_store_new (db);
  map->contacts = bmb_contact_store_new (db);
  map->vcard4 = vcard4;
}

void
_bmb_sync_map_clear (BmbSyncMap *map)
{
  g_clear_object (&map->mentoring);
  g_clear_object (&map->goals);
  g_clear_object (&map->contacts);
  g_clear_object (&map->db);
}

static gboolean
is_not_found (GError *error)
{
  return g_error_matches (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_NOT_FOUND);
}

char *
_bmb_sync_map_dup_uid (BmbSyncMap  *map,
                       BmbSyncKind  kind,
                       gint64       local_id,
                       GError     **error)
{
  sqlite3_stmt *stmt;
  char *uid = NULL;
  int rc;

  /* One column, not the whole item: the push asks this of every new item. */
  if (kind == BMB_SYNC_KIND_SESSION)
    stmt = bmb_database_prepare (map->db, "SELECT uid FROM sessions WHERE id = ?", error);
  else if (kind == BMB_SYNC_KIND_CONTACT)
    stmt = bmb_database_prepare (map->db, "SELECT uid FROM contacts WHERE id = ?", error);
  else
    return NULL;
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, local_id);
  rc = bmb_database_step (map->db, stmt, error);
  if (rc == SQLITE_ROW)
    uid = bmb_stmt_dup_text (stmt, 0);
  sqlite3_reset (stmt);
  return uid;
}

char *
_bmb_sync_map_renew_uid (BmbSyncMap  *map,
                         BmbSyncKind  kind,
                         gint64       local_id,
                         GError     **error)
{
  g_autofree char *uuid = g_uuid_string_random ();

  if (kind == BMB_SYNC_KIND_SESSION)
    {
      g_autoptr(BmbSession) session = bmb_mentoring_store_get_session (map->mentoring, local_id,
                                                                      error);
      g_autofree char *uid = g_strconcat (uuid, "@bimbing", NULL);

      if (session == NULL)
        return NULL;
      bmb_session_set_uid (session, uid);
      if (!bmb_mentoring_store_save_session (map->mentoring, session, error))
        return NULL;
      return g_steal_pointer (&uid);
    }
  if (kind == BMB_SYNC_KIND_CONTACT)
    {
      g_autoptr(BmbContact) contact = bmb_contact_store_get (map->contacts, local_id, error);

      if (contact == NULL)
        return NULL;
      bmb_contact_set_uid (contact, uuid);
      if (!bmb_contact_store_update (map->contacts, contact, error))
        return NULL;
      return g_steal_pointer (&uuid);
    }
  return g_steal_pointer (&uuid);
}

gint64
_bmb_sync_map_find_by_uid (BmbSyncMap  *map,
                           BmbSyncKind  kind,
                           const char  *uid,
                           GError     **error)
{
  if (uid == NULL)
    return 0;

  if (kind == BMB_SYNC_KIND_SESSION)
    {
      g_autoptr(BmbSession) session = bmb_mentoring_store_find_session_by_uid (map->mentoring, uid,
                                                                              error);

      return session ? bmb_session_get_id (session) : 0;
    }
  if (kind == BMB_SYNC_KIND_CONTACT)
    {
      g_autoptr(BmbContact) contact = bmb_contact_store_get_by_uid (map->contacts, uid, error);

      return contact ? bmb_contact_get_id (contact) : 0;
    }
  return 0;
}

char *
_bmb_sync_map_render (BmbSyncMap  *map,
                      BmbSyncKind  kind,
                      gint64       local_id,
                      const char  *uid,
                      GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  char *text = NULL;

  switch (kind)
    {
    case BMB_SYNC_KIND_SESSION:
      text = _bmb_sync_map_render_session (map, local_id, &local_error);
      break;
    case BMB_SYNC_KIND_GOAL:
      text = _bmb_sync_map_render_goal (map, local_id, uid, &local_error);
      break;
    case BMB_SYNC_KIND_ACTION_ITEM:
      text = _bmb_sync_map_render_action (map, local_id, uid, &local_error);
      break;
    case BMB_SYNC_KIND_CONTACT:
      text = _bmb_sync_map_render_contact (map, local_id, &local_error);
      break;
    case BMB_SYNC_KIND_RELATIONSHIP:
      text = _bmb_sync_map_render_relationship (map, local_id, uid, &local_error);
      break;
    case BMB_SYNC_KIND_NONE:
    default:
      return NULL;
    }

  if (local_error != NULL && !is_not_found (local_error))
    g_propagate_error (error, g_steal_pointer (&local_error));
  return text;
}

gint64
_bmb_sync_map_apply (BmbSyncMap  *map,
                     BmbSyncKind  kind,
                     const char  *data,
                     gint64       local_id,
                     GError     **error)
{
  switch (kind)
    {
    case BMB_SYNC_KIND_SESSION:
      return _bmb_sync_map_apply_session (map, data, local_id, error);
    case BMB_SYNC_KIND_GOAL:
      return _bmb_sync_map_apply_goal (map, data, local_id, error);
    case BMB_SYNC_KIND_ACTION_ITEM:
      return _bmb_sync_map_apply_action (map, data, local_id, error);
    case BMB_SYNC_KIND_CONTACT:
      return _bmb_sync_map_apply_contact (map, data, local_id, error);
    case BMB_SYNC_KIND_RELATIONSHIP:
      return _bmb_sync_map_apply_relationship (map, data, local_id, error);
    case BMB_SYNC_KIND_NONE:
    default:
      return 0;
    }
}

/* Action items that belong to the session alone go with it (they cannot stay without a
 * session or a relationship); the push then deletes them on the server too. */
static gboolean
delete_session_action_items (BmbSyncMap  *map,
                             gint64       session_id,
                             GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = bmb_database_prepare (map->db,
                                             "SELECT id FROM action_items"
                                             " WHERE session_id = ? AND relationship_id IS NULL",
                                             error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, session_id);
  while ((rc = bmb_database_step (map->db, stmt, error)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      if (!bmb_mentoring_store_delete_action_item (map->mentoring, g_array_index (ids, gint64, i),
                                                   error))
        return FALSE;
    }
  return TRUE;
}

gboolean
_bmb_sync_map_delete (BmbSyncMap  *map,
                      BmbSyncKind  kind,
                      gint64       local_id,
                      GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean ok = TRUE;

  switch (kind)
    {
    case BMB_SYNC_KIND_SESSION:
      ok = delete_session_action_items (map, local_id, &local_error) &&
           bmb_mentoring_store_delete_session (map->mentoring, local_id, &local_error);
      break;
    case BMB_SYNC_KIND_GOAL:
      ok = bmb_goal_store_delete (map->goals, local_id, &local_error);
      break;
    case BMB_SYNC_KIND_ACTION_ITEM:
      ok = bmb_mentoring_store_delete_action_item (map->mentoring, local_id, &local_error);
      break;
    case BMB_SYNC_KIND_CONTACT:
      ok = bmb_contact_store_delete (map->contacts, local_id, NULL, &local_error);
      break;
    case BMB_SYNC_KIND_RELATIONSHIP:
      /* Deleting one here would take its sessions along, which are still on the server:
       * a relationship deleted there (or never accepted) stays here. */
      break;
    case BMB_SYNC_KIND_NONE:
    default:
      break;
    }

  if (!ok && is_not_found (local_error))
    return TRUE;
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return ok;
}

/* ---- Text values ------------------------------------------------------------------- */

char *
_bmb_sync_text_escape (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; p != NULL && *p; p++)
    {
      if (*p == '\\' || *p == ',' || *p == ';')
        g_string_append_c (out, '\\');
      if (*p == '\n')
        g_string_append (out, "\\n");
      else if (*p != '\r')
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

char *
_bmb_sync_text_unescape (const char *text)
{
  GString *out;

  if (text == NULL)
    return NULL;
  out = g_string_new (NULL);
  for (const char *p = text; *p; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        {
          p++;
          g_string_append_c (out, (*p == 'n' || *p == 'N') ? '\n' : *p);
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

void
_bmb_sync_append_raw (GString    *out,
                      const char *name,
                      const char *value)
{
  g_autofree char *line = g_strconcat (name, ":", value, NULL);
  gsize len = strlen (line);
  gsize pos = 0;
  gsize limit = 75;

  while (len - pos > limit)
    {
      gsize cut = pos + limit;

      while (cut > pos && ((guchar)line[cut] & 0xC0) == 0x80)
        cut--;
      g_string_append_len (out, line + pos, cut - pos);
      g_string_append (out, "\r\n ");
      pos = cut;
      limit = 74;
    }
  g_string_append (out, line + pos);
  g_string_append (out, "\r\n");
}

void
_bmb_sync_append_text (GString    *out,
                       const char *name,
                       const char *text)
{
  g_autofree char *escaped = NULL;

  if (text == NULL || *text == '\0')
    return;
  escaped = _bmb_sync_text_escape (text);
  _bmb_sync_append_raw (out, name, escaped);
}
