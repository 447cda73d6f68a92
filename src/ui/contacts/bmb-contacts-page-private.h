/* bmb-contacts-page-private.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page's instance struct and the helpers shared by its split files:
 * bmb-contacts-page.c (list, selection, details, GObject),
 * bmb-contacts-page-actions.c (actions, dialogs, delete with Undo) and
 * bmb-contacts-page-io.c (import and export).
 */

#pragma once

#include "bmb-context.h"

#include "bmb-contact-details.h"
#include "bmb-contact-list-model.h"
#include "bmb-contact-store.h"
#include "bmb-contacts-page.h"
#include "bmb-mentoring-store.h"

G_BEGIN_DECLS

struct _BmbContactsPage
{
  AdwBin               parent_instance;

  /* template widgets */
  GtkStack            *stack;
  AdwStatusPage       *empty_page;
  AdwLeaflet          *leaflet;
  GtkSearchEntry      *search_entry;
  GtkRevealer         *filter_revealer;
  GtkLabel            *filter_label;
  GtkStack            *list_stack;
  GtkListView         *list_view;
  AdwStatusPage       *no_results_page;
  GtkRevealer         *import_revealer;
  GtkLabel            *import_label;
  GtkProgressBar      *import_progress;
  GtkButton           *back_button;
  GtkLabel            *details_title;
  GtkStack            *details_stack;
  BmbContactDetails   *details;
  AdwStatusPage       *several_page;
  GMenu               *tags_section;

  /* owned */
  BmbDatabase         *database;
  BmbContext          *context;
  BmbContactStore     *store;
  BmbMentoringStore   *mentoring;
  BmbContactListModel *model;
  GtkMultiSelection   *selection;
  GCancellable        *import_cancellable;
  GCancellable        *export_cancellable;
  gulong               changed_handler;

  /* state */
  char                *sort_mode;           /* "name", "last-contact", "next-follow-up" */
  char                *tag;
  gboolean             needs_follow_up;
  gint64               shown_id;
  guint                disposed : 1;
};


GtkWindow *_bmb_contacts_page_get_parent_window      (BmbContactsPage *self);
GArray    *_bmb_contacts_page_dup_selected_ids       (BmbContactsPage *self);
void       _bmb_contacts_page_update_actions         (BmbContactsPage *self);
void       _bmb_contacts_page_update_details         (BmbContactsPage *self);
void       _bmb_contacts_page_update_list_state      (BmbContactsPage *self);
void       _bmb_contacts_page_apply_sort             (BmbContactsPage *self);
gboolean   _bmb_contacts_page_select_contact         (BmbContactsPage *self,
                                                      gint64           contact_id);
void       _bmb_contacts_page_reload                 (BmbContactsPage *self);

/* bmb-contacts-page-actions.c */
void       _bmb_contacts_page_class_init_actions     (GtkWidgetClass  *widget_class);
void       _bmb_contacts_page_open_editor            (BmbContactsPage *self,
                                                      BmbContact      *contact);
void       _bmb_contacts_page_delete_selected        (BmbContactsPage *self);

/* bmb-contacts-page-io.c */
void       _bmb_contacts_page_on_import_cancel_clicked_cb (BmbContactsPage *self);
void       _bmb_contacts_page_choose_import_file     (BmbContactsPage *self);
void       _bmb_contacts_page_choose_export_file     (BmbContactsPage *self);

G_END_DECLS
