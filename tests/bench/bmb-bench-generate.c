/* bmb-bench-generate.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A deterministic generator of realistic-looking data for benchmarks:
 * contacts with emails, phones, tags and interactions; relationships with
 * weekly, fortnightly and monthly sessions; assessments with answers.
 */

#include "config.h"

#include "bmb-bench-generate.h"

static const char *given[] = {
  "Siti", "Budi", "Ayu", "Dewi", "Agus", "Rina", "Andi", "Putri", "Wahyu", "Indah",
  "Rizky", "Fitri", "Hendra", "Lestari", "Yusuf", "Nur", "Bayu", "Ratna", "Dimas", "Maya",
  "Joko", "Sri", "Eko", "Wulan", "Fajar", "Intan", "Arif", "Citra", "Gilang", "Kartika",
};
static const char *family[] = {
  "Rahmawati", "Santoso", "Wijaya", "Pratama", "Saputra", "Hidayat", "Kusuma", "Nugroho",
  "Setiawan", "Lestari", "Siregar", "Nasution", "Simanjuntak", "Purba", "Harahap", "Hasibuan",
  "Sinaga", "Wibowo", "Gunawan", "Halim", "Tanjung", "Lubis", "Suharto", "Anggraini",
};
static const char *orgs[] = {
  "Gojek", "Tokopedia", "Bank Mandiri", "Telkom Indonesia", "Universitas Indonesia",
  "Pertamina", "Bukalapak", "Traveloka", "Kopi Kenangan", "Ruangguru", "Dinas Pendidikan",
  "Rumah Sakit Harapan", "Yayasan Cerdas", "Startup Nusantara", "PT Maju Bersama",
};
static const char *roles[] = {
  "Software Engineer", "Product Manager", "HR Business Partner", "Lecturer", "Designer",
  "Data Analyst", "Nurse", "Teacher", "Founder", "Marketing Lead", "Accountant",
};
static const char *tags[] = {
  "jakarta", "bandung", "surabaya", "alumni", "conference", "mentor", "tech", "health",
  "education", "startup", "community", "family-friend",
};
static const char *places[] = {
  "Jakarta Convention Center", "Bandung Tech Meetup", "Surabaya Startup Week",
  "Kopi Tuku, Cipete", "Google Meet", "Zoom", "Perpustakaan Nasional", "Co-working Kemang",
};
static const char *zones[] = { "Asia/Jakarta", "Asia/Jakarta", "Asia/Makassar", "Europe/Berlin" };
static const char *rules[] = { NULL, "FREQ=WEEKLY", "FREQ=WEEKLY;INTERVAL=2", "FREQ=MONTHLY;BYDAY=2TU" };

#define PICK(rand, array) (array[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

static gboolean
step (BmbDatabase   *db,
      sqlite3_stmt  *stmt,
      GError       **error)
{
  return bmb_database_step_done (db, stmt, error);
}

static gboolean
generate_contacts (BmbDatabase         *db,
                   GRand               *rand,
                   const BmbBenchSize  *size,
                   GError             **error)
{
  sqlite3_stmt *contact, *field, *tag, *interaction;

  if (!(contact = bmb_database_prepare (db,
          "INSERT INTO contacts (id, uid, display_name, given_name, family_name, organization,"
          " role, met_where, met_on, notes, keep_in_touch_count, keep_in_touch_unit,"
          " last_contact_on, next_follow_up_on, sort_key, created_at, updated_at)"
          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, lower (?3), ?15, ?15)",
          error)) ||
      !(field = bmb_database_prepare (db,
          "INSERT INTO contact_fields (contact_id, kind, label, value, position)"
          " VALUES (?, ?, ?, ?, ?)", error)) ||
      !(tag = bmb_database_prepare (db,
          "INSERT OR IGNORE INTO contact_tags (contact_id, tag) VALUES (?, ?)", error)) ||
      !(interaction = bmb_database_prepare (db,
          "INSERT INTO interactions (contact_id, happened_on, channel, summary, created_at)"
          " VALUES (?, ?, ?, ?, ?)", error)))
    return FALSE;

  for (guint i = 1; i <= size->n_contacts; i++)
    {
      const char *g = PICK (rand, given);
      const char *f = PICK (rand, family);
      g_autofree char *uid = g_strdup_printf ("bench-contact-%u", i);
      g_autofree char *name = g_strdup_printf ("%s %s", g, f);
      g_autofree char *email = g_ascii_strdown (g_strdup_printf ("%s.%s%u@example.id", g, f, i), -1);
      g_autofree char *phone = g_strdup_printf ("+62 812 %04u %04u", i % 10000,
                                                g_rand_int_range (rand, 0, 10000));
      g_autofree char *met_on = g_strdup_printf ("20%02d-%02d-%02d", g_rand_int_range (rand, 18, 27),
                                                 g_rand_int_range (rand, 1, 13),
                                                 g_rand_int_range (rand, 1, 29));
      g_autofree char *notes = g_strdup_printf ("Talked about %s and %s.",
                                                PICK (rand, roles), PICK (rand, tags));
      gboolean keep = g_rand_int_range (rand, 0, 3) == 0;

      sqlite3_bind_int64 (contact, 1, i);
      sqlite3_bind_text (contact, 2, uid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (contact, 3, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (contact, 4, g, -1, SQLITE_STATIC);
      sqlite3_bind_text (contact, 5, f, -1, SQLITE_STATIC);
      sqlite3_bind_text (contact, 6, PICK (rand, orgs), -1, SQLITE_STATIC);
      sqlite3_bind_text (contact, 7, PICK (rand, roles), -1, SQLITE_STATIC);
      sqlite3_bind_text (contact, 8, PICK (rand, places), -1, SQLITE_STATIC);
      sqlite3_bind_text (contact, 9, met_on, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (contact, 10, notes, -1, SQLITE_TRANSIENT);
      if (keep)
        {
          sqlite3_bind_int (contact, 11, g_rand_int_range (rand, 1, 7));
          sqlite3_bind_text (contact, 12, "month", -1, SQLITE_STATIC);
          sqlite3_bind_text (contact, 13, met_on, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (contact, 14, met_on, -1, SQLITE_TRANSIENT);
        }
      sqlite3_bind_int64 (contact, 15, 1700000000 + i);

      /* Children first, the contact last: one FTS write (see bmb-schema.c). */

      sqlite3_bind_int64 (field, 1, i);
      sqlite3_bind_text (field, 2, "email", -1, SQLITE_STATIC);
      sqlite3_bind_text (field, 3, "work", -1, SQLITE_STATIC);
      sqlite3_bind_text (field, 4, email, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (field, 5, 0);
      if (!step (db, field, error))
        return FALSE;
      sqlite3_bind_int64 (field, 1, i);
      sqlite3_bind_text (field, 2, "phone", -1, SQLITE_STATIC);
      sqlite3_bind_text (field, 3, "mobile", -1, SQLITE_STATIC);
      sqlite3_bind_text (field, 4, phone, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (field, 5, 1);
      if (!step (db, field, error))
        return FALSE;

      sqlite3_bind_int64 (tag, 1, i);
      sqlite3_bind_text (tag, 2, PICK (rand, tags), -1, SQLITE_STATIC);
      if (!step (db, tag, error))
        return FALSE;
      if (!step (db, contact, error))
        return FALSE;

      if (i % 4 == 0)
        {
          sqlite3_bind_int64 (interaction, 1, i);
          sqlite3_bind_text (interaction, 2, met_on, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (interaction, 3, "meeting", -1, SQLITE_STATIC);
          sqlite3_bind_text (interaction, 4, notes, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int64 (interaction, 5, 1700000000 + i);
          if (!step (db, interaction, error))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
generate_sessions (BmbDatabase         *db,
                   GRand               *rand,
                   const BmbBenchSize  *size,
                   GError             **error)
{
  sqlite3_stmt *relationship, *session, *agenda;
  guint n_relationships = MAX (1, size->n_sessions / 20);
  static const char *phases[] = { "preparation", "negotiation", "enabling", "closure" };
  static const char *kinds[] = { "one-on-one", "peer", "group", "reverse", "virtual" };

  if (!(relationship = bmb_database_prepare (db,
          "INSERT INTO relationships (id, mentor_id, mentee_id, kind, phase, goals, started_on,"
          " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, '2026-01-05', 0, 0)", error)) ||
      !(session = bmb_database_prepare (db,
          "INSERT INTO sessions (uid, relationship_id, title, start_local, tzid, duration_min,"
          " location, notes, rrule, reminders, status, created_at, updated_at)"
          " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '15,1440', ?, 0, 0)", error)) ||
      !(agenda = bmb_database_prepare (db,
          "INSERT INTO agenda_items (session_id, position, text) VALUES (?, ?, ?)", error)))
    return FALSE;

  for (guint r = 1; r <= n_relationships; r++)
    {
      gint64 other = MIN ((gint64)r, (gint64)MAX (1, size->n_contacts));
      gboolean i_mentor = r % 2 == 0;

      sqlite3_bind_int64 (relationship, 1, r);
      if (i_mentor)
        sqlite3_bind_null (relationship, 2);
      else
        sqlite3_bind_int64 (relationship, 2, other);
      if (i_mentor)
        sqlite3_bind_int64 (relationship, 3, other);
      else
        sqlite3_bind_null (relationship, 3);
      sqlite3_bind_text (relationship, 4, PICK (rand, kinds), -1, SQLITE_STATIC);
      sqlite3_bind_text (relationship, 5, PICK (rand, phases), -1, SQLITE_STATIC);
      sqlite3_bind_text (relationship, 6, "Grow into a team lead within a year", -1, SQLITE_STATIC);
      if (!step (db, relationship, error))
        return FALSE;
    }

  for (guint i = 1; i <= size->n_sessions; i++)
    {
      g_autofree char *uid = g_strdup_printf ("bench-session-%u@bimbing", i);
      g_autofree char *title = g_strdup_printf ("Mentoring session %u", i);
      g_autofree char *start = g_strdup_printf ("2026-%02d-%02dT%02d:%s:00",
                                                g_rand_int_range (rand, 1, 13),
                                                g_rand_int_range (rand, 1, 29),
                                                g_rand_int_range (rand, 8, 19),
                                                g_rand_boolean (rand) ? "00" : "30");
      const char *rule = i % 10 == 0 ? PICK (rand, rules) : NULL;
      gint64 session_id;

      sqlite3_bind_text (session, 1, uid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (session, 2, 1 + (i % n_relationships));
      sqlite3_bind_text (session, 3, title, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (session, 4, start, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (session, 5, PICK (rand, zones), -1, SQLITE_STATIC);
      sqlite3_bind_int (session, 6, 30 * g_rand_int_range (rand, 1, 5));
      sqlite3_bind_text (session, 7, PICK (rand, places), -1, SQLITE_STATIC);
      sqlite3_bind_text (session, 8, "Discussed progress on goals and next steps.", -1, SQLITE_STATIC);
      bmb_stmt_bind_text_or_null (session, 9, rule);
      sqlite3_bind_text (session, 10, i % 3 == 0 ? "done" : "planned", -1, SQLITE_STATIC);
      if (!step (db, session, error))
        return FALSE;
      session_id = bmb_database_last_insert_id (db);

      for (int a = 0; a < 3; a++)
        {
          sqlite3_bind_int64 (agenda, 1, session_id);
          sqlite3_bind_int (agenda, 2, a);
          sqlite3_bind_text (agenda, 3, a == 0 ? "Review action items" :
                                        a == 1 ? "Feedback on the presentation" :
                                                 "Plan for next month", -1, SQLITE_STATIC);
          if (!step (db, agenda, error))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
generate_assessments (BmbDatabase         *db,
                      GRand               *rand,
                      const BmbBenchSize  *size,
                      GError             **error)
{
  sqlite3_stmt *template, *item, *assessment, *answer;
  const guint n_templates = 4, n_items = 8;

  if (!(template = bmb_database_prepare (db,
          "INSERT INTO checklist_templates (id, title, answer_kind, position, created_at, updated_at)"
          " VALUES (?, ?, ?, ?, 0, 0)", error)) ||
      !(item = bmb_database_prepare (db,
          "INSERT INTO checklist_items (id, template_id, title, explanation, position)"
          " VALUES (?, ?, ?, 'Generated for benchmarks', ?)", error)) ||
      !(assessment = bmb_database_prepare (db,
          "INSERT INTO assessments (id, template_id, status, taken_at, created_at, updated_at)"
          " VALUES (?, ?, 'complete', ?, ?, ?)", error)) ||
      !(answer = bmb_database_prepare (db,
          "INSERT INTO answers (assessment_id, item_id, value) VALUES (?, ?, ?)", error)))
    return FALSE;

  for (guint t = 1; t <= n_templates; t++)
    {
      g_autofree char *title = g_strdup_printf ("Benchmark checklist %u", t);

      sqlite3_bind_int64 (template, 1, 1000 + t);
      sqlite3_bind_text (template, 2, title, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (template, 3, t % 2 ? "rating" : "yes-no", -1, SQLITE_STATIC);
      sqlite3_bind_int (template, 4, 100 + t);
      if (!step (db, template, error))
        return FALSE;

      for (guint i = 0; i < n_items; i++)
        {
          g_autofree char *text = g_strdup_printf ("Habit %u.%u", t, i + 1);

          sqlite3_bind_int64 (item, 1, 100000 + t * 100 + i);
          sqlite3_bind_int64 (item, 2, 1000 + t);
          sqlite3_bind_text (item, 3, text, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int (item, 4, i);
          if (!step (db, item, error))
            return FALSE;
        }
    }

  for (guint a = 1; a <= size->n_assessments; a++)
    {
      guint t = 1 + a % n_templates;
      gint64 when = 1735689600 + (gint64)a * 86400 / 4;

      sqlite3_bind_int64 (assessment, 1, a);
      sqlite3_bind_int64 (assessment, 2, 1000 + t);
      sqlite3_bind_int64 (assessment, 3, when);
      sqlite3_bind_int64 (assessment, 4, when);
      sqlite3_bind_int64 (assessment, 5, when);
      if (!step (db, assessment, error))
        return FALSE;

      for (guint i = 0; i < n_items; i++)
        {
          sqlite3_bind_int64 (answer, 1, a);
          sqlite3_bind_int64 (answer, 2, 100000 + t * 100 + i);
          sqlite3_bind_int (answer, 3, t % 2 ? g_rand_int_range (rand, 1, 6)
                                             : g_rand_int_range (rand, 0, 2));
          if (!step (db, answer, error))
            return FALSE;
        }
    }

  return TRUE;
}

gboolean
bmb_bench_generate (BmbDatabase         *db,
                    const BmbBenchSize  *size,
                    GError             **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (size->seed);

  if (!bmb_database_begin (db, error))
    return FALSE;

  if (!generate_contacts (db, rand, size, error) ||
      !generate_sessions (db, rand, size, error) ||
      !generate_assessments (db, rand, size, error))
    {
      bmb_database_rollback (db);
      return FALSE;
    }

  bmb_database_mark_changed (db, BMB_CHANGE_CONTACTS | BMB_CHANGE_SESSIONS |
                                 BMB_CHANGE_RELATIONSHIPS | BMB_CHANGE_ASSESSMENTS);

  return bmb_database_commit (db, error);
}
