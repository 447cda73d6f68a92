/* bmb-label-tooltip.c — a cut label's whole text, on hover
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * List rows cut long titles to one line. Their whole text is the tooltip, answered when
 * GTK asks: setting a tooltip at every bind makes GTK look up the pointer (a round trip to
 * the X server), once for each of the 200 rows a GTK 4.8 list view makes.
 */

#include "config.h"

#include "bmb-label-tooltip.h"

static gboolean
on_query_tooltip_cb (GtkWidget  *widget,
                     int         x,
                     int         y,
                     gboolean    keyboard,
                     GtkTooltip *tooltip,
                     gpointer    data)
{
  GtkLabel *label = GTK_LABEL (widget);

  if (!pango_layout_is_ellipsized (gtk_label_get_layout (label)))
    return FALSE;

  gtk_tooltip_set_text (tooltip, gtk_label_get_text (label));
  return TRUE;
}

/**
 * bmb_label_tooltip_when_cut:
 *
 * Gives @label its own text as a tooltip whenever it is ellipsized.
 */
void
bmb_label_tooltip_when_cut (GtkLabel *label)
{
  g_return_if_fail (GTK_IS_LABEL (label));

  gtk_widget_set_has_tooltip (GTK_WIDGET (label), TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), NULL);
}
