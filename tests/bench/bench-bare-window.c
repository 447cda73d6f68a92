/* bench-bare-window.c — the baseline for bench-startup: a bare libadwaita
 * window that exits after its first painted frame.
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <stdio.h>

static gboolean
quit_cb (gpointer app)
{
  g_application_quit (app);
  return G_SOURCE_REMOVE;
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   GApplication  *app)
{
  guint64 delay_ms = 0;

  g_signal_handlers_disconnect_by_func (clock, on_after_paint_cb, app);
  printf ("first-frame\n");
  fflush (stdout);
  /* As Bimbing does: quit now, or BIMBING_EXIT_AFTER_FIRST_FRAME milliseconds later. */
  if (g_getenv ("BIMBING_EXIT_AFTER_FIRST_FRAME") != NULL)
    g_ascii_string_to_unsigned (g_getenv ("BIMBING_EXIT_AFTER_FIRST_FRAME"), 10, 0, 60000,
                                &delay_ms, NULL);
  g_timeout_add (delay_ms, quit_cb, app);
}

static void
on_map_cb (GtkWidget    *window,
           GApplication *app)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), app);
}

static void
on_activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), gtk_label_new ("Bare window"));
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 960, 680);
  g_signal_connect (window, "map", G_CALLBACK (on_map_cb), app);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.bimbing.BareWindow",
                                                       G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (on_activate_cb), NULL);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
