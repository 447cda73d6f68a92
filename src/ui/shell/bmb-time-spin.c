/* bmb-time-spin.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-time-spin"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-format.h"
#include "bmb-time-spin.h"

int
bmb_time_spin_parse_hour (const char *text)
{
  g_autoptr(GDateTime) am = g_date_time_new_utc (2000, 1, 1, 1, 0, 0);
  g_autoptr(GDateTime) pm = g_date_time_new_utc (2000, 1, 1, 13, 0, 0);
  g_autofree char *am_text = g_date_time_format (am, "%p");
  g_autofree char *pm_text = g_date_time_format (pm, "%p");
  g_autofree char *folded = NULL;
  const char *p;
  char *end;
  gint64 hour;

  if (text == NULL)
    return -1;

  p = text;
  while (g_ascii_isspace (*p))
    p++;
  if (!g_ascii_isdigit (*p))
    return -1;

  hour = g_ascii_strtoll (p, &end, 10);
  while (g_ascii_isspace (*end))
    end++;
  if (*end == '\0')
    return hour >= 0 && hour <= 23 ? (int) hour : -1;

  if (hour < 1 || hour > 12)
    return -1;

  /* "PM", "pm", "p", or the locale's own words. */
  folded = g_utf8_casefold (end, -1);
  if (g_str_has_prefix (folded, "p") ||
      (pm_text[0] != '\0' && g_str_has_prefix (pm_text, end)))
    return hour == 12 ? 12 : (int) hour + 12;
  if (g_str_has_prefix (folded, "a") ||
      (am_text[0] != '\0' && g_str_has_prefix (am_text, end)))
    return hour == 12 ? 0 : (int) hour;

  return -1;
}

static gboolean
on_output_cb (GtkSpinButton *spin)
{
  g_autofree char *text = bmb_format_hour (gtk_spin_button_get_value_as_int (spin));

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);

  return TRUE;
}

static int
on_input_cb (GtkSpinButton *spin,
             double        *new_value)
{
  int hour = bmb_time_spin_parse_hour (gtk_editable_get_text (GTK_EDITABLE (spin)));

  if (hour < 0)
    return GTK_INPUT_ERROR;

  *new_value = hour;

  return TRUE;
}

static void
on_clock_changed_cb (GtkSpinButton *spin)
{
  gtk_editable_set_width_chars (GTK_EDITABLE (spin), bmb_format_get_use_12h () ? 5 : 2);
  on_output_cb (spin);
}

void
bmb_time_spin_setup_hour (GtkSpinButton *spin)
{
  g_return_if_fail (GTK_IS_SPIN_BUTTON (spin));

  gtk_spin_button_set_numeric (spin, FALSE);
  g_signal_connect (spin, "output", G_CALLBACK (on_output_cb), NULL);
  g_signal_connect (spin, "input", G_CALLBACK (on_input_cb), NULL);
  bmb_format_watch_clock (spin, G_CALLBACK (on_clock_changed_cb));
  on_clock_changed_cb (spin);
}
