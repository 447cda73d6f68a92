/* demo-data.c — a small, realistic database for screenshots and demos.
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: demo-data FILE [--lang id]
 *
 * With --lang id the user's own texts (titles, roles, notes, agendas) are
 * Indonesian, as an Indonesian user would write them, so screenshots of the
 * Indonesian UI show no English.
 *
 * Indonesian names, two mentoring relationships (one where I am the mentee,
 * one where I mentor), weekly and fortnightly meetings around today, agenda,
 * notes and action items, SMART goals, a contact book with interactions and
 * follow-ups, and a year of self-assessments that show growth.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "bmb-checklist-store.h"
#include "bmb-database.h"

static BmbDatabase *db;
static gboolean indonesian;

/* The user's own text in the demo's language. */
#define T(en, id) (indonesian ? (id) : (en))

static void sql (const char *text, ...) G_GNUC_PRINTF (1, 2);

static void
sql (const char *text,
     ...)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *formatted = NULL;
  va_list args;

  /* Only trusted, literal demo text and numbers are formatted in here. */
  va_start (args, text);
  formatted = g_strdup_vprintf (text, args);
  va_end (args);

  if (!bmb_database_exec (db, formatted, &error))
    g_error ("%s\n%s", formatted, error->message);
}

static char *
day (int offset)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, offset);

  return g_date_time_format (then, "%Y-%m-%d");
}

typedef struct
{
  const char *given, *family, *org, *role, *email, *phone, *where, *event, *tags, *notes;
  int met_days_ago, last_days_ago, every_weeks;
  const char *role_id, *event_id, *notes_id;
} DemoContact;

static const DemoContact contacts[] = {
  { "Siti", "Rahmawati", "Gojek", "Engineering Manager", "siti.rahmawati@example.id",
    "+62 812 1234 5678", "Jakarta", "PyCon ID 2025", "mentor,tech",
    "My mentor. Ask about moving into a lead role.", 400, 6, 2,
    "Manajer Engineering", "PyCon ID 2025", "Mentor saya. Tanyakan soal pindah ke peran lead." },
  { "Budi", "Santoso", "Universitas Gadjah Mada", "Final-year student", "budi.santoso@example.id",
    "+62 813 2222 1111", "Yogyakarta", "Career day UGM", "mentee,campus",
    "I mentor Budi on his first job search.", 200, 3, 1,
    "Mahasiswa tingkat akhir", "Hari karier UGM", "Saya membimbing Budi mencari pekerjaan pertamanya." },
  { "Ayu", "Lestari", "Tokopedia", "Product Designer", "ayu.lestari@example.id",
    "+62 811 9876 5432", "Bandung", "Bandung Design Meetup", "design,bandung",
    "Met at the design meetup; offered to review my portfolio.", 60, 45, 4,
    "Desainer Produk", "Meetup Desain Bandung", "Bertemu di meetup desain; menawarkan diri meninjau portofolio saya." },
  { "Dimas", "Pratama", "Telkom Indonesia", "Data Analyst", "dimas.pratama@example.id",
    "+62 812 5555 0101", "Surabaya", "Surabaya Startup Week", "data,surabaya",
    "Shares dashboards on public health data.", 120, 90, 8,
    "Analis Data", "Pekan Startup Surabaya", "Suka berbagi dasbor data kesehatan masyarakat." },
  { "Intan", "Kusuma", "Ruangguru", "HR Business Partner", "intan.kusuma@example.id",
    "+62 815 7777 2020", "Jakarta", "HR Tech Summit", "hr,jakarta",
    "Knows the mentoring programme at Ruangguru well.", 30, 30, 4,
    "HR Business Partner", "HR Tech Summit", "Paham betul program mentoring di Ruangguru." },
  { "Wahyu", "Nugroho", "Kopi Kenangan", "Operations Lead", "wahyu.nugroho@example.id",
    "+62 817 3030 4040", "Jakarta", "Alumni gathering", "alumni",
    "Introduced by Siti. Interested in peer mentoring.", 14, 14, 0,
    "Kepala Operasional", "Temu alumni", "Dikenalkan oleh Siti. Tertarik mentoring sejawat." },
  { "Rina", "Siregar", "Bank Mandiri", "Risk Analyst", "rina.siregar@example.id",
    "+62 818 1111 9999", "Medan", "Women in Tech Medan", "finance,medan",
    "Wants to learn Python for risk models.", 75, 20, 6,
    "Analis Risiko", "Women in Tech Medan", "Ingin belajar Python untuk model risiko." },
  { "Fajar", "Hidayat", "Startup Nusantara", "Founder", "fajar@example.id",
    "+62 819 4444 5555", "Makassar", "Makassar Founders Night", "startup,founder",
    "Looking for advisors for his ed-tech idea.", 10, 10, 2,
    "Pendiri", "Makassar Founders Night", "Mencari penasihat untuk ide ed-tech-nya." },
};

static void
add_contacts (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (contacts); i++)
    {
      const DemoContact *c = &contacts[i];
      g_autofree char *met = day (-c->met_days_ago);
      g_autofree char *last = day (-c->last_days_ago);
      g_auto(GStrv) tags = g_strsplit (c->tags, ",", -1);
      guint id = i + 1;

      sql ("INSERT INTO contacts (id, uid, display_name, given_name, family_name, organization,"
           " role, met_where, met_on, met_event, notes, keep_in_touch_count, keep_in_touch_unit,"
           " sort_key, created_at, updated_at) VALUES (%u, 'demo-%u', '%s %s', '%s', '%s', '%s',"
           " '%s', '%s', '%s', '%s', '%s', nullif (%d, 0), CASE WHEN %d > 0 THEN 'week' END,"
           " lower ('%s %s'), strftime ('%%s'), strftime ('%%s'))",
           id, id, c->given, c->family, c->given, c->family, c->org, T (c->role, c->role_id),
           c->where, met, T (c->event, c->event_id), T (c->notes, c->notes_id), c->every_weeks,
           c->every_weeks, c->given, c->family);
      sql ("INSERT INTO contact_fields (contact_id, kind, label, value, preferred, position)"
           " VALUES (%u, 'email', 'work', '%s', 1, 0), (%u, 'phone', 'mobile', '%s', 0, 1),"
           " (%u, 'url', 'LinkedIn', 'https://www.linkedin.com/in/%s-%s', 0, 2)",
           id, c->email, id, c->phone, id, c->given, c->family);
      for (guint t = 0; tags[t]; t++)
        sql ("INSERT INTO contact_tags (contact_id, tag) VALUES (%u, '%s')", id, tags[t]);
      sql ("INSERT INTO interactions (contact_id, happened_on, channel, summary, created_at)"
           " VALUES (%u, '%s', 'event', '%s %s', strftime ('%%s')),"
           " (%u, '%s', '%s', '%s', strftime ('%%s'))",
           id, met, T ("First met at", "Pertama bertemu di"), T (c->event, c->event_id),
           id, last, i % 2 ? "call" : "meeting", T ("Caught up over coffee", "Ngobrol sambil ngopi"));
      /* Next follow-up = last contact + interval, as the store keeps it. */
      sql ("UPDATE contacts SET last_contact_on = '%s', next_follow_up_on = CASE"
           " WHEN keep_in_touch_count IS NULL THEN NULL"
           " ELSE date ('%s', '+' || (keep_in_touch_count * 7) || ' days') END WHERE id = %u",
           last, last, id);
    }
  sql ("UPDATE contacts SET introduced_by = 1 WHERE id = 6");
  /* Birthdays, with and without the year (vCard's --MM-DD). */
  sql ("UPDATE contacts SET birthday = '1991-03-12' WHERE id = 1");
  sql ("UPDATE contacts SET birthday = '--07-04' WHERE id = 2");
  /* A one-off follow-up with its own date, on someone without an interval. */
  {
    g_autofree char *by = day (3);

    sql ("UPDATE contacts SET follow_up_on = '%s', follow_up_note = '%s',"
         " next_follow_up_on = '%s' WHERE id = 6",
         by, T ("Send my portfolio", "Kirim portofolio saya"), by);
  }
}

static void
add_mentoring (void)
{
  g_autofree char *start_mentee = day (-63);
  g_autofree char *start_mentor = day (-35);
  g_autofree char *end_mentee = day (120);
  g_autofree char *prev = day (-7);
  g_autofree char *next = day (0);
  g_autofree char *due1 = day (5);
  g_autofree char *due2 = day (12);
  g_autofree char *due3 = day (45);
  g_autofree char *budi_first = day (-14);
  g_autofree char *review = day (9);

  /* Siti mentors me; I mentor Budi. */
  sql ("INSERT INTO relationships (id, title, mentor_id, mentee_id, kind, phase, goals, cadence,"
       " confidentiality, planned_duration, started_on, planned_end_on, created_at, updated_at)"
       " VALUES (1, '%s', 1, NULL, 'one-on-one', 'enabling', NULL, '%s', '%s', '%s',"
       " '%s', '%s', 0, 0)",
       T ("Growing into a tech lead", "Tumbuh menjadi tech lead"),
       T ("Every two weeks, 60 minutes", "Setiap dua minggu, 60 menit"),
       T ("What we discuss stays between us", "Yang kita bicarakan tetap di antara kita"),
       T ("Six months", "Enam bulan"), start_mentee, end_mentee);
  sql ("INSERT INTO relationships (id, title, mentor_id, mentee_id, kind, phase, goals, cadence,"
       " confidentiality, planned_duration, started_on, created_at, updated_at)"
       " VALUES (2, '%s', NULL, 2, 'one-on-one', 'negotiation', NULL, '%s', '%s', '%s', '%s',"
       " 0, 0)",
       T ("Budi''s first job", "Pekerjaan pertama Budi"),
       T ("Weekly, 45 minutes", "Setiap minggu, 45 menit"),
       T ("Private notes stay private", "Catatan pribadi tetap rahasia"),
       T ("Four months", "Empat bulan"), start_mentor);

  sql ("INSERT INTO sessions (id, uid, relationship_id, title, start_local, tzid, duration_min,"
       " location, notes, rrule, reminders, created_at, updated_at) VALUES"
       " (1, 'demo-siti@bimbing', 1, '%s', '%sT10:00:00', 'Asia/Jakarta', 60,"
       " 'https://meet.example.id/siti', '%s', 'FREQ=WEEKLY;INTERVAL=2', '15,1440', 0, 0)",
       T ("Mentoring with Siti", "Mentoring bersama Siti"), prev,
       T ("Talked about delegation and giving feedback.",
          "Membahas delegasi dan cara memberi umpan balik."));
  sql ("INSERT INTO sessions (id, uid, relationship_id, title, start_local, tzid, duration_min,"
       " location, notes, rrule, reminders, created_at, updated_at) VALUES"
       " (2, 'demo-budi@bimbing', 2, '%s', '%sT16:00:00', 'Asia/Jakarta', 45,"
       " 'Kopi Tuku, Cipete', '%s', 'FREQ=WEEKLY', '15', 0, 0)",
       T ("Weekly with Budi", "Pertemuan mingguan dengan Budi"), budi_first,
       T ("Reviewed his CV; he will apply to three companies.",
          "Meninjau CV-nya; dia akan melamar ke tiga perusahaan."));
  sql ("INSERT INTO sessions (id, uid, relationship_id, title, start_local, tzid, duration_min,"
       " location, reminders, created_at, updated_at) VALUES"
       " (3, 'demo-kickoff@bimbing', 1, '%s', '%sT13:30:00',"
       " 'Asia/Jakarta', 90, '%s', '60', 0, 0)",
       T ("Quarterly review with Siti", "Evaluasi triwulanan bersama Siti"), review,
       T ("Gojek HQ, Jakarta", "Kantor pusat Gojek, Jakarta"));
  sql ("INSERT INTO agenda_items (session_id, position, text) VALUES"
       " (1, 0, '%s'), (1, 1, '%s'), (1, 2, '%s'), (2, 0, '%s'), (2, 1, '%s')",
       T ("Review last fortnight''s action items", "Tinjau rencana tindakan dua minggu lalu"),
       T ("Feedback on my first 1:1s", "Umpan balik untuk 1:1 pertama saya"),
       T ("Plan the team offsite", "Rencanakan acara tim di luar kantor"),
       T ("Mock interview", "Simulasi wawancara"),
       T ("Portfolio project", "Proyek portofolio"));
  sql ("INSERT INTO action_items (relationship_id, session_id, owner, text, due_on, done,"
       " position, created_at) VALUES"
       " (1, 1, 'mentee', '%s', '%s', 0, 0, 0),"
       " (1, 1, 'mentor', '%s', '%s', 0, 1, 0),"
       " (1, 1, 'mentee', '%s', '%s', 1, 2, 0),"
       " (2, 2, 'mentee', '%s', '%s', 0, 0, 0),"
       " (2, 2, 'mentor', '%s', '%s', 0, 1, 0)",
       T ("Write a one-page delegation plan", "Tulis rencana delegasi satu halaman"), due1,
       T ("Share the feedback framework slides", "Bagikan slide kerangka umpan balik"), due1,
       T ("Book 1:1s with every team member", "Jadwalkan 1:1 dengan setiap anggota tim"), prev,
       T ("Apply to three data analyst roles", "Lamar tiga lowongan analis data"), due2,
       T ("Introduce Budi to Dimas at Telkom", "Kenalkan Budi dengan Dimas di Telkom"), next);
  sql ("INSERT INTO goals (relationship_id, title, specific, measurable, achievable, relevant,"
       " time_bound, due_on, progress, status, created_at, updated_at) VALUES"
       " (1, '%s', '%s', '%s', '%s', '%s', '%s', '%s', 60, 'active', 0, 0),"
       " (1, '%s', '%s', '%s', '%s', '%s', '%s', '%s', 25, 'active', 0, 0),"
       " (2, '%s', '%s', '%s', '%s', '%s', '%s', '%s', 40, 'active', 0, 0)",
       T ("Lead the platform team", "Memimpin tim platform"),
       T ("Run the weekly planning for four engineers", "Memandu perencanaan mingguan empat engineer"),
       T ("Team satisfaction of 4 out of 5 in the next survey", "Kepuasan tim 4 dari 5 pada survei berikutnya"),
       T ("Siti coaches me every two weeks", "Siti membimbing saya setiap dua minggu"),
       T ("The promotion path to engineering manager", "Jalur promosi menjadi engineering manager"),
       T ("By the end of the quarter", "Sebelum akhir triwulan"), due3,
       T ("Speak at a meetup", "Berbicara di sebuah meetup"),
       T ("A 20-minute talk on code review", "Presentasi 20 menit tentang code review"),
       T ("One talk given", "Satu presentasi terlaksana"),
       T ("Practise twice with Siti", "Berlatih dua kali bersama Siti"),
       T ("Builds visibility", "Membangun visibilitas"),
       T ("Before the holidays", "Sebelum libur akhir tahun"), due3,
       T ("First job offer", "Tawaran kerja pertama"),
       T ("An offer for a data analyst role", "Tawaran untuk posisi analis data"),
       T ("One signed offer", "Satu tawaran yang ditandatangani"),
       T ("Ten applications, weekly mock interviews", "Sepuluh lamaran, simulasi wawancara tiap minggu"),
       T ("Budi graduates this year", "Budi lulus tahun ini"),
       T ("Within four months", "Dalam empat bulan"), due3);
}

static void
add_assessments (void)
{
  g_autoptr(BmbChecklistStore) store = bmb_checklist_store_new (db);
  g_autoptr(GError) error = NULL;
  static const char *keys[] = { "mentee-traits", "mentor-qualities", "networking-habits" };

  if (!bmb_checklist_store_sync_builtins (store, &error))
    g_error ("%s", error->message);

  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    {
      g_autoptr(BmbChecklistTemplate) template = bmb_checklist_store_get_builtin (store, keys[k],
                                                                                  &error);
      GListModel *items;
      gboolean rating;

      if (template == NULL)
        g_error ("%s", error->message);
      items = bmb_checklist_template_get_items (template);
      rating = bmb_checklist_template_get_answer_kind (template) == BMB_ANSWER_KIND_RATING;

      /* Five snapshots over ten months, each a little better than the last. */
      for (int round = 0; round < 5; round++)
        {
          g_autoptr(BmbAssessment) assessment = NULL;
          g_autoptr(GDateTime) now = g_date_time_new_now_local ();
          g_autoptr(GDateTime) when = g_date_time_add_days (now, -300 + round * 70 + (int)k);

          assessment = bmb_checklist_store_start_assessment (store,
                                                             bmb_checklist_template_get_id (template),
                                                             k == 0 ? 1 : 0, &error);
          if (assessment == NULL)
            g_error ("%s", error->message);

          for (guint i = 0; i < g_list_model_get_n_items (items); i++)
            {
              g_autoptr(BmbChecklistItem) item = g_list_model_get_item (items, i);
              int value = rating ? CLAMP (1 + (round + (int)i) * 4 / 8, 1, 5)
                                 : (round * 3 + (int)i) % 4 != 0;

              if (!bmb_checklist_store_set_answer (store, assessment,
                                                   bmb_checklist_item_get_id (item), value,
                                                   i == 0 && round == 4 ? T ("Much better than last spring",
                                                                               "Jauh lebih baik daripada awal tahun")
                                                                  : NULL,
                                                   &error))
                g_error ("%s", error->message);
            }
          if (!bmb_checklist_store_complete_assessment (store, assessment,
                                                        g_date_time_to_unix (when), &error))
            g_error ("%s", error->message);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;

  if (argc == 4 && g_str_equal (argv[2], "--lang") && g_str_equal (argv[3], "id"))
    indonesian = TRUE;
  else if (argc != 2)
    {
      g_printerr ("Usage: %s FILE [--lang id]\n", argv[0]);
      return 2;
    }

  g_unlink (argv[1]);
  if (!(db = bmb_database_open (argv[1], &error)))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  if (!bmb_database_begin (db, &error))
    g_error ("%s", error->message);
  add_contacts ();
  add_mentoring ();
  if (!bmb_database_commit (db, &error))
    g_error ("%s", error->message);
  add_assessments ();
  bmb_database_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL);
  g_object_unref (db);

  return 0;
}
