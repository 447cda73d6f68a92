/* bmb-contacts-page.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list is BmbContactListModel (ids only, rows on demand) → a
 * GtkMultiSelection (one selected: details; two: merge) → GtkListView.
 * Every change in the database comes back through BmbDatabase::changed,
 * which reloads the model with a minimal items-changed and the details.
 *
 * Deleting hides the contacts from the list and shows an Undo toast; the
 * rows are deleted from the database only when the toast goes away, so an
 * Undo (or a crash) loses nothing.
 */

#define G_LOG_DOMAIN "bmb-contacts-page"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-contact-details.h"
#include "bmb-contact-editor.h"
#include "bmb-contact-export.h"
#include "bmb-contact-import.h"
#include "bmb-contact-merge-dialog.h"
#include "bmb-contact-row.h"
#include "bmb-contact-store.h"
#include "bmb-contacts-page.h"
#include "bmb-interaction-dialog.h"
#include "bmb-mentoring-store.h"
#include "bmb-met-at-event-dialog.h"

typedef struct _PendingDelete PendingDelete;

struct _BmbContactsPage
{
  AdwBin               parent_instance;

  /* template widgets */
  GtkStack            *stack;
  AdwStatusPage       *empty_page;
  AdwLeaflet          *leaflet;
  GtkSearchEntry      *search_entry;
  GtkRevealer         *filter_revealer;
  GtkLabel            *filter_label;
  GtkStack            *list_stack;
  GtkListView         *list_view;
  AdwStatusPage       *no_results_page;
  GtkRevealer         *import_revealer;
  GtkLabel            *import_label;
  GtkProgressBar      *import_progress;
  GtkButton           *back_button;
  GtkLabel            *details_title;
  GtkStack            *details_stack;
  BmbContactDetails   *details;
  AdwStatusPage       *several_page;
  GMenu               *tags_section;

  /* owned */
  BmbDatabase         *database;
  BmbContactStore     *store;
  BmbMentoringStore   *mentoring;
  BmbContactListModel *model;
  GtkMultiSelection   *selection;
  GPtrArray           *pending_deletes;     /* PendingDelete */
  GCancellable        *import_cancellable;
  GCancellable        *export_cancellable;
  gulong               changed_handler;

  /* state */
  char                *sort_mode;           /* "name", "last-contact", "next-follow-up" */
  char                *tag;
  gboolean             needs_follow_up;
  gint64               shown_id;
  guint                disposed : 1;
};

G_DEFINE_FINAL_TYPE (BmbContactsPage, bmb_contacts_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_SORT_MODE,
  PROP_NEEDS_FOLLOW_UP,
  PROP_TAG,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

struct _PendingDelete
{
  BmbContactsPage *self;
  GArray          *ids;    /* gint64 */
  AdwToast        *toast;  /* borrowed; the overlay owns it */
  gboolean         undone;
  gboolean         finished;
};

static void reload (BmbContactsPage *self);

/* ---- shared helpers ------------------------------------------------------ */

void
bmb_contacts_show_error (GtkWidget    *widget,
                         const char   *heading,
                         const GError *error)
{
  GtkRoot *root;
  GtkWidget *dialog;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (error != NULL);

  root = gtk_widget_get_root (widget);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
bmb_contacts_add_toast (GtkWidget *widget,
                        AdwToast  *toast)
{
  GtkWidget *overlay;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (ADW_IS_TOAST (toast), FALSE);

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    {
      /* Nowhere to show it: it is over at once. */
      adw_toast_dismiss (toast);
      g_object_unref (toast);
      return FALSE;
    }

  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  return TRUE;
}

static GtkWindow *
get_parent_window (BmbContactsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* ---- selection ----------------------------------------------------------- */

static GArray *
dup_selected_ids (BmbContactsPage *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GtkBitset) selected = NULL;
  GtkBitsetIter iter;
  guint position;

  if (self->selection == NULL)
    return ids;

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  if (gtk_bitset_iter_init_first (&iter, selected, &position))
    {
      do
        {
          gint64 id = bmb_contact_list_model_get_id (self->model, position);

          if (id != 0)
            g_array_append_val (ids, id);
        }
      while (gtk_bitset_iter_next (&iter, &position));
    }

  return ids;
}

static void
update_actions (BmbContactsPage *self)
{
  g_autoptr(GArray) selected = dup_selected_ids (self);
  gboolean have_store = self->store != NULL;
  gboolean importing = self->import_cancellable != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contacts.new", have_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contacts.met-at-event", have_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contacts.import", have_store && !importing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contacts.export",
                                 have_store && self->export_cancellable == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contacts.edit", self->shown_id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contacts.log-interaction",
                                 self->shown_id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contacts.delete", selected->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contacts.merge", selected->len == 2);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contacts.back",
                                 adw_leaflet_get_folded (self->leaflet));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contacts.clear-filters",
                                 self->needs_follow_up || self->tag != NULL);
}

static void
set_shown_contact (BmbContactsPage *self,
                   gint64           id)
{
  BmbContact *contact;

  if (self->shown_id != id)
    {
      self->shown_id = id;
      bmb_contact_details_set_contact_id (self->details, id);
    }

  contact = bmb_contact_details_get_contact (self->details);
  if (id != 0 && contact != NULL)
    {
      gtk_label_set_label (self->details_title, bmb_contact_get_display_name (contact));
      gtk_stack_set_visible_child_name (self->details_stack, "contact");
    }
  else
    {
      self->shown_id = 0;
      gtk_label_set_label (self->details_title, "");
    }
}

static void
update_details (BmbContactsPage *self)
{
  g_autoptr(GArray) selected = dup_selected_ids (self);

  if (selected->len == 1)
    {
      set_shown_contact (self, g_array_index (selected, gint64, 0));
      if (self->shown_id == 0)
        gtk_stack_set_visible_child_name (self->details_stack, "none");
    }
  else if (selected->len == 0)
    {
      set_shown_contact (self, 0);
      gtk_stack_set_visible_child_name (self->details_stack, "none");
    }
  else
    {
      g_autofree char *title = NULL;

      set_shown_contact (self, 0);
      title = g_strdup_printf (ngettext ("%u Contact Selected", "%u Contacts Selected",
                                         selected->len),
                               selected->len);
      adw_status_page_set_title (self->several_page, title);
      adw_status_page_set_description (self->several_page,
                                       selected->len == 2
                                       ? _("If they are the same person, merge them into one contact.")
                                       : _("Select exactly two contacts to merge them."));
      gtk_widget_set_visible (adw_status_page_get_child (self->several_page), selected->len == 2);
      gtk_stack_set_visible_child_name (self->details_stack, "several");
    }

  update_actions (self);
}

/* Selects @id alone and scrolls to it; FALSE when it is not in the list. */
static gboolean
select_contact (BmbContactsPage *self,
                gint64           id)
{
  guint position = bmb_contact_list_model_find (self->model, id);

  if (position == G_MAXUINT)
    return FALSE;

  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  update_details (self);

  return TRUE;
}

static void
on_selection_changed_cb (BmbContactsPage *self)
{
  update_details (self);
}

static void
on_list_view_activate_cb (BmbContactsPage *self,
                          guint            position)
{
  gint64 id = bmb_contact_list_model_get_id (self->model, position);

  if (id == 0)
    return;

  if (id != self->shown_id)
    select_contact (self, id);
  adw_leaflet_set_visible_child_name (self->leaflet, "details");
}

static void
on_leaflet_folded_cb (BmbContactsPage *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  gtk_widget_set_visible (GTK_WIDGET (self->back_button), folded);
  /* Folded, the details are a page of their own: a click on a row opens
   * them (a click on a wide window only selects). */
  gtk_list_view_set_single_click_activate (self->list_view, folded);
  update_actions (self);
}

/* ---- list state ---------------------------------------------------------- */

static BmbContactSort
sort_from_mode (const char *mode)
{
  if (g_strcmp0 (mode, "last-contact") == 0)
    return BMB_CONTACT_SORT_LAST_CONTACT;
  if (g_strcmp0 (mode, "next-follow-up") == 0)
    return BMB_CONTACT_SORT_NEXT_FOLLOW_UP;
  return BMB_CONTACT_SORT_NAME;
}

static void
apply_sort (BmbContactsPage *self)
{
  BmbContactSort sort = sort_from_mode (self->sort_mode);
  const char *text = bmb_contact_list_model_get_search_text (self->model);

  /* Searching by name, the best matches come first. */
  if (sort == BMB_CONTACT_SORT_NAME && text != NULL)
    sort = BMB_CONTACT_SORT_RELEVANCE;

  bmb_contact_list_model_set_sort (self->model, sort);
}

static void
update_list_state (BmbContactsPage *self)
{
  g_autoptr(GError) error = NULL;
  gint64 total;
  guint n_items;
  const char *search;
  g_autoptr(GString) filters = g_string_new (NULL);

  if (self->store == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  total = bmb_contact_store_count (self->store, &error);
  if (total < 0)
    {
      bmb_contacts_show_error (GTK_WIDGET (self), _("Could Not Read the Contacts"), error);
      total = 0;
    }
  for (guint i = 0; i < self->pending_deletes->len; i++)
    {
      PendingDelete *pending = g_ptr_array_index (self->pending_deletes, i);

      if (!pending->finished && !pending->undone)
        total -= pending->ids->len;
    }

  gtk_stack_set_visible_child_name (self->stack, total > 0 ? "contacts" : "empty");

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  search = bmb_contact_list_model_get_search_text (self->model);

  if (self->needs_follow_up)
    g_string_append (filters, _("Needs follow-up"));
  if (self->tag != NULL)
    {
      if (filters->len > 0)
        g_string_append (filters, " · ");
      /* Translators: the tag filter above the contact list */
      g_string_append_printf (filters, _("Tag “%s”"), self->tag);
    }
  gtk_label_set_label (self->filter_label, filters->str);
  gtk_revealer_set_reveal_child (self->filter_revealer, filters->len > 0);

  if (n_items > 0)
    {
      gtk_stack_set_visible_child_name (self->list_stack, "list");
      return;
    }

  if (search != NULL)
    {
      g_autofree char *description =
        g_strdup_printf (_("No contact matches “%s”. Try another name, organisation, email or tag."),
                         search);

      adw_status_page_set_title (self->no_results_page, _("No Results Found"));
      adw_status_page_set_description (self->no_results_page, description);
    }
  else if (self->needs_follow_up && self->tag == NULL)
    {
      adw_status_page_set_title (self->no_results_page, _("All Caught Up"));
      adw_status_page_set_description (self->no_results_page,
                                       _("Nobody is waiting for a follow-up today."));
    }
  else
    {
      adw_status_page_set_title (self->no_results_page, _("No Matching Contacts"));
      adw_status_page_set_description (self->no_results_page,
                                       _("No contact matches these filters."));
    }
  gtk_stack_set_visible_child_name (self->list_stack, "no-results");
}

static void
rebuild_tags_menu (BmbContactsPage *self)
{
  g_autoptr(GPtrArray) tags = NULL;
  g_autoptr(GError) error = NULL;

  g_menu_remove_all (self->tags_section);

  if (self->store == NULL)
    return;

  if (!(tags = bmb_contact_store_list_tags (self->store, &error)))
    {
      g_debug ("Could not list tags: %s", error->message);
      return;
    }

  {
    g_autoptr(GMenuItem) all = g_menu_item_new (_("Any Tag"), NULL);

    g_menu_item_set_action_and_target (all, "contacts.tag", "s", "");
    g_menu_append_item (self->tags_section, all);
  }

  /* A menu is no place for thousands of tags. */
  for (guint i = 0; i < tags->len && i < 50; i++)
    {
      BmbContactTagCount *tag = g_ptr_array_index (tags, i);
      g_autofree char *label = g_strdup_printf ("%s (%u)", tag->tag, tag->count);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target (item, "contacts.tag", "s", tag->tag);
      g_menu_append_item (self->tags_section, item);
    }
}

static void
reload (BmbContactsPage *self)
{
  g_autoptr(GError) error = NULL;
  gint64 shown = self->shown_id;

  if (self->model == NULL)
    return;

  if (!bmb_contact_list_model_reload (self->model, &error))
    bmb_contacts_show_error (GTK_WIDGET (self), _("Could Not Read the Contacts"), error);

  /* Keep following the shown contact when its position changed. */
  if (shown != 0 && !select_contact (self, shown))
    update_details (self);

  if (self->shown_id != 0 && !bmb_contact_details_reload (self->details, &error))
    {
      if (g_error_matches (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_NOT_FOUND))
        set_shown_contact (self, 0);
      else
        bmb_contacts_show_error (GTK_WIDGET (self), _("Could Not Show the Contact"), error);
    }
  set_shown_contact (self, self->shown_id);

  rebuild_tags_menu (self);
  update_list_state (self);
  update_details (self);
}

static void
on_database_changed_cb (BmbContactsPage *self,
                        guint            flags)
{
  if (flags & (BMB_CHANGE_CONTACTS | BMB_CHANGE_INTERACTIONS))
    {
      reload (self);
    }
  else if (flags & (BMB_CHANGE_RELATIONSHIPS | BMB_CHANGE_SESSIONS | BMB_CHANGE_ACTION_ITEMS))
    {
      g_autoptr(GError) error = NULL;

      if (self->shown_id != 0 && !bmb_contact_details_reload (self->details, &error))
        g_debug ("Could not reload the contact: %s", error->message);
    }
}

static void
on_search_changed_cb (BmbContactsPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  if (self->model == NULL)
    return;

  bmb_contact_list_model_set_search_text (self->model, *stripped ? stripped : NULL);
  apply_sort (self);
  update_list_state (self);

  /* Searching shows the best match at once. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0)
    {
      gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", 0);
      if (*stripped != '\0')
        select_contact (self, bmb_contact_list_model_get_id (self->model, 0));
    }
  update_details (self);
}

static gboolean
on_list_key_pressed_cb (BmbContactsPage       *self,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        GtkEventControllerKey *controller)
{
  gunichar ch = gdk_keyval_to_unicode (keyval);
  GtkWidget *text;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0 ||
      ch == 0 || !g_unichar_isgraph (ch))
    return GDK_EVENT_PROPAGATE;

  text = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (self->search_entry)));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_set_position (GTK_EDITABLE (self->search_entry), -1);

  return gtk_event_controller_key_forward (controller, text ? text : GTK_WIDGET (self->search_entry));
}

static void
on_search_activate_cb (BmbContactsPage *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->model)) == 0)
    return;

  on_list_view_activate_cb (self, 0);
}

static void
on_search_stop_cb (BmbContactsPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

/* ---- delete with undo ---------------------------------------------------- */

static void
pending_delete_free (PendingDelete *pending)
{
  if (pending->toast != NULL)
    g_signal_handlers_disconnect_by_data (pending->toast, pending);
  g_clear_pointer (&pending->ids, g_array_unref);
  g_free (pending);
}

/* The toast went away without Undo: now the rows really go. */
static void
pending_delete_commit (PendingDelete *pending)
{
  BmbContactsPage *self = pending->self;
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  if (pending->finished)
    return;
  pending->finished = TRUE;

  if (pending->undone)
    return;

  if (!bmb_database_begin (self->database, &error))
    {
      ok = FALSE;
    }
  else
    {
      for (guint i = 0; ok && i < pending->ids->len; i++)
        ok = bmb_contact_store_delete (self->store, g_array_index (pending->ids, gint64, i),
                                       NULL, &error);
      if (ok)
        ok = bmb_database_commit (self->database, &error);
      if (!ok)
        bmb_database_rollback (self->database);
    }

  for (guint i = 0; i < pending->ids->len && !self->disposed; i++)
    bmb_contact_list_model_unhide (self->model, g_array_index (pending->ids, gint64, i));

  if (!ok && !self->disposed)
    {
      bmb_contacts_show_error (GTK_WIDGET (self),
                               ngettext ("Could Not Delete the Contact",
                                         "Could Not Delete the Contacts", pending->ids->len),
                               error);
      update_list_state (self);
    }
}

static void
on_delete_toast_dismissed_cb (AdwToast      *toast,
                              PendingDelete *pending)
{
  BmbContactsPage *self = pending->self;

  pending_delete_commit (pending);
  pending->toast = NULL;
  g_signal_handlers_disconnect_by_data (toast, pending);
  g_ptr_array_remove (self->pending_deletes, pending);
}

static void
on_delete_toast_undo_cb (AdwToast      *toast,
                         PendingDelete *pending)
{
  BmbContactsPage *self = pending->self;

  if (pending->finished)
    return;

  pending->undone = TRUE;
  for (guint i = 0; i < pending->ids->len; i++)
    bmb_contact_list_model_unhide (self->model, g_array_index (pending->ids, gint64, i));

  update_list_state (self);
  if (pending->ids->len > 0)
    select_contact (self, g_array_index (pending->ids, gint64, 0));
}

static void
delete_selected (BmbContactsPage *self)
{
  g_autoptr(GArray) ids = dup_selected_ids (self);
  g_autofree char *title = NULL;
  PendingDelete *pending;
  guint first_position;
  guint n_items;

  if (ids->len == 0)
    return;

  /* Someone in a mentoring relationship cannot go: say so now, not when
   * the Undo toast has gone. */
  if (self->mentoring == NULL)
    self->mentoring = bmb_mentoring_store_new (self->database);
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
          bmb_contacts_show_error (GTK_WIDGET (self), _("Could Not Delete the Contact"), error);
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
  pending->self = self;
  pending->ids = g_array_ref (ids);
  g_ptr_array_add (self->pending_deletes, pending);

  for (guint i = 0; i < ids->len; i++)
    bmb_contact_list_model_hide (self->model, g_array_index (ids, gint64, i));

  /* The neighbour takes the selection, as in a file manager. */
  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  if (n_items > 0 && first_position != G_MAXUINT)
    select_contact (self, bmb_contact_list_model_get_id (self->model,
                                                          MIN (first_position, n_items - 1)));
  else
    update_details (self);
  update_list_state (self);

  pending->toast = adw_toast_new (title);
  adw_toast_set_button_label (pending->toast, _("_Undo"));
  adw_toast_set_priority (pending->toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect (pending->toast, "button-clicked", G_CALLBACK (on_delete_toast_undo_cb), pending);
  g_signal_connect (pending->toast, "dismissed", G_CALLBACK (on_delete_toast_dismissed_cb), pending);
  bmb_contacts_add_toast (GTK_WIDGET (self), pending->toast);
}

/* ---- dialogs ------------------------------------------------------------- */

static void
on_editor_saved_cb (BmbContactsPage *self,
                    gint64           contact_id)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  bmb_contacts_page_show_contact (self, contact_id);
}

static void
open_editor (BmbContactsPage *self,
             BmbContact      *contact)
{
  GtkWidget *editor;

  if (self->store == NULL)
    return;

  editor = bmb_contact_editor_new (get_parent_window (self), self->store, contact);
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

/* ---- import and export --------------------------------------------------- */

static void
on_import_progress_cb (double   fraction,
                       guint    n_processed,
                       gpointer user_data)
{
  BmbContactsPage *self = user_data;
  g_autofree char *text = NULL;

  if (self->disposed)
    return;

  gtk_progress_bar_set_fraction (self->import_progress, CLAMP (fraction, 0.0, 1.0));
  text = g_strdup_printf (ngettext ("%u contact read", "%u contacts read", n_processed),
                          n_processed);
  gtk_progress_bar_set_text (self->import_progress, text);
  gtk_progress_bar_set_show_text (self->import_progress, TRUE);
}

static void
show_import_summary (BmbContactsPage        *self,
                     GFile                  *file,
                     BmbContactImportResult *result)
{
  g_autofree char *summary = bmb_contact_import_result_dup_summary (result);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *heading = NULL;
  guint n_skipped = bmb_contact_import_result_get_skipped (result);
  GtkWidget *dialog;

  /* Translators: heading of the dialog after importing a file */
  heading = g_strdup_printf (_("Imported “%s”"), name);
  dialog = adw_message_dialog_new (get_parent_window (self), heading, summary);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));

  if (n_skipped > 0)
    {
      g_autoptr(GString) reasons = g_string_new (NULL);
      GtkWidget *scroller = gtk_scrolled_window_new ();
      GtkWidget *label;

      for (guint i = 0; i < n_skipped && i < 500; i++)
        {
          const BmbContactImportSkip *skip = bmb_contact_import_result_get_skip (result, i);

          if (reasons->len > 0)
            g_string_append_c (reasons, '\n');
          g_string_append (reasons, skip->reason);
        }
      if (n_skipped > 500)
        {
          g_string_append_c (reasons, '\n');
          g_string_append_printf (reasons, ngettext ("…and %u more.", "…and %u more.",
                                                     n_skipped - 500),
                                  n_skipped - 500);
        }

      label = gtk_label_new (reasons->str);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "caption");
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller),
                                      GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 240);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
      gtk_widget_add_css_class (scroller, "card");
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);
    }

  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  BmbContactsPage *self;
  GFile           *file;
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->file);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImportData, import_data_free)

static void
on_import_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(ImportData) data = user_data;
  BmbContactsPage *self = data->self;
  g_autoptr(BmbContactImportResult) import = NULL;
  g_autoptr(GError) error = NULL;

  import = bmb_contact_import_file_finish (BMB_DATABASE (object), result, &error);

  g_clear_object (&self->import_cancellable);
  if (self->disposed)
    return;
  gtk_revealer_set_reveal_child (self->import_revealer, FALSE);
  update_actions (self);

  if (import == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        bmb_contacts_show_error (GTK_WIDGET (self), _("Could Not Import the Contacts"), error);
      else
        bmb_contacts_add_toast (GTK_WIDGET (self),
                                adw_toast_new (_("Import cancelled; nothing was changed")));
      return;
    }

  reload (self);
  show_import_summary (self, data->file, import);

  {
    guint n_ids = 0;
    const gint64 *ids = bmb_contact_import_result_get_contact_ids (import, &n_ids);

    if (n_ids > 0)
      bmb_contacts_page_show_contact (self, ids[0]);
  }
}

static void
on_import_cancel_clicked_cb (BmbContactsPage *self)
{
  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
}

static GtkFileFilter *
make_filter (const char *name,
             const char *pattern,
             const char *mime_type)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  if (mime_type != NULL)
    gtk_file_filter_add_mime_type (filter, mime_type);

  return filter;
}

static void
on_import_chooser_response_cb (GtkNativeDialog *chooser,
                               int              response,
                               BmbContactsPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        bmb_contacts_page_import_file (self, file);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
on_export_chooser_response_cb (GtkNativeDialog *chooser,
                               int              response,
                               BmbContactsPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      GtkFileFilter *filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));
      g_autofree char *basename = file ? g_file_get_basename (file) : NULL;
      gboolean csv = FALSE;

      if (basename != NULL && g_str_has_suffix (basename, ".csv"))
        csv = TRUE;
      else if (basename != NULL && g_str_has_suffix (basename, ".vcf"))
        csv = FALSE;
      else if (filter != NULL)
        csv = g_strcmp0 (gtk_file_filter_get_name (filter), _("CSV Spreadsheets")) == 0;

      if (file != NULL)
        bmb_contacts_page_export_file (self, file, csv);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

typedef struct
{
  BmbContactsPage *self;
  GFile           *file;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->file);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportData, export_data_free)

static void
on_export_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(ExportData) data = user_data;
  BmbContactsPage *self = data->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (data->file);
  g_autofree char *message = NULL;
  guint n = 0;

  g_clear_object (&self->export_cancellable);
  if (self->disposed)
    return;
  update_actions (self);

  if (!bmb_contact_export_file_finish (BMB_DATABASE (object), result, &n, &error))
    {
      bmb_contacts_show_error (GTK_WIDGET (self), _("Could Not Export the Contacts"), error);
      return;
    }

  /* Translators: a toast after exporting, e.g. "12 contacts saved to “kontak.vcf”" */
  message = g_strdup_printf (ngettext ("%u contact saved to “%s”", "%u contacts saved to “%s”", n),
                             n, name);
  bmb_contacts_add_toast (GTK_WIDGET (self), adw_toast_new (message));
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
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

static void
contacts_import_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  BmbContactsPage *self = BMB_CONTACTS_PAGE (widget);
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter;

  chooser = gtk_file_chooser_native_new (_("Import Contacts"), get_parent_window (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Contacts (vCard or CSV)"));
  gtk_file_filter_add_pattern (filter, "*.vcf");
  gtk_file_filter_add_pattern (filter, "*.vcard");
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_mime_type (filter, "text/vcard");
  gtk_file_filter_add_mime_type (filter, "text/x-vcard");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);

  filter = make_filter (_("vCard Files"), "*.vcf", "text/vcard");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);

  filter = make_filter (_("CSV Spreadsheets"), "*.csv", "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);

  g_signal_connect_object (chooser, "response", G_CALLBACK (on_import_chooser_response_cb),
                           self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
contacts_export_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  BmbContactsPage *self = BMB_CONTACTS_PAGE (widget);
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter;

  chooser = gtk_file_chooser_native_new (_("Export Contacts"), get_parent_window (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* Translators: the suggested file name when exporting contacts; keep .vcf */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("contacts.vcf"));

  filter = make_filter (_("vCard Files"), "*.vcf", "text/vcard");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);

  filter = make_filter (_("CSV Spreadsheets"), "*.csv", "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);

  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_chooser_response_cb),
                           self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
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

  dialog = bmb_met_at_event_dialog_new (get_parent_window (self), self->store);
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
    open_editor (self, contact);
}

static void
contacts_delete_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  delete_selected (BMB_CONTACTS_PAGE (widget));
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

  dialog = bmb_interaction_dialog_new (get_parent_window (self), self->store,
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
  g_autoptr(GArray) ids = dup_selected_ids (self);
  GtkWidget *dialog;

  if (ids->len != 2)
    return;

  dialog = bmb_contact_merge_dialog_new (get_parent_window (self), self->store,
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

/* ---- GObject ------------------------------------------------------------- */

static void
set_database (BmbContactsPage *self,
              BmbDatabase     *database)
{
  if (self->database == database)
    return;

  g_clear_signal_handler (&self->changed_handler, self->database);
  g_clear_object (&self->database);
  g_clear_object (&self->store);
  g_clear_object (&self->mentoring);
  g_clear_object (&self->model);

  gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->selection);
  bmb_contact_details_set_store (self->details, NULL);
  self->shown_id = 0;

  if (database != NULL)
    {
      self->database = g_object_ref (database);
      self->store = bmb_contact_store_new (database);
      self->model = bmb_contact_list_model_new (self->store);
      bmb_contact_list_model_set_filter (self->model, self->needs_follow_up
                                                      ? BMB_CONTACT_FILTER_NEEDS_FOLLOW_UP
                                                      : BMB_CONTACT_FILTER_ALL);
      bmb_contact_list_model_set_tag (self->model, self->tag);
      apply_sort (self);

      self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
      g_signal_connect_object (self->selection, "selection-changed",
                               G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);
      gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
      bmb_contact_details_set_store (self->details, self->store);

      self->changed_handler = g_signal_connect_object (database, "changed",
                                                       G_CALLBACK (on_database_changed_cb),
                                                       self, G_CONNECT_SWAPPED);
    }

  rebuild_tags_menu (self);
  update_list_state (self);

  /* The first contact is shown from the start on wide windows. */
  if (self->model != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0)
    select_contact (self, bmb_contact_list_model_get_id (self->model, 0));
  update_details (self);
}

static void
bmb_contacts_page_dispose (GObject *object)
{
  BmbContactsPage *self = (BmbContactsPage *)object;

  self->disposed = TRUE;

  /* Deletes still waiting for their toast happen now: closing the window
   * is not an Undo. */
  if (self->pending_deletes != NULL)
    {
      for (guint i = 0; i < self->pending_deletes->len; i++)
        pending_delete_commit (g_ptr_array_index (self->pending_deletes, i));
      g_clear_pointer (&self->pending_deletes, g_ptr_array_unref);
    }

  g_cancellable_cancel (self->import_cancellable);
  g_cancellable_cancel (self->export_cancellable);
  g_clear_signal_handler (&self->changed_handler, self->database);

  /* AdwBin unparents its child itself: no gtk_widget_dispose_template() here. */
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->store);
  g_clear_object (&self->mentoring);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (bmb_contacts_page_parent_class)->dispose (object);
}

static void
bmb_contacts_page_finalize (GObject *object)
{
  BmbContactsPage *self = (BmbContactsPage *)object;

  g_clear_object (&self->import_cancellable);
  g_clear_object (&self->export_cancellable);
  g_clear_pointer (&self->sort_mode, g_free);
  g_clear_pointer (&self->tag, g_free);

  G_OBJECT_CLASS (bmb_contacts_page_parent_class)->finalize (object);
}

static void
bmb_contacts_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  BmbContactsPage *self = BMB_CONTACTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;
    case PROP_SORT_MODE:
      g_value_set_string (value, self->sort_mode);
      break;
    case PROP_NEEDS_FOLLOW_UP:
      g_value_set_boolean (value, self->needs_follow_up);
      break;
    case PROP_TAG:
      g_value_set_string (value, self->tag ? self->tag : "");
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_contacts_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  BmbContactsPage *self = BMB_CONTACTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      if (self->database != g_value_get_object (value))
        {
          set_database (self, g_value_get_object (value));
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_SORT_MODE:
      {
        const char *mode = g_value_get_string (value);

        if (mode == NULL || g_strcmp0 (mode, self->sort_mode) == 0)
          break;
        g_free (self->sort_mode);
        self->sort_mode = g_strdup (mode);
        if (self->model != NULL)
          {
            apply_sort (self);
            if (self->shown_id != 0)
              select_contact (self, self->shown_id);
            update_list_state (self);
          }
        g_object_notify_by_pspec (object, pspec);
      }
      break;

    case PROP_NEEDS_FOLLOW_UP:
      if (self->needs_follow_up != g_value_get_boolean (value))
        {
          self->needs_follow_up = g_value_get_boolean (value);
          if (self->model != NULL)
            {
              bmb_contact_list_model_set_filter (self->model,
                                                 self->needs_follow_up
                                                 ? BMB_CONTACT_FILTER_NEEDS_FOLLOW_UP
                                                 : BMB_CONTACT_FILTER_ALL);
              update_list_state (self);
              update_details (self);
            }
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_TAG:
      {
        const char *tag = g_value_get_string (value);

        if (tag != NULL && *tag == '\0')
          tag = NULL;
        if (g_strcmp0 (tag, self->tag) == 0)
          break;
        g_free (self->tag);
        self->tag = g_strdup (tag);
        if (self->model != NULL)
          {
            bmb_contact_list_model_set_tag (self->model, self->tag);
            adw_leaflet_set_visible_child_name (self->leaflet, "list");
            update_list_state (self);
            update_details (self);
          }
        g_object_notify_by_pspec (object, pspec);
      }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_contacts_page_class_init (BmbContactsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bmb_contacts_page_dispose;
  object_class->finalize = bmb_contacts_page_finalize;
  object_class->get_property = bmb_contacts_page_get_property;
  object_class->set_property = bmb_contacts_page_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         BMB_TYPE_DATABASE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SORT_MODE] =
    g_param_spec_string ("sort-mode", NULL, NULL, "name",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_NEEDS_FOLLOW_UP] =
    g_param_spec_boolean ("needs-follow-up", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TAG] =
    g_param_spec_string ("tag", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (BMB_TYPE_CONTACT_ROW);
  g_type_ensure (BMB_TYPE_CONTACT_DETAILS);
  g_type_ensure (BMB_TYPE_CONTACT_LIST_ITEM);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/bmb-contacts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BmbContactsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, BmbContactsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, BmbContactsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, BmbContactsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BmbContactsPage, filter_revealer);
  gtk_widget_class_bind_template_child (widget_class, BmbContactsPage, filter_label);
  gtk_widget_class_bind_template_child (widget_class, BmbContactsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, BmbContactsPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, BmbContactsPage, no_results_page);
  gtk_widget_class_bind_template_child (widget_class, BmbContactsPage, import_revealer);
  gtk_widget_class_bind_template_child (widget_class, BmbContactsPage, import_label);
  gtk_widget_class_bind_template_child (widget_class, BmbContactsPage, import_progress);
  gtk_widget_class_bind_template_child (widget_class, BmbContactsPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, BmbContactsPage, details_title);
  gtk_widget_class_bind_template_child (widget_class, BmbContactsPage, details_stack);
  gtk_widget_class_bind_template_child (widget_class, BmbContactsPage, details);
  gtk_widget_class_bind_template_child (widget_class, BmbContactsPage, several_page);
  gtk_widget_class_bind_template_child (widget_class, BmbContactsPage, tags_section);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_import_cancel_clicked_cb);

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

static void
bmb_contacts_page_init (BmbContactsPage *self)
{
  self->sort_mode = g_strdup ("name");
  self->pending_deletes = g_ptr_array_new_with_free_func ((GDestroyNotify)pending_delete_free);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Type to search: letters typed in the list go to the search entry.
   * (Not gtk_search_entry_set_key_capture_widget(): it would swallow Delete
   * and Backspace before the page's own shortcuts see them.) */
  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_list_key_pressed_cb), self,
                             G_CONNECT_SWAPPED);
    gtk_widget_add_controller (GTK_WIDGET (self->list_view), keys);
  }
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), adw_leaflet_get_folded (self->leaflet));

  update_list_state (self);
  update_actions (self);
}

/* ---- public API ---------------------------------------------------------- */

BmbDatabase *
bmb_contacts_page_get_database (BmbContactsPage *self)
{
  g_return_val_if_fail (BMB_IS_CONTACTS_PAGE (self), NULL);

  return self->database;
}

BmbContactListModel *
bmb_contacts_page_get_model (BmbContactsPage *self)
{
  g_return_val_if_fail (BMB_IS_CONTACTS_PAGE (self), NULL);

  return self->model;
}

gint64
bmb_contacts_page_get_shown_contact (BmbContactsPage *self)
{
  g_return_val_if_fail (BMB_IS_CONTACTS_PAGE (self), 0);

  return self->shown_id;
}

void
bmb_contacts_page_show_contact (BmbContactsPage *self,
                                gint64           contact_id)
{
  g_return_if_fail (BMB_IS_CONTACTS_PAGE (self));

  if (self->model == NULL || contact_id <= 0)
    return;

  /* A contact hidden by the search or the filters: show everyone again. */
  if (bmb_contact_list_model_find (self->model, contact_id) == G_MAXUINT)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      g_object_set (self, "needs-follow-up", FALSE, "tag", NULL, NULL);
      bmb_contact_list_model_set_search_text (self->model, NULL);
      apply_sort (self);
    }

  update_list_state (self);
  if (select_contact (self, contact_id))
    adw_leaflet_set_visible_child_name (self->leaflet, "details");
}

void
bmb_contacts_page_new_contact (BmbContactsPage *self)
{
  g_return_if_fail (BMB_IS_CONTACTS_PAGE (self));

  open_editor (self, NULL);
}

void
bmb_contacts_page_import_file (BmbContactsPage *self,
                               GFile           *file)
{
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;
  ImportData *data;

  g_return_if_fail (BMB_IS_CONTACTS_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->database == NULL || self->import_cancellable != NULL)
    return;

  name = g_file_get_basename (file);
  /* Translators: above the progress bar while importing a file */
  label = g_strdup_printf (_("Importing “%s”…"), name);
  gtk_label_set_label (self->import_label, label);
  gtk_progress_bar_set_fraction (self->import_progress, 0);
  gtk_progress_bar_set_show_text (self->import_progress, FALSE);
  gtk_revealer_set_reveal_child (self->import_revealer, TRUE);
  /* The progress lives in the list pane: make sure it is on screen. */
  gtk_stack_set_visible_child_name (self->stack, "contacts");
  adw_leaflet_set_visible_child_name (self->leaflet, "list");

  self->import_cancellable = g_cancellable_new ();
  update_actions (self);

  data = g_new0 (ImportData, 1);
  data->self = g_object_ref (self);
  data->file = g_object_ref (file);
  bmb_contact_import_file_async (self->database, file, self->import_cancellable,
                                 on_import_progress_cb, self, on_import_done_cb, data);
}

void
bmb_contacts_page_export_file (BmbContactsPage *self,
                               GFile           *file,
                               gboolean         csv)
{
  ExportData *data;

  g_return_if_fail (BMB_IS_CONTACTS_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->database == NULL || self->export_cancellable != NULL)
    return;

  self->export_cancellable = g_cancellable_new ();
  update_actions (self);

  data = g_new0 (ExportData, 1);
  data->self = g_object_ref (self);
  data->file = g_object_ref (file);
  bmb_contact_export_file_async (self->database, file,
                                 csv ? BMB_CONTACT_EXPORT_FORMAT_CSV
                                     : BMB_CONTACT_EXPORT_FORMAT_VCARD,
                                 NULL, 0, self->export_cancellable, on_export_done_cb, data);
}
