/* test-csv.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The RFC 4180 reader and writer, and the contact mappings for LinkedIn,
 * Google Contacts (both layouts), Outlook-like columns and our own export.
 */

#include "config.h"

#include <string.h>

#include "bmb-contact-csv.h"
#include "bmb-csv.h"
#include "bmb-test-utils.h"

static char *
load_data (const char *name,
           gsize      *length)
{
  g_autofree char *path = bmb_test_data_path (name);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);

  return contents;
}

/* All records of @text; each row a GStrv. */
static GPtrArray *
read_all (const char *text,
          gssize      length,
          GArray     *lines,
          GPtrArray  *errors)
{
  g_autoptr(BmbCsvReader) reader = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);

  reader = bmb_csv_reader_new (text, length < 0 ? strlen (text) : (gsize)length);

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      guint line = 0;
      char **row = bmb_csv_reader_next (reader, &line, &error);

      if (error != NULL)
        {
          g_assert_nonnull (errors);
          g_ptr_array_add (errors, g_strdup (error->message));
          continue;
        }
      if (row == NULL)
        break;
      g_ptr_array_add (rows, row);
      if (lines != NULL)
        g_array_append_val (lines, line);
    }

  return rows;
}

#define ROW(rows, i) ((const char * const *)g_ptr_array_index ((rows), (i)))

static void
assert_row (const char * const *row,
            const char * const *expected)
{
  g_assert_cmpuint (g_strv_length ((char **)row), ==, g_strv_length ((char **)expected));
  for (guint i = 0; expected[i] != NULL; i++)
    g_assert_cmpstr (row[i], ==, expected[i]);
}

static void
test_reader_quoting (void)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (guint));
  const char *text =
    "a,\"b,c\",\"say \"\"hi\"\"\"\r\n"
    "\"multi\r\nline\",,end\n"
    "\n"
    "last,\"\"\r"
    "x";

  rows = read_all (text, -1, lines, NULL);

  g_assert_cmpuint (rows->len, ==, 4);
  assert_row (ROW (rows, 0), (const char * const[]) { "a", "b,c", "say \"hi\"", NULL });
  assert_row (ROW (rows, 1), (const char * const[]) { "multi\r\nline", "", "end", NULL });
  assert_row (ROW (rows, 2), (const char * const[]) { "last", "", NULL });
  assert_row (ROW (rows, 3), (const char * const[]) { "x", NULL });

  /* Line numbers count the line breaks inside quoted fields and skip blank lines. */
  g_assert_cmpuint (g_array_index (lines, guint, 0), ==, 1);
  g_assert_cmpuint (g_array_index (lines, guint, 1), ==, 2);
  g_assert_cmpuint (g_array_index (lines, guint, 2), ==, 5);
  g_assert_cmpuint (g_array_index (lines, guint, 3), ==, 6);
}

static void
test_reader_bom_and_unterminated (void)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func (g_free);
  const char *text = "\xef\xbb\xbfName,Note\r\nSiti,\"open\r\nnever closed";

  rows = read_all (text, -1, NULL, errors);

  g_assert_cmpuint (rows->len, ==, 2);
  /* The BOM is not part of the first header. */
  assert_row (ROW (rows, 0), (const char * const[]) { "Name", "Note", NULL });
  /* The open quote costs its row; the next line is read again. */
  assert_row (ROW (rows, 1), (const char * const[]) { "never closed", NULL });
  g_assert_cmpuint (errors->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (errors, 0), "Line 2:"));
}

/* One quote left open in a thousand rows costs that row, not the rest;
 * the same when a later quote closes it megabytes further on. */
static void
test_reader_open_quote_resumes (void)
{
  for (guint closed_later = 0; closed_later < 2; closed_later++)
    {
      g_autoptr(GString) text = g_string_new ("Name,Note\r\n");
      g_autoptr(GPtrArray) rows = NULL;
      g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (guint));

      for (guint i = 0; i < 1000; i++)
        {
          if (i == 5)
            g_string_append (text, "Rusak,\"tidak ditutup\r\n");
          else
            g_string_append_printf (text, "Orang %u,catatan %u\r\n", i, i);
          /* Long enough that a quote at the end would close a field over the cap. */
          if (closed_later && i == 500)
            for (guint k = 0; k < BMB_CSV_MAX_FIELD_LENGTH / 64 + 1; k++)
              g_string_append_printf (text, "Isi %u,%060u\r\n", k, k);
        }
      if (closed_later)
        g_string_append (text, "Akhir,\"\r\n");

      rows = read_all (text->str, text->len, lines, errors);

      g_assert_cmpuint (errors->len, ==, 1 + closed_later);
      g_assert_cmpstr (g_ptr_array_index (errors, 0), ==,
                       "Line 7: a quoted field is never closed; the row was skipped and "
                       "reading went on with the next line");
      /* The header, then 999 of the 1,000 rows (and the filler). */
      assert_row (ROW (rows, 5), (const char * const[]) { "Orang 4", "catatan 4", NULL });
      assert_row (ROW (rows, 6), (const char * const[]) { "Orang 6", "catatan 6", NULL });
      g_assert_cmpuint (g_array_index (lines, guint, 6), ==, 8);
      if (!closed_later)
        {
          g_assert_cmpuint (rows->len, ==, 1000);
          assert_row (ROW (rows, 999), (const char * const[]) { "Orang 999", "catatan 999",
                                                                NULL });
          g_assert_cmpuint (g_array_index (lines, guint, 999), ==, 1001);
        }
      else
        {
          g_assert_cmpuint (rows->len, ==, 1000 + BMB_CSV_MAX_FIELD_LENGTH / 64 + 1);
          g_assert_true (g_str_has_prefix (g_ptr_array_index (errors, 1), "Line "));
        }
    }
}

static void
test_reader_caps (void)
{
  g_autoptr(GString) text = g_string_new ("a,b\n\"");
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func (g_free);

  /* A quoted field over the 1 MiB cap, then a good record. */
  for (guint i = 0; i < BMB_CSV_MAX_FIELD_LENGTH / 8 + 1; i++)
    g_string_append (text, "xxxxxxxx");
  g_string_append (text, "\",z\nc,d\n");

  rows = read_all (text->str, text->len, NULL, errors);

  g_assert_cmpuint (rows->len, ==, 2);
  assert_row (ROW (rows, 1), (const char * const[]) { "c", "d", NULL });
  g_assert_cmpuint (errors->len, ==, 1);
}

static void
test_writer_round_trip (void)
{
  const char * const fields[] = {
    "plain", "with, comma", "with \"quotes\"", "two\nlines", " padded ", "", "Ṣiti ☕", NULL
  };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) rows = NULL;

  bmb_csv_append_row (out, fields, -1);
  bmb_csv_append_row (out, fields, 2);

  g_assert_true (g_str_has_prefix (out->str,
                                   "plain,\"with, comma\",\"with \"\"quotes\"\"\",\"two\nlines\","
                                   "\" padded \",,Ṣiti ☕\r\n"));

  rows = read_all (out->str, out->len, NULL, NULL);
  g_assert_cmpuint (rows->len, ==, 2);
  assert_row (ROW (rows, 0), fields);
  assert_row (ROW (rows, 1), (const char * const[]) { "plain", "with, comma", NULL });
}

/* The header and contacts of a data file through the mapping. */
static GPtrArray *
map_file (const char          *name,
          BmbContactCsvFormat  expected_format,
          GPtrArray           *reasons)
{
  g_autofree char *data = NULL;
  g_autoptr(BmbCsvReader) reader = NULL;
  g_autoptr(BmbContactCsvMapping) mapping = NULL;
  GPtrArray *contacts = g_ptr_array_new_with_free_func (g_object_unref);
  gsize length;

  data = load_data (name, &length);
  reader = bmb_csv_reader_new (data, length);

  for (guint i = 0; i < BMB_CONTACT_CSV_MAX_PREAMBLE && mapping == NULL; i++)
    {
      g_auto(GStrv) row = bmb_csv_reader_next (reader, NULL, NULL);

      g_assert_nonnull (row);
      mapping = bmb_contact_csv_mapping_new ((const char * const *)row);
    }

  g_assert_nonnull (mapping);
  g_assert_cmpint (bmb_contact_csv_mapping_get_format (mapping), ==, expected_format);

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *reason = NULL;
      guint line = 0;
      g_auto(GStrv) row = bmb_csv_reader_next (reader, &line, &error);
      BmbContact *contact;

      if (error != NULL)
        {
          g_ptr_array_add (reasons, g_strdup (error->message));
          continue;
        }
      if (row == NULL)
        break;

      contact = bmb_contact_csv_mapping_read_row (mapping, (const char * const *)row, line,
                                                  NULL, &reason, NULL);
      if (contact != NULL)
        g_ptr_array_add (contacts, contact);
      else
        g_ptr_array_add (reasons, g_steal_pointer (&reason));
    }

  return contacts;
}

static BmbContactField *
field_at (BmbContact          *contact,
          BmbContactFieldKind  kind,
          guint                index)
{
  g_autoptr(GPtrArray) fields = bmb_contact_dup_fields_of_kind (contact, kind);

  g_assert_cmpuint (index, <, fields->len);

  return g_ptr_array_index (fields, index);
}

static guint
n_fields (BmbContact          *contact,
          BmbContactFieldKind  kind)
{
  g_autoptr(GPtrArray) fields = bmb_contact_dup_fields_of_kind (contact, kind);

  return fields->len;
}

static void
test_linkedin (void)
{
  g_autoptr(GPtrArray) reasons = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) contacts = NULL;
  BmbContact *putri, *wahyu, *maya;

  contacts = map_file ("contacts/linkedin-connections.csv", BMB_CONTACT_CSV_FORMAT_LINKEDIN,
                       reasons);

  g_assert_cmpuint (reasons->len, ==, 0);
  g_assert_cmpuint (contacts->len, ==, 3);
  putri = g_ptr_array_index (contacts, 0);
  wahyu = g_ptr_array_index (contacts, 1);
  maya = g_ptr_array_index (contacts, 2);

  g_assert_cmpstr (bmb_contact_get_display_name (putri), ==, "Putri Anggraini");
  g_assert_false (bmb_contact_has_custom_display_name (putri));
  g_assert_cmpstr (bmb_contact_get_organization (putri), ==, "Traveloka");
  g_assert_cmpstr (bmb_contact_get_role (putri), ==, "Data Analyst, Growth");
  g_assert_cmpstr (bmb_contact_get_met_on (putri), ==, "2024-11-12");
  g_assert_cmpstr (bmb_contact_get_met_where (putri), ==, "LinkedIn");
  g_assert_cmpuint (n_fields (putri, BMB_CONTACT_FIELD_EMAIL), ==, 0);
  g_assert_cmpstr (bmb_contact_field_get_label (field_at (putri, BMB_CONTACT_FIELD_URL, 0)), ==,
                   "LinkedIn");
  g_assert_cmpstr (bmb_contact_field_get_value (field_at (putri, BMB_CONTACT_FIELD_URL, 0)), ==,
                   "https://www.linkedin.com/in/putri-anggraini");

  g_assert_cmpstr (bmb_contact_get_primary_value (wahyu, BMB_CONTACT_FIELD_EMAIL), ==,
                   "wahyu.setiawan@example.com");
  g_assert_cmpstr (bmb_contact_get_met_on (wahyu), ==, "2023-01-03");
  /* A leap day. */
  g_assert_cmpstr (bmb_contact_get_met_on (maya), ==, "2024-02-29");
  g_assert_cmpstr (bmb_contact_get_role (maya), ==, "Founder & CEO");
}

static void
test_google_old (void)
{
  g_autoptr(GPtrArray) reasons = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) contacts = NULL;
  BmbContact *indah, *arif;
  BmbContactField *field;

  contacts = map_file ("contacts/google-old.csv", BMB_CONTACT_CSV_FORMAT_GOOGLE, reasons);

  g_assert_cmpuint (reasons->len, ==, 0);
  g_assert_cmpuint (contacts->len, ==, 2);
  indah = g_ptr_array_index (contacts, 0);
  arif = g_ptr_array_index (contacts, 1);

  g_assert_cmpstr (bmb_contact_get_given_name (indah), ==, "Indah");
  g_assert_cmpstr (bmb_contact_get_family_name (indah), ==, "Purba");
  g_assert_cmpstr (bmb_contact_get_display_name (indah), ==, "Indah Purba");
  g_assert_cmpstr (bmb_contact_get_nickname (indah), ==, "Indah");
  g_assert_cmpstr (bmb_contact_get_birthday (indah), ==, "1990-05-17");
  g_assert_cmpstr (bmb_contact_get_notes (indah), ==,
                   "Teman kuliah.\nSuka mendaki gunung, \"si pendaki\".");
  g_assert_cmpstr (bmb_contact_get_organization (indah), ==, "Telkom Indonesia");
  g_assert_cmpstr (bmb_contact_get_role (indah), ==, "Network Engineer");

  /* "* myContacts" and "* starred" are Google's, "Alumni" is a real tag. */
  g_assert_cmpuint (g_strv_length ((char **)bmb_contact_get_tags (indah)), ==, 1);
  g_assert_true (bmb_contact_has_tag (indah, "Alumni"));

  field = field_at (indah, BMB_CONTACT_FIELD_EMAIL, 0);
  g_assert_cmpstr (bmb_contact_field_get_value (field), ==, "indah.purba@telkom.example");
  g_assert_cmpstr (bmb_contact_field_get_label (field), ==, "Work");
  g_assert_true (bmb_contact_field_get_preferred (field));
  field = field_at (indah, BMB_CONTACT_FIELD_EMAIL, 1);
  g_assert_cmpstr (bmb_contact_field_get_label (field), ==, "Home");
  g_assert_false (bmb_contact_field_get_preferred (field));

  /* " ::: " holds two numbers in one cell. */
  g_assert_cmpuint (n_fields (indah, BMB_CONTACT_FIELD_PHONE), ==, 2);
  g_assert_cmpstr (bmb_contact_field_get_value (field_at (indah, BMB_CONTACT_FIELD_PHONE, 1)),
                   ==, "+62 813 3000 4001");
  g_assert_cmpstr (bmb_contact_field_get_label (field_at (indah, BMB_CONTACT_FIELD_PHONE, 1)),
                   ==, "Mobile");
  g_assert_cmpstr (bmb_contact_field_get_label (field_at (indah, BMB_CONTACT_FIELD_URL, 0)), ==,
                   "Profile");

  g_assert_cmpstr (bmb_contact_get_birthday (arif), ==, "--02-29");
  g_assert_cmpstr (bmb_contact_field_get_label (field_at (arif, BMB_CONTACT_FIELD_EMAIL, 0)), ==,
                   "Other");
  g_assert_cmpuint (g_strv_length ((char **)bmb_contact_get_tags (arif)), ==, 0);
}

static void
test_google_new (void)
{
  g_autoptr(GPtrArray) reasons = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) contacts = NULL;
  BmbContact *gilang, *citra;

  contacts = map_file ("contacts/google-new.csv", BMB_CONTACT_CSV_FORMAT_GOOGLE, reasons);

  g_assert_cmpuint (contacts->len, ==, 2);
  gilang = g_ptr_array_index (contacts, 0);
  citra = g_ptr_array_index (contacts, 1);

  g_assert_cmpstr (bmb_contact_get_display_name (gilang), ==, "Gilang Ramadhan");
  g_assert_cmpstr (bmb_contact_get_organization (gilang), ==, "Bukalapak");
  g_assert_cmpstr (bmb_contact_get_role (gilang), ==, "UX Designer");
  g_assert_cmpstr (bmb_contact_get_birthday (gilang), ==, "1995-01-09");
  g_assert_true (bmb_contact_has_tag (gilang, "Jejaring"));
  g_assert_false (bmb_contact_has_tag (gilang, "myContacts"));
  g_assert_cmpstr (bmb_contact_get_primary_value (gilang, BMB_CONTACT_FIELD_EMAIL), ==,
                   "gilang@bukalapak.example");
  g_assert_cmpuint (n_fields (gilang, BMB_CONTACT_FIELD_EMAIL), ==, 2);
  g_assert_cmpstr (bmb_contact_get_primary_value (gilang, BMB_CONTACT_FIELD_PHONE), ==,
                   "+62 856 1234 5678");
  g_assert_cmpstr (bmb_contact_get_primary_value (gilang, BMB_CONTACT_FIELD_URL), ==,
                   "https://gilang.example");

  g_assert_cmpstr (bmb_contact_get_additional_names (citra), ==, "Dewi");
  g_assert_cmpstr (bmb_contact_get_prefix (citra), ==, "Ir.");
  g_assert_cmpstr (bmb_contact_get_suffix (citra), ==, "M.T.");
  g_assert_cmpstr (bmb_contact_get_display_name (citra), ==, "Ir. Citra Dewi Kusuma, M.T.");
  g_assert_null (bmb_contact_field_get_label (field_at (citra, BMB_CONTACT_FIELD_EMAIL, 0)));
}

static void
test_edge_file (void)
{
  g_autoptr(GPtrArray) reasons = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) contacts = NULL;
  BmbContact *nur, *eko;

  contacts = map_file ("contacts/edge.csv", BMB_CONTACT_CSV_FORMAT_GENERIC, reasons);

  g_assert_cmpuint (contacts->len, ==, 2);
  nur = g_ptr_array_index (contacts, 0);
  eko = g_ptr_array_index (contacts, 1);

  g_assert_cmpstr (bmb_contact_get_family_name (nur), ==, "Hidayat, S.E.");
  g_assert_cmpstr (bmb_contact_get_notes (nur), ==,
                   "Catatan dengan \"kutip\", koma\ndan baris baru");
  g_assert_cmpstr (bmb_contact_field_get_label (field_at (nur, BMB_CONTACT_FIELD_PHONE, 0)), ==,
                   "mobile");
  /* Outlook categories are separated by semicolons. */
  g_assert_true (bmb_contact_has_tag (nur, "Kantor"));
  g_assert_true (bmb_contact_has_tag (nur, "Alumni"));

  /* A short row is fine. */
  g_assert_cmpstr (bmb_contact_get_primary_value (eko, BMB_CONTACT_FIELD_EMAIL), ==,
                   "eko@example.com");

  /* The nameless row (line 6) and the unterminated quote (line 7). */
  g_assert_cmpuint (reasons->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (reasons, 0), ==, "Line 6: the row has no name");
  g_assert_cmpstr (g_ptr_array_index (reasons, 1), ==, "Line 7: a quoted field is never closed; the row was skipped and "
                   "reading went on with the next line");
}

static void
test_not_a_header (void)
{
  const char * const notes[] = { "Notes:", NULL };
  const char * const only_name[] = { "First Name", NULL };
  const char * const numbers[] = { "1", "2", "3", NULL };
  const char * const outlook[] = { "Title", "First Name", "Last Name", "E-mail Address",
                                   "Mobile Phone", "Company", "Job Title", NULL };
  g_autoptr(BmbContactCsvMapping) mapping = NULL;

  g_assert_null (bmb_contact_csv_mapping_new (notes));
  g_assert_null (bmb_contact_csv_mapping_new (only_name));
  g_assert_null (bmb_contact_csv_mapping_new (numbers));

  mapping = bmb_contact_csv_mapping_new (outlook);
  g_assert_nonnull (mapping);
  g_assert_cmpint (bmb_contact_csv_mapping_get_format (mapping), ==,
                   BMB_CONTACT_CSV_FORMAT_GENERIC);
}

static void
test_dates (void)
{
  const struct { const char *in; const char *out; } cases[] = {
    { "12 Nov 2024", "2024-11-12" },
    { "3 January 2023", "2023-01-03" },
    { "17 Agu 2020", "2020-08-17" },
    { "1 Mei 2021", "2021-05-01" },
    { "25 Des 2019", "2019-12-25" },
    { "2024-02-29", "2024-02-29" },
    { "--05-17", "--05-17" },
    { "29 Feb 2023", NULL },
    { "12 Foo 2024", NULL },
    { "Nov 2024", NULL },
    { "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *date = bmb_contact_csv_parse_date (cases[i].in);

      g_assert_cmpstr (date, ==, cases[i].out);
    }
}

static BmbContact *
make_full_contact (void)
{
  BmbContact *contact = bmb_contact_new ();
  const char * const tags[] = { "mentor", "alumni, UI", NULL };

  bmb_contact_set_uid (contact, "b1e5c0de-0000-4000-8000-000000000001");
  bmb_contact_set_prefix (contact, "Dr.");
  bmb_contact_set_given_name (contact, "Siti");
  bmb_contact_set_additional_names (contact, "Nur");
  bmb_contact_set_family_name (contact, "Rahayu");
  bmb_contact_set_suffix (contact, "M.Psi.");
  bmb_contact_set_display_name (contact, "Bu Siti");
  bmb_contact_set_nickname (contact, "Siti");
  bmb_contact_set_organization (contact, "Universitas Indonesia");
  bmb_contact_set_role (contact, "Dosen, Psikologi");
  bmb_contact_set_birthday (contact, "--04-21");
  bmb_contact_set_notes (contact, "Baris satu, \"kutip\"\nBaris dua; titik koma");
  bmb_contact_set_met_where (contact, "Jakarta Convention Center");
  bmb_contact_set_met_on (contact, "2023-10-05");
  bmb_contact_set_met_event (contact, "Seminar Karier");
  bmb_contact_set_keep_in_touch (contact, 3, BMB_FOLLOW_UP_UNIT_WEEK);
  bmb_contact_set_last_contact_on (contact, "2024-11-01");
  bmb_contact_set_tags (contact, tags);
  bmb_contact_add_field (contact, BMB_CONTACT_FIELD_EMAIL, "work", "siti@ui.example", FALSE);
  bmb_contact_add_field (contact, BMB_CONTACT_FIELD_EMAIL, NULL, "siti@rumah.example", TRUE);
  bmb_contact_add_field (contact, BMB_CONTACT_FIELD_PHONE, "mobile", "+62 812 1", TRUE);
  bmb_contact_add_field (contact, BMB_CONTACT_FIELD_URL, "LinkedIn",
                         "https://www.linkedin.com/in/sitirahayu", FALSE);

  return contact;
}

static void
test_export_reads_back (void)
{
  g_autoptr(BmbContact) full = make_full_contact ();
  g_autoptr(BmbContact) plain = bmb_contact_new ();
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(BmbCsvReader) reader = NULL;
  g_autoptr(BmbContactCsvMapping) mapping = NULL;
  g_autoptr(BmbContact) back = NULL;
  g_autoptr(BmbContact) plain_back = NULL;
  g_autofree char *introducer = NULL;
  g_autofree char *reason = NULL;
  g_auto(GStrv) header = NULL;
  g_auto(GStrv) row = NULL;
  g_auto(GStrv) row2 = NULL;
  BmbContactCsvShape shape = { 0, };
  GPtrArray *fields_in, *fields_out;

  bmb_contact_set_given_name (plain, "Eko");
  bmb_contact_csv_shape_add (&shape, full);
  bmb_contact_csv_shape_add (&shape, plain);
  g_assert_cmpuint (shape.n_emails, ==, 2);
  g_assert_cmpuint (shape.n_phones, ==, 1);
  g_assert_cmpuint (shape.n_links, ==, 1);

  bmb_contact_csv_append_header (out, &shape);
  bmb_contact_csv_append_contact (out, &shape, full, "introducer-uid-1");
  bmb_contact_csv_append_contact (out, &shape, plain, NULL);

  g_assert_true (g_str_has_prefix (out->str, "UID,Display Name,Name Prefix,Given Name,"));

  reader = bmb_csv_reader_new (out->str, out->len);
  header = bmb_csv_reader_next (reader, NULL, NULL);
  mapping = bmb_contact_csv_mapping_new ((const char * const *)header);
  g_assert_nonnull (mapping);
  g_assert_cmpint (bmb_contact_csv_mapping_get_format (mapping), ==,
                   BMB_CONTACT_CSV_FORMAT_BIMBING);

  row = bmb_csv_reader_next (reader, NULL, NULL);
  back = bmb_contact_csv_mapping_read_row (mapping, (const char * const *)row, 2, &introducer,
                                           &reason, NULL);
  g_assert_nonnull (back);
  g_assert_cmpstr (introducer, ==, "introducer-uid-1");

#define SAME(getter) g_assert_cmpstr (getter (back), ==, getter (full))
  SAME (bmb_contact_get_uid);
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
#undef SAME
  g_assert_true (bmb_contact_has_custom_display_name (back));
  g_assert_cmpuint (bmb_contact_get_keep_in_touch_count (back), ==, 3);
  g_assert_cmpint (bmb_contact_get_keep_in_touch_unit (back), ==, BMB_FOLLOW_UP_UNIT_WEEK);
  g_assert_cmpuint (g_strv_length ((char **)bmb_contact_get_tags (back)), ==, 2);
  g_assert_true (bmb_contact_has_tag (back, "alumni, UI"));

  fields_in = bmb_contact_get_fields (full);
  fields_out = bmb_contact_get_fields (back);
  g_assert_cmpuint (fields_out->len, ==, fields_in->len);
  for (guint i = 0; i < fields_in->len; i++)
    {
      BmbContactField *a = g_ptr_array_index (fields_in, i);
      BmbContactField *b = g_ptr_array_index (fields_out, i);

      /* Both are grouped by kind here, in the same order. */
      g_assert_cmpint (bmb_contact_field_get_kind (b), ==, bmb_contact_field_get_kind (a));
      g_assert_cmpstr (bmb_contact_field_get_value (b), ==, bmb_contact_field_get_value (a));
      g_assert_cmpstr (bmb_contact_field_get_label (b), ==, bmb_contact_field_get_label (a));
      g_assert_cmpint (bmb_contact_field_get_preferred (b), ==,
                       bmb_contact_field_get_preferred (a));
    }

  row2 = bmb_csv_reader_next (reader, NULL, NULL);
  g_clear_pointer (&introducer, g_free);
  plain_back = bmb_contact_csv_mapping_read_row (mapping, (const char * const *)row2, 3,
                                                 &introducer, &reason, NULL);
  g_assert_nonnull (plain_back);
  g_assert_null (introducer);
  g_assert_false (bmb_contact_has_custom_display_name (plain_back));
  g_assert_cmpuint (bmb_contact_get_fields (plain_back)->len, ==, 0);
  g_assert_cmpuint (bmb_contact_get_keep_in_touch_count (plain_back), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Jakarta", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/reader/quoting", test_reader_quoting);
  g_test_add_func ("/csv/reader/bom-and-unterminated", test_reader_bom_and_unterminated);
  g_test_add_func ("/csv/reader/caps", test_reader_caps);
  g_test_add_func ("/csv/reader/open-quote-resumes", test_reader_open_quote_resumes);
  g_test_add_func ("/csv/writer/round-trip", test_writer_round_trip);
  g_test_add_func ("/csv/contacts/linkedin", test_linkedin);
  g_test_add_func ("/csv/contacts/google-old", test_google_old);
  g_test_add_func ("/csv/contacts/google-new", test_google_new);
  g_test_add_func ("/csv/contacts/edge-cases", test_edge_file);
  g_test_add_func ("/csv/contacts/not-a-header", test_not_a_header);
  g_test_add_func ("/csv/contacts/dates", test_dates);
  g_test_add_func ("/csv/contacts/export-reads-back", test_export_reads_back);

  return g_test_run ();
}
