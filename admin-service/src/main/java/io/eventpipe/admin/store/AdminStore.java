package io.eventpipe.admin.store;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** Admin accounts: their certificate (never a key) and whether they were revoked. */
public final class AdminStore {

    private final Jdbc jdbc;

    public AdminStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** An admin as stored. */
    public record Admin(String adminId, String name, String certificatePem, String fingerprint, Instant createdAt, Instant revokedAt) {

        public boolean active() {
            return revokedAt == null;
        }
    }

    public long count() throws SQLException {
        return jdbc.query("SELECT count(*) FROM admin_account", row -> row.getLong(1)).get(0);
    }

    public void add(Admin admin, String createdBy) throws SQLException {
        jdbc.update("INSERT INTO admin_account (admin_id, name, certificate_pem, fingerprint, created_at, created_by) "
                + "VALUES (?, ?, ?, ?, ?, ?)", admin.adminId(), admin.name(), admin.certificatePem(), admin.fingerprint(),
                admin.createdAt(), createdBy);
    }

    public Optional<Admin> find(String adminId) throws SQLException {
        return jdbc.query("SELECT admin_id, name, certificate_pem, fingerprint, created_at, revoked_at FROM admin_account "
                + "WHERE admin_id = ?", AdminStore::map, adminId).stream().findFirst();
    }

    public java.util.List<Admin> all() throws SQLException {
        return jdbc.query("SELECT admin_id, name, certificate_pem, fingerprint, created_at, revoked_at FROM admin_account "
                + "ORDER BY created_at, admin_id", AdminStore::map);
    }

    /**
     * True when the admin was active and is now revoked; false when it was not active or is the
     * last active admin. The active rows are locked while counting, so two admins revoking each
     * other at once cannot leave nobody.
     */
    public boolean revoke(String adminId, String revokedBy, String reason, Instant at) throws SQLException {
        return jdbc.update("WITH active AS (SELECT admin_id FROM admin_account WHERE revoked_at IS NULL FOR UPDATE) "
                + "UPDATE admin_account SET revoked_at = ?, revoked_by = ?, revocation_reason = ? "
                + "WHERE admin_id = ? AND revoked_at IS NULL AND (SELECT count(*) FROM active) > 1", at, revokedBy, reason, adminId) == 1;
    }

    private static Admin map(java.sql.ResultSet row) throws SQLException {
        java.sql.Timestamp revoked = row.getTimestamp(6);
        return new Admin(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getTimestamp(5).toInstant(),
                revoked == null ? null : revoked.toInstant());
    }
}
