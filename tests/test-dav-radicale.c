/* test-dav-radicale.c — the DAV client, discovery and BmbDavCollection against a real
 * Radicale on loopback, and the errors a user sees when things go wrong
 *
 * Copyright 2026 The Bimbing Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bmb-dav-collection.h"
#include "bmb-dav-discovery.h"
#include "bmb-radicale.h"
#include "bmb-test-utils.h"

#define USER "mentor"
#define PASSWORD "rahasia-123"

static const char event_template[] =
  "BEGIN:VCALENDAR\r\n"
  "VERSION:2.0\r\n"
  "PRODID:-//Bimbing//Test//EN\r\n"
  "BEGIN:VEVENT\r\n"
  "UID:%s\r\n"
  "DTSTAMP:20260101T090000Z\r\n"
  "DTSTART:20260105T090000Z\r\n"
  "DTEND:20260105T100000Z\r\n"
  "SUMMARY:%s\r\n"
  "END:VEVENT\r\n"
  "END:VCALENDAR\r\n";

static const char card_template[] =
  "BEGIN:VCARD\r\n"
  "VERSION:3.0\r\n"
  "UID:%s\r\n"
  "FN:%s\r\n"
  "N:%s;;;;\r\n"
  "END:VCARD\r\n";

static GBytes *
make_event (const char *uid,
            const char *summary)
{
  char *text = g_strdup_printf (event_template, uid, summary);

  return g_bytes_new_take (text, strlen (text));
}

static GBytes *
make_card (const char *uid,
           const char *name)
{
  char *text = g_strdup_printf (card_template, uid, name, name);

  return g_bytes_new_take (text, strlen (text));
}

static gboolean
bytes_contain (GBytes     *bytes,
               const char *needle)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  return g_strstr_len (data, length, needle) != NULL;
}

typedef struct {
  BmbRadicale          *server;
  BmbDavClient         *client;
  BmbDavCollectionInfo *calendar;
  BmbDavCollectionInfo *address_book;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbDavDiscovery) discovery = NULL;

  if (!bmb_radicale_available ())
    {
      g_test_skip ("Radicale is not installed (python3-radicale)");
      return;
    }

  fixture->server = bmb_radicale_start (USER, PASSWORD);
  fixture->client = bmb_dav_client_new (bmb_radicale_get_url (fixture->server), USER, PASSWORD,
                                        &error);
  g_assert_no_error (error);

  if (data == NULL)
    return;

  discovery = bmb_dav_discover (fixture->client, NULL, &error);
  g_assert_no_error (error);
  fixture->calendar = bmb_dav_create_collection (fixture->client, BMB_SYNC_COLLECTION_CALENDAR,
                                                 discovery->calendar_home_url,
                                                 BMB_DAV_COLLECTION_NAME, NULL, &error);
  g_assert_no_error (error);
  fixture->address_book = bmb_dav_create_collection (fixture->client,
                                                     BMB_SYNC_COLLECTION_ADDRESS_BOOK,
                                                     discovery->addressbook_home_url,
                                                     BMB_DAV_COLLECTION_NAME, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->calendar, bmb_dav_collection_info_free);
  g_clear_pointer (&fixture->address_book, bmb_dav_collection_info_free);
  g_clear_object (&fixture->client);
  g_clear_pointer (&fixture->server, bmb_radicale_free);
}

static BmbSyncRemote *
open_collection (Fixture              *fixture,
                 BmbDavCollectionInfo *info)
{
  g_autoptr(GError) error = NULL;
  BmbDavCollection *collection = bmb_dav_collection_open (fixture->client, info->kind, info->url,
                                                          NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (collection);
  return BMB_SYNC_REMOTE (collection);
}

/* ---- Discovery ------------------------------------------------------------------------- */

static void
test_discovery_from_url (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbDavDiscovery) before = NULL;
  g_autoptr(BmbDavDiscovery) after = NULL;
  g_autoptr(BmbDavCollectionInfo) calendar = NULL;
  g_autoptr(BmbDavCollectionInfo) book = NULL;
  BmbDavCollectionInfo *found;
  g_autofree char *expected_home = NULL;

  if (g_test_failed () || fixture->server == NULL)
    return;

  /* A fresh server: the principal and its home, no collections yet. */
  before = bmb_dav_discover (fixture->client, NULL, &error);
  g_assert_no_error (error);
  expected_home = g_strconcat (bmb_radicale_get_url (fixture->server), USER "/", NULL);
  g_assert_cmpstr (before->principal_url, ==, expected_home);
  g_assert_cmpstr (before->calendar_home_url, ==, expected_home);
  g_assert_cmpstr (before->addressbook_home_url, ==, expected_home);
  g_assert_cmpuint (before->calendars->len, ==, 0);
  g_assert_cmpuint (before->address_books->len, ==, 0);
  g_assert_null (bmb_dav_discovery_find_bimbing (before, BMB_SYNC_COLLECTION_CALENDAR));

  calendar = bmb_dav_create_collection (fixture->client, BMB_SYNC_COLLECTION_CALENDAR,
                                        before->calendar_home_url, BMB_DAV_COLLECTION_NAME,
                                        NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (calendar->url, "/" USER "/bimbing/"));
  g_assert_cmpstr (calendar->display_name, ==, "Bimbing");
  g_assert_cmpint (calendar->components, ==,
                   BMB_DAV_COMPONENT_VEVENT | BMB_DAV_COMPONENT_VTODO | BMB_DAV_COMPONENT_VJOURNAL);
  g_assert_true (calendar->supports_sync_collection);
  g_assert_nonnull (calendar->sync_token);

  /* The second one goes beside the first, not over it. */
  book = bmb_dav_create_collection (fixture->client, BMB_SYNC_COLLECTION_ADDRESS_BOOK,
                                    before->addressbook_home_url, BMB_DAV_COLLECTION_NAME,
                                    NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (book->url, expected_home));
  g_assert_cmpstr (book->url, !=, calendar->url);
  g_assert_cmpint (book->kind, ==, BMB_SYNC_COLLECTION_ADDRESS_BOOK);
  g_assert_true (book->supports_sync_collection);

  /* Discovery from the bare server URL now lists both, and finds them by name. */
  after = bmb_dav_discover (fixture->client, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->calendars->len, ==, 1);
  g_assert_cmpuint (after->address_books->len, ==, 1);
  found = bmb_dav_discovery_find_bimbing (after, BMB_SYNC_COLLECTION_CALENDAR);
  g_assert_nonnull (found);
  g_assert_cmpstr (found->url, ==, calendar->url);
  found = bmb_dav_discovery_find_bimbing (after, BMB_SYNC_COLLECTION_ADDRESS_BOOK);
  g_assert_nonnull (found);
  g_assert_cmpstr (found->url, ==, book->url);
}

static void
test_discovery_from_principal_url (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbDavClient) client = NULL;
  g_autoptr(BmbDavDiscovery) discovery = NULL;
  g_autofree char *url = NULL;

  if (fixture->server == NULL)
    return;

  /* A URL with a path is asked first; the collections made by set-up are found. */
  url = g_strconcat (bmb_radicale_get_url (fixture->server), USER "/", NULL);
  client = bmb_dav_client_new (url, USER, PASSWORD, &error);
  g_assert_no_error (error);
  discovery = bmb_dav_discover (client, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (discovery->calendar_home_url, ==, url);
  g_assert_cmpuint (discovery->calendars->len, ==, 1);
  g_assert_cmpuint (discovery->address_books->len, ==, 1);
  g_assert_cmpstr (((BmbDavCollectionInfo *)discovery->calendars->pdata[0])->url, ==,
                   fixture->calendar->url);
}

static void
test_guess_server_url (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;

  url = bmb_dav_guess_server_url ("  dav.example.org/remote.php/dav ", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (url, ==, "https://dav.example.org/remote.php/dav");
  g_clear_pointer (&url, g_free);

  url = bmb_dav_guess_server_url ("http://127.0.0.1:5232/", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (url, ==, "http://127.0.0.1:5232/");
  g_clear_pointer (&url, g_free);

  g_assert_null (bmb_dav_guess_server_url ("", NULL, &error));
  g_assert_error (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_FAILED);
  g_clear_error (&error);

  g_assert_null (bmb_dav_guess_server_url ("ftp://example.org/", NULL, &error));
  g_assert_error (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "ftp://example.org/"));
}

/* ---- The collection -------------------------------------------------------------------- */

static void
test_calendar_round_trip (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(BmbSyncRemote) remote = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) first = make_event ("session-1@bimbing", "Sesi mentoring");
  g_autoptr(GBytes) second = make_event ("session-1@bimbing", "Sesi mentoring (pindah)");
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GPtrArray) fetched = NULL;
  g_autoptr(GPtrArray) changed = NULL;
  g_autoptr(GPtrArray) removed = NULL;
  g_autofree char *href = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *etag2 = NULL;
  g_autofree char *token = NULL;
  g_autofree char *token2 = NULL;
  g_autofree char *token3 = NULL;
  g_autofree char *token4 = NULL;
  guint before;
  g_autofree char *ctag = NULL;
  g_autofree char *ctag2 = NULL;
  const char *hrefs[3];

  if (fixture->server == NULL)
    return;

  remote = open_collection (fixture, fixture->calendar);
  g_assert_cmpint (bmb_sync_remote_get_kind (remote), ==, BMB_SYNC_COLLECTION_CALENDAR);
  g_assert_true (bmb_sync_remote_supports_sync_collection (remote));
  g_assert_false (bmb_sync_remote_accepts_vcard4 (remote));
  g_assert_cmpstr (bmb_sync_remote_get_url (remote), ==, fixture->calendar->url);

  /* Empty: nothing listed (not even the collection itself), an initial token. */
  listed = bmb_sync_remote_list (remote, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 0);
  g_clear_pointer (&listed, g_ptr_array_unref);
  token = bmb_sync_remote_changes_since (remote, NULL, &changed, &removed, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (token);
  g_assert_cmpuint (changed->len, ==, 0);
  g_assert_cmpuint (removed->len, ==, 0);
  g_clear_pointer (&changed, g_ptr_array_unref);
  g_clear_pointer (&removed, g_ptr_array_unref);
  ctag = bmb_sync_remote_get_ctag (remote, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ctag);

  /* Create. */
  href = bmb_sync_remote_href_for_new (remote, "session-1@bimbing.ics");
  g_assert_true (g_str_has_suffix (href, "/bimbing/session-1%40bimbing.ics"));
  g_assert_true (href[0] == '/');
  etag = bmb_sync_remote_put (remote, href, first, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (etag);

  listed = bmb_sync_remote_list (remote, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_cmpstr (((BmbSyncResource *)listed->pdata[0])->href, ==, href);
  g_assert_cmpstr (((BmbSyncResource *)listed->pdata[0])->etag, ==, etag);
  g_assert_null (((BmbSyncResource *)listed->pdata[0])->data);

  ctag2 = bmb_sync_remote_get_ctag (remote, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ctag2, !=, ctag);

  /* Fetch: the body as stored, an href that is gone is left out. */
  hrefs[0] = href;
  hrefs[1] = "/" USER "/bimbing/nothing-here.ics";
  hrefs[2] = NULL;
  fetched = bmb_sync_remote_fetch (remote, hrefs, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fetched->len, ==, 1);
  g_assert_cmpstr (((BmbSyncResource *)fetched->pdata[0])->etag, ==, etag);
  g_assert_true (bytes_contain (((BmbSyncResource *)fetched->pdata[0])->data,
                                "SUMMARY:Sesi mentoring"));
  g_clear_pointer (&fetched, g_ptr_array_unref);

  token2 = bmb_sync_remote_changes_since (remote, token, &changed, &removed, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (token2, !=, token);
  g_assert_cmpuint (changed->len, ==, 1);
  g_assert_cmpuint (removed->len, ==, 0);
  g_assert_cmpstr (((BmbSyncResource *)changed->pdata[0])->href, ==, href);
  g_assert_cmpstr (((BmbSyncResource *)changed->pdata[0])->etag, ==, etag);
  g_clear_pointer (&changed, g_ptr_array_unref);
  g_clear_pointer (&removed, g_ptr_array_unref);

  /* Update with If-Match: a new etag. */
  etag2 = bmb_sync_remote_put (remote, href, second, etag, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (etag2);
  g_assert_cmpstr (etag2, !=, etag);

  /* A write based on the old etag is refused: someone else changed it. */
  g_assert_null (bmb_sync_remote_put (remote, href, first, etag, NULL, &error));
  g_assert_error (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_PRECONDITION_FAILED);
  g_assert_nonnull (strstr (error->message, href));
  g_assert_nonnull (strstr (error->message, "127.0.0.1"));
  g_clear_error (&error);
  /* Creating over an existing member is refused too. */
  g_assert_null (bmb_sync_remote_put (remote, href, first, NULL, NULL, &error));
  g_assert_error (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_PRECONDITION_FAILED);
  g_clear_error (&error);
  g_assert_false (bmb_sync_remote_delete (remote, href, etag, NULL, &error));
  g_assert_error (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_PRECONDITION_FAILED);
  g_clear_error (&error);

  hrefs[1] = NULL;
  fetched = bmb_sync_remote_fetch (remote, hrefs, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fetched->len, ==, 1);
  g_assert_true (bytes_contain (((BmbSyncResource *)fetched->pdata[0])->data, "(pindah)"));
  g_clear_pointer (&fetched, g_ptr_array_unref);

  /* Delete with the current etag; deleting again is still success (404). */
  g_assert_true (bmb_sync_remote_delete (remote, href, etag2, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (bmb_sync_remote_delete (remote, href, NULL, NULL, &error));
  g_assert_no_error (error);

  token3 = bmb_sync_remote_changes_since (remote, token2, &changed, &removed, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changed->len, ==, 0);
  g_assert_cmpuint (removed->len, ==, 1);
  g_assert_cmpstr (removed->pdata[0], ==, href);
  g_clear_pointer (&changed, g_ptr_array_unref);
  g_clear_pointer (&removed, g_ptr_array_unref);

  g_clear_pointer (&listed, g_ptr_array_unref);
  listed = bmb_sync_remote_list (remote, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 0);

  /* Nothing changed since: one request (credentials already in the session's cache). */
  before = bmb_dav_client_get_n_requests (fixture->client);
  token4 = bmb_sync_remote_changes_since (remote, token3, &changed, &removed, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changed->len + removed->len, ==, 0);
  g_assert_cmpstr (token4, ==, token3);
  g_assert_cmpuint (bmb_dav_client_get_n_requests (fixture->client) - before, ==, 1);
}

static void
test_stale_token (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(BmbSyncRemote) remote = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *changed = NULL;
  GPtrArray *removed = NULL;

  if (fixture->server == NULL)
    return;

  remote = open_collection (fixture, fixture->calendar);
  g_assert_null (bmb_sync_remote_changes_since (remote, "http://radicale.org/ns/sync/0123456789abcdef",
                                                &changed, &removed, NULL, &error));
  g_assert_error (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_TOKEN_INVALID);
  g_assert_nonnull (strstr (error->message, "127.0.0.1"));
  g_assert_null (changed);
  g_assert_null (removed);
}

/* More members than one multiget batch: every one comes back, in two REPORTs. */
static void
test_address_book_batches (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(BmbSyncRemote) remote = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hrefs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) fetched = NULL;
  g_autoptr(GPtrArray) changed = NULL;
  g_autoptr(GPtrArray) removed = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *token = NULL;
  guint n = BMB_DAV_MULTIGET_BATCH + 5;

  if (fixture->server == NULL)
    return;

  remote = open_collection (fixture, fixture->address_book);
  g_assert_cmpint (bmb_sync_remote_get_kind (remote), ==, BMB_SYNC_COLLECTION_ADDRESS_BOOK);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *uid = g_strdup_printf ("contact-%03u", i);
      g_autofree char *name = g_strdup_printf ("Kontak %03u", i);
      g_autofree char *file = g_strconcat (uid, ".vcf", NULL);
      g_autoptr(GBytes) card = make_card (uid, name);
      char *href = bmb_sync_remote_href_for_new (remote, file);
      g_autofree char *etag = bmb_sync_remote_put (remote, href, card, NULL, NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (etag);
      g_ptr_array_add (hrefs, href);
    }
  g_ptr_array_add (hrefs, NULL);

  fetched = bmb_sync_remote_fetch (remote, (const char * const *)hrefs->pdata, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fetched->len, ==, n);
  for (guint i = 0; i < fetched->len; i++)
    {
      BmbSyncResource *resource = g_ptr_array_index (fetched, i);
      g_autofree char *fn = NULL;

      g_assert_nonnull (resource->etag);
      g_assert_nonnull (resource->data);
      g_assert_true (g_str_has_suffix (resource->href, ".vcf"));
      g_hash_table_add (seen, resource->href);
      /* contact-007.vcf holds "FN:Kontak 007". */
      fn = g_strdup_printf ("FN:Kontak %.3s", strstr (resource->href, "contact-") + 8);
      g_assert_true (bytes_contain (resource->data, fn));
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, n);

  token = bmb_sync_remote_changes_since (remote, NULL, &changed, &removed, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changed->len, ==, n);
  g_assert_cmpuint (removed->len, ==, 0);
}

/* ---- Errors ---------------------------------------------------------------------------- */

static void
test_wrong_password (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(BmbDavClient) client = NULL;
  g_autoptr(GError) error = NULL;

  if (fixture->server == NULL)
    return;

  client = bmb_dav_client_new (bmb_radicale_get_url (fixture->server), USER, "wrong", &error);
  g_assert_no_error (error);
  g_assert_null (bmb_dav_discover (client, NULL, &error));
  g_assert_error (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_AUTH);
  g_assert_nonnull (strstr (error->message, "127.0.0.1"));
  g_assert_nonnull (strstr (error->message, "“" USER "”"));
}

static void
test_stopped_server (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(BmbSyncRemote) remote = NULL;
  g_autoptr(GError) error = NULL;

  if (fixture->server == NULL)
    return;

  remote = open_collection (fixture, fixture->calendar);
  bmb_radicale_stop (fixture->server);
  g_assert_null (bmb_sync_remote_list (remote, NULL, &error));
  g_assert_error (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_UNREACHABLE);
  g_assert_nonnull (strstr (error->message, "127.0.0.1"));
  g_clear_error (&error);

  g_assert_null (bmb_dav_discover (fixture->client, NULL, &error));
  g_assert_error (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_UNREACHABLE);
}

static void
test_server_error (void)
{
  g_autoptr(BmbHttpStub) stub = bmb_http_stub_start (500);
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbDavClient) client = bmb_dav_client_new (bmb_http_stub_get_url (stub), USER,
                                                       PASSWORD, &error);
  g_autoptr(BmbDavCollection) collection = NULL;
  g_autoptr(GBytes) event = make_event ("x", "y");
  g_autofree char *server = NULL;

  g_assert_no_error (error);
  collection = bmb_dav_collection_new (client, BMB_SYNC_COLLECTION_CALENDAR, "/cal/", TRUE, FALSE);
  server = g_strdup (bmb_dav_client_get_server (client));

  g_assert_null (bmb_sync_remote_list (BMB_SYNC_REMOTE (collection), NULL, &error));
  g_assert_error (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_SERVER);
  g_assert_nonnull (strstr (error->message, server));
  g_assert_nonnull (strstr (error->message, "500"));
  g_clear_error (&error);

  g_assert_null (bmb_sync_remote_put (BMB_SYNC_REMOTE (collection), "/cal/x.ics", event, NULL,
                                      NULL, &error));
  g_assert_error (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_SERVER);
  g_assert_nonnull (strstr (error->message, "/cal/x.ics"));
  g_clear_error (&error);

  /* Discovery on a broken server says no service was found. */
  g_assert_null (bmb_dav_discover (client, NULL, &error));
  g_assert_error (error, BMB_SYNC_ERROR, BMB_SYNC_ERROR_NOT_FOUND);
  g_assert_cmpuint (bmb_http_stub_get_hits (stub), >=, 5);
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/dav/discovery/url", Fixture, NULL, fixture_set_up,
              test_discovery_from_url, fixture_tear_down);
  g_test_add ("/dav/discovery/principal-url", Fixture, "with collections", fixture_set_up,
              test_discovery_from_principal_url, fixture_tear_down);
  g_test_add_func ("/dav/discovery/guess-url", test_guess_server_url);
  g_test_add ("/dav/collection/calendar-round-trip", Fixture, "with collections", fixture_set_up,
              test_calendar_round_trip, fixture_tear_down);
  g_test_add ("/dav/collection/stale-token", Fixture, "with collections", fixture_set_up,
              test_stale_token, fixture_tear_down);
  g_test_add ("/dav/collection/address-book-batches", Fixture, "with collections",
              fixture_set_up, test_address_book_batches, fixture_tear_down);
  g_test_add ("/dav/error/wrong-password", Fixture, NULL, fixture_set_up,
              test_wrong_password, fixture_tear_down);
  g_test_add ("/dav/error/stopped-server", Fixture, "with collections", fixture_set_up,
              test_stopped_server, fixture_tear_down);
  g_test_add_func ("/dav/error/server-500", test_server_error);

  return g_test_run ();
}
