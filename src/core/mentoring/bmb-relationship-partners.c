/* bmb-relationship-partners.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-mentoring"

#include "config.h"

#include "bmb-contact-private.h"
#include "bmb-relationship-partners.h"

gboolean
bmb_relationship_save_with_partners (BmbMentoringStore  *store,
                                     BmbContactStore    *contacts,
                                     BmbRelationship    *relationship,
                                     BmbContact         *new_mentor,
                                     BmbContact         *new_mentee,
                                     GError            **error)
{
  BmbDatabase *db;
  gint64 old_mentor, old_mentee;

  g_return_val_if_fail (BMB_IS_MENTORING_STORE (store), FALSE);
  g_return_val_if_fail (BMB_IS_CONTACT_STORE (contacts), FALSE);
  g_return_val_if_fail (BMB_IS_RELATIONSHIP (relationship), FALSE);
  g_return_val_if_fail (new_mentor == NULL || bmb_contact_get_id (new_mentor) == 0, FALSE);
  g_return_val_if_fail (new_mentee == NULL || bmb_contact_get_id (new_mentee) == 0, FALSE);
  g_return_val_if_fail (bmb_contact_store_get_database (contacts) ==
                        bmb_mentoring_store_get_database (store), FALSE);

  db = bmb_mentoring_store_get_database (store);
  old_mentor = bmb_relationship_get_mentor_id (relationship);
  old_mentee = bmb_relationship_get_mentee_id (relationship);

  if (!bmb_database_begin (db, error))
    return FALSE;

  if (new_mentor != NULL)
    {
      if (!bmb_contact_store_insert (contacts, new_mentor, error))
        goto failed;
      bmb_relationship_set_mentor_id (relationship, bmb_contact_get_id (new_mentor));
    }

  if (new_mentee != NULL)
    {
      if (!bmb_contact_store_insert (contacts, new_mentee, error))
        goto failed;
      bmb_relationship_set_mentee_id (relationship, bmb_contact_get_id (new_mentee));
    }

  if (!bmb_mentoring_store_save_relationship (store, relationship, error) ||
      !bmb_database_commit (db, error))
    goto failed;

  return TRUE;

failed:
  bmb_database_rollback (db);
  if (new_mentor != NULL)
    _bmb_contact_set_id (new_mentor, 0);
  if (new_mentee != NULL)
    _bmb_contact_set_id (new_mentee, 0);
  bmb_relationship_set_mentor_id (relationship, old_mentor);
  bmb_relationship_set_mentee_id (relationship, old_mentee);
  return FALSE;
}
