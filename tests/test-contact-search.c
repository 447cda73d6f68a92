/* test-contact-search.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bmb_contact_store_query_ids() and load_summaries(): full-text search,
 * filters, tags, sort orders.
 */

#include "config.h"

#include <locale.h>

#include <string.h>

#include "bmb-contact-store.h"
#include "bmb-limits.h"
#include "bmb-search-query.h"
#include "bmb-test-utils.h"

typedef struct
{
  BmbDatabase     *db;
  BmbContactStore *store;
  GHashTable      *ids;   /* display name → id */
} Fixture;

typedef struct
{
  const char *display_name;
  const char *given;
  const char *family;
  const char *organization;
  const char *role;
  const char *email;
  const char *notes;
  const char *tags;             /* comma-separated */
  const char *last_contact_on;
  guint       keep_weeks;
} Row;

static const Row rows[] = {
  { NULL, "José", "Ramírez", "Kedutaan Meksiko", "Atase", "jose@embamex.mx", NULL, "diplomat",
    "2025-05-01", 4 },
  { NULL, "Siti", "Rahayu", "Universitas Indonesia", "Dosen", "siti.rahayu@ui.ac.id",
    "Pembimbing skripsi", "mentor,alumni", "2025-06-10", 2 },
  { NULL, "Siti", "Aminah", "Bank Rakyat", "Analis", "aminah@bank.co.id", NULL, "alumni",
    NULL, 0 },
  { NULL, "Budi", "Santoso", "Gojek", "Engineer", "budi@gojek.com",
    "Kenal Siti waktu hackathon", "tech", "2025-01-15", 8 },
  { NULL, "Élodie", "Martin", "Alliance Française", "Direktur", "elodie@af.or.id", NULL,
    "mentor", "2025-06-14", 1 },
  { "Dewi \"Dee\" Lestari", "Dewi", "Lestari", "Penerbit Bentang", "Penulis",
    "dee@bentang.id", NULL, "penulis", "2024-12-01", 0 },
  { NULL, "Fajar", "Nugroho", NULL, NULL, NULL, "AND OR NOT NEAR", NULL, NULL, 0 },
};

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->db = bmb_test_open_tmp_database (NULL);
  f->store = bmb_contact_store_new (f->db);
  f->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  bmb_contact_store_set_today (f->store, "2025-06-15");

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BmbContact) contact = bmb_contact_new ();
      g_auto(GStrv) tags = rows[i].tags ? g_strsplit (rows[i].tags, ",", -1) : NULL;

      bmb_contact_set_display_name (contact, rows[i].display_name);
      bmb_contact_set_given_name (contact, rows[i].given);
      bmb_contact_set_family_name (contact, rows[i].family);
      bmb_contact_set_organization (contact, rows[i].organization);
      bmb_contact_set_role (contact, rows[i].role);
      bmb_contact_set_notes (contact, rows[i].notes);
      if (rows[i].email)
        bmb_contact_add_field (contact, BMB_CONTACT_FIELD_EMAIL, NULL, rows[i].email, TRUE);
      bmb_contact_set_tags (contact, (const char * const *)tags);
      bmb_contact_set_last_contact_on (contact, rows[i].last_contact_on);
      if (rows[i].keep_weeks > 0)
        bmb_contact_set_keep_in_touch (contact, rows[i].keep_weeks, BMB_FOLLOW_UP_UNIT_WEEK);

      g_assert_true (bmb_contact_store_insert (f->store, contact, &error));
      g_assert_no_error (error);
      g_hash_table_insert (f->ids, g_strdup (bmb_contact_get_display_name (contact)),
                           GSIZE_TO_POINTER (bmb_contact_get_id (contact)));
    }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->ids, g_hash_table_unref);
  g_clear_object (&f->store);
  g_clear_object (&f->db);
}

static gint64
id_of (Fixture    *f,
       const char *name)
{
  gpointer id;

  g_assert_true (g_hash_table_lookup_extended (f->ids, name, NULL, &id));

  return GPOINTER_TO_SIZE (id);
}

/* The display names of a query's result, joined with "|". */
static char *
query (Fixture          *f,
       const char       *text,
       BmbContactSort    sort,
       BmbContactFilter  filter,
       const char       *tag)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GString) names = g_string_new (NULL);

  ids = bmb_contact_store_query_ids (f->store, text, sort, filter, tag, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ids);

  summaries = bmb_contact_store_load_summaries (f->store, (const gint64 *)(gpointer)ids->data,
                                                ids->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summaries->len, ==, ids->len);

  for (guint i = 0; i < summaries->len; i++)
    {
      BmbContactSummary *summary = g_ptr_array_index (summaries, i);

      g_assert_nonnull (summary);
      g_assert_cmpint (summary->id, ==, g_array_index (ids, gint64, i));
      if (names->len > 0)
        g_string_append_c (names, '|');
      g_string_append (names, summary->display_name);
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

#define assert_query(f, text, sort, filter, tag, expected)            \
  G_STMT_START {                                                      \
    g_autofree char *__names = query (f, text, sort, filter, tag);    \
    g_assert_cmpstr (__names, ==, expected);                          \
  } G_STMT_END

#define assert_search(f, text, expected) \
  assert_query (f, text, BMB_CONTACT_SORT_NAME, BMB_CONTACT_FILTER_ALL, NULL, expected)

static void
test_prefix (Fixture       *f,
             gconstpointer  data)
{
  assert_search (f, "sit", "Budi Santoso|Siti Aminah|Siti Rahayu");
  /* Every word must match, in any column: "r" finds Aminah's "Bank Rakyat". */
  assert_search (f, "siti r", "Siti Aminah|Siti Rahayu");
  assert_search (f, "siti rah", "Siti Rahayu");
  assert_search (f, "  SITI   rahayu  ", "Siti Rahayu");
  assert_search (f, "s", "Budi Santoso|Siti Aminah|Siti Rahayu");
  assert_search (f, "ra", "José Ramírez|Siti Aminah|Siti Rahayu");
  assert_search (f, "zzz", "");
  /* Organization, role, email, tags. */
  assert_search (f, "gojek", "Budi Santoso");
  assert_search (f, "dosen", "Siti Rahayu");
  assert_search (f, "aminah@bank", "Siti Aminah");
  assert_search (f, "penulis", "Dewi \"Dee\" Lestari");
  assert_search (f, "mentor", "Élodie Martin|Siti Rahayu");
}

static void
test_accents (Fixture       *f,
              gconstpointer  data)
{
  assert_search (f, "jose", "José Ramírez");
  assert_search (f, "José", "José Ramírez");
  assert_search (f, "JOSÉ ramir", "José Ramírez");
  assert_search (f, "elodie", "Élodie Martin");
  assert_search (f, "élo", "Élodie Martin");
  assert_search (f, "francaise", "Élodie Martin");
}

static void
test_hostile_text (Fixture       *f,
                   gconstpointer  data)
{
  /* FTS5 syntax in user text is just text. */
  /* A lone quote has no word to look for: nothing matches (as for sessions). */
  assert_search (f, "\"", "");
  assert_search (f, "dee\"", "Dewi \"Dee\" Lestari");
  assert_search (f, "\"dee", "Dewi \"Dee\" Lestari");
  assert_search (f, "AND", "Fajar Nugroho");
  assert_search (f, "near", "Fajar Nugroho");
  assert_search (f, "NEAR(", "Fajar Nugroho");
  assert_search (f, "siti OR budi", "");
  assert_search (f, "name:siti", "");
  assert_search (f, "* - ^", "");
  assert_search (f, "-siti", "Budi Santoso|Siti Aminah|Siti Rahayu");
  assert_search (f, "siti*", "Budi Santoso|Siti Aminah|Siti Rahayu");
  assert_search (f, "'); DROP TABLE contacts; --", "");
  g_assert_cmpint (bmb_contact_store_count (f->store, NULL), ==, G_N_ELEMENTS (rows));
}

static void
test_no_searchable_word (Fixture       *f,
                         gconstpointer  data)
{
  const char *all = "Budi Santoso|Dewi \"Dee\" Lestari|Élodie Martin|Fajar Nugroho|"
                    "José Ramírez|Siti Aminah|Siti Rahayu";

  /* Punctuation and emoji are not indexed (unicode61): typed alone they
   * match nothing, the same as the session search… */
  assert_search (f, "!!!", "");
  assert_search (f, "...", "");
  assert_search (f, "\xf0\x9f\x91\x8d", "");                       /* 👍 */
  assert_search (f, "\xf0\x9f\x8e\x89 \xe2\x9c\xa8 -- ??", "");     /* 🎉 ✨ */
  assert_query (f, "!!!", BMB_CONTACT_SORT_RELEVANCE, BMB_CONTACT_FILTER_ALL, NULL, "");
  assert_query (f, "!!!", BMB_CONTACT_SORT_LAST_CONTACT, BMB_CONTACT_FILTER_NEEDS_FOLLOW_UP,
                NULL, "");
  /* …next to a word they are ignored… */
  assert_search (f, "siti \xf0\x9f\x91\x8d", "Budi Santoso|Siti Aminah|Siti Rahayu");
  /* …and only blank text means "no search": every contact. */
  assert_search (f, NULL, all);
  assert_search (f, "", all);
  assert_search (f, " \t ", all);
}

/* Invalid UTF-8 (a search string from a script, say) is repaired before GLib's Unicode
 * functions see it: they read past its end (found by fuzz-search, seen with valgrind). A
 * truncated sequence after a word leaves the word. */
static void
test_invalid_utf8 (Fixture       *f,
                   gconstpointer  data)
{
  assert_search (f, "siti\xe2\x82", "Budi Santoso|Siti Aminah|Siti Rahayu");
  assert_search (f, "\xff\xfe", "");
  assert_query (f, NULL, BMB_CONTACT_SORT_LAST_CONTACT, BMB_CONTACT_FILTER_ALL, "tag\xc3", "");
}

static void
test_word_cap (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *names = NULL;
  gint64 begin;

  /* Sixteen words that all find Siti Rahayu; a seventeenth is ignored. */
  g_assert_cmpint (BMB_LIMIT_SEARCH_WORDS, ==, 16);
  assert_search (f, "s si sit siti r ra rah raha rahay rahayu d do dos dose dosen u zzz",
                 "Siti Rahayu");
  /* Repeating a word does not use up the cap. */
  assert_search (f, "siti siti siti siti siti siti siti siti siti siti siti siti siti siti "
                 "siti siti siti rahayu", "Siti Rahayu");

  /* 20,000 one-letter words: cheap, and still a search. */
  for (guint i = 0; i < 20000; i++)
    g_string_append (text, i % 2 ? "s " : "x ");
  begin = g_get_monotonic_time ();
  names = query (f, text->str, BMB_CONTACT_SORT_RELEVANCE, BMB_CONTACT_FILTER_ALL, NULL);
  g_assert_cmpstr (names, ==, "");
  g_assert_cmpint (g_get_monotonic_time () - begin, <, 5 * G_USEC_PER_SEC);
}

static void
test_query_builder (void)
{
  g_autoptr(GString) dotted = g_string_new (NULL);
  g_autoptr(GString) many = g_string_new (NULL);
  g_autofree char *fts = NULL;

  g_assert_null (bmb_search_query_to_fts (NULL));
  g_assert_null (bmb_search_query_to_fts ("  "));
  g_assert_null (bmb_search_query_to_fts ("!!! \xf0\x9f\x91\x8d"));
  g_assert_true (bmb_search_query_is_blank (NULL));
  g_assert_true (bmb_search_query_is_blank (" \t\n"));
  g_assert_false (bmb_search_query_is_blank ("!"));

  fts = bmb_search_query_to_fts ("men \"x ?? men");
  g_assert_cmpstr (fts, ==, "\"men\"* \"\"\"x\"*");
  g_clear_pointer (&fts, g_free);

  /* Words are counted as the index sees them: one term of 20,000 tokens
   * is cut after the sixteenth, and so is a text of 20,000 words. */
  for (guint i = 0; i < 20000; i++)
    {
      g_string_append (dotted, "a.");
      g_string_append_printf (many, "w%u ", i);
    }
  fts = bmb_search_query_to_fts (dotted->str);
  /* "a.a.…a." with sixteen a's, up to where the seventeenth word starts. */
  g_assert_cmpuint (strlen (fts), ==, strlen ("\"\"*") + 16 * strlen ("a."));
  g_assert_true (g_str_has_suffix (fts, "a.\"*"));
  g_clear_pointer (&fts, g_free);

  fts = bmb_search_query_to_fts (many->str);
  g_assert_true (g_str_has_prefix (fts, "\"w0\"* \"w1\"*"));
  g_assert_true (g_str_has_suffix (fts, " \"w15\"*"));
}

static void
test_ranking (Fixture       *f,
              gconstpointer  data)
{
  /* Budi only mentions Siti in his notes: both Sitis rank above him. */
  g_autofree char *ranked = query (f, "siti", BMB_CONTACT_SORT_RELEVANCE,
                                   BMB_CONTACT_FILTER_ALL, NULL);
  g_auto(GStrv) order = g_strsplit (ranked, "|", -1);

  g_assert_cmpuint (g_strv_length (order), ==, 3);
  g_assert_cmpstr (order[2], ==, "Budi Santoso");

  /* A name match outranks an organization match of the same word. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(BmbContact) named = bmb_contact_new ();
    g_autoptr(BmbContact) org = bmb_contact_new ();

    bmb_contact_set_display_name (org, "Andi Wijaya");
    bmb_contact_set_organization (org, "Kartika Group");
    bmb_contact_set_notes (org, "Kartika Kartika Kartika");
    g_assert_true (bmb_contact_store_insert (f->store, org, &error));
    bmb_contact_set_display_name (named, "Kartika Sari");
    g_assert_true (bmb_contact_store_insert (f->store, named, &error));
    g_assert_no_error (error);

    assert_query (f, "kart", BMB_CONTACT_SORT_RELEVANCE, BMB_CONTACT_FILTER_ALL, NULL,
                  "Kartika Sari|Andi Wijaya");
    assert_query (f, "kart", BMB_CONTACT_SORT_NAME, BMB_CONTACT_FILTER_ALL, NULL,
                  "Andi Wijaya|Kartika Sari");
  }

  /* Without search text, relevance falls back to the name. */
  assert_query (f, NULL, BMB_CONTACT_SORT_RELEVANCE, BMB_CONTACT_FILTER_ALL, "alumni",
                "Siti Aminah|Siti Rahayu");
}

static void
test_sorts (Fixture       *f,
            gconstpointer  data)
{
  /* By name: accents and case do not push Élodie to the end. */
  assert_query (f, NULL, BMB_CONTACT_SORT_NAME, BMB_CONTACT_FILTER_ALL, NULL,
                "Budi Santoso|Dewi \"Dee\" Lestari|Élodie Martin|Fajar Nugroho|"
                "José Ramírez|Siti Aminah|Siti Rahayu");
  /* Most recent contact first, never contacted last (by name). */
  assert_query (f, NULL, BMB_CONTACT_SORT_LAST_CONTACT, BMB_CONTACT_FILTER_ALL, NULL,
                "Élodie Martin|Siti Rahayu|José Ramírez|Budi Santoso|Dewi \"Dee\" Lestari|"
                "Fajar Nugroho|Siti Aminah");
  /* Soonest follow-up first: Budi 2025-03-12, José 2025-05-29, Élodie
   * 2025-06-21, Siti 2025-06-24, then those without. */
  assert_query (f, NULL, BMB_CONTACT_SORT_NEXT_FOLLOW_UP, BMB_CONTACT_FILTER_ALL, NULL,
                "Budi Santoso|José Ramírez|Élodie Martin|Siti Rahayu|Dewi \"Dee\" Lestari|"
                "Fajar Nugroho|Siti Aminah");
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbInteraction) interaction = NULL;

  assert_query (f, NULL, BMB_CONTACT_SORT_NAME, BMB_CONTACT_FILTER_NEEDS_FOLLOW_UP, NULL,
                "Budi Santoso|José Ramírez");
  assert_query (f, NULL, BMB_CONTACT_SORT_NEXT_FOLLOW_UP, BMB_CONTACT_FILTER_NEEDS_FOLLOW_UP,
                NULL, "Budi Santoso|José Ramírez");
  assert_query (f, "jo", BMB_CONTACT_SORT_NAME, BMB_CONTACT_FILTER_NEEDS_FOLLOW_UP, NULL,
                "José Ramírez");

  /* Today moves: Élodie (2025-06-21) is due too. */
  bmb_contact_store_set_today (f->store, "2025-06-21");
  assert_query (f, NULL, BMB_CONTACT_SORT_NAME, BMB_CONTACT_FILTER_NEEDS_FOLLOW_UP, NULL,
                "Budi Santoso|Élodie Martin|José Ramírez");
  bmb_contact_store_set_today (f->store, "2025-06-15");

  /* Logging a call with Budi takes him off the list. */
  interaction = bmb_interaction_new (id_of (f, "Budi Santoso"), "2025-06-15",
                                     BMB_INTERACTION_CHANNEL_CALL, NULL);
  g_assert_true (bmb_contact_store_add_interaction (f->store, interaction, &error));
  g_assert_no_error (error);
  assert_query (f, NULL, BMB_CONTACT_SORT_NAME, BMB_CONTACT_FILTER_NEEDS_FOLLOW_UP, NULL,
                "José Ramírez");

  /* Tags: case-insensitive, combined with search and filters. */
  assert_query (f, NULL, BMB_CONTACT_SORT_NAME, BMB_CONTACT_FILTER_ALL, "Alumni",
                "Siti Aminah|Siti Rahayu");
  assert_query (f, "rah", BMB_CONTACT_SORT_NAME, BMB_CONTACT_FILTER_ALL, "alumni",
                "Siti Rahayu");
  assert_query (f, NULL, BMB_CONTACT_SORT_NAME, BMB_CONTACT_FILTER_NEEDS_FOLLOW_UP, "mentor",
                "");
  assert_query (f, NULL, BMB_CONTACT_SORT_NAME, BMB_CONTACT_FILTER_ALL, "nope", "");
  assert_query (f, NULL, BMB_CONTACT_SORT_NAME, BMB_CONTACT_FILTER_ALL, "  ",
                "Budi Santoso|Dewi \"Dee\" Lestari|Élodie Martin|Fajar Nugroho|"
                "José Ramírez|Siti Aminah|Siti Rahayu");
}

static void
test_index_follows_changes (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbContact) budi = bmb_contact_store_get (f->store, id_of (f, "Budi Santoso"),
                                                      &error);

  g_assert_no_error (error);
  bmb_contact_set_family_name (budi, "Wibisono");
  bmb_contact_add_field (budi, BMB_CONTACT_FIELD_EMAIL, NULL, "bw@contoh.id", FALSE);
  bmb_contact_add_tag (budi, "investor");
  g_assert_true (bmb_contact_store_update (f->store, budi, &error));
  g_assert_no_error (error);

  assert_search (f, "santoso", "");
  assert_search (f, "wibi", "Budi Wibisono");
  assert_search (f, "contoh", "Budi Wibisono");
  assert_search (f, "investor", "Budi Wibisono");

  g_assert_true (bmb_contact_store_delete (f->store, bmb_contact_get_id (budi), NULL, &error));
  assert_search (f, "wibi", "");
  assert_search (f, "investor", "");
}

static GArray *
ids_for (Fixture          *f,
         const char       *text,
         BmbContactSort    sort,
         BmbContactFilter  filter,
         const char       *tag)
{
  g_autoptr(GError) error = NULL;
  GArray *ids = bmb_contact_store_query_ids (f->store, text, sort, filter, tag, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ids);

  return ids;
}

static void
assert_same_ids (GArray *a,
                 GArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    g_assert_cmpint (g_array_index (a, gint64, i), ==, g_array_index (b, gint64, i));
}

/* The cached fast paths (outside a transaction) and plain SQL (inside the
 * caller's transaction) give the same ids in the same order. */
static void
test_paths_agree (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *texts[] = { NULL, "s", "siti", "a", "mentor", "zzz" };
  const char *tags[] = { NULL, "alumni" };
  const char *names[] = { "Siti Aminah", "Siti Aminah", "Zaki", "Budi Santoso" };

  /* Ties: duplicate names, equal dates. */
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(BmbContact) contact = bmb_contact_new ();

      bmb_contact_set_display_name (contact, names[i]);
      bmb_contact_set_last_contact_on (contact, "2025-06-10");
      bmb_contact_set_keep_in_touch (contact, 1, BMB_FOLLOW_UP_UNIT_WEEK);
      bmb_contact_add_tag (contact, "alumni");
      g_assert_true (bmb_contact_store_insert (f->store, contact, &error));
      g_assert_no_error (error);
    }

  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    for (int sort = BMB_CONTACT_SORT_NAME; sort <= BMB_CONTACT_SORT_RELEVANCE; sort++)
      for (int filter = BMB_CONTACT_FILTER_ALL; filter <= BMB_CONTACT_FILTER_NEEDS_FOLLOW_UP;
           filter++)
        for (guint g = 0; g < G_N_ELEMENTS (tags); g++)
          {
            g_autoptr(GArray) fast = ids_for (f, texts[t], sort, filter, tags[g]);
            g_autoptr(GArray) again = ids_for (f, texts[t], sort, filter, tags[g]);
            g_autoptr(GArray) plain = NULL;

            g_assert_true (bmb_database_begin (f->db, &error));
            plain = ids_for (f, texts[t], sort, filter, tags[g]);
            g_assert_true (bmb_database_commit (f->db, &error));

            assert_same_ids (fast, plain);
            assert_same_ids (fast, again);
          }

  /* Equal last-contact dates: newest id first; the undated after, by name. */
  {
    g_autoptr(GArray) ids = ids_for (f, NULL, BMB_CONTACT_SORT_LAST_CONTACT,
                                     BMB_CONTACT_FILTER_ALL, NULL);
    gint64 previous = G_MAXINT64;

    for (guint i = 0; i < ids->len; i++)
      {
        g_autoptr(BmbContact) contact = bmb_contact_store_get (f->store,
                                                               g_array_index (ids, gint64, i),
                                                               &error);

        if (g_strcmp0 (bmb_contact_get_last_contact_on (contact), "2025-06-10") == 0)
          {
            g_assert_cmpint (bmb_contact_get_id (contact), <, previous);
            previous = bmb_contact_get_id (contact);
          }
      }
  }
}

/* A commit on another connection (an import worker) is seen at once. */
static void
test_other_connection (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbDatabase) worker = bmb_database_open_worker (f->db, &error);
  g_autoptr(BmbContactStore) worker_store = NULL;
  g_autoptr(BmbContact) contact = bmb_contact_new ();
  g_autoptr(GArray) before = NULL;
  g_autoptr(GArray) after = NULL;
  g_autoptr(GArray) search = NULL;

  g_assert_no_error (error);
  worker_store = bmb_contact_store_new (worker);

  before = ids_for (f, NULL, BMB_CONTACT_SORT_NAME, BMB_CONTACT_FILTER_ALL, NULL);

  bmb_contact_set_display_name (contact, "Aaron Worker");
  g_assert_true (bmb_database_begin (worker, &error));
  g_assert_true (bmb_contact_store_insert (worker_store, contact, &error));
  /* Not committed yet: not visible. */
  after = ids_for (f, NULL, BMB_CONTACT_SORT_NAME, BMB_CONTACT_FILTER_ALL, NULL);
  assert_same_ids (before, after);
  g_clear_pointer (&after, g_array_unref);
  g_assert_true (bmb_database_commit (worker, &error));
  g_assert_no_error (error);

  after = ids_for (f, NULL, BMB_CONTACT_SORT_NAME, BMB_CONTACT_FILTER_ALL, NULL);
  g_assert_cmpuint (after->len, ==, before->len + 1);
  g_assert_cmpint (g_array_index (after, gint64, 0), ==, bmb_contact_get_id (contact));
  search = ids_for (f, "aaron", BMB_CONTACT_SORT_NAME, BMB_CONTACT_FILTER_ALL, NULL);
  g_assert_cmpuint (search->len, ==, 1);

  /* A rolled-back insert on this connection leaves no trace either. */
  g_clear_pointer (&before, g_array_unref);
  before = g_steal_pointer (&after);
  g_assert_true (bmb_database_begin (f->db, &error));
  {
    g_autoptr(BmbContact) ghost = bmb_contact_new ();

    bmb_contact_set_display_name (ghost, "Abel Ghost");
    g_assert_true (bmb_contact_store_insert (f->store, ghost, &error));
    after = ids_for (f, NULL, BMB_CONTACT_SORT_NAME, BMB_CONTACT_FILTER_ALL, NULL);
    g_assert_cmpuint (after->len, ==, before->len + 1);
    g_clear_pointer (&after, g_array_unref);
  }
  bmb_database_rollback (f->db);
  after = ids_for (f, NULL, BMB_CONTACT_SORT_NAME, BMB_CONTACT_FILTER_ALL, NULL);
  assert_same_ids (before, after);
}

static void
test_summaries (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) summaries = NULL;
  gint64 ids[4];
  BmbContactSummary *s;

  ids[0] = id_of (f, "José Ramírez");
  ids[1] = 123456;
  ids[2] = id_of (f, "Dewi \"Dee\" Lestari");
  ids[3] = id_of (f, "Siti Rahayu");

  summaries = bmb_contact_store_load_summaries (f->store, ids, G_N_ELEMENTS (ids), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summaries->len, ==, 4);

  s = g_ptr_array_index (summaries, 0);
  g_assert_cmpint (s->id, ==, ids[0]);
  g_assert_cmpstr (s->display_name, ==, "José Ramírez");
  g_assert_cmpstr (s->organization, ==, "Kedutaan Meksiko");
  g_assert_cmpstr (s->role, ==, "Atase");
  g_assert_cmpstr (s->initials, ==, "JR");
  g_assert_cmpstr (s->next_follow_up_on, ==, "2025-05-29");
  g_assert_true (s->needs_follow_up);

  g_assert_null (g_ptr_array_index (summaries, 1));

  s = g_ptr_array_index (summaries, 2);
  g_assert_cmpstr (s->initials, ==, "DL");
  g_assert_null (s->next_follow_up_on);
  g_assert_false (s->needs_follow_up);

  s = g_ptr_array_index (summaries, 3);
  g_assert_cmpstr (s->next_follow_up_on, ==, "2025-06-24");
  g_assert_false (s->needs_follow_up);

  g_clear_pointer (&summaries, g_ptr_array_unref);
  summaries = bmb_contact_store_load_summaries (f->store, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summaries->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Jakarta", TRUE);
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/contact/search/prefix", test_prefix);
  ADD ("/store/contact/search/accents", test_accents);
  ADD ("/store/contact/search/hostile-text", test_hostile_text);
  ADD ("/store/contact/search/no-searchable-word", test_no_searchable_word);
  ADD ("/store/contact/search/word-cap", test_word_cap);
  ADD ("/store/contact/search/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/store/contact/search/query-builder", test_query_builder);
  ADD ("/store/contact/search/ranking", test_ranking);
  ADD ("/store/contact/query/sorts", test_sorts);
  ADD ("/store/contact/query/filters", test_filters);
  ADD ("/store/contact/query/index-follows-changes", test_index_follows_changes);
  ADD ("/store/contact/query/summaries", test_summaries);
  ADD ("/store/contact/query/paths-agree", test_paths_agree);
  ADD ("/store/contact/query/other-connection", test_other_connection);

#undef ADD

  return g_test_run ();
}
