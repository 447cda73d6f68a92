/* bmb-relationship.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-relationship"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "bmb-mentoring-private.h"
#include "bmb-nick-private.h"
#include "bmb-relationship.h"

struct _BmbRelationship
{
  GObject               parent_instance;

  /* identity */
  gint64                id;
  gint64                mentor_id;
  gint64                mentee_id;

  /* owned */
  char                 *title;
  char                 *mentor_name;
  char                 *mentee_name;
  char                 *goals;
  char                 *cadence;
  char                 *confidentiality;
  char                 *planned_duration;
  char                 *started_on;
  char                 *planned_end_on;
  char                 *ended_on;
  char                 *closing_achieved;
  char                 *closing_thanks;
  char                 *closing_next_steps;

  /* state */
  BmbRelationshipKind   kind;
  BmbRelationshipPhase  phase;
  gint64                created_at;
  gint64                updated_at;
};

G_DEFINE_FINAL_TYPE (BmbRelationship, bmb_relationship, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (BmbRelationshipKind, bmb_relationship_kind,
  G_DEFINE_ENUM_VALUE (BMB_RELATIONSHIP_KIND_ONE_ON_ONE, "one-on-one"),
  G_DEFINE_ENUM_VALUE (BMB_RELATIONSHIP_KIND_PEER, "peer"),
  G_DEFINE_ENUM_VALUE (BMB_RELATIONSHIP_KIND_GROUP, "group"),
  G_DEFINE_ENUM_VALUE (BMB_RELATIONSHIP_KIND_REVERSE, "reverse"),
  G_DEFINE_ENUM_VALUE (BMB_RELATIONSHIP_KIND_VIRTUAL, "virtual"))

G_DEFINE_ENUM_TYPE (BmbRelationshipPhase, bmb_relationship_phase,
  G_DEFINE_ENUM_VALUE (BMB_RELATIONSHIP_PHASE_PREPARATION, "preparation"),
  G_DEFINE_ENUM_VALUE (BMB_RELATIONSHIP_PHASE_NEGOTIATION, "negotiation"),
  G_DEFINE_ENUM_VALUE (BMB_RELATIONSHIP_PHASE_ENABLING, "enabling"),
  G_DEFINE_ENUM_VALUE (BMB_RELATIONSHIP_PHASE_CLOSURE, "closure"))

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_MENTOR_ID,
  PROP_MENTEE_ID,
  PROP_MENTOR_NAME,
  PROP_MENTEE_NAME,
  PROP_KIND,
  PROP_PHASE,
  PROP_GOALS,
  PROP_CADENCE,
  PROP_CONFIDENTIALITY,
  PROP_PLANNED_DURATION,
  PROP_STARTED_ON,
  PROP_PLANNED_END_ON,
  PROP_ENDED_ON,
  PROP_CLOSING_ACHIEVED,
  PROP_CLOSING_THANKS,
  PROP_CLOSING_NEXT_STEPS,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const BmbNick kinds[] = {
  [BMB_RELATIONSHIP_KIND_ONE_ON_ONE] = {
    /* Translators: a type of mentoring relationship: one mentor, one mentee (the seed writes "one-on-one mentoring") */
    "one-on-one", N_("One-on-one"),
    N_("One mentor guides one mentee.") },
  [BMB_RELATIONSHIP_KIND_PEER] = {
    /* Translators: a type of mentoring relationship: colleagues at a similar level (the seed writes "peer mentoring") */
    "peer", N_("Peer"),
    N_("Colleagues at a similar level learn from each other.") },
  [BMB_RELATIONSHIP_KIND_GROUP] = {
    /* Translators: a type of mentoring relationship: one mentor, several mentees (the seed writes "group mentoring") */
    "group", N_("Group"),
    N_("One mentor meets several mentees together.") },
  [BMB_RELATIONSHIP_KIND_REVERSE] = {
    /* Translators: a type of mentoring relationship: the younger person mentors the senior one (the seed writes "reverse mentoring") */
    "reverse", N_("Reverse"),
    N_("A younger or less senior person mentors a more senior one.") },
  [BMB_RELATIONSHIP_KIND_VIRTUAL] = {
    /* Translators: a type of mentoring relationship: meeting online (the seed writes "virtual mentoring") */
    "virtual", N_("Virtual"),
    N_("Mentor and mentee meet online rather than in person.") },
};

static const BmbNick phases[] = {
  [BMB_RELATIONSHIP_PHASE_PREPARATION] = {
    "preparation",
    /* Translators: the first phase of a mentoring relationship */
    N_("Preparation"),
    N_("Get to know each other, clarify expectations and build trust.") },
  [BMB_RELATIONSHIP_PHASE_NEGOTIATION] = {
    "negotiation",
    /* Translators: the second phase of a mentoring relationship */
    N_("Negotiation"),
    N_("Agree on the terms: how often to meet, the boundaries, confidentiality and how long it lasts.") },
  [BMB_RELATIONSHIP_PHASE_ENABLING] = {
    "enabling",
    /* Translators: the third phase of a mentoring relationship, when the
     * mentee grows towards the agreed goals */
    N_("Enabling growth"),
    N_("Set shared learning goals together and work towards them, session by session.") },
  [BMB_RELATIONSHIP_PHASE_CLOSURE] = {
    "closure",
    /* Translators: the last phase of a mentoring relationship */
    N_("Closure"),
    N_("Look back, celebrate what was achieved, say thanks and plan next steps.") },
};

const char *
bmb_relationship_kind_to_string (BmbRelationshipKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kinds), NULL);

  return kinds[kind].nick;
}

gboolean
bmb_relationship_kind_from_string (const char          *str,
                                   BmbRelationshipKind *kind)
{
  guint index;

  g_return_val_if_fail (kind != NULL, FALSE);

  if (!_bmb_nick_lookup (kinds, G_N_ELEMENTS (kinds), str, &index))
    return FALSE;

  *kind = index;
  return TRUE;
}

const char *
bmb_relationship_kind_get_label (BmbRelationshipKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kinds), NULL);

  return _(kinds[kind].label);
}

const char *
bmb_relationship_kind_get_description (BmbRelationshipKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kinds), NULL);

  return _(kinds[kind].description);
}

const char *
bmb_relationship_phase_to_string (BmbRelationshipPhase phase)
{
  g_return_val_if_fail (phase < G_N_ELEMENTS (phases), NULL);

  return phases[phase].nick;
}

gboolean
bmb_relationship_phase_from_string (const char           *str,
                                    BmbRelationshipPhase *phase)
{
  guint index;

  g_return_val_if_fail (phase != NULL, FALSE);

  if (!_bmb_nick_lookup (phases, G_N_ELEMENTS (phases), str, &index))
    return FALSE;

  *phase = index;
  return TRUE;
}

const char *
bmb_relationship_phase_get_label (BmbRelationshipPhase phase)
{
  g_return_val_if_fail (phase < G_N_ELEMENTS (phases), NULL);

  return _(phases[phase].label);
}

const char *
bmb_relationship_phase_get_description (BmbRelationshipPhase phase)
{
  g_return_val_if_fail (phase < G_N_ELEMENTS (phases), NULL);

  return _(phases[phase].description);
}

/* Empty strings are stored as NULL: "not filled in". */
static void
set_string (BmbRelationship  *self,
            char            **field,
            const char       *value,
            guint             prop)
{
  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_id (BmbRelationship *self,
        gint64          *field,
        gint64           value,
        guint            prop)
{
  if (value < 0)
    value = 0;

  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
bmb_relationship_finalize (GObject *object)
{
  BmbRelationship *self = (BmbRelationship *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->mentor_name, g_free);
  g_clear_pointer (&self->mentee_name, g_free);
  g_clear_pointer (&self->goals, g_free);
  g_clear_pointer (&self->cadence, g_free);
  g_clear_pointer (&self->confidentiality, g_free);
  g_clear_pointer (&self->planned_duration, g_free);
  g_clear_pointer (&self->started_on, g_free);
  g_clear_pointer (&self->planned_end_on, g_free);
  g_clear_pointer (&self->ended_on, g_free);
  g_clear_pointer (&self->closing_achieved, g_free);
  g_clear_pointer (&self->closing_thanks, g_free);
  g_clear_pointer (&self->closing_next_steps, g_free);

  G_OBJECT_CLASS (bmb_relationship_parent_class)->finalize (object);
}

static void
bmb_relationship_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BmbRelationship *self = BMB_RELATIONSHIP (object);

  switch (prop_id)
    {
    case PROP_ID:                 g_value_set_int64 (value, self->id); break;
    case PROP_TITLE:              g_value_set_string (value, self->title); break;
    case PROP_MENTOR_ID:          g_value_set_int64 (value, self->mentor_id); break;
    case PROP_MENTEE_ID:          g_value_set_int64 (value, self->mentee_id); break;
    case PROP_MENTOR_NAME:        g_value_set_string (value, self->mentor_name); break;
    case PROP_MENTEE_NAME:        g_value_set_string (value, self->mentee_name); break;
    case PROP_KIND:               g_value_set_enum (value, self->kind); break;
    case PROP_PHASE:              g_value_set_enum (value, self->phase); break;
    case PROP_GOALS:              g_value_set_string (value, self->goals); break;
    case PROP_CADENCE:            g_value_set_string (value, self->cadence); break;
    case PROP_CONFIDENTIALITY:    g_value_set_string (value, self->confidentiality); break;
    case PROP_PLANNED_DURATION:   g_value_set_string (value, self->planned_duration); break;
    case PROP_STARTED_ON:         g_value_set_string (value, self->started_on); break;
    case PROP_PLANNED_END_ON:     g_value_set_string (value, self->planned_end_on); break;
    case PROP_ENDED_ON:           g_value_set_string (value, self->ended_on); break;
    case PROP_CLOSING_ACHIEVED:   g_value_set_string (value, self->closing_achieved); break;
    case PROP_CLOSING_THANKS:     g_value_set_string (value, self->closing_thanks); break;
    case PROP_CLOSING_NEXT_STEPS: g_value_set_string (value, self->closing_next_steps); break;
    case PROP_CREATED_AT:         g_value_set_int64 (value, self->created_at); break;
    case PROP_UPDATED_AT:         g_value_set_int64 (value, self->updated_at); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_relationship_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  BmbRelationship *self = BMB_RELATIONSHIP (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      bmb_relationship_set_title (self, g_value_get_string (value));
      break;
    case PROP_MENTOR_ID:
      bmb_relationship_set_mentor_id (self, g_value_get_int64 (value));
      break;
    case PROP_MENTEE_ID:
      bmb_relationship_set_mentee_id (self, g_value_get_int64 (value));
      break;
    case PROP_KIND:
      bmb_relationship_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_PHASE:
      bmb_relationship_set_phase (self, g_value_get_enum (value));
      break;
    case PROP_GOALS:
      bmb_relationship_set_goals (self, g_value_get_string (value));
      break;
    case PROP_CADENCE:
      bmb_relationship_set_cadence (self, g_value_get_string (value));
      break;
    case PROP_CONFIDENTIALITY:
      bmb_relationship_set_confidentiality (self, g_value_get_string (value));
      break;
    case PROP_PLANNED_DURATION:
      bmb_relationship_set_planned_duration (self, g_value_get_string (value));
      break;
    case PROP_STARTED_ON:
      bmb_relationship_set_started_on (self, g_value_get_string (value));
      break;
    case PROP_PLANNED_END_ON:
      bmb_relationship_set_planned_end_on (self, g_value_get_string (value));
      break;
    case PROP_ENDED_ON:
      bmb_relationship_set_ended_on (self, g_value_get_string (value));
      break;
    case PROP_CLOSING_ACHIEVED:
      bmb_relationship_set_closing_achieved (self, g_value_get_string (value));
      break;
    case PROP_CLOSING_THANKS:
      bmb_relationship_set_closing_thanks (self, g_value_get_string (value));
      break;
    case PROP_CLOSING_NEXT_STEPS:
      bmb_relationship_set_closing_next_steps (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_pspec (const char *name,
              gboolean    writable)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              (writable ? G_PARAM_READWRITE : G_PARAM_READABLE) |
                              G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
int64_pspec (const char *name,
             gboolean    writable)
{
  return g_param_spec_int64 (name, NULL, NULL, 0, G_MAXINT64, 0,
                             (writable ? G_PARAM_READWRITE : G_PARAM_READABLE) |
                             G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
bmb_relationship_class_init (BmbRelationshipClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bmb_relationship_finalize;
  object_class->get_property = bmb_relationship_get_property;
  object_class->set_property = bmb_relationship_set_property;

  properties[PROP_ID] = int64_pspec ("id", FALSE);
  properties[PROP_TITLE] = string_pspec ("title", TRUE);
  properties[PROP_MENTOR_ID] = int64_pspec ("mentor-id", TRUE);
  properties[PROP_MENTEE_ID] = int64_pspec ("mentee-id", TRUE);
  properties[PROP_MENTOR_NAME] = string_pspec ("mentor-name", FALSE);
  properties[PROP_MENTEE_NAME] = string_pspec ("mentee-name", FALSE);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       BMB_TYPE_RELATIONSHIP_KIND, BMB_RELATIONSHIP_KIND_ONE_ON_ONE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PHASE] =
    g_param_spec_enum ("phase", NULL, NULL,
                       BMB_TYPE_RELATIONSHIP_PHASE, BMB_RELATIONSHIP_PHASE_PREPARATION,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_GOALS] = string_pspec ("goals", TRUE);
  properties[PROP_CADENCE] = string_pspec ("cadence", TRUE);
  properties[PROP_CONFIDENTIALITY] = string_pspec ("confidentiality", TRUE);
  properties[PROP_PLANNED_DURATION] = string_pspec ("planned-duration", TRUE);
  properties[PROP_STARTED_ON] = string_pspec ("started-on", TRUE);
  properties[PROP_PLANNED_END_ON] = string_pspec ("planned-end-on", TRUE);
  properties[PROP_ENDED_ON] = string_pspec ("ended-on", TRUE);
  properties[PROP_CLOSING_ACHIEVED] = string_pspec ("closing-achieved", TRUE);
  properties[PROP_CLOSING_THANKS] = string_pspec ("closing-thanks", TRUE);
  properties[PROP_CLOSING_NEXT_STEPS] = string_pspec ("closing-next-steps", TRUE);
  properties[PROP_CREATED_AT] = int64_pspec ("created-at", FALSE);
  properties[PROP_UPDATED_AT] = int64_pspec ("updated-at", FALSE);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bmb_relationship_init (BmbRelationship *self)
{
  self->kind = BMB_RELATIONSHIP_KIND_ONE_ON_ONE;
  self->phase = BMB_RELATIONSHIP_PHASE_PREPARATION;
}

BmbRelationship *
bmb_relationship_new (void)
{
  return g_object_new (BMB_TYPE_RELATIONSHIP, NULL);
}

#define STRING_ACCESSORS(field, PROP)                                          \
const char *                                                                   \
bmb_relationship_get_##field (BmbRelationship *self)                           \
{                                                                              \
  g_return_val_if_fail (BMB_IS_RELATIONSHIP (self), NULL);                     \
  return self->field;                                                          \
}                                                                              \
                                                                               \
void                                                                           \
bmb_relationship_set_##field (BmbRelationship *self,                           \
                              const char      *value)                          \
{                                                                              \
  g_return_if_fail (BMB_IS_RELATIONSHIP (self));                               \
  set_string (self, &self->field, value, PROP);                                \
}

STRING_ACCESSORS (title, PROP_TITLE)
STRING_ACCESSORS (goals, PROP_GOALS)
STRING_ACCESSORS (cadence, PROP_CADENCE)
STRING_ACCESSORS (confidentiality, PROP_CONFIDENTIALITY)
STRING_ACCESSORS (planned_duration, PROP_PLANNED_DURATION)
STRING_ACCESSORS (started_on, PROP_STARTED_ON)
STRING_ACCESSORS (planned_end_on, PROP_PLANNED_END_ON)
STRING_ACCESSORS (ended_on, PROP_ENDED_ON)
STRING_ACCESSORS (closing_achieved, PROP_CLOSING_ACHIEVED)
STRING_ACCESSORS (closing_thanks, PROP_CLOSING_THANKS)
STRING_ACCESSORS (closing_next_steps, PROP_CLOSING_NEXT_STEPS)

#undef STRING_ACCESSORS

gint64
bmb_relationship_get_id (BmbRelationship *self)
{
  g_return_val_if_fail (BMB_IS_RELATIONSHIP (self), 0);

  return self->id;
}

gint64
bmb_relationship_get_mentor_id (BmbRelationship *self)
{
  g_return_val_if_fail (BMB_IS_RELATIONSHIP (self), 0);

  return self->mentor_id;
}

void
bmb_relationship_set_mentor_id (BmbRelationship *self,
                                gint64           contact_id)
{
  g_return_if_fail (BMB_IS_RELATIONSHIP (self));

  set_id (self, &self->mentor_id, contact_id, PROP_MENTOR_ID);
}

gint64
bmb_relationship_get_mentee_id (BmbRelationship *self)
{
  g_return_val_if_fail (BMB_IS_RELATIONSHIP (self), 0);

  return self->mentee_id;
}

void
bmb_relationship_set_mentee_id (BmbRelationship *self,
                                gint64           contact_id)
{
  g_return_if_fail (BMB_IS_RELATIONSHIP (self));

  set_id (self, &self->mentee_id, contact_id, PROP_MENTEE_ID);
}

const char *
bmb_relationship_get_mentor_name (BmbRelationship *self)
{
  g_return_val_if_fail (BMB_IS_RELATIONSHIP (self), NULL);

  return self->mentor_name;
}

const char *
bmb_relationship_get_mentee_name (BmbRelationship *self)
{
  g_return_val_if_fail (BMB_IS_RELATIONSHIP (self), NULL);

  return self->mentee_name;
}

BmbRelationshipKind
bmb_relationship_get_kind (BmbRelationship *self)
{
  g_return_val_if_fail (BMB_IS_RELATIONSHIP (self), 0);

  return self->kind;
}

void
bmb_relationship_set_kind (BmbRelationship     *self,
                           BmbRelationshipKind  kind)
{
  g_return_if_fail (BMB_IS_RELATIONSHIP (self));
  g_return_if_fail (kind < G_N_ELEMENTS (kinds));

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

BmbRelationshipPhase
bmb_relationship_get_phase (BmbRelationship *self)
{
  g_return_val_if_fail (BMB_IS_RELATIONSHIP (self), 0);

  return self->phase;
}

void
bmb_relationship_set_phase (BmbRelationship      *self,
                            BmbRelationshipPhase  phase)
{
  g_return_if_fail (BMB_IS_RELATIONSHIP (self));
  g_return_if_fail (phase < G_N_ELEMENTS (phases));

  if (self->phase == phase)
    return;

  self->phase = phase;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHASE]);
}

gint64
bmb_relationship_get_created_at (BmbRelationship *self)
{
  g_return_val_if_fail (BMB_IS_RELATIONSHIP (self), 0);

  return self->created_at;
}

gint64
bmb_relationship_get_updated_at (BmbRelationship *self)
{
  g_return_val_if_fail (BMB_IS_RELATIONSHIP (self), 0);

  return self->updated_at;
}

gboolean
bmb_relationship_is_ended (BmbRelationship *self)
{
  g_return_val_if_fail (BMB_IS_RELATIONSHIP (self), FALSE);

  return self->ended_on != NULL;
}

char *
bmb_relationship_dup_partner_name (BmbRelationship *self)
{
  g_return_val_if_fail (BMB_IS_RELATIONSHIP (self), NULL);

  if (self->mentor_id == 0)
    return g_strdup (self->mentee_name);
  if (self->mentee_id == 0)
    return g_strdup (self->mentor_name);
  if (self->mentor_name == NULL || self->mentee_name == NULL)
    return g_strdup (self->mentor_name ? self->mentor_name : self->mentee_name);

  /* Translators: a relationship between two of my contacts: "Mentor and Mentee" */
  return g_strdup_printf (_("%s and %s"), self->mentor_name, self->mentee_name);
}

char *
bmb_relationship_dup_display_title (BmbRelationship *self)
{
  g_autofree char *partner = NULL;

  g_return_val_if_fail (BMB_IS_RELATIONSHIP (self), NULL);

  if (self->title != NULL)
    return g_strdup (self->title);

  partner = bmb_relationship_dup_partner_name (self);
  if (partner == NULL)
    /* Translators: the title of a mentoring relationship that has no title and no named partner */
    return g_strdup (_("Mentoring"));

  /* Translators: default title of a relationship; %s is the other person */
  return g_strdup_printf (_("Mentoring with %s"), partner);
}

void
_bmb_relationship_set_id (BmbRelationship *self,
                          gint64           id)
{
  g_assert (BMB_IS_RELATIONSHIP (self));

  set_id (self, &self->id, id, PROP_ID);
}

void
_bmb_relationship_set_names (BmbRelationship *self,
                             const char      *mentor_name,
                             const char      *mentee_name)
{
  g_assert (BMB_IS_RELATIONSHIP (self));

  set_string (self, &self->mentor_name, mentor_name, PROP_MENTOR_NAME);
  set_string (self, &self->mentee_name, mentee_name, PROP_MENTEE_NAME);
}

void
_bmb_relationship_set_timestamps (BmbRelationship *self,
                                  gint64           created_at,
                                  gint64           updated_at)
{
  g_assert (BMB_IS_RELATIONSHIP (self));

  set_id (self, &self->created_at, created_at, PROP_CREATED_AT);
  set_id (self, &self->updated_at, updated_at, PROP_UPDATED_AT);
}

int
bmb_relationship_compare (BmbRelationship *a,
                          BmbRelationship *b)
{
  g_autofree char *ta = NULL;
  g_autofree char *tb = NULL;
  g_autofree char *ka = NULL;
  g_autofree char *kb = NULL;
  gboolean ea = bmb_relationship_is_ended (a);
  gboolean eb = bmb_relationship_is_ended (b);

  if (ea != eb)
    return ea ? 1 : -1;

  ta = bmb_relationship_dup_display_title (a);
  tb = bmb_relationship_dup_display_title (b);
  ka = g_utf8_collate_key (ta, -1);
  kb = g_utf8_collate_key (tb, -1);

  return strcmp (ka, kb);
}
