/* bmb-vcard-contact.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-vcard-contact"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bmb-contact-limiter.h"
#include "bmb-limits.h"
#include "bmb-vcard-contact.h"
#include "bmb-vcard-writer.h"

/* ---- Labels ------------------------------------------------------------------ */

typedef struct
{
  const char *type;
  const char *label;
  int         rank;
} TypeLabel;

static const TypeLabel type_labels[] = {
  { "cell", "mobile", 6 },
  { "mobile", "mobile", 6 },
  { "iphone", "mobile", 6 },
  { "fax", "fax", 5 },
  { "pager", "pager", 5 },
  { "work", "work", 4 },
  { "home", "home", 3 },
  { "main", "main", 2 },
  { "other", "other", 1 },
};

/* TYPE values that say nothing a person would call a label. */
static const char * const ignored_types[] = {
  "internet", "voice", "x400", "msg", "text", "video", "bbs", "modem", "isdn", "pcs",
  "textphone", "pref", "dom", "intl", "postal", "parcel", "uri", "x-internet",
};

static gboolean
is_ignored_type (const char *type)
{
  for (guint i = 0; i < G_N_ELEMENTS (ignored_types); i++)
    if (g_ascii_strcasecmp (type, ignored_types[i]) == 0)
      return TRUE;

  return FALSE;
}

char *
bmb_vcard_label_from_types (const BmbVCardProperty *prop,
                            gboolean               *out_preferred)
{
  const char *best = NULL;
  const char *unknown = NULL;
  const char *pref;
  int best_rank = -1;
  gboolean preferred = FALSE;

  g_return_val_if_fail (prop != NULL, NULL);

  pref = bmb_vcard_property_get_param (prop, "PREF");
  if (pref != NULL && g_ascii_strtoll (pref, NULL, 10) <= 1)
    preferred = TRUE;

  for (guint i = 0; prop->params != NULL && i < prop->params->len; i++)
    {
      BmbVCardParam *param = g_ptr_array_index (prop->params, i);

      if (!g_str_equal (param->name, "TYPE"))
        continue;

      for (guint v = 0; param->values[v] != NULL; v++)
        {
          const char *type = param->values[v];
          gboolean known = FALSE;

          if (g_ascii_strcasecmp (type, "pref") == 0)
            preferred = TRUE;
          if (is_ignored_type (type))
            continue;

          for (guint t = 0; t < G_N_ELEMENTS (type_labels); t++)
            if (g_ascii_strcasecmp (type, type_labels[t].type) == 0)
              {
                known = TRUE;
                if (type_labels[t].rank > best_rank)
                  {
                    best = type_labels[t].label;
                    best_rank = type_labels[t].rank;
                  }
              }

          if (!known && unknown == NULL)
            unknown = type;
        }
    }

  if (out_preferred != NULL)
    *out_preferred = preferred;

  if (best != NULL)
    return g_strdup (best);

  if (unknown != NULL)
    {
      if (g_ascii_strncasecmp (unknown, "x-", 2) == 0 && unknown[2] != '\0')
        unknown += 2;
      return g_ascii_strdown (unknown, -1);
    }

  return NULL;
}

/* Apple writes its standard labels as "_$!<Mobile>!$_". */
static char *
decode_ab_label (const char *text)
{
  gsize len = strlen (text);

  if (len > 8 && g_str_has_prefix (text, "_$!<") && g_str_has_suffix (text, ">!$_"))
    return g_ascii_strdown (text + 4, len - 8);

  return g_strdup (text);
}

static char *
field_label (BmbVCard         *card,
             BmbVCardProperty *prop,
             gboolean         *out_preferred)
{
  g_autofree char *label = bmb_vcard_label_from_types (prop, out_preferred);
  BmbVCardProperty *ab_label = bmb_vcard_get_group_property (card, prop->group, "X-ABLABEL");

  if (ab_label != NULL)
    {
      g_autofree char *text = bmb_vcard_property_dup_text (ab_label);

      g_strstrip (text);
      if (*text != '\0')
        return decode_ab_label (text);
    }

  return g_steal_pointer (&label);
}

static const struct
{
  const char *service;
  const char *label;
} social_services[] = {
  { "linkedin", "LinkedIn" },
  { "twitter", "Twitter" },
  { "facebook", "Facebook" },
  { "instagram", "Instagram" },
  { "github", "GitHub" },
  { "mastodon", "Mastodon" },
};

/* X-SOCIALPROFILE;TYPE=linkedin;X-USER=siti:https://… */
static void
add_social_profile (BmbContact        *contact,
                    BmbContactLimiter *limiter,
                    BmbVCard          *card,
                    BmbVCardProperty  *prop)
{
  g_autofree char *value = g_strstrip (bmb_vcard_property_dup_text (prop));
  g_autofree char *label = NULL;
  const char *type = NULL;
  gboolean preferred = FALSE;

  if (prop->params != NULL)
    for (guint i = 0; i < prop->params->len && type == NULL; i++)
      {
        BmbVCardParam *param = g_ptr_array_index (prop->params, i);

        if (g_str_equal (param->name, "TYPE"))
          for (guint v = 0; param->values[v] != NULL && type == NULL; v++)
            if (!is_ignored_type (param->values[v]))
              type = param->values[v];
      }

  label = field_label (card, prop, &preferred);
  if (type != NULL && bmb_vcard_get_group_property (card, prop->group, "X-ABLABEL") == NULL)
    {
      g_clear_pointer (&label, g_free);
      for (guint i = 0; i < G_N_ELEMENTS (social_services); i++)
        if (g_ascii_strcasecmp (type, social_services[i].service) == 0)
          label = g_strdup (social_services[i].label);
      if (label == NULL)
        label = g_strdup (type);
    }

  /* Apple's placeholder "x-apple:user" says less than the user name. */
  if (g_str_has_prefix (value, "x-apple:"))
    {
      const char *user = bmb_vcard_property_get_param (prop, "X-USER");

      char *name = g_strdup (user != NULL ? user : value + strlen ("x-apple:"));

      g_free (value);
      value = name;
    }

  bmb_contact_limiter_add_field (limiter, contact, BMB_CONTACT_FIELD_URL, label, value,
                                 preferred);
}

static void
add_field (BmbContact          *contact,
           BmbContactLimiter   *limiter,
           BmbVCard            *card,
           BmbVCardProperty    *prop,
           BmbContactFieldKind  kind)
{
  g_autofree char *value = g_strstrip (bmb_vcard_property_dup_text (prop));
  g_autofree char *label = NULL;
  gboolean preferred = FALSE;
  const char *value_type = bmb_vcard_property_get_param (prop, "VALUE");

  if (kind == BMB_CONTACT_FIELD_PHONE &&
      ((value_type != NULL && g_ascii_strcasecmp (value_type, "uri") == 0) ||
       g_ascii_strncasecmp (value, "tel:", 4) == 0))
    {
      char *semicolon;

      if (g_ascii_strncasecmp (value, "tel:", 4) == 0)
        memmove (value, value + 4, strlen (value + 4) + 1);
      /* "tel:+62-812-555;ext=12": keep the number. */
      semicolon = strchr (value, ';');
      if (semicolon != NULL)
        *semicolon = '\0';
    }
  else if (kind == BMB_CONTACT_FIELD_EMAIL && g_ascii_strncasecmp (value, "mailto:", 7) == 0)
    memmove (value, value + 7, strlen (value + 7) + 1);

  /* Past the limit, not even the label is worked out. */
  if (limiter->n_fields[kind] >= BMB_LIMIT_FIELDS_PER_CONTACT)
    {
      if (*g_strstrip (value) != '\0')
        limiter->dropped_fields++;
      return;
    }

  label = field_label (card, prop, &preferred);
  bmb_contact_limiter_add_field (limiter, contact, kind, label, value, preferred);
}

static gboolean
parse_digits (const char *text,
              guint       n,
              guint      *out)
{
  guint value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      value = value * 10 + (text[i] - '0');
    }

  *out = value;
  return TRUE;
}

char *
bmb_vcard_parse_date (const char *text)
{
  g_autofree char *copy = NULL;
  char *p;
  gsize len;
  guint year = 0, month = 0, day = 0;

  if (text == NULL)
    return NULL;

  copy = g_strstrip (g_strdup (text));
  p = strchr (copy, 'T');
  if (p != NULL)
    *p = '\0';
  len = strlen (copy);

  if (g_str_has_prefix (copy, "--"))
    {
      const char *md = copy + 2;

      if (!((strlen (md) == 4 && parse_digits (md, 2, &month) && parse_digits (md + 2, 2, &day)) ||
            (strlen (md) == 5 && md[2] == '-' && parse_digits (md, 2, &month) &&
             parse_digits (md + 3, 2, &day))))
        return NULL;
      /* 2000 is a leap year: 29 February stays valid. */
      if (!g_date_valid_dmy (day, month, 2000))
        return NULL;
      return g_strdup_printf ("--%02u-%02u", month, day);
    }

  if (len == 8 && parse_digits (copy, 4, &year) && parse_digits (copy + 4, 2, &month) &&
      parse_digits (copy + 6, 2, &day))
    ;
  else if (len == 10 && copy[4] == '-' && copy[7] == '-' && parse_digits (copy, 4, &year) &&
           parse_digits (copy + 5, 2, &month) && parse_digits (copy + 8, 2, &day))
    ;
  else
    return NULL;

  if (year < 1 || !g_date_valid_dmy (day, month, year))
    return NULL;

  return g_strdup_printf ("%04u-%02u-%02u", year, month, day);
}

gboolean
bmb_vcard_parse_stay_in_touch (const char      *text,
                               guint           *out_count,
                               BmbFollowUpUnit *out_unit)
{
  g_autofree char *copy = NULL;
  gsize len;
  guint count = 0;
  BmbFollowUpUnit unit;

  g_return_val_if_fail (out_count != NULL && out_unit != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  copy = g_strstrip (g_ascii_strup (text, -1));
  len = strlen (copy);
  if (len < 3 || len > 5 || copy[0] != 'P' || !parse_digits (copy + 1, len - 2, &count))
    return FALSE;

  switch (copy[len - 1])
    {
    case 'D':
      unit = BMB_FOLLOW_UP_UNIT_DAY;
      break;
    case 'W':
      unit = BMB_FOLLOW_UP_UNIT_WEEK;
      break;
    case 'M':
      unit = BMB_FOLLOW_UP_UNIT_MONTH;
      break;
    default:
      return FALSE;
    }

  if (count < 1 || count > 999)
    return FALSE;

  *out_count = count;
  *out_unit = unit;

  return TRUE;
}

static void
set_if_unset (BmbContact  *contact,
              const char *(*getter) (BmbContact *),
              void        (*setter) (BmbContact *, const char *),
              const char  *value)
{
  if (getter (contact) == NULL)
    setter (contact, value);
}

static void
apply_name (BmbContact       *contact,
            BmbVCardProperty *prop)
{
  g_auto(GStrv) parts = bmb_vcard_property_dup_components (prop, ';');
  guint n = g_strv_length (parts);

  /* N: family; given; additional; prefix; suffix */
  if (n > 0)
    bmb_contact_set_family_name (contact, parts[0]);
  if (n > 1)
    bmb_contact_set_given_name (contact, parts[1]);
  if (n > 2)
    bmb_contact_set_additional_names (contact, parts[2]);
  if (n > 3)
    bmb_contact_set_prefix (contact, parts[3]);
  if (n > 4)
    bmb_contact_set_suffix (contact, parts[4]);
}

/* Google puts every contact in its system groups "myContacts" and
 * "starred"; those are not tags. */
static void
add_tag (BmbContact        *contact,
         BmbContactLimiter *limiter,
         char              *tag)
{
  g_strstrip (tag);
  if (g_ascii_strcasecmp (tag, "myContacts") == 0 || g_ascii_strcasecmp (tag, "starred") == 0)
    return;

  bmb_contact_limiter_add_tag (limiter, contact, tag);
}

static void
add_categories (BmbContact        *contact,
                BmbContactLimiter *limiter,
                BmbVCardProperty  *prop,
                gboolean           v21)
{
  g_auto(GStrv) tags = bmb_vcard_property_dup_components (prop, ',');

  for (guint i = 0; tags[i] != NULL; i++)
    {
      /* vCard 2.1 writers also separate with semicolons. */
      if (v21 && strchr (tags[i], ';') != NULL)
        {
          g_auto(GStrv) more = g_strsplit (tags[i], ";", -1);

          for (guint m = 0; more[m] != NULL; m++)
            add_tag (contact, limiter, more[m]);
        }
      else
        add_tag (contact, limiter, tags[i]);
    }
}

static void
append_notes (BmbContact *contact,
              const char *notes)
{
  const char *old = bmb_contact_get_notes (contact);

  if (old == NULL)
    bmb_contact_set_notes (contact, notes);
  else
    {
      g_autofree char *joined = g_strconcat (old, "\n\n", notes, NULL);

      bmb_contact_set_notes (contact, joined);
    }
}

static void
apply_property (BmbContact        *contact,
                BmbContactLimiter *limiter,
                BmbVCard          *card,
                BmbVCardProperty  *prop,
                gboolean           v21,
                char             **introduced_by,
                gboolean          *has_title)
{
  const char *name = prop->name;
  g_autofree char *text = NULL;

  if (g_str_equal (name, "N"))
    {
      apply_name (contact, prop);
      return;
    }
  if (g_str_equal (name, "EMAIL"))
    {
      add_field (contact, limiter, card, prop, BMB_CONTACT_FIELD_EMAIL);
      return;
    }
  if (g_str_equal (name, "TEL"))
    {
      add_field (contact, limiter, card, prop, BMB_CONTACT_FIELD_PHONE);
      return;
    }
  if (g_str_equal (name, "URL"))
    {
      add_field (contact, limiter, card, prop, BMB_CONTACT_FIELD_URL);
      return;
    }
  if (g_str_equal (name, "X-SOCIALPROFILE"))
    {
      add_social_profile (contact, limiter, card, prop);
      return;
    }
  if (g_str_equal (name, "CATEGORIES"))
    {
      add_categories (contact, limiter, prop, v21);
      return;
    }
  if (g_str_equal (name, "ORG"))
    {
      g_auto(GStrv) parts = bmb_vcard_property_dup_components (prop, ';');

      set_if_unset (contact, bmb_contact_get_organization, bmb_contact_set_organization,
                    parts[0]);
      return;
    }

  text = bmb_vcard_property_dup_text (prop);

  if (g_str_equal (name, "NICKNAME"))
    set_if_unset (contact, bmb_contact_get_nickname, bmb_contact_set_nickname, text);
  else if (g_str_equal (name, "TITLE"))
    {
      if (!*has_title)
        bmb_contact_set_role (contact, text);
      *has_title = bmb_contact_get_role (contact) != NULL;
    }
  else if (g_str_equal (name, "ROLE"))
    set_if_unset (contact, bmb_contact_get_role, bmb_contact_set_role, text);
  else if (g_str_equal (name, "NOTE"))
    append_notes (contact, text);
  else if (g_str_equal (name, "UID"))
    set_if_unset (contact, bmb_contact_get_uid, bmb_contact_set_uid, g_strstrip (text));
  else if (g_str_equal (name, "BDAY"))
    {
      g_autofree char *date = bmb_vcard_parse_date (text);

      /* Apple marks an unknown year with X-APPLE-OMIT-YEAR=1604. */
      if (date != NULL && date[0] != '-' &&
          bmb_vcard_property_get_param (prop, "X-APPLE-OMIT-YEAR") != NULL &&
          g_str_has_prefix (date, bmb_vcard_property_get_param (prop, "X-APPLE-OMIT-YEAR")))
        {
          char *no_year = g_strconcat ("-", date + 4, NULL);

          g_free (date);
          date = no_year;
        }
      if (date != NULL)
        bmb_contact_set_birthday (contact, date);
    }
  else if (g_str_equal (name, BMB_VCARD_X_MET_WHERE))
    bmb_contact_set_met_where (contact, text);
  else if (g_str_equal (name, BMB_VCARD_X_MET_EVENT))
    bmb_contact_set_met_event (contact, text);
  else if (g_str_equal (name, BMB_VCARD_X_MET_ON) || g_str_equal (name, BMB_VCARD_X_LAST_CONTACT))
    {
      g_autofree char *date = bmb_vcard_parse_date (text);

      if (date != NULL && date[0] != '-')
        {
          if (g_str_equal (name, BMB_VCARD_X_MET_ON))
            bmb_contact_set_met_on (contact, date);
          else
            bmb_contact_set_last_contact_on (contact, date);
        }
    }
  else if (g_str_equal (name, BMB_VCARD_X_INTRODUCED_BY))
    {
      g_strstrip (text);
      if (*text != '\0' && *introduced_by == NULL)
        *introduced_by = g_steal_pointer (&text);
    }
  else if (g_str_equal (name, BMB_VCARD_X_STAY_IN_TOUCH))
    {
      guint count;
      BmbFollowUpUnit unit;

      if (bmb_vcard_parse_stay_in_touch (text, &count, &unit))
        bmb_contact_set_keep_in_touch (contact, count, unit);
    }
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

BmbContact *
bmb_vcard_to_contact (BmbVCard           *card,
                      char              **out_introduced_by_uid,
                      char              **out_reason,
                      BmbContactLimiter  *out_limits)
{
  g_autoptr(BmbContact) contact = NULL;
  BmbContactLimiter limiter;
  g_autofree char *introduced_by = NULL;
  g_autofree char *formatted_name = NULL;
  gboolean v21;
  gboolean has_title = FALSE;

  g_return_val_if_fail (card != NULL, NULL);
  g_return_val_if_fail (out_reason != NULL, NULL);

  if (card->error != NULL)
    {
      *out_reason = g_strdup (card->error);
      return NULL;
    }

  v21 = g_strcmp0 (card->version, "2.1") == 0;
  contact = bmb_contact_new ();
  bmb_contact_limiter_init (&limiter, NULL);

  for (guint i = 0; i < card->properties->len; i++)
    {
      BmbVCardProperty *prop = g_ptr_array_index (card->properties, i);

      if (g_str_equal (prop->name, "FN"))
        {
          if (formatted_name == NULL)
            formatted_name = g_strstrip (bmb_vcard_property_dup_text (prop));
          continue;
        }

      apply_property (contact, &limiter, card, prop, v21, &introduced_by, &has_title);
    }

  if (is_blank (formatted_name) &&
      bmb_contact_get_given_name (contact) == NULL &&
      bmb_contact_get_family_name (contact) == NULL &&
      bmb_contact_get_additional_names (contact) == NULL &&
      bmb_contact_get_nickname (contact) == NULL &&
      bmb_contact_get_organization (contact) == NULL)
    {
      /* Translators: %u is the line where the card begins. */
      *out_reason = g_strdup_printf (_("Line %u: the card has no name"), card->line);
      return NULL;
    }

  /* FN only becomes a custom display name when it says something the name
   * parts do not. */
  if (!is_blank (formatted_name) &&
      g_strcmp0 (formatted_name, bmb_contact_get_display_name (contact)) != 0)
    bmb_contact_set_display_name (contact, formatted_name);

  if (out_introduced_by_uid != NULL)
    *out_introduced_by_uid = g_steal_pointer (&introduced_by);
  if (out_limits != NULL)
    *out_limits = limiter;

  return g_steal_pointer (&contact);
}

/* ---- Writing --------------------------------------------------------------------- */

const char *
bmb_vcard_type_for_label (const char *label)
{
  static const char * const same[] = { "work", "home", "other", "fax", "pager", "main" };

  if (label == NULL)
    return NULL;

  if (g_str_equal (label, "mobile"))
    return "cell";

  for (guint i = 0; i < G_N_ELEMENTS (same); i++)
    if (g_str_equal (label, same[i]))
      return same[i];

  return NULL;
}

static void
append_field (GString         *out,
              BmbContactField *field,
              guint           *item)
{
  const char *label = bmb_contact_field_get_label (field);
  const char *type = bmb_vcard_type_for_label (label);
  const char *name = NULL;
  g_autoptr(GString) params = g_string_new (NULL);
  g_autofree char *value = bmb_vcard_escape (bmb_contact_field_get_value (field));
  g_autofree char *group = NULL;

  switch (bmb_contact_field_get_kind (field))
    {
    case BMB_CONTACT_FIELD_EMAIL:
      name = "EMAIL";
      break;
    case BMB_CONTACT_FIELD_PHONE:
      name = "TEL";
      break;
    case BMB_CONTACT_FIELD_URL:
      name = "URL";
      break;
    default:
      g_assert_not_reached ();
    }

  if (type != NULL)
    g_string_append_printf (params, "TYPE=%s", type);
  if (bmb_contact_field_get_preferred (field))
    g_string_append_printf (params, "%sPREF=1", params->len > 0 ? ";" : "");

  if (label != NULL && type == NULL)
    group = g_strdup_printf ("item%u", ++*item);

  bmb_vcard_append_line (out, group, name, params->str, value);

  if (group != NULL)
    {
      g_autofree char *escaped = bmb_vcard_escape (label);

      bmb_vcard_append_line (out, group, "X-ABLabel", NULL, escaped);
    }
}

static void
append_joined (GString    *out,
               const char *name,
               const char *separator,
               const char *const *parts,
               guint       n_parts)
{
  g_autoptr(GString) value = g_string_new (NULL);
  gboolean any = FALSE;

  for (guint i = 0; i < n_parts; i++)
    {
      if (i > 0)
        g_string_append (value, separator);
      if (parts[i] != NULL)
        {
          g_autofree char *escaped = bmb_vcard_escape (parts[i]);

          g_string_append (value, escaped);
          any = TRUE;
        }
    }

  if (any)
    bmb_vcard_append_line (out, NULL, name, NULL, value->str);
}

void
bmb_vcard_append_contact (GString    *out,
                          BmbContact *contact,
                          const char *introduced_by_uid)
{
  const char *name_parts[5];
  const char *birthday;
  const char * const *tags;
  GPtrArray *fields;
  guint item = 0;
  guint count;
  BmbFollowUpUnit unit;

  g_return_if_fail (out != NULL);
  g_return_if_fail (BMB_IS_CONTACT (contact));

  g_string_append (out, "BEGIN:VCARD\r\nVERSION:4.0\r\n");
  bmb_vcard_append_line (out, NULL, "PRODID", NULL,
                         "-//Bimbing//Bimbing " PACKAGE_VERSION "//EN");
  bmb_vcard_append_text (out, "UID", bmb_contact_get_uid (contact));
  bmb_vcard_append_text (out, "FN", bmb_contact_get_display_name (contact));

  name_parts[0] = bmb_contact_get_family_name (contact);
  name_parts[1] = bmb_contact_get_given_name (contact);
  name_parts[2] = bmb_contact_get_additional_names (contact);
  name_parts[3] = bmb_contact_get_prefix (contact);
  name_parts[4] = bmb_contact_get_suffix (contact);
  append_joined (out, "N", ";", name_parts, 5);

  bmb_vcard_append_text (out, "NICKNAME", bmb_contact_get_nickname (contact));
  bmb_vcard_append_text (out, "ORG", bmb_contact_get_organization (contact));
  bmb_vcard_append_text (out, "TITLE", bmb_contact_get_role (contact));

  birthday = bmb_contact_get_birthday (contact);
  if (birthday != NULL && strlen (birthday) == 10 && birthday[4] == '-')
    {
      /* RFC 6350 dates are in the basic format: 19900517. */
      g_autofree char *basic = g_strdup_printf ("%.4s%.2s%.2s", birthday, birthday + 5,
                                                birthday + 8);

      bmb_vcard_append_line (out, NULL, "BDAY", NULL, basic);
    }
  else if (birthday != NULL && strlen (birthday) == 7 && g_str_has_prefix (birthday, "--"))
    {
      g_autofree char *basic = g_strdup_printf ("--%.2s%.2s", birthday + 2, birthday + 5);

      bmb_vcard_append_line (out, NULL, "BDAY", NULL, basic);
    }

  fields = bmb_contact_get_fields (contact);
  for (guint i = 0; i < fields->len; i++)
    append_field (out, g_ptr_array_index (fields, i), &item);

  tags = bmb_contact_get_tags (contact);
  if (tags[0] != NULL)
    append_joined (out, "CATEGORIES", ",", tags, g_strv_length ((char **)tags));

  bmb_vcard_append_text (out, "NOTE", bmb_contact_get_notes (contact));

  bmb_vcard_append_text (out, BMB_VCARD_X_MET_WHERE, bmb_contact_get_met_where (contact));
  bmb_vcard_append_text (out, BMB_VCARD_X_MET_ON, bmb_contact_get_met_on (contact));
  bmb_vcard_append_text (out, BMB_VCARD_X_MET_EVENT, bmb_contact_get_met_event (contact));
  bmb_vcard_append_text (out, BMB_VCARD_X_INTRODUCED_BY, introduced_by_uid);

  count = bmb_contact_get_keep_in_touch_count (contact);
  unit = bmb_contact_get_keep_in_touch_unit (contact);
  if (count > 0 && unit != BMB_FOLLOW_UP_UNIT_NONE)
    {
      char letter = unit == BMB_FOLLOW_UP_UNIT_DAY ? 'D' :
                    unit == BMB_FOLLOW_UP_UNIT_WEEK ? 'W' : 'M';
      g_autofree char *interval = g_strdup_printf ("P%u%c", count, letter);

      bmb_vcard_append_line (out, NULL, BMB_VCARD_X_STAY_IN_TOUCH, NULL, interval);
    }

  bmb_vcard_append_text (out, BMB_VCARD_X_LAST_CONTACT,
                         bmb_contact_get_last_contact_on (contact));

  g_string_append (out, "END:VCARD\r\n");
}
