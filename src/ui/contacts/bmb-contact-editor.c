/* bmb-contact-editor.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-contact-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-edit-guard.h"
#include "bmb-contact-editor.h"
#include "bmb-contact-field-row.h"
#include "bmb-contact-introducer-row.h"
#include "bmb-contact-validate.h"
#include "bmb-contacts-page.h"
#include "bmb-date-row.h"

struct _BmbContactEditor
{
  AdwWindow               parent_instance;

  /* template widgets */
  AdwWindowTitle          *window_title;
  GtkWidget               *save_button;
  AdwEntryRow             *given_row;
  AdwEntryRow             *family_row;
  AdwExpanderRow          *more_names_row;
  AdwEntryRow             *prefix_row;
  AdwEntryRow             *additional_row;
  AdwEntryRow             *suffix_row;
  AdwEntryRow             *nickname_row;
  GtkLabel                *name_error;
  AdwEntryRow             *organization_row;
  AdwEntryRow             *role_row;
  AdwPreferencesGroup     *emails_group;
  GtkLabel                *emails_error;
  AdwPreferencesGroup     *phones_group;
  GtkLabel                *phones_error;
  AdwPreferencesGroup     *links_group;
  GtkLabel                *links_error;
  AdwEntryRow             *met_event_row;
  AdwEntryRow             *met_where_row;
  BmbDateRow              *met_on_row;
  BmbContactIntroducerRow *introduced_row;
  GtkLabel                *met_error;
  AdwEntryRow             *tags_row;
  AdwExpanderRow          *keep_row;
  GtkSpinButton           *keep_count;
  GtkDropDown             *keep_unit;
  GtkTextView             *notes_view;

  /* owned */
  BmbEditGuard            *guard;  /* Discard Changes?, Ctrl+S, drafts */
  BmbContactStore         *store;
  BmbContact              *contact;         /* the copy being edited */
  GPtrArray               *field_rows;      /* BmbContactFieldRow, in the order added */

  /* state */
  gboolean                valid;
  gboolean                touched_name;
};

G_DEFINE_FINAL_TYPE (BmbContactEditor, bmb_contact_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const struct {
  const char *key;
  const char *display;
} known_labels[] = {
  /* Translators: the label of an email, phone number or link */
  { "work", NC_("field label", "Work") },
  { "home", NC_("field label", "Home") },
  { "mobile", NC_("field label", "Mobile") },
  { "website", NC_("field label", "Website") },
  { "other", NC_("field label", "Other") },
};

static void validate (BmbContactEditor *self);

/* ---- helpers ------------------------------------------------------------- */

const char *
bmb_contact_field_label_to_display (const char *label)
{
  if (label == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (known_labels); i++)
    if (g_ascii_strcasecmp (label, known_labels[i].key) == 0)
      return g_dpgettext2 (GETTEXT_PACKAGE, "field label", known_labels[i].display);

  return label;
}

static char *
dup_trimmed (const char *text)
{
  char *copy;

  if (text == NULL)
    return NULL;

  copy = g_strstrip (g_strdup (text));
  if (*copy == '\0')
    g_clear_pointer (&copy, g_free);

  return copy;
}

static char *
entry_text (AdwEntryRow *row)
{
  return dup_trimmed (gtk_editable_get_text (GTK_EDITABLE (row)));
}

static void
set_entry_text (AdwEntryRow *row,
                const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

static AdwPreferencesGroup *
group_for_kind (BmbContactEditor    *self,
                BmbContactFieldKind  kind)
{
  switch (kind)
    {
    case BMB_CONTACT_FIELD_EMAIL:
      return self->emails_group;
    case BMB_CONTACT_FIELD_PHONE:
      return self->phones_group;
    case BMB_CONTACT_FIELD_URL:
    default:
      return self->links_group;
    }
}

static GtkLabel *
error_label_for_kind (BmbContactEditor    *self,
                      BmbContactFieldKind  kind)
{
  switch (kind)
    {
    case BMB_CONTACT_FIELD_EMAIL:
      return self->emails_error;
    case BMB_CONTACT_FIELD_PHONE:
      return self->phones_error;
    case BMB_CONTACT_FIELD_URL:
    default:
      return self->links_error;
    }
}

static void
on_field_remove_requested_cb (BmbContactEditor   *self,
                              BmbContactFieldRow *row)
{
  adw_preferences_group_remove (group_for_kind (self, bmb_contact_field_row_get_kind (row)),
                                GTK_WIDGET (row));
  g_ptr_array_remove (self->field_rows, row);

  validate (self);
}

static BmbContactFieldRow *
add_field_row (BmbContactEditor      *self,
               BmbContactFieldKind    kind,
               const BmbContactField *value)
{
  BmbContactFieldRow *row = BMB_CONTACT_FIELD_ROW (bmb_contact_field_row_new (kind, value));

  g_signal_connect_object (row, "changed", G_CALLBACK (validate), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "remove-requested", G_CALLBACK (on_field_remove_requested_cb),
                           self, G_CONNECT_SWAPPED);

  adw_preferences_group_add (group_for_kind (self, kind), GTK_WIDGET (row));
  g_ptr_array_add (self->field_rows, g_object_ref (row));

  return row;
}

static void
set_row_error (AdwEntryRow *row,
               gboolean     error)
{
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

static void
show_error_label (GtkLabel   *label,
                  const char *text)
{
  gtk_label_set_label (label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

static char **
parse_tags (const char *text)
{
  g_auto(GStrv) parts = g_strsplit_set (text ? text : "", ",;", -1);
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *tag = g_strstrip (parts[i]);

      if (*tag != '\0')
        g_ptr_array_add (tags, g_strdup (tag));
    }
  g_ptr_array_add (tags, NULL);

  return (char **)g_ptr_array_free (g_steal_pointer (&tags), FALSE);
}

/* Copies the form into @contact. */
static void
apply_form (BmbContactEditor *self,
            BmbContact       *contact)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func ((GDestroyNotify)bmb_contact_field_unref);
  g_auto(GStrv) tags = NULL;
  g_autofree char *notes = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

#define SET(setter, row) \
  G_STMT_START { g_autofree char *v = entry_text (row); setter (contact, v); } G_STMT_END

  SET (bmb_contact_set_given_name, self->given_row);
  SET (bmb_contact_set_family_name, self->family_row);
  SET (bmb_contact_set_prefix, self->prefix_row);
  SET (bmb_contact_set_additional_names, self->additional_row);
  SET (bmb_contact_set_suffix, self->suffix_row);
  SET (bmb_contact_set_nickname, self->nickname_row);
  SET (bmb_contact_set_organization, self->organization_row);
  SET (bmb_contact_set_role, self->role_row);
  SET (bmb_contact_set_met_event, self->met_event_row);
  SET (bmb_contact_set_met_where, self->met_where_row);
  bmb_contact_set_met_on (contact, bmb_date_row_get_date (self->met_on_row));

#undef SET

  for (BmbContactFieldKind kind = BMB_CONTACT_FIELD_EMAIL; kind <= BMB_CONTACT_FIELD_URL; kind++)
    {
      for (guint i = 0; i < self->field_rows->len; i++)
        {
          BmbContactFieldRow *row = g_ptr_array_index (self->field_rows, i);
          g_autofree char *value = NULL;

          if (bmb_contact_field_row_get_kind (row) != kind ||
              !(value = entry_text (ADW_ENTRY_ROW (row))))
            continue;

          if (kind == BMB_CONTACT_FIELD_URL)
            {
              char *normalized = bmb_contact_normalize_url (value);

              if (normalized != NULL)
                {
                  g_free (value);
                  value = normalized;
                }
            }

          g_ptr_array_add (fields,
                           bmb_contact_field_new (kind, bmb_contact_field_row_get_label_key (row),
                                                  value, FALSE));
        }
    }
  bmb_contact_set_fields (contact, fields);

  tags = parse_tags (gtk_editable_get_text (GTK_EDITABLE (self->tags_row)));
  bmb_contact_set_tags (contact, (const char * const *)tags);

  bmb_contact_set_introduced_by (contact,
                                 bmb_contact_introducer_row_get_introduced_by (self->introduced_row));

  if (adw_expander_row_get_enable_expansion (self->keep_row))
    {
      static const BmbFollowUpUnit units[] = {
        BMB_FOLLOW_UP_UNIT_DAY, BMB_FOLLOW_UP_UNIT_WEEK, BMB_FOLLOW_UP_UNIT_MONTH,
      };
      guint unit = gtk_drop_down_get_selected (self->keep_unit);

      bmb_contact_set_keep_in_touch (contact,
                                     (guint)gtk_spin_button_get_value_as_int (self->keep_count),
                                     units[MIN (unit, G_N_ELEMENTS (units) - 1)]);
    }
  else
    {
      bmb_contact_set_keep_in_touch (contact, 0, BMB_FOLLOW_UP_UNIT_NONE);
    }

  buffer = gtk_text_view_get_buffer (self->notes_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  notes = dup_trimmed (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  bmb_contact_set_notes (contact, notes);
}

/* Inline validation: every message stays beside its group, Save is
 * disabled while any is shown. */
static void
validate (BmbContactEditor *self)
{
  GString *kind_errors[3];
  g_autoptr(BmbContact) scratch = NULL;
  gboolean valid = TRUE;

  for (guint k = 0; k < G_N_ELEMENTS (kind_errors); k++)
    kind_errors[k] = g_string_new (NULL);

  for (guint i = 0; i < self->field_rows->len; i++)
    {
      BmbContactFieldRow *row = g_ptr_array_index (self->field_rows, i);
      BmbContactFieldKind kind = bmb_contact_field_row_get_kind (row);
      g_autofree char *value = entry_text (ADW_ENTRY_ROW (row));
      g_autofree char *message = value ? bmb_contact_validate_field (kind, value) : NULL;

      set_row_error (ADW_ENTRY_ROW (row), message != NULL);
      if (message != NULL)
        {
          GString *errors = kind_errors[kind];

          valid = FALSE;
          if (errors->len > 0)
            g_string_append_c (errors, '\n');
          /* Translators: an invalid value and what is wrong with it */
          g_string_append_printf (errors, C_("validation", "“%s”: %s"), value, message);
        }
    }

  for (BmbContactFieldKind kind = BMB_CONTACT_FIELD_EMAIL; kind <= BMB_CONTACT_FIELD_URL; kind++)
    {
      show_error_label (error_label_for_kind (self, kind), kind_errors[kind]->str);
      g_string_free (kind_errors[kind], TRUE);
    }

  /* A contact needs something to be called by. The check works on a
   * scratch copy: the form is applied to the real one only on Save. */
  scratch = bmb_contact_copy (self->contact);
  apply_form (self, scratch);
  if (*bmb_contact_get_display_name (scratch) == '\0')
    {
      valid = FALSE;
      gtk_widget_set_tooltip_text (self->save_button,
                                   _("Enter a name, an organization or an email address first"));
      if (self->touched_name)
        show_error_label (self->name_error,
                          _("Enter a name, an organization or an email address."));
    }
  else
    {
      gtk_widget_set_tooltip_text (self->save_button, NULL);
      show_error_label (self->name_error, NULL);
    }

  self->valid = valid;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", valid);
}

/* ---- callbacks ----------------------------------------------------------- */

static void
on_changed_cb (BmbContactEditor *self,
               GtkEditable      *editable)
{
  if (editable == GTK_EDITABLE (self->given_row) || editable == GTK_EDITABLE (self->family_row))
    self->touched_name = TRUE;

  validate (self);
}

static void
on_add_email_clicked_cb (BmbContactEditor *self)
{
  bmb_contact_editor_add_field_row (self, BMB_CONTACT_FIELD_EMAIL);
}

static void
on_add_phone_clicked_cb (BmbContactEditor *self)
{
  bmb_contact_editor_add_field_row (self, BMB_CONTACT_FIELD_PHONE);
}

static void
on_add_link_clicked_cb (BmbContactEditor *self)
{
  bmb_contact_editor_add_field_row (self, BMB_CONTACT_FIELD_URL);
}

static void
editor_save_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  BmbContactEditor *self = BMB_CONTACT_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (!bmb_contact_editor_save (self, &error))
    {
      bmb_contacts_show_error (GTK_WIDGET (self), _("Could Not Save the Contact"), error);
      return;
    }

  gtk_window_close (GTK_WINDOW (self));
}

/* ---- filling the form ---------------------------------------------------- */

static void
fill_form (BmbContactEditor *self)
{
  BmbContact *contact = self->contact;
  GPtrArray *fields = bmb_contact_get_fields (contact);
  g_autofree char *tags = g_strjoinv (", ", (char **)bmb_contact_get_tags (contact));
  guint count = bmb_contact_get_keep_in_touch_count (contact);
  BmbFollowUpUnit unit = bmb_contact_get_keep_in_touch_unit (contact);
  gint64 introducer = bmb_contact_get_introduced_by (contact);
  const char *notes = bmb_contact_get_notes (contact);
  gboolean have_email = FALSE, have_phone = FALSE;

  set_entry_text (self->given_row, bmb_contact_get_given_name (contact));
  set_entry_text (self->family_row, bmb_contact_get_family_name (contact));
  set_entry_text (self->prefix_row, bmb_contact_get_prefix (contact));
  set_entry_text (self->additional_row, bmb_contact_get_additional_names (contact));
  set_entry_text (self->suffix_row, bmb_contact_get_suffix (contact));
  set_entry_text (self->nickname_row, bmb_contact_get_nickname (contact));
  set_entry_text (self->organization_row, bmb_contact_get_organization (contact));
  set_entry_text (self->role_row, bmb_contact_get_role (contact));
  set_entry_text (self->met_event_row, bmb_contact_get_met_event (contact));
  set_entry_text (self->met_where_row, bmb_contact_get_met_where (contact));
  bmb_date_row_set_date (self->met_on_row, bmb_contact_get_met_on (contact));
  set_entry_text (self->tags_row, tags);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), notes ? notes : "", -1);

  adw_expander_row_set_expanded (self->more_names_row,
                                 bmb_contact_get_prefix (contact) != NULL ||
                                 bmb_contact_get_additional_names (contact) != NULL ||
                                 bmb_contact_get_suffix (contact) != NULL ||
                                 bmb_contact_get_nickname (contact) != NULL);

  for (guint i = 0; i < fields->len; i++)
    {
      BmbContactField *field = g_ptr_array_index (fields, i);

      add_field_row (self, bmb_contact_field_get_kind (field), field);
      have_email |= bmb_contact_field_get_kind (field) == BMB_CONTACT_FIELD_EMAIL;
      have_phone |= bmb_contact_field_get_kind (field) == BMB_CONTACT_FIELD_PHONE;
    }
  /* An empty row invites the usual two. */
  if (!have_email)
    add_field_row (self, BMB_CONTACT_FIELD_EMAIL, NULL);
  if (!have_phone)
    add_field_row (self, BMB_CONTACT_FIELD_PHONE, NULL);

  if (count > 0 && unit != BMB_FOLLOW_UP_UNIT_NONE)
    {
      adw_expander_row_set_enable_expansion (self->keep_row, TRUE);
      adw_expander_row_set_expanded (self->keep_row, TRUE);
      gtk_spin_button_set_value (self->keep_count, count);
      gtk_drop_down_set_selected (self->keep_unit,
                                  unit == BMB_FOLLOW_UP_UNIT_DAY ? 0
                                  : unit == BMB_FOLLOW_UP_UNIT_WEEK ? 1 : 2);
    }

  if (introducer != 0)
    {
      g_autoptr(BmbContact) other = bmb_contact_store_get (self->store, introducer, NULL);

      bmb_contact_introducer_row_set_introducer (self->introduced_row, introducer,
                                                 other ? bmb_contact_get_display_name (other) : NULL);
    }
  else
    {
      bmb_contact_introducer_row_set_introducer (self->introduced_row, 0, NULL);
    }
}

/* ---- GObject ------------------------------------------------------------- */

/* The unit names agree with the number: "Every 1 day", "Every 3 weeks". */
static void
on_keep_count_changed_cb (BmbContactEditor *self)
{
  guint n = (guint)MAX (1, gtk_spin_button_get_value_as_int (self->keep_count));
  guint selected = gtk_drop_down_get_selected (self->keep_unit);
  const char *units[] = {
    /* Translators: after "Every" and a number: how often to stay in touch */
    ngettext ("day", "days", n),
    /* Translators: after "Every" and a number: how often to stay in touch */
    ngettext ("week", "weeks", n),
    /* Translators: after "Every" and a number: how often to stay in touch */
    ngettext ("month", "months", n),
    NULL,
  };
  g_autoptr(GtkStringList) model = gtk_string_list_new (units);

  if (selected == GTK_INVALID_LIST_POSITION)
    selected = 2;   /* months */
  gtk_drop_down_set_model (self->keep_unit, G_LIST_MODEL (model));
  gtk_drop_down_set_selected (self->keep_unit, selected);
}

static void
bmb_contact_editor_dispose (GObject *object)
{
  BmbContactEditor *self = (BmbContactEditor *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), BMB_TYPE_CONTACT_EDITOR);

  g_clear_object (&self->guard);
  g_clear_object (&self->store);
  g_clear_object (&self->contact);
  g_clear_pointer (&self->field_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (bmb_contact_editor_parent_class)->dispose (object);
}

static void
bmb_contact_editor_class_init (BmbContactEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bmb_contact_editor_dispose;

  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (BMB_TYPE_CONTACT_FIELD_ROW);
  g_type_ensure (BMB_TYPE_CONTACT_INTRODUCER_ROW);
  g_type_ensure (BMB_TYPE_DATE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/bmb-contact-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, BmbContactEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, BmbContactEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, BmbContactEditor, given_row);
  gtk_widget_class_bind_template_child (widget_class, BmbContactEditor, family_row);
  gtk_widget_class_bind_template_child (widget_class, BmbContactEditor, more_names_row);
  gtk_widget_class_bind_template_child (widget_class, BmbContactEditor, prefix_row);
  gtk_widget_class_bind_template_child (widget_class, BmbContactEditor, additional_row);
  gtk_widget_class_bind_template_child (widget_class, BmbContactEditor, suffix_row);
  gtk_widget_class_bind_template_child (widget_class, BmbContactEditor, nickname_row);
  gtk_widget_class_bind_template_child (widget_class, BmbContactEditor, name_error);
  gtk_widget_class_bind_template_child (widget_class, BmbContactEditor, organization_row);
  gtk_widget_class_bind_template_child (widget_class, BmbContactEditor, role_row);
  gtk_widget_class_bind_template_child (widget_class, BmbContactEditor, emails_group);
  gtk_widget_class_bind_template_child (widget_class, BmbContactEditor, emails_error);
  gtk_widget_class_bind_template_child (widget_class, BmbContactEditor, phones_group);
  gtk_widget_class_bind_template_child (widget_class, BmbContactEditor, phones_error);
  gtk_widget_class_bind_template_child (widget_class, BmbContactEditor, links_group);
  gtk_widget_class_bind_template_child (widget_class, BmbContactEditor, links_error);
  gtk_widget_class_bind_template_child (widget_class, BmbContactEditor, met_event_row);
  gtk_widget_class_bind_template_child (widget_class, BmbContactEditor, met_where_row);
  gtk_widget_class_bind_template_child (widget_class, BmbContactEditor, met_on_row);
  gtk_widget_class_bind_template_child (widget_class, BmbContactEditor, introduced_row);
  gtk_widget_class_bind_template_child (widget_class, BmbContactEditor, met_error);
  gtk_widget_class_bind_template_child (widget_class, BmbContactEditor, tags_row);
  gtk_widget_class_bind_template_child (widget_class, BmbContactEditor, keep_row);
  gtk_widget_class_bind_template_child (widget_class, BmbContactEditor, keep_count);
  gtk_widget_class_bind_template_child (widget_class, BmbContactEditor, keep_unit);
  gtk_widget_class_bind_template_child (widget_class, BmbContactEditor, notes_view);
  gtk_widget_class_bind_template_callback (widget_class, on_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_email_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_phone_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_link_clicked_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, editor_save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bmb_contact_editor_init (BmbContactEditor *self)
{
  self->field_rows = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->guard = bmb_edit_guard_new (GTK_WINDOW (self), "editor.save");

  g_signal_connect_object (self->introduced_row, "notify::introduced-by",
                           G_CALLBACK (validate), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->keep_count, "value-changed",
                           G_CALLBACK (on_keep_count_changed_cb), self, G_CONNECT_SWAPPED);
  on_keep_count_changed_cb (self);
}

/* ---- public API ---------------------------------------------------------- */

/**
 * bmb_contact_editor_set_default_follow_up:
 *
 * The interval "Remind Me to Follow Up" starts with when the contact has none yet (the
 * Preferences' default, bmb_context_get_default_follow_up()).
 */
void
bmb_contact_editor_set_default_follow_up (BmbContactEditor *self,
                                          guint             count,
                                          BmbFollowUpUnit   unit)
{
  g_return_if_fail (BMB_IS_CONTACT_EDITOR (self));

  if (adw_expander_row_get_enable_expansion (self->keep_row) || count == 0)
    return;

  gtk_spin_button_set_value (self->keep_count, count);
  gtk_drop_down_set_selected (self->keep_unit,
                              unit == BMB_FOLLOW_UP_UNIT_DAY ? 0
                              : unit == BMB_FOLLOW_UP_UNIT_WEEK ? 1 : 2);
}

GtkWidget *
bmb_contact_editor_new (GtkWindow       *parent,
                        BmbContactStore *store,
                        BmbContact      *contact)
{
  g_autofree char *draft_key = NULL;
  BmbContactEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (BMB_IS_CONTACT_STORE (store), NULL);
  g_return_val_if_fail (contact == NULL || BMB_IS_CONTACT (contact), NULL);

  self = g_object_new (BMB_TYPE_CONTACT_EDITOR,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->contact = contact ? bmb_contact_copy (contact) : bmb_contact_new ();
  bmb_contact_introducer_row_set_store (self->introduced_row, store);
  bmb_contact_introducer_row_set_contact_id (self->introduced_row, bmb_contact_get_id (self->contact));

  if (contact != NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Contact"));
      adw_window_title_set_title (self->window_title, _("Edit Contact"));
      adw_window_title_set_subtitle (self->window_title, bmb_contact_get_display_name (contact));
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("New Contact"));
      adw_window_title_set_title (self->window_title, _("New Contact"));
    }

  fill_form (self);
  validate (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->given_row));

  bmb_edit_guard_loaded (self->guard, draft_key = bmb_contact_get_id (self->contact) != 0
                         ? g_strdup_printf ("contact/%" G_GINT64_FORMAT,
                                            bmb_contact_get_id (self->contact))
                         : g_strdup ("contact/new"));

  return GTK_WIDGET (self);
}

GtkWidget *
bmb_contact_editor_add_field_row (BmbContactEditor    *self,
                                  BmbContactFieldKind  kind)
{
  BmbContactFieldRow *row;

  g_return_val_if_fail (BMB_IS_CONTACT_EDITOR (self), NULL);
  g_return_val_if_fail (kind <= BMB_CONTACT_FIELD_URL, NULL);

  row = add_field_row (self, kind, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (row));
  validate (self);

  return GTK_WIDGET (row);
}

gboolean
bmb_contact_editor_is_valid (BmbContactEditor *self)
{
  g_return_val_if_fail (BMB_IS_CONTACT_EDITOR (self), FALSE);

  return self->valid;
}

gboolean
bmb_contact_editor_save (BmbContactEditor  *self,
                         GError           **error)
{
  gboolean ok;

  g_return_val_if_fail (BMB_IS_CONTACT_EDITOR (self), FALSE);

  validate (self);
  if (!self->valid)
    {
      g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID,
                   _("“%s” cannot be saved yet: correct the fields marked in red."),
                   *bmb_contact_get_display_name (self->contact)
                   ? bmb_contact_get_display_name (self->contact) : _("New contact"));
      return FALSE;
    }

  apply_form (self, self->contact);

  if (bmb_contact_get_id (self->contact) == 0)
    ok = bmb_contact_store_insert (self->store, self->contact, error);
  else
    ok = bmb_contact_store_update (self->store, self->contact, error);

  if (!ok)
    return FALSE;

  bmb_edit_guard_saved (self->guard);
  g_signal_emit (self, signals[SAVED], 0, bmb_contact_get_id (self->contact));

  return TRUE;
}
