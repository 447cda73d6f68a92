/* bmb-session-changes.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-mentoring"

#include "config.h"

#include "bmb-session-changes.h"

BmbSessionChanges *
bmb_session_changes_new (void)
{
  BmbSessionChanges *changes = g_new0 (BmbSessionChanges, 1);

  changes->action_items = g_ptr_array_new_with_free_func (g_object_unref);
  changes->removed_action_item_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  return changes;
}

void
bmb_session_changes_free (BmbSessionChanges *changes)
{
  if (changes == NULL)
    return;

  g_clear_pointer (&changes->action_items, g_ptr_array_unref);
  g_clear_pointer (&changes->removed_action_item_ids, g_array_unref);
  g_free (changes);
}

static gboolean
save_action_items (BmbMentoringStore  *store,
                   BmbSession         *session,
                   BmbSessionChanges  *changes,
                   GError            **error)
{
  for (guint i = 0; i < changes->removed_action_item_ids->len; i++)
    {
      gint64 id = g_array_index (changes->removed_action_item_ids, gint64, i);

      if (!bmb_mentoring_store_delete_action_item (store, id, error))
        return FALSE;
    }

  for (guint i = 0; i < changes->action_items->len; i++)
    {
      BmbActionItem *item = g_ptr_array_index (changes->action_items, i);

      gboolean is_new = bmb_action_item_get_id (item) == 0;

      if (is_new)
        {
          bmb_action_item_set_session_id (item, bmb_session_get_id (session));
          bmb_action_item_set_relationship_id (item, bmb_session_get_relationship_id (session));
        }
      bmb_action_item_set_position (item, (int)i);

      if (!bmb_mentoring_store_save_action_item (store, item, error))
        return FALSE;

      /* An insert appends at the end; put a new item where the user placed it. */
      if (is_new && bmb_action_item_get_position (item) != (int)i)
        {
          bmb_action_item_set_position (item, (int)i);
          if (!bmb_mentoring_store_save_action_item (store, item, error))
            return FALSE;
        }
    }

  return TRUE;
}

gboolean
bmb_mentoring_store_save_session_changes (BmbMentoringStore  *store,
                                          BmbSession         *session,
                                          BmbOccurrence      *occurrence,
                                          BmbSessionChanges  *changes,
                                          GError            **error)
{
  BmbDatabase *db;

  g_return_val_if_fail (BMB_IS_MENTORING_STORE (store), FALSE);
  g_return_val_if_fail (BMB_IS_SESSION (session), FALSE);
  g_return_val_if_fail (occurrence == NULL || BMB_IS_OCCURRENCE (occurrence), FALSE);

  db = bmb_mentoring_store_get_database (store);
  if (!bmb_database_begin (db, error))
    return FALSE;

  if (!bmb_mentoring_store_save_session (store, session, error) ||
      (occurrence != NULL && !bmb_mentoring_store_save_occurrence (store, occurrence, error)) ||
      (changes != NULL && !save_action_items (store, session, changes, error)) ||
      !bmb_database_commit (db, error))
    {
      bmb_database_rollback (db);
      return FALSE;
    }

  return TRUE;
}
