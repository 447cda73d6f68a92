/* bmb-goal.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-goal"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "bmb-checklist-private.h"
#include "bmb-goal.h"

struct _BmbGoal
{
  GObject parent_instance;

  /* state */
  gint64         id;
  gint64         relationship_id;
  char          *title;
  char          *criteria[BMB_GOAL_N_CRITERIA];
  char          *due_on;
  guint          progress;
  BmbGoalStatus  status;
  gint64         created_at;
  gint64         updated_at;
};

G_DEFINE_ENUM_TYPE (BmbGoalStatus, bmb_goal_status,
                    G_DEFINE_ENUM_VALUE (BMB_GOAL_STATUS_ACTIVE, "active"),
                    G_DEFINE_ENUM_VALUE (BMB_GOAL_STATUS_ACHIEVED, "achieved"),
                    G_DEFINE_ENUM_VALUE (BMB_GOAL_STATUS_DROPPED, "dropped"))

G_DEFINE_ENUM_TYPE (BmbGoalCriterion, bmb_goal_criterion,
                    G_DEFINE_ENUM_VALUE (BMB_GOAL_CRITERION_SPECIFIC, "specific"),
                    G_DEFINE_ENUM_VALUE (BMB_GOAL_CRITERION_MEASURABLE, "measurable"),
                    G_DEFINE_ENUM_VALUE (BMB_GOAL_CRITERION_ACHIEVABLE, "achievable"),
                    G_DEFINE_ENUM_VALUE (BMB_GOAL_CRITERION_RELEVANT, "relevant"),
                    G_DEFINE_ENUM_VALUE (BMB_GOAL_CRITERION_TIME_BOUND, "time-bound"))

G_DEFINE_FINAL_TYPE (BmbGoal, bmb_goal, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_RELATIONSHIP_ID,
  PROP_TITLE,
  PROP_SPECIFIC,
  PROP_MEASURABLE,
  PROP_ACHIEVABLE,
  PROP_RELEVANT,
  PROP_TIME_BOUND,
  PROP_DUE_ON,
  PROP_PROGRESS,
  PROP_STATUS,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_PROPS
};

/* PROP_SPECIFIC … PROP_TIME_BOUND follow the criterion order. */
G_STATIC_ASSERT (PROP_TIME_BOUND - PROP_SPECIFIC == BMB_GOAL_CRITERION_TIME_BOUND);

static GParamSpec *properties[N_PROPS];

/* ---- Enums ------------------------------------------------------------------------ */

const char *
bmb_goal_status_to_string (BmbGoalStatus status)
{
  switch (status)
    {
    case BMB_GOAL_STATUS_ACTIVE:
      return "active";
    case BMB_GOAL_STATUS_ACHIEVED:
      return "achieved";
    case BMB_GOAL_STATUS_DROPPED:
      return "dropped";
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
bmb_goal_status_from_string (const char    *text,
                             BmbGoalStatus *status)
{
  g_return_val_if_fail (status != NULL, FALSE);

  if (g_strcmp0 (text, "active") == 0)
    *status = BMB_GOAL_STATUS_ACTIVE;
  else if (g_strcmp0 (text, "achieved") == 0)
    *status = BMB_GOAL_STATUS_ACHIEVED;
  else if (g_strcmp0 (text, "dropped") == 0)
    *status = BMB_GOAL_STATUS_DROPPED;
  else
    return FALSE;

  return TRUE;
}

const char *
bmb_goal_status_get_label (BmbGoalStatus status)
{
  switch (status)
    {
    case BMB_GOAL_STATUS_ACTIVE:
      /* Translators: a goal still being worked on. */
      return C_("goal status", "Active");
    case BMB_GOAL_STATUS_ACHIEVED:
      /* Translators: a goal that was reached. */
      return C_("goal status", "Achieved");
    case BMB_GOAL_STATUS_DROPPED:
      /* Translators: a goal given up on purpose. */
      return C_("goal status", "Dropped");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
bmb_goal_criterion_get_label (BmbGoalCriterion criterion)
{
  /* The same words as the items of the built-in “SMART goal check”. */
  switch (criterion)
    {
    case BMB_GOAL_CRITERION_SPECIFIC:
      return _("Specific");
    case BMB_GOAL_CRITERION_MEASURABLE:
      return _("Measurable");
    case BMB_GOAL_CRITERION_ACHIEVABLE:
      return _("Achievable");
    case BMB_GOAL_CRITERION_RELEVANT:
      return _("Relevant");
    case BMB_GOAL_CRITERION_TIME_BOUND:
      return _("Time-bound");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
bmb_goal_criterion_get_hint (BmbGoalCriterion criterion)
{
  switch (criterion)
    {
    case BMB_GOAL_CRITERION_SPECIFIC:
      /* Translators: a question guiding the “Specific” field of a SMART goal. */
      return _("What exactly do you want to achieve?");
    case BMB_GOAL_CRITERION_MEASURABLE:
      /* Translators: a question guiding the “Measurable” field of a SMART goal. */
      return _("How will you know you are making progress?");
    case BMB_GOAL_CRITERION_ACHIEVABLE:
      /* Translators: a question guiding the “Achievable” field of a SMART goal. */
      return _("Why is it within reach with the time and means you have?");
    case BMB_GOAL_CRITERION_RELEVANT:
      /* Translators: a question guiding the “Relevant” field of a SMART goal. */
      return _("Why does it matter for your development?");
    case BMB_GOAL_CRITERION_TIME_BOUND:
      /* Translators: a question guiding the “Time-bound” field of a SMART goal. */
      return _("By when, and with which milestones?");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* ---- GObject ------------------------------------------------------------------------ */

static void
bmb_goal_finalize (GObject *object)
{
  BmbGoal *self = (BmbGoal *)object;

  g_clear_pointer (&self->title, g_free);
  for (guint i = 0; i < BMB_GOAL_N_CRITERIA; i++)
    g_clear_pointer (&self->criteria[i], g_free);
  g_clear_pointer (&self->due_on, g_free);

  G_OBJECT_CLASS (bmb_goal_parent_class)->finalize (object);
}

static void
bmb_goal_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  BmbGoal *self = BMB_GOAL (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_RELATIONSHIP_ID:
      g_value_set_int64 (value, self->relationship_id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SPECIFIC:
    case PROP_MEASURABLE:
    case PROP_ACHIEVABLE:
    case PROP_RELEVANT:
    case PROP_TIME_BOUND:
      g_value_set_string (value, self->criteria[prop_id - PROP_SPECIFIC]);
      break;
    case PROP_DUE_ON:
      g_value_set_string (value, self->due_on);
      break;
    case PROP_PROGRESS:
      g_value_set_uint (value, self->progress);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_CREATED_AT:
      g_value_set_int64 (value, self->created_at);
      break;
    case PROP_UPDATED_AT:
      g_value_set_int64 (value, self->updated_at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_goal_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  BmbGoal *self = BMB_GOAL (object);

  switch (prop_id)
    {
    case PROP_ID:
      _bmb_goal_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_RELATIONSHIP_ID:
      bmb_goal_set_relationship_id (self, g_value_get_int64 (value));
      break;
    case PROP_TITLE:
      bmb_goal_set_title (self, g_value_get_string (value));
      break;
    case PROP_SPECIFIC:
    case PROP_MEASURABLE:
    case PROP_ACHIEVABLE:
    case PROP_RELEVANT:
    case PROP_TIME_BOUND:
      bmb_goal_set_criterion (self, prop_id - PROP_SPECIFIC, g_value_get_string (value));
      break;
    case PROP_DUE_ON:
      bmb_goal_set_due_on (self, g_value_get_string (value));
      break;
    case PROP_PROGRESS:
      bmb_goal_set_progress (self, g_value_get_uint (value));
      break;
    case PROP_STATUS:
      bmb_goal_set_status (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_goal_class_init (BmbGoalClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  static const char * const criterion_names[BMB_GOAL_N_CRITERIA] = {
    "specific", "measurable", "achievable", "relevant", "time-bound",
  };

  object_class->finalize = bmb_goal_finalize;
  object_class->get_property = bmb_goal_get_property;
  object_class->set_property = bmb_goal_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RELATIONSHIP_ID] =
    g_param_spec_int64 ("relationship-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  for (guint i = 0; i < BMB_GOAL_N_CRITERIA; i++)
    properties[PROP_SPECIFIC + i] =
      g_param_spec_string (criterion_names[i], NULL, NULL, NULL,
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DUE_ON] =
    g_param_spec_string ("due-on", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROGRESS] =
    g_param_spec_uint ("progress", NULL, NULL, 0, 100, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, BMB_TYPE_GOAL_STATUS, BMB_GOAL_STATUS_ACTIVE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UPDATED_AT] =
    g_param_spec_int64 ("updated-at", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bmb_goal_init (BmbGoal *self)
{
  self->status = BMB_GOAL_STATUS_ACTIVE;
}

/* ---- Private ------------------------------------------------------------------------ */

void
_bmb_goal_set_id (BmbGoal *self,
                  gint64   id)
{
  g_assert (BMB_IS_GOAL (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

void
_bmb_goal_set_timestamps (BmbGoal *self,
                          gint64   created_at,
                          gint64   updated_at)
{
  g_assert (BMB_IS_GOAL (self));

  self->created_at = created_at;
  if (self->updated_at != updated_at)
    {
      self->updated_at = updated_at;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
    }
}

/* Empty or blank text is stored as NULL. */
static gboolean
set_text (char       **field,
          const char  *text)
{
  g_autofree char *clean = NULL;

  if (text != NULL)
    {
      clean = g_strstrip (g_strdup (text));
      if (*clean == '\0')
        g_clear_pointer (&clean, g_free);
    }

  return _bmb_set_str (field, clean);
}

/* ---- Public API ------------------------------------------------------------------------ */

BmbGoal *
bmb_goal_new (const char *title)
{
  BmbGoal *self = g_object_new (BMB_TYPE_GOAL, NULL);

  set_text (&self->title, title);

  return self;
}

gint64
bmb_goal_get_id (BmbGoal *self)
{
  g_return_val_if_fail (BMB_IS_GOAL (self), 0);

  return self->id;
}

gint64
bmb_goal_get_relationship_id (BmbGoal *self)
{
  g_return_val_if_fail (BMB_IS_GOAL (self), 0);

  return self->relationship_id;
}

void
bmb_goal_set_relationship_id (BmbGoal *self,
                              gint64   relationship_id)
{
  g_return_if_fail (BMB_IS_GOAL (self));
  g_return_if_fail (relationship_id >= 0);

  if (self->relationship_id == relationship_id)
    return;

  self->relationship_id = relationship_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RELATIONSHIP_ID]);
}

const char *
bmb_goal_get_title (BmbGoal *self)
{
  g_return_val_if_fail (BMB_IS_GOAL (self), NULL);

  return self->title;
}

void
bmb_goal_set_title (BmbGoal    *self,
                    const char *title)
{
  g_return_if_fail (BMB_IS_GOAL (self));

  if (set_text (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
bmb_goal_get_criterion (BmbGoal          *self,
                        BmbGoalCriterion  criterion)
{
  g_return_val_if_fail (BMB_IS_GOAL (self), NULL);
  g_return_val_if_fail (criterion <= BMB_GOAL_CRITERION_TIME_BOUND, NULL);

  return self->criteria[criterion];
}

void
bmb_goal_set_criterion (BmbGoal          *self,
                        BmbGoalCriterion  criterion,
                        const char       *text)
{
  g_return_if_fail (BMB_IS_GOAL (self));
  g_return_if_fail (criterion <= BMB_GOAL_CRITERION_TIME_BOUND);

  if (set_text (&self->criteria[criterion], text))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPECIFIC + criterion]);
}

const char *
bmb_goal_get_specific (BmbGoal *self)
{
  return bmb_goal_get_criterion (self, BMB_GOAL_CRITERION_SPECIFIC);
}

void
bmb_goal_set_specific (BmbGoal    *self,
                       const char *text)
{
  bmb_goal_set_criterion (self, BMB_GOAL_CRITERION_SPECIFIC, text);
}

const char *
bmb_goal_get_measurable (BmbGoal *self)
{
  return bmb_goal_get_criterion (self, BMB_GOAL_CRITERION_MEASURABLE);
}

void
bmb_goal_set_measurable (BmbGoal    *self,
                         const char *text)
{
  bmb_goal_set_criterion (self, BMB_GOAL_CRITERION_MEASURABLE, text);
}

const char *
bmb_goal_get_achievable (BmbGoal *self)
{
  return bmb_goal_get_criterion (self, BMB_GOAL_CRITERION_ACHIEVABLE);
}

void
bmb_goal_set_achievable (BmbGoal    *self,
                         const char *text)
{
  bmb_goal_set_criterion (self, BMB_GOAL_CRITERION_ACHIEVABLE, text);
}

const char *
bmb_goal_get_relevant (BmbGoal *self)
{
  return bmb_goal_get_criterion (self, BMB_GOAL_CRITERION_RELEVANT);
}

void
bmb_goal_set_relevant (BmbGoal    *self,
                       const char *text)
{
  bmb_goal_set_criterion (self, BMB_GOAL_CRITERION_RELEVANT, text);
}

const char *
bmb_goal_get_time_bound (BmbGoal *self)
{
  return bmb_goal_get_criterion (self, BMB_GOAL_CRITERION_TIME_BOUND);
}

void
bmb_goal_set_time_bound (BmbGoal    *self,
                         const char *text)
{
  bmb_goal_set_criterion (self, BMB_GOAL_CRITERION_TIME_BOUND, text);
}

const char *
bmb_goal_get_due_on (BmbGoal *self)
{
  g_return_val_if_fail (BMB_IS_GOAL (self), NULL);

  return self->due_on;
}

void
bmb_goal_set_due_on (BmbGoal    *self,
                     const char *due_on)
{
  g_return_if_fail (BMB_IS_GOAL (self));

  if (set_text (&self->due_on, due_on))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DUE_ON]);
}

guint
bmb_goal_get_progress (BmbGoal *self)
{
  g_return_val_if_fail (BMB_IS_GOAL (self), 0);

  return self->progress;
}

void
bmb_goal_set_progress (BmbGoal *self,
                       guint    progress)
{
  g_return_if_fail (BMB_IS_GOAL (self));

  progress = MIN (progress, 100);
  if (self->progress == progress)
    return;

  self->progress = progress;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

BmbGoalStatus
bmb_goal_get_status (BmbGoal *self)
{
  g_return_val_if_fail (BMB_IS_GOAL (self), BMB_GOAL_STATUS_ACTIVE);

  return self->status;
}

void
bmb_goal_set_status (BmbGoal       *self,
                     BmbGoalStatus  status)
{
  g_return_if_fail (BMB_IS_GOAL (self));
  g_return_if_fail (status <= BMB_GOAL_STATUS_DROPPED);

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

gint64
bmb_goal_get_created_at (BmbGoal *self)
{
  g_return_val_if_fail (BMB_IS_GOAL (self), 0);

  return self->created_at;
}

gint64
bmb_goal_get_updated_at (BmbGoal *self)
{
  g_return_val_if_fail (BMB_IS_GOAL (self), 0);

  return self->updated_at;
}

guint
bmb_goal_count_criteria (BmbGoal *self)
{
  guint n = 0;

  g_return_val_if_fail (BMB_IS_GOAL (self), 0);

  for (guint i = 0; i < BMB_GOAL_N_CRITERIA; i++)
    {
      if (self->criteria[i] != NULL)
        n++;
    }

  return n;
}

gboolean
bmb_goal_is_overdue (BmbGoal     *self,
                     const GDate *today)
{
  g_autofree char *today_iso = NULL;

  g_return_val_if_fail (BMB_IS_GOAL (self), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  if (self->status != BMB_GOAL_STATUS_ACTIVE || self->due_on == NULL)
    return FALSE;

  today_iso = g_strdup_printf ("%04u-%02u-%02u",
                               g_date_get_year (today),
                               g_date_get_month (today),
                               g_date_get_day (today));

  /* ISO dates compare as strings. */
  return strcmp (self->due_on, today_iso) < 0;
}
