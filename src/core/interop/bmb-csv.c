/* bmb-csv.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-csv"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bmb-csv.h"

struct _BmbCsvReader
{
  /* borrowed */
  const char *data;
  gsize       length;

  /* state */
  gsize       pos;
  guint       line;
};

G_DEFINE_QUARK (bmb-csv-error-quark, bmb_csv_error)

BmbCsvReader *
bmb_csv_reader_new (const char *data,
                    gsize       length)
{
  BmbCsvReader *reader;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  reader = g_new0 (BmbCsvReader, 1);
  reader->data = data;
  reader->length = length;
  reader->line = 1;

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    reader->pos = 3;

  return reader;
}

void
bmb_csv_reader_free (BmbCsvReader *reader)
{
  g_free (reader);
}

gsize
bmb_csv_reader_get_offset (BmbCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0);

  return reader->pos;
}

/* Consumes a line break at pos (CR LF, LF or CR); TRUE if there was one. */
static gboolean
eat_newline (BmbCsvReader *reader)
{
  const char *p = reader->data + reader->pos;
  gsize avail = reader->length - reader->pos;

  if (avail == 0)
    return FALSE;

  if (p[0] == '\r')
    {
      reader->pos += (avail > 1 && p[1] == '\n') ? 2 : 1;
      reader->line++;
      return TRUE;
    }
  if (p[0] == '\n')
    {
      reader->pos++;
      reader->line++;
      return TRUE;
    }

  return FALSE;
}

/* Goes back to the line end after @pos (on line @line) and past it. */
static void
resume_after_line (BmbCsvReader *reader,
                   gsize         pos,
                   guint         line)
{
  const char *p = reader->data + pos;
  gsize avail = reader->length - pos;
  gsize run = 0;

  while (run < avail && p[run] != '\n' && p[run] != '\r')
    run++;

  reader->pos = pos + run;
  reader->line = line;
  eat_newline (reader);
}

static void
field_append (GString    *field,
              gboolean   *too_long,
              const char *text,
              gsize       len)
{
  if (*too_long || field->len + len > BMB_CSV_MAX_FIELD_LENGTH)
    {
      *too_long = TRUE;
      return;
    }

  g_string_append_len (field, text, len);
}

char **
bmb_csv_reader_next (BmbCsvReader  *reader,
                     guint         *out_line,
                     GError       **error)
{
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GString) field = NULL;
  gboolean too_long = FALSE;
  guint start_line;

  g_return_val_if_fail (reader != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Skip empty lines. */
  while (eat_newline (reader))
    ;

  if (reader->pos >= reader->length)
    return NULL;

  start_line = reader->line;
  if (out_line != NULL)
    *out_line = start_line;

  fields = g_ptr_array_new_null_terminated (16, g_free, TRUE);
  field = g_string_sized_new (64);

  for (;;)
    {
      const char *p = reader->data + reader->pos;
      gsize avail = reader->length - reader->pos;
      gboolean end_of_record = FALSE;

      g_string_truncate (field, 0);

      if (avail > 0 && p[0] == '"')
        {
          gsize quote_pos = reader->pos;
          guint quote_line = reader->line;

          /* Quoted field: up to a quote not followed by another quote. */
          reader->pos++;
          for (;;)
            {
              const char *q;
              gsize run;

              p = reader->data + reader->pos;
              avail = reader->length - reader->pos;
              q = memchr (p, '"', avail);

              /* A quote left open (to the end, or on past a line end and over
               * the field cap) would swallow every row after it: this row is
               * skipped and reading resumes on the line after its quote. */
              if (q == NULL || (too_long && reader->line > quote_line))
                {
                  resume_after_line (reader, quote_pos, quote_line);
                  g_set_error (error, BMB_CSV_ERROR, BMB_CSV_ERROR_UNTERMINATED,
                               /* Translators: %u is a line number. */
                               _("Line %u: a quoted field is never closed; the row was "
                                 "skipped and reading went on with the next line"),
                               start_line);
                  return NULL;
                }

              run = q - p;
              field_append (field, &too_long, p, run);
              for (gsize i = 0; i < run; i++)
                if (p[i] == '\n' || (p[i] == '\r' && (i + 1 == run || p[i + 1] != '\n')))
                  reader->line++;
              if (too_long && reader->line > quote_line)
                continue;
              reader->pos += run + 1;

              if (reader->pos < reader->length && reader->data[reader->pos] == '"')
                {
                  field_append (field, &too_long, "\"", 1);
                  reader->pos++;
                  continue;
                }
              break;
            }
        }

      /* Unquoted text (or stray text after a closing quote, kept). */
      p = reader->data + reader->pos;
      avail = reader->length - reader->pos;
      {
        gsize run = 0;

        while (run < avail && p[run] != ',' && p[run] != '\n' && p[run] != '\r')
          run++;
        field_append (field, &too_long, p, run);
        reader->pos += run;
      }

      if (fields->len >= BMB_CSV_MAX_FIELDS)
        too_long = TRUE;
      else
        g_ptr_array_add (fields, g_strndup (field->str, field->len));

      if (reader->pos >= reader->length)
        end_of_record = TRUE;
      else if (reader->data[reader->pos] == ',')
        reader->pos++;
      else
        {
          eat_newline (reader);
          end_of_record = TRUE;
        }

      if (end_of_record)
        break;
    }

  if (too_long)
    {
      g_set_error (error, BMB_CSV_ERROR, BMB_CSV_ERROR_TOO_LONG,
                   /* Translators: %u is a line number. */
                   _("Line %u: the record is too long"), start_line);
      return NULL;
    }

  return (char **)g_ptr_array_free (g_steal_pointer (&fields), FALSE);
}

static gboolean
needs_quotes (const char *field)
{
  gsize len = strlen (field);

  if (len == 0)
    return FALSE;

  return strpbrk (field, ",\"\r\n") != NULL ||
         g_ascii_isspace (field[0]) || g_ascii_isspace (field[len - 1]);
}

void
bmb_csv_append_field (GString    *out,
                      const char *field)
{
  g_return_if_fail (out != NULL);

  if (field == NULL)
    return;

  if (!needs_quotes (field))
    {
      g_string_append (out, field);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

void
bmb_csv_append_row (GString            *out,
                    const char * const *fields,
                    gssize              n_fields)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (fields != NULL || n_fields == 0);

  if (n_fields < 0)
    n_fields = g_strv_length ((char **)fields);

  for (gssize i = 0; i < n_fields; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      bmb_csv_append_field (out, fields[i]);
    }

  g_string_append (out, "\r\n");
}
