/* bmb-contact-list-item.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The row object of BmbContactListModel: one contact summary with the
 * strings a row shows worked out once (subtitle, follow-up badge). The
 * model makes, registers, caches and refreshes them (see
 * bmb-contact-list-model.c).
 */

#define G_LOG_DOMAIN "bmb-contact-list-item"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-contact-list-item-private.h"
#include "bmb-follow-up.h"
#include "bmb-format.h"

G_DEFINE_FINAL_TYPE (BmbContactListItem, bmb_contact_list_item, G_TYPE_OBJECT)

enum {
  ITEM_PROP_0,
  ITEM_PROP_ID,
  ITEM_PROP_DISPLAY_NAME,
  ITEM_PROP_ORGANIZATION,
  ITEM_PROP_ROLE,
  ITEM_PROP_SUBTITLE,
  ITEM_PROP_INITIALS,
  ITEM_PROP_NEXT_FOLLOW_UP_ON,
  ITEM_PROP_NEEDS_FOLLOW_UP,
  ITEM_PROP_FOLLOW_UP_LABEL,
  ITEM_N_PROPS
};

static GParamSpec *item_properties[ITEM_N_PROPS];

static void
bmb_contact_list_item_finalize (GObject *object)
{
  BmbContactListItem *self = (BmbContactListItem *)object;

  if (self->registry != NULL)
    {
      if (g_hash_table_lookup (self->registry, &self->id) == self)
        g_hash_table_remove (self->registry, &self->id);
      g_clear_pointer (&self->registry, g_hash_table_unref);
    }

  g_free (self->display_name);
  g_free (self->organization);
  g_free (self->role);
  g_free (self->subtitle);
  g_free (self->initials);
  g_free (self->next_follow_up_on);
  g_free (self->follow_up_label);

  G_OBJECT_CLASS (bmb_contact_list_item_parent_class)->finalize (object);
}

static void
bmb_contact_list_item_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  BmbContactListItem *self = BMB_CONTACT_LIST_ITEM (object);

  switch (prop_id)
    {
    case ITEM_PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case ITEM_PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;
    case ITEM_PROP_ORGANIZATION:
      g_value_set_string (value, self->organization);
      break;
    case ITEM_PROP_ROLE:
      g_value_set_string (value, self->role);
      break;
    case ITEM_PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;
    case ITEM_PROP_INITIALS:
      g_value_set_string (value, self->initials);
      break;
    case ITEM_PROP_NEXT_FOLLOW_UP_ON:
      g_value_set_string (value, self->next_follow_up_on);
      break;
    case ITEM_PROP_NEEDS_FOLLOW_UP:
      g_value_set_boolean (value, self->needs_follow_up);
      break;
    case ITEM_PROP_FOLLOW_UP_LABEL:
      g_value_set_string (value, self->follow_up_label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_contact_list_item_class_init (BmbContactListItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = bmb_contact_list_item_finalize;
  object_class->get_property = bmb_contact_list_item_get_property;

  item_properties[ITEM_PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  item_properties[ITEM_PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL, flags);
  item_properties[ITEM_PROP_ORGANIZATION] =
    g_param_spec_string ("organization", NULL, NULL, NULL, flags);
  item_properties[ITEM_PROP_ROLE] =
    g_param_spec_string ("role", NULL, NULL, NULL, flags);
  item_properties[ITEM_PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL, flags);
  item_properties[ITEM_PROP_INITIALS] =
    g_param_spec_string ("initials", NULL, NULL, NULL, flags);
  item_properties[ITEM_PROP_NEXT_FOLLOW_UP_ON] =
    g_param_spec_string ("next-follow-up-on", NULL, NULL, NULL, flags);
  item_properties[ITEM_PROP_NEEDS_FOLLOW_UP] =
    g_param_spec_boolean ("needs-follow-up", NULL, NULL, FALSE, flags);
  item_properties[ITEM_PROP_FOLLOW_UP_LABEL] =
    g_param_spec_string ("follow-up-label", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, ITEM_N_PROPS, item_properties);
}

static void
bmb_contact_list_item_init (BmbContactListItem *self)
{
}

static char *
describe_badge (const char *next_follow_up_on)
{
  GDate due, today;
  int days;

  if (next_follow_up_on == NULL || !bmb_date_parse_iso (next_follow_up_on, &due))
    return NULL;

  bmb_date_get_today (&today);
  days = g_date_days_between (&today, &due);

  if (days == 0)
    /* Translators: a short badge in the contact list: follow up today */
    return g_strdup (C_("follow-up badge", "Today"));
  if (days < 0)
    /* Translators: a short badge in the contact list */
    return g_strdup_printf (ngettext ("%d day overdue", "%d days overdue", -days), -days);
  if (days <= 31)
    /* Translators: a short badge in the contact list: follow up in N days */
    return g_strdup_printf (ngettext ("In %d day", "In %d days", days), days);

  {
    g_autoptr(GDateTime) dt = g_date_time_new_local (g_date_get_year (&due),
                                                     g_date_get_month (&due),
                                                     g_date_get_day (&due), 12, 0, 0);

    return bmb_format_short_date (dt, g_date_get_year (&due) != g_date_get_year (&today));
  }
}

static char *
make_subtitle (const char *role,
               const char *organization)
{
  gboolean has_role = role != NULL && *role != '\0';
  gboolean has_org = organization != NULL && *organization != '\0';

  if (has_role && has_org)
    /* Translators: "Role, Organization" under a contact's name, e.g. "Mentor, Telkom Indonesia" */
    return g_strdup_printf (C_("contact subtitle", "%s, %s"), role, organization);
  if (has_role)
    return g_strdup (role);
  if (has_org)
    return g_strdup (organization);

  return NULL;
}

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

void
_bmb_contact_list_item_apply_summary (BmbContactListItem      *self,
                                      const BmbContactSummary *summary,
                                      gboolean                 notify)
{
  g_autofree char *subtitle = make_subtitle (summary->role, summary->organization);
  g_autofree char *badge = describe_badge (summary->next_follow_up_on);
  GObject *object = G_OBJECT (self);

  g_object_freeze_notify (object);

#define APPLY(field, value, prop) \
  if (set_string (&self->field, value) && notify) \
    g_object_notify_by_pspec (object, item_properties[prop])

  APPLY (display_name, summary->display_name, ITEM_PROP_DISPLAY_NAME);
  APPLY (organization, summary->organization, ITEM_PROP_ORGANIZATION);
  APPLY (role, summary->role, ITEM_PROP_ROLE);
  APPLY (subtitle, subtitle, ITEM_PROP_SUBTITLE);
  APPLY (initials, summary->initials, ITEM_PROP_INITIALS);
  APPLY (next_follow_up_on, summary->next_follow_up_on, ITEM_PROP_NEXT_FOLLOW_UP_ON);
  APPLY (follow_up_label, badge, ITEM_PROP_FOLLOW_UP_LABEL);

#undef APPLY

  if (self->needs_follow_up != summary->needs_follow_up)
    {
      self->needs_follow_up = summary->needs_follow_up;
      if (notify)
        g_object_notify_by_pspec (object, item_properties[ITEM_PROP_NEEDS_FOLLOW_UP]);
    }

  g_object_thaw_notify (object);
}

gint64
bmb_contact_list_item_get_id (BmbContactListItem *self)
{
  g_return_val_if_fail (BMB_IS_CONTACT_LIST_ITEM (self), 0);
  return self->id;
}

const char *
bmb_contact_list_item_get_display_name (BmbContactListItem *self)
{
  g_return_val_if_fail (BMB_IS_CONTACT_LIST_ITEM (self), NULL);
  return self->display_name;
}

const char *
bmb_contact_list_item_get_organization (BmbContactListItem *self)
{
  g_return_val_if_fail (BMB_IS_CONTACT_LIST_ITEM (self), NULL);
  return self->organization;
}

const char *
bmb_contact_list_item_get_role (BmbContactListItem *self)
{
  g_return_val_if_fail (BMB_IS_CONTACT_LIST_ITEM (self), NULL);
  return self->role;
}

const char *
bmb_contact_list_item_get_subtitle (BmbContactListItem *self)
{
  g_return_val_if_fail (BMB_IS_CONTACT_LIST_ITEM (self), NULL);
  return self->subtitle;
}

const char *
bmb_contact_list_item_get_initials (BmbContactListItem *self)
{
  g_return_val_if_fail (BMB_IS_CONTACT_LIST_ITEM (self), NULL);
  return self->initials;
}

const char *
bmb_contact_list_item_get_next_follow_up_on (BmbContactListItem *self)
{
  g_return_val_if_fail (BMB_IS_CONTACT_LIST_ITEM (self), NULL);
  return self->next_follow_up_on;
}

gboolean
bmb_contact_list_item_get_needs_follow_up (BmbContactListItem *self)
{
  g_return_val_if_fail (BMB_IS_CONTACT_LIST_ITEM (self), FALSE);
  return self->needs_follow_up;
}

const char *
bmb_contact_list_item_get_follow_up_label (BmbContactListItem *self)
{
  g_return_val_if_fail (BMB_IS_CONTACT_LIST_ITEM (self), NULL);
  return self->follow_up_label;
}
