/* bmb-occurrence.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-occurrence"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-mentoring-private.h"
#include "bmb-occurrence.h"

struct _BmbOccurrence
{
  GObject           parent_instance;

  /* owned */
  BmbSession       *session;
  char             *recurrence_id;
  GDateTime        *start;
  GDateTime        *end;
  char             *title;
  char             *location;
  char             *notes;

  /* state */
  int               duration_min;
  BmbSessionStatus  status;
  gboolean          overridden;
};

G_DEFINE_FINAL_TYPE (BmbOccurrence, bmb_occurrence, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_RECURRENCE_ID,
  PROP_START,
  PROP_END,
  PROP_DURATION_MIN,
  PROP_TITLE,
  PROP_LOCATION,
  PROP_NOTES,
  PROP_STATUS,
  PROP_OVERRIDDEN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_end (BmbOccurrence *self)
{
  g_autoptr(GDateTime) end = NULL;

  if (self->start != NULL)
    end = g_date_time_add_minutes (self->start, self->duration_min);

  if (end == self->end ||
      (end != NULL && self->end != NULL && g_date_time_equal (end, self->end)))
    return;

  g_clear_pointer (&self->end, g_date_time_unref);
  self->end = g_steal_pointer (&end);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END]);
}

static void
set_string (BmbOccurrence  *self,
            char          **field,
            const char     *value,
            guint           prop)
{
  if (value != NULL && *value == '\0' && prop != PROP_TITLE)
    value = NULL;

  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
bmb_occurrence_finalize (GObject *object)
{
  BmbOccurrence *self = (BmbOccurrence *)object;

  g_clear_object (&self->session);
  g_clear_pointer (&self->recurrence_id, g_free);
  g_clear_pointer (&self->start, g_date_time_unref);
  g_clear_pointer (&self->end, g_date_time_unref);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->location, g_free);
  g_clear_pointer (&self->notes, g_free);

  G_OBJECT_CLASS (bmb_occurrence_parent_class)->finalize (object);
}

static void
bmb_occurrence_constructed (GObject *object)
{
  BmbOccurrence *self = (BmbOccurrence *)object;

  G_OBJECT_CLASS (bmb_occurrence_parent_class)->constructed (object);

  g_assert (BMB_IS_SESSION (self->session));

  /* Start from the series' values; overrides are applied afterwards. The
   * start is set by whoever creates us (it needs the zone, which is too
   * costly to look up for every occurrence of an expansion). */
  self->title = g_strdup (bmb_session_get_title (self->session));
  self->location = g_strdup (bmb_session_get_location (self->session));
  /* A meeting's notes are its own (its record, bmb-meeting.h); only a
   * one-off session's notes are its single meeting's. */
  if (!bmb_session_is_recurring (self->session))
    self->notes = g_strdup (bmb_session_get_notes (self->session));
  self->status = bmb_session_get_status (self->session);
  self->duration_min = bmb_session_get_duration_min (self->session);

  if (self->recurrence_id == NULL)
    self->recurrence_id = g_strdup (bmb_session_get_start_local (self->session));
}

static void
bmb_occurrence_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BmbOccurrence *self = BMB_OCCURRENCE (object);

  switch (prop_id)
    {
    case PROP_SESSION:       g_value_set_object (value, self->session); break;
    case PROP_RECURRENCE_ID: g_value_set_string (value, self->recurrence_id); break;
    case PROP_START:         g_value_set_boxed (value, self->start); break;
    case PROP_END:           g_value_set_boxed (value, self->end); break;
    case PROP_DURATION_MIN:  g_value_set_int (value, self->duration_min); break;
    case PROP_TITLE:         g_value_set_string (value, self->title); break;
    case PROP_LOCATION:      g_value_set_string (value, self->location); break;
    case PROP_NOTES:         g_value_set_string (value, self->notes); break;
    case PROP_STATUS:        g_value_set_enum (value, self->status); break;
    case PROP_OVERRIDDEN:    g_value_set_boolean (value, self->overridden); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_occurrence_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  BmbOccurrence *self = BMB_OCCURRENCE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    case PROP_RECURRENCE_ID:
      self->recurrence_id = g_value_dup_string (value);
      break;
    case PROP_START:
      bmb_occurrence_set_start (self, g_value_get_boxed (value));
      break;
    case PROP_DURATION_MIN:
      bmb_occurrence_set_duration_min (self, g_value_get_int (value));
      break;
    case PROP_TITLE:
      bmb_occurrence_set_title (self, g_value_get_string (value));
      break;
    case PROP_LOCATION:
      bmb_occurrence_set_location (self, g_value_get_string (value));
      break;
    case PROP_NOTES:
      bmb_occurrence_set_notes (self, g_value_get_string (value));
      break;
    case PROP_STATUS:
      bmb_occurrence_set_status (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_occurrence_class_init (BmbOccurrenceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags co = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = bmb_occurrence_constructed;
  object_class->finalize = bmb_occurrence_finalize;
  object_class->get_property = bmb_occurrence_get_property;
  object_class->set_property = bmb_occurrence_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, BMB_TYPE_SESSION, co);
  properties[PROP_RECURRENCE_ID] =
    g_param_spec_string ("recurrence-id", NULL, NULL, NULL, co);
  properties[PROP_START] =
    g_param_spec_boxed ("start", NULL, NULL, G_TYPE_DATE_TIME, rw);
  properties[PROP_END] =
    g_param_spec_boxed ("end", NULL, NULL, G_TYPE_DATE_TIME, ro);
  properties[PROP_DURATION_MIN] =
    g_param_spec_int ("duration-min", NULL, NULL, 1, 10080, 60, rw);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, rw);
  properties[PROP_LOCATION] = g_param_spec_string ("location", NULL, NULL, NULL, rw);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, NULL, rw);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       BMB_TYPE_SESSION_STATUS, BMB_SESSION_STATUS_PLANNED, rw);
  properties[PROP_OVERRIDDEN] =
    g_param_spec_boolean ("overridden", NULL, NULL, FALSE, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bmb_occurrence_init (BmbOccurrence *self)
{
  self->duration_min = 60;
}

BmbOccurrence *
bmb_occurrence_new (BmbSession *session,
                    const char *recurrence_id)
{
  BmbOccurrence *self;
  g_autoptr(GTimeZone) zone = NULL;

  g_return_val_if_fail (BMB_IS_SESSION (session), NULL);

  self = g_object_new (BMB_TYPE_OCCURRENCE,
                       "session", session,
                       "recurrence-id", recurrence_id,
                       NULL);

  zone = bmb_session_dup_zone (session);
  if (self->recurrence_id != NULL)
    self->start = bmb_local_time_to_date_time (self->recurrence_id, zone);
  if (self->start != NULL)
    self->end = g_date_time_add_minutes (self->start, self->duration_min);

  return self;
}

BmbOccurrence *
_bmb_occurrence_new_with_override (BmbSession               *session,
                                   const char               *recurrence_id,
                                   GDateTime                *original_start,
                                   const BmbSessionOverride *override)
{
  BmbOccurrence *self;

  g_assert (BMB_IS_SESSION (session));
  g_assert (recurrence_id != NULL);

  self = g_object_new (BMB_TYPE_OCCURRENCE,
                       "session", session,
                       "recurrence-id", recurrence_id,
                       NULL);

  /* The expansion's GDateTime already went through the zone once. */
  if (original_start != NULL)
    self->start = g_date_time_ref (original_start);

  if (override != NULL)
    {
      if (override->start_local != NULL)
        {
          g_autoptr(GTimeZone) zone = bmb_session_dup_zone (session);
          g_autoptr(GDateTime) moved = bmb_local_time_to_date_time (override->start_local, zone);

          if (moved != NULL)
            {
              g_clear_pointer (&self->start, g_date_time_unref);
              self->start = g_steal_pointer (&moved);
            }
        }
      if (override->duration_min > 0)
        self->duration_min = override->duration_min;
      if (override->title != NULL)
        {
          g_free (self->title);
          self->title = g_strdup (override->title);
        }
      if (override->location != NULL)
        {
          /* "" in an override: cleared for this occurrence only. */
          g_free (self->location);
          self->location = *override->location ? g_strdup (override->location) : NULL;
        }
      if (override->notes != NULL)
        {
          /* "" in an override: cleared for this occurrence only. */
          g_free (self->notes);
          self->notes = *override->notes ? g_strdup (override->notes) : NULL;
        }
      if (override->has_status)
        self->status = override->status;
      self->overridden = TRUE;
    }

  if (self->start == NULL)
    {
      g_autoptr(GTimeZone) zone = bmb_session_dup_zone (session);

      self->start = bmb_local_time_to_date_time (recurrence_id, zone);
    }

  g_clear_pointer (&self->end, g_date_time_unref);
  if (self->start != NULL)
    self->end = g_date_time_add_minutes (self->start, self->duration_min);

  return self;
}

BmbSession *
bmb_occurrence_get_session (BmbOccurrence *self)
{
  g_return_val_if_fail (BMB_IS_OCCURRENCE (self), NULL);

  return self->session;
}

gint64
bmb_occurrence_get_session_id (BmbOccurrence *self)
{
  g_return_val_if_fail (BMB_IS_OCCURRENCE (self), 0);

  return bmb_session_get_id (self->session);
}

gint64
bmb_occurrence_get_relationship_id (BmbOccurrence *self)
{
  g_return_val_if_fail (BMB_IS_OCCURRENCE (self), 0);

  return bmb_session_get_relationship_id (self->session);
}

const char *
bmb_occurrence_get_recurrence_id (BmbOccurrence *self)
{
  g_return_val_if_fail (BMB_IS_OCCURRENCE (self), NULL);

  return self->recurrence_id;
}

GDateTime *
bmb_occurrence_get_start (BmbOccurrence *self)
{
  g_return_val_if_fail (BMB_IS_OCCURRENCE (self), NULL);

  return self->start;
}

void
bmb_occurrence_set_start (BmbOccurrence *self,
                          GDateTime     *start)
{
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) in_zone = NULL;

  g_return_if_fail (BMB_IS_OCCURRENCE (self));
  g_return_if_fail (start != NULL);

  /* Keep the start in the session's zone so its wall clock is stored. */
  zone = bmb_session_dup_zone (self->session);
  in_zone = g_date_time_to_timezone (start, zone);

  if (self->start != NULL && g_date_time_equal (self->start, in_zone))
    return;

  g_clear_pointer (&self->start, g_date_time_unref);
  self->start = g_steal_pointer (&in_zone);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START]);
  update_end (self);
}

GDateTime *
bmb_occurrence_get_end (BmbOccurrence *self)
{
  g_return_val_if_fail (BMB_IS_OCCURRENCE (self), NULL);

  return self->end;
}

int
bmb_occurrence_get_duration_min (BmbOccurrence *self)
{
  g_return_val_if_fail (BMB_IS_OCCURRENCE (self), 0);

  return self->duration_min;
}

void
bmb_occurrence_set_duration_min (BmbOccurrence *self,
                                 int            minutes)
{
  g_return_if_fail (BMB_IS_OCCURRENCE (self));

  minutes = CLAMP (minutes, 1, 10080);
  if (self->duration_min == minutes)
    return;

  self->duration_min = minutes;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DURATION_MIN]);
  update_end (self);
}

const char *
bmb_occurrence_get_title (BmbOccurrence *self)
{
  g_return_val_if_fail (BMB_IS_OCCURRENCE (self), NULL);

  return self->title;
}

void
bmb_occurrence_set_title (BmbOccurrence *self,
                          const char    *title)
{
  g_return_if_fail (BMB_IS_OCCURRENCE (self));

  set_string (self, &self->title, title, PROP_TITLE);
}

const char *
bmb_occurrence_get_location (BmbOccurrence *self)
{
  g_return_val_if_fail (BMB_IS_OCCURRENCE (self), NULL);

  return self->location;
}

void
bmb_occurrence_set_location (BmbOccurrence *self,
                             const char    *location)
{
  g_return_if_fail (BMB_IS_OCCURRENCE (self));

  set_string (self, &self->location, location, PROP_LOCATION);
}

const char *
bmb_occurrence_get_notes (BmbOccurrence *self)
{
  g_return_val_if_fail (BMB_IS_OCCURRENCE (self), NULL);

  return self->notes;
}

void
bmb_occurrence_set_notes (BmbOccurrence *self,
                          const char    *notes)
{
  g_return_if_fail (BMB_IS_OCCURRENCE (self));

  set_string (self, &self->notes, notes, PROP_NOTES);
}

BmbSessionStatus
bmb_occurrence_get_status (BmbOccurrence *self)
{
  g_return_val_if_fail (BMB_IS_OCCURRENCE (self), 0);

  return self->status;
}

void
bmb_occurrence_set_status (BmbOccurrence    *self,
                           BmbSessionStatus  status)
{
  g_return_if_fail (BMB_IS_OCCURRENCE (self));

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

gboolean
bmb_occurrence_get_overridden (BmbOccurrence *self)
{
  g_return_val_if_fail (BMB_IS_OCCURRENCE (self), FALSE);

  return self->overridden;
}

void
_bmb_occurrence_set_overridden (BmbOccurrence *self,
                                gboolean       overridden)
{
  g_assert (BMB_IS_OCCURRENCE (self));

  overridden = !!overridden;
  if (self->overridden == overridden)
    return;

  self->overridden = overridden;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OVERRIDDEN]);
}

char *
bmb_occurrence_dup_key (BmbOccurrence *self)
{
  g_autoptr(GDateTime) utc = NULL;

  g_return_val_if_fail (BMB_IS_OCCURRENCE (self), NULL);
  g_return_val_if_fail (self->start != NULL, NULL);

  utc = g_date_time_to_utc (self->start);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

int
bmb_occurrence_compare (gconstpointer a,
                        gconstpointer b)
{
  BmbOccurrence *x = *(BmbOccurrence * const *)a;
  BmbOccurrence *y = *(BmbOccurrence * const *)b;
  int cmp;
  gint64 ix, iy;

  if (x->start != NULL && y->start != NULL &&
      (cmp = g_date_time_compare (x->start, y->start)) != 0)
    return cmp;

  ix = bmb_session_get_id (x->session);
  iy = bmb_session_get_id (y->session);
  if (ix != iy)
    return ix < iy ? -1 : 1;

  return g_strcmp0 (x->recurrence_id, y->recurrence_id);
}
