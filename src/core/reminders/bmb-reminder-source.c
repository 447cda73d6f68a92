/* bmb-reminder-source.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-reminder-source"

#include "config.h"

#include "bmb-reminder-source.h"

G_DEFINE_BOXED_TYPE (BmbReminder, bmb_reminder, bmb_reminder_ref, bmb_reminder_unref)
G_DEFINE_INTERFACE (BmbReminderSource, bmb_reminder_source, G_TYPE_OBJECT)

static void
bmb_reminder_source_default_init (BmbReminderSourceInterface *iface)
{
}

static const struct {
  BmbReminderKind kind;
  const char     *nick;
} kind_nicks[] = {
  { BMB_REMINDER_KIND_SESSION, "session" },
  { BMB_REMINDER_KIND_FOLLOW_UP, "follow-up" },
  { BMB_REMINDER_KIND_GOAL, "goal" },
};

const char *
bmb_reminder_kind_to_string (BmbReminderKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_nicks); i++)
    if (kind_nicks[i].kind == kind)
      return kind_nicks[i].nick;

  return NULL;
}

gboolean
bmb_reminder_kind_from_string (const char      *text,
                               BmbReminderKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (kind_nicks); i++)
    {
      if (g_strcmp0 (kind_nicks[i].nick, text) == 0)
        {
          *kind = kind_nicks[i].kind;
          return TRUE;
        }
    }

  return FALSE;
}

BmbReminder *
bmb_reminder_new (BmbReminderKind  kind,
                  gint64           item_id,
                  const char      *occurrence,
                  int              offset_min,
                  gint64           trigger_at)
{
  BmbReminder *self;

  g_return_val_if_fail (bmb_reminder_kind_to_string (kind) != NULL, NULL);
  g_return_val_if_fail (occurrence != NULL, NULL);

  self = g_new0 (BmbReminder, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->kind = kind;
  self->item_id = item_id;
  self->occurrence = g_strdup (occurrence);
  self->offset_min = offset_min;
  self->trigger_at = trigger_at;
  self->event_start = trigger_at;
  self->event_end = trigger_at;

  return self;
}

BmbReminder *
bmb_reminder_ref (BmbReminder *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
bmb_reminder_unref (BmbReminder *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_free (self->occurrence);
      g_free (self->title);
      g_free (self->partner);
      g_free (self->place);
      g_free (self->detail);
      g_free (self);
    }
}

char *
bmb_reminder_dup_key (const BmbReminder *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_strdup_printf ("%s:%" G_GINT64_FORMAT ":%s:%d",
                          bmb_reminder_kind_to_string (self->kind), self->item_id, self->occurrence, self->offset_min);
}

GPtrArray *
bmb_reminder_source_list_reminders (BmbReminderSource  *self,
                                    gint64              from,
                                    gint64              to,
                                    GError            **error)
{
  g_return_val_if_fail (BMB_IS_REMINDER_SOURCE (self), NULL);
  g_return_val_if_fail (from <= to, NULL);

  return BMB_REMINDER_SOURCE_GET_IFACE (self)->list_reminders (self, from, to, error);
}
