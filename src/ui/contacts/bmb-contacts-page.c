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

#include "bmb-error-dialog.h"
#include "bmb-contact-row.h"
#include "bmb-contacts-page-private.h"

G_DEFINE_FINAL_TYPE (BmbContactsPage, bmb_contacts_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_SORT_MODE,
  PROP_NEEDS_FOLLOW_UP,
  PROP_TAG,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- shared helpers ------------------------------------------------------ */

void
bmb_contacts_show_error (GtkWidget    *widget,
                         const char   *heading,
                         const GError *error)
{
  bmb_error_dialog_show (widget, heading, error);
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

GtkWindow *
_bmb_contacts_page_get_parent_window (BmbContactsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* ---- selection ----------------------------------------------------------- */

GArray *
_bmb_contacts_page_dup_selected_ids (BmbContactsPage *self)
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

void
_bmb_contacts_page_update_actions (BmbContactsPage *self)
{
  g_autoptr(GArray) selected = _bmb_contacts_page_dup_selected_ids (self);
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

void
_bmb_contacts_page_update_details (BmbContactsPage *self)
{
  g_autoptr(GArray) selected = _bmb_contacts_page_dup_selected_ids (self);

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

  _bmb_contacts_page_update_actions (self);
}

/* Selects @id alone and scrolls to it; FALSE when it is not in the list. */
gboolean
_bmb_contacts_page_select_contact (BmbContactsPage *self,
                gint64           id)
{
  guint position = bmb_contact_list_model_find (self->model, id);

  if (position == G_MAXUINT)
    return FALSE;

  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  _bmb_contacts_page_update_details (self);

  return TRUE;
}

static void
on_selection_changed_cb (BmbContactsPage *self)
{
  _bmb_contacts_page_update_details (self);
}

static void
on_list_view_activate_cb (BmbContactsPage *self,
                          guint            position)
{
  gint64 id = bmb_contact_list_model_get_id (self->model, position);

  if (id == 0)
    return;

  if (id != self->shown_id)
    _bmb_contacts_page_select_contact (self, id);
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
  _bmb_contacts_page_update_actions (self);
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

void
_bmb_contacts_page_apply_sort (BmbContactsPage *self)
{
  BmbContactSort sort = sort_from_mode (self->sort_mode);
  const char *text = bmb_contact_list_model_get_search_text (self->model);

  /* Searching by name, the best matches come first. */
  if (sort == BMB_CONTACT_SORT_NAME && text != NULL)
    sort = BMB_CONTACT_SORT_RELEVANCE;

  bmb_contact_list_model_set_sort (self->model, sort);
}

void
_bmb_contacts_page_update_list_state (BmbContactsPage *self)
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
  /* Contacts waiting for their Undo toast are hidden: not counted. */
  total -= bmb_contact_list_model_get_n_hidden (self->model);

  gtk_stack_set_visible_child_name (self->stack, total > 0 ? "contacts" : "empty");

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  search = bmb_contact_list_model_get_search_text (self->model);

  if (self->needs_follow_up)
    /* Translators: a filter of the contact list: only the people due for a follow-up */
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
        g_strdup_printf (_("No contact matches “%s”. Try another name, organization, email or tag."),
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
    /* Translators: the tag filter of the contact list when no tag is chosen */
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

/* Brings the list up to date: the rows @changes names, or (NULL) all. */
static void
update_list (BmbContactsPage *self,
             BmbChangeSet    *changes)
{
  g_autoptr(GError) error = NULL;
  gint64 shown = self->shown_id;
  gboolean ok;

  if (self->model == NULL)
    return;

  if (changes != NULL)
    ok = bmb_contact_list_model_apply_changes (self->model, changes, &error);
  else
    ok = bmb_contact_list_model_reload (self->model, &error);
  if (!ok)
    bmb_contacts_show_error (GTK_WIDGET (self), _("Could Not Read the Contacts"), error);

  /* Keep following the shown contact when its position changed. */
  if (shown != 0 && !_bmb_contacts_page_select_contact (self, shown))
    _bmb_contacts_page_update_details (self);

  if (self->shown_id != 0 && !bmb_contact_details_reload (self->details, &error))
    {
      if (g_error_matches (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_NOT_FOUND))
        set_shown_contact (self, 0);
      else
        bmb_contacts_show_error (GTK_WIDGET (self), _("Could Not Show the Contact"), error);
    }
  set_shown_contact (self, self->shown_id);

  rebuild_tags_menu (self);
  _bmb_contacts_page_update_list_state (self);
  _bmb_contacts_page_update_details (self);
}

void
_bmb_contacts_page_reload (BmbContactsPage *self)
{
  update_list (self, NULL);
}

/* Only the rows the committed transaction named are touched. */
static void
on_changes_committed_cb (BmbContactsPage *self,
                         BmbChangeSet    *changes)
{
  BmbChangeFlags kinds = bmb_change_set_get_kinds (changes);

  if (kinds & (BMB_CHANGE_CONTACTS | BMB_CHANGE_INTERACTIONS))
    {
      update_list (self, changes);
    }
  else if (kinds & (BMB_CHANGE_RELATIONSHIPS | BMB_CHANGE_SESSIONS | BMB_CHANGE_ACTION_ITEMS))
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
  _bmb_contacts_page_apply_sort (self);
  _bmb_contacts_page_update_list_state (self);

  /* Searching shows the best match at once. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0)
    {
      gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", 0);
      if (*stripped != '\0')
        _bmb_contacts_page_select_contact (self, bmb_contact_list_model_get_id (self->model, 0));
    }
  _bmb_contacts_page_update_details (self);
}

/* The search bar the header bar's search button opens */
static GtkSearchBar *
get_search_bar (BmbContactsPage *self)
{
  return GTK_SEARCH_BAR (gtk_widget_get_ancestor (GTK_WIDGET (self->search_entry), GTK_TYPE_SEARCH_BAR));
}

static void
on_search_mode_cb (BmbContactsPage *self)
{
  /* Closing the search bar ends the search. */
  if (!gtk_search_bar_get_search_mode (get_search_bar (self)) &&
      *gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
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
  gtk_search_bar_set_search_mode (get_search_bar (self), TRUE);
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
  gtk_search_bar_set_search_mode (get_search_bar (self), FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
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
      self->store = g_object_ref (bmb_context_get_contact_store (self->context));
      self->model = bmb_contact_list_model_new (self->store);
      bmb_contact_list_model_set_filter (self->model, self->needs_follow_up
                                                      ? BMB_CONTACT_FILTER_NEEDS_FOLLOW_UP
                                                      : BMB_CONTACT_FILTER_ALL);
      bmb_contact_list_model_set_tag (self->model, self->tag);
      _bmb_contacts_page_apply_sort (self);

      self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
      g_signal_connect_object (self->selection, "selection-changed",
                               G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);
      gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
      bmb_contact_details_set_mentoring_store (self->details,
                                               bmb_context_get_mentoring_store (self->context));
      bmb_contact_details_set_store (self->details, self->store);

      self->changed_handler = g_signal_connect_object (database, "changes-committed",
                                                       G_CALLBACK (on_changes_committed_cb),
                                                       self, G_CONNECT_SWAPPED);
    }

  rebuild_tags_menu (self);
  _bmb_contacts_page_update_list_state (self);

  /* The first contact is shown from the start on wide windows. */
  if (self->model != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0)
    _bmb_contacts_page_select_contact (self, bmb_contact_list_model_get_id (self->model, 0));
  _bmb_contacts_page_update_details (self);
}

static void
set_context (BmbContactsPage *self,
             BmbContext *context)
{
  if (self->context == context)
    return;

  set_database (self, NULL);
  g_set_object (&self->context, context);
  if (context != NULL)
    set_database (self, bmb_context_get_database (context));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

static void
bmb_contacts_page_dispose (GObject *object)
{
  BmbContactsPage *self = (BmbContactsPage *)object;

  self->disposed = TRUE;

  /* Deletes still waiting for their toast are in the application's undo
   * queue: the window flushes it when it closes. */
  g_cancellable_cancel (self->import_cancellable);
  g_cancellable_cancel (self->export_cancellable);
  g_clear_signal_handler (&self->changed_handler, self->database);

  /* AdwBin unparents its child itself: no gtk_widget_dispose_template() here. */
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->store);
  g_clear_object (&self->mentoring);
  g_clear_object (&self->context);
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
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
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
    case PROP_CONTEXT:
      set_context (self, g_value_get_object (value));
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
            _bmb_contacts_page_apply_sort (self);
            if (self->shown_id != 0)
              _bmb_contacts_page_select_contact (self, self->shown_id);
            _bmb_contacts_page_update_list_state (self);
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
              _bmb_contacts_page_update_list_state (self);
              _bmb_contacts_page_update_details (self);
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
            _bmb_contacts_page_update_list_state (self);
            _bmb_contacts_page_update_details (self);
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

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         BMB_TYPE_CONTEXT,
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
  gtk_widget_class_bind_template_callback_full (widget_class, "on_import_cancel_clicked_cb",
                                                G_CALLBACK (_bmb_contacts_page_on_import_cancel_clicked_cb));

  _bmb_contacts_page_class_init_actions (widget_class);
}

static void
bmb_contacts_page_init (BmbContactsPage *self)
{
  self->sort_mode = g_strdup ("name");

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
  gtk_search_bar_connect_entry (get_search_bar (self), GTK_EDITABLE (self->search_entry));
  g_signal_connect_object (get_search_bar (self), "notify::search-mode-enabled",
                           G_CALLBACK (on_search_mode_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), adw_leaflet_get_folded (self->leaflet));

  _bmb_contacts_page_update_list_state (self);
  _bmb_contacts_page_update_actions (self);
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
      _bmb_contacts_page_apply_sort (self);
    }

  _bmb_contacts_page_update_list_state (self);
  if (_bmb_contacts_page_select_contact (self, contact_id))
    adw_leaflet_set_visible_child_name (self->leaflet, "details");
}

void
bmb_contacts_page_new_contact (BmbContactsPage *self)
{
  g_return_if_fail (BMB_IS_CONTACTS_PAGE (self));

  _bmb_contacts_page_open_editor (self, NULL);
}
