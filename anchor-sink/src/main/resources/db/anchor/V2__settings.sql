-- Facts the sink decided once and must keep, e.g. the address of the contract it deployed.
CREATE TABLE anchor_setting (
    name       TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
