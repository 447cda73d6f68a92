/* bmb-contact-import-writer-private.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The import writer's insides, shared by its two files:
 * bmb-contact-import-writer.c matches and merges duplicates and queues new
 * contacts; bmb-contact-import-writer-batches.c writes the queue.
 */

#pragma once

#include "bmb-contact-import-private.h"
#include "bmb-contact-store.h"

G_BEGIN_DECLS

/* Rows per INSERT statement at most: 2^BMB_IMPORT_MAX_ROWS_LOG2 (1,024;
 * bigger statements measured no faster). */
#define BMB_IMPORT_MAX_ROWS_LOG2 10

/* A new contact, not written yet. */
typedef struct
{
  BmbContact *contact;
  char       *sort_key;   /* NULL: made when written */
} BmbImportQueued;

/* One multi-row INSERT, and its texts for 1, 2, 4… rows, made once. */
typedef struct
{
  const char *head;
  guint       n_columns;
  char       *sql[BMB_IMPORT_MAX_ROWS_LOG2 + 1];
} BmbImportInsertSpec;

/* Fields and tags go straight into their tables, contacts into the staging
 * table temp.bmb_import_contacts (same columns, no index, no trigger). */
enum
{
  BMB_IMPORT_INSERT_FIELDS,
  BMB_IMPORT_INSERT_TAGS,
  BMB_IMPORT_INSERT_CONTACTS,
  BMB_IMPORT_N_INSERTS
};

struct _BmbImportWriter
{
  /* borrowed */
  BmbDatabase         *db;

  /* owned */
  BmbContactStore     *store;
  GHashTable          *by_uid;      /* uid → id */
  GHashTable          *by_email;    /* ASCII-lowercased email → id */
  GHashTable          *by_profile;  /* LinkedIn profile key → id */
  GArray              *queue;       /* BmbImportQueued, in file order, ids first_queued_id… */
  GArray              *introductions;
  GPtrArray           *written;     /* BmbContact written and no longer needed */
  char                *today;
  BmbImportInsertSpec  inserts[BMB_IMPORT_N_INSERTS];

  /* state */
  gboolean             staging_created;
  gint64               first_staged_id;   /* staged: first_staged_id … first_queued_id - 1 */
  gint64               first_queued_id;
  gint64               next_id;
  gint64               now;
  guint                max_variables;
  gint64               write_usec[BMB_IMPORT_N_INSERTS];   /* for the debug log */
  gint64               promote_usec;
};

/* ---- bmb-contact-import-writer-batches.c ---------------------------------------------- */

/* Sets up writer->inserts; _clear_inserts() frees what they made. */
void     _bmb_import_writer_init_inserts   (BmbImportWriter  *writer);
void     _bmb_import_writer_clear_inserts  (BmbImportWriter  *writer);
/* Writes the queued contacts: their fields and tags into the real tables,
 * the contact rows into the staging table. */
gboolean _bmb_import_writer_flush_queue    (BmbImportWriter  *writer,
                                            GError          **error);
/* Moves the staged contacts into the real table in one statement; that
 * takes seconds for 100,000 contacts: @cancellable (nullable) interrupts
 * it. */
gboolean _bmb_import_writer_promote_staged (BmbImportWriter  *writer,
                                            GCancellable     *cancellable,
                                            GError          **error);
void     _bmb_import_writer_drop_staging   (BmbImportWriter  *writer);

G_END_DECLS
