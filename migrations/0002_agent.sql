-- The agent daemon: the durable inbox of verified events, the outbox of replies to send, the decision
-- log (one row per inbox event), and per-fan facts learned from events.

-- Every accepted event, committed before the webhook is answered. `dedupe_key` makes redeliveries
-- (and the poller finding a message a webhook already brought) a no-op.
CREATE TABLE inbox (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    dedupe_key     TEXT NOT NULL UNIQUE,
    source         TEXT NOT NULL,              -- webhook | poll | test
    creator_handle TEXT,                       -- NULL: unknown creator (kept, never processed)
    creator_uuid   TEXT,
    fan_uuid       TEXT,
    kind           TEXT NOT NULL,              -- EventKind::name()
    message_uuid   TEXT,
    from_fan       INTEGER NOT NULL DEFAULT 0, -- a fan-written message (a candidate for a reply)
    event          TEXT NOT NULL,              -- the domain Event as JSON
    received_at    INTEGER NOT NULL,           -- unix ms
    state          TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'decided'))
);
CREATE INDEX inbox_pending ON inbox (creator_handle, fan_uuid, id) WHERE state = 'pending';

-- Messages to send. Committed before any network call; never blindly resent (see sender.rs).
CREATE TABLE outbox (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    creator_handle TEXT NOT NULL,
    fan_uuid       TEXT NOT NULL,
    purpose        TEXT NOT NULL,              -- reply | welcome | thanks
    text           TEXT,
    media_uuids    TEXT NOT NULL DEFAULT '[]', -- JSON array
    price_cents    INTEGER,
    state          TEXT NOT NULL DEFAULT 'pending'
                   CHECK (state IN ('pending', 'sending', 'sent', 'failed', 'in_doubt')),
    attempts       INTEGER NOT NULL DEFAULT 0,
    not_before     INTEGER NOT NULL,           -- unix ms: human-like delay, Retry-After, backoff
    message_uuid   TEXT,                       -- Fanvue's id once sent (or found by reconciling)
    last_error     TEXT,
    api_calls      INTEGER NOT NULL DEFAULT 0, -- Fanvue calls spent on this row (send, reconcile, mark read)
    created_at     INTEGER NOT NULL,           -- unix ms
    updated_at     INTEGER NOT NULL,
    sent_at        INTEGER
);
CREATE INDEX outbox_open ON outbox (creator_handle, not_before) WHERE state IN ('pending', 'sending', 'in_doubt');
CREATE UNIQUE INDEX outbox_message ON outbox (creator_handle, message_uuid) WHERE message_uuid IS NOT NULL;

-- Exactly one row per inbox event: what the daemon did with it and why.
CREATE TABLE decisions (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    inbox_id          INTEGER NOT NULL UNIQUE REFERENCES inbox(id),
    creator_handle    TEXT,
    fan_uuid          TEXT,
    outcome           TEXT NOT NULL CHECK (outcome IN ('replied', 'offered', 'skipped', 'escalated', 'failed')),
    reason            TEXT NOT NULL,
    model             TEXT,
    prompt_version    TEXT,
    prompt_tokens     INTEGER,
    completion_tokens INTEGER,
    llm_ms            INTEGER,
    guardrails        TEXT,                    -- JSON verdicts (the guardrails issue fills it)
    outbox_id         INTEGER REFERENCES outbox(id),
    decided_at        INTEGER NOT NULL,        -- unix ms
    e2e_ms            INTEGER                  -- event received → reply sent, set when the send lands
);
CREATE INDEX decisions_by_outbox ON decisions (outbox_id) WHERE outbox_id IS NOT NULL;
CREATE INDEX decisions_by_chat ON decisions (creator_handle, fan_uuid);

-- What events taught us about a fan; updated in the same transaction that accepts the event, so a
-- redelivery never counts twice.
CREATE TABLE fan_facts (
    creator_handle TEXT NOT NULL,
    fan_uuid       TEXT NOT NULL,
    subscribed     INTEGER,
    subscribed_at  INTEGER,
    followed       INTEGER,
    spend_cents    INTEGER NOT NULL DEFAULT 0,
    purchases      INTEGER NOT NULL DEFAULT 0,
    tips           INTEGER NOT NULL DEFAULT 0,
    last_paid_at   INTEGER,
    paused_until   INTEGER,                    -- unix ms: the creator took over this chat by hand
    updated_at     INTEGER NOT NULL,
    PRIMARY KEY (creator_handle, fan_uuid)
);

-- When the chat's history was last fetched from the API (so it is fetched only when missing).
ALTER TABLE chats ADD COLUMN history_synced_at INTEGER;
