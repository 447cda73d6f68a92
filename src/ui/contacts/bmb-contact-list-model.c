/* bmb-contact-list-model.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The idiom is GNOME Text Editor's editor-search-model.c: a GListModel of
 * its own that knows how many items there are without making them, and
 * emits one minimal items-changed per change.
 *
 * Three structures:
 *  - ids: the visible order (gint64), the only thing proportional to the
 *    number of contacts (800 KiB for 100,000);
 *  - cache: an LRU of strong references to the last CACHE_SIZE row objects
 *    handed out, so scrolling back and forth does not hit SQLite;
 *  - registry: id → every row object still alive (borrowed; items remove
 *    themselves when finalized), so a reload can refresh rows that a list
 *    view still shows even after the cache let go of them.
 */

#define G_LOG_DOMAIN "bmb-contact-list-model"

#include "config.h"

#include <string.h>

#include "bmb-contact-list-item-private.h"
#include "bmb-contact-list-model.h"

/* Summaries are loaded a page at a time around the requested position. */
#define PAGE_SIZE  32
#define CACHE_SIZE 256

/* ---- BmbContactListModel --------------------------------------------------- */

struct _BmbContactListModel
{
  GObject          parent_instance;

  /* owned */
  BmbContactStore *store;
  GArray          *ids;        /* gint64, visible order */
  GHashTable      *hidden;     /* gint64 set */
  GHashTable      *registry;   /* gint64 → BmbContactListItem (borrowed) */
  GQueue           cache;      /* BmbContactListItem (strong), most recent first */
  GError          *error;

  /* query */
  char            *search_text;
  char            *tag;
  BmbContactSort   sort;
  BmbContactFilter filter;

  /* state */
  guint            n_created;
  guint            n_refreshed;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BmbContactListModel, bmb_contact_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_SEARCH_TEXT,
  PROP_SORT,
  PROP_FILTER,
  PROP_TAG,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Replaces *@field with a copy of @value; FALSE when they were equal. */
static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

/* ---- cache ---- */

static void
cache_touch (BmbContactListModel *self,
             BmbContactListItem  *item)
{
  if (item->cache_link != NULL)
    {
      g_queue_unlink (&self->cache, item->cache_link);
      g_queue_push_head_link (&self->cache, item->cache_link);
      return;
    }

  g_queue_push_head (&self->cache, g_object_ref (item));
  item->cache_link = self->cache.head;

  while (self->cache.length > CACHE_SIZE)
    {
      BmbContactListItem *old = g_queue_pop_tail (&self->cache);

      old->cache_link = NULL;
      g_object_unref (old);
    }
}

static void
cache_clear (BmbContactListModel *self)
{
  BmbContactListItem *item;

  while ((item = g_queue_pop_head (&self->cache)))
    {
      item->cache_link = NULL;
      g_object_unref (item);
    }
}

static void
cache_drop (BmbContactListModel *self,
            BmbContactListItem  *item)
{
  if (item->cache_link == NULL)
    return;

  g_queue_delete_link (&self->cache, item->cache_link);
  item->cache_link = NULL;
  g_object_unref (item);
}

/* Makes row objects for the page around @position that are not alive yet,
 * with one load_summaries() call. */
static void
materialize_page (BmbContactListModel *self,
                  guint                position)
{
  g_autoptr(GArray) wanted = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GError) error = NULL;
  guint start = position - position % PAGE_SIZE;
  guint end = MIN (start + PAGE_SIZE, self->ids->len);

  for (guint i = start; i < end; i++)
    {
      gint64 id = g_array_index (self->ids, gint64, i);

      if (!g_hash_table_contains (self->registry, &id))
        g_array_append_val (wanted, id);
    }

  if (wanted->len == 0)
    return;

  summaries = bmb_contact_store_load_summaries (self->store, (const gint64 *)(gpointer)wanted->data,
                                                wanted->len, &error);
  if (summaries == NULL)
    {
      /* The row shows an empty name; the next reload reports the error. */
      g_debug ("Could not load %u contact summaries: %s", wanted->len, error->message);
      return;
    }

  for (guint i = 0; i < summaries->len; i++)
    {
      BmbContactSummary *summary = g_ptr_array_index (summaries, i);
      BmbContactListItem *item;

      if (summary == NULL)
        continue;

      item = g_object_new (BMB_TYPE_CONTACT_LIST_ITEM, NULL);
      item->id = summary->id;
      item->registry = g_hash_table_ref (self->registry);
      _bmb_contact_list_item_apply_summary (item, summary, FALSE);
      g_hash_table_insert (self->registry, &item->id, item);
      self->n_created++;

      /* The cache holds the only reference until someone asks for it. */
      cache_touch (self, item);
      g_object_unref (item);
    }
}

/* Refreshes every live row object from the database; rows of contacts that
 * no longer exist keep their last values (they leave the list anyway). */
static void
refresh_alive_items (BmbContactListModel *self)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->registry);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      BmbContactListItem *item = value;

      g_array_append_val (ids, item->id);
      g_ptr_array_add (items, g_object_ref (item));
    }

  if (ids->len == 0)
    return;

  summaries = bmb_contact_store_load_summaries (self->store, (const gint64 *)(gpointer)ids->data,
                                                ids->len, &error);
  if (summaries == NULL)
    {
      g_debug ("Could not refresh contact rows: %s", error->message);
      return;
    }

  for (guint i = 0; i < items->len; i++)
    {
      BmbContactListItem *item = g_ptr_array_index (items, i);
      BmbContactSummary *summary = g_ptr_array_index (summaries, i);

      if (summary != NULL)
        {
          _bmb_contact_list_item_apply_summary (item, summary, TRUE);
          self->n_refreshed++;
        }
      else
        cache_drop (self, item);
    }
}

/* Refreshes the live row objects of @ids only. */
static void
refresh_items (BmbContactListModel *self,
               const gint64        *ids,
               guint                n_ids)
{
  g_autoptr(GArray) alive = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n_ids; i++)
    {
      BmbContactListItem *item = g_hash_table_lookup (self->registry, &ids[i]);

      if (item == NULL)
        continue;
      g_array_append_val (alive, ids[i]);
      g_ptr_array_add (items, g_object_ref (item));
    }

  if (alive->len == 0)
    return;

  summaries = bmb_contact_store_load_summaries (self->store, (const gint64 *)(gpointer)alive->data,
                                                alive->len, &error);
  if (summaries == NULL)
    {
      g_debug ("Could not refresh contact rows: %s", error->message);
      return;
    }

  for (guint i = 0; i < items->len; i++)
    {
      BmbContactListItem *item = g_ptr_array_index (items, i);
      BmbContactSummary *summary = g_ptr_array_index (summaries, i);

      if (summary != NULL)
        {
          _bmb_contact_list_item_apply_summary (item, summary, TRUE);
          self->n_refreshed++;
        }
      else
        cache_drop (self, item);
    }
}

/* ---- query ---- */

static GArray *
run_query (BmbContactListModel  *self,
           GError              **error)
{
  g_autoptr(GArray) ids = NULL;
  guint j = 0;

  ids = bmb_contact_store_query_ids (self->store, self->search_text, self->sort,
                                     self->filter, self->tag, error);
  if (ids == NULL)
    return NULL;

  if (g_hash_table_size (self->hidden) == 0)
    return g_steal_pointer (&ids);

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);

      if (!g_hash_table_contains (self->hidden, &id))
        g_array_index (ids, gint64, j++) = id;
    }
  g_array_set_size (ids, j);

  return g_steal_pointer (&ids);
}

/* Swaps in @ids and emits the smallest single items-changed: the common
 * head and tail of the old and new order stay. */
static void
replace_ids (BmbContactListModel *self,
             GArray              *ids)
{
  const gint64 *old = (const gint64 *)(gpointer)self->ids->data;
  const gint64 *new = (const gint64 *)(gpointer)ids->data;
  guint old_len = self->ids->len;
  guint new_len = ids->len;
  guint head = 0, tail = 0;

  while (head < old_len && head < new_len && old[head] == new[head])
    head++;
  while (tail < old_len - head && tail < new_len - head &&
         old[old_len - 1 - tail] == new[new_len - 1 - tail])
    tail++;

  g_array_unref (self->ids);
  self->ids = g_array_ref (ids);

  if (old_len - head - tail == 0 && new_len - head - tail == 0)
    return;

  g_list_model_items_changed (G_LIST_MODEL (self), head,
                              old_len - head - tail, new_len - head - tail);
  if (old_len != new_len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
set_error (BmbContactListModel *self,
           GError              *error)
{
  g_clear_error (&self->error);
  if (error != NULL)
    self->error = g_error_copy (error);
}

static void
requery (BmbContactListModel *self)
{
  g_autoptr(GError) error = NULL;

  if (!bmb_contact_list_model_reload (self, &error))
    g_debug ("Contact query failed: %s", error->message);
}

/* ---- GListModel ---- */

static GType
bmb_contact_list_model_get_item_type (GListModel *model)
{
  return BMB_TYPE_CONTACT_LIST_ITEM;
}

static guint
bmb_contact_list_model_get_n_items (GListModel *model)
{
  return BMB_CONTACT_LIST_MODEL (model)->ids->len;
}

static gpointer
bmb_contact_list_model_get_item (GListModel *model,
                                 guint       position)
{
  BmbContactListModel *self = BMB_CONTACT_LIST_MODEL (model);
  BmbContactListItem *item;
  gint64 id;

  if (position >= self->ids->len)
    return NULL;

  id = g_array_index (self->ids, gint64, position);
  if (!(item = g_hash_table_lookup (self->registry, &id)))
    {
      materialize_page (self, position);
      item = g_hash_table_lookup (self->registry, &id);
    }

  if (item == NULL)
    {
      /* Deleted behind our back: a placeholder until the next reload. */
      item = g_object_new (BMB_TYPE_CONTACT_LIST_ITEM, NULL);
      item->id = id;
      item->display_name = g_strdup ("");
      return item;
    }

  cache_touch (self, item);

  return g_object_ref (item);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = bmb_contact_list_model_get_item_type;
  iface->get_n_items = bmb_contact_list_model_get_n_items;
  iface->get_item = bmb_contact_list_model_get_item;
}

/* ---- GObject ---- */

static void
bmb_contact_list_model_constructed (GObject *object)
{
  BmbContactListModel *self = (BmbContactListModel *)object;

  G_OBJECT_CLASS (bmb_contact_list_model_parent_class)->constructed (object);

  g_assert (self->store != NULL);
  requery (self);
}

static void
bmb_contact_list_model_dispose (GObject *object)
{
  BmbContactListModel *self = (BmbContactListModel *)object;

  cache_clear (self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (bmb_contact_list_model_parent_class)->dispose (object);
}

static void
bmb_contact_list_model_finalize (GObject *object)
{
  BmbContactListModel *self = (BmbContactListModel *)object;

  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->hidden, g_hash_table_unref);
  g_clear_pointer (&self->registry, g_hash_table_unref);
  g_clear_error (&self->error);
  g_clear_pointer (&self->search_text, g_free);
  g_clear_pointer (&self->tag, g_free);

  G_OBJECT_CLASS (bmb_contact_list_model_parent_class)->finalize (object);
}

static void
bmb_contact_list_model_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  BmbContactListModel *self = BMB_CONTACT_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SEARCH_TEXT:
      g_value_set_string (value, self->search_text);
      break;
    case PROP_SORT:
      g_value_set_enum (value, self->sort);
      break;
    case PROP_FILTER:
      g_value_set_enum (value, self->filter);
      break;
    case PROP_TAG:
      g_value_set_string (value, self->tag);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->ids->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_contact_list_model_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  BmbContactListModel *self = BMB_CONTACT_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_SEARCH_TEXT:
      bmb_contact_list_model_set_search_text (self, g_value_get_string (value));
      break;
    case PROP_SORT:
      bmb_contact_list_model_set_sort (self, g_value_get_enum (value));
      break;
    case PROP_FILTER:
      bmb_contact_list_model_set_filter (self, g_value_get_enum (value));
      break;
    case PROP_TAG:
      bmb_contact_list_model_set_tag (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_contact_list_model_class_init (BmbContactListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = bmb_contact_list_model_constructed;
  object_class->dispose = bmb_contact_list_model_dispose;
  object_class->finalize = bmb_contact_list_model_finalize;
  object_class->get_property = bmb_contact_list_model_get_property;
  object_class->set_property = bmb_contact_list_model_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, BMB_TYPE_CONTACT_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEARCH_TEXT] =
    g_param_spec_string ("search-text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SORT] =
    g_param_spec_enum ("sort", NULL, NULL, BMB_TYPE_CONTACT_SORT, BMB_CONTACT_SORT_NAME,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILTER] =
    g_param_spec_enum ("filter", NULL, NULL, BMB_TYPE_CONTACT_FILTER, BMB_CONTACT_FILTER_ALL,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TAG] =
    g_param_spec_string ("tag", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bmb_contact_list_model_init (BmbContactListModel *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->hidden = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->registry = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_queue_init (&self->cache);
  self->sort = BMB_CONTACT_SORT_NAME;
  self->filter = BMB_CONTACT_FILTER_ALL;
}

/* ---- public API ---- */

BmbContactListModel *
bmb_contact_list_model_new (BmbContactStore *store)
{
  g_return_val_if_fail (BMB_IS_CONTACT_STORE (store), NULL);

  return g_object_new (BMB_TYPE_CONTACT_LIST_MODEL, "store", store, NULL);
}

BmbContactStore *
bmb_contact_list_model_get_store (BmbContactListModel *self)
{
  g_return_val_if_fail (BMB_IS_CONTACT_LIST_MODEL (self), NULL);

  return self->store;
}

const char *
bmb_contact_list_model_get_search_text (BmbContactListModel *self)
{
  g_return_val_if_fail (BMB_IS_CONTACT_LIST_MODEL (self), NULL);

  return self->search_text;
}

void
bmb_contact_list_model_set_search_text (BmbContactListModel *self,
                                        const char          *search_text)
{
  g_return_if_fail (BMB_IS_CONTACT_LIST_MODEL (self));

  if (search_text != NULL && *search_text == '\0')
    search_text = NULL;
  if (!set_string (&self->search_text, search_text))
    return;

  requery (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_TEXT]);
}

BmbContactSort
bmb_contact_list_model_get_sort (BmbContactListModel *self)
{
  g_return_val_if_fail (BMB_IS_CONTACT_LIST_MODEL (self), BMB_CONTACT_SORT_NAME);

  return self->sort;
}

void
bmb_contact_list_model_set_sort (BmbContactListModel *self,
                                 BmbContactSort       sort)
{
  g_return_if_fail (BMB_IS_CONTACT_LIST_MODEL (self));

  if (self->sort == sort)
    return;

  self->sort = sort;
  requery (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT]);
}

BmbContactFilter
bmb_contact_list_model_get_filter (BmbContactListModel *self)
{
  g_return_val_if_fail (BMB_IS_CONTACT_LIST_MODEL (self), BMB_CONTACT_FILTER_ALL);

  return self->filter;
}

void
bmb_contact_list_model_set_filter (BmbContactListModel *self,
                                   BmbContactFilter     filter)
{
  g_return_if_fail (BMB_IS_CONTACT_LIST_MODEL (self));

  if (self->filter == filter)
    return;

  self->filter = filter;
  requery (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
}

const char *
bmb_contact_list_model_get_tag (BmbContactListModel *self)
{
  g_return_val_if_fail (BMB_IS_CONTACT_LIST_MODEL (self), NULL);

  return self->tag;
}

void
bmb_contact_list_model_set_tag (BmbContactListModel *self,
                                const char          *tag)
{
  g_return_if_fail (BMB_IS_CONTACT_LIST_MODEL (self));

  if (tag != NULL && *tag == '\0')
    tag = NULL;
  if (!set_string (&self->tag, tag))
    return;

  requery (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAG]);
}

void
bmb_contact_list_model_hide (BmbContactListModel *self,
                             gint64               contact_id)
{
  guint position;

  g_return_if_fail (BMB_IS_CONTACT_LIST_MODEL (self));

  if (g_hash_table_contains (self->hidden, &contact_id))
    return;

  g_hash_table_add (self->hidden, g_memdup2 (&contact_id, sizeof contact_id));

  position = bmb_contact_list_model_find (self, contact_id);
  if (position == G_MAXUINT)
    return;

  g_array_remove_index (self->ids, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

void
bmb_contact_list_model_unhide (BmbContactListModel *self,
                               gint64               contact_id)
{
  g_return_if_fail (BMB_IS_CONTACT_LIST_MODEL (self));

  if (g_hash_table_remove (self->hidden, &contact_id))
    requery (self);
}

guint
bmb_contact_list_model_get_n_hidden (BmbContactListModel *self)
{
  g_return_val_if_fail (BMB_IS_CONTACT_LIST_MODEL (self), 0);

  return g_hash_table_size (self->hidden);
}

gboolean
bmb_contact_list_model_is_hidden (BmbContactListModel *self,
                                  gint64               contact_id)
{
  g_return_val_if_fail (BMB_IS_CONTACT_LIST_MODEL (self), FALSE);

  return g_hash_table_contains (self->hidden, &contact_id);
}

gboolean
bmb_contact_list_model_reload (BmbContactListModel  *self,
                               GError              **error)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (BMB_IS_CONTACT_LIST_MODEL (self), FALSE);

  if (!(ids = run_query (self, &local_error)))
    {
      set_error (self, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  set_error (self, NULL);

  /* Refresh first, so rows that stay show current values at once. */
  refresh_alive_items (self);
  replace_ids (self, ids);

  return TRUE;
}

gboolean
bmb_contact_list_model_apply_changes (BmbContactListModel  *self,
                                      BmbChangeSet         *changes,
                                      GError              **error)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) local_error = NULL;
  const gint64 *removed;
  const gint64 *changed;
  guint n_removed = 0, n_changed = 0;

  g_return_val_if_fail (BMB_IS_CONTACT_LIST_MODEL (self), FALSE);
  g_return_val_if_fail (changes != NULL, FALSE);

  if (bmb_change_set_get_coarse_kinds (changes) & BMB_CHANGE_CONTACTS)
    return bmb_contact_list_model_reload (self, error);

  if (bmb_change_set_get_n_items (changes, BMB_CHANGE_CONTACTS) == 0)
    return TRUE;

  removed = bmb_change_set_get_ids (changes, BMB_CHANGE_CONTACTS, BMB_CHANGE_REMOVED, &n_removed);
  changed = bmb_change_set_get_ids (changes, BMB_CHANGE_CONTACTS, BMB_CHANGE_CHANGED, &n_changed);

  /* Only removals: no query, the rows just leave. */
  if (n_removed == bmb_change_set_get_n_items (changes, BMB_CHANGE_CONTACTS))
    {
      for (guint i = 0; i < n_removed; i++)
        {
          guint position = bmb_contact_list_model_find (self, removed[i]);
          BmbContactListItem *item = g_hash_table_lookup (self->registry, &removed[i]);

          if (item != NULL)
            cache_drop (self, item);
          if (position == G_MAXUINT)
            continue;
          g_array_remove_index (self->ids, position);
          g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
        }
      return TRUE;
    }

  /* A changed row may have moved or left the filter, an added one needs
   * its place: the id order is re-read (no row object is made for it). */
  if (!(ids = run_query (self, &local_error)))
    {
      set_error (self, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  set_error (self, NULL);
  refresh_items (self, changed, n_changed);
  for (guint i = 0; i < n_removed; i++)
    {
      BmbContactListItem *item = g_hash_table_lookup (self->registry, &removed[i]);

      if (item != NULL)
        cache_drop (self, item);
    }
  replace_ids (self, ids);

  return TRUE;
}

const GError *
bmb_contact_list_model_get_error (BmbContactListModel *self)
{
  g_return_val_if_fail (BMB_IS_CONTACT_LIST_MODEL (self), NULL);

  return self->error;
}

guint
bmb_contact_list_model_find (BmbContactListModel *self,
                             gint64               contact_id)
{
  const gint64 *ids;

  g_return_val_if_fail (BMB_IS_CONTACT_LIST_MODEL (self), G_MAXUINT);

  ids = (const gint64 *)(gpointer)self->ids->data;
  for (guint i = 0; i < self->ids->len; i++)
    if (ids[i] == contact_id)
      return i;

  return G_MAXUINT;
}

gint64
bmb_contact_list_model_get_id (BmbContactListModel *self,
                               guint                position)
{
  g_return_val_if_fail (BMB_IS_CONTACT_LIST_MODEL (self), 0);

  if (position >= self->ids->len)
    return 0;

  return g_array_index (self->ids, gint64, position);
}

guint
bmb_contact_list_model_get_n_materialized (BmbContactListModel *self)
{
  g_return_val_if_fail (BMB_IS_CONTACT_LIST_MODEL (self), 0);

  return g_hash_table_size (self->registry);
}

guint
bmb_contact_list_model_get_n_cached (BmbContactListModel *self)
{
  g_return_val_if_fail (BMB_IS_CONTACT_LIST_MODEL (self), 0);

  return self->cache.length;
}

guint
bmb_contact_list_model_get_n_created (BmbContactListModel *self)
{
  g_return_val_if_fail (BMB_IS_CONTACT_LIST_MODEL (self), 0);

  return self->n_created;
}

guint
bmb_contact_list_model_get_n_refreshed (BmbContactListModel *self)
{
  g_return_val_if_fail (BMB_IS_CONTACT_LIST_MODEL (self), 0);

  return self->n_refreshed;
}
