/* bmb-limits.h — every bound Bimbing puts on what it reads, in one place
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Hostile or broken input must finish in seconds and bounded memory. Each limit below is
 * enforced where the input is read, reported per item ("skipped: …") and listed in the
 * README's "Limits" section; change both together.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Files: the same for contacts (vCard, CSV) and calendars (iCalendar). */
#define BMB_LIMIT_FILE_BYTES         ((goffset) 256 * 1024 * 1024)
#define BMB_LIMIT_LINE_BYTES         (4 * 1024 * 1024)

/* One contact: at most this many tags, and this many values of one kind of field (e-mail
 * addresses, phone numbers, addresses…). Duplicates are found through a hash set. */
#define BMB_LIMIT_TAGS_PER_CONTACT   500
#define BMB_LIMIT_FIELDS_PER_CONTACT 500

/* Recurrence: steps of rule expansion for one whole query (every series together; a series
 * it cannot cover is reported, see BmbExpansionBudget), and the shortest repeat interval a
 * series may have; rules more frequent than hourly are refused when a session is saved
 * (bmb_recurrence_check_frequency()) and at import with a per-event report. */
#define BMB_LIMIT_EXPANSION_STEPS    200000
#define BMB_LIMIT_MIN_INTERVAL_SECS  3600

/* Search: words taken from one query; the rest are ignored. */
#define BMB_LIMIT_SEARCH_WORDS       16
/* Desktop search (GNOME Shell's overview): results of each kind for one query, the ids
 * one call may ask about, and the length of one query's text. */
#define BMB_LIMIT_SEARCH_HITS        5
#define BMB_LIMIT_SEARCH_IDS         64
#define BMB_LIMIT_SEARCH_TEXT        256

/* Sync: the largest reply of a CalDAV/CardDAV server Bimbing reads (one multistatus, one
 * resource), and how many truncated sync-collection pages it follows in one pull. */
#define BMB_LIMIT_DAV_REPLY_BYTES    ((gsize) 64 * 1024 * 1024)
#define BMB_LIMIT_DAV_SYNC_PAGES     1000
/* Drafts: the unsaved state of one editor (its text fields), as stored. */
#define BMB_LIMIT_DRAFT_BYTES        (4 * 1024 * 1024)

G_END_DECLS
