/* bmb-contact-import-result-private.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The contact import result as the importer fills it in.
 */

#pragma once

#include "bmb-contact-import.h"
#include "bmb-contact-limiter.h"

G_BEGIN_DECLS

struct _BmbContactImportResult
{
  GObject                 parent_instance;

  BmbContactImportFormat  format;
  guint                   imported;
  guint                   merged;
  GArray                 *skips;        /* BmbContactImportSkip */
  GArray                 *notes;        /* BmbContactImportSkip: imported in part */
  GPtrArray              *messages;     /* skips' and notes' reasons, file order */
  GArray                 *contact_ids;  /* gint64 */
  GHashTable             *seen_ids;     /* gint64 → itself: merged into, while importing */
  gint64                  first_new_id; /* new contacts' ids start here, or 0 */
};

/* Takes @reason: a whole translated sentence naming @line. */
void _bmb_contact_import_result_add_skip  (BmbContactImportResult  *self,
                                           guint                    line,
                                           char                    *reason);
/* What @limits says was left out of the contact of @line, named @name. */
void _bmb_contact_import_result_add_notes (BmbContactImportResult  *self,
                                           guint                    line,
                                           const char              *name,
                                           const BmbContactLimiter *limits);
/* A contact created (@is_new) or merged into, once each in the result. */
void _bmb_contact_import_result_add_id    (BmbContactImportResult  *self,
                                           gint64                   id,
                                           gboolean                 is_new);

G_END_DECLS
