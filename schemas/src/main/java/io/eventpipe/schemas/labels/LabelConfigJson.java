package io.eventpipe.schemas.labels;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventpipe.avro.LabelConfig;
import io.eventpipe.avro.LabelConfigVersion;
import io.eventpipe.avro.LabelDefinition;

/** The JSON form of label configurations, as GET /v1/label-configs and the admin API show them. */
public final class LabelConfigJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LabelConfigJson() {
    }

    public static ObjectNode render(LabelConfig config) {
        ObjectNode node = JSON.createObjectNode()
                .put("id", config.getId())
                .put("name", config.getName())
                .put("description", config.getDescription())
                .put("currentVersion", config.getCurrentVersion())
                .put("updatedAt", config.getUpdatedAt().toString());
        ArrayNode versions = node.putArray("versions");
        for (LabelConfigVersion version : config.getVersions()) {
            ObjectNode v = versions.addObject().put("version", version.getVersion()).put("status", version.getStatus().name())
                    .put("createdAt", version.getCreatedAt().toString());
            if (version.getCreatedBy() != null) {
                v.put("createdBy", version.getCreatedBy());
            }
            ArrayNode labels = v.putArray("labels");
            version.getLabels().forEach(label -> labels.add(render(label)));
        }
        return node;
    }

    public static ObjectNode render(LabelDefinition label) {
        ObjectNode node = JSON.createObjectNode()
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

    /** The labels array of a request, already checked by LabelConfigCheck (no validation here). */
    public static java.util.List<LabelDefinition> labels(JsonNode labels) {
        java.util.List<LabelDefinition> out = new java.util.ArrayList<>();
        for (JsonNode label : labels) {
            LabelDefinition.Builder builder = LabelDefinition.newBuilder()
                    .setName(label.get("name").asText())
                    .setType(io.eventpipe.avro.LabelType.valueOf(label.get("type").asText()))
                    .setRequired(label.path("required").asBoolean(false))
                    .setDescription(label.hasNonNull("description") ? label.get("description").asText() : null);
            java.util.List<String> values = new java.util.ArrayList<>();
            label.path("enumValues").forEach(value -> values.add(value.asText()));
            builder.setEnumValues(values);
            builder.setMin(label.hasNonNull("min") ? label.get("min").asDouble() : null);
            builder.setMax(label.hasNonNull("max") ? label.get("max").asDouble() : null);
            builder.setPattern(label.hasNonNull("pattern") ? label.get("pattern").asText() : null);
            builder.setMaxLength(label.hasNonNull("maxLength") ? label.get("maxLength").asInt() : null);
            out.add(builder.build());
        }
        return out;
    }
}
