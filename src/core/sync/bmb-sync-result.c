/* bmb-sync-result.c — what one sync of one collection did
 *
 * Copyright 2026 The Bimbing Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bmb-sync-result.h"

struct _BmbSyncResult
{
  GObject    parent_instance;

  guint      sent;
  guint      received;
  guint      deleted_local;
  guint      deleted_remote;
  guint      skipped;
  GPtrArray *conflicts;   /* char *, NULL-terminated */
};

G_DEFINE_FINAL_TYPE (BmbSyncResult, bmb_sync_result, G_TYPE_OBJECT)

static void
bmb_sync_result_finalize (GObject *object)
{
  BmbSyncResult *self = BMB_SYNC_RESULT (object);

  g_ptr_array_unref (self->conflicts);
  G_OBJECT_CLASS (bmb_sync_result_parent_class)->finalize (object);
}

static void
bmb_sync_result_class_init (BmbSyncResultClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bmb_sync_result_finalize;
}

static void
bmb_sync_result_init (BmbSyncResult *self)
{
  self->conflicts = g_ptr_array_new_null_terminated (0, g_free, TRUE);
}

BmbSyncResult *
bmb_sync_result_new (void)
{
  return g_object_new (BMB_TYPE_SYNC_RESULT, NULL);
}

guint bmb_sync_result_get_sent (BmbSyncResult *self) { return self->sent; }
guint bmb_sync_result_get_received (BmbSyncResult *self) { return self->received; }
guint bmb_sync_result_get_deleted_local (BmbSyncResult *self) { return self->deleted_local; }
guint bmb_sync_result_get_deleted_remote (BmbSyncResult *self) { return self->deleted_remote; }
guint bmb_sync_result_get_skipped (BmbSyncResult *self) { return self->skipped; }
guint bmb_sync_result_get_n_conflicts (BmbSyncResult *self) { return self->conflicts->len; }

const char * const *
bmb_sync_result_get_conflicts (BmbSyncResult *self)
{
  return (const char * const *)self->conflicts->pdata;
}

void _bmb_sync_result_add_sent (BmbSyncResult *self) { self->sent++; }
void _bmb_sync_result_add_received (BmbSyncResult *self) { self->received++; }
void _bmb_sync_result_add_deleted_local (BmbSyncResult *self) { self->deleted_local++; }
void _bmb_sync_result_add_deleted_remote (BmbSyncResult *self) { self->deleted_remote++; }
void _bmb_sync_result_add_skipped (BmbSyncResult *self) { self->skipped++; }

void
_bmb_sync_result_add_conflict (BmbSyncResult *self,
                               const char    *description)
{
  g_ptr_array_add (self->conflicts, g_strdup (description));
}

char *
bmb_sync_result_to_string (BmbSyncResult *self)
{
  g_autofree char *sent = NULL;
  g_autofree char *received = NULL;
  g_autofree char *deleted = NULL;
  g_autofree char *conflicts = NULL;

  g_return_val_if_fail (BMB_IS_SYNC_RESULT (self), NULL);

  /* Translators: the first part of a sync summary, "Sent 3 items, received 2 items,
   * deleted 0 here and 1 on the server, 1 conflict" */
  sent = g_strdup_printf (ngettext ("Sent %u item", "Sent %u items", self->sent), self->sent);
  /* Translators: a part of a sync summary, see "Sent %u item" */
  received = g_strdup_printf (ngettext ("received %u item", "received %u items", self->received),
                              self->received);
  /* Translators: a part of a sync summary; the first %u is a count of items deleted on
   * this computer, the second of items deleted on the server */
  deleted = g_strdup_printf (_("deleted %u here and %u on the server"),
                             self->deleted_local, self->deleted_remote);
  /* Translators: the last part of a sync summary */
  conflicts = g_strdup_printf (ngettext ("%u conflict", "%u conflicts", self->conflicts->len),
                               self->conflicts->len);
  /* Translators: joins the parts of a sync summary: "Sent 3 items, received 2 items, …" */
  return g_strdup_printf (_("%s, %s, %s, %s."), sent, received, deleted, conflicts);
}
