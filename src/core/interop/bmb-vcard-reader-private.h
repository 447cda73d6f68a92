/* bmb-vcard-reader-private.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the vCard reader's two files: bmb-vcard-reader.c splits the
 * input into cards and properties, bmb-vcard-property.c decodes, looks up
 * and unescapes what they hold.
 */

#pragma once

#include "bmb-vcard-reader.h"

G_BEGIN_DECLS

/* Sets @prop->value from @raw (@raw_len bytes): quoted-printable and the
 * CHARSET parameter are undone, base64 is kept as written. @raw_is_utf8:
 * @raw is known to be valid UTF-8 already. On failure returns a translated
 * reason and leaves @prop->value unset. */
char *_bmb_vcard_property_decode_value (BmbVCardProperty *prop,
                                        const char       *raw,
                                        gsize             raw_len,
                                        gboolean          raw_is_utf8);

G_END_DECLS
