/* bmb-relationship-editor.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bmb-relationship-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "bmb-date-row.h"
#include "bmb-edit-guard.h"
#include "bmb-error-dialog.h"
#include "bmb-format.h"
#include "bmb-local-time.h"
#include "bmb-contact-store.h"
#include "bmb-relationship-editor.h"
#include "bmb-relationship-partners.h"

#define N_KINDS         5
#define MAX_SUGGESTIONS 5

enum {
  SIDE_MENTOR,
  SIDE_MENTEE,
  N_SIDES
};

/* One person of the relationship: a contact picked from the search, or a
 * new name; unused when that side is "me". */
typedef struct
{
  /* template widgets */
  AdwPreferencesGroup *group;
  AdwEntryRow         *row;
  GtkImage            *linked_icon;
  GtkRevealer         *revealer;
  GtkListBox          *suggestions;
  GtkLabel            *hint;

  /* owned */
  GPtrArray           *summaries;    /* BmbContactSummary, parallel to the rows */
  char                *contact_name; /* the picked contact's name */

  /* state */
  gint64               contact_id;   /* 0: a new contact from the typed name */
  gboolean             touched;
} PersonSide;

struct _BmbRelationshipEditor
{
  AdwWindow          parent_instance;

  /* template widgets */
  AdwWindowTitle    *window_title;
  GtkButton         *save_button;
  AdwComboRow       *role_row;
  PersonSide         sides[N_SIDES];
  AdwPreferencesGroup *kind_group;
  AdwEntryRow       *cadence_row;
  AdwEntryRow       *confidentiality_row;
  AdwEntryRow       *duration_row;
  BmbDateRow        *start_row;
  BmbDateRow        *end_row;
  GtkLabel          *dates_error_label;
  AdwEntryRow       *title_row;

  /* borrowed: created in init */
  GtkCheckButton    *kind_checks[N_KINDS];

  /* owned */
  BmbEditGuard      *guard;  /* Discard Changes?, Ctrl+S, drafts */
  BmbMentoringStore *store;
  BmbContactStore   *contact_store;
  BmbRelationship   *relationship;

  /* state */
  gboolean           loading;
};

G_DEFINE_FINAL_TYPE (BmbRelationshipEditor, bmb_relationship_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- Helpers ---------------------------------------------------------------- */

static char *
dup_trimmed (const char *text)
{
  char *copy = g_strstrip (g_strdup (text ? text : ""));

  if (*copy == '\0')
    g_clear_pointer (&copy, g_free);

  return copy;
}

static char *
dup_entry_text (AdwEntryRow *row)
{
  return dup_trimmed (gtk_editable_get_text (GTK_EDITABLE (row)));
}


static BmbRelationshipEditorRole
get_role (BmbRelationshipEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->role_row);

  return selected <= BMB_RELATIONSHIP_EDITOR_ROLE_NEITHER ? selected
                                                          : BMB_RELATIONSHIP_EDITOR_ROLE_MENTEE;
}

/* Whether @side is a contact (not me) under the chosen role. */
static gboolean
side_is_contact (BmbRelationshipEditor *self,
                 guint                  side)
{
  BmbRelationshipEditorRole role = get_role (self);

  if (side == SIDE_MENTOR)
    return role != BMB_RELATIONSHIP_EDITOR_ROLE_MENTOR;
  return role != BMB_RELATIONSHIP_EDITOR_ROLE_MENTEE;
}

static BmbRelationshipKind
get_kind (BmbRelationshipEditor *self)
{
  for (guint i = 0; i < N_KINDS; i++)
    if (gtk_check_button_get_active (self->kind_checks[i]))
      return i;

  return BMB_RELATIONSHIP_KIND_ONE_ON_ONE;
}

static gboolean
dates_are_valid (BmbRelationshipEditor *self)
{
  const char *started_on = bmb_date_row_get_date (self->start_row);
  const char *planned_end_on = bmb_date_row_get_date (self->end_row);

  return started_on == NULL || planned_end_on == NULL ||
         g_strcmp0 (planned_end_on, started_on) >= 0;
}

/* NULL when @side is fine, else what is wrong (translated, static). */
static const char *
get_side_problem (BmbRelationshipEditor *self,
                  guint                  side)
{
  PersonSide *s = &self->sides[side];
  PersonSide *other = &self->sides[side == SIDE_MENTOR ? SIDE_MENTEE : SIDE_MENTOR];
  g_autofree char *name = NULL;

  if (!side_is_contact (self, side))
    return NULL;

  name = dup_entry_text (s->row);
  if (name == NULL)
    return side == SIDE_MENTOR ? _("Enter the mentor’s name or pick a contact.")
                               : _("Enter the mentee’s name or pick a contact.");

  if (side == SIDE_MENTEE && s->contact_id != 0 && s->contact_id == other->contact_id &&
      side_is_contact (self, SIDE_MENTOR))
    return _("Mentor and mentee must be two different people.");

  return NULL;
}

static void
update_side_hint (BmbRelationshipEditor *self,
                  guint                  side)
{
  PersonSide *s = &self->sides[side];
  const char *problem = get_side_problem (self, side);
  g_autofree char *name = dup_entry_text (s->row);
  g_autofree char *text = NULL;
  gboolean show_problem = problem != NULL && (s->touched || name != NULL);

  if (show_problem)
    text = g_strdup (problem);
  else if (s->contact_id != 0)
    /* Translators: %s is a contact's name */
    text = g_strdup_printf (_("Linked to your contact “%s”."), s->contact_name);
  else if (name != NULL)
    /* Translators: %s is the name the user typed */
    text = g_strdup_printf (_("“%s” will be added to your contacts."), name);

  gtk_label_set_label (s->hint, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (s->hint), text != NULL);
  gtk_widget_set_visible (GTK_WIDGET (s->linked_icon), s->contact_id != 0);

  if (show_problem)
    {
      gtk_widget_add_css_class (GTK_WIDGET (s->row), "error");
      gtk_widget_add_css_class (GTK_WIDGET (s->hint), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (s->hint), "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (s->row), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (s->hint), "error");
      gtk_widget_add_css_class (GTK_WIDGET (s->hint), "dim-label");
    }
}

static void
update_actions (BmbRelationshipEditor *self)
{
  gboolean dates_ok = dates_are_valid (self);

  for (guint i = 0; i < N_SIDES; i++)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->sides[i].group), side_is_contact (self, i));
      update_side_hint (self, i);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->dates_error_label), !dates_ok);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "relationship-editor.save",
                                 bmb_relationship_editor_is_valid (self));
}

static void
update_dates (BmbRelationshipEditor *self)
{
  update_actions (self);
}

static void
build_kind_rows (BmbRelationshipEditor *self)
{
  GtkCheckButton *first = NULL;

  for (guint i = 0; i < N_KINDS; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), bmb_relationship_kind_get_label (i));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), bmb_relationship_kind_get_description (i));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      if (first != NULL)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check), first);
      else
        first = GTK_CHECK_BUTTON (check);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      bmb_relationship_kind_get_label (i),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      bmb_relationship_kind_get_description (i),
                                      -1);
      gtk_widget_add_css_class (row, "relationship-kind");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->kind_group, row);
      self->kind_checks[i] = GTK_CHECK_BUTTON (check);
    }
}

static void
clear_suggestions (PersonSide *s)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (s->suggestions))))
    gtk_list_box_remove (s->suggestions, child);
  g_ptr_array_set_size (s->summaries, 0);
  gtk_revealer_set_reveal_child (s->revealer, FALSE);
}

static void
search_contacts (BmbRelationshipEditor *self,
                 PersonSide            *s,
                 const char            *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) summaries = NULL;

  clear_suggestions (s);

  if (text == NULL || s->contact_id != 0)
    return;

  ids = bmb_contact_store_query_ids (self->contact_store, text, BMB_CONTACT_SORT_RELEVANCE,
                                     BMB_CONTACT_FILTER_ALL, NULL, &error);
  if (ids != NULL && ids->len > 0)
    summaries = bmb_contact_store_load_summaries (self->contact_store, (gint64 *)(gpointer)ids->data,
                                                  MIN (ids->len, MAX_SUGGESTIONS), &error);
  if (error != NULL)
    {
      /* Searching is a convenience: typing a name still works. */
      gtk_label_set_label (s->hint, error->message);
      return;
    }

  for (guint i = 0; summaries != NULL && i < summaries->len; i++)
    {
      BmbContactSummary *summary = g_ptr_array_index (summaries, i);
      GtkWidget *row, *avatar;
      g_autofree char *subtitle = NULL;

      if (summary == NULL)
        continue;

      row = adw_action_row_new ();
      avatar = adw_avatar_new (32, summary->display_name, TRUE);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), summary->display_name);
      if (summary->organization != NULL && summary->role != NULL)
        /* Translators: a job title at an organization, "Engineer, Gojek" */
        subtitle = g_strdup_printf (_("%s, %s"), summary->role, summary->organization);
      else
        subtitle = g_strdup (summary->organization ? summary->organization : summary->role);
      if (subtitle != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), avatar);
      gtk_widget_add_css_class (row, "contact-suggestion");
      gtk_list_box_append (s->suggestions, row);
      g_ptr_array_add (s->summaries, bmb_contact_summary_ref (summary));
    }

  gtk_revealer_set_reveal_child (s->revealer, s->summaries->len > 0);
}

static PersonSide *
find_side_of (BmbRelationshipEditor *self,
              gpointer               widget)
{
  for (guint i = 0; i < N_SIDES; i++)
    if ((gpointer)self->sides[i].row == widget || (gpointer)self->sides[i].suggestions == widget)
      return &self->sides[i];

  g_assert_not_reached ();
  return NULL;
}

static void
pick_contact (BmbRelationshipEditor *self,
              PersonSide            *s,
              gint64                 contact_id,
              const char            *name)
{
  s->contact_id = contact_id;
  g_free (s->contact_name);
  s->contact_name = g_strdup (name);

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (s->row), name ? name : "");
  gtk_editable_set_position (GTK_EDITABLE (s->row), -1);
  self->loading = FALSE;

  clear_suggestions (s);
  update_actions (self);
}

static void
load_relationship (BmbRelationshipEditor *self)
{
  BmbRelationship *r = self->relationship;
  BmbRelationshipEditorRole role;
  gboolean is_new = bmb_relationship_get_id (r) == 0;
  gint64 ids[N_SIDES] = { bmb_relationship_get_mentor_id (r), bmb_relationship_get_mentee_id (r) };
  const char *names[N_SIDES] = { bmb_relationship_get_mentor_name (r),
                                 bmb_relationship_get_mentee_name (r) };

  self->loading = TRUE;

  adw_window_title_set_title (self->window_title,
                              is_new ? _("New Relationship") : _("Edit Relationship"));
  gtk_window_set_title (GTK_WINDOW (self),
                        is_new ? _("New Relationship") : _("Edit Relationship"));

  /* A new relationship has neither side set yet: most people start one as
   * the mentee. */
  if (ids[SIDE_MENTOR] == 0 && ids[SIDE_MENTEE] == 0)
    role = BMB_RELATIONSHIP_EDITOR_ROLE_MENTEE;
  else if (ids[SIDE_MENTOR] == 0)
    role = BMB_RELATIONSHIP_EDITOR_ROLE_MENTOR;
  else if (ids[SIDE_MENTEE] == 0)
    role = BMB_RELATIONSHIP_EDITOR_ROLE_MENTEE;
  else
    role = BMB_RELATIONSHIP_EDITOR_ROLE_NEITHER;
  adw_combo_row_set_selected (self->role_row, role);

  for (guint i = 0; i < N_SIDES; i++)
    {
      g_autofree char *fetched = NULL;

      if (ids[i] == 0)
        continue;

      if (names[i] == NULL)
        {
          g_autoptr(BmbContact) contact = bmb_contact_store_get (self->contact_store, ids[i], NULL);

          if (contact != NULL)
            fetched = g_strdup (bmb_contact_get_display_name (contact));
        }

      pick_contact (self, &self->sides[i], ids[i], names[i] ? names[i] : fetched);
      self->loading = TRUE;
    }

  gtk_check_button_set_active (self->kind_checks[bmb_relationship_get_kind (r)], TRUE);

#define SET_ENTRY(row, text) gtk_editable_set_text (GTK_EDITABLE (row), (text) ? (text) : "")
  SET_ENTRY (self->cadence_row, bmb_relationship_get_cadence (r));
  SET_ENTRY (self->confidentiality_row, bmb_relationship_get_confidentiality (r));
  SET_ENTRY (self->duration_row, bmb_relationship_get_planned_duration (r));
  SET_ENTRY (self->title_row, bmb_relationship_get_title (r));
#undef SET_ENTRY

  bmb_date_row_set_date (self->start_row, bmb_relationship_get_started_on (r));
  bmb_date_row_set_date (self->end_row, bmb_relationship_get_planned_end_on (r));

  self->loading = FALSE;
  update_dates (self);
}

/* ---- Callbacks ---------------------------------------------------------------- */

static void
on_role_changed_cb (BmbRelationshipEditor *self)
{
  update_actions (self);
}

static void
on_field_changed_cb (BmbRelationshipEditor *self)
{
  update_actions (self);
}

static void
on_person_changed_cb (BmbRelationshipEditor *self,
                      GtkEditable           *editable)
{
  PersonSide *s = find_side_of (self, editable);
  g_autofree char *text = NULL;

  if (self->loading)
    return;

  s->touched = TRUE;
  text = dup_trimmed (gtk_editable_get_text (editable));

  /* Editing the name of a picked contact means someone else. */
  if (s->contact_id != 0 && g_strcmp0 (text, s->contact_name) != 0)
    {
      s->contact_id = 0;
      g_clear_pointer (&s->contact_name, g_free);
    }

  search_contacts (self, s, text);
  update_actions (self);
}

static void
on_suggestion_activated_cb (BmbRelationshipEditor *self,
                            GtkListBoxRow         *row,
                            GtkListBox            *list)
{
  PersonSide *s = find_side_of (self, list);
  int index = gtk_list_box_row_get_index (row);
  BmbContactSummary *summary;

  g_return_if_fail (index >= 0 && (guint)index < s->summaries->len);

  summary = g_ptr_array_index (s->summaries, index);
  pick_contact (self, s, summary->id, summary->display_name);
  gtk_widget_grab_focus (GTK_WIDGET (s->row));
}

static gboolean
on_person_key_pressed_cb (GtkEventControllerKey *controller,
                          guint                  keyval,
                          guint                  keycode,
                          GdkModifierType        state,
                          BmbRelationshipEditor *self)
{
  PersonSide *s = find_side_of (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
  GtkListBoxRow *first;

  /* Down from the name goes into the matching contacts. */
  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return GDK_EVENT_PROPAGATE;
  if (!gtk_revealer_get_reveal_child (s->revealer))
    return GDK_EVENT_PROPAGATE;
  if (!(first = gtk_list_box_get_row_at_index (s->suggestions, 0)))
    return GDK_EVENT_PROPAGATE;

  gtk_widget_grab_focus (GTK_WIDGET (first));
  return GDK_EVENT_STOP;
}

static void
on_date_changed_cb (BmbRelationshipEditor *self)
{
  if (!self->loading)
    update_dates (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  BmbRelationshipEditor *self = BMB_RELATIONSHIP_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (!bmb_relationship_editor_save (self, &error))
    bmb_error_dialog_show (GTK_WIDGET (self), _("Could Not Save the Relationship"), error);
}

/* ---- GObject ------------------------------------------------------------------ */

static void
bmb_relationship_editor_dispose (GObject *object)
{
  BmbRelationshipEditor *self = (BmbRelationshipEditor *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), BMB_TYPE_RELATIONSHIP_EDITOR);

  g_clear_object (&self->guard);
  g_clear_object (&self->store);
  g_clear_object (&self->contact_store);
  g_clear_object (&self->relationship);
  for (guint i = 0; i < N_SIDES; i++)
    g_clear_pointer (&self->sides[i].summaries, g_ptr_array_unref);

  G_OBJECT_CLASS (bmb_relationship_editor_parent_class)->dispose (object);
}

static void
bmb_relationship_editor_finalize (GObject *object)
{
  BmbRelationshipEditor *self = (BmbRelationshipEditor *)object;

  for (guint i = 0; i < N_SIDES; i++)
    g_clear_pointer (&self->sides[i].contact_name, g_free);

  G_OBJECT_CLASS (bmb_relationship_editor_parent_class)->finalize (object);
}

#define BIND_SIDE(name, side, field) \
  gtk_widget_class_bind_template_child_full (widget_class, name, FALSE, \
                                             G_STRUCT_OFFSET (BmbRelationshipEditor, sides[side].field))

static void
bmb_relationship_editor_class_init (BmbRelationshipEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bmb_relationship_editor_dispose;
  object_class->finalize = bmb_relationship_editor_finalize;

  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, BMB_TYPE_RELATIONSHIP);

  g_type_ensure (BMB_TYPE_DATE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/bmb-relationship-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, BmbRelationshipEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, BmbRelationshipEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, BmbRelationshipEditor, role_row);
  BIND_SIDE ("mentor_group", SIDE_MENTOR, group);
  BIND_SIDE ("mentor_row", SIDE_MENTOR, row);
  BIND_SIDE ("mentor_linked_icon", SIDE_MENTOR, linked_icon);
  BIND_SIDE ("mentor_revealer", SIDE_MENTOR, revealer);
  BIND_SIDE ("mentor_suggestions", SIDE_MENTOR, suggestions);
  BIND_SIDE ("mentor_hint", SIDE_MENTOR, hint);
  BIND_SIDE ("mentee_group", SIDE_MENTEE, group);
  BIND_SIDE ("mentee_row", SIDE_MENTEE, row);
  BIND_SIDE ("mentee_linked_icon", SIDE_MENTEE, linked_icon);
  BIND_SIDE ("mentee_revealer", SIDE_MENTEE, revealer);
  BIND_SIDE ("mentee_suggestions", SIDE_MENTEE, suggestions);
  BIND_SIDE ("mentee_hint", SIDE_MENTEE, hint);
  gtk_widget_class_bind_template_child (widget_class, BmbRelationshipEditor, kind_group);
  gtk_widget_class_bind_template_child (widget_class, BmbRelationshipEditor, cadence_row);
  gtk_widget_class_bind_template_child (widget_class, BmbRelationshipEditor, confidentiality_row);
  gtk_widget_class_bind_template_child (widget_class, BmbRelationshipEditor, duration_row);
  gtk_widget_class_bind_template_child (widget_class, BmbRelationshipEditor, start_row);
  gtk_widget_class_bind_template_child (widget_class, BmbRelationshipEditor, end_row);
  gtk_widget_class_bind_template_child (widget_class, BmbRelationshipEditor, dates_error_label);
  gtk_widget_class_bind_template_child (widget_class, BmbRelationshipEditor, title_row);
  gtk_widget_class_bind_template_callback (widget_class, on_role_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_person_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_suggestion_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_date_changed_cb);

  gtk_widget_class_install_action (widget_class, "relationship-editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "relationship-editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

#undef BIND_SIDE

static void
bmb_relationship_editor_init (BmbRelationshipEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->guard = bmb_edit_guard_new (GTK_WINDOW (self), "relationship-editor.save");

  for (guint i = 0; i < N_SIDES; i++)
    {
      GtkEventController *keys = gtk_event_controller_key_new ();

      self->sides[i].summaries = g_ptr_array_new_with_free_func ((GDestroyNotify)bmb_contact_summary_unref);
      g_signal_connect (keys, "key-pressed", G_CALLBACK (on_person_key_pressed_cb), self);
      gtk_widget_add_controller (GTK_WIDGET (self->sides[i].row), keys);
    }

  build_kind_rows (self);
}

/* ---- Public API --------------------------------------------------------------- */

BmbRelationshipEditor *
bmb_relationship_editor_new (BmbContext        *context,
                             BmbRelationship   *relationship)
{
  g_autofree char *draft_key = NULL;
  BmbRelationshipEditor *self;

  g_return_val_if_fail (BMB_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (relationship == NULL || BMB_IS_RELATIONSHIP (relationship), NULL);

  self = g_object_new (BMB_TYPE_RELATIONSHIP_EDITOR, NULL);
  self->store = g_object_ref (bmb_context_get_mentoring_store (context));
  self->contact_store = g_object_ref (bmb_context_get_contact_store (context));

  if (relationship != NULL && bmb_relationship_get_id (relationship) != 0)
    {
      g_autoptr(GError) error = NULL;

      /* Edit a fresh copy: Cancel leaves the caller's object alone. */
      self->relationship = bmb_mentoring_store_get_relationship (self->store,
                                                                 bmb_relationship_get_id (relationship),
                                                                 &error);
      if (self->relationship == NULL)
        {
          g_debug ("Editing the relationship as given: %s", error->message);
          self->relationship = g_object_ref (relationship);
        }
    }
  else if (relationship != NULL)
    {
      self->relationship = g_object_ref (relationship);
    }
  else
    {
      g_autoptr(GDateTime) today = bmb_date_time_new_now_local ();
      g_autofree char *iso = bmb_local_date_format (today);

      self->relationship = bmb_relationship_new ();
      bmb_relationship_set_started_on (self->relationship, iso);
    }

  load_relationship (self);

  bmb_edit_guard_loaded (self->guard, draft_key = bmb_relationship_get_id (self->relationship) != 0
                         ? g_strdup_printf ("relationship/%" G_GINT64_FORMAT,
                                            bmb_relationship_get_id (self->relationship))
                         : g_strdup ("relationship/new"));

  return self;
}

gboolean
bmb_relationship_editor_is_valid (BmbRelationshipEditor *self)
{
  g_return_val_if_fail (BMB_IS_RELATIONSHIP_EDITOR (self), FALSE);

  for (guint i = 0; i < N_SIDES; i++)
    if (get_side_problem (self, i) != NULL)
      return FALSE;

  return dates_are_valid (self);
}

/* The contact id for @side (0: not a contact, or one to create: see new_partner ()). */
static gint64
side_contact_id (BmbRelationshipEditor *self,
                 guint                  side)
{
  return side_is_contact (self, side) ? self->sides[side].contact_id : 0;
}

/* A contact to create from the typed name, or NULL when @side is an existing contact or
 * no contact at all. */
static BmbContact *
new_partner (BmbRelationshipEditor *self,
             guint                  side)
{
  g_autofree char *name = NULL;
  BmbContact *contact;

  if (!side_is_contact (self, side) || self->sides[side].contact_id != 0)
    return NULL;

  name = dup_entry_text (self->sides[side].row);
  contact = bmb_contact_new ();
  bmb_contact_set_display_name (contact, name);

  return contact;
}

gboolean
bmb_relationship_editor_save (BmbRelationshipEditor  *self,
                              GError                **error)
{
  g_autoptr(BmbRelationship) r = NULL;
  g_autoptr(BmbRelationship) stored = NULL;
  g_autoptr(BmbContact) new_mentor = NULL;
  g_autoptr(BmbContact) new_mentee = NULL;

  g_return_val_if_fail (BMB_IS_RELATIONSHIP_EDITOR (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!bmb_relationship_editor_is_valid (self))
    {
      g_set_error_literal (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID,
                           _("Some details of the relationship are missing or do not fit."));
      return FALSE;
    }

  /* A new relationship is built afresh on every try: a failed insert must
   * not leave an id behind on the object we keep. */
  if (bmb_relationship_get_id (self->relationship) == 0)
    r = bmb_relationship_new ();
  else
    r = g_object_ref (self->relationship);

  new_mentor = new_partner (self, SIDE_MENTOR);
  new_mentee = new_partner (self, SIDE_MENTEE);

  {
    g_autofree char *title = dup_entry_text (self->title_row);
    g_autofree char *cadence = dup_entry_text (self->cadence_row);
    g_autofree char *confidentiality = dup_entry_text (self->confidentiality_row);
    g_autofree char *duration = dup_entry_text (self->duration_row);

    bmb_relationship_set_mentor_id (r, side_contact_id (self, SIDE_MENTOR));
    bmb_relationship_set_mentee_id (r, side_contact_id (self, SIDE_MENTEE));
    bmb_relationship_set_kind (r, get_kind (self));
    bmb_relationship_set_title (r, title);
    bmb_relationship_set_cadence (r, cadence);
    bmb_relationship_set_confidentiality (r, confidentiality);
    bmb_relationship_set_planned_duration (r, duration);
    bmb_relationship_set_started_on (r, bmb_date_row_get_date (self->start_row));
    bmb_relationship_set_planned_end_on (r, bmb_date_row_get_date (self->end_row));
  }

  /* One core call: new partners and the relationship, or nothing (the typed names stay
   * for another try). */
  if (!bmb_relationship_save_with_partners (self->store, self->contact_store, r,
                                            new_mentor, new_mentee, error))
    return FALSE;

  g_set_object (&self->relationship, r);

  /* Read it back for the partners' names. */
  stored = bmb_mentoring_store_get_relationship (self->store,
                                                 bmb_relationship_get_id (self->relationship),
                                                 NULL);
  bmb_edit_guard_saved (self->guard);
  g_signal_emit (self, signals[SAVED], 0, stored ? stored : self->relationship);
  gtk_window_close (GTK_WINDOW (self));

  return TRUE;
}
