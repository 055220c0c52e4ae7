-- What humans set per fan (the console's Fans page and `fanvue-agent fan`), the model-written
-- summary of each fan, the text of every persona prompt version a decision used, and a full-text
-- index over the chats' messages.

-- Per-fan switches and the humans' words about a fan. A fan without a row has every switch on and
-- no notes. `notes` are for humans only and never reach the model; `instructions` are added to
-- this fan's prompt.
CREATE TABLE fan_controls (
    creator_handle TEXT NOT NULL,
    fan_uuid       TEXT NOT NULL,
    ai_off         INTEGER NOT NULL DEFAULT 0,  -- the AI does not answer this fan's messages
    offers_off     INTEGER NOT NULL DEFAULT 0,  -- no PPV offer on replies to this fan
    followups_off  INTEGER NOT NULL DEFAULT 0,  -- no follow-up scheduled for this fan
    notes          TEXT NOT NULL DEFAULT '',
    instructions   TEXT NOT NULL DEFAULT '',
    updated_by     TEXT,                        -- `console:<user>` or `cli:<unix user>`
    updated_at     INTEGER NOT NULL,            -- unix ms
    PRIMARY KEY (creator_handle, fan_uuid)
);

-- A short summary of each fan written by the model (refreshed every N fan messages, in the
-- background) or by a human (kept until a human erases it: the model never overwrites it).
CREATE TABLE fan_summaries (
    creator_handle TEXT NOT NULL,
    fan_uuid       TEXT NOT NULL,
    summary        TEXT NOT NULL,
    written_by     TEXT NOT NULL,               -- `model:<name>`, `console:<user>` or `cli:<user>`
    fan_messages   INTEGER NOT NULL,            -- the fan's message count when it was written
    written_at     INTEGER NOT NULL,            -- unix ms
    PRIMARY KEY (creator_handle, fan_uuid)
);

-- The files of every persona prompt version a decision used, by the version recorded in
-- `decisions.prompt_version` (the first 12 hex digits of their sha256).
CREATE TABLE prompt_versions (
    version       TEXT PRIMARY KEY,
    persona       TEXT NOT NULL,
    files         TEXT NOT NULL,                -- JSON [[file name, text], ...] in prompt order
    first_used_at INTEGER NOT NULL              -- unix ms
);

-- Search over what was written in chats (FTS5, compiled into the bundled SQLite), kept in step
-- with `messages` by triggers.
CREATE VIRTUAL TABLE messages_fts USING fts5(
    text, content = 'messages', content_rowid = 'rowid', tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO messages_fts (messages_fts) VALUES ('rebuild');
CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
    INSERT INTO messages_fts (rowid, text) VALUES (new.rowid, new.text);
END;
CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
    INSERT INTO messages_fts (messages_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
END;
CREATE TRIGGER messages_fts_update AFTER UPDATE OF text ON messages BEGIN
    INSERT INTO messages_fts (messages_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
    INSERT INTO messages_fts (rowid, text) VALUES (new.rowid, new.text);
END;
