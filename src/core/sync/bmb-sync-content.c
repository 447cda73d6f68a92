/* bmb-sync-content.c — iCalendar and vCard resources as content lines: hashes and merges
 *
 * Copyright 2026 The Bimbing Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bmb-sync-content"

#include "config.h"

#include <string.h>

#include "bmb-sync-content.h"

#define FOLD_OCTETS 75

typedef struct
{
  char      *key;     /* "SUMMARY", "VALARM TRIGGER:-PT15M", "EMAIL"… */
  GPtrArray *lines;   /* unfolded lines, in order (a block keeps BEGIN/END) */
} Prop;

typedef struct
{
  char       *type;   /* "VEVENT" */
  char       *id;     /* type, plus " " and the RECURRENCE-ID line for an override */
  gboolean    override;
  GPtrArray  *props;  /* Prop, by first occurrence */
  GHashTable *by_key; /* key → Prop (borrowed) */
  GHashTable *groups; /* vCard group → key */
} Component;

typedef struct
{
  gboolean   calendar;  /* inside BEGIN:VCALENDAR */
  GPtrArray *header;    /* calendar-level lines (VERSION, PRODID…) */
  GPtrArray *zones;     /* GPtrArray of lines per VTIMEZONE */
  GPtrArray *comps;     /* Component */
} Doc;

static const char * const ignored_keys[] = {
  "DTSTAMP", "LAST-MODIFIED", "PRODID", "REV", NULL,
};

static const char * const scheduling_keys[] = {
  "DTSTART", "DTEND", "DURATION", "RRULE", "RDATE", "EXDATE", "RECURRENCE-ID", NULL,
};

static void
prop_free (Prop *prop)
{
  g_free (prop->key);
  g_ptr_array_unref (prop->lines);
  g_free (prop);
}

static void
component_free (Component *comp)
{
  g_free (comp->type);
  g_free (comp->id);
  g_ptr_array_unref (comp->props);
  g_hash_table_unref (comp->by_key);
  g_hash_table_unref (comp->groups);
  g_free (comp);
}

static void
doc_free (Doc *doc)
{
  g_ptr_array_unref (doc->header);
  g_ptr_array_unref (doc->zones);
  g_ptr_array_unref (doc->comps);
  g_free (doc);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Doc, doc_free)

void
bmb_sync_conflict_free (BmbSyncConflict *conflict)
{
  if (conflict == NULL)
    return;
  g_free (conflict->component);
  g_free (conflict->property);
  g_free (conflict);
}

/* ---- Reading ------------------------------------------------------------------------ */

static GPtrArray *
unfold (const char *data,
        gsize       length)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  const char *p = data;
  const char *end = data + length;
  GString *current = NULL;

  while (p < end)
    {
      const char *eol = memchr (p, '\n', end - p);
      const char *stop = eol ? eol : end;
      gsize len = stop - p;

      if (len > 0 && p[len - 1] == '\r')
        len--;

      if ((*p == ' ' || *p == '\t') && current != NULL)
        g_string_append_len (current, p + 1, len > 0 ? len - 1 : 0);
      else
        {
          if (current != NULL && current->len > 0)
            g_ptr_array_add (lines, g_string_free (current, FALSE));
          else if (current != NULL)
            g_string_free (current, TRUE);
          current = g_string_new_len (p, len);
        }
      p = eol ? eol + 1 : end;
    }
  if (current != NULL && current->len > 0)
    g_ptr_array_add (lines, g_string_free (current, FALSE));
  else if (current != NULL)
    g_string_free (current, TRUE);

  return lines;
}

/* The property name of @line, uppercase, without its group; *out_group gets the group. */
static char *
line_name (const char  *line,
           char       **out_group)
{
  gsize n = strcspn (line, ";:");
  const char *dot = memchr (line, '.', n);

  if (out_group != NULL)
    *out_group = dot ? g_ascii_strup (line, dot - line) : NULL;
  if (dot != NULL)
    return g_ascii_strup (dot + 1, n - (dot + 1 - line));
  return g_ascii_strup (line, n);
}

static gboolean
line_is (const char *line,
         const char *what)
{
  return g_ascii_strcasecmp (line, what) == 0;
}

static gboolean
is_component_begin (const char *line)
{
  return line_is (line, "BEGIN:VEVENT") || line_is (line, "BEGIN:VTODO") ||
         line_is (line, "BEGIN:VJOURNAL") || line_is (line, "BEGIN:VCARD") ||
         line_is (line, "BEGIN:VFREEBUSY");
}

static Prop *
component_prop (Component  *comp,
                const char *key)
{
  Prop *prop = g_hash_table_lookup (comp->by_key, key);

  if (prop == NULL)
    {
      prop = g_new0 (Prop, 1);
      prop->key = g_strdup (key);
      prop->lines = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (comp->props, prop);
      g_hash_table_insert (comp->by_key, prop->key, prop);
    }
  return prop;
}

static Component *
component_new (const char *type)
{
  Component *comp = g_new0 (Component, 1);

  comp->type = g_ascii_strup (type, -1);
  comp->props = g_ptr_array_new_with_free_func ((GDestroyNotify)prop_free);
  comp->by_key = g_hash_table_new (g_str_hash, g_str_equal);
  comp->groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return comp;
}

/* Reads lines[*i …] up to the END matching the BEGIN at lines[*i]; returns them. */
static GPtrArray *
read_block (GPtrArray *lines,
            guint     *i)
{
  GPtrArray *block = g_ptr_array_new_with_free_func (g_free);
  int depth = 0;

  for (; *i < lines->len; (*i)++)
    {
      const char *line = g_ptr_array_index (lines, *i);

      g_ptr_array_add (block, g_strdup (line));
      if (g_ascii_strncasecmp (line, "BEGIN:", 6) == 0)
        depth++;
      else if (g_ascii_strncasecmp (line, "END:", 4) == 0 && --depth == 0)
        break;
    }
  return block;
}

static void
add_block (Component *comp,
           GPtrArray *block)
{
  const char *begin = g_ptr_array_index (block, 0);
  g_autoptr(GString) key = g_string_new (NULL);
  g_autofree char *type = g_ascii_strup (begin + 6, -1);
  Prop *prop;

  g_string_append (key, type);
  /* Alarms are told apart by their trigger: another client's alarm is another key. */
  for (guint j = 1; j < block->len; j++)
    {
      const char *line = g_ptr_array_index (block, j);
      g_autofree char *name = line_name (line, NULL);

      if (g_str_equal (name, "TRIGGER"))
        {
          g_string_append_c (key, ' ');
          g_string_append (key, line);
          break;
        }
    }

  prop = component_prop (comp, key->str);
  g_ptr_array_add (prop->lines, g_strdup ("\x01"));   /* block separator */
  for (guint j = 0; j < block->len; j++)
    g_ptr_array_add (prop->lines, g_strdup (g_ptr_array_index (block, j)));
}

static Component *
read_component (GPtrArray *lines,
                guint     *i)
{
  const char *begin = g_ptr_array_index (lines, *i);
  Component *comp = component_new (begin + 6);
  g_autofree char *rid = NULL;

  for ((*i)++; *i < lines->len; (*i)++)
    {
      const char *line = g_ptr_array_index (lines, *i);
      g_autofree char *group = NULL;
      g_autofree char *name = NULL;
      const char *key;

      if (g_ascii_strncasecmp (line, "END:", 4) == 0)
        break;
      if (g_ascii_strncasecmp (line, "BEGIN:", 6) == 0)
        {
          g_autoptr(GPtrArray) block = read_block (lines, i);

          add_block (comp, block);
          continue;
        }

      name = line_name (line, &group);
      key = name;
      if (group != NULL)
        {
          const char *grouped = g_hash_table_lookup (comp->groups, group);

          if (grouped == NULL)
            g_hash_table_insert (comp->groups, g_strdup (group), g_strdup (name));
          else
            key = grouped;
        }
      if (g_str_equal (name, "RECURRENCE-ID") && rid == NULL)
        rid = g_strdup (line + strlen ("RECURRENCE-ID"));

      g_ptr_array_add (component_prop (comp, key)->lines, g_strdup (line));
    }

  comp->override = rid != NULL;
  comp->id = rid ? g_strconcat (comp->type, " RECURRENCE-ID", rid, NULL) : g_strdup (comp->type);
  return comp;
}

static Doc *
doc_parse (const char *data,
           gsize       length)
{
  Doc *doc = g_new0 (Doc, 1);
  g_autoptr(GPtrArray) lines = unfold (data, length);

  doc->header = g_ptr_array_new_with_free_func (g_free);
  doc->zones = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  doc->comps = g_ptr_array_new_with_free_func ((GDestroyNotify)component_free);

  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);

      if (line_is (line, "BEGIN:VCALENDAR"))
        doc->calendar = TRUE;
      else if (line_is (line, "END:VCALENDAR"))
        continue;
      else if (line_is (line, "BEGIN:VTIMEZONE"))
        g_ptr_array_add (doc->zones, read_block (lines, &i));
      else if (is_component_begin (line))
        g_ptr_array_add (doc->comps, read_component (lines, &i));
      else if (g_ascii_strncasecmp (line, "BEGIN:", 6) == 0)
        g_ptr_array_unref (read_block (lines, &i));    /* unknown top-level block: dropped */
      else
        g_ptr_array_add (doc->header, g_strdup (line));
    }

  return doc;
}

static Doc *
doc_parse_or_null (const char *data)
{
  return data ? doc_parse (data, strlen (data)) : NULL;
}

static Component *
doc_find (Doc        *doc,
          const char *id)
{
  if (doc == NULL)
    return NULL;
  for (guint i = 0; i < doc->comps->len; i++)
    {
      Component *comp = g_ptr_array_index (doc->comps, i);

      if (g_str_equal (comp->id, id))
        return comp;
    }
  return NULL;
}

/* ---- Writing ------------------------------------------------------------------------ */

static void
append_folded (GString    *out,
               const char *line)
{
  gsize len = strlen (line);
  gsize pos = 0;
  gsize limit = FOLD_OCTETS;

  while (len - pos > limit)
    {
      gsize cut = pos + limit;

      /* Never split a UTF-8 sequence. */
      while (cut > pos && ((guchar)line[cut] & 0xC0) == 0x80)
        cut--;
      /* Not UTF-8 (a whole line's worth of continuation bytes): cut where the limit is,
       * or this loop would never move on (fuzz-sync-content). */
      if (cut == pos)
        cut = pos + limit;
      g_string_append_len (out, line + pos, cut - pos);
      g_string_append (out, "\r\n ");
      pos = cut;
      limit = FOLD_OCTETS - 1;
    }
  g_string_append (out, line + pos);
  g_string_append (out, "\r\n");
}

static void
append_lines (GString   *out,
              GPtrArray *lines)
{
  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);

      if (line[0] != '\x01')
        append_folded (out, line);
    }
}

static gboolean
key_is_in (const char         *key,
           const char * const *list)
{
  return g_strv_contains (list, key);
}

/* One comparable string for a property's lines (NULL when absent). */
static char *
prop_value (Component  *comp,
            const char *key)
{
  Prop *prop = comp ? g_hash_table_lookup (comp->by_key, key) : NULL;
  GString *value;

  if (prop == NULL)
    return NULL;
  value = g_string_new (NULL);
  for (guint i = 0; i < prop->lines->len; i++)
    {
      const char *line = g_ptr_array_index (prop->lines, i);

      /* An alarm's text follows the title it reminds of: a renamed session does not
       * make another client's alarm (same trigger) Bimbing's. */
      if (prop->key[0] == 'V' && g_str_has_prefix (prop->key, "VALARM") &&
          g_ascii_strncasecmp (line, "DESCRIPTION", 11) == 0 && strchr (";:", line[11]) != NULL)
        continue;
      g_string_append (value, line);
      g_string_append_c (value, '\n');
    }
  return g_string_free (value, FALSE);
}

/* A component without the ignored properties, for comparisons and hashes. */
static char *
component_normal (Component *comp)
{
  GString *out = g_string_new (comp->id);

  g_string_append_c (out, '\n');
  for (guint i = 0; i < comp->props->len; i++)
    {
      Prop *prop = g_ptr_array_index (comp->props, i);

      if (key_is_in (prop->key, ignored_keys))
        continue;
      for (guint j = 0; j < prop->lines->len; j++)
        {
          g_string_append (out, g_ptr_array_index (prop->lines, j));
          g_string_append_c (out, '\n');
        }
    }
  return g_string_free (out, FALSE);
}

static void
append_component (GString   *out,
                  Component *comp)
{
  g_string_append_printf (out, "BEGIN:%s\r\n", comp->type);
  for (guint i = 0; i < comp->props->len; i++)
    append_lines (out, ((Prop *)g_ptr_array_index (comp->props, i))->lines);
  g_string_append_printf (out, "END:%s\r\n", comp->type);
}

/* ---- Public: hash, UID ---------------------------------------------------------------- */

char *
bmb_sync_content_hash (const char *data,
                       gsize       length)
{
  g_autoptr(Doc) doc = doc_parse (data, length);
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  for (guint i = 0; i < doc->comps->len; i++)
    {
      g_autofree char *normal = component_normal (g_ptr_array_index (doc->comps, i));

      g_checksum_update (sum, (const guchar *)normal, -1);
    }
  return g_strdup (g_checksum_get_string (sum));
}

char *
bmb_sync_content_dup_value (const char *data,
                            gsize       length,
                            const char *name)
{
  g_autoptr(Doc) doc = doc_parse (data, length);
  Component *comp;
  Prop *prop;
  const char *line;
  const char *colon;

  if (doc->comps->len == 0)
    return NULL;
  comp = g_ptr_array_index (doc->comps, 0);
  if ((prop = g_hash_table_lookup (comp->by_key, name)) == NULL || prop->lines->len == 0)
    return NULL;
  line = g_ptr_array_index (prop->lines, 0);
  colon = strchr (line, ':');
  /* a colon inside a quoted parameter is rare enough in UID and friends */
  return colon ? g_strdup (colon + 1) : NULL;
}

gboolean
bmb_sync_content_has_property (const char *data,
                               gsize       length,
                               const char *name)
{
  g_autoptr(Doc) doc = doc_parse (data, length);

  return doc->comps->len > 0 &&
         g_hash_table_contains (((Component *)g_ptr_array_index (doc->comps, 0))->by_key, name);
}

char *
bmb_sync_content_dup_uid (const char *data,
                          gsize       length)
{
  return bmb_sync_content_dup_value (data, length, "UID");
}

const char *
bmb_sync_content_get_type (const char *data,
                           gsize       length)
{
  g_autoptr(Doc) doc = doc_parse (data, length);

  if (doc->comps->len == 0)
    return NULL;
  return g_intern_string (((Component *)g_ptr_array_index (doc->comps, 0))->type);
}

/* ---- Public: merge -------------------------------------------------------------------- */

static void
add_conflict (GPtrArray  *conflicts,
              Component  *comp,
              const char *key,
              gboolean    server_won)
{
  BmbSyncConflict *conflict;

  if (conflicts == NULL)
    return;
  conflict = g_new0 (BmbSyncConflict, 1);
  conflict->component = g_strdup (comp->id);
  conflict->property = g_strdup (key);
  conflict->server_won = server_won;
  g_ptr_array_add (conflicts, conflict);
}

static Component *
merge_component (Component *sb,
                 Component *sn,
                 Component *lb,
                 Component *ln,
                 GPtrArray *conflicts)
{
  Component *out = component_new (sn->type);
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  out->id = g_strdup (sn->id);
  out->override = sn->override;

  for (guint i = 0; i < sn->props->len; i++)
    {
      Prop *prop = g_ptr_array_index (sn->props, i);

      if (g_hash_table_add (seen, prop->key))
        g_ptr_array_add (keys, prop->key);
    }
  for (guint i = 0; i < ln->props->len; i++)
    {
      Prop *prop = g_ptr_array_index (ln->props, i);

      if (g_hash_table_add (seen, prop->key))
        g_ptr_array_add (keys, prop->key);
    }

  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = g_ptr_array_index (keys, i);
      g_autofree char *vsb = prop_value (sb, key);
      g_autofree char *vsn = prop_value (sn, key);
      g_autofree char *vlb = prop_value (lb, key);
      g_autofree char *vln = prop_value (ln, key);
      Component *from;
      Prop *chosen;

      if (key_is_in (key, ignored_keys))
        from = vsn ? sn : ln;
      else if (g_strcmp0 (vln, vlb) == 0)
        from = sn;
      else if (g_strcmp0 (vsn, vsb) == 0 || g_strcmp0 (vsn, vln) == 0)
        from = ln;
      else
        {
          gboolean server_wins = key_is_in (key, scheduling_keys);

          from = server_wins ? sn : ln;
          add_conflict (conflicts, sn, key, server_wins);
        }

      if ((chosen = g_hash_table_lookup (from->by_key, key)) != NULL)
        {
          Prop *copy = component_prop (out, key);

          for (guint j = 0; j < chosen->lines->len; j++)
            g_ptr_array_add (copy->lines, g_strdup (g_ptr_array_index (chosen->lines, j)));
        }
    }

  return out;
}

static gboolean
component_equal (Component *a,
                 Component *b)
{
  g_autofree char *na = NULL;
  g_autofree char *nb = NULL;

  if (a == NULL || b == NULL)
    return a == b;
  na = component_normal (a);
  nb = component_normal (b);
  return g_str_equal (na, nb);
}

static Component *
component_copy (Component *comp)
{
  Component *out = component_new (comp->type);

  out->id = g_strdup (comp->id);
  out->override = comp->override;
  for (guint i = 0; i < comp->props->len; i++)
    {
      Prop *prop = g_ptr_array_index (comp->props, i);
      Prop *copy = component_prop (out, prop->key);

      for (guint j = 0; j < prop->lines->len; j++)
        g_ptr_array_add (copy->lines, g_strdup (g_ptr_array_index (prop->lines, j)));
    }
  return out;
}

static const char *
zone_tzid (GPtrArray *zone)
{
  for (guint i = 0; i < zone->len; i++)
    {
      const char *line = g_ptr_array_index (zone, i);

      if (g_ascii_strncasecmp (line, "TZID", 4) == 0 && strchr (line, ':') != NULL)
        return strchr (line, ':') + 1;
    }
  return "";
}

static void
append_zones (GString   *out,
              Doc       *first,
              Doc       *second)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  Doc *docs[2] = { first, second };

  for (guint d = 0; d < 2; d++)
    {
      if (docs[d] == NULL)
        continue;
      for (guint i = 0; i < docs[d]->zones->len; i++)
        {
          GPtrArray *zone = g_ptr_array_index (docs[d]->zones, i);

          if (g_hash_table_add (seen, (gpointer)zone_tzid (zone)))
            append_lines (out, zone);
        }
    }
}

char *
bmb_sync_content_merge (const char *server_base,
                        const char *server_now,
                        const char *local_base,
                        const char *local_now,
                        GPtrArray  *conflicts)
{
  g_autoptr(Doc) sb = doc_parse_or_null (server_base);
  g_autoptr(Doc) sn = doc_parse_or_null (server_now);
  g_autoptr(Doc) lb = doc_parse_or_null (local_base);
  g_autoptr(Doc) ln = doc_parse_or_null (local_now);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) merged = g_ptr_array_new_with_free_func ((GDestroyNotify)component_free);
  Doc *shape;
  GString *out;

  g_return_val_if_fail (local_now != NULL, NULL);

  if (sn == NULL)
    return g_strdup (local_now);

  for (guint i = 0; i < sn->comps->len; i++)
    {
      Component *comp = g_ptr_array_index (sn->comps, i);

      if (g_hash_table_add (seen, comp->id))
        g_ptr_array_add (ids, comp->id);
    }
  for (guint i = 0; i < ln->comps->len; i++)
    {
      Component *comp = g_ptr_array_index (ln->comps, i);

      if (g_hash_table_add (seen, comp->id))
        g_ptr_array_add (ids, comp->id);
    }

  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      Component *csb = doc_find (sb, id);
      Component *csn = doc_find (sn, id);
      Component *clb = doc_find (lb, id);
      Component *cln = doc_find (ln, id);

      if (csn != NULL && cln != NULL)
        {
          g_ptr_array_add (merged, merge_component (csb, csn, clb, cln, conflicts));
        }
      else if (csn != NULL)
        {
          /* Bimbing dropped it (an override reverted) or never had it (another client's). */
          if (clb == NULL || !component_equal (csn, csb))
            {
              if (clb != NULL)
                add_conflict (conflicts, csn, "", TRUE);
              g_ptr_array_add (merged, component_copy (csn));
            }
        }
      else
        {
          /* Bimbing added it, or the server dropped what Bimbing still has. */
          if (csb == NULL)
            g_ptr_array_add (merged, component_copy (cln));
          else if (!component_equal (cln, clb))
            {
              gboolean server_wins = cln->override;

              add_conflict (conflicts, cln, "", server_wins);
              if (!server_wins)
                g_ptr_array_add (merged, component_copy (cln));
            }
        }
    }

  out = g_string_new (NULL);
  shape = sn;
  if (shape->calendar)
    {
      g_string_append (out, "BEGIN:VCALENDAR\r\n");
      for (guint i = 0; i < shape->header->len; i++)
        append_folded (out, g_ptr_array_index (shape->header, i));
      append_zones (out, sn, ln);
    }
  for (guint i = 0; i < merged->len; i++)
    append_component (out, g_ptr_array_index (merged, i));
  if (shape->calendar)
    g_string_append (out, "END:VCALENDAR\r\n");

  return g_string_free (out, FALSE);
}
