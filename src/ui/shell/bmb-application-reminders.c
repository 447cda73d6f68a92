/* bmb-application-reminders.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The application's side of reminders: it presents what the context's scheduler says is
 * due, opens what a notification's Open names, and keeps start at login in step.
 */

#define G_LOG_DOMAIN "bmb-application"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-application-private.h"
#include "bmb-autostart.h"
#include "bmb-notifier.h"
#include "bmb-window.h"

static void
on_notifier_open_cb (BmbApplication *self,
                     int             kind,
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

static void
on_snooze_minutes_changed_cb (BmbContext  *context,
                              GParamSpec  *pspec,
                              BmbNotifier *notifier)
{
  bmb_notifier_set_session_snooze_minutes (notifier, bmb_context_get_snooze_minutes (context));
}

static gboolean
start_reminders_cb (gpointer data)
{
  BmbApplication *self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbNotifier) notifier = NULL;
  BmbScheduler *scheduler;

  self->reminders_source_id = 0;
  if (self->reminders != NULL || self->context == NULL)
    return G_SOURCE_REMOVE;

  /* One way: the context's scheduler emits what is due, the presenter shows it and routes
   * Snooze back; Open comes here. */
  notifier = bmb_notifier_new ();
  g_signal_connect_object (notifier, "open",
                           G_CALLBACK (on_notifier_open_cb), self, G_CONNECT_SWAPPED);
  /* Snooze lasts as long as Preferences say (the context's "snooze-minutes"). */
  bmb_notifier_set_session_snooze_minutes (notifier, bmb_context_get_snooze_minutes (self->context));
  g_signal_connect_object (self->context, "notify::snooze-minutes",
                           G_CALLBACK (on_snooze_minutes_changed_cb), notifier, 0);
  scheduler = bmb_context_get_scheduler (self->context);
  self->reminders = bmb_reminder_presenter_new (scheduler, notifier);

  if (!bmb_scheduler_start (scheduler, &error))
    g_warning ("Reminders could not start: %s", error->message);

  return G_SOURCE_REMOVE;
}

/* A second after start, not before the first frame: the first look over every reminder
 * source reads the whole week's sessions. At low priority, after the page has drawn its
 * data (a redraw and the page's binding come first). A timer, not an idle: a timer is due
 * once its second has passed, whatever else became ready since. */
void
_bmb_application_start_reminders (BmbApplication *self)
{
  g_assert (self->context != NULL);

  if (self->reminders != NULL || self->reminders_source_id != 0)
    return;

  self->reminders_source_id = g_timeout_add_seconds_full (G_PRIORITY_LOW, 1, start_reminders_cb,
                                                          self, NULL);
}

void
_bmb_application_stop_reminders (BmbApplication *self)
{
  g_clear_handle_id (&self->reminders_source_id, g_source_remove);
  if (self->reminders != NULL && self->context != NULL)
    bmb_scheduler_stop (bmb_context_get_scheduler (self->context));
  g_clear_object (&self->reminders);
}
