/* bmb-scheduler-collect.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Step 1 of the scheduler's look (see bmb-scheduler.c): ask every source
 * for the reminders of the window, drop what reminder_log already holds,
 * add the due snoozes (matched back to their reminder through the
 * sources), and sort what is left by trigger.
 */

#define G_LOG_DOMAIN "bmb-scheduler"

#include "config.h"

#include "bmb-reminder-log.h"
#include "bmb-scheduler.h"
#include "bmb-scheduler-private.h"

/* Snoozes are matched back to their reminder within this slack. */
#define SNOOZE_SLACK_SEC (2 * 24 * 60 * 60)

static void
pending_free (gpointer data)
{
  Pending *pending = data;

  g_clear_pointer (&pending->reminder, bmb_reminder_unref);
  g_free (pending);
}

static Pending *
pending_new (BmbReminder *reminder,
             gboolean     snoozed)
{
  Pending *pending = g_new0 (Pending, 1);

  pending->reminder = reminder;
  pending->snoozed = snoozed;

  return pending;
}

static int
compare_pending (gconstpointer a,
                 gconstpointer b)
{
  const Pending *pa = *(const Pending * const *)a;
  const Pending *pb = *(const Pending * const *)b;

  return (pa->reminder->trigger_at > pb->reminder->trigger_at) -
         (pa->reminder->trigger_at < pb->reminder->trigger_at);
}

static BmbReminder *
reminder_copy (const BmbReminder *reminder,
               gint64             trigger_at)
{
  BmbReminder *copy = bmb_reminder_new (reminder->kind, reminder->item_id,
                                        reminder->occurrence, reminder->offset_min,
                                        trigger_at);

  copy->event_start = reminder->event_start;
  copy->event_end = reminder->event_end;
  copy->title = g_strdup (reminder->title);
  copy->partner = g_strdup (reminder->partner);
  copy->place = g_strdup (reminder->place);
  copy->detail = g_strdup (reminder->detail);

  return copy;
}

static gint64
occurrence_to_unix (const char *occurrence)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (occurrence, utc);

  if (dt == NULL)
    {
      g_autofree char *midnight = g_strconcat (occurrence, "T00:00:00Z", NULL);

      dt = g_date_time_new_from_iso8601 (midnight, utc);
    }

  return dt ? g_date_time_to_unix (dt) : G_MININT64;
}

/* Finds what a snooze row is about by asking the sources around its
 * occurrence. NULL if no source knows it any more (item deleted, session
 * cancelled, contact followed up). */
static BmbReminder *
resolve_snooze (GPtrArray   *sources,
                BmbReminder *key,
                gint64       due_at)
{
  gint64 t0 = occurrence_to_unix (key->occurrence);
  gint64 from, to;

  if (t0 != G_MININT64)
    {
      from = t0 - (gint64)key->offset_min * 60 - SNOOZE_SLACK_SEC;
      to = t0 + SNOOZE_SLACK_SEC;
    }
  else
    {
      from = due_at - BMB_SCHEDULER_LOOK_BACK_SEC - SNOOZE_SLACK_SEC;
      to = due_at + 1;
    }

  for (guint i = 0; i < sources->len; i++)
    {
      BmbReminderSource *source = g_ptr_array_index (sources, i);
      g_autoptr(GPtrArray) found = NULL;
      g_autoptr(GError) error = NULL;

      found = bmb_reminder_source_list_reminders (source, from, to, &error);
      if (found == NULL)
        {
          g_debug ("%s failed: %s", G_OBJECT_TYPE_NAME (source), error->message);
          continue;
        }

      for (guint j = 0; j < found->len; j++)
        {
          BmbReminder *reminder = g_ptr_array_index (found, j);

          if (_bmb_reminder_same_occurrence (reminder, key) && reminder->offset_min == key->offset_min)
            return reminder_copy (reminder, due_at);
        }
    }

  return NULL;
}

static gboolean
collect_snoozes (BmbDatabase  *db,
                 GPtrArray    *sources,
                 gint64        until,
                 GPtrArray    *pending,
                 GPtrArray    *orphans,
                 GError      **error)
{
  g_autoptr(GPtrArray) rows = NULL;

  rows = bmb_reminder_log_list_snoozes (db, until, error);
  if (rows == NULL)
    return FALSE;

  /* Sources may use the database too: only ask them once the rows are read. */
  for (guint i = 0; i < rows->len; i++)
    {
      BmbReminder *row = g_ptr_array_index (rows, i);
      BmbReminder *reminder = resolve_snooze (sources, row, row->trigger_at);

      if (reminder != NULL)
        g_ptr_array_add (pending, pending_new (reminder, TRUE));
      else
        g_ptr_array_add (orphans, bmb_reminder_ref (row));
    }

  return TRUE;
}

GPtrArray *
_bmb_scheduler_collect (BmbDatabase  *db,
                        GPtrArray    *sources,
                        gint64        now,
                        GPtrArray    *orphans,
                        GError      **error)
{
  g_autoptr(GPtrArray) pending = g_ptr_array_new_with_free_func (pending_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gint64 from = now - BMB_SCHEDULER_LOOK_BACK_SEC;
  gint64 to = now + BMB_SCHEDULER_LOOK_AHEAD_SEC;

  for (guint i = 0; i < sources->len; i++)
    {
      BmbReminderSource *source = g_ptr_array_index (sources, i);
      g_autoptr(GPtrArray) found = NULL;
      g_autoptr(GError) local_error = NULL;

      found = bmb_reminder_source_list_reminders (source, from, to, &local_error);
      if (found == NULL)
        {
          /* One broken source must not silence the others. The message may
           * name a person: only at debug level. */
          g_warning ("A reminder source (%s) failed; its reminders are skipped",
                     G_OBJECT_TYPE_NAME (source));
          g_debug ("%s: %s", G_OBJECT_TYPE_NAME (source),
                   local_error ? local_error->message : "?");
          continue;
        }

      for (guint j = 0; j < found->len; j++)
        {
          BmbReminder *reminder = g_ptr_array_index (found, j);
          char *key;
          int logged;

          if (reminder->trigger_at < from || reminder->trigger_at >= to)
            continue;

          key = bmb_reminder_dup_key (reminder);
          if (!g_hash_table_add (seen, key))
            continue;

          logged = bmb_reminder_log_is_recorded (db, reminder, error);
          if (logged < 0)
            return NULL;
          if (logged == 0)
            g_ptr_array_add (pending, pending_new (bmb_reminder_ref (reminder), FALSE));
        }
    }

  if (!collect_snoozes (db, sources, to, pending, orphans, error))
    return NULL;

  g_ptr_array_sort (pending, compare_pending);

  return g_steal_pointer (&pending);
}
