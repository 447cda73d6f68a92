/* bmb-contact-store-search.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The contact list for 100,000 contacts: ids in display order (search,
 * filter, tag, sort), then lightweight summaries for one page at a time.
 *
 * Search goes through contacts_fts (unicode61, diacritics removed). User
 * text never becomes FTS5 syntax: every word is folded, quoted as an FTS5
 * string ("" for a quote inside) and made a prefix term, and the whole
 * expression is a bound parameter.
 */

#define G_LOG_DOMAIN "bmb-contact-store"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-contact-private.h"
#include "bmb-contact-store-private.h"

G_DEFINE_ENUM_TYPE (BmbContactSort, bmb_contact_sort,
                    G_DEFINE_ENUM_VALUE (BMB_CONTACT_SORT_NAME, "name"),
                    G_DEFINE_ENUM_VALUE (BMB_CONTACT_SORT_LAST_CONTACT, "last-contact"),
                    G_DEFINE_ENUM_VALUE (BMB_CONTACT_SORT_NEXT_FOLLOW_UP, "next-follow-up"),
                    G_DEFINE_ENUM_VALUE (BMB_CONTACT_SORT_RELEVANCE, "relevance"))

G_DEFINE_ENUM_TYPE (BmbContactFilter, bmb_contact_filter,
                    G_DEFINE_ENUM_VALUE (BMB_CONTACT_FILTER_ALL, "all"),
                    G_DEFINE_ENUM_VALUE (BMB_CONTACT_FILTER_NEEDS_FOLLOW_UP, "needs-follow-up"))

G_DEFINE_BOXED_TYPE (BmbContactSummary, bmb_contact_summary,
                     bmb_contact_summary_ref, bmb_contact_summary_unref)

/* bm25 weights of contacts_fts columns: name, organization, role, emails,
 * tags, notes, met. A name match outranks everything else. */
#define RANK_EXPR "bm25 (contacts_fts, 10.0, 4.0, 3.0, 3.0, 2.0, 1.0, 1.0)"

/* ---- BmbContactSummary --------------------------------------------------- */

BmbContactSummary *
bmb_contact_summary_ref (BmbContactSummary *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
bmb_contact_summary_unref (BmbContactSummary *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_free (self->display_name);
      g_free (self->organization);
      g_free (self->role);
      g_free (self->initials);
      g_free (self->next_follow_up_on);
      g_free (self);
    }
}

static void
summary_unref0 (gpointer data)
{
  if (data != NULL)
    bmb_contact_summary_unref (data);
}

/* ---- helpers ------------------------------------------------------------- */

static gboolean
has_alnum (const char *word)
{
  for (const char *p = word; *p; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;

  return FALSE;
}

/* An FTS5 expression of prefix terms, one per word ("siti r" →
 * `"siti"* "r"*`), or NULL when the text has no searchable word. */
static char *
build_match_expression (const char *search_text)
{
  g_autofree char *folded = NULL;
  g_auto(GStrv) words = NULL;
  g_autoptr(GString) match = NULL;

  if (search_text == NULL)
    return NULL;

  folded = bmb_text_fold (search_text);
  words = g_strsplit_set (folded, " \t\r\n", -1);
  match = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (!has_alnum (words[i]))
        continue;

      if (match->len > 0)
        g_string_append_c (match, ' ');
      g_string_append_c (match, '"');
      for (const char *p = words[i]; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (match, '"');
          g_string_append_c (match, *p);
        }
      g_string_append (match, "\"*");
    }

  if (match->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&match), FALSE);
}

/* ORDER BY for one part of a query. Sorting by a date runs as two parts,
 * rows with the date first (its index gives the order, only ties are sorted
 * by name) and rows without it after (in name order), because an
 * "x IS NULL" sort term would make SQLite sort every row. */
static const char *
order_clause (BmbContactSort sort,
              gboolean       searching,
              gboolean       null_part)
{
  if (null_part)
    return " ORDER BY c.sort_key, c.id";

  switch (sort)
    {
    case BMB_CONTACT_SORT_LAST_CONTACT:
      return " ORDER BY c.last_contact_on DESC, c.sort_key, c.id";
    case BMB_CONTACT_SORT_NEXT_FOLLOW_UP:
      return " ORDER BY c.next_follow_up_on, c.sort_key, c.id";
    case BMB_CONTACT_SORT_RELEVANCE:
      if (searching)
        return " ORDER BY " RANK_EXPR ", c.sort_key, c.id";
      return " ORDER BY c.sort_key, c.id";
    case BMB_CONTACT_SORT_NAME:
    default:
      return " ORDER BY c.sort_key, c.id";
    }
}

static const char *
date_column (BmbContactSort sort)
{
  switch (sort)
    {
    case BMB_CONTACT_SORT_LAST_CONTACT:
      return "c.last_contact_on";
    case BMB_CONTACT_SORT_NEXT_FOLLOW_UP:
      return "c.next_follow_up_on";
    case BMB_CONTACT_SORT_NAME:
    case BMB_CONTACT_SORT_RELEVANCE:
    default:
      return NULL;
    }
}

/* Bind a named parameter if the statement has it. */
static void
bind_named_text (sqlite3_stmt *stmt,
                 const char   *name,
                 const char   *value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
}

static gboolean
run_ids_query (BmbContactStore   *self,
               const char        *sql,
               const char        *match,
               const char        *today,
               const char        *tag,
               GArray            *ids,
               GError           **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = bmb_database_prepare (self->db, sql, error)))
    return FALSE;

  bind_named_text (stmt, ":match", match);
  bind_named_text (stmt, ":today", today);
  bind_named_text (stmt, ":tag", tag);

  while ((rc = bmb_database_step (self->db, stmt, error)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  return rc >= 0;
}

/* ---- public API ---------------------------------------------------------- */

GArray *
bmb_contact_store_query_ids (BmbContactStore   *self,
                             const char        *search_text,
                             BmbContactSort     sort,
                             BmbContactFilter   filter,
                             const char        *tag,
                             GError           **error)
{
  g_autofree char *match = NULL;
  g_autofree char *today = NULL;
  g_autofree char *tag_trimmed = NULL;
  g_autoptr(GArray) ids = NULL;
  const char *split_column;
  sqlite3 *handle;
  gboolean own_transaction;
  gboolean ok = TRUE;
  guint n_parts;

  g_return_val_if_fail (BMB_IS_CONTACT_STORE (self), NULL);

  match = build_match_expression (search_text);
  if (tag != NULL && *(tag_trimmed = g_strstrip (g_strdup (tag))) == '\0')
    g_clear_pointer (&tag_trimmed, g_free);
  if (filter == BMB_CONTACT_FILTER_NEEDS_FOLLOW_UP)
    today = _bmb_contact_store_dup_today (self);

  /* Without search text, a date sort runs in two parts (see order_clause);
   * a search result is small enough to sort whole. No follow-up date never
   * needs a follow-up, so that filter needs no second part. */
  split_column = match == NULL ? date_column (sort) : NULL;
  n_parts = split_column == NULL ? 1 : 2;
  if (split_column != NULL && filter == BMB_CONTACT_FILTER_NEEDS_FOLLOW_UP &&
      sort == BMB_CONTACT_SORT_NEXT_FOLLOW_UP)
    n_parts = 1;

  /* Both parts read one snapshot. */
  handle = bmb_database_get_handle (self->db);
  own_transaction = n_parts > 1 && sqlite3_get_autocommit (handle);
  if (own_transaction && !bmb_database_exec (self->db, "BEGIN DEFERRED", error))
    return NULL;

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint part = 0; ok && part < n_parts; part++)
    {
      g_autoptr(GString) sql = NULL;

      /* Only fixed fragments are put together here; every value is bound.
       * The database caches one statement per combination. CROSS JOIN keeps
       * the full-text match as the outer loop. */
      sql = g_string_new ("SELECT c.id FROM ");
      if (match != NULL)
        g_string_append (sql, "contacts_fts CROSS JOIN contacts c "
                              "ON c.id = contacts_fts.rowid WHERE contacts_fts MATCH :match");
      else
        g_string_append (sql, "contacts c WHERE 1");

      if (split_column != NULL)
        g_string_append_printf (sql, " AND %s IS %s", split_column,
                                part == 0 ? "NOT NULL" : "NULL");
      if (filter == BMB_CONTACT_FILTER_NEEDS_FOLLOW_UP)
        g_string_append (sql, " AND c.next_follow_up_on <= :today");
      if (tag_trimmed != NULL)
        g_string_append (sql, " AND c.id IN "
                              "(SELECT contact_id FROM contact_tags WHERE tag = :tag)");

      g_string_append (sql, order_clause (sort, match != NULL, part == 1));

      ok = run_ids_query (self, sql->str, match, today, tag_trimmed, ids, error);
    }

  if (own_transaction && !bmb_database_exec (self->db, ok ? "COMMIT" : "ROLLBACK",
                                             ok ? error : NULL))
    ok = FALSE;

  if (!ok)
    {
      g_prefix_error (error, _("Could not search the contacts for “%s”: "),
                      search_text ? search_text : "");
      return NULL;
    }

  return g_steal_pointer (&ids);
}

GPtrArray *
bmb_contact_store_load_summaries (BmbContactStore  *self,
                                  const gint64     *ids,
                                  guint             n,
                                  GError          **error)
{
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GString) id_list = NULL;
  g_autofree char *today = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BMB_IS_CONTACT_STORE (self), NULL);
  g_return_val_if_fail (ids != NULL || n == 0, NULL);

  summaries = g_ptr_array_new_full (n, summary_unref0);
  g_ptr_array_set_size (summaries, n);
  if (n == 0)
    return g_steal_pointer (&summaries);

  /* One statement (one read transaction) for the whole page: the ids go in
   * as a bound JSON array, and j.key is the position in @ids. */
  id_list = g_string_sized_new (n * 8);
  g_string_append_c (id_list, '[');
  for (guint i = 0; i < n; i++)
    g_string_append_printf (id_list, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", ids[i]);
  g_string_append_c (id_list, ']');

  if (!(stmt = bmb_database_prepare (self->db,
                                     "SELECT j.key, c.id, c.display_name, c.organization, "
                                     "c.role, c.given_name, c.family_name, c.next_follow_up_on "
                                     "FROM json_each (?1) AS j "
                                     "CROSS JOIN contacts c ON c.id = j.value",
                                     error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, id_list->str, (int)id_list->len, SQLITE_TRANSIENT);

  today = _bmb_contact_store_dup_today (self);

  while ((rc = bmb_database_step (self->db, stmt, error)) == SQLITE_ROW)
    {
      gint64 position = sqlite3_column_int64 (stmt, 0);
      BmbContactSummary *summary;

      if (position < 0 || position >= n || g_ptr_array_index (summaries, position) != NULL)
        continue;

      summary = g_new0 (BmbContactSummary, 1);
      g_atomic_ref_count_init (&summary->ref_count);
      summary->id = sqlite3_column_int64 (stmt, 1);
      summary->display_name = bmb_stmt_dup_text (stmt, 2);
      summary->organization = bmb_stmt_dup_text (stmt, 3);
      summary->role = bmb_stmt_dup_text (stmt, 4);
      summary->initials = _bmb_contact_initials ((const char *)sqlite3_column_text (stmt, 5),
                                                 (const char *)sqlite3_column_text (stmt, 6),
                                                 summary->display_name);
      summary->next_follow_up_on = bmb_stmt_dup_text (stmt, 7);
      summary->needs_follow_up = summary->next_follow_up_on != NULL &&
                                 strcmp (summary->next_follow_up_on, today) <= 0;

      g_ptr_array_index (summaries, position) = summary;
    }
  sqlite3_reset (stmt);

  if (rc < 0)
    return NULL;

  return g_steal_pointer (&summaries);
}
