package io.eventpipe.bench.scenarios;

import io.eventpipe.avro.EventResult;
import io.eventpipe.avro.EventStatus;
import io.eventpipe.bench.load.Latencies;
import io.eventpipe.schemas.registry.SchemaRegistryClient;
import io.eventpipe.schemas.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;

/**
 * S4's second figure: from validation (the ACCEPTED result) to anchoring (the ANCHORED result) of
 * the events S1 sent, read back from events.results with the times their writers put in them.
 */
public final class AnchorLatency {

    private AnchorLatency() {
    }

    /** What was seen: the latencies in seconds of the events anchored, and how many of them were not within the timeout. */
    public record Result(Latencies seconds, int missing) {
    }

    public static Result measure(String bootstrapServers, String registryUrl, Map<TopicPartition, Long> from, Set<String> eventIds,
                                 Duration timeout) {
        Map<String, Instant> accepted = new HashMap<>();
        Map<String, Instant> anchored = new HashMap<>();
        Set<String> waiting = new HashSet<>(eventIds);
        try (KafkaConsumer<String, EventResult> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers,
                "isolation.level", "read_committed", "max.poll.records", 2000), Serdes.String().deserializer(),
                Topics.EVENTS_RESULTS.valueSerde(SchemaRegistryClient.shared(registryUrl)).deserializer())) {
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!waiting.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, EventResult> record : consumer.poll(Duration.ofMillis(500))) {
                    EventResult result = record.value();
                    String id = result.getEventId();
                    if (!eventIds.contains(id)) {
                        continue;
                    }
                    if (result.getStatus() == EventStatus.ACCEPTED) {
                        accepted.putIfAbsent(id, result.getProducedAt());
                    } else if (result.getStatus() == EventStatus.ANCHORED) {
                        anchored.putIfAbsent(id, result.getProducedAt());
                        waiting.remove(id);
                    }
                }
            }
        }
        double[] seconds = anchored.entrySet().stream().filter(e -> accepted.containsKey(e.getKey()))
                .mapToDouble(e -> Duration.between(accepted.get(e.getKey()), e.getValue()).toMillis() / 1000.0).toArray();
        return new Result(new Latencies(seconds), waiting.size());
    }
}
