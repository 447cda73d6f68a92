/* test-vcard.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The vCard reader (2.1 from Android and Outlook, 3.0 from Google and
 * iCloud, 4.0 as RFC 6350 writes it, and broken input), the 4.0 writer, and
 * the mapping onto BmbContact both ways.
 */

#include "config.h"

#include <string.h>

#include "bmb-test-utils.h"
#include "bmb-vcard-contact.h"
#include "bmb-vcard-reader.h"
#include "bmb-vcard-writer.h"

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

/* Every card of @data. */
static GPtrArray *
read_cards (const char *data,
            gsize       length)
{
  g_autoptr(BmbVCardReader) reader = bmb_vcard_reader_new (data, length);
  GPtrArray *cards = g_ptr_array_new_with_free_func ((GDestroyNotify)bmb_vcard_free);
  BmbVCard *card;

  while ((card = bmb_vcard_reader_next (reader)) != NULL)
    g_ptr_array_add (cards, card);

  g_assert_cmpuint (bmb_vcard_reader_get_offset (reader), ==, length);

  return cards;
}

/* The contacts of a data file; every card must map. */
static GPtrArray *
read_contacts (const char *name)
{
  g_autofree char *data = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  GPtrArray *contacts = g_ptr_array_new_with_free_func (g_object_unref);
  gsize length;

  data = load_data (name, &length);
  cards = read_cards (data, length);

  for (guint i = 0; i < cards->len; i++)
    {
      g_autofree char *reason = NULL;
      BmbContact *contact = bmb_vcard_to_contact (g_ptr_array_index (cards, i), NULL, &reason,
                                                  NULL);

      g_assert_cmpstr (reason, ==, NULL);
      g_assert_nonnull (contact);
      g_ptr_array_add (contacts, contact);
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
assert_field (BmbContact          *contact,
              BmbContactFieldKind  kind,
              guint                index,
              const char          *value,
              const char          *label,
              gboolean             preferred)
{
  BmbContactField *field = field_at (contact, kind, index);

  g_assert_cmpstr (bmb_contact_field_get_value (field), ==, value);
  g_assert_cmpstr (bmb_contact_field_get_label (field), ==, label);
  g_assert_cmpint (bmb_contact_field_get_preferred (field), ==, preferred);
}

/* ---- Reader -------------------------------------------------------------- */

static void
test_reader_unfolding (void)
{
  const char *v3 =
    "BEGIN:VCARD\r\nVERSION:3.0\r\nNOTE:one two\r\n  three\r\n\tfour\r\nFN:A\r\nEND:VCARD\r\n";
  const char *v21 =
    "BEGIN:VCARD\nVERSION:2.1\nNOTE:one two\n three\nFN:A\nEND:VCARD\n";
  g_autoptr(GPtrArray) cards = NULL;
  BmbVCardProperty *note;

  /* 3.0: CRLF plus exactly one blank is removed. */
  cards = read_cards (v3, strlen (v3));
  g_assert_cmpuint (cards->len, ==, 1);
  note = bmb_vcard_get_property (g_ptr_array_index (cards, 0), "NOTE");
  g_assert_cmpstr (note->value, ==, "one two threefour");
  g_assert_cmpuint (note->line, ==, 3);
  g_assert_cmpuint (bmb_vcard_get_property (g_ptr_array_index (cards, 0), "FN")->line, ==, 6);
  g_clear_pointer (&cards, g_ptr_array_unref);

  /* 2.1 folds at blanks and keeps them. */
  cards = read_cards (v21, strlen (v21));
  note = bmb_vcard_get_property (g_ptr_array_index (cards, 0), "NOTE");
  g_assert_cmpstr (note->value, ==, "one two three");
}

static void
test_reader_parameters (void)
{
  const char *text =
    "BEGIN:VCARD\r\n"
    "VERSION:4.0\r\n"
    "item7.TEL;VALUE=uri;TYPE=\"work,voice\";PREF=1:tel:+62-21-555\r\n"
    "EMAIL;type=INTERNET,HOME;type=pref:a@example.com\r\n"
    "X-THING;X-NOTE=\"colon: inside; and ^'quote^'\":value:with:colons\r\n"
    "END:VCARD\r\n";
  const char *v21 = "BEGIN:VCARD\r\nVERSION:2.1\r\nTEL;CELL;PREF;QUOTED-PRINTABLE:=2B62\r\n"
                    "END:VCARD\r\n";
  g_autoptr(GPtrArray) cards = read_cards (text, strlen (text));
  g_autoptr(GPtrArray) cards21 = read_cards (v21, strlen (v21));
  BmbVCard *card = g_ptr_array_index (cards, 0);
  BmbVCardProperty *tel = bmb_vcard_get_property (card, "TEL");
  BmbVCardProperty *email = bmb_vcard_get_property (card, "EMAIL");
  BmbVCardProperty *thing = bmb_vcard_get_property (card, "X-THING");
  g_autofree char *label = NULL;
  gboolean preferred = FALSE;

  g_assert_cmpstr (tel->group, ==, "item7");
  g_assert_cmpstr (bmb_vcard_property_get_param (tel, "VALUE"), ==, "uri");
  g_assert_true (bmb_vcard_property_has_type (tel, "work"));
  g_assert_true (bmb_vcard_property_has_type (tel, "VOICE"));
  g_assert_cmpstr (tel->value, ==, "tel:+62-21-555");
  label = bmb_vcard_label_from_types (tel, &preferred);
  g_assert_cmpstr (label, ==, "work");
  g_assert_true (preferred);
  g_clear_pointer (&label, g_free);

  g_assert_true (bmb_vcard_property_has_type (email, "home"));
  label = bmb_vcard_label_from_types (email, &preferred);
  g_assert_cmpstr (label, ==, "home");
  g_assert_true (preferred);
  g_clear_pointer (&label, g_free);

  /* Quoted parameter values keep ':' and ';'; 4.0 decodes ^' to a quote. */
  g_assert_cmpstr (bmb_vcard_property_get_param (thing, "X-NOTE"), ==,
                   "colon: inside; and \"quote\"");
  g_assert_cmpstr (thing->value, ==, "value:with:colons");

  /* 2.1 bare parameters: types, and an encoding. */
  tel = bmb_vcard_get_property (g_ptr_array_index (cards21, 0), "TEL");
  g_assert_true (bmb_vcard_property_has_type (tel, "CELL"));
  g_assert_cmpstr (bmb_vcard_property_get_param (tel, "ENCODING"), ==, "QUOTED-PRINTABLE");
  g_assert_cmpstr (tel->value, ==, "+62");
  label = bmb_vcard_label_from_types (tel, &preferred);
  g_assert_cmpstr (label, ==, "mobile");
  g_assert_true (preferred);
}

static void
test_reader_escapes (void)
{
  const char *text = "BEGIN:VCARD\r\nVERSION:3.0\r\n"
                     "N:Hidayat\\, S.E.;Nur;;;\r\n"
                     "NOTE:a\\,b\\;c\\nd\\\\e\\Nf\r\n"
                     "CATEGORIES:one\\,two,three\r\n"
                     "END:VCARD\r\n";
  g_autoptr(GPtrArray) cards = read_cards (text, strlen (text));
  BmbVCard *card = g_ptr_array_index (cards, 0);
  g_auto(GStrv) name = bmb_vcard_property_dup_components (bmb_vcard_get_property (card, "N"),
                                                          ';');
  g_auto(GStrv) tags = bmb_vcard_property_dup_components (bmb_vcard_get_property (card,
                                                                                  "CATEGORIES"),
                                                          ',');
  g_autofree char *note = bmb_vcard_property_dup_text (bmb_vcard_get_property (card, "NOTE"));

  g_assert_cmpuint (g_strv_length (name), ==, 5);
  g_assert_cmpstr (name[0], ==, "Hidayat, S.E.");
  g_assert_cmpstr (name[1], ==, "Nur");
  g_assert_cmpstr (name[4], ==, "");
  g_assert_cmpuint (g_strv_length (tags), ==, 2);
  g_assert_cmpstr (tags[0], ==, "one,two");
  g_assert_cmpstr (note, ==, "a,b;c\nd\\e\nf");
}

/* Unescaping copies plain runs whole: the cases around them. */
static void
test_unescape_edges (void)
{
  const struct { const char *in; const char *out; } cases[] = {
    { "", "" },
    { "plain text, no escapes", "plain text, no escapes" },
    { "\\n at start", "\n at start" },
    { "ends with \\", "ends with \\" },
    { "unknown \\x stays", "unknown \\x stays" },
    { "line\r\nbreak", "line\nbreak" },
    { "lone\rcr", "lone\rcr" },
    { "cr at end\r", "cr at end\r" },
    { "\\,\\;\\:\\\\", ",;:\\" },
    { "Kota\\nBaru\\NTimur", "Kota\nBaru\nTimur" },
  };
  BmbVCardProperty prop = { 0, };
  g_auto(GStrv) parts = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = bmb_vcard_unescape (cases[i].in, -1);

      g_assert_cmpstr (out, ==, cases[i].out);
    }

  /* Only the length given counts. */
  {
    g_autofree char *out = bmb_vcard_unescape ("abc\\,def", 4);

    g_assert_cmpstr (out, ==, "abc\\");
  }

  /* Components: escaped separators stay, empty ones count, CR LF folds. */
  prop.value = (char *)"a\\;b;;c\r\nd;";
  parts = bmb_vcard_property_dup_components (&prop, ';');
  g_assert_cmpuint (g_strv_length (parts), ==, 4);
  g_assert_cmpstr (parts[0], ==, "a;b");
  g_assert_cmpstr (parts[1], ==, "");
  g_assert_cmpstr (parts[2], ==, "c\nd");
  g_assert_cmpstr (parts[3], ==, "");
}

/* ---- Dialects ------------------------------------------------------------ */

static void
test_android_21 (void)
{
  g_autoptr(GPtrArray) contacts = read_contacts ("contacts/android-21.vcf");
  BmbContact *siti, *budi;

  g_assert_cmpuint (contacts->len, ==, 2);
  siti = g_ptr_array_index (contacts, 0);
  budi = g_ptr_array_index (contacts, 1);

  /* "Rahay=75" is quoted-printable for "Rahayu". */
  g_assert_cmpstr (bmb_contact_get_family_name (siti), ==, "Rahayu");
  g_assert_cmpstr (bmb_contact_get_given_name (siti), ==, "Siti");
  g_assert_cmpstr (bmb_contact_get_prefix (siti), ==, "Dr.");
  g_assert_cmpstr (bmb_contact_get_suffix (siti), ==, "M.Psi.");
  g_assert_cmpstr (bmb_contact_get_display_name (siti), ==, "Dr. Siti Rahayu, M.Psi.");
  g_assert_false (bmb_contact_has_custom_display_name (siti));
  /* Soft line breaks joined, =0A a newline, UTF-8 bytes decoded. */
  g_assert_cmpstr (bmb_contact_get_notes (siti), ==,
                   "Mentor sejak 2021. Bertemu di seminar karier\n"
                   "Suka kopi tubruk ☕ dan diskusi panjang tentang pengembangan diri.");
  g_assert_cmpstr (bmb_contact_get_birthday (siti), ==, "1980-04-21");
  g_assert_cmpstr (bmb_contact_get_organization (siti), ==, "Universitas Indonesia");
  g_assert_cmpstr (bmb_contact_get_role (siti), ==, "Dosen Psikologi");
  assert_field (siti, BMB_CONTACT_FIELD_PHONE, 0, "+62 812-3456-7890", "mobile", TRUE);
  assert_field (siti, BMB_CONTACT_FIELD_PHONE, 1, "(021) 555-0101", "work", FALSE);
  assert_field (siti, BMB_CONTACT_FIELD_EMAIL, 0, "siti.rahayu@example.co.id", "home", FALSE);

  g_assert_cmpstr (bmb_contact_get_display_name (budi), ==, "Budi Santoso");
  g_assert_cmpstr (bmb_contact_get_organization (budi), ==, "Startup Nusantara");
  assert_field (budi, BMB_CONTACT_FIELD_PHONE, 1, "0274-512345", "home", FALSE);
  assert_field (budi, BMB_CONTACT_FIELD_EMAIL, 0, "budi@startup-nusantara.id", "work", FALSE);
}

static void
test_outlook_21 (void)
{
  g_autoptr(GPtrArray) contacts = read_contacts ("contacts/outlook-21.vcf");
  BmbContact *jose;

  g_assert_cmpuint (contacts->len, ==, 1);
  jose = g_ptr_array_index (contacts, 0);

  /* Windows-1252, with and without quoted-printable. */
  g_assert_cmpstr (bmb_contact_get_display_name (jose), ==, "José Müller");
  g_assert_cmpstr (bmb_contact_get_family_name (jose), ==, "Müller");
  g_assert_cmpstr (bmb_contact_get_organization (jose), ==, "Café Kopi Nusantara");
  g_assert_cmpstr (bmb_contact_get_role (jose), ==, "Manajer Penjualan – Asia");
  g_assert_cmpstr (bmb_contact_get_notes (jose), ==,
                   "Bertemu di pameran “Kopi Indonesia” 2023.\nTindak lanjut: kirim katalog…");
  assert_field (jose, BMB_CONTACT_FIELD_EMAIL, 0, "jose.muller@kopinusantara.co.id", NULL, TRUE);
  assert_field (jose, BMB_CONTACT_FIELD_PHONE, 0, "+62 21 555 0199", "work", FALSE);
  assert_field (jose, BMB_CONTACT_FIELD_PHONE, 1, "+62 811 222 333", "mobile", FALSE);
  /* 2.1 categories separated by semicolons. */
  g_assert_true (bmb_contact_has_tag (jose, "Klien"));
  g_assert_true (bmb_contact_has_tag (jose, "Kopi"));
}

static void
test_latin1 (void)
{
  g_autoptr(GPtrArray) contacts = read_contacts ("contacts/latin1-30.vcf");
  BmbContact *ines = g_ptr_array_index (contacts, 0);

  g_assert_cmpstr (bmb_contact_get_display_name (ines), ==, "Inés Hernández");
  g_assert_cmpstr (bmb_contact_get_given_name (ines), ==, "Inés");
}

static void
test_google_30 (void)
{
  g_autoptr(GPtrArray) contacts = read_contacts ("contacts/google-30.vcf");
  BmbContact *ayu, *hendra;

  g_assert_cmpuint (contacts->len, ==, 2);
  ayu = g_ptr_array_index (contacts, 0);
  hendra = g_ptr_array_index (contacts, 1);

  g_assert_cmpstr (bmb_contact_get_uid (ayu), ==, "4f6c9e0a8b1d2e3f");
  g_assert_cmpstr (bmb_contact_get_nickname (ayu), ==, "Ayu");
  g_assert_cmpstr (bmb_contact_get_role (ayu), ==, "Product Manager, Payments");
  g_assert_cmpstr (bmb_contact_get_birthday (ayu), ==, "1992-08-17");
  g_assert_cmpstr (bmb_contact_get_notes (ayu), ==,
                   "Ketemu di Jakarta Tech Meetup; tertarik jadi mentee.\n"
                   "Ingin belajar public speaking dan membangun jejaring.");
  assert_field (ayu, BMB_CONTACT_FIELD_EMAIL, 0, "ayu.lestari@tokopedia.example", "work", FALSE);
  assert_field (ayu, BMB_CONTACT_FIELD_EMAIL, 1, "ayu.lestari@gmail.example", "home", FALSE);
  /* An item group's X-ABLabel names the field. */
  assert_field (ayu, BMB_CONTACT_FIELD_EMAIL, 2, "ayu@komunitas-mentor.example", "Komunitas",
                FALSE);
  /* Google escapes the colon of URLs. */
  assert_field (ayu, BMB_CONTACT_FIELD_URL, 0, "https://www.linkedin.com/in/ayu-lestari",
                "LinkedIn", FALSE);
  g_assert_true (bmb_contact_has_tag (ayu, "Jejaring"));
  g_assert_true (bmb_contact_has_tag (ayu, "Calon mentee"));

  assert_field (hendra, BMB_CONTACT_FIELD_EMAIL, 0, "hendra.g@example.com", "other", FALSE);
  g_assert_cmpuint (n_fields (hendra, BMB_CONTACT_FIELD_PHONE), ==, 3);
  assert_field (hendra, BMB_CONTACT_FIELD_PHONE, 2, "+62 812 9000 5678", "WhatsApp", FALSE);
}

static void
test_icloud_30 (void)
{
  g_autoptr(GPtrArray) contacts = read_contacts ("contacts/icloud-30.vcf");
  BmbContact *dewi = g_ptr_array_index (contacts, 0);

  g_assert_cmpstr (bmb_contact_get_additional_names (dewi), ==, "Kartika");
  g_assert_cmpstr (bmb_contact_get_display_name (dewi), ==, "Dewi Kartika Wijaya");
  g_assert_cmpstr (bmb_contact_get_organization (dewi), ==, "Bank Mandiri");
  /* X-APPLE-OMIT-YEAR: the year is unknown. */
  g_assert_cmpstr (bmb_contact_get_birthday (dewi), ==, "--11-05");
  assert_field (dewi, BMB_CONTACT_FIELD_EMAIL, 0, "dewi.wijaya@bankmandiri.example", "work", TRUE);
  assert_field (dewi, BMB_CONTACT_FIELD_EMAIL, 1, "dewikw@icloud.example", "home", FALSE);
  assert_field (dewi, BMB_CONTACT_FIELD_PHONE, 0, "+62 811-8000-900", "mobile", TRUE);
  /* Apple's "_$!<Main>!$_" label. */
  assert_field (dewi, BMB_CONTACT_FIELD_PHONE, 1, "+62 21 5299 7777", "main", FALSE);
  assert_field (dewi, BMB_CONTACT_FIELD_URL, 0, "https://dewiwijaya.example", "homepage", TRUE);
  assert_field (dewi, BMB_CONTACT_FIELD_URL, 1, "https://www.linkedin.com/in/dewikw", "LinkedIn",
                FALSE);
  /* x-apple:user becomes the user name. */
  assert_field (dewi, BMB_CONTACT_FIELD_URL, 2, "dewikw", "Twitter", FALSE);
}

static void
test_rfc6350_40 (void)
{
  g_autoptr(GPtrArray) contacts = read_contacts ("contacts/rfc6350-40.vcf");
  BmbContact *rizky = g_ptr_array_index (contacts, 0);

  g_assert_cmpstr (bmb_contact_get_uid (rizky), ==,
                   "urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1");
  g_assert_cmpstr (bmb_contact_get_additional_names (rizky), ==, "Ananda");
  g_assert_cmpstr (bmb_contact_get_suffix (rizky), ==, "S.Kom.");
  /* FN differs from what the parts give ("Rizky Ananda Pratama, S.Kom."). */
  g_assert_cmpstr (bmb_contact_get_display_name (rizky), ==, "Rizky Pratama");
  g_assert_true (bmb_contact_has_custom_display_name (rizky));
  g_assert_cmpstr (bmb_contact_get_nickname (rizky), ==, "Kiki,Rizky");
  g_assert_cmpstr (bmb_contact_get_birthday (rizky), ==, "--04-12");
  /* TITLE wins over ROLE. */
  g_assert_cmpstr (bmb_contact_get_role (rizky), ==, "Software Engineer");
  assert_field (rizky, BMB_CONTACT_FIELD_PHONE, 0, "+62-812-7000-8000", "mobile", TRUE);
  assert_field (rizky, BMB_CONTACT_FIELD_PHONE, 1, "+62-21-555-0100", "work", FALSE);
  assert_field (rizky, BMB_CONTACT_FIELD_EMAIL, 0, "rizky.pratama@ruangguru.example", "work",
                TRUE);
  assert_field (rizky, BMB_CONTACT_FIELD_EMAIL, 1, "rizky@pratama.example", "home", FALSE);
  assert_field (rizky, BMB_CONTACT_FIELD_EMAIL, 2, "kiki@komunitas.example", "Komunitas", FALSE);
  assert_field (rizky, BMB_CONTACT_FIELD_URL, 0, "https://ruangguru.example/tim/rizky", "work",
                FALSE);
  g_assert_cmpstr (bmb_contact_get_notes (rizky), ==,
                   "Catatan dengan ^ dan \"kutip\", koma; titik koma\\ garis miring.");
  g_assert_true (bmb_contact_has_tag (rizky, "alumni"));
  g_assert_true (bmb_contact_has_tag (rizky, "tech"));
}

/* ---- Broken input ---------------------------------------------------------- */

static void
test_malformed (void)
{
  g_autofree char *data = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GPtrArray) good = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) reasons = g_ptr_array_new_with_free_func (g_free);
  gsize length;

  data = load_data ("contacts/malformed.vcf", &length);
  cards = read_cards (data, length);
  g_assert_cmpuint (cards->len, ==, 5);

  for (guint i = 0; i < cards->len; i++)
    {
      g_autofree char *reason = NULL;
      BmbContact *contact = bmb_vcard_to_contact (g_ptr_array_index (cards, i), NULL, &reason,
                                                  NULL);

      if (contact != NULL)
        g_ptr_array_add (good, contact);
      else
        g_ptr_array_add (reasons, g_steal_pointer (&reason));
    }

  g_assert_cmpuint (good->len, ==, 2);
  g_assert_cmpstr (bmb_contact_get_display_name (g_ptr_array_index (good, 0)), ==, "Satu Baik");
  g_assert_cmpstr (bmb_contact_get_display_name (g_ptr_array_index (good, 1)), ==, "Baik Dua");

  g_assert_cmpuint (reasons->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (reasons, 0), ==,
                   "Line 10: the NOTE value is damaged (broken quoted-printable encoding)");
  g_assert_cmpstr (g_ptr_array_index (reasons, 1), ==, "Line 12: the card has no name");
  g_assert_cmpstr (g_ptr_array_index (reasons, 2), ==,
                   "The card starting at line 22 has no END:VCARD");
}

static void
test_begin_inside_card (void)
{
  const char *text = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Satu\r\n"
                     "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Dua\r\nEND:VCARD\r\n";
  g_autoptr(GPtrArray) cards = read_cards (text, strlen (text));
  BmbVCard *second;

  g_assert_cmpuint (cards->len, ==, 2);
  g_assert_cmpstr (((BmbVCard *)g_ptr_array_index (cards, 0))->error, ==,
                   "The card starting at line 1 has no END:VCARD");
  second = g_ptr_array_index (cards, 1);
  g_assert_null (second->error);
  g_assert_cmpuint (second->line, ==, 4);
  g_assert_cmpstr (bmb_vcard_get_property (second, "FN")->value, ==, "Dua");
}

static void
test_charset_errors (void)
{
  const char *text = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jos\xe9\r\nEND:VCARD\r\n"
                     "BEGIN:VCARD\r\nVERSION:3.0\r\nFN;CHARSET=X-NO-SUCH-CHARSET:abc\r\n"
                     "END:VCARD\r\n";
  g_autoptr(GPtrArray) cards = read_cards (text, strlen (text));

  g_assert_cmpuint (cards->len, ==, 2);
  g_assert_cmpstr (((BmbVCard *)g_ptr_array_index (cards, 0))->error, ==,
                   "Line 3: the FN value is not UTF-8 text and names no character set");
  g_assert_cmpstr (((BmbVCard *)g_ptr_array_index (cards, 1))->error, ==,
                   "Line 7: the FN value could not be read as X-NO-SUCH-CHARSET text");
}

static void
test_huge_line (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) cards = NULL;
  gsize big = BMB_VCARD_MAX_LINE_LENGTH + 1024;
  g_autofree char *reason = NULL;
  g_autoptr(BmbContact) kept = NULL;

  /* A huge NOTE: the card goes. */
  g_string_append (text, "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Besar\r\nNOTE:");
  for (gsize i = 0; i < big; i++)
    g_string_append_c (text, 'x');
  g_string_append (text, "\r\nEND:VCARD\r\n");

  /* A huge folded PHOTO: only the photo goes. */
  g_string_append (text, "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Berfoto\r\n"
                         "PHOTO;ENCODING=b;TYPE=JPEG:");
  for (gsize i = 0; i < big / 70; i++)
    g_string_append (text, "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5emFi\r\n ");
  g_string_append (text, "AA==\r\nEMAIL:foto@example.com\r\nEND:VCARD\r\n");

  cards = read_cards (text->str, text->len);
  g_assert_cmpuint (cards->len, ==, 2);
  g_assert_cmpstr (((BmbVCard *)g_ptr_array_index (cards, 0))->error, ==,
                   "Line 4 is too long (over 4 MiB)");

  kept = bmb_vcard_to_contact (g_ptr_array_index (cards, 1), NULL, &reason, NULL);
  g_assert_nonnull (kept);
  g_assert_null (bmb_vcard_get_property (g_ptr_array_index (cards, 1), "PHOTO"));
  g_assert_cmpstr (bmb_contact_get_primary_value (kept, BMB_CONTACT_FIELD_EMAIL), ==,
                   "foto@example.com");
}

static void
test_dates (void)
{
  const struct { const char *in; const char *out; } cases[] = {
    { "1990-05-17", "1990-05-17" },
    { "19900517", "1990-05-17" },
    { "1990-05-17T00:00:00Z", "1990-05-17" },
    { "--0517", "--05-17" },
    { "--05-17", "--05-17" },
    { "--0229", "--02-29" },
    { "2023-02-29", NULL },
    { "1990-05", NULL },
    { "--1332", NULL },
    { "kemarin", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *date = bmb_vcard_parse_date (cases[i].in);

      g_assert_cmpstr (date, ==, cases[i].out);
    }
}

/* ---- Writer ------------------------------------------------------------------ */

static void
test_writer_folding (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autoptr(GPtrArray) cards = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *escaped = NULL;
  BmbVCardProperty *note;

  /* Multi-byte characters at every offset around the fold. */
  for (guint i = 0; i < 40; i++)
    g_string_append (long_text, i % 3 == 0 ? "Ṣiti ☕ " : "jejaring, mentee; ");
  g_string_append (long_text, "\nbaris baru\\akhir");

  g_string_append (out, "BEGIN:VCARD\r\nVERSION:4.0\r\n");
  bmb_vcard_append_text (out, "NOTE", long_text->str);
  g_string_append (out, "END:VCARD\r\n");

  g_assert_true (g_str_has_suffix (out->str, "\r\n"));
  lines = g_strsplit (out->str, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_assert_cmpuint (strlen (lines[i]), <=, BMB_VCARD_FOLD_OCTETS);
      g_assert_true (g_utf8_validate (lines[i], -1, NULL));
      g_assert_null (strchr (lines[i], '\n'));
    }
  g_assert_cmpuint (g_strv_length (lines), >, 10);

  escaped = bmb_vcard_escape ("a,b;c\\d\r\ne\nf");
  g_assert_cmpstr (escaped, ==, "a\\,b\\;c\\\\d\\ne\\nf");

  cards = read_cards (out->str, out->len);
  note = bmb_vcard_get_property (g_ptr_array_index (cards, 0), "NOTE");
  {
    g_autofree char *back = bmb_vcard_property_dup_text (note);

    g_assert_cmpstr (back, ==, long_text->str);
  }
}

static void
test_writer_params (void)
{
  g_autofree char *plain = bmb_vcard_quote_param ("work");
  g_autofree char *list = bmb_vcard_quote_param ("work,voice");
  g_autofree char *odd = bmb_vcard_quote_param ("say \"hi\"\n^");

  g_assert_cmpstr (plain, ==, "work");
  g_assert_cmpstr (list, ==, "\"work,voice\"");
  g_assert_cmpstr (odd, ==, "say ^'hi^'^n^^");
}

static BmbContact *
make_full_contact (void)
{
  BmbContact *contact = bmb_contact_new ();
  const char * const tags[] = { "mentor", "alumni, UI", "jejaring;2024", NULL };

  bmb_contact_set_uid (contact, "b1e5c0de-0000-4000-8000-000000000001");
  bmb_contact_set_prefix (contact, "Dr.");
  bmb_contact_set_given_name (contact, "Siti");
  bmb_contact_set_additional_names (contact, "Nur");
  bmb_contact_set_family_name (contact, "Rahayu");
  bmb_contact_set_suffix (contact, "M.Psi., Psikolog");
  bmb_contact_set_nickname (contact, "Bu Siti");
  bmb_contact_set_organization (contact, "Universitas Indonesia; Fakultas Psikologi");
  bmb_contact_set_role (contact, "Dosen, Peneliti");
  bmb_contact_set_birthday (contact, "1980-04-21");
  bmb_contact_set_notes (contact, "Baris satu, \"kutip\" \\ garis\nBaris dua; titik koma ☕");
  bmb_contact_set_met_where (contact, "Jakarta Convention Center, Hall A");
  bmb_contact_set_met_on (contact, "2023-10-05");
  bmb_contact_set_met_event (contact, "Seminar Karier; Sesi 2");
  bmb_contact_set_keep_in_touch (contact, 2, BMB_FOLLOW_UP_UNIT_MONTH);
  bmb_contact_set_last_contact_on (contact, "2024-11-01");
  bmb_contact_set_tags (contact, tags);
  bmb_contact_add_field (contact, BMB_CONTACT_FIELD_EMAIL, "work", "siti@ui.example", FALSE);
  bmb_contact_add_field (contact, BMB_CONTACT_FIELD_PHONE, "mobile", "+62 812 1", TRUE);
  bmb_contact_add_field (contact, BMB_CONTACT_FIELD_EMAIL, NULL, "siti@rumah.example", TRUE);
  bmb_contact_add_field (contact, BMB_CONTACT_FIELD_URL, "LinkedIn",
                         "https://www.linkedin.com/in/sitirahayu", FALSE);
  bmb_contact_add_field (contact, BMB_CONTACT_FIELD_PHONE, "Kantor, lantai 3", "+62 21 7", FALSE);
  bmb_contact_add_field (contact, BMB_CONTACT_FIELD_URL, "home", "https://siti.example", FALSE);

  return contact;
}

static void
assert_same_contact (BmbContact *back,
                     BmbContact *orig)
{
  GPtrArray *a = bmb_contact_get_fields (orig);
  GPtrArray *b = bmb_contact_get_fields (back);
  const char * const *tags_a = bmb_contact_get_tags (orig);
  const char * const *tags_b = bmb_contact_get_tags (back);

#define SAME(getter) g_assert_cmpstr (getter (back), ==, getter (orig))
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
  g_assert_cmpint (bmb_contact_has_custom_display_name (back), ==,
                   bmb_contact_has_custom_display_name (orig));
  g_assert_cmpuint (bmb_contact_get_keep_in_touch_count (back), ==,
                    bmb_contact_get_keep_in_touch_count (orig));
  g_assert_cmpint (bmb_contact_get_keep_in_touch_unit (back), ==,
                   bmb_contact_get_keep_in_touch_unit (orig));

  g_assert_cmpuint (g_strv_length ((char **)tags_b), ==, g_strv_length ((char **)tags_a));
  for (guint i = 0; tags_a[i] != NULL; i++)
    g_assert_cmpstr (tags_b[i], ==, tags_a[i]);

  g_assert_cmpuint (b->len, ==, a->len);
  for (guint i = 0; i < a->len; i++)
    {
      BmbContactField *fa = g_ptr_array_index (a, i);
      BmbContactField *fb = g_ptr_array_index (b, i);

      g_assert_cmpint (bmb_contact_field_get_kind (fb), ==, bmb_contact_field_get_kind (fa));
      g_assert_cmpstr (bmb_contact_field_get_value (fb), ==, bmb_contact_field_get_value (fa));
      g_assert_cmpstr (bmb_contact_field_get_label (fb), ==, bmb_contact_field_get_label (fa));
      g_assert_cmpint (bmb_contact_field_get_preferred (fb), ==,
                       bmb_contact_field_get_preferred (fa));
    }
}

static void
test_contact_round_trip (void)
{
  g_autoptr(BmbContact) full = make_full_contact ();
  g_autoptr(BmbContact) derived = bmb_contact_new ();
  g_autoptr(BmbContact) custom = make_full_contact ();
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) cards = NULL;
  BmbContact *originals[3];

  bmb_contact_set_given_name (derived, "Eko");
  bmb_contact_set_birthday (derived, "--02-29");
  bmb_contact_set_display_name (custom, "Bu Siti dari UI");

  originals[0] = full;
  originals[1] = derived;
  originals[2] = custom;

  bmb_vcard_append_contact (out, full, "introducer-uid-7");
  bmb_vcard_append_contact (out, derived, NULL);
  bmb_vcard_append_contact (out, custom, NULL);

  g_assert_true (g_str_has_prefix (out->str, "BEGIN:VCARD\r\nVERSION:4.0\r\n"));
  g_assert_nonnull (strstr (out->str, "\r\nBDAY:19800421\r\n"));
  g_assert_nonnull (strstr (out->str, "\r\nBDAY:--0229\r\n"));
  g_assert_nonnull (strstr (out->str, "\r\nTEL;TYPE=cell;PREF=1:+62 812 1\r\n"));
  g_assert_nonnull (strstr (out->str, "\r\nX-BIMBING-STAY-IN-TOUCH:P2M\r\n"));
  g_assert_nonnull (strstr (out->str, "\r\nX-BIMBING-INTRODUCED-BY:introducer-uid-7\r\n"));

  cards = read_cards (out->str, out->len);
  g_assert_cmpuint (cards->len, ==, 3);

  for (guint i = 0; i < cards->len; i++)
    {
      g_autofree char *introducer = NULL;
      g_autofree char *reason = NULL;
      g_autoptr(BmbContact) back = bmb_vcard_to_contact (g_ptr_array_index (cards, i),
                                                         &introducer, &reason, NULL);

      g_assert_nonnull (back);
      assert_same_contact (back, originals[i]);
      g_assert_cmpstr (introducer, ==, i == 0 ? "introducer-uid-7" : NULL);
    }
}

/* CR-only line ends (old Mac exports), alone or after a CR LF card, with
 * a folded line, are read like any other. */
static void
test_reader_cr_line_ends (void)
{
  const char *mixed =
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Satu\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\rVERSION:3.0\rFN:Dua\rNOTE:dilipat\r  di sini\rEND:VCARD\r";
  const char *cr_only = "BEGIN:VCARD\rVERSION:3.0\rFN:Tiga\rEND:VCARD";
  g_autoptr(GPtrArray) cards = read_cards (mixed, strlen (mixed));
  g_autoptr(GPtrArray) more = NULL;
  BmbVCard *card;

  g_assert_cmpuint (cards->len, ==, 2);
  card = g_ptr_array_index (cards, 1);
  g_assert_null (card->error);
  g_assert_cmpuint (card->line, ==, 5);
  {
    g_autofree char *reason = NULL;
    g_autoptr(BmbContact) contact = bmb_vcard_to_contact (card, NULL, &reason, NULL);

    g_assert_nonnull (contact);
    g_assert_cmpstr (bmb_contact_get_display_name (contact), ==, "Dua");
    g_assert_cmpstr (bmb_contact_get_notes (contact), ==, "dilipat di sini");
  }

  g_assert_true (bmb_vcard_data_looks_like_vcard (cr_only, strlen (cr_only)));
  more = read_cards (cr_only, strlen (cr_only));
  g_assert_cmpuint (more->len, ==, 1);
  g_assert_null (((BmbVCard *)g_ptr_array_index (more, 0))->error);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Jakarta", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vcard/reader/unfolding", test_reader_unfolding);
  g_test_add_func ("/vcard/reader/cr-line-ends", test_reader_cr_line_ends);
  g_test_add_func ("/vcard/reader/parameters", test_reader_parameters);
  g_test_add_func ("/vcard/reader/escapes", test_reader_escapes);
  g_test_add_func ("/vcard/reader/unescape-edges", test_unescape_edges);
  g_test_add_func ("/vcard/reader/dates", test_dates);
  g_test_add_func ("/vcard/dialect/android-2.1", test_android_21);
  g_test_add_func ("/vcard/dialect/outlook-2.1-windows-1252", test_outlook_21);
  g_test_add_func ("/vcard/dialect/iso-8859-1", test_latin1);
  g_test_add_func ("/vcard/dialect/google-3.0", test_google_30);
  g_test_add_func ("/vcard/dialect/icloud-3.0", test_icloud_30);
  g_test_add_func ("/vcard/dialect/rfc6350-4.0", test_rfc6350_40);
  g_test_add_func ("/vcard/malformed/file", test_malformed);
  g_test_add_func ("/vcard/malformed/begin-inside-card", test_begin_inside_card);
  g_test_add_func ("/vcard/malformed/charsets", test_charset_errors);
  g_test_add_func ("/vcard/malformed/huge-line", test_huge_line);
  g_test_add_func ("/vcard/writer/folding", test_writer_folding);
  g_test_add_func ("/vcard/writer/params", test_writer_params);
  g_test_add_func ("/vcard/contact/round-trip", test_contact_round_trip);

  return g_test_run ();
}
