/* bmb-sync-map-session.c — a session as one VEVENT resource
 *
 * Copyright 2026 The Bimbing Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one place the sync engine turns sessions into iCalendar and back. Today it goes
 * through the .ics export and import (RRULE, EXDATE, RECURRENCE-ID overrides, VALARMs,
 * X-BIMBING-AGENDA and -STATUS); per-series export and import can replace these two
 * functions without the engine noticing.
 */
#define G_LOG_DOMAIN "bmb-sync-map"

#include "config.h"

#include <string.h>

#include "bmb-ics-export.h"
#include "bmb-ics-import.h"
#include "bmb-sync-content.h"
#include "bmb-sync-map-private.h"

char *
_bmb_sync_map_render_session (BmbSyncMap  *map,
                              gint64       id,
                              GError     **error)
{
  g_autoptr(BmbSession) session = bmb_mentoring_store_get_session (map->mentoring, id, error);

  if (session == NULL)
    return NULL;
  return bmb_ics_export_session_to_string (map->mentoring, session, error);
}

gint64
_bmb_sync_map_apply_session (BmbSyncMap  *map,
                             const char  *data,
                             gint64       id,
                             GError     **error)
{
  g_autofree char *uid = bmb_sync_content_dup_uid (data, strlen (data));
  g_autoptr(BmbIcsImportResult) result = NULL;
  g_autoptr(BmbSession) session = NULL;

  (void)id;   /* the import finds the session by its UID */
  if (uid == NULL)
    return 0;
  if (!(result = bmb_ics_import_data (map->mentoring, data, -1, uid, 0, NULL, error)))
    return 0;
  if (!(session = bmb_mentoring_store_find_session_by_uid (map->mentoring, uid, error)))
    return 0;

  /* A file import keeps the agenda when the event has none; in sync, no X-BIMBING-AGENDA
   * means the agenda was emptied on the other side. */
  if (g_list_model_get_n_items (bmb_session_get_agenda (session)) > 0 &&
      !bmb_sync_content_has_property (data, strlen (data), "X-BIMBING-AGENDA"))
    {
      g_list_store_remove_all (G_LIST_STORE (bmb_session_get_agenda (session)));
      if (!bmb_mentoring_store_save_session (map->mentoring, session, error))
        return 0;
    }
  return bmb_session_get_id (session);
}
