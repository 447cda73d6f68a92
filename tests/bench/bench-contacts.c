/* bench-contacts.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The contact store at 100,000 contacts: bulk insert through the store in
 * one transaction, search-as-you-type latency per keystroke, the list
 * queries (ids in order) and page loads (summaries), lookups by email.
 * Deterministic: a seeded GRand. Prints figures; never fails on them.
 *
 *   bench-contacts [N_CONTACTS [KEPT_DATABASE]]
 *
 * With BIMBING_BENCH_KEEP_DB set, the database is kept for inspection.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>

#include "bmb-contact-store.h"

#define SEED 20261123

static const char *given[] = {
  "Siti", "Budi", "Ayu", "Dewi", "Agus", "Rina", "Andi", "Putri", "Wahyu", "Indah",
  "Rizky", "Fitri", "Hendra", "Lestari", "Yusuf", "Nur", "Bayu", "Ratna", "Dimas", "Maya",
  "Joko", "Sri", "Eko", "Wulan", "Fajar", "Intan", "Arif", "Citra", "Gilang", "Kartika",
  "Muhammad", "Ahmad", "Nadia", "Rudi", "Sari", "Teguh", "Yuni", "Bambang", "Desi", "Hadi",
  "Irfan", "Lina", "Novi", "Oki", "Prasetyo", "Reza", "Sinta", "Taufik", "Umi", "Vina",
  "Wati", "Yoga", "Zahra", "Aditya", "Bella", "Cahya", "Dian", "Erlangga", "Galih", "Hana",
  "José", "Élodie", "Ñoman", "Ketut", "Made", "Wayan", "Nyoman", "Gede", "Komang", "Putu",
};
static const char *family[] = {
  "Rahmawati", "Santoso", "Wijaya", "Pratama", "Saputra", "Hidayat", "Kusuma", "Nugroho",
  "Setiawan", "Lestari", "Siregar", "Nasution", "Simanjuntak", "Purba", "Harahap", "Hasibuan",
  "Sinaga", "Wibowo", "Gunawan", "Halim", "Tanjung", "Lubis", "Suharto", "Anggraini",
  "Rahayu", "Susanto", "Hakim", "Permana", "Utomo", "Firmansyah", "Ramadhan", "Maharani",
  "Putra", "Sitompul", "Pangaribuan", "Manurung", "Tambunan", "Batubara", "Daulay", "Ginting",
  "Sembiring", "Tarigan", "Karo", "Sihombing", "Situmorang", "Effendi", "Kurniawan", "Sutanto",
  "Ramírez", "Muñoz", "Nguyễn", "Fauzi", "Hartono", "Salim", "Sugiarto", "Wirawan",
};
static const char *orgs[] = {
  "Gojek", "Tokopedia", "Bank Mandiri", "Telkom Indonesia", "Universitas Indonesia",
  "Pertamina", "Bukalapak", "Traveloka", "Kopi Kenangan", "Ruangguru", "Dinas Pendidikan",
  "Rumah Sakit Harapan", "Yayasan Cerdas", "Startup Nusantara", "PT Maju Bersama",
  "Institut Teknologi Bandung", "Universitas Gadjah Mada", "Bank Rakyat Indonesia",
  "Kementerian Kesehatan", "Sekolah Cikal", "Komunitas Jejaring Muda", "Koperasi Sejahtera",
};
static const char *roles[] = {
  "Software Engineer", "Product Manager", "HR Business Partner", "Dosen", "Desainer",
  "Analis Data", "Perawat", "Guru", "Pendiri", "Kepala Pemasaran", "Akuntan", "Mentor",
  "Konsultan", "Peneliti", "Manajer Proyek",
};
static const char *tags[] = {
  "jakarta", "bandung", "surabaya", "alumni", "konferensi", "mentor", "mentee", "teknologi",
  "kesehatan", "pendidikan", "startup", "komunitas", "keluarga", "investor", "relawan",
};
static const char *places[] = {
  "Jakarta Convention Center", "Bandung Tech Meetup", "Surabaya Startup Week",
  "Kopi Tuku, Cipete", "Google Meet", "Perpustakaan Nasional", "Co-working Kemang",
};
static const char *events[] = {
  "Temu Alumni", "Seminar Karier", "Hackathon Nusantara", "Lokakarya Mentoring",
  "Pameran Pendidikan", "Festival Startup",
};
static const char *notes[] = {
  "Tertarik menjadi mentor untuk mahasiswa tingkat akhir.",
  "Bertemu di sesi berbagi pengalaman; ingin tindak lanjut soal magang.",
  "Ahli komputasi awan, bisa membantu penilaian diri tim.",
  "Kenalan dari pertemuan rutin komunitas jejaring.",
  "Minta dikirimi materi presentasi setelah acara.",
  "Sedang mencari mentee untuk program enam bulan.",
};
static const char *domains[] = {
  "gmail.com", "yahoo.co.id", "ui.ac.id", "itb.ac.id", "contoh.co.id", "kantor.id",
};

#define PICK(rand, array) (array[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *)a;
  double y = *(const double *)b;

  return x < y ? -1 : x > y ? 1 : 0;
}

static double
percentile (GArray *samples,
            double  p)
{
  guint index;

  g_array_sort (samples, compare_double);
  index = (guint)((samples->len - 1) * p + 0.5);

  return g_array_index (samples, double, index);
}

static char *
ascii_lower (const char *text)
{
  g_autofree char *folded = bmb_text_fold (text);
  GString *out = g_string_new (NULL);

  for (const char *p = folded; *p; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (out, *p);

  return g_string_free (out, FALSE);
}

static BmbContact *
generate_contact (GRand *rand,
                  guint  i)
{
  BmbContact *contact = bmb_contact_new ();
  const char *g = PICK (rand, given);
  const char *f = PICK (rand, family);
  g_autofree char *lg = ascii_lower (g);
  g_autofree char *lf = ascii_lower (f);
  g_autofree char *email = g_strdup_printf ("%s.%s%u@%s", lg, lf, i, PICK (rand, domains));
  g_autofree char *phone = g_strdup_printf ("+62 8%02d-%04d-%04d", g_rand_int_range (rand, 11, 99),
                                            g_rand_int_range (rand, 0, 10000),
                                            g_rand_int_range (rand, 0, 10000));
  guint n_tags = g_rand_int_range (rand, 0, 4);

  bmb_contact_set_given_name (contact, g);
  bmb_contact_set_family_name (contact, f);
  bmb_contact_set_organization (contact, PICK (rand, orgs));
  bmb_contact_set_role (contact, PICK (rand, roles));
  bmb_contact_add_field (contact, BMB_CONTACT_FIELD_EMAIL, "kerja", email, TRUE);
  bmb_contact_add_field (contact, BMB_CONTACT_FIELD_PHONE, "ponsel", phone, FALSE);
  if (g_rand_int_range (rand, 0, 4) == 0)
    {
      g_autofree char *link = g_strdup_printf ("https://linkedin.com/in/%s-%s-%u", lg, lf, i);

      bmb_contact_add_field (contact, BMB_CONTACT_FIELD_URL, "LinkedIn", link, FALSE);
    }
  for (guint t = 0; t < n_tags; t++)
    bmb_contact_add_tag (contact, PICK (rand, tags));
  if (g_rand_int_range (rand, 0, 3) == 0)
    bmb_contact_set_notes (contact, PICK (rand, notes));

  if (g_rand_int_range (rand, 0, 2) == 0)
    {
      g_autofree char *met_on = g_strdup_printf ("20%02d-%02d-%02d",
                                                 g_rand_int_range (rand, 18, 26),
                                                 g_rand_int_range (rand, 1, 13),
                                                 g_rand_int_range (rand, 1, 29));

      bmb_contact_set_met_on (contact, met_on);
      bmb_contact_set_met_event (contact, PICK (rand, events));
      bmb_contact_set_met_where (contact, PICK (rand, places));
    }

  if (g_rand_int_range (rand, 0, 3) != 0)
    {
      g_autofree char *last = g_strdup_printf ("20%02d-%02d-%02d", g_rand_int_range (rand, 23, 26),
                                               g_rand_int_range (rand, 1, 13),
                                               g_rand_int_range (rand, 1, 29));

      bmb_contact_set_last_contact_on (contact, last);
      bmb_contact_set_keep_in_touch (contact, g_rand_int_range (rand, 1, 7),
                                     (BmbFollowUpUnit)g_rand_int_range (rand, 1, 4));
    }

  return contact;
}

static void
print_stats (const char *what,
             GArray     *samples)
{
  double sum = 0;

  for (guint i = 0; i < samples->len; i++)
    sum += g_array_index (samples, double, i);

  g_print ("  %-44s n=%-5u median %7.3f ms  p95 %7.3f ms  max %7.3f ms  mean %7.3f ms\n",
           what, samples->len, percentile (samples, 0.5), percentile (samples, 0.95),
           percentile (samples, 1.0), sum / samples->len);
}

/* Types every prefix of @names (one keystroke at a time) and records the
 * query_ids time of each prefix at least @min_len characters long. */
static void
bench_typing (BmbContactStore  *store,
              const char      **names,
              guint             min_len,
              BmbContactSort    sort,
              GArray           *samples,
              guint            *max_hits)
{
  for (guint n = 0; names[n] != NULL; n++)
    {
      glong len = g_utf8_strlen (names[n], -1);

      for (glong k = 1; k <= len; k++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(GArray) ids = NULL;
          g_autofree char *prefix = g_utf8_substring (names[n], 0, k);
          double start, elapsed;

          if ((guint)k < min_len || prefix[strlen (prefix) - 1] == ' ')
            continue;

          start = now_ms ();
          ids = bmb_contact_store_query_ids (store, prefix, sort, BMB_CONTACT_FILTER_ALL,
                                             NULL, &error);
          elapsed = now_ms () - start;
          g_assert_no_error (error);

          g_array_append_val (samples, elapsed);
          *max_hits = MAX (*max_hits, ids->len);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbDatabase) db = NULL;
  g_autoptr(BmbContactStore) store = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  guint n_contacts = argc > 1 ? (guint)atoi (argv[1]) : 100000;
  const char *typed[] = {
    "siti rahayu", "budi santoso", "dewi lestari", "agus wibowo", "kartika sinaga",
    "jose ramirez", "elodie", "gojek", "universitas", "mentor", "nugroho",
    "putri hasibuan", "wayan", "ketut", "komunitas jejaring", "temu alumni", "rudi halim",
    "yuni", "tokopedia", "bandung", "dosen", "perawat", "andi saputra", "maya harahap",
    NULL,
  };
  double start, elapsed;
  gboolean reuse;

  g_setenv ("TZ", "Asia/Jakarta", TRUE);
  setlocale (LC_ALL, "");

  /* A second argument reuses a database kept by an earlier run (see
   * BIMBING_BENCH_KEEP_DB) and skips the insert. */
  reuse = argc > 2;
  if (reuse)
    {
      path = g_strdup (argv[2]);
      dir = g_path_get_dirname (path);
    }
  else
    {
      dir = g_dir_make_tmp ("bimbing-bench-contacts-XXXXXX", &error);
      g_assert_no_error (error);
      path = g_build_filename (dir, "bimbing.db", NULL);
    }
  db = bmb_database_open (path, &error);
  g_assert_no_error (error);
  store = bmb_contact_store_new (db);
  bmb_contact_store_set_today (store, "2025-06-15");

  g_print ("Contact store, %u contacts (seed %u, SQLite %s)\n",
           n_contacts, SEED, sqlite3_libversion ());

  /* ---- bulk insert through the store, one transaction ---- */
  if (!reuse)
    {
      start = now_ms ();
      g_assert_true (bmb_database_begin (db, &error));
      for (guint i = 1; i <= n_contacts; i++)
        {
          g_autoptr(BmbContact) contact = generate_contact (rand, i);

          if (!bmb_contact_store_insert (store, contact, &error))
            g_error ("insert %u: %s", i, error->message);
        }
      g_assert_true (bmb_database_commit (db, &error));
      elapsed = now_ms () - start;
      g_print ("  insert %u contacts in one transaction:    %.2f s (%.1f µs/contact)\n",
               n_contacts, elapsed / 1000.0, elapsed * 1000.0 / n_contacts);
    }
  else
    {
      g_print ("  reusing %s (%" G_GINT64_FORMAT " contacts)\n", path,
               bmb_contact_store_count (store, NULL));
    }

  {
    GStatBuf st;

    if (g_stat (path, &st) == 0)
      g_print ("  database file: %.1f MiB\n", st.st_size / (1024.0 * 1024.0));
  }

  /* ---- search as you type ---- */
  {
    BmbContactSort sorts[] = { BMB_CONTACT_SORT_NAME, BMB_CONTACT_SORT_RELEVANCE };
    const char *sort_names[] = { "by name", "by relevance" };

    /* Warm the page cache once, as a running app would be. */
    g_array_unref (bmb_contact_store_query_ids (store, "a", BMB_CONTACT_SORT_NAME,
                                                BMB_CONTACT_FILTER_ALL, NULL, NULL));

    for (guint s = 0; s < G_N_ELEMENTS (sorts); s++)
      {
        g_autoptr(GArray) from3 = g_array_new (FALSE, FALSE, sizeof (double));
        g_autoptr(GArray) from1 = g_array_new (FALSE, FALSE, sizeof (double));
        g_autofree char *label3 = NULL;
        g_autofree char *label1 = NULL;
        guint hits3 = 0, hits1 = 0;

        for (guint round = 0; round < 5; round++)
          {
            bench_typing (store, typed, 3, sorts[s], from3, &hits3);
            bench_typing (store, typed, 1, sorts[s], from1, &hits1);
          }

        label3 = g_strdup_printf ("search %s, keystrokes from 3rd char", sort_names[s]);
        label1 = g_strdup_printf ("search %s, every keystroke", sort_names[s]);
        print_stats (label3, from3);
        g_print ("    (largest result: %u ids)\n", hits3);
        print_stats (label1, from1);
        g_print ("    (largest result: %u ids)\n", hits1);
      }
  }

  /* ---- the list without search ---- */
  {
    struct {
      const char       *label;
      BmbContactSort    sort;
      BmbContactFilter  filter;
      const char       *tag;
    } lists[] = {
      { "query_ids all, by name", BMB_CONTACT_SORT_NAME, BMB_CONTACT_FILTER_ALL, NULL },
      { "query_ids all, by last contact", BMB_CONTACT_SORT_LAST_CONTACT,
        BMB_CONTACT_FILTER_ALL, NULL },
      { "query_ids all, by next follow-up", BMB_CONTACT_SORT_NEXT_FOLLOW_UP,
        BMB_CONTACT_FILTER_ALL, NULL },
      { "query_ids needs follow-up", BMB_CONTACT_SORT_NEXT_FOLLOW_UP,
        BMB_CONTACT_FILTER_NEEDS_FOLLOW_UP, NULL },
      { "query_ids tag 'mentor', by name", BMB_CONTACT_SORT_NAME, BMB_CONTACT_FILTER_ALL,
        "mentor" },
    };

    for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
      {
        g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
        guint len = 0;

        for (guint r = 0; r < 10; r++)
          {
            g_autoptr(GArray) ids = NULL;

            start = now_ms ();
            ids = bmb_contact_store_query_ids (store, NULL, lists[l].sort, lists[l].filter,
                                               lists[l].tag, &error);
            elapsed = now_ms () - start;
            g_assert_no_error (error);
            g_array_append_val (samples, elapsed);
            len = ids->len;
          }
        print_stats (lists[l].label, samples);
        g_print ("    (%u ids)\n", len);
      }
  }

  /* ---- pages of summaries ---- */
  {
    g_autoptr(GArray) ids = bmb_contact_store_query_ids (store, NULL, BMB_CONTACT_SORT_NAME,
                                                         BMB_CONTACT_FILTER_ALL, NULL, &error);
    guint page_sizes[] = { 50, 200 };

    g_assert_no_error (error);

    for (guint p = 0; p < G_N_ELEMENTS (page_sizes); p++)
      {
        g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
        g_autofree char *label = g_strdup_printf ("load_summaries, page of %u at random offsets",
                                                  page_sizes[p]);

        for (guint r = 0; r < 200; r++)
          {
            g_autoptr(GPtrArray) summaries = NULL;
            guint offset = g_rand_int_range (rand, 0, MAX (1, ids->len - page_sizes[p]));
            guint n = MIN (page_sizes[p], ids->len - offset);

            start = now_ms ();
            summaries = bmb_contact_store_load_summaries (store,
                                                          &g_array_index (ids, gint64, offset),
                                                          n, &error);
            elapsed = now_ms () - start;
            g_assert_no_error (error);
            g_array_append_val (samples, elapsed);
          }
        print_stats (label, samples);
      }
  }

  /* ---- lookups the importer makes ---- */
  {
    g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) get_samples = g_array_new (FALSE, FALSE, sizeof (double));
    GRand *lookup_rand = g_rand_new_with_seed (SEED);
    guint found = 0;

    /* Replaying the generator gives the same emails. */
    for (guint i = 1; i <= MIN (n_contacts, 2000); i++)
      {
        g_autoptr(BmbContact) contact = generate_contact (lookup_rand, i);
        g_autoptr(BmbContact) full = NULL;
        const char *email = bmb_contact_get_primary_value (contact, BMB_CONTACT_FIELD_EMAIL);
        g_autofree char *upper = g_ascii_strup (email, -1);
        gint64 id;

        start = now_ms ();
        id = bmb_contact_store_find_id_by_email (store, upper, &error);
        elapsed = now_ms () - start;
        g_assert_no_error (error);
        g_array_append_val (samples, elapsed);
        found += id > 0;

        start = now_ms ();
        full = bmb_contact_store_get (store, id, &error);
        elapsed = now_ms () - start;
        g_assert_no_error (error);
        g_array_append_val (get_samples, elapsed);
      }
    g_rand_free (lookup_rand);
    print_stats ("find_id_by_email (case-insensitive)", samples);
    g_print ("    (%u of %u found)\n", found, samples->len);
    print_stats ("get (full contact with fields and tags)", get_samples);
  }

  g_clear_object (&store);
  g_clear_object (&db);
  if (reuse || g_getenv ("BIMBING_BENCH_KEEP_DB") != NULL)
    {
      g_print ("  kept %s\n", path);
      return EXIT_SUCCESS;
    }
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
    g_unlink (path);
    g_rmdir (dir);
  }

  return EXIT_SUCCESS;
}
