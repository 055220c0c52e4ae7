-- The offer ledger: every PPV offer the agent made, and whether the fan bought or declined it.
CREATE TABLE offers (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    creator_handle TEXT NOT NULL,
    fan_uuid       TEXT NOT NULL,
    media_uuid     TEXT NOT NULL,
    item_name      TEXT,
    price_cents    INTEGER NOT NULL,
    outbox_id      INTEGER NOT NULL REFERENCES outbox(id),
    offered_at     INTEGER NOT NULL,           -- unix ms
    status         TEXT NOT NULL DEFAULT 'offered' CHECK (status IN ('offered', 'purchased', 'declined')),
    resolved_at    INTEGER
);
CREATE INDEX offers_by_fan ON offers (creator_handle, fan_uuid, offered_at);
