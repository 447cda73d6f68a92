/* test-checklist-store.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * BmbChecklistStore on a temporary database: custom templates (create,
 * edit, reorder, delete, duplicate), built-ins staying read-only, and
 * assessments from draft to resume to complete, with history.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "bmb-checklist-store.h"
#include "bmb-test-utils.h"

typedef struct
{
  BmbDatabase       *db;
  BmbChecklistStore *store;
  guint              changed;
} Fixture;

static void
on_changed_cb (BmbDatabase *db,
               guint        flags,
               Fixture     *fixture)
{
  fixture->changed |= flags;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->db = bmb_test_open_tmp_database (NULL);
  fixture->store = bmb_checklist_store_new (fixture->db);
  bmb_checklist_store_sync_builtins (fixture->store, &error);
  g_assert_no_error (error);
  g_signal_connect (fixture->db, "changed", G_CALLBACK (on_changed_cb), fixture);
  fixture->changed = 0;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->db);
}

static gint64
count_rows (BmbDatabase *db,
            const char  *sql,
            gint64       param)
{
  sqlite3_stmt *stmt = bmb_database_prepare (db, sql, NULL);
  gint64 n;

  g_assert_nonnull (stmt);
  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int64 (stmt, 1, param);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return n;
}

static gint64
insert_relationship (BmbDatabase *db)
{
  g_autoptr(GError) error = NULL;

  bmb_database_exec (db,
                     "INSERT INTO contacts (uid, display_name, created_at, updated_at)"
                     " VALUES ('test-mentor', 'Siti Rahayu', 0, 0);"
                     "INSERT INTO relationships (mentor_id, created_at, updated_at)"
                     " VALUES (last_insert_rowid (), 0, 0);",
                     &error);
  g_assert_no_error (error);

  return bmb_database_last_insert_id (db);
}

static BmbChecklistTemplate *
make_custom (const char    *title,
             BmbAnswerKind  kind,
             guint          n_items)
{
  BmbChecklistTemplate *template = bmb_checklist_template_new (title, kind);

  bmb_checklist_template_set_description (template, "A list of my own");
  for (guint i = 0; i < n_items; i++)
    {
      g_autofree char *item_title = g_strdup_printf ("Item %u", i + 1);
      g_autofree char *explanation = g_strdup_printf ("Why item %u matters.", i + 1);
      g_autoptr(BmbChecklistItem) item = bmb_checklist_item_new (item_title, explanation);

      bmb_checklist_template_append_item (template, item);
    }

  return template;
}

static const char *
item_title_at (BmbChecklistTemplate *template,
               guint                 position)
{
  return bmb_checklist_item_get_title (bmb_checklist_template_get_item (template, position));
}

/* ---- Custom templates ------------------------------------------------------------ */

static void
test_custom_create (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(BmbChecklistTemplate) template = make_custom ("Weekly review",
                                                          BMB_ANSWER_KIND_RATING, 3);
  g_autoptr(BmbChecklistTemplate) loaded = NULL;
  g_autoptr(BmbChecklistTemplate) second = make_custom ("Second", BMB_ANSWER_KIND_YES_NO, 1);
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (bmb_checklist_store_insert_template (fixture->store, template, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changed, ==, BMB_CHANGE_CHECKLISTS);
  g_assert_cmpint (bmb_checklist_template_get_id (template), >, 0);
  g_assert_cmpint (bmb_checklist_template_get_created_at (template), >, 0);
  for (guint i = 0; i < 3; i++)
    {
      BmbChecklistItem *item = bmb_checklist_template_get_item (template, i);

      g_assert_cmpint (bmb_checklist_item_get_id (item), >, 0);
      g_assert_cmpuint (bmb_checklist_item_get_position (item), ==, i);
      g_assert_false (bmb_checklist_item_is_builtin (item));
    }

  loaded = bmb_checklist_store_get_template (fixture->store,
                                             bmb_checklist_template_get_id (template), &error);
  g_assert_no_error (error);
  g_assert_false (bmb_checklist_template_is_builtin (loaded));
  g_assert_cmpstr (bmb_checklist_template_get_title (loaded), ==, "Weekly review");
  g_assert_cmpstr (bmb_checklist_template_get_description (loaded), ==, "A list of my own");
  g_assert_cmpint (bmb_checklist_template_get_answer_kind (loaded), ==, BMB_ANSWER_KIND_RATING);
  g_assert_cmpuint (bmb_checklist_template_get_n_items (loaded), ==, 3);
  g_assert_cmpstr (item_title_at (loaded, 2), ==, "Item 3");
  g_assert_cmpstr (bmb_checklist_item_get_explanation (bmb_checklist_template_get_item (loaded, 2)),
                   ==, "Why item 3 matters.");

  /* Custom templates come after the built-ins, in creation order. */
  g_assert_true (bmb_checklist_store_insert_template (fixture->store, second, &error));
  g_assert_no_error (error);
  templates = bmb_checklist_store_list_templates (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (templates->len, ==, 10);
  g_assert_cmpstr (bmb_checklist_template_get_title (g_ptr_array_index (templates, 8)),
                   ==, "Weekly review");
  g_assert_cmpstr (bmb_checklist_template_get_title (g_ptr_array_index (templates, 9)),
                   ==, "Second");
  g_assert_cmpint (bmb_checklist_template_get_position (second), ==,
                   bmb_checklist_template_get_position (template) + 1);
}

static void
test_custom_invalid (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(BmbChecklistTemplate) untitled = make_custom ("   ", BMB_ANSWER_KIND_YES_NO, 1);
  g_autoptr(BmbChecklistTemplate) blank_item = make_custom ("Has a blank item",
                                                            BMB_ANSWER_KIND_YES_NO, 2);
  g_autoptr(GError) error = NULL;
  gint64 before = count_rows (fixture->db, "SELECT count(*) FROM checklist_templates", 0);

  g_assert_false (bmb_checklist_store_insert_template (fixture->store, untitled, &error));
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  bmb_checklist_item_set_title (bmb_checklist_template_get_item (blank_item, 1), " ");
  g_assert_false (bmb_checklist_store_insert_template (fixture->store, blank_item, &error));
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID);
  /* The message names the checklist and the item. */
  g_assert_nonnull (strstr (error->message, "Has a blank item"));
  g_assert_nonnull (strstr (error->message, "2"));

  g_assert_cmpint (bmb_checklist_template_get_id (blank_item), ==, 0);
  g_assert_cmpint (count_rows (fixture->db, "SELECT count(*) FROM checklist_templates", 0),
                   ==, before);
  g_assert_cmpuint (fixture->changed, ==, 0);
}

static void
test_custom_edit (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(BmbChecklistTemplate) template = make_custom ("Before", BMB_ANSWER_KIND_YES_NO, 3);
  g_autoptr(BmbChecklistTemplate) loaded = NULL;
  g_autoptr(BmbChecklistItem) added = bmb_checklist_item_new ("Added", "New one.");
  g_autoptr(BmbAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;
  gint64 first_id;
  gint64 removed_id;

  bmb_checklist_store_insert_template (fixture->store, template, &error);
  g_assert_no_error (error);
  id = bmb_checklist_template_get_id (template);
  first_id = bmb_checklist_item_get_id (bmb_checklist_template_get_item (template, 0));
  removed_id = bmb_checklist_item_get_id (bmb_checklist_template_get_item (template, 1));

  /* An answer on the item about to be removed goes with it. */
  assessment = bmb_checklist_store_start_assessment (fixture->store, id, 0, &error);
  g_assert_no_error (error);
  bmb_checklist_store_set_answer (fixture->store, assessment, removed_id, 1, "note", &error);
  g_assert_no_error (error);
  fixture->changed = 0;

  bmb_checklist_template_set_title (template, "After");
  bmb_checklist_template_set_description (template, NULL);
  bmb_checklist_item_set_title (bmb_checklist_template_get_item (template, 0), "First, renamed");
  bmb_checklist_item_set_section (bmb_checklist_template_get_item (template, 0), "Morning");
  bmb_checklist_template_remove_item (template, 1);
  bmb_checklist_template_insert_item (template, 0, added);
  /* Now: Added, First renamed, Item 3 */

  g_assert_true (bmb_checklist_store_update_template (fixture->store, template, &error));
  g_assert_no_error (error);
  g_assert_true (fixture->changed & BMB_CHANGE_CHECKLISTS);
  g_assert_cmpint (bmb_checklist_item_get_id (added), >, 0);

  loaded = bmb_checklist_store_get_template (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bmb_checklist_template_get_title (loaded), ==, "After");
  g_assert_cmpstr (bmb_checklist_template_get_description (loaded), ==, "");
  g_assert_cmpuint (bmb_checklist_template_get_n_items (loaded), ==, 3);
  g_assert_cmpstr (item_title_at (loaded, 0), ==, "Added");
  g_assert_cmpstr (item_title_at (loaded, 1), ==, "First, renamed");
  g_assert_cmpstr (item_title_at (loaded, 2), ==, "Item 3");
  /* Kept items keep their ids (their answers stay attached). */
  g_assert_cmpint (bmb_checklist_item_get_id (bmb_checklist_template_get_item (loaded, 1)),
                   ==, first_id);
  g_assert_cmpstr (bmb_checklist_item_get_section (bmb_checklist_template_get_item (loaded, 1)),
                   ==, "Morning");
  g_assert_cmpstr (bmb_checklist_item_get_section_label (bmb_checklist_template_get_item (loaded, 1)),
                   ==, "Morning");
  g_assert_null (bmb_checklist_template_find_item (loaded, removed_id));
  g_assert_cmpint (count_rows (fixture->db, "SELECT count(*) FROM answers WHERE item_id = ?",
                               removed_id), ==, 0);

  /* The answer kind cannot change once there are assessments. */
  bmb_checklist_template_set_answer_kind (template, BMB_ANSWER_KIND_RATING);
  g_assert_false (bmb_checklist_store_update_template (fixture->store, template, &error));
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  bmb_checklist_store_delete_assessment (fixture->store, bmb_assessment_get_id (assessment),
                                         &error);
  g_assert_no_error (error);
  g_assert_true (bmb_checklist_store_update_template (fixture->store, template, &error));
  g_assert_no_error (error);
  g_clear_object (&loaded);
  loaded = bmb_checklist_store_get_template (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bmb_checklist_template_get_answer_kind (loaded), ==, BMB_ANSWER_KIND_RATING);
}

static void
test_custom_reorder (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(BmbChecklistTemplate) template = make_custom ("Order", BMB_ANSWER_KIND_YES_NO, 4);
  g_autoptr(BmbChecklistTemplate) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ids[4];
  gint64 order[4];
  gint64 bad[4];
  gint64 id;

  bmb_checklist_store_insert_template (fixture->store, template, &error);
  g_assert_no_error (error);
  id = bmb_checklist_template_get_id (template);
  for (guint i = 0; i < 4; i++)
    ids[i] = bmb_checklist_item_get_id (bmb_checklist_template_get_item (template, i));

  order[0] = ids[3];
  order[1] = ids[0];
  order[2] = ids[2];
  order[3] = ids[1];
  fixture->changed = 0;
  g_assert_true (bmb_checklist_store_reorder_items (fixture->store, id, order, 4, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changed, ==, BMB_CHANGE_CHECKLISTS);

  loaded = bmb_checklist_store_get_template (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (item_title_at (loaded, 0), ==, "Item 4");
  g_assert_cmpstr (item_title_at (loaded, 1), ==, "Item 1");
  g_assert_cmpstr (item_title_at (loaded, 2), ==, "Item 3");
  g_assert_cmpstr (item_title_at (loaded, 3), ==, "Item 2");

  /* A duplicate, a missing or a foreign id is refused, and nothing moves. */
  bad[0] = ids[0];
  bad[1] = ids[0];
  bad[2] = ids[1];
  bad[3] = ids[2];
  g_assert_false (bmb_checklist_store_reorder_items (fixture->store, id, bad, 4, &error));
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (bmb_checklist_store_reorder_items (fixture->store, id, ids, 3, &error));
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  bad[1] = 999999;
  g_assert_false (bmb_checklist_store_reorder_items (fixture->store, id, bad, 4, &error));
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  g_clear_object (&loaded);
  loaded = bmb_checklist_store_get_template (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (item_title_at (loaded, 0), ==, "Item 4");

  /* In memory: the model's own move renumbers positions. */
  bmb_checklist_template_move_item (loaded, 0, 3);
  g_assert_cmpstr (item_title_at (loaded, 3), ==, "Item 4");
  for (guint i = 0; i < 4; i++)
    g_assert_cmpuint (bmb_checklist_item_get_position (bmb_checklist_template_get_item (loaded, i)),
                      ==, i);
  g_assert_true (bmb_checklist_store_update_template (fixture->store, loaded, &error));
  g_assert_no_error (error);
  g_clear_object (&template);
  template = bmb_checklist_store_get_template (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (item_title_at (template, 0), ==, "Item 1");
  g_assert_cmpstr (item_title_at (template, 3), ==, "Item 4");
}

static void
test_custom_delete (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(BmbChecklistTemplate) template = make_custom ("Doomed", BMB_ANSWER_KIND_YES_NO, 2);
  g_autoptr(BmbAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  bmb_checklist_store_insert_template (fixture->store, template, &error);
  g_assert_no_error (error);
  id = bmb_checklist_template_get_id (template);
  assessment = bmb_checklist_store_start_assessment (fixture->store, id, 0, &error);
  g_assert_no_error (error);
  bmb_checklist_store_set_answer (fixture->store, assessment,
                                  bmb_checklist_item_get_id (bmb_checklist_template_get_item (template, 0)),
                                  1, NULL, &error);
  g_assert_no_error (error);
  fixture->changed = 0;

  g_assert_true (bmb_checklist_store_delete_template (fixture->store, id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changed, ==, BMB_CHANGE_CHECKLISTS | BMB_CHANGE_ASSESSMENTS);
  g_assert_cmpint (count_rows (fixture->db, "SELECT count(*) FROM checklist_items"
                                            " WHERE template_id = ?", id), ==, 0);
  g_assert_cmpint (count_rows (fixture->db, "SELECT count(*) FROM assessments", 0), ==, 0);
  g_assert_cmpint (count_rows (fixture->db, "SELECT count(*) FROM answers", 0), ==, 0);

  g_assert_null (bmb_checklist_store_get_template (fixture->store, id, &error));
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (bmb_checklist_store_delete_template (fixture->store, id, &error));
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_NOT_FOUND);
}

static void
test_builtin_read_only (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(BmbChecklistTemplate) builtin = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ids[7];
  gint64 id;

  builtin = bmb_checklist_store_get_builtin (fixture->store, "mentor-most", &error);
  g_assert_no_error (error);
  id = bmb_checklist_template_get_id (builtin);
  g_assert_true (bmb_checklist_template_is_builtin (builtin));
  g_assert_cmpstr (bmb_checklist_template_get_title (builtin), ==,
                   "Making the most of your mentor");
  g_assert_cmpstr (item_title_at (builtin, 0), ==, "Set SMART goals");

  g_assert_false (bmb_checklist_store_update_template (fixture->store, builtin, &error));
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Making the most of your mentor"));
  g_clear_error (&error);

  g_assert_false (bmb_checklist_store_delete_template (fixture->store, id, &error));
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  for (guint i = 0; i < 7; i++)
    ids[6 - i] = bmb_checklist_item_get_id (bmb_checklist_template_get_item (builtin, i));
  g_assert_false (bmb_checklist_store_reorder_items (fixture->store, id, ids, 7, &error));
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpuint (fixture->changed, ==, 0);
  g_clear_object (&builtin);
  builtin = bmb_checklist_store_get_template (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (item_title_at (builtin, 0), ==, "Set SMART goals");
}

static void
test_duplicate (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(BmbChecklistTemplate) builtin = NULL;
  g_autoptr(BmbChecklistTemplate) copy = NULL;
  g_autoptr(BmbChecklistTemplate) copy_of_copy = NULL;
  g_autoptr(BmbChecklistTemplate) reloaded = NULL;
  g_autoptr(GError) error = NULL;

  builtin = bmb_checklist_store_get_builtin (fixture->store, "mentoring-phases", &error);
  g_assert_no_error (error);

  copy = bmb_checklist_store_duplicate_template (fixture->store,
                                                 bmb_checklist_template_get_id (builtin),
                                                 NULL, &error);
  g_assert_no_error (error);
  g_assert_false (bmb_checklist_template_is_builtin (copy));
  g_assert_cmpstr (bmb_checklist_template_get_title (copy), ==,
                   "Copy of The four phases of a mentoring relationship");
  g_assert_cmpstr (bmb_checklist_template_get_description (copy), ==,
                   bmb_checklist_template_get_description (builtin));
  g_assert_cmpint (bmb_checklist_template_get_answer_kind (copy), ==, BMB_ANSWER_KIND_YES_NO);
  g_assert_cmpuint (bmb_checklist_template_get_n_items (copy), ==,
                    bmb_checklist_template_get_n_items (builtin));

  /* The text is copied into the custom rows; section keys are kept. */
  reloaded = bmb_checklist_store_get_template (fixture->store,
                                               bmb_checklist_template_get_id (copy), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < bmb_checklist_template_get_n_items (builtin); i++)
    {
      BmbChecklistItem *a = bmb_checklist_template_get_item (builtin, i);
      BmbChecklistItem *b = bmb_checklist_template_get_item (reloaded, i);

      g_assert_null (bmb_checklist_item_get_key (b));
      g_assert_cmpint (bmb_checklist_item_get_id (a), !=, bmb_checklist_item_get_id (b));
      g_assert_cmpstr (bmb_checklist_item_get_title (a), ==, bmb_checklist_item_get_title (b));
      g_assert_cmpstr (bmb_checklist_item_get_explanation (a), ==,
                       bmb_checklist_item_get_explanation (b));
      g_assert_cmpstr (bmb_checklist_item_get_section (a), ==, bmb_checklist_item_get_section (b));
    }
  g_assert_cmpint (count_rows (fixture->db, "SELECT count(*) FROM checklist_items"
                                            " WHERE template_id = ? AND title IS NOT NULL",
                               bmb_checklist_template_get_id (copy)),
                   ==, bmb_checklist_template_get_n_items (builtin));

  /* The copy is editable; the built-in is not affected. */
  bmb_checklist_item_set_title (bmb_checklist_template_get_item (reloaded, 0), "My wording");
  g_assert_true (bmb_checklist_store_update_template (fixture->store, reloaded, &error));
  g_assert_no_error (error);
  g_clear_object (&builtin);
  builtin = bmb_checklist_store_get_builtin (fixture->store, "mentoring-phases", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (item_title_at (builtin, 0), ==, "Know why you want mentoring");

  /* A custom template duplicates too, with a chosen title. */
  copy_of_copy = bmb_checklist_store_duplicate_template (fixture->store,
                                                         bmb_checklist_template_get_id (copy),
                                                         "Mine", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bmb_checklist_template_get_title (copy_of_copy), ==, "Mine");
  g_assert_cmpstr (item_title_at (copy_of_copy, 0), ==, "My wording");

  g_assert_null (bmb_checklist_store_duplicate_template (fixture->store, 987654, NULL, &error));
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_NOT_FOUND);
}

/* ---- Assessments ------------------------------------------------------------------ */

static void
test_assessment_lifecycle (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(BmbChecklistTemplate) template = NULL;
  g_autoptr(BmbAssessment) draft = NULL;
  g_autoptr(BmbAssessment) resumed = NULL;
  g_autoptr(BmbAssessment) none = NULL;
  g_autoptr(BmbAssessment) loaded = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  gint64 relationship_id = insert_relationship (fixture->db);
  gint64 template_id;
  gint64 item[5];

  template = bmb_checklist_store_get_builtin (fixture->store, "smart-goal", &error);
  g_assert_no_error (error);
  template_id = bmb_checklist_template_get_id (template);
  for (guint i = 0; i < 5; i++)
    item[i] = bmb_checklist_item_get_id (bmb_checklist_template_get_item (template, i));

  none = bmb_checklist_store_find_draft (fixture->store, template_id, &error);
  g_assert_no_error (error);
  g_assert_null (none);

  fixture->changed = 0;
  draft = bmb_checklist_store_start_assessment (fixture->store, template_id, relationship_id,
                                                &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changed, ==, BMB_CHANGE_ASSESSMENTS);
  g_assert_cmpint (bmb_assessment_get_id (draft), >, 0);
  g_assert_cmpint (bmb_assessment_get_status (draft), ==, BMB_ASSESSMENT_STATUS_DRAFT);
  g_assert_cmpint (bmb_assessment_get_relationship_id (draft), ==, relationship_id);
  g_assert_cmpint (bmb_assessment_get_taken_at (draft), ==, 0);

  /* Answers: yes/no values only; a note alone is kept; none of both clears. */
  g_assert_true (bmb_checklist_store_set_answer (fixture->store, draft, item[0], 1, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (bmb_checklist_store_set_answer (fixture->store, draft, item[1], 0,
                                                 "  Need a number  ", &error));
  g_assert_no_error (error);
  g_assert_true (bmb_checklist_store_set_answer (fixture->store, draft, item[2], BMB_ANSWER_NONE,
                                                 "Ask my mentor", &error));
  g_assert_no_error (error);
  g_assert_true (bmb_checklist_store_set_answer (fixture->store, draft, item[3], 1, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (bmb_checklist_store_set_answer (fixture->store, draft, item[3], BMB_ANSWER_NONE,
                                                 "", &error));
  g_assert_no_error (error);
  g_assert_cmpint (bmb_assessment_get_value (draft, item[3]), ==, BMB_ANSWER_NONE);

  g_assert_false (bmb_checklist_store_set_answer (fixture->store, draft, item[4], 3, NULL, &error));
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Time-bound"));
  g_clear_error (&error);
  g_assert_cmpint (bmb_assessment_get_value (draft, item[4]), ==, BMB_ANSWER_NONE);

  /* An item of another template is refused. */
  {
    g_autoptr(BmbChecklistTemplate) other =
      bmb_checklist_store_get_builtin (fixture->store, "mentor-most", &error);
    gint64 foreign = bmb_checklist_item_get_id (bmb_checklist_template_get_item (other, 0));

    g_assert_no_error (error);
    g_assert_false (bmb_checklist_store_set_answer (fixture->store, draft, foreign, 1, NULL,
                                                    &error));
    g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID);
    g_clear_error (&error);
  }

  g_assert_cmpint (count_rows (fixture->db, "SELECT count(*) FROM answers"
                                            " WHERE assessment_id = ?",
                               bmb_assessment_get_id (draft)), ==, 3);

  /* Resume: the draft comes back with its answers and notes. */
  resumed = bmb_checklist_store_find_draft (fixture->store, template_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (resumed);
  g_assert_cmpint (bmb_assessment_get_id (resumed), ==, bmb_assessment_get_id (draft));
  g_assert_cmpint (bmb_assessment_get_value (resumed, item[0]), ==, 1);
  g_assert_cmpint (bmb_assessment_get_value (resumed, item[1]), ==, 0);
  g_assert_cmpstr (bmb_assessment_get_note (resumed, item[1]), ==, "Need a number");
  g_assert_cmpint (bmb_assessment_get_value (resumed, item[2]), ==, BMB_ANSWER_NONE);
  g_assert_cmpstr (bmb_assessment_get_note (resumed, item[2]), ==, "Ask my mentor");
  g_assert_null (bmb_assessment_get_note (resumed, item[3]));
  g_assert_cmpuint (bmb_assessment_get_n_answered (resumed), ==, 2);

  /* Nothing in the history until it is complete. */
  history = bmb_checklist_store_list_history (fixture->store, template_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 0);
  g_clear_pointer (&history, g_ptr_array_unref);

  fixture->changed = 0;
  g_assert_true (bmb_checklist_store_complete_assessment (fixture->store, resumed, 1767225600,
                                                          &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changed, ==, BMB_CHANGE_ASSESSMENTS);
  g_assert_true (bmb_assessment_is_complete (resumed));
  g_assert_cmpint (bmb_assessment_get_taken_at (resumed), ==, 1767225600);

  g_clear_object (&none);
  none = bmb_checklist_store_find_draft (fixture->store, template_id, &error);
  g_assert_no_error (error);
  g_assert_null (none);

  loaded = bmb_checklist_store_get_assessment (fixture->store, bmb_assessment_get_id (draft),
                                               &error);
  g_assert_no_error (error);
  g_assert_cmpint (bmb_assessment_get_status (loaded), ==, BMB_ASSESSMENT_STATUS_COMPLETE);
  g_assert_cmpint (bmb_assessment_get_taken_at (loaded), ==, 1767225600);

  history = bmb_checklist_store_list_history (fixture->store, template_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 1);
  g_clear_pointer (&history, g_ptr_array_unref);

  history = bmb_checklist_store_list_for_relationship (fixture->store, relationship_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 1);
  g_clear_pointer (&history, g_ptr_array_unref);

  /* Delete. */
  fixture->changed = 0;
  g_assert_true (bmb_checklist_store_delete_assessment (fixture->store,
                                                        bmb_assessment_get_id (loaded), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changed, ==, BMB_CHANGE_ASSESSMENTS);
  g_assert_cmpint (count_rows (fixture->db, "SELECT count(*) FROM answers", 0), ==, 0);
  g_assert_null (bmb_checklist_store_get_assessment (fixture->store,
                                                     bmb_assessment_get_id (loaded), &error));
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (bmb_checklist_store_delete_assessment (fixture->store,
                                                         bmb_assessment_get_id (loaded), &error));
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_NOT_FOUND);
}

static void
test_assessment_history (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(BmbChecklistTemplate) template = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(BmbAssessment) draft = NULL;
  g_autoptr(BmbAssessment) previous = NULL;
  g_autoptr(GError) error = NULL;
  /* Completed out of date order on purpose. */
  const gint64 taken[] = { 1772323200, 1767225600, 1769904000 };
  const int values[] = { 5, 2, 4 };
  gint64 ids[3];
  gint64 template_id;
  gint64 item;

  template = bmb_checklist_store_get_builtin (fixture->store, "mentor-qualities", &error);
  g_assert_no_error (error);
  template_id = bmb_checklist_template_get_id (template);
  item = bmb_checklist_item_get_id (bmb_checklist_template_get_item (template, 0));

  for (guint i = 0; i < G_N_ELEMENTS (taken); i++)
    {
      g_autoptr(BmbAssessment) assessment =
        bmb_checklist_store_start_assessment (fixture->store, template_id, 0, &error);

      g_assert_no_error (error);
      bmb_checklist_store_set_answer (fixture->store, assessment, item, values[i], NULL, &error);
      g_assert_no_error (error);
      bmb_checklist_store_complete_assessment (fixture->store, assessment, taken[i], &error);
      g_assert_no_error (error);
      ids[i] = bmb_assessment_get_id (assessment);
    }

  /* Ratings only take 1…5. */
  draft = bmb_checklist_store_start_assessment (fixture->store, template_id, 0, &error);
  g_assert_no_error (error);
  g_assert_false (bmb_checklist_store_set_answer (fixture->store, draft, item, 0, NULL, &error));
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  history = bmb_checklist_store_list_history (fixture->store, template_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 3);
  g_assert_cmpint (bmb_assessment_get_id (g_ptr_array_index (history, 0)), ==, ids[1]);
  g_assert_cmpint (bmb_assessment_get_id (g_ptr_array_index (history, 1)), ==, ids[2]);
  g_assert_cmpint (bmb_assessment_get_id (g_ptr_array_index (history, 2)), ==, ids[0]);
  g_assert_cmpint (bmb_assessment_get_value (g_ptr_array_index (history, 2), item), ==, 5);

  /* The previous complete assessment by date, not by id. */
  previous = bmb_checklist_store_get_previous (fixture->store, g_ptr_array_index (history, 2),
                                               &error);
  g_assert_no_error (error);
  g_assert_cmpint (bmb_assessment_get_id (previous), ==, ids[2]);
  g_clear_object (&previous);
  previous = bmb_checklist_store_get_previous (fixture->store, g_ptr_array_index (history, 0),
                                               &error);
  g_assert_no_error (error);
  g_assert_null (previous);
  /* For a draft: the latest complete one. */
  previous = bmb_checklist_store_get_previous (fixture->store, draft, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bmb_assessment_get_id (previous), ==, ids[0]);
}

static void
test_assessment_bad_ids (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(BmbAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;

  assessment = bmb_checklist_store_start_assessment (fixture->store, 424242, 0, &error);
  g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_NOT_FOUND);
  g_assert_null (assessment);
  g_clear_error (&error);

  {
    g_autoptr(BmbChecklistTemplate) template =
      bmb_checklist_store_get_builtin (fixture->store, "smart-goal", &error);

    g_assert_no_error (error);
    assessment = bmb_checklist_store_start_assessment (fixture->store,
                                                       bmb_checklist_template_get_id (template),
                                                       777, &error);
    g_assert_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_CONSTRAINT);
    g_assert_null (assessment);
  }

  g_assert_cmpint (count_rows (fixture->db, "SELECT count(*) FROM assessments", 0), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Jakarta", TRUE);
  setlocale (LC_ALL, "");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/checklists/store/custom/create", test_custom_create);
  ADD ("/checklists/store/custom/invalid", test_custom_invalid);
  ADD ("/checklists/store/custom/edit", test_custom_edit);
  ADD ("/checklists/store/custom/reorder", test_custom_reorder);
  ADD ("/checklists/store/custom/delete", test_custom_delete);
  ADD ("/checklists/store/builtin/read-only", test_builtin_read_only);
  ADD ("/checklists/store/duplicate", test_duplicate);
  ADD ("/checklists/store/assessment/lifecycle", test_assessment_lifecycle);
  ADD ("/checklists/store/assessment/history", test_assessment_history);
  ADD ("/checklists/store/assessment/bad-ids", test_assessment_bad_ids);

#undef ADD

  return g_test_run ();
}
