package io.eventpipe.anchor.reconcile;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Reads a topic's committed records written since an instant, up to its end when the scan began.
 * Values are decoded one by one, so that a record nobody can decode is passed over (the services
 * dead-letter or skip such records themselves) instead of ending the scan.
 */
final class TopicScan {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration LIMIT = Duration.ofMinutes(2);

    private TopicScan() {
    }

    static <V> List<V> since(String bootstrapServers, String topic, Deserializer<V> values, Instant since) {
        List<V> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers,
                "isolation.level", "read_committed", "max.poll.records", 5000), Serdes.ByteArray().deserializer(),
                Serdes.ByteArray().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> times = new HashMap<>();
            partitions.forEach(p -> times.put(p, since.toEpochMilli()));
            Map<TopicPartition, OffsetAndTimestamp> starts = consumer.offsetsForTimes(times);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            for (TopicPartition partition : partitions) {
                OffsetAndTimestamp start = starts.get(partition);
                consumer.seek(partition, start == null ? ends.get(partition) : start.offset());
            }
            long deadline = System.nanoTime() + LIMIT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within " + LIMIT);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        decoded(values, record).ifPresent(records::add);
                    }
                }
            }
        }
        return records;
    }

    private static <V> java.util.Optional<V> decoded(Deserializer<V> values, ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.ofNullable(values.deserialize(record.topic(), record.value()));
        } catch (org.apache.kafka.common.errors.SerializationException e) {
            return java.util.Optional.empty();
        }
    }
}
