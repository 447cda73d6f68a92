/* bmb-contact-validate.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Inline validation of what people type into contact fields. Each function
 * returns NULL when the value is acceptable (an empty value is acceptable:
 * the field is simply left out), or a translated message for the user.
 */

#pragma once

#include <glib.h>

#include "bmb-contact.h"

G_BEGIN_DECLS

char *bmb_contact_validate_email (const char          *value);
/* Digits, spaces and + - ( ) . / only; + only first; 3 to 20 digits. */
char *bmb_contact_validate_phone (const char          *value);
/* http(s):// links, or a bare "example.com/profile" (see normalize_url). */
char *bmb_contact_validate_url   (const char          *value);
char *bmb_contact_validate_field (BmbContactFieldKind  kind,
                                  const char          *value);
/* "YYYY-MM-DD" (and "--MM-DD" when @allow_no_year, for birthdays). */
char *bmb_contact_validate_date  (const char          *value,
                                  gboolean             allow_no_year);
/* Trimmed; "https://" put in front of a bare web address. NULL for blank. */
char *bmb_contact_normalize_url  (const char          *value);

G_END_DECLS
