package io.eventpipe.admin.labels;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventpipe.admin.auth.AdminPrincipal;
import io.eventpipe.admin.http.ApiProblem;
import io.eventpipe.admin.kafka.ControlPlanePublisher;
import io.eventpipe.avro.LabelConfig;
import io.eventpipe.schemas.labels.LabelConfigCheck;
import io.eventpipe.schemas.labels.LabelConfigJson;
import io.eventpipe.web.JsonResponses;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Label configurations as admins manage them: create (version 1), a new version, deprecate a
 * version, delete (a tombstone on config.labels). The configuration is checked first; the stored
 * history is then published whole to the compacted config.labels, which relays and processors follow.
 */
public final class LabelConfigService {

    private final LabelConfigStore store;
    private final ControlPlanePublisher publisher;
    private final Clock clock;

    public LabelConfigService(LabelConfigStore store, ControlPlanePublisher publisher, Clock clock) {
        this.store = store;
        this.publisher = publisher;
        this.clock = clock;
    }

    public ObjectNode create(AdminPrincipal admin, JsonNode request) throws ApiProblem, SQLException, ControlPlanePublisher.PublishFailed {
        String id = request == null ? null : request.path("id").asText(null);
        if (!LabelConfigCheck.isValidId(id)) {
            throw problem(422, "invalid_label_config", "id is 2 to 64 of a-z, 0-9 and -, starting with a letter or digit");
        }
        check(request);
        if (store.exists(id)) {
            throw problem(409, "label_config_exists", "label configuration " + id + " exists (or existed); add a version instead");
        }
        Instant now = clock.instant();
        store.create(id, request.get("name").asText(), text(request, "description"), now);
        store.addVersion(id, 1, LabelConfigJson.labels(request.get("labels")), now, admin.adminId());
        return publish(id);
    }

    public ObjectNode addVersion(AdminPrincipal admin, String id, JsonNode request)
            throws ApiProblem, SQLException, ControlPlanePublisher.PublishFailed {
        LabelConfig current = existing(id);
        check(request);
        Instant now = clock.instant();
        store.rename(id, request.get("name").asText(), text(request, "description"), now);
        store.addVersion(id, current.getCurrentVersion() + 1, LabelConfigJson.labels(request.get("labels")), now, admin.adminId());
        return publish(id);
    }

    public ObjectNode deprecate(String id, int version) throws ApiProblem, SQLException, ControlPlanePublisher.PublishFailed {
        existing(id);
        if (store.deprecate(id, version, clock.instant()) == 0) {
            throw problem(404, "not_found", "label configuration " + id + " has no version " + version);
        }
        return publish(id);
    }

    public void delete(String id) throws ApiProblem, SQLException, ControlPlanePublisher.PublishFailed {
        existing(id);
        store.delete(id, clock.instant());
        publisher.labelConfig(id, null);
    }

    public ObjectNode get(String id) throws ApiProblem, SQLException {
        return LabelConfigJson.render(existing(id));
    }

    public ArrayNode list() throws SQLException {
        ArrayNode list = JsonResponses.JSON.createArrayNode();
        for (String id : store.ids()) {
            store.find(id).ifPresent(config -> list.add(LabelConfigJson.render(config)));
        }
        return list;
    }

    private ObjectNode publish(String id) throws SQLException, ControlPlanePublisher.PublishFailed {
        LabelConfig config = store.find(id).orElseThrow();
        publisher.labelConfig(id, config);
        return LabelConfigJson.render(config);
    }

    private LabelConfig existing(String id) throws ApiProblem, SQLException {
        return store.find(id).orElseThrow(() -> problem(404, "not_found", "no label configuration " + id));
    }

    private static void check(JsonNode request) throws ApiProblem {
        List<LabelConfigCheck.Problem> problems = LabelConfigCheck.check(request);
        if (!problems.isEmpty()) {
            ObjectNode body = JsonResponses.error("invalid_label_config", problems.size() + " problem(s) with the label configuration");
            ArrayNode violations = body.putArray("violations");
            problems.forEach(p -> violations.addObject().put("field", p.field()).put("message", p.message()));
            throw new ApiProblem(422, body);
        }
    }

    private static String text(JsonNode request, String field) {
        return request.hasNonNull(field) ? request.get(field).asText() : null;
    }

    static ApiProblem problem(int status, String code, String message) {
        return new ApiProblem(status, JsonResponses.error(code, message));
    }
}
