/* bmb-clock.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The wall clock the reminder scheduler reads. The default clock is the real
 * one (g_get_real_time ()); tests use a manual clock they set or advance,
 * which emits ::jumped so that whoever computed timers from it re-arms.
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define BMB_TYPE_CLOCK (bmb_clock_get_type ())

G_DECLARE_FINAL_TYPE (BmbClock, bmb_clock, BMB, CLOCK, GObject)

/* The real wall clock. */
BmbClock *bmb_clock_new           (void);
/* A clock that stands still at @now (Unix seconds) until told otherwise. */
BmbClock *bmb_clock_new_manual    (gint64    now);
gboolean  bmb_clock_is_manual     (BmbClock *self);
/* Unix seconds. */
gint64    bmb_clock_get_now       (BmbClock *self);
/* Unix microseconds (the real clock: g_get_real_time ()). */
gint64    bmb_clock_get_now_usec  (BmbClock *self);
/* Manual clocks only: move to @now (Unix seconds) or by @seconds; both emit
 * ::jumped. */
void      bmb_clock_set_now       (BmbClock *self,
                                   gint64    now);
void      bmb_clock_advance       (BmbClock *self,
                                   gint64    seconds);

G_END_DECLS
