/* bmb-vcard-writer.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-vcard-writer"

#include "config.h"

#include <string.h>

#include "bmb-vcard-writer.h"

char *
bmb_vcard_escape (const char *text)
{
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_sized_new (strlen (text) + 8);

  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case ',':
          g_string_append (out, "\\,");
          break;
        case ';':
          g_string_append (out, "\\;");
          break;
        case '\r':
          g_string_append (out, "\\n");
          if (p[1] == '\n')
            p++;
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        default:
          g_string_append_c (out, *p);
          break;
        }
    }

  return g_string_free (out, FALSE);
}

char *
bmb_vcard_quote_param (const char *value)
{
  GString *out;
  gboolean quote;

  g_return_val_if_fail (value != NULL, NULL);

  quote = strpbrk (value, ",;:") != NULL;
  out = g_string_new (quote ? "\"" : "");

  for (const char *p = value; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '^':
          g_string_append (out, "^^");
          break;
        case '"':
          g_string_append (out, "^'");
          break;
        case '\r':
          g_string_append (out, "^n");
          if (p[1] == '\n')
            p++;
          break;
        case '\n':
          g_string_append (out, "^n");
          break;
        default:
          g_string_append_c (out, *p);
          break;
        }
    }

  if (quote)
    g_string_append_c (out, '"');

  return g_string_free (out, FALSE);
}

void
bmb_vcard_append_folded (GString    *out,
                         const char *line,
                         gsize       len)
{
  gsize pos = 0;
  gsize room = BMB_VCARD_FOLD_OCTETS;

  g_return_if_fail (out != NULL);
  g_return_if_fail (line != NULL || len == 0);

  while (len - pos > room)
    {
      gsize cut = pos + room;

      /* Never cut inside a UTF-8 sequence: back up over continuation
       * bytes (10xxxxxx) to the start of the character. */
      while (cut > pos && ((guchar)line[cut] & 0xC0) == 0x80)
        cut--;
      if (cut == pos)
        cut = pos + room;

      g_string_append_len (out, line + pos, cut - pos);
      g_string_append (out, "\r\n ");
      pos = cut;
      /* The leading blank of a continuation line counts. */
      room = BMB_VCARD_FOLD_OCTETS - 1;
    }

  g_string_append_len (out, line + pos, len - pos);
  g_string_append (out, "\r\n");
}

void
bmb_vcard_append_line (GString    *out,
                       const char *group,
                       const char *name,
                       const char *params,
                       const char *value)
{
  gsize start;
  g_autofree char *line = NULL;
  gsize len;

  g_return_if_fail (out != NULL);
  g_return_if_fail (name != NULL);
  g_return_if_fail (value != NULL);

  /* Build the unfolded line at the end of @out, then fold it in place. */
  start = out->len;
  if (group != NULL)
    g_string_append_printf (out, "%s.", group);
  g_string_append (out, name);
  if (params != NULL && *params != '\0')
    {
      g_string_append_c (out, ';');
      g_string_append (out, params);
    }
  g_string_append_c (out, ':');
  g_string_append (out, value);

  len = out->len - start;
  if (len <= BMB_VCARD_FOLD_OCTETS)
    {
      g_string_append (out, "\r\n");
      return;
    }

  line = g_strndup (out->str + start, len);
  g_string_truncate (out, start);
  bmb_vcard_append_folded (out, line, len);
}

void
bmb_vcard_append_text (GString    *out,
                       const char *name,
                       const char *text)
{
  g_autofree char *escaped = NULL;

  g_return_if_fail (out != NULL);
  g_return_if_fail (name != NULL);

  if (text == NULL || *text == '\0')
    return;

  escaped = bmb_vcard_escape (text);
  bmb_vcard_append_line (out, NULL, name, NULL, escaped);
}
