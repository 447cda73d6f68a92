/* bmb-checklists-page-private.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by bmb-checklists-page.c (lists, selection, assessments) and
 * bmb-checklists-page-actions.c (template editing, deleting, exporting).
 */

#pragma once

#include "bmb-context.h"

#include "bmb-assessment-history.h"
#include "bmb-assessment-view.h"
#include "bmb-checklist-store.h"
#include "bmb-checklists-page.h"
#include "bmb-mentoring-store.h"

G_BEGIN_DECLS

struct _BmbChecklistsPage
{
  AdwBin                 parent_instance;

  /* template widgets */
  GtkStack              *stack;
  AdwStatusPage         *empty_page;
  AdwLeaflet            *leaflet;
  GtkWidget             *sidebar;
  GtkSearchBar          *search_bar;
  GtkSearchEntry        *search_entry;
  GtkToggleButton       *search_button;
  GtkListView           *template_list;
  GtkWidget             *content;
  GtkRevealer           *back_revealer;
  GtkStack              *content_stack;
  BmbAssessmentHistory  *history;
  BmbAssessmentView     *assessment_view;

  /* owned */
  BmbDatabase           *database;
  BmbContext            *context;
  BmbChecklistStore     *store;
  BmbMentoringStore     *mentoring;
  GHashTable            *relationship_titles; /* gint64 id → display title */
  GPtrArray             *open_relationships;  /* BmbRelationship not ended, for the picker */
  GListStore            *templates;        /* BmbChecklistTemplate */
  GtkCustomFilter       *filter;
  GtkFilterListModel    *filtered;
  GtkSingleSelection    *selection;
  GHashTable            *summaries;        /* gint64 template id → TemplateSummary */
  GHashTable            *pending_deletes;  /* gint64 template id → itself */
  GCancellable          *cancellable;
  GtkFileChooserNative  *export_chooser;
  BmbChecklistTemplate  *export_template;
  char                  *search_text;      /* casefolded, or NULL */

  /* state */
  gint64                 selected_id;
  guint                  reload_idle_id;
  BmbChangeSet          *pending_changes;  /* merged until the idle applies them */
  int                    export_format;    /* BmbAssessmentExportFormat */
  guint                  browsing : 1;     /* the user asked for the list */
  guint                  taking : 1;       /* the assessment view is shown */
  guint                  any_assessment : 1;
};

typedef struct
{
  double   last_score;  /* percent, or −1 */
  gboolean has_draft;
} TemplateSummary;

void     _bmb_checklists_page_reload         (BmbChecklistsPage *self);
/* Starts (or resumes) an assessment of the selected checklist for
 * @relationship_id (0: none). */
void     _bmb_checklists_page_start          (BmbChecklistsPage *self,
                                              gint64             relationship_id);
void     _bmb_checklists_page_update_actions (BmbChecklistsPage *self);
void     _bmb_checklists_page_show_error     (BmbChecklistsPage *self,
                                              const char        *heading,
                                              const GError      *error);
void     _bmb_checklists_page_add_toast      (BmbChecklistsPage *self,
                                              AdwToast          *toast);
/* The actions of bmb-checklists-page-actions.c. */
void     _bmb_checklists_page_class_init_actions (GtkWidgetClass *widget_class);
/* Deletes what is waiting for its Undo toast to go away. */

G_END_DECLS
