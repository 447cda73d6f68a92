/* bmb-progress-chart.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Scores over time: a light grid with percentage labels, the scores as a
 * line with a faint area under it, one dot per assessment and the dates
 * below. Colours come from the style (libadwaita's named colours), so the
 * chart follows the dark and high-contrast styles. The accessible
 * description says in one sentence what the chart shows.
 */

#define G_LOG_DOMAIN "bmb-progress-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bmb-format.h"
#include "bmb-local-time.h"
#include "bmb-progress-chart.h"

struct _BmbProgressChart
{
  GtkWidget  parent_instance;

  /* owned */
  GArray    *points;       /* BmbProgressPoint, sorted by time */
  char      *description;
};

G_DEFINE_FINAL_TYPE (BmbProgressChart, bmb_progress_chart, GTK_TYPE_WIDGET)

#define POINT_RADIUS   5.0
#define RING_WIDTH     2.0
#define LINE_WIDTH     2.5
#define LABEL_GAP      8.0
#define TOP_MARGIN     10.0
#define TOOLTIP_REACH  24.0
#define EDGE           4.0

typedef struct
{
  GdkRGBA fg;
  GdkRGBA dim;
  GdkRGBA grid;
  GdkRGBA axis;
  GdkRGBA accent;
  GdkRGBA area;
  GdkRGBA ring;
} ChartColors;

typedef struct
{
  double x0, x1;  /* plot area, widget coordinates */
  double y0, y1;  /* y0 is the top (100%), y1 the bottom (0%) */
} PlotArea;

static int
percent_of (double score)
{
  return (int) round (CLAMP (score, 0.0, 1.0) * 100.0);
}

static char *
format_percent (double score)
{
  return bmb_format_percent (percent_of (score));
}

/* Long dates for the description and tooltips: “3 March”, with the year
 * when it is not this year. */
static char *
format_long_date (gint64 time)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (time);
  g_autoptr(GDateTime) now = bmb_date_time_new_now_local ();

  if (g_date_time_get_year (dt) == g_date_time_get_year (now))
    return bmb_format_day_month (dt);

  return bmb_format_date (dt);
}

/* Short dates under the chart: “3 Mar”, or “3 Mar 25” when the points span
 * more than one year. */
static char *
format_axis_date (gint64   time,
                  gboolean with_year)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (time);

  return bmb_format_short_date (dt, with_year);
}

static const BmbProgressPoint *
point_at (BmbProgressChart *self,
          guint             i)
{
  return &g_array_index (self->points, BmbProgressPoint, i);
}

static char *
build_description (BmbProgressChart *self)
{
  const BmbProgressPoint *first, *last;
  g_autofree char *first_date = NULL;
  g_autofree char *last_date = NULL;
  g_autofree char *first_text = NULL;
  g_autofree char *last_text = NULL;
  int first_pct, last_pct;

  if (self->points->len == 0)
    return g_strdup (_("No completed assessments yet"));

  first = point_at (self, 0);
  last = point_at (self, self->points->len - 1);
  first_pct = percent_of (first->score);
  last_pct = percent_of (last->score);
  first_date = format_long_date (first->time);
  first_text = bmb_format_percent (first_pct);
  last_text = bmb_format_percent (last_pct);

  if (self->points->len == 1)
    /* Translators: the progress chart's text alternative; “Scored 40% on 3 March” */
    return g_strdup_printf (_("Scored %s on %s"), first_text, first_date);

  last_date = format_long_date (last->time);

  if (last_pct > first_pct)
    /* Translators: the progress chart's text alternative;
     * “Score rose from 40% on 3 March to 75% on 12 May” */
    return g_strdup_printf (_("Score rose from %s on %s to %s on %s"),
                            first_text, first_date, last_text, last_date);

  if (last_pct < first_pct)
    /* Translators: the progress chart's text alternative;
     * “Score fell from 75% on 3 March to 40% on 12 May” */
    return g_strdup_printf (_("Score fell from %s on %s to %s on %s"),
                            first_text, first_date, last_text, last_date);

  /* Translators: the progress chart's text alternative;
   * “Score stayed at 60% from 3 March to 12 May” */
  return g_strdup_printf (_("Score stayed at %s from %s to %s"),
                          first_text, first_date, last_date);
}

static void
update_description (BmbProgressChart *self)
{
  g_free (self->description);
  self->description = build_description (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description,
                                  -1);
}

static void
lookup_color (GtkStyleContext *context,
              const char      *name,
              const GdkRGBA   *fallback,
              GdkRGBA         *out)
{
  if (!gtk_style_context_lookup_color (context, name, out))
    *out = *fallback;
}

static void
get_colors (BmbProgressChart *self,
            ChartColors      *colors)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  GdkRGBA white = { 1.0, 1.0, 1.0, 1.0 };
  GdkRGBA card, window;

  gtk_style_context_get_color (context, &colors->fg);

  colors->dim = colors->fg;
  colors->dim.alpha *= 0.6;
  colors->grid = colors->fg;
  colors->grid.alpha *= 0.1;
  colors->axis = colors->fg;
  colors->axis.alpha *= 0.25;

  lookup_color (context, "accent_color", &colors->fg, &colors->accent);
  colors->area = colors->accent;
  colors->area.alpha *= 0.15;

  /* The chart sits in a card; a ring in the card's colour lifts the dots
   * off the line. The dark card colour is translucent over the window's. */
  lookup_color (context, "card_bg_color", &white, &card);
  lookup_color (context, "window_bg_color", &white, &window);
  colors->ring.red = card.red * card.alpha + window.red * (1.0 - card.alpha);
  colors->ring.green = card.green * card.alpha + window.green * (1.0 - card.alpha);
  colors->ring.blue = card.blue * card.alpha + window.blue * (1.0 - card.alpha);
  colors->ring.alpha = 1.0;
}

static PangoLayout *
create_label (BmbProgressChart *self,
              const char       *text)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum"));
  pango_layout_set_attributes (layout, attrs);

  return layout;
}

static gboolean
spans_years (BmbProgressChart *self)
{
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GDateTime) last = NULL;

  if (self->points->len < 2)
    return FALSE;

  first = g_date_time_new_from_unix_local (point_at (self, 0)->time);
  last = g_date_time_new_from_unix_local (point_at (self, self->points->len - 1)->time);

  return g_date_time_get_year (first) != g_date_time_get_year (last);
}

/* The plot area leaves room for the percentages on the left and the dates
 * below. */
static void
compute_plot_area (BmbProgressChart *self,
                   PlotArea         *area)
{
  g_autoptr(PangoLayout) y_label = NULL;
  g_autofree char *hundred = format_percent (1.0);
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  int label_width, label_height;
  double right = POINT_RADIUS + RING_WIDTH;

  y_label = create_label (self, hundred);
  pango_layout_get_pixel_size (y_label, &label_width, &label_height);

  if (self->points->len >= 1)
    {
      g_autofree char *last = format_axis_date (point_at (self, self->points->len - 1)->time,
                                                spans_years (self));
      g_autoptr(PangoLayout) x_label = create_label (self, last);
      int w;

      pango_layout_get_pixel_size (x_label, &w, NULL);
      right = MAX (right, w / 2.0 + EDGE);
    }

  area->x0 = label_width + LABEL_GAP + POINT_RADIUS;
  area->x1 = MAX (area->x0 + 1, width - right);
  area->y0 = TOP_MARGIN;
  area->y1 = MAX (area->y0 + 1, height - label_height - LABEL_GAP);
}

static double
x_for_point (BmbProgressChart *self,
             const PlotArea   *area,
             guint             i)
{
  gint64 t0, t1;

  if (self->points->len < 2)
    return (area->x0 + area->x1) / 2.0;

  t0 = point_at (self, 0)->time;
  t1 = point_at (self, self->points->len - 1)->time;

  /* Several assessments at the same instant: spread them evenly. */
  if (t1 <= t0)
    return area->x0 + (area->x1 - area->x0) * i / (self->points->len - 1);

  return area->x0 + (area->x1 - area->x0) * (double) (point_at (self, i)->time - t0) / (t1 - t0);
}

static double
y_for_score (const PlotArea *area,
             double          score)
{
  return area->y1 - (area->y1 - area->y0) * CLAMP (score, 0.0, 1.0);
}

static void
snapshot_grid (BmbProgressChart  *self,
               GtkSnapshot       *snapshot,
               const PlotArea    *area,
               const ChartColors *colors)
{
  for (int step = 0; step <= 4; step++)
    {
      double score = step / 4.0;
      double y = round (y_for_score (area, score));

      gtk_snapshot_append_color (snapshot, step == 0 ? &colors->axis : &colors->grid,
                                 &GRAPHENE_RECT_INIT (area->x0 - POINT_RADIUS, y - 0.5,
                                                      area->x1 - area->x0 + POINT_RADIUS, 1));

      /* Label 0%, 50% and 100% only: enough to read, little clutter. */
      if (step % 2 == 0)
        {
          g_autofree char *text = format_percent (score);
          g_autoptr(PangoLayout) layout = create_label (self, text);
          int w, h;

          pango_layout_get_pixel_size (layout, &w, &h);
          gtk_snapshot_save (snapshot);
          gtk_snapshot_translate (snapshot,
                                  &GRAPHENE_POINT_INIT (area->x0 - POINT_RADIUS - LABEL_GAP - w,
                                                        round (y - h / 2.0)));
          gtk_snapshot_append_layout (snapshot, layout, &colors->dim);
          gtk_snapshot_restore (snapshot);
        }
    }
}

static void
snapshot_line (BmbProgressChart  *self,
               GtkSnapshot       *snapshot,
               const PlotArea    *area,
               const ChartColors *colors)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  cairo_t *cr;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  for (guint i = 0; i < self->points->len; i++)
    {
      double x = x_for_point (self, area, i);
      double y = y_for_score (area, point_at (self, i)->score);

      if (i == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }

  /* The faint area under the line, down to 0%. */
  cairo_save (cr);
  cairo_line_to (cr, x_for_point (self, area, self->points->len - 1), area->y1);
  cairo_line_to (cr, x_for_point (self, area, 0), area->y1);
  cairo_close_path (cr);
  gdk_cairo_set_source_rgba (cr, &colors->area);
  cairo_fill (cr);
  cairo_restore (cr);

  for (guint i = 0; i < self->points->len; i++)
    {
      double x = x_for_point (self, area, i);
      double y = y_for_score (area, point_at (self, i)->score);

      if (i == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }

  cairo_set_line_width (cr, LINE_WIDTH);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  gdk_cairo_set_source_rgba (cr, &colors->accent);
  cairo_stroke (cr);

  cairo_destroy (cr);
}

/* One rounded clip per dot: the tests count them. */
static void
snapshot_point (GtkSnapshot       *snapshot,
                double             x,
                double             y,
                const ChartColors *colors)
{
  double r = POINT_RADIUS + RING_WIDTH;
  GskRoundedRect circle;
  float widths[4] = { RING_WIDTH, RING_WIDTH, RING_WIDTH, RING_WIDTH };
  GdkRGBA ring[4] = { colors->ring, colors->ring, colors->ring, colors->ring };

  gsk_rounded_rect_init_from_rect (&circle, &GRAPHENE_RECT_INIT (x - r, y - r, 2 * r, 2 * r), r);
  gtk_snapshot_push_rounded_clip (snapshot, &circle);
  gtk_snapshot_append_color (snapshot, &colors->accent, &circle.bounds);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_append_border (snapshot, &circle, widths, ring);
}

static void
snapshot_dates (BmbProgressChart  *self,
                GtkSnapshot       *snapshot,
                const PlotArea    *area,
                const ChartColors *colors)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  gboolean with_year = spans_years (self);
  guint n = self->points->len;
  g_autofree double *left = g_new0 (double, n);
  g_autofree double *right = g_new0 (double, n);
  g_autofree gboolean *placed = g_new0 (gboolean, n);
  g_autofree guint *order = g_new0 (guint, n);
  guint n_order = 0;

  if (n == 0)
    return;

  /* The first and the last date always; others where they fit. */
  order[n_order++] = 0;
  if (n > 1)
    order[n_order++] = n - 1;
  for (guint i = 1; i + 1 < n; i++)
    order[n_order++] = i;

  for (guint k = 0; k < n_order; k++)
    {
      guint i = order[k];
      g_autofree char *text = format_axis_date (point_at (self, i)->time, with_year);
      g_autoptr(PangoLayout) layout = create_label (self, text);
      gboolean fits = TRUE;
      double x;
      int w, h;

      pango_layout_get_pixel_size (layout, &w, &h);
      x = CLAMP (x_for_point (self, area, i) - w / 2.0, 0, MAX (0, width - w - EDGE));

      for (guint j = 0; j < n && fits; j++)
        {
          if (placed[j] && x < right[j] + LABEL_GAP && x + w + LABEL_GAP > left[j])
            fits = FALSE;
        }

      if (!fits)
        continue;

      placed[i] = TRUE;
      left[i] = x;
      right[i] = x + w;

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (round (x), area->y1 + LABEL_GAP / 2));
      gtk_snapshot_append_layout (snapshot, layout, &colors->dim);
      gtk_snapshot_restore (snapshot);
    }
}

static void
snapshot_message (BmbProgressChart  *self,
                  GtkSnapshot       *snapshot,
                  const PlotArea    *area,
                  const ChartColors *colors)
{
  g_autoptr(PangoLayout) layout = NULL;
  const char *text;
  double y;
  int h;

  if (self->points->len == 0)
    text = _("Finish an assessment to start your progress chart");
  else
    text = _("Take this assessment again to see how you change");

  layout = create_label (self, text);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, (int) (area->x1 - area->x0) * PANGO_SCALE);
  pango_layout_get_pixel_size (layout, NULL, &h);

  /* Centred in the plot, or clear of the single dot: above a low score,
   * below a high one. */
  if (self->points->len == 0)
    y = (area->y0 + area->y1 - h) / 2;
  else if (point_at (self, 0)->score < 0.5)
    y = y_for_score (area, 0.75) - h / 2.0;
  else
    y = y_for_score (area, 0.25) - h / 2.0;

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (area->x0, round (y)));
  gtk_snapshot_append_layout (snapshot, layout, &colors->dim);
  gtk_snapshot_restore (snapshot);
}

static void
bmb_progress_chart_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  BmbProgressChart *self = BMB_PROGRESS_CHART (widget);
  ChartColors colors;
  PlotArea area;

  if (gtk_widget_get_width (widget) <= 0 || gtk_widget_get_height (widget) <= 0)
    return;

  get_colors (self, &colors);
  compute_plot_area (self, &area);

  snapshot_grid (self, snapshot, &area, &colors);

  if (self->points->len >= 2)
    snapshot_line (self, snapshot, &area, &colors);
  else
    snapshot_message (self, snapshot, &area, &colors);

  snapshot_dates (self, snapshot, &area, &colors);

  for (guint i = 0; i < self->points->len; i++)
    snapshot_point (snapshot,
                    x_for_point (self, &area, i),
                    y_for_score (&area, point_at (self, i)->score),
                    &colors);
}

static void
bmb_progress_chart_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 160;
      *natural = 480;
    }
  else
    {
      *minimum = 140;
      *natural = 180;
    }
}

static gboolean
bmb_progress_chart_query_tooltip (GtkWidget  *widget,
                                  int         x,
                                  int         y,
                                  gboolean    keyboard_tooltip,
                                  GtkTooltip *tooltip)
{
  BmbProgressChart *self = BMB_PROGRESS_CHART (widget);
  g_autofree char *percent = NULL;
  g_autofree char *date = NULL;
  g_autofree char *text = NULL;
  double best_distance = TOOLTIP_REACH;
  int best = -1;
  PlotArea area;

  if (keyboard_tooltip || self->points->len == 0)
    return FALSE;

  compute_plot_area (self, &area);

  for (guint i = 0; i < self->points->len; i++)
    {
      double distance = fabs (x_for_point (self, &area, i) - x);

      if (distance < best_distance)
        {
          best_distance = distance;
          best = i;
        }
    }

  if (best < 0)
    return FALSE;

  percent = format_percent (point_at (self, best)->score);
  date = format_long_date (point_at (self, best)->time);
  /* Translators: tooltip of a dot on the progress chart; “75% on 12 May” */
  text = g_strdup_printf (C_("chart tooltip", "%s on %s"), percent, date);
  gtk_tooltip_set_text (tooltip, text);

  return TRUE;
}

static void
bmb_progress_chart_css_changed (GtkWidget         *widget,
                                GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (bmb_progress_chart_parent_class)->css_changed (widget, change);

  /* Named colours change with the dark style even when ours do not. */
  gtk_widget_queue_draw (widget);
}

static int
compare_points (gconstpointer a,
                gconstpointer b)
{
  const BmbProgressPoint *pa = a;
  const BmbProgressPoint *pb = b;

  return (pa->time > pb->time) - (pa->time < pb->time);
}

static void
bmb_progress_chart_finalize (GObject *object)
{
  BmbProgressChart *self = (BmbProgressChart *)object;

  g_clear_pointer (&self->points, g_array_unref);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (bmb_progress_chart_parent_class)->finalize (object);
}

static void
bmb_progress_chart_class_init (BmbProgressChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = bmb_progress_chart_finalize;

  widget_class->snapshot = bmb_progress_chart_snapshot;
  widget_class->measure = bmb_progress_chart_measure;
  widget_class->query_tooltip = bmb_progress_chart_query_tooltip;
  widget_class->css_changed = bmb_progress_chart_css_changed;

  gtk_widget_class_set_css_name (widget_class, "progresschart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
bmb_progress_chart_init (BmbProgressChart *self)
{
  self->points = g_array_new (FALSE, FALSE, sizeof (BmbProgressPoint));

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Progress chart"),
                                  -1);
  update_description (self);
}

GtkWidget *
bmb_progress_chart_new (void)
{
  return g_object_new (BMB_TYPE_PROGRESS_CHART, NULL);
}

void
bmb_progress_chart_set_points (BmbProgressChart       *self,
                               const BmbProgressPoint *points,
                               guint                   n_points)
{
  g_return_if_fail (BMB_IS_PROGRESS_CHART (self));
  g_return_if_fail (points != NULL || n_points == 0);

  g_array_set_size (self->points, 0);
  if (n_points > 0)
    g_array_append_vals (self->points, points, n_points);
  g_array_sort (self->points, compare_points);

  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
bmb_progress_chart_get_n_points (BmbProgressChart *self)
{
  g_return_val_if_fail (BMB_IS_PROGRESS_CHART (self), 0);

  return self->points->len;
}

const char *
bmb_progress_chart_get_description (BmbProgressChart *self)
{
  g_return_val_if_fail (BMB_IS_PROGRESS_CHART (self), NULL);

  return self->description;
}
