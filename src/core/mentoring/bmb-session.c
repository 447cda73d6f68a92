/* bmb-session.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * BmbSession and its status. Its agenda items: bmb-agenda-item.c; the
 * checks before saving and the stored wall-clock forms:
 * bmb-session-validate.c.
 */

#define G_LOG_DOMAIN "bmb-session"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "bmb-mentoring-private.h"
#include "bmb-nick-private.h"
#include "bmb-session.h"

#define MAX_REMINDER_MIN (60 * 24 * 28)

struct _BmbSession
{
  GObject           parent_instance;

  /* identity */
  gint64            id;
  char             *uid;
  gint64            relationship_id;

  /* owned */
  char             *title;
  char             *start_local;
  char             *tzid;
  char             *location;
  char             *notes;
  char             *rrule;
  GStrv             exdates;
  GArray           *reminders;   /* int minutes, ascending */
  GListStore       *agenda;      /* BmbAgendaItem */

  /* state */
  int               duration_min;
  BmbSessionStatus  status;
  gint64            created_at;
  gint64            updated_at;
};

G_DEFINE_FINAL_TYPE (BmbSession, bmb_session, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (BmbSessionStatus, bmb_session_status,
  G_DEFINE_ENUM_VALUE (BMB_SESSION_STATUS_PLANNED, "planned"),
  G_DEFINE_ENUM_VALUE (BMB_SESSION_STATUS_DONE, "done"),
  G_DEFINE_ENUM_VALUE (BMB_SESSION_STATUS_CANCELLED, "cancelled"))

enum {
  PROP_0,
  PROP_ID,
  PROP_UID,
  PROP_RELATIONSHIP_ID,
  PROP_TITLE,
  PROP_START_LOCAL,
  PROP_TZID,
  PROP_DURATION_MIN,
  PROP_LOCATION,
  PROP_NOTES,
  PROP_RRULE,
  PROP_EXDATES,
  PROP_REMINDERS,
  PROP_STATUS,
  PROP_AGENDA,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const BmbNick statuses[] = {
  [BMB_SESSION_STATUS_PLANNED] = { "planned",
    /* Translators: status of a session */
    N_("Planned") },
  [BMB_SESSION_STATUS_DONE] = { "done",
    /* Translators: status of a session that took place */
    N_("Done") },
  [BMB_SESSION_STATUS_CANCELLED] = { "cancelled",
    /* Translators: status of a session */
    N_("Cancelled") },
};

const char *
bmb_session_status_to_string (BmbSessionStatus status)
{
  g_return_val_if_fail (status < G_N_ELEMENTS (statuses), NULL);

  return statuses[status].nick;
}

gboolean
bmb_session_status_from_string (const char       *str,
                                BmbSessionStatus *status)
{
  guint index;

  g_return_val_if_fail (status != NULL, FALSE);

  if (!_bmb_nick_lookup (statuses, G_N_ELEMENTS (statuses), str, &index))
    return FALSE;

  *status = index;
  return TRUE;
}

const char *
bmb_session_status_get_label (BmbSessionStatus status)
{
  g_return_val_if_fail (status < G_N_ELEMENTS (statuses), NULL);

  return _(statuses[status].label);
}

gint64
_bmb_now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* ---- BmbSession ------------------------------------------------------------ */

static int
compare_int (gconstpointer a,
             gconstpointer b)
{
  int x = *(const int *)a;
  int y = *(const int *)b;

  return (x > y) - (x < y);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(char * const *)a, *(char * const *)b);
}

static void
set_session_string (BmbSession  *self,
                    char       **field,
                    const char  *value,
                    gboolean     empty_is_null,
                    guint        prop)
{
  if (_bmb_replace_str (field, value, empty_is_null))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
bmb_session_finalize (GObject *object)
{
  BmbSession *self = (BmbSession *)object;

  g_clear_pointer (&self->uid, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->start_local, g_free);
  g_clear_pointer (&self->tzid, g_free);
  g_clear_pointer (&self->location, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->rrule, g_free);
  g_clear_pointer (&self->exdates, g_strfreev);
  g_clear_pointer (&self->reminders, g_array_unref);
  g_clear_object (&self->agenda);

  G_OBJECT_CLASS (bmb_session_parent_class)->finalize (object);
}

static void
bmb_session_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  BmbSession *self = BMB_SESSION (object);

  switch (prop_id)
    {
    case PROP_ID:              g_value_set_int64 (value, self->id); break;
    case PROP_UID:             g_value_set_string (value, self->uid); break;
    case PROP_RELATIONSHIP_ID: g_value_set_int64 (value, self->relationship_id); break;
    case PROP_TITLE:           g_value_set_string (value, self->title); break;
    case PROP_START_LOCAL:     g_value_set_string (value, self->start_local); break;
    case PROP_TZID:            g_value_set_string (value, self->tzid); break;
    case PROP_DURATION_MIN:    g_value_set_int (value, self->duration_min); break;
    case PROP_LOCATION:        g_value_set_string (value, self->location); break;
    case PROP_NOTES:           g_value_set_string (value, self->notes); break;
    case PROP_RRULE:           g_value_set_string (value, self->rrule); break;
    case PROP_EXDATES:         g_value_set_boxed (value, self->exdates); break;
    case PROP_REMINDERS:       g_value_set_boxed (value, self->reminders); break;
    case PROP_STATUS:          g_value_set_enum (value, self->status); break;
    case PROP_AGENDA:          g_value_set_object (value, self->agenda); break;
    case PROP_CREATED_AT:      g_value_set_int64 (value, self->created_at); break;
    case PROP_UPDATED_AT:      g_value_set_int64 (value, self->updated_at); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_session_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  BmbSession *self = BMB_SESSION (object);

  switch (prop_id)
    {
    case PROP_UID:
      bmb_session_set_uid (self, g_value_get_string (value));
      break;
    case PROP_RELATIONSHIP_ID:
      bmb_session_set_relationship_id (self, g_value_get_int64 (value));
      break;
    case PROP_TITLE:
      bmb_session_set_title (self, g_value_get_string (value));
      break;
    case PROP_START_LOCAL:
      bmb_session_set_start_local (self, g_value_get_string (value));
      break;
    case PROP_TZID:
      bmb_session_set_tzid (self, g_value_get_string (value));
      break;
    case PROP_DURATION_MIN:
      bmb_session_set_duration_min (self, g_value_get_int (value));
      break;
    case PROP_LOCATION:
      bmb_session_set_location (self, g_value_get_string (value));
      break;
    case PROP_NOTES:
      bmb_session_set_notes (self, g_value_get_string (value));
      break;
    case PROP_RRULE:
      bmb_session_set_rrule (self, g_value_get_string (value));
      break;
    case PROP_EXDATES:
      bmb_session_set_exdates (self, g_value_get_boxed (value));
      break;
    case PROP_REMINDERS:
      {
        GArray *array = g_value_get_boxed (value);
        bmb_session_set_reminders (self, array ? (const int *)(gpointer)array->data : NULL,
                                   array ? array->len : 0);
      }
      break;
    case PROP_STATUS:
      bmb_session_set_status (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_session_class_init (BmbSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = bmb_session_finalize;
  object_class->get_property = bmb_session_get_property;
  object_class->set_property = bmb_session_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_UID] = g_param_spec_string ("uid", NULL, NULL, NULL, rw);
  properties[PROP_RELATIONSHIP_ID] =
    g_param_spec_int64 ("relationship-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, rw);
  properties[PROP_START_LOCAL] = g_param_spec_string ("start-local", NULL, NULL, NULL, rw);
  properties[PROP_TZID] = g_param_spec_string ("tzid", NULL, NULL, NULL, rw);
  properties[PROP_DURATION_MIN] =
    g_param_spec_int ("duration-min", NULL, NULL, 1, 10080, 60, rw);
  properties[PROP_LOCATION] = g_param_spec_string ("location", NULL, NULL, NULL, rw);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, NULL, rw);
  properties[PROP_RRULE] = g_param_spec_string ("rrule", NULL, NULL, NULL, rw);
  properties[PROP_EXDATES] = g_param_spec_boxed ("exdates", NULL, NULL, G_TYPE_STRV, rw);
  properties[PROP_REMINDERS] = g_param_spec_boxed ("reminders", NULL, NULL, G_TYPE_ARRAY, rw);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       BMB_TYPE_SESSION_STATUS, BMB_SESSION_STATUS_PLANNED, rw);
  properties[PROP_AGENDA] =
    g_param_spec_object ("agenda", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  properties[PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_UPDATED_AT] =
    g_param_spec_int64 ("updated-at", NULL, NULL, 0, G_MAXINT64, 0, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bmb_session_init (BmbSession *self)
{
  int fifteen = 15;

  self->duration_min = 60;
  self->status = BMB_SESSION_STATUS_PLANNED;
  self->exdates = g_new0 (char *, 1);
  self->reminders = g_array_new (FALSE, FALSE, sizeof (int));
  g_array_append_val (self->reminders, fifteen);
  self->agenda = g_list_store_new (BMB_TYPE_AGENDA_ITEM);
}

BmbSession *
bmb_session_new (void)
{
  return g_object_new (BMB_TYPE_SESSION, NULL);
}

#define STRING_ACCESSORS(field, PROP, empty_is_null)                           \
const char *                                                                   \
bmb_session_get_##field (BmbSession *self)                                     \
{                                                                              \
  g_return_val_if_fail (BMB_IS_SESSION (self), NULL);                          \
  return self->field;                                                          \
}                                                                              \
                                                                               \
void                                                                           \
bmb_session_set_##field (BmbSession *self,                                     \
                         const char *value)                                    \
{                                                                              \
  g_return_if_fail (BMB_IS_SESSION (self));                                    \
  set_session_string (self, &self->field, value, empty_is_null, PROP);         \
}

STRING_ACCESSORS (uid, PROP_UID, TRUE)
STRING_ACCESSORS (title, PROP_TITLE, FALSE)
STRING_ACCESSORS (start_local, PROP_START_LOCAL, TRUE)
STRING_ACCESSORS (tzid, PROP_TZID, TRUE)
STRING_ACCESSORS (location, PROP_LOCATION, TRUE)
STRING_ACCESSORS (notes, PROP_NOTES, TRUE)
STRING_ACCESSORS (rrule, PROP_RRULE, TRUE)

#undef STRING_ACCESSORS

gint64
bmb_session_get_id (BmbSession *self)
{
  g_return_val_if_fail (BMB_IS_SESSION (self), 0);

  return self->id;
}

void
_bmb_session_set_id (BmbSession *self,
                     gint64      id)
{
  g_assert (BMB_IS_SESSION (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

void
_bmb_session_set_timestamps (BmbSession *self,
                             gint64      created_at,
                             gint64      updated_at)
{
  g_assert (BMB_IS_SESSION (self));

  if (self->created_at != created_at)
    {
      self->created_at = created_at;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
    }
  if (self->updated_at != updated_at)
    {
      self->updated_at = updated_at;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
    }
}

gint64
bmb_session_get_relationship_id (BmbSession *self)
{
  g_return_val_if_fail (BMB_IS_SESSION (self), 0);

  return self->relationship_id;
}

void
bmb_session_set_relationship_id (BmbSession *self,
                                 gint64      relationship_id)
{
  g_return_if_fail (BMB_IS_SESSION (self));

  relationship_id = MAX (relationship_id, 0);
  if (self->relationship_id == relationship_id)
    return;

  self->relationship_id = relationship_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RELATIONSHIP_ID]);
}

int
bmb_session_get_duration_min (BmbSession *self)
{
  g_return_val_if_fail (BMB_IS_SESSION (self), 0);

  return self->duration_min;
}

void
bmb_session_set_duration_min (BmbSession *self,
                              int         minutes)
{
  g_return_if_fail (BMB_IS_SESSION (self));

  minutes = CLAMP (minutes, 1, 10080);
  if (self->duration_min == minutes)
    return;

  self->duration_min = minutes;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DURATION_MIN]);
}

const char * const *
bmb_session_get_exdates (BmbSession *self)
{
  g_return_val_if_fail (BMB_IS_SESSION (self), NULL);

  return (const char * const *)self->exdates;
}

/* Sorted, without duplicates or empty strings. */
static GStrv
normalize_exdates (const char * const *exdates)
{
  g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; exdates != NULL && exdates[i] != NULL; i++)
    {
      g_autofree char *value = g_strstrip (g_strdup (exdates[i]));

      if (*value != '\0')
        g_ptr_array_add (array, g_steal_pointer (&value));
    }

  g_ptr_array_sort (array, compare_strings);
  for (guint i = 1; i < array->len; )
    {
      if (g_str_equal (g_ptr_array_index (array, i - 1), g_ptr_array_index (array, i)))
        g_ptr_array_remove_index (array, i);
      else
        i++;
    }

  g_ptr_array_add (array, NULL);
  return (GStrv)g_ptr_array_free (g_steal_pointer (&array), FALSE);
}

void
bmb_session_set_exdates (BmbSession         *self,
                         const char * const *exdates)
{
  g_auto(GStrv) normalized = NULL;

  g_return_if_fail (BMB_IS_SESSION (self));

  normalized = normalize_exdates (exdates);
  if (g_strv_equal ((const char * const *)normalized, (const char * const *)self->exdates))
    return;

  g_strfreev (self->exdates);
  self->exdates = g_steal_pointer (&normalized);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXDATES]);
}

void
bmb_session_add_exdate (BmbSession *self,
                        const char *local_start)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  g_return_if_fail (BMB_IS_SESSION (self));
  g_return_if_fail (local_start != NULL);

  g_strv_builder_addv (builder, (const char **)self->exdates);
  g_strv_builder_add (builder, local_start);
  strv = g_strv_builder_end (builder);
  bmb_session_set_exdates (self, (const char * const *)strv);
}

char *
_bmb_session_dup_exdates_string (BmbSession *self)
{
  g_assert (BMB_IS_SESSION (self));

  if (self->exdates[0] == NULL)
    return NULL;

  return g_strjoinv (",", self->exdates);
}

void
_bmb_session_set_exdates_string (BmbSession *self,
                                 const char *exdates)
{
  g_auto(GStrv) split = NULL;

  g_assert (BMB_IS_SESSION (self));

  split = g_strsplit (exdates ? exdates : "", ",", -1);
  bmb_session_set_exdates (self, (const char * const *)split);
}

GArray *
bmb_session_get_reminders (BmbSession *self)
{
  g_return_val_if_fail (BMB_IS_SESSION (self), NULL);

  return self->reminders;
}

void
bmb_session_set_reminders (BmbSession *self,
                           const int  *offsets,
                           guint       n_offsets)
{
  g_autoptr(GArray) array = NULL;

  g_return_if_fail (BMB_IS_SESSION (self));
  g_return_if_fail (offsets != NULL || n_offsets == 0);

  array = g_array_sized_new (FALSE, FALSE, sizeof (int), n_offsets);
  for (guint i = 0; i < n_offsets; i++)
    {
      int value = CLAMP (offsets[i], 0, MAX_REMINDER_MIN);
      g_array_append_val (array, value);
    }
  g_array_sort (array, compare_int);
  for (guint i = 1; i < array->len; )
    {
      if (g_array_index (array, int, i - 1) == g_array_index (array, int, i))
        g_array_remove_index (array, i);
      else
        i++;
    }

  /* An empty GArray may have no data at all: memcmp() must not see it. */
  if (array->len == self->reminders->len &&
      (array->len == 0 ||
       memcmp (array->data, self->reminders->data, array->len * sizeof (int)) == 0))
    return;

  g_array_unref (self->reminders);
  self->reminders = g_steal_pointer (&array);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMINDERS]);
}

char *
_bmb_session_dup_reminders_string (BmbSession *self)
{
  GString *str = g_string_new (NULL);

  g_assert (BMB_IS_SESSION (self));

  for (guint i = 0; i < self->reminders->len; i++)
    g_string_append_printf (str, "%s%d", i ? "," : "", g_array_index (self->reminders, int, i));

  return g_string_free (str, FALSE);
}

gboolean
_bmb_session_set_reminders_string (BmbSession *self,
                                   const char *reminders)
{
  g_auto(GStrv) split = NULL;
  g_autoptr(GArray) array = g_array_new (FALSE, FALSE, sizeof (int));
  gboolean ok = TRUE;

  g_assert (BMB_IS_SESSION (self));

  split = g_strsplit (reminders ? reminders : "", ",", -1);
  for (guint i = 0; split[i] != NULL; i++)
    {
      gint64 value;

      g_strstrip (split[i]);
      if (*split[i] == '\0')
        continue;
      if (!g_ascii_string_to_signed (split[i], 10, 0, MAX_REMINDER_MIN, &value, NULL))
        {
          ok = FALSE;
          continue;
        }
      g_array_append_vals (array, &(int){ (int)value }, 1);
    }

  bmb_session_set_reminders (self, (const int *)(gpointer)array->data, array->len);

  return ok;
}

BmbSessionStatus
bmb_session_get_status (BmbSession *self)
{
  g_return_val_if_fail (BMB_IS_SESSION (self), 0);

  return self->status;
}

void
bmb_session_set_status (BmbSession       *self,
                        BmbSessionStatus  status)
{
  g_return_if_fail (BMB_IS_SESSION (self));
  g_return_if_fail (status < G_N_ELEMENTS (statuses));

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

gint64
bmb_session_get_created_at (BmbSession *self)
{
  g_return_val_if_fail (BMB_IS_SESSION (self), 0);

  return self->created_at;
}

gint64
bmb_session_get_updated_at (BmbSession *self)
{
  g_return_val_if_fail (BMB_IS_SESSION (self), 0);

  return self->updated_at;
}

GListModel *
bmb_session_get_agenda (BmbSession *self)
{
  g_return_val_if_fail (BMB_IS_SESSION (self), NULL);

  return G_LIST_MODEL (self->agenda);
}

BmbAgendaItem *
bmb_session_append_agenda_item (BmbSession *self,
                                const char *text)
{
  g_autoptr(BmbAgendaItem) item = NULL;

  g_return_val_if_fail (BMB_IS_SESSION (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  item = bmb_agenda_item_new (text);
  g_list_store_append (self->agenda, item);

  return item;
}

void
bmb_session_remove_agenda_item (BmbSession *self,
                                guint       position)
{
  g_return_if_fail (BMB_IS_SESSION (self));
  g_return_if_fail (position < g_list_model_get_n_items (G_LIST_MODEL (self->agenda)));

  g_list_store_remove (self->agenda, position);
}

void
bmb_session_move_agenda_item (BmbSession *self,
                              guint       from,
                              guint       to)
{
  g_autoptr(BmbAgendaItem) item = NULL;
  guint n;

  g_return_if_fail (BMB_IS_SESSION (self));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->agenda));
  g_return_if_fail (from < n && to < n);

  if (from == to)
    return;

  item = g_list_model_get_item (G_LIST_MODEL (self->agenda), from);
  g_list_store_remove (self->agenda, from);
  g_list_store_insert (self->agenda, to, item);
}

gboolean
bmb_session_is_recurring (BmbSession *self)
{
  g_return_val_if_fail (BMB_IS_SESSION (self), FALSE);

  return self->rrule != NULL;
}

GTimeZone *
bmb_session_dup_zone (BmbSession *self)
{
  GTimeZone *zone = NULL;

  g_return_val_if_fail (BMB_IS_SESSION (self), NULL);

  if (self->tzid != NULL)
    zone = g_time_zone_new_identifier (self->tzid);

  return zone ? zone : g_time_zone_new_utc ();
}

GDateTime *
bmb_session_dup_start (BmbSession *self)
{
  g_autoptr(GTimeZone) zone = NULL;

  g_return_val_if_fail (BMB_IS_SESSION (self), NULL);

  if (self->start_local == NULL)
    return NULL;

  zone = bmb_session_dup_zone (self);
  return bmb_local_time_to_date_time (self->start_local, zone);
}

void
bmb_session_set_start (BmbSession *self,
                       GDateTime  *start,
                       const char *tzid)
{
  g_autofree char *local = NULL;

  g_return_if_fail (BMB_IS_SESSION (self));
  g_return_if_fail (start != NULL);
  g_return_if_fail (tzid != NULL);

  g_object_freeze_notify (G_OBJECT (self));
  local = bmb_date_time_to_local_time (start);
  bmb_session_set_start_local (self, local);
  bmb_session_set_tzid (self, tzid);
  g_object_thaw_notify (G_OBJECT (self));
}
