/* bmb-session-reminders-section.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * When to be reminded before a session: none, one or several offsets.
 */

#define G_LOG_DOMAIN "bmb-session-reminders-section"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-session-format.h"
#include "bmb-session-reminders-section.h"

struct _BmbSessionRemindersSection
{
  AdwPreferencesGroup  parent_instance;

  /* template widgets */
  GtkMenuButton       *add_button;
  GMenu               *add_menu;
  AdwActionRow        *none_row;

  /* owned */
  GArray              *offsets;  /* int minutes, ascending, unique */
  GPtrArray           *rows;     /* borrowed: the rows shown for offsets */
};

static void section_iface_init (BmbSessionEditorSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BmbSessionRemindersSection, bmb_session_reminders_section,
                               ADW_TYPE_PREFERENCES_GROUP,
                               G_IMPLEMENT_INTERFACE (BMB_TYPE_SESSION_EDITOR_SECTION,
                                                      section_iface_init))

/* What the "+" menu offers (the same choices as Preferences). */
static const int preset_offsets[] = { 0, 5, 10, 15, 30, 60, 1440 };

static gboolean
has_offset (BmbSessionRemindersSection *self,
            int                         minutes)
{
  for (guint i = 0; i < self->offsets->len; i++)
    {
      if (g_array_index (self->offsets, int, i) == minutes)
        return TRUE;
    }

  return FALSE;
}

static void
rebuild (BmbSessionRemindersSection *self)
{
  guint n_offered = 0;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; i < self->offsets->len; i++)
    {
      int minutes = g_array_index (self->offsets, int, i);
      g_autofree char *title = bmb_session_format_reminder (minutes);
      g_autofree char *remove_label = g_strdup_printf (_("Remove reminder “%s”"), title);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("edit-delete-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove Reminder"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label,
                                      -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "reminders.remove");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "i", minutes);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->none_row), self->offsets->len == 0);

  g_menu_remove_all (self->add_menu);
  for (guint i = 0; i < G_N_ELEMENTS (preset_offsets); i++)
    {
      g_autofree char *label = NULL;
      g_autoptr(GMenuItem) item = NULL;

      if (has_offset (self, preset_offsets[i]))
        continue;

      label = bmb_session_format_reminder (preset_offsets[i]);
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target (item, "reminders.add", "i", preset_offsets[i]);
      g_menu_append_item (self->add_menu, item);
      n_offered++;
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), n_offered > 0);
}

static int
compare_ints (gconstpointer a,
              gconstpointer b)
{
  return *(const int *)a - *(const int *)b;
}

static void
add_offset (BmbSessionRemindersSection *self,
            int                         minutes)
{
  if (minutes < 0 || has_offset (self, minutes))
    return;

  g_array_append_val (self->offsets, minutes);
  g_array_sort (self->offsets, compare_ints);
}

static void
reminders_add_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  BmbSessionRemindersSection *self = BMB_SESSION_REMINDERS_SECTION (widget);

  add_offset (self, g_variant_get_int32 (param));
  rebuild (self);
  bmb_session_editor_section_changed (BMB_SESSION_EDITOR_SECTION (self));
}

static void
reminders_remove_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  BmbSessionRemindersSection *self = BMB_SESSION_REMINDERS_SECTION (widget);
  int minutes = g_variant_get_int32 (param);

  for (guint i = 0; i < self->offsets->len; i++)
    {
      if (g_array_index (self->offsets, int, i) == minutes)
        {
          g_array_remove_index (self->offsets, i);
          break;
        }
    }

  rebuild (self);
  /* The row that had the focus is gone: keep the keyboard in the section. */
  gtk_widget_grab_focus (GTK_WIDGET (self->add_button));
  bmb_session_editor_section_changed (BMB_SESSION_EDITOR_SECTION (self));
}

static void
bmb_session_reminders_section_load (BmbSessionEditorSection *section,
                                    BmbMentoringStore       *store,
                                    BmbSession              *session,
                                    BmbOccurrence           *occurrence)
{
  BmbSessionRemindersSection *self = BMB_SESSION_REMINDERS_SECTION (section);
  GArray *reminders = bmb_session_get_reminders (session);

  g_array_set_size (self->offsets, 0);
  for (guint i = 0; reminders != NULL && i < reminders->len; i++)
    add_offset (self, g_array_index (reminders, int, i));

  rebuild (self);
}

static void
bmb_session_reminders_section_apply (BmbSessionEditorSection *section,
                                     BmbSession              *session)
{
  BmbSessionRemindersSection *self = BMB_SESSION_REMINDERS_SECTION (section);

  bmb_session_set_reminders (session, (const int *)(gpointer)self->offsets->data, self->offsets->len);
}

static void
section_iface_init (BmbSessionEditorSectionInterface *iface)
{
  iface->load = bmb_session_reminders_section_load;
  iface->apply = bmb_session_reminders_section_apply;
}

static void
bmb_session_reminders_section_dispose (GObject *object)
{
  BmbSessionRemindersSection *self = (BmbSessionRemindersSection *)object;

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), BMB_TYPE_SESSION_REMINDERS_SECTION);

  G_OBJECT_CLASS (bmb_session_reminders_section_parent_class)->dispose (object);
}

static void
bmb_session_reminders_section_finalize (GObject *object)
{
  BmbSessionRemindersSection *self = (BmbSessionRemindersSection *)object;

  g_clear_pointer (&self->offsets, g_array_unref);

  G_OBJECT_CLASS (bmb_session_reminders_section_parent_class)->finalize (object);
}

static void
bmb_session_reminders_section_class_init (BmbSessionRemindersSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bmb_session_reminders_section_dispose;
  object_class->finalize = bmb_session_reminders_section_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/bmb-session-reminders-section.ui");
  gtk_widget_class_bind_template_child (widget_class, BmbSessionRemindersSection, add_button);
  gtk_widget_class_bind_template_child (widget_class, BmbSessionRemindersSection, add_menu);
  gtk_widget_class_bind_template_child (widget_class, BmbSessionRemindersSection, none_row);

  gtk_widget_class_install_action (widget_class, "reminders.add", "i", reminders_add_action);
  gtk_widget_class_install_action (widget_class, "reminders.remove", "i", reminders_remove_action);
}

static void
bmb_session_reminders_section_init (BmbSessionRemindersSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->offsets = g_array_new (FALSE, FALSE, sizeof (int));
  self->rows = g_ptr_array_new ();
  rebuild (self);
}

GArray *
bmb_session_reminders_section_get_offsets (BmbSessionRemindersSection *self)
{
  g_return_val_if_fail (BMB_IS_SESSION_REMINDERS_SECTION (self), NULL);

  return self->offsets;
}
