/* bmb-vcard-reader.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A vCard 2.1 / 3.0 / 4.0 (RFC 2426, RFC 6350) reader: splits a buffer into
 * cards and each card into properties (group, name, parameters, value),
 * unfolding lines, joining quoted-printable soft line breaks, decoding
 * quoted-printable and converting CHARSET=… values to UTF-8. A card that
 * cannot be read whole (no END:VCARD, broken quoted-printable, text in an
 * unknown charset, a line over the cap) carries a translated reason and the
 * line it concerns; the reader goes on with the next card.
 *
 * Syntax only: bmb-vcard-contact.h maps cards onto BmbContact.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A logical line longer than this (after unfolding) is not kept: a PHOTO,
 * LOGO, SOUND or KEY that long is dropped, any other property makes the card
 * unreadable. */
#define BMB_VCARD_MAX_LINE_LENGTH (4 * 1024 * 1024)

typedef struct
{
  char  *name;    /* uppercase: "TYPE", "PREF", "CHARSET"… */
  char **values;  /* unquoted, comma lists split; never NULL, may be empty */
} BmbVCardParam;

typedef struct
{
  char      *group;   /* "item1" for "item1.EMAIL", else NULL */
  char      *name;    /* uppercase: "EMAIL", "X-ABLABEL"… */
  GPtrArray *params;  /* BmbVCardParam, NULL when there are none */
  char      *value;   /* UTF-8 after quoted-printable and charset decoding,
                       * still vCard-escaped ("\,", "\;", "\n") */
  guint      line;    /* 1-based line of the property in the input */
} BmbVCardProperty;

typedef struct
{
  guint      line;        /* line of BEGIN:VCARD */
  char      *version;     /* "2.1", "3.0", "4.0" or NULL when absent */
  GPtrArray *properties;  /* BmbVCardProperty, in input order */
  char      *error;       /* translated reason the card is unusable, or NULL */
  guint      error_line;  /* the line that reason concerns */
} BmbVCard;

void               bmb_vcard_free                        (BmbVCard               *card);
/* The first property called @name (uppercase), or NULL. */
BmbVCardProperty  *bmb_vcard_get_property                (BmbVCard               *card,
                                                          const char             *name);
/* The first property called @name in @group (case-insensitive), or NULL. */
BmbVCardProperty  *bmb_vcard_get_group_property          (BmbVCard               *card,
                                                          const char             *group,
                                                          const char             *name);

/* The first value of parameter @name (uppercase), or NULL. */
const char        *bmb_vcard_property_get_param          (const BmbVCardProperty *prop,
                                                          const char             *name);
/* TRUE if a TYPE value (or a vCard 2.1 bare parameter) equals @type,
 * ignoring case. */
gboolean           bmb_vcard_property_has_type           (const BmbVCardProperty *prop,
                                                          const char             *type);
/* The whole value unescaped ("\n" → newline, "\," → ","…), CRLF → LF. */
char              *bmb_vcard_property_dup_text           (const BmbVCardProperty *prop);
/* The value split on unescaped @separator (';' for N and ORG, ',' for
 * CATEGORIES), each part unescaped. Never NULL. */
char             **bmb_vcard_property_dup_components     (const BmbVCardProperty *prop,
                                                          char                    separator);

/* Undoes vCard text escaping in @text (length @len, or -1). */
char              *bmb_vcard_unescape                    (const char             *text,
                                                          gssize                  len);

/* ---- The reader ------------------------------------------------------- */

typedef struct _BmbVCardReader BmbVCardReader;

/* Reads @data (not copied: it must outlive the reader). A leading UTF-8
 * byte order mark is skipped. */
BmbVCardReader    *bmb_vcard_reader_new                  (const char             *data,
                                                          gsize                   length);
void               bmb_vcard_reader_free                 (BmbVCardReader         *reader);
/* The next card, or NULL at the end of the input. Check card->error. */
BmbVCard          *bmb_vcard_reader_next                 (BmbVCardReader         *reader);
/* Bytes consumed so far, for progress. */
gsize              bmb_vcard_reader_get_offset           (BmbVCardReader         *reader);
/* TRUE if the whole input is valid UTF-8 (checked once, when created). */
gboolean           bmb_vcard_reader_get_all_utf8         (BmbVCardReader         *reader);

/* TRUE if a line "BEGIN:VCARD" (any case) appears within the first 64 KiB. */
gboolean           bmb_vcard_data_looks_like_vcard       (const char             *data,
                                                          gsize                   length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BmbVCard, bmb_vcard_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BmbVCardReader, bmb_vcard_reader_free)

G_END_DECLS
