-- The anchor sink's durable state. A batch is written with all its leaves before its Kafka
-- offsets are committed and before any transaction is sent; each transaction is written
-- (signed, raw) before it is broadcast, so a restart can always find and re-send it.

CREATE TABLE anchor_batch (
    batch_id        TEXT PRIMARY KEY,
    root            BYTEA NOT NULL,
    tree_size       INTEGER NOT NULL CHECK (tree_size > 0),
    state           TEXT NOT NULL CHECK (state IN ('BUILT', 'SUBMITTED', 'INCLUDED', 'FINAL')),
    created_at      TIMESTAMPTZ NOT NULL,
    oldest_event_at TIMESTAMPTZ NOT NULL,
    tx_hash         TEXT,
    block_number    BIGINT,
    block_hash      TEXT,
    included_at     TIMESTAMPTZ,
    final_at        TIMESTAMPTZ,
    receipts_block_hash TEXT,
    final_receipts_sent BOOLEAN NOT NULL DEFAULT FALSE,
    reorgs          INTEGER NOT NULL DEFAULT 0,
    updated_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX anchor_batch_open ON anchor_batch (state) WHERE state <> 'FINAL';
-- a root is anchored at most once
CREATE UNIQUE INDEX anchor_batch_root ON anchor_batch (root);

CREATE TABLE anchor_leaf (
    batch_id    TEXT NOT NULL REFERENCES anchor_batch (batch_id),
    leaf_index  INTEGER NOT NULL,
    event_id    TEXT NOT NULL,
    event_hash  BYTEA NOT NULL,
    device_id   TEXT NOT NULL,
    PRIMARY KEY (batch_id, leaf_index)
);
-- an event is in one batch only, however often Kafka delivers it
CREATE UNIQUE INDEX anchor_leaf_event ON anchor_leaf (event_id);

CREATE TABLE anchor_tx (
    tx_hash         TEXT PRIMARY KEY,
    batch_id        TEXT NOT NULL REFERENCES anchor_batch (batch_id),
    nonce           BIGINT NOT NULL,
    max_fee_per_gas NUMERIC(78) NOT NULL,
    priority_fee    NUMERIC(78) NOT NULL,
    gas_limit       BIGINT NOT NULL,
    raw             TEXT NOT NULL,
    sent_at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX anchor_tx_batch ON anchor_tx (batch_id);
