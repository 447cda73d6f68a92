/* bmb-vcard-reader.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-vcard-reader"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bmb-vcard-reader.h"

struct _BmbVCardReader
{
  /* borrowed */
  const char *data;
  gsize       length;

  /* owned */
  GString    *scratch;

  /* state */
  gsize       pos;           /* start of the next physical line */
  guint       line;          /* its 1-based number */
  gboolean    v21;           /* inside a vCard 2.1: unfolding keeps the blank */
  gboolean    all_utf8;      /* the whole input is valid UTF-8 */
  guint       pending_begin; /* a BEGIN:VCARD already read (its line), or 0 */
};

/* One logical line, split. Pointers go into the input or the scratch. */
typedef struct
{
  guint       line;
  const char *text;
  gsize       len;
  gboolean    too_long;
  const char *head;      /* the start of the first physical line */
  gsize       head_len;  /* at most 256 bytes of it */
} LogicalLine;

/* ---- Small helpers --------------------------------------------------------- */

static gboolean
is_blank_char (char c)
{
  return c == ' ' || c == '\t';
}

static gboolean
slice_equal_ci (const char *text,
                gsize       len,
                const char *word)
{
  gsize wlen = strlen (word);

  /* Tolerate trailing blanks ("END:VCARD "). */
  while (len > wlen && is_blank_char (text[len - 1]))
    len--;

  return len == wlen && g_ascii_strncasecmp (text, word, len) == 0;
}

static void
param_free (gpointer data)
{
  BmbVCardParam *param = data;

  g_free (param->name);
  g_strfreev (param->values);
  g_free (param);
}

static void
property_free (gpointer data)
{
  BmbVCardProperty *prop = data;

  g_free (prop->group);
  g_free (prop->name);
  g_clear_pointer (&prop->params, g_ptr_array_unref);
  g_free (prop->value);
  g_free (prop);
}

static BmbVCard *
card_new (guint line)
{
  BmbVCard *card = g_new0 (BmbVCard, 1);

  card->line = line;
  card->properties = g_ptr_array_new_with_free_func (property_free);

  return card;
}

static void
card_set_error (BmbVCard   *card,
                guint       line,
                char       *reason)
{
  if (card->error != NULL)
    {
      g_free (reason);
      return;
    }

  card->error = reason;
  card->error_line = line;
}

/* ---- Physical and logical lines --------------------------------------------- */

/* The physical line at reader->pos without its CR LF / LF ending. */
static gboolean
next_physical_line (BmbVCardReader  *reader,
                    const char     **out_text,
                    gsize           *out_len,
                    guint           *out_line)
{
  const char *start;
  const char *nl;
  const char *cr;
  gsize avail;
  gsize len;

  if (reader->pos >= reader->length)
    return FALSE;

  start = reader->data + reader->pos;
  avail = reader->length - reader->pos;
  nl = memchr (start, '\n', avail);
  len = nl != NULL ? (gsize)(nl - start) : avail;

  /* A lone CR ends a line too (old Mac exports): a CR before the LF, or
   * with no LF after it, that is not the CR of a CR LF. */
  cr = memchr (start, '\r', len);
  if (cr != NULL && !(nl != NULL && cr + 1 == nl))
    {
      len = cr - start;
      nl = cr;
    }

  reader->pos += nl != NULL ? len + 1 : len;
  *out_line = reader->line++;

  if (len > 0 && start[len - 1] == '\r')
    len--;

  *out_text = start;
  *out_len = len;

  return TRUE;
}

static gboolean
next_starts_folded (BmbVCardReader *reader)
{
  return reader->pos < reader->length && is_blank_char (reader->data[reader->pos]);
}

/* Where the value starts: after the first ':' outside double quotes. */
static const char *
find_value_colon (const char *text,
                  gsize       len)
{
  gboolean quoted = FALSE;

  for (gsize i = 0; i < len; i++)
    {
      if (text[i] == '"')
        quoted = !quoted;
      else if (text[i] == ':' && !quoted)
        return text + i;
    }

  return NULL;
}

static gboolean
head_is_quoted_printable (const char *text,
                          gsize       len)
{
  static const char needle[] = "QUOTED-PRINTABLE";
  const char *colon;
  const char *semicolon;
  gsize head_len;

  /* Most lines have no parameters at all: "FN:…". */
  semicolon = memchr (text, ';', len);
  colon = memchr (text, ':', len);
  if (semicolon == NULL || (colon != NULL && colon < semicolon))
    return FALSE;

  colon = find_value_colon (text, len);
  head_len = colon != NULL ? (gsize)(colon - text) : len;

  for (gsize i = semicolon - text; i + sizeof needle - 1 <= head_len; i++)
    if ((text[i] == 'Q' || text[i] == 'q') &&
        g_ascii_strncasecmp (text + i, needle, sizeof needle - 1) == 0)
      return TRUE;

  return FALSE;
}

static void
scratch_append (BmbVCardReader *reader,
                LogicalLine    *logical,
                const char     *text,
                gsize           len)
{
  if (logical->too_long || reader->scratch->len + len > BMB_VCARD_MAX_LINE_LENGTH)
    {
      logical->too_long = TRUE;
      return;
    }

  g_string_append_len (reader->scratch, text, len);
}

/* Reads one logical line: folded continuation lines (a leading space or
 * tab) are joined, and so are quoted-printable soft line breaks (a value
 * ending in "="). Blank lines are skipped. FALSE at the end of input. */
static gboolean
next_logical_line (BmbVCardReader *reader,
                   LogicalLine    *logical)
{
  const char *text;
  gsize len;
  guint line;
  gboolean qp;

  do
    {
      if (!next_physical_line (reader, &text, &len, &line))
        return FALSE;
    }
  while (len == 0);

  logical->line = line;
  logical->too_long = len > BMB_VCARD_MAX_LINE_LENGTH;
  logical->head = text;
  logical->head_len = MIN (len, 256);
  qp = head_is_quoted_printable (text, MIN (len, 4096));

  /* The common case: a single physical line, used in place. */
  if (!next_starts_folded (reader) && !(qp && len > 0 && text[len - 1] == '='))
    {
      logical->text = text;
      logical->len = logical->too_long ? 0 : len;
      return TRUE;
    }

  g_string_truncate (reader->scratch, 0);
  scratch_append (reader, logical, text, len);

  for (;;)
    {
      gboolean soft_break = qp && reader->scratch->len > 0 &&
                            reader->scratch->str[reader->scratch->len - 1] == '=';

      if (soft_break)
        {
          const char *peek = reader->data + reader->pos;
          gsize avail = reader->length - reader->pos;

          /* A writer that ends a card's last value with "=" must not
           * swallow END:VCARD. */
          if (avail == 0 || (avail >= 9 && g_ascii_strncasecmp (peek, "END:VCARD", 9) == 0))
            break;

          g_string_truncate (reader->scratch, reader->scratch->len - 1);
          next_physical_line (reader, &text, &len, &line);
          scratch_append (reader, logical, text, len);
        }
      else if (next_starts_folded (reader))
        {
          next_physical_line (reader, &text, &len, &line);
          /* vCard 2.1 folds at blanks and keeps them; 3.0 and 4.0 drop one. */
          if (reader->v21)
            scratch_append (reader, logical, text, len);
          else
            scratch_append (reader, logical, text + 1, len - 1);
        }
      else
        break;
    }

  logical->text = reader->scratch->str;
  logical->len = logical->too_long ? 0 : reader->scratch->len;

  return TRUE;
}

/* ---- Parameters ---------------------------------------------------------- */

/* RFC 6868 for vCard 4.0: ^n newline, ^^ caret, ^' double quote. */
static char *
decode_param_value (const char *text,
                    gsize       len,
                    gboolean    caret)
{
  GString *out;

  if (len >= 2 && text[0] == '"' && text[len - 1] == '"')
    {
      text++;
      len -= 2;
    }

  if (!caret || memchr (text, '^', len) == NULL)
    return g_strndup (text, len);

  out = g_string_sized_new (len);
  for (gsize i = 0; i < len; i++)
    {
      if (text[i] == '^' && i + 1 < len)
        {
          char next = text[i + 1];

          if (next == 'n' || next == 'N')
            {
              g_string_append_c (out, '\n');
              i++;
              continue;
            }
          if (next == '^' || next == '\'')
            {
              g_string_append_c (out, next == '^' ? '^' : '"');
              i++;
              continue;
            }
        }
      g_string_append_c (out, text[i]);
    }

  return g_string_free (out, FALSE);
}

/* Splits "work,voice" or "\"work,voice\"" (outside quotes only). */
static char **
split_param_values (const char *text,
                    gsize       len,
                    gboolean    caret)
{
  GPtrArray *values = g_ptr_array_new_null_terminated (2, g_free, TRUE);
  gboolean quoted = FALSE;
  gsize start = 0;

  for (gsize i = 0; i <= len; i++)
    {
      if (i < len && text[i] == '"')
        quoted = !quoted;
      else if (i == len || (text[i] == ',' && !quoted))
        {
          if (i > start)
            {
              g_autofree char *value = decode_param_value (text + start, i - start, caret);

              /* A quoted list "work,voice" is itself comma-separated. */
              if (strchr (value, ',') != NULL)
                {
                  g_auto(GStrv) parts = g_strsplit (value, ",", -1);

                  for (guint p = 0; parts[p] != NULL; p++)
                    if (*g_strstrip (parts[p]) != '\0')
                      g_ptr_array_add (values, g_strdup (parts[p]));
                }
              else if (*g_strstrip (value) != '\0')
                g_ptr_array_add (values, g_steal_pointer (&value));
            }
          start = i + 1;
        }
    }

  return (char **)g_ptr_array_free (values, FALSE);
}

static BmbVCardParam *
param_new_bare (const char *word,
                gsize       len)
{
  BmbVCardParam *param = g_new0 (BmbVCardParam, 1);
  g_autofree char *upper = g_ascii_strup (word, len);
  char *values[2] = { NULL, NULL };

  /* vCard 2.1 lets parameters go without a name: "TEL;CELL;PREF:",
   * "NOTE;QUOTED-PRINTABLE:", "PHOTO;BASE64;JPEG:". */
  if (g_str_equal (upper, "QUOTED-PRINTABLE") || g_str_equal (upper, "BASE64") ||
      g_str_equal (upper, "8BIT") || g_str_equal (upper, "7BIT"))
    param->name = g_strdup ("ENCODING");
  else
    param->name = g_strdup ("TYPE");

  values[0] = g_strndup (word, len);
  param->values = g_strdupv (values);
  g_free (values[0]);

  return param;
}

/* Parses ";A=x;B=\"y,z\";C" from @text up to @end. */
static GPtrArray *
parse_params (const char *text,
              const char *end,
              gboolean    caret)
{
  GPtrArray *params = NULL;
  const char *p = text;

  while (p < end)
    {
      const char *start;
      const char *eq = NULL;
      gboolean quoted = FALSE;

      g_assert (*p == ';');
      start = ++p;

      while (p < end && (quoted || *p != ';'))
        {
          if (*p == '"')
            quoted = !quoted;
          else if (*p == '=' && eq == NULL && !quoted)
            eq = p;
          p++;
        }

      while (start < p && is_blank_char (*start))
        start++;
      if (start == p)
        continue;

      if (params == NULL)
        params = g_ptr_array_new_with_free_func (param_free);

      if (eq == NULL)
        {
          const char *word_end = p;

          while (word_end > start && is_blank_char (word_end[-1]))
            word_end--;
          g_ptr_array_add (params, param_new_bare (start, word_end - start));
        }
      else
        {
          BmbVCardParam *param = g_new0 (BmbVCardParam, 1);
          const char *name_end = eq;

          while (name_end > start && is_blank_char (name_end[-1]))
            name_end--;
          param->name = g_ascii_strup (start, name_end - start);
          param->values = split_param_values (eq + 1, p - eq - 1, caret);
          g_ptr_array_add (params, param);
        }
    }

  return params;
}

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

static gboolean
is_binary_property (const char *name)
{
  return g_str_equal (name, "PHOTO") || g_str_equal (name, "LOGO") ||
         g_str_equal (name, "SOUND") || g_str_equal (name, "KEY");
}

/* For an over-long line: is it "[group.]PHOTO…" or another blob? */
static gboolean
head_is_binary_property (const char *head,
                         gsize       len)
{
  const char *start = head;
  const char *p = head;
  g_autofree char *name = NULL;

  while (p < head + len && *p != ';' && *p != ':')
    {
      if (*p == '.')
        start = p + 1;
      p++;
    }

  name = g_ascii_strup (start, p - start);

  return is_binary_property (name);
}

/* Decodes the value of @prop from @raw; on failure returns a translated
 * reason. */
static char *
decode_value (BmbVCardProperty *prop,
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

/* Splits a logical line into a property. Returns NULL for a line that is
 * not a property at all (no colon, no name). */
static BmbVCardProperty *
parse_property (const LogicalLine *logical,
                gboolean           caret,
                gboolean           is_utf8,
                char             **out_reason)
{
  g_autoptr(GPtrArray) params = NULL;
  BmbVCardProperty *prop;
  const char *text = logical->text;
  const char *colon;
  const char *name_end;
  const char *dot = NULL;
  const char *name_start = text;
  char *reason;

  colon = find_value_colon (text, logical->len);
  if (colon == NULL)
    return NULL;

  for (name_end = text; name_end < colon && *name_end != ';'; name_end++)
    if (*name_end == '.')
      dot = name_end;

  if (dot != NULL)
    name_start = dot + 1;
  while (name_start < name_end && is_blank_char (*name_start))
    name_start++;
  if (name_start == name_end)
    return NULL;

  if (name_end < colon)
    params = parse_params (name_end, colon, caret);

  prop = g_new0 (BmbVCardProperty, 1);
  prop->line = logical->line;
  prop->group = dot != NULL ? g_strndup (text, dot - text) : NULL;
  prop->name = g_ascii_strup (name_start, name_end - name_start);
  g_strchomp (prop->name);
  prop->params = g_steal_pointer (&params);

  reason = decode_value (prop, colon + 1, logical->len - (colon + 1 - text), is_utf8);
  if (reason != NULL)
    {
      *out_reason = reason;
      property_free (prop);
      return NULL;
    }

  return prop;
}

/* ---- Public: properties -------------------------------------------------------- */

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

/* ---- Public: the reader ---------------------------------------------------------- */

BmbVCardReader *
bmb_vcard_reader_new (const char *data,
                      gsize       length)
{
  BmbVCardReader *reader;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  reader = g_new0 (BmbVCardReader, 1);
  reader->data = data;
  reader->length = length;
  reader->line = 1;
  reader->scratch = g_string_sized_new (256);

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    reader->pos = 3;

  /* Once for the whole input rather than value by value. */
  reader->all_utf8 = g_utf8_validate_len (data, length, NULL);

  return reader;
}

void
bmb_vcard_reader_free (BmbVCardReader *reader)
{
  if (reader == NULL)
    return;

  g_string_free (reader->scratch, TRUE);
  g_free (reader);
}

gsize
bmb_vcard_reader_get_offset (BmbVCardReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0);

  return reader->pos;
}

gboolean
bmb_vcard_reader_get_all_utf8 (BmbVCardReader *reader)
{
  g_return_val_if_fail (reader != NULL, FALSE);

  return reader->all_utf8;
}

static gboolean
is_begin_vcard (const BmbVCardProperty *prop)
{
  return g_str_equal (prop->name, "BEGIN") && slice_equal_ci (prop->value, strlen (prop->value),
                                                               "VCARD");
}

static gboolean
is_end_vcard (const BmbVCardProperty *prop)
{
  return g_str_equal (prop->name, "END") && slice_equal_ci (prop->value, strlen (prop->value),
                                                             "VCARD");
}

BmbVCard *
bmb_vcard_reader_next (BmbVCardReader *reader)
{
  g_autoptr(BmbVCard) card = NULL;
  LogicalLine logical;

  g_return_val_if_fail (reader != NULL, NULL);

  if (reader->pending_begin != 0)
    {
      card = card_new (reader->pending_begin);
      reader->pending_begin = 0;
    }

  while (next_logical_line (reader, &logical))
    {
      BmbVCardProperty *prop;
      char *reason = NULL;
      gboolean is_v4 = card != NULL && g_strcmp0 (card->version, "4.0") == 0;

      if (logical.too_long)
        {
          if (card != NULL && !head_is_binary_property (logical.head, logical.head_len))
            {
              card_set_error (card, logical.line,
                              /* Translators: %u is a line number, %d a size in MiB. */
                              g_strdup_printf (_("Line %u is too long (over %d MiB)"),
                                               logical.line,
                                               BMB_VCARD_MAX_LINE_LENGTH / (1024 * 1024)));
            }
          continue;
        }

      /* A joined line may have been cut inside a character by its writer:
       * check it again. */
      prop = parse_property (&logical, is_v4,
                             reader->all_utf8 && logical.text != reader->scratch->str, &reason);
      if (prop == NULL)
        {
          if (reason != NULL && card != NULL)
            card_set_error (card, logical.line, reason);
          else
            g_free (reason);
          continue;
        }

      if (is_begin_vcard (prop))
        {
          guint line = prop->line;

          property_free (prop);
          reader->v21 = FALSE;

          if (card != NULL)
            {
              /* A new card starts before the last one ended. */
              reader->pending_begin = line;
              card_set_error (card, card->line,
                              /* Translators: %u is a line number. */
                              g_strdup_printf (_("The card starting at line %u has no "
                                                 "END:VCARD"), card->line));
              return g_steal_pointer (&card);
            }

          card = card_new (line);
          continue;
        }

      if (card == NULL)
        {
          /* Text between cards is ignored. */
          property_free (prop);
          continue;
        }

      if (is_end_vcard (prop))
        {
          property_free (prop);
          reader->v21 = FALSE;
          return g_steal_pointer (&card);
        }

      if (g_str_equal (prop->name, "VERSION") && card->version == NULL)
        {
          card->version = g_strstrip (g_strdup (prop->value));
          reader->v21 = g_str_equal (card->version, "2.1");
        }

      g_ptr_array_add (card->properties, prop);
    }

  if (card != NULL)
    card_set_error (card, card->line,
                    g_strdup_printf (_("The card starting at line %u has no END:VCARD"),
                                     card->line));

  return g_steal_pointer (&card);
}

gboolean
bmb_vcard_data_looks_like_vcard (const char *data,
                                 gsize       length)
{
  gsize limit = MIN (length, 64 * 1024);
  gsize line_start = 0;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (limit >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    line_start = 3;

  while (line_start < limit)
    {
      const char *line = data + line_start;
      const char *nl = memchr (line, '\n', limit - line_start);
      gsize len = nl != NULL ? (gsize)(nl - line) : limit - line_start;
      const char *cr = memchr (line, '\r', len);

      /* A lone CR ends the line too. */
      if (cr != NULL && cr + 1 != line + len)
        {
          len = cr - line;
          nl = cr;
        }

      while (len > 0 && (line[len - 1] == '\r' || is_blank_char (line[len - 1])))
        len--;
      if (len == 11 && g_ascii_strncasecmp (line, "BEGIN:VCARD", 11) == 0)
        return TRUE;

      if (nl == NULL)
        break;
      line_start = nl - data + 1;
    }

  return FALSE;
}
