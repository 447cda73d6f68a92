/* bmb-template-editor.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bmb-checklist-store.h"

G_BEGIN_DECLS

#define BMB_TYPE_TEMPLATE_EDITOR (bmb_template_editor_get_type ())

G_DECLARE_FINAL_TYPE (BmbTemplateEditor, bmb_template_editor, BMB, TEMPLATE_EDITOR, AdwWindow)

/* A dialog that creates a custom checklist (@template_id 0) or edits one:
 * title, description, yes/no or rating answers, and items with a title and
 * an explanation, reordered by dragging or with Alt+↑/Alt+↓. Built-in
 * checklists are read-only and cannot be opened here. ::saved (the saved
 * BmbChecklistTemplate) is emitted before the dialog closes. */
BmbTemplateEditor    *bmb_template_editor_new          (GtkWindow          *parent,
                                                        BmbChecklistStore  *store,
                                                        gint64              template_id,
                                                        GError            **error);
/* The template being edited (in memory until saved). */
BmbChecklistTemplate *bmb_template_editor_get_template (BmbTemplateEditor  *self);
/* Appends an empty item and focuses its title. */
void                  bmb_template_editor_add_item     (BmbTemplateEditor  *self);
/* Saves and closes; FALSE with @error set (and nothing closed) on failure. */
gboolean              bmb_template_editor_save         (BmbTemplateEditor  *self,
                                                        GError            **error);
/* The row of the item at @position, or NULL. */
GtkWidget            *bmb_template_editor_get_row      (BmbTemplateEditor  *self,
                                                        guint               position);

G_END_DECLS
