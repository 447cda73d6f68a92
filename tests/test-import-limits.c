/* test-import-limits.c — contact imports stay linear and within bmb-limits.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Hostile cards (300,000 tags, 200,000 emails) import with the per-contact
 * caps, and the report says what was left out. Timing is not asserted here:
 * tests/bench/bench-import.c prints it; before the hash sets these cards did
 * not finish at all.
 */

#include "config.h"

#include <string.h>

#include "bmb-contact-import.h"
#include "bmb-contact-limiter.h"
#include "bmb-contact-store.h"
#include "bmb-limits.h"
#include "bmb-test-utils.h"

static BmbContactImportResult *
import_text (BmbDatabase *db,
             const char  *text,
             gsize        length,
             const char  *name)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, length);
  g_autoptr(GError) error = NULL;
  BmbContactImportResult *result;

  result = bmb_contact_import_data (db, bytes, name, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);

  return result;
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

/* The one message of @result, which must contain every one of @parts. */
static void
assert_one_message (BmbContactImportResult *result,
                    const char * const     *parts)
{
  const char * const *messages = bmb_contact_import_result_get_messages (result);

  g_assert_cmpuint (g_strv_length ((char **)messages), ==, 1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (strstr (messages[0], parts[i]) == NULL)
        g_error ("“%s” not in “%s”", parts[i], messages[0]);
    }
}

/* A clean import has an empty report, not a missing one (the command line crashed on it). */
static void
test_clean_import_no_messages (void)
{
  g_autoptr(BmbDatabase) db = bmb_test_open_tmp_database (NULL);
  static const char card[] = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Rapi\r\nEND:VCARD\r\n";
  g_autoptr(BmbContactImportResult) result = import_text (db, card, sizeof card - 1, "clean.vcf");
  const char * const *messages = bmb_contact_import_result_get_messages (result);

  g_assert_cmpuint (bmb_contact_import_result_get_imported (result), ==, 1);
  g_assert_nonnull (messages);
  g_assert_null (messages[0]);
}

static void
test_vcard_many_tags (void)
{
  g_autoptr(BmbDatabase) db = bmb_test_open_tmp_database (NULL);
  g_autoptr(GString) card = g_string_new ("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Banyak Label\r\n"
                                          "EMAIL:label@example.com\r\nCATEGORIES:");
  g_autoptr(BmbContactImportResult) result = NULL;
  g_autoptr(BmbContact) contact = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *dropped = g_strdup_printf ("%u tags", 300000 - BMB_LIMIT_TAGS_PER_CONTACT);
  const BmbContactImportSkip *note;

  for (guint i = 0; i < 300000; i++)
    g_string_append_printf (card, "%st%u", i > 0 ? "," : "", i);
  g_string_append (card, "\r\nEND:VCARD\r\n");
  g_assert_cmpuint (card->len, >, 2 * 1000 * 1000);

  result = import_text (db, card->str, card->len, "tags.vcf");

  g_assert_cmpuint (bmb_contact_import_result_get_imported (result), ==, 1);
  g_assert_cmpuint (bmb_contact_import_result_get_skipped (result), ==, 0);
  g_assert_cmpuint (bmb_contact_import_result_get_n_notes (result), ==, 1);
  note = bmb_contact_import_result_get_note (result, 0);
  g_assert_cmpuint (note->line, ==, 1);
  assert_one_message (result, (const char * const[]) { "Line 1:", dropped, "“Banyak Label”",
                                                       "500", NULL });
  summary = bmb_contact_import_result_dup_summary (result);
  g_assert_cmpstr (summary, ==, "1 new contact. 1 contact imported in part.");

  contact = find_by_email (db, "label@example.com");
  g_assert_cmpuint (g_strv_length ((char **)bmb_contact_get_tags (contact)), ==,
                    BMB_LIMIT_TAGS_PER_CONTACT);
  /* The first ones are kept, in order. */
  g_assert_cmpstr (bmb_contact_get_tags (contact)[0], ==, "t0");
  g_assert_true (bmb_contact_has_tag (contact, "T499"));
  g_assert_false (bmb_contact_has_tag (contact, "t500"));
}

static void
test_vcard_many_emails (void)
{
  g_autoptr(BmbDatabase) db = bmb_test_open_tmp_database (NULL);
  g_autoptr(GString) card = g_string_new ("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Banyak Surel\r\n");
  g_autoptr(BmbContactImportResult) result = NULL;
  g_autoptr(BmbContact) contact = NULL;
  g_autofree char *dropped = NULL;

  for (guint i = 0; i < 200000; i++)
    g_string_append_printf (card, "EMAIL;TYPE=INTERNET:p%u@example.com\r\n", i);
  /* Phones count on their own, and are kept. */
  g_string_append (card, "TEL:+62 812 0000 0001\r\nEND:VCARD\r\n");

  result = import_text (db, card->str, card->len, "emails.vcf");

  g_assert_cmpuint (bmb_contact_import_result_get_imported (result), ==, 1);
  g_assert_cmpuint (bmb_contact_import_result_get_skipped (result), ==, 0);
  dropped = g_strdup_printf ("%u email addresses", 200000 - BMB_LIMIT_FIELDS_PER_CONTACT);
  assert_one_message (result, (const char * const[]) { "Line 1:", dropped, "“Banyak Surel”",
                                                       NULL });

  contact = find_by_email (db, "p0@example.com");
  g_assert_cmpuint (n_fields (contact, BMB_CONTACT_FIELD_EMAIL), ==,
                    BMB_LIMIT_FIELDS_PER_CONTACT);
  g_assert_cmpuint (n_fields (contact, BMB_CONTACT_FIELD_PHONE), ==, 1);
  g_assert_cmpstr (bmb_contact_get_primary_value (contact, BMB_CONTACT_FIELD_EMAIL), ==,
                   "p0@example.com");
}

/* Many cards for one person merge into one contact within the caps, and
 * the card that brought the excess is named. */
static void
test_vcard_merge_within_limits (void)
{
  g_autoptr(BmbDatabase) db = bmb_test_open_tmp_database (NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(BmbContactImportResult) result = NULL;
  g_autoptr(BmbContact) contact = NULL;
  const BmbContactImportSkip *note;
  guint line = 1;
  guint third_card_line = 0;

  for (guint card = 0; card < 3; card++)
    {
      if (card == 2)
        third_card_line = line;
      g_string_append (text, "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Sama Orang\r\n"
                             "EMAIL:sama@example.com\r\nCATEGORIES:");
      for (guint i = 0; i < 200; i++)
        g_string_append_printf (text, "%sk%u-%u", i > 0 ? "," : "", card, i);
      g_string_append (text, "\r\nEND:VCARD\r\n");
      line += 6;
    }

  result = import_text (db, text->str, text->len, "merge.vcf");

  g_assert_cmpuint (bmb_contact_import_result_get_imported (result), ==, 1);
  g_assert_cmpuint (bmb_contact_import_result_get_merged (result), ==, 2);
  g_assert_cmpuint (bmb_contact_import_result_get_n_notes (result), ==, 1);
  note = bmb_contact_import_result_get_note (result, 0);
  g_assert_cmpuint (note->line, ==, third_card_line);
  g_assert_nonnull (strstr (note->reason, "100 tags"));

  contact = find_by_email (db, "sama@example.com");
  g_assert_cmpuint (g_strv_length ((char **)bmb_contact_get_tags (contact)), ==,
                    BMB_LIMIT_TAGS_PER_CONTACT);
}

/* Google CSV: labels joined by " ::: " and values by " ::: " in one cell. */
static void
test_csv_many_labels (void)
{
  g_autoptr(BmbDatabase) db = bmb_test_open_tmp_database (NULL);
  g_autoptr(GString) text = g_string_new ("First Name,Last Name,Labels,E-mail 1 - Label,"
                                          "E-mail 1 - Value\r\n");
  g_autoptr(BmbContactImportResult) result = NULL;
  g_autoptr(BmbContact) contact = NULL;
  g_autoptr(BmbContact) other = NULL;
  const char * const *messages;

  g_string_append (text, "Ratna,Sari,");
  for (guint i = 0; i < 50000; i++)
    g_string_append_printf (text, "%sLabel %u", i > 0 ? " ::: " : "", i);
  g_string_append (text, ",* Work,ratna@example.com\r\n");
  g_string_append (text, "Dewi,Lestari,Teman,Home,");
  for (guint i = 0; i < 1000; i++)
    g_string_append_printf (text, "%sdewi%u@example.com", i > 0 ? " ::: " : "", i);
  g_string_append (text, "\r\n");

  result = import_text (db, text->str, text->len, "google.csv");

  g_assert_cmpuint (bmb_contact_import_result_get_imported (result), ==, 2);
  g_assert_cmpuint (bmb_contact_import_result_get_n_notes (result), ==, 2);
  messages = bmb_contact_import_result_get_messages (result);
  g_assert_cmpuint (g_strv_length ((char **)messages), ==, 2);
  g_assert_nonnull (strstr (messages[0], "Line 2: 49500 tags of “Ratna Sari”"));
  g_assert_nonnull (strstr (messages[1], "Line 3: 500 email addresses"));

  contact = find_by_email (db, "ratna@example.com");
  g_assert_cmpuint (g_strv_length ((char **)bmb_contact_get_tags (contact)), ==,
                    BMB_LIMIT_TAGS_PER_CONTACT);
  other = find_by_email (db, "dewi0@example.com");
  g_assert_cmpuint (n_fields (other, BMB_CONTACT_FIELD_EMAIL), ==,
                    BMB_LIMIT_FIELDS_PER_CONTACT);
}

/* The model itself: tags compare ignoring case, before and after the set
 * that keeps them takes over, and after removals. */
static void
test_contact_tag_set (void)
{
  g_autoptr(BmbContact) contact = bmb_contact_new ();
  BmbContactLimiter limiter;

  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *tag = g_strdup_printf ("Tag %u", i);
      g_autofree char *upper = g_utf8_strup (tag, -1);

      g_assert_true (bmb_contact_add_tag (contact, tag));
      g_assert_false (bmb_contact_add_tag (contact, upper));
      g_assert_true (bmb_contact_has_tag (contact, upper));
    }

  g_assert_true (bmb_contact_remove_tag (contact, "TAG 3"));
  g_assert_false (bmb_contact_has_tag (contact, "tag 3"));
  g_assert_true (bmb_contact_add_tag (contact, "tag 3"));
  g_assert_true (bmb_contact_has_tag (contact, "Tag 19"));
  g_assert_cmpuint (g_strv_length ((char **)bmb_contact_get_tags (contact)), ==, 20);

  bmb_contact_limiter_init (&limiter, contact);
  g_assert_cmpuint (limiter.n_tags, ==, 20);
  g_assert_cmpuint (limiter.dropped_tags, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Jakarta", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import-limits/contact/tag-set", test_contact_tag_set);
  g_test_add_func ("/import-limits/clean-import", test_clean_import_no_messages);
  g_test_add_func ("/import-limits/vcard/many-tags", test_vcard_many_tags);
  g_test_add_func ("/import-limits/vcard/many-emails", test_vcard_many_emails);
  g_test_add_func ("/import-limits/vcard/merge-within-limits", test_vcard_merge_within_limits);
  g_test_add_func ("/import-limits/csv/many-labels", test_csv_many_labels);

  return g_test_run ();
}
