/* bmb-sync-map-private.h — local items ↔ server resources, for the sync engine
 *
 * Copyright 2026 The Bimbing Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each kind of local item has a renderer (the item as Bimbing would write it, one
 * resource) and an applier (a resource written into the local database through the core
 * stores). Sessions are one VEVENT resource each (bmb-sync-map-session.c, today over the
 * iCalendar export and import), goals and action items VTODOs (bmb-sync-map-todo.c),
 * contacts vCards (bmb-sync-map-contact.c), relationships VJOURNALs
 * (bmb-sync-map-relationship.c). The engine merges the rendering into the
 * server's copy (bmb-sync-content.h), so what Bimbing does not map survives.
 */
#pragma once

#include "bmb-contact-store.h"
#include "bmb-database.h"
#include "bmb-goal-store.h"
#include "bmb-mentoring-store.h"

G_BEGIN_DECLS

typedef enum {
  BMB_SYNC_KIND_NONE,          /* a resource Bimbing does not map: kept on the server only */
  BMB_SYNC_KIND_SESSION,
  BMB_SYNC_KIND_GOAL,
  BMB_SYNC_KIND_ACTION_ITEM,
  BMB_SYNC_KIND_CONTACT,
  BMB_SYNC_KIND_RELATIONSHIP,
} BmbSyncKind;

#define BMB_SYNC_X_KIND        "X-BIMBING-KIND"         /* goal, action-item */
#define BMB_SYNC_X_OWNER       "X-BIMBING-OWNER"        /* mentor, mentee */
#define BMB_SYNC_X_INTERACTION "X-BIMBING-INTERACTION"  /* date;channel;summary */
#define BMB_SYNC_X_RELATIONSHIP "X-BIMBING-RELATIONSHIP" /* on a session: its relationship's UID */

typedef struct
{
  BmbDatabase       *db;
  BmbMentoringStore *mentoring;
  BmbGoalStore      *goals;
  BmbContactStore   *contacts;
  gboolean           vcard4;
} BmbSyncMap;

const char  *_bmb_sync_kind_to_string   (BmbSyncKind  kind);
BmbSyncKind  _bmb_sync_kind_from_string (const char  *text);
/* The kind of a resource from its content. */
BmbSyncKind  _bmb_sync_kind_for_data    (const char  *data,
                                         gsize        length);

void         _bmb_sync_map_init         (BmbSyncMap  *map,
                                         BmbDatabase *db,
                                         gboolean     vcard4);
void         _bmb_sync_map_clear        (BmbSyncMap  *map);

/* The UID the item carries itself (sessions and contacts), else NULL. */
char        *_bmb_sync_map_dup_uid      (BmbSyncMap  *map,
                                         BmbSyncKind  kind,
                                         gint64       local_id,
                                         GError     **error);
/* Gives a session or contact a new UID (its old one belongs to an item deleted on the
 * server, and a deleted item's UID is never used again); returns it. */
char        *_bmb_sync_map_renew_uid    (BmbSyncMap  *map,
                                         BmbSyncKind  kind,
                                         gint64       local_id,
                                         GError     **error);
/* The local item with that UID (sessions and contacts), 0 when none. */
gint64       _bmb_sync_map_find_by_uid  (BmbSyncMap  *map,
                                         BmbSyncKind  kind,
                                         const char  *uid,
                                         GError     **error);
/* The item as a resource with @uid; NULL without an error when it no longer exists. */
char        *_bmb_sync_map_render       (BmbSyncMap  *map,
                                         BmbSyncKind  kind,
                                         gint64       local_id,
                                         const char  *uid,
                                         GError     **error);
/* Writes @data into item @local_id (0: a new one). Returns the item's id, or 0 without an
 * error when the resource cannot be stored here (it stays on the server unmapped). Runs
 * inside the caller's transaction. */
gint64       _bmb_sync_map_apply        (BmbSyncMap  *map,
                                         BmbSyncKind  kind,
                                         const char  *data,
                                         gint64       local_id,
                                         GError     **error);
gboolean     _bmb_sync_map_delete       (BmbSyncMap  *map,
                                         BmbSyncKind  kind,
                                         gint64       local_id,
                                         GError     **error);

/* RFC 5545 / 6350 TEXT: backslash, comma, semicolon and newline escaped. */
char        *_bmb_sync_text_escape      (const char  *text);
char        *_bmb_sync_text_unescape    (const char  *text);
/* Appends "NAME:escaped value", folded, when @text is set. */
void         _bmb_sync_append_text      (GString     *out,
                                         const char  *name,
                                         const char  *text);
void         _bmb_sync_append_raw       (GString     *out,
                                         const char  *name,
                                         const char  *value);

/* Per kind, in their own files. */
char        *_bmb_sync_map_render_session  (BmbSyncMap *map, gint64 id, GError **error);
gint64       _bmb_sync_map_apply_session   (BmbSyncMap *map, const char *data, gint64 id,
                                            GError **error);
char        *_bmb_sync_map_render_goal     (BmbSyncMap *map, gint64 id, const char *uid,
                                            GError **error);
gint64       _bmb_sync_map_apply_goal      (BmbSyncMap *map, const char *data, gint64 id,
                                            GError **error);
char        *_bmb_sync_map_render_action   (BmbSyncMap *map, gint64 id, const char *uid,
                                            GError **error);
gint64       _bmb_sync_map_apply_action    (BmbSyncMap *map, const char *data, gint64 id,
                                            GError **error);
char        *_bmb_sync_map_render_relationship (BmbSyncMap *map, gint64 id, const char *uid,
                                               GError **error);
gint64       _bmb_sync_map_apply_relationship  (BmbSyncMap *map, const char *data, gint64 id,
                                               GError **error);
/* The UID the relationship has on the server (its status row), NULL when none yet. */
char        *_bmb_sync_map_dup_relationship_uid (BmbSyncMap *map, gint64 relationship_id,
                                                GError **error);
/* The relationship synced with that UID, 0 when none. */
gint64       _bmb_sync_map_find_relationship    (BmbSyncMap *map, const char *uid,
                                                GError **error);
char        *_bmb_sync_map_render_contact  (BmbSyncMap *map, gint64 id, GError **error);
gint64       _bmb_sync_map_apply_contact   (BmbSyncMap *map, const char *data, gint64 id,
                                            GError **error);

G_END_DECLS
