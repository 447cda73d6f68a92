/* bmb-progress.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bmb-progress.h"

struct _BmbProgress
{
  GObject parent_instance;

  double  fraction;
  guint   done;
  guint   total;
};

G_DEFINE_FINAL_TYPE (BmbProgress, bmb_progress, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FRACTION,
  PROP_DONE,
  PROP_TOTAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
bmb_progress_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  BmbProgress *self = BMB_PROGRESS (object);

  switch (prop_id)
    {
    case PROP_FRACTION:
      g_value_set_double (value, self->fraction);
      break;
    case PROP_DONE:
      g_value_set_uint (value, self->done);
      break;
    case PROP_TOTAL:
      g_value_set_uint (value, self->total);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_progress_class_init (BmbProgressClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = bmb_progress_get_property;

  properties[PROP_FRACTION] = g_param_spec_double ("fraction", NULL, NULL, 0, 1, 0, flags);
  properties[PROP_DONE] = g_param_spec_uint ("done", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_TOTAL] = g_param_spec_uint ("total", NULL, NULL, 0, G_MAXUINT, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BmbProgress::changed:
   *
   * Emitted once per report, after the properties changed.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
bmb_progress_init (BmbProgress *self)
{
}

BmbProgress *
bmb_progress_new (void)
{
  return g_object_new (BMB_TYPE_PROGRESS, NULL);
}

double
bmb_progress_get_fraction (BmbProgress *self)
{
  g_return_val_if_fail (BMB_IS_PROGRESS (self), 0);

  return self->fraction;
}

guint
bmb_progress_get_done (BmbProgress *self)
{
  g_return_val_if_fail (BMB_IS_PROGRESS (self), 0);

  return self->done;
}

guint
bmb_progress_get_total (BmbProgress *self)
{
  g_return_val_if_fail (BMB_IS_PROGRESS (self), 0);

  return self->total;
}

void
bmb_progress_update (BmbProgress *self,
                     double       fraction,
                     guint        done,
                     guint        total)
{
  g_return_if_fail (BMB_IS_PROGRESS (self));

  if (fraction < 0)
    fraction = total > 0 ? (double)done / total : 0;
  fraction = CLAMP (fraction, 0, 1);

  g_object_freeze_notify (G_OBJECT (self));
  if (self->fraction != fraction)
    {
      self->fraction = fraction;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
    }
  if (self->done != done)
    {
      self->done = done;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DONE]);
    }
  if (self->total != total)
    {
      self->total = total;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL]);
    }
  g_object_thaw_notify (G_OBJECT (self));

  g_signal_emit (self, signals[CHANGED], 0);
}
