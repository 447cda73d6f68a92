/* test-reminders-e2e.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * End to end, as a user lives it: the real bimbing binary on a real session
 * bus with a real notification daemon (build-aux/check runs dunst). A meeting
 * is due in half a minute; the window is closed (Ctrl+W, "Run in background"
 * on); exactly one notification with the right title arrives; after a
 * restart, the same reminder is not shown again.
 *
 * Notifications are counted by watching the bus (dbus-monitor) for Notify
 * calls, so what the daemon is asked to show is what we count.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>

#include "bmb-database.h"
#include "bmb-test-utils.h"

#define EXPECTED_TITLE "Mentoring session in 1 minute"

typedef struct
{
  GSubprocess *monitor;
  GString     *seen;
  GDataInputStream *input;
} BusWatch;

static void
on_monitor_line_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  BusWatch *watch = user_data;
  g_autofree char *line = g_data_input_stream_read_line_finish (G_DATA_INPUT_STREAM (source),
                                                                result, NULL, NULL);

  if (line == NULL)
    return;

  g_string_append (watch->seen, line);
  g_string_append_c (watch->seen, '\n');
  g_data_input_stream_read_line_async (watch->input, G_PRIORITY_DEFAULT, NULL,
                                       on_monitor_line_cb, watch);
}

static void
watch_start (BusWatch *watch)
{
  g_autoptr(GError) error = NULL;

  watch->seen = g_string_new (NULL);
  watch->monitor = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                     G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                                     "dbus-monitor", "--session",
                                     "type='method_call',interface='org.freedesktop.Notifications',"
                                     "member='Notify'", NULL);
  g_assert_no_error (error);
  watch->input = g_data_input_stream_new (g_subprocess_get_stdout_pipe (watch->monitor));
  g_data_input_stream_read_line_async (watch->input, G_PRIORITY_DEFAULT, NULL,
                                       on_monitor_line_cb, watch);
  bmb_test_spin (500);
}

static guint
count_occurrences (const char *haystack,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p; p = strstr (p + 1, needle))
    n++;

  return n;
}

static guint
watch_count (BusWatch *watch)
{
  /* dbus-monitor prints the summary as a quoted string argument. */
  return count_occurrences (watch->seen->str, "string \"" EXPECTED_TITLE "\"");
}

static void
watch_stop (BusWatch *watch)
{
  g_subprocess_force_exit (watch->monitor);
  g_subprocess_wait (watch->monitor, NULL, NULL);
  g_clear_object (&watch->input);
  g_clear_object (&watch->monitor);
  g_string_free (watch->seen, TRUE);
}

static gboolean
notification_server_present (void)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;
  gboolean present = FALSE;

  if (bus == NULL)
    return FALSE;
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", "org.freedesktop.Notifications"),
                                       G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, 2000,
                                       NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &present);

  return present;
}

/* A weekly session with one reminder 1 minute before a start that lies
 * 90 seconds from now: the reminder is due in about 30 seconds, time enough
 * to start the app and close its window on a loaded machine. */
static void
make_database (const char *path,
               gint64     *due_at)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbDatabase) db = bmb_database_open (path, &error);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) start = g_date_time_add_seconds (now, 90);
  g_autofree char *start_local = g_date_time_format (start, "%Y-%m-%dT%H:%M:%S");
  sqlite3_stmt *stmt;

  g_assert_no_error (error);
  g_assert_true (bmb_database_exec (db,
    "INSERT INTO contacts (id, uid, display_name, created_at, updated_at)"
    "  VALUES (1, 'siti', 'Siti Rahmawati', 0, 0);"
    "INSERT INTO relationships (id, mentor_id, created_at, updated_at) VALUES (1, 1, 0, 0);",
    &error));
  stmt = bmb_database_prepare (db,
                               "INSERT INTO sessions (uid, relationship_id, title, start_local,"
                               " tzid, duration_min, location, rrule, reminders, created_at,"
                               " updated_at) VALUES ('e2e@bimbing', 1, 'Weekly with Siti', ?, ?,"
                               " 30, 'https://meet.example.id/siti', 'FREQ=WEEKLY', '1', 0, 0)",
                               &error);
  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, start_local, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, g_getenv ("TZ"), -1, SQLITE_TRANSIENT);
  g_assert_true (bmb_database_step_done (db, stmt, &error));

  *due_at = g_date_time_to_unix (start) - 60;
}

static GSubprocess *
start_app (const char *db_path,
           gboolean    background)
{
  g_autoptr(GError) error = NULL;
  const char *binary = g_getenv ("BIMBING_BINARY");
  GSubprocess *app;

  g_assert_nonnull (binary);
  if (background)
    app = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, binary, "--database", db_path,
                            "--background", NULL);
  else
    app = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, binary, "--database", db_path, NULL);
  g_assert_no_error (error);

  return app;
}

static gboolean
app_on_bus (gpointer data)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;
  gboolean owned = FALSE;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", APP_ID), G_VARIANT_TYPE ("(b)"),
                                       G_DBUS_CALL_FLAGS_NONE, 2000, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);

  return owned;
}

static void
quit_app (GSubprocess *app)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;

  /* The app's own quit action, as the menu would. */
  reply = g_dbus_connection_call_sync (bus, APP_ID, "/io/github/bimbing/Bimbing",
                                       "org.freedesktop.Application", "ActivateAction",
                                       g_variant_new ("(sava{sv})", "quit", NULL, NULL),
                                       NULL, G_DBUS_CALL_FLAGS_NONE, 5000, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait (app, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (app));
  g_assert_cmpint (g_subprocess_get_exit_status (app), ==, 0);
}

static int
run_xdotool (const char * const *argv)
{
  int status = 0;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL |
                G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, NULL);
  return status;
}

static void
test_due_with_window_closed (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *db_path = NULL;
  g_autoptr(GSubprocess) app = NULL;
  BusWatch watch = { 0 };
  gint64 due_at, delay_ms;

  if (!bmb_test_have_display () || !notification_server_present () ||
      !g_find_program_in_path ("dbus-monitor"))
    {
      if (g_getenv ("BIMBING_TEST_NOTIFICATIONS"))
        g_error ("BIMBING_TEST_NOTIFICATIONS is set but a display, xdotool, dbus-monitor or "
                 "the notification daemon is missing");
      g_test_skip ("Needs a display, xdotool, dbus-monitor and a notification daemon");
      return;
    }

  dir = bmb_test_make_tmpdir ();
  db_path = g_build_filename (dir, "bimbing.db", NULL);
  make_database (db_path, &due_at);
  watch_start (&watch);

  /* Start with a window, then close it: the app stays for its reminders. */
  app = start_app (db_path, FALSE);
  g_assert_true (bmb_test_wait_for (app_on_bus, NULL, 10000));
  {
    const char *focus[] = { "xdotool", "search", "--sync", "--onlyvisible", "--name",
                            "^Bimbing$", "windowfocus", "--sync", NULL };
    const char *close[] = { "xdotool", "key", "--clearmodifiers", "ctrl+w", NULL };
    const char *visible[] = { "xdotool", "search", "--onlyvisible", "--name", "^Bimbing$", NULL };
    gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

    /* The window may be mapped but not yet focusable: try again briefly. */
    while (run_xdotool (focus) != 0 && g_get_monotonic_time () < deadline)
      bmb_test_spin (250);
    g_assert_cmpint (run_xdotool (close), ==, 0);
    while (run_xdotool (visible) == 0 && g_get_monotonic_time () < deadline)
      bmb_test_spin (250);
    /* No visible window, and the process is still there. */
    g_assert_cmpint (run_xdotool (visible), !=, 0);
    g_assert_true (app_on_bus (NULL));
  }
  if (watch_count (&watch) != 0)
    g_error ("shown %" G_GINT64_FORMAT " s before it was due:\n%s",
             due_at - g_get_real_time () / G_USEC_PER_SEC, watch.seen->str);

  /* Wait for the due time plus a margin, then a little more for a repeat. */
  while (watch_count (&watch) == 0 && g_get_real_time () / G_USEC_PER_SEC < due_at + 10)
    bmb_test_spin (50);
  delay_ms = g_get_real_time () / 1000 - due_at * 1000;
  g_test_message ("notification seen %" G_GINT64_FORMAT " ms after the due second", delay_ms);
  bmb_test_spin (3000);
  g_assert_cmpuint (watch_count (&watch), ==, 1);
  g_assert_nonnull (strstr (watch.seen->str, "Siti Rahmawati"));

  /* Restart (in the background this time): nothing is shown again. */
  quit_app (app);
  g_clear_object (&app);
  app = start_app (db_path, TRUE);
  g_assert_true (bmb_test_wait_for (app_on_bus, NULL, 10000));
  bmb_test_spin (4000);
  g_assert_cmpuint (watch_count (&watch), ==, 1);
  quit_app (app);

  watch_stop (&watch);
}

int
main (int   argc,
      char *argv[])
{
  /* The session's zone and the app's are the same: the environment's. */
  if (g_getenv ("TZ") == NULL || *g_getenv ("TZ") == '\0')
    g_setenv ("TZ", "Asia/Jakarta", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reminders/e2e/due-with-window-closed", test_due_with_window_closed);

  return g_test_run ();
}
