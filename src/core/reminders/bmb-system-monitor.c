/* bmb-system-monitor.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GLib keeps its own cached idea of the local zone and never notices a new
 * /etc/localtime, so the zone is resolved here by identifier (from $TZ, the
 * /etc/localtime link or /etc/timezone) and loaded fresh after each change.
 */

#define G_LOG_DOMAIN "bmb-system-monitor"

#include "config.h"

#include <string.h>

#include "bmb-system-monitor.h"

#define LOCALTIME_PATH     "/etc/localtime"
#define TIMEZONE_PATH      "/etc/timezone"
#define LOGIN1_NAME        "org.freedesktop.login1"
#define LOGIN1_PATH        "/org/freedesktop/login1"
#define LOGIN1_MANAGER     "org.freedesktop.login1.Manager"
#define TIMEDATE1_NAME     "org.freedesktop.timedate1"
#define TIMEDATE1_PATH     "/org/freedesktop/timedate1"
/* A replaced symlink comes as several events: settle before looking. */
#define SETTLE_MSEC        250

struct _BmbSystemMonitor
{
  GObject parent_instance;

  /* owned */
  GCancellable    *cancellable;
  GDBusConnection *system_bus;
  GFileMonitor    *localtime_monitor;
  GTimeZone       *local_zone;
  char            *zone_id;      /* what local_zone was resolved from */
  char            *tz_env;       /* $TZ when last looked */

  /* state */
  guint            sleep_subscription;
  guint            timedate_subscription;
  guint            settle_id;
};

G_DEFINE_FINAL_TYPE (BmbSystemMonitor, bmb_system_monitor, G_TYPE_OBJECT)

enum {
  RESUMED,
  TIMEZONE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
resolve_zone_id (void)
{
  const char *tz = g_getenv ("TZ");
  g_autofree char *target = NULL;
  g_autofree char *contents = NULL;
  const char *zoneinfo;

  if (tz != NULL && *tz != '\0')
    return g_strdup (tz[0] == ':' ? tz + 1 : tz);

  target = g_file_read_link (LOCALTIME_PATH, NULL);
  if (target != NULL && (zoneinfo = strstr (target, "zoneinfo/")) != NULL)
    return g_strdup (zoneinfo + strlen ("zoneinfo/"));

  if (g_file_get_contents (TIMEZONE_PATH, &contents, NULL, NULL))
    {
      g_strstrip (contents);
      if (*contents != '\0')
        return g_steal_pointer (&contents);
    }

  return NULL;
}

/* Returns TRUE if the zone differs from what we had. */
static gboolean
refresh_zone (BmbSystemMonitor *self)
{
  g_autofree char *zone_id = resolve_zone_id ();
  GTimeZone *zone = NULL;
  gboolean changed;

  g_free (self->tz_env);
  self->tz_env = g_strdup (g_getenv ("TZ"));

  if (zone_id != NULL)
    zone = g_time_zone_new_identifier (zone_id);
  if (zone == NULL)
    zone = g_time_zone_new_local ();

  changed = self->local_zone == NULL || g_strcmp0 (zone_id, self->zone_id) != 0;

  g_clear_pointer (&self->local_zone, g_time_zone_unref);
  self->local_zone = zone;
  g_free (self->zone_id);
  self->zone_id = g_steal_pointer (&zone_id);

  return changed;
}

static void
zone_maybe_changed (BmbSystemMonitor *self,
                    const char       *why)
{
  if (refresh_zone (self))
    {
      g_debug ("Local time zone is now %s (%s)", self->zone_id ? self->zone_id : "?", why);
      g_signal_emit (self, signals[TIMEZONE_CHANGED], 0);
    }
}

static gboolean
on_settle_timeout_cb (gpointer user_data)
{
  BmbSystemMonitor *self = user_data;

  self->settle_id = 0;
  zone_maybe_changed (self, LOCALTIME_PATH);

  return G_SOURCE_REMOVE;
}

static void
on_localtime_monitor_changed_cb (BmbSystemMonitor  *self,
                                 GFile             *file,
                                 GFile             *other_file,
                                 GFileMonitorEvent  event,
                                 GFileMonitor      *monitor)
{
  g_clear_handle_id (&self->settle_id, g_source_remove);
  self->settle_id = g_timeout_add (SETTLE_MSEC, on_settle_timeout_cb, self);
  g_source_set_name_by_id (self->settle_id, "[bimbing] localtime settle");
}

static void
on_prepare_for_sleep_cb (GDBusConnection *connection,
                         const char      *sender_name,
                         const char      *object_path,
                         const char      *interface_name,
                         const char      *signal_name,
                         GVariant        *parameters,
                         gpointer         user_data)
{
  BmbSystemMonitor *self = user_data;
  gboolean going_to_sleep = FALSE;

  if (!g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(b)")))
    return;

  g_variant_get (parameters, "(b)", &going_to_sleep);
  if (!going_to_sleep)
    {
      g_debug ("Resumed from suspend");
      g_signal_emit (self, signals[RESUMED], 0);
    }
}

static void
on_timedate_properties_changed_cb (GDBusConnection *connection,
                                   const char      *sender_name,
                                   const char      *object_path,
                                   const char      *interface_name,
                                   const char      *signal_name,
                                   GVariant        *parameters,
                                   gpointer         user_data)
{
  BmbSystemMonitor *self = user_data;

  /* The link may be rewritten just after the signal; the file monitor
   * catches that too, this only makes sure we look. */
  zone_maybe_changed (self, TIMEDATE1_NAME);
}

static void
on_system_bus_ready_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(BmbSystemMonitor) self = user_data;
  g_autoptr(GError) error = NULL;
  GDBusConnection *bus;

  bus = g_bus_get_finish (result, &error);
  if (bus == NULL)
    {
      /* Containers, CI and some sandboxes have no system bus: then only
       * the file monitor and the scheduler's own checks remain. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No system bus, not watching suspend and timedated: %s", error->message);
      return;
    }

  self->system_bus = bus;
  self->sleep_subscription =
    g_dbus_connection_signal_subscribe (bus, LOGIN1_NAME, LOGIN1_MANAGER, "PrepareForSleep",
                                        LOGIN1_PATH, NULL, G_DBUS_SIGNAL_FLAGS_NONE,
                                        on_prepare_for_sleep_cb, self, NULL);
  self->timedate_subscription =
    g_dbus_connection_signal_subscribe (bus, TIMEDATE1_NAME, "org.freedesktop.DBus.Properties",
                                        "PropertiesChanged", TIMEDATE1_PATH, TIMEDATE1_NAME,
                                        G_DBUS_SIGNAL_FLAGS_NONE,
                                        on_timedate_properties_changed_cb, self, NULL);
}

static void
bmb_system_monitor_dispose (GObject *object)
{
  BmbSystemMonitor *self = (BmbSystemMonitor *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->settle_id, g_source_remove);

  if (self->system_bus != NULL)
    {
      if (self->sleep_subscription != 0)
        g_dbus_connection_signal_unsubscribe (self->system_bus, self->sleep_subscription);
      if (self->timedate_subscription != 0)
        g_dbus_connection_signal_unsubscribe (self->system_bus, self->timedate_subscription);
      self->sleep_subscription = 0;
      self->timedate_subscription = 0;
    }
  g_clear_object (&self->system_bus);

  if (self->localtime_monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->localtime_monitor, self);
      g_file_monitor_cancel (self->localtime_monitor);
      g_clear_object (&self->localtime_monitor);
    }

  G_OBJECT_CLASS (bmb_system_monitor_parent_class)->dispose (object);
}

static void
bmb_system_monitor_finalize (GObject *object)
{
  BmbSystemMonitor *self = (BmbSystemMonitor *)object;

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->local_zone, g_time_zone_unref);
  g_clear_pointer (&self->zone_id, g_free);
  g_clear_pointer (&self->tz_env, g_free);

  G_OBJECT_CLASS (bmb_system_monitor_parent_class)->finalize (object);
}

static void
bmb_system_monitor_class_init (BmbSystemMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bmb_system_monitor_dispose;
  object_class->finalize = bmb_system_monitor_finalize;

  signals[RESUMED] =
    g_signal_new ("resumed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  signals[TIMEZONE_CHANGED] =
    g_signal_new ("timezone-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
bmb_system_monitor_init (BmbSystemMonitor *self)
{
  g_autoptr(GFile) localtime = g_file_new_for_path (LOCALTIME_PATH);
  g_autoptr(GError) error = NULL;

  self->cancellable = g_cancellable_new ();
  refresh_zone (self);

  self->localtime_monitor = g_file_monitor_file (localtime, G_FILE_MONITOR_WATCH_MOVES,
                                                 self->cancellable, &error);
  if (self->localtime_monitor != NULL)
    g_signal_connect_swapped (self->localtime_monitor, "changed",
                              G_CALLBACK (on_localtime_monitor_changed_cb), self);
  else
    g_debug ("Not watching %s: %s", LOCALTIME_PATH, error->message);

  g_bus_get (G_BUS_TYPE_SYSTEM, self->cancellable, on_system_bus_ready_cb,
             g_object_ref (self));
}

BmbSystemMonitor *
bmb_system_monitor_new (void)
{
  return g_object_new (BMB_TYPE_SYSTEM_MONITOR, NULL);
}

void
bmb_system_monitor_check_tz (BmbSystemMonitor *self)
{
  g_return_if_fail (BMB_IS_SYSTEM_MONITOR (self));

  if (g_strcmp0 (self->tz_env, g_getenv ("TZ")) != 0)
    zone_maybe_changed (self, "TZ");
}

GTimeZone *
bmb_system_monitor_ref_local_zone (BmbSystemMonitor *self)
{
  g_return_val_if_fail (BMB_IS_SYSTEM_MONITOR (self), NULL);

  return g_time_zone_ref (self->local_zone);
}

void
bmb_system_monitor_emit_resumed (BmbSystemMonitor *self)
{
  g_return_if_fail (BMB_IS_SYSTEM_MONITOR (self));

  g_signal_emit (self, signals[RESUMED], 0);
}

void
bmb_system_monitor_emit_tz_changed (BmbSystemMonitor *self)
{
  g_return_if_fail (BMB_IS_SYSTEM_MONITOR (self));

  refresh_zone (self);
  g_signal_emit (self, signals[TIMEZONE_CHANGED], 0);
}
