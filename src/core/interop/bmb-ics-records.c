/* bmb-ics-records.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A meeting's record in an iCalendar event, both ways: a DESCRIPTION a
 * phone's calendar shows as it is, and the same parts in X-BIMBING-*
 * properties that an import reads back exactly. And the mentor and mentee
 * as ATTENDEEs (when they have an email) and X-BIMBING-MENTOR / -MENTEE.
 */

#define G_LOG_DOMAIN "bmb-ics"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-ics-private.h"
#include "bmb-mentoring-private.h"

/* ---- Writing -------------------------------------------------------------------- */

static void
append_escaped (GString    *line,
                const char *value)
{
  for (const char *p = value; p != NULL && *p; p++)
    {
      if (*p == '\\' || *p == ',' || *p == ';')
        g_string_append_c (line, '\\');
      if (*p == '\n')
        g_string_append (line, "\\n");
      else if (*p != '\r')
        g_string_append_c (line, *p);
    }
}

/* A parameter value: quoted, without the characters RFC 5545 forbids there. */
static void
append_param (GString    *line,
              const char *name,
              const char *value)
{
  g_string_append_printf (line, ";%s=\"", name);
  for (const char *p = value; *p; p++)
    {
      if (*p != '"' && *p != '\n' && *p != '\r')
        g_string_append_c (line, *p);
    }
  g_string_append_c (line, '"');
}

/* NAME;PARAMS:value, the value escaped as TEXT (libical writes X- values
 * verbatim). @params: NULL-terminated name, value pairs. */
void
_bmb_ics_add_x_with_params (icalcomponent      *event,
                            const char         *name,
                            const char * const *params,
                            const char         *value)
{
  g_autoptr(GString) line = g_string_new (name);
  icalproperty *prop;

  for (guint i = 0; params != NULL && params[i] != NULL && params[i + 1] != NULL; i += 2)
    append_param (line, params[i], params[i + 1]);
  g_string_append_c (line, ':');
  append_escaped (line, value);

  if ((prop = icalproperty_new_from_string (line->str)) != NULL)
    icalcomponent_add_property (event, prop);
  else
    g_debug ("Could not write %s", name);
}

/* The record as a phone shows it: agenda with ticks, notes, outcome, action items. */
char *
_bmb_ics_dup_readable_record (BmbMeeting *meeting)
{
  GListModel *agenda = bmb_meeting_get_agenda (meeting);
  GListModel *actions = bmb_meeting_get_action_items (meeting);
  g_autoptr(GString) out = g_string_new (NULL);

  if (g_list_model_get_n_items (agenda) > 0)
    {
      /* Translators: a heading in a calendar event's description, read on a phone */
      g_string_append_printf (out, "%s\n", _("Agenda"));
      for (guint i = 0; i < g_list_model_get_n_items (agenda); i++)
        {
          g_autoptr(BmbAgendaItem) item = g_list_model_get_item (agenda, i);

          g_string_append_printf (out, "%s %s\n", bmb_agenda_item_get_done (item) ? "☑" : "☐",
                                  bmb_agenda_item_get_text (item));
        }
    }

  if (bmb_meeting_get_notes (meeting) != NULL)
    /* Translators: a heading in a calendar event's description, read on a phone */
    g_string_append_printf (out, "%s%s\n%s\n", out->len ? "\n" : "", _("Notes"),
                            bmb_meeting_get_notes (meeting));

  if (bmb_meeting_get_outcome (meeting) != NULL)
    /* Translators: a heading in a calendar event's description: what came of the meeting */
    g_string_append_printf (out, "%s%s\n%s\n", out->len ? "\n" : "", _("Outcome"),
                            bmb_meeting_get_outcome (meeting));

  if (g_list_model_get_n_items (actions) > 0)
    {
      /* Translators: a heading in a calendar event's description, read on a phone */
      g_string_append_printf (out, "%s%s\n", out->len ? "\n" : "", _("Action Items"));
      for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
        {
          g_autoptr(BmbActionItem) item = g_list_model_get_item (actions, i);
          const char *due = bmb_action_item_get_due_on (item);

          g_string_append_printf (out, "%s %s: %s", bmb_action_item_get_done (item) ? "☑" : "☐",
                                  bmb_action_owner_get_label (bmb_action_item_get_owner (item)),
                                  bmb_action_item_get_text (item));
          if (due != NULL)
            {
              g_string_append_c (out, ' ');
              /* Translators: after an action item in a calendar event; %s is a date, YYYY-MM-DD */
              g_string_append_printf (out, _("(due %s)"), due);
            }
          g_string_append_c (out, '\n');
        }
    }

  if (out->len > 0 && out->str[out->len - 1] == '\n')
    g_string_truncate (out, out->len - 1);

  return out->len > 0 ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

void
_bmb_ics_add_record (icalcomponent *event,
                     BmbMeeting    *meeting)
{
  GListModel *agenda = bmb_meeting_get_agenda (meeting);
  GListModel *actions = bmb_meeting_get_action_items (meeting);

  _bmb_ics_add_x_with_params (event, BMB_ICS_X_RECORD, NULL, "TRUE");

  for (guint i = 0; i < g_list_model_get_n_items (agenda); i++)
    {
      g_autoptr(BmbAgendaItem) item = g_list_model_get_item (agenda, i);
      const char *done[] = { BMB_ICS_PARAM_DONE, "TRUE", NULL };

      _bmb_ics_add_x_with_params (event, BMB_ICS_X_AGENDA,
                                  bmb_agenda_item_get_done (item) ? done : NULL,
                                  bmb_agenda_item_get_text (item));
    }

  if (bmb_meeting_get_notes (meeting) != NULL)
    _bmb_ics_add_x_with_params (event, BMB_ICS_X_NOTES, NULL, bmb_meeting_get_notes (meeting));
  if (bmb_meeting_get_outcome (meeting) != NULL)
    _bmb_ics_add_x_with_params (event, BMB_ICS_X_OUTCOME, NULL, bmb_meeting_get_outcome (meeting));

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(BmbActionItem) item = g_list_model_get_item (actions, i);
      const char *params[7] = { NULL };
      guint n = 0;

      params[n++] = BMB_ICS_PARAM_OWNER;
      params[n++] = bmb_action_owner_to_string (bmb_action_item_get_owner (item));
      if (bmb_action_item_get_done (item))
        {
          params[n++] = BMB_ICS_PARAM_DONE;
          params[n++] = "TRUE";
        }
      if (bmb_action_item_get_due_on (item) != NULL)
        {
          params[n++] = BMB_ICS_PARAM_DUE;
          params[n++] = bmb_action_item_get_due_on (item);
        }
      _bmb_ics_add_x_with_params (event, BMB_ICS_X_ACTION, params, bmb_action_item_get_text (item));
    }
}

/* The mentor and the mentee of a relationship, looked up once per session. */
struct _BmbIcsPartners
{
  char *names[2];   /* mentor, mentee; NULL for "me" */
  char *emails[2];
};

static char *
first_email (BmbDatabase *db,
             gint64       contact_id)
{
  sqlite3_stmt *stmt;
  char *email = NULL;

  stmt = bmb_database_prepare (db,
                               "SELECT value FROM contact_fields WHERE contact_id = ?1 "
                               "AND kind = 'email' ORDER BY preferred DESC, position, id LIMIT 1",
                               NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, contact_id);
  if (bmb_database_step (db, stmt, NULL) == SQLITE_ROW)
    email = bmb_stmt_dup_text (stmt, 0);
  sqlite3_reset (stmt);

  return email;
}

BmbIcsPartners *
_bmb_ics_partners_new (BmbMentoringStore *store,
                       gint64             relationship_id)
{
  BmbDatabase *db = bmb_mentoring_store_get_database (store);
  g_autoptr(BmbRelationship) relationship = NULL;
  BmbIcsPartners *partners = g_new0 (BmbIcsPartners, 1);
  gint64 ids[2];

  if (relationship_id <= 0 ||
      !(relationship = bmb_mentoring_store_get_relationship (store, relationship_id, NULL)))
    return partners;

  ids[0] = bmb_relationship_get_mentor_id (relationship);
  ids[1] = bmb_relationship_get_mentee_id (relationship);
  partners->names[0] = ids[0] ? g_strdup (bmb_relationship_get_mentor_name (relationship)) : NULL;
  partners->names[1] = ids[1] ? g_strdup (bmb_relationship_get_mentee_name (relationship)) : NULL;
  for (guint i = 0; i < 2; i++)
    partners->emails[i] = ids[i] ? first_email (db, ids[i]) : NULL;

  return partners;
}

void
_bmb_ics_partners_free (BmbIcsPartners *partners)
{
  if (partners == NULL)
    return;

  for (guint i = 0; i < 2; i++)
    {
      g_free (partners->names[i]);
      g_free (partners->emails[i]);
    }
  g_free (partners);
}

void
_bmb_ics_add_partners (icalcomponent        *event,
                       const BmbIcsPartners *partners)
{
  static const char * const roles[] = { "mentor", "mentee" };
  static const char * const names[] = { BMB_ICS_X_MENTOR, BMB_ICS_X_MENTEE };

  for (guint i = 0; partners != NULL && i < 2; i++)
    {
      if (partners->names[i] == NULL)
        continue;

      _bmb_ics_add_x_with_params (event, names[i], NULL, partners->names[i]);

      if (partners->emails[i] != NULL)
        {
          g_autoptr(GString) line = g_string_new ("ATTENDEE");
          icalproperty *prop;

          append_param (line, "CN", partners->names[i]);
          g_string_append (line, ";ROLE=REQ-PARTICIPANT");
          append_param (line, BMB_ICS_PARAM_ROLE, roles[i]);
          g_string_append_printf (line, ":mailto:%s", partners->emails[i]);
          if ((prop = icalproperty_new_from_string (line->str)) != NULL)
            icalcomponent_add_property (event, prop);
        }
    }
}

/* ---- Reading -------------------------------------------------------------------- */

static const char *
x_value (icalproperty *prop)
{
  icalvalue *value = icalproperty_get_value (prop);

  if (value != NULL && icalvalue_isa (value) == ICAL_TEXT_VALUE)
    return icalvalue_get_text (value);

  return icalproperty_get_x (prop);
}

static const char *
x_param (icalproperty *prop,
         const char   *name)
{
  for (icalparameter *param = icalproperty_get_first_parameter (prop, ICAL_X_PARAMETER);
       param != NULL;
       param = icalproperty_get_next_parameter (prop, ICAL_X_PARAMETER))
    {
      if (g_ascii_strcasecmp (icalparameter_get_xname (param), name) == 0)
        return icalparameter_get_xvalue (param);
    }

  return NULL;
}

static gboolean
is_x (icalproperty *prop,
      const char   *name)
{
  return g_ascii_strcasecmp (icalproperty_get_x_name (prop), name) == 0;
}

gboolean
_bmb_ics_has_record (icalcomponent *event)
{
  for (icalproperty *prop = icalcomponent_get_first_property (event, ICAL_X_PROPERTY);
       prop != NULL;
       prop = icalcomponent_get_next_property (event, ICAL_X_PROPERTY))
    {
      if (is_x (prop, BMB_ICS_X_RECORD))
        return TRUE;
    }

  return FALSE;
}

void
_bmb_ics_read_record (icalcomponent *event,
                      BmbMeeting    *meeting)
{
  GListStore *agenda = G_LIST_STORE (bmb_meeting_get_agenda (meeting));
  GListStore *actions = G_LIST_STORE (bmb_meeting_get_action_items (meeting));
  const char *notes = NULL;
  const char *outcome = NULL;

  g_list_store_remove_all (agenda);
  g_list_store_remove_all (actions);

  for (icalproperty *prop = icalcomponent_get_first_property (event, ICAL_X_PROPERTY);
       prop != NULL;
       prop = icalcomponent_get_next_property (event, ICAL_X_PROPERTY))
    {
      const char *value = x_value (prop) ? x_value (prop) : "";

      if (is_x (prop, BMB_ICS_X_AGENDA))
        {
          BmbAgendaItem *item = bmb_meeting_append_agenda_item (meeting, value);
          const char *done = x_param (prop, BMB_ICS_PARAM_DONE);

          bmb_agenda_item_set_done (item, done != NULL && g_ascii_strcasecmp (done, "TRUE") == 0);
        }
      else if (is_x (prop, BMB_ICS_X_NOTES))
        notes = value;
      else if (is_x (prop, BMB_ICS_X_OUTCOME))
        outcome = value;
      else if (is_x (prop, BMB_ICS_X_ACTION) && *value != '\0')
        {
          const char *owner_param = x_param (prop, BMB_ICS_PARAM_OWNER);
          const char *done = x_param (prop, BMB_ICS_PARAM_DONE);
          const char *due = x_param (prop, BMB_ICS_PARAM_DUE);
          BmbActionOwner owner = BMB_ACTION_OWNER_MENTEE;
          BmbActionItem *item;

          bmb_action_owner_from_string (owner_param, &owner);
          item = bmb_meeting_append_action_item (meeting, owner, value);
          bmb_action_item_set_done (item, done != NULL && g_ascii_strcasecmp (done, "TRUE") == 0);
          if (due != NULL && bmb_local_date_is_valid (due))
            bmb_action_item_set_due_on (item, due);
        }
    }

  bmb_meeting_set_notes (meeting, notes);
  bmb_meeting_set_outcome (meeting, outcome);
}
