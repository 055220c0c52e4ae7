-- What the agent learned about each fan from their own words (name, home, likes, work), kept so later
-- replies remember it. One row per distinct fact.
CREATE TABLE fan_memory (
    creator_handle TEXT NOT NULL,
    fan_uuid       TEXT NOT NULL,
    kind           TEXT NOT NULL,              -- name | from | likes | work | declined
    value          TEXT NOT NULL,
    learned_at     INTEGER NOT NULL,           -- unix ms
    PRIMARY KEY (creator_handle, fan_uuid, kind, value)
);
