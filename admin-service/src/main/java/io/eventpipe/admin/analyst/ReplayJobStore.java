package io.eventpipe.admin.analyst;

import io.eventpipe.admin.store.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Replay jobs in PostgreSQL, so that any instance of admin-service shows their progress. */
public final class ReplayJobStore {

    private static final String COLUMNS = "job_id, source_topic, target_topic, plan, state, total, copied, started_by, started_at, "
            + "heartbeat_at, finished_at, cancel_requested, error";

    private final Jdbc jdbc;

    public ReplayJobStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** A job as stored; plan is the JSON shown at dry-run. */
    public record Job(String jobId, String source, String target, String plan, String state, long total, long copied, String startedBy,
                      Instant startedAt, Instant heartbeatAt, Instant finishedAt, boolean cancelRequested, String error) {
    }

    public void create(String jobId, String source, String target, String plan, long total, String startedBy, Instant now)
            throws SQLException {
        jdbc.update("INSERT INTO replay_job (job_id, source_topic, target_topic, plan, state, total, started_by, started_at, "
                + "heartbeat_at) VALUES (?, ?, ?, ?, 'RUNNING', ?, ?, ?, ?)", jobId, source, target, plan, total, startedBy, now, now);
    }

    /** Progress of a running job; answers whether a cancel was asked for. */
    public boolean progress(String jobId, long copied, Instant now) throws SQLException {
        jdbc.update("UPDATE replay_job SET copied = ?, heartbeat_at = ? WHERE job_id = ? AND state = 'RUNNING'", copied, now, jobId);
        return jdbc.query("SELECT cancel_requested FROM replay_job WHERE job_id = ?", row -> row.getBoolean(1), jobId)
                .stream().findFirst().orElse(true);
    }

    public void finish(String jobId, String state, long copied, String error, Instant now) throws SQLException {
        jdbc.update("UPDATE replay_job SET state = ?, copied = ?, error = ?, finished_at = ?, heartbeat_at = ? "
                + "WHERE job_id = ? AND state = 'RUNNING'", state, copied, error, now, now, jobId);
    }

    public boolean requestCancel(String jobId) throws SQLException {
        return jdbc.update("UPDATE replay_job SET cancel_requested = TRUE WHERE job_id = ? AND state = 'RUNNING'", jobId) == 1;
    }

    /** Jobs whose instance stopped beating: they will not finish. */
    public void failSilent(Duration silence, Instant now) throws SQLException {
        jdbc.update("UPDATE replay_job SET state = 'FAILED', finished_at = ?, error = 'its admin-service instance stopped during the "
                + "copy; the target holds a partial copy: replay again into a new topic' WHERE state = 'RUNNING' AND heartbeat_at < ?",
                now, now.minus(silence));
    }

    public Optional<Job> find(String jobId) throws SQLException {
        return jdbc.query("SELECT " + COLUMNS + " FROM replay_job WHERE job_id = ?", ReplayJobStore::map, jobId).stream().findFirst();
    }

    public List<Job> recent(int limit) throws SQLException {
        return jdbc.query("SELECT " + COLUMNS + " FROM replay_job ORDER BY started_at DESC LIMIT ?", ReplayJobStore::map, limit);
    }

    private static Job map(ResultSet row) throws SQLException {
        return new Job(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5), row.getLong(6),
                row.getLong(7), row.getString(8), instant(row.getTimestamp(9)), instant(row.getTimestamp(10)),
                instant(row.getTimestamp(11)), row.getBoolean(12), row.getString(13));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
