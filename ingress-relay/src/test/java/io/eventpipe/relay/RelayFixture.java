package io.eventpipe.relay;

import io.eventpipe.common.crypto.Hex;
import io.eventpipe.relay.config.RelayConfig;
import io.eventpipe.schemas.registry.RestSchemaRegistryClient;
import io.eventpipe.schemas.topics.TopicProvisioner;
import io.eventpipe.schemas.topics.Topics;
import io.eventpipe.processors.config.ProcessorsConfig;
import io.eventpipe.storage.S3Settings;
import io.eventpipe.testkit.TestPki;
import io.eventpipe.testkit.TestServers;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import io.eventpipe.avro.LabelConfig;
import io.eventpipe.avro.LabelConfigStatus;
import io.eventpipe.avro.LabelConfigVersion;
import io.eventpipe.avro.LabelDefinition;
import io.eventpipe.avro.LabelType;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;

/** Topics provisioned and the settings of relays on the test run's real servers. */
public final class RelayFixture {

    /** One secret for all relays of a run, as in production. */
    public static final String POW_SECRET = Hex.encode(SecureRandom.getSeed(32));

    private final TestServers servers;
    private final TestPki pki;
    private final String relayId;

    public RelayFixture(TestServers servers, Path dir) {
        this(servers, dir, "relay-it");
    }

    /** With a relay identity of its own: for tests that revoke it (revocation follows the relay id, on every relay). */
    public RelayFixture(TestServers servers, Path dir, String relayId) {
        this.servers = servers;
        this.relayId = relayId;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", servers.kafka().bootstrapServers()))) {
            new TopicProvisioner(admin, new RestSchemaRegistryClient(servers.registry().confluentApiUrl()), (short) 1)
                    .provision(Topics.ALL);
        }
        publishFieldObservation(servers);
        this.pki = TestPki.create(dir, relayId);
    }

    /** The label configuration the tests' events cite, as the dev stack's sample. */
    private static void publishFieldObservation(TestServers servers) {
        Instant now = Instant.now();
        List<LabelDefinition> labels = List.of(
                LabelDefinition.newBuilder().setName("species").setType(LabelType.TEXT).setRequired(true).build(),
                LabelDefinition.newBuilder().setName("count").setType(LabelType.INTEGER).setMin(1.0).build(),
                LabelDefinition.newBuilder().setName("confirmed").setType(LabelType.BOOLEAN).build());
        LabelConfig config = LabelConfig.newBuilder().setId("field-observation").setName("Field observation").setCurrentVersion(1)
                .setUpdatedAt(now).setVersions(List.of(LabelConfigVersion.newBuilder().setVersion(1).setStatus(LabelConfigStatus.ACTIVE)
                        .setLabels(labels).setCreatedAt(now).build())).build();
        var registry = new RestSchemaRegistryClient(servers.registry().confluentApiUrl());
        try (KafkaProducer<String, LabelConfig> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", servers.kafka().bootstrapServers()), Serdes.String().serializer(),
                Topics.CONFIG_LABELS.valueSerde(registry).serializer())) {
            producer.send(new ProducerRecord<>(Topics.CONFIG_LABELS.name(), config.getId(), config)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish the test label configuration", e);
        }
    }

    public TestPki pki() {
        return pki;
    }

    /** A relay on a free port; extra settings (EVENTPIPE_* names) override. */
    public RelayConfig config(String instanceId, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Map.of(
                "EVENTPIPE_HTTP_PORT", "0",
                "EVENTPIPE_RELAY_ID", relayId,
                "EVENTPIPE_RELAY_INSTANCE_ID", instanceId,
                "EVENTPIPE_KAFKA_BOOTSTRAP_SERVERS", servers.kafka().bootstrapServers(),
                "EVENTPIPE_SCHEMA_REGISTRY_URL", servers.registry().confluentApiUrl(),
                "EVENTPIPE_REDIS_URL", servers.redis().uri(),
                "EVENTPIPE_PKI_DIR", pki.relayDir().toString(),
                "EVENTPIPE_POW_SECRET", POW_SECRET,
                "EVENTPIPE_POW_DIFFICULTY_MIN", "8",
                "EVENTPIPE_POW_DIFFICULTY_MAX", "12"));
        // tests register many devices from one address; RateLimitIT sets its own limits
        env.put("EVENTPIPE_RATELIMIT_REGISTRATION_PER_MINUTE", "100000");
        env.put("EVENTPIPE_RATELIMIT_REGISTRATION_BURST", "10000");
        env.put("EVENTPIPE_S3_ENDPOINT", servers.s3().endpoint());
        env.put("EVENTPIPE_S3_ACCESS_KEY", servers.s3().credentials().accessKey());
        env.put("EVENTPIPE_S3_SECRET_KEY", servers.s3().credentials().secretKey());
        env.put("EVENTPIPE_S3_BUCKET", TestServers.BUCKET);
        env.putAll(extra);
        return RelayConfig.load(null, env);
    }

    /** Stream processors for these relays: same broker, registry, root and S3; their own application id and state. */
    public ProcessorsConfig processorsConfig(String applicationId, Path stateDir) {
        Map<String, String> env = ProcessorsConfig.environment(servers.kafka().bootstrapServers(), servers.registry().confluentApiUrl(),
                applicationId, applicationId, pki.relayDir().resolve("root.crt.pem"), new S3Settings(servers.s3().endpoint(), "us-east-1",
                        TestServers.BUCKET, servers.s3().credentials().accessKey(), servers.s3().credentials().secretKey()));
        env.put("EVENTPIPE_STREAMS_THREADS", "1");
        env.put("EVENTPIPE_STREAMS_STATE_DIR", stateDir.toString());
        env.put("EVENTPIPE_MANAGEMENT_PORT", "0");
        return ProcessorsConfig.load(null, env);
    }
}
