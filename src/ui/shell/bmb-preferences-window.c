/* bmb-preferences-window.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-accounts-page.h"
#include "bmb-preferences-window.h"

struct _BmbPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* template widgets */
  GtkSwitch            *background_switch;
  GtkSwitch            *login_switch;
  AdwComboRow          *reminder_row;
  AdwComboRow          *snooze_row;
  AdwComboRow          *follow_up_row;

  /* owned */
  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (BmbPreferencesWindow, bmb_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* Minutes before a session for each entry of reminder_row; -1 is "None". */
static const int reminder_choices[] = { -1, 0, 5, 10, 15, 30, 60, 1440 };

static void
sync_reminder_row (BmbPreferencesWindow *self)
{
  g_autoptr(GVariant) value = g_settings_get_value (self->settings, "default-reminders");
  int minutes = -1;

  if (g_variant_n_children (value) > 0)
    g_variant_get_child (value, 0, "i", &minutes);

  for (guint i = 0; i < G_N_ELEMENTS (reminder_choices); i++)
    {
      if (reminder_choices[i] == minutes)
        {
          adw_combo_row_set_selected (self->reminder_row, i);
          return;
        }
    }
}

static void
on_reminder_row_selected_cb (BmbPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->reminder_row);
  GVariantBuilder builder;

  if (selected >= G_N_ELEMENTS (reminder_choices))
    return;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("ai"));
  if (reminder_choices[selected] >= 0)
    g_variant_builder_add (&builder, "i", reminder_choices[selected]);
  g_settings_set_value (self->settings, "default-reminders", g_variant_builder_end (&builder));
}

/* Minutes of Snooze for each entry of snooze_row; days of follow_up_row's entries. */
static const guint snooze_choices[] = { 5, 10, 15, 30, 60 };
static const guint follow_up_choices[] = { 7, 14, 30, 90, 180 };

static void
sync_choice_row (AdwComboRow *row,
                 guint        value,
                 const guint *choices,
                 guint        n_choices)
{
  for (guint i = 0; i < n_choices; i++)
    if (choices[i] == value)
      adw_combo_row_set_selected (row, i);
}

static void
on_snooze_row_selected_cb (BmbPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->snooze_row);

  if (self->settings != NULL && selected < G_N_ELEMENTS (snooze_choices))
    g_settings_set_uint (self->settings, "snooze-minutes", snooze_choices[selected]);
}

static void
on_follow_up_row_selected_cb (BmbPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->follow_up_row);

  if (self->settings != NULL && selected < G_N_ELEMENTS (follow_up_choices))
    g_settings_set_uint (self->settings, "follow-up-days", follow_up_choices[selected]);
}

static void
bmb_preferences_window_dispose (GObject *object)
{
  BmbPreferencesWindow *self = (BmbPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), BMB_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (bmb_preferences_window_parent_class)->dispose (object);
}

static void
bmb_preferences_window_class_init (BmbPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bmb_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/bmb-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BmbPreferencesWindow, background_switch);
  gtk_widget_class_bind_template_child (widget_class, BmbPreferencesWindow, login_switch);
  gtk_widget_class_bind_template_child (widget_class, BmbPreferencesWindow, reminder_row);
  gtk_widget_class_bind_template_child (widget_class, BmbPreferencesWindow, snooze_row);
  gtk_widget_class_bind_template_child (widget_class, BmbPreferencesWindow, follow_up_row);
  gtk_widget_class_bind_template_callback (widget_class, on_reminder_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_snooze_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_follow_up_row_selected_cb);
}

static void
bmb_preferences_window_init (BmbPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

BmbPreferencesWindow *
bmb_preferences_window_new (GSettings *settings)
{
  BmbPreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (BMB_TYPE_PREFERENCES_WINDOW, NULL);
  self->settings = g_object_ref (settings);

  g_settings_bind (settings, "run-in-background",
                   self->background_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "start-at-login",
                   self->login_switch, "active", G_SETTINGS_BIND_DEFAULT);
  sync_reminder_row (self);
  sync_choice_row (self->snooze_row, g_settings_get_uint (settings, "snooze-minutes"),
                   snooze_choices, G_N_ELEMENTS (snooze_choices));
  sync_choice_row (self->follow_up_row, g_settings_get_uint (settings, "follow-up-days"),
                   follow_up_choices, G_N_ELEMENTS (follow_up_choices));

  return self;
}

void
bmb_preferences_window_add_accounts (BmbPreferencesWindow *self,
                                     BmbContext           *context)
{
  g_return_if_fail (BMB_IS_PREFERENCES_WINDOW (self));
  g_return_if_fail (BMB_IS_CONTEXT (context));

  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (bmb_accounts_page_new (context)));
}
