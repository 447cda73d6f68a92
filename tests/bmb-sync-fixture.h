/* bmb-sync-fixture.h — two Bimbing databases and one in-memory server, for the sync tests
 *
 * Copyright 2026 The Bimbing Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Side A and side B each have a temporary database, an engine and the stores; they sync
 * through one calendar and one address book (tests/bmb-fake-remote.c). With non-NULL test
 * data the server offers no sync-collection (ctag and etag listings only).
 */
#pragma once

#include "bmb-contact-store.h"
#include "bmb-fake-remote.h"
#include "bmb-goal-store.h"
#include "bmb-mentoring-store.h"
#include "bmb-sync-engine.h"

G_BEGIN_DECLS

#define CAL_URL "/dav/calendars/ana/bimbing/"
#define BOOK_URL "/dav/addressbooks/ana/bimbing/"

typedef struct
{
  BmbDatabase       *db;
  BmbSyncEngine     *engine;
  BmbMentoringStore *mentoring;
  BmbGoalStore      *goals;
  BmbContactStore   *contacts;
} Side;

typedef struct
{
  Side           a;
  Side           b;
  BmbFakeRemote *calendar;
  BmbFakeRemote *book;
  guint          confirms;
  gboolean       confirm_answer;
} Fixture;

void           side_init         (Side          *side);
void           side_clear        (Side          *side);
void           fixture_set_up    (Fixture       *fixture,
                                  gconstpointer  data);
void           fixture_tear_down (Fixture       *fixture,
                                  gconstpointer  data);
/* Syncs one collection of @side, asserting success. */
BmbSyncResult *sync_remote       (Side          *side,
                                  BmbFakeRemote *remote);
/* Both collections of @side. */
void           sync_side         (Fixture       *fixture,
                                  Side          *side);
/* A, then B, then A: everything settled on both. */
void           sync_all          (Fixture       *fixture);

/* A weekly (or single) session in Jakarta with a location, notes and an agenda item. */
BmbSession    *make_session      (Side          *side,
                                  const char    *title,
                                  gboolean       weekly);
BmbSession    *find_session      (Side          *side,
                                  const char    *uid);
/* A contact with a work email and one call logged. */
BmbContact    *make_contact      (Side          *side,
                                  const char    *name,
                                  const char    *email);
BmbContact    *find_contact      (Side          *side,
                                  const char    *uid);
BmbGoal       *make_goal         (Side          *side,
                                  const char    *title);
GPtrArray     *all_goals         (Side          *side);
/* SELECT count (*) FROM @table (may carry a WHERE). */
gint64         count_rows        (Side          *side,
                                  const char    *table);

G_END_DECLS
