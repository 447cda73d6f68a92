/* fuzz-sync-content.c — resources from a CalDAV/CardDAV server, as the sync engine reads them
 *
 * Copyright 2026 The Bimbing Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is up to four resources separated by lines of "=====": what the server had,
 * what it has, what Bimbing rendered then and renders now. Each is hashed and its UID
 * and type read; the four are merged three ways, the result hashed again; and the
 * server's copy is written as a goal and as an action item into an in-memory database
 * (rolled back), as a pull would.
 */

#include "config.h"

#include <string.h>

#include "bmb-fuzz.h"
#include "bmb-sync-content.h"
#include "bmb-sync-map-private.h"

static BmbDatabase *database;
static BmbSyncMap map;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  bmb_fuzz_init ();
  database = bmb_fuzz_open_database ();
  _bmb_sync_map_init (&map, database, TRUE);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = bmb_fuzz_dup_string (data, size);
  g_auto(GStrv) parts = g_strsplit (text, "\n=====\n", 4);
  const char *docs[4] = { NULL, NULL, NULL, NULL };
  g_autofree char *merged = NULL;
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify)bmb_sync_conflict_free);

  for (guint i = 0; parts[i] != NULL && i < 4; i++)
    {
      g_autofree char *hash = bmb_sync_content_hash (parts[i], strlen (parts[i]));
      g_autofree char *uid = bmb_sync_content_dup_uid (parts[i], strlen (parts[i]));

      g_assert (hash != NULL && strlen (hash) == 64);
      (void)bmb_sync_content_get_type (parts[i], strlen (parts[i]));
      docs[i] = *parts[i] ? parts[i] : NULL;
    }

  if (docs[3] != NULL)
    {
      g_autofree char *again = NULL;

      merged = bmb_sync_content_merge (docs[0], docs[1], docs[2], docs[3], conflicts);
      g_assert (merged != NULL);
      g_free (bmb_sync_content_hash (merged, strlen (merged)));
      /* Merging a resource into itself changes nothing Bimbing compares. */
      again = bmb_sync_content_merge (merged, merged, merged, merged, NULL);
      g_assert (again != NULL);
    }

  if (docs[1] != NULL && bmb_database_begin (database, NULL))
    {
      g_autoptr(GError) error = NULL;

      _bmb_sync_map_apply (&map, BMB_SYNC_KIND_GOAL, docs[1], 0, &error);
      g_clear_error (&error);
      _bmb_sync_map_apply (&map, BMB_SYNC_KIND_ACTION_ITEM, docs[1], 0, &error);
      bmb_database_rollback (database);
    }

  return 0;
}
