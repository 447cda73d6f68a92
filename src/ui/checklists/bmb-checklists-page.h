/* bmb-checklists-page.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bmb-checklist-template.h"
#include "bmb-database.h"

G_BEGIN_DECLS

#define BMB_TYPE_CHECKLISTS_PAGE (bmb_checklists_page_get_type ())

G_DECLARE_FINAL_TYPE (BmbChecklistsPage, bmb_checklists_page, BMB, CHECKLISTS_PAGE, AdwBin)

/* Actions (widget actions, reachable from anything inside the page):
 * checklists.start (Ctrl+N), checklists.start-for-relationship,
 * checklists.new-template,
 * checklists.edit-template, checklists.duplicate-template,
 * checklists.delete-template (Delete), checklists.export ("csv" or "md"),
 * checklists.search (Ctrl+F), checklists.back (Alt+←). */

BmbDatabase          *bmb_checklists_page_get_database          (BmbChecklistsPage *self);
/* Starts an assessment of the built-in checklist @builtin_key (NULL: the
 * selected checklist), or resumes its draft. With nothing to start, shows
 * the list of checklists to pick from. */
void                  bmb_checklists_page_start_assessment      (BmbChecklistsPage *self,
                                                                 const char        *builtin_key);
/* Selects a checklist by id; FALSE when it is not in the list. */
gboolean              bmb_checklists_page_select_template       (BmbChecklistsPage *self,
                                                                 gint64             template_id);
BmbChecklistTemplate *bmb_checklists_page_get_selected_template (BmbChecklistsPage *self);
/* Writes the selected checklist's history to @file as "csv" or "md" (what
 * checklists.export does once a file is chosen); a toast says when it is
 * done, a dialog shows an error. */
void                  bmb_checklists_page_export                (BmbChecklistsPage *self,
                                                                 const char        *format,
                                                                 GFile             *file);

G_END_DECLS
