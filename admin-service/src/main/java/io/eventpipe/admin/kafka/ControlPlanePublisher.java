package io.eventpipe.admin.kafka;

import io.eventpipe.avro.LabelConfig;
import io.eventpipe.avro.RelayRecord;
import io.eventpipe.schemas.registry.AvroSerializer;
import io.eventpipe.schemas.registry.SchemaRegistryClient;
import io.eventpipe.schemas.topics.Topics;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes the control plane's compacted topics (config.labels, relays.registry) with spring-kafka:
 * idempotent, acks=all, and each call returns only once the broker has the record, so an admin's
 * change is never reported done before relays and processors can see it. A null value is a tombstone.
 */
public final class ControlPlanePublisher implements AutoCloseable {

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final DefaultKafkaProducerFactory<String, SpecificRecord> factory;
    private final KafkaTemplate<String, SpecificRecord> template;

    public ControlPlanePublisher(String bootstrapServers, SchemaRegistryClient registry) {
        this.factory = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) SEND_TIMEOUT.toMillis(),
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000),
                new StringSerializer(), new AvroSerializer<>(registry, false), false); // the serializers come configured
        this.template = new KafkaTemplate<>(factory);
    }

    public void labelConfig(String id, LabelConfig config) throws PublishFailed {
        send(Topics.CONFIG_LABELS.name(), id, config);
    }

    public void relay(String relayId, RelayRecord record) throws PublishFailed {
        send(Topics.RELAYS_REGISTRY.name(), relayId, record);
    }

    private void send(String topic, String key, SpecificRecord value) throws PublishFailed {
        try {
            template.send(topic, key, value).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new PublishFailed("Kafka did not take the change to " + topic + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailed("interrupted while publishing to " + topic, e);
        }
    }

    /** The change could not be published; the caller answers 503 and nothing is reported done. */
    public static final class PublishFailed extends Exception {
        private static final long serialVersionUID = 1L;

        PublishFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    @Override
    public void close() {
        factory.destroy();
    }
}
