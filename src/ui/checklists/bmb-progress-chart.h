/* bmb-progress-chart.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* One completed assessment on the chart. */
typedef struct
{
  gint64 time;   /* when it was taken, Unix seconds */
  double score;  /* 0.0 – 1.0 */
} BmbProgressPoint;

#define BMB_TYPE_PROGRESS_CHART (bmb_progress_chart_get_type ())

G_DECLARE_FINAL_TYPE (BmbProgressChart, bmb_progress_chart, BMB, PROGRESS_CHART, GtkWidget)

GtkWidget  *bmb_progress_chart_new             (void);
/* Copies @points; they need not be sorted. */
void        bmb_progress_chart_set_points      (BmbProgressChart       *self,
                                                const BmbProgressPoint *points,
                                                guint                   n_points);
guint       bmb_progress_chart_get_n_points    (BmbProgressChart       *self);
/* The text alternative, also set as the accessible description. */
const char *bmb_progress_chart_get_description (BmbProgressChart       *self);

G_END_DECLS
