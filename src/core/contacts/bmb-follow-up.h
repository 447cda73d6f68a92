/* bmb-follow-up.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure date logic for "stay in touch" follow-ups: calendar dates are
 * "YYYY-MM-DD" strings (as stored) or GDate; no database, no clock unless a
 * function says so.
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* contacts.keep_in_touch_unit; NONE is SQL NULL. */
typedef enum
{
  BMB_FOLLOW_UP_UNIT_NONE,
  BMB_FOLLOW_UP_UNIT_DAY,
  BMB_FOLLOW_UP_UNIT_WEEK,
  BMB_FOLLOW_UP_UNIT_MONTH,
} BmbFollowUpUnit;

#define BMB_TYPE_FOLLOW_UP_UNIT (bmb_follow_up_unit_get_type ())

GType            bmb_follow_up_unit_get_type         (void) G_GNUC_CONST;
/* "day", "week", "month", or NULL for NONE. */
const char      *bmb_follow_up_unit_to_string        (BmbFollowUpUnit  unit);
/* Unknown or NULL text gives NONE. */
BmbFollowUpUnit  bmb_follow_up_unit_from_string      (const char      *text);
/* "Every 2 weeks", translated; NULL for NONE or count 0. */
char            *bmb_follow_up_describe_interval     (guint            count,
                                                      BmbFollowUpUnit  unit);

/* Strict "YYYY-MM-DD" parsing; FALSE (and @date cleared) when invalid. */
gboolean         bmb_date_parse_iso                  (const char      *text,
                                                      GDate           *date);
char            *bmb_date_format_iso                 (const GDate     *date);
/* Today in the local time zone. */
void             bmb_date_get_today                  (GDate           *date);

/* Adds @count days, weeks or months in place. Months clamp to the end of
 * the month (31 Jan + 1 month = 28/29 Feb). FALSE if the result would leave
 * GDate's range or the unit is NONE / count is 0 (date left unchanged). */
gboolean         bmb_follow_up_add_interval          (GDate           *date,
                                                      guint            count,
                                                      BmbFollowUpUnit  unit);
/* @base ("YYYY-MM-DD") + interval as "YYYY-MM-DD"; NULL when @base is NULL
 * or invalid, or there is no interval. */
char            *bmb_follow_up_compute_next          (const char      *base,
                                                      guint            count,
                                                      BmbFollowUpUnit  unit);
/* TRUE when @next_follow_up_on is set and on or before @today. */
gboolean         bmb_follow_up_is_due                (const char      *next_follow_up_on,
                                                      const GDate     *today);
/* "Last contact today", "Last contact 3 weeks ago"… relative to @today,
 * translated; "No contact logged yet" for NULL. */
char            *bmb_follow_up_describe_last_contact (const char      *last_contact_on,
                                                      const GDate     *today);
/* "Follow up today", "Follow-up overdue by 2 days", "Follow up in 5 days"… */
char            *bmb_follow_up_describe_due          (const char      *next_follow_up_on,
                                                      const GDate     *today);

G_END_DECLS
