package io.eventpipe.admin.analyst;

import io.eventpipe.admin.http.ApiProblem;
import io.eventpipe.web.JsonResponses;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Turns a window into offset ranges of a topic, and reads those ranges: a group-less consumer
 * (nothing committed, no group disturbed), read_committed, so aborted writes never show.
 */
public final class TopicRanges {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(500);

    private final String bootstrapServers;

    public TopicRanges(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers, "isolation.level", "read_committed",
                "enable.auto.commit", "false", "max.poll.records", "2000", "default.api.timeout.ms", (int) TIMEOUT.toMillis()),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** The ranges of the window, one per partition it covers; 404 for a topic that does not exist. */
    public List<PartitionRange> plan(String topic, Window window) throws ApiProblem {
        TopicNames.checked("topic", topic);
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<PartitionInfo> infos = consumer.listTopics(TIMEOUT).get(topic);
            if (infos == null || topic.startsWith("__")) {
                throw new ApiProblem(404, JsonResponses.error("not_found", "no topic " + topic));
            }
            List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(topic, p.partition()))
                    .filter(tp -> !window.byOffsets() || window.offsets().containsKey(tp.partition())).toList();
            if (window.byOffsets() && partitions.size() != window.offsets().size()) {
                throw new ApiProblem(422, JsonResponses.error("invalid_window", topic + " has " + infos.size() + " partitions"));
            }
            Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions, TIMEOUT);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            Map<TopicPartition, Long> fromTime = atTime(consumer, partitions, window.from(), end);
            Map<TopicPartition, Long> toTime = atTime(consumer, partitions, window.to(), end);
            List<PartitionRange> ranges = new ArrayList<>();
            for (TopicPartition tp : partitions) {
                long first = beginning.get(tp);
                long last = end.get(tp);
                long start;
                long stop;
                if (window.byOffsets()) {
                    Window.OffsetRange range = window.offsets().get(tp.partition());
                    start = range.from() == null ? first : range.from();
                    stop = range.to() == null ? last : range.to();
                } else {
                    start = window.from() == null ? first : fromTime.get(tp);
                    stop = window.to() == null ? last : toTime.get(tp);
                }
                start = Math.min(Math.max(start, first), last);
                stop = Math.min(Math.max(stop, start), last);
                ranges.add(new PartitionRange(tp.partition(), start, stop));
            }
            return ranges;
        }
    }

    /** The first offset at or after the time per partition; the end where no record is that late. */
    private static Map<TopicPartition, Long> atTime(KafkaConsumer<?, ?> consumer, List<TopicPartition> partitions, Instant time,
                                                    Map<TopicPartition, Long> end) {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        if (time == null) {
            return offsets;
        }
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(tp -> query.put(tp, time.toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query, TIMEOUT);
        for (TopicPartition tp : partitions) {
            OffsetAndTimestamp at = found.get(tp);
            offsets.put(tp, at == null ? end.get(tp) : at.offset());
        }
        return offsets;
    }

    /**
     * Hands every record of the ranges to the visitor, partition by partition in offset order
     * within each; stops early when the visitor answers false. Returns the records visited.
     */
    public long read(String topic, List<PartitionRange> ranges, Predicate<ConsumerRecord<String, byte[]>> visitor) {
        long visited = 0;
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            for (PartitionRange range : ranges) {
                if (range.offsets() == 0) {
                    continue;
                }
                TopicPartition tp = new TopicPartition(topic, range.partition());
                consumer.assign(List.of(tp));
                consumer.seek(tp, range.start());
                while (consumer.position(tp) < range.end()) {
                    ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
                    for (ConsumerRecord<String, byte[]> record : records) {
                        if (record.offset() >= range.end()) {
                            break;
                        }
                        visited++;
                        if (!visitor.test(record)) {
                            return visited;
                        }
                    }
                }
            }
        }
        return visited;
    }
}
