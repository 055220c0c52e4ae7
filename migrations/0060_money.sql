-- Money, attributed (issue 19): what each decision cost, which persona (and A/B variant) and spend
-- tier it was made with; the fans' experiment variants and each experiment's fate.

-- The persona folder the reply was written with, the experiment and variant that chose it, the
-- fan's spend tier when the reply was written, and the LLM call's cost in micro-dollars
-- (millionths of a dollar: tokens × the configured price of the model). `bills_llm` is 1 on the
-- one decision row that carries an LLM call's tokens and cost: a burst answered by one reply has
-- one row per fan message, and the call must count once.
ALTER TABLE decisions ADD COLUMN persona TEXT;
ALTER TABLE decisions ADD COLUMN experiment TEXT;
ALTER TABLE decisions ADD COLUMN variant TEXT;
ALTER TABLE decisions ADD COLUMN spend_tier TEXT;
ALTER TABLE decisions ADD COLUMN cost_micros INTEGER;
ALTER TABLE decisions ADD COLUMN bills_llm INTEGER NOT NULL DEFAULT 0;
-- Rows from before: the first row of each reply (or of each lone decision) carries its call.
UPDATE decisions SET bills_llm = 1
WHERE (prompt_tokens IS NOT NULL OR completion_tokens IS NOT NULL)
  AND id IN (SELECT min(id) FROM decisions GROUP BY coalesce('o' || outbox_id, 'd' || draft_id, 'i' || id));
CREATE INDEX decisions_by_time ON decisions (decided_at);

-- A fan's variant in a creator's experiment: drawn once (a stable hash of creator, experiment and
-- fan over the configured weights) and kept, so a reload that changes the weights moves nobody.
CREATE TABLE experiment_fans (
    creator_handle TEXT NOT NULL,
    experiment     TEXT NOT NULL,
    fan_uuid       TEXT NOT NULL,
    variant        TEXT NOT NULL,
    assigned_at    INTEGER NOT NULL,           -- unix ms
    PRIMARY KEY (creator_handle, experiment, fan_uuid)
);

-- An experiment an operator ended from the CLI: `stopped` (every fan gets the control again) or
-- `promoted` (every fan gets `variant`). No row: the experiment runs.
CREATE TABLE experiment_ends (
    creator_handle TEXT NOT NULL,
    experiment     TEXT NOT NULL,
    state          TEXT NOT NULL CHECK (state IN ('stopped', 'promoted')),
    variant        TEXT,
    ended_at       INTEGER NOT NULL,           -- unix ms
    ended_by       TEXT NOT NULL,
    PRIMARY KEY (creator_handle, experiment)
);
