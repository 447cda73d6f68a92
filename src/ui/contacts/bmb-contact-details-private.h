/* bmb-contact-details-private.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by bmb-contact-details.c and bmb-contact-details-interactions.c.
 */

#pragma once

#include "bmb-contact-details.h"
#include "bmb-mentoring-store.h"

G_BEGIN_DECLS

struct _BmbContactDetails
{
  GtkWidget             parent_instance;

  /* template widgets */
  GtkWidget            *scroller;
  AdwAvatar            *avatar;
  GtkLabel             *name_label;
  GtkLabel             *subtitle_label;
  GtkLabel             *follow_up_label;
  AdwPreferencesGroup  *reach_group;
  AdwPreferencesGroup  *met_group;
  AdwActionRow         *met_event_row;
  AdwActionRow         *met_where_row;
  AdwActionRow         *met_on_row;
  AdwActionRow         *introduced_by_row;
  AdwPreferencesGroup  *touch_group;
  AdwActionRow         *interval_row;
  AdwActionRow         *last_contact_row;
  AdwActionRow         *next_follow_up_row;
  AdwPreferencesGroup  *tags_group;
  GtkFlowBox           *tags_box;
  AdwPreferencesGroup  *notes_group;
  GtkLabel             *notes_label;
  AdwPreferencesGroup  *mentoring_group;
  GtkListBox           *interactions_list;
  AdwActionRow         *birthday_row;
  AdwActionRow         *follow_up_row;
  GtkButton            *follow_up_done_button;

  /* owned */
  BmbContactStore      *store;
  BmbMentoringStore    *mentoring;
  BmbContact           *contact;
  GListStore           *interactions;   /* BmbInteraction */
  GPtrArray            *reach_rows;     /* rows added to reach_group */
  GPtrArray            *mentoring_rows; /* rows added to mentoring_group */

  /* state */
  gint64                contact_id;
};

/* TRUE for NULL, empty or only white space. */
gboolean   _bmb_contact_details_is_blank               (const char *text);
/* The row of one logged interaction: edit and delete buttons. */
GtkWidget *_bmb_contact_details_create_interaction_row (gpointer    item,
                                                        gpointer    user_data);

G_END_DECLS
