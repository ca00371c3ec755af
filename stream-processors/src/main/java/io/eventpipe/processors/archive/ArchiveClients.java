package io.eventpipe.processors.archive;

import io.eventpipe.avro.EventResult;
import io.eventpipe.avro.RejectedEvent;
import io.eventpipe.processors.config.ProcessorsConfig;
import io.eventpipe.schemas.clients.KafkaConnections;
import io.eventpipe.schemas.registry.SchemaRegistryClient;
import io.eventpipe.schemas.topics.Topics;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The archive's Kafka side: a read_committed consumer of events.validated and a transactional
 * producer whose transactions carry the results and the consumer offsets together. The
 * transactional id is stable per instance, so a restarted instance fences its predecessor's
 * open transaction at once instead of leaving readers of events.results waiting for its timeout.
 */
final class ArchiveClients implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ArchiveClients.class);
    private static final int TRANSACTION_TIMEOUT_MS = 10_000;

    private final ProcessorsConfig config;
    private final KafkaProducer<String, byte[]> producer;
    private final Serializer<EventResult> resultSerializer;
    private final Serializer<RejectedEvent> rejectedSerializer;
    private volatile KafkaConsumer<String, byte[]> consumer;

    ArchiveClients(ProcessorsConfig config, String instanceId, SchemaRegistryClient registry) {
        this.config = config;
        this.resultSerializer = Topics.EVENTS_RESULTS.valueSerde(registry).serializer();
        this.rejectedSerializer = Topics.EVENTS_REJECTED.valueSerde(registry).serializer();
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, config.archiveGroupId() + "-" + instanceId,
                ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, TRANSACTION_TIMEOUT_MS,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 0),
                Serdes.String().serializer(), Serdes.ByteArray().serializer());
        producer.initTransactions();
    }

    KafkaConsumer<String, byte[]> consumer() {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, config.archiveGroupId(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100,
                // new partitions of events.validated are seen within seconds
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, 10_000),
                Serdes.String().deserializer(), Serdes.ByteArray().deserializer());
        return consumer;
    }

    /** Whether the consumer (once made) holds a broker connection now. */
    boolean connected() {
        KafkaConsumer<String, byte[]> current = consumer;
        return current != null && KafkaConnections.consumerConnected(current.metrics());
    }

    ProducerRecord<String, byte[]> result(EventResult result) {
        String topic = Topics.EVENTS_RESULTS.name();
        return new ProducerRecord<>(topic, result.getEventId(), resultSerializer.serialize(topic, result));
    }

    ProducerRecord<String, byte[]> rejected(RejectedEvent rejected) {
        String topic = Topics.EVENTS_REJECTED.name();
        return new ProducerRecord<>(topic, rejected.getEventId(), rejectedSerializer.serialize(topic, rejected));
    }

    /**
     * Sends the outputs and moves the offsets in one transaction. False when it was aborted
     * (e.g. the group rebalanced meanwhile): the caller rewinds and nothing was published.
     */
    boolean commit(KafkaConsumer<String, byte[]> consumer, List<ProducerRecord<String, byte[]>> outputs,
                   Map<TopicPartition, OffsetAndMetadata> offsets) {
        if (offsets.isEmpty()) {
            return true;
        }
        try {
            producer.beginTransaction();
            outputs.forEach(producer::send);
            producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
            producer.commitTransaction();
            return true;
        } catch (ProducerFencedException e) {
            throw new IllegalStateException("another archiver runs with this instance id; stopping this one", e);
        } catch (KafkaException e) {
            LOG.warn("archive transaction aborted ({}); the events will be archived again from the committed offsets", e.toString());
            abortQuietly();
            return false;
        }
    }

    private void abortQuietly() {
        try {
            producer.abortTransaction();
        } catch (KafkaException e) {
            LOG.warn("abort failed: {}", e.toString());
        }
    }

    /** Back to the last committed offsets of these partitions (the beginning when none). */
    void rewindToCommitted(KafkaConsumer<String, byte[]> consumer, Collection<TopicPartition> partitions) {
        Set<TopicPartition> assigned = consumer.assignment();
        List<TopicPartition> owned = partitions.stream().filter(assigned::contains).toList();
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(owned), Duration.ofSeconds(30));
        for (TopicPartition partition : owned) {
            OffsetAndMetadata offset = committed.get(partition);
            if (offset == null) {
                consumer.seekToBeginning(List.of(partition));
            } else {
                consumer.seek(partition, offset.offset());
            }
        }
    }

    void wakeup() {
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
