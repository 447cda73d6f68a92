/* bmb-contact-field-row.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-contact-field-row"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-contact-editor.h"
#include "bmb-contact-field-row.h"

struct _BmbContactFieldRow
{
  AdwEntryRow          parent_instance;

  /* template widgets */
  GtkDropDown         *label_dropdown;
  GtkStringList       *label_names;
  GtkWidget           *remove_button;

  /* owned */
  GPtrArray           *keys;   /* label key per dropdown position (char *) */

  /* construct-only */
  BmbContactFieldKind  kind;
};

G_DEFINE_FINAL_TYPE (BmbContactFieldRow, bmb_contact_field_row, ADW_TYPE_ENTRY_ROW)

enum {
  PROP_0,
  PROP_KIND,
  N_PROPS
};

enum {
  REMOVE_REQUESTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char * const email_labels[] = { "work", "home", "other", NULL };
static const char * const phone_labels[] = { "mobile", "work", "home", "other", NULL };
static const char * const url_labels[] = { "LinkedIn", "website", "other", NULL };

static const char * const *
default_labels (BmbContactFieldKind kind)
{
  switch (kind)
    {
    case BMB_CONTACT_FIELD_EMAIL:
      return email_labels;
    case BMB_CONTACT_FIELD_PHONE:
      return phone_labels;
    case BMB_CONTACT_FIELD_URL:
    default:
      return url_labels;
    }
}

/* Selects @label, adding it after the usual ones when it is none of them. */
static void
select_label (BmbContactFieldRow *self,
              const char         *label)
{
  const char * const *defaults = default_labels (self->kind);
  guint selected = 0;

  for (guint i = 0; defaults[i] != NULL; i++)
    if (label != NULL && g_ascii_strcasecmp (label, defaults[i]) == 0)
      selected = i;

  if (label != NULL && *label != '\0' && selected == 0 &&
      g_ascii_strcasecmp (label, defaults[0]) != 0)
    {
      /* A label from an import: keep it as it was. */
      selected = self->keys->len;
      g_ptr_array_add (self->keys, g_strdup (label));
      gtk_string_list_append (self->label_names, label);
    }

  gtk_drop_down_set_selected (self->label_dropdown, selected);
}

static void
on_remove_clicked_cb (BmbContactFieldRow *self)
{
  g_signal_emit (self, signals[REMOVE_REQUESTED], 0);
}

/* ---- GObject ------------------------------------------------------------- */

static void
bmb_contact_field_row_constructed (GObject *object)
{
  BmbContactFieldRow *self = (BmbContactFieldRow *)object;
  const char * const *defaults = default_labels (self->kind);
  const char *title, *remove_label;
  GtkInputPurpose purpose;

  G_OBJECT_CLASS (bmb_contact_field_row_parent_class)->constructed (object);

  switch (self->kind)
    {
    case BMB_CONTACT_FIELD_EMAIL:
      title = _("Email Address");
      remove_label = _("Remove Email");
      purpose = GTK_INPUT_PURPOSE_EMAIL;
      break;
    case BMB_CONTACT_FIELD_PHONE:
      title = _("Phone Number");
      remove_label = _("Remove Phone Number");
      purpose = GTK_INPUT_PURPOSE_PHONE;
      break;
    case BMB_CONTACT_FIELD_URL:
    default:
      /* Translators: a web address such as a LinkedIn profile */
      title = _("Web Address");
      remove_label = _("Remove Link");
      purpose = GTK_INPUT_PURPOSE_URL;
      break;
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (self), purpose);
  gtk_widget_set_tooltip_text (self->remove_button, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label,
                                  -1);

  for (guint i = 0; defaults[i] != NULL; i++)
    {
      g_ptr_array_add (self->keys, g_strdup (defaults[i]));
      gtk_string_list_append (self->label_names, bmb_contact_field_label_to_display (defaults[i]));
    }
  gtk_drop_down_set_selected (self->label_dropdown, 0);
}

static void
bmb_contact_field_row_dispose (GObject *object)
{
  BmbContactFieldRow *self = (BmbContactFieldRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), BMB_TYPE_CONTACT_FIELD_ROW);

  G_OBJECT_CLASS (bmb_contact_field_row_parent_class)->dispose (object);
}

static void
bmb_contact_field_row_finalize (GObject *object)
{
  BmbContactFieldRow *self = (BmbContactFieldRow *)object;

  g_clear_pointer (&self->keys, g_ptr_array_unref);

  G_OBJECT_CLASS (bmb_contact_field_row_parent_class)->finalize (object);
}

static void
bmb_contact_field_row_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  BmbContactFieldRow *self = BMB_CONTACT_FIELD_ROW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_contact_field_row_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  BmbContactFieldRow *self = BMB_CONTACT_FIELD_ROW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_contact_field_row_class_init (BmbContactFieldRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = bmb_contact_field_row_constructed;
  object_class->dispose = bmb_contact_field_row_dispose;
  object_class->finalize = bmb_contact_field_row_finalize;
  object_class->get_property = bmb_contact_field_row_get_property;
  object_class->set_property = bmb_contact_field_row_set_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       BMB_TYPE_CONTACT_FIELD_KIND, BMB_CONTACT_FIELD_EMAIL,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[REMOVE_REQUESTED] =
    g_signal_new ("remove-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/bmb-contact-field-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BmbContactFieldRow, label_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BmbContactFieldRow, label_names);
  gtk_widget_class_bind_template_child (widget_class, BmbContactFieldRow, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_clicked_cb);
}

static void
bmb_contact_field_row_init (BmbContactFieldRow *self)
{
  self->keys = g_ptr_array_new_with_free_func (g_free);

  gtk_widget_init_template (GTK_WIDGET (self));
}

/* ---- public API ---------------------------------------------------------- */

GtkWidget *
bmb_contact_field_row_new (BmbContactFieldKind    kind,
                           const BmbContactField *value)
{
  BmbContactFieldRow *self;

  g_return_val_if_fail (kind <= BMB_CONTACT_FIELD_URL, NULL);

  self = g_object_new (BMB_TYPE_CONTACT_FIELD_ROW, "kind", kind, NULL);

  if (value != NULL)
    {
      const char *text = bmb_contact_field_get_value (value);

      gtk_editable_set_text (GTK_EDITABLE (self), text ? text : "");
      select_label (self, bmb_contact_field_get_label (value));
    }

  return GTK_WIDGET (self);
}

BmbContactFieldKind
bmb_contact_field_row_get_kind (BmbContactFieldRow *self)
{
  g_return_val_if_fail (BMB_IS_CONTACT_FIELD_ROW (self), BMB_CONTACT_FIELD_EMAIL);

  return self->kind;
}

const char *
bmb_contact_field_row_get_label_key (BmbContactFieldRow *self)
{
  guint selected;

  g_return_val_if_fail (BMB_IS_CONTACT_FIELD_ROW (self), NULL);

  selected = gtk_drop_down_get_selected (self->label_dropdown);
  return selected < self->keys->len ? g_ptr_array_index (self->keys, selected) : NULL;
}
