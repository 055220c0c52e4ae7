-- Replies are confirmed against the chat before they leave (see sender.rs): a reply whose chat the
-- creator took over, or where the fan wrote again after it was drafted, is `dropped` (never sent,
-- its reason in last_error). Each row records what it was drafted from: `context_at` (our clock,
-- when the job read the conversation) and the newest message it saw (`answers_uuid`, with Fanvue's
-- `sentAt`). SQLite cannot change a CHECK in place, so the table is rebuilt as its documentation
-- prescribes (lang_altertable.html, "other kinds of table schema changes"): foreign keys off, which
-- SQLite only allows outside a transaction, so this script ends the migrator's transaction, rebuilds
-- in its own, and opens a new one for the migrator's bookkeeping. Re-running it after a crash
-- between the two is harmless (it rebuilds the table again from itself).
COMMIT;
PRAGMA foreign_keys = OFF;
BEGIN;
CREATE TABLE outbox_new (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    creator_handle  TEXT NOT NULL,
    fan_uuid        TEXT NOT NULL,
    purpose         TEXT NOT NULL,
    text            TEXT,
    media_uuids     TEXT NOT NULL DEFAULT '[]',
    price_cents     INTEGER,
    state           TEXT NOT NULL DEFAULT 'pending'
                    CHECK (state IN ('pending', 'sending', 'sent', 'failed', 'in_doubt', 'dropped')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    not_before      INTEGER NOT NULL,
    message_uuid    TEXT,
    last_error      TEXT,
    api_calls       INTEGER NOT NULL DEFAULT 0,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    sent_at         INTEGER,
    context_at      INTEGER,                   -- unix ms: when the drafting job read the chat
    answers_uuid    TEXT,                      -- the newest message the draft saw
    answers_sent_at TEXT                       -- its Fanvue sentAt
);
INSERT INTO outbox_new (id, creator_handle, fan_uuid, purpose, text, media_uuids, price_cents, state,
                        attempts, not_before, message_uuid, last_error, api_calls, created_at,
                        updated_at, sent_at)
    SELECT id, creator_handle, fan_uuid, purpose, text, media_uuids, price_cents, state, attempts,
           not_before, message_uuid, last_error, api_calls, created_at, updated_at, sent_at
    FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_new RENAME TO outbox;
CREATE INDEX outbox_open ON outbox (creator_handle, not_before) WHERE state IN ('pending', 'sending', 'in_doubt');
CREATE UNIQUE INDEX outbox_message ON outbox (creator_handle, message_uuid) WHERE message_uuid IS NOT NULL;
CREATE INDEX outbox_by_chat ON outbox (creator_handle, fan_uuid, state);
PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
BEGIN;
