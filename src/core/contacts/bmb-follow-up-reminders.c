/* bmb-follow-up-reminders.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-follow-up-reminders"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-follow-up.h"
#include "bmb-follow-up-reminders.h"

struct _BmbFollowUpReminders
{
  GObject      parent_instance;

  /* owned */
  BmbDatabase *db;
};

static void reminder_source_iface_init (BmbReminderSourceInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BmbFollowUpReminders, bmb_follow_up_reminders, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (BMB_TYPE_REMINDER_SOURCE,
                                                      reminder_source_iface_init))

/* ---- helpers ------------------------------------------------------------- */

/* The local calendar date of @unix_time, moved by @days. */
static char *
local_date_string (gint64 unix_time,
                   int    days)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (unix_time);
  g_autoptr(GDateTime) moved = NULL;

  if (dt == NULL)
    return NULL;
  moved = g_date_time_add_days (dt, days);
  if (moved == NULL)
    return NULL;

  return g_date_time_format (moved, "%Y-%m-%d");
}

static gint64
local_unix_at (const GDate *date,
               int          hour)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (g_date_get_year (date),
                                                   g_date_get_month (date),
                                                   g_date_get_day (date),
                                                   hour, 0, 0);

  return dt ? g_date_time_to_unix (dt) : 0;
}

/* ---- BmbReminderSource --------------------------------------------------- */

static GPtrArray *
bmb_follow_up_reminders_list_reminders (BmbReminderSource  *source,
                                        gint64              from,
                                        gint64              to,
                                        GError            **error)
{
  BmbFollowUpReminders *self = BMB_FOLLOW_UP_REMINDERS (source);
  g_autoptr(GPtrArray) reminders = NULL;
  g_autofree char *first_day = NULL;
  g_autofree char *last_day = NULL;
  sqlite3_stmt *stmt;
  int rc;

  reminders = g_ptr_array_new_with_free_func ((GDestroyNotify)bmb_reminder_unref);
  if (from >= to)
    return g_steal_pointer (&reminders);

  /* A day either side covers any zone offset; exact filtering follows. */
  first_day = local_date_string (from, -1);
  last_day = local_date_string (to, 1);
  if (first_day == NULL || last_day == NULL)
    return g_steal_pointer (&reminders);

  if (!(stmt = bmb_database_prepare (self->db,
                                     "SELECT id, display_name, next_follow_up_on, "
                                     "last_contact_on, follow_up_on, follow_up_note "
                                     "FROM contacts "
                                     "WHERE next_follow_up_on BETWEEN ?1 AND ?2 "
                                     "ORDER BY next_follow_up_on, id",
                                     error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, first_day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, last_day, -1, SQLITE_TRANSIENT);

  while ((rc = bmb_database_step (self->db, stmt, error)) == SQLITE_ROW)
    {
      const char *due_on = (const char *)sqlite3_column_text (stmt, 2);
      BmbReminder *reminder;
      GDate due;
      gint64 trigger_at;

      if (!bmb_date_parse_iso (due_on, &due))
        continue;

      trigger_at = local_unix_at (&due, BMB_FOLLOW_UP_REMINDER_HOUR);
      if (trigger_at < from || trigger_at >= to)
        continue;

      reminder = bmb_reminder_new (BMB_REMINDER_KIND_FOLLOW_UP, sqlite3_column_int64 (stmt, 0), due_on,
                                   0, trigger_at);
      reminder->event_start = trigger_at;
      g_date_add_days (&due, 1);
      reminder->event_end = local_unix_at (&due, 0) - 1;
      g_date_subtract_days (&due, 1);
      reminder->title = bmb_stmt_dup_text (stmt, 1);
      /* A one-off follow-up due that day says what to do. */
      if (g_strcmp0 ((const char *)sqlite3_column_text (stmt, 4), due_on) == 0 &&
          sqlite3_column_type (stmt, 5) != SQLITE_NULL)
        reminder->detail = bmb_stmt_dup_text (stmt, 5);
      else
        reminder->detail = bmb_follow_up_describe_last_contact (
                             (const char *)sqlite3_column_text (stmt, 3), &due);

      g_ptr_array_add (reminders, reminder);
    }
  sqlite3_reset (stmt);

  if (rc < 0)
    {
      g_prefix_error (error, _("Could not read the follow-up reminders: "));
      return NULL;
    }

  return g_steal_pointer (&reminders);
}

static void
reminder_source_iface_init (BmbReminderSourceInterface *iface)
{
  iface->list_reminders = bmb_follow_up_reminders_list_reminders;
}

/* ---- GObject ------------------------------------------------------------- */

static void
bmb_follow_up_reminders_dispose (GObject *object)
{
  BmbFollowUpReminders *self = (BmbFollowUpReminders *)object;

  g_clear_object (&self->db);

  G_OBJECT_CLASS (bmb_follow_up_reminders_parent_class)->dispose (object);
}

static void
bmb_follow_up_reminders_class_init (BmbFollowUpRemindersClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bmb_follow_up_reminders_dispose;
}

static void
bmb_follow_up_reminders_init (BmbFollowUpReminders *self)
{
}

/* ---- public API ---------------------------------------------------------- */

BmbFollowUpReminders *
bmb_follow_up_reminders_new (BmbDatabase *database)
{
  BmbFollowUpReminders *self;

  g_return_val_if_fail (BMB_IS_DATABASE (database), NULL);

  self = g_object_new (BMB_TYPE_FOLLOW_UP_REMINDERS, NULL);
  self->db = g_object_ref (database);

  return self;
}
