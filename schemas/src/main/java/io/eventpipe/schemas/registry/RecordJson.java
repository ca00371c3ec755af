package io.eventpipe.schemas.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * One Kafka record as a JSON object, its value decoded through the schema registry with the
 * writer's schema (the id in the record): what `./eventpipe consume` prints and analysts export.
 */
public final class RecordJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AvroDeserializer<GenericRecord> values;

    public RecordJson(SchemaRegistryClient registry) {
        this.values = new AvroDeserializer<>(registry, null);
    }

    public ObjectNode line(ConsumerRecord<String, byte[]> record) {
        ObjectNode line = JSON.createObjectNode()
                .put("topic", record.topic())
                .put("partition", record.partition())
                .put("offset", record.offset())
                .put("timestamp", Instant.ofEpochMilli(record.timestamp()).toString())
                .put("key", record.key());
        if (record.value() == null) {
            line.putNull("schemaId");
        } else {
            line.put("schemaId", WireFormat.schemaId(record.value()));
        }
        ObjectNode headers = line.putObject("headers");
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8));
        }
        try {
            // Avro's own JSON rendering of the decoded record (unions unwrapped, bytes as strings)
            line.set("value", record.value() == null ? null
                    : JSON.readTree(GenericData.get().toString(values.deserialize(record.topic(), record.value()))));
        } catch (IOException e) {
            throw new IllegalStateException("Avro rendered a record that is not JSON", e);
        }
        return line;
    }
}
