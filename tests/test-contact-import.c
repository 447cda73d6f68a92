/* test-contact-import.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The importer against a real database: every dialect, merging instead of
 * doubling, bad input refused with nothing changed, cancelling, progress;
 * and the exporters: vCard read back by python3-vobject, vCard and CSV
 * re-imported without losing anything we keep.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "bmb-contact-export.h"
#include "bmb-contact-import.h"
#include "bmb-contact-import-private.h"
#include "bmb-contact-store.h"
#include "bmb-limits.h"
#include "bmb-test-utils.h"

static BmbContactImportResult *
import_path (BmbDatabase *db,
             const char  *path,
             GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return bmb_contact_import_file (db, file, NULL, NULL, NULL, error);
}

static BmbContactImportResult *
import_data_file (BmbDatabase *db,
                  const char  *name)
{
  g_autofree char *path = bmb_test_data_path (name);
  g_autoptr(GError) error = NULL;
  BmbContactImportResult *result = import_path (db, path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);

  return result;
}

static BmbContactImportResult *
import_text (BmbDatabase *db,
             const char  *text,
             gssize       length,
             GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, length < 0 ? strlen (text) : (gsize)length);

  return bmb_contact_import_data (db, bytes, "test.vcf", NULL, NULL, NULL, error);
}

static gint64
count_contacts (BmbDatabase *db)
{
  g_autoptr(BmbContactStore) store = bmb_contact_store_new (db);
  g_autoptr(GError) error = NULL;
  gint64 n = bmb_contact_store_count (store, &error);

  g_assert_no_error (error);

  return n;
}

static BmbContact *
find_by_email (BmbDatabase *db,
               const char  *email)
{
  g_autoptr(BmbContactStore) store = bmb_contact_store_new (db);
  g_autoptr(GError) error = NULL;
  BmbContact *contact = bmb_contact_store_find_by_email (store, email, &error);

  g_assert_no_error (error);
  g_assert_nonnull (contact);

  return contact;
}

static guint
n_fields (BmbContact          *contact,
          BmbContactFieldKind  kind)
{
  g_autoptr(GPtrArray) fields = bmb_contact_dup_fields_of_kind (contact, kind);

  return fields->len;
}

/* A vCard 3.0 file of @n distinct people. */
static GString *
make_cards (guint n)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (out,
                            "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Orang%u;Nama;;;\r\nFN:Nama Orang%u\r\n"
                            "EMAIL;TYPE=INTERNET:orang%u@example.com\r\n"
                            "TEL;TYPE=CELL:+62 812 %07u\r\nORG:Yayasan %u\r\n"
                            "CATEGORIES:massal,jejaring\r\nEND:VCARD\r\n",
                            i, i, i, i, i % 50);

  return out;
}

static char *
write_tmp_file (const char *name,
                const char *data,
                gsize       length)
{
  g_autofree char *dir = bmb_test_make_tmpdir ();
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);

  return path;
}

/* ---- Dialects ------------------------------------------------------------- */

static void
test_vcard_dialects (void)
{
  g_autoptr(BmbDatabase) db = bmb_test_open_tmp_database (NULL);
  const struct { const char *name; guint imported; } files[] = {
    { "contacts/android-21.vcf", 2 },
    { "contacts/outlook-21.vcf", 1 },
    { "contacts/latin1-30.vcf", 1 },
    { "contacts/google-30.vcf", 2 },
    { "contacts/icloud-30.vcf", 1 },
    { "contacts/rfc6350-40.vcf", 1 },
  };
  g_autoptr(BmbContact) dewi = NULL;
  g_autoptr(BmbContact) jose = NULL;
  BmbContactField *field;
  guint total = 0;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(BmbContactImportResult) result = import_data_file (db, files[i].name);

      g_assert_cmpint (bmb_contact_import_result_get_format (result), ==,
                       BMB_CONTACT_IMPORT_FORMAT_VCARD);
      g_assert_cmpuint (bmb_contact_import_result_get_imported (result), ==, files[i].imported);
      g_assert_cmpuint (bmb_contact_import_result_get_merged (result), ==, 0);
      g_assert_cmpuint (bmb_contact_import_result_get_skipped (result), ==, 0);
      total += files[i].imported;
    }

  g_assert_cmpint (count_contacts (db), ==, total);

  /* What was read survives the database. */
  dewi = find_by_email (db, "DEWIKW@ICLOUD.EXAMPLE");
  g_assert_cmpstr (bmb_contact_get_display_name (dewi), ==, "Dewi Kartika Wijaya");
  g_assert_cmpstr (bmb_contact_get_birthday (dewi), ==, "--11-05");
  g_assert_cmpstr (bmb_contact_get_uid (dewi), ==, "C8F2A5B1-3D4E-4F60-9A7B-1C2D3E4F5A6B");
  field = g_ptr_array_index (bmb_contact_get_fields (dewi), 0);
  g_assert_cmpstr (bmb_contact_field_get_label (field), ==, "work");
  g_assert_true (bmb_contact_field_get_preferred (field));

  jose = find_by_email (db, "jose.muller@kopinusantara.co.id");
  g_assert_cmpstr (bmb_contact_get_organization (jose), ==, "Café Kopi Nusantara");
  g_assert_true (bmb_contact_has_tag (jose, "Klien"));
}

static void
test_csv_formats (void)
{
  g_autoptr(BmbDatabase) db = bmb_test_open_tmp_database (NULL);
  const struct {
    const char *name;
    BmbContactImportFormat format;
    guint imported;
    guint skipped;
  } files[] = {
    { "contacts/linkedin-connections.csv", BMB_CONTACT_IMPORT_FORMAT_CSV_LINKEDIN, 3, 0 },
    { "contacts/google-old.csv", BMB_CONTACT_IMPORT_FORMAT_CSV_GOOGLE, 2, 0 },
    { "contacts/google-new.csv", BMB_CONTACT_IMPORT_FORMAT_CSV_GOOGLE, 2, 0 },
    { "contacts/edge.csv", BMB_CONTACT_IMPORT_FORMAT_CSV, 2, 2 },
  };
  g_autoptr(BmbContact) wahyu = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(BmbContactImportResult) result = import_data_file (db, files[i].name);

      g_assert_cmpint (bmb_contact_import_result_get_format (result), ==, files[i].format);
      g_assert_cmpuint (bmb_contact_import_result_get_imported (result), ==, files[i].imported);
      g_assert_cmpuint (bmb_contact_import_result_get_skipped (result), ==, files[i].skipped);

      if (files[i].skipped > 0)
        {
          g_assert_cmpuint (bmb_contact_import_result_get_skip (result, 0)->line, ==, 6);
          g_assert_cmpstr (bmb_contact_import_result_get_skip (result, 0)->reason, ==,
                           "Line 6: the row has no name");
          g_assert_cmpuint (bmb_contact_import_result_get_skip (result, 1)->line, ==, 7);
        }
    }

  g_assert_cmpint (count_contacts (db), ==, 9);

  wahyu = find_by_email (db, "wahyu.setiawan@example.com");
  g_assert_cmpstr (bmb_contact_get_met_on (wahyu), ==, "2023-01-03");
  g_assert_cmpstr (bmb_contact_get_met_where (wahyu), ==, "LinkedIn");
}

/* ---- Merging, never doubling ------------------------------------------------- */

static void
test_merge_not_double (void)
{
  g_autoptr(BmbDatabase) db = bmb_test_open_tmp_database (NULL);
  g_autoptr(BmbContactImportResult) first = NULL;
  g_autoptr(BmbContactImportResult) again = NULL;
  g_autoptr(BmbContactImportResult) more = NULL;
  g_autoptr(BmbContactImportResult) same_file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbContact) ayu = NULL;
  g_autoptr(BmbContact) eko = NULL;
  g_autofree char *summary = NULL;
  const char *update =
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ayu L.\r\n"
    "EMAIL:AYU.LESTARI@TOKOPEDIA.EXAMPLE\r\n"
    "TEL;TYPE=WORK:+62 21 8000 1000\r\nCATEGORIES:Jejaring,Mentee 2025\r\n"
    "NOTE:Sudah sepakat sesi pertama.\r\nEND:VCARD\r\n";
  const char *twice =
    "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Eko Saputra\r\nEMAIL:eko@example.com\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Eko S.\r\nEMAIL:Eko@Example.com\r\n"
    "TEL:+62 899 1\r\nEND:VCARD\r\n";

  first = import_data_file (db, "contacts/google-30.vcf");
  g_assert_cmpuint (bmb_contact_import_result_get_imported (first), ==, 2);

  /* The same file again brings nothing new. */
  again = import_data_file (db, "contacts/google-30.vcf");
  g_assert_cmpuint (bmb_contact_import_result_get_imported (again), ==, 0);
  g_assert_cmpuint (bmb_contact_import_result_get_merged (again), ==, 0);
  g_assert_cmpuint (bmb_contact_import_result_get_skipped (again), ==, 2);
  g_assert_cmpstr (bmb_contact_import_result_get_skip (again, 0)->reason, ==,
                   "Line 1: “Ayu Lestari” is already in your contacts, with nothing new to add");
  g_assert_cmpuint (bmb_contact_import_result_get_skip (again, 1)->line, ==, 21);
  g_assert_cmpint (count_contacts (db), ==, 2);

  /* Same email in another case: merged, new things added, nothing lost. */
  more = import_text (db, update, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bmb_contact_import_result_get_merged (more), ==, 1);
  g_assert_cmpuint (bmb_contact_import_result_get_imported (more), ==, 0);
  g_assert_cmpint (count_contacts (db), ==, 2);

  ayu = find_by_email (db, "ayu@komunitas-mentor.example");
  g_assert_cmpstr (bmb_contact_get_display_name (ayu), ==, "Ayu Lestari");
  g_assert_cmpuint (n_fields (ayu, BMB_CONTACT_FIELD_EMAIL), ==, 3);
  g_assert_cmpuint (n_fields (ayu, BMB_CONTACT_FIELD_PHONE), ==, 2);
  g_assert_true (bmb_contact_has_tag (ayu, "Mentee 2025"));
  g_assert_true (bmb_contact_has_tag (ayu, "Calon mentee"));
  g_assert_nonnull (strstr (bmb_contact_get_notes (ayu), "Ketemu di Jakarta Tech Meetup"));
  g_assert_nonnull (strstr (bmb_contact_get_notes (ayu), "Sudah sepakat sesi pertama."));

  /* Twice in one file: the second merges into the first. */
  same_file = import_text (db, twice, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bmb_contact_import_result_get_imported (same_file), ==, 1);
  g_assert_cmpuint (bmb_contact_import_result_get_merged (same_file), ==, 1);
  g_assert_cmpint (count_contacts (db), ==, 3);
  eko = find_by_email (db, "eko@example.com");
  g_assert_cmpuint (n_fields (eko, BMB_CONTACT_FIELD_EMAIL), ==, 1);
  g_assert_cmpuint (n_fields (eko, BMB_CONTACT_FIELD_PHONE), ==, 1);

  summary = bmb_contact_import_result_dup_summary (same_file);
  g_assert_cmpstr (summary, ==, "1 new contact. 1 merged into an existing contact.");
}

static void
test_merge_linkedin_without_email (void)
{
  g_autoptr(BmbDatabase) db = bmb_test_open_tmp_database (NULL);
  g_autoptr(BmbContactImportResult) first = import_data_file (db, "contacts/linkedin-connections.csv");
  g_autoptr(BmbContactImportResult) again = NULL;
  g_autoptr(GError) error = NULL;
  const char *newer =
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "Putri,Anggraini,http://linkedin.com/in/Putri-Anggraini/,putri@traveloka.example,"
    "Traveloka,Data Analyst,12 Nov 2024\n";
  g_autoptr(BmbContactImportResult) update = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static (newer, strlen (newer));

  g_assert_cmpuint (bmb_contact_import_result_get_imported (first), ==, 3);

  /* Two of three have no email: the profile link still finds them. */
  again = import_data_file (db, "contacts/linkedin-connections.csv");
  g_assert_cmpuint (bmb_contact_import_result_get_imported (again), ==, 0);
  g_assert_cmpuint (bmb_contact_import_result_get_skipped (again), ==, 3);

  /* Another spelling of the same profile, now with an email. */
  update = bmb_contact_import_data (db, bytes, "Connections.csv", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bmb_contact_import_result_get_merged (update), ==, 1);
  g_assert_cmpint (count_contacts (db), ==, 3);
}

/* ---- Bad input ------------------------------------------------------------------ */

static void
test_malformed_cards (void)
{
  g_autoptr(BmbDatabase) db = bmb_test_open_tmp_database (NULL);
  g_autoptr(BmbContactImportResult) result = import_data_file (db, "contacts/malformed.vcf");
  const guint lines[] = { 10, 12, 22 };

  g_assert_cmpuint (bmb_contact_import_result_get_imported (result), ==, 2);
  g_assert_cmpuint (bmb_contact_import_result_get_skipped (result), ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    g_assert_cmpuint (bmb_contact_import_result_get_skip (result, i)->line, ==, lines[i]);
  g_assert_cmpstr (bmb_contact_import_result_get_skip (result, 2)->reason, ==,
                   "The card starting at line 22 has no END:VCARD");
  g_assert_cmpint (count_contacts (db), ==, 2);
}

static void
test_refused_input (void)
{
  g_autoptr(BmbDatabase) db = bmb_test_open_tmp_database (NULL);
  g_autoptr(BmbContactImportResult) seed = NULL;
  const struct {
    const char *data;
    gsize length;
    int code;
  } cases[] = {
#define S(text) text, sizeof (text) - 1
    { S (""), BMB_CONTACT_IMPORT_ERROR_EMPTY },
    { S (" \r\n\t\r\n"), BMB_CONTACT_IMPORT_ERROR_EMPTY },
    { S ("\xef\xbb\xbf"), BMB_CONTACT_IMPORT_ERROR_EMPTY },
    { S ("BEGIN:VCARD\r\nFN:A\0B\r\nEND:VCARD\r\n"), BMB_CONTACT_IMPORT_ERROR_BINARY },
    { S ("\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), BMB_CONTACT_IMPORT_ERROR_BINARY },
    { S ("BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Jos\xe9\r\nEND:VCARD\r\n"),
      BMB_CONTACT_IMPORT_ERROR_ENCODING },
    { S ("First Name,Last Name\r\nJos\xe9,M\xfcller\r\n"), BMB_CONTACT_IMPORT_ERROR_ENCODING },
    { S ("Halo, apa kabar?\nIni bukan file kontak.\n"), BMB_CONTACT_IMPORT_ERROR_UNKNOWN_FORMAT },
    { S ("Date,Amount,Description\n2024-01-01,10000,Kopi\n"),
      BMB_CONTACT_IMPORT_ERROR_UNKNOWN_FORMAT },
#undef S
  };

  seed = import_text (db, "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Sudah Ada\r\nEND:VCARD\r\n", -1,
                      NULL);
  g_assert_nonnull (seed);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BmbContactImportResult) result = import_text (db, cases[i].data,
                                                              cases[i].length, &error);

      g_assert_null (result);
      g_assert_error (error, BMB_CONTACT_IMPORT_ERROR, cases[i].code);
      /* Messages name the file. */
      g_assert_nonnull (strstr (error->message, "test.vcf"));
      g_assert_cmpint (count_contacts (db), ==, 1);
    }
}

static void
test_too_large (void)
{
  g_autoptr(BmbDatabase) db = bmb_test_open_tmp_database (NULL);
  g_autofree char *dir = bmb_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "huge.vcf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/bimbing/kontak.vcf");
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbContactImportResult) result = NULL;
  FILE *f;

  /* A sparse file just over the limit: refused before it is read. */
  f = g_fopen (path, "wb");
  g_assert_nonnull (f);
  fputs ("BEGIN:VCARD\r\n", f);
  g_assert_cmpint (fseeko (f, BMB_LIMIT_FILE_BYTES, SEEK_SET), ==, 0);
  fputs ("END:VCARD\r\n", f);
  fclose (f);

  result = bmb_contact_import_file (db, file, NULL, NULL, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, BMB_CONTACT_IMPORT_ERROR, BMB_CONTACT_IMPORT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "huge.vcf"));
  g_clear_error (&error);

  result = bmb_contact_import_file (db, missing, NULL, NULL, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "kontak.vcf"));
  g_assert_cmpint (count_contacts (db), ==, 0);
}

static void
test_utf16_csv (void)
{
  g_autoptr(BmbDatabase) db = bmb_test_open_tmp_database (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbContactImportResult) result = NULL;
  g_autoptr(BmbContact) contact = NULL;
  const char *utf8 = "First Name,Last Name,E-mail Address\r\nSri,Wulandari,sri@example.com\r\n";
  g_autofree char *utf16 = NULL;
  g_autoptr(GString) data = g_string_new ("\xff\xfe");
  gsize written = 0;

  /* Outlook's "Unicode" CSV. */
  utf16 = g_convert (utf8, -1, "UTF-16LE", "UTF-8", NULL, &written, &error);
  g_assert_no_error (error);
  g_string_append_len (data, utf16, written);

  result = import_text (db, data->str, data->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bmb_contact_import_result_get_imported (result), ==, 1);
  contact = find_by_email (db, "sri@example.com");
  g_assert_cmpstr (bmb_contact_get_display_name (contact), ==, "Sri Wulandari");
}

static GArray *
search_ids (BmbDatabase *db,
            const char  *text)
{
  g_autoptr(BmbContactStore) store = bmb_contact_store_new (db);
  g_autoptr(GError) error = NULL;
  GArray *ids = bmb_contact_store_query_ids (store, text, BMB_CONTACT_SORT_NAME,
                                             BMB_CONTACT_FILTER_ALL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ids);

  return ids;
}

static gint64
count_rows (BmbDatabase *db,
            const char  *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = bmb_database_prepare (db, sql, &error);
  gint64 n;

  g_assert_no_error (error);
  g_assert_cmpint (bmb_database_step (db, stmt, &error), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return n;
}

/* New contacts wait in a staging table and reach the real one (and the
 * full-text index) at the end; a card that repeats one from thousands of
 * cards earlier must still merge into it, and everything must be
 * searchable afterwards. */
static void
test_merge_far_apart (void)
{
  g_autoptr(BmbDatabase) db = bmb_test_open_tmp_database (NULL);
  g_autoptr(GString) cards = g_string_new (
    "BEGIN:VCARD\r\nVERSION:4.0\r\nUID:penghubung-a\r\nFN:Penghubung Awal\r\n"
    "EMAIL:penghubung@example.com\r\nEND:VCARD\r\n");
  g_autoptr(GString) many = make_cards (6000);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbContactImportResult) result = NULL;
  g_autoptr(BmbContact) orang3 = NULL;
  g_autoptr(BmbContact) same = NULL;
  g_autoptr(BmbContact) introduced = NULL;
  g_autoptr(BmbContact) introducer = NULL;
  g_autoptr(GArray) found = NULL;
  const gint64 *ids;
  guint n_ids;

  g_string_append_len (cards, many->str, many->len);
  /* Card 3 again, 6,000 cards later: a new email and tag for it. */
  g_string_append (cards,
                   "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Nama Orang3\r\n"
                   "EMAIL:ORANG3@EXAMPLE.COM\r\nEMAIL:orang3.baru@kantor.example\r\n"
                   "CATEGORIES:ditemukan-lagi\r\nEND:VCARD\r\n"
                   "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Diperkenalkan Belakangan\r\n"
                   "X-BIMBING-INTRODUCED-BY:penghubung-a\r\nEND:VCARD\r\n");
  bytes = g_bytes_new (cards->str, cards->len);

  result = bmb_contact_import_data (db, bytes, "jauh.vcf", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bmb_contact_import_result_get_imported (result), ==, 6002);
  g_assert_cmpuint (bmb_contact_import_result_get_merged (result), ==, 1);
  g_assert_cmpuint (bmb_contact_import_result_get_skipped (result), ==, 0);
  g_assert_cmpint (count_contacts (db), ==, 6002);

  /* Each id once, the merged one included. */
  ids = bmb_contact_import_result_get_contact_ids (result, &n_ids);
  g_assert_cmpuint (n_ids, ==, 6002);
  for (guint i = 1; i < n_ids; i++)
    g_assert_cmpint (ids[i], >, ids[i - 1]);

  orang3 = find_by_email (db, "orang3@example.com");
  same = find_by_email (db, "orang3.baru@kantor.example");
  g_assert_cmpint (bmb_contact_get_id (orang3), ==, bmb_contact_get_id (same));
  g_assert_cmpuint (n_fields (orang3, BMB_CONTACT_FIELD_EMAIL), ==, 2);
  g_assert_true (bmb_contact_has_tag (orang3, "ditemukan-lagi"));
  g_assert_true (bmb_contact_has_tag (orang3, "massal"));

  introducer = find_by_email (db, "penghubung@example.com");
  found = search_ids (db, "Diperkenalkan");
  g_assert_cmpuint (found->len, ==, 1);
  {
    g_autoptr(BmbContactStore) store = bmb_contact_store_new (db);

    introduced = bmb_contact_store_get (store, g_array_index (found, gint64, 0), &error);
    g_assert_no_error (error);
  }
  g_assert_cmpint (bmb_contact_get_introduced_by (introduced), ==,
                   bmb_contact_get_id (introducer));
  g_clear_pointer (&found, g_array_unref);

  /* One full-text row per contact, with the merged email and tag, and the
   * first, a middle and the last card findable by name, email and tag. */
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM contacts_fts"), ==, 6002);
  found = search_ids (db, "orang3.baru");
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (g_array_index (found, gint64, 0), ==, bmb_contact_get_id (orang3));
  g_clear_pointer (&found, g_array_unref);
  found = search_ids (db, "ditemukan");
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_array_unref);
  found = search_ids (db, "Orang0");
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_array_unref);
  found = search_ids (db, "orang4500@example.com");
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_array_unref);
  found = search_ids (db, "Orang5999");
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_array_unref);
  found = search_ids (db, "jejaring");
  g_assert_cmpuint (found->len, ==, 6000);

  /* The staging table is gone, the page cache back to what it was. */
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM temp.sqlite_master "
                                   "WHERE name LIKE 'bmb_import%'"), ==, 0);
  g_assert_cmpint (count_rows (db, "PRAGMA cache_size"), ==, -32768);
}

/* ---- Async, progress, cancel ---------------------------------------------------- */

typedef struct
{
  GCancellable           *cancel_at_progress;
  guint                   n_reports;
  double                  last_fraction;
  guint                   last_processed;
  gboolean                done;
  gboolean                report_after_done;
  guint                   changed_flags;
  gboolean                changed_before_done;
  BmbContactImportResult *result;
  GError                 *error;
} AsyncState;

static void
on_progress (BmbProgress *progress,
             AsyncState  *state)
{
  double fraction = bmb_progress_get_fraction (progress);
  guint n_processed = bmb_progress_get_done (progress);

  g_assert_cmpfloat (fraction, >=, state->last_fraction);
  g_assert_cmpfloat (fraction, <=, 1.0);
  g_assert_cmpuint (n_processed, >=, state->last_processed);

  if (state->done)
    state->report_after_done = TRUE;

  state->n_reports++;
  state->last_fraction = fraction;
  state->last_processed = n_processed;

  if (state->cancel_at_progress != NULL && n_processed > 0)
    g_cancellable_cancel (state->cancel_at_progress);
}

static void
on_changed (BmbDatabase *db,
            guint        flags,
            gpointer     user_data)
{
  AsyncState *state = user_data;

  state->changed_flags |= flags;
  state->changed_before_done = !state->done;
}

static void
on_import_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  AsyncState *state = user_data;

  state->result = bmb_contact_import_finish (result, &state->error);
  state->done = TRUE;
}

static gboolean
is_done (gpointer data)
{
  return ((AsyncState *)data)->done;
}

static void
test_async_progress (void)
{
  g_autoptr(BmbDatabase) db = bmb_test_open_tmp_database (NULL);
  g_autoptr(GString) cards = make_cards (20000);
  g_autofree char *path = write_tmp_file ("banyak.vcf", cards->str, cards->len);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(BmbProgress) progress = bmb_progress_new ();
  AsyncState state = { 0, };
  gint64 start = g_get_monotonic_time ();
  double seconds;
  gulong handler;

  handler = g_signal_connect (db, "changed", G_CALLBACK (on_changed), &state);

  g_signal_connect (progress, "changed", G_CALLBACK (on_progress), &state);
  bmb_contact_import_async (file, db, NULL, NULL, progress, on_import_done, &state);
  g_assert_true (bmb_test_wait_for (is_done, &state, 60000));
  seconds = (g_get_monotonic_time () - start) / (double)G_USEC_PER_SEC;

  /* A few more spins: no progress may arrive after the callback. */
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);

  g_assert_no_error (state.error);
  g_assert_nonnull (state.result);
  g_assert_cmpuint (bmb_contact_import_result_get_imported (state.result), ==, 20000);
  g_assert_cmpint (count_contacts (db), ==, 20000);

  /* Reported at the start and the end, and a few times a second in between. */
  g_assert_cmpuint (state.n_reports, >=, 2);
  g_assert_cmpuint (state.n_reports, <=, 2 + (guint)(seconds * 10) + 1);
  g_assert_cmpfloat (state.last_fraction, ==, 1.0);
  g_assert_cmpuint (state.last_processed, ==, 20000);
  g_assert_false (state.report_after_done);

  /* The caller's connection heard of it before the callback. */
  g_assert_true (state.changed_flags & BMB_CHANGE_CONTACTS);
  g_assert_true (state.changed_before_done);

  g_signal_handler_disconnect (db, handler);
  g_clear_object (&state.result);
}

static void
test_cancel_leaves_nothing (void)
{
  g_autoptr(BmbDatabase) db = bmb_test_open_tmp_database (NULL);
  g_autoptr(GString) cards = make_cards (60000);
  g_autofree char *path = write_tmp_file ("batal.vcf", cards->str, cards->len);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(BmbContactImportResult) seed = NULL;
  g_autoptr(BmbProgress) progress = bmb_progress_new ();
  AsyncState state = { 0, };

  seed = import_text (db, "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Sudah Ada\r\n"
                          "EMAIL:orang5@example.com\r\nEND:VCARD\r\n", -1, NULL);
  g_assert_nonnull (seed);

  /* Cancelled at the first report after some cards went in. */
  state.cancel_at_progress = cancellable;
  g_signal_connect (progress, "changed", G_CALLBACK (on_progress), &state);
  bmb_contact_import_async (file, db, NULL, cancellable, progress, on_import_done, &state);
  g_assert_true (bmb_test_wait_for (is_done, &state, 60000));

  g_assert_null (state.result);
  g_assert_error (state.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (state.last_processed, >, 0);
  g_assert_cmpuint (state.last_processed, <, 60000);
  g_clear_error (&state.error);

  /* Rolled back: the one contact from before, unmerged. */
  g_assert_cmpint (count_contacts (db), ==, 1);
  {
    g_autoptr(BmbContact) kept = find_by_email (db, "orang5@example.com");

    g_assert_cmpstr (bmb_contact_get_display_name (kept), ==, "Sudah Ada");
    g_assert_cmpuint (n_fields (kept, BMB_CONTACT_FIELD_PHONE), ==, 0);
  }
}

static void
test_sync_cancel (void)
{
  g_autoptr(BmbDatabase) db = bmb_test_open_tmp_database (NULL);
  g_autoptr(GString) cards = make_cards (500);
  g_autoptr(GBytes) bytes = g_bytes_new (cards->str, cards->len);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbContactImportResult) result = NULL;

  g_cancellable_cancel (cancellable);
  result = bmb_contact_import_data (db, bytes, "banyak.vcf", cancellable, NULL, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (count_contacts (db), ==, 0);
  g_assert_cmpint (count_rows (db, "PRAGMA cache_size"), ==, -32768);
}

/* The last statement of an import (the staged contacts into the table and
 * the full-text index) takes seconds for 100,000 contacts: cancelling
 * interrupts it, and the rollback leaves nothing. */
static void
test_cancel_while_indexing (void)
{
  g_autoptr(BmbDatabase) db = bmb_test_open_tmp_database (NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(BmbImportWriter) writer = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (bmb_database_begin (db, &error));
  writer = _bmb_import_writer_new (db, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < 500; i++)
    {
      g_autoptr(BmbContact) contact = bmb_contact_new ();
      g_autofree char *name = g_strdup_printf ("Orang Ke-%u", i);
      g_autofree char *email = g_strdup_printf ("orang%u@example.com", i);
      g_autofree char *detail = NULL;
      BmbImportOutcome outcome;
      gint64 id = 0;

      bmb_contact_set_display_name (contact, name);
      bmb_contact_add_field (contact, BMB_CONTACT_FIELD_EMAIL, NULL, email, FALSE);
      g_assert_true (_bmb_import_writer_add (writer, contact, NULL, NULL, NULL, &outcome,
                                             &id, &detail, &error));
      g_assert_no_error (error);
      g_assert_cmpint (outcome, ==, BMB_IMPORT_OUTCOME_IMPORTED);
    }

  g_cancellable_cancel (cancellable);
  g_assert_false (_bmb_import_writer_finish (writer, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  bmb_database_rollback (db);
  g_clear_pointer (&writer, _bmb_import_writer_free);

  g_assert_cmpint (count_contacts (db), ==, 0);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM contact_fields"), ==, 0);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM contacts_fts"), ==, 0);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM temp.sqlite_master "
                                   "WHERE name LIKE 'bmb_import%'"), ==, 0);

  /* Without cancelling, the same goes in whole. */
  {
    g_autoptr(GString) cards = make_cards (500);
    g_autoptr(BmbContactImportResult) result = import_text (db, cards->str, cards->len, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (bmb_contact_import_result_get_imported (result), ==, 500);
    g_assert_cmpint (count_rows (db, "SELECT count(*) FROM contacts_fts"), ==, 500);
  }
}

/* ---- Export ----------------------------------------------------------------------- */

/* Fills @db with contacts using everything we keep; returns their ids. */
static GArray *
fill_contacts (BmbDatabase *db)
{
  g_autoptr(BmbContactStore) store = bmb_contact_store_new (db);
  g_autoptr(BmbContact) siti = bmb_contact_new ();
  g_autoptr(BmbContact) budi = bmb_contact_new ();
  g_autoptr(BmbContact) ayu = bmb_contact_new ();
  g_autoptr(GError) error = NULL;
  const char * const tags[] = { "mentor", "alumni, UI", "jejaring;2024", NULL };
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 id;

  bmb_contact_set_prefix (siti, "Dr.");
  bmb_contact_set_given_name (siti, "Siti");
  bmb_contact_set_additional_names (siti, "Nur");
  bmb_contact_set_family_name (siti, "Rahayu");
  bmb_contact_set_suffix (siti, "M.Psi., Psikolog");
  bmb_contact_set_nickname (siti, "Bu Siti");
  bmb_contact_set_organization (siti, "Universitas Indonesia; Fakultas Psikologi");
  bmb_contact_set_role (siti, "Dosen, Peneliti");
  bmb_contact_set_birthday (siti, "1980-04-21");
  bmb_contact_set_notes (siti, "Mentor sejak 2021, \"sangat sabar\".\n"
                               "Catatan panjang: " "Ṣiti suka kopi tubruk ☕ dan diskusi "
                               "tentang pengembangan diri, jejaring, dan penilaian diri.");
  bmb_contact_set_met_where (siti, "Jakarta Convention Center, Hall A");
  bmb_contact_set_met_on (siti, "2021-10-05");
  bmb_contact_set_met_event (siti, "Seminar Karier; Sesi 2");
  bmb_contact_set_keep_in_touch (siti, 2, BMB_FOLLOW_UP_UNIT_MONTH);
  bmb_contact_set_last_contact_on (siti, "2024-11-01");
  bmb_contact_set_tags (siti, tags);
  bmb_contact_add_field (siti, BMB_CONTACT_FIELD_EMAIL, "work", "siti@ui.example", FALSE);
  bmb_contact_add_field (siti, BMB_CONTACT_FIELD_PHONE, "mobile", "+62 812 3456 7890", TRUE);
  bmb_contact_add_field (siti, BMB_CONTACT_FIELD_EMAIL, NULL, "siti@rumah.example", TRUE);
  bmb_contact_add_field (siti, BMB_CONTACT_FIELD_URL, "LinkedIn",
                         "https://www.linkedin.com/in/sitirahayu", FALSE);
  bmb_contact_add_field (siti, BMB_CONTACT_FIELD_PHONE, "Kantor, lantai 3", "+62 21 786 0001",
                         FALSE);
  g_assert_true (bmb_contact_store_insert (store, siti, &error));
  g_assert_no_error (error);
  id = bmb_contact_get_id (siti);
  g_array_append_val (ids, id);

  /* Introduced by Siti; a custom display name; a birthday without a year. */
  bmb_contact_set_given_name (budi, "Budi");
  bmb_contact_set_family_name (budi, "Santoso");
  bmb_contact_set_display_name (budi, "Mas Budi (Startup Nusantara)");
  bmb_contact_set_birthday (budi, "--02-29");
  bmb_contact_set_introduced_by (budi, bmb_contact_get_id (siti));
  bmb_contact_set_keep_in_touch (budi, 10, BMB_FOLLOW_UP_UNIT_DAY);
  bmb_contact_add_field (budi, BMB_CONTACT_FIELD_EMAIL, "home", "budi@example.com", FALSE);
  g_assert_true (bmb_contact_store_insert (store, budi, &error));
  g_assert_no_error (error);
  id = bmb_contact_get_id (budi);
  g_array_append_val (ids, id);

  /* Only an organization. */
  bmb_contact_set_organization (ayu, "Yayasan Cerdas");
  bmb_contact_add_field (ayu, BMB_CONTACT_FIELD_PHONE, NULL, "+62 22 123", FALSE);
  g_assert_true (bmb_contact_store_insert (store, ayu, &error));
  g_assert_no_error (error);
  id = bmb_contact_get_id (ayu);
  g_array_append_val (ids, id);

  return ids;
}

/* Every field we keep, compared between two databases (by UID). */
static void
assert_same_contacts (BmbDatabase *a,
                      BmbDatabase *b,
                      GArray      *ids)
{
  g_autoptr(BmbContactStore) store_a = bmb_contact_store_new (a);
  g_autoptr(BmbContactStore) store_b = bmb_contact_store_new (b);

  g_assert_cmpint (count_contacts (b), ==, ids->len);

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BmbContact) orig = bmb_contact_store_get (store_a, g_array_index (ids, gint64, i),
                                                          &error);
      g_autoptr(BmbContact) back = NULL;
      GPtrArray *fa, *fb;
      const char * const *ta, * const *tb;

      g_assert_no_error (error);
      back = bmb_contact_store_get_by_uid (store_b, bmb_contact_get_uid (orig), &error);
      g_assert_no_error (error);
      g_assert_nonnull (back);

#define SAME(getter) g_assert_cmpstr (getter (back), ==, getter (orig))
      SAME (bmb_contact_get_display_name);
      SAME (bmb_contact_get_prefix);
      SAME (bmb_contact_get_given_name);
      SAME (bmb_contact_get_additional_names);
      SAME (bmb_contact_get_family_name);
      SAME (bmb_contact_get_suffix);
      SAME (bmb_contact_get_nickname);
      SAME (bmb_contact_get_organization);
      SAME (bmb_contact_get_role);
      SAME (bmb_contact_get_birthday);
      SAME (bmb_contact_get_notes);
      SAME (bmb_contact_get_met_where);
      SAME (bmb_contact_get_met_on);
      SAME (bmb_contact_get_met_event);
      SAME (bmb_contact_get_last_contact_on);
      SAME (bmb_contact_get_next_follow_up_on);
#undef SAME
      g_assert_cmpint (bmb_contact_has_custom_display_name (back), ==,
                       bmb_contact_has_custom_display_name (orig));
      g_assert_cmpuint (bmb_contact_get_keep_in_touch_count (back), ==,
                        bmb_contact_get_keep_in_touch_count (orig));
      g_assert_cmpint (bmb_contact_get_keep_in_touch_unit (back), ==,
                       bmb_contact_get_keep_in_touch_unit (orig));

      /* The introducer, by identity rather than by id. */
      if (bmb_contact_get_introduced_by (orig) == 0)
        g_assert_cmpint (bmb_contact_get_introduced_by (back), ==, 0);
      else
        {
          g_autoptr(BmbContact) intro_a = bmb_contact_store_get (store_a,
                                                                 bmb_contact_get_introduced_by (orig),
                                                                 NULL);
          g_autoptr(BmbContact) intro_b = bmb_contact_store_get (store_b,
                                                                 bmb_contact_get_introduced_by (back),
                                                                 NULL);

          g_assert_nonnull (intro_b);
          g_assert_cmpstr (bmb_contact_get_uid (intro_b), ==, bmb_contact_get_uid (intro_a));
        }

      ta = bmb_contact_get_tags (orig);
      tb = bmb_contact_get_tags (back);
      g_assert_cmpuint (g_strv_length ((char **)tb), ==, g_strv_length ((char **)ta));
      for (guint t = 0; ta[t] != NULL; t++)
        g_assert_true (bmb_contact_has_tag (back, ta[t]));

      for (BmbContactFieldKind kind = BMB_CONTACT_FIELD_EMAIL; kind <= BMB_CONTACT_FIELD_URL;
           kind++)
        {
          fa = bmb_contact_dup_fields_of_kind (orig, kind);
          fb = bmb_contact_dup_fields_of_kind (back, kind);
          g_assert_cmpuint (fb->len, ==, fa->len);
          for (guint f = 0; f < fa->len; f++)
            {
              BmbContactField *x = g_ptr_array_index (fa, f);
              BmbContactField *y = g_ptr_array_index (fb, f);

              g_assert_cmpstr (bmb_contact_field_get_value (y), ==,
                               bmb_contact_field_get_value (x));
              g_assert_cmpstr (bmb_contact_field_get_label (y), ==,
                               bmb_contact_field_get_label (x));
              g_assert_cmpint (bmb_contact_field_get_preferred (y), ==,
                               bmb_contact_field_get_preferred (x));
            }
          g_ptr_array_unref (fa);
          g_ptr_array_unref (fb);
        }
    }
}

static void
round_trip (BmbContactExportFormat  format,
            const char             *name)
{
  g_autoptr(BmbDatabase) a = bmb_test_open_tmp_database (NULL);
  g_autoptr(BmbDatabase) b = bmb_test_open_tmp_database (NULL);
  g_autoptr(GArray) ids = fill_contacts (a);
  g_autofree char *dir = bmb_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbContactImportResult) result = NULL;
  g_autoptr(BmbContactImportResult) again = NULL;
  guint n = 0;

  g_assert_cmpint (bmb_contact_export_format_for_file (file), ==, format);
  g_assert_true (bmb_contact_export_to_file (a, file, format, NULL, 0, NULL, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 3);

  result = bmb_contact_import_file (b, file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bmb_contact_import_result_get_imported (result), ==, 3);
  g_assert_cmpint (bmb_contact_import_result_get_format (result), ==,
                   format == BMB_CONTACT_EXPORT_FORMAT_CSV
                     ? BMB_CONTACT_IMPORT_FORMAT_CSV_BIMBING : BMB_CONTACT_IMPORT_FORMAT_VCARD);
  assert_same_contacts (a, b, ids);

  /* Our own export back into the database it came from: nothing new. */
  again = bmb_contact_import_file (a, file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bmb_contact_import_result_get_imported (again), ==, 0);
  g_assert_cmpuint (bmb_contact_import_result_get_merged (again), ==, 0);
  g_assert_cmpuint (bmb_contact_import_result_get_skipped (again), ==, 3);
}

static void
test_vcard_round_trip (void)
{
  round_trip (BMB_CONTACT_EXPORT_FORMAT_VCARD, "kontak.vcf");
}

static void
test_csv_round_trip (void)
{
  round_trip (BMB_CONTACT_EXPORT_FORMAT_CSV, "kontak.csv");
}

static const char vobject_script[] =
  "import sys, vobject\n"
  "def esc(v):\n"
  "    return v.replace('\\\\', '\\\\\\\\').replace('\\n', '\\\\n')\n"
  "with open(sys.argv[1], encoding='utf-8', newline='') as f:\n"
  "    for card in vobject.readComponents(f.read()):\n"
  "        print('FN\\t' + esc(card.fn.value))\n"
  "        if 'n' in card.contents:\n"
  "            print('N\\t' + esc(card.n.value.family) + '|' + esc(card.n.value.given))\n"
  "        for e in card.contents.get('email', []):\n"
  "            print('EMAIL\\t' + esc(e.value))\n"
  "        for t in card.contents.get('tel', []):\n"
  "            print('TEL\\t' + esc(t.value))\n"
  "        if 'note' in card.contents:\n"
  "            print('NOTE\\t' + esc(card.note.value))\n"
  "        print('END')\n";

static void
test_vcard_vobject (void)
{
  g_autoptr(BmbDatabase) db = bmb_test_open_tmp_database (NULL);
  g_autoptr(GArray) ids = fill_contacts (db);
  g_autofree char *dir = bmb_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "pilihan.vcf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *contents = NULL;
  int status = 0;
  const char *argv[] = { "/usr/bin/python3", "-c", vobject_script, path, NULL };
  const char *expected =
    "FN\tMas Budi (Startup Nusantara)\n"
    "N\tSantoso|Budi\n"
    "EMAIL\tbudi@example.com\n"
    "END\n"
    "FN\tDr. Siti Nur Rahayu, M.Psi., Psikolog\n"
    "N\tRahayu|Siti\n"
    "EMAIL\tsiti@ui.example\n"
    "EMAIL\tsiti@rumah.example\n"
    "TEL\t+62 812 3456 7890\n"
    "TEL\t+62 21 786 0001\n"
    "NOTE\tMentor sejak 2021, \"sangat sabar\".\\nCatatan panjang: Ṣiti suka kopi tubruk ☕ "
    "dan diskusi tentang pengembangan diri, jejaring, dan penilaian diri.\n"
    "END\n";
  gint64 selected[2];
  guint n = 0;
  gsize length;

  if (!g_file_test (argv[0], G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("Debian's /usr/bin/python3 with python3-vobject is not installed");
      return;
    }

  /* Two selected contacts, in the order given. */
  selected[0] = g_array_index (ids, gint64, 1);
  selected[1] = g_array_index (ids, gint64, 0);
  g_assert_true (bmb_contact_export_to_file (db, file, BMB_CONTACT_EXPORT_FORMAT_VCARD,
                                             selected, 2, NULL, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);

  /* CRLF only, 75 octets at most per line, valid UTF-8. */
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (contents, length, NULL));
  {
    g_auto(GStrv) lines = g_strsplit (contents, "\r\n", -1);

    for (guint i = 0; lines[i] != NULL; i++)
      {
        g_assert_null (strchr (lines[i], '\n'));
        g_assert_cmpuint (strlen (lines[i]), <=, 75);
      }
  }

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status,
                &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("python3-vobject could not read our export: %s", err);

  g_assert_cmpstr (out, ==, expected);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Jakarta", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/contact-import/vcard/dialects", test_vcard_dialects);
  g_test_add_func ("/contact-import/csv/formats", test_csv_formats);
  g_test_add_func ("/contact-import/csv/utf-16", test_utf16_csv);
  g_test_add_func ("/contact-import/merge/not-double", test_merge_not_double);
  g_test_add_func ("/contact-import/merge/linkedin-profile", test_merge_linkedin_without_email);
  g_test_add_func ("/contact-import/merge/far-apart", test_merge_far_apart);
  g_test_add_func ("/contact-import/bad/malformed-cards", test_malformed_cards);
  g_test_add_func ("/contact-import/bad/refused", test_refused_input);
  g_test_add_func ("/contact-import/bad/too-large-or-missing", test_too_large);
  g_test_add_func ("/contact-import/async/progress", test_async_progress);
  g_test_add_func ("/contact-import/async/cancel-leaves-nothing", test_cancel_leaves_nothing);
  g_test_add_func ("/contact-import/sync/cancel", test_sync_cancel);
  g_test_add_func ("/contact-import/sync/cancel-while-indexing", test_cancel_while_indexing);
  g_test_add_func ("/contact-export/vcard/python-vobject", test_vcard_vobject);
  g_test_add_func ("/contact-export/vcard/round-trip", test_vcard_round_trip);
  g_test_add_func ("/contact-export/csv/round-trip", test_csv_round_trip);

  return g_test_run ();
}
