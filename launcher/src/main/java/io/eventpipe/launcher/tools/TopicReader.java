package io.eventpipe.launcher.tools;

import io.eventpipe.schemas.registry.AvroDeserializer;
import io.eventpipe.schemas.registry.SchemaRegistryClient;
import io.eventpipe.schemas.registry.WireFormat;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Prints a topic as JSON Lines, values decoded through the schema registry (the writer's
 * schema, by the id in each record): what kcat -s value=avro shows, without needing a kcat
 * built with Avro support. Reads from the beginning to the current end, then stops.
 */
public final class TopicReader {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final ObjectMapper JSON = new ObjectMapper();

    private TopicReader() {
    }

    public static int print(String bootstrap, String registryUrl, String topic, int max, PrintStream out) {
        AvroDeserializer<GenericRecord> values = new AvroDeserializer<>(SchemaRegistryClient.shared(registryUrl), null);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap,
                "isolation.level", "read_committed"), Serdes.String().deserializer(), Serdes.ByteArray().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            int printed = 0;
            while (printed < max && !reachedEnd(consumer, end)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    out.println(line(record, values));
                    if (++printed >= max) {
                        break;
                    }
                }
            }
            return printed;
        }
    }

    private static boolean reachedEnd(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private static String line(ConsumerRecord<String, byte[]> record, AvroDeserializer<GenericRecord> values) {
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
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Avro rendered a record that is not JSON", e);
        }
        return line.toString();
    }
}
