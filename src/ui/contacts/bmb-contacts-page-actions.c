/* bmb-contacts-page-actions.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Contacts page's actions (contacts.*), the dialogs they open, and
 * delete with Undo: the contacts leave the list at once, the rows leave
 * the database only when the toast goes away.
 */

#define G_LOG_DOMAIN "bmb-contacts-page"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-contact-editor.h"
#include "bmb-contact-merge-dialog.h"
#include "bmb-contacts-page-private.h"
#include "bmb-interaction-dialog.h"
#include "bmb-met-at-event-dialog.h"
#include "bmb-undo-toast.h"

/* ---- delete with undo ---------------------------------------------------- */

/* One delete waiting in the application's BmbUndoQueue. It outlives the
 * page if need be (the queue is flushed at shutdown): the page is weak. */
typedef struct
{
  GWeakRef         page;
  BmbContactStore *store;
  GArray          *ids;    /* gint64 */
} PendingDelete;

static void
pending_delete_free (gpointer data)
{
  PendingDelete *pending = data;

  g_weak_ref_clear (&pending->page);
  g_clear_object (&pending->store);
  g_clear_pointer (&pending->ids, g_array_unref);
  g_free (pending);
}

/* The toast went away without Undo (or the window closed): now the rows
 * really go. */
static gboolean
pending_delete_commit (gpointer   data,
                       GError   **error)
{
  PendingDelete *pending = data;
  g_autoptr(BmbContactsPage) self = g_weak_ref_get (&pending->page);
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  ok = bmb_contact_store_delete_many (pending->store, (const gint64 *)(gpointer)pending->ids->data,
                                      pending->ids->len, &local_error);

  if (self != NULL && !self->disposed && self->model != NULL)
    {
      for (guint i = 0; i < pending->ids->len; i++)
        bmb_contact_list_model_unhide (self->model, g_array_index (pending->ids, gint64, i));

      if (!ok)
        bmb_contacts_show_error (GTK_WIDGET (self),
                                 ngettext ("Could Not Delete the Contact",
                                           "Could Not Delete the Contacts", pending->ids->len),
                                 local_error);
      _bmb_contacts_page_update_list_state (self);
    }

  if (!ok)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return ok;
}

static void
pending_delete_undo (gpointer data)
{
  PendingDelete *pending = data;
  g_autoptr(BmbContactsPage) self = g_weak_ref_get (&pending->page);

  if (self == NULL || self->disposed || self->model == NULL)
    return;

  for (guint i = 0; i < pending->ids->len; i++)
    bmb_contact_list_model_unhide (self->model, g_array_index (pending->ids, gint64, i));

  _bmb_contacts_page_update_list_state (self);
  if (pending->ids->len > 0)
    _bmb_contacts_page_select_contact (self, g_array_index (pending->ids, gint64, 0));
}

void
_bmb_contacts_page_delete_selected (BmbContactsPage *self)
{
  g_autoptr(GArray) ids = _bmb_contacts_page_dup_selected_ids (self);
  g_autofree char *title = NULL;
  BmbUndoQueue *queue;
  PendingDelete *pending;
  guint first_position;
  guint op_id;
  guint n_items;

  if (ids->len == 0)
    return;

  /* Someone in a mentoring relationship cannot go: say so now, not when
   * the Undo toast has gone. */
  if (self->mentoring == NULL)
    self->mentoring = g_object_ref (bmb_context_get_mentoring_store (self->context));
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(GPtrArray) relationships = NULL;
      g_autoptr(GError) error = NULL;

      relationships = bmb_mentoring_store_list_relationships_for_contact (self->mentoring, id,
                                                                          &error);
      if (relationships != NULL && relationships->len > 0)
        {
          g_autoptr(BmbContact) contact = bmb_contact_store_get (self->store, id, NULL);

          g_set_error (&error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_CONSTRAINT,
                       _("“%s” is a mentor or mentee in a mentoring relationship. End or "
                         "delete that relationship on the Sessions page first."),
                       contact ? bmb_contact_get_display_name (contact) : "");
        }
      if (error != NULL)
        {
          bmb_contacts_show_error (GTK_WIDGET (self),
                                   ngettext ("Could Not Delete the Contact",
                                             "Could Not Delete the Contacts", ids->len),
                                   error);
          return;
        }
    }

  first_position = bmb_contact_list_model_find (self->model, g_array_index (ids, gint64, 0));

  if (ids->len == 1)
    {
      BmbContact *contact = bmb_contact_details_get_contact (self->details);

      if (contact != NULL && bmb_contact_get_id (contact) == g_array_index (ids, gint64, 0))
        /* Translators: a toast after deleting a contact, with an Undo button */
        title = g_strdup_printf (_("“%s” deleted"), bmb_contact_get_display_name (contact));
      else
        title = g_strdup (_("Contact deleted"));
    }
  else
    {
      title = g_strdup_printf (ngettext ("%u contact deleted", "%u contacts deleted", ids->len),
                               ids->len);
    }

  pending = g_new0 (PendingDelete, 1);
  g_weak_ref_init (&pending->page, self);
  pending->store = g_object_ref (self->store);
  pending->ids = g_array_ref (ids);
  queue = bmb_context_get_undo_queue (self->context);
  op_id = bmb_undo_queue_push (queue, pending_delete_commit, pending_delete_undo, pending,
                               pending_delete_free);

  for (guint i = 0; i < ids->len; i++)
    bmb_contact_list_model_hide (self->model, g_array_index (ids, gint64, i));

  /* The neighbour takes the selection, as in a file manager. */
  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  if (n_items > 0 && first_position != G_MAXUINT)
    _bmb_contacts_page_select_contact (self, bmb_contact_list_model_get_id (self->model,
                                                          MIN (first_position, n_items - 1)));
  else
    _bmb_contacts_page_update_details (self);
  _bmb_contacts_page_update_list_state (self);

  bmb_contacts_add_toast (GTK_WIDGET (self), bmb_undo_toast_new (queue, op_id, title));
}


/* ---- dialogs ------------------------------------------------------------- */

static void
on_editor_saved_cb (BmbContactsPage *self,
                    gint64           contact_id)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  bmb_contacts_page_show_contact (self, contact_id);
}

void
_bmb_contacts_page_open_editor (BmbContactsPage *self,
             BmbContact      *contact)
{
  GtkWidget *editor;

  if (self->store == NULL)
    return;

  editor = bmb_contact_editor_new (_bmb_contacts_page_get_parent_window (self), self->store, contact);
  if (self->context != NULL)
    {
      guint count;
      BmbFollowUpUnit unit;

      bmb_context_get_default_follow_up (self->context, &count, &unit);
      bmb_contact_editor_set_default_follow_up (BMB_CONTACT_EDITOR (editor), count, unit);
    }
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_editor_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
on_merged_cb (BmbContactsPage *self,
              gint64           keep_id)
{
  bmb_contacts_page_show_contact (self, keep_id);
}

static void
on_event_logged_cb (BmbContactsPage *self,
                    gint64           first_id)
{
  if (first_id != 0)
    bmb_contacts_page_show_contact (self, first_id);
}


/* ---- actions ------------------------------------------------------------- */

static void
contacts_new_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  bmb_contacts_page_new_contact (BMB_CONTACTS_PAGE (widget));
}

static void
contacts_search_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  BmbContactsPage *self = BMB_CONTACTS_PAGE (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "contacts") != 0)
    return;

  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  /* The search bar under the header bar's search button */
  gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (gtk_widget_get_ancestor (GTK_WIDGET (self->search_entry),
                                                                           GTK_TYPE_SEARCH_BAR)),
                                  TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

static void
contacts_import_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  _bmb_contacts_page_choose_import_file (BMB_CONTACTS_PAGE (widget));
}

static void
contacts_export_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  _bmb_contacts_page_choose_export_file (BMB_CONTACTS_PAGE (widget));
}

static void
contacts_met_at_event_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *param)
{
  BmbContactsPage *self = BMB_CONTACTS_PAGE (widget);
  GtkWidget *dialog;

  if (self->store == NULL)
    return;

  dialog = bmb_met_at_event_dialog_new (_bmb_contacts_page_get_parent_window (self), self->store);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_event_logged_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
contacts_edit_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  BmbContactsPage *self = BMB_CONTACTS_PAGE (widget);
  BmbContact *contact = bmb_contact_details_get_contact (self->details);

  if (contact != NULL)
    _bmb_contacts_page_open_editor (self, contact);
}

static void
contacts_delete_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  _bmb_contacts_page_delete_selected (BMB_CONTACTS_PAGE (widget));
}

static void
contacts_log_interaction_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *param)
{
  BmbContactsPage *self = BMB_CONTACTS_PAGE (widget);
  BmbContact *contact = bmb_contact_details_get_contact (self->details);
  GtkWidget *dialog;

  if (contact == NULL)
    return;

  dialog = bmb_interaction_dialog_new (_bmb_contacts_page_get_parent_window (self), self->store,
                                       bmb_contact_get_id (contact),
                                       bmb_contact_get_display_name (contact));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
contacts_merge_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  BmbContactsPage *self = BMB_CONTACTS_PAGE (widget);
  g_autoptr(GArray) ids = _bmb_contacts_page_dup_selected_ids (self);
  GtkWidget *dialog;

  if (ids->len != 2)
    return;

  dialog = bmb_contact_merge_dialog_new (_bmb_contacts_page_get_parent_window (self), self->store,
                                         g_array_index (ids, gint64, 0),
                                         g_array_index (ids, gint64, 1));
  g_signal_connect_object (dialog, "merged", G_CALLBACK (on_merged_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
contacts_show_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  bmb_contacts_page_show_contact (BMB_CONTACTS_PAGE (widget), g_variant_get_int64 (param));
}

static void
contacts_clear_filters_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *param)
{
  g_object_set (widget, "needs-follow-up", FALSE, "tag", NULL, NULL);
}

static void
contacts_back_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  BmbContactsPage *self = BMB_CONTACTS_PAGE (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}


/* ---- class ---- */

void
_bmb_contacts_page_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "contacts.new", NULL, contacts_new_action);
  gtk_widget_class_install_action (widget_class, "contacts.search", NULL, contacts_search_action);
  gtk_widget_class_install_action (widget_class, "contacts.import", NULL, contacts_import_action);
  gtk_widget_class_install_action (widget_class, "contacts.export", NULL, contacts_export_action);
  gtk_widget_class_install_action (widget_class, "contacts.met-at-event", NULL,
                                   contacts_met_at_event_action);
  gtk_widget_class_install_action (widget_class, "contacts.edit", NULL, contacts_edit_action);
  gtk_widget_class_install_action (widget_class, "contacts.delete", NULL, contacts_delete_action);
  gtk_widget_class_install_action (widget_class, "contacts.log-interaction", NULL,
                                   contacts_log_interaction_action);
  gtk_widget_class_install_action (widget_class, "contacts.merge", NULL, contacts_merge_action);
  gtk_widget_class_install_action (widget_class, "contacts.show", "x", contacts_show_action);
  gtk_widget_class_install_action (widget_class, "contacts.clear-filters", NULL,
                                   contacts_clear_filters_action);
  gtk_widget_class_install_action (widget_class, "contacts.back", NULL, contacts_back_action);
  gtk_widget_class_install_property_action (widget_class, "contacts.sort", "sort-mode");
  gtk_widget_class_install_property_action (widget_class, "contacts.needs-follow-up",
                                            "needs-follow-up");
  gtk_widget_class_install_property_action (widget_class, "contacts.tag", "tag");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "contacts.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "contacts.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "contacts.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0,
                                       "contacts.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK,
                                       "contacts.log-interaction", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "contacts.edit", NULL);
}
