package io.eventpipe.relay.kafka;

import io.eventpipe.avro.EventResult;
import io.eventpipe.relay.redis.EventRecords;
import io.eventpipe.relay.redis.SharedState;
import io.eventpipe.schemas.registry.SchemaRegistryClient;
import io.eventpipe.schemas.topics.RelayAcls;
import io.eventpipe.schemas.topics.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every event's status current for GET /v1/events/{id} on any relay: the relays share
 * events.results in one consumer group and write each result to the shared event records.
 * Offsets are committed after the writes (at least once; the writes are idempotent).
 */
public final class StatusUpdater extends BackgroundConsumer<EventResult> {

    private static final Logger LOG = LoggerFactory.getLogger(StatusUpdater.class);
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final EventRecords records;

    public StatusUpdater(KafkaClients clients, SchemaRegistryClient registry, EventRecords records, String instanceId) {
        super(new KafkaConsumer<>(clients.config(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, RelayAcls.STATUS_GROUP,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.CLIENT_ID_CONFIG, "relay-status-" + instanceId)),
                Serdes.String().deserializer(), Topics.EVENTS_RESULTS.valueSerde(registry).deserializer()),
                "status-updater");
        this.records = records;
    }

    public void start() {
        startThread();
    }

    @Override
    protected void onStart() {
        consumer.subscribe(List.of(Topics.EVENTS_RESULTS.name()));
    }

    @Override
    protected void onRecords(ConsumerRecords<String, EventResult> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            for (ConsumerRecord<String, EventResult> record : batch) {
                EventResult result = record.value();
                records.advance(result.getEventId(), result.getStatus().name(), ResultFields.of(result));
            }
            consumer.commitSync();
        } catch (SharedState.Unavailable e) {
            LOG.warn("cannot record statuses ({}); retrying", e.getMessage());
            rewindToCommitted();
            LockSupport.parkNanos(RETRY.toNanos());
        }
    }

    /** Redis was away: read the batch again from the last commit. */
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
}
