/* bmb-application-reminders.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The application's side of reminders: one scheduler with every reminder
 * source, the notifier's Open and Snooze actions, and start at login.
 */

#define G_LOG_DOMAIN "bmb-application"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-application-private.h"
#include "bmb-autostart.h"
#include "bmb-follow-up-reminders.h"
#include "bmb-goal-reminders.h"
#include "bmb-mentoring-store.h"
#include "bmb-notifier.h"
#include "bmb-scheduler.h"
#include "bmb-session-reminders.h"
#include "bmb-window.h"

static void
on_notifier_open_cb (BmbApplication *self,
                     const char     *kind,
                     gint64          item_id,
                     const char     *occurrence,
                     BmbNotifier    *notifier)
{
  GtkWindow *window = bmb_application_present_main_window (self);

  if (window == NULL)
    return;

  bmb_window_show_item (BMB_WINDOW (window), kind, item_id, occurrence);
}

static void
on_autostart_done_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(BmbApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!bmb_autostart_set_enabled_finish (result, &error))
    {
      GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

      /* Put the switch back where reality is, then say why. */
      g_signal_handlers_block_by_func (self->settings, _bmb_application_sync_autostart, self);
      g_settings_set_boolean (self->settings, "start-at-login",
                              !g_settings_get_boolean (self->settings, "start-at-login"));
      g_signal_handlers_unblock_by_func (self->settings, _bmb_application_sync_autostart, self);

      if (!g_error_matches (error, BMB_AUTOSTART_ERROR, BMB_AUTOSTART_ERROR_CANCELLED))
        {
          if (BMB_IS_WINDOW (window))
            bmb_window_show_error (BMB_WINDOW (window), _("Could Not Change Start at Login"), error);
          else
            g_warning ("Could not change start at login: %s", error->message);
        }
    }
}

/* Called when the start-at-login setting changes. */
void
_bmb_application_sync_autostart (BmbApplication *self)
{
  gboolean enabled = g_settings_get_boolean (self->settings, "start-at-login");

  bmb_autostart_set_enabled_async (enabled, NULL, NULL, on_autostart_done_cb,
                                   g_object_ref (self));
}

void
_bmb_application_start_reminders (BmbApplication *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbFollowUpReminders) follow_ups = NULL;
  g_autoptr(BmbGoalReminders) goals = NULL;
  g_autoptr(BmbMentoringStore) mentoring = NULL;
  g_autoptr(BmbSessionReminders) sessions = NULL;

  g_assert (self->database != NULL);

  if (self->scheduler != NULL)
    return;

  self->notifier = bmb_notifier_new ();
  g_signal_connect_object (self->notifier, "open",
                           G_CALLBACK (on_notifier_open_cb), self, G_CONNECT_SWAPPED);
  /* The scheduler answers the notifier's Snooze itself. */

  self->scheduler = bmb_scheduler_new (self->database, self->notifier);

  mentoring = bmb_mentoring_store_new (self->database);
  sessions = bmb_session_reminders_new (mentoring);
  bmb_scheduler_add_source (self->scheduler, BMB_REMINDER_SOURCE (sessions));
  follow_ups = bmb_follow_up_reminders_new (self->database);
  bmb_scheduler_add_source (self->scheduler, BMB_REMINDER_SOURCE (follow_ups));
  goals = bmb_goal_reminders_new (self->database);
  bmb_scheduler_add_source (self->scheduler, BMB_REMINDER_SOURCE (goals));

  if (!bmb_scheduler_start (self->scheduler, &error))
    g_warning ("Reminders could not start: %s", error->message);
}

void
_bmb_application_stop_reminders (BmbApplication *self)
{
  if (self->scheduler != NULL)
    bmb_scheduler_stop (self->scheduler);
  g_clear_object (&self->scheduler);
  g_clear_object (&self->notifier);
}
