package io.eventpipe.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * The schema as the .avsc file says it, without the Java-only properties that code generation
 * adds ({@code avro.java.string}). That is what gets registered, so every language's consumers
 * (and kcat) see the language-neutral schema. The binary encoding is the same either way.
 */
public final class PortableSchemas {

    private static final String JAVA_STRING_PROPERTY = "avro.java.string";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Schema, Schema> CACHE = new ConcurrentHashMap<>();

    private PortableSchemas() {
    }

    public static Schema of(Schema schema) {
        return CACHE.computeIfAbsent(schema, PortableSchemas::strip);
    }

    private static Schema strip(Schema schema) {
        try {
            JsonNode tree = JSON.readTree(schema.toString());
            return new Schema.Parser().parse(removeJavaProperties(tree).toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Avro produced a schema that is not JSON", e);
        }
    }

    private static JsonNode removeJavaProperties(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            object.remove(JAVA_STRING_PROPERTY);
            if (object.size() == 1 && object.has("type") && object.get("type").isTextual()
                    && Schema.Type.STRING.getName().equals(object.get("type").asText())) {
                return object.get("type"); // {"type":"string"} back to its short form "string"
            }
            object.properties().forEach(entry -> entry.setValue(removeJavaProperties(entry.getValue())));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                ((com.fasterxml.jackson.databind.node.ArrayNode) node).set(i, removeJavaProperties(node.get(i)));
            }
        }
        return node;
    }
}
