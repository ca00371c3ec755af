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
        StringBuilder headers = new StringBuilder("{");
        for (Header header : record.headers()) {
            if (headers.length() > 1) {
                headers.append(',');
            }
            headers.append(quote(header.key())).append(':')
                    .append(quote(header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8)));
        }
        headers.append('}');
        String value;
        if (record.value() == null) {
            value = "null";
        } else {
            GenericRecord decoded = values.deserialize(record.topic(), record.value());
            value = GenericData.get().toString(decoded);
        }
        return "{\"topic\":" + quote(record.topic()) + ",\"partition\":" + record.partition() + ",\"offset\":" + record.offset()
                + ",\"timestamp\":" + quote(Instant.ofEpochMilli(record.timestamp()).toString())
                + ",\"key\":" + (record.key() == null ? "null" : quote(record.key()))
                + ",\"schemaId\":" + (record.value() == null ? "null" : WireFormat.schemaId(record.value()))
                + ",\"headers\":" + headers + ",\"value\":" + value + "}";
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
