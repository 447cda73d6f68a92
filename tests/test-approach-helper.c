/* test-approach-helper.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Which approach?" in the preparation view of a real session: the
 * situations that call for coaching and those that call for counseling,
 * listed under their expander rows.
 */

#include "config.h"

#include <adwaita.h>

#include "bmb-application.h"
#include "bmb-approach-helper.h"
#include "bmb-context.h"
#include "bmb-preparation-view.h"
#include "bmb-test-utils.h"

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

static GtkWidget *
find_row (GtkWidget  *root,
          const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
count_mapped_rows (GtkWidget *root,
                   guint     *n)
{
  if (ADW_IS_ACTION_ROW (root) && gtk_widget_get_mapped (root))
    (*n)++;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count_mapped_rows (child, n);
}

static gboolean
all_listed (gpointer helper)
{
  guint n = 0;

  count_mapped_rows (helper, &n);

  return n == 2 + bmb_approach_helper_get_n_coaching () + bmb_approach_helper_get_n_counselling ();
}

static void
test_in_preparation_view (void)
{
  g_autofree char *dir = bmb_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "bimbing.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbContact) mentee = bmb_contact_new ();
  g_autoptr(BmbRelationship) relationship = bmb_relationship_new ();
  g_autoptr(BmbSession) session = bmb_session_new ();
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Jakarta");
  g_autoptr(GDateTime) now = g_date_time_new_now (zone);
  g_autoptr(GDateTime) start = g_date_time_add_days (now, 1);
  BmbApplication *app = bmb_test_app_new (path);
  GtkWindow *main_window = bmb_application_present_main_window (app);
  BmbContext *context = bmb_application_get_context (app);
  BmbMentoringStore *store = bmb_context_get_mentoring_store (context);
  BmbPreparationView *view;
  GtkWidget *helper, *coaching, *counseling;
  guint before = 0, after = 0;

  g_assert_true (bmb_test_wait_for (is_mapped, main_window, 5000));

  bmb_contact_set_display_name (mentee, "Rina Wati");
  g_assert_true (bmb_contact_store_insert (bmb_context_get_contact_store (context), mentee,
                                           &error));
  g_assert_no_error (error);
  bmb_relationship_set_mentee_id (relationship, bmb_contact_get_id (mentee));
  g_assert_true (bmb_mentoring_store_save_relationship (store, relationship, &error));
  g_assert_no_error (error);
  bmb_session_set_title (session, "Second talk");
  bmb_session_set_start (session, start, "Asia/Jakarta");
  bmb_session_set_relationship_id (session, bmb_relationship_get_id (relationship));
  g_assert_true (bmb_mentoring_store_save_session (store, session, &error));
  g_assert_no_error (error);

  view = bmb_preparation_view_new (context, relationship);
  gtk_window_set_transient_for (GTK_WINDOW (view), main_window);
  gtk_window_set_default_size (GTK_WINDOW (view), 600, 900);
  gtk_window_present (GTK_WINDOW (view));
  g_assert_true (bmb_test_wait_for (is_mapped, view, 5000));

  helper = bmb_test_find_widget (GTK_WIDGET (view), BMB_TYPE_APPROACH_HELPER, NULL);
  g_assert_nonnull (helper);
  g_assert_true (bmb_test_wait_for (is_mapped, helper, 5000));
  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (helper)), ==,
                   "Which Approach?");

  coaching = find_row (helper, "Coaching");
  counseling = find_row (helper, "Counseling");
  g_assert_true (ADW_IS_EXPANDER_ROW (coaching));
  g_assert_true (ADW_IS_EXPANDER_ROW (counseling));

  /* Folded, only the two headings take room; unfolded, each situation is listed. */
  count_mapped_rows (helper, &before);
  g_assert_cmpuint (before, ==, 2);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (coaching), TRUE);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (counseling), TRUE);
  g_assert_true (bmb_test_wait_for (all_listed, helper, 5000));
  count_mapped_rows (helper, &after);
  g_assert_cmpuint (after, ==, before + bmb_approach_helper_get_n_coaching () +
                               bmb_approach_helper_get_n_counselling ());
  g_assert_cmpuint (bmb_approach_helper_get_n_coaching (), ==, 6);
  g_assert_cmpuint (bmb_approach_helper_get_n_counselling (), ==, 11);
  g_assert_true (gtk_widget_is_ancestor (find_row (helper, "A skill the job needs has to be taught"),
                                         coaching));
  g_assert_true (gtk_widget_is_ancestor (find_row (helper,
                                                   "Stress, burnout or too many responsibilities"),
                                         counseling));

  gtk_window_destroy (GTK_WINDOW (view));
  bmb_test_app_free (app);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Jakarta", TRUE);
  g_test_init (&argc, &argv, NULL);

  if (!bmb_test_have_display ())
    {
      g_print ("1..0 # SKIP no display: the UI tests need Xvfb and xdotool\n");
      return 0;
    }

  adw_init ();

  g_test_add_func ("/approach-helper/in-preparation-view", test_in_preparation_view);

  return g_test_run ();
}
