/* bmb-session-summary-section.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the session is: its title, the relationship it belongs to, where it
 * happens (a place or a video link) and, for an existing occurrence, whether
 * it is planned, done or cancelled.
 */

#define G_LOG_DOMAIN "bmb-session-summary-section"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-session-summary-section.h"

struct _BmbSessionSummarySection
{
  AdwPreferencesGroup  parent_instance;

  /* template widgets */
  AdwEntryRow         *title_row;
  AdwComboRow         *relationship_row;
  GtkStringList       *relationship_list;
  AdwEntryRow         *location_row;
  AdwComboRow         *status_row;
  GtkStringList       *status_list;
  GtkLabel            *title_error_label;

  /* state */
  GArray              *relationship_ids;  /* gint64, parallel to relationship_list */
  gint64               default_relationship_id;
  guint                loading : 1;
  guint                title_touched : 1;
};

static void section_iface_init (BmbSessionEditorSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BmbSessionSummarySection, bmb_session_summary_section,
                               ADW_TYPE_PREFERENCES_GROUP,
                               G_IMPLEMENT_INTERFACE (BMB_TYPE_SESSION_EDITOR_SECTION,
                                                      section_iface_init))

static const BmbSessionStatus statuses[] = {
  BMB_SESSION_STATUS_PLANNED,
  BMB_SESSION_STATUS_DONE,
  BMB_SESSION_STATUS_CANCELLED,
};

static char *
dup_stripped_text (AdwEntryRow *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  return g_strstrip (g_strdup (text != NULL ? text : ""));
}

static gboolean
title_is_valid (BmbSessionSummarySection *self)
{
  g_autofree char *title = dup_stripped_text (self->title_row);

  return title[0] != '\0';
}

static void
update_validation (BmbSessionSummarySection *self)
{
  gboolean show_error = self->title_touched && !title_is_valid (self);

  gtk_widget_set_visible (GTK_WIDGET (self->title_error_label), show_error);
  if (show_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->title_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->title_row), "error");
}

static void
select_relationship (BmbSessionSummarySection *self,
                     gint64                    relationship_id)
{
  for (guint i = 0; i < self->relationship_ids->len; i++)
    {
      if (g_array_index (self->relationship_ids, gint64, i) == relationship_id)
        {
          adw_combo_row_set_selected (self->relationship_row, i);
          return;
        }
    }

  adw_combo_row_set_selected (self->relationship_row, 0);
}

static void
fill_relationships (BmbSessionSummarySection *self,
                    BmbMentoringStore        *store,
                    gint64                    keep_id)
{
  g_autoptr(GPtrArray) relationships = NULL;
  g_autoptr(GError) error = NULL;
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->relationship_list));
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  gint64 none = 0;

  g_array_set_size (self->relationship_ids, 0);
  /* Translators: a session that belongs to no mentoring relationship */
  g_ptr_array_add (titles, g_strdup (C_("relationship", "None")));
  g_array_append_val (self->relationship_ids, none);

  relationships = bmb_mentoring_store_list_relationships (store, &error);
  if (relationships == NULL)
    g_debug ("Could not list relationships: %s", error->message);

  for (guint i = 0; relationships != NULL && i < relationships->len; i++)
    {
      BmbRelationship *relationship = g_ptr_array_index (relationships, i);
      gint64 id = bmb_relationship_get_id (relationship);

      /* Ended relationships only stay on offer for their own sessions. */
      if (bmb_relationship_is_ended (relationship) && id != keep_id)
        continue;

      g_ptr_array_add (titles, bmb_relationship_dup_display_title (relationship));
      g_array_append_val (self->relationship_ids, id);
    }
  g_ptr_array_add (titles, NULL);

  gtk_string_list_splice (self->relationship_list, 0, n_old,
                          (const char * const *)titles->pdata);
  /* Without relationships there is nothing to choose. */
  gtk_widget_set_visible (GTK_WIDGET (self->relationship_row), self->relationship_ids->len > 1);
}

static void
on_title_row_changed_cb (BmbSessionSummarySection *self)
{
  if (self->loading)
    return;

  self->title_touched = TRUE;
  update_validation (self);
  bmb_session_editor_section_changed (BMB_SESSION_EDITOR_SECTION (self));
}

static void
on_row_changed_cb (BmbSessionSummarySection *self)
{
  if (self->loading)
    return;

  bmb_session_editor_section_changed (BMB_SESSION_EDITOR_SECTION (self));
}

static void
bmb_session_summary_section_load (BmbSessionEditorSection *section,
                                  BmbMentoringStore       *store,
                                  BmbSession              *session,
                                  BmbOccurrence           *occurrence)
{
  BmbSessionSummarySection *self = BMB_SESSION_SUMMARY_SECTION (section);
  const char *title, *location;
  BmbSessionStatus status;
  gint64 relationship_id;

  if (occurrence != NULL)
    {
      title = bmb_occurrence_get_title (occurrence);
      location = bmb_occurrence_get_location (occurrence);
      status = bmb_occurrence_get_status (occurrence);
    }
  else
    {
      title = bmb_session_get_title (session);
      location = bmb_session_get_location (session);
      status = bmb_session_get_status (session);
    }

  relationship_id = bmb_session_get_relationship_id (session);
  if (bmb_session_get_id (session) == 0 && relationship_id == 0)
    relationship_id = self->default_relationship_id;

  self->loading = TRUE;
  self->title_touched = FALSE;

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), title != NULL ? title : "");
  gtk_editable_set_text (GTK_EDITABLE (self->location_row), location != NULL ? location : "");
  fill_relationships (self, store, relationship_id);
  select_relationship (self, relationship_id);

  /* A session that does not exist yet is planned by definition. */
  gtk_widget_set_visible (GTK_WIDGET (self->status_row), bmb_session_get_id (session) != 0);
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      if (statuses[i] == status)
        adw_combo_row_set_selected (self->status_row, i);
    }

  self->loading = FALSE;
  update_validation (self);
}

static BmbSessionStatus
get_status (BmbSessionSummarySection *self)
{
  guint selected = adw_combo_row_get_selected (self->status_row);

  if (selected >= G_N_ELEMENTS (statuses))
    return BMB_SESSION_STATUS_PLANNED;

  return statuses[selected];
}

static void
bmb_session_summary_section_apply (BmbSessionEditorSection *section,
                                   BmbSession              *session)
{
  BmbSessionSummarySection *self = BMB_SESSION_SUMMARY_SECTION (section);
  g_autofree char *title = dup_stripped_text (self->title_row);
  g_autofree char *location = dup_stripped_text (self->location_row);
  guint selected = adw_combo_row_get_selected (self->relationship_row);
  gint64 relationship_id = 0;

  if (selected < self->relationship_ids->len)
    relationship_id = g_array_index (self->relationship_ids, gint64, selected);

  bmb_session_set_title (session, title);
  bmb_session_set_location (session, location[0] != '\0' ? location : NULL);
  bmb_session_set_relationship_id (session, relationship_id);
  bmb_session_set_status (session, get_status (self));
}

static void
bmb_session_summary_section_apply_occurrence (BmbSessionEditorSection *section,
                                              BmbOccurrence           *occurrence)
{
  BmbSessionSummarySection *self = BMB_SESSION_SUMMARY_SECTION (section);
  g_autofree char *title = dup_stripped_text (self->title_row);
  g_autofree char *location = dup_stripped_text (self->location_row);

  bmb_occurrence_set_title (occurrence, title);
  bmb_occurrence_set_location (occurrence, location[0] != '\0' ? location : NULL);
  bmb_occurrence_set_status (occurrence, get_status (self));
}

static gboolean
bmb_session_summary_section_is_valid (BmbSessionEditorSection *section)
{
  return title_is_valid (BMB_SESSION_SUMMARY_SECTION (section));
}

/* The status shown is the meeting's (a record's status wins over the
 * occurrence's). */
static void
bmb_session_summary_section_apply_meeting (BmbSessionEditorSection *section,
                                           BmbMeeting              *meeting)
{
  bmb_meeting_set_status (meeting, get_status (BMB_SESSION_SUMMARY_SECTION (section)));
}

static void
section_iface_init (BmbSessionEditorSectionInterface *iface)
{
  iface->load = bmb_session_summary_section_load;
  iface->apply = bmb_session_summary_section_apply;
  iface->apply_occurrence = bmb_session_summary_section_apply_occurrence;
  iface->apply_meeting = bmb_session_summary_section_apply_meeting;
  iface->is_valid = bmb_session_summary_section_is_valid;
}

static void
bmb_session_summary_section_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), BMB_TYPE_SESSION_SUMMARY_SECTION);

  G_OBJECT_CLASS (bmb_session_summary_section_parent_class)->dispose (object);
}

static void
bmb_session_summary_section_finalize (GObject *object)
{
  BmbSessionSummarySection *self = (BmbSessionSummarySection *)object;

  g_clear_pointer (&self->relationship_ids, g_array_unref);

  G_OBJECT_CLASS (bmb_session_summary_section_parent_class)->finalize (object);
}

static gboolean
grab_focus (GtkWidget *widget)
{
  BmbSessionSummarySection *self = BMB_SESSION_SUMMARY_SECTION (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

static void
bmb_session_summary_section_class_init (BmbSessionSummarySectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bmb_session_summary_section_dispose;
  object_class->finalize = bmb_session_summary_section_finalize;

  widget_class->grab_focus = grab_focus;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/bmb-session-summary-section.ui");
  gtk_widget_class_bind_template_child (widget_class, BmbSessionSummarySection, title_row);
  gtk_widget_class_bind_template_child (widget_class, BmbSessionSummarySection, relationship_row);
  gtk_widget_class_bind_template_child (widget_class, BmbSessionSummarySection, relationship_list);
  gtk_widget_class_bind_template_child (widget_class, BmbSessionSummarySection, location_row);
  gtk_widget_class_bind_template_child (widget_class, BmbSessionSummarySection, status_row);
  gtk_widget_class_bind_template_child (widget_class, BmbSessionSummarySection, status_list);
  gtk_widget_class_bind_template_child (widget_class, BmbSessionSummarySection, title_error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_title_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_changed_cb);
}

static void
bmb_session_summary_section_init (BmbSessionSummarySection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->relationship_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    gtk_string_list_append (self->status_list, bmb_session_status_get_label (statuses[i]));
}

void
bmb_session_summary_section_set_default_relationship (BmbSessionSummarySection *self,
                                                      gint64                    relationship_id)
{
  g_return_if_fail (BMB_IS_SESSION_SUMMARY_SECTION (self));

  self->default_relationship_id = relationship_id;
}
