/* bmb-contact-limiter.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What an import may add to one contact: BMB_LIMIT_TAGS_PER_CONTACT tags and
 * BMB_LIMIT_FIELDS_PER_CONTACT values of each kind of field (bmb-limits.h).
 * The card and row readers add through a limiter, the importer merges
 * through one, and what went past the limits is counted for the report.
 * Nothing here is quadratic: a card with 300,000 tags reads in linear time.
 */

#pragma once

#include "bmb-contact.h"

G_BEGIN_DECLS

#define BMB_CONTACT_N_FIELD_KINDS (BMB_CONTACT_FIELD_URL + 1)

typedef struct
{
  guint n_tags;                                  /* tags the contact has */
  guint n_fields[BMB_CONTACT_N_FIELD_KINDS];     /* values of each kind it has */
  guint dropped_tags;                            /* tags left out */
  guint dropped_fields;                          /* values left out, all kinds */
} BmbContactLimiter;

/* Starts counting from what @contact has (nullable: from nothing). */
void      bmb_contact_limiter_init       (BmbContactLimiter   *limiter,
                                          BmbContact          *contact);
/* bmb_contact_add_tag(), unless @contact is full: then a new tag is
 * counted as dropped. */
gboolean  bmb_contact_limiter_add_tag    (BmbContactLimiter   *limiter,
                                          BmbContact          *contact,
                                          const char          *tag);
/* bmb_contact_add_field(), unless @contact has the most values of @kind. */
gboolean  bmb_contact_limiter_add_field  (BmbContactLimiter   *limiter,
                                          BmbContact          *contact,
                                          BmbContactFieldKind  kind,
                                          const char          *label,
                                          const char          *value,
                                          gboolean             preferred);
/* Adds what @other dropped to @limiter's dropped counts. */
void      bmb_contact_limiter_add_dropped (BmbContactLimiter       *limiter,
                                           const BmbContactLimiter *other);
/* Translated report lines ("Line 3: 299,500 tags of “Siti” were left out…")
 * for what was dropped, appended to @lines (char *); none when nothing was. */
void      bmb_contact_limiter_add_notes  (const BmbContactLimiter *limiter,
                                          guint                    line,
                                          const char              *name,
                                          GPtrArray               *lines);

/* bmb_contact_merge_from() through @limiter (initialised from @self): what
 * would take @self past a limit is left out and counted. Defined in
 * bmb-contact.c. */
gboolean  _bmb_contact_merge_from_limited (BmbContact          *self,
                                           BmbContact          *other,
                                           BmbContactLimiter   *limiter);

G_END_DECLS
