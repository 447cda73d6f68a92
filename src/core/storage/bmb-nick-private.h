/* bmb-nick-private.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tables behind the models' small enums: the nick stored in the
 * database, the translatable label (N_) and, where there is one, a line
 * that explains it. The enum value is the index.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *nick;
  const char *label;
  const char *description;
} BmbNick;

/* Sets @index to the entry whose nick is @str; FALSE (and @index untouched)
 * when there is none, or @str is NULL. */
static inline gboolean
_bmb_nick_lookup (const BmbNick *table,
                  guint          n_entries,
                  const char    *str,
                  guint         *index)
{
  for (guint i = 0; str != NULL && i < n_entries; i++)
    {
      if (g_str_equal (str, table[i].nick))
        {
          *index = i;
          return TRUE;
        }
    }

  return FALSE;
}

G_END_DECLS
