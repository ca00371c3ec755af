-- Signed admin requests are single use (RFC 9421 signatures carry a nonce); kept until they could no longer be fresh.
CREATE TABLE used_signature (
    signature_hash TEXT PRIMARY KEY,
    expires_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX used_signature_expiry ON used_signature (expires_at);
