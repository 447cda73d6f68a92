/* bmb-contact-import.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Imports contacts from a vCard (2.1, 3.0, 4.0) or CSV file (LinkedIn,
 * Google Contacts, Outlook-like, or Bimbing's own export), telling them
 * apart by content rather than by file name.
 *
 * Everything happens in ONE transaction: on an error or when cancelled,
 * nothing is changed. A contact already present — same UID, same email
 * (ignoring case) or same LinkedIn profile, in the database or earlier in
 * the same file — is merged (empty fields filled, new emails, phones, links
 * and tags added) or skipped when it brings nothing new; never doubled.
 * A card or row that cannot be used is skipped with a reason and its line;
 * the others are imported.
 */

#pragma once

#include <gio/gio.h>

#include "bmb-database.h"
#include "bmb-progress.h"

G_BEGIN_DECLS

#define BMB_CONTACT_IMPORT_ERROR (bmb_contact_import_error_quark ())

typedef enum
{
  BMB_CONTACT_IMPORT_ERROR_TOO_LARGE,      /* over BMB_LIMIT_FILE_BYTES */
  BMB_CONTACT_IMPORT_ERROR_EMPTY,          /* nothing in the file */
  BMB_CONTACT_IMPORT_ERROR_BINARY,         /* NUL bytes: not text */
  BMB_CONTACT_IMPORT_ERROR_ENCODING,       /* not UTF-8 and no CHARSET to say what */
  BMB_CONTACT_IMPORT_ERROR_UNKNOWN_FORMAT, /* neither BEGIN:VCARD nor a known CSV header */
} BmbContactImportError;

typedef enum
{
  BMB_CONTACT_IMPORT_FORMAT_VCARD,
  BMB_CONTACT_IMPORT_FORMAT_CSV,          /* columns recognised by name */
  BMB_CONTACT_IMPORT_FORMAT_CSV_BIMBING,
  BMB_CONTACT_IMPORT_FORMAT_CSV_LINKEDIN,
  BMB_CONTACT_IMPORT_FORMAT_CSV_GOOGLE,
} BmbContactImportFormat;

/* Called on the main context of the caller of the async function (directly
 * for the synchronous one), a few times a second at most, and never after
 * the GAsyncReadyCallback. @fraction is 0…1 of the input read. */
typedef void (*BmbImportProgressFunc) (double    fraction,
                                       guint     n_processed,
                                       gpointer  user_data);

/* One card or row that was not imported, or (a note) a contact imported
 * without part of what the file had for it. */
typedef struct
{
  guint  line;    /* 1-based line in the file where the card or row starts */
  char  *reason;  /* translated, whole sentence including the line number */
} BmbContactImportSkip;

#define BMB_TYPE_CONTACT_IMPORT_RESULT (bmb_contact_import_result_get_type ())

G_DECLARE_FINAL_TYPE (BmbContactImportResult, bmb_contact_import_result,
                      BMB, CONTACT_IMPORT_RESULT, GObject)

GQuark                      bmb_contact_import_error_quark          (void);

BmbContactImportFormat      bmb_contact_import_result_get_format    (BmbContactImportResult *self);
/* New contacts. */
guint                       bmb_contact_import_result_get_imported  (BmbContactImportResult *self);
/* Existing contacts that gained something. */
guint                       bmb_contact_import_result_get_merged    (BmbContactImportResult *self);
/* Cards or rows not imported: unusable, or duplicates bringing nothing new. */
guint                       bmb_contact_import_result_get_skipped   (BmbContactImportResult *self);
/* @index < get_skipped(), in file order. Borrowed. */
const BmbContactImportSkip *bmb_contact_import_result_get_skip      (BmbContactImportResult *self,
                                                                     guint                   index);
/* Contacts imported in part: tags or values past BMB_LIMIT_TAGS_PER_CONTACT or
 * BMB_LIMIT_FIELDS_PER_CONTACT were left out ("Line 3: 299,500 tags of “Siti”
 * were left out…"); one or two per contact, in file order. */
guint                       bmb_contact_import_result_get_n_notes   (BmbContactImportResult *self);
/* @index < get_n_notes(). Borrowed. */
const BmbContactImportSkip *bmb_contact_import_result_get_note      (BmbContactImportResult *self,
                                                                     guint                   index);
/* The whole report for a dialog or a terminal: the reasons of every skip and
 * note, in file order. NULL-terminated, owned by @self. */
const char * const         *bmb_contact_import_result_get_messages  (BmbContactImportResult *self);
/* Ids of the contacts created or merged, in file order, each once. */
const gint64               *bmb_contact_import_result_get_contact_ids (BmbContactImportResult *self,
                                                                       guint                  *n_ids);
/* "12 new contacts. 3 merged into existing contacts. 1 skipped. 1 contact
 * imported in part.", translated. */
char                       *bmb_contact_import_result_dup_summary   (BmbContactImportResult *self);

/* What a contact import may be told; NULL: the defaults. */
typedef struct
{
  /* How the file is named in the messages; NULL: its base name. */
  const char *source_name;
} BmbContactImportOptions;

/* Imports @source (vCard or CSV) into @target in a worker thread on its own
 * connection (bmb_database_open_worker(), so @target must be a file).
 * @target emits ::changed (BMB_CHANGE_CONTACTS) before @callback when
 * anything changed. @progress (optional) follows the input read. */
void                        bmb_contact_import_async                (GFile                          *source,
                                                                     BmbDatabase                    *target,
                                                                     const BmbContactImportOptions  *options,
                                                                     GCancellable                   *cancellable,
                                                                     BmbProgress                    *progress,
                                                                     GAsyncReadyCallback             callback,
                                                                     gpointer                        user_data);
BmbContactImportResult     *bmb_contact_import_finish               (GAsyncResult                   *result,
                                                                     GError                        **error);

/* The same, synchronously on @db itself (the command line's --import). */
BmbContactImportResult     *bmb_contact_import_file                 (BmbDatabase            *db,
                                                                     GFile                  *file,
                                                                     GCancellable           *cancellable,
                                                                     BmbImportProgressFunc   progress,
                                                                     gpointer                progress_data,
                                                                     GError                **error);
/* From memory; @name names the data in messages (a file name, "clipboard"). */
BmbContactImportResult     *bmb_contact_import_data                 (BmbDatabase            *db,
                                                                     GBytes                 *data,
                                                                     const char             *name,
                                                                     GCancellable           *cancellable,
                                                                     BmbImportProgressFunc   progress,
                                                                     gpointer                progress_data,
                                                                     GError                **error);

G_END_DECLS
