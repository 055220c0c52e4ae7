-- Safety escalations that stick: a fan who said they are a minor is marked until a human clears
-- the mark; crisis, threat, meeting and dispute escalations pause the chat's AI until a human
-- clears them or `until` passes. Cleared marks stay as history (who, when, why).
CREATE TABLE safety_marks (
    id             INTEGER PRIMARY KEY,
    creator_handle TEXT NOT NULL,
    fan_uuid       TEXT NOT NULL,
    category       TEXT NOT NULL CHECK (category IN ('minor', 'crisis', 'threat', 'meeting', 'dispute')),
    rule           TEXT NOT NULL,              -- the guardrail rule that set it
    reason         TEXT NOT NULL,              -- the escalation's reason, repeated on later messages
    set_at         INTEGER NOT NULL,           -- unix ms
    until          INTEGER,                    -- unix ms; NULL: until a human clears it
    cleared_at     INTEGER,
    cleared_by     TEXT,
    clear_reason   TEXT
);
CREATE INDEX safety_marks_open ON safety_marks (creator_handle, fan_uuid) WHERE cleared_at IS NULL;
