package io.eventpipe.relay.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventpipe.avro.LabelConfig;
import io.eventpipe.avro.LabelConfigStatus;
import io.eventpipe.avro.LabelConfigVersion;
import io.eventpipe.avro.LabelDefinition;
import io.eventpipe.avro.LabelType;
import io.eventpipe.avro.RelayRecord;
import io.eventpipe.avro.RelayStatus;
import io.eventpipe.common.pki.RelayStatement;
import io.eventpipe.relay.RelayApp;
import io.eventpipe.relay.RelayFixture;
import io.eventpipe.schemas.registry.RestSchemaRegistryClient;
import io.eventpipe.schemas.topics.Topic;
import io.eventpipe.schemas.topics.Topics;
import io.eventpipe.stack.Await;
import io.eventpipe.testkit.DeviceClient;
import io.eventpipe.testkit.RealServers;
import io.eventpipe.testkit.TestServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The relay follows the compacted topics admins write: label configs and relay revocations. */
@ExtendWith(RealServers.class)
class RegistryViewsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    private static <V extends SpecificRecord> void publish(TestServers servers, Topic<V> topic, String key, V value) throws Exception {
        var registry = new RestSchemaRegistryClient(servers.registry().confluentApiUrl());
        try (KafkaProducer<String, V> producer = new KafkaProducer<>(Map.of("bootstrap.servers", servers.kafka().bootstrapServers()),
                Serdes.String().serializer(), topic.valueSerde(registry).serializer())) {
            producer.send(new ProducerRecord<>(topic.name(), key, value)).get(30, TimeUnit.SECONDS);
        }
    }

    private String labelConfigs(RelayApp relay) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + relay.port() + "/v1/label-configs")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void labelConfigsPublishedAfterStartAppearAndTombstonesRemoveThem(TestServers servers, @TempDir Path dir) throws Exception {
        String id = "birds-" + UUID.randomUUID();
        LabelConfig config = LabelConfig.newBuilder().setId(id).setName("Birds").setCurrentVersion(1).setUpdatedAt(Instant.now())
                .setVersions(List.of(LabelConfigVersion.newBuilder().setVersion(1).setStatus(LabelConfigStatus.ACTIVE)
                        .setCreatedAt(Instant.now()).setLabels(List.of(LabelDefinition.newBuilder().setName("species")
                                .setType(LabelType.ENUM).setRequired(true).setEnumValues(List.of("heron", "stork")).build()))
                        .build()))
                .build();
        try (RelayApp relay = RelayApp.start(new RelayFixture(servers, dir).config("views-labels", Map.of()))) {
            publish(servers, Topics.CONFIG_LABELS, id, config);
            Await.until("the label config on the relay", Duration.ofSeconds(20), () -> call(() -> labelConfigs(relay)).contains(id));
            var listed = JSON.readTree(labelConfigs(relay)).get("labelConfigs");
            var mine = java.util.stream.StreamSupport.stream(listed.spliterator(), false)
                    .filter(c -> c.get("id").asText().equals(id)).findFirst().orElseThrow();
            assertThat(mine.get("versions").get(0).get("labels").get(0).get("enumValues").toString()).isEqualTo("[\"heron\",\"stork\"]");

            publish(servers, Topics.CONFIG_LABELS, id, null);
            Await.until("the tombstone to remove it", Duration.ofSeconds(20), () -> !call(() -> labelConfigs(relay)).contains(id));
        }
    }

    @Test
    void devicesOfARevokedRelayAreRefusedWithinSeconds(TestServers servers, @TempDir Path dir) throws Exception {
        String relayId = "relay-revoked-" + UUID.randomUUID().toString().substring(0, 8);
        RelayFixture fixture = new RelayFixture(servers, dir, relayId);
        try (RelayApp relay = RelayApp.start(fixture.config("views-revocation", Map.of("EVENTPIPE_REPLY_TIMEOUT", "200ms")))) {
            DeviceClient device = new DeviceClient("http://127.0.0.1:" + relay.port());
            device.register();
            assertThat(device.send("GET", "/v1/events/" + UUID.randomUUID(), null, null, Instant.now()).statusCode()).isEqualTo(404);

            // revocation follows the relay's identity: the registry may name a later (rotated) certificate
            publish(servers, Topics.RELAYS_REGISTRY, relayId, RelayRecord.newBuilder()
                    .setRelayId(relayId).setName("revoked in a test").setStatus(RelayStatus.REVOKED)
                    .setCertificateFingerprint("ee".repeat(32))
                    .setRevokedAt(Instant.now()).setRevocationReason("key compromise drill").setUpdatedAt(Instant.now()).build());

            Await.until("requests of the relay's devices to be refused", Duration.ofSeconds(20), () -> call(() ->
                    device.send("GET", "/v1/events/" + UUID.randomUUID(), null, null, Instant.now()).statusCode()) == 403);
            HttpResponse<String> refused = device.send("GET", "/v1/events/" + UUID.randomUUID(), null, null, Instant.now());
            assertThat(JSON.readTree(refused.body()).get("error").asText()).isEqualTo("revoked_certificate");
            // and a revoked relay certifies no one any more
            HttpResponse<String> registration = new DeviceClient("http://127.0.0.1:" + relay.port()).tryRegister();
            assertThat(registration.statusCode()).isEqualTo(403);
            assertThat(JSON.readTree(registration.body()).get("error").asText()).isEqualTo("relay_revoked");
        }
    }

    /** GET /v1/relays serves the approved relays the root signed, and nothing it did not sign. */
    @Test
    void discoveryListsOnlyRootSignedApprovedRelays(TestServers servers, @TempDir Path dir) throws Exception {
        RelayFixture fixture = new RelayFixture(servers, dir);
        String signedId = "relay-signed-" + UUID.randomUUID();
        String forgedId = "relay-forged-" + UUID.randomUUID();
        Instant now = Instant.now();
        RelayStatement statement = new RelayStatement(signedId, "Signed", "APPROVED", "https://signed.example", "cd".repeat(32), now);
        publish(servers, Topics.RELAYS_REGISTRY, signedId, RelayRecord.newBuilder().setRelayId(signedId).setName("Signed")
                .setStatus(RelayStatus.APPROVED).setEndpoint("https://signed.example").setCertificateFingerprint("cd".repeat(32))
                .setUpdatedAt(now).setRootSignature(statement.sign(fixture.pki().root().privateKey())).build());
        // same statement, signed by a key that is not the root
        var stranger = io.eventpipe.common.crypto.Ed25519.generate();
        publish(servers, Topics.RELAYS_REGISTRY, forgedId, RelayRecord.newBuilder().setRelayId(forgedId).setName("Forged")
                .setStatus(RelayStatus.APPROVED).setEndpoint("https://forged.example").setCertificateFingerprint("ef".repeat(32))
                .setUpdatedAt(now).setRootSignature(new RelayStatement(forgedId, "Forged", "APPROVED", "https://forged.example",
                        "ef".repeat(32), now).sign(stranger.getPrivate())).build());
        try (RelayApp relay = RelayApp.start(fixture.config("views-discovery", Map.of()))) {
            String body = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + relay.port() + "/v1/relays")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            var answer = JSON.readTree(body);
            var entries = java.util.stream.StreamSupport.stream(answer.get("relays").spliterator(), false).toList();
            var signed = entries.stream().filter(e -> e.get("relayId").asText().equals(signedId)).findFirst().orElseThrow();
            assertThat(entries).noneMatch(e -> e.get("relayId").asText().equals(forgedId));
            // anyone can check an entry with the root certificate served beside it
            var root = io.eventpipe.common.pki.Pem.certificate(answer.get("root").asText());
            RelayStatement served = new RelayStatement(signed.get("relayId").asText(), signed.get("name").asText(),
                    signed.get("status").asText(), signed.get("endpoint").asText(), signed.get("certificateFingerprint").asText(),
                    Instant.parse(signed.get("updatedAt").asText()));
            assertThat(served.verify(root.getPublicKey(), signed.get("signature").asText())).isTrue();
        }
    }

    private static <T> T call(java.util.concurrent.Callable<T> action) {
        try {
            return action.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
