/* bench-import.c — importing a 100,000-contact vCard file into a fresh
 * database, and exporting it again.
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file is generated deterministically (a fixed GRand seed): vCard 3.0
 * as Google writes it, with a UID, N, FN, two emails, a phone, ORG, TITLE,
 * CATEGORIES, a NOTE on one card in four and a birthday on one in three,
 * folded where long. The import runs through the public synchronous API
 * (one transaction) into a new temporary database. Target: ≤ 3 s.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/resource.h>

#include "bmb-contact-export.h"
#include "bmb-contact-import.h"
#include "bmb-contact-store.h"
#include "bmb-vcard-writer.h"

#define N_CONTACTS 100000
#define SEED       20261123

static const char *given[] = {
  "Siti", "Budi", "Ayu", "Dewi", "Agus", "Rina", "Andi", "Putri", "Wahyu", "Indah",
  "Rizky", "Fitri", "Hendra", "Lestari", "Yusuf", "Nur", "Bayu", "Ratna", "Dimas", "Maya",
};
static const char *family[] = {
  "Rahmawati", "Santoso", "Wijaya", "Pratama", "Saputra", "Hidayat", "Kusuma", "Nugroho",
  "Setiawan", "Siregar", "Nasution", "Simanjuntak", "Harahap", "Wibowo", "Gunawan", "Lubis",
};
static const char *orgs[] = {
  "Gojek", "Tokopedia", "Bank Mandiri", "Telkom Indonesia", "Universitas Indonesia",
  "Pertamina", "Traveloka", "Ruangguru", "Dinas Pendidikan", "Yayasan Cerdas",
};
static const char *titles[] = {
  "Software Engineer", "Product Manager", "HR Business Partner", "Dosen", "Designer",
  "Data Analyst", "Guru", "Founder", "Marketing Lead",
};
static const char *tags[] = {
  "jakarta", "bandung", "surabaya", "alumni", "konferensi", "mentor", "tech", "komunitas",
};

#define PICK(rand, array) (array[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

static GString *
generate (guint n)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  GString *out = g_string_sized_new ((gsize)n * 420);

  for (guint i = 0; i < n; i++)
    {
      const char *g = PICK (rand, given);
      const char *f = PICK (rand, family);

      g_string_append (out, "BEGIN:VCARD\r\nVERSION:3.0\r\n");
      g_string_append_printf (out, "UID:bench-%08x-%06u\r\n", g_rand_int (rand), i);
      g_string_append_printf (out, "N:%s;%s;;;\r\nFN:%s %s\r\n", f, g, g, f);
      g_string_append_printf (out, "EMAIL;TYPE=INTERNET;TYPE=WORK:%s.%s.%u@%s.example\r\n",
                              g, f, i, "kantor");
      g_string_append_printf (out, "item1.EMAIL;TYPE=INTERNET:%s%u@pribadi.example\r\n"
                                   "item1.X-ABLabel:Pribadi\r\n", g, i);
      g_string_append_printf (out, "TEL;TYPE=CELL:+62 8%02u %04u %04u\r\n",
                              g_rand_int_range (rand, 11, 99), i / 10000, i % 10000);
      g_string_append_printf (out, "ORG:%s\r\nTITLE:%s\r\n", PICK (rand, orgs),
                              PICK (rand, titles));
      g_string_append_printf (out, "CATEGORIES:myContacts,%s,%s\r\n", PICK (rand, tags),
                              PICK (rand, tags));
      if (i % 3 == 0)
        g_string_append_printf (out, "BDAY:19%02u-%02u-%02u\r\n", g_rand_int_range (rand, 60, 99),
                                g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));
      if (i % 4 == 0)
        {
          g_autofree char *line = g_strdup_printf ("NOTE:Bertemu di %s\\, membahas "
                                                   "pengembangan karier dan jejaring. Tindak "
                                                   "lanjut: kirim materi mentoring minggu "
                                                   "depan (%u).", PICK (rand, orgs), i);

          bmb_vcard_append_folded (out, line, strlen (line));
        }
      g_string_append (out, "END:VCARD\r\n");
    }

  return out;
}

/* User + system CPU seconds of this process so far. */
static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);

  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
         usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

static void
on_progress (double   fraction,
             guint    n_processed,
             gpointer user_data)
{
  guint *n_reports = user_data;

  (*n_reports)++;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) cards = NULL;
  g_autoptr(BmbDatabase) db = NULL;
  g_autoptr(BmbContactImportResult) result = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) out_file = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *vcf = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *out_path = NULL;
  guint n_reports = 0;
  guint n_exported = 0;
  gint64 start;
  double generate_s, import_s, export_s, cpu_start, import_cpu;

  g_setenv ("TZ", "Asia/Jakarta", TRUE);

  dir = g_dir_make_tmp ("bimbing-bench-import-XXXXXX", &error);
  g_assert_no_error (error);
  vcf = g_build_filename (dir, "kontak.vcf", NULL);
  db_path = g_build_filename (dir, "bimbing.db", NULL);
  out_path = g_build_filename (dir, "ekspor.vcf", NULL);

  start = g_get_monotonic_time ();
  cards = generate (N_CONTACTS);
  g_file_set_contents (vcf, cards->str, cards->len, &error);
  g_assert_no_error (error);
  generate_s = (g_get_monotonic_time () - start) / (double)G_USEC_PER_SEC;

  db = bmb_database_open (db_path, &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (vcf);

  start = g_get_monotonic_time ();
  cpu_start = cpu_seconds ();
  result = bmb_contact_import_file (db, file, NULL, on_progress, &n_reports, &error);
  import_s = (g_get_monotonic_time () - start) / (double)G_USEC_PER_SEC;
  import_cpu = cpu_seconds () - cpu_start;
  g_assert_no_error (error);
  g_assert_cmpuint (bmb_contact_import_result_get_imported (result), ==, N_CONTACTS);

  out_file = g_file_new_for_path (out_path);
  start = g_get_monotonic_time ();
  bmb_contact_export_to_file (db, out_file, BMB_CONTACT_EXPORT_FORMAT_VCARD, NULL, 0, NULL,
                              &n_exported, &error);
  export_s = (g_get_monotonic_time () - start) / (double)G_USEC_PER_SEC;
  g_assert_no_error (error);
  g_assert_cmpuint (n_exported, ==, N_CONTACTS);

  g_print ("vCard file: %u contacts, %.1f MiB, generated in %.2f s\n", N_CONTACTS,
           cards->len / (1024.0 * 1024.0), generate_s);
  g_print ("import: %.2f s wall, %.2f s CPU (%.0f contacts/s, %u progress reports)%s\n",
           import_s, import_cpu, N_CONTACTS / import_s, n_reports,
           import_s <= 3.0 ? "" : "  [over the 3 s target]");
  g_print ("export: %.2f s\n", export_s);

  g_clear_object (&db);
  g_unlink (vcf);
  g_unlink (out_path);
  g_unlink (db_path);
  {
    g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db_path, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (dir);

  return 0;
}
