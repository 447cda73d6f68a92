/* bmb-checklist-store.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Templates (built-in and custom) with their items. Built-in rows hold keys
 * only; their text comes from bmb-checklist-builtins.c when displayed.
 * Built-in templates: bmb-checklist-store-builtins.c; changing saved
 * custom templates: bmb-checklist-store-edit.c; assessments and answers:
 * bmb-checklist-store-assessments.c.
 */

#define G_LOG_DOMAIN "bmb-checklist-store"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-checklist-builtins.h"
#include "bmb-checklist-private.h"
#include "bmb-checklist-store.h"

G_DEFINE_FINAL_TYPE (BmbChecklistStore, bmb_checklist_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define TEMPLATE_COLUMNS \
  "id, builtin_key, title, description, answer_kind, position, created_at, updated_at"

/* ---- Helpers ------------------------------------------------------------------ */

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (; *text != '\0'; text = g_utf8_next_char (text))
    {
      if (!g_unichar_isspace (g_utf8_get_char (text)))
        return FALSE;
    }

  return TRUE;
}

static void
set_template_not_found (GError **error,
                        gint64   template_id)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, template_id);

  g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_NOT_FOUND,
               /* Translators: %s is a number. */
               _("Checklist %s was not found; it may have been deleted."), id);
}

void
_bmb_checklist_store_set_builtin_read_only (GError     **error,
                                            const char  *title)
{
  g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID,
               _("The built-in checklist “%s” cannot be changed. Duplicate it to make "
                 "your own version."), title);
}

/* ---- Reading templates ---------------------------------------------------------- */

static gboolean
load_items (BmbChecklistStore     *self,
            BmbChecklistTemplate  *template,
            GError               **error)
{
  const char *builtin_key = bmb_checklist_template_get_builtin_key (template);
  sqlite3_stmt *stmt;
  int rc;

  stmt = bmb_database_prepare (self->db,
                               "SELECT id, item_key, section, title, explanation"
                               "  FROM checklist_items WHERE template_id = ?"
                               " ORDER BY position, id",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, bmb_checklist_template_get_id (template));

  while ((rc = bmb_database_step (self->db, stmt, error)) == SQLITE_ROW)
    {
      g_autoptr(BmbChecklistItem) item = NULL;
      const char *key = (const char *)sqlite3_column_text (stmt, 1);

      if (builtin_key != NULL)
        {
          /* A key this version no longer ships is kept (old answers refer to
           * it) but not shown. */
          if (bmb_checklist_builtins_lookup_item (builtin_key, key) == NULL)
            continue;
          item = _bmb_checklist_item_new_builtin (builtin_key, key);
        }
      else
        {
          item = bmb_checklist_item_new ((const char *)sqlite3_column_text (stmt, 3),
                                         (const char *)sqlite3_column_text (stmt, 4));
        }

      _bmb_checklist_item_set_id (item, sqlite3_column_int64 (stmt, 0));
      bmb_checklist_item_set_section (item, (const char *)sqlite3_column_text (stmt, 2));
      bmb_checklist_template_append_item (template, item);
    }

  return rc == SQLITE_DONE;
}

/* Returns NULL without an error for a built-in this version no longer ships. */
static BmbChecklistTemplate *
template_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(BmbChecklistTemplate) template = NULL;
  const char *builtin_key = (const char *)sqlite3_column_text (stmt, 1);
  BmbAnswerKind kind = BMB_ANSWER_KIND_YES_NO;

  bmb_answer_kind_from_string ((const char *)sqlite3_column_text (stmt, 4), &kind);

  if (builtin_key != NULL)
    {
      if (bmb_checklist_builtins_lookup (builtin_key) == NULL)
        return NULL;
      template = _bmb_checklist_template_new_builtin (builtin_key, kind);
    }
  else
    {
      template = bmb_checklist_template_new ((const char *)sqlite3_column_text (stmt, 2), kind);
      bmb_checklist_template_set_description (template,
                                              (const char *)sqlite3_column_text (stmt, 3));
    }

  _bmb_checklist_template_set_id (template, sqlite3_column_int64 (stmt, 0));
  _bmb_checklist_template_set_position (template, sqlite3_column_int (stmt, 5));
  _bmb_checklist_template_set_timestamps (template,
                                          sqlite3_column_int64 (stmt, 6),
                                          sqlite3_column_int64 (stmt, 7));

  return g_steal_pointer (&template);
}

/* NULL without an error when there is no such row. */
static BmbChecklistTemplate *
load_template (BmbChecklistStore  *self,
               gint64              template_id,
               GError            **error)
{
  g_autoptr(BmbChecklistTemplate) template = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = bmb_database_prepare (self->db,
                               "SELECT " TEMPLATE_COLUMNS " FROM checklist_templates WHERE id = ?",
                               error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, template_id);
  rc = bmb_database_step (self->db, stmt, error);
  if (rc != SQLITE_ROW)
    return NULL;

  template = template_from_row (stmt);
  sqlite3_reset (stmt);

  if (template == NULL || !load_items (self, template, error))
    return NULL;

  return g_steal_pointer (&template);
}

BmbChecklistTemplate *
_bmb_checklist_store_get_template_or_error (BmbChecklistStore  *self,
                                            gint64              template_id,
                                            GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  BmbChecklistTemplate *template;

  template = load_template (self, template_id, &local_error);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else if (template == NULL)
    set_template_not_found (error, template_id);

  return template;
}

/* ---- Writing templates ------------------------------------------------------------ */

gboolean
_bmb_checklist_store_validate_custom (BmbChecklistTemplate  *template,
                                      GError               **error)
{
  guint n = bmb_checklist_template_get_n_items (template);

  if (is_blank (bmb_checklist_template_get_title (template)))
    {
      g_set_error_literal (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID,
                           _("A checklist needs a title."));
      return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      BmbChecklistItem *item = bmb_checklist_template_get_item (template, i);

      if (is_blank (bmb_checklist_item_get_title (item)))
        {
          g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_INVALID,
                       _("Item %u of the checklist “%s” needs a title."),
                       i + 1, bmb_checklist_template_get_title (template));
          return FALSE;
        }
    }

  return TRUE;
}

gboolean
_bmb_checklist_store_insert_item_row (BmbChecklistStore  *self,
                                      gint64              template_id,
                                      BmbChecklistItem   *item,
                                      guint               position,
                                      GError            **error)
{
  sqlite3_stmt *stmt;

  stmt = bmb_database_prepare (self->db,
                               "INSERT INTO checklist_items"
                               " (template_id, item_key, section, title, explanation, position)"
                               " VALUES (?, NULL, ?, ?, ?, ?)",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, template_id);
  bmb_stmt_bind_text_or_null (stmt, 2, bmb_checklist_item_get_section (item));
  sqlite3_bind_text (stmt, 3, g_strstrip (g_strdup (bmb_checklist_item_get_title (item))), -1,
                     g_free);
  bmb_stmt_bind_text_or_null (stmt, 4, bmb_checklist_item_get_explanation (item));
  sqlite3_bind_int (stmt, 5, position);

  if (!bmb_database_step_done (self->db, stmt, error))
    return FALSE;

  _bmb_checklist_item_set_id (item, bmb_database_last_insert_id (self->db));
  return TRUE;
}

static gboolean
write_new_template (BmbChecklistStore     *self,
                    BmbChecklistTemplate  *template,
                    GError               **error)
{
  sqlite3_stmt *stmt;
  gint64 now = _bmb_now_seconds ();
  gint64 template_id;
  guint n;

  stmt = bmb_database_prepare (self->db,
                               "INSERT INTO checklist_templates"
                               " (builtin_key, title, description, answer_kind, position,"
                               "  created_at, updated_at)"
                               " VALUES (NULL, ?, ?, ?,"
                               "  (SELECT ifnull (max (position), -1) + 1 FROM checklist_templates"
                               "    WHERE builtin_key IS NULL),"
                               "  ?, ?)"
                               " RETURNING id, position",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, g_strstrip (g_strdup (bmb_checklist_template_get_title (template))),
                     -1, g_free);
  bmb_stmt_bind_text_or_null (stmt, 2, bmb_checklist_template_get_description (template));
  sqlite3_bind_text (stmt, 3,
                     bmb_answer_kind_to_string (bmb_checklist_template_get_answer_kind (template)),
                     -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, now);
  sqlite3_bind_int64 (stmt, 5, now);

  if (bmb_database_step (self->db, stmt, error) != SQLITE_ROW)
    return FALSE;

  template_id = sqlite3_column_int64 (stmt, 0);
  _bmb_checklist_template_set_position (template, sqlite3_column_int (stmt, 1));
  if (!bmb_database_step_done (self->db, stmt, error))
    return FALSE;

  _bmb_checklist_template_set_id (template, template_id);
  _bmb_checklist_template_set_timestamps (template, now, now);

  n = bmb_checklist_template_get_n_items (template);
  for (guint i = 0; i < n; i++)
    {
      BmbChecklistItem *item = bmb_checklist_template_get_item (template, i);

      if (!_bmb_checklist_store_insert_item_row (self, template_id, item, i, error))
        return FALSE;
    }

  _bmb_checklist_template_renumber (template);
  bmb_database_mark_item (self->db, BMB_CHANGE_CHECKLISTS, template_id, BMB_CHANGE_ADDED);

  return TRUE;
}

/* Forgets the ids given by a failed insert. */
static void
clear_template_ids (BmbChecklistTemplate *template)
{
  guint n = bmb_checklist_template_get_n_items (template);

  _bmb_checklist_template_set_id (template, 0);
  for (guint i = 0; i < n; i++)
    _bmb_checklist_item_set_id (bmb_checklist_template_get_item (template, i), 0);
}

/* ---- GObject -------------------------------------------------------------------- */

static void
bmb_checklist_store_dispose (GObject *object)
{
  BmbChecklistStore *self = (BmbChecklistStore *)object;

  g_clear_object (&self->db);

  G_OBJECT_CLASS (bmb_checklist_store_parent_class)->dispose (object);
}

static void
bmb_checklist_store_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  BmbChecklistStore *self = BMB_CHECKLIST_STORE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->db);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_checklist_store_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  BmbChecklistStore *self = BMB_CHECKLIST_STORE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->db = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_checklist_store_class_init (BmbChecklistStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bmb_checklist_store_dispose;
  object_class->get_property = bmb_checklist_store_get_property;
  object_class->set_property = bmb_checklist_store_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, BMB_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bmb_checklist_store_init (BmbChecklistStore *self)
{
}

/* ---- Public API: templates -------------------------------------------------------- */

BmbChecklistStore *
bmb_checklist_store_new (BmbDatabase *database)
{
  g_return_val_if_fail (BMB_IS_DATABASE (database), NULL);

  return g_object_new (BMB_TYPE_CHECKLIST_STORE, "database", database, NULL);
}

BmbDatabase *
bmb_checklist_store_get_database (BmbChecklistStore *self)
{
  g_return_val_if_fail (BMB_IS_CHECKLIST_STORE (self), NULL);

  return self->db;
}

GPtrArray *
bmb_checklist_store_list_templates (BmbChecklistStore  *self,
                                    GError            **error)
{
  g_autoptr(GPtrArray) templates = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BMB_IS_CHECKLIST_STORE (self), NULL);

  stmt = bmb_database_prepare (self->db,
                               "SELECT " TEMPLATE_COLUMNS " FROM checklist_templates"
                               " ORDER BY builtin_key IS NULL, position, id",
                               error);
  if (stmt == NULL)
    return NULL;

  while ((rc = bmb_database_step (self->db, stmt, error)) == SQLITE_ROW)
    {
      BmbChecklistTemplate *template = template_from_row (stmt);

      if (template != NULL)
        g_ptr_array_add (templates, template);
    }
  if (rc != SQLITE_DONE)
    return NULL;

  for (guint i = 0; i < templates->len; i++)
    {
      if (!load_items (self, g_ptr_array_index (templates, i), error))
        return NULL;
    }

  return g_steal_pointer (&templates);
}

BmbChecklistTemplate *
bmb_checklist_store_get_template (BmbChecklistStore  *self,
                                  gint64              template_id,
                                  GError            **error)
{
  g_return_val_if_fail (BMB_IS_CHECKLIST_STORE (self), NULL);

  return _bmb_checklist_store_get_template_or_error (self, template_id, error);
}

gboolean
bmb_checklist_store_insert_template (BmbChecklistStore     *self,
                                     BmbChecklistTemplate  *template,
                                     GError               **error)
{
  g_return_val_if_fail (BMB_IS_CHECKLIST_STORE (self), FALSE);
  g_return_val_if_fail (BMB_IS_CHECKLIST_TEMPLATE (template), FALSE);
  g_return_val_if_fail (bmb_checklist_template_get_id (template) == 0, FALSE);

  if (bmb_checklist_template_is_builtin (template))
    {
      _bmb_checklist_store_set_builtin_read_only (error,
                                                  bmb_checklist_template_get_title (template));
      return FALSE;
    }

  if (!_bmb_checklist_store_validate_custom (template, error))
    return FALSE;

  if (!bmb_database_begin (self->db, error))
    return FALSE;

  if (!write_new_template (self, template, error) ||
      !bmb_database_commit (self->db, error))
    {
      bmb_database_rollback (self->db);
      clear_template_ids (template);
      g_prefix_error (error, _("Could not save the checklist “%s”: "),
                      bmb_checklist_template_get_title (template));
      return FALSE;
    }

  return TRUE;
}

BmbChecklistTemplate *
bmb_checklist_store_duplicate_template (BmbChecklistStore  *self,
                                        gint64              template_id,
                                        const char         *title,
                                        GError            **error)
{
  g_autoptr(BmbChecklistTemplate) source = NULL;
  g_autoptr(BmbChecklistTemplate) copy = NULL;
  g_autofree char *copy_title = NULL;
  guint n;

  g_return_val_if_fail (BMB_IS_CHECKLIST_STORE (self), NULL);

  if (!(source = _bmb_checklist_store_get_template_or_error (self, template_id, error)))
    return NULL;

  if (is_blank (title))
    /* Translators: the title of a duplicated checklist; %s is the original title. */
    copy_title = g_strdup_printf (_("Copy of %s"), bmb_checklist_template_get_title (source));
  else
    copy_title = g_strdup (title);

  copy = bmb_checklist_template_new (copy_title, bmb_checklist_template_get_answer_kind (source));
  bmb_checklist_template_set_description (copy, bmb_checklist_template_get_description (source));

  n = bmb_checklist_template_get_n_items (source);
  for (guint i = 0; i < n; i++)
    {
      BmbChecklistItem *item = bmb_checklist_template_get_item (source, i);
      g_autoptr(BmbChecklistItem) item_copy = NULL;

      /* Built-in text is copied as currently translated. */
      item_copy = bmb_checklist_item_new (bmb_checklist_item_get_title (item),
                                          bmb_checklist_item_get_explanation (item));
      bmb_checklist_item_set_section (item_copy, bmb_checklist_item_get_section (item));
      bmb_checklist_template_append_item (copy, item_copy);
    }

  if (!bmb_checklist_store_insert_template (self, copy, error))
    return NULL;

  return g_steal_pointer (&copy);
}
