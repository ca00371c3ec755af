package io.eventpipe.anchor.batching;

import io.eventpipe.anchor.config.AnchorConfig;
import io.eventpipe.anchor.metrics.AnchorMetrics;
import io.eventpipe.anchor.store.BatchStore;
import io.eventpipe.avro.ValidatedEvent;
import io.eventpipe.common.crypto.Hex;
import io.eventpipe.schemas.registry.AvroDeserializer;
import io.eventpipe.schemas.registry.RegistryUnavailableException;
import io.eventpipe.schemas.clients.KafkaConnections;
import io.eventpipe.schemas.registry.SchemaRegistryClient;
import io.eventpipe.schemas.topics.Topics;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Serdes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * events.validated → batches in PostgreSQL. A batch closes at batch.max.size events or when its
 * first event has waited batch.max.age; it is written with all its leaves before the offsets of
 * its events are committed, so an event is either in a durable batch or will be read again (and
 * an event read again is recognised by its id and not batched twice).
 */
public final class Batcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Batcher.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    private static final Duration REGISTRY_PAUSE = Duration.ofSeconds(2);

    private final AnchorConfig config;
    private final BatchStore store;
    private final AnchorMetrics metrics;
    private final Clock clock;
    private final AvroDeserializer<ValidatedEvent> deserializer;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<String, PendingEvent> pending = new LinkedHashMap<>();
    private final Map<TopicPartition, OffsetAndMetadata> consumed = new HashMap<>();
    private final Thread thread = new Thread(this::run, "anchor-batcher");
    private volatile boolean running = true;
    private volatile String problem;
    private Duration backoff = POLL;

    public Batcher(AnchorConfig config, BatchStore store, AnchorMetrics metrics, Clock clock) {
        this.config = config;
        this.store = store;
        this.metrics = metrics;
        this.clock = clock;
        this.deserializer = new AvroDeserializer<>(SchemaRegistryClient.shared(config.registryUrl()), ValidatedEvent.class);
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, config.groupId(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000,
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, 10_000),
                Serdes.String().deserializer(), Serdes.ByteArray().deserializer());
    }

    public void start() {
        thread.start();
    }

    public boolean isAlive() {
        return thread.isAlive();
    }

    /** Whether the consumer holds a broker connection now (metrics() is safe from another thread). */
    public boolean connected() {
        return KafkaConnections.consumerConnected(consumer.metrics());
    }

    /** Null while batches can be written; else why not. */
    public String problem() {
        return problem;
    }

    private void run() {
        consumer.subscribe(List.of(Topics.EVENTS_VALIDATED.name()), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                // what was read from them must be durable before another member reads it
                flushUntilDone();
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            }
        });
        try {
            while (running) {
                takeAll(consumer.poll(POLL));
                if (!pending.isEmpty() && isOld()) {
                    flushOrPause();
                }
                // local figures of the last fetch: no request to the broker, on this consumer's own thread
                metrics.consumerLag(consumer.assignment().stream().mapToLong(tp -> consumer.currentLag(tp).orElse(0)).sum());
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (RuntimeException e) {
            problem = "batcher stopped: " + e;
            LOG.error("batcher stopped", e);
        } finally {
            consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(10)));
        }
    }

    /**
     * Takes the records of one poll, partition by partition. While the registry cannot be asked for a
     * schema, nothing is skipped: every partition is rewound to its first record not taken, and read
     * again after a pause (skipping would leave those events unanchored for good).
     */
    private void takeAll(ConsumerRecords<String, byte[]> records) {
        List<TopicPartition> partitions = new ArrayList<>(records.partitions());
        for (int p = 0; p < partitions.size(); p++) {
            for (ConsumerRecord<String, byte[]> record : records.records(partitions.get(p))) {
                try {
                    add(record);
                } catch (RegistryUnavailableException e) {
                    problem = "schema registry unavailable: " + e.getMessage();
                    LOG.warn("{}; reading {}-{} again from offset {} after {}", problem, record.topic(), record.partition(),
                            record.offset(), REGISTRY_PAUSE);
                    consumer.seek(partitions.get(p), record.offset());
                    partitions.subList(p + 1, partitions.size())
                            .forEach(tp -> consumer.seek(tp, records.records(tp).get(0).offset()));
                    pauseFor(REGISTRY_PAUSE);
                    return;
                }
                if (pending.size() >= config.batchMaxSize()) {
                    flushOrPause();
                }
            }
        }
    }

    private void pauseFor(Duration pause) {
        Set<TopicPartition> assigned = consumer.assignment();
        consumer.pause(assigned);
        try {
            consumer.poll(pause); // keeps the group membership while paused; returns no records
        } finally {
            consumer.resume(consumer.assignment());
        }
    }

    private void add(ConsumerRecord<String, byte[]> record) {
        ValidatedEvent event;
        byte[] hash;
        try {
            event = deserializer.deserialize(record.topic(), record.value());
            hash = Hex.decode(event.getEventHash());
        } catch (RegistryUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            // the archive app dead-letters unreadable records of this topic; here they are only skipped
            consumed.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
            LOG.error("unreadable record {}-{}@{} skipped: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
            return;
        }
        consumed.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
        if (problem != null && problem.startsWith("schema registry")) {
            problem = null;
        }
        pending.putIfAbsent(event.getEventId(), new PendingEvent(event.getEventId(), hash, event.getDeviceId(), clock.instant()));
    }

    private boolean isOld() {
        Instant first = pending.values().iterator().next().arrivedAt();
        return !first.plus(config.batchMaxAge()).isAfter(clock.instant());
    }

    /** Writes the batch; while the database is away, stops reading (still polling, so the group keeps us) and retries. */
    private void flushOrPause() {
        if (flush()) {
            return;
        }
        Set<TopicPartition> assigned = consumer.assignment();
        consumer.pause(assigned);
        try {
            while (running && !flush()) {
                consumer.poll(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        } finally {
            consumer.resume(consumer.assignment());
            backoff = POLL;
        }
    }

    private void flushUntilDone() {
        while (running && !flush()) {
            try {
                Thread.sleep(backoff.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** True when the pending events are durable in a batch (or there were none) and their offsets committed. */
    private boolean flush() {
        if (pending.isEmpty() && consumed.isEmpty()) {
            return true;
        }
        try {
            Set<String> known = store.alreadyBatched(pending.keySet());
            List<PendingEvent> fresh = new ArrayList<>(pending.values().stream().filter(e -> !known.contains(e.eventId())).toList());
            if (!fresh.isEmpty()) {
                BatchBuilder.Built built = BatchBuilder.build(fresh, clock.instant());
                store.saveBuilt(built.batch(), built.leaves());
                metrics.batchClosed(built.batch().treeSize(), Duration.between(built.batch().oldestEventAt(), clock.instant()));
                LOG.info("batch {} of {} events built", built.batch().batchId(), built.batch().treeSize());
            }
            commit();
            pending.clear();
            consumed.clear();
            problem = null;
            return true;
        } catch (SQLException e) {
            problem = "database unavailable: " + e.getMessage();
            LOG.warn("batch not written ({}); retrying, offsets held", e.getMessage());
            return false;
        }
    }

    private void commit() {
        try {
            consumer.commitSync(consumed);
        } catch (org.apache.kafka.common.KafkaException e) {
            // the events are durable in a batch: read again, they are recognised and skipped
            LOG.warn("offsets not committed ({}); the events already batched will be skipped when read again", e.toString());
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
