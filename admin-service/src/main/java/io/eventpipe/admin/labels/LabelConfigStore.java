package io.eventpipe.admin.labels;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventpipe.admin.store.Jdbc;
import io.eventpipe.avro.LabelConfig;
import io.eventpipe.avro.LabelConfigStatus;
import io.eventpipe.avro.LabelConfigVersion;
import io.eventpipe.avro.LabelDefinition;
import io.eventpipe.schemas.labels.LabelConfigJson;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Label configurations and their whole history in PostgreSQL, read back as the LabelConfig that is published. */
public final class LabelConfigStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Jdbc jdbc;

    public LabelConfigStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The configuration with every version, unless it does not exist or was deleted. */
    public Optional<LabelConfig> find(String id) throws SQLException {
        List<LabelConfig> heads = jdbc.query("SELECT id, name, description, updated_at FROM label_config WHERE id = ? "
                + "AND deleted_at IS NULL", row -> LabelConfig.newBuilder().setId(row.getString(1)).setName(row.getString(2))
                .setDescription(row.getString(3)).setUpdatedAt(row.getTimestamp(4).toInstant()).setCurrentVersion(0)
                .setVersions(List.of()).build(), id);
        if (heads.isEmpty()) {
            return Optional.empty();
        }
        List<LabelConfigVersion> versions = jdbc.query("SELECT version, status, labels, created_at, created_by FROM "
                + "label_config_version WHERE config_id = ? ORDER BY version", row -> LabelConfigVersion.newBuilder()
                .setVersion(row.getInt(1)).setStatus(LabelConfigStatus.valueOf(row.getString(2))).setLabels(labels(row.getString(3)))
                .setCreatedAt(row.getTimestamp(4).toInstant()).setCreatedBy(row.getString(5)).build(), id);
        LabelConfig config = heads.get(0);
        config.setVersions(versions);
        config.setCurrentVersion(versions.isEmpty() ? 0 : versions.get(versions.size() - 1).getVersion());
        return Optional.of(config);
    }

    public List<String> ids() throws SQLException {
        return jdbc.query("SELECT id FROM label_config WHERE deleted_at IS NULL ORDER BY id", row -> row.getString(1));
    }

    /** Whether the id was ever used (a deleted configuration's id is not given out again: events may cite it). */
    public boolean exists(String id) throws SQLException {
        return !jdbc.query("SELECT 1 FROM label_config WHERE id = ?", row -> 1, id).isEmpty();
    }

    public void create(String id, String name, String description, Instant at) throws SQLException {
        jdbc.update("INSERT INTO label_config (id, name, description, updated_at) VALUES (?, ?, ?, ?)", id, name, description, at);
    }

    public void rename(String id, String name, String description, Instant at) throws SQLException {
        jdbc.update("UPDATE label_config SET name = ?, description = ?, updated_at = ? WHERE id = ?", name, description, at, id);
    }

    public void addVersion(String id, int version, List<LabelDefinition> labels, Instant at, String by) throws SQLException {
        jdbc.update("INSERT INTO label_config_version (config_id, version, status, labels, created_at, created_by) "
                + "VALUES (?, ?, 'ACTIVE', ?::jsonb, ?, ?)", id, version, json(labels), at, by);
        jdbc.update("UPDATE label_config SET updated_at = ? WHERE id = ?", at, id);
    }

    public int deprecate(String id, int version, Instant at) throws SQLException {
        int changed = jdbc.update("UPDATE label_config_version SET status = 'DEPRECATED' WHERE config_id = ? AND version = ?",
                id, version);
        jdbc.update("UPDATE label_config SET updated_at = ? WHERE id = ?", at, id);
        return changed;
    }

    public void delete(String id, Instant at) throws SQLException {
        jdbc.update("UPDATE label_config SET deleted_at = ?, updated_at = ? WHERE id = ?", at, at, id);
    }

    private static String json(List<LabelDefinition> labels) {
        var array = JSON.createArrayNode();
        labels.forEach(label -> array.add(LabelConfigJson.render(label)));
        return array.toString();
    }

    private static List<LabelDefinition> labels(String json) throws SQLException {
        try {
            return new ArrayList<>(LabelConfigJson.labels(JSON.readTree(json)));
        } catch (IOException e) {
            throw new SQLException("unreadable labels", e);
        }
    }
}
