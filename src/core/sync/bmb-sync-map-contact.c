/* bmb-sync-map-contact.c — a contact as one vCard resource
 *
 * Copyright 2026 The Bimbing Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Through the vCard export and import (bmb-vcard-contact.h), vCard 4.0, or 3.0 where the
 * address book does not take 4.0. Interactions travel as X-BIMBING-INTERACTION lines
 * ("YYYY-MM-DD;channel;summary"), the follow-up rhythm as X-BIMBING-STAY-IN-TOUCH.
 */
#define G_LOG_DOMAIN "bmb-sync-map"

#include "config.h"

#include <string.h>

#include "bmb-contact-private.h"
#include "bmb-interaction.h"
#include "bmb-sync-content.h"
#include "bmb-sync-map-private.h"
#include "bmb-vcard-contact.h"
#include "bmb-vcard-reader.h"

/* vCard 4.0 → 3.0 for the parts Bimbing writes: VERSION, and PREF=1 as TYPE=pref. */
static char *
to_vcard3 (const char *card)
{
  g_auto(GStrv) lines = g_strsplit (card, "\r\n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      const char *colon;
      const char *pref;

      if (*line == '\0')
        continue;
      if (g_str_equal (line, "VERSION:4.0"))
        line = "VERSION:3.0";
      colon = strchr (line, ':');
      pref = strstr (line, ";PREF=1");
      if (pref != NULL && colon != NULL && pref < colon)
        {
          g_string_append_len (out, line, pref - line);
          g_string_append (out, ";TYPE=pref");
          g_string_append (out, pref + strlen (";PREF=1"));
        }
      else
        g_string_append (out, line);
      g_string_append (out, "\r\n");
    }
  return g_string_free (out, FALSE);
}

char *
_bmb_sync_map_render_contact (BmbSyncMap  *map,
                              gint64       id,
                              GError     **error)
{
  g_autoptr(BmbContact) contact = bmb_contact_store_get (map->contacts, id, error);
  g_autoptr(BmbContact) introducer = NULL;
  g_autoptr(GPtrArray) interactions = NULL;
  g_autoptr(GString) out = NULL;

  if (contact == NULL)
    return NULL;
  if (bmb_contact_get_introduced_by (contact) > 0)
    introducer = bmb_contact_store_get (map->contacts, bmb_contact_get_introduced_by (contact),
                                        NULL);
  if (!(interactions = bmb_contact_store_list_interactions (map->contacts, id, error)))
    return NULL;

  out = g_string_new (NULL);
  bmb_vcard_append_contact (out, contact, introducer ? bmb_contact_get_uid (introducer) : NULL);

  /* Oldest first, before END:VCARD. */
  g_string_truncate (out, out->len - strlen ("END:VCARD\r\n"));
  for (guint i = interactions->len; i > 0; i--)
    {
      BmbInteraction *interaction = g_ptr_array_index (interactions, i - 1);
      g_autofree char *summary = _bmb_sync_text_escape (bmb_interaction_get_summary (interaction));
      g_autofree char *value = g_strdup_printf ("%s\\;%s\\;%s",
                                                bmb_interaction_get_happened_on (interaction),
                                                bmb_interaction_channel_to_string (bmb_interaction_get_channel (interaction)),
                                                summary);

      _bmb_sync_append_raw (out, BMB_SYNC_X_INTERACTION, value);
    }
  g_string_append (out, "END:VCARD\r\n");

  if (!map->vcard4)
    return to_vcard3 (out->str);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The interactions of @card, as "date\nchannel\nsummary" strings, oldest first. */
static GPtrArray *
card_interactions (BmbVCard *card)
{
  GPtrArray *list = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < card->properties->len; i++)
    {
      BmbVCardProperty *prop = g_ptr_array_index (card->properties, i);

      if (g_ascii_strcasecmp (prop->name, BMB_SYNC_X_INTERACTION) == 0)
        {
          g_autofree char *text = _bmb_sync_text_unescape (prop->value);
          g_auto(GStrv) parts = g_strsplit (text, ";", 3);

          if (g_strv_length (parts) == 3)
            g_ptr_array_add (list, g_strjoinv ("\n", parts));
        }
    }
  return list;
}

static gboolean
sync_interactions (BmbSyncMap  *map,
                   gint64       contact_id,
                   GPtrArray   *wanted,
                   GError     **error)
{
  g_autoptr(GPtrArray) have = bmb_contact_store_list_interactions (map->contacts, contact_id,
                                                                   error);
  gboolean same;

  if (have == NULL)
    return FALSE;

  same = have->len == wanted->len;
  for (guint i = 0; same && i < have->len; i++)
    {
      BmbInteraction *interaction = g_ptr_array_index (have, have->len - 1 - i);
      g_autofree char *key = g_strdup_printf ("%s\n%s\n%s",
                                              bmb_interaction_get_happened_on (interaction),
                                              bmb_interaction_channel_to_string (bmb_interaction_get_channel (interaction)),
                                              bmb_interaction_get_summary (interaction)
                                              ? bmb_interaction_get_summary (interaction) : "");

      same = g_str_equal (key, g_ptr_array_index (wanted, i));
    }
  if (same)
    return TRUE;

  for (guint i = 0; i < have->len; i++)
    {
      if (!bmb_contact_store_delete_interaction (map->contacts,
                                                 bmb_interaction_get_id (g_ptr_array_index (have, i)),
                                                 error))
        return FALSE;
    }
  for (guint i = 0; i < wanted->len; i++)
    {
      g_auto(GStrv) parts = g_strsplit (g_ptr_array_index (wanted, i), "\n", 3);
      BmbInteractionChannel channel = BMB_INTERACTION_CHANNEL_OTHER;
      g_autoptr(BmbInteraction) interaction = NULL;

      bmb_interaction_channel_from_string (parts[1], &channel);
      interaction = bmb_interaction_new (contact_id, parts[0], channel,
                                         *parts[2] ? parts[2] : NULL);
      if (!bmb_contact_store_add_interaction (map->contacts, interaction, error))
        return FALSE;
    }
  return TRUE;
}

gint64
_bmb_sync_map_apply_contact (BmbSyncMap  *map,
                             const char  *data,
                             gint64       id,
                             GError     **error)
{
  g_autoptr(BmbVCardReader) reader = bmb_vcard_reader_new (data, strlen (data));
  g_autoptr(BmbVCard) card = bmb_vcard_reader_next (reader);
  g_autoptr(BmbContact) contact = NULL;
  g_autoptr(BmbContact) existing = NULL;
  g_autoptr(GPtrArray) interactions = NULL;
  g_autofree char *introduced_by = NULL;
  g_autofree char *reason = NULL;

  if (card == NULL || !(contact = bmb_vcard_to_contact (card, &introduced_by, &reason, NULL)))
    {
      g_debug ("A card cannot be used: %s", reason ? reason : "empty");
      return 0;
    }

  if (id <= 0 && !(existing = bmb_contact_store_get_by_uid (map->contacts,
                                                            bmb_contact_get_uid (contact), error)) &&
      error != NULL && *error != NULL)
    return 0;
  if (existing != NULL)
    id = bmb_contact_get_id (existing);

  if (introduced_by != NULL)
    {
      g_autoptr(BmbContact) introducer = bmb_contact_store_get_by_uid (map->contacts,
                                                                       introduced_by, NULL);

      if (introducer != NULL && bmb_contact_get_id (introducer) != id)
        bmb_contact_set_introduced_by (contact, bmb_contact_get_id (introducer));
    }

  if (id > 0)
    {
      _bmb_contact_set_id (contact, id);
      if (!bmb_contact_store_update (map->contacts, contact, error))
        return 0;
    }
  else if (!bmb_contact_store_insert (map->contacts, contact, error))
    return 0;

  interactions = card_interactions (card);
  if (!sync_interactions (map, bmb_contact_get_id (contact), interactions, error))
    return 0;
  return bmb_contact_get_id (contact);
}
