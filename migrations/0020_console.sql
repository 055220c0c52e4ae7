-- The web console: its users, their sessions, and what humans did (the decision log's human half).

-- People who log in to the console. `operator` sees every creator; `creator` only `creator_handle`.
CREATE TABLE console_users (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    name           TEXT NOT NULL UNIQUE,
    role           TEXT NOT NULL CHECK (role IN ('operator', 'creator')),
    creator_handle TEXT,
    password_hash  TEXT NOT NULL,             -- argon2id PHC string, never the password
    created_at     INTEGER NOT NULL,          -- unix ms
    updated_at     INTEGER NOT NULL,
    CHECK ((role = 'creator') = (creator_handle IS NOT NULL))
);

-- Logged-in sessions, kept server-side. The cookie holds a random token; only its SHA-256 is kept
-- here, so a copy of the database logs nobody in.
CREATE TABLE console_sessions (
    token_hash TEXT PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES console_users(id) ON DELETE CASCADE,
    csrf       TEXT NOT NULL,                 -- every POST of this session must carry it
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE INDEX console_sessions_by_user ON console_sessions (user_id);

-- Every human action (approve, edit and send, reject, reply by hand, resume, clear a mark, ...),
-- one row each, with who did it. Fan events keep exactly one row each in `decisions`; a human
-- action is not a fan event, so it is a row here, shown beside the decisions of its chat.
CREATE TABLE human_actions (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    at             INTEGER NOT NULL,          -- unix ms
    actor          TEXT NOT NULL,             -- `console:<user>` or `cli:<unix user>`
    action         TEXT NOT NULL,
    creator_handle TEXT,
    fan_uuid       TEXT,
    draft_id       INTEGER,
    outbox_id      INTEGER,
    detail         TEXT NOT NULL DEFAULT ''   -- the reason, note or text given
);
CREATE INDEX human_actions_by_chat ON human_actions (creator_handle, fan_uuid, id);
