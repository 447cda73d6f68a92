/* bmb-schema-sync-relationships.c — data version 8: relationships travel in sync
 *
 * Copyright 2026 The Bimbing Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Kept beside bmb-schema.c (which holds the older migrations) so that file stays short.
 */
#include "config.h"

#include "bmb-schema-private.h"

/* Version 8: a relationship (with its phase) is a resource of the Bimbing calendar
 * (VJOURNAL, src/core/sync/bmb-sync-map-relationship.c). sync_items is rebuilt, the same
 * columns and rows, for its local_kind to accept 'relationship'; triggers mark written
 * relationships in sync_dirty, only while a collection exists, as for the other kinds. */
const char _bmb_schema_migration_8[] =
  "CREATE TABLE sync_items_v7 ("
  "  id            INTEGER PRIMARY KEY,"
  "  collection_id INTEGER NOT NULL REFERENCES sync_collections (id) ON DELETE CASCADE,"
  "  uid           TEXT NOT NULL,"
  "  href          TEXT NOT NULL,"
  "  etag          TEXT,"
  "  hash          TEXT,"
  "  server_copy   BLOB,"
  "  local_copy    BLOB,"
  "  local_kind    TEXT CHECK (local_kind IS NULL OR local_kind IN"
  "                  ('session', 'goal', 'action-item', 'contact', 'relationship')),"
  "  local_id      INTEGER,"
  "  tombstone     INTEGER NOT NULL DEFAULT 0 CHECK (tombstone IN (0, 1)),"
  "  conflict      BLOB,"
  "  UNIQUE (collection_id, href)"
  ");"
  "INSERT INTO sync_items_v7 (id, collection_id, uid, href, etag, hash, server_copy,"
  "                           local_copy, local_kind, local_id, tombstone, conflict)"
  "  SELECT id, collection_id, uid, href, etag, hash, server_copy, local_copy, local_kind,"
  "         local_id, tombstone, conflict FROM sync_items;"
  "DROP TABLE sync_items;"
  "ALTER TABLE sync_items_v7 RENAME TO sync_items;"
  "CREATE INDEX sync_items_local ON sync_items (local_kind, local_id);"
  "CREATE INDEX sync_items_uid ON sync_items (uid);"
  "CREATE TRIGGER relationships_sync_insert AFTER INSERT ON relationships"
  "  WHEN EXISTS (SELECT 1 FROM sync_collections) BEGIN"
  "  INSERT OR REPLACE INTO sync_dirty (kind, local_id) VALUES ('relationship', new.id);"
  "END;"
  "CREATE TRIGGER relationships_sync_update AFTER UPDATE ON relationships"
  "  WHEN EXISTS (SELECT 1 FROM sync_collections) BEGIN"
  "  INSERT OR REPLACE INTO sync_dirty (kind, local_id) VALUES ('relationship', new.id);"
  "END;"
  "CREATE TRIGGER relationships_sync_delete AFTER DELETE ON relationships"
  "  WHEN EXISTS (SELECT 1 FROM sync_collections) BEGIN"
  "  INSERT OR REPLACE INTO sync_dirty (kind, local_id) VALUES ('relationship', old.id);"
  "END;";
