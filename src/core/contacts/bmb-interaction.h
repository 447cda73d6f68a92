/* bmb-interaction.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One logged contact with a person (a row of `interactions`).
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  BMB_INTERACTION_CHANNEL_MEETING,
  BMB_INTERACTION_CHANNEL_CALL,
  BMB_INTERACTION_CHANNEL_EMAIL,
  BMB_INTERACTION_CHANNEL_MESSAGE,
  BMB_INTERACTION_CHANNEL_EVENT,
  BMB_INTERACTION_CHANNEL_OTHER,
} BmbInteractionChannel;

#define BMB_INTERACTION_N_CHANNELS (BMB_INTERACTION_CHANNEL_OTHER + 1)

#define BMB_TYPE_INTERACTION_CHANNEL (bmb_interaction_channel_get_type ())

GType                  bmb_interaction_channel_get_type    (void) G_GNUC_CONST;
/* "meeting", "call"… (interactions.channel). */
const char            *bmb_interaction_channel_to_string   (BmbInteractionChannel  channel);
/* FALSE for unknown text. */
gboolean               bmb_interaction_channel_from_string (const char            *text,
                                                            BmbInteractionChannel *channel);
/* "Meeting", "Call", "Email", "Message", "Event", "Other", translated. */
const char            *bmb_interaction_channel_get_label   (BmbInteractionChannel  channel);
/* A symbolic icon name for the channel. */
const char            *bmb_interaction_channel_get_icon_name (BmbInteractionChannel channel);

#define BMB_TYPE_INTERACTION (bmb_interaction_get_type ())

G_DECLARE_FINAL_TYPE (BmbInteraction, bmb_interaction, BMB, INTERACTION, GObject)

/* @happened_on: "YYYY-MM-DD" (NULL: today, local time). */
BmbInteraction        *bmb_interaction_new             (gint64                 contact_id,
                                                        const char            *happened_on,
                                                        BmbInteractionChannel  channel,
                                                        const char            *summary);

/* 0 while unsaved; set by the store. */
gint64                 bmb_interaction_get_id          (BmbInteraction        *self);
gint64                 bmb_interaction_get_created_at  (BmbInteraction        *self);

gint64                 bmb_interaction_get_contact_id  (BmbInteraction        *self);
void                   bmb_interaction_set_contact_id  (BmbInteraction        *self,
                                                        gint64                 contact_id);
const char            *bmb_interaction_get_happened_on (BmbInteraction        *self);
void                   bmb_interaction_set_happened_on (BmbInteraction        *self,
                                                        const char            *happened_on);
BmbInteractionChannel  bmb_interaction_get_channel     (BmbInteraction        *self);
void                   bmb_interaction_set_channel     (BmbInteraction        *self,
                                                        BmbInteractionChannel  channel);
const char            *bmb_interaction_get_summary     (BmbInteraction        *self);
void                   bmb_interaction_set_summary     (BmbInteraction        *self,
                                                        const char            *summary);

G_END_DECLS
