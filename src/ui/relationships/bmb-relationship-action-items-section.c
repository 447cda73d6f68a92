/* bmb-relationship-action-items-section.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-relationship-action-items-section"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-format.h"
#include "bmb-error-dialog.h"
#include "bmb-list-sync.h"
#include "bmb-relationship-action-items-section.h"

struct _BmbRelationshipActionItemsSection
{
  AdwPreferencesGroup  parent_instance;

  /* template widgets */
  GtkListBox          *actions_list;

  /* owned */
  BmbMentoringStore   *store;
  BmbRelationship     *relationship;
  GListStore          *action_items;   /* BmbActionItem */
  GHashTable          *done_toasts;    /* AdwToast → BmbActionItem ticked off (for Undo) */
};

G_DEFINE_FINAL_TYPE (BmbRelationshipActionItemsSection, bmb_relationship_action_items_section,
                     ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_STORE,
  PROP_RELATIONSHIP,
  N_PROPS
};

enum {
  SHOW_TOAST,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ---- Callbacks ---------------------------------------------------------------- */

static void
on_done_toast_undo_cb (BmbRelationshipActionItemsSection *self,
                       AdwToast                          *toast)
{
  g_autoptr(GError) error = NULL;
  BmbActionItem *item;

  if (self->done_toasts == NULL || self->store == NULL ||
      !(item = g_hash_table_lookup (self->done_toasts, toast)))
    return;

  if (!bmb_mentoring_store_set_action_item_done (self->store, bmb_action_item_get_id (item),
                                                 FALSE, &error))
    bmb_error_dialog_show (GTK_WIDGET (self), _("Could Not Update the Action Item"), error);
}

static void
on_done_toast_dismissed_cb (BmbRelationshipActionItemsSection *self,
                            AdwToast                          *toast)
{
  if (self->done_toasts != NULL)
    g_hash_table_remove (self->done_toasts, toast);
}

static void
on_action_check_toggled_cb (BmbRelationshipActionItemsSection *self,
                            GtkCheckButton                    *check)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BmbActionItem) item = NULL;
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (check), GTK_TYPE_LIST_BOX_ROW);
  gboolean active = gtk_check_button_get_active (check);
  gboolean ok;

  g_return_if_fail (row != NULL);

  item = g_list_model_get_item (G_LIST_MODEL (self->action_items),
                                gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)));
  g_return_if_fail (item != NULL);

  /* The row and the focus stay when the write comes back as a change of
   * this one item (see apply_changes); a done item leaves the list when the
   * list is read again. */
  ok = bmb_mentoring_store_set_action_item_done (self->store, bmb_action_item_get_id (item),
                                                 active, &error);

  if (!ok)
    {
      bmb_error_dialog_show (GTK_WIDGET (self), _("Could Not Update the Action Item"), error);
      g_signal_handlers_block_by_func (check, on_action_check_toggled_cb, self);
      gtk_check_button_set_active (check, !active);
      g_signal_handlers_unblock_by_func (check, on_action_check_toggled_cb, self);
      return;
    }

  bmb_action_item_set_done (item, active);

  if (active)
    {
      g_autofree char *escaped = g_markup_escape_text (bmb_action_item_get_text (item), -1);
      /* Translators: a toast; %s is an action item */
      g_autofree char *title = g_strdup_printf (_("“%s” done"), escaped);
      AdwToast *toast = adw_toast_new (title);

      adw_toast_set_button_label (toast, _("_Undo"));
      /* The toast may outlive a reload of the list: it keeps its own item. */
      g_hash_table_insert (self->done_toasts, toast, g_object_ref (item));
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_done_toast_undo_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_done_toast_dismissed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_emit (self, signals[SHOW_TOAST], 0, toast);
      g_object_unref (toast);
    }
}

/* ---- List rows ---------------------------------------------------------------- */

static GtkWidget *
create_action_item_row (gpointer item,
                        gpointer user_data)
{
  BmbRelationshipActionItemsSection *self = user_data;
  BmbActionItem *action_item = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *due = bmb_format_iso_date (bmb_action_item_get_due_on (action_item));
  const char *owner = bmb_action_owner_get_label (bmb_action_item_get_owner (action_item));
  g_autofree char *subtitle = NULL;

  if (due != NULL)
    /* Translators: "Mentee · due March 10, 2026" */
    subtitle = g_strdup_printf (_("%s · due %s"), owner, due);
  else
    subtitle = g_strdup (owner);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), bmb_action_item_get_text (action_item));
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), bmb_action_item_get_done (action_item));
  gtk_widget_set_tooltip_text (check, _("Done"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  bmb_action_item_get_text (action_item),
                                  -1);
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_action_check_toggled_cb), self,
                           G_CONNECT_SWAPPED);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  gtk_widget_add_css_class (row, "action-item");

  return row;
}

/* ---- GObject ------------------------------------------------------------------ */

static void
bmb_relationship_action_items_section_dispose (GObject *object)
{
  BmbRelationshipActionItemsSection *self = (BmbRelationshipActionItemsSection *)object;

  /* The toasts dismissed later find the table gone. */
  g_clear_pointer (&self->done_toasts, g_hash_table_unref);
  g_clear_object (&self->relationship);
  g_clear_object (&self->action_items);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (bmb_relationship_action_items_section_parent_class)->dispose (object);
}

static void
bmb_relationship_action_items_section_get_property (GObject    *object,
                                                    guint       prop_id,
                                                    GValue     *value,
                                                    GParamSpec *pspec)
{
  BmbRelationshipActionItemsSection *self = BMB_RELATIONSHIP_ACTION_ITEMS_SECTION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_RELATIONSHIP:
      g_value_set_object (value, self->relationship);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_relationship_action_items_section_set_property (GObject      *object,
                                                    guint         prop_id,
                                                    const GValue *value,
                                                    GParamSpec   *pspec)
{
  BmbRelationshipActionItemsSection *self = BMB_RELATIONSHIP_ACTION_ITEMS_SECTION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      bmb_relationship_action_items_section_set_store (self, g_value_get_object (value));
      break;

    case PROP_RELATIONSHIP:
      bmb_relationship_action_items_section_set_relationship (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_relationship_action_items_section_class_init (BmbRelationshipActionItemsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bmb_relationship_action_items_section_dispose;
  object_class->get_property = bmb_relationship_action_items_section_get_property;
  object_class->set_property = bmb_relationship_action_items_section_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         BMB_TYPE_MENTORING_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_RELATIONSHIP] =
    g_param_spec_object ("relationship", NULL, NULL,
                         BMB_TYPE_RELATIONSHIP,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SHOW_TOAST] =
    g_signal_new ("show-toast",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/bmb-relationship-action-items-section.ui");
  gtk_widget_class_bind_template_child (widget_class, BmbRelationshipActionItemsSection, actions_list);
}

static void
bmb_relationship_action_items_section_init (BmbRelationshipActionItemsSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->action_items = g_list_store_new (BMB_TYPE_ACTION_ITEM);
  self->done_toasts = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);

  gtk_list_box_bind_model (self->actions_list, G_LIST_MODEL (self->action_items),
                           create_action_item_row, self, NULL);
}

/* ---- Public API --------------------------------------------------------------- */

GtkWidget *
bmb_relationship_action_items_section_new (void)
{
  return g_object_new (BMB_TYPE_RELATIONSHIP_ACTION_ITEMS_SECTION, NULL);
}

BmbMentoringStore *
bmb_relationship_action_items_section_get_store (BmbRelationshipActionItemsSection *self)
{
  g_return_val_if_fail (BMB_IS_RELATIONSHIP_ACTION_ITEMS_SECTION (self), NULL);

  return self->store;
}

void
bmb_relationship_action_items_section_set_store (BmbRelationshipActionItemsSection *self,
                                                 BmbMentoringStore                 *store)
{
  g_return_if_fail (BMB_IS_RELATIONSHIP_ACTION_ITEMS_SECTION (self));
  g_return_if_fail (store == NULL || BMB_IS_MENTORING_STORE (store));

  if (g_set_object (&self->store, store))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

BmbRelationship *
bmb_relationship_action_items_section_get_relationship (BmbRelationshipActionItemsSection *self)
{
  g_return_val_if_fail (BMB_IS_RELATIONSHIP_ACTION_ITEMS_SECTION (self), NULL);

  return self->relationship;
}

void
bmb_relationship_action_items_section_set_relationship (BmbRelationshipActionItemsSection *self,
                                                        BmbRelationship                   *relationship)
{
  g_return_if_fail (BMB_IS_RELATIONSHIP_ACTION_ITEMS_SECTION (self));
  g_return_if_fail (relationship == NULL || BMB_IS_RELATIONSHIP (relationship));

  if (g_set_object (&self->relationship, relationship))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RELATIONSHIP]);
}

static gint64
action_item_id (gpointer item)
{
  return bmb_action_item_get_id (item);
}

gboolean
bmb_relationship_action_items_section_reload (BmbRelationshipActionItemsSection  *self,
                                              GError                            **error)
{
  return bmb_relationship_action_items_section_apply_changes (self, NULL, error);
}

gboolean
bmb_relationship_action_items_section_apply_changes (BmbRelationshipActionItemsSection  *self,
                                                     BmbChangeSet                       *changes,
                                                     GError                            **error)
{
  g_autoptr(GPtrArray) items = NULL;
  GListModel *shown;

  g_return_val_if_fail (BMB_IS_RELATIONSHIP_ACTION_ITEMS_SECTION (self), FALSE);
  g_return_val_if_fail (self->relationship != NULL && self->store != NULL, FALSE);

  if (changes != NULL && !(bmb_change_set_get_kinds (changes) & BMB_CHANGE_ACTION_ITEMS))
    return TRUE;

  items = bmb_mentoring_store_list_open_action_items (self->store,
                                                      bmb_relationship_get_id (self->relationship),
                                                      error);
  if (items == NULL)
    return FALSE;

  /* A shown item that was just ticked off keeps its row (and the focus on
   * its check box) until the list is read again. */
  shown = G_LIST_MODEL (self->action_items);
  if (changes != NULL && !(bmb_change_set_get_coarse_kinds (changes) & BMB_CHANGE_ACTION_ITEMS))
    {
      for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
        {
          g_autoptr(BmbActionItem) old = g_list_model_get_item (shown, i);
          gint64 id = bmb_action_item_get_id (old);
          gboolean listed = FALSE;

          if (bmb_change_set_lookup (changes, BMB_CHANGE_ACTION_ITEMS, id) != BMB_CHANGE_CHANGED)
            continue;
          for (guint j = 0; j < items->len && !listed; j++)
            listed = bmb_action_item_get_id (g_ptr_array_index (items, j)) == id;
          if (listed)
            continue;

          bmb_action_item_set_done (old, TRUE);
          g_ptr_array_insert (items, MIN (i, items->len), g_object_ref (old));
        }
    }

  bmb_list_store_sync (self->action_items, items, action_item_id, changes, BMB_CHANGE_ACTION_ITEMS);
  return TRUE;
}

void
bmb_relationship_action_items_section_clear (BmbRelationshipActionItemsSection *self)
{
  g_return_if_fail (BMB_IS_RELATIONSHIP_ACTION_ITEMS_SECTION (self));

  g_list_store_remove_all (self->action_items);
}
