/* bmb-session-validate.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a session must be before the store saves it (bmb_session_validate()),
 * and the stored wall-clock form "YYYY-MM-DDTHH:MM:SS" the checks read:
 * strict parsing and the conversions to and from GDateTime.
 */

#define G_LOG_DOMAIN "bmb-session"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-database.h"
#include "bmb-local-time.h"
#include "bmb-mentoring-private.h"
#include "bmb-recurrence.h"
#include "bmb-session.h"

/* ---- Validation ----------------------------------------------------------- */

gboolean
bmb_session_validate (BmbSession  *self,
                      GError     **error)
{
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(BmbRecurrence) recurrence = NULL;
  const char *title, *start_local, *tzid, *rrule;
  const char * const *exdates;

  g_return_val_if_fail (BMB_IS_SESSION (self), FALSE);

  title = bmb_session_get_title (self);
  start_local = bmb_session_get_start_local (self);
  tzid = bmb_session_get_tzid (self);
  rrule = bmb_session_get_rrule (self);
  exdates = bmb_session_get_exdates (self);

  {
    g_autofree char *trimmed = g_strstrip (g_strdup (title ? title : ""));

    if (*trimmed == '\0')
      {
        g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID,
                     _("A session needs a title."));
        return FALSE;
      }
  }

  if (!bmb_local_time_is_valid (start_local))
    {
      g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID,
                   /* Translators: %s is the session title */
                   _("The session “%s” has no valid start time."), title);
      return FALSE;
    }

  if (tzid == NULL || !(zone = g_time_zone_new_identifier (tzid)))
    {
      g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID,
                   /* Translators: the first %s is a time zone id, the second the session title */
                   _("The time zone “%s” of the session “%s” is not known."),
                   tzid ? tzid : "", title);
      return FALSE;
    }

  if (rrule != NULL &&
      !(recurrence = bmb_recurrence_new_from_rrule (rrule, start_local,
                                                    tzid, &local_error)))
    {
      g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID,
                   /* Translators: %s is the session title, then the reason */
                   _("The session “%s” has a repeat rule that cannot be used: %s"),
                   title, local_error->message);
      return FALSE;
    }

  if (!bmb_recurrence_check_frequency (rrule, start_local, &local_error))
    {
      g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID,
                   /* Translators: %s is the session title, then the reason */
                   _("The session “%s” has a repeat rule that cannot be used: %s"),
                   title, local_error->message);
      return FALSE;
    }

  for (guint i = 0; exdates[i] != NULL; i++)
    {
      if (!bmb_local_time_is_valid (exdates[i]))
        {
          g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID,
                       /* Translators: %s is the session title */
                       _("The session “%s” has an invalid excluded date."), title);
          return FALSE;
        }
    }

  return TRUE;
}
