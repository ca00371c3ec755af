package io.eventpipe.anchor.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The anchor sink's durable state in PostgreSQL (schema in db/anchor, applied by Flyway). Every
 * state change is one SQL transaction, so a crash leaves each batch in exactly one state.
 */
public final class BatchStore {

    private static final String BATCH_COLUMNS = "batch_id, root, tree_size, state, created_at, oldest_event_at, tx_hash, "
            + "block_number, block_hash, receipts_block_hash, final_receipts_sent, reorgs";

    private final DataSource dataSource;

    public BatchStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The sink's own schema in a database other services may share; connections must use it (currentSchema). */
    public static final String SCHEMA = "anchor";
    private static final int VALID_TIMEOUT_SECONDS = 5;

    /** Whether the database answers now (for readiness). */
    public boolean isReachable() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(VALID_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }

    public void migrate() {
        Flyway.configure().dataSource(dataSource).schemas(SCHEMA).defaultSchema(SCHEMA).locations("classpath:db/anchor")
                .load().migrate();
    }

    /** Which of these events are in a batch already (a redelivery after a crash). */
    public Set<String> alreadyBatched(Collection<String> eventIds) throws SQLException {
        Set<String> found = new HashSet<>();
        if (eventIds.isEmpty()) {
            return found;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT event_id FROM anchor_leaf WHERE event_id = ANY (?)")) {
            select.setArray(1, connection.createArrayOf("text", eventIds.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
        }
        return found;
    }

    /** The batch and all its leaves, or nothing. */
    public void saveBuilt(Batch batch, List<Leaf> leaves) throws SQLException {
        inTransaction(connection -> {
            update(connection, "INSERT INTO anchor_batch (batch_id, root, tree_size, state, created_at, oldest_event_at, updated_at) "
                    + "VALUES (?, ?, ?, 'BUILT', ?, ?, now())", batch.batchId(), batch.root(), batch.treeSize(),
                    Timestamp.from(batch.createdAt()), Timestamp.from(batch.oldestEventAt()));
            try (PreparedStatement leaf = connection.prepareStatement(
                    "INSERT INTO anchor_leaf (batch_id, leaf_index, event_id, event_hash, device_id) VALUES (?, ?, ?, ?, ?)")) {
                for (Leaf l : leaves) {
                    leaf.setString(1, batch.batchId());
                    leaf.setInt(2, l.leafIndex());
                    leaf.setString(3, l.eventId());
                    leaf.setBytes(4, l.eventHash());
                    leaf.setString(5, l.deviceId());
                    leaf.addBatch();
                }
                leaf.executeBatch();
            }
        });
    }

    /** Batches not final yet, oldest first. */
    public List<Batch> unfinished() throws SQLException {
        return batches("SELECT " + BATCH_COLUMNS + " FROM anchor_batch WHERE state <> 'FINAL' OR NOT final_receipts_sent "
                + "ORDER BY created_at, batch_id");
    }

    /** Every batch, oldest first (operators' view; the tests' too). */
    public List<Batch> all() throws SQLException {
        return batches("SELECT " + BATCH_COLUMNS + " FROM anchor_batch ORDER BY created_at, batch_id");
    }

    private List<Batch> batches(String sql, Object... parameters) throws SQLException {
        List<Batch> out = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                long block = rows.getLong("block_number");
                out.add(new Batch(rows.getString("batch_id"), rows.getBytes("root"), rows.getInt("tree_size"),
                        BatchState.valueOf(rows.getString("state")), rows.getTimestamp("created_at").toInstant(),
                        rows.getTimestamp("oldest_event_at").toInstant(), rows.getString("tx_hash"), rows.wasNull() ? null : block,
                        rows.getString("block_hash"), rows.getString("receipts_block_hash"), rows.getBoolean("final_receipts_sent"),
                        rows.getInt("reorgs")));
                }
            }
        }
        return out;
    }

    public List<Leaf> leaves(String batchId) throws SQLException {
        List<Leaf> out = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT leaf_index, event_id, event_hash, device_id FROM anchor_leaf "
                     + "WHERE batch_id = ? ORDER BY leaf_index")) {
            select.setString(1, batchId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    out.add(new Leaf(rows.getInt(1), rows.getString(2), rows.getBytes(3), rows.getString(4)));
                }
            }
        }
        return out;
    }

    /** Records a signed transaction before it is broadcast; the batch becomes SUBMITTED. */
    public void recordTransaction(SentTransaction tx) throws SQLException {
        inTransaction(connection -> {
            update(connection, "INSERT INTO anchor_tx (tx_hash, batch_id, nonce, max_fee_per_gas, priority_fee, gas_limit, raw, sent_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", tx.txHash(), tx.batchId(), tx.nonce(), new BigDecimal(tx.maxFeePerGas()),
                    new BigDecimal(tx.priorityFee()), tx.gasLimit(), tx.raw(), Timestamp.from(tx.sentAt()));
            update(connection, "UPDATE anchor_batch SET state = 'SUBMITTED', tx_hash = ?, updated_at = now() WHERE batch_id = ?",
                    tx.txHash(), tx.batchId());
        });
    }

    /** Every transaction sent for the batch, newest first. */
    public List<SentTransaction> transactions(String batchId) throws SQLException {
        List<SentTransaction> out = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT tx_hash, batch_id, nonce, max_fee_per_gas, priority_fee, "
                     + "gas_limit, raw, sent_at FROM anchor_tx WHERE batch_id = ? ORDER BY sent_at DESC, nonce DESC")) {
            select.setString(1, batchId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    out.add(new SentTransaction(rows.getString(1), rows.getString(2), rows.getLong(3),
                            rows.getBigDecimal(4).toBigIntegerExact(), rows.getBigDecimal(5).toBigIntegerExact(), rows.getLong(6),
                            rows.getString(7), rows.getTimestamp(8).toInstant()));
                }
            }
        }
        return out;
    }

    public void markIncluded(String batchId, String txHash, long blockNumber, String blockHash, Instant at) throws SQLException {
        execute("UPDATE anchor_batch SET state = 'INCLUDED', tx_hash = ?, block_number = ?, block_hash = ?, included_at = ?, "
                + "updated_at = now() WHERE batch_id = ?", txHash, blockNumber, blockHash, Timestamp.from(at), batchId);
    }

    /** The inclusion was undone by a reorg (or the chain forgot it): back to SUBMITTED, counted. */
    public void markReorged(String batchId) throws SQLException {
        execute("UPDATE anchor_batch SET state = 'SUBMITTED', block_number = NULL, block_hash = NULL, included_at = NULL, "
                + "final_at = NULL, final_receipts_sent = FALSE, reorgs = reorgs + 1, updated_at = now() WHERE batch_id = ?", batchId);
    }

    /** Final batches, the most recently included first (at most limit). */
    public List<Batch> finalNewestFirst(int limit) throws SQLException {
        return batches("SELECT " + BATCH_COLUMNS + " FROM anchor_batch WHERE state = 'FINAL' ORDER BY block_number DESC LIMIT ?",
                limit);
    }

    public void markReceiptsSent(String batchId, String blockHash) throws SQLException {
        execute("UPDATE anchor_batch SET receipts_block_hash = ?, updated_at = now() WHERE batch_id = ?", blockHash, batchId);
    }

    public void markFinal(String batchId, Instant at) throws SQLException {
        execute("UPDATE anchor_batch SET state = 'FINAL', final_at = ?, updated_at = now() WHERE batch_id = ?", Timestamp.from(at),
                batchId);
    }

    public void markFinalReceiptsSent(String batchId) throws SQLException {
        execute("UPDATE anchor_batch SET final_receipts_sent = TRUE, updated_at = now() WHERE batch_id = ?", batchId);
    }

    public java.util.Optional<String> setting(String name) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT value FROM anchor_setting WHERE name = ?")) {
            select.setString(1, name);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? java.util.Optional.of(rows.getString(1)) : java.util.Optional.empty();
            }
        }
    }

    public void saveSetting(String name, String value) throws SQLException {
        execute("INSERT INTO anchor_setting (name, value, updated_at) VALUES (?, ?, now()) "
                + "ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = now()", name, value);
    }

    /** Events waiting in batches not yet included (the metric "leaves pending"). */
    public long pendingLeaves() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT coalesce(sum(tree_size), 0) FROM anchor_batch "
                     + "WHERE state IN ('BUILT', 'SUBMITTED')");
             ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private interface Work {
        void run(Connection connection) throws SQLException;
    }

    /** All of it or none of it: one SQL transaction, so a crash leaves the batch in exactly one state. */
    private void inTransaction(Work work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                work.run(connection);
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private void execute(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            update(connection, sql, parameters);
        }
    }

    private static void update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }
}
