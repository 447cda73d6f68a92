/* bmb-contact-list-item-private.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What BmbContactListModel alone sees of its row objects: the fields it
 * fills and the links it keeps in them.
 */

#pragma once

#include "bmb-contact-list-item.h"

G_BEGIN_DECLS

struct _BmbContactListItem
{
  GObject     parent_instance;

  gint64      id;
  char       *display_name;
  char       *organization;
  char       *role;
  char       *subtitle;
  char       *initials;
  char       *next_follow_up_on;
  char       *follow_up_label;
  gboolean    needs_follow_up;

  /* Shared with the model (a reference), so finalize can unregister even
   * when the model is gone. */
  GHashTable *registry;
  /* LRU link in the model's cache, or NULL. */
  GList      *cache_link;
};

/* Copies @summary into @self and notifies what changed (nothing on the
 * first fill, before anyone watches). */
void _bmb_contact_list_item_apply_summary (BmbContactListItem      *self,
                                           const BmbContactSummary *summary,
                                           gboolean                 notify);

G_END_DECLS
