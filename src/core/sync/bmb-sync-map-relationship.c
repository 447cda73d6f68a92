/* bmb-sync-map-relationship.c — a relationship as a VJOURNAL resource
 *
 * Copyright 2026 The Bimbing Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A relationship is a VJOURNAL with X-BIMBING-KIND:relationship in the Bimbing calendar:
 * a readable SUMMARY and DESCRIPTION (its phase and agreement, for other clients), and
 * each field in its own X-BIMBING-* property. Its mentor and mentee are named by their
 * contacts' vCard UIDs (the address book syncs first), and each of its sessions names it
 * with X-BIMBING-RELATIONSHIP (its UID, kept in the status table: relationships carry
 * none in the database). A relationship whose contacts are not here is not stored (it
 * stays on the server until they are).
 */
#define G_LOG_DOMAIN "bmb-sync-map"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bmb-local-time.h"
#include "bmb-sync-content.h"
#include "bmb-sync-map-private.h"

#define PRODID "-//Bimbing//Bimbing " PACKAGE_VERSION "//EN"

typedef struct {
  const char *prop;
  const char *(*get) (BmbRelationship *self);
  void (*set) (BmbRelationship *self, const char *value);
} TextField;

static const TextField text_fields[] = {
  { "X-BIMBING-TITLE", bmb_relationship_get_title, bmb_relationship_set_title },
  { "X-BIMBING-GOALS", bmb_relationship_get_goals, bmb_relationship_set_goals },
  { "X-BIMBING-CADENCE", bmb_relationship_get_cadence, bmb_relationship_set_cadence },
  { "X-BIMBING-CONFIDENTIALITY", bmb_relationship_get_confidentiality,
    bmb_relationship_set_confidentiality },
  { "X-BIMBING-PLANNED-DURATION", bmb_relationship_get_planned_duration,
    bmb_relationship_set_planned_duration },
  { "X-BIMBING-CLOSING-ACHIEVED", bmb_relationship_get_closing_achieved,
    bmb_relationship_set_closing_achieved },
  { "X-BIMBING-CLOSING-THANKS", bmb_relationship_get_closing_thanks,
    bmb_relationship_set_closing_thanks },
  { "X-BIMBING-CLOSING-NEXT-STEPS", bmb_relationship_get_closing_next_steps,
    bmb_relationship_set_closing_next_steps },
};

typedef struct {
  const char *prop;
  const char *(*get) (BmbRelationship *self);
  void (*set) (BmbRelationship *self, const char *value);
} DateField;

static const DateField date_fields[] = {
  { "X-BIMBING-STARTED-ON", bmb_relationship_get_started_on, bmb_relationship_set_started_on },
  { "X-BIMBING-PLANNED-END-ON", bmb_relationship_get_planned_end_on,
    bmb_relationship_set_planned_end_on },
  { "X-BIMBING-ENDED-ON", bmb_relationship_get_ended_on, bmb_relationship_set_ended_on },
};

static char *
dup_text (const char *data,
          const char *name)
{
  g_autofree char *value = bmb_sync_content_dup_value (data, strlen (data), name);

  return _bmb_sync_text_unescape (value);
}

static char *
contact_uid (BmbSyncMap  *map,
             gint64       contact_id,
             GError     **error)
{
  if (contact_id <= 0)
    return NULL;
  return _bmb_sync_map_dup_uid (map, BMB_SYNC_KIND_CONTACT, contact_id, error);
}

char *
_bmb_sync_map_render_relationship (BmbSyncMap  *map,
                                   gint64       id,
                                   const char  *uid,
                                   GError     **error)
{
  g_autoptr(BmbRelationship) relationship = bmb_mentoring_store_get_relationship (map->mentoring,
                                                                                 id, error);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");
  g_autofree char *mentor = NULL;
  g_autofree char *mentee = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(GString) description = g_string_new (NULL);
  BmbRelationshipPhase phase;
  GString *out;

  if (relationship == NULL)
    return NULL;
  phase = bmb_relationship_get_phase (relationship);
  mentor = contact_uid (map, bmb_relationship_get_mentor_id (relationship), error);
  mentee = contact_uid (map, bmb_relationship_get_mentee_id (relationship), error);

  out = g_string_new ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n");
  _bmb_sync_append_raw (out, "PRODID", PRODID);
  g_string_append (out, "BEGIN:VJOURNAL\r\n");
  _bmb_sync_append_text (out, "UID", uid);
  _bmb_sync_append_raw (out, "DTSTAMP", stamp);
  _bmb_sync_append_raw (out, BMB_SYNC_X_KIND, "relationship");

  /* Readable in any calendar: who, and where the relationship stands. */
  /* Translators: a relationship in other calendar apps: the mentor, then the mentee */
  summary = g_strdup_printf (_("Mentoring: %s and %s"),
                             bmb_relationship_get_mentor_name (relationship)
                             ? bmb_relationship_get_mentor_name (relationship) : "…",
                             bmb_relationship_get_mentee_name (relationship)
                             ? bmb_relationship_get_mentee_name (relationship) : "…");
  _bmb_sync_append_text (out, "SUMMARY", bmb_relationship_get_title (relationship)
                                         ? bmb_relationship_get_title (relationship) : summary);
  /* Translators: in a relationship's description in other calendar apps */
  g_string_append_printf (description, _("Phase: %s"), bmb_relationship_phase_get_label (phase));
  if (bmb_relationship_get_goals (relationship) != NULL)
    /* Translators: in a relationship's description in other calendar apps */
    g_string_append_printf (description, "\n%s %s", _("Goals:"),
                            bmb_relationship_get_goals (relationship));
  _bmb_sync_append_text (out, "DESCRIPTION", description->str);

  _bmb_sync_append_raw (out, "X-BIMBING-PHASE", bmb_relationship_phase_to_string (phase));
  _bmb_sync_append_raw (out, "X-BIMBING-RELATIONSHIP-KIND",
                        bmb_relationship_kind_to_string (bmb_relationship_get_kind (relationship)));
  _bmb_sync_append_text (out, "X-BIMBING-MENTOR", mentor);
  _bmb_sync_append_text (out, "X-BIMBING-MENTEE", mentee);
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    _bmb_sync_append_text (out, text_fields[i].prop, text_fields[i].get (relationship));
  for (guint i = 0; i < G_N_ELEMENTS (date_fields); i++)
    _bmb_sync_append_text (out, date_fields[i].prop, date_fields[i].get (relationship));
  g_string_append (out, "END:VJOURNAL\r\nEND:VCALENDAR\r\n");
  return g_string_free (out, FALSE);
}

static gint64
find_contact (BmbSyncMap  *map,
              const char  *data,
              const char  *prop,
              GError     **error)
{
  g_autofree char *uid = dup_text (data, prop);

  return uid ? _bmb_sync_map_find_by_uid (map, BMB_SYNC_KIND_CONTACT, uid, error) : 0;
}

/* Sessions pulled before their relationship (in this sync or an earlier one) name it in
 * their server copy: attach them now. */
static gboolean
attach_sessions (BmbSyncMap  *map,
                 const char  *uid,
                 gint64       relationship_id,
                 GError     **error)
{
  g_autofree char *needle = g_strconcat (BMB_SYNC_X_RELATIONSHIP ":", uid, NULL);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = bmb_database_prepare (map->db,
                                             "SELECT i.local_id FROM sync_items i"
                                             " JOIN sessions s ON s.id = i.local_id"
                                             " WHERE i.local_kind = 'session'"
                                             " AND i.tombstone = 0"
                                             " AND instr (CAST (i.server_copy AS TEXT), ?) > 0"
                                             " AND s.relationship_id IS NOT ?",
                                             error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, needle, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, relationship_id);
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
      g_autoptr(BmbSession) session = bmb_mentoring_store_get_session (map->mentoring,
                                                                      g_array_index (ids, gint64, i),
                                                                      error);

      if (session == NULL)
        return FALSE;
      bmb_session_set_relationship_id (session, relationship_id);
      if (!bmb_mentoring_store_save_session (map->mentoring, session, error))
        return FALSE;
    }
  return TRUE;
}

gint64
_bmb_sync_map_apply_relationship (BmbSyncMap  *map,
                                  const char  *data,
                                  gint64       id,
                                  GError     **error)
{
  g_autoptr(BmbRelationship) relationship = NULL;
  g_autofree char *uid = dup_text (data, "UID");
  g_autofree char *phase_text = bmb_sync_content_dup_value (data, strlen (data),
                                                            "X-BIMBING-PHASE");
  g_autofree char *kind_text = bmb_sync_content_dup_value (data, strlen (data),
                                                           "X-BIMBING-RELATIONSHIP-KIND");
  GError *local_error = NULL;
  BmbRelationshipPhase phase;
  BmbRelationshipKind kind;
  gint64 mentor_id, mentee_id;

  mentor_id = find_contact (map, data, "X-BIMBING-MENTOR", &local_error);
  if (local_error == NULL)
    mentee_id = find_contact (map, data, "X-BIMBING-MENTEE", &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return 0;
    }
  /* Neither contact here (yet): nothing to attach it to. */
  if (mentor_id == 0 && mentee_id == 0)
    return 0;

  if (id > 0)
    relationship = bmb_mentoring_store_get_relationship (map->mentoring, id, NULL);
  if (relationship == NULL)
    relationship = bmb_relationship_new ();

  bmb_relationship_set_mentor_id (relationship, mentor_id);
  bmb_relationship_set_mentee_id (relationship, mentee_id);
  if (phase_text != NULL && bmb_relationship_phase_from_string (phase_text, &phase))
    bmb_relationship_set_phase (relationship, phase);
  if (kind_text != NULL && bmb_relationship_kind_from_string (kind_text, &kind))
    bmb_relationship_set_kind (relationship, kind);
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      g_autofree char *value = dup_text (data, text_fields[i].prop);

      text_fields[i].set (relationship, value);
    }
  for (guint i = 0; i < G_N_ELEMENTS (date_fields); i++)
    {
      g_autofree char *value = dup_text (data, date_fields[i].prop);

      date_fields[i].set (relationship, value && bmb_local_date_is_valid (value) ? value : NULL);
    }
  if (!bmb_mentoring_store_save_relationship (map->mentoring, relationship, error))
    return 0;

  if (uid != NULL &&
      !attach_sessions (map, uid, bmb_relationship_get_id (relationship), error))
    return 0;
  return bmb_relationship_get_id (relationship);
}

char *
_bmb_sync_map_dup_relationship_uid (BmbSyncMap  *map,
                                    gint64       relationship_id,
                                    GError     **error)
{
  sqlite3_stmt *stmt = bmb_database_prepare (map->db,
                                             "SELECT uid FROM sync_items"
                                             " WHERE local_kind = 'relationship'"
                                             " AND local_id = ? AND tombstone = 0"
                                             " ORDER BY id DESC LIMIT 1",
                                             error);
  char *uid = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, relationship_id);
  if (bmb_database_step (map->db, stmt, error) == SQLITE_ROW)
    uid = bmb_stmt_dup_text (stmt, 0);
  sqlite3_reset (stmt);
  return uid;
}

gint64
_bmb_sync_map_find_relationship (BmbSyncMap  *map,
                                 const char  *uid,
                                 GError     **error)
{
  sqlite3_stmt *stmt = bmb_database_prepare (map->db,
                                             "SELECT i.local_id FROM sync_items i"
                                             " JOIN relationships r ON r.id = i.local_id"
                                             " WHERE i.local_kind = 'relationship'"
                                             " AND i.uid = ? AND i.tombstone = 0",
                                             error);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_TRANSIENT);
  if (bmb_database_step (map->db, stmt, error) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}
