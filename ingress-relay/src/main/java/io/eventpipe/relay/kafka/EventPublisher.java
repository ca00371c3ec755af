package io.eventpipe.relay.kafka;

import io.eventpipe.avro.EventPackage;
import io.eventpipe.schemas.registry.SchemaRegistryClient;
import io.eventpipe.schemas.topics.ReplyHeaders;
import io.eventpipe.schemas.topics.Topics;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.Serdes;

/** Publishes event packages to events.incoming, keyed by device, with the reply headers. */
public final class EventPublisher implements AutoCloseable {

    private static final int MAX_BLOCK_MS = 3_000;
    private static final int DELIVERY_TIMEOUT_MS = 30_000;
    /** The longest a publish can take before it completes or fails: after this, an unconfirmed claim is abandoned. */
    public static final java.time.Duration LONGEST_PUBLISH = java.time.Duration.ofMillis(MAX_BLOCK_MS + DELIVERY_TIMEOUT_MS);

    private final KafkaProducer<String, EventPackage> producer;

    public EventPublisher(KafkaClients clients, SchemaRegistryClient registry) {
        Map<String, Object> config = clients.config(Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 1,
                // never hold an HTTP thread long when the cluster is away: the client gets a 503
                ProducerConfig.MAX_BLOCK_MS_CONFIG, MAX_BLOCK_MS,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, DELIVERY_TIMEOUT_MS,
                ProducerConfig.CLIENT_ID_CONFIG, "relay-events"));
        this.producer = new KafkaProducer<>(config, Serdes.String().serializer(),
                Topics.EVENTS_INCOMING.valueSerde(registry).serializer());
    }

    public CompletableFuture<RecordMetadata> publish(EventPackage pkg, int replyPartition, String replyTo) {
        ProducerRecord<String, EventPackage> record = new ProducerRecord<>(Topics.EVENTS_INCOMING.name(), pkg.getDeviceId(), pkg);
        ReplyHeaders.write(record.headers(), replyPartition, replyTo, pkg.getEventId());
        CompletableFuture<RecordMetadata> sent = new CompletableFuture<>();
        try {
            producer.send(record, (metadata, error) -> {
                if (error != null) {
                    sent.completeExceptionally(error);
                } else {
                    sent.complete(metadata);
                }
            });
        } catch (RuntimeException e) {
            sent.completeExceptionally(e);
        }
        return sent;
    }

    /** Partitions of events.results, to pick this instance's reply partition. */
    public int resultPartitions() {
        return producer.partitionsFor(Topics.EVENTS_RESULTS.name()).size();
    }

    @Override
    public void close() {
        producer.close(java.time.Duration.ofSeconds(10));
    }

    /** The producer's own metrics (record send rate, errors, latency) in the relay's registry; closed with it. */
    public AutoCloseable bindMetrics(io.micrometer.core.instrument.MeterRegistry registry) {
        var metrics = new io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics(producer);
        metrics.bindTo(registry);
        return metrics;
    }
}
