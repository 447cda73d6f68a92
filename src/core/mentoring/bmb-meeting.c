/* bmb-meeting.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * BmbMeeting, the record of one meeting (bmb-meeting.h).
 */

#define G_LOG_DOMAIN "bmb-meeting"

#include "config.h"

#include "bmb-meeting.h"
#include "bmb-mentoring-private.h"

struct _BmbMeeting
{
  GObject           parent_instance;

  gint64            id;
  gint64            session_id;
  char             *recurrence_id;
  BmbOccurrence    *occurrence;
  gboolean          has_record;

  char             *notes;
  char             *outcome;
  BmbSessionStatus  status;
  GListStore       *agenda;        /* BmbAgendaItem */
  GListStore       *action_items;  /* BmbActionItem */
};

G_DEFINE_FINAL_TYPE (BmbMeeting, bmb_meeting, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_SESSION_ID,
  PROP_RECURRENCE_ID,
  PROP_OCCURRENCE,
  PROP_HAS_RECORD,
  PROP_NOTES,
  PROP_OUTCOME,
  PROP_STATUS,
  PROP_AGENDA,
  PROP_ACTION_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bmb_meeting_finalize (GObject *object)
{
  BmbMeeting *self = (BmbMeeting *)object;

  g_clear_pointer (&self->recurrence_id, g_free);
  g_clear_object (&self->occurrence);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->outcome, g_free);
  g_clear_object (&self->agenda);
  g_clear_object (&self->action_items);

  G_OBJECT_CLASS (bmb_meeting_parent_class)->finalize (object);
}

static void
bmb_meeting_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  BmbMeeting *self = BMB_MEETING (object);

  switch (prop_id)
    {
    case PROP_ID:            g_value_set_int64 (value, self->id); break;
    case PROP_SESSION_ID:    g_value_set_int64 (value, self->session_id); break;
    case PROP_RECURRENCE_ID: g_value_set_string (value, self->recurrence_id); break;
    case PROP_OCCURRENCE:    g_value_set_object (value, self->occurrence); break;
    case PROP_HAS_RECORD:    g_value_set_boolean (value, self->has_record); break;
    case PROP_NOTES:         g_value_set_string (value, self->notes); break;
    case PROP_OUTCOME:       g_value_set_string (value, self->outcome); break;
    case PROP_STATUS:        g_value_set_enum (value, self->status); break;
    case PROP_AGENDA:        g_value_set_object (value, self->agenda); break;
    case PROP_ACTION_ITEMS:  g_value_set_object (value, self->action_items); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_meeting_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  BmbMeeting *self = BMB_MEETING (object);

  switch (prop_id)
    {
    case PROP_SESSION_ID:
      self->session_id = g_value_get_int64 (value);
      break;
    case PROP_RECURRENCE_ID:
      self->recurrence_id = g_value_dup_string (value);
      break;
    case PROP_NOTES:
      bmb_meeting_set_notes (self, g_value_get_string (value));
      break;
    case PROP_OUTCOME:
      bmb_meeting_set_outcome (self, g_value_get_string (value));
      break;
    case PROP_STATUS:
      bmb_meeting_set_status (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_meeting_class_init (BmbMeetingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags co = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = bmb_meeting_finalize;
  object_class->get_property = bmb_meeting_get_property;
  object_class->set_property = bmb_meeting_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_SESSION_ID] =
    g_param_spec_int64 ("session-id", NULL, NULL, 0, G_MAXINT64, 0, co);
  properties[PROP_RECURRENCE_ID] = g_param_spec_string ("recurrence-id", NULL, NULL, NULL, co);
  properties[PROP_OCCURRENCE] =
    g_param_spec_object ("occurrence", NULL, NULL, BMB_TYPE_OCCURRENCE, ro);
  properties[PROP_HAS_RECORD] = g_param_spec_boolean ("has-record", NULL, NULL, FALSE, ro);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, NULL, rw);
  properties[PROP_OUTCOME] = g_param_spec_string ("outcome", NULL, NULL, NULL, rw);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, BMB_TYPE_SESSION_STATUS,
                       BMB_SESSION_STATUS_PLANNED, rw);
  properties[PROP_AGENDA] = g_param_spec_object ("agenda", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  properties[PROP_ACTION_ITEMS] =
    g_param_spec_object ("action-items", NULL, NULL, G_TYPE_LIST_MODEL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bmb_meeting_init (BmbMeeting *self)
{
  self->agenda = g_list_store_new (BMB_TYPE_AGENDA_ITEM);
  self->action_items = g_list_store_new (BMB_TYPE_ACTION_ITEM);
}

BmbMeeting *
bmb_meeting_new (gint64      session_id,
                 const char *recurrence_id)
{
  g_return_val_if_fail (recurrence_id != NULL, NULL);

  return g_object_new (BMB_TYPE_MEETING,
                       "session-id", session_id,
                       "recurrence-id", recurrence_id,
                       NULL);
}

/* ---- Store-owned fields ------------------------------------------------------- */

void
_bmb_meeting_set_id (BmbMeeting *self,
                     gint64      id)
{
  g_return_if_fail (BMB_IS_MEETING (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

void
_bmb_meeting_set_has_record (BmbMeeting *self,
                             gboolean    has_record)
{
  g_return_if_fail (BMB_IS_MEETING (self));

  has_record = !!has_record;
  if (self->has_record == has_record)
    return;
  self->has_record = has_record;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_RECORD]);
}

void
_bmb_meeting_set_occurrence (BmbMeeting    *self,
                             BmbOccurrence *occurrence)
{
  g_return_if_fail (BMB_IS_MEETING (self));

  if (g_set_object (&self->occurrence, occurrence))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OCCURRENCE]);
}

/* ---- Public ------------------------------------------------------------------- */

gint64
bmb_meeting_get_id (BmbMeeting *self)
{
  g_return_val_if_fail (BMB_IS_MEETING (self), 0);

  return self->id;
}

gint64
bmb_meeting_get_session_id (BmbMeeting *self)
{
  g_return_val_if_fail (BMB_IS_MEETING (self), 0);

  return self->session_id;
}

const char *
bmb_meeting_get_recurrence_id (BmbMeeting *self)
{
  g_return_val_if_fail (BMB_IS_MEETING (self), NULL);

  return self->recurrence_id;
}

gint64
bmb_meeting_get_relationship_id (BmbMeeting *self)
{
  g_return_val_if_fail (BMB_IS_MEETING (self), 0);

  return self->occurrence != NULL ? bmb_occurrence_get_relationship_id (self->occurrence) : 0;
}

BmbOccurrence *
bmb_meeting_get_occurrence (BmbMeeting *self)
{
  g_return_val_if_fail (BMB_IS_MEETING (self), NULL);

  return self->occurrence;
}

GDateTime *
bmb_meeting_get_start (BmbMeeting *self)
{
  g_return_val_if_fail (BMB_IS_MEETING (self), NULL);

  return self->occurrence != NULL ? bmb_occurrence_get_start (self->occurrence) : NULL;
}

const char *
bmb_meeting_get_title (BmbMeeting *self)
{
  g_return_val_if_fail (BMB_IS_MEETING (self), NULL);

  return self->occurrence != NULL ? bmb_occurrence_get_title (self->occurrence) : NULL;
}

gboolean
bmb_meeting_get_has_record (BmbMeeting *self)
{
  g_return_val_if_fail (BMB_IS_MEETING (self), FALSE);

  return self->has_record;
}

const char *
bmb_meeting_get_notes (BmbMeeting *self)
{
  g_return_val_if_fail (BMB_IS_MEETING (self), NULL);

  return self->notes;
}

void
bmb_meeting_set_notes (BmbMeeting *self,
                       const char *notes)
{
  g_return_if_fail (BMB_IS_MEETING (self));

  if (_bmb_replace_str (&self->notes, notes, TRUE))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

char *
bmb_meeting_dup_notes_first_line (BmbMeeting *self)
{
  g_auto(GStrv) lines = NULL;

  g_return_val_if_fail (BMB_IS_MEETING (self), NULL);

  if (self->notes == NULL)
    return NULL;

  lines = g_strsplit (self->notes, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i] != '\0')
        return g_strdup (lines[i]);
    }

  return NULL;
}

const char *
bmb_meeting_get_outcome (BmbMeeting *self)
{
  g_return_val_if_fail (BMB_IS_MEETING (self), NULL);

  return self->outcome;
}

void
bmb_meeting_set_outcome (BmbMeeting *self,
                         const char *outcome)
{
  g_return_if_fail (BMB_IS_MEETING (self));

  if (_bmb_replace_str (&self->outcome, outcome, TRUE))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OUTCOME]);
}

BmbSessionStatus
bmb_meeting_get_status (BmbMeeting *self)
{
  g_return_val_if_fail (BMB_IS_MEETING (self), BMB_SESSION_STATUS_PLANNED);

  return self->status;
}

void
bmb_meeting_set_status (BmbMeeting       *self,
                        BmbSessionStatus  status)
{
  g_return_if_fail (BMB_IS_MEETING (self));

  if (self->status == status)
    return;
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

GListModel *
bmb_meeting_get_agenda (BmbMeeting *self)
{
  g_return_val_if_fail (BMB_IS_MEETING (self), NULL);

  return G_LIST_MODEL (self->agenda);
}

BmbAgendaItem *
bmb_meeting_append_agenda_item (BmbMeeting *self,
                                const char *text)
{
  g_autoptr(BmbAgendaItem) item = NULL;

  g_return_val_if_fail (BMB_IS_MEETING (self), NULL);

  item = bmb_agenda_item_new (text);
  g_list_store_append (self->agenda, item);

  return item;
}

void
bmb_meeting_remove_agenda_item (BmbMeeting *self,
                                guint       position)
{
  g_return_if_fail (BMB_IS_MEETING (self));
  g_return_if_fail (position < g_list_model_get_n_items (G_LIST_MODEL (self->agenda)));

  g_list_store_remove (self->agenda, position);
}

static void
move_in_store (GListStore *store,
               guint       from,
               guint       to)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
  g_autoptr(GObject) item = NULL;

  g_return_if_fail (from < n);

  to = MIN (to, n - 1);
  if (from == to)
    return;

  item = g_list_model_get_item (G_LIST_MODEL (store), from);
  g_list_store_remove (store, from);
  g_list_store_insert (store, to, item);
}

void
bmb_meeting_move_agenda_item (BmbMeeting *self,
                              guint       from,
                              guint       to)
{
  g_return_if_fail (BMB_IS_MEETING (self));

  move_in_store (self->agenda, from, to);
}

GListModel *
bmb_meeting_get_action_items (BmbMeeting *self)
{
  g_return_val_if_fail (BMB_IS_MEETING (self), NULL);

  return G_LIST_MODEL (self->action_items);
}

BmbActionItem *
bmb_meeting_append_action_item (BmbMeeting     *self,
                                BmbActionOwner  owner,
                                const char     *text)
{
  g_autoptr(BmbActionItem) item = NULL;

  g_return_val_if_fail (BMB_IS_MEETING (self), NULL);

  item = bmb_action_item_new (owner, text);
  bmb_action_item_set_session_id (item, self->session_id);
  bmb_action_item_set_relationship_id (item, bmb_meeting_get_relationship_id (self));
  g_list_store_append (self->action_items, item);

  return item;
}

void
bmb_meeting_insert_action_item (BmbMeeting    *self,
                                int            position,
                                BmbActionItem *item)
{
  guint n;

  g_return_if_fail (BMB_IS_MEETING (self));
  g_return_if_fail (BMB_IS_ACTION_ITEM (item));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->action_items));
  if (position < 0 || (guint)position > n)
    position = (int)n;

  g_list_store_insert (self->action_items, (guint)position, item);
}

void
bmb_meeting_remove_action_item (BmbMeeting *self,
                                guint       position)
{
  g_return_if_fail (BMB_IS_MEETING (self));
  g_return_if_fail (position < g_list_model_get_n_items (G_LIST_MODEL (self->action_items)));

  g_list_store_remove (self->action_items, position);
}

void
bmb_meeting_move_action_item (BmbMeeting *self,
                              guint       from,
                              guint       to)
{
  g_return_if_fail (BMB_IS_MEETING (self));

  move_in_store (self->action_items, from, to);
}

gboolean
bmb_meeting_is_blank (BmbMeeting *self)
{
  guint n;

  g_return_val_if_fail (BMB_IS_MEETING (self), TRUE);

  if (self->notes != NULL || self->outcome != NULL ||
      g_list_model_get_n_items (G_LIST_MODEL (self->action_items)) > 0)
    return FALSE;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->agenda));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BmbAgendaItem) item = g_list_model_get_item (G_LIST_MODEL (self->agenda), i);

      if (bmb_agenda_item_get_done (item))
        return FALSE;
    }

  return TRUE;
}

int
bmb_meeting_compare_newest_first (gconstpointer a,
                                  gconstpointer b)
{
  BmbMeeting *ma = *(BmbMeeting * const *)a;
  BmbMeeting *mb = *(BmbMeeting * const *)b;
  GDateTime *sa = bmb_meeting_get_start (ma);
  GDateTime *sb = bmb_meeting_get_start (mb);
  gint64 ta = sa != NULL ? g_date_time_to_unix (sa) : 0;
  gint64 tb = sb != NULL ? g_date_time_to_unix (sb) : 0;

  if (ta != tb)
    return ta > tb ? -1 : 1;
  if (ma->session_id != mb->session_id)
    return ma->session_id > mb->session_id ? -1 : 1;

  return -g_strcmp0 (ma->recurrence_id, mb->recurrence_id);
}
