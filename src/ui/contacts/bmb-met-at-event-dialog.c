/* bmb-met-at-event-dialog.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-met-at-event-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-edit-guard.h"
#include "bmb-contact-list-model.h"
#include "bmb-contact-row.h"
#include "bmb-contact-validate.h"
#include "bmb-date-row.h"
#include "bmb-contacts-page.h"
#include "bmb-format.h"
#include "bmb-follow-up.h"
#include "bmb-met-at-event-dialog.h"

typedef struct
{
  char      *name;
  gint64     contact_id;      /* 0: a new contact */
  GtkWidget *row;
  GtkWidget *remove_button;
} Person;

struct _BmbMetAtEventDialog
{
  AdwWindow            parent_instance;

  /* template widgets */
  AdwEntryRow         *name_row;
  BmbDateRow          *date_row;
  AdwEntryRow         *place_row;
  AdwActionRow        *follow_up_row;
  GtkSpinButton       *follow_up_days;
  GtkLabel            *error_label;
  AdwEntryRow         *new_name_row;
  GtkMenuButton       *picker_button;
  GtkSearchEntry      *picker_search;
  GtkListView         *picker_list;
  GtkListBox          *people_list;

  /* owned */
  BmbEditGuard        *guard;  /* Discard Changes?, Ctrl+S, drafts */
  BmbContactStore     *store;
  BmbContactListModel *picker_model;
  GPtrArray           *people;        /* Person */
};

G_DEFINE_FINAL_TYPE (BmbMetAtEventDialog, bmb_met_at_event_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
person_free (Person *person)
{
  g_free (person->name);
  g_free (person);
}

static char *
dup_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static char *
dup_date (BmbMetAtEventDialog *self)
{
  const char *date = bmb_date_row_get_date (self->date_row);

  return g_strdup (date != NULL ? date : "");
}

/* The event date + the follow-up days as "YYYY-MM-DD", or NULL for none
 * (0 days, or no valid date yet). */
static char *
dup_follow_up_on (BmbMetAtEventDialog *self)
{
  g_autofree char *date = dup_date (self);
  int days = gtk_spin_button_get_value_as_int (self->follow_up_days);
  GDate parsed;

  if (days <= 0 || !bmb_date_parse_iso (date, &parsed) ||
      !bmb_follow_up_add_interval (&parsed, (guint)days, BMB_FOLLOW_UP_UNIT_DAY))
    return NULL;

  return bmb_date_format_iso (&parsed);
}

static void
update_follow_up_row (BmbMetAtEventDialog *self)
{
  g_autofree char *follow_up_on = dup_follow_up_on (self);
  g_autofree char *shown = follow_up_on ? bmb_format_iso_date (follow_up_on) : NULL;
  g_autofree char *subtitle = NULL;

  if (shown != NULL)
    /* Translators: subtitle of "Follow Up After (Days)"; %s is a date */
    subtitle = g_strdup_printf (_("Everyone added gets a follow-up on %s"), shown);
  else if (gtk_spin_button_get_value_as_int (self->follow_up_days) <= 0)
    subtitle = g_strdup (_("No follow-up"));

  adw_action_row_set_subtitle (self->follow_up_row, subtitle ? subtitle : "");
}

/* What keeps Save disabled, or NULL. */
static char *
dup_problem (BmbMetAtEventDialog *self)
{
  g_autofree char *name = dup_text (self->name_row);
  g_autofree char *date = dup_date (self);
  g_autofree char *date_error = bmb_contact_validate_date (date, FALSE);

  if (*date == '\0')
    return g_strdup (_("Enter the date of the event."));
  if (date_error != NULL)
    return g_steal_pointer (&date_error);
  if (*name == '\0')
    return g_strdup (_("Enter the name of the event."));
  if (self->people->len == 0)
    return g_strdup (_("Add the people you met."));

  return NULL;
}

static void
update_state (BmbMetAtEventDialog *self)
{
  g_autofree char *problem = dup_problem (self);
  g_autofree char *date = dup_date (self);
  g_autofree char *date_error = *date ? bmb_contact_validate_date (date, FALSE) : NULL;

  /* Only a badly typed date is an error worth red; the rest is a hint. */
  gtk_label_set_label (self->error_label, date_error ? date_error : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), date_error != NULL);
  if (date_error != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "event.save", problem == NULL);
  update_follow_up_row (self);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->date_row), NULL);
}

static void
on_changed_cb (BmbMetAtEventDialog *self)
{
  update_state (self);
}

static void
on_remove_person_clicked_cb (GtkButton           *button,
                             BmbMetAtEventDialog *self)
{
  for (guint i = 0; i < self->people->len; i++)
    {
      Person *person = g_ptr_array_index (self->people, i);

      if (person->remove_button == GTK_WIDGET (button))
        {
          gtk_list_box_remove (self->people_list, person->row);
          g_ptr_array_remove_index (self->people, i);
          break;
        }
    }

  update_state (self);
}

static void
on_new_name_apply_cb (BmbMetAtEventDialog *self)
{
  g_autofree char *name = dup_text (self->new_name_row);

  if (*name == '\0')
    return;

  bmb_met_at_event_dialog_add_person (self, name, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->new_name_row), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->new_name_row));
}

static void
on_picker_show_cb (BmbMetAtEventDialog *self)
{
  if (self->picker_model == NULL)
    {
      self->picker_model = bmb_contact_list_model_new (self->store);
      gtk_list_view_set_model (self->picker_list,
                               GTK_SELECTION_MODEL (gtk_no_selection_new (
                                 g_object_ref (G_LIST_MODEL (self->picker_model)))));
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->picker_search));
}

static void
on_picker_search_changed_cb (BmbMetAtEventDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->picker_search));

  if (self->picker_model == NULL)
    return;

  bmb_contact_list_model_set_search_text (self->picker_model, text);
  bmb_contact_list_model_set_sort (self->picker_model,
                                   *text ? BMB_CONTACT_SORT_RELEVANCE : BMB_CONTACT_SORT_NAME);
}

static void
on_picker_activate_cb (BmbMetAtEventDialog *self,
                       guint                position)
{
  g_autoptr(BmbContactListItem) item = NULL;

  if (self->picker_model == NULL)
    return;

  item = g_list_model_get_item (G_LIST_MODEL (self->picker_model), position);
  if (item == NULL)
    return;

  bmb_met_at_event_dialog_add_person (self, bmb_contact_list_item_get_display_name (item),
                                      bmb_contact_list_item_get_id (item));
  gtk_editable_set_text (GTK_EDITABLE (self->picker_search), "");
  gtk_menu_button_popdown (self->picker_button);
}

static void
on_picker_search_activate_cb (BmbMetAtEventDialog *self)
{
  if (self->picker_model != NULL &&
      g_list_model_get_n_items (G_LIST_MODEL (self->picker_model)) > 0)
    on_picker_activate_cb (self, 0);
}

static void
event_save_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  BmbMetAtEventDialog *self = BMB_MET_AT_EVENT_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (!bmb_met_at_event_dialog_save (self, &error))
    {
      bmb_contacts_show_error (widget, _("Could Not Save the Event"), error);
      return;
    }

  gtk_window_close (GTK_WINDOW (self));
}

static void
bmb_met_at_event_dialog_dispose (GObject *object)
{
  BmbMetAtEventDialog *self = (BmbMetAtEventDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), BMB_TYPE_MET_AT_EVENT_DIALOG);
  g_clear_object (&self->picker_model);
  g_clear_object (&self->guard);
  g_clear_object (&self->store);
  g_clear_pointer (&self->people, g_ptr_array_unref);

  G_OBJECT_CLASS (bmb_met_at_event_dialog_parent_class)->dispose (object);
}

static void
bmb_met_at_event_dialog_class_init (BmbMetAtEventDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bmb_met_at_event_dialog_dispose;

  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (BMB_TYPE_CONTACT_ROW);
  g_type_ensure (BMB_TYPE_DATE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/bmb-met-at-event-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BmbMetAtEventDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, BmbMetAtEventDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, BmbMetAtEventDialog, place_row);
  gtk_widget_class_bind_template_child (widget_class, BmbMetAtEventDialog, follow_up_row);
  gtk_widget_class_bind_template_child (widget_class, BmbMetAtEventDialog, follow_up_days);
  gtk_widget_class_bind_template_child (widget_class, BmbMetAtEventDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, BmbMetAtEventDialog, new_name_row);
  gtk_widget_class_bind_template_child (widget_class, BmbMetAtEventDialog, picker_button);
  gtk_widget_class_bind_template_child (widget_class, BmbMetAtEventDialog, picker_search);
  gtk_widget_class_bind_template_child (widget_class, BmbMetAtEventDialog, picker_list);
  gtk_widget_class_bind_template_child (widget_class, BmbMetAtEventDialog, people_list);
  gtk_widget_class_bind_template_callback (widget_class, on_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_new_name_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_picker_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_picker_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_picker_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_picker_activate_cb);

  gtk_widget_class_install_action (widget_class, "event.save", NULL, event_save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "event.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bmb_met_at_event_dialog_init (BmbMetAtEventDialog *self)
{
  g_autofree char *today = NULL;
  GDate date;

  self->people = g_ptr_array_new_with_free_func ((GDestroyNotify)person_free);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->guard = bmb_edit_guard_new (GTK_WINDOW (self), "event.save");

  bmb_date_get_today (&date);
  today = bmb_date_format_iso (&date);
  bmb_date_row_set_date (self->date_row, today);
  update_state (self);
}

GtkWidget *
bmb_met_at_event_dialog_new (GtkWindow       *parent,
                             BmbContactStore *store)
{
  g_autofree char *draft_key = NULL;
  BmbMetAtEventDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (BMB_IS_CONTACT_STORE (store), NULL);

  self = g_object_new (BMB_TYPE_MET_AT_EVENT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));

  bmb_edit_guard_loaded (self->guard, draft_key = g_strdup ("met-at-event/new"));

  return GTK_WIDGET (self);
}

gboolean
bmb_met_at_event_dialog_add_person (BmbMetAtEventDialog *self,
                                    const char          *name,
                                    gint64               contact_id)
{
  Person *person;
  GtkWidget *avatar;

  g_return_val_if_fail (BMB_IS_MET_AT_EVENT_DIALOG (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  for (guint i = 0; i < self->people->len; i++)
    {
      Person *other = g_ptr_array_index (self->people, i);

      if (contact_id != 0 ? other->contact_id == contact_id
                          : (other->contact_id == 0 && g_utf8_collate (other->name, name) == 0))
        return FALSE;
    }

  person = g_new0 (Person, 1);
  person->name = g_strdup (name);
  person->contact_id = contact_id;

  person->row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (person->row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (person->row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (person->row),
                               contact_id != 0 ? _("Already in your contacts")
                                               : _("New contact"));
  avatar = adw_avatar_new (32, name, TRUE);
  adw_action_row_add_prefix (ADW_ACTION_ROW (person->row), avatar);

  person->remove_button = gtk_button_new_from_icon_name ("list-remove-symbolic");
  gtk_widget_set_valign (person->remove_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (person->remove_button, "flat");
  gtk_widget_set_tooltip_text (person->remove_button, _("Remove from the List"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (person->remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove from the List"),
                                  -1);
  g_signal_connect_object (person->remove_button, "clicked",
                           G_CALLBACK (on_remove_person_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (person->row), person->remove_button);

  gtk_list_box_append (self->people_list, person->row);
  g_ptr_array_add (self->people, person);
  update_state (self);

  return TRUE;
}

guint
bmb_met_at_event_dialog_get_n_people (BmbMetAtEventDialog *self)
{
  g_return_val_if_fail (BMB_IS_MET_AT_EVENT_DIALOG (self), 0);

  return self->people->len;
}

gboolean
bmb_met_at_event_dialog_save (BmbMetAtEventDialog  *self,
                              GError              **error)
{
  g_autofree char *problem = NULL;
  g_autofree char *name = NULL;
  g_autofree char *date = NULL;
  g_autofree char *place = NULL;
  g_autofree char *follow_up_on = NULL;
  g_autoptr(GPtrArray) new_names = g_ptr_array_new ();
  g_autoptr(GArray) existing = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (BMB_IS_MET_AT_EVENT_DIALOG (self), FALSE);

  if ((problem = dup_problem (self)))
    {
      g_set_error_literal (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID, problem);
      return FALSE;
    }

  name = dup_text (self->name_row);
  date = dup_date (self);
  place = dup_text (self->place_row);
  follow_up_on = dup_follow_up_on (self);

  for (guint i = 0; i < self->people->len; i++)
    {
      Person *person = g_ptr_array_index (self->people, i);

      if (person->contact_id == 0)
        g_ptr_array_add (new_names, person->name);
      else
        g_array_append_val (existing, person->contact_id);
    }
  g_ptr_array_add (new_names, NULL);

  if (!bmb_contact_store_log_event (self->store, name, date, *place ? place : NULL,
                                    follow_up_on,
                                    (const char * const *)new_names->pdata,
                                    (const gint64 *)(gpointer)existing->data, existing->len,
                                    &ids, error))
    return FALSE;

  bmb_edit_guard_saved (self->guard);
  g_signal_emit (self, signals[SAVED], 0,
                 ids != NULL && ids->len > 0 ? g_array_index (ids, gint64, 0) : (gint64)0);

  return TRUE;
}
