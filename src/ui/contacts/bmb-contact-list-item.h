/* bmb-contact-list-item.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row object of BmbContactListModel (bmb-contact-list-model.h), which
 * makes them; read-only to everyone else.
 */

#pragma once

#include <gio/gio.h>

#include "bmb-contact-store.h"

G_BEGIN_DECLS

#define BMB_TYPE_CONTACT_LIST_ITEM (bmb_contact_list_item_get_type ())

G_DECLARE_FINAL_TYPE (BmbContactListItem, bmb_contact_list_item, BMB, CONTACT_LIST_ITEM, GObject)

/* Properties (read-only, notified when a reload changes them): id,
 * display-name, organization, role, subtitle ("Role, Organization"),
 * initials, next-follow-up-on, needs-follow-up, follow-up-label. */
gint64      bmb_contact_list_item_get_id                (BmbContactListItem *self);
const char *bmb_contact_list_item_get_display_name      (BmbContactListItem *self);
const char *bmb_contact_list_item_get_organization      (BmbContactListItem *self);
const char *bmb_contact_list_item_get_role              (BmbContactListItem *self);
const char *bmb_contact_list_item_get_subtitle          (BmbContactListItem *self);
const char *bmb_contact_list_item_get_initials          (BmbContactListItem *self);
const char *bmb_contact_list_item_get_next_follow_up_on (BmbContactListItem *self);
gboolean    bmb_contact_list_item_get_needs_follow_up   (BmbContactListItem *self);
/* A short badge text ("Today", "In 3 days", "2 weeks overdue"), or NULL
 * when the contact has no follow-up date. */
const char *bmb_contact_list_item_get_follow_up_label   (BmbContactListItem *self);

G_END_DECLS
