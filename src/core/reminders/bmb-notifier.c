/* bmb-notifier.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The only file that includes libnotify. Before every notification the
 * server is looked up on the session bus with short timeouts, because
 * libnotify's own calls wait up to 25 s for a server that is not there.
 */

#define G_LOG_DOMAIN "bmb-notifier"

#include "config.h"

#include <glib/gi18n.h>
#include <libnotify/notify.h>

#include "bmb-local-time.h"
#include "bmb-notifier.h"

#define NOTIFICATIONS_NAME  "org.freedesktop.Notifications"
#define PORTAL_NAME         "org.freedesktop.portal.Desktop"
#define CHECK_TIMEOUT_MSEC  2000
#define SUMMARY_KEY         "summary"
/* Closer than this to the start, a session is "now". */
#define NOW_SLACK_SEC       30

struct _BmbNotifier
{
  GObject parent_instance;

  /* owned */
  GHashTable *shown;       /* key → NotifyNotification, until ::closed */
  GTimeZone  *zone;

  /* state */
  gboolean    warned;      /* the "no server" warning was logged */
  gboolean    checked_caps;
  gboolean    body_markup;
  guint       session_snooze_min;
};

G_DEFINE_FINAL_TYPE (BmbNotifier, bmb_notifier, G_TYPE_OBJECT)

G_DEFINE_QUARK (bmb-notifier-error-quark, bmb_notifier_error)

enum {
  OPEN,
  SNOOZE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What an action needs once the user presses it. */
typedef struct
{
  GWeakRef     notifier;
  BmbReminder *reminder; /* NULL for the summary */
} ActionData;

static ActionData *
action_data_new (BmbNotifier *self,
                 BmbReminder *reminder)
{
  ActionData *data = g_new0 (ActionData, 1);

  g_weak_ref_init (&data->notifier, self);
  data->reminder = reminder ? bmb_reminder_ref (reminder) : NULL;

  return data;
}

static void
action_data_free (gpointer user_data)
{
  ActionData *data = user_data;

  g_weak_ref_clear (&data->notifier);
  g_clear_pointer (&data->reminder, bmb_reminder_unref);
  g_free (data);
}

static gboolean
is_sandboxed (void)
{
  return g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS);
}

static gboolean
has_session_bus_address (void)
{
  const char *runtime_dir = g_get_user_runtime_dir ();
  g_autofree char *bus_socket = NULL;

  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") != NULL)
    return TRUE;

  /* Without the variable GDBus looks for $XDG_RUNTIME_DIR/bus, then would
   * try to autolaunch a new bus: never that. */
  bus_socket = g_build_filename (runtime_dir, "bus", NULL);
  return g_file_test (bus_socket, G_FILE_TEST_EXISTS);
}

static gboolean
call_bool (GDBusConnection  *bus,
           const char       *method,
           GVariant         *parameters,
           const char       *reply_type,
           GVariant        **reply,
           GError          **error)
{
  *reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                        "org.freedesktop.DBus", method, parameters,
                                        G_VARIANT_TYPE (reply_type),
                                        G_DBUS_CALL_FLAGS_NO_AUTO_START,
                                        CHECK_TIMEOUT_MSEC, NULL, error);
  return *reply != NULL;
}

static gboolean
find_server (const char  *name,
             GError     **error)
{
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean has_owner = FALSE;

  if (!has_session_bus_address ())
    {
      g_set_error (error, BMB_NOTIFIER_ERROR, BMB_NOTIFIER_ERROR_NO_BUS,
                   _("Reminders cannot be shown as notifications: there is no session bus."));
      return FALSE;
    }

  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &local_error);
  if (bus == NULL)
    {
      g_set_error (error, BMB_NOTIFIER_ERROR, BMB_NOTIFIER_ERROR_NO_BUS,
                   _("Reminders cannot be shown as notifications: could not connect to the "
                     "session bus (%s)."), local_error->message);
      return FALSE;
    }

  if (!call_bool (bus, "NameHasOwner", g_variant_new ("(s)", name), "(b)", &reply, &local_error))
    {
      g_set_error (error, BMB_NOTIFIER_ERROR, BMB_NOTIFIER_ERROR_NO_SERVER,
                   _("Reminders cannot be shown as notifications: the session bus did not "
                     "answer (%s)."), local_error->message);
      return FALSE;
    }

  g_variant_get (reply, "(b)", &has_owner);
  if (has_owner)
    return TRUE;

  /* Not running, but maybe activatable: start it now, within the bound, so
   * libnotify never waits on a slow activation. */
  g_clear_pointer (&reply, g_variant_unref);
  if (call_bool (bus, "StartServiceByName", g_variant_new ("(su)", name, 0), "(u)",
                 &reply, &local_error))
    return TRUE;

  g_debug ("Could not start %s: %s", name, local_error->message);
  g_set_error (error, BMB_NOTIFIER_ERROR, BMB_NOTIFIER_ERROR_NO_SERVER,
               _("Reminders cannot be shown as notifications: no notification service is "
                 "running (%s)."), name);
  return FALSE;
}

static const char *
time_format (GDateTime *dt)
{
  g_autofree char *am_pm = g_date_time_format (dt, "%p");

  /* The locale's 12- or 24-hour habit, without seconds. */
  return (am_pm != NULL && *am_pm != '\0') ? "%-l:%M %p" : "%H:%M";
}

static char *
format_local_time (gint64     unix_time,
                   GTimeZone *zone,
                   gboolean   with_date)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *time = NULL;
  g_autofree char *date = NULL;

  if (utc == NULL)
    return NULL;

  dt = zone ? g_date_time_to_timezone (utc, zone) : bmb_date_time_to_local (utc);
  time = g_date_time_format (dt, time_format (dt));
  if (time != NULL)
    g_strstrip (time);

  if (!with_date)
    return g_steal_pointer (&time);

  date = g_date_time_format (dt, "%x");
  /* Translators: a date and a time, e.g. "03/06/2026, 14:30". */
  return g_strdup_printf (C_("date and time", "%s, %s"), date, time);
}

static char *
format_local_date (gint64     unix_time,
                   GTimeZone *zone)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);
  g_autoptr(GDateTime) dt = NULL;

  if (utc == NULL)
    return NULL;

  dt = zone ? g_date_time_to_timezone (utc, zone) : bmb_date_time_to_local (utc);
  return g_date_time_format (dt, "%x");
}

static gboolean
same_local_day (gint64     a,
                gint64     b,
                GTimeZone *zone)
{
  g_autoptr(GDateTime) ua = g_date_time_new_from_unix_utc (a);
  g_autoptr(GDateTime) ub = g_date_time_new_from_unix_utc (b);
  g_autoptr(GDateTime) da = NULL;
  g_autoptr(GDateTime) db = NULL;

  if (ua == NULL || ub == NULL)
    return FALSE;

  da = zone ? g_date_time_to_timezone (ua, zone) : bmb_date_time_to_local (ua);
  db = zone ? g_date_time_to_timezone (ub, zone) : bmb_date_time_to_local (ub);

  return g_date_time_get_year (da) == g_date_time_get_year (db) &&
         g_date_time_get_day_of_year (da) == g_date_time_get_day_of_year (db);
}

static char *
format_session_title (gint64 seconds_left)
{
  gint64 minutes;

  if (seconds_left <= NOW_SLACK_SEC)
    return g_strdup (_("Mentoring session now"));

  minutes = (seconds_left + 30) / 60;
  if (minutes < 60 || (minutes < 120 && minutes % 60 != 0))
    return g_strdup_printf (ngettext ("Mentoring session in %d minute",
                                      "Mentoring session in %d minutes",
                                      (gulong)minutes),
                            (int)minutes);

  if (minutes < 24 * 60)
    {
      int hours = (int)((minutes + 30) / 60);

      return g_strdup_printf (ngettext ("Mentoring session in %d hour",
                                        "Mentoring session in %d hours",
                                        hours),
                              hours);
    }
  else
    {
      int days = (int)((minutes + 12 * 60) / (24 * 60));

      return g_strdup_printf (ngettext ("Mentoring session in %d day",
                                        "Mentoring session in %d days",
                                        days),
                              days);
    }
}

static void
on_notification_closed_cb (NotifyNotification *notification,
                           gpointer            user_data)
{
  BmbNotifier *self = user_data;
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->shown);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      if (value == notification)
        {
          g_signal_handlers_disconnect_by_data (notification, self);
          g_hash_table_iter_remove (&iter);
          break;
        }
    }
}

static void
on_action_open_cb (NotifyNotification *notification,
                   char               *action,
                   gpointer            user_data)
{
  ActionData *data = user_data;
  g_autoptr(BmbNotifier) self = g_weak_ref_get (&data->notifier);

  if (self == NULL)
    return;

  if (data->reminder != NULL)
    g_signal_emit (self, signals[OPEN], 0,
                   data->reminder->kind, data->reminder->item_id, data->reminder->occurrence);
  else
    g_signal_emit (self, signals[OPEN], 0, BMB_REMINDER_KIND_NONE, (gint64)0, NULL);
}

static void
on_action_snooze_cb (NotifyNotification *notification,
                     char               *action,
                     gpointer            user_data)
{
  ActionData *data = user_data;
  g_autoptr(BmbNotifier) self = g_weak_ref_get (&data->notifier);

  if (self == NULL || data->reminder == NULL)
    return;

  g_signal_emit (self, signals[SNOOZE], 0,
                 data->reminder,
                 data->reminder->kind == BMB_REMINDER_KIND_SESSION
                   ? (int)self->session_snooze_min
                   : bmb_notifier_get_snooze_minutes (data->reminder));
}

static char *
escape_body (BmbNotifier *self,
             char        *body)
{
  if (!self->checked_caps)
    {
      GList *caps = notify_get_server_caps ();

      self->body_markup = g_list_find_custom (caps, "body-markup",
                                              (GCompareFunc)g_strcmp0) != NULL;
      self->checked_caps = TRUE;
      g_list_free_full (caps, g_free);
    }

  if (self->body_markup)
    {
      char *escaped = g_markup_escape_text (body, -1);

      g_free (body);
      return escaped;
    }

  return body;
}

static NotifyNotification *
prepare_notification (BmbNotifier *self,
                      const char  *key,
                      const char  *title,
                      const char  *body)
{
  NotifyNotification *notification = g_hash_table_lookup (self->shown, key);

  if (notification != NULL)
    {
      /* Same reminder again: update in place, the server replaces it. */
      notify_notification_update (notification, title, body, APP_ID);
      notify_notification_clear_actions (notification);
      return notification;
    }

  notification = notify_notification_new (title, body, APP_ID);
  notify_notification_set_hint (notification, "desktop-entry", g_variant_new_string (APP_ID));
  g_signal_connect (notification, "closed", G_CALLBACK (on_notification_closed_cb), self);
  g_hash_table_insert (self->shown, g_strdup (key), notification);

  return notification;
}

static gboolean
show_notification (BmbNotifier         *self,
                   const char          *key,
                   NotifyNotification  *notification,
                   const char          *what,
                   GError             **error)
{
  g_autoptr(GError) local_error = NULL;

  if (notify_notification_show (notification, &local_error))
    return TRUE;

  g_hash_table_remove (self->shown, key);
  g_set_error (error, BMB_NOTIFIER_ERROR, BMB_NOTIFIER_ERROR_FAILED,
               /* Translators: the first %s is what the reminder is about, the second the
                * reason the notification failed. */
               _("Could not show the reminder for “%s”: %s"), what, local_error->message);
  return FALSE;
}

static void
bmb_notifier_dispose (GObject *object)
{
  BmbNotifier *self = (BmbNotifier *)object;
  GHashTableIter iter;
  gpointer value;

  if (self->shown != NULL)
    {
      g_hash_table_iter_init (&iter, self->shown);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        g_signal_handlers_disconnect_by_data (value, self);
      g_hash_table_remove_all (self->shown);
    }

  G_OBJECT_CLASS (bmb_notifier_parent_class)->dispose (object);
}

static void
bmb_notifier_finalize (GObject *object)
{
  BmbNotifier *self = (BmbNotifier *)object;

  g_clear_pointer (&self->shown, g_hash_table_unref);
  g_clear_pointer (&self->zone, g_time_zone_unref);

  G_OBJECT_CLASS (bmb_notifier_parent_class)->finalize (object);
}

static void
bmb_notifier_class_init (BmbNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bmb_notifier_dispose;
  object_class->finalize = bmb_notifier_finalize;

  /**
   * BmbNotifier::open:
   * @kind: a BmbReminderKind, NONE for the summary
   * @item_id: the session, contact or goal id
   * @occurrence: (nullable): the occurrence key
   */
  signals[OPEN] =
    g_signal_new ("open",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_INT, G_TYPE_INT64, G_TYPE_STRING);

  /**
   * BmbNotifier::snooze:
   * @reminder: the reminder to show again
   * @minutes: how long to wait
   */
  signals[SNOOZE] =
    g_signal_new ("snooze",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, BMB_TYPE_REMINDER, G_TYPE_INT);
}

static void
bmb_notifier_init (BmbNotifier *self)
{
  self->shown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->session_snooze_min = BMB_NOTIFIER_SNOOZE_SESSION_MIN;

  if (!notify_is_initted ())
    notify_init (APP_ID);
}

BmbNotifier *
bmb_notifier_new (void)
{
  return g_object_new (BMB_TYPE_NOTIFIER, NULL);
}

void
bmb_notifier_set_time_zone (BmbNotifier *self,
                            GTimeZone   *zone)
{
  g_return_if_fail (BMB_IS_NOTIFIER (self));

  if (zone != NULL)
    g_time_zone_ref (zone);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  self->zone = zone;
}

gboolean
bmb_notifier_check_server (BmbNotifier  *self,
                           GError      **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (BMB_IS_NOTIFIER (self), FALSE);

  /* Inside Flatpak libnotify talks to the notification portal. */
  if (find_server (is_sandboxed () ? PORTAL_NAME : NOTIFICATIONS_NAME, &local_error))
    {
      self->warned = FALSE;
      return TRUE;
    }

  if (!self->warned)
    {
      g_warning ("No notification server, reminders are shown only inside Bimbing: %s",
                 local_error->message);
      self->warned = TRUE;
    }

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

gboolean
bmb_notifier_show_reminder (BmbNotifier  *self,
                            BmbReminder  *reminder,
                            gint64        now,
                            GError      **error)
{
  NotifyNotification *notification;
  g_autofree char *key = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  g_autofree char *snooze_label = NULL;
  const char *what;

  g_return_val_if_fail (BMB_IS_NOTIFIER (self), FALSE);
  g_return_val_if_fail (reminder != NULL, FALSE);

  if (!bmb_notifier_check_server (self, error))
    return FALSE;

  key = bmb_reminder_dup_key (reminder);
  title = bmb_notifier_format_title (reminder, now);
  body = escape_body (self, bmb_notifier_format_body (reminder, self->zone));
  what = reminder->title ? reminder->title : title;

  notification = prepare_notification (self, key, title, body);
  notify_notification_set_urgency (notification, NOTIFY_URGENCY_NORMAL);
  notify_notification_add_action (notification, "default", _("Open"),
                                  on_action_open_cb, action_data_new (self, reminder),
                                  action_data_free);
  notify_notification_add_action (notification, "open", _("Open"),
                                  on_action_open_cb, action_data_new (self, reminder),
                                  action_data_free);
  if (reminder->kind == BMB_REMINDER_KIND_SESSION)
    /* Translators: a notification button; the number is minutes (Preferences) */
    snooze_label = g_strdup_printf (ngettext ("Snooze %u min", "Snooze %u min", self->session_snooze_min),
                                    self->session_snooze_min);
  else
    snooze_label = g_strdup (_("Snooze 1 day"));
  notify_notification_add_action (notification, "snooze", snooze_label,
                                  on_action_snooze_cb, action_data_new (self, reminder),
                                  action_data_free);

  g_debug ("Showing reminder %s", key);

  return show_notification (self, key, notification, what, error);
}

gboolean
bmb_notifier_show_summary (BmbNotifier  *self,
                           guint         n_missed,
                           GError      **error)
{
  NotifyNotification *notification;
  g_autofree char *title = NULL;

  g_return_val_if_fail (BMB_IS_NOTIFIER (self), FALSE);
  g_return_val_if_fail (n_missed > 0, FALSE);

  if (!bmb_notifier_check_server (self, error))
    return FALSE;

  title = g_strdup_printf (ngettext ("You missed %u reminder while Bimbing was not running",
                                     "You missed %u reminders while Bimbing was not running",
                                     n_missed),
                           n_missed);
  notification = prepare_notification (self, SUMMARY_KEY, title,
                                       _("Open Bimbing to see your sessions, follow-ups "
                                         "and goals."));
  notify_notification_add_action (notification, "default", _("Open"),
                                  on_action_open_cb, action_data_new (self, NULL),
                                  action_data_free);

  return show_notification (self, SUMMARY_KEY, notification, title, error);
}

void
bmb_notifier_withdraw (BmbNotifier *self,
                       const char  *key)
{
  NotifyNotification *notification;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (BMB_IS_NOTIFIER (self));
  g_return_if_fail (key != NULL);

  notification = g_hash_table_lookup (self->shown, key);
  if (notification == NULL)
    return;

  if (!notify_notification_close (notification, &error))
    g_debug ("Could not close notification %s: %s", key, error->message);

  g_signal_handlers_disconnect_by_data (notification, self);
  g_hash_table_remove (self->shown, key);
}

guint
bmb_notifier_get_n_shown (BmbNotifier *self)
{
  g_return_val_if_fail (BMB_IS_NOTIFIER (self), 0);

  return g_hash_table_size (self->shown);
}

char *
bmb_notifier_format_title (const BmbReminder *reminder,
                           gint64             now)
{
  const char *title;

  g_return_val_if_fail (reminder != NULL, NULL);

  title = reminder->title ? reminder->title : "";

  if (reminder->kind == BMB_REMINDER_KIND_FOLLOW_UP)
    /* Translators: %s is a contact's name. */
    return g_strdup_printf (_("Time to follow up with %s"), title);

  if (reminder->kind == BMB_REMINDER_KIND_GOAL)
    /* Translators: %s is the title of a goal. */
    return g_strdup_printf (_("Goal due: %s"), title);

  return format_session_title (reminder->event_start - now);
}

char *
bmb_notifier_format_body (const BmbReminder *reminder,
                          GTimeZone         *zone)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *when = NULL;
  gboolean is_session;

  g_return_val_if_fail (reminder != NULL, NULL);

  is_session = reminder->kind == BMB_REMINDER_KIND_SESSION;

  if (is_session && reminder->title != NULL)
    g_ptr_array_add (lines, g_strdup (reminder->title));

  if (reminder->partner != NULL)
    /* Translators: %s is the other person in a mentoring relationship. */
    g_ptr_array_add (lines, g_strdup_printf (_("With %s"), reminder->partner));

  if (is_session)
    {
      when = format_local_time (reminder->event_start, zone,
                                !same_local_day (reminder->event_start, reminder->trigger_at,
                                                 zone));
      if (when != NULL)
        /* Translators: %s is a time (and maybe a date) a session starts. */
        g_ptr_array_add (lines, g_strdup_printf (_("Starts at %s"), when));
    }
  else if (reminder->kind == BMB_REMINDER_KIND_GOAL)
    {
      when = format_local_date (reminder->event_start, zone);
      if (when != NULL)
        /* Translators: %s is the date a goal is due. */
        g_ptr_array_add (lines, g_strdup_printf (_("Due %s"), when));
    }

  if (reminder->place != NULL)
    g_ptr_array_add (lines, g_strdup (reminder->place));

  if (reminder->detail != NULL)
    g_ptr_array_add (lines, g_strdup (reminder->detail));

  g_ptr_array_add (lines, NULL);

  return g_strjoinv ("\n", (char **)lines->pdata);
}

/**
 * bmb_notifier_set_session_snooze_minutes:
 *
 * How long a session reminder's Snooze puts it off (the context's "snooze-minutes",
 * Preferences); follow-ups and goals snooze for a day.
 */
void
bmb_notifier_set_session_snooze_minutes (BmbNotifier *self,
                                         guint        minutes)
{
  g_return_if_fail (BMB_IS_NOTIFIER (self));
  g_return_if_fail (minutes > 0);

  self->session_snooze_min = minutes;
}

guint
bmb_notifier_get_session_snooze_minutes (BmbNotifier *self)
{
  g_return_val_if_fail (BMB_IS_NOTIFIER (self), BMB_NOTIFIER_SNOOZE_SESSION_MIN);

  return self->session_snooze_min;
}

int
bmb_notifier_get_snooze_minutes (const BmbReminder *reminder)
{
  g_return_val_if_fail (reminder != NULL, 0);

  return reminder->kind == BMB_REMINDER_KIND_SESSION
    ? BMB_NOTIFIER_SNOOZE_SESSION_MIN
    : BMB_NOTIFIER_SNOOZE_DAY_MIN;
}
