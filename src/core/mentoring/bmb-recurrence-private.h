/* bmb-recurrence-private.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Helpers shared by bmb-recurrence.c and bmb-recurrence-expand.c, the
 * mentoring store's ordering of series, and test hooks (never used outside
 * tests).
 */

#pragma once

#include <libical/ical.h>

#include "bmb-recurrence.h"

G_BEGIN_DECLS

/* "YYYY-MM-DDTHH:MM[:SS]" into a floating time. */
gboolean _bmb_recurrence_parse_local     (const char                 *local,
                                          struct icaltimetype        *tt);
/* An RRULE value (or "RRULE:" line); INTERVAL is at least 1 afterwards. */
gboolean _bmb_recurrence_parse_rule      (const char                 *rrule,
                                          struct icalrecurrencetype  *recur,
                                          GError                    **error);
gboolean _bmb_recurrence_array_is_empty  (const short                *array);
guint    _bmb_recurrence_array_length    (const short                *array,
                                          guint                       size);

/* A rough number of seconds between two starts of @rrule (the base period
 * divided by the BY… lists that multiply it), used to expand the rarest
 * series of a query first. 0 for an unreadable rule, G_MAXINT64 for none. */
gint64   _bmb_recurrence_estimate_period (const char                 *rrule);

typedef struct icaltimetype (*BmbRecurNextFunc) (icalrecur_iterator *iterator,
                                                 gpointer            user_data);

/* @func NULL restores libical's own. Not thread-safe: tests only. */
void  _bmb_recurrence_set_next_func_for_testing (BmbRecurNextFunc func,
                                                 gpointer         user_data);
/* How many iterator steps the last expansion on this thread took. */
guint _bmb_recurrence_get_last_iterations       (void);

G_END_DECLS
