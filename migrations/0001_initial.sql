-- Common Ground: the first schema. Migrations are append-only: change the
-- schema in a new file, never by editing this one.
--
-- Enumerations are stored as the lowercase words the program uses
-- (`as_str()`) and parsed back on reading, so a new value needs no table
-- rebuild. Times are RFC 3339 text in UTC, dates are YYYY-MM-DD text.

CREATE TABLE workshops (
    id                  INTEGER PRIMARY KEY,
    title               TEXT    NOT NULL,
    mode                TEXT    NOT NULL,
    status              TEXT    NOT NULL DEFAULT 'open',
    anonymity_threshold INTEGER NOT NULL,
    deadline            TEXT,               -- DATE
    guild_id            INTEGER,            -- NULL for workshops made from the command line
    channel_id          INTEGER,
    council_role        INTEGER,
    vcs_role            INTEGER,
    facilitator_role    INTEGER,
    previous_id         INTEGER REFERENCES workshops (id) ON DELETE SET NULL,
    created_at          TEXT    NOT NULL
);

CREATE INDEX workshops_by_guild_status ON workshops (guild_id, status);
CREATE INDEX workshops_by_title ON workshops (title COLLATE NOCASE);

CREATE TABLE participants (
    id           INTEGER PRIMARY KEY,
    workshop_id  INTEGER NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
    external_id  INTEGER,                   -- NULL when imported from paper or forgotten
    display_name TEXT    NOT NULL,
    side         TEXT    NOT NULL,
    organisation TEXT,
    active       INTEGER NOT NULL DEFAULT 1,
    forgotten    INTEGER NOT NULL DEFAULT 0,
    UNIQUE (workshop_id, external_id)
);

CREATE INDEX participants_by_external ON participants (external_id);
CREATE INDEX participants_by_name ON participants (workshop_id, display_name);

CREATE TABLE relationships (
    id                 INTEGER PRIMARY KEY,
    workshop_id        INTEGER NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
    name               TEXT    NOT NULL,
    types              TEXT    NOT NULL CHECK (types <> ''),  -- comma list, main type first
    holder             TEXT,
    level              TEXT    NOT NULL,
    held               TEXT    NOT NULL,
    intended_strategic INTEGER NOT NULL DEFAULT 0,
    added_by           INTEGER REFERENCES participants (id) ON DELETE SET NULL
);

CREATE UNIQUE INDEX relationships_unique_name ON relationships (workshop_id, name COLLATE NOCASE);

CREATE TABLE rounds (
    id               INTEGER PRIMARY KEY,
    workshop_id      INTEGER NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
    assessment       TEXT    NOT NULL,
    subject_id       INTEGER REFERENCES relationships (id) ON DELETE CASCADE,
    status           TEXT    NOT NULL DEFAULT 'open',
    items_posted     INTEGER NOT NULL DEFAULT 0,
    opened_at        TEXT    NOT NULL,
    revealed_at      TEXT,
    reminder_sent_at TEXT
);

CREATE INDEX rounds_by_subject ON rounds (workshop_id, assessment, subject_id, status);

CREATE TABLE votes (
    round_id       INTEGER NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
    item_id        TEXT    NOT NULL,
    participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
    value          INTEGER NOT NULL CHECK (value BETWEEN 0 AND 5),  -- 0 = not sure
    cast_at        TEXT    NOT NULL,
    PRIMARY KEY (round_id, item_id, participant_id)
) WITHOUT ROWID;

CREATE INDEX votes_by_participant ON votes (participant_id);

CREATE TABLE reveals (
    id                   INTEGER PRIMARY KEY,
    round_id             INTEGER NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
    revealed_by_external INTEGER,
    revealed_at          TEXT    NOT NULL
);

CREATE INDEX reveals_by_round ON reveals (round_id);
CREATE INDEX reveals_by_external ON reveals (revealed_by_external);

CREATE TABLE actions (
    id               INTEGER PRIMARY KEY,
    workshop_id      INTEGER NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
    text             TEXT    NOT NULL,
    owner            TEXT    NOT NULL,
    due              TEXT    NOT NULL,      -- DATE
    prompted_by      TEXT    NOT NULL,
    status           TEXT    NOT NULL DEFAULT 'open',
    agreed           INTEGER NOT NULL DEFAULT 0,
    proposed_by      INTEGER REFERENCES participants (id) ON DELETE SET NULL,
    created_at       TEXT    NOT NULL,
    reminder_sent_at TEXT
);

CREATE INDEX actions_by_workshop ON actions (workshop_id);
CREATE INDEX actions_awaiting_reminder ON actions (due) WHERE reminder_sent_at IS NULL;

CREATE TABLE action_responses (
    action_id      INTEGER NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
    participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
    stance         TEXT    NOT NULL,
    responded_at   TEXT    NOT NULL,
    PRIMARY KEY (action_id, participant_id)
) WITHOUT ROWID;

CREATE INDEX action_responses_by_participant ON action_responses (participant_id);
