/* bmb-session-reminders.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-session-reminders"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-mentoring-private.h"
#include "bmb-session-reminders.h"

/* Reminders are at most four weeks before (see bmb-session.c). */
#define MAX_OFFSET_SECONDS (60 * 24 * 28 * 60)

struct _BmbSessionReminders
{
  GObject            parent_instance;

  /* owned */
  BmbMentoringStore *store;

  /* state */
  GHashTable        *warned;  /* ids of series already logged as too frequent */
};

static void reminder_source_iface_init (BmbReminderSourceInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BmbSessionReminders, bmb_session_reminders, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (BMB_TYPE_REMINDER_SOURCE,
                                                      reminder_source_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* "Agenda: Career plan; Feedback on the draft", or NULL. */
static char *
dup_agenda_detail (BmbSession *session)
{
  GListModel *agenda = bmb_session_get_agenda (session);
  g_autoptr(GString) items = g_string_new (NULL);
  guint n = g_list_model_get_n_items (agenda);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BmbAgendaItem) item = g_list_model_get_item (agenda, i);

      if (bmb_agenda_item_get_done (item) || bmb_agenda_item_get_text (item) == NULL)
        continue;
      if (items->len > 0)
        g_string_append (items, "; ");
      g_string_append (items, bmb_agenda_item_get_text (item));
    }

  if (items->len == 0)
    return NULL;

  /* Translators: a line in a session reminder; %s lists the agenda items */
  return g_strdup_printf (_("Agenda: %s"), items->str);
}

static GPtrArray *
bmb_session_reminders_list_reminders (BmbReminderSource  *source,
                                      gint64              from,
                                      gint64              to,
                                      GError            **error)
{
  BmbSessionReminders *self = BMB_SESSION_REMINDERS (source);
  g_autoptr(GPtrArray) reminders = g_ptr_array_new_with_free_func ((GDestroyNotify)bmb_reminder_unref);
  g_autoptr(GPtrArray) occurrences = NULL;
  g_autoptr(GPtrArray) incomplete = NULL;
  g_autoptr(GHashTable) partners = NULL;
  g_autoptr(GDateTime) window_start = NULL;
  g_autoptr(GDateTime) window_end = NULL;

  int longest;

  if (from >= to)
    return g_steal_pointer (&reminders);

  /* Occurrences whose reminders can fall in the window: those starting up
   * to the longest offset after it. */
  if ((longest = _bmb_mentoring_store_max_reminder (self->store, error)) < 0)
    return NULL;

  window_start = g_date_time_new_from_unix_utc (from);
  window_end = g_date_time_new_from_unix_utc (to + MIN ((gint64)longest * 60, MAX_OFFSET_SECONDS) + 1);
  occurrences = bmb_mentoring_store_list_occurrences_full (self->store, 0, window_start,
                                                          window_end, &incomplete, error);
  if (occurrences == NULL)
    return NULL;

  /* A series too frequent to expand keeps the reminders of its first
   * occurrences (they are right, only later ones are missing); every other
   * series is complete. Said once per series, without its title. */
  for (guint i = 0; i < incomplete->len; i++)
    {
      gint64 id = bmb_session_get_id (g_ptr_array_index (incomplete, i));

      if (g_hash_table_add (self->warned, g_memdup2 (&id, sizeof id)))
        g_warning ("Session %" G_GINT64_FORMAT " repeats too often: only its first "
                   "reminders are scheduled", id);
    }

  partners = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  for (guint i = 0; i < occurrences->len; i++)
    {
      BmbOccurrence *occurrence = g_ptr_array_index (occurrences, i);
      BmbSession *session = bmb_occurrence_get_session (occurrence);
      GArray *offsets = bmb_session_get_reminders (session);
      gint64 start = g_date_time_to_unix (bmb_occurrence_get_start (occurrence));
      gint64 end = g_date_time_to_unix (bmb_occurrence_get_end (occurrence));
      gint64 relationship_id = bmb_occurrence_get_relationship_id (occurrence);
      g_autofree char *key = NULL;
      g_autofree char *detail = NULL;
      const char *partner = NULL;

      /* Nothing to remind of a cancelled meeting, or one already held. */
      if (bmb_occurrence_get_status (occurrence) != BMB_SESSION_STATUS_PLANNED)
        continue;

      if (relationship_id > 0)
        {
          if (!g_hash_table_lookup_extended (partners, &relationship_id, NULL, (gpointer *)&partner))
            {
              g_autoptr(GError) local_error = NULL;
              char *name = _bmb_mentoring_store_dup_partner (self->store, relationship_id,
                                                             &local_error);

              if (local_error != NULL)
                g_debug ("No partner for relationship %" G_GINT64_FORMAT ": %s",
                         relationship_id, local_error->message);
              g_hash_table_insert (partners, g_memdup2 (&relationship_id, sizeof relationship_id),
                                   name);
              partner = name;
            }
        }

      for (guint j = 0; j < offsets->len; j++)
        {
          int offset = g_array_index (offsets, int, j);
          gint64 trigger = start - (gint64)offset * 60;
          BmbReminder *reminder;

          if (trigger < from || trigger >= to)
            continue;

          if (key == NULL)
            {
              key = bmb_occurrence_dup_key (occurrence);
              detail = dup_agenda_detail (session);
            }

          reminder = bmb_reminder_new (BMB_REMINDER_KIND_SESSION, bmb_occurrence_get_session_id (occurrence),
                                       key, offset, trigger);
          reminder->event_start = start;
          reminder->event_end = end;
          reminder->title = g_strdup (bmb_occurrence_get_title (occurrence));
          reminder->partner = g_strdup (partner);
          reminder->place = g_strdup (bmb_occurrence_get_location (occurrence));
          reminder->detail = g_strdup (detail);
          g_ptr_array_add (reminders, reminder);
        }
    }

  return g_steal_pointer (&reminders);
}

static void
reminder_source_iface_init (BmbReminderSourceInterface *iface)
{
  iface->list_reminders = bmb_session_reminders_list_reminders;
}

static void
bmb_session_reminders_dispose (GObject *object)
{
  BmbSessionReminders *self = (BmbSessionReminders *)object;

  g_clear_object (&self->store);

  G_OBJECT_CLASS (bmb_session_reminders_parent_class)->dispose (object);
}

static void
bmb_session_reminders_finalize (GObject *object)
{
  BmbSessionReminders *self = (BmbSessionReminders *)object;

  g_clear_pointer (&self->warned, g_hash_table_unref);

  G_OBJECT_CLASS (bmb_session_reminders_parent_class)->finalize (object);
}

static void
bmb_session_reminders_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  BmbSessionReminders *self = BMB_SESSION_REMINDERS (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_session_reminders_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  BmbSessionReminders *self = BMB_SESSION_REMINDERS (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_session_reminders_class_init (BmbSessionRemindersClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bmb_session_reminders_dispose;
  object_class->finalize = bmb_session_reminders_finalize;
  object_class->get_property = bmb_session_reminders_get_property;
  object_class->set_property = bmb_session_reminders_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, BMB_TYPE_MENTORING_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bmb_session_reminders_init (BmbSessionReminders *self)
{
  self->warned = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

BmbSessionReminders *
bmb_session_reminders_new (BmbMentoringStore *store)
{
  g_return_val_if_fail (BMB_IS_MENTORING_STORE (store), NULL);

  return g_object_new (BMB_TYPE_SESSION_REMINDERS, "store", store, NULL);
}
