/* test-dav-multistatus.c — reading multistatus replies of several servers by namespace,
 * and the collection's protocol paths a scripted server drives (truncated sync-collection,
 * refused tokens, multiget refused, redirects)
 *
 * Copyright 2026 The Bimbing Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bmb-dav-collection.h"
#include "bmb-dav-multistatus.h"
#include "bmb-radicale.h"
#include "bmb-test-utils.h"

static BmbDavMultistatus *
parse_file (const char *name,
            const char *request_path)
{
  g_autofree char *file = g_build_filename ("dav", name, NULL);
  g_autofree char *path = bmb_test_data_path (file);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  BmbDavMultistatus *multistatus;
  gsize length;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  multistatus = bmb_dav_multistatus_parse (data, length, request_path, "dav.example.org", &error);
  g_assert_no_error (error);
  g_assert_nonnull (multistatus);
  return multistatus;
}

#define RESPONSE(m, i) ((BmbDavResponse *)g_ptr_array_index ((m)->responses, (i)))

static void
test_radicale (void)
{
  g_autoptr(BmbDavMultistatus) m = parse_file ("radicale-propfind.xml", "/mentor/bimbing/");
  BmbDavResponse *collection, *item;

  g_assert_cmpuint (m->responses->len, ==, 3);
  g_assert_false (m->truncated);
  g_assert_null (m->sync_token);

  collection = RESPONSE (m, 0);
  g_assert_cmpstr (collection->href, ==, "/mentor/bimbing/");
  g_assert_cmpuint (collection->status, ==, 0);
  g_assert_cmpint (collection->resource_type, ==,
                   BMB_DAV_RESOURCE_COLLECTION | BMB_DAV_RESOURCE_CALENDAR);
  g_assert_cmpstr (collection->display_name, ==, "Bimbing");
  g_assert_cmpint (collection->components, ==,
                   BMB_DAV_COMPONENT_VEVENT | BMB_DAV_COMPONENT_VTODO | BMB_DAV_COMPONENT_VJOURNAL);
  g_assert_cmpstr (collection->ctag, ==, "\"3a3e5d7c1b0f\"");
  g_assert_cmpstr (collection->sync_token, ==, "http://radicale.org/ns/sync/3a3e5d7c1b0f");
  g_assert_true (collection->has_supported_report_set);
  g_assert_true (collection->reports_sync_collection);
  /* Only in a 404 propstat: not there. */
  g_assert_false (collection->has_address_data_types);
  g_assert_false (collection->vcard4);
  g_assert_null (collection->etag);

  item = RESPONSE (m, 1);
  g_assert_cmpstr (item->href, ==, "/mentor/bimbing/session-1%40bimbing.ics");
  g_assert_cmpstr (item->etag, ==, "\"8fc1\"");
  g_assert_cmpint (item->resource_type, ==, 0);
  g_assert_null (item->display_name);
  g_assert_null (item->data);

  g_assert_cmpstr (RESPONSE (m, 2)->href, ==, "/mentor/bimbing/sesi%20pagi.ics");
}

static void
test_nextcloud_sync (void)
{
  g_autoptr(BmbDavMultistatus) m = parse_file ("nextcloud-sync.xml",
                                               "/remote.php/dav/calendars/mentor/bimbing/");

  g_assert_cmpstr (m->sync_token, ==, "http://sabre.io/ns/sync/42");
  g_assert_false (m->truncated);
  g_assert_cmpuint (m->responses->len, ==, 2);
  g_assert_cmpstr (RESPONSE (m, 0)->href, ==, "/remote.php/dav/calendars/mentor/bimbing/new-1.ics");
  g_assert_cmpstr (RESPONSE (m, 0)->etag, ==, "\"1f2e3d4c\"");
  g_assert_cmpuint (RESPONSE (m, 0)->status, ==, 0);
  g_assert_cmpstr (RESPONSE (m, 1)->href, ==, "/remote.php/dav/calendars/mentor/bimbing/gone.ics");
  g_assert_cmpuint (RESPONSE (m, 1)->status, ==, 404);
  g_assert_null (RESPONSE (m, 1)->etag);
}

static void
test_nextcloud_address_books (void)
{
  g_autoptr(BmbDavMultistatus) m = parse_file ("nextcloud-addressbooks.xml",
                                               "/remote.php/dav/addressbooks/users/mentor/");
  BmbDavResponse *home, *book;

  g_assert_cmpuint (m->responses->len, ==, 2);
  home = RESPONSE (m, 0);
  g_assert_cmpint (home->resource_type, ==, BMB_DAV_RESOURCE_COLLECTION);
  g_assert_null (home->display_name);
  g_assert_null (home->ctag);

  book = RESPONSE (m, 1);
  g_assert_cmpint (book->resource_type, ==,
                   BMB_DAV_RESOURCE_COLLECTION | BMB_DAV_RESOURCE_ADDRESS_BOOK);
  g_assert_cmpstr (book->display_name, ==, "Contacts");
  g_assert_cmpstr (book->sync_token, ==, "http://sabre.io/ns/sync/17");
  g_assert_true (book->reports_sync_collection);
  g_assert_true (book->has_address_data_types);
  g_assert_true (book->vcard4);
  g_assert_cmpint (book->components, ==, 0);
}

static void
test_icloud_prefixes (void)
{
  g_autoptr(BmbDavMultistatus) m = parse_file ("icloud-prefixes.xml", "/123456/calendars/");
  BmbDavResponse *home, *item;
  const char *data;
  gsize length;

  /* The element in another namespace named "response" is not one. */
  g_assert_cmpuint (m->responses->len, ==, 2);

  home = RESPONSE (m, 0);
  /* An absolute URL becomes its path. */
  g_assert_cmpstr (home->href, ==, "/123456/calendars/");
  g_assert_cmpstr (home->current_user_principal, ==, "/123456/principal/");
  g_assert_cmpstr (home->calendar_home_set, ==, "/123456/calendars/");
  g_assert_null (home->addressbook_home_set);
  g_assert_cmpstr (home->ctag, ==, "FT=-@RU=abc@S=12");
  /* getetag in urn:not-dav is not DAV:getetag. */
  g_assert_null (home->etag);

  item = RESPONSE (m, 1);
  /* A relative href is resolved against the request's path. */
  g_assert_cmpstr (item->href, ==, "/123456/calendars/work/relative-item.ics");
  g_assert_cmpstr (item->etag, ==, "\"C=1@U=2\"");
  g_assert_nonnull (item->data);
  data = g_bytes_get_data (item->data, &length);
  g_assert_true (g_str_has_prefix (data, "BEGIN:VCALENDAR\n"));
  g_assert_nonnull (g_strstr_len (data, length, "SUMMARY:Mentoring & <lunch>\n"));
}

static void
test_truncated (void)
{
  g_autoptr(BmbDavMultistatus) m = parse_file ("truncated-507.xml", "/cal/");

  g_assert_true (m->truncated);
  g_assert_cmpstr (m->sync_token, ==, "http://example.com/ns/sync/1233");
  /* The 507 for the collection itself is not a member. */
  g_assert_cmpuint (m->responses->len, ==, 1);
  g_assert_cmpstr (RESPONSE (m, 0)->href, ==, "/cal/1.ics");
}

static void
test_unreadable (void)
{
  const char *bad[] = {
    "",
    "not xml at all",
    "<?xml version=\"1.0\"?><html><body>Login</body></html>",
    /* multistatus in the wrong namespace */
    "<multistatus xmlns=\"urn:other\"><response/></multistatus>",
    /* truncated XML */
    "<d:multistatus xmlns:d=\"DAV:\"><d:response><d:href>/a</d:href>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_null (bmb_dav_multistatus_parse (bad[i], strlen (bad[i]), "/", "dav.example.org",
                                                &error));
      g_assert_error (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_SERVER);
      g_assert_nonnull (strstr (error->message, "dav.example.org"));
    }
}

static void
test_error_condition (void)
{
  const char odd[] = "<?xml version=\"1.0\"?><x:error xmlns:x=\"DAV:\"><x:valid-sync-token/></x:error>";
  const char other[] = "<error xmlns=\"DAV:\"><need-privileges/></error>";
  const char wrong_ns[] = "<d:error xmlns:d=\"urn:x\"><d:valid-sync-token/></d:error>";
  g_autoptr(GBytes) a = g_bytes_new_static (odd, strlen (odd));
  g_autoptr(GBytes) b = g_bytes_new_static (other, strlen (other));
  g_autoptr(GBytes) c = g_bytes_new_static (wrong_ns, strlen (wrong_ns));

  g_assert_true (bmb_dav_error_has_condition (a, BMB_DAV_NS_DAV, "valid-sync-token"));
  g_assert_false (bmb_dav_error_has_condition (b, BMB_DAV_NS_DAV, "valid-sync-token"));
  g_assert_false (bmb_dav_error_has_condition (c, BMB_DAV_NS_DAV, "valid-sync-token"));
  g_assert_false (bmb_dav_error_has_condition (NULL, BMB_DAV_NS_DAV, "valid-sync-token"));
}

static void
test_hrefs (void)
{
  const struct { const char *in, *canonical, *key; } cases[] = {
    { "/a/b@c.ics", "/a/b%40c.ics", "/a/b@c.ics" },
    { "/a/b%40c.ics", "/a/b%40c.ics", "/a/b@c.ics" },
    { "https://h.example:8443/a/", "/a/", "/a" },
    { "/Kalender/sesi pagi.ics", "/Kalender/sesi%20pagi.ics", "/Kalender/sesi pagi.ics" },
    { "/a/%C3%A9t%C3%A9.vcf", "/a/%C3%A9t%C3%A9.vcf", "/a/été.vcf" },
    { "/a/x%2Fy.ics", "/a/x%2Fy.ics", "/a/x/y.ics" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *canonical = bmb_dav_href_canonical (cases[i].in);
      g_autofree char *key = bmb_dav_href_normalize (cases[i].in);

      g_assert_cmpstr (canonical, ==, cases[i].canonical);
      g_assert_cmpstr (key, ==, cases[i].key);
    }
}

/* ---- Protocol paths against a scripted server ------------------------------------------ */

static BmbDavCollection *
stub_collection (BmbHttpStub *stub)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbDavClient) client = bmb_dav_client_new (bmb_http_stub_get_url (stub), "u", "p",
                                                       &error);

  g_assert_no_error (error);
  return bmb_dav_collection_new (client, BMB_SYNC_COLLECTION_CALENDAR, "/cal/", TRUE, FALSE);
}

static void
test_follow_truncation (void)
{
  const BmbHttpStubReply script[] = {
    { 207, NULL,
      "<D:multistatus xmlns:D=\"DAV:\">"
      "<D:response><D:href>/cal/</D:href><D:propstat><D:prop><D:getetag>\"c\"</D:getetag></D:prop>"
      "<D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>"
      "<D:response><D:href>/cal/1.ics</D:href><D:propstat><D:prop><D:getetag>\"1\"</D:getetag>"
      "</D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>"
      "<D:response><D:href>/cal/2.ics</D:href><D:propstat><D:prop><D:getetag>\"2\"</D:getetag>"
      "</D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>"
      "<D:response><D:href>/cal/</D:href><D:status>HTTP/1.1 507 Insufficient Storage</D:status>"
      "</D:response><D:sync-token>page-2</D:sync-token></D:multistatus>" },
    { 207, NULL,
      "<multistatus xmlns=\"DAV:\">"
      "<response><href>/cal/2.ics</href><status>HTTP/1.1 404 Not Found</status></response>"
      "<response><href>/cal/3.ics</href><propstat><prop><getetag>\"3\"</getetag></prop>"
      "<status>HTTP/1.1 200 OK</status></propstat></response>"
      "<sync-token>final</sync-token></multistatus>" },
  };
  g_autoptr(BmbHttpStub) stub = bmb_http_stub_start_script (script, G_N_ELEMENTS (script));
  g_autoptr(BmbDavCollection) collection = stub_collection (stub);
  g_autoptr(GPtrArray) changed = NULL;
  g_autoptr(GPtrArray) removed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_auto(GStrv) requests = NULL;

  token = bmb_sync_remote_changes_since (BMB_SYNC_REMOTE (collection), "start", &changed,
                                         &removed, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (token, ==, "final");
  /* 1 changed, 2 changed then removed on the next page, 3 new; the collection left out. */
  g_assert_cmpuint (changed->len, ==, 2);
  g_assert_cmpstr (((BmbSyncResource *)changed->pdata[0])->href, ==, "/cal/1.ics");
  g_assert_cmpstr (((BmbSyncResource *)changed->pdata[0])->etag, ==, "\"1\"");
  g_assert_cmpstr (((BmbSyncResource *)changed->pdata[1])->href, ==, "/cal/3.ics");
  g_assert_cmpuint (removed->len, ==, 1);
  g_assert_cmpstr (removed->pdata[0], ==, "/cal/2.ics");

  /* The second REPORT asked from the token of the first page. */
  requests = bmb_http_stub_dup_requests (stub);
  g_assert_cmpuint (g_strv_length (requests), ==, 2);
  g_assert_true (g_str_has_prefix (requests[0], "REPORT /cal/\n"));
  g_assert_nonnull (strstr (requests[0], ">start</"));
  g_assert_nonnull (strstr (requests[1], ">page-2</"));
}

static void
test_token_refused (gconstpointer data)
{
  guint status = GPOINTER_TO_UINT (data);
  const BmbHttpStubReply script[] = {
    { status, "Content-Type: application/xml\r\n",
      status == 403 ? "<D:error xmlns:D=\"DAV:\"><D:valid-sync-token/></D:error>" : NULL },
  };
  g_autoptr(BmbHttpStub) stub = bmb_http_stub_start_script (script, 1);
  g_autoptr(BmbDavCollection) collection = stub_collection (stub);
  g_autoptr(GError) error = NULL;
  GPtrArray *changed = NULL, *removed = NULL;

  g_assert_null (bmb_sync_remote_changes_since (BMB_SYNC_REMOTE (collection), "old", &changed,
                                                &removed, NULL, &error));
  g_assert_error (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_TOKEN_INVALID);
  g_assert_nonnull (strstr (error->message, "/cal/"));
}

static void
test_multiget_refused (void)
{
  const BmbHttpStubReply script[] = {
    { 501, NULL, NULL },
    { 200, "ETag: \"a1\"\r\nContent-Type: text/calendar\r\n", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n" },
    { 404, NULL, NULL },
  };
  g_autoptr(BmbHttpStub) stub = bmb_http_stub_start_script (script, G_N_ELEMENTS (script));
  g_autoptr(BmbDavCollection) collection = stub_collection (stub);
  g_autoptr(GPtrArray) fetched = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) requests = NULL;
  const char *hrefs[] = { "/cal/a.ics", "/cal/gone.ics", NULL };

  fetched = bmb_sync_remote_fetch (BMB_SYNC_REMOTE (collection), hrefs, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fetched->len, ==, 1);
  g_assert_cmpstr (((BmbSyncResource *)fetched->pdata[0])->href, ==, "/cal/a.ics");
  g_assert_cmpstr (((BmbSyncResource *)fetched->pdata[0])->etag, ==, "\"a1\"");
  g_assert_cmpuint (g_bytes_get_size (((BmbSyncResource *)fetched->pdata[0])->data), ==, 32);

  requests = bmb_http_stub_dup_requests (stub);
  g_assert_cmpuint (g_strv_length (requests), ==, 3);
  g_assert_true (g_str_has_prefix (requests[0], "REPORT /cal/\n"));
  g_assert_nonnull (strstr (requests[0], "calendar-multiget"));
  g_assert_true (g_str_has_prefix (requests[1], "GET /cal/a.ics\n"));
  g_assert_true (g_str_has_prefix (requests[2], "GET /cal/gone.ics\n"));
}

static void
test_redirect_loop (void)
{
  const BmbHttpStubReply script[] = { { 301, "Location: /elsewhere/\r\n", NULL } };
  g_autoptr(BmbHttpStub) stub = bmb_http_stub_start_script (script, 1);
  g_autoptr(BmbDavCollection) collection = stub_collection (stub);
  g_autoptr(GError) error = NULL;

  g_assert_null (bmb_sync_remote_list (BMB_SYNC_REMOTE (collection), NULL, &error));
  g_assert_error (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_SERVER);
  g_assert_nonnull (strstr (error->message, "127.0.0.1"));
  g_assert_cmpuint (bmb_http_stub_get_hits (stub), ==, 6);
}

static void
test_put_without_etag (void)
{
  const BmbHttpStubReply script[] = { { 204, NULL, NULL } };
  g_autoptr(BmbHttpStub) stub = bmb_http_stub_start_script (script, 1);
  g_autoptr(BmbDavCollection) collection = stub_collection (stub);
  g_autoptr(GBytes) body = g_bytes_new_static ("BEGIN:VCALENDAR\r\n", 17);
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  g_auto(GStrv) requests = NULL;

  /* 204 without ETag: stored, the etag unknown (NULL without error). */
  etag = bmb_sync_remote_put (BMB_SYNC_REMOTE (collection), "/cal/x.ics", body, "\"old\"", NULL,
                              &error);
  g_assert_no_error (error);
  g_assert_null (etag);
  g_assert_true (bmb_sync_remote_delete (BMB_SYNC_REMOTE (collection), "/cal/x.ics", "\"e\"",
                                         NULL, &error));
  g_assert_no_error (error);
  requests = bmb_http_stub_dup_requests (stub);
  g_assert_cmpstr (requests[0], ==, "PUT /cal/x.ics\nBEGIN:VCALENDAR\r\n");
  g_assert_cmpstr (requests[1], ==, "DELETE /cal/x.ics\n");
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dav/multistatus/radicale", test_radicale);
  g_test_add_func ("/dav/multistatus/nextcloud-sync", test_nextcloud_sync);
  g_test_add_func ("/dav/multistatus/nextcloud-address-books", test_nextcloud_address_books);
  g_test_add_func ("/dav/multistatus/icloud-prefixes", test_icloud_prefixes);
  g_test_add_func ("/dav/multistatus/truncated", test_truncated);
  g_test_add_func ("/dav/multistatus/unreadable", test_unreadable);
  g_test_add_func ("/dav/multistatus/error-condition", test_error_condition);
  g_test_add_func ("/dav/multistatus/hrefs", test_hrefs);
  g_test_add_func ("/dav/protocol/follow-truncation", test_follow_truncation);
  g_test_add_data_func ("/dav/protocol/token-refused/403", GUINT_TO_POINTER (403), test_token_refused);
  g_test_add_data_func ("/dav/protocol/token-refused/409", GUINT_TO_POINTER (409), test_token_refused);
  g_test_add_data_func ("/dav/protocol/token-refused/412", GUINT_TO_POINTER (412), test_token_refused);
  g_test_add_func ("/dav/protocol/multiget-refused", test_multiget_refused);
  g_test_add_func ("/dav/protocol/redirect-loop", test_redirect_loop);
  g_test_add_func ("/dav/protocol/put-without-etag", test_put_without_etag);

  return g_test_run ();
}
