/* bmb-session-changes.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-mentoring"

#include "config.h"

#include "bmb-mentoring-meetings-private.h"
#include "bmb-mentoring-private.h"
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
  g_clear_object (&changes->meeting);
  g_free (changes);
}

static gboolean
save_action_items (BmbMentoringStore  *store,
                   BmbSession         *session,
                   BmbOccurrence      *occurrence,
                   BmbSessionChanges  *changes,
                   GError            **error)
{
  gint64 meeting_id = 0;
  const char *recurrence_id = NULL;

  for (guint i = 0; i < changes->removed_action_item_ids->len; i++)
    {
      gint64 id = g_array_index (changes->removed_action_item_ids, gint64, i);

      if (!bmb_mentoring_store_delete_action_item (store, id, error))
        return FALSE;
    }

  for (guint i = 0; i < changes->action_items->len; i++)
    {
      BmbActionItem *item = g_ptr_array_index (changes->action_items, i);

      if (bmb_action_item_get_id (item) == 0)
        {
          /* New items belong to the meeting being edited, when there is one. */
          if (occurrence != NULL && meeting_id == 0)
            {
              recurrence_id = bmb_occurrence_get_recurrence_id (occurrence);
              meeting_id = _bmb_mentoring_store_ensure_record (store, session, recurrence_id, error);
              if (meeting_id == 0)
                return FALSE;
            }
          bmb_action_item_set_session_id (item, bmb_session_get_id (session));
          bmb_action_item_set_relationship_id (item, bmb_session_get_relationship_id (session));
          if (meeting_id != 0)
            _bmb_action_item_set_meeting (item, meeting_id, recurrence_id);
        }
      /* Positions are honoured: a new item goes where the user placed it. */
      bmb_action_item_set_position (item, (int)i);

      if (!bmb_mentoring_store_save_action_item (store, item, error))
        return FALSE;
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
  BmbMeeting *meeting;

  g_return_val_if_fail (BMB_IS_MENTORING_STORE (store), FALSE);
  g_return_val_if_fail (BMB_IS_SESSION (session), FALSE);
  g_return_val_if_fail (occurrence == NULL || BMB_IS_OCCURRENCE (occurrence), FALSE);
  g_return_val_if_fail (changes == NULL || changes->meeting == NULL ||
                        BMB_IS_MEETING (changes->meeting), FALSE);

  meeting = changes != NULL ? changes->meeting : NULL;
  db = bmb_mentoring_store_get_database (store);
  if (!bmb_database_begin (db, error))
    return FALSE;

  if (!bmb_mentoring_store_save_session (store, session, error) ||
      (occurrence != NULL && !bmb_mentoring_store_save_occurrence (store, occurrence, error)) ||
      (changes != NULL && !save_action_items (store, session, occurrence, changes, error)) ||
      (meeting != NULL && !_bmb_mentoring_store_write_meeting (store, meeting, error)) ||
      !bmb_database_commit (db, error))
    {
      bmb_database_rollback (db);
      return FALSE;
    }

  return TRUE;
}
