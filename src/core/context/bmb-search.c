/* bmb-search.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One search for GNOME Shell's overview: contacts through the contact store's full-text
 * index, sessions through the mentoring store's, relationships (few) by their title and
 * partner. Every part is bounded (bmb-limits.h).
 */

#define G_LOG_DOMAIN "bmb-search"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bmb-limits.h"
#include "bmb-search-query.h"
#include "bmb-search.h"

static const char * const kind_names[] = { "contact", "relationship", "session" };

void
bmb_search_hit_free (BmbSearchHit *hit)
{
  if (hit == NULL)
    return;

  g_free (hit->key);
  g_free (hit->name);
  g_free (hit->description);
  g_free (hit);
}

static BmbSearchHit *
hit_new (BmbSearchHitKind  kind,
         gint64            id,
         const char       *name,
         char             *description)
{
  BmbSearchHit *hit = g_new0 (BmbSearchHit, 1);

  hit->kind = kind;
  hit->id = id;
  hit->key = g_strdup_printf ("%s:%" G_GINT64_FORMAT, kind_names[kind], id);
  hit->name = g_strdup (name != NULL ? name : "");
  hit->description = description != NULL ? description : g_strdup ("");

  return hit;
}

gboolean
bmb_search_parse_key (const char       *key,
                      BmbSearchHitKind *kind,
                      gint64           *id)
{
  const char *colon;
  guint64 value = 0;

  if (key == NULL || (colon = strchr (key, ':')) == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    {
      if (strlen (kind_names[i]) == (gsize)(colon - key) &&
          strncmp (key, kind_names[i], colon - key) == 0 &&
          g_ascii_string_to_unsigned (colon + 1, 10, 1, G_MAXINT64, &value, NULL))
        {
          *kind = i;
          *id = (gint64)value;
          return TRUE;
        }
    }

  return FALSE;
}

/* The terms as one text, bounded */
static char *
join_terms (const char * const *terms)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; terms != NULL && terms[i] != NULL && i < BMB_LIMIT_SEARCH_WORDS; i++)
    {
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, terms[i]);
    }
  if (text->len > BMB_LIMIT_SEARCH_TEXT)
    {
      const char *end = text->str + BMB_LIMIT_SEARCH_TEXT;

      /* Cut on a character boundary */
      while (end > text->str && !g_utf8_validate (text->str, end - text->str, NULL))
        end--;
      g_string_truncate (text, end - text->str);
    }

  return g_string_free (text, FALSE);
}

/* Lower case without accents, for matching relationship names. */
static char *
fold (const char *text)
{
  g_autofree char *down = g_utf8_casefold (text != NULL ? text : "", -1);

  return g_str_to_ascii (down, "C");
}

static gboolean
matches_every_term (const char * const *folded_terms,
                    const char         *a,
                    const char         *b)
{
  g_autofree char *fa = fold (a);
  g_autofree char *fb = fold (b);

  for (guint i = 0; folded_terms[i] != NULL; i++)
    if (strstr (fa, folded_terms[i]) == NULL && strstr (fb, folded_terms[i]) == NULL)
      return FALSE;

  return TRUE;
}

static char *
describe_contact (BmbContactSummary *summary)
{
  if (summary->role != NULL && summary->organization != NULL)
    /* Translators: in desktop search: a contact's role and organisation, "Lecturer, Universitas Indonesia" */
    return g_strdup_printf (_("%s, %s"), summary->role, summary->organization);
  if (summary->organization != NULL)
    return g_strdup (summary->organization);
  if (summary->role != NULL)
    return g_strdup (summary->role);
  /* Translators: in desktop search: the kind of a result */
  return g_strdup (_("Contact"));
}

static gboolean
add_contacts (BmbContext  *context,
              const char  *text,
              GPtrArray   *hits,
              GError     **error)
{
  BmbContactStore *store = bmb_context_get_contact_store (context);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) summaries = NULL;
  guint n;

  ids = bmb_contact_store_query_ids (store, text, BMB_CONTACT_SORT_RELEVANCE,
                                     BMB_CONTACT_FILTER_ALL, NULL, error);
  if (ids == NULL)
    return FALSE;

  n = MIN (ids->len, BMB_LIMIT_SEARCH_HITS);
  if (n == 0)
    return TRUE;
  summaries = bmb_contact_store_load_summaries (store, (const gint64 *)ids->data, n, error);
  if (summaries == NULL)
    return FALSE;

  for (guint i = 0; i < summaries->len; i++)
    {
      BmbContactSummary *summary = g_ptr_array_index (summaries, i);

      if (summary != NULL)
        g_ptr_array_add (hits, hit_new (BMB_SEARCH_HIT_CONTACT, summary->id,
                                        summary->display_name, describe_contact (summary)));
    }

  return TRUE;
}

static char *
describe_relationship (BmbRelationship *relationship)
{
  if (bmb_relationship_is_ended (relationship))
    /* Translators: in desktop search: the kind of a result */
    return g_strdup (_("Mentoring relationship (ended)"));
  /* Translators: in desktop search: the kind of a result */
  return g_strdup (_("Mentoring relationship"));
}

static gboolean
add_relationships (BmbContext         *context,
                   const char * const *terms,
                   GPtrArray          *hits,
                   GError            **error)
{
  g_autoptr(GPtrArray) relationships = NULL;
  g_autoptr(GPtrArray) folded = g_ptr_array_new_with_free_func (g_free);
  guint found = 0;

  for (guint i = 0; terms != NULL && terms[i] != NULL && i < BMB_LIMIT_SEARCH_WORDS; i++)
    if (*terms[i] != '\0')
      g_ptr_array_add (folded, fold (terms[i]));
  if (folded->len == 0)
    return TRUE;
  g_ptr_array_add (folded, NULL);

  relationships = bmb_mentoring_store_list_relationships (bmb_context_get_mentoring_store (context),
                                                          error);
  if (relationships == NULL)
    return FALSE;

  for (guint i = 0; i < relationships->len && found < BMB_LIMIT_SEARCH_HITS; i++)
    {
      BmbRelationship *relationship = g_ptr_array_index (relationships, i);
      g_autofree char *title = bmb_relationship_dup_display_title (relationship);
      g_autofree char *partner = bmb_relationship_dup_partner_name (relationship);

      if (!matches_every_term ((const char * const *)folded->pdata, title, partner))
        continue;
      g_ptr_array_add (hits, hit_new (BMB_SEARCH_HIT_RELATIONSHIP,
                                      bmb_relationship_get_id (relationship), title,
                                      describe_relationship (relationship)));
      found++;
    }

  return TRUE;
}

static char *
describe_session (BmbSession *session)
{
  if (bmb_session_get_location (session) != NULL && *bmb_session_get_location (session) != '\0')
    /* Translators: in desktop search: a session and where it takes place */
    return g_strdup_printf (_("Session at %s"), bmb_session_get_location (session));
  /* Translators: in desktop search: the kind of a result */
  return g_strdup (_("Mentoring session"));
}

static gboolean
add_sessions (BmbContext  *context,
              const char  *text,
              GPtrArray   *hits,
              GError     **error)
{
  g_autoptr(GPtrArray) sessions = NULL;

  sessions = bmb_mentoring_store_search_sessions (bmb_context_get_mentoring_store (context),
                                                  text, error);
  if (sessions == NULL)
    return FALSE;

  for (guint i = 0; i < sessions->len && i < BMB_LIMIT_SEARCH_HITS; i++)
    {
      BmbSession *session = g_ptr_array_index (sessions, i);

      g_ptr_array_add (hits, hit_new (BMB_SEARCH_HIT_SESSION, bmb_session_get_id (session),
                                      bmb_session_get_title (session), describe_session (session)));
    }

  return TRUE;
}

GPtrArray *
bmb_search_run (BmbContext          *context,
                const char * const  *terms,
                GError             **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify)bmb_search_hit_free);
  g_autofree char *text = NULL;

  g_return_val_if_fail (BMB_IS_CONTEXT (context), NULL);

  text = join_terms (terms);
  if (bmb_search_query_is_blank (text))
    return g_steal_pointer (&hits);

  if (!add_relationships (context, terms, hits, error) ||
      !add_contacts (context, text, hits, error) ||
      !add_sessions (context, text, hits, error))
    return NULL;

  return g_steal_pointer (&hits);
}

BmbSearchHit *
bmb_search_lookup (BmbContext  *context,
                   const char  *key,
                   GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  BmbSearchHitKind kind;
  gint64 id;

  g_return_val_if_fail (BMB_IS_CONTEXT (context), NULL);

  if (!bmb_search_parse_key (key, &kind, &id))
    return NULL;

  switch (kind)
    {
    case BMB_SEARCH_HIT_CONTACT:
      {
        BmbContactStore *store = bmb_context_get_contact_store (context);
        g_autoptr(GPtrArray) summaries = bmb_contact_store_load_summaries (store, &id, 1, error);
        BmbContactSummary *summary;

        if (summaries == NULL)
          return NULL;
        summary = summaries->len > 0 ? g_ptr_array_index (summaries, 0) : NULL;
        return summary != NULL
          ? hit_new (kind, id, summary->display_name, describe_contact (summary))
          : NULL;
      }

    case BMB_SEARCH_HIT_RELATIONSHIP:
      {
        g_autoptr(BmbRelationship) relationship = NULL;
        g_autofree char *title = NULL;

        relationship = bmb_mentoring_store_get_relationship (bmb_context_get_mentoring_store (context),
                                                             id, &local_error);
        if (relationship == NULL)
          break;
        title = bmb_relationship_dup_display_title (relationship);
        return hit_new (kind, id, title, describe_relationship (relationship));
      }

    case BMB_SEARCH_HIT_SESSION:
    default:
      {
        g_autoptr(BmbSession) session = NULL;

        session = bmb_mentoring_store_get_session (bmb_context_get_mentoring_store (context),
                                                   id, &local_error);
        if (session == NULL)
          break;
        return hit_new (kind, id, bmb_session_get_title (session), describe_session (session));
      }
    }

  /* Gone since the search: no result, no error. */
  if (g_error_matches (local_error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_NOT_FOUND))
    return NULL;
  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}
