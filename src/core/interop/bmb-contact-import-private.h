/* bmb-contact-import-private.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The two halves of the importer, used only by bmb-contact-import.c (which
 * opens the input and drives them):
 *
 * - the read-ahead (bmb-contact-import-read-ahead.c) turns cards or rows
 *   into contacts on a second thread and hands them over in batches;
 * - the writer (bmb-contact-import-writer.c) finds the contact an incoming
 *   one duplicates (same UID, same email ignoring case, same LinkedIn
 *   profile — in the database or earlier in the file), merges into it, or
 *   queues the new contact and writes queued contacts in batches, inside
 *   the importer's one transaction.
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

/* ---- Reading ahead ---------------------------------------------------------------- */

/* Where cards or rows come from (bmb-contact-import.c). */
typedef struct _BmbImportSource BmbImportSource;

/* The next card or row: a contact, or a reason it cannot be one. FALSE at
 * the end. */
gboolean         _bmb_import_source_next       (BmbImportSource    *source,
                                                BmbContact        **out_contact,
                                                char              **out_introducer,
                                                char              **out_reason,
                                                guint              *out_line,
                                                BmbContactLimiter  *out_limits);
/* Input consumed so far. */
gsize            _bmb_import_source_get_offset (BmbImportSource    *source);

#define BMB_IMPORT_READ_BATCH_SIZE 256

typedef struct
{
  BmbContact *contact;     /* NULL when the card or row is skipped */
  char       *sort_key;    /* made here, beside the writer */
  char       *introducer;
  char       *reason;      /* why it is skipped */
  BmbContactLimiter limits; /* what was left out of it */
  guint       line;
  gsize       offset;      /* input consumed after it, for progress */
} BmbImportReadItem;

typedef struct
{
  BmbImportReadItem  items[BMB_IMPORT_READ_BATCH_SIZE];
  guint              n_items;
  gboolean           at_end;   /* nothing after this batch */
  GPtrArray         *garbage;  /* written contacts, freed by the reader */
} BmbImportReadBatch;

/* Zero-initialised by the caller, then _start()ed. */
typedef struct
{
  BmbImportSource *source;
  GAsyncQueue     *filled;     /* BmbImportReadBatch, for the writer */
  GAsyncQueue     *emptied;    /* BmbImportReadBatch, for the reader */
  GThread         *thread;     /* NULL: batches are read on demand */
  gint             stop;       /* atomic: the writer gave up */
  gint64           busy_usec;  /* time spent reading, for the debug log */
  gint64           wait_usec;  /* the writer waiting for the reader */
} BmbImportReadAhead;

void                _bmb_import_read_ahead_start   (BmbImportReadAhead *ahead,
                                                    BmbImportSource    *source);
/* The next batch of read cards, in input order. */
BmbImportReadBatch *_bmb_import_read_ahead_next    (BmbImportReadAhead *ahead);
/* Hands back @batch, used, to be filled again; with @garbage (taken,
 * nullable) for the reader to free. */
void                _bmb_import_read_ahead_recycle (BmbImportReadAhead *ahead,
                                                    BmbImportReadBatch *batch,
                                                    GPtrArray          *garbage);
/* Stops the reader, wherever it is, and frees every batch. */
void                _bmb_import_read_ahead_finish  (BmbImportReadAhead *ahead);

G_END_DECLS
