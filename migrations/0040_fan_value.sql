-- What Fanvue says a fan is worth to a creator (GET /insights/fans): status, lifetime spend, largest
-- payment, subscription renewal, read with a TTL and topped up by the payments the daemon sees.
CREATE TABLE fan_value (
    creator_handle           TEXT NOT NULL,
    fan_uuid                 TEXT NOT NULL,
    status                   TEXT NOT NULL DEFAULT 'unknown',
    lifetime_spend_cents     INTEGER NOT NULL DEFAULT 0,
    max_single_payment_cents INTEGER NOT NULL DEFAULT 0,
    last_purchase_at         TEXT,
    renews_at                TEXT,
    fetched_at               INTEGER NOT NULL DEFAULT 0,  -- unix ms of the last read; 0: never read
    PRIMARY KEY (creator_handle, fan_uuid)
);
-- The fans Fanvue refuses messages to, asked before anything is sent.
CREATE INDEX fan_value_not_contactable ON fan_value (creator_handle, fan_uuid) WHERE status = 'not_contactable';
