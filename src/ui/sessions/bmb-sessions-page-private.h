/* bmb-sessions-page-private.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Sessions page's instance struct, shared by its files:
 * bmb-sessions-page.c (widget, actions, editor, delete with Undo),
 * bmb-sessions-page-list.c (loading, filtering, grouping by day),
 * bmb-sessions-page-search.c (search results, following committed changes) and
 * bmb-sessions-page-io.c (iCalendar import and export).
 */

#pragma once

#include "bmb-change-set.h"
#include "bmb-context.h"

#include "bmb-mentoring-store.h"
#include "bmb-session-editor.h"
#include "bmb-sessions-page.h"

G_BEGIN_DECLS

/* How far the list reaches, in weeks, and by how much "Show More" extends it. */
#define BMB_SESSIONS_PAGE_WEEKS 12

/* The delete waiting for its Undo toast, hidden from the list; the write
 * itself waits in the application's BmbUndoQueue as operation @op_id. */
typedef struct
{
  gint64    session_id;
  char     *recurrence_id;  /* NULL: the whole session */
  AdwToast *toast;          /* borrowed */
  guint     op_id;
} BmbPendingDelete;

struct _BmbSessionsPage
{
  AdwBin              parent_instance;

  /* template widgets */
  AdwToastOverlay    *toast_overlay;
  GtkDropDown        *relationship_dropdown;
  GtkStringList      *relationship_list;
  GMenu              *filter_section;     /* the main menu's copy of relationship_list */
  GtkToggleButton    *search_button;
  GtkSearchBar       *search_bar;
  GtkSearchEntry     *search_entry;
  GtkRevealer        *import_revealer;
  GtkLabel           *import_label;
  GtkProgressBar     *import_progress;
  GtkStack           *stack;          /* "empty" or "content" */
  AdwStatusPage      *empty_page;
  GtkStack           *content_stack;  /* "list" or "no-results" */
  AdwStatusPage      *no_results_page;
  GtkListView        *list_view;

  /* owned */
  BmbDatabase        *database;
  BmbContext         *context;
  BmbMentoringStore  *store;
  GListStore         *occurrences;       /* BmbOccurrence in the loaded range */
  GListStore         *search_results;    /* BmbOccurrence of the meetings found, read so far */
  GtkCustomFilter    *filter;
  GtkFilterListModel *filter_model;
  GtkCustomSorter    *sorter;
  GtkSortListModel   *sort_model;
  GListStore         *rows;              /* day headers, occurrences, "more" buttons */
  GtkSingleSelection *selection;
  GHashTable         *partners;          /* relationship id (gint64 *) → partner name */
  GArray             *relationship_ids;  /* gint64, parallel to relationship_list; 0: all */
  GHashTable         *search_matches;    /* meetings listed ("session id/recurrence id"); NULL: no search */
  char               *search_text;       /* casefolded, NULL: no search */
  char               *search_query;      /* as typed, stripped */
  guint               search_offset;     /* matches read so far */
  BmbPendingDelete   *pending_delete;
  BmbOccurrence      *delete_occurrence; /* what the delete dialog asks about */
  GCancellable       *io_cancellable;
  GDateTime          *today;             /* local midnight the list was built for */
  GTimeZone          *zone;              /* the local zone it was built in */

  /* borrowed */
  BmbSessionEditor   *editor;            /* weak pointer */

  /* state */
  gint64              warned_incomplete_id; /* series last said to be too frequent */
  gint64              relationship_id;   /* filter, 0: all */
  guint               n_sessions;
  guint               upcoming_weeks;
  guint               past_weeks;
  guint               reload_id;
  guint               read_retries;      /* reads retried after a busy database */
  guint               has_later : 1;     /* something may lie after the range */
  guint               has_earlier : 1;   /* something may lie before the range */
  guint               importing : 1;
  guint               search_has_more : 1;
  guint               read_failed : 1;   /* the last read failed: what is stored is unknown */
  guint               updating_relationships : 1;
};

/* bmb-sessions-page-list.c */
void           _bmb_sessions_page_setup_list        (BmbSessionsPage *self);
void           _bmb_sessions_page_dispose_list      (BmbSessionsPage *self);
/* Reads relationships and occurrences again from the store. */
void           _bmb_sessions_page_reload            (BmbSessionsPage *self);
/* Filters changed (relationship, search, pending delete). */
void           _bmb_sessions_page_refilter          (BmbSessionsPage *self,
                                                     GtkFilterChange  change);
void           _bmb_sessions_page_set_search        (BmbSessionsPage *self,
                                                     const char      *text);
/* bmb-sessions-page-search.c */
/* The search again, as far as it was read. */
void           _bmb_sessions_page_refresh_search    (BmbSessionsPage *self);
/* The next page of a search's results. */
void           _bmb_sessions_page_search_more       (BmbSessionsPage *self);
/* Follows a committed BmbChangeSet: only the named sessions' rows change. */
void           _bmb_sessions_page_apply_changes     (BmbSessionsPage *self,
                                                     BmbChangeSet    *changes);
/* The row position of an occurrence, or GTK_INVALID_LIST_POSITION. */
guint          _bmb_sessions_page_find_row          (BmbSessionsPage *self,
                                                     gint64           session_id,
                                                     const char      *occurrence_key);
BmbOccurrence *_bmb_sessions_page_get_selected      (BmbSessionsPage *self);
void           _bmb_sessions_page_update_rows       (BmbSessionsPage *self);
gboolean       _bmb_sessions_page_reload_relationships (BmbSessionsPage *self);
void           _bmb_sessions_page_schedule_reload   (BmbSessionsPage *self);
/* For tests: the rows as text ("# Today", "10:00 AM|title|status", "[more]"). */
char          *_bmb_sessions_page_dup_outline       (BmbSessionsPage *self);

/* bmb-sessions-page.c */
void           _bmb_sessions_page_open_occurrence   (BmbSessionsPage *self,
                                                     BmbOccurrence   *occurrence);
void           _bmb_sessions_page_show_error        (BmbSessionsPage *self,
                                                     const char      *heading,
                                                     const GError    *error);
void           _bmb_sessions_page_update_actions    (BmbSessionsPage *self);

/* bmb-sessions-page-io.c */
void           _bmb_sessions_page_choose_import     (BmbSessionsPage *self);
void           _bmb_sessions_page_choose_export     (BmbSessionsPage *self);

G_END_DECLS
