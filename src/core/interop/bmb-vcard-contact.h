/* bmb-vcard-contact.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * vCard ↔ BmbContact: what each property means for a contact, both ways.
 * Reading accepts vCard 2.1, 3.0 and 4.0 as Android, Outlook, Google,
 * iCloud and GNOME Contacts write them; writing produces vCard 4.0 that
 * reads back without loss, with X-BIMBING-* properties for what vCard has
 * no place for.
 */

#pragma once

#include <glib.h>

#include "bmb-contact.h"
#include "bmb-contact-limiter.h"
#include "bmb-vcard-reader.h"

G_BEGIN_DECLS

/* Bimbing's own properties, for what vCard has no place for. */
#define BMB_VCARD_X_MET_WHERE      "X-BIMBING-MET-WHERE"      /* text */
#define BMB_VCARD_X_MET_ON         "X-BIMBING-MET-ON"         /* YYYY-MM-DD */
#define BMB_VCARD_X_MET_EVENT      "X-BIMBING-MET-EVENT"      /* text */
#define BMB_VCARD_X_INTRODUCED_BY  "X-BIMBING-INTRODUCED-BY"  /* the other contact's UID */
#define BMB_VCARD_X_STAY_IN_TOUCH  "X-BIMBING-STAY-IN-TOUCH"  /* P3D, P2W, P1M */
#define BMB_VCARD_X_LAST_CONTACT   "X-BIMBING-LAST-CONTACT"   /* YYYY-MM-DD */

/* "P2W" → 2 weeks; FALSE for anything else (only D, W and M, 1…999). */
gboolean           bmb_vcard_parse_stay_in_touch         (const char             *text,
                                                          guint                  *out_count,
                                                          BmbFollowUpUnit        *out_unit);
/* The label a field gets from its TYPE parameters ("cell" → "mobile",
 * "work", "home"…; "internet", "voice", "pref" ignored), or NULL. Sets
 * @out_preferred from TYPE=pref or PREF=1. */
char              *bmb_vcard_label_from_types            (const BmbVCardProperty *prop,
                                                          gboolean               *out_preferred);

/* A new contact from @card: N, FN, NICKNAME, ORG, TITLE / ROLE, EMAIL, TEL,
 * URL and X-SOCIALPROFILE (labels from TYPE or an item group's X-ABLabel),
 * BDAY, NOTE, CATEGORIES, UID and the X-BIMBING-* properties. The UID of
 * the contact who introduced us (X-BIMBING-INTRODUCED-BY) goes to
 * @out_introduced_by_uid (may be NULL), since ids differ between
 * databases. At most BMB_LIMIT_TAGS_PER_CONTACT tags and
 * BMB_LIMIT_FIELDS_PER_CONTACT values of each kind are kept; @out_limits
 * (may be NULL) receives the counts, with what was left out. Returns NULL
 * with a translated @out_reason when the card cannot be used (card->error,
 * or no name at all). */
BmbContact        *bmb_vcard_to_contact                  (BmbVCard               *card,
                                                          char                  **out_introduced_by_uid,
                                                          char                  **out_reason,
                                                          BmbContactLimiter      *out_limits);

/* "2024-11-12", "20241112", "--1112", "--11-12", "2024-11-12T08:00:00Z"…
 * → "YYYY-MM-DD" or "--MM-DD"; NULL when not a valid date. */
char              *bmb_vcard_parse_date                  (const char             *text);

/* Appends @contact as one vCard 4.0 (BEGIN:VCARD … END:VCARD), CRLF line
 * ends, folded at 75 octets. @introduced_by_uid is the UID of the contact
 * who introduced this one, or NULL. */
void               bmb_vcard_append_contact              (GString                *out,
                                                          BmbContact             *contact,
                                                          const char             *introduced_by_uid);
/* The TYPE token a label is written as ("mobile" → "cell", "work" → "work"),
 * or NULL when the label needs an item group with X-ABLabel. */
const char        *bmb_vcard_type_for_label              (const char             *label);

G_END_DECLS
