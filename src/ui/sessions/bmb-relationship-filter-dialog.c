/* bmb-relationship-filter-dialog.c — "Show Sessions Of": one relationship out of many
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Sessions page's main menu lists a few relationships; with more, its last item opens
 * this dialog: a search field over all of them in a list view, so a thousand relationships
 * cost a thousand strings, not a thousand menu items. Emits "chosen" with the position of
 * the choice in the page's list and closes.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-relationship-filter-dialog.h"

struct _BmbRelationshipFilterDialog
{
  AdwWindow        parent_instance;

  GtkStringList   *choices;
  GtkSearchEntry  *search_entry;
  GtkListView     *list_view;
  GtkStack        *stack;
  GtkStringFilter *filter;
  GtkFilterListModel *filtered;
};

G_DEFINE_FINAL_TYPE (BmbRelationshipFilterDialog, bmb_relationship_filter_dialog, ADW_TYPE_WINDOW)

enum { CHOSEN, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
choose (BmbRelationshipFilterDialog *self,
        guint                        filtered_position)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), filtered_position);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->choices));

  if (item == NULL)
    return;

  /* The filter hands out the list's own items: find the same object. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) candidate = g_list_model_get_item (G_LIST_MODEL (self->choices), i);

      if (candidate == item)
        {
          g_signal_emit (self, signals[CHOSEN], 0, i);
          break;
        }
    }

  gtk_window_close (GTK_WINDOW (self));
}

static void
on_activate_cb (BmbRelationshipFilterDialog *self,
                guint                        position)
{
  choose (self, position);
}

static void
on_search_changed_cb (BmbRelationshipFilterDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  gtk_string_filter_set_search (self->filter, text[0] != '\0' ? text : NULL);
  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0 ?
                                    "list" : "no-results");
}

/* Enter in the search field takes the first match. */
static void
on_search_activate_cb (BmbRelationshipFilterDialog *self)
{
  choose (self, 0);
}

static void
on_stop_search_cb (BmbRelationshipFilterDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
bmb_relationship_filter_dialog_dispose (GObject *object)
{
  BmbRelationshipFilterDialog *self = BMB_RELATIONSHIP_FILTER_DIALOG (object);

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->filtered);
  g_clear_object (&self->choices);

  G_OBJECT_CLASS (bmb_relationship_filter_dialog_parent_class)->dispose (object);
}

static void
bmb_relationship_filter_dialog_class_init (BmbRelationshipFilterDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bmb_relationship_filter_dialog_dispose;

  /**
   * BmbRelationshipFilterDialog::chosen:
   * @position: the choice's position in the list given to the dialog
   */
  signals[CHOSEN] = g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/bimbing/Bimbing/bmb-relationship-filter-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BmbRelationshipFilterDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BmbRelationshipFilterDialog, list_view);
  gtk_widget_class_bind_template_child (widget_class, BmbRelationshipFilterDialog, stack);
  gtk_widget_class_bind_template_callback (widget_class, on_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bmb_relationship_filter_dialog_init (BmbRelationshipFilterDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
bmb_relationship_filter_dialog_new (GtkWindow     *parent,
                                    GtkStringList *choices)
{
  BmbRelationshipFilterDialog *self;
  GtkExpression *expression;

  g_return_val_if_fail (GTK_IS_STRING_LIST (choices), NULL);

  self = g_object_new (BMB_TYPE_RELATIONSHIP_FILTER_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->choices = g_object_ref (choices);
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  self->filter = gtk_string_filter_new (expression);
  gtk_string_filter_set_match_mode (self->filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  gtk_string_filter_set_ignore_case (self->filter, TRUE);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (choices)),
                                              GTK_FILTER (self->filter));
  gtk_list_view_set_model (self->list_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)))));
  /* gtk_list_view_set_model() took its own reference. */
  g_object_unref (gtk_list_view_get_model (self->list_view));

  return GTK_WIDGET (self);
}
