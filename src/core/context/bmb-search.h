/* bmb-search.h — one search over contacts, relationships and sessions (desktop search)
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bmb-context.h"

G_BEGIN_DECLS

typedef enum
{
  BMB_SEARCH_HIT_CONTACT,
  BMB_SEARCH_HIT_RELATIONSHIP,
  BMB_SEARCH_HIT_SESSION,
} BmbSearchHitKind;

typedef struct
{
  BmbSearchHitKind  kind;
  gint64            id;
  char             *key;          /* "contact:12", "relationship:3", "session:7" */
  char             *name;
  char             *description;  /* translated; never NULL */
} BmbSearchHit;

void          bmb_search_hit_free   (BmbSearchHit *hit);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BmbSearchHit, bmb_search_hit_free)

/* Contacts, relationships and sessions matching every word of @terms (prefixes, case and
 * accents ignored), at most BMB_LIMIT_SEARCH_HITS of each kind, best first; an array of
 * BmbSearchHit. Terms past BMB_LIMIT_SEARCH_WORDS or BMB_LIMIT_SEARCH_TEXT are ignored. */
GPtrArray    *bmb_search_run        (BmbContext          *context,
                                     const char * const  *terms,
                                     GError             **error);
/* The hit @key names, or NULL (without error) when it is malformed or gone. */
BmbSearchHit *bmb_search_lookup     (BmbContext          *context,
                                     const char          *key,
                                     GError             **error);
/* Splits "kind:id"; FALSE when @key is not one. */
gboolean      bmb_search_parse_key  (const char          *key,
                                     BmbSearchHitKind    *kind,
                                     gint64              *id);

G_END_DECLS
