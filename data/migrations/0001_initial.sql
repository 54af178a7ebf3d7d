-- The whole design's records, so later features add columns rather than
-- fight over tables. Instants are INTEGER milliseconds since the epoch (UTC);
-- every table is STRICT so a value of the wrong type is refused, not stored.
-- Every record has a stable uuid beside its integer key, for export, import
-- and a future sync.

CREATE TABLE schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT    NOT NULL,
    applied_at INTEGER NOT NULL
) STRICT;

CREATE TABLE settings (
    key        TEXT    PRIMARY KEY,
    value      TEXT    NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE tags (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT    NOT NULL UNIQUE,
    name        TEXT    NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 60),
    builtin_key TEXT    UNIQUE,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX tags_by_name ON tags (name COLLATE NOCASE);

CREATE TABLE reframes (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT    NOT NULL UNIQUE,
    old_story   TEXT    NOT NULL CHECK (length(old_story) <= 2000),
    new_story   TEXT    NOT NULL CHECK (length(new_story) <= 2000),
    builtin_key TEXT    UNIQUE,
    position    INTEGER NOT NULL DEFAULT 0,
    deleted_at  INTEGER,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
) STRICT;

CREATE TABLE commitments (
    id                    INTEGER PRIMARY KEY,
    uuid                  TEXT    NOT NULL UNIQUE,
    title                 TEXT    NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 500),
    tier                  INTEGER NOT NULL CHECK (tier BETWEEN 1 AND 3),
    starts_at             INTEGER NOT NULL,
    ends_at               INTEGER NOT NULL CHECK (ends_at >= starts_at),
    all_day               INTEGER NOT NULL DEFAULT 0 CHECK (all_day IN (0, 1)),
    time_zone             TEXT    NOT NULL DEFAULT '',
    rrule                 TEXT    NOT NULL DEFAULT '',
    exdates               TEXT    NOT NULL DEFAULT '[]',
    location              TEXT    NOT NULL DEFAULT '',
    notes                 TEXT    NOT NULL DEFAULT '',
    ical_uid              TEXT,
    source                TEXT    NOT NULL DEFAULT '',
    remind_before_minutes INTEGER,
    deleted_at            INTEGER,
    created_at            INTEGER NOT NULL,
    updated_at            INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX commitments_by_ical_uid ON commitments (ical_uid) WHERE ical_uid IS NOT NULL;
CREATE INDEX commitments_live ON commitments (tier, starts_at) WHERE deleted_at IS NULL;

CREATE TABLE occurrence_outcomes (
    id            INTEGER PRIMARY KEY,
    uuid          TEXT    NOT NULL UNIQUE,
    commitment_id INTEGER NOT NULL REFERENCES commitments (id) ON DELETE CASCADE,
    occurs_at     INTEGER NOT NULL,
    status        TEXT    NOT NULL CHECK (status IN ('kept', 'missed', 'moved')),
    moved_to      INTEGER,
    note          TEXT    NOT NULL DEFAULT '',
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    UNIQUE (commitment_id, occurs_at)
) STRICT;

CREATE TABLE work_blocks (
    id               INTEGER PRIMARY KEY,
    uuid             TEXT    NOT NULL UNIQUE,
    client           TEXT    NOT NULL DEFAULT '',
    title            TEXT    NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 500),
    starts_at        INTEGER NOT NULL,
    ends_at          INTEGER NOT NULL CHECK (ends_at > starts_at),
    deadline_at      INTEGER,
    buffer_minutes   INTEGER NOT NULL DEFAULT 0 CHECK (buffer_minutes >= 0),
    emergency_reason TEXT    NOT NULL DEFAULT '',
    deleted_at       INTEGER,
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL
) STRICT;
CREATE INDEX work_blocks_by_start ON work_blocks (starts_at) WHERE deleted_at IS NULL;

CREATE TABLE make_ups (
    id            INTEGER PRIMARY KEY,
    uuid          TEXT    NOT NULL UNIQUE,
    work_block_id INTEGER REFERENCES work_blocks (id) ON DELETE SET NULL,
    commitment_id INTEGER NOT NULL REFERENCES commitments (id) ON DELETE CASCADE,
    occurs_at     INTEGER NOT NULL,
    note          TEXT    NOT NULL DEFAULT '',
    done_at       INTEGER,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
) STRICT;
CREATE INDEX make_ups_open ON make_ups (occurs_at) WHERE done_at IS NULL;

CREATE TABLE entries (
    id            INTEGER PRIMARY KEY,
    uuid          TEXT    NOT NULL UNIQUE,
    happened_at   INTEGER NOT NULL,
    trigger_text  TEXT    NOT NULL DEFAULT '' CHECK (length(trigger_text) <= 100000),
    story         TEXT    NOT NULL DEFAULT '' CHECK (length(story) <= 100000),
    friend        TEXT    NOT NULL DEFAULT '' CHECK (length(friend) <= 100000),
    intensity     INTEGER NOT NULL CHECK (intensity BETWEEN 0 AND 10),
    kind          TEXT    NOT NULL DEFAULT 'unsure' CHECK (kind IN ('guilt', 'shame', 'unsure')),
    commitment_id INTEGER REFERENCES commitments (id) ON DELETE SET NULL,
    reframe_id    INTEGER REFERENCES reframes (id) ON DELETE SET NULL,
    deleted_at    INTEGER,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
) STRICT;
-- Keyset paging walks this index newest first; the trash has its own.
CREATE INDEX entries_live_by_time ON entries (happened_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX entries_trashed ON entries (deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX entries_by_commitment ON entries (commitment_id) WHERE commitment_id IS NOT NULL;
CREATE INDEX entries_by_reframe ON entries (reframe_id) WHERE reframe_id IS NOT NULL;

CREATE TABLE entry_tags (
    entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    tag_id   INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    PRIMARY KEY (entry_id, tag_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX entry_tags_by_tag ON entry_tags (tag_id, entry_id);

-- Full-text index over the three answers, kept in step with entries by
-- triggers inside the same transaction as every write.
CREATE VIRTUAL TABLE entries_fts USING fts5 (
    trigger_text, story, friend,
    content = 'entries', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER entries_fts_insert AFTER INSERT ON entries BEGIN
    INSERT INTO entries_fts (rowid, trigger_text, story, friend)
    VALUES (new.id, new.trigger_text, new.story, new.friend);
END;
CREATE TRIGGER entries_fts_delete AFTER DELETE ON entries BEGIN
    INSERT INTO entries_fts (entries_fts, rowid, trigger_text, story, friend)
    VALUES ('delete', old.id, old.trigger_text, old.story, old.friend);
END;
CREATE TRIGGER entries_fts_update AFTER UPDATE OF trigger_text, story, friend ON entries BEGIN
    INSERT INTO entries_fts (entries_fts, rowid, trigger_text, story, friend)
    VALUES ('delete', old.id, old.trigger_text, old.story, old.friend);
    INSERT INTO entries_fts (rowid, trigger_text, story, friend)
    VALUES (new.id, new.trigger_text, new.story, new.friend);
END;

-- What the editor holds but has not saved yet; entry_id is set when an
-- existing entry is being edited.
CREATE TABLE drafts (
    id            INTEGER PRIMARY KEY,
    uuid          TEXT    NOT NULL UNIQUE,
    entry_id      INTEGER REFERENCES entries (id) ON DELETE CASCADE,
    happened_at   INTEGER,
    trigger_text  TEXT    NOT NULL DEFAULT '',
    story         TEXT    NOT NULL DEFAULT '',
    friend        TEXT    NOT NULL DEFAULT '',
    intensity     INTEGER,
    kind          TEXT    NOT NULL DEFAULT '',
    tags          TEXT    NOT NULL DEFAULT '[]',
    commitment_id INTEGER REFERENCES commitments (id) ON DELETE SET NULL,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX drafts_by_entry ON drafts (entry_id) WHERE entry_id IS NOT NULL;

CREATE TABLE protocols (
    id                 INTEGER PRIMARY KEY,
    uuid               TEXT    NOT NULL UNIQUE,
    title              TEXT    NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 500),
    entry_id           INTEGER REFERENCES entries (id) ON DELETE SET NULL,
    commitment_id      INTEGER REFERENCES commitments (id) ON DELETE SET NULL,
    remind_days_before INTEGER NOT NULL DEFAULT 2 CHECK (remind_days_before BETWEEN 0 AND 60),
    review_on          INTEGER,
    status             TEXT    NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'done')),
    template_key       TEXT    NOT NULL DEFAULT '',
    deleted_at         INTEGER,
    created_at         INTEGER NOT NULL,
    updated_at         INTEGER NOT NULL
) STRICT;
CREATE INDEX protocols_by_entry ON protocols (entry_id) WHERE entry_id IS NOT NULL;
CREATE INDEX protocols_by_commitment ON protocols (commitment_id) WHERE commitment_id IS NOT NULL;

CREATE TABLE protocol_steps (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT    NOT NULL UNIQUE,
    protocol_id INTEGER NOT NULL REFERENCES protocols (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    text        TEXT    NOT NULL CHECK (length(trim(text)) BETWEEN 1 AND 2000),
    action      TEXT    NOT NULL DEFAULT '',
    done_at     INTEGER,
    deleted_at  INTEGER,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
) STRICT;
CREATE INDEX protocol_steps_in_order ON protocol_steps (protocol_id, position);

CREATE TABLE slips (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT    NOT NULL UNIQUE,
    text       TEXT    NOT NULL CHECK (length(trim(text)) BETWEEN 1 AND 280),
    position   INTEGER NOT NULL,
    pinned     INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1)),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;
-- Exactly one slip can be pinned; the database enforces "at most".
CREATE UNIQUE INDEX slips_one_pinned ON slips (pinned) WHERE pinned = 1;

-- One row per morning the pinned slip was read; day is the local date.
CREATE TABLE slip_readings (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT    NOT NULL UNIQUE,
    slip_id    INTEGER REFERENCES slips (id) ON DELETE SET NULL,
    day        TEXT    NOT NULL UNIQUE CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    read_at    INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE compassion_sessions (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT    NOT NULL UNIQUE,
    entry_id    INTEGER REFERENCES entries (id) ON DELETE SET NULL,
    acknowledge TEXT    NOT NULL DEFAULT '' CHECK (length(acknowledge) <= 100000),
    normalise   TEXT    NOT NULL DEFAULT '' CHECK (length(normalise) <= 100000),
    kindness    TEXT    NOT NULL DEFAULT '' CHECK (length(kindness) <= 100000),
    started_at  INTEGER NOT NULL,
    finished_at INTEGER,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
) STRICT;
CREATE INDEX compassion_by_start ON compassion_sessions (started_at);

CREATE TABLE urgency_criteria (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT    NOT NULL UNIQUE,
    question   TEXT    NOT NULL CHECK (length(trim(question)) BETWEEN 1 AND 500),
    position   INTEGER NOT NULL,
    deleted_at INTEGER,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE triages (
    id             INTEGER PRIMARY KEY,
    uuid           TEXT    NOT NULL UNIQUE,
    client         TEXT    NOT NULL DEFAULT '',
    request        TEXT    NOT NULL DEFAULT '',
    asked_at       INTEGER NOT NULL,
    window_start   INTEGER NOT NULL,
    window_end     INTEGER NOT NULL CHECK (window_end >= window_start),
    rule           TEXT    NOT NULL DEFAULT '',
    verdict        TEXT    NOT NULL CHECK (verdict IN ('urgent', 'not_urgent', 'urgent_clash')),
    reason         TEXT    NOT NULL DEFAULT '',
    reply_draft    TEXT    NOT NULL DEFAULT '',
    follow_up_at   INTEGER,
    truly_urgent   INTEGER CHECK (truly_urgent IN (0, 1)),
    looked_back_at INTEGER,
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL
) STRICT;
CREATE INDEX triages_by_time ON triages (asked_at);

CREATE TABLE triage_answers (
    id           INTEGER PRIMARY KEY,
    uuid         TEXT    NOT NULL UNIQUE,
    triage_id    INTEGER NOT NULL REFERENCES triages (id) ON DELETE CASCADE,
    criterion_id INTEGER REFERENCES urgency_criteria (id) ON DELETE SET NULL,
    question     TEXT    NOT NULL,
    yes          INTEGER NOT NULL CHECK (yes IN (0, 1)),
    position     INTEGER NOT NULL,
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL
) STRICT;
CREATE INDEX triage_answers_by_triage ON triage_answers (triage_id, position);

-- Reminders already delivered, so a restart or a wake never repeats one.
CREATE TABLE notices (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT    NOT NULL UNIQUE,
    kind       TEXT    NOT NULL,
    ref        TEXT    NOT NULL,
    due_at     INTEGER NOT NULL,
    sent_at    INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    UNIQUE (kind, ref)
) STRICT;
