/* bmb-sessions-page-list.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list of the Sessions page: occurrences in a window of weeks around
 * today (store; while searching, the meetings found instead, see
 * bmb-sessions-page-search.c) → relationship and pending-delete filter → upcoming
 * first, then the past, newest first (sort) → grouped under day headings
 * with "Show More" / "Show Earlier" at the ends (rows) → selection → view.
 * GTK 4.8 has no list sections, so the grouping is a model of its own; it
 * changes only the rows between what stayed the same at its start and end.
 */

#define G_LOG_DOMAIN "bmb-sessions-page"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-mentoring-meetings.h"
#include "bmb-local-time.h"
#include "bmb-occurrence-row.h"
#include "bmb-session-format.h"
#include "bmb-sessions-page-private.h"

/* ---- BmbSessionsListHeader: a row that is not an occurrence ------------- */

typedef enum
{
  HEADER_DAY,      /* "Today", "Tuesday, March 10" */
  HEADER_SECTION,  /* "Past Sessions" */
  HEADER_LATER,    /* the "Show More" button */
  HEADER_EARLIER,  /* the "Show Earlier" button */
  HEADER_RESULTS,  /* the "Show More Results" button of a search */
} HeaderKind;

#define BMB_TYPE_SESSIONS_LIST_HEADER (bmb_sessions_list_header_get_type ())

G_DECLARE_FINAL_TYPE (BmbSessionsListHeader, bmb_sessions_list_header,
                      BMB, SESSIONS_LIST_HEADER, GObject)

struct _BmbSessionsListHeader
{
  GObject     parent_instance;

  HeaderKind  kind;
  char       *label;
};

G_DEFINE_FINAL_TYPE (BmbSessionsListHeader, bmb_sessions_list_header, G_TYPE_OBJECT)

static void
bmb_sessions_list_header_finalize (GObject *object)
{
  BmbSessionsListHeader *self = (BmbSessionsListHeader *)object;

  g_clear_pointer (&self->label, g_free);

  G_OBJECT_CLASS (bmb_sessions_list_header_parent_class)->finalize (object);
}

static void
bmb_sessions_list_header_class_init (BmbSessionsListHeaderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bmb_sessions_list_header_finalize;
}

static void
bmb_sessions_list_header_init (BmbSessionsListHeader *self)
{
}

static BmbSessionsListHeader *
header_new (HeaderKind  kind,
            char       *label)  /* transfer full */
{
  BmbSessionsListHeader *self = g_object_new (BMB_TYPE_SESSIONS_LIST_HEADER, NULL);

  self->kind = kind;
  self->label = label;

  return self;
}

/* ---- helpers ------------------------------------------------------------- */

static gboolean
is_past (BmbSessionsPage *self,
         BmbOccurrence   *occurrence)
{
  return g_date_time_compare (bmb_occurrence_get_start (occurrence), self->today) < 0;
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  BmbSessionsPage *self = user_data;
  BmbOccurrence *occurrence = item;
  gint64 session_id = bmb_occurrence_get_session_id (occurrence);

  if (self->relationship_id != 0 &&
      bmb_occurrence_get_relationship_id (occurrence) != self->relationship_id)
    return FALSE;

  if (self->pending_delete != NULL && self->pending_delete->session_id == session_id &&
      (self->pending_delete->recurrence_id == NULL ||
       g_strcmp0 (self->pending_delete->recurrence_id,
                  bmb_occurrence_get_recurrence_id (occurrence)) == 0))
    return FALSE;

  return TRUE;
}

/* Upcoming first, soonest first; then the past, latest day first (a day's
 * sessions still in the order they happened). The days come from the zone
 * read at the last reload, without a GDateTime each: 24,000 occurrences
 * take some 350,000 comparisons. */
static int
sort_func (gconstpointer a,
           gconstpointer b,
           gpointer      user_data)
{
  BmbSessionsPage *self = user_data;
  BmbOccurrence *oa = (BmbOccurrence *)a;
  BmbOccurrence *ob = (BmbOccurrence *)b;
  gboolean pa = is_past (self, oa);
  gboolean pb = is_past (self, ob);

  if (pa != pb)
    return pa ? 1 : -1;

  if (pa)
    {
      gint64 da = bmb_date_time_get_day_in_zone (bmb_occurrence_get_start (oa), self->zone);
      gint64 db = bmb_date_time_get_day_in_zone (bmb_occurrence_get_start (ob), self->zone);

      if (da != db)
        return da < db ? 1 : -1;
    }

  return bmb_occurrence_compare (&oa, &ob);
}

static gboolean
same_row (GObject *a,
          GObject *b)
{
  if (a == b)
    return TRUE;
  if (!BMB_IS_SESSIONS_LIST_HEADER (a) || !BMB_IS_SESSIONS_LIST_HEADER (b))
    return FALSE;

  return BMB_SESSIONS_LIST_HEADER (a)->kind == BMB_SESSIONS_LIST_HEADER (b)->kind &&
         g_strcmp0 (BMB_SESSIONS_LIST_HEADER (a)->label, BMB_SESSIONS_LIST_HEADER (b)->label) == 0;
}

/* Replaces only the rows between the unchanged start and the unchanged end
 * of the list, so the rows around one changed session keep their items and
 * the view keeps their widgets. */
static void
splice_changed_rows (BmbSessionsPage *self,
                     GPtrArray       *rows)
{
  GListModel *model = G_LIST_MODEL (self->rows);
  guint n_old = g_list_model_get_n_items (model);
  guint n_new = rows->len;
  guint prefix = 0;
  guint suffix = 0;

  while (prefix < n_old && prefix < n_new)
    {
      g_autoptr(GObject) old = g_list_model_get_item (model, prefix);

      if (!same_row (old, g_ptr_array_index (rows, prefix)))
        break;
      prefix++;
    }

  while (suffix < n_old - prefix && suffix < n_new - prefix)
    {
      g_autoptr(GObject) old = g_list_model_get_item (model, n_old - 1 - suffix);

      if (!same_row (old, g_ptr_array_index (rows, n_new - 1 - suffix)))
        break;
      suffix++;
    }

  if (prefix == n_old && prefix == n_new)
    return;

  /* An empty array may have no storage at all: no pointer arithmetic on it. */
  g_list_store_splice (self->rows, prefix, n_old - prefix - suffix,
                       n_new - prefix - suffix > 0 ? rows->pdata + prefix : NULL,
                       n_new - prefix - suffix);
}

static void
rebuild_rows (BmbSessionsPage *self)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) now = bmb_date_time_new_now_local ();
  GListModel *model = G_LIST_MODEL (self->sort_model);
  guint n = g_list_model_get_n_items (model);
  gboolean in_past = FALSE;
  gboolean have_day = FALSE;
  gint64 last_day = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BmbOccurrence) occurrence = g_list_model_get_item (model, i);
      gint64 day = bmb_date_time_get_day_in_zone (bmb_occurrence_get_start (occurrence), self->zone);

      if (is_past (self, occurrence) && !in_past)
        {
          if (self->has_later && self->search_text == NULL)
            g_ptr_array_add (rows, header_new (HEADER_LATER, NULL));
          g_ptr_array_add (rows, header_new (HEADER_SECTION, g_strdup (_("Past Sessions"))));
          in_past = TRUE;
          have_day = FALSE;
        }

      if (!have_day || day != last_day)
        {
          g_autoptr(GDateTime) local = g_date_time_to_timezone (bmb_occurrence_get_start (occurrence),
                                                                self->zone);

          g_ptr_array_add (rows, header_new (HEADER_DAY, bmb_session_format_day (local, now)));
          last_day = day;
          have_day = TRUE;
        }

      g_ptr_array_add (rows, g_steal_pointer (&occurrence));
    }

  if (!in_past && self->has_later && self->search_text == NULL)
    g_ptr_array_add (rows, header_new (HEADER_LATER, NULL));
  if (self->has_earlier && self->search_text == NULL)
    {
      if (!in_past)
        g_ptr_array_add (rows, header_new (HEADER_SECTION, g_strdup (_("Past Sessions"))));
      g_ptr_array_add (rows, header_new (HEADER_EARLIER, NULL));
    }
  if (self->search_text != NULL && self->search_has_more)
    g_ptr_array_add (rows, header_new (HEADER_RESULTS, NULL));

  splice_changed_rows (self, rows);
}

static void
update_stack (BmbSessionsPage *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));
  gboolean filtered = self->search_text != NULL || self->relationship_id != 0;

  /* While a delete waits for its Undo, the session still counts. A read that
   * failed says nothing about what is stored: never "No Sessions Yet" for it. */
  if (self->n_sessions == 0 && !self->importing && !self->read_failed)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else
    gtk_stack_set_visible_child_name (self->stack, "content");

  gtk_stack_set_visible_child_name (self->content_stack,
                                    shown == 0 && filtered ? "no-results" : "list");
}

static void
on_sorted_items_changed_cb (BmbSessionsPage *self)
{
  rebuild_rows (self);
  update_stack (self);
}

/* ---- factory ------------------------------------------------------------- */

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    BmbSessionsPage          *self)
{
  GObject *item = gtk_list_item_get_item (list_item);
  GtkWidget *child = gtk_list_item_get_child (list_item);

  if (BMB_IS_OCCURRENCE (item))
    {
      gint64 relationship_id = bmb_occurrence_get_relationship_id (BMB_OCCURRENCE (item));

      if (!BMB_IS_OCCURRENCE_ROW (child))
        {
          child = bmb_occurrence_row_new ();
          gtk_list_item_set_child (list_item, child);
        }

      bmb_occurrence_row_set_partner (BMB_OCCURRENCE_ROW (child),
                                      g_hash_table_lookup (self->partners, &relationship_id));
      bmb_occurrence_row_set_item (BMB_OCCURRENCE_ROW (child), BMB_OCCURRENCE (item));
      gtk_list_item_set_activatable (list_item, TRUE);
      gtk_list_item_set_selectable (list_item, TRUE);
      return;
    }

  g_assert (BMB_IS_SESSIONS_LIST_HEADER (item));

  gtk_list_item_set_activatable (list_item, FALSE);
  gtk_list_item_set_selectable (list_item, FALSE);

  switch (BMB_SESSIONS_LIST_HEADER (item)->kind)
    {
    case HEADER_DAY:
    case HEADER_SECTION:
      if (!GTK_IS_LABEL (child))
        {
          child = gtk_label_new (NULL);
          gtk_label_set_xalign (GTK_LABEL (child), 0);
          gtk_label_set_wrap (GTK_LABEL (child), TRUE);
          gtk_widget_set_margin_start (child, 6);
          gtk_widget_set_margin_bottom (child, 3);
          gtk_list_item_set_child (list_item, child);
        }
      gtk_label_set_label (GTK_LABEL (child), BMB_SESSIONS_LIST_HEADER (item)->label);
      if (BMB_SESSIONS_LIST_HEADER (item)->kind == HEADER_DAY)
        {
          gtk_widget_remove_css_class (child, "title-4");
          gtk_widget_add_css_class (child, "heading");
          gtk_widget_set_margin_top (child, 12);
        }
      else
        {
          gtk_widget_remove_css_class (child, "heading");
          gtk_widget_add_css_class (child, "title-4");
          gtk_widget_set_margin_top (child, 24);
        }
      break;

    case HEADER_LATER:
    case HEADER_RESULTS:
    case HEADER_EARLIER:
    default:
      if (!GTK_IS_BUTTON (child))
        {
          child = gtk_button_new ();
          gtk_button_set_use_underline (GTK_BUTTON (child), TRUE);
          gtk_widget_set_halign (child, GTK_ALIGN_CENTER);
          gtk_widget_set_margin_top (child, 6);
          gtk_widget_set_margin_bottom (child, 6);
          gtk_widget_add_css_class (child, "pill");
          gtk_list_item_set_child (list_item, child);
        }
      if (BMB_SESSIONS_LIST_HEADER (item)->kind == HEADER_RESULTS)
        {
          gtk_button_set_label (GTK_BUTTON (child), _("Show _More Results"));
          gtk_actionable_set_action_name (GTK_ACTIONABLE (child), "sessions.more-results");
          gtk_widget_set_tooltip_text (child, _("List the next meetings that match"));
        }
      else if (BMB_SESSIONS_LIST_HEADER (item)->kind == HEADER_LATER)
        {
          gtk_button_set_label (GTK_BUTTON (child), _("Show _More"));
          gtk_actionable_set_action_name (GTK_ACTIONABLE (child), "sessions.show-more");
          gtk_widget_set_tooltip_text (child, _("Show the next 12 weeks"));
        }
      else
        {
          gtk_button_set_label (GTK_BUTTON (child), _("Show _Earlier"));
          gtk_actionable_set_action_name (GTK_ACTIONABLE (child), "sessions.show-earlier");
          gtk_widget_set_tooltip_text (child, _("Show the 12 weeks before"));
        }
      break;
    }
}

static void
on_factory_unbind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      BmbSessionsPage          *self)
{
  GtkWidget *child = gtk_list_item_get_child (list_item);

  if (BMB_IS_OCCURRENCE_ROW (child))
    bmb_occurrence_row_set_item (BMB_OCCURRENCE_ROW (child), NULL);
}

/* ---- relationships ------------------------------------------------------- */

/* Returns whether a partner's name changed (rows show them). */
static gboolean
reload_relationships (BmbSessionsPage *self)
{
  g_autoptr(GHashTable) old_partners = NULL;
  gboolean partners_changed = FALSE;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) relationships = NULL;
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  guint selected = 0;
  gint64 all = 0;

  relationships = bmb_mentoring_store_list_relationships (self->store, &error);
  if (relationships == NULL)
    {
      g_debug ("Could not list relationships: %s", error->message);
      relationships = g_ptr_array_new_with_free_func (g_object_unref);
    }

  old_partners = g_steal_pointer (&self->partners);
  self->partners = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_array_set_size (self->relationship_ids, 0);
  g_ptr_array_add (titles, g_strdup (_("All Relationships")));
  g_array_append_val (self->relationship_ids, all);

  for (guint i = 0; i < relationships->len; i++)
    {
      BmbRelationship *relationship = g_ptr_array_index (relationships, i);
      gint64 id = bmb_relationship_get_id (relationship);
      char *partner = bmb_relationship_dup_partner_name (relationship);

      if (partner != NULL)
        g_hash_table_insert (self->partners, g_memdup2 (&id, sizeof id), partner);

      if (id == self->relationship_id)
        selected = self->relationship_ids->len;
      g_ptr_array_add (titles, bmb_relationship_dup_display_title (relationship));
      g_array_append_val (self->relationship_ids, id);
    }
  g_ptr_array_add (titles, NULL);

  self->updating_relationships = TRUE;
  gtk_string_list_splice (self->relationship_list, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->relationship_list)),
                          (const char * const *)titles->pdata);
  gtk_drop_down_set_selected (self->relationship_dropdown, selected);
  self->updating_relationships = FALSE;

  /* A relationship that is gone filters nothing any more. */
  if (selected == 0)
    self->relationship_id = 0;

  gtk_widget_set_visible (GTK_WIDGET (self->relationship_dropdown), relationships->len > 0);

  if (g_hash_table_size (old_partners) != g_hash_table_size (self->partners))
    partners_changed = TRUE;
  else
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, self->partners);
      while (!partners_changed && g_hash_table_iter_next (&iter, &key, &value))
        partners_changed = g_strcmp0 (value, g_hash_table_lookup (old_partners, key)) != 0;
    }

  return partners_changed;
}

/* ---- private API --------------------------------------------------------- */

void
_bmb_sessions_page_setup_list (BmbSessionsPage *self)
{
  GtkListItemFactory *factory;

  self->occurrences = g_list_store_new (BMB_TYPE_OCCURRENCE);
  self->search_results = g_list_store_new (BMB_TYPE_OCCURRENCE);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->occurrences)),
                                                  g_object_ref (GTK_FILTER (self->filter)));
  self->sorter = gtk_custom_sorter_new (sort_func, self, NULL);
  self->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filter_model)),
                                              g_object_ref (GTK_SORTER (self->sorter)));
  self->rows = g_list_store_new (G_TYPE_OBJECT);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);

  g_signal_connect_object (self->sort_model, "items-changed",
                           G_CALLBACK (on_sorted_items_changed_cb), self, G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "bind", G_CALLBACK (on_factory_bind_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (on_factory_unbind_cb), self, 0);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  g_object_unref (factory);

  self->partners = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->relationship_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->upcoming_weeks = BMB_SESSIONS_PAGE_WEEKS;
  self->past_weeks = BMB_SESSIONS_PAGE_WEEKS;
  self->zone = bmb_local_time_zone_ref ();
}

void
_bmb_sessions_page_dispose_list (BmbSessionsPage *self)
{
  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);

  /* The filter and sorter call back into self: cut them loose first. */
  if (self->filter != NULL)
    gtk_custom_filter_set_filter_func (self->filter, NULL, NULL, NULL);
  if (self->sorter != NULL)
    gtk_custom_sorter_set_sort_func (self->sorter, NULL, NULL, NULL);

  g_clear_object (&self->selection);
  g_clear_object (&self->rows);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->sorter);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->occurrences);
  g_clear_object (&self->search_results);
  g_clear_pointer (&self->search_query, g_free);
  g_clear_pointer (&self->partners, g_hash_table_unref);
  g_clear_pointer (&self->relationship_ids, g_array_unref);
  g_clear_pointer (&self->search_matches, g_hash_table_unref);
  g_clear_pointer (&self->today, g_date_time_unref);
  g_clear_pointer (&self->zone, g_time_zone_unref);
}

static gboolean
retry_reload_cb (gpointer user_data)
{
  BmbSessionsPage *self = user_data;

  self->reload_id = 0;
  _bmb_sessions_page_reload (self);

  return G_SOURCE_REMOVE;
}

/* A busy database (another connection holding it past the busy timeout: a
 * big import, another program) is read again shortly, a few times, before
 * the error is shown; a failed read is never taken for an empty one. */
static void
reload_failed (BmbSessionsPage *self,
               const GError    *error)
{
  self->read_failed = TRUE;
  update_stack (self);

  if (g_error_matches (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_BUSY) &&
      self->read_retries < 4)
    {
      g_debug ("Sessions busy, reading again: %s", error->message);
      self->read_retries++;
      g_clear_handle_id (&self->reload_id, g_source_remove);
      self->reload_id = g_timeout_add (250u << self->read_retries, retry_reload_cb, self);
      return;
    }

  self->read_retries = 0;
  _bmb_sessions_page_show_error (self, _("Could Not Read the Sessions"), error);
}

void
_bmb_sessions_page_reload (BmbSessionsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) occurrences = NULL;
  g_autoptr(GPtrArray) incomplete = NULL;
  guint n_sessions = 0;
  gboolean has_later = FALSE;
  gboolean has_earlier = FALSE;
  g_autoptr(GDateTime) now = bmb_date_time_new_now_local ();
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  g_autofree char *from_local = NULL;
  g_autofree char *to_local = NULL;

  g_clear_handle_id (&self->reload_id, g_source_remove);

  if (self->store == NULL)
    return;

  g_clear_pointer (&self->today, g_date_time_unref);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  self->zone = bmb_local_time_zone_ref ();
  self->today = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                       g_date_time_get_day_of_month (now), 0, 0, 0);
  from = g_date_time_add_weeks (self->today, -(int)self->past_weeks);
  to = g_date_time_add_weeks (self->today, (int)self->upcoming_weeks);

  reload_relationships (self);

  /* Whether "Show More" / "Show Earlier" can find anything, without
   * reading every session. Compared as wall-clock text, which is close
   * enough for offering a button. */
  from_local = bmb_date_time_to_local_time (from);
  to_local = bmb_date_time_to_local_time (to);
  if (!bmb_mentoring_store_get_session_span (self->store, from_local, to_local, &n_sessions,
                                             &has_later, &has_earlier, &error))
    {
      reload_failed (self, error);
      return;
    }
  self->n_sessions = n_sessions;
  self->has_later = has_later;
  self->has_earlier = has_earlier;

  /* A series that repeats too often to expand (an old or imported rule) must not hide the
   * others: list what can be listed and say which one is cut short. */
  occurrences = bmb_mentoring_store_list_occurrences_full (self->store, 0, from, to,
                                                           &incomplete, &error);
  if (occurrences == NULL)
    {
      reload_failed (self, error);
      return;
    }
  self->read_failed = FALSE;
  self->read_retries = 0;
  /* Said once per series, not on every reload. */
  if (incomplete->len > 0 &&
      bmb_session_get_id (g_ptr_array_index (incomplete, 0)) != self->warned_incomplete_id)
    {
      BmbSession *session = g_ptr_array_index (incomplete, 0);
      g_autofree char *escaped = g_markup_escape_text (bmb_session_get_title (session) ?
                                                       bmb_session_get_title (session) : "", -1);
      g_autofree char *title = NULL;

      /* Translators: %s is a session's title */
      title = g_strdup_printf (_("“%s” repeats too often to show every meeting; edit it to repeat at most hourly"),
                               escaped);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
      self->warned_incomplete_id = bmb_session_get_id (session);
    }

  g_list_store_splice (self->occurrences, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->occurrences)),
                       occurrences->pdata, occurrences->len);

  if (self->search_text != NULL)
    _bmb_sessions_page_refresh_search (self);

  /* The headings and buttons depend on more than the occurrences. */
  rebuild_rows (self);
  update_stack (self);
  _bmb_sessions_page_update_actions (self);
}

void
_bmb_sessions_page_refilter (BmbSessionsPage *self,
                             GtkFilterChange  change)
{
  if (self->filter != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), change);
  rebuild_rows (self);
  update_stack (self);
}

/* Lays the rows out again and shows the list or an empty state. */
void
_bmb_sessions_page_update_rows (BmbSessionsPage *self)
{
  rebuild_rows (self);
  update_stack (self);
}

/* Whether the partners' names changed, read again with the relationships. */
gboolean
_bmb_sessions_page_reload_relationships (BmbSessionsPage *self)
{
  return reload_relationships (self);
}

void
_bmb_sessions_page_schedule_reload (BmbSessionsPage *self)
{
  if (self->reload_id == 0)
    self->reload_id = g_idle_add_full (G_PRIORITY_DEFAULT, retry_reload_cb, self, NULL);
}

guint
_bmb_sessions_page_find_row (BmbSessionsPage *self,
                             gint64           session_id,
                             const char      *occurrence_key)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  guint first = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->rows), i);
      g_autofree char *key = NULL;

      if (!BMB_IS_OCCURRENCE (item) ||
          bmb_occurrence_get_session_id (BMB_OCCURRENCE (item)) != session_id)
        continue;

      if (occurrence_key == NULL)
        {
          /* The next one: the first upcoming row of the session. */
          if (!is_past (self, BMB_OCCURRENCE (item)))
            return i;
          if (first == GTK_INVALID_LIST_POSITION)
            first = i;
          continue;
        }

      key = bmb_occurrence_dup_key (BMB_OCCURRENCE (item));
      if (g_strcmp0 (key, occurrence_key) == 0)
        return i;
    }

  return first;
}

BmbOccurrence *
_bmb_sessions_page_get_selected (BmbSessionsPage *self)
{
  gpointer item = gtk_single_selection_get_selected_item (self->selection);

  return BMB_IS_OCCURRENCE (item) ? item : NULL;
}

/* For tests: the rows as text, one a line: "# heading", "10:00 AM|title|status"
 * for an occurrence (status empty when planned), "[more]" and "[earlier]". */
char *
_bmb_sessions_page_dup_outline (BmbSessionsPage *self)
{
  GString *out = g_string_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->rows), i);

      if (BMB_IS_OCCURRENCE (item))
        {
          BmbOccurrence *occurrence = BMB_OCCURRENCE (item);
          g_autoptr(GDateTime) local = bmb_date_time_to_local (bmb_occurrence_get_start (occurrence));
          g_autofree char *time = bmb_session_format_time (local);
          BmbSessionStatus status = bmb_occurrence_get_status (occurrence);

          g_string_append_printf (out, "%s|%s|%s\n", time, bmb_occurrence_get_title (occurrence),
                                  status == BMB_SESSION_STATUS_PLANNED
                                    ? "" : bmb_session_status_to_string (status));
          continue;
        }

      switch (BMB_SESSIONS_LIST_HEADER (item)->kind)
        {
        case HEADER_DAY:
        case HEADER_SECTION:
          g_string_append_printf (out, "# %s\n", BMB_SESSIONS_LIST_HEADER (item)->label);
          break;

        case HEADER_LATER:
          g_string_append (out, "[more]\n");
          break;

        case HEADER_RESULTS:
          g_string_append (out, "[more results]\n");
          break;

        case HEADER_EARLIER:
        default:
          g_string_append (out, "[earlier]\n");
          break;
        }
    }

  return g_string_free (out, FALSE);
}
