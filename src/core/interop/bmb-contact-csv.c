/* bmb-contact-csv.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-contact-csv"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "bmb-contact-csv.h"
#include "bmb-csv.h"
#include "bmb-vcard-contact.h"

typedef enum
{
  ROLE_NONE,
  ROLE_UID,
  ROLE_DISPLAY_NAME,
  ROLE_PREFIX,
  ROLE_GIVEN,
  ROLE_ADDITIONAL,
  ROLE_FAMILY,
  ROLE_SUFFIX,
  ROLE_NICKNAME,
  ROLE_ORGANIZATION,
  ROLE_JOB_TITLE,
  ROLE_BIRTHDAY,
  ROLE_TAGS,
  ROLE_NOTES,
  ROLE_MET_WHERE,
  ROLE_MET_ON,
  ROLE_MET_EVENT,
  ROLE_INTRODUCED_BY,
  ROLE_STAY_COUNT,
  ROLE_STAY_UNIT,
  ROLE_LAST_CONTACT,
  ROLE_CONNECTED_ON,  /* LinkedIn: met on that date, on LinkedIn */
  ROLE_FIELD_VALUE,   /* a numbered "E-mail 1 - Value" or a fixed column */
  ROLE_FIELD_LABEL,   /* a numbered "E-mail 1 - Label" / "- Type" */
  N_ROLES
} ColumnRole;

typedef struct
{
  const char *header;
  ColumnRole  role;
} NamedColumn;

static const NamedColumn named_columns[] = {
  { "uid", ROLE_UID },
  { "display name", ROLE_DISPLAY_NAME },
  { "name", ROLE_DISPLAY_NAME },
  { "full name", ROLE_DISPLAY_NAME },
  { "name prefix", ROLE_PREFIX },
  { "given name", ROLE_GIVEN },
  { "first name", ROLE_GIVEN },
  { "additional name", ROLE_ADDITIONAL },
  { "additional names", ROLE_ADDITIONAL },
  { "middle name", ROLE_ADDITIONAL },
  { "family name", ROLE_FAMILY },
  { "last name", ROLE_FAMILY },
  { "surname", ROLE_FAMILY },
  { "name suffix", ROLE_SUFFIX },
  { "suffix", ROLE_SUFFIX },
  { "nickname", ROLE_NICKNAME },
  { "organization", ROLE_ORGANIZATION },
  { "organization name", ROLE_ORGANIZATION },
  { "organization 1 - name", ROLE_ORGANIZATION },
  { "company", ROLE_ORGANIZATION },
  { "job title", ROLE_JOB_TITLE },
  { "position", ROLE_JOB_TITLE },
  { "organization title", ROLE_JOB_TITLE },
  { "organization 1 - title", ROLE_JOB_TITLE },
  { "birthday", ROLE_BIRTHDAY },
  { "tags", ROLE_TAGS },
  { "labels", ROLE_TAGS },
  { "group membership", ROLE_TAGS },
  { "categories", ROLE_TAGS },
  { "notes", ROLE_NOTES },
  { "met where", ROLE_MET_WHERE },
  { "met on", ROLE_MET_ON },
  { "met at event", ROLE_MET_EVENT },
  { "introduced by", ROLE_INTRODUCED_BY },
  { "stay in touch every", ROLE_STAY_COUNT },
  { "stay in touch unit", ROLE_STAY_UNIT },
  { "last contact on", ROLE_LAST_CONTACT },
  { "connected on", ROLE_CONNECTED_ON },
};

/* Single columns that hold one kind of field with a fixed label. */
typedef struct
{
  const char          *header;
  BmbContactFieldKind  kind;
  const char          *label;
} FixedColumn;

static const FixedColumn fixed_columns[] = {
  { "email address", BMB_CONTACT_FIELD_EMAIL, NULL },
  { "e-mail address", BMB_CONTACT_FIELD_EMAIL, NULL },
  { "e-mail 2 address", BMB_CONTACT_FIELD_EMAIL, NULL },
  { "e-mail 3 address", BMB_CONTACT_FIELD_EMAIL, NULL },
  { "mobile phone", BMB_CONTACT_FIELD_PHONE, "mobile" },
  { "home phone", BMB_CONTACT_FIELD_PHONE, "home" },
  { "business phone", BMB_CONTACT_FIELD_PHONE, "work" },
  { "other phone", BMB_CONTACT_FIELD_PHONE, "other" },
  { "url", BMB_CONTACT_FIELD_URL, NULL },
  { "web page", BMB_CONTACT_FIELD_URL, NULL },
};

/* Prefixes of numbered columns: "E-mail 2 - Value". */
static const struct
{
  const char          *prefix;
  BmbContactFieldKind  kind;
} numbered_kinds[] = {
  { "e-mail", BMB_CONTACT_FIELD_EMAIL },
  { "email", BMB_CONTACT_FIELD_EMAIL },
  { "phone", BMB_CONTACT_FIELD_PHONE },
  { "website", BMB_CONTACT_FIELD_URL },
  { "link", BMB_CONTACT_FIELD_URL },
};

/* A labelled field source: a value column and, maybe, its label column. */
typedef struct
{
  BmbContactFieldKind  kind;
  guint                number;     /* N of "E-mail N", 0 for fixed columns */
  int                  value_col;  /* -1 until seen */
  int                  label_col;  /* -1 when none */
  const char          *fixed_label;
} FieldSlot;

struct _BmbContactCsvMapping
{
  BmbContactCsvFormat  format;
  guint                n_columns;
  int                  columns[N_ROLES]; /* first column of each role, or -1 */
  gboolean             tags_by_semicolon;
  GArray              *slots;            /* FieldSlot, in column order */
};

static const char * const export_columns[] = {
  "UID", "Display Name", "Name Prefix", "Given Name", "Additional Names", "Family Name",
  "Name Suffix", "Nickname", "Organization", "Job Title", "Birthday", "Tags", "Notes",
  "Met Where", "Met On", "Met At Event", "Introduced By", "Stay In Touch Every",
  "Stay In Touch Unit", "Last Contact On",
};

#define GOOGLE_SEPARATOR " ::: "

/* ---- Header ------------------------------------------------------------------ */

static FieldSlot *
find_slot (GArray              *slots,
           BmbContactFieldKind  kind,
           guint                number)
{
  FieldSlot slot = { kind, number, -1, -1, NULL };

  for (guint i = 0; i < slots->len; i++)
    {
      FieldSlot *existing = &g_array_index (slots, FieldSlot, i);

      if (existing->kind == kind && existing->number == number && number > 0)
        return existing;
    }

  g_array_append_val (slots, slot);

  return &g_array_index (slots, FieldSlot, slots->len - 1);
}

/* "e-mail 2 - value" → kind, 2, is_label FALSE. */
static gboolean
parse_numbered (const char          *header,
                BmbContactFieldKind *out_kind,
                guint               *out_number,
                gboolean            *out_is_label)
{
  for (guint i = 0; i < G_N_ELEMENTS (numbered_kinds); i++)
    {
      const char *rest;
      char *end;
      guint64 number;

      if (!g_str_has_prefix (header, numbered_kinds[i].prefix))
        continue;

      rest = header + strlen (numbered_kinds[i].prefix);
      if (*rest != ' ')
        continue;

      number = g_ascii_strtoull (rest + 1, &end, 10);
      if (end == rest + 1 || number == 0 || number > 999 || !g_str_has_prefix (end, " - "))
        continue;

      end += 3;
      if (g_str_equal (end, "value"))
        *out_is_label = FALSE;
      else if (g_str_equal (end, "label") || g_str_equal (end, "type"))
        *out_is_label = TRUE;
      else
        return FALSE;

      *out_kind = numbered_kinds[i].kind;
      *out_number = (guint)number;

      return TRUE;
    }

  return FALSE;
}

static gboolean
map_column (BmbContactCsvMapping *mapping,
            const char           *header,
            int                   col)
{
  BmbContactFieldKind kind;
  guint number;
  gboolean is_label;

  for (guint i = 0; i < G_N_ELEMENTS (named_columns); i++)
    if (g_str_equal (header, named_columns[i].header))
      {
        ColumnRole role = named_columns[i].role;

        if (mapping->columns[role] < 0)
          mapping->columns[role] = col;
        if (role == ROLE_TAGS && g_str_equal (header, "categories"))
          mapping->tags_by_semicolon = TRUE;
        return TRUE;
      }

  for (guint i = 0; i < G_N_ELEMENTS (fixed_columns); i++)
    if (g_str_equal (header, fixed_columns[i].header))
      {
        FieldSlot *slot = find_slot (mapping->slots, fixed_columns[i].kind, 0);

        slot->value_col = col;
        slot->fixed_label = fixed_columns[i].label;
        return TRUE;
      }

  if (parse_numbered (header, &kind, &number, &is_label))
    {
      FieldSlot *slot = find_slot (mapping->slots, kind, number);

      if (is_label)
        slot->label_col = col;
      else
        slot->value_col = col;
      return TRUE;
    }

  return FALSE;
}

BmbContactCsvMapping *
bmb_contact_csv_mapping_new (const char * const *header)
{
  g_autoptr(BmbContactCsvMapping) mapping = NULL;
  guint known = 0;
  gboolean has_name;
  gboolean google_like = FALSE;

  g_return_val_if_fail (header != NULL, NULL);

  mapping = g_new0 (BmbContactCsvMapping, 1);
  mapping->slots = g_array_new (FALSE, FALSE, sizeof (FieldSlot));
  for (guint i = 0; i < N_ROLES; i++)
    mapping->columns[i] = -1;

  for (guint col = 0; header[col] != NULL; col++)
    {
      g_autofree char *key = g_utf8_strdown (header[col], -1);

      mapping->n_columns = col + 1;
      g_strstrip (key);
      if (map_column (mapping, key, col))
        known++;
      if (strstr (key, " - label") != NULL || strstr (key, " - type") != NULL ||
          g_str_equal (key, "labels") || g_str_equal (key, "group membership"))
        google_like = TRUE;
    }

  /* Drop slots that never got a value column. */
  for (guint i = mapping->slots->len; i > 0; i--)
    if (g_array_index (mapping->slots, FieldSlot, i - 1).value_col < 0)
      g_array_remove_index (mapping->slots, i - 1);

  has_name = mapping->columns[ROLE_GIVEN] >= 0 || mapping->columns[ROLE_FAMILY] >= 0 ||
             mapping->columns[ROLE_DISPLAY_NAME] >= 0;
  if (!has_name || known < 2)
    return NULL;

  if (mapping->columns[ROLE_UID] >= 0 && mapping->columns[ROLE_STAY_COUNT] >= 0)
    mapping->format = BMB_CONTACT_CSV_FORMAT_BIMBING;
  else if (mapping->columns[ROLE_CONNECTED_ON] >= 0)
    mapping->format = BMB_CONTACT_CSV_FORMAT_LINKEDIN;
  else if (google_like)
    mapping->format = BMB_CONTACT_CSV_FORMAT_GOOGLE;
  else
    mapping->format = BMB_CONTACT_CSV_FORMAT_GENERIC;

  return g_steal_pointer (&mapping);
}

void
bmb_contact_csv_mapping_free (BmbContactCsvMapping *mapping)
{
  if (mapping == NULL)
    return;

  g_array_unref (mapping->slots);
  g_free (mapping);
}

BmbContactCsvFormat
bmb_contact_csv_mapping_get_format (BmbContactCsvMapping *mapping)
{
  g_return_val_if_fail (mapping != NULL, BMB_CONTACT_CSV_FORMAT_GENERIC);

  return mapping->format;
}

/* ---- Dates ------------------------------------------------------------------- */

static const struct
{
  const char *name;
  guint       month;
} month_names[] = {
  /* English and Indonesian; matched on the first three letters, plus the
   * Indonesian abbreviations that differ. */
  { "jan", 1 }, { "feb", 2 }, { "mar", 3 }, { "apr", 4 }, { "may", 5 }, { "mei", 5 },
  { "jun", 6 }, { "jul", 7 }, { "aug", 8 }, { "agu", 8 }, { "agt", 8 }, { "sep", 9 },
  { "oct", 10 }, { "okt", 10 }, { "nov", 11 }, { "dec", 12 }, { "des", 12 },
};

char *
bmb_contact_csv_parse_date (const char *text)
{
  g_auto(GStrv) words = NULL;
  char *date;
  guint64 day, year;
  guint month = 0;
  char *end;

  if (text == NULL)
    return NULL;

  if ((date = bmb_vcard_parse_date (text)) != NULL)
    return date;

  /* "12 Nov 2024" */
  words = g_strsplit_set (text, " \t", -1);
  {
    GPtrArray *kept = g_ptr_array_new ();
    guint n;

    for (guint i = 0; words[i] != NULL; i++)
      if (*words[i] != '\0')
        g_ptr_array_add (kept, words[i]);
    n = kept->len;

    if (n != 3)
      {
        g_ptr_array_unref (kept);
        return NULL;
      }

    day = g_ascii_strtoull (g_ptr_array_index (kept, 0), &end, 10);
    if (*end != '\0')
      day = 0;

    {
      g_autofree char *name = g_utf8_strdown (g_ptr_array_index (kept, 1), -1);

      for (guint i = 0; i < G_N_ELEMENTS (month_names) && strlen (name) >= 3; i++)
        if (g_str_has_prefix (name, month_names[i].name))
          month = month_names[i].month;
    }

    year = g_ascii_strtoull (g_ptr_array_index (kept, 2), &end, 10);
    if (*end != '\0')
      year = 0;

    g_ptr_array_unref (kept);
  }

  if (day == 0 || month == 0 || year < 1 || year > 9999 ||
      !g_date_valid_dmy ((GDateDay)day, (GDateMonth)month, (GDateYear)year))
    return NULL;

  return g_strdup_printf ("%04u-%02u-%02u", (guint)year, month, (guint)day);
}

/* A full "YYYY-MM-DD", or NULL. */
static char *
parse_full_date (const char *text)
{
  char *date = bmb_contact_csv_parse_date (text);

  if (date != NULL && date[0] == '-')
    g_clear_pointer (&date, g_free);

  return date;
}

/* ---- Rows -------------------------------------------------------------------- */

static const char *
cell (BmbContactCsvMapping *mapping,
      const char * const   *row,
      guint                 n_cells,
      ColumnRole            role)
{
  int col = mapping->columns[role];

  if (col < 0 || (guint)col >= n_cells)
    return NULL;

  return row[col];
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;

  return TRUE;
}

/* CR LF → LF, for notes typed on Windows. */
static char *
normalize_newlines (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\r')
        {
          g_string_append_c (out, '\n');
          if (p[1] == '\n')
            p++;
        }
      else
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

static void
add_tags (BmbContact        *contact,
          BmbContactLimiter *limiter,
          const char        *text,
          gboolean           by_semicolon)
{
  g_auto(GStrv) tags = NULL;

  if (is_blank (text))
    return;

  tags = by_semicolon ? g_strsplit (text, ";", -1) : g_strsplit (text, ":::", -1);

  for (guint i = 0; tags[i] != NULL; i++)
    {
      char *tag = g_strstrip (tags[i]);

      /* Google's system groups: "* myContacts", "* starred", "* friends"… */
      if (g_str_has_prefix (tag, "* "))
        tag = g_strstrip (tag + 2);
      if (g_ascii_strcasecmp (tag, "myContacts") == 0 || g_ascii_strcasecmp (tag, "starred") == 0)
        continue;

      bmb_contact_limiter_add_tag (limiter, contact, tag);
    }
}

static void
add_slot_fields (BmbContact           *contact,
                 BmbContactLimiter    *limiter,
                 const FieldSlot      *slot,
                 const char * const   *row,
                 guint                 n_cells)
{
  const char *value;
  const char *label_cell = NULL;
  g_autofree char *label = NULL;
  g_auto(GStrv) values = NULL;
  gboolean preferred = FALSE;

  if ((guint)slot->value_col >= n_cells)
    return;
  value = row[slot->value_col];
  if (is_blank (value))
    return;

  if (slot->label_col >= 0 && (guint)slot->label_col < n_cells)
    label_cell = row[slot->label_col];

  if (label_cell != NULL)
    {
      label = g_strstrip (g_strdup (label_cell));
      /* Google and our export mark the preferred value with "* ". */
      if (label[0] == '*' && (label[1] == '\0' || label[1] == ' '))
        {
          preferred = TRUE;
          memmove (label, label + 1, strlen (label));
          g_strstrip (label);
        }
      if (*label == '\0')
        g_clear_pointer (&label, g_free);
    }
  else if (slot->fixed_label != NULL)
    label = g_strdup (slot->fixed_label);
  else if (slot->kind == BMB_CONTACT_FIELD_URL && strstr (value, "linkedin.com/") != NULL)
    label = g_strdup ("LinkedIn");

  values = g_strsplit (value, ":::", -1);
  for (guint i = 0; values[i] != NULL; i++)
    {
      g_strstrip (values[i]);
      bmb_contact_limiter_add_field (limiter, contact, slot->kind, label, values[i],
                                     preferred && i == 0);
    }
}

BmbContact *
bmb_contact_csv_mapping_read_row (BmbContactCsvMapping *mapping,
                                  const char * const   *row,
                                  guint                 line,
                                  char                **out_introduced_by_uid,
                                  char                **out_reason,
                                  BmbContactLimiter    *out_limits)
{
  g_autoptr(BmbContact) contact = NULL;
  BmbContactLimiter limiter;
  guint n_cells;
  const char *text;
  const char *display_name;

  g_return_val_if_fail (mapping != NULL, NULL);
  g_return_val_if_fail (row != NULL, NULL);
  g_return_val_if_fail (out_reason != NULL, NULL);

  n_cells = g_strv_length ((char **)row);
  contact = bmb_contact_new ();
  bmb_contact_limiter_init (&limiter, NULL);

  bmb_contact_set_uid (contact, cell (mapping, row, n_cells, ROLE_UID));
  bmb_contact_set_prefix (contact, cell (mapping, row, n_cells, ROLE_PREFIX));
  bmb_contact_set_given_name (contact, cell (mapping, row, n_cells, ROLE_GIVEN));
  bmb_contact_set_additional_names (contact, cell (mapping, row, n_cells, ROLE_ADDITIONAL));
  bmb_contact_set_family_name (contact, cell (mapping, row, n_cells, ROLE_FAMILY));
  bmb_contact_set_suffix (contact, cell (mapping, row, n_cells, ROLE_SUFFIX));
  bmb_contact_set_nickname (contact, cell (mapping, row, n_cells, ROLE_NICKNAME));
  bmb_contact_set_organization (contact, cell (mapping, row, n_cells, ROLE_ORGANIZATION));
  bmb_contact_set_role (contact, cell (mapping, row, n_cells, ROLE_JOB_TITLE));
  bmb_contact_set_met_where (contact, cell (mapping, row, n_cells, ROLE_MET_WHERE));
  bmb_contact_set_met_event (contact, cell (mapping, row, n_cells, ROLE_MET_EVENT));

  if ((text = cell (mapping, row, n_cells, ROLE_NOTES)) != NULL)
    {
      g_autofree char *notes = normalize_newlines (text);

      bmb_contact_set_notes (contact, notes);
    }

  if ((text = cell (mapping, row, n_cells, ROLE_BIRTHDAY)) != NULL)
    {
      g_autofree char *date = bmb_contact_csv_parse_date (text);

      bmb_contact_set_birthday (contact, date);
    }

  if ((text = cell (mapping, row, n_cells, ROLE_MET_ON)) != NULL)
    {
      g_autofree char *date = parse_full_date (text);

      bmb_contact_set_met_on (contact, date);
    }

  if ((text = cell (mapping, row, n_cells, ROLE_LAST_CONTACT)) != NULL)
    {
      g_autofree char *date = parse_full_date (text);

      bmb_contact_set_last_contact_on (contact, date);
    }

  if ((text = cell (mapping, row, n_cells, ROLE_CONNECTED_ON)) != NULL)
    {
      g_autofree char *date = parse_full_date (text);

      if (date != NULL)
        {
          bmb_contact_set_met_on (contact, date);
          if (bmb_contact_get_met_where (contact) == NULL)
            bmb_contact_set_met_where (contact, "LinkedIn");
        }
    }

  if ((text = cell (mapping, row, n_cells, ROLE_STAY_COUNT)) != NULL && !is_blank (text))
    {
      char *end;
      guint64 count = g_ascii_strtoull (text, &end, 10);
      BmbFollowUpUnit unit =
        bmb_follow_up_unit_from_string (cell (mapping, row, n_cells, ROLE_STAY_UNIT));

      if (count >= 1 && count <= 999 && is_blank (end) && unit != BMB_FOLLOW_UP_UNIT_NONE)
        bmb_contact_set_keep_in_touch (contact, (guint)count, unit);
    }

  add_tags (contact, &limiter, cell (mapping, row, n_cells, ROLE_TAGS),
            mapping->tags_by_semicolon);

  for (guint i = 0; i < mapping->slots->len; i++)
    add_slot_fields (contact, &limiter, &g_array_index (mapping->slots, FieldSlot, i), row,
                     n_cells);

  display_name = cell (mapping, row, n_cells, ROLE_DISPLAY_NAME);

  if (is_blank (display_name) &&
      bmb_contact_get_given_name (contact) == NULL &&
      bmb_contact_get_family_name (contact) == NULL &&
      bmb_contact_get_additional_names (contact) == NULL &&
      bmb_contact_get_nickname (contact) == NULL &&
      bmb_contact_get_organization (contact) == NULL)
    {
      /* Translators: %u is a line number in a CSV file. */
      *out_reason = g_strdup_printf (_("Line %u: the row has no name"), line);
      return NULL;
    }

  if (!is_blank (display_name))
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (display_name));

      if (g_strcmp0 (trimmed, bmb_contact_get_display_name (contact)) != 0)
        bmb_contact_set_display_name (contact, trimmed);
    }

  if (out_introduced_by_uid != NULL)
    {
      text = cell (mapping, row, n_cells, ROLE_INTRODUCED_BY);
      *out_introduced_by_uid = is_blank (text) ? NULL : g_strstrip (g_strdup (text));
    }
  if (out_limits != NULL)
    *out_limits = limiter;

  return g_steal_pointer (&contact);
}

/* ---- Export ------------------------------------------------------------------ */

void
bmb_contact_csv_shape_add (BmbContactCsvShape *shape,
                           BmbContact         *contact)
{
  guint n[3] = { 0, 0, 0 };
  GPtrArray *fields;

  g_return_if_fail (shape != NULL);
  g_return_if_fail (BMB_IS_CONTACT (contact));

  fields = bmb_contact_get_fields (contact);
  for (guint i = 0; i < fields->len; i++)
    {
      BmbContactFieldKind kind = bmb_contact_field_get_kind (g_ptr_array_index (fields, i));

      if ((guint)kind < G_N_ELEMENTS (n))
        n[kind]++;
    }

  shape->n_emails = MAX (shape->n_emails, n[BMB_CONTACT_FIELD_EMAIL]);
  shape->n_phones = MAX (shape->n_phones, n[BMB_CONTACT_FIELD_PHONE]);
  shape->n_links = MAX (shape->n_links, n[BMB_CONTACT_FIELD_URL]);
}

void
bmb_contact_csv_append_header (GString                  *out,
                               const BmbContactCsvShape *shape)
{
  static const char * const kinds[] = { "Email", "Phone", "Link" };
  guint counts[3];

  g_return_if_fail (out != NULL);
  g_return_if_fail (shape != NULL);

  counts[0] = shape->n_emails;
  counts[1] = shape->n_phones;
  counts[2] = shape->n_links;

  for (guint i = 0; i < G_N_ELEMENTS (export_columns); i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, export_columns[i]);
    }

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (guint n = 1; n <= counts[k]; n++)
      g_string_append_printf (out, ",%s %u - Label,%s %u - Value", kinds[k], n, kinds[k], n);

  g_string_append (out, "\r\n");
}

static void
append_cell (GString    *out,
             gboolean   *first,
             const char *text)
{
  if (!*first)
    g_string_append_c (out, ',');
  *first = FALSE;
  bmb_csv_append_field (out, text);
}

static void
append_kind (GString             *out,
             gboolean            *first,
             BmbContact          *contact,
             BmbContactFieldKind  kind,
             guint                n_columns)
{
  g_autoptr(GPtrArray) fields = bmb_contact_dup_fields_of_kind (contact, kind);

  for (guint i = 0; i < n_columns; i++)
    {
      BmbContactField *field = i < fields->len ? g_ptr_array_index (fields, i) : NULL;
      g_autofree char *label = NULL;

      if (field != NULL)
        {
          const char *plain = bmb_contact_field_get_label (field);

          if (bmb_contact_field_get_preferred (field))
            label = plain != NULL ? g_strconcat ("* ", plain, NULL) : g_strdup ("*");
          else
            label = g_strdup (plain);
        }

      append_cell (out, first, label);
      append_cell (out, first, field != NULL ? bmb_contact_field_get_value (field) : NULL);
    }
}

void
bmb_contact_csv_append_contact (GString                  *out,
                                const BmbContactCsvShape *shape,
                                BmbContact               *contact,
                                const char               *introduced_by_uid)
{
  g_autofree char *tags = NULL;
  g_autofree char *count = NULL;
  gboolean first = TRUE;
  BmbFollowUpUnit unit;

  g_return_if_fail (out != NULL);
  g_return_if_fail (shape != NULL);
  g_return_if_fail (BMB_IS_CONTACT (contact));

  tags = g_strjoinv (GOOGLE_SEPARATOR, (char **)bmb_contact_get_tags (contact));
  unit = bmb_contact_get_keep_in_touch_unit (contact);
  if (bmb_contact_get_keep_in_touch_count (contact) > 0 && unit != BMB_FOLLOW_UP_UNIT_NONE)
    count = g_strdup_printf ("%u", bmb_contact_get_keep_in_touch_count (contact));

  append_cell (out, &first, bmb_contact_get_uid (contact));
  append_cell (out, &first, bmb_contact_get_display_name (contact));
  append_cell (out, &first, bmb_contact_get_prefix (contact));
  append_cell (out, &first, bmb_contact_get_given_name (contact));
  append_cell (out, &first, bmb_contact_get_additional_names (contact));
  append_cell (out, &first, bmb_contact_get_family_name (contact));
  append_cell (out, &first, bmb_contact_get_suffix (contact));
  append_cell (out, &first, bmb_contact_get_nickname (contact));
  append_cell (out, &first, bmb_contact_get_organization (contact));
  append_cell (out, &first, bmb_contact_get_role (contact));
  append_cell (out, &first, bmb_contact_get_birthday (contact));
  append_cell (out, &first, tags);
  append_cell (out, &first, bmb_contact_get_notes (contact));
  append_cell (out, &first, bmb_contact_get_met_where (contact));
  append_cell (out, &first, bmb_contact_get_met_on (contact));
  append_cell (out, &first, bmb_contact_get_met_event (contact));
  append_cell (out, &first, introduced_by_uid);
  append_cell (out, &first, count);
  append_cell (out, &first, count != NULL ? bmb_follow_up_unit_to_string (unit) : NULL);
  append_cell (out, &first, bmb_contact_get_last_contact_on (contact));

  append_kind (out, &first, contact, BMB_CONTACT_FIELD_EMAIL, shape->n_emails);
  append_kind (out, &first, contact, BMB_CONTACT_FIELD_PHONE, shape->n_phones);
  append_kind (out, &first, contact, BMB_CONTACT_FIELD_URL, shape->n_links);

  g_string_append (out, "\r\n");
}
