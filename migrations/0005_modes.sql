-- Modes other than `live`: drafts the agent wrote but did not queue for sending. `shadow` drafts
-- are only logged; `approve` drafts wait for a human (`fanvue-agent approve <id>` / `reject <id>`)
-- and are dropped when the fan writes again (a newer draft will answer everything).
CREATE TABLE drafts (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    creator_handle TEXT NOT NULL,
    fan_uuid       TEXT NOT NULL,
    mode           TEXT NOT NULL CHECK (mode IN ('shadow', 'approve')),
    plan           TEXT NOT NULL,              -- the ReplyPlan as JSON
    state          TEXT NOT NULL CHECK (state IN ('shadow', 'awaiting', 'approved', 'rejected', 'dropped')),
    outbox_id      INTEGER REFERENCES outbox(id), -- set when approved
    note           TEXT,                       -- why it was dropped or rejected
    created_at     INTEGER NOT NULL,           -- unix ms
    updated_at     INTEGER NOT NULL
);
CREATE INDEX drafts_awaiting ON drafts (creator_handle, fan_uuid) WHERE state = 'awaiting';

ALTER TABLE decisions ADD COLUMN draft_id INTEGER REFERENCES drafts(id);
CREATE INDEX decisions_by_draft ON decisions (draft_id) WHERE draft_id IS NOT NULL;
