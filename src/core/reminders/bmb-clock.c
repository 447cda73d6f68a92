/* bmb-clock.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-clock"

#include "config.h"

#include "bmb-clock.h"

struct _BmbClock
{
  GObject parent_instance;

  /* state */
  gboolean manual;
  gint64   now_usec; /* manual clocks only */
};

G_DEFINE_FINAL_TYPE (BmbClock, bmb_clock, G_TYPE_OBJECT)

enum {
  JUMPED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
bmb_clock_class_init (BmbClockClass *klass)
{
  /**
   * BmbClock::jumped:
   *
   * A manual clock was set or advanced: timers computed from it are stale.
   */
  signals[JUMPED] =
    g_signal_new ("jumped",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
bmb_clock_init (BmbClock *self)
{
}

BmbClock *
bmb_clock_new (void)
{
  return g_object_new (BMB_TYPE_CLOCK, NULL);
}

BmbClock *
bmb_clock_new_manual (gint64 now)
{
  BmbClock *self = g_object_new (BMB_TYPE_CLOCK, NULL);

  self->manual = TRUE;
  self->now_usec = now * G_USEC_PER_SEC;

  return self;
}

gboolean
bmb_clock_is_manual (BmbClock *self)
{
  g_return_val_if_fail (BMB_IS_CLOCK (self), FALSE);

  return self->manual;
}

gint64
bmb_clock_get_now_usec (BmbClock *self)
{
  g_return_val_if_fail (BMB_IS_CLOCK (self), 0);

  return self->manual ? self->now_usec : g_get_real_time ();
}

gint64
bmb_clock_get_now (BmbClock *self)
{
  g_return_val_if_fail (BMB_IS_CLOCK (self), 0);

  return bmb_clock_get_now_usec (self) / G_USEC_PER_SEC;
}

void
bmb_clock_set_now (BmbClock *self,
                   gint64    now)
{
  g_return_if_fail (BMB_IS_CLOCK (self));
  g_return_if_fail (self->manual);

  self->now_usec = now * G_USEC_PER_SEC;
  g_signal_emit (self, signals[JUMPED], 0);
}

void
bmb_clock_advance (BmbClock *self,
                   gint64    seconds)
{
  g_return_if_fail (BMB_IS_CLOCK (self));
  g_return_if_fail (self->manual);

  bmb_clock_set_now (self, self->now_usec / G_USEC_PER_SEC + seconds);
}
