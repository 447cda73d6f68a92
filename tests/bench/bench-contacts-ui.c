/* bench-contacts-ui.c — memory of the Contacts page while scrolling 100,000 contacts.
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fills a temporary database with 100,000 generated contacts, shows the
 * real BmbContactsPage in a window under the X server ($DISPLAY, e.g.
 * Xvfb), then scrolls the whole list from top to bottom through the list
 * view's vertical adjustment, one screenful per painted frame, so that every
 * row is bound once, and prints the resident set size (/proc/self/statm)
 * before and after, the highest seen on the way, the growth after the first
 * 200 steps (when GTK's and SQLite's caches are warm), and how many row
 * objects the paged model made (every row: it checks that) and keeps.
 * Without a display it exits 77, which meson reports as skipped.
 *
 * Usage: bench-contacts-ui [N_CONTACTS]
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "bmb-bench-generate.h"
#include "bmb-contact-list-model.h"
#include "bmb-contacts-page.h"
#include "bmb-context.h"

static gsize
rss_kib (void)
{
  g_autofree char *text = NULL;
  unsigned long size = 0, resident = 0;

  if (!g_file_get_contents ("/proc/self/statm", &text, NULL, NULL) ||
      sscanf (text, "%lu %lu", &size, &resident) != 2)
    return 0;

  return resident * (gsize)sysconf (_SC_PAGESIZE) / 1024;
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   guint         *frames)
{
  (*frames)++;
}

/* Runs the main loop until @n more frames were painted (or 2 s passed). */
static void
wait_frames (guint *frames,
             guint  n)
{
  guint target = *frames + n;
  gint64 deadline = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;

  while (*frames < target && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
}

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbDatabase) db = NULL;
  g_autoptr(BmbContext) context = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  BmbBenchSize size = { 100000, 0, 0, 20261123 };
  BmbContactListModel *model;
  GtkWidget *window, *overlay, *page, *list_view, *scroller;
  GtkAdjustment *adjustment;
  gsize rss_before, rss_after, rss_max, rss_warm = 0;
  guint frames = 0, steps = 0, n_items;
  gint64 start;
  double seconds;

  if (argc > 1)
    size.n_contacts = strtoul (argv[1], NULL, 10);

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("bench-contacts-ui: SKIP (no display; run it under Xvfb)\n");
      return 77;
    }

  /* The data first, so that generating it does not count. */
  dir = g_dir_make_tmp ("bimbing-bench-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "bench.db", NULL);
  db = bmb_database_open (path, &error);
  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  if (!bmb_bench_generate (db, &size, &error))
    g_error ("%s", error->message);
  g_print ("generated %u contacts in %.1f s\n", size.n_contacts,
           (g_get_monotonic_time () - start) / 1e6);

  adw_init ();

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  overlay = adw_toast_overlay_new ();
  page = g_object_new (BMB_TYPE_CONTACTS_PAGE, NULL);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), page);
  gtk_window_set_child (GTK_WINDOW (window), overlay);
  context = bmb_context_new (db, NULL, NULL);
  g_object_set (page, "context", context, NULL);
  gtk_window_present (GTK_WINDOW (window));

  while (!gtk_widget_get_mapped (page))
    g_main_context_iteration (NULL, TRUE);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_after_paint_cb), &frames);
  wait_frames (&frames, 10);

  model = bmb_contacts_page_get_model (BMB_CONTACTS_PAGE (page));
  n_items = g_list_model_get_n_items (G_LIST_MODEL (model));
  list_view = find_widget (page, GTK_TYPE_LIST_VIEW);
  scroller = gtk_widget_get_ancestor (list_view, GTK_TYPE_SCROLLED_WINDOW);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

  rss_before = rss_kib ();
  rss_max = rss_before;
  g_print ("list: %u contacts, %u row objects alive, %u made\n", n_items,
           bmb_contact_list_model_get_n_materialized (model),
           bmb_contact_list_model_get_n_created (model));
  g_print ("rss-before-scroll: %zu KiB\n", rss_before);

  /* Top to bottom, one screenful per painted frame: every row is bound
   * (made, filled, drawn) once on the way down. */
  start = g_get_monotonic_time ();
  while (gtk_adjustment_get_value (adjustment) <
         gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment) - 1)
    {
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) +
                                            gtk_adjustment_get_page_size (adjustment));
      wait_frames (&frames, 1);
      steps++;

      if (steps % 200 == 0)
        {
          gsize rss = rss_kib ();

          rss_max = MAX (rss_max, rss);
          if (rss_warm == 0)
            rss_warm = rss;
          g_print ("  step %u: row %.0f of %u, rss %zu KiB, rows alive %u\n", steps,
                   gtk_adjustment_get_value (adjustment) * n_items /
                   gtk_adjustment_get_upper (adjustment),
                   n_items, rss, bmb_contact_list_model_get_n_materialized (model));
        }
    }
  seconds = (g_get_monotonic_time () - start) / 1e6;
  wait_frames (&frames, 5);

  rss_after = rss_kib ();
  rss_max = MAX (rss_max, rss_after);
  g_print ("scrolled %u contacts in %u steps, %.1f s (%.0f steps/s)\n", n_items, steps,
           seconds, steps / seconds);
  g_print ("row objects: %u alive, %u in the cache, %u made in all\n",
           bmb_contact_list_model_get_n_materialized (model),
           bmb_contact_list_model_get_n_cached (model),
           bmb_contact_list_model_get_n_created (model));
  g_print ("rss-before-scroll: %zu KiB\n", rss_before);
  g_print ("rss-after-scroll: %zu KiB\n", rss_after);
  g_print ("rss-max-while-scrolling: %zu KiB\n", rss_max);
  g_print ("rss-growth: %+ld KiB\n", (long)rss_after - (long)rss_before);
  /* The first screens warm GTK's and SQLite's caches (glyphs, icons, pages);
   * from then on the paged model must keep memory flat. */
  g_print ("rss-growth-after-first-200-steps: %+ld KiB\n", (long)rss_after - (long)rss_warm);
  /* Every row was bound: the model made (at least) one row object per contact. */
  g_print ("rows-bound: %u of %u%s\n", MIN (bmb_contact_list_model_get_n_created (model), n_items),
           n_items, bmb_contact_list_model_get_n_created (model) >= n_items ? "" : " (NOT ALL)");

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&context);
  g_clear_object (&db);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_unlink (path);
    g_unlink (wal);
    g_unlink (shm);
    g_rmdir (dir);
  }

  return 0;
}
