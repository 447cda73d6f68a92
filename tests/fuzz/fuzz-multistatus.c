/* fuzz-multistatus.c — a CalDAV/CardDAV server's XML reply
 *
 * Copyright 2026 The Bimbing Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is the body of a 207 reply (PROPFIND, REPORT sync-collection or multiget) or
 * of an error reply: the multistatus reader, every href through the canonical and
 * comparable forms, and the DAV:error precondition test.
 */

#include "config.h"

#include "bmb-dav-multistatus.h"
#include "bmb-fuzz.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  bmb_fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(BmbDavMultistatus) multistatus = NULL;
  g_autoptr(GBytes) body = g_bytes_new (data, size);

  multistatus = bmb_dav_multistatus_parse ((const char *)data, size, "/user/calendar/",
                                           "fuzz.example", NULL);
  if (multistatus != NULL)
    {
      for (guint i = 0; i < multistatus->responses->len; i++)
        {
          BmbDavResponse *response = g_ptr_array_index (multistatus->responses, i);
          g_autofree char *canonical = bmb_dav_href_canonical (response->href);
          g_autofree char *key = bmb_dav_href_normalize (response->href);

          g_assert (canonical != NULL && key != NULL);
          g_assert (response->href[0] == '/');
        }
    }
  bmb_dav_error_has_condition (body, BMB_DAV_NS_DAV, "valid-sync-token");
  return 0;
}
