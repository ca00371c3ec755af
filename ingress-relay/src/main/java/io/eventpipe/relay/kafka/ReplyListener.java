package io.eventpipe.relay.kafka;

import io.eventpipe.avro.EventResult;
import io.eventpipe.avro.EventStatus;
import io.eventpipe.schemas.registry.SchemaRegistryClient;
import io.eventpipe.schemas.topics.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Reads this instance's partition of events.results (and no other) from its end, and completes
 * the future of each request waiting for a validator's answer. Only committed (EOS) results count.
 */
public final class ReplyListener extends BackgroundConsumer<EventResult> {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final TopicPartition partition;
    private final Map<String, CompletableFuture<EventResult>> waiting = new ConcurrentHashMap<>();
    private final CountDownLatch positioned = new CountDownLatch(1);

    public ReplyListener(KafkaClients clients, SchemaRegistryClient registry, int replyPartition, String instanceId) {
        super(new KafkaConsumer<>(clients.config(Map.of(
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.CLIENT_ID_CONFIG, "relay-replies-" + instanceId)),
                Serdes.String().deserializer(), Topics.EVENTS_RESULTS.valueSerde(registry).deserializer()),
                "reply-listener-" + replyPartition);
        this.partition = new TopicPartition(Topics.EVENTS_RESULTS.name(), replyPartition);
    }

    /** Starts reading and returns once positioned at the end, so no reply to a later request is missed. */
    public void start() {
        startThread();
        try {
            if (!positioned.await(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("reply listener could not reach " + partition + " within " + START_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the reply listener", e);
        }
    }

    public int partition() {
        return partition.partition();
    }

    @Override
    public boolean isRunning() {
        return super.isRunning() && positioned.getCount() == 0;
    }

    /** Registers interest before the request is published; the caller applies its own timeout and calls forget. */
    public CompletableFuture<EventResult> expect(String eventId) {
        return waiting.computeIfAbsent(eventId, id -> new CompletableFuture<>());
    }

    public void forget(String eventId) {
        waiting.remove(eventId);
    }

    @Override
    protected void onStart() {
        consumer.assign(List.of(partition));
        consumer.seekToEnd(List.of(partition));
        consumer.position(partition); // resolves the lazy seek now
        positioned.countDown();
    }

    @Override
    protected void onRecords(ConsumerRecords<String, EventResult> records) {
        for (ConsumerRecord<String, EventResult> record : records) {
            deliver(record.value());
        }
    }

    private void deliver(EventResult result) {
        // Only the validator's verdict answers a waiting POST; later stages are status updates.
        if (result == null || (result.getStatus() != EventStatus.ACCEPTED && result.getStatus() != EventStatus.REJECTED)) {
            return;
        }
        CompletableFuture<EventResult> future = waiting.remove(result.getEventId());
        if (future != null) {
            future.complete(result);
        }
    }

    @Override
    public void close() {
        super.close();
        waiting.values().forEach(f -> f.cancel(false));
    }
}
