/* bmb-mentoring-store-occurrences.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Occurrences: expanding series over a window with their overrides,
 * next / previous occurrence, and editing a single occurrence.
 *
 * One query expands all its series from one BmbExpansionBudget, the rarest
 * series first so that a runaway rule (FREQ=SECONDLY from an old database)
 * spends what is left rather than starving the weekly meetings. A series the
 * budget did not cover is reported, never passed off as complete.
 */

#define G_LOG_DOMAIN "bmb-mentoring-store"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-mentoring-private.h"
#include "bmb-mentoring-store.h"
#include "bmb-recurrence-private.h"

#define DAY_SECONDS   (24 * 60 * 60)
#define SLACK_SECONDS (31 * DAY_SECONDS)


typedef struct
{
  BmbSession  *session;
  GPtrArray   *overrides;   /* BmbSessionOverride, may be NULL */
  GHashTable  *handled;     /* recurrence ids seen by the expansion */
  GPtrArray   *out;
  gint64       from;
  gint64       to;
} ExpandData;

static BmbSessionOverride *
find_override (GPtrArray  *overrides,
               const char *recurrence_id)
{
  for (guint i = 0; overrides != NULL && i < overrides->len; i++)
    {
      BmbSessionOverride *override = g_ptr_array_index (overrides, i);

      if (g_strcmp0 (override->occurrence_start, recurrence_id) == 0)
        return override;
    }

  return NULL;
}

static gboolean
overlaps (BmbOccurrence *occurrence,
          gint64         from,
          gint64         to)
{
  GDateTime *start = bmb_occurrence_get_start (occurrence);
  GDateTime *end = bmb_occurrence_get_end (occurrence);

  if (start == NULL || end == NULL)
    return FALSE;

  /* A zero-length window still catches what starts at its instant. */
  return g_date_time_to_unix (start) < MAX (to, from + 1) && g_date_time_to_unix (end) > from;
}

static gboolean
expand_cb (GDateTime  *start,
           const char *recurrence_id,
           gpointer    user_data)
{
  ExpandData *data = user_data;
  BmbSessionOverride *override = find_override (data->overrides, recurrence_id);
  g_autoptr(BmbOccurrence) occurrence = NULL;

  if (override != NULL)
    g_hash_table_add (data->handled, g_strdup (recurrence_id));

  occurrence = _bmb_occurrence_new_with_override (data->session, recurrence_id, start, override);
  if (overlaps (occurrence, data->from, data->to))
    g_ptr_array_add (data->out, g_steal_pointer (&occurrence));

  return TRUE;
}

static char *utc_local_string (gint64 t);

/* The overrides of occurrences near [from, to): originally there, or moved
 * there (local times are within a day of UTC; the slack covers it). */
static GHashTable *
load_window_overrides (BmbDatabase  *db,
                       gint64        from,
                       gint64        to,
                       GError      **error)
{
  g_autofree char *lower = utc_local_string (from - SLACK_SECONDS);
  g_autofree char *upper = utc_local_string (to + SLACK_SECONDS);
  g_autoptr(GHashTable) table = NULL;
  sqlite3_stmt *stmt;
  int rc;

  table = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                 (GDestroyNotify)g_ptr_array_unref);

  stmt = bmb_database_prepare (db,
                               "SELECT session_id, occurrence_start, start_local, duration_min, "
                               "  title, location, notes, status FROM meetings "
                               "WHERE occurrence_start BETWEEN ?1 AND ?2 "
                               "   OR start_local BETWEEN ?1 AND ?2", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, lower, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, upper, -1, SQLITE_TRANSIENT);

  while ((rc = bmb_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      gint64 session_id = sqlite3_column_int64 (stmt, 0);
      GPtrArray *list = g_hash_table_lookup (table, &session_id);
      BmbSessionOverride *override = g_new0 (BmbSessionOverride, 1);

      override->occurrence_start = bmb_stmt_dup_text (stmt, 1);
      override->start_local = bmb_stmt_dup_text (stmt, 2);
      override->duration_min = sqlite3_column_int (stmt, 3);
      override->title = bmb_stmt_dup_text (stmt, 4);
      override->location = bmb_stmt_dup_text (stmt, 5);
      override->notes = bmb_stmt_dup_text (stmt, 6);
      override->has_status =
        bmb_session_status_from_string ((const char *)sqlite3_column_text (stmt, 7),
                                        &override->status);

      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func ((GDestroyNotify)_bmb_session_override_free);
          g_hash_table_insert (table, g_memdup2 (&session_id, sizeof session_id), list);
        }
      g_ptr_array_add (list, override);
    }
  sqlite3_reset (stmt);

  return rc == SQLITE_DONE ? g_steal_pointer (&table) : NULL;
}

static GTimeZone *
lookup_zone (GHashTable *zones,
             BmbSession *session)
{
  const char *tzid = bmb_session_get_tzid (session);
  GTimeZone *zone;

  if (tzid == NULL)
    tzid = "UTC";

  if (!(zone = g_hash_table_lookup (zones, tzid)))
    {
      zone = bmb_session_dup_zone (session);
      g_hash_table_insert (zones, g_strdup (tzid), zone);
    }

  return zone;
}

typedef struct
{
  BmbSession *session;
  gint64      period;
} ExpandOrder;

static int
compare_rarest_first (gconstpointer a,
                      gconstpointer b)
{
  const ExpandOrder *x = a;
  const ExpandOrder *y = b;

  return x->period > y->period ? -1 : x->period < y->period ? 1 : 0;
}

/* @sessions in the order they should spend the budget: rarest first, the
 * stored order among equals. */
static GArray *
expansion_order (GPtrArray *sessions)
{
  GArray *order = g_array_sized_new (FALSE, FALSE, sizeof (ExpandOrder), sessions->len);

  for (guint i = 0; i < sessions->len; i++)
    {
      ExpandOrder item;

      item.session = g_ptr_array_index (sessions, i);
      item.period = _bmb_recurrence_estimate_period (bmb_session_get_rrule (item.session));
      g_array_append_val (order, item);
    }
  g_array_sort (order, compare_rarest_first);

  return order;
}

/* Expands one series into @out. FALSE with @error when it could not be done
 * completely (BMB_RECURRENCE_ERROR_INCOMPLETE) or not at all. */
static gboolean
expand_series (BmbSession          *session,
               GPtrArray           *overrides,
               GTimeZone           *zone,
               gint64               from,
               gint64               to,
               BmbExpansionBudget  *budget,
               GPtrArray           *out,
               GError             **error)
{
  g_autoptr(GHashTable) handled = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ExpandData data = { session, overrides, handled, out, from, to };
  int longest = bmb_session_get_duration_min (session);

  for (guint j = 0; overrides != NULL && j < overrides->len; j++)
    {
      BmbSessionOverride *override = g_ptr_array_index (overrides, j);
      longest = MAX (longest, override->duration_min);
    }

  if (!bmb_recurrence_expand (bmb_session_get_rrule (session),
                              bmb_session_get_start_local (session), zone,
                              bmb_session_get_exdates (session),
                              from - (gint64)longest * 60, MAX (to, from + 1), budget,
                              expand_cb, &data, error))
    return FALSE;

  /* Occurrences moved into the window from outside it. */
  for (guint j = 0; overrides != NULL && j < overrides->len; j++)
    {
      BmbSessionOverride *override = g_ptr_array_index (overrides, j);
      g_autoptr(GDateTime) original = NULL;
      g_autoptr(BmbOccurrence) occurrence = NULL;
      gboolean found;

      if (override->start_local == NULL ||
          g_hash_table_contains (handled, override->occurrence_start) ||
          g_strv_contains (bmb_session_get_exdates (session), override->occurrence_start))
        continue;

      original = bmb_local_time_to_date_time (override->occurrence_start, zone);
      occurrence = _bmb_occurrence_new_with_override (session, override->occurrence_start,
                                                      original, override);
      if (!overlaps (occurrence, from, to))
        continue;

      if (!bmb_recurrence_find_occurrence (bmb_session_get_rrule (session),
                                           bmb_session_get_start_local (session),
                                           override->occurrence_start, budget, &found, error))
        return FALSE;
      if (found)
        g_ptr_array_add (out, g_steal_pointer (&occurrence));
    }

  return TRUE;
}

gboolean
_bmb_mentoring_store_expand (BmbMentoringStore   *self,
                             GPtrArray           *sessions,
                             gint64               from,
                             gint64               to,
                             BmbExpansionBudget  *budget,
                             GPtrArray           *out,
                             GPtrArray           *incomplete,
                             GError             **error)
{
  BmbDatabase *db = bmb_mentoring_store_get_database (self);
  g_autoptr(GHashTable) overrides = NULL;
  g_autoptr(GHashTable) zones = NULL;
  g_autoptr(GArray) order = NULL;

  g_assert (budget != NULL);
  g_assert (incomplete != NULL);

  if (!(overrides = load_window_overrides (db, from, to, error)))
    return FALSE;

  zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                 (GDestroyNotify)g_time_zone_unref);
  order = expansion_order (sessions);

  for (guint i = 0; i < order->len; i++)
    {
      BmbSession *session = g_array_index (order, ExpandOrder, i).session;
      gint64 session_id = bmb_session_get_id (session);
      g_autoptr(GError) local_error = NULL;

      if (expand_series (session, g_hash_table_lookup (overrides, &session_id),
                         lookup_zone (zones, session), from, to, budget, out, &local_error))
        continue;

      if (g_error_matches (local_error, BMB_RECURRENCE_ERROR, BMB_RECURRENCE_ERROR_INCOMPLETE))
        g_ptr_array_add (incomplete, g_object_ref (session));
      else
        /* One broken series must not hide all the others. */
        g_debug ("Could not expand session %" G_GINT64_FORMAT ": %s",
                 session_id, local_error->message);
    }

  return TRUE;
}

static char *
utc_local_string (gint64 t)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (CLAMP (t, 0, G_GINT64_CONSTANT (253402300799)));

  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S");
}

/* Sessions that may have occurrences in [from, to): recurring ones that
 * start before the window's end, single ones near the window. */
static GPtrArray *
candidate_sessions (BmbMentoringStore  *self,
                    gint64              relationship_id,
                    gint64              from,
                    gint64              to,
                    GError            **error)
{
  BmbDatabase *db = bmb_mentoring_store_get_database (self);
  g_autofree char *upper = utc_local_string (to + SLACK_SECONDS);
  g_autofree char *lower = utc_local_string (from - SLACK_SECONDS);
  sqlite3_stmt *stmt;

  stmt = bmb_database_prepare (db,
                               "SELECT " SESSION_COLUMNS
                               "WHERE (?1 = 0 OR s.relationship_id = ?1) AND s.start_local < ?2 "
                               "  AND (s.rrule IS NOT NULL OR s.start_local >= ?3)", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, MAX (relationship_id, 0));
  sqlite3_bind_text (stmt, 2, upper, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, lower, -1, SQLITE_TRANSIENT);

  return _bmb_mentoring_store_collect_sessions (db, stmt, error);
}

static void
set_incomplete_error (GError    **error,
                      GPtrArray  *incomplete)
{
  BmbSession *first = g_ptr_array_index (incomplete, 0);

  if (incomplete->len == 1)
    g_set_error (error, BMB_RECURRENCE_ERROR, BMB_RECURRENCE_ERROR_INCOMPLETE,
                 /* Translators: %s is a session title */
                 _("The session “%s” repeats too often to show all its occurrences. "
                   "Change its repeat rule."),
                 bmb_session_get_title (first));
  else
    g_set_error (error, BMB_RECURRENCE_ERROR, BMB_RECURRENCE_ERROR_INCOMPLETE,
                 /* Translators: %s is a session title, %u how many more sessions */
                 ngettext ("The session “%s” and %u other repeat too often to show all "
                           "their occurrences. Change their repeat rules.",
                           "The session “%s” and %u others repeat too often to show all "
                           "their occurrences. Change their repeat rules.",
                           incomplete->len - 1),
                 bmb_session_get_title (first), incomplete->len - 1);
}

/* With @incomplete NULL, an incomplete result is an error. */
static GPtrArray *
list_occurrences (BmbMentoringStore  *self,
                  gint64              relationship_id,
                  gint64              from,
                  gint64              to,
                  GPtrArray         **incomplete,
                  GError            **error)
{
  BmbExpansionBudget budget = BMB_EXPANSION_BUDGET_INIT;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) partial = g_ptr_array_new_with_free_func (g_object_unref);

  if (!(sessions = candidate_sessions (self, relationship_id, from, to, error)))
    return NULL;

  if (!_bmb_mentoring_store_expand (self, sessions, from, to, &budget, out, partial, error))
    return NULL;

  g_debug ("Occurrences of %u series: %u expansion steps", sessions->len, budget.used);

  if (incomplete != NULL)
    *incomplete = g_steal_pointer (&partial);
  else if (partial->len > 0)
    {
      set_incomplete_error (error, partial);
      return NULL;
    }

  g_ptr_array_sort (out, bmb_occurrence_compare);

  return g_steal_pointer (&out);
}

GPtrArray *
bmb_mentoring_store_list_occurrences (BmbMentoringStore  *self,
                                      gint64              relationship_id,
                                      GDateTime          *from,
                                      GDateTime          *to,
                                      GError            **error)
{
  g_return_val_if_fail (BMB_IS_MENTORING_STORE (self), NULL);
  g_return_val_if_fail (from != NULL && to != NULL, NULL);

  return list_occurrences (self, relationship_id,
                           g_date_time_to_unix (from), g_date_time_to_unix (to), NULL, error);
}

GPtrArray *
bmb_mentoring_store_list_occurrences_full (BmbMentoringStore  *self,
                                           gint64              relationship_id,
                                           GDateTime          *from,
                                           GDateTime          *to,
                                           GPtrArray         **incomplete,
                                           GError            **error)
{
  g_return_val_if_fail (BMB_IS_MENTORING_STORE (self), NULL);
  g_return_val_if_fail (from != NULL && to != NULL, NULL);
  g_return_val_if_fail (incomplete != NULL, NULL);

  *incomplete = NULL;
  return list_occurrences (self, relationship_id,
                           g_date_time_to_unix (from), g_date_time_to_unix (to), incomplete,
                           error);
}

GPtrArray *
bmb_mentoring_store_list_session_occurrences (BmbMentoringStore  *self,
                                              gint64              session_id,
                                              GDateTime          *from,
                                              GDateTime          *to,
                                              GError            **error)
{
  BmbExpansionBudget budget = BMB_EXPANSION_BUDGET_INIT;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) partial = g_ptr_array_new_with_free_func (g_object_unref);
  BmbDatabase *db;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BMB_IS_MENTORING_STORE (self), NULL);
  g_return_val_if_fail (from != NULL && to != NULL, NULL);

  db = bmb_mentoring_store_get_database (self);
  stmt = bmb_database_prepare (db, "SELECT " SESSION_COLUMNS "WHERE s.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, session_id);
  if (!(sessions = _bmb_mentoring_store_collect_sessions (db, stmt, error)))
    return NULL;

  if (!_bmb_mentoring_store_expand (self, sessions, g_date_time_to_unix (from),
                                    g_date_time_to_unix (to), &budget, out, partial, error))
    return NULL;

  g_ptr_array_sort (out, bmb_occurrence_compare);

  return g_steal_pointer (&out);
}

BmbOccurrence *
bmb_mentoring_store_get_next_occurrence (BmbMentoringStore  *self,
                                         gint64              relationship_id,
                                         GDateTime          *after,
                                         GError            **error)
{
  static const int horizons_days[] = { 31, 366, 731 };
  gint64 t;

  g_return_val_if_fail (BMB_IS_MENTORING_STORE (self), NULL);
  g_return_val_if_fail (after != NULL, NULL);

  t = g_date_time_to_unix (after);

  for (guint h = 0; h < G_N_ELEMENTS (horizons_days); h++)
    {
      g_autoptr(GPtrArray) list = NULL;

      list = list_occurrences (self, relationship_id, t,
                               t + (gint64)horizons_days[h] * DAY_SECONDS, NULL, error);
      if (list == NULL)
        return NULL;

      for (guint i = 0; i < list->len; i++)
        {
          BmbOccurrence *occurrence = g_ptr_array_index (list, i);

          if (bmb_occurrence_get_status (occurrence) != BMB_SESSION_STATUS_CANCELLED &&
              g_date_time_to_unix (bmb_occurrence_get_start (occurrence)) >= t)
            return g_object_ref (occurrence);
        }
    }

  return NULL;
}

BmbOccurrence *
bmb_mentoring_store_get_previous_occurrence (BmbMentoringStore  *self,
                                             gint64              relationship_id,
                                             GDateTime          *before,
                                             GError            **error)
{
  static const int horizons_days[] = { 92, 731, 3653 };
  gint64 t;

  g_return_val_if_fail (BMB_IS_MENTORING_STORE (self), NULL);
  g_return_val_if_fail (before != NULL, NULL);

  t = g_date_time_to_unix (before);

  for (guint h = 0; h < G_N_ELEMENTS (horizons_days); h++)
    {
      g_autoptr(GPtrArray) list = NULL;

      list = list_occurrences (self, relationship_id,
                               t - (gint64)horizons_days[h] * DAY_SECONDS, t, NULL, error);
      if (list == NULL)
        return NULL;

      for (guint i = list->len; i > 0; i--)
        {
          BmbOccurrence *occurrence = g_ptr_array_index (list, i - 1);

          if (bmb_occurrence_get_status (occurrence) != BMB_SESSION_STATUS_CANCELLED &&
              g_date_time_to_unix (bmb_occurrence_get_start (occurrence)) < t)
            return g_object_ref (occurrence);
        }
    }

  return NULL;
}

/* ---- One occurrence ------------------------------------------------------------ */

gboolean
_bmb_session_has_occurrence (BmbSession *session,
                             const char *recurrence_id)
{
  if (g_strv_contains (bmb_session_get_exdates (session), recurrence_id))
    return FALSE;

  return bmb_recurrence_has_occurrence (bmb_session_get_rrule (session),
                                        bmb_session_get_start_local (session),
                                        recurrence_id);
}

static void
set_no_such_occurrence (GError     **error,
                        BmbSession  *session,
                        const char  *recurrence_id)
{
  g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_NOT_FOUND,
               /* Translators: the first %s is a session title, the second a date and time */
               _("The session “%s” has no occurrence at %s."),
               bmb_session_get_title (session), recurrence_id);
}

BmbOccurrence *
bmb_mentoring_store_get_occurrence (BmbMentoringStore  *self,
                                    gint64              session_id,
                                    const char         *recurrence_id,
                                    GError            **error)
{
  g_autoptr(BmbSession) session = NULL;
  g_autoptr(GPtrArray) overrides = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) original = NULL;

  g_return_val_if_fail (BMB_IS_MENTORING_STORE (self), NULL);
  g_return_val_if_fail (recurrence_id != NULL, NULL);

  if (!(session = bmb_mentoring_store_get_session (self, session_id, error)))
    return NULL;

  if (!_bmb_session_has_occurrence (session, recurrence_id))
    {
      set_no_such_occurrence (error, session, recurrence_id);
      return NULL;
    }

  if (!(overrides = _bmb_mentoring_store_list_overrides (self, session_id, error)))
    return NULL;

  zone = bmb_session_dup_zone (session);
  original = bmb_local_time_to_date_time (recurrence_id, zone);

  return _bmb_occurrence_new_with_override (session, recurrence_id, original,
                                            find_override (overrides, recurrence_id));
}

/* "" when the occurrence cleared a value the series has. */
static char *
differing_text (const char *series,
                const char *occurrence)
{
  if (g_strcmp0 (series, occurrence) == 0)
    return NULL;

  return g_strdup (occurrence ? occurrence : "");
}

gboolean
bmb_mentoring_store_save_occurrence (BmbMentoringStore  *self,
                                     BmbOccurrence      *occurrence,
                                     GError            **error)
{
  BmbDatabase *db;
  g_autoptr(BmbSession) session = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autofree char *start_local = NULL;
  g_autofree char *title = NULL;
  const char *recurrence_id;
  BmbSessionOverride override = { 0 };
  gboolean changed;

  g_return_val_if_fail (BMB_IS_MENTORING_STORE (self), FALSE);
  g_return_val_if_fail (BMB_IS_OCCURRENCE (occurrence), FALSE);

  db = bmb_mentoring_store_get_database (self);
  recurrence_id = bmb_occurrence_get_recurrence_id (occurrence);

  title = g_strstrip (g_strdup (bmb_occurrence_get_title (occurrence)
                                ? bmb_occurrence_get_title (occurrence) : ""));
  if (*title == '\0')
    {
      g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID,
                   _("A session needs a title."));
      return FALSE;
    }

  /* Compare with the stored series, not a possibly stale copy. */
  session = bmb_mentoring_store_get_session (self, bmb_occurrence_get_session_id (occurrence), error);
  if (session == NULL)
    return FALSE;

  if (!_bmb_session_has_occurrence (session, recurrence_id))
    {
      set_no_such_occurrence (error, session, recurrence_id);
      return FALSE;
    }

  zone = bmb_session_dup_zone (session);
  start = g_date_time_to_timezone (bmb_occurrence_get_start (occurrence), zone);
  start_local = bmb_date_time_to_local_time (start);

  if (!bmb_database_begin (db, error))
    return FALSE;

  if (!bmb_session_is_recurring (session))
    {
      /* A single session: the occurrence is the session. */
      g_object_freeze_notify (G_OBJECT (session));
      bmb_session_set_start_local (session, start_local);
      bmb_session_set_duration_min (session, bmb_occurrence_get_duration_min (occurrence));
      bmb_session_set_title (session, bmb_occurrence_get_title (occurrence));
      bmb_session_set_location (session, bmb_occurrence_get_location (occurrence));
      bmb_session_set_notes (session, NULL);
      bmb_session_set_status (session, bmb_occurrence_get_status (occurrence));
      g_object_thaw_notify (G_OBJECT (session));

      /* Its notes are its meeting's (bmb-meeting.h), kept at its start. */
      if (!_bmb_mentoring_store_write_session (self, session, error) ||
          !_bmb_mentoring_store_drop_orphan_overrides (self, session, error) ||
          !_bmb_mentoring_store_set_meeting_notes (self, session, start_local,
                                                   bmb_occurrence_get_notes (occurrence),
                                                   error))
        return _bmb_mentoring_rollback_and_fail (db);
      if (!bmb_database_commit (db, error))
        return _bmb_mentoring_rollback_and_fail (db);
      return TRUE;
    }

  override.occurrence_start = (char *)recurrence_id;
  if (!g_str_equal (start_local, recurrence_id))
    override.start_local = g_strdup (start_local);
  if (bmb_occurrence_get_duration_min (occurrence) != bmb_session_get_duration_min (session))
    override.duration_min = bmb_occurrence_get_duration_min (occurrence);
  if (g_strcmp0 (bmb_occurrence_get_title (occurrence), bmb_session_get_title (session)) != 0)
    override.title = g_strdup (bmb_occurrence_get_title (occurrence));
  override.location = differing_text (bmb_session_get_location (session),
                                      bmb_occurrence_get_location (occurrence));
  /* A meeting's notes are its own, never the series'. */
  override.notes = g_strdup (bmb_occurrence_get_notes (occurrence));
  if (bmb_occurrence_get_status (occurrence) != bmb_session_get_status (session))
    {
      override.has_status = TRUE;
      override.status = bmb_occurrence_get_status (occurrence);
    }

  changed = override.start_local || override.duration_min || override.title ||
            override.location || override.has_status;

  /* The row keeps the meeting's record; one left with nothing goes. */
  if (!_bmb_mentoring_store_write_override (self, bmb_session_get_id (session), &override, error) ||
      !_bmb_mentoring_store_prune_meetings (db, bmb_session_get_id (session), recurrence_id, error))
    goto failed;
  bmb_database_mark_item (db, BMB_CHANGE_SESSIONS, bmb_session_get_id (session),
                          BMB_CHANGE_CHANGED);

  if (!bmb_database_commit (db, error))
    goto failed;

  _bmb_occurrence_set_overridden (occurrence, changed);

  g_free (override.start_local);
  g_free (override.title);
  g_free (override.location);
  g_free (override.notes);
  return TRUE;

failed:
  bmb_database_rollback (db);
  g_free (override.start_local);
  g_free (override.title);
  g_free (override.location);
  g_free (override.notes);
  return FALSE;
}

gboolean
bmb_mentoring_store_set_occurrence_status (BmbMentoringStore  *self,
                                           gint64              session_id,
                                           const char         *recurrence_id,
                                           BmbSessionStatus    status,
                                           GError            **error)
{
  g_autoptr(BmbOccurrence) occurrence = NULL;

  g_return_val_if_fail (BMB_IS_MENTORING_STORE (self), FALSE);
  g_return_val_if_fail (recurrence_id != NULL, FALSE);

  occurrence = bmb_mentoring_store_get_occurrence (self, session_id, recurrence_id, error);
  if (occurrence == NULL)
    return FALSE;

  bmb_occurrence_set_status (occurrence, status);

  return bmb_mentoring_store_save_occurrence (self, occurrence, error);
}

gboolean
bmb_mentoring_store_delete_occurrence (BmbMentoringStore  *self,
                                       gint64              session_id,
                                       const char         *recurrence_id,
                                       GError            **error)
{
  BmbDatabase *db;
  g_autoptr(BmbSession) session = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BMB_IS_MENTORING_STORE (self), FALSE);
  g_return_val_if_fail (recurrence_id != NULL, FALSE);

  db = bmb_mentoring_store_get_database (self);
  if (!(session = bmb_mentoring_store_get_session (self, session_id, error)))
    return FALSE;

  if (!_bmb_session_has_occurrence (session, recurrence_id))
    {
      set_no_such_occurrence (error, session, recurrence_id);
      return FALSE;
    }

  if (!bmb_session_is_recurring (session))
    return bmb_mentoring_store_delete_session (self, session_id, error);

  if (!bmb_database_begin (db, error))
    return FALSE;

  bmb_session_add_exdate (session, recurrence_id);
  if (!_bmb_mentoring_store_write_session (self, session, error))
    return _bmb_mentoring_rollback_and_fail (db);

  /* Its record goes with it; its action items stay on the session. */
  stmt = bmb_database_prepare (db,
                               "DELETE FROM meetings "
                               "WHERE session_id = ?1 AND occurrence_start = ?2", error);
  if (stmt == NULL)
    return _bmb_mentoring_rollback_and_fail (db);
  sqlite3_bind_int64 (stmt, 1, session_id);
  sqlite3_bind_text (stmt, 2, recurrence_id, -1, SQLITE_TRANSIENT);
  if (!bmb_database_step_done (db, stmt, error))
    return _bmb_mentoring_rollback_and_fail (db);
  bmb_database_mark_item (db, BMB_CHANGE_SESSIONS, session_id, BMB_CHANGE_CHANGED);
  bmb_database_mark_changed (db, BMB_CHANGE_ACTION_ITEMS);

  if (!bmb_database_commit (db, error))
    return _bmb_mentoring_rollback_and_fail (db);

  return TRUE;
}

gboolean
bmb_mentoring_store_revert_occurrence (BmbMentoringStore  *self,
                                       gint64              session_id,
                                       const char         *recurrence_id,
                                       GError            **error)
{
  BmbDatabase *db;

  g_return_val_if_fail (BMB_IS_MENTORING_STORE (self), FALSE);
  g_return_val_if_fail (recurrence_id != NULL, FALSE);

  db = bmb_mentoring_store_get_database (self);
  if (!bmb_database_begin (db, error))
    return FALSE;

  /* Back to the series' time, title and place; the record stays. */
  if (!_bmb_mentoring_store_clear_override (db, session_id, recurrence_id, error))
    return _bmb_mentoring_rollback_and_fail (db);

  bmb_database_mark_item (db, BMB_CHANGE_SESSIONS, session_id, BMB_CHANGE_CHANGED);

  if (!bmb_database_commit (db, error))
    return _bmb_mentoring_rollback_and_fail (db);

  return TRUE;
}
