/* bmb-dav-discovery.c — finding a user's calendars and address books (RFC 6764)
 *
 * Copyright 2026 The Bimbing Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bmb-dav"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-dav-discovery.h"

static const char propfind_principal[] =
  "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
  "<d:propfind xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\""
  " xmlns:card=\"urn:ietf:params:xml:ns:carddav\">"
  "<d:prop><d:current-user-principal/><d:resourcetype/>"
  "<c:calendar-home-set/><card:addressbook-home-set/></d:prop></d:propfind>";

static const char propfind_collections[] =
  "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
  "<d:propfind xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\""
  " xmlns:card=\"urn:ietf:params:xml:ns:carddav\" xmlns:cs=\"http://calendarserver.org/ns/\">"
  "<d:prop><d:resourcetype/><d:displayname/><c:supported-calendar-component-set/>"
  "<d:sync-token/><cs:getctag/><d:supported-report-set/><card:supported-address-data/>"
  "</d:prop></d:propfind>";

void
bmb_dav_collection_info_free (BmbDavCollectionInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->url);
  g_free (info->display_name);
  g_free (info->ctag);
  g_free (info->sync_token);
  g_free (info);
}

void
bmb_dav_discovery_free (BmbDavDiscovery *discovery)
{
  if (discovery == NULL)
    return;
  g_free (discovery->principal_url);
  g_free (discovery->calendar_home_url);
  g_free (discovery->addressbook_home_url);
  g_clear_pointer (&discovery->calendars, g_ptr_array_unref);
  g_clear_pointer (&discovery->address_books, g_ptr_array_unref);
  g_free (discovery);
}

/* ---- Guessing the server from what the user typed -------------------------------------- */

char *
bmb_dav_guess_server_url (const char    *address,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autofree char *text = g_strstrip (g_strdup (address ? address : ""));
  g_autoptr(GUri) uri = NULL;
  const char *at;

  if (*text == '\0')
    {
      g_set_error_literal (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_FAILED,
                           _("Enter the address of the server, or your e-mail address."));
      return NULL;
    }

  if (strstr (text, "://") == NULL && (at = strrchr (text, '@')) != NULL)
    {
      const char *domain = at + 1;
      g_autoptr(GResolver) resolver = g_resolver_get_default ();
      GList *targets;

      if (*domain == '\0' || strchr (domain, '/') != NULL)
        {
          g_set_error (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_FAILED,
                       _("“%s” is neither an e-mail address nor a server address."), text);
          return NULL;
        }

      /* RFC 6764 §3: _caldavs._tcp.DOMAIN names the host; fall back to the domain. */
      targets = g_resolver_lookup_service (resolver, "caldavs", "tcp", domain, cancellable, NULL);
      if (targets != NULL)
        {
          GSrvTarget *target = targets->data;
          char *url;

          if (g_srv_target_get_port (target) == 443)
            url = g_strdup_printf ("https://%s/", g_srv_target_get_hostname (target));
          else
            url = g_strdup_printf ("https://%s:%u/", g_srv_target_get_hostname (target),
                                   g_srv_target_get_port (target));
          g_resolver_free_targets (targets);
          return url;
        }
      return g_strdup_printf ("https://%s/", domain);
    }

  if (strstr (text, "://") == NULL)
    {
      char *with_scheme = g_strconcat ("https://", text, NULL);

      g_free (text);
      text = with_scheme;
    }

  uri = g_uri_parse (text, G_URI_FLAGS_ENCODED, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0' ||
      (g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") != 0 &&
       g_ascii_strcasecmp (g_uri_get_scheme (uri), "http") != 0))
    {
      g_set_error (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_FAILED,
                   _("“%s” is not a server address Bimbing can use: it must start with "
                     "https:// (or http://) and name a host."), address);
      return NULL;
    }
  return g_steal_pointer (&text);
}

/* ---- Discovery ------------------------------------------------------------------------- */

static BmbDavCollectionInfo *
info_from_response (BmbDavClient   *client,
                    BmbDavResponse *response)
{
  BmbDavCollectionInfo *info;
  g_autofree char *url = NULL;

  if (!(response->resource_type & (BMB_DAV_RESOURCE_CALENDAR | BMB_DAV_RESOURCE_ADDRESS_BOOK)))
    return NULL;
  if (!(url = bmb_dav_client_resolve (client, response->href)))
    return NULL;

  info = g_new0 (BmbDavCollectionInfo, 1);
  info->url = g_str_has_suffix (url, "/") ? g_steal_pointer (&url) : g_strconcat (url, "/", NULL);
  info->kind = (response->resource_type & BMB_DAV_RESOURCE_CALENDAR)
               ? BMB_SYNC_COLLECTION_CALENDAR : BMB_SYNC_COLLECTION_ADDRESS_BOOK;
  info->display_name = g_strdup (response->display_name);
  info->components = response->components;
  info->supports_sync_collection = response->reports_sync_collection;
  info->accepts_vcard4 = response->vcard4;
  info->ctag = g_strdup (response->ctag);
  info->sync_token = g_strdup (response->sync_token);
  return info;
}

static gboolean
list_home (BmbDavClient   *client,
           const char     *home_url,
           GPtrArray      *calendars,
           GPtrArray      *address_books,
           GCancellable   *cancellable,
           GError        **error)
{
  g_autoptr(BmbDavMultistatus) reply = NULL;

  reply = bmb_dav_client_propfind (client, home_url, "1", propfind_collections, cancellable,
                                   error);
  if (reply == NULL)
    return FALSE;

  for (guint i = 0; i < reply->responses->len; i++)
    {
      BmbDavCollectionInfo *info = info_from_response (client,
                                                       g_ptr_array_index (reply->responses, i));
      gboolean seen = FALSE;
      GPtrArray *into;

      if (info == NULL)
        continue;
      into = info->kind == BMB_SYNC_COLLECTION_CALENDAR ? calendars : address_books;
      /* One home can hold both kinds, and both homes can be the same folder. */
      for (guint j = 0; j < into->len && !seen; j++)
        seen = g_strcmp0 (((BmbDavCollectionInfo *)g_ptr_array_index (into, j))->url,
                          info->url) == 0;
      if (seen)
        bmb_dav_collection_info_free (info);
      else
        g_ptr_array_add (into, info);
    }
  return TRUE;
}

/* When a redirect took the request to another host, the client follows it there. */
static void
follow_origin (BmbDavClient *client,
               const char   *answered_url)
{
  g_autoptr(GUri) answered = g_uri_parse (answered_url, G_URI_FLAGS_ENCODED, NULL);
  g_autoptr(GUri) base = g_uri_parse (bmb_dav_client_get_base_url (client),
                                      G_URI_FLAGS_ENCODED, NULL);
  g_autofree char *origin = NULL;

  if (answered == NULL || base == NULL)
    return;
  if (g_ascii_strcasecmp (g_uri_get_scheme (answered), g_uri_get_scheme (base)) == 0 &&
      g_ascii_strcasecmp (g_uri_get_host (answered), g_uri_get_host (base)) == 0 &&
      g_uri_get_port (answered) == g_uri_get_port (base))
    return;

  origin = g_uri_join (G_URI_FLAGS_ENCODED, g_uri_get_scheme (answered), NULL,
                       g_uri_get_host (answered), g_uri_get_port (answered), "/", NULL, NULL);
  g_debug ("Discovery moved to %s", origin);
  bmb_dav_client_set_base_url (client, origin);
}

/* PROPFIND for the principal (and home sets) at path. FALSE with error set on a failure
 * that ends discovery (the network, the credentials); FALSE without error when this path
 * has nothing (try the next). */
static gboolean
probe (BmbDavClient     *client,
       const char       *path,
       BmbDavDiscovery  *discovery,
       GCancellable     *cancellable,
       GError          **error)
{
  g_autoptr(GBytes) body = g_bytes_new_static (propfind_principal, strlen (propfind_principal));
  g_autoptr(BmbDavReply) reply = NULL;
  g_autoptr(BmbDavMultistatus) multistatus = NULL;
  g_autofree char *answered_path = NULL;
  BmbDavRequest request = {
    .method = "PROPFIND",
    .url = path,
    .depth = "0",
    .content_type = "application/xml; charset=utf-8",
    .body = body,
  };
  const char *data;
  gsize length;

  if (!(reply = bmb_dav_client_send (client, &request, cancellable, error)))
    return FALSE;
  if (reply->status == 401)
    return bmb_dav_client_check (client, reply, path, error);
  if (reply->status != 207)
    {
      if (reply->status >= 500)
        g_debug ("Discovery: %s answered %u", path, reply->status);
      return FALSE;
    }

  follow_origin (client, reply->url);
  answered_path = bmb_dav_url_get_path (reply->url);
  data = g_bytes_get_data (reply->body, &length);
  if (!(multistatus = bmb_dav_multistatus_parse (data, length, answered_path,
                                                 bmb_dav_client_get_server (client), NULL)))
    return FALSE;

  for (guint i = 0; i < multistatus->responses->len; i++)
    {
      BmbDavResponse *response = g_ptr_array_index (multistatus->responses, i);

      if (response->current_user_principal != NULL && discovery->principal_url == NULL)
        discovery->principal_url = bmb_dav_client_resolve (client,
                                                           response->current_user_principal);
      if (response->calendar_home_set != NULL && discovery->calendar_home_url == NULL)
        discovery->calendar_home_url = bmb_dav_client_resolve (client,
                                                               response->calendar_home_set);
      if (response->addressbook_home_set != NULL && discovery->addressbook_home_url == NULL)
        discovery->addressbook_home_url = bmb_dav_client_resolve (client,
                                                                  response->addressbook_home_set);
    }

  return discovery->principal_url != NULL || discovery->calendar_home_url != NULL ||
         discovery->addressbook_home_url != NULL;
}

BmbDavDiscovery *
bmb_dav_discover (BmbDavClient  *client,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(BmbDavDiscovery) discovery = g_new0 (BmbDavDiscovery, 1);
  g_autofree char *base_path = NULL;
  const char *candidates[5];
  guint n = 0;
  gboolean found = FALSE;

  g_return_val_if_fail (BMB_IS_DAV_CLIENT (client), NULL);

  discovery->calendars = g_ptr_array_new_with_free_func ((GDestroyNotify)bmb_dav_collection_info_free);
  discovery->address_books = g_ptr_array_new_with_free_func ((GDestroyNotify)bmb_dav_collection_info_free);

  base_path = bmb_dav_url_get_path (bmb_dav_client_get_base_url (client));
  if (g_strcmp0 (base_path, "/") != 0)
    candidates[n++] = base_path;
  candidates[n++] = "/.well-known/caldav";
  candidates[n++] = "/.well-known/carddav";
  candidates[n++] = "/";
  candidates[n] = NULL;

  for (guint i = 0; i < n && !found; i++)
    {
      GError *local_error = NULL;

      found = probe (client, candidates[i], discovery, cancellable, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return NULL;
        }
    }

  if (!found)
    {
      g_set_error (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_NOT_FOUND,
                   _("%s offers no calendars or address books (CalDAV or CardDAV) that "
                     "Bimbing could find. Check the address."),
                   bmb_dav_client_get_server (client));
      return NULL;
    }

  /* The principal names the homes (RFC 4791 §6.2.1, RFC 6352 §7.1.1). */
  if (discovery->principal_url != NULL &&
      (discovery->calendar_home_url == NULL || discovery->addressbook_home_url == NULL))
    {
      g_autoptr(BmbDavMultistatus) reply = NULL;

      reply = bmb_dav_client_propfind (client, discovery->principal_url, "0",
                                       propfind_principal, cancellable, error);
      if (reply == NULL)
        return NULL;
      for (guint i = 0; i < reply->responses->len; i++)
        {
          BmbDavResponse *response = g_ptr_array_index (reply->responses, i);

          if (response->calendar_home_set != NULL && discovery->calendar_home_url == NULL)
            discovery->calendar_home_url = bmb_dav_client_resolve (client,
                                                                   response->calendar_home_set);
          if (response->addressbook_home_set != NULL && discovery->addressbook_home_url == NULL)
            discovery->addressbook_home_url =
              bmb_dav_client_resolve (client, response->addressbook_home_set);
        }
    }

  if (discovery->calendar_home_url == NULL && discovery->addressbook_home_url == NULL)
    {
      g_set_error (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_NOT_FOUND,
                   _("%s names no folder for the calendars or address books of “%s”."),
                   bmb_dav_client_get_server (client), bmb_dav_client_get_username (client));
      return NULL;
    }

  if (discovery->calendar_home_url != NULL &&
      !list_home (client, discovery->calendar_home_url, discovery->calendars,
                  discovery->address_books, cancellable, error))
    return NULL;
  if (discovery->addressbook_home_url != NULL &&
      g_strcmp0 (discovery->addressbook_home_url, discovery->calendar_home_url) != 0 &&
      !list_home (client, discovery->addressbook_home_url, discovery->calendars,
                  discovery->address_books, cancellable, error))
    return NULL;

  return g_steal_pointer (&discovery);
}

BmbDavCollectionInfo *
bmb_dav_discovery_find_bimbing (BmbDavDiscovery      *discovery,
                                BmbSyncCollectionKind kind)
{
  GPtrArray *list;

  g_return_val_if_fail (discovery != NULL, NULL);

  list = kind == BMB_SYNC_COLLECTION_CALENDAR ? discovery->calendars : discovery->address_books;
  for (guint i = 0; i < list->len; i++)
    {
      BmbDavCollectionInfo *info = g_ptr_array_index (list, i);

      if (info->display_name == NULL ||
          g_ascii_strcasecmp (info->display_name, BMB_DAV_COLLECTION_NAME) != 0)
        continue;
      /* A calendar must hold sessions and action items. */
      if (kind == BMB_SYNC_COLLECTION_CALENDAR && info->components != 0 &&
          (info->components & (BMB_DAV_COMPONENT_VEVENT | BMB_DAV_COMPONENT_VTODO)) !=
          (BMB_DAV_COMPONENT_VEVENT | BMB_DAV_COMPONENT_VTODO))
        continue;
      return info;
    }
  return NULL;
}

/* ---- Creating -------------------------------------------------------------------------- */

static char *
create_xml (BmbSyncCollectionKind kind,
            const char           *display_name,
            gboolean              journals)
{
  g_autofree char *name = g_markup_escape_text (display_name, -1);

  if (kind == BMB_SYNC_COLLECTION_ADDRESS_BOOK)
    return g_strdup_printf ("<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                            "<d:mkcol xmlns:d=\"DAV:\" xmlns:card=\"urn:ietf:params:xml:ns:carddav\">"
                            "<d:set><d:prop><d:resourcetype><d:collection/><card:addressbook/>"
                            "</d:resourcetype><d:displayname>%s</d:displayname></d:prop></d:set>"
                            "</d:mkcol>", name);

  return g_strdup_printf ("<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                          "<c:mkcalendar xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\">"
                          "<d:set><d:prop><d:displayname>%s</d:displayname>"
                          "<c:supported-calendar-component-set>"
                          "<c:comp name=\"VEVENT\"/><c:comp name=\"VTODO\"/>%s"
                          "</c:supported-calendar-component-set></d:prop></d:set></c:mkcalendar>",
                          name, journals ? "<c:comp name=\"VJOURNAL\"/>" : "");
}

static BmbDavReply *
send_create (BmbDavClient          *client,
             BmbSyncCollectionKind  kind,
             const char            *url,
             const char            *display_name,
             gboolean               journals,
             GCancellable          *cancellable,
             GError               **error)
{
  char *xml = create_xml (kind, display_name, journals);
  gsize length = strlen (xml);
  g_autoptr(GBytes) body = g_bytes_new_take (xml, length);
  BmbDavRequest request = {
    .method = kind == BMB_SYNC_COLLECTION_CALENDAR ? "MKCALENDAR" : "MKCOL",
    .url = url,
    .content_type = "application/xml; charset=utf-8",
    .body = body,
  };

  return bmb_dav_client_send (client, &request, cancellable, error);
}

BmbDavCollectionInfo *
bmb_dav_create_collection (BmbDavClient          *client,
                           BmbSyncCollectionKind  kind,
                           const char            *home_url,
                           const char            *display_name,
                           GCancellable          *cancellable,
                           GError               **error)
{
  g_autofree char *home = NULL;
  g_autofree char *url = NULL;
  g_autoptr(BmbDavReply) reply = NULL;
  g_autoptr(BmbDavMultistatus) readback = NULL;

  g_return_val_if_fail (BMB_IS_DAV_CLIENT (client), NULL);
  g_return_val_if_fail (home_url != NULL && display_name != NULL, NULL);

  home = g_str_has_suffix (home_url, "/") ? g_strdup (home_url) : g_strconcat (home_url, "/", NULL);

  /* "bimbing/" (calendar) or "bimbing-contacts/", with "-XXXXXXXX" added when something
   * already lives there. */
  for (guint attempt = 0; attempt < 3; attempt++)
    {
      const char *base = kind == BMB_SYNC_COLLECTION_CALENDAR ? "bimbing" : "bimbing-contacts";
      g_autofree char *segment = NULL;

      if (attempt == 0)
        segment = g_strdup_printf ("%s/", base);
      else
        {
          g_autofree char *uuid = g_uuid_string_random ();

          uuid[8] = '\0';
          segment = g_strdup_printf ("%s-%s/", base, uuid);
        }
      g_free (url);
      url = g_strconcat (home, segment, NULL);
      g_clear_pointer (&reply, bmb_dav_reply_free);

      if (!(reply = send_create (client, kind, url, display_name, TRUE, cancellable, error)))
        return NULL;
      /* A server that refuses journals in calendars (403/400/409 on the component set). */
      if (kind == BMB_SYNC_COLLECTION_CALENDAR &&
          (reply->status == 403 || reply->status == 400 || reply->status == 409))
        {
          g_clear_pointer (&reply, bmb_dav_reply_free);
          if (!(reply = send_create (client, kind, url, display_name, FALSE, cancellable, error)))
            return NULL;
        }
      if (reply->status != 405)
        break;
    }

  if (!bmb_dav_client_check (client, reply, url, error))
    {
      g_prefix_error (error, kind == BMB_SYNC_COLLECTION_CALENDAR
                             ? _("The calendar “%s” could not be created: ")
                             : _("The address book “%s” could not be created: "),
                      display_name);
      return NULL;
    }

  readback = bmb_dav_client_propfind (client, url, "0", propfind_collections, cancellable, error);
  if (readback == NULL)
    return NULL;
  for (guint i = 0; i < readback->responses->len; i++)
    {
      BmbDavCollectionInfo *info = info_from_response (client,
                                                       g_ptr_array_index (readback->responses, i));

      if (info != NULL && info->kind == kind)
        return info;
      bmb_dav_collection_info_free (info);
    }

  g_set_error (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_SERVER,
               kind == BMB_SYNC_COLLECTION_CALENDAR
               ? _("%s created “%s” but does not list it as a calendar.")
               : _("%s created “%s” but does not list it as an address book."),
               bmb_dav_client_get_server (client), display_name);
  return NULL;
}
