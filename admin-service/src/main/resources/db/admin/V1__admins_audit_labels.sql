-- Admins hold a long-lived admin certificate issued by the root; their key never reaches the server.
CREATE TABLE admin_account (
    admin_id        TEXT PRIMARY KEY,
    name            TEXT NOT NULL,
    certificate_pem TEXT NOT NULL,
    fingerprint     TEXT NOT NULL UNIQUE,
    created_at      TIMESTAMPTZ NOT NULL,
    created_by      TEXT NOT NULL,
    revoked_at      TIMESTAMPTZ
);

-- Browser logins: a challenge signed with the admin key, used once, within minutes.
CREATE TABLE login_challenge (
    challenge   TEXT PRIMARY KEY,
    admin_id    TEXT NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    used_at     TIMESTAMPTZ
);

-- The key that signs session tokens (EdDSA JWT), shared by every instance of the service.
CREATE TABLE session_key (
    key_id          TEXT PRIMARY KEY,
    private_key_der BYTEA NOT NULL,
    public_key_der  BYTEA NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL
);

-- Every admin action: who, what, when, from where. Append-only (the trigger refuses changes).
CREATE TABLE audit_log (
    id          BIGSERIAL PRIMARY KEY,
    at          TIMESTAMPTZ NOT NULL,
    admin_id    TEXT NOT NULL,
    action      TEXT NOT NULL,
    target      TEXT,
    outcome     TEXT NOT NULL,
    details     JSONB NOT NULL DEFAULT '{}'::jsonb,
    source      TEXT
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_admin ON audit_log (admin_id, at);
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

-- Label configurations with their whole history, as published to config.labels.
CREATE TABLE label_config (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    description TEXT,
    updated_at  TIMESTAMPTZ NOT NULL,
    deleted_at  TIMESTAMPTZ
);
CREATE TABLE label_config_version (
    config_id   TEXT NOT NULL REFERENCES label_config (id),
    version     INTEGER NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('ACTIVE', 'DEPRECATED')),
    labels      JSONB NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    created_by  TEXT NOT NULL,
    PRIMARY KEY (config_id, version)
);
