/* bmb-ics-import-result.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What an iCalendar import did: counts, skipped events and notes (events
 * imported with a remark), each with the line its BEGIN:VEVENT is on.
 */

#define G_LOG_DOMAIN "bmb-ics-import"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-ics-private.h"

struct _BmbIcsImportResult
{
  GObject    parent_instance;

  guint      imported;
  guint      updated;
  GArray    *skipped_lines;    /* guint */
  GPtrArray *skipped_reasons;  /* char* */
  GArray    *note_lines;       /* guint */
  GPtrArray *note_reasons;     /* char*: events imported, with a remark */
  GPtrArray *messages;         /* NULL-terminated, built on demand */
};

G_DEFINE_FINAL_TYPE (BmbIcsImportResult, bmb_ics_import_result, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_IMPORTED,
  PROP_UPDATED,
  PROP_SKIPPED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bmb_ics_import_result_finalize (GObject *object)
{
  BmbIcsImportResult *self = (BmbIcsImportResult *)object;

  g_clear_pointer (&self->skipped_lines, g_array_unref);
  g_clear_pointer (&self->skipped_reasons, g_ptr_array_unref);
  g_clear_pointer (&self->note_lines, g_array_unref);
  g_clear_pointer (&self->note_reasons, g_ptr_array_unref);
  g_clear_pointer (&self->messages, g_ptr_array_unref);

  G_OBJECT_CLASS (bmb_ics_import_result_parent_class)->finalize (object);
}

static void
bmb_ics_import_result_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  BmbIcsImportResult *self = BMB_ICS_IMPORT_RESULT (object);

  switch (prop_id)
    {
    case PROP_IMPORTED:
      g_value_set_uint (value, self->imported);
      break;
    case PROP_UPDATED:
      g_value_set_uint (value, self->updated);
      break;
    case PROP_SKIPPED:
      g_value_set_uint (value, self->skipped_lines->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bmb_ics_import_result_class_init (BmbIcsImportResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bmb_ics_import_result_finalize;
  object_class->get_property = bmb_ics_import_result_get_property;

  properties[PROP_IMPORTED] =
    g_param_spec_uint ("imported", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UPDATED] =
    g_param_spec_uint ("updated", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SKIPPED] =
    g_param_spec_uint ("skipped", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bmb_ics_import_result_init (BmbIcsImportResult *self)
{
  self->skipped_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  self->skipped_reasons = g_ptr_array_new_with_free_func (g_free);
  self->note_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  self->note_reasons = g_ptr_array_new_with_free_func (g_free);
}

guint
bmb_ics_import_result_get_imported (BmbIcsImportResult *self)
{
  g_return_val_if_fail (BMB_IS_ICS_IMPORT_RESULT (self), 0);

  return self->imported;
}

guint
bmb_ics_import_result_get_updated (BmbIcsImportResult *self)
{
  g_return_val_if_fail (BMB_IS_ICS_IMPORT_RESULT (self), 0);

  return self->updated;
}

guint
bmb_ics_import_result_get_skipped (BmbIcsImportResult *self)
{
  g_return_val_if_fail (BMB_IS_ICS_IMPORT_RESULT (self), 0);

  return self->skipped_lines->len;
}

guint
bmb_ics_import_result_get_skipped_line (BmbIcsImportResult *self,
                                        guint               index)
{
  g_return_val_if_fail (BMB_IS_ICS_IMPORT_RESULT (self), 0);
  g_return_val_if_fail (index < self->skipped_lines->len, 0);

  return g_array_index (self->skipped_lines, guint, index);
}

const char *
bmb_ics_import_result_get_skipped_reason (BmbIcsImportResult *self,
                                          guint               index)
{
  g_return_val_if_fail (BMB_IS_ICS_IMPORT_RESULT (self), NULL);
  g_return_val_if_fail (index < self->skipped_reasons->len, NULL);

  return g_ptr_array_index (self->skipped_reasons, index);
}

guint
bmb_ics_import_result_get_n_notes (BmbIcsImportResult *self)
{
  g_return_val_if_fail (BMB_IS_ICS_IMPORT_RESULT (self), 0);

  return self->note_lines->len;
}

guint
bmb_ics_import_result_get_note_line (BmbIcsImportResult *self,
                                     guint               index)
{
  g_return_val_if_fail (BMB_IS_ICS_IMPORT_RESULT (self), 0);
  g_return_val_if_fail (index < self->note_lines->len, 0);

  return g_array_index (self->note_lines, guint, index);
}

const char *
bmb_ics_import_result_get_note_reason (BmbIcsImportResult *self,
                                       guint               index)
{
  g_return_val_if_fail (BMB_IS_ICS_IMPORT_RESULT (self), NULL);
  g_return_val_if_fail (index < self->note_reasons->len, NULL);

  return g_ptr_array_index (self->note_reasons, index);
}

typedef struct
{
  guint       line;
  guint       order;
  const char *reason;
} Message;

static int
compare_messages (gconstpointer a,
                  gconstpointer b)
{
  const Message *ma = a;
  const Message *mb = b;

  if (ma->line != mb->line)
    return ma->line < mb->line ? -1 : 1;

  return ma->order < mb->order ? -1 : ma->order > mb->order;
}

const char * const *
bmb_ics_import_result_get_messages (BmbIcsImportResult *self)
{
  g_return_val_if_fail (BMB_IS_ICS_IMPORT_RESULT (self), NULL);

  if (self->messages == NULL)
    {
      g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (Message));

      for (guint i = 0; i < self->skipped_lines->len; i++)
        {
          Message message = { g_array_index (self->skipped_lines, guint, i), all->len,
                              g_ptr_array_index (self->skipped_reasons, i) };

          g_array_append_val (all, message);
        }
      for (guint i = 0; i < self->note_lines->len; i++)
        {
          Message message = { g_array_index (self->note_lines, guint, i), all->len,
                              g_ptr_array_index (self->note_reasons, i) };

          g_array_append_val (all, message);
        }
      /* Overrides are read after every series: back into file order. */
      g_array_sort (all, compare_messages);

      self->messages = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < all->len; i++)
        {
          const Message *message = &g_array_index (all, Message, i);

          g_ptr_array_add (self->messages,
                           /* Translators: a line of the import report; %u is a line number,
                            * %s why the event was not imported or what was changed */
                           g_strdup_printf (_("Line %u: %s"), message->line, message->reason));
        }
      g_ptr_array_add (self->messages, NULL);
    }

  return (const char * const *)self->messages->pdata;
}

void
_bmb_ics_import_result_add_note (BmbIcsImportResult *self,
                                 guint               line,
                                 const char         *reason)
{
  g_array_append_val (self->note_lines, line);
  g_ptr_array_add (self->note_reasons, g_strdup (reason));
  g_clear_pointer (&self->messages, g_ptr_array_unref);
}

void
_bmb_ics_import_result_add_skipped (BmbIcsImportResult *self,
                                    guint               line,
                                    const char         *reason)
{
  g_array_append_val (self->skipped_lines, line);
  g_ptr_array_add (self->skipped_reasons, g_strdup (reason));
  g_clear_pointer (&self->messages, g_ptr_array_unref);
}

void
_bmb_ics_import_result_add_done (BmbIcsImportResult *self,
                                 gboolean            updated)
{
  if (updated)
    self->updated++;
  else
    self->imported++;
}
