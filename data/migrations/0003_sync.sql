-- Sync through a folder the person's own sync tool keeps in step between
-- their computers (docs/SYNC.md). Every edit is captured by the triggers
-- below into sync_outbox, in the edit's own transaction, while syncing is
-- set up (a row in sync_state with capture = 1): saves, imports, restores
-- and later migrations alike. Changes applied from other computers are
-- written with capture = 0, so they do not echo back as local edits.
--
-- A migration that rebuilds a synced table must create its triggers again:
-- data/replica's TestCaptureTriggersAreCurrent compares them with the ones
-- generated from the export's kinds (go test ./data/replica -run
-- TestCaptureTriggersAreCurrent -update rewrites the generated part).

-- When two computers changed the same entry's text before either saw the
-- other's, the one not kept as the entry becomes a conflicted copy: an entry
-- of its own, flagged until the person keeps one or both.
ALTER TABLE entries ADD COLUMN conflict_of_id INTEGER REFERENCES entries (id) ON DELETE SET NULL;
ALTER TABLE entries ADD COLUMN conflict_at INTEGER;
CREATE INDEX entries_conflicts ON entries (conflict_at) WHERE conflict_at IS NOT NULL;

-- This journal's place in the sync: one row once syncing is set up.
-- hlc is the hybrid logical clock (milliseconds << 16 | a counter), op the
-- number of the last local change; both only grow.
CREATE TABLE sync_state (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    journal       TEXT    NOT NULL,
    device        TEXT    NOT NULL,
    device_num    INTEGER NOT NULL,
    name          TEXT    NOT NULL,
    folder        TEXT    NOT NULL,
    home          TEXT    NOT NULL,
    capture       INTEGER NOT NULL DEFAULT 1 CHECK (capture IN (0, 1)),
    hlc           INTEGER NOT NULL DEFAULT 0,
    op            INTEGER NOT NULL DEFAULT 0,
    wrote_seg     INTEGER NOT NULL DEFAULT 0,
    wrote_op      INTEGER NOT NULL DEFAULT 0,
    snap_seq      INTEGER NOT NULL DEFAULT 0,
    snap_op       INTEGER NOT NULL DEFAULT 0,
    snap_at       INTEGER,
    snap_vector   TEXT    NOT NULL DEFAULT '{}',
    state_at      INTEGER,
    removed_at    INTEGER,
    removed_by    TEXT    NOT NULL DEFAULT '',
    round_at      INTEGER,
    round_result  TEXT    NOT NULL DEFAULT '',
    round_error   TEXT    NOT NULL DEFAULT '',
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
) STRICT;

-- Every computer this journal has heard of, this one included; num is a
-- short local name for it. applied_* say how far its changes are applied
-- here (segments and changes, without gaps).
CREATE TABLE sync_devices (
    num         INTEGER PRIMARY KEY,
    uuid        TEXT    NOT NULL UNIQUE,
    name        TEXT    NOT NULL DEFAULT '',
    applied_seg INTEGER NOT NULL DEFAULT 0,
    applied_op  INTEGER NOT NULL DEFAULT 0,
    seen_at     INTEGER,
    removed_at  INTEGER,
    removed_by  TEXT    NOT NULL DEFAULT '',
    problem     TEXT    NOT NULL DEFAULT ''
) STRICT;

-- Local changes not yet written to a segment in the folder.
CREATE TABLE sync_outbox (
    op     INTEGER PRIMARY KEY,
    hlc    INTEGER NOT NULL,
    tbl    TEXT    NOT NULL,
    rid    TEXT    NOT NULL,
    kind   TEXT    NOT NULL CHECK (kind IN ('new', 'set', 'del')),
    fields TEXT,
    ctx    TEXT
) STRICT;

-- When each field of each synced record last changed (hlc for the fields
-- not in fields, a JSON object of field -> hlc), which change wrote an
-- entry's text (tdev, top), and when a record was deleted for good (dead).
CREATE TABLE sync_clocks (
    tbl    TEXT    NOT NULL,
    rid    TEXT    NOT NULL,
    hlc    INTEGER NOT NULL DEFAULT 0,
    fields TEXT,
    tdev   INTEGER,
    top    INTEGER,
    dead   INTEGER,
    PRIMARY KEY (tbl, rid)
) STRICT, WITHOUT ROWID;

-- Two computers made the same record (a tag of the same name, the same
-- morning's reading): both now use the smaller UUID, and changes naming the
-- other are read as naming it.
CREATE TABLE sync_alias (
    tbl TEXT NOT NULL,
    rid TEXT NOT NULL,
    to_rid TEXT NOT NULL,
    PRIMARY KEY (tbl, rid)
) STRICT, WITHOUT ROWID;

-- Changes from other computers that refer to a record not here yet; they
-- are applied once it arrives.
CREATE TABLE sync_parked (
    seq      INTEGER PRIMARY KEY,
    wait_tbl TEXT    NOT NULL,
    wait_rid TEXT    NOT NULL,
    body     TEXT    NOT NULL
) STRICT;
CREATE INDEX sync_parked_by_wait ON sync_parked (wait_tbl, wait_rid);

-- BEGIN GENERATED CAPTURE TRIGGERS
CREATE TRIGGER sync_capture_settings_insert AFTER INSERT ON settings
WHEN (SELECT capture FROM sync_state WHERE id = 1) = 1
BEGIN
    UPDATE sync_state SET hlc = max(hlc + 1, min(new.updated_at, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) + 86400000) << 16), op = op + 1 WHERE id = 1;
    INSERT INTO sync_outbox (op, hlc, tbl, rid, kind, fields)
        SELECT op, hlc, 'settings', new.key, 'new', json_object('value', new.value, 'updated_at', new.updated_at) FROM sync_state WHERE id = 1;
    INSERT INTO sync_clocks (tbl, rid, hlc, tdev, top)
        SELECT 'settings', new.key, hlc, NULL, NULL FROM sync_state WHERE id = 1
        ON CONFLICT (tbl, rid) DO UPDATE SET hlc = excluded.hlc, fields = NULL, tdev = excluded.tdev, top = excluded.top, dead = NULL;
END;
CREATE TRIGGER sync_capture_settings_update AFTER UPDATE ON settings
WHEN (SELECT capture FROM sync_state WHERE id = 1) = 1
    AND (old.value IS NOT new.value
        OR old.updated_at IS NOT new.updated_at)
BEGIN
    UPDATE sync_state SET hlc = max(hlc + 1, min(new.updated_at, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) + 86400000) << 16), op = op + 1 WHERE id = 1;
    INSERT INTO sync_outbox (op, hlc, tbl, rid, kind, fields, ctx)
        SELECT op, hlc, 'settings', new.key, 'set', (SELECT json_group_object(k, v) FROM (
            SELECT 'value' AS k, new.value AS v WHERE old.value IS NOT new.value
            UNION ALL SELECT 'updated_at' AS k, new.updated_at AS v WHERE old.updated_at IS NOT new.updated_at)),
        NULL FROM sync_state WHERE id = 1;
    INSERT INTO sync_clocks (tbl, rid, hlc, fields, tdev, top)
        SELECT 'settings', new.key, 0, (SELECT json_group_object(k, s.hlc) FROM (
            SELECT 'value' AS k WHERE old.value IS NOT new.value
            UNION ALL SELECT 'updated_at' AS k WHERE old.updated_at IS NOT new.updated_at)),
        NULL, NULL FROM sync_state s WHERE s.id = 1
        ON CONFLICT (tbl, rid) DO UPDATE SET fields = json_patch(coalesce(fields, '{}'), excluded.fields),
            tdev = coalesce(excluded.tdev, tdev), top = coalesce(excluded.top, top);
END;
CREATE TRIGGER sync_capture_settings_delete AFTER DELETE ON settings
WHEN (SELECT capture FROM sync_state WHERE id = 1) IS NOT NULL
BEGIN
    UPDATE sync_state SET hlc = hlc + 1, op = op + 1 WHERE id = 1 AND capture = 1;
    INSERT INTO sync_outbox (op, hlc, tbl, rid, kind)
        SELECT op, hlc, 'settings', old.key, 'del' FROM sync_state WHERE id = 1 AND capture = 1;
    INSERT INTO sync_clocks (tbl, rid, hlc, dead)
        SELECT 'settings', old.key, 0, hlc FROM sync_state WHERE id = 1
        ON CONFLICT (tbl, rid) DO UPDATE SET fields = NULL, dead = excluded.dead;
END;
CREATE TRIGGER sync_capture_tags_insert AFTER INSERT ON tags
WHEN (SELECT capture FROM sync_state WHERE id = 1) = 1
BEGIN
    UPDATE sync_state SET hlc = max(hlc + 1, min(new.updated_at, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) + 86400000) << 16), op = op + 1 WHERE id = 1;
    INSERT INTO sync_outbox (op, hlc, tbl, rid, kind, fields)
        SELECT op, hlc, 'tags', new.uuid, 'new', json_object('name', new.name, 'builtin_key', new.builtin_key, 'created_at', new.created_at, 'updated_at', new.updated_at) FROM sync_state WHERE id = 1;
    INSERT INTO sync_clocks (tbl, rid, hlc, tdev, top)
        SELECT 'tags', new.uuid, hlc, NULL, NULL FROM sync_state WHERE id = 1
        ON CONFLICT (tbl, rid) DO UPDATE SET hlc = excluded.hlc, fields = NULL, tdev = excluded.tdev, top = excluded.top, dead = NULL;
END;
CREATE TRIGGER sync_capture_tags_update AFTER UPDATE ON tags
WHEN (SELECT capture FROM sync_state WHERE id = 1) = 1
    AND (old.name IS NOT new.name
        OR old.builtin_key IS NOT new.builtin_key
        OR old.created_at IS NOT new.created_at
        OR old.updated_at IS NOT new.updated_at)
BEGIN
    UPDATE sync_state SET hlc = max(hlc + 1, min(new.updated_at, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) + 86400000) << 16), op = op + 1 WHERE id = 1;
    INSERT INTO sync_outbox (op, hlc, tbl, rid, kind, fields, ctx)
        SELECT op, hlc, 'tags', new.uuid, 'set', (SELECT json_group_object(k, v) FROM (
            SELECT 'name' AS k, new.name AS v WHERE old.name IS NOT new.name
            UNION ALL SELECT 'builtin_key' AS k, new.builtin_key AS v WHERE old.builtin_key IS NOT new.builtin_key
            UNION ALL SELECT 'created_at' AS k, new.created_at AS v WHERE old.created_at IS NOT new.created_at
            UNION ALL SELECT 'updated_at' AS k, new.updated_at AS v WHERE old.updated_at IS NOT new.updated_at)),
        NULL FROM sync_state WHERE id = 1;
    INSERT INTO sync_clocks (tbl, rid, hlc, fields, tdev, top)
        SELECT 'tags', new.uuid, 0, (SELECT json_group_object(k, s.hlc) FROM (
            SELECT 'name' AS k WHERE old.name IS NOT new.name
            UNION ALL SELECT 'builtin_key' AS k WHERE old.builtin_key IS NOT new.builtin_key
            UNION ALL SELECT 'created_at' AS k WHERE old.created_at IS NOT new.created_at
            UNION ALL SELECT 'updated_at' AS k WHERE old.updated_at IS NOT new.updated_at)),
        NULL, NULL FROM sync_state s WHERE s.id = 1
        ON CONFLICT (tbl, rid) DO UPDATE SET fields = json_patch(coalesce(fields, '{}'), excluded.fields),
            tdev = coalesce(excluded.tdev, tdev), top = coalesce(excluded.top, top);
END;
CREATE TRIGGER sync_capture_tags_delete AFTER DELETE ON tags
WHEN (SELECT capture FROM sync_state WHERE id = 1) IS NOT NULL
BEGIN
    UPDATE sync_state SET hlc = hlc + 1, op = op + 1 WHERE id = 1 AND capture = 1;
    INSERT INTO sync_outbox (op, hlc, tbl, rid, kind)
        SELECT op, hlc, 'tags', old.uuid, 'del' FROM sync_state WHERE id = 1 AND capture = 1;
    INSERT INTO sync_clocks (tbl, rid, hlc, dead)
        SELECT 'tags', old.uuid, 0, hlc FROM sync_state WHERE id = 1
        ON CONFLICT (tbl, rid) DO UPDATE SET fields = NULL, dead = excluded.dead;
END;
CREATE TRIGGER sync_capture_reframes_insert AFTER INSERT ON reframes
WHEN (SELECT capture FROM sync_state WHERE id = 1) = 1
BEGIN
    UPDATE sync_state SET hlc = max(hlc + 1, min(new.updated_at, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) + 86400000) << 16), op = op + 1 WHERE id = 1;
    INSERT INTO sync_outbox (op, hlc, tbl, rid, kind, fields)
        SELECT op, hlc, 'reframes', new.uuid, 'new', json_object('old_story', new.old_story, 'new_story', new.new_story, 'builtin_key', new.builtin_key, 'position', new.position, 'deleted_at', new.deleted_at, 'created_at', new.created_at, 'updated_at', new.updated_at) FROM sync_state WHERE id = 1;
    INSERT INTO sync_clocks (tbl, rid, hlc, tdev, top)
        SELECT 'reframes', new.uuid, hlc, NULL, NULL FROM sync_state WHERE id = 1
        ON CONFLICT (tbl, rid) DO UPDATE SET hlc = excluded.hlc, fields = NULL, tdev = excluded.tdev, top = excluded.top, dead = NULL;
END;
CREATE TRIGGER sync_capture_reframes_update AFTER UPDATE ON reframes
WHEN (SELECT capture FROM sync_state WHERE id = 1) = 1
    AND (old.old_story IS NOT new.old_story
        OR old.new_story IS NOT new.new_story
        OR old.builtin_key IS NOT new.builtin_key
        OR old.position IS NOT new.position
        OR old.deleted_at IS NOT new.deleted_at
        OR old.created_at IS NOT new.created_at
        OR old.updated_at IS NOT new.updated_at)
BEGIN
    UPDATE sync_state SET hlc = max(hlc + 1, min(new.updated_at, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) + 86400000) << 16), op = op + 1 WHERE id = 1;
    INSERT INTO sync_outbox (op, hlc, tbl, rid, kind, fields, ctx)
        SELECT op, hlc, 'reframes', new.uuid, 'set', (SELECT json_group_object(k, v) FROM (
            SELECT 'old_story' AS k, new.old_story AS v WHERE old.old_story IS NOT new.old_story
            UNION ALL SELECT 'new_story' AS k, new.new_story AS v WHERE old.new_story IS NOT new.new_story
            UNION ALL SELECT 'builtin_key' AS k, new.builtin_key AS v WHERE old.builtin_key IS NOT new.builtin_key
            UNION ALL SELECT 'position' AS k, new.position AS v WHERE old.position IS NOT new.position
            UNION ALL SELECT 'deleted_at' AS k, new.deleted_at AS v WHERE old.deleted_at IS NOT new.deleted_at
            UNION ALL SELECT 'created_at' AS k, new.created_at AS v WHERE old.created_at IS NOT new.created_at
            UNION ALL SELECT 'updated_at' AS k, new.updated_at AS v WHERE old.updated_at IS NOT new.updated_at)),
        NULL FROM sync_state WHERE id = 1;
    INSERT INTO sync_clocks (tbl, rid, hlc, fields, tdev, top)
        SELECT 'reframes', new.uuid, 0, (SELECT json_group_object(k, s.hlc) FROM (
            SELECT 'old_story' AS k WHERE old.old_story IS NOT new.old_story
            UNION ALL SELECT 'new_story' AS k WHERE old.new_story IS NOT new.new_story
            UNION ALL SELECT 'builtin_key' AS k WHERE old.builtin_key IS NOT new.builtin_key
            UNION ALL SELECT 'position' AS k WHERE old.position IS NOT new.position
            UNION ALL SELECT 'deleted_at' AS k WHERE old.deleted_at IS NOT new.deleted_at
            UNION ALL SELECT 'created_at' AS k WHERE old.created_at IS NOT new.created_at
            UNION ALL SELECT 'updated_at' AS k WHERE old.updated_at IS NOT new.updated_at)),
        NULL, NULL FROM sync_state s WHERE s.id = 1
        ON CONFLICT (tbl, rid) DO UPDATE SET fields = json_patch(coalesce(fields, '{}'), excluded.fields),
            tdev = coalesce(excluded.tdev, tdev), top = coalesce(excluded.top, top);
END;
CREATE TRIGGER sync_capture_reframes_delete AFTER DELETE ON reframes
WHEN (SELECT capture FROM sync_state WHERE id = 1) IS NOT NULL
BEGIN
    UPDATE sync_state SET hlc = hlc + 1, op = op + 1 WHERE id = 1 AND capture = 1;
    INSERT INTO sync_outbox (op, hlc, tbl, rid, kind)
        SELECT op, hlc, 'reframes', old.uuid, 'del' FROM sync_state WHERE id = 1 AND capture = 1;
    INSERT INTO sync_clocks (tbl, rid, hlc, dead)
        SELECT 'reframes', old.uuid, 0, hlc FROM sync_state WHERE id = 1
        ON CONFLICT (tbl, rid) DO UPDATE SET fields = NULL, dead = excluded.dead;
END;
CREATE TRIGGER sync_capture_commitments_insert AFTER INSERT ON commitments
WHEN (SELECT capture FROM sync_state WHERE id = 1) = 1
BEGIN
    UPDATE sync_state SET hlc = max(hlc + 1, min(new.updated_at, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) + 86400000) << 16), op = op + 1 WHERE id = 1;
    INSERT INTO sync_outbox (op, hlc, tbl, rid, kind, fields)
        SELECT op, hlc, 'commitments', new.uuid, 'new', json_object('title', new.title, 'tier', new.tier, 'starts_at', new.starts_at, 'ends_at', new.ends_at, 'all_day', new.all_day, 'time_zone', new.time_zone, 'rrule', new.rrule, 'exdates', new.exdates, 'location', new.location, 'notes', new.notes, 'ical_uid', new.ical_uid, 'source', new.source, 'remind_before_minutes', new.remind_before_minutes, 'deleted_at', new.deleted_at, 'created_at', new.created_at, 'updated_at', new.updated_at) FROM sync_state WHERE id = 1;
    INSERT INTO sync_clocks (tbl, rid, hlc, tdev, top)
        SELECT 'commitments', new.uuid, hlc, NULL, NULL FROM sync_state WHERE id = 1
        ON CONFLICT (tbl, rid) DO UPDATE SET hlc = excluded.hlc, fields = NULL, tdev = excluded.tdev, top = excluded.top, dead = NULL;
END;
CREATE TRIGGER sync_capture_commitments_update AFTER UPDATE ON commitments
WHEN (SELECT capture FROM sync_state WHERE id = 1) = 1
    AND (old.title IS NOT new.title
        OR old.tier IS NOT new.tier
        OR old.starts_at IS NOT new.starts_at
        OR old.ends_at IS NOT new.ends_at
        OR old.all_day IS NOT new.all_day
        OR old.time_zone IS NOT new.time_zone
        OR old.rrule IS NOT new.rrule
        OR old.exdates IS NOT new.exdates
        OR old.location IS NOT new.location
        OR old.notes IS NOT new.notes
        OR old.ical_uid IS NOT new.ical_uid
        OR old.source IS NOT new.source
        OR old.remind_before_minutes IS NOT new.remind_before_minutes
        OR old.deleted_at IS NOT new.deleted_at
        OR old.created_at IS NOT new.created_at
        OR old.updated_at IS NOT new.updated_at)
BEGIN
    UPDATE sync_state SET hlc = max(hlc + 1, min(new.updated_at, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) + 86400000) << 16), op = op + 1 WHERE id = 1;
    INSERT INTO sync_outbox (op, hlc, tbl, rid, kind, fields, ctx)
        SELECT op, hlc, 'commitments', new.uuid, 'set', (SELECT json_group_object(k, v) FROM (
            SELECT 'title' AS k, new.title AS v WHERE old.title IS NOT new.title
            UNION ALL SELECT 'tier' AS k, new.tier AS v WHERE old.tier IS NOT new.tier
            UNION ALL SELECT 'starts_at' AS k, new.starts_at AS v WHERE old.starts_at IS NOT new.starts_at
            UNION ALL SELECT 'ends_at' AS k, new.ends_at AS v WHERE old.ends_at IS NOT new.ends_at
            UNION ALL SELECT 'all_day' AS k, new.all_day AS v WHERE old.all_day IS NOT new.all_day
            UNION ALL SELECT 'time_zone' AS k, new.time_zone AS v WHERE old.time_zone IS NOT new.time_zone
            UNION ALL SELECT 'rrule' AS k, new.rrule AS v WHERE old.rrule IS NOT new.rrule
            UNION ALL SELECT 'exdates' AS k, new.exdates AS v WHERE old.exdates IS NOT new.exdates
            UNION ALL SELECT 'location' AS k, new.location AS v WHERE old.location IS NOT new.location
            UNION ALL SELECT 'notes' AS k, new.notes AS v WHERE old.notes IS NOT new.notes
            UNION ALL SELECT 'ical_uid' AS k, new.ical_uid AS v WHERE old.ical_uid IS NOT new.ical_uid
            UNION ALL SELECT 'source' AS k, new.source AS v WHERE old.source IS NOT new.source
            UNION ALL SELECT 'remind_before_minutes' AS k, new.remind_before_minutes AS v WHERE old.remind_before_minutes IS NOT new.remind_before_minutes
            UNION ALL SELECT 'deleted_at' AS k, new.deleted_at AS v WHERE old.deleted_at IS NOT new.deleted_at
            UNION ALL SELECT 'created_at' AS k, new.created_at AS v WHERE old.created_at IS NOT new.created_at
            UNION ALL SELECT 'updated_at' AS k, new.updated_at AS v WHERE old.updated_at IS NOT new.updated_at)),
        NULL FROM sync_state WHERE id = 1;
    INSERT INTO sync_clocks (tbl, rid, hlc, fields, tdev, top)
        SELECT 'commitments', new.uuid, 0, (SELECT json_group_object(k, s.hlc) FROM (
            SELECT 'title' AS k WHERE old.title IS NOT new.title
            UNION ALL SELECT 'tier' AS k WHERE old.tier IS NOT new.tier
            UNION ALL SELECT 'starts_at' AS k WHERE old.starts_at IS NOT new.starts_at
            UNION ALL SELECT 'ends_at' AS k WHERE old.ends_at IS NOT new.ends_at
            UNION ALL SELECT 'all_day' AS k WHERE old.all_day IS NOT new.all_day
            UNION ALL SELECT 'time_zone' AS k WHERE old.time_zone IS NOT new.time_zone
            UNION ALL SELECT 'rrule' AS k WHERE old.rrule IS NOT new.rrule
            UNION ALL SELECT 'exdates' AS k WHERE old.exdates IS NOT new.exdates
            UNION ALL SELECT 'location' AS k WHERE old.location IS NOT new.location
            UNION ALL SELECT 'notes' AS k WHERE old.notes IS NOT new.notes
            UNION ALL SELECT 'ical_uid' AS k WHERE old.ical_uid IS NOT new.ical_uid
            UNION ALL SELECT 'source' AS k WHERE old.source IS NOT new.source
            UNION ALL SELECT 'remind_before_minutes' AS k WHERE old.remind_before_minutes IS NOT new.remind_before_minutes
            UNION ALL SELECT 'deleted_at' AS k WHERE old.deleted_at IS NOT new.deleted_at
            UNION ALL SELECT 'created_at' AS k WHERE old.created_at IS NOT new.created_at
            UNION ALL SELECT 'updated_at' AS k WHERE old.updated_at IS NOT new.updated_at)),
        NULL, NULL FROM sync_state s WHERE s.id = 1
        ON CONFLICT (tbl, rid) DO UPDATE SET fields = json_patch(coalesce(fields, '{}'), excluded.fields),
            tdev = coalesce(excluded.tdev, tdev), top = coalesce(excluded.top, top);
END;
CREATE TRIGGER sync_capture_commitments_delete AFTER DELETE ON commitments
WHEN (SELECT capture FROM sync_state WHERE id = 1) IS NOT NULL
BEGIN
    UPDATE sync_state SET hlc = hlc + 1, op = op + 1 WHERE id = 1 AND capture = 1;
    INSERT INTO sync_outbox (op, hlc, tbl, rid, kind)
        SELECT op, hlc, 'commitments', old.uuid, 'del' FROM sync_state WHERE id = 1 AND capture = 1;
    INSERT INTO sync_clocks (tbl, rid, hlc, dead)
        SELECT 'commitments', old.uuid, 0, hlc FROM sync_state WHERE id = 1
        ON CONFLICT (tbl, rid) DO UPDATE SET fields = NULL, dead = excluded.dead;
END;
CREATE TRIGGER sync_capture_occurrence_outcomes_insert AFTER INSERT ON occurrence_outcomes
WHEN (SELECT capture FROM sync_state WHERE id = 1) = 1
BEGIN
    UPDATE sync_state SET hlc = max(hlc + 1, min(new.updated_at, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) + 86400000) << 16), op = op + 1 WHERE id = 1;
    INSERT INTO sync_outbox (op, hlc, tbl, rid, kind, fields)
        SELECT op, hlc, 'occurrence_outcomes', new.uuid, 'new', json_object('commitment_id', (SELECT uuid FROM commitments WHERE id = new.commitment_id), 'occurs_at', new.occurs_at, 'status', new.status, 'moved_to', new.moved_to, 'note', new.note, 'created_at', new.created_at, 'updated_at', new.updated_at) FROM sync_state WHERE id = 1;
    INSERT INTO sync_clocks (tbl, rid, hlc, tdev, top)
        SELECT 'occurrence_outcomes', new.uuid, hlc, NULL, NULL FROM sync_state WHERE id = 1
        ON CONFLICT (tbl, rid) DO UPDATE SET hlc = excluded.hlc, fields = NULL, tdev = excluded.tdev, top = excluded.top, dead = NULL;
END;
CREATE TRIGGER sync_capture_occurrence_outcomes_update AFTER UPDATE ON occurrence_outcomes
WHEN (SELECT capture FROM sync_state WHERE id = 1) = 1
    AND (old.commitment_id IS NOT new.commitment_id
        OR old.occurs_at IS NOT new.occurs_at
        OR old.status IS NOT new.status
        OR old.moved_to IS NOT new.moved_to
        OR old.note IS NOT new.note
        OR old.created_at IS NOT new.created_at
        OR old.updated_at IS NOT new.updated_at)
BEGIN
    UPDATE sync_state SET hlc = max(hlc + 1, min(new.updated_at, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) + 86400000) << 16), op = op + 1 WHERE id = 1;
    INSERT INTO sync_outbox (op, hlc, tbl, rid, kind, fields, ctx)
        SELECT op, hlc, 'occurrence_outcomes', new.uuid, 'set', (SELECT json_group_object(k, v) FROM (
            SELECT 'commitment_id' AS k, (SELECT uuid FROM commitments WHERE id = new.commitment_id) AS v WHERE old.commitment_id IS NOT new.commitment_id
            UNION ALL SELECT 'occurs_at' AS k, new.occurs_at AS v WHERE old.occurs_at IS NOT new.occurs_at
            UNION ALL SELECT 'status' AS k, new.status AS v WHERE old.status IS NOT new.status
            UNION ALL SELECT 'moved_to' AS k, new.moved_to AS v WHERE old.moved_to IS NOT new.moved_to
            UNION ALL SELECT 'note' AS k, new.note AS v WHERE old.note IS NOT new.note
            UNION ALL SELECT 'created_at' AS k, new.created_at AS v WHERE old.created_at IS NOT new.created_at
            UNION ALL SELECT 'updated_at' AS k, new.updated_at AS v WHERE old.updated_at IS NOT new.updated_at)),
        NULL FROM sync_state WHERE id = 1;
    INSERT INTO sync_clocks (tbl, rid, hlc, fields, tdev, top)
        SELECT 'occurrence_outcomes', new.uuid, 0, (SELECT json_group_object(k, s.hlc) FROM (
            SELECT 'commitment_id' AS k WHERE old.commitment_id IS NOT new.commitment_id
            UNION ALL SELECT 'occurs_at' AS k WHERE old.occurs_at IS NOT new.occurs_at
            UNION ALL SELECT 'status' AS k WHERE old.status IS NOT new.status
            UNION ALL SELECT 'moved_to' AS k WHERE old.moved_to IS NOT new.moved_to
            UNION ALL SELECT 'note' AS k WHERE old.note IS NOT new.note
            UNION ALL SELECT 'created_at' AS k WHERE old.created_at IS NOT new.created_at
            UNION ALL SELECT 'updated_at' AS k WHERE old.updated_at IS NOT new.updated_at)),
        NULL, NULL FROM sync_state s WHERE s.id = 1
        ON CONFLICT (tbl, rid) DO UPDATE SET fields = json_patch(coalesce(fields, '{}'), excluded.fields),
            tdev = coalesce(excluded.tdev, tdev), top = coalesce(excluded.top, top);
END;
CREATE TRIGGER sync_capture_occurrence_outcomes_delete AFTER DELETE ON occurrence_outcomes
WHEN (SELECT capture FROM sync_state WHERE id = 1) IS NOT NULL
BEGIN
    UPDATE sync_state SET hlc = hlc + 1, op = op + 1 WHERE id = 1 AND capture = 1;
    INSERT INTO sync_outbox (op, hlc, tbl, rid, kind)
        SELECT op, hlc, 'occurrence_outcomes', old.uuid, 'del' FROM sync_state WHERE id = 1 AND capture = 1;
    INSERT INTO sync_clocks (tbl, rid, hlc, dead)
        SELECT 'occurrence_outcomes', old.uuid, 0, hlc FROM sync_state WHERE id = 1
        ON CONFLICT (tbl, rid) DO UPDATE SET fields = NULL, dead = excluded.dead;
END;
CREATE TRIGGER sync_capture_work_blocks_insert AFTER INSERT ON work_blocks
WHEN (SELECT capture FROM sync_state WHERE id = 1) = 1
BEGIN
    UPDATE sync_state SET hlc = max(hlc + 1, min(new.updated_at, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) + 86400000) << 16), op = op + 1 WHERE id = 1;
    INSERT INTO sync_outbox (op, hlc, tbl, rid, kind, fields)
        SELECT op, hlc, 'work_blocks', new.uuid, 'new', json_object('client', new.client, 'title', new.title, 'starts_at', new.starts_at, 'ends_at', new.ends_at, 'deadline_at', new.deadline_at, 'buffer_minutes', new.buffer_minutes, 'emergency_reason', new.emergency_reason, 'deleted_at', new.deleted_at, 'created_at', new.created_at, 'updated_at', new.updated_at) FROM sync_state WHERE id = 1;
    INSERT INTO sync_clocks (tbl, rid, hlc, tdev, top)
        SELECT 'work_blocks', new.uuid, hlc, NULL, NULL FROM sync_state WHERE id = 1
        ON CONFLICT (tbl, rid) DO UPDATE SET hlc = excluded.hlc, fields = NULL, tdev = excluded.tdev, top = excluded.top, dead = NULL;
END;
CREATE TRIGGER sync_capture_work_blocks_update AFTER UPDATE ON work_blocks
WHEN (SELECT capture FROM sync_state WHERE id = 1) = 1
    AND (old.client IS NOT new.client
        OR old.title IS NOT new.title
        OR old.starts_at IS NOT new.starts_at
        OR old.ends_at IS NOT new.ends_at
        OR old.deadline_at IS NOT new.deadline_at
        OR old.buffer_minutes IS NOT new.buffer_minutes
        OR old.emergency_reason IS NOT new.emergency_reason
        OR old.deleted_at IS NOT new.deleted_at
        OR old.created_at IS NOT new.created_at
        OR old.updated_at IS NOT new.updated_at)
BEGIN
    UPDATE sync_state SET hlc = max(hlc + 1, min(new.updated_at, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) + 86400000) << 16), op = op + 1 WHERE id = 1;
    INSERT INTO sync_outbox (op, hlc, tbl, rid, kind, fields, ctx)
        SELECT op, hlc, 'work_blocks', new.uuid, 'set', (SELECT json_group_object(k, v) FROM (
            SELECT 'client' AS k, new.client AS v WHERE old.client IS NOT new.client
            UNION ALL SELECT 'title' AS k, new.title AS v WHERE old.title IS NOT new.title
            UNION ALL SELECT 'starts_at' AS k, new.starts_at AS v WHERE old.starts_at IS NOT new.starts_at
            UNION ALL SELECT 'ends_at' AS k, new.ends_at AS v WHERE old.ends_at IS NOT new.ends_at
            UNION ALL SELECT 'deadline_at' AS k, new.deadline_at AS v WHERE old.deadline_at IS NOT new.deadline_at
            UNION ALL SELECT 'buffer_minutes' AS k, new.buffer_minutes AS v WHERE old.buffer_minutes IS NOT new.buffer_minutes
            UNION ALL SELECT 'emergency_reason' AS k, new.emergency_reason AS v WHERE old.emergency_reason IS NOT new.emergency_reason
            UNION ALL SELECT 'deleted_at' AS k, new.deleted_at AS v WHERE old.deleted_at IS NOT new.deleted_at
            UNION ALL SELECT 'created_at' AS k, new.created_at AS v WHERE old.created_at IS NOT new.created_at
            UNION ALL SELECT 'updated_at' AS k, new.updated_at AS v WHERE old.updated_at IS NOT new.updated_at)),
        NULL FROM sync_state WHERE id = 1;
    INSERT INTO sync_clocks (tbl, rid, hlc, fields, tdev, top)
        SELECT 'work_blocks', new.uuid, 0, (SELECT json_group_object(k, s.hlc) FROM (
            SELECT 'client' AS k WHERE old.client IS NOT new.client
            UNION ALL SELECT 'title' AS k WHERE old.title IS NOT new.title
            UNION ALL SELECT 'starts_at' AS k WHERE old.starts_at IS NOT new.starts_at
            UNION ALL SELECT 'ends_at' AS k WHERE old.ends_at IS NOT new.ends_at
            UNION ALL SELECT 'deadline_at' AS k WHERE old.deadline_at IS NOT new.deadline_at
            UNION ALL SELECT 'buffer_minutes' AS k WHERE old.buffer_minutes IS NOT new.buffer_minutes
            UNION ALL SELECT 'emergency_reason' AS k WHERE old.emergency_reason IS NOT new.emergency_reason
            UNION ALL SELECT 'deleted_at' AS k WHERE old.deleted_at IS NOT new.deleted_at
            UNION ALL SELECT 'created_at' AS k WHERE old.created_at IS NOT new.created_at
            UNION ALL SELECT 'updated_at' AS k WHERE old.updated_at IS NOT new.updated_at)),
        NULL, NULL FROM sync_state s WHERE s.id = 1
        ON CONFLICT (tbl, rid) DO UPDATE SET fields = json_patch(coalesce(fields, '{}'), excluded.fields),
            tdev = coalesce(excluded.tdev, tdev), top = coalesce(excluded.top, top);
END;
CREATE TRIGGER sync_capture_work_blocks_delete AFTER DELETE ON work_blocks
WHEN (SELECT capture FROM sync_state WHERE id = 1) IS NOT NULL
BEGIN
    UPDATE sync_state SET hlc = hlc + 1, op = op + 1 WHERE id = 1 AND capture = 1;
    INSERT INTO sync_outbox (op, hlc, tbl, rid, kind)
        SELECT op, hlc, 'work_blocks', old.uuid, 'del' FROM sync_state WHERE id = 1 AND capture = 1;
    INSERT INTO sync_clocks (tbl, rid, hlc, dead)
        SELECT 'work_blocks', old.uuid, 0, hlc FROM sync_state WHERE id = 1
        ON CONFLICT (tbl, rid) DO UPDATE SET fields = NULL, dead = excluded.dead;
END;
CREATE TRIGGER sync_capture_make_ups_insert AFTER INSERT ON make_ups
WHEN (SELECT capture FROM sync_state WHERE id = 1) = 1
BEGIN
    UPDATE sync_state SET hlc = max(hlc + 1, min(new.updated_at, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) + 86400000) << 16), op = op + 1 WHERE id = 1;
    INSERT INTO sync_outbox (op, hlc, tbl, rid, kind, fields)
        SELECT op, hlc, 'make_ups', new.uuid, 'new', json_object('work_block_id', (SELECT uuid FROM work_blocks WHERE id = new.work_block_id), 'commitment_id', (SELECT uuid FROM commitments WHERE id = new.commitment_id), 'occurs_at', new.occurs_at, 'note', new.note, 'done_at', new.done_at, 'created_at', new.created_at, 'updated_at', new.updated_at) FROM sync_state WHERE id = 1;
    INSERT INTO sync_clocks (tbl, rid, hlc, tdev, top)
        SELECT 'make_ups', new.uuid, hlc, NULL, NULL FROM sync_state WHERE id = 1
        ON CONFLICT (tbl, rid) DO UPDATE SET hlc = excluded.hlc, fields = NULL, tdev = excluded.tdev, top = excluded.top, dead = NULL;
END;
CREATE TRIGGER sync_capture_make_ups_update AFTER UPDATE ON make_ups
WHEN (SELECT capture FROM sync_state WHERE id = 1) = 1
    AND (old.work_block_id IS NOT new.work_block_id
        OR old.commitment_id IS NOT new.commitment_id
        OR old.occurs_at IS NOT new.occurs_at
        OR old.note IS NOT new.note
        OR old.done_at IS NOT new.done_at
        OR old.created_at IS NOT new.created_at
        OR old.updated_at IS NOT new.updated_at)
BEGIN
    UPDATE sync_state SET hlc = max(hlc + 1, min(new.updated_at, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) + 86400000) << 16), op = op + 1 WHERE id = 1;
    INSERT INTO sync_outbox (op, hlc, tbl, rid, kind, fields, ctx)
        SELECT op, hlc, 'make_ups', new.uuid, 'set', (SELECT json_group_object(k, v) FROM (
            SELECT 'work_block_id' AS k, (SELECT uuid FROM work_blocks WHERE id = new.work_block_id) AS v WHERE old.work_block_id IS NOT new.work_block_id
            UNION ALL SELECT 'commitment_id' AS k, (SELECT uuid FROM commitments WHERE id = new.commitment_id) AS v WHERE old.commitment_id IS NOT new.commitment_id
            UNION ALL SELECT 'occurs_at' AS k, new.occurs_at AS v WHERE old.occurs_at IS NOT new.occurs_at
            UNION ALL SELECT 'note' AS k, new.note AS v WHERE old.note IS NOT new.note
            UNION ALL SELECT 'done_at' AS k, new.done_at AS v WHERE old.done_at IS NOT new.done_at
            UNION ALL SELECT 'created_at' AS k, new.created_at AS v WHERE old.created_at IS NOT new.created_at
            UNION ALL SELECT 'updated_at' AS k, new.updated_at AS v WHERE old.updated_at IS NOT new.updated_at)),
        NULL FROM sync_state WHERE id = 1;
    INSERT INTO sync_clocks (tbl, rid, hlc, fields, tdev, top)
        SELECT 'make_ups', new.uuid, 0, (SELECT json_group_object(k, s.hlc) FROM (
            SELECT 'work_block_id' AS k WHERE old.work_block_id IS NOT new.work_block_id
            UNION ALL SELECT 'commitment_id' AS k WHERE old.commitment_id IS NOT new.commitment_id
            UNION ALL SELECT 'occurs_at' AS k WHERE old.occurs_at IS NOT new.occurs_at
            UNION ALL SELECT 'note' AS k WHERE old.note IS NOT new.note
            UNION ALL SELECT 'done_at' AS k WHERE old.done_at IS NOT new.done_at
            UNION ALL SELECT 'created_at' AS k WHERE old.created_at IS NOT new.created_at
            UNION ALL SELECT 'updated_at' AS k WHERE old.updated_at IS NOT new.updated_at)),
        NULL, NULL FROM sync_state s WHERE s.id = 1
        ON CONFLICT (tbl, rid) DO UPDATE SET fields = json_patch(coalesce(fields, '{}'), excluded.fields),
            tdev = coalesce(excluded.tdev, tdev), top = coalesce(excluded.top, top);
END;
CREATE TRIGGER sync_capture_make_ups_delete AFTER DELETE ON make_ups
WHEN (SELECT capture FROM sync_state WHERE id = 1) IS NOT NULL
BEGIN
    UPDATE sync_state SET hlc = hlc + 1, op = op + 1 WHERE id = 1 AND capture = 1;
    INSERT INTO sync_outbox (op, hlc, tbl, rid, kind)
        SELECT op, hlc, 'make_ups', old.uuid, 'del' FROM sync_state WHERE id = 1 AND capture = 1;
    INSERT INTO sync_clocks (tbl, rid, hlc, dead)
        SELECT 'make_ups', old.uuid, 0, hlc FROM sync_state WHERE id = 1
        ON CONFLICT (tbl, rid) DO UPDATE SET fields = NULL, dead = excluded.dead;
END;
CREATE TRIGGER sync_capture_entries_insert AFTER INSERT ON entries
WHEN (SELECT capture FROM sync_state WHERE id = 1) = 1
BEGIN
    UPDATE sync_state SET hlc = max(hlc + 1, min(new.updated_at, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) + 86400000) << 16), op = op + 1 WHERE id = 1;
    INSERT INTO sync_outbox (op, hlc, tbl, rid, kind, fields)
        SELECT op, hlc, 'entries', new.uuid, 'new', json_object('happened_at', new.happened_at, 'trigger_text', new.trigger_text, 'story', new.story, 'friend', new.friend, 'intensity', new.intensity, 'kind', new.kind, 'commitment_id', (SELECT uuid FROM commitments WHERE id = new.commitment_id), 'reframe_id', (SELECT uuid FROM reframes WHERE id = new.reframe_id), 'deleted_at', new.deleted_at, 'conflict_of_id', (SELECT uuid FROM entries WHERE id = new.conflict_of_id), 'conflict_at', new.conflict_at, 'created_at', new.created_at, 'updated_at', new.updated_at, 'tags', json('[]')) FROM sync_state WHERE id = 1;
    INSERT INTO sync_clocks (tbl, rid, hlc, tdev, top)
        SELECT 'entries', new.uuid, hlc, device_num, op FROM sync_state WHERE id = 1
        ON CONFLICT (tbl, rid) DO UPDATE SET hlc = excluded.hlc, fields = NULL, tdev = excluded.tdev, top = excluded.top, dead = NULL;
END;
CREATE TRIGGER sync_capture_entries_update AFTER UPDATE ON entries
WHEN (SELECT capture FROM sync_state WHERE id = 1) = 1
    AND (old.happened_at IS NOT new.happened_at
        OR old.trigger_text IS NOT new.trigger_text
        OR old.story IS NOT new.story
        OR old.friend IS NOT new.friend
        OR old.intensity IS NOT new.intensity
        OR old.kind IS NOT new.kind
        OR old.commitment_id IS NOT new.commitment_id
        OR old.reframe_id IS NOT new.reframe_id
        OR old.deleted_at IS NOT new.deleted_at
        OR old.conflict_of_id IS NOT new.conflict_of_id
        OR old.conflict_at IS NOT new.conflict_at
        OR old.created_at IS NOT new.created_at
        OR old.updated_at IS NOT new.updated_at)
BEGIN
    UPDATE sync_state SET hlc = max(hlc + 1, min(new.updated_at, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) + 86400000) << 16), op = op + 1 WHERE id = 1;
    INSERT INTO sync_outbox (op, hlc, tbl, rid, kind, fields, ctx)
        SELECT op, hlc, 'entries', new.uuid, 'set', (SELECT json_group_object(k, v) FROM (
            SELECT 'happened_at' AS k, new.happened_at AS v WHERE old.happened_at IS NOT new.happened_at
            UNION ALL SELECT 'trigger_text' AS k, new.trigger_text AS v WHERE (old.trigger_text IS NOT new.trigger_text OR old.story IS NOT new.story OR old.friend IS NOT new.friend)
            UNION ALL SELECT 'story' AS k, new.story AS v WHERE (old.trigger_text IS NOT new.trigger_text OR old.story IS NOT new.story OR old.friend IS NOT new.friend)
            UNION ALL SELECT 'friend' AS k, new.friend AS v WHERE (old.trigger_text IS NOT new.trigger_text OR old.story IS NOT new.story OR old.friend IS NOT new.friend)
            UNION ALL SELECT 'intensity' AS k, new.intensity AS v WHERE old.intensity IS NOT new.intensity
            UNION ALL SELECT 'kind' AS k, new.kind AS v WHERE old.kind IS NOT new.kind
            UNION ALL SELECT 'commitment_id' AS k, (SELECT uuid FROM commitments WHERE id = new.commitment_id) AS v WHERE old.commitment_id IS NOT new.commitment_id
            UNION ALL SELECT 'reframe_id' AS k, (SELECT uuid FROM reframes WHERE id = new.reframe_id) AS v WHERE old.reframe_id IS NOT new.reframe_id
            UNION ALL SELECT 'deleted_at' AS k, new.deleted_at AS v WHERE old.deleted_at IS NOT new.deleted_at
            UNION ALL SELECT 'conflict_of_id' AS k, (SELECT uuid FROM entries WHERE id = new.conflict_of_id) AS v WHERE old.conflict_of_id IS NOT new.conflict_of_id
            UNION ALL SELECT 'conflict_at' AS k, new.conflict_at AS v WHERE old.conflict_at IS NOT new.conflict_at
            UNION ALL SELECT 'created_at' AS k, new.created_at AS v WHERE old.created_at IS NOT new.created_at
            UNION ALL SELECT 'updated_at' AS k, new.updated_at AS v WHERE old.updated_at IS NOT new.updated_at)),
        CASE WHEN (old.trigger_text IS NOT new.trigger_text OR old.story IS NOT new.story OR old.friend IS NOT new.friend) THEN json_object('happened_at', new.happened_at, 'trigger_text', new.trigger_text, 'story', new.story, 'friend', new.friend, 'intensity', new.intensity, 'kind', new.kind, 'commitment_id', (SELECT uuid FROM commitments WHERE id = new.commitment_id), 'reframe_id', (SELECT uuid FROM reframes WHERE id = new.reframe_id), 'deleted_at', new.deleted_at, 'conflict_of_id', (SELECT uuid FROM entries WHERE id = new.conflict_of_id), 'conflict_at', new.conflict_at, 'created_at', new.created_at, 'updated_at', new.updated_at) END FROM sync_state WHERE id = 1;
    INSERT INTO sync_clocks (tbl, rid, hlc, fields, tdev, top)
        SELECT 'entries', new.uuid, 0, (SELECT json_group_object(k, s.hlc) FROM (
            SELECT 'happened_at' AS k WHERE old.happened_at IS NOT new.happened_at
            UNION ALL SELECT 'trigger_text' AS k WHERE (old.trigger_text IS NOT new.trigger_text OR old.story IS NOT new.story OR old.friend IS NOT new.friend)
            UNION ALL SELECT 'story' AS k WHERE (old.trigger_text IS NOT new.trigger_text OR old.story IS NOT new.story OR old.friend IS NOT new.friend)
            UNION ALL SELECT 'friend' AS k WHERE (old.trigger_text IS NOT new.trigger_text OR old.story IS NOT new.story OR old.friend IS NOT new.friend)
            UNION ALL SELECT 'intensity' AS k WHERE old.intensity IS NOT new.intensity
            UNION ALL SELECT 'kind' AS k WHERE old.kind IS NOT new.kind
            UNION ALL SELECT 'commitment_id' AS k WHERE old.commitment_id IS NOT new.commitment_id
            UNION ALL SELECT 'reframe_id' AS k WHERE old.reframe_id IS NOT new.reframe_id
            UNION ALL SELECT 'deleted_at' AS k WHERE old.deleted_at IS NOT new.deleted_at
            UNION ALL SELECT 'conflict_of_id' AS k WHERE old.conflict_of_id IS NOT new.conflict_of_id
            UNION ALL SELECT 'conflict_at' AS k WHERE old.conflict_at IS NOT new.conflict_at
            UNION ALL SELECT 'created_at' AS k WHERE old.created_at IS NOT new.created_at
            UNION ALL SELECT 'updated_at' AS k WHERE old.updated_at IS NOT new.updated_at)),
        CASE WHEN (old.trigger_text IS NOT new.trigger_text OR old.story IS NOT new.story OR old.friend IS NOT new.friend) THEN s.device_num END, CASE WHEN (old.trigger_text IS NOT new.trigger_text OR old.story IS NOT new.story OR old.friend IS NOT new.friend) THEN s.op END FROM sync_state s WHERE s.id = 1
        ON CONFLICT (tbl, rid) DO UPDATE SET fields = json_patch(coalesce(fields, '{}'), excluded.fields),
            tdev = coalesce(excluded.tdev, tdev), top = coalesce(excluded.top, top);
END;
CREATE TRIGGER sync_capture_entries_delete AFTER DELETE ON entries
WHEN (SELECT capture FROM sync_state WHERE id = 1) IS NOT NULL
BEGIN
    UPDATE sync_state SET hlc = hlc + 1, op = op + 1 WHERE id = 1 AND capture = 1;
    INSERT INTO sync_outbox (op, hlc, tbl, rid, kind)
        SELECT op, hlc, 'entries', old.uuid, 'del' FROM sync_state WHERE id = 1 AND capture = 1;
    INSERT INTO sync_clocks (tbl, rid, hlc, dead)
        SELECT 'entries', old.uuid, 0, hlc FROM sync_state WHERE id = 1
        ON CONFLICT (tbl, rid) DO UPDATE SET fields = NULL, dead = excluded.dead;
END;
CREATE TRIGGER sync_capture_protocols_insert AFTER INSERT ON protocols
WHEN (SELECT capture FROM sync_state WHERE id = 1) = 1
BEGIN
    UPDATE sync_state SET hlc = max(hlc + 1, min(new.updated_at, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) + 86400000) << 16), op = op + 1 WHERE id = 1;
    INSERT INTO sync_outbox (op, hlc, tbl, rid, kind, fields)
        SELECT op, hlc, 'protocols', new.uuid, 'new', json_object('title', new.title, 'entry_id', (SELECT uuid FROM entries WHERE id = new.entry_id), 'commitment_id', (SELECT uuid FROM commitments WHERE id = new.commitment_id), 'remind_days_before', new.remind_days_before, 'review_on', new.review_on, 'status', new.status, 'template_key', new.template_key, 'deleted_at', new.deleted_at, 'created_at', new.created_at, 'updated_at', new.updated_at) FROM sync_state WHERE id = 1;
    INSERT INTO sync_clocks (tbl, rid, hlc, tdev, top)
        SELECT 'protocols', new.uuid, hlc, NULL, NULL FROM sync_state WHERE id = 1
        ON CONFLICT (tbl, rid) DO UPDATE SET hlc = excluded.hlc, fields = NULL, tdev = excluded.tdev, top = excluded.top, dead = NULL;
END;
CREATE TRIGGER sync_capture_protocols_update AFTER UPDATE ON protocols
WHEN (SELECT capture FROM sync_state WHERE id = 1) = 1
    AND (old.title IS NOT new.title
        OR old.entry_id IS NOT new.entry_id
        OR old.commitment_id IS NOT new.commitment_id
        OR old.remind_days_before IS NOT new.remind_days_before
        OR old.review_on IS NOT new.review_on
        OR old.status IS NOT new.status
        OR old.template_key IS NOT new.template_key
        OR old.deleted_at IS NOT new.deleted_at
        OR old.created_at IS NOT new.created_at
        OR old.updated_at IS NOT new.updated_at)
BEGIN
    UPDATE sync_state SET hlc = max(hlc + 1, min(new.updated_at, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) + 86400000) << 16), op = op + 1 WHERE id = 1;
    INSERT INTO sync_outbox (op, hlc, tbl, rid, kind, fields, ctx)
        SELECT op, hlc, 'protocols', new.uuid, 'set', (SELECT json_group_object(k, v) FROM (
            SELECT 'title' AS k, new.title AS v WHERE old.title IS NOT new.title
            UNION ALL SELECT 'entry_id' AS k, (SELECT uuid FROM entries WHERE id = new.entry_id) AS v WHERE old.entry_id IS NOT new.entry_id
            UNION ALL SELECT 'commitment_id' AS k, (SELECT uuid FROM commitments WHERE id = new.commitment_id) AS v WHERE old.commitment_id IS NOT new.commitment_id
            UNION ALL SELECT 'remind_days_before' AS k, new.remind_days_before AS v WHERE old.remind_days_before IS NOT new.remind_days_before
            UNION ALL SELECT 'review_on' AS k, new.review_on AS v WHERE old.review_on IS NOT new.review_on
            UNION ALL SELECT 'status' AS k, new.status AS v WHERE old.status IS NOT new.status
            UNION ALL SELECT 'template_key' AS k, new.template_key AS v WHERE old.template_key IS NOT new.template_key
            UNION ALL SELECT 'deleted_at' AS k, new.deleted_at AS v WHERE old.deleted_at IS NOT new.deleted_at
            UNION ALL SELECT 'created_at' AS k, new.created_at AS v WHERE old.created_at IS NOT new.created_at
            UNION ALL SELECT 'updated_at' AS k, new.updated_at AS v WHERE old.updated_at IS NOT new.updated_at)),
        NULL FROM sync_state WHERE id = 1;
    INSERT INTO sync_clocks (tbl, rid, hlc, fields, tdev, top)
        SELECT 'protocols', new.uuid, 0, (SELECT json_group_object(k, s.hlc) FROM (
            SELECT 'title' AS k WHERE old.title IS NOT new.title
            UNION ALL SELECT 'entry_id' AS k WHERE old.entry_id IS NOT new.entry_id
            UNION ALL SELECT 'commitment_id' AS k WHERE old.commitment_id IS NOT new.commitment_id
            UNION ALL SELECT 'remind_days_before' AS k WHERE old.remind_days_before IS NOT new.remind_days_before
            UNION ALL SELECT 'review_on' AS k WHERE old.review_on IS NOT new.review_on
            UNION ALL SELECT 'status' AS k WHERE old.status IS NOT new.status
            UNION ALL SELECT 'template_key' AS k WHERE old.template_key IS NOT new.template_key
            UNION ALL SELECT 'deleted_at' AS k WHERE old.deleted_at IS NOT new.deleted_at
            UNION ALL SELECT 'created_at' AS k WHERE old.created_at IS NOT new.created_at
            UNION ALL SELECT 'updated_at' AS k WHERE old.updated_at IS NOT new.updated_at)),
        NULL, NULL FROM sync_state s WHERE s.id = 1
        ON CONFLICT (tbl, rid) DO UPDATE SET fields = json_patch(coalesce(fields, '{}'), excluded.fields),
            tdev = coalesce(excluded.tdev, tdev), top = coalesce(excluded.top, top);
END;
CREATE TRIGGER sync_capture_protocols_delete AFTER DELETE ON protocols
WHEN (SELECT capture FROM sync_state WHERE id = 1) IS NOT NULL
BEGIN
    UPDATE sync_state SET hlc = hlc + 1, op = op + 1 WHERE id = 1 AND capture = 1;
    INSERT INTO sync_outbox (op, hlc, tbl, rid, kind)
        SELECT op, hlc, 'protocols', old.uuid, 'del' FROM sync_state WHERE id = 1 AND capture = 1;
    INSERT INTO sync_clocks (tbl, rid, hlc, dead)
        SELECT 'protocols', old.uuid, 0, hlc FROM sync_state WHERE id = 1
        ON CONFLICT (tbl, rid) DO UPDATE SET fields = NULL, dead = excluded.dead;
END;
CREATE TRIGGER sync_capture_protocol_steps_insert AFTER INSERT ON protocol_steps
WHEN (SELECT capture FROM sync_state WHERE id = 1) = 1
BEGIN
    UPDATE sync_state SET hlc = max(hlc + 1, min(new.updated_at, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) + 86400000) << 16), op = op + 1 WHERE id = 1;
    INSERT INTO sync_outbox (op, hlc, tbl, rid, kind, fields)
        SELECT op, hlc, 'protocol_steps', new.uuid, 'new', json_object('protocol_id', (SELECT uuid FROM protocols WHERE id = new.protocol_id), 'position', new.position, 'text', new.text, 'action', new.action, 'done_at', new.done_at, 'deleted_at', new.deleted_at, 'created_at', new.created_at, 'updated_at', new.updated_at) FROM sync_state WHERE id = 1;
    INSERT INTO sync_clocks (tbl, rid, hlc, tdev, top)
        SELECT 'protocol_steps', new.uuid, hlc, NULL, NULL FROM sync_state WHERE id = 1
        ON CONFLICT (tbl, rid) DO UPDATE SET hlc = excluded.hlc, fields = NULL, tdev = excluded.tdev, top = excluded.top, dead = NULL;
END;
CREATE TRIGGER sync_capture_protocol_steps_update AFTER UPDATE ON protocol_steps
WHEN (SELECT capture FROM sync_state WHERE id = 1) = 1
    AND (old.protocol_id IS NOT new.protocol_id
        OR old.position IS NOT new.position
        OR old.text IS NOT new.text
        OR old.action IS NOT new.action
        OR old.done_at IS NOT new.done_at
        OR old.deleted_at IS NOT new.deleted_at
        OR old.created_at IS NOT new.created_at
        OR old.updated_at IS NOT new.updated_at)
BEGIN
    UPDATE sync_state SET hlc = max(hlc + 1, min(new.updated_at, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) + 86400000) << 16), op = op + 1 WHERE id = 1;
    INSERT INTO sync_outbox (op, hlc, tbl, rid, kind, fields, ctx)
        SELECT op, hlc, 'protocol_steps', new.uuid, 'set', (SELECT json_group_object(k, v) FROM (
            SELECT 'protocol_id' AS k, (SELECT uuid FROM protocols WHERE id = new.protocol_id) AS v WHERE old.protocol_id IS NOT new.protocol_id
            UNION ALL SELECT 'position' AS k, new.position AS v WHERE old.position IS NOT new.position
            UNION ALL SELECT 'text' AS k, new.text AS v WHERE old.text IS NOT new.text
            UNION ALL SELECT 'action' AS k, new.action AS v WHERE old.action IS NOT new.action
            UNION ALL SELECT 'done_at' AS k, new.done_at AS v WHERE old.done_at IS NOT new.done_at
            UNION ALL SELECT 'deleted_at' AS k, new.deleted_at AS v WHERE old.deleted_at IS NOT new.deleted_at
            UNION ALL SELECT 'created_at' AS k, new.created_at AS v WHERE old.created_at IS NOT new.created_at
            UNION ALL SELECT 'updated_at' AS k, new.updated_at AS v WHERE old.updated_at IS NOT new.updated_at)),
        NULL FROM sync_state WHERE id = 1;
    INSERT INTO sync_clocks (tbl, rid, hlc, fields, tdev, top)
        SELECT 'protocol_steps', new.uuid, 0, (SELECT json_group_object(k, s.hlc) FROM (
            SELECT 'protocol_id' AS k WHERE old.protocol_id IS NOT new.protocol_id
            UNION ALL SELECT 'position' AS k WHERE old.position IS NOT new.position
            UNION ALL SELECT 'text' AS k WHERE old.text IS NOT new.text
            UNION ALL SELECT 'action' AS k WHERE old.action IS NOT new.action
            UNION ALL SELECT 'done_at' AS k WHERE old.done_at IS NOT new.done_at
            UNION ALL SELECT 'deleted_at' AS k WHERE old.deleted_at IS NOT new.deleted_at
            UNION ALL SELECT 'created_at' AS k WHERE old.created_at IS NOT new.created_at
            UNION ALL SELECT 'updated_at' AS k WHERE old.updated_at IS NOT new.updated_at)),
        NULL, NULL FROM sync_state s WHERE s.id = 1
        ON CONFLICT (tbl, rid) DO UPDATE SET fields = json_patch(coalesce(fields, '{}'), excluded.fields),
            tdev = coalesce(excluded.tdev, tdev), top = coalesce(excluded.top, top);
END;
CREATE TRIGGER sync_capture_protocol_steps_delete AFTER DELETE ON protocol_steps
WHEN (SELECT capture FROM sync_state WHERE id = 1) IS NOT NULL
BEGIN
    UPDATE sync_state SET hlc = hlc + 1, op = op + 1 WHERE id = 1 AND capture = 1;
    INSERT INTO sync_outbox (op, hlc, tbl, rid, kind)
        SELECT op, hlc, 'protocol_steps', old.uuid, 'del' FROM sync_state WHERE id = 1 AND capture = 1;
    INSERT INTO sync_clocks (tbl, rid, hlc, dead)
        SELECT 'protocol_steps', old.uuid, 0, hlc FROM sync_state WHERE id = 1
        ON CONFLICT (tbl, rid) DO UPDATE SET fields = NULL, dead = excluded.dead;
END;
CREATE TRIGGER sync_capture_slips_insert AFTER INSERT ON slips
WHEN (SELECT capture FROM sync_state WHERE id = 1) = 1
BEGIN
    UPDATE sync_state SET hlc = max(hlc + 1, min(new.updated_at, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) + 86400000) << 16), op = op + 1 WHERE id = 1;
    INSERT INTO sync_outbox (op, hlc, tbl, rid, kind, fields)
        SELECT op, hlc, 'slips', new.uuid, 'new', json_object('text', new.text, 'position', new.position, 'pinned', new.pinned, 'created_at', new.created_at, 'updated_at', new.updated_at) FROM sync_state WHERE id = 1;
    INSERT INTO sync_clocks (tbl, rid, hlc, tdev, top)
        SELECT 'slips', new.uuid, hlc, NULL, NULL FROM sync_state WHERE id = 1
        ON CONFLICT (tbl, rid) DO UPDATE SET hlc = excluded.hlc, fields = NULL, tdev = excluded.tdev, top = excluded.top, dead = NULL;
END;
CREATE TRIGGER sync_capture_slips_update AFTER UPDATE ON slips
WHEN (SELECT capture FROM sync_state WHERE id = 1) = 1
    AND (old.text IS NOT new.text
        OR old.position IS NOT new.position
        OR old.pinned IS NOT new.pinned
        OR old.created_at IS NOT new.created_at
        OR old.updated_at IS NOT new.updated_at)
BEGIN
    UPDATE sync_state SET hlc = max(hlc + 1, min(new.updated_at, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) + 86400000) << 16), op = op + 1 WHERE id = 1;
    INSERT INTO sync_outbox (op, hlc, tbl, rid, kind, fields, ctx)
        SELECT op, hlc, 'slips', new.uuid, 'set', (SELECT json_group_object(k, v) FROM (
            SELECT 'text' AS k, new.text AS v WHERE old.text IS NOT new.text
            UNION ALL SELECT 'position' AS k, new.position AS v WHERE old.position IS NOT new.position
            UNION ALL SELECT 'pinned' AS k, new.pinned AS v WHERE old.pinned IS NOT new.pinned
            UNION ALL SELECT 'created_at' AS k, new.created_at AS v WHERE old.created_at IS NOT new.created_at
            UNION ALL SELECT 'updated_at' AS k, new.updated_at AS v WHERE old.updated_at IS NOT new.updated_at)),
        NULL FROM sync_state WHERE id = 1;
    INSERT INTO sync_clocks (tbl, rid, hlc, fields, tdev, top)
        SELECT 'slips', new.uuid, 0, (SELECT json_group_object(k, s.hlc) FROM (
            SELECT 'text' AS k WHERE old.text IS NOT new.text
            UNION ALL SELECT 'position' AS k WHERE old.position IS NOT new.position
            UNION ALL SELECT 'pinned' AS k WHERE old.pinned IS NOT new.pinned
            UNION ALL SELECT 'created_at' AS k WHERE old.created_at IS NOT new.created_at
            UNION ALL SELECT 'updated_at' AS k WHERE old.updated_at IS NOT new.updated_at)),
        NULL, NULL FROM sync_state s WHERE s.id = 1
        ON CONFLICT (tbl, rid) DO UPDATE SET fields = json_patch(coalesce(fields, '{}'), excluded.fields),
            tdev = coalesce(excluded.tdev, tdev), top = coalesce(excluded.top, top);
END;
CREATE TRIGGER sync_capture_slips_delete AFTER DELETE ON slips
WHEN (SELECT capture FROM sync_state WHERE id = 1) IS NOT NULL
BEGIN
    UPDATE sync_state SET hlc = hlc + 1, op = op + 1 WHERE id = 1 AND capture = 1;
    INSERT INTO sync_outbox (op, hlc, tbl, rid, kind)
        SELECT op, hlc, 'slips', old.uuid, 'del' FROM sync_state WHERE id = 1 AND capture = 1;
    INSERT INTO sync_clocks (tbl, rid, hlc, dead)
        SELECT 'slips', old.uuid, 0, hlc FROM sync_state WHERE id = 1
        ON CONFLICT (tbl, rid) DO UPDATE SET fields = NULL, dead = excluded.dead;
END;
CREATE TRIGGER sync_capture_slip_readings_insert AFTER INSERT ON slip_readings
WHEN (SELECT capture FROM sync_state WHERE id = 1) = 1
BEGIN
    UPDATE sync_state SET hlc = max(hlc + 1, min(new.updated_at, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) + 86400000) << 16), op = op + 1 WHERE id = 1;
    INSERT INTO sync_outbox (op, hlc, tbl, rid, kind, fields)
        SELECT op, hlc, 'slip_readings', new.uuid, 'new', json_object('slip_id', (SELECT uuid FROM slips WHERE id = new.slip_id), 'day', new.day, 'read_at', new.read_at, 'created_at', new.created_at, 'updated_at', new.updated_at) FROM sync_state WHERE id = 1;
    INSERT INTO sync_clocks (tbl, rid, hlc, tdev, top)
        SELECT 'slip_readings', new.uuid, hlc, NULL, NULL FROM sync_state WHERE id = 1
        ON CONFLICT (tbl, rid) DO UPDATE SET hlc = excluded.hlc, fields = NULL, tdev = excluded.tdev, top = excluded.top, dead = NULL;
END;
CREATE TRIGGER sync_capture_slip_readings_update AFTER UPDATE ON slip_readings
WHEN (SELECT capture FROM sync_state WHERE id = 1) = 1
    AND (old.slip_id IS NOT new.slip_id
        OR old.day IS NOT new.day
        OR old.read_at IS NOT new.read_at
        OR old.created_at IS NOT new.created_at
        OR old.updated_at IS NOT new.updated_at)
BEGIN
    UPDATE sync_state SET hlc = max(hlc + 1, min(new.updated_at, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) + 86400000) << 16), op = op + 1 WHERE id = 1;
    INSERT INTO sync_outbox (op, hlc, tbl, rid, kind, fields, ctx)
        SELECT op, hlc, 'slip_readings', new.uuid, 'set', (SELECT json_group_object(k, v) FROM (
            SELECT 'slip_id' AS k, (SELECT uuid FROM slips WHERE id = new.slip_id) AS v WHERE old.slip_id IS NOT new.slip_id
            UNION ALL SELECT 'day' AS k, new.day AS v WHERE old.day IS NOT new.day
            UNION ALL SELECT 'read_at' AS k, new.read_at AS v WHERE old.read_at IS NOT new.read_at
            UNION ALL SELECT 'created_at' AS k, new.created_at AS v WHERE old.created_at IS NOT new.created_at
            UNION ALL SELECT 'updated_at' AS k, new.updated_at AS v WHERE old.updated_at IS NOT new.updated_at)),
        NULL FROM sync_state WHERE id = 1;
    INSERT INTO sync_clocks (tbl, rid, hlc, fields, tdev, top)
        SELECT 'slip_readings', new.uuid, 0, (SELECT json_group_object(k, s.hlc) FROM (
            SELECT 'slip_id' AS k WHERE old.slip_id IS NOT new.slip_id
            UNION ALL SELECT 'day' AS k WHERE old.day IS NOT new.day
            UNION ALL SELECT 'read_at' AS k WHERE old.read_at IS NOT new.read_at
            UNION ALL SELECT 'created_at' AS k WHERE old.created_at IS NOT new.created_at
            UNION ALL SELECT 'updated_at' AS k WHERE old.updated_at IS NOT new.updated_at)),
        NULL, NULL FROM sync_state s WHERE s.id = 1
        ON CONFLICT (tbl, rid) DO UPDATE SET fields = json_patch(coalesce(fields, '{}'), excluded.fields),
            tdev = coalesce(excluded.tdev, tdev), top = coalesce(excluded.top, top);
END;
CREATE TRIGGER sync_capture_slip_readings_delete AFTER DELETE ON slip_readings
WHEN (SELECT capture FROM sync_state WHERE id = 1) IS NOT NULL
BEGIN
    UPDATE sync_state SET hlc = hlc + 1, op = op + 1 WHERE id = 1 AND capture = 1;
    INSERT INTO sync_outbox (op, hlc, tbl, rid, kind)
        SELECT op, hlc, 'slip_readings', old.uuid, 'del' FROM sync_state WHERE id = 1 AND capture = 1;
    INSERT INTO sync_clocks (tbl, rid, hlc, dead)
        SELECT 'slip_readings', old.uuid, 0, hlc FROM sync_state WHERE id = 1
        ON CONFLICT (tbl, rid) DO UPDATE SET fields = NULL, dead = excluded.dead;
END;
CREATE TRIGGER sync_capture_compassion_sessions_insert AFTER INSERT ON compassion_sessions
WHEN (SELECT capture FROM sync_state WHERE id = 1) = 1
BEGIN
    UPDATE sync_state SET hlc = max(hlc + 1, min(new.updated_at, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) + 86400000) << 16), op = op + 1 WHERE id = 1;
    INSERT INTO sync_outbox (op, hlc, tbl, rid, kind, fields)
        SELECT op, hlc, 'compassion_sessions', new.uuid, 'new', json_object('entry_id', (SELECT uuid FROM entries WHERE id = new.entry_id), 'acknowledge', new.acknowledge, 'normalise', new.normalise, 'kindness', new.kindness, 'started_at', new.started_at, 'finished_at', new.finished_at, 'created_at', new.created_at, 'updated_at', new.updated_at) FROM sync_state WHERE id = 1;
    INSERT INTO sync_clocks (tbl, rid, hlc, tdev, top)
        SELECT 'compassion_sessions', new.uuid, hlc, NULL, NULL FROM sync_state WHERE id = 1
        ON CONFLICT (tbl, rid) DO UPDATE SET hlc = excluded.hlc, fields = NULL, tdev = excluded.tdev, top = excluded.top, dead = NULL;
END;
CREATE TRIGGER sync_capture_compassion_sessions_update AFTER UPDATE ON compassion_sessions
WHEN (SELECT capture FROM sync_state WHERE id = 1) = 1
    AND (old.entry_id IS NOT new.entry_id
        OR old.acknowledge IS NOT new.acknowledge
        OR old.normalise IS NOT new.normalise
        OR old.kindness IS NOT new.kindness
        OR old.started_at IS NOT new.started_at
        OR old.finished_at IS NOT new.finished_at
        OR old.created_at IS NOT new.created_at
        OR old.updated_at IS NOT new.updated_at)
BEGIN
    UPDATE sync_state SET hlc = max(hlc + 1, min(new.updated_at, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) + 86400000) << 16), op = op + 1 WHERE id = 1;
    INSERT INTO sync_outbox (op, hlc, tbl, rid, kind, fields, ctx)
        SELECT op, hlc, 'compassion_sessions', new.uuid, 'set', (SELECT json_group_object(k, v) FROM (
            SELECT 'entry_id' AS k, (SELECT uuid FROM entries WHERE id = new.entry_id) AS v WHERE old.entry_id IS NOT new.entry_id
            UNION ALL SELECT 'acknowledge' AS k, new.acknowledge AS v WHERE old.acknowledge IS NOT new.acknowledge
            UNION ALL SELECT 'normalise' AS k, new.normalise AS v WHERE old.normalise IS NOT new.normalise
            UNION ALL SELECT 'kindness' AS k, new.kindness AS v WHERE old.kindness IS NOT new.kindness
            UNION ALL SELECT 'started_at' AS k, new.started_at AS v WHERE old.started_at IS NOT new.started_at
            UNION ALL SELECT 'finished_at' AS k, new.finished_at AS v WHERE old.finished_at IS NOT new.finished_at
            UNION ALL SELECT 'created_at' AS k, new.created_at AS v WHERE old.created_at IS NOT new.created_at
            UNION ALL SELECT 'updated_at' AS k, new.updated_at AS v WHERE old.updated_at IS NOT new.updated_at)),
        NULL FROM sync_state WHERE id = 1;
    INSERT INTO sync_clocks (tbl, rid, hlc, fields, tdev, top)
        SELECT 'compassion_sessions', new.uuid, 0, (SELECT json_group_object(k, s.hlc) FROM (
            SELECT 'entry_id' AS k WHERE old.entry_id IS NOT new.entry_id
            UNION ALL SELECT 'acknowledge' AS k WHERE old.acknowledge IS NOT new.acknowledge
            UNION ALL SELECT 'normalise' AS k WHERE old.normalise IS NOT new.normalise
            UNION ALL SELECT 'kindness' AS k WHERE old.kindness IS NOT new.kindness
            UNION ALL SELECT 'started_at' AS k WHERE old.started_at IS NOT new.started_at
            UNION ALL SELECT 'finished_at' AS k WHERE old.finished_at IS NOT new.finished_at
            UNION ALL SELECT 'created_at' AS k WHERE old.created_at IS NOT new.created_at
            UNION ALL SELECT 'updated_at' AS k WHERE old.updated_at IS NOT new.updated_at)),
        NULL, NULL FROM sync_state s WHERE s.id = 1
        ON CONFLICT (tbl, rid) DO UPDATE SET fields = json_patch(coalesce(fields, '{}'), excluded.fields),
            tdev = coalesce(excluded.tdev, tdev), top = coalesce(excluded.top, top);
END;
CREATE TRIGGER sync_capture_compassion_sessions_delete AFTER DELETE ON compassion_sessions
WHEN (SELECT capture FROM sync_state WHERE id = 1) IS NOT NULL
BEGIN
    UPDATE sync_state SET hlc = hlc + 1, op = op + 1 WHERE id = 1 AND capture = 1;
    INSERT INTO sync_outbox (op, hlc, tbl, rid, kind)
        SELECT op, hlc, 'compassion_sessions', old.uuid, 'del' FROM sync_state WHERE id = 1 AND capture = 1;
    INSERT INTO sync_clocks (tbl, rid, hlc, dead)
        SELECT 'compassion_sessions', old.uuid, 0, hlc FROM sync_state WHERE id = 1
        ON CONFLICT (tbl, rid) DO UPDATE SET fields = NULL, dead = excluded.dead;
END;
CREATE TRIGGER sync_capture_urgency_criteria_insert AFTER INSERT ON urgency_criteria
WHEN (SELECT capture FROM sync_state WHERE id = 1) = 1
BEGIN
    UPDATE sync_state SET hlc = max(hlc + 1, min(new.updated_at, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) + 86400000) << 16), op = op + 1 WHERE id = 1;
    INSERT INTO sync_outbox (op, hlc, tbl, rid, kind, fields)
        SELECT op, hlc, 'urgency_criteria', new.uuid, 'new', json_object('question', new.question, 'position', new.position, 'deleted_at', new.deleted_at, 'created_at', new.created_at, 'updated_at', new.updated_at) FROM sync_state WHERE id = 1;
    INSERT INTO sync_clocks (tbl, rid, hlc, tdev, top)
        SELECT 'urgency_criteria', new.uuid, hlc, NULL, NULL FROM sync_state WHERE id = 1
        ON CONFLICT (tbl, rid) DO UPDATE SET hlc = excluded.hlc, fields = NULL, tdev = excluded.tdev, top = excluded.top, dead = NULL;
END;
CREATE TRIGGER sync_capture_urgency_criteria_update AFTER UPDATE ON urgency_criteria
WHEN (SELECT capture FROM sync_state WHERE id = 1) = 1
    AND (old.question IS NOT new.question
        OR old.position IS NOT new.position
        OR old.deleted_at IS NOT new.deleted_at
        OR old.created_at IS NOT new.created_at
        OR old.updated_at IS NOT new.updated_at)
BEGIN
    UPDATE sync_state SET hlc = max(hlc + 1, min(new.updated_at, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) + 86400000) << 16), op = op + 1 WHERE id = 1;
    INSERT INTO sync_outbox (op, hlc, tbl, rid, kind, fields, ctx)
        SELECT op, hlc, 'urgency_criteria', new.uuid, 'set', (SELECT json_group_object(k, v) FROM (
            SELECT 'question' AS k, new.question AS v WHERE old.question IS NOT new.question
            UNION ALL SELECT 'position' AS k, new.position AS v WHERE old.position IS NOT new.position
            UNION ALL SELECT 'deleted_at' AS k, new.deleted_at AS v WHERE old.deleted_at IS NOT new.deleted_at
            UNION ALL SELECT 'created_at' AS k, new.created_at AS v WHERE old.created_at IS NOT new.created_at
            UNION ALL SELECT 'updated_at' AS k, new.updated_at AS v WHERE old.updated_at IS NOT new.updated_at)),
        NULL FROM sync_state WHERE id = 1;
    INSERT INTO sync_clocks (tbl, rid, hlc, fields, tdev, top)
        SELECT 'urgency_criteria', new.uuid, 0, (SELECT json_group_object(k, s.hlc) FROM (
            SELECT 'question' AS k WHERE old.question IS NOT new.question
            UNION ALL SELECT 'position' AS k WHERE old.position IS NOT new.position
            UNION ALL SELECT 'deleted_at' AS k WHERE old.deleted_at IS NOT new.deleted_at
            UNION ALL SELECT 'created_at' AS k WHERE old.created_at IS NOT new.created_at
            UNION ALL SELECT 'updated_at' AS k WHERE old.updated_at IS NOT new.updated_at)),
        NULL, NULL FROM sync_state s WHERE s.id = 1
        ON CONFLICT (tbl, rid) DO UPDATE SET fields = json_patch(coalesce(fields, '{}'), excluded.fields),
            tdev = coalesce(excluded.tdev, tdev), top = coalesce(excluded.top, top);
END;
CREATE TRIGGER sync_capture_urgency_criteria_delete AFTER DELETE ON urgency_criteria
WHEN (SELECT capture FROM sync_state WHERE id = 1) IS NOT NULL
BEGIN
    UPDATE sync_state SET hlc = hlc + 1, op = op + 1 WHERE id = 1 AND capture = 1;
    INSERT INTO sync_outbox (op, hlc, tbl, rid, kind)
        SELECT op, hlc, 'urgency_criteria', old.uuid, 'del' FROM sync_state WHERE id = 1 AND capture = 1;
    INSERT INTO sync_clocks (tbl, rid, hlc, dead)
        SELECT 'urgency_criteria', old.uuid, 0, hlc FROM sync_state WHERE id = 1
        ON CONFLICT (tbl, rid) DO UPDATE SET fields = NULL, dead = excluded.dead;
END;
CREATE TRIGGER sync_capture_triages_insert AFTER INSERT ON triages
WHEN (SELECT capture FROM sync_state WHERE id = 1) = 1
BEGIN
    UPDATE sync_state SET hlc = max(hlc + 1, min(new.updated_at, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) + 86400000) << 16), op = op + 1 WHERE id = 1;
    INSERT INTO sync_outbox (op, hlc, tbl, rid, kind, fields)
        SELECT op, hlc, 'triages', new.uuid, 'new', json_object('client', new.client, 'request', new.request, 'asked_at', new.asked_at, 'window_start', new.window_start, 'window_end', new.window_end, 'rule', new.rule, 'verdict', new.verdict, 'reason', new.reason, 'reply_draft', new.reply_draft, 'follow_up_at', new.follow_up_at, 'truly_urgent', new.truly_urgent, 'looked_back_at', new.looked_back_at, 'created_at', new.created_at, 'updated_at', new.updated_at) FROM sync_state WHERE id = 1;
    INSERT INTO sync_clocks (tbl, rid, hlc, tdev, top)
        SELECT 'triages', new.uuid, hlc, NULL, NULL FROM sync_state WHERE id = 1
        ON CONFLICT (tbl, rid) DO UPDATE SET hlc = excluded.hlc, fields = NULL, tdev = excluded.tdev, top = excluded.top, dead = NULL;
END;
CREATE TRIGGER sync_capture_triages_update AFTER UPDATE ON triages
WHEN (SELECT capture FROM sync_state WHERE id = 1) = 1
    AND (old.client IS NOT new.client
        OR old.request IS NOT new.request
        OR old.asked_at IS NOT new.asked_at
        OR old.window_start IS NOT new.window_start
        OR old.window_end IS NOT new.window_end
        OR old.rule IS NOT new.rule
        OR old.verdict IS NOT new.verdict
        OR old.reason IS NOT new.reason
        OR old.reply_draft IS NOT new.reply_draft
        OR old.follow_up_at IS NOT new.follow_up_at
        OR old.truly_urgent IS NOT new.truly_urgent
        OR old.looked_back_at IS NOT new.looked_back_at
        OR old.created_at IS NOT new.created_at
        OR old.updated_at IS NOT new.updated_at)
BEGIN
    UPDATE sync_state SET hlc = max(hlc + 1, min(new.updated_at, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) + 86400000) << 16), op = op + 1 WHERE id = 1;
    INSERT INTO sync_outbox (op, hlc, tbl, rid, kind, fields, ctx)
        SELECT op, hlc, 'triages', new.uuid, 'set', (SELECT json_group_object(k, v) FROM (
            SELECT 'client' AS k, new.client AS v WHERE old.client IS NOT new.client
            UNION ALL SELECT 'request' AS k, new.request AS v WHERE old.request IS NOT new.request
            UNION ALL SELECT 'asked_at' AS k, new.asked_at AS v WHERE old.asked_at IS NOT new.asked_at
            UNION ALL SELECT 'window_start' AS k, new.window_start AS v WHERE old.window_start IS NOT new.window_start
            UNION ALL SELECT 'window_end' AS k, new.window_end AS v WHERE old.window_end IS NOT new.window_end
            UNION ALL SELECT 'rule' AS k, new.rule AS v WHERE old.rule IS NOT new.rule
            UNION ALL SELECT 'verdict' AS k, new.verdict AS v WHERE old.verdict IS NOT new.verdict
            UNION ALL SELECT 'reason' AS k, new.reason AS v WHERE old.reason IS NOT new.reason
            UNION ALL SELECT 'reply_draft' AS k, new.reply_draft AS v WHERE old.reply_draft IS NOT new.reply_draft
            UNION ALL SELECT 'follow_up_at' AS k, new.follow_up_at AS v WHERE old.follow_up_at IS NOT new.follow_up_at
            UNION ALL SELECT 'truly_urgent' AS k, new.truly_urgent AS v WHERE old.truly_urgent IS NOT new.truly_urgent
            UNION ALL SELECT 'looked_back_at' AS k, new.looked_back_at AS v WHERE old.looked_back_at IS NOT new.looked_back_at
            UNION ALL SELECT 'created_at' AS k, new.created_at AS v WHERE old.created_at IS NOT new.created_at
            UNION ALL SELECT 'updated_at' AS k, new.updated_at AS v WHERE old.updated_at IS NOT new.updated_at)),
        NULL FROM sync_state WHERE id = 1;
    INSERT INTO sync_clocks (tbl, rid, hlc, fields, tdev, top)
        SELECT 'triages', new.uuid, 0, (SELECT json_group_object(k, s.hlc) FROM (
            SELECT 'client' AS k WHERE old.client IS NOT new.client
            UNION ALL SELECT 'request' AS k WHERE old.request IS NOT new.request
            UNION ALL SELECT 'asked_at' AS k WHERE old.asked_at IS NOT new.asked_at
            UNION ALL SELECT 'window_start' AS k WHERE old.window_start IS NOT new.window_start
            UNION ALL SELECT 'window_end' AS k WHERE old.window_end IS NOT new.window_end
            UNION ALL SELECT 'rule' AS k WHERE old.rule IS NOT new.rule
            UNION ALL SELECT 'verdict' AS k WHERE old.verdict IS NOT new.verdict
            UNION ALL SELECT 'reason' AS k WHERE old.reason IS NOT new.reason
            UNION ALL SELECT 'reply_draft' AS k WHERE old.reply_draft IS NOT new.reply_draft
            UNION ALL SELECT 'follow_up_at' AS k WHERE old.follow_up_at IS NOT new.follow_up_at
            UNION ALL SELECT 'truly_urgent' AS k WHERE old.truly_urgent IS NOT new.truly_urgent
            UNION ALL SELECT 'looked_back_at' AS k WHERE old.looked_back_at IS NOT new.looked_back_at
            UNION ALL SELECT 'created_at' AS k WHERE old.created_at IS NOT new.created_at
            UNION ALL SELECT 'updated_at' AS k WHERE old.updated_at IS NOT new.updated_at)),
        NULL, NULL FROM sync_state s WHERE s.id = 1
        ON CONFLICT (tbl, rid) DO UPDATE SET fields = json_patch(coalesce(fields, '{}'), excluded.fields),
            tdev = coalesce(excluded.tdev, tdev), top = coalesce(excluded.top, top);
END;
CREATE TRIGGER sync_capture_triages_delete AFTER DELETE ON triages
WHEN (SELECT capture FROM sync_state WHERE id = 1) IS NOT NULL
BEGIN
    UPDATE sync_state SET hlc = hlc + 1, op = op + 1 WHERE id = 1 AND capture = 1;
    INSERT INTO sync_outbox (op, hlc, tbl, rid, kind)
        SELECT op, hlc, 'triages', old.uuid, 'del' FROM sync_state WHERE id = 1 AND capture = 1;
    INSERT INTO sync_clocks (tbl, rid, hlc, dead)
        SELECT 'triages', old.uuid, 0, hlc FROM sync_state WHERE id = 1
        ON CONFLICT (tbl, rid) DO UPDATE SET fields = NULL, dead = excluded.dead;
END;
CREATE TRIGGER sync_capture_triage_answers_insert AFTER INSERT ON triage_answers
WHEN (SELECT capture FROM sync_state WHERE id = 1) = 1
BEGIN
    UPDATE sync_state SET hlc = max(hlc + 1, min(new.updated_at, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) + 86400000) << 16), op = op + 1 WHERE id = 1;
    INSERT INTO sync_outbox (op, hlc, tbl, rid, kind, fields)
        SELECT op, hlc, 'triage_answers', new.uuid, 'new', json_object('triage_id', (SELECT uuid FROM triages WHERE id = new.triage_id), 'criterion_id', (SELECT uuid FROM urgency_criteria WHERE id = new.criterion_id), 'question', new.question, 'yes', new.yes, 'position', new.position, 'created_at', new.created_at, 'updated_at', new.updated_at) FROM sync_state WHERE id = 1;
    INSERT INTO sync_clocks (tbl, rid, hlc, tdev, top)
        SELECT 'triage_answers', new.uuid, hlc, NULL, NULL FROM sync_state WHERE id = 1
        ON CONFLICT (tbl, rid) DO UPDATE SET hlc = excluded.hlc, fields = NULL, tdev = excluded.tdev, top = excluded.top, dead = NULL;
END;
CREATE TRIGGER sync_capture_triage_answers_update AFTER UPDATE ON triage_answers
WHEN (SELECT capture FROM sync_state WHERE id = 1) = 1
    AND (old.triage_id IS NOT new.triage_id
        OR old.criterion_id IS NOT new.criterion_id
        OR old.question IS NOT new.question
        OR old.yes IS NOT new.yes
        OR old.position IS NOT new.position
        OR old.created_at IS NOT new.created_at
        OR old.updated_at IS NOT new.updated_at)
BEGIN
    UPDATE sync_state SET hlc = max(hlc + 1, min(new.updated_at, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) + 86400000) << 16), op = op + 1 WHERE id = 1;
    INSERT INTO sync_outbox (op, hlc, tbl, rid, kind, fields, ctx)
        SELECT op, hlc, 'triage_answers', new.uuid, 'set', (SELECT json_group_object(k, v) FROM (
            SELECT 'triage_id' AS k, (SELECT uuid FROM triages WHERE id = new.triage_id) AS v WHERE old.triage_id IS NOT new.triage_id
            UNION ALL SELECT 'criterion_id' AS k, (SELECT uuid FROM urgency_criteria WHERE id = new.criterion_id) AS v WHERE old.criterion_id IS NOT new.criterion_id
            UNION ALL SELECT 'question' AS k, new.question AS v WHERE old.question IS NOT new.question
            UNION ALL SELECT 'yes' AS k, new.yes AS v WHERE old.yes IS NOT new.yes
            UNION ALL SELECT 'position' AS k, new.position AS v WHERE old.position IS NOT new.position
            UNION ALL SELECT 'created_at' AS k, new.created_at AS v WHERE old.created_at IS NOT new.created_at
            UNION ALL SELECT 'updated_at' AS k, new.updated_at AS v WHERE old.updated_at IS NOT new.updated_at)),
        NULL FROM sync_state WHERE id = 1;
    INSERT INTO sync_clocks (tbl, rid, hlc, fields, tdev, top)
        SELECT 'triage_answers', new.uuid, 0, (SELECT json_group_object(k, s.hlc) FROM (
            SELECT 'triage_id' AS k WHERE old.triage_id IS NOT new.triage_id
            UNION ALL SELECT 'criterion_id' AS k WHERE old.criterion_id IS NOT new.criterion_id
            UNION ALL SELECT 'question' AS k WHERE old.question IS NOT new.question
            UNION ALL SELECT 'yes' AS k WHERE old.yes IS NOT new.yes
            UNION ALL SELECT 'position' AS k WHERE old.position IS NOT new.position
            UNION ALL SELECT 'created_at' AS k WHERE old.created_at IS NOT new.created_at
            UNION ALL SELECT 'updated_at' AS k WHERE old.updated_at IS NOT new.updated_at)),
        NULL, NULL FROM sync_state s WHERE s.id = 1
        ON CONFLICT (tbl, rid) DO UPDATE SET fields = json_patch(coalesce(fields, '{}'), excluded.fields),
            tdev = coalesce(excluded.tdev, tdev), top = coalesce(excluded.top, top);
END;
CREATE TRIGGER sync_capture_triage_answers_delete AFTER DELETE ON triage_answers
WHEN (SELECT capture FROM sync_state WHERE id = 1) IS NOT NULL
BEGIN
    UPDATE sync_state SET hlc = hlc + 1, op = op + 1 WHERE id = 1 AND capture = 1;
    INSERT INTO sync_outbox (op, hlc, tbl, rid, kind)
        SELECT op, hlc, 'triage_answers', old.uuid, 'del' FROM sync_state WHERE id = 1 AND capture = 1;
    INSERT INTO sync_clocks (tbl, rid, hlc, dead)
        SELECT 'triage_answers', old.uuid, 0, hlc FROM sync_state WHERE id = 1
        ON CONFLICT (tbl, rid) DO UPDATE SET fields = NULL, dead = excluded.dead;
END;
CREATE TRIGGER sync_capture_notices_insert AFTER INSERT ON notices
WHEN (SELECT capture FROM sync_state WHERE id = 1) = 1
BEGIN
    UPDATE sync_state SET hlc = max(hlc + 1, min(new.updated_at, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) + 86400000) << 16), op = op + 1 WHERE id = 1;
    INSERT INTO sync_outbox (op, hlc, tbl, rid, kind, fields)
        SELECT op, hlc, 'notices', new.uuid, 'new', json_object('kind', new.kind, 'ref', new.ref, 'due_at', new.due_at, 'sent_at', new.sent_at, 'created_at', new.created_at, 'updated_at', new.updated_at) FROM sync_state WHERE id = 1;
    INSERT INTO sync_clocks (tbl, rid, hlc, tdev, top)
        SELECT 'notices', new.uuid, hlc, NULL, NULL FROM sync_state WHERE id = 1
        ON CONFLICT (tbl, rid) DO UPDATE SET hlc = excluded.hlc, fields = NULL, tdev = excluded.tdev, top = excluded.top, dead = NULL;
END;
CREATE TRIGGER sync_capture_notices_update AFTER UPDATE ON notices
WHEN (SELECT capture FROM sync_state WHERE id = 1) = 1
    AND (old.kind IS NOT new.kind
        OR old.ref IS NOT new.ref
        OR old.due_at IS NOT new.due_at
        OR old.sent_at IS NOT new.sent_at
        OR old.created_at IS NOT new.created_at
        OR old.updated_at IS NOT new.updated_at)
BEGIN
    UPDATE sync_state SET hlc = max(hlc + 1, min(new.updated_at, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) + 86400000) << 16), op = op + 1 WHERE id = 1;
    INSERT INTO sync_outbox (op, hlc, tbl, rid, kind, fields, ctx)
        SELECT op, hlc, 'notices', new.uuid, 'set', (SELECT json_group_object(k, v) FROM (
            SELECT 'kind' AS k, new.kind AS v WHERE old.kind IS NOT new.kind
            UNION ALL SELECT 'ref' AS k, new.ref AS v WHERE old.ref IS NOT new.ref
            UNION ALL SELECT 'due_at' AS k, new.due_at AS v WHERE old.due_at IS NOT new.due_at
            UNION ALL SELECT 'sent_at' AS k, new.sent_at AS v WHERE old.sent_at IS NOT new.sent_at
            UNION ALL SELECT 'created_at' AS k, new.created_at AS v WHERE old.created_at IS NOT new.created_at
            UNION ALL SELECT 'updated_at' AS k, new.updated_at AS v WHERE old.updated_at IS NOT new.updated_at)),
        NULL FROM sync_state WHERE id = 1;
    INSERT INTO sync_clocks (tbl, rid, hlc, fields, tdev, top)
        SELECT 'notices', new.uuid, 0, (SELECT json_group_object(k, s.hlc) FROM (
            SELECT 'kind' AS k WHERE old.kind IS NOT new.kind
            UNION ALL SELECT 'ref' AS k WHERE old.ref IS NOT new.ref
            UNION ALL SELECT 'due_at' AS k WHERE old.due_at IS NOT new.due_at
            UNION ALL SELECT 'sent_at' AS k WHERE old.sent_at IS NOT new.sent_at
            UNION ALL SELECT 'created_at' AS k WHERE old.created_at IS NOT new.created_at
            UNION ALL SELECT 'updated_at' AS k WHERE old.updated_at IS NOT new.updated_at)),
        NULL, NULL FROM sync_state s WHERE s.id = 1
        ON CONFLICT (tbl, rid) DO UPDATE SET fields = json_patch(coalesce(fields, '{}'), excluded.fields),
            tdev = coalesce(excluded.tdev, tdev), top = coalesce(excluded.top, top);
END;
CREATE TRIGGER sync_capture_notices_delete AFTER DELETE ON notices
WHEN (SELECT capture FROM sync_state WHERE id = 1) IS NOT NULL
BEGIN
    UPDATE sync_state SET hlc = hlc + 1, op = op + 1 WHERE id = 1 AND capture = 1;
    INSERT INTO sync_outbox (op, hlc, tbl, rid, kind)
        SELECT op, hlc, 'notices', old.uuid, 'del' FROM sync_state WHERE id = 1 AND capture = 1;
    INSERT INTO sync_clocks (tbl, rid, hlc, dead)
        SELECT 'notices', old.uuid, 0, hlc FROM sync_state WHERE id = 1
        ON CONFLICT (tbl, rid) DO UPDATE SET fields = NULL, dead = excluded.dead;
END;
CREATE TRIGGER sync_capture_entry_tags_insert AFTER INSERT ON entry_tags
WHEN (SELECT capture FROM sync_state WHERE id = 1) = 1
BEGIN
    UPDATE sync_state SET hlc = max(hlc + 1, min((SELECT updated_at FROM entries WHERE id = new.entry_id), CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) + 86400000) << 16), op = op + 1 WHERE id = 1;
    INSERT INTO sync_outbox (op, hlc, tbl, rid, kind, fields)
        SELECT s.op, s.hlc, 'entries', e.uuid, 'set', json_object('tags', json((SELECT json_group_array(uuid) FROM (SELECT g.uuid FROM entry_tags et JOIN tags g ON g.id = et.tag_id WHERE et.entry_id = new.entry_id ORDER BY g.uuid))))
        FROM sync_state s JOIN entries e ON e.id = new.entry_id WHERE s.id = 1;
    INSERT INTO sync_clocks (tbl, rid, hlc, fields)
        SELECT 'entries', e.uuid, 0, json_object('tags', s.hlc) FROM sync_state s JOIN entries e ON e.id = new.entry_id WHERE s.id = 1
        ON CONFLICT (tbl, rid) DO UPDATE SET fields = json_patch(coalesce(fields, '{}'), excluded.fields);
END;
CREATE TRIGGER sync_capture_entry_tags_delete AFTER DELETE ON entry_tags
WHEN (SELECT capture FROM sync_state WHERE id = 1) = 1
    AND EXISTS (SELECT 1 FROM entries WHERE id = old.entry_id)
BEGIN
    UPDATE sync_state SET hlc = max(hlc + 1, min((SELECT updated_at FROM entries WHERE id = old.entry_id), CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) + 86400000) << 16), op = op + 1 WHERE id = 1;
    INSERT INTO sync_outbox (op, hlc, tbl, rid, kind, fields)
        SELECT s.op, s.hlc, 'entries', e.uuid, 'set', json_object('tags', json((SELECT json_group_array(uuid) FROM (SELECT g.uuid FROM entry_tags et JOIN tags g ON g.id = et.tag_id WHERE et.entry_id = old.entry_id ORDER BY g.uuid))))
        FROM sync_state s JOIN entries e ON e.id = old.entry_id WHERE s.id = 1;
    INSERT INTO sync_clocks (tbl, rid, hlc, fields)
        SELECT 'entries', e.uuid, 0, json_object('tags', s.hlc) FROM sync_state s JOIN entries e ON e.id = old.entry_id WHERE s.id = 1
        ON CONFLICT (tbl, rid) DO UPDATE SET fields = json_patch(coalesce(fields, '{}'), excluded.fields);
END;
-- END GENERATED CAPTURE TRIGGERS
