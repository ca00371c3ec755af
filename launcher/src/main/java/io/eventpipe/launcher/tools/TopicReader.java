package io.eventpipe.launcher.tools;

import io.eventpipe.schemas.registry.RecordJson;
import io.eventpipe.schemas.registry.SchemaRegistryClient;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
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
        RecordJson json = new RecordJson(SchemaRegistryClient.shared(registryUrl));
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
                    out.println(json.line(record));
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
}
