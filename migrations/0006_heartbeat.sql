-- One row the daemon rewrites to prove its store takes writes (`/readyz`, `fanvue-agent doctor`).
CREATE TABLE heartbeat (
    id  INTEGER PRIMARY KEY CHECK (id = 1),
    at  INTEGER NOT NULL,                      -- unix ms of the last successful write
    pid INTEGER NOT NULL
);
