/* bmb-recurrence.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The editor's repeat choices ⇄ an RFC 5545 RRULE, a translated description,
 * and bounded expansion of a series with libical over floating wall-clock
 * times converted with GTimeZone (10:00 stays 10:00 across DST).
 */

#pragma once

#include <glib-object.h>

#include "bmb-limits.h"

G_BEGIN_DECLS

#define BMB_RECURRENCE_ERROR (bmb_recurrence_error_quark ())

typedef enum
{
  BMB_RECURRENCE_ERROR_INVALID_RULE,  /* not an RRULE libical understands */
  BMB_RECURRENCE_ERROR_INVALID_START, /* not "YYYY-MM-DDTHH:MM:SS" */
  BMB_RECURRENCE_ERROR_INVALID_ZONE,  /* not a known IANA zone */
  BMB_RECURRENCE_ERROR_INCOMPLETE,    /* the expansion budget ran out: not every start found */
  BMB_RECURRENCE_ERROR_TOO_FREQUENT,  /* starts closer than BMB_LIMIT_MIN_INTERVAL_SECS */
} BmbRecurrenceError;

typedef enum
{
  BMB_REPEAT_NONE,            /* does not repeat */
  BMB_REPEAT_WEEKLY,          /* FREQ=WEEKLY */
  BMB_REPEAT_BIWEEKLY,        /* FREQ=WEEKLY;INTERVAL=2 */
  BMB_REPEAT_MONTHLY_WEEKDAY, /* FREQ=MONTHLY;BYDAY=2TU (or -1TU: last) */
  BMB_REPEAT_MONTHLY_DAY,     /* FREQ=MONTHLY;BYMONTHDAY=24 */
  BMB_REPEAT_INTERVAL,        /* every N days / weeks / months */
  BMB_REPEAT_CUSTOM,          /* any other RRULE, kept verbatim */
} BmbRepeatKind;

typedef enum
{
  BMB_REPEAT_UNIT_DAY,
  BMB_REPEAT_UNIT_WEEK,
  BMB_REPEAT_UNIT_MONTH,
} BmbRepeatUnit;

typedef enum
{
  BMB_REPEAT_END_NEVER,
  BMB_REPEAT_END_COUNT,       /* after N times (COUNT=N) */
  BMB_REPEAT_END_UNTIL,       /* on a date, inclusive (UNTIL) */
} BmbRepeatEnd;

/* BmbRecurrence: the editor's choices, a plain value (boxed, refcounted).
 * The weekday and day of month come from the series start. */
typedef struct _BmbRecurrence BmbRecurrence;

struct _BmbRecurrence
{
  /*< public >*/
  BmbRepeatKind kind;
  guint         interval;      /* BMB_REPEAT_INTERVAL: every N units (≥ 1) */
  BmbRepeatUnit unit;          /* BMB_REPEAT_INTERVAL */
  int           week_of_month; /* BMB_REPEAT_MONTHLY_WEEKDAY: 1…4, or -1 for the last */
  BmbRepeatEnd  end;
  guint         count;         /* BMB_REPEAT_END_COUNT */
  GDate         until;         /* BMB_REPEAT_END_UNTIL, local date, inclusive */
  char         *rrule;         /* BMB_REPEAT_CUSTOM: the rule as found */

  /*< private >*/
  gatomicrefcount ref_count;
};

#define BMB_TYPE_RECURRENCE (bmb_recurrence_get_type ())

GQuark          bmb_recurrence_error_quark         (void);
GType           bmb_recurrence_get_type            (void) G_GNUC_CONST;

BmbRecurrence  *bmb_recurrence_new                 (BmbRepeatKind         kind);
BmbRecurrence  *bmb_recurrence_ref                 (BmbRecurrence        *self);
void            bmb_recurrence_unref               (BmbRecurrence        *self);

/* Reads an RRULE back into the editor's choices; anything the choices cannot
 * express exactly becomes BMB_REPEAT_CUSTOM. A NULL or empty @rrule is
 * BMB_REPEAT_NONE. @start_local is the series start "YYYY-MM-DDTHH:MM:SS".
 * @tzid (nullable) converts a UTC UNTIL to a local date. */
BmbRecurrence  *bmb_recurrence_new_from_rrule      (const char           *rrule,
                                                    const char           *start_local,
                                                    const char           *tzid,
                                                    GError              **error);
/* The RRULE value for a series starting at @start_local, or NULL for
 * BMB_REPEAT_NONE. UNTIL is written as the end of that local day in UTC
 * when @tzid is given (RFC 5545 wants UTC with a zoned DTSTART). */
char           *bmb_recurrence_to_rrule            (const BmbRecurrence  *self,
                                                    const char           *start_local,
                                                    const char           *tzid);
/* Translated, e.g. "Every 2 weeks on Tuesday", "Monthly on the second
 * Tuesday, 10 times", "Weekly on Monday until 30 June 2026". */
char           *bmb_recurrence_describe            (const BmbRecurrence  *self,
                                                    const char           *start_local);
/* Same from a stored rule (NULL: "Does not repeat"). */
char           *bmb_recurrence_describe_rrule      (const char           *rrule,
                                                    const char           *start_local,
                                                    const char           *tzid);
gboolean        bmb_recurrence_equal               (const BmbRecurrence  *a,
                                                    const BmbRecurrence  *b);

/* Which week of its month @date is in: 1…5 (5 only for the 29th–31st). */
int             bmb_recurrence_week_of_month       (const GDate          *date);
/* TRUE when @date's weekday does not occur again in its month. */
gboolean        bmb_recurrence_is_last_week        (const GDate          *date);

/* Refuses a rule whose starts can come closer together than
 * BMB_LIMIT_MIN_INTERVAL_SECS (BMB_RECURRENCE_ERROR_TOO_FREQUENT, translated):
 * a base period (FREQ × INTERVAL) shorter than that, or two consecutive starts
 * among the series' first 500 closer than that (BYHOUR, BYMINUTE…). A NULL
 * or empty @rrule is fine. Used when saving a session and importing one. */
gboolean        bmb_recurrence_check_frequency     (const char           *rrule,
                                                    const char           *start_local,
                                                    GError              **error);

/* Expansion over a bounded window.
 *
 * BmbExpansionBudget: the iterator steps one query may take over all the
 * series it expands (BMB_LIMIT_EXPANSION_STEPS), so that no stored rule can
 * make a query slow. A plain value on the stack: BMB_EXPANSION_BUDGET_INIT. */
typedef struct
{
  guint limit;  /* steps allowed */
  guint used;   /* steps taken so far */
} BmbExpansionBudget;

#define BMB_EXPANSION_BUDGET_INIT { BMB_LIMIT_EXPANSION_STEPS, 0 }

/* Calls @func for each original start (in @zone) of the series that lies
 * in [@from, @to) (Unix seconds), in order, until @func returns FALSE.
 * @rrule NULL: the single start. @exdates: local starts to leave out
 * (nullable). @recurrence_id is the occurrence's original local start.
 *
 * Iteration skips to the window where that gives the same result (rules
 * without COUNT, and any rule with a fixed period: no BY… parts), and takes
 * its steps from @budget (NULL: a budget of its own). When the budget runs
 * out before the window is covered, or libical stops moving forward, it
 * returns FALSE with BMB_RECURRENCE_ERROR_INCOMPLETE: @func has then been
 * called for the first starts of the window only, never for a wrong one. */
typedef gboolean (*BmbRecurrenceFunc) (GDateTime  *start,
                                       const char *recurrence_id,
                                       gpointer    user_data);

gboolean        bmb_recurrence_expand              (const char           *rrule,
                                                    const char           *start_local,
                                                    GTimeZone            *zone,
                                                    const char * const   *exdates,
                                                    gint64                from,
                                                    gint64                to,
                                                    BmbExpansionBudget   *budget,
                                                    BmbRecurrenceFunc     func,
                                                    gpointer              user_data,
                                                    GError              **error);
/* Convenience: the starts as a new GPtrArray of GDateTime (free func set),
 * with a budget of its own; NULL with an error when incomplete. */
GPtrArray      *bmb_recurrence_expand_list         (const char           *rrule,
                                                    const char           *start_local,
                                                    GTimeZone            *zone,
                                                    const char * const   *exdates,
                                                    gint64                from,
                                                    gint64                to,
                                                    GError              **error);
/* Is @local_start (a "YYYY-MM-DDTHH:MM:SS") one of the series' original
 * starts? Exdates are not consulted. FALSE too when that cannot be told
 * within BMB_LIMIT_EXPANSION_STEPS; bmb_recurrence_find_occurrence() says so. */
gboolean        bmb_recurrence_has_occurrence      (const char           *rrule,
                                                    const char           *start_local,
                                                    const char           *local_start);
/* The same with a shared @budget (nullable): TRUE with the answer in
 * @found, or FALSE with an error (BMB_RECURRENCE_ERROR_INCOMPLETE…) when
 * it cannot be told. */
gboolean        bmb_recurrence_find_occurrence     (const char           *rrule,
                                                    const char           *start_local,
                                                    const char           *local_start,
                                                    BmbExpansionBudget   *budget,
                                                    gboolean             *found,
                                                    GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BmbRecurrence, bmb_recurrence_unref)

G_END_DECLS
