/* bmb-contact-introducer-row.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-contact-introducer-row"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-contact-introducer-row.h"
#include "bmb-contact-list-model.h"
#include "bmb-contact-row.h"

struct _BmbContactIntroducerRow
{
  AdwActionRow         parent_instance;

  /* template widgets */
  GtkWidget           *clear_introducer_button;
  GtkMenuButton       *introducer_button;
  GtkSearchEntry      *introducer_search;
  GtkListView         *introducer_list;

  /* owned */
  BmbContactStore     *store;
  BmbContactListModel *introducer_model;

  /* state */
  gint64               contact_id;
  gint64               introduced_by;
};

G_DEFINE_FINAL_TYPE (BmbContactIntroducerRow, bmb_contact_introducer_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CONTACT_ID,
  PROP_INTRODUCED_BY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- callbacks ----------------------------------------------------------- */

static void
on_introducer_popover_show_cb (BmbContactIntroducerRow *self)
{
  if (self->introducer_model == NULL && self->store != NULL)
    {
      self->introducer_model = bmb_contact_list_model_new (self->store);
      gtk_list_view_set_model (self->introducer_list,
                               GTK_SELECTION_MODEL (gtk_no_selection_new (
                                 g_object_ref (G_LIST_MODEL (self->introducer_model)))));
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->introducer_search));
}

static void
on_introducer_search_changed_cb (BmbContactIntroducerRow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->introducer_search));

  if (self->introducer_model == NULL)
    return;

  bmb_contact_list_model_set_search_text (self->introducer_model, text);
  bmb_contact_list_model_set_sort (self->introducer_model,
                                   *text ? BMB_CONTACT_SORT_RELEVANCE : BMB_CONTACT_SORT_NAME);
}

static void
on_introducer_activate_cb (BmbContactIntroducerRow *self,
                           guint                    position)
{
  g_autoptr(BmbContactListItem) item = NULL;

  if (self->introducer_model == NULL)
    return;

  item = g_list_model_get_item (G_LIST_MODEL (self->introducer_model), position);
  if (item == NULL)
    return;

  /* Nobody introduces themselves. */
  if (self->contact_id != 0 && bmb_contact_list_item_get_id (item) == self->contact_id)
    return;

  bmb_contact_introducer_row_set_introducer (self, bmb_contact_list_item_get_id (item),
                                             bmb_contact_list_item_get_display_name (item));
  gtk_menu_button_popdown (self->introducer_button);
}

static void
on_introducer_search_activate_cb (BmbContactIntroducerRow *self)
{
  if (self->introducer_model != NULL &&
      g_list_model_get_n_items (G_LIST_MODEL (self->introducer_model)) > 0)
    on_introducer_activate_cb (self, 0);
}

static void
on_clear_introducer_clicked_cb (BmbContactIntroducerRow *self)
{
  bmb_contact_introducer_row_set_introducer (self, 0, NULL);
}

/* ---- GObject ------------------------------------------------------------- */

static void
bmb_contact_introducer_row_dispose (GObject *object)
{
  BmbContactIntroducerRow *self = (BmbContactIntroducerRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), BMB_TYPE_CONTACT_INTRODUCER_ROW);

  g_clear_object (&self->introducer_model);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (bmb_contact_introducer_row_parent_class)->dispose (object);
}

static void
bmb_contact_introducer_row_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  BmbContactIntroducerRow *self = BMB_CONTACT_INTRODUCER_ROW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_CONTACT_ID:
      g_value_set_int64 (value, self->contact_id);
      break;

    case PROP_INTRODUCED_BY:
      g_value_set_int64 (value, self->introduced_by);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_contact_introducer_row_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  BmbContactIntroducerRow *self = BMB_CONTACT_INTRODUCER_ROW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      bmb_contact_introducer_row_set_store (self, g_value_get_object (value));
      break;

    case PROP_CONTACT_ID:
      bmb_contact_introducer_row_set_contact_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_contact_introducer_row_class_init (BmbContactIntroducerRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bmb_contact_introducer_row_dispose;
  object_class->get_property = bmb_contact_introducer_row_get_property;
  object_class->set_property = bmb_contact_introducer_row_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         BMB_TYPE_CONTACT_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CONTACT_ID] =
    g_param_spec_int64 ("contact-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_INTRODUCED_BY] =
    g_param_spec_int64 ("introduced-by", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (BMB_TYPE_CONTACT_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/bmb-contact-introducer-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BmbContactIntroducerRow, clear_introducer_button);
  gtk_widget_class_bind_template_child (widget_class, BmbContactIntroducerRow, introducer_button);
  gtk_widget_class_bind_template_child (widget_class, BmbContactIntroducerRow, introducer_search);
  gtk_widget_class_bind_template_child (widget_class, BmbContactIntroducerRow, introducer_list);
  gtk_widget_class_bind_template_callback (widget_class, on_introducer_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_introducer_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_introducer_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_introducer_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_introducer_clicked_cb);
}

static void
bmb_contact_introducer_row_init (BmbContactIntroducerRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* ---- public API ---------------------------------------------------------- */

GtkWidget *
bmb_contact_introducer_row_new (void)
{
  return g_object_new (BMB_TYPE_CONTACT_INTRODUCER_ROW, NULL);
}

BmbContactStore *
bmb_contact_introducer_row_get_store (BmbContactIntroducerRow *self)
{
  g_return_val_if_fail (BMB_IS_CONTACT_INTRODUCER_ROW (self), NULL);

  return self->store;
}

void
bmb_contact_introducer_row_set_store (BmbContactIntroducerRow *self,
                                      BmbContactStore         *store)
{
  g_return_if_fail (BMB_IS_CONTACT_INTRODUCER_ROW (self));
  g_return_if_fail (store == NULL || BMB_IS_CONTACT_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  /* Searched again in the new store when the popover next opens. */
  if (self->introducer_model != NULL)
    {
      gtk_list_view_set_model (self->introducer_list, NULL);
      g_clear_object (&self->introducer_model);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

gint64
bmb_contact_introducer_row_get_contact_id (BmbContactIntroducerRow *self)
{
  g_return_val_if_fail (BMB_IS_CONTACT_INTRODUCER_ROW (self), 0);

  return self->contact_id;
}

void
bmb_contact_introducer_row_set_contact_id (BmbContactIntroducerRow *self,
                                           gint64                   contact_id)
{
  g_return_if_fail (BMB_IS_CONTACT_INTRODUCER_ROW (self));

  if (self->contact_id == contact_id)
    return;

  self->contact_id = contact_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTACT_ID]);
}

gint64
bmb_contact_introducer_row_get_introduced_by (BmbContactIntroducerRow *self)
{
  g_return_val_if_fail (BMB_IS_CONTACT_INTRODUCER_ROW (self), 0);

  return self->introduced_by;
}

void
bmb_contact_introducer_row_set_introducer (BmbContactIntroducerRow *self,
                                           gint64                   id,
                                           const char              *name)
{
  g_return_if_fail (BMB_IS_CONTACT_INTRODUCER_ROW (self));

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self),
                               id != 0 && name != NULL ? name
                               /* Translators: nobody introduced us to this contact */
                               : _("Nobody"));
  gtk_widget_set_visible (self->clear_introducer_button, id != 0);

  if (self->introduced_by == id)
    return;

  self->introduced_by = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTRODUCED_BY]);
}
