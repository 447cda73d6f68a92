/* bmb-goal-reminders.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-goal-reminders"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "bmb-local-time.h"
#include "bmb-goal-reminders.h"

struct _BmbGoalReminders
{
  GObject parent_instance;

  /* owned */
  BmbDatabase *db;
  GTimeZone   *tz;   /* NULL: the local zone, re-read on every call */
};

static void reminder_source_iface_init (BmbReminderSourceInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BmbGoalReminders, bmb_goal_reminders, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (BMB_TYPE_REMINDER_SOURCE,
                                                      reminder_source_iface_init))

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- Helpers ---------------------------------------------------------------------- */

static char *
format_local_date (GDateTime *dt)
{
  return g_date_time_format (dt, "%Y-%m-%d");
}

/* 09:00 on @due_on ("YYYY-MM-DD") in @tz; NULL for an invalid date. */
static GDateTime *
trigger_for_due_date (GTimeZone  *tz,
                      const char *due_on)
{
  return bmb_local_date_to_date_time (due_on, tz, BMB_GOAL_REMINDER_HOUR);
}

static char *
describe_partner (const char *mentor_name,
                  gboolean    mentor_is_me,
                  const char *mentee_name,
                  gboolean    mentee_is_me)
{
  if (mentor_is_me)
    return g_strdup (mentee_name);
  if (mentee_is_me)
    return g_strdup (mentor_name);
  if (mentor_name != NULL && mentee_name != NULL)
    /* Translators: a mentoring pair I am not part of: “mentor and mentee”. */
    return g_strdup_printf (_("%s and %s"), mentor_name, mentee_name);

  return g_strdup (mentor_name != NULL ? mentor_name : mentee_name);
}

/* ---- BmbReminderSource ---------------------------------------------------------------- */

static GPtrArray *
bmb_goal_reminders_list_reminders (BmbReminderSource  *source,
                                   gint64              from,
                                   gint64              to,
                                   GError            **error)
{
  BmbGoalReminders *self = BMB_GOAL_REMINDERS (source);
  g_autoptr(GPtrArray) reminders = g_ptr_array_new_with_free_func ((GDestroyNotify) bmb_reminder_unref);
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) from_dt = NULL;
  g_autoptr(GDateTime) to_dt = NULL;
  g_autofree char *first_day = NULL;
  g_autofree char *last_day = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (from >= to)
    return g_steal_pointer (&reminders);

  tz = self->tz != NULL ? g_time_zone_ref (self->tz) : bmb_local_time_zone_ref ();

  /* The due dates whose 09:00 may fall in [from, to), with a day of slack on
   * both sides for zone offsets; the exact check is below. */
  from_dt = g_date_time_new_from_unix_utc (CLAMP (from, 0, G_GINT64_CONSTANT (253402214400)));
  to_dt = g_date_time_new_from_unix_utc (CLAMP (to, 0, G_GINT64_CONSTANT (253402214400)));
  if (from_dt == NULL || to_dt == NULL)
    return g_steal_pointer (&reminders);

  {
    g_autoptr(GDateTime) first = g_date_time_add_days (from_dt, -1);
    g_autoptr(GDateTime) last = g_date_time_add_days (to_dt, 1);
    g_autoptr(GDateTime) first_local = g_date_time_to_timezone (first != NULL ? first : from_dt, tz);
    g_autoptr(GDateTime) last_local = g_date_time_to_timezone (last != NULL ? last : to_dt, tz);

    first_day = format_local_date (first_local);
    last_day = format_local_date (last_local);
  }

  stmt = bmb_database_prepare (self->db,
                               "SELECT g.id, g.title, g.due_on, g.progress,"
                               "       r.id IS NOT NULL, r.mentor_id IS NULL, mentor.display_name,"
                               "       r.mentee_id IS NULL, mentee.display_name"
                               "  FROM goals g"
                               "  LEFT JOIN relationships r ON r.id = g.relationship_id"
                               "  LEFT JOIN contacts mentor ON mentor.id = r.mentor_id"
                               "  LEFT JOIN contacts mentee ON mentee.id = r.mentee_id"
                               " WHERE g.status = 'active' AND g.due_on BETWEEN ? AND ?"
                               " ORDER BY g.due_on, g.id",
                               error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, first_day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, last_day, -1, SQLITE_TRANSIENT);

  while ((rc = bmb_database_step (self->db, stmt, error)) == SQLITE_ROW)
    {
      const char *due_on = (const char *)sqlite3_column_text (stmt, 2);
      g_autoptr(GDateTime) trigger = trigger_for_due_date (tz, due_on);
      g_autoptr(GDateTime) day_end = NULL;
      g_autoptr(BmbReminder) reminder = NULL;
      gint64 trigger_at;
      int progress;

      if (trigger == NULL)
        continue;

      trigger_at = g_date_time_to_unix (trigger);
      if (trigger_at < from || trigger_at >= to)
        continue;

      /* Stale once the due day is over: midnight after it, local time. */
      {
        g_autoptr(GDateTime) next_day = g_date_time_add_days (trigger, 1);

        day_end = g_date_time_new (tz,
                                   g_date_time_get_year (next_day),
                                   g_date_time_get_month (next_day),
                                   g_date_time_get_day_of_month (next_day),
                                   0, 0, 0);
      }

      reminder = bmb_reminder_new (BMB_REMINDER_KIND_GOAL, sqlite3_column_int64 (stmt, 0), due_on, 0, trigger_at);
      reminder->event_start = trigger_at;
      reminder->event_end = day_end != NULL ? g_date_time_to_unix (day_end) : trigger_at;
      reminder->title = bmb_stmt_dup_text (stmt, 1);

      if (sqlite3_column_int (stmt, 4))
        reminder->partner = describe_partner ((const char *)sqlite3_column_text (stmt, 6),
                                              sqlite3_column_int (stmt, 5),
                                              (const char *)sqlite3_column_text (stmt, 8),
                                              sqlite3_column_int (stmt, 7));

      progress = sqlite3_column_int (stmt, 3);
      /* Translators: the detail line of a goal reminder; %d%% is the progress,
       * e.g. “Due today, 40% done”. */
      reminder->detail = g_strdup_printf (_("Due today, %d%% done"), progress);

      g_ptr_array_add (reminders, g_steal_pointer (&reminder));
    }

  if (rc != SQLITE_DONE)
    return NULL;

  return g_steal_pointer (&reminders);
}

static void
reminder_source_iface_init (BmbReminderSourceInterface *iface)
{
  iface->list_reminders = bmb_goal_reminders_list_reminders;
}

/* ---- GObject ------------------------------------------------------------------------- */

static void
bmb_goal_reminders_dispose (GObject *object)
{
  BmbGoalReminders *self = (BmbGoalReminders *)object;

  g_clear_object (&self->db);

  G_OBJECT_CLASS (bmb_goal_reminders_parent_class)->dispose (object);
}

static void
bmb_goal_reminders_finalize (GObject *object)
{
  BmbGoalReminders *self = (BmbGoalReminders *)object;

  g_clear_pointer (&self->tz, g_time_zone_unref);

  G_OBJECT_CLASS (bmb_goal_reminders_parent_class)->finalize (object);
}

static void
bmb_goal_reminders_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  BmbGoalReminders *self = BMB_GOAL_REMINDERS (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->db);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_goal_reminders_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  BmbGoalReminders *self = BMB_GOAL_REMINDERS (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->db = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_goal_reminders_class_init (BmbGoalRemindersClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bmb_goal_reminders_dispose;
  object_class->finalize = bmb_goal_reminders_finalize;
  object_class->get_property = bmb_goal_reminders_get_property;
  object_class->set_property = bmb_goal_reminders_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, BMB_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bmb_goal_reminders_init (BmbGoalReminders *self)
{
}

/* ---- Public API ------------------------------------------------------------------------ */

BmbGoalReminders *
bmb_goal_reminders_new (BmbDatabase *database)
{
  g_return_val_if_fail (BMB_IS_DATABASE (database), NULL);

  return g_object_new (BMB_TYPE_GOAL_REMINDERS, "database", database, NULL);
}

void
bmb_goal_reminders_set_timezone (BmbGoalReminders *self,
                                 GTimeZone        *tz)
{
  g_return_if_fail (BMB_IS_GOAL_REMINDERS (self));

  if (tz != NULL)
    g_time_zone_ref (tz);
  g_clear_pointer (&self->tz, g_time_zone_unref);
  self->tz = tz;
}
