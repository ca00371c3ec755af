package io.eventpipe.relay.kafka;

import io.eventpipe.avro.EventResult;
import io.eventpipe.relay.redis.EventRecords;
import io.eventpipe.relay.redis.SharedState;
import io.eventpipe.schemas.registry.SchemaRegistryClient;
import io.eventpipe.schemas.topics.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
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
 * Keeps every event's status current for GET /v1/events/{id} on any relay: the relays share
 * events.results in one consumer group and write each result to the shared event records.
 * Offsets are committed after the writes (at least once; the writes are idempotent).
 */
public final class StatusUpdater implements AutoCloseable {

    public static final String GROUP = io.eventpipe.schemas.topics.RelayAcls.STATUS_GROUP;
    private static final Logger LOG = LoggerFactory.getLogger(StatusUpdater.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final KafkaConsumer<String, EventResult> consumer;
    private final EventRecords records;
    private final Thread thread;
    private volatile boolean running = true;

    public StatusUpdater(KafkaClients clients, SchemaRegistryClient registry, EventRecords records, String instanceId) {
        this.records = records;
        this.consumer = new KafkaConsumer<>(clients.config(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, GROUP,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.CLIENT_ID_CONFIG, "relay-status-" + instanceId)),
                Serdes.String().deserializer(), Topics.EVENTS_RESULTS.valueSerde(registry).deserializer());
        this.thread = new Thread(this::run, "status-updater");
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    private void run() {
        try {
            consumer.subscribe(List.of(Topics.EVENTS_RESULTS.name()));
            while (running) {
                ConsumerRecords<String, EventResult> batch = consumer.poll(POLL);
                if (!batch.isEmpty() && write(batch)) {
                    consumer.commitSync();
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.error("status updater stopped", e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** False when Redis is away: the batch is read again from the last commit. */
    private boolean write(ConsumerRecords<String, EventResult> batch) {
        try {
            for (ConsumerRecord<String, EventResult> record : batch) {
                EventResult result = record.value();
                records.advance(result.getEventId(), result.getStatus().name(), ResultFields.of(result));
            }
            return true;
        } catch (SharedState.Unavailable e) {
            LOG.warn("cannot record statuses ({}); retrying", e.getMessage());
            rewindToCommitted();
            java.util.concurrent.locks.LockSupport.parkNanos(RETRY.toNanos());
            return false;
        }
    }

    private void rewindToCommitted() {
        Set<TopicPartition> assigned = consumer.assignment();
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(assigned);
        for (TopicPartition partition : assigned) {
            OffsetAndMetadata offset = committed.get(partition);
            if (offset == null) {
                consumer.seekToBeginning(List.of(partition));
            } else {
                consumer.seek(partition, offset.offset());
            }
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
