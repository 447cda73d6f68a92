/* test-contact-store.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "bmb-contact-store.h"
#include "bmb-contact-validate.h"
#include "bmb-test-utils.h"

typedef struct
{
  BmbDatabase     *db;
  BmbContactStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->db = bmb_test_open_tmp_database (NULL);
  f->store = bmb_contact_store_new (f->db);
  bmb_contact_store_set_today (f->store, "2025-06-15");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  g_clear_object (&f->db);
}

static gint64
count_rows (BmbDatabase *db,
            const char  *sql,
            gint64       id)
{
  sqlite3_stmt *stmt = bmb_database_prepare (db, sql, NULL);
  gint64 n;

  g_assert_nonnull (stmt);
  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return n;
}

static char *
query_text (BmbDatabase *db,
            const char  *sql,
            gint64       id)
{
  sqlite3_stmt *stmt = bmb_database_prepare (db, sql, NULL);
  char *text;

  g_assert_nonnull (stmt);
  sqlite3_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  text = bmb_stmt_dup_text (stmt, 0);
  sqlite3_reset (stmt);

  return text;
}

static BmbContact *
insert_named (Fixture    *f,
              const char *given,
              const char *family,
              const char *email)
{
  g_autoptr(GError) error = NULL;
  BmbContact *contact = bmb_contact_new ();

  bmb_contact_set_given_name (contact, given);
  bmb_contact_set_family_name (contact, family);
  if (email != NULL)
    bmb_contact_add_field (contact, BMB_CONTACT_FIELD_EMAIL, "work", email, TRUE);
  bmb_contact_store_insert (f->store, contact, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bmb_contact_get_id (contact), >, 0);

  return contact;
}

static gint64
insert_relationship (Fixture *f,
                     gint64   mentor_id,
                     gint64   mentee_id)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt =
    bmb_database_prepare (f->db,
                          "INSERT INTO relationships "
                          "(mentor_id, mentee_id, created_at, updated_at) "
                          "VALUES (?1, ?2, 0, 0)", &error);

  g_assert_no_error (error);
  bmb_stmt_bind_id_or_null (stmt, 1, mentor_id);
  bmb_stmt_bind_id_or_null (stmt, 2, mentee_id);
  g_assert_true (bmb_database_step_done (f->db, stmt, &error));
  g_assert_no_error (error);

  return bmb_database_last_insert_id (f->db);
}

/* ---- model --------------------------------------------------------------- */

static void
test_model_display_name (void)
{
  g_autoptr(BmbContact) contact = bmb_contact_new ();
  g_autofree char *initials = NULL;

  g_assert_cmpstr (bmb_contact_get_display_name (contact), ==, "");

  bmb_contact_add_field (contact, BMB_CONTACT_FIELD_EMAIL, NULL, "budi@example.id", FALSE);
  g_assert_cmpstr (bmb_contact_get_display_name (contact), ==, "budi@example.id");

  bmb_contact_set_organization (contact, "Yayasan Cerdas");
  g_assert_cmpstr (bmb_contact_get_display_name (contact), ==, "Yayasan Cerdas");

  bmb_contact_set_nickname (contact, "Ucok");
  g_assert_cmpstr (bmb_contact_get_display_name (contact), ==, "Ucok");

  bmb_contact_set_prefix (contact, "Dr.");
  bmb_contact_set_given_name (contact, "  Siti ");
  bmb_contact_set_family_name (contact, "Rahayu");
  bmb_contact_set_suffix (contact, "M.Psi.");
  g_assert_cmpstr (bmb_contact_get_given_name (contact), ==, "Siti");
  g_assert_cmpstr (bmb_contact_get_display_name (contact), ==, "Dr. Siti Rahayu, M.Psi.");
  g_assert_false (bmb_contact_has_custom_display_name (contact));

  initials = bmb_contact_dup_initials (contact);
  g_assert_cmpstr (initials, ==, "SR");

  bmb_contact_set_display_name (contact, "Bu Siti");
  g_assert_true (bmb_contact_has_custom_display_name (contact));
  g_assert_cmpstr (bmb_contact_get_display_name (contact), ==, "Bu Siti");
  bmb_contact_set_display_name (contact, "   ");
  g_assert_cmpstr (bmb_contact_get_display_name (contact), ==, "Dr. Siti Rahayu, M.Psi.");
}

static void
test_model_initials (void)
{
  struct { const char *name; const char *initials; } cases[] = {
    { "Siti Rahayu", "SR" },
    { "Dr. Ahmad Fauzi, S.T.", "AF" },
    { "Budi", "B" },
    { "Budi Santoso Wibowo", "BW" },
    { "élodie martin", "ÉM" },
    { "  ", "" },
    { "Dr.", "D" },
    { "O'Brien Kelly", "OK" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *initials = bmb_contact_initials_for_name (cases[i].name);

      g_assert_cmpstr (initials, ==, cases[i].initials);
    }
}

static void
test_model_fields_and_tags (void)
{
  g_autoptr(BmbContact) contact = bmb_contact_new ();
  g_autoptr(GPtrArray) emails = NULL;
  const char *tags[] = { "Mentor", " alumni ", "mentor", "", NULL };

  g_assert_true (bmb_contact_add_field (contact, BMB_CONTACT_FIELD_EMAIL, "home",
                                        "a@example.id", TRUE));
  g_assert_true (bmb_contact_add_field (contact, BMB_CONTACT_FIELD_PHONE, "mobile",
                                        "+62 812-3456-789", FALSE));
  g_assert_false (bmb_contact_add_field (contact, BMB_CONTACT_FIELD_EMAIL, "x", "  ", FALSE));
  g_assert_true (bmb_contact_add_field (contact, BMB_CONTACT_FIELD_EMAIL, "work",
                                        "b@example.id", TRUE));

  /* The second preferred email took the preference. */
  g_assert_cmpstr (bmb_contact_get_primary_value (contact, BMB_CONTACT_FIELD_EMAIL), ==,
                   "b@example.id");
  emails = bmb_contact_dup_fields_of_kind (contact, BMB_CONTACT_FIELD_EMAIL);
  g_assert_cmpuint (emails->len, ==, 2);
  g_assert_false (bmb_contact_field_get_preferred (g_ptr_array_index (emails, 0)));
  g_assert_cmpstr (bmb_contact_field_get_label (g_ptr_array_index (emails, 0)), ==, "home");

  g_assert_true (bmb_contact_has_field_value (contact, BMB_CONTACT_FIELD_EMAIL, " A@Example.ID"));
  g_assert_true (bmb_contact_has_field_value (contact, BMB_CONTACT_FIELD_PHONE, "+628123456789"));
  g_assert_false (bmb_contact_has_field_value (contact, BMB_CONTACT_FIELD_PHONE, "08123456789"));

  bmb_contact_set_tags (contact, tags);
  g_assert_cmpuint (g_strv_length ((char **)bmb_contact_get_tags (contact)), ==, 2);
  g_assert_cmpstr (bmb_contact_get_tags (contact)[0], ==, "Mentor");
  g_assert_cmpstr (bmb_contact_get_tags (contact)[1], ==, "alumni");
  g_assert_false (bmb_contact_add_tag (contact, "ALUMNI"));
  g_assert_true (bmb_contact_has_tag (contact, "mentor"));
  g_assert_true (bmb_contact_remove_tag (contact, "MENTOR"));
  g_assert_false (bmb_contact_has_tag (contact, "mentor"));
}

static void
test_model_merge_from (void)
{
  g_autoptr(BmbContact) a = bmb_contact_new ();
  g_autoptr(BmbContact) b = bmb_contact_new ();

  bmb_contact_set_given_name (a, "Siti");
  bmb_contact_set_notes (a, "Met at the alumni dinner.");
  bmb_contact_add_field (a, BMB_CONTACT_FIELD_EMAIL, NULL, "siti@example.id", TRUE);
  bmb_contact_add_tag (a, "alumni");

  bmb_contact_set_given_name (b, "Sitti");
  bmb_contact_set_family_name (b, "Rahayu");
  bmb_contact_set_organization (b, "Universitas Indonesia");
  bmb_contact_set_notes (b, "Interested in data science.");
  bmb_contact_add_field (b, BMB_CONTACT_FIELD_EMAIL, NULL, "SITI@example.id", TRUE);
  bmb_contact_add_field (b, BMB_CONTACT_FIELD_EMAIL, NULL, "siti.r@ui.ac.id", TRUE);
  bmb_contact_add_tag (b, "Alumni");
  bmb_contact_add_tag (b, "data");
  bmb_contact_set_keep_in_touch (b, 2, BMB_FOLLOW_UP_UNIT_MONTH);

  g_assert_true (bmb_contact_merge_from (a, b));
  g_assert_cmpstr (bmb_contact_get_given_name (a), ==, "Siti");
  g_assert_cmpstr (bmb_contact_get_family_name (a), ==, "Rahayu");
  g_assert_cmpstr (bmb_contact_get_organization (a), ==, "Universitas Indonesia");
  g_assert_cmpstr (bmb_contact_get_notes (a), ==,
                   "Met at the alumni dinner.\n\nInterested in data science.");
  g_assert_cmpuint (bmb_contact_get_fields (a)->len, ==, 2);
  g_assert_cmpstr (bmb_contact_get_primary_value (a, BMB_CONTACT_FIELD_EMAIL), ==,
                   "siti@example.id");
  g_assert_cmpuint (g_strv_length ((char **)bmb_contact_get_tags (a)), ==, 2);
  g_assert_cmpuint (bmb_contact_get_keep_in_touch_count (a), ==, 2);

  /* Merging the same data again changes nothing. */
  g_assert_false (bmb_contact_merge_from (a, b));
}

static void
test_model_sort_key (void)
{
  g_autofree char *a = bmb_contact_make_sort_key ("Élodie  Martin");
  g_autofree char *b = bmb_contact_make_sort_key ("'siti-aminah");
  g_autofree char *c = bmb_contact_make_sort_key ("ŞITI Aminah");
  g_autofree char *folded = bmb_text_fold ("José Ñúñez");

  g_assert_cmpstr (a, ==, "elodie martin");
  g_assert_cmpstr (b, ==, "siti aminah");
  g_assert_cmpstr (c, ==, "siti aminah");
  g_assert_cmpstr (folded, ==, "jose nunez");
}

/* A string ending inside a multi-byte sequence: GLib's normalizer would read past its end. */
static void
test_model_fold_invalid (void)
{
  const char *inputs[] = { "Jos\xc3", "ab\xf0", "\xe2\x82", "Siti\xff\xfe" };
  const char *expected[] = { "jos\xef\xbf\xbd", "ab\xef\xbf\xbd", "\xef\xbf\xbd\xef\xbf\xbd",
                             "siti\xef\xbf\xbd\xef\xbf\xbd" };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autofree char *folded = bmb_text_fold (inputs[i]);

      g_assert_true (g_utf8_validate (folded, -1, NULL));
      g_assert_cmpstr (folded, ==, expected[i]);
    }
}

/* ---- validation ---------------------------------------------------------- */

static void
test_validate (void)
{
  const char *good_emails[] = { "siti@example.id", " budi.s+tag@mail.ui.ac.id ", "a@b.co",
                                "dewi@universitas.ac.id", "", NULL };
  const char *bad_emails[] = { "siti", "siti@", "@example.id", "si ti@example.id",
                               "a@@b.co", "a@b", "a@b..co", "a@-b.co", "a@1.2", NULL };
  const char *good_phones[] = { "+62 812-3456-7890", "(021) 555 1234", "0812.3456.789", NULL };
  const char *bad_phones[] = { "12", "0812 abc", "62+812", "+1 234 567 890 123 456 789 0123",
                               NULL };
  const char *good_urls[] = { "https://linkedin.com/in/siti", "linkedin.com/in/siti",
                              "http://contoh.co.id", "mailto:siti@example.id", NULL };
  const char *bad_urls[] = { "ftp://example.com", "not a link", "https://", "localhost",
                             "javascript:alert(1)", NULL };
  g_autofree char *normalized = bmb_contact_normalize_url (" linkedin.com/in/siti ");
  g_autofree char *date_ok = bmb_contact_validate_date ("--02-29", TRUE);
  g_autofree char *date_bad = bmb_contact_validate_date ("--02-29", FALSE);
  g_autofree char *date_bad2 = bmb_contact_validate_date ("2023-02-29", TRUE);

  for (guint i = 0; good_emails[i]; i++)
    {
      g_autofree char *message = bmb_contact_validate_email (good_emails[i]);
      g_assert_null (message);
    }
  for (guint i = 0; bad_emails[i]; i++)
    {
      g_autofree char *message = bmb_contact_validate_email (bad_emails[i]);
      if (message == NULL)
        g_error ("accepted email %s", bad_emails[i]);
      g_assert_cmpuint (strlen (message), >, 0);
    }
  for (guint i = 0; good_phones[i]; i++)
    {
      g_autofree char *message = bmb_contact_validate_field (BMB_CONTACT_FIELD_PHONE,
                                                             good_phones[i]);
      g_assert_null (message);
    }
  for (guint i = 0; bad_phones[i]; i++)
    {
      g_autofree char *message = bmb_contact_validate_phone (bad_phones[i]);
      if (message == NULL)
        g_error ("accepted phone %s", bad_phones[i]);
    }
  for (guint i = 0; good_urls[i]; i++)
    {
      g_autofree char *message = bmb_contact_validate_url (good_urls[i]);
      if (message != NULL)
        g_error ("refused link %s: %s", good_urls[i], message);
    }
  for (guint i = 0; bad_urls[i]; i++)
    {
      g_autofree char *message = bmb_contact_validate_url (bad_urls[i]);
      if (message == NULL)
        g_error ("accepted link %s", bad_urls[i]);
    }

  g_assert_cmpstr (normalized, ==, "https://linkedin.com/in/siti");
  g_assert_null (date_ok);
  g_assert_nonnull (date_bad);
  g_assert_nonnull (date_bad2);
}

/* ---- CRUD ---------------------------------------------------------------- */

static void
test_insert_get (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbContact) contact = bmb_contact_new ();
  g_autoptr(BmbContact) introducer = insert_named (f, "Ahmad", "Fauzi", NULL);
  g_autoptr(BmbContact) loaded = NULL;
  g_autoptr(GPtrArray) phones = NULL;
  g_autofree char *sort_key = NULL;
  const char *tags[] = { "mentor", "alumni UI", NULL };

  bmb_contact_set_prefix (contact, "Dr.");
  bmb_contact_set_given_name (contact, "Siti");
  bmb_contact_set_additional_names (contact, "Nur");
  bmb_contact_set_family_name (contact, "Rahayu");
  bmb_contact_set_suffix (contact, "M.Psi.");
  bmb_contact_set_nickname (contact, "Bu Siti");
  bmb_contact_set_organization (contact, "Universitas Indonesia");
  bmb_contact_set_role (contact, "Dosen");
  bmb_contact_set_birthday (contact, "--08-17");
  bmb_contact_set_met_where (contact, "Depok");
  bmb_contact_set_met_on (contact, "2025-05-01");
  bmb_contact_set_met_event (contact, "Temu Alumni");
  bmb_contact_set_introduced_by (contact, bmb_contact_get_id (introducer));
  bmb_contact_set_notes (contact, "  Suka diskusi karier.\n");
  bmb_contact_set_keep_in_touch (contact, 3, BMB_FOLLOW_UP_UNIT_WEEK);
  bmb_contact_add_field (contact, BMB_CONTACT_FIELD_EMAIL, "work", "siti@ui.ac.id", TRUE);
  bmb_contact_add_field (contact, BMB_CONTACT_FIELD_PHONE, "mobile", "+62 812 1111 2222", FALSE);
  bmb_contact_add_field (contact, BMB_CONTACT_FIELD_PHONE, "work", "(021) 786 0000", TRUE);
  bmb_contact_add_field (contact, BMB_CONTACT_FIELD_URL, "LinkedIn",
                         "https://linkedin.com/in/siti", FALSE);
  bmb_contact_set_tags (contact, tags);

  g_assert_true (bmb_contact_store_insert (f->store, contact, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bmb_contact_get_id (contact), >, 0);
  g_assert_nonnull (bmb_contact_get_uid (contact));
  g_assert_true (g_uuid_string_is_valid (bmb_contact_get_uid (contact)));
  g_assert_cmpint (bmb_contact_get_created_at (contact), >, 0);
  /* Met 1 May + 3 weeks, no interaction yet. */
  g_assert_cmpstr (bmb_contact_get_next_follow_up_on (contact), ==, "2025-05-22");

  loaded = bmb_contact_store_get (f->store, bmb_contact_get_id (contact), &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_assert_cmpstr (bmb_contact_get_uid (loaded), ==, bmb_contact_get_uid (contact));
  g_assert_cmpstr (bmb_contact_get_display_name (loaded), ==, "Dr. Siti Nur Rahayu, M.Psi.");
  g_assert_false (bmb_contact_has_custom_display_name (loaded));
  g_assert_cmpstr (bmb_contact_get_prefix (loaded), ==, "Dr.");
  g_assert_cmpstr (bmb_contact_get_given_name (loaded), ==, "Siti");
  g_assert_cmpstr (bmb_contact_get_additional_names (loaded), ==, "Nur");
  g_assert_cmpstr (bmb_contact_get_family_name (loaded), ==, "Rahayu");
  g_assert_cmpstr (bmb_contact_get_suffix (loaded), ==, "M.Psi.");
  g_assert_cmpstr (bmb_contact_get_nickname (loaded), ==, "Bu Siti");
  g_assert_cmpstr (bmb_contact_get_organization (loaded), ==, "Universitas Indonesia");
  g_assert_cmpstr (bmb_contact_get_role (loaded), ==, "Dosen");
  g_assert_cmpstr (bmb_contact_get_birthday (loaded), ==, "--08-17");
  g_assert_cmpstr (bmb_contact_get_met_where (loaded), ==, "Depok");
  g_assert_cmpstr (bmb_contact_get_met_on (loaded), ==, "2025-05-01");
  g_assert_cmpstr (bmb_contact_get_met_event (loaded), ==, "Temu Alumni");
  g_assert_cmpint (bmb_contact_get_introduced_by (loaded), ==, bmb_contact_get_id (introducer));
  g_assert_cmpstr (bmb_contact_get_notes (loaded), ==, "  Suka diskusi karier.\n");
  g_assert_cmpuint (bmb_contact_get_keep_in_touch_count (loaded), ==, 3);
  g_assert_cmpint (bmb_contact_get_keep_in_touch_unit (loaded), ==, BMB_FOLLOW_UP_UNIT_WEEK);
  g_assert_null (bmb_contact_get_last_contact_on (loaded));
  g_assert_cmpstr (bmb_contact_get_next_follow_up_on (loaded), ==, "2025-05-22");
  g_assert_cmpint (bmb_contact_get_created_at (loaded), ==, bmb_contact_get_created_at (contact));

  g_assert_cmpuint (bmb_contact_get_fields (loaded)->len, ==, 4);
  phones = bmb_contact_dup_fields_of_kind (loaded, BMB_CONTACT_FIELD_PHONE);
  g_assert_cmpuint (phones->len, ==, 2);
  g_assert_cmpstr (bmb_contact_field_get_label (g_ptr_array_index (phones, 0)), ==, "mobile");
  g_assert_cmpstr (bmb_contact_get_primary_value (loaded, BMB_CONTACT_FIELD_PHONE), ==,
                   "(021) 786 0000");
  g_assert_true (bmb_contact_has_tag (loaded, "Mentor"));
  g_assert_true (bmb_contact_has_tag (loaded, "alumni ui"));

  sort_key = query_text (f->db, "SELECT sort_key FROM contacts WHERE id = ?1",
                         bmb_contact_get_id (contact));
  g_assert_cmpstr (sort_key, ==, "siti nur rahayu");

  /* Not found is an error for get, NULL for uid lookup. */
  g_assert_null (bmb_contact_store_get (f->store, 9999, &error));
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (bmb_contact_store_get_by_uid (f->store, "nope", &error));
  g_assert_no_error (error);
  g_clear_object (&loaded);
  loaded = bmb_contact_store_get_by_uid (f->store, bmb_contact_get_uid (contact), &error);
  g_assert_no_error (error);
  g_assert_cmpint (bmb_contact_get_id (loaded), ==, bmb_contact_get_id (contact));
}

static void
test_derived_name_follows_parts (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbContact) contact = insert_named (f, "Budi", "Santoso", NULL);
  g_autoptr(BmbContact) loaded = NULL;
  g_autoptr(BmbContact) custom = bmb_contact_new ();
  g_autoptr(BmbContact) custom_loaded = NULL;

  loaded = bmb_contact_store_get (f->store, bmb_contact_get_id (contact), &error);
  g_assert_no_error (error);
  bmb_contact_set_family_name (loaded, "Wibowo");
  g_assert_cmpstr (bmb_contact_get_display_name (loaded), ==, "Budi Wibowo");
  g_assert_true (bmb_contact_store_update (f->store, loaded, &error));
  g_assert_no_error (error);

  bmb_contact_set_given_name (custom, "Ratna");
  bmb_contact_set_display_name (custom, "Mbak Ratna");
  g_assert_true (bmb_contact_store_insert (f->store, custom, &error));
  custom_loaded = bmb_contact_store_get (f->store, bmb_contact_get_id (custom), &error);
  g_assert_no_error (error);
  g_assert_true (bmb_contact_has_custom_display_name (custom_loaded));
  bmb_contact_set_family_name (custom_loaded, "Sari");
  g_assert_cmpstr (bmb_contact_get_display_name (custom_loaded), ==, "Mbak Ratna");
}

static void
test_update_replaces_children (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbContact) contact = insert_named (f, "Dewi", "Lestari", "dewi@example.id");
  g_autoptr(BmbContact) loaded = NULL;
  gint64 id = bmb_contact_get_id (contact);
  const char *tags[] = { "penulis", NULL };

  bmb_contact_add_tag (contact, "mentor");
  bmb_contact_add_field (contact, BMB_CONTACT_FIELD_PHONE, NULL, "0812 000 111", FALSE);
  g_assert_true (bmb_contact_store_update (f->store, contact, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f->db, "SELECT count(*) FROM contact_fields WHERE contact_id = ?1",
                               id), ==, 2);

  bmb_contact_remove_field (contact, 0);
  bmb_contact_set_tags (contact, tags);
  bmb_contact_set_role (contact, "Penulis");
  g_assert_true (bmb_contact_store_update (f->store, contact, &error));
  g_assert_no_error (error);

  g_assert_cmpint (count_rows (f->db, "SELECT count(*) FROM contact_fields WHERE contact_id = ?1",
                               id), ==, 1);
  g_assert_cmpint (count_rows (f->db, "SELECT count(*) FROM contact_tags WHERE contact_id = ?1",
                               id), ==, 1);
  loaded = bmb_contact_store_get (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bmb_contact_get_role (loaded), ==, "Penulis");
  g_assert_null (bmb_contact_get_primary_value (loaded, BMB_CONTACT_FIELD_EMAIL));
  g_assert_cmpstr (bmb_contact_get_primary_value (loaded, BMB_CONTACT_FIELD_PHONE), ==,
                   "0812 000 111");
  g_assert_true (bmb_contact_has_tag (loaded, "penulis"));
  g_assert_false (bmb_contact_has_tag (loaded, "mentor"));
  /* The old email no longer finds the contact. */
  g_assert_cmpint (bmb_contact_store_find_id_by_email (f->store, "dewi@example.id", &error), ==,
                   0);
  g_assert_no_error (error);

  /* Saving again without changes leaves the child rows alone... */
  {
    gint64 field_row = count_rows (f->db, "SELECT max (id) FROM contact_fields "
                                          "WHERE contact_id = ?1", id);

    g_assert_true (bmb_contact_store_update (f->store, contact, &error));
    g_assert_no_error (error);
    g_assert_cmpint (count_rows (f->db, "SELECT max (id) FROM contact_fields "
                                        "WHERE contact_id = ?1", id), ==, field_row);

    /* ...but a new label, preference or the case of a tag is a change. */
    g_clear_object (&loaded);
    loaded = bmb_contact_store_get (f->store, id, &error);
    {
      g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (
        (GDestroyNotify)bmb_contact_field_unref);
      const char *upper[] = { "Penulis", NULL };

      g_ptr_array_add (fields, bmb_contact_field_new (BMB_CONTACT_FIELD_PHONE, "rumah",
                                                      "0812 000 111", FALSE));
      bmb_contact_set_fields (contact, fields);
      bmb_contact_set_tags (contact, upper);
    }
    g_assert_true (bmb_contact_store_update (f->store, contact, &error));
    g_clear_object (&loaded);
    loaded = bmb_contact_store_get (f->store, id, &error);
    g_assert_cmpstr (bmb_contact_field_get_label (
                       g_ptr_array_index (bmb_contact_get_fields (loaded), 0)), ==, "rumah");
    g_assert_cmpstr (bmb_contact_get_tags (loaded)[0], ==, "Penulis");
  }

  /* Updating a deleted contact fails. */
  g_assert_true (bmb_contact_store_delete (f->store, id, NULL, &error));
  g_assert_false (bmb_contact_store_update (f->store, contact, &error));
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_NOT_FOUND);
}

static void
test_invalid (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbContact) empty = bmb_contact_new ();
  g_autoptr(BmbContact) bad_date = bmb_contact_new ();
  g_autoptr(BmbContact) half_interval = bmb_contact_new ();
  g_autoptr(BmbContact) bad_introducer = bmb_contact_new ();

  g_assert_false (bmb_contact_store_insert (f->store, empty, &error));
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (bmb_contact_get_id (empty), ==, 0);

  bmb_contact_set_given_name (bad_date, "Rina");
  bmb_contact_set_met_on (bad_date, "2025-02-30");
  g_assert_false (bmb_contact_store_insert (f->store, bad_date, &error));
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Rina"));
  g_assert_nonnull (strstr (error->message, "2025-02-30"));
  g_clear_error (&error);

  bmb_contact_set_given_name (half_interval, "Joko");
  bmb_contact_set_keep_in_touch (half_interval, 2, BMB_FOLLOW_UP_UNIT_NONE);
  g_assert_false (bmb_contact_store_insert (f->store, half_interval, &error));
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  bmb_contact_set_given_name (bad_introducer, "Wati");
  bmb_contact_set_introduced_by (bad_introducer, 4242);
  g_assert_false (bmb_contact_store_insert (f->store, bad_introducer, &error));
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_cmpint (bmb_contact_store_count (f->store, &error), ==, 0);
}

static void
test_constraints_and_outer_transaction (Fixture       *f,
                                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbContact) first = insert_named (f, "Agus", "Salim", "agus@example.id");
  g_autoptr(BmbContact) twin = bmb_contact_new ();

  /* Same uid: refused, and nothing of the second contact remains. */
  bmb_contact_set_given_name (twin, "Agus");
  bmb_contact_set_uid (twin, bmb_contact_get_uid (first));
  bmb_contact_add_field (twin, BMB_CONTACT_FIELD_EMAIL, NULL, "twin@example.id", FALSE);
  g_assert_false (bmb_contact_store_insert (f->store, twin, &error));
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpint (bmb_contact_get_id (twin), ==, 0);
  g_assert_cmpint (bmb_contact_store_count (f->store, NULL), ==, 1);
  g_assert_cmpint (count_rows (f->db, "SELECT count(*) FROM contact_fields", 0), ==, 1);

  /* The importer's pattern: one outer transaction around many inserts. */
  g_assert_true (bmb_database_begin (f->db, &error));
  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(BmbContact) contact = bmb_contact_new ();
      g_autofree char *name = g_strdup_printf ("Kontak %u", i);

      bmb_contact_set_display_name (contact, name);
      g_assert_true (bmb_contact_store_insert (f->store, contact, &error));
      g_assert_no_error (error);
    }
  /* A failing insert inside does not spoil the rest... */
  g_assert_false (bmb_contact_store_insert (f->store, twin, &error));
  g_clear_error (&error);
  g_assert_cmpint (bmb_contact_store_count (f->store, NULL), ==, 21);
  /* ...and the whole batch rolls back as one. */
  bmb_database_rollback (f->db);
  g_assert_cmpint (bmb_contact_store_count (f->store, NULL), ==, 1);
  g_assert_cmpint (count_rows (f->db, "SELECT count(*) FROM contacts_fts", 0), ==, 1);
}

static void
on_changed_cb (BmbDatabase *db,
               guint        flags,
               gpointer     user_data)
{
  GArray *seen = user_data;

  g_array_append_val (seen, flags);
}

static void
test_changed_signal (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(BmbContact) contact = NULL;
  g_autoptr(BmbInteraction) interaction = NULL;
  g_autoptr(GError) error = NULL;
  gulong handler;

  handler = g_signal_connect (f->db, "changed", G_CALLBACK (on_changed_cb), seen);
  contact = insert_named (f, "Lina", "Marlina", "lina@example.id");
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_cmpuint (g_array_index (seen, guint, 0), ==, BMB_CHANGE_CONTACTS);

  interaction = bmb_interaction_new (bmb_contact_get_id (contact), "2025-06-01",
                                     BMB_INTERACTION_CHANNEL_CALL, NULL);
  g_assert_true (bmb_contact_store_add_interaction (f->store, interaction, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen->len, ==, 2);
  g_assert_cmpuint (g_array_index (seen, guint, 1), ==,
                    BMB_CHANGE_CONTACTS | BMB_CHANGE_INTERACTIONS);
  g_signal_handler_disconnect (f->db, handler);
}

/* ---- delete / restore ---------------------------------------------------- */

/* Several contacts go in one core call: all of them, or none when one cannot go. */
static void
test_delete_many (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbContact) a = insert_named (f, "Ayu", "Lestari", "ayu@example.id");
  g_autoptr(BmbContact) b = insert_named (f, "Bayu", "Pratama", "bayu@example.id");
  g_autoptr(BmbContact) c = insert_named (f, "Citra", "Dewi", "citra@example.id");
  gint64 ids[3] = { bmb_contact_get_id (a), bmb_contact_get_id (b), bmb_contact_get_id (c) };
  gint64 relationship;

  /* Citra is in a relationship: nothing is deleted, and the error names her. */
  relationship = insert_relationship (f, ids[2], 0);
  g_assert_false (bmb_contact_store_delete_many (f->store, ids, 3, &error));
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "Citra Dewi"));
  g_clear_error (&error);
  g_assert_cmpint (bmb_contact_store_count (f->store, NULL), ==, 3);
  g_assert_cmpint (count_rows (f->db, "SELECT count(*) FROM contacts_fts", 0), ==, 3);

  count_rows (f->db, "DELETE FROM relationships WHERE id = ?1 RETURNING 0", relationship);
  g_assert_true (bmb_contact_store_delete_many (f->store, ids, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bmb_contact_store_count (f->store, NULL), ==, 1);
  g_assert_cmpint (count_rows (f->db, "SELECT count(*) FROM contacts_fts", 0), ==, 1);

  /* Nothing to delete is no error. */
  g_assert_true (bmb_contact_store_delete_many (f->store, NULL, 0, &error));
  g_assert_no_error (error);
}

static void
test_delete_restore (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbContact) contact = insert_named (f, "Hendra", "Gunawan", "hendra@example.id");
  g_autoptr(BmbContact) friend = bmb_contact_new ();
  g_autoptr(BmbContact) restored = NULL;
  g_autoptr(BmbContact) friend_loaded = NULL;
  g_autoptr(BmbContactSnapshot) snapshot = NULL;
  g_autoptr(BmbInteraction) call = NULL;
  g_autoptr(GPtrArray) interactions = NULL;
  gint64 id = bmb_contact_get_id (contact);
  gint64 relationship;
  GArray *ids;

  bmb_contact_add_tag (contact, "investor");
  bmb_contact_set_keep_in_touch (contact, 1, BMB_FOLLOW_UP_UNIT_MONTH);
  g_assert_true (bmb_contact_store_update (f->store, contact, &error));
  call = bmb_interaction_new (id, "2025-06-10", BMB_INTERACTION_CHANNEL_CALL, "Pitch deck");
  g_assert_true (bmb_contact_store_add_interaction (f->store, call, &error));
  g_assert_no_error (error);

  bmb_contact_set_given_name (friend, "Rudi");
  bmb_contact_set_introduced_by (friend, id);
  g_assert_true (bmb_contact_store_insert (f->store, friend, &error));
  g_assert_no_error (error);

  /* In a relationship: refused, with a message naming the contact. */
  relationship = insert_relationship (f, id, 0);
  g_assert_false (bmb_contact_store_delete (f->store, id, &snapshot, &error));
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "Hendra Gunawan"));
  g_assert_null (snapshot);
  g_clear_error (&error);
  count_rows (f->db, "DELETE FROM relationships WHERE id = ?1 RETURNING 0", relationship);

  g_assert_true (bmb_contact_store_delete (f->store, id, &snapshot, &error));
  g_assert_no_error (error);
  g_assert_nonnull (snapshot);
  g_assert_cmpint (bmb_contact_store_count (f->store, NULL), ==, 1);
  g_assert_cmpint (count_rows (f->db, "SELECT count(*) FROM interactions", 0), ==, 0);
  g_assert_cmpint (count_rows (f->db, "SELECT count(*) FROM contact_fields", 0), ==, 0);
  g_assert_cmpint (count_rows (f->db,
                               "SELECT count(*) FROM contacts WHERE introduced_by IS NOT NULL", 0),
                   ==, 0);
  ids = bmb_contact_store_query_ids (f->store, "hendra", BMB_CONTACT_SORT_NAME,
                                     BMB_CONTACT_FILTER_ALL, NULL, &error);
  g_assert_cmpuint (ids->len, ==, 0);
  g_array_unref (ids);

  g_assert_true (bmb_contact_store_restore (f->store, snapshot, &error));
  g_assert_no_error (error);

  restored = bmb_contact_store_get (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bmb_contact_get_uid (restored), ==, bmb_contact_get_uid (contact));
  g_assert_cmpstr (bmb_contact_get_primary_value (restored, BMB_CONTACT_FIELD_EMAIL), ==,
                   "hendra@example.id");
  g_assert_true (bmb_contact_has_tag (restored, "investor"));
  g_assert_cmpstr (bmb_contact_get_last_contact_on (restored), ==, "2025-06-10");
  g_assert_cmpstr (bmb_contact_get_next_follow_up_on (restored), ==, "2025-07-10");
  g_assert_cmpint (bmb_contact_get_created_at (restored), ==,
                   bmb_contact_get_created_at (contact));
  interactions = bmb_contact_store_list_interactions (f->store, id, &error);
  g_assert_cmpuint (interactions->len, ==, 1);
  g_assert_cmpint (bmb_interaction_get_id (g_ptr_array_index (interactions, 0)), ==,
                   bmb_interaction_get_id (call));
  g_assert_cmpstr (bmb_interaction_get_summary (g_ptr_array_index (interactions, 0)), ==,
                   "Pitch deck");
  friend_loaded = bmb_contact_store_get (f->store, bmb_contact_get_id (friend), &error);
  g_assert_cmpint (bmb_contact_get_introduced_by (friend_loaded), ==, id);

  ids = bmb_contact_store_query_ids (f->store, "hendra", BMB_CONTACT_SORT_NAME,
                                     BMB_CONTACT_FILTER_ALL, NULL, &error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_array_unref (ids);

  /* Deleting a contact that is not there. */
  g_assert_false (bmb_contact_store_delete (f->store, 777, NULL, &error));
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_NOT_FOUND);
}

/* ---- find by email ------------------------------------------------------- */

static void
test_find_by_email (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbContact) a = insert_named (f, "Fajar", "Nugroho", "Fajar.N@Example.ID");
  g_autoptr(BmbContact) b = insert_named (f, "Fajar", "Lain", "fajar@example.id");
  g_autoptr(BmbContact) found = NULL;
  g_autofree char *plan = NULL;
  sqlite3_stmt *stmt;

  g_assert_cmpint (bmb_contact_store_find_id_by_email (f->store, "  fajar.n@example.id ",
                                                       &error), ==, bmb_contact_get_id (a));
  g_assert_cmpint (bmb_contact_store_find_id_by_email (f->store, "FAJAR@EXAMPLE.ID", &error), ==,
                   bmb_contact_get_id (b));
  g_assert_cmpint (bmb_contact_store_find_id_by_email (f->store, "fajar@example", &error), ==, 0);
  g_assert_cmpint (bmb_contact_store_find_id_by_email (f->store, "", &error), ==, 0);
  g_assert_no_error (error);

  found = bmb_contact_store_find_by_email (f->store, "fajar.n@example.id", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bmb_contact_get_family_name (found), ==, "Nugroho");
  g_assert_null (bmb_contact_store_find_by_email (f->store, "nobody@example.id", &error));
  g_assert_no_error (error);

  /* A phone number with the same text is not an email. */
  bmb_contact_add_field (a, BMB_CONTACT_FIELD_PHONE, NULL, "12345", FALSE);
  g_assert_true (bmb_contact_store_update (f->store, a, &error));
  g_assert_cmpint (bmb_contact_store_find_id_by_email (f->store, "12345", &error), ==, 0);

  /* The lookup uses the contact_fields_value index. */
  stmt = bmb_database_prepare (f->db,
                               "EXPLAIN QUERY PLAN SELECT min (contact_id) FROM contact_fields "
                               "WHERE kind = 'email' AND value = ?1 COLLATE NOCASE", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  plan = bmb_stmt_dup_text (stmt, 3);
  sqlite3_reset (stmt);
  g_assert_nonnull (strstr (plan, "contact_fields_value"));
}

/* ---- merge --------------------------------------------------------------- */

static void
test_merge (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbContact) keep = insert_named (f, "Yusuf", NULL, "yusuf@example.id");
  g_autoptr(BmbContact) other = bmb_contact_new ();
  g_autoptr(BmbContact) introduced = bmb_contact_new ();
  g_autoptr(BmbContact) merged = NULL;
  g_autoptr(BmbContact) introduced_loaded = NULL;
  g_autoptr(BmbInteraction) i1 = NULL;
  g_autoptr(BmbInteraction) i2 = NULL;
  g_autoptr(GPtrArray) interactions = NULL;
  g_autoptr(GPtrArray) tags = NULL;
  gint64 keep_id = bmb_contact_get_id (keep);
  gint64 other_id;
  gint64 r_mentor, r_mentee;

  bmb_contact_add_tag (keep, "alumni");
  bmb_contact_set_notes (keep, "Teman kuliah.");
  g_assert_true (bmb_contact_store_update (f->store, keep, &error));

  bmb_contact_set_given_name (other, "Yusuf");
  bmb_contact_set_family_name (other, "Hidayat");
  bmb_contact_set_organization (other, "PT Maju");
  bmb_contact_set_role (other, "CTO");
  bmb_contact_set_notes (other, "Ahli cloud.");
  bmb_contact_set_keep_in_touch (other, 2, BMB_FOLLOW_UP_UNIT_WEEK);
  bmb_contact_add_field (other, BMB_CONTACT_FIELD_EMAIL, NULL, "YUSUF@example.id", TRUE);
  bmb_contact_add_field (other, BMB_CONTACT_FIELD_EMAIL, "work", "yusuf@maju.co.id", FALSE);
  bmb_contact_add_field (other, BMB_CONTACT_FIELD_PHONE, "mobile", "0813 222 333", TRUE);
  bmb_contact_add_tag (other, "Alumni");
  bmb_contact_add_tag (other, "cloud");
  g_assert_true (bmb_contact_store_insert (f->store, other, &error));
  g_assert_no_error (error);
  other_id = bmb_contact_get_id (other);

  bmb_contact_set_given_name (introduced, "Putri");
  bmb_contact_set_introduced_by (introduced, other_id);
  g_assert_true (bmb_contact_store_insert (f->store, introduced, &error));

  i1 = bmb_interaction_new (keep_id, "2025-05-01", BMB_INTERACTION_CHANNEL_MEETING, "Kopi");
  i2 = bmb_interaction_new (other_id, "2025-06-05", BMB_INTERACTION_CHANNEL_EMAIL, "Proposal");
  g_assert_true (bmb_contact_store_add_interaction (f->store, i1, &error));
  g_assert_true (bmb_contact_store_add_interaction (f->store, i2, &error));
  g_assert_no_error (error);

  r_mentor = insert_relationship (f, other_id, 0);
  r_mentee = insert_relationship (f, 0, other_id);

  g_assert_true (bmb_contact_store_merge (f->store, keep_id, other_id, &error));
  g_assert_no_error (error);

  /* The other is gone, nothing of it is lost. */
  g_assert_null (bmb_contact_store_get (f->store, other_id, NULL));
  merged = bmb_contact_store_get (f->store, keep_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bmb_contact_get_display_name (merged), ==, "Yusuf Hidayat");
  g_assert_cmpstr (bmb_contact_get_organization (merged), ==, "PT Maju");
  g_assert_cmpstr (bmb_contact_get_role (merged), ==, "CTO");
  g_assert_cmpstr (bmb_contact_get_notes (merged), ==, "Teman kuliah.\n\nAhli cloud.");
  g_assert_cmpuint (bmb_contact_get_fields (merged)->len, ==, 3);
  g_assert_cmpstr (bmb_contact_get_primary_value (merged, BMB_CONTACT_FIELD_EMAIL), ==,
                   "yusuf@example.id");
  g_assert_true (bmb_contact_has_field_value (merged, BMB_CONTACT_FIELD_EMAIL,
                                              "yusuf@maju.co.id"));
  g_assert_cmpstr (bmb_contact_get_primary_value (merged, BMB_CONTACT_FIELD_PHONE), ==,
                   "0813 222 333");
  g_assert_true (bmb_contact_has_tag (merged, "alumni"));
  g_assert_true (bmb_contact_has_tag (merged, "cloud"));
  g_assert_cmpuint (g_strv_length ((char **)bmb_contact_get_tags (merged)), ==, 2);

  interactions = bmb_contact_store_list_interactions (f->store, keep_id, &error);
  g_assert_cmpuint (interactions->len, ==, 2);
  g_assert_cmpstr (bmb_interaction_get_summary (g_ptr_array_index (interactions, 0)), ==,
                   "Proposal");
  g_assert_cmpstr (bmb_contact_get_last_contact_on (merged), ==, "2025-06-05");
  g_assert_cmpstr (bmb_contact_get_next_follow_up_on (merged), ==, "2025-06-19");

  g_assert_cmpint (count_rows (f->db, "SELECT mentor_id FROM relationships WHERE id = ?1",
                               r_mentor), ==, keep_id);
  g_assert_cmpint (count_rows (f->db, "SELECT mentee_id FROM relationships WHERE id = ?1",
                               r_mentee), ==, keep_id);
  introduced_loaded = bmb_contact_store_get (f->store, bmb_contact_get_id (introduced), &error);
  g_assert_cmpint (bmb_contact_get_introduced_by (introduced_loaded), ==, keep_id);

  g_assert_cmpint (count_rows (f->db, "SELECT count(*) FROM contact_fields WHERE contact_id = ?1",
                               other_id), ==, 0);
  g_assert_cmpint (count_rows (f->db, "SELECT count(*) FROM contacts_fts", 0), ==, 2);
  g_assert_cmpint (bmb_contact_store_find_id_by_email (f->store, "yusuf@maju.co.id", &error), ==,
                   keep_id);

  tags = bmb_contact_store_list_tags (f->store, &error);
  g_assert_cmpuint (tags->len, ==, 2);
}

static void
test_merge_refused (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbContact) mentor = insert_named (f, "Guru", "Besar", "guru@example.id");
  g_autoptr(BmbContact) mentee = insert_named (f, "Murid", "Baru", "murid@example.id");
  gint64 before;

  insert_relationship (f, bmb_contact_get_id (mentor), bmb_contact_get_id (mentee));
  before = count_rows (f->db, "SELECT count(*) FROM contact_fields", 0);

  g_assert_false (bmb_contact_store_merge (f->store, bmb_contact_get_id (mentor),
                                           bmb_contact_get_id (mentee), &error));
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (bmb_contact_store_count (f->store, NULL), ==, 2);
  g_assert_cmpint (count_rows (f->db, "SELECT count(*) FROM contact_fields", 0), ==, before);

  g_assert_false (bmb_contact_store_merge (f->store, bmb_contact_get_id (mentor),
                                           bmb_contact_get_id (mentor), &error));
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (bmb_contact_store_merge (f->store, bmb_contact_get_id (mentor), 999, &error));
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_NOT_FOUND);
}

static void
test_list_tags (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tags = NULL;
  const char *names[] = { "A", "B", "C" };
  const char *tag_sets[][3] = { { "mentor", "alumni", NULL }, { "Mentor", NULL, NULL },
                                { "zakat", "alumni", NULL } };
  BmbContactTagCount *t;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(BmbContact) contact = bmb_contact_new ();

      bmb_contact_set_display_name (contact, names[i]);
      bmb_contact_set_tags (contact, tag_sets[i]);
      g_assert_true (bmb_contact_store_insert (f->store, contact, &error));
      g_assert_no_error (error);
    }

  tags = bmb_contact_store_list_tags (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tags->len, ==, 3);
  t = g_ptr_array_index (tags, 0);
  g_assert_cmpstr (t->tag, ==, "alumni");
  g_assert_cmpuint (t->count, ==, 2);
  t = g_ptr_array_index (tags, 1);
  g_assert_cmpint (g_ascii_strcasecmp (t->tag, "mentor"), ==, 0);
  g_assert_cmpuint (t->count, ==, 2);
  t = g_ptr_array_index (tags, 2);
  g_assert_cmpstr (t->tag, ==, "zakat");
  g_assert_cmpuint (t->count, ==, 1);
}

/* ---- interactions and follow-up dates ------------------------------------ */

static void
test_interactions_move_follow_up (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbContact) contact = bmb_contact_new ();
  g_autoptr(BmbContact) loaded = NULL;
  g_autoptr(BmbInteraction) first = NULL;
  g_autoptr(BmbInteraction) second = NULL;
  g_autoptr(BmbInteraction) older = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gint64 id;

  bmb_contact_set_given_name (contact, "Intan");
  bmb_contact_set_met_on (contact, "2025-01-31");
  bmb_contact_set_keep_in_touch (contact, 1, BMB_FOLLOW_UP_UNIT_MONTH);
  g_assert_true (bmb_contact_store_insert (f->store, contact, &error));
  id = bmb_contact_get_id (contact);
  /* Met 31 January + 1 month: end of February. */
  g_assert_cmpstr (bmb_contact_get_next_follow_up_on (contact), ==, "2025-02-28");

  first = bmb_interaction_new (id, "2025-03-31", BMB_INTERACTION_CHANNEL_MEETING, "Makan siang");
  g_assert_true (bmb_contact_store_add_interaction (f->store, first, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bmb_interaction_get_id (first), >, 0);
  loaded = bmb_contact_store_get (f->store, id, &error);
  g_assert_cmpstr (bmb_contact_get_last_contact_on (loaded), ==, "2025-03-31");
  g_assert_cmpstr (bmb_contact_get_next_follow_up_on (loaded), ==, "2025-04-30");
  g_clear_object (&loaded);

  second = bmb_interaction_new (id, "2025-06-01", BMB_INTERACTION_CHANNEL_MESSAGE, NULL);
  g_assert_true (bmb_contact_store_add_interaction (f->store, second, &error));
  loaded = bmb_contact_store_get (f->store, id, &error);
  g_assert_cmpstr (bmb_contact_get_next_follow_up_on (loaded), ==, "2025-07-01");
  g_clear_object (&loaded);

  /* Logging an older one does not move the last contact back. */
  older = bmb_interaction_new (id, "2025-02-10", BMB_INTERACTION_CHANNEL_CALL, NULL);
  g_assert_true (bmb_contact_store_add_interaction (f->store, older, &error));
  loaded = bmb_contact_store_get (f->store, id, &error);
  g_assert_cmpstr (bmb_contact_get_last_contact_on (loaded), ==, "2025-06-01");
  g_clear_object (&loaded);

  list = bmb_contact_store_list_interactions (f->store, id, &error);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpstr (bmb_interaction_get_happened_on (g_ptr_array_index (list, 0)), ==,
                   "2025-06-01");
  g_assert_cmpstr (bmb_interaction_get_happened_on (g_ptr_array_index (list, 2)), ==,
                   "2025-02-10");

  /* Editing the newest moves the dates with it. */
  bmb_interaction_set_happened_on (second, "2025-05-15");
  bmb_interaction_set_channel (second, BMB_INTERACTION_CHANNEL_CALL);
  g_assert_true (bmb_contact_store_update_interaction (f->store, second, &error));
  g_assert_no_error (error);
  loaded = bmb_contact_store_get (f->store, id, &error);
  g_assert_cmpstr (bmb_contact_get_last_contact_on (loaded), ==, "2025-05-15");
  g_assert_cmpstr (bmb_contact_get_next_follow_up_on (loaded), ==, "2025-06-15");
  g_clear_object (&loaded);

  /* Deleting it falls back to the next newest. */
  g_assert_true (bmb_contact_store_delete_interaction (f->store, bmb_interaction_get_id (second),
                                                       &error));
  loaded = bmb_contact_store_get (f->store, id, &error);
  g_assert_cmpstr (bmb_contact_get_last_contact_on (loaded), ==, "2025-03-31");
  g_assert_cmpstr (bmb_contact_get_next_follow_up_on (loaded), ==, "2025-04-30");
  g_clear_object (&loaded);

  /* All gone: back to the date we met. */
  g_assert_true (bmb_contact_store_delete_interaction (f->store, bmb_interaction_get_id (first),
                                                       &error));
  g_assert_true (bmb_contact_store_delete_interaction (f->store, bmb_interaction_get_id (older),
                                                       &error));
  loaded = bmb_contact_store_get (f->store, id, &error);
  g_assert_null (bmb_contact_get_last_contact_on (loaded));
  g_assert_cmpstr (bmb_contact_get_next_follow_up_on (loaded), ==, "2025-02-28");

  /* Invalid input is refused and changes nothing. */
  g_clear_object (&first);
  first = bmb_interaction_new (id, "31/03/2025", BMB_INTERACTION_CHANNEL_CALL, NULL);
  g_assert_false (bmb_contact_store_add_interaction (f->store, first, &error));
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_object (&first);
  first = bmb_interaction_new (4444, "2025-03-31", BMB_INTERACTION_CHANNEL_CALL, NULL);
  g_assert_false (bmb_contact_store_add_interaction (f->store, first, &error));
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (bmb_contact_store_delete_interaction (f->store, 4444, &error));
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_NOT_FOUND);
  g_assert_cmpint (count_rows (f->db, "SELECT count(*) FROM interactions", 0), ==, 0);
}

static void
test_follow_up_bases (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbContact) none = insert_named (f, "Tanpa", "Interval", NULL);
  g_autoptr(BmbContact) created = bmb_contact_new ();
  g_autoptr(BmbContact) manual = bmb_contact_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 10);
  g_autofree char *expected = g_date_time_format (later, "%Y-%m-%d");

  g_assert_null (bmb_contact_get_next_follow_up_on (none));

  /* No interaction and no date met: the day it was created. */
  bmb_contact_set_given_name (created, "Baru");
  bmb_contact_set_keep_in_touch (created, 10, BMB_FOLLOW_UP_UNIT_DAY);
  g_assert_true (bmb_contact_store_insert (f->store, created, &error));
  g_assert_cmpstr (bmb_contact_get_next_follow_up_on (created), ==, expected);

  /* An imported last contact date counts until interactions exist. */
  bmb_contact_set_given_name (manual, "Impor");
  bmb_contact_set_met_on (manual, "2020-01-01");
  bmb_contact_set_last_contact_on (manual, "2025-06-01");
  bmb_contact_set_keep_in_touch (manual, 2, BMB_FOLLOW_UP_UNIT_WEEK);
  g_assert_true (bmb_contact_store_insert (f->store, manual, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (bmb_contact_get_next_follow_up_on (manual), ==, "2025-06-15");

  /* Removing the interval clears the follow-up. */
  bmb_contact_set_keep_in_touch (manual, 0, BMB_FOLLOW_UP_UNIT_NONE);
  g_assert_true (bmb_contact_store_update (f->store, manual, &error));
  g_assert_null (bmb_contact_get_next_follow_up_on (manual));
}

static void
test_log_event (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbContact) known = insert_named (f, "Eko", "Prasetyo", NULL);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(BmbContact) first_new = NULL;
  const char *names[] = { "Nadia Putri", "Rizky", NULL };
  gint64 existing[1];
  gint64 bogus[2];

  existing[0] = bmb_contact_get_id (known);

  g_assert_true (bmb_contact_store_log_event (f->store, "Startup Weekend Jakarta", "2025-06-14",
                                              "Kolega Space", "2025-06-16", names, existing, 1,
                                              &ids, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 3);
  g_assert_cmpint (g_array_index (ids, gint64, 2), ==, bmb_contact_get_id (known));

  first_new = bmb_contact_store_get (f->store, g_array_index (ids, gint64, 0), &error);
  g_assert_cmpstr (bmb_contact_get_display_name (first_new), ==, "Nadia Putri");
  g_assert_cmpstr (bmb_contact_get_met_event (first_new), ==, "Startup Weekend Jakarta");
  g_assert_cmpstr (bmb_contact_get_met_on (first_new), ==, "2025-06-14");
  g_assert_cmpstr (bmb_contact_get_met_where (first_new), ==, "Kolega Space");
  g_assert_cmpstr (bmb_contact_get_last_contact_on (first_new), ==, "2025-06-14");
  /* Everyone added gets the one-off follow-up two days later. */
  g_assert_cmpstr (bmb_contact_get_follow_up_on (first_new), ==, "2025-06-16");
  g_assert_cmpstr (bmb_contact_get_next_follow_up_on (first_new), ==, "2025-06-16");
  {
    g_autoptr(BmbContact) reread = bmb_contact_store_get (f->store, bmb_contact_get_id (known),
                                                          &error);

    g_assert_no_error (error);
    g_assert_cmpstr (bmb_contact_get_follow_up_on (reread), ==, "2025-06-16");
  }

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GPtrArray) interactions =
        bmb_contact_store_list_interactions (f->store, g_array_index (ids, gint64, i), &error);

      g_assert_cmpuint (interactions->len, ==, 1);
      g_assert_cmpint (bmb_interaction_get_channel (g_ptr_array_index (interactions, 0)), ==,
                       BMB_INTERACTION_CHANNEL_EVENT);
      g_assert_cmpstr (bmb_interaction_get_summary (g_ptr_array_index (interactions, 0)), ==,
                       "Startup Weekend Jakarta, Kolega Space");
    }

  /* One bad id rolls everything back, new contacts included. */
  bogus[0] = bmb_contact_get_id (known);
  bogus[1] = 999;
  g_assert_false (bmb_contact_store_log_event (f->store, "Meetup", "2025-06-20", NULL, NULL,
                                               names, bogus, 2, NULL, &error));
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (bmb_contact_store_count (f->store, NULL), ==, 3);
  g_assert_cmpint (count_rows (f->db, "SELECT count(*) FROM interactions", 0), ==, 3);

  g_assert_false (bmb_contact_store_log_event (f->store, "  ", "2025-06-20", NULL, NULL,
                                               names, NULL, 0, NULL, &error));
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Jakarta", TRUE);
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/contact/model/display-name", test_model_display_name);
  g_test_add_func ("/contact/model/initials", test_model_initials);
  g_test_add_func ("/contact/model/fields-and-tags", test_model_fields_and_tags);
  g_test_add_func ("/contact/model/merge-from", test_model_merge_from);
  g_test_add_func ("/contact/model/sort-key", test_model_sort_key);
  g_test_add_func ("/contact/model/fold-invalid", test_model_fold_invalid);
  g_test_add_func ("/contact/validate", test_validate);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/contact/insert-get", test_insert_get);
  ADD ("/store/contact/derived-name", test_derived_name_follows_parts);
  ADD ("/store/contact/update", test_update_replaces_children);
  ADD ("/store/contact/invalid", test_invalid);
  ADD ("/store/contact/constraints", test_constraints_and_outer_transaction);
  ADD ("/store/contact/changed-signal", test_changed_signal);
  ADD ("/store/contact/delete-restore", test_delete_restore);
  ADD ("/store/contact/delete-many", test_delete_many);
  ADD ("/store/contact/find-by-email", test_find_by_email);
  ADD ("/store/contact/merge", test_merge);
  ADD ("/store/contact/merge-refused", test_merge_refused);
  ADD ("/store/contact/tags", test_list_tags);
  ADD ("/store/interaction/follow-up", test_interactions_move_follow_up);
  ADD ("/store/interaction/follow-up-bases", test_follow_up_bases);
  ADD ("/store/interaction/log-event", test_log_event);

#undef ADD

  return g_test_run ();
}
