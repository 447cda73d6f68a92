/* bmb-contact-import-private.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The writing half of the importer: finds the contact an incoming one
 * duplicates (same UID, same email ignoring case, same LinkedIn profile —
 * in the database or earlier in the file), merges into it, or queues the
 * new contact and writes queued contacts in batches. Used only by
 * bmb-contact-import.c, inside its one transaction.
 */

#pragma once

#include "bmb-contact.h"
#include "bmb-contact-limiter.h"
#include "bmb-database.h"

G_BEGIN_DECLS

typedef enum
{
  BMB_IMPORT_OUTCOME_IMPORTED,   /* new contact */
  BMB_IMPORT_OUTCOME_MERGED,     /* an existing contact gained something */
  BMB_IMPORT_OUTCOME_UNCHANGED,  /* a duplicate that brings nothing new */
  BMB_IMPORT_OUTCOME_REFUSED,    /* the contact itself is invalid */
} BmbImportOutcome;

typedef struct _BmbImportWriter BmbImportWriter;

/* Loads what duplicates are matched against. @db must be inside a
 * transaction (bmb_database_begin()) until _finish() or the rollback. */
BmbImportWriter *_bmb_import_writer_new    (BmbDatabase       *db,
                                            GError           **error);
void             _bmb_import_writer_free   (BmbImportWriter   *writer);
/* Adds @incoming (it may be changed). @sort_key (nullable, taken) is
 * _bmb_import_dup_sort_key() of @incoming, made ahead on another thread.
 * What a merge leaves out (BMB_LIMIT_*_PER_CONTACT) is added to the
 * counts of @dropped (nullable).
 * @out_id: the contact it became or went into. @out_detail: for UNCHANGED
 * the existing contact's name, for REFUSED the translated reason. FALSE
 * with @error only for database errors: the import must stop and roll
 * back. */
gboolean         _bmb_import_writer_add    (BmbImportWriter   *writer,
                                            BmbContact        *incoming,
                                            char              *sort_key,
                                            const char        *introducer_uid,
                                            BmbContactLimiter *dropped,
                                            BmbImportOutcome  *out_outcome,
                                            gint64            *out_id,
                                            char             **out_detail,
                                            GError           **error);
/* Writes what is queued and points contacts at their introducers.
 * @cancellable (nullable) interrupts the long last statement: FALSE with
 * G_IO_ERROR_CANCELLED. */
gboolean         _bmb_import_writer_finish (BmbImportWriter   *writer,
                                            GCancellable      *cancellable,
                                            GError           **error);

/* The contacts written since the last call, no longer needed (NULL if
 * none): freeing 100,000 contacts is work another thread can do. */
GPtrArray       *_bmb_import_writer_take_written (BmbImportWriter *writer);

/* The contacts.sort_key of @contact, as the store makes it. Thread-safe. */
char            *_bmb_import_dup_sort_key  (BmbContact        *contact);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BmbImportWriter, _bmb_import_writer_free)

G_END_DECLS
