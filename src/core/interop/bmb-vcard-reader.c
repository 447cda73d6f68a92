/* bmb-vcard-reader.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Splits vCard text into lines (unfolding continuations and
 * quoted-printable soft breaks), properties with their parameters, and
 * cards. Each value is decoded by bmb-vcard-property.c.
 */

#define G_LOG_DOMAIN "bmb-vcard-reader"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bmb-vcard-reader-private.h"

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

/* ---- Properties ---------------------------------------------------------- */

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

  reason = _bmb_vcard_property_decode_value (prop, colon + 1,
                                             logical->len - (colon + 1 - text), is_utf8);
  if (reason != NULL)
    {
      *out_reason = reason;
      property_free (prop);
      return NULL;
    }

  return prop;
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
