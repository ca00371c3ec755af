package io.eventpipe.relay.http;

import io.eventpipe.web.JsonResponses;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventpipe.avro.LabelConfig;
import io.eventpipe.avro.LabelConfigVersion;
import io.eventpipe.avro.LabelDefinition;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** GET /v1/label-configs: the label configurations admins published (config.labels), for capture forms. */
final class LabelConfigsHandler extends Handler.Abstract.NonBlocking {

    private final Supplier<Map<String, LabelConfig>> configs;

    LabelConfigsHandler(Supplier<Map<String, LabelConfig>> configs) {
        this.configs = configs;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!JsonResponses.methodIs("GET", request, response, callback)) {
            return true;
        }
        ObjectNode answer = JsonResponses.JSON.createObjectNode();
        ArrayNode list = answer.putArray("labelConfigs");
        configs.get().values().stream().sorted(Comparator.comparing(LabelConfig::getId)).forEach(c -> list.add(json(c)));
        JsonResponses.send(response, callback, 200, answer);
        return true;
    }

    static ObjectNode json(LabelConfig config) {
        ObjectNode node = JsonResponses.JSON.createObjectNode()
                .put("id", config.getId())
                .put("name", config.getName())
                .put("description", config.getDescription())
                .put("currentVersion", config.getCurrentVersion())
                .put("updatedAt", config.getUpdatedAt().toString());
        ArrayNode versions = node.putArray("versions");
        for (LabelConfigVersion version : config.getVersions()) {
            ObjectNode v = versions.addObject().put("version", version.getVersion()).put("status", version.getStatus().name())
                    .put("createdAt", version.getCreatedAt().toString());
            ArrayNode labels = v.putArray("labels");
            version.getLabels().forEach(label -> labels.add(json(label)));
        }
        return node;
    }

    private static ObjectNode json(LabelDefinition label) {
        ObjectNode node = JsonResponses.JSON.createObjectNode()
                .put("name", label.getName())
                .put("type", label.getType().name())
                .put("required", label.getRequired())
                .put("description", label.getDescription());
        if (!label.getEnumValues().isEmpty()) {
            label.getEnumValues().forEach(node.putArray("enumValues")::add);
        }
        if (label.getMin() != null) {
            node.put("min", label.getMin());
        }
        if (label.getMax() != null) {
            node.put("max", label.getMax());
        }
        if (label.getPattern() != null) {
            node.put("pattern", label.getPattern());
        }
        if (label.getMaxLength() != null) {
            node.put("maxLength", label.getMaxLength());
        }
        return node;
    }
}
