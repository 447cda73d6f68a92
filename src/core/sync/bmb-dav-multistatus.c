/* bmb-dav-multistatus.c — a WebDAV multistatus reply read into plain structs
 *
 * Copyright 2026 The Bimbing Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bmb-dav"

#include "config.h"

#include <glib/gi18n.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "bmb-dav-multistatus.h"
#include "bmb-limits.h"
#include "bmb-sync-remote.h"

/* A propstat that says 200 ("HTTP/1.1 200 OK"). */
#define OK_PROP "d:propstat[starts-with(normalize-space(substring-after(d:status, ' ')), '200')]/d:prop/"

typedef struct {
  xmlDocPtr          doc;
  xmlXPathContextPtr xpath;
} Reader;

static void
reader_clear (Reader *reader)
{
  g_clear_pointer (&reader->xpath, xmlXPathFreeContext);
  g_clear_pointer (&reader->doc, xmlFreeDoc);
}

static gboolean
reader_open (Reader     *reader,
             const char *data,
             gsize       length)
{
  memset (reader, 0, sizeof *reader);
  if (data == NULL || length == 0 || length > BMB_LIMIT_DAV_REPLY_BYTES)
    return FALSE;

  /* No network, no entity expansion, no DTD loading; errors stay quiet. */
  reader->doc = xmlReadMemory (data, (int)length, "reply.xml", NULL,
                               XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (reader->doc == NULL || xmlDocGetRootElement (reader->doc) == NULL)
    {
      reader_clear (reader);
      return FALSE;
    }

  reader->xpath = xmlXPathNewContext (reader->doc);
  xmlXPathRegisterNs (reader->xpath, BAD_CAST "d", BAD_CAST BMB_DAV_NS_DAV);
  xmlXPathRegisterNs (reader->xpath, BAD_CAST "c", BAD_CAST BMB_DAV_NS_CALDAV);
  xmlXPathRegisterNs (reader->xpath, BAD_CAST "card", BAD_CAST BMB_DAV_NS_CARDDAV);
  xmlXPathRegisterNs (reader->xpath, BAD_CAST "cs", BAD_CAST BMB_DAV_NS_CALSERVER);
  return TRUE;
}

static xmlXPathObjectPtr
reader_eval (Reader     *reader,
             xmlNodePtr  node,
             const char *expr)
{
  xmlXPathObjectPtr result;

  reader->xpath->node = node;
  result = xmlXPathEvalExpression (BAD_CAST expr, reader->xpath);
  if (result != NULL && result->type == XPATH_NODESET && xmlXPathNodeSetIsEmpty (result->nodesetval))
    g_clear_pointer (&result, xmlXPathFreeObject);
  return result;
}

static gboolean
reader_has (Reader     *reader,
            xmlNodePtr  node,
            const char *expr)
{
  xmlXPathObjectPtr result = reader_eval (reader, node, expr);
  gboolean found = result != NULL;

  g_clear_pointer (&result, xmlXPathFreeObject);
  return found;
}

/* The text of the first match, trimmed; NULL when nothing matches. */
static char *
reader_text (Reader     *reader,
             xmlNodePtr  node,
             const char *expr,
             gboolean    trim)
{
  xmlXPathObjectPtr result = reader_eval (reader, node, expr);
  xmlChar *content;
  char *text;

  if (result == NULL || result->type != XPATH_NODESET)
    {
      g_clear_pointer (&result, xmlXPathFreeObject);
      return NULL;
    }

  content = xmlNodeGetContent (result->nodesetval->nodeTab[0]);
  text = g_strdup (content != NULL ? (const char *)content : "");
  xmlFree (content);
  xmlXPathFreeObject (result);
  if (trim)
    g_strstrip (text);
  return text;
}

/* "HTTP/1.1 404 Not Found" → 404; 0 when unreadable. */
static guint
parse_status_line (const char *line)
{
  const char *space;
  guint64 code = 0;

  if (line == NULL || !(space = strchr (line, ' ')))
    return 0;
  while (*space == ' ')
    space++;
  if (!g_ascii_isdigit (space[0]) || !g_ascii_isdigit (space[1]) ||
      !g_ascii_isdigit (space[2]))
    return 0;
  code = (space[0] - '0') * 100 + (space[1] - '0') * 10 + (space[2] - '0');
  return (guint)code;
}

/* An href to an absolute path: an absolute URL keeps its path (and query); a relative
 * one is resolved against the request's path. */
static char *
href_to_path (const char *href,
              const char *request_path)
{
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GUri) base = NULL;
  g_autoptr(GUri) resolved = NULL;
  g_autofree char *base_text = NULL;

  if (href == NULL || *href == '\0')
    return NULL;
  if (*href == '/')
    return g_strdup (href);

  if ((uri = g_uri_parse (href, G_URI_FLAGS_ENCODED, NULL)) != NULL)
    {
      const char *path = g_uri_get_path (uri);

      /* "mailto:x" and the like name nothing on the server. */
      if (*path != '\0' && *path != '/')
        return NULL;
      return g_strdup (*path ? path : "/");
    }

  base_text = g_strconcat ("http://base", request_path ? request_path : "/", NULL);
  if ((base = g_uri_parse (base_text, G_URI_FLAGS_ENCODED, NULL)) == NULL ||
      (resolved = g_uri_parse_relative (base, href, G_URI_FLAGS_ENCODED, NULL)) == NULL)
    return NULL;
  return g_strdup (g_uri_get_path (resolved));
}

static void
response_free (BmbDavResponse *response)
{
  g_free (response->href);
  g_free (response->etag);
  g_free (response->display_name);
  g_free (response->ctag);
  g_free (response->sync_token);
  g_free (response->current_user_principal);
  g_free (response->calendar_home_set);
  g_free (response->addressbook_home_set);
  g_clear_pointer (&response->data, g_bytes_unref);
  g_free (response);
}

static char *
canonical_path (const char *path)
{
  g_autofree char *decoded = NULL;

  if (path == NULL)
    return NULL;
  /* "%2F" inside a segment would become a separator: such a path stays as it is. */
  if (strstr (path, "%2F") != NULL || strstr (path, "%2f") != NULL ||
      (decoded = g_uri_unescape_string (path, NULL)) == NULL)
    return g_strdup (path);
  return g_uri_escape_string (decoded, "/", FALSE);
}

static char *
reader_href (Reader     *reader,
             xmlNodePtr  node,
             const char *expr,
             const char *request_path)
{
  g_autofree char *text = reader_text (reader, node, expr, TRUE);
  g_autofree char *path = href_to_path (text, request_path);

  return canonical_path (path);
}

static BmbDavResponse *
read_response (Reader     *reader,
               xmlNodePtr  node,
               const char *request_path)
{
  BmbDavResponse *response = g_new0 (BmbDavResponse, 1);
  g_autofree char *status = NULL;
  g_autofree char *data = NULL;
  xmlXPathObjectPtr comps;

  response->href = reader_href (reader, node, "d:href", request_path);
  if ((status = reader_text (reader, node, "d:status", TRUE)) != NULL)
    response->status = parse_status_line (status);

  response->etag = reader_text (reader, node, OK_PROP "d:getetag", TRUE);
  response->display_name = reader_text (reader, node, OK_PROP "d:displayname", TRUE);
  response->ctag = reader_text (reader, node, OK_PROP "cs:getctag", TRUE);
  response->sync_token = reader_text (reader, node, OK_PROP "d:sync-token", TRUE);

  if (reader_has (reader, node, OK_PROP "d:resourcetype/d:collection"))
    response->resource_type |= BMB_DAV_RESOURCE_COLLECTION;
  if (reader_has (reader, node, OK_PROP "d:resourcetype/c:calendar"))
    response->resource_type |= BMB_DAV_RESOURCE_CALENDAR;
  if (reader_has (reader, node, OK_PROP "d:resourcetype/card:addressbook"))
    response->resource_type |= BMB_DAV_RESOURCE_ADDRESS_BOOK;
  if (reader_has (reader, node, OK_PROP "d:resourcetype/d:principal"))
    response->resource_type |= BMB_DAV_RESOURCE_PRINCIPAL;

  if ((comps = reader_eval (reader, node, OK_PROP "c:supported-calendar-component-set/c:comp")))
    {
      for (int i = 0; i < comps->nodesetval->nodeNr; i++)
        {
          xmlChar *name = xmlGetProp (comps->nodesetval->nodeTab[i], BAD_CAST "name");

          if (name == NULL)
            continue;
          if (g_ascii_strcasecmp ((const char *)name, "VEVENT") == 0)
            response->components |= BMB_DAV_COMPONENT_VEVENT;
          else if (g_ascii_strcasecmp ((const char *)name, "VTODO") == 0)
            response->components |= BMB_DAV_COMPONENT_VTODO;
          else if (g_ascii_strcasecmp ((const char *)name, "VJOURNAL") == 0)
            response->components |= BMB_DAV_COMPONENT_VJOURNAL;
          xmlFree (name);
        }
      xmlXPathFreeObject (comps);
    }

  response->has_supported_report_set = reader_has (reader, node, OK_PROP "d:supported-report-set");
  response->reports_sync_collection =
    reader_has (reader, node, OK_PROP "d:supported-report-set/d:supported-report/d:report/d:sync-collection");
  response->has_address_data_types =
    reader_has (reader, node, OK_PROP "card:supported-address-data/card:address-data-type");
  response->vcard4 =
    reader_has (reader, node, OK_PROP "card:supported-address-data/card:address-data-type[@version='4.0']");

  response->current_user_principal =
    reader_href (reader, node, OK_PROP "d:current-user-principal/d:href", request_path);
  response->calendar_home_set =
    reader_href (reader, node, OK_PROP "c:calendar-home-set/d:href", request_path);
  response->addressbook_home_set =
    reader_href (reader, node, OK_PROP "card:addressbook-home-set/d:href", request_path);

  if ((data = reader_text (reader, node, OK_PROP "c:calendar-data", FALSE)) == NULL)
    data = reader_text (reader, node, OK_PROP "card:address-data", FALSE);
  if (data != NULL)
    {
      gsize len = strlen (data);

      response->data = g_bytes_new_take (g_steal_pointer (&data), len);
    }

  return response;
}

BmbDavMultistatus *
bmb_dav_multistatus_parse (const char  *data,
                           gsize        length,
                           const char  *request_path,
                           const char  *server,
                           GError     **error)
{
  g_autoptr(BmbDavMultistatus) self = NULL;
  xmlXPathObjectPtr nodes;
  Reader reader;

  g_return_val_if_fail (server != NULL, NULL);

  if (length > BMB_LIMIT_DAV_REPLY_BYTES)
    {
      g_set_error (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_SERVER,
                   _("The reply of %s is larger than %d MB; Bimbing does not read it."),
                   server, (int)(BMB_LIMIT_DAV_REPLY_BYTES / (1024 * 1024)));
      return NULL;
    }
  if (!reader_open (&reader, data, length))
    {
      g_set_error (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_SERVER,
                   _("The reply of %s could not be read (not valid XML)."), server);
      return NULL;
    }
  if (!reader_has (&reader, NULL, "/d:multistatus"))
    {
      reader_clear (&reader);
      g_set_error (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_SERVER,
                   _("The reply of %s could not be read (no WebDAV multistatus)."), server);
      return NULL;
    }

  self = g_new0 (BmbDavMultistatus, 1);
  self->responses = g_ptr_array_new_with_free_func ((GDestroyNotify)response_free);
  self->sync_token = reader_text (&reader, NULL, "/d:multistatus/d:sync-token", TRUE);

  if ((nodes = reader_eval (&reader, NULL, "/d:multistatus/d:response")))
    {
      for (int i = 0; i < nodes->nodesetval->nodeNr; i++)
        {
          BmbDavResponse *response = read_response (&reader, nodes->nodesetval->nodeTab[i],
                                                    request_path);

          if (response->href == NULL)
            {
              response_free (response);
              continue;
            }
          /* RFC 6578 §3.6: a 507 for the request URI says the results were truncated. */
          if (response->status == 507)
            {
              self->truncated = TRUE;
              response_free (response);
              continue;
            }
          g_ptr_array_add (self->responses, response);
        }
      xmlXPathFreeObject (nodes);
    }

  reader_clear (&reader);
  return g_steal_pointer (&self);
}

void
bmb_dav_multistatus_free (BmbDavMultistatus *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->responses, g_ptr_array_unref);
  g_free (self->sync_token);
  g_free (self);
}

gboolean
bmb_dav_error_has_condition (GBytes     *body,
                             const char *ns,
                             const char *name)
{
  g_autofree char *expr = NULL;
  gboolean found;
  const char *data;
  gsize length = 0;
  Reader reader;

  g_return_val_if_fail (ns != NULL && name != NULL, FALSE);

  if (body == NULL)
    return FALSE;
  data = g_bytes_get_data (body, &length);
  if (!reader_open (&reader, data, length))
    return FALSE;

  xmlXPathRegisterNs (reader.xpath, BAD_CAST "x", BAD_CAST ns);
  expr = g_strdup_printf ("/d:error/x:%s", name);
  found = reader_has (&reader, NULL, expr);
  reader_clear (&reader);
  return found;
}

char *
bmb_dav_href_canonical (const char *href)
{
  g_autofree char *path = href_to_path (href, "/");

  return canonical_path (path);
}

char *
bmb_dav_href_normalize (const char *href)
{
  g_autofree char *path = href_to_path (href, "/");
  g_autofree char *decoded = NULL;
  gsize len;

  if (path == NULL)
    return g_strdup ("");
  decoded = g_uri_unescape_string (path, NULL);
  if (decoded == NULL)
    decoded = g_strdup (path);
  len = strlen (decoded);
  while (len > 1 && decoded[len - 1] == '/')
    decoded[--len] = '\0';
  return g_steal_pointer (&decoded);
}
