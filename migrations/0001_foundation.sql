-- Foundation: creators, their OAuth tokens (ciphertext only), pending OAuth flows, and the local
-- copy of chats and messages the agent builds conversations from.

CREATE TABLE creators (
    handle        TEXT PRIMARY KEY,            -- the key of [creators.<handle>] in config.toml
    uuid          TEXT UNIQUE,                 -- bound from GET /users/me on connect
    display_name  TEXT,
    status        TEXT NOT NULL DEFAULT 'pending'
                  CHECK (status IN ('pending', 'active', 'needs_reconnect', 'paused')),
    status_reason TEXT,
    created_at    INTEGER NOT NULL,            -- unix seconds
    updated_at    INTEGER NOT NULL
);

CREATE TABLE oauth_tokens (
    creator_handle TEXT PRIMARY KEY REFERENCES creators(handle) ON DELETE CASCADE,
    access_token   BLOB NOT NULL,              -- AES-256-GCM ciphertext
    refresh_token  BLOB NOT NULL,              -- AES-256-GCM ciphertext
    expires_at     INTEGER NOT NULL,           -- unix seconds
    scope          TEXT,
    generation     INTEGER NOT NULL DEFAULT 1, -- bumped on every refresh
    updated_at     INTEGER NOT NULL
);

CREATE TABLE oauth_pending (
    state          TEXT PRIMARY KEY,
    creator_handle TEXT NOT NULL,
    code_verifier  BLOB NOT NULL,              -- ciphertext
    created_at     INTEGER NOT NULL,
    expires_at     INTEGER NOT NULL,
    used_at        INTEGER,
    outcome        TEXT                        -- 'connected' or an error message once used
);

CREATE TABLE chats (
    creator_handle  TEXT NOT NULL,
    fan_uuid        TEXT NOT NULL,
    fan_handle      TEXT,
    display_name    TEXT,
    nickname        TEXT,
    is_top_spender  INTEGER,
    last_message_at TEXT,
    unread_count    INTEGER,
    updated_at      INTEGER NOT NULL,
    PRIMARY KEY (creator_handle, fan_uuid)
);

CREATE TABLE messages (
    creator_handle TEXT NOT NULL,
    fan_uuid       TEXT NOT NULL,
    uuid           TEXT NOT NULL,
    from_creator   INTEGER NOT NULL,
    sender_uuid    TEXT,
    text           TEXT,
    type           TEXT,
    sent_at        TEXT,
    has_media      INTEGER NOT NULL DEFAULT 0,
    media_uuids    TEXT,                       -- JSON array
    price_cents    INTEGER,
    source         TEXT NOT NULL,              -- webhook | poll | api | send
    inserted_at    INTEGER NOT NULL,
    PRIMARY KEY (creator_handle, uuid)
);
CREATE INDEX messages_by_chat ON messages (creator_handle, fan_uuid, sent_at);

-- Cached API reads (vault media, fan insights) with when they were fetched.
CREATE TABLE api_cache (
    creator_handle TEXT NOT NULL,
    key            TEXT NOT NULL,
    value          TEXT NOT NULL,              -- JSON
    fetched_at     INTEGER NOT NULL,
    PRIMARY KEY (creator_handle, key)
);
