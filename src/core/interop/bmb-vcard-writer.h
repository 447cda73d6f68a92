/* bmb-vcard-writer.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * vCard 4.0 (RFC 6350) output, syntax only: escaping text values, quoting
 * parameter values, and content lines ended by CRLF and folded at 75
 * octets without ever splitting a UTF-8 sequence.
 * bmb-vcard-contact.h writes whole contacts with it.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Longest physical line, in octets, CRLF excluded (RFC 6350 §3.2). */
#define BMB_VCARD_FOLD_OCTETS 75

/* Escapes a text value: backslash, comma, semicolon, and newlines as "\n"
 * (CR LF and lone CR count as one newline). */
char *bmb_vcard_escape             (const char  *text);
/* A parameter value, double-quoted when it holds ',', ';' or ':', with
 * RFC 6868 caret encoding for '^', '"' and newlines. */
char *bmb_vcard_quote_param        (const char  *value);
/* Appends "[group.]NAME[;params]:value" + CRLF, folded. @params is the
 * text after the name without the leading ';' (already quoted), or NULL;
 * @value is already escaped. */
void  bmb_vcard_append_line        (GString     *out,
                                    const char  *group,
                                    const char  *name,
                                    const char  *params,
                                    const char  *value);
/* Appends a text property: @text is escaped here. Nothing for NULL/"". */
void  bmb_vcard_append_text        (GString     *out,
                                    const char  *name,
                                    const char  *text);
/* Appends @line (no CRLF in it) folded at BMB_VCARD_FOLD_OCTETS, + CRLF. */
void  bmb_vcard_append_folded      (GString     *out,
                                    const char  *line,
                                    gsize        len);

G_END_DECLS
