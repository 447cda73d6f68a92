/* test-notifier.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Notification texts, failing fast without a bus or a server (on a private
 * empty bus), a real notification server when there is one (build-aux/check
 * runs dunst on a private bus), and the native autostart file.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "bmb-autostart.h"
#include "bmb-notifier.h"
#include "bmb-test-utils.h"

#define MINUTE 60
#define HOUR   (60 * MINUTE)
#define DAY    (24 * HOUR)
/* The notifier waits at most 2 s per bus call; allow for a slow machine. */
#define FAIL_FAST_USEC (3 * G_USEC_PER_SEC)

static gint64
jakarta (int year,
         int month,
         int day,
         int hour,
         int minute)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Jakarta");
  g_autoptr(GDateTime) dt = g_date_time_new (zone, year, month, day, hour, minute, 0);

  return g_date_time_to_unix (dt);
}

static BmbReminder *
session_reminder (gint64 item_id,
                  gint64 start,
                  int    offset)
{
  BmbReminder *reminder = bmb_reminder_new (BMB_REMINDER_KIND_SESSION, item_id, "2026-03-02T07:30:00Z",
                                            offset, start - (gint64)offset * MINUTE);

  reminder->event_start = start;
  reminder->event_end = start + HOUR;
  reminder->title = g_strdup ("Membahas rencana karier");
  reminder->partner = g_strdup ("Budi Santoso");
  reminder->place = g_strdup ("https://meet.example.org/bimbing");

  return reminder;
}

/* ---- Texts -------------------------------------------------------------- */

static void
test_format_session_title (void)
{
  gint64 start = jakarta (2026, 3, 2, 14, 30);
  g_autoptr(BmbReminder) reminder = session_reminder (1, start, 15);
  const struct {
    gint64      before;
    const char *title;
  } cases[] = {
    { 15 * MINUTE, "Mentoring session in 15 minutes" },
    { 14 * MINUTE + 50, "Mentoring session in 15 minutes" },
    { MINUTE, "Mentoring session in 1 minute" },
    { 90 * MINUTE, "Mentoring session in 90 minutes" },
    { HOUR, "Mentoring session in 1 hour" },
    { 3 * HOUR, "Mentoring session in 3 hours" },
    { DAY, "Mentoring session in 1 day" },
    { 2 * DAY, "Mentoring session in 2 days" },
    { 10, "Mentoring session now" },
    { 0, "Mentoring session now" },
    { -5 * MINUTE, "Mentoring session now" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *title = bmb_notifier_format_title (reminder, start - cases[i].before);

      g_assert_cmpstr (title, ==, cases[i].title);
    }
}

static void
test_format_session_body (void)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Jakarta");
  gint64 start = jakarta (2026, 3, 2, 14, 30);
  g_autoptr(BmbReminder) soon = session_reminder (1, start, 15);
  g_autoptr(BmbReminder) day_before = session_reminder (1, start, 24 * 60);
  g_autofree char *body = bmb_notifier_format_body (soon, zone);
  g_autofree char *body2 = bmb_notifier_format_body (day_before, zone);
  g_auto(GStrv) lines = g_strsplit (body, "\n", -1);

  /* Title, partner, local time (C locale: 12-hour), place. */
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_cmpstr (lines[0], ==, "Membahas rencana karier");
  g_assert_cmpstr (lines[1], ==, "With Budi Santoso");
  g_assert_cmpstr (lines[2], ==, "Starts at 2:30 PM");
  g_assert_cmpstr (lines[3], ==, "https://meet.example.org/bimbing");

  /* Shown the day before: the date is part of it. */
  g_assert_nonnull (strstr (body2, "Starts at 03/02/26, 2:30 PM"));

  /* Another zone, another wall-clock time. */
  {
    g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
    g_autofree char *body_utc = bmb_notifier_format_body (soon, utc);

    g_assert_nonnull (strstr (body_utc, "Starts at 7:30 AM"));
  }
}

static void
test_format_follow_up_and_goal (void)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Jakarta");
  gint64 due = jakarta (2026, 3, 9, 9, 0);
  g_autoptr(BmbReminder) follow_up = bmb_reminder_new (BMB_REMINDER_KIND_FOLLOW_UP, 4, "2026-03-09", 0, due);
  g_autoptr(BmbReminder) goal = bmb_reminder_new (BMB_REMINDER_KIND_GOAL, 5, "2026-03-20", 0, due);
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;

  follow_up->title = g_strdup ("Siti Rahayu");
  follow_up->detail = g_strdup ("Last contact 3 weeks ago");
  title = bmb_notifier_format_title (follow_up, due);
  body = bmb_notifier_format_body (follow_up, zone);
  g_assert_cmpstr (title, ==, "Time to follow up with Siti Rahayu");
  g_assert_cmpstr (body, ==, "Last contact 3 weeks ago");
  g_assert_cmpint (bmb_notifier_get_snooze_minutes (follow_up), ==, 24 * 60);

  g_clear_pointer (&title, g_free);
  g_clear_pointer (&body, g_free);
  goal->title = g_strdup ("Menyelesaikan sertifikasi");
  goal->partner = g_strdup ("Budi Santoso");
  goal->event_start = jakarta (2026, 3, 20, 0, 0);
  title = bmb_notifier_format_title (goal, due);
  body = bmb_notifier_format_body (goal, zone);
  g_assert_cmpstr (title, ==, "Goal due: Menyelesaikan sertifikasi");
  g_assert_cmpstr (body, ==, "With Budi Santoso\nDue 03/20/26");
  g_assert_cmpint (bmb_notifier_get_snooze_minutes (goal), ==, 24 * 60);

  {
    g_autoptr(BmbReminder) session = session_reminder (1, due, 15);

    g_assert_cmpint (bmb_notifier_get_snooze_minutes (session), ==, 10);
  }
}

/* ---- No bus, no server: fail fast --------------------------------------- */

static void
assert_fails_fast (GQuark      domain,
                   int         code,
                   const char *what)
{
  g_autoptr(BmbNotifier) notifier = bmb_notifier_new ();
  g_autoptr(BmbReminder) reminder = session_reminder (1, g_get_real_time () / G_USEC_PER_SEC,
                                                      15);
  g_autoptr(GError) error = NULL;
  gint64 begin, elapsed;

  /* One clear warning, the first time only. */
  g_test_expect_message ("bmb-notifier", G_LOG_LEVEL_WARNING, "No notification server*");
  begin = g_get_monotonic_time ();
  g_assert_false (bmb_notifier_show_reminder (notifier, reminder, 0, &error));
  elapsed = g_get_monotonic_time () - begin;
  g_test_assert_expected_messages ();

  g_assert_error (error, domain, code);
  g_assert_cmpuint (bmb_notifier_get_n_shown (notifier), ==, 0);
  g_assert_cmpint (elapsed, <, FAIL_FAST_USEC);
  g_printerr ("# %s: the notifier gave up after %.1f ms\n", what, elapsed / 1000.0);

  g_clear_error (&error);
  begin = g_get_monotonic_time ();
  g_assert_false (bmb_notifier_show_summary (notifier, 3, &error));
  g_assert_error (error, domain, code);
  g_assert_cmpint (g_get_monotonic_time () - begin, <, FAIL_FAST_USEC);
}

static void
test_no_server_subprocess (void)
{
  g_autoptr(GTestDBus) bus = g_test_dbus_new (G_TEST_DBUS_NONE);

  /* A private bus with nothing on it and nothing to activate. */
  g_test_dbus_up (bus);
  assert_fails_fast (BMB_NOTIFIER_ERROR, BMB_NOTIFIER_ERROR_NO_SERVER, "empty session bus");
  g_test_dbus_down (bus);
}

static void
test_no_server (void)
{
  if (g_test_subprocess ())
    {
      test_no_server_subprocess ();
      return;
    }

  g_test_trap_subprocess (NULL, 20 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
test_no_bus (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *runtime = bmb_test_make_tmpdir ();

      /* No address and no $XDG_RUNTIME_DIR/bus: no autolaunch either, even
       * with $DISPLAY set. */
      g_unsetenv ("DBUS_SESSION_BUS_ADDRESS");
      g_setenv ("XDG_RUNTIME_DIR", runtime, TRUE);
      assert_fails_fast (BMB_NOTIFIER_ERROR, BMB_NOTIFIER_ERROR_NO_BUS, "no session bus");
      return;
    }

  g_test_trap_subprocess (NULL, 20 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* ---- A real server ------------------------------------------------------ */

static GDBusConnection *
server_bus (char **server_name)
{
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GVariant) reply = NULL;
  gboolean has_owner = FALSE;

  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    return NULL;

  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  if (bus == NULL)
    return NULL;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", "org.freedesktop.Notifications"),
                                       G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, 2000,
                                       NULL, NULL);
  if (reply == NULL)
    return NULL;
  g_variant_get (reply, "(b)", &has_owner);
  if (!has_owner)
    return NULL;

  g_clear_pointer (&reply, g_variant_unref);
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.Notifications",
                                       "/org/freedesktop/Notifications",
                                       "org.freedesktop.Notifications", "GetServerInformation",
                                       NULL, G_VARIANT_TYPE ("(ssss)"), G_DBUS_CALL_FLAGS_NONE,
                                       2000, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(ssss)", server_name, NULL, NULL, NULL);

  return g_steal_pointer (&bus);
}

static GVariant *
dunst_call (GDBusConnection *bus,
            const char      *method,
            GVariant        *parameters,
            const char      *reply_type)
{
  g_autoptr(GError) error = NULL;
  GVariant *reply;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.Notifications",
                                       "/org/freedesktop/Notifications",
                                       "org.dunstproject.cmd0", method, parameters,
                                       reply_type ? G_VARIANT_TYPE (reply_type) : NULL,
                                       G_DBUS_CALL_FLAGS_NONE, 2000, NULL, &error);
  g_assert_no_error (error);

  return reply;
}

static guint
dunst_displayed (GDBusConnection *bus)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) value = NULL;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.Notifications",
                                       "/org/freedesktop/Notifications",
                                       "org.freedesktop.DBus.Properties", "Get",
                                       g_variant_new ("(ss)", "org.dunstproject.cmd0",
                                                      "displayedLength"),
                                       G_VARIANT_TYPE ("(v)"), G_DBUS_CALL_FLAGS_NONE, 2000,
                                       NULL, &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(v)", &value);

  return g_variant_get_uint32 (value);
}

typedef struct
{
  GDBusConnection *bus;
  guint            n;
} DunstWait;

static gboolean
dunst_shows (gpointer data)
{
  DunstWait *wait = data;

  return dunst_displayed (wait->bus) == wait->n;
}

static gboolean
dunst_history_has (GDBusConnection *bus,
                   const char      *summary)
{
  g_autoptr(GVariant) reply = dunst_call (bus, "NotificationListHistory", NULL, "(aa{sv})");
  g_autoptr(GVariant) list = g_variant_get_child_value (reply, 0);
  gsize n = g_variant_n_children (list);

  for (gsize i = 0; i < n; i++)
    {
      g_autoptr(GVariant) entry = g_variant_get_child_value (list, i);
      const char *text = NULL;

      if (g_variant_lookup (entry, "summary", "&s", &text) && g_strcmp0 (text, summary) == 0)
        return TRUE;
    }

  return FALSE;
}

typedef struct
{
  guint   n_open;
  int     kind;
  gint64  item_id;
} OpenSeen;

static void
on_open_cb (BmbNotifier *notifier,
            int          kind,
            gint64       item_id,
            const char  *occurrence,
            OpenSeen    *seen)
{
  seen->n_open++;
  seen->kind = kind;
  seen->item_id = item_id;
}

static gboolean
open_seen (gpointer data)
{
  return ((OpenSeen *)data)->n_open > 0;
}

static void
test_show (void)
{
  g_autofree char *server = NULL;
  g_autoptr(GDBusConnection) bus = server_bus (&server);
  g_autoptr(BmbNotifier) notifier = NULL;
  g_autoptr(BmbReminder) reminder = NULL;
  g_autoptr(BmbReminder) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  g_autofree char *title = NULL;
  OpenSeen seen = { 0 };
  gboolean is_dunst;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  guint displayed = 0;

  if (bus == NULL)
    {
      if (g_getenv ("BIMBING_TEST_NOTIFICATIONS") != NULL)
        g_error ("BIMBING_TEST_NOTIFICATIONS is set but no notification server is on the bus");
      g_test_skip ("No notification server on the session bus");
      return;
    }

  is_dunst = g_strcmp0 (server, "dunst") == 0;
  g_test_message ("Notification server: %s", server ? server : "?");

  notifier = bmb_notifier_new ();
  g_signal_connect (notifier, "open", G_CALLBACK (on_open_cb), &seen);
  reminder = session_reminder (41, now + 15 * MINUTE, 15);
  key = bmb_reminder_dup_key (reminder);
  /* What it says after the second, replacing show. */
  title = bmb_notifier_format_title (reminder, now + MINUTE);

  g_assert_true (bmb_notifier_check_server (notifier, &error));
  g_assert_no_error (error);

  if (is_dunst)
    displayed = dunst_displayed (bus);

  g_assert_true (bmb_notifier_show_reminder (notifier, reminder, now, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bmb_notifier_get_n_shown (notifier), ==, 1);
  if (is_dunst)
    g_assert_cmpuint (dunst_displayed (bus), ==, displayed + 1);

  /* The same reminder again replaces it: still one, on our side and the
   * server's. */
  g_assert_true (bmb_notifier_show_reminder (notifier, reminder, now + MINUTE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bmb_notifier_get_n_shown (notifier), ==, 1);
  if (is_dunst)
    g_assert_cmpuint (dunst_displayed (bus), ==, displayed + 1);

  /* Another one is another notification. */
  other = session_reminder (42, now + HOUR, 60);
  g_assert_true (bmb_notifier_show_reminder (notifier, other, now, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bmb_notifier_get_n_shown (notifier), ==, 2);

  g_assert_true (bmb_notifier_show_summary (notifier, 3, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bmb_notifier_get_n_shown (notifier), ==, 3);

  if (is_dunst)
    {
      g_autofree char *other_key = bmb_reminder_dup_key (other);
      g_autoptr(GVariant) action_reply = NULL;

      g_assert_cmpuint (dunst_displayed (bus), ==, displayed + 3);

      /* Clicking the first one (the summary is newest, so close the newer
       * ones first) reaches us as ::open with the reminder's identity. */
      bmb_notifier_withdraw (notifier, "summary");
      bmb_notifier_withdraw (notifier, other_key);
      g_assert_cmpuint (bmb_notifier_get_n_shown (notifier), ==, 1);
      /* The action goes to the newest notification dunst shows: wait until it has closed
       * the two (a fixed pause was too short on a loaded machine). */
      {
        DunstWait wait = { bus, displayed + 1 };

        g_assert_true (bmb_test_wait_for (dunst_shows, &wait, 5000));
      }

      action_reply = dunst_call (bus, "NotificationAction", g_variant_new ("(u)", 0), NULL);
      g_assert_true (bmb_test_wait_for (open_seen, &seen, 3000));
      g_assert_cmpint (seen.kind, ==, BMB_REMINDER_KIND_SESSION);
      g_assert_cmpint (seen.item_id, ==, 41);

      /* Closed, it is in dunst's history under the replaced title. */
      g_assert_cmpstr (title, ==, "Mentoring session in 14 minutes");
      bmb_notifier_withdraw (notifier, key);
      bmb_test_spin (200);
      g_assert_true (dunst_history_has (bus, title));
    }
  else
    {
      bmb_notifier_withdraw (notifier, key);
    }

}

/* ---- Autostart ----------------------------------------------------------- */

static void
on_autostart_done_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  int *state = user_data;
  g_autoptr(GError) error = NULL;

  *state = bmb_autostart_set_enabled_finish (result, &error) ? 1 : -1;
  g_assert_no_error (error);
}

static gboolean
autostart_done (gpointer data)
{
  return *(int *)data != 0;
}

static void
test_autostart_native (void)
{
  g_autofree char *path = bmb_autostart_dup_desktop_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  g_autofree char *exec = NULL;
  int state = 0;

  if (bmb_autostart_is_sandboxed ())
    {
      g_test_skip ("Inside Flatpak the Background portal is used");
      return;
    }

  /* $XDG_CONFIG_HOME was pointed at a temporary folder in main (). */
  g_assert_true (g_str_has_prefix (path, g_getenv ("XDG_CONFIG_HOME")));
  g_assert_true (g_str_has_suffix (path, "/autostart/io.github.bimbing.Bimbing.desktop"));
  g_assert_false (bmb_autostart_get_enabled_native ());

  g_assert_true (bmb_autostart_set_enabled_native (TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (bmb_autostart_get_enabled_native ());

  g_assert_true (g_key_file_load_from_file (key_file, path, G_KEY_FILE_NONE, &error));
  g_assert_no_error (error);
  exec = g_key_file_get_string (key_file, "Desktop Entry", "Exec", &error);
  g_assert_cmpstr (exec, ==, "bimbing --background");
  g_assert_true (g_key_file_get_boolean (key_file, "Desktop Entry",
                                         "X-GNOME-Autostart-enabled", &error));
  g_assert_no_error (error);

  /* Written atomically: nothing else is left in the folder. */
  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_dir_read_name (listing), ==, "io.github.bimbing.Bimbing.desktop");
  g_assert_null (g_dir_read_name (listing));

  /* Twice is fine; so is removing twice. */
  g_assert_true (bmb_autostart_set_enabled_native (TRUE, &error));
  g_assert_true (bmb_autostart_set_enabled_native (FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (bmb_autostart_get_enabled_native ());
  g_assert_true (bmb_autostart_set_enabled_native (FALSE, &error));
  g_assert_no_error (error);

  /* The async entry point takes the same road outside Flatpak. */
  bmb_autostart_set_enabled_async (TRUE, NULL, NULL, on_autostart_done_cb, &state);
  g_assert_true (bmb_test_wait_for (autostart_done, &state, 2000));
  g_assert_cmpint (state, ==, 1);
  g_assert_true (bmb_autostart_get_enabled_native ());
  g_assert_true (bmb_autostart_set_enabled_native (FALSE, &error));

  /* A file where the folder should be: a clear error naming it. */
  g_assert_cmpint (g_rmdir (dir), ==, 0);
  g_assert_true (g_file_set_contents (dir, "", 0, NULL));
  g_assert_false (bmb_autostart_set_enabled_native (TRUE, &error));
  g_assert_error (error, BMB_AUTOSTART_ERROR, BMB_AUTOSTART_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, dir));
  g_unlink (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *config = NULL;

  g_setenv ("TZ", "Asia/Jakarta", TRUE);
  /* Before anything asks GLib for the config folder (it caches it). */
  config = bmb_test_make_tmpdir ();
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/notifier/format/session-title", test_format_session_title);
  g_test_add_func ("/notifier/format/session-body", test_format_session_body);
  g_test_add_func ("/notifier/format/follow-up-and-goal", test_format_follow_up_and_goal);
  g_test_add_func ("/notifier/no-server", test_no_server);
  g_test_add_func ("/notifier/no-bus", test_no_bus);
  g_test_add_func ("/notifier/show", test_show);
  g_test_add_func ("/autostart/native", test_autostart_native);

  return g_test_run ();
}
