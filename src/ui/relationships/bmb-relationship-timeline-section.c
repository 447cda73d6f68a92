/* bmb-relationship-timeline-section.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A timeline of the relationship's past meetings, paged by the store's
 * keyset (the last meeting shown is where the next page starts).
 */

#define G_LOG_DOMAIN "bmb-relationship-timeline-section"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-format.h"
#include "bmb-error-dialog.h"
#include "bmb-local-time.h"
#include "bmb-mentoring-meetings.h"
#include "bmb-relationship-timeline-section.h"

/* Meetings read at a time. */
#define PAGE_SIZE 10

struct _BmbRelationshipTimelineSection
{
  AdwPreferencesGroup  parent_instance;

  /* template widgets */
  GtkListBox          *list_box;
  GtkButton           *more_button;

  /* owned */
  BmbMentoringStore   *store;
  BmbDatabase         *db;
  BmbMeeting          *last;  /* the oldest meeting shown: where the next page starts */

  /* state */
  gint64               relationship_id;
  guint                n_meetings;
};

G_DEFINE_FINAL_TYPE (BmbRelationshipTimelineSection, bmb_relationship_timeline_section,
                     ADW_TYPE_PREFERENCES_GROUP)

static char *
dup_day (BmbMeeting *meeting)
{
  GDateTime *start = bmb_meeting_get_start (meeting);
  g_autoptr(GDateTime) local = NULL;

  if (start == NULL)
    return g_strdup (bmb_meeting_get_recurrence_id (meeting));

  local = bmb_date_time_to_local (start);
  return bmb_format_date (local);
}

static GtkWidget *
create_row (BmbMeeting *meeting)
{
  GtkWidget *row = adw_expander_row_new ();
  GListModel *items = bmb_meeting_get_action_items (meeting);
  guint n_items = g_list_model_get_n_items (items);
  g_autofree char *day = dup_day (meeting);
  g_autofree char *title = NULL;
  g_autofree char *first_line = bmb_meeting_dup_notes_first_line (meeting);
  BmbSessionStatus status = bmb_meeting_get_status (meeting);

  /* Translators: a past meeting in a relationship's timeline: its day, then
   * its status ("December 7, 2026 · Done") */
  title = g_strdup_printf (C_("timeline row", "%s · %s"), day, bmb_session_status_get_label (status));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row),
                                 first_line != NULL ? first_line : _("No notes"));
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (row), n_items > 0);
  adw_expander_row_set_show_enable_switch (ADW_EXPANDER_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "bmb-timeline-row");

  if (n_items > 0)
    {
      g_autofree char *count = g_strdup_printf (ngettext ("%u action item", "%u action items",
                                                          n_items), n_items);
      GtkWidget *label = gtk_label_new (count);

      gtk_widget_add_css_class (label, "dim-label");
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), label);
    }

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(BmbActionItem) item = g_list_model_get_item (items, i);
      GtkWidget *item_row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name (bmb_action_item_get_done (item)
                                                        ? "object-select-symbolic"
                                                        : "radio-symbolic");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (item_row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (item_row), bmb_action_item_get_text (item));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (item_row),
                                   bmb_action_owner_get_label (bmb_action_item_get_owner (item)));
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      bmb_action_item_get_done (item) ? C_("action item state", "Done")
                                                                      : C_("action item state", "Open"),
                                      -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (item_row), icon);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), item_row);
    }

  return row;
}

static void
clear_rows (BmbRelationshipTimelineSection *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
  g_clear_object (&self->last);
  self->n_meetings = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->more_button), FALSE);
}

static gboolean
read_page (BmbRelationshipTimelineSection  *self,
           GError                         **error)
{
  g_autoptr(GPtrArray) meetings = NULL;

  if (self->store == NULL || self->relationship_id == 0)
    return TRUE;

  meetings = bmb_mentoring_store_list_past_meetings (self->store, self->relationship_id, NULL,
                                                     self->last, PAGE_SIZE, error);
  if (meetings == NULL)
    return FALSE;

  for (guint i = 0; i < meetings->len; i++)
    gtk_list_box_append (self->list_box, create_row (g_ptr_array_index (meetings, i)));
  self->n_meetings += meetings->len;
  if (meetings->len > 0)
    g_set_object (&self->last, g_ptr_array_index (meetings, meetings->len - 1));

  /* A full page: there may be more. */
  gtk_widget_set_visible (GTK_WIDGET (self->more_button), meetings->len == PAGE_SIZE);

  return TRUE;
}

static void
reload (BmbRelationshipTimelineSection *self)
{
  g_autoptr(GError) error = NULL;
  guint shown = MAX (self->n_meetings, PAGE_SIZE);

  clear_rows (self);

  /* As many as were shown, so that an edit does not fold the list up. */
  while (self->n_meetings < shown)
    {
      guint before = self->n_meetings;

      if (!read_page (self, &error))
        {
          bmb_error_dialog_show (GTK_WIDGET (self), _("Could Not Load the Past Meetings"), error);
          return;
        }
      if (self->n_meetings == before || !gtk_widget_get_visible (GTK_WIDGET (self->more_button)))
        break;
    }
}

static void
on_database_changed_cb (BmbRelationshipTimelineSection *self,
                        guint                           flags)
{
  if (flags & (BMB_CHANGE_SESSIONS | BMB_CHANGE_ACTION_ITEMS))
    reload (self);
}

static void
show_more_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  BmbRelationshipTimelineSection *self = BMB_RELATIONSHIP_TIMELINE_SECTION (widget);
  g_autoptr(GError) error = NULL;

  if (!bmb_relationship_timeline_section_show_more (self, &error))
    bmb_error_dialog_show (widget, _("Could Not Load the Past Meetings"), error);
}

static void
bmb_relationship_timeline_section_dispose (GObject *object)
{
  BmbRelationshipTimelineSection *self = (BmbRelationshipTimelineSection *)object;

  if (self->db != NULL)
    g_signal_handlers_disconnect_by_func (self->db, on_database_changed_cb, self);
  g_clear_object (&self->db);
  g_clear_object (&self->store);
  g_clear_object (&self->last);
  gtk_widget_dispose_template (GTK_WIDGET (self), BMB_TYPE_RELATIONSHIP_TIMELINE_SECTION);

  G_OBJECT_CLASS (bmb_relationship_timeline_section_parent_class)->dispose (object);
}

static void
bmb_relationship_timeline_section_class_init (BmbRelationshipTimelineSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bmb_relationship_timeline_section_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/bmb-relationship-timeline-section.ui");
  gtk_widget_class_bind_template_child (widget_class, BmbRelationshipTimelineSection, list_box);
  gtk_widget_class_bind_template_child (widget_class, BmbRelationshipTimelineSection, more_button);
  gtk_widget_class_install_action (widget_class, "timeline.show-more", NULL, show_more_action);
}

static void
bmb_relationship_timeline_section_init (BmbRelationshipTimelineSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
bmb_relationship_timeline_section_show (BmbRelationshipTimelineSection *self,
                                        BmbMentoringStore              *store,
                                        gint64                          relationship_id)
{
  BmbDatabase *db;

  g_return_if_fail (BMB_IS_RELATIONSHIP_TIMELINE_SECTION (self));
  g_return_if_fail (store == NULL || BMB_IS_MENTORING_STORE (store));

  db = store != NULL ? bmb_mentoring_store_get_database (store) : NULL;
  if (self->db != db)
    {
      if (self->db != NULL)
        g_signal_handlers_disconnect_by_func (self->db, on_database_changed_cb, self);
      g_set_object (&self->db, db);
      if (db != NULL)
        g_signal_connect_object (db, "changed", G_CALLBACK (on_database_changed_cb), self,
                                 G_CONNECT_SWAPPED);
    }

  g_set_object (&self->store, store);
  if (self->relationship_id != relationship_id)
    {
      self->relationship_id = relationship_id;
      clear_rows (self);
    }
  reload (self);
}

gboolean
bmb_relationship_timeline_section_show_more (BmbRelationshipTimelineSection  *self,
                                             GError                         **error)
{
  g_return_val_if_fail (BMB_IS_RELATIONSHIP_TIMELINE_SECTION (self), FALSE);

  return read_page (self, error);
}

guint
bmb_relationship_timeline_section_get_n_meetings (BmbRelationshipTimelineSection *self)
{
  g_return_val_if_fail (BMB_IS_RELATIONSHIP_TIMELINE_SECTION (self), 0);

  return self->n_meetings;
}
