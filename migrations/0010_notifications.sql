-- Operator notifications (escalations, drafts awaiting approval, reconnects, LLM outages, failed
-- sends, daily summaries). An event is written in the same transaction as the decision that causes
-- it, once per dedupe key; the notifier routes it to its channels (one delivery row per event and
-- channel, never two) and delivers each at least once, with retries, rate-capped per channel.
CREATE TABLE notify_events (
    id             INTEGER PRIMARY KEY,
    dedupe_key     TEXT NOT NULL UNIQUE,       -- e.g. escalation:42, draft:7, summary:2025-01-31
    kind           TEXT NOT NULL,              -- escalation, draft, reconnect, llm_down, llm_up, send_failed, summary
    creator_handle TEXT,
    notice         TEXT NOT NULL,              -- JSON: domain::Notice (what the message says)
    created_at     INTEGER NOT NULL,           -- unix ms
    routed         INTEGER NOT NULL DEFAULT 0  -- 1 once its deliveries exist
);
CREATE INDEX notify_events_unrouted ON notify_events (id) WHERE routed = 0;

CREATE TABLE notify_deliveries (
    id          INTEGER PRIMARY KEY,
    event_id    INTEGER NOT NULL REFERENCES notify_events (id),
    channel     TEXT NOT NULL,                 -- a [[notify.channels]] name
    state       TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed')),
    attempts    INTEGER NOT NULL DEFAULT 0,
    not_before  INTEGER NOT NULL,              -- unix ms: next attempt
    batch       INTEGER,                       -- set when it goes out in a digest (the digest's id)
    last_error  TEXT,
    sent_at     INTEGER,
    UNIQUE (event_id, channel)
);
CREATE INDEX notify_deliveries_due ON notify_deliveries (channel, not_before) WHERE state = 'pending';
