/* bmb-reminder-source.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the reminder scheduler asks of each kind of remindable thing
 * (session occurrences, contact follow-ups, goal due dates). Sources only
 * compute; the scheduler decides, records what was delivered, and notifies.
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* What a reminder is about; stored (reminder_log, snoozes) and used in notification ids by
 * its nick: "session", "follow-up", "goal". NONE stands for no reminder (the summary). */
typedef enum
{
  BMB_REMINDER_KIND_NONE,
  BMB_REMINDER_KIND_SESSION,
  BMB_REMINDER_KIND_FOLLOW_UP,
  BMB_REMINDER_KIND_GOAL,
} BmbReminderKind;

const char *bmb_reminder_kind_to_string   (BmbReminderKind  kind);
gboolean    bmb_reminder_kind_from_string (const char      *text,
                                           BmbReminderKind *kind);

/* BmbReminder: one reminder instant of one item. Plain boxed value. */
typedef struct _BmbReminder BmbReminder;

struct _BmbReminder
{
  /*< public >*/
  BmbReminderKind kind;
  gint64  item_id;     /* session, contact or goal id */
  char   *occurrence;  /* stable key of the occurrence: session start in UTC as
                        * "YYYY-MM-DDTHH:MM:SSZ", or a due date "YYYY-MM-DD" */
  int     offset_min;  /* minutes before the event (0: at the time) */
  gint64  trigger_at;  /* when to notify, Unix seconds */
  gint64  event_start; /* when the thing itself happens, Unix seconds */
  gint64  event_end;   /* after this a missed reminder is stale, Unix seconds */
  char   *title;       /* what it is: session title, contact name, goal title */
  char   *partner;     /* who with (may be NULL) */
  char   *place;       /* place or video link (may be NULL) */
  char   *detail;      /* extra line, e.g. "last contact 3 weeks ago" (may be NULL) */

  /*< private >*/
  gatomicrefcount ref_count;
};

#define BMB_TYPE_REMINDER (bmb_reminder_get_type ())

GType        bmb_reminder_get_type (void) G_GNUC_CONST;
BmbReminder *bmb_reminder_new      (BmbReminderKind    kind,
                                    gint64             item_id,
                                    const char        *occurrence,
                                    int                offset_min,
                                    gint64             trigger_at);
BmbReminder *bmb_reminder_ref      (BmbReminder       *self);
void         bmb_reminder_unref    (BmbReminder       *self);
/* "kind:item_id:occurrence:offset", also the notification id. */
char        *bmb_reminder_dup_key  (const BmbReminder *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BmbReminder, bmb_reminder_unref)

#define BMB_TYPE_REMINDER_SOURCE (bmb_reminder_source_get_type ())

G_DECLARE_INTERFACE (BmbReminderSource, bmb_reminder_source, BMB, REMINDER_SOURCE, GObject)

struct _BmbReminderSourceInterface
{
  GTypeInterface parent_iface;

  /* Every reminder whose trigger_at lies in [from, to), Unix seconds, as a
   * new array of BmbReminder (free func set), in any order. Sources must
   * bound their own work to that window. */
  GPtrArray *(*list_reminders) (BmbReminderSource  *self,
                                gint64              from,
                                gint64              to,
                                GError            **error);
};

GPtrArray *bmb_reminder_source_list_reminders (BmbReminderSource  *self,
                                               gint64              from,
                                               gint64              to,
                                               GError            **error);

G_END_DECLS
