package io.eventpipe.relay.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventpipe.relay.RelayApp;
import io.eventpipe.relay.RelayFixture;
import io.eventpipe.relay.devices.Pki;
import io.eventpipe.schemas.registry.RestSchemaRegistryClient;
import io.eventpipe.schemas.topics.RelayAcls;
import io.eventpipe.schemas.topics.TopicProvisioner;
import io.eventpipe.schemas.topics.Topics;
import io.eventpipe.stack.KafkaBroker;
import io.eventpipe.testkit.DeviceClient;
import io.eventpipe.testkit.RealServers;
import io.eventpipe.testkit.TestPki;
import io.eventpipe.testkit.TestServers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A relay reaches Kafka over mutual TLS as its own principal, and the ACLs let it do only its part. */
@ExtendWith(RealServers.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaAclIT {

    private TestServers servers;
    private TestPki pki;
    private KafkaBroker broker;
    private RelayFixture fixture;

    @BeforeAll
    void secureBroker(TestServers servers, @TempDir Path dir) throws Exception {
        this.servers = servers;
        fixture = new RelayFixture(servers, dir);
        pki = fixture.pki();
        broker = servers.secureKafka(pki);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            new TopicProvisioner(admin, new RestSchemaRegistryClient(servers.registry().confluentApiUrl()), (short) 1)
                    .provision(Topics.ALL);
            admin.createAcls(RelayAcls.forRelay("relay-it")).all().get(30, TimeUnit.SECONDS);
        }
    }

    private Map<String, Object> relayClient(Map<String, Object> specific) {
        return KafkaClients.create(broker.tlsBootstrapServers(), KafkaClients.SSL, new Pki(pki.relay(), pki.root().certificate()))
                .config(specific);
    }

    private void write(String topic) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(relayClient(Map.of("max.block.ms", 10_000)),
                Serdes.String().serializer(), Serdes.ByteArray().serializer())) {
            producer.send(new ProducerRecord<>(topic, "k", new byte[] {1})).get(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void theRelayPrincipalWritesIncomingAndNothingElse() throws Exception {
        write(Topics.EVENTS_INCOMING.name());
        for (String other : List.of(Topics.EVENTS_VALIDATED.name(), Topics.EVENTS_REJECTED.name(), Topics.EVENTS_RESULTS.name(),
                Topics.ANCHOR_RECEIPTS.name(), Topics.CONFIG_LABELS.name(), Topics.RELAYS_REGISTRY.name())) {
            assertThatThrownBy(() -> write(other)).as(other)
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void theRelayPrincipalCannotReadEventsBack() {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(relayClient(Map.of("group.id", "sneaky")),
                Serdes.String().deserializer(), Serdes.ByteArray().deserializer())) {
            consumer.subscribe(List.of(Topics.EVENTS_INCOMING.name()));
            assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(10))).isInstanceOfAny(TopicAuthorizationException.class,
                    org.apache.kafka.common.errors.GroupAuthorizationException.class);
        }
    }

    @Test
    void aCertificateFromAnotherRootIsNotLetIn(@TempDir Path dir) {
        TestPki foreign = TestPki.create(dir, "relay-it");
        Map<String, Object> config = KafkaClients.create(broker.tlsBootstrapServers(), KafkaClients.SSL,
                new Pki(foreign.relay(), pki.root().certificate())).config(Map.of("max.block.ms", 5_000));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, Serdes.String().serializer(),
                Serdes.ByteArray().serializer())) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.EVENTS_INCOMING.name(), "k", new byte[] {1}))
                    .get(20, TimeUnit.SECONDS)).isNotNull();
        }
    }

    @Test
    void aRelayRunsOverMutualTls() throws Exception {
        Map<String, String> tls = Map.of("EVENTPIPE_KAFKA_BOOTSTRAP_SERVERS", broker.tlsBootstrapServers(),
                "EVENTPIPE_KAFKA_SECURITY_PROTOCOL", "SSL", "EVENTPIPE_REPLY_TIMEOUT", "300ms");
        try (RelayApp relay = RelayApp.start(fixture.config("tls-relay", tls))) {
            DeviceClient device = new DeviceClient("http://127.0.0.1:" + relay.port());
            device.register();
            String event = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"capturedAt\":\"2026-01-15T08:00:00Z\","
                    + "\"labelConfig\":{\"id\":\"field-observation\",\"version\":1},\"annotations\":{},\"media\":[]}";
            // no processors on this broker: the event is queued and the answer is PENDING
            assertThat(device.postEvent(event).statusCode()).isEqualTo(202);
        }
    }
}
