/* bmb-contact-store.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The networking contact book over one BmbDatabase connection: contacts with
 * their fields and tags, interactions, follow-up dates, merging duplicates,
 * and the id/summary queries a paged list needs for 100,000 contacts.
 *
 * Every write runs in its own bmb_database_begin()/commit() level, so a
 * caller (the importer on a worker connection) may wrap many calls in one
 * outer transaction: begin, insert × N, commit — or rollback on error.
 * All calls are synchronous; one store per connection, one thread at a time.
 */

#pragma once

#include <gio/gio.h>

#include "bmb-contact.h"
#include "bmb-database.h"
#include "bmb-interaction.h"

G_BEGIN_DECLS

/* ---- Query and summary types ------------------------------------------- */

typedef enum
{
  BMB_CONTACT_SORT_NAME,           /* sort_key ascending */
  BMB_CONTACT_SORT_LAST_CONTACT,   /* most recent first, never contacted last */
  BMB_CONTACT_SORT_NEXT_FOLLOW_UP, /* soonest (most overdue) first, none last */
  BMB_CONTACT_SORT_RELEVANCE,      /* bm25 with search text (name first), else NAME */
} BmbContactSort;

typedef enum
{
  BMB_CONTACT_FILTER_ALL,
  BMB_CONTACT_FILTER_NEEDS_FOLLOW_UP, /* next_follow_up_on <= today */
} BmbContactFilter;

#define BMB_TYPE_CONTACT_SORT    (bmb_contact_sort_get_type ())
#define BMB_TYPE_CONTACT_FILTER  (bmb_contact_filter_get_type ())
#define BMB_TYPE_CONTACT_SUMMARY (bmb_contact_summary_get_type ())
#define BMB_TYPE_CONTACT_TAG_COUNT (bmb_contact_tag_count_get_type ())
#define BMB_TYPE_CONTACT_SNAPSHOT (bmb_contact_snapshot_get_type ())

GType bmb_contact_sort_get_type      (void) G_GNUC_CONST;
GType bmb_contact_filter_get_type    (void) G_GNUC_CONST;

/* One lightweight row of the contact list. Read-only, reference counted. */
typedef struct _BmbContactSummary BmbContactSummary;

struct _BmbContactSummary
{
  /*< public >*/
  gint64    id;
  char     *display_name;
  char     *organization;      /* may be NULL */
  char     *role;              /* may be NULL */
  char     *initials;          /* never NULL, may be "" */
  char     *next_follow_up_on; /* "YYYY-MM-DD" or NULL */
  gboolean  needs_follow_up;   /* next_follow_up_on <= today */

  /*< private >*/
  gatomicrefcount ref_count;
};

GType              bmb_contact_summary_get_type (void) G_GNUC_CONST;
BmbContactSummary *bmb_contact_summary_ref      (BmbContactSummary *self);
void               bmb_contact_summary_unref    (BmbContactSummary *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BmbContactSummary, bmb_contact_summary_unref)

/* A tag and how many contacts carry it. */
typedef struct
{
  char  *tag;
  guint  count;
} BmbContactTagCount;

GType               bmb_contact_tag_count_get_type (void) G_GNUC_CONST;
BmbContactTagCount *bmb_contact_tag_count_copy     (const BmbContactTagCount *self);
void                bmb_contact_tag_count_free     (BmbContactTagCount       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BmbContactTagCount, bmb_contact_tag_count_free)

/* Everything needed to put a deleted contact back: the contact with its
 * fields and tags, its interactions, and who it had introduced. */
typedef struct _BmbContactSnapshot BmbContactSnapshot;

GType               bmb_contact_snapshot_get_type (void) G_GNUC_CONST;
BmbContactSnapshot *bmb_contact_snapshot_ref      (BmbContactSnapshot *self);
void                bmb_contact_snapshot_unref    (BmbContactSnapshot *self);
/* Borrowed. */
BmbContact         *bmb_contact_snapshot_get_contact (BmbContactSnapshot *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BmbContactSnapshot, bmb_contact_snapshot_unref)

/* ---- BmbContactStore ---------------------------------------------------- */

#define BMB_TYPE_CONTACT_STORE (bmb_contact_store_get_type ())

G_DECLARE_FINAL_TYPE (BmbContactStore, bmb_contact_store, BMB, CONTACT_STORE, GObject)

/* Works on any connection, including bmb_database_open_worker()'s. */
BmbContactStore *bmb_contact_store_new               (BmbDatabase        *database);
BmbDatabase     *bmb_contact_store_get_database      (BmbContactStore    *self);

/* "Today" for follow-up logic; NULL (the default) means the real local date.
 * For tests and the benchmark. */
void             bmb_contact_store_set_today         (BmbContactStore    *self,
                                                      const char         *today);

/* ---- Contacts ---- */

/* Inserts @contact with its fields and tags. Sets its id, uid (generated
 * when unset), timestamps and next follow-up. The display name must not be
 * empty (after derivation): BMB_DATABASE_ERROR_INVALID. Dates must be
 * "YYYY-MM-DD" (birthday may be "--MM-DD"). */
gboolean         bmb_contact_store_insert            (BmbContactStore    *self,
                                                      BmbContact         *contact,
                                                      GError            **error);
/* Writes every column, and replaces fields and tags, in one transaction.
 * Updates updated_at and the follow-up dates on @contact. */
gboolean         bmb_contact_store_update            (BmbContactStore    *self,
                                                      BmbContact         *contact,
                                                      GError            **error);
/* The full contact; BMB_DATABASE_ERROR_NOT_FOUND when there is none. */
BmbContact      *bmb_contact_store_get               (BmbContactStore    *self,
                                                      gint64              id,
                                                      GError            **error);
/* NULL without an error when no contact has that uid. */
BmbContact      *bmb_contact_store_get_by_uid        (BmbContactStore    *self,
                                                      const char         *uid,
                                                      GError            **error);
/* Deletes the contact (fields, tags and interactions go with it; people it
 * introduced lose the reference). A contact in a mentoring relationship is
 * refused with BMB_DATABASE_ERROR_CONSTRAINT. With @out_snapshot, returns
 * what bmb_contact_store_restore() needs to undo it. */
gboolean         bmb_contact_store_delete            (BmbContactStore    *self,
                                                      gint64              id,
                                                      BmbContactSnapshot **out_snapshot,
                                                      GError            **error);
gboolean         bmb_contact_store_delete_many       (BmbContactStore    *self,
                                                      const gint64       *ids,
                                                      guint               n_ids,
                                                      GError            **error);
/* Puts a deleted contact back with the same id and uid, its fields, tags,
 * interactions and introduced-by references. */
gboolean         bmb_contact_store_restore           (BmbContactStore    *self,
                                                      BmbContactSnapshot *snapshot,
                                                      GError            **error);
gint64           bmb_contact_store_count             (BmbContactStore    *self,
                                                      GError            **error);

/* Case-insensitive exact match on an email field (uses the
 * contact_fields_value index). 0 without an error when none; the lowest id
 * when several contacts share it. */
gint64           bmb_contact_store_find_id_by_email  (BmbContactStore    *self,
                                                      const char         *email,
                                                      GError            **error);
/* The same, returning the full contact; NULL without an error when none. */
BmbContact      *bmb_contact_store_find_by_email     (BmbContactStore    *self,
                                                      const char         *email,
                                                      GError            **error);

/* Merges duplicate @other_id into @keep_id in one transaction: empty columns
 * of the kept contact are filled from the other (bmb_contact_merge_from),
 * fields, tags and interactions move over, relationships (mentor/mentee) and
 * introduced-by references are pointed at the kept contact, and the other
 * is deleted. Follow-up dates are recomputed. */
gboolean         bmb_contact_store_merge             (BmbContactStore    *self,
                                                      gint64              keep_id,
                                                      gint64              other_id,
                                                      GError            **error);

/* All tags with their contact counts, sorted by tag (case-insensitively).
 * Elements are BmbContactTagCount. */
GPtrArray       *bmb_contact_store_list_tags         (BmbContactStore    *self,
                                                      GError            **error);

/* ---- Interactions ---- */

/* Adds @interaction (its contact_id must exist), sets its id and
 * created_at, and in the same transaction updates the contact's
 * last_contact_on and next_follow_up_on. */
gboolean         bmb_contact_store_add_interaction    (BmbContactStore    *self,
                                                       BmbInteraction     *interaction,
                                                       GError            **error);
gboolean         bmb_contact_store_update_interaction (BmbContactStore    *self,
                                                       BmbInteraction     *interaction,
                                                       GError            **error);
gboolean         bmb_contact_store_delete_interaction (BmbContactStore    *self,
                                                       gint64              interaction_id,
                                                       GError            **error);
/* Newest first. Elements are BmbInteraction. */
GPtrArray       *bmb_contact_store_list_interactions  (BmbContactStore    *self,
                                                       gint64              contact_id,
                                                       GError            **error);

/* "Met at an event": for one event (@event_name, @date "YYYY-MM-DD",
 * @place may be NULL) creates a contact for each of @new_names (display
 * names, with met_event / met_on / met_where filled) and logs an 'event'
 * interaction for every new and every existing contact in @existing_ids —
 * all in one transaction. With @follow_up_on ("YYYY-MM-DD", may be NULL)
 * everyone gets that one-off follow-up (an existing contact keeps an earlier
 * one). @out_ids (optional) receives the ids of all contacts involved
 * (gint64), new ones first. */
gboolean         bmb_contact_store_log_event          (BmbContactStore    *self,
                                                       const char         *event_name,
                                                       const char         *date,
                                                       const char         *place,
                                                       const char         *follow_up_on,
                                                       const char * const *new_names,
                                                       const gint64       *existing_ids,
                                                       guint               n_existing,
                                                       GArray            **out_ids,
                                                       GError            **error);
/* Sets the contact's one-off follow-up to @due_on ("YYYY-MM-DD") with what
 * to do (@note, may be NULL), replacing any earlier one; NULL @due_on
 * clears it. The next follow-up date and its reminder follow. */
gboolean         bmb_contact_store_set_follow_up      (BmbContactStore    *self,
                                                       gint64              contact_id,
                                                       const char         *due_on,
                                                       const char         *note,
                                                       GError            **error);
/* The one-off follow-up is done: clears it (the repeating interval, if
 * any, stays). */
gboolean         bmb_contact_store_complete_follow_up (BmbContactStore    *self,
                                                       gint64              contact_id,
                                                       GError            **error);

/* ---- The list: ids in order, then summaries page by page ---- */

/* Contact ids (gint64) in display order, never rows. @search_text (may be
 * NULL or blank) is matched word by word as prefixes against names,
 * organization, role, emails, tags, notes and where we met, ignoring case
 * and accents. @tag (may be NULL) keeps only contacts with that tag. */
GArray          *bmb_contact_store_query_ids          (BmbContactStore    *self,
                                                       const char         *search_text,
                                                       BmbContactSort      sort,
                                                       BmbContactFilter    filter,
                                                       const char         *tag,
                                                       GError            **error);
/* Summaries for @n ids, in the same order and of the same length; an id
 * with no contact (deleted meanwhile) gives a NULL element. Elements are
 * BmbContactSummary. */
GPtrArray       *bmb_contact_store_load_summaries     (BmbContactStore    *self,
                                                       const gint64       *ids,
                                                       guint               n,
                                                       GError            **error);

G_END_DECLS
