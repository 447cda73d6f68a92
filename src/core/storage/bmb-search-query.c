/* bmb-search-query.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The cost of an FTS5 query grows with its number of terms; 20,000 one-letter
 * words took minutes over 100,000 contacts. Words are counted the way the
 * unicode61 tokenizer sees them, so a term such as "a.b.c.d…" (one phrase of
 * many tokens) is capped too.
 */

#define G_LOG_DOMAIN "bmb-search-query"

#include "config.h"

#include "bmb-limits.h"
#include "bmb-search-query.h"

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

/* The end of @term after at most @max_words words, and how many it has. */
static const char *
term_end (const char *term,
          const char *end,
          guint       max_words,
          guint      *n_words)
{
  gboolean in_word = FALSE;

  *n_words = 0;

  for (const char *p = term; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!in_word && g_unichar_isalnum (c))
        {
          if (*n_words == max_words)
            return p;
          (*n_words)++;
          in_word = TRUE;
        }
      else if (in_word && !is_word_char (c))
        {
          in_word = FALSE;
        }
    }

  return end;
}

static void
append_phrase (GString    *query,
               const char *term,
               gsize       length)
{
  if (query->len > 0)
    g_string_append_c (query, ' ');

  g_string_append_c (query, '"');
  for (gsize i = 0; i < length; i++)
    {
      if (term[i] == '"')
        g_string_append_c (query, '"');
      g_string_append_c (query, term[i]);
    }
  g_string_append (query, "\"*");
}

gboolean
bmb_search_query_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}

char *
bmb_search_query_to_fts (const char *text)
{
  g_autoptr(GString) query = NULL;
  g_autoptr(GPtrArray) seen = NULL;
  const char *p;
  guint words = 0;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;

  query = g_string_new (NULL);
  seen = g_ptr_array_new_with_free_func (g_free);
  p = text;

  while (*p != '\0' && words < BMB_LIMIT_SEARCH_WORDS)
    {
      const char *start, *end, *cut;
      g_autofree char *term = NULL;
      guint n;

      while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p != '\0' && !g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      end = p;

      cut = term_end (start, end, BMB_LIMIT_SEARCH_WORDS - words, &n);
      if (n == 0)
        continue;   /* punctuation or emoji only: the index has nothing for it */

      term = g_strndup (start, cut - start);
      if (g_ptr_array_find_with_equal_func (seen, term, g_str_equal, NULL))
        continue;

      append_phrase (query, term, cut - start);
      g_ptr_array_add (seen, g_steal_pointer (&term));
      words += n;
    }

  if (query->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&query), FALSE);
}
