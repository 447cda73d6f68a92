/* bmb-contact-store-interactions.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Interactions, the follow-up dates they drive, and "met at an event".
 *
 * last_contact_on is the newest interaction; a contact without interactions
 * keeps the date set by hand or by an import. Logging an interaction never
 * moves it back. next_follow_up_on = last contact (else the date we met,
 * else the day the contact was created) + the stay-in-touch interval, or
 * the one-off follow-up date (follow_up_on) when that comes first, or NULL
 * without either. A one-off follow-up stays until it is done
 * (bmb_contact_store_complete_follow_up()); logging an interaction does not
 * clear it.
 */

#define G_LOG_DOMAIN "bmb-contact-store"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-contact-private.h"
#include "bmb-contact-store-private.h"
#include "bmb-follow-up.h"

/* ---- helpers ------------------------------------------------------------- */

static gint64
now_unix (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static char *
local_date_of (gint64 unix_time)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (unix_time > 0 ? unix_time
                                                                           : now_unix ());

  return g_date_time_format (dt, "%Y-%m-%d");
}

static char *
compute_interval_next (const char      *last_contact_on,
                       const char      *met_on,
                       gint64           created_at,
                       guint            count,
                       BmbFollowUpUnit  unit)
{
  g_autofree char *created_on = NULL;
  const char *base = last_contact_on;
  GDate date;

  if (count == 0 || unit == BMB_FOLLOW_UP_UNIT_NONE)
    return NULL;

  if (!bmb_date_parse_iso (base, &date))
    base = met_on;
  if (!bmb_date_parse_iso (base, &date))
    base = created_on = local_date_of (created_at);

  return bmb_follow_up_compute_next (base, count, unit);
}

/* The earlier of the interval's next date and the one-off @follow_up_on. */
static char *
compute_next (const char      *last_contact_on,
              const char      *met_on,
              gint64           created_at,
              guint            count,
              BmbFollowUpUnit  unit,
              const char      *follow_up_on)
{
  g_autofree char *next = compute_interval_next (last_contact_on, met_on, created_at,
                                                 count, unit);
  GDate date;

  if (bmb_date_parse_iso (follow_up_on, &date) &&
      (next == NULL || strcmp (follow_up_on, next) < 0))
    return g_strdup (follow_up_on);

  return g_steal_pointer (&next);
}

/* The newest interaction date, or NULL. */
static gboolean
dup_newest_interaction (BmbContactStore  *self,
                        gint64            contact_id,
                        char            **out_date,
                        GError          **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *out_date = NULL;

  if (!(stmt = bmb_database_prepare (self->db,
                                     "SELECT max (happened_on) FROM interactions "
                                     "WHERE contact_id = ?1",
                                     error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contact_id);
  if ((rc = bmb_database_step (self->db, stmt, error)) < 0)
    return FALSE;
  if (rc == SQLITE_ROW)
    *out_date = bmb_stmt_dup_text (stmt, 0);
  sqlite3_reset (stmt);

  return TRUE;
}

static gboolean
validate_interaction (BmbInteraction  *interaction,
                      GError         **error)
{
  const char *happened_on = bmb_interaction_get_happened_on (interaction);
  GDate date;

  if (bmb_interaction_get_contact_id (interaction) <= 0)
    {
      g_set_error_literal (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID,
                           _("An interaction must belong to a contact."));
      return FALSE;
    }

  if (!bmb_date_parse_iso (happened_on, &date))
    {
      g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID,
                   _("The interaction date “%s” is not valid. Use the form YYYY-MM-DD."),
                   happened_on ? happened_on : "");
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_contact_exists (BmbContactStore  *self,
                      gint64            contact_id,
                      GError          **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = bmb_database_prepare (self->db, "SELECT 1 FROM contacts WHERE id = ?1", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contact_id);
  if ((rc = bmb_database_step (self->db, stmt, error)) < 0)
    return FALSE;
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW)
    {
      _bmb_contact_store_set_not_found (error, contact_id);
      return FALSE;
    }

  return TRUE;
}

static BmbInteraction *
interaction_from_row (sqlite3_stmt *stmt)
{
  BmbInteractionChannel channel = BMB_INTERACTION_CHANNEL_OTHER;
  BmbInteraction *interaction;

  bmb_interaction_channel_from_string ((const char *)sqlite3_column_text (stmt, 3), &channel);
  interaction = bmb_interaction_new (sqlite3_column_int64 (stmt, 1),
                                     (const char *)sqlite3_column_text (stmt, 2),
                                     channel,
                                     (const char *)sqlite3_column_text (stmt, 4));
  _bmb_interaction_set_id (interaction, sqlite3_column_int64 (stmt, 0));
  _bmb_interaction_set_created_at (interaction, sqlite3_column_int64 (stmt, 5));

  return interaction;
}

/* The contact an interaction belongs to, or 0 with NOT_FOUND. */
static gint64
lookup_interaction_contact (BmbContactStore  *self,
                            gint64            interaction_id,
                            GError          **error)
{
  sqlite3_stmt *stmt;
  gint64 contact_id = 0;
  int rc;

  if (!(stmt = bmb_database_prepare (self->db,
                                     "SELECT contact_id FROM interactions WHERE id = ?1",
                                     error)))
    return 0;
  sqlite3_bind_int64 (stmt, 1, interaction_id);
  if ((rc = bmb_database_step (self->db, stmt, error)) < 0)
    return 0;
  if (rc == SQLITE_ROW)
    contact_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (contact_id == 0)
    g_set_error_literal (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_NOT_FOUND,
                         _("This interaction no longer exists. It may have been deleted."));

  return contact_id;
}

static gboolean
write_follow_up (BmbContactStore  *self,
                 gint64            contact_id,
                 const char       *due_on,
                 const char       *note,
                 GError          **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = bmb_database_prepare (self->db,
                                     "UPDATE contacts SET follow_up_on = ?1, "
                                     "follow_up_note = ?2, updated_at = ?3 WHERE id = ?4",
                                     error)))
    return FALSE;
  bmb_stmt_bind_text_or_null (stmt, 1, due_on);
  bmb_stmt_bind_text_or_null (stmt, 2, due_on != NULL ? note : NULL);
  sqlite3_bind_int64 (stmt, 3, now_unix ());
  sqlite3_bind_int64 (stmt, 4, contact_id);
  if (!bmb_database_step_done (self->db, stmt, error))
    return FALSE;

  return _bmb_contact_store_refresh_follow_up (self, contact_id, TRUE, error);
}

static gboolean
set_follow_up_unless_earlier (BmbContactStore  *self,
                              gint64            contact_id,
                              const char       *due_on,
                              GError          **error)
{
  g_autofree char *current = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = bmb_database_prepare (self->db,
                                     "SELECT follow_up_on FROM contacts WHERE id = ?1",
                                     error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contact_id);
  if ((rc = bmb_database_step (self->db, stmt, error)) < 0)
    return FALSE;
  if (rc == SQLITE_ROW)
    current = bmb_stmt_dup_text (stmt, 0);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW)
    {
      _bmb_contact_store_set_not_found (error, contact_id);
      return FALSE;
    }

  if (current != NULL && strcmp (current, due_on) <= 0)
    return TRUE;

  return write_follow_up (self, contact_id, due_on, NULL, error);
}

/* ---- private API --------------------------------------------------------- */

gboolean
_bmb_contact_store_update_follow_up_fields (BmbContactStore  *self,
                                            BmbContact       *contact,
                                            gboolean          has_row,
                                            GError          **error)
{
  g_autofree char *newest = NULL;
  g_autofree char *next = NULL;

  if (has_row && !dup_newest_interaction (self, bmb_contact_get_id (contact), &newest, error))
    return FALSE;

  if (newest != NULL)
    bmb_contact_set_last_contact_on (contact, newest);

  next = compute_next (bmb_contact_get_last_contact_on (contact),
                       bmb_contact_get_met_on (contact),
                       bmb_contact_get_created_at (contact),
                       bmb_contact_get_keep_in_touch_count (contact),
                       bmb_contact_get_keep_in_touch_unit (contact),
                       bmb_contact_get_follow_up_on (contact));
  _bmb_contact_set_next_follow_up_on (contact, next);

  return TRUE;
}

gboolean
_bmb_contact_store_refresh_follow_up (BmbContactStore  *self,
                                      gint64            contact_id,
                                      gboolean          never_earlier,
                                      GError          **error)
{
  g_autofree char *stored = NULL;
  g_autofree char *met_on = NULL;
  g_autofree char *newest = NULL;
  g_autofree char *next = NULL;
  g_autofree char *follow_up_on = NULL;
  const char *last;
  gint64 created_at;
  int count;
  BmbFollowUpUnit unit;
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = bmb_database_prepare (self->db,
                                     "SELECT last_contact_on, met_on, created_at, "
                                     "keep_in_touch_count, keep_in_touch_unit, "
                                     "(SELECT max (happened_on) FROM interactions "
                                     " WHERE contact_id = ?1), follow_up_on "
                                     "FROM contacts WHERE id = ?1",
                                     error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contact_id);
  if ((rc = bmb_database_step (self->db, stmt, error)) < 0)
    return FALSE;
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return TRUE;   /* deleted meanwhile: nothing to refresh */
    }

  stored = bmb_stmt_dup_text (stmt, 0);
  met_on = bmb_stmt_dup_text (stmt, 1);
  created_at = sqlite3_column_int64 (stmt, 2);
  count = sqlite3_column_int (stmt, 3);
  unit = bmb_follow_up_unit_from_string ((const char *)sqlite3_column_text (stmt, 4));
  newest = bmb_stmt_dup_text (stmt, 5);
  follow_up_on = bmb_stmt_dup_text (stmt, 6);
  sqlite3_reset (stmt);

  last = newest;
  if (never_earlier && stored != NULL && (last == NULL || strcmp (stored, last) > 0))
    last = stored;

  next = compute_next (last, met_on, created_at, count > 0 ? (guint)count : 0, unit,
                       follow_up_on);

  if (!(stmt = bmb_database_prepare (self->db,
                                     "UPDATE contacts SET last_contact_on = ?1, "
                                     "next_follow_up_on = ?2 WHERE id = ?3",
                                     error)))
    return FALSE;
  bmb_stmt_bind_text_or_null (stmt, 1, last);
  bmb_stmt_bind_text_or_null (stmt, 2, next);
  sqlite3_bind_int64 (stmt, 3, contact_id);
  if (!bmb_database_step_done (self->db, stmt, error))
    return FALSE;

  bmb_database_mark_item (self->db, BMB_CHANGE_CONTACTS, contact_id, BMB_CHANGE_CHANGED);

  return TRUE;
}

gboolean
_bmb_contact_store_insert_interaction_row (BmbContactStore  *self,
                                           BmbInteraction   *interaction,
                                           gboolean          keep_id,
                                           GError          **error)
{
  gint64 created_at;
  sqlite3_stmt *stmt;

  if (!validate_interaction (interaction, error) ||
      !check_contact_exists (self, bmb_interaction_get_contact_id (interaction), error))
    return FALSE;

  created_at = bmb_interaction_get_created_at (interaction);
  if (!keep_id || created_at <= 0)
    created_at = now_unix ();

  if (!(stmt = bmb_database_prepare (self->db,
                                     "INSERT INTO interactions "
                                     "(id, contact_id, happened_on, channel, summary, created_at) "
                                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                     error)))
    return FALSE;
  bmb_stmt_bind_id_or_null (stmt, 1, keep_id ? bmb_interaction_get_id (interaction) : 0);
  sqlite3_bind_int64 (stmt, 2, bmb_interaction_get_contact_id (interaction));
  sqlite3_bind_text (stmt, 3, bmb_interaction_get_happened_on (interaction), -1,
                     SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4,
                     bmb_interaction_channel_to_string (bmb_interaction_get_channel (interaction)),
                     -1, SQLITE_STATIC);
  bmb_stmt_bind_text_or_null (stmt, 5, bmb_interaction_get_summary (interaction));
  sqlite3_bind_int64 (stmt, 6, created_at);
  if (!bmb_database_step_done (self->db, stmt, error))
    {
      g_prefix_error (error, _("Could not save the interaction on %s: "),
                      bmb_interaction_get_happened_on (interaction));
      return FALSE;
    }

  _bmb_interaction_set_id (interaction, bmb_database_last_insert_id (self->db));
  _bmb_interaction_set_created_at (interaction, created_at);
  bmb_database_mark_item (self->db, BMB_CHANGE_INTERACTIONS, bmb_interaction_get_id (interaction),
                          BMB_CHANGE_ADDED);

  return TRUE;
}

/* ---- public API ---------------------------------------------------------- */

gboolean
bmb_contact_store_add_interaction (BmbContactStore  *self,
                                   BmbInteraction   *interaction,
                                   GError          **error)
{
  g_return_val_if_fail (BMB_IS_CONTACT_STORE (self), FALSE);
  g_return_val_if_fail (BMB_IS_INTERACTION (interaction), FALSE);
  g_return_val_if_fail (bmb_interaction_get_id (interaction) == 0, FALSE);

  if (!bmb_database_begin (self->db, error))
    return FALSE;

  if (!_bmb_contact_store_insert_interaction_row (self, interaction, FALSE, error) ||
      !_bmb_contact_store_refresh_follow_up (self, bmb_interaction_get_contact_id (interaction),
                                             TRUE, error) ||
      !bmb_database_commit (self->db, error))
    {
      bmb_database_rollback (self->db);
      _bmb_interaction_set_id (interaction, 0);
      return FALSE;
    }

  return TRUE;
}

gboolean
bmb_contact_store_update_interaction (BmbContactStore  *self,
                                      BmbInteraction   *interaction,
                                      GError          **error)
{
  gint64 old_contact_id;
  gint64 new_contact_id;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BMB_IS_CONTACT_STORE (self), FALSE);
  g_return_val_if_fail (BMB_IS_INTERACTION (interaction), FALSE);
  g_return_val_if_fail (bmb_interaction_get_id (interaction) > 0, FALSE);

  new_contact_id = bmb_interaction_get_contact_id (interaction);

  if (!bmb_database_begin (self->db, error))
    return FALSE;

  if (!(old_contact_id = lookup_interaction_contact (self, bmb_interaction_get_id (interaction),
                                                     error)) ||
      !validate_interaction (interaction, error) ||
      !check_contact_exists (self, new_contact_id, error))
    goto failed;

  if (!(stmt = bmb_database_prepare (self->db,
                                     "UPDATE interactions SET contact_id = ?1, happened_on = ?2, "
                                     "channel = ?3, summary = ?4 WHERE id = ?5",
                                     error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, new_contact_id);
  sqlite3_bind_text (stmt, 2, bmb_interaction_get_happened_on (interaction), -1,
                     SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3,
                     bmb_interaction_channel_to_string (bmb_interaction_get_channel (interaction)),
                     -1, SQLITE_STATIC);
  bmb_stmt_bind_text_or_null (stmt, 4, bmb_interaction_get_summary (interaction));
  sqlite3_bind_int64 (stmt, 5, bmb_interaction_get_id (interaction));
  if (!bmb_database_step_done (self->db, stmt, error))
    goto failed;

  if (!_bmb_contact_store_refresh_follow_up (self, new_contact_id, FALSE, error) ||
      (old_contact_id != new_contact_id &&
       !_bmb_contact_store_refresh_follow_up (self, old_contact_id, FALSE, error)))
    goto failed;

  bmb_database_mark_item (self->db, BMB_CHANGE_INTERACTIONS, bmb_interaction_get_id (interaction),
                          BMB_CHANGE_CHANGED);

  if (!bmb_database_commit (self->db, error))
    goto failed;

  return TRUE;

failed:
  bmb_database_rollback (self->db);
  return FALSE;
}

gboolean
bmb_contact_store_delete_interaction (BmbContactStore  *self,
                                      gint64            interaction_id,
                                      GError          **error)
{
  gint64 contact_id;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BMB_IS_CONTACT_STORE (self), FALSE);

  if (!bmb_database_begin (self->db, error))
    return FALSE;

  if (!(contact_id = lookup_interaction_contact (self, interaction_id, error)))
    goto failed;

  if (!(stmt = bmb_database_prepare (self->db, "DELETE FROM interactions WHERE id = ?1", error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, interaction_id);
  if (!bmb_database_step_done (self->db, stmt, error) ||
      !_bmb_contact_store_refresh_follow_up (self, contact_id, FALSE, error))
    goto failed;

  bmb_database_mark_item (self->db, BMB_CHANGE_INTERACTIONS, interaction_id, BMB_CHANGE_REMOVED);

  if (!bmb_database_commit (self->db, error))
    goto failed;

  return TRUE;

failed:
  bmb_database_rollback (self->db);
  return FALSE;
}

GPtrArray *
bmb_contact_store_list_interactions (BmbContactStore  *self,
                                     gint64            contact_id,
                                     GError          **error)
{
  g_autoptr(GPtrArray) interactions = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BMB_IS_CONTACT_STORE (self), NULL);

  if (!(stmt = bmb_database_prepare (self->db,
                                     "SELECT id, contact_id, happened_on, channel, summary, "
                                     "created_at FROM interactions WHERE contact_id = ?1 "
                                     "ORDER BY happened_on DESC, id DESC",
                                     error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, contact_id);

  interactions = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = bmb_database_step (self->db, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (interactions, interaction_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc < 0)
    return NULL;

  return g_steal_pointer (&interactions);
}

gboolean
bmb_contact_store_log_event (BmbContactStore     *self,
                             const char          *event_name,
                             const char          *date,
                             const char          *place,
                             const char          *follow_up_on,
                             const char * const  *new_names,
                             const gint64        *existing_ids,
                             guint                n_existing,
                             GArray             **out_ids,
                             GError             **error)
{
  g_autoptr(GArray) ids = NULL;
  g_autofree char *today = NULL;
  g_autofree char *name = NULL;
  GDate parsed;

  g_return_val_if_fail (BMB_IS_CONTACT_STORE (self), FALSE);
  g_return_val_if_fail (existing_ids != NULL || n_existing == 0, FALSE);

  name = event_name ? g_strstrip (g_strdup (event_name)) : NULL;
  if (name == NULL || *name == '\0')
    {
      g_set_error_literal (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID,
                           _("The event needs a name."));
      return FALSE;
    }

  if (date == NULL)
    date = today = _bmb_contact_store_dup_today (self);
  if (!bmb_date_parse_iso (date, &parsed))
    {
      g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID,
                   _("The date of “%s” is not valid: “%s”. Use the form YYYY-MM-DD."),
                   name, date);
      return FALSE;
    }
  if (follow_up_on != NULL && !bmb_date_parse_iso (follow_up_on, &parsed))
    {
      g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID,
                   /* Translators: %s is an event name, then what was entered */
                   _("The follow-up date for “%s” is not valid: “%s”. Use the form YYYY-MM-DD."),
                   name, follow_up_on);
      return FALSE;
    }

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (!bmb_database_begin (self->db, error))
    return FALSE;

  for (guint i = 0; new_names != NULL && new_names[i] != NULL; i++)
    {
      g_autoptr(BmbContact) contact = bmb_contact_new ();
      gint64 id;

      bmb_contact_set_display_name (contact, new_names[i]);
      bmb_contact_set_met_event (contact, name);
      bmb_contact_set_met_on (contact, date);
      bmb_contact_set_met_where (contact, place);
      bmb_contact_set_follow_up_on (contact, follow_up_on);

      if (!bmb_contact_store_insert (self, contact, error))
        goto failed;

      id = bmb_contact_get_id (contact);
      g_array_append_val (ids, id);
    }

  g_array_append_vals (ids, existing_ids, n_existing);

  /* People already in the book get the follow-up too, unless they have an
   * earlier one-off follow-up already. */
  for (guint i = 0; follow_up_on != NULL && i < n_existing; i++)
    if (!set_follow_up_unless_earlier (self, existing_ids[i], follow_up_on, error))
      goto failed;

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(BmbInteraction) interaction = NULL;
      g_autofree char *summary = NULL;

      if (place != NULL && *place != '\0')
        /* Translators: an interaction summary: 1: event name, 2: place */
        summary = g_strdup_printf (_("%s, %s"), name, place);
      else
        summary = g_strdup (name);

      interaction = bmb_interaction_new (g_array_index (ids, gint64, i), date,
                                         BMB_INTERACTION_CHANNEL_EVENT, summary);
      if (!bmb_contact_store_add_interaction (self, interaction, error))
        goto failed;
    }

  if (!bmb_database_commit (self->db, error))
    goto failed;

  if (out_ids != NULL)
    *out_ids = g_steal_pointer (&ids);

  return TRUE;

failed:
  bmb_database_rollback (self->db);
  return FALSE;
}

gboolean
bmb_contact_store_set_follow_up (BmbContactStore  *self,
                                 gint64            contact_id,
                                 const char       *due_on,
                                 const char       *note,
                                 GError          **error)
{
  g_autofree char *clean_note = NULL;
  GDate date;

  g_return_val_if_fail (BMB_IS_CONTACT_STORE (self), FALSE);

  if (due_on != NULL && !bmb_date_parse_iso (due_on, &date))
    {
      g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID,
                   _("The follow-up date “%s” is not valid. Use the form YYYY-MM-DD."),
                   due_on);
      return FALSE;
    }
  clean_note = _bmb_text_normalize (note, FALSE);

  if (!bmb_database_begin (self->db, error))
    return FALSE;

  if (!check_contact_exists (self, contact_id, error) ||
      !write_follow_up (self, contact_id, due_on, clean_note, error))
    goto failed;

  if (!bmb_database_commit (self->db, error))
    goto failed;

  return TRUE;

failed:
  bmb_database_rollback (self->db);
  return FALSE;
}

gboolean
bmb_contact_store_complete_follow_up (BmbContactStore  *self,
                                      gint64            contact_id,
                                      GError          **error)
{
  g_return_val_if_fail (BMB_IS_CONTACT_STORE (self), FALSE);

  return bmb_contact_store_set_follow_up (self, contact_id, NULL, NULL, error);
}
