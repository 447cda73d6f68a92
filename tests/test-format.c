/* test-format.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The UI's one formatting module: dates in the language's order, times on
 * the desktop's 12- or 24-hour clock (and following a change of it),
 * percentages in one form, in English and in Indonesian.
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <locale.h>

#include <adwaita.h>

#include "bmb-date-row.h"
#include "bmb-format.h"
#include "bmb-label-tooltip.h"
#include "bmb-time-spin.h"

static GSettings *
interface_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, "org.gnome.desktop.interface", TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "clock-format"))
    return NULL;

  return g_settings_new ("org.gnome.desktop.interface");
}

/* Sets the desktop's clock; FALSE (and the test skipped) without the schema. */
static gboolean
set_clock (const char *value)
{
  g_autoptr(GSettings) settings = interface_settings ();

  if (settings == NULL)
    {
      g_test_skip ("org.gnome.desktop.interface is not installed");
      return FALSE;
    }
  g_settings_set_string (settings, "clock-format", value);

  return TRUE;
}

static gboolean
set_language (const char *language)
{
  const char *localedir = g_getenv ("BIMBING_LOCALEDIR");
  g_autofree char *mo = g_build_filename (localedir ? localedir : LOCALEDIR, "id",
                                          "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);

  if (g_str_equal (language, "id") && !g_file_test (mo, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("No Indonesian translation built");
      return FALSE;
    }
  g_setenv ("LANGUAGE", language, TRUE);
  /* Makes gettext drop its cache of looked-up messages. */
  setlocale (LC_MESSAGES, "");

  return TRUE;
}

static GDateTime *
tuesday_afternoon (void)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Jakarta");

  return g_date_time_new (zone, 2026, 3, 10, 16, 5, 0);
}

static void
test_dates_english (void)
{
  g_autoptr(GDateTime) dt = tuesday_afternoon ();
  g_autofree char *date = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *weekday = NULL;
  g_autofree char *this_year = NULL;
  g_autofree char *day_month = NULL;
  g_autofree char *short_date = NULL;
  g_autofree char *short_year = NULL;

  set_language ("C");
  date = bmb_format_date (dt);
  iso = bmb_format_iso_date ("2026-03-10");
  weekday = bmb_format_date_with_weekday (dt);
  this_year = bmb_format_weekday_day_month (dt);
  day_month = bmb_format_day_month (dt);
  short_date = bmb_format_short_date (dt, FALSE);
  short_year = bmb_format_short_date (dt, TRUE);

  g_assert_cmpstr (date, ==, "March 10, 2026");
  g_assert_cmpstr (iso, ==, "March 10, 2026");
  g_assert_cmpstr (weekday, ==, "Tuesday, March 10, 2026");
  g_assert_cmpstr (this_year, ==, "Tuesday, March 10");
  g_assert_cmpstr (day_month, ==, "March 10");
  g_assert_cmpstr (short_date, ==, "Mar 10");
  g_assert_cmpstr (short_year, ==, "Mar 10, 2026");
  g_assert_null (bmb_format_iso_date ("2026-02-30"));
  g_assert_null (bmb_format_iso_date (NULL));
  g_assert_null (bmb_format_iso_date ("10/03/2026"));
}

static void
test_dates_indonesian (void)
{
  g_autoptr(GDateTime) dt = tuesday_afternoon ();
  g_autofree char *date = NULL;
  g_autofree char *weekday = NULL;
  g_autofree char *short_date = NULL;
  /* Month names come from LC_TIME: Indonesian when the system has id_ID. */
  gboolean have_locale = setlocale (LC_TIME, "id_ID.UTF-8") != NULL;

  if (!set_language ("id"))
    return;

  date = bmb_format_date (dt);
  weekday = bmb_format_date_with_weekday (dt);
  short_date = bmb_format_short_date (dt, FALSE);
  if (have_locale)
    {
      g_assert_cmpstr (date, ==, "10 Maret 2026");
      g_assert_cmpstr (weekday, ==, "Selasa, 10 Maret 2026");
    }
  else
    {
      /* The order is the translation's: day first. */
      g_assert_cmpstr (date, ==, "10 March 2026");
      g_assert_cmpstr (weekday, ==, "Tuesday, 10 March 2026");
      g_assert_cmpstr (short_date, ==, "10 Mar");
    }

  setlocale (LC_TIME, "");
  set_language ("C");
}

static void
test_clock_24h (void)
{
  g_autoptr(GDateTime) dt = tuesday_afternoon ();
  g_autofree char *time = NULL;
  g_autofree char *hour = NULL;
  g_autofree char *when = NULL;
  g_autofree char *id_time = NULL;
  g_autofree char *id_when = NULL;

  if (!set_clock ("24h"))
    return;
  set_language ("C");

  g_assert_false (bmb_format_get_use_12h ());
  time = bmb_format_time (dt);
  hour = bmb_format_hour (16);
  when = bmb_format_date_time (dt);
  g_assert_cmpstr (time, ==, "16:05");
  g_assert_cmpstr (hour, ==, "16");
  g_assert_cmpstr (when, ==, "Tuesday, March 10, 2026 at 16:05");

  if (!set_language ("id"))
    return;
  id_time = bmb_format_time (dt);
  id_when = bmb_format_date_time (dt);
  g_assert_cmpstr (id_time, ==, "16.05");
  g_assert_true (g_str_has_suffix (id_when, "2026, pukul 16.05"));
  set_language ("C");
}

static void
test_clock_12h (void)
{
  g_autoptr(GDateTime) dt = tuesday_afternoon ();
  g_autoptr(GDateTime) morning = g_date_time_add_hours (dt, -16);  /* 00:05 */
  g_autofree char *time = NULL;
  g_autofree char *midnight = NULL;
  g_autofree char *hour = NULL;
  g_autofree char *when = NULL;
  g_autofree char *wall = NULL;

  if (!set_clock ("12h"))
    return;
  set_language ("C");

  g_assert_true (bmb_format_get_use_12h ());
  time = bmb_format_time (dt);
  midnight = bmb_format_time (morning);
  hour = bmb_format_hour (16);
  when = bmb_format_date_time (dt);
  wall = bmb_format_hour_minute (9, 30);
  g_assert_cmpstr (time, ==, "4:05 PM");
  g_assert_cmpstr (midnight, ==, "12:05 AM");
  g_assert_cmpstr (hour, ==, "4 PM");
  g_assert_cmpstr (when, ==, "Tuesday, March 10, 2026 at 4:05 PM");
  g_assert_cmpstr (wall, ==, "9:30 AM");

  set_clock ("24h");
}

static void
test_clock_follows_setting (void)
{
  g_autoptr(GDateTime) dt = tuesday_afternoon ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  if (!set_clock ("24h"))
    return;
  set_language ("C");

  before = bmb_format_time (dt);
  set_clock ("12h");
  after = bmb_format_time (dt);
  g_assert_cmpstr (before, ==, "16:05");
  g_assert_cmpstr (after, ==, "4:05 PM");
  set_clock ("24h");
}

static void
count_changes_cb (GObject *watcher)
{
  int *count = g_object_get_data (watcher, "count");

  (*count)++;
}

static void
test_clock_watch (void)
{
  g_autoptr(GObject) watcher = g_object_new (G_TYPE_OBJECT, NULL);
  int count = 0;

  if (!set_clock ("24h"))
    return;

  g_object_set_data (watcher, "count", &count);
  bmb_format_watch_clock (watcher, G_CALLBACK (count_changes_cb));
  set_clock ("12h");
  g_assert_cmpint (count, ==, 1);
  set_clock ("24h");
  g_assert_cmpint (count, ==, 2);

  /* Gone with the watcher. */
  g_clear_object (&watcher);
  set_clock ("12h");
  g_assert_cmpint (count, ==, 2);
  set_clock ("24h");
}

static void
test_percent (void)
{
  g_autofree char *english = NULL;
  g_autofree char *indonesian = NULL;

  set_language ("C");
  english = bmb_format_percent (40);
  g_assert_cmpstr (english, ==, "40%");

  if (!set_language ("id"))
    return;
  indonesian = bmb_format_percent (40);
  g_assert_cmpstr (indonesian, ==, "40%");
  set_language ("C");
}

static void
test_parse_hour (void)
{
  g_assert_cmpint (bmb_time_spin_parse_hour ("16"), ==, 16);
  g_assert_cmpint (bmb_time_spin_parse_hour ("0"), ==, 0);
  g_assert_cmpint (bmb_time_spin_parse_hour (" 4 PM"), ==, 16);
  g_assert_cmpint (bmb_time_spin_parse_hour ("4pm"), ==, 16);
  g_assert_cmpint (bmb_time_spin_parse_hour ("4 a"), ==, 4);
  g_assert_cmpint (bmb_time_spin_parse_hour ("12 AM"), ==, 0);
  g_assert_cmpint (bmb_time_spin_parse_hour ("12 PM"), ==, 12);
  g_assert_cmpint (bmb_time_spin_parse_hour ("13 PM"), ==, -1);
  g_assert_cmpint (bmb_time_spin_parse_hour ("24"), ==, -1);
  g_assert_cmpint (bmb_time_spin_parse_hour ("4 xyz"), ==, -1);
  g_assert_cmpint (bmb_time_spin_parse_hour ("PM"), ==, -1);
  g_assert_cmpint (bmb_time_spin_parse_hour (NULL), ==, -1);
}

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              int        *count)
{
  (*count)++;
}

static GtkWidget *
find_child (GtkWidget *root,
            GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_child (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* BmbDateRow: the stored date in, the user's form on its button, a picked
 * day out, "No Date" only when allowed. */
static void
test_date_row (void)
{
  GtkWidget *row;
  GtkMenuButton *button;
  GtkCalendar *calendar;
  GtkPopover *popover;
  GtkWidget *clear = NULL;
  g_autoptr(GDateTime) day = NULL;
  int notified = 0;

  if (!gtk_is_initialized ())
    {
      g_test_skip ("Needs a display");
      return;
    }
  set_language ("C");

  row = g_object_ref_sink (bmb_date_row_new ());
  button = GTK_MENU_BUTTON (find_child (row, GTK_TYPE_MENU_BUTTON));
  popover = gtk_menu_button_get_popover (button);
  calendar = GTK_CALENDAR (find_child (GTK_WIDGET (popover), GTK_TYPE_CALENDAR));
  for (GtkWidget *w = gtk_widget_get_first_child (gtk_popover_get_child (popover)); w;
       w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_BUTTON (w))
      clear = w;
  g_assert_nonnull (calendar);
  g_assert_nonnull (clear);
  g_signal_connect (row, "notify::date", G_CALLBACK (on_notify_cb), &notified);

  g_assert_null (bmb_date_row_get_date (BMB_DATE_ROW (row)));
  g_assert_cmpstr (gtk_menu_button_get_label (button), ==, "None");

  bmb_date_row_set_date (BMB_DATE_ROW (row), "2026-03-10");
  g_assert_cmpstr (bmb_date_row_get_date (BMB_DATE_ROW (row)), ==, "2026-03-10");
  g_assert_cmpstr (gtk_menu_button_get_label (button), ==, "March 10, 2026");
  g_assert_cmpint (notified, ==, 1);
  g_assert_false (gtk_widget_get_visible (clear));   /* allow-none is off */

  /* Not a date: no date. */
  bmb_date_row_set_date (BMB_DATE_ROW (row), "2026-02-30");
  g_assert_null (bmb_date_row_get_date (BMB_DATE_ROW (row)));
  g_assert_cmpint (notified, ==, 2);

  /* A day picked in the calendar. */
  day = g_date_time_new_local (2027, 1, 5, 0, 0, 0);
  gtk_calendar_select_day (calendar, day);
  g_assert_cmpstr (bmb_date_row_get_date (BMB_DATE_ROW (row)), ==, "2027-01-05");
  g_assert_cmpstr (gtk_menu_button_get_label (button), ==, "January 5, 2027");

  /* "No Date" when allowed, with its own label. */
  bmb_date_row_set_allow_none (BMB_DATE_ROW (row), TRUE);
  bmb_date_row_set_none_label (BMB_DATE_ROW (row), "Open-ended");
  g_assert_true (gtk_widget_get_visible (clear));
  g_signal_emit_by_name (clear, "clicked");
  g_assert_null (bmb_date_row_get_date (BMB_DATE_ROW (row)));
  g_assert_cmpstr (gtk_menu_button_get_label (button), ==, "Open-ended");
  g_assert_false (gtk_widget_get_visible (clear));

  g_object_unref (row);
}

/* The session editor's hour: "16" on a 24-hour clock, "4 PM" on a 12-hour
 * one, switching when the desktop's setting does; typed hours are read. */
static void
test_hour_spin (void)
{
  GtkWidget *spin;

  if (!gtk_is_initialized ())
    {
      g_test_skip ("Needs a display");
      return;
    }
  if (!set_clock ("24h"))
    return;
  set_language ("C");

  spin = g_object_ref_sink (gtk_spin_button_new_with_range (0, 23, 1));
  bmb_time_spin_setup_hour (GTK_SPIN_BUTTON (spin));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 16);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "16");

  set_clock ("12h");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "4 PM");

  gtk_editable_set_text (GTK_EDITABLE (spin), "9 am");
  gtk_spin_button_update (GTK_SPIN_BUTTON (spin));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)), ==, 9);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "9 AM");

  set_clock ("24h");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "09");
  g_object_unref (spin);
}

static gboolean
ask_tooltip (GtkWidget *label)
{
  g_autoptr(GtkTooltip) tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  gboolean shown = FALSE;

  g_signal_emit_by_name (label, "query-tooltip", 1, 1, FALSE, tooltip, &shown);

  return shown;
}

/* A label cut to one line answers the tooltip query with its text; a label that fits
 * does not. */
static void
test_label_tooltip (void)
{
  GtkWidget *window;
  GtkWidget *box;
  GtkWidget *cut;
  GtkWidget *fits;

  if (!gtk_is_initialized ())
    {
      g_test_skip ("no display");
      return;
    }

  window = gtk_window_new ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  cut = gtk_label_new ("A very long session title about preparing the portfolio review with Siti");
  fits = gtk_label_new ("Short");
  gtk_label_set_ellipsize (GTK_LABEL (cut), PANGO_ELLIPSIZE_END);
  gtk_label_set_ellipsize (GTK_LABEL (fits), PANGO_ELLIPSIZE_END);
  bmb_label_tooltip_when_cut (GTK_LABEL (cut));
  bmb_label_tooltip_when_cut (GTK_LABEL (fits));
  gtk_box_append (GTK_BOX (box), cut);
  gtk_box_append (GTK_BOX (box), fits);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 120, 60);
  gtk_window_present (GTK_WINDOW (window));
  while (gtk_widget_get_width (cut) == 0)
    g_main_context_iteration (NULL, TRUE);
  for (int i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);

  g_assert_true (gtk_widget_get_has_tooltip (cut));
  g_assert_true (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (cut))));
  g_assert_true (ask_tooltip (cut));
  g_assert_false (ask_tooltip (fits));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("BIMBING_LOCALEDIR");

  g_setenv ("TZ", "Asia/Jakarta", TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/dates/english", test_dates_english);
  g_test_add_func ("/format/dates/indonesian", test_dates_indonesian);
  g_test_add_func ("/format/clock/24h", test_clock_24h);
  g_test_add_func ("/format/clock/12h", test_clock_12h);
  g_test_add_func ("/format/clock/follows-setting", test_clock_follows_setting);
  g_test_add_func ("/format/clock/watch", test_clock_watch);
  g_test_add_func ("/format/percent", test_percent);
  g_test_add_func ("/format/parse-hour", test_parse_hour);
  if (g_getenv ("DISPLAY") != NULL && gtk_init_check ())
    adw_init ();
  g_test_add_func ("/format/date-row", test_date_row);
  g_test_add_func ("/format/hour-spin", test_hour_spin);
  g_test_add_func ("/format/label-tooltip", test_label_tooltip);

  return g_test_run ();
}
