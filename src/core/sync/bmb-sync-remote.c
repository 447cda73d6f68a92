/* bmb-sync-remote.c — what the sync engine needs of a server collection
 *
 * Copyright 2026 The Bimbing Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bmb-sync-remote.h"

G_DEFINE_QUARK (bmb-sync-error-quark, bmb_sync_error)
G_DEFINE_INTERFACE (BmbSyncRemote, bmb_sync_remote, G_TYPE_OBJECT)

static void
bmb_sync_remote_default_init (BmbSyncRemoteInterface *iface)
{
}

BmbSyncResource *
bmb_sync_resource_new (const char *href,
                       const char *etag,
                       GBytes     *data)
{
  BmbSyncResource *resource = g_new0 (BmbSyncResource, 1);

  resource->href = g_strdup (href);
  resource->etag = g_strdup (etag);
  resource->data = data ? g_bytes_ref (data) : NULL;
  return resource;
}

void
bmb_sync_resource_free (BmbSyncResource *resource)
{
  if (resource == NULL)
    return;
  g_free (resource->href);
  g_free (resource->etag);
  g_clear_pointer (&resource->data, g_bytes_unref);
  g_free (resource);
}

BmbSyncCollectionKind
bmb_sync_remote_get_kind (BmbSyncRemote *self)
{
  g_return_val_if_fail (BMB_IS_SYNC_REMOTE (self), BMB_SYNC_COLLECTION_CALENDAR);
  return BMB_SYNC_REMOTE_GET_IFACE (self)->get_kind (self);
}

const char *
bmb_sync_remote_get_url (BmbSyncRemote *self)
{
  g_return_val_if_fail (BMB_IS_SYNC_REMOTE (self), NULL);
  return BMB_SYNC_REMOTE_GET_IFACE (self)->get_url (self);
}

gboolean
bmb_sync_remote_supports_sync_collection (BmbSyncRemote *self)
{
  g_return_val_if_fail (BMB_IS_SYNC_REMOTE (self), FALSE);
  return BMB_SYNC_REMOTE_GET_IFACE (self)->supports_sync_collection (self);
}

gboolean
bmb_sync_remote_accepts_vcard4 (BmbSyncRemote *self)
{
  BmbSyncRemoteInterface *iface;

  g_return_val_if_fail (BMB_IS_SYNC_REMOTE (self), FALSE);
  iface = BMB_SYNC_REMOTE_GET_IFACE (self);
  return iface->accepts_vcard4 != NULL && iface->accepts_vcard4 (self);
}

char *
bmb_sync_remote_get_ctag (BmbSyncRemote  *self,
                          GCancellable   *cancellable,
                          GError        **error)
{
  g_return_val_if_fail (BMB_IS_SYNC_REMOTE (self), NULL);
  return BMB_SYNC_REMOTE_GET_IFACE (self)->get_ctag (self, cancellable, error);
}

GPtrArray *
bmb_sync_remote_list (BmbSyncRemote  *self,
                      GCancellable   *cancellable,
                      GError        **error)
{
  g_return_val_if_fail (BMB_IS_SYNC_REMOTE (self), NULL);
  return BMB_SYNC_REMOTE_GET_IFACE (self)->list (self, cancellable, error);
}

char *
bmb_sync_remote_changes_since (BmbSyncRemote  *self,
                               const char     *token,
                               GPtrArray     **changed,
                               GPtrArray     **removed,
                               GCancellable   *cancellable,
                               GError        **error)
{
  g_return_val_if_fail (BMB_IS_SYNC_REMOTE (self), NULL);
  g_return_val_if_fail (changed != NULL && removed != NULL, NULL);
  return BMB_SYNC_REMOTE_GET_IFACE (self)->changes_since (self, token, changed, removed,
                                                          cancellable, error);
}

GPtrArray *
bmb_sync_remote_fetch (BmbSyncRemote       *self,
                       const char * const  *hrefs,
                       GCancellable        *cancellable,
                       GError             **error)
{
  g_return_val_if_fail (BMB_IS_SYNC_REMOTE (self), NULL);
  return BMB_SYNC_REMOTE_GET_IFACE (self)->fetch (self, hrefs, cancellable, error);
}

char *
bmb_sync_remote_put (BmbSyncRemote  *self,
                     const char     *href,
                     GBytes         *data,
                     const char     *if_match,
                     GCancellable   *cancellable,
                     GError        **error)
{
  g_return_val_if_fail (BMB_IS_SYNC_REMOTE (self), NULL);
  g_return_val_if_fail (href != NULL && data != NULL, NULL);
  return BMB_SYNC_REMOTE_GET_IFACE (self)->put (self, href, data, if_match, cancellable, error);
}

gboolean
bmb_sync_remote_delete (BmbSyncRemote  *self,
                        const char     *href,
                        const char     *if_match,
                        GCancellable   *cancellable,
                        GError        **error)
{
  g_return_val_if_fail (BMB_IS_SYNC_REMOTE (self), FALSE);
  g_return_val_if_fail (href != NULL, FALSE);
  return BMB_SYNC_REMOTE_GET_IFACE (self)->delete (self, href, if_match, cancellable, error);
}

char *
bmb_sync_remote_href_for_new (BmbSyncRemote *self,
                              const char    *name)
{
  g_return_val_if_fail (BMB_IS_SYNC_REMOTE (self), NULL);
  return BMB_SYNC_REMOTE_GET_IFACE (self)->href_for_new (self, name);
}
