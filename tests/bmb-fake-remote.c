/* bmb-fake-remote.c — an in-memory BmbSyncRemote for the sync tests and benchmark
 *
 * Copyright 2026 The Bimbing Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "bmb-fake-remote.h"

typedef struct
{
  char   *data;
  char   *etag;
  guint64 version;   /* of the last change */
  gboolean deleted;
} Resource;

struct _BmbFakeRemote
{
  GObject                parent_instance;

  GMutex                 lock;
  BmbSyncCollectionKind  kind;
  char                  *url;
  gboolean               sync_collection;
  gboolean               vcard4;
  GHashTable            *resources;     /* href → Resource (deleted ones kept for tokens) */
  guint64                version;
  guint                  token_generation;
  guint                  etag_counter;
  char                  *fail_put_href;
  char                  *fail_put_data;
  gboolean               fail_next_put;
  gboolean               fail_next_delete;
  int                    fail_code;
  guint                  fail_after;
  GHashTable            *requests;      /* call → count */
  guint                  total;
};

static void bmb_fake_remote_iface_init (BmbSyncRemoteInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BmbFakeRemote, bmb_fake_remote, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (BMB_TYPE_SYNC_REMOTE,
                                                      bmb_fake_remote_iface_init))

static void
resource_free (Resource *res)
{
  g_free (res->data);
  g_free (res->etag);
  g_free (res);
}

static void
bmb_fake_remote_finalize (GObject *object)
{
  BmbFakeRemote *self = BMB_FAKE_REMOTE (object);

  g_free (self->url);
  g_free (self->fail_put_href);
  g_free (self->fail_put_data);
  g_hash_table_unref (self->resources);
  g_hash_table_unref (self->requests);
  g_mutex_clear (&self->lock);
  G_OBJECT_CLASS (bmb_fake_remote_parent_class)->finalize (object);
}

static void
bmb_fake_remote_class_init (BmbFakeRemoteClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bmb_fake_remote_finalize;
}

static void
bmb_fake_remote_init (BmbFakeRemote *self)
{
  g_mutex_init (&self->lock);
  self->resources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify)resource_free);
  self->requests = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->sync_collection = TRUE;
  self->vcard4 = TRUE;
  self->fail_code = -1;
}

BmbFakeRemote *
bmb_fake_remote_new (BmbSyncCollectionKind  kind,
                     const char            *url)
{
  BmbFakeRemote *self = g_object_new (BMB_TYPE_FAKE_REMOTE, NULL);

  self->kind = kind;
  self->url = g_strdup (url);
  return self;
}

/* Counts a request; FALSE with the injected failure when one is due. */
static gboolean
request (BmbFakeRemote  *self,
         const char     *call,
         GError        **error)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (self->requests, call));

  g_hash_table_replace (self->requests, g_strdup (call), GUINT_TO_POINTER (n + 1));
  self->total++;
  if (self->fail_code >= 0)
    {
      if (self->fail_after > 0)
        self->fail_after--;
      else
        {
          g_set_error (error, BMB_SYNC_ERROR, self->fail_code,
                       self->fail_code == BMB_SYNC_ERROR_UNREACHABLE
                       ? "The server cannot be reached (test)."
                       : "The server answered 500 Internal Server Error (test).");
          return FALSE;
        }
    }
  return TRUE;
}

static void
store (BmbFakeRemote *self,
       const char    *href,
       const char    *data)
{
  Resource *res = g_hash_table_lookup (self->resources, href);

  if (res == NULL)
    {
      res = g_new0 (Resource, 1);
      g_hash_table_insert (self->resources, g_strdup (href), res);
    }
  g_free (res->data);
  res->data = g_strdup (data);
  g_free (res->etag);
  res->etag = g_strdup_printf ("\"e%u\"", ++self->etag_counter);
  res->version = ++self->version;
  res->deleted = FALSE;
}

static gboolean
drop (BmbFakeRemote *self,
      const char    *href)
{
  Resource *res = g_hash_table_lookup (self->resources, href);

  if (res == NULL || res->deleted)
    return FALSE;
  g_clear_pointer (&res->data, g_free);
  g_clear_pointer (&res->etag, g_free);
  res->deleted = TRUE;
  res->version = ++self->version;
  return TRUE;
}

static Resource *
live (BmbFakeRemote *self,
      const char    *href)
{
  Resource *res = g_hash_table_lookup (self->resources, href);

  return res != NULL && !res->deleted ? res : NULL;
}

/* ---- BmbSyncRemote -------------------------------------------------------------------- */

static BmbSyncCollectionKind
fake_get_kind (BmbSyncRemote *remote)
{
  return BMB_FAKE_REMOTE (remote)->kind;
}

static const char *
fake_get_url (BmbSyncRemote *remote)
{
  return BMB_FAKE_REMOTE (remote)->url;
}

static gboolean
fake_supports_sync_collection (BmbSyncRemote *remote)
{
  return BMB_FAKE_REMOTE (remote)->sync_collection;
}

static gboolean
fake_accepts_vcard4 (BmbSyncRemote *remote)
{
  return BMB_FAKE_REMOTE (remote)->vcard4;
}

static char *
fake_get_ctag (BmbSyncRemote  *remote,
               GCancellable   *cancellable,
               GError        **error)
{
  BmbFakeRemote *self = BMB_FAKE_REMOTE (remote);
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);

  if (!request (self, "get_ctag", error))
    return NULL;
  return g_strdup_printf ("ctag-%" G_GUINT64_FORMAT, self->version);
}

static GPtrArray *
fake_list (BmbSyncRemote  *remote,
           GCancellable   *cancellable,
           GError        **error)
{
  BmbFakeRemote *self = BMB_FAKE_REMOTE (remote);
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);
  GPtrArray *list;
  GHashTableIter iter;
  const char *href;
  Resource *res;

  if (!request (self, "list", error))
    return NULL;
  list = g_ptr_array_new_with_free_func ((GDestroyNotify)bmb_sync_resource_free);
  g_hash_table_iter_init (&iter, self->resources);
  while (g_hash_table_iter_next (&iter, (gpointer *)&href, (gpointer *)&res))
    {
      if (!res->deleted)
        g_ptr_array_add (list, bmb_sync_resource_new (href, res->etag, NULL));
    }
  return list;
}

static char *
fake_changes_since (BmbSyncRemote  *remote,
                    const char     *token,
                    GPtrArray     **changed,
                    GPtrArray     **removed,
                    GCancellable   *cancellable,
                    GError        **error)
{
  BmbFakeRemote *self = BMB_FAKE_REMOTE (remote);
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);
  guint64 since = 0;
  guint generation = 0;
  GHashTableIter iter;
  const char *href;
  Resource *res;

  if (!request (self, "changes_since", error))
    return NULL;
  if (!self->sync_collection)
    {
      g_set_error (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_UNSUPPORTED, "No sync-collection");
      return NULL;
    }
  if (token != NULL &&
      (sscanf (token, "tok-%u-%" G_GUINT64_FORMAT, &generation, &since) != 2 ||
       generation != self->token_generation))
    {
      g_set_error (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_TOKEN_INVALID, "Stale token %s", token);
      return NULL;
    }

  *changed = g_ptr_array_new_with_free_func ((GDestroyNotify)bmb_sync_resource_free);
  *removed = g_ptr_array_new_with_free_func (g_free);
  g_hash_table_iter_init (&iter, self->resources);
  while (g_hash_table_iter_next (&iter, (gpointer *)&href, (gpointer *)&res))
    {
      if (res->version <= since)
        continue;
      if (res->deleted && token != NULL)
        g_ptr_array_add (*removed, g_strdup (href));
      else if (!res->deleted)
        g_ptr_array_add (*changed, bmb_sync_resource_new (href, res->etag, NULL));
    }
  return g_strdup_printf ("tok-%u-%" G_GUINT64_FORMAT, self->token_generation, self->version);
}

static GPtrArray *
fake_fetch (BmbSyncRemote       *remote,
            const char * const  *hrefs,
            GCancellable        *cancellable,
            GError             **error)
{
  BmbFakeRemote *self = BMB_FAKE_REMOTE (remote);
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify)bmb_sync_resource_free);
  guint n = g_strv_length ((char **)hrefs);

  for (guint batch = 0; batch < MAX (1, (n + 99) / 100); batch++)
    {
      if (!request (self, "fetch", error))
        {
          g_ptr_array_unref (list);
          return NULL;
        }
    }
  for (guint i = 0; i < n; i++)
    {
      Resource *res = live (self, hrefs[i]);
      g_autoptr(GBytes) bytes = NULL;

      if (res == NULL)
        continue;
      bytes = g_bytes_new (res->data, strlen (res->data));
      g_ptr_array_add (list, bmb_sync_resource_new (hrefs[i], res->etag, bytes));
    }
  return list;
}

static char *
fake_put (BmbSyncRemote  *remote,
          const char     *href,
          GBytes         *data,
          const char     *if_match,
          GCancellable   *cancellable,
          GError        **error)
{
  BmbFakeRemote *self = BMB_FAKE_REMOTE (remote);
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);
  g_autofree char *text = g_strndup (g_bytes_get_data (data, NULL), g_bytes_get_size (data));
  Resource *res;

  if (!request (self, "put", error))
    return NULL;

  if (self->fail_next_put)
    {
      self->fail_next_put = FALSE;
      if (self->fail_put_data != NULL)
        store (self, self->fail_put_href ? self->fail_put_href : href, self->fail_put_data);
      g_set_error (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_PRECONDITION_FAILED,
                   "412 Precondition Failed (test)");
      return NULL;
    }

  res = live (self, href);
  if ((if_match == NULL && res != NULL) ||
      (if_match != NULL && (res == NULL || g_strcmp0 (res->etag, if_match) != 0)))
    {
      if (if_match != NULL && res == NULL)
        g_set_error (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_NOT_FOUND, "404 Not Found (test)");
      else
        g_set_error (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_PRECONDITION_FAILED,
                     "412 Precondition Failed (test)");
      return NULL;
    }
  if (!g_str_has_prefix (href, self->url))
    {
      g_set_error (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_FAILED, "%s is outside %s", href,
                   self->url);
      return NULL;
    }

  store (self, href, text);
  return g_strdup (live (self, href)->etag);
}

static gboolean
fake_delete (BmbSyncRemote  *remote,
             const char     *href,
             const char     *if_match,
             GCancellable   *cancellable,
             GError        **error)
{
  BmbFakeRemote *self = BMB_FAKE_REMOTE (remote);
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);
  Resource *res;

  if (!request (self, "delete", error))
    return FALSE;
  if (self->fail_next_delete)
    {
      self->fail_next_delete = FALSE;
      if (self->fail_put_data != NULL)
        store (self, self->fail_put_href ? self->fail_put_href : href, self->fail_put_data);
      g_set_error (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_PRECONDITION_FAILED,
                   "412 Precondition Failed (test)");
      return FALSE;
    }
  res = live (self, href);
  if (res == NULL)
    return TRUE;   /* 404/410 count as success */
  if (if_match != NULL && g_strcmp0 (if_match, res->etag) != 0)
    {
      g_set_error (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_PRECONDITION_FAILED,
                   "412 Precondition Failed (test)");
      return FALSE;
    }
  drop (self, href);
  return TRUE;
}

static char *
fake_href_for_new (BmbSyncRemote *remote,
                   const char    *name)
{
  return g_strconcat (BMB_FAKE_REMOTE (remote)->url, name, NULL);
}

static void
bmb_fake_remote_iface_init (BmbSyncRemoteInterface *iface)
{
  iface->get_kind = fake_get_kind;
  iface->get_url = fake_get_url;
  iface->supports_sync_collection = fake_supports_sync_collection;
  iface->accepts_vcard4 = fake_accepts_vcard4;
  iface->get_ctag = fake_get_ctag;
  iface->list = fake_list;
  iface->changes_since = fake_changes_since;
  iface->fetch = fake_fetch;
  iface->put = fake_put;
  iface->delete = fake_delete;
  iface->href_for_new = fake_href_for_new;
}

/* ---- Knobs ------------------------------------------------------------------------------ */

void
bmb_fake_remote_set_url (BmbFakeRemote *self,
                         const char    *url)
{
  g_free (self->url);
  self->url = g_strdup (url);
}

void
bmb_fake_remote_set_sync_collection (BmbFakeRemote *self,
                                     gboolean       supported)
{
  self->sync_collection = supported;
}

void
bmb_fake_remote_set_vcard4 (BmbFakeRemote *self,
                            gboolean       accepted)
{
  self->vcard4 = accepted;
}

void
bmb_fake_remote_invalidate_tokens (BmbFakeRemote *self)
{
  self->token_generation++;
}

void
bmb_fake_remote_fail_next_put (BmbFakeRemote *self,
                               const char    *href,
                               const char    *data)
{
  self->fail_next_put = TRUE;
  g_free (self->fail_put_href);
  self->fail_put_href = g_strdup (href);
  g_free (self->fail_put_data);
  self->fail_put_data = g_strdup (data);
}

void
bmb_fake_remote_fail_next_delete (BmbFakeRemote *self,
                                  const char    *href,
                                  const char    *data)
{
  bmb_fake_remote_fail_next_put (self, href, data);
  self->fail_next_put = FALSE;
  self->fail_next_delete = TRUE;
}

void
bmb_fake_remote_set_failure (BmbFakeRemote *self,
                             int            code,
                             guint          after_requests)
{
  self->fail_code = code;
  self->fail_after = after_requests;
}

void
bmb_fake_remote_touch_etags (BmbFakeRemote *self)
{
  GHashTableIter iter;
  Resource *res;

  g_hash_table_iter_init (&iter, self->resources);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&res))
    {
      if (res->deleted)
        continue;
      g_free (res->etag);
      res->etag = g_strdup_printf ("\"e%u\"", ++self->etag_counter);
      res->version = ++self->version;
    }
}

void
bmb_fake_remote_put_resource (BmbFakeRemote *self,
                              const char    *href,
                              const char    *data)
{
  store (self, href, data);
}

gboolean
bmb_fake_remote_delete_resource (BmbFakeRemote *self,
                                 const char    *href)
{
  return drop (self, href);
}

void
bmb_fake_remote_clear (BmbFakeRemote *self)
{
  g_autoptr(GPtrArray) hrefs = bmb_fake_remote_list_hrefs (self);

  for (guint i = 0; i < hrefs->len; i++)
    drop (self, g_ptr_array_index (hrefs, i));
}

const char *
bmb_fake_remote_get_data (BmbFakeRemote *self,
                          const char    *href)
{
  Resource *res = live (self, href);

  return res ? res->data : NULL;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

GPtrArray *
bmb_fake_remote_list_hrefs (BmbFakeRemote *self)
{
  GPtrArray *hrefs = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  const char *href;
  Resource *res;

  g_hash_table_iter_init (&iter, self->resources);
  while (g_hash_table_iter_next (&iter, (gpointer *)&href, (gpointer *)&res))
    {
      if (!res->deleted)
        g_ptr_array_add (hrefs, g_strdup (href));
    }
  g_ptr_array_sort (hrefs, compare_strings);
  return hrefs;
}

guint
bmb_fake_remote_get_n_resources (BmbFakeRemote *self)
{
  g_autoptr(GPtrArray) hrefs = bmb_fake_remote_list_hrefs (self);

  return hrefs->len;
}

const char *
bmb_fake_remote_find_by_uid (BmbFakeRemote *self,
                             const char    *uid)
{
  g_autofree char *needle = g_strconcat ("UID:", uid, "\r\n", NULL);
  GHashTableIter iter;
  const char *href;
  Resource *res;

  g_hash_table_iter_init (&iter, self->resources);
  while (g_hash_table_iter_next (&iter, (gpointer *)&href, (gpointer *)&res))
    {
      if (!res->deleted && strstr (res->data, needle) != NULL)
        return href;
    }
  return NULL;
}

guint
bmb_fake_remote_get_requests (BmbFakeRemote *self,
                              const char    *call)
{
  if (call == NULL)
    return self->total;
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->requests, call));
}

void
bmb_fake_remote_reset_requests (BmbFakeRemote *self)
{
  g_hash_table_remove_all (self->requests);
  self->total = 0;
}
