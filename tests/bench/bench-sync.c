/* bench-sync.c
 *
 * Copyright 2026 The Bimbing Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sync engine against the in-memory server (tests/bmb-fake-remote.c): the first sync
 * of 1,000 weekly sessions and 10,000 contacts (each with an email, a phone and an
 * interaction), the sync right after it (the server's ctag moved with our own writes),
 * a sync with nothing changed, the first sync of a second, empty database (everything
 * pulled), and one edit. Prints wall times and requests per collection; never fails.
 * The in-memory server costs next to nothing, so these are the engine's own costs (render,
 * merge, status table, local writes); against Radicale add the HTTP round trips.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "bmb-contact-store.h"
#include "bmb-fake-remote.h"
#include "bmb-mentoring-store.h"
#include "bmb-sync-engine.h"

#define N_SESSIONS 1000
#define N_CONTACTS 10000

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
fill (BmbDatabase *db)
{
  g_autoptr(BmbMentoringStore) mentoring = bmb_mentoring_store_new (db);
  g_autoptr(BmbContactStore) contacts = bmb_contact_store_new (db);
  g_autoptr(GError) error = NULL;
  gint64 t0 = g_get_monotonic_time ();

  g_assert_true (bmb_database_begin (db, &error));
  for (guint i = 0; i < N_SESSIONS; i++)
    {
      g_autoptr(BmbSession) session = bmb_session_new ();
      g_autofree char *title = g_strdup_printf ("Mentoring session %u", i);
      g_autofree char *start = g_strdup_printf ("2026-%02u-%02uT%02u:00:00", 1 + i % 12,
                                                1 + i % 28, 8 + i % 10);

      bmb_session_set_title (session, title);
      bmb_session_set_start_local (session, start);
      bmb_session_set_tzid (session, "Asia/Jakarta");
      bmb_session_set_notes (session, "Agenda: goals, obstacles, next steps.");
      bmb_session_set_rrule (session, "FREQ=WEEKLY;COUNT=12");
      bmb_session_append_agenda_item (session, "Review last week's action items");
      g_assert_true (bmb_mentoring_store_save_session (mentoring, session, &error));
    }
  for (guint i = 0; i < N_CONTACTS; i++)
    {
      g_autoptr(BmbContact) contact = bmb_contact_new ();
      g_autoptr(BmbInteraction) interaction = NULL;
      g_autofree char *name = g_strdup_printf ("Kontak Nomor %u", i);
      g_autofree char *email = g_strdup_printf ("kontak%u@example.id", i);
      g_autofree char *phone = g_strdup_printf ("+62 812 %04u %04u", i / 10000, i % 10000);

      bmb_contact_set_display_name (contact, name);
      bmb_contact_set_organization (contact, "Komunitas Mentor");
      bmb_contact_add_field (contact, BMB_CONTACT_FIELD_EMAIL, "work", email, TRUE);
      bmb_contact_add_field (contact, BMB_CONTACT_FIELD_PHONE, "mobile", phone, FALSE);
      g_assert_true (bmb_contact_store_insert (contacts, contact, &error));
      interaction = bmb_interaction_new (bmb_contact_get_id (contact), "2026-10-01",
                                         BMB_INTERACTION_CHANNEL_MEETING, "Coffee");
      g_assert_true (bmb_contact_store_add_interaction (contacts, interaction, &error));
    }
  g_assert_true (bmb_database_commit (db, &error));
  g_print ("  filled %u sessions and %u contacts in %.0f ms\n", N_SESSIONS, N_CONTACTS,
           ms_since (t0));
}

static void
run (const char    *label,
     BmbDatabase   *db,
     BmbFakeRemote *calendar,
     BmbFakeRemote *book)
{
  g_autoptr(BmbSyncEngine) engine = bmb_sync_engine_new (db);
  BmbFakeRemote *remotes[] = { calendar, book };

  for (guint r = 0; r < 2; r++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BmbSyncResult) result = NULL;
      g_autofree char *summary = NULL;
      gint64 t0;
      double ms;

      bmb_fake_remote_reset_requests (remotes[r]);
      t0 = g_get_monotonic_time ();
      result = bmb_sync_engine_sync (engine, BMB_SYNC_REMOTE (remotes[r]), 1, NULL, &error);
      ms = ms_since (t0);
      g_assert_no_error (error);
      summary = bmb_sync_result_to_string (result);
      g_print ("  %-34s %-13s %9.0f ms  %6u requests (%u PUT, %u fetch)  %s\n", label,
               r == 0 ? "calendar" : "address book", ms,
               bmb_fake_remote_get_requests (remotes[r], NULL),
               bmb_fake_remote_get_requests (remotes[r], "put"),
               bmb_fake_remote_get_requests (remotes[r], "fetch"), summary);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("bench-sync-XXXXXX", NULL);
  g_autofree char *path_a = g_build_filename (dir, "a.db", NULL);
  g_autofree char *path_b = g_build_filename (dir, "b.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbDatabase) a = NULL;
  g_autoptr(BmbDatabase) b = NULL;
  g_autoptr(BmbFakeRemote) calendar = bmb_fake_remote_new (BMB_SYNC_COLLECTION_CALENDAR,
                                                           "/dav/calendars/bench/bimbing/");
  g_autoptr(BmbFakeRemote) book = bmb_fake_remote_new (BMB_SYNC_COLLECTION_ADDRESS_BOOK,
                                                       "/dav/addressbooks/bench/bimbing/");
  g_autoptr(BmbMentoringStore) mentoring = NULL;
  g_autoptr(GPtrArray) sessions = NULL;

  g_setenv ("TZ", "Asia/Jakarta", TRUE);
  g_print ("Sync engine against an in-memory server: %u sessions, %u contacts\n", N_SESSIONS,
           N_CONTACTS);

  a = bmb_database_open (path_a, &error);
  g_assert_no_error (error);
  b = bmb_database_open (path_b, &error);
  g_assert_no_error (error);
  fill (a);

  run ("first sync (everything sent)", a, calendar, book);
  run ("next sync (own writes listed)", a, calendar, book);
  run ("nothing changed", a, calendar, book);
  run ("second computer, first sync", b, calendar, book);
  run ("second computer, nothing changed", b, calendar, book);

  mentoring = bmb_mentoring_store_new (a);
  sessions = bmb_mentoring_store_list_sessions (mentoring, 0, &error);
  g_assert_no_error (error);
  bmb_session_set_title (g_ptr_array_index (sessions, 0), "Renamed session");
  g_assert_true (bmb_mentoring_store_save_session (mentoring, g_ptr_array_index (sessions, 0),
                                                   &error));
  run ("one session edited", a, calendar, book);
  run ("second computer gets the edit", b, calendar, book);

  g_clear_object (&a);
  g_clear_object (&b);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *p = g_build_filename (dir, name, NULL);

        g_unlink (p);
      }
    g_rmdir (dir);
  }
  return 0;
}
