/* bmb-contact-validate.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-contact-validate"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "bmb-contact-validate.h"
#include "bmb-follow-up.h"

static gboolean
is_blank (const char *value)
{
  if (value == NULL)
    return TRUE;

  for (const char *p = value; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

static gboolean
has_space (const char *value)
{
  for (const char *p = value; *p; p = g_utf8_next_char (p))
    if (g_unichar_isspace (g_utf8_get_char (p)))
      return TRUE;

  return FALSE;
}

/* A host name: dot-separated labels of letters (any script), digits and
 * hyphens, at least two labels, no empty label, no hyphen at either end. */
static gboolean
is_domain (const char *domain)
{
  g_auto(GStrv) labels = NULL;
  guint n;

  if (domain == NULL || *domain == '\0')
    return FALSE;

  labels = g_strsplit (domain, ".", -1);
  n = g_strv_length (labels);
  if (n < 2)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      const char *label = labels[i];
      gsize len = strlen (label);

      if (len == 0 || label[0] == '-' || label[len - 1] == '-')
        return FALSE;

      for (const char *p = label; *p; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (!g_unichar_isalnum (c) && c != '-')
            return FALSE;
        }
    }

  /* The top-level domain is never only digits. */
  for (const char *p = labels[n - 1]; *p; p++)
    if (!g_ascii_isdigit (*p))
      return TRUE;

  return FALSE;
}

char *
bmb_contact_validate_email (const char *value)
{
  g_autofree char *trimmed = NULL;
  const char *at;

  if (is_blank (value))
    return NULL;

  trimmed = g_strstrip (g_strdup (value));
  if (!g_utf8_validate (trimmed, -1, NULL))
    return g_strdup (_("This email address contains invalid characters."));

  if (has_space (trimmed))
    return g_strdup (_("An email address cannot contain spaces."));

  at = strchr (trimmed, '@');
  if (at == NULL)
    return g_strdup (_("An email address needs an “@”, as in name@example.com."));
  if (strchr (at + 1, '@') != NULL)
    return g_strdup (_("An email address can contain only one “@”."));
  if (at == trimmed)
    return g_strdup (_("The name before the “@” is missing, as in name@example.com."));
  if (at - trimmed > 64)
    return g_strdup (_("The name before the “@” is too long."));
  if (!is_domain (at + 1))
    return g_strdup (_("After the “@” comes a domain such as example.com."));

  return NULL;
}

char *
bmb_contact_validate_phone (const char *value)
{
  g_autofree char *trimmed = NULL;
  guint digits = 0;

  if (is_blank (value))
    return NULL;

  trimmed = g_strstrip (g_strdup (value));

  for (const char *p = trimmed; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (*p == '+')
        {
          if (p != trimmed)
            return g_strdup (_("A “+” can only come at the start of a phone number."));
        }
      else if (!strchr (" -().,/", *p))
        return g_strdup (_("A phone number can contain only digits, spaces and + - ( ) . /"));
    }

  if (digits < 3)
    return g_strdup (_("This phone number is too short."));
  if (digits > 20)
    return g_strdup (_("This phone number is too long."));

  return NULL;
}

char *
bmb_contact_normalize_url (const char *value)
{
  g_autofree char *trimmed = NULL;
  const char *scheme;

  if (is_blank (value))
    return NULL;

  trimmed = g_strstrip (g_strdup (value));
  scheme = g_uri_peek_scheme (trimmed);

  /* "linkedin.com/in/siti" → "https://linkedin.com/in/siti"; a bare
   * "localhost:8080" would peek as a scheme, so require "://" for that. */
  if (scheme == NULL || (strstr (trimmed, "://") == NULL && g_strcmp0 (scheme, "mailto") != 0))
    return g_strconcat ("https://", trimmed, NULL);

  return g_steal_pointer (&trimmed);
}

char *
bmb_contact_validate_url (const char *value)
{
  g_autofree char *url = NULL;
  g_autoptr(GUri) uri = NULL;
  const char *scheme;
  const char *host;

  if (is_blank (value))
    return NULL;

  url = bmb_contact_normalize_url (value);
  if (has_space (url))
    return g_strdup (_("A link cannot contain spaces."));

  uri = g_uri_parse (url, G_URI_FLAGS_PARSE_RELAXED | G_URI_FLAGS_NON_DNS, NULL);
  if (uri == NULL)
    return g_strdup (_("This does not look like a web address, such as example.com/profile."));

  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "mailto") == 0)
    return bmb_contact_validate_email (g_uri_get_path (uri));

  if (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0)
    return g_strdup (_("Links must be web addresses (http or https)."));

  host = g_uri_get_host (uri);
  if (host == NULL || !is_domain (host))
    return g_strdup (_("This does not look like a web address, such as example.com/profile."));

  return NULL;
}

char *
bmb_contact_validate_field (BmbContactFieldKind  kind,
                            const char          *value)
{
  switch (kind)
    {
    case BMB_CONTACT_FIELD_EMAIL:
      return bmb_contact_validate_email (value);
    case BMB_CONTACT_FIELD_PHONE:
      return bmb_contact_validate_phone (value);
    case BMB_CONTACT_FIELD_URL:
      return bmb_contact_validate_url (value);
    default:
      g_return_val_if_reached (NULL);
    }
}

char *
bmb_contact_validate_date (const char *value,
                           gboolean    allow_no_year)
{
  g_autofree char *trimmed = NULL;
  GDate date;

  if (is_blank (value))
    return NULL;

  trimmed = g_strstrip (g_strdup (value));
  if (bmb_date_parse_iso (trimmed, &date))
    return NULL;

  if (allow_no_year && strlen (trimmed) == 7 && g_str_has_prefix (trimmed, "--"))
    {
      /* 2000 is a leap year, so 29 February is accepted. */
      g_autofree char *with_year = g_strconcat ("2000", trimmed + 1, NULL);

      if (bmb_date_parse_iso (with_year, &date))
        return NULL;
    }

  return g_strdup (_("Enter the date as YYYY-MM-DD, for example 2024-03-15."));
}
