/* bmb-contact-list-model.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A paged GListModel of contacts for lists of any size. It holds only the
 * ordered id array from bmb_contact_store_query_ids(); row objects
 * (BmbContactListItem) are made on demand, a page of summaries at a time,
 * and kept in a small LRU cache. Changing the query or reloading emits the
 * smallest items-changed that turns the old id order into the new one.
 */

#pragma once

#include <gio/gio.h>

#include "bmb-change-set.h"
#include "bmb-contact-list-item.h"
#include "bmb-contact-store.h"

G_BEGIN_DECLS

/* ---- BmbContactListModel -------------------------------------------------- */

#define BMB_TYPE_CONTACT_LIST_MODEL (bmb_contact_list_model_get_type ())

G_DECLARE_FINAL_TYPE (BmbContactListModel, bmb_contact_list_model, BMB, CONTACT_LIST_MODEL, GObject)

BmbContactListModel *bmb_contact_list_model_new              (BmbContactStore     *store);
BmbContactStore     *bmb_contact_list_model_get_store        (BmbContactListModel *self);

/* The query. Each setter re-runs it (when the value changed) and emits the
 * minimal items-changed. An error is kept (see get_error) and the list is
 * left as it was. */
const char          *bmb_contact_list_model_get_search_text  (BmbContactListModel *self);
void                 bmb_contact_list_model_set_search_text  (BmbContactListModel *self,
                                                              const char          *search_text);
BmbContactSort       bmb_contact_list_model_get_sort         (BmbContactListModel *self);
void                 bmb_contact_list_model_set_sort         (BmbContactListModel *self,
                                                              BmbContactSort       sort);
BmbContactFilter     bmb_contact_list_model_get_filter       (BmbContactListModel *self);
void                 bmb_contact_list_model_set_filter       (BmbContactListModel *self,
                                                              BmbContactFilter     filter);
const char          *bmb_contact_list_model_get_tag          (BmbContactListModel *self);
void                 bmb_contact_list_model_set_tag          (BmbContactListModel *self,
                                                              const char          *tag);
/* Leaves these ids out of the list (a delete waiting for its Undo toast). */
void                 bmb_contact_list_model_hide              (BmbContactListModel *self,
                                                              gint64               contact_id);
void                 bmb_contact_list_model_unhide            (BmbContactListModel *self,
                                                              gint64               contact_id);
guint                bmb_contact_list_model_get_n_hidden      (BmbContactListModel *self);
gboolean             bmb_contact_list_model_is_hidden         (BmbContactListModel *self,
                                                              gint64               contact_id);

/* Re-runs the query and refreshes every row object that is still alive.
 * FALSE with @error set when the query failed (the list is unchanged). */
gboolean             bmb_contact_list_model_reload            (BmbContactListModel *self,
                                                              GError             **error);
/* Updates only the rows @changes names: their row objects are refreshed
 * in place, and the id order is re-read so added, removed or re-sorted rows
 * move with one minimal items-changed; every other row object stays. A
 * coarse contacts change (an import) reloads. */
gboolean             bmb_contact_list_model_apply_changes     (BmbContactListModel *self,
                                                              BmbChangeSet        *changes,
                                                              GError             **error);
/* The last query error, or NULL. */
const GError        *bmb_contact_list_model_get_error         (BmbContactListModel *self);

/* Position of @contact_id in the list, or GTK_INVALID_LIST_POSITION
 * (G_MAXUINT) when it is not shown. */
guint                bmb_contact_list_model_find              (BmbContactListModel *self,
                                                              gint64               contact_id);
/* The id at @position without making a row object; 0 when out of range. */
gint64               bmb_contact_list_model_get_id            (BmbContactListModel *self,
                                                              guint                position);

/* Instrumentation, for tests and the benchmark: row objects alive now
 * (held by the cache or by anyone else), the cache's size, how many row
 * objects were ever made, and how many times one was re-read. */
guint                bmb_contact_list_model_get_n_materialized (BmbContactListModel *self);
guint                bmb_contact_list_model_get_n_cached      (BmbContactListModel *self);
guint                bmb_contact_list_model_get_n_created     (BmbContactListModel *self);
guint                bmb_contact_list_model_get_n_refreshed   (BmbContactListModel *self);

G_END_DECLS
