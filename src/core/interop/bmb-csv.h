/* bmb-csv.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Comma-separated values as RFC 4180 has them, read leniently: fields in
 * double quotes may hold commas, doubled quotes and line breaks; CR LF, LF
 * and CR all end a record; a UTF-8 byte order mark is skipped; empty lines
 * are skipped. Writing quotes only what needs it and ends rows with CR LF.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BMB_CSV_ERROR (bmb_csv_error_quark ())

typedef enum
{
  BMB_CSV_ERROR_UNTERMINATED, /* a quoted field runs to the end of the input */
  BMB_CSV_ERROR_TOO_LONG,     /* a field or record over the caps below */
} BmbCsvError;

/* Caps on one field and on the fields of one record. */
#define BMB_CSV_MAX_FIELD_LENGTH (1024 * 1024)
#define BMB_CSV_MAX_FIELDS       4096

typedef struct _BmbCsvReader BmbCsvReader;

GQuark        bmb_csv_error_quark     (void);

/* Reads @data (not copied: it must outlive the reader). */
BmbCsvReader *bmb_csv_reader_new      (const char          *data,
                                       gsize                length);
void          bmb_csv_reader_free     (BmbCsvReader        *reader);
/* The next record as a new string vector, or NULL at the end (no error) or
 * for a bad record (@error set, the record consumed: reading may go on).
 * @out_line receives the line the record starts on. */
char        **bmb_csv_reader_next     (BmbCsvReader        *reader,
                                       guint               *out_line,
                                       GError             **error);
/* Bytes consumed so far, for progress. */
gsize         bmb_csv_reader_get_offset (BmbCsvReader      *reader);

/* Appends one record: fields joined by commas, quoted when they hold a
 * comma, a quote, a line break or leading / trailing blanks; NULL fields
 * are empty. @n_fields -1: @fields is NULL-terminated. Ends with CR LF. */
void          bmb_csv_append_row      (GString             *out,
                                       const char * const  *fields,
                                       gssize               n_fields);
/* Appends one field (quoted if needed), without separator. */
void          bmb_csv_append_field    (GString             *out,
                                       const char          *field);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BmbCsvReader, bmb_csv_reader_free)

G_END_DECLS
