/* bmb-contacts-page.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The networking contact book: a paged list of every contact with search,
 * sort and filters, the selected contact's details beside it (stacked on
 * narrow windows), and the editors and dialogs around them.
 *
 * Actions (on the page): contacts.new (Ctrl+N), contacts.search (Ctrl+F),
 * contacts.import, contacts.export, contacts.met-at-event, contacts.edit,
 * contacts.delete (Delete), contacts.log-interaction, contacts.merge,
 * contacts.show(x), contacts.tag(s), contacts.sort(s),
 * contacts.needs-follow-up, contacts.clear-filters, contacts.back.
 */

#pragma once

#include <adwaita.h>

#include "bmb-contact-list-model.h"
#include "bmb-database.h"

G_BEGIN_DECLS

#define BMB_TYPE_CONTACTS_PAGE (bmb_contacts_page_get_type ())

G_DECLARE_FINAL_TYPE (BmbContactsPage, bmb_contacts_page, BMB, CONTACTS_PAGE, AdwBin)

BmbDatabase         *bmb_contacts_page_get_database (BmbContactsPage *self);

/* Hooks for the window and the command line. */
void                 bmb_contacts_page_show_contact (BmbContactsPage *self,
                                                     gint64           contact_id);
void                 bmb_contacts_page_new_contact  (BmbContactsPage *self);
/* Imports a vCard or CSV file in the background with a progress bar and a
 * Cancel button, then shows what was imported, merged and skipped. */
void                 bmb_contacts_page_import_file  (BmbContactsPage *self,
                                                     GFile           *file);
/* Writes every contact as vCard (@csv FALSE) or CSV. */
void                 bmb_contacts_page_export_file  (BmbContactsPage *self,
                                                     GFile           *file,
                                                     gboolean         csv);

/* For tests and the benchmark: the list's model and the contact shown in
 * the details pane (0: none). */
BmbContactListModel *bmb_contacts_page_get_model    (BmbContactsPage *self);
gint64               bmb_contacts_page_get_shown_contact (BmbContactsPage *self);

/* Shared by the contact widgets: an error the user has to read (a dialog
 * with the GError's own translated message), and a toast on the nearest
 * AdwToastOverlay above @widget (FALSE when there is none). */
void                 bmb_contacts_show_error        (GtkWidget       *widget,
                                                     const char      *heading,
                                                     const GError    *error);
gboolean             bmb_contacts_add_toast         (GtkWidget       *widget,
                                                     AdwToast        *toast);

G_END_DECLS
