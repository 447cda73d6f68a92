/* bmb-sessions-page-search.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What changes the Sessions page's list after it is read: a search, whose
 * results are every meeting that matches (their own model, read a page at
 * a time), and committed changes, which read again only the sessions they
 * name and splice their occurrences into the loaded range.
 */

#define G_LOG_DOMAIN "bmb-sessions-page"

#include "config.h"


#include "bmb-change-set.h"
#include "bmb-local-time.h"
#include "bmb-mentoring-meetings.h"
#include "bmb-sessions-page-private.h"

/* Past this many sessions in one change, the page reads its range again. */
#define MAX_SESSIONS_ONE_BY_ONE 32

/* Appends the next page of meetings that match to the results; a meeting
 * already listed (a series matching by its own text and by one of its
 * meetings) is listed once. */
static void
fetch_results (BmbSessionsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) fresh = g_ptr_array_new ();

  found = bmb_mentoring_store_search_meetings (self->store, self->search_query,
                                               self->search_offset, BMB_MEETINGS_PAGE_MAX,
                                               &error);
  if (found == NULL)
    {
      g_debug ("Search failed: %s", error->message);
      self->search_has_more = FALSE;
      return;
    }

  self->search_offset += found->len;
  self->search_has_more = found->len == BMB_MEETINGS_PAGE_MAX;

  for (guint i = 0; i < found->len; i++)
    {
      BmbOccurrence *occurrence = bmb_meeting_get_occurrence (g_ptr_array_index (found, i));
      char *key;

      if (occurrence == NULL)
        continue;
      key = g_strdup_printf ("%" G_GINT64_FORMAT "/%s", bmb_occurrence_get_session_id (occurrence),
                             bmb_occurrence_get_recurrence_id (occurrence));
      if (!g_hash_table_add (self->search_matches, key))
        continue;
      g_ptr_array_add (fresh, occurrence);
    }

  /* One change, so the list binds only the new rows. */
  g_list_store_splice (self->search_results,
                       g_list_model_get_n_items (G_LIST_MODEL (self->search_results)), 0,
                       fresh->pdata, fresh->len);
}

/* The search lists every meeting that matches, past and future, not only
 * those in the loaded weeks: the store searches each meeting's record
 * (notes, agenda, action items, its title and place) and the results are
 * their own model, read a page at a time. */
void
_bmb_sessions_page_set_search (BmbSessionsPage *self,
                               const char      *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  g_clear_pointer (&self->search_text, g_free);
  g_clear_pointer (&self->search_query, g_free);
  g_clear_pointer (&self->search_matches, g_hash_table_unref);
  self->search_offset = 0;
  self->search_has_more = FALSE;
  g_list_store_remove_all (self->search_results);

  if (stripped[0] != '\0' && self->store != NULL)
    {
      self->search_text = g_utf8_casefold (stripped, -1);
      self->search_query = g_steal_pointer (&stripped);
      self->search_matches = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      fetch_results (self);
    }

  gtk_filter_list_model_set_model (self->filter_model,
                                   self->search_text != NULL
                                     ? G_LIST_MODEL (self->search_results)
                                     : G_LIST_MODEL (self->occurrences));
  _bmb_sessions_page_refilter (self, GTK_FILTER_CHANGE_DIFFERENT);
}

void
_bmb_sessions_page_search_more (BmbSessionsPage *self)
{
  if (self->search_text == NULL || !self->search_has_more)
    return;

  fetch_results (self);
  _bmb_sessions_page_update_rows (self);
}

/* The search again, as far as it was read, after its meetings changed. */
void
_bmb_sessions_page_refresh_search (BmbSessionsPage *self)
{
  g_autofree char *query = g_strdup (self->search_query);
  guint read = self->search_offset;

  _bmb_sessions_page_set_search (self, query);
  while (self->search_has_more && self->search_offset < read)
    fetch_results (self);
  _bmb_sessions_page_update_rows (self);
}

/* Replaces the occurrences of the sessions in @ids (gint64 → action) in the
 * loaded range by @fresh, in one change of the list store: the rows of the
 * other sessions stay the same items. */
static void
splice_sessions (BmbSessionsPage *self,
                 GHashTable      *ids,
                 GPtrArray       *fresh)
{
  GListModel *model = G_LIST_MODEL (self->occurrences);
  guint n = g_list_model_get_n_items (model);
  g_autoptr(GPtrArray) replacement = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) keep = g_array_new (FALSE, FALSE, sizeof (gboolean));
  guint first = n;
  guint last = 0;

  g_array_set_size (keep, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BmbOccurrence) occurrence = g_list_model_get_item (model, i);
      gint64 id = bmb_occurrence_get_session_id (occurrence);
      gboolean named = g_hash_table_contains (ids, &id);

      g_array_index (keep, gboolean, i) = !named;
      if (named)
        {
          first = MIN (first, i);
          last = i;
        }
    }

  if (first == n)
    last = n - (n > 0);
  for (guint i = first; i < n && i <= last; i++)
    if (g_array_index (keep, gboolean, i))
      g_ptr_array_add (replacement, g_list_model_get_item (model, i));
  for (guint i = 0; i < fresh->len; i++)
    g_ptr_array_add (replacement, g_object_ref (g_ptr_array_index (fresh, i)));

  if (first == n)
    g_list_store_splice (self->occurrences, n, 0, replacement->pdata, replacement->len);
  else
    g_list_store_splice (self->occurrences, first, last - first + 1,
                         replacement->pdata, replacement->len);
}

/* A committed change: the sessions it names are read again in the loaded
 * range and only their rows change. A bulk write that names no sessions
 * (an import), a new day, or renamed partners read everything again. */
void
_bmb_sessions_page_apply_changes (BmbSessionsPage *self,
                                  BmbChangeSet    *changes)
{
  static const BmbChangeAction actions[] = { BMB_CHANGE_ADDED, BMB_CHANGE_CHANGED,
                                             BMB_CHANGE_REMOVED };
  BmbChangeFlags kinds = bmb_change_set_get_kinds (changes);
  g_autoptr(GDateTime) now = bmb_date_time_new_now_local ();
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  g_autoptr(GHashTable) ids = NULL;
  g_autoptr(GPtrArray) fresh = NULL;
  g_autofree char *from_local = NULL;
  g_autofree char *to_local = NULL;
  g_autoptr(GError) span_error = NULL;
  guint n_sessions = 0;
  gboolean has_later = FALSE;
  gboolean has_earlier = FALSE;

  if (self->store == NULL ||
      !(kinds & (BMB_CHANGE_SESSIONS | BMB_CHANGE_RELATIONSHIPS | BMB_CHANGE_CONTACTS)))
    return;

  if (self->today == NULL || self->read_failed || self->reload_id != 0 ||
      (bmb_change_set_get_coarse_kinds (changes) & BMB_CHANGE_SESSIONS) ||
      g_date_time_get_day_of_month (now) != g_date_time_get_day_of_month (self->today) ||
      g_date_time_get_month (now) != g_date_time_get_month (self->today))
    {
      _bmb_sessions_page_schedule_reload (self);
      return;
    }

  /* Partners' names are drawn on the rows: a new name binds them again. */
  if ((kinds & (BMB_CHANGE_RELATIONSHIPS | BMB_CHANGE_CONTACTS)) &&
      _bmb_sessions_page_reload_relationships (self))
    {
      _bmb_sessions_page_schedule_reload (self);
      return;
    }

  if (!(kinds & BMB_CHANGE_SESSIONS))
    return;

  /* Many sessions at once (a sync): one read of the range is cheaper. */
  if (bmb_change_set_get_n_items (changes, BMB_CHANGE_SESSIONS) > MAX_SESSIONS_ONE_BY_ONE)
    {
      _bmb_sessions_page_schedule_reload (self);
      return;
    }

  from = g_date_time_add_weeks (self->today, -(int)self->past_weeks);
  to = g_date_time_add_weeks (self->today, (int)self->upcoming_weeks);
  from_local = bmb_date_time_to_local_time (from);
  to_local = bmb_date_time_to_local_time (to);
  ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  fresh = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint a = 0; a < G_N_ELEMENTS (actions); a++)
    {
      guint n_ids = 0;
      const gint64 *list = bmb_change_set_get_ids (changes, BMB_CHANGE_SESSIONS, actions[a], &n_ids);

      for (guint i = 0; i < n_ids; i++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(GPtrArray) occurrences = NULL;

          g_hash_table_add (ids, g_memdup2 (&list[i], sizeof list[i]));
          if (actions[a] == BMB_CHANGE_REMOVED)
            continue;

          /* A session that is gone again by now has none. */
          occurrences = bmb_mentoring_store_list_session_occurrences (self->store, list[i],
                                                                      from, to, &error);
          if (occurrences == NULL)
            {
              g_debug ("Session %" G_GINT64_FORMAT " not read: %s", list[i], error->message);
              _bmb_sessions_page_schedule_reload (self);
              return;
            }
          g_ptr_array_extend_and_steal (fresh, g_steal_pointer (&occurrences));
        }
    }

  /* How many there are and whether any lie beyond the range, as the
   * whole read says it (index lookups). */
  if (!bmb_mentoring_store_get_session_span (self->store, from_local, to_local, &n_sessions,
                                             &has_later, &has_earlier, &span_error))
    {
      g_debug ("Sessions not counted: %s", span_error->message);
      _bmb_sessions_page_schedule_reload (self);
      return;
    }
  self->n_sessions = n_sessions;
  self->has_later = has_later;
  self->has_earlier = has_earlier;

  splice_sessions (self, ids, fresh);

  if (self->search_text != NULL)
    _bmb_sessions_page_refresh_search (self);
  _bmb_sessions_page_update_rows (self);
  _bmb_sessions_page_update_actions (self);
}

