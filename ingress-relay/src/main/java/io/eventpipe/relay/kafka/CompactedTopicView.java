package io.eventpipe.relay.kafka;

import io.eventpipe.schemas.registry.SchemaRegistryClient;
import io.eventpipe.schemas.topics.Topic;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The latest value per key of a compacted topic (config.labels, relays.registry), read by every
 * relay in full and kept current; a tombstone removes its key. Changes apply within a poll.
 */
public final class CompactedTopicView<V extends SpecificRecord> extends BackgroundConsumer<V> {

    private final Topic<V> topic;
    private final Map<String, V> values = new ConcurrentHashMap<>();
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private List<TopicPartition> partitions;
    private Map<TopicPartition, Long> endAtStart;

    public CompactedTopicView(Topic<V> topic, KafkaClients clients, SchemaRegistryClient registry, String clientId) {
        super(new KafkaConsumer<>(clients.config(Map.of(
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.CLIENT_ID_CONFIG, clientId + "-" + topic.name())),
                Serdes.String().deserializer(), topic.valueSerde(registry).deserializer()),
                "view-" + topic.name());
        this.topic = topic;
    }

    /** Starts reading and waits (up to the timeout) until the view holds everything written so far. */
    public CompactedTopicView<V> start(Duration timeout) {
        startThread();
        try {
            if (!caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(topic.name() + " could not be read within " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + topic.name(), e);
        }
        return this;
    }

    public Map<String, V> values() {
        return Map.copyOf(values);
    }

    /** The latest value of one key, without copying the view. */
    public java.util.Optional<V> get(String key) {
        return java.util.Optional.ofNullable(values.get(key));
    }

    @Override
    protected void onStart() {
        partitions = consumer.partitionsFor(topic.name()).stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        endAtStart = consumer.endOffsets(partitions);
    }

    @Override
    protected void onRecords(ConsumerRecords<String, V> records) {
        for (ConsumerRecord<String, V> record : records) {
            if (record.key() == null) {
                continue;
            }
            if (record.value() == null) {
                values.remove(record.key());
            } else {
                values.put(record.key(), record.value());
            }
        }
        if (caughtUp.getCount() > 0 && partitions.stream().allMatch(p -> consumer.position(p) >= endAtStart.get(p))) {
            caughtUp.countDown();
        }
    }
}
