/* test-progress-chart.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Renders BmbProgressChart in a real window and inspects the render nodes:
 * one rounded clip per dot, a line only from two points on, text for the
 * axes, colours that follow the dark style; and the accessible description.
 *
 * BMB_TEST_CHART_PNG=/tmp/chart saves what the tests rendered as
 * /tmp/chart-*.png, to look at.
 */

#include "config.h"

#include <adwaita.h>

#include "bmb-progress-chart.h"
#include "bmb-test-utils.h"

typedef struct
{
  guint   rounded_clips;
  guint   cairo_nodes;
  guint   text_nodes;
  GdkRGBA dot_color;
} NodeCounts;

static void
count_nodes (GskRenderNode *node,
             NodeCounts    *counts)
{
  switch ((int) gsk_render_node_get_node_type (node))
    {
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        count_nodes (gsk_container_node_get_child (node, i), counts);
      break;

    case GSK_TRANSFORM_NODE:
      count_nodes (gsk_transform_node_get_child (node), counts);
      break;

    case GSK_CLIP_NODE:
      count_nodes (gsk_clip_node_get_child (node), counts);
      break;

    case GSK_OPACITY_NODE:
      count_nodes (gsk_opacity_node_get_child (node), counts);
      break;

    case GSK_DEBUG_NODE:
      count_nodes (gsk_debug_node_get_child (node), counts);
      break;

    case GSK_ROUNDED_CLIP_NODE:
      {
        GskRenderNode *child = gsk_rounded_clip_node_get_child (node);

        counts->rounded_clips++;
        if (gsk_render_node_get_node_type (child) == GSK_COLOR_NODE)
          counts->dot_color = *gsk_color_node_get_color (child);
        count_nodes (child, counts);
      }
      break;

    case GSK_CAIRO_NODE:
      counts->cairo_nodes++;
      break;

    case GSK_TEXT_NODE:
      counts->text_nodes++;
      break;

    default:
      break;
    }
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

static GtkWidget *
show_chart (GtkWindow **out_window)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *chart = bmb_progress_chart_new ();
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_widget_add_css_class (card, "card");
  gtk_box_append (GTK_BOX (card), chart);
  gtk_widget_set_vexpand (chart, TRUE);
  gtk_window_set_child (GTK_WINDOW (window), card);
  gtk_window_set_default_size (GTK_WINDOW (window), 480, 240);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (bmb_test_wait_for (is_mapped, chart, 5000));

  *out_window = GTK_WINDOW (window);

  return chart;
}

static void
maybe_save_png (GtkWidget     *chart,
                GskRenderNode *node,
                const char    *name)
{
  const char *prefix = g_getenv ("BMB_TEST_CHART_PNG");
  g_autofree char *path = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GskRenderNode) with_bg = NULL;
  GskRenderNode *nodes[3];
  GskRenderer *renderer;
  graphene_rect_t bounds;
  GdkRGBA bg;

  if (prefix == NULL)
    return;

  /* On the card's background, as in the window. */
  bounds = GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (chart), gtk_widget_get_height (chart));
  gtk_style_context_lookup_color (gtk_widget_get_style_context (chart), "window_bg_color", &bg);
  nodes[0] = gsk_color_node_new (&bg, &bounds);
  gtk_style_context_lookup_color (gtk_widget_get_style_context (chart), "card_bg_color", &bg);
  nodes[1] = gsk_color_node_new (&bg, &bounds);
  nodes[2] = node;
  with_bg = gsk_container_node_new (nodes, 3);
  gsk_render_node_unref (nodes[0]);
  gsk_render_node_unref (nodes[1]);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (chart));
  texture = gsk_renderer_render_texture (renderer, with_bg, &bounds);
  path = g_strdup_printf ("%s-%s.png", prefix, name);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Saved %s", path);
}

static GskRenderNode *
render_chart (GtkWidget  *chart,
              NodeCounts *counts,
              const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (chart);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;

  /* Let any queued style or size change settle first. */
  bmb_test_spin (50);
  g_assert_cmpint (gtk_widget_get_width (chart), >, 0);
  gdk_paintable_snapshot (paintable, snapshot,
                          gtk_widget_get_width (chart), gtk_widget_get_height (chart));
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  memset (counts, 0, sizeof *counts);
  count_nodes (node, counts);
  maybe_save_png (chart, node, name);

  return node;
}

static gint64
local_time (int year,
            int month,
            int day)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (year, month, day, 10, 0, 0);

  return g_date_time_to_unix (dt);
}

static int
this_year (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_get_year (now);
}

static char *
accessible_description (GtkWidget *chart)
{
  /* check_property returns the actual value when it differs from the one
   * given; nothing real is ever "\x01". */
  return gtk_test_accessible_check_property (GTK_ACCESSIBLE (chart),
                                             GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "\x01");
}

static void
test_render_points (void)
{
  int year = this_year ();
  BmbProgressPoint points[] = {
    /* Deliberately out of order: the chart sorts by time. */
    { local_time (year, 5, 12), 0.75 },
    { local_time (year, 3, 3), 0.40 },
    { local_time (year, 4, 1), 0.55 },
    { local_time (year, 4, 20), 0.50 },
  };
  g_autoptr(GskRenderNode) node = NULL;
  g_autofree char *a11y = NULL;
  GtkWindow *window;
  GtkWidget *chart = show_chart (&window);
  NodeCounts counts;

  bmb_progress_chart_set_points (BMB_PROGRESS_CHART (chart), points, G_N_ELEMENTS (points));
  g_assert_cmpuint (bmb_progress_chart_get_n_points (BMB_PROGRESS_CHART (chart)), ==, 4);

  node = render_chart (chart, &counts, "points");
  g_assert_cmpuint (counts.rounded_clips, ==, G_N_ELEMENTS (points));
  g_assert_cmpuint (counts.cairo_nodes, ==, 1);          /* the line */
  g_assert_cmpuint (counts.text_nodes, >=, 3 + 2);       /* 0/50/100%, first and last date */
  g_assert_cmpfloat (counts.dot_color.alpha, >, 0.9);

  /* The description says where it started and where it ended, in order. */
  g_assert_cmpstr (bmb_progress_chart_get_description (BMB_PROGRESS_CHART (chart)), ==,
                   "Score rose from 40% on March 3 to 75% on May 12");
  a11y = accessible_description (chart);
  g_assert_cmpstr (a11y, ==, "Score rose from 40% on March 3 to 75% on May 12");

  gtk_window_destroy (window);
}

static void
test_description_variants (void)
{
  int year = this_year ();
  BmbProgressPoint fell[] = {
    { local_time (year - 1, 11, 30), 0.8 },
    { local_time (year, 1, 15), 0.333 },
  };
  BmbProgressPoint same[] = {
    { local_time (year, 2, 1), 0.6 },
    { local_time (year, 2, 8), 0.6 },
  };
  BmbProgressPoint one[] = {
    { local_time (year, 6, 9), 1.0 },
  };
  g_autofree char *expected = NULL;
  g_autofree char *a11y = NULL;
  GtkWidget *chart = g_object_ref_sink (bmb_progress_chart_new ());

  g_assert_cmpstr (bmb_progress_chart_get_description (BMB_PROGRESS_CHART (chart)), ==,
                   "No completed assessments yet");

  /* A date in another year carries its year. */
  bmb_progress_chart_set_points (BMB_PROGRESS_CHART (chart), fell, G_N_ELEMENTS (fell));
  expected = g_strdup_printf ("Score fell from 80%% on November 30, %d to 33%% on January 15",
                              year - 1);
  g_assert_cmpstr (bmb_progress_chart_get_description (BMB_PROGRESS_CHART (chart)), ==, expected);

  bmb_progress_chart_set_points (BMB_PROGRESS_CHART (chart), same, G_N_ELEMENTS (same));
  g_assert_cmpstr (bmb_progress_chart_get_description (BMB_PROGRESS_CHART (chart)), ==,
                   "Score stayed at 60% from February 1 to February 8");

  bmb_progress_chart_set_points (BMB_PROGRESS_CHART (chart), one, 1);
  g_assert_cmpstr (bmb_progress_chart_get_description (BMB_PROGRESS_CHART (chart)), ==,
                   "Scored 100% on June 9");
  a11y = accessible_description (chart);
  g_assert_cmpstr (a11y, ==, "Scored 100% on June 9");

  g_object_unref (chart);
}

static void
test_render_empty (void)
{
  BmbProgressPoint one[] = { { local_time (this_year (), 3, 3), 0.4 } };
  g_autoptr(GskRenderNode) empty = NULL;
  g_autoptr(GskRenderNode) single = NULL;
  GtkWindow *window;
  GtkWidget *chart = show_chart (&window);
  NodeCounts counts;

  /* No points: the grid and a sentence that says what to do, no line. */
  empty = render_chart (chart, &counts, "empty");
  g_assert_cmpuint (counts.rounded_clips, ==, 0);
  g_assert_cmpuint (counts.cairo_nodes, ==, 0);
  g_assert_cmpuint (counts.text_nodes, >=, 4);

  /* One point: its dot, still no line. */
  bmb_progress_chart_set_points (BMB_PROGRESS_CHART (chart), one, 1);
  single = render_chart (chart, &counts, "single");
  g_assert_cmpuint (counts.rounded_clips, ==, 1);
  g_assert_cmpuint (counts.cairo_nodes, ==, 0);

  /* Back to none. */
  bmb_progress_chart_set_points (BMB_PROGRESS_CHART (chart), NULL, 0);
  g_assert_cmpuint (bmb_progress_chart_get_n_points (BMB_PROGRESS_CHART (chart)), ==, 0);
  g_clear_pointer (&single, gsk_render_node_unref);
  single = render_chart (chart, &counts, "none-again");
  g_assert_cmpuint (counts.rounded_clips, ==, 0);

  gtk_window_destroy (window);
}

static void
test_dark_style (void)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  int year = this_year ();
  BmbProgressPoint points[] = {
    { local_time (year, 1, 10), 0.2 },
    { local_time (year, 2, 10), 0.45 },
    { local_time (year, 3, 10), 0.9 },
  };
  g_autoptr(GskRenderNode) light = NULL;
  g_autoptr(GskRenderNode) dark = NULL;
  GtkWindow *window;
  GtkWidget *chart;
  NodeCounts light_counts, dark_counts;

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  chart = show_chart (&window);
  bmb_progress_chart_set_points (BMB_PROGRESS_CHART (chart), points, G_N_ELEMENTS (points));
  light = render_chart (chart, &light_counts, "light");

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (manager));
  dark = render_chart (chart, &dark_counts, "dark");

  g_assert_cmpuint (dark_counts.rounded_clips, ==, 3);
  /* The dots use the accent colour, which is lighter in the dark style. */
  g_assert_false (gdk_rgba_equal (&light_counts.dot_color, &dark_counts.dot_color));
  g_assert_cmpfloat (dark_counts.dot_color.red + dark_counts.dot_color.green +
                     dark_counts.dot_color.blue, >,
                     light_counts.dot_color.red + light_counts.dot_color.green +
                     light_counts.dot_color.blue);

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Jakarta", TRUE);
  /* The test AT context keeps accessible properties where the test can read them. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  g_test_init (&argc, &argv, NULL);

  if (!bmb_test_have_display ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }

  adw_init ();

  g_test_add_func ("/progress-chart/render/points", test_render_points);
  g_test_add_func ("/progress-chart/render/empty", test_render_empty);
  g_test_add_func ("/progress-chart/render/dark", test_dark_style);
  g_test_add_func ("/progress-chart/description", test_description_variants);

  return g_test_run ();
}
