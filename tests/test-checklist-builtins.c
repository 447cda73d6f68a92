/* test-checklist-builtins.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The built-in checklists: the content is complete and consistent, it is
 * synchronised into the database idempotently without touching custom
 * templates, and every string comes out translated in Indonesian.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "bmb-checklist-builtins.h"
#include "bmb-checklist-store.h"
#include "bmb-test-utils.h"

typedef struct
{
  const char    *key;
  guint          n_items;
  BmbAnswerKind  kind;
} Expected;

/* What the task asks for, spelled out independently of the table. */
static const Expected expected[] = {
  { "mentor-qualities",  7,  BMB_ANSWER_KIND_RATING },
  { "mentee-traits",     9,  BMB_ANSWER_KIND_RATING },
  { "networking-habits", 4,  BMB_ANSWER_KIND_RATING },
  { "networking-event",  10, BMB_ANSWER_KIND_YES_NO },
  { "mentoring-phases",  14, BMB_ANSWER_KIND_YES_NO },
  { "mentor-most",       7,  BMB_ANSWER_KIND_RATING },
  { "choosing-mentor",   5,  BMB_ANSWER_KIND_YES_NO },
  { "smart-goal",        5,  BMB_ANSWER_KIND_YES_NO },
};

static gint64
count_rows (BmbDatabase *db,
            const char  *sql,
            const char  *param)
{
  sqlite3_stmt *stmt = bmb_database_prepare (db, sql, NULL);
  gint64 n;

  g_assert_nonnull (stmt);
  if (param != NULL)
    sqlite3_bind_text (stmt, 1, param, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return n;
}

static void
exec_sql (BmbDatabase *db,
          const char  *sql)
{
  g_autoptr(GError) error = NULL;

  bmb_database_exec (db, sql, &error);
  g_assert_no_error (error);
}

static void
on_changed_cb (BmbDatabase *db,
               guint        flags,
               guint       *out_flags)
{
  *out_flags |= flags;
}

/* ---- Content ------------------------------------------------------------------ */

static void
test_builtins_counts (void)
{
  const BmbBuiltinTemplate *all;
  guint n;

  all = bmb_checklist_builtins_get_all (&n);
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpstr (all[i].key, ==, expected[i].key);
      g_assert_cmpuint (all[i].n_items, ==, expected[i].n_items);
      g_assert_cmpint (all[i].answer_kind, ==, expected[i].kind);
      g_assert_true (bmb_checklist_builtins_lookup (expected[i].key) == &all[i]);
    }

  g_assert_null (bmb_checklist_builtins_lookup ("no-such-template"));
  g_assert_null (bmb_checklist_builtins_lookup (NULL));
}

static void
test_builtins_keys_unique (void)
{
  g_autoptr(GHashTable) template_keys = g_hash_table_new (g_str_hash, g_str_equal);
  const BmbBuiltinTemplate *all;
  guint n;

  all = bmb_checklist_builtins_get_all (&n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GHashTable) item_keys = g_hash_table_new (g_str_hash, g_str_equal);

      g_assert_true (g_hash_table_add (template_keys, (gpointer) all[i].key));

      for (guint j = 0; j < all[i].n_items; j++)
        {
          const char *key = all[i].items[j].key;

          g_assert_nonnull (key);
          g_assert_true (g_regex_match_simple ("^[a-z0-9]+(-[a-z0-9]+)*$", key, 0, 0));
          if (!g_hash_table_add (item_keys, (gpointer) key))
            g_error ("Item key “%s” appears twice in “%s”", key, all[i].key);
          g_assert_true (bmb_checklist_builtins_lookup_item (all[i].key, key) ==
                         &all[i].items[j]);
        }
    }

  g_assert_null (bmb_checklist_builtins_lookup_item ("smart-goal", "no-such-item"));
}

static void
assert_one_line (const char *text)
{
  g_assert_nonnull (text);
  g_assert_cmpuint (strlen (text), >, 2);
  g_assert_null (strchr (text, '\n'));
  g_assert_false (g_ascii_isspace (text[0]));
  g_assert_false (g_ascii_isspace (text[strlen (text) - 1]));
  g_assert_true (g_utf8_validate (text, -1, NULL));
}

static void
test_builtins_text (void)
{
  const BmbBuiltinTemplate *all;
  guint n;

  all = bmb_checklist_builtins_get_all (&n);
  for (guint i = 0; i < n; i++)
    {
      assert_one_line (all[i].title);
      assert_one_line (all[i].description);

      for (guint j = 0; j < all[i].n_items; j++)
        {
          const BmbBuiltinItem *item = &all[i].items[j];

          assert_one_line (item->title);
          assert_one_line (item->explanation);
          /* Explanations are sentences; titles are short. */
          g_assert_true (g_str_has_suffix (item->explanation, ".") ||
                         g_str_has_suffix (item->explanation, "?"));
          g_assert_cmpuint (g_utf8_strlen (item->title, -1), <=, 40);

          if (item->section != NULL)
            g_assert_nonnull (bmb_checklist_builtins_get_section_label (item->section));
        }
    }
}

static void
test_builtins_sections (void)
{
  const BmbBuiltinTemplate *phases = bmb_checklist_builtins_lookup ("mentoring-phases");
  const BmbBuiltinTemplate *event = bmb_checklist_builtins_lookup ("networking-event");
  const char *phase_order[] = { "preparation", "negotiation", "enabling", "closure" };
  const char *event_order[] = { "preparation", "action", "maintaining" };
  guint phase = 0;
  guint step = 0;

  /* Every phase has items, grouped and in order: the phase stepper relies on it. */
  for (guint j = 0; j < phases->n_items; j++)
    {
      const char *section = phases->items[j].section;

      g_assert_nonnull (section);
      while (phase < G_N_ELEMENTS (phase_order) && g_strcmp0 (section, phase_order[phase]) != 0)
        phase++;
      g_assert_cmpuint (phase, <, G_N_ELEMENTS (phase_order));
    }
  g_assert_cmpuint (phase, ==, G_N_ELEMENTS (phase_order) - 1);
  for (guint p = 0; p < G_N_ELEMENTS (phase_order); p++)
    {
      guint count = 0;

      for (guint j = 0; j < phases->n_items; j++)
        count += g_strcmp0 (phases->items[j].section, phase_order[p]) == 0;
      g_assert_cmpuint (count, >=, 3);
    }

  for (guint j = 0; j < event->n_items; j++)
    {
      const char *section = event->items[j].section;

      while (step < G_N_ELEMENTS (event_order) && g_strcmp0 (section, event_order[step]) != 0)
        step++;
      g_assert_cmpuint (step, <, G_N_ELEMENTS (event_order));
    }
  g_assert_cmpuint (step, ==, G_N_ELEMENTS (event_order) - 1);

  /* The concrete items the event checklist promises. */
  g_assert_nonnull (bmb_checklist_builtins_lookup_item ("networking-event", "set-target"));
  g_assert_nonnull (strstr (bmb_checklist_builtins_lookup_item ("networking-event",
                                                                "set-target")->explanation,
                            "five"));
  g_assert_nonnull (bmb_checklist_builtins_lookup_item ("networking-event", "follow-up"));
  g_assert_nonnull (bmb_checklist_builtins_lookup_item ("smart-goal", "time-bound"));

  /* Templates without sections have none at all. */
  for (guint j = 0; j < bmb_checklist_builtins_lookup ("mentor-most")->n_items; j++)
    g_assert_null (bmb_checklist_builtins_lookup ("mentor-most")->items[j].section);

  g_assert_cmpstr (bmb_checklist_builtins_get_section_label ("enabling"), ==, "Enabling growth");
  g_assert_null (bmb_checklist_builtins_get_section_label ("no-such-section"));
  g_assert_null (bmb_checklist_builtins_get_section_label (NULL));
}

/* ---- Database sync --------------------------------------------------------------- */

static void
test_builtins_sync (void)
{
  g_autoptr(BmbDatabase) db = bmb_test_open_tmp_database (NULL);
  g_autoptr(BmbChecklistStore) store = bmb_checklist_store_new (db);
  g_autoptr(BmbChecklistTemplate) custom = NULL;
  g_autoptr(BmbChecklistItem) one = bmb_checklist_item_new ("One", NULL);
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GError) error = NULL;
  guint changed = 0;
  guint expected_items = 0;

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    expected_items += expected[i].n_items;

  g_signal_connect (db, "changed", G_CALLBACK (on_changed_cb), &changed);

  /* A custom template before the first sync must survive every sync. */
  custom = bmb_checklist_template_new ("My own list", BMB_ANSWER_KIND_YES_NO);
  bmb_checklist_template_append_item (custom, one);
  bmb_checklist_store_insert_template (store, custom, &error);
  g_assert_no_error (error);
  changed = 0;

  bmb_checklist_store_sync_builtins (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, BMB_CHANGE_CHECKLISTS);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM checklist_templates"
                                   " WHERE builtin_key IS NOT NULL", NULL),
                   ==, G_N_ELEMENTS (expected));
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM checklist_items i"
                                   " JOIN checklist_templates t ON t.id = i.template_id"
                                   " WHERE t.builtin_key IS NOT NULL", NULL),
                   ==, expected_items);
  /* Keys only: no English text stored for built-ins. */
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM checklist_items"
                                   " WHERE item_key IS NOT NULL AND title IS NOT NULL", NULL),
                   ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpint (count_rows (db, "SELECT count(*) FROM checklist_items i"
                                     " JOIN checklist_templates t ON t.id = i.template_id"
                                     " WHERE t.builtin_key = ?", expected[i].key),
                     ==, expected[i].n_items);

  /* Idempotent: nothing to do, nothing announced. */
  changed = 0;
  bmb_checklist_store_sync_builtins (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 0);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM checklist_items", NULL),
                   ==, expected_items + 1);

  /* Repairs: a lost item comes back, a scrambled order is restored. */
  exec_sql (db, "DELETE FROM checklist_items WHERE item_key = 'measurable'");
  exec_sql (db, "UPDATE checklist_items SET position = 99 WHERE item_key = 'specific'");
  exec_sql (db, "UPDATE checklist_templates SET position = 42 WHERE builtin_key = 'smart-goal'");
  bmb_checklist_store_sync_builtins (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, BMB_CHANGE_CHECKLISTS);
  g_assert_cmpint (count_rows (db, "SELECT position FROM checklist_items"
                                   " WHERE item_key = 'specific'", NULL), ==, 0);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM checklist_items"
                                   " WHERE item_key = 'measurable'", NULL), ==, 1);

  /* Listing: built-ins in shipped order, then the custom one, untouched. */
  templates = bmb_checklist_store_list_templates (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (templates->len, ==, G_N_ELEMENTS (expected) + 1);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      BmbChecklistTemplate *template = g_ptr_array_index (templates, i);

      g_assert_cmpstr (bmb_checklist_template_get_builtin_key (template), ==, expected[i].key);
      g_assert_cmpuint (bmb_checklist_template_get_n_items (template), ==, expected[i].n_items);
      g_assert_cmpint (bmb_checklist_template_get_answer_kind (template), ==, expected[i].kind);
    }
  {
    BmbChecklistTemplate *last = g_ptr_array_index (templates, templates->len - 1);
    BmbChecklistTemplate *smart = g_ptr_array_index (templates, G_N_ELEMENTS (expected) - 1);

    g_assert_false (bmb_checklist_template_is_builtin (last));
    g_assert_cmpstr (bmb_checklist_template_get_title (last), ==, "My own list");
    g_assert_cmpuint (bmb_checklist_template_get_n_items (last), ==, 1);

    g_assert_cmpstr (bmb_checklist_item_get_key (bmb_checklist_template_get_item (smart, 0)),
                     ==, "specific");
    g_assert_cmpstr (bmb_checklist_item_get_key (bmb_checklist_template_get_item (smart, 1)),
                     ==, "measurable");
  }
}

static void
test_builtins_unknown_key_hidden (void)
{
  g_autoptr(BmbDatabase) db = bmb_test_open_tmp_database (NULL);
  g_autoptr(BmbChecklistStore) store = bmb_checklist_store_new (db);
  g_autoptr(BmbChecklistTemplate) smart = NULL;
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GError) error = NULL;

  bmb_checklist_store_sync_builtins (store, &error);
  g_assert_no_error (error);

  /* Rows a later version wrote (or an older one shipped) stay, unseen. */
  exec_sql (db, "INSERT INTO checklist_items (template_id, item_key, position)"
                " SELECT id, 'retired-item', 7 FROM checklist_templates"
                "  WHERE builtin_key = 'smart-goal'");
  exec_sql (db, "INSERT INTO checklist_templates (builtin_key, created_at, updated_at)"
                " VALUES ('retired-template', 0, 0)");

  smart = bmb_checklist_store_get_builtin (store, "smart-goal", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bmb_checklist_template_get_n_items (smart), ==, 5);
  g_assert_null (bmb_checklist_template_find_item_by_key (smart, "retired-item"));

  templates = bmb_checklist_store_list_templates (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (templates->len, ==, G_N_ELEMENTS (expected));

  g_assert_null (bmb_checklist_store_get_builtin (store, "retired-template", &error));
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_NOT_FOUND);
}

/* ---- Translation ------------------------------------------------------------------ */

static void
set_language (const char *language)
{
  g_setenv ("LANGUAGE", language, TRUE);
  /* Makes gettext drop its cache of looked-up messages. */
  setlocale (LC_MESSAGES, "");
}

static void
assert_translated (const char *english,
                   const char *translated,
                   guint      *n_checked)
{
  if (g_strcmp0 (english, translated) == 0)
    g_error ("Not translated to Indonesian: “%s”", english);
  (*n_checked)++;
}

static void
test_builtins_translated (void)
{
  g_autoptr(BmbDatabase) db = bmb_test_open_tmp_database (NULL);
  g_autoptr(BmbChecklistStore) store = bmb_checklist_store_new (db);
  g_autoptr(BmbChecklistTemplate) phases = NULL;
  g_autoptr(GError) error = NULL;
  const BmbBuiltinTemplate *all;
  const char *sections[] = { "preparation", "negotiation", "enabling", "closure",
                             "action", "maintaining" };
  g_autofree char *english_title = NULL;
  g_auto(GStrv) english_sections = g_new0 (char *, G_N_ELEMENTS (sections) + 1);
  guint n_checked = 0;
  guint n;

  bmb_checklist_store_sync_builtins (store, &error);
  g_assert_no_error (error);
  phases = bmb_checklist_store_get_builtin (store, "mentoring-phases", &error);
  g_assert_no_error (error);

  set_language ("C");
  english_title = g_strdup (bmb_checklist_template_get_title (phases));
  g_assert_cmpstr (english_title, ==, "The four phases of a mentoring relationship");
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    english_sections[i] = g_strdup (bmb_checklist_builtins_get_section_label (sections[i]));

  set_language ("id");

  all = bmb_checklist_builtins_get_all (&n);
  for (guint i = 0; i < n; i++)
    {
      assert_translated (all[i].title, bmb_checklist_builtins_get_title (all[i].key),
                         &n_checked);
      assert_translated (all[i].description, bmb_checklist_builtins_get_description (all[i].key),
                         &n_checked);

      for (guint j = 0; j < all[i].n_items; j++)
        {
          const BmbBuiltinItem *item = &all[i].items[j];

          assert_translated (item->title,
                             bmb_checklist_builtins_get_item_title (all[i].key, item->key),
                             &n_checked);
          assert_translated (item->explanation,
                             bmb_checklist_builtins_get_item_explanation (all[i].key, item->key),
                             &n_checked);
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    assert_translated (english_sections[i], bmb_checklist_builtins_get_section_label (sections[i]),
                       &n_checked);
  g_assert_cmpstr (bmb_checklist_builtins_get_section_label ("closure"), ==, "Penutupan");

  /* Models translate at display time: the same object, a new language. */
  g_assert_cmpstr (bmb_checklist_template_get_title (phases), !=, english_title);
  g_assert_cmpstr (bmb_checklist_item_get_section_label (bmb_checklist_template_get_item (phases, 0)),
                   ==, "Persiapan");

  set_language ("C");
  g_assert_cmpstr (bmb_checklist_template_get_title (phases), ==, english_title);

  g_test_message ("%u built-in strings checked", n_checked);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("BIMBING_LOCALEDIR");

  g_setenv ("TZ", "Asia/Jakarta", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/checklists/builtins/counts", test_builtins_counts);
  g_test_add_func ("/checklists/builtins/keys-unique", test_builtins_keys_unique);
  g_test_add_func ("/checklists/builtins/text", test_builtins_text);
  g_test_add_func ("/checklists/builtins/sections", test_builtins_sections);
  g_test_add_func ("/checklists/builtins/sync", test_builtins_sync);
  g_test_add_func ("/checklists/builtins/unknown-key-hidden", test_builtins_unknown_key_hidden);
  g_test_add_func ("/checklists/builtins/translated", test_builtins_translated);

  return g_test_run ();
}
