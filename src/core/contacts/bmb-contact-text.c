/* bmb-contact-text.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Text helpers of the contact model: folding for search and sorting,
 * collation keys, initials for avatars, blank and trimmed values.
 */

#define G_LOG_DOMAIN "bmb-contact"

#include "config.h"

#include "bmb-contact.h"
#include "bmb-contact-private.h"

static gboolean
is_mark (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_NON_SPACING_MARK:
    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
      return TRUE;
    case G_UNICODE_CONTROL:
    case G_UNICODE_FORMAT:
    case G_UNICODE_UNASSIGNED:
    case G_UNICODE_PRIVATE_USE:
    case G_UNICODE_SURROGATE:
    case G_UNICODE_LOWERCASE_LETTER:
    case G_UNICODE_MODIFIER_LETTER:
    case G_UNICODE_OTHER_LETTER:
    case G_UNICODE_TITLECASE_LETTER:
    case G_UNICODE_UPPERCASE_LETTER:
    case G_UNICODE_DECIMAL_NUMBER:
    case G_UNICODE_LETTER_NUMBER:
    case G_UNICODE_OTHER_NUMBER:
    case G_UNICODE_CONNECT_PUNCTUATION:
    case G_UNICODE_DASH_PUNCTUATION:
    case G_UNICODE_CLOSE_PUNCTUATION:
    case G_UNICODE_FINAL_PUNCTUATION:
    case G_UNICODE_INITIAL_PUNCTUATION:
    case G_UNICODE_OTHER_PUNCTUATION:
    case G_UNICODE_OPEN_PUNCTUATION:
    case G_UNICODE_CURRENCY_SYMBOL:
    case G_UNICODE_MODIFIER_SYMBOL:
    case G_UNICODE_MATH_SYMBOL:
    case G_UNICODE_OTHER_SYMBOL:
    case G_UNICODE_LINE_SEPARATOR:
    case G_UNICODE_PARAGRAPH_SEPARATOR:
    case G_UNICODE_SPACE_SEPARATOR:
    default:
      return FALSE;
    }
}

/* A word that is only a title such as "Dr." or "Hj." does not give an
 * initial when there are other words. */
static gboolean
is_title_word (const char *word)
{
  gsize len = strlen (word);

  return len > 1 && word[len - 1] == '.';
}

static gunichar
first_letter (const char *word)
{
  for (const char *p = word; p && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        return g_unichar_toupper (c);
    }

  return 0;
}

static char *
initials_from_letters (gunichar a,
                       gunichar b)
{
  char buf[16] = { 0 };
  int len = 0;

  if (a != 0)
    len += g_unichar_to_utf8 (a, buf + len);
  if (b != 0)
    len += g_unichar_to_utf8 (b, buf + len);
  buf[len] = '\0';

  return g_strdup (buf);
}

/* ---- private API --------------------------------------------------------- */

gboolean
_bmb_text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

/* NULL for blank text, else a copy (trimmed unless @keep_spacing). */
char *
_bmb_text_normalize (const char *text,
                     gboolean    keep_spacing)
{
  if (_bmb_text_is_blank (text))
    return NULL;

  if (keep_spacing)
    return g_strdup (text);

  return g_strstrip (g_strdup (text));
}

char *
_bmb_contact_initials (const char *given_name,
                       const char *family_name,
                       const char *display_name)
{
  gunichar a = first_letter (given_name);
  gunichar b = first_letter (family_name);

  if (a != 0 || b != 0)
    return initials_from_letters (a, b);

  return bmb_contact_initials_for_name (display_name);
}

/* ---- public API ---------------------------------------------------------- */

char *
bmb_contact_initials_for_name (const char *name)
{
  g_autofree char *main_part = NULL;
  g_auto(GStrv) words = NULL;
  const char *first = NULL;
  const char *last = NULL;
  char *comma;

  if (name == NULL)
    return g_strdup ("");

  /* "Siti Rahayu, M.Psi.": academic titles follow a comma. */
  main_part = g_strdup (name);
  if ((comma = strchr (main_part, ',')) != NULL && comma != main_part)
    *comma = '\0';

  words = g_strsplit_set (g_strstrip (main_part), " \t\n", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (first_letter (words[i]) == 0 || is_title_word (words[i]))
        continue;
      if (first == NULL)
        first = words[i];
      else
        last = words[i];
    }

  /* Only titles: take them rather than nothing. */
  if (first == NULL)
    for (guint i = 0; words[i] != NULL && first == NULL; i++)
      if (first_letter (words[i]) != 0)
        first = words[i];

  return initials_from_letters (first_letter (first), first_letter (last));
}

char *
bmb_text_fold (const char *text)
{
  g_autofree char *decomposed = NULL;
  g_autofree char *valid = NULL;
  g_autoptr(GString) stripped = NULL;

  if (text == NULL)
    return g_strdup ("");
  /* g_utf8_normalize() reads past the end of invalid UTF-8. */
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFKD);
  if (decomposed == NULL)
    return g_strdup ("");

  stripped = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!is_mark (c))
        g_string_append_unichar (stripped, c);
    }

  return g_utf8_casefold (stripped->str, stripped->len);
}

char *
bmb_contact_make_sort_key (const char *name)
{
  g_autofree char *folded = bmb_text_fold (name);
  GString *key = g_string_sized_new (strlen (folded));
  gboolean pending_space = FALSE;

  /* Letters and digits only, one space between words, so that "Siti-Aminah"
   * sorts as "siti aminah" and leading quotes or spaces do not count. */
  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        {
          if (pending_space && key->len > 0)
            g_string_append_c (key, ' ');
          pending_space = FALSE;
          g_string_append_unichar (key, c);
        }
      else
        {
          pending_space = TRUE;
        }
    }

  return g_string_free (key, FALSE);
}
