/* bmb-dav-multistatus.h — a WebDAV multistatus reply (RFC 4918) read into plain structs
 *
 * Copyright 2026 The Bimbing Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Elements are matched by namespace URI through XPath with registered namespaces
 * (DAV:, CalDAV, CardDAV, http://calendarserver.org/ns/), never by prefix: servers use
 * "d:", "D:", "x1:" or none. Only properties in a propstat whose status is 200 count.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define BMB_DAV_NS_DAV       "DAV:"
#define BMB_DAV_NS_CALDAV    "urn:ietf:params:xml:ns:caldav"
#define BMB_DAV_NS_CARDDAV   "urn:ietf:params:xml:ns:carddav"
#define BMB_DAV_NS_CALSERVER "http://calendarserver.org/ns/"

typedef enum {
  BMB_DAV_RESOURCE_COLLECTION   = 1 << 0,
  BMB_DAV_RESOURCE_CALENDAR     = 1 << 1,
  BMB_DAV_RESOURCE_ADDRESS_BOOK = 1 << 2,
  BMB_DAV_RESOURCE_PRINCIPAL    = 1 << 3,
} BmbDavResourceType;

/* supported-calendar-component-set; 0 when the server did not say (then all are allowed). */
typedef enum {
  BMB_DAV_COMPONENT_VEVENT   = 1 << 0,
  BMB_DAV_COMPONENT_VTODO    = 1 << 1,
  BMB_DAV_COMPONENT_VJOURNAL = 1 << 2,
} BmbDavComponents;

typedef struct {
  /* The href as an absolute path in canonical form (bmb_dav_href_canonical()): an absolute
   * URL is cut to its path, a relative one resolved against the request's path. */
  char               *href;
  /* The response's own status (a removed member in sync-collection: 404); 0 when it
   * carries propstats instead. */
  guint               status;

  /* Properties found with 200; NULL/0/FALSE when absent. */
  char               *etag;
  char               *display_name;
  BmbDavResourceType  resource_type;
  BmbDavComponents    components;
  char               *ctag;
  char               *sync_token;
  gboolean            has_supported_report_set;
  gboolean            reports_sync_collection;
  gboolean            has_address_data_types;
  gboolean            vcard4;
  char               *current_user_principal;
  char               *calendar_home_set;
  char               *addressbook_home_set;
  /* calendar-data or address-data (multiget). */
  GBytes             *data;
} BmbDavResponse;

typedef struct {
  GPtrArray *responses;   /* BmbDavResponse */
  char      *sync_token;  /* the multistatus's own sync-token (sync-collection) */
  gboolean   truncated;   /* a 507 for the request URI: ask again with sync_token */
} BmbDavMultistatus;

BmbDavMultistatus *bmb_dav_multistatus_parse (const char  *data,
                                              gsize        length,
                                              const char  *request_path,
                                              const char  *server,
                                              GError     **error);
void               bmb_dav_multistatus_free  (BmbDavMultistatus *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BmbDavMultistatus, bmb_dav_multistatus_free)

/* TRUE when body is a DAV:error naming the precondition {ns}name, for example
 * (DAV:, valid-sync-token). */
gboolean           bmb_dav_error_has_condition (GBytes     *body,
                                                const char *ns,
                                                const char *name);

/* An href (path or URL) as the absolute path Bimbing stores and sends: percent-decoded,
 * then encoded again with only unreserved characters and "/" left as they are, so that
 * "a@b.ics" and "a%40b.ics" from two servers (or one server and Bimbing) are one string. */
char              *bmb_dav_href_canonical      (const char *href);
/* An href (path or URL) as a comparable key: percent-decoded path, no trailing slash. */
char              *bmb_dav_href_normalize      (const char *href);

G_END_DECLS
