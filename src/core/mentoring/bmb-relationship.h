/* bmb-relationship.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One mentoring relationship: who mentors whom, how, which phase it is in,
 * what was agreed, and how it closed. mentor_id / mentee_id are contact ids;
 * 0 means "me" (at most one side is me).
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  BMB_RELATIONSHIP_KIND_ONE_ON_ONE,
  BMB_RELATIONSHIP_KIND_PEER,
  BMB_RELATIONSHIP_KIND_GROUP,
  BMB_RELATIONSHIP_KIND_REVERSE,
  BMB_RELATIONSHIP_KIND_VIRTUAL,
} BmbRelationshipKind;

typedef enum
{
  BMB_RELATIONSHIP_PHASE_PREPARATION,
  BMB_RELATIONSHIP_PHASE_NEGOTIATION,
  BMB_RELATIONSHIP_PHASE_ENABLING,
  BMB_RELATIONSHIP_PHASE_CLOSURE,
} BmbRelationshipPhase;

#define BMB_TYPE_RELATIONSHIP_KIND  (bmb_relationship_kind_get_type ())
#define BMB_TYPE_RELATIONSHIP_PHASE (bmb_relationship_phase_get_type ())
#define BMB_TYPE_RELATIONSHIP       (bmb_relationship_get_type ())

GType        bmb_relationship_kind_get_type         (void) G_GNUC_CONST;
GType        bmb_relationship_phase_get_type        (void) G_GNUC_CONST;

/* Stored strings ("one-on-one", "closure"…); from_string returns FALSE for
 * anything else. */
const char  *bmb_relationship_kind_to_string        (BmbRelationshipKind   kind);
gboolean     bmb_relationship_kind_from_string      (const char           *str,
                                                     BmbRelationshipKind  *kind);
/* Translated display name ("One-on-one") and one-line explanation. */
const char  *bmb_relationship_kind_get_label        (BmbRelationshipKind   kind);
const char  *bmb_relationship_kind_get_description  (BmbRelationshipKind   kind);

const char  *bmb_relationship_phase_to_string       (BmbRelationshipPhase  phase);
gboolean     bmb_relationship_phase_from_string     (const char           *str,
                                                     BmbRelationshipPhase *phase);
const char  *bmb_relationship_phase_get_label       (BmbRelationshipPhase  phase);
const char  *bmb_relationship_phase_get_description (BmbRelationshipPhase  phase);

G_DECLARE_FINAL_TYPE (BmbRelationship, bmb_relationship, BMB, RELATIONSHIP, GObject)

/* Properties (all G_PARAM_EXPLICIT_NOTIFY): id, title, mentor-id, mentee-id,
 * mentor-name and mentee-name (read-only, filled by the store from contacts;
 * NULL for "me"), kind, phase, goals, cadence, confidentiality,
 * planned-duration, started-on, planned-end-on, ended-on (YYYY-MM-DD or NULL),
 * closing-achieved, closing-thanks, closing-next-steps, created-at,
 * updated-at (Unix seconds, read-only). */

BmbRelationship      *bmb_relationship_new                    (void);

gint64                bmb_relationship_get_id                 (BmbRelationship      *self);
const char           *bmb_relationship_get_title              (BmbRelationship      *self);
void                  bmb_relationship_set_title              (BmbRelationship      *self,
                                                               const char           *title);
gint64                bmb_relationship_get_mentor_id          (BmbRelationship      *self);
void                  bmb_relationship_set_mentor_id          (BmbRelationship      *self,
                                                               gint64                contact_id);
gint64                bmb_relationship_get_mentee_id          (BmbRelationship      *self);
void                  bmb_relationship_set_mentee_id          (BmbRelationship      *self,
                                                               gint64                contact_id);
const char           *bmb_relationship_get_mentor_name        (BmbRelationship      *self);
const char           *bmb_relationship_get_mentee_name        (BmbRelationship      *self);
BmbRelationshipKind   bmb_relationship_get_kind               (BmbRelationship      *self);
void                  bmb_relationship_set_kind               (BmbRelationship      *self,
                                                               BmbRelationshipKind   kind);
BmbRelationshipPhase  bmb_relationship_get_phase              (BmbRelationship      *self);
void                  bmb_relationship_set_phase              (BmbRelationship      *self,
                                                               BmbRelationshipPhase  phase);
const char           *bmb_relationship_get_goals              (BmbRelationship      *self);
void                  bmb_relationship_set_goals              (BmbRelationship      *self,
                                                               const char           *goals);
const char           *bmb_relationship_get_cadence            (BmbRelationship      *self);
void                  bmb_relationship_set_cadence            (BmbRelationship      *self,
                                                               const char           *cadence);
const char           *bmb_relationship_get_confidentiality    (BmbRelationship      *self);
void                  bmb_relationship_set_confidentiality    (BmbRelationship      *self,
                                                               const char           *text);
const char           *bmb_relationship_get_planned_duration   (BmbRelationship      *self);
void                  bmb_relationship_set_planned_duration   (BmbRelationship      *self,
                                                               const char           *text);
const char           *bmb_relationship_get_started_on         (BmbRelationship      *self);
void                  bmb_relationship_set_started_on         (BmbRelationship      *self,
                                                               const char           *date);
const char           *bmb_relationship_get_planned_end_on     (BmbRelationship      *self);
void                  bmb_relationship_set_planned_end_on     (BmbRelationship      *self,
                                                               const char           *date);
const char           *bmb_relationship_get_ended_on           (BmbRelationship      *self);
void                  bmb_relationship_set_ended_on           (BmbRelationship      *self,
                                                               const char           *date);
const char           *bmb_relationship_get_closing_achieved   (BmbRelationship      *self);
void                  bmb_relationship_set_closing_achieved   (BmbRelationship      *self,
                                                               const char           *text);
const char           *bmb_relationship_get_closing_thanks     (BmbRelationship      *self);
void                  bmb_relationship_set_closing_thanks     (BmbRelationship      *self,
                                                               const char           *text);
const char           *bmb_relationship_get_closing_next_steps (BmbRelationship      *self);
void                  bmb_relationship_set_closing_next_steps (BmbRelationship      *self,
                                                               const char           *text);
gint64                bmb_relationship_get_created_at         (BmbRelationship      *self);
gint64                bmb_relationship_get_updated_at         (BmbRelationship      *self);

/* TRUE when ended_on is set. */
gboolean              bmb_relationship_is_ended               (BmbRelationship      *self);
/* The other party's name as seen from "me" (the mentee's name when I am the
 * mentor and vice versa); "Mentor and Mentee" when neither side is me;
 * NULL when the names are not known. */
char                 *bmb_relationship_dup_partner_name       (BmbRelationship      *self);
/* The title, or a translated "Mentoring with Siti" built from the partner. */
char                 *bmb_relationship_dup_display_title      (BmbRelationship      *self);
/* The order of lists of relationships: active before ended, then by display
 * title (collated). A GCompareFunc on two BmbRelationship pointers. */
int                   bmb_relationship_compare                (BmbRelationship      *a,
                                                               BmbRelationship      *b);

G_END_DECLS
