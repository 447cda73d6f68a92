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
 * expression is a bound parameter. As for sessions (bmb-search-query.h): at
 * most BMB_LIMIT_SEARCH_WORDS words, and text with no letter or digit
 * (punctuation, emoji) matches no contact; only blank text lists them all.
 */

#define G_LOG_DOMAIN "bmb-contact-store"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-contact-private.h"
#include "bmb-contact-store-private.h"
#include "bmb-search-query.h"

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

/* An FTS5 expression of prefix terms (see bmb-search-query.h), or NULL when
 * the text has no searchable word. */
static char *
build_match_expression (const char *search_text)
{
  g_autofree char *folded = NULL;

  if (search_text == NULL)
    return NULL;

  folded = bmb_text_fold (search_text);
  return bmb_search_query_to_fts (folded);
}

/* How each sort orders rows, the same on every path below:
 *   name:           sort_key, id
 *   last contact:   last_contact_on DESC, id DESC; never contacted last, by name
 *   next follow-up: next_follow_up_on, id; without one last, by name
 *   relevance:      bm25 (name weighs most), then by name
 * Date ties go by id rather than name so that, without search text, the
 * dated part is read straight from its index (contacts_last_contact,
 * contacts_next_follow_up) instead of sorting 100,000 rows. */
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

/* ORDER BY for the dated part of a split query. */
static const char *
dated_order (BmbContactSort sort)
{
  return sort == BMB_CONTACT_SORT_LAST_CONTACT ? " ORDER BY c.last_contact_on DESC, c.id DESC"
                                               : " ORDER BY c.next_follow_up_on, c.id";
}

/* ORDER BY for a search result, sorted whole. */
static const char *
search_order (BmbContactSort sort)
{
  switch (sort)
    {
    case BMB_CONTACT_SORT_LAST_CONTACT:
      return " ORDER BY c.last_contact_on IS NULL, c.last_contact_on DESC,"
             " CASE WHEN c.last_contact_on IS NULL THEN c.sort_key END,"
             " CASE WHEN c.last_contact_on IS NULL THEN c.id ELSE -c.id END";
    case BMB_CONTACT_SORT_NEXT_FOLLOW_UP:
      return " ORDER BY c.next_follow_up_on IS NULL, c.next_follow_up_on,"
             " CASE WHEN c.next_follow_up_on IS NULL THEN c.sort_key END, c.id";
    case BMB_CONTACT_SORT_RELEVANCE:
      return " ORDER BY " RANK_EXPR ", c.sort_key, c.id";
    case BMB_CONTACT_SORT_NAME:
    default:
      return " ORDER BY c.sort_key, c.id";
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

/* ---- the name-order cache ---------------------------------------------- */

/* All ids in name order, kept between queries while nothing changed: this
 * connection's total_changes() and PRAGMA data_version (commits by other
 * connections, such as an import worker) both stay the same. Only used
 * outside a caller's transaction, so it never holds uncommitted rows. */
static gboolean
ensure_name_order (BmbContactStore  *self,
                   GError          **error)
{
  sqlite3 *handle = bmb_database_get_handle (self->db);
  sqlite3_stmt *stmt;
  gint64 changes = sqlite3_total_changes (handle);
  gint64 version = -1;
  int rc;

  if (!(stmt = bmb_database_prepare (self->db, "PRAGMA data_version", error)))
    return FALSE;
  if ((rc = bmb_database_step (self->db, stmt, error)) < 0)
    return FALSE;
  if (rc == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (self->name_order != NULL && self->name_order_changes == changes &&
      self->name_order_version == version)
    return TRUE;

  g_clear_pointer (&self->name_order, g_array_unref);
  self->name_order = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (!run_ids_query (self, "SELECT c.id FROM contacts c ORDER BY c.sort_key, c.id",
                      NULL, NULL, NULL, self->name_order, error))
    {
      g_clear_pointer (&self->name_order, g_array_unref);
      return FALSE;
    }

  self->name_order_max_id = 0;
  for (guint i = 0; i < self->name_order->len; i++)
    self->name_order_max_id = MAX (self->name_order_max_id,
                                   g_array_index (self->name_order, gint64, i));

  /* Position of each id in the name order, for ties in relevance. */
  g_clear_pointer (&self->name_position, g_free);
  self->name_position = g_new0 (guint32, self->name_order_max_id + 1);
  for (guint i = 0; i < self->name_order->len; i++)
    {
      gint64 id = g_array_index (self->name_order, gint64, i);

      if (id > 0)
        self->name_position[id] = i;
    }
  self->name_order_changes = changes;
  self->name_order_version = version;

  return TRUE;
}

/* A set of ids as a bitmap over 1…max_id (ids are dense row ids). */
typedef struct
{
  guint8 *bits;
  gint64  max_id;
} IdSet;

static void
id_set_init (IdSet  *set,
             gint64  max_id)
{
  set->max_id = MAX (max_id, 0);
  set->bits = g_malloc0 (set->max_id / 8 + 1);
}

static void
id_set_clear (IdSet *set)
{
  g_clear_pointer (&set->bits, g_free);
}

static void
id_set_add (IdSet  *set,
            gint64  id)
{
  if (id > 0 && id <= set->max_id)
    set->bits[id / 8] |= 1 << (id % 8);
}

static gboolean
id_set_contains (const IdSet *set,
                 gint64       id)
{
  return id > 0 && id <= set->max_id && (set->bits[id / 8] & (1 << (id % 8))) != 0;
}

/* Appends to @ids the cached name order, keeping only ids in @set (or only
 * those not in it, with @invert). */
static void
append_name_order_filtered (BmbContactStore *self,
                            const IdSet     *set,
                            gboolean         invert,
                            GArray          *ids)
{
  for (guint i = 0; i < self->name_order->len; i++)
    {
      gint64 id = g_array_index (self->name_order, gint64, i);

      if (id_set_contains (set, id) != invert)
        g_array_append_val (ids, id);
    }
}

static gboolean
ids_to_set (BmbContactStore  *self,
            const char       *sql,
            const char       *match,
            const char       *today,
            const char       *tag,
            GArray           *ids,
            IdSet            *set,
            GError          **error)
{
  if (!run_ids_query (self, sql, match, today, tag, ids, error))
    return FALSE;

  id_set_init (set, self->name_order_max_id);
  for (guint i = 0; i < ids->len; i++)
    id_set_add (set, g_array_index (ids, gint64, i));

  return TRUE;
}

static void
id_set_intersect (IdSet       *set,
                  const IdSet *other)
{
  g_assert (set->max_id == other->max_id);

  for (gint64 i = 0; i <= set->max_id / 8; i++)
    set->bits[i] &= other->bits[i];
}

/* ---- query paths ----------------------------------------------------------- */

typedef struct
{
  gint64  id;
  double  rank;
  guint32 position;
} RankedHit;

static int
compare_ranked_hits (gconstpointer a,
                     gconstpointer b)
{
  const RankedHit *x = a;
  const RankedHit *y = b;

  if (x->rank != y->rank)
    return x->rank < y->rank ? -1 : 1;

  return x->position < y->position ? -1 : x->position > y->position ? 1 : 0;
}

/* By relevance, unfiltered: bm25 from the full-text index alone, ties broken
 * by the cached name order, so no contact row is read. */
static gboolean
query_relevance_cached (BmbContactStore  *self,
                        const char       *match,
                        GArray           *ids,
                        GError          **error)
{
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (RankedHit));
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = bmb_database_prepare (self->db,
                                     "SELECT rowid, " RANK_EXPR " FROM contacts_fts "
                                     "WHERE contacts_fts MATCH :match",
                                     error)))
    return FALSE;
  bind_named_text (stmt, ":match", match);

  while ((rc = bmb_database_step (self->db, stmt, error)) == SQLITE_ROW)
    {
      RankedHit hit;

      hit.id = sqlite3_column_int64 (stmt, 0);
      hit.rank = sqlite3_column_double (stmt, 1);
      if (hit.id <= 0 || hit.id > self->name_order_max_id)
        continue;   /* not in the name order: cannot happen in one snapshot */
      hit.position = self->name_position[hit.id];
      g_array_append_val (hits, hit);
    }
  sqlite3_reset (stmt);
  if (rc < 0)
    return FALSE;

  g_array_sort (hits, compare_ranked_hits);
  for (guint i = 0; i < hits->len; i++)
    g_array_append_val (ids, g_array_index (hits, RankedHit, i).id);

  return TRUE;
}

/* Fixed SQL fragments only; every value is bound. The database caches one
 * statement per combination. */
static void
append_filters (GString          *sql,
                BmbContactFilter  filter,
                gboolean          has_tag)
{
  if (filter == BMB_CONTACT_FILTER_NEEDS_FOLLOW_UP)
    g_string_append (sql, " AND c.next_follow_up_on <= :today");
  if (has_tag)
    g_string_append (sql, " AND c.id IN (SELECT contact_id FROM contact_tags WHERE tag = :tag)");
}

/* Name order from the cache: each condition (search, due, tag) gives a set
 * of ids from an index alone, and the cached order keeps those in all sets.
 * No contact row is read and nothing is sorted. */
static gboolean
query_by_name_cached (BmbContactStore   *self,
                      const char        *match,
                      BmbContactFilter   filter,
                      const char        *today,
                      const char        *tag,
                      GArray            *ids,
                      GError           **error)
{
  const char *conditions[3];
  guint n_conditions = 0;
  IdSet result = { NULL, 0 };
  gboolean ok = TRUE;

  if (match != NULL)
    conditions[n_conditions++] = "SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH :match";
  if (filter == BMB_CONTACT_FILTER_NEEDS_FOLLOW_UP)
    conditions[n_conditions++] = "SELECT id FROM contacts WHERE next_follow_up_on <= :today";
  if (tag != NULL)
    conditions[n_conditions++] = "SELECT contact_id FROM contact_tags WHERE tag = :tag";

  if (n_conditions == 0)
    {
      g_array_append_vals (ids, self->name_order->data, self->name_order->len);
      return TRUE;
    }

  for (guint i = 0; ok && i < n_conditions; i++)
    {
      g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (gint64));
      IdSet set;

      if (!(ok = ids_to_set (self, conditions[i], match, today, tag, hits, &set, error)))
        break;

      if (result.bits == NULL)
        {
          result = set;
        }
      else
        {
          id_set_intersect (&result, &set);
          id_set_clear (&set);
        }
    }

  if (ok)
    append_name_order_filtered (self, &result, FALSE, ids);
  id_set_clear (&result);

  return ok;
}

static gboolean
query_search (BmbContactStore   *self,
              const char        *match,
              BmbContactSort     sort,
              BmbContactFilter   filter,
              const char        *today,
              const char        *tag,
              gboolean           use_cache,
              GArray            *ids,
              GError           **error)
{
  g_autoptr(GString) sql = NULL;

  if (use_cache && sort == BMB_CONTACT_SORT_NAME)
    return query_by_name_cached (self, match, filter, today, tag, ids, error);

  if (use_cache && sort == BMB_CONTACT_SORT_RELEVANCE && filter == BMB_CONTACT_FILTER_ALL &&
      tag == NULL)
    return query_relevance_cached (self, match, ids, error);

  /* CROSS JOIN keeps the full-text match as the outer loop. */
  sql = g_string_new ("SELECT c.id FROM contacts_fts CROSS JOIN contacts c "
                      "ON c.id = contacts_fts.rowid WHERE contacts_fts MATCH :match");
  append_filters (sql, filter, tag != NULL);
  g_string_append (sql, search_order (sort));

  return run_ids_query (self, sql->str, match, today, tag, ids, error);
}

static gboolean
query_by_name (BmbContactStore   *self,
               BmbContactFilter   filter,
               const char        *today,
               const char        *tag,
               gboolean           use_cache,
               GArray            *ids,
               GError           **error)
{
  g_autoptr(GString) sql = NULL;

  if (use_cache)
    return query_by_name_cached (self, NULL, filter, today, tag, ids, error);

  sql = g_string_new ("SELECT c.id FROM contacts c WHERE 1");
  append_filters (sql, filter, tag != NULL);
  g_string_append (sql, " ORDER BY c.sort_key, c.id");

  return run_ids_query (self, sql->str, NULL, today, tag, ids, error);
}

/* Rows with the date first, straight from its index; rows without it after,
 * in name order. */
static gboolean
query_by_date (BmbContactStore   *self,
               BmbContactSort     sort,
               BmbContactFilter   filter,
               const char        *today,
               const char        *tag,
               gboolean           use_cache,
               GArray            *ids,
               GError           **error)
{
  const char *column = date_column (sort);
  g_autoptr(GString) dated = g_string_new ("SELECT c.id FROM contacts c WHERE ");
  g_autoptr(GString) undated = NULL;

  g_string_append_printf (dated, "%s IS NOT NULL", column);
  append_filters (dated, filter, tag != NULL);
  g_string_append (dated, dated_order (sort));

  if (use_cache && filter == BMB_CONTACT_FILTER_ALL && tag == NULL)
    {
      IdSet set;

      if (!ids_to_set (self, dated->str, NULL, NULL, NULL, ids, &set, error))
        return FALSE;
      append_name_order_filtered (self, &set, TRUE, ids);
      id_set_clear (&set);

      return TRUE;
    }

  if (!run_ids_query (self, dated->str, NULL, today, tag, ids, error))
    return FALSE;

  /* No follow-up date never needs a follow-up. */
  if (sort == BMB_CONTACT_SORT_NEXT_FOLLOW_UP && filter == BMB_CONTACT_FILTER_NEEDS_FOLLOW_UP)
    return TRUE;

  undated = g_string_new ("SELECT c.id FROM contacts c WHERE ");
  g_string_append_printf (undated, "%s IS NULL", column);
  append_filters (undated, filter, tag != NULL);
  g_string_append (undated, " ORDER BY c.sort_key, c.id");

  return run_ids_query (self, undated->str, NULL, today, tag, ids, error);
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
  g_autofree char *valid_text = NULL;
  g_autofree char *valid_tag = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean own_transaction;
  gboolean use_cache;
  gboolean ok;

  g_return_val_if_fail (BMB_IS_CONTACT_STORE (self), NULL);

  /* GLib's Unicode functions read past the end of invalid UTF-8 (found by fuzz-search:
   * g_utf8_normalize overran a 3-byte string): repair it before anything looks at it. */
  if (search_text != NULL && !g_utf8_validate (search_text, -1, NULL))
    search_text = valid_text = g_utf8_make_valid (search_text, -1);
  if (tag != NULL && !g_utf8_validate (tag, -1, NULL))
    tag = valid_tag = g_utf8_make_valid (tag, -1);

  /* Something typed, but nothing the index can look for. */
  match = build_match_expression (search_text);
  if (match == NULL && !bmb_search_query_is_blank (search_text))
    return g_array_new (FALSE, FALSE, sizeof (gint64));
  if (tag != NULL && *(tag_trimmed = g_strstrip (g_strdup (tag))) == '\0')
    g_clear_pointer (&tag_trimmed, g_free);
  if (filter == BMB_CONTACT_FILTER_NEEDS_FOLLOW_UP)
    today = _bmb_contact_store_dup_today (self);
  if (sort == BMB_CONTACT_SORT_RELEVANCE && match == NULL)
    sort = BMB_CONTACT_SORT_NAME;

  /* Every statement below reads one snapshot. Inside a caller's (write)
   * transaction that is given; the cache is then left alone. */
  own_transaction = sqlite3_get_autocommit (bmb_database_get_handle (self->db));
  if (own_transaction && !bmb_database_exec (self->db, "BEGIN DEFERRED", error))
    return NULL;

  use_cache = own_transaction && ensure_name_order (self, &local_error);
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (local_error != NULL)
    ok = FALSE;
  else if (match != NULL)
    ok = query_search (self, match, sort, filter, today, tag_trimmed, use_cache, ids,
                       &local_error);
  else if (sort == BMB_CONTACT_SORT_NAME)
    ok = query_by_name (self, filter, today, tag_trimmed, use_cache, ids, &local_error);
  else
    ok = query_by_date (self, sort, filter, today, tag_trimmed, use_cache, ids, &local_error);

  if (own_transaction && !bmb_database_exec (self->db, ok ? "COMMIT" : "ROLLBACK",
                                             ok ? &local_error : NULL))
    ok = FALSE;

  if (!ok)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _("Could not search the contacts for “%s”: "),
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
