package io.eventpipe.processors.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventpipe.avro.EventPackage;
import io.eventpipe.avro.EventResult;
import io.eventpipe.avro.EventStatus;
import io.eventpipe.avro.LabelConfig;
import io.eventpipe.avro.LabelConfigStatus;
import io.eventpipe.avro.LabelConfigVersion;
import io.eventpipe.avro.LabelDefinition;
import io.eventpipe.avro.LabelType;
import io.eventpipe.common.crypto.EventHash;
import io.eventpipe.common.json.Jcs;
import io.eventpipe.processors.ProcessorsApp;
import io.eventpipe.processors.config.ProcessorsConfig;
import io.eventpipe.schemas.registry.RestSchemaRegistryClient;
import io.eventpipe.schemas.registry.SchemaRegistryClient;
import io.eventpipe.schemas.topics.Topic;
import io.eventpipe.schemas.topics.TopicProvisioner;
import io.eventpipe.schemas.topics.Topics;
import io.eventpipe.stack.Await;
import io.eventpipe.testkit.RealServers;
import io.eventpipe.testkit.TestServers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The validation topology on the real broker and registry, following label configs published while it runs. */
@ExtendWith(RealServers.class)
class ValidationIT {

    private SchemaRegistryClient registry;
    private TestServers servers;

    private <V extends SpecificRecord> void publish(Topic<V> topic, String key, V value) throws Exception {
        try (KafkaProducer<String, V> producer = new KafkaProducer<>(Map.of("bootstrap.servers", servers.kafka().bootstrapServers()),
                Serdes.String().serializer(), topic.valueSerde(registry).serializer())) {
            producer.send(new ProducerRecord<>(topic.name(), key, value)).get(30, TimeUnit.SECONDS);
        }
    }

    private String submit(String configId) throws Exception {
        String eventId = UUID.randomUUID().toString();
        String body = "{\"eventId\":\"" + eventId + "\",\"capturedAt\":\"2026-01-15T08:00:00Z\",\"labelConfig\":{\"id\":\""
                + configId + "\",\"version\":1},\"annotations\":{\"species\":\"otter\"},\"media\":[]}";
        publish(Topics.EVENTS_INCOMING, "device-1", EventPackage.newBuilder().setEventId(eventId).setDeviceId("device-1")
                .setRelayId("relay-1").setReceivedAt(Instant.now())
                .setEventHash(EventHash.of(Jcs.parse(body.getBytes(StandardCharsets.UTF_8))).hashHex())
                .setBody(ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8))).build());
        return eventId;
    }

    private EventStatus statusOf(KafkaConsumer<String, EventResult> consumer, String eventId) {
        return Await.value("the result of " + eventId, Duration.ofSeconds(60), () -> {
            for (ConsumerRecord<String, EventResult> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.key().equals(eventId)) {
                    return record.value().getStatus();
                }
            }
            return null;
        });
    }

    @Test
    void aLabelConfigPublishedAfterStartIsAppliedWithinSeconds(TestServers servers, @TempDir Path dir) throws Exception {
        this.servers = servers;
        registry = new RestSchemaRegistryClient(servers.registry().confluentApiUrl());
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", servers.kafka().bootstrapServers()))) {
            new TopicProvisioner(admin, registry, (short) 1).provision(Topics.ALL);
        }
        String configId = "late-" + UUID.randomUUID();
        ProcessorsConfig config = new ProcessorsConfig(servers.kafka().bootstrapServers(), servers.registry().confluentApiUrl(),
                "validation-it", 1, dir, "eventpipe", Duration.ofMinutes(10));
        try (ProcessorsApp app = new ProcessorsApp(config);
             KafkaConsumer<String, EventResult> results = new KafkaConsumer<>(Map.of("bootstrap.servers",
                     servers.kafka().bootstrapServers(), "isolation.level", "read_committed"),
                     Serdes.String().deserializer(), Topics.EVENTS_RESULTS.valueSerde(registry).deserializer())) {
            List<TopicPartition> partitions = results.partitionsFor(Topics.EVENTS_RESULTS.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            results.assign(partitions);
            results.seekToEnd(partitions);
            partitions.forEach(results::position);
            app.start();

            assertThat(statusOf(results, submit(configId))).isEqualTo(EventStatus.REJECTED);

            publish(Topics.CONFIG_LABELS, configId, LabelConfig.newBuilder().setId(configId).setName("late").setCurrentVersion(1)
                    .setUpdatedAt(Instant.now()).setVersions(List.of(LabelConfigVersion.newBuilder().setVersion(1)
                            .setStatus(LabelConfigStatus.ACTIVE).setCreatedAt(Instant.now()).setLabels(List.of(
                                    LabelDefinition.newBuilder().setName("species").setType(LabelType.TEXT).setRequired(true).build()))
                            .build())).build());
            Await.until("events citing the new label config to be accepted", Duration.ofSeconds(30), () -> {
                try {
                    return statusOf(results, submit(configId)) == EventStatus.ACCEPTED;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }
}
