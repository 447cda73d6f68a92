/* bmb-checklist-builtins.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The built-in self-assessment checklists shipped with Bimbing. The
 * database keeps only their keys (checklist_templates.builtin_key,
 * checklist_items.item_key); the English text lives here, marked for
 * translation, and is translated when it is displayed, so switching the
 * language translates them too. Static, read-only data: nothing to free.
 */

#pragma once

#include <glib.h>

#include "bmb-checklist-template.h"

G_BEGIN_DECLS

/* Section keys of the "mentoring-phases" template; they match
 * relationships.phase so the phase stepper can show a phase's items. */
#define BMB_CHECKLIST_SECTION_PREPARATION "preparation"
#define BMB_CHECKLIST_SECTION_NEGOTIATION "negotiation"
#define BMB_CHECKLIST_SECTION_ENABLING    "enabling"
#define BMB_CHECKLIST_SECTION_CLOSURE     "closure"

typedef struct
{
  const char *key;          /* stable, unique within its template */
  const char *section;      /* section key, or NULL */
  const char *title;        /* English, untranslated (N_) */
  const char *explanation;  /* English, untranslated (N_), one line */
} BmbBuiltinItem;

typedef struct
{
  const char           *key;          /* stable, e.g. "mentor-qualities" */
  const char           *title;        /* English, untranslated (N_) */
  const char           *description;  /* English, untranslated (N_) */
  BmbAnswerKind         answer_kind;
  const BmbBuiltinItem *items;
  guint                 n_items;
} BmbBuiltinTemplate;

/* All built-in templates, in display order. */
const BmbBuiltinTemplate *bmb_checklist_builtins_get_all          (guint       *n_templates);
/* NULL when there is no built-in template with that key. */
const BmbBuiltinTemplate *bmb_checklist_builtins_lookup           (const char  *template_key);
const BmbBuiltinItem     *bmb_checklist_builtins_lookup_item      (const char  *template_key,
                                                                   const char  *item_key);

/* Display text, translated now (gettext domain "bimbing"); NULL for an
 * unknown key. The strings are static. */
const char               *bmb_checklist_builtins_get_title        (const char  *template_key);
const char               *bmb_checklist_builtins_get_description  (const char  *template_key);
const char               *bmb_checklist_builtins_get_item_title   (const char  *template_key,
                                                                   const char  *item_key);
const char               *bmb_checklist_builtins_get_item_explanation (const char *template_key,
                                                                       const char *item_key);
/* Translated heading of a section key ("preparation" → "Preparation");
 * NULL for NULL or an unknown key. */
const char               *bmb_checklist_builtins_get_section_label (const char *section);

G_END_DECLS
