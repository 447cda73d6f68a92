/* bmb-progress.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How far an import or export has gone. The caller makes one, passes it to
 * an …_async() call (every import and export has the same shape: source,
 * target, options, cancellable, progress, callback, user data) and watches
 * its ::changed signal (once per report, after the properties changed). It
 * is emitted on the caller's main context, a few times a second at most,
 * never after the GAsyncReadyCallback.
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define BMB_TYPE_PROGRESS (bmb_progress_get_type ())

G_DECLARE_FINAL_TYPE (BmbProgress, bmb_progress, BMB, PROGRESS, GObject)

BmbProgress *bmb_progress_new          (void);
/* 0…1 of the work, as well as it is known. */
double       bmb_progress_get_fraction (BmbProgress *self);
/* Items (contacts, events…) handled so far, and in all (0: not known yet). */
guint        bmb_progress_get_done     (BmbProgress *self);
guint        bmb_progress_get_total    (BmbProgress *self);

/* For the operations: sets the figures (on the caller's main context) and
 * notifies what changed. A negative @fraction is worked out from @done and
 * @total. */
void         bmb_progress_update       (BmbProgress *self,
                                        double       fraction,
                                        guint        done,
                                        guint        total);

G_END_DECLS
