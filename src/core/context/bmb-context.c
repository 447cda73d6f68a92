/* bmb-context.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One per application, as GNOME Calendar's GcalContext: the open database, one store of each
 * kind on it, the clock, the system monitor and the reminder scheduler. Windows and pages
 * receive it as one property and never build a store of their own. Stores are made on first
 * use, so a page that is never shown costs nothing.
 */

#define G_LOG_DOMAIN "bmb-context"

#include "config.h"

#include "bmb-context.h"
#include "bmb-follow-up-reminders.h"
#include "bmb-goal-reminders.h"
#include "bmb-session-reminders.h"

struct _BmbContext
{
  GObject            parent_instance;

  /* owned */
  BmbDatabase       *database;
  BmbClock          *clock;
  BmbSystemMonitor  *monitor;
  BmbMentoringStore *mentoring_store;
  BmbGoalStore      *goal_store;
  BmbContactStore   *contact_store;
  BmbChecklistStore *checklist_store;
  BmbSyncAccounts   *sync_accounts;
  BmbSyncManager    *sync_manager;
  BmbScheduler      *scheduler;
  BmbUndoQueue      *undo_queue;
  BmbDraftStore     *draft_store;

  /* preferences (the application keeps them in step with its settings) */
  guint              follow_up_days;
  guint              snooze_minutes;
};

G_DEFINE_FINAL_TYPE (BmbContext, bmb_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_FOLLOW_UP_DAYS,
  PROP_SNOOZE_MINUTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bmb_context_dispose (GObject *object)
{
  BmbContext *self = (BmbContext *)object;

  /* Pending deletes are written while the stores are still here. */
  if (self->undo_queue != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!bmb_undo_queue_flush (self->undo_queue, &error))
        g_warning ("A pending change could not be saved: %s", error->message);
      g_clear_object (&self->undo_queue);
    }

  if (self->scheduler != NULL)
    bmb_scheduler_stop (self->scheduler);

  if (self->sync_manager != NULL)
    bmb_sync_manager_stop (self->sync_manager);

  g_clear_object (&self->scheduler);
  g_clear_object (&self->sync_manager);
  g_clear_object (&self->checklist_store);
  g_clear_object (&self->sync_accounts);
  g_clear_object (&self->contact_store);
  g_clear_object (&self->goal_store);
  g_clear_object (&self->draft_store);
  g_clear_object (&self->mentoring_store);
  g_clear_object (&self->monitor);
  g_clear_object (&self->clock);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (bmb_context_parent_class)->dispose (object);
}

static void
bmb_context_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  BmbContext *self = BMB_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    case PROP_FOLLOW_UP_DAYS:
      g_value_set_uint (value, self->follow_up_days);
      break;

    case PROP_SNOOZE_MINUTES:
      g_value_set_uint (value, self->snooze_minutes);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_context_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  BmbContext *self = BMB_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_FOLLOW_UP_DAYS:
      self->follow_up_days = g_value_get_uint (value);
      break;

    case PROP_SNOOZE_MINUTES:
      self->snooze_minutes = g_value_get_uint (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_context_class_init (BmbContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bmb_context_dispose;
  object_class->get_property = bmb_context_get_property;
  object_class->set_property = bmb_context_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         BMB_TYPE_DATABASE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /* The interval a contact's follow-up starts with, in days (Preferences). */
  properties[PROP_FOLLOW_UP_DAYS] =
    g_param_spec_uint ("follow-up-days", NULL, NULL,
                       1, BMB_CONTEXT_MAX_FOLLOW_UP_DAYS, BMB_CONTEXT_DEFAULT_FOLLOW_UP_DAYS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* How long Snooze puts off a session reminder, in minutes (Preferences). */
  properties[PROP_SNOOZE_MINUTES] =
    g_param_spec_uint ("snooze-minutes", NULL, NULL,
                       1, BMB_CONTEXT_MAX_SNOOZE_MINUTES, BMB_CONTEXT_DEFAULT_SNOOZE_MINUTES,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bmb_context_init (BmbContext *self)
{
  self->follow_up_days = BMB_CONTEXT_DEFAULT_FOLLOW_UP_DAYS;
  self->snooze_minutes = BMB_CONTEXT_DEFAULT_SNOOZE_MINUTES;
}

guint
bmb_context_get_snooze_minutes (BmbContext *self)
{
  g_return_val_if_fail (BMB_IS_CONTEXT (self), BMB_CONTEXT_DEFAULT_SNOOZE_MINUTES);

  return self->snooze_minutes;
}

/**
 * bmb_context_get_default_follow_up:
 *
 * The interval a contact's follow-up starts with, as the contact editor shows it: whole
 * months (30 days each) or weeks when the preference is one, else days.
 */
void
bmb_context_get_default_follow_up (BmbContext      *self,
                                   guint           *count,
                                   BmbFollowUpUnit *unit)
{
  guint days;

  g_return_if_fail (BMB_IS_CONTEXT (self));
  g_return_if_fail (count != NULL && unit != NULL);

  days = self->follow_up_days;
  if (days % 30 == 0)
    *count = days / 30, *unit = BMB_FOLLOW_UP_UNIT_MONTH;
  else if (days % 7 == 0)
    *count = days / 7, *unit = BMB_FOLLOW_UP_UNIT_WEEK;
  else
    *count = days, *unit = BMB_FOLLOW_UP_UNIT_DAY;
}

BmbContext *
bmb_context_new (BmbDatabase      *database,
                 BmbClock         *clock,
                 BmbSystemMonitor *monitor)
{
  BmbContext *self;

  g_return_val_if_fail (BMB_IS_DATABASE (database), NULL);
  g_return_val_if_fail (clock == NULL || BMB_IS_CLOCK (clock), NULL);
  g_return_val_if_fail (monitor == NULL || BMB_IS_SYSTEM_MONITOR (monitor), NULL);

  self = g_object_new (BMB_TYPE_CONTEXT, NULL);
  self->database = g_object_ref (database);
  self->clock = clock ? g_object_ref (clock) : bmb_clock_new ();
  self->monitor = monitor ? g_object_ref (monitor) : NULL;

  return self;
}

BmbDatabase *
bmb_context_get_database (BmbContext *self)
{
  g_return_val_if_fail (BMB_IS_CONTEXT (self), NULL);

  return self->database;
}

BmbClock *
bmb_context_get_clock (BmbContext *self)
{
  g_return_val_if_fail (BMB_IS_CONTEXT (self), NULL);

  return self->clock;
}

/* Made on first use: it watches logind and /etc/localtime, which a one-shot command does
 * not need. */
BmbSystemMonitor *
bmb_context_get_system_monitor (BmbContext *self)
{
  g_return_val_if_fail (BMB_IS_CONTEXT (self), NULL);

  if (self->monitor == NULL)
    self->monitor = bmb_system_monitor_new ();

  return self->monitor;
}

BmbMentoringStore *
bmb_context_get_mentoring_store (BmbContext *self)
{
  g_return_val_if_fail (BMB_IS_CONTEXT (self), NULL);

  if (self->mentoring_store == NULL)
    self->mentoring_store = bmb_mentoring_store_new (self->database);

  return self->mentoring_store;
}

BmbGoalStore *
bmb_context_get_goal_store (BmbContext *self)
{
  g_return_val_if_fail (BMB_IS_CONTEXT (self), NULL);

  if (self->goal_store == NULL)
    self->goal_store = bmb_goal_store_new (self->database);

  return self->goal_store;
}

BmbUndoQueue *
bmb_context_get_undo_queue (BmbContext *self)
{
  g_return_val_if_fail (BMB_IS_CONTEXT (self), NULL);

  if (self->undo_queue == NULL)
    self->undo_queue = bmb_undo_queue_new ();

  return self->undo_queue;
}

BmbDraftStore *
bmb_context_get_draft_store (BmbContext *self)
{
  g_return_val_if_fail (BMB_IS_CONTEXT (self), NULL);

  if (self->draft_store == NULL)
    self->draft_store = bmb_draft_store_new (self->database);

  return self->draft_store;
}

BmbContactStore *
bmb_context_get_contact_store (BmbContext *self)
{
  g_return_val_if_fail (BMB_IS_CONTEXT (self), NULL);

  if (self->contact_store == NULL)
    self->contact_store = bmb_contact_store_new (self->database);

  return self->contact_store;
}

BmbChecklistStore *
bmb_context_get_checklist_store (BmbContext *self)
{
  g_return_val_if_fail (BMB_IS_CONTEXT (self), NULL);

  if (self->checklist_store == NULL)
    self->checklist_store = bmb_checklist_store_new (self->database);

  return self->checklist_store;
}

BmbSyncAccounts *
bmb_context_get_sync_accounts (BmbContext *self)
{
  g_return_val_if_fail (BMB_IS_CONTEXT (self), NULL);

  if (self->sync_accounts == NULL)
    self->sync_accounts = bmb_sync_accounts_new (self->database);

  return self->sync_accounts;
}

BmbSyncManager *
bmb_context_get_sync_manager (BmbContext *self)
{
  g_return_val_if_fail (BMB_IS_CONTEXT (self), NULL);

  if (self->sync_manager == NULL)
    self->sync_manager = bmb_sync_manager_new (self->database,
                                               bmb_context_get_sync_accounts (self));

  return self->sync_manager;
}

BmbScheduler *
bmb_context_get_scheduler (BmbContext *self)
{
  g_return_val_if_fail (BMB_IS_CONTEXT (self), NULL);

  if (self->scheduler == NULL)
    {
      g_autoptr(BmbSessionReminders) sessions = NULL;
      g_autoptr(BmbFollowUpReminders) follow_ups = NULL;
      g_autoptr(BmbGoalReminders) goals = NULL;

      self->scheduler = bmb_scheduler_new (self->database, self->clock,
                                           bmb_context_get_system_monitor (self));

      sessions = bmb_session_reminders_new (bmb_context_get_mentoring_store (self));
      bmb_scheduler_add_source (self->scheduler, BMB_REMINDER_SOURCE (sessions));
      follow_ups = bmb_follow_up_reminders_new (self->database);
      bmb_scheduler_add_source (self->scheduler, BMB_REMINDER_SOURCE (follow_ups));
      goals = bmb_goal_reminders_new (self->database);
      bmb_scheduler_add_source (self->scheduler, BMB_REMINDER_SOURCE (goals));
    }

  return self->scheduler;
}
