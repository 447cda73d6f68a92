/* bench-dav.c — the DAV client against Radicale on loopback: writing 1,000 events and
 * N contacts (BIMBING_BENCH_DAV_CONTACTS, default 2,000; the figure is 10,000),
 * listing, fetching everything by multiget, the first sync-collection, and what a sync
 * with nothing changed costs (requests and time per collection).
 *
 * Copyright 2026 The Bimbing Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bmb-dav-collection.h"
#include "bmb-dav-discovery.h"
#include "bmb-radicale.h"

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double)G_USEC_PER_SEC;
}

static GBytes *
make_item (BmbSyncCollectionKind kind,
           guint                 i)
{
  char *text;

  if (kind == BMB_SYNC_COLLECTION_CALENDAR)
    text = g_strdup_printf ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Bimbing//Bench//EN\r\n"
                            "BEGIN:VEVENT\r\nUID:bench-session-%u\r\nDTSTAMP:20260101T000000Z\r\n"
                            "DTSTART:20260105T%02u0000Z\r\nDURATION:PT1H\r\n"
                            "SUMMARY:Sesi mentoring %u\r\n"
                            "DESCRIPTION:Agenda: tujuan\\, kemajuan\\, langkah berikutnya\r\n"
                            "END:VEVENT\r\nEND:VCALENDAR\r\n", i, i % 24, i);
  else
    text = g_strdup_printf ("BEGIN:VCARD\r\nVERSION:3.0\r\nUID:bench-contact-%u\r\n"
                            "FN:Kontak %u\r\nN:Kontak;%u;;;\r\nEMAIL:kontak%u@example.org\r\n"
                            "TEL:+62 812 0000 %04u\r\nEND:VCARD\r\n", i, i, i, i, i % 10000);
  return g_bytes_new_take (text, strlen (text));
}

static void
bench_collection (BmbDavClient         *client,
                  BmbDavCollectionInfo *info,
                  guint                 n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbDavCollection) collection = NULL;
  BmbSyncRemote *remote;
  g_autoptr(GPtrArray) hrefs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GPtrArray) fetched = NULL;
  g_autoptr(GPtrArray) changed = NULL;
  g_autoptr(GPtrArray) removed = NULL;
  g_autofree char *token = NULL;
  g_autofree char *token2 = NULL;
  const char *what = info->kind == BMB_SYNC_COLLECTION_CALENDAR ? "events" : "contacts";
  guint before;
  gint64 start;

  collection = bmb_dav_collection_open (client, info->kind, info->url, NULL, &error);
  g_assert_no_error (error);
  remote = BMB_SYNC_REMOTE (collection);

  start = g_get_monotonic_time ();
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("bench-%u.%s", i,
                                               info->kind == BMB_SYNC_COLLECTION_CALENDAR ? "ics" : "vcf");
      g_autoptr(GBytes) body = make_item (info->kind, i);
      char *href = bmb_sync_remote_href_for_new (remote, name);
      g_autofree char *etag = bmb_sync_remote_put (remote, href, body, NULL, NULL, &error);

      g_assert_no_error (error);
      g_ptr_array_add (hrefs, href);
    }
  g_ptr_array_add (hrefs, NULL);
  g_print ("PUT %u %s: %.2f s (%.1f ms each)\n", n, what, seconds_since (start),
           seconds_since (start) * 1000.0 / n);

  start = g_get_monotonic_time ();
  listed = bmb_sync_remote_list (remote, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, n);
  g_print ("PROPFIND Depth 1 listing %u %s: %.2f s\n", n, what, seconds_since (start));

  before = bmb_dav_client_get_n_requests (client);
  start = g_get_monotonic_time ();
  fetched = bmb_sync_remote_fetch (remote, (const char * const *)hrefs->pdata, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fetched->len, ==, n);
  g_print ("multiget of %u %s: %.2f s in %u requests\n", n, what, seconds_since (start),
           bmb_dav_client_get_n_requests (client) - before);

  start = g_get_monotonic_time ();
  token = bmb_sync_remote_changes_since (remote, NULL, &changed, &removed, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changed->len, ==, n);
  g_print ("first sync-collection (%u changed): %.2f s\n", changed->len, seconds_since (start));
  g_clear_pointer (&changed, g_ptr_array_unref);
  g_clear_pointer (&removed, g_ptr_array_unref);

  before = bmb_dav_client_get_n_requests (client);
  start = g_get_monotonic_time ();
  token2 = bmb_sync_remote_changes_since (remote, token, &changed, &removed, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changed->len + removed->len, ==, 0);
  g_print ("nothing changed (sync-collection): %u request(s), %.1f ms\n",
           bmb_dav_client_get_n_requests (client) - before, seconds_since (start) * 1000.0);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(BmbRadicale) server = NULL;
  g_autoptr(BmbDavClient) client = NULL;
  g_autoptr(BmbDavDiscovery) discovery = NULL;
  g_autoptr(BmbDavCollectionInfo) calendar = NULL;
  g_autoptr(BmbDavCollectionInfo) book = NULL;
  g_autoptr(GError) error = NULL;
  const char *contacts_text = g_getenv ("BIMBING_BENCH_DAV_CONTACTS");
  guint n_contacts = contacts_text ? (guint)g_ascii_strtoull (contacts_text, NULL, 10) : 2000;
  gint64 start;

  if (!bmb_radicale_available ())
    {
      g_print ("Radicale is not installed; nothing measured\n");
      return 0;
    }
  server = bmb_radicale_start ("bench", "bench");
  client = bmb_dav_client_new (bmb_radicale_get_url (server), "bench", "bench", &error);
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  discovery = bmb_dav_discover (client, NULL, &error);
  g_assert_no_error (error);
  g_print ("discovery: %.1f ms, %u requests\n", seconds_since (start) * 1000.0,
           bmb_dav_client_get_n_requests (client));
  calendar = bmb_dav_create_collection (client, BMB_SYNC_COLLECTION_CALENDAR,
                                        discovery->calendar_home_url, "Bimbing", NULL, &error);
  g_assert_no_error (error);
  book = bmb_dav_create_collection (client, BMB_SYNC_COLLECTION_ADDRESS_BOOK,
                                    discovery->addressbook_home_url, "Bimbing", NULL, &error);
  g_assert_no_error (error);

  bench_collection (client, calendar, 1000);
  bench_collection (client, book, n_contacts);
  return 0;
}
