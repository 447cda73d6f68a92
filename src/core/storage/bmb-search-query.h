/* bmb-search-query.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the user typed in a search field as an FTS5 MATCH expression, the same
 * for contacts and sessions (both indexes use unicode61, which only indexes
 * letters and digits).
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Each whitespace-separated term becomes a quoted prefix phrase, so user text
 * never becomes FTS5 syntax ("siti r" → `"siti"* "r"*`, all must match).
 * Only letters and digits are searchable: a term without any (punctuation,
 * emoji) is dropped, and text with no searchable word at all gives NULL,
 * which callers turn into "nothing matches". At most BMB_LIMIT_SEARCH_WORDS
 * words (runs of letters and digits, counted over all terms) are kept; the
 * rest of the text is ignored. Repeated terms count once. */
char     *bmb_search_query_to_fts   (const char *text);

/* NULL, empty or only white space: no search at all. */
gboolean  bmb_search_query_is_blank (const char *text);

G_END_DECLS
