/* bmb-contact-store-private.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared between the files of BmbContactStore: bmb-contact-store.c (the
 * object and its public calls), bmb-contact-store-rows.c (a contact to and
 * from its rows), bmb-contact-store-interactions.c, -merge.c and -search.c.
 */

#pragma once

#include "bmb-contact-store.h"

G_BEGIN_DECLS

struct _BmbContactStore
{
  GObject      parent_instance;

  /* owned */
  BmbDatabase *db;
  char        *today;   /* "YYYY-MM-DD" override, NULL: the real date */

  /* cache (bmb-contact-store-search.c) */
  GArray      *name_order;          /* every id by sort_key, id */
  gint64       name_order_changes;  /* sqlite3_total_changes () when built */
  gint64       name_order_version;  /* PRAGMA data_version when built */
  gint64       name_order_max_id;
  guint32     *name_position;       /* id → index in name_order */
};

/* "YYYY-MM-DD" of today (the override or the local date). */
char       *_bmb_contact_store_dup_today               (BmbContactStore  *self);
/* NULL without an error when there is no such contact. */
BmbContact *_bmb_contact_store_load_contact             (BmbContactStore  *self,
                                                         gint64            id,
                                                         GError          **error);
/* The contact's name for error messages ("Unnamed contact" when empty). */
const char *_bmb_contact_err_name                       (BmbContact       *contact);
void        _bmb_contact_store_set_not_found            (GError          **error,
                                                         gint64            id);
gboolean    _bmb_contact_store_contact_exists           (BmbContactStore  *self,
                                                         gint64            id,
                                                         gboolean         *exists,
                                                         GError          **error);
/* Validates and inserts (@insert) or updates @contact with its fields and
 * tags; @explicit_id restores a deleted contact under its old id. Sets the
 * saved state on @contact. Runs inside the caller's transaction. */
gboolean    _bmb_contact_store_write_contact            (BmbContactStore  *self,
                                                         BmbContact       *contact,
                                                         gboolean          insert,
                                                         gint64            explicit_id,
                                                         GError          **error);
/* Sets last_contact_on (from the interactions when @has_row and there are
 * any) and next_follow_up_on on @contact before it is written. */
gboolean    _bmb_contact_store_update_follow_up_fields  (BmbContactStore  *self,
                                                         BmbContact       *contact,
                                                         gboolean          has_row,
                                                         GError          **error);
/* Recomputes last_contact_on / next_follow_up_on of a saved contact from its
 * interactions. With @never_earlier, last_contact_on only moves forward. */
gboolean    _bmb_contact_store_refresh_follow_up        (BmbContactStore  *self,
                                                         gint64            contact_id,
                                                         gboolean          never_earlier,
                                                         GError          **error);
/* Inserts the row of @interaction; @keep_id restores it under its own id. */
gboolean    _bmb_contact_store_insert_interaction_row   (BmbContactStore  *self,
                                                         BmbInteraction   *interaction,
                                                         gboolean          keep_id,
                                                         GError          **error);

G_END_DECLS
