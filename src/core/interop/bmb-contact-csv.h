/* bmb-contact-csv.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Contacts in CSV files, by column name (case-insensitive):
 *
 * - LinkedIn's Connections.csv: a few "Notes:" lines, then "First Name,
 *   Last Name,URL,Email Address,Company,Position,Connected On" ("12 Nov
 *   2024"). The URL becomes a link labelled "LinkedIn"; Connected On
 *   becomes the date we met, on LinkedIn.
 * - Google Contacts, older ("Name,Given Name,Additional Name,Family Name,…,
 *   Group Membership,E-mail 1 - Type,E-mail 1 - Value,…") and newer ("First
 *   Name,Middle Name,Last Name,…,Labels,E-mail 1 - Label,E-mail 1 - Value,
 *   Phone 1 - Label,Phone 1 - Value,…") layouts. " ::: " separates several
 *   values in one cell; a label "* Work" marks the preferred value; the
 *   groups "myContacts" and "starred" are not tags.
 * - Outlook-like columns ("E-mail Address", "Mobile Phone", "Business
 *   Phone", "Job Title", "Categories"…).
 * - Our own export, one row per contact, in this column order:
 *
 *     UID, Display Name, Name Prefix, Given Name, Additional Names,
 *     Family Name, Name Suffix, Nickname, Organization, Job Title,
 *     Birthday (YYYY-MM-DD or --MM-DD), Tags (" ::: " between tags), Notes,
 *     Met Where, Met On (YYYY-MM-DD), Met At Event, Introduced By (the
 *     introducer's UID), Stay In Touch Every (1…999), Stay In Touch Unit
 *     (day, week, month), Last Contact On (YYYY-MM-DD),
 *     then "Email N - Label", "Email N - Value" for N = 1… as many as the
 *     contact with the most emails needs, the same for "Phone N" and
 *     "Link N". A label starting with "* " (or just "*") marks the
 *     preferred value of its kind.
 */

#pragma once

#include <glib.h>

#include "bmb-contact.h"
#include "bmb-contact-limiter.h"

G_BEGIN_DECLS

typedef enum
{
  BMB_CONTACT_CSV_FORMAT_GENERIC,
  BMB_CONTACT_CSV_FORMAT_BIMBING,
  BMB_CONTACT_CSV_FORMAT_LINKEDIN,
  BMB_CONTACT_CSV_FORMAT_GOOGLE,
} BmbContactCsvFormat;

/* How many header records may precede the header (LinkedIn's notes). */
#define BMB_CONTACT_CSV_MAX_PREAMBLE 32

typedef struct _BmbContactCsvMapping BmbContactCsvMapping;

/* A mapping for @header, or NULL when @header is not a contacts header (it
 * needs a name column and at least one other known column). */
BmbContactCsvMapping *bmb_contact_csv_mapping_new        (const char * const   *header);
void                  bmb_contact_csv_mapping_free       (BmbContactCsvMapping *mapping);
BmbContactCsvFormat   bmb_contact_csv_mapping_get_format (BmbContactCsvMapping *mapping);
/* A new contact from one record. @out_introduced_by_uid (may be NULL)
 * receives the "Introduced By" UID. At most BMB_LIMIT_TAGS_PER_CONTACT tags
 * and BMB_LIMIT_FIELDS_PER_CONTACT values of each kind are kept;
 * @out_limits (may be NULL) receives the counts, with what was left out.
 * NULL with a translated @out_reason when the row has no name. */
BmbContact           *bmb_contact_csv_mapping_read_row   (BmbContactCsvMapping *mapping,
                                                          const char * const   *row,
                                                          guint                 line,
                                                          char                **out_introduced_by_uid,
                                                          char                **out_reason,
                                                          BmbContactLimiter    *out_limits);

/* "12 Nov 2024", "12 November 2024", "12 Agu 2024" (Indonesian), or any
 * form bmb_vcard_parse_date() takes → "YYYY-MM-DD" / "--MM-DD"; NULL when
 * not a date. */
char                 *bmb_contact_csv_parse_date         (const char           *text);

/* ---- Our CSV export ---- */

typedef struct
{
  guint n_emails;
  guint n_phones;
  guint n_links;
} BmbContactCsvShape;

/* Grows @shape so it has room for every field of @contact. */
void                  bmb_contact_csv_shape_add          (BmbContactCsvShape   *shape,
                                                          BmbContact           *contact);
void                  bmb_contact_csv_append_header      (GString              *out,
                                                          const BmbContactCsvShape *shape);
void                  bmb_contact_csv_append_contact     (GString              *out,
                                                          const BmbContactCsvShape *shape,
                                                          BmbContact           *contact,
                                                          const char           *introduced_by_uid);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BmbContactCsvMapping, bmb_contact_csv_mapping_free)

G_END_DECLS
