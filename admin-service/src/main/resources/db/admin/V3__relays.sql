-- Relays as admins manage them. The enrollment token is shown once; only its hash is kept.
CREATE TABLE relay (
    relay_id              TEXT PRIMARY KEY,
    name                  TEXT NOT NULL,
    endpoint              TEXT,
    status                TEXT NOT NULL CHECK (status IN ('PROVISIONED', 'ENROLLED', 'APPROVED', 'REVOKED')),
    enrollment_token_hash TEXT,
    enrollment_expires_at TIMESTAMPTZ,
    certificate_pem       TEXT,
    fingerprint           TEXT,
    created_at            TIMESTAMPTZ NOT NULL,
    approved_at           TIMESTAMPTZ,
    revoked_at            TIMESTAMPTZ,
    revocation_reason     TEXT,
    updated_at            TIMESTAMPTZ NOT NULL
);
