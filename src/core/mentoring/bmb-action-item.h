/* bmb-action-item.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Something the mentor or the mentee promised to do, usually agreed in a
 * session, with an optional due date.
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  BMB_ACTION_OWNER_MENTOR,
  BMB_ACTION_OWNER_MENTEE,
} BmbActionOwner;

#define BMB_TYPE_ACTION_OWNER (bmb_action_owner_get_type ())
#define BMB_TYPE_ACTION_ITEM  (bmb_action_item_get_type ())

GType        bmb_action_owner_get_type    (void) G_GNUC_CONST;
const char  *bmb_action_owner_to_string   (BmbActionOwner  owner);
gboolean     bmb_action_owner_from_string (const char     *str,
                                           BmbActionOwner *owner);
/* Translated: "Mentor", "Mentee". */
const char  *bmb_action_owner_get_label   (BmbActionOwner  owner);

G_DECLARE_FINAL_TYPE (BmbActionItem, bmb_action_item, BMB, ACTION_ITEM, GObject)

/* Properties (G_PARAM_EXPLICIT_NOTIFY): id (read-only), relationship-id,
 * session-id (0: none; at least one of the two is set), meeting-id
 * (read-only: the meeting record it was agreed in or carried over to, 0:
 * none; set by the store), recurrence-id (read-only: that meeting's
 * occurrence, NULL: none), owner, text, due-on (YYYY-MM-DD or NULL), done,
 * done-at (Unix seconds, 0 when open, read-only), position (-1: last, the
 * default for a new item; saving a new item at a position shifts the
 * items from there on), created-at (read-only). */

BmbActionItem  *bmb_action_item_new                 (BmbActionOwner  owner,
                                                     const char     *text);
gint64          bmb_action_item_get_id              (BmbActionItem  *self);
gint64          bmb_action_item_get_relationship_id (BmbActionItem  *self);
void            bmb_action_item_set_relationship_id (BmbActionItem  *self,
                                                     gint64          relationship_id);
gint64          bmb_action_item_get_session_id      (BmbActionItem  *self);
void            bmb_action_item_set_session_id      (BmbActionItem  *self,
                                                     gint64          session_id);
gint64          bmb_action_item_get_meeting_id      (BmbActionItem  *self);
const char     *bmb_action_item_get_recurrence_id   (BmbActionItem  *self);
BmbActionOwner  bmb_action_item_get_owner           (BmbActionItem  *self);
void            bmb_action_item_set_owner           (BmbActionItem  *self,
                                                     BmbActionOwner  owner);
const char     *bmb_action_item_get_text            (BmbActionItem  *self);
void            bmb_action_item_set_text            (BmbActionItem  *self,
                                                     const char     *text);
const char     *bmb_action_item_get_due_on          (BmbActionItem  *self);
void            bmb_action_item_set_due_on          (BmbActionItem  *self,
                                                     const char     *date);
gboolean        bmb_action_item_get_done            (BmbActionItem  *self);
void            bmb_action_item_set_done            (BmbActionItem  *self,
                                                     gboolean        done);
gint64          bmb_action_item_get_done_at         (BmbActionItem  *self);
int             bmb_action_item_get_position        (BmbActionItem  *self);
void            bmb_action_item_set_position        (BmbActionItem  *self,
                                                     int             position);
gint64          bmb_action_item_get_created_at      (BmbActionItem  *self);

G_END_DECLS
