package io.eventpipe.admin.relays;

import io.eventpipe.admin.store.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Relays in PostgreSQL: identity, state, certificate, and the hash of a pending enrollment token. */
public final class RelayStore {

    private static final String COLUMNS = "relay_id, name, endpoint, status, enrollment_token_hash, enrollment_expires_at, "
            + "certificate_pem, fingerprint, created_at, approved_at, revoked_at, revocation_reason, updated_at";

    private final Jdbc jdbc;

    public RelayStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** A relay as stored. */
    public record Relay(String relayId, String name, String endpoint, String status, String tokenHash, Instant tokenExpiresAt,
                        String certificatePem, String fingerprint, Instant createdAt, Instant approvedAt, Instant revokedAt,
                        String revocationReason, Instant updatedAt) {
    }

    public Optional<Relay> find(String relayId) throws SQLException {
        return jdbc.query("SELECT " + COLUMNS + " FROM relay WHERE relay_id = ?", RelayStore::map, relayId).stream().findFirst();
    }

    public List<Relay> all() throws SQLException {
        return jdbc.query("SELECT " + COLUMNS + " FROM relay ORDER BY relay_id", RelayStore::map);
    }

    public void provision(String relayId, String name, String endpoint, String tokenHash, Instant expires, Instant at)
            throws SQLException {
        jdbc.update("INSERT INTO relay (relay_id, name, endpoint, status, enrollment_token_hash, enrollment_expires_at, created_at, "
                + "updated_at) VALUES (?, ?, ?, 'PROVISIONED', ?, ?, ?, ?)", relayId, name, endpoint, tokenHash, expires, at, at);
    }

    /** A new enrollment token for a relay (rotation); its current certificate stays until it enrolls again. */
    public void newToken(String relayId, String tokenHash, Instant expires, Instant at) throws SQLException {
        jdbc.update("UPDATE relay SET enrollment_token_hash = ?, enrollment_expires_at = ?, updated_at = ? WHERE relay_id = ?",
                tokenHash, expires, at, relayId);
    }

    /** Records the certificate of an enrollment, spending the token: true once per token, false when it was already spent. */
    public boolean enroll(String relayId, String tokenHash, String certificatePem, String fingerprint, Instant at) throws SQLException {
        return jdbc.update("UPDATE relay SET certificate_pem = ?, fingerprint = ?, enrollment_token_hash = NULL, "
                + "enrollment_expires_at = NULL, status = CASE WHEN status = 'PROVISIONED' THEN 'ENROLLED' ELSE status END, "
                + "updated_at = ? WHERE relay_id = ? AND enrollment_token_hash = ? AND enrollment_expires_at > ? "
                + "AND status <> 'REVOKED'", certificatePem, fingerprint, at, relayId, tokenHash, at) == 1;
    }

    public void approve(String relayId, Instant at) throws SQLException {
        jdbc.update("UPDATE relay SET status = 'APPROVED', approved_at = ?, updated_at = ? WHERE relay_id = ?", at, at, relayId);
    }

    public void revoke(String relayId, String reason, Instant at) throws SQLException {
        jdbc.update("UPDATE relay SET status = 'REVOKED', revoked_at = ?, revocation_reason = ?, enrollment_token_hash = NULL, "
                + "updated_at = ? WHERE relay_id = ?", at, reason, at, relayId);
    }

    private static Relay map(ResultSet row) throws SQLException {
        return new Relay(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5), instant(row, 6),
                row.getString(7), row.getString(8), instant(row, 9), instant(row, 10), instant(row, 11), row.getString(12),
                instant(row, 13));
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
