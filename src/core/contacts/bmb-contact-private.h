/* bmb-contact-private.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Saved-state setters for BmbContact and BmbInteraction, used only by the
 * contact store; and BmbContact's instance struct, shared by bmb-contact.c
 * and bmb-contact-fields-tags.c.
 */

#pragma once

#include "bmb-contact.h"
#include "bmb-contact-limiter.h"
#include "bmb-interaction.h"

G_BEGIN_DECLS

/* Shared by bmb-contact.c and bmb-contact-field.c. */
struct _BmbContactField
{
  gatomicrefcount      ref_count;
  BmbContactFieldKind  kind;
  gboolean             preferred;
  char                *label;
  char                *value;
};

/* Shared by bmb-contact.c and bmb-contact-fields-tags.c. */
struct _BmbContact
{
  GObject          parent_instance;

  /* saved state */
  gint64           id;
  gint64           created_at;
  gint64           updated_at;
  char            *next_follow_up_on;

  /* columns (NULL when empty) */
  char            *uid;
  char            *display_name;      /* custom; NULL: derived */
  char            *prefix;
  char            *given_name;
  char            *additional_names;
  char            *family_name;
  char            *suffix;
  char            *nickname;
  char            *organization;
  char            *role;
  char            *birthday;
  char            *met_where;
  char            *met_on;
  char            *met_event;
  char            *notes;
  char            *last_contact_on;
  char            *follow_up_on;      /* one-off follow-up, YYYY-MM-DD */
  char            *follow_up_note;
  gint64           introduced_by;
  guint            keep_in_touch_count;
  BmbFollowUpUnit  keep_in_touch_unit;

  /* children */
  GPtrArray       *fields;            /* BmbContactField */
  GPtrArray       *tags;              /* char *, NULL-terminated */
  GHashTable      *tag_set;           /* case-folded tags; NULL until needed */

  /* cache */
  char            *derived_name;
};

/* Called when anything the derived name depends on may have changed. */
void      _bmb_contact_invalidate_derived_name (BmbContact        *self);
void      _bmb_contact_notify_tags             (BmbContact        *self);
/* Merges @other's fields into @self, each value once, within @limiter if
 * not NULL; TRUE when any was added. */
gboolean  _bmb_contact_merge_fields            (BmbContact        *self,
                                                BmbContact        *other,
                                                BmbContactLimiter *limiter);

void   _bmb_contact_set_id                (BmbContact     *self,
                                           gint64          id);
void   _bmb_contact_set_timestamps        (BmbContact     *self,
                                           gint64          created_at,
                                           gint64          updated_at);
void   _bmb_contact_set_next_follow_up_on (BmbContact     *self,
                                           const char     *next_follow_up_on);
/* Sets the display name as stored: when it equals the name derived from the
 * parts, the contact keeps deriving it (so editing the parts renames it). */
void   _bmb_contact_set_stored_display_name (BmbContact   *self,
                                             const char   *display_name);
/* What the sort key is built from: the custom display name, else the name
 * parts without prefix and suffix, else the derived display name. */
char  *_bmb_contact_dup_sort_source       (BmbContact     *self);
/* Initials from name parts when there are any, else from @display_name. */
char  *_bmb_contact_initials              (const char     *given_name,
                                           const char     *family_name,
                                           const char     *display_name);

/* NULL for blank text, else a copy (trimmed unless @keep_spacing). */
char     *_bmb_text_normalize             (const char     *text,
                                           gboolean        keep_spacing);
gboolean  _bmb_text_is_blank              (const char     *text);
/* Emails and links case-insensitively, phones by digits and leading +. */
gboolean  _bmb_contact_field_values_equal (BmbContactFieldKind kind,
                                           const char     *a,
                                           const char     *b);
/* A string equal for two values exactly when _bmb_contact_field_values_equal()
 * says they are, for sets of values. */
char     *_bmb_contact_field_dup_key      (BmbContactFieldKind kind,
                                           const char     *value);

void   _bmb_interaction_set_id            (BmbInteraction *self,
                                           gint64          id);
void   _bmb_interaction_set_created_at    (BmbInteraction *self,
                                           gint64          created_at);

G_END_DECLS
