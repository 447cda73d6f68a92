/* bmb-system-monitor.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tells the scheduler when wall-clock timers may have gone stale: after
 * resume from suspend (logind PrepareForSleep(false) on the system bus) and
 * after a time-zone change (/etc/localtime, $TZ, org.freedesktop.timedate1).
 * Works without a system bus (then only the file monitor remains).
 *
 * Signals:
 *   ::resumed           the machine woke up.
 *   ::timezone-changed  the local time zone changed (already refreshed).
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define BMB_TYPE_SYSTEM_MONITOR (bmb_system_monitor_get_type ())

G_DECLARE_FINAL_TYPE (BmbSystemMonitor, bmb_system_monitor, BMB, SYSTEM_MONITOR, GObject)

BmbSystemMonitor *bmb_system_monitor_new              (void);
/* Re-reads $TZ (which cannot be watched) and emits ::timezone-changed if it
 * differs from last time. */
void              bmb_system_monitor_check_tz         (BmbSystemMonitor *self);
/* The current local zone, refreshed after every change. */
GTimeZone        *bmb_system_monitor_ref_local_zone   (BmbSystemMonitor *self);
/* For tests: behave as if the machine had just resumed / the zone changed. */
void              bmb_system_monitor_emit_resumed     (BmbSystemMonitor *self);
void              bmb_system_monitor_emit_tz_changed  (BmbSystemMonitor *self);

G_END_DECLS
