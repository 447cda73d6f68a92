/* bmb-contact-details.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything about one contact: how to reach them, how you met, tags,
 * notes, the stay-in-touch reminder, the mentoring link and the logged
 * interactions. Its buttons use the page's actions (contacts.*).
 */

#pragma once

#include <adwaita.h>

#include "bmb-contact-store.h"
#include "bmb-mentoring-store.h"

G_BEGIN_DECLS

#define BMB_TYPE_CONTACT_DETAILS (bmb_contact_details_get_type ())

G_DECLARE_FINAL_TYPE (BmbContactDetails, bmb_contact_details, BMB, CONTACT_DETAILS, GtkWidget)

BmbContactStore *bmb_contact_details_get_store      (BmbContactDetails  *self);
void             bmb_contact_details_set_store      (BmbContactDetails  *self,
                                                     BmbContactStore    *store);
/* Where the relationships this contact is in are read from (the context's store). */
void bmb_contact_details_set_mentoring_store (BmbContactDetails *self,
                                              BmbMentoringStore *mentoring);
/* Shows the contact with this id (0: nothing). Errors go to the user. */
void             bmb_contact_details_set_contact_id (BmbContactDetails  *self,
                                                     gint64              contact_id);
gint64           bmb_contact_details_get_contact_id (BmbContactDetails  *self);
/* The contact shown, or NULL. */
BmbContact      *bmb_contact_details_get_contact    (BmbContactDetails  *self);
/* Reads the contact again (after a change in the database). */
gboolean         bmb_contact_details_reload         (BmbContactDetails  *self,
                                                     GError            **error);

/* "12 March 2026" for a "YYYY-MM-DD" date, translated; a copy of @iso when
 * it does not parse, NULL for NULL. */
char            *bmb_contact_details_format_date    (const char         *iso);

G_END_DECLS
