/* bmb-notifier.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Desktop notifications for reminders. The only user of libnotify (which
 * goes through the notification portal inside Flatpak by itself). One
 * notification per reminder key: showing the same reminder again replaces
 * it. Notifications stay referenced until closed so their actions work.
 *
 * Signals:
 *   ::open   (int kind, gint64 item_id, const char *occurrence)
 *            the user clicked the notification or its "Open" button; kind is a
 *            BmbReminderKind, NONE (and occurrence NULL) for the missed-reminders
 *            summary.
 *   ::snooze (BmbReminder *reminder, int minutes)
 *            the user pressed "Snooze" (10 minutes for sessions, one day
 *            for follow-ups and goals). BmbReminderPresenter routes it to the scheduler.
 */

#pragma once

#include <gio/gio.h>

#include "bmb-reminder-source.h"

G_BEGIN_DECLS

#define BMB_NOTIFIER_ERROR (bmb_notifier_error_quark ())

typedef enum
{
  BMB_NOTIFIER_ERROR_NO_BUS,    /* no D-Bus session bus */
  BMB_NOTIFIER_ERROR_NO_SERVER, /* nobody owns org.freedesktop.Notifications */
  BMB_NOTIFIER_ERROR_FAILED,    /* the server refused or the call failed */
} BmbNotifierError;

/* Snooze lengths offered by the notification's "Snooze" button. */
#define BMB_NOTIFIER_SNOOZE_SESSION_MIN  10
#define BMB_NOTIFIER_SNOOZE_DAY_MIN      (24 * 60)

#define BMB_TYPE_NOTIFIER (bmb_notifier_get_type ())

G_DECLARE_FINAL_TYPE (BmbNotifier, bmb_notifier, BMB, NOTIFIER, GObject)

GQuark       bmb_notifier_error_quark      (void);
BmbNotifier *bmb_notifier_new              (void);
/* The zone times are shown in (default: local; BmbReminderPresenter keeps it in
 * step with time-zone changes). */
void         bmb_notifier_set_time_zone    (BmbNotifier        *self,
                                            GTimeZone          *zone);

/* Checks, with a bounded wait (2 s), that a notification server is there. */
gboolean     bmb_notifier_check_server     (BmbNotifier        *self,
                                            GError            **error);
/* Shows (or replaces) the notification for @reminder; @now (Unix seconds)
 * is used for the time left in the title. */
gboolean     bmb_notifier_show_reminder    (BmbNotifier        *self,
                                            BmbReminder        *reminder,
                                            gint64              now,
                                            GError            **error);
/* "You missed N reminders while Bimbing was not running". */
gboolean     bmb_notifier_show_summary     (BmbNotifier        *self,
                                            guint               n_missed,
                                            GError            **error);
/* Closes the notification shown for @key (bmb_reminder_dup_key), if any. */
void         bmb_notifier_withdraw         (BmbNotifier        *self,
                                            const char         *key);
/* Number of notifications currently held open (for tests). */
guint        bmb_notifier_get_n_shown      (BmbNotifier        *self);

/* The texts, exposed for tests and for in-app banners. */
char        *bmb_notifier_format_title     (const BmbReminder  *reminder,
                                            gint64              now);
char        *bmb_notifier_format_body      (const BmbReminder  *reminder,
                                            GTimeZone          *zone);
/* The defaults: BMB_NOTIFIER_SNOOZE_SESSION_MIN for a session, a day for the others. */
int          bmb_notifier_get_snooze_minutes (const BmbReminder *reminder);
void         bmb_notifier_set_session_snooze_minutes (BmbNotifier *self,
                                                      guint        minutes);
guint        bmb_notifier_get_session_snooze_minutes (BmbNotifier *self);

G_END_DECLS
