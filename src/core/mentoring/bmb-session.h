/* bmb-session.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A mentoring session, or a series of them: wall-clock start in an IANA
 * zone, duration, an optional RFC 5545 RRULE with EXDATEs, reminder offsets
 * (minutes before the start) and an ordered agenda.
 */

#pragma once

#include <gio/gio.h>

#include "bmb-local-time.h"

G_BEGIN_DECLS

typedef enum
{
  BMB_SESSION_STATUS_PLANNED,
  BMB_SESSION_STATUS_DONE,
  BMB_SESSION_STATUS_CANCELLED,
} BmbSessionStatus;

#define BMB_TYPE_SESSION_STATUS (bmb_session_status_get_type ())
#define BMB_TYPE_AGENDA_ITEM    (bmb_agenda_item_get_type ())
#define BMB_TYPE_SESSION        (bmb_session_get_type ())

GType        bmb_session_status_get_type     (void) G_GNUC_CONST;
const char  *bmb_session_status_to_string    (BmbSessionStatus  status);
gboolean     bmb_session_status_from_string  (const char       *str,
                                              BmbSessionStatus *status);
/* Translated: "Planned", "Done", "Cancelled". */
const char  *bmb_session_status_get_label    (BmbSessionStatus  status);

/* ---- BmbAgendaItem: one point to talk about ----------------------------- */

G_DECLARE_FINAL_TYPE (BmbAgendaItem, bmb_agenda_item, BMB, AGENDA_ITEM, GObject)

/* Properties: id (read-only, 0 until saved), text, done. */
BmbAgendaItem *bmb_agenda_item_new      (const char    *text);
gint64         bmb_agenda_item_get_id   (BmbAgendaItem *self);
const char    *bmb_agenda_item_get_text (BmbAgendaItem *self);
void           bmb_agenda_item_set_text (BmbAgendaItem *self,
                                         const char    *text);
gboolean       bmb_agenda_item_get_done (BmbAgendaItem *self);
void           bmb_agenda_item_set_done (BmbAgendaItem *self,
                                         gboolean       done);

/* ---- BmbSession ---------------------------------------------------------- */

G_DECLARE_FINAL_TYPE (BmbSession, bmb_session, BMB, SESSION, GObject)

/* Properties (G_PARAM_EXPLICIT_NOTIFY): id (read-only), uid,
 * relationship-id (0: none), title, start-local ("YYYY-MM-DDTHH:MM:SS"),
 * tzid (IANA), duration-min, location, notes, rrule (NULL: once),
 * exdates (GStrv of local starts), reminders (GArray of int minutes,
 * sorted ascending, no duplicates), status, agenda (GListModel of
 * BmbAgendaItem, read-only; the list itself is editable through the API
 * below), created-at, updated-at (read-only). */

BmbSession       *bmb_session_new                   (void);

gint64            bmb_session_get_id                (BmbSession        *self);
const char       *bmb_session_get_uid               (BmbSession        *self);
void              bmb_session_set_uid               (BmbSession        *self,
                                                     const char        *uid);
gint64            bmb_session_get_relationship_id   (BmbSession        *self);
void              bmb_session_set_relationship_id   (BmbSession        *self,
                                                     gint64             relationship_id);
const char       *bmb_session_get_title             (BmbSession        *self);
void              bmb_session_set_title             (BmbSession        *self,
                                                     const char        *title);
const char       *bmb_session_get_start_local       (BmbSession        *self);
void              bmb_session_set_start_local       (BmbSession        *self,
                                                     const char        *start_local);
const char       *bmb_session_get_tzid              (BmbSession        *self);
void              bmb_session_set_tzid              (BmbSession        *self,
                                                     const char        *tzid);
int               bmb_session_get_duration_min      (BmbSession        *self);
void              bmb_session_set_duration_min      (BmbSession        *self,
                                                     int                minutes);
const char       *bmb_session_get_location          (BmbSession        *self);
void              bmb_session_set_location          (BmbSession        *self,
                                                     const char        *location);
const char       *bmb_session_get_notes             (BmbSession        *self);
void              bmb_session_set_notes             (BmbSession        *self,
                                                     const char        *notes);
const char       *bmb_session_get_rrule             (BmbSession        *self);
void              bmb_session_set_rrule             (BmbSession        *self,
                                                     const char        *rrule);
const char * const *bmb_session_get_exdates         (BmbSession        *self);
void              bmb_session_set_exdates           (BmbSession        *self,
                                                     const char * const *exdates);
void              bmb_session_add_exdate            (BmbSession        *self,
                                                     const char        *local_start);
GArray           *bmb_session_get_reminders         (BmbSession        *self);
void              bmb_session_set_reminders         (BmbSession        *self,
                                                     const int         *offsets,
                                                     guint              n_offsets);
BmbSessionStatus  bmb_session_get_status            (BmbSession        *self);
void              bmb_session_set_status            (BmbSession        *self,
                                                     BmbSessionStatus   status);
gint64            bmb_session_get_created_at        (BmbSession        *self);
gint64            bmb_session_get_updated_at        (BmbSession        *self);

/* The agenda, in order. */
GListModel       *bmb_session_get_agenda            (BmbSession        *self);
BmbAgendaItem    *bmb_session_append_agenda_item    (BmbSession        *self,
                                                     const char        *text);
void              bmb_session_remove_agenda_item    (BmbSession        *self,
                                                     guint              position);
void              bmb_session_move_agenda_item      (BmbSession        *self,
                                                     guint              from,
                                                     guint              to);

gboolean          bmb_session_is_recurring          (BmbSession        *self);
/* The zone of tzid (UTC when it is not known). */
GTimeZone        *bmb_session_dup_zone              (BmbSession        *self);
/* The first start as a GDateTime in the session's zone, NULL if unset. */
GDateTime        *bmb_session_dup_start             (BmbSession        *self);
/* Sets start_local and tzid from @start (its zone must be an IANA zone,
 * pass @tzid explicitly). */
void              bmb_session_set_start             (BmbSession        *self,
                                                     GDateTime         *start,
                                                     const char        *tzid);
/* Checks what the store would refuse (empty title, bad time or zone,
 * unparsable RRULE, duration out of range); translated message. */
gboolean          bmb_session_validate              (BmbSession        *self,
                                                     GError           **error);


G_END_DECLS
