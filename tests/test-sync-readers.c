/* test-sync-readers.c
 *
 * Copyright 2026 The Bimbing Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What other clients see: a session, a goal and a contact synced to the in-memory server
 * (tests/bmb-fake-remote.c) are written to files and read by python3-icalendar and
 * python3-vobject, as Radicale's other clients would.
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "bmb-contact-store.h"
#include "bmb-fake-remote.h"
#include "bmb-goal-store.h"
#include "bmb-mentoring-store.h"
#include "bmb-sync-engine.h"
#include "bmb-test-utils.h"

#define CAL_URL "/dav/calendars/ana/bimbing/"
#define BOOK_URL "/dav/addressbooks/ana/bimbing/"

static void
make_items (BmbDatabase *db)
{
  g_autoptr(BmbMentoringStore) mentoring = bmb_mentoring_store_new (db);
  g_autoptr(BmbGoalStore) goals = bmb_goal_store_new (db);
  g_autoptr(BmbContactStore) contacts = bmb_contact_store_new (db);
  g_autoptr(BmbSession) session = bmb_session_new ();
  g_autoptr(BmbGoal) goal = bmb_goal_new ("Learn Rust; slowly");
  g_autoptr(BmbContact) contact = bmb_contact_new ();
  g_autoptr(GError) error = NULL;

  bmb_session_set_title (session, "Mentoring, «bilingual» ✓");
  bmb_session_set_start_local (session, "2026-12-14T10:00:00");
  bmb_session_set_tzid (session, "Asia/Jakarta");
  bmb_session_set_notes (session, "A long note that is long enough to be folded by the writer, "
                                  "with commas, semicolons; and a second line\nhere.");
  bmb_session_set_rrule (session, "FREQ=WEEKLY;COUNT=6");
  bmb_session_append_agenda_item (session, "Review the goals");
  g_assert_true (bmb_mentoring_store_save_session (mentoring, session, &error));
  bmb_goal_set_specific (goal, "Ship the first release");
  bmb_goal_set_due_on (goal, "2027-03-31");
  g_assert_true (bmb_goal_store_insert (goals, goal, &error));
  bmb_contact_set_display_name (contact, "Nur Hidayah");
  g_assert_true (bmb_contact_add_field (contact, BMB_CONTACT_FIELD_EMAIL, "work",
                                        "nur@example.id", TRUE));
  g_assert_true (bmb_contact_store_insert (contacts, contact, &error));
  g_assert_no_error (error);
}

/* What other clients see: every resource parses in python3-icalendar / python3-vobject. */
static void
test_other_readers (void)
{
  g_autoptr(BmbDatabase) db = bmb_test_open_tmp_database (NULL);
  g_autoptr(BmbSyncEngine) engine = bmb_sync_engine_new (db);
  g_autoptr(BmbFakeRemote) calendar = bmb_fake_remote_new (BMB_SYNC_COLLECTION_CALENDAR, CAL_URL);
  g_autoptr(BmbFakeRemote) book = bmb_fake_remote_new (BMB_SYNC_COLLECTION_ADDRESS_BOOK, BOOK_URL);
  g_autofree char *dir = bmb_test_make_tmpdir ();
  g_autofree char *script = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  BmbFakeRemote *remotes[] = { calendar, book };
  const char *pythons[] = { "python3", "/usr/bin/python3" };
  const char *python = NULL;
  guint n = 0;

  /* The distribution's python3 has the Debian packages; a pyenv one first in PATH may not. */
  for (guint i = 0; i < G_N_ELEMENTS (pythons) && python == NULL; i++)
    {
      g_autofree char *probe = g_strdup_printf ("%s -c 'import icalendar, vobject'", pythons[i]);
      g_autofree char *probe_out = NULL;
      g_autofree char *probe_err = NULL;

      if (g_spawn_command_line_sync (probe, &probe_out, &probe_err, &status, NULL) && status == 0)
        python = pythons[i];
    }
  if (python == NULL)
    {
      g_test_skip ("python3-icalendar or python3-vobject is not installed");
      return;
    }

  make_items (db);
  for (guint r = 0; r < G_N_ELEMENTS (remotes); r++)
    {
      g_autoptr(BmbSyncResult) G_GNUC_UNUSED result = bmb_sync_engine_sync (engine, BMB_SYNC_REMOTE (remotes[r]),
                                                              1, NULL, &error);

      g_assert_no_error (error);
    }
  for (guint r = 0; r < G_N_ELEMENTS (remotes); r++)
    {
      g_autoptr(GPtrArray) hrefs = bmb_fake_remote_list_hrefs (remotes[r]);

      for (guint i = 0; i < hrefs->len; i++)
        {
          const char *text = bmb_fake_remote_get_data (remotes[r], g_ptr_array_index (hrefs, i));
          g_autofree char *path = g_strdup_printf ("%s/%02u.%s", dir, n++, r ? "vcf" : "ics");

          g_assert_true (g_file_set_contents (path, text, -1, &error));
        }
    }
  g_assert_cmpuint (n, ==, 3);

  script = g_strdup_printf (
    "%s -c '"
    "import glob, icalendar, vobject\n"
    "n = 0\n"
    "for p in sorted(glob.glob(\"%s/*.ics\")):\n"
    "    cal = icalendar.Calendar.from_ical(open(p, \"rb\").read())\n"
    "    comps = [c for c in cal.walk() if c.name in (\"VEVENT\", \"VTODO\")]\n"
    "    assert comps and all(c.get(\"UID\") and c.get(\"SUMMARY\") for c in comps), p\n"
    "    vobject.readOne(open(p).read())\n"
    "    n += 1\n"
    "for p in sorted(glob.glob(\"%s/*.vcf\")):\n"
    "    card = vobject.readOne(open(p).read())\n"
    "    assert card.fn.value == \"Nur Hidayah\", card.fn.value\n"
    "    assert card.email.value == \"nur@example.id\"\n"
    "    n += 1\n"
    "print(n)'", python, dir, dir);
  g_assert_true (g_spawn_command_line_sync (script, &out, &err, &status, &error));
  g_assert_no_error (error);
  if (status != 0)
    g_printerr ("%s", err);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (g_strstrip (out), ==, "3");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Jakarta", TRUE);
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sync/readers/python", test_other_readers);
  return g_test_run ();
}
