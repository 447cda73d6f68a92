/* bmb-contact-store-merge.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Deleting a contact (with a snapshot to undo it), restoring it, and
 * merging two duplicates into one.
 */

#define G_LOG_DOMAIN "bmb-contact-store"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-contact-private.h"
#include "bmb-contact-store-private.h"

struct _BmbContactSnapshot
{
  gatomicrefcount  ref_count;
  BmbContact      *contact;
  GPtrArray       *interactions;   /* BmbInteraction */
  GArray          *introduced;     /* gint64 ids of contacts it introduced */
};

G_DEFINE_BOXED_TYPE (BmbContactSnapshot, bmb_contact_snapshot,
                     bmb_contact_snapshot_ref, bmb_contact_snapshot_unref)

/* ---- BmbContactSnapshot -------------------------------------------------- */

BmbContactSnapshot *
bmb_contact_snapshot_ref (BmbContactSnapshot *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
bmb_contact_snapshot_unref (BmbContactSnapshot *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_clear_object (&self->contact);
      g_clear_pointer (&self->interactions, g_ptr_array_unref);
      g_clear_pointer (&self->introduced, g_array_unref);
      g_free (self);
    }
}

BmbContact *
bmb_contact_snapshot_get_contact (BmbContactSnapshot *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->contact;
}

static gboolean
check_not_in_relationship (BmbContactStore  *self,
                           BmbContact       *contact,
                           GError          **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = bmb_database_prepare (self->db,
                                     "SELECT 1 FROM relationships "
                                     "WHERE mentor_id = ?1 OR mentee_id = ?1 LIMIT 1",
                                     error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, bmb_contact_get_id (contact));
  if ((rc = bmb_database_step (self->db, stmt, error)) < 0)
    return FALSE;
  sqlite3_reset (stmt);

  if (rc == SQLITE_ROW)
    {
      g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_CONSTRAINT,
                   _("“%s” is part of a mentoring relationship. Delete the relationship "
                     "first, or merge the contact into another one."),
                   _bmb_contact_err_name (contact));
      return FALSE;
    }

  return TRUE;
}

static BmbContactSnapshot *
take_snapshot (BmbContactStore  *self,
               BmbContact       *contact,
               GError          **error)
{
  g_autoptr(BmbContactSnapshot) snapshot = g_new0 (BmbContactSnapshot, 1);
  sqlite3_stmt *stmt;
  int rc;

  g_atomic_ref_count_init (&snapshot->ref_count);
  snapshot->contact = g_object_ref (contact);
  snapshot->introduced = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (!(snapshot->interactions =
          bmb_contact_store_list_interactions (self, bmb_contact_get_id (contact), error)))
    return NULL;

  if (!(stmt = bmb_database_prepare (self->db,
                                     "SELECT id FROM contacts WHERE introduced_by = ?1",
                                     error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, bmb_contact_get_id (contact));
  while ((rc = bmb_database_step (self->db, stmt, error)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (snapshot->introduced, id);
    }
  sqlite3_reset (stmt);
  if (rc < 0)
    return NULL;

  return g_steal_pointer (&snapshot);
}

static gboolean
delete_row (BmbContactStore  *self,
            gint64            id,
            GError          **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = bmb_database_prepare (self->db, "DELETE FROM contacts WHERE id = ?1", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);

  return bmb_database_step_done (self->db, stmt, error);
}

gboolean
bmb_contact_store_delete (BmbContactStore     *self,
                          gint64               id,
                          BmbContactSnapshot **out_snapshot,
                          GError             **error)
{
  g_autoptr(BmbContact) contact = NULL;
  g_autoptr(BmbContactSnapshot) snapshot = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (BMB_IS_CONTACT_STORE (self), FALSE);

  if (!bmb_database_begin (self->db, error))
    return FALSE;

  if (!(contact = _bmb_contact_store_load_contact (self, id, &local_error)))
    {
      if (local_error == NULL)
        _bmb_contact_store_set_not_found (&local_error, id);
      goto failed;
    }

  if (!check_not_in_relationship (self, contact, &local_error))
    goto failed;

  if (out_snapshot != NULL && !(snapshot = take_snapshot (self, contact, &local_error)))
    goto failed;

  if (!delete_row (self, id, &local_error))
    {
      g_prefix_error (&local_error, _("Could not delete the contact “%s”: "),
                      _bmb_contact_err_name (contact));
      goto failed;
    }

  /* Its interactions went with it (ON DELETE CASCADE), unnamed. */
  bmb_database_mark_item (self->db, BMB_CHANGE_CONTACTS, id, BMB_CHANGE_REMOVED);
  bmb_database_mark_changed (self->db, BMB_CHANGE_INTERACTIONS);

  if (!bmb_database_commit (self->db, &local_error))
    goto failed;

  if (out_snapshot != NULL)
    *out_snapshot = g_steal_pointer (&snapshot);

  return TRUE;

failed:
  bmb_database_rollback (self->db);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* Deletes every contact in @ids, or none: one transaction (the page's "Delete" on a
 * multiple selection, after its Undo toast has gone). */
gboolean
bmb_contact_store_delete_many (BmbContactStore  *self,
                               const gint64     *ids,
                               guint             n_ids,
                               GError          **error)
{
  g_return_val_if_fail (BMB_IS_CONTACT_STORE (self), FALSE);
  g_return_val_if_fail (ids != NULL || n_ids == 0, FALSE);

  if (!bmb_database_begin (self->db, error))
    return FALSE;

  for (guint i = 0; i < n_ids; i++)
    {
      if (!bmb_contact_store_delete (self, ids[i], NULL, error))
        {
          bmb_database_rollback (self->db);
          return FALSE;
        }
    }

  if (!bmb_database_commit (self->db, error))
    {
      bmb_database_rollback (self->db);
      return FALSE;
    }

  return TRUE;
}

gboolean
bmb_contact_store_restore (BmbContactStore     *self,
                           BmbContactSnapshot  *snapshot,
                           GError             **error)
{
  g_autoptr(BmbContact) contact = NULL;
  gint64 id;

  g_return_val_if_fail (BMB_IS_CONTACT_STORE (self), FALSE);
  g_return_val_if_fail (snapshot != NULL, FALSE);

  /* Work on a copy so the snapshot can be restored again after an error. */
  contact = bmb_contact_copy (snapshot->contact);
  id = bmb_contact_get_id (contact);
  _bmb_contact_set_id (contact, 0);

  if (!bmb_database_begin (self->db, error))
    return FALSE;

  /* The person who introduced them may be gone meanwhile. */
  if (bmb_contact_get_introduced_by (contact) != 0)
    {
      gboolean exists = FALSE;

      if (!_bmb_contact_store_contact_exists (self, bmb_contact_get_introduced_by (contact),
                                              &exists, error))
        goto failed;
      if (!exists)
        bmb_contact_set_introduced_by (contact, 0);
    }

  if (!_bmb_contact_store_write_contact (self, contact, TRUE, id, error))
    goto failed;

  for (guint i = 0; i < snapshot->interactions->len; i++)
    {
      BmbInteraction *interaction = g_ptr_array_index (snapshot->interactions, i);

      if (!_bmb_contact_store_insert_interaction_row (self, interaction, TRUE, error))
        goto failed;
    }

  for (guint i = 0; i < snapshot->introduced->len; i++)
    {
      sqlite3_stmt *stmt;

      if (!(stmt = bmb_database_prepare (self->db,
                                         "UPDATE contacts SET introduced_by = ?1 "
                                         "WHERE id = ?2 AND introduced_by IS NULL",
                                         error)))
        goto failed;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (snapshot->introduced, gint64, i));
      if (!bmb_database_step_done (self->db, stmt, error))
        goto failed;
      if (bmb_database_changes (self->db) > 0)
        bmb_database_mark_item (self->db, BMB_CHANGE_CONTACTS,
                                g_array_index (snapshot->introduced, gint64, i),
                                BMB_CHANGE_CHANGED);
    }

  if (!_bmb_contact_store_refresh_follow_up (self, id, TRUE, error))
    goto failed;

  if (!bmb_database_commit (self->db, error))
    goto failed;

  return TRUE;

failed:
  bmb_database_rollback (self->db);
  return FALSE;
}

static gboolean
exec_with_two_ids (BmbContactStore  *self,
                   const char       *sql,
                   gint64            a,
                   gint64            b,
                   GError          **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = bmb_database_prepare (self->db, sql, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);

  return bmb_database_step_done (self->db, stmt, error);
}

gboolean
bmb_contact_store_merge (BmbContactStore  *self,
                         gint64            keep_id,
                         gint64            other_id,
                         GError          **error)
{
  g_autoptr(BmbContact) keep = NULL;
  g_autoptr(BmbContact) other = NULL;
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BMB_IS_CONTACT_STORE (self), FALSE);

  if (keep_id == other_id)
    {
      g_set_error_literal (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID,
                           _("A contact cannot be merged with itself."));
      return FALSE;
    }

  if (!bmb_database_begin (self->db, error))
    return FALSE;

  if (!(keep = _bmb_contact_store_load_contact (self, keep_id, &local_error)))
    {
      if (local_error == NULL)
        _bmb_contact_store_set_not_found (&local_error, keep_id);
      goto failed;
    }
  if (!(other = _bmb_contact_store_load_contact (self, other_id, &local_error)))
    {
      if (local_error == NULL)
        _bmb_contact_store_set_not_found (&local_error, other_id);
      goto failed;
    }

  /* Mentor and mentee of the same relationship cannot become one person. */
  if (!(stmt = bmb_database_prepare (self->db,
                                     "SELECT 1 FROM relationships WHERE "
                                     "(mentor_id = ?1 AND mentee_id = ?2) OR "
                                     "(mentor_id = ?2 AND mentee_id = ?1) LIMIT 1",
                                     &local_error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, keep_id);
  sqlite3_bind_int64 (stmt, 2, other_id);
  if ((rc = bmb_database_step (self->db, stmt, &local_error)) < 0)
    goto failed;
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    {
      g_set_error (&local_error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID,
                   _("“%s” and “%s” cannot be merged: one mentors the other."),
                   _bmb_contact_err_name (keep), _bmb_contact_err_name (other));
      goto failed;
    }

  /* Who introduced the kept contact must survive the other's deletion. */
  if (bmb_contact_get_introduced_by (keep) == other_id)
    bmb_contact_set_introduced_by (keep, bmb_contact_get_introduced_by (other) != keep_id
                                           ? bmb_contact_get_introduced_by (other) : 0);
  if (bmb_contact_get_introduced_by (other) == keep_id)
    bmb_contact_set_introduced_by (other, 0);

  bmb_contact_merge_from (keep, other);

  if (!exec_with_two_ids (self, "UPDATE interactions SET contact_id = ?1 WHERE contact_id = ?2",
                          keep_id, other_id, &local_error) ||
      !exec_with_two_ids (self, "UPDATE relationships SET mentor_id = ?1 WHERE mentor_id = ?2",
                          keep_id, other_id, &local_error) ||
      !exec_with_two_ids (self, "UPDATE relationships SET mentee_id = ?1 WHERE mentee_id = ?2",
                          keep_id, other_id, &local_error) ||
      !exec_with_two_ids (self,
                          "UPDATE contacts SET introduced_by = ?1 "
                          "WHERE introduced_by = ?2 AND id <> ?1",
                          keep_id, other_id, &local_error) ||
      !delete_row (self, other_id, &local_error) ||
      !_bmb_contact_store_write_contact (self, keep, FALSE, 0, &local_error))
    {
      g_prefix_error (&local_error, _("Could not merge “%s” into “%s”: "),
                      _bmb_contact_err_name (other), _bmb_contact_err_name (keep));
      goto failed;
    }

  /* The kept contact was marked changed when written; the moved
   * interactions and relationships are not named. */
  bmb_database_mark_item (self->db, BMB_CHANGE_CONTACTS, other_id, BMB_CHANGE_REMOVED);
  bmb_database_mark_changed (self->db, BMB_CHANGE_INTERACTIONS | BMB_CHANGE_RELATIONSHIPS);

  if (!bmb_database_commit (self->db, &local_error))
    goto failed;

  return TRUE;

failed:
  bmb_database_rollback (self->db);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}
