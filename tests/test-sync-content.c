/* test-sync-content.c
 *
 * Copyright 2026 The Bimbing Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The three-way merge of iCalendar and vCard resources the sync engine uses, and the
 * normalised hash that decides whether anything changed.
 */
#include "config.h"

#include <string.h>

#include "bmb-sync-content.h"

#define EVENT(extra) \
  "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\nBEGIN:VEVENT\r\nUID:u1\r\n" \
  "DTSTAMP:20260101T000000Z\r\n" extra "END:VEVENT\r\nEND:VCALENDAR\r\n"

static void
test_content_merge (void)
{
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify)bmb_sync_conflict_free);
  const char *base = EVENT ("SUMMARY:A\r\nDTSTART:20261214T100000Z\r\nDESCRIPTION:n\r\n");
  const char *server = EVENT ("SUMMARY:A\r\nDTSTART:20261214T110000Z\r\nDESCRIPTION:s\r\n"
                              "X-FOO:bar\r\n");
  const char *local = EVENT ("SUMMARY:B\r\nDTSTART:20261214T120000Z\r\nDESCRIPTION:l\r\n");
  g_autofree char *merged = bmb_sync_content_merge (base, server, base, local, conflicts);
  g_autofree char *h1 = NULL;
  g_autofree char *h2 = NULL;

  g_assert_nonnull (strstr (merged, "SUMMARY:B\r\n"));                /* only local changed */
  g_assert_nonnull (strstr (merged, "DTSTART:20261214T110000Z\r\n")); /* scheduling: server */
  g_assert_nonnull (strstr (merged, "DESCRIPTION:l\r\n"));            /* notes: local */
  g_assert_nonnull (strstr (merged, "X-FOO:bar\r\n"));                /* foreign: kept */
  g_assert_cmpuint (conflicts->len, ==, 2);

  /* DTSTAMP and PRODID do not count; a long line folds and unfolds to the same hash. */
  h1 = bmb_sync_content_hash (base, strlen (base));
  h2 = bmb_sync_content_hash (EVENT ("SUMMARY:A\r\nDTSTART:20261214T100000Z\r\nDESC\r\n RIPTION:n\r\n"),
                              strlen (EVENT ("SUMMARY:A\r\nDTSTART:20261214T100000Z\r\nDESC\r\n RIPTION:n\r\n")));
  g_assert_cmpstr (h1, ==, h2);
}


#define CARD(extra) \
  "BEGIN:VCARD\r\nVERSION:4.0\r\nUID:c1\r\nFN:Sari\r\n" extra "END:VCARD\r\n"

static void
test_content_merge_vcard (void)
{
  const char *base = CARD ("item1.EMAIL:a@example.id\r\nitem1.X-ABLABEL:Kantor\r\n");
  const char *server = CARD ("item1.EMAIL:a@example.id\r\nitem1.X-ABLABEL:Kantor\r\n"
                             "X-PHONE-APP-ID:42\r\n");
  const char *local = CARD ("item1.EMAIL:b@example.id\r\nitem1.X-ABLABEL:Kantor\r\n"
                            "NOTE:Met at PyCon\r\n");
  g_autofree char *merged = bmb_sync_content_merge (base, server, base, local, NULL);

  /* A grouped property travels with its label; the other app's property stays. */
  g_assert_nonnull (strstr (merged, "item1.EMAIL:b@example.id\r\nitem1.X-ABLABEL:Kantor\r\n"));
  g_assert_null (strstr (merged, "a@example.id"));
  g_assert_nonnull (strstr (merged, "X-PHONE-APP-ID:42\r\n"));
  g_assert_nonnull (strstr (merged, "NOTE:Met at PyCon\r\n"));
  g_assert_true (g_str_has_prefix (merged, "BEGIN:VCARD\r\nVERSION:4.0\r\n"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sync/content/merge", test_content_merge);
  g_test_add_func ("/sync/content/merge-vcard", test_content_merge_vcard);
  return g_test_run ();
}
