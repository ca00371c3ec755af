package io.eventpipe.processors.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventpipe.avro.EventPackage;
import io.eventpipe.avro.EventResult;
import io.eventpipe.avro.LabelConfig;
import io.eventpipe.avro.LabelConfigStatus;
import io.eventpipe.avro.LabelConfigVersion;
import io.eventpipe.avro.LabelDefinition;
import io.eventpipe.avro.LabelType;
import io.eventpipe.avro.RelayRecord;
import io.eventpipe.avro.RejectedEvent;
import io.eventpipe.avro.ValidatedEvent;
import io.eventpipe.processors.SignedPackages;
import io.eventpipe.processors.config.ProcessorsConfig;
import io.eventpipe.processors.metrics.ProcessorsMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.eventpipe.schemas.registry.AvroSerializer;
import io.eventpipe.schemas.registry.SchemaRegistryClient;
import io.eventpipe.schemas.topics.ReplyHeaders;
import io.eventpipe.schemas.topics.Topics;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The validation topology under TopologyTestDriver, with signed packages and the wildlife label config. */
abstract class TopologyTestBase {


    static final String REGISTRY = "mock://validation-topology-test";
    static final Instant NOW = Instant.parse("2026-11-24T08:00:00Z");
    static final String EVENT_ID = "6f1c2a9e-8d3b-4c51-9a7e-0b2f4d6c8e10";

    protected TopologyTestDriver driver;
    protected TestInputTopic<String, byte[]> incoming;
    protected TestOutputTopic<String, ValidatedEvent> validated;
    protected TestOutputTopic<String, RejectedEvent> rejected;
    protected TestOutputTopic<String, EventResult> results;
    protected TestInputTopic<String, LabelConfig> labelConfigs;
    protected TestInputTopic<String, RelayRecord> relays;
    protected final SchemaRegistryClient registry = SchemaRegistryClient.shared(REGISTRY);

    protected SignedPackages packages;
    protected final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    static ProcessorsConfig config(Path rootCertificate) {
        return ProcessorsConfig.load(null, Map.of("EVENTPIPE_SCHEMA_REGISTRY_URL", REGISTRY,
                "EVENTPIPE_PKI_ROOT_CERTIFICATE", rootCertificate.toString(),
                "EVENTPIPE_S3_ACCESS_KEY", "unused", "EVENTPIPE_S3_SECRET_KEY", "unused"));
    }

    @BeforeEach
    void start(@TempDir Path dir) {
        Topics.ALL.forEach(topic -> registry.register(topic.valueSubject(), topic.valueSchema()));
        packages = SignedPackages.create(dir, "device-1", NOW);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "validator-test");
        driver = new TopologyTestDriver(ValidationTopology.build(config(packages.rootCertificate()), new ProcessorsMetrics(meters),
                Clock.fixed(NOW, ZoneOffset.UTC)), props);
        incoming = driver.createInputTopic(Topics.EVENTS_INCOMING.name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
        validated = driver.createOutputTopic(Topics.EVENTS_VALIDATED.name(), Serdes.String().deserializer(),
                Topics.EVENTS_VALIDATED.valueSerde(registry).deserializer());
        rejected = driver.createOutputTopic(Topics.EVENTS_REJECTED.name(), Serdes.String().deserializer(),
                Topics.EVENTS_REJECTED.valueSerde(registry).deserializer());
        results = driver.createOutputTopic(Topics.EVENTS_RESULTS.name(), Serdes.String().deserializer(),
                Topics.EVENTS_RESULTS.valueSerde(registry).deserializer());
        labelConfigs = driver.createInputTopic(Topics.CONFIG_LABELS.name(), Serdes.String().serializer(),
                new AvroSerializer<LabelConfig>(registry, false));
        relays = driver.createInputTopic(Topics.RELAYS_REGISTRY.name(), Serdes.String().serializer(),
                new AvroSerializer<RelayRecord>(registry, false));
        labelConfigs.pipeInput("wildlife", wildlife());
    }

    protected static LabelDefinition.Builder label(String name, LabelType type, boolean required) {
        return LabelDefinition.newBuilder().setName(name).setType(type).setRequired(required);
    }

    /** Version 1 active with a label of every type; version 2 deprecated. */
    static LabelConfig wildlife() {
        List<LabelDefinition> labels = List.of(
                label("species", LabelType.TEXT, true).setMaxLength(20).build(),
                label("count", LabelType.INTEGER, false).setMin(1.0).setMax(100.0).build(),
                label("weight", LabelType.NUMBER, false).setMin(0.0).build(),
                label("condition", LabelType.ENUM, false).setEnumValues(List.of("healthy", "injured")).build(),
                label("confirmed", LabelType.BOOLEAN, false).build(),
                label("seenOn", LabelType.DATE, false).build(),
                label("ring", LabelType.TEXT, false).setPattern("[A-Z]{2}[0-9]{4}").build());
        return LabelConfig.newBuilder().setId("wildlife").setName("Wildlife").setCurrentVersion(1).setUpdatedAt(NOW)
                .setVersions(List.of(
                        LabelConfigVersion.newBuilder().setVersion(1).setStatus(LabelConfigStatus.ACTIVE).setLabels(labels)
                                .setCreatedAt(NOW).build(),
                        LabelConfigVersion.newBuilder().setVersion(2).setStatus(LabelConfigStatus.DEPRECATED).setLabels(labels)
                                .setCreatedAt(NOW).build()))
                .build();
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    static String body(String capturedAt) {
        return body(capturedAt, 1, "{\"species\":\"otter\",\"count\":2.0}");
    }

    static String body(String capturedAt, int version, String annotations) {
        return "{\"eventId\":\"" + EVENT_ID + "\",\"capturedAt\":\"" + capturedAt + "\","
                + "\"labelConfig\":{\"id\":\"wildlife\",\"version\":" + version + "},\"annotations\":" + annotations + ","
                + "\"media\":[{\"sha256\":\"" + "ab".repeat(32) + "\",\"contentType\":\"image/jpeg\",\"size\":10}]}";
    }

    protected List<String> rejectionOf(String body) throws Exception {
        send(pkg(body, hashOf(body)));
        return onlyRejection().getReasons().stream().map(r -> r.getCode() + " " + r.getField()).toList();
    }

    protected static String hashOf(String json) {
        return SignedPackages.hashOf(json);
    }

    protected EventPackage pkg(String body, String hash) {
        return packages.pkg(EVENT_ID, body, NOW).setEventHash(hash).build();
    }

    protected void send(EventPackage pkg) {
        RecordHeaders headers = new RecordHeaders();
        ReplyHeaders.write(headers, 3, "relay-1/instance-a", pkg.getEventId());
        byte[] value = new AvroSerializer<EventPackage>(registry, false).serialize(Topics.EVENTS_INCOMING.name(), pkg);
        incoming.pipeInput(new org.apache.kafka.streams.test.TestRecord<>("device-1", value, headers, NOW));
    }

    protected RejectedEvent onlyRejection() {
        assertThat(validated.isEmpty()).isTrue();
        RejectedEvent event = rejected.readValue();
        assertThat(rejected.isEmpty()).isTrue();
        return event;
    }

}
