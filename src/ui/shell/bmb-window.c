/* bmb-window.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-window"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "bmb-application-private.h"
#include "bmb-error-dialog.h"
#include "bmb-checklists-page.h"
#include "bmb-contacts-page.h"
#include "bmb-relationships-page.h"
#include "bmb-sessions-page.h"
#include "bmb-window.h"

struct _BmbWindow
{
  AdwApplicationWindow  parent_instance;

  /* template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *stack;
  AdwViewSwitcherBar   *switcher_bar;
  GMenuModel           *primary_menu;
  BmbSessionsPage      *sessions_page;
  BmbRelationshipsPage *relationships_page;
  BmbContactsPage      *contacts_page;
  BmbChecklistsPage    *checklists_page;

  /* owned */
  BmbContext           *context;
  GSettings            *settings;

  /* state */
  guint                 bind_source_id;
  /* the view switcher, in the visible page's header bar (owned) */
  AdwViewSwitcherTitle *switcher_title;
};

G_DEFINE_FINAL_TYPE (BmbWindow, bmb_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Pages are bound to the context, and so read their data, the first time they are shown
 * or asked for: a start shows one page and reads one page's data. */
static GtkWidget *
ensure_page (BmbWindow  *self,
             GtkWidget  *page)
{
  BmbContext *bound = NULL;

  if (page == NULL || self->context == NULL)
    return page;

  g_object_get (page, "context", &bound, NULL);
  if (bound == NULL)
    {
      g_debug ("Binding the %s page", adw_view_stack_page_get_name (adw_view_stack_get_page (self->stack, page)));
      g_object_set (page, "context", self->context, NULL);
    }
  g_clear_object (&bound);

  return page;
}

static GtkWidget *find_named (GtkWidget  *root,
                              const char *name);

/* One view switcher: it moves to the header bar of the page shown. (Each page with a
 * switcher of its own on the same stack left handlers behind when the window went.) */
static void
move_switcher_title (BmbWindow *self)
{
  GtkWidget *page = adw_view_stack_get_visible_child (self->stack);
  GtkWidget *parent;
  GtkWidget *header;

  if (self->switcher_title == NULL || page == NULL)
    return;

  header = find_named (page, "page-header");
  parent = gtk_widget_get_ancestor (GTK_WIDGET (self->switcher_title), ADW_TYPE_HEADER_BAR);
  if (header == NULL || parent == header)
    return;

  if (parent != NULL)
    adw_header_bar_set_title_widget (ADW_HEADER_BAR (parent), NULL);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->switcher_title));
}

static GtkWidget *
find_navigation_list (GtkWidget *root)
{
  if ((GTK_IS_LIST_BOX (root) || GTK_IS_LIST_VIEW (root)) &&
      gtk_widget_has_css_class (root, "navigation-sidebar") && gtk_widget_is_drawable (root))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_navigation_list (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Keyboard first: a page shown (Ctrl+1…4, the view switcher) puts the focus on its list,
 * on the selected item, so that Enter opens it. */
static void
focus_page_list (BmbWindow *self,
                 GtkWidget *page)
{
  GtkWidget *list;

  if (page == NULL || !gtk_widget_get_mapped (page) || (list = find_navigation_list (page)) == NULL)
    return;

  if (GTK_IS_LIST_BOX (list) && gtk_list_box_get_selected_row (GTK_LIST_BOX (list)) != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_selected_row (GTK_LIST_BOX (list))));
  else
    gtk_widget_grab_focus (list);
}

static void
on_visible_child_changed_cb (BmbWindow    *self,
                             GParamSpec   *pspec,
                             AdwViewStack *stack)
{
  GtkWidget *page = adw_view_stack_get_visible_child (stack);

  ensure_page (self, page);
  move_switcher_title (self);
  focus_page_list (self, page);
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* One layout on every page (HACKING.md, "Page layout"): each page has its own header bar
 * named "page-header" with "+" at the start and search and the main menu ("page-menu") at
 * the end. The window puts the view switcher in the middle (move_switcher_title()) and
 * the application's items under the page's own menu sections. */
static void
setup_page_header (BmbWindow *self,
                   GtkWidget *page)
{
  GtkWidget *header = find_named (page, "page-header");
  GtkWidget *menu_button;
  GMenuModel *page_menu;
  g_autoptr(GMenu) menu = g_menu_new ();

  g_return_if_fail (ADW_IS_HEADER_BAR (header));

  menu_button = find_named (header, "page-menu");
  g_return_if_fail (GTK_IS_MENU_BUTTON (menu_button));
  page_menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button));
  for (int i = 0; page_menu != NULL && i < g_menu_model_get_n_items (page_menu); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new_from_model (page_menu, i);

      g_menu_append_item (menu, item);
    }
  for (int i = 0; i < g_menu_model_get_n_items (self->primary_menu); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new_from_model (self->primary_menu, i);

      g_menu_append_item (menu, item);
    }
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu_button), G_MENU_MODEL (menu));
}

static void
bmb_window_show_page_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *param)
{
  bmb_window_set_page (BMB_WINDOW (widget), g_variant_get_string (param, NULL));
}

/* Main menu: Import… takes a calendar file to the Sessions page and a vCard or CSV file to
 * the Contacts page, deciding by content as `bimbing --import` does. */
static void
on_import_response_cb (GtkNativeDialog *chooser,
                       int              response,
                       BmbWindow       *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  if (file != NULL)
    bmb_window_import_file (self, file);
}

static void
bmb_window_import_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  BmbWindow *self = BMB_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* Translators: file type filter of the main menu's Import… */
  gtk_file_filter_set_name (filter, _("Calendars and Contacts (iCalendar, vCard, CSV)"));
  gtk_file_filter_add_pattern (filter, "*.ics");
  gtk_file_filter_add_pattern (filter, "*.vcf");
  gtk_file_filter_add_pattern (filter, "*.vcard");
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  gtk_file_filter_add_mime_type (filter, "text/vcard");
  gtk_file_filter_add_mime_type (filter, "text/x-vcard");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_import_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_export_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       BmbWindow        *self)
{
  if (g_str_equal (response, "sessions") || g_str_equal (response, "contacts"))
    {
      GtkWidget *page = bmb_window_get_page_widget (self, response);
      g_autofree char *action = g_strconcat (response, ".export", NULL);

      bmb_window_set_page (self, response);
      gtk_widget_activate_action (page, action, NULL);
    }
}

/* Main menu: Export… asks what to export, then the page's own export runs. */
static void
bmb_window_export_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  BmbWindow *self = BMB_WINDOW (widget);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Export"),
                                                       _("Sessions are written as an iCalendar file that "
                                                         "calendars can open; contacts as vCard or CSV.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    /* Translators: a button of the Export dialog */
                                    "sessions", _("_Sessions…"),
                                    /* Translators: a button of the Export dialog */
                                    "contacts", _("C_ontacts…"),
                                    NULL);
  adw_message_dialog_set_close_response (dialog, "cancel");
  adw_message_dialog_set_default_response (dialog, "sessions");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_export_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* F10 opens the main menu of the page shown (one "primary" menu button per page would
 * leave GTK to pick among four). */
static void
bmb_window_open_menu_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *param)
{
  BmbWindow *self = BMB_WINDOW (widget);
  GtkWidget *page = adw_view_stack_get_visible_child (self->stack);
  GtkWidget *button = page != NULL ? find_named (page, "page-menu") : NULL;

  if (GTK_IS_MENU_BUTTON (button))
    gtk_menu_button_popup (GTK_MENU_BUTTON (button));
}

/* Below this width the view switcher moves from the header bar to the bottom
 * bar (libadwaita 1.2 has no breakpoints, so we watch the width). */
#define NARROW_WIDTH 600

static void
update_switcher_placement (BmbWindow *self)
{
  int width, height;

  if (self->switcher_title == NULL)
    return;

  /* GTK 4.8 needs both pointers. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title,
                                                     width <= 0 || width >= NARROW_WIDTH);
}

static void
save_window_state (BmbWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
}

static gboolean
quit_cb (gpointer data)
{
  g_application_quit (g_application_get_default ());
  return G_SOURCE_REMOVE;
}

/* BIMBING_EXIT_AFTER_FIRST_FRAME: benchmarks measure start to the first frame (an empty
 * page) and to the first frame that shows the page's data ("content-frame"); Bimbing quits
 * after the latter, or that many milliseconds later (to read resident memory from
 * outside). */
static void
on_content_after_paint_cb (GdkFrameClock *clock,
                           BmbWindow     *self)
{
  guint64 delay_ms = 0;

  g_signal_handlers_disconnect_by_func (clock, on_content_after_paint_cb, self);
  g_print ("content-frame\n");
  fflush (stdout);
  g_ascii_string_to_unsigned (g_getenv ("BIMBING_EXIT_AFTER_FIRST_FRAME"), 10, 0, 60000,
                              &delay_ms, NULL);
  g_timeout_add (delay_ms, quit_cb, NULL);
}

/* After the first frame: the visible page reads its data now, so nothing proportional to
 * the data runs before the window is on screen. */
static gboolean
bind_visible_page_cb (gpointer data)
{
  BmbWindow *self = data;

  self->bind_source_id = 0;
  ensure_page (self, adw_view_stack_get_visible_child (self->stack));

  if (g_getenv ("BIMBING_EXIT_AFTER_FIRST_FRAME") != NULL)
    {
      g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                               G_CALLBACK (on_content_after_paint_cb), self, 0);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }

  return G_SOURCE_REMOVE;
}

static void
on_first_after_paint_cb (GdkFrameClock *clock,
                         BmbWindow     *self)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_after_paint_cb, self);

  if (g_getenv ("BIMBING_EXIT_AFTER_FIRST_FRAME") != NULL)
    {
      g_print ("first-frame\n");
      fflush (stdout);
    }

  /* At the default priority: right after this frame, before idle work. */
  if (self->bind_source_id == 0)
    self->bind_source_id = g_timeout_add (0, bind_visible_page_cb, self);
}

static void
bmb_window_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (bmb_window_parent_class)->map (widget);

  g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                           G_CALLBACK (on_first_after_paint_cb), widget, 0);
}

/* As GNOME Contacts: closing the window writes the deletes still waiting
 * for their Undo toast (the toasts go with the window). */
static void
flush_undo_queue (BmbWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->context != NULL &&
      !bmb_undo_queue_flush (bmb_context_get_undo_queue (self->context), &error))
    g_warning ("A pending change could not be saved: %s", error->message);
}

static gboolean
bmb_window_close_request (GtkWindow *window)
{
  save_window_state (BMB_WINDOW (window));
  flush_undo_queue (BMB_WINDOW (window));

  return GTK_WINDOW_CLASS (bmb_window_parent_class)->close_request (window);
}

static void
bmb_window_constructed (GObject *object)
{
  BmbWindow *self = (BmbWindow *)object;

  G_OBJECT_CLASS (bmb_window_parent_class)->constructed (object);

  /* The visible page is bound after the first frame (bind_visible_page_cb), another one
   * when it is shown or asked for. */
  g_signal_connect_object (self->stack, "notify::visible-child",
                           G_CALLBACK (on_visible_child_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
bmb_window_dispose (GObject *object)
{
  BmbWindow *self = (BmbWindow *)object;

  /* Destroyed without a close request: the pages still see their writes. */
  if (self->context != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!bmb_undo_queue_flush (bmb_context_get_undo_queue (self->context), &error))
        g_warning ("A pending change could not be saved: %s", error->message);
    }

  /* The view switcher lets go of the stack before the stack and its pages go. */
  if (self->switcher_title != NULL)
    {
      GtkWidget *header = gtk_widget_get_ancestor (GTK_WIDGET (self->switcher_title),
                                                   ADW_TYPE_HEADER_BAR);

      if (header != NULL)
        adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), NULL);
      adw_view_switcher_title_set_stack (self->switcher_title, NULL);
      g_clear_object (&self->switcher_title);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), BMB_TYPE_WINDOW);

  g_clear_handle_id (&self->bind_source_id, g_source_remove);
  g_clear_object (&self->context);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (bmb_window_parent_class)->dispose (object);
}

static void
bmb_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  BmbWindow *self = BMB_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  BmbWindow *self = BMB_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_window_class_init (BmbWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = bmb_window_constructed;
  object_class->dispose = bmb_window_dispose;
  object_class->get_property = bmb_window_get_property;
  object_class->set_property = bmb_window_set_property;

  widget_class->map = bmb_window_map;

  window_class->close_request = bmb_window_close_request;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         BMB_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (BMB_TYPE_SESSIONS_PAGE);
  g_type_ensure (BMB_TYPE_RELATIONSHIPS_PAGE);
  g_type_ensure (BMB_TYPE_CONTACTS_PAGE);
  g_type_ensure (BMB_TYPE_CHECKLISTS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/bmb-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BmbWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BmbWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, BmbWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, BmbWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, BmbWindow, sessions_page);
  gtk_widget_class_bind_template_child (widget_class, BmbWindow, relationships_page);
  gtk_widget_class_bind_template_child (widget_class, BmbWindow, contacts_page);
  gtk_widget_class_bind_template_child (widget_class, BmbWindow, checklists_page);

  gtk_widget_class_install_action (widget_class, "win.show-page", "s", bmb_window_show_page_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, bmb_window_import_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, bmb_window_export_action);
  gtk_widget_class_install_action (widget_class, "win.open-menu", NULL, bmb_window_open_menu_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, 0, "win.open-menu", NULL);
}

static void
bmb_window_init (BmbWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->switcher_title = g_object_ref_sink (ADW_VIEW_SWITCHER_TITLE (adw_view_switcher_title_new ()));
  adw_view_switcher_title_set_stack (self->switcher_title, self->stack);
  adw_view_switcher_title_set_title (self->switcher_title, _("Bimbing"));
  g_object_bind_property (self->switcher_title, "title-visible", self->switcher_bar, "reveal",
                          G_BINDING_SYNC_CREATE);
  setup_page_header (self, GTK_WIDGET (self->sessions_page));
  setup_page_header (self, GTK_WIDGET (self->relationships_page));
  setup_page_header (self, GTK_WIDGET (self->contacts_page));
  setup_page_header (self, GTK_WIDGET (self->checklists_page));
  move_switcher_title (self);

  self->settings = g_settings_new (APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  g_signal_connect (self, "notify::default-width", G_CALLBACK (update_switcher_placement), NULL);
  update_switcher_placement (self);

#ifdef DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}

BmbWindow *
bmb_window_new (BmbApplication *application,
                BmbContext     *context)
{
  g_return_val_if_fail (BMB_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (BMB_IS_CONTEXT (context), NULL);

  return g_object_new (BMB_TYPE_WINDOW,
                       "application", application,
                       "context", context,
                       NULL);
}

BmbContext *
bmb_window_get_context (BmbWindow *self)
{
  g_return_val_if_fail (BMB_IS_WINDOW (self), NULL);

  return self->context;
}

BmbDatabase *
bmb_window_get_database (BmbWindow *self)
{
  g_return_val_if_fail (BMB_IS_WINDOW (self), NULL);

  return bmb_context_get_database (self->context);
}

const char *
bmb_window_get_page (BmbWindow *self)
{
  g_return_val_if_fail (BMB_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->stack);
}

void
bmb_window_set_page (BmbWindow  *self,
                     const char *page)
{
  g_return_if_fail (BMB_IS_WINDOW (self));
  g_return_if_fail (page != NULL);

  if (adw_view_stack_get_child_by_name (self->stack, page) == NULL)
    {
      g_warning ("No page named “%s”", page);
      return;
    }

  adw_view_stack_set_visible_child_name (self->stack, page);
}

GtkWidget *
bmb_window_get_page_widget (BmbWindow  *self,
                            const char *page)
{
  g_return_val_if_fail (BMB_IS_WINDOW (self), NULL);

  return ensure_page (self, adw_view_stack_get_child_by_name (self->stack, page));
}

/**
 * bmb_window_show_item:
 * @kind: what the reminder was about, or %BMB_REMINDER_KIND_NONE to just show the
 *   window
 *
 * Shows what a reminder is about.
 */
void
bmb_window_show_item (BmbWindow  *self,
                      BmbReminderKind  kind,
                      gint64           item_id,
                      const char      *occurrence)
{
  g_return_if_fail (BMB_IS_WINDOW (self));

  switch (kind)
    {
    case BMB_REMINDER_KIND_FOLLOW_UP:
      bmb_window_set_page (self, "contacts");
      bmb_contacts_page_show_contact (self->contacts_page, item_id);
      break;

    case BMB_REMINDER_KIND_SESSION:
      bmb_window_set_page (self, "sessions");
      bmb_sessions_page_show_occurrence (self->sessions_page, item_id, occurrence);
      break;

    case BMB_REMINDER_KIND_GOAL:
      bmb_window_set_page (self, "relationships");
      bmb_relationships_page_show_goal (self->relationships_page, item_id);
      break;

    case BMB_REMINDER_KIND_NONE:
    default:
      break;
    }
}

/**
 * bmb_window_import_file:
 *
 * Imports @file on the page it belongs to: sessions from an iCalendar file, contacts from
 * a vCard or CSV file.
 */
void
bmb_window_import_file (BmbWindow *self,
                        GFile     *file)
{
  g_return_if_fail (BMB_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (_bmb_application_file_is_icalendar (file))
    {
      bmb_window_set_page (self, "sessions");
      bmb_sessions_page_import_file (BMB_SESSIONS_PAGE (bmb_window_get_page_widget (self, "sessions")),
                                     file);
    }
  else
    {
      bmb_window_set_page (self, "contacts");
      bmb_contacts_page_import_file (BMB_CONTACTS_PAGE (bmb_window_get_page_widget (self, "contacts")),
                                     file);
    }
}

/* Desktop search: the Relationships page with @relationship_id selected and shown. */
void
bmb_window_show_relationship (BmbWindow *self,
                              gint64     relationship_id)
{
  BmbRelationshipsPage *page;

  g_return_if_fail (BMB_IS_WINDOW (self));

  bmb_window_set_page (self, "relationships");
  page = BMB_RELATIONSHIPS_PAGE (bmb_window_get_page_widget (self, "relationships"));
  bmb_relationships_page_select_relationship (page, relationship_id);
}

void
bmb_window_add_toast (BmbWindow *self,
                      AdwToast  *toast)
{
  g_return_if_fail (BMB_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * bmb_window_show_error:
 *
 * Reports a failure that the user has to read: a dialog with the error's own
 * (translated) message.
 */
void
bmb_window_show_error (BmbWindow    *self,
                       const char   *heading,
                       const GError *error)
{
  g_return_if_fail (BMB_IS_WINDOW (self));

  bmb_error_dialog_show (GTK_WIDGET (self), heading, error);
}
