package io.eventpipe.admin.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Every admin action, who did it, when and from where, in an append-only table (a trigger refuses
 * UPDATE, DELETE and TRUNCATE); refused attempts are recorded too.
 */
public final class AuditLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Jdbc jdbc;
    private final Clock clock;

    public AuditLog(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One recorded action. */
    public record Entry(long id, Instant at, String adminId, String action, String target, String outcome, JsonNode details,
                        String source) {
    }

    public void record(String adminId, String action, String target, String outcome, JsonNode details, String source)
            throws SQLException {
        jdbc.update("INSERT INTO audit_log (at, admin_id, action, target, outcome, details, source) VALUES (?, ?, ?, ?, ?, ?::jsonb, ?)",
                clock.instant(), adminId, action, target, outcome, details == null ? "{}" : details.toString(), source);
    }

    /** Entries matching the filters (null: any), newest first. */
    public List<Entry> find(String adminId, String action, Instant since, int limit) throws SQLException {
        return jdbc.query("SELECT id, at, admin_id, action, target, outcome, details, source FROM audit_log "
                        + "WHERE (?::text IS NULL OR admin_id = ?) AND (?::text IS NULL OR action = ?) "
                        + "AND (?::timestamptz IS NULL OR at >= ?) ORDER BY id DESC LIMIT ?",
                row -> new Entry(row.getLong(1), row.getTimestamp(2).toInstant(), row.getString(3), row.getString(4), row.getString(5),
                        row.getString(6), parse(row.getString(7)), row.getString(8)),
                adminId, adminId, action, action, since, since, limit);
    }

    private static JsonNode parse(String json) throws SQLException {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new SQLException("unreadable audit details", e);
        }
    }
}
