-- Analysts' replays: the plan shown before, then progress while the copy runs. A running job
-- beats its heartbeat; one whose instance stopped is marked FAILED by the next look.
CREATE TABLE replay_job (
    job_id       TEXT PRIMARY KEY,
    source_topic TEXT NOT NULL,
    target_topic TEXT NOT NULL,
    plan         TEXT NOT NULL,
    state        TEXT NOT NULL CHECK (state IN ('RUNNING', 'DONE', 'FAILED', 'CANCELLED')),
    total        BIGINT NOT NULL,
    copied       BIGINT NOT NULL DEFAULT 0,
    started_by   TEXT NOT NULL,
    started_at   TIMESTAMPTZ NOT NULL,
    heartbeat_at TIMESTAMPTZ NOT NULL,
    finished_at  TIMESTAMPTZ,
    cancel_requested BOOLEAN NOT NULL DEFAULT FALSE,
    error        TEXT
);
CREATE INDEX replay_job_started ON replay_job (started_at DESC);
