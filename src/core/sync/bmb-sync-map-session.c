/* bmb-sync-map-session.c — a session as one VEVENT resource
 *
 * Copyright 2026 The Bimbing Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one place the sync engine turns sessions into iCalendar and back: one series per
 * resource through the per-series export and import (RRULE, EXDATE, RECURRENCE-ID
 * overrides carrying each meeting's own record, VALARMs, X-BIMBING-* parts).
 */
#define G_LOG_DOMAIN "bmb-sync-map"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <libical/ical.h>

#include "bmb-ics-export.h"
#include "bmb-ics-import.h"
#include "bmb-sync-content.h"
#include "bmb-sync-map-private.h"
#include "bmb-sync-remote.h"

char *
_bmb_sync_map_render_session (BmbSyncMap  *map,
                              gint64       id,
                              GError     **error)
{
  icalcomponent *calendar = bmb_ics_export_series (map->mentoring, id, error);
  g_autoptr(BmbSession) session = NULL;
  char *text;

  if (calendar == NULL)
    return NULL;

  /* Its relationship, by the UID that relationship has on the server (pushed first). */
  session = bmb_mentoring_store_get_session (map->mentoring, id, NULL);
  if (session != NULL && bmb_session_get_relationship_id (session) > 0)
    {
      g_autofree char *uid = _bmb_sync_map_dup_relationship_uid (map,
                                                                 bmb_session_get_relationship_id (session),
                                                                 NULL);
      icalcomponent *event;

      for (event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
           event != NULL && uid != NULL;
           event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
        {
          icalproperty *prop;

          if (icalcomponent_get_first_property (event, ICAL_RECURRENCEID_PROPERTY) != NULL)
            continue;
          prop = icalproperty_new_x (uid);
          icalproperty_set_x_name (prop, BMB_SYNC_X_RELATIONSHIP);
          icalcomponent_add_property (event, prop);
          break;
        }
    }
  text = icalcomponent_as_ical_string_r (calendar);
  icalcomponent_free (calendar);
  return text;
}

gint64
_bmb_sync_map_apply_session (BmbSyncMap  *map,
                             const char  *data,
                             gint64       id,
                             GError     **error)
{
  icalcomponent *calendar;
  gint64 session_id;

  (void)id;   /* the import finds the session by its UID */
  calendar = icalparser_parse_string (data);
  if (calendar == NULL)
    {
      g_set_error (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_SERVER,
                   _("The server sent a calendar item that cannot be read."));
      return 0;
    }
  /* Per-series import: the series and every meeting's record, replaced as the server has
   * them (an agenda the other side emptied is empty here too). */
  session_id = bmb_ics_import_series (map->mentoring, calendar, 0, error);
  icalcomponent_free (calendar);
  if (session_id == 0)
    return 0;

  /* Attached to its relationship when that is here already (else the relationship
   * attaches it when it arrives). */
  {
    g_autofree char *uid = bmb_sync_content_dup_value (data, strlen (data),
                                                       BMB_SYNC_X_RELATIONSHIP);
    gint64 relationship_id = uid ? _bmb_sync_map_find_relationship (map, uid, NULL) : 0;

    if (relationship_id > 0)
      {
        g_autoptr(BmbSession) session = bmb_mentoring_store_get_session (map->mentoring,
                                                                         session_id, error);

        if (session == NULL)
          return 0;
        if (bmb_session_get_relationship_id (session) != relationship_id)
          {
            bmb_session_set_relationship_id (session, relationship_id);
            if (!bmb_mentoring_store_save_session (map->mentoring, session, error))
              return 0;
          }
      }
  }

  /* A file import keeps the standing agenda when the event has none; in sync, no
   * X-BIMBING-AGENDA means the agenda was emptied on the other side. */
  if (!bmb_sync_content_has_property (data, strlen (data), "X-BIMBING-AGENDA"))
    {
      g_autoptr(BmbSession) session = bmb_mentoring_store_get_session (map->mentoring,
                                                                       session_id, error);

      if (session == NULL)
        return 0;
      if (g_list_model_get_n_items (bmb_session_get_agenda (session)) > 0)
        {
          g_list_store_remove_all (G_LIST_STORE (bmb_session_get_agenda (session)));
          if (!bmb_mentoring_store_save_session (map->mentoring, session, error))
            return 0;
        }
    }
  return session_id;
}
