/* bmb-dav-collection.c — one CalDAV calendar or CardDAV address book as a BmbSyncRemote
 *
 * Copyright 2026 The Bimbing Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bmb-dav"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-dav-collection.h"
#include "bmb-limits.h"

struct _BmbDavCollection
{
  GObject                parent_instance;

  /* owned */
  BmbDavClient          *client;
  char                  *url;        /* absolute, ends with '/' */
  char                  *path;       /* its path, ends with '/' */
  char                  *key;        /* bmb_dav_href_normalize (path) */
  char                  *display_name;

  /* state */
  BmbSyncCollectionKind  kind;
  gboolean               supports_sync_collection;
  gboolean               accepts_vcard4;
};

static void bmb_dav_collection_remote_init (BmbSyncRemoteInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BmbDavCollection, bmb_dav_collection, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (BMB_TYPE_SYNC_REMOTE,
                                                      bmb_dav_collection_remote_init))

static const char propfind_etags[] =
  "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
  "<d:propfind xmlns:d=\"DAV:\"><d:prop><d:resourcetype/><d:getetag/></d:prop></d:propfind>";

static const char propfind_ctag[] =
  "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
  "<d:propfind xmlns:d=\"DAV:\" xmlns:cs=\"http://calendarserver.org/ns/\">"
  "<d:prop><cs:getctag/><d:sync-token/></d:prop></d:propfind>";

static const char propfind_self[] =
  "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
  "<d:propfind xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\""
  " xmlns:card=\"urn:ietf:params:xml:ns:carddav\">"
  "<d:prop><d:resourcetype/><d:displayname/><d:supported-report-set/>"
  "<card:supported-address-data/></d:prop></d:propfind>";

/* ---- Helpers --------------------------------------------------------------------------- */

static gboolean
is_own_href (BmbDavCollection *self,
             const char       *href)
{
  g_autofree char *key = bmb_dav_href_normalize (href);

  return g_strcmp0 (key, self->key) == 0;
}

static const char *
content_type (BmbDavCollection *self)
{
  return self->kind == BMB_SYNC_COLLECTION_CALENDAR ? "text/calendar; charset=utf-8"
                                                    : "text/vcard; charset=utf-8";
}

static char *
multiget_xml (BmbDavCollection   *self,
              const char * const *hrefs,
              guint               n)
{
  GString *xml = g_string_new ("<?xml version=\"1.0\" encoding=\"utf-8\"?>");

  if (self->kind == BMB_SYNC_COLLECTION_CALENDAR)
    g_string_append (xml, "<c:calendar-multiget xmlns:d=\"DAV:\" "
                          "xmlns:c=\"urn:ietf:params:xml:ns:caldav\">"
                          "<d:prop><d:getetag/><c:calendar-data/></d:prop>");
  else
    g_string_append (xml, "<c:addressbook-multiget xmlns:d=\"DAV:\" "
                          "xmlns:c=\"urn:ietf:params:xml:ns:carddav\">"
                          "<d:prop><d:getetag/><c:address-data/></d:prop>");
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *escaped = g_markup_escape_text (hrefs[i], -1);

      g_string_append_printf (xml, "<d:href>%s</d:href>", escaped);
    }
  g_string_append (xml, self->kind == BMB_SYNC_COLLECTION_CALENDAR ? "</c:calendar-multiget>"
                                                                   : "</c:addressbook-multiget>");
  return g_string_free (xml, FALSE);
}

/* GET one member; NULL without error when it is gone. */
static BmbSyncResource *
get_one (BmbDavCollection  *self,
         const char        *href,
         GCancellable      *cancellable,
         GError           **error)
{
  g_autoptr(BmbDavReply) reply = NULL;
  BmbDavRequest request = { .method = "GET", .url = href };

  if (!(reply = bmb_dav_client_send (self->client, &request, cancellable, error)))
    return NULL;
  if (reply->status == 404 || reply->status == 410)
    return NULL;
  if (!bmb_dav_client_check (self->client, reply, href, error))
    return NULL;
  return bmb_sync_resource_new (href, reply->etag, reply->body);
}

/* One multiget batch into out. FALSE with error set; FALSE without error when the server
 * cannot do multiget (the caller falls back to GETs). */
static gboolean
multiget (BmbDavCollection   *self,
          const char * const *hrefs,
          guint               n,
          GPtrArray          *out,
          GCancellable       *cancellable,
          GError            **error)
{
  g_autofree char *xml = multiget_xml (self, hrefs, n);
  g_autoptr(BmbDavMultistatus) reply = NULL;
  g_autoptr(BmbDavReply) failed = NULL;
  g_autoptr(GHashTable) asked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) local_error = NULL;

  reply = bmb_dav_client_report (self->client, self->url, NULL, xml, &failed, cancellable,
                                 &local_error);
  if (reply == NULL)
    {
      /* Not supported (400, 403, 405, 501): single GETs instead. */
      if (failed != NULL && (failed->status == 400 || failed->status == 403 ||
                             failed->status == 405 || failed->status == 501))
        return FALSE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  for (guint i = 0; i < n; i++)
    g_hash_table_add (asked, bmb_dav_href_normalize (hrefs[i]));

  for (guint i = 0; i < reply->responses->len; i++)
    {
      BmbDavResponse *response = g_ptr_array_index (reply->responses, i);
      g_autofree char *key = bmb_dav_href_normalize (response->href);

      if (!g_hash_table_remove (asked, key))
        continue;
      if (response->data != NULL)
        g_ptr_array_add (out, bmb_sync_resource_new (response->href, response->etag,
                                                     response->data));
      else if (response->status != 404 && response->status != 410)
        {
          /* Listed without its data: ask for it alone. */
          BmbSyncResource *one = get_one (self, response->href, cancellable, error);

          if (one == NULL && error != NULL && *error != NULL)
            return FALSE;
          if (one != NULL)
            g_ptr_array_add (out, one);
        }
    }

  /* The server left some out altogether: ask for them one by one. */
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *key = bmb_dav_href_normalize (hrefs[i]);
      BmbSyncResource *one;
      GError *one_error = NULL;

      if (!g_hash_table_contains (asked, key))
        continue;
      if ((one = get_one (self, hrefs[i], cancellable, &one_error)) != NULL)
        g_ptr_array_add (out, one);
      else if (one_error != NULL)
        {
          g_propagate_error (error, one_error);
          return FALSE;
        }
    }
  return TRUE;
}

/* ---- BmbSyncRemote --------------------------------------------------------------------- */

static BmbSyncCollectionKind
bmb_dav_collection_get_kind (BmbSyncRemote *remote)
{
  return BMB_DAV_COLLECTION (remote)->kind;
}

static const char *
bmb_dav_collection_get_url (BmbSyncRemote *remote)
{
  return BMB_DAV_COLLECTION (remote)->url;
}

static gboolean
bmb_dav_collection_supports_sync_collection (BmbSyncRemote *remote)
{
  return BMB_DAV_COLLECTION (remote)->supports_sync_collection;
}

static gboolean
bmb_dav_collection_accepts_vcard4 (BmbSyncRemote *remote)
{
  BmbDavCollection *self = BMB_DAV_COLLECTION (remote);

  return self->kind == BMB_SYNC_COLLECTION_ADDRESS_BOOK && self->accepts_vcard4;
}

static char *
bmb_dav_collection_get_ctag (BmbSyncRemote  *remote,
                             GCancellable   *cancellable,
                             GError        **error)
{
  BmbDavCollection *self = BMB_DAV_COLLECTION (remote);
  g_autoptr(BmbDavMultistatus) reply = NULL;

  reply = bmb_dav_client_propfind (self->client, self->url, "0", propfind_ctag,
                                   cancellable, error);
  if (reply == NULL)
    return NULL;

  for (guint i = 0; i < reply->responses->len; i++)
    {
      BmbDavResponse *response = g_ptr_array_index (reply->responses, i);

      if (!is_own_href (self, response->href))
        continue;
      if (response->ctag != NULL)
        return g_strdup (response->ctag);
      return g_strdup (response->sync_token);
    }
  return NULL;
}

static GPtrArray *
bmb_dav_collection_list (BmbSyncRemote  *remote,
                         GCancellable   *cancellable,
                         GError        **error)
{
  BmbDavCollection *self = BMB_DAV_COLLECTION (remote);
  g_autoptr(BmbDavMultistatus) reply = NULL;
  GPtrArray *members;

  reply = bmb_dav_client_propfind (self->client, self->url, "1", propfind_etags,
                                   cancellable, error);
  if (reply == NULL)
    return NULL;

  members = g_ptr_array_new_with_free_func ((GDestroyNotify)bmb_sync_resource_free);
  for (guint i = 0; i < reply->responses->len; i++)
    {
      BmbDavResponse *response = g_ptr_array_index (reply->responses, i);

      if (is_own_href (self, response->href) ||
          (response->resource_type & BMB_DAV_RESOURCE_COLLECTION) ||
          (response->status >= 300))
        continue;
      g_ptr_array_add (members, bmb_sync_resource_new (response->href, response->etag, NULL));
    }
  return members;
}

static char *
bmb_dav_collection_changes_since (BmbSyncRemote  *remote,
                                  const char     *token,
                                  GPtrArray     **changed,
                                  GPtrArray     **removed,
                                  GCancellable   *cancellable,
                                  GError        **error)
{
  BmbDavCollection *self = BMB_DAV_COLLECTION (remote);
  g_autoptr(GHashTable) changes = NULL;   /* normalised href → BmbSyncResource or NULL */
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) hrefs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *current = g_strdup (token);

  if (!self->supports_sync_collection)
    {
      g_set_error (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_UNSUPPORTED,
                   _("%s does not offer the list of changes (sync-collection) for “%s”."),
                   bmb_dav_client_get_server (self->client), self->path);
      return NULL;
    }

  changes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                   (GDestroyNotify)bmb_sync_resource_free);

  for (guint page = 0; ; page++)
    {
      g_autofree char *escaped = g_markup_escape_text (current ? current : "", -1);
      g_autofree char *xml = NULL;
      g_autoptr(BmbDavMultistatus) reply = NULL;
      g_autoptr(BmbDavReply) failed = NULL;
      g_autoptr(GError) local_error = NULL;

      if (page >= BMB_LIMIT_DAV_SYNC_PAGES)
        {
          g_set_error (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_SERVER,
                       _("%s kept cutting the list of changes of “%s” short (%d pages); "
                         "Bimbing stopped asking."),
                       bmb_dav_client_get_server (self->client), self->path,
                       BMB_LIMIT_DAV_SYNC_PAGES);
          return NULL;
        }

      xml = g_strdup_printf ("<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                             "<d:sync-collection xmlns:d=\"DAV:\">"
                             "<d:sync-token>%s</d:sync-token><d:sync-level>1</d:sync-level>"
                             "<d:prop><d:getetag/></d:prop></d:sync-collection>", escaped);
      reply = bmb_dav_client_report (self->client, self->url, NULL, xml, &failed,
                                     cancellable, &local_error);
      if (reply == NULL)
        {
          /* RFC 6578 §3.2: the token is no longer valid (403 valid-sync-token); some
           * servers say 409 or 412 instead. */
          if (failed != NULL &&
              ((failed->status == 403 &&
                (current != NULL ||
                 bmb_dav_error_has_condition (failed->body, BMB_DAV_NS_DAV, "valid-sync-token"))) ||
               failed->status == 409 || failed->status == 412))
            {
              g_set_error (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_TOKEN_INVALID,
                           _("%s no longer knows Bimbing's place in “%s”; everything is "
                             "read again."),
                           bmb_dav_client_get_server (self->client), self->path);
              return NULL;
            }
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }

      for (guint i = 0; i < reply->responses->len; i++)
        {
          BmbDavResponse *response = g_ptr_array_index (reply->responses, i);
          char *key;

          if (is_own_href (self, response->href) ||
              (response->resource_type & BMB_DAV_RESOURCE_COLLECTION))
            continue;
          key = bmb_dav_href_normalize (response->href);
          if (!g_hash_table_contains (hrefs, key))
            g_ptr_array_add (order, g_strdup (key));
          g_hash_table_replace (hrefs, g_strdup (key), g_strdup (response->href));
          if (response->status == 404 || response->status == 410)
            g_hash_table_replace (changes, key, NULL);
          else
            g_hash_table_replace (changes, key,
                                  bmb_sync_resource_new (response->href, response->etag, NULL));
        }

      if (reply->sync_token == NULL || *reply->sync_token == '\0')
        {
          g_set_error (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_SERVER,
                       _("%s listed the changes of “%s” without a new sync token."),
                       bmb_dav_client_get_server (self->client), self->path);
          return NULL;
        }
      g_free (current);
      current = g_strdup (reply->sync_token);
      if (!reply->truncated)
        break;
    }

  *changed = g_ptr_array_new_with_free_func ((GDestroyNotify)bmb_sync_resource_free);
  *removed = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < order->len; i++)
    {
      const char *key = g_ptr_array_index (order, i);
      g_autofree char *stolen_key = NULL;   /* stealing takes the key too */
      BmbSyncResource *resource = NULL;

      if (g_hash_table_steal_extended (changes, key, (gpointer *)&stolen_key,
                                       (gpointer *)&resource) && resource)
        g_ptr_array_add (*changed, resource);
      else
        g_ptr_array_add (*removed, g_strdup (g_hash_table_lookup (hrefs, key)));
    }
  g_hash_table_remove_all (changes);
  return g_steal_pointer (&current);
}

static GPtrArray *
bmb_dav_collection_fetch (BmbSyncRemote       *remote,
                          const char * const  *hrefs,
                          GCancellable        *cancellable,
                          GError             **error)
{
  BmbDavCollection *self = BMB_DAV_COLLECTION (remote);
  g_autoptr(GPtrArray) out = NULL;
  guint n = hrefs ? g_strv_length ((char **)hrefs) : 0;
  gboolean use_multiget = TRUE;

  out = g_ptr_array_new_with_free_func ((GDestroyNotify)bmb_sync_resource_free);
  for (guint start = 0; start < n; start += BMB_DAV_MULTIGET_BATCH)
    {
      guint count = MIN (BMB_DAV_MULTIGET_BATCH, n - start);
      GError *local_error = NULL;

      if (use_multiget)
        {
          if (multiget (self, hrefs + start, count, out, cancellable, &local_error))
            continue;
          if (local_error != NULL)
            {
              g_propagate_error (error, local_error);
              return NULL;
            }
          g_debug ("%s: multiget refused, fetching one by one", self->path);
          use_multiget = FALSE;
        }

      for (guint i = start; i < start + count; i++)
        {
          BmbSyncResource *one = get_one (self, hrefs[i], cancellable, &local_error);

          if (one != NULL)
            g_ptr_array_add (out, one);
          else if (local_error != NULL)
            {
              g_propagate_error (error, local_error);
              return NULL;
            }
        }
    }
  return g_steal_pointer (&out);
}

static char *
bmb_dav_collection_put (BmbSyncRemote  *remote,
                        const char     *href,
                        GBytes         *data,
                        const char     *if_match,
                        GCancellable   *cancellable,
                        GError        **error)
{
  BmbDavCollection *self = BMB_DAV_COLLECTION (remote);
  g_autoptr(BmbDavReply) reply = NULL;
  BmbDavRequest request = {
    .method = "PUT",
    .url = href,
    .if_match = if_match,
    .if_none_match = if_match == NULL,
    .content_type = content_type (self),
    .body = data,
  };

  if (!(reply = bmb_dav_client_send (self->client, &request, cancellable, error)))
    return NULL;
  if (!bmb_dav_client_check (self->client, reply, href, error))
    return NULL;
  /* 200, 201 and 204 all mean stored; no ETag: the caller fetches it. */
  g_clear_error (error);
  return g_strdup (reply->etag);
}

static gboolean
bmb_dav_collection_delete (BmbSyncRemote  *remote,
                           const char     *href,
                           const char     *if_match,
                           GCancellable   *cancellable,
                           GError        **error)
{
  BmbDavCollection *self = BMB_DAV_COLLECTION (remote);
  g_autoptr(BmbDavReply) reply = NULL;
  BmbDavRequest request = { .method = "DELETE", .url = href, .if_match = if_match };

  if (!(reply = bmb_dav_client_send (self->client, &request, cancellable, error)))
    return FALSE;
  if (reply->status == 404 || reply->status == 410)
    return TRUE;
  return bmb_dav_client_check (self->client, reply, href, error);
}

static char *
bmb_dav_collection_href_for_new (BmbSyncRemote *remote,
                                 const char    *name)
{
  BmbDavCollection *self = BMB_DAV_COLLECTION (remote);
  g_autofree char *escaped = g_uri_escape_string (name, NULL, FALSE);

  return g_strconcat (self->path, escaped, NULL);
}

static void
bmb_dav_collection_remote_init (BmbSyncRemoteInterface *iface)
{
  iface->get_kind = bmb_dav_collection_get_kind;
  iface->get_url = bmb_dav_collection_get_url;
  iface->supports_sync_collection = bmb_dav_collection_supports_sync_collection;
  iface->accepts_vcard4 = bmb_dav_collection_accepts_vcard4;
  iface->get_ctag = bmb_dav_collection_get_ctag;
  iface->list = bmb_dav_collection_list;
  iface->changes_since = bmb_dav_collection_changes_since;
  iface->fetch = bmb_dav_collection_fetch;
  iface->put = bmb_dav_collection_put;
  iface->delete = bmb_dav_collection_delete;
  iface->href_for_new = bmb_dav_collection_href_for_new;
}

/* ---- GObject --------------------------------------------------------------------------- */

static void
bmb_dav_collection_finalize (GObject *object)
{
  BmbDavCollection *self = BMB_DAV_COLLECTION (object);

  g_clear_object (&self->client);
  g_free (self->url);
  g_free (self->path);
  g_free (self->key);
  g_free (self->display_name);

  G_OBJECT_CLASS (bmb_dav_collection_parent_class)->finalize (object);
}

static void
bmb_dav_collection_class_init (BmbDavCollectionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bmb_dav_collection_finalize;
}

static void
bmb_dav_collection_init (BmbDavCollection *self)
{
}

/* ---- Public API ------------------------------------------------------------------------ */

BmbDavCollection *
bmb_dav_collection_new (BmbDavClient          *client,
                        BmbSyncCollectionKind  kind,
                        const char            *url,
                        gboolean               supports_sync_collection,
                        gboolean               accepts_vcard4)
{
  BmbDavCollection *self;
  g_autofree char *absolute = NULL;

  g_return_val_if_fail (BMB_IS_DAV_CLIENT (client), NULL);
  g_return_val_if_fail (url != NULL, NULL);

  absolute = bmb_dav_client_resolve (client, url);
  g_return_val_if_fail (absolute != NULL, NULL);

  self = g_object_new (BMB_TYPE_DAV_COLLECTION, NULL);
  self->client = g_object_ref (client);
  self->kind = kind;
  self->url = g_str_has_suffix (absolute, "/") ? g_steal_pointer (&absolute)
                                               : g_strconcat (absolute, "/", NULL);
  g_free (absolute);
  absolute = bmb_dav_url_get_path (self->url);
  self->path = bmb_dav_href_canonical (absolute);
  self->key = bmb_dav_href_normalize (self->path);
  self->supports_sync_collection = supports_sync_collection;
  self->accepts_vcard4 = accepts_vcard4;
  return self;
}

BmbDavCollection *
bmb_dav_collection_open (BmbDavClient           *client,
                         BmbSyncCollectionKind   kind,
                         const char             *url,
                         GCancellable           *cancellable,
                         GError                **error)
{
  g_autoptr(BmbDavCollection) self = NULL;
  g_autoptr(BmbDavMultistatus) reply = NULL;
  BmbDavResourceType wanted;

  g_return_val_if_fail (BMB_IS_DAV_CLIENT (client), NULL);
  g_return_val_if_fail (url != NULL, NULL);

  self = bmb_dav_collection_new (client, kind, url, FALSE, FALSE);
  reply = bmb_dav_client_propfind (client, self->url, "0", propfind_self, cancellable, error);
  if (reply == NULL)
    return NULL;

  wanted = kind == BMB_SYNC_COLLECTION_CALENDAR ? BMB_DAV_RESOURCE_CALENDAR
                                                : BMB_DAV_RESOURCE_ADDRESS_BOOK;
  for (guint i = 0; i < reply->responses->len; i++)
    {
      BmbDavResponse *response = g_ptr_array_index (reply->responses, i);

      if (!is_own_href (self, response->href) || !(response->resource_type & wanted))
        continue;
      self->supports_sync_collection = response->reports_sync_collection;
      self->accepts_vcard4 = response->vcard4;
      self->display_name = g_strdup (response->display_name);
      return g_steal_pointer (&self);
    }

  g_set_error (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_NOT_FOUND,
               kind == BMB_SYNC_COLLECTION_CALENDAR
               ? _("“%s” on %s is not a calendar.")
               : _("“%s” on %s is not an address book."),
               self->path, bmb_dav_client_get_server (client));
  return NULL;
}

BmbDavClient *
bmb_dav_collection_get_client (BmbDavCollection *self)
{
  g_return_val_if_fail (BMB_IS_DAV_COLLECTION (self), NULL);
  return self->client;
}

const char *
bmb_dav_collection_get_display_name (BmbDavCollection *self)
{
  g_return_val_if_fail (BMB_IS_DAV_COLLECTION (self), NULL);
  return self->display_name;
}
