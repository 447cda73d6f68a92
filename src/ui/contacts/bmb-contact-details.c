/* bmb-contact-details.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-contact-details"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-local-time.h"
#include "bmb-contact-details.h"
#include "bmb-contact-details-private.h"
#include "bmb-contact-editor.h"
#include "bmb-contacts-page.h"
#include "bmb-follow-up.h"
#include "bmb-follow-up-dialog.h"
#include "bmb-format.h"
#include "bmb-mentoring-store.h"


G_DEFINE_FINAL_TYPE (BmbContactDetails, bmb_contact_details, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CONTACT_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- helpers ------------------------------------------------------------- */

char *
bmb_contact_details_format_date (const char *iso)
{
  char *text;

  if (iso == NULL)
    return NULL;

  text = bmb_format_iso_date (iso);

  return text != NULL ? text : g_strdup (iso);
}

gboolean
_bmb_contact_details_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (; *text; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;

  return TRUE;
}

/* Sets a property row's value and hides it when there is none. */
static gboolean
set_row (AdwActionRow *row,
         const char   *value)
{
  gboolean visible = !_bmb_contact_details_is_blank (value);

  gtk_widget_set_visible (GTK_WIDGET (row), visible);
  adw_action_row_set_subtitle (row, visible ? value : "");

  return visible;
}

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static const char *
uri_scheme_for (BmbContactFieldKind kind)
{
  switch (kind)
    {
    case BMB_CONTACT_FIELD_EMAIL:
      return "mailto:";
    case BMB_CONTACT_FIELD_PHONE:
      return "tel:";
    case BMB_CONTACT_FIELD_URL:
    default:
      return "";
    }
}

static const char *
icon_for (BmbContactFieldKind kind)
{
  switch (kind)
    {
    case BMB_CONTACT_FIELD_EMAIL:
      return "mail-unread-symbolic";
    case BMB_CONTACT_FIELD_PHONE:
      return "call-start-symbolic";
    case BMB_CONTACT_FIELD_URL:
    default:
      return "web-browser-symbolic";
    }
}

static void
on_open_clicked_cb (GtkButton *button,
                    gpointer   user_data)
{
  const char *uri = gtk_widget_get_name (GTK_WIDGET (button));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (button));

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

static GtkWidget *
make_field_row (const BmbContactField *field)
{
  BmbContactFieldKind kind = bmb_contact_field_get_kind (field);
  const char *label = bmb_contact_field_get_label (field);
  const char *value = bmb_contact_field_get_value (field);
  g_autofree char *uri = NULL;
  g_autofree char *tooltip = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), value);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (!_bmb_contact_details_is_blank (label))
    /* Translators: under an email address or phone number: "Email · Work" */
    subtitle = g_strdup_printf (C_("contact field", "%s · %s"),
                                bmb_contact_field_kind_get_label (kind),
                                bmb_contact_field_label_to_display (label));
  else
    subtitle = g_strdup (bmb_contact_field_kind_get_label (kind));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (row, "property");

  uri = g_strconcat (uri_scheme_for (kind), value, NULL);
  button = gtk_button_new_from_icon_name (icon_for (kind));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  /* The uri travels in the widget name: no data on the widget. */
  gtk_widget_set_name (button, uri);
  switch (kind)
    {
    case BMB_CONTACT_FIELD_EMAIL:
      tooltip = g_strdup_printf (_("Write to %s"), value);
      break;
    case BMB_CONTACT_FIELD_PHONE:
      tooltip = g_strdup_printf (_("Call %s"), value);
      break;
    case BMB_CONTACT_FIELD_URL:
    default:
      tooltip = g_strdup_printf (_("Open %s"), value);
      break;
    }
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  g_signal_connect (button, "clicked", G_CALLBACK (on_open_clicked_cb), NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

/* ---- filling in ---------------------------------------------------------- */

static void
fill_tags (BmbContactDetails *self)
{
  const char * const *tags = bmb_contact_get_tags (self->contact);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tags_box))))
    gtk_flow_box_remove (self->tags_box, child);

  for (guint i = 0; tags[i] != NULL; i++)
    {
      GtkWidget *button = gtk_button_new_with_label (tags[i]);
      g_autofree char *tooltip = g_strdup_printf (_("Show contacts tagged “%s”"), tags[i]);

      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "contacts.tag");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", tags[i]);
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_flow_box_append (self->tags_box, button);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->tags_group), tags[0] != NULL);
}

static void
fill_reach (BmbContactDetails *self)
{
  GPtrArray *fields = bmb_contact_get_fields (self->contact);

  clear_rows (self->reach_group, self->reach_rows);

  for (guint i = 0; i < fields->len; i++)
    {
      GtkWidget *row = make_field_row (g_ptr_array_index (fields, i));

      adw_preferences_group_add (self->reach_group, row);
      g_ptr_array_add (self->reach_rows, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->reach_group),
                          fields->len > 0 || gtk_widget_get_visible (GTK_WIDGET (self->birthday_row)));
}

/* "March 12, 1990", or "March 12" for a birthday without a year (--MM-DD), in the
 * language's order (bmb-format.h). */
static char *
format_birthday (const char *birthday)
{
  g_autofree char *in_2000 = NULL;
  g_autoptr(GDateTime) date = NULL;

  if (birthday == NULL || !g_str_has_prefix (birthday, "--"))
    return bmb_contact_details_format_date (birthday);

  /* 2000 is a leap year, so 29 February reads too. */
  in_2000 = g_strconcat ("2000", birthday + 1, NULL);
  if (!(date = bmb_local_date_to_date_time (in_2000, NULL, 12)))
    return g_strdup (birthday);

  return bmb_format_day_month (date);
}

static void
fill_birthday (BmbContactDetails *self)
{
  g_autofree char *birthday = format_birthday (bmb_contact_get_birthday (self->contact));

  /* As the addresses above it: the value is the title, its kind below. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->birthday_row),
                                 birthday ? birthday : "");
  gtk_widget_set_visible (GTK_WIDGET (self->birthday_row), birthday != NULL);
}

/* The one-off follow-up: what to do as the title, its date below. */
static void
fill_one_off (BmbContactDetails *self)
{
  const char *due_on = bmb_contact_get_follow_up_on (self->contact);
  const char *note = bmb_contact_get_follow_up_note (self->contact);
  g_autofree char *date = bmb_contact_details_format_date (due_on);
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->follow_up_row), FALSE);
  if (due_on == NULL)
    {
      /* Translators: a one-off follow-up with a date, e.g. "send my portfolio by Friday" */
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->follow_up_row),
                                     _("Follow Up Once"));
      /* Translators: there is no one-off follow-up */
      adw_action_row_set_subtitle (self->follow_up_row, _("None"));
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->follow_up_row),
                                     !_bmb_contact_details_is_blank (note) ? note
                                                                           : _("Follow Up"));
      /* Translators: when a one-off follow-up is due, e.g. "By 12 March 2026" */
      subtitle = g_strdup_printf (_("By %s"), date);
      adw_action_row_set_subtitle (self->follow_up_row, subtitle);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->follow_up_done_button), due_on != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "details.follow-up-done", due_on != NULL);
}

static void
fill_met (BmbContactDetails *self)
{
  g_autofree char *met_on = bmb_contact_details_format_date (bmb_contact_get_met_on (self->contact));
  gint64 introducer_id = bmb_contact_get_introduced_by (self->contact);
  g_autoptr(BmbContact) introducer = NULL;
  gboolean any = FALSE;

  any |= set_row (self->met_event_row, bmb_contact_get_met_event (self->contact));
  any |= set_row (self->met_where_row, bmb_contact_get_met_where (self->contact));
  any |= set_row (self->met_on_row, met_on);

  if (introducer_id != 0)
    introducer = bmb_contact_store_get (self->store, introducer_id, NULL);
  any |= set_row (self->introduced_by_row,
                  introducer ? bmb_contact_get_display_name (introducer) : NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->met_group), any);
}

static void
fill_touch (BmbContactDetails *self)
{
  g_autofree char *interval = NULL;
  g_autofree char *last = NULL;
  g_autofree char *next = NULL;
  g_autofree char *due = NULL;
  const char *next_on = bmb_contact_get_next_follow_up_on (self->contact);
  GDate today;

  bmb_date_get_today (&today);

  interval = bmb_follow_up_describe_interval (bmb_contact_get_keep_in_touch_count (self->contact),
                                              bmb_contact_get_keep_in_touch_unit (self->contact));
  if (interval == NULL)
    /* Translators: the contact has no stay-in-touch interval */
    interval = g_strdup (_("Not set"));
  set_row (self->interval_row, interval);

  /* The row's title says "Last Contact": the value is the date alone. */
  last = bmb_contact_details_format_date (bmb_contact_get_last_contact_on (self->contact));
  set_row (self->last_contact_row, last ? last : _("No contact logged yet"));
  fill_one_off (self);

  next = bmb_contact_details_format_date (next_on);
  set_row (self->next_follow_up_row, next);

  /* The status under the name: when to follow up, or when we last spoke. */
  if (next_on != NULL)
    {
      due = bmb_follow_up_describe_due (next_on, &today);
      gtk_label_set_label (self->follow_up_label, due);
      gtk_widget_set_visible (GTK_WIDGET (self->follow_up_label), TRUE);
      if (bmb_follow_up_is_due (next_on, &today))
        gtk_widget_add_css_class (GTK_WIDGET (self->follow_up_label), "overdue");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->follow_up_label), "overdue");
    }
  else
    {
      gtk_label_set_label (self->follow_up_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->follow_up_label), FALSE);
    }
}

static void
fill_header (BmbContactDetails *self)
{
  const char *name = bmb_contact_get_display_name (self->contact);
  const char *role = bmb_contact_get_role (self->contact);
  const char *org = bmb_contact_get_organization (self->contact);
  g_autofree char *subtitle = NULL;

  adw_avatar_set_text (self->avatar, name);
  gtk_label_set_label (self->name_label, name);

  if (!_bmb_contact_details_is_blank (role) && !_bmb_contact_details_is_blank (org))
    subtitle = g_strdup_printf (C_("contact subtitle", "%s, %s"), role, org);
  else if (!_bmb_contact_details_is_blank (role))
    subtitle = g_strdup (role);
  else if (!_bmb_contact_details_is_blank (org))
    subtitle = g_strdup (org);

  gtk_label_set_label (self->subtitle_label, subtitle ? subtitle : "");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), subtitle != NULL);
}

static void
fill_notes (BmbContactDetails *self)
{
  const char *notes = bmb_contact_get_notes (self->contact);

  gtk_label_set_label (self->notes_label, notes ? notes : "");
  gtk_widget_set_visible (GTK_WIDGET (self->notes_group), !_bmb_contact_details_is_blank (notes));
}

static GtkWidget *
add_mentoring_row (BmbContactDetails *self,
                   const char        *title,
                   const char        *subtitle,
                   const char        *icon_name)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (icon_name != NULL)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

      gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                      -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }

  adw_preferences_group_add (self->mentoring_group, row);
  g_ptr_array_add (self->mentoring_rows, row);

  return row;
}

/* Who this contact is to you in @relationship: "Your mentor", "Mentee of
 * Budi Santoso"… */
static char *
describe_role (BmbRelationship *relationship,
               gint64           contact_id)
{
  if (bmb_relationship_get_mentor_id (relationship) == contact_id)
    {
      const char *mentee = bmb_relationship_get_mentee_name (relationship);

      if (bmb_relationship_get_mentee_id (relationship) == 0 || mentee == NULL)
        return g_strdup (_("Your mentor"));
      /* Translators: this contact mentors someone else, e.g. "Mentor of Budi Santoso" */
      return g_strdup_printf (_("Mentor of %s"), mentee);
    }
  else
    {
      const char *mentor = bmb_relationship_get_mentor_name (relationship);

      if (bmb_relationship_get_mentor_id (relationship) == 0 || mentor == NULL)
        return g_strdup (_("Your mentee"));
      /* Translators: someone else mentors this contact, e.g. "Mentee of Siti Rahayu" */
      return g_strdup_printf (_("Mentee of %s"), mentor);
    }
}

/* The mentoring link: each relationship this contact is in, its next
 * session and its open action items, from the mentoring store. */
static gboolean
fill_mentoring (BmbContactDetails  *self,
                GError            **error)
{
  g_autoptr(GPtrArray) relationships = NULL;
  g_autoptr(GDateTime) now = bmb_date_time_new_now_local ();

  /* Given by the page, from the context; without it there is no mentoring link to show. */
  if (self->mentoring == NULL)
    return TRUE;

  relationships = bmb_mentoring_store_list_relationships_for_contact (self->mentoring,
                                                                      self->contact_id, error);
  if (relationships == NULL)
    return FALSE;

  for (guint i = 0; i < relationships->len; i++)
    {
      BmbRelationship *relationship = g_ptr_array_index (relationships, i);
      gint64 id = bmb_relationship_get_id (relationship);
      g_autofree char *role = describe_role (relationship, self->contact_id);
      g_autofree char *subtitle = NULL;
      g_autoptr(BmbOccurrence) next = NULL;
      g_autoptr(GPtrArray) items = NULL;
      const char *title = bmb_relationship_get_title (relationship);
      const char *ended_on = bmb_relationship_get_ended_on (relationship);

      if (ended_on != NULL)
        {
          g_autofree char *ended = bmb_contact_details_format_date (ended_on);

          /* Translators: a mentoring relationship that is over, "Ended on 12 March 2026" */
          subtitle = g_strdup_printf (_("Ended on %s"), ended);
        }
      else if (title != NULL && *title != '\0')
        {
          /* Translators: a mentoring relationship's title and its phase, "Karier UX · Enabling" */
          subtitle = g_strdup_printf (C_("relationship", "%s · %s"), title,
                                      bmb_relationship_phase_get_label (
                                        bmb_relationship_get_phase (relationship)));
        }
      else
        {
          subtitle = g_strdup (bmb_relationship_phase_get_label (
                                 bmb_relationship_get_phase (relationship)));
        }
      add_mentoring_row (self, role, subtitle, "system-users-symbolic");

      if (ended_on != NULL)
        continue;

      next = bmb_mentoring_store_get_next_occurrence (self->mentoring, id, now, NULL);
      if (next != NULL)
        {
          g_autoptr(GDateTime) start = g_date_time_to_local (bmb_occurrence_get_start (next));
          g_autofree char *when = bmb_format_date_time (start);
          g_autofree char *next_subtitle = g_strdup_printf (C_("relationship", "%s · %s"),
                                                            bmb_occurrence_get_title (next),
                                                            when);

          add_mentoring_row (self, _("Next Session"), next_subtitle,
                             "x-office-calendar-symbolic");
        }

      items = bmb_mentoring_store_list_open_action_items (self->mentoring, id, NULL);
      for (guint j = 0; items != NULL && j < items->len && j < 10; j++)
        {
          BmbActionItem *item = g_ptr_array_index (items, j);
          const char *owner = bmb_action_owner_get_label (bmb_action_item_get_owner (item));
          g_autofree char *due = bmb_contact_details_format_date (bmb_action_item_get_due_on (item));
          g_autofree char *item_subtitle = NULL;

          if (due != NULL)
            /* Translators: under an open action item: who does it and by when, "Mentee · due 12 March 2026" */
            item_subtitle = g_strdup_printf (_("%s · due %s"), owner, due);
          else
            item_subtitle = g_strdup (owner);

          add_mentoring_row (self, bmb_action_item_get_text (item), item_subtitle,
                             "checkbox-symbolic");
        }
    }

  gtk_widget_set_visible (GTK_WIDGET (self->mentoring_group), relationships->len > 0);

  return TRUE;
}

static gboolean
load (BmbContactDetails  *self,
      GError            **error)
{
  g_autoptr(BmbContact) contact = NULL;
  g_autoptr(GPtrArray) interactions = NULL;

  clear_rows (self->mentoring_group, self->mentoring_rows);
  gtk_widget_set_visible (GTK_WIDGET (self->mentoring_group), FALSE);

  if (self->store == NULL || self->contact_id == 0)
    {
      g_clear_object (&self->contact);
      g_list_store_remove_all (self->interactions);
      return TRUE;
    }

  if (!(contact = bmb_contact_store_get (self->store, self->contact_id, error)))
    return FALSE;
  if (!(interactions = bmb_contact_store_list_interactions (self->store, self->contact_id, error)))
    return FALSE;

  g_set_object (&self->contact, contact);

  fill_header (self);
  fill_birthday (self);
  fill_reach (self);
  fill_met (self);
  fill_touch (self);
  fill_tags (self);
  fill_notes (self);

  g_list_store_splice (self->interactions, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->interactions)),
                       interactions->pdata, interactions->len);

  /* The mentoring link is best effort: a failure there must not hide the
   * contact itself. */
  {
    g_autoptr(GError) mentoring_error = NULL;

    if (!fill_mentoring (self, &mentoring_error))
      g_debug ("Could not load the mentoring link: %s", mentoring_error->message);
  }

  return TRUE;
}

/* ---- callbacks ----------------------------------------------------------- */

static void
details_follow_up_set_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *param)
{
  BmbContactDetails *self = BMB_CONTACT_DETAILS (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  if (self->contact == NULL || self->store == NULL)
    return;

  dialog = bmb_follow_up_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                     self->store, self->contact);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
details_follow_up_done_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *param)
{
  BmbContactDetails *self = BMB_CONTACT_DETAILS (widget);
  g_autoptr(GError) error = NULL;

  if (self->contact == NULL || self->store == NULL)
    return;

  if (!bmb_contact_store_complete_follow_up (self->store, self->contact_id, &error))
    bmb_contacts_show_error (widget, _("Could Not Mark the Follow-Up as Done"), error);
}

static void
on_introduced_by_activated_cb (BmbContactDetails *self)
{
  gint64 id;

  if (self->contact == NULL || (id = bmb_contact_get_introduced_by (self->contact)) == 0)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "contacts.show", "x", id);
}

/* ---- GObject ------------------------------------------------------------- */

static void
bmb_contact_details_dispose (GObject *object)
{
  BmbContactDetails *self = (BmbContactDetails *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), BMB_TYPE_CONTACT_DETAILS);

  g_clear_object (&self->store);
  g_clear_object (&self->mentoring);
  g_clear_object (&self->contact);
  g_clear_object (&self->interactions);
  g_clear_pointer (&self->reach_rows, g_ptr_array_unref);
  g_clear_pointer (&self->mentoring_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (bmb_contact_details_parent_class)->dispose (object);
}

static void
bmb_contact_details_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  BmbContactDetails *self = BMB_CONTACT_DETAILS (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CONTACT_ID:
      g_value_set_int64 (value, self->contact_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_contact_details_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  BmbContactDetails *self = BMB_CONTACT_DETAILS (object);

  switch (prop_id)
    {
    case PROP_STORE:
      bmb_contact_details_set_store (self, g_value_get_object (value));
      break;
    case PROP_CONTACT_ID:
      bmb_contact_details_set_contact_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_contact_details_class_init (BmbContactDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bmb_contact_details_dispose;
  object_class->get_property = bmb_contact_details_get_property;
  object_class->set_property = bmb_contact_details_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, BMB_TYPE_CONTACT_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTACT_ID] =
    g_param_spec_int64 ("contact-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/bmb-contact-details.ui");
  gtk_widget_class_bind_template_child (widget_class, BmbContactDetails, scroller);
  gtk_widget_class_bind_template_child (widget_class, BmbContactDetails, avatar);
  gtk_widget_class_bind_template_child (widget_class, BmbContactDetails, name_label);
  gtk_widget_class_bind_template_child (widget_class, BmbContactDetails, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, BmbContactDetails, follow_up_label);
  gtk_widget_class_bind_template_child (widget_class, BmbContactDetails, reach_group);
  gtk_widget_class_bind_template_child (widget_class, BmbContactDetails, met_group);
  gtk_widget_class_bind_template_child (widget_class, BmbContactDetails, met_event_row);
  gtk_widget_class_bind_template_child (widget_class, BmbContactDetails, met_where_row);
  gtk_widget_class_bind_template_child (widget_class, BmbContactDetails, met_on_row);
  gtk_widget_class_bind_template_child (widget_class, BmbContactDetails, introduced_by_row);
  gtk_widget_class_bind_template_child (widget_class, BmbContactDetails, touch_group);
  gtk_widget_class_bind_template_child (widget_class, BmbContactDetails, interval_row);
  gtk_widget_class_bind_template_child (widget_class, BmbContactDetails, last_contact_row);
  gtk_widget_class_bind_template_child (widget_class, BmbContactDetails, next_follow_up_row);
  gtk_widget_class_bind_template_child (widget_class, BmbContactDetails, tags_group);
  gtk_widget_class_bind_template_child (widget_class, BmbContactDetails, tags_box);
  gtk_widget_class_bind_template_child (widget_class, BmbContactDetails, notes_group);
  gtk_widget_class_bind_template_child (widget_class, BmbContactDetails, notes_label);
  gtk_widget_class_bind_template_child (widget_class, BmbContactDetails, mentoring_group);
  gtk_widget_class_bind_template_child (widget_class, BmbContactDetails, interactions_list);
  gtk_widget_class_bind_template_child (widget_class, BmbContactDetails, birthday_row);
  gtk_widget_class_bind_template_child (widget_class, BmbContactDetails, follow_up_row);
  gtk_widget_class_bind_template_child (widget_class, BmbContactDetails, follow_up_done_button);
  gtk_widget_class_bind_template_callback (widget_class, on_introduced_by_activated_cb);

  gtk_widget_class_install_action (widget_class, "details.follow-up-set", NULL,
                                   details_follow_up_set_action);
  gtk_widget_class_install_action (widget_class, "details.follow-up-done", NULL,
                                   details_follow_up_done_action);
}

static void
bmb_contact_details_init (BmbContactDetails *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->interactions = g_list_store_new (BMB_TYPE_INTERACTION);
  self->reach_rows = g_ptr_array_new ();
  self->mentoring_rows = g_ptr_array_new ();

  gtk_list_box_bind_model (self->interactions_list, G_LIST_MODEL (self->interactions),
                           _bmb_contact_details_create_interaction_row, self, NULL);
}

/* ---- public API ---------------------------------------------------------- */

BmbContactStore *
bmb_contact_details_get_store (BmbContactDetails *self)
{
  g_return_val_if_fail (BMB_IS_CONTACT_DETAILS (self), NULL);

  return self->store;
}

void
bmb_contact_details_set_mentoring_store (BmbContactDetails *self,
                                         BmbMentoringStore *mentoring)
{
  g_return_if_fail (BMB_IS_CONTACT_DETAILS (self));
  g_return_if_fail (mentoring == NULL || BMB_IS_MENTORING_STORE (mentoring));

  g_set_object (&self->mentoring, mentoring);
}

void
bmb_contact_details_set_store (BmbContactDetails *self,
                               BmbContactStore   *store)
{
  g_return_if_fail (BMB_IS_CONTACT_DETAILS (self));
  g_return_if_fail (store == NULL || BMB_IS_CONTACT_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  g_clear_object (&self->mentoring);
  self->contact_id = 0;
  load (self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

void
bmb_contact_details_set_contact_id (BmbContactDetails *self,
                                    gint64             contact_id)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (BMB_IS_CONTACT_DETAILS (self));

  if (self->contact_id == contact_id)
    return;

  self->contact_id = contact_id;
  if (!load (self, &error))
    bmb_contacts_show_error (GTK_WIDGET (self), _("Could Not Show the Contact"), error);

  /* A new person starts at the top. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller)), 0);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTACT_ID]);
}

gint64
bmb_contact_details_get_contact_id (BmbContactDetails *self)
{
  g_return_val_if_fail (BMB_IS_CONTACT_DETAILS (self), 0);

  return self->contact_id;
}

BmbContact *
bmb_contact_details_get_contact (BmbContactDetails *self)
{
  g_return_val_if_fail (BMB_IS_CONTACT_DETAILS (self), NULL);

  return self->contact;
}

gboolean
bmb_contact_details_reload (BmbContactDetails  *self,
                            GError            **error)
{
  g_return_val_if_fail (BMB_IS_CONTACT_DETAILS (self), FALSE);

  return load (self, error);
}
