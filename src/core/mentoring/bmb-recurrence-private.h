/* bmb-recurrence-private.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Test hook: replaces icalrecur_iterator_next() so tests can simulate an
 * iterator that stops advancing. Never used outside tests.
 */

#pragma once

#include <libical/ical.h>

#include "bmb-recurrence.h"

G_BEGIN_DECLS

typedef struct icaltimetype (*BmbRecurNextFunc) (icalrecur_iterator *iterator,
                                                 gpointer            user_data);

/* @func NULL restores libical's own. Not thread-safe: tests only. */
void _bmb_recurrence_set_next_func_for_testing (BmbRecurNextFunc func,
                                                gpointer         user_data);
/* How many iterator steps the last expansion on this thread took. */
guint _bmb_recurrence_get_last_iterations      (void);

G_END_DECLS
