package io.eventpipe.admin.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The feed's reader: a group-less consumer (every instance sees everything, nothing committed)
 * on every partition of the four topics, from a point in time; partitions added later are picked
 * up within {@link #REFRESH}. Read failures are logged and retried, never fatal.
 */
final class FeedReader implements AutoCloseable {

    static final List<String> TOPICS = java.util.Arrays.stream(FeedItem.Kind.values()).map(FeedItem.Kind::topic).toList();
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration REFRESH = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(FeedReader.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final Instant from;
    private final Consumer<ConsumerRecord<String, byte[]>> sink;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean following;

    FeedReader(String bootstrapServers, Instant from, Consumer<ConsumerRecord<String, byte[]>> sink) {
        this.consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers, "isolation.level", "read_committed",
                "enable.auto.commit", "false", "auto.offset.reset", "latest", "max.poll.records", "1000"),
                new StringDeserializer(), new ByteArrayDeserializer());
        this.from = from;
        this.sink = sink;
        this.thread = new Thread(this::run, "dashboard-feed");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    boolean following() {
        return following;
    }

    private void run() {
        Instant nextRefresh = Instant.MIN;
        while (running) {
            try {
                if (Instant.now().isAfter(nextRefresh)) {
                    assignNewPartitions();
                    nextRefresh = Instant.now().plus(REFRESH);
                }
                consumer.poll(POLL).forEach(sink);
                following = true;
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                following = false;
                LOG.warn("dashboard feed cannot read: {}", e.toString());
                nextRefresh = Instant.MIN;
                pause();
            }
        }
    }

    private void assignNewPartitions() {
        Set<TopicPartition> all = TOPICS.stream().flatMap(topic -> consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(info -> new TopicPartition(topic, info.partition()))).collect(Collectors.toSet());
        Set<TopicPartition> current = consumer.assignment();
        if (current.containsAll(all)) {
            return;
        }
        List<TopicPartition> added = all.stream().filter(tp -> !current.contains(tp)).toList();
        consumer.assign(all);
        Map<TopicPartition, Long> times = new HashMap<>();
        added.forEach(tp -> times.put(tp, from.toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(times, Duration.ofSeconds(10));
        for (TopicPartition tp : added) {
            OffsetAndTimestamp at = offsets.get(tp);
            if (at == null) {
                consumer.seekToEnd(List.of(tp));
            } else {
                consumer.seek(tp, at.offset());
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumer.close(Duration.ofSeconds(5));
    }
}
