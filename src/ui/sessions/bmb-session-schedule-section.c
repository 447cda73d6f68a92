/* bmb-session-schedule-section.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * When the session happens: date, start time, duration, time zone and how
 * it repeats, with the rule described in words. Opened on one occurrence of
 * a series, it shows that occurrence's date; applied to the series, a moved
 * date or time moves the whole series by the same amount.
 */

#define G_LOG_DOMAIN "bmb-session-schedule-section"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-format.h"
#include "bmb-local-time.h"
#include "bmb-recurrence.h"
#include "bmb-session-format.h"
#include "bmb-session-schedule-section.h"
#include "bmb-time-spin.h"

struct _BmbSessionScheduleSection
{
  AdwPreferencesGroup  parent_instance;

  /* template widgets */
  GtkMenuButton       *date_button;
  GtkCalendar         *date_calendar;
  GtkMenuButton       *time_button;
  GtkSpinButton       *hour_spin;
  GtkSpinButton       *minute_spin;
  AdwActionRow        *duration_row;
  GtkSpinButton       *duration_spin;
  GtkDropDown         *zone_dropdown;
  GtkStringList       *zone_list;
  AdwComboRow         *repeat_row;
  GtkStringList       *repeat_list;
  AdwActionRow        *interval_row;
  GtkSpinButton       *interval_spin;
  GtkDropDown         *unit_dropdown;
  AdwComboRow         *end_row;
  AdwActionRow        *count_row;
  GtkSpinButton       *count_spin;
  AdwActionRow        *until_row;
  GtkMenuButton       *until_button;
  GtkCalendar         *until_calendar;
  GtkLabel            *description_label;
  GtkLabel            *error_label;

  /* owned */
  BmbRecurrence       *loaded_recurrence;
  char                *loaded_tzid;
  char                *series_start;     /* the series' first start as loaded */
  char                *loaded_start;     /* the start shown when loaded */
  char                *custom_rrule;     /* a rule the choices cannot express */

  /* state */
  GDate                date;
  GDate                until;
  guint                loading : 1;
  guint                repeat_touched : 1;
  guint                prefer_last_week : 1;
  guint                shift_series : 1;  /* opened on one occurrence of a series */
};

static void section_iface_init (BmbSessionEditorSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BmbSessionScheduleSection, bmb_session_schedule_section,
                               ADW_TYPE_PREFERENCES_GROUP,
                               G_IMPLEMENT_INTERFACE (BMB_TYPE_SESSION_EDITOR_SECTION,
                                                      section_iface_init))

/* The entries of repeat_row, in order; the last only for a kept custom rule. */
static const BmbRepeatKind repeat_kinds[] = {
  BMB_REPEAT_NONE,
  BMB_REPEAT_WEEKLY,
  BMB_REPEAT_BIWEEKLY,
  BMB_REPEAT_MONTHLY_WEEKDAY,
  BMB_REPEAT_MONTHLY_DAY,
  BMB_REPEAT_INTERVAL,
  BMB_REPEAT_CUSTOM,
};

static const BmbRepeatEnd repeat_ends[] = {
  BMB_REPEAT_END_NEVER,
  BMB_REPEAT_END_COUNT,
  BMB_REPEAT_END_UNTIL,
};

static const BmbRepeatUnit repeat_units[] = {
  BMB_REPEAT_UNIT_DAY,
  BMB_REPEAT_UNIT_WEEK,
  BMB_REPEAT_UNIT_MONTH,
};

/* ---- helpers ------------------------------------------------------------- */

char *
bmb_session_schedule_section_dup_system_tzid (void)
{
  g_autoptr(GTimeZone) local = bmb_local_time_zone_ref ();
  const char *id = g_time_zone_get_identifier (local);
  g_autoptr(GTimeZone) check = NULL;

  /* GLib may only know the zone as "Local" or a path; sessions need an IANA id. */
  if (id != NULL && id[0] != '/' && (check = g_time_zone_new_identifier (id)) != NULL &&
      g_strcmp0 (id, "Local") != 0)
    return g_strdup (id);

  return g_strdup ("UTC");
}

static int
compare_zone_names (gconstpointer a,
                    gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

static void
fill_zones (BmbSessionScheduleSection *self)
{
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) zones = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) lines = NULL;

  if (g_file_get_contents ("/usr/share/zoneinfo/zone1970.tab", &contents, NULL, NULL) ||
      g_file_get_contents ("/usr/share/zoneinfo/zone.tab", &contents, NULL, NULL))
    lines = g_strsplit (contents, "\n", -1);

  for (guint i = 0; lines != NULL && lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;

      fields = g_strsplit (lines[i], "\t", 4);
      if (g_strv_length (fields) >= 3)
        g_ptr_array_add (zones, g_strdup (fields[2]));
    }

  g_ptr_array_add (zones, g_strdup ("UTC"));
  g_ptr_array_sort (zones, compare_zone_names);
  g_ptr_array_add (zones, NULL);

  gtk_string_list_splice (self->zone_list, 0, 0, (const char * const *)zones->pdata);
}

static guint
find_zone (BmbSessionScheduleSection *self,
           const char                *tzid)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->zone_list));

  for (guint i = 0; i < n; i++)
    {
      if (g_strcmp0 (gtk_string_list_get_string (self->zone_list, i), tzid) == 0)
        return i;
    }

  gtk_string_list_append (self->zone_list, tzid);

  return n;
}

static const char *
get_tzid (BmbSessionScheduleSection *self)
{
  guint selected = gtk_drop_down_get_selected (self->zone_dropdown);

  if (selected == GTK_INVALID_LIST_POSITION)
    return "UTC";

  return gtk_string_list_get_string (self->zone_list, selected);
}

static GTimeZone *
dup_zone (BmbSessionScheduleSection *self)
{
  GTimeZone *zone = g_time_zone_new_identifier (get_tzid (self));

  return zone != NULL ? zone : g_time_zone_new_utc ();
}

static char *
dup_shown_local (BmbSessionScheduleSection *self)
{
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:00",
                          g_date_get_year (&self->date),
                          g_date_get_month (&self->date),
                          g_date_get_day (&self->date),
                          gtk_spin_button_get_value_as_int (self->hour_spin),
                          gtk_spin_button_get_value_as_int (self->minute_spin));
}

static gboolean
parse_local (const char *local,
             GDate      *date,
             int        *hour,
             int        *minute)
{
  BmbLocalTime t;

  if (!bmb_local_time_parse (local, &t))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, t.day, t.month, t.year);
  *hour = t.hour;
  *minute = t.minute;

  return TRUE;
}

/* Moves @series by the wall-clock distance from @from to @to (all
 * "YYYY-MM-DDTHH:MM:SS"): moving one Tuesday 10:00 occurrence to Wednesday
 * 11:00 moves a series that started on a Tuesday at 10:00 to Wednesdays at
 * 11:00. Computed in UTC so that no DST rule gets in the way. */
static char *
shift_local (const char *series,
             const char *from,
             const char *to)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) s = bmb_local_time_to_date_time (series, utc);
  g_autoptr(GDateTime) f = bmb_local_time_to_date_time (from, utc);
  g_autoptr(GDateTime) t = bmb_local_time_to_date_time (to, utc);
  g_autoptr(GDateTime) moved = NULL;

  if (s == NULL || f == NULL || t == NULL)
    return g_strdup (to);

  moved = g_date_time_add (s, g_date_time_difference (t, f));

  return bmb_date_time_to_local_time (moved);
}

static BmbRepeatKind
get_repeat_kind (BmbSessionScheduleSection *self)
{
  guint selected = adw_combo_row_get_selected (self->repeat_row);

  if (selected >= G_N_ELEMENTS (repeat_kinds))
    return BMB_REPEAT_NONE;

  return repeat_kinds[selected];
}

static int
get_week_of_month (BmbSessionScheduleSection *self)
{
  int week = bmb_recurrence_week_of_month (&self->date);

  if (self->prefer_last_week && bmb_recurrence_is_last_week (&self->date))
    return -1;

  return week >= 5 ? -1 : week;
}

static BmbRecurrence *
build_recurrence_of_kind (BmbSessionScheduleSection *self,
                          BmbRepeatKind              kind)
{
  BmbRecurrence *recurrence = bmb_recurrence_new (kind);
  guint end = adw_combo_row_get_selected (self->end_row);
  guint unit = gtk_drop_down_get_selected (self->unit_dropdown);

  recurrence->interval = kind == BMB_REPEAT_INTERVAL
                         ? (guint)gtk_spin_button_get_value_as_int (self->interval_spin) : 1;
  recurrence->unit = unit < G_N_ELEMENTS (repeat_units) ? repeat_units[unit] : BMB_REPEAT_UNIT_WEEK;
  recurrence->week_of_month = get_week_of_month (self);
  recurrence->end = end < G_N_ELEMENTS (repeat_ends) ? repeat_ends[end] : BMB_REPEAT_END_NEVER;
  recurrence->count = (guint)gtk_spin_button_get_value_as_int (self->count_spin);
  if (recurrence->end == BMB_REPEAT_END_UNTIL)
    recurrence->until = self->until;
  if (kind == BMB_REPEAT_CUSTOM)
    recurrence->rrule = g_strdup (self->custom_rrule);

  return recurrence;
}

static BmbRecurrence *
build_recurrence (BmbSessionScheduleSection *self)
{
  return build_recurrence_of_kind (self, get_repeat_kind (self));
}

static void
update_date_labels (BmbSessionScheduleSection *self)
{
  g_autoptr(GTimeZone) zone = dup_zone (self);
  g_autoptr(GDateTime) date = NULL;
  g_autoptr(GDateTime) until = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *until_text = NULL;

  date = g_date_time_new (zone, g_date_get_year (&self->date), g_date_get_month (&self->date),
                          g_date_get_day (&self->date), 12, 0, 0);
  date_text = bmb_session_format_date (date);
  gtk_menu_button_set_label (self->date_button, date_text);

  until = g_date_time_new (zone, g_date_get_year (&self->until), g_date_get_month (&self->until),
                           g_date_get_day (&self->until), 12, 0, 0);
  until_text = bmb_session_format_date (until);
  gtk_menu_button_set_label (self->until_button, until_text);
}

/* The repeat choices name the weekday and day of the shown date. */
static void
update_repeat_labels (BmbSessionScheduleSection *self)
{
  g_autofree char *start = dup_shown_local (self);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  guint n_kinds = self->custom_rrule != NULL ? G_N_ELEMENTS (repeat_kinds)
                                             : G_N_ELEMENTS (repeat_kinds) - 1;
  guint selected = adw_combo_row_get_selected (self->repeat_row);
  gboolean was_loading = self->loading;

  for (guint i = 0; i < n_kinds; i++)
    {
      g_autoptr(BmbRecurrence) recurrence = NULL;

      switch (repeat_kinds[i])
        {
        case BMB_REPEAT_INTERVAL:
          g_ptr_array_add (labels, g_strdup (_("Custom Interval")));
          break;

        case BMB_REPEAT_CUSTOM:
          g_ptr_array_add (labels, bmb_recurrence_describe_rrule (self->custom_rrule,
                                                                  self->series_start,
                                                                  get_tzid (self)));
          break;

        case BMB_REPEAT_NONE:
        case BMB_REPEAT_WEEKLY:
        case BMB_REPEAT_BIWEEKLY:
        case BMB_REPEAT_MONTHLY_WEEKDAY:
        case BMB_REPEAT_MONTHLY_DAY:
        default:
          recurrence = bmb_recurrence_new (repeat_kinds[i]);
          recurrence->interval = 1;
          recurrence->week_of_month = get_week_of_month (self);
          recurrence->end = BMB_REPEAT_END_NEVER;
          g_ptr_array_add (labels, bmb_recurrence_describe (recurrence, start));
          break;
        }
    }
  g_ptr_array_add (labels, NULL);

  self->loading = TRUE;
  gtk_string_list_splice (self->repeat_list, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->repeat_list)),
                          (const char * const *)labels->pdata);
  adw_combo_row_set_selected (self->repeat_row, selected < n_kinds ? selected : 0);
  self->loading = was_loading;
}

static const char *
validate (BmbSessionScheduleSection  *self,
          char                      **message)
{
  g_autoptr(GTimeZone) zone = dup_zone (self);
  g_autoptr(GDateTime) start = NULL;
  int hour = gtk_spin_button_get_value_as_int (self->hour_spin);
  int minute = gtk_spin_button_get_value_as_int (self->minute_spin);

  *message = NULL;

  if (gtk_spin_button_get_value_as_int (self->duration_spin) < 1)
    return (*message = g_strdup (_("A session lasts at least one minute.")));

  start = g_date_time_new (zone, g_date_get_year (&self->date), g_date_get_month (&self->date),
                           g_date_get_day (&self->date), hour, minute, 0);
  if (start == NULL ||
      g_date_time_get_hour (start) != hour || g_date_time_get_minute (start) != minute)
    {
      g_autofree char *time = bmb_format_hour_minute (hour, minute);

      return (*message = g_strdup_printf (_("%s does not exist on that day in %s because "
                                            "the clocks change. Choose another time."),
                                          time, get_tzid (self)));
    }

  if (get_repeat_kind (self) != BMB_REPEAT_NONE &&
      adw_combo_row_get_selected (self->end_row) == 2 &&
      g_date_compare (&self->until, &self->date) < 0)
    return (*message = g_strdup (_("The last date is before the first session.")));

  return NULL;
}

static void
update (BmbSessionScheduleSection *self)
{
  BmbRepeatKind kind = get_repeat_kind (self);
  gboolean repeats = kind != BMB_REPEAT_NONE;
  guint end = adw_combo_row_get_selected (self->end_row);
  g_autofree char *message = NULL;
  g_autoptr(GTimeZone) zone = dup_zone (self);
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end_time = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->interval_row), kind == BMB_REPEAT_INTERVAL);
  gtk_widget_set_visible (GTK_WIDGET (self->end_row), repeats && kind != BMB_REPEAT_CUSTOM);
  gtk_widget_set_visible (GTK_WIDGET (self->count_row),
                          repeats && kind != BMB_REPEAT_CUSTOM && end == 1);
  gtk_widget_set_visible (GTK_WIDGET (self->until_row),
                          repeats && kind != BMB_REPEAT_CUSTOM && end == 2);

  if (repeats)
    {
      g_autoptr(BmbRecurrence) recurrence = build_recurrence (self);
      g_autofree char *shown = dup_shown_local (self);
      g_autofree char *description = NULL;

      if (kind == BMB_REPEAT_CUSTOM)
        description = bmb_recurrence_describe_rrule (self->custom_rrule, self->series_start,
                                                     get_tzid (self));
      else
        description = bmb_recurrence_describe (recurrence, shown);
      gtk_label_set_label (self->description_label, description);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->description_label), repeats);

  /* "Ends at 11:00 AM" under the duration. */
  start = g_date_time_new (zone, g_date_get_year (&self->date), g_date_get_month (&self->date),
                           g_date_get_day (&self->date),
                           gtk_spin_button_get_value_as_int (self->hour_spin),
                           gtk_spin_button_get_value_as_int (self->minute_spin), 0);
  if (start != NULL)
    {
      g_autofree char *time = bmb_session_format_time (start);

      gtk_menu_button_set_label (self->time_button, time);
      end_time = g_date_time_add_minutes (start, gtk_spin_button_get_value_as_int (self->duration_spin));
    }
  else
    {
      g_autofree char *time = bmb_format_hour_minute (gtk_spin_button_get_value_as_int (self->hour_spin),
                                                      gtk_spin_button_get_value_as_int (self->minute_spin));

      gtk_menu_button_set_label (self->time_button, time);
    }
  if (end_time != NULL)
    {
      g_autofree char *time = bmb_session_format_time (end_time);
      /* Translators: under the duration of a session: when it ends, e.g. "Ends at 11:00 AM" */
      g_autofree char *subtitle = g_strdup_printf (_("Ends at %s"), time);

      adw_action_row_set_subtitle (self->duration_row, subtitle);
    }

  validate (self, &message);
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
emit_changed (BmbSessionScheduleSection *self)
{
  update (self);
  if (!self->loading)
    bmb_session_editor_section_changed (BMB_SESSION_EDITOR_SECTION (self));
}

static void
set_calendar_date (GtkCalendar *calendar,
                   const GDate *date)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                                   g_date_get_day (date), 12, 0, 0);

  gtk_calendar_select_day (calendar, dt);
}

static void
get_calendar_date (GtkCalendar *calendar,
                   GDate       *date)
{
  g_autoptr(GDateTime) dt = gtk_calendar_get_date (calendar);

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (dt), g_date_time_get_month (dt),
                  g_date_time_get_year (dt));
}

/* ---- callbacks ----------------------------------------------------------- */

static gboolean
on_time_spin_output_cb (GtkSpinButton *spin,
                        gpointer       user_data)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);

  return TRUE;
}

static void
on_schedule_changed_cb (BmbSessionScheduleSection *self)
{
  emit_changed (self);
}

static void
on_zone_changed_cb (BmbSessionScheduleSection *self)
{
  if (!self->loading)
    update_date_labels (self);
  emit_changed (self);
}

static void
on_repeat_changed_cb (BmbSessionScheduleSection *self)
{
  if (!self->loading)
    self->repeat_touched = TRUE;
  emit_changed (self);
}

static void
on_date_selected_cb (BmbSessionScheduleSection *self)
{
  GDate previous = self->date;

  if (self->loading)
    return;

  get_calendar_date (self->date_calendar, &self->date);
  /* A click on a day closes the popover; paging through months does not. */
  if (g_date_get_month (&previous) == g_date_get_month (&self->date) &&
      g_date_get_year (&previous) == g_date_get_year (&self->date))
    gtk_menu_button_popdown (self->date_button);

  update_date_labels (self);
  update_repeat_labels (self);
  emit_changed (self);
}

static void
on_until_selected_cb (BmbSessionScheduleSection *self)
{
  GDate previous = self->until;

  if (self->loading)
    return;

  get_calendar_date (self->until_calendar, &self->until);
  if (g_date_get_month (&previous) == g_date_get_month (&self->until) &&
      g_date_get_year (&previous) == g_date_get_year (&self->until))
    gtk_menu_button_popdown (self->until_button);

  update_date_labels (self);
  self->repeat_touched = TRUE;
  emit_changed (self);
}

/* ---- BmbSessionEditorSection --------------------------------------------- */

static void
load_recurrence (BmbSessionScheduleSection *self,
                 BmbSession                *session)
{
  g_autoptr(GError) error = NULL;
  BmbRecurrence *recurrence;
  guint kind_index = 0;

  g_clear_pointer (&self->loaded_recurrence, bmb_recurrence_unref);
  g_clear_pointer (&self->custom_rrule, g_free);

  recurrence = bmb_recurrence_new_from_rrule (bmb_session_get_rrule (session),
                                              bmb_session_get_start_local (session),
                                              bmb_session_get_tzid (session),
                                              &error);
  if (recurrence == NULL)
    {
      /* Keep a rule we cannot read rather than lose it. */
      g_debug ("Keeping an unreadable rule: %s", error->message);
      recurrence = bmb_recurrence_new (BMB_REPEAT_CUSTOM);
      recurrence->rrule = g_strdup (bmb_session_get_rrule (session));
    }
  self->loaded_recurrence = recurrence;

  if (recurrence->kind == BMB_REPEAT_CUSTOM)
    self->custom_rrule = g_strdup (recurrence->rrule != NULL ? recurrence->rrule
                                                             : bmb_session_get_rrule (session));
  self->prefer_last_week = recurrence->kind == BMB_REPEAT_MONTHLY_WEEKDAY &&
                           recurrence->week_of_month == -1;

  for (guint i = 0; i < G_N_ELEMENTS (repeat_kinds); i++)
    {
      if (repeat_kinds[i] == recurrence->kind)
        kind_index = i;
    }

  update_repeat_labels (self);
  adw_combo_row_set_selected (self->repeat_row, kind_index);

  if (recurrence->kind == BMB_REPEAT_INTERVAL)
    {
      gtk_spin_button_set_value (self->interval_spin, MAX (recurrence->interval, 1));
      for (guint i = 0; i < G_N_ELEMENTS (repeat_units); i++)
        {
          if (repeat_units[i] == recurrence->unit)
            gtk_drop_down_set_selected (self->unit_dropdown, i);
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (repeat_ends); i++)
    {
      if (repeat_ends[i] == recurrence->end)
        adw_combo_row_set_selected (self->end_row, i);
    }
  if (recurrence->end == BMB_REPEAT_END_COUNT)
    gtk_spin_button_set_value (self->count_spin, MAX (recurrence->count, 1));

  /* Until defaults to three months after the start. */
  if (recurrence->end == BMB_REPEAT_END_UNTIL && g_date_valid (&recurrence->until))
    self->until = recurrence->until;
  else
    {
      self->until = self->date;
      g_date_add_months (&self->until, 3);
    }
  set_calendar_date (self->until_calendar, &self->until);
}

static void
bmb_session_schedule_section_load (BmbSessionEditorSection *section,
                                   BmbMentoringStore       *store,
                                   BmbSession              *session,
                                   BmbOccurrence           *occurrence)
{
  BmbSessionScheduleSection *self = BMB_SESSION_SCHEDULE_SECTION (section);
  g_autofree char *system_tzid = NULL;
  g_autofree char *shown = NULL;
  const char *tzid = bmb_session_get_tzid (session);
  int duration, hour = 10, minute = 0;

  if (tzid == NULL || tzid[0] == '\0')
    tzid = system_tzid = bmb_session_schedule_section_dup_system_tzid ();

  if (occurrence != NULL)
    {
      shown = bmb_date_time_to_local_time (bmb_occurrence_get_start (occurrence));
      duration = bmb_occurrence_get_duration_min (occurrence);
    }
  else
    {
      shown = g_strdup (bmb_session_get_start_local (session));
      duration = bmb_session_get_duration_min (session);
    }

  self->loading = TRUE;
  self->repeat_touched = FALSE;

  g_free (self->series_start);
  self->series_start = g_strdup (bmb_session_get_start_local (session));
  g_free (self->loaded_start);
  self->loaded_start = g_strdup (shown);
  g_free (self->loaded_tzid);
  self->loaded_tzid = g_strdup (tzid);
  self->shift_series = occurrence != NULL && bmb_session_is_recurring (session);

  if (!parse_local (shown, &self->date, &hour, &minute))
    {
      g_autoptr(GDateTime) now = bmb_date_time_new_now_local ();

      g_date_clear (&self->date, 1);
      g_date_set_dmy (&self->date, g_date_time_get_day_of_month (now),
                      g_date_time_get_month (now), g_date_time_get_year (now));
    }

  gtk_drop_down_set_selected (self->zone_dropdown, find_zone (self, tzid));
  set_calendar_date (self->date_calendar, &self->date);
  gtk_spin_button_set_value (self->hour_spin, hour);
  gtk_spin_button_set_value (self->minute_spin, minute);
  gtk_spin_button_set_value (self->duration_spin, duration);
  load_recurrence (self, session);
  update_date_labels (self);

  self->loading = FALSE;
  update (self);
}

static void
bmb_session_schedule_section_apply (BmbSessionEditorSection *section,
                                    BmbSession              *session)
{
  BmbSessionScheduleSection *self = BMB_SESSION_SCHEDULE_SECTION (section);
  g_autofree char *shown = dup_shown_local (self);
  g_autofree char *start = NULL;
  g_autoptr(BmbRecurrence) recurrence = build_recurrence (self);
  const char *tzid = get_tzid (self);

  if (self->shift_series && self->series_start != NULL && self->loaded_start != NULL)
    start = shift_local (self->series_start, self->loaded_start, shown);
  else
    start = g_strdup (shown);

  bmb_session_set_start_local (session, start);
  bmb_session_set_tzid (session, tzid);
  bmb_session_set_duration_min (session, gtk_spin_button_get_value_as_int (self->duration_spin));

  switch (recurrence->kind)
    {
    case BMB_REPEAT_NONE:
      bmb_session_set_rrule (session, NULL);
      bmb_session_set_exdates (session, NULL);
      break;

    case BMB_REPEAT_CUSTOM:
      bmb_session_set_rrule (session, self->custom_rrule);
      break;

    case BMB_REPEAT_WEEKLY:
    case BMB_REPEAT_BIWEEKLY:
    case BMB_REPEAT_MONTHLY_WEEKDAY:
    case BMB_REPEAT_MONTHLY_DAY:
    case BMB_REPEAT_INTERVAL:
    default:
      {
        g_autofree char *rrule = bmb_recurrence_to_rrule (recurrence, start, tzid);

        bmb_session_set_rrule (session, rrule);
      }
      break;
    }
}

static void
bmb_session_schedule_section_apply_occurrence (BmbSessionEditorSection *section,
                                               BmbOccurrence           *occurrence)
{
  BmbSessionScheduleSection *self = BMB_SESSION_SCHEDULE_SECTION (section);
  g_autoptr(GDateTime) start = bmb_session_schedule_section_dup_start (self);

  if (start != NULL)
    bmb_occurrence_set_start (occurrence, start);
  bmb_occurrence_set_duration_min (occurrence, gtk_spin_button_get_value_as_int (self->duration_spin));
}

static gboolean
bmb_session_schedule_section_is_valid (BmbSessionEditorSection *section)
{
  g_autofree char *message = NULL;

  return validate (BMB_SESSION_SCHEDULE_SECTION (section), &message) == NULL;
}

static void
section_iface_init (BmbSessionEditorSectionInterface *iface)
{
  iface->load = bmb_session_schedule_section_load;
  iface->apply = bmb_session_schedule_section_apply;
  iface->apply_occurrence = bmb_session_schedule_section_apply_occurrence;
  iface->is_valid = bmb_session_schedule_section_is_valid;
}

/* ---- GObject ------------------------------------------------------------- */

static void
bmb_session_schedule_section_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), BMB_TYPE_SESSION_SCHEDULE_SECTION);

  G_OBJECT_CLASS (bmb_session_schedule_section_parent_class)->dispose (object);
}

static void
bmb_session_schedule_section_finalize (GObject *object)
{
  BmbSessionScheduleSection *self = (BmbSessionScheduleSection *)object;

  g_clear_pointer (&self->loaded_recurrence, bmb_recurrence_unref);
  g_clear_pointer (&self->loaded_tzid, g_free);
  g_clear_pointer (&self->series_start, g_free);
  g_clear_pointer (&self->loaded_start, g_free);
  g_clear_pointer (&self->custom_rrule, g_free);

  G_OBJECT_CLASS (bmb_session_schedule_section_parent_class)->finalize (object);
}

static void
bmb_session_schedule_section_class_init (BmbSessionScheduleSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bmb_session_schedule_section_dispose;
  object_class->finalize = bmb_session_schedule_section_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/bmb-session-schedule-section.ui");
  gtk_widget_class_bind_template_child (widget_class, BmbSessionScheduleSection, date_button);
  gtk_widget_class_bind_template_child (widget_class, BmbSessionScheduleSection, date_calendar);
  gtk_widget_class_bind_template_child (widget_class, BmbSessionScheduleSection, time_button);
  gtk_widget_class_bind_template_child (widget_class, BmbSessionScheduleSection, hour_spin);
  gtk_widget_class_bind_template_child (widget_class, BmbSessionScheduleSection, minute_spin);
  gtk_widget_class_bind_template_child (widget_class, BmbSessionScheduleSection, duration_row);
  gtk_widget_class_bind_template_child (widget_class, BmbSessionScheduleSection, duration_spin);
  gtk_widget_class_bind_template_child (widget_class, BmbSessionScheduleSection, zone_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BmbSessionScheduleSection, zone_list);
  gtk_widget_class_bind_template_child (widget_class, BmbSessionScheduleSection, repeat_row);
  gtk_widget_class_bind_template_child (widget_class, BmbSessionScheduleSection, repeat_list);
  gtk_widget_class_bind_template_child (widget_class, BmbSessionScheduleSection, interval_row);
  gtk_widget_class_bind_template_child (widget_class, BmbSessionScheduleSection, interval_spin);
  gtk_widget_class_bind_template_child (widget_class, BmbSessionScheduleSection, unit_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BmbSessionScheduleSection, end_row);
  gtk_widget_class_bind_template_child (widget_class, BmbSessionScheduleSection, count_row);
  gtk_widget_class_bind_template_child (widget_class, BmbSessionScheduleSection, count_spin);
  gtk_widget_class_bind_template_child (widget_class, BmbSessionScheduleSection, until_row);
  gtk_widget_class_bind_template_child (widget_class, BmbSessionScheduleSection, until_button);
  gtk_widget_class_bind_template_child (widget_class, BmbSessionScheduleSection, until_calendar);
  gtk_widget_class_bind_template_child (widget_class, BmbSessionScheduleSection, description_label);
  gtk_widget_class_bind_template_child (widget_class, BmbSessionScheduleSection, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_time_spin_output_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_schedule_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_zone_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_repeat_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_date_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_until_selected_cb);
}

static void
bmb_session_schedule_section_init (BmbSessionScheduleSection *self)
{
  g_autoptr(GDateTime) now = bmb_date_time_new_now_local ();

  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  g_date_clear (&self->date, 1);
  g_date_set_dmy (&self->date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  self->until = self->date;
  g_date_add_months (&self->until, 3);

  fill_zones (self);
  update_repeat_labels (self);
  bmb_time_spin_setup_hour (self->hour_spin);
  bmb_format_watch_clock (self, G_CALLBACK (update));
  self->loading = FALSE;
}

/* ---- public API ---------------------------------------------------------- */

gboolean
bmb_session_schedule_section_changes_series (BmbSessionScheduleSection *self)
{
  g_autoptr(BmbRecurrence) recurrence = NULL;

  g_return_val_if_fail (BMB_IS_SESSION_SCHEDULE_SECTION (self), FALSE);

  if (g_strcmp0 (self->loaded_tzid, get_tzid (self)) != 0)
    return TRUE;
  if (!self->repeat_touched || self->loaded_recurrence == NULL)
    return FALSE;

  recurrence = build_recurrence (self);

  return !bmb_recurrence_equal (recurrence, self->loaded_recurrence);
}

GDateTime *
bmb_session_schedule_section_dup_start (BmbSessionScheduleSection *self)
{
  g_autoptr(GTimeZone) zone = NULL;
  g_autofree char *shown = NULL;

  g_return_val_if_fail (BMB_IS_SESSION_SCHEDULE_SECTION (self), NULL);

  zone = dup_zone (self);
  shown = dup_shown_local (self);

  return bmb_local_time_to_date_time (shown, zone);
}
