/* test-change-set.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Item-level change notification: BmbChangeSet's merge rules, and what
 * BmbDatabase::changes-committed carries after real store writes.
 */

#include "config.h"

#include "bmb-change-set.h"
#include "bmb-contact-store.h"
#include "bmb-database.h"
#include "bmb-goal-store.h"
#include "bmb-mentoring-store.h"
#include "bmb-test-utils.h"

typedef struct
{
  GPtrArray *sets;     /* BmbChangeSet, one per ::changes-committed */
  guint      flags;    /* OR of every ::changed */
  guint      n_changed;
} Seen;

static void
on_changes_cb (BmbDatabase  *db,
               BmbChangeSet *changes,
               Seen         *seen)
{
  g_ptr_array_add (seen->sets, bmb_change_set_ref (changes));
}

static void
on_changed_cb (BmbDatabase *db,
               guint        flags,
               Seen        *seen)
{
  seen->flags |= flags;
  seen->n_changed++;
}

static void
seen_init (Seen        *seen,
           BmbDatabase *db)
{
  seen->sets = g_ptr_array_new_with_free_func ((GDestroyNotify)bmb_change_set_unref);
  seen->flags = 0;
  seen->n_changed = 0;
  g_signal_connect (db, "changes-committed", G_CALLBACK (on_changes_cb), seen);
  g_signal_connect (db, "changed", G_CALLBACK (on_changed_cb), seen);
}

static void
seen_reset (Seen *seen)
{
  g_ptr_array_set_size (seen->sets, 0);
  seen->flags = 0;
  seen->n_changed = 0;
}

/* Asserts @set names exactly @n ids of @kind with @action, and those are @ids. */
static void
assert_ids (BmbChangeSet    *set,
            BmbChangeFlags   kind,
            BmbChangeAction  action,
            const gint64    *ids,
            guint            n)
{
  guint n_got = 0;
  const gint64 *got = bmb_change_set_get_ids (set, kind, action, &n_got);

  g_assert_cmpuint (n_got, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (got[i], ==, ids[i]);
}

static void
test_merge_rules (void)
{
  g_autoptr(BmbChangeSet) set = bmb_change_set_new ();
  g_autoptr(BmbChangeSet) other = bmb_change_set_new ();
  const gint64 added[] = { 1, 7 };
  const gint64 changed[] = { 2, 4 };
  const gint64 removed[] = { 3 };

  g_assert_true (bmb_change_set_is_empty (set));

  bmb_change_set_add (set, BMB_CHANGE_CONTACTS, 7, BMB_CHANGE_ADDED);
  bmb_change_set_add (set, BMB_CHANGE_CONTACTS, 1, BMB_CHANGE_ADDED);
  bmb_change_set_add (set, BMB_CHANGE_CONTACTS, 1, BMB_CHANGE_CHANGED);   /* still added */
  bmb_change_set_add (set, BMB_CHANGE_CONTACTS, 2, BMB_CHANGE_CHANGED);
  bmb_change_set_add (set, BMB_CHANGE_CONTACTS, 3, BMB_CHANGE_CHANGED);
  bmb_change_set_add (set, BMB_CHANGE_CONTACTS, 3, BMB_CHANGE_REMOVED);   /* removed */
  bmb_change_set_add (set, BMB_CHANGE_CONTACTS, 5, BMB_CHANGE_ADDED);
  bmb_change_set_add (set, BMB_CHANGE_CONTACTS, 5, BMB_CHANGE_REMOVED);   /* gone */
  bmb_change_set_add (set, BMB_CHANGE_CONTACTS, 4, BMB_CHANGE_REMOVED);
  bmb_change_set_add (set, BMB_CHANGE_CONTACTS, 4, BMB_CHANGE_ADDED);     /* changed */

  assert_ids (set, BMB_CHANGE_CONTACTS, BMB_CHANGE_ADDED, added, G_N_ELEMENTS (added));
  assert_ids (set, BMB_CHANGE_CONTACTS, BMB_CHANGE_CHANGED, changed, G_N_ELEMENTS (changed));
  assert_ids (set, BMB_CHANGE_CONTACTS, BMB_CHANGE_REMOVED, removed, G_N_ELEMENTS (removed));
  g_assert_cmpuint (bmb_change_set_get_n_items (set, BMB_CHANGE_CONTACTS), ==, 5);
  g_assert_cmpint (bmb_change_set_lookup (set, BMB_CHANGE_CONTACTS, 5), ==, 0);
  g_assert_cmpint (bmb_change_set_lookup (set, BMB_CHANGE_CONTACTS, 4), ==, BMB_CHANGE_CHANGED);
  g_assert_cmpuint (bmb_change_set_get_kinds (set), ==, BMB_CHANGE_CONTACTS);
  g_assert_cmpuint (bmb_change_set_get_coarse_kinds (set), ==, BMB_CHANGE_NONE);

  /* Merging applies the other set's records after ours. */
  bmb_change_set_add (other, BMB_CHANGE_CONTACTS, 7, BMB_CHANGE_REMOVED);
  bmb_change_set_add (other, BMB_CHANGE_GOALS, 9, BMB_CHANGE_CHANGED);
  bmb_change_set_add_kinds (other, BMB_CHANGE_INTERACTIONS);
  bmb_change_set_merge (set, other);
  g_assert_cmpint (bmb_change_set_lookup (set, BMB_CHANGE_CONTACTS, 7), ==, 0);
  g_assert_cmpint (bmb_change_set_lookup (set, BMB_CHANGE_GOALS, 9), ==, BMB_CHANGE_CHANGED);
  g_assert_cmpuint (bmb_change_set_get_kinds (set), ==,
                    BMB_CHANGE_CONTACTS | BMB_CHANGE_GOALS | BMB_CHANGE_INTERACTIONS);
  g_assert_cmpuint (bmb_change_set_get_coarse_kinds (set), ==, BMB_CHANGE_INTERACTIONS);
  g_assert_null (bmb_change_set_get_ids (set, BMB_CHANGE_GOALS, BMB_CHANGE_ADDED, NULL));
}

static BmbContact *
make_contact (const char *name)
{
  BmbContact *contact = bmb_contact_new ();

  bmb_contact_set_display_name (contact, name);
  return contact;
}

/* A store write yields exactly the rows it touched, once per commit. */
static void
test_contact_writes (void)
{
  g_autoptr(BmbDatabase) db = bmb_test_open_tmp_database (NULL);
  g_autoptr(BmbContactStore) store = bmb_contact_store_new (db);
  g_autoptr(BmbContact) ana = make_contact ("Ana");
  g_autoptr(GError) error = NULL;
  BmbChangeSet *set;
  gint64 id;
  Seen seen;

  seen_init (&seen, db);

  g_assert_true (bmb_contact_store_insert (store, ana, &error));
  g_assert_no_error (error);
  id = bmb_contact_get_id (ana);
  g_assert_cmpuint (seen.sets->len, ==, 1);
  set = g_ptr_array_index (seen.sets, 0);
  assert_ids (set, BMB_CHANGE_CONTACTS, BMB_CHANGE_ADDED, &id, 1);
  assert_ids (set, BMB_CHANGE_CONTACTS, BMB_CHANGE_CHANGED, NULL, 0);
  assert_ids (set, BMB_CHANGE_CONTACTS, BMB_CHANGE_REMOVED, NULL, 0);
  g_assert_cmpuint (bmb_change_set_get_kinds (set), ==, BMB_CHANGE_CONTACTS);
  g_assert_cmpuint (bmb_change_set_get_coarse_kinds (set), ==, BMB_CHANGE_NONE);
  /* The coarse signal still says which kind. */
  g_assert_cmpuint (seen.n_changed, ==, 1);
  g_assert_cmpuint (seen.flags, ==, BMB_CHANGE_CONTACTS);

  seen_reset (&seen);
  bmb_contact_set_display_name (ana, "Ana Lestari");
  g_assert_true (bmb_contact_store_update (store, ana, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen.sets->len, ==, 1);
  set = g_ptr_array_index (seen.sets, 0);
  assert_ids (set, BMB_CHANGE_CONTACTS, BMB_CHANGE_CHANGED, &id, 1);
  assert_ids (set, BMB_CHANGE_CONTACTS, BMB_CHANGE_ADDED, NULL, 0);
  g_assert_cmpuint (bmb_change_set_get_kinds (set), ==, BMB_CHANGE_CONTACTS);

  seen_reset (&seen);
  g_assert_true (bmb_contact_store_delete (store, id, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen.sets->len, ==, 1);
  set = g_ptr_array_index (seen.sets, 0);
  assert_ids (set, BMB_CHANGE_CONTACTS, BMB_CHANGE_REMOVED, &id, 1);
  g_assert_cmpuint (bmb_change_set_get_n_items (set, BMB_CHANGE_CONTACTS), ==, 1);

  g_ptr_array_unref (seen.sets);
}

/* A failed write rolls back and says nothing; an outer rollback discards
 * what the inner, released, levels marked. */
static void
test_rollback (void)
{
  g_autoptr(BmbDatabase) db = bmb_test_open_tmp_database (NULL);
  g_autoptr(BmbContactStore) store = bmb_contact_store_new (db);
  g_autoptr(BmbContact) ana = make_contact ("Ana");
  g_autoptr(BmbContact) nameless = bmb_contact_new ();
  g_autoptr(GError) error = NULL;
  Seen seen;

  seen_init (&seen, db);

  /* Refused by the store: nothing committed, nothing said. */
  g_assert_false (bmb_contact_store_insert (store, nameless, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpuint (seen.sets->len, ==, 0);

  g_assert_true (bmb_database_begin (db, &error));
  g_assert_true (bmb_contact_store_insert (store, ana, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen.sets->len, ==, 0);   /* not before the outer commit */
  bmb_database_rollback (db);

  g_assert_cmpuint (seen.sets->len, ==, 0);
  g_assert_cmpuint (seen.n_changed, ==, 0);

  g_ptr_array_unref (seen.sets);
}

/* Nested levels merge into one set; a rolled back savepoint's rows go. */
static void
test_nested (void)
{
  g_autoptr(BmbDatabase) db = bmb_test_open_tmp_database (NULL);
  g_autoptr(BmbContactStore) store = bmb_contact_store_new (db);
  g_autoptr(BmbMentoringStore) mentoring = bmb_mentoring_store_new (db);
  g_autoptr(BmbContact) ana = make_contact ("Ana");
  g_autoptr(BmbContact) budi = make_contact ("Budi");
  g_autoptr(BmbContact) citra = make_contact ("Citra");
  g_autoptr(BmbRelationship) relationship = NULL;
  g_autoptr(GError) error = NULL;
  BmbChangeSet *set;
  gint64 added[2], rel_id;
  Seen seen;

  seen_init (&seen, db);

  g_assert_true (bmb_database_begin (db, &error));
  g_assert_true (bmb_contact_store_insert (store, ana, &error));
  g_assert_true (bmb_contact_store_insert (store, budi, &error));

  /* A savepoint that is rolled back takes its rows with it. */
  g_assert_true (bmb_database_begin (db, &error));
  g_assert_true (bmb_contact_store_insert (store, citra, &error));
  bmb_database_rollback (db);

  /* A changed row added in the same transaction stays "added". */
  bmb_contact_set_nickname (ana, "An");
  g_assert_true (bmb_contact_store_update (store, ana, &error));

  relationship = bmb_relationship_new ();
  bmb_relationship_set_mentor_id (relationship, bmb_contact_get_id (ana));
  bmb_relationship_set_mentee_id (relationship, bmb_contact_get_id (budi));
  g_assert_true (bmb_mentoring_store_save_relationship (mentoring, relationship, &error));
  g_assert_no_error (error);
  rel_id = bmb_relationship_get_id (relationship);
  g_assert_cmpuint (seen.sets->len, ==, 0);

  g_assert_true (bmb_database_commit (db, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (seen.sets->len, ==, 1);
  g_assert_cmpuint (seen.n_changed, ==, 1);
  g_assert_cmpuint (seen.flags, ==, BMB_CHANGE_CONTACTS | BMB_CHANGE_RELATIONSHIPS);
  set = g_ptr_array_index (seen.sets, 0);
  added[0] = MIN (bmb_contact_get_id (ana), bmb_contact_get_id (budi));
  added[1] = MAX (bmb_contact_get_id (ana), bmb_contact_get_id (budi));
  assert_ids (set, BMB_CHANGE_CONTACTS, BMB_CHANGE_ADDED, added, 2);
  assert_ids (set, BMB_CHANGE_CONTACTS, BMB_CHANGE_CHANGED, NULL, 0);
  assert_ids (set, BMB_CHANGE_RELATIONSHIPS, BMB_CHANGE_ADDED, &rel_id, 1);
  g_assert_cmpint (bmb_change_set_lookup (set, BMB_CHANGE_CONTACTS, bmb_contact_get_id (citra)),
                   ==, 0);
  g_assert_cmpuint (bmb_change_set_get_coarse_kinds (set), ==, BMB_CHANGE_NONE);

  g_ptr_array_unref (seen.sets);
}

/* Goals and action items name their rows too (the relationship panel's
 * sections update one row from them). */
static void
test_goals_and_action_items (void)
{
  g_autoptr(BmbDatabase) db = bmb_test_open_tmp_database (NULL);
  g_autoptr(BmbContactStore) store = bmb_contact_store_new (db);
  g_autoptr(BmbMentoringStore) mentoring = bmb_mentoring_store_new (db);
  g_autoptr(BmbGoalStore) goals = bmb_goal_store_new (db);
  g_autoptr(BmbContact) ana = make_contact ("Ana");
  g_autoptr(BmbRelationship) relationship = bmb_relationship_new ();
  g_autoptr(BmbGoal) goal = NULL;
  g_autoptr(BmbActionItem) item = NULL;
  g_autoptr(GError) error = NULL;
  BmbChangeSet *set;
  gint64 id;
  Seen seen;

  g_assert_true (bmb_contact_store_insert (store, ana, &error));
  bmb_relationship_set_mentee_id (relationship, bmb_contact_get_id (ana));
  g_assert_true (bmb_mentoring_store_save_relationship (mentoring, relationship, &error));
  g_assert_no_error (error);

  seen_init (&seen, db);

  goal = bmb_goal_new ("Publish a paper");
  bmb_goal_set_relationship_id (goal, bmb_relationship_get_id (relationship));
  g_assert_true (bmb_goal_store_insert (goals, goal, &error));
  g_assert_no_error (error);
  id = bmb_goal_get_id (goal);
  g_assert_cmpuint (seen.sets->len, ==, 1);
  set = g_ptr_array_index (seen.sets, 0);
  assert_ids (set, BMB_CHANGE_GOALS, BMB_CHANGE_ADDED, &id, 1);
  g_assert_cmpuint (bmb_change_set_get_kinds (set), ==, BMB_CHANGE_GOALS);

  seen_reset (&seen);
  item = bmb_action_item_new (BMB_ACTION_OWNER_MENTEE, "Draft the outline");
  bmb_action_item_set_relationship_id (item, bmb_relationship_get_id (relationship));
  g_assert_true (bmb_mentoring_store_save_action_item (mentoring, item, &error));
  g_assert_no_error (error);
  id = bmb_action_item_get_id (item);
  g_assert_true (bmb_mentoring_store_set_action_item_done (mentoring, id, TRUE, &error));
  g_assert_true (bmb_mentoring_store_delete_action_item (mentoring, id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen.sets->len, ==, 3);
  assert_ids (g_ptr_array_index (seen.sets, 0), BMB_CHANGE_ACTION_ITEMS, BMB_CHANGE_ADDED, &id, 1);
  assert_ids (g_ptr_array_index (seen.sets, 1), BMB_CHANGE_ACTION_ITEMS, BMB_CHANGE_CHANGED, &id, 1);
  assert_ids (g_ptr_array_index (seen.sets, 2), BMB_CHANGE_ACTION_ITEMS, BMB_CHANGE_REMOVED, &id, 1);

  g_ptr_array_unref (seen.sets);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Jakarta", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/change-set/merge-rules", test_merge_rules);
  g_test_add_func ("/change-set/contact-writes", test_contact_writes);
  g_test_add_func ("/change-set/rollback", test_rollback);
  g_test_add_func ("/change-set/nested", test_nested);
  g_test_add_func ("/change-set/goals-and-action-items", test_goals_and_action_items);

  return g_test_run ();
}
