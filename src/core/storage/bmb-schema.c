/* bmb-schema.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The schema, versioned by PRAGMA user_version. Each migration runs in one
 * transaction, after a backup of existing data beside the database (the
 * newest three are kept). Later versions add columns and tables; they never reinvent
 * what is here.
 *
 * Conventions: ids are INTEGER PRIMARY KEY; timestamps (created_at,
 * updated_at, delivered_at…) are Unix seconds (UTC); calendar dates are
 * 'YYYY-MM-DD'; wall-clock times are 'YYYY-MM-DDTHH:MM:SS' beside an IANA
 * zone id; enumerations are short lowercase strings with CHECKs.
 */

#define G_LOG_DOMAIN "bmb-schema"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "bmb-schema.h"
#include "bmb-schema-private.h"


static const char migration_1[] =
  /* ---- Networking ------------------------------------------------------ */
  "CREATE TABLE contacts ("
  "  id               INTEGER PRIMARY KEY,"
  "  uid              TEXT NOT NULL UNIQUE,"          /* stable id for vCard UID */
  "  display_name     TEXT NOT NULL CHECK (length (trim (display_name)) > 0),"
  "  prefix           TEXT,"
  "  given_name       TEXT,"
  "  additional_names TEXT,"
  "  family_name      TEXT,"
  "  suffix           TEXT,"
  "  nickname         TEXT,"
  "  organization     TEXT,"
  "  role             TEXT,"                          /* job title */
  "  birthday         TEXT,"                          /* YYYY-MM-DD */
  "  met_where        TEXT,"
  "  met_on           TEXT,"                          /* YYYY-MM-DD */
  "  met_event        TEXT,"
  "  introduced_by    INTEGER REFERENCES contacts (id) ON DELETE SET NULL,"
  "  notes            TEXT,"
  "  keep_in_touch_count INTEGER CHECK (keep_in_touch_count IS NULL OR"
  "                                     keep_in_touch_count BETWEEN 1 AND 999),"
  "  keep_in_touch_unit  TEXT CHECK (keep_in_touch_unit IS NULL OR"
  "                                  keep_in_touch_unit IN ('day', 'week', 'month')),"
  "  last_contact_on  TEXT,"                          /* newest interaction, YYYY-MM-DD */
  "  next_follow_up_on TEXT,"                         /* derived by the store, YYYY-MM-DD */
  "  sort_key         TEXT NOT NULL DEFAULT '',"      /* casefolded collation key */
  "  created_at       INTEGER NOT NULL,"
  "  updated_at       INTEGER NOT NULL"
  ");"
  "CREATE INDEX contacts_sort_key ON contacts (sort_key, id);"
  "CREATE INDEX contacts_last_contact ON contacts (last_contact_on, id);"
  "CREATE INDEX contacts_next_follow_up ON contacts (next_follow_up_on, id)"
  "  WHERE next_follow_up_on IS NOT NULL;"
  "CREATE INDEX contacts_introduced_by ON contacts (introduced_by);"

  "CREATE TABLE contact_fields ("                     /* labelled emails, phones, links */
  "  id         INTEGER PRIMARY KEY,"
  "  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE"
  "             DEFERRABLE INITIALLY DEFERRED,"
  "  kind       TEXT NOT NULL CHECK (kind IN ('email', 'phone', 'url')),"
  "  label      TEXT,"                                /* home, work, mobile, LinkedIn… */
  "  value      TEXT NOT NULL CHECK (length (value) > 0),"
  "  preferred  INTEGER NOT NULL DEFAULT 0 CHECK (preferred IN (0, 1)),"
  "  position   INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX contact_fields_contact ON contact_fields (contact_id, kind, position);"
  "CREATE INDEX contact_fields_value ON contact_fields (kind, value COLLATE NOCASE);"

  "CREATE TABLE contact_tags ("
  "  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE"
  "             DEFERRABLE INITIALLY DEFERRED,"
  "  tag        TEXT NOT NULL COLLATE NOCASE CHECK (length (trim (tag)) > 0),"
  "  PRIMARY KEY (contact_id, tag)"
  ") WITHOUT ROWID;"
  "CREATE INDEX contact_tags_tag ON contact_tags (tag);"

  "CREATE TABLE interactions ("
  "  id          INTEGER PRIMARY KEY,"
  "  contact_id  INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,"
  "  happened_on TEXT NOT NULL,"                      /* YYYY-MM-DD */
  "  channel     TEXT NOT NULL CHECK (channel IN"
  "                ('meeting', 'call', 'email', 'message', 'event', 'other')),"
  "  summary     TEXT,"
  "  created_at  INTEGER NOT NULL"
  ");"
  "CREATE INDEX interactions_contact ON interactions (contact_id, happened_on);"

  /* ---- Mentoring ------------------------------------------------------- */
  /* mentor_id / mentee_id: NULL means "me"; at most one side is me. */
  "CREATE TABLE relationships ("
  "  id              INTEGER PRIMARY KEY,"
  "  title           TEXT,"
  "  mentor_id       INTEGER REFERENCES contacts (id) ON DELETE RESTRICT,"
  "  mentee_id       INTEGER REFERENCES contacts (id) ON DELETE RESTRICT,"
  "  kind            TEXT NOT NULL DEFAULT 'one-on-one' CHECK (kind IN"
  "                    ('one-on-one', 'peer', 'group', 'reverse', 'virtual')),"
  "  phase           TEXT NOT NULL DEFAULT 'preparation' CHECK (phase IN"
  "                    ('preparation', 'negotiation', 'enabling', 'closure')),"
  "  goals           TEXT,"                           /* agreement: what we aim for */
  "  cadence         TEXT,"                           /* agreement: how often we meet */
  "  confidentiality TEXT,"                           /* agreement: what stays between us */
  "  planned_duration TEXT,"                          /* agreement: e.g. six months */
  "  started_on      TEXT,"
  "  planned_end_on  TEXT,"
  "  ended_on        TEXT,"
  "  closing_achieved   TEXT,"
  "  closing_thanks     TEXT,"
  "  closing_next_steps TEXT,"
  "  created_at      INTEGER NOT NULL,"
  "  updated_at      INTEGER NOT NULL,"
  "  CHECK (mentor_id IS NOT NULL OR mentee_id IS NOT NULL),"
  "  CHECK (planned_end_on IS NULL OR started_on IS NULL OR planned_end_on >= started_on)"
  ");"
  "CREATE INDEX relationships_mentor ON relationships (mentor_id);"
  "CREATE INDEX relationships_mentee ON relationships (mentee_id);"

  "CREATE TABLE sessions ("
  "  id              INTEGER PRIMARY KEY,"
  "  uid             TEXT NOT NULL UNIQUE,"           /* iCalendar UID */
  "  relationship_id INTEGER REFERENCES relationships (id) ON DELETE CASCADE,"
  "  title           TEXT NOT NULL,"
  "  start_local     TEXT NOT NULL,"                  /* YYYY-MM-DDTHH:MM:SS wall clock */
  "  tzid            TEXT NOT NULL,"                  /* IANA zone id */
  "  duration_min    INTEGER NOT NULL DEFAULT 60 CHECK (duration_min BETWEEN 1 AND 10080),"
  "  location        TEXT,"                           /* a place or a video link */
  "  notes           TEXT,"
  "  rrule           TEXT,"                           /* RFC 5545 RRULE value, NULL: once */
  "  exdates         TEXT,"                           /* comma-separated local starts */
  "  reminders       TEXT NOT NULL DEFAULT '15',"     /* comma-separated minutes before */
  "  status          TEXT NOT NULL DEFAULT 'planned' CHECK (status IN"
  "                    ('planned', 'done', 'cancelled')),"
  "  created_at      INTEGER NOT NULL,"
  "  updated_at      INTEGER NOT NULL"
  ");"
  "CREATE INDEX sessions_relationship ON sessions (relationship_id, start_local);"
  "CREATE INDEX sessions_start ON sessions (start_local);"

  "CREATE TABLE session_overrides ("                  /* one occurrence edited */
  "  id               INTEGER PRIMARY KEY,"
  "  session_id       INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,"
  "  occurrence_start TEXT NOT NULL,"                 /* original local start (RECURRENCE-ID) */
  "  start_local      TEXT,"                          /* moved to, NULL: unchanged */
  "  duration_min     INTEGER CHECK (duration_min IS NULL OR duration_min BETWEEN 1 AND 10080),"
  "  title            TEXT,"
  "  location         TEXT,"
  "  notes            TEXT,"
  "  status           TEXT CHECK (status IS NULL OR status IN ('planned', 'done', 'cancelled')),"
  "  UNIQUE (session_id, occurrence_start)"
  ");"

  "CREATE TABLE agenda_items ("
  "  id         INTEGER PRIMARY KEY,"
  "  session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,"
  "  position   INTEGER NOT NULL,"
  "  text       TEXT NOT NULL,"
  "  done       INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1))"
  ");"
  "CREATE INDEX agenda_items_session ON agenda_items (session_id, position);"

  "CREATE TABLE action_items ("
  "  id              INTEGER PRIMARY KEY,"
  "  relationship_id INTEGER REFERENCES relationships (id) ON DELETE CASCADE,"
  "  session_id      INTEGER REFERENCES sessions (id) ON DELETE SET NULL,"
  "  owner           TEXT NOT NULL CHECK (owner IN ('mentor', 'mentee')),"
  "  text            TEXT NOT NULL CHECK (length (trim (text)) > 0),"
  "  due_on          TEXT,"
  "  done            INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),"
  "  done_at         INTEGER,"
  "  position        INTEGER NOT NULL DEFAULT 0,"
  "  created_at      INTEGER NOT NULL,"
  "  CHECK (relationship_id IS NOT NULL OR session_id IS NOT NULL)"
  ");"
  "CREATE INDEX action_items_relationship ON action_items (relationship_id, done);"
  "CREATE INDEX action_items_session ON action_items (session_id);"

  "CREATE TABLE goals ("                              /* SMART goals */
  "  id              INTEGER PRIMARY KEY,"
  "  relationship_id INTEGER REFERENCES relationships (id) ON DELETE CASCADE,"
  "  title           TEXT NOT NULL CHECK (length (trim (title)) > 0),"
  "  specific        TEXT,"
  "  measurable      TEXT,"
  "  achievable      TEXT,"
  "  relevant        TEXT,"
  "  time_bound      TEXT,"
  "  due_on          TEXT,"
  "  progress        INTEGER NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),"
  "  status          TEXT NOT NULL DEFAULT 'active' CHECK (status IN"
  "                    ('active', 'achieved', 'dropped')),"
  "  created_at      INTEGER NOT NULL,"
  "  updated_at      INTEGER NOT NULL"
  ");"
  "CREATE INDEX goals_relationship ON goals (relationship_id, status);"

  /* ---- Self-assessment --------------------------------------------------- */
  /* Built-ins are keyed (builtin_key, item key) and translated at display
   * time; custom templates keep their own text in title / explanation. */
  "CREATE TABLE checklist_templates ("
  "  id          INTEGER PRIMARY KEY,"
  "  builtin_key TEXT UNIQUE,"                        /* NULL for custom templates */
  "  title       TEXT,"
  "  description TEXT,"
  "  answer_kind TEXT NOT NULL DEFAULT 'yes-no' CHECK (answer_kind IN ('yes-no', 'rating')),"
  "  position    INTEGER NOT NULL DEFAULT 0,"
  "  created_at  INTEGER NOT NULL,"
  "  updated_at  INTEGER NOT NULL,"
  "  CHECK (builtin_key IS NOT NULL OR length (trim (title)) > 0)"
  ");"

  "CREATE TABLE checklist_items ("
  "  id          INTEGER PRIMARY KEY,"
  "  template_id INTEGER NOT NULL REFERENCES checklist_templates (id) ON DELETE CASCADE,"
  "  item_key    TEXT,"                               /* built-in items: stable key */
  "  section     TEXT,"                               /* e.g. the phase an item belongs to */
  "  title       TEXT,"
  "  explanation TEXT,"
  "  position    INTEGER NOT NULL DEFAULT 0,"
  "  UNIQUE (template_id, item_key),"
  "  CHECK (item_key IS NOT NULL OR length (trim (title)) > 0)"
  ");"
  "CREATE INDEX checklist_items_template ON checklist_items (template_id, position);"

  "CREATE TABLE assessments ("
  "  id              INTEGER PRIMARY KEY,"
  "  template_id     INTEGER NOT NULL REFERENCES checklist_templates (id) ON DELETE CASCADE,"
  "  relationship_id INTEGER REFERENCES relationships (id) ON DELETE SET NULL,"
  "  status          TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'complete')),"
  "  taken_at        INTEGER,"                        /* when completed */
  "  created_at      INTEGER NOT NULL,"
  "  updated_at      INTEGER NOT NULL"
  ");"
  "CREATE INDEX assessments_template ON assessments (template_id, status, taken_at);"

  "CREATE TABLE answers ("
  "  assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,"
  "  item_id       INTEGER NOT NULL REFERENCES checklist_items (id) ON DELETE CASCADE,"
  "  value         INTEGER CHECK (value IS NULL OR value BETWEEN 0 AND 5),"
  "  note          TEXT,"
  "  PRIMARY KEY (assessment_id, item_id)"
  ") WITHOUT ROWID;"

  /* ---- Reminders --------------------------------------------------------- */
  /* kind: 'session' (item = session id, occurrence = UTC start),
   * 'follow-up' (item = contact id, occurrence = due date),
   * 'goal' (item = goal id, occurrence = due date). */
  "CREATE TABLE reminder_log ("
  "  id           INTEGER PRIMARY KEY,"
  "  kind         TEXT NOT NULL CHECK (kind IN ('session', 'follow-up', 'goal')),"
  "  item_id      INTEGER NOT NULL,"
  "  occurrence   TEXT NOT NULL,"
  "  offset_min   INTEGER NOT NULL DEFAULT 0,"
  "  delivered_at INTEGER NOT NULL,"
  "  UNIQUE (kind, item_id, occurrence, offset_min)"
  ");"

  "CREATE TABLE snoozes ("
  "  id         INTEGER PRIMARY KEY,"
  "  kind       TEXT NOT NULL CHECK (kind IN ('session', 'follow-up', 'goal')),"
  "  item_id    INTEGER NOT NULL,"
  "  occurrence TEXT NOT NULL,"
  "  offset_min INTEGER NOT NULL DEFAULT 0,"
  "  due_at     INTEGER NOT NULL,"                    /* Unix seconds */
  "  UNIQUE (kind, item_id, occurrence, offset_min)"
  ");"
  "CREATE INDEX snoozes_due ON snoozes (due_at);"

  /* ---- Full-text search -------------------------------------------------- */
  /* Our own copy of the searchable text, keyed by contact id, rebuilt for a
   * contact by triggers whenever it or its fields or tags change.
   * Bulk writers (imports) may insert a contact's fields and tags FIRST, with
   * the contact's id chosen up front, and the contact row last: the child
   * foreign keys are deferred to the commit, the child triggers then touch no
   * row, and the contact's insert trigger indexes everything in one write
   * instead of five. */
  "CREATE VIRTUAL TABLE contacts_fts USING fts5 ("
  "  name, organization, role, emails, tags, notes, met,"
  "  tokenize = 'unicode61 remove_diacritics 2',"
  "  prefix = '1 2 3'"
  ");"

  "CREATE TRIGGER contacts_fts_insert AFTER INSERT ON contacts BEGIN"
  "  INSERT INTO contacts_fts (rowid, name, organization, role, emails, tags, notes, met)"
  "  VALUES (new.id,"
  "          ifnull (new.display_name, '') || ' ' || ifnull (new.nickname, '') || ' ' ||"
  "          ifnull (new.given_name, '') || ' ' || ifnull (new.family_name, ''),"
  "          new.organization, new.role,"
  "          (SELECT group_concat (value, ' ') FROM contact_fields"
  "            WHERE contact_id = new.id AND kind = 'email'),"
  "          (SELECT group_concat (tag, ' ') FROM contact_tags WHERE contact_id = new.id),"
  "          new.notes,"
  "          ifnull (new.met_where, '') || ' ' || ifnull (new.met_event, ''));"
  "END;"
  "CREATE TRIGGER contacts_fts_update AFTER UPDATE OF display_name, nickname, given_name,"
  "    family_name, organization, role, notes, met_where, met_event ON contacts BEGIN"
  "  DELETE FROM contacts_fts WHERE rowid = old.id;"
  "  INSERT INTO contacts_fts (rowid, name, organization, role, emails, tags, notes, met)"
  "  VALUES (new.id,"
  "          ifnull (new.display_name, '') || ' ' || ifnull (new.nickname, '') || ' ' ||"
  "          ifnull (new.given_name, '') || ' ' || ifnull (new.family_name, ''),"
  "          new.organization, new.role,"
  "          (SELECT group_concat (value, ' ') FROM contact_fields"
  "            WHERE contact_id = new.id AND kind = 'email'),"
  "          (SELECT group_concat (tag, ' ') FROM contact_tags WHERE contact_id = new.id),"
  "          new.notes, ifnull (new.met_where, '') || ' ' || ifnull (new.met_event, ''));"
  "END;"
  "CREATE TRIGGER contacts_fts_delete AFTER DELETE ON contacts BEGIN"
  "  DELETE FROM contacts_fts WHERE rowid = old.id;"
  "END;"
  /* Child rows touch the parent's FTS row through a no-op UPDATE of notes,
   * which re-runs contacts_fts_update with the current children. */
  "CREATE TRIGGER contact_fields_fts_insert AFTER INSERT ON contact_fields"
  "  WHEN new.kind = 'email' BEGIN"
  "  UPDATE contacts SET notes = notes WHERE id = new.contact_id;"
  "END;"
  "CREATE TRIGGER contact_fields_fts_delete AFTER DELETE ON contact_fields"
  "  WHEN old.kind = 'email' BEGIN"
  "  UPDATE contacts SET notes = notes WHERE id = old.contact_id;"
  "END;"
  "CREATE TRIGGER contact_fields_fts_update AFTER UPDATE ON contact_fields"
  "  WHEN old.kind = 'email' OR new.kind = 'email' BEGIN"
  "  UPDATE contacts SET notes = notes WHERE id IN (old.contact_id, new.contact_id);"
  "END;"
  "CREATE TRIGGER contact_tags_fts_insert AFTER INSERT ON contact_tags BEGIN"
  "  UPDATE contacts SET notes = notes WHERE id = new.contact_id;"
  "END;"
  "CREATE TRIGGER contact_tags_fts_delete AFTER DELETE ON contact_tags BEGIN"
  "  UPDATE contacts SET notes = notes WHERE id = old.contact_id;"
  "END;"

  "CREATE VIRTUAL TABLE sessions_fts USING fts5 ("
  "  title, location, notes, agenda,"
  "  tokenize = 'unicode61 remove_diacritics 2',"
  "  prefix = '1 2 3'"
  ");"
  "CREATE TRIGGER sessions_fts_insert AFTER INSERT ON sessions BEGIN"
  "  INSERT INTO sessions_fts (rowid, title, location, notes, agenda)"
  "  VALUES (new.id, new.title, new.location, new.notes, '');"
  "END;"
  "CREATE TRIGGER sessions_fts_update AFTER UPDATE OF title, location, notes ON sessions BEGIN"
  "  DELETE FROM sessions_fts WHERE rowid = old.id;"
  "  INSERT INTO sessions_fts (rowid, title, location, notes, agenda)"
  "  VALUES (new.id, new.title, new.location, new.notes,"
  "          (SELECT group_concat (text, ' ') FROM agenda_items WHERE session_id = new.id));"
  "END;"
  "CREATE TRIGGER sessions_fts_delete AFTER DELETE ON sessions BEGIN"
  "  DELETE FROM sessions_fts WHERE rowid = old.id;"
  "END;"
  "CREATE TRIGGER agenda_items_fts_insert AFTER INSERT ON agenda_items BEGIN"
  "  UPDATE sessions SET notes = notes WHERE id = new.session_id;"
  "END;"
  "CREATE TRIGGER agenda_items_fts_delete AFTER DELETE ON agenda_items BEGIN"
  "  UPDATE sessions SET notes = notes WHERE id = old.session_id;"
  "END;"
  "CREATE TRIGGER agenda_items_fts_update AFTER UPDATE OF text ON agenda_items BEGIN"
  "  UPDATE sessions SET notes = notes WHERE id = new.session_id;"
  "END;";

/* Version 2 marks the file as Bimbing's, so that --database never takes
 * over another program's SQLite file (bmb-database-file.c). */
static const char migration_2[] =
  "PRAGMA application_id = 1112359495;";   /* BMB_DATABASE_APPLICATION_ID */

G_STATIC_ASSERT (BMB_DATABASE_APPLICATION_ID == 1112359495);

/* Version 3: a record for every meeting (issue 10).
 *
 * A session stays the schedule: a one-off meeting or a series (rrule,
 * exdates). Each occurrence may have a row in `meetings`, keyed by
 * (session_id, occurrence_start = the original local start, RFC 5545
 * RECURRENCE-ID). The row carries what session_overrides carried (a moved
 * start, duration, title, location, a status) and, when `record` is 1, the
 * meeting's own record: notes, outcome, its agenda (agenda_items with its
 * meeting_id, ticks included) and the action items agreed in it
 * (action_items.meeting_id). Moving or cancelling an occurrence only
 * changes the row's schedule columns; the record stays. Agenda items
 * without a meeting_id are the series' standing agenda, which pre-fills a
 * meeting that has no record yet; action items without one belong to the
 * session or the relationship as before. A meeting's notes are its own:
 * they are no longer inherited from the series.
 *
 * Today's data moves as follows (nothing is dropped):
 * - each session_overrides row becomes the meetings row with the same id
 *   and the same values; one whose notes were set (an occurrence with its
 *   own notes) is a record (record = 1); notes '' (cleared for that
 *   occurrence) become NULL.
 * - the C step that follows this SQL (bmb-schema-meetings.c), for each
 *   session that has notes, agenda items or action items, picks its
 *   "target" meeting: for a one-off session its single meeting; for a
 *   series its most recent occurrence that started before the migration
 *   (not an EXDATE), or its first occurrence when none has started yet.
 *   The target becomes a record (created if needed), and then:
 *   · the session's notes go to the target's notes (after the target's own
 *     notes and a blank line if it had some), and sessions.notes is
 *     emptied (left as it was when the series has no occurrence at all);
 *   · a one-off session's agenda items (with their ticks) move to its
 *     meeting; a series' agenda items are copied with their ticks to the
 *     target meeting and also kept, unticked, as its standing agenda;
 *   · each action item of a session goes to the meeting it was made in:
 *     the latest occurrence that started at or before its created_at (the
 *     first occurrence if it was made before the series began; the target
 *     when the series cannot be expanded); action items with only a
 *     relationship stay on the relationship.
 * - Search: meetings_fts indexes each meeting's own title, location,
 *   notes and outcome, agenda and action items; sessions_fts keeps the
 *   series' title, location, notes and standing agenda only. */
static const char migration_3[] =
  "CREATE TABLE meetings ("
  "  id               INTEGER PRIMARY KEY,"
  "  session_id       INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,"
  "  occurrence_start TEXT NOT NULL,"                 /* original local start (RECURRENCE-ID) */
  "  start_local      TEXT,"                          /* moved to, NULL: unchanged */
  "  duration_min     INTEGER CHECK (duration_min IS NULL OR duration_min BETWEEN 1 AND 10080),"
  "  title            TEXT,"                          /* NULL: the series' */
  "  location         TEXT,"                          /* NULL: the series'; '': none */
  "  status           TEXT CHECK (status IS NULL OR status IN ('planned', 'done', 'cancelled')),"
  "  record           INTEGER NOT NULL DEFAULT 0 CHECK (record IN (0, 1)),"
  "  notes            TEXT,"
  "  outcome          TEXT,"
  "  created_at       INTEGER NOT NULL,"
  "  updated_at       INTEGER NOT NULL,"
  "  UNIQUE (session_id, occurrence_start)"
  ");"
  "INSERT INTO meetings (id, session_id, occurrence_start, start_local, duration_min, title,"
  "    location, status, record, notes, created_at, updated_at)"
  "  SELECT o.id, o.session_id, o.occurrence_start, o.start_local, o.duration_min, o.title,"
  "         o.location, o.status, o.notes IS NOT NULL, nullif (o.notes, ''),"
  "         s.updated_at, s.updated_at"
  "    FROM session_overrides o JOIN sessions s ON s.id = o.session_id;"
  "DROP TABLE session_overrides;"
  "CREATE INDEX meetings_occurrence ON meetings (occurrence_start);"
  "CREATE INDEX meetings_moved ON meetings (start_local) WHERE start_local IS NOT NULL;"

  "ALTER TABLE agenda_items ADD COLUMN meeting_id INTEGER"
  "  REFERENCES meetings (id) ON DELETE CASCADE;"
  "CREATE INDEX agenda_items_meeting ON agenda_items (meeting_id, position)"
  "  WHERE meeting_id IS NOT NULL;"
  "ALTER TABLE action_items ADD COLUMN meeting_id INTEGER"
  "  REFERENCES meetings (id) ON DELETE SET NULL;"
  "CREATE INDEX action_items_meeting ON action_items (meeting_id, position)"
  "  WHERE meeting_id IS NOT NULL;"

  /* The series' index: only the standing agenda. */
  "DROP TRIGGER sessions_fts_update;"
  "DROP TRIGGER agenda_items_fts_insert;"
  "DROP TRIGGER agenda_items_fts_delete;"
  "DROP TRIGGER agenda_items_fts_update;"
  "CREATE TRIGGER sessions_fts_update AFTER UPDATE OF title, location, notes ON sessions BEGIN"
  "  DELETE FROM sessions_fts WHERE rowid = old.id;"
  "  INSERT INTO sessions_fts (rowid, title, location, notes, agenda)"
  "  VALUES (new.id, new.title, new.location, new.notes,"
  "          (SELECT group_concat (text, ' ') FROM agenda_items"
  "            WHERE session_id = new.id AND meeting_id IS NULL));"
  "END;"

  "CREATE VIRTUAL TABLE meetings_fts USING fts5 ("
  "  title, location, notes, agenda, actions,"
  "  tokenize = 'unicode61 remove_diacritics 2',"
  "  prefix = '1 2 3'"
  ");"
  "CREATE TRIGGER meetings_fts_insert AFTER INSERT ON meetings BEGIN"
  "  INSERT INTO meetings_fts (rowid, title, location, notes, agenda, actions)"
  "  VALUES (new.id, new.title, new.location,"
  "          ifnull (new.notes, '') || ' ' || ifnull (new.outcome, ''),"
  "          (SELECT group_concat (text, ' ') FROM agenda_items WHERE meeting_id = new.id),"
  "          (SELECT group_concat (text, ' ') FROM action_items WHERE meeting_id = new.id));"
  "END;"
  "CREATE TRIGGER meetings_fts_update AFTER UPDATE OF title, location, notes, outcome"
  "    ON meetings BEGIN"
  "  DELETE FROM meetings_fts WHERE rowid = old.id;"
  "  INSERT INTO meetings_fts (rowid, title, location, notes, agenda, actions)"
  "  VALUES (new.id, new.title, new.location,"
  "          ifnull (new.notes, '') || ' ' || ifnull (new.outcome, ''),"
  "          (SELECT group_concat (text, ' ') FROM agenda_items WHERE meeting_id = new.id),"
  "          (SELECT group_concat (text, ' ') FROM action_items WHERE meeting_id = new.id));"
  "END;"
  "CREATE TRIGGER meetings_fts_delete AFTER DELETE ON meetings BEGIN"
  "  DELETE FROM meetings_fts WHERE rowid = old.id;"
  "END;"
  /* Children touch their parent's row with a no-op UPDATE, as for contacts. */
  "CREATE TRIGGER agenda_items_fts_insert AFTER INSERT ON agenda_items BEGIN"
  "  UPDATE sessions SET notes = notes WHERE id = new.session_id AND new.meeting_id IS NULL;"
  "  UPDATE meetings SET notes = notes WHERE id = new.meeting_id;"
  "END;"
  "CREATE TRIGGER agenda_items_fts_delete AFTER DELETE ON agenda_items BEGIN"
  "  UPDATE sessions SET notes = notes WHERE id = old.session_id AND old.meeting_id IS NULL;"
  "  UPDATE meetings SET notes = notes WHERE id = old.meeting_id;"
  "END;"
  "CREATE TRIGGER agenda_items_fts_update AFTER UPDATE OF text, meeting_id ON agenda_items BEGIN"
  "  UPDATE sessions SET notes = notes WHERE id IN (old.session_id, new.session_id)"
  "    AND (old.meeting_id IS NULL OR new.meeting_id IS NULL);"
  "  UPDATE meetings SET notes = notes WHERE id IN (old.meeting_id, new.meeting_id);"
  "END;"
  "CREATE TRIGGER action_items_fts_insert AFTER INSERT ON action_items"
  "  WHEN new.meeting_id IS NOT NULL BEGIN"
  "  UPDATE meetings SET notes = notes WHERE id = new.meeting_id;"
  "END;"
  "CREATE TRIGGER action_items_fts_delete AFTER DELETE ON action_items"
  "  WHEN old.meeting_id IS NOT NULL BEGIN"
  "  UPDATE meetings SET notes = notes WHERE id = old.meeting_id;"
  "END;"
  "CREATE TRIGGER action_items_fts_update AFTER UPDATE OF text, meeting_id ON action_items"
  "  WHEN old.meeting_id IS NOT NULL OR new.meeting_id IS NOT NULL BEGIN"
  "  UPDATE meetings SET notes = notes WHERE id IN (old.meeting_id, new.meeting_id);"
  "END;"
  /* Existing overrides: index them once. */
  "INSERT INTO meetings_fts (rowid, title, location, notes, agenda, actions)"
  "  SELECT id, title, location, ifnull (notes, ''), NULL, NULL FROM meetings;";

/* Version 4: two-way sync with CalDAV/CardDAV collections (src/core/sync/).
 * sync_collections: one row per synced server collection (account_id names a
 * sync_accounts row; no foreign key, accounts live in their own table).
 * sync_items: the status of each server resource, vdirsyncer's model: href and
 * etag, the hash of the normalised server content, the last server copy verbatim
 * and Bimbing's own rendering at that time (the two bases of a three-way merge),
 * the local item it maps to, and a tombstone once deleted (its UID is never reused).
 * sync_dirty: local items written since they were last synced, filled by triggers
 * only while a collection exists (no cost without an account). */
static const char migration_4[] =
  "CREATE TABLE sync_collections ("
  "  id          INTEGER PRIMARY KEY,"
  "  account_id  INTEGER NOT NULL,"
  "  kind        TEXT NOT NULL CHECK (kind IN ('calendar', 'address-book')),"
  "  url         TEXT NOT NULL,"
  "  sync_token  TEXT,"
  "  ctag        TEXT,"
  "  synced_at   INTEGER,"                            /* Unix seconds of the last full success */
  "  UNIQUE (account_id, kind)"
  ");"
  "CREATE TABLE sync_items ("
  "  id            INTEGER PRIMARY KEY,"
  "  collection_id INTEGER NOT NULL REFERENCES sync_collections (id) ON DELETE CASCADE,"
  "  uid           TEXT NOT NULL,"
  "  href          TEXT NOT NULL,"
  "  etag          TEXT,"
  "  hash          TEXT,"                             /* normalised server content */
  "  server_copy   BLOB,"                             /* last server copy, verbatim */
  "  local_copy    BLOB,"                             /* Bimbing's rendering at that time */
  "  local_kind    TEXT CHECK (local_kind IS NULL OR local_kind IN"
  "                  ('session', 'goal', 'action-item', 'contact')),"
  "  local_id      INTEGER,"                          /* NULL: not mapped (kept on the server) */
  "  tombstone     INTEGER NOT NULL DEFAULT 0 CHECK (tombstone IN (0, 1)),"
  "  conflict      BLOB,"                             /* the losing version of the last conflict */
  "  UNIQUE (collection_id, href)"
  ");"
  "CREATE INDEX sync_items_local ON sync_items (local_kind, local_id);"
  "CREATE INDEX sync_items_uid ON sync_items (uid);"
  "CREATE TABLE sync_dirty ("
  "  seq      INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  kind     TEXT NOT NULL,"
  "  local_id INTEGER NOT NULL,"
  "  UNIQUE (kind, local_id)"
  ");"
  "CREATE TRIGGER sessions_sync_insert AFTER INSERT ON sessions"
  "  WHEN EXISTS (SELECT 1 FROM sync_collections) BEGIN"
  "  INSERT OR REPLACE INTO sync_dirty (kind, local_id) VALUES ('session', new.id);"
  "END;"
  "CREATE TRIGGER sessions_sync_update AFTER UPDATE ON sessions"
  "  WHEN EXISTS (SELECT 1 FROM sync_collections) BEGIN"
  "  INSERT OR REPLACE INTO sync_dirty (kind, local_id) VALUES ('session', new.id);"
  "END;"
  "CREATE TRIGGER sessions_sync_delete AFTER DELETE ON sessions"
  "  WHEN EXISTS (SELECT 1 FROM sync_collections) BEGIN"
  "  INSERT OR REPLACE INTO sync_dirty (kind, local_id) VALUES ('session', old.id);"
  "END;"
  "CREATE TRIGGER meetings_sync_insert AFTER INSERT ON meetings"
  "  WHEN EXISTS (SELECT 1 FROM sync_collections) BEGIN"
  "  INSERT OR REPLACE INTO sync_dirty (kind, local_id) VALUES ('session', new.session_id);"
  "END;"
  "CREATE TRIGGER meetings_sync_update AFTER UPDATE ON meetings"
  "  WHEN EXISTS (SELECT 1 FROM sync_collections) BEGIN"
  "  INSERT OR REPLACE INTO sync_dirty (kind, local_id) VALUES ('session', new.session_id);"
  "END;"
  "CREATE TRIGGER meetings_sync_delete AFTER DELETE ON meetings"
  "  WHEN EXISTS (SELECT 1 FROM sync_collections) BEGIN"
  "  INSERT OR REPLACE INTO sync_dirty (kind, local_id) VALUES ('session', old.session_id);"
  "END;"
  "CREATE TRIGGER agenda_items_sync_insert AFTER INSERT ON agenda_items"
  "  WHEN EXISTS (SELECT 1 FROM sync_collections) BEGIN"
  "  INSERT OR REPLACE INTO sync_dirty (kind, local_id) VALUES ('session', new.session_id);"
  "END;"
  "CREATE TRIGGER agenda_items_sync_update AFTER UPDATE ON agenda_items"
  "  WHEN EXISTS (SELECT 1 FROM sync_collections) BEGIN"
  "  INSERT OR REPLACE INTO sync_dirty (kind, local_id) VALUES ('session', new.session_id);"
  "END;"
  "CREATE TRIGGER agenda_items_sync_delete AFTER DELETE ON agenda_items"
  "  WHEN EXISTS (SELECT 1 FROM sync_collections) BEGIN"
  "  INSERT OR REPLACE INTO sync_dirty (kind, local_id) VALUES ('session', old.session_id);"
  "END;"
  "CREATE TRIGGER goals_sync_insert AFTER INSERT ON goals"
  "  WHEN EXISTS (SELECT 1 FROM sync_collections) BEGIN"
  "  INSERT OR REPLACE INTO sync_dirty (kind, local_id) VALUES ('goal', new.id);"
  "END;"
  "CREATE TRIGGER goals_sync_update AFTER UPDATE ON goals"
  "  WHEN EXISTS (SELECT 1 FROM sync_collections) BEGIN"
  "  INSERT OR REPLACE INTO sync_dirty (kind, local_id) VALUES ('goal', new.id);"
  "END;"
  "CREATE TRIGGER goals_sync_delete AFTER DELETE ON goals"
  "  WHEN EXISTS (SELECT 1 FROM sync_collections) BEGIN"
  "  INSERT OR REPLACE INTO sync_dirty (kind, local_id) VALUES ('goal', old.id);"
  "END;"
  "CREATE TRIGGER action_items_sync_insert AFTER INSERT ON action_items"
  "  WHEN EXISTS (SELECT 1 FROM sync_collections) BEGIN"
  "  INSERT OR REPLACE INTO sync_dirty (kind, local_id) VALUES ('action-item', new.id);"
  "END;"
  "CREATE TRIGGER action_items_sync_update AFTER UPDATE ON action_items"
  "  WHEN EXISTS (SELECT 1 FROM sync_collections) BEGIN"
  "  INSERT OR REPLACE INTO sync_dirty (kind, local_id) VALUES ('action-item', new.id);"
  "END;"
  "CREATE TRIGGER action_items_sync_delete AFTER DELETE ON action_items"
  "  WHEN EXISTS (SELECT 1 FROM sync_collections) BEGIN"
  "  INSERT OR REPLACE INTO sync_dirty (kind, local_id) VALUES ('action-item', old.id);"
  "END;"
  "CREATE TRIGGER contacts_sync_insert AFTER INSERT ON contacts"
  "  WHEN EXISTS (SELECT 1 FROM sync_collections) BEGIN"
  "  INSERT OR REPLACE INTO sync_dirty (kind, local_id) VALUES ('contact', new.id);"
  "END;"
  "CREATE TRIGGER contacts_sync_update AFTER UPDATE ON contacts"
  "  WHEN EXISTS (SELECT 1 FROM sync_collections) BEGIN"
  "  INSERT OR REPLACE INTO sync_dirty (kind, local_id) VALUES ('contact', new.id);"
  "END;"
  "CREATE TRIGGER contacts_sync_delete AFTER DELETE ON contacts"
  "  WHEN EXISTS (SELECT 1 FROM sync_collections) BEGIN"
  "  INSERT OR REPLACE INTO sync_dirty (kind, local_id) VALUES ('contact', old.id);"
  "END;"
  "CREATE TRIGGER contact_fields_sync_insert AFTER INSERT ON contact_fields"
  "  WHEN EXISTS (SELECT 1 FROM sync_collections) BEGIN"
  "  INSERT OR REPLACE INTO sync_dirty (kind, local_id) VALUES ('contact', new.contact_id);"
  "END;"
  "CREATE TRIGGER contact_fields_sync_update AFTER UPDATE ON contact_fields"
  "  WHEN EXISTS (SELECT 1 FROM sync_collections) BEGIN"
  "  INSERT OR REPLACE INTO sync_dirty (kind, local_id) VALUES ('contact', new.contact_id);"
  "END;"
  "CREATE TRIGGER contact_fields_sync_delete AFTER DELETE ON contact_fields"
  "  WHEN EXISTS (SELECT 1 FROM sync_collections) BEGIN"
  "  INSERT OR REPLACE INTO sync_dirty (kind, local_id) VALUES ('contact', old.contact_id);"
  "END;"
  "CREATE TRIGGER contact_tags_sync_insert AFTER INSERT ON contact_tags"
  "  WHEN EXISTS (SELECT 1 FROM sync_collections) BEGIN"
  "  INSERT OR REPLACE INTO sync_dirty (kind, local_id) VALUES ('contact', new.contact_id);"
  "END;"
  "CREATE TRIGGER contact_tags_sync_update AFTER UPDATE ON contact_tags"
  "  WHEN EXISTS (SELECT 1 FROM sync_collections) BEGIN"
  "  INSERT OR REPLACE INTO sync_dirty (kind, local_id) VALUES ('contact', new.contact_id);"
  "END;"
  "CREATE TRIGGER contact_tags_sync_delete AFTER DELETE ON contact_tags"
  "  WHEN EXISTS (SELECT 1 FROM sync_collections) BEGIN"
  "  INSERT OR REPLACE INTO sync_dirty (kind, local_id) VALUES ('contact', old.contact_id);"
  "END;"
  "CREATE TRIGGER interactions_sync_insert AFTER INSERT ON interactions"
  "  WHEN EXISTS (SELECT 1 FROM sync_collections) BEGIN"
  "  INSERT OR REPLACE INTO sync_dirty (kind, local_id) VALUES ('contact', new.contact_id);"
  "END;"
  "CREATE TRIGGER interactions_sync_update AFTER UPDATE ON interactions"
  "  WHEN EXISTS (SELECT 1 FROM sync_collections) BEGIN"
  "  INSERT OR REPLACE INTO sync_dirty (kind, local_id) VALUES ('contact', new.contact_id);"
  "END;"
  "CREATE TRIGGER interactions_sync_delete AFTER DELETE ON interactions"
  "  WHEN EXISTS (SELECT 1 FROM sync_collections) BEGIN"
  "  INSERT OR REPLACE INTO sync_dirty (kind, local_id) VALUES ('contact', old.contact_id);"
  "END;";

/* Version 5: a one-off follow-up per contact ("send my portfolio by
 * Friday"), its date and what to do, beside the repeating interval;
 * next_follow_up_on is the earlier of the two (bmb-contact-store-interactions.c).
 * And shared learning goals belong to the third phase, as SMART goals, not
 * to the negotiation agreement: the agreement's free-text goals become a
 * goal of their relationship (relationships.goals keeps its text, unused). */
static const char migration_5[] =
  "ALTER TABLE contacts ADD COLUMN follow_up_on TEXT;"     /* YYYY-MM-DD */
  "ALTER TABLE contacts ADD COLUMN follow_up_note TEXT;"
  "INSERT INTO goals (relationship_id, title, created_at, updated_at)"
  "  SELECT id, trim (goals), updated_at, updated_at FROM relationships"
  "  WHERE goals IS NOT NULL AND length (trim (goals)) > 0 ORDER BY id;";

/* Version 6: the CalDAV/CardDAV accounts Bimbing syncs with (src/core/sync). The
 * password is never here: it lives in the keyring (libsecret), keyed by server_url and
 * username. URLs are absolute; last_sync_at is Unix seconds, NULL before the first sync;
 * last_error is the translated message of the last failed sync, NULL after a good one. */
static const char migration_6[] =
  "CREATE TABLE sync_accounts ("
  "  id              INTEGER PRIMARY KEY,"
  "  server_url      TEXT NOT NULL CHECK (length (server_url) > 0),"
  "  username        TEXT NOT NULL,"
  "  principal_url   TEXT,"
  "  calendar_url    TEXT,"
  "  addressbook_url TEXT,"
  "  last_sync_at    INTEGER,"
  "  last_error      TEXT,"
  "  created_at      INTEGER NOT NULL,"
  "  UNIQUE (server_url, username)"
  ");";

/* Version 7 keeps what an open editor holds but has not saved (bmb-draft-store.c),
 * replaced about once a second as the user types and removed on Save or Discard, so
 * that a crash or a kill does not lose it. No data moves. */
static const char migration_7[] =
  "CREATE TABLE drafts ("
  "  key      TEXT PRIMARY KEY NOT NULL,"
  "  state    TEXT NOT NULL,"
  "  saved_at INTEGER NOT NULL"
  ") WITHOUT ROWID;";

static const char * const migrations[] = {
  migration_1,
  migration_2,
  migration_3,
  migration_4,
  migration_5,
  migration_6,
  migration_7,
  _bmb_schema_migration_8,
};

/* What SQL alone cannot do, run after a migration's SQL in its transaction. */
typedef gboolean (*MigrationStep) (BmbDatabase  *db,
                                   GError      **error);

static const MigrationStep migration_steps[] = {
  NULL,
  NULL,
  _bmb_schema_place_meeting_records,
  NULL,
  NULL,
  NULL,
  NULL,
  NULL,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == BMB_SCHEMA_VERSION);
G_STATIC_ASSERT (G_N_ELEMENTS (migration_steps) == BMB_SCHEMA_VERSION);

/* ---- Migrations ---------------------------------------------------------------------- */

gboolean
bmb_schema_migrate (BmbDatabase  *db,
                    GError      **error)
{
  int version;

  g_return_val_if_fail (BMB_IS_DATABASE (db), FALSE);

  version = bmb_database_get_schema_version (db);
  if (version < 0)
    {
      bmb_database_set_error (db, error, "user_version");
      return FALSE;
    }

  if (version > BMB_SCHEMA_VERSION)
    {
      g_set_error (error, BMB_DATABASE_ERROR, BMB_DATABASE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Bimbing (data version %d; "
                     "this version understands up to %d). It has not been changed."),
                   bmb_database_get_path (db), version, BMB_SCHEMA_VERSION);
      return FALSE;
    }

  /* Existing data is backed up first; a new file has nothing to lose. */
  if (version > 0 && version < BMB_SCHEMA_VERSION &&
      g_strcmp0 (bmb_database_get_path (db), ":memory:") != 0 &&
      !_bmb_schema_back_up (db, version, error))
    return FALSE;

  for (int v = version; v < BMB_SCHEMA_VERSION; v++)
    {
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", v + 1);

      g_debug ("Migrating schema from %d to %d", v, v + 1);

      if (!bmb_database_begin (db, error))
        return FALSE;

      if (!bmb_database_exec (db, migrations[v], error) ||
          (migration_steps[v] != NULL && !migration_steps[v] (db, error)) ||
          !bmb_database_exec (db, set_version, error))
        {
          bmb_database_rollback (db);
          g_prefix_error (error, _("Could not update the data to version %d: "), v + 1);
          return FALSE;
        }

      if (!bmb_database_commit (db, error))
        {
          bmb_database_rollback (db);
          return FALSE;
        }
    }

  return TRUE;
}

const char *
bmb_schema_get_migration_sql (int version)
{
  g_return_val_if_fail (version >= 1 && version <= BMB_SCHEMA_VERSION, NULL);

  return migrations[version - 1];
}
