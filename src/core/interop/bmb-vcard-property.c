/* bmb-vcard-property.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a card read by BmbVCardReader holds: decoding each value as it is
 * read (quoted-printable, CHARSET), looking properties and parameters up,
 * and undoing vCard text escaping.
 */

#define G_LOG_DOMAIN "bmb-vcard-reader"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bmb-vcard-reader-private.h"

/* ---- Value decoding ------------------------------------------------------ */

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  return -1;
}

/* Quoted-printable → bytes. Soft line breaks were joined while reading;
 * a trailing "=" is a last soft break. FALSE on "=ZZ" or a lone "=". */
static gboolean
decode_quoted_printable (const char *text,
                         gsize       len,
                         GString    *out)
{
  for (gsize i = 0; i < len; i++)
    {
      int hi, lo;

      if (text[i] != '=')
        {
          g_string_append_c (out, text[i]);
          continue;
        }

      if (i + 1 == len)
        break;
      if (i + 2 >= len)
        return FALSE;

      hi = hex_value (text[i + 1]);
      lo = hex_value (text[i + 2]);
      if (hi < 0 || lo < 0)
        return FALSE;

      g_string_append_c (out, (char)(hi * 16 + lo));
      i += 2;
    }

  return TRUE;
}

char *
_bmb_vcard_property_decode_value (BmbVCardProperty *prop,
                                  const char       *raw,
                                  gsize             raw_len,
                                  gboolean          raw_is_utf8)
{
  const char *encoding = bmb_vcard_property_get_param (prop, "ENCODING");
  const char *charset = bmb_vcard_property_get_param (prop, "CHARSET");
  g_autoptr(GString) bytes = NULL;
  const char *data = raw;
  gsize len = raw_len;

  if (encoding != NULL &&
      (g_ascii_strcasecmp (encoding, "BASE64") == 0 || g_ascii_strcasecmp (encoding, "B") == 0))
    {
      /* Binary data (photos, keys): kept as written, never shown as text. */
      prop->value = g_strndup (raw, raw_len);
      return NULL;
    }

  if (encoding != NULL && g_ascii_strcasecmp (encoding, "QUOTED-PRINTABLE") == 0)
    {
      bytes = g_string_sized_new (raw_len);
      if (!decode_quoted_printable (raw, raw_len, bytes))
        /* Translators: %u is a line number, %s a vCard property such as NOTE. */
        return g_strdup_printf (_("Line %u: the %s value is damaged (broken quoted-printable "
                                  "encoding)"), prop->line, prop->name);
      data = bytes->str;
      len = bytes->len;
    }

  if (memchr (data, '\0', len) != NULL)
    /* Translators: %u is a line number, %s a vCard property such as NOTE. */
    return g_strdup_printf (_("Line %u: the %s value contains binary data"),
                            prop->line, prop->name);

  if (charset != NULL && g_ascii_strcasecmp (charset, "UTF-8") != 0 &&
      g_ascii_strcasecmp (charset, "UTF8") != 0)
    {
      g_autoptr(GError) error = NULL;
      gsize written = 0;
      char *converted;

      converted = g_convert (data, len, "UTF-8", charset, NULL, &written, &error);
      if (converted == NULL)
        /* Translators: %u is a line number, the first %s a vCard property such as
         * NOTE, the second a character set such as ISO-8859-1. */
        return g_strdup_printf (_("Line %u: the %s value could not be read as %s text"),
                                prop->line, prop->name, charset);
      prop->value = converted;
      return NULL;
    }

  /* Text straight from an input known to be UTF-8 needs no second look. */
  if (!(raw_is_utf8 && bytes == NULL) && !g_utf8_validate (data, len, NULL))
    /* Translators: %u is a line number, %s a vCard property such as NOTE. */
    return g_strdup_printf (_("Line %u: the %s value is not UTF-8 text and names no "
                              "character set"), prop->line, prop->name);

  prop->value = g_strndup (data, len);

  return NULL;
}

/* ---- Public: cards and properties ---------------------------------------------- */

void
bmb_vcard_free (BmbVCard *card)
{
  if (card == NULL)
    return;

  g_ptr_array_unref (card->properties);
  g_free (card->version);
  g_free (card->error);
  g_free (card);
}

BmbVCardProperty *
bmb_vcard_get_property (BmbVCard   *card,
                        const char *name)
{
  g_return_val_if_fail (card != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < card->properties->len; i++)
    {
      BmbVCardProperty *prop = g_ptr_array_index (card->properties, i);

      if (g_str_equal (prop->name, name))
        return prop;
    }

  return NULL;
}

BmbVCardProperty *
bmb_vcard_get_group_property (BmbVCard   *card,
                              const char *group,
                              const char *name)
{
  g_return_val_if_fail (card != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (group == NULL)
    return NULL;

  for (guint i = 0; i < card->properties->len; i++)
    {
      BmbVCardProperty *prop = g_ptr_array_index (card->properties, i);

      if (prop->group != NULL && g_ascii_strcasecmp (prop->group, group) == 0 &&
          g_str_equal (prop->name, name))
        return prop;
    }

  return NULL;
}

const char *
bmb_vcard_property_get_param (const BmbVCardProperty *prop,
                              const char             *name)
{
  g_return_val_if_fail (prop != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (prop->params == NULL)
    return NULL;

  for (guint i = 0; i < prop->params->len; i++)
    {
      BmbVCardParam *param = g_ptr_array_index (prop->params, i);

      if (g_str_equal (param->name, name) && param->values[0] != NULL)
        return param->values[0];
    }

  return NULL;
}

gboolean
bmb_vcard_property_has_type (const BmbVCardProperty *prop,
                             const char             *type)
{
  g_return_val_if_fail (prop != NULL, FALSE);
  g_return_val_if_fail (type != NULL, FALSE);

  if (prop->params == NULL)
    return FALSE;

  for (guint i = 0; i < prop->params->len; i++)
    {
      BmbVCardParam *param = g_ptr_array_index (prop->params, i);

      if (!g_str_equal (param->name, "TYPE"))
        continue;

      for (guint v = 0; param->values[v] != NULL; v++)
        if (g_ascii_strcasecmp (param->values[v], type) == 0)
          return TRUE;
    }

  return FALSE;
}

/* ---- Public: unescaping -------------------------------------------------------- */

/* Unescapes @text into @out; stops at an unescaped @separator (0: none)
 * and returns the position after it, or NULL at the end. Plain runs are
 * copied whole: most values have nothing to unescape. */
static const char *
unescape_into (GString    *out,
               const char *text,
               const char *end,
               char        separator)
{
  const char *p = text;

  while (p < end)
    {
      const char *run = p;

      while (p < end && *p != '\\' && *p != '\r' && (separator == 0 || *p != separator))
        p++;
      if (p > run)
        g_string_append_len (out, run, p - run);
      if (p == end)
        break;

      if (*p == '\\' && p + 1 < end)
        {
          char next = p[1];

          switch (next)
            {
            case 'n':
            case 'N':
              g_string_append_c (out, '\n');
              break;
            case '\\':
            case ',':
            case ';':
            case ':':
              g_string_append_c (out, next);
              break;
            default:
              g_string_append_c (out, '\\');
              g_string_append_c (out, next);
              break;
            }
          p += 2;
          continue;
        }

      if (separator != 0 && *p == separator)
        return p + 1;

      /* CR LF → LF; anything else (a lone CR, a final backslash) as is. */
      if (!(*p == '\r' && p + 1 < end && p[1] == '\n'))
        g_string_append_c (out, *p);
      p++;
    }

  return NULL;
}

char *
bmb_vcard_unescape (const char *text,
                    gssize      len)
{
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  if (len < 0)
    len = strlen (text);

  out = g_string_sized_new (len);
  unescape_into (out, text, text + len, 0);

  return g_string_free (out, FALSE);
}

char *
bmb_vcard_property_dup_text (const BmbVCardProperty *prop)
{
  g_return_val_if_fail (prop != NULL, NULL);

  return bmb_vcard_unescape (prop->value, -1);
}

char **
bmb_vcard_property_dup_components (const BmbVCardProperty *prop,
                                   char                    separator)
{
  GPtrArray *parts;
  const char *p;
  const char *end;

  g_return_val_if_fail (prop != NULL, NULL);

  parts = g_ptr_array_new_null_terminated (5, g_free, TRUE);
  p = prop->value;
  end = p + strlen (p);

  do
    {
      GString *part = g_string_new (NULL);

      p = unescape_into (part, p, end, separator);
      g_ptr_array_add (parts, g_string_free (part, FALSE));
    }
  while (p != NULL);

  return (char **)g_ptr_array_free (parts, FALSE);
}
