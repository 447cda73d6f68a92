/* bmb-assessment.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-assessment"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-assessment.h"
#include "bmb-checklist-private.h"

typedef struct
{
  int   value;  /* BMB_ANSWER_NONE or a value */
  char *note;   /* NULL or non-blank */
} Answer;

struct _BmbAssessment
{
  GObject parent_instance;

  /* owned */
  GHashTable *answers;  /* gint64 item id → Answer */

  /* state */
  gint64              id;
  gint64              template_id;
  gint64              relationship_id;
  BmbAssessmentStatus status;
  gint64              taken_at;
  gint64              created_at;
  gint64              updated_at;
};

G_DEFINE_ENUM_TYPE (BmbAssessmentStatus, bmb_assessment_status,
                    G_DEFINE_ENUM_VALUE (BMB_ASSESSMENT_STATUS_DRAFT, "draft"),
                    G_DEFINE_ENUM_VALUE (BMB_ASSESSMENT_STATUS_COMPLETE, "complete"))

G_DEFINE_FINAL_TYPE (BmbAssessment, bmb_assessment, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TEMPLATE_ID,
  PROP_RELATIONSHIP_ID,
  PROP_STATUS,
  PROP_TAKEN_AT,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_N_ANSWERED,
  N_PROPS
};

enum {
  ANSWER_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
answer_free (gpointer data)
{
  Answer *answer = data;

  g_free (answer->note);
  g_free (answer);
}

/* ---- BmbAssessmentStatus --------------------------------------------------- */

const char *
bmb_assessment_status_to_string (BmbAssessmentStatus status)
{
  switch (status)
    {
    case BMB_ASSESSMENT_STATUS_DRAFT:
      return "draft";
    case BMB_ASSESSMENT_STATUS_COMPLETE:
      return "complete";
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
bmb_assessment_status_from_string (const char          *text,
                                   BmbAssessmentStatus *status)
{
  g_return_val_if_fail (status != NULL, FALSE);

  if (g_strcmp0 (text, "draft") == 0)
    *status = BMB_ASSESSMENT_STATUS_DRAFT;
  else if (g_strcmp0 (text, "complete") == 0)
    *status = BMB_ASSESSMENT_STATUS_COMPLETE;
  else
    return FALSE;

  return TRUE;
}

const char *
bmb_assessment_status_get_label (BmbAssessmentStatus status)
{
  switch (status)
    {
    case BMB_ASSESSMENT_STATUS_DRAFT:
      /* Translators: an assessment that was started but not finished. */
      return C_("assessment status", "Draft");
    case BMB_ASSESSMENT_STATUS_COMPLETE:
      /* Translators: a finished assessment, part of the history. */
      return C_("assessment status", "Completed");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* ---- GObject ------------------------------------------------------------------ */

static void
bmb_assessment_finalize (GObject *object)
{
  BmbAssessment *self = (BmbAssessment *)object;

  g_clear_pointer (&self->answers, g_hash_table_unref);

  G_OBJECT_CLASS (bmb_assessment_parent_class)->finalize (object);
}

static void
bmb_assessment_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BmbAssessment *self = BMB_ASSESSMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_TEMPLATE_ID:
      g_value_set_int64 (value, self->template_id);
      break;
    case PROP_RELATIONSHIP_ID:
      g_value_set_int64 (value, self->relationship_id);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_TAKEN_AT:
      g_value_set_int64 (value, self->taken_at);
      break;
    case PROP_CREATED_AT:
      g_value_set_int64 (value, self->created_at);
      break;
    case PROP_UPDATED_AT:
      g_value_set_int64 (value, self->updated_at);
      break;
    case PROP_N_ANSWERED:
      g_value_set_uint (value, bmb_assessment_get_n_answered (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_assessment_class_init (BmbAssessmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bmb_assessment_finalize;
  object_class->get_property = bmb_assessment_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEMPLATE_ID] =
    g_param_spec_int64 ("template-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_RELATIONSHIP_ID] =
    g_param_spec_int64 ("relationship-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       BMB_TYPE_ASSESSMENT_STATUS, BMB_ASSESSMENT_STATUS_DRAFT,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TAKEN_AT] =
    g_param_spec_int64 ("taken-at", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UPDATED_AT] =
    g_param_spec_int64 ("updated-at", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ANSWERED] =
    g_param_spec_uint ("n-answered", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BmbAssessment::answer-changed:
   * @item_id: the checklist item whose answer changed
   */
  signals[ANSWER_CHANGED] =
    g_signal_new ("answer-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
bmb_assessment_init (BmbAssessment *self)
{
  self->answers = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, answer_free);
}

/* ---- Private ------------------------------------------------------------------ */

void
_bmb_assessment_set_id (BmbAssessment *self,
                        gint64         id)
{
  g_assert (BMB_IS_ASSESSMENT (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

void
_bmb_assessment_set_status (BmbAssessment       *self,
                            BmbAssessmentStatus  status,
                            gint64               taken_at)
{
  g_assert (BMB_IS_ASSESSMENT (self));

  g_object_freeze_notify (G_OBJECT (self));

  if (self->status != status)
    {
      self->status = status;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
    }

  if (self->taken_at != taken_at)
    {
      self->taken_at = taken_at;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAKEN_AT]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

void
_bmb_assessment_set_timestamps (BmbAssessment *self,
                                gint64         created_at,
                                gint64         updated_at)
{
  g_assert (BMB_IS_ASSESSMENT (self));

  self->created_at = created_at;
  if (self->updated_at != updated_at)
    {
      self->updated_at = updated_at;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
    }
}

/* ---- Public API ---------------------------------------------------------------- */

BmbAssessment *
bmb_assessment_new (gint64 template_id,
                    gint64 relationship_id)
{
  BmbAssessment *self;

  g_return_val_if_fail (template_id >= 0, NULL);
  g_return_val_if_fail (relationship_id >= 0, NULL);

  self = g_object_new (BMB_TYPE_ASSESSMENT, NULL);
  self->template_id = template_id;
  self->relationship_id = relationship_id;

  return self;
}

gint64
bmb_assessment_get_id (BmbAssessment *self)
{
  g_return_val_if_fail (BMB_IS_ASSESSMENT (self), 0);

  return self->id;
}

gint64
bmb_assessment_get_template_id (BmbAssessment *self)
{
  g_return_val_if_fail (BMB_IS_ASSESSMENT (self), 0);

  return self->template_id;
}

gint64
bmb_assessment_get_relationship_id (BmbAssessment *self)
{
  g_return_val_if_fail (BMB_IS_ASSESSMENT (self), 0);

  return self->relationship_id;
}

BmbAssessmentStatus
bmb_assessment_get_status (BmbAssessment *self)
{
  g_return_val_if_fail (BMB_IS_ASSESSMENT (self), BMB_ASSESSMENT_STATUS_DRAFT);

  return self->status;
}

gboolean
bmb_assessment_is_complete (BmbAssessment *self)
{
  g_return_val_if_fail (BMB_IS_ASSESSMENT (self), FALSE);

  return self->status == BMB_ASSESSMENT_STATUS_COMPLETE;
}

gint64
bmb_assessment_get_taken_at (BmbAssessment *self)
{
  g_return_val_if_fail (BMB_IS_ASSESSMENT (self), 0);

  return self->taken_at;
}

gint64
bmb_assessment_get_created_at (BmbAssessment *self)
{
  g_return_val_if_fail (BMB_IS_ASSESSMENT (self), 0);

  return self->created_at;
}

gint64
bmb_assessment_get_updated_at (BmbAssessment *self)
{
  g_return_val_if_fail (BMB_IS_ASSESSMENT (self), 0);

  return self->updated_at;
}

int
bmb_assessment_get_value (BmbAssessment *self,
                          gint64         item_id)
{
  Answer *answer;

  g_return_val_if_fail (BMB_IS_ASSESSMENT (self), BMB_ANSWER_NONE);

  answer = g_hash_table_lookup (self->answers, &item_id);
  return answer != NULL ? answer->value : BMB_ANSWER_NONE;
}

const char *
bmb_assessment_get_note (BmbAssessment *self,
                         gint64         item_id)
{
  Answer *answer;

  g_return_val_if_fail (BMB_IS_ASSESSMENT (self), NULL);

  answer = g_hash_table_lookup (self->answers, &item_id);
  return answer != NULL ? answer->note : NULL;
}

void
bmb_assessment_set_answer (BmbAssessment *self,
                           gint64         item_id,
                           int            value,
                           const char    *note)
{
  Answer *answer;
  guint n_answered_before;
  gboolean changed = FALSE;
  g_autofree char *clean_note = NULL;

  g_return_if_fail (BMB_IS_ASSESSMENT (self));
  g_return_if_fail (item_id > 0);
  g_return_if_fail (value >= BMB_ANSWER_NONE && value <= 5);

  if (note != NULL)
    {
      clean_note = g_strstrip (g_strdup (note));
      if (*clean_note == '\0')
        g_clear_pointer (&clean_note, g_free);
    }

  n_answered_before = bmb_assessment_get_n_answered (self);
  answer = g_hash_table_lookup (self->answers, &item_id);

  if (value == BMB_ANSWER_NONE && clean_note == NULL)
    {
      changed = g_hash_table_remove (self->answers, &item_id);
    }
  else if (answer == NULL)
    {
      answer = g_new0 (Answer, 1);
      answer->value = value;
      answer->note = g_steal_pointer (&clean_note);
      g_hash_table_insert (self->answers, g_memdup2 (&item_id, sizeof item_id), answer);
      changed = TRUE;
    }
  else
    {
      if (answer->value != value)
        {
          answer->value = value;
          changed = TRUE;
        }
      changed |= _bmb_set_str (&answer->note, clean_note);
    }

  if (!changed)
    return;

  if (bmb_assessment_get_n_answered (self) != n_answered_before)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ANSWERED]);

  g_signal_emit (self, signals[ANSWER_CHANGED], 0, item_id);
}

guint
bmb_assessment_get_n_answered (BmbAssessment *self)
{
  GHashTableIter iter;
  gpointer value;
  guint n = 0;

  g_return_val_if_fail (BMB_IS_ASSESSMENT (self), 0);

  g_hash_table_iter_init (&iter, self->answers);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      const Answer *answer = value;

      if (answer->value != BMB_ANSWER_NONE)
        n++;
    }

  return n;
}

GArray *
bmb_assessment_dup_answered_ids (BmbAssessment *self)
{
  GHashTableIter iter;
  gpointer key;
  GArray *ids;

  g_return_val_if_fail (BMB_IS_ASSESSMENT (self), NULL);

  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), g_hash_table_size (self->answers));
  g_hash_table_iter_init (&iter, self->answers);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_array_append_val (ids, *(gint64 *)key);

  return ids;
}
