-- The console's Creators page (issue 18 item 6).

-- A creator's mode chosen in the console. It wins over the config file's `creators.<h>.mode` and
-- `agent.mode` (read at start and kept across reloads) until someone picks "as configured" again.
CREATE TABLE creator_modes (
    creator_handle TEXT PRIMARY KEY,
    mode           TEXT NOT NULL CHECK (mode IN ('live', 'shadow', 'approve')),
    set_by         TEXT NOT NULL,
    set_at         INTEGER NOT NULL            -- unix ms
);

-- Where the OAuth callback sends the browser back to when the connect was started in the console
-- (the console's base URL); NULL for `fanvue-agent connect`.
ALTER TABLE oauth_pending ADD COLUMN return_to TEXT;
